/* test_filter.c - the list filter (src/app/filter.c) on a corpus in memory: whatever way a
 * result is reached (a pass narrowed as the query grows, articles arriving out of order,
 * slices of bounded work), it is what a fresh search of the whole list gives, in list order;
 * the matches so far show only when they are final and due; the store's list follows the
 * prompt from the third letter at any size. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "../../src/app/filter.h"

#define N 60
#define SLICE_MAX 8 /* articles a slice of budget 0 tests at most (search.c's clock period) */

struct fixture {
	struct corpus c;
	struct search_index x;
	size_t order[N], rank[N];
	struct filter_list l;
	struct filter f;
	size_t shown[N]; /* what the list was last given */
	size_t nshown;
	int shows;
};

static struct article *make(const char *title, const char *body)
{
	struct article *a = article_new("mem.txt");
	article_set_title(a, title, strlen(title));
	article_add_para(a, body, strlen(body));
	article_finish(a, "mem.txt");
	return a;
}

static void fixture_show(void *ctx, const size_t *rows, size_t n)
{
	struct fixture *fx = ctx;
	memcpy(fx->shown, rows, n * sizeof *rows);
	fx->nshown = n;
	fx->shows++;
}

/* The list shows positions [0, n), in an order unlike the corpus's (as by date): a key that
 * interleaves later positions with earlier ones. */
static size_t fixture_key(size_t i) { return (i * 37) % 101; }

static void fixture_list(struct fixture *fx, size_t n)
{
	for (size_t k = 0; k < n; k++)
		fx->order[k] = k;
	for (size_t k = 1; k < n; k++) /* insertion sort by key, descending */
		for (size_t j = k; j > 0 && fixture_key(fx->order[j]) > fixture_key(fx->order[j - 1]); j--) {
			size_t t = fx->order[j];
			fx->order[j] = fx->order[j - 1];
			fx->order[j - 1] = t;
		}
	for (size_t k = 0; k < n; k++)
		fx->rank[fx->order[k]] = k;
	fx->x.n = n; /* as the index grows while loading */
	fx->l.n = n;
}

/* Sixty articles: "وزير" in 48, "وزير الخ" in 24, "الرياض" in 20 titles. */
static void fixture_init(struct fixture *fx, size_t n)
{
	memset(fx, 0, sizeof *fx);
	corpus_init(&fx->c);
	for (size_t i = 0; i < N; i++)
		corpus_add(&fx->c, make(i % 3 ? "موسكو" : "الرياض",
					i % 5 == 0 ? "لا شيء" : i % 2 ? "وزير الخارجية" : "وزير الداخلية"));
	search_index_init(&fx->x, &fx->c);
	fx->l = (struct filter_list){.order = fx->order, .rank = fx->rank, .index = &fx->x,
				     .show = fixture_show, .ctx = fx};
	fixture_list(fx, n);
}

static void fixture_free(struct fixture *fx)
{
	filter_free(&fx->f);
	search_index_free(&fx->x);
	corpus_free(&fx->c);
}

/* What a fresh search of the whole list gives: its matches in list order. */
static size_t expected(struct fixture *fx, const char *text, size_t *out)
{
	struct search_query q;
	uint32_t within[N], hits[N];
	bool match[N] = {0};
	size_t n = 0, k;

	for (size_t i = 0; i < fx->l.n; i++)
		within[i] = (uint32_t)i;
	REQUIRE(search_query_init(&q, text, false));
	k = search_filter(&fx->x, &q, within, fx->l.n, hits);
	search_query_free(&q);
	for (size_t i = 0; i < k; i++)
		match[hits[i]] = true;
	for (size_t r = 0; r < fx->l.n; r++)
		if (match[fx->order[r]])
			out[n++] = fx->order[r];
	return n;
}

/* The filter shows text's matches, as a fresh search gives them, and the list got them. */
static bool shows_result(struct fixture *fx, const char *text)
{
	size_t want[N], n = expected(fx, text, want);
	bool ok = fx->f.text && strcmp(fx->f.text, text) == 0 && fx->f.query &&
		  fx->f.pending.text == NULL && fx->f.n == n &&
		  memcmp(fx->f.rows, want, n * sizeof *want) == 0 && fx->nshown == n &&
		  memcmp(fx->shown, want, n * sizeof *want) == 0;
	if (!ok)
		fprintf(stderr, "    %s: shows %zu rows, a fresh search gives %zu\n", text, fx->f.n, n);
	return ok;
}

static void run(struct fixture *fx)
{
	while (!filter_step(&fx->f, &fx->l, LONG_MAX, N, false))
		;
}

/* One slice of budget 0; how many candidates it tested. */
static size_t slice(struct fixture *fx)
{
	size_t before = fx->f.pending.pass.next;
	filter_step(&fx->f, &fx->l, 0, N, false);
	return fx->f.pending.text ? fx->f.pending.pass.next - before : 0;
}

