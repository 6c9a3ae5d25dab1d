/* test_store_make.c - a store made bigger: store_import (tagging ahead of a writer thread) stores
 * what store_ingest stores, duplicates across batches included; store_make_variants adds
 * variants with ids and keys of their own, dates whole weeks back, the original's entities,
 * found by a search, the original's related list remapped to the variants of the same
 * generation, and grows a store further from where it stopped; an import killed (kill -9)
 * while its writer writes keeps whole batches. */
#include <signal.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"
#include "qari/corpus.h"
#include "qari/ner.h"
#include "qari/search.h"
#include "qari/store.h"
#include "qari/store_list.h"
#include "qari/store_related.h"
#include "qari/xalloc.h"

#define TEST_WEEK (7 * 86400)

static char *test_root;

/* A feed of items (link, title, body), dated 1 to 5 June 2026 in turn. */
static void test_feed(struct corpus *c, const char *const (*items)[3], size_t n)
{
	struct strbuf sb = {0};
	strbuf_printf(&sb, "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>قناة"
		      "</title>");
	for (size_t i = 0; i < n; i++)
		strbuf_printf(&sb, "<item><link>%s</link><title>%s</title><description>%s"
			      "</description><pubDate>Mon, 0%zu Jun 2026 10:00:00 GMT</pubDate></item>",
			      items[i][0], items[i][1], items[i][2], i % 5 + 1);
	strbuf_printf(&sb, "</channel></rss>");
	corpus_init(c);
	corpus_load_buffer(c, "http://127.0.0.1/feed.xml", sb.data, sb.len);
	strbuf_free(&sb);
}

static const char *const test_items[][3] = {
	{"http://x/1", "لافروف في موسكو", "قال وزير الخارجية الروسي سيرغي لافروف في موسكو"},
	{"http://x/2", "الرياض", "افتتح أمير منطقة الرياض المعرض الدولي للكتاب"},
	{"http://x/1", "لافروف في موسكو", "قال وزير الخارجية الروسي سيرغي لافروف في موسكو"},
	{"http://x/3", "جدة", "وصل إلى جدة وفد من الأمم المتحدة"},
	{"http://x/4", "خبر", "لا شيء هنا"},
	{"http://x/2", "الرياض", "افتتح أمير منطقة الرياض المعرض الدولي للكتاب"},
};
#define TEST_NITEMS (sizeof test_items / sizeof *test_items)
#define TEST_UNIQUE 4

static struct store *test_open(const char *name)
{
	char *path = xasprintf("%s/%s", test_root, name), *error = NULL;
	struct store *s = store_open(path, &error);
	CHECK(s != NULL);
	if (error)
		fprintf(stderr, "%s\n", error);
	free(error);
	free(path);
	return s;
}

static sqlite3 *test_db(const char *name)
{
	char *path = xasprintf("%s/%s", test_root, name);
	sqlite3 *db = NULL;
	CHECK(sqlite3_open(path, &db) == SQLITE_OK);
	free(path);
	return db;
}

/* One integer the query gives. */
static int64_t test_int(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st = NULL;
	int64_t v = -1;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	else
		fprintf(stderr, "%s: %s\n", sql, sqlite3_errmsg(db));
	sqlite3_finalize(st);
	return v;
}

/* Two stores fed the same feed, one by store_ingest per batch and one by store_import. */
static void test_import(const struct ner_model *m)
{
	struct store *a = test_open("ingest.db"), *b = test_open("import.db");
	struct store_ingest ra = {0}, rb = {0};
	char *error = NULL;
	struct corpus c;
	sqlite3 *db;

	if (a == NULL || b == NULL)
		return;
	store_set_tagger(a, m, 2);
	store_set_tagger(b, m, 2);
	test_feed(&c, test_items, TEST_NITEMS);
	CHECK_INT(c.n, TEST_NITEMS);
	/* batches of 2: the duplicates are in later batches than their first */
	for (size_t from = 0; from < c.n; from += 2)
		CHECK(store_ingest(a, 0, &c, from, from + 2 < c.n ? from + 2 : c.n, &ra, &error));
	CHECK(store_import(b, 0, &c, 2, &rb, &error));
	CHECK(error == NULL);
	CHECK_INT(rb.added, TEST_UNIQUE);
	CHECK_INT(rb.added, ra.added);
	CHECK_INT(rb.updated, ra.updated);
	CHECK_INT(rb.unchanged, ra.unchanged);
	CHECK_INT(store_count(b), TEST_UNIQUE);
	store_close(a);
	store_close(b);

	db = test_db("import.db");
	{
		char *sql = xasprintf("ATTACH '%s/ingest.db' AS a", test_root);
		CHECK(sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK);
		free(sql);
	}
	/* the same rows, entities and all */
	CHECK_INT(test_int(db, "SELECT count(*) FROM articles x JOIN a.articles y USING (dedupe)"
			       " WHERE x.hash = y.hash AND x.aid = y.aid AND x.body = y.body AND"
			       " x.entities IS y.entities"), TEST_UNIQUE);
	if (m)
		CHECK(test_int(db, "SELECT count(*) FROM articles WHERE length(entities) > 4") > 0);
	sqlite3_close(db);

	/* again: the duplicates, dated apart, update their first each time, as ingest does */
	a = test_open("ingest.db");
	b = test_open("import.db");
	memset(&ra, 0, sizeof ra);
	memset(&rb, 0, sizeof rb);
	store_set_tagger(a, m, 2);
	store_set_tagger(b, m, 2);
	for (size_t from = 0; from < c.n; from += 2)
		CHECK(store_ingest(a, 0, &c, from, from + 2 < c.n ? from + 2 : c.n, &ra, &error));
	CHECK(store_import(b, 0, &c, 2, &rb, &error));
	CHECK_INT(rb.added, 0);
	CHECK_INT(rb.updated, ra.updated);
	CHECK_INT(rb.unchanged, ra.unchanged);
	CHECK_INT(rb.updated + rb.unchanged, TEST_NITEMS);
	store_close(a);
	store_close(b);
	corpus_free(&c);
}

