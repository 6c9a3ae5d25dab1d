/* help_pane.c - the help screen. Its rows come from the live key map (app/keymap.c), so what
 * it says is what the keys do. */
#include "ui_curses.h"

#define HELP_KEYS_COLS 24

static struct help_pane *help_data(const struct pane *p) { return p->data; }

static void help_pane_draw(struct pane *p, bool focused)
{
	struct help_pane *h = help_data(p);
	struct layout_opts o = {.dir = LAYOUT_DIR_LTR, .reorder = true, .shape = true};
	int keys_w = p->w > 60 ? HELP_KEYS_COLS : p->w / 3;

	(void)focused;
	werase(pane_win(p));
	if (p->h > 0)
		ui_draw_text(pane_win(p), 0, 1, p->w - 2, "qari keys — q or ? closes this help", &o,
			     ui_attr(UI_ROLE_HEADER), false);
	for (int row = 1; row < p->h && h->top + (size_t)row - 1 < h->nrows; row++) {
		const struct help_row *r = &h->rows[h->top + (size_t)row - 1];
		ui_draw_text(pane_win(p), row, 1, keys_w - 1, r->keys, &o, ui_attr(UI_ROLE_TITLE), false);
		ui_draw_text(pane_win(p), row, keys_w + 1, p->w - keys_w - 2, r->help, &o,
			     ui_attr(UI_ROLE_TEXT), false);
	}
	wnoutrefresh(pane_win(p));
}

/* The last top that still fills the pane: no blank rows below while rows sit above. */
static size_t help_pane_max_top(const struct pane *p)
{
	const struct help_pane *h = help_data(p);
	size_t rows = p->h > 1 ? (size_t)p->h - 1 : 1;

	return h->nrows > rows ? h->nrows - rows : 0;
}

static void help_pane_resize(struct pane *p)
{
	struct help_pane *h = help_data(p);

	if (h->top > help_pane_max_top(p))
		h->top = help_pane_max_top(p);
}

static enum ui_result help_pane_op(struct pane *p, enum ui_op op)
{
	struct help_pane *h = help_data(p);
	size_t rows = p->h > 1 ? (size_t)p->h - 1 : 1;
	size_t step = op == UI_OP_HALF_DOWN || op == UI_OP_HALF_UP ? (rows + 1) / 2 : rows;

	switch (op) {
	case UI_OP_DOWN: case UI_OP_PAGE_DOWN: case UI_OP_HALF_DOWN: case UI_OP_BOTTOM:
		h->top = op == UI_OP_DOWN ? h->top + 1 : op == UI_OP_BOTTOM ? help_pane_max_top(p)
										  : h->top + step;
		break;
	case UI_OP_UP: case UI_OP_PAGE_UP: case UI_OP_HALF_UP: case UI_OP_TOP:
		h->top = op == UI_OP_UP ? (h->top ? h->top - 1 : 0)
			 : op == UI_OP_TOP || h->top < step ? 0 : h->top - step;
		break;
	case UI_OP_BACK: case UI_OP_HELP: case UI_OP_CLEAR: return UI_BACK;
	default: return UI_UNHANDLED;
	}
	help_pane_resize(p);
	return UI_HANDLED;
}

const struct pane_ops help_pane_ops = {
	.name = "help",
	.resize = help_pane_resize,
	.draw = help_pane_draw,
	.op = help_pane_op,
};
