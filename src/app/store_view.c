/* store_view.c - the reader on the store (no PATH and subscriptions exist): the list a window
 * onto it (store_window.c, drawn through the list pane's row source), the articles read when
 * opened into the corpus's slots, the window's filters; and fetching in the background (R,
 * and every `reload` minutes).
 *
 * A fetch runs on a thread of its own with its own connection to the database: it fetches
 * every subscription (feeds.c) and stores each feed in its own transaction, and writes a
 * byte to a pipe after each feed. The event loop polls that pipe beside the keyboard: it
 * shows "fetching done/total" in the status line and, as feeds come in, the window reads the
 * rows stored since above its first (store_window_newer); the list's selection moves down by
 * as many, so it stays on its article.
 *
 * F (page_view.c) does the same for one article: its page fetched, its main text extracted,
 * tagged and stored beside the summary, and the article read back into its slot. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "rel.h"
#include "qari/feeds.h"
#include "qari/listing.h"
#include "qari/ner.h"
#include "qari/store.h"
#include "qari/subs.h"
#include "qari/xalloc.h"
#include "qari/store_list.h"
#include "qari/text.h"
#include "store_view.h"
#include "store_window.h"

#define STORE_VIEW_SLICE_S 0.001 /* idle work between two looks at the keyboard */
#define STORE_VIEW_SLICE_ROWS 2  /* a search's rows read and checked between looks at the clock */

static bool store_view_subscribed(void)
{
	struct subs subs;
	bool yes;
	subs_read(&subs, NULL);
	yes = subs.n > 0;
	subs_free(&subs);
	return yes;
}

/* Subscriptions, or a store file that may hold articles (`qari import` fills one without any
 * subscription; app_store_start opens it once and gives it up if it holds none). */
bool app_store_wanted(const struct app *app)
{
	char *path;
	bool yes;
	if (app->cli->nargs > 0 || app->config.npaths > 0)
		return false;
	if (store_view_subscribed())
		return true;
	path = store_default_path();
	yes = path && access(path, F_OK) == 0;
	free(path);
	return yes;
}

/* The list pane's rows: the window's. */
static size_t store_view_count(void *ctx)
{
	return store_window_count(((struct app *)ctx)->sv.win);
}

/* A row's source as the list in memory names it: the paper's name for its slug. */
static const char *store_view_source_name(const struct app *app, const struct store_list_row *r)
{
	struct article a = {.source = r->source};
	return listing_source_name(&app->views.sources, &a);
}

static bool store_view_row(void *ctx, size_t i, struct list_row *out)
{
	const struct app *app = ctx;
	const struct store_list_row *r = store_window_row(app->sv.win, i);
	size_t rtl = 0, ltr = 0;

	if (r == NULL)
		return false;
	text_count_strong(r->title, strlen(r->title), &rtl, &ltr);
	*out = (struct list_row){.title = r->title, .source = store_view_source_name(app, r),
				 .date = r->date,
				 .date_key = r->date_key, .rtl = rtl > ltr, .read = r->read,
				 .bookmarked = r->bookmark, .key = (size_t)r->key.row};
	return true;
}

bool app_store_start(struct app *app)
{
	char *error = NULL;
	bool any;

	app->sv.store = store_open(NULL, &error);
	app->sv.opened_at = app_now();
	if (app->sv.store == NULL) {
		app_message(app, "the store: %s", error);
		free(error);
		return false;
	}
	store_tend_between(app->sv.store);
	any = store_list_any(app->sv.store);
	if (!any && !store_view_subscribed()) { /* an empty store and nothing to fetch into it */
		store_close(app->sv.store);
		app->sv.store = NULL;
		return false;
	}
	corpus_init(&app->corpus);
	corpus_index_prepare(&app->index, &app->corpus);
	app->index_done = true; /* no index: the store has the search and the entities */
	app->sv.win = xcalloc(1, sizeof *app->sv.win);
	store_window_init(app->sv.win, app->sv.store);
	app->sv.src = (struct list_source){store_view_count, store_view_row, app};
	app->list_data.src = &app->sv.src;
	app->sv.seen = store_last_rowid(app->sv.store);
	app->sv.total = (size_t)-1;
	app->list_data.empty = any ? NULL : "(no articles yet: R fetches the subscriptions)";
	app->list.dirty = true;
	return true;
}

