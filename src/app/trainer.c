/* trainer.c - the training commands in qari: qari-train runs them, the executable built and
 * installed beside qari (found from /proc/self/exe), given the same command line. The reader
 * thus carries neither the trainers nor liblbfgs, and the commands stay qari's. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd_training.h"
#include "cli.h"
#include "qari/xalloc.h"

#define TRAINER_NAME "qari-train"

/* The path of qari-train beside this executable, or NULL (errno set). */
static char *trainer_path(void)
{
	char self[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
	char *slash;

	if (n < 0)
		return NULL;
	self[n] = '\0';
	if ((slash = strrchr(self, '/')) == NULL)
		return errno = ENOENT, NULL;
	*slash = '\0';
	return xasprintf("%s/%s", self, TRAINER_NAME);
}

static int trainer_exec(const struct cli *cli)
{
	char *path = trainer_path(), *message;
	int argc = 0;
	char **argv;

	if (path == NULL || access(path, X_OK) != 0) {
		message = xasprintf("needs %s, the training executable built and installed beside "
				    "qari (%s: %s)", TRAINER_NAME, path ? path : "/proc/self/exe",
				    strerror(errno));
		cli_print_error(cli->cmd->name, message);
		free(message);
		free(path);
		return 1;
	}
	while (cli->argv[argc])
		argc++;
	argv = xcalloc((size_t)argc + 1, sizeof *argv);
	memcpy(argv, cli->argv, (size_t)argc * sizeof *argv);
	argv[0] = path;
	fflush(NULL);
	execv(path, argv);
	message = xasprintf("%s: %s", path, strerror(errno));
	cli_print_error(cli->cmd->name, message);
	free(message);
	free(argv);
	free(path);
	return 1;
}

/* qari checks the training options as it parses; qari-train parses them again and keeps them. */
static struct train_options trainer_checked;
const struct cli_extra cli_commands_extra = {TRAIN_OPTIONS, train_options_set, &trainer_checked};

const struct cmd_entry cmd_train_ner_entry = CMD_TRAIN_NER_ENTRY(trainer_exec);
const struct cmd_entry cmd_ner_split_entry = CMD_NER_SPLIT_ENTRY(trainer_exec);
const struct cmd_entry cmd_ner_clusters_entry = CMD_NER_CLUSTERS_ENTRY(trainer_exec);
