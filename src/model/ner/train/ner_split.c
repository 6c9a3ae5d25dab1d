/* ner_split.c - training data cut: the development split, and sentences taken out of a data
 * set (the folds of the second pass's training). */
#include <string.h>

#include "ner_trainer.h"
#include "qari/ner_train.h"
#include "qari/xalloc.h"

size_t ner_data_split(const struct ner_data *d, double dev_fraction)
{
	size_t want = (size_t)((double)d->n * (1.0 - dev_fraction));
	size_t k = 0;
	while (k < d->nsents && d->sents[k] < want)
		k++;
	return k;
}

void ner_data_select(const struct ner_data *d, size_t from, size_t to, bool keep,
		     struct ner_data *out)
{
	memset(out, 0, sizeof *out);
	xgrow(&out->sents, &out->scap, d->nsents + 2, sizeof *out->sents);
	out->sents[0] = 0;
	out->cap = d->n + 1;
	out->toks = xcalloc(out->cap, sizeof *out->toks);
	out->gold = xcalloc(out->cap, 1);
	out->blank = xcalloc(out->cap, 1);
	out->orig_off = xcalloc(out->cap, sizeof *out->orig_off);
	strbuf_append(&out->orig, "", 1);
	for (size_t k = 0; k < d->nsents; k++) {
		if ((k >= from && k < to) != keep)
			continue;
		for (size_t i = d->sents[k]; i < d->sents[k + 1]; i++) {
			struct norm_token t = d->toks[i];
			if (out->n > out->sents[out->nsents])
				strbuf_appendc(&out->norm, ' ');
			t.beg = (uint32_t)out->norm.len;
			strbuf_append(&out->norm, d->norm.data + d->toks[i].beg, d->toks[i].end - d->toks[i].beg);
			t.end = (uint32_t)out->norm.len;
			out->toks[out->n] = t;
			out->gold[out->n++] = d->gold[i];
		}
		out->sents[++out->nsents] = out->n;
	}
}
