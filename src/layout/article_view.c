/* article_view.c - title, byline and paragraphs of one article as visual lines. */
#include "qari/article_view.h"

#include <stdlib.h>
#include <string.h>

#include "qari/text.h"
#include "qari/xalloc.h"

enum layout_dir article_view_dir(const struct article *a, enum layout_dir forced, bool forced_set)
{
	if (forced_set)
		return forced;
	return a->dir == TEXT_DIR_RTL ? LAYOUT_DIR_RTL : LAYOUT_DIR_LTR;
}

/* A paragraph clearly in one script takes that script's direction: an English quote in an
 * Arabic article reads left to right, while "CNN قالت…" stays right to left (UAX #9 P2
 * would make it LTR). "Clearly" is twice as many strong characters of one direction as of
 * the other, URLs left out; otherwise the article's. */
enum layout_dir article_view_para_dir(const char *s, size_t n, enum layout_dir article_dir)
{
	size_t rtl = 0, ltr = 0, from = 0, beg, end;

	/* a URL is Latin letters whatever the prose around it is written in: not counted */
	while (text_find_url(s, n, from, &beg, &end)) {
		text_count_strong(s + from, beg - from, &rtl, &ltr);
		from = end;
	}
	text_count_strong(s + from, n - from, &rtl, &ltr);
	if (ltr > 2 * rtl)
		return LAYOUT_DIR_LTR;
	if (rtl > 2 * ltr)
		return LAYOUT_DIR_RTL;
	return article_dir;
}

static struct layout_prep *article_view_prepare_para(const char *s, const struct layout_opts *o,
						     bool dir_forced)
{
	struct layout_opts po = *o;
	size_t n = strlen(s);

	if (!dir_forced)
		po.dir = article_view_para_dir(s, n, o->dir);
	return layout_prepare(s, n, &po);
}

/* The byline: date, paper, author, URL (laid out as a left-to-right isolate, as every URL). */
static char *article_view_meta(const struct article *a, const char *source_name)
{
	struct strbuf sb = {0};
	const char *parts[] = {a->date, source_name ? source_name : a->source, a->author, a->url};
	for (size_t i = 0; i < sizeof parts / sizeof *parts; i++) {
		if (parts[i] == NULL)
			continue;
		if (sb.len)
			strbuf_append(&sb, " · ", strlen(" · "));
		strbuf_append(&sb, parts[i], strlen(parts[i]));
	}
	return sb.len ? strbuf_take(&sb) : NULL;
}

const char *article_view_text(const struct article_view *v, long para, size_t *len)
{
	const char *t = para == VIEW_PARA_META    ? v->meta
			: para == VIEW_PARA_TITLE ? v->article->title
			: para >= 0 && (size_t)para < v->article->npara ? v->article->paras[para]
									 : NULL;
	*len = t ? strlen(t) : 0;
	return t ? t : "";
}

/* The URLs of the byline and the paragraphs, found once per article. */
static void article_view_find_links(struct article_view *v)
{
	size_t cap = 0;
	for (long para = VIEW_PARA_META; para < (long)v->article->npara; para++) {
		size_t len, from = 0, beg, end;
		const char *t;
		if (para == VIEW_PARA_TITLE)
			continue;
		t = article_view_text(v, para, &len);
		while (text_find_url(t, len, from, &beg, &end)) {
			xgrow(&v->links, &cap, v->nlinks + 1, sizeof *v->links);
			v->links[v->nlinks++] = (struct view_link){para, (uint32_t)beg, (uint32_t)end};
			from = end;
		}
	}
}

void article_view_prepare(struct article_view *v, const struct article *a,
			  const struct layout_opts *o, bool dir_forced, const char *source_name)
{
	memset(v, 0, sizeof *v);
	v->article = a;
	v->opts = *o;
	v->meta = article_view_meta(a, source_name);
	v->npreps = 2 + a->npara;
	v->preps = xcalloc(v->npreps, sizeof *v->preps);
	v->preps[0] = article_view_prepare_para(a->title, o, dir_forced);
	if (v->meta) {
		/* the byline is mostly Latin (URL, date): its own direction, P2-P3 */
		struct layout_opts mo = *o;
		mo.dir = LAYOUT_DIR_AUTO;
		v->preps[1] = layout_prepare(v->meta, strlen(v->meta), &mo);
	}
	for (size_t i = 0; i < a->npara; i++)
		v->preps[2 + i] = article_view_prepare_para(a->paras[i], o, dir_forced);
	article_view_find_links(v);
}

