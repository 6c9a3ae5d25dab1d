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
	uint32_t *shaped;       /* after mirroring and Arabic shaping, still logical order */
	uint32_t *off;          /* byte offset of each code point; off[n] = text length */
	FriBidiCharType *types;
	FriBidiLevel *levels;   /* pristine paragraph levels: L1 edits a copy per wrap */
	uint8_t *width;         /* columns of each code point as drawn (0 hidden or mark) */
	uint8_t *flags;         /* enum layout_cp_flag */
	FriBidiParType base;
	bool rtl, reorder;
	/* the arrays follow the struct in the same allocation */
};

/* What preparing needs only while it runs, carved from one allocation per paragraph: a dozen
 * small mallocs and frees per paragraph cost an eighth of layout time. */
struct layout_scratch {
	uint32_t *cps;          /* sanitised logical code points */
	uint32_t *off;          /* as in the prep, until its size is known */
	FriBidiBracketType *brackets;
	uint8_t *flags;
	FriBidiArabicProp *props;
	char *gb, *lb;          /* grapheme and line break opportunities */
	int8_t *width;          /* of each shaped code point, as cells_width */
	uint32_t *lcps, *lidx;  /* what line breaking is asked about, and where each came from */
	char *lbc;              /* its answers */
	uint32_t *url;          /* the URLs as code point ranges [url[2k], url[2k + 1]) */
	size_t nurl, urlcap;
	void *block;
};

_Static_assert(sizeof(FriBidiCharType) == 4 && sizeof(FriBidiBracketType) == 4 &&
		       sizeof(FriBidiStrIndex) == 4 && sizeof(FriBidiLevel) == 1 &&
		       sizeof(FriBidiArabicProp) == 1,
	       "the carved blocks are sized for FriBidi's types as 4 and 1 bytes");

/* Bytes n elements of size take in a carved block: a multiple of 8 keeps the next aligned. */
static size_t layout_span(size_t n, size_t size) { return (n * size + 7) & ~(size_t)7; }

/* n elements of size bytes at *cursor, which moves past them. */
static void *layout_carve(char **cursor, size_t n, size_t size)
{
	void *p = *cursor;
	*cursor += layout_span(n, size);
	return p;
}

/* Room for len + 1 of each scratch array: a code point takes at least one byte. */
static void layout_scratch_init(struct layout_scratch *s, size_t len)
{
	size_t m = len + 1;
	char *c = s->block = xmalloc(5 * layout_span(m, 4) + 6 * layout_span(m, 1));

	s->cps = layout_carve(&c, m, sizeof *s->cps);
	s->off = layout_carve(&c, m, sizeof *s->off);
	s->brackets = layout_carve(&c, m, sizeof *s->brackets);
	s->flags = layout_carve(&c, m, 1);
	s->props = layout_carve(&c, m, sizeof *s->props);
	s->gb = layout_carve(&c, m, 1);
	s->lb = layout_carve(&c, m, 1);
	s->width = layout_carve(&c, m, 1);
	s->lcps = layout_carve(&c, m, sizeof *s->lcps);
	s->lidx = layout_carve(&c, m, sizeof *s->lidx);
	s->lbc = layout_carve(&c, m, 1);
	s->url = NULL;
	s->nurl = s->urlcap = 0;
}

/* The prep and its arrays in one allocation, for n code points. */
static struct layout_prep *layout_prep_new(size_t n)
{
	size_t m = n + 1, arrays = 3 * layout_span(m, 4) + 3 * layout_span(m, 1);
	struct layout_prep *p = xmalloc(sizeof *p + arrays);
	char *c = (char *)(p + 1);

	memset(p, 0, sizeof *p);
	p->n = n;
	p->shaped = layout_carve(&c, m, sizeof *p->shaped);
	p->off = layout_carve(&c, m, sizeof *p->off);
	p->types = layout_carve(&c, m, sizeof *p->types);
	p->levels = layout_carve(&c, m, sizeof *p->levels);
	p->width = layout_carve(&c, m, 1);
	p->flags = layout_carve(&c, m, 1);
	p->shaped[n] = p->off[n] = 0, p->types[n] = 0, p->levels[n] = 0;
	p->width[n] = p->flags[n] = 0;
	return p;
}

