/* status.c - the status line and the search prompt. Text from articles goes through the
 * layout layer as its own paragraph, so a stray RLO in a title cannot reverse the line. */
#include "ui_curses.h"

#include <string.h>

void ui_status_draw(struct ui_window *uw, int w, const char *left, const char *right,
		    const struct layout_opts *o)
{
	WINDOW *win = ui_curses(uw);
	struct layout_opts so = *o;
	int rw = (int)strlen(right); /* the right part is ASCII figures */

	so.dir = LAYOUT_DIR_AUTO;
	wattrset(win, ui_attr(UI_ROLE_STATUS));
	mvwhline(win, 0, 0, ' ', w);
	if (rw + 12 > w)
		rw = 0; /* too narrow: the message matters more than the figures */
	if (rw > 0)
		mvwaddnstr(win, 0, w - rw - 1, right, rw);
	ui_draw_text(win, 0, 1, w - (rw ? rw + 3 : 2), left, &so, ui_attr(UI_ROLE_STATUS), false);
	wattrset(win, A_NORMAL);
	wnoutrefresh(win);
}

/* The column of the cursor at logical byte offset cur: on the cell that starts there, or,
 * at the end, beside the logically last cell on the side its direction writes to (left of
 * an Arabic letter, right of a Latin one); x when nothing is typed. */
static int ui_prompt_cursor(const struct layout_line *l, int x, size_t cur)
{
	int col = x, last_col = x;
	const struct layout_cell *last = NULL;

	for (size_t i = 0; i < l->ncells; i++) {
		if (l->cells[i].lbeg <= cur && cur < l->cells[i].lend)
			return col;
		if (last == NULL || l->cells[i].lend > last->lend)
			last = &l->cells[i], last_col = col;
		col += l->cells[i].width;
	}
	if (last == NULL)
		return x;
	return (last->flags & LAYOUT_CELL_RTL) ? last_col - 1 : last_col + last->width;
}

void ui_prompt_draw(struct ui_window *uw, int w, const char *label, const char *text, size_t cur,
		    const struct layout_opts *o)
{
	WINDOW *win = ui_curses(uw);
	int lw = (int)strlen(label);
	struct layout_opts so = *o;

	so.dir = LAYOUT_DIR_AUTO;
	werase(win);
	wattrset(win, A_BOLD);
	mvwaddnstr(win, 0, 0, label, w);
	wattrset(win, A_NORMAL);
	if (w - lw - 2 > 0) {
		struct layout_line l = {0};
		int x, col;
		layout_single_line(text, strlen(text), &so, w - lw - 2, &l);
		/* right-to-left text grows leftwards: keep a column free on its left */
		x = lw + (l.rtl ? 1 : 0);
		ui_draw_line(win, 0, x, w - lw - 2, &l, A_NORMAL, NULL, 0, 0);
		col = ui_prompt_cursor(&l, x, cur);
		/* a block on the insertion point: a blank after the text, or the cell it is on
		 * inside mixed-direction text */
		if (col >= x && col < x + l.width)
			ui_add_attr(win, 0, col, 1, A_REVERSE);
		else if (col >= 0 && col < w)
			mvwaddch(win, 0, col, ' ' | A_REVERSE);
		layout_line_free(&l);
	}
	wnoutrefresh(win);
}

void ui_status_mark(struct ui_window *win, int x, const char *text)
{
	mvwaddstr(ui_curses(win), 0, x, text);
	wnoutrefresh(ui_curses(win));
}
