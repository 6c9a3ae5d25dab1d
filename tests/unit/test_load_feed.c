/* test_load_feed.c - RSS and Atom: fields, HTML content, dates, missing fields, a broken
 * feed, external entities (XXE) and content sniffing. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "qari/corpus.h"
#include "qari/xalloc.h"

static void check_rss_ar(const struct corpus *c)
{
	struct article *a;

	CHECK_INT(c->n, 3);
	CHECK_INT(c->report.items_skipped, 0);
	CHECK_INT(c->report.items_empty, 1);
	CHECK(!check_reported(c, "no content"));
	a = check_by_title(c, "وزير الخارجية يلتقي نظيره في الرياض");
	if (CHECK(a != NULL)) {
		CHECK_STR(a->url, "https://news.example.sa/2015/07/minister");
		CHECK_STR(a->date, "2015-07-21 11:05");
		CHECK_STR(a->author, "مراسل الرياض");
		CHECK_STR(a->source, "أخبار الاختبار"); /* the channel's title, not the image's */
		CHECK_INT(a->npara, 3); /* content:encoded wins over description; <br> breaks */
		CHECK_STR(a->paras[0], "التقى وزير الخارجية اليوم نظيره في الرياض.");
		CHECK_STR(a->paras[1], "وبحث الجانبان العلاقات\xC2\xA0الثنائية.");
		CHECK_STR(a->paras[2], "وأكدا على التعاون.");
		CHECK_INT(a->dir, TEXT_DIR_RTL);
	}
	a = check_by_title(c, "Markets & oil"); /* "&amp;amp;": HTML escaped in XML */
	if (CHECK(a != NULL)) {
		CHECK_STR(a->author, "Business Desk");
		CHECK_STR(a->source, "Wire Service");
		CHECK_STR(a->date, "2015-07-22 08:00");
		CHECK_INT(a->npara, 2);
		CHECK_STR(a->paras[1], "Markets followed.");
	}
	/* untitled: first words; a guid that is a link; a bad date is no date */
	a = check_by_title(c, "خبر بلا عنوان يأخذ عنوانه من كلماته الأولى…");
	if (CHECK(a != NULL)) {
		CHECK_STR(a->url, "https://news.example.sa/2015/07/untitled");
		CHECK(a->date == NULL && a->date_key == INT64_MIN);
	}
}

static void test_rss(void)
{
	struct corpus c;
	check_load_data(&c, "feeds/rss-ar.xml");
	check_rss_ar(&c);
	corpus_free(&c);
	check_load_data(&c, "feeds/sniffed.dat"); /* an unknown extension, sniffed */
	check_rss_ar(&c);
	corpus_free(&c);
}

static void test_atom(void)
{
	struct corpus c;
	struct article *a;

	check_load_data(&c, "feeds/atom-en.atom");
	CHECK_INT(c.n, 4);
	CHECK_INT(c.report.nmessages, 0);
	a = check_by_title(&c, "HTML content entry");
	if (CHECK(a != NULL)) {
		CHECK_STR(a->url, "https://atom.example.org/2015/08/html"); /* alternate, not self */
		CHECK_STR(a->date, "2015-08-03 08:00"); /* published before updated */
		CHECK_STR(a->author, "Jane Doe");
		CHECK_STR(a->source, "Example Atom Feed");
		CHECK_INT(a->npara, 3);
		CHECK_STR(a->paras[2], "Point one");
	}
	a = check_by_title(&c, "XHTML entry");
	if (CHECK(a != NULL)) {
		CHECK_INT(a->npara, 2);
		CHECK_STR(a->paras[0], "An XHTML paragraph.");
		CHECK_STR(a->date, "2015-08-02 09:30");
	}
	a = check_by_title(&c, "Text entry");
	if (CHECK(a != NULL)) {
		CHECK_INT(a->npara, 2);
		CHECK_STR(a->paras[0], "Line one <not a tag>");
		CHECK(a->url == NULL);
		CHECK_STR(a->date, "2015-08-01");
	}
	a = check_by_title(&c, "Summary only");
	CHECK(a && a->npara == 1 && strcmp(a->paras[0], "Just a summary.") == 0);
	corpus_sort(&c);
	CHECK_STR(c.items[0]->title, "HTML content entry");
	CHECK_STR(c.items[3]->title, "Summary only");
	corpus_free(&c);
}

