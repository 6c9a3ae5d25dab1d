/* layout.c - logical paragraphs → visual lines, the UAX #9 way for terminals.
 *
 * Per paragraph, once: decode, neutralise controls, bidi types and brackets, embedding levels,
 * Arabic joining and shaping (in logical order), grapheme clusters and UAX #14 break
 * opportunities. Per width: greedy line breaking in logical order over the shaped widths, then
 * each line reordered on its own with fribidi_reorder_line, which applies rule L1 to the line's
 * trailing white space. Reordering a whole paragraph and then cutting it is the classic bug. */
#include "qari/layout.h"

#include <fribidi.h>
#include <stdlib.h>
#include <string.h>
#include <unigbrk.h>
#include <unilbrk.h>

#include "qari/text.h"
#include "qari/xalloc.h"

#define LAYOUT_ORPHAN_BASE 0x25CC /* ◌: the base a lone combining mark is drawn on */
#define LAYOUT_ELLIPSIS 0x2026

enum layout_cp_flag {
	LAYOUT_CP_HIDDEN = 1 << 0,      /* fed to bidi and shaping, never drawn */
	LAYOUT_CP_PLACEHOLDER = 1 << 1, /* a control character shown as a picture */
	LAYOUT_CP_CLUSTER = 1 << 2,     /* starts a cluster: no line break inside one */
	LAYOUT_CP_BREAK = 1 << 3,       /* a line may break before this code point */
	LAYOUT_CP_SPACE = 1 << 4,       /* white space: hangs at the end of a line */
	LAYOUT_CP_ORPHAN = 1 << 5,      /* a mark with no base: drawn on ◌ */
};

struct layout_prep {
	size_t n;
	uint32_t *cps;          /* sanitised logical code points */
	uint32_t *shaped;       /* after mirroring and Arabic shaping, still logical order */
	uint32_t *off;          /* byte offset of each code point; off[n] = text length */
	FriBidiCharType *types;
	FriBidiLevel *levels;   /* pristine paragraph levels: L1 edits a copy per wrap */
	uint8_t *width;         /* columns of each code point as drawn (0 hidden or mark) */
	uint8_t *flags;         /* enum layout_cp_flag */
	FriBidiParType base;
	bool rtl, reorder;
};

/* Decode and neutralise: tab and line separators become spaces, other controls pictures. */
static void layout_decode(struct layout_prep *p, const char *text, size_t len)
{
	size_t i = 0, n = 0;

	p->cps = xcalloc(len + 1, sizeof *p->cps);
	p->off = xcalloc(len + 1, sizeof *p->off);
	p->flags = xcalloc(len + 1, 1);
	while (i < len) {
		uint32_t cp;
		int k = text_decode(text + i, len - i, &cp);
		bool placeholder;
		uint32_t shown;

		if (cp == '\t' || cp == 0x2028 || cp == 0x2029)
			cp = ' ';
		shown = cells_display_cp(cp, &placeholder);
		p->off[n] = (uint32_t)i;
		if (shown == 0)
			p->flags[n] |= LAYOUT_CP_HIDDEN;
		else if (placeholder)
			p->flags[n] |= LAYOUT_CP_PLACEHOLDER, cp = shown;
		p->cps[n++] = cp;
		i += (size_t)k;
	}
	p->off[n] = (uint32_t)len;
	p->n = n;
}

static FriBidiParType layout_par_type(enum layout_dir dir)
{
	return dir == LAYOUT_DIR_RTL ? FRIBIDI_PAR_RTL
	       : dir == LAYOUT_DIR_LTR ? FRIBIDI_PAR_LTR : FRIBIDI_PAR_ON;
}

