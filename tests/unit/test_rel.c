/* test_rel.c - the related stories' part apart from the reader (src/app/rel.c): ] and [ walk
 * the anchor's stories and stop at either end; a story opened from the sidebar is found in the
 * open article's list; an entry counts each of its sources once. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "../../src/app/rel.h"
#include "qari/article.h"
#include "qari/xalloc.h"

/* ] ] ] from the anchor through its three stories, then no further; [ back to the anchor,
 * then no further. */
static void test_walk_ends(void)
{
	struct rel_walk w;
	long to = 99;

	rel_walk_start(&w, 5, 0);
	CHECK_INT(w.anchor, 5);
	CHECK(!rel_walk_step(&w, false, 3, &to)); /* where the walk began */
	CHECK_INT(to, 99);
	for (long want = 0; want < 3; want++) {
		CHECK(rel_walk_step(&w, true, 3, &to));
		CHECK_INT(to, want);
		w.pos = to;
	}
	CHECK(!rel_walk_step(&w, true, 3, &to)); /* no more related stories */
	for (long want = 1; want >= -1; want--) {
		CHECK(rel_walk_step(&w, false, 3, &to));
		CHECK_INT(to, want);
		w.pos = to;
	}
	CHECK(!rel_walk_step(&w, false, 3, &to));
	CHECK_INT(w.anchor, 5); /* a step never moves the anchor */
	rel_walk_start(&w, 2, 0);
	CHECK(!rel_walk_step(&w, true, 0, &to)); /* nothing related */
}

/* On the store the anchor's list is read again at each step: shorter now, ] goes nowhere. */
static void test_walk_list_shrank(void)
{
	struct rel_walk w;
	long to;

	rel_walk_start(&w, 1, 42);
	CHECK_INT(w.anchor_row, 42);
	w.pos = 3;
	CHECK(!rel_walk_step(&w, true, 2, &to));
	CHECK(rel_walk_step(&w, true, 5, &to));
	CHECK_INT(to, 4);
}

static void test_walk_find(void)
{
	struct related_link links[3] = {{.article = 7}, {.article = 3}, {.article = 9}};

	CHECK_INT(rel_walk_find(links, 3, 3), 1);
	CHECK_INT(rel_walk_find(links, 3, 9), 2);
	CHECK_INT(rel_walk_find(links, 3, 4), -1);
	CHECK_INT(rel_walk_find(links, 0, 7), -1);
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

/* okaz, its copy in okaz again, sabq, and one of no known source: three sources (one not
 * known counts as its own). */
static void test_link_sources(void)
{
	struct corpus c;
	uint32_t copies[] = {1, 2, 3};
	struct related_link l = {.article = 0, .copies = copies, .ncopies = 3};
	struct related_link alone = {.article = 2};

	corpus_init(&c);
	corpus_add(&c, make("أ", "okaz"));
	corpus_add(&c, make("ب", "okaz"));
	corpus_add(&c, make("ت", "sabq"));
	corpus_add(&c, make("ث", NULL));
	CHECK_INT(rel_link_sources(&c, &l), 3);
	CHECK_INT(rel_link_sources(&c, &alone), 1);
	l.ncopies = 1;
	CHECK_INT(rel_link_sources(&c, &l), 1);
	copies[0] = 2; /* sabq, then okaz again: okaz is not named twice */
	copies[1] = 1;
	l.ncopies = 2;
	CHECK_INT(rel_link_sources(&c, &l), 2);
	corpus_free(&c);
}

/* Freed parts are empty and can be freed again. */
/* The store's count: an unknown source (NULL) is one more each time, a known one once. */
static void test_sources_distinct(void)
{
	const char *v[] = {"okaz", NULL, "sabq", "okaz", NULL};

	CHECK_INT(rel_sources_distinct(v, 5), 4);
	CHECK_INT(rel_sources_distinct(v, 1), 1);
	CHECK_INT(rel_sources_distinct(v + 2, 2), 2);
	CHECK_INT(rel_sources_distinct(v, 0), 0);
}

static void test_free(void)
{
	struct rel r = {.early_of = 4};

	r.links = xcalloc(2, sizeof *r.links);
	r.n = 2;
	rel_free_links(&r);
	CHECK(r.links == NULL && r.n == 0);
	rel_free_links(&r);
	rel_free_early(&r);
	CHECK_INT(r.early_of, (size_t)-1);
	rel_free_early(&r);
}

int main(void)
{
	test_walk_ends();
	test_walk_list_shrank();
	test_walk_find();
	test_link_sources();
	test_sources_distinct();
	test_free();
	return check_done();
}
