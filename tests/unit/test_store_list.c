/* test_store_list.c - the list as a window onto the store: keyset pages both ways against the
 * order store_load gives, counts, feed and source filters, a version-1 store migrated, and the
 * full-text index: the same matches and hits as search.c for Arabic variants, kept in step
 * when an article changes, gets its page text, or goes by retention; titles stored with an
 * agency's section label listed, opened and searched without it. */
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "qari/corpus.h"
#include "qari/date.h"
#include "qari/entity.h"
#include "qari/ner.h"
#include "qari/normalize.h"
#include "qari/search.h"
#include "qari/store.h"
#include "qari/store_list.h"
#include "qari/text.h"
#include "qari/xalloc.h"

static char *test_root;

static struct store *test_open(const char *name)
{
	char *path = xasprintf("%s/%s", test_root, name), *error = NULL;
	struct store *s = store_open(path, &error);
	if (error)
		fprintf(stderr, "%s\n", error);
	REQUIRE(s != NULL);
	free(error);
	free(path);
	return s;
}

/* An article: its link makes its id; paragraphs separated by '|'; date NULL: undated. */
static void test_add(struct corpus *c, const char *link, const char *title, const char *body,
		     const char *date, const char *source)
{
	struct article *a = article_new(link);
	const char *p = body;

	a->url = xstrdup(link);
	article_set_title(a, title, strlen(title));
	for (const char *bar; (bar = strchr(p, '|')) != NULL; p = bar + 1)
		article_add_para(a, p, (size_t)(bar - p));
	article_add_para(a, p, strlen(p));
	if (date)
		date_set_article(a, date, strlen(date));
	if (source)
		a->source = xstrdup(source);
	corpus_add(c, a);
}

/* Articles of (title, body) pairs, one a day from 2026-05-01, linked http://HOST/I. */
static void test_add_texts(struct corpus *c, const char *const (*texts)[2], size_t n, const char *host)
{
	for (size_t i = 0; i < n; i++) {
		char link[64], date[48]; /* room for any size_t: -Wformat-truncation sees no bound on i */
		snprintf(link, sizeof link, "http://%s/%zu", host, i);
		snprintf(date, sizeof date, "2026-05-%02zu 10:00", i + 1);
		test_add(c, link, texts[i][0], texts[i][1], date, "spa");
	}
}

static void test_ingest(struct store *s, int64_t feed, const struct corpus *c)
{
	char *error = NULL;
	struct store_ingest r = {0};
	CHECK(store_ingest(s, feed, c, 0, c->n, &r, &error));
	if (error)
		fprintf(stderr, "%s\n", error);
	free(error);
}

/* Twenty-five articles over few dates (ties), three undated, from two sources. */
static void test_many(struct corpus *c)
{
	corpus_init(c);
	for (int i = 0; i < 25; i++) {
		char link[64], title[64], date[32];
		snprintf(link, sizeof link, "http://x/%d", i);
		snprintf(title, sizeof title, "خبر %d", i);
		snprintf(date, sizeof date, "2026-06-%02d 10:00", 1 + i % 5);
		test_add(c, link, title, i % 2 ? "نص فردي" : "نص زوجي", i % 9 == 4 ? NULL : date,
			 i % 3 ? "sabq" : "spa");
	}
}

/* The ids in store_load's order: the reference. */
static size_t test_reference(struct store *s, char ids[][ARTICLE_ID_LEN + 1], size_t max)
{
	struct corpus c;
	size_t n = 0;

	corpus_init(&c);
	store_load(s, &c, NULL);
	for (size_t i = 0; i < c.n && n < max; i++)
		memcpy(ids[n++], c.items[i]->id, ARTICLE_ID_LEN + 1);
	corpus_free(&c);
	return n;
}

