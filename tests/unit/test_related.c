/* test_related.c - related stories: on the seeds and on five SaudiNewsNet articles (three on
 * Yemen, two unrelated), and on small made-up corpora for each rule of the ranking: time
 * proximity, the floors, copies folded into one entry (and the article's own copies kept
 * apart), common entities that cannot make a link, one shared word that cannot either, the
 * dateline left out, places, organisations and persons apart, the cluster floor, and the link explained by its terms, its words as written. With --shared: the word vectors of a day of SaudiNewsNet,
 * on one thread and on several. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "qari/related.h"
#include "qari/search.h"
#include "qari/xalloc.h"
#include "../../src/model/related_private.h" /* related_evidence, white box */

static size_t pos_of(const struct corpus *c, const char *url_part)
{
	for (size_t i = 0; i < c->n; i++)
		if ((c->items[i]->url && strstr(c->items[i]->url, url_part)) ||
		    strstr(c->items[i]->path, url_part))
			return i;
	return SIZE_MAX;
}

static bool shares(const struct entity_table *t, const struct related_link *l, const char *key)
{
	for (size_t i = 0; i < l->nshared; i++)
		if (strcmp(entity_table_key(t, l->shared[i]), key) == 0)
			return true;
	return false;
}

static void test_seeds(struct related_index *x, const struct entity_table *t, const struct corpus *c)
{
	size_t a = pos_of(c, "000_6917428d12f6681e"), b = pos_of(c, "004_808b5b2253dfbc4d");
	struct related_link *l;
	size_t n;

	REQUIRE(a != SIZE_MAX && b != SIZE_MAX);
	n = related_find(x, a, 10, &l);
	REQUIRE(n >= 1);
	CHECK(l[0].article == b);
	CHECK(l[0].score > 0.1);
	CHECK(shares(t, &l[0], "الولايات المتحده"));
	CHECK(shares(t, &l[0], "اوكرانيا"));
	CHECK(shares(t, &l[0], "واشنطن"));
	double ab = l[0].score;
	related_links_free(l, n);
	n = related_find(x, b, 10, &l);
	CHECK(n >= 1 && l[0].article == a);
	CHECK(n >= 1 && l[0].score > ab - 1e-9 && l[0].score < ab + 1e-9); /* symmetric */
	related_links_free(l, n);
}

static void test_yemen(struct related_index *x, const struct entity_table *t, const struct corpus *c)
{
	size_t y1 = pos_of(c, "yemen_tawahi_1"), y2 = pos_of(c, "yemen_tawahi_2"),
	       sport = pos_of(c, "sport_hilal");
	struct related_link *l;
	size_t n;

	REQUIRE(y1 != SIZE_MAX && y2 != SIZE_MAX && sport != SIZE_MAX);
	n = related_find(x, y1, 10, &l);
	CHECK(n >= 1 && l[0].article == y2);
	CHECK(n >= 1 && shares(t, &l[0], "عدن"));
	CHECK(n >= 1 && l[0].nwhy > 0);
	related_links_free(l, n);
	/* the football story shares nothing telling with the Yemen stories: weaker links */
	double yy = 0;
	n = related_find(x, y1, 10, &l);
	yy = n ? l[0].score : 0;
	related_links_free(l, n);
	n = related_find(x, sport, 10, &l);
	for (size_t k = 0; k < n; k++)
		CHECK(l[k].score < yy / 2);
	related_links_free(l, n);
}

#define DAY 86400
#define BASE_DAY 16637 /* 2015-07-21 */

/* A made-up word no other call gives (letters that are no clitic first), for filler text. */
static void word_of(unsigned k, char *out)
{
	static const char *const first[] = {"ت", "ث", "ج", "ح", "خ", "د", "ذ", "ر", "ز", "س", "ش",
					    "ص", "ض", "ط", "ظ", "ع", "غ", "ق", "م", "ن"};
	static const char *const rest[] = {"ب", "ت", "ث", "ج", "ح", "خ", "د", "ذ", "ر", "ز", "س",
					   "ش", "ص", "ض", "ط", "ظ", "ع", "غ", "ق", "م"};
	strcpy(out, first[k % 20]);
	for (int i = 0; i < 4; i++, k /= 20)
		strcat(out, rest[(k / 20) % 20]);
}

/* count made-up words from number from on, after text (a sentence), as one paragraph. */
static char *words(unsigned from, unsigned count, const char *text)
{
	struct strbuf sb = {0};
	char w[64];
	strbuf_printf(&sb, "%s", text);
	for (unsigned k = 0; k < count; k++) {
		word_of(from + k, w);
		strbuf_printf(&sb, " %s", w);
	}
	strbuf_appendc(&sb, '.');
	return sb.data;
}

