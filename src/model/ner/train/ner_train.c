/* ner_train.c - training the tagger: the features of every training token extracted once,
 * then an averaged structured perceptron (Collins 2002, here) or a linear-chain CRF
 * (ner_crf.c), with first-order transitions and Viterbi decoding.
 *
 * Features are extracted once; those seen fewer than min_count times are left out. Sentences
 * are visited in an order shuffled by a seeded xorshift generator, so the same data and seed
 * give the same model, byte for byte. Averaging uses the usual trick: keep w and the sum of
 * c·Δw, and take w − sum/c at the end. Decoding while training is cost-augmented (a margin
 * for every wrong tag, more for O on an entity token): updates continue until the gold tags
 * win by a margin, which makes the model steadier from one shuffle to the next.
 *
 * With a window, a second model is trained on top (stacking): the same features plus the
 * document classes of ner_doc.c, computed from first-pass tags that models trained on the
 * other folds gave each training sentence, never from the gold tags, so that it learns how
 * far to trust them on new text. */
#include <stdio.h>
#include <stdlib.h>
#include <math.h>
#include <string.h>

#include "ner_trainer.h"
#include "qari/xalloc.h"


static uint64_t ner_train_rand(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

uint32_t ner_train_index(struct ner_trainer *tr, uint32_t key)
{
	uint32_t i = ner_keymap_get(&tr->keys, key);
	if (i != UINT32_MAX)
		return i;
	i = (uint32_t)tr->nkeys++;
	ner_keymap_put(&tr->keys, key, i);
	xgrow(&tr->count, &tr->ccap, tr->nkeys, sizeof *tr->count);
	tr->count[i] = 0;
	return i;
}

/* Each token's word lexicon class from the other folds; the full lexicon into tr->wordlex. */
static uint8_t *ner_train_wordlex(struct ner_trainer *tr, const struct ner_lexicon *lex)
{
	const struct ner_data *d = tr->d;
	size_t ntok = d->sents[tr->nsent];
	uint32_t *keys = xcalloc(ntok + 1, sizeof *keys);
	uint8_t *jack = xcalloc(ntok + 1, 1);
	struct ner_work w = {0};

	for (size_t k = 0; k < tr->nsent; k++) {
		struct ner_sentence s = ner_data_sentence(d, k);
		struct ner_tokinfo *info = w.info;
		ner_work_reserve(&w, s.n);
		info = w.info;
		ner_features_prepare(lex, &s, info);
		for (size_t i = 0; i < s.n; i++)
			keys[d->sents[k] + i] = ner_wordlex_key(&info[i]);
	}
	ner_wordlex_build(d, tr->nsent, keys, jack, &tr->wordlex);
	ner_work_free(&w);
	free(keys);
	return jack;
}

/* Extract the features of every training token once. */
static void ner_train_extract(struct ner_trainer *tr, const struct ner_lexicon *lex)
{
	const struct ner_data *d = tr->d;
	size_t ntok = d->sents[tr->nsent];
	struct ner_work w = {0};
	uint32_t keys[NER_MAX_FEATS];
	uint8_t *jack = ner_train_wordlex(tr, lex);

	tr->foff = xcalloc(ntok + 1, sizeof *tr->foff);
	tr->pairs = xcalloc(ntok * NER_NPAIR + 1, sizeof *tr->pairs);
	ner_keymap_init(&tr->keys, 1 << 20);
	for (size_t k = 0; k < tr->nsent; k++) {
		struct ner_sentence s = ner_data_sentence(d, k);
		struct ner_tokinfo *info;
		ner_work_reserve(&w, s.n);
		info = w.info;
		ner_features_prepare(lex, &s, info);
		for (size_t i = 0; i < s.n; i++) {
			info[i].wlex = jack[d->sents[k] + i];
			if (tr->docs) {
				info[i].docw = tr->docs[d->sents[k] + i][0];
				info[i].docs = tr->docs[d->sents[k] + i][1];
			}
		}
		for (size_t i = 0; i < s.n; i++) {
			size_t nk = ner_features(&s, info, i, keys);
			tr->foff[d->sents[k] + i] = tr->nfeats;
			ner_pair_features(info, i, tr->pairs + (d->sents[k] + i) * NER_NPAIR);
			xgrow(&tr->feats, &tr->fcap, tr->nfeats + nk, sizeof *tr->feats);
			for (size_t f = 0; f < nk; f++) {
				uint32_t ix = ner_train_index(tr, keys[f]);
				tr->count[ix]++;
				tr->feats[tr->nfeats++] = ix;
			}
		}
	}
	tr->foff[ntok] = tr->nfeats;
	ner_work_free(&w);
	free(jack);
}

/* Rare features out: they get index UINT32_MAX and are skipped. */
static void ner_train_prune(struct ner_trainer *tr, unsigned min_count)
{
	uint32_t *remap = xcalloc(tr->nkeys + 1, sizeof *remap);
	uint32_t kept = 0;

	for (size_t i = 0; i < tr->nkeys; i++)
		remap[i] = tr->count[i] >= min_count ? kept++ : UINT32_MAX;
	for (size_t i = 0; i < tr->nfeats; i++)
		tr->feats[i] = remap[tr->feats[i]];
	for (size_t i = 0; i < tr->keys.nslots; i++)
		if (tr->keys.vals[i]) {
			uint32_t r = remap[tr->keys.vals[i] - 1];
			tr->keys.vals[i] = r == UINT32_MAX ? 0 : r + 1;
		}
	/* emptied slots would break probing: rebuild the map from what is left */
	struct ner_keymap m;
	ner_keymap_init(&m, kept);
	for (size_t i = 0; i < tr->keys.nslots; i++)
		if (tr->keys.vals[i])
			ner_keymap_put(&m, tr->keys.keys[i], tr->keys.vals[i] - 1);
	ner_keymap_free(&tr->keys);
	tr->keys = m;
	tr->nkeys = kept;
	free(remap);
}

void ner_trainer_prepare(struct ner_trainer *tr, const struct ner_lexicon *lex, unsigned min_count)
{
	ner_train_extract(tr, lex);
	ner_train_prune(tr, min_count);
}

void ner_trainer_free(struct ner_trainer *tr)
{
	ner_keymap_free(&tr->keys);
	ner_keymap_free(&tr->wordlex);
	free(tr->count);
	free(tr->feats);
	free(tr->foff);
	free(tr->pairs);
	free(tr->w);
	free(tr->wa);
}

/* Row of a feature's weights, made (zero) on its first update: pair features come into
 * being only where the perceptron moves them. */
static size_t ner_train_row(struct ner_trainer *tr, uint32_t key)
{
	uint32_t ix = ner_train_index(tr, key);
	if (tr->nkeys > tr->wcap) {
		size_t old = tr->wcap * NER_NTAGS, rows = tr->nkeys * 2, all = rows * NER_NTAGS + 1;
		tr->w = xreallocarray(tr->w, all, sizeof *tr->w);
		tr->wa = xreallocarray(tr->wa, all, sizeof *tr->wa);
		memset(tr->w + old, 0, (all - old) * sizeof *tr->w);
		memset(tr->wa + old, 0, (all - old) * sizeof *tr->wa);
		tr->wcap = rows;
	}
	return (size_t)ix * NER_NTAGS;
}

static void ner_train_add_row(const struct ner_trainer *tr, uint32_t ix, float *e)
{
	const double *wr = tr->w + (size_t)ix * NER_NTAGS;
	for (int t = 0; t < NER_NTAGS; t++)
		e[t] += (float)wr[t];
}

static void ner_train_emissions(const struct ner_trainer *tr, size_t tok0, size_t n, float *em,
				float *em2)
{
	for (size_t i = 0; i < n; i++) {
		float *e = em + i * NER_NTAGS;
		memset(e, 0, NER_NTAGS * sizeof *e);
		for (size_t f = tr->foff[tok0 + i]; f < tr->foff[tok0 + i + 1]; f++)
			if (tr->feats[f] != UINT32_MAX)
				ner_train_add_row(tr, tr->feats[f], e);
		for (int p = 0; p <= NER_NTAGS; p++) {
			e = em2 + NER_EM2(i, p, 0);
			memset(e, 0, NER_NTAGS * sizeof *e);
			if ((i == 0) != (p == NER_NTAGS))
				continue;
			for (int f = 0; f < NER_NPAIR; f++) {
				uint32_t key = ner_pair_key(tr->pairs[(tok0 + i) * NER_NPAIR + f], p);
				uint32_t ix = ner_keymap_get(&tr->keys, key);
				if (ix != UINT32_MAX)
					ner_train_add_row(tr, ix, e);
			}
		}
	}
}

static void ner_train_bump(struct ner_trainer *tr, size_t tok, int tag, double delta)
{
	for (size_t f = tr->foff[tok]; f < tr->foff[tok + 1]; f++) {
		if (tr->feats[f] == UINT32_MAX)
			continue;
		size_t at = (size_t)tr->feats[f] * NER_NTAGS + (size_t)tag;
		tr->w[at] += delta;
		tr->wa[at] += tr->c * delta;
	}
}

static void ner_train_bump_pairs(struct ner_trainer *tr, size_t tok, int prev, int tag, double delta)
{
	for (int f = 0; f < NER_NPAIR; f++) {
		size_t at = ner_train_row(tr, ner_pair_key(tr->pairs[tok * NER_NPAIR + f], prev)) + (size_t)tag;
		tr->w[at] += delta;
		tr->wa[at] += tr->c * delta;
	}
}

static void ner_train_bump_trans(struct ner_trainer *tr, int prev, int tag, double delta)
{
	tr->trans[prev][tag] += delta;
	tr->transa[prev][tag] += tr->c * delta;
}

/* Cost-augmented decoding: every wrong tag scores margin more, so that the weights move until
 * the gold tags win by a margin, not merely win; predicting O for an entity token costs more
 * (miss_cost times), as the tagger under-predicts entities. */
static void ner_train_cost(const struct ner_trainer *tr, const uint8_t *gold, size_t n, float *em)
{
	for (size_t i = 0; tr->margin != 0 && i < n; i++)
		for (int t = 0; t < NER_NTAGS; t++)
			if (t != gold[i])
				em[i * NER_NTAGS + (size_t)t] += gold[i] && t == 0 ? tr->margin * tr->miss_cost : tr->margin;
}

/* One sentence: decode, and where the guess differs from the gold, move the weights. */
static void ner_train_sentence(struct ner_trainer *tr, size_t k, struct ner_work *w, uint8_t *pred)
{
	const struct ner_data *d = tr->d;
	size_t tok0 = d->sents[k], n = d->sents[k + 1] - tok0;
	const uint8_t *gold = d->gold + tok0;

	ner_work_reserve(w, n);
	ner_train_emissions(tr, tok0, n, w->em, w->em2);
	ner_train_cost(tr, gold, n, w->em);
	for (int p = 0; p <= NER_NTAGS; p++)
		for (int t = 0; t < NER_NTAGS; t++)
			tr->ftrans[p][t] = (float)tr->trans[p][t];
	ner_viterbi(tr->ftrans, w->em, w->em2, n, pred, w);
	for (size_t i = 0; i < n; i++) {
		int gp = i ? gold[i - 1] : NER_NTAGS, pp = i ? pred[i - 1] : NER_NTAGS;
		if (gold[i] != pred[i]) {
			ner_train_bump(tr, tok0 + i, gold[i], 1);
			ner_train_bump(tr, tok0 + i, pred[i], -1);
		}
		if (gp != pp || gold[i] != pred[i]) {
			ner_train_bump_trans(tr, gp, gold[i], 1);
			ner_train_bump_trans(tr, pp, pred[i], -1);
			ner_train_bump_pairs(tr, tok0 + i, gp, gold[i], 1);
			ner_train_bump_pairs(tr, tok0 + i, pp, pred[i], -1);
		}
	}
	tr->c += 1;
}

/* The averaged weights as a model: features whose weights all lie within ±tr->keep_above
 * (zero: all average to zero) are left out. */
static struct ner_model *ner_train_model(const struct ner_trainer *tr, const struct ner_lexicon *lex)
{
	struct ner_model *m = xcalloc(1, sizeof *m);
	size_t rows = 0;

	m->lex = lex;
	m->w = xcalloc(tr->nkeys * NER_NTAGS + 1, sizeof *m->w);
	ner_keymap_init(&m->map, tr->nkeys);
	for (size_t i = 0; i < tr->keys.nslots; i++) {
		uint32_t ix;
		bool any = false;
		if (tr->keys.vals[i] == 0)
			continue;
		ix = tr->keys.vals[i] - 1;
		for (int t = 0; t < NER_NTAGS; t++) {
			size_t at = (size_t)ix * NER_NTAGS + (size_t)t;
			float v = (float)(tr->w[at] - tr->wa[at] / tr->c);
			m->w[rows * NER_NTAGS + (size_t)t] = v;
			any |= fabsf(v) > tr->keep_above;
		}
		if (any)
			ner_keymap_put(&m->map, tr->keys.keys[i], (uint32_t)rows++);
	}
	m->nfeat = (uint32_t)rows;
	ner_keymap_init(&m->wordlex, tr->wordlex.n);
	for (size_t i = 0; i < tr->wordlex.nslots; i++)
		if (tr->wordlex.vals[i])
			ner_keymap_put(&m->wordlex, tr->wordlex.keys[i], tr->wordlex.vals[i] - 1);
	for (int p = 0; p <= NER_NTAGS; p++)
		for (int t = 0; t < NER_NTAGS; t++)
			m->trans[p][t] = (float)(tr->trans[p][t] - tr->transa[p][t] / tr->c);
	return m;
}

static void ner_train_report(const struct ner_trainer *tr, const struct ner_lexicon *lex,
			     const struct ner_data *dev, unsigned epoch)
{
	struct ner_model *m = ner_train_model(tr, lex);
	struct ner_score s = {0};
	double p, r, f;

	ner_evaluate(m, dev, 0, dev->nsents, &s);
	ner_score_prf(&s, NER_NONE, &p, &r, &f);
	fprintf(stderr, "epoch %u: dev P %.2f R %.2f F1 %.2f\n", epoch, p, r, f);
	ner_model_free(m);
}

/* The perceptron's epochs over a prepared trainer, sentences shuffled from seed: averaged
 * weights in w − wa/c. */
static void ner_train_epochs(struct ner_trainer *tr, const struct ner_data *dev,
			     const struct ner_lexicon *lex, const struct ner_train_opts *o, uint64_t seed)
{
	struct ner_work w = {0};
	size_t *order = xcalloc(tr->nsent + 1, sizeof *order);
	uint8_t *pred = xcalloc(tr->d->n + 1, 1);
	uint64_t rng = seed ? seed : 0x9E3779B97F4A7C15ULL;

	for (size_t k = 0; k < tr->nsent; k++)
		order[k] = k;
	for (unsigned e = 1; e <= o->epochs; e++) {
		for (size_t k = tr->nsent; k > 1; k--) {
			size_t j = (size_t)(ner_train_rand(&rng) % k), t = order[k - 1];
			order[k - 1] = order[j];
			order[j] = t;
		}
		for (size_t k = 0; k < tr->nsent; k++)
			ner_train_sentence(tr, order[k], &w, pred);
		if (o->verbose && dev && tr->docs == NULL)
			ner_train_report(tr, lex, dev, e);
	}
	ner_work_free(&w);
	free(order);
	free(pred);
}

/* Weights, sums and transitions back to zero for another run over the same features. */
static void ner_train_restart(struct ner_trainer *tr)
{
	memset(tr->w, 0, (tr->wcap * NER_NTAGS + 1) * sizeof *tr->w);
	memset(tr->wa, 0, (tr->wcap * NER_NTAGS + 1) * sizeof *tr->wa);
	memset(tr->trans, 0, sizeof tr->trans);
	memset(tr->transa, 0, sizeof tr->transa);
	tr->c = 1;
}

/* Add the averaged weights of the run just done to sum (grown to tr->wcap rows, *scap). */
static void ner_train_accumulate(const struct ner_trainer *tr, double **sum, size_t *scap,
				 double tsum[NER_NTAGS + 1][NER_NTAGS])
{
	size_t all = tr->wcap * NER_NTAGS + 1;
	if (*scap < all) {
		*sum = xreallocarray(*sum, all, sizeof **sum);
		memset(*sum + *scap, 0, (all - *scap) * sizeof **sum);
		*scap = all;
	}
	for (size_t i = 0; i < tr->nkeys * NER_NTAGS; i++)
		(*sum)[i] += tr->w[i] - tr->wa[i] / tr->c;
	for (int p = 0; p <= NER_NTAGS; p++)
		for (int t = 0; t < NER_NTAGS; t++)
			tsum[p][t] += tr->trans[p][t] - tr->transa[p][t] / tr->c;
}

/* The perceptron over a prepared trainer: o->shuffles runs, each on its own shuffling order,
 * whose averaged weights are averaged in turn (the union of their features); one run is the
 * plain averaged perceptron. The result is left in w with wa zero and c one. */
static void ner_train_perceptron(struct ner_trainer *tr, const struct ner_data *dev,
				 const struct ner_lexicon *lex, const struct ner_train_opts *o)
{
	unsigned runs = o->shuffles > 1 ? o->shuffles : 1;
	double tsum[NER_NTAGS + 1][NER_NTAGS] = {{0}}, *sum = NULL;
	size_t scap = 0;

	tr->wcap = tr->nkeys;
	tr->w = xcalloc(tr->wcap * NER_NTAGS + 1, sizeof *tr->w);
	tr->wa = xcalloc(tr->wcap * NER_NTAGS + 1, sizeof *tr->wa);
	if (runs == 1) {
		ner_train_epochs(tr, dev, lex, o, o->seed);
		return;
	}
	for (unsigned r = 0; r < runs; r++) {
		ner_train_restart(tr);
		ner_train_epochs(tr, dev, lex, o, o->seed + r * NER_TRAIN_SEED_STEP);
		ner_train_accumulate(tr, &sum, &scap, tsum);
	}
	ner_train_restart(tr);
	for (size_t i = 0; i < tr->nkeys * NER_NTAGS; i++)
		tr->w[i] = sum[i] / runs;
	for (int p = 0; p <= NER_NTAGS; p++)
		for (int t = 0; t < NER_NTAGS; t++)
			tr->trans[p][t] = tsum[p][t] / runs;
	free(sum);
}

static struct ner_model *ner_train_run(const struct ner_data *train, size_t ntrain, const struct ner_data *dev,
			    const struct ner_lexicon *lex, const struct ner_train_opts *o,
			    const uint8_t (*docs)[2])
{
	struct ner_trainer tr = {.d = train, .nsent = ntrain, .c = 1, .docs = docs,
				 .margin = o->margin, .miss_cost = o->miss_cost, .keep_above = o->keep_above};
	struct ner_model *m;

	ner_trainer_prepare(&tr, lex, o->min_count);
	if (o->method == NER_TRAIN_CRF)
		ner_crf_fit(&tr, o);
	else
		ner_train_perceptron(&tr, dev, lex, o);
	m = ner_train_model(&tr, lex);
	ner_trainer_free(&tr);
	return m;
}

/* Lower every O score by delta: folded into the transitions into O. */
static void ner_train_o_bias(struct ner_model *m, float delta)
{
	for (int p = 0; p <= NER_NTAGS; p++)
		m->trans[p][0] -= delta;
}

/* F1 of m on sentences [from, to) of d (with the second pass's classes docs, if any). */
static double ner_train_f1(const struct ner_model *m, const struct ner_data *d, size_t from, size_t to,
			   const uint8_t (*docs)[2])
{
	uint8_t *tags = xcalloc(d->n + 1, 1);
	struct ner_score s = {0};
	double p, r, f;

	ner_tag_data(m, d, from, to, docs, tags);
	for (size_t k = from; k < to; k++)
		ner_score_add(&s, d->gold + d->sents[k], tags + d->sents[k], d->sents[k + 1] - d->sents[k]);
	ner_score_prf(&s, NER_NONE, &p, &r, &f);
	free(tags);
	return f;
}

/* The perceptron under-predicts entities (precision well above recall): pick the O penalty
 * that maximises F1 on the last tenth of the training sentences, with a model trained on the
 * other nine tenths. The development data plays no part. */
static float ner_train_tune_bias(const struct ner_data *train, size_t ntrain,
				 const struct ner_lexicon *lex, const struct ner_train_opts *o,
				 const uint8_t (*docs)[2])
{
	/* a perceptron's weights are counts of mistakes, a CRF's log-odds: two scales */
	static const float perceptron_grid[] = {0, 5, 10, 15, 20, 25, 30, 40, 50, 60};
	static const float crf_grid[] = {0, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 2, 2.5, 3};
	const float *grid = o->method == NER_TRAIN_CRF ? crf_grid : perceptron_grid;
	struct ner_train_opts quiet = *o;
	size_t cut = ntrain - ntrain / 10;
	struct ner_model *m;
	float best = 0, bestf = -1;

	quiet.verbose = false;
	m = ner_train_run(train, cut, NULL, lex, &quiet, docs);
	_Static_assert(sizeof perceptron_grid == sizeof crf_grid, "one length");
	for (size_t i = 0; i < sizeof crf_grid / sizeof *crf_grid; i++) {
		double f;
		ner_train_o_bias(m, grid[i] - (i ? grid[i - 1] : 0));
		f = ner_train_f1(m, train, cut, ntrain, docs);
		if (o->verbose)
			fprintf(stderr, "O penalty %g: held-out train F1 %.2f\n", (double)grid[i], f);
		if (f > bestf)
			bestf = (float)f, best = grid[i];
	}
	ner_model_free(m);
	if (o->verbose)
		fprintf(stderr, "O penalty chosen %g: held-out train F1 %.2f\n", (double)best, (double)bestf);
	return best;
}

#define NER_STACK_FOLDS 5

/* The first pass's tags of every training token from a model trained on the other folds
 * (contiguous blocks), as the second pass will see them on new text, never the gold tags;
 * then each token's document classes. */
static uint8_t (*ner_train_stack_docs(const struct ner_data *train, size_t ntrain,
				      const struct ner_lexicon *lex, const struct ner_train_opts *o,
				      float delta))[2]
{
	size_t ntok = train->sents[ntrain];
	uint8_t *tag1 = xcalloc(ntok + 1, 1), (*docs)[2] = xcalloc(ntok + 1, sizeof *docs);
	struct ner_tokinfo *info = xcalloc(ntok + 1, sizeof *info);
	struct ner_train_opts quiet = *o;

	quiet.verbose = false;
	for (unsigned f = 0; f < NER_STACK_FOLDS; f++) {
		size_t from = ntrain * f / NER_STACK_FOLDS, to = ntrain * (f + 1) / NER_STACK_FOLDS;
		struct ner_data rest;
		struct ner_model *m;
		if (from == to)
			continue;
		ner_data_select(train, from, to, false, &rest);
		m = ner_train_run(&rest, rest.nsents, NULL, lex, &quiet, NULL);
		ner_train_o_bias(m, delta);
		ner_tag_data(m, train, from, to, NULL, tag1);
		ner_model_free(m);
		ner_data_free(&rest);
	}
	for (size_t k = 0; k < ntrain; k++) {
		struct ner_sentence s = ner_data_sentence(train, k);
		ner_features_prepare(lex, &s, info + train->sents[k]);
	}
	ner_doc_classes(info, tag1, train->sents, ntrain, o->window);
	for (size_t t = 0; t < ntok; t++)
		docs[t][0] = info[t].docw, docs[t][1] = info[t].docs;
	free(info);
	free(tag1);
	return docs;
}

struct ner_model *ner_train(const struct ner_data *train, size_t ntrain, const struct ner_data *dev,
			    const struct ner_lexicon *lex, const struct ner_train_opts *o)
{
	float delta = ntrain >= 20 ? ner_train_tune_bias(train, ntrain, lex, o, NULL) : 0;
	struct ner_model *m = ner_train_run(train, ntrain, dev, lex, o, NULL);
	uint8_t (*docs)[2];

	ner_train_o_bias(m, delta);
	if (o->window == 0 || ntrain < 2 * NER_STACK_FOLDS)
		return m;
	docs = ner_train_stack_docs(train, ntrain, lex, o, delta);
	delta = ntrain >= 20 ? ner_train_tune_bias(train, ntrain, lex, o, docs) : 0;
	m->stack = ner_train_run(train, ntrain, NULL, lex, o, docs);
	ner_train_o_bias(m->stack, delta);
	ner_keymap_free(&m->stack->wordlex); /* the first pass's serves both */
	m->window = o->window;
	free(docs);
	if (o->verbose && dev) {
		struct ner_score s = {0};
		double p, r, f;
		ner_evaluate(m, dev, 0, dev->nsents, &s);
		ner_score_prf(&s, NER_NONE, &p, &r, &f);
		fprintf(stderr, "two passes: dev P %.2f R %.2f F1 %.2f\n", p, r, f);
	}
	return m;
}
