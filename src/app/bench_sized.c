/* bench_sized.c - `qari bench --store FILE [--make-store N] [PATH...]`: the store's figures at
 * the size of a given store, "name@N: value unit" with N its articles, so one bench runs at
 * 30,000, 300,000 and 1,000,000 articles.
 *
 * --make-store N first grows FILE (default qari-bench-N.db here) to N articles: an empty
 * store gets PATH (default SaudiNewsNet) imported, tagged, as `qari import` does it
 * (ingest_mb_s@N: reading, parsing, tagging and storing, over the text bytes), then variants
 * of those articles (store_make_variants: entities copied, not tagged) up to N
 * (make_store_s@N). Then, on FILE:
 *   store_open_ms@N          opening it (schema and index checks), the median of 5
 *   list_first_page_ms@N     the list's first 40 rows, a search's first 40 and its count
 *   search_first_page_ms@N   (bench_store_windows)
 *   search_count_ms@N
 *   open_p50_ms@N, open_p99_ms@N   one article read whole, 200 rows picked at random
 *   open_related_p99_ms@N    the same with its entities and related list (and the thread's
 *   open_related_cpu_p99_ms@N  CPU), open_related_share@N: the rows with a related story
 *   first_screen_s@N         the reader on it (a subscription, no PATH): its first frame,
 *   index_complete_s@N       the index complete, key-to-frame latency of the scripted
 *   key_to_frame_p99_ms@N    session (and its slowest key, the loop thread's CPU for a key
 *   key_to_frame_max_ms@N    at p99 and at most, how many keys), and the peak resident set
 *   key_cpu_p99_ms@N         of this process (the reader runs in it)
 *   key_cpu_max_ms@N, keys@N
 *   key_sent_to_frame_p99_ms@N  the same from the key's write (bench_sized_sent), and max
 *   key_awake_p99_ms@N       the wall figure less the time the loop's thread stood ready on a
 *   key_run_queue_max_ms@N   run queue waiting for a CPU (schedstat): the code's CPU and its
 *                            sleeps (disk, locks, the pty), what a busy machine does not add;
 *                            and the longest such wait in one key
 *   peak_rss@N
 * A key's frame is the one that answers it: an article opened shows with its sidebar still
 * to fill, a search typed with its prompt, their rest coming on the loop's idle passes
 * (app_store_idle, docs/design.md "Work between keys"); a key that reads what is still to
 * come (r, Enter on the list) waits for it within its own figure. The slowest keys, one by
 * one, go to stderr (bench_session_keys_print).
 * The reader sees the store through a temporary XDG_DATA_HOME whose qari/qari.db links to
 * FILE. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "bench.h"
#include "qari/ner.h"
#include "qari/store.h"
#include "qari/store_related.h"
#include "qari/xalloc.h"

#define BENCH_SIZED_VARIANT_BATCH 2048
#define BENCH_SIZED_RUNS 5
#define BENCH_SIZED_OPENS 200
#define BENCH_SIZED_RELATED_MAX 12 /* entries the sidebar shows */

static void bench_sized_print(const char *name, size_t n, double value, int decimals,
			      const char *unit)
{
	printf("%s@%zu: %.*f %s\n", name, n, decimals, value, unit);
	fflush(stdout);
}

/* Import paths into the empty store s, tagged on every core: ingest_mb_s@N. */
static bool bench_sized_import(struct store *s, char **paths, size_t npaths)
{
	struct store_ingest r = {0};
	struct corpus c;
	char *error = NULL;
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	size_t bytes = 0;
	double t0 = bench_now();
	bool ok;

	if (!cli_load_corpus_paths(paths, npaths, &c)) {
		corpus_free(&c);
		return false;
	}
	store_set_tagger(s, ner_default(&error), cpus > 0 ? (int)cpus : 1);
	if (error) {
		fprintf(stderr, "bench: entities not tagged: %s\n", error);
		free(error);
		error = NULL;
	}
	ok = store_import(s, 0, &c, STORE_IMPORT_BATCH, &r, &error);
	if (ok) {
		for (size_t i = 0; i < c.n; i++)
			bytes += c.items[i]->text_bytes;
		bench_sized_print("ingest_mb_s", r.added, (double)bytes / 1e6 / (bench_now() - t0),
				  2, "MB/s");
	} else {
		fprintf(stderr, "bench: import failed: %s\n", error);
		free(error);
	}
	corpus_free(&c);
	return ok;
}

/* Grow the store at path to n articles: make_store_s@N. */
static bool bench_sized_make(const char *path, size_t n, char **paths, size_t npaths)
{
	char *error = NULL;
	struct store *s = store_open(path, &error);
	size_t added;
	double t0;
	bool ok;

	if (s == NULL) {
		fprintf(stderr, "bench: %s\n", error);
		free(error);
		return false;
	}
	if (store_count(s) == 0 && !bench_sized_import(s, paths, npaths)) {
		store_close(s);
		return false;
	}
	t0 = bench_now();
	ok = store_make_variants(s, n, BENCH_SIZED_VARIANT_BATCH, &added, &error);
	if (ok && added)
		bench_sized_print("make_store_s", store_count(s), bench_now() - t0, 1, "s");
	else if (!ok) {
		fprintf(stderr, "bench: %s\n", error);
		free(error);
	}
	store_close(s);
	return ok;
}

