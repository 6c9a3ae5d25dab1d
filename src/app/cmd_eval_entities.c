/* cmd_eval_entities.c - `qari eval-entities GOLD [--split dev|test|all] [--verbose] [PATH...]`:
 * the people, places and organisations the sidebar lists for each judged article of GOLD,
 * scored against it (entity_eval.h): precision, recall and F1 per type and overall, junk,
 * wrong types and duplicates, one `name: value` per line; with --verbose every error too. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "qari/corpus.h"
#include "qari/entity.h"
#include "qari/entity_eval.h"
#include "qari/text.h"
#include "qari/xalloc.h"

#define CMD_EVAL_ENTITIES_CORPUS "../shared/corpus/saudinewsnet/"

static void cmd_eval_entities_report(void *ctx, const char *id, enum entity_eval_error e,
				     enum entity_type type, const char *name,
				     const struct entity_gold_entity *g)
{
	char *safe = text_neutralize(name);
	(void)ctx;
	printf("error: %s\t%s\t%s\t%s", id, entity_eval_error_name(e), entity_type_name(type), safe);
	if (g && e != ENTITY_EVAL_MISSED) {
		char *gold = text_neutralize(g->name);
		printf("\t(gold %s %s)", entity_type_name(g->type), gold);
		free(gold);
	}
	printf("\n");
	free(safe);
}

/* What the sidebar lists for article a, scored against its judged entities. */
static void cmd_eval_entities_article(struct entity_eval *ev, const struct entity_gold_article *g,
				      const struct ner_model *m, const struct article *a,
				      struct entity_scratch *x, bool verbose)
{
	struct article_entities es;
	struct entity_sys_entry *sys;

	entity_extract_with(m, a, x, &es);
	sys = xcalloc(es.n + 1, sizeof *sys);
	for (size_t k = 0; k < es.n; k++)
		sys[k] = (struct entity_sys_entry){es.v[k].type, article_entity_name(a, &es.v[k])};
	entity_eval_article(ev, g, sys, es.n, verbose ? cmd_eval_entities_report : NULL, NULL);
	for (size_t k = 0; k < es.n; k++)
		free((char *)sys[k].name);
	free(sys);
	article_entities_free(&es);
}

static void cmd_eval_entities_print(const struct entity_eval *ev, size_t missing)
{
	static const char *const names[] = {"person", "place", "org", "overall"};
	printf("articles: %zu\n", ev->articles);
	printf("articles_not_found: %zu\n", missing);
	for (int t = 0; t <= ENTITY_EVAL_TYPES; t++) {
		enum entity_type type = t < ENTITY_EVAL_TYPES ? (enum entity_type)t : ENTITY_NTYPES;
		size_t tp = 0, sys = 0, gold = 0;
		double p, r, f1;
		for (int k = 0; k < ENTITY_EVAL_TYPES; k++)
			if (k == t || t == ENTITY_EVAL_TYPES)
				tp += ev->tp[k], sys += ev->sys[k], gold += ev->gold[k];
		entity_eval_prf(ev, type, &p, &r, &f1);
		printf("%s_precision: %.3f\n%s_recall: %.3f\n%s_f1: %.3f\n", names[t], p, names[t], r,
		       names[t], f1);
		printf("%s_correct: %zu\n%s_listed: %zu\n%s_gold: %zu\n", names[t], tp, names[t], sys,
		       names[t], gold);
	}
	printf("junk: %zu\nwrong_type: %zu\nduplicates: %zu\n", ev->junk, ev->wrong_type,
	       ev->duplicates);
}

static bool cmd_eval_entities_in_split(const struct cli *cli, enum entity_split s)
{
	const char *want = cli->split ? cli->split : "dev";
	return strcmp(want, "all") == 0 || (strcmp(want, "dev") == 0) == (s == ENTITY_SPLIT_DEV);
}

static int cmd_eval_entities_exec(const struct cli *cli)
{
	static char *const default_corpus[] = {CMD_EVAL_ENTITIES_CORPUS};
	const struct ner_model *m;
	struct entity_gold gold;
	struct entity_eval ev = {0};
	struct corpus c;
	struct furniture furniture = {0};
	struct entity_scratch *x = entity_scratch_new();
	char *error = NULL;
	size_t missing = 0;
	bool loaded;

	if (cli->nargs < 1) {
		fprintf(stderr, "qari: usage: qari eval-entities GOLD [--split dev|test|all] [--verbose] [PATH...]\n");
		return 1;
	}
	if (!entity_gold_read(cli->args[0], &gold, &error)) {
		char *safe = text_neutralize(error);
		fprintf(stderr, "qari: %s\n", safe);
		free(safe);
		free(error);
		return 1;
	}
	if ((m = ner_default(&error)) == NULL) {
		fprintf(stderr, "qari: %s\n", error);
		entity_gold_free(&gold);
		entity_scratch_free(x);
		return 1;
	}
	loaded = cli->nargs > 1 ? cli_load_corpus_paths(cli->args + 1, cli->nargs - 1, &c)
				: cli_load_corpus_paths(default_corpus, 1, &c);
	if (loaded) { /* as the index learns it before the sidebar lists anything */
		furniture_learn(&furniture, &c);
		entity_scratch_use_furniture(x, &furniture);
	}
	for (size_t i = 0; loaded && i < gold.n; i++) {
		const struct article *a;
		bool ambiguous;
		if (!cmd_eval_entities_in_split(cli, gold.v[i].split))
			continue;
		if ((a = corpus_find(&c, gold.v[i].id, &ambiguous)) == NULL) {
			fprintf(stderr, "qari: %s: not in the corpus\n", gold.v[i].id);
			missing++;
			continue;
		}
		cmd_eval_entities_article(&ev, &gold.v[i], m, a, x, cli->verbose);
	}
	if (loaded)
		cmd_eval_entities_print(&ev, missing);
	entity_scratch_free(x);
	furniture_free(&furniture);
	corpus_free(&c);
	entity_gold_free(&gold);
	ner_default_free();
	return loaded ? 0 : 1;
}

const struct cmd_entry cmd_eval_entities_entry = {
	.name = "eval-entities",
	.usage = "GOLD [--split dev|test|all] [--verbose] [PATH...]",
	.summary = "precision, recall, junk of the sidebar's entities against a judged sample",
	.exec = cmd_eval_entities_exec,
	.options = CLI_OPT_SPLIT | CLI_OPT_VERBOSE,
};
