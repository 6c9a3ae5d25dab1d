/* cmd_entities.c - `qari entities [ID] [PATH...]`: the corpus's entities, or one article's,
 * as type<TAB>name<TAB>mentions<TAB>articles (mentions in that article when ID is given;
 * articles: across the corpus). Persons, places, organisations and dates. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "qari/corpus_index.h"
#include "qari/entity.h"
#include "qari/text.h"
#include "qari/xalloc.h"

/* The first argument is an id when it is not a path that exists. */
static bool cmd_entities_first_is_id(const struct cli *cli)
{
	struct stat st;
	return cli->nargs > 0 && stat(cli->args[0], &st) != 0;
}

/* name: a new string, freed here. */
static void cmd_entities_line(enum entity_type type, char *name, size_t mentions, size_t articles)
{
	char *safe = text_neutralize(name);
	printf("%s\t%s\t%zu\t%zu\n", entity_type_name(type), safe, mentions, articles);
	free(safe);
	free(name);
}

static const struct entity_table *cmd_entities_table;

/* Corpus listing: by type, then by articles and mentions, most first. */
static int cmd_entities_cmp(const void *a, const void *b)
{
	uint32_t ia = *(const uint32_t *)a, ib = *(const uint32_t *)b;
	const struct corpus_entity *x = &cmd_entities_table->items[ia];
	const struct corpus_entity *y = &cmd_entities_table->items[ib];
	if (x->type != y->type)
		return (int)x->type - (int)y->type;
	if (x->articles != y->articles)
		return x->articles > y->articles ? -1 : 1;
	if (x->mentions != y->mentions)
		return x->mentions > y->mentions ? -1 : 1;
	return strcmp(entity_table_key(cmd_entities_table, ia), entity_table_key(cmd_entities_table, ib));
}

static void cmd_entities_corpus(const struct entity_table *t)
{
	uint32_t *order = xcalloc(t->n + 1, sizeof *order);
	for (size_t k = 0; k < t->n; k++)
		order[k] = (uint32_t)k;
	cmd_entities_table = t;
	xqsort(order, t->n, sizeof *order, cmd_entities_cmp);
	for (size_t k = 0; k < t->n; k++) {
		const struct corpus_entity *e = &t->items[order[k]];
		if (e->articles > 0 && e->type != ENTITY_MISC)
			cmd_entities_line(e->type, entity_table_name(t, order[k]), e->mentions, e->articles);
	}
	free(order);
}

static void cmd_entities_article(const struct entity_table *t, size_t pos)
{
	const struct article_entities *es = &t->per_article[pos];
	for (size_t k = 0; k < es->n; k++)
		if (es->v[k].type != ENTITY_MISC)
			cmd_entities_line(es->v[k].type, article_entity_name(t->corpus->items[pos], &es->v[k]),
					  es->v[k].nmentions,
					  t->items[es->v[k].id].articles);
}

static int cmd_entities_exec(const struct cli *cli)
{
	bool by_id = cmd_entities_first_is_id(cli), ambiguous;
	struct corpus_index x;
	struct corpus c;
	char *error = NULL;
	int rc = 0;

	if (ner_default(&error) == NULL) {
		fprintf(stderr, "qari: %s\n", error);
		return 1;
	}
	if (!cli_load_corpus(cli, by_id ? 1 : 0, &c)) {
		corpus_free(&c);
		ner_default_free();
		return 1;
	}
	cli_index_corpus(cli, &c, &x);
	if (by_id) {
		struct article *a = corpus_find(&c, cli->args[0], &ambiguous);
		size_t pos = 0;
		while (a && c.items[pos] != a)
			pos++;
		if (a)
			cmd_entities_article(&x.entities, pos);
		else {
			char *id = text_neutralize(cli->args[0]);
			fprintf(stderr, "qari: %s: %s\n", id, ambiguous ? "more than one article has this id prefix" : "no such article");
			free(id);
			rc = 1;
		}
	} else
		cmd_entities_corpus(&x.entities);
	corpus_index_free(&x);
	corpus_free(&c);
	ner_default_free();
	return rc;
}

const struct cmd_entry cmd_entities_entry = {
	.name = "entities",
	.usage = "[--no-cache] [ID] [PATH...]",
	.summary = "type<TAB>name<TAB>mentions<TAB>articles: the corpus's entities, or one article's",
	.exec = cmd_entities_exec,
	.options = CLI_OPT_NO_CACHE,
};
