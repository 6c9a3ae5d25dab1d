/* store_load.c - articles out of the store into a corpus, with the entities found at ingest:
 * no feed is parsed and nothing is tagged again. Text is checked to be UTF-8 (the file may
 * have been edited by hand); only text that is not goes through the loaders' sanitising. */
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "qari/strtab.h"
#include "store_private.h"

/* A copy of valid UTF-8 as it is, anything else sanitised. */
void store_take_field(char **field, const unsigned char *s, int n)
{
	if (s == NULL || n <= 0)
		return;
	if (u8_check(s, (size_t)n) == NULL)
		*field = xstrndup((const char *)s, (size_t)n);
	else
		article_set_field(field, (const char *)s, (size_t)n);
}

/* Paragraphs, each ended by a NUL. */
static void store_take_body(struct article *a, const unsigned char *p, size_t n)
{
	const unsigned char *end = p + n;
	while (p < end) {
		const unsigned char *z = memchr(p, '\0', (size_t)(end - p));
		size_t len = z ? (size_t)(z - p) : (size_t)(end - p);
		if (len && u8_check(p, len) == NULL)
			article_take_para(a, xstrndup((const char *)p, len));
		else if (len)
			article_add_para(a, (const char *)p, len);
		p += len + 1;
	}
}

/* An entity's term in entity_articles: its type's number, ':', its key. */
static char *store_entity_term(enum entity_type t, const char *key)
{
	return xasprintf("%d:%s", (int)t, key);
}

/* A person's name of two words or more is also kept as "s:LAST NAME", so the names a
 * one-word person may join (entity_table_surnames) are a range of the index. */
#define STORE_SURNAME "s:"

/* A JSON string of s into sb. */
static void store_json_string(struct strbuf *sb, const char *s)
{
	strbuf_appendc(sb, '"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			strbuf_appendc(sb, '\\');
		if ((unsigned char)*s < 0x20)
			strbuf_printf(sb, "\\u%04x", (unsigned)(unsigned char)*s);
		else
			strbuf_appendc(sb, *s);
	}
	strbuf_appendc(sb, '"');
}

/* Each entity's term of es to fn: its type and key, and a person's of two words or more
 * also as "s:LAST NAME". */
static void store_entity_terms_each(const struct article_entities *es,
				    void (*fn)(void *cx, const char *term), void *cx)
{
	for (uint32_t k = 0; k < es->n; k++) {
		const char *key = article_entity_key(es, &es->v[k]), *sp = strrchr(key, ' ');
		char *term = store_entity_term(es->v[k].type, key);
		fn(cx, term);
		free(term);
		if (es->v[k].type != ENTITY_PERSON || sp == NULL)
			continue;
		term = xasprintf(STORE_SURNAME "%s %s", sp + 1, key);
		fn(cx, term);
		free(term);
	}
}

/* A term into a JSON array being made (after its '['). */
static void store_entity_term_json(void *cx, const char *term)
{
	struct strbuf *sb = cx;
	if (sb->len > 1)
		strbuf_appendc(sb, ',');
	store_json_string(sb, term);
}

/* qari_entity_terms(title, body, fulltext, entities): the terms of a row's entities unpacked
 * against its article (store_row_article: the page text in place of the summary), a JSON
 * array for json_each; "[]" when they do not unpack, and on a connection whose writer puts
 * the terms of its rows in itself (s->entity_terms_written: the triggers' work done twice).
 * Entities packed by older rules count until the reader tags the article afresh and writes
 * them again: a store migrated after a rules change would otherwise index almost nothing. */