static void test_paging(void)
{
	struct store *s = test_open("paging.db");
	struct store_list_filter all = STORE_LIST_ALL;
	struct store_list_page page = {0};
	struct store_list_key key;
	char ref[64][ARTICLE_ID_LEN + 1];
	struct corpus c;
	size_t n, got;

	test_many(&c);
	test_ingest(s, 0, &c);
	corpus_free(&c);
	n = test_reference(s, ref, 64);
	CHECK_INT(n, 25);

	/* toward older, 7 at a time: the whole order, undated last */
	got = store_list_after(s, &all, NULL, 7, &page);
	CHECK_INT(got, 7);
	while (got == 7) {
		key = page.v[page.n - 1].key;
		got = store_list_after(s, &all, &key, 7, &page);
	}
	CHECK_INT(page.n, 25);
	for (size_t i = 0; i < page.n && i < n; i++)
		CHECK_STR(page.v[i].id, ref[i]);
	CHECK(page.v[24].date == NULL && page.v[24].date_key == INT64_MIN);
	CHECK(page.v[0].date != NULL && strncmp(page.v[0].date, "2026-06-05", 10) == 0);
	CHECK_STR(page.v[0].source, "spa"); /* the last stored of the newest day: 24 */
	/* each row's fields are those of the article loading makes (read without its text) */
	corpus_init(&c);
	store_load(s, &c, NULL);
	for (size_t i = 0; i < page.n && i < c.n; i++) {
		const struct article *a = c.items[i];
		CHECK_STR(page.v[i].title, a->title);
		CHECK(page.v[i].date == a->date || strcmp(page.v[i].date, a->date) == 0);
		CHECK(page.v[i].date_key == a->date_key);
		CHECK_STR(page.v[i].source, a->source);
	}
	corpus_free(&c);
	/* each row's rank is its index, its key found again from its row (ties and undated too) */
	for (size_t i = 0; i < page.n; i++) {
		struct store_list_key k;
		CHECK_INT(store_list_rank(s, &all, &page.v[i].key), i);
		CHECK(store_list_key_of(s, page.v[i].key.row, &k));
		CHECK(k.sort == page.v[i].key.sort && k.row == page.v[i].key.row);
	}
	CHECK(!store_list_key_of(s, 1000000, &key));

	/* toward newer from the last row back: the same rows, each page newest first */
	store_list_page_clear(&page);
	got = store_list_before(s, &all, NULL, 10, &page);
	CHECK_INT(got, 10);
	CHECK_STR(page.v[9].id, ref[24]);
	CHECK_STR(page.v[0].id, ref[15]);
	key = page.v[0].key;
	store_list_page_clear(&page);
	got = store_list_before(s, &all, &key, 10, &page);
	CHECK_INT(got, 10);
	CHECK_STR(page.v[0].id, ref[5]);
	CHECK_STR(page.v[9].id, ref[14]);
	key = page.v[0].key;
	store_list_page_clear(&page);
	CHECK_INT(store_list_before(s, &all, &key, 10, &page), 5);
	CHECK_STR(page.v[0].id, ref[0]);

	/* two cursors of the same filter at once (statements kept for reuse are never shared),
	 * and again after they are closed */
	for (int round = 0; round < 2; round++) {
		struct store_list_cursor *c1 = store_list_open(s, &all, NULL, false);
		struct store_list_cursor *c2 = store_list_open(s, &all, NULL, false);
		struct store_list_page p1 = {0}, p2 = {0};
		for (int k = 0; k < 5; k++) {
			store_list_next(c1, 3, &p1);
			store_list_next(c2, 5, &p2);
		}
		CHECK_INT(p1.n, 15);
		CHECK_INT(p2.n, 25);
		for (size_t i = 0; i < p2.n; i++)
			CHECK(strcmp(p2.v[i].id, ref[i]) == 0 &&
			      (i >= p1.n || strcmp(p1.v[i].id, ref[i]) == 0));
		store_list_close(c1);
		store_list_close(c2);
		store_list_page_free(&p1);
		store_list_page_free(&p2);
	}

	/* a page from a middle row continues exactly after it */
	store_list_page_clear(&page);
	store_list_after(s, &all, NULL, 12, &page);
	key = page.v[11].key;
	store_list_page_clear(&page);
	CHECK_INT(store_list_after(s, &all, &key, 3, &page), 3);
	CHECK_STR(page.v[0].id, ref[12]);
	store_list_page_free(&page);
	store_close(s);
}

static void test_counts_and_filters(void)
{
	struct store *s = test_open("counts.db");
	struct store_list_filter f = STORE_LIST_ALL;
	struct store_list_page page = {0};
	struct store_feed feed;
	struct corpus c;
	char *error = NULL;
	size_t unread = 0;

	test_many(&c);
	test_ingest(s, 0, &c);
	corpus_free(&c);
	CHECK(store_feed_get(s, "http://127.0.0.1/feed.xml", &feed, &error));
	corpus_init(&c);
	test_add(&c, "http://y/1", "من القناة", "نص", "2026-07-01", "قناة");
	test_add(&c, "http://y/2", "من القناة ثانيا", "نص", "2026-07-02", "قناة");
	test_ingest(s, feed.id, &c);
	corpus_free(&c);
	CHECK(store_feed_set_name(s, feed.id, "اسمي", &error));

	CHECK(store_list_any(s));
	CHECK_INT(store_list_count(s, &f, &unread), 27);
	CHECK_INT(unread, 27);
	store_list_after(s, &f, NULL, 3, &page);
	CHECK_STR(page.v[0].title, "من القناة ثانيا");
	CHECK_STR(page.v[0].source, "اسمي"); /* the feed's ~Name, as store_load gives it */
	CHECK(!page.v[0].read && !page.v[0].bookmark);
	CHECK(store_set_read(s, page.v[0].id, true));
	CHECK(store_set_read(s, page.v[2].id, true));
	CHECK(store_set_bookmark(s, page.v[2].id, true));
	CHECK_INT(store_list_count(s, &f, &unread), 27);
	CHECK_INT(unread, 25);
	/* the views' counts (the unread one without reading the list) agree with their rows */
	f.marks = STORE_LIST_UNREAD;
	CHECK_INT(store_list_count(s, &f, &unread), 25);
	CHECK_INT(unread, 25);
	store_list_page_clear(&page);
	CHECK_INT(store_list_after(s, &f, NULL, 100, &page), 25);
	f.marks = STORE_LIST_BOOKMARKED;
	CHECK_INT(store_list_count(s, &f, &unread), 1);
	CHECK_INT(unread, 0);
	f.marks = STORE_LIST_ANY_MARK;
	store_list_page_clear(&page);
	store_list_after(s, &f, NULL, 3, &page);
	CHECK(page.v[0].read && !page.v[0].bookmark);
	CHECK(!page.v[1].read);
	CHECK(page.v[2].read && page.v[2].bookmark);
	store_list_page_clear(&page);

	f.feed = feed.id;
	CHECK_INT(store_list_count(s, &f, &unread), 2);
	CHECK_INT(unread, 1);
	CHECK_INT(store_list_after(s, &f, NULL, 10, &page), 2);
	store_list_page_clear(&page);
	f.feed = 0;
	CHECK_INT(store_list_count(s, &f, NULL), 25);
	f.source = "spa"; /* i % 3 == 0 of 0..24 */
	CHECK_INT(store_list_count(s, &f, NULL), 9);
	CHECK_INT(store_list_after(s, &f, NULL, 100, &page), 9);
	for (size_t i = 0; i < page.n; i++)
		CHECK_STR(page.v[i].source, "spa");
	store_list_page_clear(&page);
	f.feed = STORE_LIST_ANY_FEED;
	f.source = "nowhere";
	CHECK_INT(store_list_count(s, &f, NULL), 0);
	CHECK_INT(store_list_after(s, &f, NULL, 100, &page), 0);
	store_list_page_free(&page);
	store_feed_free(&feed);
	store_close(s);
}

