/* test_store_window.c - the reader's list on the store as a window (src/app/store_window.c):
 * every row in order whichever way it is walked and wherever it jumps, never more than the
 * window's rows kept, rows stored since joining above the first, marks shown and filtered
 * (unread, bookmarked), a tag's feeds, a search; a search's count made on the counter's
 * thread: the rows read on meanwhile, only the newest search's count kept, the end read
 * before the count came; a search staged and read a row at a time; a row already read
 * looked at without reading; the rows about a row read ahead a step at a time. */
#include <poll.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../src/app/store_window.h"
#include "check.h"
#include "qari/corpus.h"
#include "qari/date.h"
#include "qari/store.h"
#include "qari/xalloc.h"

#define TEST_N 1000 /* articles: several windows' worth */

static char *test_root;

/* Article i: "story i", dated i hours after the start (story TEST_N - 1 the newest). */
static void test_add(struct corpus *c, int i, const char *word)
{
	char link[64], title[64], date[32];
	struct article *a;

	snprintf(link, sizeof link, "http://x/%d", i);
	snprintf(title, sizeof title, "story %d", i);
	snprintf(date, sizeof date, "2026-%02d-%02d %02d:00", 1 + i / 672, 1 + i / 24 % 28, i % 24);
	a = article_new(link);
	a->url = xstrdup(link);
	article_set_title(a, title, strlen(title));
	article_add_para(a, word, strlen(word));
	date_set_article(a, date, strlen(date));
	corpus_add(c, a);
}

static void test_ingest(struct store *s, int64_t feed, int from, int to, const char *word)
{
	struct corpus c;
	struct store_ingest r = {0};
	char *error = NULL;

	corpus_init(&c);
	for (int i = from; i < to; i++)
		test_add(&c, i, word);
	CHECK(store_ingest(s, feed, &c, 0, c.n, &r, &error));
	if (error)
		fprintf(stderr, "%s\n", error);
	free(error);
	corpus_free(&c);
}

/* Row i shows story newest - i. */
static bool test_row_is(struct store_window *w, size_t i, int newest)
{
	const struct store_list_row *r = store_window_row(w, i);
	char want[64];
	snprintf(want, sizeof want, "story %d", newest - (int)i);
	if (r == NULL || strcmp(r->title, want) != 0) {
		fprintf(stderr, "    row %zu: [%s], expected [%s]\n", i, r ? r->title : "(none)", want);
		return false;
	}
	return w->page.n <= STORE_WINDOW_KEEP;
}

