/* related.c - qari's related stories: IDF-weighted entity and word vectors per article,
 * their posting lists, and the ranking of an article's neighbours (related.h says how). */
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
#include "qari/text.h"
#include "qari/xalloc.h"
#include "related_private.h"

#define RELATED_MAX_THREADS 8
#define RELATED_MIN_SHARE 256   /* articles a thread: fewer are not worth a thread */
#define RELATED_FURNITURE_MIN 20 /* a paragraph in this many articles is furniture (a story
				    syndicated to every paper is in fewer) */

struct related_params related_params_default(void)
{
	return (struct related_params){
		.entity_boost = RELATED_ENTITY_BOOST, .common_share = RELATED_COMMON_SHARE,
		.time_scale = RELATED_TIME_SCALE, .floor = RELATED_FLOOR,
		.relative_floor = RELATED_RELATIVE_FLOOR, .first_floor = RELATED_FIRST_FLOOR,
		.cluster_floor = RELATED_CLUSTER_FLOOR,
		.beyond_one = RELATED_BEYOND_ONE, .rare_evidence = RELATED_RARE_EVIDENCE,
		.copy_cosine = RELATED_COPY_COSINE, .max_days = RELATED_MAX_DAYS,
		.title_repeat = RELATED_TITLE_REPEAT, .word_terms = RELATED_WORD_TERMS};
}

static uint32_t related_title_places(const struct entity_table *t, const struct article_entities *es,
				     const char *title_match);

static uint32_t related_headline_place(const struct entity_table *t, const struct article_entities *es,
				       const char *title_match);

static bool related_cancelled(const struct related_index *x)
{
	return x->cancel && atomic_load(x->cancel);
}

/* An entity's weight: idf, but nothing for dates (time proximity does their work, and a
 * Hijri date line links every item of a day) nor for common entities, which would decide
 * the ranking of thousands of articles (المملكة، الرياض). */
static double related_entity_idf(const struct related_index *x, const struct corpus_entity *e)
{
	double n = (double)x->narticles;
	if (e->articles == 0 || (e->type == ENTITY_DATE && !x->params.with_dates) || e->type == ENTITY_MISC ||
	    ((double)e->articles > x->params.common_share * n && e->articles > RELATED_COMMON_MIN))
		return 0;
	return log(1 + n / (double)e->articles);
}

/* Article es's entities that weigh something, counted by mentions (two article entities
 * merged into one corpus entity add up). */
static void related_entity_counts(const struct related_index *x, const struct article_entities *es,
				  struct related_work *v)
{
	related_work_room(v, es->n + 1);
	v->n = 0;
	for (size_t k = 0; k < es->n; k++) {
		size_t at = v->n;
		if (x->eidf[es->v[k].id] <= 0)
			continue;
		for (size_t l = 0; l < v->n; l++)
			if (v->ids[l] == es->v[k].id)
				at = l;
		if (at == v->n)
			v->ids[v->n++] = es->v[k].id, v->w[at] = 0;
		v->w[at] += (float)es->v[k].nmentions;
	}
}

