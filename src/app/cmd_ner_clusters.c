/* cmd_ner_clusters.c - `qari ner-clusters PATH... -o OUT`: word clusters for the entity
 * tagger from unlabelled text (files, or folders of files read in name order), written as
 * assets/ner/clusters.txt expects them. assets/ner/README says what they were made from. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cmd_training.h"
#include "cli.h"
#include "qari/ner.h"
#include "qari/ner_train.h"
#include "qari/xalloc.h"

/* Chosen on the dev split (assets/ner/README): words seen 5 times or more (10: fewer names
 * have a cluster), the word right before and after (±2 did no better) */
#define CMD_NER_CLUSTERS_MIN_COUNT 5
#define CMD_NER_CLUSTERS_CONTEXTS 2000
#define CMD_NER_CLUSTERS_WINDOW 1
#define CMD_NER_CLUSTERS_ROUNDS 30
#define CMD_NER_CLUSTERS_SEED 20250218

static int cmd_ner_clusters_name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The files of PATH: itself, or the regular files directly in it, sorted by name. */
static void cmd_ner_clusters_add(const char *path, char ***files, size_t *n, size_t *cap)
{
	struct stat st;
	DIR *d;
	struct dirent *e;
	size_t first = *n;

	if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode) || (d = opendir(path)) == NULL) {
		xgrow(files, cap, *n + 1, sizeof **files);
		(*files)[(*n)++] = xstrdup(path);
		return;
	}
	while ((e = readdir(d)) != NULL) {
		char *p = xasprintf("%s/%s", path, e->d_name);
		if (e->d_name[0] != '.' && stat(p, &st) == 0 && S_ISREG(st.st_mode)) {
			xgrow(files, cap, *n + 1, sizeof **files);
			(*files)[(*n)++] = p;
		} else {
			free(p);
		}
	}
	closedir(d);
	xqsort(*files + first, *n - first, sizeof **files, cmd_ner_clusters_name_cmp);
}

static int cmd_ner_clusters_exec(const struct cli *cli)
{
	const struct train_options *t = cli->extra;
	struct ner_clusters_opts o = {
		.min_count = CMD_NER_CLUSTERS_MIN_COUNT,
		.contexts = CMD_NER_CLUSTERS_CONTEXTS,
		.window = CMD_NER_CLUSTERS_WINDOW,
		.levels = {1024, 256, 64, 16}, /* NER_CLUSTER_LEVELS */
		.max_iter = CMD_NER_CLUSTERS_ROUNDS,
		.seed = t->seed ? t->seed : CMD_NER_CLUSTERS_SEED,
		.verbose = true,
	};
	char **files = NULL, *error = NULL;
	size_t n = 0, cap = 0;
	int rc = 0;

	if (cli->nargs == 0 || t->output == NULL) {
		fprintf(stderr, "qari: usage: qari ner-clusters PATH... -o OUT\n");
		return 1;
	}
	for (size_t i = 0; i < cli->nargs; i++)
		cmd_ner_clusters_add(cli->args[i], &files, &n, &cap);
	fprintf(stderr, "%zu files\n", n);
	if (!ner_clusters_build(files, n, &o, t->output, &error)) {
		fprintf(stderr, "qari: %s\n", error);
		free(error);
		rc = 1;
	}
	for (size_t i = 0; i < n; i++)
		free(files[i]);
	free(files);
	return rc;
}

const struct cmd_entry cmd_ner_clusters_entry = CMD_NER_CLUSTERS_ENTRY(cmd_ner_clusters_exec);
