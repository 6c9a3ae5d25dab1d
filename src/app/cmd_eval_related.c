/* cmd_eval_related.c - `qari eval-related GOLD [--split dev|test|all] [--verbose] [PATH...]`:
 * qari's related stories and the TF-IDF ±7-day baseline scored on a judged sample
 * (related_eval.h: the measures), one "system.measure: value" per line; --verbose adds each
 * query's lists with their grades. PATH: the corpus (default: SaudiNewsNet beside the
 * project). qari's answer is "also in" (the query's own copies) as one entry when there are
 * any, then its related entries, each with its collapsed copies. QARI_EVAL_STORE=DB: the
 * lists that store keeps (store_related.h) are scored too, as system "store". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "qari/corpus.h"
#include "qari/corpus_index.h"
#include "qari/related.h"
#include "qari/related_eval.h"
#include "qari/store.h"
#include "qari/store_related.h"
#include "qari/text.h"
#include "qari/xalloc.h"

#define EVAL_DEFAULT_CORPUS "corpus/saudinewsnet"

/* One system's answer as entries of member ids (owned). */
struct eval_answer {
	struct related_entry e[RELATED_EVAL_DEPTH];
	double score[RELATED_EVAL_DEPTH];
	size_t n;
};

static void eval_answer_add(struct eval_answer *ans, const struct corpus *c, uint32_t first,
			    const uint32_t *more, size_t nmore, double score)
{
	ans->score[ans->n] = score;
	const char **ids = xcalloc(nmore + 2, sizeof *ids);
	ids[0] = c->items[first]->id;
	for (size_t i = 0; i < nmore; i++)
		ids[i + 1] = c->items[more[i]]->id;
	ans->e[ans->n++] = (struct related_entry){ids, nmore + 1};
}

static void eval_answer_free(struct eval_answer *ans)
{
	for (size_t k = 0; k < ans->n; k++)
		free((void *)ans->e[k].ids);
	ans->n = 0;
}

static void eval_qari(const struct related_index *x, size_t pos, struct eval_answer *ans)
{
	const struct corpus *c = x->entities->corpus;
	struct related_link *links;
	uint32_t *own;
	size_t nown = related_copies(x, pos, &own), n;

	if (nown > 0)
		eval_answer_add(ans, c, own[0], own + 1, nown - 1, 1);
	n = related_find(x, pos, RELATED_EVAL_DEPTH - ans->n, &links);
	for (size_t k = 0; k < n; k++)
		eval_answer_add(ans, c, links[k].article, links[k].copies, links[k].ncopies, links[k].score);
	related_links_free(links, n);
	free(own);
}

/* The lists the store keeps (store_related.h), as eval_qari makes qari's answer. */
static void eval_store(struct store *st, const char *id, struct eval_answer *ans)
{
	struct store_related_list l;

	if (!store_related_get_id(st, id, RELATED_EVAL_DEPTH, &l))
		return;
	if (l.nsame > 0) {
		const char **ids = xcalloc(l.nsame + 1, sizeof *ids);
		for (size_t i = 0; i < l.nsame; i++)
			ids[i] = xstrdup(l.same[i].id);
		ans->score[ans->n] = 1;
		ans->e[ans->n++] = (struct related_entry){ids, l.nsame};
	}
	for (size_t k = 0; k < l.n && ans->n < RELATED_EVAL_DEPTH; k++) {
		const char **ids = xcalloc(l.v[k].ncopies + 2, sizeof *ids);
		ids[0] = xstrdup(l.v[k].id);
		for (size_t i = 0; i < l.v[k].ncopies; i++)
			ids[i + 1] = xstrdup(l.v[k].copies[i]);
		ans->score[ans->n] = l.v[k].score;
		ans->e[ans->n++] = (struct related_entry){ids, l.v[k].ncopies + 1};
	}
	store_related_list_free(&l);
}

