/* load.h - the corpus arriving while the reader runs, apart from the reader: the unfiltered
 * list's order as articles join it, and when they may (load.c). loading.c ties it to the
 * loader, the list pane, the filter and the status line; these functions take the part and
 * the corpus it lists, never struct app, so tests/unit/test_load.c runs them in memory. */
#ifndef QARI_LOAD_H
#define QARI_LOAD_H

#include <stdbool.h>
#include <stddef.h>

#include "qari/corpus.h"
#include "qari/listing.h"

#define LOAD_MERGE_MS 80 /* new articles join the list at most this often */

struct corpus_loader;

/* The corpus arriving and the unfiltered list's order. */
struct load {
	struct corpus_loader *loader; /* the corpus still loading in the background, else NULL */
	size_t *order;      /* corpus positions in list order: the unfiltered list. The corpus
			       itself stays in load order, so positions never change */
	size_t *rank;       /* corpus position → row in order */
	size_t n;           /* articles in the list: positions [0, n) of the corpus */
	double merged_at;   /* when new articles last joined the list (merges are throttled) */
	bool touched;       /* the user moved the selection: it stays on its article */
	char *last_id;      /* the state's last article, until it arrives */
	size_t nproblems;   /* load problems shown so far */
};

/* Rows (corpus positions in the list) put in list order: by rank (the filter's rows too). */
void load_sort_rows(size_t *rows, size_t n, const size_t *rank);
/* Corpus positions [ld->n, to) join the list where sort puts them (ties in load order), as a
 * merge of the sorted newcomers into the list, which keeps its order; rank follows. Returns
 * the previous order for the caller to free once the list pane no longer reads it. */
size_t *load_merge(struct load *ld, const struct corpus *c, enum listing_sort sort, size_t to);
/* The list in sort order again (the user chose another); rank follows. */
void load_resort(struct load *ld, const struct corpus *c, enum listing_sort sort);
/* Milliseconds until the articles arrived (corpus positions up to arrived) may join the list,
 * 0 now, -1 when none waits; now: the caller's clock, as merged_at. */
int load_merge_due(const struct load *ld, size_t arrived, double now);
/* The state's last article among corpus positions [from, to), until the user moved the
 * selection; false: not there (or no longer looked for). */
bool load_find_last(const struct load *ld, const struct corpus *c, size_t from, size_t to,
		    size_t *pos);
void load_free(struct load *ld); /* stops the loader first */

#endif