static size_t add(struct corpus *c, const char *key, int day, const char *title, char *p0, char *p1)
{
	struct article *a = article_new(key);
	article_set_title(a, title, strlen(title));
	article_add_para(a, p0, strlen(p0));
	if (p1)
		article_add_para(a, p1, strlen(p1));
	a->date_key = (int64_t)(BASE_DAY + day) * DAY;
	article_finish(a, key);
	corpus_add(c, a);
	free(p0);
	free(p1);
	return c->n - 1;
}

static bool listed(const struct related_link *l, size_t n, size_t article)
{
	for (size_t k = 0; k < n; k++)
		if (l[k].article == article)
			return true;
	return false;
}

/* A story told on day 0 (q, and q's copy under another URL), a day later in two papers (the
 * same text), three days later, and a month later; an article of its own that shares half the
 * story's words on day 0 (faint: above the floor, far below q's copy); fifty articles of their
 * own that each mention الرياض; a made-up agency's dateline in front of everything. */
struct made {
	struct corpus c;
	struct entity_table t;
	size_t q, qcopy, next, next_copy, later, month, faint, filler;
};

#define STORY 7000u  /* the story's own words */
#define NFILLER 50

static void made_build(struct made *m, const struct ner_model *model)
{
	const char *dateline = "الرياض - واس";
	char key[32];

	corpus_init(&m->c);
	m->q = add(&m->c, "q", 0, "خبر اليوم", words(STORY, 12, dateline), words(100, 8, ""));
	m->qcopy = add(&m->c, "qcopy", 0, "خبر اليوم", words(STORY, 12, dateline), words(100, 8, ""));
	m->next = add(&m->c, "next", 1, "خبر الغد", words(STORY, 12, dateline), words(200, 8, ""));
	m->next_copy = add(&m->c, "next_copy", 1, "خبر الغد", words(STORY, 12, dateline), words(200, 8, ""));
	m->later = add(&m->c, "later", 3, "خبر بعد", words(STORY, 12, dateline), words(300, 8, ""));
	m->month = add(&m->c, "month", 30, "خبر بعيد", words(STORY, 12, dateline), words(400, 8, ""));
	m->faint = add(&m->c, "faint", 0, "خبر قريب", words(STORY, 6, dateline), words(500, 10, ""));
	m->filler = m->c.n;
	for (unsigned i = 0; i < NFILLER; i++) {
		snprintf(key, sizeof key, "filler%u", i);
		add(&m->c, key, (int)(i % 5), "خبر آخر",
		    words(1000 + 40 * i, 20, "الرياض - واس: وصل الوفد إلى الرياض ثم غادر الرياض"),
		    NULL);
	}
	entity_table_build(&m->t, &m->c, model);
}

static void made_free(struct made *m)
{
	entity_table_free(&m->t);
	corpus_free(&m->c);
}

/* The entity table knows الرياض in every filler: the damping test means something. */
static bool made_has_riyadh(const struct made *m)
{
	for (size_t i = 0; i < m->t.n; i++)
		if (strcmp(entity_table_key(&m->t, (uint32_t)i), "الرياض") == 0 &&
		    m->t.items[i].articles >= NFILLER)
			return true;
	return false;
}

static void test_rules(const struct ner_model *model)
{
	struct made m;
	struct related_index x;
	struct related_link *l;
	uint32_t *own;
	size_t n, nown;

	made_build(&m, model);
	related_index_build(&x, &m.t, NULL, 1, false);
	n = related_find(&x, m.q, 10, &l);
	/* time: the next day's story before the one three days later; a month later: nothing */
	CHECK(n >= 2 && l[0].article == m.next && l[1].article == m.later);
	CHECK(n >= 2 && l[0].score > l[1].score);
	CHECK(!listed(l, n, m.month));
	/* copies: the next day's two papers make one entry */
	CHECK(n >= 1 && l[0].ncopies == 1 && l[0].copies[0] == m.next_copy);
	/* the article's own copy is no related story, but its copy */
	CHECK(!listed(l, n, m.qcopy));
	nown = related_copies(&x, m.q, &own);
	CHECK(nown == 1 && own[0] == m.qcopy);
	free(own);
	/* explained by the story's words; the dateline and the agency never count */
	CHECK(n >= 1 && l[0].nwhy > 0 && !l[0].why[0].entity);
	for (size_t k = 0; k < n; k++)
		for (size_t i = 0; i < l[k].nwhy; i++) {
			char *why = related_why(&x, &l[k]);
			CHECK(strstr(why, "واس") == NULL && strstr(why, "الرياض") == NULL);
			free(why);
		}
	related_links_free(l, n);
	/* floor and common entities: a filler shares only الرياض (and the dateline) with the
	 * others: nothing is related to it */
	CHECK(made_has_riyadh(&m));
	n = related_find(&x, m.filler, 10, &l);
	CHECK_INT(n, 0);
	related_links_free(l, n);
	related_index_free(&x);
	made_free(&m);
}

