/* test_date.c - date parsing on the forms feeds and scrapers write, and on bad input. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "qari/date.h"

/* The ISO text of s, or "BAD" when it does not parse. */
static const char *iso(const char *s)
{
	static char out[DATE_ISO_MAX];
	int64_t epoch;
	bool has_time;
	if (!date_parse(s, strlen(s), &epoch, &has_time))
		return "BAD";
	date_format(epoch, has_time, out);
	return out;
}

static int64_t key(const char *s)
{
	int64_t epoch = INT64_MIN;
	bool has_time;
	date_parse(s, strlen(s), &epoch, &has_time);
	return epoch;
}

static void test_civil(void)
{
	int64_t y;
	int m, d;
	CHECK_INT(date_days_from_civil(1970, 1, 1), 0);
	CHECK_INT(date_days_from_civil(2000, 3, 1), 11017);
	CHECK_INT(date_days_from_civil(1969, 12, 31), -1);
	/* every day of 1600..2400 round-trips */
	int bad = 0;
	for (int64_t z = date_days_from_civil(1600, 1, 1); z < date_days_from_civil(2400, 1, 1); z++) {
		date_civil_from_days(z, &y, &m, &d);
		bad += date_days_from_civil(y, m, d) != z;
	}
	CHECK_INT(bad, 0);
	date_civil_from_days(date_days_from_civil(2016, 2, 29), &y, &m, &d);
	CHECK(y == 2016 && m == 2 && d == 29);
}

static void test_rfc822(void)
{
	CHECK_STR(iso("Tue, 21 Jul 2015 02:51:32 +0000"), "2015-07-21 02:51");
	CHECK_STR(iso("Tue, 21 Jul 2015 02:51:32 GMT"), "2015-07-21 02:51");
	CHECK_STR(iso("Tue, 21 Jul 2015 02:51:32 +0300"), "2015-07-20 23:51");
	CHECK_STR(iso("Tue, 21 Jul 2015 22:10 -0500"), "2015-07-22 03:10");
	CHECK_STR(iso("Tue, 21 Jul 2015 22:10:00 EST"), "2015-07-22 03:10");
	CHECK_STR(iso("Tue, 21 Jul 2015 22:10:00 PDT"), "2015-07-22 05:10");
	CHECK_STR(iso("21 Jul 2015 02:51:32 UT"), "2015-07-21 02:51");
	CHECK_STR(iso("21 Jul 15 02:51 Z"), "2015-07-21 02:51");
	CHECK_STR(iso("21 Jul 99 02:51 +0000"), "1999-07-21 02:51");
	CHECK_STR(iso("Tuesday, 21 July 2015 02:51:32 +03:00"), "2015-07-20 23:51");
	CHECK_STR(iso("tue, 1 sept 2015 10:00:00 gmt"), "2015-09-01 10:00");
	CHECK_STR(iso("Wed, 02 Oct 2002 13:00:00 A"), "2002-10-02 13:00"); /* military: UTC */
	CHECK_STR(iso("Sat, 01 Aug 2015 09:00:00 +0300 (AST)"), "2015-08-01 06:00");
	CHECK_STR(iso("  21 Jul 2015  "), "2015-07-21");
	CHECK_STR(iso("Mon, 31 Dec 2012 23:59:60 +0000"), "2012-12-31 23:59");
	CHECK_STR(iso("Thu, 29 Feb 2024 12:00:00 +1400"), "2024-02-28 22:00");
	CHECK_STR(iso("Sun, 01 Jan 2017 00:30:00 +0100"), "2016-12-31 23:30");
}

static void test_rfc3339(void)
{
	CHECK_STR(iso("2015-07-21T02:51:32Z"), "2015-07-21 02:51");
	CHECK_STR(iso("2015-07-21t02:51:32z"), "2015-07-21 02:51");
	CHECK_STR(iso("2015-07-21T02:51:32.123456+03:00"), "2015-07-20 23:51");
	CHECK_STR(iso("2015-07-21T02:51:32-04:30"), "2015-07-21 07:21");
	CHECK_STR(iso("2015-07-21T02:51+0200"), "2015-07-21 00:51");
	CHECK_STR(iso("2015-07-21"), "2015-07-21");
	CHECK_STR(iso("2015-07-21 02:51:32"), "2015-07-21 02:51"); /* SaudiNewsNet */
	CHECK_STR(iso("2015-07-21 02:51:32 UTC"), "2015-07-21 02:51");
	CHECK_STR(iso("1969-12-31T23:59:59Z"), "1969-12-31 23:59");
	CHECK_STR(iso("2000-02-29"), "2000-02-29");
	CHECK_INT(key("1970-01-01T00:00:00Z"), 0);
	CHECK_INT(key("2015-07-21 02:51:32"), 1437447092);
	CHECK_INT(key("Tue, 21 Jul 2015 05:51:32 +0300"), 1437447092);
	CHECK_INT(key("1969-12-31T23:59:59Z"), -1);
	CHECK_INT(key("9999-12-31T23:59:59Z"), 253402300799);
}

static void test_bad(void)
{
	static const char *const bad[] = {
		"", "   ", "yesterday", "2015", "2015-07", "2015-13-01", "2015-00-10", "2015-02-29",
		"1900-02-29", "2015-04-31", "2015-07-21T25:00:00Z", "2015-07-21T10:60:00Z",
		"2015-07-21T10:00:61Z", "2015-07-21T10Z", "2015-07-21T10:00:00+2500",
		"2015-07-21T10:00:00 +03:00 extra", "2015-07-21X10:00", "0000-01-01",
		"Tue, 32 Jul 2015 10:00:00 GMT", "Tue, 21 Jux 2015 10:00:00 GMT",
		"Tue, 21 Julius 2015", "21 Jul", "21 Jul 2015 10:00:00 Nowhere Time",
		"21 Jul 2015 10:00:00 J", "21 Jul 2015 10:00:00 (unclosed", "٢٠١٥-٠٧-٢١",
		"2015-07-21T10:00:00.Z", "Tue, 21 Jul 2015 10:00:00 +03:99",
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		if (!CHECK(strcmp(iso(bad[i]), "BAD") == 0))
			fprintf(stderr, "    accepted: [%s]\n", bad[i]);
	/* not NUL-terminated: only n bytes are read */
	int64_t e;
	bool t;
	CHECK(date_parse("2015-07-21junk", 10, &e, &t) && !t);
}

static void test_article(void)
{
	struct article *a = article_new("x.json");
	CHECK(!date_set_article(a, "soon", 4));
	CHECK(a->date == NULL && a->date_key == INT64_MIN);
	CHECK(date_set_article(a, "2015-08-01", 10));
	CHECK_STR(a->date, "2015-08-01");
	CHECK(date_set_article(a, "Sat, 01 Aug 2015 09:00:00 +0300", 31));
	CHECK_STR(a->date, "2015-08-01 06:00");
	CHECK_INT(a->date_key, 1438408800);
	article_free(a);
}

int main(void)
{
	test_civil();
	test_rfc822();
	test_rfc3339();
	test_bad();
	test_article();
	return check_done();
}
