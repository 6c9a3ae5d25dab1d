/* store_fts.c - the store's full-text index: an FTS5 table whose tokenizer is qari's matching
 * form (normalize.h), so the database finds exactly what search.c finds.
 *
 * search.c matches a query as a substring of the matching form of the title or of one
 * paragraph. The tokenizer cuts each of them, normalised, into overlapping trigrams of code
 * points, one at every position (the last two positions of a text get the shorter rest), with
 * a token no query can hold between two texts. So a query of three or more code points is the
 * phrase of its trigrams (consecutive positions: a substring, never across two texts), and a
 * shorter one a prefix query on its own code points (a token starts at every position). The
 * rows articles_fts holds are written by triggers on articles, so every insert, update and
 * delete changes the index in the same transaction. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#define XXH_INLINE_ALL
#include <xxhash.h>

#include "qari/article.h"
#include "qari/normalize.h"
#include "qari/search.h"
#include "qari/text.h"
#include "store_private.h"

/* The tokenizer's own rules: a change to them (not to normalize.c, which the probe below
 * notices) must raise this, so that stores index their articles again. */
#define STORE_FTS_VERSION 1
#define STORE_FTS_GRAM 3
#define STORE_FTS_BREAK "\n" /* between two texts: normalisation makes every '\n' a space */

struct store_fts_tokenizer {
	const struct store *s; /* s->fts_docs set: documents already in matching form */
	struct norm_text t;
	size_t *cp;  /* byte offsets of the code points of t.s, and t.len */
	size_t cap;
};

typedef int (*store_fts_token_fn)(void *ctx, int tflags, const char *tok, int ntok, int beg,
				  int end);

static int store_fts_create(void *user, const char **argv, int argc, Fts5Tokenizer **out)
{
	struct store_fts_tokenizer *k = xcalloc(1, sizeof *k);
	(void)argv, (void)argc;
	k->s = user;
	*out = (Fts5Tokenizer *)k;
	return SQLITE_OK;
}

static void store_fts_delete(Fts5Tokenizer *tok)
{
	struct store_fts_tokenizer *k = (struct store_fts_tokenizer *)tok;
	norm_text_free(&k->t);
	free(k->cp);
	free(k);
}

/* The tokens of one text (title or paragraph) at byte base of the whole (ready: already in
 * matching form). A token's offsets are those of its whole text: they serve only highlight(),
 * which a table without content cannot run, and mapping each back to the original would cost
 * a map per text. */
static int store_fts_text(struct store_fts_tokenizer *k, void *ctx, bool query, bool ready,
			  const char *s, size_t n, size_t base, store_fts_token_fn token)
{
	struct norm_text as_is = {.s = (char *)s, .len = n};
	const struct norm_text *t = ready ? &as_is : &k->t;
	int beg = (int)base, end = (int)(base + n);
	size_t ncp = 0;

	if (!ready)
		norm_text_set(&k->t, s, n, false);
	xgrow(&k->cp, &k->cap, t->len + 1, sizeof *k->cp);
	for (size_t i = 0; i < t->len; ncp++) {
		uint32_t cp;
		int len = text_decode(t->s + i, t->len - i, &cp);
		k->cp[ncp] = i;
		i += len > 0 ? (size_t)len : 1;
	}
	k->cp[ncp] = t->len;
	if (query && ncp < STORE_FTS_GRAM) /* the caller makes it a prefix query */
		return ncp ? token(ctx, 0, t->s, (int)t->len, beg, end) : SQLITE_OK;
	for (size_t i = 0; i < ncp; i++) {
		size_t last = i + STORE_FTS_GRAM < ncp ? i + STORE_FTS_GRAM : ncp;
		int rc;
		if (query && i + STORE_FTS_GRAM > ncp)
			break;
		rc = token(ctx, 0, t->s + k->cp[i], (int)(k->cp[last] - k->cp[i]), beg, end);
		if (rc != SQLITE_OK)
			return rc;
	}
	return SQLITE_OK;
}

