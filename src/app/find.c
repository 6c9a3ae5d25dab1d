/* find.c - search in the reader: `/` in the list filters it as you type, over titles and
 * bodies; `/` in the reading pane finds in the article; n and N step through the hits. The
 * matching is the search module's: insensitive to hamza forms, harakat, tatweel and case.
 *
 * The list filter never holds up a key: a key in the prompt only sets up a pass
 * (search_pass), which the event loop runs in slices between looks at the keyboard. A pass
 * tests the articles in list order, so its matches so far are the top of its result: the list
 * shows them once they fill the page or the query is accepted (Enter), and Enter in the list
 * opens one of them without waiting for the rest (fzf does the same). Until then the list
 * keeps its rows. A query that grew narrows the pending pass (its matches so far plus what it
 * has not tested yet, still in list order), or starts from the shown result; articles that
 * arrive while loading join the pass, out of order: such a pass shows only when done. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "qari/xalloc.h"

#define FIND_SETTLE_SLICE_US 500 /* Enter waits for the first matches in slices this long */

static void find_set_ranges(struct app *app, struct ui_range *v, size_t n)
{
	free(app->hits);
	app->hits = v;
	app->nhits = n;
	app->hit = 0;
	app->reader_data.ranges = v;
	app->reader_data.nranges = n;
	app->reader_data.full_redraw = true;
	app->reader.dirty = true;
}

void app_search_free_hits(struct app *app) { find_set_ranges(app, NULL, 0); }

static void find_pass_drop(struct app *app)
{
	struct app_filtering *f = &app->filter.pending;

	if (f->text == NULL)
		return;
	xfree(&f->text);
	search_query_free(&f->q);
	search_pass_free(&f->pass);
}

void app_search_free(struct app *app)
{
	find_pass_drop(app);
	prompt_free(&app->prompt);
	xfree(&app->filter.text);
	xfree(&app->filter.rows);
	app->filter.n = 0;
	find_set_ranges(app, NULL, 0);
}

/* Esc: the article's hits first, then the list's filter (and the one being computed). */
void app_search_clear(struct app *app)
{
	if (app->nhits) {
		find_set_ranges(app, NULL, 0);
		return;
	}
	if ((app->filter.text || app->filter.pending.text) && app->focus == &app->list)
		app_filter_list(app, NULL, NULL, 0);
}

void app_search_start(struct app *app)
{
	const char *last = app->filter.pending.text ? app->filter.pending.text : app->filter.text;

	app->prompting = true;
	app->prompt_target = app->focus == &app->reader && app->open != APP_NONE
				     ? APP_SEARCH_ARTICLE : APP_SEARCH_LIST;
	app->find_top = app->reader_data.top;
	prompt_clear(&app->prompt);
	if (app->prompt_target == APP_SEARCH_LIST && last)
		prompt_set(&app->prompt, last);
}

/* The list shows rows (filter.rows, in list order), labelled for the status line; NULL: all.
 * The pane gets the new rows before the old ones are freed: it reads them to keep the
 * selection. */
static void find_show_rows(struct app *app, const char *label, size_t *rows, size_t n)
{
	size_t *old_rows = app->filter.rows;
	char *old_label = app->filter.text;

	app->filter.text = label ? xstrdup(label) : NULL;
	app->filter.rows = rows;
	app->filter.n = label ? n : 0;
	app->filter.query = false;
	app->filter.pending.showing = false;
	if (label)
		app_list_show(app, app->filter.rows, app->filter.n);
	else
		app_list_show(app, app->load.order, app->load.n);
	free(old_rows);
	free(old_label);
}

/* Rows (corpus positions) put in list order, as find_show_rows. */
static void find_show(struct app *app, const char *label, const size_t *rows, size_t n)
{
	size_t *v = label ? xcalloc(n + 1, sizeof *v) : NULL;

	if (label && n) {
		memcpy(v, rows, n * sizeof *rows);
		app_sort_rows(app, v, n);
	}
	find_show_rows(app, label, v, n);
}

void app_filter_list(struct app *app, const char *label, const size_t *rows, size_t n)
{
	if (app->sv.win) { /* the store's list has its own filters: this one clears them */
		app_store_unfilter(app);
		return;
	}
	find_pass_drop(app);
	find_show(app, label, rows, n);
}

