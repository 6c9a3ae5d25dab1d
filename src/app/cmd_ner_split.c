/* cmd_ner_split.c - `qari ner-split FILE TRAIN DEV`: cut a "token TAG" file into a training
 * part and a development part, the last ~10% of the tokens cut at a sentence end. The unit
 * test of the tagger cuts the same way (ner_data_split), so the bundled model never saw what
 * it is scored on. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd_training.h"
#include "cli.h"
#include "qari/ner.h"
#include "qari/ner_train.h"

#define CMD_NER_SPLIT_DEV 0.1

/* Sentences [from, to) as token TAG lines, a blank line after each sentence. */
static bool cmd_ner_split_write(const struct ner_data *d, size_t from, size_t to, const char *path)
{
	FILE *f = fopen(path, "w");
	if (f == NULL) {
		fprintf(stderr, "qari: %s: %s\n", path, strerror(errno));
		return false;
	}
	for (size_t k = from; k < to; k++) {
		for (size_t i = d->sents[k]; i < d->sents[k + 1]; i++)
			fprintf(f, "%s %s\n", d->orig.data + d->orig_off[i], ner_tag_name(d->gold[i]));
		fputc('\n', f);
	}
	return fclose(f) == 0;
}

static int cmd_ner_split_exec(const struct cli *cli)
{
	struct ner_data d;
	char *error = NULL;
	size_t cut;
	int rc = 0;

	if (cli->nargs != 3) {
		fprintf(stderr, "qari: usage: qari ner-split FILE TRAIN DEV\n");
		return 1;
	}
	if (!ner_data_read(cli->args[0], &d, &error)) {
		fprintf(stderr, "qari: %s\n", error);
		free(error);
		ner_data_free(&d);
		return 1;
	}
	cut = ner_data_split(&d, CMD_NER_SPLIT_DEV);
	if (!cmd_ner_split_write(&d, 0, cut, cli->args[1]) ||
	    !cmd_ner_split_write(&d, cut, d.nsents, cli->args[2]))
		rc = 1;
	fprintf(stderr, "train: sentences 0-%zu (%zu tokens); dev: sentences %zu-%zu (%zu tokens)\n",
		cut, d.sents[cut], cut, d.nsents, d.n - d.sents[cut]);
	ner_data_free(&d);
	return rc;
}

const struct cmd_entry cmd_ner_split_entry = CMD_NER_SPLIT_ENTRY(cmd_ner_split_exec);
