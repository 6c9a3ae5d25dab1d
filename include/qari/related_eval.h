/* related_eval.h - scoring related stories against a judged sample (tests/data/judged/
 * related.tsv, described in docs/design.md): for each judged query article, the grades of the
 * candidates a reader judged (2 the same story, 1 clearly related, 0 not).
 *
 * A system's answer to a query is a ranked list of entries; an entry is one article or
 * several collapsed into one (syndicated copies, or the query's own copies shown as "also
 * in"). An entry's grade is the best of its judged members; an entry with no judged member
 * is unjudged and counts as grade 0. Per query, over the first RELATED_EVAL_DEPTH entries:
 *   ndcg     DCG with gains 2/1/0 and discount 1 / log2(rank + 1), over the ideal DCG: the
 *            judged articles of grade > 0 sorted by grade, where articles the system put in
 *            one entry make one item of the ideal list too (grade: their best). A query with
 *            nothing related (no grade > 0) scores 1 when nothing is shown, else 0.
 *   recall   grade-2 articles among the members of the first 10 entries, over
 *            min(10, number of grade-2 articles); queries without a grade-2 article left out.
 *   unrelated entries of grade 0 (or unjudged) among the first 5 shown, summed over queries,
 *            over the entries shown there (the share of the top five that is noise).
 *   unjudged entries with no judged member among the first 5 and the first 10. */
#ifndef QARI_RELATED_EVAL_H
#define QARI_RELATED_EVAL_H

#include <stdbool.h>
#include <stddef.h>

#include "qari/article.h"

#define RELATED_EVAL_DEPTH 10
#define RELATED_EVAL_TOP 5
#define RELATED_UNJUDGED (-1)

struct related_judgment {
	char id[ARTICLE_ID_LEN + 1];
	int grade; /* 0, 1, 2 */
};

struct related_query {
	char id[ARTICLE_ID_LEN + 1];
	char split[8]; /* "dev" or "test" */
	struct related_judgment *v;
	size_t n;
};

struct related_gold {
	struct related_query *q;
	size_t n;
};

/* Read a judged sample. False with *error (a new string: caller frees) naming the line. */
bool related_gold_load(const char *path, struct related_gold *g, char **error);
void related_gold_free(struct related_gold *g);
/* The grade of article id for query q, RELATED_UNJUDGED when it was not judged. */
int related_gold_grade(const struct related_query *q, const char *id);

/* One entry of an answer: its members' ids (the first is the one shown). */
struct related_entry {
	const char *const *ids;
	size_t n;
};

/* One query's scores. */
struct related_query_score {
	double ndcg;
	double recall;       /* < 0: no grade-2 article */
	size_t shown5, unrelated5, unjudged5, unjudged10;
	bool nothing_related; /* the gold has no article of grade > 0 */
	int grades[RELATED_EVAL_DEPTH]; /* each entry's, RELATED_UNJUDGED when unjudged */
	size_t nshown;                  /* entries scored (≤ RELATED_EVAL_DEPTH) */
};

void related_eval_query(const struct related_query *q, const struct related_entry *e, size_t n,
			struct related_query_score *out);

/* Scores summed over queries, then their means (related_eval_means). */
struct related_eval_sum {
	double ndcg, recall;
	size_t nqueries, nrecall, shown5, unrelated5, unjudged5, unjudged10;
	size_t nothing_related, nothing_shown; /* queries with nothing related; and of them, those
						  where nothing was shown */
};
void related_eval_add(struct related_eval_sum *s, const struct related_query_score *q);
struct related_eval_means {
	double ndcg, recall, unrelated5;
};
struct related_eval_means related_eval_means(const struct related_eval_sum *s);

#endif
