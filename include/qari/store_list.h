/* store_list.h - the article list as a window onto the store: pages of rows read by keyset
 * queries, newest first, counts from the database, narrowed to a feed or a source and to a
 * search, so nothing is read in proportion to the number of articles stored.
 *
 * Order: by date, newest first, undated articles last, ties by row (the newest stored first).
 * A page continues from a row already shown (its key), in either direction, so a page read
 * after articles arrived or went still joins the one before it.
 *
 * A search has exactly the semantics of search.h (the query a phrase of matching forms found
 * anywhere in the title or one paragraph): the store's full-text index gives the candidates
 * and every row of a page is checked, and its hits counted, by search_article on the article
 * as store_load makes it. */
#ifndef QARI_STORE_LIST_H
#define QARI_STORE_LIST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "qari/article.h"
#include "qari/search.h"
#include "qari/store.h"

#define STORE_LIST_ANY_FEED (-1)

/* Which of them by their marks. */
enum store_list_marks { STORE_LIST_ANY_MARK, STORE_LIST_UNREAD, STORE_LIST_BOOKMARKED };

/* Which articles the list shows. */
struct store_list_filter {
	int64_t feed;       /* a feed's id, 0: imported from files, STORE_LIST_ANY_FEED: all */
	const int64_t *feeds; /* and when nfeeds > 0: one of these feeds (a tag's) */
	size_t nfeeds;
	const char *source; /* the article's own source (e.g. a SaudiNewsNet site), NULL: any */
	const char *entities; /* the articles naming one of these terms (store_entity_filter),
			       * NULL: any */
	const struct search_query *query; /* NULL: no search */
	enum store_list_marks marks;
	bool any_hit; /* a search's row shows its first hit only (hits 1): the rest unread */
};
/* Every article. */
#define STORE_LIST_ALL ((struct store_list_filter){.feed = STORE_LIST_ANY_FEED})

/* A row's place in the order. */
struct store_list_key {
	int64_t sort; /* the date key, INT64_MIN + 1 when undated */
	int64_t row;  /* the article's row (store_load_article) */
};

struct store_list_row {
	struct store_list_key key;
	char id[ARTICLE_ID_LEN + 1];
	char *title;
	char *date;       /* as the article gives it, NULL: none */
	int64_t date_key; /* INT64_MIN: unknown */
	char *source;     /* the feed's ~Name, else the article's source; NULL: none */
	int64_t feed;     /* its feed's id, 0: imported from files */
	bool read, bookmark;
	size_t hits;      /* with a search: its hits in the title and paragraphs */
};

struct store_list_page {
	struct store_list_row *v;
	size_t n, cap;
};

/* Up to limit rows after key (older), newest first, appended to page; key NULL: from the
 * top. Returns how many were appended (fewer than limit: the end). */
size_t store_list_after(struct store *s, const struct store_list_filter *f,
			const struct store_list_key *key, size_t limit, struct store_list_page *page);
/* Up to limit rows before key (newer), the nearest ones, appended newest first; key NULL:
 * the last rows of the list. */
size_t store_list_before(struct store *s, const struct store_list_filter *f,
			 const struct store_list_key *key, size_t limit,
			 struct store_list_page *page);
/* The same as a cursor, for reading on: one statement, so a search's index is read once.
 * newer: toward newer rows from key (nearest first), else toward older; key NULL: from the
 * end the direction starts at. The filter must outlive the cursor. */
struct store_list_cursor;
struct store_list_cursor *store_list_open(struct store *s, const struct store_list_filter *f,
					  const struct store_list_key *key, bool newer);
size_t store_list_next(struct store_list_cursor *c, size_t limit, struct store_list_page *page);
/* The same, stopping after rows rows were read and checked (a search's are each read and
 * checked, a few tens of µs each): a page read in slices between keys. limit is the page's
 * whole want at the first call, as a search plans its page by it. */
size_t store_list_next_some(struct store_list_cursor *c, size_t limit, size_t rows,
			    struct store_list_page *page);
bool store_list_ended(const struct store_list_cursor *c); /* the end of the list was read */
void store_list_close(struct store_list_cursor *c);
/* The rows of the list, and (unread not NULL) how many of them are not read. */
size_t store_list_count(struct store *s, const struct store_list_filter *f, size_t *unread);
/* The same, false when it did not finish (store_list_interrupt, an error): count is then 0. */
bool store_list_count_try(struct store *s, const struct store_list_filter *f, size_t *count,
			  size_t *unread);
/* Stop what another thread is running on this connection now (sqlite3_interrupt: the one
 * call on a connection another thread may make); a statement started later is not stopped. */
void store_list_interrupt(struct store *s);
/* Rows of the list before (newer than) key: the index in it of the row at key. */
size_t store_list_rank(struct store *s, const struct store_list_filter *f,
		       const struct store_list_key *key);
/* Rows of the list strictly between newer and older (keys of two rows, newer first): a walk
 * of the index over them only, however deep in the list they lie. */
size_t store_list_between(struct store *s, const struct store_list_filter *f,
			  const struct store_list_key *newer, const struct store_list_key *older);
/* The key of the article in row; false when there is none. */
bool store_list_key_of(struct store *s, int64_t row, struct store_list_key *key);
/* Whether the store holds any article. */
bool store_list_any(struct store *s);
void store_list_page_clear(struct store_list_page *page); /* no rows, the room kept */
void store_list_page_free(struct store_list_page *page);

#endif
