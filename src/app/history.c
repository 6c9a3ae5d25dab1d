/* history.c - back and forward through the articles visited. */
#include "qari/history.h"

#include <stdlib.h>
#include <string.h>

#include "qari/xalloc.h"

void history_visit(struct history *h, size_t article, size_t top)
{
	if (h->n > 0 && h->entries[h->pos].article == article) {
		h->entries[h->pos].top = top;
		return;
	}
	if (h->n > 0)
		h->n = h->pos + 1; /* a new branch forgets the old forward entries */
	xgrow(&h->entries, &h->cap, h->n + 1, sizeof *h->entries);
	h->entries[h->n] = (struct history_entry){article, top};
	h->pos = h->n++;
}

void history_forget(struct history *h, size_t article)
{
	size_t k = 0, pos = h->pos;
	for (size_t i = 0; i < h->n; i++) {
		if (h->entries[i].article == article) {
			pos -= i < h->pos && pos > 0;
			continue;
		}
		h->entries[k++] = h->entries[i];
	}
	h->n = k;
	h->pos = k == 0 ? 0 : pos < k ? pos : k - 1;
}

void history_update_top(struct history *h, size_t top)
{
	if (h->n > 0)
		h->entries[h->pos].top = top;
}

bool history_back(struct history *h, struct history_entry *out)
{
	if (h->n == 0 || h->pos == 0)
		return false;
	*out = h->entries[--h->pos];
	return true;
}

bool history_forward(struct history *h, struct history_entry *out)
{
	if (h->n == 0 || h->pos + 1 >= h->n)
		return false;
	*out = h->entries[++h->pos];
	return true;
}

void history_free(struct history *h)
{
	free(h->entries);
	memset(h, 0, sizeof *h);
}
