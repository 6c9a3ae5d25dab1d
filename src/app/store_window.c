/* store_window.c - the list on the store as a window of rows around the selection
 * (store_window.h). */
#include "store_window.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "qari/xalloc.h"

#define COUNT_FAILED SIZE_MAX /* the counter could not count: the window counts at once */

/* A filter as the counter keeps it: its own copies, the search as text. */
struct count_job {
	char *text;
	int64_t feed;
	int64_t *feeds;
	size_t nfeeds;
	char *source;
	char *entities;
	enum store_list_marks marks;
};

struct store_counter {
	pthread_t thread;
	int pipe[2];
	char *path;
	pthread_mutex_t mu; /* guards what follows */
	pthread_cond_t cv;  /* the thread: a job or quit; the loop (a wait): a result */
	struct store *store; /* the thread's connection; the loop only interrupts it */
	struct count_job job;
	unsigned long want, running, done; /* generations: asked for, being counted, counted */
	size_t count, unread;              /* done's */
	bool quit;
	long delay_ms; /* QARI_TEST_COUNT_DELAY_MS: each count starts this late (tests only) */
};

static void count_job_free(struct count_job *j)
{
	free(j->text);
	free(j->feeds);
	free(j->source);
	free(j->entities);
	memset(j, 0, sizeof *j);
}

static void count_job_copy(struct count_job *to, const struct count_job *from)
{
	*to = *from;
	to->text = from->text ? xstrdup(from->text) : NULL;
	to->source = from->source ? xstrdup(from->source) : NULL;
	to->entities = from->entities ? xstrdup(from->entities) : NULL;
	to->feeds = from->nfeeds ? xcalloc(from->nfeeds, sizeof *to->feeds) : NULL;
	if (from->nfeeds)
		memcpy(to->feeds, from->feeds, from->nfeeds * sizeof *to->feeds);
}

/* Count a job on the thread's connection; false when interrupted or failed. */
static bool counter_count(struct store *s, const struct count_job *j, size_t *n, size_t *unread)
{
	struct store_list_filter f = {.feed = j->feed, .feeds = j->feeds, .nfeeds = j->nfeeds,
				      .source = j->source, .entities = j->entities, .marks = j->marks};
	struct search_query q;
	bool ok;

	if (j->text && !search_query_init(&q, j->text, false))
		return false;
	f.query = j->text ? &q : NULL;
	ok = store_list_count_try(s, &f, n, unread);
	if (j->text)
		search_query_free(&q);
	return ok;
}

static void counter_wake(struct store_counter *c)
{
	char b = 1;
	while (write(c->pipe[1], &b, 1) < 0 && errno == EINTR)
		;
}

/* The test delay before counting gen, cut short when a newer count is asked for (or quit). */
static void counter_delay(struct store_counter *c, unsigned long gen)
{
	for (long t = 0; t < c->delay_ms; t += 10) {
		bool stale;
		nanosleep(&(struct timespec){0, 10 * 1000000L}, NULL);
		pthread_mutex_lock(&c->mu);
		stale = c->quit || c->want != gen;
		pthread_mutex_unlock(&c->mu);
		if (stale)
			return;
	}
}

/* The thread: the newest job counted, again when a newer one came meanwhile. */
static void *counter_main(void *arg)
{
	struct store_counter *c = arg;
	char *error = NULL;
	struct store *s = store_open(c->path, &error);

	free(error);
	pthread_mutex_lock(&c->mu);
	c->store = s;
	for (;;) {
		struct count_job job;
		unsigned long gen;
		size_t n = 0, unread = 0;
		bool ok;

		while (!c->quit && c->want == c->done)
			pthread_cond_wait(&c->cv, &c->mu);
		if (c->quit)
			break;
		gen = c->running = c->want;
		count_job_copy(&job, &c->job);
		pthread_mutex_unlock(&c->mu);
		counter_delay(c, gen);
		ok = s && counter_count(s, &job, &n, &unread);
		count_job_free(&job);
		pthread_mutex_lock(&c->mu);
		c->running = 0;
		if (gen != c->want) /* interrupted or not, a newer one is due */
			continue;
		c->done = gen;
		c->count = ok ? n : COUNT_FAILED;
		c->unread = unread;
		pthread_cond_broadcast(&c->cv);
		counter_wake(c);
	}
	c->store = NULL;
	pthread_mutex_unlock(&c->mu);
	store_close(s);
	return NULL;
}

