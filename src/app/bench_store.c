/* bench_store.c - the store's figures for `qari bench`:
 *   store_ingest_mb_s      `qari import` of the bench's paths into a new store (read, parsed,
 *                          tagged and stored, in a process of its own) over the text bytes
 *   store_first_screen_s   the reader opened on that store (no PATH, a subscription): its
 *                          first frame (the list a window: nothing read for every article)
 *   store_open_p99_ms@N    then the bench's scripted session on it: the keys that opened an
 *   store_key_to_frame_p99_ms@N  article, and every key, key read to frame flushed
 *   store_session_peak_rss_added_mb@N  the resident high-water mark the session adds to this
 *                          process (VmHWM reset before it; the bench's corpus is not in it)
 *   fetch_feeds_s          200 feeds from a server on 127.0.0.1 in this process, each parsed
 *   fetch_feeds_304_s      and stored; then the same 200 again, every one a 304
 *   list_first_page_ms@N   the list as a window onto that store of N articles: its first 40
 *   search_first_page_ms@N rows; a search's first 40 (each row checked), wall and thread
 *   search_first_page_cpu_ms@N     CPU; the slowest first page of seven queries from
 *   search_first_page_max_ms@N     common to absent (bench_store_queries), wall and CPU;
 *   search_first_page_cpu_max_ms@N the search's count (the median of 5 runs each)
 *   search_count_ms@N
 * The reader and the fetcher see temp XDG folders of their own. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "bench.h"
#include "qari/feeds.h"
#include "qari/ner.h"
#include "qari/store.h"
#include "qari/store_list.h"
#include "qari/xalloc.h"

#define BENCH_FEEDS 200
#define BENCH_FEED_ITEMS 20
#define BENCH_BATCH 256
#define BENCH_PAGE 40
#define BENCH_WINDOW_RUNS 5
#define BENCH_QUERY "السعودية" /* common in the Saudi news the bench is given */

static void bench_store_print(const char *name, double value, int decimals, const char *unit)
{
	printf("%s: %.*f %s\n", name, decimals, value, unit);
}

/* The server: HTTP/1.1 with keep-alive, one thread per connection; /N.xml is a feed of
 * BENCH_FEED_ITEMS items with the ETag "N"; a request with If-None-Match gets a 304. */
struct bench_server {
	int fd;
	int port;
	pthread_t thread;
};

static char *bench_feed_body(int n)
{
	struct strbuf sb = {0};
	strbuf_printf(&sb, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>"
		      "<title>قناة %d</title>", n);
	for (int i = 0; i < BENCH_FEED_ITEMS; i++)
		strbuf_printf(&sb, "<item><guid>b%d-%d</guid><link>http://example.org/%d/%d</link>"
			      "<title>خبر رقم %d من القناة %d</title><description>قال المتحدث باسم "
			      "الوزارة في الرياض إن الاجتماع سيعقد في جدة يوم الأحد لبحث التعاون "
			      "الاقتصادي بين البلدين.</description><pubDate>Sat, 05 Dec 2026 "
			      "%02d:00:00 GMT</pubDate></item>", n, i, n, i, i, n, i);
	strbuf_printf(&sb, "</channel></rss>");
	return strbuf_take(&sb);
}

static bool bench_write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);
		if (w <= 0)
			return false;
		p += w, n -= (size_t)w;
	}
	return true;
}

static void *bench_conn(void *arg)
{
	int fd = (int)(intptr_t)arg;
	char buf[8192];
	size_t len = 0;

	for (;;) {
		char *end, *body, *reply;
		int n = 0;
		bool cond, ok;
		ssize_t r;
		buf[len] = '\0';
		while ((end = strstr(buf, "\r\n\r\n")) == NULL) {
			if (len + 1 >= sizeof buf || (r = read(fd, buf + len, sizeof buf - 1 - len)) <= 0)
				goto out;
			len += (size_t)r;
			buf[len] = '\0';
		}
		sscanf(buf, "GET /%d.xml", &n);
		cond = strstr(buf, "If-None-Match") != NULL && strstr(buf, "If-None-Match") < end;
		body = cond ? NULL : bench_feed_body(n);
		/* one write: a head and a body in two would wait for the client's delayed ACK */
		reply = xasprintf("HTTP/1.1 %s\r\nContent-Type: application/rss+xml; charset=UTF-8\r\n"
				  "ETag: \"%d\"\r\nContent-Length: %zu\r\n\r\n%s",
				  cond ? "304 Not Modified" : "200 OK", n, body ? strlen(body) : 0,
				  body ? body : "");
		ok = bench_write_all(fd, reply, strlen(reply));
		free(reply);
		free(body);
		if (!ok)
			goto out;
		end += 4;
		len -= (size_t)(end - buf);
		memmove(buf, end, len);
	}
out:
	close(fd);
	return NULL;
}

