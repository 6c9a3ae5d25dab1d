/* geometry.c - where the panes go: list | reader | sidebar at 120 columns and more, two
 * panes from 60, one at a time below that; under 20x3 only a status line that says the
 * terminal is too small (any size down to 1x1 works).
 * Zoomed (z), the reading pane has the screen while it has focus: only full-width rows let
 * the terminal scroll the text, so over a slow link one line scrolled costs one line sent. */
#include "qari/app.h"

#define GEO_THREE_COLS 120
#define GEO_TWO_COLS 60
#define GEO_MIN_COLS 20 /* below this, or GEO_MIN_ROWS, no pane is usable: the status */
#define GEO_MIN_ROWS 3  /* line says so instead of showing a sliver of a list */

static int geo_clamp(int v, int lo, int hi) { return v < lo ? lo : v > hi ? hi : v; }

static void geo_hide(struct pane *p) { ui_pane_place(p, 0, 0, 0, 0); }

static void geo_separator(struct app *app, int i, int x, int h)
{
	if (h > 0)
		app->sep[i] = ui_window_new(h, 1, 0, x);
}

/* One column: the focused pane gets the screen. */
static void geo_one(struct app *app, int body, int w)
{
	struct pane *panes[] = {&app->list, &app->reader, &app->sidebar};
	for (size_t i = 0; i < 3; i++)
		if (panes[i] == app->focus)
			ui_pane_place(panes[i], 0, 0, body, w);
		else
			geo_hide(panes[i]);
	app->columns = 1;
}

static void geo_two(struct app *app, int body, int w)
{
	struct pane *left = app->focus == &app->sidebar ? &app->sidebar : &app->list;
	int lw = geo_clamp(w / 3, 24, 50);
	ui_pane_place(left, 0, 0, body, lw);
	geo_hide(left == &app->list ? &app->sidebar : &app->list);
	geo_separator(app, 0, lw, body);
	ui_pane_place(&app->reader, 0, lw + 1, body, w - lw - 1);
	app->columns = 2;
}

static void geo_three(struct app *app, int body, int w)
{
	int lw = geo_clamp(w / 4, 24, 40), sw = geo_clamp(w / 5, 22, 34);
	ui_pane_place(&app->list, 0, 0, body, lw);
	geo_separator(app, 0, lw, body);
	ui_pane_place(&app->reader, 0, lw + 1, body, w - lw - sw - 2);
	geo_separator(app, 1, w - sw - 1, body);
	ui_pane_place(&app->sidebar, 0, w - sw, body, sw);
	app->columns = 3;
}

void app_chrome_free(struct app *app)
{
	for (int i = 0; i < 2; i++)
		if (app->sep[i])
			ui_window_free(app->sep[i]), app->sep[i] = NULL;
	if (app->status)
		ui_window_free(app->status), app->status = NULL;
}

void app_layout(struct app *app)
{
	int h = ui_screen_rows(), w = ui_screen_cols(), body = h > 1 ? h - 1 : 0;
	bool article = app->open != APP_NONE;

	app_chrome_free(app);
	if (!article && app->focus != &app->list)
		app->focus = &app->list;
	app->too_small = w < GEO_MIN_COLS || h < GEO_MIN_ROWS;
	geo_hide(&app->links);
	if (app->too_small) {
		struct pane *panes[] = {&app->list, &app->reader, &app->sidebar, &app->help};
		for (size_t i = 0; i < 4; i++)
			geo_hide(panes[i]);
	} else if (app->links_open || app->help_open) {
		struct pane *panes[] = {&app->list, &app->reader, &app->sidebar};
		for (size_t i = 0; i < 3; i++)
			geo_hide(panes[i]);
		ui_pane_place(app->links_open ? &app->links : &app->help, 0, 0, body, w);
		if (app->links_open)
			geo_hide(&app->help);
	} else {
		geo_hide(&app->help);
		if (article && app->zoom && app->focus == &app->reader)
			geo_one(app, body, w);
		else if (article && w >= GEO_THREE_COLS && app->sidebar_on)
			geo_three(app, body, w);
		else if (article && w >= GEO_TWO_COLS)
			geo_two(app, body, w);
		else
			geo_one(app, body, w);
	}
	if (h > 0 && w > 0)
		app->status = ui_window_new(1, w, h - 1, 0);
	app->list.dirty = app->reader.dirty = app->sidebar.dirty = app->help.dirty = true;
	app->reader_data.full_redraw = true;
	app->relayout = false;
	app_sidebar_refit(app);
}

void app_draw_separators(struct app *app)
{
	for (int i = 0; i < 2; i++)
		if (app->sep[i])
			ui_separator_draw(app->sep[i]);
}
