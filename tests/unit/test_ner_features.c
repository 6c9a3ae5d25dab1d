/* test_ner_features.c - the parts of a token's features (ner_features_part): together exactly
 * ner_features(), and each part but the rest decided by one word alone (or the sentence's
 * edge), as the tagger's sums per word and offset assume; the word clusters loaded and seen. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "qari/corpus.h"
#include "qari/ner.h"
#include "qari/xalloc.h"
#include "../../src/model/ner/ner_model.h"

/* Words that come again at the same offset from other words, sentences of one word. */
static const char *const texts[] = {
	"وقال الرئيس الروسي فلاديمير بوتن في موسكو.",
	"وأضاف الرئيس الروسي أن موسكو لن تقبل ذلك.",
	"التقى وزير الخارجية السعودي عادل الجبير نظيره الأمريكي جون كيري في فيينا.",
	"وقال وزير الخارجية إن Apple أعلنت عن 3 منتجات في 2015!",
	"موسكو",
	".",
};
#define NTEXTS (sizeof texts / sizeof *texts)

/* The parts a word decides, and its offset from the token whose features they are. */
static const struct {
	unsigned part;
	int d;
} word_parts[] = {
	{NER_PART_WORD, 0}, {NER_PART_AS_M2, -2}, {NER_PART_AS_M1, -1},
	{NER_PART_AS_P1, 1}, {NER_PART_AS_P2, 2},
};
#define NPARTS (sizeof word_parts / sizeof *word_parts)

struct sent {
	struct norm_text norm;
	struct norm_token *toks;
	size_t n, cap;
	struct ner_sentence s;
	struct ner_tokinfo *info;
};

static void sent_make(const struct ner_model *m, const char *text, struct sent *t)
{
	memset(t, 0, sizeof *t);
	norm_text_set(&t->norm, text, strlen(text), false);
	norm_tokenize(t->norm.s, t->norm.len, &t->toks, &t->n, &t->cap);
	t->s = (struct ner_sentence){t->norm.s, t->toks, t->n};
	t->info = calloc(t->n + 1, sizeof *t->info);
	ner_features_prepare(m->lex, &t->s, t->info);
	ner_wordlex_apply(&m->wordlex, t->n, t->info);
}

static void sent_free(struct sent *t)
{
	norm_text_free(&t->norm);
	free(t->toks);
	free(t->info);
}

/* What a second pass sees of a document, made up: every fact that is no word's own. */
static void sent_doc_facts(struct sent *t, unsigned seed)
{
	for (size_t i = 0; i < t->n; i++) {
		t->info[i].docw = (uint8_t)((seed + i) % 5);
		t->info[i].docs = (uint8_t)((seed + 2 * i) % 3);
		t->info[i].gazm = (uint8_t)((seed + i) % 3);
	}
}

static int key_cmp(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return x < y ? -1 : x > y;
}

/* Keys of the parts of token i, sorted: the multiset. */
static size_t part_keys(const struct sent *t, size_t i, unsigned parts, uint32_t *out)
{
	size_t n = ner_features_part(&t->s, t->info, i, out, parts);
	qsort(out, n, sizeof *out, key_cmp);
	return n;
}

/* ner_features_part with every part is ner_features, key for key; each part alone gives a
 * share of that multiset, and the shares make it up. */
static void test_parts_make_the_whole(const struct sent *t)
{
	uint32_t all[NER_MAX_FEATS], each[NER_MAX_FEATS], joined[NER_MAX_FEATS * 2];

	for (size_t i = 0; i < t->n; i++) {
		size_t n = ner_features(&t->s, t->info, i, all), nj = 0;
		CHECK_INT(ner_features_part(&t->s, t->info, i, each, NER_PART_ALL), n);
		CHECK(memcmp(all, each, n * sizeof *all) == 0);
		for (unsigned p = 1; p < NER_PART_ALL; p <<= 1) {
			size_t k = ner_features_part(&t->s, t->info, i, each, p);
			CHECK(k > 0 || p == NER_PART_REST);
			if (nj + k <= NER_MAX_FEATS * 2)
				memcpy(joined + nj, each, k * sizeof *each);
			nj += k;
		}
		CHECK_INT(nj, n);
		qsort(all, n, sizeof *all, key_cmp);
		qsort(joined, nj < n ? nj : n, sizeof *joined, key_cmp);
		CHECK(nj == n && memcmp(all, joined, n * sizeof *all) == 0);
	}
}

/* Who decides a part of token i: the word at offset d (hash and kind), or which edge. */
struct decider {
	uint64_t hw;
	int kind; /* -1: the start, -2: the end */
};

