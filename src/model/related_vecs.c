/* related_vecs.c - sparse vectors of articles (entity or word ids with weights): counted,
 * weighed, cut to their strongest terms, stored back to back, and turned into posting lists. */
#include "related_private.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "qari/xalloc.h"

int related_u32_cmp(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return x < y ? -1 : x > y;
}

void related_work_room(struct related_work *v, size_t n)
{
	if (n <= v->cap)
		return;
	v->cap = n;
	v->ids = xreallocarray(v->ids, n, sizeof *v->ids);
	v->w = xreallocarray(v->w, n, sizeof *v->w);
	v->p = xreallocarray(v->p, n, sizeof *v->p);
}

void related_work_free(struct related_work *v)
{
	free(v->ids);
	free(v->w);
	free(v->seen);
	free(v->p);
}

static int related_pair_cmp(const void *a, const void *b)
{
	return related_u32_cmp(&((const struct related_pair *)a)->id, &((const struct related_pair *)b)->id);
}

/* Vectors are looked up by binary search: ids ascending. */
void related_sort_pairs(struct related_work *v)
{
	related_work_room(v, v->n + 1);
	for (size_t i = 0; i < v->n; i++)
		v->p[i] = (struct related_pair){v->ids[i], v->w[i]};
	xqsort(v->p, v->n, sizeof *v->p, related_pair_cmp);
	for (size_t i = 0; i < v->n; i++)
		v->ids[i] = v->p[i].id, v->w[i] = v->p[i].w;
}

/* Ids with repeats → distinct ids, ascending, with counts in w: counted in place by id, so
 * only the distinct ones are sorted (sorting every word of every article took a tenth of
 * the related stories' time). */
void related_count(const uint32_t *ids, size_t n, struct related_work *v)
{
	related_work_room(v, n + 1);
	v->n = 0;
	for (size_t i = 0; i < n; i++) {
		if (ids[i] >= v->seen_cap) {
			size_t had = v->seen_cap;
			xgrow(&v->seen, &v->seen_cap, (size_t)ids[i] + 1, sizeof *v->seen);
			memset(v->seen + had, 0, (v->seen_cap - had) * sizeof *v->seen);
		}
		if (v->seen[ids[i]] == 0) {
			v->ids[v->n] = ids[i];
			v->w[v->n] = 0;
			v->seen[ids[i]] = (uint32_t)++v->n;
		}
		v->w[v->seen[ids[i]] - 1] += 1;
	}
	for (size_t i = 0; i < v->n; i++)
		v->seen[v->ids[i]] = 0;
	related_sort_pairs(v);
}

/* Counts → (1 + ln tf) · idf, then unit length. */
void related_weigh(struct related_work *v, const double *idf)
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

