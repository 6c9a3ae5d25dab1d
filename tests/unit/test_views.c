/* test_views.c - the list's views apart from the reader (src/app/views_list.c): a view keeps
 * the rows its marks say, in their order; the unread count follows marks only while it is
 * current; n and N find the next unread row either way and stop at the ends; a source's rows
 * are its articles among those listed. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "../../src/app/views.h"
#include "qari/article.h"

#define N 10

/* Marks in memory: read[i], bookmarked[i] for corpus position i. */
struct marks {
	bool read[N], bookmarked[N];
};

static bool marks_read(void *ctx, size_t idx) { return ((struct marks *)ctx)->read[idx]; }
static bool marks_bookmarked(void *ctx, size_t idx)
{
	return ((struct marks *)ctx)->bookmarked[idx];
}

static struct views_marks marks_of(struct marks *mk)
{
	return (struct views_marks){.read = marks_read, .bookmarked = marks_bookmarked, .ctx = mk};
}

static bool same(const size_t *a, const size_t *b, size_t n)
{
	return memcmp(a, b, n * sizeof *a) == 0;
}

static void test_narrow(void)
{
	struct marks mk = {.read = {[1] = true, [4] = true, [7] = true},
			   .bookmarked = {[4] = true, [9] = true}};
	struct views_marks m = marks_of(&mk);
	size_t rows[] = {9, 7, 4, 1, 0}, out[5];
	size_t unread[] = {9, 0}, marked[] = {9, 4};

	CHECK_INT(views_narrow(APP_VIEW_ALL, &m, rows, 5, out), 5);
	CHECK(same(out, rows, 5));
	CHECK_INT(views_narrow(APP_VIEW_UNREAD, &m, rows, 5, out), 2);
	CHECK(same(out, unread, 2));
	CHECK_INT(views_narrow(APP_VIEW_BOOKMARKS, &m, rows, 5, out), 2);
	CHECK(same(out, marked, 2));
	CHECK_INT(views_narrow(APP_VIEW_UNREAD, &m, rows, 0, out), 0);
}

static void test_unread_changed(void)
{
	struct views v = {.unread = 5, .unread_of = 20};

	views_unread_changed(&v, 20, -2);
	CHECK_INT(v.unread, 3);
	views_unread_changed(&v, 20, 4);
	CHECK_INT(v.unread, 7);
	views_unread_changed(&v, 20, -9); /* never below none */
	CHECK_INT(v.unread, 0);
	views_unread_changed(&v, 25, 3); /* counted for 20 listed: counted again, not followed */
	CHECK_INT(v.unread, 0);
}

/* Rows shown: positions 8 6 4 2 0, the unread ones 6 and 0; from each row, either way. */
static void test_unread_from(void)
{
	struct marks mk = {.read = {[8] = true, [4] = true, [2] = true}};
	struct views_marks m = marks_of(&mk);
	size_t rows[] = {8, 6, 4, 2, 0}, at = 99;

	CHECK(views_unread_from(&m, rows, 5, 0, true, &at));
	CHECK_INT(at, 1);
	CHECK(views_unread_from(&m, rows, 5, 1, true, &at)); /* not the row it is on */
	CHECK_INT(at, 4);
	CHECK(!views_unread_from(&m, rows, 5, 4, true, &at)); /* none below */
	CHECK(views_unread_from(&m, rows, 5, 3, false, &at));
	CHECK_INT(at, 1);
	at = 99;
	CHECK(!views_unread_from(&m, rows, 5, 1, false, &at)); /* none above */
	CHECK_INT(at, 99);
	/* no rows given: row i is position i (the whole list in load order) */
	CHECK(views_unread_from(&m, NULL, 5, 2, true, &at));
	CHECK_INT(at, 3);
	CHECK(!views_unread_from(&m, rows, 0, 0, true, &at));
}

static struct article *make(const char *title, const char *source)
{
	struct article *a = article_new(title);
	article_set_title(a, title, strlen(title));
	article_add_para(a, "نص", strlen("نص"));
	if (source)
		article_set_field(&a->source, source, strlen(source));
	article_finish(a, title);
	return a;
}

/* okaz at 0, 2 and 4 (4 not listed yet), sabq at 1, none at 3. */
static void test_source_rows(void)
{
	struct corpus c;
	size_t out[5], okaz[] = {0, 2};

	corpus_init(&c);
	corpus_add(&c, make("أ", "okaz"));
	corpus_add(&c, make("ب", "sabq"));
	corpus_add(&c, make("ت", "okaz"));
	corpus_add(&c, make("ث", NULL));
	corpus_add(&c, make("ج", "okaz"));
	CHECK_INT(views_source_rows(&c, 4, "okaz", out), 2);
	CHECK(same(out, okaz, 2));
	CHECK_INT(views_source_rows(&c, 5, "okaz", out), 3);
	CHECK_INT(views_source_rows(&c, 5, "sabq", out), 1);
	CHECK_INT(out[0], 1);
	CHECK_INT(views_source_rows(&c, 5, "aawsat", out), 0);
	corpus_free(&c);
}

int main(void)
{
	test_narrow();
	test_unread_changed();
	test_unread_from();
	test_source_rows();
	return check_done();
}