static void store_entity_terms(sqlite3_context *cx, int argc, sqlite3_value **v)
{
	const struct store *s = sqlite3_user_data(cx);
	struct article *a;
	struct article_entities es = {0};
	struct strbuf sb = {0};
	int body = sqlite3_value_bytes(v[2]) > 0 ? 2 : 1;

	(void)argc;
	if (s->entity_terms_written) {
		sqlite3_result_text(cx, "[]", 2, SQLITE_STATIC);
		return;
	}
	a = article_new("store");
	store_take_field(&a->title, sqlite3_value_text(v[0]), sqlite3_value_bytes(v[0]));
	if (a->title == NULL)
		a->title = xstrdup("");
	if (sqlite3_value_blob(v[body]))
		store_take_body(a, sqlite3_value_blob(v[body]), (size_t)sqlite3_value_bytes(v[body]));
	strbuf_appendc(&sb, '[');
	if (sqlite3_value_blob(v[3]) &&
	    article_entities_unpack_any_rules(sqlite3_value_blob(v[3]),
					      (size_t)sqlite3_value_bytes(v[3]), a, &es))
		store_entity_terms_each(&es, store_entity_term_json, &sb);
	strbuf_appendc(&sb, ']');
	sqlite3_result_text64(cx, sb.data, sb.len, SQLITE_TRANSIENT, SQLITE_UTF8);
	strbuf_free(&sb);
	article_entities_free(&es);
	article_free(a);
}

/* Not deterministic: its answer depends on the connection's s->entity_terms_written. */
bool store_entities_register(struct store *s, char **error)
{
	if (sqlite3_create_function_v2(s->db, "qari_entity_terms", 4,
				       SQLITE_UTF8 | SQLITE_INNOCUOUS, s,
				       store_entity_terms, NULL, NULL, NULL) != SQLITE_OK)
		return *error = store_errmsg(s, "cannot register the entities' terms"), false;
	return true;
}

/* One term of a row into entity_articles (the statement bound to the row). */
struct store_term_insert {
	sqlite3_stmt *st;
	bool ok;
};

static void store_entity_term_insert(void *cx, const char *term)
{
	struct store_term_insert *in = cx;
	sqlite3_reset(in->st);
	store_bind_text(in->st, 1, term);
	in->ok = sqlite3_step(in->st) == SQLITE_DONE && in->ok;
}

bool store_entity_terms_write(struct store *s, int64_t row, const struct article_entities *es)
{
	struct store_term_insert in = {
		.st = store_stmt(s, STORE_STMT_ENTITY_TERM,
				 "INSERT OR IGNORE INTO entity_articles (term, article) VALUES (?1, ?2)"),
		.ok = true};
	sqlite3_bind_int64(in.st, 2, row);
	store_entity_terms_each(es, store_entity_term_insert, &in);
	sqlite3_reset(in.st);
	return in.ok;
}

/* The stored names of two words or more that end in the word last: at most max, *n of them
 * (caller frees each). */
static char **store_surname_names(struct store *s, const char *last, size_t max, size_t *n)
{
	char *from = xasprintf(STORE_SURNAME "%s ", last), *to = xstrdup(from);
	sqlite3_stmt *st = store_prepare(s, "SELECT DISTINCT term FROM entity_articles"
					    " WHERE term >= ?1 AND term < ?2 LIMIT ?3");
	char **v = xcalloc(max + 1, sizeof *v);

	to[strlen(to) - 1] = ' ' + 1; /* past every term that starts with from */
	store_bind_text(st, 1, from);
	store_bind_text(st, 2, to);
	sqlite3_bind_int64(st, 3, (int64_t)max);
	*n = 0;
	while (*n < max && sqlite3_step(st) == SQLITE_ROW)
		v[(*n)++] = xstrdup((const char *)sqlite3_column_text(st, 0) + strlen(from));
	sqlite3_finalize(st);
	free(from);
	free(to);
	return v;
}

