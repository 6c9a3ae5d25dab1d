/* cmd_tag.c - `qari tag [--conll] [FILE|-]`: the entity tags of each token.
 *
 * --conll: one token per line (first field), a blank line ends a sentence; prints
 * token<TAB>tag (PERS LOC ORG MISC), blank lines kept; the file is one text (the second
 * pass sees the nearby sentences, as ner-eval does). Without it: running text, one
 * paragraph per line, each tagged on its own, tokenised by qari, dates included. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "qari/ner.h"
#include "qari/text.h"
#include "qari/xalloc.h"

static int cmd_tag_conll(const struct ner_model *m, const char *path)
{
	struct ner_data d;
	uint8_t *tags;
	char *error = NULL;

	if (!ner_data_read(path, &d, &error)) {
		fprintf(stderr, "qari: %s\n", error);
		free(error);
		ner_data_free(&d);
		return 1;
	}
	tags = xcalloc(d.n + 1, 1);
	ner_data_tag(m, &d, tags);
	for (size_t i = 0; i < d.n; i++) {
		printf("%s\t%s\n", d.orig.data + d.orig_off[i], ner_tag_name(tags[i]));
		if (d.blank[i])
			putchar('\n');
	}
	free(tags);
	ner_data_free(&d);
	return 0;
}

static void cmd_tag_para(const struct ner_model *m, const char *line, size_t n, struct ner_para *p)
{
	ner_para_tag(m, line, n, p);
	for (size_t i = 0; i < p->n; i++) {
		size_t ob, oe;
		norm_text_orig_span(&p->norm, p->toks[i].beg, p->toks[i].end, &ob, &oe);
		char *tok = xstrndup(line + ob, oe - ob), *safe = text_neutralize(tok);
		printf("%s\t%s\n", safe, ner_tag_name(p->tags[i]));
		free(tok);
		free(safe);
	}
	putchar('\n');
}

static int cmd_tag_text(const struct ner_model *m, const char *path)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
	struct ner_para p = {0};
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;

	if (f == NULL) {
		perror(path);
		return 1;
	}
	while ((n = getline(&line, &cap, f)) >= 0)
		cmd_tag_para(m, line, (size_t)n, &p);
	free(line);
	ner_para_free(&p);
	if (f != stdin)
		fclose(f);
	return 0;
}

static int cmd_tag_exec(const struct cli *cli)
{
	const struct ner_model *m;
	char *error = NULL;
	int rc;

	if (cli->nargs > 1) {
		fprintf(stderr, "qari: usage: qari tag [--conll] [FILE|-]\n");
		return 1;
	}
	if ((m = ner_default(&error)) == NULL) {
		fprintf(stderr, "qari: %s\n", error);
		return 1;
	}
	const char *path = cli->nargs ? cli->args[0] : "-";
	rc = cli->conll ? cmd_tag_conll(m, path) : cmd_tag_text(m, path);
	ner_default_free();
	return rc;
}

const struct cmd_entry cmd_tag_entry = {
	.name = "tag",
	.usage = "[--conll] [FILE|-]",
	.summary = "token<TAB>BIO tag per token (--conll: one token per line in)",
	.exec = cmd_tag_exec,
	.options = CLI_OPT_CONLL,
};
