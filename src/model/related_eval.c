/* related_eval.c - reading a judged sample of related stories and scoring answers against it
 * (related_eval.h gives the measures). */
#include "qari/related_eval.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qari/xalloc.h"

/* Split line (NUL-terminated, no '\n') at tabs into at most max fields. */
static size_t related_eval_fields(char *line, char **f, size_t max)
{
	size_t n = 0;
	for (char *s = line; n < max; s++) {
		f[n++] = s;
		if ((s = strchr(s, '\t')) == NULL)
			break;
		*s = '\0';
	}
	return n;
}

static bool related_eval_is_id(const char *s)
{
	size_t n = strlen(s);
	if (n != ARTICLE_ID_LEN)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return false;
	return true;
}

/* One line of the file into g: a query ("@ ID split") or a judgment of the last query. */
static const char *related_gold_line(char *line, struct related_gold *g, size_t *qcap, size_t *jcap)
{
	char *f[4];
	size_t nf = related_eval_fields(line, f, 4);

	if (strcmp(f[0], "@") == 0) {
		if (nf < 3 || !related_eval_is_id(f[1]) || (strcmp(f[2], "dev") != 0 && strcmp(f[2], "test") != 0))
			return "a query line is @<TAB>id<TAB>dev|test";
		xgrow(&g->q, qcap, g->n + 1, sizeof *g->q);
		g->q[g->n] = (struct related_query){0};
		memcpy(g->q[g->n].id, f[1], ARTICLE_ID_LEN + 1);
		snprintf(g->q[g->n].split, sizeof g->q[g->n].split, "%s", f[2]);
		g->n++;
		*jcap = 0;
		return NULL;
	}
	if (g->n == 0)
		return "a judgment before the first @ line";
	if (nf < 2 || !related_eval_is_id(f[0]) || strlen(f[1]) != 1 || f[1][0] < '0' || f[1][0] > '2')
		return "a judgment line is id<TAB>0|1|2";
	struct related_query *q = &g->q[g->n - 1];
	xgrow(&q->v, jcap, q->n + 1, sizeof *q->v);
	memcpy(q->v[q->n].id, f[0], ARTICLE_ID_LEN + 1);
	q->v[q->n++].grade = f[1][0] - '0';
	return NULL;
}

bool related_gold_load(const char *path, struct related_gold *g, char **error)
{
	FILE *f = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0, qcap = 0, jcap = 0, lineno = 0;
	ssize_t len;
	const char *why = NULL;

	memset(g, 0, sizeof *g);
	if (f == NULL) {
		*error = xasprintf("%s: %s", path, strerror(errno));
		return false;
	}
	while (why == NULL && (len = getline(&line, &cap, f)) >= 0) {
		lineno++;
		while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			line[--len] = '\0';
		if (len == 0 || line[0] == '#')
			continue;
		why = related_gold_line(line, g, &qcap, &jcap);
	}
	free(line);
	fclose(f);
	if (why) {
		*error = xasprintf("%s:%zu: %s", path, lineno, why);
		related_gold_free(g);
		return false;
	}
	return true;
}

void related_gold_free(struct related_gold *g)
{
	for (size_t i = 0; i < g->n; i++)
		free(g->q[i].v);
	free(g->q);
	memset(g, 0, sizeof *g);
}

int related_gold_grade(const struct related_query *q, const char *id)
{
	for (size_t i = 0; i < q->n; i++)
		if (strcmp(q->v[i].id, id) == 0)
			return q->v[i].grade;
	return RELATED_UNJUDGED;
}

/* The entry (of the first n) that has id as a member, or n. */
static size_t related_eval_entry_of(const struct related_entry *e, size_t n, const char *id)
{
	for (size_t k = 0; k < n; k++)
		for (size_t i = 0; i < e[k].n; i++)
			if (strcmp(e[k].ids[i], id) == 0)
				return k;
	return n;
}