char *store_entity_filter(struct store *s, enum entity_type t, const char *key)
{
	struct strbuf sb = {0};
	const char *sp = strrchr(key, ' '), *last = sp ? sp + 1 : key;
	char *term = store_entity_term(t, key), **names = NULL;
	size_t n = 0;

	strbuf_appendc(&sb, '[');
	store_json_string(&sb, term);
	free(term);
	/* memory's merge: a one-word person joins the only longer name that ends in it */
	if (t == ENTITY_PERSON)
		names = store_surname_names(s, last, 2, &n);
	if (n == 1 && (sp == NULL || strcmp(names[0], key) == 0)) {
		term = store_entity_term(t, sp ? last : names[0]);
		strbuf_appendc(&sb, ',');
		store_json_string(&sb, term);
		free(term);
	}
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	strbuf_appendc(&sb, ']');
	return strbuf_take(&sb);
}

static void store_entities_add(struct store_entities *e, size_t at, int64_t rowid,
			       const void *blob, int len, const struct article *a)
{
	size_t need = at + 1;
	if (need > e->cap) {
		size_t old = e->cap;
		xgrow(&e->es, &e->cap, need, sizeof *e->es);
		e->have = xreallocarray(e->have, e->cap, sizeof *e->have);
		e->rowid = xreallocarray(e->rowid, e->cap, sizeof *e->rowid);
		memset(e->es + old, 0, (e->cap - old) * sizeof *e->es);
		memset(e->have + old, 0, e->cap - old);
		memset(e->rowid + old, 0, (e->cap - old) * sizeof *e->rowid);
	}
	if (e->n < need)
		e->n = need;
	e->rowid[at] = rowid;
	e->have[at] = blob && article_entities_unpack(blob, (size_t)len, a, &e->es[at]);
}

void store_entities_reload(struct store *s, const struct corpus *c, const int64_t *rowid,
			   size_t n, struct store_entities *e)
{
	sqlite3_stmt *st = store_stmt(s, STORE_STMT_ENTITIES,
				      "SELECT entities FROM articles WHERE id = ?");
	for (size_t i = 0; i < n && i < c->n; i++) {
		const void *blob = NULL;
		int len = 0;
		if (rowid[i] > 0) {
			sqlite3_reset(st);
			sqlite3_bind_int64(st, 1, rowid[i]);
			if (sqlite3_step(st) == SQLITE_ROW) {
				blob = sqlite3_column_blob(st, 0);
				len = sqlite3_column_bytes(st, 0);
			}
		}
		store_entities_add(e, i, rowid[i], blob, len, c->items[i]);
	}
	sqlite3_reset(st); /* kept: reset, so it holds no read transaction */
}

/* One row of the load query into an article. */
struct article *store_row_article(sqlite3_stmt *st)
{
	const char *path = (const char *)sqlite3_column_text(st, 8);
	struct article *a = article_new(path ? path : "store");
	const void *full;
	char aid[ARTICLE_ID_LEN + 1] = "";

	/* a column's text lasts only until the next column is read: copy at once */
	if (sqlite3_column_bytes(st, 1) == ARTICLE_ID_LEN)
		memcpy(aid, sqlite3_column_text(st, 1), ARTICLE_ID_LEN);

#define STORE_TEXT(i) sqlite3_column_text(st, i), sqlite3_column_bytes(st, i)
	store_take_field(&a->title, STORE_TEXT(2));
	store_take_field(&a->date, STORE_TEXT(3));
	if (sqlite3_column_type(st, 4) != SQLITE_NULL)
		a->date_key = sqlite3_column_int64(st, 4);
	store_take_field(&a->url, STORE_TEXT(5));
	store_take_field(&a->source, STORE_TEXT(6));
	store_take_field(&a->author, STORE_TEXT(7));
#undef STORE_TEXT
	full = sqlite3_column_blob(st, 11);
	if (full && sqlite3_column_bytes(st, 11) > 0) /* the page's text replaces the summary */
		store_take_body(a, full, (size_t)sqlite3_column_bytes(st, 11));
	else
		store_take_body(a, sqlite3_column_blob(st, 9), (size_t)sqlite3_column_bytes(st, 9));
	article_finish(a, a->path);
	if (aid[0])
		memcpy(a->id, aid, ARTICLE_ID_LEN + 1);
	return a;
}


