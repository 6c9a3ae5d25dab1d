/* test_layout.c - the rendering layer: widths as curses measures them, visual lines compared
 * as strings, line invariants over many texts and every width from 1 to 200, hostile text. */
#include <fribidi.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unigbrk.h>
#include <unilbrk.h>
#include <wchar.h>

#include "check.h"
#include "qari/article_view.h"
#include "qari/corpus.h"
#include "qari/layout.h"
#include "qari/text.h"
#include "qari/xalloc.h"

static const struct layout_opts opts_app = {.dir = LAYOUT_DIR_AUTO, .reorder = true, .shape = true};

/* The visual lines of a paragraph, joined with '|', right-alignment included. */
static char *render(const char *text, enum layout_dir dir, bool shape, int width)
{
	struct layout_opts o = {.dir = dir, .reorder = true, .shape = shape};
	struct layout_para p = {0};
	struct strbuf sb = {0};
	layout_paragraph(text, strlen(text), &o, width, &p);
	for (size_t i = 0; i < p.nlines; i++) {
		if (i)
			strbuf_appendc(&sb, '|');
		layout_line_to_utf8(&p.lines[i], true, &sb);
	}
	layout_para_free(&p);
	return strbuf_take(&sb);
}

#define CHECK_RENDER(text, dir, shape, width, want)                                          \
	do {                                                                                 \
		char *got_ = render(text, dir, shape, width);                                \
		CHECK_STR(got_, want);                                                       \
		free(got_);                                                                  \
	} while (0)

static void test_widths_match_wcwidth(void)
{
	size_t checked = 0, bad = 0;
	CHECK(setlocale(LC_CTYPE, "C.UTF-8") != NULL);
	for (uint32_t cp = 0x20; cp < 0x110000; cp++) {
		bool ph;
		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		if (cells_display_cp(cp, &ph) != cp)
			continue; /* drawn as something else, or not at all */
		checked++;
		if (cells_width(cp) != wcwidth((wchar_t)cp) && bad++ < 5)
			fprintf(stderr, "width of U+%04X: %d, wcwidth %d\n", cp, cells_width(cp),
				wcwidth((wchar_t)cp));
	}
	printf("widths: %zu code points compared with wcwidth\n", checked);
	CHECK(checked > 250000);
	CHECK_INT(bad, 0);
}

static void test_runs_match_single(void)
{
	/* the run-at-a-time answers are the per-code-point ones, over all of Unicode */
	static uint32_t cps[0x110000];
	static uint8_t how[0x110000];
	static int8_t w[0x110000];
	size_t bad = 0;

	for (uint32_t cp = 0; cp < 0x110000; cp++)
		cps[cp] = cp;
	cells_width_run(cps, 0x110000, w);
	cells_display_run(cps, 0x110000, how);
	for (uint32_t cp = 0; cp < 0x110000; cp++) {
		bool ph;
		uint32_t shown = cells_display_cp(cp, &ph);
		uint8_t want = shown == 0 ? CELLS_SHOWN_HIDDEN
			       : ph ? CELLS_SHOWN_STANDIN : CELLS_SHOWN_AS_IS;
		bad += w[cp] != cells_width(cp) || how[cp] != want ||
		       cps[cp] != (want == CELLS_SHOWN_STANDIN ? shown : cp);
	}
	CHECK_INT(bad, 0);
}

static void test_mirrored_are_neutral(void)
{
	/* layout mirrors only characters of type ON: FriBidi mirrors no other */
	size_t mirrored = 0, bad = 0;
	for (uint32_t cp = 0; cp < 0x110000; cp++) {
		FriBidiChar m;
		if (fribidi_get_mirror_char(cp, &m)) {
			mirrored++;
			bad += fribidi_get_bidi_type(cp) != FRIBIDI_TYPE_ON;
		}
	}
	CHECK(mirrored > 300);
	CHECK_INT(bad, 0);
}