static void test_walks(struct store *s)
{
	struct store_window w;
	bool ok = true;
	size_t reads;

	store_window_init(&w, s);
	CHECK_INT(store_window_count(&w), TEST_N);
	CHECK_INT(store_window_unread(&w), TEST_N);
	for (size_t i = 0; i < TEST_N && ok; i++) /* down, one row at a time */
		ok = test_row_is(&w, i, TEST_N - 1);
	CHECK(ok);
	/* read a page at a time, not a row */
	CHECK(w.reads <= TEST_N / STORE_WINDOW_PAGE + 2);
	CHECK(store_window_row(&w, TEST_N) == NULL);
	/* a row already read is there without a read, one not read is not read for it */
	reads = w.reads;
	CHECK(store_window_row_read(&w, TEST_N - 1) != NULL);
	CHECK(store_window_row_read(&w, TEST_N - 1) == store_window_row(&w, TEST_N - 1));
	CHECK(store_window_row_read(&w, 0) == NULL);
	CHECK(store_window_row_read(&w, TEST_N) == NULL);
	CHECK_INT(w.reads, reads);
	for (size_t i = TEST_N; i-- > 0 && ok;) /* and up again */
		ok = test_row_is(&w, i, TEST_N - 1);
	CHECK(ok);
	/* jumps: the end (G), the top (g), the middle, each read around it */
	store_window_reset(&w);
	CHECK(test_row_is(&w, TEST_N - 1, TEST_N - 1));
	reads = w.reads;
	CHECK(test_row_is(&w, TEST_N - 2, TEST_N - 1)); /* beside it: kept */
	CHECK_INT(w.reads, reads);
	CHECK(test_row_is(&w, 0, TEST_N - 1));
	CHECK(test_row_is(&w, 517, TEST_N - 1));
	CHECK(test_row_is(&w, 516, TEST_N - 1));
	CHECK(test_row_is(&w, 600, TEST_N - 1));
	CHECK(test_row_is(&w, 3, TEST_N - 1));
	for (size_t i = 0; i < TEST_N && ok; i += 37) /* pages down */
		ok = test_row_is(&w, i, TEST_N - 1);
	CHECK(ok);
	/* a row found by its key (the last article read): its index, and the rows about it */
	{
		struct store_list_key key = store_window_row(&w, 700)->key;
		store_window_reset(&w);
		CHECK_INT(store_window_seek(&w, &key), 700);
		reads = w.reads;
		CHECK(test_row_is(&w, 700, TEST_N - 1));
		CHECK(test_row_is(&w, 690, TEST_N - 1));
		CHECK(test_row_is(&w, 720, TEST_N - 1));
		CHECK_INT(w.reads, reads); /* all read by the seek */
		for (size_t i = 700; i-- > 0 && ok;) /* and up to the top */
			ok = test_row_is(&w, i, TEST_N - 1);
		CHECK(ok);
		key = store_window_row(&w, 0)->key;
		CHECK_INT(store_window_seek(&w, &key), 0);
		CHECK(test_row_is(&w, 0, TEST_N - 1));
	}
	store_window_free(&w);
}

/* Reading ahead, a step at a time: the rows about a row are read until none is due, below
 * it and above it; nothing past the end; reach taken as at most STORE_WINDOW_AHEAD_MAX; a
 * search never read ahead. */
static void test_ahead(struct store *s)
{
	struct store_window w;
	size_t i, due, steps = 0;
	bool ok = true;

	store_window_init(&w, s);
	CHECK(test_row_is(&w, 0, TEST_N - 1));
	CHECK(store_window_ahead_due(&w, 0, 10) == SIZE_MAX); /* the first page holds them */
	i = w.base + w.page.n - 5;
	CHECK(store_window_ahead_due(&w, i, 40) == i + 40);
	while ((due = store_window_ahead_due(&w, i, 40)) != SIZE_MAX && steps++ < 8)
		ok &= store_window_row(&w, due) != NULL;
	CHECK(ok && steps == 1);
	CHECK(store_window_row_read(&w, i + 40) != NULL);
	/* above: the rows about 700 read by a seek (half a page a side), then up to 64 rows
	 * below and above */
	{
		struct store_list_key key = store_window_row(&w, 700)->key;
		store_window_reset(&w);
		CHECK_INT(store_window_seek(&w, &key), 700);
		CHECK(w.page.n <= STORE_WINDOW_PAGE + 1);
		i = w.base + 2;
		CHECK(store_window_ahead_due(&w, i, 64) != SIZE_MAX);
		for (steps = 0; (due = store_window_ahead_due(&w, i, 64)) != SIZE_MAX && steps < 8;
		     steps++)
			ok &= store_window_row(&w, due) != NULL;
		CHECK(ok && steps == 2);
		CHECK(store_window_row_read(&w, i - 64) && store_window_row_read(&w, i + 64));
		CHECK(test_row_is(&w, i - 64, TEST_N - 1) && test_row_is(&w, i, TEST_N - 1));
	}
	/* a reach past what is kept: taken as the most, and both sides then stay read */
	for (steps = 0; (due = store_window_ahead_due(&w, i, 100000)) != SIZE_MAX && steps < 8;
	     steps++)
		ok &= store_window_row(&w, due) != NULL;
	CHECK(ok && steps <= 2);
	CHECK(store_window_row_read(&w, i + STORE_WINDOW_AHEAD_MAX) != NULL);
	CHECK(store_window_row_read(&w, i - STORE_WINDOW_AHEAD_MAX) != NULL);
	/* the end: nothing past the last row */
	CHECK(test_row_is(&w, TEST_N - 1, TEST_N - 1));
	CHECK(store_window_ahead_due(&w, TEST_N - 1, 40) == SIZE_MAX);
	/* a search: its rows are checked one by one, not read ahead */
	CHECK(store_window_search(&w, "body"));
	CHECK(store_window_row(&w, 0) != NULL);
	CHECK(store_window_ahead_due(&w, w.base + w.page.n - 1, 40) == SIZE_MAX);
	store_window_free(&w);
}