/* corpus_add finishes the article again (its id from URL or path): the stored id stays. */
static void store_add(struct corpus *c, struct article *a)
{
	char id[ARTICLE_ID_LEN + 1];
	memcpy(id, a->id, sizeof id);
	corpus_add(c, a);
	memcpy(a->id, id, sizeof id);
}

/* One row into c and e; false when it has no text. */
static bool store_take_row(sqlite3_stmt *st, struct corpus *c, struct store_entities *e)
{
	struct article *a = store_row_article(st);
	if (a->npara == 0) {
		article_free(a);
		c->report.items_skipped++;
		return false;
	}
	if (e) /* the page text's entities when it has one: checked against what shows */
		store_entities_add(e, c->n, sqlite3_column_int64(st, 0), sqlite3_column_blob(st, 10),
				   sqlite3_column_bytes(st, 10), a);
	store_add(c, a);
	c->report.items_loaded++;
	return true;
}

struct article *store_load_article(struct store *s, int64_t row)
{
	sqlite3_stmt *st = store_stmt(s, STORE_STMT_LOAD_ROW, STORE_LOAD_COLUMNS "WHERE a.id = ?");
	struct article *a = NULL;
	sqlite3_bind_int64(st, 1, row);
	if (sqlite3_step(st) == SQLITE_ROW) {
		struct corpus c;
		corpus_init(&c);
		store_add(&c, store_row_article(st)); /* finished as store_load finishes it */
		a = c.items[0];
		c.n = 0;
		corpus_free(&c);
	}
	sqlite3_reset(st);
	return a;
}

int64_t store_row_of(struct store *s, const char *id)
{
	sqlite3_stmt *st = store_prepare(s, "SELECT max(id) FROM articles WHERE aid = ?");
	int64_t row = 0;
	store_bind_text(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW)
		row = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return row;
}

char *store_source_of(struct store *s, const char *id)
{
	sqlite3_stmt *st = store_stmt(s, STORE_STMT_SOURCE_OF,
				      "SELECT coalesce(f.name, a.source) FROM articles a"
				      " LEFT JOIN feeds f ON f.id = a.feed"
				      " WHERE a.id = (SELECT max(id) FROM articles WHERE aid = ?)");
	char *source = NULL;
	store_bind_text(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW)
		source = store_column_text(st, 0);
	sqlite3_reset(st);
	return source;
}

size_t store_load_since(struct store *s, int64_t *after, struct corpus *c,
			struct store_entities *e)
{
	sqlite3_stmt *st = store_prepare(s, STORE_LOAD_COLUMNS "WHERE a.id > ?"
					    " ORDER BY a.date_key DESC, a.id DESC");
	size_t n = 0;
	int rc;
	int64_t top = *after;

	sqlite3_bind_int64(st, 1, *after);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t rowid = sqlite3_column_int64(st, 0);
		top = rowid > top ? rowid : top;
		n += store_take_row(st, c, e);
	}
	if (rc != SQLITE_DONE)
		load_report_add(&c->report, "%s: %s", s->path, sqlite3_errmsg(s->db));
	sqlite3_finalize(st);
	*after = top;
	return n;
}

size_t store_load(struct store *s, struct corpus *c, struct store_entities *e)
{
	int64_t after = 0;
	return store_load_since(s, &after, c, e);
}

int64_t store_last_rowid(struct store *s)
{
	sqlite3_stmt *st = store_stmt(s, STORE_STMT_LAST_ROWID,
				      "SELECT coalesce(max(id), 0) FROM articles");
	int64_t v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	return v;
}

void store_entities_free(struct store_entities *e)
{
	for (size_t i = 0; i < e->n; i++)
		if (e->have[i])
			article_entities_free(&e->es[i]);
	free(e->es);
	free(e->have);
	free(e->rowid);
	memset(e, 0, sizeof *e);
}

