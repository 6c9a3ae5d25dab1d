/* entity_eval.h - scoring an article's entities against a judged sample (the sidebar's
 * people, places and organisations, as a reader would want them listed).
 *
 * The judged sample (tests/data/judged/entities.tsv; format in docs/design.md, Entities):
 *   @<TAB>id<TAB>dev|test          opens one judged article
 *   type<TAB>full name[<TAB>form|form...]   one entity (person, place, org)
 *   !<TAB>...                      junk noted for reference (ignored)
 * '#' starts a comment line; blank lines are ignored.
 *
 * A system entry matches a gold entity when its name, in matching form (normalize.h), equals
 * the gold name or one of its other forms. Per article, entries are taken in order: the first
 * to match a gold entity of its own type is a true positive; a later one matching the same
 * gold entity is a false positive and a duplicate; one matching only a gold entity of another
 * type is a false positive of its type and a wrong type; one matching nothing is junk. Gold
 * entities no entry matched (with their type) are misses. */
#ifndef QARI_ENTITY_EVAL_H
#define QARI_ENTITY_EVAL_H

#include <stdbool.h>
#include <stddef.h>

#include "qari/article.h"
#include "qari/entity.h"

#define ENTITY_EVAL_TYPES 3 /* person, place, org: the first three entity types */

enum entity_split { ENTITY_SPLIT_DEV, ENTITY_SPLIT_TEST };

struct entity_gold_entity {
	enum entity_type type;
	char *name;    /* column 2, as written */
	char **forms;  /* matching forms: the name's, then column 3's */
	size_t nforms;
};

struct entity_gold_article {
	char id[ARTICLE_ID_LEN + 1];
	enum entity_split split;
	struct entity_gold_entity *v;
	size_t n, cap;
};

struct entity_gold {
	struct entity_gold_article *v;
	size_t n, cap;
};

/* Parse a judged sample from text (len bytes). False with *error (caller frees) naming the
 * line on a malformed one; g is then freed. */
bool entity_gold_parse(const char *text, size_t len, struct entity_gold *g, char **error);
bool entity_gold_read(const char *path, struct entity_gold *g, char **error);
void entity_gold_free(struct entity_gold *g);

/* One entry of the system's list for an article, in the order it shows them. */
struct entity_sys_entry {
	enum entity_type type; /* entries of other types than the three are ignored */
	const char *name;
};

enum entity_eval_error {
	ENTITY_EVAL_JUNK,       /* matches no gold entity */
	ENTITY_EVAL_WRONG_TYPE, /* matches a gold entity of another type only */
	ENTITY_EVAL_DUPLICATE,  /* matches a gold entity an earlier entry matched */
	ENTITY_EVAL_MISSED,     /* a gold entity no entry matched */
};
const char *entity_eval_error_name(enum entity_eval_error e); /* junk wrong-type duplicate missed */

struct entity_eval {
	size_t tp[ENTITY_EVAL_TYPES], sys[ENTITY_EVAL_TYPES], gold[ENTITY_EVAL_TYPES];
	size_t junk, wrong_type, duplicates, articles;
};

/* Called for each error: type is the entry's (the gold entity's for a miss), name the
 * entry's, g the gold entity involved (NULL for junk). */
typedef void (*entity_eval_report_fn)(void *ctx, const char *id, enum entity_eval_error e,
				      enum entity_type type, const char *name,
				      const struct entity_gold_entity *g);

/* Add one article's entries to ev; report (may be NULL) hears every error. */
void entity_eval_article(struct entity_eval *ev, const struct entity_gold_article *g,
			 const struct entity_sys_entry *sys, size_t n, entity_eval_report_fn report,
			 void *ctx);
/* Precision, recall and F1 of one type (ENTITY_PERSON...), or of all three (ENTITY_NTYPES);
 * 0 where the denominator is 0. */
void entity_eval_prf(const struct entity_eval *ev, enum entity_type type, double *p, double *r,
		     double *f1);

#endif
