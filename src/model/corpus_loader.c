/* corpus_loader.c - the files of a walk loaded on worker threads, handed over in order.
 *
 * Each file step of the plan (corpus_walk.c) gets a corpus of its own, filled by whichever
 * worker claims it; workers claim steps in plan order. The caller's thread hands the steps
 * over strictly in plan order, each as soon as it and all before it are ready, so the result
 * does not depend on which worker was faster. A big file also puts its articles on a shelf
 * in batches as they come: those of the first file not yet ready can be handed over early.
 * A worker writes a byte to a pipe after each step and batch: the read end wakes the
 * caller's poll(). */
#include "qari/corpus_loader.h"

#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "corpus_walk.h"
#include "loader.h"
#include "qari/html.h"
#include "qari/xalloc.h"

#define CORPUS_LOADER_MAX_THREADS 8  /* by default: more rarely helps a memory-bound load */
#define CORPUS_LOADER_ENV_MAX 64     /* the most QARI_THREADS may ask for */
#define CORPUS_LOADER_BATCH 256      /* articles per early batch: some 20 ms of loading */

/* Articles of a file still loading, handed over before it ends (under lock). */
struct corpus_shelf {
	struct article **items;
	size_t n, cap;
};

struct corpus_loader {
	struct corpus_plan plan;
	struct corpus *results; /* per step: what a worker loaded (file steps) */
	bool *ready;            /* per step: loaded, or nothing to load (under lock) */
	struct corpus_shelf *shelves; /* per step: its first articles, in batches (under lock) */
	size_t next;            /* the next step a worker may claim (under lock) */
	size_t taken;           /* steps handed over (caller's thread only) */
	size_t articles;        /* articles handed over (caller's thread only) */
	size_t dir_mark;        /* articles handed over when the folder argument began */
	pthread_mutex_t lock;
	pthread_t *threads;
	int nthreads; /* 0: no thread could start; corpus_loader_take loads one step itself */
	int pipe[2];  /* [0] readable after a step is ready, [1] written by the workers */
	atomic_bool cancel;
	atomic_size_t files_done;
	_Atomic uint64_t bytes_done;
	long pace_us; /* QARI_TEST_LOAD_PACE_US: a pause after each file, for tests only */
};

int corpus_loader_threads(size_t nfiles)
{
	const char *env = getenv("QARI_THREADS");
	long n = 0;

	if (env && *env) {
		char *end;
		n = strtol(env, &end, 10);
		if (*end != '\0' || n < 1 || n > CORPUS_LOADER_ENV_MAX)
			n = 0; /* nonsense: as if unset */
	}
	if (n == 0) {
		n = sysconf(_SC_NPROCESSORS_ONLN);
		n = n < 1 ? 1 : n > CORPUS_LOADER_MAX_THREADS ? CORPUS_LOADER_MAX_THREADS : n;
	}
	return (size_t)n > nfiles ? (int)nfiles : (int)n;
}

/* Wake the caller; a full pipe is readable already, so a failed write loses nothing. */
static void corpus_loader_notify(struct corpus_loader *l)
{
	ssize_t k = write(l->pipe[1], "", 1);
	(void)k;
}

static void corpus_loader_drain(struct corpus_loader *l)
{
	char buf[256];
	while (read(l->pipe[0], buf, sizeof buf) > 0)
		;
}

/* The next file step to load, in plan order; false when none is left or the load stops. */
static bool corpus_loader_claim(struct corpus_loader *l, size_t *step)
{
	bool ok;

	pthread_mutex_lock(&l->lock);
	while (l->next < l->plan.n && l->plan.steps[l->next].kind != CORPUS_STEP_FILE)
		l->next++;
	ok = l->next < l->plan.n && !atomic_load(&l->cancel);
	if (ok)
		*step = l->next++;
	pthread_mutex_unlock(&l->lock);
	return ok;
}

