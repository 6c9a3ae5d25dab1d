/* views.c - which of the listed articles the list shows, and in what order: the view (all,
 * unread, bookmarked), the sort order (kept between runs), one source alone, next and previous
 * unread, marking everything shown as read and taking that back.
 *
 * Whatever the list lists (every article through app->load.order, or a filter's rows) comes
 * through app_list_show; the view narrows it there. An article marked read in the unread
 * view stays on screen until the list is shown again, so the rows do not jump under the
 * reader's eye. The logic that needs no reader (a view's rows, the unread count, the next
 * unread row, a source's rows) is views_list.c's (views.h). */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "qari/fsutil.h"
#include "qari/store.h"
#include "qari/store_list.h"
#include "qari/xalloc.h"
#include "store_window.h"

static const char *const views_names[APP_NVIEWS] = {"all articles", "unread", "bookmarked"};

const char *app_view_name(const struct app *app) { return views_names[app->views.view]; }

static bool views_read(void *ctx, size_t idx)
{
	const struct app *app = ctx;
	return app_is_read(app, app->corpus.items[idx]->id);
}

static bool views_bookmarked(void *ctx, size_t idx)
{
	const struct app *app = ctx;
	return app_is_bookmarked(app, app->corpus.items[idx]->id);
}

/* The articles' marks as the reader has them (the state's, or the store's for its articles). */
static struct views_marks views_marks(struct app *app)
{
	return (struct views_marks){.read = views_read, .bookmarked = views_bookmarked, .ctx = app};
}

void app_list_show(struct app *app, const size_t *rows, size_t n)
{
	struct views_marks m = views_marks(app);
	size_t *old = app->views.rows, k;

	app->views.base = rows;
	app->views.nbase = n;
	if (app->views.view == APP_VIEW_ALL) {
		app->views.rows = NULL;
		list_pane_set_rows(&app->list, rows, n);
	} else {
		app->views.rows = xcalloc(n + 1, sizeof *app->views.rows);
		k = views_narrow(app->views.view, &m, rows, n, app->views.rows);
		list_pane_set_rows(&app->list, app->views.rows, k);
	}
	free(old); /* after the pane read it to keep its selection */
}

static void views_refresh(struct app *app)
{
	app_list_show(app, app->views.base, app->views.nbase);
	app->list.dirty = true;
}

/* After a view change: the article selected before, or the one an earlier view hid, is
 * selected again where this view shows it; else it is kept for a view that does. */
static void views_keep_place(struct app *app, size_t was)
{
	size_t back = app->views.hidden != APP_NONE ? app->views.hidden : was;

	if (back != APP_NONE && !list_pane_select(&app->list, back))
		app->views.hidden = back;
	else
		app->views.hidden = APP_NONE;
}

void app_view_cycle(struct app *app)
{
	static const char *const empty[APP_NVIEWS] = {NULL, "(no unread articles)", "(no bookmarks)"};
	size_t was = list_pane_selected(&app->list_data);
	char num[32], all[32];

	app->views.view = (enum app_view)((app->views.view + 1) % APP_NVIEWS);
	app->list_data.empty = app->load.loader ? app->list_data.empty : empty[app->views.view];
	if (app->sv.win) {
		app_store_view_set(app);
		app_focus(app, &app->list);
		app_message(app, "view: %s (%s)", app_view_name(app),
			    app_thousands(list_pane_count(&app->list_data), num));
		return;
	}
	views_refresh(app);
	views_keep_place(app, was);
	app_focus(app, &app->list);
	app_message(app, "view: %s (%s of %s)", app_view_name(app),
		    app_thousands(list_pane_count(&app->list_data), num),
		    app_thousands(app->views.nbase, all));
}

void app_unread_changed(struct app *app, long by)
{
	views_unread_changed(&app->views, app->load.n, by);
}

size_t app_unread_count(const struct app *app)
{
	size_t n = 0;
	for (size_t i = 0; i < app->load.n; i++)
		n += !app_is_read(app, app->corpus.items[i]->id);
	return n;
}

