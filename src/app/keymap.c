/* keymap.c - default bindings (less, vi and mutt habits) and the names of operations. */
#include "qari/keymap.h"

#include <stdio.h>
#include <string.h>

#define KEYMAP_CTRL(c) ((c) & 0x1f)

static const struct keymap_binding keymap_bindings[] = {
	{'j', false, UI_OP_DOWN},        {KEY_DOWN, true, UI_OP_DOWN},
	{'k', false, UI_OP_UP},          {KEY_UP, true, UI_OP_UP},
	{' ', false, UI_OP_PAGE_DOWN},   {KEY_NPAGE, true, UI_OP_PAGE_DOWN},
	{KEYMAP_CTRL('f'), false, UI_OP_PAGE_DOWN},
	{'b', false, UI_OP_PAGE_UP},     {KEY_PPAGE, true, UI_OP_PAGE_UP},
	{KEYMAP_CTRL('b'), false, UI_OP_PAGE_UP},
	{KEYMAP_CTRL('d'), false, UI_OP_HALF_DOWN},
	{KEYMAP_CTRL('u'), false, UI_OP_HALF_UP},
	{'g', false, UI_OP_TOP},         {KEY_HOME, true, UI_OP_TOP},
	{'G', false, UI_OP_BOTTOM},      {KEY_END, true, UI_OP_BOTTOM},
	{'\r', false, UI_OP_OPEN},       {'\n', false, UI_OP_OPEN},
	{KEY_ENTER, true, UI_OP_OPEN},   {'l', false, UI_OP_OPEN},
	{KEY_RIGHT, true, UI_OP_OPEN},
	{'q', false, UI_OP_BACK},        {'h', false, UI_OP_BACK},
	{KEY_LEFT, true, UI_OP_BACK},
	{'Q', false, UI_OP_QUIT},
	{'\t', false, UI_OP_NEXT_PANE},
	{'?', false, UI_OP_HELP},
	{KEYMAP_CTRL('l'), false, UI_OP_REDRAW},
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
};

enum ui_op keymap_lookup(int key, bool function)
{
	for (size_t i = 0; i < sizeof keymap_bindings / sizeof *keymap_bindings; i++)
		if (keymap_bindings[i].key == key && keymap_bindings[i].function == function)
			return keymap_bindings[i].op;
	return UI_OP_NONE;
}

const char *keymap_op_name(enum ui_op op) { return keymap_ops[op].name ? keymap_ops[op].name : ""; }
const char *keymap_op_help(enum ui_op op) { return keymap_ops[op].help ? keymap_ops[op].help : ""; }

static const char *keymap_key_name(const struct keymap_binding *b, char *buf, size_t n)
{
	static const struct {
		int key;
		const char *name;
	} names[] = {
		{KEY_DOWN, "↓"}, {KEY_UP, "↑"}, {KEY_LEFT, "←"}, {KEY_RIGHT, "→"},
		{KEY_NPAGE, "PgDn"}, {KEY_PPAGE, "PgUp"}, {KEY_HOME, "Home"}, {KEY_END, "End"},
		{KEY_ENTER, "Enter"},
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
	if (b->key < 0x20)
		snprintf(buf, n, "Ctrl-%c", b->key + 'A' - 1);
	else
		snprintf(buf, n, "%c", b->key);
	return buf;
}

const char *keymap_keys_for(enum ui_op op)
{
	static char out[128];
	char one[16];
	size_t len = 0;

	out[0] = '\0';
	for (size_t i = 0; i < sizeof keymap_bindings / sizeof *keymap_bindings; i++) {
		const struct keymap_binding *b = &keymap_bindings[i];
		if (b->op != op || (b->key == '\n' && !b->function))
			continue;
		len += (size_t)snprintf(out + len, sizeof out - len, "%s%s", len ? " " : "",
					keymap_key_name(b, one, sizeof one));
		if (len >= sizeof out)
			break;
	}
	return out;
}
