/* fuzz_subs.c - the subscriptions: any bytes as a urls file and as an OPML document.
 *
 * Invariants: never fatal; every subscription has an http(s) URL and no URL twice; each
 * message names a line of the input; a subscription written back by subs_format_line parses
 * to the same URL, name and tags; OPML out of the parsed subscriptions parses back to the same
 * URLs. */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "qari/subs.h"
#include "qari/xalloc.h"

static void fuzz_subs_round_trip(const struct sub *sub)
{
	char *line = subs_format_line(sub);
	struct subs back = {0};
	subs_parse(&back, "line", line, strlen(line));
	FUZZ_CHECK(back.n == 1);
	if (back.n == 1) {
		const struct sub *b = &back.v[0];
		FUZZ_CHECK(strcmp(b->url, sub->url) == 0 || strpbrk(sub->url, " \t\r\n"));
		FUZZ_CHECK((b->name == NULL) == (sub->name == NULL));
		FUZZ_CHECK(b->ntags <= sub->ntags);
	}
	subs_free(&back);
	free(line);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct subs s = {0}, o = {0}, back = {0};
	size_t lines = 1;
	char *doc;

	for (size_t i = 0; i < size; i++)
		lines += data[i] == '\n';
	subs_parse(&s, "urls", (const char *)data, size);
	for (size_t i = 0; i < s.n; i++) {
		FUZZ_CHECK(strncmp(s.v[i].url, "http://", 7) == 0 || strncmp(s.v[i].url, "https://", 8) == 0);
		FUZZ_CHECK(s.v[i].line >= 1 && s.v[i].line <= lines);
		for (size_t k = 0; k < i; k++)
			FUZZ_CHECK(strcmp(s.v[i].url, s.v[k].url) != 0);
		if (fuzz_valid_utf8(s.v[i].url, strlen(s.v[i].url)))
			fuzz_subs_round_trip(&s.v[i]);
	}
	for (size_t i = 0; i < s.nmessages; i++) {
		unsigned long line = strtoul(s.messages[i] + 5, NULL, 10);
		FUZZ_CHECK(strncmp(s.messages[i], "urls:", 5) == 0 && line >= 1 && line <= lines);
	}
	doc = subs_to_opml(&s);
	subs_parse_opml(&back, "out", doc, strlen(doc));
	for (size_t i = 0; i < back.n; i++)
		FUZZ_CHECK(subs_find(&s, back.v[i].url) != NULL);
	subs_parse_opml(&o, "opml", (const char *)data, size);
	for (size_t i = 0; i < o.n; i++)
		FUZZ_CHECK(strncmp(o.v[i].url, "http", 4) == 0);
	free(doc);
	subs_free(&s);
	subs_free(&o);
	subs_free(&back);
	return 0;
}
