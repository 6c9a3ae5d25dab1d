/* cmd_search.c - `qari search QUERY`: the articles that match, with their number of hits. */
#include <stdio.h>
#include <stdlib.h>

#include "qari/cli.h"
#include "qari/corpus.h"
#include "qari/search.h"
#include "qari/text.h"
#include "qari/xalloc.h"

static void cmd_search_print(struct search_index *x, const struct search_query *q)
{
	uint32_t *found = xcalloc(x->n ? x->n : 1, sizeof *found);
	size_t n = search_filter(x, q, NULL, 0, found);

	for (size_t k = 0; k < n; k++) {
		const struct article *a = x->corpus->items[found[k]];
		char *title = text_neutralize(a->title);
		printf("%s\t%zu\t%s\n", a->id, search_count(x, found[k], q), title);
		free(title);
	}
	free(found);
}

static int cmd_search_exec(const struct cli *cli)
{
	struct search_query q;
	struct search_index x;
	struct corpus c;

	if (cli->nargs < 1 || !search_query_init(&q, cli->args[0], false)) {
		fprintf(stderr, "qari: search needs something to search for\n");
		return 1;
	}
	if (!cli_load_corpus(cli, 1, &c)) {
		corpus_free(&c);
		search_query_free(&q);
		return 1;
	}
	search_index_init(&x, &c);
	cmd_search_print(&x, &q);
	search_index_free(&x);
	search_query_free(&q);
	corpus_free(&c);
	return 0;
}

const struct cmd_entry cmd_search_entry = {
	.name = "search",
	.usage = "QUERY [PATH...]",
	.summary = "id<TAB>hits<TAB>title of the articles that match (hamza, harakat, tatweel ignored)",
	.exec = cmd_search_exec,
};
