/* ui_curses.h - ui/'s private side: curses itself and the drawing helpers the panes share.
 * Only src/ui/ includes it; app/ reaches the terminal through qari/ui.h alone. */
#ifndef QARI_UI_CURSES_H
#define QARI_UI_CURSES_H

#define NCURSES_WIDECHAR 1
#include <curses.h>

#include "qari/ui.h"

_Static_assert(sizeof(attr_t) <= sizeof(unsigned long), "list_drawn_row.attr holds an attr_t");

/* A struct ui_window is a curses WINDOW: the pointer is handed out as the opaque type. */
static inline WINDOW *ui_curses(struct ui_window *win) { return (WINDOW *)win; }
static inline struct ui_window *ui_window_of(WINDOW *win) { return (struct ui_window *)win; }
static inline WINDOW *pane_win(const struct pane *p) { return ui_curses(p->win); }

attr_t ui_attr(enum ui_role role);
/* Draw the cells of a visual line at (y, x), at most maxw columns. Cells inside one of the
 * ranges (all of paragraph para) get the highlight roles. */
void ui_draw_line(WINDOW *win, int y, int x, int maxw, const struct layout_line *l, attr_t attr,
		  const struct ui_range *ranges, size_t nranges, long para);
/* Draw a line of text cut to width (ellipsis on its logical end) through the layout layer. */
void ui_draw_text(WINDOW *win, int y, int x, int width, const char *text,
		  const struct layout_opts *o, attr_t attr, bool align_right_if_rtl);
/* Add attr (a link's underline) to the cells drawn in columns [x, x + ncols) of row y. */
void ui_add_attr(WINDOW *win, int y, int x, int ncols, attr_t attr);
/* Make the cells just drawn at columns [x, x + ncols) of row y an OSC 8 hyperlink to uri (a
 * payload of printable ASCII: text_uri_payload). Call after doupdate: curses knows nothing of
 * hyperlinks, so the cells are written again, the same glyphs and attributes, inside one. */
void ui_hyperlink(WINDOW *win, int y, int x, int ncols, const char *uri, unsigned id);
/* A row of text plus a short note (date, count): the note sits on the side the text does not
 * start from, so an RTL title is right-aligned with its note on the left. */
void ui_draw_row(WINDOW *win, int y, int width, const char *text, const char *note,
		 const struct layout_opts *o, attr_t attr);
/* The same with the row's source in a column of its own, source_w wide, beside the note
 * (dropped first when the row is narrow). */
void ui_draw_list_row(WINDOW *win, int y, int width, const char *text, const char *source,
		      int source_w, const char *note, const struct layout_opts *o, attr_t attr);

#endif
