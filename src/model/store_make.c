/* store_make.c - a store grown to a size no corpus at hand reaches, for measuring it (`qari
 * bench --make-store N`): variants of the articles it holds.
 *
 * Variant v of an article has its URL and dedupe key with "#vV" (an id of its own), its date
 * v spans earlier (the span of the originals' dates in whole weeks, so each variant is a
 * stretch of time before the last and the collection goes back years) and the entities
 * stored with the original (tagging is most of an ingest; copying them is what makes a
 * million articles take minutes). A variant is written by the insert the triggers watch, so
 * the full-text index holds it as it holds any article. Its related stories are the
 * original's: the vector copied (its day moved with the date, no term counted in df, no
 * postings) and the pool remapped to the variants of the same generation, so opening a variant
 * reads a real list of real rows. Variants go in whole, one after the other, in transactions
 * of a batch: meta 'variants' names the last original, so a store grown once grows further
 * from where it stopped. */
#include <stdlib.h>
#include <string.h>

#include "qari/date.h"
#include "store_private.h"

#define STORE_MAKE_WEEK (7 * 86400)

/* The columns copied, in the order of both statements. */
enum store_make_col {
	MAKE_FEED, MAKE_AID, MAKE_DEDUPE, MAKE_HASH, MAKE_TITLE, MAKE_DATE, MAKE_DATE_KEY,
	MAKE_URL, MAKE_SOURCE, MAKE_AUTHOR, MAKE_PATH, MAKE_BODY, MAKE_ENTITIES, MAKE_FULLTEXT,
	MAKE_ADDED, MAKE_NCOL
};
#define STORE_MAKE_COLUMNS "feed, aid, dedupe, hash, title, date, date_key, url, source," \
	" author, path, body, entities, fulltext, added"

/* A batch of originals, their columns as read. */
struct store_make_batch {
	sqlite3_value **v; /* n rows of MAKE_NCOL */
	int64_t *rows;     /* their rowids */
	size_t n;
	int64_t last;      /* the rowid of the last */
};

/* One generation being written: original rowid → its variant's rowid (0: not written). */
struct store_make_gen {
	int64_t *variant_of; /* [0, last_original] */
	int64_t last_original;
	size_t variant;
	int64_t span;        /* seconds between generations */
	int64_t related;     /* vectors copied, for meta related_n */
};

static void store_make_batch_clear(struct store_make_batch *b)
{
	for (size_t i = 0; i < b->n * MAKE_NCOL; i++)
		sqlite3_value_free(b->v[i]);
	free(b->v);
	free(b->rows);
	memset(b, 0, sizeof *b);
}

/* Up to max originals after rowid b->last, up to rowid last_original. */
static void store_make_read(struct store *s, int64_t last_original, size_t max,
			    struct store_make_batch *b)
{
	sqlite3_stmt *st = store_prepare(s, "SELECT id, " STORE_MAKE_COLUMNS " FROM articles"
					    " WHERE id > ?1 AND id <= ?2 ORDER BY id LIMIT ?3");
	int64_t after = b->last;

	store_make_batch_clear(b);
	b->last = after;
	b->v = xcalloc(max * MAKE_NCOL, sizeof *b->v);
	b->rows = xcalloc(max, sizeof *b->rows);
	sqlite3_bind_int64(st, 1, after);
	sqlite3_bind_int64(st, 2, last_original);
	sqlite3_bind_int64(st, 3, (int64_t)max);
	while (sqlite3_step(st) == SQLITE_ROW) {
		b->last = b->rows[b->n] = sqlite3_column_int64(st, 0);
		for (int k = 0; k < MAKE_NCOL; k++)
			b->v[b->n * MAKE_NCOL + (size_t)k] = sqlite3_value_dup(sqlite3_column_value(st, k + 1));
		b->n++;
	}
	sqlite3_finalize(st);
}

