/* corpus_index.c - building the search index, the entity table and related stories on
 * worker threads, in the background of the reader. */
#include "qari/corpus_index.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "qari/entity_cache.h"
#include "qari/ner.h"
#include "qari/xalloc.h"

#define CORPUS_INDEX_MAX_THREADS 8
#define CORPUS_INDEX_CHUNK 64 /* articles per unit of work: balances threads, checks cancel */

struct corpus_index_job {
	struct corpus_index *x;
	const struct ner_model *model; /* NULL: phase 1 (search) */
	atomic_size_t *next;
};

static int corpus_index_threads(int n)
{
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	if (n <= 0)
		n = cpus > 0 ? (int)cpus : 1;
	return n > CORPUS_INDEX_MAX_THREADS ? CORPUS_INDEX_MAX_THREADS : n;
}

/* Phase 2 over [from, to): the given entities moved in, the rest tagged (or cached). */
static void corpus_index_entities_range(struct corpus_index *x, const struct ner_model *model,
					size_t from, size_t to)
{
	size_t run = from;
	for (size_t i = from; i <= to; i++) {
		bool given = i < to && i < x->ngiven && x->given_have[i];
		if (!given && i < to)
			continue;
		if (run < i)
			entity_table_extract(&x->entities, model, run, i);
		if (given) {
			x->entities.per_article[i] = x->given[i];
			memset(&x->given[i], 0, sizeof x->given[i]);
			x->given_have[i] = 0;
		}
		run = i + 1;
	}
}

void corpus_index_give(struct corpus_index *x, struct article_entities *es, uint8_t *have,
		       size_t n)
{
	x->given = es;
	x->given_have = have;
	x->ngiven = n;
}

/* Workers take chunks of articles until none are left (or the index is cancelled). */
static void *corpus_index_worker(void *arg)
{
	struct corpus_index_job *job = arg;
	struct corpus_index *x = job->x;
	size_t n = x->corpus->n, from;

	while (!atomic_load(&x->cancel) &&
	       (from = atomic_fetch_add(job->next, CORPUS_INDEX_CHUNK)) < n) {
		size_t to = from + CORPUS_INDEX_CHUNK < n ? from + CORPUS_INDEX_CHUNK : n;
		if (job->model)
			corpus_index_entities_range(x, job->model, from, to);
		else
			search_index_build(&x->search, from, to);
		atomic_fetch_add(&x->done, to - from);
	}
	return NULL;
}

static void corpus_index_run_phase(struct corpus_index *x, const struct ner_model *model)
{
	pthread_t threads[CORPUS_INDEX_MAX_THREADS];
	atomic_size_t next = 0;
	struct corpus_index_job job = {x, model, &next};
	int started = 0;

	atomic_store(&x->done, 0);
	for (int i = 1; i < x->nthreads; i++)
		if (pthread_create(&threads[started], NULL, corpus_index_worker, &job) == 0)
			started++;
	corpus_index_worker(&job);
	for (int i = 0; i < started; i++)
		pthread_join(threads[i], NULL);
}

static void corpus_index_signal(struct corpus_index *x, unsigned flag)
{
	char b = 1;
	pthread_mutex_lock(&x->lock);
	atomic_fetch_or(&x->ready, flag);
	pthread_cond_broadcast(&x->changed);
	pthread_mutex_unlock(&x->lock);
	while (write(x->pipe[1], &b, 1) < 0 && errno == EINTR)
		;
}

/* Phase 2's first part: each article's entities, from the cache when it has them; what was
 * tagged goes into the cache even when the index is cancelled (quitting while it builds). */
static void corpus_index_entities(struct corpus_index *x, const struct ner_model *model)
{
	struct entity_cache *cache = x->use_cache ? entity_cache_open(x->cache_dir, model) : NULL;
	char *error = NULL;

	if (cache)
		entity_table_use_cache(&x->entities, cache);
	corpus_index_run_phase(x, model);
	if (cache && !entity_table_save_cache(&x->entities, &error))
		x->cache_error = error;
	entity_cache_close(cache);
	x->entities.cache = NULL;
	xtrim(); /* a phase's scratch (the tagger's above all) before the next one */
}

static void *corpus_index_main(void *arg)
{
	struct corpus_index *x = arg;
	const struct ner_model *model;
	char *error = NULL;

	furniture_learn(&x->furniture, x->corpus);
	entity_table_use_furniture(&x->entities, &x->furniture);
	corpus_index_run_phase(x, NULL);
	xtrim();
	atomic_store(&x->done, 0); /* before the flag: the second phase's 0%, not 100% */
	corpus_index_signal(x, CORPUS_INDEX_SEARCH);
	model = ner_default(&error);
	if (model == NULL)
		x->error = xstrdup(error ? error : "the entity model could not be loaded");
	else if (!atomic_load(&x->cancel)) {
		corpus_index_entities(x, model);
		if (!atomic_load(&x->cancel)) {
			entity_table_merge(&x->entities);
			related_index_build(&x->related, &x->entities, &x->search, x->nthreads, &x->cancel);
			xtrim();
		}
	}
	corpus_index_signal(x, CORPUS_INDEX_ENTITIES);
	return NULL;
}

