/* store_related.c - related stories kept in the store (store_related.h says how): an
 * article's vector made by related.c's functions at ingest, its candidates found through the
 * store's postings, its pool kept and its neighbours' pools updated, all in the ingest's
 * transaction; lists read back from the pools. */
#include "qari/store_related.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qari/ner.h"
#include "qari/normalize.h"
#include "qari/related.h"
#include "qari/xalloc.h"
#include "related_private.h"
#include "store_private.h"

enum store_related_stmt {
	SR_TERM_FIND,
	SR_TERM_ADD,
	SR_TERM_BUMP,
	SR_TERM_UNCOUNT,
	SR_VEC_GET,
	SR_VEC_PUT,
	SR_VEC_DEL,
	SR_POST_PUT,
	SR_POST_DEL,
	SR_POST_SCAN,
	SR_POOL_PUT,
	SR_POOL_STATE,
	SR_POOL_TRIM,
	SR_POOL_DEL,
	SR_POOL_GET,
	SR_META_GET,
	SR_META_SET,
	SR_TERM_GET,
	SR_DATA_VERSION,
	SR_NSTMT
};

static const char *const store_related_sql[SR_NSTMT] = {
	/* found, then counted by rowid: an upsert with RETURNING makes a temporary table each
	 * time, and a term is counted ~150 times an article */
	[SR_TERM_FIND] = "SELECT id, df FROM related_terms WHERE kind = ?1 AND term = ?2",
	[SR_TERM_ADD] = "INSERT INTO related_terms (kind, term, name, df) VALUES (?1, ?2, ?3, 1)",
	[SR_TERM_BUMP] = "UPDATE related_terms SET df = df + 1 WHERE id = ?1",
	[SR_TERM_UNCOUNT] = "UPDATE related_terms SET df = df - 1 WHERE id = ?1",
	[SR_VEC_GET] = "SELECT day, title, words, entities, counted FROM related_vecs WHERE article = ?1",
	[SR_VEC_PUT] = "INSERT OR REPLACE INTO related_vecs (article, day, title, words, entities,"
		       " counted) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	[SR_VEC_DEL] = "DELETE FROM related_vecs WHERE article = ?1",
	[SR_POST_PUT] = "INSERT OR REPLACE INTO related_postings (term, day, article, w)"
			" VALUES (?1, ?2, ?3, ?4)",
	[SR_POST_DEL] = "DELETE FROM related_postings WHERE term = ?1 AND day = ?2 AND article = ?3",
	/* the days that can link (?2..?3), and the undated, which link to any day */
	[SR_POST_SCAN] = "SELECT article, day, w FROM related_postings WHERE term = ?1 AND"
			 " (day BETWEEN ?2 AND ?3 OR day = -2147483648) LIMIT ?4",
	[SR_POOL_PUT] = "INSERT OR REPLACE INTO related_pool (article, neighbour, score) VALUES (?1, ?2, ?3)",
	[SR_POOL_STATE] = "SELECT count(*), min(score) FROM related_pool WHERE article = ?1",
	[SR_POOL_TRIM] = "DELETE FROM related_pool WHERE article = ?1 AND neighbour = (SELECT"
			 " neighbour FROM related_pool WHERE article = ?1 ORDER BY score, neighbour DESC"
			 " LIMIT 1)",
	[SR_POOL_DEL] = "DELETE FROM related_pool WHERE article = ?1 OR neighbour = ?1",
	[SR_POOL_GET] = "SELECT p.neighbour, p.score, a.aid, a.title, coalesce(f.name, a.source),"
			" a.date, a.date_key, v.day FROM related_pool p JOIN articles a ON"
			" a.id = p.neighbour LEFT JOIN feeds f ON f.id = a.feed LEFT JOIN related_vecs v"
			" ON v.article = p.neighbour WHERE p.article = ?1 AND p.score >= ?2"
			" ORDER BY p.score DESC, p.neighbour",
	[SR_META_GET] = "SELECT value FROM meta WHERE key = ?1",
	[SR_META_SET] = "INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)",
	[SR_TERM_GET] = "SELECT kind, term, name FROM related_terms WHERE id = ?1",
	[SR_DATA_VERSION] = "PRAGMA data_version",
};

#define STORE_RELATED_COMMON_SHARE 0.02 /* a word in more of the articles finds no candidates */
#define STORE_RELATED_RESCORE 256        /* best candidates scored again with common words */
#define STORE_RELATED_COMMON_MIN 1000    /* ...once the collection has this many */
#define STORE_RELATED_CACHE_KB "65536"   /* the connection's page cache */
#define STORE_RELATED_VEC_CACHE 32768    /* vectors kept by row (a power of two): an article's
					  * candidates are the rows of nearby days, read again
					  * ~250 times an article to be scored */

/* An article's stored vectors, as read or written by this connection. */
struct sr_cached {
	int64_t row; /* 0: empty */
	int32_t day;
	uint32_t nw, ne;
	uint32_t *ids; /* nw word terms, then ne entity keys */
	float *w;
};

/* A candidate's score being summed over the postings. */
struct store_related_hit {
	int64_t article;
	int32_t day;
	double score;
};

struct store_related_state {
	sqlite3_stmt *stmt[SR_NSTMT];
	const struct ner_lexicon *lex;
	struct related_words rw; /* interning: the store's vocabulary is the terms table */
	struct strtab skip;
	struct related_work v, e;
	double *idf;
	size_t idfcap;
	uint32_t *counted;      /* the terms counted in df for this article */
	int64_t *df;            /* their df, this article counted */
	size_t ncounted, ccap, dcap;
	struct store_related_hit *hits; /* candidates, best first */
	size_t nhits, hcap;
	struct store_related_hit *table; /* their scores summed by article, open addressing */
	size_t tcap;
	struct sr_cached *cache; /* STORE_RELATED_VEC_CACHE slots by row; emptied when another
				  * connection committed or a transaction was rolled back */
	int64_t cache_version;   /* PRAGMA data_version when it was last checked */
};

static void sr_cache_clear(struct store_related_state *x)
{
	for (size_t i = 0; x->cache && i < STORE_RELATED_VEC_CACHE; i++) {
		free(x->cache[i].ids);
		free(x->cache[i].w);
		x->cache[i] = (struct sr_cached){0};
	}
}

static void sr_cache_rolled_back(void *x)
{
	sr_cache_clear(x);
}