/* An entry far below the best score is noise, and the best score may be the article's own
 * copy's: faint clears the floor but not a fifth of q's copy. */
static void test_relative_floor(const struct ner_model *model)
{
	struct made m;
	struct related_index x;
	struct related_params p = related_params_default();
	struct related_link *l;
	size_t n;

	made_build(&m, model);
	p.relative_floor = 0.2;
	related_index_build_with(&x, &m.t, NULL, 1, NULL, &p);
	n = related_find(&x, m.q, 10, &l);
	CHECK(n > 0 && !listed(l, n, m.faint));
	related_links_free(l, n);
	related_index_free(&x);
	p.relative_floor = 0;
	related_index_build_with(&x, &m.t, NULL, 1, NULL, &p);
	n = related_find(&x, m.q, 10, &l);
	CHECK(listed(l, n, m.faint));
	for (size_t k = 0; k < n; k++)
		if (l[k].article == m.faint)
			CHECK(l[k].score >= RELATED_FLOOR && l[k].score < 0.2);
	related_links_free(l, n);
	related_index_free(&x);
	made_free(&m);
}

/* Whether q's list shows next under relative floor r; its entry, if so, in *out. */
static bool next_shown(struct made *m, double r, struct related_link *out, size_t echo,
		       bool *echo_joined)
{
	struct related_index x;
	struct related_params p = related_params_default();
	struct related_link *l;
	size_t n;
	bool shown;

	p.relative_floor = r;
	related_index_build_with(&x, &m->t, NULL, 1, NULL, &p);
	n = related_find(&x, m->q, 10, &l);
	shown = n >= 1 && l[0].article == m->next;
	*echo_joined = false;
	for (size_t k = 0; shown && k < l[0].ncopies; k++)
		*echo_joined |= l[0].copies[k] == echo;
	if (shown)
		*out = l[0];
	related_links_free(l, n);
	related_index_free(&x);
	return shown;
}

/* A copy of a story shown joins its entry even when it scores under the relative floor: echo
 * is next's text with two words more, so it scores a little under next. With the floor just
 * under next's share of the best score, echo is still one of next's copies. */
static void test_copy_under_floor(const struct ner_model *model)
{
	struct made m;
	struct related_link e;
	size_t echo;
	double lo = 0, hi = 1;
	bool joined;

	made_build(&m, model);
	entity_table_free(&m.t);
	echo = add(&m.c, "echo", 1, "خبر الغد", words(STORY, 12, "الرياض - واس"),
		   words(200, 10, ""));
	entity_table_build(&m.t, &m.c, model);
	CHECK(next_shown(&m, 0, &e, echo, &joined) && joined);
	CHECK(!next_shown(&m, 1, &e, echo, &joined)); /* the best score is q's own copy's */
	for (int i = 0; i < 30; i++) { /* the highest floor that still shows next */
		double mid = (lo + hi) / 2;
		if (next_shown(&m, mid, &e, echo, &joined))
			lo = mid;
		else
			hi = mid;
	}
	CHECK(next_shown(&m, lo, &e, echo, &joined));
	CHECK(joined);
	made_free(&m);
}

/* Were الرياض not common, it alone would link the fillers through an entity boost: the
 * damping is what keeps them apart. */
static void test_common_entity(const struct ner_model *model)
{
	struct made m;
	struct related_index x;
	struct related_params p = related_params_default();
	struct related_link *l;
	size_t n;

	made_build(&m, model);
	p.common_share = 1;
	p.entity_boost = 0.3; /* when entities count at all (the default may give them nothing) */
	p.beyond_one = p.rare_evidence = 0; /* the words' evidence alone keeps them apart too */
	related_index_build_with(&x, &m.t, NULL, 1, NULL, &p);
	n = related_find(&x, m.filler, 10, &l);
	CHECK(n > 0);
	related_links_free(l, n);
	related_index_free(&x);
	made_free(&m);
}

/* The fillers and two more articles of count words each of their own, sharing shared
 * words (from word number from on, three times each when thrice: one heavy word), headed
 * by titles of their own. */
static void made_pair(struct made *m, const struct ner_model *model, unsigned from,
		      unsigned shared, bool thrice, unsigned count, size_t *a, size_t *b)
{
	char *common = words(from, shared, "");

	made_build(m, model);
	entity_table_free(&m->t);
	for (int k = 0; k < 2; k++) {
		struct strbuf sb = {0};
		char *title = words(60000 + 100 * (unsigned)k, 2, "");
		strbuf_printf(&sb, "%s", common);
		for (int r = thrice ? 2 : 0; r > 0; r--)
			strbuf_printf(&sb, " %s", common);
		*(k ? b : a) = add(&m->c, k ? "pair_b" : "pair_a", 0, title, sb.data,
				   words(50000 + 1000 * (unsigned)k, count, ""));
		free(title);
	}
	free(common);
	entity_table_build(&m->t, &m->c, model);
}