_Static_assert((int)CELLS_SHOWN_HIDDEN == (int)LAYOUT_CP_HIDDEN &&
		       (int)CELLS_SHOWN_STANDIN == (int)LAYOUT_CP_PLACEHOLDER,
	       "cells_display_run's answers are the code point flags");

/* Decode and neutralise: tab and line separators become spaces, other controls pictures.
 * ASCII and two-byte sequences (Arabic) inline, the rest by text_decode. Returns the
 * number of code points. */
static size_t layout_decode(struct layout_scratch *s, const char *text, size_t len)
{
	const unsigned char *u = (const unsigned char *)text;
	size_t i = 0, n = 0;

	while (i < len) {
		uint32_t cp;
		s->off[n] = (uint32_t)i;
		if (u[i] < 0x80) {
			cp = u[i++];
		} else if (u[i] >= 0xC2 && u[i] <= 0xDF && i + 1 < len && (u[i + 1] & 0xC0) == 0x80) {
			cp = ((u[i] & 0x1Fu) << 6) | (u[i + 1] & 0x3Fu);
			i += 2;
		} else {
			i += (size_t)text_decode(text + i, len - i, &cp);
		}
		if (cp == '\t' || cp == 0x2028 || cp == 0x2029)
			cp = ' ';
		s->cps[n++] = cp;
	}
	s->off[n] = (uint32_t)len;
	cells_display_run(s->cps, n, s->flags);
	return n;
}

static FriBidiParType layout_par_type(enum layout_dir dir)
{
	return dir == LAYOUT_DIR_RTL ? FRIBIDI_PAR_RTL
	       : dir == LAYOUT_DIR_LTR ? FRIBIDI_PAR_LTR : FRIBIDI_PAR_ON;
}

static bool layout_is_number(FriBidiCharType t)
{
	return t == FRIBIDI_TYPE_EN || t == FRIBIDI_TYPE_AN;
}

static bool layout_is_separator(FriBidiCharType t)
{
	return t == FRIBIDI_TYPE_ES || t == FRIBIDI_TYPE_ET || t == FRIBIDI_TYPE_CS;
}

/* The level of a separator or terminator at i in the closed form below, or -1 when rules
 * W4-W5 need more than its neighbours: a terminator next to a European number (W5), a run
 * of them next to a number. Marks take the type before them (W1): left is the last type
 * that is not a mark, and marks after i lengthen its run. al: the last strong letter before
 * i is AL. */
static int layout_separator_level(const FriBidiCharType *t, size_t n, size_t i,
				  FriBidiCharType left, bool al)
{
	size_t j = i + 1;
	FriBidiCharType right;
	bool run; /* i is not a single separator */

	while (j < n && t[j] == FRIBIDI_TYPE_NSM)
		j++;
	right = j < n ? t[j] : FRIBIDI_TYPE_ON;
	run = j > i + 1 || layout_is_separator(left) || layout_is_separator(right);
	/* after AL every European number is Arabic (W2): W5 finds none to join a terminator to */
	if ((!layout_is_number(left) && !layout_is_number(right)) || (t[i] == FRIBIDI_TYPE_ET && al))
		return 1;
	if (t[i] == FRIBIDI_TYPE_ET || run)
		return -1;
	if (!layout_is_number(left) || !layout_is_number(right))
		return 1;
	/* W4: a single separator between two numbers of one type (after W2) is a number */
	left = left == FRIBIDI_TYPE_EN && !al ? FRIBIDI_TYPE_EN : FRIBIDI_TYPE_AN;
	right = right == FRIBIDI_TYPE_EN && !al ? FRIBIDI_TYPE_EN : FRIBIDI_TYPE_AN;
	return left == right && (t[i] == FRIBIDI_TYPE_CS || left == FRIBIDI_TYPE_EN) ? 2 : 1;
}

/* UAX #9 in closed form for most Arabic news text: a right-to-left paragraph with no
 * left-to-right letter, explicit embedding, isolate or boundary neutral. Its only
 * strong direction is R (sos and eos too), so N0-N2 resolve every neutral to R: level 1;
 * numbers, marks on them (W1) and separators W4 joins to them are at level 2 (I2). Returns
 * false when the paragraph is not such, or the closed form would need more (W5). */
