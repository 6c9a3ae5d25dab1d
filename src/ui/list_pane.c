/* list_pane.c - the article list: title, source and date per row (the time for today's),
 * RTL titles right-aligned, unread articles bold. Moving the selection repaints only this pane; it never
 * re-lays out an article. */
#include "ui_curses.h"

#include <stdio.h>
#include <time.h>

#include "qari/listing.h"

#define LIST_SOURCE_FROM 70    /* a column for the source from this width */
#define LIST_SOURCE_COLS 12
#define LIST_WIDE_DATE_FROM 50 /* "2015-07-21" from this width, "Jul 2015" below */
#define LIST_WIDE_DATE_COLS 10
#define LIST_DATE_COLS 8

static struct list_pane *list_data(const struct pane *p) { return p->data; }

size_t list_pane_count(const struct list_pane *l)
{
	if (l->src)
		return l->src->count(l->src->ctx);
	return l->rows ? l->nrows : l->corpus->n;
}

static size_t list_pane_index(const struct list_pane *l, size_t row)
{
	return l->rows && !l->src ? l->rows[row] : row;
}

size_t list_pane_selected(const struct list_pane *l)
{
	return l->sel < list_pane_count(l) ? list_pane_index(l, l->sel) : (size_t)-1;
}

/* Keep the selection on screen, and no blank rows at the bottom while articles sit above
 * the top (a selection made before the pane had its height left the view scrolled). */
static void list_pane_scroll(struct pane *p)
{
	struct list_pane *l = list_data(p);
	size_t rows = p->h > 0 ? (size_t)p->h : 1, n = list_pane_count(l);
	if (l->sel < l->top)
		l->top = l->sel;
	else if (l->sel >= l->top + rows)
		l->top = l->sel - rows + 1;
	if (l->top > 0 && l->top + rows > n)
		l->top = n > rows ? n - rows : 0;
}

bool list_pane_select(struct pane *p, size_t idx)
{
	struct list_pane *l = list_data(p);
	if (l->src) {
		if (idx >= list_pane_count(l))
			return false;
		l->sel = idx;
		list_pane_scroll(p);
		p->dirty = true;
		return true;
	}
	for (size_t i = 0; i < list_pane_count(l); i++)
		if (list_pane_index(l, i) == idx) {
			l->sel = i;
			list_pane_scroll(p);
			p->dirty = true;
			return true;
		}
	return false;
}

/* The selected article keeps its row on screen when it can: rows that arrive above it push
 * the view, not the eye. */
void list_pane_set_rows(struct pane *p, const size_t *rows, size_t nrows)
{
	struct list_pane *l = list_data(p);
	size_t keep = list_pane_selected(l), offset = l->sel >= l->top ? l->sel - l->top : 0;
	if (l->src) { /* the source's rows are the list: these are not shown */
		p->dirty = true;
		return;
	}
	l->rows = rows;
	l->nrows = nrows;
	l->sel = l->top = 0;
	if (keep != (size_t)-1 && list_pane_select(p, keep)) {
		l->top = l->sel >= offset ? l->sel - offset : 0;
		list_pane_scroll(p);
	}
	p->dirty = true;
}

void list_pane_shift(struct pane *p, size_t at, size_t n)
{
	struct list_pane *l = list_data(p);
	if (l->sel >= at)
		l->sel += n;
	if (l->top >= at && l->top > 0)
		l->top += n;
	list_pane_scroll(p);
	p->dirty = true;
}

/* Called with each new window: one may be made where a freed one was (the same address), so
 * what was drawn is forgotten here, not only when the window's address changes. */
static void list_pane_resize(struct pane *p)
{
	list_data(p)->drawn.win = NULL;
	list_pane_scroll(p);
}

static attr_t list_pane_row_attr(const struct list_pane *l, const struct article *a, bool sel,
				 bool focused)
{
	if (sel)
		return ui_attr(focused ? UI_ROLE_SELECTED : UI_ROLE_SELECTED_DIM);
	if (l->is_read && !l->is_read(l->ctx, a))
		return ui_attr(UI_ROLE_UNREAD);
	return ui_attr(l->is_read ? UI_ROLE_READ : UI_ROLE_TEXT);
}

static void list_pane_draw_article(struct pane *p, int row, const struct article *a, attr_t attr,
				   bool bookmarked, time_t now)
{
	const struct list_pane *l = list_data(p);
	struct layout_opts o = l->opts;
	const char *source = p->w < LIST_SOURCE_FROM ? NULL
			     : l->src			 ? a->source
			     : l->source_name		 ? l->source_name(l->ctx, a)
							 : NULL;
	char label[LISTING_DATE_MAX], date[LISTING_DATE_MAX + 12];
	bool wide = p->w >= LIST_WIDE_DATE_FROM;

	listing_date_label(a, now, wide, label);
	/* one width for every row's date, so the sources line up in a column */
	snprintf(date, sizeof date, a->dir == TEXT_DIR_RTL ? "%-*s" : "%*s",
		 wide ? LIST_WIDE_DATE_COLS : LIST_DATE_COLS, label);
	o.dir = a->dir == TEXT_DIR_RTL ? LAYOUT_DIR_RTL : LAYOUT_DIR_LTR;
	wattrset(pane_win(p), attr);
	mvwhline(pane_win(p), row, 0, ' ', p->w);
	if (bookmarked)
		mvwaddch(pane_win(p), row, 0, '*');
	ui_draw_list_row(pane_win(p), row, p->w, a->title, source, LIST_SOURCE_COLS, date, &o, attr);
	wattrset(pane_win(p), A_NORMAL);
}