/* The order of every listed article, and of the rows of a filter, after a sort change. */
void app_sort_cycle(struct app *app)
{
	char *dir;

	enum listing_sort was = app->views.sort;

	if (app->sv.win) {
		app_message(app, "the store's list is newest first");
		return;
	}
	app->views.sort = (enum listing_sort)((app->views.sort + 1) % LISTING_NSORTS);
	if (!app_load_resort(app)) {
		app->views.sort = was;
		app_message(app, "the search is still running: sort when it is done");
		return;
	}
	dir = fsutil_xdg_dir("XDG_STATE_HOME", ".local/state");
	if (dir && (fsutil_mkdirs(dir, 0700), !listing_prefs_save(dir, app->views.sort)))
		app_message(app, "sorted %s (not kept: the state folder is not writable)",
			    listing_sort_name(app->views.sort));
	else
		app_message(app, "sorted %s", listing_sort_name(app->views.sort));
	free(dir);
}

void app_views_init(struct app *app)
{
	char *dir = fsutil_xdg_dir("XDG_STATE_HOME", ".local/state");
	app->views.hidden = APP_NONE;
	app->views.sort = listing_prefs_load(dir);
	free(dir);
	listing_sources_load(&app->views.sources);
}

void app_views_free(struct app *app)
{
	xfree(&app->views.rows);
	xfree(&app->views.undo);
	xfree(&app->views.undo_ids);
	listing_sources_free(&app->views.sources);
}

/* The row the walk starts from: the open article's in the reader, else the selection. */
static size_t views_current_row(const struct app *app)
{
	size_t n = list_pane_count(&app->list_data);
	if (app->sv.win) /* the store's list: the selection stays where the article opened */
		return app->list_data.sel;
	if (app->focus != &app->list && app->open != APP_NONE)
		for (size_t i = 0; i < n; i++)
			if ((app->list_data.rows ? app->list_data.rows[i] : i) == app->open)
				return i;
	return app->list_data.sel;
}

/* The same on the store's list: the rows' read marks, read a page at a time. */
static void views_store_unread_step(struct app *app, bool forward, size_t row)
{
	size_t i = store_window_next_unread(app->sv.win, row, forward);

	if (i == SIZE_MAX) {
		app_message(app, forward ? "no unread article below" : "no unread article above");
		return;
	}
	list_pane_select(&app->list, i);
	app_list_chosen(app);
	if (app->focus != &app->list) {
		size_t idx = app_list_selected(app);
		if (idx != APP_NONE)
			app_open(app, idx, APP_SAVED_TOP, true);
	}
}

/* A on the store: every unread article of the list's filter, read from a cursor. */
static void views_store_mark_read(struct app *app)
{
	struct store_list_filter f = app->sv.win->f; /* its unread rows only */
	char num[32];
	struct store_list_cursor *c;
	struct store_list_page page = {0};
	size_t k = 0, cap = 0;
	bool all_kept = true;

	free(app->views.undo_ids);
	app->views.undo_ids = NULL;
	f.marks = f.marks == STORE_LIST_BOOKMARKED ? f.marks : STORE_LIST_UNREAD;
	c = store_list_open(app->sv.store, &f, NULL, false);
	while (store_list_next(c, STORE_WINDOW_PAGE, &page) > 0) {
		for (size_t i = 0; i < page.n; i++) {
			if (page.v[i].read)
				continue;
			xgrow(&app->views.undo_ids, &cap, k + 1, sizeof *app->views.undo_ids);
			memcpy(app->views.undo_ids[k++], page.v[i].id, sizeof page.v[i].id);
		}
		store_list_page_clear(&page);
	}
	store_list_page_free(&page);
	store_list_close(c);
	/* after the cursor: the list it read is not changed under it; the store's own setter, as
	 * the window reads its rows and counts again once, after */
	for (size_t i = 0; i < k; i++)
		all_kept &= store_set_read(app->sv.store, app->views.undo_ids[i], true);
	store_window_reset(app->sv.win);
	app->views.nundo = k;
	app->list.dirty = true;
	app_message(app, "%s article%s marked read%s — U takes it back", app_thousands(k, num),
		    k == 1 ? "" : "s", all_kept ? "" : " (in memory only)");
	app_take_messages(app);
}

