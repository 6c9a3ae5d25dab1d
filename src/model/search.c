/* search.c - phrase search over matching forms: per article with offsets mapped back to the
 * original text, and over a corpus through an index of matching forms. */
#include "qari/search.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unictype.h>

#include "qari/normalize.h"
#include "qari/text.h"
#include "qari/xalloc.h"

bool search_query_init(struct search_query *q, const char *text, bool whole_word)
{
	size_t n;
	char *s = norm_string(text, strlen(text), &n);
	size_t b = 0;

	while (b < n && s[b] == ' ')
		b++;
	while (n > b && s[n - 1] == ' ')
		n--;
	if (n == b) {
		free(s);
		return false;
	}
	memmove(s, s + b, n - b);
	s[n - b] = '\0';
	q->norm = s;
	q->len = n - b;
	q->whole_word = whole_word;
	return true;
}

void search_query_free(struct search_query *q)
{
	free(q->norm);
	q->norm = NULL;
}

static bool search_is_wordch(uint32_t cp)
{
	return uc_is_general_category(cp, UC_CATEGORY_L) || uc_is_general_category(cp, UC_CATEGORY_N);
}

/* Start of the code point that ends at byte i (i > 0); its value in *cp. */
static size_t search_prev_cp(const char *s, size_t i, uint32_t *cp)
{
	size_t b = i - 1;
	while (b > 0 && i - b < 4 && ((unsigned char)s[b] & 0xC0) == 0x80)
		b--;
	text_decode(s + b, i - b, cp);
	return b;
}

/* Start of the word that holds byte i (i itself when a non-word character precedes). */
static size_t search_word_start(const char *s, size_t i)
{
	uint32_t cp;
	size_t b;
	while (i > 0 && (b = search_prev_cp(s, i, &cp), search_is_wordch(cp)))
		i = b;
	return i;
}

/* Whole-word test for a hit [b, e) of s: nothing but a clitic prefix before, nothing after. */
static bool search_whole_word(const char *s, size_t len, size_t b, size_t e)
{
	uint32_t after = 0;
	size_t ws = search_word_start(s, b);
	struct norm_split sp;

	if (e < len)
		text_decode(s + e, len - e, &after);
	if (e < len && search_is_wordch(after))
		return false;
	if (ws == b)
		return true;
	norm_word_split(s + ws, e - ws, &sp);
	return sp.proclitic == b - ws || sp.stem == b - ws;
}

/* Next hit of q in s[from..len) or NULL. */
static const char *search_next(const char *s, size_t len, size_t from,
			       const struct search_query *q)
{
	while (from < len) {
		const char *p = memmem(s + from, len - from, q->norm, q->len);
		if (p == NULL)
			return NULL;
		if (!q->whole_word || search_whole_word(s, len, (size_t)(p - s), (size_t)(p - s) + q->len))
			return p;
		from = (size_t)(p - s) + 1;
	}
	return NULL;
}

/* Hits of q in one original text (title or paragraph). */
static size_t search_text(const char *orig, long para, const struct search_query *q,
			  struct norm_text *t, struct search_hits *hits)
{
	size_t from = 0, count = 0;
	const char *p;

	norm_text_set(t, orig, strlen(orig), true);
	while ((p = search_next(t->s, t->len, from, q)) != NULL) {
		struct search_hit h = {.para = para};
		size_t nb = (size_t)(p - t->s);
		norm_text_orig_span(t, nb, nb + q->len, &h.beg, &h.end);
		xgrow(&hits->v, &hits->cap, hits->n + 1, sizeof *hits->v);
		hits->v[hits->n++] = h;
		count++;
		from = nb + q->len;
	}
	return count;
}

size_t search_article(const struct article *a, const struct search_query *q,
		      struct search_hits *hits)
{
	struct norm_text t = {0};
	size_t count = search_text(a->title, -1, q, &t, hits);
	for (size_t i = 0; i < a->npara; i++)
		count += search_text(a->paras[i], (long)i, q, &t, hits);
	norm_text_free(&t);
	return count;
}

void search_hits_free(struct search_hits *h)
{
	free(h->v);
	memset(h, 0, sizeof *h);
}

void search_index_init(struct search_index *x, const struct corpus *c)
{
	x->corpus = c;
	x->n = c->n;
	x->text = xcalloc(c->n ? c->n : 1, sizeof *x->text);
	x->len = xcalloc(c->n ? c->n : 1, sizeof *x->len);
}

