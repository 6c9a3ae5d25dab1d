/* feeds.c - every subscription fetched at once (fetch.c), each answer parsed and stored as it
 * arrives, on the caller's thread. */
#include "qari/feeds.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "loader.h"
#include "qari/xalloc.h"

struct feeds_job {
	struct store *s;
	const struct subs *subs;
	struct store_feed *feeds; /* by subscription */
	size_t *sub_of;           /* request → subscription */
	feeds_done_fn *done;
	void *ctx;
	struct feeds_summary *sum;
};

int64_t feeds_backoff(int failures)
{
	int64_t wait = 60;
	if (failures < 2)
		return 0;
	for (int k = 2; k < failures && wait < FEEDS_BACKOFF_MAX; k++)
		wait *= 2;
	return wait < FEEDS_BACKOFF_MAX ? wait : FEEDS_BACKOFF_MAX;
}

static void feeds_report(struct feeds_job *j, size_t k, struct feeds_result *r)
{
	struct feeds_summary *s = j->sum;
	s->done++;
	s->failed += r->outcome == FEEDS_FAILED;
	s->skipped += r->outcome == FEEDS_SKIPPED;
	s->not_modified += r->outcome == FEEDS_NOT_MODIFIED;
	s->got.added += r->got.added;
	s->got.updated += r->got.updated;
	s->got.unchanged += r->got.unchanged;
	if (j->done)
		j->done(j->ctx, &j->subs->v[k], r);
}

/* A failed fetch: counted in the store, the next try put off. */
static void feeds_failed(struct feeds_job *j, size_t k, const char *error, int64_t retry_after)
{
	struct store_feed *f = &j->feeds[k];
	int64_t now = (int64_t)time(NULL), wait = feeds_backoff(f->failures + 1);
	struct feeds_result r = {.outcome = FEEDS_FAILED, .error = error};
	char *e = NULL;

	if (retry_after > wait)
		wait = retry_after < FEEDS_BACKOFF_MAX ? retry_after : FEEDS_BACKOFF_MAX;
	r.retry_at = wait ? now + wait : 0;
	store_feed_failed(j->s, f->id, r.retry_at, &e);
	free(e);
	feeds_report(j, k, &r);
}

/* The body of a 200: UTF-8, a feed (not a page), parsed, stored in one transaction. */
static void feeds_store(struct feeds_job *j, size_t k, struct fetch_result *fr)
{
	struct store_feed *f = &j->feeds[k];
	struct feeds_result r = {.outcome = FEEDS_NEW};
	char *text, *error = NULL;
	size_t len;
	struct corpus c;

	if (fetch_is_html(fr->body, fr->len, fr->content_type)) {
		feeds_failed(j, k, "a web page, not a feed (qari add URL finds the page's feed)", 0);
		return;
	}
	if ((text = fetch_to_utf8(fr->body, fr->len, fr->content_type, &len, &error)) == NULL) {
		feeds_failed(j, k, error, 0);
		free(error);
		return;
	}
	corpus_init(&c);
	load_feed(&c, f->url, text, len);
	free(text);
	if (c.n == 0 && c.report.nmessages && !strstr(c.report.messages[0], "without items")) {
		/* the message names the URL first: keep what follows */
		const char *m = c.report.messages[0] + strlen(f->url);
		feeds_failed(j, k, *m == ':' ? m + 2 : m, 0);
	} else if (!store_ingest(j->s, f->id, &c, 0, c.n, &r.got, &error) ||
		   !store_feed_ok(j->s, f->id, fr->etag, fr->last_modified, NULL, &error)) {
		feeds_failed(j, k, error, 0);
		free(error);
	} else {
		feeds_report(j, k, &r);
	}
	corpus_free(&c);
}

static void feeds_fetched(void *ctx, size_t i, struct fetch_result *fr)
{
	struct feeds_job *j = ctx;
	size_t k = j->sub_of[i];

	if (fr->outcome == FETCH_FAILED)
		feeds_failed(j, k, fr->error, fr->retry_after);
	else if (fr->outcome == FETCH_NOT_MODIFIED) {
		struct feeds_result r = {.outcome = FEEDS_NOT_MODIFIED};
		char *e = NULL;
		/* the validators stay; the feed answered, so its failures are over */
		store_feed_ok(j->s, j->feeds[k].id, j->feeds[k].etag, j->feeds[k].last_modified, NULL,
			      &e);
		free(e);
		feeds_report(j, k, &r);
	} else
		feeds_store(j, k, fr);
	fetch_result_free(fr);
}

void feeds_fetch(struct store *s, const struct subs *subs, const struct fetch_opts *opts,
		 feeds_done_fn *done, void *ctx, atomic_bool *cancel, struct feeds_summary *sum)
{
	struct feeds_job j = {.s = s, .subs = subs, .done = done, .ctx = ctx, .sum = sum};
	struct fetch_request *reqs = xcalloc(subs->n ? subs->n : 1, sizeof *reqs);
	int64_t now = (int64_t)time(NULL);
	size_t nreq = 0;

	memset(sum, 0, sizeof *sum);
	j.feeds = xcalloc(subs->n ? subs->n : 1, sizeof *j.feeds);
	j.sub_of = xcalloc(subs->n ? subs->n : 1, sizeof *j.sub_of);
	for (size_t k = 0; k < subs->n; k++) {
		char *error = NULL;
		struct store_feed *f = &j.feeds[k];
		if (!store_feed_get(s, subs->v[k].url, f, &error)) {
			struct feeds_result r = {.outcome = FEEDS_FAILED, .error = error};
			feeds_report(&j, k, &r);
			free(error);
			continue;
		}
		store_feed_set_name(s, f->id, subs->v[k].name, &error);
		free(error);
		if (f->retry_at > now) {
			struct feeds_result r = {.outcome = FEEDS_SKIPPED, .retry_at = f->retry_at};
			feeds_report(&j, k, &r);
			continue;
		}
		reqs[nreq] = (struct fetch_request){.url = f->url, .etag = f->etag,
						    .last_modified = f->last_modified};
		j.sub_of[nreq++] = k;
	}
	fetch_all(reqs, nreq, opts, feeds_fetched, &j, cancel);
	for (size_t k = 0; k < subs->n; k++)
		store_feed_free(&j.feeds[k]);
	free(j.feeds);
	free(j.sub_of);
	free(reqs);
}
