/* test_store_related.c - related stories kept in the store: articles stored one at a time
 * find the neighbours the in-memory ranking finds over the whole set, whatever the order;
 * the first article of a story gets the later ones in its list; an article whose text
 * changed moves to its new story's lists, also when another connection changed it; retention forgets an article everywhere; an import leaves the related tables as
 * batch-by-batch ingest does with the import's df counted ahead; a version-2 store is migrated and rebuilt in batches; two
 * towns' reports of one kind of story are linked in neither (places apart), nor two clubs'
 * (organisations apart). */
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "qari/corpus.h"
#include "qari/entity.h"
#include "qari/ner.h"
#include "qari/related.h"
#include "qari/store.h"
#include "qari/store_related.h"
#include "qari/xalloc.h"
#include "../../src/model/store_private.h" /* the import's count ahead, white box */

#define TEST_STORIES 10
#define TEST_PER_STORY 6
#define TEST_N (TEST_STORIES * TEST_PER_STORY)

static char *test_root;
static const struct ner_model *test_model;
static size_t test_moved = SIZE_MAX; /* this article tells the next story's words */

/* A made-up word of letters no clitic or suffix is made of, number k. */
static void test_word(struct strbuf *sb, unsigned k)
{
	static const char *const letters[] = {"ج", "ح", "خ", "د", "ذ", "ر", "ز", "ش",
					      "ص", "ض", "ط", "ظ", "ع", "غ", "ق", "ث"};
	for (int i = 0; i < 4; i++, k /= 16)
		strbuf_printf(sb, "%s", letters[k % 16]);
	strbuf_printf(sb, " ");
}

/* Article i: story i / TEST_PER_STORY. Its story's words (each article leaves some out) and
 * words of its own; dated within a few days of its story's others. */
static void test_item(struct strbuf *sb, size_t i)
{
	unsigned story = (unsigned)(i / TEST_PER_STORY), own = (unsigned)(i % TEST_PER_STORY);
	unsigned words = i == test_moved ? (story + 1) % TEST_STORIES : story;

	strbuf_printf(sb, "<item><link>http://x/%zu</link><title>", i);
	test_word(sb, 100 + words * 20);
	test_word(sb, 101 + words * 20);
	test_word(sb, 1000 + (unsigned)i * 10);
	strbuf_printf(sb, "</title><description>");
	for (unsigned k = 0; k < 12; k++)
		if (k % TEST_PER_STORY != own)
			test_word(sb, 100 + words * 20 + k);
	for (unsigned k = 0; k < 8; k++)
		test_word(sb, 1000 + (unsigned)i * 10 + k);
	strbuf_printf(sb, "</description><pubDate>%s, %02u Jun 2026 10:00:00 GMT</pubDate></item>",
		      "Mon", 1 + story + own % 3);
}

/* The articles at positions order[0, n) as one feed. */
static void test_corpus(struct corpus *c, const size_t *order, size_t n)
{
	struct strbuf sb = {0};
	strbuf_printf(&sb, "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>قناة</title>");
	for (size_t i = 0; i < n; i++)
		test_item(&sb, order ? order[i] : i);
	strbuf_printf(&sb, "</channel></rss>");
	corpus_init(c);
	corpus_load_buffer(c, "http://127.0.0.1/feed.xml", sb.data, sb.len);
	strbuf_free(&sb);
}

static struct store *test_open(const char *name)
{
	char *path = xasprintf("%s/%s", test_root, name), *error = NULL;
	struct store *s = store_open(path, &error);
	REQUIRE(s != NULL);
	free(error);
	free(path);
	store_set_tagger(s, test_model, 1);
	return s;
}

/* The ids of an article's list, entries and their copies, sorted, as one string. */
static int test_id_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *test_ids_string(const char **ids, size_t n)
{
	struct strbuf sb = {0};
	qsort(ids, n, sizeof *ids, test_id_cmp);
	strbuf_append(&sb, "", 0);
	for (size_t i = 0; i < n; i++)
		strbuf_printf(&sb, "%s ", ids[i]);
	return sb.data;
}

static char *test_store_ids(struct store *s, const char *id)
{
	struct store_related_list l;
	const char **ids;
	size_t n = 0;
	char *r;

	if (!store_related_get_id(s, id, 10, &l))
		return xstrdup("(none)");
	ids = xcalloc(64, sizeof *ids);
	for (size_t k = 0; k < l.n; k++) {
		/* what the sidebar shows under its title: the feed's source and the item's date */
		CHECK(l.v[k].source != NULL && l.v[k].date != NULL);
		CHECK(l.v[k].date_key > 1780000000); /* June 2026 */
		ids[n++] = l.v[k].id;
		for (size_t i = 0; i < l.v[k].ncopies && n < 64; i++)
			ids[n++] = l.v[k].copies[i];
	}
	r = test_ids_string(ids, n);
	free(ids);
	store_related_list_free(&l);
	return r;
}

