/* store_view.h - what store_view.c (the store, R) and page_view.c (F) share: the
 * background job (private to src/app/). */
#ifndef QARI_APP_STORE_VIEW_H
#define QARI_APP_STORE_VIEW_H

#include <pthread.h>
#include <stdatomic.h>

#include "app.h"
#include "qari/fetch.h"
#include "qari/store.h"
#include "qari/subs.h"

struct app_fetch {
	bool page;           /* a summary's page (F), else the subscriptions (R) */
	char *url;           /* page: its URL, the article's row and title */
	int64_t row;
	char *title;
	char *page_error;    /* page: what went wrong, or NULL */
	long keep_days, max_items; /* feeds: retention after fetching */
	size_t page_paras;   /* page: paragraphs found */
	pthread_t thread;
	int pipe[2];
	char *db_path;
	struct subs subs;
	struct fetch_opts opts;
	atomic_size_t done, total;
	atomic_size_t failed, added;
	atomic_bool finished, cancel;
	char *error; /* the store could not be opened (set before finished) */
};

/* Start job f on a thread running main (its pipe made first); app->sv.fetch becomes f. */
void app_fetch_begin(struct app *app, struct app_fetch *f, void *(*main)(void *));
void app_fetch_wake(struct app_fetch *f); /* from the job's thread: the loop looks */
void app_fetch_free(struct app_fetch *f); /* cancel, join, free */
/* page_view.c: the page job is over: its article read back in its place, or why not. */
void app_page_done(struct app *app, struct app_fetch *f);

#endif
