/* fuzz_search.c - normalisation (normalize.c) and search (search.c) on any text and query.
 *
 * Input: byte 0's low bit asks for whole words; then the query up to the first newline; the
 * rest is an article, a title and paragraphs one per line (as loaders store them: sanitised,
 * trimmed). Invariants:
 *   - the matching form is valid UTF-8 without NUL, the same with and without a map, and the
 *     same again when normalised twice; its map never decreases, starts each character's
 *     bytes at one original character boundary, stays inside the text and ends at its length;
 *   - tokens are in order, inside the form, on character boundaries; clitic splits in a word;
 *   - every hit is a non-empty byte range of its original title or paragraph, on character
 *     boundaries, in order; the original bytes of a hit, as a query, hold the query and are
 *     found again in the article (for the first few hits);
 *   - the index agrees: search_count is the number of hits, search_filter finds the article
 *     exactly when there is one. */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "qari/article.h"
#include "qari/corpus.h"
#include "qari/normalize.h"
#include "qari/search.h"
#include "qari/text.h"
#include "qari/xalloc.h"

#define FUZZ_SEARCH_REFIND 8 /* hits searched for again, at most */

/* Character boundaries of s as the normaliser decodes it (invalid bytes one at a time). */
static bool *fuzz_search_bounds(const char *s, size_t n)
{
	bool *at = xcalloc(n + 1, sizeof *at);
	uint32_t cp;

	for (size_t i = 0; i < n; i += (size_t)text_decode(s + i, n - i, &cp))
		at[i] = true;
	at[n] = true;
	return at;
}

static void fuzz_search_check_map(const struct norm_text *t, const char *s, size_t n)
{
	bool *at = fuzz_search_bounds(s, n);

	FUZZ_CHECK(t->map[t->len] == n);
	for (size_t i = 0; i < t->len; i++) {
		FUZZ_CHECK(t->map[i] < n && at[t->map[i]]);
		FUZZ_CHECK(t->map[i] <= t->map[i + 1]);
		/* the bytes of one character of the form come from one original character */
		if (((unsigned char)t->s[i] & 0xC0) == 0x80)
			FUZZ_CHECK(i > 0 && t->map[i] == t->map[i - 1]);
	}
	free(at);
}

static void fuzz_search_check_tokens(const char *s, size_t len)
{
	struct norm_token *v = NULL;
	size_t nv = 0, cap = 0;
	bool *at = fuzz_search_bounds(s, len);

	norm_tokenize(s, len, &v, &nv, &cap);
	for (size_t i = 0; i < nv; i++) {
		struct norm_split sp;
		FUZZ_CHECK(v[i].beg < v[i].end && v[i].end <= len && at[v[i].beg] && at[v[i].end]);
		FUZZ_CHECK(i == 0 || v[i].beg >= v[i - 1].end);
		norm_word_split(s + v[i].beg, v[i].end - v[i].beg, &sp);
		FUZZ_CHECK(sp.proclitic <= sp.stem && sp.stem <= v[i].end - v[i].beg);
		FUZZ_CHECK(at[v[i].beg + sp.proclitic] && at[v[i].beg + sp.stem]);
	}
	free(v);
	free(at);
}

/* The matching form of any bytes, checked. */
static void fuzz_search_check_norm(const char *s, size_t n)
{
	struct norm_text t = {0};
	size_t len, len2;
	char *plain, *again;

	norm_text_set(&t, s, n, true);
	FUZZ_CHECK(fuzz_valid_utf8(t.s, t.len) && strlen(t.s) == t.len);
	fuzz_search_check_map(&t, s, n);
	plain = norm_string(s, n, &len);
	FUZZ_CHECK(len == t.len && memcmp(plain, t.s, len) == 0);
	again = norm_string(plain, len, &len2);
	FUZZ_CHECK(len2 == len && memcmp(again, plain, len) == 0);
	fuzz_search_check_tokens(t.s, t.len);
	free(again);
	free(plain);
	norm_text_free(&t);
}

