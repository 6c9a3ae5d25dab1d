/* cells.c - what one code point becomes on a terminal: its width, its visible form, and where
 * a grapheme cluster may end around it.
 *
 * Widths must agree with the function curses uses (glibc wcwidth), or every column after a
 * disagreement is off by one. libunistring's uc_width and glibc 2.36 differ on a short list of
 * code points, fixed here; a unit test compares the two over all of Unicode. */
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <unictype.h>
#include <unigbrk.h>
#include <uniwidth.h>

#include "qari/layout.h"
#include "qari/xalloc.h"

struct cells_range {
	uint32_t lo, hi;
	int width;
};

/* Where glibc's wcwidth (what curses measures with) differs from libunistring 1.0. */
static const struct cells_range cells_glibc_widths[] = {
	{0x0600, 0x0605, 1}, {0x06DD, 0x06DD, 1}, {0x070F, 0x070F, 1}, /* prepended marks */
	{0x0890, 0x0891, 1}, {0x08E2, 0x08E2, 1}, {0x0CBF, 0x0CBF, 0}, {0x0CC6, 0x0CC6, 0},
	{0x3248, 0x324F, 2}, {0x4DC0, 0x4DFF, 2}, {0x110BD, 0x110BD, 1}, {0x110CD, 0x110CD, 1},
	{0x11A07, 0x11A08, 0}, {0x11C3F, 0x11C3F, 0},
};

static bool cells_is_bidi_control(uint32_t cp)
{
	return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
	       cp == 0x200E || cp == 0x200F || cp == 0x061C;
}

/* Prepended concatenation marks are format characters that are drawn (U+0600 ARABIC NUMBER
 * SIGN and friends): the only Cf characters that reach the screen. */
static bool cells_is_visible_format(uint32_t cp)
{
	return (cp >= 0x0600 && cp <= 0x0605) || cp == 0x06DD || cp == 0x070F ||
	       (cp >= 0x0890 && cp <= 0x0891) || cp == 0x08E2 || cp == 0x110BD || cp == 0x110CD;
}

static int cells_width_slow(uint32_t cp)
{
	if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
		return -1;
	for (size_t i = 0; i < sizeof cells_glibc_widths / sizeof *cells_glibc_widths; i++)
		if (cp >= cells_glibc_widths[i].lo && cp <= cells_glibc_widths[i].hi)
			return cells_glibc_widths[i].width;
	return uc_width(cp, "UTF-8");
}

static uint32_t cells_display_slow(uint32_t cp, bool *placeholder)
{
	*placeholder = false;
	if (cp < 0x20) {
		*placeholder = true;
		return 0x2400 + cp; /* ␀ … ␟: SYMBOL FOR NULL … UNIT SEPARATOR, ␛ for ESC */
	}
	if (cp == 0x7F) {
		*placeholder = true;
		return 0x2421; /* ␡ */
	}
	if (cp >= 0x80 && cp < 0xA0) {
		*placeholder = true;
		return 0xFFFD; /* C1 controls have no pictures */
	}
	if (cells_is_bidi_control(cp) || cp == 0x00AD)
		return 0;
	if (uc_is_general_category(cp, UC_CATEGORY_Cf) && !cells_is_visible_format(cp))
		return 0; /* ZWJ, ZWNJ, BOM, word joiner, tags: steer shaping or nothing */
	if (uc_is_general_category(cp, UC_CATEGORY_Cn) || uc_is_general_category(cp, UC_CATEGORY_Cs) ||
	    uc_is_general_category(cp, UC_CATEGORY_Zl) || uc_is_general_category(cp, UC_CATEGORY_Zp)) {
		*placeholder = true;
		return 0xFFFD; /* unassigned: curses cannot measure it */
	}
	return cp;
}

/* The answers for a code point of the BMP in one byte, computed a block of 256 at a time on
 * first use: layout asks for every code point of every paragraph, and the libunistring
 * lookups behind them cost more than the rest of wrapping. A block is published with one
 * compare-and-swap, so threads laying out at once need no lock (a loser frees its copy). */
enum {
	CELLS_WIDTH_MASK = 3,  /* width + 1: 0 for -1 (a control) */
	CELLS_HIDDEN = 1 << 2, /* display form 0 */
	CELLS_SUBST = 1 << 3,  /* shown as another code point (slow path gives which) */
	CELLS_PLACEHOLDER = 1 << 4,
	CELLS_GB_SHIFT = 5,    /* 3 bits: enum cells_gb */
};

/* Grapheme break classes whose boundaries UAX #29 decides from a pair of code points alone. */
enum cells_gb {
	CELLS_GB_STATEFUL, /* CR, LF, ZWJ, emoji, regional indicators, Hangul, Indic: libunistring */
	CELLS_GB_OTHER,
	CELLS_GB_EXTEND,   /* Extend and SpacingMark: never a break before (GB9, GB9a) */
	CELLS_GB_PREPEND,  /* never a break after (GB9b) */
	CELLS_GB_CONTROL,  /* always a break before and after (GB4, GB5) */
};

