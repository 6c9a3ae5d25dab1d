/* text.c - UTF-8 decoding, sanitising and trimming shared by loaders, layout and search. */
#include "qari/text.h"

#include <ctype.h>
#include <fribidi.h>
#include <pthread.h>
#include <string.h>
#include <strings.h>
#include <unictype.h>
#include <uninorm.h>

#include "qari/xalloc.h"

/* Decode with the strict rules of RFC 3629: no overlongs, no surrogates, nothing above
 * U+10FFFF. One bad byte gives one U+FFFD, so a stray byte never swallows good text. */
int text_decode(const char *s, size_t n, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t c, min;
	int len, i;

	if (n == 0) {
		*cp = 0xFFFD;
		return 0;
	}
	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if (u[0] >= 0xC2 && u[0] <= 0xDF)
		len = 2, c = u[0] & 0x1F, min = 0x80;
	else if (u[0] >= 0xE0 && u[0] <= 0xEF)
		len = 3, c = u[0] & 0x0F, min = 0x800;
	else if (u[0] >= 0xF0 && u[0] <= 0xF4)
		len = 4, c = u[0] & 0x07, min = 0x10000;
	else
		goto bad;
	if ((size_t)len > n)
		goto bad;
	for (i = 1; i < len; i++) {
		if ((u[i] & 0xC0) != 0x80)
			goto bad;
		c = (c << 6) | (u[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		goto bad;
	*cp = c;
	return len;
bad:
	*cp = 0xFFFD;
	return 1;
}

/* Bytes at the start of s that sanitising keeps as they are: ASCII but NUL and two-byte
 * sequences (Arabic, Latin-1) are checked inline, the rest by text_decode. */
static size_t text_clean_span(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;

	while (i < n) {
		uint32_t cp;
		int len;
		if (u[i] - 1u < 0x7Fu) {
			i++;
		} else if (u[i] >= 0xC2 && u[i] <= 0xDF && i + 1 < n && (u[i + 1] & 0xC0) == 0x80) {
			i += 2;
		} else {
			len = text_decode(s + i, n - i, &cp);
			if (cp == 0 || (cp == 0xFFFD && !(len == 3 && memcmp(s + i, "\xEF\xBF\xBD", 3) == 0)))
				break;
			i += (size_t)len;
		}
	}
	return i;
}

size_t text_encode(uint32_t cp, char out[4])
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

void text_sanitize_utf8_into(struct strbuf *out, const char *s, size_t n)
{
	static const char repl[] = "\xEF\xBF\xBD";
	size_t i = 0;

	while (i < n) {
		size_t clean = text_clean_span(s + i, n - i);
		uint32_t cp;
		strbuf_append(out, s + i, clean);
		i += clean;
		if (i < n) {
			/* a bad sequence or a NUL: one U+FFFD for what text_decode consumed */
			strbuf_append(out, repl, 3);
			i += (size_t)text_decode(s + i, n - i, &cp);
		}
	}
	if (out->data == NULL)
		strbuf_append(out, "", 0);
}

char *text_sanitize_utf8(const char *s, size_t n)
{
	struct strbuf sb = {0};
	size_t clean = text_clean_span(s, n);

	if (clean == n)
		return xstrndup(s, n); /* the usual case: one exact allocation */
	strbuf_append(&sb, s, clean);
	text_sanitize_utf8_into(&sb, s + clean, n - clean);
	return strbuf_take(&sb);
}

static bool text_is_space_cp(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\r' || cp == '\n' || cp == '\f' || cp == '\v' ||
	       cp == 0xA0 || cp == 0xFEFF || uc_is_property_white_space(cp);
}

void text_trim(const char **s, size_t *n)
{
	const char *p = *s;
	size_t len = *n;
	uint32_t cp;
	int k;

	while (len > 0 && (k = text_decode(p, len, &cp)) > 0 && text_is_space_cp(cp))
		p += k, len -= (size_t)k;
	while (len > 0) {
		size_t start = len - 1;
		while (start > 0 && ((unsigned char)p[start] & 0xC0) == 0x80 && len - start < 4)
			start--;
		k = text_decode(p + start, len - start, &cp);
		if ((size_t)k != len - start || !text_is_space_cp(cp))
			break;
		len = start;
	}
	*s = p;
	*n = len;
}

/* Copy s with each run of white space (tabs, no-break spaces, a column of spaces padding a
 * wire headline) as one ASCII space. Other bytes, bad ones included, are copied as they are. */
void text_squeeze_spaces_into(struct strbuf *out, const char *s, size_t n)
{
	bool in_space = false;
	uint32_t cp;

	for (size_t i = 0; i < n;) {
		int k = text_decode(s + i, n - i, &cp);
		bool space = text_is_space_cp(cp);
		if (!space)
			strbuf_append(out, s + i, (size_t)k);
		else if (!in_space)
			strbuf_appendc(out, ' ');
		in_space = space;
		i += (size_t)k;
	}
	if (out->data == NULL)
		strbuf_append(out, "", 0);
}

bool text_is_blank(const char *s, size_t n)
{
	text_trim(&s, &n);
	return n == 0;
}

/* Strong direction of every code point below U+0800 (ASCII, Latin, Hebrew, Arabic), taken
 * from FriBidi once: counting needs no library call for nearly all news text. */
enum { TEXT_WEAK, TEXT_RTL, TEXT_LTR };
#define TEXT_TABLE_END 0x800
static unsigned char text_strong_table[TEXT_TABLE_END];
static pthread_once_t text_strong_once = PTHREAD_ONCE_INIT;

static int text_strong_of(uint32_t cp)
{
	FriBidiCharType t = fribidi_get_bidi_type(cp);
	if (t == FRIBIDI_TYPE_RTL || t == FRIBIDI_TYPE_AL)
		return TEXT_RTL;
	return t == FRIBIDI_TYPE_LTR ? TEXT_LTR : TEXT_WEAK;
}

static void text_strong_init(void)
{
	for (uint32_t cp = 0; cp < TEXT_TABLE_END; cp++)
		text_strong_table[cp] = (unsigned char)text_strong_of(cp);
}

void text_count_strong(const char *s, size_t n, size_t *rtl, size_t *ltr)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, r = 0, l = 0; /* in registers: no store-to-load chain through an array */

	pthread_once(&text_strong_once, text_strong_init);
	while (i < n) {
		uint32_t cp;
		int t;
		if (u[i] < 0x80) {
			t = text_strong_table[u[i++]];
		} else if (u[i] >= 0xC2 && u[i] <= 0xDF && i + 1 < n && (u[i + 1] & 0xC0) == 0x80) {
			t = text_strong_table[((u[i] & 0x1Fu) << 6) | (u[i + 1] & 0x3Fu)];
			i += 2;
		} else {
			i += (size_t)text_decode(s + i, n - i, &cp);
			t = text_strong_of(cp);
		}
		r += t == TEXT_RTL;
		l += t == TEXT_LTR;
	}
	*rtl += r;
	*ltr += l;
}

/* Explicit bidi controls and marks, and U+FEFF: invisible, and raw on a terminal an
 * unterminated RLO or LRI reverses everything after it on the row. */
bool text_is_bidi_control(uint32_t cp)
{
	return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
	       cp == 0x200E || cp == 0x200F || cp == 0x061C || cp == 0xFEFF;
}

void text_neutralize_into(struct strbuf *out, const char *s, size_t n)
{
	size_t i = 0, run = 0;

	while (i < n) {
		uint32_t cp;
		int k = text_decode(s + i, n - i, &cp);
		bool bad = cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) ||
			   (cp == 0xFFFD && k == 1) || text_is_bidi_control(cp);
		if (bad) {
			/* ␀…␟ and ␡ are three bytes: E2 90 80+c and E2 90 A1 */
			char pic[3] = {(char)0xE2, (char)(cp < 0x20 ? 0x90 : 0x90),
				       (char)(cp < 0x20 ? 0x80 + cp : 0xA1)};
			strbuf_append(out, s + run, i - run);
			if (cp == '\t')
				strbuf_appendc(out, ' ');
			else if (cp < 0x20 || cp == 0x7F)
				strbuf_append(out, pic, 3);
			else if (text_is_bidi_control(cp))
				; /* dropped: the text reads the same without it */
			else
				strbuf_append(out, "\xEF\xBF\xBD", 3);
			run = i + (size_t)k;
		}
		i += (size_t)k;
	}
	strbuf_append(out, s + run, n - run);
}

char *text_neutralize(const char *s)
{
	struct strbuf sb = {0};
	text_neutralize_into(&sb, s, strlen(s));
	return strbuf_take(&sb);
}

/* Where a URL stops: white space, controls, bidi controls, the characters RFC 3986 never
 * allows raw and quotation marks (ASCII, guillemets, curly) and Arabic punctuation around it. */
static bool text_url_stop(uint32_t cp, int k)
{
	static const char ascii[] = "<>\"`{}|\\^";
	if (cp <= 0x20 || (cp >= 0x7F && cp < 0xA0) || (cp == 0xFFFD && k == 1))
		return true;
	if (cp < 0x80)
		return strchr(ascii, (int)cp) != NULL;
	return text_is_bidi_control(cp) || uc_is_space(cp) || cp == 0xAB || cp == 0xBB ||
	       (cp >= 0x2018 && cp <= 0x201F) || cp == 0x060C || cp == 0x061B || cp == 0x061F ||
	       cp == 0x06D4 || cp == 0x3000;
}

/* Trailing punctuation belongs to the sentence, not the URL; a closing bracket stays only
 * when the URL opened it (Wikipedia's "..._(disambiguation)"). */
static size_t text_url_trim(const char *s, size_t beg, size_t end)
{
	while (end > beg) {
		char c = s[end - 1];
		const char *open = c == ')' ? "(" : c == ']' ? "[" : NULL;
		if (c != '\0' && strchr(".,:;!?'*", c) != NULL) {
			end--;
			continue;
		}
		if (open != NULL) {
			size_t opens = 0, closes = 0;
			for (size_t i = beg; i < end; i++)
				opens += s[i] == *open, closes += s[i] == c;
			if (closes > opens) {
				end--;
				continue;
			}
		}
		break;
	}
	return end;
}

bool text_find_url(const char *s, size_t n, size_t from, size_t *beg, size_t *end)
{
	for (size_t i = from; i + 8 <= n; i++) {
		size_t scheme, j, e;
		if ((s[i] | 0x20) != 'h')
			continue; /* no scheme here: most bytes, and an open scans every one */
		scheme = strncasecmp(s + i, "https://", 8) == 0   ? 8
			 : strncasecmp(s + i, "http://", 7) == 0 ? 7 : 0;
		j = i + scheme;
		if (scheme == 0 || (i > 0 && ((unsigned char)s[i - 1] < 0x80) &&
				    (isalnum((unsigned char)s[i - 1]) || s[i - 1] == '/')))
			continue;
		while (j < n) {
			uint32_t cp;
			int k = text_decode(s + j, n - j, &cp);
			if (text_url_stop(cp, k))
				break;
			j += (size_t)k;
		}
		e = text_url_trim(s, i + scheme, j);
		if (e > i + scheme && (isalnum((unsigned char)s[i + scheme]) ||
				       (unsigned char)s[i + scheme] >= 0x80)) {
			*beg = i, *end = e;
			return true;
		}
		i = j > i ? j - 1 : i;
	}
	return false;
}

void text_uri_payload(const char *s, size_t n, struct strbuf *out)
{
	static const char hex[] = "0123456789ABCDEF";
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c > 0x20 && c < 0x7F) {
			strbuf_appendc(out, (char)c);
		} else {
			char pct[3] = {'%', hex[c >> 4], hex[c & 15]};
			strbuf_append(out, pct, 3);
		}
	}
}

