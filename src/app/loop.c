/* loop.c - the interactive reader: keys → operations → panes, and one redraw per pass
 * (redis ae's "before sleep": draw what is dirty, then a single doupdate). */
#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "app.h"
#include "keymap.h"
#include "qari/layout_cache.h"
#include "qari/ner.h"
#include "qari/text.h"
#include "qari/xalloc.h"

#define LOOP_MEASURE 100 /* the text column stops widening here */
#define LOOP_FIRST_SCREEN_MS 300 /* wait this long for articles before the first screen */
#define LOOP_PROGRESS_MS 250 /* while loading or indexing, the status line moves this often */
#define LOOP_SLICE_US 1000   /* a slice of list filtering between two looks at the keyboard */
/* laid-out articles kept: about 40 of 5 KB (a view is some 35 bytes a byte of text) */
#define LOOP_LAYOUT_CACHE_BYTES (8u << 20)

static void loop_draw(struct app *app)
{
	struct pane *panes[] = {&app->list, &app->reader, &app->sidebar, &app->help, &app->links};

	/* a new layout is only sent where the screen changes (curses compares it with what the
	 * terminal shows): every pane's window is new or drawn whole after app_layout */
	if (app->relayout)
		app_layout(app);
	ui_frame_begin(app->repaint);
	app->repaint = false;
	for (size_t i = 0; i < sizeof panes / sizeof *panes; i++)
		if (panes[i]->win && panes[i]->dirty) {
			panes[i]->ops->draw(panes[i], panes[i] == app->focus);
			panes[i]->dirty = false;
		}
	app_draw_separators(app);
	app_status(app);
	ui_frame_end();
	reader_pane_send_links(&app->reader, app->help_open || app->links_open ||
						     !ui_pane_shown(&app->reader));
	if (app->probe) {
		app->probe->frame(app, app->probe->ctx);
		app->probe->key_time = 0;
	}
}

/* A key about the open article with none open says so rather than nothing. */
static bool loop_none_open(struct app *app)
{
	app_message(app, "no article is open: Enter opens the selected one");
	return true;
}