static char *test_memory_ids(const struct related_index *x, size_t a)
{
	const struct corpus *c = x->entities->corpus;
	struct related_link *links;
	size_t n = related_find(x, a, 10, &links), m = 0;
	const char **ids = xcalloc(64, sizeof *ids);
	char *r;

	for (size_t k = 0; k < n; k++) {
		ids[m++] = c->items[links[k].article]->id;
		for (size_t i = 0; i < links[k].ncopies && m < 64; i++)
			ids[m++] = c->items[links[k].copies[i]]->id;
	}
	r = test_ids_string(ids, m);
	free(ids);
	related_links_free(links, n);
	return r;
}

/* How many of the first n articles of corpus c have a list in store s other than the
 * in-memory ranking x's (the first three told on stderr); *nonempty: how many have one. */
static size_t test_lists_differ(struct store *s, const struct related_index *x,
				const struct corpus *c, size_t n, size_t *nonempty)
{
	size_t differ = 0;

	*nonempty = 0;
	for (size_t a = 0; a < n; a++) {
		char *want = test_memory_ids(x, a), *got = test_store_ids(s, c->items[a]->id);
		*nonempty += *want != '\0';
		if (strcmp(want, got) != 0 && differ++ < 3)
			fprintf(stderr, "    %s: store [%s], in memory [%s]\n", c->items[a]->id, got, want);
		free(want);
		free(got);
	}
	return differ;
}

/* Every article's list in store s is the in-memory ranking's over corpus c. */
static void test_same_as_memory(struct store *s, const struct corpus *c)
{
	struct entity_table t;
	struct related_index x;
	size_t nonempty;

	entity_table_build(&t, c, test_model);
	related_index_build(&x, &t, NULL, 1, NULL);
	CHECK_INT(test_lists_differ(s, &x, c, c->n, &nonempty), 0);
	CHECK(nonempty > TEST_N / 2); /* the fixture links */
	related_index_free(&x);
	entity_table_free(&t);
}

/* Stored one article a transaction in the given order (NULL: corpus order). */
static struct store *test_ingest_one_by_one(const char *name, const struct corpus *c,
					    const size_t *order)
{
	struct store *s = test_open(name);
	char *error = NULL;
	for (size_t i = 0; i < c->n; i++) {
		size_t k = order ? order[i] : i;
		CHECK(store_ingest(s, 0, c, k, k + 1, NULL, &error));
		free(error);
		error = NULL;
	}
	return s;
}

static void test_incremental(void)
{
	struct corpus c;
	size_t order[TEST_N];
	struct store *s;
	char *error = NULL;

	test_corpus(&c, NULL, TEST_N);
	REQUIRE(c.n == TEST_N);
	/* all at once */
	s = test_open("batch.db");
	CHECK(store_ingest(s, 0, &c, 0, c.n, NULL, &error));
	free(error);
	test_same_as_memory(s, &c);
	store_close(s);
	/* one by one, newest story first and each story's articles interleaved */
	for (size_t i = 0; i < TEST_N; i++)
		order[i] = TEST_N - 1 - (i % TEST_STORIES) * TEST_PER_STORY - i / TEST_STORIES;
	s = test_ingest_one_by_one("reverse.db", &c, order);
	test_same_as_memory(s, &c);
	store_close(s);
	corpus_free(&c);
}

static int64_t test_count(struct store *s, const char *sql)
{
	(void)s;
	char *path = xasprintf("%s/%s", test_root, "updated.db");
	sqlite3 *db;
	sqlite3_stmt *st;
	int64_t n = -1;
	REQUIRE(sqlite3_open(path, &db) == SQLITE_OK);
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	free(path);
	return n;
}

/* The first article of a story has the later ones in its list once they are stored; a
 * retention that drops one takes it out of every list, postings and pool. */
