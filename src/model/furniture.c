/* furniture.c - opening and closing site furniture learned per source (furniture.h). */
#include "qari/furniture.h"

#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "qari/normalize.h"
#include "qari/xalloc.h"

#define FURNITURE_HEAD_WORDS 8  /* the opening is looked for in an article's first words */
#define FURNITURE_TAIL_WORDS 40 /* the closing in its last (a copied title follows a link line) */
#define FURNITURE_SHARE 20      /* a pair in one article of this many of its source, */
#define FURNITURE_MIN 20        /* and in at least this many articles */
#define FURNITURE_WORD_MAX 64   /* bytes of a word hashed */

/* Function words: pairs with one of them are phrases of any story («في المائة», «من خلال»).
 * With their lengths: every word of every window is compared with them. */
#define FURNITURE_WORD(w) {w, sizeof w - 1}
static const struct {
	const char *w;
	size_t n;
} furniture_function_words[] = {
	FURNITURE_WORD("في"), FURNITURE_WORD("من"), FURNITURE_WORD("الي"), FURNITURE_WORD("علي"),
	FURNITURE_WORD("عن"), FURNITURE_WORD("مع"), FURNITURE_WORD("ان"), FURNITURE_WORD("او"),
	FURNITURE_WORD("ما"), FURNITURE_WORD("لا"), FURNITURE_WORD("الذي"), FURNITURE_WORD("التي"),
	FURNITURE_WORD("هذا"), FURNITURE_WORD("هذه"), FURNITURE_WORD("و"), FURNITURE_WORD("ثم"),
	FURNITURE_WORD("قد"), FURNITURE_WORD("كان"), FURNITURE_WORD("بين"), FURNITURE_WORD("بعد"),
	FURNITURE_WORD("قبل"), FURNITURE_WORD("حتي"), FURNITURE_WORD("عند"), FURNITURE_WORD("كل"),
	FURNITURE_WORD("وفي"), FURNITURE_WORD("ومن"), FURNITURE_WORD("به"), FURNITURE_WORD("له"),
};

/* A word of the window: where it is and its hash. */
struct furniture_word {
	uint32_t para, beg, end; /* original bytes of paragraph para */
	uint64_t h;
};

struct furniture_window {
	struct furniture_word *v;
	size_t n, cap;
	struct norm_text norm;
	struct norm_token *toks;
	size_t ntoks, tcap;
};

static bool furniture_is_function_word(const char *w, size_t n)
{
	if (n > 8) /* none is longer than four letters */
		return false;
	for (size_t k = 0; k < sizeof furniture_function_words / sizeof *furniture_function_words; k++)
		if (furniture_function_words[k].n == n && memcmp(furniture_function_words[k].w, w, n) == 0)
			return true;
	return false;
}

/* A word's hash with its digits as 0 (a time stamp or date recurs as one shape); 0 for a
 * function word, which no pair may hold. */
static uint64_t furniture_word_hash(const char *w, size_t n)
{
	char buf[FURNITURE_WORD_MAX];
	if (n > sizeof buf)
		n = sizeof buf;
	if (furniture_is_function_word(w, n))
		return 0;
	for (size_t i = 0; i < n; i++)
		buf[i] = w[i] >= '0' && w[i] <= '9' ? '0' : w[i];
	return XXH3_64bits(buf, n) | 1;
}

/* The span of a paragraph of n bytes worth reading for its first (or last, from_end) max
 * words: a guess of bytes enough for them, ended (or started) at an ASCII space, so the words
 * inside are whole and those of the whole paragraph (its matching form goes code point by
 * code point, and a space ends every token); the whole paragraph when it is not longer. */
