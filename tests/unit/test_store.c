/* test_store.c - the store: schema and migrations, dedupe and updates, entities stored and read
 * back without tagging, marks, retention, a newer schema, kill -9 in the middle of ingesting
 * and of importing, and an import's batches longer than its pieces. */
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"
#include "qari/corpus.h"
#include "qari/corpus_index.h"
#include "qari/ner.h"
#include "qari/store.h"
#include "qari/xalloc.h"

static char *test_root;

/* A feed with items built from (guid, link, title, body) rows; NULL fields are left out. */
static void test_feed(struct corpus *c, const char *const (*items)[4], size_t n)
{
	struct strbuf sb = {0};
	strbuf_printf(&sb, "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>قناة"
		      "</title>");
	for (size_t i = 0; i < n; i++) {
		strbuf_printf(&sb, "<item>");
		if (items[i][0])
			strbuf_printf(&sb, "<guid isPermaLink=\"false\">%s</guid>", items[i][0]);
		if (items[i][1])
			strbuf_printf(&sb, "<link>%s</link>", items[i][1]);
		strbuf_printf(&sb, "<title>%s</title><description>%s</description>"
			      "<pubDate>Mon, 0%zu Jun 2026 10:00:00 GMT</pubDate></item>",
			      items[i][2], items[i][3], i % 9 + 1);
	}
	strbuf_printf(&sb, "</channel></rss>");
	corpus_init(c);
	corpus_load_buffer(c, "http://127.0.0.1/feed.xml", sb.data, sb.len);
	strbuf_free(&sb);
}

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

static const struct article *test_find(const struct corpus *c, const char *title)
{
	for (size_t i = 0; i < c->n; i++)
		if (strcmp(c->items[i]->title, title) == 0)
			return c->items[i];
	return NULL;
}

static void test_dedupe_and_update(void)
{
	static const char *const first[][4] = {
		{"g1", "http://x/1", "one", "الأول"},
		{"g2", "http://x/1", "two", "الثاني"},     /* same link, other guid: its own */
		{NULL, "http://x/3", "three", "الثالث"},
		{NULL, NULL, "four", "الرابع"},            /* neither: hash of title and date */
		{"g1", "http://x/1", "one", "الأول"},      /* the same item twice */
	};
	static const char *const second[][4] = {
		{"g1", "http://x/1", "one", "الأول معدل"},  /* changed upstream */
		{"g2", "http://x/1", "two", "الثاني"},
		{NULL, "http://x/3", "three", "الثالث"},
		{NULL, NULL, "four", "الرابع"},
		{"g5", NULL, "five", "الخامس"},
	};
	struct store *s = test_open("dedupe.db");
	struct store_feed f, g;
	struct store_ingest r = {0};
	struct corpus c, back;
	char *error = NULL;

	if (s == NULL)
		return;
	CHECK(store_feed_get(s, "http://127.0.0.1/feed.xml", &f, &error));
	CHECK(store_feed_get(s, "http://127.0.0.1/feed.xml", &g, &error));
	CHECK_INT(f.id, g.id);
	test_feed(&c, first, 5);
	CHECK_INT(c.n, 5);
	CHECK(store_ingest(s, f.id, &c, 0, c.n, &r, &error));
	CHECK_INT(r.added, 4);
	CHECK_INT(r.unchanged, 1);
	CHECK_INT(store_count(s), 4);
	corpus_free(&c);

	memset(&r, 0, sizeof r);
	test_feed(&c, second, 5);
	CHECK(store_ingest(s, f.id, &c, 0, c.n, &r, &error));
	CHECK_INT(r.added, 1);
	CHECK_INT(r.updated, 1);
	CHECK_INT(r.unchanged, 3);
	CHECK_INT(store_count(s), 5);

	/* the same items under another feed are that feed's own */
	memset(&r, 0, sizeof r);
	store_feed_free(&g);
	CHECK(store_feed_get(s, "http://127.0.0.1/other.xml", &g, &error));
	CHECK(store_ingest(s, g.id, &c, 0, c.n, &r, &error));
	CHECK_INT(r.added, 5);
	corpus_free(&c);

	CHECK(store_feed_set_name(s, f.id, "اسمي", &error));
	corpus_init(&back);
	CHECK_INT(store_load(s, &back, NULL), 10);
	{
		const struct article *one = test_find(&back, "one");
		CHECK(one && one->npara == 1 && strcmp(one->paras[0], "الأول معدل") == 0);
		CHECK(one && one->source && (strcmp(one->source, "اسمي") == 0 ||
					     strcmp(one->source, "قناة") == 0));
	}
	/* newest first; an item's id is its link's (shared by feeds), else its own */
	for (size_t i = 1; i < back.n; i++)
		CHECK(back.items[i - 1]->date_key >= back.items[i]->date_key);
	for (size_t i = 0; i < back.n; i++)
		for (size_t k = i + 1; k < back.n; k++) {
			const struct article *a = back.items[i], *b = back.items[k];
			bool same_link = a->url && b->url && strcmp(a->url, b->url) == 0;
			CHECK(same_link == (strcmp(a->id, b->id) == 0) ||
			      (strcmp(a->title, b->title) == 0 && !a->url && !b->url &&
			       strcmp(a->path, b->path) != 0));
		}
	corpus_free(&back);
	store_feed_free(&f);
	store_feed_free(&g);
	store_close(s);
}

