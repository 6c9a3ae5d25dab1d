/* cmd_train_ner.c - `qari train-ner TRAIN DEV -o MODEL`: train the entity tagger.
 *
 * TRAIN and DEV are "token TAG" files (qari ner-split cuts them from ANERcorp). The model is
 * trained on TRAIN only, with the lexicon in assets/ner; DEV is only reported on. Two passes:
 * the second sees the first's tags of the same words in the surrounding sentences. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd_training.h"
#include "cli.h"
#include "qari/corpus.h"
#include "qari/ner.h"
#include "qari/ner_train.h"
#include "qari/xalloc.h"

#define CMD_TRAIN_NER_EPOCHS 12
#define CMD_TRAIN_NER_MIN_COUNT 2
#define CMD_TRAIN_NER_MARGIN 15   /* large-margin training (ner_train_opts): chosen on the dev */
#define CMD_TRAIN_NER_MISS_COST 3 /* split, mean of 3 seeds (assets/ner/README) */
/* Perceptron runs averaged, and features left out whose weights stay within ± this: 9 and
 * 0.34 raise the dev split's mean over 5 seeds by 1.0, but the model they make is not
 * shipped yet (assets/ner/README); these give the shipped one. */
#define CMD_TRAIN_NER_SHUFFLES 1
#define CMD_TRAIN_NER_KEEP_ABOVE 0.0f
#define CMD_TRAIN_NER_SEED 20250218
#define CMD_TRAIN_NER_C1 0
#define CMD_TRAIN_NER_C2 0.05
#define CMD_TRAIN_NER_MAX_ITER 300
#define CMD_TRAIN_NER_WINDOW 15 /* second pass: a document is ±15 sentences (chosen on the
					 held-out tenth of TRAIN: 75.19 against 74.64 with 20 and 74.86 with 30) */

static int cmd_train_ner_run(const struct cli *cli, const struct train_options *t,
			     struct ner_lexicon *lex)
{
	struct ner_data train, dev;
	bool crf = cli->method && strcmp(cli->method, "crf") == 0;
	struct ner_train_opts o = {
		.epochs = CMD_TRAIN_NER_EPOCHS,
		.seed = t->seed ? t->seed : CMD_TRAIN_NER_SEED,
		.shuffles = CMD_TRAIN_NER_SHUFFLES,
		.min_count = CMD_TRAIN_NER_MIN_COUNT,
		.margin = CMD_TRAIN_NER_MARGIN,
		.miss_cost = CMD_TRAIN_NER_MISS_COST,
		.window = CMD_TRAIN_NER_WINDOW,
		.method = crf ? NER_TRAIN_CRF : NER_TRAIN_PERCEPTRON,
		.keep_above = crf ? 0 : CMD_TRAIN_NER_KEEP_ABOVE, /* a CRF's weights: another scale */
		.c1 = t->c1 >= 0 ? t->c1 : CMD_TRAIN_NER_C1,
		.c2 = t->c2 >= 0 ? t->c2 : CMD_TRAIN_NER_C2,
		.max_iter = CMD_TRAIN_NER_MAX_ITER,
		.verbose = true,
	};
	struct ner_score s = {0};
	struct ner_model *m;
	char *error = NULL;
	int rc = 1;

	if (!ner_data_read(cli->args[0], &train, &error) || !ner_data_read(cli->args[1], &dev, &error)) {
		fprintf(stderr, "qari: %s\n", error);
		free(error);
		ner_data_free(&train);
		return 1;
	}
	fprintf(stderr, "train: %zu tokens, %zu sentences; dev: %zu tokens, %zu sentences\n",
		train.n, train.nsents, dev.n, dev.nsents);
	m = ner_train(&train, train.nsents, &dev, lex, &o);
	ner_evaluate(m, &dev, 0, dev.nsents, &s);
	cmd_ner_eval_print(stderr, &s);
	if (ner_model_save(m, t->output, &error))
		rc = 0;
	else {
		fprintf(stderr, "qari: %s\n", error);
		free(error);
	}
	ner_model_free(m);
	ner_data_free(&train);
	ner_data_free(&dev);
	return rc;
}

static int cmd_train_ner_exec(const struct cli *cli)
{
	const struct train_options *t = cli->extra;
	char *dir = corpus_asset_path("ner"), *error = NULL;
	struct ner_lexicon *lex;
	int rc;

	if (cli->nargs != 2 || t->output == NULL) {
		fprintf(stderr, "qari: usage: qari train-ner TRAIN DEV -o MODEL\n");
		free(dir);
		return 1;
	}
	if ((lex = ner_lexicon_load(dir, &error)) == NULL) {
		fprintf(stderr, "qari: %s\n", error);
		free(error);
		free(dir);
		return 1;
	}
	rc = cmd_train_ner_run(cli, t, lex);
	ner_lexicon_free(lex);
	free(dir);
	return rc;
}

const struct cmd_entry cmd_train_ner_entry = CMD_TRAIN_NER_ENTRY(cmd_train_ner_exec);
