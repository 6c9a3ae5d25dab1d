/* store_window.c - the list on the store as a window of rows around the selection
 * (store_window.h). */
#include "store_window.h"

#include <stdlib.h>
#include <string.h>

#include "qari/xalloc.h"

void store_window_init(struct store_window *w, struct store *s)
{
	memset(w, 0, sizeof *w);
	w->store = s;
	w->f = STORE_LIST_ALL;
}

static void window_drop_search(struct store_window *w)
{
	if (w->f.query)
		search_query_free(&w->q);
	w->f.query = NULL;
}

void store_window_free(struct store_window *w)
{
	window_drop_search(w);
	free((char *)w->f.source);
	free((int64_t *)w->f.feeds);
	store_list_page_free(&w->page);
	memset(w, 0, sizeof *w);
}

void store_window_reset(struct store_window *w)
{
	store_list_page_clear(&w->page);
	w->base = 0;
	w->counted = false;
}

static void window_count(struct store_window *w)
{
	if (w->counted)
		return;
	w->count = store_list_count(w->store, &w->f, &w->unread);
	w->counted = true;
}

size_t store_window_count(struct store_window *w)
{
	window_count(w);
	return w->count;
}

size_t store_window_unread(struct store_window *w)
{
	window_count(w);
	return w->unread;
}

static void window_free_rows(struct store_list_row *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].title);
		free(v[i].date);
		free(v[i].source);
	}
}

/* Keep at most STORE_WINDOW_KEEP rows, those farthest from row i dropped. */
static void window_trim(struct store_window *w, size_t i)
{
	struct store_list_page *p = &w->page;
	size_t drop;

	if (p->n <= STORE_WINDOW_KEEP)
		return;
	drop = p->n - STORE_WINDOW_KEEP;
	if (i - w->base >= p->n / 2) { /* i in the later half: the first rows go */
		window_free_rows(p->v, drop);
		memmove(p->v, p->v + drop, (p->n - drop) * sizeof *p->v);
		w->base += drop;
	} else {
		window_free_rows(p->v + p->n - drop, drop);
	}
	p->n -= drop;
}

/* Rows newer than the first kept, up to want of them, put before it; returns how many. */
static size_t window_prepend(struct store_window *w, size_t want)
{
	struct store_list_page more = {0};
	struct store_list_key k = w->page.v[0].key;
	size_t got = store_list_before(w->store, &w->f, &k, want, &more);

	w->reads++;
	xgrow(&more.v, &more.cap, more.n + w->page.n, sizeof *more.v);
	memcpy(more.v + more.n, w->page.v, w->page.n * sizeof *more.v);
	more.n += w->page.n;
	free(w->page.v);
	w->page = more;
	return got;
}

/* The rows around i read afresh, from whichever end of the list is nearer, the rows before
 * them passed over a page at a time. */
static void window_read_around(struct store_window *w, size_t i)
{
	struct store_list_page *p = &w->page;
	size_t half = STORE_WINDOW_PAGE / 2, skip, got;
	bool from_end = i > w->count / 2;
	struct store_list_cursor *c = store_list_open(w->store, &w->f, NULL, from_end);

	store_list_page_clear(p);
	if (!from_end) {
		skip = i > half ? i - half : 0;
		for (w->base = 0; w->base < skip; w->base += got) {
			got = store_list_next(c, skip - w->base < STORE_WINDOW_PAGE ? skip - w->base
										: STORE_WINDOW_PAGE, p);
			w->reads++;
			store_list_page_clear(p);
			if (got == 0)
				break;
		}
		got = store_list_next(c, STORE_WINDOW_PAGE, p);
		w->reads++;
		if (got < STORE_WINDOW_PAGE)
			w->count = w->base + got; /* the end: the count is exact */
	} else {
		size_t from_last = w->count - 1 - i, passed = 0; /* rows after i */
		skip = from_last > half ? from_last - half : 0;
		while (passed < skip) {
			got = store_list_next(c, skip - passed < STORE_WINDOW_PAGE ? skip - passed
										   : STORE_WINDOW_PAGE, p);
			w->reads++;
			store_list_page_clear(p);
			if (got == 0)
				break;
			passed += got;
		}
		got = store_list_next(c, STORE_WINDOW_PAGE, p);
		w->reads++;
		for (size_t k = 0; k < got / 2; k++) { /* read oldest first, kept newest first */
			struct store_list_row t = p->v[k];
			p->v[k] = p->v[got - 1 - k];
			p->v[got - 1 - k] = t;
		}
		w->base = w->count >= passed + got ? w->count - passed - got : 0;
	}
	store_list_close(c);
}

