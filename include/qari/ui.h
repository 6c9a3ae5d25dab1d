/* ui.h - the terminal: the screen, its windows, keys and mouse, the panes and what they draw.
 * ui/ is the ONLY curses code, and this header names none of it (app/ is built unable to
 * include curses): a window is an opaque struct ui_window, keys are ui_key codes.
 *
 * Files:
 *   screen.c        start and stop curses, the colour theme, windows, frames, copying layout
 *                   lines to windows (private helpers in src/ui/ui_curses.h)
 *   input.c         keys and mouse events
 *   list_pane.c     the article list: title and date per row, RTL titles right-aligned
 *   reader_pane.c   the reading pane: an article_view scrolled by lines, highlights
 *   sidebar_pane.c  entities and related stories: sections of selectable rows
 *   help_pane.c     the help screen, rows handed over by the key map
 *   status.c        the status line and the search prompt
 *
 * A pane is a table of functions plus private data (tmux's window_mode). Panes never decide
 * what a key means: the key map turns keys into operations (enum ui_op), panes carry them out
 * and report what changed (enum ui_result); the loop redraws once per pass. */
#ifndef QARI_UI_H
#define QARI_UI_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <wchar.h>

#include "qari/article_view.h"
#include "qari/corpus.h"
#include "qari/layout.h"

struct layout_cache;

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
	UI_OP_SEARCH,         /* / : filter the list, or find in the article */
	UI_OP_NEXT_HIT,       /* n */
	UI_OP_PREV_HIT,       /* N */
	UI_OP_CLEAR,          /* Esc: drop the filter or the search */
	UI_OP_ENTITIES,       /* e : the sidebar's entities */
	UI_OP_RELATED,        /* r : the sidebar's related stories */
	UI_OP_NEXT_RELATED,   /* ] */
	UI_OP_PREV_RELATED,   /* [ */
	UI_OP_HISTORY_BACK,   /* Backspace, Ctrl-O */
	UI_OP_HISTORY_FORWARD,
	UI_OP_TOGGLE_SIDEBAR, /* s */
	UI_OP_TOGGLE_READ,    /* m */
	UI_OP_BOOKMARK,       /* * */
	UI_OP_OPEN_URL,       /* o */
	UI_OP_COPY_URL,       /* y */
	UI_OP_ZOOM,           /* z : the reading pane alone, full width */
	UI_OP_VIEW,           /* v : all, unread, bookmarked */
	UI_OP_SORT,           /* S : newest, oldest, by source, by title */
	UI_OP_MARK_ALL_READ,  /* A : every article shown */
	UI_OP_UNDO_MARK,      /* U : take the last A back */
	UI_OP_SOURCE,         /* f : this article's source alone */
	UI_OP_LINKS,          /* u : the article's links, numbered */
	UI_OP_FETCH,          /* R : fetch the subscriptions in the background */
	UI_OP_FULL_TEXT,      /* F : fetch the article's page, show its main text */
	UI_OP_TAG,            /* T : the store's articles of the next tag of the subscriptions */
	UI_OP_COUNT
};

/* What a pane's operation did: the loop turns these into redraws and actions. */
enum ui_result {
	UI_UNHANDLED = 0,
	UI_HANDLED = 1 << 0, /* the pane changed: repaint it */
	UI_OPEN = 1 << 1,    /* act on the selected row (open the article, follow the entity) */
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
	UI_ROLE_HIGHLIGHT,    /* search hits, entity mentions */
	UI_ROLE_CURRENT_HIT,
	UI_ROLE_UNREAD,
	UI_ROLE_READ,
	UI_ROLE_HEADER,       /* section headings */
	UI_ROLE_COUNT
};

/* A curses window, opaque outside ui/. */
struct ui_window;

/* Function keys as ui_key_read gives them (curses's codes; screen.c checks they match). */
enum ui_key {
	UI_KEY_DOWN = 0402,
	UI_KEY_UP = 0403,
	UI_KEY_LEFT = 0404,
	UI_KEY_RIGHT = 0405,
	UI_KEY_HOME = 0406,
	UI_KEY_BACKSPACE = 0407,
	UI_KEY_F0 = 0410, /* F1..F63 follow: UI_KEY_F(n) */
	UI_KEY_DC = 0512,
	UI_KEY_IC = 0513,
	UI_KEY_NPAGE = 0522,
	UI_KEY_PPAGE = 0523,
	UI_KEY_ENTER = 0527,
	UI_KEY_BTAB = 0541,
	UI_KEY_END = 0550,
	UI_KEY_MOUSE = 0631, /* a mouse event waits: ui_mouse_read */
	UI_KEY_RESIZE = 0632,
};
#define UI_KEY_F(n) (UI_KEY_F0 + (n))

enum ui_key_kind {
	UI_KEY_NONE,     /* nothing waiting */
	UI_KEY_CHAR,     /* a character */
	UI_KEY_FUNCTION, /* an enum ui_key */
};

