/* geometry_plan.c - where the panes go: list | reader | sidebar at 120 columns and more, two
 * panes from 60, one at a time below that; under 20x3 only a status line that says the
 * terminal is too small (any size down to 1x1 works).
 * Zoomed (z), the reading pane has the screen while it has focus: only full-width rows let
 * the terminal scroll the text, so over a slow link one line scrolled costs one line sent. */
#include "geometry.h"

#include <string.h>

static int geo_clamp(int v, int lo, int hi) { return v < lo ? lo : v > hi ? hi : v; }

static void geo_place(struct geo_plan *p, enum geo_pane which, int x, int w)
{
	p->pane[which] = (struct geo_rect){.y = 0, .x = x, .h = p->body, .w = w};
}

static void geo_separator(struct geo_plan *p, int x) { p->sep_x[p->nsep++] = x; }

/* One column: the focused pane gets the screen. */
static void geo_one(struct geo_plan *p, int w)
{
	geo_place(p, p->focus, 0, w);
	p->columns = 1;
}

static void geo_two(struct geo_plan *p, int w)
{
	int lw = geo_clamp(w / 3, 24, 50);
	geo_place(p, p->focus == GEO_SIDEBAR ? GEO_SIDEBAR : GEO_LIST, 0, lw);
	geo_separator(p, lw);
	geo_place(p, GEO_READER, lw + 1, w - lw - 1);
	p->columns = 2;
}

static void geo_three(struct geo_plan *p, int w)
{
	int lw = geo_clamp(w / 4, 24, 40), sw = geo_clamp(w / 5, 22, 34);
	geo_place(p, GEO_LIST, 0, lw);
	geo_separator(p, lw);
	geo_place(p, GEO_READER, lw + 1, w - lw - sw - 2);
	geo_separator(p, w - sw - 1);
	geo_place(p, GEO_SIDEBAR, w - sw, sw);
	p->columns = 3;
}

void geo_plan(const struct geo_state *s, struct geo_plan *p)
{
	int h = s->rows > 0 ? s->rows : 0, w = s->cols > 0 ? s->cols : 0;

	memset(p, 0, sizeof *p);
	p->body = h > 1 ? h - 1 : 0;
	p->focus = s->article ? s->focus : GEO_LIST;
	p->too_small = w < GEO_MIN_COLS || h < GEO_MIN_ROWS;
	if (h > 0 && w > 0)
		p->status = (struct geo_rect){.y = h - 1, .x = 0, .h = 1, .w = w};
	if (p->too_small || p->body == 0)
		return;
	if (s->links_open || s->help_open) {
		geo_place(p, s->links_open ? GEO_LINKS : GEO_HELP, 0, w);
		p->columns = 1;
	} else if (s->article && s->zoom && p->focus == GEO_READER) {
		geo_one(p, w);
	} else if (s->article && w >= GEO_THREE_COLS && s->sidebar_on) {
		geo_three(p, w);
	} else if (s->article && w >= GEO_TWO_COLS) {
		geo_two(p, w);
	} else {
		geo_one(p, w);
	}
}
