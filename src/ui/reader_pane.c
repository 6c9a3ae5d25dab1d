/* reader_pane.c - the reading pane: the open article's visual lines, scrolled by lines.
 *
 * The lines come from the laid-out articles kept (layout_cache.h): opening an article read
 * lately, or going back to a width it had, lays nothing out. Scrolling only repaints. When the pane spans the
 * whole width, a scroll of a few lines lets the terminal move the text (wscrl with idlok:
 * about one line of bytes per scrolled line over SSH) and draws only the lines uncovered. */
#include "ui_curses.h"

#include <stdint.h>
#include <string.h>

#include "qari/layout_cache.h"
#include "qari/text.h"
#include "qari/xalloc.h"

#define READER_MARGIN 1

static struct reader_pane *reader_data(const struct pane *p) { return p->data; }

static int reader_text_width(const struct pane *p)
{
	const struct reader_pane *r = reader_data(p);
	int w = p->w - 2 * READER_MARGIN;
	if (r->measure > 0 && w > r->measure)
		w = r->measure;
	return w < 1 ? 1 : w;
}

static size_t reader_max_top(const struct pane *p)
{
	const struct reader_pane *r = reader_data(p);
	size_t rows = p->h > 0 ? (size_t)p->h : 1;
	return r->view.nlines > rows ? r->view.nlines - rows : 0;
}

/* The open article's view at the pane's width, from the views kept (the one shown before
 * is given back after, so it is not laid out again when it is the same). */
static void reader_pane_lay_out(struct pane *p)
{
	struct reader_pane *r = reader_data(p);
	const struct article_view *was = r->held;
	struct layout_opts o = r->opts;

	o.dir = article_view_dir(r->article, r->dir, r->dir_set);
	r->held = layout_cache_get(r->layouts, r->article, &o, r->dir_set,
				   r->source_name ? r->source_name(r->ctx, r->article) : NULL,
				   reader_text_width(p));
	r->view = *r->held; /* shared, read only: the cache keeps it while held */
	if (was)
		layout_cache_put(r->layouts, was);
}

void reader_pane_prime(struct pane *p, const struct article *a)
{
	struct reader_pane *r = reader_data(p);
	struct layout_opts o = r->opts;

	if (r->layouts == NULL || a == NULL || a == r->article || p->w < 1)
		return;
	o.dir = article_view_dir(a, r->dir, r->dir_set);
	layout_cache_put(r->layouts,
			 layout_cache_get(r->layouts, a, &o, r->dir_set,
					  r->source_name ? r->source_name(r->ctx, a) : NULL,
					  reader_text_width(p)));
}

/* A new width is a view of its own (kept beside the other widths'). */
static void reader_pane_resize(struct pane *p)
{
	struct reader_pane *r = reader_data(p);
	r->full_redraw = true;
	if (r->article == NULL || p->w < 1)
		return;
	if (r->view.width != reader_text_width(p))
		reader_pane_lay_out(p);
	if (r->top > reader_max_top(p))
		r->top = reader_max_top(p);
}

void reader_pane_open(struct pane *p, const struct article *a, size_t top)
{
	struct reader_pane *r = reader_data(p);

	if (r->article != a)
		reader_pane_close(p);
	r->article = a;
	reader_pane_lay_out(p);
	reader_pane_set_top(p, top);
}

void reader_pane_set_top(struct pane *p, size_t top)
{
	struct reader_pane *r = reader_data(p);
	r->top = top < reader_max_top(p) ? top : reader_max_top(p);
	r->full_redraw = true;
	p->dirty = true;
}

void reader_pane_close(struct pane *p)
{
	struct reader_pane *r = reader_data(p);
	if (r->held)
		layout_cache_put(r->layouts, r->held);
	r->held = NULL;
	memset(&r->view, 0, sizeof r->view);
	r->article = NULL;
	r->top = 0;
	r->full_redraw = true;
	p->dirty = true;
}

static attr_t reader_line_attr(enum view_kind kind)
{
	return kind == VIEW_TITLE ? ui_attr(UI_ROLE_TITLE)
	       : kind == VIEW_META ? ui_attr(UI_ROLE_META) : ui_attr(UI_ROLE_TEXT);
}

/* Where view line i starts in the window: the centred text column, plus its indent. */
static int reader_line_x(const struct pane *p, size_t i)
{
	const struct reader_pane *r = reader_data(p);
	int width = reader_text_width(p);
	return READER_MARGIN + (p->w - 2 * READER_MARGIN - width) / 2 + r->view.lines[i].line.indent;
}

#define READER_LINKS_PER_LINE 16

static void reader_draw_row(struct pane *p, int row)
{
	struct reader_pane *r = reader_data(p);
	size_t i = r->top + (size_t)row;
	const struct view_line *vl;
	struct view_link_span spans[READER_LINKS_PER_LINE];
	int x;

	wmove(pane_win(p), row, 0);
	wclrtoeol(pane_win(p));
	if (i >= r->view.nlines)
		return;
	vl = &r->view.lines[i];
	x = reader_line_x(p, i);
	ui_draw_line(pane_win(p), row, x, reader_text_width(p) - vl->line.indent, &vl->line,
		     reader_line_attr(vl->kind), r->ranges, r->nranges, vl->para);
	if (!r->hyperlinks)
		return;
	for (size_t k = 0, n = article_view_line_links(&r->view, i, spans, READER_LINKS_PER_LINE);
	     k < n; k++)
		ui_add_attr(pane_win(p), row, x + spans[k].col, spans[k].ncols, A_UNDERLINE);
	if (r->painted_from == r->painted_to || row < r->painted_from)
		r->painted_from = row;
	if (row + 1 > r->painted_to)
		r->painted_to = row + 1;
}