/* The matching form of an article: title and paragraphs, one per line. */
static void search_index_one(struct search_index *x, size_t i)
{
	const struct article *a = x->corpus->items[i];
	struct norm_text t = {0};
	struct strbuf sb = {0};

	norm_text_set(&t, a->title, strlen(a->title), false);
	strbuf_append(&sb, t.s, t.len);
	for (size_t p = 0; p < a->npara; p++) {
		norm_text_set(&t, a->paras[p], strlen(a->paras[p]), false);
		strbuf_appendc(&sb, '\n');
		strbuf_append(&sb, t.s, t.len);
	}
	norm_text_free(&t);
	x->len[i] = sb.len;
	x->text[i] = strbuf_take(&sb);
}

void search_index_build(struct search_index *x, size_t from, size_t to)
{
	for (size_t i = from; i < to && i < x->n; i++)
		if (x->text[i] == NULL)
			search_index_one(x, i);
}

void search_index_free(struct search_index *x)
{
	for (size_t i = 0; i < x->n; i++)
		free(x->text[i]);
	free(x->text);
	free(x->len);
	memset(x, 0, sizeof *x);
}

size_t search_count(struct search_index *x, size_t i, const struct search_query *q)
{
	size_t count = 0, from = 0;
	const char *p;

	search_index_build(x, i, i + 1);
	while ((p = search_next(x->text[i], x->len[i], from, q)) != NULL) {
		count++;
		from = (size_t)(p - x->text[i]) + q->len;
	}
	return count;
}

/* Whether the article at position i matches q (its index entry built first). */
static bool search_matches(struct search_index *x, size_t i, const struct search_query *q)
{
	search_index_build(x, i, i + 1);
	return search_next(x->text[i], x->len[i], 0, q) != NULL;
}

size_t search_filter(struct search_index *x, const struct search_query *q,
		     const uint32_t *within, size_t nwithin, uint32_t *out)
{
	size_t n = within ? nwithin : x->n, found = 0;

	for (size_t k = 0; k < n; k++) {
		size_t i = within ? within[k] : k;
		if (i >= x->n)
			continue;
		if (search_matches(x, i, q))
			out[found++] = (uint32_t)i;
	}
	return found;
}

#define SEARCH_STEP_CLOCK 8 /* articles between two looks at the clock */

void search_pass_init(struct search_pass *p) { memset(p, 0, sizeof *p); }

void search_pass_free(struct search_pass *p)
{
	free(p->cand);
	free(p->found);
	memset(p, 0, sizeof *p);
}

/* Append n positions to a growing array (the candidates or the matches). */
static void search_append(uint32_t **a, size_t *len, size_t *cap, const uint32_t *v, size_t n)
{
	xgrow(a, cap, *len + n + 1, sizeof **a);
	if (n)
		memcpy(*a + *len, v, n * sizeof *v);
	*len += n;
}

void search_pass_add(struct search_pass *p, const uint32_t *v, size_t n)
{
	search_append(&p->cand, &p->ncand, &p->cand_cap, v, n);
}

void search_pass_add_range(struct search_pass *p, size_t from, size_t to)
{
	if (to <= from)
		return;
	xgrow(&p->cand, &p->cand_cap, p->ncand + (to - from) + 1, sizeof *p->cand);
	for (size_t i = from; i < to; i++)
		p->cand[p->ncand++] = (uint32_t)i;
}

void search_pass_keep(struct search_pass *p, const uint32_t *v, size_t n)
{
	search_append(&p->found, &p->nfound, &p->found_cap, v, n);
}

void search_pass_narrow(struct search_pass *p)
{
	size_t rest = p->ncand - p->next;

	/* the tested candidates are done with: the untested ones move to the front, the
	 * matches so far go after them (disjoint sets, so no article is tested twice) */
	memmove(p->cand, p->cand + p->next, rest * sizeof *p->cand);
	p->ncand = rest;
	p->next = 0;
	search_pass_add(p, p->found, p->nfound);
	p->nfound = 0;
}

static long search_us_since(const struct timespec *t0)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (t.tv_sec - t0->tv_sec) * 1000000L + (t.tv_nsec - t0->tv_nsec) / 1000;
}

bool search_filter_step(struct search_index *x, const struct search_query *q,
			struct search_pass *p, long budget_us)
{
	struct timespec t0;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	xgrow(&p->found, &p->found_cap, p->nfound + (p->ncand - p->next) + 1, sizeof *p->found);
	while (p->next < p->ncand) {
		size_t i = p->cand[p->next++];
		if (i < x->n && search_matches(x, i, q))
			p->found[p->nfound++] = (uint32_t)i;
		if (p->next % SEARCH_STEP_CLOCK == 0 && search_us_since(&t0) >= budget_us)
			break;
	}
	return search_pass_done(p);
}