/* Stories stored since join above the first row, the window at the top or further down. */
static void test_newer(struct store *s)
{
	struct store_window w;

	store_window_init(&w, s);
	CHECK(test_row_is(&w, 0, TEST_N - 1));
	test_ingest(s, 0, TEST_N, TEST_N + 3, "body");
	CHECK_INT(store_window_newer(&w), 3);
	CHECK_INT(store_window_count(&w), TEST_N + 3);
	CHECK(test_row_is(&w, 0, TEST_N + 2));
	CHECK(test_row_is(&w, 3, TEST_N + 2));
	/* at the end of the list: the rows kept move down by as many */
	CHECK(test_row_is(&w, TEST_N + 2, TEST_N + 2));
	test_ingest(s, 0, TEST_N + 3, TEST_N + 5, "body");
	CHECK_INT(store_window_newer(&w), 2);
	CHECK(test_row_is(&w, TEST_N + 4, TEST_N + 4));
	CHECK(test_row_is(&w, TEST_N + 3, TEST_N + 4));
	CHECK(test_row_is(&w, 0, TEST_N + 4));
	CHECK_INT(store_window_newer(&w), 0); /* nothing new */
	store_window_free(&w);
}

static void test_marks(struct store *s)
{
	struct store_window w;
	const struct store_list_row *r;
	char id[ARTICLE_ID_LEN + 1];
	size_t n, unread;

	store_window_init(&w, s);
	n = store_window_count(&w);
	r = store_window_row(&w, 1);
	REQUIRE(r != NULL);
	memcpy(id, r->id, sizeof id);
	CHECK(!r->read);
	CHECK(store_set_read(s, id, true));
	store_window_mark(&w, id, 1, -1);
	CHECK(store_window_row(&w, 1)->read); /* the row kept shows it */
	CHECK_INT(store_window_unread(&w), n - 1);
	CHECK(store_set_bookmark(s, store_window_row(&w, 2)->id, true));
	/* the unread view: every row but the read one */
	store_window_marks(&w, STORE_LIST_UNREAD);
	CHECK_INT(store_window_count(&w), n - 1);
	CHECK(strcmp(store_window_row(&w, 1)->id, id) != 0);
	store_window_marks(&w, STORE_LIST_BOOKMARKED);
	CHECK_INT(store_window_count(&w), 1);
	CHECK(store_window_row(&w, 0) && store_window_row(&w, 0)->bookmark);
	CHECK(store_window_row(&w, 1) == NULL);
	/* the view's list whatever the marks: v's "1 of n" and the summary's figures */
	CHECK_INT(store_window_count_any_marks(&w, &unread), n);
	CHECK_INT(unread, n - 1);
	CHECK(store_set_read(s, store_window_row(&w, 0)->id, true));
	store_window_mark(&w, store_window_row(&w, 0)->id, 1, -1);
	CHECK_INT(store_window_count_any_marks(&w, &unread), n);
	CHECK_INT(unread, n - 2); /* counted again after the mark */
	store_window_marks(&w, STORE_LIST_ANY_MARK);
	CHECK_INT(store_window_count(&w), n);
	store_window_free(&w);
}