static void test_shaping_and_order(void)
{
	/* "أجرى وزير": presentation forms, right to left, one cell per letter */
	CHECK_RENDER("أجرى وزير", LAYOUT_DIR_AUTO, true, 20, "           ﺮﻳﺯﻭ ﻯﺮﺟﺃ");
	/* without shaping: the same letters reordered, isolated forms left to the terminal */
	CHECK_RENDER("وزير", LAYOUT_DIR_AUTO, false, 4, "ريزو");
	/* numbers stay left to right inside right-to-left text */
	CHECK_RENDER("عام 2016", LAYOUT_DIR_AUTO, true, 8, "2016 ﻡﺎﻋ");
	/* brackets are mirrored in a right-to-left run */
	/* (and lam-alef in لافروف is one cell: 12 columns, right-aligned in 13) */
	CHECK_RENDER("لافروف (يسار)", LAYOUT_DIR_AUTO, true, 13, " (ﺭﺎﺴﻳ) ﻑﻭﺮﻓﻻ");
	/* P2-P3 puts "CNN قالت" in LTR; the article's direction (HL1) puts it in RTL */
	CHECK_RENDER("CNN قالت", LAYOUT_DIR_AUTO, true, 10, "CNN ﺖﻟﺎﻗ");
	CHECK_RENDER("CNN قالت", LAYOUT_DIR_RTL, true, 10, "  ﺖﻟﺎﻗ CNN");
	/* no strong character: LTR, left-aligned */
	CHECK_RENDER("123 456", LAYOUT_DIR_AUTO, true, 10, "123 456");
	/* Hebrew is right to left but not shaped */
	CHECK_RENDER("שלום עולם", LAYOUT_DIR_AUTO, true, 9, "םלוע םולש");
}

static void test_lam_alef(void)
{
	struct layout_para p = {0};
	const char *text = "السلام";
	struct strbuf sb = {0};

	layout_paragraph(text, strlen(text), &opts_app, 20, &p);
	CHECK_INT(p.nlines, 1);
	layout_line_to_utf8(&p.lines[0], false, &sb);
	/* "لا" becomes one ligature cell (the first "ال" is alef then lam: no ligature), and
	 * no U+FEFF placeholder is left behind */
	CHECK(strstr(sb.data, "\xEF\xBB\xBF") == NULL);
	CHECK_STR(sb.data, "ﻡﻼﺴﻟﺍ");
	CHECK_INT(p.lines[0].width, 5);
	CHECK_INT(p.lines[0].ncells, 5);
	/* the ligature cell maps back to both logical letters (lam at 6, alef at 8 bytes) */
	bool found = false;
	for (size_t i = 0; i < p.lines[0].ncells; i++) {
		const struct layout_cell *c = &p.lines[0].cells[i];
		if (c->cp[0] == 0xFEFC && c->lbeg == 6 && c->lend == 10)
			found = true;
	}
	CHECK(found);
	layout_para_free(&p);
	strbuf_free(&sb);
}

static void test_marks_and_clusters(void)
{
	/* harakat stay on their base and take no column */
	struct layout_para p = {0};
	const char *text = "كَتَبَ";
	layout_paragraph(text, strlen(text), &opts_app, 10, &p);
	CHECK_INT(p.lines[0].width, 3);
	CHECK_INT(p.lines[0].ncells, 3);
	CHECK_INT(p.lines[0].cells[0].ncp, 2);
	layout_para_free(&p);
	/* a mark with no base is drawn on a dotted circle */
	CHECK_RENDER("\xD9\x8E", LAYOUT_DIR_LTR, true, 5, "◌\xD9\x8E");
	/* tatweel is a letter-width joiner */
	CHECK_RENDER("ســلام", LAYOUT_DIR_AUTO, true, 10, "     ﻡﻼــﺳ");
	/* wide characters take two columns; at width 1 they become a stand-in */
	CHECK_RENDER("中文", LAYOUT_DIR_LTR, true, 4, "中文");
	CHECK_RENDER("中文", LAYOUT_DIR_LTR, true, 3, "中|文");
	CHECK_RENDER("中", LAYOUT_DIR_LTR, true, 1, "\xEF\xBF\xBD");
}

static void test_wrapping(void)
{
	/* words are never cut when they fit; trailing spaces are not drawn */
	CHECK_RENDER("aaa bbb ccc", LAYOUT_DIR_LTR, true, 7, "aaa bbb|ccc");
	CHECK_RENDER("aaa    bbb", LAYOUT_DIR_LTR, true, 4, "aaa|bbb");
	/* a word wider than the line is cut, only then */
	CHECK_RENDER("abcdefghij xy", LAYOUT_DIR_LTR, true, 4, "abcd|efgh|ij|xy");
	/* RTL: each line reordered on its own (the first logical words on the first line) */
	CHECK_RENDER("واحد اثنان ثلاثة", LAYOUT_DIR_AUTO, false, 10, "نانثا دحاو|     ةثالث");
	/* a URL inside Arabic text stays left to right, on the line's left, cut where UAX #14
	 * allows (libunistring breaks URLs after "." and "/") */
	CHECK_RENDER("انظر https://example.com/a/b", LAYOUT_DIR_AUTO, false, 22,
		     " https://example. رظنا|               com/a/b");
}

