/* settings.c - the config file and the user state, seen from the reader.
 *
 * Order of precedence: built-in defaults, then the config file, then the command line.
 * State: opening an article marks it read and remembers it as the last one; leaving it
 * remembers where you were, as the paragraph at the top (a visual line number would not
 * survive a resize). Every change is durable when the state module returns. */
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "keymap.h"
#include "qari/store.h"
#include "qari/xalloc.h"

/* config_key (no curses in the model) → the code ui_key_read gives. */
static void settings_key_codes(struct config_key k, int codes[3], bool fn[3], size_t *n)
{
	static const int specials[] = {
		[CONFIG_KEY_UP] = UI_KEY_UP, [CONFIG_KEY_DOWN] = UI_KEY_DOWN, [CONFIG_KEY_LEFT] = UI_KEY_LEFT,
		[CONFIG_KEY_RIGHT] = UI_KEY_RIGHT, [CONFIG_KEY_PGUP] = UI_KEY_PPAGE,
		[CONFIG_KEY_PGDN] = UI_KEY_NPAGE, [CONFIG_KEY_HOME] = UI_KEY_HOME, [CONFIG_KEY_END] = UI_KEY_END,
		[CONFIG_KEY_INSERT] = UI_KEY_IC, [CONFIG_KEY_DELETE] = UI_KEY_DC, [CONFIG_KEY_BTAB] = UI_KEY_BTAB,
	};
	*n = 0;
	if (k.special == CONFIG_KEY_CHAR) {
		codes[*n] = k.ch, fn[(*n)++] = false;
	} else if (k.special == CONFIG_KEY_ENTER) {
		codes[0] = '\r', codes[1] = '\n', codes[2] = UI_KEY_ENTER;
		fn[0] = fn[1] = false, fn[2] = true, *n = 3;
	} else if (k.special == CONFIG_KEY_BACKSPACE) {
		codes[0] = 127, codes[1] = 8, codes[2] = UI_KEY_BACKSPACE;
		fn[0] = fn[1] = false, fn[2] = true, *n = 3;
	} else if (k.special >= CONFIG_KEY_F1 && k.special <= CONFIG_KEY_F12) {
		codes[0] = UI_KEY_F(k.special - CONFIG_KEY_F1 + 1), fn[0] = true, *n = 1;
	} else if ((size_t)k.special < sizeof specials / sizeof *specials && specials[k.special]) {
		codes[0] = specials[k.special], fn[0] = true, *n = 1;
	}
}

static void settings_apply_bindings(struct app *app)
{
	for (size_t i = 0; i < app->config.nbindings; i++) {
		const struct config_binding *b = &app->config.bindings[i];
		int codes[3];
		bool fn[3];
		size_t n;
		settings_key_codes(b->key, codes, fn, &n);
		for (size_t k = 0; k < n; k++) {
			if (b->op)
				keymap_bind(codes[k], fn[k], keymap_op_by_name(b->op));
			else
				keymap_unbind(codes[k], fn[k]);
		}
	}
}

/* Terminals known to draw OSC 8 links, by what they put in the environment. Others are
 * left alone unless the config says "hyperlinks = on": most ignore the sequence, but not
 * all, and a multiplexer (screen, tmux before 3.4) may not pass it on. Over SSH these
 * variables rarely arrive: the config decides there. */
static bool settings_terminal_has_hyperlinks(void)
{
	static const char *const programs[] = {"iTerm.app", "WezTerm", "vscode", "ghostty"};
	static const char *const terms[] = {"xterm-kitty", "foot", "alacritty", "xterm-ghostty",
					    "wezterm", "contour"};
	const char *term = getenv("TERM"), *program = getenv("TERM_PROGRAM");
	const char *vte = getenv("VTE_VERSION");

	if (term == NULL || strncmp(term, "screen", 6) == 0 || strncmp(term, "tmux", 4) == 0)
		return false;
	for (size_t i = 0; i < sizeof terms / sizeof *terms; i++)
		if (strncmp(term, terms[i], strlen(terms[i])) == 0)
			return true;
	for (size_t i = 0; program && i < sizeof programs / sizeof *programs; i++)
		if (strcmp(program, programs[i]) == 0)
			return true;
	return (vte && atoi(vte) >= 5000) || getenv("KITTY_WINDOW_ID") || getenv("WT_SESSION");
}

