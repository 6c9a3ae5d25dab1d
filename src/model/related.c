/* related.c - IDF-weighted entity and word vectors per article, posting lists, and the
 * ranking of an article's neighbours. */
#include "qari/related.h"

#include <math.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "qari/normalize.h"
#include "qari/search.h"
#include "qari/strtab.h"
#include "qari/xalloc.h"

#define RELATED_MIN_LETTERS 3 /* shorter stems carry little meaning */
#define RELATED_MAX_THREADS 8
#define RELATED_MIN_SHARE 256 /* articles a thread: fewer are not worth a thread */

static bool related_cancelled(const struct related_index *x)
{
	return x->cancel && atomic_load(x->cancel);
}

static int related_u32_cmp(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return x < y ? -1 : x > y;
}

static size_t related_letters(const char *s, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += ((unsigned char)s[i] & 0xC0) != 0x80;
	return k;
}


/* A vector being made: ids and weights, room for cap; and scratch for making it. */
struct related_work {
	uint32_t *ids;
	float *w;
	size_t n, cap;
	uint32_t *seen;        /* per id: its place in ids + 1 while an article is counted, else 0 */
	size_t seen_cap;
	struct related_pair *p; /* room for cap pairs, for sorting */
};

struct related_pair {
	uint32_t id;
	float w;
};

static void related_work_room(struct related_work *v, size_t n)
{
	if (n <= v->cap)
		return;
	v->cap = n;
	v->ids = xreallocarray(v->ids, n, sizeof *v->ids);
	v->w = xreallocarray(v->w, n, sizeof *v->w);
	v->p = xreallocarray(v->p, n, sizeof *v->p);
}

static void related_work_free(struct related_work *v)
{
	free(v->ids);
	free(v->w);
	free(v->seen);
	free(v->p);
}

static int related_pair_cmp(const void *a, const void *b)
{
	return related_u32_cmp(&((const struct related_pair *)a)->id, &((const struct related_pair *)b)->id);
}

/* Vectors are looked up by binary search: ids ascending. */
static void related_sort_pairs(struct related_work *v)
{
	related_work_room(v, v->n + 1);
	for (size_t i = 0; i < v->n; i++)
		v->p[i] = (struct related_pair){v->ids[i], v->w[i]};
	xqsort(v->p, v->n, sizeof *v->p, related_pair_cmp);
	for (size_t i = 0; i < v->n; i++)
		v->ids[i] = v->p[i].id, v->w[i] = v->p[i].w;
}

/* Ids with repeats → distinct ids, ascending, with counts in w: counted in place by id, so
 * only the distinct ones are sorted (sorting every word of every article took a tenth of
 * the related stories' time). */
static void related_count(const uint32_t *ids, size_t n, struct related_work *v)
{
	related_work_room(v, n + 1);
	v->n = 0;
	for (size_t i = 0; i < n; i++) {
		if (ids[i] >= v->seen_cap) {
			size_t had = v->seen_cap;
			xgrow(&v->seen, &v->seen_cap, (size_t)ids[i] + 1, sizeof *v->seen);
			memset(v->seen + had, 0, (v->seen_cap - had) * sizeof *v->seen);
		}
		if (v->seen[ids[i]] == 0) {
			v->ids[v->n] = ids[i];
			v->w[v->n] = 0;
			v->seen[ids[i]] = (uint32_t)++v->n;
		}
		v->w[v->seen[ids[i]] - 1] += 1;
	}
	for (size_t i = 0; i < v->n; i++)
		v->seen[v->ids[i]] = 0;
	related_sort_pairs(v);
}

/* Counts → (1 + ln tf) · idf, then unit length. */
static void related_weigh(struct related_work *v, const double *idf)
{
	double norm = 0;
	for (size_t i = 0; i < v->n; i++) {
		v->w[i] = (float)((1 + log(v->w[i])) * idf[v->ids[i]]);
		norm += (double)v->w[i] * v->w[i];
	}
	norm = sqrt(norm);
	for (size_t i = 0; i < v->n && norm > 0; i++)
		v->w[i] = (float)(v->w[i] / norm);
}

