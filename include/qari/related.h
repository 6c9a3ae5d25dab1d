/* related.h - stories that share what an article is about.
 *
 * score(a, b) = 0.6 · cos(entities) + 0.4 · cos(words), both cosines of IDF-weighted vectors:
 * entities (persons, places, organisations, dates) weighted by idf = ln(1 + N/df) times
 * 1 + ln(mentions); words are the stems (matching form, clitics off, stop words out) weighted
 * by tf-idf the same way, keeping each article's RELATED_WORD_TERMS strongest. Each link is explained by its shared entities, rarest first.
 * Built once over an entity table; a query walks only the posting lists of the article's own
 * entities and words, so it stays fast on a large corpus. */
#ifndef QARI_RELATED_H
#define QARI_RELATED_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#include "qari/entity.h"

#define RELATED_ENTITY_WEIGHT 0.6
#define RELATED_WORD_WEIGHT 0.4
#define RELATED_WORD_TERMS 48 /* words kept per article, the most telling (tf-idf) */

struct related_link {
	uint32_t article;  /* position in corpus->items */
	double score;      /* 0..1 */
	uint32_t *shared;  /* corpus entity ids both mention, most informative first */
	size_t nshared;
};

/* One article's vector: ids ascending, weights of unit length (a view into related_vecs). */
struct related_vec {
	const uint32_t *ids;
	const float *w;
	size_t n;
};

/* The vectors of every article back to back: article a's are [at[a], at[a + 1]). */
struct related_vecs {
	uint32_t *at;
	uint32_t *ids;
	float *w;
};

/* An article in a posting list, with the weight the term has in its vector: a query reads
 * the lists front to back instead of looking each term up in every linked article's vector. */
struct related_posting {
	uint32_t article;
	float w;
};

/* Posting lists of ids 0..n-1 in one array: id's list is v[at[id] .. at[id + 1]). */
struct related_postings {
	uint32_t *at;
	struct related_posting *v;
	size_t n;
};

struct related_index {
	const struct entity_table *entities;
	size_t narticles;
	struct related_vecs ent, word;
	struct related_postings epost; /* corpus entity id → articles, ascending */
	struct related_postings wpost; /* word id → articles that keep it, ascending */
	double *eidf;                  /* corpus entity id → idf */
	size_t nwords;
	double *score;                 /* related_find's scratch, one per article, kept zeroed:
					  a fresh 240 KB block each call cost page faults */
	const atomic_bool *cancel;     /* set while building: stop (the index is then only fit
					  to be freed) */
};

/* nthreads ≤ 0: one a core. The result does not depend on it. search: the corpus's search
 * index with every entry built, whose matching forms spare normalising the text again, or
 * NULL; the result does not depend on it either. cancel (or NULL): when it is set, the build
 * stops within an article or so, for a reader that quits while it builds. */
struct search_index;
void related_index_build(struct related_index *x, const struct entity_table *t,
			 const struct search_index *search, int nthreads, const atomic_bool *cancel);
void related_index_free(struct related_index *x);
/* The best max links of the article at position a (score > 0, best first). Caller frees with
 * related_links_free. One call at a time per index (it uses the index's scratch). */
size_t related_find(const struct related_index *x, size_t a, size_t max, struct related_link **out);
void related_links_free(struct related_link *v, size_t n);

#endif
