/* load_text.c - the plain-text article format.
 *
 * First non-empty line: the headline (a photo caption's trailing " |" dropped). Each further
 * non-empty line: a paragraph. "المصدر: URL" or "Source: URL" gives the source URL. Lines that
 * match a pattern in assets/furniture.txt (advertisements, comment counters) are dropped. */
#include <errno.h>
#include <pthread.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "loader.h"
#include "qari/corpus.h"
#include "qari/text.h"
#include "qari/xalloc.h"

#define LOAD_TEXT_MAX_PATTERNS 64
#define LOAD_TEXT_SNIFF 8192

static regex_t load_text_patterns[LOAD_TEXT_MAX_PATTERNS];
static size_t load_text_npatterns;
static pthread_once_t load_text_once = PTHREAD_ONCE_INIT;

static void load_text_read_patterns(void)
{
	char *path = corpus_asset_path("furniture.txt");
	FILE *f = fopen(path, "r");
	char line[1024];

	if (f == NULL) {
		free(path);
		return; /* without the data file nothing is treated as furniture */
	}
	while (fgets(line, sizeof line, f) && load_text_npatterns < LOAD_TEXT_MAX_PATTERNS) {
		char *re;
		line[strcspn(line, "\r\n")] = '\0';
		if (line[0] == '#' || line[0] == '\0')
			continue;
		re = xasprintf("^(%s)$", line);
		if (regcomp(&load_text_patterns[load_text_npatterns], re,
			    REG_EXTENDED | REG_NOSUB | REG_ICASE) == 0)
			load_text_npatterns++;
		else
			fprintf(stderr, "qari: %s: bad pattern '%s', ignored\n", path, line);
		free(re);
	}
	fclose(f);
	free(path);
}

static bool load_text_is_furniture(const char *line)
{
	pthread_once(&load_text_once, load_text_read_patterns);
	for (size_t i = 0; i < load_text_npatterns; i++)
		if (regexec(&load_text_patterns[i], line, 0, NULL, 0) == 0)
			return true;
	return false;
}

/* "المصدر: URL" or "Source: URL": returns the URL part, or NULL. */
static const char *load_text_source_url(const char *line)
{
	static const char *const prefixes[] = {"المصدر:", "Source:", "source:", "SOURCE:"};
	for (size_t i = 0; i < sizeof prefixes / sizeof *prefixes; i++) {
		size_t n = strlen(prefixes[i]);
		if (strncmp(line, prefixes[i], n) == 0) {
			line += n;
			while (*line == ' ' || *line == '\t')
				line++;
			return *line ? line : NULL;
		}
	}
	return NULL;
}

/* Text files hold no NUL bytes; a file that does is binary (an image, an archive). */
static bool load_text_is_binary(const char *data, size_t len)
{
	return memchr(data, '\0', len < LOAD_TEXT_SNIFF ? len : LOAD_TEXT_SNIFF) != NULL;
}

static void load_text_line(struct article *a, const char *s, size_t n)
{
	char *line;
	const char *url;

	text_trim(&s, &n);
	if (n == 0)
		return;
	line = text_sanitize_utf8(s, n);
	if (a->title == NULL) {
		size_t len = strlen(line);
		if (len >= 2 && strcmp(line + len - 2, " |") == 0)
			len -= 2;
		article_set_title(a, line, len);
	} else if ((url = load_text_source_url(line)) != NULL) {
		article_set_field(&a->url, url, strlen(url));
	} else if (!load_text_is_furniture(line)) {
		article_take_para(a, line); /* trimmed and sanitised above: no second pass */
		return;
	}
	free(line);
}

void load_text(struct corpus *c, const char *name, const char *data, size_t len)
{
	struct article *a;
	size_t start = 0;

	if (load_text_is_binary(data, len)) {
		load_report_add(&c->report, "%s: not a text file (binary data)", name);
		return;
	}
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		start = 3; /* byte order mark */
	a = article_new(name);
	while (start <= len && !load_budget_spent()) {
		const char *nl = memchr(data + start, '\n', len - start);
		if (a->npara >= LOAD_BUDGET_ARTICLE_PARAS && !load_budget_para(a->npara))
			break; /* the article is full: reported, the rest not even read */
		size_t end = nl ? (size_t)(nl - data) : len;
		load_text_line(a, data + start, end - start); /* trimming drops a CR */
		start = end + 1;
	}
	if (a->title == NULL) {
		load_report_add(&c->report, "%s: empty file", name);
		article_free(a);
		return;
	}
	corpus_add(c, a);
}
