/* test_ner.c - the tagger on fixed sentences, the date rules, the tagger's word cache, reading
 * tagged text and determinism of training (on a slice of ANERcorp in tests/data), the model's
 * load time; with --shared, entity-level F1 of the bundled model on the development split of
 * ANERcorp. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "qari/corpus.h"
#include "qari/ner.h"
#include "qari/ner_train.h"
#include "qari/xalloc.h"
#include "../../src/model/ner/ner_model.h"

#define NER_F1_FLOOR 74.0 /* the bundled model (two passes) reaches 74.17 on this split */

/* Tags of a paragraph as "word/TAG word/TAG ..." (original words). */
static char *tagged(const struct ner_model *m, const char *text)
{
	struct ner_para p = {0};
	struct strbuf sb = {0};
	ner_para_tag(m, text, strlen(text), &p);
	for (size_t i = 0; i < p.n; i++) {
		size_t ob, oe;
		norm_text_orig_span(&p.norm, p.toks[i].beg, p.toks[i].end, &ob, &oe);
		while (oe > ob && text[oe - 1] == ' ')
			oe--;
		strbuf_printf(&sb, "%s%.*s/%s", i ? " " : "", (int)(oe - ob), text + ob, ner_tag_name(p.tags[i]));
	}
	ner_para_free(&p);
	return strbuf_take(&sb);
}

#define CHECK_TAGGED(m, text, expected)           \
	do {                                      \
		char *got_ = tagged(m, text);     \
		CHECK_STR(got_, expected);        \
		free(got_);                       \
	} while (0)

static void test_sentences(const struct ner_model *m)
{
	CHECK_TAGGED(m, "وقال الرئيس الروسي فلاديمير بوتن في موسكو.",
		     "وقال/O الرئيس/O الروسي/O فلاديمير/B-PERS بوتن/I-PERS في/O موسكو/B-LOC ./O");
	CHECK_TAGGED(m, "والتقى وزير الخارجية سيرغي لافروف نظيره في واشنطن",
		     "والتقى/O وزير/O الخارجية/O سيرغي/B-PERS لافروف/I-PERS نظيره/O في/O واشنطن/B-LOC");
	CHECK_TAGGED(m, "أعلنت الأمم المتحدة",
		     "أعلنت/O الأمم/B-ORG المتحدة/I-ORG");
}

/* An article is one document: a text alone in it is tagged as ner_para_tag tags it, and
 * every text of it gets its tags. */
static void test_doc(const struct ner_model *m)
{
	const char *texts[] = {"بوتن في موسكو", "وقال الرئيس الروسي فلاديمير بوتن في موسكو. ثم عاد بوتن."};
	struct ner_doc d = {0};
	struct ner_para p = {0};

	ner_doc_tag(m, texts + 1, 1, &d);
	ner_para_tag(m, texts[1], strlen(texts[1]), &p);
	CHECK(d.n == 1 && d.paras[0].n == p.n && memcmp(d.paras[0].tags, p.tags, p.n) == 0);
	ner_doc_tag(m, texts, 2, &d);
	CHECK(d.n == 2 && d.paras[0].n == 3 && d.paras[1].n == p.n);
	CHECK_INT(d.paras[1].tags[3], 1); /* فلاديمير: B-PERS */
	CHECK_INT(d.paras[0].tags[2], 3); /* موسكو: B-LOC */
	ner_doc_free(&d);
	ner_para_free(&p);
}

/* A paragraph of n made-up words of three letters, a sentence every 20. */
static char *made_up_words(size_t n)
{
	static const char letters[] = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"; /* two bytes a letter */
	struct strbuf sb = {0};
	size_t nl = (sizeof letters - 1) / 2, k = 0;

	for (size_t a = 0; a < nl; a++)
		for (size_t b = 0; b < nl; b++)
			for (size_t c = 0; c < nl && k < n; c++, k++)
				strbuf_printf(&sb, "%.2s%.2s%.2s%s", letters + 2 * a, letters + 2 * b,
					      letters + 2 * c, k % 20 == 19 ? ". " : " ");
	return strbuf_take(&sb);
}

