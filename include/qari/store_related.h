/* store_related.h - related stories kept in the store, computed at ingest (issue 16).
 *
 * Each stored article has its related vector in the store (the weighted stems and entity
 * keys of related.h, the same functions make them) and its word terms in posting lists by
 * term and day. A new article finds its candidates through those lists (only the days
 * within RELATED_MAX_DAYS of its own, at most STORE_RELATED_POSTINGS per term; words in over
 * 2% of the articles find none, and the best candidates are scored again with them), scores them
 * as related_find does (cosine of word vectors times time proximity), keeps its best
 * STORE_RELATED_POOL at or above the floor as its pool, and enters the pool of each
 * candidate it beats. Reading an article's related list folds copies, applies the floor and
 * the relative floor and explains each link from the pool: a few row reads, nothing over the
 * collection.
 *
 * Weights: idf = ln(1 + N / df) with N and df as they are when the article is stored (the
 * article counted): kept per article, never recomputed as the collection grows;
 * store_related_rebuild makes the vectors of articles that have none (a store migrated from
 * schema 2), in batches. */
#ifndef QARI_STORE_RELATED_H
#define QARI_STORE_RELATED_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "qari/article.h"
#include "qari/corpus.h"
#include "qari/entity.h"
#include "qari/store.h"

#define STORE_RELATED_POOL 48        /* candidates kept per article (related_find looks at 41
					for 10 entries) */
#define STORE_RELATED_POSTINGS 4000  /* postings read per term and query, the nearest days */

/* One entry of an article's related list. */
struct store_related_link {
	int64_t row;
	char id[ARTICLE_ID_LEN + 1];
	char *title;
	char *source;                   /* the feed's ~Name, else the article's source; NULL: none */
	char *date;                     /* as the article gives it, NULL: none */
	int64_t date_key;               /* with date: its time */
	double score;                   /* 0..1 */
	char *why;                      /* "word، entity، ...", the terms that weighed most */
	char (*copies)[ARTICLE_ID_LEN + 1]; /* the story's other copies, best first */
	size_t ncopies;
};

struct store_related_list {
	struct store_related_link *same; /* the article's own copies under other ids (no why) */
	size_t nsame;
	struct store_related_link *v;    /* best first */
	size_t n;
};

/* Article c->items[i] stored in row (es: its entities, or NULL): its vector, postings and
 * pool, and its place in its neighbours' pools; an older vector of row is forgotten first.
 * Inside the caller's transaction, which writes what it holds in memory by
 * store_related_flush (store_private.h) before COMMIT. False with *error. */
bool store_related_add(struct store *s, int64_t row, const struct corpus *c, size_t i,
		       const struct article_entities *es, char **error);
/* Forget the articles deleted since the last call (retention): their postings, their pools
 * and their places in others' pools. Inside the caller's transaction. */
bool store_related_sweep(struct store *s, char **error);
/* The related list of the article in row (at most max entries). False when the article has
 * no vector (not stored, or not yet rebuilt). */
bool store_related_get(struct store *s, int64_t row, size_t max, struct store_related_list *out);
/* The same by article id (the newest article with it). */
bool store_related_get_id(struct store *s, const char *id, size_t max, struct store_related_list *out);
void store_related_list_free(struct store_related_list *l);
/* A copy of l that owns its own strings. */
void store_related_list_copy(struct store_related_list *to, const struct store_related_list *l);
/* The row of the newest article whose id starts with prefix, 0: none (*ambiguous: more than
 * one id starts so). */
int64_t store_related_row_of(struct store *s, const char *prefix, bool *ambiguous);
/* Vectors for the articles that have none among the next batch rows stored before the
 * migration to schema 3 (meta related_upto), in row order, one transaction; resumes where
 * the last call stopped (meta related_rebuilt). Returns how many rows it went through
 * (0: none left), -1 on error. */
long store_related_rebuild(struct store *s, size_t batch, char **error);
/* Whether some article of the rebuild's rows has no vector yet. */
bool store_related_pending(struct store *s);

#endif
