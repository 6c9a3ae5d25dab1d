/* ner_para.c - tagging running text: normalise a paragraph, cut it into words and sentences,
 * hand each sentence to the tagger as words separated by single spaces, then apply the date
 * rules. All buffers live in struct ner_para and are reused. */
#include <stdlib.h>
#include <string.h>

#include "ner_private.h"
#include "qari/xalloc.h"

static bool ner_para_ends_sentence(const char *s, const struct norm_token *t)
{
	size_t n = t->end - t->beg;
	return t->kind == NORM_TOKEN_PUNCT &&
	       ((n == 1 && (s[t->beg] == '.' || s[t->beg] == '!' || s[t->beg] == '?')) ||
		(n == 2 && memcmp(s + t->beg, "؟", 2) == 0));
}

/* Tag tokens [from, to) of the paragraph as one sentence. */
static void ner_para_sentence(const struct ner_model *m, struct ner_para *p, size_t from, size_t to)
{
	struct ner_sentence s;

	p->sent.len = 0;
	p->nstoks = 0;
	xgrow(&p->stoks, &p->scap, to - from + 1, sizeof *p->stoks);
	for (size_t i = from; i < to; i++) {
		struct norm_token t = p->toks[i];
		if (i > from)
			strbuf_appendc(&p->sent, ' ');
		t.beg = (uint32_t)p->sent.len;
		strbuf_append(&p->sent, p->norm.s + p->toks[i].beg, p->toks[i].end - p->toks[i].beg);
		t.end = (uint32_t)p->sent.len;
		p->stoks[p->nstoks++] = t;
	}
	s.text = p->sent.data;
	s.toks = p->stoks;
	s.n = p->nstoks;
	ner_tag(m, &s, p->tags + from, &p->work);
	ner_dates(&s, p->tags + from);
}

void ner_para_tag(const struct ner_model *m, const char *text, size_t len, struct ner_para *p)
{
	size_t from = 0;

	norm_text_set(&p->norm, text, len, true);
	p->n = 0;
	norm_tokenize(p->norm.s, p->norm.len, &p->toks, &p->n, &p->cap);
	xgrow(&p->tags, &p->tcap, p->n + 1, 1);
	for (size_t i = 0; i < p->n; i++)
		if (ner_para_ends_sentence(p->norm.s, &p->toks[i]) || i + 1 == p->n) {
			ner_para_sentence(m, p, from, i + 1);
			from = i + 1;
		}
}

void ner_para_free(struct ner_para *p)
{
	norm_text_free(&p->norm);
	free(p->toks);
	free(p->tags);
	free(p->stoks);
	strbuf_free(&p->sent);
	ner_work_free(&p->work);
	memset(p, 0, sizeof *p);
}
