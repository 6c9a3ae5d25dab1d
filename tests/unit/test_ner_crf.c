/* test_ner_crf.c - the CRF trainer's objective (white box: src/model/ner/train/ner_trainer.h): its
 * value where it is known, and its gradient against finite differences. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "check.h"
#include "ner_trainer.h"
#include "qari/corpus.h"
#include "qari/xalloc.h"

#define NSENT 30

static uint64_t test_rand(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

/* With every weight zero each of the 9^n taggings is as likely: the loss is Σ n log 9. */
static void test_loss_at_zero(struct ner_crf *crf, const struct ner_data *d)
{
	size_t n = ner_crf_nweights(crf);
	double *x = xcalloc(n, sizeof *x), *g = xcalloc(n, sizeof *g), want = 0, got;

	for (size_t k = 0; k < NSENT; k++)
		want += (double)(d->sents[k + 1] - d->sents[k]) * log(NER_NTAGS);
	got = ner_crf_loss(crf, x, g);
	printf("loss at zero: %.6f, expected %.6f\n", got, want);
	CHECK(fabs(got - want) < 1e-9 * want);
	free(x);
	free(g);
}

/* The derivative along weight i, by central differences. */
static double test_numeric(struct ner_crf *crf, double *x, double *g, size_t i)
{
	const double h = 1e-5, keep = x[i];
	double up, down;

	x[i] = keep + h;
	up = ner_crf_loss(crf, x, g);
	x[i] = keep - h;
	down = ner_crf_loss(crf, x, g);
	x[i] = keep;
	return (up - down) / (2 * h);
}

/* At random weights, the gradient matches finite differences on the weights the sentences
 * use: features of tokens, every transition, the pair rows. */
static void test_gradient(struct ner_crf *crf, const struct ner_trainer *tr)
{
	size_t n = ner_crf_nweights(crf), ntok = tr->d->sents[NSENT], checked = 0, bad = 0;
	double *x = xcalloc(n, sizeof *x), *g = xcalloc(n, sizeof *g), *g0 = xcalloc(n, sizeof *g0);
	uint64_t rng = 0x2545F4914F6CDD1DULL;

	for (size_t i = 0; i < n; i++)
		x[i] = (double)(test_rand(&rng) % 2001) / 2000.0 - 0.5;
	ner_crf_loss(crf, x, g0);
	for (size_t k = 0; k < 60; k++) {
		size_t i;
		if (k < 30) { /* a feature of a random token, for a random tag */
			size_t tok = test_rand(&rng) % ntok, f = tr->foff[tok] + test_rand(&rng) % (tr->foff[tok + 1] - tr->foff[tok]);
			if (tr->feats[f] == UINT32_MAX)
				continue;
			i = (size_t)tr->feats[f] * NER_NTAGS + test_rand(&rng) % NER_NTAGS;
		} else if (k < 50) { /* a transition */
			i = n - 1 - test_rand(&rng) % ((NER_NTAGS + 1) * NER_NTAGS);
		} else { /* a pair row: made last, just before the transitions */
			i = n - (NER_NTAGS + 1) * NER_NTAGS - 1 - test_rand(&rng) % ((NER_NTAGS + 1) * NER_NTAGS);
		}
		double num = test_numeric(crf, x, g, i);
		checked++;
		if (fabs(num - g0[i]) > 1e-4 * fmax(1, fabs(g0[i]))) {
			printf("weight %zu: gradient %.8f, finite differences %.8f\n", i, g0[i], num);
			bad++;
		}
	}
	printf("gradient: %zu weights checked, %zu off\n", checked, bad);
	CHECK(checked >= 50);
	CHECK_INT(bad, 0);
	free(x);
	free(g);
	free(g0);
}

int main(void)
{
	char *path = check_data_path("anercorp/train-head.conll"), *dir = corpus_asset_path("ner");
	char *error = NULL;
	struct ner_lexicon *lex = ner_lexicon_load(dir, &error);
	struct ner_data d;
	struct ner_trainer tr = {.c = 1};
	struct ner_crf *crf;

	REQUIRE(lex != NULL && ner_data_read(path, &d, &error));
	REQUIRE(d.nsents > NSENT);
	tr.d = &d;
	tr.nsent = NSENT;
	ner_trainer_prepare(&tr, lex, 1);
	crf = ner_crf_new(&tr, 0.1);
	test_loss_at_zero(crf, &d);
	test_gradient(crf, &tr);
	ner_crf_free(crf);
	ner_trainer_free(&tr);
	ner_data_free(&d);
	ner_lexicon_free(lex);
	free(path);
	free(dir);
	return check_done();
}
