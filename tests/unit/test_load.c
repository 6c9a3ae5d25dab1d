/* test_load.c - the list's order while the corpus arrives (src/app/load.c), on a corpus in
 * memory: whatever batches the articles arrive in, the list is the corpus in sort order (ties
 * in load order) with rank its inverse; a new sort order sorts it again; rows put in list
 * order follow rank; a merge waits for the throttle; the state's last article is found only
 * where it arrived and only until the user moved. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "../../src/app/load.h"
#include "qari/article.h"
#include "qari/date.h"
#include "qari/xalloc.h"

#define N 40

static struct article *make(size_t i)
{
	static const char *const sources[] = {"okaz", "aawsat", "sabq", NULL};
	char title[32], date[32];
	struct article *a;

	snprintf(title, sizeof title, "خبر %zu", (i * 7) % N);
	a = article_new(title);
	article_set_title(a, title, strlen(title));
	article_add_para(a, "نص", strlen("نص"));
	if (sources[i % 4])
		article_set_field(&a->source, sources[i % 4], strlen(sources[i % 4]));
	if (i % 9 != 4) { /* some dates unknown, many shared: ties keep load order */
		snprintf(date, sizeof date, "2015-07-%02zu 10:00", 1 + (i * 13) % 11);
		date_set_article(a, date, strlen(date));
	}
	article_finish(a, title);
	return a;
}

static void corpus_make(struct corpus *c)
{
	corpus_init(c);
	for (size_t i = 0; i < N; i++)
		corpus_add(c, make(i));
}

/* Positions [0, n) in sort order, by the comparator alone (insertion sort). */
static void sorted(const struct corpus *c, enum listing_sort s, size_t n, size_t *out)
{
	for (size_t i = 0; i < n; i++)
		out[i] = i;
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0 && listing_cmp(c, s, out[j - 1], out[j]) > 0; j--) {
			size_t t = out[j];
			out[j] = out[j - 1];
			out[j - 1] = t;
		}
}

/* The list is positions [0, n) in sort order s, and rank its inverse. */
static bool lists(const struct load *ld, const struct corpus *c, enum listing_sort s, size_t n)
{
	size_t want[N];
	bool ok = ld->n == n;

	sorted(c, s, n, want);
	for (size_t k = 0; ok && k < n; k++)
		ok = ld->order[k] == want[k] && ld->rank[ld->order[k]] == k;
	if (!ok)
		fprintf(stderr, "    the list of %zu is not in sort order %d\n", n, (int)s);
	return ok;
}

static void load_start(struct load *ld)
{
	memset(ld, 0, sizeof *ld);
	ld->order = xcalloc(1, sizeof *ld->order); /* as loading.c starts it */
}

/* Batches of any size, one article, none, many: each merge gives the full sort. */
static void test_merge_batches(void)
{
	static const size_t ends[] = {1, 8, 8, 9, 22, 23, N};
	struct corpus c;
	struct load ld;

	corpus_make(&c);
	for (int s = 0; s < LISTING_NSORTS; s++) {
		load_start(&ld);
		for (size_t b = 0; b < sizeof ends / sizeof *ends; b++) {
			size_t *before = ld.order, *old = load_merge(&ld, &c, (enum listing_sort)s, ends[b]);
			CHECK(old == (b > 0 && ends[b] == ends[b - 1] ? NULL : before));
			CHECK(lists(&ld, &c, (enum listing_sort)s, ends[b]));
			free(old);
		}
		load_free(&ld);
	}
	corpus_free(&c);
}

/* A new sort order sorts the whole list again. */
static void test_resort(void)
{
	struct corpus c;
	struct load ld;

	corpus_make(&c);
	load_start(&ld);
	free(load_merge(&ld, &c, LISTING_NEWEST, N));
	for (int s = LISTING_NSORTS - 1; s >= 0; s--) {
		load_resort(&ld, &c, (enum listing_sort)s);
		CHECK(lists(&ld, &c, (enum listing_sort)s, N));
	}
	load_free(&ld);
	corpus_free(&c);
}

/* Rows in any order come out in list order (a filter's rows after a merge or a sort). */
static void test_sort_rows(void)
{
	struct corpus c;
	struct load ld;
	size_t rows[N], n = 0, k = 0;

	corpus_make(&c);
	load_start(&ld);
	free(load_merge(&ld, &c, LISTING_SOURCE, N));
	for (size_t i = N; i-- > 0;)
		if (i % 3 != 1)
			rows[n++] = i;
	load_sort_rows(rows, n, ld.rank);
	for (size_t r = 0; r < N; r++) /* the list's rows, skipping those not given */
		if (ld.order[r] % 3 != 1 && !CHECK(rows[k++] == ld.order[r]))
			break;
	CHECK_INT(k, n);
	load_free(&ld);
	corpus_free(&c);
}

/* Nothing waits: -1; newcomers wait out LOAD_MERGE_MS from the last merge, then are due. */
static void test_merge_due(void)
{
	struct load ld = {.n = 10, .merged_at = 100.0};
	int ms;

	CHECK_INT(load_merge_due(&ld, 10, 100.0), -1);
	ms = load_merge_due(&ld, 12, 100.0);
	CHECK(ms > 0 && ms <= LOAD_MERGE_MS + 1);
	ms = load_merge_due(&ld, 12, 100.0 + LOAD_MERGE_MS / 2000.0);
	CHECK(ms > 0 && ms < LOAD_MERGE_MS);
	CHECK_INT(load_merge_due(&ld, 12, 100.0 + LOAD_MERGE_MS / 1000.0 + 0.001), 0);
}

/* The state's last article: found where it arrived, not before; not once the user moved. */
static void test_find_last(void)
{
	struct corpus c;
	struct load ld = {0};
	size_t pos = N;

	corpus_make(&c);
	CHECK(!load_find_last(&ld, &c, 0, N, &pos)); /* none to look for */
	ld.last_id = xstrdup(c.items[17]->id);
	CHECK(!load_find_last(&ld, &c, 0, 17, &pos));
	CHECK(!load_find_last(&ld, &c, 18, N, &pos));
	CHECK(load_find_last(&ld, &c, 10, 20, &pos));
	CHECK_INT(pos, 17);
	ld.touched = true;
	CHECK(!load_find_last(&ld, &c, 0, N, &pos));
	load_free(&ld);
	corpus_free(&c);
}

int main(void)
{
	test_merge_batches();
	test_resort();
	test_sort_rows();
	test_merge_due();
	test_find_last();
	return check_done();
}