static void test_updated_and_pruned(void)
{
	struct corpus c;
	struct store *s;
	char *first, *got, *gone_id;
	struct store_related_list l;
	char *error = NULL;
	size_t kept;

	test_corpus(&c, NULL, TEST_N);
	s = test_ingest_one_by_one("updated.db", &c, NULL);
	first = c.items[0]->id;
	got = test_store_ids(s, first);
	/* its story's other articles, at least some, and nothing of other stories */
	for (size_t i = 1; i < TEST_PER_STORY; i++)
		CHECK(strstr(got, c.items[i]->id) != NULL);
	CHECK(strstr(got, c.items[TEST_PER_STORY]->id) == NULL);
	free(got);

	/* keep the newest items: the oldest (the first story's first among them) go */
	kept = TEST_N - TEST_PER_STORY;
	CHECK_INT(store_prune(s, 0, (long)kept, &error), TEST_PER_STORY);
	free(error);
	gone_id = c.items[0]->id;
	CHECK(!store_related_get_id(s, gone_id, 10, &l));
	store_related_list_free(&l);
	store_close(s);
	CHECK_INT(test_count(NULL, "SELECT count(*) FROM related_vecs"), (int64_t)kept);
	CHECK_INT(test_count(NULL, "SELECT count(*) FROM related_pool WHERE article NOT IN"
				   " (SELECT id FROM articles) OR neighbour NOT IN (SELECT id FROM articles)"), 0);
	CHECK_INT(test_count(NULL, "SELECT count(*) FROM related_postings WHERE article NOT IN"
				   " (SELECT id FROM articles)"), 0);
	CHECK_INT(test_count(NULL, "SELECT count(*) FROM related_gone"), 0);
	CHECK_INT(test_count(NULL, "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'related_n'"),
		  (int64_t)kept);
	corpus_free(&c);
}

/* An article whose text changed upstream is stored again: it leaves its old story's lists
 * and joins the new one's, and its old postings are gone. */
static void test_changed(void)
{
	struct corpus c, changed;
	struct store *s;
	struct store_ingest r = {0};
	char *error = NULL, *got;

	test_corpus(&c, NULL, TEST_N);
	s = test_open("changed.db");
	CHECK(store_ingest(s, 0, &c, 0, c.n, NULL, &error));
	test_moved = 1;
	test_corpus(&changed, NULL, TEST_N);
	test_moved = SIZE_MAX;
	CHECK(store_ingest(s, 0, &changed, 0, changed.n, &r, &error));
	CHECK_INT(r.updated, 1);
	got = test_store_ids(s, c.items[1]->id);
	CHECK(strstr(got, c.items[TEST_PER_STORY]->id) != NULL); /* the next story's */
	CHECK(strstr(got, c.items[0]->id) == NULL);
	free(got);
	got = test_store_ids(s, c.items[0]->id);
	CHECK(strstr(got, c.items[1]->id) == NULL); /* no longer in its old story's lists */
	CHECK(strstr(got, c.items[2]->id) != NULL);
	free(got);
	test_same_as_memory(s, &changed);
	store_close(s);
	free(error);
	corpus_free(&c);
	corpus_free(&changed);
}

/* An article changed by another connection between two of this one's transactions: this
 * connection's later articles score it by its new vector (the vectors it keeps in memory
 * are dropped when another connection committed). */
static void test_other_writer(void)
{
	struct corpus c, changed;
	struct store *a, *b;
	char *error = NULL;

	test_corpus(&c, NULL, TEST_N);
	test_moved = 1;
	test_corpus(&changed, NULL, TEST_N);
	test_moved = SIZE_MAX;
	a = test_open("other.db");
	b = test_open("other.db");
	CHECK(store_ingest(a, 0, &c, 0, 3, NULL, &error)); /* the first story's first three */
	CHECK(store_ingest(b, 0, &changed, 1, 2, NULL, &error)); /* the second moves */
	CHECK(store_ingest(a, 0, &changed, 3, changed.n, NULL, &error));
	free(error);
	store_close(b);
	test_same_as_memory(a, &changed);
	store_close(a);
	corpus_free(&c);
	corpus_free(&changed);
}

/* The rows of query on the store file name, one line each (scores to the last bit). */
static char *test_dump(const char *name, const char *query)
{
	char *path = xasprintf("%s/%s", test_root, name);
	struct strbuf sb = {0};
	sqlite3 *db;
	sqlite3_stmt *st;

	strbuf_append(&sb, "", 0);
	REQUIRE(sqlite3_open(path, &db) == SQLITE_OK);
	REQUIRE(sqlite3_prepare_v2(db, query, -1, &st, NULL) == SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW) {
		for (int i = 0; i < sqlite3_column_count(st); i++)
			strbuf_printf(&sb, "%s\t", (const char *)sqlite3_column_text(st, i));
		strbuf_printf(&sb, "\n");
	}
	sqlite3_finalize(st);
	sqlite3_close(db);
	free(path);
	return sb.data;
}

/* Count articles which[0, n) of c ahead in s, as store_import counts what it will write. */
static void test_count_ahead(struct store *s, const struct corpus *c, const size_t *which, size_t n)
{
	struct store_related_stemmer *st = store_related_stemmer_new(s);
	struct store_related_stems stems = {0};
	REQUIRE(st != NULL);
	for (size_t k = 0; k < n; k++) {
		store_related_stem(st, c, which[k], &stems);
		store_related_ahead_count(s, c, which[k], &stems);
	}
	store_related_stems_free(&stems);
	store_related_stemmer_free(st);
}

