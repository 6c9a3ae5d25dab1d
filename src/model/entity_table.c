/* entity_table.c - the corpus-wide entity table: per-article entities (extracted in ranges,
 * so threads can share the work) merged by type and key, with mention and article counts and
 * the list of articles that mention each entity. */
#include <stdlib.h>
#include <string.h>

#include "qari/entity.h"
#include "qari/entity_cache.h"
#include "qari/normalize.h"
#include "qari/text.h"
#include "qari/xalloc.h"

void entity_table_init(struct entity_table *t, const struct corpus *c)
{
	memset(t, 0, sizeof *t);
	t->corpus = c;
	t->per_article = xcalloc(c->n ? c->n : 1, sizeof *t->per_article);
	strtab_init(&t->keys);
}

void entity_table_use_furniture(struct entity_table *t, const struct furniture *f)
{
	t->furniture = f;
}

void entity_table_use_cache(struct entity_table *t, const struct entity_cache *c)
{
	size_t n = t->corpus->n ? t->corpus->n : 1;
	t->cache = c;
	t->ckeys = xcalloc(n, sizeof *t->ckeys);
	t->origin = xcalloc(n, sizeof *t->origin);
	t->today = entity_cache_today();
}

/* Article i from the cache when it has it, else tagged. */
static void entity_table_extract_one(struct entity_table *t, const struct ner_model *m, size_t i,
				     struct entity_scratch *x)
{
	const struct article *a = t->corpus->items[i];
	uint32_t day;

	if (t->cache == NULL) {
		entity_extract_with(m, a, x, &t->per_article[i]);
		return;
	}
	t->ckeys[i] = entity_cache_key_of(a);
	if (t->furniture) { /* the same text cut otherwise is another article to the cache */
		struct furniture_cut cut;
		uint64_t salt;
		furniture_cut(t->furniture, a, &cut);
		salt = furniture_cut_hash(&cut);
		t->ckeys[i].lo ^= salt;
		t->ckeys[i].hi ^= salt * 0x9e3779b97f4a7c15u;
	}
	if (entity_cache_get(t->cache, t->ckeys[i], a, &t->per_article[i], &day))
		t->origin[i] = day < t->today ? ENTITY_CACHED_BEFORE_TODAY : ENTITY_CACHED;
	else {
		entity_extract_with(m, a, x, &t->per_article[i]);
		t->origin[i] = ENTITY_TAGGED;
	}
}

void entity_table_extract(struct entity_table *t, const struct ner_model *m, size_t from, size_t to)
{
	struct entity_scratch *x = entity_scratch_new();
	entity_scratch_use_furniture(x, t->furniture);
	for (size_t i = from; i < to && i < t->corpus->n; i++)
		entity_table_extract_one(t, m, i, x);
	entity_scratch_free(x);
}

bool entity_table_save_cache(const struct entity_table *t, char **error)
{
	bool news = false;

	for (size_t i = 0; t->cache && i < t->corpus->n && !news; i++)
		news = t->origin[i] == ENTITY_TAGGED || t->origin[i] == ENTITY_CACHED_BEFORE_TODAY;
	return !news || entity_cache_save(t->cache, t->corpus->n, t->ckeys, t->per_article,
					  t->origin, t->today, error);
}

static uint32_t entity_table_intern(struct entity_table *t, const struct article_entities *es,
				    const struct article_entity *e, uint32_t article, struct strbuf *sb)
{
	uint32_t id;
	sb->len = 0;
	strbuf_printf(sb, "%d\t%s", (int)e->type, article_entity_key(es, e));
	id = strtab_intern(&t->keys, sb->data, sb->len);
	if (id == t->n) {
		xgrow(&t->items, &t->cap, t->n + 1, sizeof *t->items);
		t->items[t->n++] = (struct corpus_entity){.type = e->type, .article = article,
							  .name = e->name};
	}
	return id;
}

const char *entity_table_key(const struct entity_table *t, uint32_t id)
{
	return strchr(strtab_str(&t->keys, id), '\t') + 1;
}

