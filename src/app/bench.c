/* bench.c - `qari bench [PATH...]`: measured figures, one "name: value unit" line each on
 * stdout and nothing else there; notes (fallbacks, missing tools) go to stderr.
 *
 * Each figure is one function over a shared struct bench, run in the order of bench_figures[]:
 * later figures (first screen, index time, tagger MB/s, key-to-frame latency, bytes per
 * scrolled line) are one more function and one more line there. */
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "qari/cli.h"
#include "qari/corpus.h"
#include "qari/layout.h"
#include "qari/text.h"
#include "qari/xalloc.h"

#define BENCH_WIDTH 80
#define BENCH_MIN_SECONDS 0.5          /* repeat a measurement until it took this long */
#define BENCH_SAMPLE_MIN (4u << 20)    /* bytes of text given to external tools, at least */
#define BENCH_DEFAULT_CORPUS "corpus/saudinewsnet"
#define BENCH_MAX_MESSAGES 10

extern char **environ;

struct bench {
	const struct cli *cli;
	struct corpus corpus;
	const char **paras; /* the Arabic text laid out: titles and paragraphs of RTL articles */
	size_t *lens;
	size_t nparas;
	size_t para_bytes;
	char sample[64]; /* temp file with paras, one a line, repeated; "" when not written */
	size_t sample_bytes;
};

static double bench_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void bench_print(const char *name, double value, int decimals, const char *unit)
{
	printf("%s: %.*f %s\n", name, decimals, value, unit);
}

/* Bytes this process has read through read(2) so far (/proc/self/io rchar); -1 unknown. */
static long long bench_rchar(void)
{
	FILE *f = fopen("/proc/self/io", "r");
	char line[128];
	long long v = -1;

	if (f == NULL)
		return -1;
	while (fgets(line, sizeof line, f))
		if (sscanf(line, "rchar: %lld", &v) == 1)
			break;
	fclose(f);
	return v;
}

/* The SaudiNewsNet corpus beside the project (../shared), or NULL when it is not there. */
static char *bench_default_corpus(void)
{
	const char *shared = getenv("QARI_SHARED");
	char *path = shared && *shared ? xasprintf("%s/%s", shared, BENCH_DEFAULT_CORPUS)
				       : xasprintf("%s/../../shared/%s", corpus_assets_dir(),
						   BENCH_DEFAULT_CORPUS);
	struct stat st;

	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		return path;
	free(path);
	return NULL;
}

static void bench_load_paths(struct bench *b, char **paths, size_t n)
{
	corpus_free(&b->corpus);
	corpus_init(&b->corpus);
	corpus_load_paths(&b->corpus, paths, n);
}

/* The given paths; by default SaudiNewsNet, falling back to the bundled articles when it is
 * missing or gives nothing (no loader for its format yet). */
static void bench_load_default(struct bench *b)
{
	char *dir = bench_default_corpus();

	if (dir) {
		bench_load_paths(b, &dir, 1);
		if (b->corpus.n == 0)
			fprintf(stderr, "bench: %s gave no articles (no loader for its format yet?); "
					"measuring the bundled articles\n", dir);
		free(dir);
		if (b->corpus.n > 0)
			return;
	} else
		fprintf(stderr, "bench: no ../shared/%s; measuring the bundled articles\n",
			BENCH_DEFAULT_CORPUS);
	dir = corpus_asset_path("articles");
	bench_load_paths(b, &dir, 1);
	free(dir);
}

/* The first load problems on stderr, then how many more there were. */
static void bench_report(const struct load_report *r)
{
	for (size_t i = 0; i < r->nmessages && i < BENCH_MAX_MESSAGES; i++) {
		char *m = text_neutralize(r->messages[i]);
		fprintf(stderr, "qari: %s\n", m);
		free(m);
	}
	if (r->nmessages > BENCH_MAX_MESSAGES)
		fprintf(stderr, "bench: and %zu more load problems (qari list PATH shows them)\n",
			r->nmessages - BENCH_MAX_MESSAGES);
}

