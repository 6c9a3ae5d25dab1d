/* loading.c - the corpus arriving while the reader runs.
 *
 * The loader (model/corpus_loader.c) hands articles over on this thread, in load order; they
 * are appended to the corpus, which is never reordered, so a position in it (the open
 * article, the jump history, filter rows, the index) stays valid while more arrive. The list
 * shows them through app->load.order: in the chosen sort order (views.c; newest first unless the
 * user chose another), ties in load order. New articles join
 * the list at most every LOADING_MERGE_MS, so the list neither jitters nor costs a sort per
 * batch; the selected article keeps its row on screen. Once everything is in, the background
 * index starts (corpus_index.c); until then, filtering builds search entries on demand. A
 * search filter tests the new articles in the event loop's slices (find.c), not here. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "qari/xalloc.h"

#define LOADING_MERGE_MS 80

static double app_clock(clockid_t id)
{
	struct timespec ts;
	clock_gettime(id, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

double app_now(void) { return app_clock(CLOCK_MONOTONIC); }
double app_thread_cpu(void) { return app_clock(CLOCK_THREAD_CPUTIME_ID); }

/* The list's sort order (newest first unless the user chose another); ties in load order. */
static int loading_list_cmp(const void *pa, const void *pb, void *ctx)
{
	const struct app *app = ctx;
	return listing_cmp(&app->corpus, app->views.sort, *(const size_t *)pa, *(const size_t *)pb);
}

static int loading_rank_cmp(const void *pa, const void *pb, void *ctx)
{
	const size_t *rank = ctx;
	size_t a = rank[*(const size_t *)pa], b = rank[*(const size_t *)pb];
	return a < b ? -1 : a > b;
}

void app_sort_rows(const struct app *app, size_t *rows, size_t n)
{
	qsort_r(rows, n, sizeof *rows, loading_rank_cmp, app->load.rank);
}

void app_load_start(struct app *app, char *const *paths, size_t npaths)
{
	corpus_init(&app->corpus);
	corpus_index_prepare(&app->index, &app->corpus);
	app->load.order = xcalloc(1, sizeof *app->load.order);
	app->load.loader = corpus_loader_start(paths, npaths);
	app->list_data.empty = "(loading…)";
	app_list_show(app, app->load.order, 0);
}

/* Select the state's last article if it is among corpus positions [from, to). */
void app_load_select_last(struct app *app, size_t from, size_t to)
{
	for (size_t i = from; app->load.last_id && !app->load.touched && i < to; i++)
		if (strcmp(app->corpus.items[i]->id, app->load.last_id) == 0) {
			list_pane_select(&app->list, i);
			app->load.touched = true; /* from now on the selection follows it */
			xfree(&app->load.last_id);
		}
}

static void loading_rank(struct app *app)
{
	app->load.rank = xreallocarray(app->load.rank, app->load.n ? app->load.n : 1, sizeof *app->load.rank);
	for (size_t k = 0; k < app->load.n; k++)
		app->load.rank[app->load.order[k]] = k;
}

bool app_load_resort(struct app *app)
{
	if (app_filter_pending(app))
		return false; /* its matches so far are in the old order */
	qsort_r(app->load.order, app->load.n, sizeof *app->load.order, loading_list_cmp, app);
	loading_rank(app);
	if (app->filter.text) {
		app_sort_rows(app, app->filter.rows, app->filter.n);
		app_list_show(app, app->filter.rows, app->filter.n);
	} else {
		app_list_show(app, app->load.order, app->load.n);
	}
	app->list.dirty = true;
	return true;
}

void app_load_merge(struct app *app, bool force)
{
	size_t from = app->load.n, to = app->corpus.n, i = 0, j = 0, k = 0;
	size_t *fresh, *order, *old = app->load.order;

	/* on the store the corpus holds the articles opened, not the list */
	if (app->sv.win || from == to || (!force && app_load_timeout(app) > 0))
		return;
	fresh = xcalloc(to - from, sizeof *fresh);
	for (size_t p = from; p < to; p++)
		fresh[p - from] = p;
	qsort_r(fresh, to - from, sizeof *fresh, loading_list_cmp, app);
	order = xcalloc(to, sizeof *order);
	while (i < from && j < to - from)
		order[k++] = loading_list_cmp(&fresh[j], &old[i], app) < 0 ? fresh[j++] : old[i++];
	while (i < from)
		order[k++] = old[i++];
	while (j < to - from)
		order[k++] = fresh[j++];
	free(fresh);
	app->load.order = order;
	app->load.n = to;
	loading_rank(app);
	if (app->filter.text == NULL)
		app_list_show(app, order, to); /* reads the old order: freed after */
	if (app->filter.text || app_filter_pending(app))
		app_filter_more(app, from, to); /* a search takes them in, in slices */
	free(old);
	if (!app->load.touched)
		app->list_data.sel = app->list_data.top = 0; /* an untouched list stays at its top */
	app_load_select_last(app, from, to);
	app->load.merged_at = app_now();
}

int app_load_timeout(const struct app *app)
{
	double due = app->load.merged_at + LOADING_MERGE_MS / 1000.0 - app_now();
	if (app->load.n == app->corpus.n || app->sv.win)
		return -1;
	return due > 0 ? (int)(due * 1000) + 1 : 0;
}

/* New load problems: their count and the first one in the status line. */
static void loading_problems(struct app *app)
{
	const struct load_report *r = &app->corpus.report;
	if (r->nmessages == app->load.nproblems)
		return;
	app->load.nproblems = r->nmessages;
	app_message(app, "%zu load problem%s (qari list --stats PATH shows them): %s", r->nmessages,
		    r->nmessages == 1 ? "" : "s", r->messages[0]);
}

/* Everything is in: the final merge, then the index starts. */
static void loading_finish(struct app *app)
{
	app_load_merge(app, true);
	corpus_loader_free(app->load.loader);
	app->load.loader = NULL;
	app->list_data.empty = NULL;
	app->list.dirty = true;
	if (app->corpus.n == 0)
		app->quit = true; /* app_run says why */
	else {
		if (app->config.cache != 0)
			corpus_index_cache(&app->index, NULL);
		corpus_index_start(&app->index, &app->corpus, 0);
	}
}

void app_load_first(struct app *app, int ms)
{
	double end = app_now() + ms / 1000.0;
	int left;

	while (!corpus_loader_done(app->load.loader) && (left = (int)((end - app_now()) * 1000)) > 0)
		if (corpus_loader_wait(app->load.loader, left))
			corpus_loader_take(app->load.loader, &app->corpus);
	corpus_loader_take(app->load.loader, &app->corpus);
	loading_problems(app);
	if (corpus_loader_done(app->load.loader))
		loading_finish(app);
	else
		app_load_merge(app, true);
}

void app_load_event(struct app *app)
{
	if (app->load.loader == NULL)
		return;
	corpus_loader_take(app->load.loader, &app->corpus);
	loading_problems(app);
	if (corpus_loader_done(app->load.loader))
		loading_finish(app);
	else
		app_load_merge(app, false);
}

void app_load_free(struct app *app)
{
	corpus_loader_free(app->load.loader);
	app->load.loader = NULL;
	xfree(&app->load.order);
	xfree(&app->load.rank);
	xfree(&app->load.last_id);
	app->load.n = 0;
}
