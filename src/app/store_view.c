/* store_view.c - the reader on the store: opening it (no PATH and subscriptions exist), and
 * fetching in the background (R, and every `reload` minutes).
 *
 * A fetch runs on a thread of its own with its own connection to the database: it fetches
 * every subscription (feeds.c) and stores each feed in its own transaction, and writes a
 * byte to a pipe after each feed. The event loop polls that pipe beside the keyboard: it
 * shows "fetching done/total" in the status line and, as feeds come in, reads the articles
 * stored since (store_load_since) into the corpus, which they join at its end, as loading
 * does, so positions stay valid. The background index covers a fixed corpus: it is started
 * again over the grown one, with every stored article's entities given, so nothing is tagged
 * twice. While a filter is active or being typed new articles wait (the status line says
 * how many) and join when it is cleared.
 *
 * F (page_view.c) does the same for one article: its page fetched, its main text extracted,
 * tagged and stored beside the summary, and the article read back in its place. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "qari/app.h"
#include "qari/feeds.h"
#include "qari/ner.h"
#include "qari/store.h"
#include "qari/subs.h"
#include "qari/xalloc.h"
#include "store_view.h"

bool app_store_wanted(const struct app *app)
{
	struct subs subs;
	bool yes;
	if (app->cli->nargs > 0 || app->config.npaths > 0)
		return false;
	subs_read(&subs, NULL);
	yes = subs.n > 0;
	subs_free(&subs);
	return yes;
}

/* Start (again) the background index over the whole corpus; the store's entities given. The
 * rows of the articles are kept, to give their entities again to the next index. */
void app_store_index(struct app *app, struct store_entities *given)
{
	app->sv.rowids = xreallocarray(app->sv.rowids, given->n ? given->n : 1,
					  sizeof *app->sv.rowids);
	memcpy(app->sv.rowids, given->rowid, given->n * sizeof *given->rowid);
	app->sv.nrows = given->n;
	corpus_index_give(&app->index, given->es, given->have, given->n);
	free(given->rowid);
	memset(given, 0, sizeof *given);
	if (app->config.cache != 0)
		corpus_index_cache(&app->index, NULL);
	corpus_index_start(&app->index, &app->corpus, 0);
}

static void app_store_batch_free(struct app_store_batch *b)
{
	corpus_free(&b->c);
	store_entities_free(&b->e);
	free(b);
}

static void app_store_loaded(struct app *app);

/* The loading thread: the rows after the first screen's, in batches. */
static void *app_store_load_main(void *arg)
{
	struct app_fetch *f = arg;
	char *error = NULL;
	struct store *s = store_open(f->db_path, &error);
	struct store_reader *r;

	if (s == NULL) {
		f->error = error;
		goto out;
	}
	r = store_reader_open(s, f->row, f->offset);
	while (!atomic_load(&f->cancel)) {
		struct app_store_batch *b = xcalloc(1, sizeof *b);
		size_t n;
		corpus_init(&b->c);
		n = store_reader_next(r, APP_STORE_BATCH, &b->c, &b->e);
		if (n == 0 && b->c.report.nmessages == 0) {
			app_store_batch_free(b);
			break;
		}
		/* handed over: from the unlock on, b is the loop's (it may be freed at once) */
		pthread_mutex_lock(&f->lock);
		*f->tail = b;
		f->tail = &b->next;
		pthread_mutex_unlock(&f->lock);
		atomic_fetch_add(&f->done, n);
		app_fetch_wake(f);
		if (n == 0)
			break; /* an error, reported with the batch */
	}
	store_reader_close(r);
	store_close(s);
out:
	atomic_store(&f->finished, true);
	app_fetch_wake(f);
	return NULL;
}