static bool layout_levels_rtl(const FriBidiCharType *t, size_t n, FriBidiParType base,
			      FriBidiLevel *levels)
{
	bool strong = base == FRIBIDI_PAR_RTL, al = false;
	int level = 1; /* of the character before: a mark takes it (W1) */
	FriBidiCharType last = FRIBIDI_TYPE_ON; /* the type before that is not a mark (sos: R) */

	if (base != FRIBIDI_PAR_RTL && base != FRIBIDI_PAR_ON)
		return false;
	for (size_t i = 0; i < n; i++) {
		FriBidiCharType c = t[i];
		if (c == FRIBIDI_TYPE_AL || c == FRIBIDI_TYPE_RTL)
			strong = true, al = c == FRIBIDI_TYPE_AL, level = 1;
		else if (c == FRIBIDI_TYPE_WS || c == FRIBIDI_TYPE_ON)
			level = 1;
		else if (layout_is_number(c))
			level = 2;
		else if (layout_is_separator(c))
			level = layout_separator_level(t, n, i, last, al);
		else if (c != FRIBIDI_TYPE_NSM)
			return false; /* L, explicit embeddings and isolates, BN, B, S */
		if (level < 0)
			return false;
		if (c != FRIBIDI_TYPE_NSM)
			last = c;
		levels[i] = (FriBidiLevel)level;
	}
	return strong; /* P2-P3: with no strong letter an automatic paragraph is LTR */
}

/* A URL is a left-to-right isolate, as if between LRI and PDI: an Arabic slug keeps its place
 * in the address instead of being reordered with the prose around it. The paragraph sees
 * the URL as a run of neutrals, as UAX #9 sees an isolate (its brackets pair with nothing
 * outside); the URL's own levels are resolved apart, as a left-to-right paragraph raised to
 * the least even level above the paragraph's (X5a). Explicit controls never reach layout,
 * so the paragraph's level is 0 or 1 and the URL's starts at 2. */
static void layout_find_urls(struct layout_scratch *s, const char *text, size_t len, size_t n)
{
	size_t from = 0, beg, end, i = 0;

	while (text_find_url(text, len, from, &beg, &end)) {
		xgrow(&s->url, &s->urlcap, s->nurl + 2, sizeof *s->url);
		while (i < n && s->off[i] < beg)
			i++;
		s->url[s->nurl++] = (uint32_t)i;
		while (i < n && s->off[i] < end)
			i++;
		s->url[s->nurl++] = (uint32_t)i;
		from = end;
	}
}

static void layout_urls_neutral(const struct layout_scratch *s, FriBidiCharType *types)
{
	for (size_t k = 0; k < s->nurl; k += 2)
		for (size_t i = s->url[k]; i < s->url[k + 1]; i++)
			types[i] = FRIBIDI_TYPE_ON;
}

static void layout_urls_levels(struct layout_prep *p, struct layout_scratch *s)
{
	enum { URL_LEVEL = 2 };

	for (size_t k = 0; k < s->nurl; k += 2) {
		size_t b = s->url[k];
		FriBidiStrIndex m = (FriBidiStrIndex)(s->url[k + 1] - b);
		FriBidiParType base = FRIBIDI_PAR_LTR;
		fribidi_get_bidi_types(s->cps + b, m, p->types + b);
		fribidi_get_bracket_types(s->cps + b, m, p->types + b, s->brackets + b);
		if (fribidi_get_par_embedding_levels_ex(p->types + b, s->brackets + b, m, &base,
							p->levels + b) == 0)
			memset(p->levels + b, 0, (size_t)m);
		for (FriBidiStrIndex i = 0; i < m; i++)
			p->levels[b + (size_t)i] += URL_LEVEL;
	}
}

/* Paragraph levels (X1-I2 with brackets, BD16) from the types; *base in: requested, out:
 * resolved (ON: no strong character). urls: the URLs' ranges, whose brackets pair with
 * nothing (NULL: none). Returns 0 when FriBidi fails (out of memory). */