void app_store_select_last(struct app *app)
{
	char *id = store_last(app->sv.store);
	int64_t row = id ? store_row_of(app->sv.store, id) : 0;
	struct store_list_key key;

	if (row > 0 && store_list_key_of(app->sv.store, row, &key))
		list_pane_select(&app->list, store_window_seek(app->sv.win, &key));
	free(id);
}

/* Whether row was read ahead lately (one of the last APP_STORE_AHEAD). */
static bool store_view_ahead_done(const struct app *app, int64_t row)
{
	for (size_t i = 0; i < APP_STORE_AHEAD; i++)
		if (app->sv.ahead[i] == row)
			return true;
	return false;
}

/* The slot to reuse: the least lately opened one's, never the open article's nor one just
 * read ahead; slots read ahead and not opened since go first (their used is 0). */
static size_t store_view_victim(const struct app *app)
{
	const struct app_store_view *sv = &app->sv;
	size_t slot = APP_NONE;

	for (size_t i = 0; i < sv->nrows; i++)
		if (i != app->open && !store_view_ahead_done(app, sv->rowids[i]) &&
		    (slot == APP_NONE || sv->used[i] < sv->used[slot]))
			slot = i;
	return slot;
}

/* The article in row, in a slot of the corpus: the one it has, else a free one, else the
 * least lately opened one's (store_view_victim); APP_NONE when it is not stored. ahead: read
 * ahead of a key, not opened (it stays first to go until it is). */
static size_t store_view_slot_of(struct app *app, int64_t row, bool ahead)
{
	struct app_store_view *sv = &app->sv;
	struct article *a;
	size_t slot = APP_NONE;

	for (size_t i = 0; i < sv->nrows; i++)
		if (sv->rowids[i] == row) {
			if (!ahead)
				sv->used[i] = ++sv->clock;
			return i;
		}
	if (sv->nrows >= APP_STORE_KEEP && (slot = store_view_victim(app)) == APP_NONE)
		return APP_NONE;
	if ((a = store_load_article(sv->store, row)) == NULL)
		return APP_NONE;
	if (sv->nrows < APP_STORE_KEEP) {
		slot = sv->nrows++;
		sv->rowids = xreallocarray(sv->rowids, sv->nrows, sizeof *sv->rowids);
		sv->used = xreallocarray(sv->used, sv->nrows, sizeof *sv->used);
		xgrow(&app->corpus.items, &app->corpus.cap, sv->nrows, sizeof *app->corpus.items);
		app->corpus.n = sv->nrows;
	} else {
		history_forget(&app->history, slot); /* its entries would open another article */
		if (app->rel.early_of == slot)
			app_sidebar_free(app);
		article_free(app->corpus.items[slot]);
	}
	app->corpus.items[slot] = a;
	sv->rowids[slot] = row;
	sv->used[slot] = ahead ? 0 : ++sv->clock;
	return slot;
}

static size_t store_view_slot(struct app *app, int64_t row)
{
	return store_view_slot_of(app, row, false);
}

size_t app_store_open_row(struct app *app, int64_t row)
{
	return app->sv.win ? store_view_slot(app, row) : APP_NONE;
}

/* Row's related list as read lately, else read now into the least lately used place. */
static const struct app_store_list *store_view_list(struct app *app, int64_t row, size_t max)
{
	struct app_store_view *sv = &app->sv;
	struct app_store_list *k = &sv->lists[0];

	for (size_t i = 0; i < APP_STORE_LISTS; i++) {
		if (sv->lists[i].row == row && sv->lists[i].max == max) {
			sv->lists[i].used = ++sv->clock;
			return &sv->lists[i];
		}
		if (sv->lists[i].used < k->used)
			k = &sv->lists[i];
	}
	store_related_list_free(&k->l);
	k->row = row;
	k->max = max;
	k->found = store_related_get(sv->store, row, max, &k->l);
	k->used = ++sv->clock;
	return k;
}

