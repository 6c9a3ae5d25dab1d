/* test_geometry.c - where the panes go, at every terminal size from 0x0 to 320x70 and in every
 * state (an article open or not, zoom, sidebar, help, links, each focus): the panes and the
 * separators tile the body without overlapping, the status line is the last row, the focused
 * pane is on screen, and the thresholds (three columns from 120, two from 60, nothing below
 * 20x3) hold. */
#include "check.h"

#include "../../src/app/geometry.h"

#define GT_MAX_COLS 320
#define GT_MAX_ROWS 70

static int gt_failures;

static void gt_fail(const struct geo_state *s, const char *why)
{
	if (gt_failures++ < 10)
		fprintf(stderr, "  %dx%d article=%d zoom=%d sidebar=%d help=%d links=%d focus=%d: %s\n",
			s->cols, s->rows, s->article, s->zoom, s->sidebar_on, s->help_open,
			s->links_open, s->focus, why);
}

static bool gt_shown(const struct geo_rect *r) { return r->h > 0 && r->w > 0; }

/* Panes and separators, left to right, must fill columns [0, cols) exactly, pane and
 * separator alternating, each pane the body's height. */
static void gt_tiling(const struct geo_state *s, const struct geo_plan *p)
{
	int x = 0, seps = 0, shown = 0;

	for (;;) {
		int found = -1;
		for (int i = 0; i < GEO_NPANES; i++)
			if (gt_shown(&p->pane[i]) && p->pane[i].x == x)
				found = i;
		if (found < 0)
			break;
		if (p->pane[found].y != 0 || p->pane[found].h != p->body)
			gt_fail(s, "a pane is not the body's height");
		x += p->pane[found].w;
		shown++;
		if (seps < p->nsep && p->sep_x[seps] == x)
			x++, seps++;
		else
			break;
	}
	for (int i = 0; i < GEO_NPANES; i++)
		shown -= gt_shown(&p->pane[i]);
	if (shown != 0 || seps != p->nsep)
		gt_fail(s, "panes overlap, or a separator is not between two panes");
	if (!p->too_small && x != s->cols)
		gt_fail(s, "the panes do not fill the width");
	if (p->columns != (p->too_small ? 0 : p->nsep + 1))
		gt_fail(s, "columns is not the panes side by side");
}

static void gt_rules(const struct geo_state *s, const struct geo_plan *p)
{
	bool small = s->cols < GEO_MIN_COLS || s->rows < GEO_MIN_ROWS;
	bool overlay = s->help_open || s->links_open;
	bool zoomed = s->article && s->zoom && s->focus == GEO_READER;
	bool three = !small && !overlay && !zoomed && s->article && s->sidebar_on &&
		     s->cols >= GEO_THREE_COLS;
	bool two = !small && !overlay && !zoomed && !three && s->article && s->cols >= GEO_TWO_COLS;

	if (p->too_small != small)
		gt_fail(s, "too_small");
	if (s->rows > 0 && s->cols > 0 ?
		    !(p->status.y == s->rows - 1 && p->status.x == 0 && p->status.h == 1 &&
		      p->status.w == s->cols) :
		    gt_shown(&p->status))
		gt_fail(s, "the status line is not the last row");
	if (!s->article && p->focus != GEO_LIST)
		gt_fail(s, "nothing open, yet the focus is not the list");
	if (small)
		return;
	if (overlay) {
		enum geo_pane want = s->links_open ? GEO_LINKS : GEO_HELP;
		if (p->pane[want].w != s->cols || p->columns != 1)
			gt_fail(s, "help or links do not have the screen");
		return;
	}
	if (!gt_shown(&p->pane[p->focus]))
		gt_fail(s, "the focused pane is not on screen");
	if (p->columns != (three ? 3 : two ? 2 : 1))
		gt_fail(s, "the wrong number of columns");
	if (p->columns > 1 && (!gt_shown(&p->pane[GEO_READER]) || p->pane[GEO_READER].w * 2 < s->cols))
		gt_fail(s, "side by side, the reading pane has less than half the width");
	if (p->columns > 1 && p->pane[GEO_LIST].w > 0 && p->pane[GEO_LIST].w < 24)
		gt_fail(s, "the list is too narrow for titles");
	if (gt_shown(&p->pane[GEO_HELP]) || gt_shown(&p->pane[GEO_LINKS]))
		gt_fail(s, "help or links shown unasked");
}

int main(void)
{
	long plans = 0;

	for (int rows = 0; rows <= GT_MAX_ROWS; rows++)
		for (int cols = 0; cols <= GT_MAX_COLS; cols++)
			for (int flags = 0; flags < 32; flags++)
				for (int focus = GEO_LIST; focus <= GEO_SIDEBAR; focus++) {
					struct geo_state s = {
						.rows = rows, .cols = cols, .article = flags & 1,
						.zoom = flags & 2, .sidebar_on = flags & 4,
						.help_open = flags & 8, .links_open = flags & 16,
						.focus = (enum geo_pane)focus};
					struct geo_plan p;
					geo_plan(&s, &p);
					gt_tiling(&s, &p);
					gt_rules(&s, &p);
					plans++;
				}
	CHECK(plans == (long)(GT_MAX_ROWS + 1) * (GT_MAX_COLS + 1) * 32 * 3);
	CHECK_INT(gt_failures, 0);
	return check_done();
}
