/* sidebar.c - the entity sidebar's content and actions: the open article's people, places,
 * organisations and dates with their mention counts, then its related stories: where else
 * the article itself appeared ("also in"), each story with its score or its number of
 * sources (copies folded into one entry) and a line saying why it is related; "nothing
 * related" when no story is close enough.
 * Moving onto an entity highlights its mentions in the reading pane (onto a story, they go
 * out); Enter on an entity filters the list to the articles that mention it (on the store:
 * those whose stored entities name it); Enter on a story opens it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "rel.h"
#include "qari/article_view.h"
#include "qari/store.h"
#include "qari/xalloc.h"

#define SIDEBAR_RELATED_MAX APP_SIDEBAR_RELATED_MAX
#define SIDEBAR_WRAP_DEFAULT 30 /* columns a title wraps at before the pane has a width */
/* A stored article without related lists (a store migrated, not yet rebuilt by qari
 * import): said plainly rather than guessed. */
#define SIDEBAR_STORE_RELATED "related stories: not computed for this article yet"

enum sidebar_kind {
	SIDEBAR_ENTITY = 1,
	SIDEBAR_RELATED = 2,
};

static const char *const sidebar_headings[ENTITY_NTYPES] = {
	[ENTITY_PERSON] = "People", [ENTITY_PLACE] = "Places",
	[ENTITY_ORG] = "Organisations", [ENTITY_DATE] = "Dates",
};

static bool sidebar_ready(const struct app *app)
{
	return (atomic_load(&app->index.ready) & CORPUS_INDEX_ENTITIES) && !app->index.error;
}

/* The open article's related stories are still being found (in memory, the index's last
 * phase; the store keeps them). */
bool app_related_pending(const struct app *app)
{
	return app->sv.win == NULL && !app->index.error && !sidebar_ready(app);
}

/* The related stories of article a, best first (cached for the open article's anchor). */
static void sidebar_compute_related(struct app *app, size_t a)
{
	rel_free_links(&app->rel);
	if (sidebar_ready(app))
		app->rel.n = related_find(&app->index.related, a, SIDEBAR_RELATED_MAX, &app->rel.links);
}

/* Rows this wide: the pane's, less its margins (a row is cut at the pane's width). */
static int sidebar_wrap_width(const struct app *app)
{
	return app->sidebar.w > 4 ? app->sidebar.w - 2 : SIDEBAR_WRAP_DEFAULT;
}

/* A detail on as many rows as it takes, so none of it is cut off. */
static void sidebar_add_detail_rows(struct app *app, const char *text)
{
	struct layout_opts o = app->opts;
	struct layout_para lp = {0};

	o.dir = LAYOUT_DIR_AUTO;
	o.reorder = false; /* only the breaks: each row is laid out again when drawn */
	layout_paragraph(text, strlen(text), &o, sidebar_wrap_width(app), &lp);
	for (size_t k = 0; k < lp.nlines; k++) {
		char *part = xstrndup(text + lp.lines[k].lbeg, lp.lines[k].lend - lp.lines[k].lbeg);
		sidebar_pane_add_detail(&app->sidebar_data, part);
		free(part);
	}
	if (lp.nlines == 0)
		sidebar_pane_add_detail(&app->sidebar_data, text);
	layout_para_free(&lp);
}

/* "also in: عكاظ، سبق": the open article's own copies under other URLs, by the sources'
 * names as the list shows them (a copy with none by its id), the first published first (the
 * copies are equally close: no other order is the reader's). Sorts copies. */
static void sidebar_add_also_in(struct app *app, const struct article **copies, size_t n)
{
	struct strbuf sb = {0};

	if (n == 0)
		return;
	for (size_t i = 1; i < n; i++) /* stable: copies published at once keep their order */
		for (size_t j = i; j > 0 && copies[j - 1]->date_key > copies[j]->date_key; j--) {
			const struct article *t = copies[j];
			copies[j] = copies[j - 1];
			copies[j - 1] = t;
		}
	strbuf_printf(&sb, "also in: ");
	for (size_t i = 0; i < n; i++) {
		const char *name = listing_source_name(&app->views.sources, copies[i]);
		/* each name isolated: the list reads in the label's direction, and a comma
		 * between two Arabic names does not end up before the first */
		strbuf_printf(&sb, "%s\u2068%s\u2069", i ? "، " : "", name ? name : copies[i]->id);
	}
	sidebar_add_detail_rows(app, sb.data);
	strbuf_free(&sb);
}

