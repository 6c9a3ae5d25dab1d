/* screen.c - starting and stopping curses, colour roles, and the one place that copies
 * layout cells into a curses window. */
#include "qari/ui.h"

#include <stdlib.h>
#include <string.h>

#include "qari/xalloc.h"

static attr_t ui_role_attrs[UI_ROLE_COUNT];
static bool ui_started;

/* Colours only where TERM has them and NO_COLOR is not set; otherwise attributes only. */
static void ui_theme_init(bool no_color)
{
	bool colour = !no_color && has_colors() && start_color() == OK;
	ui_role_attrs[UI_ROLE_TEXT] = A_NORMAL;
	ui_role_attrs[UI_ROLE_TITLE] = A_BOLD;
	ui_role_attrs[UI_ROLE_META] = A_DIM;
	ui_role_attrs[UI_ROLE_SELECTED] = A_REVERSE;
	ui_role_attrs[UI_ROLE_SELECTED_DIM] = A_UNDERLINE;
	ui_role_attrs[UI_ROLE_STATUS] = A_REVERSE;
	ui_role_attrs[UI_ROLE_PLACEHOLDER] = A_REVERSE | A_DIM;
	ui_role_attrs[UI_ROLE_BORDER] = A_DIM;
	if (!colour)
		return;
	use_default_colors();
	/* default backgrounds: readable on dark and light terminals alike */
	init_pair(1, COLOR_CYAN, -1);
	init_pair(2, COLOR_WHITE, COLOR_BLUE);
	init_pair(3, COLOR_YELLOW, -1);
	init_pair(4, COLOR_BLUE, -1);
	ui_role_attrs[UI_ROLE_TITLE] = A_BOLD | COLOR_PAIR(1);
	ui_role_attrs[UI_ROLE_STATUS] = COLOR_PAIR(2);
	ui_role_attrs[UI_ROLE_PLACEHOLDER] = A_REVERSE | COLOR_PAIR(3);
	ui_role_attrs[UI_ROLE_BORDER] = COLOR_PAIR(4);
}

static void ui_fatal_hook(void) { ui_screen_stop(); }

bool ui_screen_start(bool no_color)
{
	set_escdelay(25); /* Esc answers at once */
	if (initscr() == NULL)
		return false;
	ui_started = true;
	fatal_set_hook(ui_fatal_hook);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	curs_set(0);
	ui_theme_init(no_color);
	return true;
}

void ui_screen_stop(void)
{
	if (!ui_started)
		return;
	ui_started = false;
	endwin();
}

attr_t ui_attr(enum ui_role role) { return ui_role_attrs[role]; }

void ui_pane_place(struct pane *p, int y, int x, int h, int w)
{
	if (p->win && p->y == y && p->x == x && p->h == h && p->w == w)
		return;
	if (p->win)
		delwin(p->win);
	p->win = NULL;
	p->y = y, p->x = x, p->h = h, p->w = w;
	if (h > 0 && w > 0)
		p->win = newwin(h, w, y, x);
	if (p->ops->resize)
		p->ops->resize(p);
	p->dirty = true;
}

void ui_pane_free(struct pane *p)
{
	if (p->win)
		delwin(p->win);
	p->win = NULL;
}

void ui_draw_line(WINDOW *win, int y, int x, int maxw, const struct layout_line *l, attr_t attr)
{
	int col = x;
	for (size_t i = 0; i < l->ncells; i++) {
		const struct layout_cell *c = &l->cells[i];
		wchar_t wc[LAYOUT_CELL_CPS + 1];
		cchar_t cc;
		attr_t a = attr;
		if (col + c->width > x + maxw)
			break;
		for (size_t k = 0; k < c->ncp; k++)
			wc[k] = (wchar_t)c->cp[k];
		wc[c->ncp] = L'\0';
		if (c->flags & LAYOUT_CELL_PLACEHOLDER)
			a = ui_attr(UI_ROLE_PLACEHOLDER);
		if (setcchar(&cc, wc, a, (short)PAIR_NUMBER(a), NULL) == OK)
			mvwadd_wch(win, y, col, &cc);
		col += c->width;
	}
}

void ui_draw_text(WINDOW *win, int y, int x, int width, const char *text,
		  const struct layout_opts *o, attr_t attr, bool align_right_if_rtl)
{
	struct layout_line l = {0};

	if (width < 1)
		return;
	layout_single_line(text, strlen(text), o, width, &l);
	if (align_right_if_rtl && l.rtl && l.width < width)
		x += width - l.width;
	ui_draw_line(win, y, x, width, &l, attr);
	layout_line_free(&l);
}
