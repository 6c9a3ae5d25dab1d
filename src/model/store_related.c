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
	SR_TERM_MAX,
	SR_TERM_PUT,
	SR_TERM_SET_DF,
	SR_TERM_UNCOUNT,
	SR_VEC_GET,
	SR_VEC_PUT,
	SR_VEC_DEL,
	SR_POST_PUT,
	SR_POST_DEL,
	SR_POST_SCAN,
	SR_POST_ALL,
	SR_POOL_PUT,
	SR_POOL_READ,
	SR_POOL_DROP,
	SR_POOL_DEL,
	SR_POOL_GET,
	SR_META_GET,
	SR_META_SET,
	SR_TERM_GET,
	SR_DATA_VERSION,
	SR_NSTMT
};

static const char *const store_related_sql[SR_NSTMT] = {
	[SR_TERM_FIND] = "SELECT id, df FROM related_terms WHERE kind = ?1 AND term = ?2",
	[SR_TERM_MAX] = "SELECT coalesce(max(id), 0) FROM related_terms",
	[SR_TERM_PUT] = "INSERT INTO related_terms (id, kind, term, name, df) VALUES (?1, ?2, ?3, ?4, ?5)",
	[SR_TERM_SET_DF] = "UPDATE related_terms SET df = ?2 WHERE id = ?1",
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
	/* in the key's order, which SR_POST_SCAN's plan reads too */
	[SR_POST_ALL] = "SELECT day, article, w FROM related_postings WHERE term = ?1",
	[SR_POOL_PUT] = "INSERT OR REPLACE INTO related_pool (article, neighbour, score) VALUES (?1, ?2, ?3)",
	[SR_POOL_READ] = "SELECT neighbour, score FROM related_pool WHERE article = ?1",
	[SR_POOL_DROP] = "DELETE FROM related_pool WHERE article = ?1 AND neighbour = ?2",
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
#define STORE_RELATED_MEM_ARTICLES 100000 /* a bulk write into a bigger store reads postings
					    * by statement, a window of days at a time */
#define STORE_RELATED_MEM_BYTES (256u << 20) /* a bulk write's working copy at most, about:
					      * past that, dropped after a flush */
#define STORE_RELATED_VEC_CACHE 32768    /* vectors kept by row (a power of two): an article's
					  * candidates are the rows of nearby days, read again
					  * ~250 times an article to be scored */

/* The working copy: df counts, postings and pools held in memory while a transaction lasts
 * (or, during a bulk write, from one transaction to the next), read from the tables on first
 * use and written back once, before COMMIT (store_related_flush). An article counts ~300
 * terms and is offered to ~100 pools: a statement each made SQLite the import's bottleneck. */

/* A term as the working copy holds it (index: its place in mem.keys). */
struct sr_term {
	uint32_t id;
	int64_t df, stored;             /* stored: the df in related_terms, -1: not there yet */
	char *name;                     /* an entity's display name, for a new term */
	bool dirty;                     /* df changed since the last flush */
	bool loaded;                    /* post holds all of the term's postings */
	struct sr_posting *post;        /* by (day, article), as the table's key orders them */
	size_t npost, pcap;
};

struct sr_posting {
	int32_t day;
	float w;
	int64_t article;
};

/* A posting to write at the flush. */
struct sr_pending {
	uint32_t term;
	struct sr_posting p;
};

struct sr_entry {
	int64_t neighbour;
	double score;
};

/* An article's pool (as SR_POOL_PUT and SR_POOL_TRIM would leave it), and as the table
 * holds it when it changed since the last flush. */
struct sr_pool {
	int64_t article;
	struct sr_entry *v, *was;
	size_t n, cap, nwas;
	bool dirty;
};

struct sr_mem {
	bool live;                 /* read from this transaction's tables */
	bool postings;             /* postings kept here (a bulk write), else read and written
				    * by statement */
	int64_t n;                 /* meta related_n */
	bool n_dirty;
	int64_t first_new, next_id; /* terms from first_new were made here: none stored before */
	struct strtab keys;        /* kind + 1 as a byte, then the term → index of terms */
	struct sr_term *terms;
	size_t termcap;
	uint32_t *by_id;           /* term id → index + 1 */
	size_t idcap;
	uint32_t *dirty;           /* terms whose df changed */
	size_t ndirty, dirtycap;
	struct sr_pending *pend;   /* postings to write */
	size_t npend, pendcap;
	size_t nposts;             /* postings held */
	struct sr_pool *pools;
	size_t npools, poolcap;
	uint32_t *slots;           /* pools by article, open addressing: index + 1 */
	size_t nslots;
	size_t *touched;           /* pools changed since the last flush */
	size_t ntouched, touchcap;
	struct strbuf key;
};

/* An article's stored vectors, as read or written by this connection. */
struct sr_cached {
	int64_t row; /* 0: empty */
	int32_t day;
	uint32_t nw, ne, np, no, npr;
	uint32_t *ids; /* nw word terms, then ne entity keys, then np places, then no
			  organisations, then npr persons' pairs (sr_subjects_pack) */
	float *w;      /* a place's or an organisation's: how often the article names it
			  (sr_subjects_pack) */
};

/* A bulk import's stems counted before any of it is written (store_related_ahead_count), so
 * an article written early weighs its words by the df the import ends with, as the in-memory
 * index weighs them over the whole collection. */
struct sr_ahead {
	const struct corpus *c;   /* the import's articles; NULL: nothing counted ahead */
	uint8_t *waiting;         /* by position in c: counted, not yet written */
	struct strtab stems;      /* stem → index of left */
	uint32_t *left;           /* articles waiting that hold the stem */
	size_t leftcap;
	int64_t articles;         /* articles waiting */
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
	struct store_related_stemmer *stemmer; /* for articles not stemmed ahead */
	struct store_related_stems stems;
	struct strtab skip;
	struct related_work v, e;
	struct related_place places[RELATED_PLACES_MAX]; /* the article's (related_private.h) */
	size_t nplaces;
	struct related_place orgs[RELATED_PLACES_MAX];   /* likewise */
	size_t norgs;
	struct related_person persons[RELATED_PLACES_MAX]; /* likewise */
	size_t npersons;
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
	struct sr_mem mem;
	float *spread;           /* by term id: the weights of the article being scored */
	size_t nspread;
	struct sr_ahead ahead;
};

static void sr_cache_clear(struct store_related_state *x)
{
	for (size_t i = 0; x->cache && i < STORE_RELATED_VEC_CACHE; i++) {
		free(x->cache[i].ids);
		free(x->cache[i].w);
		x->cache[i] = (struct sr_cached){0};
	}
}

static void sr_mem_clear(struct sr_mem *m);

/* A rollback undid what the cache and the working copy hold. */
static void sr_cache_rolled_back(void *x)
{
	struct store_related_state *state = x;
	sr_cache_clear(state);
	sr_mem_clear(&state->mem);
}

void store_related_state_free(struct store *s)
{
	struct store_related_state *x = s->related;
	if (x == NULL)
		return;
	for (size_t i = 0; i < SR_NSTMT; i++)
		sqlite3_finalize(x->stmt[i]);
	store_related_stemmer_free(x->stemmer);
	store_related_stems_free(&x->stems);
	strtab_free(&x->skip);
	related_work_free(&x->v);
	related_work_free(&x->e);
	free(x->idf);
	free(x->counted);
	free(x->df);
	free(x->hits);
	free(x->table);
	free(x->spread);
	store_related_ahead_end(s);
	sqlite3_rollback_hook(s->db, NULL, NULL);
	sr_cache_clear(x);
	sr_mem_clear(&x->mem);
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

/* The working copy */

static void sr_mem_clear(struct sr_mem *m)
{
	for (size_t i = 0; i < m->keys.n; i++) {
		free(m->terms[i].name);
		free(m->terms[i].post);
	}
	for (size_t i = 0; i < m->npools; i++) {
		free(m->pools[i].v);
		free(m->pools[i].was);
	}
	strtab_free(&m->keys);
	free(m->terms);
	free(m->by_id);
	free(m->dirty);
	free(m->pend);
	free(m->pools);
	free(m->slots);
	free(m->touched);
	strbuf_free(&m->key);
	*m = (struct sr_mem){0};
}

/* The working copy begun on the transaction's tables (once). */
static bool sr_mem_open(struct store *s)
{
	struct sr_mem *m = &s->related->mem;
	sqlite3_stmt *st;

	if (m->live)
		return true;
	st = sr_stmt(s, SR_TERM_MAX);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_reset(st);
		return false;
	}
	m->next_id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	m->first_new = m->next_id + 1;
	m->n = sr_meta(s, "related_n");
	m->postings = s->bulk && m->n <= STORE_RELATED_MEM_ARTICLES;
	strtab_init(&m->keys);
	m->live = true;
	return true;
}

static struct sr_term *sr_term_by_id(const struct sr_mem *m, uint32_t id)
{
	return id < m->idcap && m->by_id[id] ? &m->terms[m->by_id[id] - 1] : NULL;
}

static void sr_term_changed(struct sr_mem *m, struct sr_term *t)
{
	if (t->dirty)
		return;
	t->dirty = true;
	xgrow(&m->dirty, &m->dirtycap, m->ndirty + 1, sizeof *m->dirty);
	m->dirty[m->ndirty++] = (uint32_t)(t - m->terms);
}

/* The stored id and df of (kind, term), or false. */
static bool sr_term_find(struct store *s, int kind, const char *term, uint32_t *id, int64_t *df)
{
	sqlite3_stmt *st = sr_stmt(s, SR_TERM_FIND);
	bool found;
	sqlite3_bind_int(st, 1, kind);
	sqlite3_bind_text(st, 2, term, -1, SQLITE_STATIC);
	found = sqlite3_step(st) == SQLITE_ROW;
	if (found) {
		*id = (uint32_t)sqlite3_column_int64(st, 0);
		*df = sqlite3_column_int64(st, 1);
	}
	sqlite3_reset(st);
	return found;
}

/* Term (kind, term) in the working copy: read from related_terms, or made (df 0) when new. */
static struct sr_term *sr_term_get(struct store *s, int kind, const char *term, const char *name)
{
	struct sr_mem *m = &s->related->mem;
	size_t before = m->keys.n, had = m->idcap;
	char k1 = (char)(kind + 1);
	struct sr_term *t;
	uint32_t k;

	m->key.len = 0;
	strbuf_append(&m->key, &k1, 1);
	strbuf_append(&m->key, term, strlen(term));
	k = strtab_intern(&m->keys, m->key.data, m->key.len);
	if (k < before)
		return &m->terms[k];
	xgrow(&m->terms, &m->termcap, m->keys.n, sizeof *m->terms);
	t = &m->terms[k];
	*t = (struct sr_term){.stored = -1};
	if (m->first_new > 1 && sr_term_find(s, kind, term, &t->id, &t->stored)) {
		t->df = t->stored;
	} else {
		t->id = (uint32_t)++m->next_id;
		t->name = name ? xstrdup(name) : NULL;
		t->loaded = true; /* nothing stored: its postings are all made here */
	}
	xgrow(&m->by_id, &m->idcap, (size_t)t->id + 1, sizeof *m->by_id);
	if (m->idcap > had)
		memset(m->by_id + had, 0, (m->idcap - had) * sizeof *m->by_id);
	m->by_id[t->id] = k + 1;
	return t;
}

static int sr_posting_cmp(const struct sr_posting *a, const struct sr_posting *b)
{
	if (a->day != b->day)
		return a->day < b->day ? -1 : 1;
	return a->article < b->article ? -1 : a->article > b->article;
}

/* All of the term's postings in memory (read on first use). */
static bool sr_post_load(struct store *s, struct sr_term *t)
{
	struct sr_mem *m = &s->related->mem;
	sqlite3_stmt *st;

	if (t->loaded)
		return true;
	st = sr_stmt(s, SR_POST_ALL);
	sqlite3_bind_int64(st, 1, t->id);
	while (sqlite3_step(st) == SQLITE_ROW) {
		xgrow(&t->post, &t->pcap, t->npost + 1, sizeof *t->post);
		t->post[t->npost++] = (struct sr_posting){(int32_t)sqlite3_column_int64(st, 0),
							  (float)sqlite3_column_double(st, 2),
							  sqlite3_column_int64(st, 1)};
		m->nposts++;
	}
	t->loaded = sqlite3_reset(st) == SQLITE_OK;
	return t->loaded;
}

/* p into the term's loaded postings in key order (replacing one of the same key), and to
 * write at the flush. */
static void sr_post_add(struct sr_mem *m, struct sr_term *t, struct sr_posting p)
{
	size_t i = t->npost;
	while (i > 0 && sr_posting_cmp(&t->post[i - 1], &p) > 0)
		i--;
	xgrow(&m->pend, &m->pendcap, m->npend + 1, sizeof *m->pend);
	m->pend[m->npend++] = (struct sr_pending){t->id, p};
	if (i > 0 && sr_posting_cmp(&t->post[i - 1], &p) == 0) {
		t->post[i - 1] = p;
		return;
	}
	xgrow(&t->post, &t->pcap, t->npost + 1, sizeof *t->post);
	memmove(t->post + i + 1, t->post + i, (t->npost - i) * sizeof *t->post);
	t->post[i] = p;
	t->npost++;
	m->nposts++;
}

/* The first of the term's postings at or after day. */
static size_t sr_post_seek(const struct sr_term *t, int64_t day)
{
	size_t lo = 0, hi = t->npost;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (t->post[mid].day < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The pool of article in the working copy (read on first use; NULL at error). */
static struct sr_pool *sr_pool_of(struct store *s, int64_t article)
{
	struct sr_mem *m = &s->related->mem;
	size_t mask, i;
	struct sr_pool *p;
	sqlite3_stmt *st;

	if (2 * (m->npools + 1) > m->nslots) {
		free(m->slots);
		m->nslots = m->nslots ? 2 * m->nslots : 4096;
		m->slots = xcalloc(m->nslots, sizeof *m->slots);
		for (size_t k = 0; k < m->npools; k++) {
			for (i = (size_t)((uint64_t)m->pools[k].article * 0x9E3779B97F4A7C15ull >> 20) &
				 (m->nslots - 1);
			     m->slots[i]; i = (i + 1) & (m->nslots - 1))
				;
			m->slots[i] = (uint32_t)k + 1;
		}
	}
	mask = m->nslots - 1;
	for (i = (size_t)((uint64_t)article * 0x9E3779B97F4A7C15ull >> 20) & mask; m->slots[i];
	     i = (i + 1) & mask)
		if (m->pools[m->slots[i] - 1].article == article)
			return &m->pools[m->slots[i] - 1];
	xgrow(&m->pools, &m->poolcap, m->npools + 1, sizeof *m->pools);
	p = &m->pools[m->npools];
	*p = (struct sr_pool){.article = article};
	st = sr_stmt(s, SR_POOL_READ);
	sqlite3_bind_int64(st, 1, article);
	while (sqlite3_step(st) == SQLITE_ROW) {
		xgrow(&p->v, &p->cap, p->n + 1, sizeof *p->v);
		p->v[p->n++] = (struct sr_entry){sqlite3_column_int64(st, 0), sqlite3_column_double(st, 1)};
	}
	if (sqlite3_reset(st) != SQLITE_OK) {
		free(p->v);
		return NULL;
	}
	m->slots[i] = (uint32_t)++m->npools;
	return p;
}

/* The pool about to change: as stored, kept for the flush. */
static void sr_pool_touch(struct sr_mem *m, struct sr_pool *p)
{
	if (p->dirty)
		return;
	p->dirty = true;
	p->nwas = p->n;
	p->was = xcalloc(p->n + 1, sizeof *p->was);
	if (p->n)
		memcpy(p->was, p->v, p->n * sizeof *p->v);
	xgrow(&m->touched, &m->touchcap, m->ntouched + 1, sizeof *m->touched);
	m->touched[m->ntouched++] = (size_t)(p - m->pools);
}

/* (neighbour, score) into the pool, replacing neighbour's entry (SR_POOL_PUT's). */
static void sr_pool_put(struct sr_mem *m, struct sr_pool *p, int64_t neighbour, double score)
{
	sr_pool_touch(m, p);
	for (size_t i = 0; i < p->n; i++)
		if (p->v[i].neighbour == neighbour) {
			p->v[i].score = score;
			return;
		}
	xgrow(&p->v, &p->cap, p->n + 1, sizeof *p->v);
	p->v[p->n++] = (struct sr_entry){neighbour, score};
}

/* The pool's weakest entry: the lowest score, of those the highest neighbour. */
static size_t sr_pool_weakest(const struct sr_pool *p)
{
	size_t w = 0;
	for (size_t i = 1; i < p->n; i++)
		if (p->v[i].score < p->v[w].score ||
		    (p->v[i].score == p->v[w].score && p->v[i].neighbour > p->v[w].neighbour))
			w = i;
	return w;
}

static int sr_pending_cmp(const void *a, const void *b)
{
	const struct sr_pending *x = a, *y = b;
	if (x->term != y->term)
		return x->term < y->term ? -1 : 1;
	return sr_posting_cmp(&x->p, &y->p);
}

static bool sr_flush_terms(struct store *s)
{
	struct sr_mem *m = &s->related->mem;
	bool ok = true;

	for (size_t i = 0; ok && i < m->ndirty; i++) {
		struct sr_term *t = &m->terms[m->dirty[i]];
		const char *key = strtab_str(&m->keys, m->dirty[i]);
		sqlite3_stmt *st;
		t->dirty = false;
		if (t->df == t->stored)
			continue;
		if (t->stored < 0) {
			st = sr_stmt(s, SR_TERM_PUT);
			sqlite3_bind_int64(st, 1, t->id);
			sqlite3_bind_int(st, 2, (unsigned char)key[0] - 1);
			sqlite3_bind_text(st, 3, key + 1, (int)m->keys.lens[m->dirty[i]] - 1, SQLITE_STATIC);
			store_bind_text(st, 4, t->name);
			sqlite3_bind_int64(st, 5, t->df);
		} else {
			st = sr_stmt(s, SR_TERM_SET_DF);
			sqlite3_bind_int64(st, 1, t->id);
			sqlite3_bind_int64(st, 2, t->df);
		}
		ok = sr_done(st);
		t->stored = t->df;
	}
	m->ndirty = 0;
	return ok;
}

static bool sr_flush_postings(struct store *s)
{
	struct sr_mem *m = &s->related->mem;
	bool ok = true;

	xqsort(m->pend, m->npend, sizeof *m->pend, sr_pending_cmp);
	for (size_t i = 0; ok && i < m->npend; i++) {
		sqlite3_stmt *st = sr_stmt(s, SR_POST_PUT);
		sqlite3_bind_int64(st, 1, m->pend[i].term);
		sqlite3_bind_int64(st, 2, m->pend[i].p.day);
		sqlite3_bind_int64(st, 3, m->pend[i].p.article);
		sqlite3_bind_double(st, 4, m->pend[i].p.w);
		ok = sr_done(st);
	}
	m->npend = 0;
	return ok;
}

static bool sr_has_entry(const struct sr_entry *v, size_t n, const struct sr_entry *e, bool score)
{
	for (size_t i = 0; i < n; i++)
		if (v[i].neighbour == e->neighbour)
			return !score || v[i].score == e->score;
	return false;
}

/* Each changed pool's difference from the table: entries gone deleted, new ones put. */
static bool sr_flush_pools(struct store *s)
{
	struct sr_mem *m = &s->related->mem;
	bool ok = true;

	for (size_t k = 0; ok && k < m->ntouched; k++) {
		struct sr_pool *p = &m->pools[m->touched[k]];
		for (size_t i = 0; ok && i < p->nwas; i++)
			if (!sr_has_entry(p->v, p->n, &p->was[i], false)) {
				sqlite3_stmt *st = sr_stmt(s, SR_POOL_DROP);
				sqlite3_bind_int64(st, 1, p->article);
				sqlite3_bind_int64(st, 2, p->was[i].neighbour);
				ok = sr_done(st);
			}
		for (size_t i = 0; ok && i < p->n; i++)
			if (!sr_has_entry(p->was, p->nwas, &p->v[i], true)) {
				sqlite3_stmt *st = sr_stmt(s, SR_POOL_PUT);
				sqlite3_bind_int64(st, 1, p->article);
				sqlite3_bind_int64(st, 2, p->v[i].neighbour);
				sqlite3_bind_double(st, 3, p->v[i].score);
				ok = sr_done(st);
			}
		free(p->was);
		p->was = NULL;
		p->nwas = 0;
		p->dirty = false;
	}
	m->ntouched = 0;
	return ok;
}

/* About the bytes the working copy holds. */
static size_t sr_mem_bytes(const struct sr_mem *m)
{
	return m->nposts * sizeof(struct sr_posting) + m->keys.n * (sizeof(struct sr_term) + 16) +
	       m->npools * (sizeof(struct sr_pool) + STORE_RELATED_POOL * sizeof(struct sr_entry));
}

bool store_related_flush(struct store *s, char **error)
{
	struct sr_mem *m = s->related ? &s->related->mem : NULL;
	bool ok;

	if (m == NULL || !m->live)
		return true;
	ok = sr_flush_terms(s) && sr_flush_postings(s) && sr_flush_pools(s) &&
	     (!m->n_dirty || sr_meta_set(s, "related_n", m->n));
	m->n_dirty = false;
	if (!ok) {
		*error = store_errmsg(s, "cannot store the related stories");
		return false;
	}
	/* outside a bulk write, one transaction's: a reader's fetches keep no more */
	if (!s->bulk || sr_mem_bytes(m) > STORE_RELATED_MEM_BYTES)
		sr_mem_clear(m);
	return true;
}

void store_related_drop_memory(struct store *s)
{
	if (s->related)
		sr_mem_clear(&s->related->mem);
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

/* An entities blob ends with the article's places after a pair (SR_PLACES, count), then its
 * organisations after a pair (SR_ORGS, count) when it has any: whether one is about a place
 * or an organisation is all the ranking asks of them, kept as 1 or RELATED_PLACE_MENTIONS
 * mentions. A blob written before organisations were kept has none. */
#define SR_PLACES UINT32_MAX
#define SR_ORGS (UINT32_MAX - 1)
/* Then its persons after (SR_PERSONS, count) when it has any, each as two pairs: (id, 2 when
 * its headline names it, else 1) and (the id of its name's last word alone, or its own, 0). */
#define SR_PERSONS (UINT32_MAX - 2)
/* An article's places, organisations and persons as the pairs its blob and the cache keep of
 * them: a place or an organisation (id, 1 or RELATED_PLACE_MENTIONS), a person two pairs. */
struct sr_subjects {
	uint32_t ids[4 * RELATED_PLACES_MAX];
	float w[4 * RELATED_PLACES_MAX];
	struct related_vec places, orgs, persons;
};

static struct related_vec sr_places_pairs(const struct related_place *v, size_t n, uint32_t *ids,
					  float *w)
{
	for (size_t k = 0; k < n; k++)
		ids[k] = v[k].id, w[k] = related_place_main(&v[k]) ? RELATED_PLACE_MENTIONS : 1;
	return (struct related_vec){ids, w, n};
}

static void sr_subjects_of(const struct store_related_state *x, struct sr_subjects *out)
{
	uint32_t *ids = out->ids + 2 * RELATED_PLACES_MAX;
	float *w = out->w + 2 * RELATED_PLACES_MAX;

	out->places = sr_places_pairs(x->places, x->nplaces, out->ids, out->w);
	out->orgs = sr_places_pairs(x->orgs, x->norgs, out->ids + RELATED_PLACES_MAX,
				    out->w + RELATED_PLACES_MAX);
	for (size_t k = 0; k < x->npersons; k++) {
		const struct related_person *p = &x->persons[k];
		ids[2 * k] = p->id, w[2 * k] = p->about ? 2 : 1;
		ids[2 * k + 1] = p->family == UINT32_MAX ? p->id : p->family, w[2 * k + 1] = 0;
	}
	out->persons = (struct related_vec){ids, w, 2 * x->npersons};
}

/* (mark, count) and v's pairs, onto out. */
static void sr_subjects_pack_one(uint32_t mark, size_t count, struct related_vec v, struct strbuf *out)
{
	float c = (float)count;
	strbuf_append(out, (const char *)&mark, sizeof mark);
	strbuf_append(out, (const char *)&c, sizeof c);
	for (size_t i = 0; i < v.n; i++) {
		strbuf_append(out, (const char *)&v.ids[i], sizeof v.ids[i]);
		strbuf_append(out, (const char *)&v.w[i], sizeof v.w[i]);
	}
}

static void sr_subjects_pack(const struct store_related_state *x, const struct sr_subjects *sub,
			     struct strbuf *out)
{
	if (x->nplaces > 0 || x->norgs > 0)
		sr_subjects_pack_one(SR_PLACES, x->nplaces, sub->places, out);
	if (x->norgs > 0)
		sr_subjects_pack_one(SR_ORGS, x->norgs, sub->orgs, out);
	if (x->npersons > 0)
		sr_subjects_pack_one(SR_PERSONS, x->npersons, sub->persons, out);
}

static bool sr_is_mark(uint32_t id)
{
	return id == SR_PLACES || id == SR_ORGS || id == SR_PERSONS;
}

/* A blob's pairs up to its places (none in a words blob). */
static void sr_vec_unpack(const void *blob, int len, struct sr_vec *v)
{
	const char *p = blob;
	size_t n = len > 0 ? (size_t)len / 8 : 0;
	v->ids = xcalloc(n + 1, sizeof *v->ids);
	v->w = xcalloc(n + 1, sizeof *v->w);
	for (v->n = 0; v->n < n; v->n++) {
		memcpy(&v->ids[v->n], p + 8 * v->n, 4);
		if (sr_is_mark(v->ids[v->n]))
			break;
		memcpy(&v->w[v->n], p + 8 * v->n + 4, 4);
	}
}

/* The places (mark SR_PLACES) or organisations (SR_ORGS) of an entities blob, as ids and
 * mentions into v (caller frees). */
static void sr_subjects_unpack(const void *blob, int len, uint32_t mark, struct sr_vec *v)
{
	const char *p = blob;
	size_t n = len > 0 ? (size_t)len / 8 : 0, at = 0;
	while (at < n && memcmp(p + 8 * at, &mark, 4) != 0)
		at++;
	*v = (struct sr_vec){xcalloc(n + 1, sizeof *v->ids), xcalloc(n + 1, sizeof *v->w), 0};
	for (at++; at < n; at++, v->n++) {
		memcpy(&v->ids[v->n], p + 8 * at, 4);
		if (sr_is_mark(v->ids[v->n]))
			break;
		memcpy(&v->w[v->n], p + 8 * at + 4, 4);
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
	struct sr_vec orgs; /* its organisations, RELATED_PLACE_MENTIONS for its headline's */
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
		sr_subjects_unpack(sqlite3_column_blob(st, 3), sqlite3_column_bytes(st, 3), SR_ORGS,
				   &a->orgs);
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
	sr_vec_free(&a->orgs);
}

/* Count a term in df (made when new); its id and df (this article counted) out. */
static void sr_term_count(struct store *s, int kind, const char *term, const char *name,
			  uint32_t *id, int64_t *df)
{
	struct sr_mem *m = &s->related->mem;
	struct sr_term *t = sr_term_get(s, kind, term, name);
	t->df++;
	sr_term_changed(m, t);
	*id = t->id;
	*df = t->df;
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

/* The articles still to come of stem's, this one (counted ahead: ahead) no longer among them. */
static int64_t sr_ahead_left(struct sr_ahead *a, const char *stem, bool ahead)
{
	uint32_t k;
	if (a->c == NULL || !strtab_find(&a->stems, stem, strlen(stem), &k))
		return 0;
	if (ahead && a->left[k] > 0)
		a->left[k]--;
	return a->left[k];
}

/* The article's word vector into x->v, as related_vec_worker makes it but with idf from the
 * store's df now (n articles, this one counted), plus what a bulk import counted ahead and has
 * not written yet: stems of related_article_words counted by related_count, weighed by
 * related_weigh, cut by related_keep_top. Every stem counts in df; the skip words stay out
 * of the vector, as related.c's second pass leaves them out. */
static void sr_words(struct store *s, const struct store_related_stems *stems, double n, bool ahead)
{
	struct store_related_state *x = s->related;
	struct related_work *v = &x->v;
	size_t k = 0;

	related_work_room(v, stems->n + 1);
	sr_idf_room(x, stems->n);
	for (size_t j = 0; j < stems->n; j++) {
		const struct store_related_stem *w = &stems->v[j];
		const char *stem = stems->text.data + w->at;
		uint32_t id;
		int64_t df;
		sr_term_count(s, 0, stem, NULL, &id, &df);
		df += sr_ahead_left(&x->ahead, stem, ahead);
		sr_counted(x, id, df);
		if (w->skip)
			continue;
		x->idf[k] = log(1 + n / (double)df);
		v->ids[k] = (uint32_t)k, v->w[k++] = w->count; /* related_weigh looks idf up by id */
		v->p[k - 1].id = id;                           /* the term, kept aside */
	}
	v->n = k;
	related_weigh(v, x->idf);
	for (size_t j = 0; j < v->n; j++)
		v->ids[j] = v->p[j].id;
	related_sort_pairs(v);
	related_keep_top(v, RELATED_WORD_TERMS);
}

void store_related_ahead_count(struct store *s, const struct corpus *c, size_t i,
			       const struct store_related_stems *stems)
{
	struct store_related_state *x = store_related_state(s);
	struct sr_ahead *a;
	if (x == NULL)
		return;
	a = &x->ahead;
	if (a->c != c) {
		store_related_ahead_end(s);
		a->c = c;
		a->waiting = xcalloc(c->n ? c->n : 1, 1);
		strtab_init(&a->stems);
	}
	if (i >= c->n || a->waiting[i])
		return;
	a->waiting[i] = 1;
	a->articles++;
	for (size_t j = 0; j < stems->n; j++) {
		const char *stem = stems->text.data + stems->v[j].at;
		uint32_t k = strtab_intern(&a->stems, stem, strlen(stem));
		if (k >= a->leftcap) {
			size_t was = a->leftcap;
			xgrow(&a->left, &a->leftcap, (size_t)k + 1, sizeof *a->left);
			memset(a->left + was, 0, (a->leftcap - was) * sizeof *a->left);
		}
		a->left[k]++;
	}
}

void store_related_ahead_end(struct store *s)
{
	struct sr_ahead *a = s->related ? &s->related->ahead : NULL;
	if (a == NULL || a->c == NULL)
		return;
	free(a->waiting);
	free(a->left);
	strtab_free(&a->stems);
	*a = (struct sr_ahead){0};
}

/* Whether article i of c was counted ahead and waits: no longer, once this says so. */
static bool sr_ahead_take(struct sr_ahead *a, const struct corpus *c, size_t i)
{
	if (a->c != c || i >= c->n || !a->waiting[i])
		return false;
	a->waiting[i] = 0;
	a->articles--;
	return true;
}

/* Stems on the tagging threads */

struct store_related_stemmer {
	struct related_words rw;
	struct related_work v;
};

struct store_related_stemmer *store_related_stemmer_new(struct store *s)
{
	struct store_related_state *x = store_related_state(s);
	struct store_related_stemmer *st;
	if (x == NULL)
		return NULL;
	st = xcalloc(1, sizeof *st);
	st->rw = (struct related_words){.lex = x->lex, .intern = true, .skip = &x->skip,
					.title_repeat = RELATED_TITLE_REPEAT};
	strtab_init(&st->rw.vocab);
	return st;
}

void store_related_stemmer_free(struct store_related_stemmer *st)
{
	if (st == NULL)
		return;
	related_words_free(&st->rw);
	related_work_free(&st->v);
	free(st);
}

void store_related_stem(struct store_related_stemmer *st, const struct corpus *c, size_t i,
			struct store_related_stems *out)
{
	struct related_work *v = &st->v;

	related_article_words(&st->rw, c, i);
	related_count(st->rw.ids, st->rw.nids, v);
	out->n = 0;
	out->text.len = 0;
	out->v = xreallocarray(out->v, v->n + 1, sizeof *out->v);
	for (size_t j = 0; j < v->n; j++) {
		const char *stem = strtab_str(&st->rw.vocab, v->ids[j]);
		size_t len = st->rw.vocab.lens[v->ids[j]];
		out->v[out->n++] = (struct store_related_stem){out->text.len, v->w[j],
								strtab_has(st->rw.skip, stem, len)};
		strbuf_append(&out->text, stem, len + 1);
	}
	out->made = true;
	/* the vocabulary of one article at a time: the store's is the terms table */
	strtab_clear(&st->rw.vocab);
}

void store_related_stems_free(struct store_related_stems *w)
{
	strbuf_free(&w->text);
	free(w->v);
	memset(w, 0, sizeof *w);
}

/* Whether the store counts (kind, term) in some article: its id into *id. */
static bool sr_term_known(struct store *s, int kind, const char *term, uint32_t *id)
{
	struct sr_mem *m = &s->related->mem;
	char k1 = (char)(kind + 1);
	uint32_t k;
	int64_t df = 0;

	m->key.len = 0;
	strbuf_append(&m->key, &k1, 1);
	strbuf_append(&m->key, term, strlen(term));
	if (strtab_find(&m->keys, m->key.data, m->key.len, &k))
		return *id = m->terms[k].id, m->terms[k].df > 0;
	return m->first_new > 1 && sr_term_find(s, kind, term, id, &df) && df > 0;
}

/* related.c's related_person_family: the person term of the last word of key (a person's),
 * when key has more than one word and the store knows that word alone as a person. */
static uint32_t sr_person_family(struct store *s, const char *key)
{
	const char *last = strrchr(key, ' ');
	uint32_t id;
	return last && sr_term_known(s, 1 + (int)ENTITY_PERSON, last + 1, &id) ? id : UINT32_MAX;
}

/* related.c's related_headline_place: the first place of the gazetteers the headline names
 * that the article does not tag and the store knows, among its places as named in its title. */
static void sr_headline_place(struct store *s, const char *title_match)
{
	struct store_related_state *x = s->related;
	struct related_span v[RELATED_HEADLINE_PLACES];
	size_t n = title_match ? related_headline_places(title_match, v, RELATED_HEADLINE_PLACES) : 0;

	for (size_t i = 0; i < n; i++) {
		char *key = xstrndup(v[i].s, v[i].n);
		uint32_t id;
		bool known = sr_term_known(s, 1 + (int)ENTITY_PLACE, key, &id);
		free(key);
		if (known && !related_place_named(x->places, x->nplaces, id)) {
			related_place_add_headline(x->places, &x->nplaces, id);
			return;
		}
	}
}

/* The article's entity vector into x->e: persons, places and organisations by key, counted
 * by mentions, idf from the store's df, nothing for the common ones (related.c's
 * related_entity_idf). */
static void sr_entities(struct store *s, const struct article *art, const struct article_entities *es,
			double n)
{
	struct store_related_state *x = s->related;
	struct related_work *v = &x->e;
	size_t k = 0;
	char *title_match = art && art->title ? norm_string(art->title, strlen(art->title), NULL) : NULL;

	related_work_room(v, (es ? es->n : 0) + 1);
	sr_idf_room(x, (es ? es->n : 0) + 1);
	v->n = 0;
	x->nplaces = x->norgs = x->npersons = 0;
	for (size_t j = 0; es && j < es->n; j++) {
		const struct article_entity *e = &es->v[j];
		char *name;
		uint32_t id;
		int64_t df;
		size_t at;
		if (e->type == ENTITY_DATE || e->type == ENTITY_MISC)
			continue;
		name = article_entity_name(art, e);
		sr_term_count(s, 1 + (int)e->type, article_entity_key(es, e), name, &id, &df);
		free(name);
		if (e->type == ENTITY_PLACE)
			related_place_add(x->places, &x->nplaces, id, es, e,
					  related_place_in_title(title_match, article_entity_key(es, e)));
		if (e->type == ENTITY_PERSON)
			related_person_add(x->persons, &x->npersons, id,
					   sr_person_family(s, article_entity_key(es, e)), es, e);
		for (at = 0; at < v->n && v->p[at].id != id; at++)
			;
		if (at < v->n) { /* two entities of one key: counted once, mentions added */
			struct sr_term *t = sr_term_by_id(&x->mem, id);
			t->df--;
			v->w[at] += (float)e->nmentions;
			if (e->type == ENTITY_ORG)
				related_org_add(x->orgs, &x->norgs, id, es, e, t->df >= RELATED_ORG_ARTICLES);
			continue;
		}
		sr_counted(x, id, df);
		v->p[v->n].id = id;
		v->ids[v->n] = (uint32_t)v->n;
		v->w[v->n] = (float)e->nmentions;
		x->idf[v->n] = ((double)df > RELATED_COMMON_SHARE * n && df > RELATED_COMMON_MIN)
				       ? 0 : log(1 + n / (double)df);
		/* known: some article stored before tags it too */
		if (e->type == ENTITY_ORG)
			related_org_add(x->orgs, &x->norgs, id, es, e, df >= RELATED_ORG_ARTICLES);
		v->n++;
	}
	sr_headline_place(s, title_match);
	free(title_match);
	related_weigh(v, x->idf);
	for (size_t j = 0; j < v->n; j++)
		if (v->w[j] > 0)
			v->ids[k] = v->p[j].id, v->w[k++] = v->w[j];
	v->n = k;
	related_sort_pairs(v);
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
				      struct related_vec words, struct related_vec ents,
				      struct related_vec places, struct related_vec orgs,
				      struct related_vec persons)
{
	struct sr_cached *c = sr_cache_slot(x, row);
	const struct related_vec *parts[] = {&words, &ents, &places, &orgs, &persons};
	size_t n = words.n + ents.n + places.n + orgs.n + persons.n, at = 0;
	free(c->ids);
	free(c->w);
	*c = (struct sr_cached){row, day, (uint32_t)words.n, (uint32_t)ents.n, (uint32_t)places.n,
				(uint32_t)orgs.n, (uint32_t)persons.n, xcalloc(n + 1, sizeof *c->ids),
				xcalloc(n + 1, sizeof *c->w)};
	for (size_t k = 0; k < 5; at += parts[k++]->n)
		if (parts[k]->n) {
			memcpy(c->ids + at, parts[k]->ids, parts[k]->n * sizeof *c->ids);
			memcpy(c->w + at, parts[k]->w, parts[k]->n * sizeof *c->w);
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
	if (v != x->cache_version || v == -1) {
		sr_cache_clear(x);
		sr_mem_clear(&x->mem);
	}
	x->cache_version = v;
}

/* Row's stored vectors, from the cache or read into it (NULL: none stored). */
static const struct sr_cached *sr_cached_vectors(struct store *s, int64_t row)
{
	struct store_related_state *x = s->related;
	struct sr_cached *c = sr_cache_slot(x, row);
	sqlite3_stmt *st;
	struct sr_vec w = {0}, e = {0}, p = {0}, o = {0}, pr = {0};
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
	sr_subjects_unpack(sqlite3_column_blob(st, 3), sqlite3_column_bytes(st, 3), SR_PLACES, &p);
	sr_subjects_unpack(sqlite3_column_blob(st, 3), sqlite3_column_bytes(st, 3), SR_ORGS, &o);
	sr_subjects_unpack(sqlite3_column_blob(st, 3), sqlite3_column_bytes(st, 3), SR_PERSONS, &pr);
	sqlite3_reset(st);
	c = sr_cache_put(x, row, day, sr_view(&w), sr_view(&e), sr_view(&p), sr_view(&o), sr_view(&pr));
	sr_vec_free(&w);
	sr_vec_free(&e);
	sr_vec_free(&p);
	sr_vec_free(&o);
	sr_vec_free(&pr);
	return c;
}

/* The article's word and entity weights into x->spread by term id (on), or taken out. */
static void sr_spread(struct store_related_state *x, const struct related_work *v,
		      const struct related_work *e, bool on)
{
	const struct related_work *both[] = {v, e};
	for (size_t k = 0; k < 2; k++)
		for (size_t i = 0; i < both[k]->n; i++) {
			uint32_t id = both[k]->ids[i];
			if (on && id >= x->nspread) {
				size_t had = x->nspread;
				xgrow(&x->spread, &x->nspread, (size_t)id + 1, sizeof *x->spread);
				memset(x->spread + had, 0, (x->nspread - had) * sizeof *x->spread);
			}
			x->spread[id] = on ? both[k]->w[i] : 0;
		}
}

/* related_dot of the spread article and b: the same products summed in the same order (b's
 * terms ascending; a term the article lacks adds 0), one lookup a term instead of a merge. */
static double sr_dot_spread(const struct store_related_state *x, const struct related_vec *b)
{
	double s = 0;
	for (size_t j = 0; j < b->n; j++)
		if (b->ids[j] < x->nspread)
			s += (double)x->spread[b->ids[j]] * b->w[j];
	return s;
}

static int sr_term(struct store *s, uint32_t id, char **term, char **name);

/* A term's stem or key (caller frees): from the working copy when it holds the term (one made
 * in this transaction is not in related_terms before the flush), else from the table. */
static char *sr_term_text(struct store *s, uint32_t id)
{
	const struct sr_mem *m = &s->related->mem;
	const struct sr_term *t = m->live ? sr_term_by_id(m, id) : NULL;
	char *term, *name;
	if (t)
		return xstrdup(strtab_str(&m->keys, (uint32_t)(t - m->terms)) + 1);
	sr_term(s, id, &term, &name);
	free(name);
	return term;
}

/* For each word of the article (v), the entities of e whose keys hold it (related_evidence's
 * units): the terms read once per article. */
static uint64_t *sr_units(struct store *s, const struct related_work *v, const struct related_work *e)
{
	char *keys[RELATED_UNIT_ENTITIES], *term;
	size_t nkeys = e->n < RELATED_UNIT_ENTITIES ? e->n : RELATED_UNIT_ENTITIES;
	uint64_t *units = xcalloc(v->n + 1, sizeof *units);

	for (size_t k = 0; k < nkeys; k++)
		keys[k] = sr_term_text(s, e->ids[k]);
	for (size_t j = 0; j < v->n; j++) {
		term = sr_term_text(s, v->ids[j]);
		units[j] = term ? related_entity_units(term, (const char *const *)keys, nkeys) : 0;
		free(term);
	}
	for (size_t k = 0; k < nkeys; k++)
		free(keys[k]);
	return units;
}

/* The n subjects (places or organisations) of b's cached vectors from ids[at], as
 * related_place, into v (room for RELATED_PLACES_MAX); returns how many. */
static size_t sr_cached_subjects(const struct sr_cached *b, size_t at, size_t n, struct related_place *v)
{
	if (n > RELATED_PLACES_MAX)
		n = RELATED_PLACES_MAX;
	for (size_t k = 0; k < n; k++)
		v[k] = (struct related_place){b->ids[at + k], (uint32_t)b->w[at + k], false};
	return n;
}

/* The persons of b's cached vectors (pairs from ids[at], sr_subjects_pack), into v (room for
 * RELATED_PLACES_MAX); returns how many. */
static size_t sr_cached_persons(const struct sr_cached *b, size_t at, struct related_person *v)
{
	size_t n = b->npr / 2 < RELATED_PLACES_MAX ? b->npr / 2 : RELATED_PLACES_MAX;
	for (size_t k = 0; k < n; k++)
		v[k] = (struct related_person){b->ids[at + 2 * k], b->ids[at + 2 * k + 1], b->w[at + 2 * k] == 2};
	return n;
}

/* related.c's related_apart: whether the article being linked (on day) and b, whose words
 * are words alike, are about places apart and not copies of one story, or about
 * organisations apart, or about persons apart. */
static bool sr_apart(const struct store_related_state *x, int32_t day, const struct sr_cached *b,
		     double words)
{
	struct related_place pb[RELATED_PLACES_MAX];
	long d = sr_days_apart(day, b->day);
	size_t n;

	if (x->nplaces > 0 && b->np > 0) {
		n = sr_cached_subjects(b, b->nw + b->ne, b->np, pb);
		if (related_places_apart(x->places, x->nplaces, pb, n) &&
		    (d < 0 || d > RELATED_COPY_DAYS || words < RELATED_COPY_TITLE_COSINE))
			return true;
	}
	if (b->no > 0 && related_about_any(x->orgs, x->norgs)) {
		n = sr_cached_subjects(b, b->nw + b->ne + b->np, b->no, pb);
		if (related_orgs_apart(x->orgs, x->norgs, pb, n, d, words))
			return true;
	}
	if (b->npr > 0 && related_about_anyone(x->persons, x->npersons)) {
		struct related_person qb[RELATED_PLACES_MAX];
		size_t nq = sr_cached_persons(b, b->nw + b->ne + b->np + b->no, qb);
		n = sr_cached_subjects(b, b->nw + b->ne + b->np, b->no, pb);
		if (related_persons_apart(x->persons, x->npersons, qb, nq) &&
		    !related_share_any(x->orgs, x->norgs, pb, n) &&
		    (d < 0 || d > RELATED_COPY_DAYS || words < RELATED_COPY_COSINE))
			return true;
	}
	return false;
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
	sr_spread(x, v, e, true);
	for (size_t i = 0; i < x->nhits; i++) {
		const struct sr_cached *b = sr_cached_vectors(s, x->hits[i].article);
		if (b) {
			struct related_vec vb = {b->ids, b->w, b->nw};
			struct related_vec eb = {b->ids + b->nw, b->w + b->nw, b->ne};
			bool enough = related_evidence(&va, rare, units, related_shared_entities(&ea, &eb), &vb,
						       RELATED_BEYOND_ONE * small, RELATED_RARE_EVIDENCE * small);
			double words = sr_dot_spread(x, &vb);
			x->hits[i].score = enough && !sr_apart(x, day, b, words)
						   ? (words + RELATED_ENTITY_BOOST * sr_dot_spread(x, &eb)) /
							     (1 + RELATED_ENTITY_BOOST) * sr_time(day, b->day)
						   : 0;
		}
		if (x->hits[i].score > 1e-9)
			x->hits[n++] = x->hits[i];
	}
	sr_spread(x, v, e, false);
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

static void sr_hit_swap(struct store_related_hit *a, struct store_related_hit *b)
{
	struct store_related_hit t = *a;
	*a = *b;
	*b = t;
}

/* The k best of the n hits (sr_hit_by_score's order) into h[0, k), in no order: a partial
 * quickselect, where sorting them all took as long as the rest of finding them. */
static void sr_hits_best(struct store_related_hit *h, size_t n, size_t k)
{
	size_t lo = 0, hi = n;
	while (k < n && hi - lo > 1) {
		size_t i = lo;
		sr_hit_swap(&h[lo + (hi - lo) / 2], &h[hi - 1]);
		for (size_t j = lo; j < hi - 1; j++)
			if (sr_hit_by_score(&h[j], &h[hi - 1]) < 0)
				sr_hit_swap(&h[i++], &h[j]);
		sr_hit_swap(&h[i], &h[hi - 1]); /* the pivot: better before it, worse after */
		if (i == k || i + 1 == k)
			return;
		if (k < i)
			hi = i;
		else
			lo = i + 1;
	}
}

/* Term's postings on the days lo..hi and the undated, at most STORE_RELATED_POSTINGS of them
 * in the key's order (as SR_POST_SCAN reads them), added to their articles' hits other than
 * row's: w (the word's weight in row's vector) times theirs, over norm. */
static bool sr_scan_stored(struct store *s, int64_t row, uint32_t term, int64_t lo, int64_t hi,
			   float w, double norm)
{
	sqlite3_stmt *st = sr_stmt(s, SR_POST_SCAN);
	sqlite3_bind_int64(st, 1, term);
	sqlite3_bind_int64(st, 2, lo);
	sqlite3_bind_int64(st, 3, hi);
	sqlite3_bind_int(st, 4, STORE_RELATED_POSTINGS);
	while (sqlite3_step(st) == SQLITE_ROW) {
		int64_t b = sqlite3_column_int64(st, 0);
		if (b != row)
			sr_hit(s->related, b, (int32_t)sqlite3_column_int64(st, 1))->score +=
				w * sqlite3_column_double(st, 2) / norm;
	}
	return sqlite3_reset(st) == SQLITE_OK;
}

/* sr_scan_stored's from the postings held in memory. */
static bool sr_scan_held(struct store *s, int64_t row, uint32_t term, int64_t lo, int64_t hi,
			 float w, double norm)
{
	struct sr_term *t = sr_term_by_id(&s->related->mem, term);
	size_t taken = 0, undated, i;

	if (t == NULL || !sr_post_load(s, t))
		return false;
	undated = sr_post_seek(t, (int64_t)RELATED_NO_DAY + 1);
	for (i = 0; i < undated && taken < STORE_RELATED_POSTINGS; i++, taken++)
		if (t->post[i].article != row)
			sr_hit(s->related, t->post[i].article, t->post[i].day)->score +=
				w * (double)t->post[i].w / norm;
	for (i = sr_post_seek(t, lo > (int64_t)RELATED_NO_DAY + 1 ? lo : (int64_t)RELATED_NO_DAY + 1);
	     i < t->npost && t->post[i].day <= hi && taken < STORE_RELATED_POSTINGS; i++, taken++)
		if (t->post[i].article != row)
			sr_hit(s->related, t->post[i].article, t->post[i].day)->score +=
				w * (double)t->post[i].w / norm;
	return true;
}

/* The articles that share a word with vector v (of row, on day), scored as
 * related_candidates scores them (word cosine times time; the best again with entities,
 * sr_rescore), best first, into x->hits. */
static bool sr_candidates(struct store *s, int64_t row, int32_t day, const struct related_work *v,
			  double narticles)
{
	struct store_related_state *x = s->related;
	double norm = 1 + RELATED_ENTITY_BOOST;
	bool skipped = false, ok = true;
	size_t n = 0;

	x->nhits = 0;
	for (size_t j = 0; ok && j < v->n; j++) {
		int64_t lo = day == RELATED_NO_DAY ? INT32_MIN + 1 : (int64_t)day - RELATED_MAX_DAYS;
		int64_t hi = day == RELATED_NO_DAY ? INT32_MAX : (int64_t)day + RELATED_MAX_DAYS;
		if (narticles >= STORE_RELATED_COMMON_MIN &&
		    (double)sr_df(x, v->ids[j]) > STORE_RELATED_COMMON_SHARE * narticles) {
			skipped = true; /* a common word: long lists, little weight */
			continue;
		}
		ok = x->mem.postings ? sr_scan_held(s, row, v->ids[j], lo, hi, v->w[j], norm)
				     : sr_scan_stored(s, row, v->ids[j], lo, hi, v->w[j], norm);
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
	if (skipped || RELATED_ENTITY_BOOST > 0) { /* only the best are scored again */
		sr_hits_best(x->hits, x->nhits, STORE_RELATED_RESCORE);
		if (x->nhits > STORE_RELATED_RESCORE)
			x->nhits = STORE_RELATED_RESCORE;
		xqsort(x->hits, x->nhits, sizeof *x->hits, sr_hit_by_score);
		sr_rescore(s, v, &x->e, day, narticles);
	} else {
		xqsort(x->hits, x->nhits, sizeof *x->hits, sr_hit_by_score);
	}
	return ok;
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
	struct sr_mem *m = &s->related->mem;
	struct sr_pool *p = sr_pool_of(s, b);
	size_t n;

	if (p == NULL)
		return false;
	n = p->n;
	if (n >= STORE_RELATED_POOL && score <= p->v[sr_pool_weakest(p)].score)
		return true;
	sr_pool_put(m, p, a, score);
	if (n >= STORE_RELATED_POOL)
		p->v[sr_pool_weakest(p)] = p->v[--p->n];
	return true;
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
	char *error = NULL;
	bool found, ok;

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
	/* forgotten by statement: the working copy written out and read again after */
	ok = store_related_flush(s, &error);
	free(error);
	sr_mem_clear(&s->related->mem);
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
	if (!store_related_flush(s, error))
		return false;
	sr_mem_clear(&s->related->mem); /* forgetting is by statement */
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
	struct sr_subjects sub;
	sqlite3_stmt *st = sr_stmt(s, SR_VEC_PUT);
	bool ok;

	sr_subjects_of(x, &sub);
	sr_vec_pack(&x->v, &w);
	sr_vec_pack(&x->e, &e);
	sr_subjects_pack(x, &sub, &e);
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
			     (struct related_vec){x->e.ids, x->e.w, x->e.n}, sub.places, sub.orgs,
			     sub.persons);
	for (size_t j = 0; ok && j < x->v.n; j++) {
		struct sr_term *t = sr_term_by_id(&x->mem, x->v.ids[j]);
		if (x->mem.postings) { /* written at the flush */
			ok = t && sr_post_load(s, t);
			if (ok)
				sr_post_add(&x->mem, t, (struct sr_posting){day, x->v.w[j], row});
			continue;
		}
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
	struct sr_pool *own = sr_pool_of(s, row);
	double floor = sr_floor(n);
	bool ok = own != NULL;

	/* its own pool first: sr_offer's pools may move the pools in memory */
	for (size_t i = 0; ok && i < x->nhits && i < STORE_RELATED_POOL && x->hits[i].score >= floor; i++)
		sr_pool_put(&x->mem, own, x->hits[i].article, x->hits[i].score);
	for (size_t i = 0; ok && i < x->nhits && x->hits[i].score >= floor; i++)
		ok = sr_offer(s, x->hits[i].article, row, x->hits[i].score);
	return ok;
}

bool store_related_add(struct store *s, int64_t row, const struct corpus *c, size_t i,
		       const struct article_entities *es, char **error)
{
	return store_related_add_stems(s, row, c, i, es, NULL, error);
}

bool store_related_add_stems(struct store *s, int64_t row, const struct corpus *c, size_t i,
			     const struct article_entities *es, const struct store_related_stems *stems,
			     char **error)
{
	struct store_related_state *x = store_related_state(s);
	const struct article *a = c->items[i];
	int32_t day = related_day(a);
	uint64_t title;
	size_t tlen;
	char *norm;
	double n;
	bool ok, ahead;

	if (x == NULL)
		return true; /* no entity model: no stop words, no related stories */
	sr_cache_check(s);
	if (!sr_forget(s, row) || !sr_mem_open(s))
		goto fail;
	n = (double)(x->mem.n + 1);
	x->ncounted = 0;
	norm = norm_string(a->title, strlen(a->title), &tlen);
	title = strtab_hash(STRTAB_HASH_INIT, norm, tlen);
	free(norm);
	if (stems == NULL) {
		if (x->stemmer == NULL)
			x->stemmer = store_related_stemmer_new(s);
		store_related_stem(x->stemmer, c, i, &x->stems);
		stems = &x->stems;
	}
	ahead = sr_ahead_take(&x->ahead, c, i);
	sr_words(s, stems, n + (double)x->ahead.articles, ahead);
	sr_entities(s, a, es, n);
	x->mem.n = (int64_t)n;
	x->mem.n_dirty = true;
	n += (double)x->ahead.articles; /* the collection the words were weighed in */
	ok = sr_put_vectors(s, row, day, title) && sr_candidates(s, row, day, &x->v, n) &&
	     sr_link(s, row, n);
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
		b->words = v.words, b->entities = v.entities, b->orgs = v.orgs;
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

/* Whether b names an organisation a's headline names. */
static bool sr_names_headline_org(const struct sr_article *a, const struct sr_article *b)
{
	for (size_t k = 0; k < a->orgs.n; k++)
		for (size_t j = 0; a->orgs.w[k] == RELATED_PLACE_MENTIONS && j < b->orgs.n; j++)
			if (b->orgs.ids[j] == a->orgs.ids[k])
				return true;
	return false;
}

/* related.c's related_cluster: whether RELATED_CLUSTER_STORIES stories of the pool scoring
 * at least low name an organisation a's headline names. */
static bool sr_cluster(struct store *s, struct sr_article *a, struct sr_article *pool, size_t npool,
		       double low)
{
	size_t lead[RELATED_CLUSTER_STORIES], n = 0;

	for (size_t i = 0; i < npool && pool[i].score >= low && n < RELATED_CLUSTER_STORIES; i++) {
		size_t k = 0;
		if (sr_is_copy_read(s, a, &pool[i]) || !sr_names_headline_org(a, sr_member(s, &pool[i])))
			continue;
		while (k < n && !sr_is_copy_read(s, &pool[lead[k]], &pool[i]))
			k++;
		if (k == n)
			lead[n++] = i;
	}
	return n == RELATED_CLUSTER_STORIES;
}

/* related.c's related_start: the score a's list's first entry needs. */
static double sr_start(struct store *s, struct sr_article *a, struct sr_article *pool, size_t npool,
		       double n)
{
	double first = sr_first_floor(n), low = sr_floor(n) * RELATED_CLUSTER_FLOOR / RELATED_FLOOR;
	size_t i = 0;
	bool about = false;

	for (size_t k = 0; k < a->orgs.n; k++)
		about = about || a->orgs.w[k] == RELATED_PLACE_MENTIONS;
	if (!about || npool == 0 || pool[0].score < low)
		return first;
	while (i < npool && sr_is_copy_read(s, a, &pool[i]))
		i++;
	if (i == npool || pool[i].score >= first || pool[i].score < low)
		return first;
	return sr_cluster(s, a, pool, npool, low) ? low : first;
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
	npool = sr_pool(s, row, floor, &pool);
	first_floor = sr_start(s, &a, pool, npool, n);
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
		ok = store_related_flush(s, error) && sr_meta_set(s, "related_rebuilt", last);
	if (!ok || !store_exec(s, "COMMIT", error)) {
		store_exec(s, "ROLLBACK", NULL);
		if (*error == NULL)
			*error = store_errmsg(s, "cannot rebuild the related stories");
		return -1;
	}
	return seen;
}