static void article_view_add(struct article_view *v, struct layout_prep *p, enum view_kind kind,
			     long para)
{
	struct layout_para lp = {0};

	if (kind == VIEW_BLANK || p == NULL) {
		xgrow(&v->lines, &v->cap, v->nlines + 1, sizeof *v->lines);
		memset(&v->lines[v->nlines], 0, sizeof *v->lines);
		v->lines[v->nlines].kind = VIEW_BLANK;
		v->lines[v->nlines++].para = para;
		return;
	}
	layout_wrap(p, v->width, v->width, &lp);
	xgrow(&v->lines, &v->cap, v->nlines + lp.nlines, sizeof *v->lines);
	for (size_t i = 0; i < lp.nlines; i++) {
		v->lines[v->nlines].line = lp.lines[i];
		v->lines[v->nlines].kind = kind;
		v->lines[v->nlines++].para = para;
	}
	free(lp.lines); /* the cells now belong to the view */
}

static void article_view_clear(struct article_view *v)
{
	for (size_t i = 0; i < v->nlines; i++)
		free(v->lines[i].line.cells);
	v->nlines = 0;
}

void article_view_wrap(struct article_view *v, int width)
{
	article_view_clear(v);
	v->width = width < 1 ? 1 : width;
	article_view_add(v, v->preps[0], VIEW_TITLE, VIEW_PARA_TITLE);
	if (v->preps[1])
		article_view_add(v, v->preps[1], VIEW_META, VIEW_PARA_META);
	for (size_t i = 2; i < v->npreps; i++) {
		article_view_add(v, NULL, VIEW_BLANK, (long)i - 2);
		article_view_add(v, v->preps[i], VIEW_BODY, (long)i - 2);
	}
}

void article_view_free(struct article_view *v)
{
	article_view_clear(v);
	for (size_t i = 0; i < v->npreps; i++)
		layout_prep_free(v->preps[i]);
	free(v->preps);
	free(v->lines);
	free(v->meta);
	free(v->links);
	memset(v, 0, sizeof *v);
}

size_t article_view_find(const struct article_view *v, long para, uint32_t off)
{
	for (size_t i = 0; i < v->nlines; i++) {
		const struct view_line *l = &v->lines[i];
		if (l->kind != VIEW_BLANK && l->para == para && off >= l->line.lbeg &&
		    (off < l->line.lend || (i + 1 == v->nlines || v->lines[i + 1].para != para)))
			return i;
	}
	return v->nlines;
}

/* The link a cell belongs to, or nlinks. Links of one text are few: a scan is enough. */
static size_t article_view_cell_link(const struct article_view *v, long para,
				     const struct layout_cell *c)
{
	for (size_t k = 0; k < v->nlinks; k++)
		if (v->links[k].para == para && c->lbeg >= v->links[k].beg && c->lend <= v->links[k].end)
			return k;
	return v->nlinks;
}

size_t article_view_line_links(const struct article_view *v, size_t i, struct view_link_span *out,
			       size_t max)
{
	const struct view_line *vl = &v->lines[i];
	size_t n = 0, prev = v->nlinks;
	int col = 0;

	if (v->nlinks == 0 || vl->kind == VIEW_BLANK || vl->kind == VIEW_TITLE)
		return 0;
	/* runs of visually adjacent cells of one link (a URL is an LTR run even in RTL text) */
	for (size_t c = 0; c < vl->line.ncells; c++) {
		size_t k = article_view_cell_link(v, vl->para, &vl->line.cells[c]);
		if (k < v->nlinks && k == prev)
			out[n - 1].ncols += vl->line.cells[c].width;
		else if (k < v->nlinks && n < max)
			out[n++] = (struct view_link_span){col, vl->line.cells[c].width, k};
		else
			k = v->nlinks; /* no room: not part of a span */
		prev = k;
		col += vl->line.cells[c].width;
	}
	return n;
}