#define FURNITURE_WORD_BYTES 12 /* a guess of a word's bytes and its space (5 letters: 11) */
static void furniture_span(const char *text, size_t n, size_t max, bool from_end, size_t *beg,
			   size_t *end)
{
	size_t guess = max * FURNITURE_WORD_BYTES + 32;
	const char *sp;

	*beg = 0, *end = n;
	if (guess >= n)
		return;
	if (!from_end && (sp = memchr(text + guess, ' ', n - guess)) != NULL)
		*end = (size_t)(sp - text) + 1;
	else if (from_end && (sp = memrchr(text, ' ', n - guess)) != NULL)
		*beg = (size_t)(sp - text) + 1;
}

/* The words of text[beg, end) (matching form), tokens into w->toks; how many. */
static size_t furniture_span_words(struct furniture_window *w, const char *text, size_t beg,
				   size_t end)
{
	size_t words = 0;
	norm_text_set(&w->norm, text + beg, end - beg, true);
	w->ntoks = 0;
	norm_tokenize(w->norm.s, w->norm.len, &w->toks, &w->ntoks, &w->tcap);
	for (size_t i = 0; i < w->ntoks; i++)
		words += w->toks[i].kind != NORM_TOKEN_PUNCT;
	return words;
}

/* Paragraph k's first max words (its last, from_end), appended in reading order; how many.
 * Only as much of it as holds them is read. */
static size_t furniture_para_words(struct furniture_window *w, const char *text, uint32_t k,
				   size_t max, bool from_end)
{
	size_t n = strlen(text), beg, end, words, skip, taken = 0;
	const struct norm_text *t = &w->norm;

	furniture_span(text, n, max, from_end, &beg, &end);
	words = furniture_span_words(w, text, beg, end);
	if (words < max && end - beg < n) /* the guess was short: the whole paragraph */
		words = furniture_span_words(w, text, beg = 0, end = n);
	skip = from_end && words > max ? words - max : 0;
	for (size_t i = 0; i < w->ntoks && taken < max; i++) {
		const struct norm_token *tk = &w->toks[i];
		size_t ob, oe;
		if (tk->kind == NORM_TOKEN_PUNCT)
			continue;
		if (skip > 0) {
			skip--;
			continue;
		}
		norm_text_orig_span(t, tk->beg, tk->end, &ob, &oe);
		xgrow(&w->v, &w->cap, w->n + 1, sizeof *w->v);
		w->v[w->n++] = (struct furniture_word){k, (uint32_t)(beg + ob), (uint32_t)(beg + oe),
						       furniture_word_hash(t->s + tk->beg, tk->end - tk->beg)};
		taken++;
	}
	return taken;
}

/* The first FURNITURE_HEAD_WORDS words of the article's paragraphs (head) or its last
 * FURNITURE_TAIL_WORDS (tail), in reading order. */
static void furniture_window(struct furniture_window *w, const struct article *a, bool tail)
{
	w->n = 0;
	if (!tail) {
		for (size_t k = 0; k < a->npara && w->n < FURNITURE_HEAD_WORDS; k++)
			furniture_para_words(w, a->paras[k], (uint32_t)k, FURNITURE_HEAD_WORDS - w->n,
					     false);
		return;
	}
	for (size_t k = a->npara; k-- > 0 && w->n < FURNITURE_TAIL_WORDS;) {
		struct furniture_word last[FURNITURE_TAIL_WORDS]; /* paragraph k's, before the rest */
		size_t before = w->n;
		size_t m = furniture_para_words(w, a->paras[k], (uint32_t)k,
						FURNITURE_TAIL_WORDS - before, true);
		memcpy(last, w->v + before, m * sizeof *last);
		memmove(w->v + m, w->v, before * sizeof *w->v);
		memcpy(w->v, last, m * sizeof *last);
	}
}

static void furniture_window_free(struct furniture_window *w)
{
	free(w->v);
	free(w->toks);
	norm_text_free(&w->norm);
}

/* The pair of words i, i + 1 of a source; 0 when one is a function word. */
static uint64_t furniture_pair(uint64_t source, const struct furniture_word *v, size_t i)
{
	uint64_t k[3] = {source, v[i].h, v[i + 1].h};
	if (v[i].h == 0 || v[i + 1].h == 0)
		return 0;
	return XXH3_64bits(k, sizeof k) | 1;
}