struct store_counter *store_counter_new(const char *db_path)
{
	struct store_counter *c = xcalloc(1, sizeof *c);

	const char *delay = getenv("QARI_TEST_COUNT_DELAY_MS");

	c->path = xstrdup(db_path);
	c->delay_ms = delay ? atol(delay) : 0;
	if (pipe2(c->pipe, O_CLOEXEC | O_NONBLOCK) < 0) {
		free(c->path);
		free(c);
		return NULL;
	}
	pthread_mutex_init(&c->mu, NULL);
	pthread_cond_init(&c->cv, NULL);
	if (pthread_create(&c->thread, NULL, counter_main, c) != 0) {
		close(c->pipe[0]);
		close(c->pipe[1]);
		pthread_mutex_destroy(&c->mu);
		pthread_cond_destroy(&c->cv);
		free(c->path);
		free(c);
		return NULL;
	}
	return c;
}

void store_counter_free(struct store_counter *c)
{
	if (c == NULL)
		return;
	pthread_mutex_lock(&c->mu);
	c->quit = true;
	if (c->running && c->store)
		store_list_interrupt(c->store);
	pthread_cond_broadcast(&c->cv);
	pthread_mutex_unlock(&c->mu);
	pthread_join(c->thread, NULL);
	close(c->pipe[0]);
	close(c->pipe[1]);
	pthread_mutex_destroy(&c->mu);
	pthread_cond_destroy(&c->cv);
	count_job_free(&c->job);
	free(c->path);
	free(c);
}

int store_counter_fd(const struct store_counter *c) { return c ? c->pipe[0] : -1; }

/* Count f (text: its search) as generation gen; the count running, if older, stops. */
static void counter_ask(struct store_counter *c, const struct store_list_filter *f,
			const char *text, unsigned long gen)
{
	struct count_job j = {.text = (char *)text, .feed = f->feed, .feeds = (int64_t *)f->feeds,
			      .nfeeds = f->nfeeds, .source = (char *)f->source,
			      .entities = (char *)f->entities, .marks = f->marks};

	pthread_mutex_lock(&c->mu);
	count_job_free(&c->job);
	count_job_copy(&c->job, &j);
	c->want = gen;
	if (c->running && c->running != gen && c->store)
		store_list_interrupt(c->store);
	pthread_cond_broadcast(&c->cv);
	pthread_mutex_unlock(&c->mu);
}

/* Generation gen's count, when it came (wait: until it does). */
static bool counter_take(struct store_counter *c, unsigned long gen, bool wait, size_t *n,
			 size_t *unread)
{
	bool have;

	pthread_mutex_lock(&c->mu);
	while (wait && c->done != gen && c->want == gen)
		pthread_cond_wait(&c->cv, &c->mu);
	have = c->done == gen;
	if (have) {
		*n = c->count;
		*unread = c->unread;
	}
	pthread_mutex_unlock(&c->mu);
	return have;
}

void store_window_init(struct store_window *w, struct store *s)
{
	memset(w, 0, sizeof *w);
	w->store = s;
	w->f = STORE_LIST_ALL;
	w->f.any_hit = true; /* the list shows no hit counts: a row's first hit is enough */
}

static void window_drop_search(struct store_window *w)
{
	if (w->f.query)
		search_query_free(&w->q);
	w->f.query = NULL;
	xfree(&w->text);
}

void store_window_free(struct store_window *w)
{
	store_window_stage_drop(w);
	window_drop_search(w);
	free((char *)w->f.source);
	free((char *)w->f.entities);
	free((int64_t *)w->f.feeds);
	store_list_page_free(&w->page);
	memset(w, 0, sizeof *w);
}

void store_window_reset(struct store_window *w)
{
	store_window_stage_drop(w); /* of the filter before */
	store_list_page_clear(&w->page);
	w->base = 0;
	w->counted = false;
	w->counting = false;
	w->any.on = false;
	w->gen++; /* a count asked for before is of another filter */
}

void store_window_set_screen(struct store_window *w, size_t rows)
{
	w->first = rows ? rows + STORE_WINDOW_PAGE / 8 : 0;
}

void store_window_set_counter(struct store_window *w, struct store_counter *c)
{
	w->counter = c;
	if (w->f.query) /* its count is the counter's now; the rows of any other list stay */
		store_window_reset(w);
}

