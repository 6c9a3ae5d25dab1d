/* status.c - the status line and the search prompt. Text from articles goes through the
 * layout layer as its own paragraph, so a stray RLO in a title cannot reverse the line. */
#include "qari/ui.h"

#include <string.h>

void ui_status_draw(WINDOW *win, int w, const char *left, const char *right,
		    const struct layout_opts *o)
{
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

void ui_prompt_draw(WINDOW *win, int w, const char *label, const char *text,
		    const struct layout_opts *o)
{
	int lw = (int)strlen(label);
	struct layout_opts so = *o;

	so.dir = LAYOUT_DIR_AUTO;
	werase(win);
	wattrset(win, A_BOLD);
	mvwaddnstr(win, 0, 0, label, w);
	wattrset(win, A_NORMAL);
	if (w - lw - 1 > 0) {
		struct layout_line l = {0};
		layout_single_line(text, strlen(text), &so, w - lw - 1, &l);
		ui_draw_line(win, 0, lw, w - lw - 1, &l, A_NORMAL, NULL, 0, 0);
		/* a cursor block after the text, where the next character shows */
		mvwaddch(win, 0, lw + l.width, ' ' | A_REVERSE);
		layout_line_free(&l);
	}
	wnoutrefresh(win);
}
