/* views.h - which of the listed articles the list shows, apart from the reader: the view's
 * narrowing, the unread count kept as marks change, the walk to the next unread row and a
 * source's rows (views_list.c). views.c ties them to the list pane, the marks (the state's
 * or the store's) and the store; these functions take the part, the rows and the marks they
 * read through a callback, never struct app, so tests/unit/test_views.c runs them in memory. */
#ifndef QARI_VIEWS_H
#define QARI_VIEWS_H

#include <stdbool.h>
#include <stddef.h>

#include "qari/article.h"
#include "qari/corpus.h"
#include "qari/listing.h"

enum app_view { APP_VIEW_ALL, APP_VIEW_UNREAD, APP_VIEW_BOOKMARKS, APP_NVIEWS };

/* Which of the listed articles the list shows, and how (views.c). */
struct views {
	enum app_view view;
	enum listing_sort sort;      /* the list's order (load.h) follows it */
	const size_t *base;          /* what the list lists before the view narrows it: */
	size_t nbase;                /* the unfiltered order or the filter's rows */
	size_t *rows;                /* the view's rows, or NULL for the view of all */
	size_t *undo, nundo;         /* the articles the last "mark all read" changed */
	char (*undo_ids)[ARTICLE_ID_LEN + 1]; /* on the store: theirs by id (undo unused) */
	size_t unread;               /* unread articles among the listed ones, counted when */
	size_t unread_of;            /* the list had this many; (size_t)-1: count again */
	size_t hidden;               /* the article selected when a view hid it, selected again
				      * when a view shows it, unless another was chosen; or -1 */
	struct listing_sources sources;
};

/* An article's marks (corpus position idx), asked of the reader: the state's or the store's. */
struct views_marks {
	bool (*read)(void *ctx, size_t idx);
	bool (*bookmarked)(void *ctx, size_t idx);
	void *ctx;
};

/* The articles of rows that view shows, in their order, into out (room for n); their count. */
size_t views_narrow(enum app_view view, const struct views_marks *m, const size_t *rows,
		    size_t n, size_t *out);
/* Marks changed by that many unread articles more (negative: fewer) while listed articles
 * are listed: the count follows when it is current, else it is counted again later. */
void views_unread_changed(struct views *v, size_t listed, long by);
/* The first unread row after row (forward) or before it among the n rows shown (rows: their
 * corpus positions, NULL: row i is position i); false: none. */
bool views_unread_from(const struct views_marks *m, const size_t *rows, size_t n, size_t row,
		       bool forward, size_t *found);
/* The corpus positions [0, n) whose source is source, into out (room for n); their count. */
size_t views_source_rows(const struct corpus *c, size_t n, const char *source, size_t *out);

#endif
