/* store_ingest.c - articles into the store: deduplicated per feed, updated when their text
 * changed, tagged (on threads) before the one transaction that writes them. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#define XXH_INLINE_ALL
#include <xxhash.h>

#include "qari/store_related.h"
#include "store_private.h"

#define STORE_TAG_MAX_THREADS 8


void store_set_tagger(struct store *s, const struct ner_model *m, int nthreads)
{
	s->tagger = m;
	s->nthreads = nthreads < 1 ? 1 : nthreads > STORE_TAG_MAX_THREADS ? STORE_TAG_MAX_THREADS
									     : nthreads;
}

/* Tagging on threads */

/* What the tagging threads make of an article beside its entities, so the writer does less. */
struct store_ahead {
	struct store_related_stems stems; /* stems.made: made (and doc with them) */
	struct strbuf doc;                /* its document for the index (store_fts_prepare) */
};

static void store_ahead_free(struct store_ahead *a)
{
	store_related_stems_free(&a->stems);
	strbuf_free(&a->doc);
}

struct store_tag_job {
	const struct ner_model *m;
	const struct furniture *furniture; /* left out of the entities (NULL: none) */
	const struct corpus *c;
	const size_t *todo;           /* corpus positions to tag */
	size_t ntodo;
	struct article_entities *out; /* by todo index */
	struct store_related_stemmer **stemmers; /* one a thread, or NULL: nothing made ahead */
	struct store_ahead *ahead;               /* by todo index, with stemmers */
	bool stems_only;                         /* stems alone: no entities, no document */
	atomic_size_t next;
	atomic_int thread;
};

static void *store_tag_worker(void *arg)
{
	struct store_tag_job *job = arg;
	struct entity_scratch *x = entity_scratch_new();
	int thread = atomic_fetch_add(&job->thread, 1);
	size_t k;

	entity_scratch_use_furniture(x, job->furniture);
	while ((k = atomic_fetch_add(&job->next, 1)) < job->ntodo) {
		if (!job->stems_only)
			entity_extract_with(job->m, job->c->items[job->todo[k]], x, &job->out[k]);
		if (job->stemmers)
			store_related_stem(job->stemmers[thread], job->c, job->todo[k], &job->ahead[k].stems);
		if (job->stemmers && !job->stems_only)
			store_fts_prepare(job->c->items[job->todo[k]], &job->ahead[k].doc);
	}
	entity_scratch_free(x);
	return NULL;
}

/* Stemmers for every tagging thread (NULL: none, without the entity model). */
static struct store_related_stemmer **store_stemmers_new(struct store *s)
{
	struct store_related_stemmer **v = xcalloc(STORE_TAG_MAX_THREADS, sizeof *v);
	for (int i = 0; i < STORE_TAG_MAX_THREADS; i++)
		if ((v[i] = store_related_stemmer_new(s)) == NULL) {
			free(v);
			return NULL;
		}
	return v;
}

static void store_stemmers_free(struct store_related_stemmer **v)
{
	for (int i = 0; v && i < STORE_TAG_MAX_THREADS; i++)
		store_related_stemmer_free(v[i]);
	free(v);
}

/* Tag job's articles on every core (and make the rest ahead, with stemmers). */
static void store_tag(struct store *s, struct store_tag_job *job)
{
	pthread_t t[STORE_TAG_MAX_THREADS];
	int started = 0;
	job->furniture = s->furniture;
	if (job->stemmers)
		job->ahead = xcalloc(job->ntodo + 1, sizeof *job->ahead);
	for (int i = 1; i < s->nthreads && (size_t)i < job->ntodo; i++)
		if (pthread_create(&t[started], NULL, store_tag_worker, job) == 0)
			started++;
	store_tag_worker(job);
	for (int i = 0; i < started; i++)
		pthread_join(t[i], NULL);
}

/* Keys */

static void store_hash_text(XXH3_state_t *st, const char *s)
{
	uint64_t n = s ? strlen(s) : 0;
	XXH3_64bits_update(st, &n, sizeof n);
	if (n)
		XXH3_64bits_update(st, s, n);
}