/* n past rows already read: the rows are read ahead, a step at a time, until the nearest
 * unread row below is among them, or the reach (at most STORE_WINDOW_AHEAD_MAX) is all read. */
static void test_unread_ahead(struct store *s)
{
	struct store_window w;
	size_t due, steps;
	bool ok = true;

	store_window_init(&w, s);
	for (size_t k = 91; k <= 300; k++)
		ok &= store_set_read(s, store_window_row(&w, k)->id, true);
	store_window_reset(&w);
	CHECK(ok && store_window_row(&w, 90) != NULL);
	CHECK(store_window_unread_due(&w, 90, 1000) != SIZE_MAX);
	for (steps = 0; (due = store_window_unread_due(&w, 90, 1000)) != SIZE_MAX && steps < 8;
	     steps++)
		ok &= store_window_row(&w, due) != NULL;
	CHECK(ok && steps <= 4);
	CHECK(store_window_row_read(&w, 90 + STORE_WINDOW_AHEAD_MAX) != NULL);
	CHECK(store_window_row_read(&w, 90 + STORE_WINDOW_AHEAD_MAX)->read);
	for (steps = 0; (due = store_window_unread_due(&w, 249, 64)) != SIZE_MAX && steps < 8;
	     steps++)
		ok &= store_window_row(&w, due) != NULL;
	CHECK(ok && steps <= 4);
	CHECK(store_window_row_read(&w, 301) != NULL && !store_window_row_read(&w, 301)->read);
	CHECK(store_window_unread_due(&w, 290, 64) == SIZE_MAX); /* 301 is read: unread, near */
	/* a search is not read ahead */
	CHECK(store_window_search(&w, "body"));
	CHECK(store_window_row(&w, 0) != NULL);
	CHECK(store_window_unread_due(&w, 0, 64) == SIZE_MAX);
	store_window_clear(&w);
	for (size_t k = 91; k <= 300; k++)
		ok &= store_set_read(s, store_window_row(&w, k)->id, false);
	CHECK(ok);
	store_window_free(&w);
}

/* n and N past many rows read: the nearest unread row found by the index and the window
 * read about it, at the index a walk row by row gives; none past the ends; a search walks. */
static void test_next_unread(struct store *s)
{
	struct store_window w;
	size_t reads;
	bool ok = true;
	int top;
	int64_t past;

	store_window_init(&w, s);
	top = (int)store_window_count(&w) - 1; /* story top is row 0 */
	for (size_t k = 5; k <= 400; k++)
		ok &= store_set_read(s, store_window_row(&w, k)->id, true);
	store_window_reset(&w);
	CHECK(ok && store_window_row(&w, 4) != NULL);
	CHECK_INT(store_window_next_unread(&w, 2, true), 3); /* among the rows read */
	CHECK(store_window_unread_past(&w, 2, true) == 0);
	/* found between keys (the row read ahead), the key then only reads the rows about it */
	past = store_window_unread_past(&w, 4, true);
	CHECK(past > 0 && store_window_row_read(&w, 4) != NULL);
	reads = w.reads;
	CHECK_INT(store_window_next_unread(&w, 4, true), 401);
	CHECK(w.reads - reads <= 2); /* not a page per 64 rows between */
	CHECK(test_row_is(&w, 401, top) && !store_window_row_read(&w, 401)->read);
	CHECK(store_window_row_read(&w, 401)->key.row == past);
	CHECK(test_row_is(&w, 400, top) && store_window_row(&w, 400)->read);
	CHECK_INT(store_window_next_unread(&w, 401, false), 4);
	CHECK(test_row_is(&w, 4, top) && test_row_is(&w, 5, top));
	CHECK_INT(store_window_next_unread(&w, 0, false), SIZE_MAX);
	CHECK_INT(store_window_next_unread(&w, (size_t)top, true), SIZE_MAX);
	CHECK(test_row_is(&w, 200, top));
	CHECK_INT(store_window_next_unread(&w, 200, false), 4);
	CHECK_INT(store_window_next_unread(&w, 200, true), 401);
	/* a search walks its rows */
	CHECK(store_window_search(&w, "body"));
	CHECK(store_window_row(&w, 4) != NULL);
	CHECK_INT(store_window_next_unread(&w, 4, true), 401);
	store_window_clear(&w);
	for (size_t k = 5; k <= 400; k++)
		ok &= store_set_read(s, store_window_row(&w, k)->id, false);
	CHECK(ok);
	store_window_free(&w);
}

