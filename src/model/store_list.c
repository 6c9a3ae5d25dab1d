/* store_list.c - the article list read from the store a page at a time: keyset queries on
 * (sort_key, id) through the index that holds that order, counts by the database, and search
 * through articles_fts (store_fts.c) with every row checked by search.c's own matcher. */
#include "qari/store_list.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "qari/normalize.h"
#include "store_private.h"

#define QARI_STR_(x) #x
#define QARI_STR(x) QARI_STR_(x)
/* Rows a walk reads ahead and asks the index about at once. */
#define STORE_LIST_AHEAD 256
/* walk_max not yet set: the first page's limit sets it */
#define STORE_LIST_WALK_UNSET ((size_t)-2)

/* Columns after STORE_LOAD_COLUMNS' twelve. */
enum { STORE_LIST_SORT = 12, STORE_LIST_READ, STORE_LIST_BOOKMARK, STORE_LIST_FEED };

/* Parameters: ?1 ?2 the key, ?3 the feed, ?4 the source, ?5 the search, ?6 the entities. */
static char *store_list_sql(const struct store_list_filter *f, const char *select,
			    const char *keyset, const char *order)
{
	struct strbuf sb = {0};
	const char *and = " WHERE ";

	strbuf_printf(&sb, "%s", select);
	if (keyset) {
		strbuf_printf(&sb, "%s(a.sort_key, a.id) %s (?1, ?2)", and, keyset);
		and = " AND ";
	}
	if (f->feed != STORE_LIST_ANY_FEED) {
		strbuf_printf(&sb, "%sa.feed = ?3", and);
		and = " AND ";
	}
	if (f->nfeeds) { /* the ids written out: they are numbers */
		strbuf_printf(&sb, "%sa.feed IN (", and);
		for (size_t i = 0; i < f->nfeeds; i++)
			strbuf_printf(&sb, "%s%lld", i ? "," : "", (long long)f->feeds[i]);
		strbuf_printf(&sb, ")");
		and = " AND ";
	}
	if (f->source) {
		strbuf_printf(&sb, "%sa.source = ?4", and);
		and = " AND ";
	}
	if (f->entities) {
		strbuf_printf(&sb, "%sa.id IN (SELECT article FROM entity_articles WHERE term IN"
			      " (SELECT value FROM json_each(?6)))", and);
		and = " AND ";
	}
	if (f->marks != STORE_LIST_ANY_MARK) {
		strbuf_printf(&sb, "%sa.aid %s (SELECT aid FROM marks WHERE %s != 0)", and,
			      f->marks == STORE_LIST_UNREAD ? "NOT IN" : "IN",
			      f->marks == STORE_LIST_UNREAD ? "read" : "bookmark");
		and = " AND ";
	}
	if (f->query)
		strbuf_printf(&sb, "%sa.id IN (SELECT rowid FROM articles_fts WHERE articles_fts"
			      " MATCH ?5)", and);
	if (order)
		strbuf_printf(&sb, " ORDER BY a.sort_key %s, a.id %s", order, order);
	return strbuf_take(&sb);
}

/* Bind the filter (and key) to a statement of store_list_sql; match is the search's MATCH
 * operand (the statement keeps a pointer: the caller frees it after). */
static void store_list_bind(sqlite3_stmt *st, const struct store_list_filter *f,
			    const struct store_list_key *key, const char *match)
{
	if (key) {
		sqlite3_bind_int64(st, 1, key->sort);
		sqlite3_bind_int64(st, 2, key->row);
	}
	if (f->feed != STORE_LIST_ANY_FEED)
		sqlite3_bind_int64(st, 3, f->feed);
	if (f->source)
		store_bind_text(st, 4, f->source);
	if (f->entities)
		store_bind_text(st, 6, f->entities);
	if (match)
		store_bind_text(st, 5, match);
}

/* The row of the statement, as the list shows the article store_load would make of it; with
 * a search, false when it does not match after all (an index gives candidates). */