/* related_terms' kind for an entity type: 1 + the type (store_related.c's sr_entities). */
static bool store_entity_kind(enum entity_type t, int *kind)
{
	*kind = 1 + (int)t;
	return t == ENTITY_PERSON || t == ENTITY_PLACE || t == ENTITY_ORG;
}

/* The articles whose stored entities name one of the terms of filter (store_entity_filter's). */
static size_t store_entity_articles_of(struct store *s, const char *filter)
{
	sqlite3_stmt *st = store_prepare(s, "SELECT count(DISTINCT article) FROM entity_articles"
					    " WHERE term IN (SELECT value FROM json_each(?1))");
	size_t n = 0;

	store_bind_text(st, 1, filter);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = (size_t)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

bool store_entity_articles(struct store *s, enum entity_type t, const char *key, size_t *n)
{
	sqlite3_stmt *st;
	bool found;
	int kind;

	if (!store_entity_kind(t, &kind))
		return false;
	st = store_prepare(s, "SELECT df FROM related_terms WHERE kind = ?1 AND term = ?2");
	sqlite3_bind_int(st, 1, kind);
	store_bind_text(st, 2, key);
	found = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int64(st, 0) > 0;
	if (found)
		*n = (size_t)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (found && t == ENTITY_PERSON) { /* memory counts a one-word person with the name that
					      takes it in */
		char *filter = store_entity_filter(s, t, key);
		if (strchr(filter, ','))
			*n = store_entity_articles_of(s, filter);
		free(filter);
	}
	return found;
}

/* The articles whose stored entities name the person key or its one-word form last. */
static size_t store_entity_articles_of_both(struct store *s, const char *key, const char *last)
{
	sqlite3_stmt *st = store_prepare(s, "SELECT count(DISTINCT article) FROM entity_articles"
					    " WHERE term IN (?1, ?2)");
	char *a = store_entity_term(ENTITY_PERSON, key), *b = store_entity_term(ENTITY_PERSON, last);
	size_t n = 0;

	store_bind_text(st, 1, a);
	store_bind_text(st, 2, b);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = (size_t)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	free(a);
	free(b);
	return n;
}

/* A line of store_entity_counts with its entity's key. */
struct store_entity_line {
	struct store_entity_count c;
	char *key;
};

/* Memory's merge (entity_table_surnames): a one-word person that the only stored name of two
 * words or more ending in it takes in is not listed (articles 0), and that name counts the
 * articles of both. */
static void store_entity_counts_merge(struct store *s, struct store_entity_line *v, size_t n)
{
	struct strtab persons;
	uint32_t *at = xcalloc(n + 1, sizeof *at);

	strtab_init(&persons);
	for (size_t i = 0; i < n; i++)
		if (v[i].c.type == ENTITY_PERSON)
			at[strtab_intern(&persons, v[i].key, strlen(v[i].key))] = (uint32_t)i;
	for (size_t i = 0; i < n; i++) {
		size_t nnames = 0;
		char **names;
		uint32_t id;
		if (v[i].c.type != ENTITY_PERSON || strchr(v[i].key, ' '))
			continue;
		names = store_surname_names(s, v[i].key, 2, &nnames);
		if (nnames == 1 && strtab_find(&persons, names[0], strlen(names[0]), &id)) {
			v[at[id]].c.articles = store_entity_articles_of_both(s, names[0], v[i].key);
			v[i].c.articles = 0;
		}
		for (size_t k = 0; k < nnames; k++)
			free(names[k]);
		free(names);
	}
	strtab_free(&persons);
	free(at);
}

/* By type, then by articles, most first, then key (the SQL's order before the merge). */
static int store_entity_line_cmp(const void *a, const void *b)
{
	const struct store_entity_line *x = a, *y = b;
	if (x->c.type != y->c.type)
		return (int)x->c.type - (int)y->c.type;
	if (x->c.articles != y->c.articles)
		return x->c.articles > y->c.articles ? -1 : 1;
	return strcmp(x->key, y->key);
}

size_t store_entity_counts(struct store *s, struct store_entity_count **out)
{
	sqlite3_stmt *st = store_prepare(s, "SELECT kind - 1, coalesce(name, term), df, term FROM"
					    " related_terms WHERE kind BETWEEN 1 AND 3 AND df > 0");
	struct store_entity_line *v = NULL;
	size_t n = 0, cap = 0, kept = 0;

	while (sqlite3_step(st) == SQLITE_ROW) {
		xgrow(&v, &cap, n + 1, sizeof *v);
		v[n++] = (struct store_entity_line){
			.c = {.type = (enum entity_type)sqlite3_column_int(st, 0),
			      .name = store_column_text(st, 1),
			      .articles = (size_t)sqlite3_column_int64(st, 2)},
			.key = store_column_text(st, 3)};
	}
	sqlite3_finalize(st);
	store_entity_counts_merge(s, v, n);
	xqsort(v, n, sizeof *v, store_entity_line_cmp);
	*out = xcalloc(n + 1, sizeof **out);
	for (size_t i = 0; i < n; i++) {
		if (v[i].c.articles > 0)
			(*out)[kept++] = v[i].c;
		else
			free(v[i].c.name);
		free(v[i].key);
	}
	free(v);
	return kept;
}

void store_entity_counts_free(struct store_entity_count *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].name);
	free(v);
}

