/* screen.c - starting and stopping curses, the colour theme, and the one place that copies
 * layout cells into a curses window. */
#include "ui_curses.h"

#include <term.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "qari/text.h"
#include "qari/xalloc.h"

static attr_t ui_role_attrs[UI_ROLE_COUNT];
static bool ui_started;
static SCREEN *ui_screen; /* started with newterm, deleted at stop */

#define UI_OVERRIDE_PAIRS 16 /* override pairs start here, after the theme's own */

static struct {
	bool set;
	int fg, bg;
	attr_t attrs;
} ui_overrides[UI_ROLE_COUNT];

_Static_assert(UI_KEY_DOWN == KEY_DOWN && UI_KEY_UP == KEY_UP && UI_KEY_LEFT == KEY_LEFT &&
		       UI_KEY_RIGHT == KEY_RIGHT && UI_KEY_HOME == KEY_HOME &&
		       UI_KEY_BACKSPACE == KEY_BACKSPACE && UI_KEY_F0 == KEY_F0 &&
		       UI_KEY_DC == KEY_DC && UI_KEY_IC == KEY_IC && UI_KEY_NPAGE == KEY_NPAGE &&
		       UI_KEY_PPAGE == KEY_PPAGE && UI_KEY_ENTER == KEY_ENTER &&
		       UI_KEY_BTAB == KEY_BTAB && UI_KEY_END == KEY_END &&
		       UI_KEY_MOUSE == KEY_MOUSE && UI_KEY_RESIZE == KEY_RESIZE,
	       "enum ui_key is curses's key codes");

void ui_theme_override(enum ui_role role, int fg, int bg, unsigned styles)
{
	attr_t a = 0;

	a |= styles & UI_STYLE_BOLD ? A_BOLD : 0;
	a |= styles & UI_STYLE_DIM ? A_DIM : 0;
	a |= styles & UI_STYLE_UNDERLINE ? A_UNDERLINE : 0;
	a |= styles & UI_STYLE_REVERSE ? A_REVERSE : 0;
	ui_overrides[role].set = true;
	ui_overrides[role].fg = fg;
	ui_overrides[role].bg = bg;
	ui_overrides[role].attrs = a;
}

/* The config file's roles win over the theme; colours only where the terminal has them. */
static void ui_theme_apply_overrides(bool colour)
{
	for (int r = 0; r < UI_ROLE_COUNT; r++) {
		short pair = (short)(UI_OVERRIDE_PAIRS + r);
		if (!ui_overrides[r].set)
			continue;
		ui_role_attrs[r] = ui_overrides[r].attrs;
		if (colour && ui_overrides[r].fg < COLORS && ui_overrides[r].bg < COLORS &&
		    init_pair(pair, (short)ui_overrides[r].fg, (short)ui_overrides[r].bg) == OK)
			ui_role_attrs[r] |= COLOR_PAIR(pair);
	}
}

/* Attributes alone: monochrome terminals and NO_COLOR. */
static void ui_theme_mono(void)
{
	ui_role_attrs[UI_ROLE_TEXT] = A_NORMAL;
	ui_role_attrs[UI_ROLE_TITLE] = A_BOLD;
	ui_role_attrs[UI_ROLE_META] = A_DIM;
	ui_role_attrs[UI_ROLE_SELECTED] = A_REVERSE;
	ui_role_attrs[UI_ROLE_SELECTED_DIM] = A_UNDERLINE;
	ui_role_attrs[UI_ROLE_STATUS] = A_REVERSE;
	ui_role_attrs[UI_ROLE_PLACEHOLDER] = A_REVERSE | A_DIM;
	ui_role_attrs[UI_ROLE_BORDER] = A_DIM;
	ui_role_attrs[UI_ROLE_HIGHLIGHT] = A_UNDERLINE | A_BOLD;
	ui_role_attrs[UI_ROLE_CURRENT_HIT] = A_REVERSE | A_BOLD;
	ui_role_attrs[UI_ROLE_UNREAD] = A_BOLD;
	ui_role_attrs[UI_ROLE_READ] = A_NORMAL;
	ui_role_attrs[UI_ROLE_HEADER] = A_BOLD | A_UNDERLINE;
}