static bool test_same_entities(const struct article_entities *a, const struct article_entities *b)
{
	if (a->n != b->n || a->nmentions != b->nmentions)
		return false;
	for (uint32_t i = 0; i < a->n; i++)
		if (a->v[i].type != b->v[i].type || a->v[i].nmentions != b->v[i].nmentions ||
		    strcmp(article_entity_key(a, &a->v[i]), article_entity_key(b, &b->v[i])) != 0)
			return false;
	return a->nmentions == 0 ||
	       memcmp(a->mentions, b->mentions, a->nmentions * sizeof *a->mentions) == 0;
}

/* The store's SQL functions, for its triggers on a connection of the test's own: nothing
 * (the write they index is taken back by the next ingest). */
static void test_sql_nothing(sqlite3_context *cx, int argc, sqlite3_value **v)
{
	(void)argc, (void)v;
	sqlite3_result_null(cx);
}

/* Mark the entities stored for the article at url as packed by other rules (or assets). */
static void test_mark_stale(const char *name, const char *url)
{
	static const char *const functions[] = {"qari_entity_terms", "qari_fts_text", "qari_fts_deferred",
						"qari_fts_ready", "qari_title"};
	char *path = xasprintf("%s/%s", test_root, name);
	uint32_t other = article_entities_pack_version() ^ 1;
	sqlite3 *db = NULL;
	sqlite3_stmt *get = NULL, *put = NULL;

	CHECK(sqlite3_open(path, &db) == SQLITE_OK);
	for (size_t k = 0; k < sizeof functions / sizeof *functions; k++)
		for (int argc = 0; argc <= 8; argc++)
			sqlite3_create_function(db, functions[k], argc, SQLITE_UTF8, NULL, test_sql_nothing, NULL, NULL);
	CHECK(sqlite3_prepare_v2(db, "SELECT entities FROM articles WHERE url = ?", -1, &get, NULL) == SQLITE_OK);
	if (sqlite3_prepare_v2(db, "UPDATE articles SET entities = ? WHERE url = ?", -1, &put, NULL) != SQLITE_OK)
		fprintf(stderr, "%s\n", sqlite3_errmsg(db));
	sqlite3_bind_text(get, 1, url, -1, SQLITE_STATIC);
	if (get && put && sqlite3_step(get) == SQLITE_ROW && sqlite3_column_bytes(get, 0) >= 16) {
		size_t n = (size_t)sqlite3_column_bytes(get, 0);
		char *blob = xmalloc(n);
		memcpy(blob, sqlite3_column_blob(get, 0), n);
		memcpy(blob + 12, &other, sizeof other); /* the head's fourth word: the version */
		sqlite3_bind_blob(put, 1, blob, (int)n, free);
		sqlite3_bind_text(put, 2, url, -1, SQLITE_STATIC);
		CHECK(sqlite3_step(put) == SQLITE_DONE);
		CHECK_INT(sqlite3_changes(db), 1);
	} else {
		CHECK(!"a stored row with entities");
	}
	sqlite3_finalize(get);
	sqlite3_finalize(put);
	sqlite3_close(db);
	free(path);
}

/* Entities packed by other rules are stale: ingesting or importing the same items again tags
 * the article again (an upgrade's new rules reach the store by importing the same files), and
 * leaves the rest alone. */
static void test_stale_entities(struct store *s, int64_t feed, const struct corpus *c)
{
	struct store_ingest r = {0};
	char *error = NULL;

	test_mark_stale("entities.db", "http://x/e1");
	CHECK(store_ingest(s, feed, c, 0, c->n, &r, &error));
	CHECK_INT(r.updated, 1);
	CHECK_INT(r.unchanged, 1);
	memset(&r, 0, sizeof r);
	CHECK(store_ingest(s, feed, c, 0, c->n, &r, &error));
	CHECK_INT(r.unchanged, 2);
	test_mark_stale("entities.db", "http://x/e1");
	memset(&r, 0, sizeof r);
	CHECK(store_import(s, feed, c, 0, &r, &error));
	CHECK_INT(r.updated, 1);
	CHECK_INT(r.unchanged, 1);
	free(error);
}

