/* main.c - qari: a terminal reader for news articles that gets right-to-left text right. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"

int main(int argc, char **argv)
{
	struct cli cli;
	const char *error = NULL;
	int rc;

	/* a file size limit (ulimit -f) fails a write with EFBIG, which every writer reports,
	 * instead of killing qari with marks unsaved */
	signal(SIGXFSZ, SIG_IGN);
	if (!cli_parse(argc, argv, cli_commands, &cli_commands_extra, &cli, &error)) {
		fprintf(stderr, "qari: %s\n", error);
		free(cli.args);
		return 1;
	}
	if (cli.help)
		cli_print_help(), rc = 0;
	else if (cli.version)
		printf("qari %s\n", QARI_VERSION), rc = 0;
	else if (cli.cmd)
		rc = cli.cmd->exec(&cli);
	else
		rc = reader_run(&cli);
	free(cli.args);
	return rc;
}
