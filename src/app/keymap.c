/* keymap.c - default bindings (less, vi and mutt habits) and the names of operations. */
#include "keymap.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qari/xalloc.h"

#define KEYMAP_CTRL(c) ((c) & 0x1f)

static const struct keymap_binding keymap_defaults[] = {
	{'j', false, UI_OP_DOWN},        {UI_KEY_DOWN, true, UI_OP_DOWN},
	{'k', false, UI_OP_UP},          {UI_KEY_UP, true, UI_OP_UP},
	{' ', false, UI_OP_PAGE_DOWN},   {UI_KEY_NPAGE, true, UI_OP_PAGE_DOWN},
	{KEYMAP_CTRL('f'), false, UI_OP_PAGE_DOWN},
	{'b', false, UI_OP_PAGE_UP},     {UI_KEY_PPAGE, true, UI_OP_PAGE_UP},
	{KEYMAP_CTRL('b'), false, UI_OP_PAGE_UP},
	{KEYMAP_CTRL('d'), false, UI_OP_HALF_DOWN},
	{KEYMAP_CTRL('u'), false, UI_OP_HALF_UP},
	{'g', false, UI_OP_TOP},         {UI_KEY_HOME, true, UI_OP_TOP},
	{'G', false, UI_OP_BOTTOM},      {UI_KEY_END, true, UI_OP_BOTTOM},
	{'\r', false, UI_OP_OPEN},       {'\n', false, UI_OP_OPEN},
	{UI_KEY_ENTER, true, UI_OP_OPEN},   {'l', false, UI_OP_OPEN},
	{UI_KEY_RIGHT, true, UI_OP_OPEN},
	{'q', false, UI_OP_BACK},        {'h', false, UI_OP_BACK},
	{UI_KEY_LEFT, true, UI_OP_BACK},
	{'Q', false, UI_OP_QUIT},
	{'\t', false, UI_OP_NEXT_PANE},
	{'?', false, UI_OP_HELP},        {UI_KEY_F(1), true, UI_OP_HELP},
	{KEYMAP_CTRL('l'), false, UI_OP_REDRAW},
	{'/', false, UI_OP_SEARCH},
	{'n', false, UI_OP_NEXT_HIT},
	{'N', false, UI_OP_PREV_HIT},
	{27, false, UI_OP_CLEAR},
	{'e', false, UI_OP_ENTITIES},
	{'r', false, UI_OP_RELATED},
	{']', false, UI_OP_NEXT_RELATED},
	{'[', false, UI_OP_PREV_RELATED},
	{UI_KEY_BACKSPACE, true, UI_OP_HISTORY_BACK},
	{127, false, UI_OP_HISTORY_BACK}, {8, false, UI_OP_HISTORY_BACK},
	{KEYMAP_CTRL('o'), false, UI_OP_HISTORY_BACK},
	{'L', false, UI_OP_HISTORY_FORWARD},
	{'s', false, UI_OP_TOGGLE_SIDEBAR},
	{'m', false, UI_OP_TOGGLE_READ},
	{'*', false, UI_OP_BOOKMARK},
	{'R', false, UI_OP_FETCH},
	{'F', false, UI_OP_FULL_TEXT},
	{'T', false, UI_OP_TAG},
	{'o', false, UI_OP_OPEN_URL},
	{'y', false, UI_OP_COPY_URL},
	{'z', false, UI_OP_ZOOM},
	{'v', false, UI_OP_VIEW},
	{'S', false, UI_OP_SORT},
	{'A', false, UI_OP_MARK_ALL_READ},
	{'U', false, UI_OP_UNDO_MARK},
	{'f', false, UI_OP_SOURCE},
	{'u', false, UI_OP_LINKS},
};

