/* test_text.c - the fast paths of text.c and html.c give what the slow ones gave: strong
 * direction of every code point as FriBidi says, sanitising of every kind of bad UTF-8, HTML
 * sniffing where '<', '>' and '&' sit in odd places, and an article's direction decided early. */
#include <fribidi.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "qari/html.h"
#include "qari/text.h"
#include "qari/xalloc.h"

static size_t test_encode(uint32_t cp, char *u)
{
	if (cp < 0x80)
		return u[0] = (char)cp, 1;
	if (cp < 0x800) {
		u[0] = (char)(0xC0 | cp >> 6);
		u[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		u[0] = (char)(0xE0 | cp >> 12);
		u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	u[0] = (char)(0xF0 | cp >> 18);
	u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	u[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

/* Every code point counts as FriBidi's type says (the table below U+0800 included). */
static void test_count_strong_all(void)
{
	size_t wrong = 0;

	for (uint32_t cp = 0; cp < 0x110000; cp++) {
		char u[4];
		size_t rtl = 0, ltr = 0, n;
		FriBidiCharType t = fribidi_get_bidi_type(cp);
		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		n = test_encode(cp, u);
		text_count_strong(u, n, &rtl, &ltr);
		wrong += rtl != (t == FRIBIDI_TYPE_RTL || t == FRIBIDI_TYPE_AL) ||
			 ltr != (t == FRIBIDI_TYPE_LTR);
	}
	CHECK_INT(wrong, 0);
}

static void test_count_strong_mixed(void)
{
	const char *s = "CNN: قال \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D 12 \xFF\xC3 ﻻ é";
	size_t rtl = 0, ltr = 0;
	text_count_strong(s, strlen(s), &rtl, &ltr);
	CHECK_INT(rtl, 3 + 4 + 1); /* Arabic, Hebrew, a presentation form */
	CHECK_INT(ltr, 3 + 1);     /* CNN, é; bad bytes count as neither */
}

static void check_sanitize(const char *in, size_t n, const char *want)
{
	char *got = text_sanitize_utf8(in, n);
	struct strbuf sb = {0};
	CHECK_STR(got, want);
	strbuf_append(&sb, "x", 1);
	text_sanitize_utf8_into(&sb, in, n);
	CHECK(strncmp(sb.data, "x", 1) == 0 && strcmp(sb.data + 1, want) == 0);
	strbuf_free(&sb);
	free(got);
}

#define R "\xEF\xBF\xBD"

static void test_sanitize(void)
{
	check_sanitize("", 0, "");
	check_sanitize("plain ascii", 11, "plain ascii");
	check_sanitize("عربي é", strlen("عربي é"), "عربي é");
	check_sanitize("a\0b", 3, "a" R "b");
	check_sanitize("\xC0\x80", 2, R R);             /* overlong NUL */
	check_sanitize("\xED\xA0\x80", 3, R R R);       /* a surrogate */
	check_sanitize("\xF4\x90\x80\x80", 4, R R R R); /* above U+10FFFF */
	check_sanitize("\xD8", 1, R);                    /* cut two-byte sequence */
	check_sanitize("\xD8 x", 3, R " x");
	check_sanitize("x\xE2\x80", 3, "x" R R);
	check_sanitize(R, 3, R); /* a real U+FFFD stays one */
	check_sanitize("\xF0\x9F\x98\x80!", 5, "\xF0\x9F\x98\x80!");
	check_sanitize("\x80\xBF\xFE\xFF", 4, R R R R);
	check_sanitize("\x7F\x01", 2, "\x7F\x01"); /* controls are the layout's business */
}

static void test_looks_like(void)
{
	CHECK(html_looks_like("<p", 2) == false);  /* no '>' after it */
	CHECK(html_looks_like("> <p", 4) == false); /* the only '>' is before it */
	CHECK(html_looks_like("<p> x", 5));
	CHECK(html_looks_like("a < b <br/>", 11));
	CHECK(!html_looks_like("a <1> b", 7));
	CHECK(!html_looks_like("&", 1));
	CHECK(!html_looks_like("&;", 2));
	CHECK(!html_looks_like("&#;", 3));
	CHECK(html_looks_like("& &x;", 5));
	CHECK(!html_looks_like("&abcdefghijklmnop;", 18)); /* too long for a name */
	CHECK(html_looks_like("<!-- c -->", 10));
	CHECK(!html_looks_like("", 0));
}

static enum text_dir dir_of(const char *title, const char *const *paras, size_t n)
{
	struct article *a = article_new("x.txt");
	enum text_dir d;

	article_set_title(a, title, strlen(title));
	for (size_t i = 0; i < n; i++)
		article_add_para(a, paras[i], strlen(paras[i]));
	article_finish(a, "x.txt");
	d = a->dir;
	article_free(a);
	return d;
}

/* article_finish stops counting once the rest cannot change the winner: ties stay LTR. */
static void test_article_direction(void)
{
	const char *tie[] = {"ابجد", "x"};
	const char *rtl[] = {"ابجد هوز حطي", "a", "b"};
	const char *late[] = {"ab", "cd", "ابجد هوز"};
	const char *ltr[] = {"The president said", "قال"};

	CHECK_INT(dir_of("abc", tie, 2), TEXT_DIR_LTR);      /* 4 against 4 */
	CHECK_INT(dir_of("abc", rtl, 3), TEXT_DIR_RTL);      /* 10 against 5 */
	CHECK_INT(dir_of("x", late, 3), TEXT_DIR_RTL);       /* 7 against 5, decided at the end */
	CHECK_INT(dir_of("CNN", ltr, 2), TEXT_DIR_LTR);
	CHECK_INT(dir_of("قال", NULL, 0), TEXT_DIR_RTL);
}

/* The URL found in text, "" when none; more than one joined by '|'. */
static char *urls_in(const char *text)
{
	struct strbuf sb = {0};
	size_t from = 0, beg, end, n = strlen(text);
	while (text_find_url(text, n, from, &beg, &end)) {
		if (sb.len)
			strbuf_appendc(&sb, '|');
		strbuf_append(&sb, text + beg, end - beg);
		from = end;
	}
	strbuf_appendc(&sb, '\0');
	return strbuf_take(&sb);
}

#define CHECK_URLS(text, expected)          \
	do {                                \
		char *got_ = urls_in(text); \
		CHECK_STR(got_, expected);  \
		free(got_);                 \
	} while (0)

static void test_find_url(void)
{
	CHECK_URLS("no link here", "");
	CHECK_URLS("see https://example.com/a?b=1&c=2.", "https://example.com/a?b=1&c=2");
	CHECK_URLS("(http://x.org/wiki/A_(b)) and HTTPS://Y.ORG/, done",
		   "http://x.org/wiki/A_(b)|HTTPS://Y.ORG/");
	/* an Arabic path belongs to the URL; Arabic punctuation and quotes end it */
	CHECK_URLS("المصدر: https://ar.wikipedia.org/wiki/مصر، ثم «http://a.sa/ب»",
		   "https://ar.wikipedia.org/wiki/مصر|http://a.sa/ب");
	/* controls, escapes and bidi overrides end it: they never reach a payload */
	CHECK_URLS("http://a.com/x\x1b]8;;http://evil\x07", "http://a.com/x|http://evil");
	CHECK_URLS("http://a.com/\xe2\x80\xaegpj.exe", "http://a.com/");
	/* a scheme alone, or glued to a word, is not a link */
	CHECK_URLS("https:// and xhttp://a.com", "");
}

static void test_uri_payload(void)
{
	struct strbuf sb = {0};
	const char *url = "http://a.sa/مصر?q=a b\x1b\\";
	text_uri_payload(url, strlen(url), &sb);
	strbuf_appendc(&sb, '\0');
	CHECK_STR(sb.data, "http://a.sa/%D9%85%D8%B5%D8%B1?q=a%20b%1B\\");
	strbuf_free(&sb);
}

/* Whether the Arabic-only tagger applies: Arabic yes; Persian, Urdu, Hebrew, English no. */
static void test_letters_arabic(void)
{
	static const struct {
		const char *text;
		bool arabic;
	} cases[] = {
		{"قال وزير الخارجية إن المحادثات ستستأنف الأسبوع المقبل في العاصمة.", true},
		{"أعلنت شركة گوگل عن منتج جديد في مؤتمرها السنوي الذي عقد في كاليفورنيا اليوم.", true},
		{"CNN قالت إن الجولة الثانية ستتناول الحدود والتجارة.", true},
		{"وزیر خارجه گفت گفت‌وگوها هفته آینده در پایتخت ادامه می‌یابد.", false},
		{"وزیر خارجہ نے کہا کہ دونوں ملکوں کے درمیان مذاکرات اگلے ہفتے ہوں گے۔", false},
		/* stored already shaped (presentation forms), as some scraped articles are */
		{"ﻗﺎﻝ ﻭﺯﻳﺮ ﺍﻟﺨﺎﺭﺟﻴﺔ ﺇﻥ ﺍﻟﻤﺤﺎﺩﺛﺎﺕ ﺳﺘﺴﺘﺄﻧﻒ ﺍﻷﺳﺒﻮﻉ ﺍﻟﻤﻘﺒﻞ ﻓﻲ ﺍﻟﻌﺎﺻﻤﺔ.", true},
		{"ﻭﺯﯾﺮ ﺧﺎﺭﺟﻪ ﮔﻔﺖ ﮔﻔﺖﻭﮔﻮﻫﺎ ﻫﻔﺘﻪ ﺁﯾﻨﺪﻩ ﺩﺭ ﭘﺎﯾﺘﺨﺖ ﺍﺩﺍﻣﻪ ﻣﯽﯾﺎﺑﺪ.", false},
		{"שר החוץ אמר כי השיחות יתחדשו בשבוע הבא.", false},
		{"The talks will resume next week in the capital.", false},
		{"", false},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct text_letters c = {0};
		text_count_letters(cases[i].text, strlen(cases[i].text), &c);
		if (!CHECK(text_letters_arabic(&c) == cases[i].arabic))
			fprintf(stderr, "    case %zu: %zu arabic, %zu persian/urdu, %zu other\n", i,
				c.arabic, c.persian_urdu, c.other);
	}
}

/* A name read out of shaped text is written with the letters it shapes; other text, a
 * byte order mark and the bounds given are kept as they are. */
static void test_unshaped_dup(void)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{"ﻋﺎﺩﻝ ﺍﻟﺠﺒﻴﺮ", "عادل الجبير"},
		{"ﻻ ﺇﻟﻪ", "لا إله"},
		{"عادل الجبير", "عادل الجبير"},
		{"\xef\xbb\xbf" "Abc", "\xef\xbb\xbf" "Abc"},
		{"", ""},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *s = text_unshaped_dup(cases[i].in, strlen(cases[i].in));
		CHECK_STR(s, cases[i].out);
		free(s);
	}
	char *cut = text_unshaped_dup("ﻋﺎﺩﻝ ﺍﻟﺠﺒﻴﺮ", strlen("ﻋﺎﺩﻝ"));
	CHECK_STR(cut, "عادل");
	free(cut);
}

int main(void)
{
	test_find_url();
	test_uri_payload();
	test_count_strong_all();
	test_count_strong_mixed();
	test_sanitize();
	test_looks_like();
	test_article_direction();
	test_letters_arabic();
	test_unshaped_dup();
	return check_done();
}