/* A document is texts separated by NULs (store_fts_document, or store_fts_ready's while
 * store_fts_index_rows indexes those); a query is one text. */
static int store_fts_tokenize(Fts5Tokenizer *tok, void *ctx, int flags, const char *s, int n,
			      store_fts_token_fn token)
{
	struct store_fts_tokenizer *k = (struct store_fts_tokenizer *)tok;
	bool query = (flags & FTS5_TOKENIZE_QUERY) != 0;
	size_t len = n > 0 ? (size_t)n : 0, at = 0;
	int rc = SQLITE_OK;

	bool ready = !query && k->s && k->s->fts_docs;

	if (query)
		return store_fts_text(k, ctx, true, false, s, len, 0, token);
	while (rc == SQLITE_OK && at <= len) {
		const char *z = memchr(s + at, '\0', len - at);
		size_t end = z ? (size_t)(z - s) : len;
		if (at > 0)
			rc = token(ctx, 0, STORE_FTS_BREAK, 1, (int)at - 1, (int)at);
		if (rc == SQLITE_OK)
			rc = store_fts_text(k, ctx, false, ready, s + at, end - at, at, token);
		at = end + 1;
	}
	return rc;
}

/* qari_fts_text(title, body, fulltext): what articles_fts indexes of a row, the texts the
 * loaded article has (store_load.c: the page text replaces the summary), NUL-separated. */
static void store_fts_document(sqlite3_context *cx, int argc, sqlite3_value **v)
{
	const char *title = (const char *)sqlite3_value_text(v[0]);
	size_t ntitle = (size_t)sqlite3_value_bytes(v[0]);
	const void *body = sqlite3_value_blob(v[2]);
	size_t nbody = (size_t)sqlite3_value_bytes(v[2]);
	char *out;

	(void)argc;
	if (body == NULL || nbody == 0) {
		body = sqlite3_value_blob(v[1]);
		nbody = (size_t)sqlite3_value_bytes(v[1]);
	}
	out = sqlite3_malloc64(ntitle + 1 + nbody + 1);
	if (out == NULL) {
		sqlite3_result_error_nomem(cx);
		return;
	}
	if (ntitle)
		memcpy(out, title, ntitle);
	out[ntitle] = '\0';
	if (nbody)
		memcpy(out + ntitle + 1, body, nbody);
	sqlite3_result_text64(cx, out, ntitle + 1 + nbody, sqlite3_free, SQLITE_UTF8);
}

/* qari_title(title): the title as article_set_title keeps it (article_title_dup), without a
 * news agency's section label (store.c's migration to schema 7 drops those stored before). */
static void store_fts_title(sqlite3_context *cx, int argc, sqlite3_value **v)
{
	const char *title = (const char *)sqlite3_value_text(v[0]);
	char *kept;

	(void)argc;
	if (title == NULL) {
		sqlite3_result_null(cx);
		return;
	}
	kept = article_title_dup(title, (size_t)sqlite3_value_bytes(v[0]));
	if (kept == NULL)
		sqlite3_result_text(cx, "", 0, SQLITE_STATIC);
	else
		sqlite3_result_text64(cx, kept, strlen(kept), free, SQLITE_UTF8);
}

/* qari_fts_deferred(): whether this connection's inserts wait for store_fts_index_rows. */
static void store_fts_deferred(sqlite3_context *cx, int argc, sqlite3_value **v)
{
	const struct store *s = sqlite3_user_data(cx);
	(void)argc, (void)v;
	sqlite3_result_int(cx, s->fts_deferred);
}

void store_fts_prepare(const struct article *a, struct strbuf *out)
{
	struct norm_text t = {0};
	const char *title = a->title ? a->title : "";

	out->len = 0;
	strbuf_append(out, "", 0);
	/* store_fts_document's texts: the title, each paragraph, and the empty one after the
	 * last NUL */
	for (size_t i = 0; i <= a->npara; i++) {
		const char *text = i == 0 ? title : a->paras[i - 1];
		if (i > 0)
			strbuf_appendc(out, '\0');
		norm_text_set(&t, text, strlen(text), false);
		strbuf_append(out, t.s, t.len);
	}
	strbuf_appendc(out, '\0');
	norm_text_free(&t);
}