/* An answer whose ids eval_store made. */
static void eval_answer_free_ids(struct eval_answer *ans)
{
	for (size_t k = 0; k < ans->n; k++)
		for (size_t i = 0; i < ans->e[k].n; i++)
			free((void *)ans->e[k].ids[i]);
	eval_answer_free(ans);
}

static void eval_baseline(const struct related_baseline *b, size_t pos, struct eval_answer *ans)
{
	struct related_link *links;
	size_t n = related_baseline_find(b, pos, RELATED_EVAL_DEPTH, &links);
	for (size_t k = 0; k < n; k++)
		eval_answer_add(ans, b->corpus, links[k].article, NULL, 0, links[k].score);
	related_links_free(links, n);
}

static void eval_print_grade(int g)
{
	if (g == RELATED_UNJUDGED)
		printf("[?]");
	else
		printf("[%d]", g);
}

static void eval_verbose(const char *system, const struct corpus *c, const struct eval_answer *ans,
			 const struct related_query_score *s)
{
	printf("  %s ndcg %.3f recall %s", system, s->ndcg, s->recall < 0 ? "-" : "");
	if (s->recall >= 0)
		printf("%.3f", s->recall);
	printf("\n");
	for (size_t k = 0; k < s->nshown; k++) {
		struct article *a = corpus_find(c, ans->e[k].ids[0], &(bool){false});
		char *title = text_neutralize(a ? a->title : "");
		printf("    %zu ", k + 1);
		eval_print_grade(s->grades[k]);
		printf(" %.3f %s %s", ans->score[k], ans->e[k].ids[0], title);
		if (ans->e[k].n > 1)
			printf("  (+%zu:", ans->e[k].n - 1);
		for (size_t i = 1; i < ans->e[k].n; i++)
			printf(" %s%s", ans->e[k].ids[i], i + 1 == ans->e[k].n ? ")" : "");
		printf("\n");
		free(title);
	}
}

struct eval_run {
	const struct cli *cli;
	const struct related_gold *gold;
	const struct corpus *c;
	const struct related_index *x;
	const struct related_baseline *b;
	struct related_eval_sum qari, base, store;
	struct store *st; /* QARI_EVAL_STORE: the store's lists too, or NULL */
	size_t missing; /* judged queries not in the corpus */
};

static void eval_one(struct eval_run *r, const struct related_query *q)
{
	bool ambiguous;
	struct article *a = corpus_find(r->c, q->id, &ambiguous);
	struct eval_answer ans = {0};
	struct related_query_score s;
	size_t pos = 0;

	if (a == NULL) {
		r->missing++;
		return;
	}
	while (r->c->items[pos] != a)
		pos++;
	if (r->cli->verbose) {
		char *title = text_neutralize(a->title);
		printf("@ %s %s %s\n", q->id, q->split, title);
		free(title);
	}
	eval_qari(r->x, pos, &ans);
	related_eval_query(q, ans.e, ans.n, &s);
	related_eval_add(&r->qari, &s);
	if (r->cli->verbose)
		eval_verbose("qari", r->c, &ans, &s);
	eval_answer_free(&ans);
	if (r->st) {
		eval_store(r->st, q->id, &ans);
		related_eval_query(q, ans.e, ans.n, &s);
		related_eval_add(&r->store, &s);
		if (r->cli->verbose)
			eval_verbose("store", r->c, &ans, &s);
		eval_answer_free_ids(&ans);
	}
	eval_baseline(r->b, pos, &ans);
	related_eval_query(q, ans.e, ans.n, &s);
	related_eval_add(&r->base, &s);
	if (r->cli->verbose)
		eval_verbose("tfidf", r->c, &ans, &s);
	eval_answer_free(&ans);
}

static void eval_print(const char *system, const struct related_eval_sum *s)
{
	struct related_eval_means m = related_eval_means(s);
	printf("%s.ndcg@10: %.3f\n", system, m.ndcg);
	printf("%s.recall@10: %.3f\n", system, m.recall);
	printf("%s.unrelated@5: %.3f\n", system, m.unrelated5);
	printf("%s.shown@5: %zu\n", system, s->shown5);
	printf("%s.unjudged@5: %zu\n", system, s->unjudged5);
	printf("%s.unjudged@10: %zu\n", system, s->unjudged10);
	printf("%s.nothing_related_shown_nothing: %zu/%zu\n", system, s->nothing_shown, s->nothing_related);
}

