/* loading.c - the corpus arriving while the reader runs.
 *
 * The loader (model/corpus_loader.c) hands articles over on this thread, in load order; they
 * are appended to the corpus, which is never reordered. The list's order as they join it, and
 * when they may, is load.c's (struct load, load.h): in the chosen sort order (views.c; newest
 * first unless the user chose another), ties in load order, at most every LOAD_MERGE_MS, so
 * the list neither jitters nor costs a sort per batch. This file ties it to the list pane
 * (the selected article keeps its row on screen), the filter and the status line. Once
 * everything is in, the background index starts (corpus_index.c); until then, filtering
 * builds search entries on demand. A search filter tests the new articles in the event
 * loop's slices (find.c), not here. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "qari/xalloc.h"

static double app_clock(clockid_t id)
{
	struct timespec ts;
	clock_gettime(id, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

double app_now(void) { return app_clock(CLOCK_MONOTONIC); }
double app_thread_cpu(void) { return app_clock(CLOCK_THREAD_CPUTIME_ID); }

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
	size_t pos;

	if (!load_find_last(&app->load, &app->corpus, from, to, &pos))
		return;
	list_pane_select(&app->list, pos);
	app->load.touched = true; /* from now on the selection follows it */
	xfree(&app->load.last_id);
}

bool app_load_resort(struct app *app)
{
	size_t n = app->list_data.nrows, *shown = NULL;

	if (app_filter_pending(app))
		return false; /* its matches so far are in the old order */
	if (app->list_data.rows) {
		/* the rows are sorted in place below: the pane keeps its selected article by
		 * reading them as they were, so it reads a copy */
		shown = xcalloc(n ? n : 1, sizeof *shown);
		memcpy(shown, app->list_data.rows, n * sizeof *shown);
		list_pane_set_rows(&app->list, shown, n);
	}
	load_resort(&app->load, &app->corpus, app->views.sort);
	if (app->filter.text) {
		load_sort_rows(app->filter.rows, app->filter.n, app->load.rank);
		app_list_show(app, app->filter.rows, app->filter.n);
	} else {
		app_list_show(app, app->load.order, app->load.n);
	}
	free(shown); /* after the pane read it */
	app->list.dirty = true;
	return true;
}

void app_load_merge(struct app *app, bool force)
{
	size_t from = app->load.n, to = app->corpus.n, *old;

	/* on the store the corpus holds the articles opened, not the list */
	if (app->sv.win || from == to || (!force && app_load_timeout(app) > 0))
		return;
	old = load_merge(&app->load, &app->corpus, app->views.sort, to);
	if (app->filter.text == NULL)
		app_list_show(app, app->load.order, to); /* reads the old order: freed after */
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
	if (app->sv.win)
		return -1;
	return load_merge_due(&app->load, app->corpus.n, app_now());
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

void app_load_free(struct app *app) { load_free(&app->load); }