/* The store changed: lists read before may have other stories now. */
static void store_view_lists_forget(struct app *app)
{
	for (size_t i = 0; i < APP_STORE_LISTS; i++) {
		store_related_list_free(&app->sv.lists[i].l);
		memset(&app->sv.lists[i], 0, sizeof app->sv.lists[i]);
	}
}

bool app_store_related(struct app *app, size_t slot, size_t max, struct store_related_list *out)
{
	const struct app_store_list *k;

	memset(out, 0, sizeof *out);
	if (app->sv.win == NULL || slot >= app->sv.nrows)
		return false;
	k = store_view_list(app, app->sv.rowids[slot], max);
	if (k->found)
		store_related_list_copy(out, &k->l);
	return k->found;
}

size_t app_store_link_sources(struct app *app, const struct store_related_link *l)
{
	char **sources = xcalloc(l->ncopies + 1, sizeof *sources);
	size_t n;

	sources[0] = l->source;
	for (size_t i = 0; i < l->ncopies; i++)
		sources[i + 1] = store_source_of(app->sv.store, l->copies[i]);
	n = rel_sources_distinct((const char *const *)sources, l->ncopies + 1);
	for (size_t i = 0; i < l->ncopies; i++)
		free(sources[i + 1]);
	free(sources);
	return n;
}

size_t app_list_selected(struct app *app)
{
	const struct store_list_row *r;

	if (app->sv.win == NULL)
		return list_pane_selected(&app->list_data);
	r = store_window_row(app->sv.win, app->list_data.sel);
	return r ? store_view_slot(app, r->key.row) : APP_NONE;
}

size_t app_list_mark(struct app *app)
{
	const struct store_list_row *r;

	if (app->sv.win == NULL)
		return list_pane_selected(&app->list_data);
	r = store_window_row(app->sv.win, app->list_data.sel);
	return r ? (size_t)r->key.row : APP_NONE;
}

/* The row read that holds article mark selected; false when none does. A list read afresh
 * (a view, a filter) has its top read first, where a search's article is looked for too. */
static bool store_view_select_read(struct app *app, size_t mark)
{
	const struct store_window *w = app->sv.win;

	if (w->page.n == 0)
		store_window_row(app->sv.win, 0);
	for (size_t i = w->base; i < w->base + w->page.n; i++)
		if (w->page.v[i - w->base].key.row == (int64_t)mark)
			return list_pane_select(&app->list, i);
	return false;
}

/* On the store: among the rows read, else where the index places it; a search's rows only
 * among those read (its place would count the matches before it, too dear for a key). */
bool app_list_reselect(struct app *app, size_t mark)
{
	const struct store_list_row *r;
	struct store_list_key key;
	size_t at;

	if (app->sv.win == NULL)
		return list_pane_select(&app->list, mark);
	if (mark == APP_NONE)
		return false;
	if (store_view_select_read(app, mark))
		return true;
	if (app->sv.win->f.query || !store_list_key_of(app->sv.store, (int64_t)mark, &key))
		return false;
	at = store_window_seek(app->sv.win, &key);
	r = store_window_row(app->sv.win, at);
	return r && r->key.row == (int64_t)mark && list_pane_select(&app->list, at);
}

void app_list_select_article(struct app *app, size_t idx)
{
	if (app->sv.win == NULL)
		list_pane_select(&app->list, idx);
	else if (idx < app->sv.nrows)
		app_list_reselect(app, (size_t)app->sv.rowids[idx]);
}