enum ui_mouse_kind {
	UI_MOUSE_NONE,
	UI_MOUSE_CLICK,
	UI_MOUSE_DOUBLE_CLICK,
	UI_MOUSE_WHEEL_UP,
	UI_MOUSE_WHEEL_DOWN,
};
struct ui_mouse {
	enum ui_mouse_kind kind;
	int y, x; /* screen cell */
};

/* Attributes a colour role may add (the config file's bold, dim, …). */
enum ui_style {
	UI_STYLE_BOLD = 1 << 0,
	UI_STYLE_DIM = 1 << 1,
	UI_STYLE_UNDERLINE = 1 << 2,
	UI_STYLE_REVERSE = 1 << 3,
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
	struct ui_window *win;
	int y, x, h, w;
	bool dirty; /* needs repainting this pass */
	void *data;
};

/* A highlighted logical range of one paragraph (VIEW_PARA_TITLE for the title). */
struct ui_range {
	long para;
	uint32_t beg, end;
	bool current; /* the hit n/N is on */
};

/* screen.c */
/* A colour or attribute override from the config file, applied when the screen starts:
 * fg, bg 0-255 or -1 (the terminal's default); styles: enum ui_style flags. */
void ui_theme_override(enum ui_role role, int fg, int bg, unsigned styles);
/* On the terminal (term NULL: initscr on stdin/stdout), or on another one: newterm(term, out,
 * in), a pty for qari bench. */
bool ui_screen_start(bool no_color);
bool ui_screen_start_on(const char *term, FILE *out, FILE *in, bool no_color);
/* Why the screen could not start (after ui_screen_start_on returned false). */
const char *ui_screen_error(void);
void ui_screen_stop(void);
/* Give the terminal to another program (a terminal browser), and take it back: the screen
 * is drawn again as it was. */
void ui_screen_suspend(void);
void ui_screen_resume(void);
int ui_screen_rows(void);
int ui_screen_cols(void);
/* A frame: begin (full: repaint every cell, after a resize), the panes draw, end sends the
 * changes to the terminal in one write. */
void ui_frame_begin(bool full);
void ui_frame_end(void);
/* A window of its own (the status line, a separator); NULL when curses cannot make it. */
struct ui_window *ui_window_new(int h, int w, int y, int x);
void ui_window_free(struct ui_window *win);
/* A vertical bar down the whole window, in the border role. */
void ui_separator_draw(struct ui_window *win);
void ui_pane_place(struct pane *p, int y, int x, int h, int w);
void ui_pane_free(struct pane *p);
bool ui_pane_shown(const struct pane *p);

/* input.c */
/* Reading keys never waits (the loop polls the terminal's fd). */
void ui_key_nowait(void);
/* The next key waiting, in *ch: a character or an enum ui_key. */
enum ui_key_kind ui_key_read(wint_t *ch);
/* Report clicks, double clicks and the wheel as UI_KEY_MOUSE. */
void ui_mouse_start(void);
/* The event behind a UI_KEY_MOUSE; false when there is none of the kinds above. */
bool ui_mouse_read(struct ui_mouse *m);

/* list_pane.c */
/* What a row of the list showed when last drawn: a frame lays out only rows that changed
 * (htop's way), so moving the selection costs two rows, not a page of titles. */
#define LIST_DRAWN_ROWS 256 /* rows remembered; rows below them are drawn every frame */
struct list_drawn_row {
	size_t article; /* corpus index, (size_t)-1: blank */
	unsigned long attr; /* curses attributes */
	bool bookmarked, valid;
};
struct list_drawn {
	const struct ui_window *win; /* what it was drawn in: a new window starts blank */
	int w;
	long day;    /* dates say "14:05" only today */
	struct list_drawn_row row[LIST_DRAWN_ROWS];
};

/* A row as a row source gives it (the store's list: app/store_window.c). */
struct list_row {
	const char *title;
	const char *source;  /* NULL: none */
	const char *date;    /* as the article gives it, NULL: none */
	int64_t date_key;
	bool rtl, read, bookmarked;
	size_t key;          /* the same while the row shows the same article */
};
/* Rows drawn from elsewhere than the corpus: the list is then count() rows, row i read
 * when it is drawn (false: none), and a row's index is its position in the list. */
struct list_source {
	size_t (*count)(void *ctx);
	bool (*row)(void *ctx, size_t i, struct list_row *out);
	void *ctx;
};

struct list_pane {
	const struct corpus *corpus;
	const struct list_source *src; /* non-NULL: rows come from it, not corpus and rows */
	struct layout_opts opts;
	const size_t *rows; /* the filtered articles (indices into corpus), or NULL for all */
	size_t nrows;
	size_t sel, top;    /* positions in rows */
	const char *empty;  /* what an empty list says, NULL: "(no articles match)" */
	bool (*is_read)(void *ctx, const struct article *a);
	bool (*is_bookmarked)(void *ctx, const struct article *a);
	const char *(*source_name)(void *ctx, const struct article *a); /* or NULL */
	void *ctx;
	struct list_drawn drawn;
};
extern const struct pane_ops list_pane_ops;
size_t list_pane_count(const struct list_pane *l);
/* The selected article's index in the corpus (with a source: the selected row), or
 * (size_t)-1 when the list is empty. */