static void test_entities(void)
{
	static const char *const items[][4] = {
		{"e1", "http://x/e1", "لافروف في موسكو",
		 "قال وزير الخارجية الروسي سيرغي لافروف في موسكو إن المحادثات مع الأمم المتحدة مستمرة"},
		{"e2", "http://x/e2", "خبر", "لا شيء هنا"},
	};
	char *error = NULL;
	const struct ner_model *m = ner_default(&error);
	struct store *s = test_open("entities.db");
	struct store_ingest r = {0};
	struct store_entities e = {0};
	struct corpus c, back;
	struct store_feed f;

	if (m == NULL || s == NULL) {
		fprintf(stderr, "no model: %s\n", error ? error : "?");
		CHECK(m != NULL);
		store_close(s);
		return;
	}
	store_set_tagger(s, m, 2);
	CHECK(store_feed_get(s, "http://127.0.0.1/e.xml", &f, &error));
	test_feed(&c, items, 2);
	CHECK(store_ingest(s, f.id, &c, 0, c.n, &r, &error));
	corpus_init(&back);
	CHECK_INT(store_load(s, &back, &e), 2);
	CHECK_INT(e.n, 2);
	for (size_t i = 0; i < back.n; i++) {
		struct article_entities fresh;
		struct strbuf sb = {0};
		struct article_entities bad;
		CHECK(e.have[i]);
		entity_extract(m, back.items[i], &fresh);
		CHECK(test_same_entities(&fresh, &e.es[i]));
		if (strcmp(back.items[i]->title, "خبر") != 0) /* the one with entities */
			CHECK(fresh.n > 0);
		/* packed by this version of the rules and assets, it reads back; by another, it is
		 * refused (the reader tags the article again) */
		article_entities_pack(&fresh, &sb);
		CHECK(article_entities_unpack(sb.data, sb.len, back.items[i], &bad));
		article_entities_free(&bad);
		{
			uint32_t other = article_entities_pack_version() ^ 1, same;
			memcpy(&same, sb.data + 12, sizeof same); /* the head's fourth word */
			CHECK(same == article_entities_pack_version());
			memcpy(sb.data + 12, &other, sizeof other);
			CHECK(!article_entities_unpack(sb.data, sb.len, back.items[i], &bad));
			other = same;
			memcpy(sb.data + 12, &other, sizeof other);
		}
		/* a damaged record is refused, never read out of bounds */
		if (fresh.n > 0) {
			((struct article_entity *)(sb.data + 16))->name.end = 1u << 30;
			CHECK(!article_entities_unpack(sb.data, sb.len, back.items[i], &bad));
		}
		CHECK(!article_entities_unpack(sb.data, sb.len - 1, back.items[i], &bad));
		strbuf_free(&sb);
		article_entities_free(&fresh);
	}
	store_entities_free(&e);
	corpus_free(&back);
	test_stale_entities(s, f.id, &c);
	corpus_free(&c);
	store_feed_free(&f);
	store_close(s);
}

/* An article's entities as the sidebar lists them: type, name, mentions. */
static char *test_sidebar(const struct article *a, const struct article_entities *es)
{
	struct strbuf sb = {0};
	for (uint32_t k = 0; k < es->n; k++) {
		char *name = article_entity_name(a, &es->v[k]);
		strbuf_printf(&sb, "%d %s %u\n", (int)es->v[k].type, name, es->v[k].nmentions);
		free(name);
	}
	return sb.data ? strbuf_take(&sb) : xstrdup("");
}

/* The entities stored for c by an import, and by ingests of one feed, are memory's for c:
 * the site's link line («رابط الخبر بصحيفة الوئام: <title>», furniture learned from the
 * articles given) counts in neither (it copies the title: its place, once more). */
static void test_memory_entities(void)
{
	char *error = NULL;
	const struct ner_model *m = ner_default(&error);
	const char *const names[] = {"memory-import.db", "memory-ingest.db"};
	struct corpus_index x;
	struct corpus c;

	REQUIRE(m != NULL);
	check_load_data(&c, "furniture/articles.json");
	corpus_sort(&c);
	REQUIRE(c.n >= 20);
	corpus_index_build(&x, &c, 2);
	for (size_t k = 0; k < 2; k++) {
		struct store *s = test_open(names[k]);
		size_t same = 0;
		store_set_tagger(s, m, 2);
		if (k == 0)
			CHECK(store_import(s, 0, &c, STORE_IMPORT_BATCH, NULL, &error));
		else
			CHECK(store_ingest(s, 0, &c, 0, c.n / 2, NULL, &error) &&
			      store_ingest(s, 0, &c, c.n / 2, c.n, NULL, &error));
		for (size_t i = 0; i < c.n; i++) {
			int64_t row = store_row_of(s, c.items[i]->id);
			struct article *a = store_load_article(s, row);
			struct corpus one = {.items = &a, .n = 1};
			struct store_entities e = {0};
			char *want = test_sidebar(c.items[i], &x.entities.per_article[i]), *got;
			REQUIRE(a != NULL);
			store_entities_reload(s, &one, &row, 1, &e);
			CHECK(e.n == 1 && e.have[0]);
			got = e.have[0] ? test_sidebar(a, &e.es[0]) : xstrdup("");
			same += strcmp(got, want) == 0;
			if (i == 0)
				CHECK_STR(got, want);
			free(want);
			free(got);
			store_entities_free(&e);
			article_free(a);
		}
		CHECK_INT(same, c.n);
		store_close(s);
	}
	corpus_index_free(&x);
	corpus_free(&c);
}