static enum cells_gb cells_gb_compute(uint32_t cp)
{
	/* the Indic blocks hold the consonants of GB9c (Unicode 15.1), which looks far back */
	if ((cp >= 0x0900 && cp < 0x0E00) || uc_is_property_extended_pictographic(cp))
		return CELLS_GB_STATEFUL;
	switch (uc_graphemeclusterbreak_property(cp)) {
	case GBP_OTHER:
		return CELLS_GB_OTHER;
	case GBP_EXTEND:
	case GBP_SPACINGMARK:
		return CELLS_GB_EXTEND;
	case GBP_PREPEND:
		return CELLS_GB_PREPEND;
	case GBP_CONTROL:
		return CELLS_GB_CONTROL;
	default:
		return CELLS_GB_STATEFUL;
	}
}

static _Atomic(uint8_t *) cells_blocks[256];

static uint8_t cells_info_compute(uint32_t cp)
{
	bool placeholder;
	uint32_t shown = cells_display_slow(cp, &placeholder);
	return (uint8_t)((cells_width_slow(cp) + 1) | (shown == 0 ? CELLS_HIDDEN : 0) |
			 (shown != cp && shown != 0 ? CELLS_SUBST : 0) |
			 (placeholder ? CELLS_PLACEHOLDER : 0) |
			 cells_gb_compute(cp) << CELLS_GB_SHIFT);
}

/* Compute and publish the block of cp: once per block and process, so kept out of line. */
__attribute__((noinline)) static const uint8_t *cells_block_fill(uint32_t cp)
{
	uint8_t *fresh = xmalloc(256), *expected = NULL;

	for (uint32_t i = 0; i < 256; i++)
		fresh[i] = cells_info_compute((cp & ~0xFFu) | i);
	if (atomic_compare_exchange_strong_explicit(&cells_blocks[cp >> 8], &expected, fresh,
						    memory_order_acq_rel, memory_order_acquire))
		return fresh;
	free(fresh);
	return expected;
}

static inline const uint8_t *cells_block(uint32_t cp)
{
	uint8_t *b = atomic_load_explicit(&cells_blocks[cp >> 8], memory_order_acquire);
	return b != NULL ? b : cells_block_fill(cp);
}

int cells_width(uint32_t cp)
{
	if (cp >= 0x10000)
		return cells_width_slow(cp);
	return (cells_block(cp)[cp & 0xFF] & CELLS_WIDTH_MASK) - 1;
}

uint32_t cells_display_cp(uint32_t cp, bool *placeholder)
{
	uint8_t info;
	if (cp >= 0x10000)
		return cells_display_slow(cp, placeholder);
	info = cells_block(cp)[cp & 0xFF];
	if (info & CELLS_SUBST)
		return cells_display_slow(cp, placeholder);
	*placeholder = (info & CELLS_PLACEHOLDER) != 0;
	return (info & CELLS_HIDDEN) ? 0 : cp;
}

void cells_display_run(uint32_t *cps, size_t n, uint8_t *how)
{
	for (size_t i = 0; i < n; i++) {
		uint32_t cp = cps[i], shown;
		uint8_t info = cp < 0x10000 ? cells_block(cp)[cp & 0xFF] : CELLS_SUBST;
		bool placeholder;

		if (!(info & CELLS_SUBST)) {
			how[i] = info & CELLS_HIDDEN ? CELLS_SHOWN_HIDDEN
				 : info & CELLS_PLACEHOLDER ? CELLS_SHOWN_STANDIN : CELLS_SHOWN_AS_IS;
			continue;
		}
		shown = cells_display_slow(cp, &placeholder);
		how[i] = shown == 0 ? CELLS_SHOWN_HIDDEN
			 : placeholder ? CELLS_SHOWN_STANDIN : CELLS_SHOWN_AS_IS;
		if (how[i] == CELLS_SHOWN_STANDIN)
			cps[i] = shown;
	}
}

void cells_width_run(const uint32_t *cps, size_t n, int8_t *w)
{
	for (size_t i = 0; i < n; i++)
		w[i] = (int8_t)(cps[i] < 0x10000
					? (cells_block(cps[i])[cps[i] & 0xFF] & CELLS_WIDTH_MASK) - 1
					: cells_width_slow(cps[i]));
}

bool cells_cluster_breaks(const uint32_t *cps, size_t n, char *breaks)
{
	unsigned prev = CELLS_GB_STATEFUL;

	for (size_t i = 0; i < n; i++) {
		unsigned gb = cps[i] < 0x10000
				      ? (unsigned)cells_block(cps[i])[cps[i] & 0xFF] >> CELLS_GB_SHIFT
				      : CELLS_GB_STATEFUL;
		if (gb == CELLS_GB_STATEFUL)
			return false;
		breaks[i] = (char)(i == 0 || (gb == CELLS_GB_EXTEND ? prev == CELLS_GB_CONTROL
					      : gb == CELLS_GB_CONTROL || prev != CELLS_GB_PREPEND));
		prev = gb;
	}
	return true;
}