/* Texts for the search: hamza forms, harakat, tatweel, taa marbuta, alef maqsura, digits,
 * case, a phrase split between two paragraphs, and between title and body. */
static void test_search_corpus(struct corpus *c)
{
	corpus_init(c);
	test_add(c, "http://s/1", "الأمم المتحدة تدعو إلى الحوار",
		 "قال مسؤول في الأمم المتحدة إن المؤتمر سيعقد في ٢٠١٥.|ورحب ولي العهد بالمبادرة.",
		 "2026-06-01", "spa");
	test_add(c, "http://s/2", "الامم المتحده", "اجتماع على مستوى عالٍ في نيويورك عام 2015",
		 "2026-06-02", "sabq");
	test_add(c, "http://s/3", "الأُمَمُ المُتَّحِدَة", "خبر عن إيران وISIS في مؤتمـــر صحفي",
		 "2026-06-03", "sabq");
	test_add(c, "http://s/4", "خبر عن الرياض", "نهاية الفقرة الأولى في|العهد الجديد",
		 "2026-06-04", "spa");
	test_add(c, "http://s/5", "سؤال ومسئول", "علي ذهب إلى ايران. isis \"quoted\" مرة ومرة مرة",
		 NULL, "spa");
	test_add(c, "http://s/6", "Reuters: Oil prices", "Oil rose; OIL fell; oil.", "2026-06-05",
		 "reuters");
}

static const char *const test_queries[] = {
	"الأمم المتحدة", "الامم المتحده", "الأُمَمُ", "المتحدة", "الأمـــم", "إيران", "ايران",
	"مؤتمر", "مؤتمـــر", "مسؤول", "على", "علي", "2015", "٢٠١٥", "ISIS", "isis", "ولي العهد",
	"في العهد", "الرياض نهاية", "في", "ا", "ظ", "مرة", "مرة مرة", "oil", "OIL", "\"quoted\"",
	"\"", ".", "zzz", "ال", "ه",
};

/* Every query: the store's rows and hits equal search_filter and search_count on the same
 * articles. */
static void test_search_same(struct store *s, const struct corpus *c)
{
	struct search_index x;

	search_index_init(&x, c);
	for (size_t k = 0; k < sizeof test_queries / sizeof *test_queries; k++) {
		struct store_list_filter f = STORE_LIST_ALL;
		struct store_list_page page = {0};
		struct search_query q;
		uint32_t found[16];
		size_t n, got;

		REQUIRE(search_query_init(&q, test_queries[k], false));
		n = search_filter(&x, &q, NULL, 0, found);
		f.query = &q;
		got = store_list_after(s, &f, NULL, 100, &page);
		if (!check_report(got == n && store_list_count(s, &f, NULL) == n, __FILE__,
				  __LINE__, test_queries[k]))
			fprintf(stderr, "    %s: store %zu (count %zu), search.c %zu\n",
				test_queries[k], got, store_list_count(s, &f, NULL), n);
		for (size_t i = 0; i < n; i++) {
			const struct article *a = c->items[found[i]];
			size_t j = 0;
			while (j < page.n && strcmp(page.v[j].id, a->id) != 0)
				j++;
			CHECK(j < page.n);
			if (j < page.n)
				CHECK_INT(page.v[j].hits, search_count(&x, found[i], &q));
		}
		{ /* the first hit only (the reader's list): the same rows, a hit each */
			struct store_list_page first = {0};
			f.any_hit = true;
			CHECK_INT(store_list_after(s, &f, NULL, 100, &first), page.n);
			for (size_t i = 0; i < first.n && i < page.n; i++)
				CHECK(strcmp(first.v[i].id, page.v[i].id) == 0 && first.v[i].hits == 1 &&
				      strcmp(first.v[i].title, page.v[i].title) == 0);
			store_list_page_free(&first);
		}
		store_list_page_free(&page);
		search_query_free(&q);
	}
	search_index_free(&x);
}

static void test_search(void)
{
	struct store *s = test_open("search.db");
	struct corpus c;

	test_search_corpus(&c);
	corpus_sort(&c);
	test_ingest(s, 0, &c);
	test_search_same(s, &c);
	corpus_free(&c);
	store_close(s);
}

/* Article i of test_walk_corpus: every one "مشترك", the odd ones "فردي", one in 50 "نادر",
 * one in 400 "شحيح". */
static bool test_walk_has(size_t i, const char *query)
{
	return strcmp(query, "مشترك") == 0 || (strcmp(query, "فردي") == 0 && i % 2) ||
	       (strcmp(query, "نادر") == 0 && i % 50 == 7) ||
	       (strcmp(query, "شحيح") == 0 && i % 400 == 7);
}

#define TEST_WALK_N 1200

static void test_walk_corpus(struct corpus *c)
{
	corpus_init(c);
	for (size_t i = 0; i < TEST_WALK_N; i++) {
		char link[64], title[64], body[128], date[32];
		snprintf(link, sizeof link, "http://w/%zu", i);
		snprintf(title, sizeof title, "عنوان %zu", i);
		snprintf(body, sizeof body, "نص مشترك%s%s%s", i % 2 ? "|فردي" : "",
			 i % 50 == 7 ? " نادر" : "", i % 400 == 7 ? " شحيح" : "");
		/* dates against the insertion order, with ties and some undated */
		snprintf(date, sizeof date, "2026-%02zu-%02zu 10:00", 1 + (i * 7) % 12, 1 + i % 28);
		test_add(c, link, title, body, i % 37 == 3 ? NULL : date, "spa");
	}
}

/* The rows a search gives, read a page at a time by keyset (as the window reads) and through
 * one cursor: the rows of the whole list that match, in its order, whichever way each page
 * was read (walking the list, the index, or the one after the other). */