static void test_single_line(void)
{
	struct layout_line l = {0};
	struct strbuf sb = {0};
	const char *t = "الخارجية الأمريكية روسيا";
	layout_single_line(t, strlen(t), &opts_app, 12, &l);
	CHECK(l.width <= 12);
	CHECK(l.rtl);
	/* cut at its logical end, which a right-to-left line shows on the left */
	CHECK_INT(l.cells[0].cp[0], 0x2026);
	layout_line_to_utf8(&l, false, &sb);
	CHECK(strstr(sb.data, "ﺔﻴﺟﺭﺎﺨﻟﺍ") != NULL);
	layout_line_free(&l);
	strbuf_free(&sb);
	layout_single_line("hello world", 11, &opts_app, 8, &l);
	CHECK_INT(l.cells[l.ncells - 1].cp[0], 0x2026);
	CHECK(l.width <= 8);
	layout_line_free(&l);
}

static bool cp_is_forbidden(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || (cp >= 0x202A && cp <= 0x202E) ||
	       (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F || cp == 0x061C ||
	       cp == 0xFEFF || cp == 0x200D || cp == 0x200C;
}

static void check_no_raw_controls(const char *text)
{
	struct layout_para p = {0};
	size_t bad = 0;
	layout_paragraph(text, strlen(text), &opts_app, 30, &p);
	for (size_t i = 0; i < p.nlines; i++)
		for (size_t j = 0; j < p.lines[i].ncells; j++)
			for (size_t k = 0; k < p.lines[i].cells[j].ncp; k++)
				bad += cp_is_forbidden(p.lines[i].cells[j].cp[k]);
	CHECK_INT(bad, 0);
	layout_para_free(&p);
}

static void test_hostile(void)
{
	/* CSI, OSC 52 (clipboard), OSC 8 (hyperlink), C1 CSI, DEL, NUL-free controls */
	check_no_raw_controls("red \x1b[31mtext\x1b[0m and \x1b]52;c;ZXZpbA==\x07 done");
	check_no_raw_controls("link \x1b]8;;http://evil.example/\x1b\\click\x1b]8;;\x1b\\ end");
	check_no_raw_controls("c1 \xc2\x9b" "31m and \xc2\x9d" "0;title\xc2\x9c del \x7f");
	/* an unterminated RLO or LRI is honoured inside its paragraph and never written */
	check_no_raw_controls("abc \xe2\x80\xae" "def ghi");
	check_no_raw_controls("\xe2\x81\xa6" "isolate never closed \xe2\x80\x8f rlm \xef\xbb\xbf bom");
	/* lone surrogates and overlongs become U+FFFD */
	CHECK_RENDER("a\xed\xa0\x80z", LAYOUT_DIR_LTR, true, 10, "a\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDz");
	CHECK_RENDER("\xc0\xaf", LAYOUT_DIR_LTR, true, 10, "\xEF\xBF\xBD\xEF\xBF\xBD");
	/* ESC is shown as ␛; the RLO reverses what follows it, within this paragraph only */
	CHECK_RENDER("a\x1b[m", LAYOUT_DIR_LTR, true, 10, "a␛[m");
	CHECK_RENDER("ab\xe2\x80\xae" "cd", LAYOUT_DIR_LTR, true, 10, "abdc");
	/* placeholders are flagged so the pane can draw them dim */
	struct layout_para p = {0};
	layout_paragraph("\x07", 1, &opts_app, 5, &p);
	CHECK(p.lines[0].ncells == 1 && (p.lines[0].cells[0].flags & LAYOUT_CELL_PLACEHOLDER));
	layout_para_free(&p);
}

/* Visual order of the logical indices [start, end) by rule L2 on the given levels: an
 * independent reimplementation to check the layout's per-line reordering against. */
static void l2_reorder(const FriBidiLevel *levels, size_t start, size_t end, size_t *order)
{
	int max = 0, min_odd = 255;
	for (size_t i = start; i < end; i++) {
		order[i - start] = i;
		max = levels[i] > max ? levels[i] : max;
		if ((levels[i] & 1) && levels[i] < min_odd)
			min_odd = levels[i];
	}
	for (int lv = max; lv >= min_odd && lv > 0; lv--)
		for (size_t i = 0; i < end - start;) {
			size_t j = i;
			while (j < end - start && levels[order[j]] >= lv)
				j++;
			for (size_t a = i, b = j; a + 1 < b; a++, b--) {
				size_t t = order[a];
				order[a] = order[b - 1];
				order[b - 1] = t;
			}
			i = j > i ? j : i + 1;
		}
}

struct inv_stats {
	size_t layouts, lines, failures;
};

static void inv_fail(struct inv_stats *st, const char *what, const char *text, int width)
{
	if (st->failures++ < 10)
		fprintf(stderr, "invariant '%s' broken at width %d: %.60s\n", what, width, text);
}

/* Every line's cells against the L2 order of its slice (levels: paragraph levels, then L1
 * on the line's trailing white space); compared by grapheme cluster starts. */
static void inv_check_order(const char *text, const struct layout_line *l, const uint32_t *cps,
			    const uint32_t *off, const FriBidiCharType *types, FriBidiLevel *levels,
			    int par_level, size_t n, const char *gb, struct inv_stats *st, int width)
{
	size_t s = 0, e, ink, *order, k = 0;
	bool ph;
	while (s < n && off[s] < l->lbeg)
		s++;
	e = s;
	while (e < n && off[e] < l->lend)
		e++;
	ink = e;
	while (ink > s && (types[ink - 1] == FRIBIDI_TYPE_WS || cps[ink - 1] == ' ' ||
			   FRIBIDI_IS_EXPLICIT_OR_BN(types[ink - 1]) || cells_display_cp(cps[ink - 1], &ph) == 0))
		levels[--ink] = (FriBidiLevel)par_level;
	order = xcalloc(e - s + 1, sizeof *order);
	l2_reorder(levels, s, ink, order);
	size_t last_cluster = (size_t)-1;
	for (size_t v = 0; v < ink - s; v++) {
		size_t i = order[v], c = i;
		if (cells_display_cp(cps[i], &ph) == 0 || (cps[i] == '\t'))
			continue;
		while (c > 0 && !gb[c])
			c--;
		if (c == last_cluster)
			continue;
		last_cluster = c;
		if (k >= l->ncells || l->cells[k].lbeg != off[c]) {
			inv_fail(st, "visual order = L2 of the line's slice", text, width);
			break;
		}
		k++;
	}
	free(order);
	(void)k;
}

/* Logical text → code points, offsets, types, levels and clusters, independently of layout. */
static void inv_check(const char *text, int width, bool shape, struct inv_stats *st)
{
	struct layout_opts o = {.dir = LAYOUT_DIR_AUTO, .reorder = true, .shape = shape};
	size_t len = strlen(text), n = 0;
	uint32_t *cps = xcalloc(len + 1, sizeof *cps), *off = xcalloc(len + 1, sizeof *off);
	char *lb = xcalloc(len + 1, 1), *gb = xcalloc(len + 1, 1);
	struct layout_para p = {0};

	for (size_t i = 0; i < len;) {
		off[n] = (uint32_t)i;
		i += (size_t)text_decode(text + i, len - i, &cps[n]);
		/* step 1, sanitising, comes before bidi: tabs are spaces, controls pictures */
		bool ph;
		uint32_t shown = cells_display_cp(cps[n], &ph);
		if (cps[n] == '\t')
			cps[n] = ' ';
		else if (ph)
			cps[n] = shown;
		n++;
	}
	off[n] = (uint32_t)len;
	FriBidiCharType *types = xcalloc(n + 1, sizeof *types);
	FriBidiBracketType *br = xcalloc(n + 1, sizeof *br);
	FriBidiLevel *levels = xcalloc(n + 1, sizeof *levels), *work = xcalloc(n + 1, sizeof *work);
	FriBidiParType base = FRIBIDI_PAR_ON;
	fribidi_get_bidi_types(cps, (FriBidiStrIndex)n, types);
	fribidi_get_bracket_types(cps, (FriBidiStrIndex)n, types, br);
	if (fribidi_get_par_embedding_levels_ex(types, br, (FriBidiStrIndex)n, &base, levels) == 0)
		inv_fail(st, "fribidi levels", text, width);
	u8_possible_linebreaks((const uint8_t *)text, len, "UTF-8", lb);
	layout_cluster_breaks(cps, n, gb);
	for (size_t i = 0; i < n; i++) {
		bool ph;
		/* the layout gives a second spacing character in a grapheme its own cell */
		if (cells_display_cp(cps[i], &ph) != 0 && cells_width(cps[i]) > 0)
			gb[i] = 1;
	}

	layout_paragraph(text, len, &o, width, &p);
	st->layouts++;
	st->lines += p.nlines;
	for (size_t i = 0; i < p.nlines; i++) {
		const struct layout_line *l = &p.lines[i];
		if (l->width > width || l->indent + l->width > width)
			inv_fail(st, "no line wider than the width", text, width);
		if (l->lbeg != (i == 0 ? 0 : p.lines[i - 1].lend))
			inv_fail(st, "slices add up to the paragraph", text, width);
		int w = 0;
		for (size_t c = 0; c < l->ncells; c++) {
			w += l->cells[c].width;
			if (l->cells[c].lbeg < l->lbeg || l->cells[c].lend > l->lend ||
			    l->cells[c].lbeg >= l->cells[c].lend)
				inv_fail(st, "cells map into their line's slice", text, width);
		}
		if (w != l->width)
			inv_fail(st, "cell widths add up", text, width);
		/* a cut that is not a break opportunity: the word alone must be too wide */
		if (i + 1 < p.nlines && lb[l->lend] != UC_BREAK_POSSIBLE) {
			size_t a = l->lend, b = l->lend;
			while (a > 0 && lb[a] != UC_BREAK_POSSIBLE)
				a--;
			while (b < len && lb[b] != UC_BREAK_POSSIBLE)
				b++;
			struct layout_line word = {0};
			layout_single_line(text + a, b - a, &o, 100000, &word);
			if (word.width <= width)
				inv_fail(st, "no word cut that fits", text, width);
			layout_line_free(&word);
		}
		if (shape)
			continue; /* ligatures merge clusters: order is checked unshaped */
		memcpy(work, levels, n * sizeof *work);
		inv_check_order(text, l, cps, off, types, work, FRIBIDI_IS_RTL(base) ? 1 : 0, n, gb,
				st, width);
	}
	if (p.nlines == 0 || p.lines[p.nlines - 1].lend != len)
		inv_fail(st, "last slice ends at the paragraph's end", text, width);
	layout_para_free(&p);
	free(cps), free(off), free(lb), free(gb), free(types), free(br), free(levels), free(work);
}

static const char *const mixed_texts[] = {
	"قال المتحدث إن الموقع https://www.example.com/news/2024/article?id=42 لم يعد متاحاً.",
	"ارتفع المؤشر 3.5% إلى 12,345 نقطة يوم ١٢ فبراير/شباط ٢٠٢٤ (بحسب «رويترز»).",
	"قَالَ الرَّئِيسُ: «إِنَّ السَّلَامَ خِيَارٌ اسْتِرَاتِيجِيٌّ» [المصدر]",
	"الســــلام عليكم ورحمــــة الله",
	"עברית and العربية and English (mixed) \"quoted\" 123 ٤٥٦",
	"中文字符 and 日本語 mixed with العربية 🙂 👍🏽 emoji 👨‍👩‍👧 families",
	"كلمةطويلةجداجداجداجداجداجداجداجداجداجداجداجداجداجدا قصيرة",
	"CNN قالت إن (الاجتماع) سيعقد في [واشنطن] {غداً}.",
	"Plain English paragraph with a verylongwordthatcannotfitonanyreasonableline in it.",
	"a\tb\x1b[31mc\xe2\x80\xae" "def \xe2\x81\xa7" "ghi",
	"   leading and trailing spaces   ",
};

static void test_invariants(void)
{
	struct inv_stats st = {0};
	struct corpus c;
	char *seeds = corpus_asset_path("articles");

	for (size_t t = 0; t < sizeof mixed_texts / sizeof *mixed_texts; t++)
		for (int w = 1; w <= 200; w++)
			for (int shape = 0; shape < 2; shape++)
				inv_check(mixed_texts[t], w, shape, &st);
	corpus_init(&c);
	corpus_load_paths(&c, &seeds, 1);
	CHECK_INT(c.n, 2);
	for (size_t a = 0; a < c.n; a++)
		for (size_t i = 0; i < c.items[a]->npara; i++)
			for (int w = 1; w <= 200; w += (w < 30 ? 1 : 7))
				for (int shape = 0; shape < 2; shape++)
					inv_check(c.items[a]->paras[i], w, shape, &st);
	corpus_free(&c);
	free(seeds);
	printf("invariants: %zu layouts, %zu lines, %zu failures\n", st.layouts, st.lines,
	       st.failures);
	CHECK(st.layouts > 2000);
	CHECK_INT(st.failures, 0);
}

static void test_rewrap_keeps_levels(void)
{
	/* the prepared paragraph survives wrapping at one width then another (L1 on a copy) */
	const char *t = "واحد اثنان ثلاثة أربعة خمسة ستة سبعة";
	struct layout_prep *p = layout_prepare(t, strlen(t), &opts_app);
	struct layout_para a = {0}, b = {0}, c = {0};
	layout_wrap(p, 10, 10, &a);
	layout_wrap(p, 40, 40, &b);
	layout_paragraph(t, strlen(t), &opts_app, 40, &c);
	CHECK_INT(b.nlines, c.nlines);
	struct strbuf x = {0}, y = {0};
	layout_line_to_utf8(&b.lines[0], true, &x);
	layout_line_to_utf8(&c.lines[0], true, &y);
	CHECK_STR(x.data, y.data);
	strbuf_free(&x), strbuf_free(&y);
	layout_para_free(&a), layout_para_free(&b), layout_para_free(&c);
	layout_prep_free(p);
}

static void test_terminal_mode(void)
{
	/* --bidi terminal: logical order, no shaping, no alignment: the terminal does it all */
	struct layout_opts o = {.dir = LAYOUT_DIR_AUTO, .reorder = false, .shape = false};
	struct layout_para p = {0};
	struct strbuf sb = {0};
	layout_paragraph("أجرى وزير", strlen("أجرى وزير"), &o, 20, &p);
	layout_line_to_utf8(&p.lines[0], true, &sb);
	CHECK_STR(sb.data, "أجرى وزير");
	strbuf_free(&sb);
	layout_para_free(&p);
}

/* FriBidi alone, as layout_bidi_levels reports it: levels after L1, -1 where X9 removes. */
static void fribidi_levels(const uint32_t *cps, size_t n, FriBidiParType base, int *out)
{
	FriBidiCharType t[64];
	FriBidiBracketType br[64];
	FriBidiLevel lv[64];

	fribidi_get_bidi_types(cps, (FriBidiStrIndex)n, t);
	fribidi_get_bracket_types(cps, (FriBidiStrIndex)n, t, br);
	if (fribidi_get_par_embedding_levels_ex(t, br, (FriBidiStrIndex)n, &base, lv) == 0 ||
	    fribidi_reorder_line(0, t, (FriBidiStrIndex)n, 0, base, lv, NULL, NULL) == 0)
		memset(lv, 99, n);
	for (size_t i = 0; i < n; i++)
		out[i] = FRIBIDI_IS_EXPLICIT_OR_BN(t[i]) ? -1 : lv[i];
}


/* n code points drawn from pool: from its first common ones, but from all npool of them
 * when (seed & rare) is 0, so the rarer code points come now and then. */
static void test_random_text(const uint32_t *pool, size_t common, size_t npool, uint32_t rare,
			     uint32_t *seed, uint32_t *cps, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		*seed = *seed * 1103515245u + 12345u;
		cps[i] = pool[(*seed >> 16) % ((*seed & rare) ? common : npool)];
	}
}
static void test_levels_closed_form(void)
{
	/* right-to-left text without L takes a closed form of UAX #9 (numbers, separators and
	 * marks between letters, W2 W4 W5 around them): random strings against FriBidi */
	static const uint32_t pool[] = {
		0x627, 0x644, 0x5D0, '0', '5', 0x660, 0x6F5, '+', '-', '#', '%', 0x66A, ',', '.',
		'/', 0x60C, 0xA0, 0x64B, 0x651, 0x300, ' ', '!', '(', ')', '"', 0xAB, 0xBB, 'a',
		0x200D, 0x202B, 0x2067, 0x2069};
	uint32_t cps[64], seed = 12345;
	int got[64], want[64];
	size_t bad = 0;

	for (int it = 0; it < 200000; it++) {
		size_t n = 1 + it % 24;
		int dir = it % 3; /* 0 LTR, 1 RTL, 2 auto */
		/* L, ZWJ and the controls rarely: they turn the closed form off */
		test_random_text(pool, 27, 32, 7, &seed, cps, n);
		layout_bidi_levels(cps, n, dir, got);
		fribidi_levels(cps, n, dir == 0 ? FRIBIDI_PAR_LTR : dir == 1 ? FRIBIDI_PAR_RTL
									  : FRIBIDI_PAR_ON, want);
		bad += memcmp(got, want, n * sizeof *got) != 0;
	}
	CHECK_INT(bad, 0);
}