/* Whether b is in a's list under params p. */
static bool pair_linked(struct made *m, const struct related_params *p, size_t a, size_t b,
			double *score)
{
	struct related_index x;
	struct related_link *l;
	size_t n;
	bool found = false;

	related_index_build_with(&x, &m->t, NULL, 1, NULL, p);
	n = related_find(&x, a, 10, &l);
	for (size_t k = 0; k < n; k++)
		if (l[k].article == b)
			found = true, *score = l[k].score;
	related_links_free(l, n);
	related_index_free(&x);
	return found;
}

/* One shared word, however heavy (a town's name said three times), is not one story: with
 * the words' evidence asked for, the pair is not linked though its score is high. */
static void test_one_word(const struct ner_model *model)
{
	struct made m;
	struct related_params p = related_params_default();
	size_t a, b;
	double score = 0;

	made_pair(&m, model, 40000, 1, true, 6, &a, &b);
	CHECK(!pair_linked(&m, &p, a, b, &score));
	p.beyond_one = p.rare_evidence = 0;
	CHECK(pair_linked(&m, &p, a, b, &score));
	CHECK(score >= RELATED_FIRST_FLOOR);
	made_free(&m);
}

/* A weak link (three rare words among fifteen) is no list of its own: under the first floor
 * the article shows nothing; without it, the link shows, above the entries' floor. */
static void test_first_floor(const struct ner_model *model)
{
	struct made m;
	struct related_params p = related_params_default();
	size_t a, b;
	double score = 0;

	made_pair(&m, model, 45000, 3, false, 10, &a, &b);
	CHECK(!pair_linked(&m, &p, a, b, &score));
	p.first_floor = 0;
	CHECK(pair_linked(&m, &p, a, b, &score));
	CHECK(score >= RELATED_FLOOR && score < RELATED_FIRST_FLOOR);
	made_free(&m);
}

/* Four stories of one club on the days after an article whose headline names the club, each
 * sharing some of its words; or the same without the club in any headline. */
static void made_club(struct made *m, const struct ner_model *model, bool club)
{
	static const char *const heads[] = {"يعلن صفقاته", "يوقع مع مدافع", "يجدد لحارسه",
					    "يقيل مدربه", "يستعيد لاعبه"};
	char title[128];

	made_build(m, model);
	entity_table_free(&m->t);
	for (unsigned k = 0; k < 5; k++) {
		char key[16];
		snprintf(title, sizeof title, "%s %s", club ? "نادي الفيصلي" : "الفريق", heads[k]);
		snprintf(key, sizeof key, "club%u", k);
		add(&m->c, key, (int)k, title, words(52000, 6, club ? "أعلن نادي الفيصلي" : "أعلن الفريق"),
		    words(53000 + 100 * k, 12, ""));
	}
	entity_table_build(&m->t, &m->c, model);
}

/* The stories a list shows for the first club article under params p. */
static size_t club_shown(struct made *m, const struct related_params *p)
{
	struct related_index x;
	struct related_link *l;
	size_t n;

	related_index_build_with(&x, &m->t, NULL, 1, NULL, p);
	n = related_find(&x, m->filler + NFILLER, 10, &l);
	related_links_free(l, n);
	related_index_free(&x);
	return n;
}

/* Under a first floor nothing reaches, a list starts at the cluster floor only when three
 * stories name the organisation the article's headline names. */
static void test_cluster_floor(const struct ner_model *model)
{
	struct made m;
	struct related_params p = related_params_default();

	p.first_floor = 1;
	made_club(&m, model, true);
	CHECK(club_shown(&m, &p) >= RELATED_CLUSTER_STORIES);
	p.cluster_floor = 0;
	CHECK_INT(club_shown(&m, &p), 0);
	made_free(&m);
	p.cluster_floor = RELATED_CLUSTER_FLOOR;
	made_club(&m, model, false);
	CHECK_INT(club_shown(&m, &p), 0);
	made_free(&m);
}

/* Condolences for two deceased four days apart (headline persons, sharing the kind's words);
 * or, with other, a third article that names the first's deceased; both, when given, opens
 * both articles (an organisation they share). */