static struct decider decider_of(const struct sent *t, size_t i, int d)
{
	long j = (long)i + d;
	if (j < 0)
		return (struct decider){0, -1};
	if ((size_t)j >= t->n)
		return (struct decider){0, -2};
	return (struct decider){t->info[j].hw, t->toks[j].kind};
}

/* Tokens whose part has the same decider have the same keys there, whatever else differs:
 * other words, other sentences, the document's facts. */
static void test_parts_one_word_decides(const struct sent *sents, size_t nsents)
{
	uint32_t a[NER_MAX_FEATS], b[NER_MAX_FEATS];
	size_t same = 0;

	for (size_t p = 0; p < NPARTS; p++)
		for (size_t x = 0; x < nsents; x++)
			for (size_t i = 0; i < sents[x].n; i++) {
				struct decider da = decider_of(&sents[x], i, word_parts[p].d);
				size_t na = part_keys(&sents[x], i, word_parts[p].part, a);
				for (size_t y = x; y < nsents; y++)
					for (size_t k = y == x ? i + 1 : 0; k < sents[y].n; k++) {
						struct decider db = decider_of(&sents[y], k, word_parts[p].d);
						if (da.hw != db.hw || da.kind != db.kind)
							continue;
						size_t nb = part_keys(&sents[y], k, word_parts[p].part, b);
						CHECK(na == nb && memcmp(a, b, na * sizeof *a) == 0);
						same++;
					}
			}
	CHECK(same > 100); /* the texts above give the test something to compare */
}

/* Sorted keys of token i's part when token who's cluster is c. */
static size_t keys_with_cluster(struct sent *t, size_t i, size_t who, unsigned part, uint16_t c,
				uint32_t *out)
{
	uint16_t was = t->info[who].cl[0];
	size_t n;

	t->info[who].cl[0] = c;
	n = part_keys(t, i, part, out);
	t->info[who].cl[0] = was;
	return n;
}

static void word_clusters(const struct ner_lexicon *lex, const char *w,
			  uint16_t cl[NER_CLUSTER_LEVELS])
{
	ner_lexicon_clusters(lex, ner_word_key(strtab_hash(STRTAB_HASH_INIT, w, strlen(w))), cl);
}

/* A clusters.txt as qari ner-clusters writes it (words proclitic-free, matching form), with
 * lines the loader must skip. */
static const char clusters_txt[] =
	"# word<TAB>cluster<TAB>its group<TAB>...\n"
	"الرئيس\t7\t3\t1\t0\n"
	"الروسي\t12\t3\t1\t0\n"
	"موسكو\t40\t9\n"        /* two levels only */
	"قال\tx\t1\t1\t1\n"   /* not a number: skipped */
	"بوتن\t70000\t1\n"      /* too many clusters: skipped */
	"\n";

/* The clusters load, a known word has them (and its neighbours see them), an unknown or
 * malformed one none. */
static void test_clusters(void)
{
	char dir[] = "/tmp/qari-test-clusters-XXXXXX", *path, *assets = corpus_asset_path("ner"), *error = NULL;
	struct ner_lexicon *lex = ner_lexicon_load(assets, &error);
	uint32_t a[NER_MAX_FEATS], b[NER_MAX_FEATS];
	uint16_t cl[NER_CLUSTER_LEVELS];
	struct ner_model m = {0};
	struct sent t;
	FILE *f;

	CHECK(lex != NULL && mkdtemp(dir) != NULL);
	if (lex == NULL)
		return;
	path = xasprintf("%s/clusters.txt", dir);
	CHECK((f = fopen(path, "w")) != NULL && fputs(clusters_txt, f) >= 0 && fclose(f) == 0);
	CHECK(ner_lexicon_load_clusters(lex, path));
	word_clusters(lex, "الرئيس", cl);
	CHECK(cl[0] == 8 && cl[1] == 4 && cl[2] == 2 && cl[3] == 1);
	word_clusters(lex, "موسكو", cl);
	CHECK(cl[0] == 41 && cl[1] == 10 && cl[2] == 0 && cl[3] == 0);
	for (size_t k = 0; k < 3; k++) {
		static const char *const none[] = {"قال", "بوتن", "qzxv"};
		word_clusters(lex, none[k], cl);
		CHECK(cl[0] == 0 && cl[1] == 0);
	}
	m.lex = lex;
	sent_make(&m, texts[0], &t); /* وقال الرئيس الروسي فلاديمير ... */
	CHECK(t.n > 3 && t.info[1].cl[0] == 8 && t.info[2].cl[0] == 13 && t.info[0].cl[0] == 0);
	for (size_t k = 0; k < 3; k++) { /* its own word, the word after it, the word before */
		static const unsigned parts[] = {NER_PART_WORD, NER_PART_AS_M1, NER_PART_AS_P1};
		static const size_t at[] = {1, 2, 0};
		size_t na = keys_with_cluster(&t, at[k], 1, parts[k], 8, a);
		size_t nb = keys_with_cluster(&t, at[k], 1, parts[k], 9, b);
		CHECK(na == nb && memcmp(a, b, na * sizeof *a) != 0);
	}
	sent_free(&t);
	remove(path);
	rmdir(dir);
	free(path);
	free(assets);
	ner_lexicon_free(lex);
}