static void *bench_accept(void *arg)
{
	struct bench_server *s = arg;
	int c;
	while ((c = accept(s->fd, NULL, NULL)) >= 0) {
		pthread_t t;
		if (pthread_create(&t, NULL, bench_conn, (void *)(intptr_t)c) == 0)
			pthread_detach(t);
		else
			close(c);
	}
	return NULL;
}

static bool bench_server_start(struct bench_server *s)
{
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	socklen_t alen = sizeof a;

	s->fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (s->fd < 0 || bind(s->fd, (struct sockaddr *)&a, sizeof a) < 0 || listen(s->fd, 64) < 0 ||
	    getsockname(s->fd, (struct sockaddr *)&a, &alen) < 0) {
		if (s->fd >= 0)
			close(s->fd);
		return false;
	}
	s->port = ntohs(a.sin_port);
	return pthread_create(&s->thread, NULL, bench_accept, s) == 0;
}

static void bench_server_stop(struct bench_server *s)
{
	shutdown(s->fd, SHUT_RDWR); /* accept returns */
	pthread_join(s->thread, NULL);
	close(s->fd);
}

/* The figures */

static struct store *bench_store_open(const char *dir, const char *name)
{
	char *path = xasprintf("%s/%s", dir, name), *error = NULL;
	struct store *s = store_open(path, &error);
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	if (s == NULL) {
		fprintf(stderr, "bench: no store: %s\n", error);
		free(error);
	} else
		store_set_tagger(s, ner_default(&error), cpus > 0 ? (int)cpus : 1);
	free(path);
	return s;
}

/* `qari import` of the bench's paths into dir, in a process of its own (this one's tagger
 * has seen the text: its caches would flatter the figure): reading, parsing, tagging and
 * storing, over the articles' text bytes. */
static bool bench_store_ingest(const struct corpus *c, char **paths, size_t npaths,
			       const char *dir)
{
	char **argv = xcalloc(npaths + 3, sizeof *argv);
	char *old = getenv("XDG_DATA_HOME") ? xstrdup(getenv("XDG_DATA_HOME")) : NULL;
	size_t bytes = 0;
	double t;

	for (size_t i = 0; i < c->n; i++)
		bytes += c->items[i]->text_bytes;
	argv[0] = "/proc/self/exe";
	argv[1] = "import";
	memcpy(argv + 2, paths, npaths * sizeof *paths);
	setenv("XDG_DATA_HOME", dir, 1);
	t = bench_run_tool(argv);
	if (old)
		setenv("XDG_DATA_HOME", old, 1);
	else
		unsetenv("XDG_DATA_HOME");
	free(old);
	free(argv);
	if (t <= 0) {
		fprintf(stderr, "bench: qari import failed; no store figures\n");
		return false;
	}
	bench_store_print("store_ingest_mb_s", (double)bytes / 1e6 / t, 2, "MB/s");
	return true;
}

/* This process's resident set now (VmRSS), or its high-water mark (VmHWM), in KiB; -1. */
static long bench_store_rss_kib(const char *field)
{
	FILE *f = fopen("/proc/self/status", "r");
	char line[128];
	size_t len = strlen(field);
	long kib = -1;

	if (f == NULL)
		return -1;
	while (fgets(line, sizeof line, f))
		if (strncmp(line, field, len) == 0 && sscanf(line + len, ": %ld kB", &kib) == 1)
			break;
	fclose(f);
	return kib;
}

/* The high-water mark starts again from the resident set now (the bench's own corpus and
 * the figures before stay in it); false when the kernel cannot. */
static bool bench_store_rss_reset(void)
{
	FILE *f = fopen("/proc/self/clear_refs", "w");
	bool ok = f && fputs("5", f) >= 0;
	if (f)
		ok &= fclose(f) == 0;
	return ok;
}

static void bench_store_p99(const char *name, size_t n, double *v, size_t nv)
{
	char label[80];
	if (nv == 0)
		return;
	qsort(v, nv, sizeof *v, bench_cmp_double);
	snprintf(label, sizeof label, "%s@%zu", name, n);
	bench_store_print(label, 1e3 * bench_percentile(v, nv, 0.99), 3, "ms");
}

/* The reader on the store: XDG_DATA_HOME points at dir; the session's private home holds a
 * subscription, so the reader opens the store, and the bench's script is typed (the list,
 * opening, scrolling, find, a search of the list, related stories). */
