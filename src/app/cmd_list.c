/* cmd_list.c - `qari list`: id, date and title of every article, newest first: those of the
 * PATHs, else those of the store when it holds any, else the bundled ones. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "cli.h"
#include "qari/corpus.h"
#include "qari/store_list.h"
#include "qari/text.h"

#define CMD_LIST_PAGE 512

struct store *cli_store_for_reading(const struct cli *cli, size_t first)
{
	char *path, *error = NULL;
	struct store *s = NULL;
	struct stat st;

	if (first < cli->nargs || (path = store_default_path()) == NULL)
		return NULL;
	if (stat(path, &st) == 0 && (s = store_open(path, &error)) == NULL) {
		cli_print_error(NULL, error);
		free(error);
	}
	free(path);
	if (s && !store_list_any(s)) {
		store_close(s);
		s = NULL;
	}
	return s;
}

static void cmd_list_print(const char *id, const char *date, const char *title)
{
	char *t = text_neutralize(title);
	char *d = text_neutralize(date ? date : "");
	printf("%s\t%s\t%s\n", id, d, t);
	free(t);
	free(d);
}

/* The store's list a page at a time, as the list of loaded articles prints. */
static int cmd_list_store(const struct cli *cli, struct store *s)
{
	struct store_list_filter f = STORE_LIST_ALL;
	struct store_list_cursor *cur = store_list_open(s, &f, NULL, false);
	struct store_list_page page = {0};
	size_t n, total = 0;

	while ((n = store_list_next(cur, CMD_LIST_PAGE, &page)) > 0) {
		for (size_t i = 0; i < n; i++)
			cmd_list_print(page.v[i].id, page.v[i].date, page.v[i].title);
		store_list_page_clear(&page);
		total += n;
	}
	store_list_close(cur);
	if (cli->stats)
		fprintf(stderr, "files loaded: 0\nfiles skipped: 0\nitems loaded: %zu\n"
				"items skipped: 0\nitems with no content: 0\n", total);
	store_list_page_free(&page);
	store_close(s);
	return 0;
}

static void cmd_list_stats(const struct corpus *c)
{
	const struct load_report *r = &c->report;
	fprintf(stderr, "files loaded: %zu\nfiles skipped: %zu\nitems loaded: %zu\nitems skipped: %zu\n"
			"items with no content: %zu\n",
		r->files_loaded, r->files_skipped, r->items_loaded, r->items_skipped, r->items_empty);
}

static int cmd_list_exec(const struct cli *cli)
{
	struct store *s = cli_store_for_reading(cli, 0);
	struct corpus c;

	if (s)
		return cmd_list_store(cli, s);
	if (!cli_load_corpus(cli, 0, &c)) {
		corpus_free(&c);
		return 1;
	}
	for (size_t i = 0; i < c.n; i++)
		cmd_list_print(c.items[i]->id, c.items[i]->date, c.items[i]->title);
	if (cli->stats)
		cmd_list_stats(&c);
	corpus_free(&c);
	return 0;
}

const struct cmd_entry cmd_list_entry = {
	.name = "list",
	.usage = "[--stats] [PATH...]",
	.summary = "id<TAB>date<TAB>title, one line per article (no PATH: the store's, when it "
		   "has any; --stats: counts on stderr)",
	.exec = cmd_list_exec,
	.options = CLI_OPT_STATS,
};
