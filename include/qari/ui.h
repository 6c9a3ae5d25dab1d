/* ui.h - the curses side: the screen, the panes and what they draw. The ONLY curses code.
 *
 * Files:
 *   screen.c       start and stop curses, colours, drawing a layout line into a window
 *   list_pane.c    the article list: one title per row, RTL titles right-aligned
 *   reader_pane.c  the reading pane: an article_view scrolled by lines
 *   status.c       the status line: pane, position, messages
 *
 * A pane is a table of functions plus private data (tmux's window_mode). Panes never decide
 * what a key means: the key map turns keys into operations (enum ui_op), panes carry them out
 * and report what changed; the loop redraws once per pass. */
#ifndef QARI_UI_H
#define QARI_UI_H

#define NCURSES_WIDECHAR 1
#include <curses.h>
#include <stdbool.h>

#include "qari/article_view.h"
#include "qari/corpus.h"
#include "qari/layout.h"

enum ui_op {
	UI_OP_NONE,
	UI_OP_DOWN,
	UI_OP_UP,
	UI_OP_PAGE_DOWN,
	UI_OP_PAGE_UP,
	UI_OP_HALF_DOWN,
	UI_OP_HALF_UP,
	UI_OP_TOP,
	UI_OP_BOTTOM,
	UI_OP_OPEN,
	UI_OP_BACK,
	UI_OP_QUIT,
	UI_OP_NEXT_PANE,
	UI_OP_HELP,
	UI_OP_REDRAW,
	UI_OP_COUNT
};

/* What a pane's operation did: the loop turns these into redraws and actions. */
enum ui_result {
	UI_UNHANDLED = 0,
	UI_HANDLED = 1 << 0, /* the pane changed: repaint it */
	UI_OPEN = 1 << 1,    /* open the selected article */
	UI_BACK = 1 << 2,    /* leave this pane */
};

/* Colour roles; the theme maps them to pairs and attributes by what TERM supports. */
enum ui_role {
	UI_ROLE_TEXT,
	UI_ROLE_TITLE,
	UI_ROLE_META,
	UI_ROLE_SELECTED,
	UI_ROLE_SELECTED_DIM, /* selection in an unfocused pane */
	UI_ROLE_STATUS,
	UI_ROLE_PLACEHOLDER,
	UI_ROLE_BORDER,
	UI_ROLE_COUNT
};

struct pane;
struct pane_ops {
	const char *name;
	void (*resize)(struct pane *p); /* geometry changed: re-wrap (recalc) */
	void (*draw)(struct pane *p, bool focused);
	enum ui_result (*op)(struct pane *p, enum ui_op op);
};

struct pane {
	const struct pane_ops *ops;
	WINDOW *win;
	int y, x, h, w;
	bool visible;
	bool dirty; /* needs repainting this pass */
	void *data;
};

/* screen.c */
bool ui_screen_start(bool no_color);
void ui_screen_stop(void);
attr_t ui_attr(enum ui_role role);
void ui_pane_place(struct pane *p, int y, int x, int h, int w);
void ui_pane_free(struct pane *p);
/* Draw the cells of a visual line at (y, x), at most maxw columns; attr for every cell. */
void ui_draw_line(WINDOW *win, int y, int x, int maxw, const struct layout_line *l, attr_t attr);
/* Draw a line of text cut to width (ellipsis on its logical end) through the layout layer. */
void ui_draw_text(WINDOW *win, int y, int x, int width, const char *text,
		  const struct layout_opts *o, attr_t attr, bool align_right_if_rtl);

/* list_pane.c */
struct list_pane {
	const struct corpus *corpus;
	struct layout_opts opts;
	size_t sel, top;
};
extern const struct pane_ops list_pane_ops;

/* reader_pane.c */
struct reader_pane {
	const struct article *article; /* NULL: nothing open */
	struct layout_opts opts;
	bool dir_set;
	enum layout_dir dir;
	struct article_view view;
	size_t top;  /* first visible line */
	int measure; /* widest text column, in cells */
};
extern const struct pane_ops reader_pane_ops;
void reader_pane_open(struct pane *p, const struct article *a);
/* Position figures for the status line. */
void reader_pane_position(const struct pane *p, size_t *line, size_t *lines, int *percent);

/* status.c */
void ui_status_draw(WINDOW *win, int w, const char *left, const char *right,
		    const struct layout_opts *o);

#endif
