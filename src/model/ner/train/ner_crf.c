/* ner_crf.c - a linear-chain CRF (Lafferty et al. 2001) over the perceptron's features: the
 * same emission, pair and transition weights, fitted by maximising the conditional
 * log-likelihood of the gold tags with L-BFGS (liblbfgs; OWL-QN when there is an L1 term)
 * instead of by mistakes one sentence at a time. The model it makes is decoded by the same
 * Viterbi as the perceptron's, so nothing changes at run time.
 *
 * The likelihood is computed by forward-backward in probability space, each position scaled
 * to sum to one (its exponents shifted by their maximum first), which keeps it finite on long
 * sentences without a logarithm per cell. Training allows every tag after every tag; the
 * decoder's BIO rule removes the invalid moves, which the gold tags teach to score low.
 *
 * The sentences are cut into NER_CRF_PARTS fixed parts, each summed on its own thread into
 * its own gradient, and the parts added in order: the same data gives the same model, byte
 * for byte, on any number of cores. */
#include <lbfgs.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ner_trainer.h"
#include "qari/xalloc.h"

#define NER_CRF_PARTS 2
#define NER_CRF_NPREV (NER_NTAGS + 1) /* previous tags, and the sentence start */
#define NER_CRF_TRANS (NER_CRF_NPREV * NER_NTAGS)

struct ner_crf;

/* What one part needs while summing: its sentences, its gradient, its scratch. */
struct ner_crf_part {
	const struct ner_crf *crf;
	const double *x;
	double *g;
	double f;
	size_t from, to;                 /* sentences */
	double *em, *edge, *alpha, *beta, *scale; /* per token: NER_NTAGS, NER_CRF_TRANS, ... */
	size_t cap;
};

struct ner_crf {
	struct ner_trainer *tr;
	size_t nw;     /* feature weights (emission and pair rows): nkeys × NER_NTAGS; then the
			  transitions: NER_CRF_TRANS */
	uint32_t *pix; /* token × NER_CRF_NPREV → row of its pair feature under that previous
			  tag, UINT32_MAX when none */
	size_t n;      /* all weights: nw + NER_CRF_TRANS */
	double c2;     /* L2 penalty: c2 × |w|² */
	bool verbose;
	struct ner_crf_part parts[NER_CRF_PARTS];
};


/* Pair feature rows of every token under each previous tag (made now, zero): the perceptron
 * makes them as it moves them, the likelihood needs them all. */
static uint32_t *ner_crf_pair_rows(struct ner_trainer *tr)
{
	size_t ntok = tr->d->sents[tr->nsent];
	uint32_t *pix = xcalloc(ntok * NER_CRF_NPREV + 1, sizeof *pix);

	for (size_t i = 0; i < ntok; i++)
		for (int p = 0; p < NER_CRF_NPREV; p++) {
			uint32_t row = UINT32_MAX;
			for (int f = 0; f < NER_NPAIR; f++) /* NER_NPAIR is 1: one row */
				row = ner_train_index(tr, ner_pair_key(tr->pairs[i * NER_NPAIR + f], p));
			pix[i * NER_CRF_NPREV + (size_t)p] = row;
		}
	return pix;
}

static void ner_crf_reserve(struct ner_crf_part *pt, size_t n)
{
	if (n <= pt->cap)
		return;
	pt->cap = n * 2;
	pt->em = xreallocarray(pt->em, pt->cap, NER_NTAGS * sizeof *pt->em);
	pt->edge = xreallocarray(pt->edge, pt->cap, NER_CRF_TRANS * sizeof *pt->edge);
	pt->alpha = xreallocarray(pt->alpha, pt->cap, NER_NTAGS * sizeof *pt->alpha);
	pt->beta = xreallocarray(pt->beta, pt->cap, NER_NTAGS * sizeof *pt->beta);
	pt->scale = xreallocarray(pt->scale, pt->cap, sizeof *pt->scale);
}

/* Log-potentials of sentence [tok0, tok0 + n): em (token, tag) and edge (token, previous
 * tag, tag: transition plus pair feature; only the start row at the first token). */