static void bench_store_session(const struct cli *cli, const char *dir, size_t n)
{
	struct bench_session s = {.cli = cli, .urls = "http://127.0.0.1:9/feed.xml\n"};
	char *old_data = getenv("XDG_DATA_HOME") ? xstrdup(getenv("XDG_DATA_HOME")) : NULL;
	bool reset = bench_store_rss_reset();
	long before = bench_store_rss_kib("VmRSS"), peak;
	char name[80];

	setenv("XDG_DATA_HOME", dir, 1);
	if (bench_session_run(&s) && s.first_screen >= 0) {
		bench_store_print("store_first_screen_s", s.first_screen, 3, "s");
		bench_store_p99("store_open_p99_ms", n, s.open_latency, s.nopen);
		bench_store_p99("store_key_to_frame_p99_ms", n, s.latency, s.nlatency);
		peak = bench_store_rss_kib("VmHWM");
		if (reset && before >= 0 && peak >= before) {
			snprintf(name, sizeof name, "store_session_peak_rss_added_mb@%zu", n);
			bench_store_print(name, (double)(peak - before) * 1024.0 / 1e6, 1, "MB");
		}
	} else
		fprintf(stderr, "bench: the reader did not show the store\n");
	bench_session_free(&s);
	if (old_data)
		setenv("XDG_DATA_HOME", old_data, 1);
	else
		unsetenv("XDG_DATA_HOME");
	free(old_data);
}

static void bench_fetch(const char *dir)
{
	struct bench_server srv;
	struct subs subs = {0};
	struct feeds_summary sum;
	struct store *s;
	double t0;

	if (!bench_server_start(&srv)) {
		fprintf(stderr, "bench: no server on 127.0.0.1; no fetch figures\n");
		return;
	}
	if ((s = bench_store_open(dir, "fetch.db")) == NULL) {
		bench_server_stop(&srv);
		return;
	}
	subs.v = xcalloc(BENCH_FEEDS, sizeof *subs.v);
	for (int i = 0; i < BENCH_FEEDS; i++)
		subs.v[subs.n++].url = xasprintf("http://127.0.0.1:%d/%d.xml", srv.port, i);
	t0 = bench_now();
	feeds_fetch(s, &subs, NULL, NULL, NULL, NULL, &sum);
	if (sum.failed == 0)
		bench_store_print("fetch_feeds_s", BENCH_FEEDS / (bench_now() - t0), 1, "feeds/s");
	else
		fprintf(stderr, "bench: %zu feeds failed\n", sum.failed);
	t0 = bench_now();
	feeds_fetch(s, &subs, NULL, NULL, NULL, NULL, &sum);
	if (sum.not_modified == BENCH_FEEDS)
		bench_store_print("fetch_feeds_304_s", BENCH_FEEDS / (bench_now() - t0), 1, "feeds/s");
	else
		fprintf(stderr, "bench: only %zu feeds answered 304\n", sum.not_modified);
	store_close(s);
	subs_free(&subs);
	bench_server_stop(&srv);
}

/* The median over runs of one window operation, in ms. */
static double bench_window_ms(struct store *s, const struct store_list_filter *f, bool count)
{
	double t[BENCH_WINDOW_RUNS];
	struct store_list_page page = {0};

	for (int i = 0; i < BENCH_WINDOW_RUNS; i++) {
		double t0 = bench_now();
		if (count)
			store_list_count(s, f, NULL);
		else
			store_list_after(s, f, NULL, BENCH_PAGE, &page);
		t[i] = (bench_now() - t0) * 1000;
		store_list_page_clear(&page);
	}
	store_list_page_free(&page);
	qsort(t, BENCH_WINDOW_RUNS, sizeof *t, bench_cmp_double);
	return t[BENCH_WINDOW_RUNS / 2];
}

/* The list and a search as windows onto the store `qari import` made in dir. */
static void bench_store_window(const char *dir)
{
	char *old = getenv("XDG_DATA_HOME") ? xstrdup(getenv("XDG_DATA_HOME")) : NULL;
	char *path, *error = NULL;
	struct store *s;

	setenv("XDG_DATA_HOME", dir, 1);
	path = store_default_path();
	if (old)
		setenv("XDG_DATA_HOME", old, 1);
	else
		unsetenv("XDG_DATA_HOME");
	free(old);
	s = path ? store_open(path, &error) : NULL;
	free(path);
	if (s == NULL) {
		fprintf(stderr, "bench: no store to search: %s\n", error ? error : "no path");
		free(error);
		return;
	}
	bench_store_windows(s);
	store_close(s);
}

