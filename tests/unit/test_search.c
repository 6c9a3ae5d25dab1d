/* test_search.c - Arabic-insensitive search: hamza, harakat, tatweel; hits on original bytes. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "qari/search.h"

static struct article *make(const char *title, const char *p0, const char *p1)
{
	struct article *a = article_new("mem.txt");
	article_set_title(a, title, strlen(title));
	article_add_para(a, p0, strlen(p0));
	if (p1)
		article_add_para(a, p1, strlen(p1));
	article_finish(a, "mem.txt");
	return a;
}

/* The original bytes a hit covers. */
static char *hit_text(const struct article *a, const struct search_hit *h)
{
	const char *s = h->para < 0 ? a->title : a->paras[h->para];
	return strndup(s + h->beg, h->end - h->beg);
}

static void test_hamza_harakat_tatweel(void)
{
	struct article *a = make("أوكرانيا وروسيا", "قالَ وزيرُ الخارجيـــة إنّ أوكرانيا ستشارك.",
				 "Sputnik: the Foreign Minister, in UKRAINE.");
	struct search_query q;
	struct search_hits h = {0};
	char *s;

	/* a query without hamza finds the hamza form, in the title and in the body */
	CHECK(search_query_init(&q, "اوكرانيا", false));
	CHECK_INT(search_article(a, &q, &h), 2);
	CHECK_INT(h.v[0].para, -1);
	CHECK_INT(h.v[0].beg, 0);
	s = hit_text(a, &h.v[0]);
	CHECK_STR(s, "أوكرانيا");
	free(s);
	CHECK_INT(h.v[1].para, 0);
	s = hit_text(a, &h.v[1]);
	CHECK_STR(s, "أوكرانيا");
	free(s);
	search_query_free(&q);

	/* tatweel and harakat in the text, and a query with harakat */
	h.n = 0;
	CHECK(search_query_init(&q, "وزير الخارجِيّة", false));
	CHECK_INT(search_article(a, &q, &h), 1);
	s = hit_text(a, &h.v[0]);
	CHECK_STR(s, "وزيرُ الخارجيـــة");
	free(s);
	search_query_free(&q);

	/* Latin case-insensitive */
	h.n = 0;
	CHECK(search_query_init(&q, "foreign MINISTER", false));
	CHECK_INT(search_article(a, &q, &h), 1);
	CHECK_INT(h.v[0].para, 1);
	s = hit_text(a, &h.v[0]);
	CHECK_STR(s, "Foreign Minister");
	free(s);
	search_query_free(&q);

	CHECK(!search_query_init(&q, "  ـــ  ", false)); /* nothing left to search for */
	search_hits_free(&h);
	article_free(a);
}

/* A query that is part of one character's matching form highlights that character, never an
 * empty range (found by fuzz_search). */
static void test_part_of_ligature(void)
{
	struct article *a = make("صلاة", "قال ﷺ يوما", NULL);
	struct search_query q;
	struct search_hits h = {0};
	char *s;

	CHECK(search_query_init(&q, "الله", false));
	CHECK_INT(search_article(a, &q, &h), 1);
	s = hit_text(a, &h.v[0]);
	CHECK_STR(s, "ﷺ");
	free(s);
	search_query_free(&q);
	search_hits_free(&h);
	article_free(a);
}

static void test_whole_word(void)
{
	struct article *a = make("t", "وأوكرانيا والأوكرانيون وروسيا روسياها", NULL);
	struct search_query q;
	struct search_hits h = {0};

	CHECK(search_query_init(&q, "اوكرانيا", true));
	CHECK_INT(search_article(a, &q, &h), 1); /* و + the word, not الأوكرانيون */
	search_query_free(&q);
	h.n = 0;
	CHECK(search_query_init(&q, "روسيا", true));
	CHECK_INT(search_article(a, &q, &h), 1);
	search_query_free(&q);
	h.n = 0;
	CHECK(search_query_init(&q, "روسيا", false));
	CHECK_INT(search_article(a, &q, &h), 2);
	search_query_free(&q);
	search_hits_free(&h);
	article_free(a);
}

static void test_index(void)
{
	struct corpus c;
	struct search_index x;
	struct search_query q;
	uint32_t out[4], out2[4];

	corpus_init(&c);
	corpus_add(&c, make("الرئيس بوتين", "موسكو تستضيف.", NULL));
	corpus_add(&c, make("ترامب", "واشنطن وموسكو تتفقان. مُوسكو", NULL));
	corpus_add(&c, make("الرياض", "لا شيء هنا", NULL));
	search_index_init(&x, &c);
	CHECK(search_query_init(&q, "موس", false));
	CHECK_INT(search_filter(&x, &q, NULL, 0, out), 2);
	CHECK_INT(out[0], 0);
	CHECK_INT(out[1], 1);
	CHECK_INT(search_count(&x, 1, &q), 2);
	search_query_free(&q);
	/* the query grew: search only the previous result */
	CHECK(search_query_init(&q, "وموسكو", false));
	CHECK_INT(search_filter(&x, &q, out, 2, out2), 1);
	CHECK_INT(out2[0], 1);
	search_query_free(&q);
	/* no match across the title/paragraph line break */
	CHECK(search_query_init(&q, "بوتين موسكو", false));
	CHECK_INT(search_filter(&x, &q, NULL, 0, out), 0);
	search_query_free(&q);
	search_index_free(&x);
	corpus_free(&c);
}