static void ner_crf_potentials(const struct ner_crf_part *pt, size_t tok0, size_t n)
{
	const struct ner_trainer *tr = pt->crf->tr;
	const double *x = pt->x, *trans = x + pt->crf->nw;

	for (size_t i = 0; i < n; i++) {
		double *e = pt->em + i * NER_NTAGS, *ed = pt->edge + i * NER_CRF_TRANS;
		memset(e, 0, NER_NTAGS * sizeof *e);
		for (size_t f = tr->foff[tok0 + i]; f < tr->foff[tok0 + i + 1]; f++) {
			const double *row;
			if (tr->feats[f] == UINT32_MAX)
				continue;
			row = x + (size_t)tr->feats[f] * NER_NTAGS;
			for (int t = 0; t < NER_NTAGS; t++)
				e[t] += row[t];
		}
		for (int p = 0; p < NER_CRF_NPREV; p++) {
			uint32_t r = pt->crf->pix[(tok0 + i) * NER_CRF_NPREV + (size_t)p];
			for (int t = 0; t < NER_NTAGS; t++)
				ed[p * NER_NTAGS + t] = trans[p * NER_NTAGS + t] +
							(r == UINT32_MAX ? 0 : x[(size_t)r * NER_NTAGS + (size_t)t]);
		}
	}
}

/* Turn edge (log) into exp(edge + em − max) in place, for the moves allowed at token i. */
static void ner_crf_exp(struct ner_crf_part *pt, size_t i)
{
	double *ed = pt->edge + i * NER_CRF_TRANS;
	const double *e = pt->em + i * NER_NTAGS;
	int p0 = i == 0 ? NER_NTAGS : 0, p1 = i == 0 ? NER_CRF_NPREV : NER_NTAGS;
	double top = -INFINITY;

	for (int p = p0; p < p1; p++)
		for (int t = 0; t < NER_NTAGS; t++)
			if (ed[p * NER_NTAGS + t] + e[t] > top)
				top = ed[p * NER_NTAGS + t] + e[t];
	for (int p = 0; p < NER_CRF_NPREV; p++)
		for (int t = 0; t < NER_NTAGS; t++)
			ed[p * NER_NTAGS + t] = p >= p0 && p < p1 ? exp(ed[p * NER_NTAGS + t] + e[t] - top) : 0;
	pt->scale[i] = top; /* the shift, until the forward pass adds its sum */
}

/* Forward and backward, scaled; returns log Z. */
static double ner_crf_forward_backward(struct ner_crf_part *pt, size_t n)
{
	double logz = 0;

	for (size_t i = 0; i < n; i++) {
		const double *m = pt->edge + i * NER_CRF_TRANS;
		double *a = pt->alpha + i * NER_NTAGS, sum = 0;
		for (int t = 0; t < NER_NTAGS; t++) {
			double v = 0;
			if (i == 0)
				v = m[NER_NTAGS * NER_NTAGS + t];
			else
				for (int p = 0; p < NER_NTAGS; p++)
					v += pt->alpha[(i - 1) * NER_NTAGS + (size_t)p] * m[p * NER_NTAGS + t];
			a[t] = v;
			sum += v;
		}
		for (int t = 0; t < NER_NTAGS; t++)
			a[t] /= sum;
		logz += pt->scale[i] + log(sum);
		pt->scale[i] = sum;
	}
	for (int t = 0; t < NER_NTAGS; t++)
		pt->beta[(n - 1) * NER_NTAGS + (size_t)t] = 1;
	for (size_t i = n - 1; i > 0; i--) {
		const double *m = pt->edge + i * NER_CRF_TRANS, *b = pt->beta + i * NER_NTAGS;
		for (int p = 0; p < NER_NTAGS; p++) {
			double v = 0;
			for (int t = 0; t < NER_NTAGS; t++)
				v += m[p * NER_NTAGS + t] * b[t];
			pt->beta[(i - 1) * NER_NTAGS + (size_t)p] = v / pt->scale[i];
		}
	}
	return logz;
}

/* The gold tags' log-potential. */
static double ner_crf_gold_score(const struct ner_crf_part *pt, const uint8_t *gold, size_t n)
{
	double s = 0;
	for (size_t i = 0; i < n; i++) {
		int p = i ? gold[i - 1] : NER_NTAGS;
		s += pt->em[i * NER_NTAGS + gold[i]] + pt->edge[i * NER_CRF_TRANS + (size_t)p * NER_NTAGS + gold[i]];
	}
	return s;
}

