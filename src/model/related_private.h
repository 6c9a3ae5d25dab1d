/* related_private.h - what related.c (qari's ranking) and related_baseline.c (the TF-IDF
 * reference) share: an article's stems as word ids, and posting lists. */
#ifndef QARI_RELATED_PRIVATE_H
#define QARI_RELATED_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "qari/corpus.h"
#include "qari/normalize.h"
#include "qari/related.h"
#include "qari/strtab.h"
#include "qari/text.h"

/* The ranking's fixed parts, shared with the store's related lists (store_related.c). */
#define RELATED_POOL_FACTOR 4   /* candidates looked at per entry asked for, to fill entries
				   once copies are folded in */
#define RELATED_COMMON_MIN 20    /* in a small corpus no entity is common */
#define RELATED_COPY_DAYS 2      /* copies of a story appear within this many days */
/* Shared entities explain a link whatever they add to its score (the boost): weighed against
 * the shared words as they were when both counted. */
#define RELATED_EXPLAIN_ENTITY_WEIGHT 0.3
#define RELATED_FLOOR_ARTICLES 50 /* a collection this big has its full floor */
#define RELATED_COPY_TITLE_COSINE 0.4 /* words enough alike for a copy under the same headline */

struct ner_lexicon;
struct search_index;
struct article_entities;
struct article_entity;

/* Places apart (related_places.c): an article is about the places its title names or it
 * names RELATED_PLACE_MENTIONS times; two articles each about places the other never names
 * are the same kind of story from two towns or markets, not one story (fitted on the judged
 * dev pairs: tests/data/judged/fit_related.py), unless their words make them copies. */
#define RELATED_PLACE_MENTIONS 2
#define RELATED_PLACES_MAX 32 /* places kept per article, the first named */
struct related_place {
	uint32_t id;       /* the place's entity (the corpus's, or the store's term) */
	uint32_t mentions; /* how often the article names it */
	bool title;        /* named in its title */
};
bool related_place_main(const struct related_place *p);
/* Whether title_match (a title in matching form, or NULL) holds key as a word, maybe after
 * clitics (و ف ب ل ك): the tagger misses many a place in a headline («محافظ طبرجل يدشن»). */
bool related_place_in_title(const char *title_match, const char *key);
/* Entity e of es, a place known as id, into v[0, *n) (room for RELATED_PLACES_MAX); in the
 * title when tagged there or when title says so (related_place_in_title). */
void related_place_add(struct related_place *v, size_t *n, uint32_t id, const struct article_entities *es,
		       const struct article_entity *e, bool title);
/* The places of the gazetteers (assets/entities places.txt, world_places.txt) that title, a
 * headline in matching form, names as a word, maybe after clitics: spans of title, at most max,
 * into out. The tagger misses many a town in a headline («القصيم: حملات تفتيشية», «"عمل
 * تبوك" يضبط»), and the other town's story of the same kind then is not apart. */
struct related_span {
	const char *s;
	size_t n;
};
#define RELATED_HEADLINE_PLACES 4
size_t related_headline_places(const char *title, struct related_span *out, size_t max);
/* Place id, named in the headline though the article does not tag it, into v (unless there). */
/* Whether place id is among the n places of v. */
bool related_place_named(const struct related_place *v, size_t n, uint32_t id);
void related_place_add_headline(struct related_place *v, size_t *n, uint32_t id);
/* Whether v[0, n) holds a place an article is about (none: it is apart from no other). */
bool related_about_any(const struct related_place *v, size_t n);
/* Whether each of a and b is about some place and about none the other names. */
bool related_places_apart(const struct related_place *a, size_t na, const struct related_place *b,
			  size_t nb);

/* Organisations apart, kept as places are (struct related_place): an article is about an
 * organisation its headline names (tagged there) that some other article tags too (one only
 * the tagger's slip names is no subject: «الاتحاد يكسب انترفارمسي»); two articles each about
 * one the other never names are the same kind of story about two bodies or teams (another
 * club's friendly, another university's inspection), unless they are of the same week with
 * words alike: a story's reports name its bodies unevenly. Common organisations count too
 * (a club is one): whether one weighs depends on the collection's size, which the store's
 * lists, made as articles come, cannot know ahead. */