static void corpus_loader_run(struct corpus_loader *l, size_t i)
{
	const struct corpus_step *s = &l->plan.steps[i];
	struct corpus_job job = {.id_root = s->id_root, .cancel = &l->cancel, .loader = l,
				 .step = i, .batch = CORPUS_LOADER_BATCH};
	struct corpus *r = &l->results[i];

	r->job = &job;
	corpus_load_file(r, s->text);
	r->job = NULL;
	pthread_mutex_lock(&l->lock);
	l->ready[i] = true;
	pthread_mutex_unlock(&l->lock);
	atomic_fetch_add(&l->files_done, 1);
	atomic_fetch_add(&l->bytes_done, s->bytes);
	corpus_loader_notify(l);
}

void corpus_loader_publish(struct corpus *c)
{
	struct corpus_loader *l = c->job->loader;
	struct corpus_shelf *s = &l->shelves[c->job->step];

	pthread_mutex_lock(&l->lock);
	xgrow(&s->items, &s->cap, s->n + c->n, sizeof *s->items);
	memcpy(s->items + s->n, c->items, c->n * sizeof *c->items);
	s->n += c->n;
	pthread_mutex_unlock(&l->lock);
	c->n = 0;
	corpus_loader_notify(l);
}

static void *corpus_loader_worker(void *arg)
{
	struct corpus_loader *l = arg;
	size_t i;

	while (corpus_loader_claim(l, &i)) {
		corpus_loader_run(l, i);
		if (l->pace_us > 0)
			usleep((useconds_t)l->pace_us);
	}
	return NULL;
}

/* Workers block every signal: the caller's thread is the one that handles them. */
static void corpus_loader_spawn(struct corpus_loader *l, int want)
{
	sigset_t all, old;

	l->threads = xcalloc((size_t)(want > 0 ? want : 1), sizeof *l->threads);
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	for (int i = 0; i < want; i++) {
		if (pthread_create(&l->threads[l->nthreads], NULL, corpus_loader_worker, l) != 0)
			break; /* fewer threads still load everything; none: take loads itself */
		l->nthreads++;
	}
	pthread_sigmask(SIG_SETMASK, &old, NULL);
}

struct corpus_loader *corpus_loader_start(char *const *paths, size_t npaths)
{
	struct corpus_loader *l = xcalloc(1, sizeof *l);
	size_t nsteps;

	corpus_walk_paths(&l->plan, paths, npaths);
	nsteps = l->plan.n ? l->plan.n : 1;
	l->results = xcalloc(nsteps, sizeof *l->results);
	l->ready = xcalloc(nsteps, sizeof *l->ready);
	l->shelves = xcalloc(nsteps, sizeof *l->shelves);
	for (size_t i = 0; i < l->plan.n; i++)
		l->ready[i] = l->plan.steps[i].kind != CORPUS_STEP_FILE;
	if (pipe2(l->pipe, O_CLOEXEC | O_NONBLOCK) < 0)
		fatal("cannot create a pipe: %s", strerror(errno));
	pthread_mutex_init(&l->lock, NULL);
	atomic_init(&l->cancel, false);
	atomic_init(&l->files_done, 0);
	atomic_init(&l->bytes_done, 0);
	l->pace_us = getenv("QARI_TEST_LOAD_PACE_US") ? atol(getenv("QARI_TEST_LOAD_PACE_US")) : 0;
	/* libraries whose set-up is not safe to race: done here, before any worker runs */
	html_init();
	json_object_seed(0);
	corpus_loader_notify(l); /* the steps before the first file are ready now */
	corpus_loader_spawn(l, corpus_loader_threads(l->plan.files));
	return l;
}

int corpus_loader_fd(const struct corpus_loader *l) { return l->pipe[0]; }

bool corpus_loader_wait(const struct corpus_loader *l, int timeout_ms)
{
	struct pollfd p = {.fd = l->pipe[0], .events = POLLIN};
	return poll(&p, 1, timeout_ms) > 0;
}

/* Move the articles on a shelf into dst; the shelf is left empty. */
static size_t corpus_loader_unshelve(struct corpus *dst, struct corpus_shelf *s)
{
	size_t n = s->n;

	if (n) {
		xgrow(&dst->items, &dst->cap, dst->n + n, sizeof *dst->items);
		memcpy(dst->items + dst->n, s->items, n * sizeof *s->items);
		dst->n += n;
	}
	free(s->items);
	memset(s, 0, sizeof *s);
	return n;
}