void store_related_state_free(struct store *s)
{
	struct store_related_state *x = s->related;
	if (x == NULL)
		return;
	for (size_t i = 0; i < SR_NSTMT; i++)
		sqlite3_finalize(x->stmt[i]);
	related_words_free(&x->rw);
	strtab_free(&x->skip);
	related_work_free(&x->v);
	related_work_free(&x->e);
	free(x->idf);
	free(x->counted);
	free(x->df);
	free(x->hits);
	free(x->table);
	sqlite3_rollback_hook(s->db, NULL, NULL);
	sr_cache_clear(x);
	free(x->cache);
	free(x);
	s->related = NULL;
}

/* The state, made on first use; NULL without the entity model (its stop words). */
static struct store_related_state *store_related_state(struct store *s)
{
	char *error = NULL;
	const struct ner_model *m;

	if (s->related)
		return s->related;
	if ((m = ner_default(&error)) == NULL)
		return NULL;
	s->related = xcalloc(1, sizeof *s->related);
	s->related->lex = ner_model_lexicon(m);
	s->related->cache = xcalloc(STORE_RELATED_VEC_CACHE, sizeof *s->related->cache);
	s->related->cache_version = -1;
	sqlite3_rollback_hook(s->db, sr_cache_rolled_back, s->related);
	related_skip_words(&s->related->skip);
	s->related->rw = (struct related_words){.lex = s->related->lex, .intern = true,
						.skip = &s->related->skip,
						.title_repeat = RELATED_TITLE_REPEAT};
	strtab_init(&s->related->rw.vocab);
	/* an ingest touches postings and pools all over the file: keep them in memory */
	store_exec(s, "PRAGMA cache_size = -" STORE_RELATED_CACHE_KB, NULL);
	return s->related;
}

static sqlite3_stmt *sr_stmt(struct store *s, enum store_related_stmt id)
{
	struct store_related_state *x = s->related;
	if (x->stmt[id] == NULL)
		x->stmt[id] = store_prepare(s, store_related_sql[id]);
	sqlite3_reset(x->stmt[id]);
	sqlite3_clear_bindings(x->stmt[id]);
	return x->stmt[id];
}

static int64_t sr_meta(struct store *s, const char *key)
{
	sqlite3_stmt *st = sr_stmt(s, SR_META_GET);
	int64_t v = 0;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return v;
}

static bool sr_meta_set(struct store *s, const char *key, int64_t v)
{
	sqlite3_stmt *st = sr_stmt(s, SR_META_SET);
	bool ok;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, v);
	ok = sqlite3_step(st) == SQLITE_DONE;
	sqlite3_reset(st);
	return ok;
}

/* Statements that change rows: done, or false. */
static bool sr_done(sqlite3_stmt *st)
{
	bool ok = sqlite3_step(st) == SQLITE_DONE;
	sqlite3_reset(st);
	return ok;
}

/* Vectors */

/* A stored vector: (u32 term, f32 weight) pairs. */
struct sr_vec {
	uint32_t *ids;
	float *w;
	size_t n;
};

static void sr_vec_pack(const struct related_work *v, struct strbuf *out)
{
	out->len = 0;
	strbuf_append(out, "", 0);
	for (size_t i = 0; i < v->n; i++) {
		strbuf_append(out, (const char *)&v->ids[i], sizeof v->ids[i]);
		strbuf_append(out, (const char *)&v->w[i], sizeof v->w[i]);
	}
}

static void sr_vec_unpack(const void *blob, int len, struct sr_vec *v)
{
	const char *p = blob;
	v->n = len > 0 ? (size_t)len / 8 : 0;
	v->ids = xcalloc(v->n + 1, sizeof *v->ids);
	v->w = xcalloc(v->n + 1, sizeof *v->w);
	for (size_t i = 0; i < v->n; i++) {
		memcpy(&v->ids[i], p + 8 * i, 4);
		memcpy(&v->w[i], p + 8 * i + 4, 4);
	}
}

static void sr_vec_free(struct sr_vec *v)
{
	free(v->ids);
	free(v->w);
}

static struct related_vec sr_view(const struct sr_vec *v)
{
	return (struct related_vec){v->ids, v->w, v->n};
}

/* An article's stored vectors and what its ranking needs. */
struct sr_article {
	int64_t row;
	char id[ARTICLE_ID_LEN + 1];
	char *title_text;
	char *source_text, *date_text; /* a pool member's, for its link */
	int64_t date_key;
	int32_t day;
	uint64_t title;
	struct sr_vec words, entities;
	double score;
	bool loaded; /* a pool member's vectors read (sr_member) */
};

static bool sr_article_load(struct store *s, int64_t row, struct sr_article *a)
{
	sqlite3_stmt *st = sr_stmt(s, SR_VEC_GET);
	bool found;

	memset(a, 0, sizeof *a);
	a->row = row;
	sqlite3_bind_int64(st, 1, row);
	found = sqlite3_step(st) == SQLITE_ROW;
	if (found) {
		a->day = (int32_t)sqlite3_column_int64(st, 0);
		a->title = (uint64_t)sqlite3_column_int64(st, 1);
		sr_vec_unpack(sqlite3_column_blob(st, 2), sqlite3_column_bytes(st, 2), &a->words);
		sr_vec_unpack(sqlite3_column_blob(st, 3), sqlite3_column_bytes(st, 3), &a->entities);
	}
	sqlite3_reset(st);
	return found;
}

static void sr_article_free(struct sr_article *a)
{
	free(a->title_text);
	free(a->source_text);
	free(a->date_text);
	sr_vec_free(&a->words);
	sr_vec_free(&a->entities);
}

/* Count a term in df (made when new); its id and df (this article counted) out. */
static bool sr_term_count(struct store *s, int kind, const char *term, const char *name,
			  uint32_t *id, int64_t *df)
{
	sqlite3_stmt *st = sr_stmt(s, SR_TERM_FIND);
	bool found;
	sqlite3_bind_int(st, 1, kind);
	sqlite3_bind_text(st, 2, term, -1, SQLITE_STATIC);
	found = sqlite3_step(st) == SQLITE_ROW;
	if (found) {
		*id = (uint32_t)sqlite3_column_int64(st, 0);
		*df = sqlite3_column_int64(st, 1) + 1;
	}
	sqlite3_reset(st);
	if (found) {
		st = sr_stmt(s, SR_TERM_BUMP);
		sqlite3_bind_int64(st, 1, *id);
		return sr_done(st);
	}
	st = sr_stmt(s, SR_TERM_ADD);
	sqlite3_bind_int(st, 1, kind);
	sqlite3_bind_text(st, 2, term, -1, SQLITE_STATIC);
	store_bind_text(st, 3, name);
	if (!sr_done(st))
		return false;
	*id = (uint32_t)sqlite3_last_insert_rowid(s->db);
	*df = 1;
	return true;
}