static void test_search_walk(void)
{
	static const char *const queries[] = {"مشترك", "فردي", "نادر", "شحيح"};
	struct store *s = test_open("walk.db");
	struct store_list_filter all = STORE_LIST_ALL;
	struct store_list_page list = {0};
	struct corpus c;

	test_walk_corpus(&c);
	test_ingest(s, 0, &c);
	CHECK_INT(store_list_after(s, &all, NULL, TEST_WALK_N + 1, &list), TEST_WALK_N);
	for (size_t k = 0; k < sizeof queries / sizeof *queries; k++) {
		struct store_list_filter f = STORE_LIST_ALL;
		struct store_list_page paged = {0}, read = {0};
		struct store_list_cursor *cur;
		struct search_query q;
		size_t want = 0, got;

		REQUIRE(search_query_init(&q, queries[k], false));
		f.query = &q;
		do { /* pages of 3 after the last row's key */
			struct store_list_key key = paged.n ? paged.v[paged.n - 1].key
							    : (struct store_list_key){0, 0};
			got = store_list_after(s, &f, paged.n ? &key : NULL, 3, &paged);
		} while (got == 3);
		cur = store_list_open(s, &f, NULL, false);
		while (store_list_next(cur, 7, &read) == 7)
			;
		store_list_close(cur);
		for (size_t i = 0; i < list.n; i++) {
			size_t at = 0;
			while (at < c.n && strcmp(c.items[at]->id, list.v[i].id) != 0)
				at++;
			REQUIRE(at < c.n);
			if (!test_walk_has(at, queries[k]))
				continue;
			if (!check_report(want < paged.n && want < read.n &&
					  strcmp(paged.v[want].id, list.v[i].id) == 0 &&
					  strcmp(read.v[want].id, list.v[i].id) == 0,
					  __FILE__, __LINE__, queries[k]))
				break;
			want++;
		}
		CHECK_INT(paged.n, want);
		CHECK_INT(read.n, want);
		CHECK_INT(store_list_count(s, &f, NULL), want);
		store_list_page_free(&paged);
		store_list_page_free(&read);
		search_query_free(&q);
	}
	store_list_page_free(&list);
	corpus_free(&c);
	store_close(s);
}

static size_t test_found(struct store *s, const char *query)
{
	struct store_list_filter f = STORE_LIST_ALL;
	struct store_list_page page = {0};
	struct search_query q;
	size_t n, count;

	REQUIRE(search_query_init(&q, query, false));
	f.query = &q;
	n = store_list_after(s, &f, NULL, 100, &page);
	count = store_list_count(s, &f, NULL);
	CHECK_INT(count, n);
	store_list_page_free(&page);
	search_query_free(&q);
	return n;
}

/* Changed upstream, page text added, dropped by retention: the index follows each. */
static void test_search_in_step(void)
{
	struct store *s = test_open("step.db");
	struct corpus c;
	char *error = NULL;
	char *paras[] = {"نص الصفحة الكاملة عن البرتقال"};
	char id[ARTICLE_ID_LEN + 1];
	size_t gone;

	corpus_init(&c);
	test_add(&c, "http://t/1", "تفاح", "خبر عن التفاح الأحمر", "2026-06-01", NULL);
	test_add(&c, "http://t/2", "موز", "خبر عن الموز", "2026-06-02", NULL);
	test_ingest(s, 0, &c);
	corpus_free(&c);
	CHECK_INT(test_found(s, "التفاح الأحمر"), 1);
	CHECK_INT(test_found(s, "خبر عن"), 2);

	corpus_init(&c);
	test_add(&c, "http://t/1", "تفاح", "خبر عن الكمثرى", "2026-06-01", NULL); /* changed */
	test_ingest(s, 0, &c);
	corpus_free(&c);
	CHECK_INT(store_count(s), 2);
	CHECK_INT(test_found(s, "التفاح الأحمر"), 0);
	CHECK_INT(test_found(s, "الكمثرى"), 1);
	CHECK_INT(test_found(s, "خبر عن"), 2);

	/* the page text replaces the summary for search as on display */
	article_make_id("http://t/1", id);
	CHECK(store_row_of(s, id) > 0);
	CHECK(store_set_fulltext(s, store_row_of(s, id), paras, 1, NULL, &error));
	CHECK_INT(test_found(s, "البرتقال"), 1);
	CHECK_INT(test_found(s, "الكمثرى"), 0);

	/* retention: only the newest stays */
	gone = store_prune(s, 0, 1, &error);
	CHECK_INT(gone, 1);
	CHECK_INT(test_found(s, "خبر عن"), 1);
	CHECK_INT(test_found(s, "البرتقال"), 0);
	CHECK_INT(test_found(s, "الموز"), 1);
	free(error);
	store_close(s);
}

/* Whether meta key of the store name holds value (NULL: is absent). */
static bool test_meta_is(const char *name, const char *key, const char *value)
{
	char *path = xasprintf("%s/%s", test_root, name);
	const unsigned char *v = NULL;
	sqlite3_stmt *st;
	sqlite3 *db;
	bool is;

	REQUIRE(sqlite3_open(path, &db) == SQLITE_OK);
	REQUIRE(sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key = ?", -1, &st, NULL) ==
		SQLITE_OK);
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_text(st, 0);
	is = value ? v && strcmp((const char *)v, value) == 0 : v == NULL;
	sqlite3_finalize(st);
	sqlite3_close(db);
	free(path);
	return is;
}

