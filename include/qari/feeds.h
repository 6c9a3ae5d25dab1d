/* feeds.h - fetching subscriptions into the store: each feed fetched (conditionally, unless it
 * is backing off), converted to UTF-8, parsed by the feed loader and ingested in one
 * transaction of its own; its validators and failures kept with it.
 *
 * Back-off: a feed that failed k times in a row (k ≥ 2) waits min(60 s × 2^(k-2), 6 h)
 * before the next try, or what its Retry-After said when that is longer. */
#ifndef QARI_FEEDS_H
#define QARI_FEEDS_H

#include <stdatomic.h>
#include <stdint.h>

#include "qari/fetch.h"
#include "qari/store.h"
#include "qari/subs.h"

#define FEEDS_BACKOFF_MAX (6 * 3600)

enum feeds_outcome {
	FEEDS_NEW,          /* fetched and stored: see got */
	FEEDS_NOT_MODIFIED, /* 304 */
	FEEDS_SKIPPED,      /* backing off until retry_at */
	FEEDS_FAILED,       /* see error */
};

struct feeds_result {
	enum feeds_outcome outcome;
	struct store_ingest got;
	const char *error;  /* FEEDS_FAILED */
	int64_t retry_at;   /* FEEDS_SKIPPED, and after a failure */
};

/* Called on feeds_fetch's thread as each feed is done (in any order). */
typedef void feeds_done_fn(void *ctx, const struct sub *sub, const struct feeds_result *r);

struct feeds_summary {
	size_t done, failed, skipped, not_modified;
	struct store_ingest got;
};

/* Fetch every subscription of subs into s. cancel may be NULL. */
void feeds_fetch(struct store *s, const struct subs *subs, const struct fetch_opts *opts,
		 feeds_done_fn *done, void *ctx, atomic_bool *cancel, struct feeds_summary *sum);
/* The wait after a feed's failures-th failure in a row (seconds). */
int64_t feeds_backoff(int failures);

#endif
