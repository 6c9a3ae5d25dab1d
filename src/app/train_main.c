/* train_main.c - qari-train: the entity tagger's training commands (train-ner, ner-split,
 * ner-clusters), linked with the training library (include/qari/ner_train.h). The user runs
 * them as qari's subcommands; qari runs this with the same command line (trainer.c), so
 * options, messages and exit codes are qari's. Their options are kept in a struct
 * train_options, which each command finds at cli->extra. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>

#include "cmd_training.h"

static const struct cmd_entry *const train_commands[] = {
	&cmd_train_ner_entry,
	&cmd_ner_split_entry,
	&cmd_ner_clusters_entry,
	NULL,
};

static void train_print_help(void)
{
	printf("usage: qari COMMAND ... (qari runs qari-train for these)\n");
	for (size_t i = 0; train_commands[i]; i++)
		printf("       qari %s %s\n         %s\n", train_commands[i]->name,
		       train_commands[i]->usage, train_commands[i]->summary);
}

int main(int argc, char **argv)
{
	struct cli cli;
	struct train_options opts = TRAIN_OPTIONS_NONE;
	const struct cli_extra extra = {TRAIN_OPTIONS, train_options_set, &opts};
	const char *error = NULL;
	int rc;

	signal(SIGXFSZ, SIG_IGN); /* as qari: a write past ulimit -f fails with EFBIG, reported */
	if (!cli_parse(argc, argv, train_commands, &extra, &cli, &error)) {
		fprintf(stderr, "qari: %s\n", error);
		free(cli.args);
		return 1;
	}
	if (cli.version)
		printf("qari-train %s\n", QARI_VERSION), rc = 0;
	else if (cli.cmd && !cli.help)
		rc = cli.cmd->exec(&cli);
	else
		train_print_help(), rc = cli.help ? 0 : 1;
	free(cli.args);
	return rc;
}