/* Counted here and now (the count being made on the thread, if any, is not waited for). */
static void window_count_now(struct store_window *w)
{
	w->count = store_list_count(w->store, &w->f, &w->unread);
	w->counted = true;
	w->counting = false;
}

/* The counter's result n for the filter shown: the count, unless the end was read (then the
 * rows read are exact: the index's count is its candidates'). */
static void window_counted(struct store_window *w, size_t n, size_t unread)
{
	if (n == COUNT_FAILED) {
		window_count_now(w);
		return;
	}
	w->count = w->ended ? w->seen : n;
	w->unread = unread < w->count ? unread : w->count;
	w->counted = true;
	w->counting = false;
}

/* While counting: the rows read so far, one more until the end was read. */
static void window_provisional(struct store_window *w)
{
	w->count = w->ended ? w->seen : w->seen + 1;
}

static void window_count(struct store_window *w)
{
	size_t n, unread;

	if (w->counted)
		return;
	if (w->counter == NULL || w->f.query == NULL) {
		window_count_now(w);
		return;
	}
	if (!w->counting) {
		counter_ask(w->counter, &w->f, w->text, w->gen);
		w->counting = true;
		w->seen = 0;
		w->ended = false;
	}
	if (counter_take(w->counter, w->gen, false, &n, &unread))
		window_counted(w, n, unread);
	else
		window_provisional(w);
}

/* Rows read: while counting, the list holds at least as many. */
static void window_saw(struct store_window *w)
{
	size_t end = w->base + w->page.n;

	if (!w->counting || w->counted)
		return;
	if (end > w->seen)
		w->seen = end;
	window_provisional(w);
}

/* The list ends after n rows. */
static void window_end(struct store_window *w, size_t n)
{
	w->count = n;
	if (w->counting && !w->counted) {
		w->ended = true;
		w->seen = n;
	}
}

size_t store_window_count(struct store_window *w)
{
	window_count(w);
	return w->count;
}

bool store_window_counting(const struct store_window *w, size_t *seen)
{
	bool counting = w->counting && !w->counted && !w->ended;

	if (seen)
		*seen = w->counting && !w->counted ? w->seen : w->count;
	return counting;
}

bool store_window_count_event(struct store_window *w)
{
	char buf[64];
	size_t n, unread;

	while (w->counter && read(store_counter_fd(w->counter), buf, sizeof buf) > 0)
		;
	if (!w->counting || w->counted || !counter_take(w->counter, w->gen, false, &n, &unread))
		return false;
	window_counted(w, n, unread);
	return true;
}

/* The counter's result waited for (the count and the unread among them). */
static void window_wait(struct store_window *w)
{
	size_t n, unread;

	window_count(w);
	if (w->counted)
		return;
	if (counter_take(w->counter, w->gen, true, &n, &unread))
		window_counted(w, n, unread);
	else
		window_count_now(w);
}

void store_window_count_wait(struct store_window *w)
{
	window_count(w);
	if (!w->ended) /* read to the end, the count is known */
		window_wait(w);
}

size_t store_window_unread(struct store_window *w)
{
	window_wait(w);
	return w->unread;
}

static void window_free_rows(struct store_list_row *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].title);
		free(v[i].date);
		free(v[i].source);
	}
}

/* Keep at most STORE_WINDOW_KEEP rows, those farthest from row i dropped. */
static void window_trim(struct store_window *w, size_t i)
{
	struct store_list_page *p = &w->page;
	size_t drop;

	if (p->n <= STORE_WINDOW_KEEP)
		return;
	drop = p->n - STORE_WINDOW_KEEP;
	if (i - w->base >= p->n / 2) { /* i in the later half: the first rows go */
		window_free_rows(p->v, drop);
		memmove(p->v, p->v + drop, (p->n - drop) * sizeof *p->v);
		w->base += drop;
	} else {
		window_free_rows(p->v + p->n - drop, drop);
	}
	p->n -= drop;
}

/* Rows newer than the first kept, up to want of them, put before it; returns how many. */
static size_t window_prepend(struct store_window *w, size_t want)
{
	struct store_list_page more = {0};
	struct store_list_key k = w->page.v[0].key;
	size_t got = store_list_before(w->store, &w->f, &k, want, &more);

	w->reads++;
	xgrow(&more.v, &more.cap, more.n + w->page.n, sizeof *more.v);
	memcpy(more.v + more.n, w->page.v, w->page.n * sizeof *more.v);
	more.n += w->page.n;
	free(w->page.v);
	w->page = more;
	return got;
}

