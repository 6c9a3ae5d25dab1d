/* test_load_archive.c - archives read in place: zip, tar.gz, tar.xz, a lone .json.gz, nested
 * archives and their depth limit, broken archives; and, with --shared, the SaudiNewsNet corpus,
 * whose counts are checked against its JSON read here apart from the loader. Fixture archives
 * are built here with libarchive. */
#include <archive.h>
#include <archive_entry.h>
#include <dirent.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "qari/corpus.h"
#include "qari/xalloc.h"

struct member {
	const char *name;
	const char *data;
	size_t len; /* 0: strlen(data) */
};

#define ARCHIVE_CAP (4u << 20)

/* An archive in memory (format and filter as libarchive names them); caller frees. */
static char *make_archive(const char *format, const char *filter, const struct member *m,
			  size_t n, size_t *len)
{
	struct archive *ar = archive_write_new();
	char *buf = xmalloc(ARCHIVE_CAP);

	archive_write_set_format_by_name(ar, format);
	if (filter)
		archive_write_add_filter_by_name(ar, filter);
	if (archive_write_open_memory(ar, buf, ARCHIVE_CAP, len) != ARCHIVE_OK)
		fprintf(stderr, "archive: %s\n", archive_error_string(ar));
	for (size_t i = 0; i < n; i++) {
		struct archive_entry *e = archive_entry_new();
		size_t size = m[i].len ? m[i].len : strlen(m[i].data);
		archive_entry_set_pathname(e, m[i].name);
		archive_entry_set_filetype(e, AE_IFREG);
		archive_entry_set_perm(e, 0644);
		archive_entry_set_size(e, (la_int64_t)size);
		archive_write_header(ar, e);
		archive_write_data(ar, m[i].data, size);
		archive_entry_free(e);
	}
	archive_write_close(ar);
	archive_write_free(ar);
	return buf;
}

static const char json_ar[] =
	"[{\"title\": \"خبر من الأرشيف\", \"content\": \"نص الخبر\", \"url\": \"https://ex.sa/1\"},"
	" {\"title\": \"Second\", \"content\": \"\"}]";
static const char jsonl_en[] = "{\"title\": \"Deep inside\", \"content\": \"<p>Nested body</p>\"}\n";
static const char text_en[] = "A text headline\nA text paragraph.\n";

static bool has_path(const struct corpus *c, const char *path)
{
	for (size_t i = 0; i < c->n; i++)
		if (strcmp(c->items[i]->path, path) == 0)
			return true;
	return false;
}

static void test_zip(void)
{
	const struct member m[] = {
		{"news/a.json", json_ar, 0},
		{"news/b.txt", text_en, 0},
		{"README", "not an article", 0},
		{"image.png", "\x89PNG", 4},
	};
	size_t len;
	char *zip = make_archive("zip", NULL, m, 4, &len);
	struct corpus c;

	corpus_init(&c);
	corpus_load_buffer(&c, "dir/x.zip", zip, len);
	CHECK_INT(c.n, 2);
	CHECK(has_path(&c, "dir/x.zip!news/a.json"));
	CHECK(has_path(&c, "dir/x.zip!news/b.txt"));
	CHECK_INT(c.report.files_loaded, 2); /* members count as files; foreign ones are ignored */
	CHECK_INT(c.report.files_skipped, 0);
	CHECK_INT(c.report.items_skipped, 0);
	CHECK_INT(c.report.items_empty, 1);
	CHECK(!check_reported(&c, "no content"));
	corpus_free(&c);

	/* an unknown extension: sniffed as a zip */
	corpus_init(&c);
	corpus_load_buffer(&c, "download.bin", zip, len);
	CHECK_INT(c.n, 2);
	CHECK(has_path(&c, "download.bin!news/a.json"));
	corpus_free(&c);
	free(zip);
}

