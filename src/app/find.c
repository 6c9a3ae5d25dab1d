/* find.c - search in the reader: `/` in the list filters it as you type, over titles and
 * bodies; `/` in the reading pane finds in the article; n and N step through the hits. The
 * matching is the search module's: insensitive to hamza forms, harakat, tatweel and case. */
#include <stdlib.h>
#include <string.h>

#include "qari/app.h"
#include "qari/xalloc.h"

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

void app_search_free(struct app *app)
{
	xfree(&app->filter);
	xfree(&app->filter_rows);
	app->nfilter = 0;
	find_set_ranges(app, NULL, 0);
}

/* Esc: the article's hits first, then the list's filter. */
void app_search_clear(struct app *app)
{
	if (app->nhits) {
		find_set_ranges(app, NULL, 0);
		return;
	}
	if (app->filter && app->focus == &app->list)
		app_filter_list(app, NULL, NULL, 0);
}

void app_search_start(struct app *app)
{
	app->prompting = true;
	app->prompt_target = app->focus == &app->reader && app->open != APP_NONE
				     ? APP_SEARCH_ARTICLE : APP_SEARCH_LIST;
	prompt_clear(&app->prompt);
	if (app->prompt_target == APP_SEARCH_LIST && app->filter) {
		snprintf(app->prompt.buf, sizeof app->prompt.buf, "%s", app->filter);
		app->prompt.len = strlen(app->prompt.buf);
	}
}

/* Filter the list to rows (corpus positions, put in list order), labelled for the status
 * line; NULL: show all. The pane gets the new rows before the old ones are freed: it reads
 * them to keep the selection. */
void app_filter_list(struct app *app, const char *label, const size_t *rows, size_t n)
{
	size_t *old_rows = app->filter_rows;
	char *old_label = app->filter;

	app->filter = label ? xstrdup(label) : NULL;
	app->filter_rows = label ? xcalloc(n + 1, sizeof *app->filter_rows) : NULL;
	app->nfilter = label ? n : 0;
	app->filter_query = false;
	if (label && n) {
		memcpy(app->filter_rows, rows, n * sizeof *rows);
		app_sort_rows(app, app->filter_rows, n);
	}
	if (label)
		list_pane_set_rows(&app->list, app->filter_rows, app->nfilter);
	else
		list_pane_set_rows(&app->list, app->order, app->norder);
	free(old_rows);
	free(old_label);
}

/* The list's filter rows as search positions, when q can only match among them: its matching
 * form holds the filter's (the query grew as it was typed). NULL otherwise. */
static uint32_t *find_within(struct app *app, const struct search_query *q, size_t *n)
{
	struct search_query old;
	uint32_t *within = NULL;

	if (!app->filter || !app->filter_query || !search_query_init(&old, app->filter, false))
		return NULL;
	if (strstr(q->norm, old.norm)) {
		within = xcalloc(app->nfilter + 1, sizeof *within);
		for (size_t i = 0; i < app->nfilter; i++)
			within[i] = (uint32_t)app->filter_rows[i];
		*n = app->nfilter;
	}
	search_query_free(&old);
	return within;
}

static void find_filter_list(struct app *app, const char *text)
{
	struct search_query q;
	uint32_t *found, *within;
	size_t *rows, n, nwithin = 0;

	if (!search_query_init(&q, text, false)) {
		app_filter_list(app, NULL, NULL, 0);
		return;
	}
	if (app->loader) /* no index yet: entries built here, for the articles in the list */
		corpus_index_grow(&app->index, app->norder);
	else /* the search index is built first, in a moment: wait for it rather than race it */
		corpus_index_wait(&app->index, CORPUS_INDEX_SEARCH);
	within = find_within(app, &q, &nwithin);
	found = xcalloc(app->corpus.n + 1, sizeof *found);
	n = search_filter(&app->index.search, &q, within, nwithin, found);
	rows = xcalloc(n + 1, sizeof *rows);
	for (size_t i = 0; i < n; i++)
		rows[i] = found[i];
	app_filter_list(app, text, rows, n);
	app->filter_query = true;
	free(rows);
	free(found);
	free(within);
	search_query_free(&q);
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
void app_show_ranges(struct app *app, struct ui_range *v, size_t n)
{
	find_set_ranges(app, v, n);
	if (n) {
		v[0].current = true;
		reader_pane_show(&app->reader, v[0].para, v[0].beg);
	}
}

static void find_in_article(struct app *app, const char *text)
{
	struct ui_range *v;
	size_t n = app_find_ranges(app, text, &v);
	app_show_ranges(app, v, n);
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

void app_search_key(struct app *app, int kind, wint_t ch)
{
	bool changed = false;

	if (kind == KEY_CODE_YES) {
		if (ch == KEY_BACKSPACE)
			changed = prompt_backspace(&app->prompt);
		else if (ch == KEY_ENTER)
			app->prompting = false;
	} else if (ch == 27) { /* Esc: give up, as if nothing was typed */
		app->prompting = false;
		prompt_clear(&app->prompt);
		find_apply(app);
	} else if (ch == '\r' || ch == '\n') {
		app->prompting = false;
		if (app->prompt_target == APP_SEARCH_ARTICLE && app->nhits == 0 && app->prompt.len)
			app_message(app, "not found: %s", app->prompt.buf);
	} else if (ch == 127 || ch == 8) {
		changed = prompt_backspace(&app->prompt);
	} else {
		changed = prompt_insert(&app->prompt, ch);
	}
	if (changed)
		find_apply(app);
}