/* Operations that belong to the reader as a whole rather than to the focused pane. */
static bool loop_global_op(struct app *app, enum ui_op op)
{
	switch (op) {
	case UI_OP_QUIT: app->quit = true; return true;
	case UI_OP_REDRAW: app->relayout = app->repaint = true; return true;
	case UI_OP_HELP:
		app->help_open = true;
		app->help_data.top = 0;
		app->relayout = true;
		return true;
	case UI_OP_SEARCH: app_search_start(app); return true;
	case UI_OP_NEXT_HIT: case UI_OP_PREV_HIT:
		/* in the reader, hits; in the sidebar, the selected entity's mentions; in the
		 * list, or where there are none, the next or previous unread article */
		if (app->focus == &app->list || app->nhits == 0)
			app_unread_step(app, op == UI_OP_NEXT_HIT);
		else
			app_search_step(app, op == UI_OP_NEXT_HIT);
		return true;
	case UI_OP_VIEW: app_view_cycle(app); return true;
	case UI_OP_SORT: app_sort_cycle(app); return true;
	case UI_OP_MARK_ALL_READ: app_mark_shown_read(app); return true;
	case UI_OP_UNDO_MARK: app_undo_mark(app); return true;
	case UI_OP_SOURCE: app_filter_source(app); return true;
	case UI_OP_LINKS: app_links_pick(app); return true;
	case UI_OP_CLEAR: app_search_clear(app); app->relayout = true; return true;
	case UI_OP_HISTORY_BACK: app_history_move(app, false); return true;
	case UI_OP_HISTORY_FORWARD: app_history_move(app, true); return true;
	case UI_OP_ENTITIES: case UI_OP_RELATED:
		if (app->open == APP_NONE)
			return loop_none_open(app);
		app->sidebar_on = true;
		app_focus(app, &app->sidebar);
		app->relayout = true;
		if (!sidebar_pane_select_kind(&app->sidebar, op == UI_OP_ENTITIES ? 1 : 2))
			app_message(app, "%s",
				    op == UI_OP_ENTITIES     ? "no entities found in this article"
				    : app_related_pending(app) ? "related stories are not ready yet"
							       : "no related stories found");
		else
			app_sidebar_moved(app);
		return true;
	case UI_OP_NEXT_RELATED: case UI_OP_PREV_RELATED:
		if (app->open == APP_NONE)
			return loop_none_open(app);
		app_related_step(app, op == UI_OP_NEXT_RELATED);
		return true;
	case UI_OP_TOGGLE_SIDEBAR:
		app->sidebar_on = !app->sidebar_on;
		if (!app->sidebar_on && app->focus == &app->sidebar)
			app_focus(app, &app->reader);
		app->relayout = true;
		return true;
	case UI_OP_OPEN_URL: app_open_url(app); return true;
	case UI_OP_TOGGLE_READ: app_toggle_read(app); return true;
	case UI_OP_BOOKMARK: app_toggle_bookmark(app); return true;
	case UI_OP_COPY_URL: app_copy_url(app); return true;
	case UI_OP_FETCH: app_fetch_start(app); return true;
	case UI_OP_FULL_TEXT: app_page_start(app); return true;
	case UI_OP_TAG: app_filter_tag(app); return true;
	case UI_OP_ZOOM:
		if (app->open == APP_NONE)
			return loop_none_open(app);
		app->zoom = !app->zoom;
		app_focus(app, &app->reader);
		app->relayout = true;
		return true;
	case UI_OP_NEXT_PANE: {
		struct pane *order[] = {&app->list, &app->reader, &app->sidebar};
		if (app->open == APP_NONE)
			return loop_none_open(app);
		for (size_t i = 0; i < 3; i++)
			if (order[i] == app->focus) {
				struct pane *next = order[(i + 1) % 3];
				if (next == &app->sidebar && !app->sidebar_on)
					next = &app->list;
				app_focus(app, next);
				break;
			}
		return true;
	}
	default: return false;
	}
}

static void loop_pane_op(struct app *app, enum ui_op op)
{
	enum ui_result r;

	if (op == UI_OP_NEXT_HIT || op == UI_OP_PREV_HIT)
		op = op == UI_OP_NEXT_HIT ? UI_OP_DOWN : UI_OP_UP;
	if (op == UI_OP_OPEN && app->focus == &app->list)
		app_filter_settle(app); /* open a row of the final result */
	if (op == UI_OP_BOTTOM && app->focus == &app->list)
		app_store_count_wait(app); /* the last row's index is the count */
	if ((op == UI_OP_DOWN || op == UI_OP_PAGE_DOWN || op == UI_OP_HALF_DOWN) &&
	    app->focus == &app->list) /* while a search is counted, the rows it moves over */
		app_store_reach(app, app->list.h > 0 ? (size_t)app->list.h : 1);
	r = app->focus->ops->op(app->focus, op);
	if (r & UI_HANDLED)
		app->focus->dirty = true;
	if ((r & UI_HANDLED) && app->focus == &app->list)
		app_list_chosen(app);
	if ((r & UI_OPEN) && app->focus == &app->list) {
		size_t idx = app_list_selected(app);
		if (idx != APP_NONE)
			app_open(app, idx, APP_SAVED_TOP, true);
	} else if ((r & UI_OPEN) && app->focus == &app->sidebar) {
		app_sidebar_activate(app);
	} else if ((r & UI_HANDLED) && app->focus == &app->sidebar) {
		app_sidebar_moved(app);
	}
	if (r & UI_BACK)
		app_back(app);
}

/* Keys that read the open article's sidebar (its entities, related stories, walk). */
static bool loop_reads_sidebar(const struct app *app, enum ui_op op)
{
	return app->focus == &app->sidebar || op == UI_OP_ENTITIES || op == UI_OP_RELATED;
}