bool app_store_entities(struct app *app, size_t slot, struct article_entities *out)
{
	struct store_entities e = {0};
	struct corpus one = {.items = &app->corpus.items[slot], .n = 1};
	bool have;

	if (app->sv.win == NULL || slot >= app->sv.nrows)
		return false;
	store_entities_reload(app->sv.store, &one, &app->sv.rowids[slot], 1, &e);
	have = e.n > 0 && e.have[0];
	if (have) {
		*out = e.es[0];
		memset(&e.es[0], 0, sizeof e.es[0]);
	}
	store_entities_free(&e);
	return have;
}

size_t app_store_total(struct app *app)
{
	if (app->sv.total == (size_t)-1)
		app->sv.total = store_list_count(app->sv.store, &STORE_LIST_ALL, NULL);
	return app->sv.total;
}

/* The list was read again: the status line's figures and the pane's rows. */
static void store_view_changed(struct app *app)
{
	app->list_data.sel = app->list_data.top = 0;
	app->list.dirty = true;
}

/* The same, the article marked (app_list_mark) selected again on the row of the screen it
 * had when the new list shows it, as the list in memory keeps it (list_pane_set_rows);
 * else the top. */
static void store_view_changed_keep(struct app *app, size_t mark)
{
	struct list_pane *l = &app->list_data;
	size_t offset = l->sel >= l->top ? l->sel - l->top : 0;

	store_view_changed(app);
	if (!app_list_reselect(app, mark))
		return;
	l->top = l->sel >= offset ? l->sel - offset : 0;
	list_pane_select(&app->list, l->sel); /* the view clamped to the list */
}

/* The selected row's article when its row is read (app_list_mark without reading any). */
static size_t store_view_mark_read(const struct app *app)
{
	const struct store_list_row *r = store_window_row_read(app->sv.win, app->list_data.sel);
	return r ? (size_t)r->key.row : APP_NONE;
}

/* The staged search read: the list shows it, the article selected before selected again
 * when the rows read of its top hold it. */
static void store_view_staged_shown(struct app *app, size_t mark)
{
	free(app->filter.text);
	app->filter.text = app->sv.staged;
	app->sv.staged = NULL;
	app->filter.query = true;
	store_view_changed_keep(app, mark);
}

/* A search typed in the prompt is staged: the key shows the prompt at once, and its first
 * rows are read on the next idle passes, a slice at a time (app_store_idle), while the list
 * keeps the rows it had; Enter on it lets the slices go on, and the next key that reads the
 * list waits for them (app_store_settle_list). Any other search is read now. */
bool app_store_search(struct app *app, const char *label, const char *text)
{
	const char *staged = store_window_staged(app->sv.win);

	if (app->sv.win->counter == NULL) /* the first search starts the counter's thread */
		store_window_set_counter(app->sv.win, store_counter_new(store_path(app->sv.store)));
	if (staged && strcmp(staged, text) == 0 && strcmp(app->sv.staged, label) == 0)
		return true; /* being read already (Enter on the query typed: read on as before) */
	store_window_set_screen(app->sv.win, app->list.h > 0 ? (size_t)app->list.h : 0);
	if (!store_window_stage_search(app->sv.win, text))
		return false;
	free(app->sv.staged);
	app->sv.staged = xstrdup(label);
	if (!app->prompting)
		app_store_settle_list(app);
	return true;
}

void app_store_unstage(struct app *app, const char *text)
{
	const char *staged = app->sv.win ? store_window_staged(app->sv.win) : NULL;

	if (staged && (text == NULL || strcmp(staged, text) != 0)) {
		store_window_stage_drop(app->sv.win);
		xfree(&app->sv.staged);
	}
}

void app_store_settle_list(struct app *app)
{
	if (app->sv.win && store_window_staged(app->sv.win)) {
		size_t mark = store_view_mark_read(app);
		store_window_stage_finish(app->sv.win);
		store_view_staged_shown(app, mark);
	}
}

/* Whether a key waits to be read (it goes before work between keys). */
static bool store_view_key_waits(const struct app *app)
{
	struct pollfd p = {.fd = app->in_fd, .events = POLLIN};
	return poll(&p, 1, 0) > 0;
}

