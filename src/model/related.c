/* related.c - IDF-weighted entity and word vectors per article, posting lists, and the
 * ranking of an article's neighbours. */
#include "qari/related.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "qari/normalize.h"
#include "qari/strtab.h"
#include "qari/xalloc.h"

#define RELATED_MIN_LETTERS 3 /* shorter stems carry little meaning */

static int related_u32_cmp(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return x < y ? -1 : x > y;
}

static size_t related_letters(const char *s, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += ((unsigned char)s[i] & 0xC0) != 0x80;
	return k;
}

/* Word ids of one text (stems), appended to *ids. */
static void related_words(const char *text, const struct ner_lexicon *lex, struct strtab *vocab,
			  struct norm_text *t, struct norm_token **toks, size_t *cap,
			  uint32_t **ids, size_t *nids, size_t *icap)
{
	size_t n = 0;
	norm_text_set(t, text, strlen(text), false);
	norm_tokenize(t->s, t->len, toks, &n, cap);
	for (size_t i = 0; i < n; i++) {
		const char *w = t->s + (*toks)[i].beg;
		size_t len = (*toks)[i].end - (*toks)[i].beg;
		struct norm_split sp;
		if ((*toks)[i].kind != NORM_TOKEN_WORD || ner_lexicon_is_stop(lex, w, len))
			continue;
		norm_word_split(w, len, &sp);
		if (related_letters(w + sp.stem, len - sp.stem) < RELATED_MIN_LETTERS)
			continue;
		xgrow(ids, icap, *nids + 1, sizeof **ids);
		(*ids)[(*nids)++] = strtab_intern(vocab, w + sp.stem, len - sp.stem);
	}
}

/* Sorted ids with repeats → distinct ids with counts in w. */
static void related_count(uint32_t *ids, size_t n, struct related_vec *v)
{
	xqsort(ids, n, sizeof *ids, related_u32_cmp);
	v->ids = xcalloc(n + 1, sizeof *v->ids);
	v->w = xcalloc(n + 1, sizeof *v->w);
	v->n = 0;
	for (size_t i = 0; i < n; i++) {
		if (v->n == 0 || v->ids[v->n - 1] != ids[i])
			v->ids[v->n] = ids[i], v->w[v->n++] = 0;
		v->w[v->n - 1] += 1;
	}
}

/* Counts → (1 + ln tf) · idf, then unit length. */
static void related_weigh(struct related_vec *v, const double *idf)
{
	double norm = 0;
	for (size_t i = 0; i < v->n; i++) {
		v->w[i] = (float)((1 + log(v->w[i])) * idf[v->ids[i]]);
		norm += (double)v->w[i] * v->w[i];
	}
	norm = sqrt(norm);
	for (size_t i = 0; i < v->n && norm > 0; i++)
		v->w[i] = (float)(v->w[i] / norm);
}

struct related_pair {
	uint32_t id;
	float w;
};

static int related_pair_cmp(const void *a, const void *b)
{
	return related_u32_cmp(&((const struct related_pair *)a)->id, &((const struct related_pair *)b)->id);
}

/* Vectors are looked up by binary search: ids ascending. */
static void related_sort_pairs(struct related_vec *v)
{
	struct related_pair *p = xcalloc(v->n + 1, sizeof *p);
	for (size_t i = 0; i < v->n; i++)
		p[i] = (struct related_pair){v->ids[i], v->w[i]};
	xqsort(p, v->n, sizeof *p, related_pair_cmp);
	for (size_t i = 0; i < v->n; i++)
		v->ids[i] = p[i].id, v->w[i] = p[i].w;
	free(p);
}