void app_key_op(struct app *app, enum ui_op op)
{
	app_store_settle_list(app); /* a search typed: its rows shown before a key reads them */
	if (op == UI_OP_RELATED)
		app_store_settle_related(app); /* the stories now, the entities on idle passes */
	else if (loop_reads_sidebar(app, op))
		app_store_settle(app); /* its fill, when the idle pass has not made it yet */
	app->message[0] = '\0';
	if (app->too_small) { /* nothing to see what a key would do */
		if (op == UI_OP_QUIT)
			app->quit = true;
		return;
	}
	if (app->links_open) {
		if (op == UI_OP_QUIT)
			app->quit = true;
		else
			app_links_op(app, op);
		return;
	}
	if (app->help_open) {
		if (op == UI_OP_QUIT)
			app->quit = true;
		else if (app->help.ops->op(&app->help, op) & UI_BACK)
			app->help_open = false, app->relayout = true;
		else
			app->help.dirty = true;
		return;
	}
	if (op == UI_OP_NONE || loop_global_op(app, op))
		return;
	loop_pane_op(app, op);
}

static volatile sig_atomic_t loop_stop_signal;
static int loop_signal_pipe[2] = {-1, -1}; /* the handler writes a byte: poll wakes */

static void loop_on_signal(int sig)
{
	int e = errno;
	loop_stop_signal = sig;
	if (loop_signal_pipe[1] >= 0 && write(loop_signal_pipe[1], "", 1) < 0) {
		/* full: a byte is already waiting, which is all poll needs */
	}
	errno = e;
}

/* SIGTERM and SIGHUP (the SSH link dropped) end the loop so the state is closed cleanly.
 * A signal that comes between the loop's look at the flag and poll would leave it asleep
 * until the next key (and any thread may take it): the handler also writes to a pipe that
 * poll watches (the self-pipe trick). */
