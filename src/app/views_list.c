/* views_list.c - the list's views apart from the reader (views.h): what a view keeps of the
 * rows listed, the unread count as marks change, the next unread row, a source's rows. */
#include "views.h"

#include <string.h>

static bool views_keeps(enum app_view view, const struct views_marks *m, size_t idx)
{
	switch (view) {
	case APP_VIEW_UNREAD: return !m->read(m->ctx, idx);
	case APP_VIEW_BOOKMARKS: return m->bookmarked(m->ctx, idx);
	default: return true;
	}
}

size_t views_narrow(enum app_view view, const struct views_marks *m, const size_t *rows,
		    size_t n, size_t *out)
{
	size_t k = 0;

	for (size_t i = 0; i < n; i++)
		if (views_keeps(view, m, rows[i]))
			out[k++] = rows[i];
	return k;
}

/* Marks change the count by what they change: counting 30,000 marks again took a frame
 * milliseconds (the unread_of check recounts after articles arrive). */
void views_unread_changed(struct views *v, size_t listed, long by)
{
	if (v->unread_of != listed)
		return;
	if (by < 0 && (size_t)-by > v->unread)
		v->unread = 0;
	else
		v->unread = (size_t)((long)v->unread + by);
}

bool views_unread_from(const struct views_marks *m, const size_t *rows, size_t n, size_t row,
		       bool forward, size_t *found)
{
	for (size_t k = 1; k < n; k++) {
		size_t i = forward ? row + k : row - k;
		if (i >= n) /* past either end (below 0 wraps above n) */
			break;
		if (!m->read(m->ctx, rows ? rows[i] : i)) {
			*found = i;
			return true;
		}
	}
	return false;
}

size_t views_source_rows(const struct corpus *c, size_t n, const char *source, size_t *out)
{
	size_t k = 0;

	for (size_t i = 0; i < n && i < c->n; i++)
		if (c->items[i]->source && strcmp(c->items[i]->source, source) == 0)
			out[k++] = i;
	return k;
}