uint64_t furniture_source_hash(const char *source)
{
	return source ? XXH3_64bits(source, strlen(source)) : 0;
}

static uint64_t furniture_source(const struct article *a)
{
	return furniture_source_hash(a->source);
}

static int furniture_u64_cmp(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

/* A pair seen in an article, with the article's source. */
struct furniture_hit {
	uint64_t pair, source;
};

static int furniture_hit_cmp(const void *a, const void *b)
{
	const struct furniture_hit *x = a, *y = b;
	return x->pair < y->pair ? -1 : x->pair > y->pair;
}

/* An article's pairs (at most a window's) by pair: an insertion sort, where qsort's set-up
 * cost more than the sorting. */
static void furniture_hits_sort(struct furniture_hit *v, size_t n)
{
	for (size_t i = 1; i < n; i++) {
		struct furniture_hit x = v[i];
		size_t j = i;
		for (; j > 0 && v[j - 1].pair > x.pair; j--)
			v[j] = v[j - 1];
		v[j] = x;
	}
}

/* Articles of the source with hash h (sources: every article's, sorted). */
static size_t furniture_source_size(const uint64_t *sources, size_t n, uint64_t h)
{
	size_t lo = 0, hi = n, first;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (sources[mid] < h)
			lo = mid + 1;
		else
			hi = mid;
	}
	first = lo;
	while (lo < n && sources[lo] == h)
		lo++;
	return lo - first;
}

/* The pairs of every article's window, once per article; those in enough articles of their
 * source into *out, sorted, and their sources into *osrc beside them. */
static void furniture_learn_side(const struct corpus *c, bool tail, uint64_t **out,
				 uint64_t **osrc, size_t *nout)
{
	struct furniture_window w = {0};
	struct furniture_hit *hits = NULL;
	uint64_t *sources = xcalloc(c->n + 1, sizeof *sources);
	size_t n = 0, cap = 0, ocap = 0, scap = 0;

	for (size_t i = 0; i < c->n; i++) {
		const struct article *a = c->items[i];
		size_t from = n, m = from;
		sources[i] = furniture_source(a);
		furniture_window(&w, a, tail);
		for (size_t k = 0; k + 1 < w.n; k++) {
			uint64_t p = furniture_pair(sources[i], w.v, k);
			if (p == 0)
				continue;
			xgrow(&hits, &cap, n + 1, sizeof *hits);
			hits[n++] = (struct furniture_hit){p, sources[i]};
		}
		furniture_hits_sort(hits + from, n - from);
		for (size_t k = from; k < n; k++) /* once per article */
			if (k == from || hits[k].pair != hits[m - 1].pair)
				hits[m++] = hits[k];
		n = m;
	}
	xqsort(sources, c->n, sizeof *sources, furniture_u64_cmp);
	xqsort(hits, n, sizeof *hits, furniture_hit_cmp);
	*out = *osrc = NULL;
	*nout = 0;
	for (size_t i = 0, run; i < n; i += run) {
		for (run = 1; i + run < n && hits[i + run].pair == hits[i].pair; run++)
			;
		if (run >= FURNITURE_MIN &&
		    run * FURNITURE_SHARE >= furniture_source_size(sources, c->n, hits[i].source)) {
			xgrow(out, &ocap, *nout + 1, sizeof **out);
			xgrow(osrc, &scap, *nout + 1, sizeof **osrc);
			(*osrc)[*nout] = hits[i].source;
			(*out)[(*nout)++] = hits[i].pair;
		}
	}
	free(hits);
	free(sources);
	furniture_window_free(&w);
}