/* The related tables' rows of two stores differ (a word weighed otherwise). */
static bool test_postings_differ(const char *x, const char *y)
{
	static const char query[] =
		"SELECT term, day, article, printf('%!.17g', w) FROM related_postings ORDER BY 1, 2, 3";
	char *a = test_dump(x, query), *b = test_dump(y, query);
	bool differ = strcmp(a, b) != 0;
	free(a);
	free(b);
	return differ;
}

/* store_import (a bulk write: df counts, postings and pools kept in memory from one
 * transaction to the next, the import's df counted ahead) leaves the related tables row for
 * row as store_ingest does batch by batch with the same articles counted ahead (each
 * transaction's counts read and written back at once), a second import that changes an
 * article included (forgotten by statement in the middle of a bulk write); without the
 * count ahead, batch-by-batch ingest weighs the early articles' words otherwise. */
static void test_import_same_tables(void)
{
	static const char *const queries[] = {
		"SELECT id, kind, term, name, df FROM related_terms ORDER BY id",
		"SELECT term, day, article, printf('%!.17g', w) FROM related_postings ORDER BY 1, 2, 3",
		"SELECT article, neighbour, printf('%!.17g', score) FROM related_pool ORDER BY 1, 2",
		"SELECT article, day, title, hex(words), hex(entities), hex(counted) FROM related_vecs ORDER BY article",
		"SELECT key, value FROM meta WHERE key LIKE 'related%' ORDER BY key",
	};
	struct corpus c, changed;
	struct store *a = test_open("batches.db"), *b = test_open("import.db");
	struct store *plain = test_open("uncounted.db");
	size_t all[TEST_N], moved = 1;
	char *error = NULL;

	test_corpus(&c, NULL, TEST_N);
	test_moved = moved;
	test_corpus(&changed, NULL, TEST_N);
	test_moved = SIZE_MAX;
	REQUIRE(c.n == TEST_N);
	for (size_t i = 0; i < TEST_N; i++)
		all[i] = i;
	test_count_ahead(a, &c, all, c.n);
	for (size_t from = 0; from < c.n; from += 7) {
		CHECK(store_ingest(a, 0, &c, from, from + 7 < c.n ? from + 7 : c.n, NULL, &error));
		CHECK(store_ingest(plain, 0, &c, from, from + 7 < c.n ? from + 7 : c.n, NULL, &error));
	}
	test_count_ahead(a, &changed, &moved, 1); /* the one article the second import writes */
	for (size_t from = 0; from < changed.n; from += 7)
		CHECK(store_ingest(a, 0, &changed, from, from + 7 < c.n ? from + 7 : c.n, NULL, &error));
	store_related_ahead_end(a);
	CHECK(store_import(b, 0, &c, 7, NULL, &error));
	CHECK(store_import(b, 0, &changed, 7, NULL, &error));
	free(error);
	test_same_as_memory(b, &changed);
	store_close(a);
	store_close(b);
	store_close(plain);
	CHECK(test_postings_differ("uncounted.db", "batches.db"));
	for (size_t i = 0; i < sizeof queries / sizeof *queries; i++) {
		char *want = test_dump("batches.db", queries[i]), *got = test_dump("import.db", queries[i]);
		CHECK(strlen(want) > 20);
		CHECK_STR(got, want);
		free(want);
		free(got);
	}
	corpus_free(&c);
	corpus_free(&changed);
}

/* The index of documents made ahead in matching form (store_import, with the tagger) is the
 * one the tokenizer makes of the rows (a store without the tagger makes nothing ahead), with
 * texts whose matching form differs from them. */
static void test_import_index(void)
{
	static const char feed[] =
		"<rss version=\"2.0\"><channel><title>t</title>"
		"<item><link>http://x/a</link><title>أَإِآ الإسلاميّـــة ٣٤٥ ABC</title>"
		"<description>مُحَمَّد ﻻ ﷺ Ünïcode ＡＢＣ١٢</description></item>"
		"<item><link>http://x/b</link><title>السلام عليكم</title>"
		"<description>فِي البَيْتِ ى ي ة ه</description></item>"
		"<item><link>http://x/c</link><title>ـّ</title><description>أ</description></item>"
		"</channel></rss>";
	static const char query[] = "SELECT id, hex(block) FROM articles_fts_data ORDER BY id";
	char *path = xasprintf("%s/plain.db", test_root), *error = NULL, *want, *got;
	struct store *p = store_open(path, &error), *b = test_open("import2.db");
	struct corpus c;

	REQUIRE(p != NULL);
	corpus_init(&c);
	corpus_load_buffer(&c, "http://127.0.0.1/n.xml", feed, sizeof feed - 1);
	REQUIRE(c.n == 3);
	CHECK(store_ingest(p, 0, &c, 0, 2, NULL, &error));
	CHECK(store_ingest(p, 0, &c, 2, 3, NULL, &error));
	CHECK(store_import(b, 0, &c, 2, NULL, &error));
	store_close(p);
	store_close(b);
	want = test_dump("plain.db", query);
	got = test_dump("import2.db", query);
	CHECK(strlen(want) > 200);
	CHECK_STR(got, want);
	free(want);
	free(got);
	free(path);
	free(error);
	corpus_free(&c);
}

