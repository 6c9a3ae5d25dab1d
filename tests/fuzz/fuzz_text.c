/* fuzz_text.c - the UTF-8 helpers every loader and subcommand relies on.
 *
 * text_sanitize_utf8: valid UTF-8 out, no NUL, valid input (without NUL) kept byte for byte,
 * idempotent. text_neutralize: valid UTF-8 with no C0, DEL or C1 at all (tab becomes a space,
 * the others pictures or U+FFFD) and no bidi control. text_decode and text_trim stay in bounds. */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "qari/text.h"
#include "qari/xalloc.h"

static bool fuzz_text_printable(uint32_t cp)
{
	return !fuzz_is_control(cp) && !fuzz_is_bidi_control(cp);
}

static void fuzz_text_sanitize(const char *data, size_t size)
{
	struct strbuf sb = {0}, again = {0};
	char *s;

	text_sanitize_utf8_into(&sb, data, size);
	FUZZ_CHECK(sb.len == 0 || sb.data != NULL);
	FUZZ_CHECK(fuzz_valid_utf8(sb.data, sb.len));
	FUZZ_CHECK(sb.len == 0 || memchr(sb.data, '\0', sb.len) == NULL);
	if (fuzz_valid_utf8(data, size) && (size == 0 || memchr(data, '\0', size) == NULL))
		FUZZ_CHECK(sb.len == size && memcmp(sb.data ? sb.data : "", data, size) == 0);
	text_sanitize_utf8_into(&again, sb.data, sb.len);
	FUZZ_CHECK(again.len == sb.len && memcmp(again.data, sb.data, sb.len) == 0);
	s = text_sanitize_utf8(data, size);
	FUZZ_CHECK(strlen(s) == sb.len && memcmp(s, sb.data ? sb.data : "", sb.len) == 0);
	free(s);
	strbuf_free(&sb);
	strbuf_free(&again);
}

static void fuzz_text_neutralize(const char *data, size_t size)
{
	struct strbuf sb = {0};
	char *nul_term = xmalloc(size + 1), *s;

	text_neutralize_into(&sb, data, size);
	FUZZ_CHECK(fuzz_valid_utf8(sb.data, sb.len));
	FUZZ_CHECK(fuzz_each_cp(sb.data, sb.len, fuzz_text_printable));
	/* the C-string form stops at the first NUL and must agree up to there */
	memcpy(nul_term, data, size);
	nul_term[size] = '\0';
	s = text_neutralize(nul_term);
	FUZZ_CHECK(fuzz_valid_utf8(s, strlen(s)));
	FUZZ_CHECK(fuzz_each_cp(s, strlen(s), fuzz_text_printable));
	free(s);
	free(nul_term);
	strbuf_free(&sb);
}

static void fuzz_text_decode_trim(const char *data, size_t size)
{
	const char *s = data;
	size_t n = size, rtl = 0, ltr = 0;

	for (size_t i = 0; i < size;) {
		uint32_t cp;
		int k = text_decode(data + i, size - i, &cp);
		FUZZ_CHECK(k >= 1 && k <= 4 && (size_t)k <= size - i);
		FUZZ_CHECK(cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF));
		i += (size_t)k;
	}
	text_trim(&s, &n);
	FUZZ_CHECK(s >= data && s + n <= data + size);
	FUZZ_CHECK(text_is_blank(data, size) == (n == 0));
	text_count_strong(data, size, &rtl, &ltr);
	FUZZ_CHECK(rtl + ltr <= size);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_text_sanitize((const char *)data, size);
	fuzz_text_neutralize((const char *)data, size);
	fuzz_text_decode_trim((const char *)data, size);
	return 0;
}
