/* fuzz_common.c - invariant helpers for the fuzz targets (see fuzz.h). */
#include "fuzz.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistr.h>

const char *fuzz_current_input;

void fuzz_fail(const char *file, int line, const char *expr)
{
	fprintf(stderr, "fuzz: invariant broken at %s:%d: %s\n", file, line, expr);
	if (fuzz_current_input)
		fprintf(stderr, "fuzz: input %s\n", fuzz_current_input);
	abort();
}

bool fuzz_valid_utf8(const char *s, size_t n)
{
	return u8_check((const uint8_t *)s, n) == NULL;
}

bool fuzz_is_control(uint32_t cp)
{
	return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0);
}

bool fuzz_is_bidi_control(uint32_t cp)
{
	return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
	       cp == 0x200E || cp == 0x200F || cp == 0x061C || cp == 0xFEFF;
}

bool fuzz_each_cp(const char *s, size_t n, bool (*fn)(uint32_t cp))
{
	const uint8_t *p = (const uint8_t *)s, *end = p + n;
	while (p < end) {
		ucs4_t cp;
		int k = u8_mbtoucr(&cp, p, (size_t)(end - p));
		if (k <= 0 || !fn(cp))
			return false;
		p += k;
	}
	return true;
}
