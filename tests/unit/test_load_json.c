/* test_load_json.c - JSON and JSON Lines files: field names, HTML bodies, missing fields,
 * broken files, a big item; and the HTML-to-paragraphs helper they use. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "qari/corpus.h"
#include "qari/html.h"
#include "qari/xalloc.h"

static void test_articles(void)
{
	struct corpus c;
	struct article *a;

	check_load_data(&c, "json/articles.json");
	CHECK_INT(c.n, 4);
	CHECK_INT(c.report.items_loaded, 4);
	CHECK_INT(c.report.items_skipped, 1);
	CHECK_INT(c.report.items_empty, 2); /* counted apart: no content is no problem */
	CHECK_INT(c.report.files_loaded, 1);
	CHECK_INT(c.report.nmessages, 1);
	CHECK(!check_reported(&c, "no content"));
	CHECK(check_reported(&c, "articles.json: item 5 skipped: not an object"));

	/* SaudiNewsNet's shape: Arabic, date_extracted, paragraphs split on newlines */
	a = check_by_title(&c, "بريطانيا: أربعة محاور لاستراتيجية جديدة");
	if (CHECK(a != NULL)) {
		CHECK_STR(a->source, "aawsat");
		CHECK_STR(a->author, "لندن: رنيم حنوش");
		CHECK_STR(a->url, "http://aawsat.com/home/article/1");
		CHECK_STR(a->date, "2015-07-21 02:51");
		CHECK_INT(a->date_key, 1437447092);
		CHECK_INT(a->npara, 2);
		CHECK_STR(a->paras[1], "ورسم كاميرون الاطار العام لاستراتيجية مكافحة التطرف.");
		CHECK_INT(a->dir, TEXT_DIR_RTL);
	}
	/* HTML in title and body, other field names, named objects and lists of them */
	a = check_by_title(&c, "Markets close higher & calm");
	if (CHECK(a != NULL)) {
		CHECK_STR(a->url, "https://example.com/markets");
		CHECK_STR(a->source, "Example News");
		CHECK_STR(a->author, "A. Writer, B. Editor");
		CHECK_STR(a->date, "2015-07-21 15:30");
		CHECK_INT(a->npara, 3);
		CHECK_STR(a->paras[0], "Stocks rose on Tuesday.");
		CHECK_STR(a->paras[1], "Oil & gas led\xC2\xA0gains.");
		CHECK_STR(a->paras[2], "Banks lagged.");
		CHECK_INT(a->dir, TEXT_DIR_LTR);
	}
	/* a body as a list, a date as epoch seconds */
	a = check_by_title(&c, "Paragraphs as a list");
	if (CHECK(a != NULL)) {
		CHECK_INT(a->npara, 2);
		CHECK_STR(a->paras[1], "Second of a list.");
		CHECK_INT(a->date_key, 1437500000);
		CHECK_STR(a->date, "2015-07-21 17:33");
	}
	/* no title: its first words; no URL: an id of its own */
	a = check_by_title(&c, "بلا عنوان ولا رابط: نص الخبر الأول هنا…");
	if (CHECK(a != NULL)) {
		CHECK(a->url == NULL && a->date == NULL && a->date_key == INT64_MIN);
		CHECK_INT(a->npara, 2);
		for (size_t i = 0; i < c.n; i++)
			CHECK(c.items[i] == a || strcmp(c.items[i]->id, a->id) != 0);
	}
	/* newest first, undated last */
	corpus_sort(&c);
	CHECK_STR(c.items[0]->title, "Paragraphs as a list");
	CHECK(c.items[3] == a);
	corpus_free(&c);
}

static void test_single_and_wrapper(void)
{
	struct corpus c;

	check_load_data(&c, "json/single.json");
	CHECK_INT(c.n, 1);
	CHECK_STR(c.items[0]->title, "One object, one article");
	CHECK_INT(c.items[0]->npara, 2);
	CHECK_STR(c.items[0]->date, "2015-08-01 09:00");
	corpus_free(&c);

	check_load_data(&c, "json/feed.json"); /* JSON Feed: items in a wrapper object */
	CHECK_INT(c.n, 2);
	CHECK_STR(c.items[0]->title, "First entry");
	CHECK_INT(c.items[0]->npara, 2);
	CHECK_STR(c.items[0]->paras[0], "Heading");
	CHECK_STR(c.items[0]->date, "2015-08-02 08:00");
	CHECK_STR(c.items[1]->paras[0], "Plain body two");
	CHECK_STR(c.items[1]->date, "2015-08-03");
	CHECK_INT(c.report.nmessages, 0);
	corpus_free(&c);

	check_load_data(&c, "json/lines.json"); /* JSON Lines named .json */
	CHECK_INT(c.n, 2);
	CHECK_STR(c.items[1]->paras[0], "Body B");
	CHECK_INT(c.report.nmessages, 0);
	corpus_free(&c);
}

