/* entity.h - who and what articles are about: named-entity mentions merged into canonical
 * entities, per article and across a corpus.
 *
 * Per article (entity_extract, a pure function: run it on many threads): the tagger and the
 * date rules find mentions in the title and paragraphs; each mention gets a key in matching
 * form (clitics such as و or ب removed when the bare form is known or the prefix is a
 * conjunction, titles such as «وزير الخارجية الروسي» dropped from persons, curated variants
 * such as بوتن mapped to their canonical name), and mentions with the same type and key become
 * one entity. A one-word person («لافروف») joins the longer person it ends («سيرغي لافروف»).
 * Each mention keeps where it is (paragraph, original bytes) for highlighting.
 *
 * Across the corpus (entity_table_merge): same type and key → one corpus entity, with the
 * number of mentions and of articles; one-word persons join the only longer name they end. */
#ifndef QARI_ENTITY_H
#define QARI_ENTITY_H

#include <stddef.h>
#include <stdint.h>

#include "qari/corpus.h"
#include "qari/furniture.h"
#include "qari/ner.h"
#include "qari/strtab.h"

enum entity_type {
	ENTITY_PERSON,
	ENTITY_PLACE,
	ENTITY_ORG,
	ENTITY_DATE,
	ENTITY_MISC, /* kept for completeness; `qari entities` and the sidebar leave it out */
	ENTITY_NTYPES
};
const char *entity_type_name(enum entity_type t); /* person place org date misc */

struct entity_mention {
	int32_t para;      /* paragraph index into article->paras, -1 for the title */
	uint32_t beg, end; /* byte range in the ORIGINAL title or paragraph */
};

/* The original text of a mention (not NUL-terminated: *len bytes). */
const char *entity_mention_text(const struct article *a, struct entity_mention m, size_t *len);

/* 32 bytes: names are spans of the article's own text, mentions and keys sit in the
 * article's blocks; about 300,000 of them on SaudiNewsNet. */
struct article_entity {
	enum entity_type type;
	struct entity_mention name; /* the display form: the fullest mention */
	uint32_t first;             /* its mentions: mentions[first, first + nmentions) of the
				       article, in reading order */
	uint32_t nmentions;
	uint32_t key;               /* matching form (identity across the corpus): at keys + key,
				       until the merge frees keys (id says it then) */
	uint32_t id;                /* corpus entity (entity_table items), UINT32_MAX before the merge */
};

struct article_entities {
	struct article_entity *v;        /* by type, then most mentioned first */
	struct entity_mention *mentions; /* every entity's, in one run each; v's block */
	char *keys;                      /* NUL-terminated keys; NULL once merged */
	uint32_t n, nmentions;
};

/* Find and merge the entities of one article. */
void entity_extract(const struct ner_model *m, const struct article *a, struct article_entities *out);
/* The same with the working memory of the last call (one scratch per thread): for many
 * articles in a row. */
struct entity_scratch;
struct entity_scratch *entity_scratch_new(void);
void entity_scratch_free(struct entity_scratch *x);
/* Leave out what f (learned from the corpus; NULL: nothing) marks as site furniture. */
void entity_scratch_use_furniture(struct entity_scratch *x, const struct furniture *f);
void entity_extract_with(const struct ner_model *m, const struct article *a,
			 struct entity_scratch *x, struct article_entities *out);
void article_entities_free(struct article_entities *e);
/* Whether packed entities read back from a file (the cache, the store) keep what
 * entity_extract guarantees: each entity's mentions follow the previous one's, every key
 * (keybytes of them) starts a NUL-terminated string, every span lies in article a. */
bool article_entities_sound(const struct article_entities *es, size_t keybytes,
			    const struct article *a);
/* Bump with any change to what entity_extract finds or how it packs it: the cache starts
 * afresh, and entities packed by another version (the store's) no longer unpack, so the reader
 * tags the article again when it opens it. 2: datelines, learned furniture (which also salts
 * an article's key), assets/entities' rules; 3: no tagging of articles in other languages than
 * Arabic; 4: the world's places, place and event words, names made whole, words that are no
 * names, keys with عبدال joined, tag lines; 5: keys with عبد and any word joined,
 * organisations' extent, bylines, the source's own paper; 6: this version in the packed
 * head; 7: the third round's rules; 8: lists after the word saying their kind (districts,
 * municipalities, team sheets), roads, offices after a name, place triggers inside names;
 * 9: nationalities around persons, committees, centres, a body's country nisba; 22: a
 * body named by the quoted words after its word, a body's seat no place. */