/* Add expected minus gold counts of the sentence's features to the gradient. */
static void ner_crf_gradient(struct ner_crf_part *pt, size_t tok0, const uint8_t *gold, size_t n)
{
	const struct ner_trainer *tr = pt->crf->tr;
	double *g = pt->g, *gt = pt->g + pt->crf->nw;

	for (size_t i = 0; i < n; i++) {
		const double *a = pt->alpha + i * NER_NTAGS, *b = pt->beta + i * NER_NTAGS;
		const double *m = pt->edge + i * NER_CRF_TRANS;
		double mu[NER_NTAGS];
		int p0 = i == 0 ? NER_NTAGS : 0, p1 = i == 0 ? NER_CRF_NPREV : NER_NTAGS;
		int gp = i ? gold[i - 1] : NER_NTAGS;
		for (int t = 0; t < NER_NTAGS; t++)
			mu[t] = a[t] * b[t] - (t == gold[i]);
		for (size_t f = tr->foff[tok0 + i]; f < tr->foff[tok0 + i + 1]; f++) {
			if (tr->feats[f] == UINT32_MAX)
				continue;
			double *row = g + (size_t)tr->feats[f] * NER_NTAGS;
			for (int t = 0; t < NER_NTAGS; t++)
				row[t] += mu[t];
		}
		for (int p = p0; p < p1; p++) {
			uint32_t r = pt->crf->pix[(tok0 + i) * NER_CRF_NPREV + (size_t)p];
			double prev = i == 0 ? 1 : pt->alpha[(i - 1) * NER_NTAGS + (size_t)p];
			for (int t = 0; t < NER_NTAGS; t++) {
				double xi = prev * m[p * NER_NTAGS + t] * b[t] / pt->scale[i] -
					    (p == gp && t == gold[i]);
				gt[p * NER_NTAGS + t] += xi;
				if (r != UINT32_MAX)
					g[(size_t)r * NER_NTAGS + (size_t)t] += xi;
			}
		}
	}
}

/* Negative log-likelihood of the part's sentences into pt->f, its gradient into pt->g. */
static void *ner_crf_part_run(void *arg)
{
	struct ner_crf_part *pt = arg;
	const struct ner_data *d = pt->crf->tr->d;
	size_t n = pt->crf->nw + NER_CRF_TRANS;

	memset(pt->g, 0, n * sizeof *pt->g);
	pt->f = 0;
	for (size_t k = pt->from; k < pt->to; k++) {
		size_t tok0 = d->sents[k], len = d->sents[k + 1] - tok0;
		double gold;
		if (len == 0)
			continue;
		ner_crf_reserve(pt, len);
		ner_crf_potentials(pt, tok0, len);
		gold = ner_crf_gold_score(pt, d->gold + tok0, len);
		for (size_t i = 0; i < len; i++)
			ner_crf_exp(pt, i);
		pt->f += ner_crf_forward_backward(pt, len) - gold;
		ner_crf_gradient(pt, tok0, d->gold + tok0, len);
	}
	return NULL;
}

double ner_crf_loss(struct ner_crf *crf, const double *x, double *g)
{
	pthread_t th[NER_CRF_PARTS];
	double f = 0;

	for (int k = 0; k < NER_CRF_PARTS; k++) {
		crf->parts[k].x = x;
		if (k > 0 && pthread_create(&th[k], NULL, ner_crf_part_run, &crf->parts[k]) != 0)
			fatal("cannot start a training thread");
	}
	ner_crf_part_run(&crf->parts[0]);
	for (int k = 1; k < NER_CRF_PARTS; k++)
		pthread_join(th[k], NULL);
	for (size_t i = 0; i < crf->n; i++) {
		double s = 0;
		for (int k = 0; k < NER_CRF_PARTS; k++)
			s += crf->parts[k].g[i];
		g[i] = s + 2 * crf->c2 * x[i];
		f += crf->c2 * x[i] * x[i];
	}
	for (int k = 0; k < NER_CRF_PARTS; k++)
		f += crf->parts[k].f;
	return f;
}

static lbfgsfloatval_t ner_crf_evaluate(void *inst, const lbfgsfloatval_t *x, lbfgsfloatval_t *g,
					const int n, const lbfgsfloatval_t step)
{
	(void)n, (void)step;
	return ner_crf_loss(inst, x, g);
}