/* A scraped page's style sheet and the widget after it end the article; a quoted block of
 * settings does not. */
static void test_page_code(void)
{
	struct corpus c;
	struct article *a;

	check_load_data(&c, "scraped/page_code.json");
	CHECK_INT(c.n, 3);
	a = check_by_title(&c, "ما رأيك في فعاليات العيد؟");
	if (CHECK(a != NULL)) {
		CHECK_INT(a->npara, 1);
		CHECK_STR(a->paras[0], "تشهد مدن المملكة العديد من الفعاليات خلال أيام العيد، وهل تحرص على الحضور؟");
		CHECK_INT(a->dir, TEXT_DIR_RTL); /* the code's Latin letters outnumbered the story's */
		CHECK_INT(a->text_bytes, strlen(a->title) + strlen(a->paras[0]));
	}
	a = check_by_title(&c, "Config files explained");
	if (CHECK(a != NULL)) {
		CHECK_INT(a->npara, 2);
		CHECK(strstr(a->paras[0], "{width: 5; height: 6;} in the file") != NULL);
	}
	a = check_by_title(&c, "ورقة أنماط في أول الفقرة");
	if (CHECK(a != NULL)) {
		CHECK_INT(a->npara, 1); /* a paragraph that opens with the code goes whole */
		CHECK_STR(a->paras[0], "الفقرة الأولى من الخبر.");
	}
	corpus_free(&c);
}

static void test_broken(void)
{
	struct corpus c;

	check_load_data(&c, "json/truncated.json");
	CHECK_INT(c.n, 2);
	CHECK_STR(c.items[1]->title, "Before the fault two");
	CHECK_INT(c.report.nmessages, 1);
	CHECK(check_reported(&c, "truncated.json: line 4, column 44: "));
	CHECK(check_reported(&c, "after item 2"));
	CHECK_INT(c.report.files_loaded, 1);
	corpus_free(&c);

	check_load_data(&c, "json/broken.jsonl");
	CHECK_INT(c.n, 2);
	CHECK(check_by_title(&c, "Line one") && check_by_title(&c, "Line four"));
	CHECK(check_reported(&c, "broken.jsonl: line 3, column 48: "));
	CHECK(check_reported(&c, "(2 bad lines skipped)"));
	CHECK(!check_reported(&c, "no content"));
	CHECK_INT(c.report.items_empty, 1);
	CHECK_INT(c.report.items_skipped, 2);
	corpus_free(&c);

	check_load_data(&c, "json/trailing-comma.json");
	CHECK_INT(c.n, 1);
	CHECK(check_reported(&c, "trailing-comma.json: line 1, column 50: "));
	corpus_free(&c);

	check_load_data(&c, "json/empty-array.json");
	CHECK_INT(c.n, 0);
	CHECK_INT(c.report.files_skipped, 1);
	CHECK(check_reported(&c, "empty-array.json: no articles (an empty array)"));
	corpus_free(&c);

	static const char *const bad[] = {"", "   ", "{", "[", "[{", "{\"title\": 1}", "\"str\"",
					  "[1, 2", "{\"a\":1} x", "[{\"content\": \"\\u0000x\"}] ]"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		corpus_init(&c);
		corpus_load_buffer(&c, "bad.json", bad[i], strlen(bad[i]));
		CHECK(c.report.nmessages >= 1);
		CHECK_INT(c.report.files_loaded + c.report.files_skipped, 1);
		corpus_free(&c);
	}
	/* NUL escapes are allowed and become U+FFFD */
	static const char nul[] = "[{\"content\": \"a\\u0000b\"}]";
	corpus_init(&c);
	corpus_load_buffer(&c, "nul.json", nul, strlen(nul));
	CHECK(c.n == 1 && strcmp(c.items[0]->paras[0], "a\xEF\xBF\xBD" "b") == 0);
	corpus_free(&c);
}