/* Colours on the terminal's own background (-1), so the theme reads on dark and light
 * terminals alike; 256-colour terminals get softer tones. */
static void ui_theme_colour(void)
{
	bool rich = COLORS >= 256;
	use_default_colors();
	init_pair(1, rich ? 31 : COLOR_CYAN, -1);            /* titles */
	init_pair(2, COLOR_WHITE, rich ? 24 : COLOR_BLUE);    /* status */
	init_pair(3, COLOR_YELLOW, -1);                       /* placeholders */
	init_pair(4, rich ? 244 : COLOR_BLUE, -1);            /* borders, meta */
	init_pair(5, COLOR_BLACK, COLOR_YELLOW);              /* current hit */
	init_pair(6, rich ? 166 : COLOR_YELLOW, -1);          /* hits, mentions */
	init_pair(7, rich ? 243 : COLOR_BLUE, -1);            /* read articles */
	init_pair(8, rich ? 30 : COLOR_GREEN, -1);            /* headings */
	ui_role_attrs[UI_ROLE_TITLE] = A_BOLD | COLOR_PAIR(1);
	ui_role_attrs[UI_ROLE_STATUS] = COLOR_PAIR(2);
	ui_role_attrs[UI_ROLE_PLACEHOLDER] = A_REVERSE | COLOR_PAIR(3);
	ui_role_attrs[UI_ROLE_BORDER] = COLOR_PAIR(4);
	ui_role_attrs[UI_ROLE_META] = COLOR_PAIR(4);
	ui_role_attrs[UI_ROLE_CURRENT_HIT] = A_BOLD | COLOR_PAIR(5);
	ui_role_attrs[UI_ROLE_HIGHLIGHT] = A_BOLD | A_UNDERLINE | COLOR_PAIR(6);
	ui_role_attrs[UI_ROLE_READ] = COLOR_PAIR(7);
	ui_role_attrs[UI_ROLE_HEADER] = A_BOLD | COLOR_PAIR(8);
}

static void ui_fatal_hook(void) { ui_screen_stop(); }

bool ui_screen_start(bool no_color) { return ui_screen_start_on(NULL, NULL, NULL, no_color); }

static char ui_screen_why[256];

const char *ui_screen_error(void) { return ui_screen_why; }

/* A terminal qari can draw on moves the cursor anywhere: TERM=dumb (an editor's shell
 * buffer, a pipe) cannot, and curses would smear the panes into one stale line. */
static bool ui_screen_usable(const char *term, FILE *out)
{
	const char *name = term ? term : getenv("TERM");
	char *cup;
	int err = 0;

	if (name == NULL || *name == '\0') {
		snprintf(ui_screen_why, sizeof ui_screen_why, "TERM is not set");
		return false;
	}
	if (setupterm(name, fileno(out ? out : stdout), &err) != OK) {
		snprintf(ui_screen_why, sizeof ui_screen_why,
			 "the terminal type \"%.60s\" is unknown here (no terminfo entry)", name);
		return false;
	}
	cup = tigetstr("cup");
	del_curterm(cur_term);
	cur_term = NULL;
	if (cup == NULL || cup == (char *)-1) {
		snprintf(ui_screen_why, sizeof ui_screen_why,
			 "the terminal type \"%.60s\" cannot move the cursor; qari needs a full-screen "
			 "terminal (subcommands such as qari list work anywhere)", name);
		return false;
	}
	return true;
}

bool ui_screen_start_on(const char *term, FILE *out, FILE *in, bool no_color)
{
	ui_screen_why[0] = '\0';
	if (!ui_screen_usable(term, out))
		return false;
	set_escdelay(25); /* Esc answers at once */
	/* newterm, never initscr: initscr exits on failure, blaming the terminal type even
	 * when the cause is elsewhere (no file descriptor left to read terminfo) */
	SCREEN *screen = newterm(term, out ? out : stdout, in ? in : stdin);
	if (screen == NULL)
		goto fail;
	/* the process's own terminal lives to the end, as initscr's did: the panes' windows
	 * are deleted after ui_screen_stop */
	ui_screen = out ? screen : NULL;
	ui_started = true;
	fatal_set_hook(ui_fatal_hook);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	curs_set(0);
	ui_theme_mono();
	bool colour = !no_color && has_colors() && start_color() == OK && COLORS >= 8;
	if (colour)
		ui_theme_colour();
	ui_theme_apply_overrides(colour);
	return true;
fail:
	snprintf(ui_screen_why, sizeof ui_screen_why, "curses could not start the terminal");
	return false;
}