/* The per-word sums the tagger caches are those of the word, whoever had its slot before:
 * text tagged again after 20,000 other words (more than the cache holds) gets the same tags.
 * Run first, so that the fixed sentences below find the cache full of those words. */
static void test_word_cache(const struct ner_model *m)
{
	char *path = check_data_path("anercorp/train-head.conll"), *error = NULL;
	char *others = made_up_words(20000);
	struct ner_data d;
	uint8_t *before, *after;
	size_t names = 0;

	REQUIRE(ner_data_read(path, &d, &error));
	before = xcalloc(d.n + 1, 1);
	after = xcalloc(d.n + 1, 1);
	free(tagged(m, others));
	ner_data_tag(m, &d, before);
	free(tagged(m, others));
	ner_data_tag(m, &d, after);
	CHECK(memcmp(before, after, d.n) == 0);
	for (size_t i = 0; i < d.n; i++)
		names += before[i] != 0;
	CHECK(names >= 100);
	free(before);
	free(after);
	free(others);
	ner_data_free(&d);
	free(path);
}

static void test_dates(const struct ner_model *m)
{
	CHECK_TAGGED(m, "في 12 فبراير/شباط 2025",
		     "في/O 12/B-DATE فبراير/I-DATE //I-DATE شباط/I-DATE 2025/I-DATE");
	CHECK_TAGGED(m, "أكدت اليوم الثلاثاء", "أكدت/O اليوم/O الثلاثاء/B-DATE");
	CHECK_TAGGED(m, "يوم الأحد", "يوم/B-DATE الأحد/I-DATE");
	CHECK_TAGGED(m, "منذ عام 2016 وفي 2022", "منذ/O عام/B-DATE 2016/I-DATE وفي/O 2022/B-DATE");
	CHECK_TAGGED(m, "نشر في 2025-02-18", "نشر/O في/O 2025/B-DATE -/I-DATE 02/I-DATE -/I-DATE 18/I-DATE");
	CHECK_TAGGED(m, "في 3 كانون الثاني", "في/O 3/B-DATE كانون/I-DATE الثاني/I-DATE");
	/* a month that is also a verb counts only next to a number; small numbers are not years */
	CHECK_TAGGED(m, "مارس الضغط على 150 شخصا", "مارس/O الضغط/O على/O 150/O شخصا/O");
	CHECK_TAGGED(m, "في 5 مارس", "في/O 5/B-DATE مارس/I-DATE");
}

static void test_scoring(void)
{
	/* gold: PERS(0-2) O LOC(3); predicted: PERS(0-1) O LOC(3): one of two correct */
	uint8_t gold[] = {1, 2, 0, 3}, pred[] = {1, 0, 0, 3};
	struct ner_score s = {0};
	double p, r, f;
	ner_score_add(&s, gold, pred, 4);
	ner_score_prf(&s, NER_NONE, &p, &r, &f);
	CHECK_INT(s.gold[NER_NONE], 2);
	CHECK_INT(s.pred[NER_NONE], 2);
	CHECK_INT(s.correct[NER_NONE], 1);
	CHECK_INT(s.correct[NER_LOC], 1);
	CHECK(f > 49.9 && f < 50.1);
}

static double elapsed_ms(const struct timespec *a)
{
	struct timespec b;
	clock_gettime(CLOCK_MONOTONIC, &b);
	return (double)(b.tv_sec - a->tv_sec) * 1e3 + (double)(b.tv_nsec - a->tv_nsec) / 1e6;
}

/* The lines of a tagged file that hold a token: those with something besides blanks. */
static size_t token_lines(const char *path)
{
	FILE *f = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0, n = 0;

	REQUIRE(f != NULL);
	while (getline(&line, &cap, f) >= 0)
		n += line[strspn(line, " \t\r\n")] != '\0';
	free(line);
	fclose(f);
	return n;
}

