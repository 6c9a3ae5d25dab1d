/* layout.h - the rendering layer: logical UTF-8 paragraphs → visual terminal lines of cells.
 *
 * Pure C, no curses. Files:
 *   cells.c   code points → cells: sanitising (controls made visible, bidi controls and
 *             invisible format characters never emitted), widths as curses measures them,
 *             grapheme cluster boundaries where pairs of code points decide them.
 *   layout.c  the pipeline of UAX #9 for terminals: paragraph direction, embedding levels and
 *             Arabic shaping once per paragraph; lines broken in logical order (UAX #14 over
 *             shaped cell widths); each line reordered on its own (fribidi_reorder_line, L1).
 *
 * A paragraph is prepared once (layout_prepare) and wrapped at any width (layout_wrap), so a
 * resize re-wraps without re-running bidi or shaping. Each cell knows the logical byte range it
 * shows, so highlights and cursors land on the right glyphs in right-to-left text. */
#ifndef QARI_LAYOUT_H
#define QARI_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define LAYOUT_CELL_CPS 5 /* base + up to 4 combining marks: what a curses cchar_t holds */

enum layout_dir {
	LAYOUT_DIR_AUTO, /* UAX #9 P2-P3: first strong character, none → LTR */
	LAYOUT_DIR_LTR,
	LAYOUT_DIR_RTL,
};

enum layout_cell_flag {
	LAYOUT_CELL_RTL = 1 << 0,         /* glyph sits at an odd (right-to-left) level */
	LAYOUT_CELL_PLACEHOLDER = 1 << 1, /* a neutralised control character: draw it dim */
};

struct layout_opts {
	enum layout_dir dir;
	bool reorder; /* false (--bidi terminal): cells stay in logical order for a bidi terminal */
	bool shape;   /* Arabic presentation forms for terminals that do not shape */
};

struct layout_cell {
	uint32_t cp[LAYOUT_CELL_CPS]; /* what to draw: base, then zero-width marks */
	uint8_t ncp;
	uint8_t width;        /* 1 or 2 terminal columns */
	uint8_t flags;        /* enum layout_cell_flag */
	uint32_t lbeg, lend;  /* logical byte range of the paragraph this cell shows */
};

struct layout_line {
	struct layout_cell *cells; /* in visual order, left to right */
	size_t ncells;
	int width;           /* columns the cells take */
	int indent;          /* columns of space before the first cell (right alignment) */
	uint32_t lbeg, lend; /* logical byte slice of the paragraph this line holds */
	bool rtl;            /* the paragraph's direction: right-align the line */
};

struct layout_prep; /* a paragraph after bidi levels and shaping, ready to wrap */

struct layout_para {
	struct layout_line *lines;
	size_t nlines, cap;
	bool rtl; /* resolved paragraph direction */
};

/* Prepare one paragraph (len bytes of UTF-8; invalid bytes show as U+FFFD). */
struct layout_prep *layout_prepare(const char *text, size_t len, const struct layout_opts *o);
void layout_prep_free(struct layout_prep *p);
bool layout_prep_rtl(const struct layout_prep *p);

/* Break into lines of at most width columns (width ≥ 1) and reorder each. align_width > 0
 * right-aligns RTL lines within that many columns (indent). Appends to out. */
void layout_wrap(const struct layout_prep *p, int width, int align_width, struct layout_para *out);
void layout_para_free(struct layout_para *out);

/* One-shot: prepare + wrap. */
void layout_paragraph(const char *text, size_t len, const struct layout_opts *o, int width,
		      struct layout_para *out);

/* A single line cut to width columns at its logical end, with an ellipsis where it was cut
 * (on the left of an RTL line): titles in the list, the sidebar and the status line. */
void layout_single_line(const char *text, size_t len, const struct layout_opts *o, int width,
			struct layout_line *out);
void layout_line_free(struct layout_line *l);

/* Append the line's cells as UTF-8 (indent as spaces when with_indent). */
struct strbuf;
void layout_line_to_utf8(const struct layout_line *l, bool with_indent, struct strbuf *out);

/* For tests and conformance: levels and per-line visual order of code points, computed as the
 * pipeline computes them (FriBidi, or its closed form for right-to-left text without L).
 * dir: 0 LTR, 1 RTL, 2 auto. levels[i] = -1 for characters removed by rule X9. Returns the
 * resolved paragraph level. order receives logical indices in visual order (X9-removed ones
 * left out); *norder their count. */
int layout_bidi_levels(const uint32_t *cps, size_t n, int dir, int *levels);
void layout_bidi_reorder(const uint32_t *cps, size_t n, int dir, size_t *order, size_t *norder);

/* Grapheme cluster boundaries as the layout uses them: breaks[i] != 0 when a cluster starts
 * at i (UAX #29 through libunistring). */
void layout_cluster_breaks(const uint32_t *cps, size_t n, char *breaks);
/* Line break opportunities as the layout uses them: what u32_possible_linebreaks gives, with
 * less of the text asked about (the letters of a word after its first). */
void layout_line_breaks(const uint32_t *cps, size_t n, char *breaks);

/* cells.c: the display width of a code point as curses (wcwidth) measures it: 0 for marks
 * and invisible format characters, 2 for wide, 1 otherwise; -1 for a control character. */
int cells_width(uint32_t cp);
/* What a code point becomes on screen: itself, a visible stand-in for a control character
 * (placeholder set), or 0 when it must never be written (bidi controls, ZWJ, BOM...). */
uint32_t cells_display_cp(uint32_t cp, bool *placeholder);
/* The two above for a run of code points at once (layout asks for every one of a paragraph):
 * cps[i] is replaced by its stand-in (how[i] CELLS_SHOWN_STANDIN), or kept, also when it is
 * never drawn (CELLS_SHOWN_HIDDEN: bidi and shaping still see it); w[i] its width. */
enum cells_shown { CELLS_SHOWN_AS_IS, CELLS_SHOWN_HIDDEN, CELLS_SHOWN_STANDIN };
void cells_display_run(uint32_t *cps, size_t n, uint8_t *how);
void cells_width_run(const uint32_t *cps, size_t n, int8_t *w);
/* Grapheme cluster boundaries (as layout_cluster_breaks) when every pair of neighbours decides
 * its own (GB4-GB9b: letters, marks, controls); false when the text needs libunistring's state
 * machine (CR LF, ZWJ, emoji, regional indicators, Hangul, Indic conjuncts, beyond the BMP). */
bool cells_cluster_breaks(const uint32_t *cps, size_t n, char *breaks);

#endif
