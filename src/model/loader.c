/* loader.c - bookkeeping the format loaders share: dropped items, error positions and the
 * budget of what one file may cost. */
#include "loader.h"

#include <stdint.h>
#include <stdlib.h>

#include "qari/text.h"
#include "qari/xalloc.h"

void load_skip(struct corpus *c, struct load_skips *s, size_t index)
{
	if (s->n++ == 0)
		s->first = index;
	c->report.items_skipped++;
}

void load_empty(struct corpus *c) { c->report.items_empty++; }

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

/* The budget of the file loading on this thread (see loader.h). */
struct load_budget {
	char *name;           /* the outermost file: reported once */
	int depth;            /* corpus_load_buffer calls open on this thread */
	size_t unpacked, unpack_max;
	size_t members;
	size_t paras;
	size_t read;          /* bytes of the file plus bytes unpacked: the paragraphs' share */
	const char *over;     /* what was spent first, NULL while within budget */
	bool article_cut;     /* an article was cut at LOAD_BUDGET_ARTICLE_PARAS (others go on) */
};

static _Thread_local struct load_budget load_budget;

void load_budget_begin(const char *name, size_t len)
{
	struct load_budget *b = &load_budget;

	if (b->depth++ > 0)
		return;
	free(b->name);
	*b = (struct load_budget){.name = xstrdup(name), .depth = 1, .read = len};
	b->unpack_max = len > LOAD_BUDGET_UNPACK_MIN / LOAD_BUDGET_UNPACK_RATIO
				? len * LOAD_BUDGET_UNPACK_RATIO : LOAD_BUDGET_UNPACK_MIN;
}

void load_budget_end(struct corpus *c)
{
	struct load_budget *b = &load_budget;

	if (b->depth == 0 || --b->depth > 0)
		return;
	if (b->over)
		load_report_add(&c->report, "%s: %s; the rest was left out", b->name, b->over);
	if (b->article_cut)
		load_report_add(&c->report, "%s: an article of more than 20,000 paragraphs, cut there",
				b->name);
	free(b->name);
	*b = (struct load_budget){0};
}

static bool load_budget_over(const char *why)
{
	if (load_budget.over == NULL)
		load_budget.over = why;
	return false;
}

bool load_budget_unpack(size_t n)
{
	struct load_budget *b = &load_budget;

	if (b->depth == 0)
		return true;
	if (b->over)
		return false;
	b->unpacked += n;
	b->read += n;
	if (b->unpacked > b->unpack_max)
		return load_budget_over(b->unpack_max == LOAD_BUDGET_UNPACK_MIN
					? "unpacks to more than 64 MB"
					: "unpacks to more than 32 times its size");
	return true;
}

size_t load_budget_unpack_left(void)
{
	const struct load_budget *b = &load_budget;

	if (b->depth == 0)
		return SIZE_MAX;
	return b->over || b->unpacked >= b->unpack_max ? 0 : b->unpack_max - b->unpacked;
}

bool load_budget_member(void)
{
	struct load_budget *b = &load_budget;

	if (b->depth == 0)
		return true;
	if (b->over)
		return false;
	if (++b->members > LOAD_BUDGET_MEMBERS)
		return load_budget_over("more than 200,000 archive members");
	return true;
}

bool load_budget_para(size_t npara)
{
	struct load_budget *b = &load_budget;

	if (b->depth == 0)
		return true;
	if (b->over)
		return false;
	if (npara >= LOAD_BUDGET_ARTICLE_PARAS) { /* the reader lays out a whole article */
		b->article_cut = true;
		return false;
	}
	if (++b->paras > LOAD_BUDGET_PARAS + b->read / LOAD_BUDGET_PARA_BYTES)
		return load_budget_over("too many paragraphs for its size");
	return true;
}

bool load_budget_item(void)
{
	struct load_budget *b = &load_budget;

	if (b->depth == 0)
		return true;
	if (b->over)
		return false;
	b->paras += LOAD_BUDGET_ITEM_PARAS - 1;
	if (++b->paras > LOAD_BUDGET_PARAS + b->read / LOAD_BUDGET_PARA_BYTES)
		return load_budget_over("too many articles for its size");
	return true;
}

bool load_budget_spent(void) { return load_budget.over != NULL; }