/* files_read, mb_read, load_time, load_mb_s, articles, article_text_mb. */
static void bench_load(struct bench *b)
{
	long long r0 = bench_rchar(), r1;
	double t0 = bench_now(), t1;
	size_t text = 0;

	if (b->cli->nargs > 0)
		bench_load_paths(b, b->cli->args, b->cli->nargs);
	else
		bench_load_default(b);
	t1 = bench_now();
	r1 = bench_rchar();
	for (size_t i = 0; i < b->corpus.n; i++)
		text += b->corpus.items[i]->text_bytes;
	bench_report(&b->corpus.report);
	bench_print("files_read", (double)(b->corpus.report.files_loaded +
					   b->corpus.report.files_skipped), 0, "files");
	if (r0 >= 0 && r1 >= r0)
		bench_print("mb_read", (double)(r1 - r0) / 1e6, 3, "MB");
	bench_print("load_time", t1 - t0, 3, "s");
	if (r0 >= 0 && r1 >= r0 && t1 > t0)
		bench_print("load_mb_s", (double)(r1 - r0) / 1e6 / (t1 - t0), 1, "MB/s");
	bench_print("articles", (double)b->corpus.n, 0, "articles");
	bench_print("article_text_mb", (double)text / 1e6, 3, "MB");
}

static void bench_add_para(struct bench *b, size_t *cap, const char *s)
{
	xgrow(&b->paras, cap, b->nparas + 1, sizeof *b->paras);
	b->lens = xreallocarray(b->lens, *cap, sizeof *b->lens);
	b->paras[b->nparas] = s;
	b->lens[b->nparas++] = strlen(s);
	b->para_bytes += strlen(s);
}

/* The Arabic text: titles and paragraphs of right-to-left articles (all, if there are none). */
static void bench_collect(struct bench *b)
{
	size_t cap = 0;
	bool any_rtl = false;

	for (size_t i = 0; i < b->corpus.n; i++)
		any_rtl = any_rtl || b->corpus.items[i]->dir == TEXT_DIR_RTL;
	if (!any_rtl && b->corpus.n > 0)
		fprintf(stderr, "bench: no right-to-left article; layout measured on all text\n");
	for (size_t i = 0; i < b->corpus.n; i++) {
		const struct article *a = b->corpus.items[i];
		if (any_rtl && a->dir != TEXT_DIR_RTL)
			continue;
		bench_add_para(b, &cap, a->title);
		for (size_t k = 0; k < a->npara; k++)
			bench_add_para(b, &cap, a->paras[k]);
	}
}

/* layout_mb_s: prepare (bidi, shaping) and wrap at width 80 of every paragraph, as the
 * reading pane does on opening an article, repeated until it took half a second. */
static void bench_layout(struct bench *b)
{
	struct layout_opts o = {.dir = LAYOUT_DIR_AUTO, .reorder = true, .shape = true};
	double t0 = bench_now(), t;
	size_t passes = 0, lines = 0;

	bench_collect(b);
	if (b->para_bytes == 0)
		return;
	do {
		for (size_t i = 0; i < b->nparas; i++) {
			struct layout_prep *p = layout_prepare(b->paras[i], b->lens[i], &o);
			struct layout_para lp = {0};
			layout_wrap(p, BENCH_WIDTH, BENCH_WIDTH, &lp);
			lines += lp.nlines;
			layout_para_free(&lp);
			layout_prep_free(p);
		}
		passes++;
		t = bench_now() - t0;
	} while (t < BENCH_MIN_SECONDS);
	bench_print("layout_mb_s", (double)b->para_bytes * (double)passes / 1e6 / t, 2, "MB/s");
	bench_print("layout_lines_s", (double)lines / t, 0, "lines/s");
}

/* The Arabic text in a temp file, one paragraph a line, repeated up to a few MB so that a
 * tool's start-up does not dominate. */
static bool bench_write_sample(struct bench *b)
{
	int fd;
	FILE *f;

	if (b->sample[0])
		return true;
	if (b->para_bytes == 0)
		return false;
	snprintf(b->sample, sizeof b->sample, "/tmp/qari-bench-XXXXXX");
	if ((fd = mkstemp(b->sample)) < 0 || (f = fdopen(fd, "w")) == NULL) {
		fprintf(stderr, "bench: temp file: %s\n", strerror(errno));
		b->sample[0] = '\0';
		return false;
	}
	do {
		for (size_t i = 0; i < b->nparas; i++) {
			fwrite(b->paras[i], 1, b->lens[i], f);
			fputc('\n', f);
			b->sample_bytes += b->lens[i] + 1;
		}
	} while (b->sample_bytes < BENCH_SAMPLE_MIN);
	fclose(f);
	return true;
}

