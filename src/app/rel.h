/* rel.h - the open article's related stories apart from the reader: what the sidebar keeps of
 * them and the walk ] and [ take through an article's related stories (rel.c). sidebar.c fills
 * the pane and opens the stories; these functions take the part, or the links they read,
 * never struct app, so tests/unit/test_rel.c runs them in memory. */
#ifndef QARI_REL_H
#define QARI_REL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "qari/corpus.h"
#include "qari/entity.h"
#include "qari/related.h"
#include "qari/store_related.h"

/* ] and [ walk the related stories of the article the walk started from (its anchor), not of
 * the story they opened: opening a story starts no new walk. */
struct rel_walk {
	size_t anchor;      /* the article whose related stories ] and [ walk */
	long pos;           /* where in that walk (-1: at the anchor) */
	int64_t anchor_row; /* on the store: the anchor's row (its slot may be reused) */
};

/* The open article's entities and related stories in the sidebar (sidebar.c). */
struct rel {
	struct article_entities early; /* the open article's, found at once while the index is
					  being built (the sidebar needs not wait for it) */
	size_t early_of;               /* the article they are of, (size_t)-1: none */
	int fill_w;                    /* the sidebar's width when it was filled (titles wrap) */
	struct related_link *links;    /* of the open article */
	size_t n;
	struct store_related_list stored; /* on the store: the open article's, read from it */
	struct rel_walk walk;
	bool mentions_shown;           /* the reader's hits are the selected entity's mentions */
};

/* A walk from article anchor (anchor_row: its row on the store, else 0), at the anchor. */
void rel_walk_start(struct rel_walk *w, size_t anchor, int64_t anchor_row);
/* Where ] (forward) or [ goes from w among the anchor's n related stories: their place, -1
 * for the anchor itself. False: nowhere (past the last story, or back before the anchor). */
bool rel_walk_step(const struct rel_walk *w, bool forward, size_t n, long *to);
/* The place of article among links (the open article's related stories); -1: not there. */
long rel_walk_find(const struct related_link *links, size_t n, size_t article);

/* The sources an entry stands for: its article's and its copies', each named once. */
size_t rel_link_sources(const struct corpus *c, const struct related_link *l);

void rel_free_links(struct rel *r);  /* the related stories, computed or stored */
void rel_free_early(struct rel *r);  /* the early entities; early_of becomes none */

#endif
