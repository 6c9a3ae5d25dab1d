/* find.c - search in the reader: `/` in the list filters it as you type, `/` in the reading
 * pane finds in the article, n and N step through the hits. Matching is the search module's
 * (Arabic-insensitive to hamza forms, harakat and tatweel). */
#include <stdlib.h>
#include <string.h>

#include "qari/app.h"
#include "qari/xalloc.h"

void app_search_free(struct app *app)
{
	xfree(&app->filter);
	xfree(&app->filter_rows);
	xfree(&app->hits);
	app->nfilter = app->nhits = app->hit = 0;
	app->reader_data.ranges = NULL;
	app->reader_data.nranges = 0;
}

/* Esc: the article's hits first, then the list's filter. */
void app_search_clear(struct app *app)
{
	if (app->nhits) {
		xfree(&app->hits);
		app->nhits = app->hit = 0;
		app->reader_data.ranges = NULL;
		app->reader_data.nranges = 0;
		app->reader_data.full_redraw = true;
		app->reader.dirty = true;
		return;
	}
	if (app->filter && app->focus == &app->list) {
		xfree(&app->filter);
		xfree(&app->filter_rows);
		app->nfilter = 0;
		list_pane_set_rows(&app->list, NULL, 0);
	}
}

void app_search_start(struct app *app)
{
	app->prompting = true;
	app->prompt_target = app->focus == &app->reader && app->open != APP_NONE
				     ? APP_SEARCH_ARTICLE : APP_SEARCH_LIST;
	prompt_clear(&app->prompt);
	if (app->prompt_target == APP_SEARCH_LIST && app->filter)
		prompt_insert(&app->prompt, 0), snprintf(app->prompt.buf, sizeof app->prompt.buf, "%s",
							 app->filter),
			app->prompt.len = strlen(app->prompt.buf);
}

/* Plain substring matching until the search module lands. */
static bool find_match(const struct article *a, const char *q)
{
	if (strstr(a->title, q))
		return true;
	for (size_t i = 0; i < a->npara; i++)
		if (strstr(a->paras[i], q))
			return true;
	return false;
}

static void find_filter_list(struct app *app, const char *q)
{
	xfree(&app->filter_rows);
	xfree(&app->filter);
	app->nfilter = 0;
	if (*q == '\0') {
		list_pane_set_rows(&app->list, NULL, 0);
		return;
	}
	app->filter = xstrdup(q);
	app->filter_rows = xcalloc(app->corpus.n + 1, sizeof *app->filter_rows);
	for (size_t i = 0; i < app->corpus.n; i++)
		if (find_match(app->corpus.items[i], q))
			app->filter_rows[app->nfilter++] = i;
	list_pane_set_rows(&app->list, app->filter_rows, app->nfilter);
}

static void find_add_hits(struct app *app, long para, const char *text, const char *q, size_t *cap)
{
	size_t qn = strlen(q);
	for (const char *p = strstr(text, q); p && qn; p = strstr(p + qn, q)) {
		xgrow(&app->hits, cap, app->nhits + 1, sizeof *app->hits);
		app->hits[app->nhits++] = (struct ui_range){para, (uint32_t)(p - text),
							    (uint32_t)(p - text + qn), false};
	}
}

static void find_in_article(struct app *app, const char *q)
{
	const struct article *a = app->corpus.items[app->open];
	size_t cap = 0;

	xfree(&app->hits);
	app->nhits = app->hit = 0;
	if (*q) {
		find_add_hits(app, VIEW_PARA_TITLE, a->title, q, &cap);
		for (size_t i = 0; i < a->npara; i++)
			find_add_hits(app, (long)i, a->paras[i], q, &cap);
	}
	app->reader_data.ranges = app->hits;
	app->reader_data.nranges = app->nhits;
	if (app->nhits) {
		app->hits[0].current = true;
		reader_pane_show(&app->reader, app->hits[0].para, app->hits[0].beg);
	}
	app->reader_data.full_redraw = true;
	app->reader.dirty = true;
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
