/* app.h - the interactive reader's state, shared by the files of src/app/:
 *   loop.c      the event loop: keys → operations, one redraw per pass
 *   app.c       opening articles, focus, the status line, jump history
 *   geometry.c  the panes placed as geometry_plan.c says for the terminal's size (3, 2 or
 *               1 columns; geometry.h, a pure function tested at every size)
 *   prompt.c    editing the search line (prompt.h: no curses)
 *   links.c     opening the source URL, copying it with OSC 52
 *   find.c      the list filter and find in the article (the filter's logic: filter.c,
 *               filter.h, without struct app)
 *   sidebar.c   the entity sidebar's rows, related stories, ] and [ (the walk and what an
 *               entry says of its sources: rel.c, rel.h, without struct app)
 *   mouse.c     clicks and the wheel (mouse = on)
 *   loading.c   the corpus arriving while the reader runs: batches merged into the list
 *               (newest first), the selection kept, progress and problems in the status line
 *               (the list's order as they arrive: load.c, load.h, without struct app)
 *   views.c     the list's view (all, unread, bookmarked), sort order, source filter,
 *               next/previous unread, mark all read and undo (what needs no reader:
 *               views_list.c, views.h)
 *   settings.c  the config file (keys, theme, bidi, measure, corpus) and the user state
 *               (read marks, bookmarks, positions: the store's for store articles)
 *   store_view.c the store as the corpus (no PATH, subscriptions), R and reload: fetching in
 *               the background; page_view.c F: an article's page, its main text
 */
#ifndef QARI_APP_H
#define QARI_APP_H

#include "cli.h"
#include "filter.h"
#include "load.h"
#include "rel.h"
#include "views.h"
#include "qari/config.h"
#include "qari/corpus.h"
#include "qari/corpus_index.h"
#include "qari/corpus_loader.h"
#include "qari/state.h"
#include "qari/store_related.h"
#include "qari/history.h"
#include "qari/listing.h"
#include "qari/prompt.h"
#include "qari/ui.h"

#define APP_NONE ((size_t)-1)

#define APP_SAVED_TOP ((size_t)-2) /* app_open: where the reader left it last time */

enum app_search_target {
	APP_SEARCH_LIST,    /* filter the list as you type */
	APP_SEARCH_ARTICLE, /* find in the open article */
};

struct app;

/* qari bench watches the loop through this (NULL in the reader): after each frame. */
struct app_probe {
	void (*frame)(struct app *app, void *ctx);
	void (*key)(struct app *app, void *ctx); /* NULL, or when a pass reads its first key */
	void *ctx;
	double key_time; /* when this pass read its first key (monotonic seconds), 0: none */
	double key_cpu;  /* and the loop thread's CPU time then (seconds) */
	struct corpus *keep; /* non-NULL: receives the corpus at the end instead of freeing it */
};

/* The terminal the reader runs on: NULL members mean stdin/stdout (initscr). */
struct app_term {
	const char *type; /* TERM for newterm */
	FILE *out, *in;
	int in_fd;        /* polled for keys */
};

/* The reader on the store (store_view.c, page_view.c): the list a window onto it
 * (store_window.h), the corpus only the articles opened lately, each in a slot reused for
 * another when APP_STORE_KEEP are open (the least lately opened goes). */