void app_settings_load(struct app *app)
{
	const char *names[UI_OP_COUNT];
	struct config_ops ops = {.names = names, .n = 0};

	for (int op = 1; op < UI_OP_COUNT; op++)
		names[ops.n++] = keymap_op_name((enum ui_op)op);
	config_init(&app->config);
	config_load(&app->config, NULL, &ops);
	settings_apply_bindings(app);
	if (!app->cli->bidi_set && app->config.bidi != CONFIG_BIDI_UNSET)
		app->opts.reorder = app->config.bidi == CONFIG_BIDI_APP;
	if (!app->opts.reorder)
		app->opts.shape = false;
	else if (!app->cli->shape_set && app->config.shape >= 0)
		app->opts.shape = app->config.shape == 1;
	if (app->config.measure > 0)
		app->reader_data.measure = app->config.measure;
	app->zoom = app->config.zoom == 1;
	app->reader_data.hyperlinks = app->config.hyperlinks < 0 ? settings_terminal_has_hyperlinks()
								  : app->config.hyperlinks == 1;
	app->list_data.opts = app->reader_data.opts = app->sidebar_data.opts = app->opts;
}

void app_settings_apply_theme(struct app *app)
{
	static const enum ui_role roles[CONFIG_ROLE_COUNT] = {
		[CONFIG_ROLE_TEXT] = UI_ROLE_TEXT, [CONFIG_ROLE_TITLE] = UI_ROLE_TITLE,
		[CONFIG_ROLE_META] = UI_ROLE_META, [CONFIG_ROLE_SELECTED] = UI_ROLE_SELECTED,
		[CONFIG_ROLE_STATUS] = UI_ROLE_STATUS, [CONFIG_ROLE_PLACEHOLDER] = UI_ROLE_PLACEHOLDER,
		[CONFIG_ROLE_BORDER] = UI_ROLE_BORDER, [CONFIG_ROLE_HIGHLIGHT] = UI_ROLE_HIGHLIGHT,
		[CONFIG_ROLE_READ] = UI_ROLE_READ, [CONFIG_ROLE_UNREAD] = UI_ROLE_UNREAD,
	};
	for (int r = 0; r < CONFIG_ROLE_COUNT; r++) {
		const struct config_style *st = &app->config.theme[r];
		unsigned styles = 0;
		if (!st->set)
			continue;
		styles |= st->attrs & CONFIG_ATTR_BOLD ? UI_STYLE_BOLD : 0;
		styles |= st->attrs & CONFIG_ATTR_DIM ? UI_STYLE_DIM : 0;
		styles |= st->attrs & CONFIG_ATTR_UNDERLINE ? UI_STYLE_UNDERLINE : 0;
		styles |= st->attrs & CONFIG_ATTR_REVERSE ? UI_STYLE_REVERSE : 0;
		ui_theme_override(roles[r], st->fg, st->bg, styles);
	}
}

/* Warnings of the config file and the state module, for the status line. */
void app_take_messages(struct app *app)
{
	char *m;
	if (app->config.nmessages && !app->message[0])
		app_message(app, "%s%s", app->config.messages[0],
			    app->config.nmessages > 1 ? " (and more lines of the config file)" : "");
	while (app->state && (m = state_take_message(app->state)) != NULL) {
		if (!app->message[0])
			app_message(app, "%s", m);
		else if (!strstr(app->message, " — ")) /* "marked read — …: saved again" */
			app_message(app, "%s — %s", app->message, m);
		free(m);
	}
	while (app->sv.store && (m = store_take_message(app->sv.store)) != NULL) {
		if (!app->message[0])
			app_message(app, "%s", m);
		free(m);
	}
}

/* Marks: the store's articles keep theirs in the store, articles from files in the state. */
bool app_is_read(const struct app *app, const char *id)
{
	return app->sv.store ? store_is_read(app->sv.store, id) : app->state && state_is_read(app->state, id);
}

bool app_is_bookmarked(const struct app *app, const char *id)
{
	return app->sv.store ? store_is_bookmarked(app->sv.store, id)
			  : app->state && state_is_bookmarked(app->state, id);
}

bool app_set_read(struct app *app, const char *id, bool on)
{
	bool ok;
	if (app->sv.store == NULL)
		return state_set_read(app->state, id, on);
	ok = store_set_read(app->sv.store, id, on);
	app_store_marked(app, id);
	return ok;
}

static bool settings_get_read(struct app *app, const char *id) { return app_is_read(app, id); }

static bool settings_get_bookmark(struct app *app, const char *id)
{
	return app_is_bookmarked(app, id);
}

static bool settings_set_read(struct app *app, const char *id, bool on)
{
	return app_set_read(app, id, on);
}

static bool settings_set_bookmark(struct app *app, const char *id, bool on)
{
	bool ok;
	if (app->sv.store == NULL)
		return state_set_bookmark(app->state, id, on);
	ok = store_set_bookmark(app->sv.store, id, on);
	app_store_marked(app, id);
	return ok;
}

static bool settings_is_read(void *ctx, const struct article *a)
{
	return settings_get_read(ctx, a->id);
}

static bool settings_is_bookmarked(void *ctx, const struct article *a)
{
	return settings_get_bookmark(ctx, a->id);
}