static void sidebar_add_copies(struct app *app)
{
	uint32_t *own;
	size_t n = related_copies(&app->index.related, app->open, &own);
	const struct article **copies = xcalloc(n + 1, sizeof *copies);

	for (size_t i = 0; i < n; i++)
		copies[i] = app->corpus.items[own[i]];
	sidebar_add_also_in(app, copies, n);
	free(copies);
	free(own);
}

/* The same on the store: the copies it keeps beside the related stories. */
static void sidebar_add_stored_copies(struct app *app, const struct store_related_list *l)
{
	struct article *copies = xcalloc(l->nsame + 1, sizeof *copies);
	const struct article **refs = xcalloc(l->nsame + 1, sizeof *refs);

	for (size_t i = 0; i < l->nsame; i++) {
		copies[i].source = l->same[i].source;
		copies[i].date_key = l->same[i].date_key;
		snprintf(copies[i].id, sizeof copies[i].id, "%s", l->same[i].id);
		refs[i] = &copies[i];
	}
	sidebar_add_also_in(app, refs, l->nsame);
	free(refs);
	free(copies);
}

static void sidebar_add_entities(struct app *app, const struct article *a,
				 const struct article_entities *e)
{
	char note[24];
	for (int t = ENTITY_PERSON; t <= ENTITY_DATE; t++) {
		bool heading = false;
		for (size_t i = 0; i < e->n; i++) {
			if ((int)e->v[i].type != t)
				continue;
			if (!heading)
				sidebar_pane_add(&app->sidebar_data, sidebar_headings[t], NULL, true, 0, 0);
			heading = true;
			char *name = article_entity_name(a, &e->v[i]);
			snprintf(note, sizeof note, "%u", (unsigned)e->v[i].nmentions);
			sidebar_pane_add(&app->sidebar_data, name, note, false, SIDEBAR_ENTITY, i);
			free(name);
		}
	}
}

/* The open article's entities: the index's once it is complete; before, found now for this
 * article alone (a few ms of tagging), so the sidebar does not wait for the whole corpus. */
static const struct article_entities *sidebar_entities(struct app *app)
{
	const struct ner_model *m;
	char *error = NULL;

	if (app->open == APP_NONE)
		return NULL;
	if (sidebar_ready(app)) {
		rel_free_early(&app->rel);
		return &app->index.entities.per_article[app->open];
	}
	if (app->rel.early_of == app->open)
		return &app->rel.early;
	rel_free_early(&app->rel);
	if (app_store_entities(app, app->open, &app->rel.early)) { /* tagged at ingest */
		app->rel.early_of = app->open;
		return &app->rel.early;
	}
	if ((m = ner_default(&error)) == NULL)
		return NULL;
	{
		struct entity_scratch *x = entity_scratch_new();
		struct furniture stored = {0};
		/* the corpus's furniture is learned before the search index is ready; the store
		   keeps what its ingests learned */
		if (app->sv.win) {
			store_furniture_read(app->sv.store, &stored);
			entity_scratch_use_furniture(x, &stored);
		} else if (atomic_load(&app->index.ready) & CORPUS_INDEX_SEARCH)
			entity_scratch_use_furniture(x, &app->index.furniture);
		entity_extract_with(m, app->corpus.items[app->open], x, &app->rel.early);
		entity_scratch_free(x);
		furniture_free(&stored);
	}
	app->rel.early_of = app->open;
	app_store_entities_tagged(app, app->open); /* on the store: written back to its row */
	return &app->rel.early;
}

/* "الشرق الأوسط · 21 Jul · 3 sources": what is known of it, nothing when nothing is. */
static void sidebar_add_where(struct app *app, const char *source, const char *date,
			      size_t sources)
{
	struct strbuf sb = {0};

	if (source && *source)
		strbuf_printf(&sb, "%s", source);
	/* each part isolated: beside Arabic, UAX #9 would turn 2015-07-21 into 21-07-2015 and
	 * "3 sources" into "sources 3" (a number after Arabic letters is an Arabic number) */
	if (*date)
		strbuf_printf(&sb, "%s\u2066%s\u2069", sb.len ? " · " : "", date);
	if (sources > 1)
		strbuf_printf(&sb, "%s\u2066%zu\u00a0sources\u2069", sb.len ? " · " : "", sources);
	if (sb.len)
		sidebar_add_detail_rows(app, sb.data);
	strbuf_free(&sb);
}

