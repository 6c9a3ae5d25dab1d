/* loader.c - bookkeeping the format loaders share: dropped items and error positions. */
#include "loader.h"

#include "qari/text.h"

void load_skip(struct corpus *c, struct load_skips *s, size_t index)
{
	if (s->n++ == 0)
		s->first = index;
	c->report.items_skipped++;
}

void load_skips_report(struct corpus *c, const char *name, const struct load_skips *s,
		       const char *why)
{
	if (s->n == 1)
		load_report_add(&c->report, "%s: item %zu skipped: %s", name, s->first, why);
	else if (s->n > 1)
		load_report_add(&c->report, "%s: %zu items skipped: %s (the first is item %zu)", name,
				s->n, why, s->first);
}

void load_where(const char *data, size_t len, size_t off, size_t *line, size_t *col)
{
	size_t start = 0;

	if (off > len)
		off = len;
	*line = 1;
	for (size_t i = 0; i < off; i++)
		if (data[i] == '\n') {
			(*line)++;
			start = i + 1;
		}
	*col = 1;
	for (size_t i = start; i < off; i++)
		*col += ((unsigned char)data[i] & 0xC0) != 0x80; /* count characters, not bytes */
}