/* A store made by this qari, taken back to schema 2 (its articles, no related tables), is
 * migrated at open and rebuilt in batches to the lists of a store built at ingest. */
static void test_migration(void)
{
	struct corpus c;
	struct store *s;
	char *path = xasprintf("%s/v2.db", test_root), *error = NULL, *msg = NULL;
	sqlite3 *db;
	long made, total = 0;

	test_corpus(&c, NULL, TEST_N);
	s = test_open("v2.db");
	CHECK(store_ingest(s, 0, &c, 0, c.n, NULL, &error));
	store_close(s);
	REQUIRE(sqlite3_open(path, &db) == SQLITE_OK);
	CHECK(sqlite3_exec(db, "DROP TRIGGER articles_count_insert; DROP TRIGGER articles_count_delete;"
			       "DELETE FROM meta WHERE key = 'articles';"
			       "DROP TRIGGER related_forget; DROP TABLE related_terms;"
			       "DROP TABLE related_vecs; DROP TABLE related_postings;"
			       "DROP TABLE related_pool; DROP TABLE related_gone;"
			       "DELETE FROM meta WHERE key LIKE 'related%'; PRAGMA user_version = 2;",
			   NULL, NULL, &msg) == SQLITE_OK);
	if (msg)
		fprintf(stderr, "    %s\n", msg);
	sqlite3_free(msg);
	sqlite3_close(db);

	s = test_open("v2.db");
	CHECK(store_related_pending(s));
	{
		struct store_related_list l;
		CHECK(!store_related_get_id(s, c.items[0]->id, 10, &l)); /* not rebuilt yet */
		store_related_list_free(&l);
	}
	while ((made = store_related_rebuild(s, 7, &error)) > 0)
		total += made;
	CHECK_INT(made, 0);
	CHECK_INT(total, TEST_N);
	CHECK(!store_related_pending(s));
	test_same_as_memory(s, &c);
	store_close(s);

	REQUIRE(sqlite3_open(path, &db) == SQLITE_OK);
	{
		sqlite3_stmt *st;
		REQUIRE(sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK);
		CHECK(sqlite3_step(st) == SQLITE_ROW);
		CHECK_INT(sqlite3_column_int(st, 0), STORE_SCHEMA_VERSION);
		sqlite3_finalize(st);
	}
	sqlite3_close(db);
	free(error);
	free(path);
	corpus_free(&c);
}

/* The why line under a stored related story shows the shared words as the articles write
 * them (المبادرة with its ال and ة), not the stems the vectors keep (مبادره). */
static void test_why_as_written(void)
{
	static const char feed[] =
		"<rss version=\"2.0\"><channel><title>قناة</title>"
		"<item><link>http://x/why_a</link><title>خبر المبادرة</title><description>"
		"بالمبادرة والمبادرة المبادرة للمبادرة الحديقة البرنامج البرنامج جحخد ذرزش"
		"</description><pubDate>Mon, 01 Jun 2026 10:00:00 GMT</pubDate></item>"
		"<item><link>http://x/why_b</link><title>حديث عن المبادرة</title><description>"
		"المبادرة والمبادرة الحديقة الحديقة البرنامج البرنامج صضطظ عغقث"
		"</description><pubDate>Tue, 02 Jun 2026 10:00:00 GMT</pubDate></item>"
		"<item><link>http://x/why_c</link><title>طقس اليوم</title><description>"
		"أمطار غزيرة على السواحل ورياح نشطة"
		"</description><pubDate>Tue, 02 Jun 2026 11:00:00 GMT</pubDate></item>"
		"</channel></rss>";
	struct store *s = test_open("why.db");
	struct store_related_list l;
	struct corpus c;
	char *error = NULL;

	corpus_init(&c);
	corpus_load_buffer(&c, "http://127.0.0.1/why.xml", feed, sizeof feed - 1);
	REQUIRE(c.n == 3);
	CHECK(store_ingest(s, 0, &c, 0, c.n, NULL, &error));
	free(error);
	if (CHECK(store_related_get_id(s, c.items[0]->id, 10, &l)) && CHECK(l.n >= 1)) {
		CHECK_STR(l.v[0].id, c.items[1]->id);
		CHECK(strstr(l.v[0].why, "المبادرة") != NULL);
		CHECK(strstr(l.v[0].why, "البرنامج") != NULL);
		CHECK(strstr(l.v[0].why, "مبادره") == NULL && strstr(l.v[0].why, "بالمبادرة") == NULL);
		store_related_list_free(&l);
	}
	corpus_free(&c);
	store_close(s);
}

