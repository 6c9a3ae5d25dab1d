/* layout_cache.c - laid-out articles kept by a byte bound, least lately used out first; the
 * entries of one text at several widths share its prepared paragraphs.
 *
 * Entries are few (tens): a scan of an array finds a key and the eviction's victim. */
#include "qari/layout_cache.h"

#include <stdlib.h>
#include <string.h>
#define XXH_STATIC_LINKING_ONLY /* XXH3_state_t on the stack */
#include <xxhash.h>

#include "qari/xalloc.h"

/* What layout_prepare keeps per byte of text at most: the shaped code point, its offset and
 * bidi type (4 bytes each), its level, width and flags (1 each), plus the struct. */
#define LAYOUT_CACHE_PREP_PER_BYTE 15
#define LAYOUT_CACHE_PREP_FIXED 96

/* The prepared paragraphs (bidi, shaping), the byline and the links of one text: shared by
 * its entries at several widths, so a resize re-wraps without preparing again. */
struct layout_cache_prepared {
	unsigned refs;
	struct layout_prep **preps;
	size_t npreps;
	char *meta;
	struct view_link *links;
};

struct layout_cache_entry {
	uint64_t key; /* what the view shows, width aside */
	int width;
	struct article_view view; /* its lines its own, the rest the prepared set's */
	struct layout_cache_prepared *prepared;
	size_t bytes;
	unsigned pins;  /* views handed out and not given back */
	uint64_t used;  /* the cache's clock at its last get */
};

struct layout_cache {
	struct layout_cache_entry **v;
	size_t n, cap;
	size_t max_bytes, bytes;
	uint64_t clock;
	size_t hits, misses, evictions;
};

struct layout_cache *layout_cache_new(size_t max_bytes)
{
	struct layout_cache *c = xcalloc(1, sizeof *c);
	c->max_bytes = max_bytes;
	return c;
}

static void layout_cache_entry_free(struct layout_cache_entry *e)
{
	struct layout_cache_prepared *p = e->prepared;

	for (size_t i = 0; i < e->view.nlines; i++)
		free(e->view.lines[i].line.cells);
	free(e->view.lines);
	if (--p->refs == 0) {
		for (size_t i = 0; i < p->npreps; i++)
			layout_prep_free(p->preps[i]);
		free(p->preps);
		free(p->meta);
		free(p->links);
		free(p);
	}
	free(e);
}

void layout_cache_free(struct layout_cache *c)
{
	if (c == NULL)
		return;
	for (size_t i = 0; i < c->n; i++)
		layout_cache_entry_free(c->v[i]);
	free(c->v);
	free(c);
}

/* A string and a mark of where it ends (NULL differs from ""). */
static void layout_cache_hash_str(XXH3_state_t *st, const char *s)
{
	static const char none = 1, end = 0;
	if (s)
		XXH3_64bits_update(st, s, strlen(s) + 1);
	XXH3_64bits_update(st, s ? &end : &none, 1);
}

/* Everything article_view_prepare reads: the options, the byline's fields, the text. */
static uint64_t layout_cache_key(const struct article *a, const struct layout_opts *o,
				 bool dir_forced, const char *source_name)
{
	XXH3_state_t st;
	unsigned char flags[5] = {(unsigned char)o->dir, o->reorder, o->shape, dir_forced,
				  (unsigned char)a->npara};

	XXH3_64bits_reset(&st);
	XXH3_64bits_update(&st, flags, sizeof flags);
	layout_cache_hash_str(&st, a->title);
	layout_cache_hash_str(&st, a->date);
	layout_cache_hash_str(&st, source_name ? source_name : a->source);
	layout_cache_hash_str(&st, a->author);
	layout_cache_hash_str(&st, a->url);
	for (size_t i = 0; i < a->npara; i++)
		layout_cache_hash_str(&st, a->paras[i]);
	return XXH3_64bits_digest(&st);
}

static size_t layout_cache_prep_bytes(const char *s)
{
	return s ? LAYOUT_CACHE_PREP_FIXED + LAYOUT_CACHE_PREP_PER_BYTE * (strlen(s) + 1) : 0;
}