/* A slice of the staged search's reading: rows read and checked until STORE_VIEW_SLICE_S
 * has passed or a key came (a row is a few tens of µs; opening the cursor and planning the
 * page are steps of their own). */
static void store_view_stage_slice(struct app *app)
{
	double until = app_now() + STORE_VIEW_SLICE_S;
	size_t mark = store_view_mark_read(app);

	do {
		if (store_window_stage_step(app->sv.win, STORE_VIEW_SLICE_ROWS)) {
			store_view_staged_shown(app, mark);
			return;
		}
	} while (app_now() < until && !store_view_key_waits(app));
}

/* The sidebar's fill on idle passes, a step each: the entities (tagged, about 1 ms, when the
 * store holds none packed by these rules; the tagger's first use loads it), the related list
 * (read into the lists kept), then the sidebar laid out from them. In memory the one step
 * FILL_SHOW finds the related stories and lays the sidebar out (1-3 ms, most of an open). */
enum store_view_fill { FILL_NONE, FILL_ENTITIES, FILL_RELATED, FILL_SHOW };

void app_sidebar_fill_soon(struct app *app)
{
	bool stored = app->sv.win != NULL;

	if (app->open == APP_NONE) {
		app_sidebar_fill(app);
		return;
	}
	sidebar_pane_clear(&app->sidebar_data);
	sidebar_pane_add(&app->sidebar_data, "finding entities…", NULL, true, 0, 0);
	app->sidebar.dirty = true;
	app->sv.fill_step = stored ? FILL_ENTITIES : FILL_SHOW;
	app->sv.related_first = false;
	/* ] and [ walk the open article's stories from now, as the fill would start them */
	rel_walk_start(&app->rel.walk, app->open, stored ? app->sv.rowids[app->open] : 0);
	app->sv.fill_walk = app->rel.walk;
}

/* Read ahead on idle passes: the list's selected row, the one below and the one above, and
 * the nearest unread rows below and above it (Enter, j or k then Enter, n and N to the next
 * unread), each read into a slot and laid out at the reader's width, so the key that opens
 * it neither reads the store nor lays the text out. Only while the reader is shown: its
 * width is the one they would open at. */
static const long store_view_ahead[] = {0, 1, -1};
#define STORE_VIEW_NEAR (sizeof store_view_ahead / sizeof *store_view_ahead)
#define STORE_VIEW_UNREAD_REACH STORE_WINDOW_AHEAD_MAX /* rows looked through for one */
_Static_assert(STORE_VIEW_NEAR + 2 <= APP_STORE_AHEAD, "each row due is remembered once read");

/* The nearest unread row below (dir 1) or above (-1) row i among the rows read, or NULL. */
static const struct store_list_row *store_view_unread_near(const struct app *app, size_t i,
							    int dir)
{
	const struct store_list_row *r;

	for (size_t k = 1; k <= STORE_VIEW_UNREAD_REACH; k++)
		if ((r = store_window_row_read(app->sv.win, dir > 0 ? i + k : i - k)) == NULL ||
		    !r->read)
			return r;
	return NULL;
}

/* The next row to read ahead, 0: none. */
static int64_t store_view_ahead_due(const struct app *app)
{
	const struct store_list_row *r;
	size_t sel = app->list_data.sel;

	if (app->sv.win == NULL || !ui_pane_shown(&app->reader))
		return 0;
	for (size_t k = 0; k < STORE_VIEW_NEAR + 2; k++) {
		bool unread = k >= STORE_VIEW_NEAR, below = k == STORE_VIEW_NEAR;
		int64_t row;
		r = !unread ? store_window_row_read(app->sv.win, sel + (size_t)store_view_ahead[k])
			    : store_view_unread_near(app, sel, below ? 1 : -1);
		/* n past many rows read: the row the index finds (kept for the key) */
		row = r        ? r->key.row
		      : unread ? store_window_unread_past(app->sv.win, sel, below)
			       : 0;
		if (row > 0 && !store_view_ahead_done(app, row))
			return row;
	}
	return 0;
}