/* Of everything ingest stores from the article's text: changed upstream when it differs. */
static int64_t store_article_hash(const struct article *a)
{
	XXH3_state_t st;
	XXH3_64bits_reset(&st);
	store_hash_text(&st, a->title);
	store_hash_text(&st, a->date);
	store_hash_text(&st, a->url);
	store_hash_text(&st, a->author);
	for (size_t i = 0; i < a->npara; i++)
		store_hash_text(&st, a->paras[i]);
	return (int64_t)XXH3_64bits_digest(&st);
}

/* guid, else link, else a hash of title and date. */
static char *store_dedupe_key(const struct article *a)
{
	XXH3_state_t st;
	if (a->guid && *a->guid)
		return xasprintf("g:%s", a->guid);
	if (a->url && *a->url)
		return xasprintf("l:%s", a->url);
	XXH3_64bits_reset(&st);
	store_hash_text(&st, a->title);
	store_hash_text(&st, a->date);
	return xasprintf("h:%016llx", (unsigned long long)XXH3_64bits_digest(&st));
}

/* The stored id: the article's (URL, else file path) except for a feed item without a link,
 * whose file is the feed: then the feed and the item's key. */
static void store_article_id(const struct article *a, const char *feed_url, const char *dedupe,
			     char out[ARTICLE_ID_LEN + 1])
{
	char *key;
	if (feed_url == NULL || a->url) {
		memcpy(out, a->id, ARTICLE_ID_LEN + 1);
		return;
	}
	key = xasprintf("%s#%s", feed_url, dedupe);
	article_make_id(key, out);
	free(key);
}

/* The URL of feed (NULL for 0: imported). */
static char *store_feed_url(struct store *s, int64_t feed)
{
	sqlite3_stmt *st;
	char *url = NULL;
	if (feed == 0)
		return NULL;
	st = store_prepare(s, "SELECT url FROM feeds WHERE id = ?");
	sqlite3_bind_int64(st, 1, feed);
	if (sqlite3_step(st) == SQLITE_ROW)
		url = store_column_text(st, 0);
	sqlite3_finalize(st);
	return url ? url : xasprintf("feed %lld", (long long)feed);
}

/* One article's row, before the transaction. */
struct store_row {
	char *dedupe;
	int64_t hash, rowid; /* rowid 0: new */
	bool write;          /* new or changed */
	bool tagged;         /* entities found for it */
	char aid[ARTICLE_ID_LEN + 1];
};

/* The finders' query: a row's hash and its entities' head, to tell whether it is stored as it
 * is (store_row_same). */
#define STORE_FIND_SQL "SELECT id, hash, substr(entities, 1, 16) FROM articles WHERE feed = ? AND dedupe = ?"

/* Whether st's row (STORE_FIND_SQL) holds an article of this hash as this qari would store it:
 * its text unchanged and, with a tagger, its entities packed by these rules (so importing the
 * same files again after an upgrade tags them again, with the furniture the import learns, as
 * the reader, which re-tags without it, cannot). */
static bool store_row_same(const struct store *s, sqlite3_stmt *st, int64_t hash)
{
	return sqlite3_column_int64(st, 1) == hash &&
	       !(s->tagger && article_entities_packed_stale(sqlite3_column_blob(st, 2),
							    (size_t)sqlite3_column_bytes(st, 2)));
}

static void store_find(struct store *s, int64_t feed, struct store_row *r)
{
	sqlite3_stmt *st = store_stmt(s, STORE_STMT_FIND, STORE_FIND_SQL);
	sqlite3_bind_int64(st, 1, feed);
	store_bind_text(st, 2, r->dedupe);
	r->rowid = 0;
	r->write = true;
	if (sqlite3_step(st) == SQLITE_ROW) {
		r->rowid = sqlite3_column_int64(st, 0);
		r->write = !store_row_same(s, st, r->hash);
	}
	sqlite3_reset(st);
}

static void store_body(const struct article *a, struct strbuf *sb)
{
	sb->len = 0;
	for (size_t i = 0; i < a->npara; i++)
		strbuf_append(sb, a->paras[i], strlen(a->paras[i]) + 1);
}