static void test_broken(void)
{
	struct corpus c;

	check_load_data(&c, "feeds/broken.rss");
	CHECK_INT(c.n, 2);
	CHECK(check_by_title(&c, "Good one") && check_by_title(&c, "Good two"));
	CHECK_INT(c.report.nmessages, 1);
	CHECK(check_reported(&c, "broken.rss: line 5, column 71: Opening and ending tag mismatch"));
	CHECK(check_reported(&c, "(after item 2; the items before it loaded)"));
	CHECK_INT(c.report.files_loaded, 1);
	corpus_free(&c);

	check_load_data(&c, "feeds/not-a-feed.xml");
	CHECK_INT(c.n, 0);
	CHECK(check_reported(&c, "not-a-feed.xml: not an RSS or Atom feed (<html>)"));
	CHECK_INT(c.report.files_skipped, 1);
	corpus_free(&c);

	static const char *const bad[] = {
		"", "<", "<rss", "<rss version=\"2.0\"><channel><item><title>x",
		"<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>", "<?xml version=\"1.0\"?>",
		"<rss><channel><item><description>&undefined;</description></item></channel></rss>",
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		corpus_init(&c);
		corpus_load_buffer(&c, "bad.rss", bad[i], strlen(bad[i]));
		CHECK_INT(c.n, 0);
		CHECK_INT(c.report.nmessages, 1);
		CHECK_INT(c.report.files_skipped, 1);
		corpus_free(&c);
	}
}

static void test_xxe(void)
{
	struct corpus c;

	check_load_data(&c, "feeds/xxe.xml");
	CHECK_INT(c.n, 1);
	if (c.n == 1) {
		CHECK_INT(c.items[0]->npara, 1);
		CHECK(strstr(c.items[0]->paras[0], "secret") == NULL);
		CHECK(strstr(c.items[0]->paras[0], "internal entity text") != NULL);
	}
	corpus_free(&c);
}

static void test_big_feed(void)
{
	struct strbuf sb = {0};
	struct corpus c;

	strbuf_printf(&sb, "<rss version=\"2.0\"><channel><title>Big</title>");
	for (int i = 0; i < 2000; i++)
		strbuf_printf(&sb, "<item><title>Item %d</title><link>https://big.example/%d</link>"
			      "<pubDate>Sat, 01 Aug 2015 %02d:%02d:00 GMT</pubDate><description>"
			      "&lt;p&gt;Body %d&lt;/p&gt;</description></item>", i, i, i / 60 % 24,
			      i % 60, i);
	strbuf_printf(&sb, "</channel></rss>");
	corpus_init(&c);
	corpus_load_buffer(&c, "big.rss", sb.data, sb.len);
	CHECK_INT(c.n, 2000);
	CHECK(c.n == 2000 && strcmp(c.items[1999]->paras[0], "Body 1999") == 0);
	corpus_sort(&c);
	CHECK_STR(c.items[0]->date, "2015-08-01 23:59");
	CHECK_STR(c.items[0]->title, "Item 1439");
	/* items 0 and 1440 share 00:00, the oldest time: last, in feed order */
	CHECK_STR(c.items[1998]->title, "Item 0");
	CHECK_STR(c.items[1999]->title, "Item 1440");
	corpus_free(&c);
	strbuf_free(&sb);
}

int main(void)
{
	test_rss();
	test_atom();
	test_broken();
	test_xxe();
	test_big_feed();
	return check_done();
}