size_t layout_cache_view_bytes(const struct article_view *v)
{
	size_t n = sizeof *v + v->cap * sizeof *v->lines + v->nlinks * sizeof *v->links +
		   v->npreps * sizeof *v->preps;

	for (size_t i = 0; i < v->nlines; i++)
		n += v->lines[i].line.ncells * sizeof *v->lines[i].line.cells;
	n += layout_cache_prep_bytes(v->article->title) + layout_cache_prep_bytes(v->meta);
	if (v->meta)
		n += strlen(v->meta) + 1;
	for (size_t i = 0; i < v->article->npara; i++)
		n += layout_cache_prep_bytes(v->article->paras[i]);
	return n;
}

/* The least lately used entries not pinned go until the kept bytes are within the bound. */
static void layout_cache_trim(struct layout_cache *c)
{
	while (c->bytes > c->max_bytes) {
		size_t victim = c->n;
		for (size_t i = 0; i < c->n; i++)
			if (c->v[i]->pins == 0 && (victim == c->n || c->v[i]->used < c->v[victim]->used))
				victim = i;
		if (victim == c->n)
			return; /* every entry is on screen */
		c->bytes -= c->v[victim]->bytes;
		layout_cache_entry_free(c->v[victim]);
		c->v[victim] = c->v[--c->n];
		c->evictions++;
	}
}

/* The entry of key at width; width < 0: at any width. */
static struct layout_cache_entry *layout_cache_find(const struct layout_cache *c, uint64_t key,
						    int width)
{
	for (size_t i = 0; i < c->n; i++)
		if (c->v[i]->key == key && (width < 0 || c->v[i]->width == width))
			return c->v[i];
	return NULL;
}

/* A new entry: the text's prepared set when another width has it, else prepared now. */
static struct layout_cache_entry *layout_cache_make(struct layout_cache *c, uint64_t key,
						    const struct article *a,
						    const struct layout_opts *o, bool dir_forced,
						    const char *source_name, int width)
{
	struct layout_cache_entry *e = xcalloc(1, sizeof *e), *sibling;

	e->key = key;
	e->width = width;
	if ((sibling = layout_cache_find(c, key, -1)) != NULL) {
		e->view = sibling->view;
		e->view.lines = NULL;
		e->view.nlines = e->view.cap = 0;
		e->prepared = sibling->prepared;
		e->prepared->refs++;
	} else {
		article_view_prepare(&e->view, a, o, dir_forced, source_name);
		e->prepared = xcalloc(1, sizeof *e->prepared);
		*e->prepared = (struct layout_cache_prepared){
			.refs = 1, .preps = e->view.preps, .npreps = e->view.npreps,
			.meta = e->view.meta, .links = e->view.links};
	}
	e->view.article = a;
	article_view_wrap(&e->view, width);
	/* each entry counts the prepared set: the bound holds however they share it */
	e->bytes = layout_cache_view_bytes(&e->view);
	return e;
}

const struct article_view *layout_cache_get(struct layout_cache *c, const struct article *a,
					    const struct layout_opts *o, bool dir_forced,
					    const char *source_name, int width)
{
	uint64_t key = layout_cache_key(a, o, dir_forced, source_name);
	struct layout_cache_entry *e;

	width = width < 1 ? 1 : width;
	if ((e = layout_cache_find(c, key, width)) != NULL) {
		c->hits++;
	} else {
		c->misses++;
		e = layout_cache_make(c, key, a, o, dir_forced, source_name, width);
		xgrow(&c->v, &c->cap, c->n + 1, sizeof *c->v);
		c->v[c->n++] = e;
		c->bytes += e->bytes;
	}
	e->view.article = a; /* the same text, maybe at another address than when it was made */
	e->pins++;
	e->used = ++c->clock;
	layout_cache_trim(c);
	return &e->view;
}

void layout_cache_put(struct layout_cache *c, const struct article_view *v)
{
	for (size_t i = 0; i < c->n; i++)
		if (&c->v[i]->view == v && c->v[i]->pins > 0) {
			c->v[i]->pins--;
			break;
		}
	layout_cache_trim(c);
}

void layout_cache_stats(const struct layout_cache *c, struct layout_cache_stats *out)
{
	*out = (struct layout_cache_stats){.hits = c->hits, .misses = c->misses,
					   .evictions = c->evictions, .entries = c->n,
					   .bytes = c->bytes};
}
