/* normalize.h - the matching form of text, shared by search, entities and related stories.
 *
 * Matching form, code point by code point:
 *   - NFKC of each character (presentation forms and the lam-alef ligatures back to letters,
 *     full-width Latin to ASCII);
 *   - nonspacing marks (Mn: harakat, shadda, sukun, superscript alef...), invisible format
 *     characters (Cf: ZWNJ, RLM...) and tatweel removed;
 *   - أ إ آ ٱ → ا, ة → ه, ى → ي (and Persian ی ک → ي ك);
 *   - Arabic-Indic ٠-٩ and Eastern ۰-۹ digits → ASCII 0-9;
 *   - Latin (any cased script) lowercased; every white space → one ' '.
 * Each byte of the matching form remembers the byte offset in the original of the character
 * it came from, so a hit found in the matching form highlights the right original bytes.
 *
 * Words (norm_tokenize) are runs of letters and digits of the matching form; every other
 * non-space character is a one-character punctuation token. Clitic prefixes are not removed
 * from the text; norm_word_split tells where they end, so callers can match both forms. */
#ifndef QARI_NORMALIZE_H
#define QARI_NORMALIZE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define NORM_CP_MAX 32 /* code points one character can become (NFKC of U+FDFA is 18) */

struct norm_text {
	char *s;       /* the matching form, NUL-terminated */
	size_t len;    /* its bytes */
	uint32_t *map; /* map[i]: original byte offset of the character that gave byte i;
			  map[len] = original length. NULL when built without a map */
	size_t cap;    /* bytes allocated for s (and entries for map) */
};

/* Build the matching form of s (n bytes of UTF-8; invalid bytes act as U+FFFD). Reuses t's
 * buffers, so one norm_text can serve a whole loop without allocating. t starts zeroed. */
void norm_text_set(struct norm_text *t, const char *s, size_t n, bool with_map);
void norm_text_free(struct norm_text *t);
/* The original byte range [*obeg, *oend) behind the matching-form range [nbeg, nend): it
 * runs up to the next kept character, so marks after the last letter are included, and a
 * character whose matching form it covers only in part (a ligature such as ﷺ) is whole. */
void norm_text_orig_span(const struct norm_text *t, size_t nbeg, size_t nend, size_t *obeg,
			 size_t *oend);

/* Matching form of s as a new string (caller frees); *len gets its length when not NULL. */
char *norm_string(const char *s, size_t n, size_t *len);
/* One code point → its matching form; returns how many code points went to out (0: dropped). */
size_t norm_cp(uint32_t cp, uint32_t out[NORM_CP_MAX]);

enum norm_token_kind {
	NORM_TOKEN_WORD,   /* letters, maybe with digits */
	NORM_TOKEN_NUMBER, /* digits, maybe with one '.' or ',' between digit groups */
	NORM_TOKEN_PUNCT,  /* one other visible character */
};

struct norm_token {
	uint32_t beg, end; /* byte range in the text that was tokenised */
	uint8_t kind;      /* enum norm_token_kind */
};

/* Whether a code point goes into words: a letter, digit or mark (general category L, N, M). */
bool norm_is_wordch(uint32_t cp);

/* Tokenise text already in matching form; appends to *v (capacity *cap, grown with xgrow),
 * returns the number of tokens appended. */
size_t norm_tokenize(const char *s, size_t len, struct norm_token **v, size_t *nv, size_t *cap);

/* Where the clitics of one matching-form word end: proclitic is the byte offset after و/ف
 * and then ب/ل/ك (kept when at least 3 letters remain), stem the offset after a further ال
 * (or the ل of لل), kept when at least 2 letters remain. Both equal 0 when nothing comes off.
 * The forms worth matching are w, w + proclitic and w + stem. */
struct norm_split {
	size_t proclitic;
	size_t stem;
};
void norm_word_split(const char *w, size_t n, struct norm_split *out);

#endif