/* Run sql on the store file name outside qari (its functions not registered). */
static void test_sql(const char *name, const char *sql)
{
	char *path = xasprintf("%s/%s", test_root, name);
	sqlite3 *db;
	REQUIRE(sqlite3_open(path, &db) == SQLITE_OK);
	CHECK(sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK);
	sqlite3_close(db);
	free(path);
}

/* Rows whose entities are not stored as these rules pack them (none here; after an upgrade
 * that changes the rules, packed by the old ones) are tagged again when opened, with the
 * furniture the import learned and the store keeps: memory's entities, where tagging without
 * it (as a store written before kept none) keeps the site's link line. Importing the same
 * files again keeps it too when every row is unchanged. */
static void test_retag_furniture(void)
{
	char *error = NULL;
	const struct ner_model *m = ner_default(&error);
	struct corpus_index x;
	struct furniture f;
	struct corpus c;
	struct store *s;
	size_t same = 0, bare_differs = 0;

	REQUIRE(m != NULL);
	check_load_data(&c, "furniture/articles.json");
	corpus_sort(&c);
	corpus_index_build(&x, &c, 2);
	s = test_open("retag.db");
	store_set_tagger(s, m, 2);
	CHECK(store_import(s, 0, &c, STORE_IMPORT_BATCH, NULL, &error));
	store_close(s);
	/* the migration to 8 makes the triggers again, which the update would run without qari */
	test_sql("retag.db", "DROP TRIGGER entity_articles_update; UPDATE articles SET entities = NULL;"
			     "DELETE FROM entity_articles; PRAGMA user_version = 7;");
	s = test_open("retag.db");
	store_furniture_read(s, &f);
	CHECK(f.ntail > 0);
	for (size_t i = 0; i < c.n; i++) {
		int64_t row = store_row_of(s, c.items[i]->id);
		struct article *a = store_load_article(s, row);
		struct corpus one = {.items = &a, .n = 1};
		struct store_entities e = {0};
		struct article_entities es = {0}, bare = {0};
		struct entity_scratch *sx = entity_scratch_new();
		char *want, *got, *without;
		REQUIRE(a != NULL);
		store_entities_reload(s, &one, &row, 1, &e);
		CHECK(e.n == 1 && !e.have[0]);
		entity_scratch_use_furniture(sx, &f); /* as the reader tags it at open */
		entity_extract_with(m, a, sx, &es);
		entity_extract(m, a, &bare);
		want = test_sidebar(c.items[i], &x.entities.per_article[i]);
		got = test_sidebar(a, &es);
		without = test_sidebar(a, &bare);
		same += strcmp(got, want) == 0;
		bare_differs += strcmp(without, want) != 0;
		free(want);
		free(got);
		free(without);
		entity_scratch_free(sx);
		article_entities_free(&es);
		article_entities_free(&bare);
		store_entities_free(&e);
		article_free(a);
	}
	CHECK_INT(same, c.n);
	CHECK(bare_differs > 0);
	furniture_free(&f);
	store_close(s);

	/* written before it was kept: none; the same files imported again, every row unchanged */
	test_sql("retag.db", "DELETE FROM meta WHERE key GLOB 'furniture*'");
	s = test_open("retag.db");
	store_set_tagger(s, m, 2);
	store_furniture_read(s, &f);
	CHECK(f.nhead == 0 && f.ntail == 0);
	CHECK(store_import(s, 0, &c, STORE_IMPORT_BATCH, NULL, &error)); /* tags them all */
	store_furniture_read(s, &f);
	CHECK(f.ntail > 0);
	furniture_free(&f);
	test_sql("retag.db", "DELETE FROM meta WHERE key GLOB 'furniture*'");
	{
		struct store_ingest res = {0};
		CHECK(store_import(s, 0, &c, STORE_IMPORT_BATCH, &res, &error));
		CHECK_INT(res.unchanged, c.n);
	}
	store_furniture_read(s, &f);
	CHECK(f.ntail > 0);
	furniture_free(&f);
	store_close(s);
	corpus_index_free(&x);
	corpus_free(&c);
	free(error);
}

