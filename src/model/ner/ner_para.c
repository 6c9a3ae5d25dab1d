/* ner_para.c - tagging running text: normalise a paragraph, cut it into words and sentences,
 * hand each sentence to the tagger as words separated by single spaces, then apply the date
 * rules. A two-pass model tags every text of a document first, then tags them again with
 * what the first pass made of the same words across the document (ner_doc.c). All buffers
 * live in struct ner_para and struct ner_doc and are reused. */
#include <stdlib.h>
#include <string.h>

#include "ner_model.h"
#include "qari/xalloc.h"

static bool ner_para_ends_sentence(const char *s, const struct norm_token *t)
{
	size_t n = t->end - t->beg;
	return t->kind == NORM_TOKEN_PUNCT &&
	       ((n == 1 && (s[t->beg] == '.' || s[t->beg] == '!' || s[t->beg] == '?')) ||
		(n == 2 && memcmp(s + t->beg, "؟", 2) == 0));
}

/* Sentence k of the paragraph as the tagger takes it: its tokens separated by one space. */
static struct ner_sentence ner_para_sentence(struct ner_para *p, size_t k)
{
	size_t from = p->sents[k], to = p->sents[k + 1];
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
	return s;
}

/* Normalise and cut the paragraph, then the first pass over each sentence. */
static void ner_para_first(const struct ner_model *m, const char *text, size_t len, struct ner_para *p)
{
	struct ner_tokinfo *info;

	norm_text_set(&p->norm, text, len, true);
	p->n = 0;
	norm_tokenize(p->norm.s, p->norm.len, &p->toks, &p->n, &p->cap);
	xgrow(&p->tags, &p->tcap, p->n + 1, 1);
	xgrow(&p->info, &p->icap, p->n + 1, sizeof(struct ner_tokinfo));
	if (m->ahead)
		xgrow(&p->ahead, &p->acap, p->n + 1, sizeof(int32_t[NER_NTAGS]));
	xgrow(&p->sents, &p->sncap, 2, sizeof *p->sents);
	p->sents[0] = 0;
	p->nsents = 0;
	for (size_t i = 0; i < p->n; i++)
		if (ner_para_ends_sentence(p->norm.s, &p->toks[i]) || i + 1 == p->n) {
			xgrow(&p->sents, &p->sncap, p->nsents + 2, sizeof *p->sents);
			p->sents[++p->nsents] = i + 1;
		}
	info = p->info;
	for (size_t k = 0; k < p->nsents; k++) {
		struct ner_sentence s = ner_para_sentence(p, k);
		struct ner_tokinfo *in = info + p->sents[k];
		ner_features_prepare(m->lex, &s, in);
		ner_wordlex_apply(&m->wordlex, s.n, in);
		if (m->ahead)
			ner_tag_info_ahead(m, &s, in, p->tags + p->sents[k], &p->work,
					   (int32_t(*)[NER_NTAGS])p->ahead + p->sents[k]);
		else
			ner_tag_info(m, &s, in, p->tags + p->sents[k], &p->work);
	}
}

/* The second pass (when the model has one) over facts that know the document, then dates;
 * with the sums the first pass made ahead, it looks up only the document's features. */
static void ner_para_second(const struct ner_model *m, struct ner_para *p)
{
	struct ner_tokinfo *info = p->info;
	const int32_t(*ahead)[NER_NTAGS] = p->ahead;
	for (size_t k = 0; k < p->nsents; k++) {
		struct ner_sentence s = ner_para_sentence(p, k);
		size_t at = p->sents[k];
		if (m->stack && m->ahead)
			ner_tag_info_behind(m->stack, &s, info + at, p->tags + at, &p->work, ahead + at);
		else if (m->stack)
			ner_tag_info(m->stack, &s, info + at, p->tags + at, &p->work);
		ner_dates(&s, p->tags + at);
	}
}

void ner_para_tag(const struct ner_model *m, const char *text, size_t len, struct ner_para *p)
{
	ner_para_first(m, text, len, p);
	if (m->stack)
		ner_doc_classes(p->info, p->tags, p->sents, p->nsents, m->window);
	ner_para_second(m, p);
}

unsigned ner_para_word_class(const struct ner_para *p, size_t k)
{
	const struct ner_tokinfo *info = p->info;
	return info[k].wlex;
}

void ner_para_free(struct ner_para *p)
{
	norm_text_free(&p->norm);
	free(p->toks);
	free(p->tags);
	free(p->stoks);
	free(p->info);
	free(p->ahead);
	free(p->sents);
	strbuf_free(&p->sent);
	ner_work_free(&p->work);
	memset(p, 0, sizeof *p);
}

/* Every text's facts, first-pass tags and sentences back to back in d's scratch, the
 * document classes computed there and copied back to each text's facts. */
static void ner_doc_join(const struct ner_model *m, struct ner_doc *d)
{
	size_t ntok = 0, nsents = 0, at = 0;
	struct ner_tokinfo *info;

	for (size_t k = 0; k < d->n; k++)
		ntok += d->paras[k].n, nsents += d->paras[k].nsents;
	xgrow(&d->info, &d->icap, ntok + 1, sizeof(struct ner_tokinfo));
	xgrow(&d->tags, &d->tcap, ntok + 1, 1);
	xgrow(&d->sents, &d->scap, nsents + 1, sizeof *d->sents);
	info = d->info;
	nsents = 0;
	for (size_t k = 0; k < d->n; k++) {
		const struct ner_para *p = &d->paras[k];
		memcpy(info + at, p->info, p->n * sizeof *info);
		memcpy(d->tags + at, p->tags, p->n);
		for (size_t s = 0; s < p->nsents; s++)
			d->sents[nsents++] = at + p->sents[s];
		at += p->n;
	}
	d->sents[nsents] = at;
	ner_doc_classes(info, d->tags, d->sents, nsents, m->window);
	at = 0;
	for (size_t k = 0; k < d->n; k++) {
		struct ner_para *p = &d->paras[k];
		memcpy(p->info, info + at, p->n * sizeof *info);
		at += p->n;
	}
}

void ner_doc_tag(const struct ner_model *m, const char *const *texts, size_t n, struct ner_doc *d)
{
	size_t old = d->cap;

	xgrow(&d->paras, &d->cap, n + 1, sizeof *d->paras);
	memset(d->paras + old, 0, (d->cap - old) * sizeof *d->paras);
	d->n = n;
	for (size_t k = 0; k < n; k++)
		ner_para_first(m, texts[k], strlen(texts[k]), &d->paras[k]);
	if (m->stack)
		ner_doc_join(m, d);
	for (size_t k = 0; k < n; k++)
		ner_para_second(m, &d->paras[k]);
}

void ner_doc_free(struct ner_doc *d)
{
	for (size_t k = 0; k < d->cap; k++)
		ner_para_free(&d->paras[k]);
	free(d->paras);
	free(d->info);
	free(d->tags);
	free(d->sents);
	memset(d, 0, sizeof *d);
}
