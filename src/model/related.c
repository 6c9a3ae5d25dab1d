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

/* Word ids of one text (stems), appended to rw->ids. */
struct related_words;
static void related_words(const char *text, struct related_words *rw);

/* A vector being made: ids and weights, room for cap. */
struct related_work {
	uint32_t *ids;
	float *w;
	size_t n, cap;
};

static void related_work_room(struct related_work *v, size_t n)
{
	if (n <= v->cap)
		return;
	v->cap = n;
	v->ids = xreallocarray(v->ids, n, sizeof *v->ids);
	v->w = xreallocarray(v->w, n, sizeof *v->w);
}

static void related_work_free(struct related_work *v)
{
	free(v->ids);
	free(v->w);
}

/* Sorted ids with repeats → distinct ids with counts in w. */
static void related_count(uint32_t *ids, size_t n, struct related_work *v)
{
	xqsort(ids, n, sizeof *ids, related_u32_cmp);
	related_work_room(v, n + 1);
	v->n = 0;
	for (size_t i = 0; i < n; i++) {
		if (v->n == 0 || v->ids[v->n - 1] != ids[i])
			v->ids[v->n] = ids[i], v->w[v->n++] = 0;
		v->w[v->n - 1] += 1;
	}
}

/* Counts → (1 + ln tf) · idf, then unit length. */
static void related_weigh(struct related_work *v, const double *idf)
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
static void related_sort_pairs(struct related_work *v)
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
static void related_keep_top(struct related_work *v, size_t k)
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
	for (size_t i = 0; i < k; i++)
		v->ids[i] = p[i].id, v->w[i] = norm > 0 ? (float)(p[i].w / norm) : 0;
	v->n = k;
	free(p);
}

/* Append article a's vector (articles in order) to vs, which has room for it. */
static void related_vecs_put(struct related_vecs *vs, size_t a, const struct related_work *v)
{
	uint32_t at = vs->at[a];
	memcpy(vs->ids + at, v->ids, v->n * sizeof *v->ids);
	memcpy(vs->w + at, v->w, v->n * sizeof *v->w);
	vs->at[a + 1] = at + (uint32_t)v->n;
}

/* Give back the room left over: vs was sized for the most it could hold. */
static void related_vecs_fit(struct related_vecs *vs, size_t narticles)
{
	size_t n = vs->at[narticles];
	vs->ids = xreallocarray(vs->ids, n + 1, sizeof *vs->ids);
	vs->w = xreallocarray(vs->w, n + 1, sizeof *vs->w);
}

static struct related_vec related_vec_of(const struct related_vecs *vs, size_t a)
{
	uint32_t at = vs->at[a];
	return (struct related_vec){vs->ids + at, vs->w + at, vs->at[a + 1] - at};
}

static void related_entity_vectors(struct related_index *x)
{
	const struct entity_table *t = x->entities;
	struct related_work v = {0};
	size_t total = 0;

	x->eidf = xcalloc(t->n + 1, sizeof *x->eidf);
	for (size_t k = 0; k < t->n; k++)
		x->eidf[k] = t->items[k].articles ? log(1 + (double)x->narticles / (double)t->items[k].articles) : 0;
	for (size_t a = 0; a < x->narticles; a++)
		total += t->per_article[a].n;
	x->ent.at = xcalloc(x->narticles + 1, sizeof *x->ent.at);
	x->ent.ids = xcalloc(total + 1, sizeof *x->ent.ids);
	x->ent.w = xcalloc(total + 1, sizeof *x->ent.w);
	for (size_t a = 0; a < x->narticles; a++) {
		const struct article_entities *es = &t->per_article[a];
		related_work_room(&v, es->n + 1);
		v.n = 0;
		for (size_t k = 0; k < es->n; k++) {
			size_t at = v.n;
			if (es->v[k].type == ENTITY_MISC)
				continue;
			for (size_t l = 0; l < v.n; l++)
				if (v.ids[l] == es->v[k].id)
					at = l; /* two article entities merged into one corpus entity */
			if (at == v.n)
				v.ids[v.n++] = es->v[k].id, v.w[at] = 0;
			v.w[at] += (float)es->v[k].nmentions;
		}
		related_sort_pairs(&v);
		related_weigh(&v, x->eidf);
		related_vecs_put(&x->ent, a, &v);
	}
	related_vecs_fit(&x->ent, x->narticles);
	related_work_free(&v);
}

