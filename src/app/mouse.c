/* mouse.c - the mouse, for those who turn it on (mouse = on in the config; off by default,
 * so a terminal's own selection keeps working): a click focuses the pane under it and selects
 * the row there (list, sidebar), a double click opens it, the wheel scrolls what is under it. */
#include "app.h"

#define MOUSE_WHEEL_LINES 3

void app_mouse_start(struct app *app)
{
	if (app->config.mouse != 1)
		return;
	ui_mouse_start();
}

static bool mouse_in(const struct pane *p, int y, int x)
{
	return p->win && y >= p->y && y < p->y + p->h && x >= p->x && x < p->x + p->w;
}

/* The corpus position on the list's row y (screen), or APP_NONE. */
static size_t mouse_list_article(const struct app *app, int y)
{
	const struct list_pane *l = &app->list_data;
	size_t row = l->top + (size_t)(y - app->list.y);
	if (row >= list_pane_count(l))
		return APP_NONE;
	return l->rows && !l->src ? l->rows[row] : row;
}

static void mouse_wheel(struct app *app, struct pane *p, bool down)
{
	struct pane *was = app->focus;
	app->focus = p;
	for (int i = 0; i < MOUSE_WHEEL_LINES; i++)
		app_key_op(app, down ? UI_OP_DOWN : UI_OP_UP);
	if (app->focus == p) /* the wheel scrolls; it does not move the focus */
		app->focus = was;
}

static void mouse_click(struct app *app, struct pane *p, int y, bool twice)
{
	if (p == &app->list) {
		size_t idx = mouse_list_article(app, y);
		if (idx == APP_NONE)
			return;
		app_focus(app, p);
		list_pane_select(p, idx);
		app_list_chosen(app);
	} else if (p == &app->sidebar) {
		struct sidebar_pane *s = &app->sidebar_data;
		size_t row = s->top + (size_t)(y - p->y);
		app_focus(app, p);
		if (row >= s->nrows || s->rows[row].header)
			return;
		s->sel = row;
		p->dirty = true;
		app_sidebar_moved(app);
	} else {
		app_focus(app, p);
	}
	if (twice)
		app_key_op(app, UI_OP_OPEN);
}

void app_mouse_event(struct app *app)
{
	struct pane *panes[] = {&app->list, &app->reader, &app->sidebar};
	struct ui_mouse ev;

	if (!ui_mouse_read(&ev) || app->help_open || app->too_small || app->prompting)
		return;
	for (size_t i = 0; i < 3; i++) {
		struct pane *p = panes[i];
		if (!mouse_in(p, ev.y, ev.x))
			continue;
		if (ev.kind == UI_MOUSE_WHEEL_UP || ev.kind == UI_MOUSE_WHEEL_DOWN)
			mouse_wheel(app, p, ev.kind == UI_MOUSE_WHEEL_DOWN);
		else
			mouse_click(app, p, ev.y, ev.kind == UI_MOUSE_DOUBLE_CLICK);
		return;
	}
}
