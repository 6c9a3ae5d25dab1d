/* test_normalize.c - each rule of the matching form, the offset map, words and clitics. */
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#include "check.h"
#include "qari/normalize.h"
#include "qari/text.h"

static char *norm(const char *s)
{
	return norm_string(s, strlen(s), NULL);
}

#define CHECK_NORM(in, expected)            \
	do {                                \
		char *got_ = norm(in);      \
		CHECK_STR(got_, expected);  \
		free(got_);                 \
	} while (0)

static void test_rules(void)
{
	CHECK_NORM("أحمد إبراهيم آمال ٱلله", "احمد ابراهيم امال الله"); /* hamza forms of alef */
	CHECK_NORM("مُحَمَّدٌ", "محمد");                                  /* harakat and shadda */
	CHECK_NORM("الرحمٰن", "الرحمن");                                /* superscript alef (Mn) */
	CHECK_NORM("كـــتـاب", "كتاب");                                  /* tatweel */
	CHECK_NORM("مدرسة", "مدرسه");                                   /* taa marbuta */
	CHECK_NORM("مستشفى", "مستشفي");                                 /* alef maqsura */
	CHECK_NORM("عام ٢٠٢٢ و۱۹۹۰", "عام 2022 و1990");                 /* Arabic-Indic, Eastern */
	CHECK_NORM("Sputnik CNN Ünal", "sputnik cnn ünal");             /* Latin casefolded */
	CHECK_NORM("\xEF\xBB\xBB", "لا");                                /* lam-alef ligature (NFKC) */
	CHECK_NORM("\xEF\xBA\x8D\xEF\xBB\x9F", "ال");                    /* presentation forms */
	CHECK_NORM("ＡＢＣ", "abc");                                     /* full-width Latin */
	CHECK_NORM("a\u200Fb\u200Cc", "abc");                            /* format characters */
	CHECK_NORM("a \t\u00A0 b", "a b");                               /* white space collapses */
	CHECK_NORM("مؤتمر", "مؤتمر");                                   /* hamza on waw stays */
	CHECK_NORM("\xff", "\xEF\xBF\xBD");                              /* invalid byte → U+FFFD */
}

/* A NUL byte is dropped like other nothing-characters: the form stays a C string of its
 * length (found by fuzz_search). */
static void test_nul(void)
{
	size_t len;
	char *s = norm_string("a\0b\0", 4, &len);
	CHECK_INT(len, 2);
	CHECK_STR(s, "ab");
	free(s);
}

static void test_map(void)
{
	const char *s = "قالَ لافـروف";
	struct norm_text t = {0};
	size_t ob, oe;
	norm_text_set(&t, s, strlen(s), true);
	CHECK_STR(t.s, "قال لافروف");
	CHECK_INT(t.map[0], 0);
	CHECK_INT(t.map[t.len], strlen(s));
	/* "لافروف" in the matching form: bytes 7..19 */
	const char *hit = strstr(t.s, "لافروف");
	CHECK(hit != NULL);
	norm_text_orig_span(&t, (size_t)(hit - t.s), (size_t)(hit - t.s) + strlen("لافروف"), &ob, &oe);
	CHECK_INT(ob, strlen("قالَ "));
	CHECK_INT(oe, strlen(s));
	/* "قال" ends before the space: the fatha after its last letter is included */
	norm_text_orig_span(&t, 0, strlen("قال"), &ob, &oe);
	CHECK_INT(ob, 0);
	CHECK_INT(oe, strlen("قالَ"));
	/* the ligature: two letters from one character map to the same original offset */
	norm_text_set(&t, "x\xEF\xBB\xBBy", 5, true);
	CHECK_STR(t.s, "xلاy");
	CHECK_INT(t.map[1], 1);
	CHECK_INT(t.map[3], 1);
	CHECK_INT(t.map[5], 4);
	norm_text_orig_span(&t, 3, 5, &ob, &oe);
	CHECK_INT(ob, 1);
	CHECK_INT(oe, 4);
	norm_text_free(&t);
}

