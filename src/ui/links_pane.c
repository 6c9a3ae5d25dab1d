/* links_pane.c - the link picker (u): every link of the article, numbered, one a row, the
 * selected one highlighted. Links are shown as the text gives them, left to right, through
 * the layout layer (which neutralises anything a terminal would act on). */
#include "ui_curses.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qari/xalloc.h"

#define LINKS_NUMBER_COLS 5

static struct links_pane *links_data(const struct pane *p) { return p->data; }

void links_pane_clear(struct links_pane *lp)
{
	for (size_t i = 0; i < lp->n; i++)
		free(lp->rows[i]);
	free(lp->rows);
	memset(lp, 0, sizeof *lp);
}

void links_pane_add(struct links_pane *lp, const char *url, size_t len)
{
	for (size_t i = 0; i < lp->n; i++)
		if (strlen(lp->rows[i]) == len && memcmp(lp->rows[i], url, len) == 0)
			return; /* each link once */
	xgrow(&lp->rows, &lp->cap, lp->n + 1, sizeof *lp->rows);
	lp->rows[lp->n++] = xstrndup(url, len);
}

const char *links_pane_selected(const struct links_pane *lp)
{
	return lp->sel < lp->n ? lp->rows[lp->sel] : NULL;
}

static void links_pane_scroll(struct pane *p)
{
	struct links_pane *lp = links_data(p);
	size_t rows = p->h > 1 ? (size_t)p->h - 1 : 1;
	if (lp->sel < lp->top)
		lp->top = lp->sel;
	else if (lp->sel >= lp->top + rows)
		lp->top = lp->sel - rows + 1;
}

static void links_pane_draw(struct pane *p, bool focused)
{
	struct links_pane *lp = links_data(p);
	struct layout_opts o = {.dir = LAYOUT_DIR_LTR, .reorder = true, .shape = true};
	char num[24];

	(void)focused;
	werase(pane_win(p));
	if (p->h > 0)
		ui_draw_text(pane_win(p), 0, 1, p->w - 2,
			     "links — Enter or o opens, y copies, q closes", &o,
			     ui_attr(UI_ROLE_HEADER), false);
	for (int row = 1; row < p->h && lp->top + (size_t)row - 1 < lp->n; row++) {
		size_t i = lp->top + (size_t)row - 1;
		attr_t attr = ui_attr(i == lp->sel ? UI_ROLE_SELECTED : UI_ROLE_TEXT);
		wattrset(pane_win(p), attr);
		mvwhline(pane_win(p), row, 0, ' ', p->w);
		snprintf(num, sizeof num, "%4zu", i + 1);
		mvwaddnstr(pane_win(p), row, 0, num, p->w);
		ui_draw_text(pane_win(p), row, LINKS_NUMBER_COLS + 1, p->w - LINKS_NUMBER_COLS - 2,
			     lp->rows[i], &o, attr, false);
		wattrset(pane_win(p), A_NORMAL);
	}
	wnoutrefresh(pane_win(p));
}

static enum ui_result links_pane_op(struct pane *p, enum ui_op op)
{
	struct links_pane *lp = links_data(p);
	size_t page = p->h > 2 ? (size_t)p->h - 2 : 1;

	switch (op) {
	case UI_OP_DOWN: lp->sel += lp->sel + 1 < lp->n; break;
	case UI_OP_UP: lp->sel -= lp->sel > 0; break;
	case UI_OP_PAGE_DOWN: case UI_OP_HALF_DOWN:
		lp->sel = lp->sel + page < lp->n ? lp->sel + page : lp->n - 1;
		break;
	case UI_OP_PAGE_UP: case UI_OP_HALF_UP: lp->sel = lp->sel > page ? lp->sel - page : 0; break;
	case UI_OP_TOP: lp->sel = 0; break;
	case UI_OP_BOTTOM: lp->sel = lp->n ? lp->n - 1 : 0; break;
	case UI_OP_BACK: case UI_OP_CLEAR: case UI_OP_LINKS: return UI_BACK;
	default: return UI_UNHANDLED;
	}
	links_pane_scroll(p);
	return UI_HANDLED;
}

const struct pane_ops links_pane_ops = {
	.name = "links",
	.resize = links_pane_scroll,
	.draw = links_pane_draw,
	.op = links_pane_op,
};