/* Insert or update one row; the parameters are those of both statements. */
static bool store_write(struct store *s, int64_t feed, const struct article *a,
			const struct store_row *r, const struct article_entities *es,
			struct strbuf *body, struct strbuf *ents)
{
	sqlite3_stmt *st = r->rowid
		? store_stmt(s, STORE_STMT_UPDATE,
			"UPDATE articles SET aid = ?2, hash = ?4, title = ?5, date = ?6, date_key = ?7,"
			" url = ?8, source = ?9, author = ?10, path = ?11, body = ?12, entities = ?13,"
			" fulltext = NULL WHERE id = ?14 AND feed = ?1 AND dedupe = ?3")
		: store_stmt(s, STORE_STMT_INSERT,
			"INSERT INTO articles (feed, aid, dedupe, hash, title, date, date_key, url,"
			" source, author, path, body, entities, added) VALUES"
			" (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
	bool ok;

	store_body(a, body);
	sqlite3_bind_int64(st, 1, feed);
	store_bind_text(st, 2, r->aid);
	store_bind_text(st, 3, r->dedupe);
	sqlite3_bind_int64(st, 4, r->hash);
	store_bind_text(st, 5, a->title);
	store_bind_text(st, 6, a->date);
	if (a->date_key != INT64_MIN)
		sqlite3_bind_int64(st, 7, a->date_key);
	store_bind_text(st, 8, a->url);
	store_bind_text(st, 9, a->source);
	store_bind_text(st, 10, a->author);
	store_bind_text(st, 11, a->path);
	sqlite3_bind_blob(st, 12, body->data ? body->data : "", (int)body->len, SQLITE_STATIC);
	if (es) {
		ents->len = 0;
		article_entities_pack(es, ents);
		sqlite3_bind_blob(st, 13, ents->data, (int)ents->len, SQLITE_STATIC);
	}
	sqlite3_bind_int64(st, 14, r->rowid ? r->rowid : (int64_t)time(NULL));
	ok = sqlite3_step(st) == SQLITE_DONE;
	sqlite3_reset(st);
	return ok;
}

/* What needs writing, and the entities of that. */
static size_t store_plan(struct store *s, int64_t feed, const struct corpus *c, size_t from,
			 size_t to, struct store_row *rows, struct store_ingest *res)
{
	size_t nwrite = 0;
	char *url = store_feed_url(s, feed);

	for (size_t i = from; i < to; i++) {
		struct store_row *r = &rows[i - from];
		const struct article *a = c->items[i];
		r->dedupe = store_dedupe_key(a);
		r->hash = store_article_hash(a);
		store_article_id(a, url, r->dedupe, r->aid);
		store_find(s, feed, r);
		/* the same item twice in one batch: the first is kept */
		for (size_t k = 0; k < i - from && r->write; k++)
			if (rows[k].write && strcmp(rows[k].dedupe, r->dedupe) == 0)
				r->write = false;
		if (!r->write)
			res->unchanged++;
		nwrite += r->write;
	}
	free(url);
	return nwrite;
}

/* Entities found ahead of a batch's transaction (store_import), by corpus position - from. */
struct store_pretag {
	struct article_entities *es;
	struct store_ahead *ahead; /* or NULL */
	uint8_t *have;
};

/* The entities of the rows to write: taken from pre where it found them, the rest tagged now
 * on threads (outside the transaction: writers wait less). */
static void store_tag_rows(struct store *s, const struct corpus *c, size_t from,
			   struct store_pretag *pre, struct store_tag_job *job)
{
	struct store_tag_job rest = {.m = s->tagger, .c = c, .stemmers = store_stemmers_new(s)};
	size_t *todo = xcalloc(job->ntodo ? job->ntodo : 1, sizeof *todo);
	size_t *slot = xcalloc(job->ntodo ? job->ntodo : 1, sizeof *slot);