static void test_marks_and_prune(void)
{
	static const char *const items[][4] = {
		{"a", NULL, "a", "أ"}, {"b", NULL, "b", "ب"}, {"c", NULL, "c", "ت"},
		{"d", NULL, "d", "ث"}, {"e", NULL, "e", "ج"},
	};
	struct store *s = test_open("marks.db");
	struct store_feed f;
	struct corpus c, back;
	char *error = NULL, *last;
	const char *oldest;

	if (s == NULL)
		return;
	CHECK(store_feed_get(s, "http://127.0.0.1/m.xml", &f, &error));
	test_feed(&c, items, 5);
	CHECK(store_ingest(s, f.id, &c, 0, c.n, NULL, &error));
	corpus_init(&back);
	store_load(s, &back, NULL);
	CHECK_INT(back.n, 5);
	oldest = back.items[4]->id; /* "a": 1 June */
	CHECK(!store_is_read(s, oldest));
	CHECK(store_set_read(s, oldest, true));
	CHECK(store_is_read(s, oldest));
	CHECK(store_set_read(s, oldest, false));
	CHECK(!store_is_read(s, oldest));
	CHECK(store_set_bookmark(s, oldest, true));
	CHECK(store_is_bookmarked(s, oldest));
	CHECK(store_set_pos(s, back.items[0]->id, 4099));
	CHECK_INT(store_pos(s, back.items[0]->id), 4099);
	CHECK(store_set_last(s, back.items[1]->id));
	last = store_last(s);
	CHECK_STR(last, back.items[1]->id);
	free(last);

	/* keep two: the bookmarked oldest stays as a third */
	CHECK_INT(store_prune(s, 0, 2, &error), 2);
	CHECK_INT(store_count(s), 3);
	CHECK(store_is_bookmarked(s, oldest));
	/* everything is older than a day: only the bookmark is left */
	CHECK_INT(store_prune(s, 1, 0, &error), 0); /* stored today: too new to go */
	corpus_free(&back);
	corpus_free(&c);
	store_feed_free(&f);
	store_close(s);
}

static void test_newer_schema(void)
{
	char *path = xasprintf("%s/newer.db", test_root), *error = NULL;
	struct store *s = store_open(path, &error);
	struct store_feed f;
	sqlite3 *db;

	CHECK(s != NULL);
	store_close(s);
	CHECK(sqlite3_open(path, &db) == SQLITE_OK);
	CHECK(sqlite3_exec(db, "PRAGMA user_version = 99", NULL, NULL, NULL) == SQLITE_OK);
	sqlite3_close(db);
	s = store_open(path, &error);
	CHECK(s != NULL && store_read_only(s));
	if (s) {
		CHECK(!store_feed_get(s, "http://new/", &f, &error));
		free(error);
		CHECK(!store_set_read(s, "0123456789ab", true));
	}
	store_close(s);
	free(path);
}

/* qari_entity_terms for a connection outside qari: no terms. */
static void test_no_terms(sqlite3_context *cx, int argc, sqlite3_value **v)
{
	(void)argc, (void)v;
	sqlite3_result_text(cx, "[]", 2, SQLITE_STATIC);
}

/* A child ingests batches of 50 until killed: the database opens cleanly and holds whole
 * batches only. */
/* Entities packed by other rules (a store from an older qari) are tagged again when opened
 * and written back to the row: the next read unpacks them. The write never waits for
 * another writer: busy, it is not done. */