/* The table behind norm_is_wordch agrees with libunistring everywhere it covers, and the
 * code points past it are asked of libunistring. */
static void test_wordch(void)
{
	size_t wrong = 0;
	for (uint32_t cp = 0; cp < 0x3000; cp++)
		wrong += norm_is_wordch(cp) != (uc_is_general_category(cp, UC_CATEGORY_L) ||
						uc_is_general_category(cp, UC_CATEGORY_N) ||
						uc_is_general_category(cp, UC_CATEGORY_M));
	CHECK_INT(wrong, 0);
	for (uint32_t cp = 0; cp < 0x110000; cp++) /* norm_tokenize asks which first */
		wrong += norm_is_wordch(cp) && uc_is_property_white_space(cp);
	CHECK_INT(wrong, 0);
	CHECK(norm_is_wordch(0x0628) && norm_is_wordch(0x064E) && norm_is_wordch('7'));
	CHECK(!norm_is_wordch(0x060C) && !norm_is_wordch(' ') && !norm_is_wordch(0x061F));
}

/* Every code point below U+0800 without a decomposition (the folds a table holds) follows
 * the rules: digits to ASCII, the Arabic folds, marks, format characters and tatweel
 * dropped, white space to a space, the rest lowercased. */
static void test_fold_rules(void)
{
	size_t wrong = 0;
	for (uint32_t cp = 1; cp < 0x800; cp++) {
		ucs4_t d[UC_DECOMPOSITION_MAX_LENGTH];
		uint32_t out[NORM_CP_MAX], want;
		int tag;
		size_t n;
		bool arabic = cp >= 0x0600 && cp <= 0x06FF;
		if (!arabic && cp >= 0x80 && uc_decomposition(cp, &tag, d) > 0)
			continue; /* NFKC first */
		if (cp >= 0x0660 && cp <= 0x0669)
			want = '0' + cp - 0x0660;
		else if (cp >= 0x06F0 && cp <= 0x06F9)
			want = '0' + cp - 0x06F0;
		else if (cp == 0x0622 || cp == 0x0623 || cp == 0x0625 || cp == 0x0671)
			want = 0x0627;
		else if (cp == 0x0629 || cp == 0x0649 || cp == 0x06CC || cp == 0x06A9)
			want = cp == 0x0629 ? 0x0647 : cp == 0x06A9 ? 0x0643 : 0x064A;
		else if (cp == 0x0640 || uc_is_general_category(cp, UC_CATEGORY_Mn) ||
			 uc_is_general_category(cp, UC_CATEGORY_Cf))
			want = 0;
		else if (uc_is_property_white_space(cp))
			want = ' ';
		else
			want = uc_tolower(cp);
		n = norm_cp(cp, out);
		wrong += want == 0 ? n != 0 : (n != 1 || out[0] != want);
	}
	CHECK_INT(wrong, 0);
}

static void test_tokenize(void)
{
	char *s = norm("قال لافروف، في 12 فبراير/شباط 2.5% (CNN).");
	struct norm_token *v = NULL;
	size_t nv = 0, cap = 0;
	CHECK_INT(norm_tokenize(s, strlen(s), &v, &nv, &cap), 14);
	CHECK_INT(v[1].kind, NORM_TOKEN_WORD);
	CHECK(strncmp(s + v[1].beg, "لافروف", v[1].end - v[1].beg) == 0);
	CHECK_INT(v[2].kind, NORM_TOKEN_PUNCT);
	CHECK_INT(v[4].kind, NORM_TOKEN_NUMBER);
	CHECK_INT(v[6].kind, NORM_TOKEN_PUNCT);
	CHECK_INT(v[8].kind, NORM_TOKEN_NUMBER);
	CHECK_INT(v[8].end - v[8].beg, 3); /* 2.5 */
	CHECK_INT(v[10].kind, NORM_TOKEN_PUNCT);
	CHECK(strncmp(s + v[11].beg, "cnn", 3) == 0);
	CHECK_INT(v[13].kind, NORM_TOKEN_PUNCT);
	free(v);
	free(s);
}