/* The filter rows as search positions, into the pass. */
static void find_pass_add_rows(struct search_pass *p, const size_t *rows, size_t n, bool found)
{
	uint32_t *v = xcalloc(n + 1, sizeof *v);
	for (size_t i = 0; i < n; i++)
		v[i] = (uint32_t)rows[i];
	if (found)
		search_pass_keep(p, v, n);
	else
		search_pass_add(p, v, n);
	free(v);
}

/* Whether q can only match where the list's search filter matched: its matching form holds
 * the filter's (the query grew as it was typed). */
static bool find_within_filter(const struct app *app, const struct search_query *q)
{
	struct search_query old;
	bool within;

	if (!app->filter.text || !app->filter.query || !search_query_init(&old, app->filter.text, false))
		return false;
	within = strstr(q->norm, old.norm) != NULL;
	search_query_free(&old);
	return within;
}

/* Code points of a query's matching form (0: no query). */
static size_t find_query_points(const char *text)
{
	struct search_query q;
	size_t n = 0;

	if (!search_query_init(&q, text, false))
		return 0;
	for (size_t i = 0; i < q.len; i++)
		n += ((unsigned char)q.norm[i] & 0xC0) != 0x80;
	search_query_free(&q);
	return n;
}

/* The list on the store follows the prompt from the third letter: a query of one or two
 * matches nearly every article, and the index counts those slowly (Enter applies it). On a
 * store of more than FIND_STORE_LIVE_MAX articles, counting a prefix's matches takes seconds
 * (a key would wait for them): Enter applies every query there. */
#define FIND_STORE_TYPED 3
#define FIND_STORE_LIVE_MAX 100000
static void find_store_list(struct app *app, const char *text)
{
	size_t points = find_query_points(text);

	if (app->prompting && app_store_total(app) > FIND_STORE_LIVE_MAX)
		return;
	if (points == 0 || (app->prompting && points < FIND_STORE_TYPED)) {
		if (app->filter.text)
			app_store_unfilter(app);
		return;
	}
	if (!app->filter.text || strcmp(app->filter.text, text) != 0)
		app_store_search(app, text, text);
}

/* The query in the prompt changed: a new pass, as narrow as what is known allows. The list
 * keeps its rows until the pass is done (app_filter_step). */
static void find_filter_list(struct app *app, const char *text)
{
	struct app_filtering *f = &app->filter.pending;
	struct search_query q;

	if (app->sv.win) { /* the store's full-text index, a page at a time */
		find_store_list(app, text);
		return;
	}
	if (!search_query_init(&q, text, false)) {
		app_filter_list(app, NULL, NULL, 0);
		return;
	}
	if (f->text && strstr(q.norm, f->q.norm)) {
		/* grew: the pending pass's matches so far and its untested rest */
		search_pass_narrow(&f->pass);
		xfree(&f->text);
		search_query_free(&f->q);
	} else {
		find_pass_drop(app);
		search_pass_init(&f->pass);
		if (find_within_filter(app, &q)) {
			find_pass_add_rows(&f->pass, app->filter.rows, app->filter.n, false);
			search_pass_add_range(&f->pass, app->filter.upto, app->load.n);
			f->ordered = app->filter.upto == app->load.n;
		} else {
			find_pass_add_rows(&f->pass, app->load.order, app->load.n, false);
			f->ordered = true;
		}
	}
	f->text = xstrdup(text);
	f->q = q;
	f->started = app_now();
	f->showing = false;
	f->shown = 0;
}

void app_filter_more(struct app *app, size_t from, size_t to)
{
	struct app_filtering *f = &app->filter.pending;

	if (f->text == NULL && app->filter.text && app->filter.query) {
		/* the shown result stays; only the new articles are to test */
		if (!search_query_init(&f->q, app->filter.text, false))
			return;
		f->text = xstrdup(app->filter.text);
		f->started = app_now();
		f->showing = false;
		search_pass_init(&f->pass);
		find_pass_add_rows(&f->pass, app->filter.rows, app->filter.n, true);
		search_pass_add_range(&f->pass, app->filter.upto, from);
	}
	if (f->text) {
		search_pass_add_range(&f->pass, from, to);
		f->ordered = false; /* the newcomers fall anywhere in the list */
	}
	else if (app->filter.text)
		find_show(app, app->filter.text, app->filter.rows, app->filter.n); /* re-sorted */
}

bool app_filter_pending(const struct app *app) { return app->filter.pending.text != NULL; }