/* Articles whose matching form holds q. */
static size_t test_search(struct store *s, const char *q)
{
	struct store_list_filter f = STORE_LIST_ALL;
	struct search_query query;
	size_t n;
	CHECK(search_query_init(&query, q, false));
	f.query = &query;
	n = store_list_count(s, &f, NULL);
	search_query_free(&query);
	return n;
}

/* Every original in the pool of every other (the test's articles share too little to link
 * by themselves): the pools variants copy. Returns the pool entries. */
static int64_t test_pools(void)
{
	sqlite3 *db = test_db("import.db");
	int64_t n;
	CHECK(sqlite3_exec(db, "INSERT OR IGNORE INTO related_pool (article, neighbour, score)"
			       " SELECT a.article, b.article, 0.5 FROM related_vecs a, related_vecs b"
			       " WHERE a.article <> b.article", NULL, NULL, NULL) == SQLITE_OK);
	n = test_int(db, "SELECT count(*) FROM related_pool");
	CHECK_INT(test_int(db, "SELECT count(*) FROM related_vecs"), TEST_UNIQUE);
	sqlite3_close(db);
	return n;
}

/* A variant's related list: entries of its own generation (the "#vV" of its key). */
static void test_variant_related(struct store *s, sqlite3 *db)
{
	struct store_related_list l;
	int64_t row = test_int(db, "SELECT id FROM articles WHERE dedupe LIKE '%#v3' LIMIT 1");
	CHECK(store_related_get(s, row, 10, &l));
	CHECK_INT(l.n, TEST_UNIQUE - 1);
	for (size_t k = 0; k < l.n; k++) {
		char *sql = xasprintf("SELECT count(*) FROM articles WHERE id = %lld AND aid = '%s'"
				      " AND dedupe LIKE '%%#v3'", (long long)l.v[k].row, l.v[k].id);
		CHECK_INT(test_int(db, sql), 1);
		free(sql);
	}
	store_related_list_free(&l);
}

/* The variants' related stories: every vector copied, its day moved with the date, nothing
 * counted in df; pools remapped within each generation, every entry a real row. */
static void test_variants_related(int64_t pool)
{
	sqlite3 *db = test_db("import.db");
	struct store *s = test_open("import.db");

	CHECK_INT(test_int(db, "SELECT count(*) FROM related_vecs"), 20);
	CHECK_INT(test_int(db, "SELECT value FROM meta WHERE key = 'related_n'"), 20);
	CHECK_INT(test_int(db, "SELECT count(*) FROM related_vecs v JOIN articles a ON a.id = v.article"
			       " JOIN articles o ON a.dedupe = o.dedupe || substr(a.dedupe, length(o.dedupe) + 1)"
			       " AND o.id <= 4 JOIN related_vecs ov ON ov.article = o.id"
			       " WHERE a.id > 4 AND v.words = ov.words AND length(v.counted) = 0"
			       " AND v.day = ov.day - (o.date_key - a.date_key) / 86400"), 16);
	CHECK_INT(test_int(db, "SELECT count(*) FROM related_pool"), pool * 5);
	CHECK_INT(test_int(db, "SELECT count(*) FROM related_pool p WHERE NOT EXISTS (SELECT 1"
			       " FROM articles WHERE id = p.neighbour) OR NOT EXISTS (SELECT 1"
			       " FROM articles WHERE id = p.article)"), 0);
	/* both ends of the same generation: the same suffix after the original's key */
	CHECK_INT(test_int(db, "SELECT count(*) FROM related_pool p JOIN articles a ON a.id = p.article"
			       " JOIN articles b ON b.id = p.neighbour WHERE substr(a.dedupe, instr(a.dedupe,"
			       " '#v')) IS NOT substr(b.dedupe, instr(b.dedupe, '#v'))"
			       " AND a.id > 4"), 0);
	if (s)
		test_variant_related(s, db);
	store_close(s);
	sqlite3_close(db);
}