/* qari_fts_ready(i): the i-th of the documents store_fts_index_rows was given. */
static void store_fts_ready(sqlite3_context *cx, int argc, sqlite3_value **v)
{
	const struct store *s = sqlite3_user_data(cx);
	int64_t i = sqlite3_value_int64(v[0]);
	(void)argc;
	if (s->fts_docs == NULL || i < 0 || (size_t)i >= s->fts_ndocs) {
		sqlite3_result_error(cx, "qari_fts_ready: no such document", -1);
		return;
	}
	sqlite3_result_text64(cx, s->fts_docs[i].data, s->fts_docs[i].len, SQLITE_STATIC, SQLITE_UTF8);
}

bool store_fts_index_rows(struct store *s, const int64_t *rows, const struct strbuf *docs,
			  size_t n, char **error)
{
	struct strbuf ids = {0};
	sqlite3_stmt *st;
	bool ok;

	if (n == 0)
		return true;
	strbuf_appendc(&ids, '[');
	for (size_t i = 0; i < n; i++) {
		char num[24];
		int len = snprintf(num, sizeof num, "%s%lld", i ? "," : "", (long long)rows[i]);
		strbuf_append(&ids, num, (size_t)len);
	}
	strbuf_appendc(&ids, ']');
	st = store_prepare(s, docs ? "INSERT INTO articles_fts (rowid, text)"
				     " SELECT value, qari_fts_ready(key) FROM json_each(?1)"
				   : "INSERT INTO articles_fts (rowid, text)"
				     " SELECT id, qari_fts_text(title, body, fulltext) FROM articles"
				     " WHERE id IN (SELECT value FROM json_each(?1))");
	sqlite3_bind_text(st, 1, ids.data, (int)ids.len, SQLITE_STATIC);
	s->fts_docs = docs;
	s->fts_ndocs = n;
	ok = sqlite3_step(st) == SQLITE_DONE;
	s->fts_docs = NULL;
	s->fts_ndocs = 0;
	if (!ok)
		*error = store_errmsg(s, "cannot index the new articles");
	sqlite3_finalize(st);
	strbuf_free(&ids);
	return ok;
}

static fts5_api *store_fts5_api(sqlite3 *db)
{
	fts5_api *api = NULL;
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
	sqlite3_step(st);
	sqlite3_finalize(st);
	return api;
}

