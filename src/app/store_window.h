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

/* A search's count made on a thread of its own with its own connection (WAL lets it read
 * beside the reader's), so a key never waits for it: counting a query the index matches in
 * most articles reads their posting lists whole (0.5 s at 1,000,000 articles), while the
 * first page is a walk of a few ms. Each count asked for has a generation; a newer one
 * interrupts the count running (store_list_interrupt) and only the newest's result is kept.
 * A byte on its pipe (store_counter_fd) says a result came. */
struct store_counter;
struct store_counter *store_counter_new(const char *db_path);
void store_counter_free(struct store_counter *c); /* the count running stopped, joined */
int store_counter_fd(const struct store_counter *c);

/* A search staged: its top read a few rows at a time between keys while the list still
 * shows the rows of the filter before it; it becomes the window's filter when its top is
 * read (store_window_stage_step). */
struct store_window_stage {
	bool on;
	char *text;
	struct search_query q;
	struct store_list_filter f;   /* the window's, with q as its search */
	struct store_list_cursor *c;  /* opened at the first step */
	bool planned;                 /* its page planned, at the second */
	struct store_list_page page;  /* its top so far */
	size_t want;                  /* rows its top is read in */
};

struct store_window {
	struct store *store;
	struct store_list_filter f; /* its strings and arrays are the window's */
	struct search_query q;      /* f.query points here when there is a search */
	char *text;                 /* the search as typed */
	struct store_list_page page; /* rows [base, base + page.n) of the list */
	size_t base;
	size_t count, unread;       /* valid while counted; while counting, seen + 1 or seen */
	bool counted;
	struct store_counter *counter; /* NULL: a search is counted at once */
	unsigned long gen;          /* the filter's generation: the count asked for */
	bool counting;              /* the counter has it: rows are read on till it comes */
	size_t seen;                /* while counting: rows known to be in the list */
	bool ended;                 /* while counting: the last row was read (seen is the count) */
	size_t first;               /* 0: a page; else rows the top of a list is first read in */
	size_t reads;               /* pages read (tests watch it) */
	/* the nearest unread row past the rows read, found ahead (store_window_unread_past) for
	 * the row from in a direction; valid while nothing of the list changed (marks: gen) */
	struct store_window_past {
		bool on, forward, none;
		size_t from, index;
		struct store_list_key at;
		unsigned long gen;
	} past;
	struct store_window_stage stage;
	/* the list whatever the marks (v's view aside), counted when asked, again once the
	 * filter or the rows changed; its unread ones again once the marks changed too (a mark
	 * leaves the count: a search's is not made again for it) */
	struct store_window_any {
		bool on, unread_on;
		size_t count, unread;
	} any;
};

void store_window_init(struct store_window *w, struct store *s);
void store_window_free(struct store_window *w);
/* The filter changed (or the store did): rows are read again, counted again. */
void store_window_reset(struct store_window *w);
/* The rows of the list; while a search is being counted, the rows read so far and one
 * more when the end was not read yet (the list pane reads on a row at a time). */
size_t store_window_count(struct store_window *w);
size_t store_window_unread(struct store_window *w); /* waits for the count */
/* The list pane shows rows at once: the top of a list is first read in as many and a few
 * more, not a page (a search's rows are each read and checked: fewer is a quicker key). */
void store_window_set_screen(struct store_window *w, size_t rows);
/* Searches are counted by c from now on (NULL: at once). */
void store_window_set_counter(struct store_window *w, struct store_counter *c);
/* Whether the count is still coming; seen (may be NULL): the rows known so far. */
bool store_window_counting(const struct store_window *w, size_t *seen);
/* After a byte on the counter's pipe: true when the count for the filter now shown came. */
bool store_window_count_event(struct store_window *w);
/* While counting: rows read on until row i is read or the end is (the list pane moves the
 * selection as far as the count lets it: PgDn goes a whole page). */