/* Thread CPU time in seconds: what a busy machine does not inflate. */
static double bench_thread_cpu(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Queries from common to absent (SaudiNewsNet: «السعودية» in one article of six, «الأمم
 * المتحدة» one of forty, «اليونسكو» one of 440): a search's first page by whichever way it is
 * read (walking the list or the index's candidates) and the slowest of them. Each run follows
 * another query, so nothing one kept for the next page of its search is found. */
static const char *const bench_store_queries[] = {
	BENCH_QUERY, "الرياض", "ولي العهد", "الأمم المتحدة", "وزارة الصحة", "اليونسكو", "qqqzzz",
};
#define BENCH_NQUERIES (sizeof bench_store_queries / sizeof *bench_store_queries)

static void bench_store_searches(struct store *s, size_t n)
{
	double wall[BENCH_NQUERIES][BENCH_WINDOW_RUNS], cpu[BENCH_NQUERIES][BENCH_WINDOW_RUNS];
	double max_wall = 0, max_cpu = 0;
	struct store_list_page page = {0};
	char name[64];

	for (int r = 0; r < BENCH_WINDOW_RUNS; r++)
		for (size_t k = 0; k < BENCH_NQUERIES; k++) {
			struct store_list_filter f = STORE_LIST_ALL;
			struct search_query q;
			double t0 = bench_now(), c0 = bench_thread_cpu();
			if (!search_query_init(&q, bench_store_queries[k], false))
				continue;
			f.query = &q;
			store_list_after(s, &f, NULL, BENCH_PAGE, &page);
			wall[k][r] = (bench_now() - t0) * 1000;
			cpu[k][r] = (bench_thread_cpu() - c0) * 1000;
			store_list_page_clear(&page);
			search_query_free(&q);
		}
	store_list_page_free(&page);
	for (size_t k = 0; k < BENCH_NQUERIES; k++) {
		qsort(wall[k], BENCH_WINDOW_RUNS, sizeof *wall[k], bench_cmp_double);
		qsort(cpu[k], BENCH_WINDOW_RUNS, sizeof *cpu[k], bench_cmp_double);
		fprintf(stderr, "bench: first page of %s: %.2f ms, %.2f ms of CPU\n",
			bench_store_queries[k], wall[k][BENCH_WINDOW_RUNS / 2],
			cpu[k][BENCH_WINDOW_RUNS / 2]);
		if (wall[k][BENCH_WINDOW_RUNS / 2] > max_wall)
			max_wall = wall[k][BENCH_WINDOW_RUNS / 2];
		if (cpu[k][BENCH_WINDOW_RUNS / 2] > max_cpu)
			max_cpu = cpu[k][BENCH_WINDOW_RUNS / 2];
	}
	snprintf(name, sizeof name, "search_first_page_ms@%zu", n);
	bench_store_print(name, wall[0][BENCH_WINDOW_RUNS / 2], 2, "ms");
	snprintf(name, sizeof name, "search_first_page_cpu_ms@%zu", n);
	bench_store_print(name, cpu[0][BENCH_WINDOW_RUNS / 2], 2, "ms");
	snprintf(name, sizeof name, "search_first_page_max_ms@%zu", n);
	bench_store_print(name, max_wall, 2, "ms");
	snprintf(name, sizeof name, "search_first_page_cpu_max_ms@%zu", n);
	bench_store_print(name, max_cpu, 2, "ms");
}

void bench_store_windows(struct store *s)
{
	struct store_list_filter f = STORE_LIST_ALL;
	struct search_query q;
	char name[64];
	size_t n;

	n = store_list_count(s, &f, NULL);
	snprintf(name, sizeof name, "list_first_page_ms@%zu", n);
	bench_store_print(name, bench_window_ms(s, &f, false), 2, "ms");
	bench_store_searches(s, n);
	if (search_query_init(&q, BENCH_QUERY, false)) {
		f.query = &q;
		snprintf(name, sizeof name, "search_count_ms@%zu", n);
		bench_store_print(name, bench_window_ms(s, &f, true), 2, "ms");
		search_query_free(&q);
	}
}

void bench_store(const struct cli *cli, const struct corpus *c, char **paths, size_t npaths,
		 const char *tmp)
{
	char *dir;
	if (tmp == NULL || c->n == 0)
		return;
	dir = xasprintf("%s/store", tmp);
	mkdir(dir, 0700);
	bench_fetch(dir);
	if (bench_store_ingest(c, paths, npaths, dir)) {
		bench_store_session(cli, dir, c->n);
		bench_store_window(dir);
	}
	free(dir);
}