/* The batches read so far join the corpus (at its end) and their entities the given ones. */
static void app_store_load_take(struct app *app, struct app_fetch *f)
{
	struct app_store_batch *b;

	pthread_mutex_lock(&f->lock);
	b = f->batches;
	f->batches = NULL;
	f->tail = &f->batches;
	pthread_mutex_unlock(&f->lock);
	while (b) {
		struct app_store_batch *next = b->next;
		struct store_entities *g = app->sv.given;
		size_t at = app->corpus.n;
		for (size_t i = 0; i < b->c.report.nmessages; i++)
			load_report_add(&app->corpus.report, "%s", b->c.report.messages[i]);
		xgrow(&app->corpus.items, &app->corpus.cap, at + b->c.n, sizeof *app->corpus.items);
		memcpy(app->corpus.items + at, b->c.items, b->c.n * sizeof *b->c.items);
		app->corpus.n += b->c.n;
		b->c.n = 0;
		/* the batch's entities, moved to the articles' positions in the corpus */
		if (b->e.n) {
			size_t need = at + b->e.n;
			g->es = xreallocarray(g->es, need, sizeof *g->es);
			g->have = xreallocarray(g->have, need, sizeof *g->have);
			g->rowid = xreallocarray(g->rowid, need, sizeof *g->rowid);
			memset(g->es + g->n, 0, (need - g->n) * sizeof *g->es);
			memset(g->have + g->n, 0, need - g->n);
			memset(g->rowid + g->n, 0, (need - g->n) * sizeof *g->rowid);
			memcpy(g->es + at, b->e.es, b->e.n * sizeof *g->es);
			memcpy(g->have + at, b->e.have, b->e.n);
			memcpy(g->rowid + at, b->e.rowid, b->e.n * sizeof *g->rowid);
			g->n = g->cap = need;
			b->e.n = 0; /* moved */
		}
		app_store_batch_free(b);
		b = next;
	}
}

bool app_store_start(struct app *app)
{
	struct store_reader *r;
	char *error = NULL;
	size_t n;

	app->sv.store = store_open(NULL, &error);
	app->sv.opened_at = app_now();
	if (app->sv.store == NULL) {
		app_message(app, "the store: %s", error);
		free(error);
		return false;
	}
	corpus_init(&app->corpus);
	corpus_index_prepare(&app->index, &app->corpus);
	app->load.order = xcalloc(1, sizeof *app->load.order);
	list_pane_set_rows(&app->list, app->load.order, 0);
	app->sv.given = xcalloc(1, sizeof *app->sv.given);
	app->sv.seen = store_last_rowid(app->sv.store);
	r = store_reader_open(app->sv.store, app->sv.seen, 0);
	n = store_reader_next(r, APP_STORE_FIRST, &app->corpus, app->sv.given);
	if (n == APP_STORE_FIRST) { /* the rest from a thread, while the list is in use */
		struct app_fetch *f = xcalloc(1, sizeof *f);
		f->load = true;
		f->offset = store_reader_rows(r);
		f->row = app->sv.seen;
		f->tail = &f->batches;
		pthread_mutex_init(&f->lock, NULL);
		app_fetch_begin(app, f, app_store_load_main);
		app->list_data.empty = "(loading…)";
	}
	store_reader_close(r);
	app_load_merge(app, true);
	if (app->sv.fetch == NULL)
		app_store_loaded(app);
	return true;
}

/* Everything is in: the index starts, the stored entities given. */
static void app_store_loaded(struct app *app)
{
	app_load_merge(app, true);
	app->list_data.empty = app->corpus.n ? NULL : "(no articles yet: R fetches the subscriptions)";
	app->list.dirty = true;
	if (app->corpus.n)
		app_store_index(app, app->sv.given);
	else
		store_entities_free(app->sv.given);
}

/* Stop the index before the corpus changes; the entities of the articles there (the old
 * index had them) are read again for the next. */
static void app_store_stop_index(struct app *app, struct store_entities *given)
{
	corpus_index_free(&app->index);
	app->index_done = false;
	store_entities_reload(app->sv.store, &app->corpus, app->sv.rowids, app->sv.nrows, given);
}

/* Articles stored since the last look join the corpus; the index starts over. */
static void app_store_take(struct app *app)
{
	struct store_entities given = {0};

	if (app->sv.store == NULL)
		return;
	app_store_stop_index(app, &given);
	store_load_since(app->sv.store, &app->sv.seen, &app->corpus, &given);
	corpus_index_prepare(&app->index, &app->corpus);
	app_load_merge(app, true);
	app->list_data.empty = NULL;
	app_store_index(app, &given);
	app_sidebar_fill(app);
	app->list.dirty = true;
}

void app_fetch_wake(struct app_fetch *f)
{
	char b = 1;
	while (write(f->pipe[1], &b, 1) < 0 && errno == EINTR)
		;
}