/* A tag's feeds, one feed, a search, and everything again. */
/* One article read by its row whatever a window shows: its own, with its feed; none for a
 * row not stored. */
static void test_read_row(struct store *s, int64_t feed)
{
	struct store_list_page page = {0};
	const struct store_list_row *r;
	char id[ARTICLE_ID_LEN + 1];
	int64_t row;

	article_make_id("http://x/5001", id);
	row = store_row_of(s, id);
	REQUIRE(row > 0);
	r = store_window_read_row(s, row, &page);
	CHECK(r != NULL && r->key.row == row && r->feed == feed);
	CHECK(r != NULL && strcmp(r->title, "story 5001") == 0);
	r = store_window_read_row(s, row - 1, &page); /* the page read again, one row */
	CHECK(r != NULL && r->key.row == row - 1 && page.n == 1);
	CHECK(store_window_read_row(s, 0, &page) == NULL && page.n == 0);
	store_list_page_free(&page);
}

static void test_filters(struct store *s)
{
	struct store_window w;
	struct store_feed a, b;
	char *error = NULL;
	int64_t feeds[2];

	REQUIRE(store_feed_get(s, "http://a/feed", &a, &error));
	REQUIRE(store_feed_get(s, "http://b/feed", &b, &error));
	test_ingest(s, a.id, 5000, 5004, "مطار جدة");
	test_ingest(s, b.id, 6000, 6002, "نص");
	feeds[0] = a.id, feeds[1] = b.id;
	store_window_init(&w, s);
	store_window_feeds(&w, feeds, 2);
	CHECK_INT(store_window_count(&w), 6);
	CHECK(store_window_row(&w, 0) && store_window_row(&w, 0)->feed == b.id);
	store_window_feed(&w, a.id, NULL);
	CHECK_INT(store_window_count(&w), 4); /* one feed within the tag's */
	store_window_clear(&w);
	CHECK(store_window_search(&w, "مطار"));
	CHECK_INT(store_window_count(&w), 4);
	CHECK(store_window_row(&w, 3) != NULL && store_window_row(&w, 4) == NULL);
	CHECK(!store_window_search(&w, "  "));
	store_window_clear(&w);
	CHECK(store_window_count(&w) > 6);
	store_window_free(&w);
	test_read_row(s, a.id);
	store_feed_free(&a);
	store_feed_free(&b);
}

/* A search staged and read a row at a time: the window shows its rows of before until the
 * last step, then the rows and count a search made at once shows; a filter set meanwhile
 * drops it. */
