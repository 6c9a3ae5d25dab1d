/* test_conformance.c - the layout layer's bidi and cluster code against Unicode's own test
 * files (Debian's unicode-data): BidiCharacterTest.txt, levels and visual order of every
 * case, and GraphemeBreakTest.txt. Counts are printed; every case must pass. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "qari/layout.h"
#include "qari/xalloc.h"

#define CONF_MAX 512

static const char *conf_dir(void)
{
	const char *d = getenv("QARI_UNICODE_DATA");
	return d ? d : "/usr/share/unicode";
}

static size_t conf_parse_hex_list(char *s, uint32_t *out)
{
	size_t n = 0;
	char *end;
	while (n < CONF_MAX) {
		unsigned long v = strtoul(s, &end, 16);
		if (end == s)
			break;
		out[n++] = (uint32_t)v;
		s = end;
	}
	return n;
}

/* One line: code points; paragraph direction; resolved level; levels; visual order. */
static bool conf_bidi_case(char *line, size_t *fails_levels, size_t *fails_order)
{
	char *f[5];
	uint32_t cps[CONF_MAX];
	int levels[CONF_MAX];
	size_t order[CONF_MAX], norder, n, k = 0;
	bool ok = true;

	for (int i = 0; i < 5; i++) {
		f[i] = strsep(&line, ";");
		if (f[i] == NULL)
			return false;
	}
	n = conf_parse_hex_list(f[0], cps);
	int par = layout_bidi_levels(cps, n, atoi(f[1]), levels);
	if (par != atoi(f[2]))
		ok = false;
	char *tok = strtok(f[3], " ");
	for (size_t i = 0; i < n; i++, tok = strtok(NULL, " ")) {
		int want = tok == NULL ? -2 : strcmp(tok, "x") == 0 ? -1 : atoi(tok);
		if (want != levels[i])
			ok = false;
	}
	if (!ok)
		(*fails_levels)++;
	layout_bidi_reorder(cps, n, atoi(f[1]), order, &norder);
	for (tok = strtok(f[4], " \n"); tok; tok = strtok(NULL, " \n"), k++)
		if (k >= norder || order[k] != (size_t)atoi(tok))
			break;
	if (tok != NULL || k != norder) {
		(*fails_order)++;
		ok = false;
	}
	return ok;
}

static void test_bidi_character_test(void)
{
	char *path = xasprintf("%s/BidiCharacterTest.txt", conf_dir());
	FILE *f = fopen(path, "r");
	char line[8192];
	size_t cases = 0, fails_levels = 0, fails_order = 0, shown = 0;

	CHECK(f != NULL);
	while (f && fgets(line, sizeof line, f)) {
		char copy[8192];
		if (line[0] == '#' || line[0] == '\n')
			continue;
		memcpy(copy, line, sizeof copy);
		cases++;
		if (!conf_bidi_case(line, &fails_levels, &fails_order) && shown++ < 5)
			fprintf(stderr, "bidi case failed: %s", copy);
	}
	if (f)
		fclose(f);
	printf("BidiCharacterTest: %zu cases, %zu level failures, %zu order failures\n", cases,
	       fails_levels, fails_order);
	CHECK(cases >= 90000);
	CHECK_INT(fails_levels, 0);
	CHECK_INT(fails_order, 0);
	free(path);
}

/* "÷ 0020 × 0308 ÷" : breaks before each code point, and at the end */
static void test_grapheme_break_test(void)
{
	char *path = xasprintf("%s/auxiliary/GraphemeBreakTest.txt", conf_dir());
	FILE *f = fopen(path, "r");
	char line[4096];
	size_t cases = 0, fails = 0;

	CHECK(f != NULL);
	while (f && fgets(line, sizeof line, f)) {
		uint32_t cps[CONF_MAX];
		char want[CONF_MAX], got[CONF_MAX];
		size_t n = 0;
		char *hash = strchr(line, '#');
		if (hash)
			*hash = '\0';
		for (char *tok = strtok(line, " \t\n"); tok; tok = strtok(NULL, " \t\n")) {
			if (strcmp(tok, "\xc3\xb7") == 0) /* ÷ */
				want[n] = 1;
			else if (strcmp(tok, "\xc3\x97") == 0) /* × */
				want[n] = 0;
			else
				cps[n++] = (uint32_t)strtoul(tok, NULL, 16);
		}
		if (n == 0)
			continue;
		cases++;
		memset(got, 0, sizeof got);
		layout_cluster_breaks(cps, n, got);
		for (size_t i = 0; i < n; i++)
			if ((got[i] != 0) != (want[i] != 0)) {
				if (fails++ < 5)
					fprintf(stderr, "grapheme case %zu failed at %zu\n", cases, i);
				break;
			}
	}
	if (f)
		fclose(f);
	printf("GraphemeBreakTest: %zu cases, %zu failures\n", cases, fails);
	CHECK(cases >= 600);
	CHECK_INT(fails, 0);
	free(path);
}

int main(void)
{
	test_bidi_character_test();
	test_grapheme_break_test();
	return check_done();
}
