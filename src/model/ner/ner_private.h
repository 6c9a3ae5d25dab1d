/* ner_private.h - what the ner_*.c files share and nobody else needs. */
#ifndef QARI_NER_PRIVATE_H
#define QARI_NER_PRIVATE_H

#include "qari/ner.h"
#include "qari/strtab.h"

#define NER_MAX_FEATS 80   /* features of one token */
#define NER_NPAIR 1        /* features of a token paired with the previous tag */
#define NER_GAZ_MAX_WORDS 6 /* longest gazetteer phrase looked up */

enum ner_trigger {
	NER_TRIG_PERS = 1 << 0, /* title or office before a name: الرئيس، وزير، السيد */
	NER_TRIG_LOC = 1 << 1,  /* مدينة، عاصمة، ولاية */
	NER_TRIG_ORG = 1 << 2,  /* شركة، وكالة، منظمة */
	NER_TRIG_NAT = 1 << 3,  /* a nisba adjective after an office: الروسي، الأمريكي */
};

struct ner_lexicon {
	struct strtab gaz;     /* gazetteer phrases, matching form, one space between words */
	uint8_t *gaz_types;    /* phrase id → bit (1 << type) per type it is listed under */
	size_t gaz_cap;
	struct strtab trig;    /* trigger words */
	uint8_t *trig_class;   /* word id → enum ner_trigger bits */
	size_t trig_cap;
	struct strtab stop;    /* stop words (stopwords.txt) */
	struct strtab aliases; /* variant → canonical name (both matching form), for merging */
	uint32_t *alias_to;    /* variant id → id in aliases of its canonical form */
	size_t alias_cap;
	uint64_t *clusters;    /* word key << 32 | its cluster + 1, open addressing (0: empty),
				  from clusters.txt */
	size_t clusters_mask;  /* slots − 1 */
	uint16_t *cluster_up[NER_CLUSTER_LEVELS]; /* [level][cluster]: its group + 1 at that
						     level (0: none; [0] unused) */
	size_t clusters_n;     /* entries of each cluster_up */
};

/* Gazetteer type bits of a phrase (0 when absent). */
uint8_t ner_lexicon_gaz(const struct ner_lexicon *lex, const char *s, size_t n);
/* The same, and in *longer whether a longer phrase starts with this one. */
uint8_t ner_lexicon_gaz_longer(const struct ner_lexicon *lex, const char *s, size_t n, bool *longer);
uint8_t ner_lexicon_trigger(const struct ner_lexicon *lex, const char *s, size_t n);
#define NER_CLUSTERS_MAX 0xFFFF /* clusters of a level at most */
/* Read a clusters.txt (ner_lexicon.c's top comment) into lex, in place of any clusters it
 * had; false (errno set) when the file cannot be read. */
bool ner_lexicon_load_clusters(struct ner_lexicon *lex, const char *path);
/* The clusters of a word by its key (ner_word_key): cl[l], its group + 1 at level l (0: the
 * word is in none, or the file has no such level). */
void ner_lexicon_clusters(const struct ner_lexicon *lex, uint32_t key,
			  uint16_t cl[NER_CLUSTER_LEVELS]);

/* A u32 key → dense index map (open addressing), for feature keys. */
struct ner_keymap {
	uint32_t *keys;
	uint32_t *vals; /* index + 1, 0 when empty */
	size_t nslots, n;
};
void ner_keymap_init(struct ner_keymap *m, size_t expect);
void ner_keymap_free(struct ner_keymap *m);
/* Index of key, or UINT32_MAX when absent. */
uint32_t ner_keymap_get(const struct ner_keymap *m, uint32_t key);
void ner_keymap_put(struct ner_keymap *m, uint32_t key, uint32_t index);