/* Schema 1 as it shipped, with two articles and a mark. */
static const char test_v1_schema[] =
	"CREATE TABLE feeds (id INTEGER PRIMARY KEY, url TEXT NOT NULL UNIQUE, name TEXT,"
	" title TEXT, etag TEXT, last_modified TEXT, fetched_at INTEGER NOT NULL DEFAULT 0,"
	" retry_at INTEGER NOT NULL DEFAULT 0, failures INTEGER NOT NULL DEFAULT 0);"
	"CREATE TABLE articles (id INTEGER PRIMARY KEY, aid TEXT NOT NULL, feed INTEGER NOT NULL,"
	" dedupe TEXT NOT NULL, hash INTEGER NOT NULL, title TEXT NOT NULL, date TEXT,"
	" date_key INTEGER, url TEXT, source TEXT, author TEXT, path TEXT, body BLOB NOT NULL,"
	" entities BLOB, fulltext BLOB, added INTEGER NOT NULL, UNIQUE (feed, dedupe));"
	"CREATE INDEX articles_date ON articles (date_key DESC, id);"
	"CREATE INDEX articles_aid ON articles (aid);"
	"CREATE TABLE marks (aid TEXT PRIMARY KEY, read INTEGER NOT NULL DEFAULT 0,"
	" bookmark INTEGER NOT NULL DEFAULT 0, pos INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;"
	"CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;"
	"INSERT INTO articles (aid, feed, dedupe, hash, title, date, date_key, source, body, added)"
	" VALUES ('aaaaaaaaaaaa', 0, 'l:1', 1, 'الأمم المتحدة', '2015-07-21', 1437436800,"
	" 'spa', CAST('الفقرة الأولى' || char(0) || 'مؤتمر صحفي' || char(0) AS BLOB), 1),"
	" ('bbbbbbbbbbbb', 0, 'l:2', 2, 'خبر قديم', NULL, NULL, 'sabq',"
	" CAST('نص' || char(0) AS BLOB), 1);"
	"INSERT INTO marks (aid, read) VALUES ('bbbbbbbbbbbb', 1);"
	"PRAGMA user_version = 1;";

static void test_migration(void)
{
	char *path = xasprintf("%s/v1.db", test_root), *msg = NULL;
	struct store_list_filter f = STORE_LIST_ALL;
	struct store_list_page page = {0};
	sqlite3 *db;
	struct store *s;
	size_t unread = 0;

	REQUIRE(sqlite3_open(path, &db) == SQLITE_OK);
	CHECK(sqlite3_exec(db, test_v1_schema, NULL, NULL, &msg) == SQLITE_OK);
	if (msg)
		fprintf(stderr, "%s\n", msg);
	sqlite3_free(msg);
	sqlite3_close(db);

	s = test_open("v1.db");
	CHECK_INT(store_list_count(s, &f, &unread), 2);
	CHECK_INT(unread, 1);
	CHECK_INT(store_list_after(s, &f, NULL, 10, &page), 2);
	CHECK_STR(page.v[0].id, "aaaaaaaaaaaa");
	CHECK_STR(page.v[1].id, "bbbbbbbbbbbb"); /* undated: last */
	CHECK(page.v[1].read);
	store_list_page_free(&page);
	CHECK_INT(test_found(s, "الامم المتحده"), 1); /* the index holds the old rows */
	CHECK_INT(test_found(s, "مؤتمر صحفي"), 1);
	CHECK_INT(test_found(s, "الأولى مؤتمر"), 0); /* not across paragraphs */
	store_close(s);
	CHECK(!test_meta_is("v1.db", "fts", NULL)); /* noted: not made again at the next open */

	REQUIRE(sqlite3_open(path, &db) == SQLITE_OK);
	{
		sqlite3_stmt *st;
		REQUIRE(sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK);
		CHECK(sqlite3_step(st) == SQLITE_ROW);
		CHECK_INT(sqlite3_column_int(st, 0), STORE_SCHEMA_VERSION);
		CHECK_INT(STORE_SCHEMA_VERSION, 8);
		sqlite3_finalize(st);
	}
	sqlite3_close(db);
	free(path);
}

/* Run sql on the database file of the store name, outside qari (no tokenizer there). */
static void test_sql(const char *name, const char *sql)
{
	char *path = xasprintf("%s/%s", test_root, name), *msg = NULL;
	sqlite3 *db;
	REQUIRE(sqlite3_open(path, &db) == SQLITE_OK);
	CHECK(sqlite3_exec(db, sql, NULL, NULL, &msg) == SQLITE_OK);
	if (msg)
		fprintf(stderr, "    %s\n", msg);
	sqlite3_free(msg);
	sqlite3_close(db);
	free(path);
}

/* The unread figure of the whole list: the count of rows marked read is kept as marks are
 * set, and made again after other writes on this connection or another's commits. */
static size_t test_unread(struct store *s)
{
	struct store_list_filter f = STORE_LIST_ALL;
	size_t unread = 0;
	store_list_count(s, &f, &unread);
	return unread;
}

static void test_read_rows_kept(void)
{
	struct store *s = test_open("readrows.db");
	struct store_list_filter f = STORE_LIST_ALL;
	struct store_list_page page = {0};
	struct corpus c;
	char *sql;

	test_many(&c);
	test_ingest(s, 0, &c);
	corpus_free(&c);
	store_list_after(s, &f, NULL, 4, &page);
	CHECK_INT(test_unread(s), 25);
	CHECK(store_set_read(s, page.v[0].id, true));
	CHECK(store_set_read(s, page.v[1].id, true));
	CHECK(store_set_read(s, page.v[1].id, true)); /* no change */
	CHECK(store_set_bookmark(s, page.v[2].id, true));
	CHECK(store_set_pos(s, page.v[2].id, 7));
	CHECK(store_set_last(s, page.v[2].id));
	CHECK(store_set_read(s, "abcdefabcdef", true)); /* no article of the store */
	CHECK_INT(test_unread(s), 23);
	CHECK(store_set_read(s, page.v[0].id, false));
	CHECK_INT(test_unread(s), 24);
	/* another connection's mark */
	sql = xasprintf("INSERT INTO marks (aid, read) VALUES ('%s', 1)", page.v[3].id);
	test_sql("readrows.db", sql);
	free(sql);
	CHECK_INT(test_unread(s), 23);
	/* an article stored on this connection whose id was marked read before */
	corpus_init(&c);
	test_add(&c, "http://x/new", "خبر جديد", "نص", "2026-06-09 10:00", "spa");
	CHECK(store_set_read(s, c.items[0]->id, true));
	CHECK_INT(test_unread(s), 23);
	test_ingest(s, 0, &c);
	corpus_free(&c);
	CHECK_INT(test_unread(s), 23); /* 26 rows, 3 read */
	f.marks = STORE_LIST_UNREAD;
	store_list_page_clear(&page);
	CHECK_INT(store_list_after(s, &f, NULL, 100, &page), 23);
	store_list_page_free(&page);
	store_close(s);
}

