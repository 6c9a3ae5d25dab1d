/* ner_data.c - CoNLL-style token/tag files, and entity-level scores
 * as conlleval counts them (a chunk is exact span + type; I-X after O starts a chunk). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ner_private.h"
#include "qari/xalloc.h"

static bool ner_data_is_sentence_end(const char *norm, size_t n)
{
	return (n == 1 && (norm[0] == '.' || norm[0] == '!' || norm[0] == '?')) ||
	       (n == 2 && memcmp(norm, "؟", 2) == 0);
}

static void ner_data_end_sentence(struct ner_data *d)
{
	if (d->sents[d->nsents] == d->n)
		return; /* no empty sentences */
	xgrow(&d->sents, &d->scap, d->nsents + 2, sizeof *d->sents);
	d->sents[++d->nsents] = d->n;
}

/* The kind of a token read from a file: what the tokenizer would call it. */
static uint8_t ner_data_kind(const char *norm, size_t n)
{
	struct norm_token *v = NULL;
	size_t nv = 0, cap = 0;
	uint8_t kind = NORM_TOKEN_PUNCT;

	norm_tokenize(norm, n, &v, &nv, &cap);
	for (size_t i = 0; i < nv; i++)
		if (v[i].kind == NORM_TOKEN_WORD || (nv == 1 && v[i].kind == NORM_TOKEN_NUMBER))
			kind = v[i].kind;
	if (nv > 1 && kind == NORM_TOKEN_PUNCT && v[0].kind != NORM_TOKEN_PUNCT)
		kind = NORM_TOKEN_WORD;
	free(v);
	return kind;
}

static void ner_data_add(struct ner_data *d, const char *tok, size_t n, int tag)
{
	size_t len;
	char *norm = norm_string(tok, n, &len);
	struct norm_token t;

	for (size_t i = 0; i < len; i++)
		if (norm[i] == ' ')
			norm[i] = '_'; /* one token stays one word */
	if (d->n >= d->cap) {
		size_t cap = d->cap;
		xgrow(&d->toks, &cap, d->n + 1, sizeof *d->toks);
		cap = d->cap;
		xgrow(&d->orig_off, &cap, d->n + 1, sizeof *d->orig_off);
		cap = d->cap;
		xgrow(&d->blank, &cap, d->n + 1, 1);
		xgrow(&d->gold, &d->cap, d->n + 1, 1);
	}
	if (d->n > d->sents[d->nsents])
		strbuf_appendc(&d->norm, ' ');
	t.beg = (uint32_t)d->norm.len;
	strbuf_append(&d->norm, norm, len);
	t.end = (uint32_t)d->norm.len;
	t.kind = ner_data_kind(norm, len);
	d->toks[d->n] = t;
	d->orig_off[d->n] = (uint32_t)d->orig.len;
	strbuf_append(&d->orig, tok, n);
	strbuf_appendc(&d->orig, '\0');
	d->blank[d->n] = 0;
	d->gold[d->n++] = (uint8_t)(tag < 0 ? 0 : tag);
	if (ner_data_is_sentence_end(norm, len))
		ner_data_end_sentence(d);
	free(norm);
}

/* One line: token up to the first blank, tag in the last field. */
static void ner_data_line(struct ner_data *d, const char *line)
{
	size_t n = strcspn(line, " \t");
	const char *last = line + strlen(line);
	int tag = -1;

	while (last > line && (last[-1] == ' ' || last[-1] == '\t'))
		last--;
	if (last == line) {
		if (d->n > 0)
			d->blank[d->n - 1] = 1;
		ner_data_end_sentence(d);
		return;
	}
	if (line[n] != '\0') {
		const char *f = last;
		while (f > line && f[-1] != ' ' && f[-1] != '\t')
			f--;
		if (f > line + n || n == 0)
			tag = ner_tag_parse(f, (size_t)(last - f));
	}
	ner_data_add(d, line, n, tag);
}