/* The index packs Arabic letters into a byte each and escapes other code points: hits there
 * are the hits of search_article, whole words too, next to escaped characters. */
static void test_index_packed(void)
{
	static const char *const queries[] = {"موسكو", "café", "«موسكو»", "é", "پ", "٪", "سكو"};
	struct corpus c;
	struct search_index x;
	struct search_query q;
	struct search_hits h = {0};

	corpus_init(&c);
	corpus_add(&c, make("«موسكو» café", "پموسكو 5٪ وموسكو éموسكو موسكوé", "ﻻ café"));
	search_index_init(&x, &c);
	for (size_t k = 0; k < sizeof queries / sizeof *queries; k++)
		for (int whole = 0; whole < 2; whole++) {
			CHECK(search_query_init(&q, queries[k], whole));
			h.n = 0;
			CHECK_INT(search_count(&x, 0, &q), search_article(c.items[0], &q, &h));
			search_query_free(&q);
		}
	CHECK(search_query_init(&q, "موسكو", true));
	CHECK_INT(search_count(&x, 0, &q), 2); /* «موسكو» and وموسكو */
	search_query_free(&q);
	search_hits_free(&h);
	search_index_free(&x);
	corpus_free(&c);
}

/* Narrowing a pass that tested its candidates in order (here ascending) keeps that order:
 * the matches so far, then the untested candidates; none counts as found. */
static void test_pass_narrowed(struct search_pass *p)
{
	size_t nfound = p->nfound, rest = p->ncand - p->next;
	uint32_t first = p->found[0];

	REQUIRE(nfound > 0 && rest > 0);
	search_pass_narrow(p);
	CHECK_INT(p->ncand, nfound + rest);
	CHECK_INT(p->next, 0);
	CHECK_INT(p->nfound, 0);
	CHECK_INT(p->cand[0], first);
	for (size_t i = 1; i < p->ncand; i++)
		if (!CHECK(p->cand[i - 1] < p->cand[i]))
			break;
}

/* A filter in slices gives what search_filter gives, also when the query grows half way and
 * candidates arrive later (articles still loading). */
static void test_pass(void)
{
	struct corpus c;
	struct search_index x;
	struct search_query q;
	struct search_pass p;
	uint32_t out[64];
	size_t n, steps = 0;
	bool seen[64] = {0};

	corpus_init(&c);
	for (int i = 0; i < 60; i++)
		corpus_add(&c, make(i % 3 ? "موسكو" : "الرياض", i % 5 ? "وزير الخارجية" : "لا شيء",
				    NULL));
	search_index_init(&x, &c);
	x.n = 40; /* the rest "arrives" later, as a growing index would */
	search_pass_init(&p);
	search_pass_add_range(&p, 0, 40);
	CHECK(search_query_init(&q, "وزير", false));
	CHECK(!search_filter_step(&x, &q, &p, 0)); /* a budget of 0 still makes progress */
	CHECK(p.next > 0 && p.next < 40);
	search_query_free(&q);
	/* the query grew before the pass was done: narrow, go on */
	test_pass_narrowed(&p);
	CHECK(search_query_init(&q, "وزير الخ", false));
	x.n = 60;
	search_pass_add_range(&p, 40, 60);
	while (!search_filter_step(&x, &q, &p, 0))
		steps++;
	CHECK(steps > 0);
	n = search_filter(&x, &q, NULL, 0, out);
	CHECK_INT(p.nfound, n);
	for (size_t i = 0; i < p.nfound; i++)
		seen[p.found[i]] = true;
	for (size_t i = 0; i < n; i++)
		CHECK(seen[out[i]]);
	/* a result kept and extended: only the new candidates are tested */
	search_pass_free(&p);
	search_pass_init(&p);
	search_pass_keep(&p, out, 3);
	search_pass_add_range(&p, 55, 56); /* "لا شيء": no match */
	CHECK(search_filter_step(&x, &q, &p, 1000000));
	CHECK_INT(p.nfound, 3);
	CHECK_INT(p.next, 1);
	search_pass_free(&p);
	search_query_free(&q);
	search_index_free(&x);
	corpus_free(&c);
}

int main(void)
{
	test_hamza_harakat_tatweel();
	test_part_of_ligature();
	test_whole_word();
	test_index();
	test_index_packed();
	test_pass();
	return check_done();
}
