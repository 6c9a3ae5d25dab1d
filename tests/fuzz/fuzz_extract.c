/* fuzz_extract.c - a page's main text and a page's feed link: any bytes as HTML.
 *
 * Invariants: never fatal; every paragraph is non-empty valid UTF-8 without leading or
 * trailing blanks; a discovered feed is an absolute http(s) URL; charset conversion gives a
 * NUL-terminated buffer of the length it says. */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "qari/extract.h"
#include "qari/fetch.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char **p, *feed, *utf8, *error = NULL;
	size_t n = extract_main_text((const char *)data, size, &p), len;

	for (size_t i = 0; i < n; i++) {
		size_t k = strlen(p[i]);
		FUZZ_CHECK(k > 0 && fuzz_valid_utf8(p[i], k));
		FUZZ_CHECK(p[i][0] != ' ' && p[i][k - 1] != ' ');
		free(p[i]);
	}
	free(p);
	feed = fetch_discover_feed((const char *)data, size, "http://example.org/a/b.html");
	FUZZ_CHECK(feed == NULL || strncmp(feed, "http://", 7) == 0 || strncmp(feed, "https://", 8) == 0);
	free(feed);
	utf8 = fetch_to_utf8((const char *)data, size, NULL, &len, &error);
	FUZZ_CHECK(utf8 != NULL || error != NULL);
	if (utf8)
		FUZZ_CHECK(utf8[len] == '\0');
	free(utf8);
	free(error);
	return 0;
}