/* The rows around i read afresh, from whichever end of the list is nearer, the rows before
 * them passed over a page at a time. */
static void window_read_around(struct store_window *w, size_t i)
{
	struct store_list_page *p = &w->page;
	size_t half = STORE_WINDOW_PAGE / 2, skip, got, want;
	bool from_end = (w->counted || w->ended) && i > w->count / 2; /* its end is known */
	struct store_list_cursor *c = store_list_open(w->store, &w->f, NULL, from_end);

	store_list_page_clear(p);
	if (!from_end) {
		skip = i > half ? i - half : 0;
		for (w->base = 0; w->base < skip; w->base += got) {
			got = store_list_next(c, skip - w->base < STORE_WINDOW_PAGE ? skip - w->base
										: STORE_WINDOW_PAGE, p);
			w->reads++;
			store_list_page_clear(p);
			if (got == 0)
				break;
		}
		want = skip == 0 && w->first && w->first < STORE_WINDOW_PAGE ? w->first
									   : STORE_WINDOW_PAGE;
		got = store_list_next(c, want, p);
		w->reads++;
		if (got < want)
			window_end(w, w->base + got); /* the end: the count is exact */
	} else {
		size_t from_last = w->count - 1 - i, passed = 0; /* rows after i */
		skip = from_last > half ? from_last - half : 0;
		while (passed < skip) {
			got = store_list_next(c, skip - passed < STORE_WINDOW_PAGE ? skip - passed
										   : STORE_WINDOW_PAGE, p);
			w->reads++;
			store_list_page_clear(p);
			if (got == 0)
				break;
			passed += got;
		}
		got = store_list_next(c, STORE_WINDOW_PAGE, p);
		w->reads++;
		for (size_t k = 0; k < got / 2; k++) { /* read oldest first, kept newest first */
			struct store_list_row t = p->v[k];
			p->v[k] = p->v[got - 1 - k];
			p->v[got - 1 - k] = t;
		}
		w->base = w->count >= passed + got ? w->count - passed - got : 0;
	}
	store_list_close(c);
}

const struct store_list_row *store_window_row_read(const struct store_window *w, size_t i)
{
	return w->page.n && i >= w->base && i < w->base + w->page.n ? &w->page.v[i - w->base]
								       : NULL;
}

size_t store_window_ahead_due(const struct store_window *w, size_t i, size_t rows)
{
	size_t end = w->base + w->page.n;

	if (w->f.query || !w->counted || w->page.n == 0 || i < w->base || i >= end)
		return SIZE_MAX;
	rows = rows < STORE_WINDOW_AHEAD_MAX ? rows : STORE_WINDOW_AHEAD_MAX;
	if (end < w->count && i + rows >= end)
		return i + rows < w->count ? i + rows : w->count - 1;
	if (w->base > 0 && (i > rows ? i - rows : 0) < w->base)
		return i > rows ? i - rows : 0;
	return SIZE_MAX;
}

size_t store_window_unread_due(const struct store_window *w, size_t i, size_t reach)
{
	size_t end = w->base + w->page.n;

	if (w->f.query || !w->counted || w->page.n == 0 || i < w->base || i >= end)
		return SIZE_MAX;
	reach = reach < STORE_WINDOW_AHEAD_MAX ? reach : STORE_WINDOW_AHEAD_MAX;
	for (size_t k = i + 1; k < end && k <= i + reach; k++)
		if (!w->page.v[k - w->base].read)
			return SIZE_MAX; /* the nearest is read already */
	return end <= i + reach && end < w->count ? end : SIZE_MAX;
}