/* A search's row checked from its columns as search_article checks the article loading
 * makes of them (the title, then each paragraph of the page text when there is one, else of
 * the summary), without making it: no paragraph copied, no direction or dateline found, and
 * at most max hits. False when that is not the same: no title, no stored id, or text that
 * loading would sanitise. */
static bool store_list_hits_quick(sqlite3_stmt *st, const struct search_query *q, size_t max,
				  size_t *hits)
{
	const char *title = (const char *)sqlite3_column_text(st, 2);
	int col = sqlite3_column_bytes(st, 11) > 0 ? 11 : 9;
	const unsigned char *p = sqlite3_column_blob(st, col);
	const unsigned char *end = p ? p + sqlite3_column_bytes(st, col) : NULL;
	size_t tn = title ? strnlen(title, (size_t)sqlite3_column_bytes(st, 2)) : 0, n;
	struct norm_text t = {0};
	bool same = true;

	if (tn == 0 || u8_check((const uint8_t *)title, tn) != NULL ||
	    sqlite3_column_bytes(st, 1) != ARTICLE_ID_LEN)
		return false;
	n = search_text_count(title, tn, q, &t, max);
	while (same && p && p < end && n < max) {
		const unsigned char *z = memchr(p, '\0', (size_t)(end - p));
		size_t len = z ? (size_t)(z - p) : (size_t)(end - p);
		if (len && u8_check(p, len) != NULL)
			same = false;
		else if (len)
			n += search_text_count((const char *)p, len, q, &t, max - n);
		p += len + 1;
	}
	norm_text_free(&t);
	*hits = n;
	return same;
}

/* A search's row from its columns, the hits counted already (see store_list_hits_quick). */
static void store_list_row_quick(sqlite3_stmt *st, size_t hits, struct store_list_row *r)
{
	*r = (struct store_list_row){
		.key = {sqlite3_column_int64(st, STORE_LIST_SORT), sqlite3_column_int64(st, 0)},
		.date_key = sqlite3_column_type(st, 4) == SQLITE_NULL ? INT64_MIN
								     : sqlite3_column_int64(st, 4),
		.read = sqlite3_column_int(st, STORE_LIST_READ) != 0,
		.bookmark = sqlite3_column_int(st, STORE_LIST_BOOKMARK) != 0, .hits = hits,
		.feed = sqlite3_column_int64(st, STORE_LIST_FEED)};
	store_take_field(&r->title, sqlite3_column_text(st, 2), sqlite3_column_bytes(st, 2));
	store_take_field(&r->date, sqlite3_column_text(st, 3), sqlite3_column_bytes(st, 3));
	store_take_field(&r->source, sqlite3_column_text(st, 6), sqlite3_column_bytes(st, 6));
	memcpy(r->id, sqlite3_column_text(st, 1), ARTICLE_ID_LEN);
	r->id[ARTICLE_ID_LEN] = '\0';
}

static bool store_list_take(sqlite3_stmt *st, const struct store_list_filter *f,
			    struct store_list_row *r)
{
	struct article *a;
	size_t hits = 0;

	if (f->query && store_list_hits_quick(st, f->query, f->any_hit ? 1 : SIZE_MAX, &hits)) {
		if (hits > 0)
			store_list_row_quick(st, hits, r);
		return hits > 0;
	}
	/* no search: the row's fields are the article's as they are stored (loading only makes
	 * a title when there is none, and an id when none was stored): no article is made of
	 * it, no dateline or direction found */
	if (f->query == NULL && sqlite3_column_type(st, 2) != SQLITE_NULL &&
	    sqlite3_column_bytes(st, 1) == ARTICLE_ID_LEN) {
		store_list_row_quick(st, 0, r);
		return true;
	}
	a = store_row_article(st);
	if (f->query) {
		struct search_hits h = {0};
		hits = search_article(a, f->query, &h);
		search_hits_free(&h);
		if (hits == 0) {
			article_free(a);
			return false;
		}
	}
	*r = (struct store_list_row){
		.key = {sqlite3_column_int64(st, STORE_LIST_SORT), sqlite3_column_int64(st, 0)},
		.title = a->title, .date = a->date, .date_key = a->date_key, .source = a->source,
		.read = sqlite3_column_int(st, STORE_LIST_READ) != 0,
		.bookmark = sqlite3_column_int(st, STORE_LIST_BOOKMARK) != 0, .hits = hits,
		.feed = sqlite3_column_int64(st, STORE_LIST_FEED)};
	memcpy(r->id, a->id, sizeof r->id);
	a->title = a->date = a->source = NULL; /* moved into the row */
	article_free(a);
	return true;
}