/* Member names are bytes in tar: an article's path is still UTF-8 (found by fuzz_archive). */
static void test_member_name_not_utf8(void)
{
	const struct member m[] = {{"\xFF\xFE.txt", text_en, 0}};
	size_t len;
	char *tar = make_archive("ustar", NULL, m, 1, &len);
	struct corpus c;

	corpus_init(&c);
	corpus_load_buffer(&c, "t.tar", tar, len);
	CHECK_INT(c.n, 1);
	CHECK(has_path(&c, "t.tar!\uFFFD\uFFFD.txt"));
	corpus_free(&c);
	free(tar);
}

static void test_tar_filters(void)
{
	const struct member m[] = {{"a.json", json_ar, 0}, {"sub/c.jsonl", jsonl_en, 0}};
	static const char *const filters[][2] = {
		{"gzip", "t.tar.gz"}, {"gzip", "t.tgz"}, {"xz", "t.tar.xz"}, {"bzip2", "t.tar.bz2"},
		{NULL, "t.tar"},
	};
	for (size_t i = 0; i < sizeof filters / sizeof *filters; i++) {
		size_t len;
		char *tar = make_archive("pax", filters[i][0], m, 2, &len);
		char *path = xasprintf("%s!sub/c.jsonl", filters[i][1]);
		struct corpus c;
		corpus_init(&c);
		corpus_load_buffer(&c, filters[i][1], tar, len);
		if (!CHECK(c.n == 2 && has_path(&c, path)))
			fprintf(stderr, "    in %s\n", filters[i][1]);
		CHECK_INT(c.report.files_loaded, 2);
		corpus_free(&c);
		free(path);
		free(tar);
	}
}

static void test_single_compressed(void)
{
	const struct member m[] = {{"data", json_ar, 0}};
	size_t len;
	char *gz = make_archive("raw", "gzip", m, 1, &len);
	struct corpus c;

	corpus_init(&c);
	corpus_load_buffer(&c, "feeds/today.json.gz", gz, len);
	CHECK_INT(c.n, 1);
	CHECK(has_path(&c, "feeds/today.json.gz!today.json"));
	corpus_free(&c);
	free(gz);

	/* ".gz" that is not compressed at all */
	corpus_init(&c);
	corpus_load_buffer(&c, "plain.json.gz", json_ar, strlen(json_ar));
	CHECK_INT(c.n, 0);
	CHECK_INT(c.report.files_skipped, 1);
	CHECK(check_reported(&c, "plain.json.gz: "));
	corpus_free(&c);
}

/* level 0 is a JSON Lines file; each level wraps the previous one in an archive */
static char *make_nested(int levels, size_t *len, char **path)
{
	char *data = xstrdup(jsonl_en), *name = xstrdup("c.jsonl");
	*len = strlen(data);
	*path = xstrdup("c.jsonl");
	for (int i = 1; i <= levels; i++) {
		struct member m = {name, data, *len};
		char *outer = xasprintf("l%d.%s", i, i % 2 ? "zip" : "tar.gz");
		char *wrapped = make_archive(i % 2 ? "zip" : "pax", i % 2 ? NULL : "gzip", &m, 1, len);
		char *p = xasprintf("%s!%s", outer, *path);
		free(*path);
		*path = p;
		free(data);
		free(name);
		data = wrapped;
		name = outer;
	}
	free(name);
	return data;
}

static void test_nested(void)
{
	size_t len;
	char *path, *data = make_nested(3, &len, &path);
	struct corpus c;

	corpus_init(&c);
	corpus_load_buffer(&c, "l3.zip", data, len);
	CHECK_INT(c.n, 1);
	CHECK_STR(path, "l3.zip!l2.tar.gz!l1.zip!c.jsonl");
	CHECK(has_path(&c, path));
	CHECK(c.n == 1 && strcmp(c.items[0]->paras[0], "Nested body") == 0);
	corpus_free(&c);
	free(data);
	free(path);

	/* five archives deep: beyond the limit of four, reported, nothing else breaks */
	data = make_nested(5, &len, &path);
	corpus_init(&c);
	corpus_load_buffer(&c, "l5.zip", data, len);
	CHECK_INT(c.n, 0);
	CHECK(check_reported(&c, "l5.zip!l4.tar.gz!l3.zip!l2.tar.gz!l1.zip: archives nested too deep"));
	CHECK_INT(c.report.files_skipped, 1);
	corpus_free(&c);
	free(data);
	free(path);
}

