/* cmd_search.c - `qari search QUERY`: the articles that match, with their number of hits:
 * among the PATHs' articles, else the store's (its full-text index) when it has any, else the
 * bundled ones. */
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "qari/corpus.h"
#include "qari/search.h"
#include "qari/store_list.h"
#include "qari/text.h"
#include "qari/xalloc.h"

#define CMD_SEARCH_PAGE 256

static void cmd_search_line(const char *id, size_t hits, const char *title)
{
	char *t = text_neutralize(title);
	printf("%s\t%zu\t%s\n", id, hits, t);
	free(t);
}

/* The store's matches a page at a time, newest first. */
static void cmd_search_store(struct store *s, const struct search_query *q)
{
	struct store_list_filter f = {.feed = STORE_LIST_ANY_FEED, .query = q};
	struct store_list_cursor *cur = store_list_open(s, &f, NULL, false);
	struct store_list_page page = {0};
	size_t n;

	while ((n = store_list_next(cur, CMD_SEARCH_PAGE, &page)) > 0) {
		for (size_t i = 0; i < n; i++)
			cmd_search_line(page.v[i].id, page.v[i].hits, page.v[i].title);
		store_list_page_clear(&page);
	}
	store_list_close(cur);
	store_list_page_free(&page);
}

static void cmd_search_print(struct search_index *x, const struct search_query *q)
{
	uint32_t *found = xcalloc(x->n ? x->n : 1, sizeof *found);
	size_t n = search_filter(x, q, NULL, 0, found);

	for (size_t k = 0; k < n; k++) {
		const struct article *a = x->corpus->items[found[k]];
		cmd_search_line(a->id, search_count(x, found[k], q), a->title);
	}
	free(found);
}

static int cmd_search_exec(const struct cli *cli)
{
	struct search_query q;
	struct search_index x;
	struct corpus c;
	struct store *s;

	if (cli->nargs < 1 || !search_query_init(&q, cli->args[0], false)) {
		fprintf(stderr, "qari: search needs something to search for\n");
		return 1;
	}
	if ((s = cli_store_for_reading(cli, 1)) != NULL) {
		cmd_search_store(s, &q);
		store_close(s);
		search_query_free(&q);
		return 0;
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
	.summary = "id<TAB>hits<TAB>title of the articles that match (hamza, harakat, tatweel "
		   "ignored; no PATH: the store's, when it has any)",
	.exec = cmd_search_exec,
};
