/* test_entity.c - mentions merged into canonical entities, in an article and across a corpus,
 * with offsets that point at the original text. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "qari/entity.h"

static struct article *make(const char *title, const char *const *paras, size_t n)
{
	struct article *a = article_new("mem.txt");
	article_set_title(a, title, strlen(title));
	for (size_t i = 0; i < n; i++)
		article_add_para(a, paras[i], strlen(paras[i]));
	article_finish(a, title);
	return a;
}

static const struct article_entity *find(const struct article_entities *es, enum entity_type t,
					 const char *key)
{
	for (size_t k = 0; k < es->n; k++)
		if (es->v[k].type == t && strcmp(article_entity_key(es, &es->v[k]), key) == 0)
			return &es->v[k];
	return NULL;
}

/* The original text a mention covers. */
static char *mention_text(const struct article *a, const struct entity_mention *m)
{
	const char *s = m->para < 0 ? a->title : a->paras[m->para];
	return strndup(s + m->beg, m->end - m->beg);
}

static void test_merge(const struct ner_model *m)
{
	static const char *const paras[] = {
		"قال وزير الخارجية الروسي سيرغي لافروف إن موسكو مستعدة للحوار مع أوكرانيا.",
		"وأضاف لافروف أن روسيا وأوكرانيا ستجتمعان في الرياض يوم الثلاثاء.",
		"والتقى الرئيس فلاديمير بوتن في الكرملين، وقال بوتين إن المحادثات إيجابية.",
	};
	struct article *a = make("لافروف يتحدث عن أوكرانيا", paras, 3);
	struct article_entities es;
	const struct article_entity *e;
	const struct entity_mention *ms;
	char *s;

	entity_extract(m, a, &es);
	/* «سيرغي لافروف», «لافروف» and «وزير الخارجية الروسي سيرغي لافروف»: one person */
	e = find(&es, ENTITY_PERSON, "سيرغي لافروف");
	CHECK(e != NULL);
	CHECK(find(&es, ENTITY_PERSON, "لافروف") == NULL);
	if (e) {
		ms = article_entity_mentions(&es, e);
		CHECK_INT(e->nmentions, 3);
		REQUIRE(e->nmentions >= 3);
		s = article_entity_name(a, e);
		CHECK_STR(s, "سيرغي لافروف");
		free(s);
		CHECK_INT(ms[0].para, -1); /* title first, then reading order */
		s = mention_text(a, &ms[1]);
		CHECK_STR(s, "سيرغي لافروف");
		free(s);
		s = mention_text(a, &ms[2]);
		CHECK_STR(s, "لافروف");
		free(s);
	}
	/* «أوكرانيا» and «وأوكرانيا»: one place; the highlight leaves the و out */
	e = find(&es, ENTITY_PLACE, "اوكرانيا");
	CHECK(e != NULL);
	if (e) {
		ms = article_entity_mentions(&es, e);
		CHECK_INT(e->nmentions, 3);
		REQUIRE(e->nmentions >= 3);
		s = mention_text(a, &ms[2]);
		CHECK_STR(s, "أوكرانيا");
		free(s);
		CHECK_INT(ms[2].para, 1);
	}
	/* curated variants: بوتن and بوتين are the same man */
	e = find(&es, ENTITY_PERSON, "فلاديمير بوتين");
	CHECK(e != NULL && e->nmentions == 2);
	CHECK(find(&es, ENTITY_PLACE, "موسكو") != NULL);
	CHECK(find(&es, ENTITY_PLACE, "الرياض") != NULL);
	CHECK(find(&es, ENTITY_DATE, "يوم الثلاثاء") != NULL);
	CHECK(find(&es, ENTITY_ORG, "الكرملين") != NULL);
	/* sorted by type */
	for (size_t k = 1; k < es.n; k++)
		CHECK(es.v[k - 1].type <= es.v[k].type);
	article_entities_free(&es);
	article_free(a);
}

static void test_corpus(const struct ner_model *m)
{
	char *dir = corpus_asset_path("articles");
	struct corpus c;
	struct entity_table t;
	uint32_t id;
	bool found_us = false;
	size_t npost;

	corpus_init(&c);
	REQUIRE(corpus_load_paths(&c, &dir, 1) == 2);
	corpus_sort(&c);
	entity_table_build(&t, &c, m);
	for (size_t k = 0; k < t.n; k++)
		if (t.items[k].type == ENTITY_PLACE && strcmp(entity_table_key(&t, (uint32_t)k), "الولايات المتحده") == 0) {
			found_us = true;
			CHECK_INT(t.items[k].articles, 2);
			CHECK(t.items[k].mentions >= 5);
			entity_table_postings(&t, (uint32_t)k, &npost);
			CHECK_INT(npost, 2);
		}
	CHECK(found_us);
	REQUIRE(strtab_find(&t.keys, "1\tاوكرانيا", strlen("1\tاوكرانيا"), &id));
	CHECK_INT(t.items[id].articles, 2);
	/* every article entity points at its corpus entity */
	for (size_t i = 0; i < c.n; i++)
		for (size_t k = 0; k < t.per_article[i].n; k++)
			CHECK(t.per_article[i].v[k].id < t.n);
	entity_table_free(&t);
	corpus_free(&c);
	free(dir);
}

int main(void)
{
	char *error = NULL;
	const struct ner_model *m = ner_default(&error);
	CHECK(m != NULL);
	if (m) {
		test_merge(m);
		test_corpus(m);
	}
	ner_default_free();
	return check_done();
}