/* While loading, the filter builds the search entries it needs itself; once the loader is
 * done, the background index builds them, and the filter waits for its first phase. */
bool app_filter_runnable(const struct app *app)
{
	return app->filter.pending.text &&
	       (app->load.loader || (atomic_load(&app->index.ready) & CORPUS_INDEX_SEARCH));
}

/* A pass's matches as list rows. */
static size_t *find_found_rows(const struct search_pass *p)
{
	size_t *rows = xcalloc(p->nfound + 1, sizeof *rows);
	for (size_t i = 0; i < p->nfound; i++)
		rows[i] = p->found[i];
	return rows;
}

/* The pass is done: its result is the list (in list order already when it tested so). */
static void find_pass_done(struct app *app)
{
	struct app_filtering *f = &app->filter.pending;
	size_t *rows = find_found_rows(&f->pass);
	char *text = f->text;

	f->text = NULL;
	if (f->ordered) {
		find_show_rows(app, text, rows, f->pass.nfound);
	} else {
		find_show(app, text, rows, f->pass.nfound);
		free(rows);
	}
	app->filter.query = true;
	app->filter.upto = app->load.n;
	search_query_free(&f->q);
	search_pass_free(&f->pass);
	free(text);
}

/* Whether the matches so far are worth showing: the query was accepted, or they fill the
 * page; after that as they double (copying them then costs little over a pass), and while
 * they do not fill the page yet, each time one comes. */
static bool find_partial_due(const struct app *app)
{
	const struct app_filtering *f = &app->filter.pending;
	size_t n = f->pass.nfound, page = app->list.h > 0 ? (size_t)app->list.h : 1;
	bool accepted = !(app->prompting && app->prompt_target == APP_SEARCH_LIST);

	if (!f->ordered || n == 0 || (f->showing && n == f->shown))
		return false;
	if (!f->showing)
		return accepted || n >= page;
	return f->shown < page || n >= 2 * f->shown;
}

/* The matches so far as the list: the top of the final one, as the pass tests in list order. */
static void find_show_partial(struct app *app)
{
	struct app_filtering *f = &app->filter.pending;
	size_t n = f->pass.nfound;

	find_show_rows(app, f->text, find_found_rows(&f->pass), n);
	f->showing = true;
	f->shown = n;
}

void app_filter_step(struct app *app, long budget_us)
{
	struct app_filtering *f = &app->filter.pending;

	if (!app_filter_runnable(app))
		return;
	if (app->load.loader)
		corpus_index_grow(&app->index, app->load.n);
	if (search_filter_step(&app->index.search, &f->q, &f->pass, budget_us))
		find_pass_done(app);
	else if (find_partial_due(app))
		find_show_partial(app);
}

void app_filter_settle(struct app *app)
{
	struct app_filtering *f = &app->filter.pending;

	if (f->text == NULL)
		return;
	if (app->load.loader == NULL) /* the search phase is quick: wait for it rather than race it */
		corpus_index_wait(&app->index, CORPUS_INDEX_SEARCH);
	if (!f->ordered) {
		app_filter_step(app, LONG_MAX);
		return;
	}
	while (f->text && !(f->showing && f->shown > 0))
		app_filter_step(app, FIND_SETTLE_SLICE_US);
}

/* The hits of text in the open article, as highlight ranges (NULL when none). */
size_t app_find_ranges(struct app *app, const char *text, struct ui_range **out)
{
	struct search_query q;
	struct search_hits hits = {0};
	size_t n;

	*out = NULL;
	if (app->open == APP_NONE || !search_query_init(&q, text, false))
		return 0;
	n = search_article(app->corpus.items[app->open], &q, &hits);
	if (n) {
		*out = xcalloc(n, sizeof **out);
		for (size_t i = 0; i < n; i++)
			(*out)[i] = (struct ui_range){hits.v[i].para, (uint32_t)hits.v[i].beg,
						      (uint32_t)hits.v[i].end, false};
	}
	search_hits_free(&hits);
	search_query_free(&q);
	return n;
}

/* Show ranges as the hits n and N walk, the first one current and on screen. */
static void find_show_ranges_from(struct app *app, struct ui_range *v, size_t n, size_t first)
{
	find_set_ranges(app, v, n);
	if (n) {
		app->hit = first;
		v[first].current = true;
		reader_pane_show(&app->reader, v[first].para, v[first].beg);
	}
}

void app_show_ranges(struct app *app, struct ui_range *v, size_t n)
{
	find_show_ranges_from(app, v, n, 0);
}

