/* geometry.c - a plan of where the panes go (geometry_plan.c) applied to the panes' windows,
 * the separators and the status line. */
#include "app.h"

#include "geometry.h"

static enum geo_pane geo_of(const struct app *app, const struct pane *p)
{
	return p == &app->reader ? GEO_READER : p == &app->sidebar ? GEO_SIDEBAR : GEO_LIST;
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
	struct pane *panes[GEO_NPANES] = {[GEO_LIST] = &app->list, [GEO_READER] = &app->reader,
					  [GEO_SIDEBAR] = &app->sidebar, [GEO_HELP] = &app->help,
					  [GEO_LINKS] = &app->links};
	struct geo_state s = {.rows = ui_screen_rows(), .cols = ui_screen_cols(),
			      .article = app->open != APP_NONE, .zoom = app->zoom,
			      .sidebar_on = app->sidebar_on, .help_open = app->help_open,
			      .links_open = app->links_open, .focus = geo_of(app, app->focus)};
	struct geo_plan plan;

	geo_plan(&s, &plan);
	app_chrome_free(app);
	app->focus = panes[plan.focus];
	app->too_small = plan.too_small;
	app->columns = plan.columns;
	for (int i = 0; i < GEO_NPANES; i++) {
		const struct geo_rect *r = &plan.pane[i];
		ui_pane_place(panes[i], r->y, r->x, r->h, r->w);
	}
	for (int i = 0; i < plan.nsep; i++)
		app->sep[i] = ui_window_new(plan.body, 1, 0, plan.sep_x[i]);
	if (plan.status.h > 0)
		app->status = ui_window_new(1, plan.status.w, plan.status.y, plan.status.x);
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