/* Embedding levels once per paragraph (X1-I2 with brackets, BD16). */
static void layout_levels(struct layout_prep *p, enum layout_dir dir)
{
	FriBidiBracketType *brackets = xcalloc(p->n + 1, sizeof *brackets);

	p->types = xcalloc(p->n + 1, sizeof *p->types);
	p->levels = xcalloc(p->n + 1, sizeof *p->levels);
	p->base = layout_par_type(dir);
	fribidi_get_bidi_types(p->cps, (FriBidiStrIndex)p->n, p->types);
	fribidi_get_bracket_types(p->cps, (FriBidiStrIndex)p->n, p->types, brackets);
	if (p->n > 0 && fribidi_get_par_embedding_levels_ex(p->types, brackets, (FriBidiStrIndex)p->n,
							     &p->base, p->levels) == 0) {
		p->base = dir == LAYOUT_DIR_RTL ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
		memset(p->levels, FRIBIDI_IS_RTL(p->base) ? 1 : 0, p->n);
	}
	/* with no strong character the base comes back ON: P3 says LTR */
	p->rtl = FRIBIDI_IS_RTL(p->base);
	p->base = p->rtl ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
	free(brackets);
}

/* Mirroring and Arabic shaping in logical order, on the paragraph's levels. */
static void layout_shape(struct layout_prep *p, bool shape)
{
	FriBidiArabicProp *props;
	FriBidiFlags flags = FRIBIDI_FLAG_SHAPE_MIRRORING;

	p->shaped = xcalloc(p->n + 1, sizeof *p->shaped);
	memcpy(p->shaped, p->cps, p->n * sizeof *p->cps);
	if (!p->reorder || p->n == 0)
		return; /* a bidi terminal mirrors and shapes by itself */
	props = xcalloc(p->n, sizeof *props);
	if (shape) {
		fribidi_get_joining_types(p->cps, (FriBidiStrIndex)p->n, props);
		fribidi_join_arabic(p->types, (FriBidiStrIndex)p->n, p->levels, props);
		flags |= FRIBIDI_FLAGS_ARABIC;
	}
	fribidi_shape(flags, p->levels, (FriBidiStrIndex)p->n, props, p->shaped);
	free(props);
}

void layout_cluster_breaks(const uint32_t *cps, size_t n, char *breaks)
{
	if (n == 0)
		return;
	u32_grapheme_breaks(cps, n, breaks);
	breaks[0] = 1;
}

/* Clusters, break opportunities and widths: everything line breaking needs. */
static void layout_segment(struct layout_prep *p)
{
	char *gb = xcalloc(p->n + 1, 1), *lb = xcalloc(p->n + 1, 1);
	bool ink = false; /* the current cluster already has a spacing code point */
	size_t cs = 0;    /* where the current cluster starts */

	p->width = xcalloc(p->n + 1, 1);
	if (p->n > 0) {
		layout_cluster_breaks(p->cps, p->n, gb);
		u32_possible_linebreaks(p->cps, p->n, "UTF-8", lb);
	}
	for (size_t i = 0; i < p->n; i++) {
		int w = (p->flags[i] & LAYOUT_CP_HIDDEN) ? 0 : cells_width(p->shaped[i]);
		/* shaping leaves FILL where a lam joined the next alef: one cluster, one cell. The
		 * lam starts it even after a prepended mark (U+0603), whose own cell it is not */
		bool fill = p->shaped[i] == FRIBIDI_CHAR_FILL && p->cps[i] != FRIBIDI_CHAR_FILL;
		if (fill)
			p->flags[i] |= LAYOUT_CP_HIDDEN | LAYOUT_CP_CLUSTER, w = 0;
		if (gb[i] || i == 0)
			p->flags[i] |= LAYOUT_CP_CLUSTER;
		/* at another level than its cluster's start it is reordered apart from it (a mark
		 * FriBidi's older tables take for a letter, U+07FD): a cluster of its own */
		if (p->reorder && !(p->flags[i] & (LAYOUT_CP_CLUSTER | LAYOUT_CP_HIDDEN)) &&
		    p->levels[i] != p->levels[cs])
			p->flags[i] |= LAYOUT_CP_CLUSTER;
		if (p->flags[i] & LAYOUT_CP_CLUSTER)
			cs = i;
		if (lb[i] == UC_BREAK_POSSIBLE || lb[i] == UC_BREAK_MANDATORY)
			p->flags[i] |= LAYOUT_CP_BREAK;
		if (p->types[i] == FRIBIDI_TYPE_WS || p->cps[i] == ' ')
			p->flags[i] |= LAYOUT_CP_SPACE;
		if (w < 0)
			w = 1; /* cannot happen after sanitising; never let a width go negative */
		if (p->flags[i] & LAYOUT_CP_CLUSTER)
			ink = false;
		/* a mark with nothing spacing before it in its cluster (at its start, or after
		 * hidden ZWJ or bidi controls) goes on ◌: never a cell of no width */
		if (w == 0 && !ink && !(p->flags[i] & LAYOUT_CP_HIDDEN))
			p->flags[i] |= LAYOUT_CP_ORPHAN, w = 1;
		/* a second spacing character (emoji ZWJ sequence, U+0603 + base) gets its own cell:
		 * let a line break there too, or a cluster wider than the line never fits */
		else if (w > 0 && ink)
			p->flags[i] |= LAYOUT_CP_CLUSTER;
		ink = ink || w > 0;
		p->width[i] = (uint8_t)w;
	}
	/* the alef that took the ligature joins the lam's cluster: one cell, both letters */
	for (size_t i = 0; i + 1 < p->n; i++)
		if (p->shaped[i] == FRIBIDI_CHAR_FILL && p->cps[i] != FRIBIDI_CHAR_FILL)
			p->flags[i + 1] &= (uint8_t)~LAYOUT_CP_CLUSTER;
	free(gb);
	free(lb);
}