struct store_list_cursor {
	struct store *s;
	const struct store_list_filter *f;
	struct store_list_filter sql_f; /* f as its keys statement has it */
	bool newer;
	sqlite3_stmt *keys; /* the rows in order: their ids only, so a sort carries no text */
	sqlite3_stmt *row;  /* one row's columns, by id */
	char *match;        /* bound to keys */
	bool done;
	/* a search walking the list, each row checked, instead of the index's candidates */
	bool walking;
	size_t walked, walk_max; /* rows read, and how many before the index takes over */
	struct store_list_key last; /* of the last row read, else the key opened at */
	bool have_last;
	/* the walk's rows read ahead, and the index's candidates among their rowids */
	struct store_list_key *ahead;
	size_t nahead, at;
	int64_t *hits;      /* ascending */
	size_t nhits, hitcap;
	sqlite3_stmt *range; /* the candidates in a range of rowids */
};

/* Whether the search's candidates can come from articles_fts: a query of one or two code
 * points is a prefix query there, whose terms are most of the index, while nearly every
 * article matches it: reading the list in order and checking each row finds a page sooner. */
static bool store_list_use_fts(const struct search_query *q)
{
	size_t ncp = 0;
	for (size_t i = 0; i < q->len; i++)
		ncp += ((unsigned char)q->norm[i] & 0xC0) != 0x80;
	return ncp >= 3;
}

/* A row walked costs about as much as the index spends on this many articles evaluating a
 * phrase over the whole store (its trigrams' lists, common ones among them). SaudiNewsNet:
 * a row walked, its key read and the index asked about 256 at a time, 0.6 µs; the index's
 * evaluation 0.17–0.5 µs an article (0.03 for a phrase with a rare trigram). A page by the
 * index evaluates it all before the first row, a page by the list walks rows until it is
 * full. */
#define STORE_LIST_ROW_COST 3
/* Candidates the share of the list a query matches is estimated from. */
#define STORE_LIST_PROBE 64

/* The share of the stored rows whose text the index finds for match, estimated from the
 * newest rows (the highest ids): the span of ids its first STORE_LIST_PROBE candidates take.
 * Kept for the next page of the same search. */
static double store_list_share(struct store *s, const char *match)
{
	sqlite3_stmt *st;
	int64_t top = store_last_rowid(s), lowest = top;
	size_t n = 0;

	if (s->share_of && strcmp(s->share_of, match) == 0 && s->share_top == top)
		return s->share;
	st = store_take(s, "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1"
			   " ORDER BY rowid DESC LIMIT " QARI_STR(STORE_LIST_PROBE));
	store_bind_text(st, 1, match);
	while (sqlite3_step(st) == SQLITE_ROW) {
		lowest = sqlite3_column_int64(st, 0);
		n++;
	}
	store_give(s, st);
	free(s->share_of);
	s->share_of = xstrdup(match);
	s->share_top = top;
	/* all of them found: a rare query, over the whole store */
	s->share = top <= 0 ? 0 : n < STORE_LIST_PROBE ? (double)n / (double)top
			       : (double)n / (double)(top - lowest + 1);
	return s->share;
}

/* Rows a page of limit may walk for the search before the index takes over: when the walk
 * costs less than the index's evaluation over the store, about twice the rows it is expected
 * to need (an estimate from the newest rows: the matches may lie elsewhere); else none. */
static size_t store_list_walk_max(struct store *s, const char *match, size_t limit)
{
	double share = store_list_share(s, match), rows;
	if (share <= 0)
		return 0;
	rows = (double)(limit ? limit : 1) / share;
	return rows * STORE_LIST_ROW_COST < (double)store_count(s) ? (size_t)(2 * rows) + 64 : 0;
}

