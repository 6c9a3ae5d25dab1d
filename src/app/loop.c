/* loop.c - the interactive reader: screen geometry, focus, keys → operations, one redraw
 * per pass (redis ae's "before sleep": draw dirty panes, then doupdate once). */
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qari/cli.h"
#include "qari/corpus.h"
#include "qari/keymap.h"
#include "qari/ui.h"
#include "qari/xalloc.h"

#define LOOP_SPLIT_MIN_COLS 60 /* below this, one pane at a time */
#define LOOP_LIST_MIN 24
#define LOOP_LIST_MAX 50
#define LOOP_MEASURE 100 /* the text column stops widening here */

struct app {
	const struct cli *cli;
	struct corpus corpus;
	struct list_pane list_data;
	struct reader_pane reader_data;
	struct pane list, reader;
	WINDOW *status, *sep;
	struct pane *focus;
	bool split; /* list and reader side by side */
	bool quit, relayout;
	char message[512];
};

/* Place the panes for the terminal's size: side by side when wide, else the focused one. */
static void app_layout(struct app *app)
{
	int h = LINES, w = COLS, body = h > 1 ? h - 1 : 0;
	int lw = w / 3;

	lw = lw < LOOP_LIST_MIN ? LOOP_LIST_MIN : lw > LOOP_LIST_MAX ? LOOP_LIST_MAX : lw;
	app->split = w >= LOOP_SPLIT_MIN_COLS && app->reader_data.article != NULL;
	if (app->sep)
		delwin(app->sep), app->sep = NULL;
	if (app->status)
		delwin(app->status), app->status = NULL;
	if (app->split) {
		ui_pane_place(&app->list, 0, 0, body, lw);
		ui_pane_place(&app->reader, 0, lw + 1, body, w - lw - 1);
		if (body > 0)
			app->sep = newwin(body, 1, 0, lw);
	} else {
		bool reader = app->focus == &app->reader;
		ui_pane_place(&app->list, 0, 0, reader ? 0 : body, reader ? 0 : w);
		ui_pane_place(&app->reader, 0, 0, reader ? body : 0, reader ? w : 0);
	}
	if (h > 0 && w > 0)
		app->status = newwin(1, w, h - 1, 0);
	app->list.dirty = app->reader.dirty = true;
	app->relayout = false;
	clearok(curscr, TRUE);
}

static void app_status(struct app *app)
{
	char right[64];
	const char *left;

	if (app->status == NULL)
		return;
	if (app->focus == &app->reader && app->reader_data.article) {
		size_t line, lines;
		int pct;
		reader_pane_position(&app->reader, &line, &lines, &pct);
		snprintf(right, sizeof right, "%zu/%zu  line %zu/%zu  %d%%", app->list_data.sel + 1,
			 app->corpus.n, line, lines, pct);
	} else
		snprintf(right, sizeof right, "%zu/%zu", app->list_data.sel + 1, app->corpus.n);
	left = app->message[0] ? app->message
	       : app->focus == &app->reader ? app->reader_data.article->title
					     : "qari — ? help, q quit";
	ui_status_draw(app->status, COLS, left, right, &app->list_data.opts);
}

static void app_draw(struct app *app)
{
	struct pane *panes[] = {&app->list, &app->reader};

	if (app->relayout)
		app_layout(app);
	/* get_wch refreshes stdscr: keep it untouched, or its blanks would cover the panes */
	wnoutrefresh(stdscr);
	for (size_t i = 0; i < 2; i++)
		if (panes[i]->win && panes[i]->dirty) {
			panes[i]->ops->draw(panes[i], panes[i] == app->focus);
			panes[i]->dirty = false;
		}
	if (app->sep) {
		/* a Unicode line, not ACS: no charset switching, the same bytes on every terminal */
		cchar_t bar;
		setcchar(&bar, L"│", ui_attr(UI_ROLE_BORDER), (short)PAIR_NUMBER(ui_attr(UI_ROLE_BORDER)), NULL);
		mvwvline_set(app->sep, 0, 0, &bar, LINES - 1);
		wnoutrefresh(app->sep);
	}
	app_status(app);
	doupdate();
}