static void test_big_item(void)
{
	struct strbuf sb = {0};
	struct corpus c;

	strbuf_printf(&sb, "[{\"title\": \"Big\", \"content\": \"");
	for (int i = 0; i < 20000; i++)
		strbuf_printf(&sb, "فقرة رقم %d من مقال طويل جدا.\\n", i);
	strbuf_append(&sb, "\"}]", 3);
	corpus_init(&c);
	corpus_load_buffer(&c, "big.json", sb.data, sb.len);
	CHECK_INT(c.n, 1);
	CHECK_INT(c.items[0]->npara, 20000);
	CHECK_STR(c.items[0]->paras[19999], "فقرة رقم 19999 من مقال طويل جدا.");
	CHECK(c.items[0]->text_bytes > 700000);
	corpus_free(&c);
	strbuf_free(&sb);
}

static void test_html(void)
{
	struct article *a = article_new("x");
	static const char html[] =
		"<div><h1>Title &#1575;&#1604;</h1>intro text<ul><li>one</li><li>two</li></ul>"
		"<p>  spaced\n\n   words  </p><pre>line a\nline b</pre><noscript>no</noscript>"
		"<table><tr><td>cell</td></tr></table>tail</div>";
	html_add_paras(a, html, sizeof html - 1);
	static const char *const want[] = {"Title ال", "intro text", "one", "two", "spaced words",
					   "line a", "line b", "cell", "tail"};
	CHECK_INT(a->npara, sizeof want / sizeof *want);
	for (size_t i = 0; i < a->npara && i < sizeof want / sizeof *want; i++)
		CHECK_STR(a->paras[i], want[i]);
	article_free(a);

	CHECK(html_looks_like("a <p>b", 6));
	CHECK(html_looks_like("x &amp; y", 9));
	CHECK(html_looks_like("&#1575;", 7));
	CHECK(!html_looks_like("a < b and c > d", 15));
	CHECK(html_looks_like("AT&T; R&D", 9)); /* "&T;" could be an entity: HTML it is */
	CHECK(!html_looks_like("fish & chips", 12));
	CHECK(!html_looks_like("نص عادي", strlen("نص عادي")));

	char *t = html_to_text("  <b>Bold</b>\n<i>news</i>  &amp; more ", 38);
	CHECK_STR(t, "Bold news & more");
	free(t);
	t = html_to_text("  plain\n title  ", 16);
	CHECK_STR(t, "plain title");
	free(t);
	t = html_to_text("", 0);
	CHECK_STR(t, "");
	free(t);
}

/* A news agency's section label opening a title is no part of the headline (SPA's «عام / »);
 * a headline that opens with a place and a slash, or with a date, keeps it. A run of white
 * space is one space. */
static void test_section_label(void)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{"عام / فرع الوزارة بالمدينة ينظم دورة", "فرع الوزارة بالمدينة ينظم دورة"},
		{"  اقتصادي / أسعار النفط تتراجع", "أسعار النفط تتراجع"},
		{"إقتصادي / الأسهم", "الأسهم"},
		{"السعودية / قطر: اتفاق", "السعودية / قطر: اتفاق"},
		{"الأمير سلطان / زيارة", "الأمير سلطان / زيارة"},
		{"كاريكاتير 2015/7/23", "كاريكاتير 2015/7/23"},
		{"عام /", "عام /"},
		{"Sport / results", "Sport / results"},
		/* wire headlines padded with spaces, and a label after a no-break space */
		{"يفتتح سوق عكاظ 9 بالطائف غداً          إضافة أولى", "يفتتح سوق عكاظ 9 بالطائف غداً إضافة أولى"},
		{"عام /\u00a0وزير الخارجية\t يلتقي", "وزير الخارجية يلتقي"},
		{"  \u00a0 ", NULL},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct article *a = article_new("t");
		article_set_title(a, cases[i].in, strlen(cases[i].in));
		if (cases[i].out)
			CHECK_STR(a->title, cases[i].out);
		else
			CHECK(a->title == NULL);
		article_free(a);
	}
}

int main(void)
{
	test_articles();
	test_single_and_wrapper();
	test_page_code();
	test_broken();
	test_big_item();
	test_html();
	test_section_label();
	return check_done();
}