/* The keys statement for sql_f, after key (NULL: from the start). */
static void store_list_keys(struct store_list_cursor *c, const struct store_list_key *key)
{
	char *keys = store_list_sql(&c->sql_f, "SELECT a.id, a.sort_key FROM articles a",
				    key ? (c->newer ? ">" : "<") : NULL, c->newer ? "ASC" : "DESC");
	store_give(c->s, c->keys);
	c->keys = store_take(c->s, keys);
	store_list_bind(c->keys, &c->sql_f, key, c->sql_f.query ? c->match : NULL);
	free(keys);
}

struct store_list_cursor *store_list_open(struct store *s, const struct store_list_filter *f,
					  const struct store_list_key *key, bool newer)
{
	struct store_list_cursor *c = xcalloc(1, sizeof *c);
	/* the text only for a search: its rows are checked and their hits counted */
	char *row = xasprintf(
		"SELECT a.id, a.aid, a.title, a.date, a.date_key, a.url,"
		" coalesce(f.name, a.source), NULL, a.path, %s, NULL, %s, a.sort_key,"
		" coalesce(m.read, 0), coalesce(m.bookmark, 0), a.feed FROM articles a"
		" LEFT JOIN feeds f ON f.id = a.feed LEFT JOIN marks m ON m.aid = a.aid"
		" WHERE a.id = ?",
		f->query ? "a.body" : "NULL", f->query ? "a.fulltext" : "NULL");

	c->s = s;
	c->f = f;
	c->sql_f = *f;
	c->newer = newer;
	if (f->query && store_list_use_fts(f->query))
		c->match = store_fts_query(f->query);
	/* a search walks the list until its page is full, unless the index's way costs less */
	c->walking = f->query != NULL;
	c->walk_max = c->match ? STORE_LIST_WALK_UNSET : (size_t)-1;
	if (c->walking)
		c->sql_f.query = NULL;
	if (key) {
		c->last = *key;
		c->have_last = true;
	}
	c->row = store_take(s, row);
	store_list_keys(c, key);
	free(row);
	return c;
}

/* The walk has read its share of rows: the index's candidates from the last row on (the rows
 * read ahead are read again). */
static void store_list_stop_walking(struct store_list_cursor *c)
{
	c->walking = false;
	c->nahead = c->at = 0;
	c->sql_f.query = c->f->query;
	store_list_keys(c, c->have_last ? &c->last : NULL);
}

/* The walk's next STORE_LIST_AHEAD rows, and the index's candidates in their span of rowids
 * (FTS5 reads a rowid range from where it starts: in a list whose order follows the rowids'
 * the span is short). False at the end of the list. */
static bool store_list_read_ahead(struct store_list_cursor *c)
{
	int64_t lo = INT64_MAX, hi = INT64_MIN;

	if (c->ahead == NULL)
		c->ahead = xcalloc(STORE_LIST_AHEAD, sizeof *c->ahead);
	c->nahead = c->at = c->nhits = 0;
	while (c->nahead < STORE_LIST_AHEAD && sqlite3_step(c->keys) == SQLITE_ROW) {
		struct store_list_key k = {sqlite3_column_int64(c->keys, 1),
					   sqlite3_column_int64(c->keys, 0)};
		lo = k.row < lo ? k.row : lo;
		hi = k.row > hi ? k.row : hi;
		c->ahead[c->nahead++] = k;
	}
	if (c->nahead == 0)
		return false;
	if (c->range == NULL)
		c->range = store_take(c->s, "SELECT rowid FROM articles_fts WHERE articles_fts"
					       " MATCH ?1 AND rowid BETWEEN ?2 AND ?3 ORDER BY rowid");
	store_bind_text(c->range, 1, c->match);
	sqlite3_bind_int64(c->range, 2, lo);
	sqlite3_bind_int64(c->range, 3, hi);
	while (sqlite3_step(c->range) == SQLITE_ROW) {
		xgrow(&c->hits, &c->hitcap, c->nhits + 1, sizeof *c->hits);
		c->hits[c->nhits++] = sqlite3_column_int64(c->range, 0);
	}
	sqlite3_reset(c->range);
	return true;
}

