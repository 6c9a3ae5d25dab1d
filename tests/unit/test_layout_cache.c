/* test_layout_cache.c - the laid-out articles kept: a second open is a hit, a new width or
 * new text a new entry, the byte bound evicts the least lately used, never a view held. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "qari/article.h"
#include "qari/layout_cache.h"

static const struct layout_opts opts = {.dir = LAYOUT_DIR_RTL, .reorder = true, .shape = true};

static struct article *make(const char *title, const char *para)
{
	struct article *a = article_new("test");
	article_set_title(a, title, strlen(title));
	article_add_para(a, para, strlen(para));
	article_add_para(a, "فقرة ثانية قصيرة.", strlen("فقرة ثانية قصيرة."));
	return a;
}

static struct layout_cache_stats stats(const struct layout_cache *c)
{
	struct layout_cache_stats s;
	layout_cache_stats(c, &s);
	return s;
}

/* A view from the cache is the one article_view_prepare + wrap make. */
static void test_same_lines(void)
{
	struct article *a = make("عنوان الخبر", "قال المتحدث إن الاجتماع سيعقد في الرياض يوم الأحد.");
	struct layout_cache *c = layout_cache_new(1u << 20);
	struct article_view want;
	const struct article_view *got = layout_cache_get(c, a, &opts, false, NULL, 20);

	article_view_prepare(&want, a, &opts, false, NULL);
	article_view_wrap(&want, 20);
	REQUIRE(got->nlines == want.nlines);
	for (size_t i = 0; i < want.nlines; i++) {
		CHECK_INT(got->lines[i].line.ncells, want.lines[i].line.ncells);
		CHECK(want.lines[i].line.ncells == 0 || /* a blank line may have no cells at all */
		      memcmp(got->lines[i].line.cells, want.lines[i].line.cells,
			     want.lines[i].line.ncells * sizeof *want.lines[i].line.cells) == 0);
	}
	CHECK(got->article == a);
	layout_cache_put(c, got);
	article_view_free(&want);
	layout_cache_free(c);
	article_free(a);
}

static void test_hits_and_widths(void)
{
	struct article *a = make("عنوان", "نص الخبر الأول في فقرة واحدة طويلة بما يكفي للالتفاف.");
	struct article *copy = make("عنوان", "نص الخبر الأول في فقرة واحدة طويلة بما يكفي للالتفاف.");
	struct article *other = make("عنوان آخر", "نص آخر.");
	struct layout_cache *c = layout_cache_new(1u << 20);
	const struct article_view *v1, *v2, *v3, *v4;

	v1 = layout_cache_get(c, a, &opts, false, NULL, 30);
	layout_cache_put(c, v1);
	v2 = layout_cache_get(c, a, &opts, false, NULL, 30);
	CHECK(v2 == v1);
	CHECK_INT(stats(c).hits, 1);
	layout_cache_put(c, v2);
	/* the same text at another address (a slot reused, an article read again) is a hit */
	v2 = layout_cache_get(c, copy, &opts, false, NULL, 30);
	CHECK(v2 == v1);
	CHECK(v2->article == copy);
	CHECK_INT(stats(c).hits, 2);
	/* a resize: a new entry at the new width, the old one kept for going back */
	v3 = layout_cache_get(c, copy, &opts, false, NULL, 12);
	CHECK(v3 != v2);
	CHECK_INT(v3->width, 12);
	CHECK(v3->nlines > v2->nlines);
	CHECK(v3->preps == v2->preps); /* re-wrapped, not prepared again */
	CHECK_INT(stats(c).entries, 2);
	layout_cache_put(c, v2);
	layout_cache_put(c, v3);
	/* other text, other options, another source name: misses */
	v4 = layout_cache_get(c, other, &opts, false, NULL, 30);
	layout_cache_put(c, v4);
	v4 = layout_cache_get(c, a, &opts, true, NULL, 30);
	layout_cache_put(c, v4);
	v4 = layout_cache_get(c, a, &opts, false, "Okaz", 30);
	CHECK(v4 != v1);
	layout_cache_put(c, v4);
	CHECK_INT(stats(c).misses, 5);
	CHECK_INT(stats(c).entries, 5);
	layout_cache_free(c);
	article_free(a);
	article_free(copy);
	article_free(other);
}

/* Bounded by bytes: room for about two views; the least lately used goes, a held one stays. */
static void test_eviction(void)
{
	struct article *a[4];
	const struct article_view *v[4], *held;
	struct layout_cache *probe = layout_cache_new(1u << 20);
	struct layout_cache *c;
	size_t one;
	char title[32];

	for (int i = 0; i < 4; i++) {
		snprintf(title, sizeof title, "خبر رقم %d", i);
		a[i] = make(title, "نص متوسط الطول يتكرر في كل خبر من هذه الأخبار للاختبار.");
	}
	v[0] = layout_cache_get(probe, a[0], &opts, false, NULL, 25);
	one = layout_cache_view_bytes(v[0]);
	CHECK(one > 1000);
	CHECK_INT(stats(probe).bytes, one);
	layout_cache_put(probe, v[0]);
	layout_cache_free(probe);

	c = layout_cache_new(one * 5 / 2);
	for (int i = 0; i < 3; i++)
		layout_cache_put(c, v[i] = layout_cache_get(c, a[i], &opts, false, NULL, 25));
	CHECK_INT(stats(c).entries, 2);
	CHECK_INT(stats(c).evictions, 1);
	CHECK(stats(c).bytes <= one * 5 / 2);
	/* a[0] went first: asking for it again misses; a[2], the latest, hits */
	layout_cache_put(c, layout_cache_get(c, a[2], &opts, false, NULL, 25));
	CHECK_INT(stats(c).hits, 1);
	held = layout_cache_get(c, a[0], &opts, false, NULL, 25);
	CHECK_INT(stats(c).misses, 4);
	/* a view on screen is never evicted, even past the bound */
	for (int i = 1; i < 4; i++)
		layout_cache_put(c, layout_cache_get(c, a[i], &opts, false, NULL, 25));
	CHECK(held->nlines > 0 && held->article == a[0]);
	layout_cache_put(c, layout_cache_get(c, a[0], &opts, false, NULL, 25));
	CHECK_INT(stats(c).hits, 2);
	layout_cache_put(c, held);
	CHECK(stats(c).bytes <= one * 5 / 2);
	layout_cache_free(c);
	for (int i = 0; i < 4; i++)
		article_free(a[i]);
}

int main(void)
{
	test_same_lines();
	test_hits_and_widths();
	test_eviction();
	return check_done();
}