#define APP_STORE_KEEP 256
#define APP_STORE_AHEAD 5 /* rows about the list's selection read ahead (store_view.c) */
#define APP_SIDEBAR_RELATED_MAX 12 /* related stories the sidebar shows */
#define APP_STORE_LISTS 8 /* related lists kept: an anchor's, read again by ] and [ */
struct app_store_list {
	int64_t row; /* 0: none */
	size_t max;  /* entries asked for */
	bool found;  /* false: the row has no stored list */
	struct store_related_list l;
	unsigned long used;
};
struct app_store_view {
	struct store *store;          /* the store the reader shows, or NULL */
	struct store_window *win;     /* the list's rows */
	struct list_source src;       /* the list pane reads them through this */
	int64_t seen;                 /* its highest row when the list was last read */
	int64_t *rowids;              /* each corpus position's (slot's) row */
	unsigned long *used, clock;   /* when each slot was last opened */
	size_t total;                 /* articles stored, counted when the list was last read */
	size_t nrows;
	double opened_at, fetched_at; /* app_now(): for reload = MINUTES */
	struct app_fetch *fetch;      /* a fetch running in the background, or NULL */
	size_t tag_at;                /* the tag T shows next (index into the urls file's tags) */
	char *staged;                 /* a search typed, read between keys: its label */
	struct app_store_list lists[APP_STORE_LISTS]; /* read lately (new rows change them) */
	int fill_step;                /* the open article's sidebar, filled on idle passes: the
				       * step due (enum store_view_fill), 0: none */
	struct rel_walk fill_walk;    /* the walk when it was opened: kept if changed since */
	bool related_first;           /* r came first: its stories shown, the entities due */
	int64_t tagged_row;           /* a row whose entities were tagged again at open (the
				       * store's were packed by other rules), written back on an
				       * idle pass, 0: none... */
	const struct article *tagged; /* ...for this article (a slot reused: not written) */
	int64_t ahead[APP_STORE_AHEAD]; /* the rows last read and laid out ahead (about the
					 * list's selection), newest first, 0: none */
};

struct app {
	const struct cli *cli;
	const struct app_term *term; /* NULL: the process's terminal */
	struct app_probe *probe;     /* NULL but in qari bench */
	int in_fd;                   /* the keyboard */
	struct config config;
	struct state *state;
	struct corpus corpus;
	struct layout_opts opts;

	struct list_pane list_data;
	struct reader_pane reader_data;
	struct sidebar_pane sidebar_data;
	struct help_pane help_data;
	struct links_pane links_data;
	struct help_row *help_rows;
	struct pane list, reader, sidebar, help, links;
	struct ui_window *status, *sep[2];
	struct pane *focus; /* list, reader or sidebar */
	int columns;        /* panes side by side now */
	bool help_open, sidebar_on;
	bool links_open; /* the link picker (u) has the screen */
	bool zoom; /* the reading pane alone while it has focus: full-width rows scroll cheaply */
	bool quit, relayout;
	bool repaint; /* what the terminal shows is unknown (start, resize, ^L): clear, send all */
	bool too_small; /* the terminal is below the smallest usable size: no panes */
	char message[512];
	char state_lost[128]; /* at exit: changes that could not be saved, and why ("" none) */

	size_t open; /* corpus index of the open article, APP_NONE */
	struct history history;

	bool prompting;
	enum app_search_target prompt_target;
	struct prompt prompt;
	struct filter filter; /* the list's (filter.h, find.c) */
	struct ui_range *hits; /* search hits in the open article */
	size_t nhits, hit;
	size_t find_top;       /* the reader's top line when find began: hits from there on */
	size_t find_from;      /* the list's selected article when its prompt opened, until
				* the reader chooses another in the filtered list, APP_NONE */

	struct views views; /* the list's view and order (views.h, views.c) */
	struct load load; /* the corpus arriving (load.h, loading.c) */

	struct corpus_index index;    /* search, entities, related: built in the background */
	bool index_done;
	struct rel rel; /* the sidebar's related stories and ] [ (rel.h, sidebar.c) */
	struct app_store_view sv;
};

