/* ner_clusters.c - word clusters from unlabelled text, for the tagger (training only: `qari
 * ner-clusters` writes assets/ner/clusters.txt, which ner_lexicon.c reads).
 *
 * Each word is cut and normalised as the tagger sees it (matching form, proclitics off: the
 * key of ner_word_key). A word seen min_count times or more is described by the words right
 * before and right after it, among the `contexts` most frequent tokens (punctuation and the
 * paragraph's edge included), each weighed by positive PMI with the context distribution
 * smoothed (counts ^ 0.75). The vectors, of unit length, go into levels[0] clusters by
 * spherical k-means; their centres into levels[1] ones likewise, and so on, so that a cluster
 * of each level is a group of the level below's (a hierarchy, as Brown clusters' prefixes
 * give). Deterministic for a given seed. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../ner_private.h"
#include "qari/ner_train.h"
#include "qari/xalloc.h"

#define NER_CL_EDGE UINT32_MAX /* a paragraph's edge in the token stream */

struct ner_cl_vocab {
	struct strtab words;  /* tokens as the tagger keys them */
	uint64_t *count;      /* id → occurrences */
	uint8_t *is_word;     /* id → a word (not a number or punctuation) */
	size_t cap;
	uint32_t *stream;     /* the text as ids, NER_CL_EDGE between paragraphs */
	size_t n, scap;
};

static void ner_cl_push(struct ner_cl_vocab *v, uint32_t id)
{
	xgrow(&v->stream, &v->scap, v->n + 1, sizeof *v->stream);
	v->stream[v->n++] = id;
}

/* One line of text into the stream; a blank line ends a paragraph. */
static void ner_cl_line(struct ner_cl_vocab *v, const char *line, size_t len, struct norm_text *nt,
			struct norm_token **toks, size_t *cap)
{
	size_t ntok = 0;

	norm_text_set(nt, line, len, false);
	norm_tokenize(nt->s, nt->len, toks, &ntok, cap);
	if (ntok == 0) {
		if (v->n > 0 && v->stream[v->n - 1] != NER_CL_EDGE)
			ner_cl_push(v, NER_CL_EDGE);
		return;
	}
	for (size_t i = 0; i < ntok; i++) {
		const char *w = nt->s + (*toks)[i].beg;
		size_t n = (*toks)[i].end - (*toks)[i].beg;
		struct norm_split sp = {0};
		uint32_t id;

		if ((*toks)[i].kind == NORM_TOKEN_WORD)
			norm_word_split(w, n, &sp);
		else if ((*toks)[i].kind == NORM_TOKEN_NUMBER)
			w = "0", n = 1; /* numbers alike */
		id = strtab_intern(&v->words, w + sp.proclitic, n - sp.proclitic);
		if (id >= v->cap) {
			size_t old = v->cap;
			xgrow(&v->count, &v->cap, id + 1, sizeof *v->count);
			v->is_word = xreallocarray(v->is_word, v->cap, 1);
			memset(v->count + old, 0, (v->cap - old) * sizeof *v->count);
			memset(v->is_word + old, 0, v->cap - old);
		}
		v->count[id]++;
		v->is_word[id] = (*toks)[i].kind == NORM_TOKEN_WORD;
		ner_cl_push(v, id);
	}
}

static bool ner_cl_read(struct ner_cl_vocab *v, char *const *paths, size_t npaths, char **error)
{
	struct norm_text nt = {0};
	struct norm_token *toks = NULL;
	size_t cap = 0, lcap = 0;
	char *line = NULL;
	ssize_t len;

	strtab_init(&v->words);
	for (size_t p = 0; p < npaths; p++) {
		FILE *f = fopen(paths[p], "r");
		if (f == NULL) {
			*error = xasprintf("%s: %s", paths[p], strerror(errno));
			break;
		}
		while ((len = getline(&line, &lcap, f)) > 0)
			ner_cl_line(v, line, (size_t)len, &nt, &toks, &cap);
		fclose(f);
		ner_cl_push(v, NER_CL_EDGE);
	}
	free(line);
	free(toks);
	norm_text_free(&nt);
	return *error == NULL;
}

static const uint64_t *ner_cl_sort_counts; /* what ner_cl_by_count compares (one thread) */