/* Pairs of a that b does not have (both sorted), kept in a with their sources. */
static void furniture_minus(uint64_t *a, uint64_t *asrc, size_t *na, const uint64_t *b, size_t nb)
{
	size_t n = 0;
	for (size_t i = 0; i < *na; i++)
		if (nb == 0 || bsearch(&a[i], b, nb, sizeof *b, furniture_u64_cmp) == NULL)
			asrc[n] = asrc[i], a[n++] = a[i];
	*na = n;
}

void furniture_learn(struct furniture *f, const struct corpus *c)
{
	uint64_t *head, *tail, *head_source, *tail_source;
	size_t nhead, ntail;

	memset(f, 0, sizeof *f);
	furniture_learn_side(c, false, &head, &head_source, &nhead);
	furniture_learn_side(c, true, &tail, &tail_source, &ntail);
	/* a pair common at both ends is the source's usual story («معرض الكتاب» on a site that
	   covers book fairs, or the whole of short articles), not its furniture */
	f->head = xcalloc(nhead + 1, sizeof *f->head);
	if (nhead > 0)
		memcpy(f->head, head, nhead * sizeof *head);
	f->nhead = nhead;
	f->head_source = head_source;
	furniture_minus(f->head, f->head_source, &f->nhead, tail, ntail);
	furniture_minus(tail, tail_source, &ntail, head, nhead);
	f->tail = tail;
	f->tail_source = tail_source;
	f->ntail = ntail;
	free(head);
}

void furniture_free(struct furniture *f)
{
	free(f->head);
	free(f->tail);
	free(f->head_source);
	free(f->tail_source);
	memset(f, 0, sizeof *f);
}

/* Packed: FURNITURE_PACK_MAGIC, the number of opening and of closing pairs (uint32_t each),
 * then the pairs (uint64_t), in this machine's order: the store that keeps them is local. */
#define FURNITURE_PACK_MAGIC 0x31464e51u /* "QNF1" */

/* The pairs of v (n of them) whose source is src into out (NULL: counted only); none when
 * their sources are not known (vsrc NULL: read back). */
static size_t furniture_pairs_of(const uint64_t *v, const uint64_t *vsrc, size_t n, uint64_t src,
				 unsigned char *out)
{
	size_t k = 0;
	for (size_t i = 0; vsrc && i < n; i++)
		if (vsrc[i] == src) {
			if (out)
				memcpy(out + k * sizeof *v, &v[i], sizeof *v);
			k++;
		}
	return k;
}

void *furniture_pack_source(const struct furniture *f, const char *source, size_t *len)
{
	uint64_t src = furniture_source_hash(source);
	uint32_t hdr[3] = {FURNITURE_PACK_MAGIC, 0, 0};
	unsigned char *buf;

	*len = 0;
	hdr[1] = (uint32_t)furniture_pairs_of(f->head, f->head_source, f->nhead, src, NULL);
	hdr[2] = (uint32_t)furniture_pairs_of(f->tail, f->tail_source, f->ntail, src, NULL);
	if (hdr[1] == 0 && hdr[2] == 0)
		return NULL;
	*len = sizeof hdr + ((size_t)hdr[1] + hdr[2]) * sizeof(uint64_t);
	buf = xmalloc(*len);
	memcpy(buf, hdr, sizeof hdr);
	furniture_pairs_of(f->head, f->head_source, f->nhead, src, buf + sizeof hdr);
	furniture_pairs_of(f->tail, f->tail_source, f->ntail, src,
			   buf + sizeof hdr + hdr[1] * sizeof(uint64_t));
	return buf;
}

/* n pairs from p appended to *v (*nv of them), sorted again. */
static void furniture_add_pairs(uint64_t **v, size_t *nv, const unsigned char *p, size_t n)
{
	if (n == 0)
		return;
	*v = xreallocarray(*v, *nv + n + 1, sizeof **v);
	memcpy(*v + *nv, p, n * sizeof **v);
	*nv += n;
	xqsort(*v, *nv, sizeof **v, furniture_u64_cmp);
}