size_t list_pane_selected(const struct list_pane *l);
/* Select the corpus article idx if it is in the rows (with a source: row idx). */
bool list_pane_select(struct pane *p, size_t idx);
void list_pane_set_rows(struct pane *p, const size_t *rows, size_t nrows);
/* With a source: rows joined above row at, the view and selection stay on their articles
 * when they are below it. */
void list_pane_shift(struct pane *p, size_t at, size_t n);

/* reader_pane.c */
struct reader_pane {
	const struct article *article; /* NULL: nothing open */
	struct layout_opts opts;
	bool dir_set;
	enum layout_dir dir;
	struct article_view view;            /* a copy of *held: read only */
	const struct article_view *held;     /* the laid-out view kept in layouts, or NULL */
	struct layout_cache *layouts;        /* the app's laid-out articles (layout_cache.h) */
	size_t top;  /* first visible line */
	int measure; /* widest text column, in cells */
	const struct ui_range *ranges; /* highlights, sorted by paragraph then offset */
	size_t nranges;
	size_t drawn_top; /* top when last drawn, for scrolling by the terminal */
	bool full_redraw;
	bool hyperlinks;              /* URLs as OSC 8 links, underlined */
	int painted_from, painted_to; /* rows drawn since links were last sent */
	const char *(*source_name)(void *ctx, const struct article *a); /* or NULL */
	void *ctx;
};
extern const struct pane_ops reader_pane_ops;
void reader_pane_open(struct pane *p, const struct article *a, size_t top);
void reader_pane_close(struct pane *p);
/* Article a laid out into the views kept at the pane's width, as opening it would, so that
 * opening it next finds it (work between keys). */
void reader_pane_prime(struct pane *p, const struct article *a);
void reader_pane_set_top(struct pane *p, size_t top);
/* After doupdate: the links of the rows drawn since the last call, as OSC 8 hyperlinks
 * (nothing when the pane is covered, e.g. by the help screen, or hyperlinks are off). */
void reader_pane_send_links(struct pane *p, bool covered);
/* Position figures for the status line. */
void reader_pane_position(const struct pane *p, size_t *line, size_t *lines, int *percent);
/* Scroll so the range is visible (a third from the top). */
void reader_pane_show(struct pane *p, long para, uint32_t off);

/* sidebar_pane.c */
struct sidebar_row {
	char *text;  /* owned */
	char *note;  /* owned: count, score */
	bool header; /* a section heading, not selectable */
	bool detail; /* a line about the row above (why a story is related), not selectable */
	bool cont;   /* the row above's text goes on here: selected with it */
	int kind;    /* the caller's: what ref means */
	size_t ref;
};
struct sidebar_pane {
	struct layout_opts opts;
	bool rtl; /* rows with no strong character (a year) line up as right to left ones */
	struct sidebar_row *rows;
	size_t nrows, cap;
	size_t sel, top;
};
extern const struct pane_ops sidebar_pane_ops;
void sidebar_pane_clear(struct sidebar_pane *s);
void sidebar_pane_add(struct sidebar_pane *s, const char *text, const char *note, bool header,
		      int kind, size_t ref);
/* A detail line under the last row, drawn dim and never selected. */
void sidebar_pane_add_detail(struct sidebar_pane *s, const char *text);
/* The last row's text goes on in this row (a title wrapped): highlighted with it. */
void sidebar_pane_add_cont(struct sidebar_pane *s, const char *text);
/* Select the row of kind and ref, when there is one (the selection kept across a refill). */
bool sidebar_pane_select_ref(struct pane *p, int kind, size_t ref);
const struct sidebar_row *sidebar_pane_selected(const struct sidebar_pane *s);
/* Select the first row of kind (after headings); false when there is none. */
bool sidebar_pane_select_kind(struct pane *p, int kind);

/* help_pane.c */
struct help_row {
	const char *keys, *name, *help;
};
/* links_pane.c: the link picker */
struct links_pane {
	char **rows; /* the links, each once */
	size_t n, cap, sel, top;
};
extern const struct pane_ops links_pane_ops;
void links_pane_clear(struct links_pane *lp);
void links_pane_add(struct links_pane *lp, const char *url, size_t len);
const char *links_pane_selected(const struct links_pane *lp); /* NULL when empty */

struct help_pane {
	const struct help_row *rows;
	size_t nrows, top;
};
extern const struct pane_ops help_pane_ops;

/* status.c */
void ui_status_draw(struct ui_window *win, int w, const char *left, const char *right,
		    const struct layout_opts *o);
/* The search prompt: label, then the query as typed (RTL queries shown right to left), the
 * cursor on the character at byte offset cur (after the last one when cur is the end). */
void ui_prompt_draw(struct ui_window *win, int w, const char *label, const char *text, size_t cur,
		    const struct layout_opts *o);
/* The app's own short text (the filter's busy mark) at column x of the status line. */
void ui_status_mark(struct ui_window *win, int x, const char *text);

#endif