static bool store_list_is_hit(const struct store_list_cursor *c, int64_t row)
{
	size_t lo = 0, hi = c->nhits;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (c->hits[mid] < row)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < c->nhits && c->hits[lo] == row;
}

/* The next row's key in c->last: false at the end. *candidate: worth reading (a walk with the
 * index skips the rows it does not find). */
static bool store_list_next_key(struct store_list_cursor *c, bool *candidate)
{
	*candidate = true;
	if (c->walking && c->match) {
		if (c->at == c->nahead && !store_list_read_ahead(c))
			return false;
		c->last = c->ahead[c->at++];
		*candidate = store_list_is_hit(c, c->last.row);
	} else {
		if (sqlite3_step(c->keys) != SQLITE_ROW)
			return false;
		c->last = (struct store_list_key){sqlite3_column_int64(c->keys, 1),
						  sqlite3_column_int64(c->keys, 0)};
	}
	c->have_last = true;
	c->walked += c->walking;
	return true;
}

size_t store_list_next(struct store_list_cursor *c, size_t limit, struct store_list_page *page)
{
	return store_list_next_some(c, limit, SIZE_MAX, page);
}

bool store_list_ended(const struct store_list_cursor *c) { return c->done; }

size_t store_list_next_some(struct store_list_cursor *c, size_t limit, size_t rows,
			    struct store_list_page *page)
{
	size_t n = 0, read = 0;

	if (c->walk_max == STORE_LIST_WALK_UNSET)
		c->walk_max = store_list_walk_max(c->s, c->match, limit);
	while (n < limit && !c->done && read < rows) {
		bool found, candidate;
		if (c->walking && c->walked >= c->walk_max)
			store_list_stop_walking(c);
		if (!store_list_next_key(c, &candidate)) {
			c->done = true;
			break;
		}
		if (!candidate)
			continue;
		read++;
		sqlite3_reset(c->row);
		sqlite3_bind_int64(c->row, 1, c->last.row);
		found = sqlite3_step(c->row) == SQLITE_ROW;
		xgrow(&page->v, &page->cap, page->n + 1, sizeof *page->v);
		if (found && store_list_take(c->row, c->f, &page->v[page->n])) {
			page->n++;
			n++;
		}
	}
	return n;
}

void store_list_close(struct store_list_cursor *c)
{
	if (c == NULL)
		return;
	store_give(c->s, c->keys);
	store_give(c->s, c->row);
	store_give(c->s, c->range);
	free(c->ahead);
	free(c->hits);
	free(c->match);
	free(c);
}

size_t store_list_after(struct store *s, const struct store_list_filter *f,
			const struct store_list_key *key, size_t limit, struct store_list_page *page)
{
	struct store_list_cursor *c = store_list_open(s, f, key, false);
	size_t n = store_list_next(c, limit, page);
	store_list_close(c);
	return n;
}

size_t store_list_before(struct store *s, const struct store_list_filter *f,
			 const struct store_list_key *key, size_t limit,
			 struct store_list_page *page)
{
	struct store_list_cursor *c = store_list_open(s, f, key, true);
	size_t first = page->n, n = store_list_next(c, limit, page);

	store_list_close(c);
	/* read nearest first, shown newest first */
	for (size_t i = 0; i < n / 2; i++) {
		struct store_list_row t = page->v[first + i];
		page->v[first + i] = page->v[first + n - 1 - i];
		page->v[first + n - 1 - i] = t;
	}
	return n;
}

/* The whole list or its unread view counted without reading it: the store's count
 * (store_count, kept by triggers) less the rows marked read. False for any other filter. */
static bool store_list_count_fast(struct store *s, const struct store_list_filter *f,
				  size_t *n, size_t *unread)
{
	size_t all, read;

	if (f->feed != STORE_LIST_ANY_FEED || f->nfeeds || f->source || f->entities || f->query ||
	    f->marks == STORE_LIST_BOOKMARKED)
		return false;
	all = store_count(s);
	read = store_read_rows(s);
	read = read < all ? read : all;
	*n = f->marks == STORE_LIST_UNREAD ? all - read : all;
	if (unread)
		*unread = all - read;
	return true;
}