bool store_fts_register(struct store *s, char **error)
{
	static fts5_tokenizer tokenizer = {store_fts_create, store_fts_delete, store_fts_tokenize};
	fts5_api *api = store_fts5_api(s->db);

	if (api == NULL || api->iVersion < 2)
		return *error = xasprintf("%s: this SQLite has no FTS5", s->path), false;
	if (api->xCreateTokenizer(api, "qari", s, &tokenizer, NULL) != SQLITE_OK ||
	    sqlite3_create_function_v2(s->db, "qari_fts_text", 3,
				       SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
				       store_fts_document, NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_create_function_v2(s->db, "qari_title", 1,
				       SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
				       store_fts_title, NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_create_function_v2(s->db, "qari_fts_deferred", 0,
				       SQLITE_UTF8 | SQLITE_INNOCUOUS, s, store_fts_deferred, NULL,
				       NULL, NULL) != SQLITE_OK ||
	    sqlite3_create_function_v2(s->db, "qari_fts_ready", 1, SQLITE_UTF8, s,
				       store_fts_ready, NULL, NULL, NULL) != SQLITE_OK)
		return *error = store_errmsg(s, "cannot register the search tokenizer"), false;
	return true;
}

char *store_fts_query(const struct search_query *q)
{
	struct strbuf sb = {0};
	size_t ncp = 0;

	strbuf_appendc(&sb, '"');
	for (size_t i = 0; i < q->len; i++) {
		if (((unsigned char)q->norm[i] & 0xC0) != 0x80)
			ncp++;
		if (q->norm[i] == '"')
			strbuf_appendc(&sb, '"');
		strbuf_appendc(&sb, q->norm[i]);
	}
	strbuf_appendc(&sb, '"');
	if (ncp < STORE_FTS_GRAM)
		strbuf_appendc(&sb, '*');
	return strbuf_take(&sb);
}

/* A character of every kind normalize.c changes or keeps: hamza forms, taa marbuta, alef
 * maqsura, Persian letters, tatweel, harakat, shadda, superscript alef, both digit shapes,
 * Latin and Greek case, full width, presentation forms and ligatures, white space, format
 * characters, punctuation. Its matching form changes when the normalisation does. */
static const char store_fts_probe[] =
	"أإآٱءؤئ ا ة ه ى ي ی ک ك ـ َ ً ُ ٌ ِ ٍ ّ ْ ٰ ٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹ 0123456789 "
	"ABCXYZ abcxyz ÀÉÎÕÜ ΣΑΩ ДЖ ＡＢＣ１ ﻻ ﷺ ﭐ ﺍﻟﻌﺮﺑﻴﺔ \t\n\r\f\v\xC2\xA0\xE2\x80\x83 "
	"\xE2\x80\x8C\xE2\x80\x8F\xEF\xBB\xBF ،؛؟«» .,;:!?\"'()-_/\\ İı ß ﬁ ½ ²";

/* The index's version: the tokenizer's and the probe's matching form (caller frees). */
static char *store_fts_signature(void)
{
	size_t n;
	char *norm = norm_string(store_fts_probe, sizeof store_fts_probe - 1, &n);
	char *sig = xasprintf("%d:%016llx", STORE_FTS_VERSION,
			      (unsigned long long)XXH3_64bits(norm, n));
	free(norm);
	return sig;
}

static char *store_fts_stored(struct store *s)
{
	sqlite3_stmt *st = store_prepare(s, "SELECT value FROM meta WHERE key = 'fts'");
	char *v = sqlite3_step(st) == SQLITE_ROW ? store_column_text(st, 0) : NULL;
	sqlite3_finalize(st);
	return v;
}

static bool store_fts_current(struct store *s, const char *sig)
{
	char *stored = store_fts_stored(s);
	bool same = stored && strcmp(stored, sig) == 0;
	free(stored);
	return same;
}

/* Index every article again, and note the version, in the transaction the caller began. */
static bool store_fts_rebuild(struct store *s, const char *sig, bool built, char **error)
{
	sqlite3_stmt *st;
	bool ok;

	/* tokens of another normalisation: the triggers would delete what is not there */
	if (!built && !store_exec(s, "INSERT INTO articles_fts (articles_fts) VALUES ('delete-all');"
				 "INSERT INTO articles_fts (rowid, text)"
				 "  SELECT id, qari_fts_text(title, body, fulltext) FROM articles;",
				 error))
		return false;
	st = store_prepare(s, "INSERT INTO meta (key, value) VALUES ('fts', ?1)"
			      " ON CONFLICT (key) DO UPDATE SET value = ?1");
	store_bind_text(st, 1, sig);
	ok = sqlite3_step(st) == SQLITE_DONE;
	if (!ok)
		*error = store_errmsg(s, "cannot note the search index's version");
	sqlite3_finalize(st);
	return ok;
}

bool store_fts_check(struct store *s, bool built, char **error)
{
	char *sig;
	bool ok = true;

	if (s->read_only)
		return true;
	sig = store_fts_signature();
	if (store_fts_current(s, sig)) { /* the usual case: no write lock taken */
		free(sig);
		return true;
	}
	if (!store_exec(s, "BEGIN IMMEDIATE", error)) {
		free(sig);
		return false;
	}
	if (!store_fts_current(s, sig)) /* not done meanwhile by another qari */
		ok = store_fts_rebuild(s, sig, built, error);
	if (!ok || !store_exec(s, "COMMIT", error)) {
		store_exec(s, "ROLLBACK", NULL);
		ok = false;
	}
	free(sig);
	return ok;
}
