/* normalize.c - the matching form of text with its map back to original offsets, words, and
 * clitic prefixes. Character by character, so every output byte knows where it came from. */
#include "qari/normalize.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#include "qari/text.h"
#include "qari/xalloc.h"

#define NORM_ALEF 0x0627
#define NORM_TATWEEL 0x0640

/* Letters of the Arabic block that fold onto another; 0 when the letter stays. */
static uint32_t norm_arabic_fold(uint32_t cp)
{
	switch (cp) {
	case 0x0622: case 0x0623: case 0x0625: case 0x0671:
		return NORM_ALEF;
	case 0x0629: return 0x0647; /* ة → ه */
	case 0x0649: return 0x064A; /* ى → ي */
	case 0x06CC: return 0x064A; /* Persian yeh */
	case 0x06A9: return 0x0643; /* keheh */
	default: return 0;
	}
}

static bool norm_is_dropped(uint32_t cp)
{
	return cp == NORM_TATWEEL || uc_is_general_category(cp, UC_CATEGORY_Mn) ||
	       uc_is_general_category(cp, UC_CATEGORY_Cf);
}

/* The fold of a character NFKC leaves alone; 0 when dropped. */
static uint32_t norm_fold_slow(uint32_t cp)
{
	uint32_t f;

	if (cp < 0x80) {
		if (cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v')
			return ' ';
		return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
	}
	if (cp >= 0x0660 && cp <= 0x0669)
		return '0' + (cp - 0x0660);
	if (cp >= 0x06F0 && cp <= 0x06F9)
		return '0' + (cp - 0x06F0);
	if ((f = norm_arabic_fold(cp)) != 0)
		return f;
	if (norm_is_dropped(cp))
		return 0;
	if (uc_is_property_white_space(cp))
		return ' ';
	return uc_tolower(cp);
}

/* Folds below U+0800 (ASCII, Latin, Arabic) from a table made once: an Arabic letter took four
 * libunistring lookups, a third of normalising a corpus. */
#define NORM_FOLD_TABLE 0x800
static uint16_t norm_fold_table[NORM_FOLD_TABLE];
static pthread_once_t norm_fold_once = PTHREAD_ONCE_INIT;

static void norm_fold_init(void)
{
	for (uint32_t cp = 0; cp < NORM_FOLD_TABLE; cp++)
		norm_fold_table[cp] = (uint16_t)norm_fold_slow(cp); /* folds stay below U+10000 */
}

static uint32_t norm_fold_one(uint32_t cp)
{
	if (cp >= NORM_FOLD_TABLE)
		return norm_fold_slow(cp);
	pthread_once(&norm_fold_once, norm_fold_init);
	return norm_fold_table[cp];
}

/* Arabic letters and ASCII have no compatibility decomposition worth the NFKC call, except
 * U+0622-0626 (canonical: a letter + hamza mark) and U+0675-0678, which the folds cover. */
static bool norm_needs_nfkc(uint32_t cp)
{
	ucs4_t decomp[UC_DECOMPOSITION_MAX_LENGTH];
	int tag;
	if (cp < 0x80 || (cp >= 0x0600 && cp <= 0x06FF))
		return false;
	return uc_decomposition(cp, &tag, decomp) > 0;
}

size_t norm_cp(uint32_t cp, uint32_t out[NORM_CP_MAX])
{
	uint32_t buf[NORM_CP_MAX];
	size_t n = NORM_CP_MAX, k = 0;
	uint32_t *r;

	if (!norm_needs_nfkc(cp)) {
		uint32_t f = norm_fold_one(cp);
		out[0] = f;
		return f != 0;
	}
	r = u32_normalize(UNINORM_NFKC, &cp, 1, buf, &n);
	if (r == NULL)
		return 0;
	for (size_t i = 0; i < n && k < NORM_CP_MAX; i++) {
		uint32_t f = norm_fold_one(r[i]);
		if (f)
			out[k++] = f;
	}
	if (r != buf)
		free(r);
	return k;
}

/* Room for need more bytes (and map entries, plus the final one). */
static void norm_text_reserve(struct norm_text *t, size_t need, bool with_map)
{
	size_t want = t->len + need + 1;
	if (with_map && t->map == NULL && t->cap > 0)
		t->map = xreallocarray(NULL, t->cap, sizeof *t->map); /* built without a map before */
	if (want <= t->cap)
		return;
	size_t cap = t->cap ? t->cap : 64;
	while (cap < want)
		cap *= 2;
	t->s = xreallocarray(t->s, cap, 1);
	if (with_map || t->map)
		t->map = xreallocarray(t->map, cap, sizeof *t->map);
	t->cap = cap;
}

/* Append the matching form of one original character that starts at byte orig. */
static void norm_text_put(struct norm_text *t, const uint32_t *cps, size_t ncp, size_t orig,
			  bool with_map)
{
	norm_text_reserve(t, ncp * 4, with_map);
	for (size_t i = 0; i < ncp; i++) {
		/* runs of white space collapse to one space */
		if (cps[i] == ' ' && (t->len == 0 || t->s[t->len - 1] == ' '))
			continue;
		int k = u8_uctomb((uint8_t *)t->s + t->len, cps[i], 4);
		if (k <= 0)
			continue;
		if (with_map)
			for (int j = 0; j < k; j++)
				t->map[t->len + (size_t)j] = (uint32_t)orig;
		t->len += (size_t)k;
	}
}

/* norm_text_put of the fold f (below U+0800, not 0) of one character. */
static inline void norm_text_put_short(struct norm_text *t, uint32_t f, size_t orig,
				       bool with_map)
{
	size_t at = t->len;

	if (t->len + 3 > t->cap)
		norm_text_reserve(t, 2, with_map);
	if (f == ' ' && (at == 0 || t->s[at - 1] == ' '))
		return;
	if (f < 0x80) {
		t->s[t->len++] = (char)f;
	} else {
		t->s[t->len++] = (char)(0xC0 | f >> 6);
		t->s[t->len++] = (char)(0x80 | (f & 0x3F));
	}
	if (with_map)
		for (size_t j = at; j < t->len; j++)
			t->map[j] = (uint32_t)orig;
}

/* The fold of the character at s[i] when it is ASCII or of the Arabic block (U+0600-06FF,
 * whose letters NFKC leaves alone: norm_needs_nfkc), *k set to its bytes; UINT32_MAX for any
 * other, which takes the general way. Nearly all of an Arabic text goes this way. */
static inline uint32_t norm_fold_common(const char *s, size_t n, size_t i, size_t *k)
{
	unsigned char c = (unsigned char)s[i];

	if (c < 0x80) {
		*k = 1;
		return norm_fold_table[c];
	}
	if (c >= 0xD8 && c <= 0xDB && i + 1 < n && ((unsigned char)s[i + 1] & 0xC0) == 0x80) {
		*k = 2;
		return norm_fold_table[(c & 0x1Fu) << 6 | ((unsigned char)s[i + 1] & 0x3Fu)];
	}
	return UINT32_MAX;
}

void norm_text_set(struct norm_text *t, const char *s, size_t n, bool with_map)
{
	uint32_t cps[NORM_CP_MAX];
	size_t i = 0;

	t->len = 0;
	norm_text_reserve(t, n, with_map);
	pthread_once(&norm_fold_once, norm_fold_init);
	while (i < n) {
		uint32_t cp, f;
		size_t k;
		if ((f = norm_fold_common(s, n, i, &k)) != UINT32_MAX) {
			if (f != 0) /* dropped: NUL, harakat, tatweel */
				norm_text_put_short(t, f, i, with_map);
			i += k;
			continue;
		}
		k = (size_t)text_decode(s + i, n - i, &cp);
		norm_text_put(t, cps, norm_cp(cp, cps), i, with_map);
		i += k;
	}
	norm_text_reserve(t, 0, with_map);
	t->s[t->len] = '\0';
	if (with_map)
		t->map[t->len] = (uint32_t)n;
}

void norm_text_free(struct norm_text *t)
{
	free(t->s);
	free(t->map);
	memset(t, 0, sizeof *t);
}

void norm_text_orig_span(const struct norm_text *t, size_t nbeg, size_t nend, size_t *obeg,
			 size_t *oend)
{
	/* an end inside one character's expansion (الله of ﷺ) takes that character whole */
	while (nend > nbeg && nend < t->len && t->map[nend] == t->map[nend - 1])
		nend++;
	*obeg = t->map[nbeg];
	*oend = t->map[nend];
}

char *norm_string(const char *s, size_t n, size_t *len)
{
	struct norm_text t = {0};
	norm_text_set(&t, s, n, false);
	if (len)
		*len = t.len;
	return t.s;
}

static bool norm_is_wordch_slow(uint32_t cp)
{
	return uc_is_general_category(cp, UC_CATEGORY_L) ||
	       uc_is_general_category(cp, UC_CATEGORY_N) ||
	       uc_is_general_category(cp, UC_CATEGORY_M);
}

/* Latin and Arabic (below U+0800) from a table made once: the general category lookups were
 * a tenth of tokenising a corpus. */
#define NORM_WORDCH_TABLE 0x800
static uint64_t norm_wordch_bits[NORM_WORDCH_TABLE / 64];
static pthread_once_t norm_wordch_once = PTHREAD_ONCE_INIT;

static void norm_wordch_init(void)
{
	for (uint32_t cp = 0; cp < NORM_WORDCH_TABLE; cp++)
		if (norm_is_wordch_slow(cp))
			norm_wordch_bits[cp / 64] |= 1ull << (cp % 64);
}

bool norm_is_wordch(uint32_t cp)
{
	if (cp >= NORM_WORDCH_TABLE)
		return norm_is_wordch_slow(cp);
	pthread_once(&norm_wordch_once, norm_wordch_init);
	return norm_wordch_bits[cp / 64] >> (cp % 64) & 1;
}

/* The code point at s[i] and its bytes: one- and two-byte sequences (ASCII, Arabic) decoded
 * here, the rest by text_decode. */
static inline int norm_decode(const char *s, size_t len, size_t i, uint32_t *cp)
{
	unsigned char c = (unsigned char)s[i];

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF && i + 1 < len && ((unsigned char)s[i + 1] & 0xC0) == 0x80) {
		*cp = (c & 0x1Fu) << 6 | ((unsigned char)s[i + 1] & 0x3Fu);
		return 2;
	}
	return text_decode(s + i, len - i, cp);
}