bool store_list_count_try(struct store *s, const struct store_list_filter *f, size_t *count,
			  size_t *unread)
{
	char *sql = store_list_sql(f, unread ? "SELECT count(*), total(m.read != 0) FROM articles a"
					       " LEFT JOIN marks m ON m.aid = a.aid"
					     : "SELECT count(*), 0 FROM articles a",
				   NULL, NULL);
	char *match = f->query ? store_fts_query(f->query) : NULL;
	sqlite3_stmt *st;
	size_t n = 0, read = 0;
	bool ok;

	if (store_list_count_fast(s, f, &n, unread)) {
		free(match);
		free(sql);
		*count = n;
		return true;
	}
	st = store_take(s, sql); /* NULL when interrupted: not counted */
	if (st)
		store_list_bind(st, f, NULL, match);
	ok = st && sqlite3_step(st) == SQLITE_ROW;
	if (ok) {
		n = (size_t)sqlite3_column_int64(st, 0);
		read = (size_t)sqlite3_column_int64(st, 1);
	}
	if (unread)
		*unread = n - (read < n ? read : n);
	store_give(s, st);
	free(match);
	free(sql);
	*count = n;
	return ok;
}

size_t store_list_count(struct store *s, const struct store_list_filter *f, size_t *unread)
{
	size_t n;

	store_list_count_try(s, f, &n, unread);
	return n;
}

void store_list_interrupt(struct store *s)
{
	atomic_store(&s->interrupted, true);
	sqlite3_interrupt(s->db);
}

size_t store_list_rank(struct store *s, const struct store_list_filter *f,
		       const struct store_list_key *key)
{
	char *sql = store_list_sql(f, "SELECT count(*) FROM articles a", ">", NULL);
	char *match = f->query ? store_fts_query(f->query) : NULL;
	sqlite3_stmt *st = store_take(s, sql);
	size_t n = 0;

	store_list_bind(st, f, key, match);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = (size_t)sqlite3_column_int64(st, 0);
	store_give(s, st);
	free(match);
	free(sql);
	return n;
}

size_t store_list_between(struct store *s, const struct store_list_filter *f,
			  const struct store_list_key *newer, const struct store_list_key *older)
{
	char *base = store_list_sql(f, "SELECT count(*) FROM articles a", "<", NULL);
	char *sql = xasprintf("%s AND (a.sort_key, a.id) > (?6, ?7)", base);
	char *match = f->query ? store_fts_query(f->query) : NULL;
	sqlite3_stmt *st = store_take(s, sql);
	size_t n = 0;

	store_list_bind(st, f, newer, match);
	sqlite3_bind_int64(st, 6, older->sort);
	sqlite3_bind_int64(st, 7, older->row);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = (size_t)sqlite3_column_int64(st, 0);
	store_give(s, st);
	free(match);
	free(sql);
	free(base);
	return n;
}

bool store_list_key_of(struct store *s, int64_t row, struct store_list_key *key)
{
	sqlite3_stmt *st = store_take(s, "SELECT sort_key FROM articles WHERE id = ?");
	bool found;

	sqlite3_bind_int64(st, 1, row);
	found = sqlite3_step(st) == SQLITE_ROW;
	if (found)
		*key = (struct store_list_key){sqlite3_column_int64(st, 0), row};
	store_give(s, st);
	return found;
}

bool store_list_any(struct store *s)
{
	sqlite3_stmt *st = store_prepare(s, "SELECT EXISTS (SELECT 1 FROM articles)");
	bool any = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) != 0;
	sqlite3_finalize(st);
	return any;
}

void store_list_page_clear(struct store_list_page *page)
{
	for (size_t i = 0; i < page->n; i++) {
		free(page->v[i].title);
		free(page->v[i].date);
		free(page->v[i].source);
	}
	page->n = 0;
}

void store_list_page_free(struct store_list_page *page)
{
	store_list_page_clear(page);
	free(page->v);
	memset(page, 0, sizeof *page);
}