/* A related story's whole title on as many rows as it takes, selected as one (ref). */
static void sidebar_add_title(struct app *app, const char *title, enum layout_dir dir, size_t ref)
{
	struct sidebar_pane *s = &app->sidebar_data;
	struct layout_opts o = app->opts;
	struct layout_para lp = {0};
	int width = sidebar_wrap_width(app);

	o.dir = dir;
	o.reorder = false; /* only the breaks: each row is laid out again when drawn */
	layout_paragraph(title, strlen(title), &o, width, &lp);
	for (size_t k = 0; k < lp.nlines; k++) {
		char *part = xstrndup(title + lp.lines[k].lbeg, lp.lines[k].lend - lp.lines[k].lbeg);
		if (k == 0)
			sidebar_pane_add(s, part, NULL, false, SIDEBAR_RELATED, ref);
		else
			sidebar_pane_add_cont(s, part);
		free(part);
	}
	if (lp.nlines == 0)
		sidebar_pane_add(s, title, NULL, false, SIDEBAR_RELATED, ref);
	layout_para_free(&lp);
}

static void sidebar_add_why(struct sidebar_pane *s, const char *why)
{
	if (why && *why) {
		char *line = xasprintf("↳ %s", why);
		sidebar_pane_add_detail(s, line);
		free(line);
	}
}

/* A related story: its whole title, then where and when it was published (and in how many
 * sources), then why it is related. */
static void sidebar_add_related(struct app *app, const struct related_link *l)
{
	const struct article *a = app->corpus.items[l->article];
	char date[LISTING_DATE_MAX], *why;

	sidebar_add_title(app, a->title, a->dir == TEXT_DIR_RTL ? LAYOUT_DIR_RTL : LAYOUT_DIR_LTR,
			  l->article);
	listing_date_label(a, time(NULL), true, date);
	sidebar_add_where(app, listing_source_name(&app->views.sources, a), date,
			  rel_link_sources(&app->corpus, l));
	why = related_why(&app->index.related, l);
	sidebar_add_why(&app->sidebar_data, why);
	free(why);
}

/* A stored related story's source, date and sources, shown as an article's (the list's
 * names of sources, its date labels). */
static void sidebar_add_stored_where(struct app *app, const struct store_related_link *l)
{
	struct article a = {.source = l->source, .date = l->date, .date_key = l->date_key};
	char date[LISTING_DATE_MAX];

	listing_date_label(&a, time(NULL), true, date);
	sidebar_add_where(app, listing_source_name(&app->views.sources, &a), date,
			  app_store_link_sources(app, l));
}

/* On the store: the open article's related stories as the store keeps them (found at ingest);
 * an entry's ref is its place in app->rel.stored. */
static void sidebar_add_stored_related(struct app *app)
{
	struct sidebar_pane *s = &app->sidebar_data;
	struct store_related_list *l = &app->rel.stored;
	enum layout_dir here = app->corpus.items[app->open]->dir == TEXT_DIR_RTL ? LAYOUT_DIR_RTL
										 : LAYOUT_DIR_LTR;

	rel_free_links(&app->rel);
	if (!app_store_related(app, app->open, SIDEBAR_RELATED_MAX, l)) {
		sidebar_pane_add(s, SIDEBAR_STORE_RELATED, NULL, true, 0, 0);
		return;
	}
	rel_walk_start(&app->rel.walk, app->open, app->sv.rowids[app->open]);
	sidebar_pane_add(s, "Related stories", NULL, true, 0, 0);
	sidebar_add_stored_copies(app, l);
	if (l->n == 0)
		sidebar_pane_add_detail(s, "nothing related");
	for (size_t i = 0; i < l->n; i++) {
		const char *t = l->v[i].title;
		sidebar_add_title(app, t, article_view_para_dir(t, strlen(t), here), i);
		sidebar_add_stored_where(app, &l->v[i]);
		sidebar_add_why(s, l->v[i].why);
	}
}

void app_sidebar_prepare(struct app *app)
{
	if (!app->index.error)
		sidebar_entities(app);
}

