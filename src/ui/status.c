/* status.c - the status line: what is open and where, and the latest message. Text from
 * articles goes through the layout layer, so a stray RLO in a title cannot reverse it. */
#include "qari/ui.h"

#include <string.h>

void ui_status_draw(WINDOW *win, int w, const char *left, const char *right,
		    const struct layout_opts *o)
{
	struct layout_opts so = *o;
	int rw = (int)strlen(right); /* the right part is ASCII figures */

	so.dir = LAYOUT_DIR_LTR;
	wattrset(win, ui_attr(UI_ROLE_STATUS));
	mvwhline(win, 0, 0, ' ', w);
	if (rw + 2 > w)
		rw = 0;
	if (rw > 0)
		ui_draw_text(win, 0, w - rw - 1, rw, right, &so, ui_attr(UI_ROLE_STATUS), false);
	ui_draw_text(win, 0, 1, w - rw - 3, left, &so, ui_attr(UI_ROLE_STATUS), false);
	wattrset(win, A_NORMAL);
	wnoutrefresh(win);
}