static void test_entities_write(void)
{
	static const char *const items[][4] = {
		{"w1", "http://x/w1", "لافروف في موسكو",
		 "قال وزير الخارجية الروسي سيرغي لافروف في موسكو إن المحادثات مستمرة"},
	};
	char *error = NULL, *path = xasprintf("%s/write.db", test_root);
	const struct ner_model *m = ner_default(&error);
	struct store *s = test_open("write.db");
	struct store_entities e = {0};
	struct article_entities fresh;
	struct strbuf sb = {0};
	struct corpus c, back;
	struct store_feed f;
	sqlite3 *db = NULL;
	sqlite3_stmt *st;
	uint32_t other = article_entities_pack_version() ^ 1;
	int64_t row;

	if (m == NULL || s == NULL) {
		CHECK(m != NULL);
		store_close(s);
		free(path);
		return;
	}
	store_set_tagger(s, m, 1);
	CHECK(store_feed_get(s, "http://127.0.0.1/w.xml", &f, &error));
	test_feed(&c, items, 1);
	CHECK(store_ingest(s, f.id, &c, 0, c.n, NULL, &error));
	corpus_init(&back);
	REQUIRE(store_load(s, &back, &e) == 1 && e.have[0]);
	row = e.rowid[0];
	/* the row's entities as an older qari packed them */
	entity_extract(m, back.items[0], &fresh);
	CHECK(fresh.n > 0);
	article_entities_pack(&fresh, &sb);
	memcpy(sb.data + 12, &other, sizeof other); /* the head's version */
	REQUIRE(sqlite3_open(path, &db) == SQLITE_OK);
	/* entity_articles' trigger on a connection outside qari: a stub */
	sqlite3_create_function_v2(db, "qari_entity_terms", 4, SQLITE_UTF8, NULL, test_no_terms,
				   NULL, NULL, NULL);
	sqlite3_prepare_v2(db, "UPDATE articles SET entities = ?2 WHERE id = ?1", -1, &st, NULL);
	sqlite3_bind_int64(st, 1, row);
	sqlite3_bind_blob(st, 2, sb.data, (int)sb.len, SQLITE_STATIC);
	CHECK(sqlite3_step(st) == SQLITE_DONE);
	sqlite3_finalize(st);
	store_entities_free(&e);
	store_entities_reload(s, &back, &row, 1, &e);
	CHECK(e.n == 1 && !e.have[0]);
	store_entities_free(&e);

	/* another writer holds the database: not written, and not waited for */
	CHECK(sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) == SQLITE_OK);
	CHECK(!store_entities_write(s, row, back.items[0], &fresh));
	sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	store_entities_reload(s, &back, &row, 1, &e);
	CHECK(!e.have[0]);
	store_entities_free(&e);

	/* written: read back as they were tagged; written again, nothing changes */
	CHECK(store_entities_write(s, row, back.items[0], &fresh));
	store_entities_reload(s, &back, &row, 1, &e);
	CHECK(e.have[0] && test_same_entities(&fresh, &e.es[0]));
	store_entities_free(&e);
	CHECK(store_entities_write(s, row, back.items[0], &fresh));
	store_entities_reload(s, &back, &row, 1, &e);
	CHECK(e.have[0] && test_same_entities(&fresh, &e.es[0]));
	store_entities_free(&e);

	sqlite3_close(db);
	strbuf_free(&sb);
	article_entities_free(&fresh);
	corpus_free(&back);
	corpus_free(&c);
	store_feed_free(&f);
	store_close(s);
	free(path);
}

/* A feed of n items with their own guids and titles (t<tag>-<i>), a few words each. */
static void test_feed_n(struct corpus *c, const char *tag, size_t n)
{
	char (*text)[3][48] = xcalloc(n, sizeof *text);
	const char *(*items)[4] = xcalloc(n, sizeof *items);
	for (size_t i = 0; i < n; i++) {
		snprintf(text[i][0], sizeof text[i][0], "g%s-%zu", tag, i);
		snprintf(text[i][1], sizeof text[i][1], "t%s-%zu", tag, i);
		snprintf(text[i][2], sizeof text[i][2], "نص الخبر %zu عن %zu", i, i % 7);
		items[i][0] = text[i][0], items[i][1] = NULL, items[i][2] = text[i][1];
		items[i][3] = text[i][2];
	}
	test_feed(c, (const char *const (*)[4])items, n);
	free(items);
	free(text);
}

/* The rows of query in the store at name, one a line. */
static char *test_dump(const char *name, const char *query)
{
	char *path = xasprintf("%s/%s", test_root, name);
	struct strbuf sb = {0};
	sqlite3 *db;
	sqlite3_stmt *st;
	CHECK(sqlite3_open(path, &db) == SQLITE_OK);
	CHECK(sqlite3_prepare_v2(db, query, -1, &st, NULL) == SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW) {
		for (int i = 0; i < sqlite3_column_count(st); i++)
			strbuf_printf(&sb, "%s\t", (const char *)sqlite3_column_text(st, i) ?
					   (const char *)sqlite3_column_text(st, i) : "NULL");
		strbuf_printf(&sb, "\n");
	}
	sqlite3_finalize(st);
	sqlite3_close(db);
	free(path);
	return sb.data ? strbuf_take(&sb) : xstrdup("");
}

/* store_import of batches longer than its pieces (256) writes what store_ingest writes batch
 * by batch: the same rows, and the index the same segments (a transaction a batch, its new
 * rows indexed at once); FTS5 holds a transaction's tokens in 64 MB (schema 6). */
static void test_import_batches(void)
{
	static const char *const queries[] = {
		"SELECT id, aid, feed, dedupe, hash, title, date, hex(body) FROM articles ORDER BY id",
		"SELECT id, hex(block) FROM articles_fts_data ORDER BY id",
	};
	struct store *a = test_open("batches.db"), *b = test_open("import.db");
	struct store_ingest r = {0};
	char *error = NULL, *v;
	struct corpus c;

	test_feed_n(&c, "i", 600);
	REQUIRE(c.n == 600);
	CHECK(store_ingest(a, 0, &c, 0, 512, NULL, &error));
	CHECK(store_ingest(a, 0, &c, 512, c.n, NULL, &error));
	CHECK(store_import(b, 0, &c, 512, &r, &error));
	CHECK_INT(r.added, 600);
	store_close(a);
	store_close(b);
	for (size_t i = 0; i < sizeof queries / sizeof *queries; i++) {
		char *want = test_dump("batches.db", queries[i]), *got = test_dump("import.db", queries[i]);
		CHECK(strlen(want) > 1000);
		CHECK_STR(got, want);
		free(want);
		free(got);
	}
	v = test_dump("import.db", "SELECT v FROM articles_fts_config WHERE k = 'hashsize'");
	CHECK_STR(v, "67108864\t\n");
	free(v);
	free(error);
	corpus_free(&c);
}