	job->ahead = xcalloc(job->ntodo + 1, sizeof *job->ahead);
	for (size_t t = 0; t < job->ntodo; t++) {
		size_t k = job->todo[t] - from;
		if (pre && pre->have[k]) {
			job->out[t] = pre->es[k];
			if (pre->ahead) {
				job->ahead[t] = pre->ahead[k];
				pre->ahead[k] = (struct store_ahead){0};
			}
			pre->have[k] = 0; /* moved */
		} else {
			slot[rest.ntodo] = t;
			todo[rest.ntodo++] = job->todo[t];
		}
	}
	if (rest.ntodo) {
		rest.todo = todo;
		rest.out = xcalloc(rest.ntodo, sizeof *rest.out);
		store_tag(s, &rest);
		for (size_t t = 0; t < rest.ntodo; t++) {
			job->out[slot[t]] = rest.out[t];
			if (rest.ahead)
				job->ahead[slot[t]] = rest.ahead[t];
		}
		free(rest.out);
		free(rest.ahead);
	}
	store_stemmers_free(rest.stemmers);
	free(slot);
	free(todo);
}

/* The writer's transaction, open over the rows of one or more calls of store_ingest_rows
 * (store_import's pieces) until store_txn_commit: its new rows are indexed for search in one
 * statement there, and the related stories' working copy written back once. */
struct store_txn {
	bool open;
	struct store_ingest r; /* counted in it: given to the caller at COMMIT */
	int64_t *added;        /* the rows inserted, by r.added */
	struct strbuf *docs;   /* their documents for the index, made ahead (owned) */
	size_t cap;
	bool docs_missing;     /* an inserted row's document was not made ahead */
};

static void store_txn_clear(struct store_txn *x)
{
	for (size_t i = 0; i < x->r.added; i++)
		strbuf_free(&x->docs[i]);
	free(x->docs);
	free(x->added);
	*x = (struct store_txn){0};
}

static void store_txn_rollback(struct store *s, struct store_txn *x)
{
	if (x->open)
		store_exec(s, "ROLLBACK", NULL);
	store_txn_clear(x);
}

/* Note row (inserted) and its document made ahead (taken from doc; NULL: none). */
static void store_txn_added(struct store_txn *x, int64_t row, struct strbuf *doc)
{
	if (x->r.added + 1 > x->cap) {
		size_t cap = x->cap;
		xgrow(&x->added, &cap, x->r.added + 1, sizeof *x->added);
		xgrow(&x->docs, &x->cap, x->r.added + 1, sizeof *x->docs);
	}
	x->added[x->r.added] = row;
	x->docs[x->r.added] = (struct strbuf){0};
	if (doc) {
		x->docs[x->r.added] = *doc;
		*doc = (struct strbuf){0};
	} else {
		x->docs_missing = true;
	}
	x->r.added++;
}

/* Write the transaction's index and related stories, and COMMIT; its counts into res. False
 * with *error: rolled back, nothing of it stored. */
static bool store_txn_commit(struct store *s, struct store_txn *x, struct store_ingest *res,
			     char **error)
{
	bool ok = true;

	if (x->open) {
		ok = store_related_flush(s, error) &&
		     store_fts_index_rows(s, x->added, x->docs_missing ? NULL : x->docs, x->r.added,
					  error) &&
		     store_exec(s, "COMMIT", error);
		if (!ok) {
			store_exec(s, "ROLLBACK", NULL);
			x->r.added = x->r.updated = 0;
		}
	}
	if (res) {
		res->added += x->r.added;
		res->updated += x->r.updated;
		res->unchanged += x->r.unchanged;
	}
	x->open = false;
	store_txn_clear(x);
	return ok;
}

/* Write articles [from, to) in the transaction x (begun when it is not open), with the
 * entities pre found ahead (NULL: none). False with *error: x rolled back. */
static bool store_ingest_rows(struct store *s, int64_t feed, const struct corpus *c, size_t from,
			      size_t to, struct store_pretag *pre, struct store_txn *x,
			      char **error)
{
	struct store_row *rows = xcalloc(to > from ? to - from : 1, sizeof *rows);
	struct store_tag_job job = {.m = s->tagger, .c = c};
	struct strbuf body = {0}, ents = {0};
	size_t *todo, k = 0;
	bool ok = true;

	*error = NULL;
	if (s->read_only) {
		free(rows);
		store_txn_rollback(s, x);
		return *error = xasprintf("%s: written by a newer qari: read only", s->path), false;
	}
	todo = xcalloc(to > from ? to - from : 1, sizeof *todo);
	job.ntodo = store_plan(s, feed, c, from, to, rows, &x->r);
	for (size_t i = from; i < to; i++)
		if (rows[i - from].write)
			todo[k++] = i;
	job.todo = todo;
	job.out = xcalloc(job.ntodo ? job.ntodo : 1, sizeof *job.out);
	if (s->tagger && job.ntodo)
		store_tag_rows(s, c, from, pre, &job);
	if (job.ntodo && !x->open)
		ok = x->open = store_exec(s, "BEGIN IMMEDIATE", error);
	if (ok && x->open && s->furniture_unsaved) /* kept with the first rows it tagged */
		ok = store_furniture_save(s, c, error);
	s->fts_deferred = true; /* the new rows indexed at the commit: one FTS5 segment */
	s->entity_terms_written = true; /* from the entities in hand, not unpacked again */
	for (size_t t = 0; ok && t < job.ntodo; t++) {
		struct store_row *row = &rows[todo[t] - from];
		struct store_ahead *ahead = job.ahead && job.ahead[t].stems.made ? &job.ahead[t] : NULL;
		int64_t id = row->rowid;
		ok = store_write(s, feed, c->items[todo[t]], row, s->tagger ? &job.out[t] : NULL,
				 &body, &ents);
		if (ok && id == 0)
			id = sqlite3_last_insert_rowid(s->db);
		ok = ok && (!s->tagger || store_entity_terms_write(s, id, &job.out[t]));
		if (ok && row->rowid == 0)
			store_txn_added(x, id, ahead ? &ahead->doc : NULL);
		else if (ok)
			x->r.updated++;
		ok = ok && store_related_add_stems(s, id, c, todo[t],
						   s->tagger ? &job.out[t] : NULL,
						   ahead ? &ahead->stems : NULL, error);
		if (!ok && *error == NULL)
			*error = store_errmsg(s, "cannot store an article");
	}
	s->fts_deferred = false;
	s->entity_terms_written = false;
	if (!ok)
		store_txn_rollback(s, x);
	for (size_t t = 0; t < job.ntodo; t++) {
		article_entities_free(&job.out[t]);
		if (job.ahead)
			store_ahead_free(&job.ahead[t]);
	}
	free(job.ahead);
	for (size_t i = 0; i < to - from; i++)
		free(rows[i].dedupe);
	free(job.out);
	free(todo);
	free(rows);
	strbuf_free(&body);
	strbuf_free(&ents);
	return ok;
}

/* The site furniture of c's articles, learned from them all as memory learns it from the
 * articles it loads, so an article is tagged as memory tags it (s->furniture until
 * store_furniture_end). */
static void store_furniture_learn(struct store *s, const struct corpus *c, struct furniture *f)
{
	furniture_learn(f, c);
	s->furniture = f;
	s->furniture_unsaved = true;
}

/* ok: the rows were written; the furniture kept then in a transaction of its own when none
 * of them was (every row unchanged: the same files imported again). */
static bool store_furniture_end(struct store *s, const struct corpus *c, struct furniture *f,
				bool ok, char **error)
{
	if (ok && s->furniture_unsaved && !s->read_only)
		ok = store_furniture_save(s, c, error);
	s->furniture = NULL;
	s->furniture_unsaved = false;
	furniture_free(f);
	return ok;
}

bool store_ingest(struct store *s, int64_t feed, const struct corpus *c, size_t from, size_t to,
		  struct store_ingest *res, char **error)
{
	struct store_txn x = {0};
	struct furniture f;
	bool ok;