struct layout_prep *layout_prepare(const char *text, size_t len, const struct layout_opts *o)
{
	struct layout_prep *p = xcalloc(1, sizeof *p);

	p->reorder = o->reorder;
	layout_decode(p, text, len);
	layout_levels(p, o->dir);
	layout_shape(p, o->shape);
	layout_segment(p);
	return p;
}

void layout_prep_free(struct layout_prep *p)
{
	if (p == NULL)
		return;
	free(p->cps);
	free(p->shaped);
	free(p->off);
	free(p->types);
	free(p->levels);
	free(p->width);
	free(p->flags);
	free(p);
}

bool layout_prep_rtl(const struct layout_prep *p) { return p->rtl; }

/* End of the cluster that starts at i. */
static size_t layout_cluster_end(const struct layout_prep *p, size_t i)
{
	size_t j = i + 1;
	while (j < p->n && !(p->flags[j] & LAYOUT_CP_CLUSTER))
		j++;
	return j;
}

static int layout_cluster_width(const struct layout_prep *p, size_t i, size_t j)
{
	int w = 0;
	for (; i < j; i++)
		w += p->width[i];
	return w;
}

static bool layout_cluster_is_space(const struct layout_prep *p, size_t i, size_t j)
{
	for (; i < j; i++)
		if (!(p->flags[i] & (LAYOUT_CP_SPACE | LAYOUT_CP_HIDDEN)))
			return false;
	return true;
}

/* Greedy: the longest run from start that ends at a break opportunity and whose width, not
 * counting the white space it ends with, fits. A word wider than the line alone is cut at
 * the last cluster that fits (at least one cluster, so the loop always advances). */
static size_t layout_line_end(const struct layout_prep *p, size_t start, int width)
{
	size_t i = start, best = 0, forced = 0;
	int used = 0, used_ink = 0;

	while (i < p->n) {
		size_t j = layout_cluster_end(p, i);
		int cw = layout_cluster_width(p, i, j);
		bool space = layout_cluster_is_space(p, i, j);

		if (i > start && (p->flags[i] & LAYOUT_CP_BREAK) && used_ink <= width)
			best = i;
		if (!space && used + cw > width)
			break;
		used += cw;
		if (!space)
			used_ink = used;
		if (forced == 0 || used_ink <= width)
			forced = j;
		i = j;
	}
	if (i >= p->n && used_ink <= width)
		return p->n;
	return best > start ? best : (forced > start ? forced : layout_cluster_end(p, start));
}