static void store_view_read_ahead(struct app *app, int64_t row)
{
	size_t slot;

	memmove(app->sv.ahead + 1, app->sv.ahead, (APP_STORE_AHEAD - 1) * sizeof *app->sv.ahead);
	app->sv.ahead[0] = row;
	if ((slot = store_view_slot_of(app, row, true)) != APP_NONE && slot != app->open)
		reader_pane_prime(&app->reader, app->corpus.items[slot]);
}

/* The list's rows within two screens of its selection read ahead (PgDn), then on to the
 * nearest unread row below it (n past rows already read), SIZE_MAX: all read. */
static size_t store_view_rows_due(const struct app *app)
{
	size_t rows = app->list.h > 0 ? 2 * (size_t)app->list.h : STORE_WINDOW_PAGE, i;

	if (app->sv.win == NULL)
		return SIZE_MAX;
	i = store_window_ahead_due(app->sv.win, app->list_data.sel, rows);
	return i != SIZE_MAX ? i
			     : store_window_unread_due(app->sv.win, app->list_data.sel,
						       STORE_VIEW_UNREAD_REACH);
}

bool app_store_idle_pending(const struct app *app)
{
	return app->sv.fill_step != FILL_NONE || app->sv.tagged_row > 0 ||
	       (app->sv.win && store_window_staged(app->sv.win)) ||
	       (app->sv.store && store_tend_due(app->sv.store)) ||
	       store_view_rows_due(app) != SIZE_MAX || store_view_ahead_due(app);
}

bool app_store_entities_due(const struct app *app)
{
	return app->sv.win && app->sv.related_first && app->sv.fill_step == FILL_ENTITIES;
}

void app_store_entities_tagged(struct app *app, size_t slot)
{
	if (app->sv.win == NULL || slot >= app->sv.nrows)
		return;
	app->sv.tagged_row = app->sv.rowids[slot];
	app->sv.tagged = app->corpus.items[slot];
}

/* The entities tagged at open written to their row, so the next open reads them: only while
 * the row's article is still the one tagged (its slot may have been reused, F may have read
 * its page since). Not written (a writer busy elsewhere): tagged again at the next open. */
static void store_view_write_entities(struct app *app)
{
	int64_t row = app->sv.tagged_row;

	app->sv.tagged_row = 0;
	if (app->rel.early_of == APP_NONE || app->rel.early_of >= app->sv.nrows ||
	    app->sv.rowids[app->rel.early_of] != row ||
	    app->corpus.items[app->rel.early_of] != app->sv.tagged)
		return;
	store_entities_write(app->sv.store, row, app->sv.tagged, &app->rel.early);
}

static bool store_view_same_walk(const struct rel_walk *a, const struct rel_walk *b)
{
	return a->anchor == b->anchor && a->pos == b->pos && a->anchor_row == b->anchor_row;
}

/* The sidebar laid out as app_open made it at once before: a walk set after the open (], [,
 * a story followed) is the one kept, as when the fill came first; so is the row selected
 * (r showed the stories before the entities). */
static void store_view_fill_show(struct app *app)
{
	struct rel_walk after = app->rel.walk;
	bool set_since = !store_view_same_walk(&after, &app->sv.fill_walk);
	const struct sidebar_row *r = sidebar_pane_selected(&app->sidebar_data);
	int kind = r ? r->kind : 0;
	size_t ref = r ? r->ref : 0;

	app_sidebar_fill(app);
	if (set_since)
		app->rel.walk = after;
	if (kind)
		sidebar_pane_select_ref(&app->sidebar, kind, ref);
}

/* One step of the sidebar's fill. */
static void store_view_fill_step(struct app *app)
{
	switch (app->sv.fill_step) {
	case FILL_ENTITIES:
		app_sidebar_prepare(app);
		app->sv.fill_step = FILL_RELATED;
		break;
	case FILL_RELATED: /* into the lists kept, where the layout finds it */
		if (app->open < app->sv.nrows)
			store_view_list(app, app->sv.rowids[app->open], APP_SIDEBAR_RELATED_MAX);
		app->sv.fill_step = FILL_SHOW;
		break;
	case FILL_SHOW:
		app->sv.fill_step = FILL_NONE;
		app->sv.related_first = false;
		store_view_fill_show(app);
		break;
	default: app->sv.fill_step = FILL_NONE;
	}
}