	store_furniture_learn(s, c, &f);
	ok = store_ingest_rows(s, feed, c, from, to, NULL, &x, error) &&
	     store_txn_commit(s, &x, res, error);
	return store_furniture_end(s, c, &f, ok, error);
}

/* Importing: tagging ahead on this thread, writing on another */

/* Articles tagged ahead in pieces of at most this many (and of at most a batch): the writer
 * writes each as it comes (tagging and writing overlap), in a transaction it commits at the
 * end of each of store_import's batches. */
#define STORE_IMPORT_PIECE 256
/* Pieces tagged ahead of the writer at most: tagging goes on while it commits. */
#define STORE_IMPORT_QUEUE 4

/* One piece on its way to the writer. */
struct store_import_batch {
	size_t from, to;
	struct store_pretag pre;
};

struct store_import {
	struct store *s;
	int64_t feed;
	const struct corpus *c;
	size_t batch;                    /* articles a transaction */
	struct store_txn txn;            /* the writer's */
	pthread_mutex_t lock;
	pthread_cond_t changed;
	struct store_import_batch *queue[STORE_IMPORT_QUEUE]; /* for the writer, a ring */
	size_t head, nqueued;
	bool done;                       /* no more batches come */
	bool failed;                     /* the writer stopped at error */
	char *error;
	struct store_ingest res;
};

static void store_import_batch_free(struct store_import_batch *b)
{
	for (size_t i = 0; b->pre.have && i < b->to - b->from; i++)
		if (b->pre.have[i])
			article_entities_free(&b->pre.es[i]);
	for (size_t i = 0; b->pre.ahead && i < b->to - b->from; i++)
		store_ahead_free(&b->pre.ahead[i]);
	free(b->pre.ahead);
	free(b->pre.es);
	free(b->pre.have);
	free(b);
}

/* Whether the store holds the article with key dedupe as it is (find: by feed and key). */
static bool store_stored_same(const struct store *s, sqlite3_stmt *find, int64_t feed,
			      const char *dedupe, int64_t hash)
{
	bool same;
	sqlite3_bind_int64(find, 1, feed);
	store_bind_text(find, 2, dedupe);
	same = sqlite3_step(find) == SQLITE_ROW && store_row_same(s, find, hash);
	sqlite3_reset(find);
	return same;
}

/* Tag ahead what the batch's transaction will write, as far as the committed rows tell (a
 * batch still being written may hold some: the writer plans again, and tags what is
 * missing, and a guess too many is only tagging undone). */
static void store_import_pretag(struct store *s, sqlite3_stmt *find, int64_t feed,
				const struct corpus *c, struct store_related_stemmer **stemmers,
				struct store_import_batch *b)
{
	size_t n = b->to - b->from;
	struct store_tag_job job = {.m = s->tagger, .c = c, .stemmers = stemmers};
	size_t *todo = xcalloc(n ? n : 1, sizeof *todo);
	char **keys = xcalloc(n ? n : 1, sizeof *keys);

