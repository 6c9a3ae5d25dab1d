/* load.c - the unfiltered list's order while the corpus arrives (load.h).
 *
 * The corpus is never reordered: articles are appended in load order, so a position in it
 * (the open article, the jump history, filter rows, the index) stays valid while more arrive.
 * The list shows them through order, sorted as the user chose (newest first by default), ties
 * in load order; newcomers are sorted among themselves and merged in, so a merge costs a sort
 * of the batch, not of the list, and the rows already listed keep their relative order. */
#include "load.h"

#include <stdlib.h>
#include <string.h>

#include "qari/corpus_loader.h"
#include "qari/xalloc.h"

static int load_rank_cmp(const void *pa, const void *pb, void *ctx)
{
	const size_t *rank = ctx;
	size_t a = rank[*(const size_t *)pa], b = rank[*(const size_t *)pb];
	return a < b ? -1 : a > b;
}

void load_sort_rows(size_t *rows, size_t n, const size_t *rank)
{
	qsort_r(rows, n, sizeof *rows, load_rank_cmp, (void *)rank);
}

/* The order qsort_r sorts by: the corpus and the sort order. */
struct load_sort {
	const struct corpus *c;
	enum listing_sort sort;
};

static int load_list_cmp(const void *pa, const void *pb, void *ctx)
{
	const struct load_sort *s = ctx;
	return listing_cmp(s->c, s->sort, *(const size_t *)pa, *(const size_t *)pb);
}

static void load_rank(struct load *ld)
{
	ld->rank = xreallocarray(ld->rank, ld->n ? ld->n : 1, sizeof *ld->rank);
	for (size_t k = 0; k < ld->n; k++)
		ld->rank[ld->order[k]] = k;
}

size_t *load_merge(struct load *ld, const struct corpus *c, enum listing_sort sort, size_t to)
{
	struct load_sort s = {c, sort};
	size_t from = ld->n, i = 0, j = 0, k = 0;
	size_t *fresh, *order, *old = ld->order;

	if (to <= from)
		return NULL;
	fresh = xcalloc(to - from, sizeof *fresh);
	for (size_t p = from; p < to; p++)
		fresh[p - from] = p;
	qsort_r(fresh, to - from, sizeof *fresh, load_list_cmp, &s);
	order = xcalloc(to, sizeof *order);
	while (i < from && j < to - from)
		order[k++] = load_list_cmp(&fresh[j], &old[i], &s) < 0 ? fresh[j++] : old[i++];
	while (i < from)
		order[k++] = old[i++];
	while (j < to - from)
		order[k++] = fresh[j++];
	free(fresh);
	ld->order = order;
	ld->n = to;
	load_rank(ld);
	return old;
}

void load_resort(struct load *ld, const struct corpus *c, enum listing_sort sort)
{
	struct load_sort s = {c, sort};

	qsort_r(ld->order, ld->n, sizeof *ld->order, load_list_cmp, &s);
	load_rank(ld);
}

int load_merge_due(const struct load *ld, size_t arrived, double now)
{
	double due = ld->merged_at + LOAD_MERGE_MS / 1000.0 - now;

	if (arrived <= ld->n)
		return -1;
	return due > 0 ? (int)(due * 1000) + 1 : 0;
}

bool load_find_last(const struct load *ld, const struct corpus *c, size_t from, size_t to,
		    size_t *pos)
{
	if (ld->last_id == NULL || ld->touched)
		return false;
	for (size_t i = from; i < to && i < c->n; i++)
		if (strcmp(c->items[i]->id, ld->last_id) == 0) {
			*pos = i;
			return true;
		}
	return false;
}

void load_free(struct load *ld)
{
	corpus_loader_free(ld->loader);
	ld->loader = NULL;
	xfree(&ld->order);
	xfree(&ld->rank);
	xfree(&ld->last_id);
	ld->n = 0;
}
