/* geometry.h - where the panes go, as a pure function of the terminal's size and the reader's
 * state (geometry_plan.c, tested at every size); geometry.c applies a plan to the windows. */
#ifndef QARI_APP_GEOMETRY_H
#define QARI_APP_GEOMETRY_H

#include <stdbool.h>

#define GEO_THREE_COLS 120
#define GEO_TWO_COLS 60
#define GEO_MIN_COLS 20 /* below this, or GEO_MIN_ROWS, no pane is usable: the status */
#define GEO_MIN_ROWS 3  /* line says so instead of showing a sliver of a list */

enum geo_pane { GEO_LIST, GEO_READER, GEO_SIDEBAR, GEO_HELP, GEO_LINKS, GEO_NPANES };

struct geo_rect {
	int y, x, h, w; /* h == w == 0: hidden */
};

struct geo_state {
	int rows, cols;      /* the terminal */
	bool article;        /* an article is open */
	bool zoom, sidebar_on, help_open, links_open;
	enum geo_pane focus; /* GEO_LIST, GEO_READER or GEO_SIDEBAR */
};

struct geo_plan {
	struct geo_rect pane[GEO_NPANES];
	int sep_x[2], nsep;   /* separators: one column wide, the body's height */
	int body;             /* rows above the status line */
	struct geo_rect status;
	int columns;          /* panes side by side */
	bool too_small;
	enum geo_pane focus;  /* the list when nothing is open */
};

void geo_plan(const struct geo_state *s, struct geo_plan *out);

#endif