static void test_staged(struct store *s)
{
	struct store_window w, now;
	size_t steps = 0;
	bool done = false;

	store_window_init(&w, s);
	store_window_init(&now, s);
	store_window_set_screen(&w, 10);
	store_window_set_screen(&now, 10);
	CHECK(store_window_row(&w, 0) && strcmp(store_window_row(&w, 0)->title, "story 6001") == 0);
	CHECK(!store_window_stage_search(&w, "  "));
	CHECK(store_window_staged(&w) == NULL);
	CHECK(store_window_stage_search(&w, "story 5"));
	CHECK(store_window_staged(&w) && strcmp(store_window_staged(&w), "story 5") == 0);
	while (!done && steps < 1000) {
		CHECK(store_window_row(&w, 0) &&
		      strcmp(store_window_row(&w, 0)->title, "story 6001") == 0); /* not yet */
		done = store_window_stage_step(&w, 1);
		steps++;
	}
	CHECK(done && steps >= 18); /* a row checked a step: the screen and 8 more */
	CHECK(store_window_staged(&w) == NULL);
	CHECK(w.page.n == 18);
	CHECK(store_window_search(&now, "story 5"));
	CHECK_INT(store_window_count(&w), store_window_count(&now));
	for (size_t i = 0; i < 120; i++) {
		const struct store_list_row *a = store_window_row(&w, i), *b = store_window_row(&now, i);
		CHECK((a == NULL) == (b == NULL));
		if (a && b && strcmp(a->title, b->title) != 0) {
			fprintf(stderr, "    row %zu: [%s], expected [%s]\n", i, a->title, b->title);
			CHECK(false);
		}
	}
	CHECK(store_window_stage_search(&w, "story 6"));
	CHECK(!store_window_stage_step(&w, 1));
	store_window_clear(&w); /* another filter: the staged search goes */
	CHECK(store_window_staged(&w) == NULL);
	CHECK(store_window_row(&w, 0) && strcmp(store_window_row(&w, 0)->title, "story 6001") == 0);
	CHECK(store_window_stage_search(&w, "story 99")); /* fewer than a screen: the end read */
	while (!store_window_stage_step(&w, 1))
		;
	CHECK_INT(store_window_count(&w), 11);
	CHECK(!store_window_counting(&w, NULL));
	CHECK(store_window_stage_search(&w, "story 5")); /* dropped unread, nothing leaks */
	store_window_free(&w);
	store_window_free(&now);
}

/* Read row i of a window with its counter until row i is NULL: the rows of the list. */
static size_t test_rows(struct store_window *w)
{
	size_t i = 0;
	while (store_window_row(w, i) != NULL)
		i++;
	return i;
}

/* The count comes from the counter's thread (held back 300 ms here): rows are read
 * meanwhile, a newer search's count replaces an older one's, and its pipe says it came. */
static void test_counter_follows(struct store *s, const char *path)
{
	struct store_window w;
	struct store_counter *c;
	struct pollfd pfd;
	size_t seen = 99, reads;

	setenv("QARI_TEST_COUNT_DELAY_MS", "300", 1);
	c = store_counter_new(path);
	unsetenv("QARI_TEST_COUNT_DELAY_MS");
	REQUIRE(c != NULL);
	store_window_init(&w, s);
	CHECK(store_window_row(&w, 3) != NULL);
	reads = w.reads;
	store_window_set_counter(&w, c);
	/* the counter's start keeps the rows of a list with no search (the selection's row, the
	 * first search keeps it selected) */
	CHECK(store_window_row_read(&w, 3) != NULL);
	CHECK_INT(w.reads, reads);
	CHECK(store_window_search(&w, "story 5")); /* 5, 50-59, 500-599, 5000-5003 */
	CHECK_INT(store_window_count(&w), 1);      /* nothing read yet: one row to read on */
	CHECK(store_window_counting(&w, &seen) && seen == 0);
	CHECK(store_window_row(&w, 0) && strcmp(store_window_row(&w, 0)->title, "story 5003") == 0);
	CHECK_INT(store_window_count(&w), STORE_WINDOW_PAGE + 1);
	CHECK(store_window_counting(&w, &seen) && seen == STORE_WINDOW_PAGE);
	CHECK(store_window_search(&w, "story 99")); /* 99, 990-999: 11; the older count dropped */
	store_window_count(&w);
	pfd = (struct pollfd){.fd = store_counter_fd(c), .events = POLLIN};
	CHECK(poll(&pfd, 1, 10000) == 1);
	CHECK(store_window_count_event(&w));
	CHECK(!store_window_counting(&w, NULL));
	CHECK_INT(store_window_count(&w), 11);
	CHECK(store_window_search(&w, "story 4")); /* 111: the last count (11) is another's */
	CHECK(store_window_row(&w, 0) != NULL);
	CHECK(store_window_counting(&w, NULL));
	CHECK_INT(store_window_count(&w), STORE_WINDOW_PAGE + 1);
	store_window_count_wait(&w);
	CHECK_INT(store_window_count(&w), 111);
	CHECK_INT(store_window_unread(&w), 111);
	store_window_free(&w);
	store_counter_free(c);
}