void store_window_reach(struct store_window *w, size_t i);
/* Wait for the count (G: the last row's index is the count). */
void store_window_count_wait(struct store_window *w);
/* Row i of the list, NULL past its end; valid until the next call. */
const struct store_list_row *store_window_row(struct store_window *w, size_t i);
/* Row i when it has been read already, else NULL: nothing read, nothing counted. */
const struct store_list_row *store_window_row_read(const struct store_window *w, size_t i);
/* Reading ahead between keys: the row to read (store_window_row) so that the rows within
 * `rows` of row i are all read, SIZE_MAX when they are (or the list is a search: its rows are
 * each checked, too dear for a step between keys). rows is taken as at most
 * STORE_WINDOW_AHEAD_MAX, so the rows kept always hold both sides. */
#define STORE_WINDOW_AHEAD_MAX (STORE_WINDOW_KEEP / 4)
size_t store_window_ahead_due(const struct store_window *w, size_t i, size_t rows);
/* The same for n: the row to read so that the nearest unread row below row i, within reach
 * of it (at most STORE_WINDOW_AHEAD_MAX), is among the rows read; SIZE_MAX when it is, when
 * the rows read within reach are all read, or the list ends (or is a search). */
size_t store_window_unread_due(const struct store_window *w, size_t i, size_t reach);
/* n and N: the index of the nearest unread row below (forward) or above row i, SIZE_MAX when
 * there is none. Past the rows read, the index finds it and counts the rows between, and the
 * window is read afresh about it (a search's rows, checked one by one, are read on instead). */
size_t store_window_next_unread(struct store_window *w, size_t i, bool forward);
/* Between keys: the row id of that row when it lies past the rows read (found now, and
 * kept for the key), 0 when it is among them, there is none, or the list is a search. */
int64_t store_window_unread_past(struct store_window *w, size_t i, bool forward);
/* The rows around the one at key read (a page a side): returns its index in the list. */
size_t store_window_seek(struct store_window *w, const struct store_list_key *key);
/* The stored article `row` as the list shows it, whatever the window's filter, read into
 * page (cleared first); NULL: no such article. */
const struct store_list_row *store_window_read_row(struct store *s, int64_t row,
						   struct store_list_page *page);
/* Rows stored since the window was read that join above its first: returns how many rows
 * now come before what was row 0 (the caller shifts its selection by as many). */
size_t store_window_newer(struct store_window *w);
/* An article's marks changed (-1: that one did not): the rows kept show it, counts again. */
void store_window_mark(struct store_window *w, const char *id, int read, int bookmark);

/* The filter's parts (each resets the window). A search: false when text is no query. */
bool store_window_search(struct store_window *w, const char *text);
void store_window_feed(struct store_window *w, int64_t feed, const char *source);
/* The articles naming an entity, terms its store_entity_filter, NULL: any. */
void store_window_entity(struct store_window *w, const char *terms);
void store_window_feeds(struct store_window *w, const int64_t *feeds, size_t n);
void store_window_marks(struct store_window *w, enum store_list_marks marks);
/* The rows of the list whatever their marks (v: "unread (3 of 9)"); unread (may be NULL):
 * how many of them are not read. */
size_t store_window_count_any_marks(struct store_window *w, size_t *unread);
/* Everything again, the marks condition kept. */
void store_window_clear(struct store_window *w);

/* A search staged (store_window_stage): false when text is no query. Nothing is read yet;
 * the window's rows and filter stay as they were. */
bool store_window_stage_search(struct store_window *w, const char *text);
const char *store_window_staged(const struct store_window *w); /* its text, NULL: none */
/* Read on the staged search's top, at most rows rows checked; true when it is read and the
 * window now shows it (as store_window_search and its first rows read would). */
bool store_window_stage_step(struct store_window *w, size_t rows);
/* The staged search's top read now, and shown. */
void store_window_stage_finish(struct store_window *w);
void store_window_stage_drop(struct store_window *w);

#endif