/* The spans of the link on view line i that row shows, sent as OSC 8 hyperlinks. URLs
 * longer than browsers take are left as text. */
static void reader_send_row_links(struct pane *p, int row)
{
	struct reader_pane *r = reader_data(p);
	size_t i = r->top + (size_t)row;
	struct view_link_span spans[READER_LINKS_PER_LINE];
	struct strbuf uri = {0};

	if (i >= r->view.nlines)
		return;
	for (size_t k = 0, n = article_view_line_links(&r->view, i, spans, READER_LINKS_PER_LINE);
	     k < n; k++) {
		const struct view_link *l = &r->view.links[spans[k].link];
		size_t len;
		const char *t = article_view_text(&r->view, l->para, &len);
		uri.len = 0;
		text_uri_payload(t + l->beg, l->end - l->beg, &uri);
		strbuf_appendc(&uri, '\0');
		if (uri.len <= 2048)
			ui_hyperlink(pane_win(p), row, reader_line_x(p, i) + spans[k].col, spans[k].ncols,
				     uri.data, (unsigned)((uintptr_t)r->article >> 4) * 31u +
						   (unsigned)spans[k].link);
	}
	strbuf_free(&uri);
}

void reader_pane_send_links(struct pane *p, bool covered)
{
	struct reader_pane *r = reader_data(p);
	if (!covered && r->article && pane_win(p))
		for (int row = r->painted_from; row < r->painted_to && row < p->h; row++)
			reader_send_row_links(p, row);
	r->painted_from = r->painted_to = 0;
}

/* Full width only: the terminal's scroll region spans whole rows. */
static bool reader_can_scroll(const struct pane *p, long delta)
{
	const struct reader_pane *r = reader_data(p);
	return !r->full_redraw && p->x == 0 && p->w == COLS && delta != 0 &&
	       (delta < 0 ? -delta : delta) < p->h / 2;
}

static void reader_pane_draw(struct pane *p, bool focused)
{
	struct reader_pane *r = reader_data(p);
	long delta = (long)r->top - (long)r->drawn_top;
	int from = 0, to = p->h;

	(void)focused;
	if (r->article == NULL) {
		werase(pane_win(p));
	} else if (reader_can_scroll(p, delta)) {
		scrollok(pane_win(p), TRUE);
		idlok(pane_win(p), TRUE);
		wscrl(pane_win(p), (int)delta);
		scrollok(pane_win(p), FALSE);
		from = delta > 0 ? p->h - (int)delta : 0;
		to = delta > 0 ? p->h : (int)-delta;
	} else {
		werase(pane_win(p));
	}
	for (int row = from; r->article && row < to; row++)
		reader_draw_row(p, row);
	r->drawn_top = r->top;
	r->full_redraw = false;
	wnoutrefresh(pane_win(p));
}

static enum ui_result reader_pane_op(struct pane *p, enum ui_op op)
{
	struct reader_pane *r = reader_data(p);
	size_t max = reader_max_top(p), page = p->h > 2 ? (size_t)p->h - 1 : 1;

	if (r->article == NULL)
		return op == UI_OP_BACK ? UI_BACK : UI_UNHANDLED;
	switch (op) {
	case UI_OP_DOWN: r->top += r->top < max; break;
	case UI_OP_UP: r->top -= r->top > 0; break;
	case UI_OP_PAGE_DOWN: r->top = r->top + page < max ? r->top + page : max; break;
	case UI_OP_PAGE_UP: r->top = r->top > page ? r->top - page : 0; break;
	case UI_OP_HALF_DOWN: r->top = r->top + page / 2 < max ? r->top + page / 2 : max; break;
	case UI_OP_HALF_UP: r->top = r->top > page / 2 ? r->top - page / 2 : 0; break;
	case UI_OP_TOP: r->top = 0; break;
	case UI_OP_BOTTOM: r->top = max; break;
	case UI_OP_BACK: return UI_BACK;
	default: return UI_UNHANDLED;
	}
	return UI_HANDLED;
}

void reader_pane_position(const struct pane *p, size_t *line, size_t *lines, int *percent)
{
	const struct reader_pane *r = reader_data(p);
	size_t rows = p->h > 0 ? (size_t)p->h : 1, bottom;
	*lines = r->view.nlines;
	*line = r->view.nlines ? r->top + 1 : 0;
	bottom = r->top + rows < r->view.nlines ? r->top + rows : r->view.nlines;
	*percent = r->view.nlines ? (int)(bottom * 100 / r->view.nlines) : 100;
}

void reader_pane_show(struct pane *p, long para, uint32_t off)
{
	struct reader_pane *r = reader_data(p);
	size_t line = article_view_find(&r->view, para, off), rows = p->h > 0 ? (size_t)p->h : 1;
	if (line >= r->view.nlines)
		return;
	if (line < r->top || line >= r->top + rows)
		r->top = line > rows / 3 ? line - rows / 3 : 0;
	if (r->top > reader_max_top(p))
		r->top = reader_max_top(p);
	r->full_redraw = true;
	p->dirty = true;
}

const struct pane_ops reader_pane_ops = {
	.name = "reader",
	.resize = reader_pane_resize,
	.draw = reader_pane_draw,
	.op = reader_pane_op,
};