/* The rows of entity_articles a writer put in from the entities in hand are those the
 * triggers make from the stored rows (schema 8's migration run again), after inserts and
 * after updates of changed articles. */
static void test_entity_terms_written(void)
{
	const char *query = "SELECT term, article FROM entity_articles ORDER BY term, article";
	char *error = NULL, *path = xasprintf("%s/terms.db", test_root), *want, *got;
	const struct ner_model *m = ner_default(&error);
	struct store *s = test_open("terms.db");
	struct corpus c;
	sqlite3 *db;

	REQUIRE(m != NULL && s != NULL);
	store_set_tagger(s, m, 2);
	check_load_data(&c, "furniture/articles.json");
	CHECK(store_ingest(s, 0, &c, 0, c.n, NULL, &error));
	for (size_t i = 0; i < c.n; i += 2) { /* changed upstream: updated in place */
		free(c.items[i]->paras[0]);
		c.items[i]->paras[0] = xasprintf("زار محمد العلي الرياض وقال إن %zu زوار جاؤوا.", i);
		c.items[i]->dateline_end = 0;
	}
	CHECK(store_import(s, 0, &c, STORE_IMPORT_BATCH, NULL, &error));
	store_close(s);
	got = test_dump("terms.db", query);
	CHECK(strstr(got, "1:الرياض\t") != NULL && strstr(got, "s:العلي محمد العلي\t") != NULL);
	REQUIRE(sqlite3_open(path, &db) == SQLITE_OK);
	CHECK(sqlite3_exec(db, "DELETE FROM entity_articles; PRAGMA user_version = 7;", NULL, NULL,
			   NULL) == SQLITE_OK);
	sqlite3_close(db);
	store_close(test_open("terms.db")); /* 7 → 8 fills it again from the rows */
	want = test_dump("terms.db", query);
	CHECK(strlen(want) > 500);
	CHECK_STR(got, want);
	free(want);
	free(got);
	free(path);
	free(error);
	corpus_free(&c);
}

static void test_kill9(void)
{
	char *path = xasprintf("%s/kill.db", test_root), *error = NULL;
	struct store *s;
	pid_t pid;
	size_t n;

	s = store_open(path, &error);
	store_close(s);
	pid = fork();
	if (pid == 0) {
		struct store *w = store_open(path, &error);
		struct store_feed f;
		static char titles[50][16], guids[50][16];
		const char *items[50][4];
		for (unsigned round = 0;; round++) {
			struct corpus c;
			store_feed_get(w, "http://127.0.0.1/k.xml", &f, &error);
			for (int i = 0; i < 50; i++) {
				snprintf(titles[i], sizeof titles[i], "t%u-%d", round, i);
				snprintf(guids[i], sizeof guids[i], "g%u-%d", round, i);
				items[i][0] = guids[i], items[i][1] = NULL, items[i][2] = titles[i];
				items[i][3] = "نص";
			}
			test_feed(&c, (const char *const (*)[4])items, 50);
			store_ingest(w, f.id, &c, 0, c.n, NULL, &error);
			corpus_free(&c);
			store_feed_free(&f);
		}
	}
	check_kill_when_stored(pid, path, 150); /* a few batches committed, then mid-way */
	s = store_open(path, &error);
	CHECK(s != NULL);
	if (s) {
		sqlite3 *db;
		sqlite3_stmt *st;
		n = store_count(s);
		CHECK(n >= 150);
		CHECK_INT(n % 50, 0);
		store_close(s);
		CHECK(sqlite3_open(path, &db) == SQLITE_OK);
		CHECK(sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, NULL) == SQLITE_OK);
		CHECK(sqlite3_step(st) == SQLITE_ROW &&
		      strcmp((const char *)sqlite3_column_text(st, 0), "ok") == 0);
		sqlite3_finalize(st);
		sqlite3_close(db);
	}
	free(path);
}

/* kill -9 in the middle of store_import loses only the batch being written: the rows are
 * whole batches. */
