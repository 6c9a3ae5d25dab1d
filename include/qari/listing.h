/* listing.h - how the article list orders and labels articles: the sort orders (newest or
 * oldest first, by source, by title), the date a row shows (the time for today's articles,
 * else the day), the source's readable name (assets/sources.tsv: a site's own name for its
 * slug, e.g. «الشرق الأوسط» for aawsat), and the sort chosen last time ($XDG_STATE_HOME/qari/
 * view, replaced atomically). No curses. */
#ifndef QARI_LISTING_H
#define QARI_LISTING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "qari/corpus.h"
#include "qari/strtab.h"

enum listing_sort {
	LISTING_NEWEST, /* the default */
	LISTING_OLDEST,
	LISTING_SOURCE, /* by source name, then newest first */
	LISTING_TITLE,
	LISTING_NSORTS
};

const char *listing_sort_name(enum listing_sort s); /* "newest first", … */
const char *listing_sort_key(enum listing_sort s);  /* "newest", "oldest", "source", "title" */
bool listing_sort_parse(const char *key, enum listing_sort *out);

/* Order of corpus positions a and b: < 0 when a comes first. Ties (and unknown dates) keep
 * load order, so the order is total and stable. */
int listing_cmp(const struct corpus *c, enum listing_sort s, size_t a, size_t b);

/* Readable source names by slug. */
struct listing_sources {
	struct strtab slugs; /* slug → index into names */
	char **names;
	size_t n;
};
/* Load assets/sources.tsv (slug TAB name lines, # comments); a missing file gives none. */
void listing_sources_load(struct listing_sources *s);
void listing_sources_free(struct listing_sources *s);
/* The article's source as a reader knows it: the table's name, else the source as given
 * (a feed's title), else NULL. */
const char *listing_source_name(const struct listing_sources *s, const struct article *a);

#define LISTING_DATE_MAX 16
/* What a row shows of the article's date, in local time: "14:05" for today's articles with
 * a time, "21 Jul" for this year's, else "2015-07-21" (wide) or "Jul 2015"; "" when unknown. */
void listing_date_label(const struct article *a, time_t now, bool wide, char out[LISTING_DATE_MAX]);

/* The sort kept in dir/view ("sort = KEY"); LISTING_NEWEST when there is none. */
enum listing_sort listing_prefs_load(const char *dir);
/* Keep it (atomically); false with errno set when it could not be written. */
bool listing_prefs_save(const char *dir, enum listing_sort s);

#endif
