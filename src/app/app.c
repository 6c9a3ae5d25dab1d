/* app.c - what the reader does between keys: opening articles, moving focus, going back,
 * and the status line that says where you are. */
#include "app.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qari/xalloc.h"
#include "store_window.h"

#define APP_FILTERING_SHOW_MS 150 /* a filter pass says so once it takes this long */

void app_message(struct app *app, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(app->message, sizeof app->message, fmt, ap);
	va_end(ap);
}

void app_focus(struct app *app, struct pane *p)
{
	struct pane *was = app->focus;

	if (was == p)
		return;
	app->focus = p;
	app->list.dirty = app->reader.dirty = app->sidebar.dirty = true;
	/* a pane that is not on screen now must be placed; in two columns the left one is the
	 * sidebar only while it has focus, so leaving it brings the list back */
	if (!ui_pane_shown(p) || app->columns == 1 ||
	    (app->columns == 2 && (p != &app->reader || was == &app->sidebar)))
		app->relayout = true;
}

/* Open corpus article idx at line top; record: a jump to remember in the history. */
void app_open(struct app *app, size_t idx, size_t top, bool record)
{
	if (idx >= app->corpus.n)
		return;
	if (app->open != APP_NONE) {
		history_update_top(&app->history, app->reader_data.top);
		app_state_leave(app);
	}
	if (app->open == APP_NONE || !ui_pane_shown(&app->reader)) {
		/* the reader appears now: place it first, so the article wraps at its width */
		app->open = idx;
		app->focus = &app->reader;
		app_layout(app);
	}
	app->open = idx;
	app_list_chosen(app); /* the list's selection follows the open article */
	reader_pane_open(&app->reader, app->corpus.items[idx], top == APP_SAVED_TOP ? 0 : top);
	if (top == APP_SAVED_TOP)
		reader_pane_set_top(&app->reader, app_state_top(app, idx));
	app_state_opened(app, idx);
	app_list_select_article(app, idx);
	if (record)
		history_visit(&app->history, idx, app->reader_data.top);
	app_search_free_hits(app);
	app_sidebar_fill_soon(app);
	if (app->filter.text && (app->filter.query || app->filter.pending.showing)) {
		/* opened from a search (done, or its first matches): its hits are highlighted, n and N walk them */
		struct ui_range *v;
		size_t n = app_find_ranges(app, app->filter.text, &v);
		app_show_ranges(app, v, n);
		if (n && top == APP_SAVED_TOP)
			reader_pane_set_top(&app->reader, 0), reader_pane_show(&app->reader, v[0].para, v[0].beg);
	}
	app_focus(app, &app->reader);
}

/* The reader chose the list's selection (a key, a click, an article opened): it stays on its
 * article as the list changes, and a filter cleared later leaves it there. */
void app_list_chosen(struct app *app)
{
	app->load.touched = true;
	app->find_from = app->views.hidden = APP_NONE;
}

void app_history_move(struct app *app, bool forward)
{
	struct history_entry e;
	if (app->open != APP_NONE)
		history_update_top(&app->history, app->reader_data.top);
	if (!(forward ? history_forward(&app->history, &e) : history_back(&app->history, &e))) {
		app_message(app, forward ? "no later article in the history"
					 : "no earlier article in the history");
		return;
	}
	app_open(app, e.article, e.top, false);
}

/* q, h, ←: from the reader or sidebar back to the list; from the list, quit. */
void app_back(struct app *app)
{
	if (app->focus == &app->list)
		app->quit = true;
	else if (app->focus == &app->sidebar)
		app_focus(app, &app->reader);
	else {
		app_state_leave(app);
		app_focus(app, &app->list);
	}
}

/* 12345 → "12,345": every count the status line shows */
const char *app_thousands(size_t v, char buf[32])
{
	char digits[24];
	int n = snprintf(digits, sizeof digits, "%zu", v), k = 0;
	for (int i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			buf[k++] = ',';
		buf[k++] = digits[i];
	}
	buf[k] = '\0';
	return buf;
}

/* Loading: the share of the bytes read so far. */
static int app_load_percent(const struct app *app)
{
	struct corpus_loader_progress p;
	corpus_loader_progress(app->load.loader, &p);
	return p.bytes_total ? (int)(100 * p.bytes_done / p.bytes_total) : 0;
}