static void loop_signals(void)
{
	struct sigaction sa = {0};
	if (loop_signal_pipe[0] < 0 && pipe2(loop_signal_pipe, O_CLOEXEC | O_NONBLOCK) < 0)
		loop_signal_pipe[0] = loop_signal_pipe[1] = -1; /* EINTR from poll still works */
	sa.sa_handler = loop_on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

static void loop_signals_end(void)
{
	signal(SIGTERM, SIG_DFL);
	signal(SIGHUP, SIG_DFL);
	for (int i = 0; i < 2; i++)
		if (loop_signal_pipe[i] >= 0)
			close(loop_signal_pipe[i]), loop_signal_pipe[i] = -1;
}

/* Background indexing finished a phase: the sidebar can fill in. */
static void loop_index_event(struct app *app)
{
	unsigned ready = corpus_index_poll(&app->index);
	if ((ready & CORPUS_INDEX_ENTITIES) && !app->index_done) {
		app->index_done = true;
		app_sidebar_fill(app);
		if (app->index.cache_error)
			app_message(app, "entities not cached: %s", app->index.cache_error);
	}
}

/* Keys waiting now, all of them before the next frame: key repeat over SSH stays fluid.
 * Returns how many. */
static int loop_keys(struct app *app)
{
	wint_t ch;
	enum ui_key_kind kind;
	int n = 0;
	while (!app->quit && !loop_stop_signal && (kind = ui_key_read(&ch)) != UI_KEY_NONE) {
		n++;
		if (app->probe && app->probe->key_time == 0) {
			if (app->probe->key) /* before the clocks: its own cost is not the key's */
				app->probe->key(app, app->probe->ctx);
			app->probe->key_time = app_now();
			app->probe->key_cpu = app_thread_cpu();
		}
		if (kind == UI_KEY_FUNCTION && ch == UI_KEY_RESIZE)
			app->relayout = app->repaint = true;
		else if (kind == UI_KEY_FUNCTION && ch == UI_KEY_MOUSE)
			app_store_settle_list(app), app_store_settle(app), app_mouse_event(app);
		else if (app->prompting)
			app_search_key(app, kind, ch);
		else
			app_key_op(app, keymap_lookup((int)ch, kind == UI_KEY_FUNCTION));
	}
	return n;
}

/* How long poll may sleep: not at all while the list filter has work; for ever when idle;
 * while loading or indexing, until the progress figure should move or new articles are due
 * in the list. */
static int loop_timeout(const struct app *app)
{
	int t = app->load.loader || !app->index_done ? LOOP_PROGRESS_MS : -1, merge = app_load_timeout(app);
	int reload = app_fetch_timeout(app);

	if (app_filter_runnable(app) || app_store_idle_pending(app))
		return 0;
	if (reload >= 0 && (t < 0 || reload < t))
		t = reload;
	return merge >= 0 && (t < 0 || merge < t) ? merge : t;
}

/* Wait on the keyboard, the loader and the indexer (redis ae style), redraw once before
 * sleeping. The list filter runs in slices of LOOP_SLICE_US between passes; a pass that read
 * keys goes straight to its frame, so a key in the prompt shows at once. */
static void loop_run(struct app *app)
{
	/* QARI_TEST_IDLE_PAUSE_MS: a pause between the look at the signal flag and poll, so a
	 * test can send a signal there every time (tests only) */
	const char *pause_env = getenv("QARI_TEST_IDLE_PAUSE_MS");
	long pause_ms = pause_env ? atol(pause_env) : 0;

	loop_signals();
	ui_key_nowait();
	while (!app->quit && !loop_stop_signal) {
		struct pollfd fds[6] = {
			{.fd = app->in_fd, .events = POLLIN},
			{.fd = corpus_index_fd(&app->index), .events = POLLIN},
			{.fd = app->load.loader ? corpus_loader_fd(app->load.loader) : -1, .events = POLLIN},
			{.fd = loop_signal_pipe[0], .events = POLLIN},
			{.fd = app_fetch_fd(app), .events = POLLIN},
			{.fd = app_store_count_fd(app), .events = POLLIN}};
		loop_draw(app);
		app_state_sync(app);
		if (pause_ms > 0)
			nanosleep(&(struct timespec){pause_ms / 1000, pause_ms % 1000 * 1000000}, NULL);
		if (poll(fds, 6, loop_timeout(app)) < 0 && errno != EINTR)
			break;
		if (loop_stop_signal)
			break;
		if (fds[5].revents & POLLIN)
			app_store_count_event(app);
		if (fds[4].revents & POLLIN)
			app_fetch_event(app);
		app_fetch_tick(app);
		if (fds[2].revents & POLLIN)
			app_load_event(app);
		else
			app_load_merge(app, false); /* a throttled merge come due */
		if (fds[1].revents & POLLIN)
			loop_index_event(app);
		if (loop_keys(app) > 0)
			continue; /* the keys' frame first */
		if (app_filter_runnable(app))
			app_filter_step(app, LOOP_SLICE_US);
		else
			app_store_idle(app);
	}
}

/* curses draws Arabic as blanks in a non-UTF-8 locale: try C.UTF-8, else say how to fix it. */
static bool loop_locale(void)
{
	setlocale(LC_ALL, "");
	if (strcmp(nl_langinfo(CODESET), "UTF-8") == 0)
		return true;
	if (setlocale(LC_CTYPE, "C.UTF-8") && strcmp(nl_langinfo(CODESET), "UTF-8") == 0)
		return true;
	fprintf(stderr, "qari: the locale is not UTF-8 and C.UTF-8 is missing; "
			"set LANG to a UTF-8 locale (e.g. export LANG=C.UTF-8)\n");
	return false;
}

/* The help rows, from the live key map: what it says is what the keys do. */
static void loop_help_rows(struct app *app)
{
	size_t n = 0;
	app->help_rows = xcalloc(UI_OP_COUNT, sizeof *app->help_rows);
	for (int op = 1; op < UI_OP_COUNT; op++) {
		const char *keys = keymap_keys_for((enum ui_op)op);
		if (*keys == '\0')
			continue;
		app->help_rows[n].keys = xstrdup(keys);
		app->help_rows[n].name = keymap_op_name((enum ui_op)op);
		app->help_rows[n++].help = keymap_op_help((enum ui_op)op);
	}
	app->help_data = (struct help_pane){.rows = app->help_rows, .nrows = n};
}

static void loop_init(struct app *app, const struct cli *cli)
{
	app->cli = cli;
	app->opts = cli_layout_opts(cli);
	app->open = APP_NONE;
	app->rel.early_of = APP_NONE;
	app->views.unread_of = APP_NONE;
	app->find_from = APP_NONE;
	app->sidebar_on = true;
	app->in_fd = app->term ? app->term->in_fd : STDIN_FILENO;
	app->list_data = (struct list_pane){.corpus = &app->corpus, .opts = app->opts};
	app->reader_data = (struct reader_pane){.opts = app->opts, .dir = cli->dir,
						.dir_set = cli->dir_set, .measure = LOOP_MEASURE,
						.layouts = layout_cache_new(LOOP_LAYOUT_CACHE_BYTES)};
	app->sidebar_data = (struct sidebar_pane){.opts = app->opts};
	app->list = (struct pane){.ops = &list_pane_ops, .data = &app->list_data};
	app->reader = (struct pane){.ops = &reader_pane_ops, .data = &app->reader_data};
	app->sidebar = (struct pane){.ops = &sidebar_pane_ops, .data = &app->sidebar_data};
	app->help = (struct pane){.ops = &help_pane_ops, .data = &app->help_data};
	app->links = (struct pane){.ops = &links_pane_ops, .data = &app->links_data};
	app->focus = &app->list;
	app->relayout = app->repaint = true;
}

/* Before the screen goes: delscreen frees every window it made, so a delwin after it would
 * read freed memory (inside ncurses, where the sanitizers do not look). */
static void loop_windows_free(struct app *app)
{
	ui_pane_free(&app->list);
	ui_pane_free(&app->reader);
	ui_pane_free(&app->sidebar);
	ui_pane_free(&app->help);
	ui_pane_free(&app->links);
	app_chrome_free(app);
}

static void loop_free(struct app *app)
{
	reader_pane_close(&app->reader);
	layout_cache_free(app->reader_data.layouts);
	app->reader_data.layouts = NULL;
	app_sidebar_free(app);
	app_views_free(app);
	app_load_free(app); /* stops the loader first: the index reads the corpus only once done */
	corpus_index_free(&app->index);
	app_store_close(app);
	app_search_free(app);
	loop_windows_free(app);
	links_pane_clear(&app->links_data);
	for (size_t i = 0; i < app->help_data.nrows; i++)
		free((char *)app->help_rows[i].keys);
	free(app->help_rows);
	history_free(&app->history);
	app_state_close(app);
	config_free(&app->config);
	keymap_free();
	if (app->probe && app->probe->keep) /* the index is gone: nothing reads it any more */
		*app->probe->keep = app->corpus, corpus_init(&app->corpus);
	else
		corpus_free(&app->corpus);
}

/* VTE-family terminals reorder by themselves: in app mode ask them for explicit mode. */
static void loop_terminal_bidi(const struct app *app, bool start)
{
	FILE *out = app->term ? app->term->out : stdout;
	if (app->cli->bidi_terminal)
		return;
	fputs(start ? "\033[8l" : "\033[8h", out);
	fflush(out);
}

/* The paths to read: the command line's, else the config file's, else the bundled articles. */
static void loop_load_start(struct app *app)
{
	const struct cli *cli = app->cli;
	char *dir;

	if (app_store_wanted(app) && app_store_start(app)) {
		return; /* no PATH, and subscriptions or a store with articles: the store */
	} else if (cli->nargs > 0) {
		app_load_start(app, cli->args, cli->nargs);
	} else if (app->config.npaths) {
		app_load_start(app, app->config.paths, app->config.npaths);
	} else {
		dir = corpus_asset_path("articles");
		app_load_start(app, &dir, 1);
		free(dir);
	}
}

/* Nothing could be loaded: the load report on stderr, as the subcommands print it. */
static int loop_nothing_loaded(const struct app *app)
{
	const struct load_report *r = &app->corpus.report;
	for (size_t i = 0; i < r->nmessages; i++) {
		char *m = text_neutralize(r->messages[i]);
		fprintf(stderr, "qari: %s\n", m);
		free(m);
	}
	fprintf(stderr, "qari: no articles could be loaded\n");
	return 1;
}

/* Why curses would not start: out of file descriptors (ulimit -n) it cannot read terminfo
 * and says the terminal type is unknown; name the real cause. */
static void loop_no_terminal(void)
{
	struct rlimit rl;
	int fds[4], n = 0;
	bool no_fds = false;

	for (; n < 4; n++)
		if ((fds[n] = dup(STDERR_FILENO)) < 0) {
			no_fds = errno == EMFILE;
			break;
		}
	while (n > 0)
		close(fds[--n]);
	if (no_fds && getrlimit(RLIMIT_NOFILE, &rl) == 0)
		fprintf(stderr, "qari: cannot start the terminal: too few file descriptors "
				"(ulimit -n is %llu; raise it, e.g. ulimit -n 1024)\n",
			(unsigned long long)rl.rlim_cur);
	else
		fprintf(stderr, "qari: cannot start the terminal: %s\n", ui_screen_error());
}

/* Loading starts in the background; the first screen comes after LOOP_FIRST_SCREEN_MS at
 * most, with the articles in by then, and the loop takes the rest as it comes. */
int app_run(const struct cli *cli, const struct app_term *term, struct app_probe *probe)
{
	struct app app = {.term = term, .probe = probe};
	int rc = 0;

	loop_init(&app, cli);
	app_settings_load(&app);
	app_views_init(&app);
	loop_help_rows(&app);
	loop_load_start(&app);
	if (app.sv.store == NULL)
		app_load_first(&app, LOOP_FIRST_SCREEN_MS);
	if (app.load.loader == NULL && app.corpus.n == 0 && app.sv.store == NULL) {
		rc = loop_nothing_loaded(&app);
		loop_free(&app);
		return rc;
	}
	app_state_open(&app);
	app_settings_apply_theme(&app);
	app_take_messages(&app);
	if (term)
		app.reader_data.hyperlinks = false; /* they are written to stdout, not to term */
	if (!ui_screen_start_on(term ? term->type : NULL, term ? term->out : NULL,
				term ? term->in : NULL, cli->no_color || app.config.color == 0)) {
		loop_no_terminal();
		loop_free(&app);
		return 1;
	}
	loop_terminal_bidi(&app, true);
	app_mouse_start(&app);
	loop_run(&app);
	loop_signals_end();
	app_state_close(&app);
	loop_windows_free(&app);
	ui_screen_stop();
	loop_terminal_bidi(&app, false);
	if (app.load.loader == NULL && app.corpus.n == 0 && app.sv.store == NULL)
		rc = loop_nothing_loaded(&app);
	if (app.state_lost[0]) { /* said in the status line; the screen is gone now */
		fprintf(stderr, "qari: read marks, bookmarks or positions of this session were not "
				"saved (%s)\n", app.state_lost);
		rc = 1;
	}
	loop_free(&app);
	return rc;
}

int reader_run(const struct cli *cli)
{
	int rc;
	if (!loop_locale())
		return 1;
	rc = app_run(cli, NULL, NULL);
	ner_default_free(); /* loaded once per process: freed by the process's owner */
	return rc;
}