static void related_entity_vectors(struct related_index *x)
{
	const struct entity_table *t = x->entities;
	struct related_work v = {0};
	size_t total = 0;

	x->eidf = xcalloc(t->n + 1, sizeof *x->eidf);
	for (size_t k = 0; k < t->n; k++)
		x->eidf[k] = related_entity_idf(x, &t->items[k]);
	for (size_t a = 0; a < x->narticles; a++)
		total += t->per_article[a].n;
	x->ent.at = xcalloc(x->narticles + 1, sizeof *x->ent.at);
	x->ent.ids = xcalloc(total + 1, sizeof *x->ent.ids);
	x->ent.w = xcalloc(total + 1, sizeof *x->ent.w);
	for (size_t a = 0; a < x->narticles; a++) {
		related_entity_counts(x, &t->per_article[a], &v);
		related_sort_pairs(&v);
		related_weigh(&v, x->eidf);
		related_vecs_put(&x->ent, a, &v);
	}
	related_vecs_fit(&x->ent, x->narticles);
	related_work_free(&v);
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
	job->rw.collect = true;
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

/* Pass two: each article's strongest words, one after the other from the job's first
 * article's slot from × word_terms of x->word (their number in at[a + 1]; related_vecs_pack
 * closes the gaps between jobs). The pages of room a job never needs are never touched, so
 * they cost no memory. */
static void *related_vec_worker(void *arg)
{
	struct related_job *job = arg;
	struct related_index *x = job->x;
	const struct corpus *c = x->entities->corpus;
	struct related_work v = {0};

	job->rw.intern = false;
	job->rw.collect = false;
	for (size_t a = job->from, at = a * (size_t)x->params.word_terms;
	     a < job->to && !related_cancelled(x); a++, at += v.n) {
		related_article_words(&job->rw, c, a);
		related_count(job->rw.ids, job->rw.nids, &v);
		related_weigh(&v, job->idf);
		related_keep_top(&v, (size_t)x->params.word_terms);
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

/* The paragraphs pass one saw in at least RELATED_FURNITURE_MIN articles: furniture, left
 * out of pass two (x->furniture, shared by the jobs). */
static void related_furniture(struct related_index *x, struct related_job *jobs, size_t nj)
{
	uint64_t *all = NULL;
	size_t n = 0, cap = 0;

	for (size_t j = 0; j < nj; j++) {
		xgrow(&all, &cap, n + jobs[j].rw.nhashes + 1, sizeof *all);
		memcpy(all + n, jobs[j].rw.hashes, jobs[j].rw.nhashes * sizeof *all);
		n += jobs[j].rw.nhashes;
		xfree(&jobs[j].rw.hashes);
		jobs[j].rw.nhashes = jobs[j].rw.hcap = 0;
	}
	x->nfurniture = related_recurring(all, n, RELATED_FURNITURE_MIN, &x->furniture);
	free(all);
	for (size_t j = 0; j < nj; j++)
		jobs[j].rw.furniture = x->furniture, jobs[j].rw.nfurniture = x->nfurniture;
}

/* The stems that are in some article's vector, for explaining links; the others (most of
 * the vocabulary: names and words of one article) go with the vocabulary. */
static void related_keep_words(struct related_index *x, const struct strtab *vocab)
{
	bool *in = xcalloc(x->nwords + 1, sizeof *in);
	size_t used = 1;

	for (uint32_t i = 0; i < x->word.at[x->narticles]; i++)
		in[x->word.ids[i]] = true;
	x->word_at = xcalloc(x->nwords + 1, sizeof *x->word_at);
	for (size_t w = 0; w < x->nwords; w++)
		if (in[w])
			used += vocab->lens[w] + 1;
	x->words = xcalloc(used, 1);
	used = 1; /* offset 0: the empty string of a word in no vector */
	for (size_t w = 0; w < x->nwords; w++)
		if (in[w]) {
			x->word_at[w] = (uint32_t)used;
			memcpy(x->words + used, strtab_str(vocab, (uint32_t)w), vocab->lens[w] + 1);
			used += vocab->lens[w] + 1;
		}
	free(in);
}

/* Each job's words moved down to follow the previous job's, at[] made offsets. */
static void related_vecs_pack(struct related_vecs *vs, const struct related_job *jobs, size_t nj,
			      size_t terms)
{
	for (size_t j = 0; j < nj; j++)
		for (size_t a = jobs[j].from, from = a * terms; a < jobs[j].to; a++) {
			uint32_t n = vs->at[a + 1];
			vs->at[a + 1] = vs->at[a] + n;
			memmove(vs->ids + vs->at[a], vs->ids + from, n * sizeof *vs->ids);
			memmove(vs->w + vs->at[a], vs->w + from, n * sizeof *vs->w);
			from += n;
		}
	related_vecs_fit(vs, jobs[nj - 1].to);
}

/* Two passes over the text, so that no article's whole vocabulary is held at once (the
 * counts of every article before the cut to RELATED_WORD_TERMS were 40 MB on SaudiNewsNet),
 * each on nthreads threads (≤ 0: one a core). */
static void related_word_vectors(struct related_index *x, const struct ner_lexicon *lex,
				 const struct search_index *search, int nthreads)
{
	struct related_job jobs[RELATED_MAX_THREADS];
	struct strtab vocab_, *vocab = &vocab_, skip;
	long cpus = nthreads > 0 ? nthreads : sysconf(_SC_NPROCESSORS_ONLN);
	size_t nj = cpus > 1 ? (size_t)cpus : 1, *df, nw, slots;
	double *idf;
	bool *skipid, complete;

	if (nj > RELATED_MAX_THREADS)
		nj = RELATED_MAX_THREADS;
	if (x->narticles < nj * RELATED_MIN_SHARE)
		nj = 1;
	related_skip_words(&skip);
	strtab_init(vocab);
	for (size_t j = 0; j < nj; j++) {
		jobs[j] = (struct related_job){.x = x, .from = x->narticles * j / nj,
					       .to = x->narticles * (j + 1) / nj,
					       .rw = {.lex = lex, .search = search, .skip = &skip,
						      .plain = x->params.with_furniture,
						      .title_repeat = x->params.title_repeat}};
		strtab_init(&jobs[j].rw.vocab);
	}
	related_run(jobs, nj, related_df_worker);
	related_furniture(x, jobs, nj);
	df = related_merge_df(jobs, nj, vocab);
	xtrim(); /* the jobs' vocabularies, before pass two's vectors */
	nw = x->nwords = vocab->n;
	idf = xcalloc(nw + 1, sizeof *idf);
	x->rare = xcalloc(nw + 1, sizeof *x->rare);
	for (size_t w = 0; w < nw; w++) {
		idf[w] = log(1 + (double)x->narticles / (double)df[w]);
		x->rare[w] = related_is_rare((double)df[w], (double)x->narticles);
	}
	free(df);
	x->word.at = xcalloc(x->narticles + 1, sizeof *x->word.at);
	/* not zeroed: only the slots pass two writes are read, and calloc clears (touches) all
	 * of a block it takes from the heap */
	slots = x->narticles * (size_t)x->params.word_terms + 1;
	x->word.ids = xreallocarray(NULL, slots, sizeof *x->word.ids);
	x->word.w = xreallocarray(NULL, slots, sizeof *x->word.w);
	skipid = xcalloc(nw + 1, sizeof *skipid);
	for (size_t w = 0; w < nw; w++)
		skipid[w] = strtab_find(&skip, strtab_str(vocab, (uint32_t)w), vocab->lens[w], &(uint32_t){0});
	for (size_t j = 0; j < nj; j++)
		jobs[j].rw.find = vocab, jobs[j].idf = idf, jobs[j].rw.skipid = skipid;
	related_run(jobs, nj, related_vec_worker);
	complete = !related_cancelled(x);
	for (size_t j = 0; j < nj; j++)
		related_words_free(&jobs[j].rw);
	free(idf);
	free(skipid);
	strtab_free(&skip);
	if (complete) {
		related_vecs_pack(&x->word, jobs, nj, (size_t)x->params.word_terms);
		related_keep_words(x, vocab);
	}
	strtab_free(vocab);
	xtrim(); /* the scratch above goes before the posting lists come */
	if (complete)
		related_postings_build(&x->wpost, &x->word, x->narticles, nw);
}

void related_index_build_with(struct related_index *x, const struct entity_table *t,
			      const struct search_index *search, int nthreads,
			      const atomic_bool *cancel, const struct related_params *params)
{
	char *error = NULL;
	const struct ner_model *m = ner_default(&error);

	memset(x, 0, sizeof *x);
	x->params = params ? *params : related_params_default();
	x->cancel = cancel;
	x->entities = t;
	x->narticles = t->corpus->n;
	x->score = xcalloc(x->narticles + 1, sizeof *x->score);
	x->day = xcalloc(x->narticles + 1, sizeof *x->day);
	x->title = xcalloc(x->narticles + 1, sizeof *x->title);
	x->title_places = xcalloc(x->narticles + 1, sizeof *x->title_places);
	x->headline_place = xcalloc(x->narticles + 1, sizeof *x->headline_place);
	for (size_t a = 0; a < x->narticles; a++) {
		const char *title = t->corpus->items[a]->title;
		size_t n;
		char *norm = norm_string(title, strlen(title), &n);
		x->day[a] = related_day(t->corpus->items[a]);
		x->title[a] = strtab_hash(STRTAB_HASH_INIT, norm, n);
		x->title_places[a] = related_title_places(t, &t->per_article[a], norm);
		x->headline_place[a] = related_headline_place(t, &t->per_article[a], norm);
		free(norm);
	}
	related_entity_vectors(x);
	related_postings_build(&x->epost, &x->ent, x->narticles, t->n);
	if (m != NULL && !related_cancelled(x))
		related_word_vectors(x, ner_model_lexicon(m), search, nthreads);
	x->cancel = NULL;
}

void related_index_build(struct related_index *x, const struct entity_table *t,
			 const struct search_index *search, int nthreads, const atomic_bool *cancel)
{
	related_index_build_with(x, t, search, nthreads, cancel, NULL);
}

void related_index_free(struct related_index *x)
{
	related_vecs_free(&x->ent);
	related_vecs_free(&x->word);
	related_postings_free(&x->epost);
	related_postings_free(&x->wpost);
	free(x->words);
	free(x->word_at);
	free(x->rare);
	free(x->furniture);
	free(x->eidf);
	free(x->day);
	free(x->title);
	free(x->title_places);
	free(x->headline_place);
	free(x->score);
	memset(x, 0, sizeof *x);
}

static int related_link_cmp(const void *a, const void *b)
{
	const struct related_link *x = a, *y = b;
	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	return x->article < y->article ? -1 : x->article > y->article;
}

/* The max best links seen so far as a heap whose root is the weakest (in related_link_cmp's
 * order): a query reaches thousands of articles, and sorting them all to keep a few dozen
 * was most of the time a story took to open. */
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

/* Days between two articles, -1 when a date is unknown. */
static long related_days_apart(const struct related_index *x, size_t a, size_t b)
{
	if (x->day[a] == RELATED_NO_DAY || x->day[b] == RELATED_NO_DAY)
		return -1;
	return labs((long)x->day[a] - (long)x->day[b]);
}

/* How much closeness in time keeps of a score: 1 the same day, 0 beyond max_days. */
static double related_time(const struct related_index *x, size_t a, size_t b)
{
	long d = related_days_apart(x, a, b);
	if (d < 0)
		return 1;
	if (d > x->params.max_days)
		return 0;
	return 1 / (1 + (double)d / x->params.time_scale);
}

/* What the floors and the words' evidence ask of a link: in a small collection idf hardly
 * tells a rare word from a common one and every cosine is low, so they grow with the
 * collection up to their full value at RELATED_FLOOR_ARTICLES articles (the two bundled
 * articles stay linked). */
static double related_small(const struct related_index *x)
{
	double share = (double)x->narticles / RELATED_FLOOR_ARTICLES;
	return share < 1 ? share : 1;
}

/* What related_evidence reads of article a's words: which are rare, and which are part of
 * which of its entities' names. */
struct related_words_of {
	struct related_vec w, e; /* a's words and entities */
	bool *rare;
	uint64_t *units;
};

static void related_words_of(const struct related_index *x, size_t a, struct related_words_of *o)
{
	const char *keys[RELATED_UNIT_ENTITIES];
	size_t nkeys = 0;

	o->w = related_vec_of(&x->word, a);
	o->e = related_vec_of(&x->ent, a);
	o->rare = xcalloc(o->w.n + 1, sizeof *o->rare);
	o->units = xcalloc(o->w.n + 1, sizeof *o->units);
	for (; nkeys < o->e.n && nkeys < RELATED_UNIT_ENTITIES; nkeys++)
		keys[nkeys] = entity_table_key(x->entities, o->e.ids[nkeys]);
	for (size_t i = 0; i < o->w.n; i++) {
		o->rare[i] = x->rare[o->w.ids[i]];
		o->units[i] = related_entity_units(related_word(x, o->w.ids[i]), keys, nkeys);
	}
}

/* Whether article b shares more than one topical word with a (related_evidence). */
static bool related_enough_words(const struct related_index *x, const struct related_words_of *a,
				 size_t b)
{
	struct related_vec vb = related_vec_of(&x->word, b), eb = related_vec_of(&x->ent, b);
	double small = related_small(x);
	return related_evidence(&a->w, a->rare, a->units, related_shared_entities(&a->e, &eb), &vb,
				x->params.beyond_one * small, x->params.rare_evidence * small);
}

static double related_word_cosine(const struct related_index *x, size_t a, size_t b)
{
	struct related_vec va, vb;
	if (x->word.at == NULL)
		return 0;
	va = related_vec_of(&x->word, a);
	vb = related_vec_of(&x->word, b);
	return related_dot(&va, &vb);
}

/* Copies of one story: a day or two apart, words nearly the same, or the same headline and
 * many of the same words (a paper that cut or added a paragraph). */
static bool related_is_copy(const struct related_index *x, size_t a, size_t b)
{
	long d = related_days_apart(x, a, b);
	double cos;
	if (d > RELATED_COPY_DAYS || x->params.copy_cosine > 1)
		return false; /* beyond 1: no copies at all */
	cos = related_word_cosine(x, a, b);
	return cos >= x->params.copy_cosine ||
	       (x->title[a] == x->title[b] && cos >= RELATED_COPY_TITLE_COSINE);
}

/* Which places of es (bit k: its k-th, of the first 32) title_match, its article's headline in
 * matching form, names (related_place_in_title): read once, when the index is built. */
static uint32_t related_title_places(const struct entity_table *t, const struct article_entities *es,
				     const char *title_match)
{
	uint32_t bits = 0;
	for (size_t j = 0, k = 0; j < es->n && k < 32; j++) {
		const struct article_entity *e = &es->v[j];
		if (e->type != ENTITY_PLACE || e->id == UINT32_MAX)
			continue;
		if (related_place_in_title(title_match, entity_table_key(t, e->id)))
			bits |= UINT32_C(1) << k;
		k++;
	}
	return bits;
}

/* The first place of the gazetteers that title_match names, that the article (es) does not
 * tag and some other article of t does (related_headline_places), or UINT32_MAX: read once,
 * when the index is built. */
static bool related_tags(const struct article_entities *es, uint32_t id)
{
	for (size_t j = 0; j < es->n; j++)
		if (es->v[j].id == id)
			return true;
	return false;
}

static uint32_t related_headline_place(const struct entity_table *t, const struct article_entities *es,
				       const char *title_match)
{
	struct related_span v[RELATED_HEADLINE_PLACES];
	size_t n = related_headline_places(title_match, v, RELATED_HEADLINE_PLACES);
	uint32_t id = UINT32_MAX;
	struct strbuf key = {0};

	for (size_t i = 0; i < n && id == UINT32_MAX; i++) {
		key.len = 0;
		strbuf_printf(&key, "%d\t%.*s", (int)ENTITY_PLACE, (int)v[i].n, v[i].s);
		if (!strtab_find(&t->keys, key.data, key.len, &id) || related_tags(es, id))
			id = UINT32_MAX;
	}
	strbuf_free(&key);
	return id;
}

/* Article a's places (corpus entities), into v. */
static size_t related_places_of(const struct related_index *x, size_t a, struct related_place *v)
{
	const struct article_entities *es = &x->entities->per_article[a];
	size_t n = 0;
	for (size_t j = 0, k = 0; j < es->n; j++) {
		const struct article_entity *e = &es->v[j];
		if (e->type != ENTITY_PLACE || e->id == UINT32_MAX)
			continue;
		related_place_add(v, &n, e->id, es, e, k < 32 && (x->title_places[a] >> k & 1));
		k++;
	}
	if (x->headline_place[a] != UINT32_MAX)
		related_place_add_headline(v, &n, x->headline_place[a]);
	return n;
}

/* Article a's organisations (corpus entities), into v (related_org_add). */
static size_t related_orgs_of(const struct related_index *x, size_t a, struct related_place *v)
{
	const struct article_entities *es = &x->entities->per_article[a];
	size_t n = 0;
	for (size_t j = 0; j < es->n; j++) {
		const struct article_entity *e = &es->v[j];
		if (e->type != ENTITY_ORG || e->id == UINT32_MAX)
			continue;
		related_org_add(v, &n, e->id, es, e, x->entities->items[e->id].articles >= RELATED_ORG_ARTICLES);
	}
	return n;
}

/* The person entity whose key is the last word of person id's key, when its key has more
 * than one word and the corpus tags that word alone as a person; else UINT32_MAX. */
static uint32_t related_person_family(const struct entity_table *t, uint32_t id, struct strbuf *key)
{
	const char *k = entity_table_key(t, id), *last = strrchr(k, ' ');
	uint32_t fam;
	if (last == NULL)
		return UINT32_MAX;
	key->len = 0;
	strbuf_printf(key, "%d\t%s", (int)ENTITY_PERSON, last + 1);
	return strtab_find(&t->keys, key->data, key->len, &fam) ? fam : UINT32_MAX;
}

/* Article a's persons (corpus entities), into v (related_person_add). */
static size_t related_persons_of(const struct related_index *x, size_t a, struct related_person *v)
{
	const struct article_entities *es = &x->entities->per_article[a];
	struct strbuf key = {0};
	size_t n = 0;
	for (size_t j = 0; j < es->n; j++) {
		const struct article_entity *e = &es->v[j];
		if (e->type != ENTITY_PERSON || e->id == UINT32_MAX)
			continue;
		related_person_add(v, &n, e->id, related_person_family(x->entities, e->id, &key), es, e);
	}
	strbuf_free(&key);
	return n;
}

/* What related_apart reads of the article whose candidates are ranked. */
struct related_subjects {
	struct related_place places[RELATED_PLACES_MAX], orgs[RELATED_PLACES_MAX];
	struct related_person persons[RELATED_PLACES_MAX];
	size_t nplaces, norgs, npersons;
	size_t nall_orgs; /* its organisations, about any or not (persons apart reads them) */
};

/* The words' cosine of a and b, computed once for related_apart's rules (*c < 0: not yet). */
static double related_cosine_once(const struct related_index *x, size_t a, size_t b, double *c)
{
	if (*c < 0)
		*c = related_word_cosine(x, a, b);
	return *c;
}

/* Whether a (its subjects sa) and b are about places apart and not copies of one story (whose
 * tagging may differ), or about organisations apart (related_orgs_apart), or about persons
 * apart sharing no organisation and not copies (related_persons_apart). */
static bool related_apart(const struct related_index *x, const struct related_subjects *sa, size_t a,
			  size_t b)
{
	struct related_place pb[RELATED_PLACES_MAX], ob[RELATED_PLACES_MAX];
	long d = related_days_apart(x, a, b);
	double cosine = -1;
	size_t nb, no = SIZE_MAX;

	if (sa->nplaces > 0 && !x->params.with_places_apart) {
		nb = related_places_of(x, b, pb);
		if (related_places_apart(sa->places, sa->nplaces, pb, nb) &&
		    (d < 0 || d > RELATED_COPY_DAYS ||
		     related_cosine_once(x, a, b, &cosine) < RELATED_COPY_TITLE_COSINE))
			return true;
	}
	if (sa->norgs > 0 && !x->params.with_orgs_apart) {
		no = related_orgs_of(x, b, ob);
		if (related_orgs_apart(sa->orgs, sa->norgs, ob, no, d, related_cosine_once(x, a, b, &cosine)))
			return true;
	}
	if (sa->npersons > 0 && !x->params.with_persons_apart) {
		struct related_person qb[RELATED_PLACES_MAX];
		size_t nq = related_persons_of(x, b, qb);
		if (related_persons_apart(sa->persons, sa->npersons, qb, nq)) {
			if (no == SIZE_MAX)
				no = related_orgs_of(x, b, ob);
			if (!related_share_any(sa->orgs, sa->nall_orgs, ob, no) &&
			    (d < 0 || d > RELATED_COPY_DAYS ||
			     related_cosine_once(x, a, b, &cosine) < RELATED_COPY_COSINE))
				return true;
		}
	}
	return false;
}

/* The pool best max candidates of article a scoring at least floor; scratch kept zeroed. The
 * floor comes before the words' evidence: most of the thousands of articles sharing a word
 * with a score far below it, and checking each one's evidence was most of an open's time. */
static size_t related_candidates(const struct related_index *x, size_t a, size_t max,
				 double floor, struct related_link *pool)
{
	const struct related_params *p = &x->params;
	double *score = x->score, norm = 1 + p->entity_boost;
	struct related_vec ve = related_vec_of(&x->ent, a);
	struct related_words_of wa = {0};
	struct related_subjects sa;
	size_t n = 0;

	sa.nplaces = related_places_of(x, a, sa.places);
	sa.norgs = sa.nall_orgs = related_orgs_of(x, a, sa.orgs);
	if (!related_about_any(sa.places, sa.nplaces))
		sa.nplaces = 0; /* apart from nothing: no candidate's places read */
	if (!related_about_any(sa.orgs, sa.norgs))
		sa.norgs = 0;
	sa.npersons = related_persons_of(x, a, sa.persons);
	if (!related_about_anyone(sa.persons, sa.npersons))
		sa.npersons = 0;
	if (x->word.at) /* no words without the entity model's stop words */
		related_words_of(x, a, &wa);
	related_score(&x->epost, &ve, p->entity_boost / norm, score);
	related_score(&x->wpost, &wa.w, 1 / norm, score);
	for (size_t b = 0; b < x->narticles; b++) {
		double sb = score[b];
		score[b] = 0;
		if (b == a || sb <= 1e-9 || (n == max && sb < pool[0].score))
			continue; /* nothing, or below the weakest kept: most of thousands */
		sb *= related_time(x, a, b);
		if (sb > 1e-9 && sb >= floor && (wa.rare == NULL || related_enough_words(x, &wa, b)) &&
		    !related_apart(x, &sa, a, b))
			related_top_add(pool, &n, max, (struct related_link){.article = (uint32_t)b, .score = sb});
	}
	xqsort(pool, n, sizeof *pool, related_link_cmp);
	free(wa.rare);
	free(wa.units);
	return n;
}

int related_term_cmp(const void *a, const void *b)
{
	const struct related_term *x = a, *y = b;
	if (x->w != y->w)
		return x->w > y->w ? -1 : 1;
	if (x->entity != y->entity)
		return x->entity ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

size_t related_shared_terms(const struct related_vec *a, const struct related_vec *b,
				   double scale, bool entity, struct related_term *v)
{
	size_t n = 0;
	for (size_t i = 0, j = 0; i < a->n && j < b->n;) {
		if (a->ids[i] == b->ids[j]) {
			float w = (float)(scale * a->w[i] * b->w[j]);
			if (w > 0)
				v[n++] = (struct related_term){a->ids[i], entity, w};
			i++, j++;
		} else if (a->ids[i] < b->ids[j])
			i++;
		else
			j++;
	}
	return n;
}

/* Whether a word is part of one of the link's shared entities (the entity says it already). */
static bool related_in_entities(const struct related_index *x, const struct related_link *l,
				const char *word)
{
	for (size_t i = 0; i < l->nshared; i++)
		if (strstr(entity_table_key(x->entities, l->shared[i]), word))
			return true;
	return false;
}

/* What made link l of article a: its shared entities (heaviest first) and the terms, words
 * and entities, that weighed most. */
static void related_explain(const struct related_index *x, size_t a, struct related_link *l)
{
	struct related_vec ea = related_vec_of(&x->ent, a), eb = related_vec_of(&x->ent, l->article);
	struct related_vec wa = {0}, wb = {0};
	struct related_term *t;
	size_t ne, nw;

	if (x->word.at)
		wa = related_vec_of(&x->word, a), wb = related_vec_of(&x->word, l->article);
	t = xcalloc(ea.n + wa.n + 1, sizeof *t);
	ne = related_shared_terms(&ea, &eb, RELATED_EXPLAIN_ENTITY_WEIGHT, true, t);
	xqsort(t, ne, sizeof *t, related_term_cmp);
	l->shared = xcalloc(ne + 1, sizeof *l->shared);
	for (size_t i = 0; i < ne; i++)
		l->shared[l->nshared++] = t[i].id;
	nw = related_shared_terms(&wa, &wb, 1, false, t + ne);
	xqsort(t, ne + nw, sizeof *t, related_term_cmp);
	for (size_t i = 0; i < ne + nw && l->nwhy < RELATED_WHY_MAX; i++)
		if (t[i].entity || !related_in_entities(x, l, related_word(x, t[i].id)))
			l->why[l->nwhy++] = t[i];
	free(t);
}

/* Whether article b names one of the organisations of a's headline, hq[0, nq). */
static bool related_names_headline_org(const struct related_index *x, const struct related_place *hq,
				       size_t nq, size_t b)
{
	struct related_place pb[RELATED_PLACES_MAX];
	size_t nb = related_orgs_of(x, b, pb);
	for (size_t k = 0; k < nq; k++)
		if (hq[k].title && related_place_named(pb, nb, hq[k].id))
			return true;
	return false;
}

/* Whether RELATED_CLUSTER_STORIES stories of pool[0, m) scoring at least low (copies of a left
 * out, copies of one another counted once) name an organisation a's headline names: a
 * club's summer of signings, a council's sessions. A lone weak link stays out; several
 * around the article's own subject are its affair. */
static bool related_cluster(const struct related_index *x, size_t a, const struct related_link *pool,
			    size_t m, double low)
{
	struct related_place hq[RELATED_PLACES_MAX];
	size_t nq = related_orgs_of(x, a, hq), lead[RELATED_CLUSTER_STORIES], n = 0;

	if (!related_about_any(hq, nq))
		return false;
	for (size_t i = 0; i < m && pool[i].score >= low && n < RELATED_CLUSTER_STORIES; i++) {
		size_t k = 0;
		if (related_is_copy(x, a, pool[i].article) ||
		    !related_names_headline_org(x, hq, nq, pool[i].article))
			continue;
		while (k < n && !related_is_copy(x, pool[lead[k]].article, pool[i].article))
			k++;
		if (k == n)
			lead[n++] = i;
	}
	return n == RELATED_CLUSTER_STORIES;
}

/* The score a list's first entry needs: the first floor, or the cluster floor when the pool's
 * first story is under it and the stories above the cluster floor gather around the
 * organisation a's headline names (related_cluster). */
static double related_start(const struct related_index *x, size_t a, const struct related_link *pool,
			    size_t m)
{
	double first = x->params.first_floor * related_small(x);
	double low = x->params.cluster_floor * related_small(x);
	size_t i = 0;

	if (low <= 0 || low >= first || m == 0 || pool[0].score < low)
		return first; /* no cluster floor, or nothing reaches it: most articles */
	while (i < m && related_is_copy(x, a, pool[i].article))
		i++;
	if (i == m || pool[i].score >= first || pool[i].score < low)
		return first;
	return related_cluster(x, a, pool, m, low) ? low : first;
}

size_t related_find(const struct related_index *x, size_t a, size_t max, struct related_link **out)
{
	size_t npool = max * RELATED_POOL_FACTOR + 1, n = 0, m;
	struct related_link *pool = xcalloc(npool, sizeof *pool);
	struct related_link *v = xcalloc(max + 1, sizeof *v);
	size_t *ncap = xcalloc(max + 1, sizeof *ncap);

	double floor = x->params.floor * related_small(x), first;

	m = related_candidates(x, a, npool, floor, pool);
	first = related_start(x, a, pool, m);
	for (size_t i = 0; i < m && pool[i].score >= floor; i++) {
		size_t k;
		/* far weaker than the best story, or than the article's own copies: no entry of its
		 * own, but a copy of a story shown still joins it (the floor picks stories, and
		 * copies of one score a little apart) */
		bool weak = pool[i].score < x->params.relative_floor * pool[0].score;
		if (related_is_copy(x, a, pool[i].article))
			continue; /* the article itself under another URL */
		if (n == 0 && pool[i].score < first)
			break; /* nothing close enough to start a list */
		for (k = 0; k < n && !related_is_copy(x, v[k].article, pool[i].article); k++)
			;
		if (k < n) {
			xgrow(&v[k].copies, &ncap[k], v[k].ncopies + 1, sizeof *v[k].copies);
			v[k].copies[v[k].ncopies++] = pool[i].article;
		} else if (n < max && !weak)
			v[n++] = pool[i];
	}
	for (size_t k = 0; k < n; k++) {
		v[k].query = (uint32_t)a;
		related_explain(x, a, &v[k]);
	}
	free(pool);
	free(ncap);
	*out = v;
	return n;
}

/* A score no copy of a story falls below (related_is_copy: its words' cosine at least the
 * smaller of the two copy cosines, RELATED_COPY_DAYS apart at most), a little under it so
 * that the order of a sum's terms never matters. */
static double related_copy_floor(const struct related_index *x)
{
	const struct related_params *p = &x->params;
	double cos = p->copy_cosine < RELATED_COPY_TITLE_COSINE ? p->copy_cosine : RELATED_COPY_TITLE_COSINE;
	if (p->max_days < RELATED_COPY_DAYS)
		return 0;
	return 0.999 * cos / (1 + p->entity_boost) / (1 + (double)RELATED_COPY_DAYS / p->time_scale);
}

size_t related_copies(const struct related_index *x, size_t a, uint32_t **out)
{
	size_t npool = 16, m, n = 0;
	struct related_link *pool = xcalloc(npool, sizeof *pool);

	m = related_candidates(x, a, npool, related_copy_floor(x), pool);
	*out = xcalloc(m + 1, sizeof **out);
	for (size_t i = 0; i < m; i++)
		if (related_is_copy(x, a, pool[i].article))
			(*out)[n++] = pool[i].article;
	free(pool);
	return n;
}

void related_links_free(struct related_link *v, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		free(v[k].shared);
		free(v[k].copies);
	}
	free(v);
}

const char *related_word(const struct related_index *x, uint32_t id)
{
	return id < x->nwords && x->words ? x->words + x->word_at[id] : "";
}
