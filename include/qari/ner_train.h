/* ner_train.h - training the entity tagger: the library qari_ner_train (src/model/ner/train/),
 * linked into qari-train and the tests only, so that the reader carries neither the trainers
 * nor liblbfgs. qari runs qari-train for train-ner, ner-split and ner-clusters.
 *
 * Files (src/model/ner/train/):
 *   ner_train.c          averaged structured perceptron, large-margin (cost-augmented
 *                        decoding), deterministic for a given seed; the second pass trained
 *                        on first-pass tags of models trained on the other folds
 *   ner_crf.c            linear-chain CRF, maximum likelihood by L-BFGS (liblbfgs)
 *   ner_wordlex_build.c  the word lexicon counted, jackknifed over folds
 *   ner_split.c          the development split, and sentences taken out of a data set
 *   ner_save.c           a trained model written as the model file (ner_file.c reads it)
 *   ner_clusters.c       word clusters from unlabelled text (qari ner-clusters) */
#ifndef QARI_NER_TRAIN_H
#define QARI_NER_TRAIN_H

#include "qari/ner.h"

/* The development split: the first sentence of the last dev_fraction of the tokens (the cut
 * falls at a sentence end). Train on sentences [0, cut), evaluate on [cut, nsents). */
size_t ner_data_split(const struct ner_data *d, double dev_fraction);

enum ner_train_method {
	NER_TRAIN_PERCEPTRON, /* averaged, cost-augmented structured perceptron (ner_train.c) */
	NER_TRAIN_CRF,        /* linear-chain CRF, maximum likelihood (ner_crf.c) */
};

#define NER_TRAIN_SEED_STEP 0x9E3779B97F4A7C15ULL /* between the seeds of shuffles */

struct ner_train_opts {
	enum ner_train_method method;
	double c1, c2;      /* CRF: L1 and L2 penalties (c1 |w|₁ + c2 |w|²) */
	unsigned max_iter;  /* CRF: L-BFGS iterations at most */
	unsigned epochs;    /* perceptron: passes over the training sentences */
	unsigned shuffles;  /* perceptron: runs on differently shuffled orders (seeds seed,
			       seed + NER_TRAIN_SEED_STEP, ...), their averaged weights averaged
			       (0 or 1: one run) */
	uint64_t seed;      /* shuffling order: same seed, same model */
	unsigned min_count; /* features seen fewer times are left out of the model */
	float margin;       /* while training, wrong tags score this much more (a large-margin
			       perceptron), and O for an entity token miss_cost times more */
	float miss_cost;
	float keep_above;   /* the model leaves out features whose weights all lie within ± this
			       (0: only those all zero) */
	unsigned window;    /* second pass over documents of ±window sentences; 0: one pass */
	bool verbose;       /* dev F1 after each epoch on stderr */
};
/* Train on sentences [0, ntrain) of train; dev (may be NULL) is only reported on. */
struct ner_model *ner_train(const struct ner_data *train, size_t ntrain, const struct ner_data *dev,
			    const struct ner_lexicon *lex, const struct ner_train_opts *o);

/* Write a model (trained, or loaded) as the model file. Errors come back in *error,
 * allocated (caller frees). */
bool ner_model_save(const struct ner_model *m, const char *path, char **error);

/* Word clusters from unlabelled text (ner_clusters.c), the tagger's clusters.txt. */
struct ner_clusters_opts {
	unsigned min_count; /* words seen fewer times are left out */
	unsigned contexts;  /* the most frequent tokens that describe a word's neighbours */
	unsigned window;    /* neighbours up to this far either side, each distance apart */
	unsigned levels[NER_CLUSTER_LEVELS]; /* clusters of words, groups of them, groups of
						those...; 0: no more levels */
	unsigned max_iter;  /* k-means rounds at most */
	uint64_t seed;
	bool verbose;       /* progress on stderr */
};
/* Cluster the words of the text files paths[0..npaths) (UTF-8; a blank line ends a
 * paragraph) and write "word<TAB>cluster<TAB>group..." lines to out, most frequent word
 * first. */
bool ner_clusters_build(char *const *paths, size_t npaths, const struct ner_clusters_opts *o,
			const char *out, char **error);

#endif