	b->pre.es = xcalloc(n ? n : 1, sizeof *b->pre.es);
	b->pre.ahead = stemmers ? xcalloc(n ? n : 1, sizeof *b->pre.ahead) : NULL;
	b->pre.have = xcalloc(n ? n : 1, 1);
	for (size_t i = 0; i < n; i++) {
		const struct article *a = c->items[b->from + i];
		bool again = false;
		keys[i] = store_dedupe_key(a);
		if (find && store_stored_same(s, find, feed, keys[i], store_article_hash(a)))
			continue;
		for (size_t t = 0; t < job.ntodo && !again; t++) /* the first of two is kept */
			again = strcmp(keys[todo[t] - b->from], keys[i]) == 0;
		if (!again)
			todo[job.ntodo++] = b->from + i;
	}
	job.todo = todo;
	job.out = xcalloc(job.ntodo ? job.ntodo : 1, sizeof *job.out);
	if (job.ntodo)
		store_tag(s, &job);
	for (size_t t = 0; t < job.ntodo; t++) {
		b->pre.es[todo[t] - b->from] = job.out[t];
		if (job.ahead)
			b->pre.ahead[todo[t] - b->from] = job.ahead[t];
		b->pre.have[todo[t] - b->from] = 1;
	}
	free(job.ahead);
	for (size_t i = 0; i < n; i++)
		free(keys[i]);
	free(keys);
	free(job.out);
	free(todo);
}

/* Articles stemmed at a time to count the import's df ahead. */
#define STORE_IMPORT_COUNT_PIECE 1024

/* Count ahead the stems of every article the import will write (as far as the committed rows
 * tell; the first of two with one key), so the writer weighs words by the df the import ends
 * with (store_related_ahead_count): a second stemming of each, on every core. */
static void store_import_count(struct store *s, sqlite3_stmt *find, int64_t feed,
			       const struct corpus *c, struct store_related_stemmer **stemmers)
{
	struct strtab keys;
	size_t *todo = xcalloc(STORE_IMPORT_COUNT_PIECE, sizeof *todo);

	strtab_init(&keys);
	for (size_t from = 0; from < c->n; from += STORE_IMPORT_COUNT_PIECE) {
		size_t to = from + STORE_IMPORT_COUNT_PIECE < c->n ? from + STORE_IMPORT_COUNT_PIECE : c->n;
		struct store_tag_job job = {.c = c, .stemmers = stemmers, .stems_only = true, .todo = todo};
		for (size_t i = from; i < to; i++) {
			const struct article *a = c->items[i];
			char *key = store_dedupe_key(a);
			size_t was = keys.n;
			strtab_intern(&keys, key, strlen(key));
			if (keys.n > was && !(find && store_stored_same(s, find, feed, key, store_article_hash(a))))
				todo[job.ntodo++] = i;
			free(key);
		}
		if (job.ntodo)
			store_tag(s, &job);
		for (size_t t = 0; t < job.ntodo; t++) {
			store_related_ahead_count(s, c, todo[t], &job.ahead[t].stems);
			store_ahead_free(&job.ahead[t]);
		}
		free(job.ahead);
	}
	strtab_free(&keys);
	free(todo);
}

/* Where the piece from from ends: STORE_IMPORT_PIECE on, or the end of its batch. */
static size_t store_import_piece_end(const struct store_import *im, size_t from)
{
	size_t to = from + STORE_IMPORT_PIECE, end = (from / im->batch + 1) * im->batch;
	if (to > end)
		to = end;
	return to < im->c->n ? to : im->c->n;
}

/* Write piece b (NULL: the last was written) in the writer's transaction, committed at the
 * end of a batch and at the end. */
static bool store_import_write(struct store_import *im, struct store_import_batch *b,
			       char **error)
{
	struct store_txn *x = &im->txn;
	if (b && !store_ingest_rows(im->s, im->feed, im->c, b->from, b->to, &b->pre, x, error))
		return false;
	if (b == NULL || b->to % im->batch == 0)
		return store_txn_commit(im->s, x, &im->res, error);
	return true;
}

static void *store_import_writer(void *arg)
{
	struct store_import *im = arg;
	for (;;) {
		struct store_import_batch *b;
		char *error = NULL;
		bool failed;

		pthread_mutex_lock(&im->lock);
		while (im->nqueued == 0 && !im->done)
			pthread_cond_wait(&im->changed, &im->lock);
		b = NULL;
		if (im->nqueued) {
			b = im->queue[im->head];
			im->head = (im->head + 1) % STORE_IMPORT_QUEUE;
			im->nqueued--;
		}
		failed = im->failed;
		pthread_cond_broadcast(&im->changed);
		pthread_mutex_unlock(&im->lock);
		if (!failed && !store_import_write(im, b, &error)) {
			pthread_mutex_lock(&im->lock);
			im->failed = true;
			im->error = error;
			pthread_cond_broadcast(&im->changed);
			pthread_mutex_unlock(&im->lock);
		}
		if (b == NULL)
			return NULL;
		store_import_batch_free(b);
	}
}

/* Hand b to the writer once its queue has room; false (b freed) when it failed. */
static bool store_import_hand(struct store_import *im, struct store_import_batch *b)
{
	bool ok;
	pthread_mutex_lock(&im->lock);
	while (im->nqueued == STORE_IMPORT_QUEUE && !im->failed)
		pthread_cond_wait(&im->changed, &im->lock);
	ok = !im->failed;
	if (ok)
		im->queue[(im->head + im->nqueued++) % STORE_IMPORT_QUEUE] = b;
	pthread_cond_broadcast(&im->changed);
	pthread_mutex_unlock(&im->lock);
	if (!ok)
		store_import_batch_free(b);
	return ok;
}

/* A connection of this thread's own for the lookups of tagging ahead (NULL: tag nothing
 * ahead; the writer tags it all). */
static sqlite3_stmt *store_import_finder(struct store *s, sqlite3 **db)
{
	sqlite3_stmt *st = NULL;
	*db = NULL;
	if (sqlite3_open_v2(s->path, db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) !=
		    SQLITE_OK ||
	    sqlite3_prepare_v2(*db, STORE_FIND_SQL, -1, &st, NULL) != SQLITE_OK) {
		sqlite3_close(*db);
		*db = NULL;
		return NULL;
	}
	sqlite3_busy_timeout(*db, STORE_BUSY_MS);
	return st;
}

bool store_import(struct store *s, int64_t feed, const struct corpus *c, size_t batch,
		  struct store_ingest *res, char **error)
{
	struct store_import im = {.s = s, .feed = feed, .c = c, .batch = batch ? batch : 1};
	struct store_related_stemmer **stemmers;
	struct furniture f;
	sqlite3 *rd = NULL;
	sqlite3_stmt *find;
	pthread_t writer;
	bool ok;