static void test_fresh_and_empty(void)
{
	struct fixture fx;

	fixture_init(&fx, N);
	filter_query(&fx.f, &fx.l, "وزير الخ", 1.0);
	CHECK_INT(fx.shows, 0); /* the list keeps its rows until the pass shows */
	CHECK_INT(fx.f.pending.pass.ncand, N);
	CHECK_STR(fx.f.pending.text, "وزير الخ");
	run(&fx);
	CHECK(shows_result(&fx, "وزير الخ"));
	CHECK_INT(fx.f.n, 24);
	CHECK_INT(fx.f.upto, N);

	/* a query with nothing to search for: the whole list, in its order */
	filter_query(&fx.f, &fx.l, "  ", 2.0);
	CHECK(fx.f.text == NULL && fx.f.pending.text == NULL && fx.f.n == 0);
	CHECK_INT(fx.nshown, N);
	CHECK(memcmp(fx.shown, fx.order, sizeof fx.order) == 0);
	fixture_free(&fx);
}

static void test_grown_and_shortened(void)
{
	struct fixture fx;
	size_t tested, found;

	/* the query grew while its pass was pending: the pass narrows (matches so far and the
	 * untested rest), and its result is a fresh pass's */
	fixture_init(&fx, N);
	filter_query(&fx.f, &fx.l, "وزير", 1.0);
	slice(&fx);
	slice(&fx);
	tested = fx.f.pending.pass.next;
	found = fx.f.pending.pass.nfound;
	CHECK(tested > 0 && tested < N && found > 0);
	filter_query(&fx.f, &fx.l, "وزير الخ", 2.0);
	CHECK_INT(fx.f.pending.pass.ncand, N - tested + found);
	CHECK(fx.f.pending.started == 2.0);
	run(&fx);
	CHECK(shows_result(&fx, "وزير الخ"));

	/* shortened: a fresh pass over the whole list */
	filter_query(&fx.f, &fx.l, "وزير", 3.0);
	CHECK_INT(fx.f.pending.pass.ncand, N);
	run(&fx);
	CHECK(shows_result(&fx, "وزير"));

	/* grown after the result showed: only the shown rows are candidates */
	filter_query(&fx.f, &fx.l, "وزير الد", 4.0);
	CHECK_INT(fx.f.pending.pass.ncand, 48);
	run(&fx);
	CHECK(shows_result(&fx, "وزير الد"));

	/* another query altogether while one is pending: fresh */
	filter_query(&fx.f, &fx.l, "وزير", 5.0);
	slice(&fx);
	filter_query(&fx.f, &fx.l, "الرياض", 6.0);
	CHECK_INT(fx.f.pending.pass.ncand, N);
	run(&fx);
	CHECK(shows_result(&fx, "الرياض"));
	fixture_free(&fx);
}

static void test_arriving(void)
{
	struct fixture fx;

	/* articles arrive while a pass is pending: they join it, out of list order, and the
	 * result is the whole list's, in its new order */
	fixture_init(&fx, 40);
	filter_query(&fx.f, &fx.l, "وزير", 1.0);
	slice(&fx);
	fixture_list(&fx, N);
	filter_more(&fx.f, &fx.l, 40, N, 2.0);
	CHECK(!fx.f.pending.ordered);
	while (!filter_step(&fx.f, &fx.l, 0, 1, true))
		CHECK(!fx.f.pending.showing); /* its matches so far are not the top of the list */
	CHECK(shows_result(&fx, "وزير"));

	/* and after the result showed: the new ones are tested, the shown ones kept */
	fixture_list(&fx, 40);
	filter_query(&fx.f, &fx.l, "الرياض", 3.0);
	run(&fx);
	CHECK(shows_result(&fx, "الرياض"));
	fixture_list(&fx, N);
	filter_more(&fx.f, &fx.l, 40, N, 4.0);
	CHECK_INT(fx.f.pending.pass.ncand, N - 40);
	run(&fx);
	CHECK(shows_result(&fx, "الرياض"));

	/* a grown query after articles arrived unseen by the shown result */
	fixture_list(&fx, 40);
	filter_query(&fx.f, &fx.l, "وزير", 5.0);
	run(&fx);
	fixture_list(&fx, N);
	filter_query(&fx.f, &fx.l, "وزير الخ", 6.0);
	CHECK(!fx.f.pending.ordered);
	run(&fx);
	CHECK(shows_result(&fx, "وزير الخ"));
	fixture_free(&fx);
}

