/* listing.c - the list's orders, date labels, source names and the kept sort. */
#include "qari/listing.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qari/fsutil.h"
#include "qari/text.h"
#include "qari/xalloc.h"

#define LISTING_SOURCES_MAX (1u << 20)
#define LISTING_PREFS_MAX 4096

static const char *const listing_keys[LISTING_NSORTS] = {"newest", "oldest", "source", "title"};
static const char *const listing_names[LISTING_NSORTS] = {"newest first", "oldest first",
							  "by source", "by title"};

const char *listing_sort_name(enum listing_sort s) { return listing_names[s]; }
const char *listing_sort_key(enum listing_sort s) { return listing_keys[s]; }

bool listing_sort_parse(const char *key, enum listing_sort *out)
{
	for (int s = 0; s < LISTING_NSORTS; s++)
		if (strcmp(key, listing_keys[s]) == 0) {
			*out = (enum listing_sort)s;
			return true;
		}
	return false;
}

static int listing_cmp_dates(const struct article *a, const struct article *b)
{
	if (a->date_key == b->date_key)
		return 0;
	return a->date_key > b->date_key ? -1 : 1;
}

static int listing_cmp_strings(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "");
}

int listing_cmp(const struct corpus *c, enum listing_sort s, size_t a, size_t b)
{
	const struct article *x = c->items[a], *y = c->items[b];
	int d = 0;

	switch (s) {
	case LISTING_NEWEST: d = listing_cmp_dates(x, y); break;
	case LISTING_OLDEST: d = -listing_cmp_dates(x, y); break;
	case LISTING_SOURCE:
		if ((d = listing_cmp_strings(x->source, y->source)) == 0)
			d = listing_cmp_dates(x, y);
		break;
	case LISTING_TITLE: d = listing_cmp_strings(x->title, y->title); break;
	case LISTING_NSORTS: break;
	}
	if (d != 0)
		return d;
	return a < b ? -1 : a > b;
}

static void listing_sources_add(struct listing_sources *s, const char *slug, size_t n,
				const char *name, size_t nn)
{
	uint32_t id;
	if (strtab_find(&s->slugs, slug, n, &id))
		return; /* the first line for a slug wins */
	strtab_intern(&s->slugs, slug, n);
	s->names = xreallocarray(s->names, s->n + 1, sizeof *s->names);
	s->names[s->n++] = text_sanitize_utf8(name, nn);
}

void listing_sources_load(struct listing_sources *s)
{
	char *path = corpus_asset_path("sources.tsv"), *data, *line, *next;
	size_t len;

	memset(s, 0, sizeof *s);
	strtab_init(&s->slugs);
	data = fsutil_read_file(path, LISTING_SOURCES_MAX, &len);
	free(path);
	for (line = data; line && *line; line = next) {
		char *tab, *end = strchr(line, '\n');
		next = end ? end + 1 : line + strlen(line);
		if (end)
			*end = '\0';
		if (*line == '#' || (tab = strchr(line, '\t')) == NULL || tab == line || tab[1] == '\0')
			continue;
		listing_sources_add(s, line, (size_t)(tab - line), tab + 1, strlen(tab + 1));
	}
	free(data);
}

void listing_sources_free(struct listing_sources *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->names[i]);
	free(s->names);
	strtab_free(&s->slugs);
	memset(s, 0, sizeof *s);
}

const char *listing_source_name(const struct listing_sources *s, const struct article *a)
{
	uint32_t id;

	if (a->source == NULL)
		return NULL;
	if (s && strtab_find(&s->slugs, a->source, strlen(a->source), &id))
		return s->names[id];
	return a->source;
}

void listing_date_label(const struct article *a, time_t now, bool wide, char out[LISTING_DATE_MAX])
{
	struct tm t, today;
	time_t when = (time_t)a->date_key;
	bool has_time = a->date && strlen(a->date) > 10;

	out[0] = '\0';
	if (a->date == NULL || !localtime_r(&when, &t) || !localtime_r(&now, &today))
		return;
	if (has_time && t.tm_year == today.tm_year && t.tm_yday == today.tm_yday)
		strftime(out, LISTING_DATE_MAX, "%H:%M", &t);
	else if (t.tm_year == today.tm_year)
		strftime(out, LISTING_DATE_MAX, "%d %b", &t);
	else
		strftime(out, LISTING_DATE_MAX, wide ? "%Y-%m-%d" : "%b %Y", &t);
}

static char *listing_prefs_path(const char *dir) { return xasprintf("%s/view", dir); }

enum listing_sort listing_prefs_load(const char *dir)
{
	enum listing_sort s = LISTING_NEWEST;
	char *path, *data, *p;
	size_t len;

	if (dir == NULL)
		return s;
	path = listing_prefs_path(dir);
	data = fsutil_read_file(path, LISTING_PREFS_MAX, &len);
	if (data && (p = strstr(data, "sort = ")) != NULL) {
		char key[16];
		if (sscanf(p + 7, "%15[a-z]", key) == 1)
			listing_sort_parse(key, &s);
	}
	free(data);
	free(path);
	return s;
}

bool listing_prefs_save(const char *dir, enum listing_sort s)
{
	char *path, *text;
	bool ok;

	if (dir == NULL) {
		errno = ENOENT;
		return false;
	}
	path = listing_prefs_path(dir);
	text = xasprintf("# the article list's sort order, kept by qari\nsort = %s\n",
			 listing_sort_key(s));
	ok = fsutil_replace_file(dir, path, text, strlen(text));
	free(path);
	free(text);
	return ok;
}