static FriBidiLevel layout_par_levels(const uint32_t *cps, const FriBidiCharType *types,
				      size_t n, FriBidiBracketType *brackets,
				      FriBidiParType *base, FriBidiLevel *levels,
				      const struct layout_scratch *urls)
{
	if (n > 0 && layout_levels_rtl(types, n, *base, levels)) {
		*base = FRIBIDI_PAR_RTL;
		return 2;
	}
	fribidi_get_bracket_types(cps, (FriBidiStrIndex)n, types, brackets);
	for (size_t k = 0; urls && k < urls->nurl; k += 2)
		for (size_t i = urls->url[k]; i < urls->url[k + 1]; i++)
			brackets[i] = FRIBIDI_NO_BRACKET;
	return fribidi_get_par_embedding_levels_ex(types, brackets, (FriBidiStrIndex)n, base,
						   levels);
}

/* Embedding levels once per paragraph. */
static void layout_levels(struct layout_prep *p, struct layout_scratch *s, enum layout_dir dir)
{
	p->base = layout_par_type(dir);
	fribidi_get_bidi_types(s->cps, (FriBidiStrIndex)p->n, p->types);
	layout_urls_neutral(s, p->types);
	if (p->n > 0 && layout_par_levels(s->cps, p->types, p->n, s->brackets, &p->base,
					  p->levels, s) == 0) {
		p->base = dir == LAYOUT_DIR_RTL ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
		memset(p->levels, FRIBIDI_IS_RTL(p->base) ? 1 : 0, p->n);
	}
	/* with no strong character the base comes back ON: P3 says LTR */
	p->rtl = FRIBIDI_IS_RTL(p->base);
	p->base = p->rtl ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
	layout_urls_levels(p, s);
}

/* Rule L4 as fribidi_shape_mirroring applies it, asking only about neutrals: every
 * character FriBidi mirrors is one (a unit test checks), and most of a right-to-left
 * paragraph is letters. */
static void layout_mirror(struct layout_prep *p)
{
	for (size_t i = 0; i < p->n; i++) {
		FriBidiChar m;
		if ((p->levels[i] & 1) && p->types[i] == FRIBIDI_TYPE_ON &&
		    fribidi_get_mirror_char(p->shaped[i], &m))
			p->shaped[i] = m;
	}
}

/* Arabic shaping and mirroring in logical order, on the paragraph's levels. */
static void layout_shape(struct layout_prep *p, struct layout_scratch *s, bool shape)
{
	memcpy(p->shaped, s->cps, p->n * sizeof *s->cps);
	if (!p->reorder || p->n == 0)
		return; /* a bidi terminal mirrors and shapes by itself */
	if (shape) {
		fribidi_get_joining_types(s->cps, (FriBidiStrIndex)p->n, s->props);
		fribidi_join_arabic(p->types, (FriBidiStrIndex)p->n, p->levels, s->props);
		fribidi_shape(FRIBIDI_FLAGS_ARABIC, p->levels, (FriBidiStrIndex)p->n, s->props,
			      p->shaped);
	}
	layout_mirror(p);
}

void layout_cluster_breaks(const uint32_t *cps, size_t n, char *breaks)
{
	if (n == 0)
		return;
	if (!cells_cluster_breaks(cps, n, breaks))
		u32_grapheme_breaks(cps, n, breaks);
	breaks[0] = 1;
}

/* Letters (class AL) and marks (CM) of UAX #14 whose number never matters: AL × AL and
 * AL CM* as AL (LB28, LB9), and no rule looks further back than the last of them. */