static const struct {
	const char *name, *help;
} keymap_ops[UI_OP_COUNT] = {
	[UI_OP_DOWN] = {"down", "next article / scroll down a line"},
	[UI_OP_UP] = {"up", "previous article / scroll up a line"},
	[UI_OP_PAGE_DOWN] = {"page-down", "a page down"},
	[UI_OP_PAGE_UP] = {"page-up", "a page up"},
	[UI_OP_HALF_DOWN] = {"half-down", "half a page down"},
	[UI_OP_HALF_UP] = {"half-up", "half a page up"},
	[UI_OP_TOP] = {"top", "first article / top of the article"},
	[UI_OP_BOTTOM] = {"bottom", "last article / end of the article"},
	[UI_OP_OPEN] = {"open", "open the selected article"},
	[UI_OP_BACK] = {"back", "back to the list; in the list: quit"},
	[UI_OP_QUIT] = {"quit", "quit at once"},
	[UI_OP_NEXT_PANE] = {"next-pane", "move to the next pane"},
	[UI_OP_HELP] = {"help", "this help"},
	[UI_OP_REDRAW] = {"redraw", "repaint the whole screen"},
	[UI_OP_SEARCH] = {"search", "search: filter the list, or find in the article"},
	[UI_OP_NEXT_HIT] = {"next-hit", "next hit or mention; else the next unread article"},
	[UI_OP_PREV_HIT] = {"previous-hit", "previous hit or mention; else the previous unread"},
	[UI_OP_CLEAR] = {"clear", "clear the search or the filter"},
	[UI_OP_ENTITIES] = {"entities", "people, places, organisations and dates of the article"},
	[UI_OP_RELATED] = {"related", "related stories"},
	[UI_OP_NEXT_RELATED] = {"next-related", "open the next related story"},
	[UI_OP_PREV_RELATED] = {"previous-related", "open the previous related story"},
	[UI_OP_HISTORY_BACK] = {"history-back", "back through the jump history"},
	[UI_OP_HISTORY_FORWARD] = {"history-forward", "forward through the jump history"},
	[UI_OP_TOGGLE_SIDEBAR] = {"sidebar", "show or hide the sidebar"},
	[UI_OP_TOGGLE_READ] = {"toggle-read", "mark read or unread"},
	[UI_OP_BOOKMARK] = {"bookmark", "bookmark or unbookmark"},
	[UI_OP_OPEN_URL] = {"open-url", "open the source URL ($BROWSER, or w3m/lynx/elinks here)"},
	[UI_OP_COPY_URL] = {"copy-url", "copy the source URL (OSC 52; in tmux, its buffer too)"},
	[UI_OP_ZOOM] = {"zoom", "read full width, or beside the list again"},
	[UI_OP_VIEW] = {"view", "show all articles, the unread ones, the bookmarked ones"},
	[UI_OP_SORT] = {"sort", "sort newest first, oldest first, by source, by title"},
	[UI_OP_MARK_ALL_READ] = {"mark-all-read", "mark every article shown as read"},
	[UI_OP_UNDO_MARK] = {"undo-mark", "take the last mark-all-read back"},
	[UI_OP_SOURCE] = {"source", "only this article's source (Esc: all again)"},
	[UI_OP_LINKS] = {"links", "every link of the article, numbered: open or copy one"},
	[UI_OP_FETCH] = {"fetch", "fetch the subscriptions (in the background)"},
	[UI_OP_FULL_TEXT] = {"full-text", "fetch the article's page and show its main text"},
	[UI_OP_TAG] = {"tag", "only the feeds of a tag (again: the next tag; Esc: all)"},
};

/* The live map: the defaults, then the config file's bind and unbind lines. */
static struct keymap_binding *keymap_bindings;
static size_t keymap_nbindings, keymap_cap;

static void keymap_init(void)
{
	if (keymap_bindings)
		return;
	for (size_t i = 0; i < sizeof keymap_defaults / sizeof *keymap_defaults; i++) {
		xgrow(&keymap_bindings, &keymap_cap, keymap_nbindings + 1, sizeof *keymap_bindings);
		keymap_bindings[keymap_nbindings++] = keymap_defaults[i];
	}
}

void keymap_unbind(int key, bool function)
{
	keymap_init();
	for (size_t i = 0; i < keymap_nbindings; i++)
		if (keymap_bindings[i].key == key && keymap_bindings[i].function == function) {
			memmove(&keymap_bindings[i], &keymap_bindings[i + 1],
				(keymap_nbindings - i - 1) * sizeof *keymap_bindings);
			keymap_nbindings--;
			i--;
		}
}

void keymap_bind(int key, bool function, enum ui_op op)
{
	keymap_unbind(key, function);
	xgrow(&keymap_bindings, &keymap_cap, keymap_nbindings + 1, sizeof *keymap_bindings);
	keymap_bindings[keymap_nbindings++] = (struct keymap_binding){key, function, op};
}

void keymap_free(void)
{
	free(keymap_bindings);
	keymap_bindings = NULL;
	keymap_nbindings = keymap_cap = 0;
}