/* An index made by another normalisation (its version in meta differs) is made again at
 * open: here it also lacks a row written behind the triggers' back. */
static void test_fts_rebuilt(void)
{
	struct store *s = test_open("stale.db");
	struct corpus c;

	corpus_init(&c);
	test_add(&c, "http://r/1", "تفاح", "خبر عن التفاح", "2026-06-01", NULL);
	test_ingest(s, 0, &c);
	corpus_free(&c);
	store_close(s);
	test_sql("stale.db", "DROP TRIGGER articles_fts_insert; DROP TRIGGER entity_articles_insert;"
		 "INSERT INTO articles (aid, feed, dedupe, hash, title, body, added) VALUES"
		 " ('cccccccccccc', 0, 'l:x', 1, 'برتقال', CAST('نص' || char(0) AS BLOB), 1);");
	s = test_open("stale.db");
	CHECK_INT(test_found(s, "برتقال"), 0); /* the same version: nothing done */
	store_close(s);
	test_sql("stale.db", "UPDATE meta SET value = '0:stale' WHERE key = 'fts'");
	s = test_open("stale.db");
	CHECK_INT(test_found(s, "برتقال"), 1);
	CHECK_INT(test_found(s, "التفاح"), 1);
	store_close(s);
	CHECK(!test_meta_is("stale.db", "fts", "0:stale")); /* this qari's version noted */
	CHECK(!test_meta_is("stale.db", "fts", NULL));
}

