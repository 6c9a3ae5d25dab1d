/* test_entity_eval.c - the judged sample's format and the scoring of an article's entries:
 * a tiny hand-made gold and a fake system output. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "qari/entity_eval.h"

static const char gold_text[] =
	"# a comment\n"
	"@\t6a15740fdcc1\tdev\n"
	"org\tمطار الملك فهد الدولي\tمطار الملك فهد|مطار الدمام\n"
	"person\tيوسف بن خليفة الظاهري\tيوسف الظاهري|الظاهري\n"
	"place\tالدمام\n"
	"!\tالخبر\tfurniture\n"
	"\n"
	"@\t000000000001\ttest\n";

struct errors {
	size_t n[4];
	char last_junk[64];
};

static void count_error(void *ctx, const char *id, enum entity_eval_error e, enum entity_type type,
			const char *name, const struct entity_gold_entity *g)
{
	struct errors *x = ctx;
	(void)id, (void)type, (void)g;
	x->n[e]++;
	if (e == ENTITY_EVAL_JUNK)
		snprintf(x->last_junk, sizeof x->last_junk, "%s", name);
}

static void test_parse(void)
{
	struct entity_gold g;
	char *error = NULL;

	CHECK(entity_gold_parse(gold_text, strlen(gold_text), &g, &error));
	CHECK_INT(g.n, 2);
	if (g.n == 2) {
		CHECK_STR(g.v[0].id, "6a15740fdcc1");
		CHECK_INT(g.v[0].split, ENTITY_SPLIT_DEV);
		CHECK_INT(g.v[1].split, ENTITY_SPLIT_TEST);
		CHECK_INT(g.v[0].n, 3);
		CHECK_INT(g.v[1].n, 0);
		CHECK_INT(g.v[0].v[0].type, ENTITY_ORG);
		CHECK_INT(g.v[0].v[0].nforms, 3);
		CHECK_STR(g.v[0].v[1].name, "يوسف بن خليفة الظاهري");
	}
	entity_gold_free(&g);
	/* an entity before any article, an unknown type, a bad split: errors with the line */
	CHECK(!entity_gold_parse("place\tالدمام\n", 13, &g, &error));
	CHECK(error && strstr(error, "line 1") != NULL);
	free(error);
	CHECK(!entity_gold_parse("@\t6a15740fdcc1\tdev\nthing\tx\n", 27, &g, &error));
	CHECK(error && strstr(error, "line 2") != NULL);
	free(error);
	CHECK(!entity_gold_parse("@\t6a15740fdcc1\ttrain\n", 21, &g, &error));
	free(error);
}

static void test_score(void)
{
	struct entity_gold g;
	struct entity_eval ev = {0};
	struct errors x = {0};
	char *error = NULL;
	double p, r, f1;
	/* hamza and ة/ه do not matter; «الظاهري» is a second entry for the same man; «الدمام» as
	 * a person is a wrong type; «الخبر» is junk; «الدمام» the place is never listed */
	static const struct entity_sys_entry sys[] = {
		{ENTITY_PERSON, "يوسف الظاهري"},
		{ENTITY_PERSON, "الظاهري"},
		{ENTITY_PERSON, "الدمام"},
		{ENTITY_PLACE, "الخبر"},
		{ENTITY_ORG, "مطار الدمام"},
		{ENTITY_DATE, "يوم الثلاثاء"},
	};

	CHECK(entity_gold_parse(gold_text, strlen(gold_text), &g, &error));
	entity_eval_article(&ev, &g.v[0], sys, sizeof sys / sizeof *sys, count_error, &x);
	CHECK_INT(ev.tp[ENTITY_PERSON], 1);
	CHECK_INT(ev.sys[ENTITY_PERSON], 3);
	CHECK_INT(ev.tp[ENTITY_ORG], 1);
	CHECK_INT(ev.tp[ENTITY_PLACE], 0);
	CHECK_INT(ev.gold[ENTITY_PLACE], 1);
	CHECK_INT(ev.junk, 1);
	CHECK_INT(ev.duplicates, 1);
	CHECK_INT(ev.wrong_type, 1);
	CHECK_INT(x.n[ENTITY_EVAL_MISSED], 1);
	CHECK_STR(x.last_junk, "الخبر");
	entity_eval_prf(&ev, ENTITY_PERSON, &p, &r, &f1);
	CHECK(p > 0.33 && p < 0.34);
	CHECK(r == 1.0);
	entity_eval_prf(&ev, ENTITY_NTYPES, &p, &r, &f1);
	CHECK(p == 2.0 / 5.0);
	CHECK(r == 2.0 / 3.0);
	CHECK(f1 > 0.49 && f1 < 0.51);
	entity_gold_free(&g);
}

/* The hamza-bearing gold form «أحمد» matches «احمد»; the entry «أحمد» of the right type
 * after a wrong-type one still counts. */
static void test_normalised(void)
{
	static const char text[] = "@\tabcdefabcdef\tdev\nperson\tأحمد قطان\n";
	static const struct entity_sys_entry sys[] = {
		{ENTITY_ORG, "احمد قطان"},
		{ENTITY_PERSON, "احمد قطان"},
	};
	struct entity_gold g;
	struct entity_eval ev = {0};
	char *error = NULL;

	CHECK(entity_gold_parse(text, strlen(text), &g, &error));
	entity_eval_article(&ev, &g.v[0], sys, 2, NULL, NULL);
	CHECK_INT(ev.tp[ENTITY_PERSON], 1);
	CHECK_INT(ev.wrong_type, 1);
	CHECK_INT(ev.duplicates, 0);
	entity_gold_free(&g);
}

int main(void)
{
	test_parse();
	test_score();
	test_normalised();
	return check_done();
}
