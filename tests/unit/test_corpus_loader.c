/* test_corpus_loader.c - loading on threads gives what one thread gives (articles, ids, order,
 * report, counts) on the fixtures, a generated folder of many files and SaudiNewsNet; taking
 * bit by bit hands articles over in that order; the pipe wakes a poll; cancelling early (the
 * user quits while the corpus loads) frees everything, which the ASan build checks. The parts
 * on SaudiNewsNet run with --shared. */
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "qari/corpus.h"
#include "qari/corpus_loader.h"
#include "qari/xalloc.h"

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define TEST_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define TEST_SANITIZED 1
#endif
#endif
#ifndef TEST_SANITIZED
#define TEST_SANITIZED 0
#endif

#define GEN_FILES 300

static void set_threads(int n)
{
	char v[16];
	snprintf(v, sizeof v, "%d", n);
	setenv("QARI_THREADS", v, 1);
}

/* Everything `qari list --stats` shows and more: order, ids, paths, bodies, the report. */
static char *dump(const struct corpus *c)
{
	struct strbuf sb = {0};
	const struct load_report *r = &c->report;

	for (size_t i = 0; i < c->n; i++) {
		const struct article *a = c->items[i];
		strbuf_printf(&sb, "%s\t%s\t%s\t%s\t%zu\t%d\t%zu\n", a->id, a->date ? a->date : "",
			      a->title, a->path, a->npara, (int)a->dir, a->text_bytes);
	}
	for (size_t i = 0; i < r->nmessages; i++)
		strbuf_printf(&sb, "report: %s\n", r->messages[i]);
	strbuf_printf(&sb, "%zu %zu %zu %zu %zu\n", r->files_loaded, r->files_skipped, r->items_loaded,
		      r->items_skipped, r->items_empty);
	return strbuf_take(&sb);
}

static char *load_dump(char *const *paths, size_t n, int threads, size_t *count)
{
	struct corpus c;
	char *d;

	set_threads(threads);
	corpus_init(&c);
	*count = corpus_load_paths(&c, paths, n);
	corpus_sort(&c);
	d = dump(&c);
	corpus_free(&c);
	return d;
}

/* The same paths with 1 and 2 (up to max) threads: byte for byte the same. */
static void check_same(char *const *paths, size_t n, int max, size_t expect_min,
		       const char *what)
{
	size_t n1, nk;
	char *one = load_dump(paths, n, 1, &n1);

	CHECK(n1 >= expect_min);
	for (int t = 2; t <= max; t += 2) {
		char *many = load_dump(paths, n, t, &nk);
		CHECK_INT(nk, n1);
		if (!CHECK(strcmp(one, many) == 0))
			fprintf(stderr, "    %s with %d threads\n", what, t);
		free(many);
	}
	free(one);
}

static void write_file(const char *dir, const char *name, const char *text)
{
	char *path = xasprintf("%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	if (f) {
		fputs(text, f);
		fclose(f);
	}
	free(path);
}

/* Many small files of every kind, broken ones, an empty folder and a symlink loop. */
static char *make_folder(void)
{
	char tmpl[] = "/tmp/qari-loader-XXXXXX";
	char *dir = xstrdup(mkdtemp(tmpl) ? tmpl : "/nonexistent");
	char *sub = xasprintf("%s/sub", dir), *empty = xasprintf("%s/sub/empty", dir);
	char *loop = xasprintf("%s/sub/loop", dir);

	mkdir(sub, 0755);
	mkdir(empty, 0755);
	if (symlink("..", loop) != 0)
		perror(loop);
	for (int i = 0; i < GEN_FILES; i++) {
		char name[64], *text;
		switch (i % 5) {
		case 0:
			snprintf(name, sizeof name, "sub/t%03d.txt", i);
			text = xasprintf("Headline %d\nBody of file %d.\n", i, i);
			break;
		case 1:
			snprintf(name, sizeof name, "j%03d.json", i);
			text = xasprintf("[{\"title\": \"خبر %d\", \"content\": \"نص %d\", \"date\": "
					 "\"2015-07-%02d\"}, {\"content\": \"\"}]", i, i, 1 + i % 28);
			break;
		case 2:
			snprintf(name, sizeof name, "l%03d.jsonl", i);
			text = xasprintf("{\"title\": \"Line %d\", \"content\": \"<p>x</p>\"}\nnot json\n", i);
			break;
		case 3:
			snprintf(name, sizeof name, "b%03d.json", i);
			text = xasprintf("[{\"title\": \"Cut %d\", \"content\": \"y\"}, {", i);
			break;
		default:
			snprintf(name, sizeof name, "e%03d.txt", i);
			text = xstrdup(i % 10 == 4 ? "" : "\n\n");
			break;
		}
		write_file(dir, name, text);
		free(text);
	}
	write_file(dir, "image.png", "\x89PNG");
	free(sub);
	free(empty);
	free(loop);
	return dir;
}