const struct store_list_row *store_window_row(struct store_window *w, size_t i)
{
	struct store_list_page *p = &w->page;
	size_t end;

	window_count(w);
	if (i >= w->count)
		return NULL;
	end = w->base + p->n;
	if (p->n && i >= w->base && i < end)
		return &p->v[i - w->base];
	if (p->n && i >= end && i - end < STORE_WINDOW_KEEP) {
		struct store_list_key k = p->v[p->n - 1].key;
		size_t want = i - end + STORE_WINDOW_PAGE;
		size_t got = store_list_after(w->store, &w->f, &k, want, p);
		w->reads++;
		if (got < want)
			w->count = w->base + p->n; /* the end: the count is exact */
	} else if (p->n && i < w->base && w->base - i < STORE_WINDOW_KEEP) {
		size_t want = w->base - i + STORE_WINDOW_PAGE;
		size_t got;
		want = want > w->base ? w->base : want;
		got = window_prepend(w, want);
		/* a search's count is its candidates': the top may be nearer than it said */
		w->base = got < want ? 0 : w->base - got;
	} else {
		window_read_around(w, i);
	}
	window_trim(w, i);
	return i >= w->base && i < w->base + p->n ? &p->v[i - w->base] : NULL;
}

size_t store_window_seek(struct store_window *w, const struct store_list_key *key)
{
	struct store_list_page *p = &w->page;
	size_t at = store_list_rank(w->store, &w->f, key), before;

	window_count(w);
	store_list_page_clear(p);
	before = store_list_before(w->store, &w->f, key, STORE_WINDOW_PAGE / 2, p);
	/* the row itself and those after it: after the last newer one, else from the top */
	if (before)
		store_list_after(w->store, &w->f, &p->v[before - 1].key, STORE_WINDOW_PAGE, p);
	else
		store_list_after(w->store, &w->f, NULL, STORE_WINDOW_PAGE, p);
	w->reads += 2;
	w->base = at >= before ? at - before : 0;
	return at;
}

size_t store_window_newer(struct store_window *w)
{
	size_t was = w->count, got = 0;
	bool counted = w->counted;

	w->counted = false;
	window_count(w);
	if (w->page.n && w->base == 0) {
		got = window_prepend(w, STORE_WINDOW_KEEP);
		if (got == STORE_WINDOW_KEEP) { /* more than a window came: read it afresh */
			store_list_page_clear(&w->page);
			return counted && w->count > was ? w->count - was : got;
		}
		window_trim(w, 0);
		return got;
	}
	got = counted && w->count > was ? w->count - was : 0;
	w->base += w->page.n ? got : 0;
	return got;
}

void store_window_mark(struct store_window *w, const char *id, int read, int bookmark)
{
	bool kept = false;

	for (size_t i = 0; i < w->page.n; i++) {
		struct store_list_row *r = &w->page.v[i];
		if (strcmp(r->id, id) != 0)
			continue;
		kept = true;
		if (read >= 0 && r->read != (read != 0)) /* a row of the list: the count moves by one */
			w->unread += read ? (size_t)-1 : 1;
		if (read >= 0)
			r->read = read != 0;
		if (bookmark >= 0)
			r->bookmark = bookmark != 0;
	}
	/* the rows stay where they are (a view of unread ones keeps a row read now); a mark of
	 * an article not kept may be of a row of the list: counted again */
	if (!kept && w->counted) {
		size_t count = w->count;
		w->counted = false;
		window_count(w);
		w->count = count;
	}
}

bool store_window_search(struct store_window *w, const char *text)
{
	struct search_query q;

	if (!search_query_init(&q, text, false))
		return false;
	window_drop_search(w);
	w->q = q;
	w->f.query = &w->q;
	store_window_reset(w);
	return true;
}

void store_window_feed(struct store_window *w, int64_t feed, const char *source)
{
	free((char *)w->f.source);
	w->f.source = source ? xstrdup(source) : NULL;
	w->f.feed = feed;
	store_window_reset(w);
}

void store_window_feeds(struct store_window *w, const int64_t *feeds, size_t n)
{
	int64_t *v = n ? xcalloc(n, sizeof *v) : NULL;
	if (n)
		memcpy(v, feeds, n * sizeof *v);
	free((int64_t *)w->f.feeds);
	w->f.feeds = v;
	w->f.nfeeds = n;
	store_window_reset(w);
}

void store_window_marks(struct store_window *w, enum store_list_marks marks)
{
	w->f.marks = marks;
	store_window_reset(w);
}

void store_window_clear(struct store_window *w)
{
	window_drop_search(w);
	store_window_feed(w, STORE_LIST_ANY_FEED, NULL);
	store_window_feeds(w, NULL, 0);
}