/* Run argv with stdout and stderr to /dev/null; seconds taken, or -1 when it did not run. */
static double bench_run_tool(char *const argv[])
{
	posix_spawn_file_actions_t fa;
	double t0 = bench_now();
	int status;
	pid_t pid;

	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
	if (posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ) != 0) {
		posix_spawn_file_actions_destroy(&fa);
		return -1;
	}
	posix_spawn_file_actions_destroy(&fa);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		return -1;
	return bench_now() - t0;
}

/* fribidi_cli_mb_s: the FriBidi command-line tool (libfribidi-bin) on the same text at the
 * same width, the baseline of issue 3; it does less (no UAX #14, cuts words). */
static void bench_fribidi_cli(struct bench *b)
{
	char *argv[] = {"fribidi", "--nopad", "--width", "80", b->sample, NULL};
	double t = 0, once;
	size_t runs = 0;

	if (!bench_write_sample(b))
		return;
	do {
		if ((once = bench_run_tool(argv)) < 0) {
			fprintf(stderr, "bench: the fribidi tool did not run (apt install "
					"libfribidi-bin); no fribidi_cli_mb_s\n");
			return;
		}
		t += once;
		runs++;
	} while (t < BENCH_MIN_SECONDS);
	bench_print("fribidi_cli_mb_s", (double)b->sample_bytes * (double)runs / 1e6 / t, 2,
		    "MB/s");
}

/* Peak resident set in KiB: VmHWM of this process's own memory. ru_maxrss also counts the
 * memory of the parent that spawned us with vfork (Linux carries the old mm's high-water mark
 * across exec: under Python's subprocess it reads 10 MB high), so it is only the fallback. */
static long bench_peak_rss_kib(void)
{
	FILE *f = fopen("/proc/self/status", "r");
	char line[128];
	long kib = -1;
	struct rusage ru;

	if (f) {
		while (fgets(line, sizeof line, f))
			if (sscanf(line, "VmHWM: %ld kB", &kib) == 1)
				break;
		fclose(f);
	}
	if (kib < 0 && getrusage(RUSAGE_SELF, &ru) == 0)
		kib = ru.ru_maxrss;
	return kib;
}

/* peak_rss and rss_per_text_byte: the whole run's high-water mark (this process only) over
 * the bytes of article text held. */
static void bench_memory(struct bench *b)
{
	long kib = bench_peak_rss_kib();
	size_t text = 0;

	if (kib < 0)
		return;
	for (size_t i = 0; i < b->corpus.n; i++)
		text += b->corpus.items[i]->text_bytes;
	bench_print("peak_rss", (double)kib / 1024.0, 1, "MB");
	if (text > 0)
		bench_print("rss_per_text_byte", (double)kib * 1024.0 / (double)text, 2, "B/B");
}

static void (*const bench_figures[])(struct bench *) = {
	bench_load,
	bench_layout,
	bench_fribidi_cli,
	bench_memory,
};

static int cmd_bench_exec(const struct cli *cli)
{
	struct bench b = {.cli = cli};
	int rc;

	corpus_init(&b.corpus);
	for (size_t i = 0; i < sizeof bench_figures / sizeof *bench_figures; i++) {
		bench_figures[i](&b);
		fflush(stdout);
		if (i == 0 && b.corpus.n == 0) {
			fprintf(stderr, "qari: no articles could be loaded\n");
			break;
		}
	}
	rc = b.corpus.n == 0 ? 1 : 0;
	if (b.sample[0])
		unlink(b.sample);
	free(b.paras);
	free(b.lens);
	corpus_free(&b.corpus);
	return rc;
}

const struct cmd_entry cmd_bench_entry = {
	.name = "bench",
	.usage = "[PATH...]",
	.summary = "figures (name: value unit): load, layout throughput, FriBidi baseline, memory",
	.exec = cmd_bench_exec,
};
