/* test_related.c - related stories on the bundled articles and on five SaudiNewsNet articles
 * (three on Yemen, two unrelated): neighbours by shared entities first, each link explained.
 * With --shared: the word vectors of a day of SaudiNewsNet, on one thread and on several. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "qari/related.h"
#include "qari/search.h"

static size_t pos_of(const struct corpus *c, const char *url_part)
{
	for (size_t i = 0; i < c->n; i++)
		if ((c->items[i]->url && strstr(c->items[i]->url, url_part)) ||
		    strstr(c->items[i]->path, url_part))
			return i;
	return SIZE_MAX;
}

static bool shares(const struct entity_table *t, const struct related_link *l, const char *key)
{
	for (size_t i = 0; i < l->nshared; i++)
		if (strcmp(entity_table_key(t, l->shared[i]), key) == 0)
			return true;
	return false;
}

static void test_seeds(struct related_index *x, const struct entity_table *t, const struct corpus *c)
{
	size_t a = pos_of(c, "000_6917428d12f6681e"), b = pos_of(c, "004_808b5b2253dfbc4d");
	struct related_link *l;
	size_t n;

	REQUIRE(a != SIZE_MAX && b != SIZE_MAX);
	n = related_find(x, a, 10, &l);
	REQUIRE(n >= 1);
	CHECK(l[0].article == b);
	CHECK(l[0].score > 0.1);
	CHECK(shares(t, &l[0], "الولايات المتحده"));
	CHECK(shares(t, &l[0], "اوكرانيا"));
	CHECK(shares(t, &l[0], "واشنطن"));
	double ab = l[0].score;
	related_links_free(l, n);
	n = related_find(x, b, 10, &l);
	CHECK(n >= 1 && l[0].article == a);
	CHECK(n >= 1 && l[0].score > ab - 1e-9 && l[0].score < ab + 1e-9); /* symmetric */
	related_links_free(l, n);
}

static void test_yemen(struct related_index *x, const struct entity_table *t, const struct corpus *c)
{
	size_t y1 = pos_of(c, "yemen_tawahi_1"), y2 = pos_of(c, "yemen_tawahi_2"),
	       y3 = pos_of(c, "yemen_marib"), sport = pos_of(c, "sport_hilal");
	struct related_link *l;
	size_t n;

	REQUIRE(y1 != SIZE_MAX && y2 != SIZE_MAX && y3 != SIZE_MAX && sport != SIZE_MAX);
	n = related_find(x, y1, 10, &l);
	CHECK(n >= 2 && l[0].article == y2 && l[1].article == y3);
	CHECK(n >= 1 && shares(t, &l[0], "عدن"));
	CHECK(n >= 2 && shares(t, &l[1], "اليمن"));
	related_links_free(l, n);
	n = related_find(x, y3, 10, &l);
	CHECK(n >= 2 && (l[0].article == y1 || l[0].article == y2) &&
	      (l[1].article == y1 || l[1].article == y2));
	related_links_free(l, n);
	/* the football story shares no entity with the Yemen stories: it stays below them */
	n = related_find(x, sport, 10, &l);
	for (size_t k = 0; k < n; k++)
		if (l[k].article == y1 || l[k].article == y2)
			CHECK(l[k].score < 0.05);
	related_links_free(l, n);
}

/* Two word indexes give the same ids, weights and posting lists. */
static void check_same_words(const struct related_index *one, const struct related_index *two,
			     size_t n)
{
	CHECK_INT(two->nwords, one->nwords);
	CHECK(memcmp(one->word.at, two->word.at, (n + 1) * sizeof *one->word.at) == 0);
	CHECK(one->word.at[n] > n * 10); /* words were kept */
	CHECK(memcmp(one->word.ids, two->word.ids, one->word.at[n] * sizeof *one->word.ids) == 0);
	CHECK(memcmp(one->word.w, two->word.w, one->word.at[n] * sizeof *one->word.w) == 0);
	CHECK(memcmp(one->wpost.at, two->wpost.at, (one->nwords + 1) * sizeof *one->wpost.at) == 0);
	CHECK(memcmp(one->wpost.v, two->wpost.v, one->wpost.at[one->nwords] * sizeof *one->wpost.v) == 0);
}

/* Word vectors counted on several threads equal those of one (the threads' vocabularies are
 * merged in article order), and those read from the search index's matching forms equal
 * those of the text normalised again. A day of SaudiNewsNet, its entity table left empty:
 * the words do not depend on it. */
static void test_threads_alike(void)
{
	char *path = check_shared_path("corpus/saudinewsnet/2015-07-21.zip");
	struct corpus c;
	struct entity_table t;
	struct related_index one, four, searched, cut;
	struct search_index s;
	atomic_bool stop = true;

	corpus_init(&c);
	REQUIRE(corpus_load_paths(&c, &path, 1) > 1000);
	entity_table_init(&t, &c);
	entity_table_merge(&t);
	related_index_build(&one, &t, NULL, 1, NULL);
	related_index_build(&four, &t, NULL, 4, NULL);
	search_index_init(&s, &c);
	search_index_build(&s, 0, c.n);
	related_index_build(&searched, &t, &s, 2, NULL);
	related_index_build(&cut, &t, &s, 2, &stop);
	CHECK(one.nwords > 10000);
	CHECK(cut.nwords == 0 && cut.wpost.v == NULL); /* cancelled: no word pass ran */
	related_index_free(&cut);
	check_same_words(&one, &four, c.n);
	check_same_words(&one, &searched, c.n);
	related_index_free(&one);
	related_index_free(&four);
	related_index_free(&searched);
	search_index_free(&s);
	entity_table_free(&t);
	corpus_free(&c);
	free(path);
}

int main(int argc, char **argv)
{
	if (check_shared_run(argc, argv)) {
		test_threads_alike();
		return check_done();
	}
	char *paths[2] = {corpus_asset_path("articles"), check_data_path("ner")};
	char *error = NULL;
	const struct ner_model *m = ner_default(&error);
	struct corpus c;
	struct entity_table t;
	struct related_index x;

	CHECK(m != NULL);
	corpus_init(&c);
	REQUIRE(corpus_load_paths(&c, paths, 2) == 7);
	corpus_sort(&c);
	if (m) {
		entity_table_build(&t, &c, m);
		related_index_build(&x, &t, NULL, 0, NULL);
		test_seeds(&x, &t, &c);
		test_yemen(&x, &t, &c);
		related_index_free(&x);
		entity_table_free(&t);
	}
	corpus_free(&c);
	ner_default_free();
	free(paths[0]);
	free(paths[1]);
	return check_done();
}