/* Whether row's stored entities unpack for a (packed by these rules, for this text). */
static bool store_entities_current(struct store *s, int64_t row, const struct article *a)
{
	sqlite3_stmt *st = store_stmt(s, STORE_STMT_ENTITIES,
				      "SELECT entities FROM articles WHERE id = ?");
	struct article_entities es = {0};
	bool ok = false;

	sqlite3_bind_int64(st, 1, row);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_blob(st, 0))
		ok = article_entities_unpack(sqlite3_column_blob(st, 0),
					     (size_t)sqlite3_column_bytes(st, 0), a, &es);
	article_entities_free(&es);
	sqlite3_reset(st);
	return ok;
}

/* One transaction: written only when what is stored still does not unpack (an ingest or F
 * may have written newer entities since the article was read); a writer busy elsewhere is
 * not waited for (the reader's next open tags it again). WAL: kill -9 at any point leaves
 * the old blob or the new one. */
bool store_entities_write(struct store *s, int64_t row, const struct article *a,
			  const struct article_entities *es)
{
	struct strbuf packed = {0};
	sqlite3_stmt *st;
	bool ok = false, kept;

	if (s->read_only || row <= 0)
		return false;
	kept = store_read_rows_kept(s);
	sqlite3_busy_timeout(s->db, 0);
	if (!store_exec(s, "BEGIN IMMEDIATE", NULL))
		goto out;
	if (store_entities_current(s, row, a)) {
		ok = store_exec(s, "COMMIT", NULL);
		goto out;
	}
	article_entities_pack(es, &packed);
	st = store_prepare(s, "UPDATE articles SET entities = ?2 WHERE id = ?1");
	sqlite3_bind_int64(st, 1, row);
	sqlite3_bind_blob(st, 2, packed.data, (int)packed.len, SQLITE_STATIC);
	ok = sqlite3_step(st) == SQLITE_DONE;
	sqlite3_finalize(st);
	ok = ok && store_exec(s, "COMMIT", NULL);
out:
	if (!sqlite3_get_autocommit(s->db)) /* a step or the commit failed: nothing written */
		store_exec(s, "ROLLBACK", NULL);
	sqlite3_busy_timeout(s->db, STORE_BUSY_MS);
	store_read_rows_after(s, kept); /* the entities: no mark, no id */
	strbuf_free(&packed);
	return ok;
}

/* Site furniture: per source, meta 'furniture:SOURCE' ('furniture' for articles without a
 * source) holds the pairs the last ingest or import given that source's articles learned
 * (furniture_pack_source), so an article tagged again at open is cut as its writer cut it. */