/* Forget what was drawn when the window, its width or the day changed. */
static void list_pane_drawn_check(struct pane *p, time_t now)
{
	struct list_drawn *d = &list_data(p)->drawn;
	long day = (long)(now / 86400);

	if (d->win == p->win && d->w == p->w && d->day == day)
		return;
	werase(pane_win(p));
	for (size_t r = 0; r < LIST_DRAWN_ROWS; r++)
		d->row[r].valid = false;
	d->win = p->win;
	d->w = p->w;
	d->day = day;
}

/* Whether row r already shows what it should; remember it as drawn either way. */
static bool list_pane_row_kept(struct list_drawn *d, int r, struct list_drawn_row now)
{
	struct list_drawn_row *was;

	if (r >= LIST_DRAWN_ROWS)
		return false;
	was = &d->row[r];
	now.valid = true;
	if (was->valid && was->article == now.article && was->attr == now.attr &&
	    was->bookmarked == now.bookmarked)
		return true;
	*was = now;
	return false;
}

/* The rows of a source: each drawn from what the source says of it, as an article's. */
static void list_pane_draw_source(struct pane *p, bool focused, size_t n, time_t now)
{
	struct list_pane *l = list_data(p);
	for (int row = 0; row < p->h; row++) {
		size_t i = l->top + (size_t)row;
		struct list_row r;
		bool have = i < n && l->src->row(l->src->ctx, i, &r);
		struct list_drawn_row want = {.article = have ? r.key : (size_t)-1};
		if (have) {
			want.attr = i == l->sel ? ui_attr(focused ? UI_ROLE_SELECTED : UI_ROLE_SELECTED_DIM)
						: ui_attr(r.read ? UI_ROLE_READ : UI_ROLE_UNREAD);
			want.bookmarked = r.bookmarked;
		}
		if (list_pane_row_kept(&l->drawn, row, want))
			continue;
		if (have) {
			struct article a = {.title = (char *)r.title, .date = (char *)r.date,
					    .date_key = r.date_key, .source = (char *)r.source,
					    .dir = r.rtl ? TEXT_DIR_RTL : TEXT_DIR_LTR};
			list_pane_draw_article(p, row, &a, want.attr, want.bookmarked, now);
		} else {
			wmove(pane_win(p), row, 0), wclrtoeol(pane_win(p));
		}
	}
	wnoutrefresh(pane_win(p));
}

static void list_pane_draw(struct pane *p, bool focused)
{
	struct list_pane *l = list_data(p);
	size_t n = list_pane_count(l);
	time_t now = time(NULL);

	list_pane_drawn_check(p, now);
	if (n == 0) { /* a message instead of rows: every row is drawn again after it */
		werase(pane_win(p));
		l->drawn.win = NULL;
		if (p->h > 0)
			mvwaddnstr(pane_win(p), 0, 1, l->empty ? l->empty : "(no articles match)", p->w - 1);
		wnoutrefresh(pane_win(p));
		return;
	}
	if (l->src) {
		list_pane_draw_source(p, focused, n, now);
		return;
	}
	for (int row = 0; row < p->h; row++) {
		size_t i = l->top + (size_t)row, idx = i < n ? list_pane_index(l, i) : (size_t)-1;
		const struct article *a = i < n ? l->corpus->items[idx] : NULL;
		struct list_drawn_row want = {.article = idx};
		if (a) {
			want.attr = list_pane_row_attr(l, a, i == l->sel, focused);
			want.bookmarked = l->is_bookmarked && l->is_bookmarked(l->ctx, a);
		}
		if (list_pane_row_kept(&l->drawn, row, want))
			continue;
		if (a)
			list_pane_draw_article(p, row, a, want.attr, want.bookmarked, now);
		else
			wmove(pane_win(p), row, 0), wclrtoeol(pane_win(p));
	}
	wnoutrefresh(pane_win(p));
}

static enum ui_result list_pane_op(struct pane *p, enum ui_op op)
{
	struct list_pane *l = list_data(p);
	size_t n = list_pane_count(l), page = p->h > 1 ? (size_t)p->h - 1 : 1;

	if (op == UI_OP_BACK)
		return UI_BACK;
	if (n == 0)
		return UI_UNHANDLED;
	switch (op) {
	case UI_OP_DOWN: l->sel += l->sel + 1 < n; break;
	case UI_OP_UP: l->sel -= l->sel > 0; break;
	case UI_OP_PAGE_DOWN: l->sel = l->sel + page < n ? l->sel + page : n - 1; break;
	case UI_OP_PAGE_UP: l->sel = l->sel > page ? l->sel - page : 0; break;
	case UI_OP_HALF_DOWN: l->sel = l->sel + page / 2 < n ? l->sel + page / 2 : n - 1; break;
	case UI_OP_HALF_UP: l->sel = l->sel > page / 2 ? l->sel - page / 2 : 0; break;
	case UI_OP_TOP: l->sel = 0; break;
	case UI_OP_BOTTOM: l->sel = n - 1; break;
	case UI_OP_OPEN: return UI_OPEN;
	default: return UI_UNHANDLED;
	}
	list_pane_scroll(p);
	return UI_HANDLED;
}

const struct pane_ops list_pane_ops = {
	.name = "list",
	.resize = list_pane_resize,
	.draw = list_pane_draw,
	.op = list_pane_op,
};
