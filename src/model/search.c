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

/* The index holds the matching form packed: ASCII and the common Arabic block (، to ي) take
 * one byte each, so Arabic text needs about half the bytes of UTF-8; any other code point is
 * SEARCH_ESC and five bytes of 5 bits (0xC0 | bits, high first). A byte never means two
 * things: < 0x80 ASCII, 0x80-0xBF Arabic, 0xC0-0xDF inside an escape, 0xFF an escape, so a
 * packed query matches only at character boundaries, as in UTF-8. */
#define SEARCH_AR_FIRST 0x060C
#define SEARCH_AR_LAST 0x064B
#define SEARCH_ESC 0xFF
#define SEARCH_ESC_LEN 6

/* Append the packed form of n bytes of matching form (valid UTF-8). */
static void search_pack(const char *s, size_t n, struct strbuf *sb)
{
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = (size_t)text_decode(s + i, n - i, &cp);
		char out[SEARCH_ESC_LEN];
		if (cp < 0x80) {
			strbuf_appendc(sb, (char)cp);
		} else if (cp >= SEARCH_AR_FIRST && cp <= SEARCH_AR_LAST) {
			strbuf_appendc(sb, (char)(0x80 + cp - SEARCH_AR_FIRST));
		} else {
			out[0] = (char)SEARCH_ESC;
			for (int j = 1; j < SEARCH_ESC_LEN; j++)
				out[j] = (char)(0xC0 | ((cp >> (5 * (SEARCH_ESC_LEN - 1 - j))) & 0x1F));
			strbuf_append(sb, out, SEARCH_ESC_LEN);
		}
		i += k ? k : 1;
	}
}

/* The code point at the start of packed s (n > 0 bytes); returns its length. */
static size_t search_unpack(const char *s, size_t n, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;

	if (u[0] < 0xC0) {
		*cp = u[0] < 0x80 ? u[0] : SEARCH_AR_FIRST + (u[0] - 0x80u);
		return 1;
	}
	*cp = 0;
	for (size_t j = 1; j < SEARCH_ESC_LEN && j < n; j++)
		*cp = *cp << 5 | (u[j] & 0x1Fu);
	return SEARCH_ESC_LEN;
}

bool search_query_init(struct search_query *q, const char *text, bool whole_word)
{
	size_t n;
	char *s = norm_string(text, strlen(text), &n);
	size_t b = 0;
	struct strbuf sb = {0};

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
	search_pack(q->norm, q->len, &sb);
	q->plen = sb.len;
	q->packed = strbuf_take(&sb);
	return true;
}

void search_query_free(struct search_query *q)
{
	free(q->norm);
	free(q->packed);
	q->norm = q->packed = NULL;
}

static bool search_is_wordch(uint32_t cp)
{
	return uc_is_general_category(cp, UC_CATEGORY_L) || uc_is_general_category(cp, UC_CATEGORY_N);
}

/* Start of the code point that ends at byte i (i > 0) of UTF-8 or packed s; its value in *cp. */
static size_t search_prev_cp(const char *s, size_t i, uint32_t *cp, bool packed)
{
	size_t b = i - 1;

	if (packed) {
		if ((unsigned char)s[b] >= 0xC0)
			b = i - SEARCH_ESC_LEN;
		search_unpack(s + b, i - b, cp);
		return b;
	}
	while (b > 0 && i - b < 4 && ((unsigned char)s[b] & 0xC0) == 0x80)
		b--;
	text_decode(s + b, i - b, cp);
	return b;
}

/* Start of the word that holds byte i (i itself when a non-word character precedes). */
static size_t search_word_start(const char *s, size_t i, bool packed)
{
	uint32_t cp;
	size_t b;
	while (i > 0 && (b = search_prev_cp(s, i, &cp, packed), search_is_wordch(cp)))
		i = b;
	return i;
}

/* Whether a hit at b of the word w..e is at a clitic boundary (norm_word_split); packed
 * words go back to UTF-8 for it. */
static bool search_at_clitic(const char *w, size_t b, size_t e, bool packed)
{
	char stack[256] = "", *u = stack;
	size_t n = 0, ub = 0;
	struct norm_split sp;

	if (!packed) {
		norm_word_split(w, e, &sp);
		return sp.proclitic == b || sp.stem == b;
	}
	if (2 * e > sizeof stack) /* a packed byte is at most 2 bytes of UTF-8, an escape 4 */
		u = xmalloc(2 * e);
	for (size_t i = 0; i < e;) {
		uint32_t cp;
		if (i == b)
			ub = n;
		i += search_unpack(w + i, e - i, &cp);
		n += text_encode(cp, u + n);
	}
	norm_word_split(u, n, &sp);
	if (u != stack)
		free(u);
	return sp.proclitic == ub || sp.stem == ub;
}