static void made_mourning(struct made *m, const struct ner_model *model, const char *other,
			  const char *both, size_t *a, size_t *b)
{
	char p0[512];

	made_build(m, model);
	entity_table_free(&m->t);
	snprintf(p0, sizeof p0, "%s انتقل إلى رحمة الله الشيخ عبدالله بن محمد الحربي", both ? both : "");
	*a = add(&m->c, "mourn_a", 0, "وفاة الشيخ عبدالله بن محمد الحربي", words(56000, 10, p0),
		 words(57000, 8, ""));
	snprintf(p0, sizeof p0, "%s انتقل إلى رحمة الله الشيخ سعد بن علي القحطاني", both ? both : "");
	*b = add(&m->c, "mourn_b", 4, other ? other : "وفاة الشيخ سعد بن علي القحطاني", words(56000, 10, p0),
		 words(58000, 8, ""));
	entity_table_build(&m->t, &m->c, model);
}

/* Two articles each about a person its headline names and the other never names are apart;
 * not when one names the other's person, nor when they share an organisation. */
static void test_persons_apart(const struct ner_model *model)
{
	struct made m;
	struct related_params p = related_params_default();
	size_t a, b;
	double score = 0;

	made_mourning(&m, model, NULL, NULL, &a, &b);
	CHECK(!pair_linked(&m, &p, a, b, &score));
	CHECK(!pair_linked(&m, &p, b, a, &score));
	p.with_persons_apart = true;
	CHECK(pair_linked(&m, &p, a, b, &score));
	made_free(&m);
	p.with_persons_apart = false;
	made_mourning(&m, model, "الشيخ سعد بن علي القحطاني يرثي الشيخ عبدالله بن محمد الحربي", NULL, &a, &b);
	CHECK(pair_linked(&m, &p, a, b, &score));
	made_free(&m);
	made_mourning(&m, model, NULL, "نعت جامعة الملك سعود منسوبها،", &a, &b);
	CHECK(pair_linked(&m, &p, a, b, &score)); /* one body's two people */
	made_free(&m);
}

/* Persons are one when one's one-word name ends the other's (family); about a person is
 * named in the headline. */
static void test_persons_family(void)
{
	struct entity_mention mentions[] = {{-1, 0, 1}, {0, 0, 1}};
	struct article_entity ents[] = {
		{.type = ENTITY_PERSON, .first = 0, .nmentions = 1}, /* in the headline */
		{.type = ENTITY_PERSON, .first = 1, .nmentions = 1}, /* in the body */
	};
	struct article_entities es = {ents, mentions, NULL, 2, 2};
	struct related_person a[RELATED_PLACES_MAX], b[RELATED_PLACES_MAX], c[RELATED_PLACES_MAX];
	size_t na = 0, nb = 0, nc = 0;

	related_person_add(a, &na, 1, 3, &es, &ents[0]);          /* محمد سلامة, family سلامة (3) */
	related_person_add(b, &nb, 2, UINT32_MAX, &es, &ents[0]); /* أحمد علي */
	CHECK(related_about_anyone(a, na) && related_persons_apart(a, na, b, nb));
	related_person_add(b, &nb, 3, UINT32_MAX, &es, &ents[1]); /* سلامة, in b's body */
	CHECK(nb == 2 && !b[1].about && !related_persons_apart(a, na, b, nb));
	CHECK(!related_persons_apart(b, nb, a, na));
	related_person_add(c, &nc, 2, UINT32_MAX, &es, &ents[1]); /* named in the body only */
	CHECK(!related_about_anyone(c, nc) && !related_persons_apart(a, na, c, nc));
}

/* The why line shows a shared word as the articles write it (ة and ال kept, و ب ل off before
 * ال, a word without ال whole, the most frequent form), not its stem (مبادره، رنامج). */
static void test_why_as_written(const struct ner_model *model)
{
	struct made m;
	struct related_index x;
	struct related_link *l;
	size_t a, b, n;

	made_build(&m, model);
	entity_table_free(&m.t);
	a = add(&m.c, "why_a", 0, "خبر المبادرة",
		words(48000, 12, "بالمبادرة والمبادرة المبادرة للمبادرة وحديقة برنامج برنامج"),
		words(48100, 12, ""));
	b = add(&m.c, "why_b", 2, "حديث عن المبادرة",
		words(48000, 12, "المبادرة والمبادرة حديقة حديقة برنامج برنامج"), words(48200, 12, ""));
	entity_table_build(&m.t, &m.c, model);
	related_index_build(&x, &m.t, NULL, 1, false);
	n = related_find(&x, a, 10, &l);
	REQUIRE(n >= 1 && l[0].article == b);
	char *why = related_why(&x, &l[0]);
	CHECK(strstr(why, "المبادرة") != NULL);
	CHECK(strstr(why, "حديقة") != NULL);
	CHECK(strstr(why, "برنامج") != NULL); /* its ب is its own: no stem رنامج */
	CHECK(strncmp(why, "رنامج", strlen("رنامج")) != 0 && strstr(why, "، رنامج") == NULL);
	CHECK(strstr(why, "مبادره") == NULL && strstr(why, "بالمبادرة") == NULL &&
	      strstr(why, "وحديقة") == NULL);
	free(why);
	related_links_free(l, n);
	related_index_free(&x);
	made_free(&m);
}