void ui_screen_suspend(void)
{
	def_prog_mode();
	endwin();
	fflush(stdout);
}

void ui_screen_resume(void)
{
	reset_prog_mode();
	clearok(curscr, TRUE);
	doupdate();
}

void ui_screen_stop(void)
{
	if (!ui_started)
		return;
	ui_started = false;
	endwin();
	if (ui_screen)
		delscreen(ui_screen);
	ui_screen = NULL;
}

attr_t ui_attr(enum ui_role role) { return ui_role_attrs[role]; }

int ui_screen_rows(void) { return LINES; }
int ui_screen_cols(void) { return COLS; }

/* full: the terminal is cleared and sent every cell (its contents are not what curses
 * thinks: a resize, ^L); otherwise doupdate sends only the cells that changed, also after
 * the panes were placed anew. */
void ui_frame_begin(bool full)
{
	if (full)
		clearok(curscr, TRUE);
	/* get_wch refreshes stdscr: keep it untouched, or its blanks would cover the panes */
	wnoutrefresh(stdscr);
}

void ui_frame_end(void) { doupdate(); }

struct ui_window *ui_window_new(int h, int w, int y, int x)
{
	return ui_window_of(newwin(h, w, y, x));
}

void ui_window_free(struct ui_window *win)
{
	if (win)
		delwin(ui_curses(win));
}

void ui_separator_draw(struct ui_window *win)
{
	WINDOW *w = ui_curses(win);
	cchar_t bar;

	/* a Unicode line, not ACS: no charset switching, the same bytes on every terminal */
	setcchar(&bar, L"│", ui_attr(UI_ROLE_BORDER) & ~A_COLOR,
		 (short)PAIR_NUMBER(ui_attr(UI_ROLE_BORDER)), NULL);
	mvwvline_set(w, 0, 0, &bar, getmaxy(w));
	wnoutrefresh(w);
}

void ui_pane_place(struct pane *p, int y, int x, int h, int w)
{
	if (h < 1 || w < 1)
		h = w = 0;
	if (p->win && p->y == y && p->x == x && p->h == h && p->w == w)
		return;
	ui_window_free(p->win);
	p->win = NULL;
	p->y = y, p->x = x, p->h = h, p->w = w;
	if (h > 0)
		p->win = ui_window_new(h, w, y, x);
	if (p->win && p->ops->resize)
		p->ops->resize(p);
	p->dirty = true;
}

void ui_pane_free(struct pane *p)
{
	ui_window_free(p->win);
	p->win = NULL;
}

bool ui_pane_shown(const struct pane *p) { return p->win != NULL; }

/* The highlight role of a cell: a range of its paragraph that it overlaps. */
static attr_t ui_cell_highlight(const struct layout_cell *c, const struct ui_range *r, size_t n,
				long para, attr_t attr)
{
	for (size_t i = 0; i < n; i++)
		if (r[i].para == para && c->lbeg < r[i].end && r[i].beg < c->lend)
			return ui_attr(r[i].current ? UI_ROLE_CURRENT_HIT : UI_ROLE_HIGHLIGHT);
	return attr;
}

void ui_draw_line(WINDOW *win, int y, int x, int maxw, const struct layout_line *l, attr_t attr,
		  const struct ui_range *ranges, size_t nranges, long para)
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
		else if (nranges)
			a = ui_cell_highlight(c, ranges, nranges, para, attr);
		if (setcchar(&cc, wc, a & ~A_COLOR, (short)PAIR_NUMBER(a), NULL) == OK)
			mvwadd_wch(win, y, col, &cc);
		col += c->width;
	}
}

