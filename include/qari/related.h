/* related.h - stories related to an article: the same event or the same affair, close in
 * time; nothing when nothing is close enough.
 *
 * Words decide, entities help, time narrows:
 *   words(a, b)    cosine of stem vectors weighted (1 + ln tf) · idf (a title's words count
 *                  RELATED_TITLE_REPEAT times), each article keeping its RELATED_WORD_TERMS
 *                  strongest; datelines, date words, agency tags and paragraphs that recur
 *                  across the corpus are left out (they link any two items of an agency);
 *   entities(a, b) cosine of entity vectors (persons, places, organisations) weighted
 *                  (1 + ln mentions) · idf, where an entity in more than RELATED_COMMON_SHARE
 *                  of the articles (المملكة، الرياض) weighs nothing: it cannot decide a link;
 *   score(a, b)    (words + RELATED_ENTITY_BOOST · entities) / (1 + RELATED_ENTITY_BOOST) ·
 *                  time, time = 1 / (1 + days apart / RELATED_TIME_SCALE), 0 beyond
 *                  RELATED_MAX_DAYS; 0 as well unless the words show more than one topical
 *                  word in common: the cosine without its strongest shared word reaches
 *                  RELATED_BEYOND_ONE, and the shared words found in at most
 *                  RELATED_RARE_SHARE of the articles make RELATED_RARE_EVIDENCE of it (a
 *                  town's name alone, or civil-defence words alone, are not one story);
 *                  0 too for articles about places apart (each about a place the other never
 *                  names, not copies: the same kind of story from another town or market),
 *                  organisations apart or persons apart (related_private.h).
 * A list starts only with an entry scoring at least RELATED_FIRST_FLOOR: an article with
 * nothing that close shows nothing, unless RELATED_CLUSTER_STORIES stories scoring at least
 * RELATED_CLUSTER_FLOOR name the organisation its headline names (a club's summer). Once it
 * has one, entries down to RELATED_FLOOR follow
 * (both less in a collection of a few dozen articles), if they score RELATED_RELATIVE_FLOOR
 * of the best (the first entry's, or the article's own copies' when they score higher).
 * Articles whose words are nearly the same (cosine ≥ RELATED_COPY_COSINE: syndicated copies
 * of one story) make one entry with its copies; copies of the article itself are not related
 * stories (related_copies). Each link is explained by the words and entities that weighed
 * most.
 * The constants were tuned on the dev half of the judged sample (docs/design.md).
 *
 * Built once over an entity table; a query walks only the posting lists of the article's own
 * entities and words, so it stays fast on a large corpus. related_baseline_* is the
 * reference qari is measured against (qari eval-related): a plain TF-IDF cosine over every
 * stem, within RELATED_BASELINE_DAYS of the article. */
#ifndef QARI_RELATED_H
#define QARI_RELATED_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "qari/entity.h"
#include "qari/strtab.h"

#define RELATED_WORD_TERMS 80      /* words kept per article, the most telling (tf-idf) */
#define RELATED_ENTITY_BOOST 0.1   /* what shared entities add to the words' cosine */
#define RELATED_COMMON_SHARE 0.005 /* an entity in more of the articles than this is common */
#define RELATED_TIME_SCALE 14.0    /* days apart that halve a score */
#define RELATED_MAX_DAYS 14        /* no link between articles further apart */
#define RELATED_FIRST_FLOOR 0.15   /* no list unless its first entry scores this */
#define RELATED_CLUSTER_FLOOR 0.11 /* the first floor when RELATED_CLUSTER_STORIES stories
				     name the organisation the article's headline names */
#define RELATED_CLUSTER_STORIES 3
#define RELATED_FLOOR 0.09         /* below this, not related */
#define RELATED_RELATIVE_FLOOR 0.1 /* nor below this share of the best score: the first
				     story's, or the article's own copies' */
#define RELATED_BEYOND_ONE 0.07    /* word cosine needed without the strongest shared word */
#define RELATED_RARE_SHARE 0.02    /* a word in at most this share of the articles is rare */
#define RELATED_RARE_EVIDENCE 0.05 /* word cosine needed from rare shared words */
#define RELATED_COPY_COSINE 0.8    /* words this alike: copies of one story */
#define RELATED_TITLE_REPEAT 2     /* a title's words count this many times */
#define RELATED_WHY_MAX 5          /* terms explaining a link */
#define RELATED_BASELINE_DAYS 7

/* A word or an entity that made a link, with its share of the score. */
struct related_term {
	uint32_t id;  /* word id (related_word) or corpus entity id */
	bool entity;
	float w;
};

