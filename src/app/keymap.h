/* keymap.h - keys → operations, as data. The help screen is generated from this table, so
 * the bindings and their description cannot drift apart. */
#ifndef QARI_KEYMAP_H
#define QARI_KEYMAP_H

#include "qari/ui.h"

struct keymap_binding {
	int key;          /* a character, or a curses KEY_* code (function keys) */
	bool function;    /* key is an enum ui_key (UI_KEY_FUNCTION) */
	enum ui_op op;
};

enum ui_op keymap_lookup(int key, bool function);
void keymap_bind(int key, bool function, enum ui_op op);
void keymap_unbind(int key, bool function);
void keymap_free(void);
enum ui_op keymap_op_by_name(const char *name);
const char *keymap_op_name(enum ui_op op);
const char *keymap_op_help(enum ui_op op);
/* "j ↓" style list of the keys bound to op (static buffer). */
const char *keymap_keys_for(enum ui_op op);

#endif
