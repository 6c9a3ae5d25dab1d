/* sidebar_pane.c - the entity sidebar: sections (people, places, organisations, dates,
 * related stories) of selectable rows. It knows rows, not entities: the app fills it. */
#include "ui_curses.h"

#include <stdlib.h>
#include <string.h>

#include "qari/text.h"
#include "qari/xalloc.h"

static struct sidebar_pane *sidebar_data(const struct pane *p) { return p->data; }

static bool sidebar_row_fixed(const struct sidebar_row *r)
{
	return r->header || r->detail || r->cont;
}

void sidebar_pane_clear(struct sidebar_pane *s)
{
	for (size_t i = 0; i < s->nrows; i++) {
		free(s->rows[i].text);
		free(s->rows[i].note);
	}
	free(s->rows);
	s->rows = NULL;
	s->nrows = s->cap = s->sel = s->top = 0;
}

void sidebar_pane_add(struct sidebar_pane *s, const char *text, const char *note, bool header,
		      int kind, size_t ref)
{
	xgrow(&s->rows, &s->cap, s->nrows + 1, sizeof *s->rows);
	s->rows[s->nrows++] = (struct sidebar_row){
		.text = xstrdup(text), .note = note ? xstrdup(note) : NULL, .header = header,
		.kind = kind, .ref = ref};
	if (sidebar_row_fixed(&s->rows[s->sel]) && !header)
		s->sel = s->nrows - 1; /* the first selectable row */
}

void sidebar_pane_add_detail(struct sidebar_pane *s, const char *text)
{
	xgrow(&s->rows, &s->cap, s->nrows + 1, sizeof *s->rows);
	s->rows[s->nrows++] = (struct sidebar_row){.text = xstrdup(text), .detail = true};
}

void sidebar_pane_add_cont(struct sidebar_pane *s, const char *text)
{
	xgrow(&s->rows, &s->cap, s->nrows + 1, sizeof *s->rows);
	s->rows[s->nrows++] = (struct sidebar_row){.text = xstrdup(text), .cont = true};
}

const struct sidebar_row *sidebar_pane_selected(const struct sidebar_pane *s)
{
	return s->sel < s->nrows && !sidebar_row_fixed(&s->rows[s->sel]) ? &s->rows[s->sel] : NULL;
}

static void sidebar_pane_scroll(struct pane *p)
{
	struct sidebar_pane *s = sidebar_data(p);
	size_t rows = p->h > 0 ? (size_t)p->h : 1;
	if (s->sel < s->top)
		s->top = s->sel > 0 && s->rows[s->sel - 1].header ? s->sel - 1 : s->sel;
	else if (s->sel >= s->top + rows)
		s->top = s->sel - rows + 1;
	/* the row's own lines (a wrapped title, what it is and why) with it, when they fit */
	for (size_t end = s->sel + 1; end < s->nrows && (s->rows[end].detail || s->rows[end].cont) &&
				      end - s->sel < rows; end++)
		if (end >= s->top + rows)
			s->top = end - rows + 1;
	/* the heading of the selected row's section stays in view when there is room */
	if (s->top == s->sel && s->sel > 0 && s->rows[s->sel - 1].header && rows > 1)
		s->top--;
}

bool sidebar_pane_select_ref(struct pane *p, int kind, size_t ref)
{
	struct sidebar_pane *s = sidebar_data(p);
	for (size_t i = 0; i < s->nrows; i++)
		if (!sidebar_row_fixed(&s->rows[i]) && s->rows[i].kind == kind && s->rows[i].ref == ref) {
			s->sel = i;
			sidebar_pane_scroll(p);
			p->dirty = true;
			return true;
		}
	return false;
}

bool sidebar_pane_select_kind(struct pane *p, int kind)
{
	struct sidebar_pane *s = sidebar_data(p);
	for (size_t i = 0; i < s->nrows; i++)
		if (!sidebar_row_fixed(&s->rows[i]) && s->rows[i].kind == kind) {
			s->sel = i;
			sidebar_pane_scroll(p);
			p->dirty = true;
			return true;
		}
	return false;
}

