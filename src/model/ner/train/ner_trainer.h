/* ner_trainer.h - what the two training methods share (ner_train.c: the averaged perceptron;
 * ner_crf.c: the linear-chain CRF): every training token's features, extracted once. */
#ifndef QARI_NER_TRAINER_H
#define QARI_NER_TRAINER_H

#include "../ner_model.h"
#include "qari/ner_train.h"

struct ner_trainer {
	const struct ner_data *d;
	size_t nsent;
	struct ner_keymap keys; /* feature key → index */
	uint32_t *count;        /* index → occurrences */
	size_t nkeys, ccap;
	uint32_t *feats;        /* every token's feature indices, back to back */
	size_t *foff;           /* token → start in feats; foff[n] = end */
	size_t nfeats, fcap;
	uint32_t *pairs;        /* token → its NER_NPAIR pair feature keys (before the tag) */
	struct ner_keymap wordlex; /* the word lexicon of all the training sentences */
	const uint8_t (*docs)[2]; /* second pass: each token's document classes (word, stem) */
	float margin, miss_cost; /* cost-augmented decoding (ner_train_opts) */
	float keep_above;       /* the model keeps features with a weight beyond ± this */
	double *w, *wa;         /* weights and averaging sums, nkeys × NER_NTAGS (double: the
				   sums reach c ≈ 10^5 times a weight) */
	double trans[NER_NTAGS + 1][NER_NTAGS], transa[NER_NTAGS + 1][NER_NTAGS];
	float ftrans[NER_NTAGS + 1][NER_NTAGS]; /* trans as the decoder takes it */
	size_t wcap;            /* rows allocated in w and wa */
	double c;               /* sentences seen so far + 1 */
};

/* Index of a feature key, made on its first sight. */
uint32_t ner_train_index(struct ner_trainer *tr, uint32_t key);

/* Extract every training token's features (with their document classes when tr->docs is
 * set), then leave out those seen fewer than min_count times. */
void ner_trainer_prepare(struct ner_trainer *tr, const struct ner_lexicon *lex, unsigned min_count);
void ner_trainer_free(struct ner_trainer *tr);

/* The CRF's objective over a prepared trainer's sentences: weights x (ner_crf_nweights of
 * them: every feature row of NER_NTAGS, then the transitions [previous tag or start][tag]). */
struct ner_crf;
struct ner_crf *ner_crf_new(struct ner_trainer *tr, double c2);
size_t ner_crf_nweights(const struct ner_crf *crf);
/* Negative log-likelihood of the gold tags plus c2 |x|², and its gradient into g. */
double ner_crf_loss(struct ner_crf *crf, const double *x, double *g);
void ner_crf_free(struct ner_crf *crf);

/* Fit tr->w and tr->trans by maximum likelihood (L-BFGS, or OWL-QN with an L1 term), from
 * the features extracted and pruned (w and wa not yet made, transa zero, c one): wa is made
 * zero, so that the model made of them is w itself. */
void ner_crf_fit(struct ner_trainer *tr, const struct ner_train_opts *o);

/* Sentences [from, to) of d (keep), or all the others (!keep), as a data set of their own. */
void ner_data_select(const struct ner_data *d, size_t from, size_t to, bool keep,
		     struct ner_data *out);

/* From the gold tags of sentences [0, nsent) of d and each token's word key: jack[i], the
 * class of token i's word counted on the other folds, and full, the classes over all of d. */
void ner_wordlex_build(const struct ner_data *d, size_t nsent, const uint32_t *keys,
		       uint8_t *jack, struct ner_keymap *full);

#endif
