/* page_view.c - F: an article's own page fetched on a thread, its main text extracted
 * (model/extract.c), tagged and stored beside the summary, and the article read back in its
 * place (the index started again: it read the old one). */
#include <stdlib.h>
#include <string.h>

#include "qari/extract.h"
#include "qari/ner.h"
#include "qari/xalloc.h"
#include "store_view.h"

/* The article at position i was stored again (its page's text): read it back in its place,
 * and open it again if it is open. */
static void page_view_replace(struct app *app, size_t i, int64_t row)
{
	struct article *a, *old = app->corpus.items[i];

	if ((a = store_load_article(app->sv.store, row)) == NULL)
		return;
	app->corpus.items[i] = a;
	app_sidebar_free(app); /* the entities read were the old text's */
	if (app->open == i) {
		app_open(app, i, 0, false);
		app_focus(app, &app->reader);
	}
	article_free(old);
	app_sidebar_fill(app);
	app->list.dirty = app->reader.dirty = true;
}

static void app_page_fetched(void *ctx, size_t i, struct fetch_result *r)
{
	(void)i;
	*(struct fetch_result *)ctx = *r;
}

/* The page's main text, tagged and stored with the article. */
static void app_page_extract(struct app_fetch *f, struct store *s)
{
	struct fetch_request req = {.url = f->url};
	struct fetch_result r = {0};
	char *text, **paras = NULL, *error = NULL;
	size_t len, n = 0;

	fetch_all(&req, 1, &f->opts, app_page_fetched, &r, &f->cancel);
	if (r.outcome != FETCH_OK) {
		f->page_error = xstrdup(r.error ? r.error : "no answer");
	} else if ((text = fetch_to_utf8(r.body, r.len, r.content_type, &len, &error)) == NULL) {
		f->page_error = error;
	} else {
		n = extract_main_text(text, len, &paras);
		free(text);
		if (n == 0)
			f->page_error = xstrdup("no main text found on the page");
	}
	if (n > 0) {
		struct article *a = article_new("page");
		const struct ner_model *m = ner_default(&error);
		struct article_entities es = {0};
		article_set_field(&a->title, f->title, strlen(f->title));
		for (size_t k = 0; k < n; k++)
			article_add_para(a, paras[k], strlen(paras[k]));
		if (m)
			entity_extract(m, a, &es);
		error = NULL;
		if (!store_set_fulltext(s, f->row, a->paras, a->npara, m ? &es : NULL, &error))
			f->page_error = error;
		f->page_paras = a->npara;
		article_entities_free(&es);
		article_free(a);
	}
	for (size_t k = 0; k < n; k++)
		free(paras[k]);
	free(paras);
	fetch_result_free(&r);
}

static void *app_page_main(void *arg)
{
	struct app_fetch *f = arg;
	char *error = NULL;
	struct store *s = store_open(f->db_path, &error);
	if (s == NULL)
		f->error = error;
	else {
		app_page_extract(f, s);
		store_close(s);
	}
	atomic_store(&f->finished, true);
	app_fetch_wake(f);
	return NULL;
}

/* F: the open (or selected) article's page, its main text in place of the summary. */
void app_page_start(struct app *app)
{
	size_t idx = app->focus == &app->list ? app_list_selected(app) : app->open;
	const struct article *a = idx < app->corpus.n ? app->corpus.items[idx] : NULL;
	struct app_fetch *f;
	int64_t row;

	if (a == NULL)
		return;
	if (app->sv.fetch) {
		app_message(app, "busy fetching; try again when it is done");
		return;
	}
	if (app->sv.store == NULL || idx >= app->sv.nrows || (row = app->sv.rowids[idx]) <= 0) {
		app_message(app, "F fetches the pages of articles in the store (qari without a PATH)");
		return;
	}
	if (a->url == NULL) {
		app_message(app, "this article has no link to fetch");
		return;
	}
	f = xcalloc(1, sizeof *f);
	f->page = true;
	f->url = xstrdup(a->url);
	f->title = xstrdup(a->title);
	f->row = row;
	atomic_store(&f->total, 1);
	app_fetch_begin(app, f, app_page_main);
	app_message(app, "fetching the article's page…");
}

/* The page job is over: its article read back, or why not. */
void app_page_done(struct app *app, struct app_fetch *f)
{
	size_t i;
	if (f->error || f->page_error) {
		app_message(app, "the page: %s", f->error ? f->error : f->page_error);
		return;
	}
	for (i = 0; i < app->sv.nrows && app->sv.rowids[i] != f->row; i++)
		;
	if (i < app->sv.nrows && i < app->corpus.n)
		page_view_replace(app, i, f->row);
	app_message(app, "the page's text: %zu paragraphs", f->page_paras);
}