static void app_fetch_feed_done(void *ctx, const struct sub *sub, const struct feeds_result *r)
{
	struct app_fetch *f = ctx;
	(void)sub;
	atomic_fetch_add(&f->done, 1);
	if (r->outcome == FEEDS_FAILED)
		atomic_fetch_add(&f->failed, 1);
	atomic_fetch_add(&f->added, r->got.added);
	app_fetch_wake(f);
}

static void *app_fetch_main(void *arg)
{
	struct app_fetch *f = arg;
	struct feeds_summary sum;
	char *error = NULL;
	struct store *s = store_open(f->db_path, &error);
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);

	if (s == NULL)
		f->error = error;
	else {
		char *model_error = NULL, *prune_error = NULL; /* the model's is static */
		store_set_tagger(s, ner_default(&model_error), cpus > 1 ? (int)cpus - 1 : 1);
		feeds_fetch(s, &f->subs, &f->opts, app_fetch_feed_done, f, &f->cancel, &sum);
		store_prune(s, f->keep_days, f->max_items, &prune_error); /* gone at the next start */
		free(prune_error);
		store_close(s);
	}
	atomic_store(&f->finished, true);
	app_fetch_wake(f);
	return NULL;
}

void app_fetch_begin(struct app *app, struct app_fetch *f, void *(*main)(void *))
{
	f->db_path = xstrdup(store_path(app->sv.store));
	f->opts = (struct fetch_opts){.timeout_ms = app->config.fetch_timeout * 1000};
	if (pipe2(f->pipe, O_CLOEXEC | O_NONBLOCK) < 0)
		fatal("cannot create a pipe: %s", strerror(errno));
	if (pthread_create(&f->thread, NULL, main, f) != 0)
		fatal("cannot start a thread");
	app->sv.fetch = f;
}

void app_fetch_start(struct app *app)
{
	struct app_fetch *f;

	if (app->sv.store == NULL) {
		app_message(app, "R fetches the subscriptions into the store: run qari without a PATH");
		return;
	}
	if (app->sv.fetch) {
		app_message(app, app->sv.fetch->load ? "still loading the store; R when it is done"
						  : "already fetching");
		return;
	}
	f = xcalloc(1, sizeof *f);
	subs_read(&f->subs, NULL);
	if (f->subs.n == 0) {
		app_message(app, "no subscriptions (qari add URL)");
		subs_free(&f->subs);
		free(f);
		return;
	}
	atomic_store(&f->total, f->subs.n);
	f->keep_days = app->config.keep_days;
	f->max_items = app->config.max_items;
	app_fetch_begin(app, f, app_fetch_main);
}

int app_fetch_fd(const struct app *app) { return app->sv.fetch ? app->sv.fetch->pipe[0] : -1; }

void app_fetch_free(struct app_fetch *f)
{
	atomic_store(&f->cancel, true);
	pthread_join(f->thread, NULL);
	while (f->batches) {
		struct app_store_batch *b = f->batches;
		f->batches = b->next;
		app_store_batch_free(b);
	}
	if (f->load)
		pthread_mutex_destroy(&f->lock);
	close(f->pipe[0]);
	close(f->pipe[1]);
	subs_free(&f->subs);
	free(f->db_path);
	free(f->error);
	free(f->url);
	free(f->title);
	free(f->page_error);
	free(f);
}

/* New articles join now, unless a filter is up (they wait for it to go). */
static void app_fetch_join(struct app *app)
{
	if (app->filter.text || app->prompting || app_filter_pending(app))
		return;
	if (store_last_rowid(app->sv.store) > app->sv.seen)
		app_store_take(app);
}

void app_fetch_event(struct app *app)
{
	struct app_fetch *f = app->sv.fetch;
	char buf[64];

	if (f == NULL)
		return;
	while (read(f->pipe[0], buf, sizeof buf) > 0)
		;
	if (f->load) {
		bool finished = atomic_load(&f->finished); /* before taking: nothing comes after */
		app_store_load_take(app, f);
		if (!finished) {
			app_load_merge(app, false);
			return;
		}
		if (f->error)
			app_message(app, "the store: %s", f->error);
		app_fetch_free(f);
		app->sv.fetch = NULL;
		app_store_loaded(app);
		return;
	}
	if (f->page) {
		if (!atomic_load(&f->finished))
			return;
		app_page_done(app, f);
		app_fetch_free(f);
		app->sv.fetch = NULL;
		return;
	}
	app_fetch_join(app);
	if (!atomic_load(&f->finished)) {
		app->list.dirty = true;
		return;
	}
	if (f->error)
		app_message(app, "fetching: %s", f->error);
	else
		app_message(app, "fetched %zu feeds: %zu new articles%s", atomic_load(&f->total),
			    atomic_load(&f->added),
			    atomic_load(&f->failed) ? " (some feeds failed: qari fetch says why)" : "");
	app_fetch_free(f);
	app->sv.fetch = NULL;
	app->sv.fetched_at = app_now();
}