/* The cell at column x of row y; its width in columns (1 when unknown), 0 on error. */
static int ui_read_cell(WINDOW *win, int y, int x, wchar_t wc[CCHARW_MAX + 1], attr_t *a,
			short *pair)
{
	cchar_t cc;
	int w;
	if (mvwin_wch(win, y, x, &cc) == ERR || getcchar(&cc, wc, a, pair, NULL) == ERR)
		return 0;
	w = wcwidth(wc[0]);
	return w > 0 ? w : 1;
}

void ui_add_attr(WINDOW *win, int y, int x, int ncols, attr_t attr)
{
	wchar_t wc[CCHARW_MAX + 1];
	attr_t a;
	short pair;
	for (int c = x, w; c < x + ncols; c += w) {
		cchar_t cc;
		if ((w = ui_read_cell(win, y, c, wc, &a, &pair)) == 0)
			return;
		if (setcchar(&cc, wc, a | attr, pair, NULL) == OK)
			mvwadd_wch(win, y, c, &cc);
	}
}

static int ui_putchar(int c) { return putchar(c); }

void ui_hyperlink(WINDOW *win, int y, int x, int ncols, const char *uri, unsigned id)
{
	int sy = getbegy(win) + y, sx = getbegx(win) + x;
	char *cup = tigetstr("cup");
	wchar_t wc[CCHARW_MAX + 1];
	attr_t a;
	short pair;

	if (cup == NULL || cup == (char *)-1)
		return;
	/* all of it through stdio, attributes through vid_puts so curses keeps track of them */
	vid_puts(A_NORMAL, 0, NULL, ui_putchar);
	fputs(tiparm(cup, sy, sx), stdout);
	printf("\033]8;id=qari%u;%s\033\\", id, uri);
	for (int c = x, w; c < x + ncols; c += w) {
		if ((w = ui_read_cell(win, y, c, wc, &a, &pair)) == 0)
			break;
		vid_puts(a, pair, NULL, ui_putchar);
		for (size_t k = 0; k < CCHARW_MAX && wc[k]; k++) {
			char u[4];
			fwrite(u, 1, text_encode((uint32_t)wc[k], u), stdout);
		}
	}
	vid_puts(A_NORMAL, 0, NULL, ui_putchar);
	fputs("\033]8;;\033\\", stdout);
	fflush(stdout);
	/* the cursor moved behind curses' back: tell it where it is (mvcur from "unknown") */
	mvcur(-1, -1, sy, sx);
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
	ui_draw_line(win, y, x, width, &l, attr, NULL, 0, 0);
	layout_line_free(&l);
}

void ui_draw_row(WINDOW *win, int y, int width, const char *text, const char *note,
		 const struct layout_opts *o, attr_t attr)
{
	ui_draw_list_row(win, y, width, text, NULL, 0, note, o, attr);
}

void ui_draw_list_row(WINDOW *win, int y, int width, const char *text, const char *source,
		      int source_w, const char *note, const struct layout_opts *o, attr_t attr)
{
	struct layout_line l = {0};
	struct layout_opts so = *o;
	int nw = note && *note ? (int)strlen(note) : 0; /* notes are ASCII figures and dates */
	int sw = source && *source ? source_w : 0;
	int tw;

	if (nw + 4 > width)
		nw = 0;
	if (sw + nw + 12 > width)
		sw = 0; /* the title matters more than where it comes from */
	tw = width - 2 - (nw ? nw + 1 : 0) - (sw ? sw + 1 : 0);
	if (tw < 1)
		return;
	so.dir = LAYOUT_DIR_AUTO;
	layout_single_line(text, strlen(text), o, tw, &l);
	if (l.rtl) {
		if (nw)
			mvwaddnstr(win, y, 1, note, nw);
		if (sw)
			ui_draw_text(win, y, 1 + (nw ? nw + 1 : 0), sw, source, &so, attr, false);
		ui_draw_line(win, y, width - 1 - l.width, l.width, &l, attr, NULL, 0, 0);
	} else {
		ui_draw_line(win, y, 1, tw, &l, attr, NULL, 0, 0);
		if (sw)
			ui_draw_text(win, y, width - 1 - (nw ? nw + 1 : 0) - sw, sw, source, &so, attr,
				     true);
		if (nw)
			mvwaddnstr(win, y, width - 1 - nw, note, nw);
	}
	layout_line_free(&l);
}