/* app.c */
void app_open(struct app *app, size_t idx, size_t top, bool record);
void app_focus(struct app *app, struct pane *p);
void app_message(struct app *app, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void app_status(struct app *app);
void app_history_move(struct app *app, bool forward);
void app_back(struct app *app);
void app_list_chosen(struct app *app);
const char *app_thousands(size_t v, char buf[32]);

/* geometry.c */
void app_layout(struct app *app);
void app_draw_separators(struct app *app);
void app_chrome_free(struct app *app); /* the status line's and separators' windows */

/* sidebar.c */
void app_sidebar_fill(struct app *app);
void app_sidebar_prepare(struct app *app); /* the open article's entities found, not shown */
/* The pane's width changed: related titles wrap anew, the selection stays. */
void app_sidebar_refit(struct app *app);
void app_sidebar_moved(struct app *app);
void app_sidebar_activate(struct app *app);
void app_related_step(struct app *app, bool forward);
bool app_related_pending(const struct app *app);
void app_sidebar_free(struct app *app);

/* find.c: the list filter and find in the article */
/* Show rows (not a search; a pending search is dropped); NULL label: the whole list. */
void app_filter_list(struct app *app, const char *label, const size_t *rows, size_t n);
/* Corpus positions [from, to) joined the list: a search filter takes them in (in slices). */
void app_filter_more(struct app *app, size_t from, size_t to);
/* A filter pass is pending; it can make progress now (not waiting for the index). */
bool app_filter_pending(const struct app *app);
bool app_filter_runnable(const struct app *app);
/* One slice of the pending pass, about budget_us long; the list shows its matches so far
 * when they are final and due (find.c), and its result when it is done. */
void app_filter_step(struct app *app, long budget_us);
/* Before Enter in the list opens a row: run the pending pass until the rows shown are final
 * (its first matches, or its end when it cannot tell). */
void app_filter_settle(struct app *app);
size_t app_find_ranges(struct app *app, const char *text, struct ui_range **out);
void app_show_ranges(struct app *app, struct ui_range *v, size_t n);
void app_search_start(struct app *app);
void app_search_key(struct app *app, enum ui_key_kind kind, wint_t ch);
void app_search_step(struct app *app, bool forward);
void app_search_clear(struct app *app);
void app_search_free(struct app *app);
void app_search_free_hits(struct app *app);

/* settings.c */
void app_settings_load(struct app *app);        /* before the corpus loads */
void app_settings_apply_theme(struct app *app); /* before the screen starts */
void app_state_open(struct app *app);
void app_state_close(struct app *app);
void app_state_sync(struct app *app);           /* make the changes durable (after a frame) */
void app_state_leave(struct app *app);           /* remember the open article's position */
size_t app_state_top(struct app *app, size_t idx); /* where to open it */
void app_state_opened(struct app *app, size_t idx);
void app_toggle_read(struct app *app);
/* Marks of an article: in the store for the store's articles, else in the state. */
bool app_is_read(const struct app *app, const char *id);
bool app_is_bookmarked(const struct app *app, const char *id);
bool app_set_read(struct app *app, const char *id, bool on);
void app_toggle_bookmark(struct app *app);
void app_take_messages(struct app *app);

/* loading.c */
double app_now(void); /* monotonic seconds */
double app_thread_cpu(void); /* CPU seconds of the calling thread */
void app_load_start(struct app *app, char *const *paths, size_t npaths);
/* Select the state's last article (app->last_id) if it is among positions [from, to). */
void app_load_select_last(struct app *app, size_t from, size_t to);
/* Wait up to ms for the first articles (returns early when all are in). */
void app_load_first(struct app *app, int ms);
/* The loader's fd was readable: take what is ready; merge into the list when due. */
void app_load_event(struct app *app);
/* Merge arrived articles into the list now (force) or when the throttle allows. */
void app_load_merge(struct app *app, bool force);
/* Milliseconds until a pending merge is due, -1 when nothing waits. */
int app_load_timeout(const struct app *app);
/* Sort app->load.order again after a change of sort order; false while a search pass is pending. */
bool app_load_resort(struct app *app);
void app_load_free(struct app *app);

/* store_view.c: the reader on the store, fetching in the background */
bool app_store_wanted(const struct app *app); /* no PATH, and subscriptions */
bool app_store_start(struct app *app);        /* open it and show its articles */
/* The selected row's article, read (into a slot) when it is not in the corpus; APP_NONE:
 * none. Without the store: list_pane_selected. */
size_t app_list_selected(struct app *app);
/* The selected article as app_list_reselect finds it again in a list changed since: its
 * corpus index in memory, its row on the store (APP_NONE: none). Reselect: false when the
 * list does not show it (the selection stays). */
size_t app_list_mark(struct app *app);
bool app_list_reselect(struct app *app, size_t mark);
void app_list_select_article(struct app *app, size_t idx); /* corpus article idx, if listed */
/* The list on the store narrowed to a search (false: text is none), or to nothing. */
bool app_store_search(struct app *app, const char *label, const char *text);
void app_store_unfilter(struct app *app);
void app_store_marked(struct app *app, const char *id); /* its marks changed */
void app_store_view_set(struct app *app); /* the view (unread, bookmarked) as its filter */
void app_store_source(struct app *app); /* f */
/* The list narrowed to the articles naming an entity (label: the filter's). */
void app_store_entity(struct app *app, const char *label, enum entity_type type, const char *key);
size_t app_store_total(struct app *app); /* articles stored */
/* A search's count comes from a thread: its pipe (-1: none), its arrival, G's wait for it. */
int app_store_count_fd(const struct app *app);
void app_store_count_event(struct app *app);
void app_store_count_wait(struct app *app);
void app_store_reach(struct app *app, size_t rows); /* rows below the selection read */
/* The article last opened selected, the rows about it read (app_state_open). */
void app_store_select_last(struct app *app);
/* The entities stored for the article in slot (tagged at ingest); false: none stored. */
bool app_store_entities(struct app *app, size_t slot, struct article_entities *out);
/* The related stories stored for the article in slot (found at ingest), at most max; false:
 * none computed for it (a store migrated and not yet rebuilt by qari import). */
bool app_store_related(struct app *app, size_t slot, size_t max, struct store_related_list *out);
/* The sources a stored related story stands for (rel_link_sources): its own and its
 * copies', each read from the store. */
size_t app_store_link_sources(struct app *app, const struct store_related_link *l);
/* The article stored in row, in a slot (read when it is not); APP_NONE: not stored. */
size_t app_store_open_row(struct app *app, int64_t row);
void app_store_close(struct app *app);
/* The sidebar of an article opened on the store, filled on an idle pass of the loop (the
 * key that opened it shows the article at once); elsewhere at once. */
void app_sidebar_fill_soon(struct app *app);
bool app_store_idle_pending(const struct app *app); /* idle work waits: poll must not sleep */
void app_store_idle(struct app *app);   /* one step of it */
void app_store_settle(struct app *app); /* all of it now: a key may read the sidebar */
/* r: the related stories now, the entities (a tagging) left to the idle passes. */
void app_store_settle_related(struct app *app);
/* Whether r showed the related stories before the entities, which are still due. */
bool app_store_entities_due(const struct app *app);
/* The open article's entities were tagged now: written back to its row on an idle pass. */
void app_store_entities_tagged(struct app *app, size_t slot);
void app_store_settle_list(struct app *app); /* a search typed shown now: a key reads the list */
void app_store_unstage(struct app *app, const char *text); /* one staged for another text goes */
void app_fetch_start(struct app *app);        /* R */
void app_page_start(struct app *app);         /* F: the article's page, its main text */
void app_filter_tag(struct app *app);         /* T: the list narrowed to the next tag */
int app_fetch_fd(const struct app *app);      /* readable as feeds are done; -1: none */
void app_fetch_event(struct app *app);
bool app_fetch_progress(const struct app *app, char *out, size_t n);
int app_fetch_timeout(const struct app *app); /* ms until reload is due, -1: never */
void app_fetch_tick(struct app *app);

/* views.c */
void app_views_init(struct app *app); /* the kept sort order and the source names */
void app_views_free(struct app *app);
/* The list shows rows (app->load.order or a filter's), narrowed by the view. */
void app_list_show(struct app *app, const size_t *rows, size_t n);
const char *app_view_name(const struct app *app);
size_t app_unread_count(const struct app *app);
/* A mark changed by articles that many unread more (negative: fewer). */
void app_unread_changed(struct app *app, long by);
void app_view_cycle(struct app *app);
void app_sort_cycle(struct app *app);
void app_unread_step(struct app *app, bool forward);
void app_mark_shown_read(struct app *app);
void app_undo_mark(struct app *app);
void app_filter_source(struct app *app);

/* mouse.c */
void app_mouse_start(struct app *app); /* when the config turns it on */
void app_mouse_event(struct app *app); /* UI_KEY_MOUSE came */

/* loop.c: what a key's operation does (the mouse does the same) */
void app_key_op(struct app *app, enum ui_op op);

/* links.c */
void app_open_url(struct app *app);
void app_copy_url(struct app *app);
void app_links_pick(struct app *app);               /* u: the picker of the article's links */
void app_links_op(struct app *app, enum ui_op op);  /* a key while the picker is open */

int reader_run(const struct cli *cli);
/* The reader on a terminal (NULL: this process's), watched by probe (NULL: none). */
int app_run(const struct cli *cli, const struct app_term *term, struct app_probe *probe);

#endif