/* One kind of story in two towns (raids on midday work in Jazan and in al-Ahsa, days apart):
 * each town's reports link, the two towns' do not (places apart), in memory and in the
 * store alike; without the rule the two towns' would. */
static const char *const test_towns[] = {"جازان", "الأحساء"};

static void test_town_item(struct strbuf *sb, size_t i)
{
	const char *town = test_towns[i % 2];
	strbuf_printf(sb, "<item><link>http://x/town/%zu</link><title>ضبط %zu مخالفة للعمل تحت الشمس في %s"
		      "</title><description>ضبطت فرق التفتيش التابعة لمكتب العمل في %s %zu مخالفة لقرار منع "
		      "العمل تحت أشعة الشمس في مواقع البناء والمشاريع، وأوضح مدير مكتب العمل في %s أن "
		      "الحملات مستمرة حتى نهاية الصيف وأن المخالفين سيحالون إلى اللجان المختصة.</description>"
		      "<pubDate>Mon, %02zu Jun 2026 10:00:00 GMT</pubDate></item>",
		      i, 40 + 7 * i, town, town, 40 + 7 * i, town, 1 + 4 * i);
}

static bool test_town_of(const struct article *a)
{
	return strstr(a->title, test_towns[0]) != NULL;
}

static bool test_linked(const struct related_index *x, size_t a, size_t b)
{
	struct related_link *l;
	size_t n = related_find(x, a, 10, &l);
	bool found = false;
	for (size_t k = 0; k < n; k++) {
		found = found || l[k].article == b;
		for (size_t i = 0; i < l[k].ncopies; i++)
			found = found || l[k].copies[i] == b;
	}
	related_links_free(l, n);
	return found;
}

/* The skeleton of an "apart" rule's test: four items (item(sb, i)) of two subjects, whose
 * reports link when together() says they share one and not otherwise, in memory and in the
 * store (db) alike; with the rule switched off (rule_off) they link across. */
struct test_apart {
	const char *url, *db;
	void (*item)(struct strbuf *sb, size_t i);
	bool (*together)(const struct article *a, const struct article *b);
	void (*rule_off)(struct related_params *p);
};

static void test_apart_rule(const struct test_apart *k)
{
	struct strbuf sb = {0};
	struct corpus c;
	struct entity_table t;
	struct related_index x;
	struct related_params p = related_params_default();
	struct store *s;
	size_t nonempty;
	char *error = NULL;

	strbuf_printf(&sb, "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>قناة</title>");
	for (size_t i = 0; i < 4; i++)
		k->item(&sb, i);
	strbuf_printf(&sb, "</channel></rss>");
	corpus_init(&c);
	corpus_load_buffer(&c, k->url, sb.data, sb.len);
	strbuf_free(&sb);
	REQUIRE(c.n == 4);
	entity_table_build(&t, &c, test_model);
	related_index_build(&x, &t, NULL, 1, NULL);
	for (size_t a = 0; a < 4; a++)
		for (size_t b = 0; b < 4; b++)
			if (b != a)
				CHECK(test_linked(&x, a, b) == k->together(c.items[a], c.items[b]));
	s = test_open(k->db);
	CHECK(store_ingest(s, 0, &c, 0, c.n, NULL, &error));
	CHECK_INT(test_lists_differ(s, &x, &c, 4, &nonempty), 0);
	CHECK_INT(nonempty, 4);
	store_close(s);
	related_index_free(&x);
	k->rule_off(&p);
	related_index_build_with(&x, &t, NULL, 1, NULL, &p);
	CHECK(test_linked(&x, 0, 1) || test_linked(&x, 0, 3)); /* the rule parts them */
	related_index_free(&x);
	entity_table_free(&t);
	corpus_free(&c);
	free(error);
}

static bool test_one_town(const struct article *a, const struct article *b)
{
	return test_town_of(a) == test_town_of(b);
}

static void test_places_apart_off(struct related_params *p)
{
	p->with_places_apart = true;
}

static void test_places_apart(void)
{
	static const struct test_apart k = {"http://127.0.0.1/towns.xml", "towns.db", test_town_item,
					    test_one_town, test_places_apart_off};
	test_apart_rule(&k);
}

/* A town named only in a report's headline, untagged there («"عمل تبوك" يضبط»), counts as the
 * report's place when the gazetteers list it and the corpus tags it elsewhere (in the store: an
 * article stored before): the Tabuk raid is apart from Jazan's, in memory and in the store
 * alike. */
