/* input.c - keys and mouse events, read without waiting: the loop polls the terminal's fd
 * beside the loader's and the indexer's. */
#include "ui_curses.h"

void ui_key_nowait(void) { nodelay(stdscr, TRUE); }

enum ui_key_kind ui_key_read(wint_t *ch)
{
	switch (get_wch(ch)) {
	case OK: return UI_KEY_CHAR;
	case KEY_CODE_YES: return UI_KEY_FUNCTION;
	default: return UI_KEY_NONE;
	}
}

void ui_mouse_start(void)
{
	mousemask(BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED,
		  NULL);
	mouseinterval(200);
}

bool ui_mouse_read(struct ui_mouse *m)
{
	MEVENT ev;

	if (getmouse(&ev) != OK)
		return false;
	if (ev.bstate & BUTTON5_PRESSED)
		m->kind = UI_MOUSE_WHEEL_DOWN;
	else if (ev.bstate & BUTTON4_PRESSED)
		m->kind = UI_MOUSE_WHEEL_UP;
	else if (ev.bstate & BUTTON1_DOUBLE_CLICKED)
		m->kind = UI_MOUSE_DOUBLE_CLICK;
	else if (ev.bstate & BUTTON1_CLICKED)
		m->kind = UI_MOUSE_CLICK;
	else
		return false;
	m->y = ev.y, m->x = ev.x;
	return true;
}
