/* test_ner_clusters.c - qari ner-clusters on a made-up text: every word seen often enough is
 * listed once, most frequent first, in matching form without proclitics; words used alike
 * share their clusters; each level groups the level below's clusters; the file loads. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "qari/corpus.h"
#include "qari/ner.h"
#include "qari/ner_train.h"
#include "qari/xalloc.h"
#include "../../src/model/ner/ner_private.h"

static const char *const names[] = {"سمير", "عمر", "حسن", "نادر"};
static const char *const cities[] = {"دمشق", "تونس", "صنعاء", "عمان"};
#define NNAMES (sizeof names / sizeof *names)

/* Names only between قال and اليوم, cities only between في and أمس (matching form: امس), each
 * as often as the others of its kind; the cities once more behind و, which comes off. */
static void write_text(FILE *f)
{
	for (int r = 0; r < 6; r++)
		for (size_t k = 0; k < NNAMES; k++)
			fprintf(f, "قال %s اليوم.\nفي %s أمس.\nفي و%s أمس.\n\n", names[k], cities[k],
				cities[k]);
}

struct row {
	char word[64];
	unsigned c[NER_CLUSTER_LEVELS];
};

/* The rows of the file; -1 when one is malformed. */
static int read_rows(const char *path, struct row *rows, int max)
{
	FILE *f = fopen(path, "r");
	char line[256];
	int n = 0;

	if (f == NULL)
		return -1;
	while (fgets(line, sizeof line, f))
		if (line[0] != '#' && n < max) {
			struct row *r = &rows[n++];
			if (sscanf(line, "%63[^\t]\t%u\t%u\t%u\t%u", r->word, &r->c[0], &r->c[1], &r->c[2],
				   &r->c[3]) != 1 + NER_CLUSTER_LEVELS)
				n = -1000;
		}
	fclose(f);
	return n < 0 ? -1 : n;
}

static const struct row *find(const struct row *rows, int n, const char *w)
{
	for (int i = 0; i < n; i++)
		if (strcmp(rows[i].word, w) == 0)
			return &rows[i];
	return NULL;
}

int main(void)
{
	char dir[] = "/tmp/qari-test-ner-clusters-XXXXXX", *in, *out, *assets, *error = NULL;
	struct ner_clusters_opts o = {
		.min_count = 5, .contexts = 50, .window = 1, .levels = {4, 3, 2, 1}, .max_iter = 20,
		.seed = 7,
	};
	struct row rows[32];
	FILE *f;
	int n;

	CHECK(mkdtemp(dir) != NULL);
	in = xasprintf("%s/text.txt", dir);
	out = xasprintf("%s/clusters.txt", dir);
	CHECK((f = fopen(in, "w")) != NULL);
	if (f == NULL)
		return check_done();
	write_text(f);
	CHECK(fclose(f) == 0);
	CHECK(ner_clusters_build(&in, 1, &o, out, &error));
	CHECK(error == NULL);
	n = read_rows(out, rows, 32);
	/* في امس (48 times), قال اليوم (24), the 4 cities (12 each) and the 4 names (6) */
	CHECK_INT(n, 12);
	CHECK(n > 0 && find(rows, n, "امس") != NULL && find(rows, n, "أمس") == NULL);
	CHECK(n > 0 && find(rows, n, "ودمشق") == NULL);
	CHECK(n > 0 && strcmp(rows[n - 1].word, names[NNAMES - 1]) == 0); /* the rarest, last seen */
	for (size_t k = 0; n > 0 && k < NNAMES; k++) {
		const struct row *a = find(rows, n, names[k]), *b = find(rows, n, names[0]);
		const struct row *c = find(rows, n, cities[k]), *d = find(rows, n, cities[0]);
		CHECK(a && b && c && d);
		if (!(a && b && c && d))
			break;
		CHECK(memcmp(a->c, b->c, sizeof a->c) == 0);
		CHECK(memcmp(c->c, d->c, sizeof c->c) == 0);
		CHECK(a->c[0] != c->c[0]); /* no context in common (and with seed 7 the first
					      centres include a name and a city) */
	}
	for (int i = 0; i < n; i++) /* a level groups whole clusters of the level below */
		for (int j = 0; j < n; j++)
			for (int l = 1; l < NER_CLUSTER_LEVELS; l++)
				if (rows[i].c[l - 1] == rows[j].c[l - 1])
					CHECK(rows[i].c[l] == rows[j].c[l]);
	assets = corpus_asset_path("ner");
	struct ner_lexicon *lex = ner_lexicon_load(assets, &error);
	CHECK(lex != NULL && ner_lexicon_load_clusters(lex, out));
	if (lex && n > 0) {
		uint16_t cl[NER_CLUSTER_LEVELS];
		const char *w = rows[0].word;
		ner_lexicon_clusters(lex, ner_word_key(strtab_hash(STRTAB_HASH_INIT, w, strlen(w))), cl);
		for (int l = 0; l < NER_CLUSTER_LEVELS; l++)
			CHECK_INT(cl[l], rows[0].c[l] + 1);
	}
	ner_lexicon_free(lex);
	remove(in);
	remove(out);
	rmdir(dir);
	free(in);
	free(out);
	free(assets);
	return check_done();
}