/* End of the alphanumeric run starting at i; *letters set when it holds a non-digit. */
static size_t norm_word_end(const char *s, size_t len, size_t i, bool *letters)
{
	pthread_once(&norm_wordch_once, norm_wordch_init);
	*letters = false;
	while (i < len) {
		uint32_t cp;
		int k = norm_decode(s, len, i, &cp);
		if (cp < NORM_WORDCH_TABLE ? norm_wordch_bits[cp / 64] >> (cp % 64) & 1
					   : norm_is_wordch_slow(cp)) {
			if (!(cp >= '0' && cp <= '9'))
				*letters = true;
			i += (size_t)k;
		} else if ((cp == '.' || cp == ',') && !*letters && i + 1 < len &&
			   s[i + 1] >= '0' && s[i + 1] <= '9' && i > 0 && s[i - 1] >= '0' &&
			   s[i - 1] <= '9') {
			i++; /* 2.5, 1,000: one number */
		} else
			break;
	}
	return i;
}

size_t norm_tokenize(const char *s, size_t len, struct norm_token **v, size_t *nv, size_t *cap)
{
	size_t i = 0, before = *nv;

	while (i < len) {
		uint32_t cp;
		int k = norm_decode(s, len, i, &cp);
		struct norm_token tok = {.beg = (uint32_t)i};
		bool letters;

		if (cp == ' ') {
			i += (size_t)k;
			continue;
		}
		if (norm_is_wordch(cp)) { /* white space is no letter, digit or mark */
			i = norm_word_end(s, len, i, &letters);
			tok.kind = letters ? NORM_TOKEN_WORD : NORM_TOKEN_NUMBER;
		} else if (uc_is_property_white_space(cp)) {
			i += (size_t)k;
			continue;
		} else {
			i += (size_t)k;
			tok.kind = NORM_TOKEN_PUNCT;
		}
		tok.end = (uint32_t)i;
		if (*nv == *cap)
			xgrow(v, cap, *nv + 1, sizeof **v);
		(*v)[(*nv)++] = tok;
	}
	return *nv - before;
}