/* Whole-word test for a hit [b, e) of s: nothing but a clitic prefix before, nothing after. */
static bool search_whole_word(const char *s, size_t len, size_t b, size_t e, bool packed)
{
	uint32_t after = 0;
	size_t ws = search_word_start(s, b, packed);

	if (e < len && packed)
		search_unpack(s + e, len - e, &after);
	else if (e < len)
		text_decode(s + e, len - e, &after);
	if (e < len && search_is_wordch(after))
		return false;
	return ws == b || search_at_clitic(s + ws, b - ws, e - ws, packed);
}

/* Next hit of q in s[from..len) (UTF-8 matching form, or packed: the index) or NULL. */
static const char *search_next(const char *s, size_t len, size_t from,
			       const struct search_query *q, bool packed)
{
	const char *needle = packed ? q->packed : q->norm;
	size_t n = packed ? q->plen : q->len;

	while (from < len) {
		const char *p = memmem(s + from, len - from, needle, n);
		if (p == NULL)
			return NULL;
		if (!q->whole_word || search_whole_word(s, len, (size_t)(p - s), (size_t)(p - s) + n, packed))
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
	while ((p = search_next(t->s, t->len, from, q, false)) != NULL) {
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

size_t search_text_count(const char *text, size_t len, const struct search_query *q,
			 struct norm_text *t, size_t max)
{
	size_t from = 0, count = 0;
	const char *p;

	norm_text_set(t, text, len, false);
	while (count < max && (p = search_next(t->s, t->len, from, q, false)) != NULL) {
		count++;
		from = (size_t)(p - t->s) + q->len;
	}
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

/* The packed matching form of an article: title and paragraphs, one per line, in a block of
 * its own size (t and sb are scratch, reused from one article to the next). */
static void search_index_one(struct search_index *x, size_t i, struct norm_text *t,
			     struct strbuf *sb)
{
	const struct article *a = x->corpus->items[i];

	sb->len = 0;
	norm_text_set(t, a->title, strlen(a->title), false);
	search_pack(t->s, t->len, sb);
	for (size_t p = 0; p < a->npara; p++) {
		norm_text_set(t, a->paras[p], strlen(a->paras[p]), false);
		strbuf_appendc(sb, '\n');
		search_pack(t->s, t->len, sb);
	}
	x->len[i] = sb->len;
	x->text[i] = xmalloc(sb->len + 1);
	memcpy(x->text[i], sb->data ? sb->data : "", sb->len + 1);
}

void search_index_build(struct search_index *x, size_t from, size_t to)
{
	struct norm_text t = {0};
	struct strbuf sb = {0};

	for (size_t i = from; i < to && i < x->n; i++)
		if (x->text[i] == NULL)
			search_index_one(x, i, &t, &sb);
	norm_text_free(&t);
	strbuf_free(&sb);
}

bool search_index_unpack(const struct search_index *x, size_t i, struct strbuf *out)
{
	const char *s = x->text[i];
	size_t n = x->len[i], o = 0;

	out->len = 0;
	if (s == NULL)
		return false;
	/* a packed byte is at most 2 bytes of UTF-8, an escape (6 bytes) at most 4 */
	xgrow(&out->data, &out->cap, 2 * n + 1, 1);
	for (size_t k = 0; k < n;) {
		uint32_t cp;
		k += search_unpack(s + k, n - k, &cp);
		o += text_encode(cp, out->data + o);
	}
	out->data[o] = '\0';
	out->len = o;
	return true;
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
	while ((p = search_next(x->text[i], x->len[i], from, q, true)) != NULL) {
		count++;
		from = (size_t)(p - x->text[i]) + q->plen;
	}
	return count;
}

/* Whether the article at position i matches q (its index entry built first). */
static bool search_matches(struct search_index *x, size_t i, const struct search_query *q)
{
	search_index_build(x, i, i + 1);
	return search_next(x->text[i], x->len[i], 0, q, true) != NULL;
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

	/* the tested candidates are done with: the matches so far come first, the untested ones
	 * after them, so a pass that tested in order goes on in that order (disjoint sets, so no
	 * article is tested twice) */
	xgrow(&p->cand, &p->cand_cap, p->nfound + rest + 1, sizeof *p->cand);
	memmove(p->cand + p->nfound, p->cand + p->next, rest * sizeof *p->cand);
	if (p->nfound)
		memcpy(p->cand, p->found, p->nfound * sizeof *p->cand);
	p->ncand = p->nfound + rest;
	p->next = 0;
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