/* n and N where there is nothing else to step through: the next or previous unread
 * article of the list, selected there or opened in the reader. */
void app_unread_step(struct app *app, bool forward)
{
	size_t n = list_pane_count(&app->list_data), row = views_current_row(app), i, idx;
	struct views_marks m = views_marks(app);

	if (app->sv.win) {
		views_store_unread_step(app, forward, row);
		return;
	}
	if (!views_unread_from(&m, app->list_data.rows, n, row, forward, &i)) {
		app_message(app, forward ? "no unread article below" : "no unread article above");
		return;
	}
	idx = app->list_data.rows ? app->list_data.rows[i] : i;
	list_pane_select(&app->list, idx);
	app_list_chosen(app);
	if (app->focus != &app->list)
		app_open(app, idx, APP_SAVED_TOP, true);
}

/* A: every article the list shows now is read; U takes it back. */
void app_mark_shown_read(struct app *app)
{
	size_t n = list_pane_count(&app->list_data), k = 0;
	bool all_kept = true;
	char num[32];

	if (n == 0)
		return;
	if (app->sv.win) {
		views_store_mark_read(app);
		return;
	}
	free(app->views.undo);
	app->views.undo = xcalloc(n + 1, sizeof *app->views.undo);
	for (size_t i = 0; i < n; i++) {
		size_t idx = app->list_data.rows ? app->list_data.rows[i] : i;
		const char *id = app->corpus.items[idx]->id;
		if (app_is_read(app, id))
			continue;
		all_kept &= app_set_read(app, id, true);
		app->views.undo[k++] = idx;
	}
	app->views.nundo = k;
	app_unread_changed(app, -(long)k);
	app->list.dirty = true;
	app_message(app, "%s article%s marked read%s — U takes it back", app_thousands(k, num),
		    k == 1 ? "" : "s", all_kept ? "" : " (in memory only)");
	app_take_messages(app);
}

void app_undo_mark(struct app *app)
{
	char num[32];

	if (app->views.nundo == 0) {
		app_message(app, "nothing to take back");
		return;
	}
	for (size_t i = 0; i < app->views.nundo; i++)
		if (app->sv.win)
			store_set_read(app->sv.store, app->views.undo_ids[i], false);
		else
			app_set_read(app, app->corpus.items[app->views.undo[i]]->id, false);
	if (app->sv.win)
		store_window_reset(app->sv.win);
	app_message(app, "%s article%s unread again", app_thousands(app->views.nundo, num),
		    app->views.nundo == 1 ? "" : "s");
	app_unread_changed(app, (long)app->views.nundo);
	app->views.nundo = 0;
	xfree(&app->views.undo);
	xfree(&app->views.undo_ids);
	app->list.dirty = true;
	if (app->sv.win == NULL)
		views_refresh(app);
	app_take_messages(app);
}

/* f: the list narrows to the source of the selected (or open) article; Esc widens it. */
void app_filter_source(struct app *app)
{
	size_t at = app->focus == &app->list ? list_pane_selected(&app->list_data) : app->open, n;
	const char *source, *name;
	size_t *rows;
	char *label;

	if (app->sv.win) {
		app_store_source(app);
		return;
	}
	if (at >= app->corpus.n || (source = app->corpus.items[at]->source) == NULL) {
		app_message(app, "this article names no source");
		return;
	}
	rows = xcalloc(app->load.n + 1, sizeof *rows);
	n = views_source_rows(&app->corpus, app->load.n, source, rows);
	name = listing_source_name(&app->views.sources, app->corpus.items[at]);
	label = xasprintf("source: %s", name);
	app_filter_list(app, label, rows, n);
	app_focus(app, &app->list);
	free(rows);
	free(label);
}
