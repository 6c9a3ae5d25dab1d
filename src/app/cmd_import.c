/* cmd_import.c - `qari import PATH...`: articles from files, folders and archives into the
 * store, tagged on the way in, in transactions of 2,048 articles (a kill loses at most the one
 * being written); then the related stories of articles a store of schema 2 had
 * (store_related_rebuild). */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "cli.h"
#include "qari/corpus.h"
#include "qari/ner.h"
#include "qari/store.h"
#include "qari/store_related.h"
#include "qari/text.h"

/* A store message, made safe for the terminal. */
void cli_print_error(const char *what, const char *message)
{
	char *m = text_neutralize(message ? message : "error");
	fprintf(stderr, "qari: %s%s%s\n", what ? what : "", what ? ": " : "", m);
	free(m);
}

/* The store with its tagger, for subcommands that add articles. NULL after a message. */
struct store *cli_open_store(bool tag)
{
	char *error = NULL;
	struct store *s = store_open(NULL, &error);
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);

	if (s == NULL) {
		cli_print_error(NULL, error);
		free(error);
		return NULL;
	}
	if (tag) {
		const struct ner_model *m = ner_default(&error);
		if (m == NULL)
			cli_print_error("entities not tagged", error);
		store_set_tagger(s, m, cpus > 0 ? (int)cpus : 1);
	}
	return s;
}

/* The related stories of articles stored before the store kept them (a store of schema 2),
 * a batch a transaction: an import stopped halfway resumes there. */
static bool cmd_import_rebuild(struct store *s)
{
	char *error = NULL;
	long n, total = 0;

	while ((n = store_related_rebuild(s, STORE_IMPORT_BATCH, &error)) > 0)
		total += n;
	if (n < 0) {
		cli_print_error(NULL, error);
		free(error);
		return false;
	}
	if (total > 0)
		printf("%ld articles given their related stories\n", total);
	return true;
}

static int cmd_import_exec(const struct cli *cli)
{
	struct corpus c;
	struct store *s;
	struct store_ingest r = {0};
	char *error = NULL;
	bool ok = true;

	if (cli->nargs == 0) {
		fprintf(stderr, "qari: import needs a file or folder\n");
		return 1;
	}
	if (!cli_load_corpus_paths(cli->args, cli->nargs, &c)) {
		corpus_free(&c);
		return 1;
	}
	if ((s = cli_open_store(true)) == NULL) {
		corpus_free(&c);
		return 1;
	}
	if (!(ok = store_import(s, 0, &c, STORE_IMPORT_BATCH, &r, &error))) {
		cli_print_error(NULL, error);
		free(error);
	}
	printf("%zu added, %zu updated, %zu unchanged\n", r.added, r.updated, r.unchanged);
	if (ok)
		ok = cmd_import_rebuild(s);
	store_close(s);
	corpus_free(&c);
	return ok ? 0 : 1;
}

const struct cmd_entry cmd_import_entry = {
	.name = "import",
	.usage = "PATH...",
	.summary = "copy articles from files, folders and archives into the store (tagged once)",
	.exec = cmd_import_exec,
};