const struct store_list_row *store_window_row(struct store_window *w, size_t i)
{
	struct store_list_page *p = &w->page;
	size_t end;

	window_count(w);
	if (i >= w->count)
		return NULL;
	end = w->base + p->n;
	if (p->n && i >= w->base && i < end)
		return &p->v[i - w->base];
	if (p->n && i >= end && i - end < STORE_WINDOW_KEEP) {
		struct store_list_key k = p->v[p->n - 1].key;
		size_t want = i - end + STORE_WINDOW_PAGE;
		size_t got = store_list_after(w->store, &w->f, &k, want, p);
		w->reads++;
		if (got < want)
			window_end(w, w->base + p->n); /* the end: the count is exact */
	} else if (p->n && i < w->base && w->base - i < STORE_WINDOW_KEEP) {
		size_t want = w->base - i + STORE_WINDOW_PAGE;
		size_t got;
		want = want > w->base ? w->base : want;
		got = window_prepend(w, want);
		/* a search's count is its candidates': the top may be nearer than it said */
		w->base = got < want ? 0 : w->base - got;
	} else {
		window_read_around(w, i);
	}
	window_saw(w);
	window_trim(w, i);
	return i >= w->base && i < w->base + p->n ? &p->v[i - w->base] : NULL;
}

void store_window_reach(struct store_window *w, size_t i)
{
	window_count(w);
	while (w->counting && !w->counted && !w->ended && w->seen <= i)
		if (store_window_row(w, w->seen) == NULL)
			break;
}

const struct store_list_row *store_window_read_row(struct store *s, int64_t row,
						   struct store_list_page *page)
{
	struct store_list_key key;

	store_list_page_clear(page);
	if (!store_list_key_of(s, row, &key))
		return NULL;
	key.row++; /* the row itself is the first after the key just above it */
	store_list_after(s, &STORE_LIST_ALL, &key, 1, page);
	return page->n == 1 && page->v[0].key.row == row ? &page->v[0] : NULL;
}

/* The rows around the one at key read afresh, its index in the list at: half a page a side,
 * more than a screen; the rest is read ahead between keys (store_window_ahead_due). */
static void window_seat(struct store_window *w, const struct store_list_key *key, size_t at)
{
	struct store_list_page *p = &w->page;
	size_t side = STORE_WINDOW_PAGE / 2, before;

	store_list_page_clear(p);
	before = store_list_before(w->store, &w->f, key, side, p);
	/* the row itself and those after it: after the last newer one, else from the top */
	if (before)
		store_list_after(w->store, &w->f, &p->v[before - 1].key, side + 1, p);
	else
		store_list_after(w->store, &w->f, NULL, side + 1, p);
	w->reads += 2;
	w->base = at >= before ? at - before : 0;
	window_saw(w);
}

size_t store_window_seek(struct store_window *w, const struct store_list_key *key)
{
	size_t at = store_list_rank(w->store, &w->f, key);

	window_count(w);
	window_seat(w, key, at);
	return at;
}

/* The nearest unread row past the rows read, by a row at a time (a search's rows are each
 * checked; a view of bookmarks has no unread condition of its own). */
static size_t window_unread_walk(struct store_window *w, size_t i, bool forward)
{
	const struct store_list_row *r;

	for (size_t k = forward ? i + 1 : i - 1; k < store_window_count(w);
	     k = forward ? k + 1 : k - 1)
		if ((r = store_window_row(w, k)) == NULL || !r->read)
			return r ? k : SIZE_MAX;
	return SIZE_MAX;
}

/* The nearest unread row from row i among the rows read: its index, or SIZE_MAX with *k the
 * first index past them (SIZE_MAX: above the first row) and *last the last row read looked
 * at (NULL: row i is not read). */
static size_t window_unread_read(const struct store_window *w, size_t i, bool forward,
				 size_t *k, const struct store_list_row **last)
{
	const struct store_list_row *r;

	*last = store_window_row_read(w, i);
	for (*k = i;;) {
		if (!forward && *k == 0) {
			*k = SIZE_MAX;
			return SIZE_MAX;
		}
		*k = forward ? *k + 1 : *k - 1;
		if ((r = store_window_row_read(w, *k)) == NULL)
			return SIZE_MAX;
		if (!r->read)
			return *k;
		*last = r;
	}
}

/* Past the rows read (k the first index past them, last the last row read): the next unread
 * row's key from the index and its index in the list from the rows between it and the last
 * row read, kept in w->past. False when there is none. */
