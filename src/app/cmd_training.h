/* cmd_training.h - the training commands' entries, the same in qari, which hands them to
 * qari-train (trainer.c), and in qari-train, which runs them (cmd_train_ner.c,
 * cmd_ner_split.c, cmd_ner_clusters.c): only exec differs. And their options, kept outside
 * struct cli (cmd_training.c): qari checks them as it parses, qari-train uses them. */
#ifndef QARI_CMD_TRAINING_H
#define QARI_CMD_TRAINING_H

#include "cli.h"

/* The training commands' own options; their exec finds them at cli->extra. */
struct train_options {
	const char *output;   /* -o FILE (train-ner, ner-clusters), NULL when not given */
	unsigned long seed;   /* --seed N (train-ner, ner-clusters), 0 when not given */
	double c1, c2;        /* --c1 X, --c2 X (train-ner, CRF penalties), -1 when not given */
};
#define TRAIN_OPTIONS (CLI_OPT_OUTPUT | CLI_OPT_SEED | CLI_OPT_PENALTY)
#define TRAIN_OPTIONS_NONE ((struct train_options){.c1 = -1, .c2 = -1})
/* cli_extra.set for them: opts is a struct train_options. */
bool train_options_set(void *opts, enum cli_option bit, const char *name, const char *value,
		       const char **error);

#define CMD_TRAIN_NER_ENTRY(fn) { \
	.name = "train-ner", \
	.usage = "[--method crf|perceptron] [--c1 X] [--c2 X] [--seed N] TRAIN DEV -o MODEL", \
	.summary = "train the entity tagger on TRAIN (token TAG lines), report on DEV", \
	.exec = (fn), \
	.options = CLI_OPT_METHOD | CLI_OPT_PENALTY | CLI_OPT_SEED | CLI_OPT_OUTPUT, \
	.methods = "crf|perceptron", \
}
#define CMD_NER_SPLIT_ENTRY(fn) { \
	.name = "ner-split", \
	.usage = "FILE TRAIN DEV", \
	.summary = "cut a token TAG file into training and development parts (last ~10%)", \
	.exec = (fn), \
}
#define CMD_NER_CLUSTERS_ENTRY(fn) { \
	.name = "ner-clusters", \
	.usage = "[--seed N] PATH... -o OUT", \
	.summary = "word clusters for the entity tagger from unlabelled text (files or folders)", \
	.exec = (fn), \
	.options = CLI_OPT_SEED | CLI_OPT_OUTPUT, \
}

#endif