static void test_clusters_from_pairs(void)
{
	/* letters, marks, prepended marks and controls are cut from the pairs alone; CR LF, ZWJ
	 * and emoji need libunistring's whole machine: random strings against it */
	static const uint32_t pool[] = {'a', 0x627, 0x644, 0x64B, 0x651, 0x300, 0x200C, 0x600,
					0x6DD, 0x110BD, 0x0F3E, 0x1031, 0x01, 0x7F, 0xAD, ' ',
					0x0D, 0x0A, 0x200D, 0x1F600, 0x1F1E6, 0x1100, 0x915, 0x94D};
	uint32_t cps[16], seed = 777;
	char got[16], want[16];
	size_t bad = 0;

	for (int it = 0; it < 200000; it++) {
		size_t n = 1 + it % 12;
		test_random_text(pool, 16, 24, 7, &seed, cps, n);
		layout_cluster_breaks(cps, n, got);
		u32_grapheme_breaks(cps, n, want);
		want[0] = 1;
		for (size_t i = 0; i < n; i++)
			bad += !got[i] != !want[i];
	}
	CHECK_INT(bad, 0);
}

static void test_line_breaks_from_fewer(void)
{
	/* a word's letters and marks after its first are not asked about: random text against
	 * libunistring asked about every code point */
	static const uint32_t pool[] = {0x627, 0x644, 0x621, 0x64A, 'a', 'Z', 0x64B, 0x651, 0x670,
					' ', ' ', '.', 0x60C, '(', ')', 0xAB, 0xBB, '"', '-', '/', '5',
					0x661, '%', 0xA0, 0x300, 0x200D, 0x200B, '\n', 0x5D0, 0x4E2D,
					0x1F600, 0x25CC, 0x640, 0xE01};
	uint32_t cps[24], seed = 4242;
	char got[24], want[24];
	size_t bad = 0;

	for (int it = 0; it < 200000; it++) {
		size_t n = 1 + it % 24;
		test_random_text(pool, 9, sizeof pool / sizeof *pool, 3, &seed, cps, n);
		layout_line_breaks(cps, n, got);
		u32_possible_linebreaks(cps, n, "UTF-8", want);
		bad += memcmp(got, want, n) != 0;
	}
	CHECK_INT(bad, 0);
}

