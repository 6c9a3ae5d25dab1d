/* cmd_related.c - `qari related ID [PATH...]`: the stories that share the article's entities
 * and words, best first: id<TAB>score<TAB>shared entities, comma-separated<TAB>title. */
#include <stdio.h>
#include <stdlib.h>

#include "qari/cli.h"
#include "qari/corpus_index.h"
#include "qari/related.h"
#include "qari/text.h"
#include "qari/xalloc.h"

#define CMD_RELATED_MAX 20

static void cmd_related_print(const struct related_index *x, size_t pos)
{
	const struct entity_table *t = x->entities;
	struct related_link *links;
	size_t n = related_find(x, pos, CMD_RELATED_MAX, &links);
	struct strbuf sb = {0};

	for (size_t k = 0; k < n; k++) {
		const struct article *b = t->corpus->items[links[k].article];
		sb.len = 0;
		strbuf_append(&sb, "", 0);
		for (size_t i = 0; i < links[k].nshared; i++) {
			char *name = entity_table_name(t, links[k].shared[i]);
			strbuf_printf(&sb, "%s%s", i ? "، " : "", name);
			free(name);
		}
		char *shared = text_neutralize(sb.data), *title = text_neutralize(b->title);
		printf("%s\t%.3f\t%s\t%s\n", b->id, links[k].score, shared, title);
		free(shared);
		free(title);
	}
	strbuf_free(&sb);
	related_links_free(links, n);
}

static int cmd_related_exec(const struct cli *cli)
{
	struct corpus_index x;
	struct corpus c;
	struct article *a;
	char *error = NULL;
	bool ambiguous;
	size_t pos = 0;

	if (cli->nargs < 1) {
		fprintf(stderr, "qari: related needs an article id (see qari list)\n");
		return 1;
	}
	if (ner_default(&error) == NULL) {
		fprintf(stderr, "qari: %s\n", error);
		return 1;
	}
	if (!cli_load_corpus(cli, 1, &c) || (a = corpus_find(&c, cli->args[0], &ambiguous)) == NULL) {
		if (c.n > 0) {
			char *id = text_neutralize(cli->args[0]);
			fprintf(stderr, "qari: %s: %s\n", id, ambiguous ? "more than one article has this id prefix" : "no such article");
			free(id);
		}
		corpus_free(&c);
		ner_default_free();
		return 1;
	}
	while (c.items[pos] != a)
		pos++;
	cli_index_corpus(cli, &c, &x);
	cmd_related_print(&x.related, pos);
	corpus_index_free(&x);
	corpus_free(&c);
	ner_default_free();
	return 0;
}

const struct cmd_entry cmd_related_entry = {
	.name = "related",
	.usage = "ID [PATH...]",
	.summary = "id<TAB>score<TAB>shared entities<TAB>title of the stories related to ID",
	.exec = cmd_related_exec,
};