static const char *settings_source_name(void *ctx, const struct article *a)
{
	return listing_source_name(&((struct app *)ctx)->views.sources, a);
}

void app_state_open(struct app *app)
{
	const char *last;
	app->state = state_open();
	state_defer_sync(app->state, true); /* synced after each frame (app_state_sync) */
	app->list_data.is_read = settings_is_read;
	app->list_data.is_bookmarked = settings_is_bookmarked;
	app->list_data.source_name = app->reader_data.source_name = settings_source_name;
	app->list_data.ctx = app->reader_data.ctx = app;
	/* the last article is selected when it arrives (loading.c), unless the user moved first */
	if (app->sv.win) {
		app_store_select_last(app);
		return;
	}
	last = state_last(app->state);
	app->load.last_id = last ? xstrdup(last) : NULL;
	app_load_select_last(app, 0, app->load.n);
}

/* A position is the paragraph at the top (+3: title and byline are -1 and -2) and the line
 * within it: exact at the same width, close after a resize. */
#define SETTINGS_POS_LINES 1024

void app_state_leave(struct app *app)
{
	const struct reader_pane *r = &app->reader_data;
	size_t first;
	long para, pos;
	if (app->open == APP_NONE || r->view.nlines == 0)
		return;
	para = r->view.lines[r->top].para;
	first = article_view_find(&r->view, para, 0);
	if (first > r->top)
		first = r->top;
	if (r->top - first >= SETTINGS_POS_LINES)
		first = r->top - (SETTINGS_POS_LINES - 1);
	pos = (para + 3) * SETTINGS_POS_LINES + (long)(r->top - first);
	if (app->sv.store)
		store_set_pos(app->sv.store, app->corpus.items[app->open]->id, pos);
	else
		state_set_pos(app->state, app->corpus.items[app->open]->id, pos);
	app_take_messages(app);
}

/* After a frame: what the keys changed becomes durable, off the keys' latency. */
void app_state_sync(struct app *app)
{
	if (app->state && state_persistent(app->state) && !state_sync(app->state))
		app_take_messages(app); /* it just went memory only: say why */
}

void app_state_close(struct app *app)
{
	const char *problem;

	if (app->state == NULL)
		return;
	app_state_leave(app);
	problem = state_problem(app->state);
	if (problem)
		snprintf(app->state_lost, sizeof app->state_lost, "%s", problem);
	if (state_close(app->state))
		app->state_lost[0] = '\0';
	app->state = NULL;
}

size_t app_state_top(struct app *app, size_t idx)
{
	const struct article_view *v = &app->reader_data.view;
	const char *id = app->corpus.items[idx]->id;
	long pos = app->sv.store ? store_pos(app->sv.store, id) : state_pos(app->state, id);
	size_t line;
	if (pos <= 0 || app->reader_data.article != app->corpus.items[idx])
		return 0;
	line = article_view_find(v, pos / SETTINGS_POS_LINES - 3, 0);
	if (line >= v->nlines)
		return 0;
	for (long k = pos % SETTINGS_POS_LINES; k > 0 && line + 1 < v->nlines &&
					       v->lines[line + 1].para == v->lines[line].para; k--)
		line++;
	return line;
}

void app_state_opened(struct app *app, size_t idx)
{
	const char *id = app->corpus.items[idx]->id;
	if (!settings_get_read(app, id))
		app_unread_changed(app, -1);
	settings_set_read(app, id, true);
	if (app->sv.store)
		store_set_last(app->sv.store, id);
	else
		state_set_last(app->state, id);
	app_take_messages(app);
}

static const struct article *settings_target(struct app *app)
{
	size_t idx = app->focus == &app->list ? app_list_selected(app) : app->open;
	return idx < app->corpus.n ? app->corpus.items[idx] : NULL;
}

/* m and *: flip a mark of the selected (list) or open (reader) article. */
static void settings_toggle(struct app *app, bool (*get)(struct app *, const char *),
			    bool (*set)(struct app *, const char *, bool), const char *on,
			    const char *off)
{
	const struct article *a = settings_target(app);
	bool value;
	if (a == NULL)
		return;
	value = !get(app, a->id);
	if (get == settings_get_read)
		app_unread_changed(app, value ? -1 : 1);
	/* acknowledged only when it reached the disk */
	app_message(app, "%s%s", value ? on : off,
		    set(app, a->id, value) ? "" : " (in memory only: not saved)");
	app_take_messages(app);
	app->list.dirty = true;
}

void app_toggle_read(struct app *app)
{
	settings_toggle(app, settings_get_read, settings_set_read, "marked read", "marked unread");
}

void app_toggle_bookmark(struct app *app)
{
	settings_toggle(app, settings_get_bookmark, settings_set_bookmark, "bookmarked",
			"bookmark removed");
}