static double bench_sized_median(double *t, size_t n)
{
	qsort(t, n, sizeof *t, bench_cmp_double);
	return bench_percentile(t, n, 0.5);
}

/* store_open_ms@N: the median of a few opens; the store of the last is returned. */
static struct store *bench_sized_open(const char *path)
{
	double t[BENCH_SIZED_RUNS];
	struct store *s = NULL;
	char *error = NULL;

	for (int i = 0; i < BENCH_SIZED_RUNS; i++) {
		double t0 = bench_now();
		store_close(s);
		if ((s = store_open(path, &error)) == NULL) {
			fprintf(stderr, "bench: %s\n", error);
			free(error);
			return NULL;
		}
		t[i] = (bench_now() - t0) * 1e3;
	}
	bench_sized_print("store_open_ms", store_count(s), bench_sized_median(t, BENCH_SIZED_RUNS),
			  2, "ms");
	return s;
}

/* Thread CPU time in seconds. */
static double bench_sized_cpu(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Article row opened as the reader opens it: read whole, its stored entities, its related
 * list (as many entries as the sidebar shows). *linked: the list has an entry. */
static bool bench_sized_open_one(struct store *s, int64_t row, bool *linked)
{
	struct store_related_list l;
	struct store_entities e = {0};
	struct article *a = store_load_article(s, row);
	struct corpus one = {.items = &a, .n = 1};

	if (a == NULL)
		return false;
	store_entities_reload(s, &one, &row, 1, &e);
	*linked = store_related_get(s, row, BENCH_SIZED_RELATED_MAX, &l) && l.n > 0;
	store_related_list_free(&l);
	store_entities_free(&e);
	article_free(a);
	return true;
}

/* open_p50_ms@N, open_p99_ms@N: articles read whole from rows picked at random (a fixed
 * sequence: the same rows every run); open_related_p99_ms@N (wall) and
 * open_related_cpu_p99_ms@N (the thread's CPU): the same rows with their entities and related
 * lists, open_related_share@N: how many of them had a related story. */
static void bench_sized_articles(struct store *s, size_t n)
{
	double t[BENCH_SIZED_OPENS], full[BENCH_SIZED_OPENS], cpu[BENCH_SIZED_OPENS];
	int64_t last = store_last_rowid(s);
	uint64_t x = 0x9E3779B97F4A7C15u;
	size_t got = 0, linked = 0;

	for (int i = 0; i < BENCH_SIZED_OPENS && last > 0; i++) {
		struct article *a;
		int64_t row;
		double t0 = bench_now(), c0;
		bool with = false;
		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		row = (int64_t)(x % (uint64_t)last) + 1;
		if ((a = store_load_article(s, row)) == NULL)
			continue; /* a row pruned */
		t[got] = (bench_now() - t0) * 1e3;
		article_free(a);
		t0 = bench_now();
		c0 = bench_sized_cpu();
		bench_sized_open_one(s, row, &with);
		full[got] = (bench_now() - t0) * 1e3;
		cpu[got++] = (bench_sized_cpu() - c0) * 1e3;
		linked += with;
	}
	if (got == 0)
		return;
	qsort(t, got, sizeof *t, bench_cmp_double);
	qsort(full, got, sizeof *full, bench_cmp_double);
	qsort(cpu, got, sizeof *cpu, bench_cmp_double);
	bench_sized_print("open_p50_ms", n, bench_percentile(t, got, 0.5), 3, "ms");
	bench_sized_print("open_p99_ms", n, bench_percentile(t, got, 0.99), 3, "ms");
	bench_sized_print("open_related_p99_ms", n, bench_percentile(full, got, 0.99), 3, "ms");
	bench_sized_print("open_related_cpu_p99_ms", n, bench_percentile(cpu, got, 0.99), 3, "ms");
	bench_sized_print("open_related_share", n, 100.0 * (double)linked / (double)got, 1, "percent");
}

/* A temporary XDG_DATA_HOME whose store is path (caller removes it), NULL: none. */
static char *bench_sized_home(const char *path)
{
	char tmpl[] = "/tmp/qari-bench-store-XXXXXX", real[PATH_MAX], *dir, *link;
	if (realpath(path, real) == NULL || mkdtemp(tmpl) == NULL)
		return NULL;
	dir = xasprintf("%s/qari", tmpl);
	link = xasprintf("%s/qari.db", dir);
	if (mkdir(dir, 0700) != 0 || symlink(real, link) != 0) {
		free(dir);
		free(link);
		return NULL;
	}
	free(dir);
	free(link);
	return xstrdup(tmpl);
}

static void bench_sized_home_free(char *home)
{
	char *link = xasprintf("%s/qari/qari.db", home), *dir = xasprintf("%s/qari", home);
	unlink(link);
	rmdir(dir);
	rmdir(home);
	free(link);
	free(dir);
	free(home);
}

/* From the key's write to its frame: what the typist waits, the time the loop was busy with
 * work between keys (a search's slices, the sidebar's fill) before it read the key counted
 * too. A lone Esc is left out: curses holds it 25 ms for the rest of a sequence. */
static void bench_sized_sent(const struct bench_session *s, size_t n)
{
	double v[BENCH_MAX_LATENCIES];
	size_t k = 0;

	for (size_t i = 0; i < s->nlatency; i++)
		if (strcmp(s->keys[i].label, "ESC") != 0)
			v[k++] = s->keys[i].sent;
	if (k == 0)
		return;
	qsort(v, k, sizeof *v, bench_cmp_double);
	bench_sized_print("key_sent_to_frame_p99_ms", n, 1e3 * bench_percentile(v, k, 0.99), 3,
			  "ms");
	bench_sized_print("key_sent_to_frame_max_ms", n, 1e3 * v[k - 1], 3, "ms");
}

/* key_awake_p99_ms@N, key_run_queue_max_ms@N: nothing when the kernel keeps no schedstat. */
static void bench_sized_awake(const struct bench_session *s, size_t n)
{
	double v[BENCH_MAX_LATENCIES], most = 0;

	for (size_t i = 0; i < s->nlatency; i++) {
		if (s->keys[i].runq < 0)
			return;
		v[i] = s->keys[i].wall - s->keys[i].runq;
		if (s->keys[i].runq > most)
			most = s->keys[i].runq;
	}
	qsort(v, s->nlatency, sizeof *v, bench_cmp_double);
	bench_sized_print("key_awake_p99_ms", n, 1e3 * bench_percentile(v, s->nlatency, 0.99), 3,
			  "ms");
	bench_sized_print("key_run_queue_max_ms", n, 1e3 * most, 3, "ms");
}

/* The reader on the store: first_screen_s@N and what follows it. */
static void bench_sized_reader(const struct cli *cli, const char *path, size_t n)
{
	struct bench_session s = {.cli = cli, .urls = "http://127.0.0.1:9/feed.xml\n"};
	char *old = getenv("XDG_DATA_HOME") ? xstrdup(getenv("XDG_DATA_HOME")) : NULL;
	char *home = bench_sized_home(path);
	long kib;

	if (home == NULL) {
		fprintf(stderr, "bench: no temporary home for the reader\n");
		free(old);
		return;
	}
	setenv("XDG_DATA_HOME", home, 1);
	if (bench_session_run(&s) && s.first_screen >= 0) {
		bench_sized_print("first_screen_s", n, s.first_screen, 3, "s");
		if (s.index_done >= 0)
			bench_sized_print("index_complete_s", n, s.index_done, 3, "s");
		if (s.nlatency > 0) {
			qsort(s.latency, s.nlatency, sizeof *s.latency, bench_cmp_double);
			bench_sized_print("key_to_frame_p99_ms", n,
					  1e3 * bench_percentile(s.latency, s.nlatency, 0.99), 3, "ms");
			bench_sized_print("key_to_frame_max_ms", n, 1e3 * s.latency[s.nlatency - 1],
					  3, "ms");
			qsort(s.latency_cpu, s.nlatency, sizeof *s.latency_cpu, bench_cmp_double);
			bench_sized_print("key_cpu_p99_ms", n,
					  1e3 * bench_percentile(s.latency_cpu, s.nlatency, 0.99), 3, "ms");
			bench_sized_print("key_cpu_max_ms", n, 1e3 * s.latency_cpu[s.nlatency - 1],
					  3, "ms");
			bench_sized_print("keys", n, (double)s.nlatency, 0, "keys");
			bench_sized_sent(&s, n);
			bench_sized_awake(&s, n);
			bench_session_keys_print(&s, 8);
		}
		if ((kib = bench_peak_rss_kib()) > 0)
			bench_sized_print("peak_rss", n, (double)kib * 1024.0 / 1e6, 1, "MB");
	} else
		fprintf(stderr, "bench: the reader did not show the store\n");
	bench_session_free(&s);
	if (old)
		setenv("XDG_DATA_HOME", old, 1);
	else
		unsetenv("XDG_DATA_HOME");
	free(old);
	bench_sized_home_free(home);
}

int bench_sized(const struct cli *cli, char **paths, size_t npaths)
{
	char *path = cli->store ? xstrdup(cli->store) : xasprintf("qari-bench-%zu.db", cli->make_store);
	struct store *s;
	struct stat st;
	size_t n;

	if (!cli->make_store && stat(path, &st) != 0) {
		fprintf(stderr, "bench: %s: no such store\n", path);
		free(path);
		return 1;
	}
	if (cli->make_store && !bench_sized_make(path, cli->make_store, paths, npaths)) {
		free(path);
		return 1;
	}
	if ((s = bench_sized_open(path)) == NULL) {
		free(path);
		return 1;
	}
	n = store_count(s);
	if (n == 0) {
		fprintf(stderr, "bench: %s holds no articles\n", path);
		store_close(s);
		free(path);
		return 1;
	}
	bench_store_windows(s);
	bench_sized_articles(s, n);
	store_close(s);
	bench_sized_reader(cli, path, n);
	free(path);
	return 0;
}