enum ui_op keymap_op_by_name(const char *name)
{
	for (int op = 1; op < UI_OP_COUNT; op++)
		if (keymap_ops[op].name && strcmp(keymap_ops[op].name, name) == 0)
			return (enum ui_op)op;
	return UI_OP_NONE;
}

enum ui_op keymap_lookup(int key, bool function)
{
	keymap_init();
	for (size_t i = 0; i < keymap_nbindings; i++)
		if (keymap_bindings[i].key == key && keymap_bindings[i].function == function)
			return keymap_bindings[i].op;
	return UI_OP_NONE;
}

const char *keymap_op_name(enum ui_op op) { return keymap_ops[op].name ? keymap_ops[op].name : ""; }
const char *keymap_op_help(enum ui_op op) { return keymap_ops[op].help ? keymap_ops[op].help : ""; }

/* A code point as UTF-8; one that is not a character (a C1 control, a surrogate) by its
 * number, so the help pane never gets a byte it cannot draw. */
static void keymap_utf8(uint32_t cp, char *buf, size_t n)
{
	if (cp < 0xA0 || (cp >= 0xD800 && cp < 0xE000) || cp > 0x10FFFF)
		snprintf(buf, n, "U+%04X", (unsigned)cp);
	else if (cp < 0x800)
		snprintf(buf, n, "%c%c", 0xC0 | cp >> 6, 0x80 | (cp & 0x3F));
	else if (cp < 0x10000)
		snprintf(buf, n, "%c%c%c", 0xE0 | cp >> 12, 0x80 | (cp >> 6 & 0x3F), 0x80 | (cp & 0x3F));
	else
		snprintf(buf, n, "%c%c%c%c", 0xF0 | cp >> 18, 0x80 | (cp >> 12 & 0x3F),
			 0x80 | (cp >> 6 & 0x3F), 0x80 | (cp & 0x3F));
}

static const char *keymap_key_name(const struct keymap_binding *b, char *buf, size_t n)
{
	static const struct {
		int key;
		const char *name;
	} names[] = {
		{UI_KEY_DOWN, "↓"}, {UI_KEY_UP, "↑"}, {UI_KEY_LEFT, "←"}, {UI_KEY_RIGHT, "→"},
		{UI_KEY_NPAGE, "PgDn"}, {UI_KEY_PPAGE, "PgUp"}, {UI_KEY_HOME, "Home"}, {UI_KEY_END, "End"},
		{UI_KEY_ENTER, "Enter"}, {UI_KEY_BACKSPACE, "Backspace"}, {UI_KEY_F(1), "F1"},
	};
	if (b->function) {
		for (size_t i = 0; i < sizeof names / sizeof *names; i++)
			if (names[i].key == b->key)
				return names[i].name;
		return "?";
	}
	if (b->key == ' ')
		return "Space";
	if (b->key == '\r')
		return "Enter";
	if (b->key == '\t')
		return "Tab";
	if (b->key == 27)
		return "Esc";
	if (b->key == 127 || b->key == 8)
		return "Backspace";
	if (b->key < 0x20)
		snprintf(buf, n, "Ctrl-%c", b->key + 'A' - 1);
	else if (b->key < 0x7F)
		snprintf(buf, n, "%c", b->key);
	else
		keymap_utf8((uint32_t)b->key, buf, n); /* a key like "ب" is a code point, not a byte */
	return buf;
}

/* Second codes for one key (LF for Enter, DEL and ^H for Backspace): not listed twice. */
static bool keymap_is_alias(const struct keymap_binding *b)
{
	return (!b->function && (b->key == '\n' || b->key == 127 || b->key == 8)) ||
	       (b->function && b->key == UI_KEY_ENTER);
}

const char *keymap_keys_for(enum ui_op op)
{
	static char out[128];
	char one[16];
	size_t len = 0;

	keymap_init();
	out[0] = '\0';
	for (size_t i = 0; i < keymap_nbindings; i++) {
		const struct keymap_binding *b = &keymap_bindings[i];
		if (b->op != op || keymap_is_alias(b))
			continue;
		len += (size_t)snprintf(out + len, sizeof out - len, "%s%s", len ? " " : "",
					keymap_key_name(b, one, sizeof one));
		if (len >= sizeof out)
			break;
	}
	return out;
}