static int related_eval_desc(const void *a, const void *b)
{
	return *(const int *)b - *(const int *)a;
}

/* The ideal DCG: judged articles of grade > 0, those in one entry of the answer as one item. */
static double related_eval_ideal(const struct related_query *q, const struct related_entry *e, size_t n)
{
	int *units = xcalloc(q->n + n + 1, sizeof *units); /* singles, then one per entry */
	size_t nu = 0;
	double dcg = 0;

	for (size_t i = 0; i < q->n; i++) {
		size_t k = related_eval_entry_of(e, n, q->v[i].id);
		if (q->v[i].grade <= 0)
			continue;
		if (k == n)
			units[nu++] = q->v[i].grade;
		else if (q->v[i].grade > units[q->n + k])
			units[q->n + k] = q->v[i].grade;
	}
	for (size_t k = 0; k < n; k++)
		if (units[q->n + k] > 0)
			units[nu++] = units[q->n + k];
	qsort(units, nu, sizeof *units, related_eval_desc);
	for (size_t i = 0; i < nu && i < RELATED_EVAL_DEPTH; i++)
		dcg += units[i] / log2((double)i + 2);
	free(units);
	return dcg;
}

static int related_eval_entry_grade(const struct related_query *q, const struct related_entry *e)
{
	int g = RELATED_UNJUDGED;
	for (size_t i = 0; i < e->n; i++) {
		int gi = related_gold_grade(q, e->ids[i]);
		if (gi > g)
			g = gi;
	}
	return g;
}

void related_eval_query(const struct related_query *q, const struct related_entry *e, size_t n,
			struct related_query_score *out)
{
	double dcg = 0, ideal;
	size_t same = 0, found = 0;

	memset(out, 0, sizeof *out);
	out->nshown = n < RELATED_EVAL_DEPTH ? n : RELATED_EVAL_DEPTH;
	for (size_t k = 0; k < out->nshown; k++) {
		int g = out->grades[k] = related_eval_entry_grade(q, &e[k]);
		dcg += (g > 0 ? g : 0) / log2((double)k + 2);
		if (k < RELATED_EVAL_TOP) {
			out->shown5++;
			out->unrelated5 += g <= 0;
			out->unjudged5 += g == RELATED_UNJUDGED;
		}
		out->unjudged10 += g == RELATED_UNJUDGED;
	}
	ideal = related_eval_ideal(q, e, out->nshown);
	out->nothing_related = ideal <= 0;
	out->ndcg = out->nothing_related ? (out->nshown == 0 ? 1 : 0) : dcg / ideal;
	for (size_t i = 0; i < q->n; i++)
		if (q->v[i].grade == 2) {
			same++;
			found += related_eval_entry_of(e, out->nshown, q->v[i].id) < out->nshown;
		}
	out->recall = same ? (double)found / (double)(same < RELATED_EVAL_DEPTH ? same : RELATED_EVAL_DEPTH) : -1;
	if (out->recall > 1)
		out->recall = 1; /* more grade-2 articles collapsed into the first 10 entries than 10 */
}

void related_eval_add(struct related_eval_sum *s, const struct related_query_score *q)
{
	s->nqueries++;
	s->ndcg += q->ndcg;
	if (q->recall >= 0)
		s->recall += q->recall, s->nrecall++;
	s->shown5 += q->shown5;
	s->unrelated5 += q->unrelated5;
	s->unjudged5 += q->unjudged5;
	s->unjudged10 += q->unjudged10;
	s->nothing_related += q->nothing_related;
	s->nothing_shown += q->nothing_related && q->nshown == 0;
}

struct related_eval_means related_eval_means(const struct related_eval_sum *s)
{
	return (struct related_eval_means){
		.ndcg = s->nqueries ? s->ndcg / (double)s->nqueries : 0,
		.recall = s->nrecall ? s->recall / (double)s->nrecall : 0,
		.unrelated5 = s->shown5 ? (double)s->unrelated5 / (double)s->shown5 : 0,
	};
}