static bool text_persian_urdu_letter(uint32_t cp)
{
	switch (cp) {
	case 0x067E: case 0x0686: case 0x0698: case 0x06AF: case 0x06A9: case 0x06CC: /* پ چ ژ گ ک ی */
	case 0x0679: case 0x0688: case 0x0691: case 0x06BA: case 0x06BE: case 0x06C1: /* ٹ ڈ ڑ ں ھ ہ */
	case 0x06D2: /* ے */
		return true;
	default:
		return false;
	}
}

static bool text_is_presentation_form(uint32_t cp)
{
	return (cp >= 0xFB50 && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFE);
}

/* A presentation form's letter (ﻋ, ﭖ: some scraped articles are stored shaped), read as the
 * letter it shapes; any other character as itself. */
static uint32_t text_presentation_base(uint32_t cp)
{
	ucs4_t d[UC_DECOMPOSITION_MAX_LENGTH];
	int tag;

	if (!text_is_presentation_form(cp))
		return cp;
	return uc_decomposition(cp, &tag, d) >= 1 ? d[0] : cp;
}

char *text_unshaped_dup(const char *s, size_t n)
{
	bool shaped = false;
	uint8_t *out;
	size_t len;

	for (size_t i = 0; i < n && !shaped;) {
		uint32_t cp;
		i += (size_t)text_decode(s + i, n - i, &cp);
		shaped = text_is_presentation_form(cp);
	}
	if (!shaped || (out = u8_normalize(UNINORM_NFKC, (const uint8_t *)s, n, NULL, &len)) == NULL)
		return xstrndup(s, n);
	out = xreallocarray(out, len + 1, 1);
	out[len] = '\0';
	return (char *)out;
}

void text_count_letters(const char *s, size_t n, struct text_letters *c)
{
	size_t i = 0;

	while (i < n) {
		uint32_t cp;
		if ((unsigned char)s[i] < 0x80) {
			unsigned char b = (unsigned char)s[i++];
			c->other += (b | 0x20) >= 'a' && (b | 0x20) <= 'z';
			continue;
		}
		i += (size_t)text_decode(s + i, n - i, &cp);
		cp = text_presentation_base(cp);
		if (cp >= 0x0620 && cp <= 0x06FF && uc_is_alpha(cp)) {
			c->arabic++;
			c->persian_urdu += text_persian_urdu_letter(cp);
		} else if (uc_is_alpha(cp)) {
			c->other++;
		}
	}
}

/* Arabic script for at least a third of the letters (scraped articles carry Latin CSS and
 * URLs), and few Persian or Urdu letters: those languages have several in a hundred (ی and
 * ک alone), Arabic almost none (a borrowed name with گ or چ now and then). */
bool text_letters_arabic(const struct text_letters *c)
{
	return c->arabic * 2 > c->other && c->persian_urdu * 25 < c->arabic;
}