/* One token a line; a sentence ends at its full stop (the slice's last line is one). */
static void test_data_read(void)
{
	char *path = check_data_path("anercorp/train-head.conll"), *error = NULL;
	struct ner_data d;

	REQUIRE(ner_data_read(path, &d, &error));
	CHECK_INT(d.n, token_lines(path));
	CHECK(d.nsents >= 200);
	CHECK_INT(d.sents[d.nsents], d.n);
	ner_data_free(&d);
	free(path);
}

static void test_dev_f1(const struct ner_model *m)
{
	char *path = check_shared_path("ner/anercorp-train.txt"), *error = NULL;
	struct ner_data d;
	struct ner_score s = {0};
	double p, r, f, dev;
	size_t cut;

	REQUIRE(ner_data_read(path, &d, &error));
	CHECK_INT(d.n, token_lines(path));
	cut = ner_data_split(&d, 0.1);
	dev = (double)(d.n - d.sents[cut]) / (double)d.n;
	CHECK(dev >= 0.09 && dev <= 0.11); /* a tenth, cut at a sentence end */
	ner_evaluate(m, &d, cut, d.nsents, &s);
	ner_score_prf(&s, NER_NONE, &p, &r, &f);
	printf("dev split: %zu tokens, F1 %.2f (P %.2f R %.2f)\n", d.n - d.sents[cut], f, p, r);
	CHECK(f >= NER_F1_FLOOR);
	ner_data_free(&d);
	free(path);
}

/* Two files the same, byte for byte (and not tiny). */
static bool same_files(const char *f1, const char *f2)
{
	FILE *a = fopen(f1, "rb"), *b = fopen(f2, "rb");
	int ca, cb, same = 1;
	long n = 0;

	if (a == NULL || b == NULL)
		return false;
	do {
		ca = fgetc(a), cb = fgetc(b), n++;
		same &= ca == cb;
	} while (ca != EOF && cb != EOF);
	fclose(a);
	fclose(b);
	return same && n > 1000;
}

/* Same data, same seed: the same model file, byte for byte, by either method (the CRF sums
 * its gradient on threads). */
static void test_deterministic(enum ner_train_method method)
{
	char *path = check_data_path("anercorp/train-head.conll"), *dir = corpus_asset_path("ner");
	char *error = NULL, f1[] = "/tmp/qari-ner-a-XXXXXX", f2[] = "/tmp/qari-ner-b-XXXXXX";
	struct ner_train_opts o = {.method = method, .c2 = 0.1, .max_iter = 40, .epochs = 2,
				   .seed = 7, .min_count = 1, .margin = 15, .miss_cost = 3,
				   .window = method == NER_TRAIN_CRF ? 0 : 5}; /* the CRF: one pass, quicker */
	struct ner_lexicon *lex = ner_lexicon_load(dir, &error);
	struct ner_data d;
	int fd1 = mkstemp(f1), fd2 = mkstemp(f2);

	REQUIRE(lex != NULL && fd1 >= 0 && fd2 >= 0 && ner_data_read(path, &d, &error));
	REQUIRE(d.nsents >= 200);
	d.nsents = 200; /* a small slice keeps the test quick */
	for (int k = 0; k < 2; k++) {
		struct ner_model *m = ner_train(&d, d.nsents, NULL, lex, &o);
		CHECK(ner_model_save(m, k ? f2 : f1, &error));
		ner_model_free(m);
	}
	CHECK(same_files(f1, f2));
	unlink(f1);
	unlink(f2);
	close(fd1);
	close(fd2);
	ner_data_free(&d);
	ner_lexicon_free(lex);
	free(path);
	free(dir);
}

/* Feature key's weight for tag t in a trained model, 0 when it has none. */
static float weight_of(const struct ner_model *m, uint32_t key, int t)
{
	uint32_t row = ner_keymap_get(&m->map, key);
	return row == UINT32_MAX ? 0 : m->w[(size_t)row * NER_NTAGS + (size_t)t];
}

