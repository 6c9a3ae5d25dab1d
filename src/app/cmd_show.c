/* cmd_show.c - `qari show ID`: the article as the reading pane lays it out: one of the
 * PATHs, else of the store when it holds any, else of the bundled articles. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>

#include "qari/article_view.h"
#include "cli.h"
#include "qari/corpus.h"
#include "qari/listing.h"
#include "qari/store.h"
#include "qari/store_related.h"
#include "qari/text.h"
#include "qari/xalloc.h"

#define CMD_SHOW_WIDTH 80

static void cmd_show_print(const struct article *a, const struct cli *cli)
{
	struct layout_opts o = cli_layout_opts(cli);
	struct listing_sources sources;
	struct article_view v;
	struct strbuf sb = {0};

	o.dir = article_view_dir(a, cli->dir, cli->dir_set);
	listing_sources_load(&sources);
	article_view_prepare(&v, a, &o, cli->dir_set, listing_source_name(&sources, a));
	article_view_wrap(&v, cli->width ? cli->width : CMD_SHOW_WIDTH);
	for (size_t i = 0; i < v.nlines; i++) {
		sb.len = 0;
		layout_line_to_utf8(&v.lines[i].line, true, &sb);
		printf("%.*s\n", (int)sb.len, sb.data ? sb.data : "");
	}
	strbuf_free(&sb);
	article_view_free(&v);
	listing_sources_free(&sources);
}

/* The article of the store whose id starts with arg (in any case, as corpus_find takes it). */
static int cmd_show_store(const struct cli *cli, struct store *s)
{
	char *prefix = xstrdup(cli->args[0]);
	struct article *a = NULL;
	bool ambiguous = false;
	int64_t row;

	for (char *p = prefix; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	row = *prefix ? store_related_row_of(s, prefix, &ambiguous) : 0;
	if (row > 0)
		a = store_load_article(s, row);
	if (a)
		cmd_show_print(a, cli);
	article_free(a);
	free(prefix);
	store_close(s);
	return a ? 0 : cli_no_article(cli->args[0], ambiguous);
}

static int cmd_show_exec(const struct cli *cli)
{
	struct store *s;
	struct corpus c;
	struct article *a;
	bool ambiguous;
	int rc = 0;

	if (cli->nargs < 1) {
		fprintf(stderr, "qari: show needs an article id (see qari list)\n");
		return 1;
	}
	if ((s = cli_store_for_reading(cli, 1)) != NULL)
		return cmd_show_store(cli, s);
	if (!cli_load_corpus(cli, 1, &c)) {
		corpus_free(&c);
		return 1;
	}
	if ((a = corpus_find(&c, cli->args[0], &ambiguous)) == NULL)
		rc = cli_no_article(cli->args[0], ambiguous);
	else
		cmd_show_print(a, cli);
	corpus_free(&c);
	return rc;
}

const struct cmd_entry cmd_show_entry = {
	.name = "show",
	.usage = "[--width N] ID [PATH...]",
	.summary = "the article as the reading pane lays it out (visual lines; no PATH: the "
		   "store's, when it has any)",
	.exec = cmd_show_exec,
	.options = CLI_OPT_WIDTH | CLI_OPT_LAYOUT,
};