#define RELATED_ORG_ARTICLES 2          /* articles that tag an organisation it can be about */
#define RELATED_SAME_WEEK_DAYS 7
#define RELATED_SAME_WEEK_COSINE 0.2    /* words this alike in a week: not apart */
/* Entity e of es, organisation id, into v; known: tagged in RELATED_ORG_ARTICLES articles. */
void related_org_add(struct related_place *v, size_t *n, uint32_t id, const struct article_entities *es,
		     const struct article_entity *e, bool known);
/* Whether articles with organisations a and b, days apart (-1: unknown) with words cosine
 * alike, are about organisations apart. */
bool related_orgs_apart(const struct related_place *a, size_t na, const struct related_place *b,
			size_t nb, long days, double cosine);

/* Persons apart: an article is about the persons its headline names (tagged there); two
 * articles each about persons the other never names, sharing no organisation, are the same
 * kind of story about two people (condolences for two deceased, two officials' appointments),
 * unless copies of one story. A shared organisation keeps them together: two players of one
 * club's summer are its affair. A one-word name that ends another's (سلامة, محمد سلامة) is
 * that person. */
struct related_person {
	uint32_t id;     /* the person's entity (the corpus's, or the store's term) */
	uint32_t family; /* the entity of its name's last word alone, or UINT32_MAX */
	bool about;      /* named in the headline */
};
/* Entity e of es, person id of family (or UINT32_MAX), into v[0, *n) (room for
 * RELATED_PLACES_MAX). */
void related_person_add(struct related_person *v, size_t *n, uint32_t id, uint32_t family,
			const struct article_entities *es, const struct article_entity *e);
/* Whether v[0, n) holds a person an article is about. */
bool related_about_anyone(const struct related_person *v, size_t n);
/* Whether each of a and b is about some person and about none the other names. */
bool related_persons_apart(const struct related_person *a, size_t na, const struct related_person *b,
			   size_t nb);
/* Whether b[0, nb) names one of a[0, na) (organisations: the ids alone). */
bool related_share_any(const struct related_place *a, size_t na, const struct related_place *b,
		       size_t nb);

/* The stems of one article as word ids, appended to ids: interned into vocab (intern), or
 * only looked up in a shared table (find; a word not there is left out). */
struct related_words {
	const struct ner_lexicon *lex;
	struct strtab vocab;       /* interned here when intern */
	const struct strtab *find; /* else looked up there */
	bool intern;
	bool plain;                /* every stem: the baseline; else datelines, date words and
				      agency tags are left out (related_words_skip) */
	const struct strtab *skip; /* words never worth a link (related_skip_words), or NULL:
				      they end a dateline */
	int title_repeat;          /* the title's words count this many times (0: once) */
	const bool *skipid;        /* per id of find: a word of skip, left out (not for plain) */
	const uint64_t *furniture; /* hashes of paragraphs that recur across the corpus, sorted:
				      left out (not for plain) */
	size_t nfurniture;
	bool collect;              /* append each paragraph's hash to hashes */
	uint64_t *hashes;
	size_t nhashes, hcap;
	const struct search_index *search; /* or NULL */
	struct strbuf norm;                /* an article's matching form from there */
	struct norm_text t;
	struct norm_token *toks;
	size_t tcap;
	uint32_t *ids;
	size_t nids, icap;
};

/* Article a's stems into rw->ids (rw->nids of them). */
void related_article_words(struct related_words *rw, const struct corpus *c, size_t a);
void related_words_free(struct related_words *rw);
/* The hashes that occur at least min times in hashes[0, n) (sorted in place), sorted, into
 * *out; returns how many. */
size_t related_recurring(uint64_t *hashes, size_t n, size_t min, uint64_t **out);
/* The date and agency words that link any two agency items of a day (months, weekdays,
 * واس...), in matching form, each also without its clitics. */
void related_skip_words(struct strtab *t);