/* Letters (code points) in w[off..n). */
static size_t norm_letters(const char *w, size_t n, size_t off)
{
	size_t count = 0;
	for (size_t i = off; i < n; i++)
		count += ((unsigned char)w[i] & 0xC0) != 0x80;
	return count;
}

static bool norm_has(const char *w, size_t n, size_t off, const char *letter)
{
	size_t k = strlen(letter);
	return off + k <= n && memcmp(w + off, letter, k) == 0;
}

void norm_word_split(const char *w, size_t n, struct norm_split *out)
{
	size_t off = 0;

	if ((norm_has(w, n, 0, "و") || norm_has(w, n, 0, "ف")) && norm_letters(w, n, 2) >= 3)
		off = 2;
	if (norm_has(w, n, off, "لل") && norm_letters(w, n, off + 4) >= 2) {
		/* ل + ال written لل: the article's alef is gone */
		out->proclitic = off;
		out->stem = off + 4;
		return;
	}
	if ((norm_has(w, n, off, "ب") || norm_has(w, n, off, "ل") || norm_has(w, n, off, "ك")) &&
	    norm_letters(w, n, off + 2) >= 3)
		off += 2;
	out->proclitic = off;
	if (norm_has(w, n, off, "ال") && norm_letters(w, n, off + 4) >= 2)
		off += 4;
	out->stem = off;
}