/* A paragraph clearly in one script takes that script's direction; the rest, the article's. */
static void test_paragraph_direction(void)
{
	static const char *const paras[] = {
		"قال وزير الخارجية إن المحادثات ستستأنف الأسبوع المقبل في العاصمة.",
		"The talks will resume next week in the capital, the minister said.",
		"CNN قالت إن المحادثات ستستأنف الأسبوع المقبل.",
		"Roma 2015 روما",
		"פגישה בירושלים היום.",
		"گفت‌وگوی دو کشور در پایتخت ادامه یافت.",
		"اقرأ التقرير على https://example.org/a/very/long/path/report?id=42 ثم عد.",
	};
	static const enum layout_dir want[] = {LAYOUT_DIR_RTL, LAYOUT_DIR_LTR, LAYOUT_DIR_RTL,
					       LAYOUT_DIR_RTL, LAYOUT_DIR_RTL, LAYOUT_DIR_RTL,
					       LAYOUT_DIR_RTL /* a URL in Arabic prose */};
	struct layout_opts o = {.reorder = true, .shape = true};
	struct article *a = article_new("mixed.txt");
	struct article_view v;

	article_set_title(a, "محادثات", strlen("محادثات"));
	for (size_t i = 0; i < sizeof paras / sizeof *paras; i++) {
		CHECK_INT(article_view_para_dir(paras[i], strlen(paras[i]), LAYOUT_DIR_RTL), want[i]);
		article_add_para(a, paras[i], strlen(paras[i]));
	}
	/* "Roma 2015 روما": neither direction dominates, so the article's decides */
	CHECK_INT(article_view_para_dir(paras[3], strlen(paras[3]), LAYOUT_DIR_LTR), LAYOUT_DIR_LTR);
	article_finish(a, "mixed.txt");
	o.dir = article_view_dir(a, LAYOUT_DIR_AUTO, false);
	CHECK_INT(o.dir, LAYOUT_DIR_RTL);

	/* in the view: the English paragraph starts at the left edge, the others end at the right */
	article_view_prepare(&v, a, &o, false, NULL);
	article_view_wrap(&v, 200);
	for (size_t i = 0; i < v.nlines; i++) {
		const struct view_line *l = &v.lines[i];
		if (l->kind != VIEW_BODY)
			continue;
		if (l->para == 1)
			CHECK_INT(l->line.indent, 0);
		else
			CHECK_INT(l->line.indent + l->line.width, 200);
	}
	article_view_free(&v);

	/* --dir forces every paragraph */
	o.dir = LAYOUT_DIR_RTL;
	article_view_prepare(&v, a, &o, true, NULL);
	article_view_wrap(&v, 200);
	for (size_t i = 0; i < v.nlines; i++)
		if (v.lines[i].kind == VIEW_BODY)
			CHECK_INT(v.lines[i].line.indent + v.lines[i].line.width, 200);
	article_view_free(&v);
	article_free(a);
}