/* Move a finished file's articles and report into dst; its corpus is left empty. */
static size_t corpus_loader_move(struct corpus *dst, struct corpus *r)
{
	struct load_report *from = &r->report, *to = &dst->report;
	size_t n = r->n;

	if (n) {
		xgrow(&dst->items, &dst->cap, dst->n + n, sizeof *dst->items);
		memcpy(dst->items + dst->n, r->items, n * sizeof *r->items);
		dst->n += n;
	}
	if (from->nmessages) {
		xgrow(&to->messages, &to->cap, to->nmessages + from->nmessages, sizeof *to->messages);
		memcpy(to->messages + to->nmessages, from->messages,
		       from->nmessages * sizeof *from->messages);
		to->nmessages += from->nmessages;
	}
	to->files_loaded += from->files_loaded;
	to->files_skipped += from->files_skipped;
	to->items_loaded += from->items_loaded;
	to->items_skipped += from->items_skipped;
	to->items_empty += from->items_empty;
	free(r->items);
	free(from->messages);
	memset(r, 0, sizeof *r);
	return n;
}

/* One step into dst, as the single-threaded load would have done it at that point. */
static void corpus_loader_hand_over(struct corpus_loader *l, size_t i, struct corpus *dst)
{
	struct corpus_step *s = &l->plan.steps[i];

	switch (s->kind) {
	case CORPUS_STEP_FILE: /* the batches came first */
		l->articles += corpus_loader_unshelve(dst, &l->shelves[i]);
		l->articles += corpus_loader_move(dst, &l->results[i]);
		break;
	case CORPUS_STEP_NOTE:
		xgrow(&dst->report.messages, &dst->report.cap, dst->report.nmessages + 1,
		      sizeof *dst->report.messages);
		dst->report.messages[dst->report.nmessages++] = s->text;
		s->text = NULL;
		dst->report.files_skipped += s->skipped;
		break;
	case CORPUS_STEP_DIR_START:
		l->dir_mark = l->articles;
		break;
	case CORPUS_STEP_DIR_END:
		if (l->articles == l->dir_mark)
			load_report_add(&dst->report, "%s: no articles in this folder", s->text);
		break;
	}
}

size_t corpus_loader_take(struct corpus_loader *l, struct corpus *dst)
{
	struct corpus_shelf head = {0};
	size_t before = l->articles, end, i;

	/* empty the pipe first: a step that becomes ready after this writes a fresh byte */
	corpus_loader_drain(l);
	if (l->nthreads == 0 && corpus_loader_claim(l, &i))
		corpus_loader_run(l, i);
	pthread_mutex_lock(&l->lock);
	for (end = l->taken; end < l->plan.n && l->ready[end]; end++)
		;
	if (end < l->plan.n) { /* the first file still loading: its batches so far */
		head = l->shelves[end];
		memset(&l->shelves[end], 0, sizeof head);
	}
	pthread_mutex_unlock(&l->lock);
	for (; l->taken < end; l->taken++)
		corpus_loader_hand_over(l, l->taken, dst);
	l->articles += corpus_loader_unshelve(dst, &head);
	return l->articles - before;
}

bool corpus_loader_done(const struct corpus_loader *l) { return l->taken == l->plan.n; }

void corpus_loader_progress(const struct corpus_loader *l, struct corpus_loader_progress *p)
{
	p->files_done = atomic_load(&l->files_done);
	p->files_total = l->plan.files;
	p->bytes_done = atomic_load(&l->bytes_done);
	p->bytes_total = l->plan.bytes;
	p->articles = l->articles;
}

void corpus_loader_free(struct corpus_loader *l)
{
	if (l == NULL)
		return;
	atomic_store(&l->cancel, true);
	for (int i = 0; i < l->nthreads; i++)
		pthread_join(l->threads[i], NULL);
	for (size_t i = 0; i < l->plan.n; i++) {
		for (size_t k = 0; k < l->shelves[i].n; k++)
			article_free(l->shelves[i].items[k]);
		free(l->shelves[i].items);
		corpus_free(&l->results[i]);
	}
	free(l->shelves);
	free(l->results);
	free(l->ready);
	free(l->threads);
	corpus_walk_free(&l->plan);
	pthread_mutex_destroy(&l->lock);
	close(l->pipe[0]);
	close(l->pipe[1]);
	free(l);
}
