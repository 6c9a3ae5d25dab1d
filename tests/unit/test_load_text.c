/* test_load_text.c - the plain-text loader on the bundled articles and on broken input. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "qari/corpus.h"
#include "qari/xalloc.h"

static struct article *load_one(struct corpus *c, const char *name, const char *data, size_t n)
{
	corpus_init(c);
	corpus_load_buffer(c, name, data, n);
	return c->n == 1 ? c->items[0] : NULL;
}

static bool any_para_contains(const struct article *a, const char *s)
{
	for (size_t i = 0; i < a->npara; i++)
		if (strstr(a->paras[i], s))
			return true;
	return false;
}

static void test_seed_lavrov(void)
{
	char *path = corpus_asset_path("articles/000_6917428d12f6681e.txt");
	struct corpus c;
	corpus_init(&c);
	REQUIRE(corpus_load_paths(&c, &path, 1) == 1);
	struct article *a = c.items[0];
	/* the caption's trailing " |" is dropped */
	CHECK(strncmp(a->title, "أجرى وزير الخارجية الروسي سيرغي لافروف", strlen("أجرى وزير الخارجية الروسي سيرغي لافروف")) == 0);
	CHECK(a->title[strlen(a->title) - 1] != '|');
	CHECK_STR(a->url, "https://baodaknong.vn/nga-va-my-chuan-bi-to-chuc-hoi-nghi-thuong-dinh-song-phuong-242964.html");
	CHECK_INT(a->npara, 9);
	CHECK(!any_para_contains(a, "إعلان"));
	CHECK(!any_para_contains(a, "تعليق (0)"));
	CHECK(!any_para_contains(a, "المصدر"));
	CHECK_INT(a->dir, TEXT_DIR_RTL);
	CHECK_INT(strlen(a->id), ARTICLE_ID_LEN);
	CHECK_INT(c.report.nmessages, 0);
	corpus_free(&c);
	free(path);
}

static void test_seed_talks(void)
{
	char *path = corpus_asset_path("articles/004_808b5b2253dfbc4d.txt");
	struct corpus c;
	corpus_init(&c);
	REQUIRE(corpus_load_paths(&c, &path, 1) == 1);
	struct article *a = c.items[0];
	CHECK_STR(a->title, "الخارجية الأمريكية: روسيا والولايات المتحدة اتفقتا على تطبيع عمل البعثات الدبلوماسية");
	CHECK(a->url == NULL);
	CHECK_INT(a->npara, 14);
	REQUIRE(a->npara >= 2);
	/* a lone مناقشة at the end is furniture; the word inside a sentence is not */
	CHECK(strcmp(a->paras[a->npara - 1], "مناقشة") != 0);
	CHECK(any_para_contains(a, "ناقشنا"));
	CHECK_STR(a->paras[1], "Sputnik");
	corpus_free(&c);
	free(path);
}

static void test_ids_stable(void)
{
	/* ids do not depend on where the corpus lives: the same file under two roots */
	char *dir = corpus_asset_path("articles");
	char *file = corpus_asset_path("articles/004_808b5b2253dfbc4d.txt");
	struct corpus a, b;
	corpus_init(&a);
	corpus_init(&b);
	corpus_load_paths(&a, &dir, 1);
	corpus_load_paths(&b, &file, 1);
	CHECK_INT(a.n, 2);
	REQUIRE(b.n == 1);
	struct article *x = NULL;
	for (size_t i = 0; i < a.n; i++)
		if (a.items[i]->url == NULL)
			x = a.items[i];
	CHECK(x != NULL && strcmp(x->id, b.items[0]->id) == 0);
	bool amb;
	CHECK(corpus_find(&a, "", &amb) == NULL);
	CHECK(x && corpus_find(&a, x->id, &amb) == x);
	char prefix[7];
	memcpy(prefix, b.items[0]->id, 6);
	prefix[6] = '\0';
	CHECK(corpus_find(&a, prefix, &amb) == x);
	corpus_free(&a);
	corpus_free(&b);
	free(dir);
	free(file);
}

static void test_invalid_utf8(void)
{
	static const char data[] = "Title \xff here\nbody \xc3\x28 text\n\xed\xa0\x80 surrogate\n";
	struct corpus c;
	struct article *a = load_one(&c, "bad.txt", data, sizeof data - 1);
	REQUIRE(a != NULL);
	CHECK_STR(a->title, "Title \xEF\xBF\xBD here");
	REQUIRE(a->npara == 2);
	CHECK_STR(a->paras[0], "body \xEF\xBF\xBD( text");
	CHECK_STR(a->paras[1], "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD surrogate");
	corpus_free(&c);
}

static void test_empty_and_blank(void)
{
	struct corpus c;
	CHECK(load_one(&c, "empty.txt", "", 0) == NULL);
	REQUIRE(c.report.nmessages == 1);
	CHECK(strstr(c.report.messages[0], "empty.txt: empty file") != NULL);
	CHECK_INT(c.report.files_skipped, 1);
	corpus_free(&c);
	CHECK(load_one(&c, "blank.txt", " \n\t\r\n  \n", 7) == NULL);
	CHECK_INT(c.report.nmessages, 1);
	corpus_free(&c);
}

static void test_binary(void)
{
	static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0";
	struct corpus c;
	CHECK(load_one(&c, "image.txt", png, sizeof png - 1) == NULL);
	REQUIRE(c.report.nmessages == 1);
	CHECK(strstr(c.report.messages[0], "image.txt: not a text file") != NULL);
	corpus_free(&c);
}

static void test_crlf(void)
{
	static const char data[] = "\xEF\xBB\xBFHeadline |\r\n\r\nFirst para.\r\nSource: http://x.example/a\r\n[إعلان 2]\r\nSecond para.\r\n";
	struct corpus c;
	struct article *a = load_one(&c, "crlf.txt", data, sizeof data - 1);
	REQUIRE(a != NULL);
	CHECK_STR(a->title, "Headline");
	REQUIRE(a->npara == 2);
	CHECK_STR(a->paras[0], "First para.");
	CHECK_STR(a->paras[1], "Second para.");
	CHECK_STR(a->url, "http://x.example/a");
	corpus_free(&c);
}

static void test_missing_and_empty_folder(void)
{
	char *paths[2];
	char tmpl[] = "/tmp/qari-test-XXXXXX";
	struct corpus c;
	paths[0] = "/nonexistent/qari/path";
	paths[1] = mkdtemp(tmpl);
	corpus_init(&c);
	CHECK_INT(corpus_load_paths(&c, paths, 2), 0);
	REQUIRE(c.report.nmessages == 2);
	CHECK(strstr(c.report.messages[0], "/nonexistent/qari/path: No such file") != NULL);
	CHECK(strstr(c.report.messages[1], "no articles in this folder") != NULL);
	corpus_free(&c);
	rmdir(tmpl);
}

int main(void)
{
	test_seed_lavrov();
	test_seed_talks();
	test_ids_stable();
	test_invalid_utf8();
	test_empty_and_blank();
	test_binary();
	test_crlf();
	test_missing_and_empty_folder();
	return check_done();
}