static int ner_crf_progress(void *inst, const lbfgsfloatval_t *x, const lbfgsfloatval_t *g,
			    const lbfgsfloatval_t fx, const lbfgsfloatval_t xnorm,
			    const lbfgsfloatval_t gnorm, const lbfgsfloatval_t step, int n, int k, int ls)
{
	const struct ner_crf *crf = inst;
	(void)x, (void)g, (void)xnorm, (void)step, (void)n, (void)ls;
	if (crf->verbose && k % 25 == 0)
		fprintf(stderr, "crf iteration %d: loss %.1f, |gradient| %.2f\n", k, fx, gnorm);
	return 0;
}

/* Sentences cut into parts of about equal tokens. */
static void ner_crf_parts_init(struct ner_crf *crf)
{
	const struct ner_data *d = crf->tr->d;
	size_t ntok = d->sents[crf->tr->nsent], k = 0;

	for (int p = 0; p < NER_CRF_PARTS; p++) {
		struct ner_crf_part *pt = &crf->parts[p];
		pt->crf = crf;
		pt->g = xcalloc(crf->n, sizeof *pt->g);
		pt->from = k;
		while (k < crf->tr->nsent && d->sents[k] < ntok * (size_t)(p + 1) / NER_CRF_PARTS)
			k++;
		pt->to = p == NER_CRF_PARTS - 1 ? crf->tr->nsent : k;
	}
}

struct ner_crf *ner_crf_new(struct ner_trainer *tr, double c2)
{
	struct ner_crf *crf = xcalloc(1, sizeof *crf);

	crf->tr = tr;
	crf->c2 = c2;
	crf->pix = ner_crf_pair_rows(tr);
	crf->nw = tr->nkeys * NER_NTAGS;
	crf->n = crf->nw + NER_CRF_TRANS;
	ner_crf_parts_init(crf);
	return crf;
}

size_t ner_crf_nweights(const struct ner_crf *crf)
{
	return crf->n;
}

void ner_crf_free(struct ner_crf *crf)
{
	for (int k = 0; k < NER_CRF_PARTS; k++) {
		struct ner_crf_part *pt = &crf->parts[k];
		free(pt->g);
		free(pt->em);
		free(pt->edge);
		free(pt->alpha);
		free(pt->beta);
		free(pt->scale);
	}
	free(crf->pix);
	free(crf);
}

/* The weights x found, as the trainer's (w, trans; no averaging). */
static void ner_crf_keep(struct ner_trainer *tr, const struct ner_crf *crf, const double *x)
{
	tr->wcap = tr->nkeys;
	tr->w = xcalloc(crf->nw + 1, sizeof *tr->w);
	tr->wa = xcalloc(crf->nw + 1, sizeof *tr->wa);
	memcpy(tr->w, x, crf->nw * sizeof *x);
	for (int p = 0; p < NER_CRF_NPREV; p++)
		for (int t = 0; t < NER_NTAGS; t++)
			tr->trans[p][t] = x[crf->nw + (size_t)p * NER_NTAGS + (size_t)t];
}

void ner_crf_fit(struct ner_trainer *tr, const struct ner_train_opts *o)
{
	struct ner_crf *crf = ner_crf_new(tr, o->c2);
	lbfgs_parameter_t param;
	lbfgsfloatval_t *x, fx;
	int rc;

	crf->verbose = o->verbose;
	if ((x = lbfgs_malloc((int)crf->n)) == NULL)
		fatal("out of memory");
	memset(x, 0, crf->n * sizeof *x);
	lbfgs_parameter_init(&param);
	param.max_iterations = (int)o->max_iter;
	param.past = 10; /* stop when the loss gained under delta in 10 iterations */
	param.delta = 1e-5;
	if (o->c1 > 0) {
		param.orthantwise_c = o->c1;
		param.orthantwise_end = (int)crf->nw; /* transitions are not penalised */
		param.linesearch = LBFGS_LINESEARCH_BACKTRACKING;
	}
	rc = lbfgs((int)crf->n, x, &fx, ner_crf_evaluate, ner_crf_progress, crf, &param);
	if (o->verbose)
		fprintf(stderr, "crf: %zu weights, loss %.1f (%s)\n", crf->n, fx,
			rc == 0 || rc == LBFGS_STOP || rc == LBFGSERR_MAXIMUMITERATION ? "done" : "stopped early");
	ner_crf_keep(tr, crf, x);
	lbfgs_free(x);
	ner_crf_free(crf);
}