static void test_variants(void)
{
	struct store *s, *empty = test_open("empty.db");
	char *error = NULL;
	size_t added = 0;
	int64_t pool = test_pools();
	sqlite3 *db;

	s = test_open("import.db");
	if (s == NULL || empty == NULL)
		return;
	CHECK(!store_make_variants(empty, 10, 3, &added, &error)); /* nothing to vary */
	CHECK(error != NULL);
	free(error);
	error = NULL;
	store_close(empty);

	/* 4 originals: variants 1 and 2 whole, 3 in part; batches of 3 cross the variants */
	CHECK(store_make_variants(s, 14, 3, &added, &error));
	CHECK(error == NULL);
	CHECK_INT(added, 10);
	CHECK_INT(store_count(s), 14);
	/* every article found once by what only it and its variants hold */
	CHECK_INT(test_search(s, "لافروف") + test_search(s, "الأمم المتحدة") +
		  test_search(s, "منطقة الرياض") + test_search(s, "لا شيء"), 14);
	CHECK(test_search(s, "لافروف") >= 3);
	CHECK(store_make_variants(s, 14, 3, &added, &error)); /* already that big */
	CHECK_INT(added, 0);
	/* grown further: variant 3 finished, no row twice */
	CHECK(store_make_variants(s, 20, 3, &added, &error));
	CHECK_INT(added, 6);
	CHECK_INT(store_count(s), 20);
	CHECK_INT(test_search(s, "الأمم المتحدة"), 5); /* the original and its 4 variants */
	CHECK_INT(test_search(s, "لافروف"), 5);
	store_close(s);

	db = test_db("import.db");
	CHECK_INT(test_int(db, "SELECT count(DISTINCT aid) FROM articles"), 20);
	CHECK_INT(test_int(db, "SELECT count(DISTINCT url) FROM articles"), 20);
	/* variant v: "#vV" after the URL and the key, v weeks back (the originals span 4 days),
	 * the date's text saying the same as its key, the entities and text of the original */
	CHECK_INT(test_int(db, "SELECT count(*) FROM articles v JOIN articles o"
			       " ON v.url = o.url || '#v' || ((v.date_key - o.date_key) / -604800)"
			       " WHERE o.url NOT LIKE '%#v%' AND v.date_key < o.date_key"
			       " AND (o.date_key - v.date_key) % 604800 = 0"
			       " AND v.dedupe = o.dedupe || '#v' || ((o.date_key - v.date_key) / 604800)"
			       " AND v.entities IS o.entities AND v.body = o.body AND v.title = o.title"
			       " AND v.date = strftime('%Y-%m-%d %H:%M', v.date_key, 'unixepoch')"),
		  16);
	CHECK_INT(test_int(db, "SELECT max((o.date_key - v.date_key) / 604800) FROM articles v"
			       " JOIN articles o ON v.url LIKE o.url || '#v%' AND o.url NOT LIKE '%#v%'"),
		  4);
	sqlite3_close(db);
	test_variants_related(pool);
}

/* An import killed (kill -9) while its writer thread writes: every batch committed is whole. */
static void test_import_kill9(const struct ner_model *m)
{
	char *path = xasprintf("%s/kill.db", test_root), *error = NULL;
	struct store *s = store_open(path, &error);
	pid_t pid;
	size_t n = 0;

	store_close(s);
	pid = fork();
	if (pid == 0) {
		struct store *w = store_open(path, &error);
		static char links[200][32], titles[200][16];
		const char *items[200][3];
		store_set_tagger(w, m, 2);
		for (unsigned round = 0;; round++) {
			struct corpus c;
			for (int i = 0; i < 200; i++) {
				snprintf(links[i], sizeof links[i], "http://k/%u/%d", round, i);
				snprintf(titles[i], sizeof titles[i], "t%u-%d", round, i);
				items[i][0] = links[i], items[i][1] = titles[i];
				items[i][2] = "قال وزير الخارجية في الرياض";
			}
			test_feed(&c, (const char *const (*)[3])items, 200);
			store_import(w, 0, &c, 25, NULL, &error);
			corpus_free(&c);
		}
	}
	check_kill_when_stored(pid, path, 150);
	s = store_open(path, &error);
	CHECK(s != NULL);
	if (s) {
		sqlite3 *db;
		n = store_count(s);
		CHECK(n >= 150);
		CHECK_INT(n % 25, 0);
		store_close(s);
		db = test_db("kill.db");
		CHECK_INT(test_int(db, "SELECT count(*) FROM pragma_integrity_check WHERE"
				       " integrity_check = 'ok'"), 1);
		sqlite3_close(db);
	}
	free(path);
}

int main(void)
{
	char tmpl[] = "/tmp/qari-test-store-make-XXXXXX";
	char *error = NULL;
	const struct ner_model *m;

	test_root = mkdtemp(tmpl);
	if (test_root == NULL)
		return 1;
	m = ner_default(&error);
	if (m == NULL) /* the rows must agree all the same, without entities */
		fprintf(stderr, "no model: %s\n", error ? error : "?");
	free(error);
	test_import(m);
	test_variants();
	test_import_kill9(m);
	if (!getenv("QARI_TEST_KEEP"))
		check_remove_tree(test_root);
	ner_default_free();
	return check_done();
}
