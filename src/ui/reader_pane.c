/* reader_pane.c - the reading pane: the open article's visual lines, scrolled by lines.
 * A resize re-wraps the prepared paragraphs; scrolling only repaints. */
#include "qari/ui.h"

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

static void reader_pane_resize(struct pane *p)
{
	struct reader_pane *r = reader_data(p);
	if (r->article == NULL || p->w < 1)
		return;
	article_view_wrap(&r->view, reader_text_width(p));
	if (r->top > reader_max_top(p))
		r->top = reader_max_top(p);
}

void reader_pane_open(struct pane *p, const struct article *a)
{
	struct reader_pane *r = reader_data(p);
	struct layout_opts o = r->opts;

	if (r->article)
		article_view_free(&r->view);
	r->article = a;
	r->top = 0;
	o.dir = article_view_dir(a, r->dir, r->dir_set);
	article_view_prepare(&r->view, a, &o);
	article_view_wrap(&r->view, reader_text_width(p));
	p->dirty = true;
}

static attr_t reader_line_attr(enum view_kind kind)
{
	return kind == VIEW_TITLE ? ui_attr(UI_ROLE_TITLE)
	       : kind == VIEW_META ? ui_attr(UI_ROLE_META) : ui_attr(UI_ROLE_TEXT);
}

static void reader_pane_draw(struct pane *p, bool focused)
{
	struct reader_pane *r = reader_data(p);
	int width = reader_text_width(p);
	int left = READER_MARGIN + (p->w - 2 * READER_MARGIN - width) / 2;

	(void)focused;
	werase(p->win);
	for (int row = 0; r->article && row < p->h; row++) {
		size_t i = r->top + (size_t)row;
		const struct view_line *vl;
		if (i >= r->view.nlines)
			break;
		vl = &r->view.lines[i];
		ui_draw_line(p->win, row, left + vl->line.indent, width - vl->line.indent, &vl->line,
			     reader_line_attr(vl->kind));
	}
	wnoutrefresh(p->win);
}

static enum ui_result reader_pane_op(struct pane *p, enum ui_op op)
{
	struct reader_pane *r = reader_data(p);
	size_t max = reader_max_top(p), page = p->h > 2 ? (size_t)p->h - 1 : 1, old = r->top;

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
	return r->top != old ? UI_HANDLED : UI_HANDLED;
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

const struct pane_ops reader_pane_ops = {
	.name = "reader",
	.resize = reader_pane_resize,
	.draw = reader_pane_draw,
	.op = reader_pane_op,
};