#define STORE_FURNITURE_KEYS "(key = 'furniture' OR (key >= 'furniture:' AND key < 'furniture;'))"

static char *store_furniture_key(const char *source)
{
	return source ? xasprintf("furniture:%s", source) : xstrdup("furniture");
}

static int store_furniture_source_cmp(const void *a, const void *b)
{
	const char *x = *(const char *const *)a, *y = *(const char *const *)b;
	if (x == NULL || y == NULL)
		return (x != NULL) - (y != NULL);
	return strcmp(x, y);
}

/* The sources of c's articles, each once (NULL among them for articles without one). */
static size_t store_furniture_sources(const struct corpus *c, const char ***out)
{
	const char **v = xcalloc(c->n + 1, sizeof *v);
	size_t n = 0;
	for (size_t i = 0; i < c->n; i++)
		v[i] = c->items[i]->source;
	xqsort(v, c->n, sizeof *v, store_furniture_source_cmp);
	for (size_t i = 0; i < c->n; i++)
		if (i == 0 || store_furniture_source_cmp(&v[i], &v[n - 1]) != 0)
			v[n++] = v[i];
	*out = v;
	return n;
}

/* Whether meta key holds buf (len bytes; NULL: no row). */
static bool store_furniture_same(struct store *s, const char *key, const void *buf, size_t len)
{
	sqlite3_stmt *st = store_take(s, "SELECT value FROM meta WHERE key = ?1");
	bool same;
	store_bind_text(st, 1, key);
	if (sqlite3_step(st) != SQLITE_ROW)
		same = buf == NULL;
	else
		same = buf && (size_t)sqlite3_column_bytes(st, 0) == len &&
		       memcmp(sqlite3_column_blob(st, 0), buf, len) == 0;
	store_give(s, st);
	return same;
}

static bool store_furniture_put(struct store *s, const char *key, const void *buf, size_t len)
{
	sqlite3_stmt *st = store_take(s, buf ? "INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)"
					     : "DELETE FROM meta WHERE key = ?1");
	bool ok;
	store_bind_text(st, 1, key);
	if (buf)
		sqlite3_bind_blob(st, 2, buf, (int)len, SQLITE_STATIC);
	ok = sqlite3_step(st) == SQLITE_DONE;
	store_give(s, st);
	return ok;
}

bool store_furniture_save(struct store *s, const struct corpus *c, char **error)
{
	const char **sources;
	size_t n = store_furniture_sources(c, &sources);
	bool ok = true, began = false;

	for (size_t i = 0; ok && i < n; i++) {
		char *key = store_furniture_key(sources[i]);
		size_t len;
		void *buf = furniture_pack_source(s->furniture, sources[i], &len);
		if (!store_furniture_same(s, key, buf, len)) {
			if (sqlite3_get_autocommit(s->db)) /* no transaction of the writer's open */
				ok = began = store_exec(s, "BEGIN IMMEDIATE", error);
			ok = ok && store_furniture_put(s, key, buf, len);
		}
		free(buf);
		free(key);
	}
	if (began)
		ok = ok && store_exec(s, "COMMIT", error);
	if (began && !ok)
		store_exec(s, "ROLLBACK", NULL);
	if (!ok && *error == NULL)
		*error = store_errmsg(s, "cannot store the site furniture");
	s->furniture_unsaved = !ok;
	free(sources);
	return ok;
}

void store_furniture_read(struct store *s, struct furniture *out)
{
	sqlite3_stmt *st = store_take(s, "SELECT value FROM meta WHERE " STORE_FURNITURE_KEYS);
	memset(out, 0, sizeof *out);
	while (sqlite3_step(st) == SQLITE_ROW)
		furniture_unpack_add(out, sqlite3_column_blob(st, 0), (size_t)sqlite3_column_bytes(st, 0));
	store_give(s, st);
}
