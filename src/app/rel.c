/* rel.c - the related stories' part of the reader without the reader (rel.h): the walk ] and
 * [ take, and what an entry of the sidebar says of its sources. */
#include "rel.h"

#include <stdlib.h>
#include <string.h>

#include "qari/xalloc.h"

void rel_walk_start(struct rel_walk *w, size_t anchor, int64_t anchor_row)
{
	w->anchor = anchor;
	w->anchor_row = anchor_row;
	w->pos = -1;
}

bool rel_walk_step(const struct rel_walk *w, bool forward, size_t n, long *to)
{
	long pos = w->pos + (forward ? 1 : -1);

	/* the anchor's list may be shorter than when the walk began (re-read on the store) */
	if (pos >= (long)n || (pos < 0 && w->pos < 0))
		return false;
	*to = pos;
	return true;
}

long rel_walk_find(const struct related_link *links, size_t n, size_t article)
{
	for (size_t i = 0; i < n; i++)
		if (links[i].article == article)
			return (long)i;
	return -1;
}

/* The article of an entry's i-th member: its own (0), then its copies'. */
static const struct article *rel_member(const struct corpus *c, const struct related_link *l,
					size_t i)
{
	return c->items[i ? l->copies[i - 1] : l->article];
}

size_t rel_sources_distinct(const char *const *sources, size_t n)
{
	size_t count = 0;

	for (size_t i = 0; i < n; i++) {
		bool seen = false;
		for (size_t j = 0; j < i && sources[i]; j++)
			seen |= sources[j] && strcmp(sources[j], sources[i]) == 0;
		count += !seen;
	}
	return count;
}

size_t rel_link_sources(const struct corpus *c, const struct related_link *l)
{
	const char **sources = xcalloc(l->ncopies + 1, sizeof *sources);
	size_t n;

	for (size_t i = 0; i <= l->ncopies; i++)
		sources[i] = rel_member(c, l, i)->source;
	n = rel_sources_distinct(sources, l->ncopies + 1);
	free(sources);
	return n;
}

void rel_free_links(struct rel *r)
{
	related_links_free(r->links, r->n);
	r->links = NULL;
	r->n = 0;
	store_related_list_free(&r->stored);
	memset(&r->stored, 0, sizeof r->stored);
}

void rel_free_early(struct rel *r)
{
	article_entities_free(&r->early);
	memset(&r->early, 0, sizeof r->early);
	r->early_of = (size_t)-1;
}
