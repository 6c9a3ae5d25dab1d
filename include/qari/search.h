/* search.h - finding text in articles, insensitive to what Arabic writers vary: hamza forms of
 * alef, harakat, tatweel, taa marbuta and alef maqsura, digit shapes; Latin case-insensitive.
 *
 * Query and text are compared in the matching form of normalize.h. A query is a phrase: its
 * words must appear in order, separated by white space. Two ways in:
 *   search_article  the hits of one article as original byte ranges, for highlighting;
 *   search_filter   which articles of a corpus match, from an index of matching forms built
 *                   once (search_index_build, or lazily on first use), fast enough to run
 *                   between keystrokes on 30,000 articles. When the query only grew, pass the
 *                   previous result as `within` to search less;
 *   search_pass     the same in slices of a time budget (search_filter_step), so an event loop
 *                   can read keys between them; the candidates can grow (articles arriving)
 *                   and narrow (the query grew) between slices. */
#ifndef QARI_SEARCH_H
#define QARI_SEARCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "qari/corpus.h"

struct search_query {
	char *norm;      /* the query's matching form, trimmed; never empty */
	size_t len;
	char *packed;    /* norm as the index holds text (search.c: one byte per Arabic letter) */
	size_t plen;
	bool whole_word; /* hits must be whole words (a clitic prefix such as و or وال allowed) */
};

/* False (nothing allocated) when the query has nothing to search for. */
bool search_query_init(struct search_query *q, const char *text, bool whole_word);
void search_query_free(struct search_query *q);

struct search_hit {
	long para;       /* paragraph index into article->paras, -1 for the title */
	size_t beg, end; /* byte range in the ORIGINAL title or paragraph */
};

struct search_hits {
	struct search_hit *v;
	size_t n, cap;
};

/* Append the hits of q in a (title first, then paragraphs in order); returns how many. */
size_t search_article(const struct article *a, const struct search_query *q,
		      struct search_hits *hits);
void search_hits_free(struct search_hits *h);
struct norm_text;
/* The hits of q in one text of len bytes (a title or a paragraph, valid UTF-8), as
 * search_article counts them, at most max; t is scratch for the matching form. */
size_t search_text_count(const char *text, size_t len, const struct search_query *q,
			 struct norm_text *t, size_t max);

struct search_index {
	const struct corpus *corpus;
	char **text;  /* per position in corpus->items: matching form of the title and paragraphs,
			 one per line, packed (ASCII and Arabic letters one byte each: half the
			 bytes of UTF-8); NULL until built */
	size_t *len;
	size_t n;
};

void search_index_init(struct search_index *x, const struct corpus *c);
/* Build entries [from, to): pure per article, so threads may build disjoint ranges. */
void search_index_build(struct search_index *x, size_t from, size_t to);
void search_index_free(struct search_index *x);
/* The matching form of the article at position i as UTF-8 in out (its bytes replaced):
 * title and paragraphs, one per line. False when its entry is not built. Other tools that
 * read every article's matching form (related stories) take it from here, not normalise
 * the text again. */
struct strbuf;
bool search_index_unpack(const struct search_index *x, size_t i, struct strbuf *out);

/* Positions (in corpus->items) of the articles that match, in corpus order, into out (room
 * for corpus->n). within: only these positions (NULL: all). Returns how many. */
size_t search_filter(struct search_index *x, const struct search_query *q,
		     const uint32_t *within, size_t nwithin, uint32_t *out);
/* A filter in slices: the candidates still to test and the matches so far. Positions of
 * corpus->items; any order (the caller sorts the result). */
struct search_pass {
	uint32_t *cand;   /* candidates: [0, next) tested, [next, ncand) to test */
	size_t ncand, next, cand_cap;
	uint32_t *found;  /* matches among the tested ones (and any given by search_pass_keep) */
	size_t nfound, found_cap;
};

void search_pass_init(struct search_pass *p);
void search_pass_free(struct search_pass *p);
/* More candidates: positions [from, to), or n given ones. */
void search_pass_add_range(struct search_pass *p, size_t from, size_t to);
void search_pass_add(struct search_pass *p, const uint32_t *v, size_t n);
/* Matches known already (a previous result being extended): they count as found. */
void search_pass_keep(struct search_pass *p, const uint32_t *v, size_t n);
/* The query grew (the new one holds the old one's matching form): only the matches so far
 * and the untested candidates can still match; they become the candidates in that order (a
 * pass that tested in list order goes on in list order), none found. */
void search_pass_narrow(struct search_pass *p);
static inline bool search_pass_done(const struct search_pass *p) { return p->next == p->ncand; }
/* Test candidates for q until none is left or budget_us microseconds have passed (at least
 * one is tested; the clock is read every few articles). Index entries are built as needed,
 * within the budget. True when every candidate is tested. */
bool search_filter_step(struct search_index *x, const struct search_query *q,
			struct search_pass *p, long budget_us);

/* Number of hits in the article at position i (counted in the index). */
size_t search_count(struct search_index *x, size_t i, const struct search_query *q);

#endif