static void test_kill9_import(void)
{
	char *path = xasprintf("%s/kill_import.db", test_root), *error = NULL;
	struct store *s;
	pid_t pid;
	size_t n = 0;

	s = store_open(path, &error);
	store_close(s);
	pid = fork();
	if (pid == 0) {
		struct store *w = store_open(path, &error);
		for (unsigned round = 0;; round++) {
			struct corpus c;
			char tag[16];
			snprintf(tag, sizeof tag, "k%u", round);
			test_feed_n(&c, tag, 1000);
			store_import(w, 0, &c, 300, NULL, &error);
			corpus_free(&c);
		}
	}
	check_kill_when_stored(pid, path, 1200);
	s = store_open(path, &error);
	CHECK(s != NULL);
	if (s) {
		n = store_count(s);
		CHECK(n >= 1200);
		/* each round of 1,000: batches of 300, 300, 300 and 100 */
		CHECK(n % 1000 == 0 || n % 1000 == 300 || n % 1000 == 600 || n % 1000 == 900);
		store_close(s);
	}
	free(error);
	free(path);
}

static long test_wal_size(const char *path)
{
	char *wal = xasprintf("%s-wal", path);
	struct stat st;
	long n = stat(wal, &st) == 0 ? (long)st.st_size : -1;
	free(wal);
	return n;
}

/* The pages path's WAL holds, from another connection (whose PASSIVE checkpoint copies them,
 * which changes nothing the store sees). */
static int test_wal_frames(const char *path)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	int n = -1;

	REQUIRE(sqlite3_open(path, &db) == SQLITE_OK);
	if (sqlite3_prepare_v2(db, "PRAGMA wal_checkpoint(PASSIVE)", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 1);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return n;
}

#define TEST_WAL_FRAME (24 + 4096) /* a frame's header and a page of the default size */

/* A reader's connection (store_tend_between): its commits neither checkpoint nor start the
 * WAL; store_tend starts it (its header written) before the first mark, and checkpoints once
 * it is long, then starts it again. A mark committed is kept through kill -9. */
static void test_tend(void)
{
	char *path = xasprintf("%s/tend.db", test_root), *error = NULL;
	struct store *s = store_open(path, &error);
	struct corpus c;
	int fds[2];
	pid_t pid;
	char b;

	REQUIRE(s != NULL);
	test_feed_n(&c, "w", 20);
	CHECK(store_ingest(s, 0, &c, 0, c.n, NULL, &error));
	corpus_free(&c);
	store_close(s); /* the last connection: the WAL copied and removed */
	s = store_open(path, &error);
	REQUIRE(s != NULL);
	CHECK(!store_tend_due(s)); /* a connection that does not tend */
	store_tend_between(s);
	CHECK(store_tend_due(s));
	CHECK(test_wal_size(path) <= 0);
	store_tend(s);
	CHECK(!store_tend_due(s));
	CHECK(test_wal_size(path) >= 32 + TEST_WAL_FRAME); /* started: header and a page */
	for (long i = 1; i <= 1500; i++) /* a commit each, a frame or more each */
		CHECK(store_set_pos(s, "abcdefabcdef", i));
	CHECK(store_tend_due(s));
	/* no commit checkpointed and started it again at 1,000 pages */
	CHECK(test_wal_size(path) >= 32 + 1500L * TEST_WAL_FRAME);
	store_tend(s); /* the checkpoint */
	CHECK(store_tend_due(s));
	store_tend(s); /* the WAL started again: one page */
	CHECK(!store_tend_due(s));
	CHECK_INT(test_wal_frames(path), 1);
	CHECK_INT(store_pos(s, "abcdefabcdef"), 1500);
	store_close(s);

	REQUIRE(pipe(fds) == 0);
	pid = fork();
	if (pid == 0) {
		struct store *w = store_open(path, &error);
		store_tend_between(w);
		store_tend(w);
		store_set_read(w, "abcdefabcdef", true);
		if (write(fds[1], "k", 1) != 1)
			_exit(1);
		for (;;)
			pause();
	}
	close(fds[1]);
	CHECK(read(fds[0], &b, 1) == 1); /* the mark acknowledged */
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	close(fds[0]);
	s = store_open(path, &error);
	REQUIRE(s != NULL);
	CHECK(store_is_read(s, "abcdefabcdef"));
	store_close(s);
	free(error);
	free(path);
}

int main(void)
{
	char tmpl[] = "/tmp/qari-test-store-XXXXXX";
	test_root = mkdtemp(tmpl);
	if (test_root == NULL)
		return 1;
	test_dedupe_and_update();
	test_entities();
	test_entities_write();
	test_memory_entities();
	test_retag_furniture();
	test_entity_terms_written();
	test_marks_and_prune();
	test_newer_schema();
	test_kill9();
	test_import_batches();
	test_kill9_import();
	test_tend();
	if (!getenv("QARI_TEST_KEEP"))
		check_remove_tree(test_root);
	ner_default_free();
	return check_done();
}
