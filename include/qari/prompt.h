/* prompt.h - the search line, edited like a shell's: a cursor that moves by code point
 * (logical order), Ctrl-A/E/U/W/K, and a history of accepted lines walked with Up/Down.
 * UTF-8 throughout; controls never enter the text. No curses: the keys come in as edits. */
#ifndef QARI_PROMPT_H
#define QARI_PROMPT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PROMPT_HISTORY 100 /* accepted lines kept, oldest dropped first */

struct prompt {
	char buf[1024]; /* UTF-8 as typed */
	size_t len;
	size_t cur;     /* the cursor: a byte offset at a code point boundary, 0..len */
	char *hist[PROMPT_HISTORY]; /* oldest first */
	size_t nhist;
	size_t hpos;    /* where Up/Down are: nhist means the line being typed */
	char *draft;    /* the line being typed, kept while the history is shown */
};

enum prompt_edit {
	PROMPT_LEFT, PROMPT_RIGHT, PROMPT_HOME, PROMPT_END,
	PROMPT_BACKSPACE, PROMPT_DELETE,
	PROMPT_KILL_START, /* Ctrl-U: everything before the cursor */
	PROMPT_KILL_END,   /* Ctrl-K: everything after it */
	PROMPT_KILL_WORD,  /* Ctrl-W: the word before it, and the blanks after that word */
	PROMPT_HISTORY_UP, PROMPT_HISTORY_DOWN,
};

/* Empty line, cursor at 0; the history stays. */
void prompt_clear(struct prompt *p);
/* Replace the line (cursor at its end). */
void prompt_set(struct prompt *p, const char *s);
/* Insert a code point at the cursor; false for controls or when full. */
bool prompt_insert(struct prompt *p, uint32_t ch);
/* Apply an edit; true when the text changed (the cursor alone moving is false). */
bool prompt_edit(struct prompt *p, enum prompt_edit e);
/* The line was accepted: remember it (not blank, not the same as the last one). */
void prompt_remember(struct prompt *p);
void prompt_free(struct prompt *p);

#endif
