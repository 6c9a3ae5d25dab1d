/* test_related_eval.c - the judged sample of related stories read and scored: a tiny gold
 * made by hand, answers whose scores are worked out below. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "qari/related_eval.h"
#include "qari/xalloc.h"

static const char gold_text[] =
	"# a made-up sample\n"
	"@\t000000000001\tdev\n"
	"0000000000a1\t2\n"
	"0000000000a2\t2\n"
	"0000000000a3\t1\n"
	"0000000000a4\t0\n"
	"\n"
	"@\t000000000002\ttest\n"
	"0000000000b1\t0\n";

static char *write_temp(const char *text)
{
	char *path = xstrdup("/tmp/qari-related-gold-XXXXXX");
	int fd = mkstemp(path);
	CHECK(fd >= 0 && write(fd, text, strlen(text)) == (ssize_t)strlen(text));
	close(fd);
	return path;
}

static bool near(double a, double b) { return fabs(a - b) < 1e-9; }

static void test_load(struct related_gold *g)
{
	char *path = write_temp(gold_text), *error = NULL;

	CHECK(related_gold_load(path, g, &error));
	CHECK_INT(g->n, 2);
	CHECK_STR(g->q[0].id, "000000000001");
	CHECK_STR(g->q[0].split, "dev");
	CHECK_INT(g->q[0].n, 4);
	CHECK_INT(related_gold_grade(&g->q[0], "0000000000a3"), 1);
	CHECK_INT(related_gold_grade(&g->q[0], "0000000000ff"), RELATED_UNJUDGED);
	CHECK_STR(g->q[1].split, "test");
	unlink(path);
	free(path);
	/* a bad line is named */
	path = write_temp("@\t000000000001\tdev\n0000000000a1\t3\n");
	CHECK(!related_gold_load(path, &(struct related_gold){0}, &error));
	CHECK(error && strstr(error, ":2:") != NULL);
	free(error);
	unlink(path);
	free(path);
}

#define ENTRY(...) {(const char *const[]){__VA_ARGS__}, sizeof((const char *const[]){__VA_ARGS__}) / sizeof(const char *)}

static void test_scores(const struct related_gold *g)
{
	const struct related_query *q = &g->q[0], *none = &g->q[1];
	struct related_query_score s;
	struct related_eval_sum sum = {0};
	double ideal = 2 + 2 / log2(3) + 1 / log2(4);

	/* the ideal order: full marks */
	struct related_entry best[] = {ENTRY("0000000000a1"), ENTRY("0000000000a2"), ENTRY("0000000000a3")};
	related_eval_query(q, best, 3, &s);
	CHECK(near(s.ndcg, 1) && near(s.recall, 1));
	CHECK_INT(s.shown5, 3);
	CHECK_INT(s.unrelated5, 0);
	related_eval_add(&sum, &s);
	/* noise first, an unjudged entry, one same-story article missed */
	struct related_entry worse[] = {ENTRY("0000000000a4"), ENTRY("0000000000ff"), ENTRY("0000000000a1")};
	related_eval_query(q, worse, 3, &s);
	CHECK(near(s.ndcg, (2 / log2(4)) / ideal));
	CHECK(near(s.recall, 0.5));
	CHECK_INT(s.unrelated5, 2);
	CHECK_INT(s.unjudged5, 1);
	CHECK_INT(s.unjudged10, 1);
	CHECK_INT(s.grades[1], RELATED_UNJUDGED);
	related_eval_add(&sum, &s);
	/* the two same-story articles folded into one entry: one item of the ideal list too, and
	 * both found */
	struct related_entry folded[] = {ENTRY("0000000000a2", "0000000000a1"), ENTRY("0000000000a3")};
	related_eval_query(q, folded, 2, &s);
	CHECK(near(s.ndcg, 1) && near(s.recall, 1));
	CHECK_INT(s.grades[0], 2);
	/* a folded entry takes its best member's grade */
	struct related_entry mixed[] = {ENTRY("0000000000a4", "0000000000a3")};
	related_eval_query(q, mixed, 1, &s);
	CHECK_INT(s.grades[0], 1);
	CHECK_INT(s.unrelated5, 0);
	/* nothing related: 1 when nothing is shown, else 0 */
	related_eval_query(none, NULL, 0, &s);
	CHECK(s.nothing_related && near(s.ndcg, 1) && s.recall < 0);
	related_eval_add(&sum, &s);
	struct related_entry noise[] = {ENTRY("0000000000b1")};
	related_eval_query(none, noise, 1, &s);
	CHECK(s.nothing_related && near(s.ndcg, 0));
	related_eval_add(&sum, &s);
	/* means: ndcg over queries, recall over those with a same-story article, the share of
	 * noise over the entries shown */
	struct related_eval_means m = related_eval_means(&sum);
	CHECK(near(m.ndcg, (1 + (2 / log2(4)) / ideal + 1 + 0) / 4));
	CHECK(near(m.recall, 0.75));
	CHECK(near(m.unrelated5, 3.0 / 7));
	CHECK_INT(sum.nothing_related, 2);
	CHECK_INT(sum.nothing_shown, 1);
}

int main(void)
{
	struct related_gold g;

	test_load(&g);
	test_scores(&g);
	related_gold_free(&g);
	return check_done();
}