/* A text column with "#vV" after it. */
static char *store_make_suffixed(sqlite3_value *v, size_t variant)
{
	const unsigned char *t = sqlite3_value_text(v);
	return t ? xasprintf("%s#v%zu", (const char *)t, variant) : NULL;
}

/* Bind variant `variant` of the original row v to the insert. */
static void store_make_bind(sqlite3_stmt *ins, sqlite3_value **v, size_t variant, int64_t span)
{
	char *url = store_make_suffixed(v[MAKE_URL], variant);
	char *dedupe = store_make_suffixed(v[MAKE_DEDUPE], variant);
	char *key = url ? xstrdup(url) : store_make_suffixed(v[MAKE_PATH], variant);
	char aid[ARTICLE_ID_LEN + 1], date[DATE_ISO_MAX];

	for (int k = 0; k < MAKE_NCOL; k++)
		sqlite3_bind_value(ins, k + 1, v[k]);
	article_make_id(key ? key : dedupe, aid);
	sqlite3_bind_text(ins, MAKE_AID + 1, aid, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(ins, MAKE_DEDUPE + 1, dedupe, -1, SQLITE_TRANSIENT);
	if (url)
		sqlite3_bind_text(ins, MAKE_URL + 1, url, -1, SQLITE_TRANSIENT);
	if (sqlite3_value_type(v[MAKE_DATE_KEY]) == SQLITE_INTEGER) {
		int64_t when = sqlite3_value_int64(v[MAKE_DATE_KEY]) - (int64_t)variant * span;
		sqlite3_bind_int64(ins, MAKE_DATE_KEY + 1, when);
		if (sqlite3_value_type(v[MAKE_DATE]) == SQLITE_TEXT) {
			/* "YYYY-MM-DD" alone had no time of day */
			date_format(when, sqlite3_value_bytes(v[MAKE_DATE]) > 10, date);
			sqlite3_bind_text(ins, MAKE_DATE + 1, date, -1, SQLITE_TRANSIENT);
		}
	}
	free(url);
	free(dedupe);
	free(key);
}

/* The span between variants: the originals' dates in whole weeks, one at least. */
static int64_t store_make_span(struct store *s, int64_t last_original)
{
	sqlite3_stmt *st = store_prepare(s, "SELECT max(date_key) - min(date_key) FROM articles"
					    " WHERE id <= ?1");
	int64_t range = 0;
	sqlite3_bind_int64(st, 1, last_original);
	if (sqlite3_step(st) == SQLITE_ROW)
		range = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return (range / STORE_MAKE_WEEK + 1) * STORE_MAKE_WEEK;
}

/* The last original: meta 'variants', else (none made yet) the last row now, noted. */
static int64_t store_make_originals(struct store *s, char **error)
{
	sqlite3_stmt *st = store_prepare(s, "SELECT value FROM meta WHERE key = 'variants'");
	int64_t last = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	if (last > 0)
		return last;
	last = store_last_rowid(s);
	st = store_prepare(s, "INSERT INTO meta (key, value) VALUES ('variants', ?1)");
	sqlite3_bind_int64(st, 1, last);
	if (sqlite3_step(st) != SQLITE_DONE) {
		*error = store_errmsg(s, "cannot note the originals");
		last = 0;
	}
	sqlite3_finalize(st);
	return last;
}

static size_t store_make_count(struct store *s, int64_t last_original)
{
	sqlite3_stmt *st = store_prepare(s, "SELECT count(*) FROM articles WHERE id <= ?1");
	size_t n;
	sqlite3_bind_int64(st, 1, last_original);
	n = sqlite3_step(st) == SQLITE_ROW ? (size_t)sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	return n;
}

/* The statements of a run. */
struct store_make_stmts {
	sqlite3_stmt *ins, *find, *vec, *pool_out, *pool_in, *pool_put;
};

static void store_make_stmts_prepare(struct store *s, struct store_make_stmts *m)
{
	m->ins = store_prepare(s, "INSERT OR IGNORE INTO articles (" STORE_MAKE_COLUMNS ") VALUES"
				  " (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)");
	m->find = store_prepare(s, "SELECT id FROM articles WHERE feed = ?1 AND dedupe = ?2");
	/* no term counted in df: forgetting the variant uncounts nothing */
	m->vec = store_prepare(s, "INSERT OR IGNORE INTO related_vecs (article, day, title, words,"
				  " entities, counted) SELECT ?1, CASE WHEN day = -2147483648 THEN day"
				  " ELSE day - ?3 END, title, words, entities, x'' FROM related_vecs"
				  " WHERE article = ?2");
	m->pool_out = store_prepare(s, "SELECT neighbour, score FROM related_pool WHERE article = ?1");
	m->pool_in = store_prepare(s, "SELECT article, score FROM related_pool WHERE neighbour = ?1"
				      " AND article < ?2");
	m->pool_put = store_prepare(s, "INSERT OR IGNORE INTO related_pool (article, neighbour,"
				       " score) VALUES (?1, ?2, ?3)");
}

static void store_make_stmts_free(struct store_make_stmts *m)
{
	sqlite3_finalize(m->ins);
	sqlite3_finalize(m->find);
	sqlite3_finalize(m->vec);
	sqlite3_finalize(m->pool_out);
	sqlite3_finalize(m->pool_in);
	sqlite3_finalize(m->pool_put);
}

static bool store_make_step_done(sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc == SQLITE_DONE;
}

/* The row of a variant made before (by a run that stopped halfway), found by its key. */
static int64_t store_make_found(const struct store_make_stmts *m, sqlite3_value **v,
				size_t variant)
{
	char *dedupe = store_make_suffixed(v[MAKE_DEDUPE], variant);
	int64_t row = 0;
	sqlite3_bind_value(m->find, 1, v[MAKE_FEED]);
	sqlite3_bind_text(m->find, 2, dedupe, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(m->find) == SQLITE_ROW)
		row = sqlite3_column_int64(m->find, 0);
	sqlite3_reset(m->find);
	free(dedupe);
	return row;
}

/* The pool statement st's rows (other original, score) for the variant `row`: each whose
 * other has a variant in this generation goes in, as (row, variant of other) when out, else
 * (variant of other, row). */
static bool store_make_pool(const struct store_make_stmts *m, const struct store_make_gen *g,
			    sqlite3_stmt *st, int64_t row, bool out)
{
	bool ok = true;
	while (ok && sqlite3_step(st) == SQLITE_ROW) {
		int64_t other = sqlite3_column_int64(st, 0);
		int64_t to = other > 0 && other <= g->last_original ? g->variant_of[other] : 0;
		if (to == 0)
			continue;
		sqlite3_bind_int64(m->pool_put, 1, out ? row : to);
		sqlite3_bind_int64(m->pool_put, 2, out ? to : row);
		sqlite3_bind_double(m->pool_put, 3, sqlite3_column_double(st, 1));
		ok = store_make_step_done(m->pool_put);
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return ok;
}

/* The related stories of the batch's variants: vectors, and the pool entries whose two ends
 * are now written (those to an original later in the list come with its batch). */
static bool store_make_related(struct store *s, const struct store_make_stmts *m,
			       struct store_make_gen *g, const struct store_make_batch *b)
{
	int64_t days = (int64_t)g->variant * g->span / 86400;
	bool ok = true;

	for (size_t i = 0; ok && i < b->n; i++) {
		int64_t row = g->variant_of[b->rows[i]];
		if (row == 0)
			continue;
		sqlite3_bind_int64(m->vec, 1, row);
		sqlite3_bind_int64(m->vec, 2, b->rows[i]);
		sqlite3_bind_int64(m->vec, 3, days);
		ok = store_make_step_done(m->vec);
		g->related += sqlite3_changes(s->db);
		sqlite3_bind_int64(m->pool_out, 1, b->rows[i]);
		ok = ok && store_make_pool(m, g, m->pool_out, row, true);
		sqlite3_bind_int64(m->pool_in, 1, b->rows[i]);
		sqlite3_bind_int64(m->pool_in, 2, b->rows[0]);
		ok = ok && store_make_pool(m, g, m->pool_in, row, false);
	}
	return ok;
}

/* meta related_n counts the vectors copied since the last call. */
static bool store_make_related_n(struct store *s, struct store_make_gen *g)
{
	sqlite3_stmt *st;
	bool ok;
	if (g->related == 0)
		return true;
	st = store_prepare(s, "UPDATE meta SET value = CAST(value AS INTEGER) + ?1"
			      " WHERE key = 'related_n'");
	sqlite3_bind_int64(st, 1, g->related);
	ok = sqlite3_step(st) == SQLITE_DONE;
	sqlite3_finalize(st);
	g->related = 0;
	return ok;
}

/* Write generation g's variants of the batch's rows, until the store holds `until`; *have
 * counts. */
static bool store_make_write(struct store *s, const struct store_make_stmts *m,
			     struct store_make_gen *g, const struct store_make_batch *b,
			     size_t until, size_t *have, size_t *added, char **error)
{
	bool ok = true;

	if (!store_exec(s, "BEGIN IMMEDIATE", error))
		return false;
	for (size_t i = 0; ok && i < b->n && *have < until; i++) {
		sqlite3_value **v = &b->v[i * MAKE_NCOL];
		store_make_bind(m->ins, v, g->variant, g->span);
		ok = sqlite3_step(m->ins) == SQLITE_DONE;
		if (ok && sqlite3_changes(s->db) > 0) {
			g->variant_of[b->rows[i]] = sqlite3_last_insert_rowid(s->db);
			*have += 1;
			*added += 1;
		} else if (ok) {
			g->variant_of[b->rows[i]] = store_make_found(m, v, g->variant);
		}
		sqlite3_reset(m->ins);
		sqlite3_clear_bindings(m->ins);
	}
	if (ok)
		ok = store_make_related(s, m, g, b) && store_make_related_n(s, g);
	if (!ok)
		*error = store_errmsg(s, "cannot store a variant");
	if (!ok || !store_exec(s, "COMMIT", error)) {
		store_exec(s, "ROLLBACK", NULL);
		return false;
	}
	return true;
}

bool store_make_variants(struct store *s, size_t until, size_t batch, size_t *added,
			 char **error)
{
	struct store_make_batch b = {0};
	struct store_make_stmts m;
	struct store_make_gen g = {0};
	size_t have = store_count(s), originals;
	bool ok = true;

	*error = NULL;
	*added = 0;
	if (s->read_only)
		return *error = xasprintf("%s: written by a newer qari: read only", s->path), false;
	if (have >= until)
		return true;
	if (have == 0)
		return *error = xasprintf("%s: no articles to make variants of", s->path), false;
	if ((g.last_original = store_make_originals(s, error)) <= 0)
		return false;
	if ((originals = store_make_count(s, g.last_original)) == 0)
		return *error = xasprintf("%s: the originals of its variants are gone", s->path), false;
	g.span = store_make_span(s, g.last_original);
	g.variant_of = xcalloc((size_t)g.last_original + 1, sizeof *g.variant_of);
	/* the variant a run that stopped was writing: its rows made are found again */
	g.variant = have > originals ? (have - originals) / originals + 1 : 1;
	store_make_stmts_prepare(s, &m);
	store_bulk(s, true);
	for (; ok && have < until; g.variant++) {
		memset(g.variant_of, 0, ((size_t)g.last_original + 1) * sizeof *g.variant_of);
		b.last = 0;
		do {
			store_make_read(s, g.last_original, batch ? batch : 1, &b);
			ok = store_make_write(s, &m, &g, &b, until, &have, added, error);
		} while (ok && b.n > 0 && have < until);
	}
	store_bulk(s, false);
	store_make_batch_clear(&b);
	store_make_stmts_free(&m);
	free(g.variant_of);
	return ok;
}