static int related_pair_by_weight(const void *a, const void *b)
{
	const struct related_pair *x = a, *y = b;
	if (x->w != y->w)
		return x->w > y->w ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

/* Move down the heap p[0..n) whose root is the worst (last by weight) of its pairs. */
static void related_sift(struct related_pair *p, size_t n, size_t i)
{
	for (size_t c; (c = 2 * i + 1) < n; i = c) {
		if (c + 1 < n && related_pair_by_weight(&p[c + 1], &p[c]) > 0)
			c++;
		if (related_pair_by_weight(&p[c], &p[i]) <= 0)
			break;
		struct related_pair t = p[i];
		p[i] = p[c];
		p[c] = t;
	}
}

/* The k best of p[0..n) by weight (ties: lower id) into p[0..k), in no order: a heap of the
 * best so far, whose root each better pair replaces. The order is total, so the k are the
 * same as a full sort's. */
static void related_select_top(struct related_pair *p, size_t n, size_t k)
{
	for (size_t i = k / 2; i-- > 0;)
		related_sift(p, k, i);
	for (size_t i = k; i < n; i++)
		if (related_pair_by_weight(&p[i], &p[0]) < 0) {
			p[0] = p[i];
			related_sift(p, k, 0);
		}
}

/* Only the article's k most telling words (highest tf-idf) stay, at unit length again: the
 * rest weigh little in a cosine, yet a full vocabulary per article with its postings cost
 * about 7 KB an article (200 MB on SaudiNewsNet) and every query walked the long posting
 * lists of common words. */
static void related_keep_top(struct related_work *v, size_t k)
{
	double norm = 0;

	if (v->n <= k)
		return;
	for (size_t i = 0; i < v->n; i++)
		v->p[i] = (struct related_pair){v->ids[i], v->w[i]};
	related_select_top(v->p, v->n, k);
	xqsort(v->p, k, sizeof *v->p, related_pair_cmp);
	for (size_t i = 0; i < k; i++)
		norm += (double)v->p[i].w * v->p[i].w;
	norm = sqrt(norm);
	for (size_t i = 0; i < k; i++)
		v->ids[i] = v->p[i].id, v->w[i] = norm > 0 ? (float)(v->p[i].w / norm) : 0;
	v->n = k;
}

static void related_vecs_put(struct related_vecs *vs, size_t a, const struct related_work *v)
{
	uint32_t at = vs->at[a];
	memcpy(vs->ids + at, v->ids, v->n * sizeof *v->ids);
	memcpy(vs->w + at, v->w, v->n * sizeof *v->w);
	vs->at[a + 1] = at + (uint32_t)v->n;
}

/* Give back the room left over: vs was sized for the most it could hold. */
static void related_vecs_fit(struct related_vecs *vs, size_t narticles)
{
	size_t n = vs->at[narticles];
	vs->ids = xreallocarray(vs->ids, n + 1, sizeof *vs->ids);
	vs->w = xreallocarray(vs->w, n + 1, sizeof *vs->w);
}

static struct related_vec related_vec_of(const struct related_vecs *vs, size_t a)
{
	uint32_t at = vs->at[a];
	return (struct related_vec){vs->ids + at, vs->w + at, vs->at[a + 1] - at};
}

/* The transpose of the articles' vectors (ids below nids): for each id, the articles that
 * hold it, ascending, with its weight there. */
static void related_postings_build(struct related_postings *p, const struct related_vecs *vs,
				   size_t narticles, size_t nids)
{
	size_t total = 0, end = vs->at ? vs->at[narticles] : 0;

	p->n = nids;
	p->at = xcalloc(nids + 2, sizeof *p->at);
	for (size_t i = 0; i < end; i++)
		p->at[vs->ids[i] + 2]++;
	for (size_t id = 0; id < nids; id++) { /* at[id + 2]: counts → at[id + 1]: starts */
		total += p->at[id + 2];
		p->at[id + 2] = (uint32_t)total;
	}
	p->v = xcalloc(total + 1, sizeof *p->v);
	for (size_t a = 0; a < narticles; a++)
		for (uint32_t i = vs->at[a]; i < vs->at[a + 1]; i++)
			p->v[p->at[vs->ids[i] + 1]++] = (struct related_posting){(uint32_t)a, vs->w[i]};
}

static void related_postings_free(struct related_postings *p)
{
	free(p->at);
	free(p->v);
}

static void related_entity_vectors(struct related_index *x)
{
	const struct entity_table *t = x->entities;
	struct related_work v = {0};
	size_t total = 0;

	x->eidf = xcalloc(t->n + 1, sizeof *x->eidf);
	for (size_t k = 0; k < t->n; k++)
		x->eidf[k] = t->items[k].articles ? log(1 + (double)x->narticles / (double)t->items[k].articles) : 0;
	for (size_t a = 0; a < x->narticles; a++)
		total += t->per_article[a].n;
	x->ent.at = xcalloc(x->narticles + 1, sizeof *x->ent.at);
	x->ent.ids = xcalloc(total + 1, sizeof *x->ent.ids);
	x->ent.w = xcalloc(total + 1, sizeof *x->ent.w);
	for (size_t a = 0; a < x->narticles; a++) {
		const struct article_entities *es = &t->per_article[a];
		related_work_room(&v, es->n + 1);
		v.n = 0;
		for (size_t k = 0; k < es->n; k++) {
			size_t at = v.n;
			if (es->v[k].type == ENTITY_MISC)
				continue;
			for (size_t l = 0; l < v.n; l++)
				if (v.ids[l] == es->v[k].id)
					at = l; /* two article entities merged into one corpus entity */
			if (at == v.n)
				v.ids[v.n++] = es->v[k].id, v.w[at] = 0;
			v.w[at] += (float)es->v[k].nmentions;
		}
		related_sort_pairs(&v);
		related_weigh(&v, x->eidf);
		related_vecs_put(&x->ent, a, &v);
	}
	related_vecs_fit(&x->ent, x->narticles);
	related_work_free(&v);
}

/* The stems of one article as word ids, appended to *ids: interned into vocab (the first
 * pass), or only looked up in a shared one (the second: every one is there). */
struct related_words {
	const struct ner_lexicon *lex;
	struct strtab vocab;       /* the first pass's own */
	const struct strtab *find; /* the second pass's, shared by the threads */
	bool intern;
	const struct search_index *search; /* or NULL */
	struct strbuf norm;                /* an article's matching form from there */
	struct norm_text t;
	struct norm_token *toks;
	size_t tcap;
	uint32_t *ids;
	size_t nids, icap;
};

/* The stems of one text already in matching form (one line of it: no '\n'). */
static void related_words(const char *s, size_t len, struct related_words *rw)
{
	size_t n = 0;
	norm_tokenize(s, len, &rw->toks, &n, &rw->tcap);
	for (size_t i = 0; i < n; i++) {
		const char *w = s + rw->toks[i].beg;
		size_t wlen = rw->toks[i].end - rw->toks[i].beg;
		struct norm_split sp;
		uint32_t id = 0;
		if (rw->toks[i].kind != NORM_TOKEN_WORD || ner_lexicon_is_stop(rw->lex, w, wlen))
			continue;
		norm_word_split(w, wlen, &sp);
		if (related_letters(w + sp.stem, wlen - sp.stem) < RELATED_MIN_LETTERS)
			continue;
		if (rw->intern)
			id = strtab_intern(&rw->vocab, w + sp.stem, wlen - sp.stem);
		else
			strtab_find(rw->find, w + sp.stem, wlen - sp.stem, &id);
		if (rw->nids == rw->icap)
			xgrow(&rw->ids, &rw->icap, rw->nids + 1, sizeof *rw->ids);
		rw->ids[rw->nids++] = id;
	}
}

static void related_text_words(const char *text, struct related_words *rw)
{
	norm_text_set(&rw->t, text, strlen(text), false);
	related_words(rw->t.s, rw->t.len, rw);
}

/* Article a's stems: from the search index's matching form when it has it (normalising
 * 100 MB of text was most of this module's time), else from the text. */
static void related_article_words(struct related_words *rw, const struct corpus *c, size_t a)
{
	const struct article *art = c->items[a];

	rw->nids = 0;
	if (rw->search && search_index_unpack(rw->search, a, &rw->norm)) {
		for (const char *s = rw->norm.data, *end = s + rw->norm.len, *nl; rw->norm.len && s < end;
		     s = nl + 1) {
			nl = memchr(s, '\n', (size_t)(end - s));
			nl = nl ? nl : end;
			related_words(s, (size_t)(nl - s), rw);
		}
		return;
	}
	related_text_words(art->title, rw);
	for (size_t p = 0; p < art->npara; p++)
		related_text_words(art->paras[p], rw);
}

static void related_words_free(struct related_words *rw)
{
	strbuf_free(&rw->norm);
	free(rw->ids);
	free(rw->toks);
	norm_text_free(&rw->t);
	strtab_free(&rw->vocab);
}

/* One thread's share of a pass over the words: articles [from, to). Normalising 100 MB of
 * text is most of the related stories' time, so both passes run on every core. */
struct related_job {
	struct related_index *x;
	size_t from, to;
	struct related_words rw;
	size_t *df, dcap;   /* pass one: articles per word of rw.vocab */
	const double *idf;  /* pass two: per word of the shared vocabulary */
};

/* Pass one: this share's vocabulary, and in how many of its articles each word is. */
static void *related_df_worker(void *arg)
{
	struct related_job *job = arg;
	const struct corpus *c = job->x->entities->corpus;
	struct related_work v = {0};

	job->rw.intern = true;
	for (size_t a = job->from; a < job->to && !related_cancelled(job->x); a++) {
		size_t had = job->dcap;
		related_article_words(&job->rw, c, a);
		related_count(job->rw.ids, job->rw.nids, &v);
		xgrow(&job->df, &job->dcap, job->rw.vocab.n + 1, sizeof *job->df);
		memset(job->df + had, 0, (job->dcap - had) * sizeof *job->df);
		for (size_t i = 0; i < v.n; i++)
			job->df[v.ids[i]]++;
	}
	related_work_free(&v);
	return NULL;
}

/* Pass two: each article's strongest words, at article a's slot a × RELATED_WORD_TERMS of
 * x->word (their number in at[a + 1]; related_vecs_pack closes the gaps). */
static void *related_vec_worker(void *arg)
{
	struct related_job *job = arg;
	struct related_index *x = job->x;
	const struct corpus *c = x->entities->corpus;
	struct related_work v = {0};

	job->rw.intern = false;
	for (size_t a = job->from; a < job->to && !related_cancelled(x); a++) {
		size_t at = a * RELATED_WORD_TERMS;
		related_article_words(&job->rw, c, a);
		related_count(job->rw.ids, job->rw.nids, &v);
		related_weigh(&v, job->idf);
		related_keep_top(&v, RELATED_WORD_TERMS);
		memcpy(x->word.ids + at, v.ids, v.n * sizeof *v.ids);
		memcpy(x->word.w + at, v.w, v.n * sizeof *v.w);
		x->word.at[a + 1] = (uint32_t)v.n;
	}
	related_work_free(&v);
	return NULL;
}

/* Run fn over jobs, one thread each (the first here; a thread not to be had: here too). */
static void related_run(struct related_job *jobs, size_t nj, void *(*fn)(void *))
{
	pthread_t threads[RELATED_MAX_THREADS];
	bool started[RELATED_MAX_THREADS] = {false};

	for (size_t j = 1; j < nj; j++)
		started[j] = pthread_create(&threads[j], NULL, fn, &jobs[j]) == 0;
	fn(&jobs[0]);
	for (size_t j = 1; j < nj; j++) {
		if (started[j])
			pthread_join(threads[j], NULL);
		else
			fn(&jobs[j]);
	}
}

/* The jobs' vocabularies into one, in job order: jobs taken in article order give every word
 * the id one thread would have given it, so ties in related_keep_top fall alike. Returns the
 * df of the merged words. */
static size_t *related_merge_df(struct related_job *jobs, size_t nj, struct strtab *vocab)
{
	size_t *df = NULL, dcap = 0;

	for (size_t j = 0; j < nj; j++) {
		struct strtab *own = &jobs[j].rw.vocab;
		for (uint32_t w = 0; w < own->n; w++) {
			size_t had = dcap;
			uint32_t id = strtab_intern(vocab, strtab_str(own, w), own->lens[w]);
			xgrow(&df, &dcap, vocab->n + 1, sizeof *df);
			memset(df + had, 0, (dcap - had) * sizeof *df);
			df[id] += jobs[j].df[w];
		}
		xfree(&jobs[j].df);
		strtab_free(own); /* the second pass looks words up in the merged one */
	}
	return df;
}

/* Article a's words moved down from slot a × RELATED_WORD_TERMS, at[] made offsets. */
static void related_vecs_pack(struct related_vecs *vs, size_t narticles)
{
	for (size_t a = 0; a < narticles; a++) {
		uint32_t n = vs->at[a + 1], from = (uint32_t)(a * RELATED_WORD_TERMS);
		vs->at[a + 1] = vs->at[a] + n;
		memmove(vs->ids + vs->at[a], vs->ids + from, n * sizeof *vs->ids);
		memmove(vs->w + vs->at[a], vs->w + from, n * sizeof *vs->w);
	}
	related_vecs_fit(vs, narticles);
}

/* Two passes over the text, so that no article's whole vocabulary is held at once (the
 * counts of every article before the cut to RELATED_WORD_TERMS were 40 MB on SaudiNewsNet),
 * each on nthreads threads (≤ 0: one a core). */
static void related_word_vectors(struct related_index *x, const struct ner_lexicon *lex,
				 const struct search_index *search, int nthreads)
{
	struct related_job jobs[RELATED_MAX_THREADS];
	struct strtab vocab;
	long cpus = nthreads > 0 ? nthreads : sysconf(_SC_NPROCESSORS_ONLN);
	size_t nj = cpus > 1 ? (size_t)cpus : 1, *df, nw;
	double *idf;

	if (nj > RELATED_MAX_THREADS)
		nj = RELATED_MAX_THREADS;
	if (x->narticles < nj * RELATED_MIN_SHARE)
		nj = 1;
	for (size_t j = 0; j < nj; j++) {
		jobs[j] = (struct related_job){.x = x, .from = x->narticles * j / nj,
					       .to = x->narticles * (j + 1) / nj,
					       .rw = {.lex = lex, .search = search}};
		strtab_init(&jobs[j].rw.vocab);
	}
	related_run(jobs, nj, related_df_worker);
	strtab_init(&vocab);
	df = related_merge_df(jobs, nj, &vocab);
	nw = x->nwords = vocab.n;
	idf = xcalloc(nw + 1, sizeof *idf);
	for (size_t w = 0; w < nw; w++)
		idf[w] = log(1 + (double)x->narticles / (double)df[w]);
	free(df);
	x->word.at = xcalloc(x->narticles + 1, sizeof *x->word.at);
	x->word.ids = xcalloc(x->narticles * RELATED_WORD_TERMS + 1, sizeof *x->word.ids);
	x->word.w = xcalloc(x->narticles * RELATED_WORD_TERMS + 1, sizeof *x->word.w);
	for (size_t j = 0; j < nj; j++)
		jobs[j].rw.find = &vocab, jobs[j].idf = idf;
	related_run(jobs, nj, related_vec_worker);
	if (!related_cancelled(x)) {
		related_vecs_pack(&x->word, x->narticles);
		related_postings_build(&x->wpost, &x->word, x->narticles, nw);
	}
	for (size_t j = 0; j < nj; j++)
		related_words_free(&jobs[j].rw);
	free(idf);
	strtab_free(&vocab);
}

void related_index_build(struct related_index *x, const struct entity_table *t,
			 const struct search_index *search, int nthreads, const atomic_bool *cancel)
{
	char *error = NULL;
	const struct ner_model *m = ner_default(&error);

	memset(x, 0, sizeof *x);
	x->cancel = cancel;
	x->entities = t;
	x->narticles = t->corpus->n;
	x->score = xcalloc(x->narticles + 1, sizeof *x->score);
	related_entity_vectors(x);
	related_postings_build(&x->epost, &x->ent, x->narticles, t->n);
	if (m != NULL && !related_cancelled(x))
		related_word_vectors(x, ner_model_lexicon(m), search, nthreads);
	x->cancel = NULL;
}

static void related_vecs_free(struct related_vecs *vs)
{
	free(vs->at);
	free(vs->ids);
	free(vs->w);
}

void related_index_free(struct related_index *x)
{
	related_vecs_free(&x->ent);
	related_vecs_free(&x->word);
	related_postings_free(&x->epost);
	related_postings_free(&x->wpost);
	free(x->eidf);
	free(x->score);
	memset(x, 0, sizeof *x);
}

/* Weight of id in a sorted vector, 0 when absent. */
static float related_weight_of(const struct related_vec *v, uint32_t id)
{
	size_t lo = 0, hi = v->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (v->ids[mid] == id)
			return v->w[mid];
		if (v->ids[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

static const struct related_vec *related_sort_vec;

/* Shared entities: the heavier in this article's vector first. */
static int related_shared_cmp(const void *a, const void *b)
{
	float x = related_weight_of(related_sort_vec, *(const uint32_t *)a);
	float y = related_weight_of(related_sort_vec, *(const uint32_t *)b);
	if (x != y)
		return x > y ? -1 : 1;
	return related_u32_cmp(a, b);
}

static void related_explain(const struct related_index *x, size_t a, struct related_link *l)
{
	struct related_vec va = related_vec_of(&x->ent, a), vb = related_vec_of(&x->ent, l->article);
	l->shared = xcalloc(va.n + 1, sizeof *l->shared);
	for (size_t i = 0; i < va.n; i++)
		if (related_weight_of(&vb, va.ids[i]) > 0)
			l->shared[l->nshared++] = va.ids[i];
	related_sort_vec = &va;
	xqsort(l->shared, l->nshared, sizeof *l->shared, related_shared_cmp);
}

static int related_link_cmp(const void *a, const void *b)
{
	const struct related_link *x = a, *y = b;
	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	return x->article < y->article ? -1 : x->article > y->article;
}

/* The max best links seen so far as a heap whose root is the weakest (in related_link_cmp's
 * order): a common entity links thousands of articles, and sorting them all to keep ten was
 * most of the time a story took to open. */
static void related_top_add(struct related_link *h, size_t *n, size_t max, struct related_link l)
{
	size_t i;

	if (max == 0)
		return;
	if (*n == max) {
		if (related_link_cmp(&l, &h[0]) >= 0)
			return; /* no better than the weakest kept */
		i = 0; /* the root goes: sift l down from there */
		for (;;) {
			size_t c = 2 * i + 1;
			if (c >= max)
				break;
			if (c + 1 < max && related_link_cmp(&h[c + 1], &h[c]) > 0)
				c++;
			if (related_link_cmp(&h[c], &l) <= 0)
				break;
			h[i] = h[c];
			i = c;
		}
		h[i] = l;
		return;
	}
	for (i = (*n)++; i > 0 && related_link_cmp(&h[(i - 1) / 2], &l) < 0; i = (i - 1) / 2)
		h[i] = h[(i - 1) / 2]; /* sift l up */
	h[i] = l;
}

/* score[b] += weight · (v · b's vector), over the lists of v's ids. */
static void related_score(const struct related_postings *p, const struct related_vec *v,
			  double weight, double *score)
{
	for (size_t i = 0; p->at && i < v->n; i++) {
		const struct related_posting *q = p->v + p->at[v->ids[i]], *end = p->v + p->at[v->ids[i] + 1];
		double wa = weight * v->w[i];
		for (; q < end; q++)
			score[q->article] += wa * q->w;
	}
}

size_t related_find(const struct related_index *x, size_t a, size_t max, struct related_link **out)
{
	double *score = x->score;
	struct related_vec ve = related_vec_of(&x->ent, a), vw = {0};
	struct related_link *links = xcalloc(max + 1, sizeof *links);
	size_t n = 0;

	if (x->word.at) /* no words without the entity model's stop words */
		vw = related_vec_of(&x->word, a);
	related_score(&x->epost, &ve, RELATED_ENTITY_WEIGHT, score);
	related_score(&x->wpost, &vw, RELATED_WORD_WEIGHT, score);
	for (size_t b = 0; b < x->narticles; b++) {
		double sb = score[b];
		score[b] = 0;
		if (b == a || sb <= 1e-9 || (n == max && sb < links[0].score))
			continue; /* nothing, or below the weakest kept: most of thousands */
		related_top_add(links, &n, max, (struct related_link){.article = (uint32_t)b, .score = sb});
	}
	xqsort(links, n, sizeof *links, related_link_cmp);
	for (size_t k = 0; k < n; k++)
		related_explain(x, a, &links[k]);
	*out = links;
	return n;
}

void related_links_free(struct related_link *v, size_t n)
{
	for (size_t k = 0; k < n; k++)
		free(v[k].shared);
	free(v);
}