/* Logical end of the line's ink: its trailing white space is not drawn. */
static size_t layout_ink_end(const struct layout_prep *p, size_t start, size_t end)
{
	while (end > start && (p->flags[end - 1] & (LAYOUT_CP_SPACE | LAYOUT_CP_HIDDEN)))
		end--;
	return end;
}

static void layout_cell_add_cp(struct layout_cell *c, uint32_t cp)
{
	if (c->ncp < LAYOUT_CELL_CPS)
		c->cp[c->ncp++] = cp;
}

static void layout_line_push(struct layout_line *l, size_t *cap, const struct layout_cell *c)
{
	xgrow(&l->cells, cap, l->ncells + 1, sizeof *l->cells);
	l->cells[l->ncells++] = *c;
	l->width += c->width;
}

/* The cell of the cluster [cs, ce): its one spacing code point first (segmenting gave every
 * cluster exactly one: a base, or ◌ under a lone mark), then its marks in logical order. */
static struct layout_cell layout_cluster_cell(const struct layout_prep *p, size_t cs, size_t ce)
{
	struct layout_cell c = {0};

	c.lbeg = p->off[cs];
	c.lend = p->off[ce];
	for (size_t k = cs; k < ce; k++) {
		if (p->flags[k] & LAYOUT_CP_HIDDEN)
			continue;
		if (p->flags[k] & LAYOUT_CP_ORPHAN)
			layout_cell_add_cp(&c, LAYOUT_ORPHAN_BASE);
		layout_cell_add_cp(&c, p->shaped[k]);
		c.width = (uint8_t)(c.width + p->width[k]);
		if (p->flags[k] & LAYOUT_CP_PLACEHOLDER)
			c.flags |= LAYOUT_CELL_PLACEHOLDER;
		if (p->levels[k] & 1)
			c.flags |= LAYOUT_CELL_RTL;
	}
	return c;
}

/* The cells of logical range [start, end) in visual order; map holds the logical index of
 * each visual position. One cell per cluster, placed where its spacing code point lands:
 * reordering may move a mark away from its base (REORDER_NSM across clusters, older FriBidi
 * tables), and the mark must still draw on its base, never as a cell of its own. */
static void layout_emit_cells(const struct layout_prep *p, size_t start, size_t end,
			      const FriBidiStrIndex *map, int width, struct layout_line *l)
{
	size_t cap = 0, ink = layout_ink_end(p, start, end);
	/* where each code point's cluster starts: searching back per code point is quadratic
	 * in a cluster of thousands of hidden code points */
	size_t *cstart = xcalloc(end - start + 1, sizeof *cstart);

	for (size_t i = start; i < end; i++)
		cstart[i - start] = i == start || (p->flags[i] & LAYOUT_CP_CLUSTER) ? i
										      : cstart[i - start - 1];
	for (size_t v = start; v < end; v++) {
		size_t li = (size_t)map[v];
		struct layout_cell c;
		if (li >= ink || p->width[li] == 0)
			continue; /* trailing white space, hidden code points and marks */
		c = layout_cluster_cell(p, cstart[li - start], layout_cluster_end(p, li));
		/* a cluster wider than the whole line (a wide glyph at width 1): a stand-in */
		if (c.width > width)
			c.cp[0] = 0xFFFD, c.ncp = 1, c.width = 1, c.flags |= LAYOUT_CELL_PLACEHOLDER;
		layout_line_push(l, &cap, &c);
	}
	free(cstart);
}

