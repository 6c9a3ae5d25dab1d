/* history.h - the jump history between articles, like a browser's: opening a story records
 * where you were; back and forward walk the record, each entry keeping its scroll position. */
#ifndef QARI_HISTORY_H
#define QARI_HISTORY_H

#include <stdbool.h>
#include <stddef.h>

struct history_entry {
	size_t article; /* index in the corpus */
	size_t top;     /* first visible line of the reading pane */
};

struct history {
	struct history_entry *entries;
	size_t n, cap;
	size_t pos; /* entries[pos] is the current article when n > 0 */
};

/* A new article opened from here: forward entries are dropped (a browser's rule). */
void history_visit(struct history *h, size_t article, size_t top);
/* Remember the scroll position of the current entry before leaving it. */
/* The article's entries go (its index now means another article). */
void history_forget(struct history *h, size_t article);
void history_update_top(struct history *h, size_t top);
bool history_back(struct history *h, struct history_entry *out);
bool history_forward(struct history *h, struct history_entry *out);
void history_free(struct history *h);

#endif