/* ANERcorp's first n sentences as texts of a document, each a line of words. */
static char **conll_texts(size_t n, size_t *got)
{
	char *path = check_data_path("anercorp/train-head.conll"), *error = NULL;
	struct ner_data d;
	char **out = xcalloc(n, sizeof *out);

	REQUIRE(ner_data_read(path, &d, &error));
	*got = d.nsents < n ? d.nsents : n;
	for (size_t k = 0; k < *got; k++) {
		struct ner_sentence s = ner_data_sentence(&d, k);
		size_t beg = s.n ? s.toks[0].beg : 0, end = s.n ? s.toks[s.n - 1].end : 0;
		out[k] = xstrndup(s.text + beg, end - beg); /* text: all the data's, matching form */
	}
	ner_data_free(&d);
	free(path);
	return out;
}

/* Tags of texts as one document under m, flattened. */
static uint8_t *doc_tags(const struct ner_model *m, char **texts_in, size_t n, size_t *ntok)
{
	struct ner_doc d = {0};
	struct strbuf sb = {0};

	ner_doc_tag(m, (const char *const *)texts_in, n, &d);
	for (size_t k = 0; k < d.n; k++)
		strbuf_append(&sb, (const char *)d.paras[k].tags, d.paras[k].n);
	*ntok = sb.len;
	ner_doc_free(&d);
	return (uint8_t *)strbuf_take(&sb);
}

/* A two-pass model's sums made ahead (what the document does not decide looked up once for
 * both passes, the second pass's word sums filled by the first) change no tag: a document
 * tagged with them, with a copy of the model without (its cache entries apart), and with
 * them again once the cache holds what the first pass left for the second. The joint table's
 * weights themselves are checked by the tagger's F1 (test_ner --shared) and its tags. */
static void test_joint_table(const struct ner_model *m)
{
	struct ner_model plain, stack;
	size_t n, na, nb, nc, names = 0;
	char **doc = conll_texts(400, &n);
	uint8_t *a, *b, *c;

	REQUIRE(m->stack != NULL && m->ahead);
	plain = *m;
	stack = *m->stack;
	plain.ahead = false;
	plain.stack = &stack;
	plain.serial += 1u << 20; /* a pass of its own in the word cache */
	stack.serial += 1u << 20;
	a = doc_tags(m, doc, n, &na);
	b = doc_tags(&plain, doc, n, &nb);
	c = doc_tags(m, doc, n, &nc);
	CHECK(na == nb && nb == nc && na > 5000);
	CHECK(memcmp(a, b, na) == 0 && memcmp(b, c, nb) == 0);
	for (size_t i = 0; i < na; i++)
		names += a[i] != 0;
	CHECK(names >= 300);
	for (size_t k = 0; k < n; k++)
		free(doc[k]);
	free(doc);
	free(a);
	free(b);
	free(c);
}

int main(void)
{
	char *error = NULL;
	const struct ner_model *m = ner_default(&error);
	struct sent sents[2 * NTEXTS];

	CHECK(m != NULL);
	if (m == NULL)
		return check_done();
	for (size_t k = 0; k < 2 * NTEXTS; k++) {
		sent_make(m, texts[k % NTEXTS], &sents[k]);
		if (k >= NTEXTS) /* the same sentences again, in another document */
			sent_doc_facts(&sents[k], (unsigned)k);
	}
	for (size_t k = 0; k < 2 * NTEXTS; k++)
		test_parts_make_the_whole(&sents[k]);
	test_parts_one_word_decides(sents, 2 * NTEXTS);
	test_clusters();
	test_joint_table(m);
	for (size_t k = 0; k < 2 * NTEXTS; k++)
		sent_free(&sents[k]);
	ner_default_free();
	return check_done();
}