/* The name as the sidebar writes it (article_entity_name: «للأمم المتحدة» is الأمم المتحدة,
 * not أمم المتحدة). */
char *entity_table_name(const struct entity_table *t, uint32_t id)
{
	const struct corpus_entity *e = &t->items[id];
	struct article_entity one = {.name = e->name};
	return article_entity_name(t->corpus->items[e->article], &one);
}

/* Corpus-wide: a one-word person joins the only longer person whose last word it is. The
 * longer names are counted by last word first, so this is one pass, not one per name. */
static void entity_table_surnames(struct entity_table *t, uint32_t *remap)
{
	struct strtab last;
	uint32_t *count = xcalloc(t->n + 1, sizeof *count), *who = xcalloc(t->n + 1, sizeof *who);

	strtab_init(&last);
	for (size_t l = 0; l < t->n; l++) {
		const char *sp = strrchr(entity_table_key(t, (uint32_t)l), ' ');
		uint32_t w;
		if (t->items[l].type != ENTITY_PERSON || sp == NULL)
			continue;
		w = strtab_intern(&last, sp + 1, strlen(sp + 1));
		count[w]++;
		who[w] = (uint32_t)l;
	}
	for (size_t k = 0; k < t->n; k++) {
		const char *key = entity_table_key(t, (uint32_t)k);
		uint32_t w;
		if (remap[k] == k && t->items[k].type == ENTITY_PERSON && !strchr(key, ' ') &&
		    strtab_find(&last, key, strlen(key), &w) && count[w] == 1)
			remap[k] = who[w];
	}
	strtab_free(&last);
	free(count);
	free(who);
}

/* Whether the one-word matching form w (n bytes) is a word of key. */
static bool entity_table_word_of(const char *key, const char *w, size_t n)
{
	for (const char *k = key; *k; k += *k == ' ') {
		size_t len = strcspn(k, " ");
		if (len == n && memcmp(k, w, n) == 0)
			return true;
		k += len;
	}
	return false;
}

/* Whether mention m of article a stands in round brackets right after mention before, the
 * name it shortens: «صندوق الأوبك للتنمية الدولية (أوفيد)»; not «صور (سيلفي)» that an
 * article's merge gave to another body. */
static bool entity_table_bracketed(const struct article *a, struct entity_mention before,
				   struct entity_mention m)
{
	const char *text = m.para < 0 ? a->title : a->paras[m.para];
	size_t n = strlen(text), k, open = 0;
	if (before.para != m.para || before.end > m.beg || m.end >= n)
		return false;
	for (k = before.end; k < m.beg; k++)
		if (text[k] == '(')
			open++;
		else if (text[k] != ' ')
			return false;
	for (k = m.end; k < n && text[k] == ' '; k++)
		;
	return open == 1 && k < n && text[k] == ')';
}

/* Corpus-wide: an organisation's short name learned where an article writes both («صندوق
 * الأوبك للتنمية الدولية (أوفيد)»: a one-word mention in brackets right after its name, without
 * ال, that is none of its name's words and ends as no adjective does: not …ي، …ة, «مجلس الأمن
 * الدولي (سيلفي)», «(برونزية)») names it in the articles that write only the short name, where the tagger made a
 * one-word person of it; unless two organisations share it. A one-word organisation keeps
 * its own entry: an article's merges are not sure enough to move «داعش» or «سامسونج». */