/* Per-token facts computed once per sentence (ner_features.c). */
struct ner_tokinfo {
	uint64_t hw, hs, hp; /* hashes of the word, its stem, its proclitic-free form */
	uint64_t hc;         /* hash of its proclitics (و، ب، وال...), 0 when none */
	uint32_t stem;       /* byte offset of the stem in the word */
	uint32_t nletters;
	uint8_t gaz;         /* gazetteer type bits of any form of the word alone */
	uint8_t gazm;        /* BIO tag of the longest gazetteer phrase covering it, 0 none */
	uint8_t trig;        /* enum ner_trigger bits */
	uint8_t shape;       /* token kind, Latin, length class */
	uint8_t wlex;        /* class of the word in the training data (ner_wordlex.c) */
	uint16_t cl[NER_CLUSTER_LEVELS]; /* word cluster + 1 and its groups (clusters.txt), 0:
					    none */
	bool clustered;      /* the lexicon has clusters: their features are on (a model
				trained without them gets the same features as before them) */
	uint8_t docw, docs;  /* second pass: class of the first pass's tags of the same word
				(stem) elsewhere in the document, 0 when absent (ner_doc.c) */
};

/* Fill info[0..n) for a sentence. */
void ner_features_prepare(const struct ner_lexicon *lex, const struct ner_sentence *s,
			  struct ner_tokinfo *info);
/* Feature keys of token i; returns how many (≤ NER_MAX_FEATS). */
size_t ner_features(const struct ner_sentence *s, const struct ner_tokinfo *info, size_t i,
		    uint32_t *out);
/* The same split into parts, each in the same order as there. All but the rest are decided by
 * one word alone (its text and token kind), or by the sentence's edge where the neighbour
 * would be: a tagger can sum them once per word and offset. */
enum {
	NER_PART_WORD = 1 << 0,  /* token i's own word, wherever it stands */
	NER_PART_AS_M2 = 1 << 1, /* word i − 2 (the word as the one two before a token) */
	NER_PART_AS_M1 = 1 << 2, /* word i − 1 */
	NER_PART_AS_P1 = 1 << 3, /* word i + 1 */
	NER_PART_AS_P2 = 1 << 4, /* word i + 2 */
	NER_PART_REST = 1 << 5,  /* pairs of words, gazetteer phrases, sentence start, document */
	NER_PART_ALL = (1 << 6) - 1,
};
size_t ner_features_part(const struct ner_sentence *s, const struct ner_tokinfo *info, size_t i,
			 uint32_t *out, unsigned parts);
/* The features of NER_PART_REST that the document's classes decide (none while they are 0),
 * in the same order as there, where they come last. */
size_t ner_features_doc(const struct ner_sentence *s, const struct ner_tokinfo *info, size_t i,
			uint32_t *out);
/* The NER_NPAIR features of token i that are weighed per previous tag: where an entity ends
 * and the next begins (a و-prefixed name after a name) depends on the tag before. */
size_t ner_pair_features(const struct ner_tokinfo *info, size_t i, uint32_t *out);
/* The key of a pair feature under previous tag prev (NER_NTAGS: the sentence start). */
uint32_t ner_pair_key(uint32_t key, int prev);

/* Sentences of a document: tokens [sents[k], sents[k + 1]) of info and tags, k < nsents.
 * Sets info[t].docw and docs of every token from the tags of the same word and stem in the
 * sentences at most window away, the token itself left out. */
void ner_doc_classes(struct ner_tokinfo *info, const uint8_t *tags, const size_t *sents,
		     size_t nsents, unsigned window);
/* Both passes of m over sentences [from, to) of d: tags[d->sents[from]...] (indexed as d's
 * tokens). With docs (indexed likewise), m is a second-pass model and the classes are taken
 * from there instead. */
void ner_tag_data(const struct ner_model *m, const struct ner_data *d, size_t from, size_t to,
		  const uint8_t (*docs)[2], uint8_t *tags);
/* The key of a token's word (its proclitic-free form) in the word lexicon and the clusters. */
uint32_t ner_wordlex_key(const struct ner_tokinfo *t);
/* The same key from the proclitic-free form's hash. */
static inline uint32_t ner_word_key(uint64_t hp) { return (uint32_t)(hp ^ hp >> 32); }
/* Set info[i].wlex from the word lexicon wl. */
void ner_wordlex_apply(const struct ner_keymap *wl, size_t n, struct ner_tokinfo *info);

#endif