static void sr_counted(struct store_related_state *x, uint32_t id, int64_t df)
{
	xgrow(&x->counted, &x->ccap, x->ncounted + 1, sizeof *x->counted);
	xgrow(&x->df, &x->dcap, x->ncounted + 1, sizeof *x->df);
	x->df[x->ncounted] = df;
	x->counted[x->ncounted++] = id;
}

/* The df of a term counted for this article. */
static int64_t sr_df(const struct store_related_state *x, uint32_t id)
{
	for (size_t i = 0; i < x->ncounted; i++)
		if (x->counted[i] == id)
			return x->df[i];
	return 0;
}

static void sr_idf_room(struct store_related_state *x, size_t n)
{
	xgrow(&x->idf, &x->idfcap, n + 1, sizeof *x->idf);
}

/* The article's word vector into x->v, as related_vec_worker makes it but with idf from the
 * store's df now (n articles, this one counted): stems of related_article_words counted by
 * related_count, weighed by related_weigh, cut by related_keep_top. Every stem counts in df;
 * the skip words stay out of the vector, as related.c's second pass leaves them out. */
static bool sr_words(struct store *s, const struct corpus *c, size_t i, double n)
{
	struct store_related_state *x = s->related;
	struct related_work *v = &x->v;
	size_t k = 0;

	related_article_words(&x->rw, c, i);
	related_count(x->rw.ids, x->rw.nids, v);
	sr_idf_room(x, v->n);
	for (size_t j = 0; j < v->n; j++) {
		uint32_t local = v->ids[j], id;
		const char *stem = strtab_str(&x->rw.vocab, local);
		int64_t df;
		if (!sr_term_count(s, 0, stem, NULL, &id, &df))
			return false;
		sr_counted(x, id, df);
		if (strtab_has(&x->skip, stem, x->rw.vocab.lens[local]))
			continue;
		x->idf[k] = log(1 + n / (double)df);
		v->ids[k] = (uint32_t)k, v->w[k++] = v->w[j]; /* related_weigh looks idf up by id */
		v->p[k - 1].id = id;                          /* the term, kept aside */
	}
	v->n = k;
	related_weigh(v, x->idf);
	for (size_t j = 0; j < v->n; j++)
		v->ids[j] = v->p[j].id;
	related_sort_pairs(v);
	related_keep_top(v, RELATED_WORD_TERMS);
	/* the vocabulary of one article at a time: the store's is the terms table */
	strtab_free(&x->rw.vocab);
	strtab_init(&x->rw.vocab);
	return true;
}

/* The article's entity vector into x->e: persons, places and organisations by key, counted
 * by mentions, idf from the store's df, nothing for the common ones (related.c's
 * related_entity_idf). */
static bool sr_entities(struct store *s, const struct article *art, const struct article_entities *es,
			double n)
{
	struct store_related_state *x = s->related;
	struct related_work *v = &x->e;
	size_t k = 0;

	related_work_room(v, (es ? es->n : 0) + 1);
	sr_idf_room(x, (es ? es->n : 0) + 1);
	v->n = 0;
	for (size_t j = 0; es && j < es->n; j++) {
		const struct article_entity *e = &es->v[j];
		char *name;
		uint32_t id;
		int64_t df;
		size_t at;
		bool ok;
		if (e->type == ENTITY_DATE || e->type == ENTITY_MISC)
			continue;
		name = article_entity_name(art, e);
		ok = sr_term_count(s, 1 + (int)e->type, article_entity_key(es, e), name, &id, &df);
		free(name);
		if (!ok)
			return false;
		for (at = 0; at < v->n && v->p[at].id != id; at++)
			;
		if (at < v->n) { /* two entities of one key: counted once, mentions added */
			sqlite3_stmt *st = sr_stmt(s, SR_TERM_UNCOUNT);
			sqlite3_bind_int64(st, 1, id);
			if (!sr_done(st))
				return false;
			v->w[at] += (float)e->nmentions;
			continue;
		}
		sr_counted(x, id, df);
		v->p[v->n].id = id;
		v->ids[v->n] = (uint32_t)v->n;
		v->w[v->n] = (float)e->nmentions;
		x->idf[v->n++] = ((double)df > RELATED_COMMON_SHARE * n && df > RELATED_COMMON_MIN)
					 ? 0 : log(1 + n / (double)df);
	}
	related_weigh(v, x->idf);
	for (size_t j = 0; j < v->n; j++)
		if (v->w[j] > 0)
			v->ids[k] = v->p[j].id, v->w[k++] = v->w[j];
	v->n = k;
	related_sort_pairs(v);
	return true;
}

/* Candidates */

static int sr_hit_by_score(const void *a, const void *b)
{
	const struct store_related_hit *x = a, *y = b;
	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	return x->article < y->article ? -1 : x->article > y->article;
}

static long sr_days_apart(int32_t a, int32_t b)
{
	if (a == RELATED_NO_DAY || b == RELATED_NO_DAY)
		return -1;
	return labs((long)a - (long)b);
}

/* related.c's related_time. */
static double sr_time(int32_t a, int32_t b)
{
	long d = sr_days_apart(a, b);
	if (d < 0)
		return 1;
	if (d > RELATED_MAX_DAYS)
		return 0;
	return 1 / (1 + (double)d / RELATED_TIME_SCALE);
}

static struct sr_cached *sr_cache_slot(struct store_related_state *x, int64_t row)
{
	return &x->cache[(uint64_t)row & (STORE_RELATED_VEC_CACHE - 1)];
}

/* Row's vectors into the cache (pairs of words then of entities). */
static struct sr_cached *sr_cache_put(struct store_related_state *x, int64_t row, int32_t day,
				      struct related_vec words, struct related_vec ents)
{
	struct sr_cached *c = sr_cache_slot(x, row);
	size_t n = words.n + ents.n;
	free(c->ids);
	free(c->w);
	*c = (struct sr_cached){row, day, (uint32_t)words.n, (uint32_t)ents.n,
				xcalloc(n + 1, sizeof *c->ids), xcalloc(n + 1, sizeof *c->w)};
	if (words.n) {
		memcpy(c->ids, words.ids, words.n * sizeof *c->ids);
		memcpy(c->w, words.w, words.n * sizeof *c->w);
	}
	if (ents.n) {
		memcpy(c->ids + words.n, ents.ids, ents.n * sizeof *c->ids);
		memcpy(c->w + words.n, ents.w, ents.n * sizeof *c->w);
	}
	return c;
}

