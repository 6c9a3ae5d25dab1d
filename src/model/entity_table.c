/* entity_table.c - the corpus-wide entity table: per-article entities (extracted in ranges,
 * so threads can share the work) merged by type and key, with mention and article counts and
 * the list of articles that mention each entity. */
#include <stdlib.h>
#include <string.h>

#include "qari/entity.h"
#include "qari/xalloc.h"

void entity_table_init(struct entity_table *t, const struct corpus *c)
{
	memset(t, 0, sizeof *t);
	t->corpus = c;
	t->per_article = xcalloc(c->n ? c->n : 1, sizeof *t->per_article);
	strtab_init(&t->keys);
}

void entity_table_extract(struct entity_table *t, const struct ner_model *m, size_t from, size_t to)
{
	for (size_t i = from; i < to && i < t->corpus->n; i++)
		entity_extract(m, t->corpus->items[i], &t->per_article[i]);
}

static uint32_t entity_table_intern(struct entity_table *t, const struct article_entity *e,
				    struct strbuf *sb)
{
	uint32_t id;
	sb->len = 0;
	strbuf_printf(sb, "%d\t%s", (int)e->type, e->key);
	id = strtab_intern(&t->keys, sb->data, sb->len);
	if (id == t->n) {
		xgrow(&t->items, &t->cap, t->n + 1, sizeof *t->items);
		t->items[t->n++] = (struct corpus_entity){e->type, xstrdup(e->key), xstrdup(e->name), 0, 0};
	}
	return id;
}

/* Corpus-wide: a one-word person joins the only longer person whose last word it is. The
 * longer names are counted by last word first, so this is linear, not a scan of every pair
 * (72,000 entities on SaudiNewsNet took seconds). */
static void entity_table_surnames(struct entity_table *t, uint32_t *remap)
{
	struct strtab last;
	size_t *count = xcalloc(t->n + 1, sizeof *count), *into = xcalloc(t->n + 1, sizeof *into);

	strtab_init(&last);
	for (size_t l = 0; l < t->n; l++) {
		const char *lk = t->items[l].key, *sp = strrchr(lk, ' ');
		uint32_t id;
		if (t->items[l].type != ENTITY_PERSON || sp == NULL)
			continue;
		id = strtab_intern(&last, sp + 1, strlen(sp + 1));
		if (count[id]++ == 0)
			into[id] = l;
	}
	for (size_t k = 0; k < t->n; k++) {
		const char *key = t->items[k].key;
		uint32_t id;
		if (t->items[k].type == ENTITY_PERSON && !strchr(key, ' ') &&
		    strtab_find(&last, key, strlen(key), &id) && count[id] == 1)
			remap[k] = (uint32_t)into[id];
	}
	strtab_free(&last);
	free(count);
	free(into);
}

static void entity_table_post(struct entity_table *t, uint32_t id, uint32_t article, size_t *pcap)
{
	size_t n = t->npostings[id];
	if (n > 0 && t->postings[id][n - 1] == article)
		return;
	xgrow(&t->postings[id], &pcap[id], n + 1, sizeof **t->postings);
	t->postings[id][t->npostings[id]++] = article;
	t->items[id].articles++;
}

/* Merged, an article's entity is its id: the key lives on in the corpus table, and the
 * mentions' spare room goes back (about a third of the index on a large corpus). */
static void entity_table_trim(struct article_entity *e)
{
	xfree(&e->key);
	if (e->cap > e->nmentions && e->nmentions > 0) {
		e->mentions = xreallocarray(e->mentions, e->nmentions, sizeof *e->mentions);
		e->cap = e->nmentions;
	}
}

void entity_table_merge(struct entity_table *t)
{
	struct strbuf sb = {0};
	uint32_t *remap;
	size_t *pcap;

	for (size_t i = 0; i < t->corpus->n; i++)
		for (size_t k = 0; k < t->per_article[i].n; k++) {
			struct article_entity *e = &t->per_article[i].v[k];
			e->id = entity_table_intern(t, e, &sb);
		}
	remap = xcalloc(t->n + 1, sizeof *remap);
	for (size_t k = 0; k < t->n; k++)
		remap[k] = (uint32_t)k;
	entity_table_surnames(t, remap);
	t->postings = xcalloc(t->n + 1, sizeof *t->postings);
	t->npostings = xcalloc(t->n + 1, sizeof *t->npostings);
	pcap = xcalloc(t->n + 1, sizeof *pcap);
	for (size_t i = 0; i < t->corpus->n; i++)
		for (size_t k = 0; k < t->per_article[i].n; k++) {
			struct article_entity *e = &t->per_article[i].v[k];
			e->id = remap[e->id];
			t->items[e->id].mentions += e->nmentions;
			entity_table_post(t, e->id, (uint32_t)i, pcap);
			entity_table_trim(e);
		}
	free(pcap);
	free(remap);
	strbuf_free(&sb);
}

void entity_table_build(struct entity_table *t, const struct corpus *c, const struct ner_model *m)
{
	entity_table_init(t, c);
	entity_table_extract(t, m, 0, c->n);
	entity_table_merge(t);
}

void entity_table_free(struct entity_table *t)
{
	for (size_t i = 0; t->per_article && i < t->corpus->n; i++)
		article_entities_free(&t->per_article[i]);
	free(t->per_article);
	for (size_t k = 0; k < t->n; k++) {
		free(t->items[k].key);
		free(t->items[k].name);
		if (t->postings)
			free(t->postings[k]);
	}
	free(t->items);
	free(t->postings);
	free(t->npostings);
	strtab_free(&t->keys);
	memset(t, 0, sizeof *t);
}