/* Reorder [start, end) on scratch copies and emit its cells. */
static void layout_make_line(const struct layout_prep *p, size_t start, size_t end,
			     FriBidiLevel *levels, uint32_t *vis, FriBidiStrIndex *map, int width,
			     struct layout_line *l)
{
	for (size_t i = start; i < end; i++)
		map[i] = (FriBidiStrIndex)i, vis[i] = p->shaped[i];
	if (p->reorder && end > start &&
	    fribidi_reorder_line(FRIBIDI_FLAG_REORDER_NSM, p->types, (FriBidiStrIndex)(end - start),
				 (FriBidiStrIndex)start, p->base, levels, vis, map) == 0)
		for (size_t i = start; i < end; i++) /* out of memory in FriBidi: logical order */
			map[i] = (FriBidiStrIndex)i, vis[i] = p->shaped[i];
	memset(l, 0, sizeof *l);
	l->lbeg = p->off[start];
	l->lend = p->off[end];
	l->rtl = p->rtl && p->reorder;
	layout_emit_cells(p, start, end, map, width, l);
}

static struct layout_line *layout_para_push(struct layout_para *out)
{
	xgrow(&out->lines, &out->cap, out->nlines + 1, sizeof *out->lines);
	return &out->lines[out->nlines++];
}

void layout_wrap(const struct layout_prep *p, int width, int align_width, struct layout_para *out)
{
	FriBidiLevel *levels = xcalloc(p->n + 1, sizeof *levels);
	uint32_t *vis = xcalloc(p->n + 1, sizeof *vis);
	FriBidiStrIndex *map = xcalloc(p->n + 1, sizeof *map);
	size_t start = 0;

	if (width < 1)
		width = 1;
	out->rtl = p->rtl;
	memcpy(levels, p->levels, p->n * sizeof *levels);
	do {
		size_t end = p->n > 0 ? layout_line_end(p, start, width) : 0;
		struct layout_line *l = layout_para_push(out);
		layout_make_line(p, start, end, levels, vis, map, width, l);
		if (p->rtl && p->reorder && align_width > l->width)
			l->indent = align_width - l->width;
		start = end;
	} while (start < p->n);
	free(levels);
	free(vis);
	free(map);
}

void layout_para_free(struct layout_para *out)
{
	for (size_t i = 0; i < out->nlines; i++)
		free(out->lines[i].cells);
	free(out->lines);
	memset(out, 0, sizeof *out);
}

void layout_paragraph(const char *text, size_t len, const struct layout_opts *o, int width,
		      struct layout_para *out)
{
	struct layout_prep *p = layout_prepare(text, len, o);
	layout_wrap(p, width, width, out);
	layout_prep_free(p);
}

void layout_line_free(struct layout_line *l)
{
	free(l->cells);
	memset(l, 0, sizeof *l);
}

/* Longest logical prefix, at a cluster boundary, whose ink fits in width columns. */
static size_t layout_prefix_fitting(const struct layout_prep *p, int width)
{
	size_t i = 0, best = 0;
	int used = 0;
	while (i < p->n) {
		size_t j = layout_cluster_end(p, i);
		used += layout_cluster_width(p, i, j);
		if (used > width)
			break;
		best = j;
		i = j;
	}
	return best;
}

void layout_single_line(const char *text, size_t len, const struct layout_opts *o, int width,
			struct layout_line *out)
{
	struct layout_prep *p = layout_prepare(text, len, o);
	FriBidiLevel *levels = xcalloc(p->n + 1, sizeof *levels);
	uint32_t *vis = xcalloc(p->n + 1, sizeof *vis);
	FriBidiStrIndex *map = xcalloc(p->n + 1, sizeof *map);
	size_t end = p->n;
	bool cut = false;