static void sr_cache_drop(struct store_related_state *x, int64_t row)
{
	struct sr_cached *c = sr_cache_slot(x, row);
	if (c->row == row) {
		free(c->ids);
		free(c->w);
		*c = (struct sr_cached){0};
	}
}

/* Empty the cache when another connection committed since it was last checked. */
static void sr_cache_check(struct store *s)
{
	struct store_related_state *x = s->related;
	sqlite3_stmt *st = sr_stmt(s, SR_DATA_VERSION);
	int64_t v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
	sqlite3_reset(st);
	if (v != x->cache_version || v == -1)
		sr_cache_clear(x);
	x->cache_version = v;
}

/* Row's stored vectors, from the cache or read into it (NULL: none stored). */
static const struct sr_cached *sr_cached_vectors(struct store *s, int64_t row)
{
	struct store_related_state *x = s->related;
	struct sr_cached *c = sr_cache_slot(x, row);
	sqlite3_stmt *st;
	struct sr_vec w = {0}, e = {0};
	int32_t day;

	if (c->row == row)
		return c;
	st = sr_stmt(s, SR_VEC_GET);
	sqlite3_bind_int64(st, 1, row);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_reset(st);
		return NULL;
	}
	day = (int32_t)sqlite3_column_int64(st, 0);
	sr_vec_unpack(sqlite3_column_blob(st, 2), sqlite3_column_bytes(st, 2), &w);
	sr_vec_unpack(sqlite3_column_blob(st, 3), sqlite3_column_bytes(st, 3), &e);
	sqlite3_reset(st);
	c = sr_cache_put(x, row, day, sr_view(&w), sr_view(&e));
	sr_vec_free(&w);
	sr_vec_free(&e);
	return c;
}

static int sr_term(struct store *s, uint32_t id, char **term, char **name);

/* For each word of the article (v), the entities of e whose keys hold it (related_evidence's
 * units): the terms read once per article. */
static uint64_t *sr_units(struct store *s, const struct related_work *v, const struct related_work *e)
{
	char *keys[RELATED_UNIT_ENTITIES], *term, *name;
	size_t nkeys = e->n < RELATED_UNIT_ENTITIES ? e->n : RELATED_UNIT_ENTITIES;
	uint64_t *units = xcalloc(v->n + 1, sizeof *units);

	for (size_t k = 0; k < nkeys; k++) {
		sr_term(s, e->ids[k], &keys[k], &name);
		free(name);
	}
	for (size_t j = 0; j < v->n; j++) {
		sr_term(s, v->ids[j], &term, &name);
		units[j] = term ? related_entity_units(term, (const char *const *)keys, nkeys) : 0;
		free(term);
		free(name);
	}
	for (size_t k = 0; k < nkeys; k++)
		free(keys[k]);
	return units;
}

/* The best STORE_RELATED_RESCORE hits scored again from the candidates' stored vectors as
 * related_candidates scores them: with the common words, which found no candidate but weigh
 * in the cosine, with the shared entities' boost, and 0 without the words' evidence
 * (related_evidence; rare by the store's df of the article's words, of narticles). */
static void sr_rescore(struct store *s, const struct related_work *v, const struct related_work *e,
		       int32_t day, double narticles)
{
	struct store_related_state *x = s->related;
	struct related_vec va = {v->ids, v->w, v->n}, ea = {e->ids, e->w, e->n};
	double small = narticles < RELATED_FLOOR_ARTICLES ? narticles / RELATED_FLOOR_ARTICLES : 1;
	bool *rare = xcalloc(v->n + 1, sizeof *rare);
	uint64_t *units = sr_units(s, v, e);
	size_t n = 0;

	for (size_t j = 0; j < v->n; j++)
		rare[j] = related_is_rare((double)sr_df(x, v->ids[j]), narticles);
	if (x->nhits > STORE_RELATED_RESCORE)
		x->nhits = STORE_RELATED_RESCORE;
	for (size_t i = 0; i < x->nhits; i++) {
		const struct sr_cached *b = sr_cached_vectors(s, x->hits[i].article);
		if (b) {
			struct related_vec vb = {b->ids, b->w, b->nw};
			struct related_vec eb = {b->ids + b->nw, b->w + b->nw, b->ne};
			bool enough = related_evidence(&va, rare, units, related_shared_entities(&ea, &eb), &vb,
						       RELATED_BEYOND_ONE * small, RELATED_RARE_EVIDENCE * small);
			x->hits[i].score = enough ? (related_dot(&va, &vb) + RELATED_ENTITY_BOOST * related_dot(&ea, &eb)) /
					   (1 + RELATED_ENTITY_BOOST) * sr_time(day, b->day) : 0;
		}
		if (x->hits[i].score > 1e-9)
			x->hits[n++] = x->hits[i];
	}
	x->nhits = n;
	xqsort(x->hits, x->nhits, sizeof *x->hits, sr_hit_by_score);
	free(rare);
	free(units);
}

/* The hit of article b in the open-addressing table x->table (made when missing). */
static struct store_related_hit *sr_hit(struct store_related_state *x, int64_t b, int32_t day)
{
	size_t mask = x->tcap - 1, i = (size_t)((uint64_t)b * 0x9E3779B97F4A7C15ull >> 20) & mask;

	if (2 * (x->nhits + 1) > x->tcap) {
		struct store_related_hit *old = x->table;
		size_t oldcap = x->tcap;
		x->tcap = x->tcap ? 2 * x->tcap : 4096;
		x->table = xcalloc(x->tcap, sizeof *x->table);
		x->nhits = 0;
		for (size_t k = 0; k < oldcap; k++)
			if (old[k].article)
				*sr_hit(x, old[k].article, old[k].day) = old[k];
		free(old);
		return sr_hit(x, b, day);
	}
	for (; x->table[i].article && x->table[i].article != b; i = (i + 1) & mask)
		;
	if (x->table[i].article == 0) {
		x->table[i] = (struct store_related_hit){b, day, 0};
		x->nhits++;
	}
	return &x->table[i];
}

/* The articles that share a word with vector v (of row, on day), scored as
 * related_candidates scores them (word cosine times time; the best again with entities,
 * sr_rescore), best first, into x->hits. */