/* The byline's URL reads left to right from its scheme, its Arabic slug kept inside it,
 * though the paper's name before it makes the byline right to left; its link is the URL
 * alone. */
static void test_meta_url_isolated(void)
{
	static const char url[] = "http://a.sa/news/داعش-يعدم";
	struct layout_opts o = {.reorder = true, .shape = false, .dir = LAYOUT_DIR_RTL};
	struct article *a = article_new("meta.txt");
	struct article_view v;
	char vis[512] = "";
	size_t k = 0;

	article_set_title(a, "خبر", strlen("خبر"));
	article_set_field(&a->source, "عاجل", strlen("عاجل"));
	article_set_field(&a->url, url, strlen(url));
	article_add_para(a, "نص", strlen("نص"));
	article_finish(a, "meta.txt");
	article_view_prepare(&v, a, &o, false, NULL);
	article_view_wrap(&v, 200);
	for (size_t i = 0; i < v.nlines; i++)
		for (size_t c = 0; v.lines[i].kind == VIEW_META && c < v.lines[i].line.ncells; c++)
			k += text_encode(v.lines[i].line.cells[c].cp[0], vis + k);
	vis[k] = '\0';
	/* visual order, left to right: the URL (its slug's letters reversed as any Arabic run),
	 * then the paper */
	if (!CHECK(strstr(vis, "http://a.sa/news/مدعي-شعاد") != NULL))
		fprintf(stderr, "    byline: %s\n", vis);
	CHECK(strstr(vis, "http") < strstr(vis, "لجاع"));
	CHECK_INT(v.nlinks, 1);
	if (v.nlinks == 1)
		CHECK_INT(v.links[0].end - v.links[0].beg, strlen(url));
	article_view_free(&v);
	article_free(a);
}

