/* store_window.h - the list on the store as a window (private to src/app/): the rows around
 * the selection, read a page at a time by keyset queries (store_list.h), the count from the
 * database. A row's index is its place in the list, newest first; the rows kept are a run
 * [base, base + n) of it, read on from its ends as the selection moves and read afresh around
 * a row far from them (G: the oldest rows). Nothing here is proportional to the store. */
#ifndef QARI_APP_STORE_WINDOW_H
#define QARI_APP_STORE_WINDOW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "qari/search.h"
#include "qari/store_list.h"

#define STORE_WINDOW_PAGE 64  /* rows read at a time */
#define STORE_WINDOW_KEEP 512 /* rows kept at most */

struct store_window {
	struct store *store;
	struct store_list_filter f; /* its strings and arrays are the window's */
	struct search_query q;      /* f.query points here when there is a search */
	struct store_list_page page; /* rows [base, base + page.n) of the list */
	size_t base;
	size_t count, unread;       /* valid while counted */
	bool counted;
	size_t reads;               /* pages read (tests watch it) */
};

void store_window_init(struct store_window *w, struct store *s);
void store_window_free(struct store_window *w);
/* The filter changed (or the store did): rows are read again, counted again. */
void store_window_reset(struct store_window *w);
size_t store_window_count(struct store_window *w);
size_t store_window_unread(struct store_window *w);
/* Row i of the list, NULL past its end; valid until the next call. */
const struct store_list_row *store_window_row(struct store_window *w, size_t i);
/* The rows around the one at key read (a page a side): returns its index in the list. */
size_t store_window_seek(struct store_window *w, const struct store_list_key *key);
/* Rows stored since the window was read that join above its first: returns how many rows
 * now come before what was row 0 (the caller shifts its selection by as many). */
size_t store_window_newer(struct store_window *w);
/* An article's marks changed (-1: that one did not): the rows kept show it, counts again. */
void store_window_mark(struct store_window *w, const char *id, int read, int bookmark);

/* The filter's parts (each resets the window). A search: false when text is no query. */
bool store_window_search(struct store_window *w, const char *text);
void store_window_feed(struct store_window *w, int64_t feed, const char *source);
void store_window_feeds(struct store_window *w, const int64_t *feeds, size_t n);
void store_window_marks(struct store_window *w, enum store_list_marks marks);
/* Everything again, the marks condition kept. */
void store_window_clear(struct store_window *w);

#endif
