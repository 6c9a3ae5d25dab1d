/* find.c - search in the reader: `/` in the list filters it as you type, over titles and
 * bodies; `/` in the reading pane finds in the article; n and N step through the hits. The
 * matching is the search module's: insensitive to hamza forms, harakat, tatweel and case.
 *
 * The list filter's logic is filter.c's (a pass run in slices between keys, narrowed as the
 * query grows); this file hands it the prompt's query, the list, the loop's slices, and on
 * the store the store's full-text index instead. */
#include <limits.h>
#include <stdlib.h>

#include "app.h"
#include "qari/xalloc.h"

#define FIND_SETTLE_SLICE_US 500 /* Enter waits for the first matches in slices this long */

static void find_set_ranges(struct app *app, struct ui_range *v, size_t n)
{
	free(app->hits);
	app->hits = v;
	app->nhits = n;
	app->hit = 0;
	app->rel.mentions_shown = false; /* whoever shows these says what they are */
	app->reader_data.ranges = v;
	app->reader_data.nranges = n;
	app->reader_data.full_redraw = true;
	app->reader.dirty = true;
}

void app_search_free_hits(struct app *app) { find_set_ranges(app, NULL, 0); }

void app_search_free(struct app *app)
{
	filter_free(&app->filter);
	prompt_free(&app->prompt);
	find_set_ranges(app, NULL, 0);
}

/* Back on the article selected when the list's prompt opened, unless the reader chose
 * another since: the filter may have hidden it, and the list then kept whatever row the
 * filter left selected. */
static void find_reselect(struct app *app)
{
	if (app->list_data.src == NULL && app->find_from != APP_NONE)
		list_pane_select(&app->list, app->find_from);
	app->find_from = APP_NONE;
}

/* Esc: the article's hits first, then the list's filter (and the one being computed), as
 * the status line says. In the list the filter goes at once, with the hits it lit in the
 * article beside: they are not the list's to clear one Esc at a time. */
void app_search_clear(struct app *app)
{
	bool filtered = app->filter.text || app->filter.pending.text;

	if (app->nhits && !(filtered && app->focus == &app->list)) {
		find_set_ranges(app, NULL, 0);
		return;
	}
	if (app->nhits)
		find_set_ranges(app, NULL, 0);
	if (filtered) {
		app_filter_list(app, NULL, NULL, 0);
		find_reselect(app);
	}
}

void app_search_start(struct app *app)
{
	const char *last = app->filter.pending.text ? app->filter.pending.text : app->filter.text;

	app->prompting = true;
	app->prompt_target = app->focus == &app->reader && app->open != APP_NONE
				     ? APP_SEARCH_ARTICLE : APP_SEARCH_LIST;
	app->find_top = app->reader_data.top;
	app->find_from = app->prompt_target == APP_SEARCH_LIST ? list_pane_selected(&app->list_data)
							       : APP_NONE;
	prompt_clear(&app->prompt);
	if (app->prompt_target == APP_SEARCH_LIST && last)
		prompt_set(&app->prompt, last);
}

static void find_list_show(void *ctx, const size_t *rows, size_t n)
{
	app_list_show(ctx, rows, n);
}

/* The list as the filter sees it, now. */
static struct filter_list find_list(struct app *app)
{
	return (struct filter_list){
		.order = app->load.order,
		.rank = app->load.rank,
		.n = app->load.n,
		.index = &app->index.search,
		.show = find_list_show,
		.ctx = app,
	};
}

void app_filter_list(struct app *app, const char *label, const size_t *rows, size_t n)
{
	struct filter_list l = find_list(app);

	if (app->sv.win) { /* the store's list has its own filters: this one clears them */
		app_store_unfilter(app);
		return;
	}
	filter_set_rows(&app->filter, &l, label, rows, n);
}

/* The list on the store follows the prompt as filter_store_action says. */
static void find_store_list(struct app *app, const char *text)
{
	switch (filter_store_action(text, app->prompting, app->filter.text)) {
	case FILTER_STORE_KEEP: app_store_unstage(app, text); break;
	case FILTER_STORE_UNFILTER: app_store_unfilter(app); break;
	case FILTER_STORE_SEARCH: app_store_search(app, text, text); break;
	}
}

/* The query in the prompt changed: the store's index searches it, or a new pass does. */
static void find_filter_list(struct app *app, const char *text)
{
	struct filter_list l = find_list(app);

	if (app->sv.win) /* the store's full-text index, a page at a time */
		find_store_list(app, text);
	else
		filter_query(&app->filter, &l, text, app_now());
}

void app_filter_more(struct app *app, size_t from, size_t to)
{
	struct filter_list l = find_list(app);

	filter_more(&app->filter, &l, from, to, app_now());
}

bool app_filter_pending(const struct app *app) { return app->filter.pending.text != NULL; }

/* While loading, the filter builds the search entries it needs itself; once the loader is
 * done, the background index builds them, and the filter waits for its first phase. */
bool app_filter_runnable(const struct app *app)
{
	return app->filter.pending.text &&
	       (app->load.loader || (atomic_load(&app->index.ready) & CORPUS_INDEX_SEARCH));
}

void app_filter_step(struct app *app, long budget_us)
{
	struct filter_list l = find_list(app);
	bool accepted = !(app->prompting && app->prompt_target == APP_SEARCH_LIST);

	if (!app_filter_runnable(app))
		return;
	if (app->load.loader)
		corpus_index_grow(&app->index, app->load.n);
	filter_step(&app->filter, &l, budget_us, app->list.h > 0 ? (size_t)app->list.h : 1,
		    accepted);
}

void app_filter_settle(struct app *app)
{
	if (app->filter.pending.text == NULL)
		return;
	if (app->load.loader == NULL) /* the search phase is quick: wait for it rather than race it */
		corpus_index_wait(&app->index, CORPUS_INDEX_SEARCH);
	if (!app->filter.pending.ordered) { /* its matches so far are not final */
		app_filter_step(app, LONG_MAX);
		return;
	}
	while (!filter_settled(&app->filter))
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
	size_t was = app->hit;

	if (app->nhits == 0)
		return;
	app->hits[app->hit].current = false;
	app->hit = forward ? (app->hit + 1) % app->nhits : (app->hit + app->nhits - 1) % app->nhits;
	app->hits[app->hit].current = true;
	if (forward ? app->hit < was : app->hit > was) /* as vim says it: the view jumps */
		app_message(app, forward ? "past the last hit: the first again"
					 : "before the first hit: the last again");
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
		if (app->prompt_target == APP_SEARCH_ARTICLE) /* the view went to the hits typed */
			reader_pane_set_top(&app->reader, app->find_top);
		find_reselect(app);
	} else if (kind == UI_KEY_CHAR) {
		changed = prompt_insert(&app->prompt, (uint32_t)ch);
	}
	if (changed)
		find_apply(app);
}