/* As less does, find starts where the reader was when the prompt opened: the first hit on
 * a line at or below that view's top, else (wrapping) the first hit. */
static void find_in_article(struct app *app, const char *text)
{
	struct ui_range *v;
	size_t n = app_find_ranges(app, text, &v), first = 0;

	for (size_t i = 0; i < n; i++)
		if (article_view_find(&app->reader_data.view, v[i].para, v[i].beg) >= app->find_top) {
			first = i;
			break;
		}
	find_show_ranges_from(app, v, n, first);
}

void app_search_step(struct app *app, bool forward)
{
	if (app->nhits == 0)
		return;
	app->hits[app->hit].current = false;
	app->hit = forward ? (app->hit + 1) % app->nhits : (app->hit + app->nhits - 1) % app->nhits;
	app->hits[app->hit].current = true;
	reader_pane_show(&app->reader, app->hits[app->hit].para, app->hits[app->hit].beg);
}

static void find_apply(struct app *app)
{
	if (app->prompt_target == APP_SEARCH_LIST)
		find_filter_list(app, app->prompt.buf);
	else
		find_in_article(app, app->prompt.buf);
}

/* The keys that edit the line as a shell's do; PROMPT_EDITS when ch is none of them. */
#define PROMPT_EDITS ((enum prompt_edit)-1)
static enum prompt_edit find_prompt_edit(enum ui_key_kind kind, wint_t ch)
{
	if (kind == UI_KEY_FUNCTION) {
		switch (ch) {
		case UI_KEY_BACKSPACE: return PROMPT_BACKSPACE;
		case UI_KEY_DC: return PROMPT_DELETE;
		case UI_KEY_LEFT: return PROMPT_LEFT;
		case UI_KEY_RIGHT: return PROMPT_RIGHT;
		case UI_KEY_HOME: return PROMPT_HOME;
		case UI_KEY_END: return PROMPT_END;
		case UI_KEY_UP: return PROMPT_HISTORY_UP;
		case UI_KEY_DOWN: return PROMPT_HISTORY_DOWN;
		default: return PROMPT_EDITS;
		}
	}
	switch (ch) {
	case 127: case 8: return PROMPT_BACKSPACE;
	case 1: return PROMPT_HOME;       /* Ctrl-A */
	case 5: return PROMPT_END;        /* Ctrl-E */
	case 2: return PROMPT_LEFT;       /* Ctrl-B */
	case 6: return PROMPT_RIGHT;      /* Ctrl-F */
	case 4: return PROMPT_DELETE;     /* Ctrl-D */
	case 21: return PROMPT_KILL_START; /* Ctrl-U */
	case 11: return PROMPT_KILL_END;   /* Ctrl-K */
	case 23: return PROMPT_KILL_WORD;  /* Ctrl-W */
	case 16: return PROMPT_HISTORY_UP;   /* Ctrl-P */
	case 14: return PROMPT_HISTORY_DOWN; /* Ctrl-N */
	default: return PROMPT_EDITS;
	}
}

static void find_prompt_accept(struct app *app)
{
	app->prompting = false;
	prompt_remember(&app->prompt);
	if (app->sv.win && app->prompt_target == APP_SEARCH_LIST)
		find_store_list(app, app->prompt.buf); /* a short query, held back while typed */
	if (app->prompt_target == APP_SEARCH_ARTICLE && app->nhits == 0 && app->prompt.len)
		app_message(app, "not found: %s", app->prompt.buf);
}

void app_search_key(struct app *app, enum ui_key_kind kind, wint_t ch)
{
	enum prompt_edit e = find_prompt_edit(kind, ch);
	bool changed = false;

	if (e != PROMPT_EDITS) {
		changed = prompt_edit(&app->prompt, e);
	} else if ((kind == UI_KEY_FUNCTION && ch == UI_KEY_ENTER) ||
		   (kind == UI_KEY_CHAR && (ch == '\r' || ch == '\n'))) {
		find_prompt_accept(app);
	} else if (kind == UI_KEY_CHAR && ch == 27) { /* Esc: give up, as if nothing was typed */
		app->prompting = false;
		prompt_clear(&app->prompt);
		find_apply(app);
	} else if (kind == UI_KEY_CHAR) {
		changed = prompt_insert(&app->prompt, (uint32_t)ch);
	}
	if (changed)
		find_apply(app);
}