/* The first column of sql's first row on the store name, as text ("" when none). */
static char *test_sql_text(const char *name, const char *sql)
{
	char *path = xasprintf("%s/%s", test_root, name), *v = NULL;
	sqlite3_stmt *st;
	sqlite3 *db;
	REQUIRE(sqlite3_open(path, &db) == SQLITE_OK);
	REQUIRE(sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		v = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	sqlite3_close(db);
	free(path);
	return v ? v : xstrdup("");
}

/* A version-4 store (every insert indexed by its trigger) is migrated to 5: the trigger leaves
 * ingest's new rows to store_fts_index_rows; old rows, new ones, changed ones and a batch's
 * rows are all found, and nothing twice. */
static void test_migration_5(void)
{
	struct store *s = test_open("v4.db");
	struct corpus c;
	char *v;

	corpus_init(&c);
	test_add(&c, "http://m/1", "تفاح", "خبر عن التفاح", "2026-06-01", NULL);
	test_ingest(s, 0, &c);
	corpus_free(&c);
	store_close(s);
	test_sql("v4.db", "DROP TRIGGER articles_fts_insert;"
		 "CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN"
		 "  INSERT INTO articles_fts (rowid, text)"
		 "    VALUES (new.id, qari_fts_text(new.title, new.body, new.fulltext));"
		 "END; PRAGMA user_version = 4;");
	s = test_open("v4.db");
	corpus_init(&c);
	test_add(&c, "http://m/1", "تفاح", "خبر عن الكمثرى", "2026-06-01", NULL); /* changed */
	for (int i = 2; i < 40; i++) {
		char link[32];
		snprintf(link, sizeof link, "http://m/%d", i);
		test_add(&c, link, "موز", i == 39 ? "خبر عن الموز الأخير" : "خبر عن الموز",
			 "2026-06-02", NULL);
	}
	test_ingest(s, 0, &c);
	corpus_free(&c);
	CHECK_INT(test_found(s, "تفاح"), 1); /* the changed row: its new text only */
	CHECK_INT(test_found(s, "خبر عن التفاح"), 0);
	CHECK_INT(test_found(s, "الكمثرى"), 1);
	CHECK_INT(test_found(s, "خبر عن"), 39);
	CHECK_INT(test_found(s, "الموز الأخير"), 1);
	CHECK_INT(test_found(s, "مو"), 38);
	store_close(s);
	v = test_sql_text("v4.db", "PRAGMA user_version");
	CHECK_STR(v, "8");
	free(v);
	v = test_sql_text("v4.db", "SELECT sql FROM sqlite_schema WHERE name = 'articles_fts_insert'");
	CHECK(strstr(v, "qari_fts_deferred()") != NULL);
	free(v);
}

/* The index's queries are search_query's matching form, normalised again by the tokenizer:
 * the same only if the matching form of a matching form is itself, for every code point. */
static void test_norm_idempotent(void)
{
	size_t bad = 0;
	for (uint32_t cp = 1; cp <= 0x10FFFF; cp++) {
		char in[4], *once, *twice;
		size_t n1, n2;
		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		once = norm_string(in, text_encode(cp, in), &n1);
		twice = norm_string(once, n1, &n2);
		if (n1 != n2 || memcmp(once, twice, n1) != 0) {
			if (bad++ < 5)
				fprintf(stderr, "    U+%04X: its matching form changes again\n", cp);
		}
		free(once);
		free(twice);
	}
	CHECK_INT(bad, 0);
}

/* A title stored before loading dropped an agency's section label («عام / ») loses it in
 * the migration to schema 7: listed, opened and searched as in memory, where a search for
 * the label's word finds nothing (schema 1's store, its index made from the label's title). */
static void test_stored_label(void)
{
	struct store_list_filter f = STORE_LIST_ALL;
	struct store_list_page page = {0};
	struct article *a;
	struct store *s;
	struct corpus c;

	corpus_init(&c);
	test_add(&c, "http://x/label", "عام / خبر قديم", "نص", NULL, "spa");
	CHECK_STR(c.items[0]->title, "خبر قديم"); /* memory's: the label dropped on load */
	corpus_free(&c);
	test_sql("label.db", test_v1_schema);
	test_sql("label.db", "UPDATE articles SET title = 'عام / ' || title"
			     " WHERE aid = 'bbbbbbbbbbbb'");
	s = test_open("label.db");
	CHECK_INT(test_found(s, "عام"), 0);
	CHECK_INT(test_found(s, "خبر قديم"), 1);
	REQUIRE(store_list_after(s, &f, NULL, 4, &page) == 2);
	CHECK_STR(page.v[1].title, "خبر قديم");
	a = store_load_article(s, page.v[1].key.row);
	if (CHECK(a != NULL))
		CHECK_STR(a->title, "خبر قديم");
	article_free(a);
	store_list_page_free(&page);
	store_close(s);
}

/* The ids of rows as one sorted string. */
static int test_strcmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *test_sorted_ids(const char **ids, size_t n)
{
	struct strbuf sb = {0};
	qsort(ids, n, sizeof *ids, test_strcmp);
	strbuf_append(&sb, "", 0);
	for (size_t i = 0; i < n; i++)
		strbuf_printf(&sb, "%s ", ids[i]);
	return strbuf_take(&sb);
}

/* The ids of the articles the store lists for filter f, sorted, as one string. */
static char *test_filter_ids(struct store *s, const struct store_list_filter *f)
{
	struct store_list_page page = {0};
	const char **got;
	char *ids;

	REQUIRE(store_list_after(s, f, NULL, 100, &page) < 100);
	got = xcalloc(page.n + 1, sizeof *got);
	for (size_t i = 0; i < page.n; i++)
		got[i] = page.v[i].id;
	ids = test_sorted_ids(got, page.n);
	CHECK_INT(store_list_count(s, f, NULL), page.n);
	free(got);
	store_list_page_free(&page);
	return ids;
}

/* Entities packed by other rules do not unpack for the sidebar (it tags the article again),
 * but do for the index of entities (qari_entity_terms): a store migrated after a rules change
 * still names its articles. */
static void test_entities_any_rules(const struct ner_model *m, const struct article *a)
{
	struct article_entities es, back;
	struct strbuf sb = {0};
	uint32_t other = 1;

	entity_extract(m, a, &es);
	REQUIRE(es.n > 0);
	article_entities_pack(&es, &sb);
	REQUIRE(sb.len > 16);
	memcpy(sb.data + 12, &other, sizeof other); /* the head's version */
	CHECK(!article_entities_unpack(sb.data, sb.len, a, &back));
	if (CHECK(article_entities_unpack_any_rules(sb.data, sb.len, a, &back))) {
		CHECK_INT(back.n, es.n);
		CHECK_STR(article_entity_key(&back, &back.v[0]), article_entity_key(&es, &es.v[0]));
		article_entities_free(&back);
	}
	sb.data[sb.len - 1] ^= 0x55; /* a damaged record does not unpack either way */
	sb.len--;
	CHECK(!article_entities_unpack_any_rules(sb.data, sb.len, a, &back));
	strbuf_free(&sb);
	article_entities_free(&es);
}

/* The lines of text sorted, as one string. */
static char *test_sorted_lines(const char *text)
{
	char *copy = xstrdup(text ? text : ""), *save = NULL;
	const char **lines = NULL;
	size_t n = 0, cap = 0;
	struct strbuf sb = {0};

	for (char *l = strtok_r(copy, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
		xgrow(&lines, &cap, n + 1, sizeof *lines);
		lines[n++] = l;
	}
	if (n > 0)
		qsort(lines, n, sizeof *lines, test_strcmp);
	strbuf_append(&sb, "", 0);
	for (size_t i = 0; i < n; i++)
		strbuf_printf(&sb, "%s\n", lines[i]);
	free(lines);
	free(copy);
	return strbuf_take(&sb);
}

/* `qari entities` on the store: memory's listing (persons, places, organisations), a one-word
 * person the only longer name ending in it takes in not listed, that name counting the
 * articles of both, and so for one article's entities (here «سابيلا» alone and «اليخاندرو سابيلا»). */
static void test_entity_counts(const struct ner_model *m)
{
	static const char *const texts[][2] = {
		{"اجتماع مع مدرب أرجنتيني", "كشف مصدر مسؤول أن اللجنة المكلفة اتفقت مع وكيل أعمال "
		 "المدرب الأرجنتيني اليخاندرو سابيلا على عقد اجتماع مطول على هامش مباراة كأس السوبر."},
		{"اتحاد القدم يدرس ملفات المدربين", "وأشار إلى أن المدرب البلجيكي وافق على تدريب "
		 "الأخضر ولكنه طلب مقابلا ماديا أكبر مما طلبه الأرجنتيني سابيلا الذي اعتذر عن قيادة "
		 "المنتخب بسبب رفض والدته العيش في السعودية."},
		{"مفاوضات المدرب", "وقال المدرب اليخاندرو سابيلا إنه سعيد بالعرض السعودي."},
		{"جلسة مع سابيلا", "وأكد سابيلا أن قراره نهائي."},
	};
	struct store_entity_count *v;
	struct strbuf want = {0}, got = {0};
	struct entity_table t;
	struct store *s = test_open("counts.db");
	struct corpus c;
	size_t n, merged = 0;
	char *a, *b;

	corpus_init(&c);
	test_add_texts(&c, texts, sizeof texts / sizeof *texts, "c");
	store_set_tagger(s, m, 1);
	test_ingest(s, 0, &c);
	entity_table_build(&t, &c, m);
	for (size_t k = 0; k < t.n; k++) {
		char *name;
		merged += t.items[k].type == ENTITY_PERSON && t.items[k].articles == 0; /* taken in */
		if (t.items[k].articles == 0 || t.items[k].type > ENTITY_ORG)
			continue;
		name = entity_table_name(&t, (uint32_t)k);
		strbuf_printf(&want, "%d %s %zu\n", (int)t.items[k].type, name, (size_t)t.items[k].articles);
		free(name);
	}
	CHECK(merged >= 1);
	n = store_entity_counts(s, &v);
	for (size_t i = 0; i < n; i++) {
		strbuf_printf(&got, "%d %s %zu\n", (int)v[i].type, v[i].name, v[i].articles);
		if (i > 0 && v[i].type == v[i - 1].type)
			CHECK(v[i].articles <= v[i - 1].articles);
	}
	a = test_sorted_lines(want.data);
	b = test_sorted_lines(got.data);
	CHECK_STR(b, a);
	CHECK(strstr(b, "0 سابيلا ") == NULL);
	for (size_t i = 0; i < c.n; i++) { /* `qari entities ID`: each entity's articles, merged */
		struct article_entities es; /* the store's: keys, not merged */
		entity_extract(m, c.items[i], &es);
		REQUIRE(es.n == t.per_article[i].n);
		for (uint32_t k = 0; k < es.n; k++) {
			size_t articles = 0;
			if (es.v[k].type > ENTITY_ORG)
				continue;
			CHECK(store_entity_articles(s, es.v[k].type, article_entity_key(&es, &es.v[k]),
						    &articles));
			CHECK_INT(articles, t.items[t.per_article[i].v[k].id].articles);
		}
		article_entities_free(&es);
	}
	free(a);
	free(b);
	strbuf_free(&want);
	strbuf_free(&got);
	store_entity_counts_free(v, n);
	entity_table_free(&t);
	corpus_free(&c);
	store_close(s);
}

/* Enter on an entity of an article's sidebar: the store lists the articles memory's entity
 * table lists for it, a one-word person joined to the only longer name ending in it. */
static void test_entity_filter(void)
{
	static const char *const texts[][2] = {
		{"ولي العهد يزور الرياض", "زار الأمير محمد بن سلمان الرياض أمس."},
		{"الأمم المتحدة تدعو إلى الهدنة", "دعت الأمم المتحدة في جنيف إلى هدنة في اليمن."},
		{"وزير الخارجية في جنيف", "وصل عادل الجبير إلى جنيف للقاء الأمم المتحدة."},
		{"أمطار على الرياض", "هطلت أمطار غزيرة على الرياض وجدة."},
		{"محمد بن سلمان يلتقي الجبير", "التقى الأمير محمد بن سلمان عادل الجبير في جدة."},
		{"مؤتمر", "وأوضح الرئيس أوباما أن الاتفاق قريب."},
		{"واشنطن", "قال الرئيس الأمريكي باراك أوباما إن بلاده ملتزمة."},
	};
	char *error = NULL;
	const struct ner_model *m = ner_default(&error);
	struct entity_table t;
	struct store *s;
	struct corpus c;
	size_t checked = 0, joined = 0;

	if (m == NULL) {
		printf("skip test_entity_filter: no entity model: %s\n", error);
		free(error);
		return;
	}
	corpus_init(&c);
	test_add_texts(&c, texts, sizeof texts / sizeof *texts, "e");
	s = test_open("entities.db");
	store_set_tagger(s, m, 1);
	test_ingest(s, 0, &c);
	entity_table_build(&t, &c, m);
	for (size_t i = 0; i < c.n; i++) {
		struct article_entities es; /* the sidebar's on the store: keys, not merged */
		entity_extract(m, c.items[i], &es);
		REQUIRE(es.n == t.per_article[i].n);
		for (uint32_t k = 0; k < es.n; k++) {
			struct store_list_filter f = STORE_LIST_ALL;
			size_t n;
			const uint32_t *post = entity_table_postings(&t, t.per_article[i].v[k].id, &n);
			const char **mem = xcalloc(n + 1, sizeof *mem);
			char *terms = store_entity_filter(s, es.v[k].type,
							  article_entity_key(&es, &es.v[k]));
			char *a, *b;

			for (size_t j = 0; j < n; j++)
				mem[j] = c.items[post[j]]->id;
			f.entities = terms;
			a = test_sorted_ids(mem, n);
			b = test_filter_ids(s, &f);
			if (!check_report(strcmp(a, b) == 0, __FILE__, __LINE__, terms))
				fprintf(stderr, "    memory [%s], store [%s]\n", a, b);
			checked++;
			joined += strchr(terms, ',') != NULL;
			free(a);
			free(b);
			free(mem);
			free(terms);
		}
		article_entities_free(&es);
	}
	CHECK(checked >= 10);
	CHECK(joined >= 2); /* أوباما and باراك أوباما, each way */
	test_entities_any_rules(m, c.items[4]);
	test_entity_counts(m);
	entity_table_free(&t);
	corpus_free(&c);
	store_close(s);
}

int main(void)
{
	char tmpl[] = "/tmp/qari-store-list-XXXXXX";
	REQUIRE(mkdtemp(tmpl) != NULL);
	test_root = tmpl;
	test_paging();
	test_counts_and_filters();
	test_read_rows_kept();
	test_search();
	test_search_walk();
	test_search_in_step();
	test_migration();
	test_fts_rebuilt();
	test_migration_5();
	test_norm_idempotent();
	test_stored_label();
	test_entity_filter();
	check_remove_tree(test_root);
	return check_done();
}