static bool layout_is_plain_letter(uint32_t cp)
{
	return (cp >= 0x0621 && cp <= 0x063A) || (cp >= 0x0641 && cp <= 0x064A) ||
	       (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
}

static bool layout_is_plain_mark(uint32_t cp)
{
	return (cp >= 0x064B && cp <= 0x065F) || cp == 0x0670;
}

/* Break opportunities (UAX #14, libunistring) into lb. A word's letters and marks reach
 * libunistring as its first letter alone: none of the others can take a break, and the
 * rules see the same classes around the one that stays. A third of the code points.
 * lcps, lidx and lbc: room for n, what is asked, where it came from and the answers. */
static void layout_linebreaks(const uint32_t *cps, size_t n, uint32_t *lcps, uint32_t *lidx,
			      char *lbc, char *lb)
{
	size_t m = 0;
	bool word = false; /* the code point before is in a word's run of letters and marks */

	for (size_t i = 0; i < n; i++) {
		uint32_t cp = cps[i];
		bool letter = layout_is_plain_letter(cp);
		bool plain = letter | layout_is_plain_mark(cp);
		/* stored always, kept by moving on: no branch to mispredict per code point */
		lcps[m] = cp;
		lidx[m] = (uint32_t)i;
		m += !(word & plain);
		word = letter | (word & plain);
	}
	u32_possible_linebreaks(lcps, m, "UTF-8", lbc);
	memset(lb, UC_BREAK_PROHIBITED, n);
	for (size_t k = 0; k < m; k++)
		lb[lidx[k]] = lbc[k];
}

void layout_line_breaks(const uint32_t *cps, size_t n, char *breaks)
{
	uint32_t *lcps = xcalloc(n + 1, sizeof *lcps), *lidx = xcalloc(n + 1, sizeof *lidx);
	char *lbc = xcalloc(n + 1, 1);

	layout_linebreaks(cps, n, lcps, lidx, lbc, breaks);
	free(lcps);
	free(lidx);
	free(lbc);
}

/* Clusters, break opportunities and widths: everything line breaking needs. */
static void layout_segment(struct layout_prep *p, const struct layout_scratch *s)
{
	/* locals: stores through the byte arrays could otherwise alias the prep's fields */
	const uint32_t *cps = s->cps, *shaped = p->shaped;
	const char *gb = s->gb, *lb = s->lb;
	const int8_t *cw = s->width;
	const FriBidiLevel *levels = p->levels;
	const FriBidiCharType *types = p->types;
	uint8_t *flags = p->flags, *width = p->width;
	size_t n = p->n, cs = 0; /* cs: where the current cluster starts */
	bool reorder = p->reorder, ink = false; /* ink: the cluster has a spacing code point */
	bool after_fill = false; /* the code point before is a lam that took a ligature */

	if (n > 0) {
		layout_cluster_breaks(cps, n, s->gb);
		layout_linebreaks(cps, n, s->lcps, s->lidx, s->lbc, s->lb);
	}
	cells_width_run(shaped, n, s->width);
	for (size_t i = 0; i < n; i++) {
		uint8_t f = flags[i];
		int w = (f & LAYOUT_CP_HIDDEN) ? 0 : cw[i];
		/* shaping leaves FILL where a lam joined the next alef: one cluster, one cell. The
		 * lam starts it even after a prepended mark (U+0603), whose own cell it is not */
		bool fill = shaped[i] == FRIBIDI_CHAR_FILL && cps[i] != FRIBIDI_CHAR_FILL;
		if (fill)
			f |= LAYOUT_CP_HIDDEN | LAYOUT_CP_CLUSTER, w = 0;
		if (gb[i] || i == 0)
			f |= LAYOUT_CP_CLUSTER;
		/* at another level than its cluster's start it is reordered apart from it (a mark
		 * FriBidi's older tables take for a letter, U+07FD): a cluster of its own */
		if (reorder && !(f & (LAYOUT_CP_CLUSTER | LAYOUT_CP_HIDDEN)) && levels[i] != levels[cs])
			f |= LAYOUT_CP_CLUSTER;
		if (f & LAYOUT_CP_CLUSTER)
			cs = i;
		if (lb[i] == UC_BREAK_POSSIBLE || lb[i] == UC_BREAK_MANDATORY)
			f |= LAYOUT_CP_BREAK;
		if (types[i] == FRIBIDI_TYPE_WS || cps[i] == ' ')
			f |= LAYOUT_CP_SPACE;
		if (w < 0)
			w = 1; /* cannot happen after sanitising; never let a width go negative */
		if (f & LAYOUT_CP_CLUSTER)
			ink = false;
		/* a mark with nothing spacing before it in its cluster (at its start, or after
		 * hidden ZWJ or bidi controls) goes on ◌: never a cell of no width */
		if (w == 0 && !ink && !(f & LAYOUT_CP_HIDDEN))
			f |= LAYOUT_CP_ORPHAN, w = 1;
		/* a second spacing character (emoji ZWJ sequence, U+0603 + base) gets its own cell:
		 * let a line break there too, or a cluster wider than the line never fits */
		else if (w > 0 && ink)
			f |= LAYOUT_CP_CLUSTER;
		ink = ink || w > 0;
		/* the alef that took the ligature joins the lam's cluster: one cell, both letters
		 * (after the flag served this loop as a cluster start) */
		if (after_fill)
			f &= (uint8_t)~LAYOUT_CP_CLUSTER;
		after_fill = fill;
		flags[i] = f;
		width[i] = (uint8_t)w;
	}
}

struct layout_prep *layout_prepare(const char *text, size_t len, const struct layout_opts *o)
{
	struct layout_scratch s;
	struct layout_prep *p;
	size_t n;

	layout_scratch_init(&s, len);
	n = layout_decode(&s, text, len);
	p = layout_prep_new(n);
	memcpy(p->off, s.off, (n + 1) * sizeof *p->off);
	memcpy(p->flags, s.flags, n);
	p->reorder = o->reorder;
	layout_find_urls(&s, text, len, n);
	layout_levels(p, &s, o->dir);
	layout_shape(p, &s, o->shape);
	layout_segment(p, &s);
	free(s.url);
	free(s.block);
	return p;
}

void layout_prep_free(struct layout_prep *p) { free(p); }

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

/* The cluster that starts at i in one pass: its end; *w its width, *space whether it holds
 * only white space and hidden code points. */
static size_t layout_cluster_scan(const struct layout_prep *p, size_t i, int *w, bool *space)
{
	const uint8_t *flags = p->flags, *width = p->width;
	size_t n = p->n;
	int sum = 0;
	bool sp = true;

	do {
		sum += width[i];
		sp = sp && (flags[i] & (LAYOUT_CP_SPACE | LAYOUT_CP_HIDDEN));
		i++;
	} while (i < n && !(flags[i] & LAYOUT_CP_CLUSTER));
	*w = sum;
	*space = sp;
	return i;
}

/* Greedy: the longest run from start that ends at a break opportunity and whose width, not
 * counting the white space it ends with, fits. A word wider than the line alone is cut at
 * the last cluster that fits (at least one cluster, so the loop always advances). */
static size_t layout_line_end(const struct layout_prep *p, size_t start, int width)
{
	size_t i = start, best = 0, forced = 0;
	int used = 0, used_ink = 0;

	while (i < p->n) {
		int cw;
		bool space;
		size_t j = layout_cluster_scan(p, i, &cw, &space);

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

/* The cell of the cluster that starts at cs: its one spacing code point first (segmenting
 * gave every cluster exactly one: a base, or ◌ under a lone mark), then its marks in logical
 * order. */
static void layout_cluster_cell(const struct layout_prep *p, size_t cs, struct layout_cell *c)
{
	size_t k = cs;

	memset(c, 0, sizeof *c);
	c->lbeg = p->off[cs];
	do {
		uint8_t f = p->flags[k];
		if (f & LAYOUT_CP_HIDDEN)
			continue;
		if (f & LAYOUT_CP_ORPHAN)
			layout_cell_add_cp(c, LAYOUT_ORPHAN_BASE);
		layout_cell_add_cp(c, p->shaped[k]);
		c->width = (uint8_t)(c->width + p->width[k]);
		if (f & LAYOUT_CP_PLACEHOLDER)
			c->flags |= LAYOUT_CELL_PLACEHOLDER;
		if (p->levels[k] & 1)
			c->flags |= LAYOUT_CELL_RTL;
	} while (++k < p->n && !(p->flags[k] & LAYOUT_CP_CLUSTER));
	c->lend = p->off[k];
}

/* Per wrap, not per line: one allocation for the copy of the levels that rule L1 edits,
 * the visual-to-logical map and the start of each code point's cluster. */
struct layout_wrap_scratch {
	FriBidiLevel *levels;
	FriBidiStrIndex *map;
	uint32_t *cstart; /* where each code point's cluster starts */
	void *block;
};

static void layout_wrap_scratch_init(struct layout_wrap_scratch *w, const struct layout_prep *p)
{
	size_t m = p->n + 1;
	char *c = w->block = xmalloc(2 * layout_span(m, 4) + layout_span(m, 1));

	w->map = layout_carve(&c, m, sizeof *w->map);
	w->cstart = layout_carve(&c, m, sizeof *w->cstart);
	w->levels = layout_carve(&c, m, sizeof *w->levels);
	memcpy(w->levels, p->levels, p->n * sizeof *w->levels);
	/* searching back per code point would be quadratic in a cluster of thousands of hidden
	 * code points; lines start on clusters, so the paragraph's starts serve every line */
	for (size_t i = 0; i < p->n; i++)
		w->cstart[i] = i == 0 || (p->flags[i] & LAYOUT_CP_CLUSTER) ? (uint32_t)i
									 : w->cstart[i - 1];
}

/* The cells of logical range [start, end) in visual order; map holds the logical index of
 * each visual position. One cell per cluster, placed where its spacing code point lands:
 * reordering may move a mark away from its base (REORDER_NSM across clusters, older FriBidi
 * tables), and the mark must still draw on its base, never as a cell of its own. */
static void layout_emit_cells(const struct layout_prep *p, size_t start, size_t end,
			      const struct layout_wrap_scratch *w, int width, struct layout_line *l)
{
	size_t ink = layout_ink_end(p, start, end), ncells = 0;

	/* counted first, so the line's cells take one allocation of the exact size */
	for (size_t i = start; i < ink; i++)
		ncells += p->width[i] != 0;
	if (ncells > 0)
		l->cells = xreallocarray(NULL, ncells, sizeof *l->cells);
	for (size_t v = start; v < end; v++) {
		size_t li = (size_t)w->map[v];
		struct layout_cell *c;
		if (li >= ink || p->width[li] == 0)
			continue; /* trailing white space, hidden code points and marks */
		c = &l->cells[l->ncells];
		layout_cluster_cell(p, w->cstart[li], c);
		/* a cluster wider than the whole line (a wide glyph at width 1): a stand-in */
		if (c->width > width)
			c->cp[0] = 0xFFFD, c->ncp = 1, c->width = 1, c->flags |= LAYOUT_CELL_PLACEHOLDER;
		l->ncells++;
		l->width += c->width;
	}
}

/* Reorder [start, end) (the map only: cells take their glyphs from the prep) and emit it. */
static void layout_make_line(const struct layout_prep *p, size_t start, size_t end,
			     struct layout_wrap_scratch *w, int width, struct layout_line *l)
{
	for (size_t i = start; i < end; i++)
		w->map[i] = (FriBidiStrIndex)i;
	if (p->reorder && end > start &&
	    fribidi_reorder_line(FRIBIDI_FLAG_REORDER_NSM, p->types, (FriBidiStrIndex)(end - start),
				 (FriBidiStrIndex)start, p->base, w->levels, NULL, w->map) == 0)
		for (size_t i = start; i < end; i++) /* out of memory in FriBidi: logical order */
			w->map[i] = (FriBidiStrIndex)i;
	memset(l, 0, sizeof *l);
	l->lbeg = p->off[start];
	l->lend = p->off[end];
	l->rtl = p->rtl && p->reorder;
	layout_emit_cells(p, start, end, w, width, l);
}

static struct layout_line *layout_para_push(struct layout_para *out)
{
	xgrow(&out->lines, &out->cap, out->nlines + 1, sizeof *out->lines);
	return &out->lines[out->nlines++];
}

void layout_wrap(const struct layout_prep *p, int width, int align_width, struct layout_para *out)
{
	struct layout_wrap_scratch w;
	size_t start = 0;

	if (width < 1)
		width = 1;
	out->rtl = p->rtl;
	layout_wrap_scratch_init(&w, p);
	do {
		size_t end = p->n > 0 ? layout_line_end(p, start, width) : 0;
		struct layout_line *l = layout_para_push(out);
		layout_make_line(p, start, end, &w, width, l);
		if (p->rtl && p->reorder && align_width > l->width)
			l->indent = align_width - l->width;
		start = end;
	} while (start < p->n);
	free(w.block);
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
	struct layout_wrap_scratch w;
	size_t end = p->n;
	bool cut = false;

	if (width < 1)
		width = 1;
	layout_wrap_scratch_init(&w, p);
	if (layout_cluster_width(p, 0, layout_ink_end(p, 0, p->n)) > width) {
		end = layout_ink_end(p, 0, layout_prefix_fitting(p, width - 1));
		cut = true;
	}
	layout_make_line(p, 0, end, &w, width, out);
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
	free(w.block);
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
	for (size_t i = 0; i < n; i++)
		map[i] = (FriBidiStrIndex)i, vis[i] = cps[i];
	if (layout_par_levels(cps, types, n, br, &base, lv, NULL) == 0 ||
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