/* A text article of about n bytes that compresses poorly, so a cut in a compressed archive
 * falls far after the members before it. */
static char *big_text(size_t n)
{
	struct strbuf sb = {0};
	unsigned x = 12345;
	strbuf_append(&sb, "Big headline\n", 13);
	while (sb.len < n) {
		x = x * 1103515245 + 12345;
		strbuf_printf(&sb, "%08x %u\n", x, x >> 7);
	}
	return strbuf_take(&sb);
}

static void test_broken(void)
{
	char *big = big_text(300000);
	const struct member m[] = {
		{"1.json", json_ar, 0}, {"2.txt", big, 0}, {"3.txt", big, 0},
	};
	size_t len;
	char *tgz = make_archive("pax", "gzip", m, 3, &len);
	struct corpus c;

	/* cut inside the last member: the first two still load, the fault is reported once */
	corpus_init(&c);
	corpus_load_buffer(&c, "cut.tar.gz", tgz, len - 30);
	CHECK_INT(c.n, 2);
	CHECK(has_path(&c, "cut.tar.gz!1.json") && has_path(&c, "cut.tar.gz!2.txt"));
	if (!CHECK(c.report.nmessages == 1)) /* the item without content in 1.json is no problem */
		for (size_t i = 0; i < c.report.nmessages; i++)
			fprintf(stderr, "    %s\n", c.report.messages[i]);
	CHECK(check_reported(&c, "cut.tar.gz!3.txt: truncated gzip input; skipped"));
	CHECK_INT(c.report.files_loaded, 2);
	CHECK_INT(c.report.files_skipped, 1);
	corpus_free(&c);
	free(tgz);

	/* a zip without its central directory is read as a stream */
	char *zip = make_archive("zip", NULL, m, 3, &len);
	corpus_init(&c);
	corpus_load_buffer(&c, "cut.zip", zip, len - 40);
	CHECK(c.n >= 2);
	CHECK(has_path(&c, "cut.zip!1.json"));
	CHECK(c.n == 3 || c.report.nmessages >= 1); /* all of it, or what was lost is said */
	corpus_free(&c);
	free(zip);

	corpus_init(&c);
	corpus_load_buffer(&c, "junk.zip", "this is not a zip file", 22);
	CHECK_INT(c.n, 0);
	CHECK_INT(c.report.files_skipped, 1);
	CHECK_INT(c.report.nmessages, 1);
	CHECK(check_reported(&c, "junk.zip: "));
	corpus_free(&c);

	corpus_init(&c);
	len = 0;
	zip = make_archive("zip", NULL, NULL, 0, &len);
	corpus_load_buffer(&c, "empty.zip", zip, len);
	CHECK(check_reported(&c, "empty.zip: no articles in this archive"));
	CHECK_INT(c.report.files_skipped, 1);
	corpus_free(&c);
	free(zip);
	free(big);
}

/* What SaudiNewsNet's zips hold, read with libarchive and jansson: each zip has JSON arrays of
 * objects with a "content" and a "date_extracted" (YYYY-MM-DD hh:mm:ss). */
struct saudi_counts {
	size_t zips, objects, blank;
	char newest[32], oldest[32]; /* date_extracted */
	char *newest_member;         /* "zip!member" of the newest object */
};

/* No content: nothing but spaces, line breaks and no-break spaces (U+00A0). */
static bool blank(const char *s)
{
	if (s == NULL)
		return true;
	for (;;) {
		s += strspn(s, " \t\r\n");
		if (strncmp(s, "\xc2\xa0", 2) != 0)
			return *s == '\0';
		s += 2;
	}
}

