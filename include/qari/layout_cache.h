/* layout_cache.h - the articles laid out lately (issue 16: memory stays bounded), least
 * lately used first out, bounded by the bytes their views take rather than by a count.
 *
 * An entry is an article_view: the article prepared with some options (bidi, shaping, the
 * byline's source name) and wrapped at one width. Its key is a hash of what the view shows
 * (title, byline fields, paragraphs, options), not the article's address: the store's slots
 * and the in-memory corpus reuse addresses, and F replaces an article's text in place. A
 * view handed out is pinned until it is given back: never evicted while a pane shows it.
 * Entries of one text at several widths share its prepared paragraphs (a resize re-wraps). */
#ifndef QARI_LAYOUT_CACHE_H
#define QARI_LAYOUT_CACHE_H

#include <stdbool.h>
#include <stddef.h>

#include "qari/article_view.h"

struct layout_cache;

struct layout_cache_stats {
	size_t hits, misses, evictions;
	size_t entries, bytes; /* kept now */
};

struct layout_cache *layout_cache_new(size_t max_bytes);
void layout_cache_free(struct layout_cache *c);

/* Article a laid out as article_view_prepare(o, dir_forced, source_name) then
 * article_view_wrap(width) would make it: the view kept, else a new one made and kept. The
 * view is pinned (and its article set to a) until layout_cache_put; do not change it. */
const struct article_view *layout_cache_get(struct layout_cache *c, const struct article *a,
					    const struct layout_opts *o, bool dir_forced,
					    const char *source_name, int width);
/* Unpin a view layout_cache_get gave; entries past the byte bound go, least lately used first. */
void layout_cache_put(struct layout_cache *c, const struct article_view *v);

void layout_cache_stats(const struct layout_cache *c, struct layout_cache_stats *out);

/* The bytes a view takes (its lines' cells and its prepared paragraphs, an upper estimate). */
size_t layout_cache_view_bytes(const struct article_view *v);

#endif