void app_sidebar_fill(struct app *app)
{
	struct sidebar_pane *s = &app->sidebar_data;
	const struct article_entities *es;
	sidebar_pane_clear(s);
	app->sidebar.dirty = true;
	app->rel.fill_w = app->sidebar.w;
	if (app->open == APP_NONE)
		return;
	s->rtl = app->corpus.items[app->open]->dir == TEXT_DIR_RTL;
	if (app->index.error) {
		sidebar_pane_add(s, app->index.error, NULL, true, 0, 0);
		return;
	}
	if (app_store_entities_due(app)) { /* r before the idle pass tagged them */
		sidebar_pane_add(s, "finding entities…", NULL, true, 0, 0);
		sidebar_add_stored_related(app);
		return;
	}
	if ((es = sidebar_entities(app)) == NULL) {
		sidebar_pane_add(s, "finding entities…", NULL, true, 0, 0);
		return;
	}
	sidebar_add_entities(app, app->corpus.items[app->open], es);
	if (app->sv.win) {
		sidebar_add_stored_related(app);
		return;
	}
	if (!sidebar_ready(app)) {
		sidebar_pane_add(s, "Related: when indexed", NULL, true, 0, 0);
		return;
	}
	sidebar_compute_related(app, app->open);
	rel_walk_start(&app->rel.walk, app->open, 0);
	sidebar_pane_add(s, "Related stories", NULL, true, 0, 0);
	sidebar_add_copies(app);
	if (app->rel.n == 0)
		sidebar_pane_add_detail(s, "nothing related");
	for (size_t i = 0; i < app->rel.n; i++)
		sidebar_add_related(app, &app->rel.links[i]);
}

void app_sidebar_refit(struct app *app)
{
	const struct sidebar_row *r = sidebar_pane_selected(&app->sidebar_data);
	int kind = r ? r->kind : 0;
	size_t ref = r ? r->ref : 0;
	struct rel_walk walk = app->rel.walk;

	if (app->open == APP_NONE || app->sidebar.w <= 0 || app->sidebar.w == app->rel.fill_w)
		return;
	app_sidebar_fill(app);
	app->rel.walk = walk; /* a new width is no new walk */
	if (kind)
		sidebar_pane_select_ref(&app->sidebar, kind, ref);
}

static const struct article_entity *sidebar_entity(struct app *app, const struct sidebar_row *r)
{
	const struct article_entities *es;

	if (r == NULL || r->kind != SIDEBAR_ENTITY || (es = sidebar_entities(app)) == NULL ||
	    r->ref >= es->n)
		return NULL;
	return &es->v[r->ref];
}

/* The selected entity's mentions, highlighted in the reading pane (n and N walk them); none
 * once the selection leaves the entities. */
void app_sidebar_moved(struct app *app)
{
	const struct article_entity *e = sidebar_entity(app, sidebar_pane_selected(&app->sidebar_data));
	const struct entity_mention *m;
	struct ui_range *v;

	if (e == NULL || e->nmentions == 0) {
		/* off the entities: the last one's mentions are no longer what n and N walk */
		if (app->rel.mentions_shown)
			app_search_free_hits(app);
		return;
	}
	m = article_entity_mentions(sidebar_entities(app), e);
	v = xcalloc(e->nmentions, sizeof *v);
	for (size_t i = 0; i < e->nmentions; i++)
		v[i] = (struct ui_range){m[i].para, m[i].beg, m[i].end, false};
	app_show_ranges(app, v, e->nmentions);
	app->rel.mentions_shown = true;
}

/* On the store: the articles whose stored entities name it (entity_articles). */
static void sidebar_store_entity(struct app *app, const struct article_entity *e)
{
	const struct article_entities *es = sidebar_entities(app);
	char *name = article_entity_name(app->corpus.items[app->open], e);
	char *label = xasprintf("%s: %s", entity_type_name(e->type), name);

	if (es && es->keys)
		app_store_entity(app, label, e->type, article_entity_key(es, e));
	free(name);
	free(label);
}

static void sidebar_filter_entity(struct app *app, const struct article_entity *e)
{
	const struct entity_table *t = &app->index.entities;
	size_t n;
	const uint32_t *post = entity_table_postings(t, e->id, &n);
	size_t *rows = xcalloc(n + 1, sizeof *rows);
	char *name = article_entity_name(app->corpus.items[app->open], e);
	char *label = xasprintf("%s: %s", entity_type_name(e->type), name);

	for (size_t i = 0; i < n; i++)
		rows[i] = post[i];
	app_filter_list(app, label, rows, n);
	app_focus(app, &app->list);
	free(rows);
	free(name);
	free(label);
}