/* What FriBidi draws for text with LRI and PDI around each of its URLs, the controls left
 * out and characters at odd levels mirrored (L4): the line qari must draw for the text alone. */
static char *render_isolated(const char *text, int dir)
{
	enum { MAX = 256 };
	uint32_t cps[MAX];
	size_t n = 0, len = strlen(text), from = 0, beg = len, end = len, order[MAX], norder, k = 0;
	int levels[MAX];
	char *out = xcalloc(4 * MAX + 1, 1);
	bool more = text_find_url(text, len, from, &beg, &end);

	for (size_t i = 0; i < len && n + 2 < MAX;) {
		if (more && i == beg)
			cps[n++] = 0x2066;
		i += (size_t)text_decode(text + i, len - i, &cps[n++]);
		if (more && i == end) {
			cps[n++] = 0x2069;
			more = text_find_url(text, len, end, &beg, &end);
		}
	}
	layout_bidi_reorder(cps, n, dir, order, &norder);
	layout_bidi_levels(cps, n, dir, levels);
	for (size_t v = 0; v < norder; v++) {
		uint32_t cp = cps[order[v]];
		if (cp == 0x2066 || cp == 0x2069)
			continue;
		if (levels[order[v]] & 1)
			fribidi_get_mirror_char(cp, &cp);
		k += text_encode(cp, out + k);
	}
	return out;
}

