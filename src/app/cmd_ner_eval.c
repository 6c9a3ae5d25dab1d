/* cmd_ner_eval.c - `qari ner-eval FILE`: precision, recall and F1 of the bundled tagger
 * against the gold tags of a "token TAG" file, CoNLL entity level (exact span and type). */
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "qari/ner.h"

void cmd_ner_eval_print(FILE *f, const struct ner_score *s)
{
	static const int types[] = {NER_PERS, NER_LOC, NER_ORG, NER_MISC, NER_NONE};
	fprintf(f, "type\tprecision\trecall\tf1\tgold\tpredicted\tcorrect\n");
	for (size_t i = 0; i < sizeof types / sizeof *types; i++) {
		int t = types[i];
		double p, r, f1;
		ner_score_prf(s, t, &p, &r, &f1);
		fprintf(f, "%s\t%.2f\t%.2f\t%.2f\t%zu\t%zu\t%zu\n", t ? ner_type_name(t) : "overall",
			p, r, f1, s->gold[t], s->pred[t], s->correct[t]);
	}
}

static int cmd_ner_eval_exec(const struct cli *cli)
{
	const struct ner_model *m;
	struct ner_data d;
	struct ner_score s = {0};
	char *error = NULL;

	if (cli->nargs != 1) {
		fprintf(stderr, "qari: usage: qari ner-eval FILE\n");
		return 1;
	}
	if ((m = ner_default(&error)) == NULL) {
		fprintf(stderr, "qari: %s\n", error);
		return 1;
	}
	if (!ner_data_read(cli->args[0], &d, &error)) {
		fprintf(stderr, "qari: %s\n", error);
		free(error);
		ner_default_free();
		return 1;
	}
	ner_evaluate(m, &d, 0, d.nsents, &s);
	cmd_ner_eval_print(stdout, &s);
	ner_data_free(&d);
	ner_default_free();
	return 0;
}

const struct cmd_entry cmd_ner_eval_entry = {
	.name = "ner-eval",
	.usage = "FILE",
	.summary = "precision, recall, F1 per type and overall against FILE's gold tags",
	.exec = cmd_ner_eval_exec,
};