/* On the store: open entry ref of the open article's stored related stories, the walk kept. */
static void sidebar_follow_stored(struct app *app, size_t ref)
{
	struct rel_walk walk;
	size_t slot;

	if (ref >= app->rel.stored.n)
		return;
	/* the sidebar lists the open article's stories: a walk of its own, at story ref */
	rel_walk_start(&walk, app->open, app->sv.rowids[app->open]);
	walk.pos = (long)ref;
	if ((slot = app_store_open_row(app, app->rel.stored.v[ref].row)) == APP_NONE) {
		app_message(app, "that story is no longer stored");
		return;
	}
	app_open(app, slot, 0, true);
	app->rel.walk = walk;
}

/* Open a related story of the open article; ] and [ then walk on from it, not from the
 * story itself. */
static void sidebar_follow_related(struct app *app, size_t article)
{
	struct rel_walk walk;

	if (app->sv.win) {
		sidebar_follow_stored(app, article);
		return;
	}
	rel_walk_start(&walk, app->open, 0); /* the open article's stories: a walk of its own */
	walk.pos = rel_walk_find(app->rel.links, app->rel.n, article);
	app_open(app, article, 0, true);
	if (walk.pos >= 0)
		app->rel.walk = walk;
}

void app_sidebar_activate(struct app *app)
{
	const struct sidebar_row *r = sidebar_pane_selected(&app->sidebar_data);
	const struct article_entity *e = sidebar_entity(app, r);

	if (e && app->sv.win)
		sidebar_store_entity(app, e);
	else if (e && e->id != UINT32_MAX)
		sidebar_filter_entity(app, e);
	else if (e)
		app_message(app, "the articles that mention it are known once the index is complete "
				 "(%d%%)", corpus_index_percent(&app->index));
	else if (r && r->kind == SIDEBAR_RELATED)
		sidebar_follow_related(app, r->ref);
}

/* After a step of the walk: the story at to opened (slot), the walk kept, and said so. */
static void sidebar_stepped(struct app *app, struct rel_walk walk, long to, size_t slot,
			    size_t n)
{
	app_open(app, slot, 0, true);
	app->rel.walk = walk; /* app_open restarted the walk: keep the old one */
	app->rel.walk.pos = to;
	app_message(app, to < 0 ? "back at the first story" : "related story %ld of %zu", to + 1, n);
}

static void sidebar_step_refused(struct app *app, bool forward, size_t n)
{
	app_message(app, !forward ? "this is where the walk began"
			 : n ? "no more related stories" : "no related stories found");
}

/* ] and [ on the store: the anchor's stored list, read again (its slot may be another's now). */
static void sidebar_store_step(struct app *app, bool forward)
{
	struct store_related_list l = {0};
	struct rel_walk walk = app->rel.walk;
	size_t slot;
	long to;

	if (app->open == APP_NONE || walk.anchor_row <= 0 ||
	    (walk.anchor = app_store_open_row(app, walk.anchor_row)) == APP_NONE ||
	    !app_store_related(app, walk.anchor, SIDEBAR_RELATED_MAX, &l)) {
		app_message(app, SIDEBAR_STORE_RELATED);
		return;
	}
	if (!rel_walk_step(&walk, forward, l.n, &to))
		sidebar_step_refused(app, forward, l.n);
	else if ((slot = to < 0 ? walk.anchor : app_store_open_row(app, l.v[to].row)) != APP_NONE)
		sidebar_stepped(app, walk, to, slot, l.n);
	store_related_list_free(&l);
}

/* ] and [: walk the related stories of the article the walk started from. */
void app_related_step(struct app *app, bool forward)
{
	struct rel_walk walk = app->rel.walk;
	struct related_link *links;
	size_t n;
	long to;

	if (app->sv.win) {
		sidebar_store_step(app, forward);
		return;
	}
	if (app->open == APP_NONE)
		return; /* the key says so (loop.c) */
	if (!sidebar_ready(app)) {
		app_message(app, "related stories are not ready yet");
		return;
	}
	n = related_find(&app->index.related, walk.anchor, SIDEBAR_RELATED_MAX, &links);
	if (!rel_walk_step(&walk, forward, n, &to))
		sidebar_step_refused(app, forward, n);
	else
		sidebar_stepped(app, walk, to, to < 0 ? walk.anchor : links[to].article, n);
	related_links_free(links, n);
}

void app_sidebar_free(struct app *app)
{
	rel_free_early(&app->rel);
	rel_free_links(&app->rel);
	sidebar_pane_clear(&app->sidebar_data);
}