static void count_objects(struct saudi_counts *n, const char *member, const json_t *arr)
{
	size_t i;
	json_t *o;

	json_array_foreach(arr, i, o) {
		const char *date = json_string_value(json_object_get(o, "date_extracted"));
		n->objects++;
		if (blank(json_string_value(json_object_get(o, "content")))) {
			n->blank++;
			continue;
		}
		if (date && strcmp(date, n->newest) > 0) {
			snprintf(n->newest, sizeof n->newest, "%s", date);
			free(n->newest_member);
			n->newest_member = xstrdup(member);
		}
		if (date && (n->oldest[0] == '\0' || strcmp(date, n->oldest) < 0))
			snprintf(n->oldest, sizeof n->oldest, "%s", date);
	}
}

static void count_zip(struct saudi_counts *n, const char *dir, const char *name)
{
	char *path = xasprintf("%s/%s", dir, name);
	struct archive *ar = archive_read_new();
	struct archive_entry *e;

	archive_read_support_format_zip(ar);
	REQUIRE(archive_read_open_filename(ar, path, 1 << 16) == ARCHIVE_OK);
	while (archive_read_next_header(ar, &e) == ARCHIVE_OK) {
		struct strbuf sb = {0};
		char buf[1 << 16], *member = xasprintf("%s!%s", name, archive_entry_pathname(e));
		la_ssize_t got;
		json_t *arr;

		while ((got = archive_read_data(ar, buf, sizeof buf)) > 0)
			strbuf_append(&sb, buf, (size_t)got);
		arr = json_loadb(sb.data ? sb.data : "", sb.len, 0, NULL);
		REQUIRE(json_is_array(arr));
		count_objects(n, member, arr);
		json_decref(arr);
		strbuf_free(&sb);
		free(member);
	}
	archive_read_free(ar);
	n->zips++;
	free(path);
}

static void count_saudinewsnet(struct saudi_counts *n, const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	REQUIRE(d != NULL);
	while ((e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name);
		if (len > 4 && strcmp(e->d_name + len - 4, ".zip") == 0)
			count_zip(n, dir, e->d_name);
	}
	closedir(d);
}

static void test_saudinewsnet(void)
{
	char *dir = check_shared_path("corpus/saudinewsnet");
	struct saudi_counts n = {0};
	struct corpus c;
	size_t undated = 0, empty = 0, articles;

	count_saudinewsnet(&n, dir);
	articles = n.objects - n.blank;
	REQUIRE(n.zips > 0 && articles > 0 && n.newest_member != NULL);
	corpus_init(&c);
	CHECK_INT(corpus_load_paths(&c, &dir, 1), articles);
	CHECK_INT(c.report.items_loaded, articles);
	CHECK_INT(c.report.items_empty, n.blank); /* no content: counted apart, no message */
	CHECK_INT(c.report.items_skipped, 0);
	CHECK_INT(c.report.files_loaded, n.zips);
	CHECK_INT(c.report.files_skipped, 0);
	CHECK_INT(c.report.nmessages, 0);
	for (size_t i = 0; i < c.report.nmessages; i++)
		CHECK(strstr(c.report.messages[i], "no content") != NULL);
	corpus_sort(&c);
	for (size_t i = 0; i < c.n; i++) {
		undated += c.items[i]->date == NULL;
		empty += c.items[i]->npara == 0 || c.items[i]->title[0] == '\0';
	}
	CHECK_INT(undated, 0);
	CHECK_INT(empty, 0);
	/* newest first: the first article is the newest object, the last one of the oldest day */
	REQUIRE(c.n > 0 && c.items[0]->date && c.items[c.n - 1]->date);
	CHECK(strncmp(c.items[0]->date, n.newest, 10) == 0);
	CHECK(strncmp(c.items[c.n - 1]->date, n.oldest, 10) == 0);
	CHECK(strstr(c.items[0]->path, n.newest_member) != NULL);
	corpus_free(&c);
	free(n.newest_member);
	free(dir);
}

int main(int argc, char **argv)
{
	if (check_shared_run(argc, argv)) {
		test_saudinewsnet();
		return check_done();
	}
	test_zip();
	test_member_name_not_utf8();
	test_tar_filters();
	test_single_compressed();
	test_nested();
	test_broken();
	return check_done();
}