/* The stems of one article as word ids, appended to *ids: interned into vocab (the first
 * pass), or only looked up (the second: every one is there). */
struct related_words {
	const struct ner_lexicon *lex;
	struct strtab vocab;
	bool intern;
	struct norm_text t;
	struct norm_token *toks;
	size_t tcap;
	uint32_t *ids;
	size_t nids, icap;
};

static void related_words(const char *text, struct related_words *rw)
{
	size_t n = 0;
	norm_text_set(&rw->t, text, strlen(text), false);
	norm_tokenize(rw->t.s, rw->t.len, &rw->toks, &n, &rw->tcap);
	for (size_t i = 0; i < n; i++) {
		const char *w = rw->t.s + rw->toks[i].beg;
		size_t len = rw->toks[i].end - rw->toks[i].beg;
		struct norm_split sp;
		uint32_t id = 0;
		if (rw->toks[i].kind != NORM_TOKEN_WORD || ner_lexicon_is_stop(rw->lex, w, len))
			continue;
		norm_word_split(w, len, &sp);
		if (related_letters(w + sp.stem, len - sp.stem) < RELATED_MIN_LETTERS)
			continue;
		if (rw->intern)
			id = strtab_intern(&rw->vocab, w + sp.stem, len - sp.stem);
		else
			strtab_find(&rw->vocab, w + sp.stem, len - sp.stem, &id);
		xgrow(&rw->ids, &rw->icap, rw->nids + 1, sizeof *rw->ids);
		rw->ids[rw->nids++] = id;
	}
}

static void related_article_words(struct related_words *rw, const struct article *art)
{
	rw->nids = 0;
	related_words(art->title, rw);
	for (size_t p = 0; p < art->npara; p++)
		related_words(art->paras[p], rw);
}

/* Pass one: the vocabulary, and in how many articles each word is (df). */
static size_t *related_df(struct related_index *x, struct related_words *rw)
{
	const struct corpus *c = x->entities->corpus;
	struct related_work v = {0};
	size_t *df = NULL, dcap = 0;

	rw->intern = true;
	for (size_t a = 0; a < x->narticles; a++) {
		related_article_words(rw, c->items[a]);
		size_t had = dcap;
		related_count(rw->ids, rw->nids, &v);
		xgrow(&df, &dcap, rw->vocab.n + 1, sizeof *df);
		memset(df + had, 0, (dcap - had) * sizeof *df);
		for (size_t i = 0; i < v.n; i++)
			df[v.ids[i]]++;
	}
	related_work_free(&v);
	return df;
}

/* Two passes over the text, so that no article's whole vocabulary is held at once (the
 * counts of every article before the cut to RELATED_WORD_TERMS were 40 MB on SaudiNewsNet). */
