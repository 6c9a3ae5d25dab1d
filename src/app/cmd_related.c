/* cmd_related.c - `qari related [--method qari|tfidf] ID [PATH...]`: the stories related to
 * an article, best first, one line each: id<TAB>score<TAB>why<TAB>title<TAB>copies. why: the
 * words and entities that weighed most; copies: the ids of the story's other copies folded
 * into the line. The article's own copies under other URLs come first, with "same" for a
 * score. --method tfidf: the baseline qari is measured against (no why, no copies). Nothing
 * related: no line, and a message on stderr. No PATH and a store with articles: the lists the
 * store keeps (store_related.h), in the same lines. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "qari/corpus_index.h"
#include "qari/related.h"
#include "qari/store.h"
#include "qari/store_related.h"
#include "qari/text.h"
#include "qari/xalloc.h"

#define CMD_RELATED_MAX 20

static void cmd_related_line(const struct corpus *c, uint32_t article, const char *score,
			     const char *why, const uint32_t *copies, size_t ncopies)
{
	char *w = text_neutralize(why), *title = text_neutralize(c->items[article]->title);
	printf("%s\t%s\t%s\t%s\t", c->items[article]->id, score, w, title);
	for (size_t i = 0; i < ncopies; i++)
		printf("%s%s", i ? " " : "", c->items[copies[i]]->id);
	printf("\n");
	free(w);
	free(title);
}

/* Lines printed. */
static size_t cmd_related_qari(const struct related_index *x, size_t pos)
{
	const struct corpus *c = x->entities->corpus;
	struct related_link *links;
	uint32_t *own;
	size_t nown = related_copies(x, pos, &own), n = related_find(x, pos, CMD_RELATED_MAX, &links);
	char score[32];

	for (size_t i = 0; i < nown; i++)
		cmd_related_line(c, own[i], "same", "", NULL, 0);
	for (size_t k = 0; k < n; k++) {
		char *why = related_why(x, &links[k]);
		snprintf(score, sizeof score, "%.3f", links[k].score);
		cmd_related_line(c, links[k].article, score, why, links[k].copies, links[k].ncopies);
		free(why);
	}
	related_links_free(links, n);
	free(own);
	return nown + n;
}

static size_t cmd_related_tfidf(const struct corpus *c, const struct search_index *s, size_t pos)
{
	struct related_baseline b;
	struct related_link *links;
	size_t n;
	char score[32];

	related_baseline_build(&b, c, s);
	n = related_baseline_find(&b, pos, CMD_RELATED_MAX, &links);
	for (size_t k = 0; k < n; k++) {
		snprintf(score, sizeof score, "%.3f", links[k].score);
		cmd_related_line(c, links[k].article, score, "", NULL, 0);
	}
	related_links_free(links, n);
	related_baseline_free(&b);
	return n;
}

static void cmd_related_store_line(const struct store_related_link *l, const char *score)
{
	char *w = text_neutralize(l->why ? l->why : ""), *title = text_neutralize(l->title);
	printf("%s\t%s\t%s\t%s\t", l->id, score, w, title);
	for (size_t i = 0; i < l->ncopies; i++)
		printf("%s%s", i ? " " : "", l->copies[i]);
	printf("\n");
	free(w);
	free(title);
}

/* The lists kept in the store (store_related.h), as the in-memory ranking prints them. */
static int cmd_related_store(struct store *s, const char *id)
{
	struct store_related_list l;
	bool ambiguous = false;
	int64_t row = store_related_row_of(s, id, &ambiguous);
	char score[32];
	int rc = 0;

	if (row <= 0) {
		rc = cli_no_article(id, ambiguous);
	} else if (!store_related_get(s, row, CMD_RELATED_MAX, &l)) {
		fprintf(stderr, "qari: %s: its related stories are not in the store yet (qari import makes them)\n", id);
		rc = 1;
	} else {
		for (size_t i = 0; i < l.nsame; i++)
			cmd_related_store_line(&l.same[i], "same");
		for (size_t k = 0; k < l.n; k++) {
			snprintf(score, sizeof score, "%.3f", l.v[k].score);
			cmd_related_store_line(&l.v[k], score);
		}
		if (l.n + l.nsame == 0)
			fprintf(stderr, "qari: nothing related to %s\n", id);
		store_related_list_free(&l);
	}
	store_close(s);
	ner_default_free();
	return rc;
}

static int cmd_related_exec(const struct cli *cli)
{
	struct corpus_index x;
	struct corpus c;
	struct article *a;
	char *error = NULL;
	bool ambiguous, tfidf = cli->method && strcmp(cli->method, "tfidf") == 0;
	size_t pos = 0, n;

	if (cli->nargs < 1) {
		fprintf(stderr, "qari: related needs an article id (see qari list)\n");
		return 1;
	}
	if (cli->method && !tfidf && strcmp(cli->method, "qari") != 0) {
		fprintf(stderr, "qari: related --method takes qari or tfidf\n");
		return 1;
	}
	if (ner_default(&error) == NULL) {
		fprintf(stderr, "qari: %s\n", error);
		return 1;
	}
	if (!tfidf) {
		struct store *s = cli_store_for_reading(cli, 1);
		if (s)
			return cmd_related_store(s, cli->args[0]);
	}
	if (!cli_load_corpus(cli, 1, &c) || (a = corpus_find(&c, cli->args[0], &ambiguous)) == NULL) {
		if (c.n > 0)
			cli_no_article(cli->args[0], ambiguous);
		corpus_free(&c);
		ner_default_free();
		return 1;
	}
	while (c.items[pos] != a)
		pos++;
	cli_index_corpus(cli, &c, &x);
	n = tfidf ? cmd_related_tfidf(&c, &x.search, pos) : cmd_related_qari(&x.related, pos);
	if (n == 0)
		fprintf(stderr, "qari: nothing related to %s\n", a->id);
	corpus_index_free(&x);
	corpus_free(&c);
	ner_default_free();
	return 0;
}

const struct cmd_entry cmd_related_entry = {
	.name = "related",
	.usage = "[--method qari|tfidf] [--no-cache] ID [PATH...]",
	.summary = "id<TAB>score<TAB>why<TAB>title<TAB>copies of the stories related to ID (no "
		   "PATH: the store's lists, when it has articles)",
	.exec = cmd_related_exec,
	.options = CLI_OPT_METHOD | CLI_OPT_NO_CACHE,
	.methods = "qari|tfidf",
};