/* SaudiNewsNet beside the project (QARI_SHARED or ../shared), or NULL. */
static char *eval_default_corpus(void)
{
	const char *shared = getenv("QARI_SHARED");
	char *path = shared && *shared ? xasprintf("%s/%s", shared, EVAL_DEFAULT_CORPUS)
				       : xasprintf("%s/../../shared/%s", corpus_assets_dir(),
						   EVAL_DEFAULT_CORPUS);
	struct stat st;

	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		return path;
	free(path);
	return NULL;
}

static void eval_queries(struct eval_run *r, const char *split)
{
	for (size_t i = 0; i < r->gold->n; i++)
		if (strcmp(split, "all") == 0 || strcmp(split, r->gold->q[i].split) == 0)
			eval_one(r, &r->gold->q[i]);
}

static int eval_run(struct eval_run *r, const char *split)
{
	struct corpus_index x;
	struct related_baseline b;

	cli_index_corpus(r->cli, r->c, &x);
	related_baseline_build(&b, r->c, &x.search);
	r->b = &b;
	r->x = &x.related;
	eval_queries(r, split);
	printf("queries: %zu\n", r->qari.nqueries);
	if (r->missing)
		printf("queries_not_in_corpus: %zu\n", r->missing);
	eval_print("qari", &r->qari);
	eval_print("tfidf", &r->base);
	if (r->st)
		eval_print("store", &r->store);
	related_baseline_free(&b);
	corpus_index_free(&x);
	return 0;
}

static int cmd_eval_related_exec(const struct cli *cli)
{
	const char *split = cli->split ? cli->split : "dev";
	struct related_gold gold;
	struct eval_run r = {.cli = cli, .gold = &gold};
	struct corpus c;
	char *error = NULL, *dflt = NULL;
	bool loaded;
	int rc;

	if (cli->nargs < 1) {
		fprintf(stderr, "qari: eval-related needs a judged sample (tests/data/judged/related.tsv)\n");
		return 1;
	}
	if (ner_default(&error) == NULL) {
		fprintf(stderr, "qari: %s\n", error);
		return 1;
	}
	if (!related_gold_load(cli->args[0], &gold, &error)) {
		char *m = text_neutralize(error);
		fprintf(stderr, "qari: %s\n", m);
		free(m);
		free(error);
		ner_default_free();
		return 1;
	}
	if (cli->nargs > 1)
		loaded = cli_load_corpus(cli, 1, &c);
	else if ((dflt = eval_default_corpus()) != NULL)
		loaded = cli_load_corpus_paths(&dflt, 1, &c);
	else {
		fprintf(stderr, "qari: no corpus given and none in ../shared/%s\n", EVAL_DEFAULT_CORPUS);
		corpus_init(&c);
		loaded = false;
	}
	r.c = &c;
	if (getenv("QARI_EVAL_STORE") && *getenv("QARI_EVAL_STORE") &&
	    (r.st = store_open(getenv("QARI_EVAL_STORE"), &error)) == NULL) {
		fprintf(stderr, "qari: %s\n", error);
		free(error);
		loaded = false;
	}
	rc = loaded ? eval_run(&r, split) : 1;
	store_close(r.st);
	free(dflt);
	corpus_free(&c);
	related_gold_free(&gold);
	ner_default_free();
	return rc;
}

const struct cmd_entry cmd_eval_related_entry = {
	.name = "eval-related",
	.usage = "GOLD [--split dev|test|all] [--verbose] [--no-cache] [PATH...]",
	.summary = "related stories of qari and of a TF-IDF ±7-day baseline scored on a judged sample",
	.exec = cmd_eval_related_exec,
	.options = CLI_OPT_SPLIT | CLI_OPT_VERBOSE | CLI_OPT_NO_CACHE,
};