struct related_link {
	uint32_t article;  /* position in corpus->items: the entry's best-scoring article */
	uint32_t query;    /* the article it is related to (related_find's a) */
	double score;      /* 0..1 */
	uint32_t *shared;  /* corpus entity ids both mention and that count, most telling first */
	size_t nshared;
	uint32_t *copies;  /* other articles of the same story (syndicated copies), best first */
	size_t ncopies;
	struct related_term why[RELATED_WHY_MAX]; /* the terms that weighed most, heaviest first */
	size_t nwhy;
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

/* The ranking's constants (related_params_default: the RELATED_* above), a struct so that
 * the evaluation can try others. */
struct related_params {
	double entity_boost, common_share, time_scale, floor, copy_cosine;
	double relative_floor; /* and below this share of the best score (an entry's or one of
				  the article's own copies') */
	double first_floor;    /* no list unless its first entry scores this */
	double cluster_floor;  /* or this, around the headline's organisation (0: never) */
	double beyond_one, rare_evidence; /* the words' evidence a link needs (0: none) */
	int max_days;
	int title_repeat;    /* a title's words count this many times */
	int word_terms;      /* words kept per article */
	bool with_dates;     /* dates count as entities (the ranking before issue 14) */
	bool with_furniture; /* datelines, date words, agency tags and recurring paragraphs count */
	bool with_places_apart; /* articles about places apart link too (related_private.h) */
	bool with_orgs_apart;   /* articles about organisations apart link too (likewise) */
	bool with_persons_apart; /* articles about persons apart link too (likewise) */
};
struct related_params related_params_default(void);

struct related_index {
	const struct entity_table *entities;
	size_t narticles;
	struct related_params params;
	struct related_vecs ent, word;
	struct related_postings epost; /* corpus entity id → articles, ascending */
	struct related_postings wpost; /* word id → articles that keep it, ascending */
	double *eidf;                  /* corpus entity id → idf, 0 for common ones and dates */
	int32_t *day;                  /* article → days since the epoch (RELATED_NO_DAY) */
	uint64_t *title;               /* article → hash of its headline's matching form */
	uint32_t *title_places;        /* article → which of its places its headline names (bit k:
					  its k-th place entity; related_place_in_title) */
	uint32_t *headline_place;      /* article → a place of the gazetteers its headline names and
					  it does not tag (a corpus place), or UINT32_MAX */
	char *words;                   /* the stems of words in some vector, NUL-terminated, */
	uint32_t *word_at;             /* word id → its stem's offset there (0: "") */
	bool *rare;                    /* word id → in few articles (related_is_rare) */
	uint64_t *furniture;           /* hashes of recurring paragraphs (sorted), left out */
	size_t nfurniture;
	size_t nwords;
	double *score;                 /* related_find's scratch, one per article, kept zeroed:
					  a fresh 240 KB block each call cost page faults */
	const atomic_bool *cancel;     /* set while building: stop (the index is then only fit
					  to be freed) */
};

/* nthreads ≤ 0: one a core. The result does not depend on it. search: the corpus's search
 * index with every entry built, whose matching forms spare normalising the text again, or
 * NULL; the result does not depend on it either. cancel (or NULL): when it is set, the build
 * stops within an article or so, for a reader that quits while it builds. params: NULL for
 * the defaults. */
struct search_index;
void related_index_build(struct related_index *x, const struct entity_table *t,
			 const struct search_index *search, int nthreads, const atomic_bool *cancel);
void related_index_build_with(struct related_index *x, const struct entity_table *t,
			      const struct search_index *search, int nthreads,
			      const atomic_bool *cancel, const struct related_params *params);
void related_index_free(struct related_index *x);
/* The best max entries of the article at position a (score ≥ the floor, best first; copies
 * of the article itself left out). Caller frees with related_links_free. One call at a time
 * per index (it uses the index's scratch). */
size_t related_find(const struct related_index *x, size_t a, size_t max, struct related_link **out);
void related_links_free(struct related_link *v, size_t n);
/* The article's own copies under other URLs (positions, best first): *out, caller frees. */
size_t related_copies(const struct related_index *x, size_t a, uint32_t **out);
/* The stem of word id (matching form, NUL-terminated). */
const char *related_word(const struct related_index *x, uint32_t id);
/* A link's explanation, "word، entity، ...": entities by name, words in their most frequent
 * written form in the two articles (from the ال on; without ال, whole). A new string: caller
 * frees. */
char *related_why(const struct related_index *x, const struct related_link *l);

/* The reference: TF-IDF cosine over every stem (no dateline removed, no entity, no floor),
 * of the articles within RELATED_BASELINE_DAYS days. */
struct related_baseline {
	const struct corpus *corpus;
	struct related_vecs vecs;
	struct related_postings post;
	int32_t *day;
	double *score; /* scratch, kept zeroed */
};
void related_baseline_build(struct related_baseline *b, const struct corpus *c,
			    const struct search_index *search);
/* The best max neighbours (score > 0, best first; copies not collapsed, no explanation). */
size_t related_baseline_find(const struct related_baseline *b, size_t a, size_t max,
			     struct related_link **out);
void related_baseline_free(struct related_baseline *b);

#endif