void app_store_idle(struct app *app)
{
	int64_t row;
	size_t i;

	if (app->sv.win && store_window_staged(app->sv.win))
		store_view_stage_slice(app);
	else if (app->sv.fill_step != FILL_NONE)
		store_view_fill_step(app);
	else if (app->sv.tagged_row > 0)
		store_view_write_entities(app);
	else if (app->sv.store && store_tend_due(app->sv.store))
		store_tend(app->sv.store); /* the WAL: a key's mark only appends to it */
	else if ((i = store_view_rows_due(app)) != SIZE_MAX)
		store_window_row(app->sv.win, i);
	else if ((row = store_view_ahead_due(app)) > 0)
		store_view_read_ahead(app, row);
}

void app_store_settle(struct app *app)
{
	while (app->sv.fill_step != FILL_NONE)
		store_view_fill_step(app);
}

/* The related list is read and laid out below "finding entities…"; the fill goes on from
 * its entities step on idle passes and lays the sidebar out again, r's selection kept. */
void app_store_settle_related(struct app *app)
{
	if (app->sv.fill_step != FILL_ENTITIES || app->open >= app->sv.nrows) {
		app_store_settle(app);
		return;
	}
	app->sv.related_first = true;
	store_view_list(app, app->sv.rowids[app->open], APP_SIDEBAR_RELATED_MAX);
	store_view_fill_show(app);
}

int app_store_count_fd(const struct app *app)
{
	return app->sv.win ? store_counter_fd(app->sv.win->counter) : -1;
}

void app_store_count_event(struct app *app)
{
	if (app->sv.win && store_window_count_event(app->sv.win))
		app->list.dirty = true;
}

void app_store_reach(struct app *app, size_t rows)
{
	if (app->sv.win)
		store_window_reach(app->sv.win, app->list_data.sel + rows);
}

void app_store_count_wait(struct app *app)
{
	if (app->sv.win)
		store_window_count_wait(app->sv.win);
}

void app_store_unfilter(struct app *app)
{
	size_t mark = app_list_mark(app);

	app_store_unstage(app, NULL);
	store_window_clear(app->sv.win);
	xfree(&app->filter.text);
	app->filter.query = false;
	store_view_changed_keep(app, mark);
}

void app_store_marked(struct app *app, const char *id)
{
	if (app->sv.win == NULL)
		return;
	store_window_mark(app->sv.win, id, store_is_read(app->sv.store, id),
			  store_is_bookmarked(app->sv.store, id));
	app->list.dirty = true;
}

void app_store_view_set(struct app *app)
{
	static const enum store_list_marks marks[APP_NVIEWS] = {
		[APP_VIEW_ALL] = STORE_LIST_ANY_MARK,
		[APP_VIEW_UNREAD] = STORE_LIST_UNREAD,
		[APP_VIEW_BOOKMARKS] = STORE_LIST_BOOKMARKED,
	};
	store_window_marks(app->sv.win, marks[app->views.view]);
	store_window_count_wait(app->sv.win); /* the view's message gives its count */
	store_view_changed(app);
}

/* The row f narrows by: the list's selected one, in the reader the open article's (the list
 * may not show it: then read into page); NULL: none. */
static const struct store_list_row *store_view_source_row(struct app *app,
							  struct store_list_page *page)
{
	const struct store_list_row *r = store_window_row(app->sv.win, app->list_data.sel);
	int64_t row;

	if (app->focus == &app->list || app->open >= app->sv.nrows)
		return r;
	row = app->sv.rowids[app->open];
	return r && r->key.row == row ? r : store_window_read_row(app->sv.store, row, page);
}