static const char *fuzz_search_text(const struct article *a, long para)
{
	return para < 0 ? a->title : a->paras[para];
}

/* One hit: a range of the original that holds the query and is found again as a query. */
static void fuzz_search_check_hit(const struct article *a, const struct search_query *q,
				  const struct search_hit *h)
{
	const char *s = fuzz_search_text(a, h->para);
	size_t n = strlen(s);
	bool *at = fuzz_search_bounds(s, n);
	struct search_query again;
	struct search_hits hits = {0};
	char *part;

	FUZZ_CHECK(h->para >= -1 && h->para < (long)a->npara);
	FUZZ_CHECK(h->beg < h->end && h->end <= n && at[h->beg] && at[h->end]);
	free(at);
	part = xstrndup(s + h->beg, h->end - h->beg);
	FUZZ_CHECK(search_query_init(&again, part, false));
	FUZZ_CHECK(memmem(again.norm, again.len, q->norm, q->len) != NULL);
	FUZZ_CHECK(search_article(a, &again, &hits) >= 1);
	search_hits_free(&hits);
	search_query_free(&again);
	free(part);
}

static void fuzz_search_check_hits(const struct article *a, const struct search_query *q,
				   const struct search_hits *hits)
{
	for (size_t i = 0; i < hits->n; i++) {
		const struct search_hit *h = &hits->v[i];
		if (i > 0)
			FUZZ_CHECK(h->para > h[-1].para ||
				   (h->para == h[-1].para && h->beg >= h[-1].beg));
		if (i < FUZZ_SEARCH_REFIND) /* each is a search of its own */
			fuzz_search_check_hit(a, q, h);
	}
}

/* The index of a one-article corpus agrees with search_article. */
static void fuzz_search_check_index(struct article *a, const struct search_query *q,
				    size_t nhits)
{
	struct corpus c;
	struct search_index x;
	uint32_t out[1];

	corpus_init(&c);
	corpus_add(&c, a);
	search_index_init(&x, &c);
	FUZZ_CHECK(search_count(&x, 0, q) == nhits);
	FUZZ_CHECK(search_filter(&x, q, NULL, 0, out) == (nhits > 0));
	search_index_free(&x);
	c.n = 0; /* the caller frees the article */
	corpus_free(&c);
}

/* The article of the input: a title and paragraphs, one per line. */
static struct article *fuzz_search_article(const char *s, size_t n)
{
	struct article *a = article_new("fuzz");
	size_t pos = 0;

	while (pos <= n) {
		const char *nl = memchr(s + pos, '\n', n - pos);
		size_t end = nl ? (size_t)(nl - s) : n;
		if (a->title == NULL)
			article_set_title(a, s + pos, end - pos);
		else
			article_add_para(a, s + pos, end - pos);
		pos = end + 1;
	}
	article_finish(a, "fuzz"); /* an untitled article is named after its first words */
	return a;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *in = (const char *)data + (size > 0), *nl;
	size_t n = size - (size > 0), qlen;
	struct search_query q;
	struct search_hits hits = {0};
	struct article *a;
	char *query;

	fuzz_search_check_norm(in, n);
	nl = memchr(in, '\n', n);
	qlen = nl ? (size_t)(nl - in) : n;
	query = text_sanitize_utf8(in, qlen);
	a = fuzz_search_article(in + qlen + (nl != NULL), n - qlen - (nl != NULL));
	if (search_query_init(&q, query, size > 0 && (data[0] & 1))) {
		FUZZ_CHECK(q.len > 0 && q.norm[0] != ' ' && q.norm[q.len - 1] != ' ');
		search_article(a, &q, &hits);
		fuzz_search_check_hits(a, &q, &hits);
		fuzz_search_check_index(a, &q, hits.n);
		search_hits_free(&hits);
		search_query_free(&q);
	}
	article_free(a);
	free(query);
	return 0;
}