static void test_headline_place(void)
{
	struct strbuf sb = {0};
	struct corpus c;
	struct entity_table t;
	struct related_index x;
	struct store *s;
	size_t nonempty;
	char *error = NULL;
	size_t tabuk = SIZE_MAX;

	strbuf_printf(&sb, "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>قناة</title>");
	test_town_item(&sb, 0);
	test_town_item(&sb, 2);
	strbuf_printf(&sb, "<item><link>http://x/town/rain</link><title>أمطار غزيرة على تبوك</title>"
		      "<description>هطلت أمطار غزيرة على مدينة تبوك مساء أمس، وقال الدفاع المدني في تبوك إن "
		      "الفرق باشرت تصريف المياه من الطرق.</description>"
		      "<pubDate>Fri, 19 Jun 2026 12:00:00 GMT</pubDate></item>"
		      "<item><link>http://x/town/tabuk</link><title>\"عمل تبوك\" يضبط 68 مخالفة للعمل تحت "
		      "الشمس</title><description>ضبطت فرق التفتيش التابعة لمكتب العمل 68 مخالفة لقرار منع "
		      "العمل تحت أشعة الشمس في مواقع البناء والمشاريع، وأوضح مدير مكتب العمل أن الحملات "
		      "مستمرة حتى نهاية الصيف وأن المخالفين سيحالون إلى اللجان المختصة.</description>"
		      "<pubDate>Sat, 20 Jun 2026 10:00:00 GMT</pubDate></item></channel></rss>");
	corpus_init(&c);
	corpus_load_buffer(&c, "http://127.0.0.1/tabuk.xml", sb.data, sb.len);
	strbuf_free(&sb);
	REQUIRE(c.n == 4);
	entity_table_build(&t, &c, test_model);
	related_index_build(&x, &t, NULL, 1, NULL);
	for (size_t a = 0; a < c.n; a++)
		if (strstr(c.items[a]->title, "عمل تبوك"))
			tabuk = a;
	REQUIRE(tabuk != SIZE_MAX);
	CHECK(x.headline_place[tabuk] != UINT32_MAX); /* untagged in the headline, known elsewhere */
	for (size_t a = 0; a < c.n; a++)
		if (strstr(c.items[a]->title, "جازان")) /* the same kind of raid, another town */
			CHECK(!test_linked(&x, a, tabuk) && !test_linked(&x, tabuk, a));
	s = test_open("tabuk.db");
	CHECK(store_ingest(s, 0, &c, 0, c.n, NULL, &error));
	CHECK_INT(test_lists_differ(s, &x, &c, c.n, &nonempty), 0);
	store_close(s);
	related_index_free(&x);
	entity_table_free(&t);
	corpus_free(&c);
}

/* One kind of story about two clubs (their friendlies, eight days and more apart): each
 * club's reports link, the two clubs' do not (organisations apart: each headline names its
 * club, which an earlier article tags too), in memory and in the store alike; without the
 * rule the two clubs' would. */
static const char *const test_clubs[] = {"نادي الفيصلي", "نادي التعاون"};

static void test_club_item(struct strbuf *sb, size_t i, bool news, int day)
{
	const char *club = test_clubs[i % 2];
	if (!news && i % 2 == 0) {
		strbuf_printf(sb, "<item><link>http://x/club/%zu</link><title>%s يعقد جمعيته العمومية</title>"
			      "<description>يعقد %s جمعيته العمومية العادية لمناقشة الميزانية والتقرير "
			      "المالي للموسم الماضي وانتخاب أعضاء مجلس الإدارة.</description>"
			      "<pubDate>Mon, %02d Jun 2026 10:00:00 GMT</pubDate></item>", i, club, club, day);
		return;
	}
	if (!news) {
		strbuf_printf(sb, "<item><link>http://x/club/%zu</link><title>%s يفتتح متجره الإلكتروني</title>"
			      "<description>افتتح %s متجره الإلكتروني لبيع القمصان والتذاكر والهدايا "
			      "التذكارية لجماهيره في كل المدن.</description>"
			      "<pubDate>Mon, %02d Jun 2026 10:00:00 GMT</pubDate></item>", i, club, club, day);
		return;
	}
	strbuf_printf(sb, "<item><link>http://x/club/%zu</link><title>%s يكسب وديته %zu بثلاثية</title>"
		      "<description>كسب الفريق الأول لكرة القدم مباراته الودية رقم %zu بثلاثة أهداف مقابل "
		      "هدف، وشارك المحترفون الجدد في الشوط الثاني، وأوضح المدرب أن المعسكر الإعدادي "
		      "يسير وفق البرنامج وأن اللاعبين سيخوضون %zu مباراة ودية و%zu حصة تدريبية قبل "
		      "انطلاق الدوري.</description><pubDate>Mon, %02d Jun 2026 10:00:00 GMT</pubDate></item>",
		      i, club, i, i, 10 + 7 * i, 40 + 7 * i, day);
}