/* Every feature of a, b and their average: the average's weights are the mean of theirs. */
static size_t check_mean_of(const struct ner_model *avg, const struct ner_model *a,
			    const struct ner_model *b)
{
	const struct ner_model *ms[] = {a, b, avg};
	size_t off = 0;
	for (int k = 0; k < 3; k++)
		for (size_t i = 0; i < ms[k]->map.nslots; i++) {
			uint32_t key = ms[k]->map.keys[i];
			if (ms[k]->map.vals[i] == 0)
				continue;
			for (int t = 0; t < NER_NTAGS; t++) {
				float want = (weight_of(a, key, t) + weight_of(b, key, t)) / 2;
				off += fabsf(weight_of(avg, key, t) - want) > 1e-4f * fmaxf(1, fabsf(want));
			}
		}
	return off;
}

/* Features of m whose weights all lie within ±limit. */
static size_t count_within(const struct ner_model *m, float limit)
{
	size_t n = 0;
	for (size_t i = 0; i < m->map.nslots; i++) {
		float most = 0;
		if (m->map.vals[i] == 0)
			continue;
		for (int t = 0; t < NER_NTAGS; t++)
			most = fmaxf(most, fabsf(weight_of(m, m->map.keys[i], t)));
		n += most <= limit;
	}
	return n;
}

/* Two shuffles averaged: the weights are the mean of two one-shuffle models' (the first on
 * the seed, the second on the next seed of the series), over the union of their features;
 * keep_above leaves out the features whose weights all stay within it. */
static void test_shuffles(void)
{
	char *path = check_data_path("anercorp/train-head.conll"), *dir = corpus_asset_path("ner");
	char *error = NULL;
	struct ner_train_opts o = {.epochs = 2, .seed = 7, .min_count = 1, .margin = 15, .miss_cost = 3};
	struct ner_lexicon *lex = ner_lexicon_load(dir, &error);
	struct ner_model *one, *next, *avg, *kept;
	struct ner_data d;

	REQUIRE(lex != NULL && ner_data_read(path, &d, &error));
	REQUIRE(d.nsents >= 200);
	d.nsents = 200;
	one = ner_train(&d, d.nsents, NULL, lex, &o);
	o.seed = 7 + NER_TRAIN_SEED_STEP;
	next = ner_train(&d, d.nsents, NULL, lex, &o);
	o.seed = 7, o.shuffles = 2;
	avg = ner_train(&d, d.nsents, NULL, lex, &o);
	o.keep_above = 0.5f;
	kept = ner_train(&d, d.nsents, NULL, lex, &o);
	printf("features: %u and %u, averaged %u, beyond ±0.5 %u\n", one->nfeat, next->nfeat,
	       avg->nfeat, kept->nfeat);
	CHECK(avg->nfeat > one->nfeat && avg->nfeat > next->nfeat);
	CHECK_INT(check_mean_of(avg, one, next), 0);
	CHECK(kept->nfeat > 0 && kept->nfeat < avg->nfeat);
	CHECK_INT(count_within(kept, 0.5f), 0);
	ner_model_free(one);
	ner_model_free(next);
	ner_model_free(avg);
	ner_model_free(kept);
	ner_data_free(&d);
	ner_lexicon_free(lex);
	free(path);
	free(dir);
}

int main(int argc, char **argv)
{
	struct timespec t0;
	char *error = NULL;
	const struct ner_model *m;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	m = ner_default(&error);
	printf("model and lexicon load: %.1f ms\n", elapsed_ms(&t0));
	CHECK(m != NULL);
	if (m == NULL)
		return check_done();
	if (check_shared_run(argc, argv)) {
		test_dev_f1(m);
		ner_default_free();
		return check_done();
	}
	test_word_cache(m);
	test_sentences(m);
	test_dates(m);
	test_doc(m);
	test_scoring();
	test_data_read();
	test_deterministic(NER_TRAIN_PERCEPTRON);
	test_shuffles();
	test_deterministic(NER_TRAIN_CRF);
	ner_default_free();
	return check_done();
}
