/* test_subs.c - subscriptions: the urls file (newsboat's format) and OPML both ways. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "qari/subs.h"

static bool has_tag(const struct sub *s, const char *tag)
{
	for (size_t i = 0; i < s->ntags; i++)
		if (strcmp(s->tags[i], tag) == 0)
			return true;
	return false;
}

static void parse(struct subs *s, const char *text)
{
	*s = (struct subs){0};
	subs_parse(s, "urls", text, strlen(text));
}

static void test_urls_file(void)
{
	struct subs s;
	parse(&s, "# news\n"
		  "https://a.example/rss  world \"Middle East\" ~Al-Ahram  world\n"
		  "\n"
		  "gopher://b.example/feed\n"
		  "https://c.example/atom \"unclosed\n"
		  "http://d.example/feed.xml # a comment\n"
		  "https://a.example/rss again\n");
	REQUIRE(s.n == 2);
	CHECK_STR(s.v[0].url, "https://a.example/rss");
	CHECK_STR(s.v[0].name, "Al-Ahram");
	CHECK_INT(s.v[0].ntags, 2); /* "world" twice is one tag */
	CHECK(has_tag(&s.v[0], "world") && has_tag(&s.v[0], "Middle East"));
	CHECK_INT(s.v[0].line, 2);
	CHECK_STR(s.v[1].url, "http://d.example/feed.xml");
	CHECK_INT(s.v[1].ntags, 0);
	REQUIRE(s.nmessages == 3); /* not http(s), the quote, the URL again */
	CHECK(strncmp(s.messages[0], "urls:4:", 7) == 0);
	CHECK(strncmp(s.messages[1], "urls:5:", 7) == 0);
	CHECK(strncmp(s.messages[2], "urls:7:", 7) == 0);

	char *line = subs_format_line(&s.v[0]);
	struct subs back;
	parse(&back, line);
	REQUIRE(back.n == 1);
	CHECK_STR(back.v[0].name, "Al-Ahram");
	CHECK(back.v[0].ntags == 2 && has_tag(&back.v[0], "Middle East"));
	subs_free(&back);
	free(line);
	subs_free(&s);
}

/* A control character cannot be written back into a line: it is dropped when read, so what
 * is read is what a written line reads back as. */
static void test_controls(void)
{
	struct subs s;
	parse(&s, "https://x.example/f\tne\x01ws \r~Okaz\x7f\n");
	REQUIRE(s.n == 1);
	CHECK(has_tag(&s.v[0], "news"));
	CHECK_STR(s.v[0].name, "Okaz");
	char *line = subs_format_line(&s.v[0]);
	CHECK(strpbrk(line, "\r\n\x01\x7f") == NULL);
	struct subs back;
	parse(&back, line);
	REQUIRE(back.n == 1);
	CHECK_STR(back.v[0].name, "Okaz");
	CHECK(back.v[0].ntags == 1 && has_tag(&back.v[0], "news"));
	subs_free(&back);
	free(line);
	subs_free(&s);
}

static void parse_opml(struct subs *s, const char *doc)
{
	*s = (struct subs){0};
	subs_parse_opml(s, "in.opml", doc, strlen(doc));
}

static void test_opml_in(void)
{
	struct subs s;
	parse_opml(&s, "<?xml version=\"1.0\"?><opml version=\"2.0\"><head/><body>\n"
		       "<outline text=\"top\" xmlUrl=\"https://t.example/rss\"/>\n"
		       "<outline text=\"News\"><outline text=\"Gulf\">\n"
		       "  <outline title=\"Okaz\" xmlUrl=\"https://okaz.example/rss\"\n"
		       "           category=\"/Saudi,/Papers/Daily\"/>\n"
		       "</outline></outline>\n"
		       "<outline text=\"Sport\"><outline xmlUrl=\"https://okaz.example/rss\"/></outline>\n"
		       "<outline text=\"bad\" xmlUrl=\"file:///etc/passwd\"/>\n"
		       "</body></opml>");
	REQUIRE(s.n == 2);
	CHECK_STR(s.v[0].url, "https://t.example/rss");
	CHECK_INT(s.v[0].ntags, 0);
	const struct sub *okaz = subs_find(&s, "https://okaz.example/rss");
	REQUIRE(okaz != NULL);
	CHECK_STR(okaz->name, "Okaz");
	/* folders, then category paths' last parts, then the second folder it was met in */
	CHECK_INT(okaz->ntags, 5);
	CHECK(has_tag(okaz, "News") && has_tag(okaz, "Gulf") && has_tag(okaz, "Saudi") &&
	      has_tag(okaz, "Daily") && has_tag(okaz, "Sport"));
	CHECK_STR(okaz->tags[0], "News");
	REQUIRE(s.nmessages == 1);
	CHECK(strstr(s.messages[0], "not a feed URL") != NULL);
	subs_free(&s);

	parse_opml(&s, "<html><body/></html>");
	CHECK(s.n == 0 && s.nmessages == 1);
	subs_free(&s);
}

static void test_opml_round_trip(void)
{
	struct subs s, back;
	parse(&s, "https://a.example/rss world \"Middle East\" ~Ahram\n"
		  "https://b.example/rss sport\n"
		  "https://c.example/rss \"a, b\" world\n"
		  "https://d.example/rss\n");
	char *doc = subs_to_opml(&s);
	parse_opml(&back, doc);
	REQUIRE(back.n == s.n);
	CHECK_INT(back.nmessages, 0);
	for (size_t i = 0; i < s.n; i++) {
		const struct sub *b = subs_find(&back, s.v[i].url);
		REQUIRE(b != NULL);
		/* every tag comes back, but "a, b": a comma cannot be in category */
		for (size_t t = 0; t < s.v[i].ntags; t++)
			CHECK(has_tag(b, s.v[i].tags[t]) || strchr(s.v[i].tags[t], ','));
		CHECK(b->ntags <= s.v[i].ntags);
	}
	CHECK_STR(subs_find(&back, "https://a.example/rss")->name, "Ahram");
	CHECK(strstr(doc, "category=\"/world,/Middle East\"") != NULL);
	free(doc);
	subs_free(&back);
	subs_free(&s);
}

int main(void)
{
	test_urls_file();
	test_controls();
	test_opml_in();
	test_opml_round_trip();
	return check_done();
}