static void app_status_figures(struct app *app, char *out, size_t n)
{
	size_t count = list_pane_count(&app->list_data), sel = app->list_data.sel + 1;
	int k = 0;

	if (app->help_open || app->links_open) { /* the panes the figures are about are hidden */
		out[0] = '\0';
	} else if (app->focus == &app->reader && app->open != APP_NONE) {
		size_t line, lines;
		int pct;
		reader_pane_position(&app->reader, &line, &lines, &pct);
		if (app->nhits)
			k += snprintf(out + k, n - (size_t)k, "hit %zu/%zu  ", app->hit + 1, app->nhits);
		snprintf(out + k, n - (size_t)k, "%zu/%zu  line %zu/%zu  %d%%", sel, count, line,
			 lines, pct);
	} else if (app_fetch_progress(app, out, n)) {
		size_t k = strlen(out);
		snprintf(out + k, n - k, "  %zu/%zu", count ? sel : 0, count);
	} else if (app->load.loader)
		snprintf(out, n, "loading %d%%  %zu/%zu", app_load_percent(app), count ? sel : 0, count);
	else if (!app->index_done)
		snprintf(out, n, "indexing %d%%  %zu/%zu", corpus_index_percent(&app->index),
			 count ? sel : 0, count);
	else if (app->focus == &app->sidebar && app->nhits)
		snprintf(out, n, "hit %zu/%zu  %zu/%zu", app->hit + 1, app->nhits, sel, count);
	else
		snprintf(out, n, "%zu/%zu", count ? sel : 0, count);
}

/* How far the pending filter pass got. */
static size_t app_filter_percent(const struct app *app)
{
	const struct search_pass *p = &app->filter.pending.pass;
	return p->ncand ? 100 * p->next / p->ncand : 0;
}

/* A new query's pass that has taken a while: how far it got (quick ones say nothing, so the
 * status line does not flicker as you type). NULL when there is nothing to say. */
static const char *app_filtering(const struct app *app, char *buf, size_t n)
{
	const struct filter_pass *f = &app->filter.pending;

	if (f->text == NULL || (app->filter.text && strcmp(f->text, app->filter.text) == 0))
		return NULL; /* nothing pending, or articles arriving for the filter shown */
	if (app_now() - f->started < APP_FILTERING_SHOW_MS / 1000.0)
		return "";
	snprintf(buf, n, app_filter_runnable(app) ? "filtering… %zu%%" : "filtering… (indexing)",
		 app_filter_percent(app));
	return buf;
}

/* "N matches" (one: "1 match") beside the search prompt, in memory and on the store; none
 * when none match (the list says so). */
static const char *app_matches(char *buf, size_t n, size_t count, bool more)
{
	char num[32];
	if (count == 0)
		return NULL;
	snprintf(buf, n, "%s%s match%s", app_thousands(count, num), more ? "+" : "",
		 count == 1 && !more ? "" : "es");
	return buf;
}

/* On the store, the search shown as typed: its count, or the rows known while it comes. */
static const char *app_store_matches(struct app *app, char *buf, size_t n)
{
	size_t seen;

	if (app->sv.win == NULL || app->filter.text == NULL || !app->filter.query)
		return NULL;
	if (!store_window_counting(app->sv.win, &seen))
		return app_matches(buf, n, store_window_count(app->sv.win), false);
	if (seen)
		return app_matches(buf, n, seen, true);
	snprintf(buf, n, "counting…");
	return buf;
}

/* In memory, the search shown as typed: how far a slow pass got, then its count, as the
 * store says it (the list's rows, the view's as on the store). */
static const char *app_memory_matches(struct app *app, char *buf, size_t n)
{
	const char *busy = app_filtering(app, buf, n);

	if (busy || app->filter.text == NULL || !app->filter.query)
		return busy;
	return app_matches(buf, n, list_pane_count(&app->list_data), false);
}

/* The search prompt, and on its right how a slow filter pass is getting on. */
static void app_status_prompt(struct app *app)
{
	char buf[48];
	const char *busy = app->prompt_target != APP_SEARCH_LIST ? NULL
			   : app->sv.win ? app_store_matches(app, buf, sizeof buf)
					 : app_memory_matches(app, buf, sizeof buf);
	int bw = busy && *busy ? (int)strlen(busy) : 0; /* "…" is 3 bytes, 1 column: room to spare */

	int cols = ui_screen_cols();

	if (bw + 20 > cols)
		bw = 0;
	ui_prompt_draw(app->status, cols - bw, app->prompt_target == APP_SEARCH_LIST ? "/" : "find: ",
		       app->prompt.buf, app->prompt.cur, &app->opts);
	if (bw)
		ui_status_mark(app->status, cols - bw, busy);
}

/* "qari — N articles, M unread" (one article: "1 article"); the length snprintf gives. */
static int app_count_summary(char *out, size_t n, size_t count, size_t unread)
{
	char c[32], u[32];
	return snprintf(out, n, "qari — %s article%s, %s unread", app_thousands(count, c),
			count == 1 ? "" : "s", app_thousands(unread, u));
}

/* The store's list: its figures from the database, the articles whatever the view's. */
static void app_store_summary(struct app *app, char *out, size_t n)
{
	struct store_window *w = app->sv.win;
	char num[32];
	bool all = app->views.view == APP_VIEW_ALL;
	size_t unread = 0, count;
	int k;

	count = all ? store_window_count(w) : store_window_count_any_marks(w, &unread);
	k = app_count_summary(out, n, count, all ? store_window_unread(w) : unread);
	if (!all && k > 0 && (size_t)k < n)
		k += snprintf(out + k, n - (size_t)k, " — view: %s (%s)", app_view_name(app),
			      app_thousands(store_window_count(w), num));
	if (k > 0 && (size_t)k < n)
		snprintf(out + k, n - (size_t)k, " — ? help, / search, v view");
}