/* More frequent first; ties by id, which is the order of first appearance. */
static int ner_cl_by_count(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	uint64_t cx = ner_cl_sort_counts[x], cy = ner_cl_sort_counts[y];
	return cx != cy ? (cx < cy ? 1 : -1) : (x > y) - (x < y);
}

/* Sparse unit vectors of the words clustered, row by row (CSR). */
struct ner_cl_rows {
	size_t nrows, dims;
	size_t *off;     /* row r: entries [off[r], off[r + 1]) */
	uint32_t *dim;
	float *val;
};

static int ner_cl_u64_cmp(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return (x > y) - (x < y);
}

/* Co-occurrence counts of rows with context dims, then PPMI rows of unit length. row_of and
 * ctx_of map token ids to a row / a context (UINT32_MAX: none); the edge is context nctx. */
static void ner_cl_vectors(const struct ner_cl_vocab *v, const uint32_t *row_of,
			   const uint32_t *ctx_of, size_t nrows, size_t nctx, unsigned window,
			   struct ner_cl_rows *r)
{
	size_t dims = 2 * window * (nctx + 1), npairs = 0, pcap = 0, k = 0;
	uint64_t *pairs = NULL; /* row × dims + dim, sorted then counted */
	double *rowsum = xcalloc(nrows, sizeof *rowsum), *ctxsum = xcalloc(dims, sizeof *ctxsum);
	double *pc = xcalloc(dims, sizeof *pc), total = 0, ctxnorm = 0;

	for (size_t i = 0; i < v->n; i++) {
		uint32_t row = v->stream[i] == NER_CL_EDGE ? UINT32_MAX : row_of[v->stream[i]];
		if (row == UINT32_MAX)
			continue;
		for (unsigned side = 0; side < 2 * window; side++) {
			/* blocks: 1, 2 ... window before, then 1, 2 ... after; past the edge, the edge */
			size_t dist = side % window + 1, j = i;
			bool before = side < window;
			uint32_t c = (uint32_t)nctx;
			for (size_t step = 0; step < dist; step++) {
				if (before ? j == 0 : j + 1 >= v->n)
					break;
				j = before ? j - 1 : j + 1;
				if (v->stream[j] == NER_CL_EDGE)
					break;
				if (step + 1 == dist)
					c = ctx_of[v->stream[j]];
			}
			if (c == UINT32_MAX)
				continue;
			xgrow(&pairs, &pcap, npairs + 1, sizeof *pairs);
			pairs[npairs++] = (uint64_t)row * dims + (size_t)side * (nctx + 1) + c;
		}
	}
	xqsort(pairs, npairs, sizeof *pairs, ner_cl_u64_cmp);
	r->nrows = nrows;
	r->dims = dims;
	r->off = xcalloc(nrows + 1, sizeof *r->off);
	r->dim = xcalloc(npairs + 1, sizeof *r->dim);
	r->val = xcalloc(npairs + 1, sizeof *r->val);
	for (size_t i = 0; i < npairs;) { /* counts into val, rows' and dims' sums */
		size_t j = i;
		while (j < npairs && pairs[j] == pairs[i])
			j++;
		size_t row = pairs[i] / dims;
		r->dim[k] = (uint32_t)(pairs[i] % dims);
		r->val[k] = (float)(j - i);
		rowsum[row] += (double)(j - i);
		ctxsum[r->dim[k]] += (double)(j - i);
		total += (double)(j - i);
		r->off[row + 1] = ++k;
		i = j;
	}
	for (size_t row = 1; row <= nrows; row++) /* rows without a pair stay empty */
		if (r->off[row] < r->off[row - 1])
			r->off[row] = r->off[row - 1];
	for (size_t d = 0; d < dims; d++)
		ctxnorm += pc[d] = pow(ctxsum[d], 0.75);
	for (size_t row = 0; row < nrows; row++) {
		double len = 0;
		for (size_t e = r->off[row]; e < r->off[row + 1]; e++) {
			double pmi = log(r->val[e] / total / (rowsum[row] / total * pc[r->dim[e]] / ctxnorm));
			r->val[e] = pmi > 0 ? (float)pmi : 0;
			len += (double)r->val[e] * r->val[e];
		}
		len = len > 0 ? 1 / sqrt(len) : 0;
		for (size_t e = r->off[row]; e < r->off[row + 1]; e++)
			r->val[e] = (float)(r->val[e] * len);
	}
	free(pairs);
	free(rowsum);
	free(ctxsum);
	free(pc);
}