static bool test_club_of(const struct article *a)
{
	return strstr(a->title, "الفيصلي") != NULL;
}

static void test_orgs_apart(void)
{
	struct strbuf sb = {0};
	struct corpus c;
	struct entity_table t;
	struct related_index x;
	struct related_params p = related_params_default();
	struct store *s;
	size_t nonempty;
	char *error = NULL;
	bool crossed = false;

	strbuf_printf(&sb, "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>قناة</title>");
	test_club_item(&sb, 0, false, 1);
	test_club_item(&sb, 1, false, 1);
	test_club_item(&sb, 2, true, 2);
	test_club_item(&sb, 4, true, 5);
	test_club_item(&sb, 3, true, 13);
	test_club_item(&sb, 5, true, 16);
	strbuf_printf(&sb, "</channel></rss>");
	corpus_init(&c);
	corpus_load_buffer(&c, "http://127.0.0.1/clubs.xml", sb.data, sb.len);
	strbuf_free(&sb);
	REQUIRE(c.n == 6);
	entity_table_build(&t, &c, test_model);
	related_index_build(&x, &t, NULL, 1, NULL);
	for (size_t a = 0; a < c.n; a++)
		for (size_t b = 0; b < c.n; b++)
			if (b != a && strstr(c.items[a]->title, "يكسب") && strstr(c.items[b]->title, "يكسب"))
				CHECK(test_linked(&x, a, b) == (test_club_of(c.items[a]) == test_club_of(c.items[b])));
	s = test_open("clubs.db");
	CHECK(store_ingest(s, 0, &c, 0, c.n, NULL, &error));
	CHECK_INT(test_lists_differ(s, &x, &c, c.n, &nonempty), 0);
	store_close(s);
	related_index_free(&x);
	p.with_orgs_apart = true;
	related_index_build_with(&x, &t, NULL, 1, NULL, &p);
	for (size_t a = 0; a < c.n; a++)
		for (size_t b = 0; b < c.n; b++)
			if (strstr(c.items[a]->title, "يكسب") && strstr(c.items[b]->title, "يكسب") &&
			    test_club_of(c.items[a]) != test_club_of(c.items[b]))
				crossed = crossed || test_linked(&x, a, b);
	CHECK(crossed); /* the rule parts them */
	related_index_free(&x);
	entity_table_free(&t);
	corpus_free(&c);
	free(error);
}

/* Condolences for two deceased (each headline names its own, days apart): each one's reports
 * link, the two's do not (persons apart), in memory and in the store alike; without the rule
 * they would. */
static const char *const test_mourned[] = {"عبدالله بن محمد الحربي", "سعد بن علي القحطاني"};

static void test_mourning_item(struct strbuf *sb, size_t i)
{
	const char *who = test_mourned[i % 2];
	strbuf_printf(sb, "<item><link>http://x/mourn/%zu</link><title>أسرة الفقيد تتلقى العزاء في الشيخ "
		      "%s</title><description>انتقل إلى رحمة الله تعالى الشيخ %s بعد معاناة مع المرض، "
		      "وصُلي عليه في الجامع الكبير، وتتلقى أسرة الفقيد العزاء في منزله بحي الروضة لمدة "
		      "ثلاثة أيام.</description><pubDate>Mon, %02zu Jun 2026 10:00:00 GMT</pubDate></item>",
		      i, who, who, 1 + 3 * i);
}

static bool test_one_deceased(const struct article *a, const struct article *b)
{
	return (strstr(a->title, "الحربي") != NULL) == (strstr(b->title, "الحربي") != NULL);
}

static void test_persons_apart_off(struct related_params *p)
{
	p->with_persons_apart = true;
}

static void test_persons_apart(void)
{
	static const struct test_apart k = {"http://127.0.0.1/mourning.xml", "mourning.db",
					    test_mourning_item, test_one_deceased,
					    test_persons_apart_off};
	test_apart_rule(&k);
}

int main(void)
{
	char tmpl[] = "/tmp/qari-test-store-related-XXXXXX";
	char *error = NULL;

	test_model = ner_default(&error);
	if (test_model == NULL) {
		printf("SKIP: no entity model: %s\n", error);
		return 77;
	}
	test_root = mkdtemp(tmpl);
	if (test_root == NULL)
		return 1;
	test_incremental();
	test_updated_and_pruned();
	test_changed();
	test_other_writer();
	test_import_same_tables();
	test_import_index();
	test_migration();
	test_why_as_written();
	test_places_apart();
	test_headline_place();
	test_orgs_apart();
	test_persons_apart();
	if (!getenv("QARI_TEST_KEEP"))
		check_remove_tree(test_root);
	ner_default_free();
	return check_done();
}
