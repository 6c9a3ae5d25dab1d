/* corpus_index.h - everything qari derives from a loaded corpus, built in the background:
 *   phase 1: the search index (matching forms of every article), for filtering as you type;
 *   phase 2: named entities per article and merged across the corpus, then related stories.
 * Work is split over threads by disjoint article ranges (the modules are pure per article).
 * A pipe tells an event loop when a phase is done, so the reader stays usable meanwhile. */
#ifndef QARI_CORPUS_INDEX_H
#define QARI_CORPUS_INDEX_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>

#include "qari/corpus.h"
#include "qari/entity.h"
#include "qari/related.h"
#include "qari/search.h"

enum corpus_index_ready {
	CORPUS_INDEX_SEARCH = 1 << 0,
	CORPUS_INDEX_ENTITIES = 1 << 1, /* entities and related stories */
};

struct corpus_index {
	const struct corpus *corpus;
	struct search_index search;
	struct entity_table entities;
	struct furniture furniture; /* learned before the entities (and the sidebar's early ones
				       once CORPUS_INDEX_SEARCH is ready) */
	struct related_index related;
	char *error;                /* the NER model could not load: no entities */
	bool use_cache;             /* entities cached between runs (corpus_index_cache) */
	char *cache_dir;            /* its folder, NULL: the XDG cache folder */
	char *cache_error;          /* the cache could not be written (the index is whole) */
	atomic_uint ready;          /* enum corpus_index_ready */
	atomic_size_t done;         /* articles through the current phase */
	atomic_bool cancel;
	int nthreads;
	int pipe[2];                /* a byte per finished phase */
	pthread_t thread;
	bool started;               /* the builder thread runs (or ran) */
	pthread_mutex_t lock;
	pthread_cond_t changed;
	struct article_entities *given; /* entities known already (the store's), by position: */
	uint8_t *given_have;            /* given[i] holds them; not tagged again */
	size_t ngiven;
};

/* While the corpus still grows (loading in the background): the search index alone, empty,
 * for search_filter on the caller's thread, which builds entries as it needs them. Grow it to
 * the first n articles of the corpus as they may be searched. corpus_index_start keeps what
 * was built. Before start, corpus_index_fd is valid and silent. */
void corpus_index_prepare(struct corpus_index *x, const struct corpus *c);
void corpus_index_grow(struct corpus_index *x, size_t n);
/* Keep articles' entities between runs in the cache in folder dir (NULL: the XDG cache
 * folder; see entity_cache.h). Before corpus_index_start or _build. */
void corpus_index_cache(struct corpus_index *x, const char *dir);
/* Take over es[i] where have[i] for the first n articles (the entities the store found at
 * ingest): they are not tagged again. Before corpus_index_start or _build; es and have are
 * freed by the index (with the entities it did not take). */
void corpus_index_give(struct corpus_index *x, struct article_entities *es, uint8_t *have,
		       size_t n);
/* Start building in the background (nthreads ≤ 0: one per CPU, at most 8). */
void corpus_index_start(struct corpus_index *x, const struct corpus *c, int nthreads);
/* Build everything now, on this thread's time (subcommands, benchmarks). */
void corpus_index_build(struct corpus_index *x, const struct corpus *c, int nthreads);
/* Readable when a phase finished; corpus_index_poll drains it and returns what is ready. */
int corpus_index_fd(const struct corpus_index *x);
unsigned corpus_index_poll(struct corpus_index *x);
/* Block until the flags are ready (the search index is quick: the UI may wait for it). */
void corpus_index_wait(struct corpus_index *x, unsigned flags);
/* Percent of the work done, for the status line. */
int corpus_index_percent(const struct corpus_index *x);
void corpus_index_free(struct corpus_index *x);

#endif
