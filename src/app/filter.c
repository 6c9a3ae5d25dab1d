/* filter.c - the list filter's logic: which rows the list shows for a query, computed in
 * slices (filter.h).
 *
 * A key in the prompt only sets up a pass (search_pass), which the event loop runs in slices
 * between looks at the keyboard. A pass tests the articles in list order, so its matches so far
 * are the top of its result: the list shows them once they fill the page or the query is
 * accepted (Enter), and Enter in the list opens one of them without waiting for the rest (fzf
 * does the same). Until then the list keeps its rows. A query that grew narrows the pending
 * pass (its matches so far plus what it has not tested yet, still in list order), or starts
 * from the shown result; articles that arrive while loading join the pass, out of order: such
 * a pass shows only when done. */
#include "filter.h"

#include <stdlib.h>
#include <string.h>

#include "load.h"
#include "qari/xalloc.h"

void filter_pass_drop(struct filter *f)
{
	struct filter_pass *p = &f->pending;

	if (p->text == NULL)
		return;
	xfree(&p->text);
	search_query_free(&p->q);
	search_pass_free(&p->pass);
}

void filter_free(struct filter *f)
{
	filter_pass_drop(f);
	xfree(&f->text);
	xfree(&f->rows);
	f->n = 0;
}

/* The list shows rows (in list order, taken), labelled; NULL label: all. The list gets the new
 * rows before the old ones are freed. */
static void filter_show_rows(struct filter *f, const struct filter_list *l, const char *label,
			     size_t *rows, size_t n)
{
	size_t *old_rows = f->rows;
	char *old_label = f->text;

	f->text = label ? xstrdup(label) : NULL;
	f->rows = rows;
	f->n = label ? n : 0;
	f->query = false;
	f->pending.showing = false;
	if (label)
		l->show(l->ctx, f->rows, f->n);
	else
		l->show(l->ctx, l->order, l->n);
	free(old_rows);
	free(old_label);
}

/* Rows (corpus positions) put in list order, as filter_show_rows. */
static void filter_show(struct filter *f, const struct filter_list *l, const char *label,
			const size_t *rows, size_t n)
{
	size_t *v = label ? xcalloc(n + 1, sizeof *v) : NULL;

	if (label && n) {
		memcpy(v, rows, n * sizeof *rows);
		load_sort_rows(v, n, l->rank);
	}
	filter_show_rows(f, l, label, v, n);
}

void filter_set_rows(struct filter *f, const struct filter_list *l, const char *label,
		     const size_t *rows, size_t n)
{
	filter_pass_drop(f);
	filter_show(f, l, label, rows, n);
}

/* Rows as search positions, into the pass: as candidates, or as matches already known. */
static void filter_pass_add_rows(struct search_pass *p, const size_t *rows, size_t n, bool found)
{
	uint32_t *v = xcalloc(n + 1, sizeof *v);
	for (size_t i = 0; i < n; i++)
		v[i] = (uint32_t)rows[i];
	if (found)
		search_pass_keep(p, v, n);
	else
		search_pass_add(p, v, n);
	free(v);
}

/* Whether q can only match where the shown search filter matched: its matching form holds
 * the filter's (the query grew as it was typed). */
static bool filter_within_shown(const struct filter *f, const struct search_query *q)
{
	struct search_query old;
	bool within;

	if (!f->text || !f->query || !search_query_init(&old, f->text, false))
		return false;
	within = strstr(q->norm, old.norm) != NULL;
	search_query_free(&old);
	return within;
}

/* A fresh pass for a query: over the shown result and the articles it has not seen when the
 * query holds the shown one's, else over the whole list, in list order. */
static void filter_pass_start(struct filter *f, const struct filter_list *l,
			      const struct search_query *q)
{
	struct filter_pass *p = &f->pending;

	filter_pass_drop(f);
	search_pass_init(&p->pass);
	if (filter_within_shown(f, q)) {
		filter_pass_add_rows(&p->pass, f->rows, f->n, false);
		search_pass_add_range(&p->pass, f->upto, l->n);
		p->ordered = f->upto == l->n;
	} else {
		filter_pass_add_rows(&p->pass, l->order, l->n, false);
		p->ordered = true;
	}
}