static void app_open_selected(struct app *app)
{
	const struct article *a = app->corpus.items[app->list_data.sel];
	bool was_split = app->split;

	app->focus = &app->reader;
	if (!was_split || app->reader_data.article == NULL)
		app->relayout = true;
	reader_pane_open(&app->reader, a);
	app->list.dirty = true;
}

static void app_focus(struct app *app, struct pane *p)
{
	app->focus = p;
	app->list.dirty = app->reader.dirty = true;
	if (!app->split)
		app->relayout = true;
}

static void app_op(struct app *app, enum ui_op op)
{
	enum ui_result r;

	app->message[0] = '\0';
	switch (op) {
	case UI_OP_QUIT: app->quit = true; return;
	case UI_OP_REDRAW: app->relayout = true; return;
	case UI_OP_NEXT_PANE:
		if (app->reader_data.article)
			app_focus(app, app->focus == &app->list ? &app->reader : &app->list);
		return;
	case UI_OP_HELP:
		snprintf(app->message, sizeof app->message, "keys: %s move · %s open · %s back · %s pane",
			 keymap_keys_for(UI_OP_DOWN), keymap_keys_for(UI_OP_OPEN),
			 keymap_keys_for(UI_OP_BACK), keymap_keys_for(UI_OP_NEXT_PANE));
		return;
	default: break;
	}
	r = app->focus->ops->op(app->focus, op);
	if (r & UI_HANDLED)
		app->focus->dirty = true;
	if (r & UI_OPEN)
		app_open_selected(app);
	if (r & UI_BACK) {
		if (app->focus == &app->list)
			app->quit = true;
		else
			app_focus(app, &app->list);
	}
}

static void app_loop(struct app *app)
{
	while (!app->quit) {
		wint_t ch;
		int kind;
		app_draw(app);
		kind = get_wch(&ch);
		if (kind == ERR)
			continue;
		if (kind == KEY_CODE_YES && ch == KEY_RESIZE) {
			app->relayout = true;
			continue;
		}
		app_op(app, keymap_lookup((int)ch, kind == KEY_CODE_YES));
	}
}

/* curses draws Arabic as blanks in a non-UTF-8 locale: try C.UTF-8, else say how to fix it. */
static bool app_locale(void)
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

static void app_free(struct app *app)
{
	if (app->reader_data.article)
		article_view_free(&app->reader_data.view);
	ui_pane_free(&app->list);
	ui_pane_free(&app->reader);
	if (app->status)
		delwin(app->status);
	if (app->sep)
		delwin(app->sep);
	corpus_free(&app->corpus);
}

int reader_run(const struct cli *cli)
{
	struct app app = {.cli = cli};
	bool vte_explicit = !cli->bidi_terminal;

	if (!app_locale())
		return 1;
	if (!cli_load_corpus(cli, 0, &app.corpus)) {
		corpus_free(&app.corpus);
		return 1;
	}
	app.list_data = (struct list_pane){.corpus = &app.corpus, .opts = cli_layout_opts(cli)};
	app.reader_data = (struct reader_pane){.opts = cli_layout_opts(cli), .dir = cli->dir,
					       .dir_set = cli->dir_set, .measure = LOOP_MEASURE};
	app.list = (struct pane){.ops = &list_pane_ops, .data = &app.list_data};
	app.reader = (struct pane){.ops = &reader_pane_ops, .data = &app.reader_data};
	app.focus = &app.list;
	app.relayout = true;
	if (vte_explicit) {
		/* VTE-family terminals reorder by themselves: ask for explicit mode (CSI 8 l) */
		fputs("\033[8l", stdout);
		fflush(stdout);
	}
	if (!ui_screen_start(cli->no_color)) {
		fprintf(stderr, "qari: cannot start the terminal (is TERM set?)\n");
		app_free(&app);
		return 1;
	}
	app_loop(&app);
	ui_screen_stop();
	if (vte_explicit) {
		fputs("\033[8h", stdout);
		fflush(stdout);
	}
	app_free(&app);
	return 0;
}