/* A vector being made: ids and weights, room for cap; and scratch for making it. */
struct related_pair;
struct related_work {
	uint32_t *ids;
	float *w;
	size_t n, cap;
	uint32_t *seen;        /* per id: its place in ids + 1 while an article is counted, else 0 */
	size_t seen_cap;
	struct related_pair *p; /* room for cap pairs, for sorting */
};

struct related_pair {
	uint32_t id;
	float w;
};

int related_u32_cmp(const void *a, const void *b);
void related_work_room(struct related_work *v, size_t n);
void related_work_free(struct related_work *v);
/* Pairs in v sorted by id (vectors are looked up by binary search). */
void related_sort_pairs(struct related_work *v);
/* Ids with repeats → distinct ids, ascending, with counts in w. */
void related_count(const uint32_t *ids, size_t n, struct related_work *v);
/* Counts → (1 + ln tf) · idf, then unit length. */
void related_weigh(struct related_work *v, const double *idf);
/* Only the k heaviest, at unit length again. */
void related_keep_top(struct related_work *v, size_t k);
/* v as article a's vector in vs (vs->at[a] set; sets vs->at[a + 1]). */
void related_vecs_put(struct related_vecs *vs, size_t a, const struct related_work *v);
/* Give back the room vs was sized for beyond its narticles vectors. */
void related_vecs_fit(struct related_vecs *vs, size_t narticles);
void related_vecs_free(struct related_vecs *vs);
struct related_vec related_vec_of(const struct related_vecs *vs, size_t a);
/* The dot product of two vectors (ids ascending). */
double related_dot(const struct related_vec *a, const struct related_vec *b);
/* Whether a word in df of n articles is rare: evidence that two articles tell one story. In
 * a small collection (RELATED_COMMON_MIN) every word is. */
bool related_is_rare(double df, double n);
/* Entities of an article whose names related_evidence reads (the first of its vector). */
#define RELATED_UNIT_ENTITIES 64
/* Which of keys[0..nkeys) (an article's entities, in its vector's order) hold word: bit k. */
uint64_t related_entity_units(const char *word, const char *const *keys, size_t nkeys);
/* Which entities of vector a (bit i: a's i-th) b shares. */
uint64_t related_shared_entities(const struct related_vec *a, const struct related_vec *b);
/* Whether word vectors a and b share more than one topical word (related.h): their cosine
 * without its strongest shared word reaches beyond_one, and the shared words that rare marks
 * (one flag per word of a) make rare_evidence of it. units (NULL: none): for each word of
 * a, the entities of a whose names hold it (related_entity_units); the words of the
 * entities in shared count as one word. */
bool related_evidence(const struct related_vec *a, const bool *rare, const uint64_t *units,
		      uint64_t shared, const struct related_vec *b, double beyond_one,
		      double rare_evidence);
/* The transpose of per-article vectors: for each id below nids, the articles that hold it,
 * ascending, with its weight there. */
void related_postings_build(struct related_postings *p, const struct related_vecs *vs,
			    size_t narticles, size_t nids);
void related_postings_free(struct related_postings *p);
/* score[b] += weight · (v · b's vector), over the lists of v's ids. */
void related_score(const struct related_postings *p, const struct related_vec *v, double weight,
		   double *score);

/* The day of an article (days since the epoch), RELATED_NO_DAY when its date is unknown. */
#define RELATED_NO_DAY INT32_MIN
int32_t related_day(const struct article *a);

/* Each stem of stems[0, n) (matching form) as the articles arts[0, narts) (NULL ones left
 * out) write it most often (related_why.c), or the stem itself when they never do, into
 * out[0, n) (caller frees each). */
void related_written_forms(const struct article *const *arts, size_t narts,
			   const char *const *stems, size_t n, char **out);

/* qsort order of a link's terms: heaviest first, entities before words, then by id. */
int related_term_cmp(const void *a, const void *b);
/* The shared terms of two vectors into v (room for both), each with its product scaled
 * (related_explain's, and the store's). */
size_t related_shared_terms(const struct related_vec *a, const struct related_vec *b,
			    double scale, bool entity, struct related_term *v);

#endif