static void remove_folder(const char *dir)
{
	char *cmd = xasprintf("rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
	free(cmd);
}

static void test_fixtures_same(void)
{
	char *seeds = corpus_asset_path("articles");
	char *data = check_data_path("");
	char *gen = make_folder();
	char *empty = xasprintf("%s/sub/empty", gen);
	char *file = xasprintf("%s/j001.json", gen);
	char *all[] = {data, "/nonexistent/qari", seeds, gen, empty, file, data};

	check_same(&data, 1, 4, 20, "tests/data");
	check_same(&seeds, 1, 4, 1, "seeds");
	check_same(&gen, 1, 4, GEN_FILES / 5 * 3, "generated folder");
	check_same(all, sizeof all / sizeof *all, 4, 20, "several paths");
	remove_folder(gen);
	free(seeds);
	free(data);
	free(gen);
	free(empty);
	free(file);
}

/* Three SaudiNewsNet zips with 1, 2 and 4 threads (sanitizers), else all of them with 1 and 2. */
static void test_saudinewsnet_same(void)
{
	char *dir = check_shared_path("corpus/saudinewsnet");
	char *zips[3];

	zips[0] = xasprintf("%s/2015-07-21.zip", dir);
	zips[1] = xasprintf("%s/2015-08-03.zip", dir);
	zips[2] = xasprintf("%s/2015-08-11.zip", dir);
	if (TEST_SANITIZED)
		check_same(zips, 3, 4, 3000, "three SaudiNewsNet zips");
	else
		check_same(&dir, 1, 2, 3000, "SaudiNewsNet");
	for (int i = 0; i < 3; i++)
		free(zips[i]);
	free(dir);
}

static bool fd_readable(int fd, int timeout_ms)
{
	struct pollfd p = {.fd = fd, .events = POLLIN};
	return poll(&p, 1, timeout_ms) == 1 && (p.revents & POLLIN);
}

/* Take bit by bit while the workers run: each take appends, in the one-thread order. */
static void test_incremental(void)
{
	char *gen = make_folder();
	char *seeds = corpus_asset_path("articles");
	char *paths[] = {gen, seeds};
	struct corpus ref, c;
	struct corpus_loader *l;
	struct corpus_loader_progress p;
	size_t takes = 0, added = 0, last_files = 0;
	bool order_ok = true, counts_ok = true, progress_ok = true;

	set_threads(1);
	corpus_init(&ref);
	corpus_load_paths(&ref, paths, 2);
	set_threads(3);
	corpus_init(&c);
	l = corpus_loader_start(paths, 2);
	CHECK(fd_readable(corpus_loader_fd(l), 0)); /* readable at once: poll can start */
	while (!corpus_loader_done(l)) {
		size_t before = c.n, k;
		if (!corpus_loader_wait(l, 60000)) /* a minute: CI machines are shared */
			break;
		k = corpus_loader_take(l, &c);
		counts_ok = counts_ok && k == c.n - before;
		for (size_t i = before; i < c.n; i++)
			order_ok = order_ok && i < ref.n && strcmp(c.items[i]->id, ref.items[i]->id) == 0 &&
				   strcmp(c.items[i]->path, ref.items[i]->path) == 0;
		corpus_loader_progress(l, &p);
		progress_ok = progress_ok && p.files_done >= last_files && p.articles == c.n;
		last_files = p.files_done;
		added += k;
		takes++;
	}
	CHECK(corpus_loader_done(l));
	CHECK(order_ok);
	CHECK(counts_ok);
	CHECK(progress_ok);
	CHECK(takes >= 1);
	CHECK_INT(added, ref.n);
	CHECK_INT(c.n, ref.n);
	corpus_loader_progress(l, &p);
	CHECK_INT(p.files_done, p.files_total);
	CHECK(p.files_total >= GEN_FILES - GEN_FILES / 5);
	CHECK(p.bytes_done == p.bytes_total && p.bytes_total > 0);
	CHECK_INT(p.articles, ref.n);
	CHECK_INT(c.report.nmessages, ref.report.nmessages);
	CHECK_INT(c.report.items_skipped, ref.report.items_skipped);
	CHECK_INT(c.report.items_empty, ref.report.items_empty);
	CHECK_INT(c.report.files_skipped, ref.report.files_skipped);
	CHECK_INT(corpus_loader_take(l, &c), 0); /* nothing more once done */
	corpus_loader_free(l);
	corpus_free(&c);
	corpus_free(&ref);
	remove_folder(gen);
	free(gen);
	free(seeds);
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The user quits after the first screen: free cancels, joins and frees what was not taken. */
static void test_cancel(void)
{
	char *dir = check_shared_path("corpus/saudinewsnet");
	char *zips[3];
	struct corpus c;
	struct corpus_loader *l;
	size_t got = 0;
	double t;

	zips[0] = xasprintf("%s/2015-07-22.zip", dir);
	zips[1] = xasprintf("%s/2015-07-21.zip", dir);
	zips[2] = xasprintf("%s/2015-08-06.zip", dir);
	set_threads(2);
	corpus_init(&c);
	l = corpus_loader_start(zips, 3);
	while (got == 0 && !corpus_loader_done(l) && corpus_loader_wait(l, 30000))
		got = corpus_loader_take(l, &c);
	CHECK(got > 0);
	if (corpus_loader_done(l)) /* a very busy machine: still a valid run, just no cancel */
		fprintf(stderr, "note: all loaded before the cancel\n");
	t = now();
	corpus_loader_free(l); /* ASan's leak check fails the test if anything stays */
	CHECK(now() - t < 30.0); /* a hang, not a speed (a shared machine's load can stall it) */
	for (size_t i = 0; i < c.n; i++)
		CHECK(c.items[i]->path != NULL); /* what was taken belongs to c and stays valid */
	corpus_free(&c);

	/* cancelled before anything was taken, and before the workers even started */
	l = corpus_loader_start(zips, 3);
	corpus_loader_free(l);
	for (int i = 0; i < 3; i++)
		free(zips[i]);
	free(dir);
}

/* How many takes brought articles while one big zip loaded. */
static size_t takes_while_loading(char *zip)
{
	struct corpus c;
	struct corpus_loader *l;
	size_t takes = 0;

	corpus_init(&c);
	l = corpus_loader_start(&zip, 1);
	while (!corpus_loader_done(l) && corpus_loader_wait(l, 30000))
		takes += corpus_loader_take(l, &c) > 0;
	CHECK(c.n > 1000);
	corpus_loader_free(l);
	corpus_free(&c);
	return takes;
}

/* A big file's first articles come in batches before it ends: the first screen is quick. */
static void test_batches(void)
{
	char *zip = check_shared_path("corpus/saudinewsnet/2015-07-21.zip");
	size_t takes = 0;

	set_threads(1);
	/* a starved caller could sleep through the whole file: a few tries */
	for (int i = 0; i < 3 && takes < 2; i++)
		takes = takes_while_loading(zip);
	CHECK(takes >= 2);
	free(zip);
}

/* Nothing to load: done after one take, the report says why. */
static void test_nothing(void)
{
	char *bad = "/nonexistent/qari";
	struct corpus c;
	struct corpus_loader *l;

	corpus_init(&c);
	l = corpus_loader_start(&bad, 1);
	CHECK(fd_readable(corpus_loader_fd(l), 1000));
	CHECK_INT(corpus_loader_take(l, &c), 0);
	CHECK(corpus_loader_done(l));
	CHECK_INT(c.report.nmessages, 1);
	CHECK_INT(c.report.files_skipped, 1);
	corpus_loader_free(l);
	corpus_free(&c);

	l = corpus_loader_start(NULL, 0);
	CHECK(corpus_loader_done(l));
	corpus_loader_free(l);
}

static void test_threads_setting(void)
{
	setenv("QARI_THREADS", "3", 1);
	CHECK_INT(corpus_loader_threads(100), 3);
	CHECK_INT(corpus_loader_threads(2), 2); /* never more threads than files */
	CHECK_INT(corpus_loader_threads(0), 0);
	setenv("QARI_THREADS", "many", 1);
	CHECK(corpus_loader_threads(100) >= 1 && corpus_loader_threads(100) <= 8);
	setenv("QARI_THREADS", "0", 1);
	CHECK(corpus_loader_threads(100) >= 1 && corpus_loader_threads(100) <= 8);
	unsetenv("QARI_THREADS");
	CHECK(corpus_loader_threads(100) >= 1 && corpus_loader_threads(100) <= 8);
}

int main(int argc, char **argv)
{
	if (check_shared_run(argc, argv)) {
		test_cancel();
		test_batches();
		test_saudinewsnet_same();
		return check_done();
	}
	test_threads_setting();
	test_nothing();
	test_fixtures_same();
	test_incremental();
	return check_done();
}