static void sr_candidates(struct store *s, int64_t row, int32_t day, const struct related_work *v,
			  double narticles)
{
	struct store_related_state *x = s->related;
	double norm = 1 + RELATED_ENTITY_BOOST;
	bool skipped = false;
	size_t n = 0;

	x->nhits = 0;
	for (size_t j = 0; j < v->n; j++) {
		sqlite3_stmt *st;
		if (narticles >= STORE_RELATED_COMMON_MIN &&
		    (double)sr_df(x, v->ids[j]) > STORE_RELATED_COMMON_SHARE * narticles) {
			skipped = true; /* a common word: long lists, little weight */
			continue;
		}
		st = sr_stmt(s, SR_POST_SCAN);
		sqlite3_bind_int64(st, 1, v->ids[j]);
		sqlite3_bind_int64(st, 2, day == RELATED_NO_DAY ? INT32_MIN + 1 : (int64_t)day - RELATED_MAX_DAYS);
		sqlite3_bind_int64(st, 3, day == RELATED_NO_DAY ? INT32_MAX : (int64_t)day + RELATED_MAX_DAYS);
		sqlite3_bind_int(st, 4, STORE_RELATED_POSTINGS);
		while (sqlite3_step(st) == SQLITE_ROW) {
			int64_t b = sqlite3_column_int64(st, 0);
			if (b != row)
				sr_hit(x, b, (int32_t)sqlite3_column_int64(st, 1))->score +=
					v->w[j] * sqlite3_column_double(st, 2) / norm;
		}
		sqlite3_reset(st);
	}
	/* the table's hits, times closeness in time, into hits; the table left empty */
	xgrow(&x->hits, &x->hcap, x->nhits + 1, sizeof *x->hits);
	for (size_t i = 0; i < x->tcap; i++)
		if (x->table[i].article) {
			struct store_related_hit h = x->table[i];
			h.score *= sr_time(day, h.day);
			if (h.score > 1e-9)
				x->hits[n++] = h;
			x->table[i].article = 0;
		}
	x->nhits = n;
	xqsort(x->hits, x->nhits, sizeof *x->hits, sr_hit_by_score);
	if (skipped || RELATED_ENTITY_BOOST > 0)
		sr_rescore(s, v, &x->e, day, narticles);
}

/* The floors of related.c's related_find for a collection of n articles: entries', and the
 * first entry's (no list without one that strong). */
static double sr_floor(double n)
{
	double share = n / RELATED_FLOOR_ARTICLES;
	return RELATED_FLOOR * (share < 1 ? share : 1);
}

static double sr_first_floor(double n)
{
	return sr_floor(n) * RELATED_FIRST_FLOOR / RELATED_FLOOR;
}

/* Article a enters b's pool with score when it is among b's best. */
static bool sr_offer(struct store *s, int64_t b, int64_t a, double score)
{
	sqlite3_stmt *st = sr_stmt(s, SR_POOL_STATE);
	int64_t n = 0;
	double weakest = 0;

	sqlite3_bind_int64(st, 1, b);
	if (sqlite3_step(st) == SQLITE_ROW) {
		n = sqlite3_column_int64(st, 0);
		weakest = sqlite3_column_double(st, 1);
	}
	sqlite3_reset(st);
	if (n >= STORE_RELATED_POOL && score <= weakest)
		return true;
	st = sr_stmt(s, SR_POOL_PUT);
	sqlite3_bind_int64(st, 1, b);
	sqlite3_bind_int64(st, 2, a);
	sqlite3_bind_double(st, 3, score);
	if (!sr_done(st))
		return false;
	if (n < STORE_RELATED_POOL)
		return true;
	st = sr_stmt(s, SR_POOL_TRIM);
	sqlite3_bind_int64(st, 1, b);
	return sr_done(st);
}

/* Forgetting */

/* Row's vector, postings, df counts and pools gone (nothing when it has none). */
static bool sr_forget(struct store *s, int64_t row)
{
	sqlite3_stmt *st = sr_stmt(s, SR_VEC_GET);
	struct sr_vec words = {0};
	uint32_t *counted = NULL;
	size_t ncounted = 0;
	int32_t day = 0;
	bool found, ok = true;

	sqlite3_bind_int64(st, 1, row);
	found = sqlite3_step(st) == SQLITE_ROW;
	if (found) {
		int len = sqlite3_column_bytes(st, 4);
		day = (int32_t)sqlite3_column_int64(st, 0);
		sr_vec_unpack(sqlite3_column_blob(st, 2), sqlite3_column_bytes(st, 2), &words);
		ncounted = len > 0 ? (size_t)len / 4 : 0;
		counted = xcalloc(ncounted + 1, sizeof *counted);
		if (ncounted)
			memcpy(counted, sqlite3_column_blob(st, 4), ncounted * 4);
	}
	sqlite3_reset(st);
	sr_cache_drop(s->related, row);
	if (!found)
		return true;
	for (size_t i = 0; ok && i < words.n; i++) {
		st = sr_stmt(s, SR_POST_DEL);
		sqlite3_bind_int64(st, 1, words.ids[i]);
		sqlite3_bind_int64(st, 2, day);
		sqlite3_bind_int64(st, 3, row);
		ok = sr_done(st);
	}
	for (size_t i = 0; ok && i < ncounted; i++) {
		st = sr_stmt(s, SR_TERM_UNCOUNT);
		sqlite3_bind_int64(st, 1, counted[i]);
		ok = sr_done(st);
	}
	if (ok) {
		st = sr_stmt(s, SR_POOL_DEL);
		sqlite3_bind_int64(st, 1, row);
		ok = sr_done(st);
	}
	if (ok) {
		st = sr_stmt(s, SR_VEC_DEL);
		sqlite3_bind_int64(st, 1, row);
		ok = sr_done(st);
	}
	if (ok)
		ok = sr_meta_set(s, "related_n", sr_meta(s, "related_n") - 1);
	sr_vec_free(&words);
	free(counted);
	return ok;
}

