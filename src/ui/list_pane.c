/* list_pane.c - the article list: one title per row, newest first, RTL titles right-aligned.
 * Moving the selection repaints the pane; it never re-lays out an article. */
#include "qari/ui.h"

static struct list_pane *list_data(const struct pane *p) { return p->data; }

/* Keep the selection on screen. */
static void list_pane_scroll(struct pane *p)
{
	struct list_pane *l = list_data(p);
	size_t rows = p->h > 0 ? (size_t)p->h : 1;
	if (l->sel < l->top)
		l->top = l->sel;
	else if (l->sel >= l->top + rows)
		l->top = l->sel - rows + 1;
}

static void list_pane_resize(struct pane *p) { list_pane_scroll(p); }

static void list_pane_draw(struct pane *p, bool focused)
{
	struct list_pane *l = list_data(p);

	werase(p->win);
	for (int row = 0; row < p->h; row++) {
		size_t i = l->top + (size_t)row;
		const struct article *a;
		struct layout_opts o = l->opts;
		attr_t attr = ui_attr(UI_ROLE_TEXT);
		if (i >= l->corpus->n)
			break;
		a = l->corpus->items[i];
		o.dir = a->dir == TEXT_DIR_RTL ? LAYOUT_DIR_RTL : LAYOUT_DIR_LTR;
		if (i == l->sel) {
			attr = ui_attr(focused ? UI_ROLE_SELECTED : UI_ROLE_SELECTED_DIM);
			wattrset(p->win, attr);
			mvwhline(p->win, row, 0, ' ', p->w);
			wattrset(p->win, A_NORMAL);
		}
		ui_draw_text(p->win, row, 1, p->w - 2, a->title, &o, attr, true);
	}
	wnoutrefresh(p->win);
}

static enum ui_result list_pane_op(struct pane *p, enum ui_op op)
{
	struct list_pane *l = list_data(p);
	size_t n = l->corpus->n, page = p->h > 1 ? (size_t)p->h - 1 : 1, old = l->sel;

	if (n == 0)
		return UI_UNHANDLED;
	switch (op) {
	case UI_OP_DOWN: l->sel += l->sel + 1 < n; break;
	case UI_OP_UP: l->sel -= l->sel > 0; break;
	case UI_OP_PAGE_DOWN: l->sel = l->sel + page < n ? l->sel + page : n - 1; break;
	case UI_OP_PAGE_UP: l->sel = l->sel > page ? l->sel - page : 0; break;
	case UI_OP_HALF_DOWN: l->sel = l->sel + page / 2 < n ? l->sel + page / 2 : n - 1; break;
	case UI_OP_HALF_UP: l->sel = l->sel > page / 2 ? l->sel - page / 2 : 0; break;
	case UI_OP_TOP: l->sel = 0; break;
	case UI_OP_BOTTOM: l->sel = n - 1; break;
	case UI_OP_OPEN: return UI_OPEN;
	case UI_OP_BACK: return UI_BACK;
	default: return UI_UNHANDLED;
	}
	list_pane_scroll(p);
	return l->sel != old ? UI_HANDLED : UI_HANDLED;
}

const struct pane_ops list_pane_ops = {
	.name = "list",
	.resize = list_pane_resize,
	.draw = list_pane_draw,
	.op = list_pane_op,
};