bool furniture_unpack_add(struct furniture *f, const void *buf, size_t len)
{
	const unsigned char *p = buf;
	uint32_t hdr[3];

	if (buf == NULL || len < sizeof hdr)
		return false;
	memcpy(hdr, p, sizeof hdr);
	if (hdr[0] != FURNITURE_PACK_MAGIC ||
	    len != sizeof hdr + ((size_t)hdr[1] + hdr[2]) * sizeof(uint64_t))
		return false;
	furniture_add_pairs(&f->head, &f->nhead, p + sizeof hdr, hdr[1]);
	furniture_add_pairs(&f->tail, &f->ntail, p + sizeof hdr + hdr[1] * sizeof(uint64_t), hdr[2]);
	return true;
}

static bool furniture_has(const uint64_t *v, size_t n, uint64_t h)
{
	return n > 0 && bsearch(&h, v, n, sizeof *v, furniture_u64_cmp) != NULL;
}

/* The closing cut at the last paragraph's tag line («… المتطرف. سمات الشريم العريفي …»: a site's
 * list of tags, different in every article, so never a learned pair), if it has one: «سمات» opening
 * the paragraph or a sentence, with words after it. */
static bool furniture_tag_line(const struct article *a, struct furniture_cut *cut)
{
	static const char word[] = "سمات ";
	const char *s, *hit;

	if (a->npara == 0)
		return false;
	s = a->paras[a->npara - 1];
	for (const char *from = s; (hit = strstr(from, word)) != NULL; from = hit + 1) {
		const char *b = hit;
		while (b > s && (b[-1] == ' ' || b[-1] == '\t'))
			b--;
		if (b == s || strchr(".!?:", b[-1]) || (b - s >= 2 && memcmp(b - 2, "؟", 2) == 0)) {
			cut->tail_para = (uint32_t)(a->npara - 1);
			cut->tail_beg = (uint32_t)(hit - s);
			return true;
		}
	}
	return false;
}

void furniture_cut(const struct furniture *f, const struct article *a, struct furniture_cut *cut)
{
	struct furniture_window w = {0};
	uint64_t src;

	*cut = (struct furniture_cut){0, 0, UINT32_MAX, 0};
	furniture_tag_line(a, cut);
	if (f == NULL || (f->nhead == 0 && f->ntail == 0))
		return;
	src = furniture_source(a);
	furniture_window(&w, a, false);
	for (size_t k = 0; k + 1 < w.n; k++) /* the opening ends after its last pair */
		if (furniture_has(f->head, f->nhead, furniture_pair(src, w.v, k)))
			cut->head_para = w.v[k + 1].para, cut->head_end = w.v[k + 1].end;
	furniture_window(&w, a, true);
	for (size_t k = 0; k + 1 < w.n; k++) /* starts at its first, or the tag line's if earlier */
		if (furniture_has(f->tail, f->ntail, furniture_pair(src, w.v, k))) {
			if (w.v[k].para < cut->tail_para ||
			    (w.v[k].para == cut->tail_para && w.v[k].beg < cut->tail_beg))
				cut->tail_para = w.v[k].para, cut->tail_beg = w.v[k].beg;
			break;
		}
	furniture_window_free(&w);
}

bool furniture_covers(const struct furniture_cut *cut, long para, size_t off)
{
	if (para < 0)
		return false;
	if ((uint32_t)para < cut->head_para || ((uint32_t)para == cut->head_para && off < cut->head_end))
		return true;
	return cut->tail_para != UINT32_MAX &&
	       ((uint32_t)para > cut->tail_para || ((uint32_t)para == cut->tail_para && off >= cut->tail_beg));
}

uint64_t furniture_cut_hash(const struct furniture_cut *cut)
{
	if (cut->head_end == 0 && cut->head_para == 0 && cut->tail_para == UINT32_MAX)
		return 0;
	return XXH3_64bits(cut, sizeof *cut) | 1;
}
