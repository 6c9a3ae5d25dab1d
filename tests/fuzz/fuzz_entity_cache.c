/* fuzz_entity_cache.c - the entity cache file (entity_cache.c) read back whatever its bytes.
 *
 * Input: a whole cache file, taken whatever its fingerprint. Every entry is asked for as the
 * cache's probe article (the article the seeds were made from). Invariants: a record read is
 * what entity_extract could have packed for that article: types in range, each entity's
 * mentions right after the previous one's and all of them used, keys NUL-terminated inside
 * their block, every span (name and mentions) inside its paragraph or the title, and each
 * name's text readable; a cache read twice gives the same answers. */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "qari/article.h"
#include "qari/entity_cache.h"

#define FUZZ_CACHE_ENTRIES 64 /* entries asked for, at most */

static struct article *fuzz_cache_article;

static size_t fuzz_cache_text_len(int32_t para)
{
	const struct article *a = fuzz_cache_article;
	return strlen(para < 0 ? a->title : a->paras[para]);
}

static void fuzz_cache_check_span(struct entity_mention m)
{
	FUZZ_CHECK(m.para >= -1 && (m.para < 0 || (size_t)m.para < fuzz_cache_article->npara));
	FUZZ_CHECK(m.beg <= m.end && m.end <= fuzz_cache_text_len(m.para));
}

static void fuzz_cache_check(const struct article_entities *es)
{
	size_t next = 0;

	for (size_t k = 0; k < es->n; k++) {
		const struct article_entity *e = &es->v[k];
		size_t len;
		FUZZ_CHECK((unsigned)e->type < ENTITY_NTYPES);
		FUZZ_CHECK(e->first == next && e->nmentions <= es->nmentions - next);
		next += e->nmentions;
		fuzz_cache_check_span(e->name);
		FUZZ_CHECK(entity_mention_text(fuzz_cache_article, e->name, &len) != NULL);
		FUZZ_CHECK(strlen(article_entity_key(es, e)) < 1u << 20);
	}
	FUZZ_CHECK(next == es->nmentions);
	for (size_t f = 0; f < es->nmentions; f++)
		fuzz_cache_check_span(es->mentions[f]);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct entity_cache *one = entity_cache_from_memory(data, size);
	struct entity_cache *two = entity_cache_from_memory(data, size);
	size_t n = entity_cache_entries(one);

	if (fuzz_cache_article == NULL)
		fuzz_cache_article = entity_cache_probe_article(); /* kept: one per process */
	FUZZ_CHECK(entity_cache_entries(two) == n);
	for (size_t i = 0; i < n && i < FUZZ_CACHE_ENTRIES; i++) {
		struct entity_cache_key k = entity_cache_key_at(one, i);
		struct article_entities a, b;
		uint32_t da = 0, db = 0;
		bool got = entity_cache_get(one, k, fuzz_cache_article, &a, &da);
		FUZZ_CHECK(got == entity_cache_get(two, k, fuzz_cache_article, &b, &db));
		if (got) {
			fuzz_cache_check(&a);
			FUZZ_CHECK(a.n == b.n && a.nmentions == b.nmentions && da == db);
		}
		article_entities_free(&a);
		article_entities_free(&b);
	}
	entity_cache_close(one);
	entity_cache_close(two);
	return 0;
}