static int related_pair_by_weight(const void *a, const void *b)
{
	const struct related_pair *x = a, *y = b;
	if (x->w != y->w)
		return x->w > y->w ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

/* Only the article's k most telling words (highest tf-idf) stay, at unit length again: the
 * rest weigh little in a cosine, yet a full vocabulary per article with its postings cost
 * about 7 KB an article (200 MB on SaudiNewsNet) and every query walked the long posting
 * lists of common words. */
static void related_keep_top(struct related_vec *v, size_t k)
{
	struct related_pair *p;
	double norm = 0;

	if (v->n <= k)
		return;
	p = xcalloc(v->n, sizeof *p);
	for (size_t i = 0; i < v->n; i++)
		p[i] = (struct related_pair){v->ids[i], v->w[i]};
	xqsort(p, v->n, sizeof *p, related_pair_by_weight);
	xqsort(p, k, sizeof *p, related_pair_cmp);
	for (size_t i = 0; i < k; i++)
		norm += (double)p[i].w * p[i].w;
	norm = sqrt(norm);
	v->ids = xreallocarray(v->ids, k, sizeof *v->ids);
	v->w = xreallocarray(v->w, k, sizeof *v->w);
	for (size_t i = 0; i < k; i++)
		v->ids[i] = p[i].id, v->w[i] = norm > 0 ? (float)(p[i].w / norm) : 0;
	v->n = k;
	free(p);
}

static void related_entity_vectors(struct related_index *x)
{
	const struct entity_table *t = x->entities;
	x->eidf = xcalloc(t->n + 1, sizeof *x->eidf);
	for (size_t k = 0; k < t->n; k++)
		x->eidf[k] = t->items[k].articles ? log(1 + (double)x->narticles / (double)t->items[k].articles) : 0;
	for (size_t a = 0; a < x->narticles; a++) {
		const struct article_entities *es = &t->per_article[a];
		struct related_vec *v = &x->ent[a];
		v->ids = xcalloc(es->n + 1, sizeof *v->ids);
		v->w = xcalloc(es->n + 1, sizeof *v->w);
		for (size_t k = 0; k < es->n; k++) {
			size_t at = v->n;
			if (es->v[k].type == ENTITY_MISC)
				continue;
			for (size_t l = 0; l < v->n; l++)
				if (v->ids[l] == es->v[k].id)
					at = l; /* two article entities merged into one corpus entity */
			if (at == v->n)
				v->ids[v->n++] = es->v[k].id, v->w[at] = 0;
			v->w[at] += (float)es->v[k].nmentions;
		}
		related_sort_pairs(v);
		related_weigh(v, x->eidf);
	}
}

static void related_word_vectors(struct related_index *x, const struct ner_lexicon *lex)
{
	const struct corpus *c = x->entities->corpus;
	struct strtab vocab;
	struct norm_text t = {0};
	struct norm_token *toks = NULL;
	uint32_t *ids = NULL;
	size_t tcap = 0, icap = 0, *df;
	double *idf;

	strtab_init(&vocab);
	for (size_t a = 0; a < x->narticles; a++) {
		size_t nids = 0;
		const struct article *art = c->items[a];
		related_words(art->title, lex, &vocab, &t, &toks, &tcap, &ids, &nids, &icap);
		for (size_t p = 0; p < art->npara; p++)
			related_words(art->paras[p], lex, &vocab, &t, &toks, &tcap, &ids, &nids, &icap);
		related_count(ids, nids, &x->word[a]);
	}
	x->nwords = vocab.n;
	df = xcalloc(vocab.n + 1, sizeof *df);
	idf = xcalloc(vocab.n + 1, sizeof *idf);
	for (size_t a = 0; a < x->narticles; a++)
		for (size_t i = 0; i < x->word[a].n; i++)
			df[x->word[a].ids[i]]++;
	for (size_t w = 0; w < vocab.n; w++)
		idf[w] = log(1 + (double)x->narticles / (double)df[w]);
	memset(df, 0, (vocab.n + 1) * sizeof *df);
	for (size_t a = 0; a < x->narticles; a++) {
		related_weigh(&x->word[a], idf);
		related_keep_top(&x->word[a], RELATED_WORD_TERMS);
		for (size_t i = 0; i < x->word[a].n; i++)
			df[x->word[a].ids[i]]++;
	}
	x->wpost = xcalloc(vocab.n + 1, sizeof *x->wpost);
	x->nwpost = xcalloc(vocab.n + 1, sizeof *x->nwpost);
	for (size_t w = 0; w < vocab.n; w++)
		if (df[w] > 0)
			x->wpost[w] = xcalloc(df[w], sizeof **x->wpost);
	for (size_t a = 0; a < x->narticles; a++) {
		for (size_t i = 0; i < x->word[a].n; i++) {
			uint32_t w = x->word[a].ids[i];
			x->wpost[w][x->nwpost[w]++] = (uint32_t)a;
		}
	}
	free(df);
	free(idf);
	free(ids);
	free(toks);
	norm_text_free(&t);
	strtab_free(&vocab);
}

void related_index_build(struct related_index *x, const struct entity_table *t)
{
	char *error = NULL;
	const struct ner_model *m = ner_default(&error);

	memset(x, 0, sizeof *x);
	x->entities = t;
	x->narticles = t->corpus->n;
	x->ent = xcalloc(x->narticles + 1, sizeof *x->ent);
	x->word = xcalloc(x->narticles + 1, sizeof *x->word);
	related_entity_vectors(x);
	if (m != NULL)
		related_word_vectors(x, ner_model_lexicon(m));
}

void related_index_free(struct related_index *x)
{
	for (size_t a = 0; a < x->narticles; a++) {
		free(x->ent[a].ids);
		free(x->ent[a].w);
		free(x->word[a].ids);
		free(x->word[a].w);
	}
	for (size_t w = 0; w < x->nwords; w++)
		free(x->wpost[w]);
	free(x->ent);
	free(x->word);
	free(x->wpost);
	free(x->nwpost);
	free(x->eidf);
	memset(x, 0, sizeof *x);
}

/* Weight of id in a sorted vector, 0 when absent. */
static float related_weight_of(const struct related_vec *v, uint32_t id)
{
	size_t lo = 0, hi = v->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (v->ids[mid] == id)
			return v->w[mid];
		if (v->ids[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

static const struct related_vec *related_sort_vec;

/* Shared entities: the heavier in this article's vector first. */
static int related_shared_cmp(const void *a, const void *b)
{
	float x = related_weight_of(related_sort_vec, *(const uint32_t *)a);
	float y = related_weight_of(related_sort_vec, *(const uint32_t *)b);
	if (x != y)
		return x > y ? -1 : 1;
	return related_u32_cmp(a, b);
}

static void related_explain(const struct related_index *x, size_t a, struct related_link *l)
{
	const struct related_vec *va = &x->ent[a], *vb = &x->ent[l->article];
	l->shared = xcalloc(va->n + 1, sizeof *l->shared);
	for (size_t i = 0; i < va->n; i++)
		if (related_weight_of(vb, va->ids[i]) > 0)
			l->shared[l->nshared++] = va->ids[i];
	related_sort_vec = va;
	xqsort(l->shared, l->nshared, sizeof *l->shared, related_shared_cmp);
}

static int related_link_cmp(const void *a, const void *b)
{
	const struct related_link *x = a, *y = b;
	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	return x->article < y->article ? -1 : x->article > y->article;
}

size_t related_find(const struct related_index *x, size_t a, size_t max, struct related_link **out)
{
	double *score = xcalloc(x->narticles + 1, sizeof *score);
	const struct related_vec *ve = &x->ent[a], *vw = &x->word[a];
	struct related_link *links = NULL;
	size_t n = 0, cap = 0;

	for (size_t i = 0; i < ve->n; i++) {
		uint32_t id = ve->ids[i];
		size_t npost;
		const uint32_t *post = entity_table_postings(x->entities, id, &npost);
		for (size_t k = 0; k < npost; k++) {
			uint32_t b = post[k];
			score[b] += RELATED_ENTITY_WEIGHT * ve->w[i] * related_weight_of(&x->ent[b], id);
		}
	}
	for (size_t i = 0; x->wpost && i < vw->n; i++) {
		uint32_t id = vw->ids[i];
		for (size_t k = 0; k < x->nwpost[id]; k++) {
			uint32_t b = x->wpost[id][k];
			score[b] += RELATED_WORD_WEIGHT * vw->w[i] * related_weight_of(&x->word[b], id);
		}
	}
	for (size_t b = 0; b < x->narticles; b++)
		if (b != a && score[b] > 1e-9) {
			xgrow(&links, &cap, n + 1, sizeof *links);
			links[n++] = (struct related_link){.article = (uint32_t)b, .score = score[b]};
		}
	xqsort(links, n, sizeof *links, related_link_cmp);
	if (n > max) {
		n = max;
	}
	for (size_t k = 0; k < n; k++)
		related_explain(x, a, &links[k]);
	free(score);
	*out = links;
	return n;
}

void related_links_free(struct related_link *v, size_t n)
{
	for (size_t k = 0; k < n; k++)
		free(v[k].shared);
	free(v);
}