static int related_pair_by_weight(const void *a, const void *b)
{
	const struct related_pair *x = a, *y = b;
	if (x->w != y->w)
		return x->w > y->w ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

/* Move down the heap p[0..n) whose root is the worst (last by weight) of its pairs. */
static void related_sift(struct related_pair *p, size_t n, size_t i)
{
	for (size_t c; (c = 2 * i + 1) < n; i = c) {
		if (c + 1 < n && related_pair_by_weight(&p[c + 1], &p[c]) > 0)
			c++;
		if (related_pair_by_weight(&p[c], &p[i]) <= 0)
			break;
		struct related_pair t = p[i];
		p[i] = p[c];
		p[c] = t;
	}
}

/* The k best of p[0..n) by weight (ties: lower id) into p[0..k), in no order: a heap of the
 * best so far, whose root each better pair replaces. The order is total, so the k are the
 * same as a full sort's. */
static void related_select_top(struct related_pair *p, size_t n, size_t k)
{
	for (size_t i = k / 2; i-- > 0;)
		related_sift(p, k, i);
	for (size_t i = k; i < n; i++)
		if (related_pair_by_weight(&p[i], &p[0]) < 0) {
			p[0] = p[i];
			related_sift(p, k, 0);
		}
}

/* Only the article's k most telling words (highest tf-idf) stay, at unit length again: the
 * rest weigh little in a cosine, yet a full vocabulary per article with its postings cost
 * about 7 KB an article (200 MB on SaudiNewsNet) and every query walked the long posting
 * lists of common words. */
void related_keep_top(struct related_work *v, size_t k)
{
	double norm = 0;

	if (v->n <= k)
		return;
	for (size_t i = 0; i < v->n; i++)
		v->p[i] = (struct related_pair){v->ids[i], v->w[i]};
	related_select_top(v->p, v->n, k);
	xqsort(v->p, k, sizeof *v->p, related_pair_cmp);
	for (size_t i = 0; i < k; i++)
		norm += (double)v->p[i].w * v->p[i].w;
	norm = sqrt(norm);
	for (size_t i = 0; i < k; i++)
		v->ids[i] = v->p[i].id, v->w[i] = norm > 0 ? (float)(v->p[i].w / norm) : 0;
	v->n = k;
}

void related_vecs_put(struct related_vecs *vs, size_t a, const struct related_work *v)
{
	uint32_t at = vs->at[a];
	memcpy(vs->ids + at, v->ids, v->n * sizeof *v->ids);
	memcpy(vs->w + at, v->w, v->n * sizeof *v->w);
	vs->at[a + 1] = at + (uint32_t)v->n;
}

/* Give back the room left over: vs was sized for the most it could hold. */
void related_vecs_fit(struct related_vecs *vs, size_t narticles)
{
	size_t n = vs->at[narticles];
	vs->ids = xreallocarray(vs->ids, n + 1, sizeof *vs->ids);
	vs->w = xreallocarray(vs->w, n + 1, sizeof *vs->w);
}

struct related_vec related_vec_of(const struct related_vecs *vs, size_t a)
{
	uint32_t at = vs->at[a];
	return (struct related_vec){vs->ids + at, vs->w + at, vs->at[a + 1] - at};
}

/* The transpose of the articles' vectors (ids below nids): for each id, the articles that
 * hold it, ascending, with its weight there. */
void related_postings_build(struct related_postings *p, const struct related_vecs *vs,
				   size_t narticles, size_t nids)
{
	size_t total = 0, end = vs->at ? vs->at[narticles] : 0;

	p->n = nids;
	p->at = xcalloc(nids + 2, sizeof *p->at);
	for (size_t i = 0; i < end; i++)
		p->at[vs->ids[i] + 2]++;
	for (size_t id = 0; id < nids; id++) { /* at[id + 2]: counts → at[id + 1]: starts */
		total += p->at[id + 2];
		p->at[id + 2] = (uint32_t)total;
	}
	p->v = xcalloc(total + 1, sizeof *p->v);
	for (size_t a = 0; a < narticles; a++)
		for (uint32_t i = vs->at[a]; i < vs->at[a + 1]; i++)
			p->v[p->at[vs->ids[i] + 1]++] = (struct related_posting){(uint32_t)a, vs->w[i]};
}

void related_postings_free(struct related_postings *p)
{
	free(p->at);
	free(p->v);
}


void related_vecs_free(struct related_vecs *vs)
{
	free(vs->at);
	free(vs->ids);
	free(vs->w);
}

double related_dot(const struct related_vec *a, const struct related_vec *b)
{
	double s = 0;
	for (size_t i = 0, j = 0; i < a->n && j < b->n;) {
		if (a->ids[i] == b->ids[j])
			s += (double)a->w[i++] * b->w[j++];
		else if (a->ids[i] < b->ids[j])
			i++;
		else
			j++;
	}
	return s;
}

bool related_is_rare(double df, double n)
{
	return df <= RELATED_RARE_SHARE * n || df <= RELATED_COMMON_MIN;
}

uint64_t related_entity_units(const char *word, const char *const *keys, size_t nkeys)
{
	uint64_t in = 0;
	for (size_t k = 0; k < nkeys && k < RELATED_UNIT_ENTITIES; k++)
		if (*word && keys[k] && strstr(keys[k], word))
			in |= (uint64_t)1 << k;
	return in;
}

uint64_t related_shared_entities(const struct related_vec *a, const struct related_vec *b)
{
	uint64_t shared = 0;
	for (size_t i = 0, j = 0; i < a->n && i < RELATED_UNIT_ENTITIES && j < b->n;) {
		if (a->ids[i] == b->ids[j])
			shared |= (uint64_t)1 << i++, j++;
		else if (a->ids[i] < b->ids[j])
			i++;
		else
			j++;
	}
	return shared;
}

/* A story shared is many words shared: one word (a town's name) or only common ones (civil
 * defence, rescue) link any two items of a kind, and scored as high as related stories. The
 * words of one shared entity's name are one word here (فلاديمير and بوتين, مركز الملك سلمان
 * للإغاثة's): a name is one subject, however many words it takes. */
bool related_evidence(const struct related_vec *a, const bool *rare, const uint64_t *units,
		      uint64_t shared, const struct related_vec *b, double beyond_one,
		      double rare_evidence)
{
	double all = 0, strongest = 0, rare_part = 0, named = 0;
	for (size_t i = 0, j = 0; i < a->n && j < b->n;) {
		if (a->ids[i] == b->ids[j]) {
			double p = (double)a->w[i] * b->w[j];
			all += p;
			if (units && (units[i] & shared))
				named += p;
			else
				strongest = p > strongest ? p : strongest;
			rare_part += rare[i] ? p : 0;
			i++, j++;
		} else if (a->ids[i] < b->ids[j])
			i++;
		else
			j++;
	}
	strongest = named > strongest ? named : strongest;
	return all - strongest >= beyond_one && rare_part >= rare_evidence;
}

void related_score(const struct related_postings *p, const struct related_vec *v, double weight,
		   double *score)
{
	for (size_t i = 0; p->at && i < v->n; i++) {
		const struct related_posting *q = p->v + p->at[v->ids[i]], *end = p->v + p->at[v->ids[i] + 1];
		double wa = weight * v->w[i];
		for (; q < end; q++)
			score[q->article] += wa * q->w;
	}
}