static bool window_unread_find(struct store_window *w, size_t i, bool forward, size_t k,
			       const struct store_list_row *last)
{
	struct store_list_filter unread = w->f;
	struct store_list_page one = {0};
	size_t got, between;

	unread.marks = STORE_LIST_UNREAD;
	got = forward ? store_list_after(w->store, &unread, &last->key, 1, &one)
		      : store_list_before(w->store, &unread, &last->key, 1, &one);
	w->past = (struct store_window_past){.on = true, .forward = forward, .from = i,
					     .gen = w->gen, .none = got == 0};
	if (got) {
		w->past.at = one.v[0].key;
		between = forward ? store_list_between(w->store, &w->f, &last->key, &w->past.at)
				  : store_list_between(w->store, &w->f, &w->past.at, &last->key);
		w->past.index = forward ? k + between : k - between;
	}
	store_list_page_free(&one);
	return got != 0;
}

/* Whether w->past is the one for row i in that direction. */
static bool window_past_kept(const struct store_window *w, size_t i, bool forward)
{
	return w->past.on && w->past.from == i && w->past.forward == forward &&
	       w->past.gen == w->gen;
}

/* Whether the nearest unread row is looked for by the index (a search's rows are each
 * checked; a view of bookmarks has no unread condition of its own). */
static bool window_unread_by_index(const struct store_window *w)
{
	return w->f.query == NULL && w->f.marks != STORE_LIST_BOOKMARKED;
}

size_t store_window_next_unread(struct store_window *w, size_t i, bool forward)
{
	const struct store_list_row *last;
	size_t k, at = window_unread_read(w, i, forward, &k, &last);

	if (at != SIZE_MAX || k == SIZE_MAX)
		return at;
	if (!window_unread_by_index(w) || last == NULL)
		return window_unread_walk(w, forward ? k - 1 : k + 1, forward);
	window_count(w);
	if (forward && k >= w->count)
		return SIZE_MAX;
	if (!window_past_kept(w, i, forward) && !window_unread_find(w, i, forward, k, last))
		return SIZE_MAX;
	if (w->past.none)
		return SIZE_MAX;
	at = w->past.index;
	window_seat(w, &w->past.at, at);
	w->past.on = false;
	return at;
}

int64_t store_window_unread_past(struct store_window *w, size_t i, bool forward)
{
	const struct store_list_row *last;
	size_t k;

	if (!window_unread_by_index(w) || !w->counted)
		return 0;
	if (window_past_kept(w, i, forward))
		return w->past.none ? 0 : w->past.at.row;
	if (window_unread_read(w, i, forward, &k, &last) != SIZE_MAX || k == SIZE_MAX ||
	    k >= w->count || last == NULL)
		return 0;
	return window_unread_find(w, i, forward, k, last) ? w->past.at.row : 0;
}

size_t store_window_newer(struct store_window *w)
{
	size_t was = w->count, got = 0;
	bool counted = w->counted;

	w->past.on = false; /* rows joined above: indices moved */
	w->any.on = false;
	window_count_now(w);
	if (w->page.n && w->base == 0) {
		got = window_prepend(w, STORE_WINDOW_KEEP);
		if (got == STORE_WINDOW_KEEP) { /* more than a window came: read it afresh */
			store_list_page_clear(&w->page);
			return counted && w->count > was ? w->count - was : got;
		}
		window_trim(w, 0);
		return got;
	}
	got = counted && w->count > was ? w->count - was : 0;
	w->base += w->page.n ? got : 0;
	return got;
}

void store_window_mark(struct store_window *w, const char *id, int read, int bookmark)
{
	bool kept = false;

	w->past.on = false; /* the nearest unread row may be another now */
	w->any.unread_on = false;
	for (size_t i = 0; i < w->page.n; i++) {
		struct store_list_row *r = &w->page.v[i];
		if (strcmp(r->id, id) != 0)
			continue;
		kept = true;
		if (read >= 0 && r->read != (read != 0)) /* a row of the list: the count moves by one */
			w->unread += read ? (size_t)-1 : 1;
		if (read >= 0)
			r->read = read != 0;
		if (bookmark >= 0)
			r->bookmark = bookmark != 0;
	}
	/* the rows stay where they are (a view of unread ones keeps a row read now); a mark of
	 * an article not kept may be of a row of the list: counted again, but for a search, whose
	 * unread figure nothing shows and whose count is the index's whole (0.5 s at 1,000,000
	 * articles: opening a related story would wait for it) */
	if (!kept && w->counted && w->f.query == NULL) {
		size_t count = w->count;
		window_count_now(w);
		w->count = count;
	}
}