/* "filter: Q  (N of TOTAL; Esc clears)", N the filter's articles whatever the view's (as in
 * memory), while the count comes "N+ matches, counting…". */
static void app_store_filter_status(struct app *app, char *out, size_t n)
{
	struct store_window *w = app->sv.win;
	char num[32], all[32];
	size_t seen;

	if (!store_window_counting(w, &seen))
		snprintf(out, n, "filter: %s  (%s of %s; Esc clears)", app->filter.text,
			 app_thousands(app->views.view == APP_VIEW_ALL
					       ? store_window_count(w)
					       : store_window_count_any_marks(w, NULL),
				       num),
			 app_thousands(app_store_total(app), all));
	else if (seen)
		snprintf(out, n, "filter: %s  (%s+ matches, counting…; Esc clears)",
			 app->filter.text, app_thousands(seen, num));
	else
		snprintf(out, n, "filter: %s  (counting…; Esc clears)", app->filter.text);
}

/* The list's summary: how many articles, how many unread, the view and sort when chosen. */
static void app_status_summary(struct app *app, char *out, size_t n)
{
	char num[32];
	int k;

	if (app->sv.win) {
		app_store_summary(app, out, n);
		return;
	}
	if (app->views.unread_of != app->load.n) { /* counted again after a change or a merge */
		app->views.unread = app_unread_count(app);
		app->views.unread_of = app->load.n;
	}
	k = app_count_summary(out, n, app->load.n, app->views.unread);
	if (app->views.view != APP_VIEW_ALL && k > 0 && (size_t)k < n)
		k += snprintf(out + k, n - (size_t)k, " — view: %s (%s)", app_view_name(app),
			      app_thousands(list_pane_count(&app->list_data), num));
	if (app->views.sort != LISTING_NEWEST && k > 0 && (size_t)k < n)
		k += snprintf(out + k, n - (size_t)k, " — %s", listing_sort_name(app->views.sort));
	if (k > 0 && (size_t)k < n)
		snprintf(out + k, n - (size_t)k, " — ? help, / search, v view");
}

/* While marks are not saved (a full disk, another qari), the status line says so first,
 * whatever else it says: a message can no longer hide it. */
static void app_status_problem(const struct app *app, char *left, size_t n)
{
	const char *problem = app->state ? state_problem(app->state) : NULL;
	char *was;

	if (problem == NULL)
		return;
	was = xstrdup(left);
	snprintf(left, n, "[%s] %s", problem, was);
	free(was);
}

void app_status(struct app *app)
{
	char right[96], left[1400], num[32], all[32];
	const char *busy;

	if (app->status == NULL)
		return;
	if (app->too_small) {
		ui_status_draw(app->status, ui_screen_cols(), "terminal too small for qari: 20x3 at least", "",
			       &app->opts);
		return;
	}
	if (app->prompting) {
		app_status_prompt(app);
		return;
	}
	app_status_figures(app, right, sizeof right);
	if (app->message[0])
		snprintf(left, sizeof left, "%s", app->message);
	else if (app->help_open)
		snprintf(left, sizeof left, "help");
	else if (app->filter.text && app->filter.pending.showing)
		snprintf(left, sizeof left, "filter: %s  (%s so far, %zu%%; Esc clears)",
			 app->filter.text, app_thousands(app->filter.n, num),
			 app_filter_percent(app));
	else if ((busy = app_filtering(app, num, sizeof num)) != NULL)
		snprintf(left, sizeof left, "filter: %s  (%s%sEsc clears)", app->filter.pending.text,
			 busy, *busy ? "; " : "");
	else if (app->filter.text && app->sv.win)
		app_store_filter_status(app, left, sizeof left);
	else if (app->filter.text)
		snprintf(left, sizeof left, "filter: %s  (%s of %s%s; Esc clears)",
			 app->filter.text, app_thousands(app->filter.n, num),
			 app_thousands(app->load.n, all), app->load.loader ? " so far" : "");
	else if (app->focus == &app->reader && app->open != APP_NONE)
		snprintf(left, sizeof left, "%s", app->corpus.items[app->open]->title);
	else if (app->focus == &app->sidebar)
		snprintf(left, sizeof left, "entities and related stories — Enter follows");
	else if (app->load.loader)
		snprintf(left, sizeof left, "loading %s articles…", app_thousands(app->load.n, num));
	else
		app_status_summary(app, left, sizeof left);
	app_status_problem(app, left, sizeof left);
	ui_status_draw(app->status, ui_screen_cols(), left, right, &app->opts);
}
