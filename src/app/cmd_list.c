/* cmd_list.c - `qari list`: id, date and title of every article, newest first. */
#include <stdio.h>
#include <stdlib.h>

#include "qari/cli.h"
#include "qari/corpus.h"
#include "qari/text.h"

static void cmd_list_stats(const struct corpus *c)
{
	const struct load_report *r = &c->report;
	fprintf(stderr, "files loaded: %zu\nfiles skipped: %zu\nitems loaded: %zu\nitems skipped: %zu\n"
			"items with no content: %zu\n",
		r->files_loaded, r->files_skipped, r->items_loaded, r->items_skipped, r->items_empty);
}

static int cmd_list_exec(const struct cli *cli)
{
	struct corpus c;

	if (!cli_load_corpus(cli, 0, &c)) {
		corpus_free(&c);
		return 1;
	}
	for (size_t i = 0; i < c.n; i++) {
		const struct article *a = c.items[i];
		char *title = text_neutralize(a->title);
		char *date = text_neutralize(a->date ? a->date : "");
		printf("%s\t%s\t%s\n", a->id, date, title);
		free(title);
		free(date);
	}
	if (cli->stats)
		cmd_list_stats(&c);
	corpus_free(&c);
	return 0;
}

const struct cmd_entry cmd_list_entry = {
	.name = "list",
	.usage = "[--stats] [PATH...]",
	.summary = "id<TAB>date<TAB>title, one line per article (--stats: counts on stderr)",
	.exec = cmd_list_exec,
	.options = CLI_OPT_STATS,
};