void filter_query(struct filter *f, const struct filter_list *l, const char *text, double now)
{
	struct filter_pass *p = &f->pending;
	struct search_query q;

	if (!search_query_init(&q, text, false)) {
		filter_set_rows(f, l, NULL, NULL, 0);
		return;
	}
	if (p->text && strstr(q.norm, p->q.norm)) {
		/* grew: the pending pass's matches so far and its untested rest */
		search_pass_narrow(&p->pass);
		xfree(&p->text);
		search_query_free(&p->q);
	} else {
		filter_pass_start(f, l, &q);
	}
	p->text = xstrdup(text);
	p->q = q;
	p->started = now;
	p->showing = false;
	p->shown = 0;
}

void filter_more(struct filter *f, const struct filter_list *l, size_t from, size_t to,
		 double now)
{
	struct filter_pass *p = &f->pending;

	if (p->text == NULL && f->text && f->query) {
		/* the shown result stays; only the new articles are to test */
		if (!search_query_init(&p->q, f->text, false))
			return;
		p->text = xstrdup(f->text);
		p->started = now;
		p->showing = false;
		search_pass_init(&p->pass);
		filter_pass_add_rows(&p->pass, f->rows, f->n, true);
		search_pass_add_range(&p->pass, f->upto, from);
	}
	if (p->text) {
		search_pass_add_range(&p->pass, from, to);
		p->ordered = false; /* the newcomers fall anywhere in the list */
	} else if (f->text) {
		filter_show(f, l, f->text, f->rows, f->n); /* re-sorted */
	}
}

/* A pass's matches as list rows. */
static size_t *filter_found_rows(const struct search_pass *p)
{
	size_t *rows = xcalloc(p->nfound + 1, sizeof *rows);
	for (size_t i = 0; i < p->nfound; i++)
		rows[i] = p->found[i];
	return rows;
}

/* The pass is done: its result is the list (in list order already when it tested so). */
static void filter_pass_done(struct filter *f, const struct filter_list *l)
{
	struct filter_pass *p = &f->pending;
	size_t *rows = filter_found_rows(&p->pass);
	char *text = p->text;

	p->text = NULL;
	if (p->ordered) {
		filter_show_rows(f, l, text, rows, p->pass.nfound);
	} else {
		filter_show(f, l, text, rows, p->pass.nfound);
		free(rows);
	}
	f->query = true;
	f->upto = l->n;
	search_query_free(&p->q);
	search_pass_free(&p->pass);
	free(text);
}

/* Whether the matches so far are worth showing: the query was accepted, or they fill the
 * page; after that as they double (copying them then costs little over a pass), and while
 * they do not fill the page yet, each time one comes. */
static bool filter_partial_due(const struct filter_pass *p, size_t page, bool accepted)
{
	size_t n = p->pass.nfound;

	if (!p->ordered || n == 0 || (p->showing && n == p->shown))
		return false;
	if (!p->showing)
		return accepted || n >= page;
	return p->shown < page || n >= 2 * p->shown;
}

/* The matches so far as the list: the top of the final one, as the pass tests in list order. */
static void filter_show_partial(struct filter *f, const struct filter_list *l)
{
	struct filter_pass *p = &f->pending;
	size_t n = p->pass.nfound;

	filter_show_rows(f, l, p->text, filter_found_rows(&p->pass), n);
	p->showing = true;
	p->shown = n;
}

bool filter_step(struct filter *f, const struct filter_list *l, long budget_us, size_t page,
		 bool accepted)
{
	struct filter_pass *p = &f->pending;

	if (p->text == NULL)
		return true;
	if (search_filter_step(l->index, &p->q, &p->pass, budget_us)) {
		filter_pass_done(f, l);
		return true;
	}
	if (filter_partial_due(p, page ? page : 1, accepted))
		filter_show_partial(f, l);
	return false;
}

bool filter_settled(const struct filter *f)
{
	return f->pending.text == NULL || (f->pending.showing && f->pending.shown > 0);
}

/* Code points of a query's matching form (0: no query). */
static size_t filter_query_points(const char *text)
{
	struct search_query q;
	size_t n = 0;

	if (!search_query_init(&q, text, false))
		return 0;
	for (size_t i = 0; i < q.len; i++)
		n += ((unsigned char)q.norm[i] & 0xC0) != 0x80;
	search_query_free(&q);
	return n;
}

enum filter_store_action filter_store_action(const char *text, bool typing, const char *shown)
{
	size_t points = filter_query_points(text);

	if (points == 0 || (typing && points < FILTER_STORE_TYPED))
		return shown ? FILTER_STORE_UNFILTER : FILTER_STORE_KEEP;
	if (!shown || strcmp(shown, text) != 0)
		return FILTER_STORE_SEARCH;
	return FILTER_STORE_KEEP;
}