/* The words of one shared name are one word to the evidence: فلاديمير and بوتين alone (the
 * name of an entity both share) are no story; with a third word shared, or when the entity
 * is not shared, they are more than one word. */
static void test_evidence_units(void)
{
	const char *keys[] = {"فلاديمير بوتين", "موسكو"};
	const char *words[] = {"بوتين", "فلاديمير", "قرعه"};
	uint32_t ids[] = {1, 2, 3};
	float w[] = {0.5f, 0.5f, 0.4f};
	bool rare[] = {true, true, true};
	uint64_t units[3];
	struct related_vec two = {ids, w, 2}, three = {ids, w, 3};

	for (size_t i = 0; i < 3; i++)
		units[i] = related_entity_units(words[i], keys, 2);
	CHECK(units[0] == 1 && units[1] == 1 && units[2] == 0);
	CHECK(related_evidence(&two, rare, NULL, 0, &two, 0.07, 0.05));      /* two words */
	CHECK(!related_evidence(&two, rare, units, 1, &two, 0.07, 0.05));    /* one name */
	CHECK(related_evidence(&two, rare, units, 2, &two, 0.07, 0.05));     /* name not shared */
	CHECK(related_evidence(&three, rare, units, 1, &three, 0.07, 0.05)); /* a name and a word */
	uint32_t eids[] = {7, 9}, other[] = {9};
	float ew[] = {1, 1};
	struct related_vec ea = {eids, ew, 2}, eb = {other, ew, 1};
	CHECK(related_shared_entities(&ea, &eb) == 2);
}

/* An article is about the places its title names or it names twice (two entities of one
 * place add up); two articles each about a place the other never names are apart, not when
 * either names the other's place, nor when one is about no place. */
static void test_places_apart(void)
{
	struct entity_mention mentions[] = {{0, 0, 1}, {1, 0, 1}, {-1, 0, 1}, {2, 0, 1}, {3, 0, 1}};
	struct article_entity ents[] = {
		{.type = ENTITY_PLACE, .first = 0, .nmentions = 2}, /* named twice */
		{.type = ENTITY_PLACE, .first = 2, .nmentions = 1}, /* in the title */
		{.type = ENTITY_PLACE, .first = 3, .nmentions = 1}, /* once */
		{.type = ENTITY_PLACE, .first = 4, .nmentions = 1}, /* once more, same place */
	};
	struct article_entities es = {ents, mentions, NULL, 4, 5};
	struct related_place jazan[RELATED_PLACES_MAX], ahsa[RELATED_PLACES_MAX], once[RELATED_PLACES_MAX];
	size_t nj = 0, na = 0, no = 0;

	related_place_add(jazan, &nj, 1, &es, &ents[0], false);   /* جازان, twice */
	related_place_add(ahsa, &na, 2, &es, &ents[1], false);    /* الأحساء, in the title */
	related_place_add(once, &no, 3, &es, &ents[2], false);    /* a place named once */
	CHECK(related_place_main(&jazan[0]) && related_place_main(&ahsa[0]) && !related_place_main(&once[0]));
	CHECK(related_places_apart(jazan, nj, ahsa, na));
	CHECK(related_places_apart(ahsa, na, jazan, nj)); /* symmetric */
	CHECK(!related_places_apart(jazan, nj, once, no)); /* about no place */
	CHECK(!related_places_apart(jazan, nj, jazan, nj));
	related_place_add(ahsa, &na, 1, &es, &ents[2], false); /* names جازان once too */
	CHECK(na == 2 && !related_places_apart(jazan, nj, ahsa, na));
	related_place_add(once, &no, 3, &es, &ents[3], false); /* named twice in all */
	CHECK(no == 1 && once[0].mentions == 2 && related_place_main(&once[0]));
	CHECK(related_places_apart(jazan, nj, once, no));
	related_place_add(once, &no, 4, &es, &ents[2], true); /* named once, in the title */
	CHECK(no == 2 && related_place_main(&once[1]));
}

/* An article is about an organisation its headline names (tagged there) when another article
 * tags it too, never through mentions in its body; two articles each about one the other never
 * names are apart, unless they are of one week with words alike. */