bool store_window_search(struct store_window *w, const char *text)
{
	struct search_query q;

	if (!search_query_init(&q, text, false))
		return false;
	window_drop_search(w);
	w->q = q;
	w->f.query = &w->q;
	w->text = xstrdup(text);
	store_window_reset(w);
	return true;
}

void store_window_feed(struct store_window *w, int64_t feed, const char *source)
{
	free((char *)w->f.source);
	w->f.source = source ? xstrdup(source) : NULL;
	w->f.feed = feed;
	store_window_reset(w);
}

void store_window_entity(struct store_window *w, const char *terms)
{
	free((char *)w->f.entities);
	w->f.entities = terms ? xstrdup(terms) : NULL;
	store_window_reset(w);
}

void store_window_feeds(struct store_window *w, const int64_t *feeds, size_t n)
{
	int64_t *v = n ? xcalloc(n, sizeof *v) : NULL;
	if (n)
		memcpy(v, feeds, n * sizeof *v);
	free((int64_t *)w->f.feeds);
	w->f.feeds = v;
	w->f.nfeeds = n;
	store_window_reset(w);
}

void store_window_marks(struct store_window *w, enum store_list_marks marks)
{
	w->f.marks = marks;
	store_window_reset(w);
}

size_t store_window_count_any_marks(struct store_window *w, size_t *unread)
{
	struct store_list_filter f = w->f;

	if (!w->any.on || (unread && !w->any.unread_on)) {
		f.marks = STORE_LIST_ANY_MARK;
		w->any.count = store_list_count(w->store, &f, &w->any.unread);
		w->any.on = w->any.unread_on = true;
	}
	if (unread)
		*unread = w->any.unread;
	return w->any.count;
}

bool store_window_stage_search(struct store_window *w, const char *text)
{
	struct store_window_stage *s = &w->stage;
	struct search_query q;

	if (!search_query_init(&q, text, false))
		return false;
	store_window_stage_drop(w);
	s->on = true;
	s->q = q;
	s->text = xstrdup(text);
	s->f = w->f;
	s->f.query = &s->q;
	s->want = w->first && w->first < STORE_WINDOW_PAGE ? w->first : STORE_WINDOW_PAGE;
	return true;
}

const char *store_window_staged(const struct store_window *w)
{
	return w->stage.on ? w->stage.text : NULL;
}

void store_window_stage_drop(struct store_window *w)
{
	struct store_window_stage *s = &w->stage;

	if (!s->on)
		return;
	store_list_close(s->c);
	search_query_free(&s->q);
	free(s->text);
	store_list_page_free(&s->page);
	memset(s, 0, sizeof *s);
}

/* The staged search becomes the window's, its top read: as store_window_search, then the
 * first read of window_read_around. */
static void window_stage_commit(struct store_window *w)
{
	struct store_window_stage s = w->stage;
	bool end = store_list_ended(s.c) && s.page.n < s.want;

	memset(&w->stage, 0, sizeof w->stage);
	store_list_close(s.c);
	window_drop_search(w);
	w->q = s.q;
	w->f.query = &w->q;
	w->text = s.text;
	store_window_reset(w);
	store_list_page_free(&w->page);
	w->page = s.page;
	w->base = 0;
	w->reads++;
	window_count(w);
	if (end)
		window_end(w, w->page.n); /* the end: the count is exact */
	window_saw(w);
}

bool store_window_stage_step(struct store_window *w, size_t rows)
{
	struct store_window_stage *s = &w->stage;

	if (!s->on)
		return false;
	if (s->c == NULL) { /* a step of its own: the statements prepared */
		s->c = store_list_open(w->store, &s->f, NULL, false);
		return false;
	}
	if (!s->planned) { /* and another: the page planned (the index asked how common) */
		store_list_next_some(s->c, s->want, 0, &s->page);
		s->planned = true;
		return false;
	}
	store_list_next_some(s->c, s->want - s->page.n, rows, &s->page);
	if (s->page.n < s->want && !store_list_ended(s->c))
		return false;
	window_stage_commit(w);
	return true;
}

void store_window_stage_finish(struct store_window *w)
{
	while (w->stage.on && !store_window_stage_step(w, SIZE_MAX))
		;
}

void store_window_clear(struct store_window *w)
{
	window_drop_search(w);
	store_window_feed(w, STORE_LIST_ANY_FEED, NULL);
	store_window_feeds(w, NULL, 0);
	store_window_entity(w, NULL);
}