#define ENTITY_RULES_VERSION 22u
/* The packed form the entity cache and the store keep: a head (counts, the rules' version),
 * the records, the mentions, then the keys. Unpacking checks the sizes and article_entities_sound; false
 * (out empty) when they do not hold. */
struct strbuf;
size_t article_entities_key_bytes(const struct article_entities *es); /* up to the last key's end */
size_t article_entities_packed_size(const struct article_entities *es);
void article_entities_pack(const struct article_entities *es, struct strbuf *out);
bool article_entities_unpack(const void *buf, size_t len, const struct article *a,
			     struct article_entities *out);
/* The same, whatever rules packed them (still checked sound against a): the store's index of
 * entities names an article by what it was last tagged with until it is tagged again. */
bool article_entities_unpack_any_rules(const void *buf, size_t len, const struct article *a,
				       struct article_entities *out);
/* Whether buf holds entities packed by other rules or assets than this process's (so tagging
 * the article again would find others); false for anything too short to have a head. */
bool article_entities_packed_stale(const void *buf, size_t len);
/* The version in the packed head: a hash of ENTITY_RULES_VERSION and of the tagger's and the
 * rules' assets (assets/ner, assets/entities: every file's bytes), so entities a store kept
 * from another model or other word lists are tagged again too. Made once a process. */
uint32_t article_entities_pack_version(void);

static inline const struct entity_mention *article_entity_mentions(const struct article_entities *es,
								   const struct article_entity *e)
{
	return es->mentions + e->first;
}
static inline const char *article_entity_key(const struct article_entities *es,
					     const struct article_entity *e)
{
	return es->keys + e->key;
}
/* The display name as a new string (caller frees). */
char *article_entity_name(const struct article *a, const struct article_entity *e);

struct corpus_entity {
	enum entity_type type;
	uint32_t mentions, articles;
	uint32_t article;           /* where its name is: the first article that mentions it */
	struct entity_mention name; /* and which text of that article */
};

struct entity_cache;
struct entity_cache_key;

/* Where an article's entities came from, with a cache (entity_table_use_cache). */
enum entity_origin { ENTITY_NOT_YET, ENTITY_TAGGED, ENTITY_CACHED, ENTITY_CACHED_BEFORE_TODAY };

struct entity_table {
	const struct corpus *corpus;
	struct article_entities *per_article; /* by position in corpus->items */
	struct corpus_entity *items;          /* by corpus entity id */
	size_t n, cap;
	uint32_t *post;     /* positions of the articles that mention each id, ascending: */
	uint32_t *post_at;  /* id's are post[post_at[id], post_at[id + 1]) */
	struct strtab keys; /* "type<TAB>key" → id */
	const struct entity_cache *cache; /* or NULL; with one: */
	struct entity_cache_key *ckeys;   /* each article's key in it */
	uint8_t *origin;                  /* enum entity_origin per article */
	uint32_t today;                   /* days since the epoch, for the cache */
	const struct furniture *furniture; /* the corpus's site furniture, or NULL */
};

/* The articles that mention entity id: *n positions in corpus->items, ascending. */
static inline const uint32_t *entity_table_postings(const struct entity_table *t, uint32_t id,
						    size_t *n)
{
	*n = t->post_at[id + 1] - t->post_at[id];
	return t->post + t->post_at[id];
}
/* Entity id's key (matching form) and its display name (a new string: caller frees). */
const char *entity_table_key(const struct entity_table *t, uint32_t id);
char *entity_table_name(const struct entity_table *t, uint32_t id);

/* entity_table_init, then entity_table_extract over disjoint ranges (threads welcome: each
 * article is written by one call only), then entity_table_merge once. */
void entity_table_init(struct entity_table *t, const struct corpus *c);
void entity_table_extract(struct entity_table *t, const struct ner_model *m, size_t from, size_t to);
void entity_table_merge(struct entity_table *t);
/* Leave out the site furniture f marks (before entity_table_extract; f outlives it). */
void entity_table_use_furniture(struct entity_table *t, const struct furniture *f);
/* Take entities from c where it has them, and keep what is tagged for entity_table_save_cache
 * (call before entity_table_extract; c outlives the extraction). */
void entity_table_use_cache(struct entity_table *t, const struct entity_cache *c);
/* Write the cache when something was tagged or read from entries last used before today
 * (before entity_table_merge, which drops what the cache stores). False with *error (caller
 * frees) when it could not be written. */
bool entity_table_save_cache(const struct entity_table *t, char **error);
/* All three for the whole corpus. */
void entity_table_build(struct entity_table *t, const struct corpus *c, const struct ner_model *m);
void entity_table_free(struct entity_table *t);

#endif
