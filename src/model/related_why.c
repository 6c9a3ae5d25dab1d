/* related_why.c - the line that explains a related story: its shared entities by name and its
 * shared words as the two articles write them. The vectors keep stems in matching form
 * (هلال، ميدا); the reader saw الهلال، الميدا, so each word is shown in its most frequent
 * written form in the two articles (ة, hamzas as written): from its ال on (و ف ب ل ك before
 * it off), and a word without ال whole, as its first letter may be its own (بوتين). One pass
 * over the two articles' text per link: cheap next to drawing it. */
#include "qari/related.h"

#include <stdlib.h>
#include <string.h>

#include "qari/article.h"
#include "qari/corpus.h"
#include "qari/normalize.h"
#include "qari/text.h"
#include "qari/xalloc.h"

#define RELATED_FORMS_MAX 8 /* written forms counted per stem; more are rare and ignored */

/* The written forms of one stem, with how often each occurs. */
struct related_forms {
	const char *stem; /* matching form */
	size_t stem_len;
	char *form[RELATED_FORMS_MAX];
	unsigned count[RELATED_FORMS_MAX];
	size_t n;
};

/* Scratch for scanning texts: the matching form with its map to the original, its tokens. */
struct related_scan {
	struct norm_text t;
	struct norm_token *toks;
	size_t tcap;
};

static void related_forms_add(struct related_forms *f, const char *form, size_t n)
{
	for (size_t i = 0; i < f->n; i++)
		if (strlen(f->form[i]) == n && memcmp(f->form[i], form, n) == 0) {
			f->count[i]++;
			return;
		}
	if (f->n < RELATED_FORMS_MAX) {
		f->form[f->n] = xstrndup(form, n);
		f->count[f->n++] = 1;
	}
}

/* The written form of token tok of text: with ال, from the ال on (written out: لل is ل + ال);
 * without, the whole word, since a first ب ف ك may be the word's own (بوتين، كيري), and the
 * form with a proclitic و is rarer than the bare one. */
static void related_forms_token(struct related_forms *f, const struct related_scan *sc,
				const char *text, const struct norm_token *tok,
				const struct norm_split *sp)
{
	bool article = sp->stem > sp->proclitic;
	size_t obeg, oend;
	struct strbuf sb = {0};

	norm_text_orig_span(&sc->t, tok->beg + (article ? sp->stem : 0), tok->end, &obeg, &oend);
	strbuf_printf(&sb, "%s%.*s", article ? "ال" : "", (int)(oend - obeg), text + obeg);
	related_forms_add(f, sb.data, sb.len);
	strbuf_free(&sb);
}

static void related_forms_text(struct related_scan *sc, const char *text, struct related_forms *f,
			       size_t nf)
{
	size_t n = 0;

	norm_text_set(&sc->t, text, strlen(text), true);
	norm_tokenize(sc->t.s, sc->t.len, &sc->toks, &n, &sc->tcap);
	for (size_t i = 0; i < n; i++) {
		const struct norm_token *tok = &sc->toks[i];
		const char *w = sc->t.s + tok->beg;
		size_t len = tok->end - tok->beg;
		struct norm_split sp;
		if (tok->kind != NORM_TOKEN_WORD)
			continue;
		norm_word_split(w, len, &sp);
		for (size_t k = 0; k < nf; k++)
			if (f[k].stem_len == len - sp.stem && memcmp(f[k].stem, w + sp.stem, len - sp.stem) == 0)
				related_forms_token(&f[k], sc, text, tok, &sp);
	}
}

static void related_forms_article(struct related_scan *sc, const struct article *a,
				  struct related_forms *f, size_t nf)
{
	related_forms_text(sc, a->title, f, nf);
	for (size_t p = 0; p < a->npara; p++)
		related_forms_text(sc, a->paras[p], f, nf);
}

/* The most frequent form (the first seen of equals), or the stem when the text has none. */
static const char *related_forms_best(const struct related_forms *f)
{
	size_t best = 0;

	for (size_t i = 1; i < f->n; i++)
		if (f->count[i] > f->count[best])
			best = i;
	return f->n ? f->form[best] : f->stem;
}

void related_written_forms(const struct article *const *arts, size_t narts,
			   const char *const *stems, size_t n, char **out)
{
	struct related_forms *f = xcalloc(n + 1, sizeof *f);
	struct related_scan sc = {0};

	for (size_t k = 0; k < n; k++) {
		f[k].stem = stems[k];
		f[k].stem_len = strlen(stems[k]);
	}
	for (size_t i = 0; i < narts && n > 0; i++)
		if (arts[i])
			related_forms_article(&sc, arts[i], f, n);
	for (size_t k = 0; k < n; k++) {
		out[k] = xstrdup(related_forms_best(&f[k]));
		for (size_t i = 0; i < f[k].n; i++)
			free(f[k].form[i]);
	}
	free(f);
	norm_text_free(&sc.t);
	free(sc.toks);
}

char *related_why(const struct related_index *x, const struct related_link *l)
{
	const struct corpus *c = x->entities ? x->entities->corpus : NULL;
	const char *stems[RELATED_WHY_MAX] = {0};
	char *forms[RELATED_WHY_MAX] = {0};
	const struct article *arts[2] = {NULL, NULL};
	struct strbuf sb = {0};
	size_t nf = 0;

	for (size_t i = 0; i < l->nwhy; i++)
		if (!l->why[i].entity)
			stems[nf++] = related_word(x, l->why[i].id);
	if (c && l->query < c->n && l->article < c->n) {
		arts[0] = c->items[l->query];
		arts[1] = c->items[l->article];
	}
	related_written_forms(arts, 2, stems, nf, forms);
	strbuf_append(&sb, "", 0);
	for (size_t i = 0, k = 0; i < l->nwhy; i++) {
		char *name = l->why[i].entity ? entity_table_name(x->entities, l->why[i].id) : NULL;
		const char *shown = l->why[i].entity ? (name ? name : "") : forms[k++];
		strbuf_printf(&sb, "%s%s", i ? "، " : "", shown);
		free(name);
	}
	for (size_t k = 0; k < nf; k++)
		free(forms[k]);
	return sb.data;
}
