/* store_make.c - a store grown to a size no corpus at hand reaches, for measuring it (`qari
 * bench --make-store N`): variants of the articles it holds.
 *
 * Variant v of an article has its URL and dedupe key with "#vV" (an id of its own), its date
 * v spans earlier (the span of the originals' dates in whole weeks, so each variant is a
 * stretch of time before the last and the collection goes back years) and the entities
 * stored with the original (tagging is most of an ingest; copying them is what makes a
 * million articles take minutes). A variant is written by the insert the triggers watch, so
 * the full-text index holds it as it holds any article. Variants go in whole, one after the
 * other, in transactions of a batch: meta 'variants' names the last original, so a store
 * grown once grows further from where it stopped. */
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
	size_t n;
	int64_t last;      /* the rowid of the last */
};

static void store_make_batch_clear(struct store_make_batch *b)
{
	for (size_t i = 0; i < b->n * MAKE_NCOL; i++)
		sqlite3_value_free(b->v[i]);
	free(b->v);
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
	sqlite3_bind_int64(st, 1, after);
	sqlite3_bind_int64(st, 2, last_original);
	sqlite3_bind_int64(st, 3, (int64_t)max);
	while (sqlite3_step(st) == SQLITE_ROW) {
		b->last = sqlite3_column_int64(st, 0);
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

/* Write variant v of the batch's rows, until the store holds `until`; *have counts. */
static bool store_make_write(struct store *s, sqlite3_stmt *ins, const struct store_make_batch *b,
			     size_t variant, int64_t span, size_t until, size_t *have,
			     size_t *added, char **error)
{
	if (!store_exec(s, "BEGIN IMMEDIATE", error))
		return false;
	for (size_t i = 0; i < b->n && *have < until; i++) {
		store_make_bind(ins, &b->v[i * MAKE_NCOL], variant, span);
		if (sqlite3_step(ins) != SQLITE_DONE) {
			*error = store_errmsg(s, "cannot store a variant");
			sqlite3_reset(ins);
			store_exec(s, "ROLLBACK", NULL);
			return false;
		}
		/* a variant made before (a run stopped halfway) is ignored */
		*have += (size_t)sqlite3_changes(s->db);
		*added += (size_t)sqlite3_changes(s->db);
		sqlite3_reset(ins);
		sqlite3_clear_bindings(ins);
	}
	if (!store_exec(s, "COMMIT", error)) {
		store_exec(s, "ROLLBACK", NULL);
		return false;
	}
	return true;
}

bool store_make_variants(struct store *s, size_t until, size_t batch, size_t *added,
			 char **error)
{
	struct store_make_batch b = {0};
	sqlite3_stmt *ins;
	int64_t last_original, span;
	size_t have = store_count(s), originals, variant;
	bool ok = true;

	*error = NULL;
	*added = 0;
	if (s->read_only)
		return *error = xasprintf("%s: written by a newer qari: read only", s->path), false;
	if (have >= until)
		return true;
	if (have == 0)
		return *error = xasprintf("%s: no articles to make variants of", s->path), false;
	if ((last_original = store_make_originals(s, error)) <= 0)
		return false;
	if ((originals = store_make_count(s, last_original)) == 0)
		return *error = xasprintf("%s: the originals of its variants are gone", s->path), false;
	span = store_make_span(s, last_original);
	/* the variant a run that stopped was writing: its rows made are ignored */
	variant = have > originals ? (have - originals) / originals + 1 : 1;
	ins = store_prepare(s, "INSERT OR IGNORE INTO articles (" STORE_MAKE_COLUMNS ") VALUES"
			       " (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)");
	store_bulk(s, true);
	for (; ok && have < until; variant++) {
		b.last = 0;
		do {
			store_make_read(s, last_original, batch ? batch : 1, &b);
			ok = store_make_write(s, ins, &b, variant, span, until, &have, added, error);
		} while (ok && b.n > 0 && have < until);
	}
	store_bulk(s, false);
	store_make_batch_clear(&b);
	sqlite3_finalize(ins);
	return ok;
}