/* f: the list narrowed to the selected (or open) article's feed, or its source when it was
 * imported from files, in place of the search or tag shown, as in memory. */
void app_store_source(struct app *app)
{
	struct store_list_page page = {0};
	const struct store_list_row *r = store_view_source_row(app, &page);
	size_t mark = r ? (size_t)r->key.row : APP_NONE;
	int64_t feed;
	char *label, *source;

	if (r == NULL || (r->feed == 0 && r->source == NULL)) {
		app_message(app, "this article names no source");
		store_list_page_free(&page);
		return;
	}
	label = xasprintf("source: %s", r->source ? store_view_source_name(app, r) : "its feed");
	feed = r->feed; /* r is the window's row, gone once the search is */
	source = feed ? NULL : xstrdup(r->source);
	app_store_unstage(app, NULL);
	store_window_clear(app->sv.win);
	store_window_feed(app->sv.win, feed, source);
	free(source);
	free(app->filter.text);
	app->filter.text = label;
	app->filter.query = false;
	store_view_changed_keep(app, mark);
	app_focus(app, &app->list);
	store_list_page_free(&page);
}

/* Enter on an entity in the sidebar: the list narrowed to the articles whose stored entities
 * name it, as memory's entity table lists them, in place of the filter shown. */
void app_store_entity(struct app *app, const char *label, enum entity_type type, const char *key)
{
	size_t mark = app_list_mark(app);
	char *terms = store_entity_filter(app->sv.store, type, key);

	app_store_unstage(app, NULL);
	store_window_clear(app->sv.win);
	store_window_entity(app->sv.win, terms);
	free(terms);
	free(app->filter.text);
	app->filter.text = xstrdup(label);
	app->filter.query = false;
	store_view_changed_keep(app, mark);
	app_focus(app, &app->list);
}

/* Articles stored since the list was read join at its top; the selection stays on its
 * article. */
static void app_store_take(struct app *app)
{
	size_t n;

	if (app->sv.win == NULL)
		return;
	app->sv.seen = store_last_rowid(app->sv.store);
	app->sv.total = (size_t)-1;
	store_view_lists_forget(app);
	n = store_window_newer(app->sv.win);
	if (n) {
		list_pane_shift(&app->list, 0, n);
		app->list_data.empty = NULL;
	}
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
		app_message(app, "already fetching");
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

/* New articles join now, unless a search is being typed. */
static void app_fetch_join(struct app *app)
{
	if (app->prompting)
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

/* T: the list narrowed to the feeds of the next tag of the subscriptions file. */
void app_filter_tag(struct app *app)
{
	struct subs subs;
	const char **tags;
	size_t ntags, n = 0;
	int64_t *feeds;
	char *error = NULL;

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
	feeds = xcalloc(subs.n + 1, sizeof *feeds);
	for (size_t i = 0; i < subs.n; i++) {
		struct store_feed feed;
		if (!app_store_has_tag(&subs.v[i], tags[app->sv.tag_at]) ||
		    !store_feed_get(app->sv.store, subs.v[i].url, &feed, &error)) {
			xfree(&error);
			continue;
		}
		feeds[n++] = feed.id;
		store_feed_free(&feed);
	}
	if (n == 0) /* no feed of it stored yet: an id no feed has */
		feeds[n++] = -2;
	store_window_feeds(app->sv.win, feeds, n);
	free(app->filter.text);
	app->filter.text = xasprintf("tag: %s", tags[app->sv.tag_at]);
	app->filter.query = false;
	store_view_changed(app);
	app_focus(app, &app->list);
	app->sv.tag_at++;
	free(feeds);
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
	app_store_unstage(app, NULL); /* its cursor's statements go before the store */
	store_view_lists_forget(app);
	store_close(app->sv.store);
	app->sv.store = NULL;
	xfree(&app->sv.rowids);
	xfree(&app->sv.used);
	if (app->sv.win) {
		store_counter_free(app->sv.win->counter);
		store_window_free(app->sv.win);
		xfree(&app->sv.win);
		app->list_data.src = NULL;
	}
}