bool store_related_sweep(struct store *s, char **error)
{
	sqlite3_stmt *st;
	int64_t *rows = NULL;
	size_t n = 0, cap = 0;
	bool ok = true;

	if (store_related_state(s) == NULL)
		return true;
	st = store_prepare(s, "SELECT article FROM related_gone");
	while (sqlite3_step(st) == SQLITE_ROW) {
		xgrow(&rows, &cap, n + 1, sizeof *rows);
		rows[n++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	for (size_t i = 0; ok && i < n; i++)
		ok = sr_forget(s, rows[i]);
	free(rows);
	if (ok && n)
		ok = store_exec(s, "DELETE FROM related_gone", error);
	else if (!ok)
		*error = store_errmsg(s, "cannot forget the related stories of deleted articles");
	return ok;
}

/* Adding */

static bool sr_put_vectors(struct store *s, int64_t row, int32_t day, uint64_t title)
{
	struct store_related_state *x = s->related;
	struct strbuf w = {0}, e = {0};
	sqlite3_stmt *st = sr_stmt(s, SR_VEC_PUT);
	bool ok;

	sr_vec_pack(&x->v, &w);
	sr_vec_pack(&x->e, &e);
	sqlite3_bind_int64(st, 1, row);
	sqlite3_bind_int64(st, 2, day);
	sqlite3_bind_int64(st, 3, (int64_t)title);
	sqlite3_bind_blob(st, 4, w.data, (int)w.len, SQLITE_STATIC);
	sqlite3_bind_blob(st, 5, e.data, (int)e.len, SQLITE_STATIC);
	sqlite3_bind_blob(st, 6, x->counted ? (const void *)x->counted : "",
			  (int)(x->ncounted * sizeof *x->counted), SQLITE_STATIC);
	ok = sr_done(st);
	strbuf_free(&w);
	strbuf_free(&e);
	if (ok)
		sr_cache_put(x, row, day, (struct related_vec){x->v.ids, x->v.w, x->v.n},
			     (struct related_vec){x->e.ids, x->e.w, x->e.n});
	for (size_t j = 0; ok && j < x->v.n; j++) {
		st = sr_stmt(s, SR_POST_PUT);
		sqlite3_bind_int64(st, 1, x->v.ids[j]);
		sqlite3_bind_int64(st, 2, day);
		sqlite3_bind_int64(st, 3, row);
		sqlite3_bind_double(st, 4, x->v.w[j]);
		ok = sr_done(st);
	}
	return ok;
}

/* Row's pool from the candidates, and row offered to theirs. */
static bool sr_link(struct store *s, int64_t row, double n)
{
	struct store_related_state *x = s->related;
	double floor = sr_floor(n);
	bool ok = true;

	for (size_t i = 0; ok && i < x->nhits && x->hits[i].score >= floor; i++) {
		if (i < STORE_RELATED_POOL) {
			sqlite3_stmt *st = sr_stmt(s, SR_POOL_PUT);
			sqlite3_bind_int64(st, 1, row);
			sqlite3_bind_int64(st, 2, x->hits[i].article);
			sqlite3_bind_double(st, 3, x->hits[i].score);
			ok = sr_done(st);
		}
		if (ok)
			ok = sr_offer(s, x->hits[i].article, row, x->hits[i].score);
	}
	return ok;
}

bool store_related_add(struct store *s, int64_t row, const struct corpus *c, size_t i,
		       const struct article_entities *es, char **error)
{
	struct store_related_state *x = store_related_state(s);
	const struct article *a = c->items[i];
	int32_t day = related_day(a);
	uint64_t title;
	size_t tlen;
	char *norm;
	double n;
	bool ok;

	if (x == NULL)
		return true; /* no entity model: no stop words, no related stories */
	sr_cache_check(s);
	if (!sr_forget(s, row))
		goto fail;
	n = (double)(sr_meta(s, "related_n") + 1);
	x->ncounted = 0;
	norm = norm_string(a->title, strlen(a->title), &tlen);
	title = strtab_hash(STRTAB_HASH_INIT, norm, tlen);
	free(norm);
	ok = sr_words(s, c, i, n) && sr_entities(s, a, es, n) && sr_put_vectors(s, row, day, title) &&
	     sr_meta_set(s, "related_n", (int64_t)n);
	if (ok) {
		sr_candidates(s, row, day, &x->v, n);
		ok = sr_link(s, row, n);
	}
	if (ok)
		return true;
fail:
	*error = store_errmsg(s, "cannot store the related stories");
	return false;
}

/* Reading */

/* related.c's related_is_copy. */
static bool sr_is_copy(const struct sr_article *a, const struct sr_article *b)
{
	long d = sr_days_apart(a->day, b->day);
	struct related_vec va = sr_view(&a->words), vb = sr_view(&b->words);
	double cos;
	if (d > RELATED_COPY_DAYS || RELATED_COPY_COSINE > 1)
		return false;
	cos = related_dot(&va, &vb);
	return cos >= RELATED_COPY_COSINE || (a->title == b->title && cos >= RELATED_COPY_TITLE_COSINE);
}

/* A term's text: kind (0 a word), the stem or key, an entity's name (caller frees both). */
static int sr_term(struct store *s, uint32_t id, char **term, char **name)
{
	sqlite3_stmt *st = sr_stmt(s, SR_TERM_GET);
	int kind = 0;
	*term = *name = NULL;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		kind = sqlite3_column_int(st, 0);
		*term = store_column_text(st, 1);
		*name = store_column_text(st, 2);
	}
	sqlite3_reset(st);
	if (*term == NULL)
		*term = xstrdup("");
	return kind;
}

static size_t sr_shared(const struct sr_vec *a, const struct sr_vec *b, double scale, bool entity,
			struct related_term *v)
{
	struct related_vec va = sr_view(a), vb = sr_view(b);
	return related_shared_terms(&va, &vb, scale, entity, v);
}

/* related.c's related_explain: the shared entities and words that weighed most, a word left
 * out when a shared entity's key holds it. */
/* The terms of a why line: entities by name, words as stems until sr_whys writes them out. */
struct sr_why {
	char *shown[RELATED_WHY_MAX];
	bool entity[RELATED_WHY_MAX];
	size_t n;
};

/* The shared terms that weighed most in b's link to a, heaviest first, into w (a word that is
 * part of a shared entity's name gives way to the entity). */
static void sr_why_terms(struct store *s, const struct sr_article *a, const struct sr_article *b,
			 struct sr_why *w)
{
	struct related_term *t = xcalloc(a->entities.n + a->words.n + 1, sizeof *t);
	size_t ne = sr_shared(&a->entities, &b->entities, RELATED_EXPLAIN_ENTITY_WEIGHT, true, t), nw;
	char **keys = xcalloc(ne + 1, sizeof *keys), *name;

	w->n = 0;
	for (size_t i = 0; i < ne; i++) {
		sr_term(s, t[i].id, &keys[i], &name);
		free(name);
	}
	nw = sr_shared(&a->words, &b->words, 1, false, t + ne);
	xqsort(t, ne + nw, sizeof *t, related_term_cmp);
	for (size_t i = 0; i < ne + nw && w->n < RELATED_WHY_MAX; i++) {
		bool inside = false;
		char *term;
		sr_term(s, t[i].id, &term, &name);
		for (size_t k = 0; !t[i].entity && k < ne && !inside; k++)
			inside = strstr(keys[k], term) != NULL;
		if (!inside) {
			w->entity[w->n] = t[i].entity;
			w->shown[w->n++] = xstrdup(t[i].entity && name ? name : term);
		}
		free(term);
		free(name);
	}
	for (size_t i = 0; i < ne; i++)
		free(keys[i]);
	free(keys);
	free(t);
}

/* The why lines of out's n entries from their terms w: each shared word as the query article
 * (row) writes it most often, read and scanned once for the whole list (a shared word is in
 * both articles; related_why also counts the other's forms). */
static void sr_whys(struct store *s, int64_t row, struct sr_why *w, struct store_related_list *out)
{
	const char **stems = xcalloc(out->n * RELATED_WHY_MAX + 1, sizeof *stems);
	char **forms;
	size_t nstems = 0;
	struct article *query = NULL;

	for (size_t k = 0; k < out->n; k++)
		for (size_t i = 0; i < w[k].n; i++)
			if (!w[k].entity[i])
				stems[nstems++] = w[k].shown[i];
	forms = xcalloc(nstems + 1, sizeof *forms);
	if (nstems > 0)
		query = store_load_article(s, row);
	related_written_forms((const struct article *const *)&query, 1, stems, nstems, forms);
	for (size_t k = 0, f = 0; k < out->n; k++) {
		struct strbuf sb = {0};
		strbuf_append(&sb, "", 0);
		for (size_t i = 0; i < w[k].n; i++) {
			strbuf_printf(&sb, "%s%s", i ? "، " : "", w[k].entity[i] ? w[k].shown[i] : forms[f++]);
			free(w[k].shown[i]);
		}
		out->v[k].why = sb.data;
	}
	for (size_t f = 0; f < nstems; f++)
		free(forms[f]);
	free(forms);
	free(stems);
	article_free(query);
}

static void sr_add_id(char (**v)[ARTICLE_ID_LEN + 1], size_t *n, const char *id)
{
	*v = xreallocarray(*v, *n + 1, sizeof **v);
	memcpy((*v)[(*n)++], id, ARTICLE_ID_LEN + 1);
}

/* An entry of the list for pool member b (its title taken). */
static struct store_related_link sr_link_of(struct sr_article *b)
{
	struct store_related_link l = {.row = b->row, .score = b->score,
				       .title = b->title_text ? b->title_text : xstrdup(""),
				       .source = b->source_text, .date = b->date_text,
				       .date_key = b->date_key};
	memcpy(l.id, b->id, sizeof l.id);
	b->title_text = b->source_text = b->date_text = NULL;
	return l;
}

/* The pool of row at or above floor, best first, with each member's day but not its vectors
 * (sr_member reads them when a comparison needs them). */
static size_t sr_pool(struct store *s, int64_t row, double floor, struct sr_article **out)
{
	sqlite3_stmt *st = sr_stmt(s, SR_POOL_GET);
	struct sr_article *v = NULL;
	size_t n = 0, cap = 0;

	sqlite3_bind_int64(st, 1, row);
	sqlite3_bind_double(st, 2, floor);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const unsigned char *aid = sqlite3_column_text(st, 2);
		xgrow(&v, &cap, n + 1, sizeof *v);
		memset(&v[n], 0, sizeof v[n]);
		v[n].row = sqlite3_column_int64(st, 0);
		v[n].score = sqlite3_column_double(st, 1);
		snprintf(v[n].id, sizeof v[n].id, "%s", aid ? (const char *)aid : "");
		v[n].title_text = store_column_text(st, 3);
		v[n].source_text = store_column_text(st, 4);
		v[n].date_text = store_column_text(st, 5);
		v[n].date_key = sqlite3_column_int64(st, 6);
		if (sqlite3_column_type(st, 7) == SQLITE_NULL)
			v[n].loaded = true; /* no vectors: nothing to read, nothing alike */
		else
			v[n].day = (int32_t)sqlite3_column_int64(st, 7);
		n++;
	}
	sqlite3_reset(st);
	*out = v;
	return n;
}