static void test_orgs_apart(void)
{
	struct entity_mention mentions[] = {{-1, 0, 1}, {0, 0, 1}, {1, 0, 1}, {-1, 0, 1}};
	struct article_entity ents[] = {
		{.type = ENTITY_ORG, .first = 0, .nmentions = 1}, /* in the title */
		{.type = ENTITY_ORG, .first = 1, .nmentions = 2}, /* twice in the body */
		{.type = ENTITY_ORG, .first = 3, .nmentions = 1}, /* in the title */
	};
	struct article_entities es = {ents, mentions, NULL, 3, 4};
	struct related_place a[RELATED_PLACES_MAX], b[RELATED_PLACES_MAX], body[RELATED_PLACES_MAX];
	size_t na = 0, nb = 0, nbody = 0;

	related_org_add(a, &na, 1, &es, &ents[0], true);        /* نادي الفيصلي, its headline's */
	related_org_add(b, &nb, 2, &es, &ents[2], true);        /* نادي التعاون, likewise */
	related_org_add(body, &nbody, 3, &es, &ents[1], true);  /* named twice, not in the title */
	CHECK(related_place_main(&a[0]) && related_place_main(&b[0]) && !related_place_main(&body[0]));
	CHECK(related_orgs_apart(a, na, b, nb, 10, 0.5));
	CHECK(related_orgs_apart(b, nb, a, na, 10, 0.5));  /* symmetric */
	CHECK(related_orgs_apart(a, na, b, nb, 3, 0.1));   /* one week, words unlike */
	CHECK(related_orgs_apart(a, na, b, nb, -1, 0.5));  /* a date unknown */
	CHECK(!related_orgs_apart(a, na, b, nb, 3, 0.3));  /* one week, words alike */
	CHECK(!related_orgs_apart(a, na, b, nb, RELATED_SAME_WEEK_DAYS, RELATED_SAME_WEEK_COSINE));
	CHECK(!related_orgs_apart(a, na, body, nbody, 10, 0.5)); /* about none */
	related_org_add(b, &nb, 1, &es, &ents[1], true);   /* names a's in its body */
	CHECK(nb == 2 && !related_orgs_apart(a, na, b, nb, 10, 0.5));
	nb = 0;
	related_org_add(b, &nb, 2, &es, &ents[2], false);  /* tagged in this article only */
	CHECK(nb == 1 && !related_place_main(&b[0]) && !related_orgs_apart(a, na, b, nb, 10, 0.5));
}

/* A headline names a place when its key is a word of the headline's matching form, maybe
 * after clitics; not when it is part of another word. */
static void test_place_in_title(void)
{
	CHECK(related_place_in_title("محافظ طبرجل يدشن فعاليات", "طبرجل"));
	CHECK(related_place_in_title("طبرجل تحتفل", "طبرجل"));
	CHECK(related_place_in_title("اصابه رجل امن بجازان", "جازان"));
	CHECK(related_place_in_title("3 محلات في الاحساء.", "الاحساء"));
	CHECK(related_place_in_title("عيد «وبالاحساء» حافل", "الاحساء"));
	CHECK(related_place_in_title("مهرجان في حفر الباطن", "حفر الباطن"));
	CHECK(!related_place_in_title("الجازانيون يحتفلون", "جازان"));
	CHECK(!related_place_in_title("جازاني يفوز", "جازان"));
	CHECK(!related_place_in_title("مستجازان", "جازان")); /* three letters before: no clitics */
	CHECK(!related_place_in_title(NULL, "جازان"));
	CHECK(!related_place_in_title("جازان", ""));
}

/* The first gazetteer place related_headline_places finds in title, or none (want NULL). */
static void check_headline_place(const char *title, const char *want)
{
	struct related_span v[RELATED_HEADLINE_PLACES];
	char *t = norm_string(title, strlen(title), NULL), *w = want ? norm_string(want, strlen(want), NULL) : NULL;
	size_t n = related_headline_places(t, v, RELATED_HEADLINE_PLACES);

	if (w == NULL) {
		CHECK_INT(n, 0);
	} else {
		CHECK(n >= 1);
		CHECK(n >= 1 && v[0].n == strlen(w) && memcmp(v[0].s, w, v[0].n) == 0);
	}
	free(t);
	free(w);
}

/* A headline's towns from the gazetteers, clitics off; a short name only after ال, so that
 * وكيل is not Kiel. */
static void test_headline_places(void)
{
	check_headline_place("القصيم: حملات تفتيشية لضبط مخالفات العمل", "القصيم");
	check_headline_place("\"عمل تبوك\" يضبط 46 مخالفة", "تبوك");
	check_headline_place("167 مليونا لتوسعة شبكة صرف بالطائف", "الطائف");
	check_headline_place("مهرجان الصيف في خميس مشيط", "خميس مشيط");
	check_headline_place("وكيل الصحة: 8 حالات تحت العلاج", NULL);
	check_headline_place("", NULL);
}

