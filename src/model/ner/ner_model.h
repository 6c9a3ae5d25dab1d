/* ner_model.h - a model's insides, for the files that make, load and run one: ner_keys.c (the
 * key table), ner_score.c (emission scores, the tagging cache, Viterbi), ner_file.c (the model
 * file, read), ner_model.c (tag names, a model freed), train/ (the model made and
 * written), and the passes that drive tagging (ner_para.c, ner_doc.c). */
#ifndef QARI_NER_MODEL_H
#define QARI_NER_MODEL_H

#include "ner_private.h"

#define NER_MAGIC "QNER" /* the model file (ner_file.c's top comment) */
#define NER_VERSION 3

/* A loaded model's weights: open addressing with the key and its int16 row in one slot, so
 * that a lookup touches one cache line, not three (key, index, row). */
struct ner_qslot {
	uint32_t key;
	int16_t w[NER_NTAGS]; /* × scale */
	uint16_t used;
};

/* A key's weights in both passes of a two-pass model (0 where a pass lacks it): the first pass
 * looks up the features the document does not decide once for both passes. */
struct ner_jslot {
	uint32_t key;
	uint16_t used;
	int16_t w[2][NER_NTAGS]; /* [pass][tag] × each pass's scale */
};

struct ner_model {
	const struct ner_lexicon *lex;
	struct ner_keymap map;  /* feature key → row of w (trained in memory) */
	uint32_t nfeat;
	float *w;               /* nfeat × NER_NTAGS (trained in memory), or NULL when loaded: */
	struct ner_qslot *qt;   /* the weights of a loaded one-pass model, or NULL: jt */
	size_t qmask;           /* slots in qt − 1 */
	size_t qt_bytes;        /* qt was mapped (munmap that many bytes), or 0: malloc'ed */
	uint64_t *qfilter;      /* a loaded pass: two bits set per key of qt (ner_qfilter_bits) */
	size_t qfmask;          /* words in qfilter − 1 */
	struct ner_jslot *jt;   /* a loaded two-pass model's weights, both passes' (the first
				   pass's, which frees them) */
	size_t jmask;           /* slots in jt − 1 */
	size_t jt_bytes;        /* jt was mapped (munmap that many bytes), or 0: malloc'ed */
	uint64_t *jfilter;      /* jt's filter, as qfilter is qt's */
	size_t jfmask;
	unsigned jpass;         /* this pass's weights in jt: w[jpass] */
	bool ahead;             /* a first pass that makes the second's sums ahead (ner_score.c) */
	uint64_t serial;        /* a loaded pass's number, unique in the process; 0: in training */
	float scale;
	float trans[NER_NTAGS + 1][NER_NTAGS]; /* [previous tag, NER_NTAGS at the start][tag] */
	struct ner_keymap wordlex; /* word key → its class in the training data (ner_wordlex.c) */
	struct ner_model *stack;   /* second pass (ner_doc.c), or NULL: one pass */
	uint32_t window;           /* second pass: sentences either side that make a document */
};

/* One pass of m over a sentence whose facts (info) are ready: tags[i] per token. */
void ner_tag_info(const struct ner_model *m, const struct ner_sentence *s,
		  const struct ner_tokinfo *info, uint8_t *tags, struct ner_work *w);
/* The same for a first pass with m->ahead, which also leaves in ahead[i] the
 * second pass's sum over token i's features that no document class decides (NER_PART_REST
 * with every class 0, as they are before the second pass). */
void ner_tag_info_ahead(const struct ner_model *m, const struct ner_sentence *s,
			const struct ner_tokinfo *info, uint8_t *tags, struct ner_work *w,
			int32_t (*ahead)[NER_NTAGS]);
/* The second pass m over the sentence with those sums made ahead: only the document's
 * features looked up; the tags are ner_tag_info's. */
void ner_tag_info_behind(const struct ner_model *m, const struct ner_sentence *s,
			 const struct ner_tokinfo *info, uint8_t *tags, struct ner_work *w,
			 const int32_t (*ahead)[NER_NTAGS]);

/* Grow w's buffers for n tokens. */
void ner_work_reserve(struct ner_work *w, size_t n);
/* Viterbi over emission scores em (n × NER_NTAGS) and pair scores em2 (n × (NER_NTAGS + 1)
 * × NER_NTAGS: token, previous tag, tag) with m's transitions; invalid BIO moves (I-X after
 * anything but B-X or I-X) are never taken. */
void ner_viterbi(const float trans[NER_NTAGS + 1][NER_NTAGS], const float *em, const float *em2,
		 size_t n, uint8_t *tags, struct ner_work *w);
#define NER_EM2(i, p, t) (((i) * (NER_NTAGS + 1) + (size_t)(p)) * NER_NTAGS + (size_t)(t))
bool ner_bio_allowed(int prev, int tag);

/* Slots of the table a loaded pass's weights go to (at most 3/4 full). */
static inline size_t ner_qtable_slots(size_t nfeat)
{
	size_t n = 64;
	while (n * 3 < nfeat * 4)
		n *= 2;
	return n;
}

/* A key's word in a pass's filter (*word) and the two bits it sets there, from the high half
 * of a product that mixes all the key's bits (qt places keys by their low bits). */
static inline uint64_t ner_filter_bits(size_t fmask, uint32_t key, size_t *word)
{
	uint64_t h = key * 0x9E3779B97F4A7C15ULL;
	*word = (size_t)(h >> 32) & fmask; /* 20 bits at most below the two bits' 12 */
	return 1ULL << (h >> 58) | 1ULL << ((h >> 52) & 63);
}
static inline uint64_t ner_qfilter_bits(const struct ner_model *m, uint32_t key, size_t *word)
{
	return ner_filter_bits(m->qfmask, key, word);
}

/* Whether m is a loaded model (int16 weights in a table), not one in training. */
static inline bool ner_model_loaded(const struct ner_model *m) { return m->qt || m->jt; }

/* This thread's tagging cache (ner_score.c), freed now (the main thread's is not freed by the
 * thread key at exit). */
void ner_tag_cache_free(void);

#endif
