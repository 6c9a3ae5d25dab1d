/* fuzz_layout.c - the rendering layer on any bytes at any width.
 *
 * Input: byte 0 picks the width (1-200), byte 1 the options (direction, reorder, shape), the
 * rest is the paragraph. Invariants: lines cover the paragraph contiguously in logical order;
 * no line is wider than the width; every cell is 1 or 2 columns, maps back to a non-empty byte
 * range inside its line and draws no control, bidi control or U+FEFF; re-wrapping a prepared
 * paragraph gives the same lines; a single line with its ellipsis fits. */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "qari/layout.h"

static bool fuzz_layout_drawable(uint32_t cp)
{
	return cp != 0 && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF) &&
	       !fuzz_is_control(cp) && !fuzz_is_bidi_control(cp);
}

static void fuzz_layout_check_cell(const struct layout_cell *c, const struct layout_line *l)
{
	FUZZ_CHECK(c->width == 1 || c->width == 2);
	FUZZ_CHECK(c->ncp >= 1 && c->ncp <= LAYOUT_CELL_CPS);
	FUZZ_CHECK(c->lbeg < c->lend);
	FUZZ_CHECK(c->lbeg >= l->lbeg && c->lend <= l->lend);
	for (size_t k = 0; k < c->ncp; k++)
		FUZZ_CHECK(fuzz_layout_drawable(c->cp[k]));
}

static void fuzz_layout_check_line(const struct layout_line *l, int width, bool logical_order)
{
	int sum = 0;

	FUZZ_CHECK(l->lbeg <= l->lend);
	FUZZ_CHECK(l->indent >= 0 && l->width >= 0);
	FUZZ_CHECK(l->width + l->indent <= width);
	for (size_t i = 0; i < l->ncells; i++) {
		fuzz_layout_check_cell(&l->cells[i], l);
		sum += l->cells[i].width;
		/* without reordering the cells stay in logical order */
		if (logical_order && i > 0)
			FUZZ_CHECK(l->cells[i].lbeg >= l->cells[i - 1].lbeg);
	}
	FUZZ_CHECK(sum == l->width);
}

static void fuzz_layout_check_para(const struct layout_para *lp, size_t len, int width,
				   const struct layout_opts *o)
{
	FUZZ_CHECK(lp->nlines >= 1);
	FUZZ_CHECK(lp->lines[0].lbeg == 0);
	FUZZ_CHECK(lp->lines[lp->nlines - 1].lend == len);
	for (size_t i = 0; i < lp->nlines; i++) {
		const struct layout_line *l = &lp->lines[i];
		/* only the empty paragraph has an empty line */
		FUZZ_CHECK(l->lbeg < l->lend || (len == 0 && lp->nlines == 1));
		if (i + 1 < lp->nlines)
			FUZZ_CHECK(l->lend == lp->lines[i + 1].lbeg);
		FUZZ_CHECK(l->rtl == (lp->rtl && o->reorder));
		fuzz_layout_check_line(l, width, !o->reorder);
	}
}

static bool fuzz_layout_same(const struct layout_para *a, const struct layout_para *b)
{
	if (a->nlines != b->nlines || a->rtl != b->rtl)
		return false;
	for (size_t i = 0; i < a->nlines; i++) {
		const struct layout_line *x = &a->lines[i], *y = &b->lines[i];
		if (x->ncells != y->ncells || x->width != y->width || x->indent != y->indent ||
		    x->lbeg != y->lbeg || x->lend != y->lend || x->rtl != y->rtl)
			return false;
		for (size_t k = 0; k < x->ncells; k++)
			if (memcmp(x->cells[k].cp, y->cells[k].cp, sizeof x->cells[k].cp) != 0 ||
			    x->cells[k].ncp != y->cells[k].ncp ||
			    x->cells[k].width != y->cells[k].width ||
			    x->cells[k].flags != y->cells[k].flags ||
			    x->cells[k].lbeg != y->cells[k].lbeg || x->cells[k].lend != y->cells[k].lend)
				return false;
	}
	return true;
}

static void fuzz_layout_wrap(const char *text, size_t len, const struct layout_opts *o, int width)
{
	struct layout_prep *p = layout_prepare(text, len, o);
	struct layout_para a = {0}, other = {0}, again = {0}, oneshot = {0};
	int width2 = width > 1 ? width / 2 : 7;

	layout_wrap(p, width, width, &a);
	fuzz_layout_check_para(&a, len, width, o);
	/* a resize and back must give the same lines: levels are edited per wrap on a copy */
	layout_wrap(p, width2, width2, &other);
	fuzz_layout_check_para(&other, len, width2, o);
	layout_wrap(p, width, width, &again);
	FUZZ_CHECK(fuzz_layout_same(&a, &again));
	layout_paragraph(text, len, o, width, &oneshot);
	FUZZ_CHECK(fuzz_layout_same(&a, &oneshot));
	layout_para_free(&a);
	layout_para_free(&other);
	layout_para_free(&again);
	layout_para_free(&oneshot);
	layout_prep_free(p);
}

static void fuzz_layout_single(const char *text, size_t len, const struct layout_opts *o,
			       int width)
{
	struct layout_line l = {0};

	layout_single_line(text, len, o, width, &l);
	FUZZ_CHECK(l.lbeg == 0 && l.lend == len);
	for (size_t i = 0; i < l.ncells; i++) {
		const struct layout_cell *c = &l.cells[i];
		FUZZ_CHECK(c->width == 1 || c->width == 2);
		FUZZ_CHECK(c->lbeg < c->lend && c->lend <= len);
		for (size_t k = 0; k < c->ncp; k++)
			FUZZ_CHECK(fuzz_layout_drawable(c->cp[k]));
	}
	FUZZ_CHECK(l.width + l.indent <= width);
	layout_line_free(&l);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct layout_opts o;
	int width;

	if (size < 2)
		return 0;
	width = 1 + data[0] % 200;
	o.dir = (data[1] & 3) == 1 ? LAYOUT_DIR_LTR : (data[1] & 3) == 2 ? LAYOUT_DIR_RTL
										 : LAYOUT_DIR_AUTO;
	o.reorder = !(data[1] & 4);
	o.shape = !(data[1] & 8);
	fuzz_layout_wrap((const char *)data + 2, size - 2, &o, width);
	fuzz_layout_single((const char *)data + 2, size - 2, &o, width);
	return 0;
}