static void sidebar_pane_resize(struct pane *p) { sidebar_pane_scroll(p); }

/* A row's own direction (P2-P3); a row of digits and punctuation takes the pane's. */
static enum layout_dir sidebar_row_dir(const struct sidebar_pane *s, const char *text)
{
	size_t rtl = 0, ltr = 0;

	text_count_strong(text, strlen(text), &rtl, &ltr);
	if (rtl == 0 && ltr == 0)
		return s->rtl ? LAYOUT_DIR_RTL : LAYOUT_DIR_LTR;
	return LAYOUT_DIR_AUTO;
}

static void sidebar_pane_draw(struct pane *p, bool focused)
{
	struct sidebar_pane *s = sidebar_data(p);

	werase(pane_win(p));
	for (int row = 0; row < p->h && s->top + (size_t)row < s->nrows; row++) {
		size_t i = s->top + (size_t)row;
		const struct sidebar_row *r = &s->rows[i];
		struct layout_opts o = s->opts;
		size_t owner = i; /* a continued row is drawn as the row it continues */
		while (s->rows[owner].cont && owner > 0)
			owner--;
		attr_t attr = r->header ? ui_attr(UI_ROLE_HEADER)
			      : r->detail ? ui_attr(UI_ROLE_META)
			      : owner == s->sel ? ui_attr(focused ? UI_ROLE_SELECTED : UI_ROLE_SELECTED_DIM)
					       : ui_attr(UI_ROLE_TEXT);
		o.dir = sidebar_row_dir(s, r->text);
		wattrset(pane_win(p), attr);
		mvwhline(pane_win(p), row, 0, ' ', p->w);
		ui_draw_row(pane_win(p), row, p->w, r->text, r->note, &o, attr);
		wattrset(pane_win(p), A_NORMAL);
	}
	if (s->nrows == 0 && p->h > 0)
		mvwaddnstr(pane_win(p), 0, 1, "(nothing found)", p->w - 1);
	wnoutrefresh(pane_win(p));
}

/* Move by step over selectable rows. */
static void sidebar_pane_move(struct sidebar_pane *s, long step)
{
	size_t i = s->sel;
	while (step != 0) {
		size_t j = i;
		do
			j = step > 0 ? j + 1 : j - 1;
		while (j < s->nrows && sidebar_row_fixed(&s->rows[j]));
		if (j >= s->nrows)
			break;
		i = j;
		step += step > 0 ? -1 : 1;
	}
	s->sel = i;
}

static enum ui_result sidebar_pane_op(struct pane *p, enum ui_op op)
{
	struct sidebar_pane *s = sidebar_data(p);
	long page = p->h > 1 ? p->h - 1 : 1;

	switch (op) {
	case UI_OP_DOWN: sidebar_pane_move(s, 1); break;
	case UI_OP_UP: sidebar_pane_move(s, -1); break;
	case UI_OP_PAGE_DOWN: sidebar_pane_move(s, page); break;
	case UI_OP_PAGE_UP: sidebar_pane_move(s, -page); break;
	case UI_OP_HALF_DOWN: sidebar_pane_move(s, page / 2); break;
	case UI_OP_HALF_UP: sidebar_pane_move(s, -page / 2); break;
	case UI_OP_TOP: sidebar_pane_move(s, -(long)s->nrows); break;
	case UI_OP_BOTTOM: sidebar_pane_move(s, (long)s->nrows); break;
	case UI_OP_OPEN: return sidebar_pane_selected(s) ? UI_OPEN : UI_UNHANDLED;
	case UI_OP_BACK: return UI_BACK;
	default: return UI_UNHANDLED;
	}
	sidebar_pane_scroll(p);
	if (s->top > 0 && s->sel == s->top && s->rows[s->sel - 1].header)
		s->top--; /* keep a section's heading above its first row */
	return UI_HANDLED;
}

const struct pane_ops sidebar_pane_ops = {
	.name = "sidebar",
	.resize = sidebar_pane_resize,
	.draw = sidebar_pane_draw,
	.op = sidebar_pane_op,
};
