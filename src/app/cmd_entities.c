/* cmd_entities.c - `qari entities [ID] [PATH...]`: the corpus's entities, or one article's,
 * as type<TAB>name<TAB>mentions<TAB>articles (mentions in that article when ID is given;
 * articles: across the corpus). Persons, places, organisations and dates.
 * No PATH and a store with articles: the store's, as tagged at ingest; articles and mentions
 * are what the store counts (store_entity_articles: persons, places and organisations of the
 * articles with related stories; a one-word person merged into the only longer name ending in
 * it, as memory merges them), "-" where it counts nothing (dates; mentions across it). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "qari/corpus_index.h"
#include "qari/entity.h"
#include "qari/store.h"
#include "qari/store_related.h"
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

/* A line whose counts may be unknown (SIZE_MAX: "-"). name: freed here. */
static void cmd_entities_store_line(enum entity_type type, char *name, size_t mentions,
				    size_t articles)
{
	char *safe = text_neutralize(name), m[32] = "-", n[32] = "-";
	if (mentions != SIZE_MAX)
		snprintf(m, sizeof m, "%zu", mentions);
	if (articles != SIZE_MAX)
		snprintf(n, sizeof n, "%zu", articles);
	printf("%s\t%s\t%s\t%s\n", entity_type_name(type), safe, m, n);
	free(safe);
	free(name);
}

/* The stored entities of the article in row (a: its text, for the names); tagged afresh, as
 * the reader does, when the store has none or they were packed by other rules. */
static int cmd_entities_store_article(struct store *s, int64_t row, struct article *a)
{
	struct corpus one = {.items = &a, .n = 1};
	struct store_entities e = {0};
	struct article_entities fresh = {0};
	const struct article_entities *es;

	store_entities_reload(s, &one, &row, 1, &e);
	if (e.n > 0 && e.have[0])
		es = &e.es[0];
	else {
		char *error = NULL;
		const struct ner_model *m = ner_default(&error);
		if (m == NULL) {
			fprintf(stderr, "qari: %s\n", error);
			store_entities_free(&e);
			return 1;
		}
		struct entity_scratch *x = entity_scratch_new();
		struct furniture stored;
		store_furniture_read(s, &stored); /* as the reader tags it at open */
		entity_scratch_use_furniture(x, &stored);
		entity_extract_with(m, a, x, &fresh);
		entity_scratch_free(x);
		furniture_free(&stored);
		ner_default_free();
		es = &fresh;
	}
	for (size_t k = 0; k < es->n; k++) {
		const struct article_entity *v = &es->v[k];
		size_t articles = SIZE_MAX;
		if (v->type == ENTITY_MISC)
			continue;
		if (!store_entity_articles(s, v->type, article_entity_key(es, v), &articles))
			articles = SIZE_MAX;
		cmd_entities_store_line(v->type, article_entity_name(a, v), v->nmentions, articles);
	}
	article_entities_free(&fresh);
	store_entities_free(&e);
	return 0;
}

/* No PATH: the store's entities, or one article's (id in any case, as corpus_find takes it). */
static int cmd_entities_store(const struct cli *cli, struct store *s, bool by_id)
{
	int rc = 0;

	if (by_id) {
		char *prefix = xstrdup(cli->args[0]);
		bool ambiguous = false;
		struct article *a = NULL;
		int64_t row;
		for (char *p = prefix; *p; p++)
			*p = (char)tolower((unsigned char)*p);
		row = *prefix ? store_related_row_of(s, prefix, &ambiguous) : 0;
		if (row > 0)
			a = store_load_article(s, row);
		rc = a ? cmd_entities_store_article(s, row, a)
		       : cli_no_article(cli->args[0], ambiguous);
		article_free(a);
		free(prefix);
	} else {
		struct store_entity_count *v;
		size_t n = store_entity_counts(s, &v);
		for (size_t i = 0; i < n; i++) {
			cmd_entities_store_line(v[i].type, v[i].name, SIZE_MAX, v[i].articles);
			v[i].name = NULL;
		}
		store_entity_counts_free(v, n);
	}
	store_close(s);
	return rc;
}

static int cmd_entities_exec(const struct cli *cli)
{
	bool by_id = cmd_entities_first_is_id(cli), ambiguous;
	struct corpus_index x;
	struct corpus c;
	struct store *s;
	char *error = NULL;
	int rc = 0;

	if ((s = cli_store_for_reading(cli, by_id ? 1 : 0)) != NULL)
		return cmd_entities_store(cli, s, by_id);
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
		else
			rc = cli_no_article(cli->args[0], ambiguous);
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
	.summary = "type<TAB>name<TAB>mentions<TAB>articles: the corpus's entities, or one "
		   "article's (no PATH: the store's, when it has any; - where it counts none)",
	.exec = cmd_entities_exec,
	.options = CLI_OPT_NO_CACHE,
};