	*error = NULL;
	if (s->read_only)
		return *error = xasprintf("%s: written by a newer qari: read only", s->path), false;
	store_furniture_learn(s, c, &f);
	pthread_mutex_init(&im.lock, NULL);
	pthread_cond_init(&im.changed, NULL);
	store_bulk(s, true);
	find = s->tagger ? store_import_finder(s, &rd) : NULL;
	/* made before the writer starts: the first makes store_related.c's state */
	stemmers = s->tagger ? store_stemmers_new(s) : NULL;
	if (stemmers)
		store_import_count(s, find, feed, c, stemmers);
	if (pthread_create(&writer, NULL, store_import_writer, &im) != 0) {
		ok = true; /* no thread: one piece after the other */
		for (size_t from = 0; ok && from < c->n;) {
			struct store_import_batch b = {.from = from, .to = store_import_piece_end(&im, from)};
			ok = store_import_write(&im, &b, error);
			from = b.to;
		}
		ok = ok && store_import_write(&im, NULL, error);
	} else {
		for (size_t from = 0; from < c->n; from = store_import_piece_end(&im, from)) {
			struct store_import_batch *b = xcalloc(1, sizeof *b);
			b->from = from;
			b->to = store_import_piece_end(&im, from);
			if (s->tagger)
				store_import_pretag(s, find, feed, c, stemmers, b);
			if (!store_import_hand(&im, b))
				break;
		}
		pthread_mutex_lock(&im.lock);
		im.done = true;
		pthread_cond_broadcast(&im.changed);
		pthread_mutex_unlock(&im.lock);
		pthread_join(writer, NULL);
		ok = !im.failed;
		*error = im.error;
	}
	if (res) {
		res->added += im.res.added;
		res->updated += im.res.updated;
		res->unchanged += im.res.unchanged;
	}
	store_stemmers_free(stemmers);
	store_related_ahead_end(s);
	sqlite3_finalize(find);
	sqlite3_close(rd);
	store_bulk(s, false);
	ok = store_furniture_end(s, c, &f, ok, error);
	pthread_cond_destroy(&im.changed);
	pthread_mutex_destroy(&im.lock);
	return ok;
}

bool store_set_fulltext(struct store *s, int64_t row, char *const *paras, size_t n,
			const struct article_entities *es, char **error)
{
	sqlite3_stmt *st = store_stmt(s, STORE_STMT_FULLTEXT,
		"UPDATE articles SET fulltext = ?2, entities = ?3 WHERE id = ?1");
	struct strbuf sb = {0}, ents = {0};
	bool ok;

	for (size_t i = 0; i < n; i++)
		strbuf_append(&sb, paras[i], strlen(paras[i]) + 1);
	sqlite3_bind_int64(st, 1, row);
	sqlite3_bind_blob(st, 2, sb.data ? sb.data : "", (int)sb.len, SQLITE_STATIC);
	if (es) {
		article_entities_pack(es, &ents);
		sqlite3_bind_blob(st, 3, ents.data, (int)ents.len, SQLITE_STATIC);
	}
	ok = sqlite3_step(st) == SQLITE_DONE;
	if (!ok)
		*error = store_errmsg(s, "cannot store the page text");
	sqlite3_reset(st);
	strbuf_free(&sb);
	strbuf_free(&ents);
	return ok;
}