/* Two word indexes give the same ids, weights and posting lists. */
static void check_same_words(const struct related_index *one, const struct related_index *two,
			     size_t n)
{
	CHECK_INT(two->nwords, one->nwords);
	CHECK(memcmp(one->word.at, two->word.at, (n + 1) * sizeof *one->word.at) == 0);
	CHECK(one->word.at[n] > n * 10); /* words were kept */
	CHECK(memcmp(one->word.ids, two->word.ids, one->word.at[n] * sizeof *one->word.ids) == 0);
	CHECK(memcmp(one->word.w, two->word.w, one->word.at[n] * sizeof *one->word.w) == 0);
	CHECK(memcmp(one->wpost.at, two->wpost.at, (one->nwords + 1) * sizeof *one->wpost.at) == 0);
	CHECK(memcmp(one->wpost.v, two->wpost.v, one->wpost.at[one->nwords] * sizeof *one->wpost.v) == 0);
}

/* Word vectors counted on several threads equal those of one (the threads' vocabularies are
 * merged in article order), and those read from the search index's matching forms equal
 * those of the text normalised again. A day of SaudiNewsNet, its entity table left empty:
 * the words do not depend on it. */
static void test_threads_alike(void)
{
	char *path = check_shared_path("corpus/saudinewsnet/2015-07-21.zip");
	struct corpus c;
	struct entity_table t;
	struct related_index one, four, searched, cut;
	struct search_index s;
	atomic_bool stop = true;

	corpus_init(&c);
	REQUIRE(corpus_load_paths(&c, &path, 1) > 1000);
	entity_table_init(&t, &c);
	entity_table_merge(&t);
	related_index_build(&one, &t, NULL, 1, false);
	related_index_build(&four, &t, NULL, 4, false);
	search_index_init(&s, &c);
	search_index_build(&s, 0, c.n);
	related_index_build(&searched, &t, &s, 2, false);
	related_index_build(&cut, &t, &s, 2, &stop);
	CHECK(one.nwords > 10000);
	CHECK(cut.nwords == 0 && cut.wpost.v == NULL); /* cancelled: no word pass ran */
	related_index_free(&cut);
	check_same_words(&one, &four, c.n);
	check_same_words(&one, &searched, c.n);
	related_index_free(&one);
	related_index_free(&four);
	related_index_free(&searched);
	search_index_free(&s);
	entity_table_free(&t);
	corpus_free(&c);
	free(path);
}

/* A URL in the text gives no words: an image's path (styles, 114x72, yet) links no two stories,
 * and the words after it still count. */
static void test_url_words(const struct ner_model *model)
{
	static const char text[] = "الأخضر يستعد http://www.arriyadiyah.com/sites/default/files/"
				   "styles/114x72/public/not%20yet%20assigned.jpg?itok=usQnpLLK أجرى "
				   "المنتخب حصة تدريبية";
	struct related_words rw = {.lex = ner_model_lexicon(model), .intern = true};
	struct corpus c;
	struct article *a = article_new("url");
	uint32_t id;

	corpus_init(&c);
	article_set_title(a, "خبر", strlen("خبر"));
	article_add_para(a, text, strlen(text));
	article_finish(a, "url");
	corpus_add(&c, a);
	related_article_words(&rw, &c, 0);
	CHECK(!strtab_find(&rw.vocab, "styles", 6, &id));
	CHECK(!strtab_find(&rw.vocab, "arriyadiyah", 11, &id));
	CHECK(!strtab_find(&rw.vocab, "114x72", 6, &id));
	CHECK(rw.vocab.n >= 3); /* يستعد، المنتخب، تدريبية and the rest */
	/* the address's colon ends no dateline: the words before it stay */
	CHECK(strtab_find(&rw.vocab, "يستعد", strlen("يستعد"), &id));
	related_words_free(&rw);
	corpus_free(&c);
}

int main(int argc, char **argv)
{
	if (check_shared_run(argc, argv)) {
		test_threads_alike();
		return check_done();
	}
	char *paths[2] = {corpus_asset_path("articles"), check_data_path("ner")};
	char *error = NULL;
	const struct ner_model *m = ner_default(&error);
	struct corpus c;
	struct entity_table t;
	struct related_index x;

	CHECK(m != NULL);
	corpus_init(&c);
	REQUIRE(corpus_load_paths(&c, paths, 2) == 7);
	corpus_sort(&c);
	if (m) {
		entity_table_build(&t, &c, m);
		related_index_build(&x, &t, NULL, 0, false);
		test_seeds(&x, &t, &c);
		test_yemen(&x, &t, &c);
		related_index_free(&x);
		entity_table_free(&t);
		test_rules(m);
		test_common_entity(m);
		test_relative_floor(m);
		test_one_word(m);
		test_first_floor(m);
		test_cluster_floor(m);
		test_persons_apart(m);
		test_copy_under_floor(m);
		test_why_as_written(m);
		test_url_words(m);
	}
	test_evidence_units();
	test_places_apart();
	test_orgs_apart();
	test_persons_family();
	test_place_in_title();
	test_headline_places();
	corpus_free(&c);
	ner_default_free();
	free(paths[0]);
	free(paths[1]);
	return check_done();
}