static void corpus_index_init(struct corpus_index *x, const struct corpus *c, int nthreads)
{
	memset(x, 0, sizeof *x);
	x->corpus = c;
	x->nthreads = corpus_index_threads(nthreads);
	search_index_init(&x->search, c);
	pthread_mutex_init(&x->lock, NULL);
	pthread_cond_init(&x->changed, NULL);
	if (pipe2(x->pipe, O_CLOEXEC | O_NONBLOCK) < 0)
		fatal("cannot create a pipe: %s", strerror(errno));
}

void corpus_index_prepare(struct corpus_index *x, const struct corpus *c)
{
	corpus_index_init(x, c, 0);
}

void corpus_index_grow(struct corpus_index *x, size_t n)
{
	struct search_index *s = &x->search;

	if (x->started || n <= s->n)
		return;
	s->text = xreallocarray(s->text, n, sizeof *s->text);
	s->len = xreallocarray(s->len, n, sizeof *s->len);
	memset(s->text + s->n, 0, (n - s->n) * sizeof *s->text);
	memset(s->len + s->n, 0, (n - s->n) * sizeof *s->len);
	s->n = n;
}

/* Prepared (corpus_index_prepare): keep the search entries built so far, take in the rest. */
static void corpus_index_ready_for(struct corpus_index *x, const struct corpus *c, int nthreads)
{
	xhold_malloc_thresholds(); /* the related stories' vocabularies and scratch: 14 MB of the peak */
	if (x->corpus == c && !x->started) {
		x->nthreads = corpus_index_threads(nthreads);
		corpus_index_grow(x, c->n);
	} else
		corpus_index_init(x, c, nthreads);
	entity_table_init(&x->entities, c);
}

void corpus_index_start(struct corpus_index *x, const struct corpus *c, int nthreads)
{
	corpus_index_ready_for(x, c, nthreads);
	x->started = true;
	if (pthread_create(&x->thread, NULL, corpus_index_main, x) != 0) {
		x->started = false;
		corpus_index_main(x); /* no thread to be had: build now */
	}
}

void corpus_index_build(struct corpus_index *x, const struct corpus *c, int nthreads)
{
	corpus_index_ready_for(x, c, nthreads);
	corpus_index_main(x);
}

void corpus_index_cache(struct corpus_index *x, const char *dir)
{
	x->use_cache = true;
	free(x->cache_dir);
	x->cache_dir = dir ? xstrdup(dir) : NULL;
}

int corpus_index_fd(const struct corpus_index *x) { return x->pipe[0]; }

unsigned corpus_index_poll(struct corpus_index *x)
{
	char buf[16];
	while (read(x->pipe[0], buf, sizeof buf) > 0)
		;
	return atomic_load(&x->ready);
}

void corpus_index_wait(struct corpus_index *x, unsigned flags)
{
	pthread_mutex_lock(&x->lock);
	while ((atomic_load(&x->ready) & flags) != flags)
		pthread_cond_wait(&x->changed, &x->lock);
	pthread_mutex_unlock(&x->lock);
}

int corpus_index_percent(const struct corpus_index *x)
{
	size_t n, done = atomic_load(&x->done);
	unsigned ready = atomic_load(&x->ready);

	if (x->corpus == NULL || (!x->started && ready == 0))
		return 0;
	n = x->corpus->n ? x->corpus->n : 1;
	/* the search phase is quick: count it as the first tenth */
	if (ready & CORPUS_INDEX_ENTITIES)
		return 100;
	if (ready & CORPUS_INDEX_SEARCH)
		return 10 + (int)(90 * (done > n ? n : done) / n);
	return (int)(10 * (done > n ? n : done) / n);
}

void corpus_index_free(struct corpus_index *x)
{
	if (x->corpus == NULL)
		return;
	atomic_store(&x->cancel, true);
	if (x->started)
		pthread_join(x->thread, NULL);
	x->started = false;
	related_index_free(&x->related); /* all zero when it was never built */
	entity_table_free(&x->entities);
	furniture_free(&x->furniture);
	search_index_free(&x->search);
	free(x->error);
	free(x->cache_error);
	free(x->cache_dir);
	for (size_t i = 0; i < x->ngiven; i++)
		if (x->given_have[i])
			article_entities_free(&x->given[i]);
	free(x->given);
	free(x->given_have);
	close(x->pipe[0]);
	close(x->pipe[1]);
	pthread_mutex_destroy(&x->lock);
	pthread_cond_destroy(&x->changed);
	memset(x, 0, sizeof *x);
}