/* A pool member's vectors, read once. */
static struct sr_article *sr_member(struct store *s, struct sr_article *b)
{
	struct sr_article v;
	if (b->loaded)
		return b;
	b->loaded = true;
	if (sr_article_load(s, b->row, &v)) {
		b->day = v.day, b->title = v.title;
		b->words = v.words, b->entities = v.entities;
	}
	return b;
}

/* sr_is_copy, the members' vectors read only when their days are close enough. */
static bool sr_is_copy_read(struct store *s, struct sr_article *a, struct sr_article *b)
{
	if (sr_days_apart(a->day, b->day) > RELATED_COPY_DAYS || RELATED_COPY_COSINE > 1)
		return false;
	return sr_is_copy(sr_member(s, a), sr_member(s, b));
}

/* One read transaction for a list's many statements (its pool, the members' vectors, each
 * term of why), rather than one each: each takes and drops the database's locks in the
 * kernel. False when one was open already (the caller's). */
static bool sr_read_begin(struct store *s)
{
	return sqlite3_get_autocommit(s->db) &&
	       sqlite3_exec(s->db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK;
}

static void sr_read_end(struct store *s, bool began)
{
	if (began && sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
}

static bool sr_get(struct store *s, int64_t row, size_t max, struct store_related_list *out);

bool store_related_get(struct store *s, int64_t row, size_t max, struct store_related_list *out)
{
	bool began, found;

	memset(out, 0, sizeof *out);
	if (store_related_state(s) == NULL)
		return false;
	began = sr_read_begin(s);
	found = sr_get(s, row, max, out);
	sr_read_end(s, began);
	return found;
}

static bool sr_get(struct store *s, int64_t row, size_t max, struct store_related_list *out)
{
	struct sr_article a, *pool;
	struct sr_why *w;
	size_t npool, *lead;
	double floor, first_floor, n = (double)sr_meta(s, "related_n");

	if (!sr_article_load(s, row, &a))
		return false;
	a.loaded = true;
	floor = sr_floor(n);
	first_floor = sr_first_floor(n);
	npool = sr_pool(s, row, floor, &pool);
	out->v = xcalloc(max + 1, sizeof *out->v);
	lead = xcalloc(max + 1, sizeof *lead);
	/* related_find's walk: copies of a are its own, a copy of an entry joins it */
	for (size_t i = 0; i < npool && pool[i].score >= floor; i++) {
		size_t k;
		bool weak = pool[i].score < RELATED_RELATIVE_FLOOR * pool[0].score;
		if (sr_is_copy_read(s, &a, &pool[i])) {
			out->same = xreallocarray(out->same, out->nsame + 1, sizeof *out->same);
			out->same[out->nsame++] = sr_link_of(&pool[i]);
			continue;
		}
		if (out->n == 0 && pool[i].score < first_floor)
			break;
		for (k = 0; k < out->n && !sr_is_copy_read(s, &pool[lead[k]], &pool[i]); k++)
			;
		if (k < out->n)
			sr_add_id(&out->v[k].copies, &out->v[k].ncopies, pool[i].id);
		else if (out->n < max && !weak) {
			lead[out->n] = i;
			out->v[out->n++] = sr_link_of(&pool[i]);
		}
	}
	w = xcalloc(out->n + 1, sizeof *w);
	for (size_t k = 0; k < out->n; k++)
		sr_why_terms(s, &a, sr_member(s, &pool[lead[k]]), &w[k]);
	sr_whys(s, row, w, out);
	free(w);
	for (size_t i = 0; i < npool; i++)
		sr_article_free(&pool[i]);
	free(pool);
	free(lead);
	sr_article_free(&a);
	return true;
}

bool store_related_get_id(struct store *s, const char *id, size_t max, struct store_related_list *out)
{
	int64_t row = store_row_of(s, id);
	if (row <= 0) {
		memset(out, 0, sizeof *out);
		return false;
	}
	return store_related_get(s, row, max, out);
}

void store_related_list_free(struct store_related_list *l)
{
	for (size_t k = 0; k < l->n; k++) {
		free(l->v[k].why);
		free(l->v[k].title);
		free(l->v[k].source);
		free(l->v[k].date);
		free(l->v[k].copies);
	}
	for (size_t k = 0; k < l->nsame; k++) {
		free(l->same[k].title);
		free(l->same[k].source);
		free(l->same[k].date);
	}
	free(l->v);
	free(l->same);
	memset(l, 0, sizeof *l);
}

static char *sr_dup(const char *s) { return s ? xstrdup(s) : NULL; }

static void sr_links_copy(struct store_related_link **to, const struct store_related_link *v,
			  size_t n)
{
	*to = n ? xcalloc(n, sizeof **to) : NULL;
	for (size_t k = 0; k < n; k++) {
		struct store_related_link *l = &(*to)[k];
		*l = v[k];
		l->title = sr_dup(v[k].title);
		l->source = sr_dup(v[k].source);
		l->date = sr_dup(v[k].date);
		l->why = sr_dup(v[k].why);
		l->copies = NULL;
		if (v[k].ncopies) {
			l->copies = xcalloc(v[k].ncopies, sizeof *l->copies);
			memcpy(l->copies, v[k].copies, v[k].ncopies * sizeof *l->copies);
		}
	}
}

void store_related_list_copy(struct store_related_list *to, const struct store_related_list *l)
{
	*to = *l;
	sr_links_copy(&to->v, l->v, l->n);
	sr_links_copy(&to->same, l->same, l->nsame);
}

int64_t store_related_row_of(struct store *s, const char *prefix, bool *ambiguous)
{
	sqlite3_stmt *st = store_prepare(s, "SELECT aid, max(id) FROM articles WHERE aid >= ?1 AND"
					    " aid < ?1 || '~' GROUP BY aid LIMIT 2");
	int64_t row = 0;
	int n = 0;

	store_bind_text(st, 1, prefix);
	while (sqlite3_step(st) == SQLITE_ROW) {
		row = sqlite3_column_int64(st, 1);
		n++;
	}
	sqlite3_finalize(st);
	*ambiguous = n > 1;
	return n == 1 ? row : 0;
}

/* Rebuilding */

bool store_related_pending(struct store *s)
{
	sqlite3_stmt *st;
	bool any;
	if (store_related_state(s) == NULL)
		return false;
	st = store_prepare(s, "SELECT 1 FROM articles a WHERE a.id > ?1 AND a.id <= ?2 AND NOT EXISTS"
			      " (SELECT 1 FROM related_vecs v WHERE v.article = a.id) LIMIT 1");
	sqlite3_bind_int64(st, 1, sr_meta(s, "related_rebuilt"));
	sqlite3_bind_int64(st, 2, sr_meta(s, "related_upto"));
	any = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return any;
}

long store_related_rebuild(struct store *s, size_t batch, char **error)
{
	sqlite3_stmt *st;
	int64_t from, last;
	long seen = 0;
	bool ok = true;

	if (store_related_state(s) == NULL || s->read_only)
		return 0;
	if (!store_exec(s, "BEGIN IMMEDIATE", error))
		return -1;
	from = last = sr_meta(s, "related_rebuilt");
	st = store_prepare(s, STORE_LOAD_COLUMNS "WHERE a.id > ?1 AND a.id <= ?3 ORDER BY a.id LIMIT ?2");
	sqlite3_bind_int64(st, 1, from);
	sqlite3_bind_int64(st, 2, (int64_t)batch);
	sqlite3_bind_int64(st, 3, sr_meta(s, "related_upto"));
	while (ok && sqlite3_step(st) == SQLITE_ROW) {
		int64_t row = sqlite3_column_int64(st, 0);
		struct sr_article have;
		last = row;
		seen++;
		if (sr_article_load(s, row, &have)) {
			sr_article_free(&have);
			continue; /* stored since the migration: made at ingest */
		}
		struct article *a = store_row_article(st);
		struct article_entities es = {0};
		struct corpus one = {.items = &a, .n = 1, .cap = 1};
		const void *blob = sqlite3_column_blob(st, 10);
		bool have_es = blob && article_entities_unpack(blob, (size_t)sqlite3_column_bytes(st, 10), a, &es);
		ok = store_related_add(s, row, &one, 0, have_es ? &es : NULL, error);
		article_entities_free(&es);
		article_free(a);
	}
	sqlite3_finalize(st);
	if (ok)
		ok = sr_meta_set(s, "related_rebuilt", last);
	if (!ok || !store_exec(s, "COMMIT", error)) {
		store_exec(s, "ROLLBACK", NULL);
		if (*error == NULL)
			*error = store_errmsg(s, "cannot rebuild the related stories");
		return -1;
	}
	return seen;
}