/* The status line's figure while fetching: "fetching 3/12". */
bool app_fetch_progress(const struct app *app, char *out, size_t n)
{
	if (app->sv.fetch && app->sv.fetch->load) {
		snprintf(out, n, "loading");
		return true;
	}
	if (app->sv.fetch == NULL || app->sv.fetch->page)
		return false;
	snprintf(out, n, "fetching %zu/%zu", atomic_load(&app->sv.fetch->done),
		 atomic_load(&app->sv.fetch->total));
	return true;
}

/* Every `reload` minutes: milliseconds until the next fetch is due, -1 for never. */
int app_fetch_timeout(const struct app *app)
{
	double last, due;
	if (app->sv.store == NULL || app->config.reload <= 0 || app->sv.fetch)
		return -1;
	last = app->sv.fetched_at > 0 ? app->sv.fetched_at : app->sv.opened_at;
	due = last + (double)app->config.reload * 60 - app_now();
	return due > 0 ? (int)(due * 1000) + 1 : 0;
}

/* After a loop pass: a reload come due starts a fetch; a filter gone lets waiting ones in. */
void app_fetch_tick(struct app *app)
{
	if (app_fetch_timeout(app) == 0)
		app_fetch_start(app);
	if (app->sv.store && !app->sv.fetch && app->sv.seen < store_last_rowid(app->sv.store))
		app_fetch_join(app);
}

/* The tags of the subscriptions, each once, in file order (caller frees the array). */
static size_t app_store_tags(const struct subs *subs, const char ***out)
{
	const char **v = xcalloc(1, sizeof *v);
	size_t n = 0;
	for (size_t i = 0; i < subs->n; i++)
		for (size_t t = 0; t < subs->v[i].ntags; t++) {
			bool seen = false;
			for (size_t k = 0; k < n && !seen; k++)
				seen = strcmp(v[k], subs->v[i].tags[t]) == 0;
			if (!seen) {
				v = xreallocarray(v, n + 1, sizeof *v);
				v[n++] = subs->v[i].tags[t];
			}
		}
	*out = v;
	return n;
}

static bool app_store_has_tag(const struct sub *sub, const char *tag)
{
	for (size_t t = 0; t < sub->ntags; t++)
		if (strcmp(sub->tags[t], tag) == 0)
			return true;
	return false;
}

/* T: the list narrowed to the feeds of the next tag of the subscriptions file (an article
 * of a feed is stored with the feed's URL as its path). */
void app_filter_tag(struct app *app)
{
	struct subs subs;
	const char **tags;
	size_t ntags, *rows, n = 0;
	char *label;

	if (app->sv.store == NULL) {
		app_message(app, "T narrows the store's articles to a tag of the subscriptions");
		return;
	}
	subs_read(&subs, NULL);
	ntags = app_store_tags(&subs, &tags);
	if (ntags == 0) {
		app_message(app, "the subscriptions have no tags");
		goto out;
	}
	app->sv.tag_at = app->sv.tag_at % ntags;
	rows = xcalloc(app->load.n + 1, sizeof *rows);
	for (size_t i = 0; i < app->load.n; i++) {
		const struct sub *sub = subs_find(&subs, app->corpus.items[i]->path);
		if (sub && app_store_has_tag(sub, tags[app->sv.tag_at]))
			rows[n++] = i;
	}
	label = xasprintf("tag: %s", tags[app->sv.tag_at]);
	app_filter_list(app, label, rows, n);
	app_focus(app, &app->list);
	app->sv.tag_at++;
	free(label);
	free(rows);
out:
	free(tags);
	subs_free(&subs);
}

void app_store_close(struct app *app)
{
	if (app->sv.fetch) {
		app_fetch_free(app->sv.fetch);
		app->sv.fetch = NULL;
	}
	store_close(app->sv.store);
	app->sv.store = NULL;
	xfree(&app->sv.rowids);
	if (app->sv.given) {
		store_entities_free(app->sv.given);
		xfree(&app->sv.given);
	}
}