/* Rows handed over (a source, a tag) show in list order, also after articles arrive. */
static void test_rows(void)
{
	struct fixture fx;
	size_t rows[] = {3, 1, 2, 39, 0};

	fixture_init(&fx, 40);
	filter_set_rows(&fx.f, &fx.l, "source: x", rows, 5);
	CHECK(!fx.f.query && fx.f.n == 5);
	for (size_t i = 1; i < fx.f.n; i++)
		CHECK(fx.rank[fx.f.rows[i - 1]] < fx.rank[fx.f.rows[i]]);
	fixture_list(&fx, N);
	filter_more(&fx.f, &fx.l, 40, N, 1.0);
	CHECK(fx.f.pending.text == NULL && fx.f.n == 5);
	for (size_t i = 1; i < fx.f.n; i++)
		CHECK(fx.rank[fx.f.rows[i - 1]] < fx.rank[fx.f.rows[i]]);
	CHECK(memcmp(fx.shown, fx.f.rows, 5 * sizeof *rows) == 0);
	fixture_free(&fx);
}

/* Slices of budget 0 test a few articles each, and end where one full run does. */
static void test_slices(void)
{
	struct fixture fx;
	size_t steps = 0, n, *one;

	fixture_init(&fx, N);
	filter_query(&fx.f, &fx.l, "الرياض", 1.0);
	CHECK(filter_step(&fx.f, &fx.l, LONG_MAX, N, false));
	n = fx.f.n;
	one = calloc(n + 1, sizeof *one);
	memcpy(one, fx.f.rows, n * sizeof *one);

	filter_query(&fx.f, &fx.l, "  ", 2.0);
	filter_query(&fx.f, &fx.l, "الرياض", 3.0);
	while (fx.f.pending.text) {
		size_t k = slice(&fx);
		CHECK(k <= SLICE_MAX);
		steps++;
	}
	CHECK(steps >= N / SLICE_MAX);
	CHECK_INT(fx.f.n, n);
	CHECK(memcmp(fx.f.rows, one, n * sizeof *one) == 0);
	CHECK(shows_result(&fx, "الرياض"));
	free(one);
	fixture_free(&fx);
}

/* The matches so far show once they fill the page, or at once when the query was accepted:
 * the top of the final result. */
static void test_partial(void)
{
	struct fixture fx;
	size_t want[N], n, first;

	fixture_init(&fx, N);
	n = expected(&fx, "الرياض", want);
	filter_query(&fx.f, &fx.l, "الرياض", 1.0);
	while (fx.f.pending.pass.nfound < 5) {
		CHECK(!fx.f.pending.showing);
		filter_step(&fx.f, &fx.l, 0, 5, false);
	}
	CHECK(fx.f.pending.showing && fx.f.pending.text);
	CHECK(filter_settled(&fx.f));
	CHECK(fx.f.n >= 5 && fx.f.n < n);
	CHECK(memcmp(fx.f.rows, want, fx.f.n * sizeof *want) == 0);
	CHECK_STR(fx.f.text, "الرياض");
	/* and again once they double */
	first = fx.f.n;
	while (fx.f.pending.pass.nfound < 2 * first)
		filter_step(&fx.f, &fx.l, 0, 5, false);
	CHECK(fx.f.pending.text && fx.f.n >= 2 * first && fx.f.n < n);
	CHECK(memcmp(fx.f.rows, want, fx.f.n * sizeof *want) == 0);

	/* accepted: the first match shows */
	filter_query(&fx.f, &fx.l, "  ", 2.0);
	filter_query(&fx.f, &fx.l, "الرياض", 3.0);
	CHECK(!filter_settled(&fx.f));
	while (fx.f.pending.pass.nfound == 0)
		filter_step(&fx.f, &fx.l, 0, N, true);
	CHECK(fx.f.pending.showing && fx.f.n == fx.f.pending.pass.nfound);
	CHECK(memcmp(fx.f.rows, want, fx.f.n * sizeof *want) == 0);
	run(&fx);
	CHECK(shows_result(&fx, "الرياض"));
	fixture_free(&fx);
}

/* The store's list: from the third letter while typing, any query on Enter. */
static void test_store(void)
{
	CHECK_INT(filter_store_action("ال", true, NULL), FILTER_STORE_KEEP);
	CHECK_INT(filter_store_action("ال", true, "الر"), FILTER_STORE_UNFILTER);
	CHECK_INT(filter_store_action("ال", false, NULL), FILTER_STORE_SEARCH);
	CHECK_INT(filter_store_action("الر", true, NULL), FILTER_STORE_SEARCH);
	CHECK_INT(filter_store_action("الر", true, "الر"), FILTER_STORE_KEEP);
	CHECK_INT(filter_store_action("أَلْر", true, NULL), FILTER_STORE_SEARCH); /* harakat */
	CHECK_INT(filter_store_action("", false, "الر"), FILTER_STORE_UNFILTER);
	CHECK_INT(filter_store_action("الرياض", true, "الريا"), FILTER_STORE_SEARCH);
	CHECK_INT(filter_store_action("الرياض", false, "الرياض"), FILTER_STORE_KEEP);
}

int main(void)
{
	test_fresh_and_empty();
	test_grown_and_shortened();
	test_arriving();
	test_rows();
	test_slices();
	test_partial();
	test_store();
	return check_done();
}