	if (width < 1)
		width = 1;
	memcpy(levels, p->levels, p->n * sizeof *levels);
	if (layout_cluster_width(p, 0, layout_ink_end(p, 0, p->n)) > width) {
		end = layout_ink_end(p, 0, layout_prefix_fitting(p, width - 1));
		cut = true;
	}
	layout_make_line(p, 0, end, levels, vis, map, width, out);
	out->lend = p->off[p->n];
	if (cut) {
		/* the ellipsis stands at the logical end: the left of a right-to-left line */
		struct layout_cell e = {.cp = {LAYOUT_ELLIPSIS}, .ncp = 1, .width = 1,
					.lbeg = p->off[end], .lend = p->off[p->n]};
		size_t cap = out->ncells;
		layout_line_push(out, &cap, &e);
		if (p->rtl && p->reorder) {
			memmove(out->cells + 1, out->cells, (out->ncells - 1) * sizeof *out->cells);
			out->cells[0] = e;
		}
	}
	free(levels);
	free(vis);
	free(map);
	layout_prep_free(p);
}

static void layout_put_utf8(struct strbuf *out, uint32_t cp)
{
	char b[4];
	strbuf_append(out, b, text_encode(cp, b));
}

void layout_line_to_utf8(const struct layout_line *l, bool with_indent, struct strbuf *out)
{
	for (int i = 0; with_indent && i < l->indent; i++)
		strbuf_appendc(out, ' ');
	for (size_t i = 0; i < l->ncells; i++)
		for (size_t k = 0; k < l->cells[i].ncp; k++)
			layout_put_utf8(out, l->cells[i].cp[k]);
	if (out->data == NULL)
		strbuf_append(out, "", 0);
}

static FriBidiParType layout_test_dir(int dir)
{
	return dir == 0 ? FRIBIDI_PAR_LTR : dir == 1 ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_ON;
}

/* Levels after L1, as BidiCharacterTest.txt states them (-1: removed by X9). */
static int layout_test_run(const uint32_t *cps, size_t n, int dir, FriBidiLevel *lv,
			   FriBidiCharType *types, FriBidiStrIndex *map)
{
	FriBidiBracketType *br = xcalloc(n + 1, sizeof *br);
	FriBidiParType base = layout_test_dir(dir);
	uint32_t *vis = xcalloc(n + 1, sizeof *vis);

	fribidi_get_bidi_types(cps, (FriBidiStrIndex)n, types);
	fribidi_get_bracket_types(cps, (FriBidiStrIndex)n, types, br);
	for (size_t i = 0; i < n; i++)
		map[i] = (FriBidiStrIndex)i, vis[i] = cps[i];
	if (fribidi_get_par_embedding_levels_ex(types, br, (FriBidiStrIndex)n, &base, lv) == 0 ||
	    fribidi_reorder_line(0, types, (FriBidiStrIndex)n, 0, base, lv, vis, map) == 0)
		base = FRIBIDI_PAR_ON; /* reported as a failure by the caller's comparison */
	free(br);
	free(vis);
	return FRIBIDI_IS_RTL(base) ? 1 : 0;
}

int layout_bidi_levels(const uint32_t *cps, size_t n, int dir, int *levels)
{
	FriBidiLevel *lv = xcalloc(n + 1, sizeof *lv);
	FriBidiCharType *types = xcalloc(n + 1, sizeof *types);
	FriBidiStrIndex *map = xcalloc(n + 1, sizeof *map);
	int par = layout_test_run(cps, n, dir, lv, types, map);

	for (size_t i = 0; i < n; i++)
		levels[i] = FRIBIDI_IS_EXPLICIT_OR_BN(types[i]) ? -1 : lv[i];
	free(lv);
	free(types);
	free(map);
	return par;
}

void layout_bidi_reorder(const uint32_t *cps, size_t n, int dir, size_t *order, size_t *norder)
{
	FriBidiLevel *lv = xcalloc(n + 1, sizeof *lv);
	FriBidiCharType *types = xcalloc(n + 1, sizeof *types);
	FriBidiStrIndex *map = xcalloc(n + 1, sizeof *map);

	layout_test_run(cps, n, dir, lv, types, map);
	*norder = 0;
	for (size_t v = 0; v < n; v++)
		if (!FRIBIDI_IS_EXPLICIT_OR_BN(types[map[v]]))
			order[(*norder)++] = (size_t)map[v];
	free(lv);
	free(types);
	free(map);
}
