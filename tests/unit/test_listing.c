/* test_listing.c - the list's sort orders, date labels, source names and the kept sort. */
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <unistd.h>

#include "check.h"
#include "qari/article.h"
#include "qari/date.h"
#include "qari/listing.h"
#include "qari/xalloc.h"

static struct article *make(const char *title, const char *source, const char *date)
{
	struct article *a = article_new(title);
	article_set_title(a, title, strlen(title));
	article_add_para(a, "نص", strlen("نص"));
	if (source)
		article_set_field(&a->source, source, strlen(source));
	if (date)
		date_set_article(a, date, strlen(date));
	article_finish(a, title);
	return a;
}

static void sorted(const struct corpus *c, enum listing_sort s, size_t *out)
{
	for (size_t i = 0; i < c->n; i++)
		out[i] = i;
	/* insertion sort: the comparator alone decides */
	for (size_t i = 1; i < c->n; i++)
		for (size_t j = i; j > 0 && listing_cmp(c, s, out[j - 1], out[j]) > 0; j--) {
			size_t t = out[j];
			out[j] = out[j - 1];
			out[j - 1] = t;
		}
}

static void test_orders(void)
{
	struct corpus c;
	size_t o[5];

	corpus_init(&c);
	corpus_add(&c, make("ب", "okaz", "2015-07-21 10:00"));
	corpus_add(&c, make("أ", "aawsat", "2015-07-22 09:00"));
	corpus_add(&c, make("ت", "okaz", "2015-07-20 08:00"));
	corpus_add(&c, make("ج", NULL, NULL));
	corpus_add(&c, make("ث", "aawsat", "2015-07-21 10:00"));
	sorted(&c, LISTING_NEWEST, o);
	CHECK(o[0] == 1 && o[1] == 0 && o[2] == 4 && o[3] == 2 && o[4] == 3); /* ties: load order */
	sorted(&c, LISTING_OLDEST, o);
	CHECK(o[0] == 3 && o[1] == 2 && o[2] == 0 && o[3] == 4 && o[4] == 1);
	sorted(&c, LISTING_SOURCE, o);
	CHECK(o[0] == 3 && o[1] == 1 && o[2] == 4 && o[3] == 0 && o[4] == 2);
	sorted(&c, LISTING_TITLE, o);
	CHECK(o[0] == 1 && o[1] == 0 && o[2] == 2 && o[3] == 4 && o[4] == 3);
	for (int s = 0; s < LISTING_NSORTS; s++) {
		enum listing_sort back;
		CHECK(listing_sort_parse(listing_sort_key((enum listing_sort)s), &back) && (int)back == s);
	}
	enum listing_sort none;
	CHECK(!listing_sort_parse("sideways", &none));
	corpus_free(&c);
}

static void test_sources(void)
{
	struct listing_sources s;
	struct article *known = make("x", "aawsat", NULL), *feed = make("y", "BBC News", NULL),
		       *none = make("z", NULL, NULL);

	listing_sources_load(&s);
	CHECK(s.n > 0);
	CHECK_STR(listing_source_name(&s, known), "الشرق الأوسط");
	CHECK_STR(listing_source_name(&s, feed), "BBC News");
	CHECK(listing_source_name(&s, none) == NULL);
	listing_sources_free(&s);
	article_free(known);
	article_free(feed);
	article_free(none);
}

static void test_date_labels(void)
{
	struct article *today = make("a", NULL, "2026-12-06 14:05"),
		       *year = make("b", NULL, "2026-07-21 10:00"),
		       *old = make("c", NULL, "2015-07-21 10:00"),
		       *day = make("d", NULL, "2026-12-06"), *none = make("e", NULL, NULL);
	int64_t now;
	char out[LISTING_DATE_MAX];
	bool has_time;

	CHECK(date_parse("2026-12-06 18:00", 16, &now, &has_time));
	listing_date_label(today, (time_t)now, true, out);
	CHECK_STR(out, "14:05");
	listing_date_label(year, (time_t)now, true, out);
	CHECK_STR(out, "21 Jul");
	listing_date_label(old, (time_t)now, true, out);
	CHECK_STR(out, "2015-07-21");
	listing_date_label(old, (time_t)now, false, out);
	CHECK_STR(out, "Jul 2015");
	listing_date_label(day, (time_t)now, true, out); /* today, but no time given */
	CHECK_STR(out, "06 Dec");
	listing_date_label(none, (time_t)now, true, out);
	CHECK_STR(out, "");
	article_free(today);
	article_free(year);
	article_free(old);
	article_free(day);
	article_free(none);
}

static size_t count_entries(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	size_t n = 0;
	while (d && (de = readdir(d)) != NULL)
		n += de->d_name[0] != '.' || strncmp(de->d_name, ".tmp", 4) == 0;
	if (d)
		closedir(d);
	return n;
}

static void test_prefs(void)
{
	char dir[] = "/tmp/qari-listing-XXXXXX";
	char *path;

	CHECK(mkdtemp(dir) != NULL);
	CHECK_INT(listing_prefs_load(dir), LISTING_NEWEST); /* nothing kept yet */
	CHECK(listing_prefs_save(dir, LISTING_TITLE));
	CHECK_INT(listing_prefs_load(dir), LISTING_TITLE);
	CHECK(listing_prefs_save(dir, LISTING_OLDEST));
	CHECK_INT(listing_prefs_load(dir), LISTING_OLDEST);
	CHECK_INT(count_entries(dir), 1); /* the file alone: no temp file left */
	path = xasprintf("%s/view", dir);
	FILE *f = fopen(path, "w");
	CHECK(f != NULL);
	if (f) {
		fputs("sort = sideways\n", f);
		fclose(f);
	}
	CHECK_INT(listing_prefs_load(dir), LISTING_NEWEST); /* unknown: the default */
	unlink(path);
	rmdir(dir);
	CHECK(!listing_prefs_save(dir, LISTING_TITLE)); /* the folder is gone */
	free(path);
}

int main(void)
{
	setenv("TZ", "UTC", 1);
	test_orders();
	test_sources();
	test_date_labels();
	test_prefs();
	return check_done();
}
