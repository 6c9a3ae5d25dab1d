/* text.h - UTF-8 helpers shared by loaders, layout and search. */
#ifndef QARI_TEXT_H
#define QARI_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "qari/article.h"

/* Copy s (n bytes) with invalid UTF-8 replaced by U+FFFD and NUL bytes by U+FFFD. */
char *text_sanitize_utf8(const char *s, size_t n);
/* Same into an existing buffer; returns the new length. */
struct strbuf;
void text_sanitize_utf8_into(struct strbuf *out, const char *s, size_t n);

/* Trim ASCII and Unicode white space (incl. NBSP, U+200F-style marks are kept) at both ends. */
void text_trim(const char **s, size_t *n);
bool text_is_blank(const char *s, size_t n);
/* Append s to out with every run of white space as one ASCII space. */
void text_squeeze_spaces_into(struct strbuf *out, const char *s, size_t n);

/* Dominant direction of a text by counting strong characters (R/AL against L); ties: LTR. */
void text_count_strong(const char *s, size_t n, size_t *rtl, size_t *ltr);

/* Encode one code point (≤ U+10FFFF) as UTF-8 into out; returns its length, 1 to 4. */
size_t text_encode(uint32_t cp, char out[4]);

/* Letters counted by language family, for deciding whether Arabic-only tools (the entity
 * tagger) apply: Arabic-script letters, those of them only Persian or Urdu use (پ چ ژ گ ک ی
 * ٹ ڈ ڑ ں ھ ہ ے), and every other letter. */
struct text_letters {
	size_t arabic, persian_urdu, other;
};
void text_count_letters(const char *s, size_t n, struct text_letters *c);
/* At least a third Arabic-script letters, and too few Persian or Urdu ones for either. */
bool text_letters_arabic(const struct text_letters *c);

/* A copy of s[0, n) NUL-terminated, its Arabic presentation forms (U+FB50-FDFF, FE70-FEFF:
 * text stored already shaped) as the letters they shape, so that a name read out of such
 * text is written as any other and shaped again where it is drawn. */
char *text_unshaped_dup(const char *s, size_t n);

/* Decode one code point; invalid sequences give U+FFFD and consume one byte. Returns length. */
int text_decode(const char *s, size_t n, uint32_t *cp);
/* Explicit bidi controls and marks (LRE…RLO, LRI…PDI, LRM, RLM, ALM) and U+FEFF. */
bool text_is_bidi_control(uint32_t cp);

/* Control characters (C0, DEL, C1) as visible pictures (tab as a space), invalid bytes as
 * U+FFFD, bidi controls and marks (LRE-RLO, PDF, LRI-PDI, LRM, RLM, ALM) and U+FEFF dropped:
 * for text printed by subcommands and error messages, never raw to a terminal. */
char *text_neutralize(const char *s);
void text_neutralize_into(struct strbuf *out, const char *s, size_t n);

/* The next http:// or https:// URL in s at or after from: [*beg, *end), trailing punctuation
 * left out. Raw non-ASCII letters (an Arabic path) belong to it; white space, controls,
 * quotation marks and Arabic punctuation end it. */
bool text_find_url(const char *s, size_t n, size_t from, size_t *beg, size_t *end);
/* A URL as a terminal escape's payload (OSC 8): printable ASCII kept, every other byte
 * (controls, ESC, non-ASCII, spaces) percent-encoded, so it can neither end nor steer it. */
void text_uri_payload(const char *s, size_t n, struct strbuf *out);

#endif