/* Searches one after another with no delay: each asks while the last may be counting (and is
 * interrupted); the count that stays is the last one's, as counted at once. */
static void test_counter_newest(struct store *s, const char *path)
{
	static const char *const queries[] = {"story", "story 1", "body", "story 2", "story 33",
					      "story 7", "story 70"};
	struct store_window w, now;
	struct store_counter *c = store_counter_new(path);
	size_t n = sizeof queries / sizeof *queries;

	REQUIRE(c != NULL);
	store_window_init(&w, s);
	store_window_set_counter(&w, c);
	for (int round = 0; round < 20; round++) {
		const char *q = queries[(size_t)round % n];
		CHECK(store_window_search(&w, q));
		store_window_count(&w);
		if (round % 3 == 0)
			store_window_row(&w, 0);
	}
	store_window_count_wait(&w);
	store_window_init(&now, s);
	CHECK(store_window_search(&now, queries[19 % n]));
	CHECK_INT(store_window_count(&w), store_window_count(&now));
	store_window_free(&now);
	store_window_free(&w);
	store_counter_free(c);
}

/* Read on and to the end before the count came: the rows read are the count (exact), and
 * the count's arrival does not change it; G's wait returns at once. */
static void test_counter_end_first(struct store *s, const char *path)
{
	struct store_window w;
	struct store_counter *c;
	size_t seen = 0;

	setenv("QARI_TEST_COUNT_DELAY_MS", "5000", 1);
	c = store_counter_new(path);
	unsetenv("QARI_TEST_COUNT_DELAY_MS");
	REQUIRE(c != NULL);
	store_window_init(&w, s);
	store_window_set_counter(&w, c);
	CHECK(store_window_search(&w, "story 7"));
	store_window_reach(&w, 30); /* PgDn's rows read on: a page */
	CHECK(store_window_counting(&w, &seen) && seen == STORE_WINDOW_PAGE);
	store_window_reach(&w, 200); /* past the end: the end read */
	CHECK(!store_window_counting(&w, NULL));
	CHECK_INT(store_window_count(&w), 111);
	CHECK_INT(test_rows(&w), 111);
	CHECK(!store_window_counting(&w, NULL));
	CHECK_INT(store_window_count(&w), 111);
	store_window_count_wait(&w); /* the end was read: no wait for the thread */
	CHECK_INT(store_window_count(&w), 111);
	CHECK(store_window_row(&w, 110) && strcmp(store_window_row(&w, 110)->title, "story 7") == 0);
	store_window_free(&w);
	store_counter_free(c); /* the count held back is given up: the thread ends */
}

int main(void)
{
	char tmpl[] = "/tmp/qari-store-window-XXXXXX", *path, *error = NULL;
	struct store *s;

	REQUIRE(mkdtemp(tmpl) != NULL);
	test_root = tmpl;
	path = xasprintf("%s/qari.db", test_root);
	s = store_open(path, &error);
	REQUIRE(s != NULL);
	test_ingest(s, 0, 0, TEST_N, "body");
	test_walks(s);
	test_ahead(s);
	test_newer(s);
	test_marks(s);
	test_unread_ahead(s);
	test_next_unread(s);
	test_filters(s);
	test_staged(s);
	test_counter_follows(s, path);
	test_counter_newest(s, path);
	test_counter_end_first(s, path);
	store_close(s);
	free(path);
	check_remove_tree(test_root);
	return check_done();
}