bool ner_data_read(const char *path, struct ner_data *d, char **error)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
	char *line = NULL;
	size_t cap = 0;
	ssize_t k;

	memset(d, 0, sizeof *d);
	xgrow(&d->sents, &d->scap, 2, sizeof *d->sents);
	d->sents[0] = 0;
	if (f == NULL) {
		*error = xasprintf("%s: %s", path, strerror(errno));
		return false;
	}
	while ((k = getline(&line, &cap, f)) >= 0) {
		line[strcspn(line, "\r\n")] = '\0';
		ner_data_line(d, line);
	}
	ner_data_end_sentence(d);
	free(line);
	if (f != stdin)
		fclose(f);
	return true;
}

void ner_data_free(struct ner_data *d)
{
	strbuf_free(&d->norm);
	strbuf_free(&d->orig);
	free(d->toks);
	free(d->orig_off);
	free(d->gold);
	free(d->blank);
	free(d->sents);
	memset(d, 0, sizeof *d);
}

struct ner_sentence ner_data_sentence(const struct ner_data *d, size_t k)
{
	struct ner_sentence s = {
		.text = d->norm.data,
		.toks = d->toks + d->sents[k],
		.n = d->sents[k + 1] - d->sents[k],
	};
	return s;
}

struct ner_chunk {
	size_t beg, end;
	int type;
};

/* The chunks of a tag sequence, conlleval style. Returns how many; *v owned by the caller. */
static size_t ner_chunks(const uint8_t *tags, size_t n, struct ner_chunk **v)
{
	size_t k = 0, cap = 0;
	*v = NULL;
	for (size_t i = 0; i < n;) {
		int type = ner_tag_type(tags[i]);
		size_t j = i + 1;
		if (type == 0) {
			i++;
			continue;
		}
		while (j < n && ner_tag_inside(tags[j]) && ner_tag_type(tags[j]) == type)
			j++;
		xgrow(v, &cap, k + 1, sizeof **v);
		(*v)[k++] = (struct ner_chunk){i, j, type};
		i = j;
	}
	return k;
}

void ner_score_add(struct ner_score *s, const uint8_t *gold, const uint8_t *pred, size_t n)
{
	struct ner_chunk *g, *p;
	size_t ng = ner_chunks(gold, n, &g), np = ner_chunks(pred, n, &p), i = 0, j = 0;

	for (size_t k = 0; k < ng; k++)
		s->gold[g[k].type]++, s->gold[NER_NONE]++;
	for (size_t k = 0; k < np; k++)
		s->pred[p[k].type]++, s->pred[NER_NONE]++;
	while (i < ng && j < np) {
		if (g[i].beg == p[j].beg && g[i].end == p[j].end && g[i].type == p[j].type)
			s->correct[g[i].type]++, s->correct[NER_NONE]++;
		if (g[i].beg < p[j].beg || (g[i].beg == p[j].beg && g[i].end <= p[j].end))
			i++;
		else
			j++;
	}
	free(g);
	free(p);
}

void ner_score_prf(const struct ner_score *s, int type, double *p, double *r, double *f1)
{
	*p = s->pred[type] ? 100.0 * (double)s->correct[type] / (double)s->pred[type] : 0;
	*r = s->gold[type] ? 100.0 * (double)s->correct[type] / (double)s->gold[type] : 0;
	*f1 = *p + *r > 0 ? 2 * *p * *r / (*p + *r) : 0;
}

void ner_evaluate(const struct ner_model *m, const struct ner_data *d, size_t from, size_t to,
		  struct ner_score *s)
{
	uint8_t *tags = xcalloc(d->n + 1, 1);

	if (to > d->nsents)
		to = d->nsents;
	if (from < to)
		ner_tag_data(m, d, from, to, NULL, tags);
	for (size_t k = from; k < to; k++)
		ner_score_add(s, d->gold + d->sents[k], tags + d->sents[k], d->sents[k + 1] - d->sents[k]);
	free(tags);
}