static void entity_table_short_names(struct entity_table *t, uint32_t *remap)
{
	struct strtab shorts;
	struct norm_text nt = {0};
	size_t most = 1; /* short names: at most one a mention */
	uint32_t *count, *who;

	for (size_t i = 0; i < t->corpus->n; i++)
		most += t->per_article[i].nmentions;
	count = xcalloc(most, sizeof *count);
	who = xcalloc(most, sizeof *who);
	strtab_init(&shorts);
	for (size_t i = 0; i < t->corpus->n; i++)
		for (size_t k = 0; k < t->per_article[i].n; k++) {
			const struct article_entity *e = &t->per_article[i].v[k];
			const char *key = entity_table_key(t, e->id);
			if (e->type != ENTITY_ORG || !strchr(key, ' '))
				continue;
			for (uint32_t m = 0; m < e->nmentions; m++) {
				struct entity_mention at = article_entity_mentions(&t->per_article[i], e)[m];
				size_t len;
				const char *s = entity_mention_text(t->corpus->items[i], at, &len);
				uint32_t w;
				if (m == 0 || !entity_table_bracketed(t->corpus->items[i],
								      article_entity_mentions(&t->per_article[i], e)[m - 1], at))
					continue; /* an article's other one-word mentions are not sure enough
						     («سيلفي» of مجلس الأمن) */
				norm_text_set(&nt, s, len, false);
				if (nt.len < 4 || strchr(nt.s, ' ') || memcmp(nt.s, "ال", 4) == 0 ||
				    memcmp(nt.s + nt.len - 2, "ي", 2) == 0 || memcmp(nt.s + nt.len - 2, "ه", 2) == 0 ||
				    entity_table_word_of(key, nt.s, nt.len))
					continue;
				w = strtab_intern(&shorts, nt.s, nt.len);
				if (count[w] == 0 || who[w] != e->id)
					count[w]++;
				who[w] = e->id;
			}
		}
	for (size_t k = 0; k < t->n; k++) {
		const char *key = entity_table_key(t, (uint32_t)k);
		uint32_t w;
		if (t->items[k].type == ENTITY_PERSON && !strchr(key, ' ') &&
		    strtab_find(&shorts, key, strlen(key), &w) && count[w] == 1)
			remap[k] = who[w];
	}
	norm_text_free(&nt);
	strtab_free(&shorts);
	free(count);
	free(who);
}

/* The posting lists in one array: each id's articles counted (fill NULL) or written, once
 * per article however many of its entities share the id. */
static void entity_table_post(struct entity_table *t, uint32_t *last, uint32_t *fill)
{
	for (size_t k = 0; k < t->n; k++)
		last[k] = UINT32_MAX;
	for (size_t i = 0; i < t->corpus->n; i++)
		for (size_t k = 0; k < t->per_article[i].n; k++) {
			uint32_t id = t->per_article[i].v[k].id;
			if (last[id] == i)
				continue;
			last[id] = (uint32_t)i;
			if (fill)
				t->post[t->post_at[id] + fill[id]++] = (uint32_t)i;
			else
				t->items[id].articles++;
		}
}

void entity_table_merge(struct entity_table *t)
{
	struct strbuf sb = {0};
	uint32_t *remap, *fill;

	for (size_t i = 0; i < t->corpus->n; i++) {
		struct article_entities *es = &t->per_article[i];
		for (size_t k = 0; k < es->n; k++)
			es->v[k].id = entity_table_intern(t, es, &es->v[k], (uint32_t)i, &sb);
		xfree(&es->keys); /* merged, an article's entity is its id */
	}
	remap = xcalloc(t->n + 1, sizeof *remap);
	for (size_t k = 0; k < t->n; k++)
		remap[k] = (uint32_t)k;
	entity_table_surnames(t, remap);
	entity_table_short_names(t, remap);
	for (size_t i = 0; i < t->corpus->n; i++)
		for (size_t k = 0; k < t->per_article[i].n; k++) {
			struct article_entity *e = &t->per_article[i].v[k];
			e->id = remap[e->id];
			t->items[e->id].mentions += e->nmentions;
		}
	entity_table_post(t, remap, NULL);
	t->post_at = xcalloc(t->n + 1, sizeof *t->post_at);
	for (size_t k = 0; k < t->n; k++)
		t->post_at[k + 1] = t->post_at[k] + t->items[k].articles;
	t->post = xcalloc(t->post_at[t->n] + 1, sizeof *t->post);
	fill = xcalloc(t->n + 1, sizeof *fill);
	entity_table_post(t, remap, fill);
	free(fill);
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
	free(t->items);
	free(t->post);
	free(t->post_at);
	free(t->ckeys);
	free(t->origin);
	strtab_free(&t->keys);
	memset(t, 0, sizeof *t);
}