/* A URL in the text is a left-to-right isolate: what FriBidi makes of the same text with LRI
 * and PDI around the URL, in right-to-left, left-to-right and automatic paragraphs. */
static void test_urls_isolated(void)
{
	static const char *const texts[] = {
		"انظر https://example.com/مقال-جديد للمزيد",
		"اقرأ الخبر على http://sabq.org/ar/خبر-عاجل(صور) (رابط) هنا",
		"http://a.sa/news/داعش-يعدم قال المتحدث",
		"قال: http://x.org/ar/1/ب الرياض http://y.sa/مكة?id=٣ انتهى",
		"See http://a.sa/صحة-1 (وزارة الصحة) for more",
		"المؤشر 3.5% https://b.com/x/2015 12,345 نقطة",
		"[http://c.com/(أ]ب) «https://d.sa/ج»",
	};
	static const int dirs[] = {1, 0, 2};
	static const enum layout_dir ldirs[] = {LAYOUT_DIR_RTL, LAYOUT_DIR_LTR, LAYOUT_DIR_AUTO};

	for (size_t t = 0; t < sizeof texts / sizeof *texts; t++)
		for (size_t d = 0; d < 3; d++) {
			char *want = render_isolated(texts[t], dirs[d]);
			char *got = render(texts[t], ldirs[d], false, 400);
			const char *g = got + strspn(got, " ");
			if (strcmp(g, want) != 0)
				fprintf(stderr, "    text %zu, dir %d:\n", t, dirs[d]);
			CHECK_STR(g, want);
			free(want);
			free(got);
		}
	/* and the slug stays in its address: it follows the host, left to right */
	char *got = render(texts[0], LAYOUT_DIR_RTL, false, 400);
	CHECK(strstr(got, "https://example.com/ديدج-لاقم") != NULL);
	free(got);
}

int main(void)
{
	test_meta_url_isolated();
	test_urls_isolated();
	test_widths_match_wcwidth();
	test_runs_match_single();
	test_mirrored_are_neutral();
	test_shaping_and_order();
	test_lam_alef();
	test_marks_and_clusters();
	test_wrapping();
	test_single_line();
	test_hostile();
	test_invariants();
	test_rewrap_keeps_levels();
	test_terminal_mode();
	test_levels_closed_form();
	test_clusters_from_pairs();
	test_line_breaks_from_fewer();
	test_paragraph_direction();
	return check_done();
}