static void check_split(const char *w, const char *procl, const char *stem)
{
	struct norm_split sp;
	size_t n = strlen(w);
	norm_word_split(w, n, &sp);
	CHECK_STR(w + sp.proclitic, procl);
	CHECK_STR(w + sp.stem, stem);
}

static void test_clitics(void)
{
	check_split("واوكرانيا", "اوكرانيا", "اوكرانيا");
	check_split("والولايات", "الولايات", "ولايات");
	check_split("للولايات", "للولايات", "ولايات");
	check_split("بموسكو", "موسكو", "موسكو");
	check_split("وبالتالي", "التالي", "تالي");
	check_split("فالرياض", "الرياض", "رياض");
	check_split("الروسي", "الروسي", "روسي");
	check_split("ولد", "ولد", "ولد");   /* too short: nothing comes off */
	check_split("بال", "بال", "بال");
	check_split("ال", "ال", "ال");
	check_split("sputnik", "sputnik", "sputnik");
}

/* The matching form built the general way, character by character through norm_cp, with
 * runs of spaces collapsed; map[i] is the original offset of byte i (out has room). */
static size_t norm_by_cp(const char *s, size_t n, char *out, uint32_t *map)
{
	size_t len = 0;
	for (size_t i = 0; i < n;) {
		uint32_t cp, cps[NORM_CP_MAX];
		int k = text_decode(s + i, n - i, &cp);
		size_t ncp = norm_cp(cp, cps);
		for (size_t c = 0; c < ncp; c++) {
			if (cps[c] == ' ' && (len == 0 || out[len - 1] == ' '))
				continue;
			int b = u8_uctomb((uint8_t *)out + len, cps[c], 4);
			for (int j = 0; j < b; j++)
				map[len + (size_t)j] = (uint32_t)i;
			len += b > 0 ? (size_t)b : 0;
		}
		i += (size_t)k;
	}
	map[len] = (uint32_t)n;
	return len;
}

/* norm_text_set's quick ways (ASCII, the Arabic block) give what the general way gives, text
 * and map, for every code point between others, and for cut or invalid sequences. */
static void check_as_by_cp(struct norm_text *t, const char *s, size_t n, size_t *wrong)
{
	char want[256];
	uint32_t map[256];
	size_t len = norm_by_cp(s, n, want, map);

	norm_text_set(t, s, n, true);
	*wrong += t->len != len || memcmp(t->s, want, len) != 0 ||
		  memcmp(t->map, map, (len + 1) * sizeof *map) != 0;
}

static void test_quick_ways(void)
{
	static const char *const odd[] = {"\xD8", "\xD8" "a", "\xDB\xBF", "\xD9\xD9\x8E", "a\xC0\x80" "b",
					  "\xEF\xBB\xBF\xD8\xA7", " \t \xD9\x80 \n"};
	struct norm_text t = {0};
	size_t wrong = 0;

	for (uint32_t cp = 1; cp < 0x110000; cp++) {
		char s[32];
		size_t n = 0;
		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		s[n++] = ' ';
		n += (size_t)u8_uctomb((uint8_t *)s + n, cp, 4);
		memcpy(s + n, "\xD8\xA3 ", 3), n += 3;
		n += (size_t)u8_uctomb((uint8_t *)s + n, cp, 4);
		n += (size_t)u8_uctomb((uint8_t *)s + n, cp, 4);
		s[n++] = 'Q';
		check_as_by_cp(&t, s, n, &wrong);
	}
	for (size_t k = 0; k < sizeof odd / sizeof *odd; k++)
		check_as_by_cp(&t, odd[k], strlen(odd[k]), &wrong);
	CHECK_INT(wrong, 0);
	norm_text_free(&t);
}

int main(void)
{
	test_rules();
	test_nul();
	test_map();
	test_wordch();
	test_fold_rules();
	test_quick_ways();
	test_tokenize();
	test_clitics();
	return check_done();
}
