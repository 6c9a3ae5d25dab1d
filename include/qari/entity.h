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
	long para;         /* paragraph index into article->paras, -1 for the title */
	uint32_t beg, end; /* byte range in the ORIGINAL title or paragraph */
};

struct article_entity {
	enum entity_type type;
	char *key;  /* matching form: identity across the corpus (NULL once merged: id says it) */
	char *name; /* display form: the original text of the fullest mention */
	struct entity_mention *mentions; /* in reading order */
	size_t nmentions, cap;
	uint32_t id; /* corpus entity (entity_table items), UINT32_MAX before the merge */
};

struct article_entities {
	struct article_entity *v; /* by type, then most mentioned first */
	size_t n, cap;
};

/* Find and merge the entities of one article. */
void entity_extract(const struct ner_model *m, const struct article *a, struct article_entities *out);
void article_entities_free(struct article_entities *e);

struct corpus_entity {
	enum entity_type type;
	char *key, *name;
	size_t mentions, articles;
};

struct entity_table {
	const struct corpus *corpus;
	struct article_entities *per_article; /* by position in corpus->items */
	struct corpus_entity *items;          /* by corpus entity id */
	size_t n, cap;
	uint32_t **postings;  /* id → positions of the articles that mention it, ascending */
	size_t *npostings;
	struct strtab keys;   /* "type<TAB>key" → id */
};

/* entity_table_init, then entity_table_extract over disjoint ranges (threads welcome: each
 * article is written by one call only), then entity_table_merge once. */
void entity_table_init(struct entity_table *t, const struct corpus *c);
void entity_table_extract(struct entity_table *t, const struct ner_model *m, size_t from, size_t to);
void entity_table_merge(struct entity_table *t);
/* All three for the whole corpus. */
void entity_table_build(struct entity_table *t, const struct corpus *c, const struct ner_model *m);
void entity_table_free(struct entity_table *t);

#endif
