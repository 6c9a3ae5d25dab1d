/* filter.h - the list filter's logic apart from the reader: the result the list shows and the
 * pass computing the next one in slices (filter.c). find.c ties it to the prompt, the list
 * pane and the store; these functions take the filter and the list it narrows, never struct
 * app, so tests/unit/test_filter.c runs them on a corpus in memory. */
#ifndef QARI_FILTER_H
#define QARI_FILTER_H

#include <stdbool.h>
#include <stddef.h>

#include "qari/search.h"

/* The list a filter narrows, and where it shows rows. Made afresh for each call: loading
 * replaces order and rank as articles arrive. */
struct filter_list {
	const size_t *order;        /* corpus positions in list order: the unfiltered list */
	const size_t *rank;         /* corpus position → its row in order */
	size_t n;                   /* positions [0, n) are listed */
	struct search_index *index; /* the articles' matching forms */
	/* The list shows rows (order when the filter is off). The filter frees its previous rows
	 * only after: the pane reads them to keep the selection. */
	void (*show)(void *ctx, const size_t *rows, size_t n);
	void *ctx;
};

/* A search being computed in slices between keys: the list shows the last complete result
 * until this one's matches so far are known to be the top of its result. */
struct filter_pass {
	char *text;               /* its query as typed; NULL: nothing pending */
	struct search_query q;
	struct search_pass pass;  /* covers corpus positions [0, list n) */
	double started;           /* when this query was typed (the caller's clock) */
	bool ordered;             /* the pass tests in list order: its matches so far are final */
	bool showing;             /* the list shows them */
	size_t shown;             /* how many it shows */
};

/* The list's filter: a search as typed, or rows handed over (a source, a tag). */
struct filter {
	char *text;             /* the active filter, as typed, or NULL */
	bool query;             /* it is a search (its hits show in opened articles) */
	size_t *rows;           /* articles that match it, in list order */
	size_t n;
	size_t upto;            /* a search filter's rows cover corpus positions [0, upto) */
	struct filter_pass pending;
};

void filter_free(struct filter *f);
/* The pending pass, if any, is given up; the list keeps what it shows. */
void filter_pass_drop(struct filter *f);
/* Show rows (corpus positions, put in list order here) labelled for the status line, not a
 * search; NULL label: the whole list. A pending pass is dropped. */
void filter_set_rows(struct filter *f, const struct filter_list *l, const char *label,
		     const size_t *rows, size_t n);
/* The query typed is now text: a new pass, as narrow as what is known allows (a query that
 * grew narrows the pending pass, or starts from the shown result when that was its prefix's).
 * The list keeps its rows until the pass shows (filter_step). A query with nothing to search
 * for shows the whole list at once. now: the caller's clock, for filter_pass.started. */
void filter_query(struct filter *f, const struct filter_list *l, const char *text, double now);
/* Corpus positions [from, to) joined the list (l->n is to): a search takes them in, out of
 * list order, so that pass shows only when done; a list of rows handed over is put in the
 * new order. */
void filter_more(struct filter *f, const struct filter_list *l, size_t from, size_t to,
		 double now);
/* One slice of the pending pass, about budget_us long (at least a few articles). Its result
 * shows when it is done; its matches so far when they are final and due: the query was
 * accepted or they fill a page of page rows, then as they double. True when it is done
 * (or nothing was pending). */
bool filter_step(struct filter *f, const struct filter_list *l, long budget_us, size_t page,
		 bool accepted);
/* Whether the rows shown are final for Enter to open one: nothing pending, or the pending
 * pass shows its first matches. */
bool filter_settled(const struct filter *f);

/* On the store the list is a window onto its full-text index: the filter follows the prompt
 * from the third letter (a query of one or two letters matches nearly every article, and its
 * first page is still the whole list's; Enter applies it). A key costs the first page only:
 * the count follows on a thread (store_window.h's counter). */
#define FILTER_STORE_TYPED 3
enum filter_store_action {
	FILTER_STORE_KEEP,     /* the list stays as it is */
	FILTER_STORE_UNFILTER, /* the list shows every article */
	FILTER_STORE_SEARCH,   /* the list shows text's matches */
};
/* What the store's list does for the query text: typing (the prompt is open; false: Enter),
 * shown (the filter shown, or NULL). */
enum filter_store_action filter_store_action(const char *text, bool typing, const char *shown);

#endif
