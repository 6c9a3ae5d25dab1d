/* related_baseline.c - the reference related stories are measured against: the TF-IDF
 * cosine of every stem of two articles ((1 + ln tf) · ln(N / df), unit length), among the
 * articles within RELATED_BASELINE_DAYS days. No dateline or furniture left out, no entity,
 * no floor, no copies folded: what a plain search engine would offer. */
#include "qari/related.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "qari/ner.h"
#include "qari/xalloc.h"
#include "related_private.h"

/* Every article's stem counts, back to back in b->vecs (weights still counts); df per word. */
static size_t *related_baseline_count(struct related_baseline *b, struct related_words *rw)
{
	struct related_work v = {0};
	size_t n = b->corpus->n, cap = 0, *df = NULL, dcap = 0;

	b->vecs.at = xcalloc(n + 1, sizeof *b->vecs.at);
	for (size_t a = 0; a < n; a++) {
		size_t had = dcap, end;
		related_article_words(rw, b->corpus, a);
		related_count(rw->ids, rw->nids, &v);
		end = b->vecs.at[a] + v.n;
		if (end + 1 > cap) {
			size_t c = cap;
			xgrow(&b->vecs.ids, &c, end + 1, sizeof *b->vecs.ids);
			xgrow(&b->vecs.w, &cap, end + 1, sizeof *b->vecs.w);
		}
		related_vecs_put(&b->vecs, a, &v);
		xgrow(&df, &dcap, rw->vocab.n + 1, sizeof *df);
		memset(df + had, 0, (dcap - had) * sizeof *df);
		for (size_t i = 0; i < v.n; i++)
			df[v.ids[i]]++;
	}
	related_work_free(&v);
	return df;
}

void related_baseline_build(struct related_baseline *b, const struct corpus *c,
			    const struct search_index *search)
{
	char *error = NULL;
	const struct ner_model *m = ner_default(&error);
	struct related_words rw = {.lex = m ? ner_model_lexicon(m) : NULL, .intern = true,
				   .plain = true, .search = search};
	size_t *df, nw;
	double *idf;

	memset(b, 0, sizeof *b);
	b->corpus = c;
	b->score = xcalloc(c->n + 1, sizeof *b->score);
	b->day = xcalloc(c->n + 1, sizeof *b->day);
	for (size_t a = 0; a < c->n; a++)
		b->day[a] = related_day(c->items[a]);
	if (rw.lex == NULL) /* no stop words: no baseline either */
		return;
	strtab_init(&rw.vocab);
	df = related_baseline_count(b, &rw);
	nw = rw.vocab.n;
	idf = xcalloc(nw + 1, sizeof *idf);
	for (size_t w = 0; w < nw; w++)
		idf[w] = log((double)c->n / (double)df[w]);
	for (size_t a = 0; a < c->n; a++) {
		uint32_t at = b->vecs.at[a], end = b->vecs.at[a + 1];
		double norm = 0;
		for (uint32_t i = at; i < end; i++) {
			b->vecs.w[i] = (float)((1 + log(b->vecs.w[i])) * idf[b->vecs.ids[i]]);
			norm += (double)b->vecs.w[i] * b->vecs.w[i];
		}
		norm = sqrt(norm);
		for (uint32_t i = at; i < end && norm > 0; i++)
			b->vecs.w[i] = (float)(b->vecs.w[i] / norm);
	}
	related_postings_build(&b->post, &b->vecs, c->n, nw);
	free(idf);
	free(df);
	related_words_free(&rw);
}

static int related_baseline_cmp(const void *a, const void *b)
{
	const struct related_link *x = a, *y = b;
	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	return x->article < y->article ? -1 : x->article > y->article;
}

size_t related_baseline_find(const struct related_baseline *b, size_t a, size_t max,
			     struct related_link **out)
{
	struct related_link *v = xcalloc(b->corpus->n + 1, sizeof *v);
	struct related_vec q = {0};
	size_t n = 0;

	if (b->vecs.at)
		q = related_vec_of(&b->vecs, a);
	related_score(&b->post, &q, 1, b->score);
	for (size_t k = 0; k < b->corpus->n; k++) {
		double s = b->score[k];
		bool near = b->day[a] == RELATED_NO_DAY || b->day[k] == RELATED_NO_DAY ||
			    labs((long)b->day[a] - (long)b->day[k]) <= RELATED_BASELINE_DAYS;
		b->score[k] = 0;
		if (k != a && s > 1e-9 && near)
			v[n++] = (struct related_link){.article = (uint32_t)k, .score = s};
	}
	xqsort(v, n, sizeof *v, related_baseline_cmp);
	if (n > max)
		n = max;
	*out = v;
	return n;
}

void related_baseline_free(struct related_baseline *b)
{
	related_vecs_free(&b->vecs);
	related_postings_free(&b->post);
	free(b->day);
	free(b->score);
	memset(b, 0, sizeof *b);
}