static void related_word_vectors(struct related_index *x, const struct ner_lexicon *lex)
{
	const struct corpus *c = x->entities->corpus;
	struct related_words rw = {.lex = lex};
	struct related_work v = {0};
	size_t *df, nw;
	double *idf;

	strtab_init(&rw.vocab);
	df = related_df(x, &rw);
	nw = x->nwords = rw.vocab.n;
	idf = xcalloc(nw + 1, sizeof *idf);
	for (size_t w = 0; w < nw; w++)
		idf[w] = log(1 + (double)x->narticles / (double)df[w]);
	memset(df, 0, (nw + 1) * sizeof *df);
	x->word.at = xcalloc(x->narticles + 1, sizeof *x->word.at);
	x->word.ids = xcalloc(x->narticles * RELATED_WORD_TERMS + 1, sizeof *x->word.ids);
	x->word.w = xcalloc(x->narticles * RELATED_WORD_TERMS + 1, sizeof *x->word.w);
	rw.intern = false;
	for (size_t a = 0; a < x->narticles; a++) {
		related_article_words(&rw, c->items[a]);
		related_count(rw.ids, rw.nids, &v);
		related_weigh(&v, idf);
		related_keep_top(&v, RELATED_WORD_TERMS);
		related_vecs_put(&x->word, a, &v);
		for (size_t i = 0; i < v.n; i++)
			df[v.ids[i]]++;
	}
	related_vecs_fit(&x->word, x->narticles);
	x->wpost_at = xcalloc(nw + 1, sizeof *x->wpost_at);
	for (size_t w = 0; w < nw; w++)
		x->wpost_at[w + 1] = x->wpost_at[w] + (uint32_t)df[w];
	x->wpost = xcalloc(x->wpost_at[nw] + 1, sizeof *x->wpost);
	memset(df, 0, (nw + 1) * sizeof *df);
	for (size_t a = 0; a < x->narticles; a++)
		for (uint32_t i = x->word.at[a]; i < x->word.at[a + 1]; i++) {
			uint32_t w = x->word.ids[i];
			x->wpost[x->wpost_at[w] + df[w]++] = (uint32_t)a;
		}
	free(df);
	free(idf);
	related_work_free(&v);
	free(rw.ids);
	free(rw.toks);
	norm_text_free(&rw.t);
	strtab_free(&rw.vocab);
}

void related_index_build(struct related_index *x, const struct entity_table *t)
{
	char *error = NULL;
	const struct ner_model *m = ner_default(&error);

	memset(x, 0, sizeof *x);
	x->entities = t;
	x->narticles = t->corpus->n;
	related_entity_vectors(x);
	if (m != NULL)
		related_word_vectors(x, ner_model_lexicon(m));
}

static void related_vecs_free(struct related_vecs *vs)
{
	free(vs->at);
	free(vs->ids);
	free(vs->w);
}

void related_index_free(struct related_index *x)
{
	related_vecs_free(&x->ent);
	related_vecs_free(&x->word);
	free(x->wpost);
	free(x->wpost_at);
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
	struct related_vec va = related_vec_of(&x->ent, a), vb = related_vec_of(&x->ent, l->article);
	l->shared = xcalloc(va.n + 1, sizeof *l->shared);
	for (size_t i = 0; i < va.n; i++)
		if (related_weight_of(&vb, va.ids[i]) > 0)
			l->shared[l->nshared++] = va.ids[i];
	related_sort_vec = &va;
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
	struct related_vec ve = related_vec_of(&x->ent, a), vw = {0}, vb;
	struct related_link *links = NULL;
	size_t n = 0, cap = 0;

	for (size_t i = 0; i < ve.n; i++) {
		uint32_t id = ve.ids[i];
		size_t npost;
		const uint32_t *post = entity_table_postings(x->entities, id, &npost);
		for (size_t k = 0; k < npost; k++) {
			uint32_t b = post[k];
			vb = related_vec_of(&x->ent, b);
			score[b] += RELATED_ENTITY_WEIGHT * ve.w[i] * related_weight_of(&vb, id);
		}
	}
	if (x->wpost) /* no words without the entity model's stop words */
		vw = related_vec_of(&x->word, a);
	for (size_t i = 0; i < vw.n; i++) {
		uint32_t id = vw.ids[i];
		for (uint32_t k = x->wpost_at[id]; k < x->wpost_at[id + 1]; k++) {
			uint32_t b = x->wpost[k];
			vb = related_vec_of(&x->word, b);
			score[b] += RELATED_WORD_WEIGHT * vw.w[i] * related_weight_of(&vb, id);
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