static uint64_t ner_cl_rand(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

/* Spherical k-means of r's rows into k clusters: assign[row]. Centres start at k distinct
 * rows picked at random; each round moves every row to its nearest centre (largest dot
 * product), then each centre to its rows' normalised mean (weighted by weight[row] when
 * given). Centres, transposed (dims × k), are left in *centres when asked for. */
static void ner_cl_kmeans(const struct ner_cl_rows *r, const float *weight, size_t k,
			  unsigned max_iter, uint64_t seed, uint32_t *assign, float **centres,
			  bool verbose)
{
	float *ct = xcalloc(r->dims * k, sizeof *ct), *sc = xcalloc(k, sizeof *sc);
	double *sum = xcalloc(r->dims * k, sizeof *sum);
	uint8_t *taken = xcalloc(r->nrows, 1);
	uint64_t s = seed | 1;

	for (size_t c = 0; c < k && c < r->nrows; c++) {
		size_t row;
		do
			row = ner_cl_rand(&s) % r->nrows;
		while (taken[row] || r->off[row] == r->off[row + 1]);
		taken[row] = 1;
		for (size_t e = r->off[row]; e < r->off[row + 1]; e++)
			ct[r->dim[e] * k + c] = r->val[e];
	}
	memset(assign, 0xFF, r->nrows * sizeof *assign);
	for (unsigned it = 0; it < max_iter; it++) {
		size_t moved = 0;
		memset(sum, 0, r->dims * k * sizeof *sum);
		for (size_t row = 0; row < r->nrows; row++) {
			uint32_t best = 0;
			memset(sc, 0, k * sizeof *sc);
			for (size_t e = r->off[row]; e < r->off[row + 1]; e++) {
				const float *col = ct + (size_t)r->dim[e] * k;
				float x = r->val[e];
				for (size_t c = 0; c < k; c++)
					sc[c] += x * col[c];
			}
			for (uint32_t c = 1; c < k; c++)
				if (sc[c] > sc[best])
					best = c;
			moved += assign[row] != best;
			assign[row] = best;
			for (size_t e = r->off[row]; e < r->off[row + 1]; e++)
				sum[(size_t)r->dim[e] * k + best] += r->val[e] * (weight ? weight[row] : 1);
		}
		for (size_t c = 0; c < k; c++) {
			double len = 0;
			for (size_t d = 0; d < r->dims; d++)
				len += sum[d * k + c] * sum[d * k + c];
			if (len == 0)
				continue; /* an empty cluster keeps its centre */
			len = 1 / sqrt(len);
			for (size_t d = 0; d < r->dims; d++)
				ct[d * k + c] = (float)(sum[d * k + c] * len);
		}
		if (verbose)
			fprintf(stderr, "k-means %zu, round %u: %zu moved\n", k, it + 1, moved);
		if (moved * 1000 < r->nrows)
			break;
	}
	free(sum);
	free(sc);
	free(taken);
	if (centres)
		*centres = ct;
	else
		free(ct);
}

/* The fine clusters' centres (transposed, dims × k) as rows of their own. */
static void ner_cl_centre_rows(const float *ct, size_t dims, size_t k, struct ner_cl_rows *r)
{
	size_t n = 0;

	r->nrows = k;
	r->dims = dims;
	r->off = xcalloc(k + 1, sizeof *r->off);
	r->dim = xcalloc(dims * k + 1, sizeof *r->dim);
	r->val = xcalloc(dims * k + 1, sizeof *r->val);
	for (size_t c = 0; c < k; c++) {
		for (size_t d = 0; d < dims; d++)
			if (ct[d * k + c] != 0) {
				r->dim[n] = (uint32_t)d;
				r->val[n++] = ct[d * k + c];
			}
		r->off[c + 1] = n;
	}
}

static void ner_cl_rows_free(struct ner_cl_rows *r)
{
	free(r->off);
	free(r->dim);
	free(r->val);
	memset(r, 0, sizeof *r);
}

static bool ner_cl_write(const char *path, const struct ner_cl_vocab *v, const uint32_t *order,
			 size_t nrows, uint32_t *const *up, size_t nlevels, char **error)
{
	FILE *f = fopen(path, "w");

	if (f == NULL) {
		*error = xasprintf("%s: %s", path, strerror(errno));
		return false;
	}
	fprintf(f, "# word<TAB>cluster<TAB>its group<TAB>... (%zu levels): made by qari "
		   "ner-clusters (assets/ner/README)\n", nlevels);
	for (size_t i = 0; i < nrows; i++) {
		uint32_t c = (uint32_t)i;
		fputs(strtab_str(&v->words, order[i]), f);
		for (size_t l = 0; l < nlevels; l++)
			fprintf(f, "\t%u", c = up[l][c]);
		fputc('\n', f);
	}
	if (fclose(f) != 0) {
		*error = xasprintf("%s: %s", path, strerror(errno));
		return false;
	}
	return true;
}

bool ner_clusters_build(char *const *paths, size_t npaths, const struct ner_clusters_opts *o,
			const char *out, char **error)
{
	struct ner_cl_vocab v = {0};
	struct ner_cl_rows rows = {0};
	uint32_t *order = NULL, *row_of = NULL, *ctx_of = NULL, *up[NER_CLUSTER_LEVELS] = {0};
	size_t nrows = 0, nctx, nlevels = 0;
	bool ok = false;

	*error = NULL;
	if (!ner_cl_read(&v, paths, npaths, error))
		goto out;
	order = xcalloc(v.words.n + 1, sizeof *order);
	row_of = xcalloc(v.words.n + 1, sizeof *row_of);
	ctx_of = xcalloc(v.words.n + 1, sizeof *ctx_of);
	for (uint32_t i = 0; i < v.words.n; i++)
		order[i] = i;
	ner_cl_sort_counts = v.count;
	xqsort(order, v.words.n, sizeof *order, ner_cl_by_count);
	nctx = o->contexts < v.words.n ? o->contexts : v.words.n;
	for (size_t i = 0; i < v.words.n; i++) {
		uint32_t id = order[i];
		ctx_of[id] = i < nctx ? (uint32_t)i : UINT32_MAX;
		row_of[id] = UINT32_MAX;
		if (v.is_word[id] && v.count[id] >= o->min_count) {
			row_of[id] = (uint32_t)nrows;
			order[nrows++] = id; /* order now lists the rows' words */
		}
	}
	if (o->verbose)
		fprintf(stderr, "%zu tokens, %zu distinct, %zu words seen %u times or more\n", v.n,
			(size_t)v.words.n, nrows, o->min_count);
	if (nrows < o->levels[0]) {
		*error = xasprintf("%zu words to cluster: fewer than %u clusters", nrows, o->levels[0]);
		goto out;
	}
	ner_cl_vectors(&v, row_of, ctx_of, nrows, nctx, o->window, &rows);
	for (size_t l = 0; l < NER_CLUSTER_LEVELS && o->levels[l] > 0 && o->levels[l] <= rows.nrows; l++) {
		float *ct, *size = NULL;
		if (l > 0) { /* the level below's clusters, weighed by their words */
			size = xcalloc(rows.nrows, sizeof *size);
			for (size_t i = 0, c; i < nrows; i++) {
				c = i;
				for (size_t k = 0; k < l; k++)
					c = up[k][c];
				size[c] += 1;
			}
		}
		up[l] = xcalloc(rows.nrows, sizeof *up[l]);
		ner_cl_kmeans(&rows, size, o->levels[l], o->max_iter, o->seed + l, up[l], &ct, o->verbose);
		ner_cl_rows_free(&rows);
		ner_cl_centre_rows(ct, (size_t)2 * o->window * (nctx + 1), o->levels[l], &rows);
		free(ct);
		free(size);
		nlevels = l + 1;
	}
	ok = ner_cl_write(out, &v, order, nrows, up, nlevels, error);
out:
	ner_cl_rows_free(&rows);
	strtab_free(&v.words);
	free(v.count);
	free(v.is_word);
	free(v.stream);
	free(order);
	free(row_of);
	free(ctx_of);
	for (size_t l = 0; l < NER_CLUSTER_LEVELS; l++)
		free(up[l]);
	return ok;
}
