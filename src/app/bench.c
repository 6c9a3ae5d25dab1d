/* bench.c - `qari bench [PATH...]`: measured figures, one "name: value unit" line each on
 * stdout and nothing else there; notes (fallbacks, missing tools) go to stderr.
 *
 * Each figure is one function over a shared struct bench, run in the order of bench_figures[]:
 * reading the files raw (the floor), the reader itself on a pty (bench_session.c: first
 * screen, load, index, key-to-frame latency, bytes per scrolled line, and less for
 * comparison), then layout, the FriBidi tool, the tagger and entities on the reader's corpus,
 * memory (the high-water mark of the run so far, the reader's index included), and last the
 * reader opened again, its entities from the cache the first session wrote. */
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <langinfo.h>
#include <locale.h>
#include <math.h>
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

#include "bench.h"
#include "cli.h"
#include "qari/corpus.h"
#include "qari/entity.h"
#include "qari/layout.h"
#include "qari/ner.h"
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
	char **paths; /* what is measured: the arguments, else SaudiNewsNet, else the bundled */
	size_t npaths;
	char *default_path; /* owned, when paths points to it */
	struct corpus corpus;
	const char **paras; /* the Arabic text laid out: titles and paragraphs of RTL articles */
	size_t *lens;
	size_t nparas;
	size_t para_bytes;
	bool any_rtl; /* the corpus has right-to-left articles: the text measured is theirs */
	char sample[64]; /* temp file with paras, one a line, repeated; "" when not written */
	size_t sample_bytes;
	char *cache; /* the entity cache's folder (XDG_CACHE_HOME) for this run, or NULL */
};

static void bench_print(const char *name, double value, int decimals, const char *unit)
{
	printf("%s: %.*f %s\n", name, decimals, value, unit);
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

/* The arguments; by default SaudiNewsNet, else the bundled articles. */
static void bench_paths(struct bench *b)
{
	if (b->cli->nargs > 0) {
		b->paths = b->cli->args;
		b->npaths = b->cli->nargs;
		return;
	}
	if ((b->default_path = bench_default_corpus()) == NULL) {
		fprintf(stderr, "bench: no ../shared/%s; measuring the bundled articles\n",
			BENCH_DEFAULT_CORPUS);
		b->default_path = corpus_asset_path("articles");
	}
	b->paths = &b->default_path;
	b->npaths = 1;
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

static size_t bench_text_bytes(const struct corpus *c)
{
	size_t text = 0;
	for (size_t i = 0; i < c->n; i++)
		text += c->items[i]->text_bytes;
	return text;
}

/* files_read, mb_read, load_time, load_mb_s, articles, article_text_mb. */
static void bench_load_figures(struct bench *b, long long rchar, double seconds)
{
	bench_report(&b->corpus.report);
	bench_print("files_read", (double)(b->corpus.report.files_loaded +
					   b->corpus.report.files_skipped), 0, "files");
	if (rchar >= 0)
		bench_print("mb_read", (double)rchar / 1e6, 3, "MB");
	bench_print("load_time", seconds, 3, "s");
	if (rchar >= 0 && seconds > 0)
		bench_print("load_mb_s", (double)rchar / 1e6 / seconds, 1, "MB/s");
	bench_print("articles", (double)b->corpus.n, 0, "articles");
	bench_print("article_text_mb", (double)bench_text_bytes(&b->corpus) / 1e6, 3, "MB");
}

/* Without a pty: the load alone, as the subcommands do it. */
static void bench_load_plain(struct bench *b)
{
	long long r0 = bench_rchar(), r1;
	double t0 = bench_now(), t1;

	corpus_load_paths(&b->corpus, b->paths, b->npaths);
	t1 = bench_now();
	r1 = bench_rchar();
	bench_load_figures(b, r0 >= 0 && r1 >= r0 ? r1 - r0 : -1, t1 - t0);
}

static int bench_file_read(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	static char buf[1 << 20];
	int fd;

	(void)st, (void)ftw;
	if (flag != FTW_F || (fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return 0;
	while (read(fd, buf, sizeof buf) > 0)
		;
	close(fd);
	return 0;
}

/* cat_floor_s: the same files read whole and thrown away, one after another, as
 * cat PATH... > /dev/null would: no loading can be faster on one thread. */
static void bench_cat_floor(struct bench *b)
{
	double t0 = bench_now();
	for (size_t i = 0; i < b->npaths; i++)
		nftw(b->paths[i], bench_file_read, 16, FTW_PHYS);
	bench_print("cat_floor_s", bench_now() - t0, 3, "s");
}

int bench_cmp_double(const void *pa, const void *pb)
{
	double a = *(const double *)pa, b = *(const double *)pb;
	return a < b ? -1 : a > b;
}

/* Nearest rank: the smallest value with at least p of the samples at or below it. */
double bench_percentile(const double *sorted, size_t n, double p)
{
	size_t k = (size_t)ceil(p * (double)n);
	return sorted[k > 0 ? k - 1 : 0];
}

/* The reader's own figures (bench_session.c), and its corpus for the figures after. */
static void bench_session(struct bench *b)
{
	struct bench_session s = {.cli = b->cli, .paths = b->paths, .npaths = b->npaths};
	double less;

	if (!bench_session_run(&s)) {
		bench_session_free(&s); /* what the reader kept of a load that gave nothing */
		bench_load_plain(b);
		return;
	}
	b->corpus = s.corpus;
	corpus_init(&s.corpus);
	if (s.first_screen < 0) /* nothing loaded: the reader said why */
		goto out;
	if (s.load_done < 0) { /* the session ended early: the figures would lie */
		fprintf(stderr, "bench: the reader stopped before loading ended\n");
		corpus_free(&b->corpus);
		goto out;
	}
	bench_print("first_screen_s", s.first_screen, 3, "s");
	bench_load_figures(b, s.rchar, s.load_done);
	if (s.index_done >= 0)
		bench_print("index_complete_s", s.index_done, 3, "s");
	else
		fprintf(stderr, "bench: the index was not complete when the session began; "
				"no index_complete_s\n");
	if (s.nlatency > 0) {
		bench_session_keys_print(&s, 8); /* the slowest keys, on stderr */
		qsort(s.latency, s.nlatency, sizeof *s.latency, bench_cmp_double);
		bench_print("key_to_frame_p50_ms", 1e3 * bench_percentile(s.latency, s.nlatency, 0.5),
			    3, "ms");
		bench_print("key_to_frame_p99_ms", 1e3 * bench_percentile(s.latency, s.nlatency, 0.99),
			    3, "ms");
		bench_print("keys", (double)s.nlatency, 0, "keys");
		/* the same keys in the loop's CPU time: what the code costs, without the waits a
		 * busy machine adds (the wall-clock p99 above is the target) */
		qsort(s.latency_cpu, s.nlatency, sizeof *s.latency_cpu, bench_cmp_double);
		bench_print("key_cpu_p99_ms", 1e3 * bench_percentile(s.latency_cpu, s.nlatency, 0.99),
			    3, "ms");
	}
	if (s.bytes_per_line >= 0)
		bench_print("bytes_per_scrolled_line", s.bytes_per_line, 1, "B");
	if (s.bytes_per_line_beside >= 0)
		bench_print("bytes_per_scrolled_line_beside_list", s.bytes_per_line_beside, 1, "B");
	if (s.scroll_text && (less = bench_less_bytes_per_line(s.scroll_text)) >= 0)
		bench_print("less_bytes_per_scrolled_line", less, 1, "B");
	else if (s.scroll_text)
		fprintf(stderr, "bench: less did not run; no less_bytes_per_scrolled_line\n");
out:
	bench_session_free(&s);
}

/* index_complete_cached_s: the reader opened again on the same corpus, the entity cache
 * the first session filled now read (the first session's index_complete_s had none). */
static void bench_reopen(struct bench *b)
{
	struct bench_session s = {.cli = b->cli, .paths = b->paths, .npaths = b->npaths,
				  .index_only = true};

	if (b->cache == NULL || b->corpus.n == 0)
		return;
	if (bench_session_run(&s) && s.index_done >= 0)
		bench_print("index_complete_cached_s", s.index_done, 3, "s");
	else
		fprintf(stderr, "bench: the reopened reader did not complete its index\n");
	bench_session_free(&s);
}

static int bench_unlink(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st, (void)flag, (void)ftw;
	return remove(path);
}

/* An empty entity cache of the run's own: the first index is a cold one, whatever the user's
 * cache holds, and the user's is left alone. */
static void bench_cache_dir(struct bench *b)
{
	b->cache = xstrdup("/tmp/qari-bench-cache-XXXXXX");
	if (mkdtemp(b->cache) == NULL) {
		fprintf(stderr, "bench: no temp folder for the entity cache (%s); the reader runs "
				"without one\n", strerror(errno));
		xfree(&b->cache);
		setenv("XDG_CACHE_HOME", "/nonexistent", 1);
		return;
	}
	setenv("XDG_CACHE_HOME", b->cache, 1);
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
	b->any_rtl = any_rtl;
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
double bench_run_tool(char *const argv[])
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
long bench_peak_rss_kib(void)
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
	bench_print("peak_rss", (double)kib * 1024.0 / 1e6, 1, "MB"); /* MB as the text's */
	if (text > 0)
		bench_print("rss_per_text_byte", (double)kib * 1024.0 / (double)text, 2, "B/B");
}

/* The tagger over the paragraphs, round and round, for BENCH_MIN_SECONDS: MB/s. */
static double bench_paras_rate(struct bench *b, const struct ner_model *m, struct ner_para *p)
{
	double t0 = bench_now(), t;
	size_t bytes = 0, i = 0;

	do {
		ner_para_tag(m, b->paras[i], b->lens[i], p);
		bytes += b->lens[i];
		i = (i + 1) % b->nparas;
	} while ((t = bench_now() - t0) < BENCH_MIN_SECONDS);
	return (double)bytes / 1e6 / t;
}

/* tagger_mb_s: the NER tagger (ner_para_tag: matching form, tokens, tags, date rules) on
 * the Arabic paragraphs; entities_mb_s: entity_extract on whole articles (tagging, mention
 * keys, merging): what the index does per article. */
static void bench_ner(struct bench *b)
{
	char *error = NULL;
	const struct ner_model *m;
	struct ner_para p = {0};
	double t0, t;
	size_t bytes = 0, i = 0;

	if (b->nparas == 0)
		return;
	if ((m = ner_default(&error)) == NULL) {
		fprintf(stderr, "bench: no entity model (%s); no tagger figures\n", error);
		return;
	}
	bench_print("tagger_mb_s", bench_paras_rate(b, m, &p), 2, "MB/s");
	ner_para_free(&p);
	t0 = bench_now();
	do {
		const struct article *a = b->corpus.items[i];
		struct article_entities e = {0};
		i = (i + 1) % b->corpus.n;
		if (b->any_rtl && a->dir != TEXT_DIR_RTL)
			continue;
		entity_extract(m, a, &e);
		article_entities_free(&e);
		bytes += a->text_bytes;
	} while ((t = bench_now() - t0) < BENCH_MIN_SECONDS);
	bench_print("entities_mb_s", (double)bytes / 1e6 / t, 2, "MB/s");
	ner_default_free();
}

static void bench_store_figures(struct bench *b)
{
	bench_store(b->cli, &b->corpus, b->paths, b->npaths, b->cache);
}

static void (*const bench_figures[])(struct bench *) = {
	bench_cat_floor,
	bench_session, /* loads the corpus the figures below use */
	bench_layout,
	bench_fribidi_cli,
	bench_ner,
	bench_memory,
	bench_reopen, /* after the high-water mark: it loads the corpus a second time */
	bench_store_figures,
};

/* curses draws Arabic only in a UTF-8 locale; figures keep the C locale's decimal point. */
static void bench_locale(void)
{
	setlocale(LC_CTYPE, "");
	if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
		setlocale(LC_CTYPE, "C.UTF-8");
}

static int cmd_bench_exec(const struct cli *cli)
{
	struct bench b = {.cli = cli};
	int rc;

	bench_locale();
	corpus_init(&b.corpus);
	bench_paths(&b);
	if (cli->given & (CLI_OPT_MAKE_STORE | CLI_OPT_STORE)) {
		rc = bench_sized(cli, b.paths, b.npaths);
		free(b.default_path);
		return rc;
	}
	bench_cache_dir(&b);
	for (size_t i = 0; i < sizeof bench_figures / sizeof *bench_figures; i++) {
		bench_figures[i](&b);
		fflush(stdout);
		if (bench_figures[i] == bench_session && b.corpus.n == 0) {
			fprintf(stderr, "bench: nothing to measure\n");
			break;
		}
	}
	rc = b.corpus.n == 0 ? 1 : 0;
	if (b.sample[0])
		unlink(b.sample);
	if (b.cache)
		nftw(b.cache, bench_unlink, 8, FTW_DEPTH | FTW_PHYS);
	free(b.cache);
	free(b.paras);
	free(b.lens);
	free(b.default_path);
	corpus_free(&b.corpus);
	return rc;
}

const struct cmd_entry cmd_bench_entry = {
	.name = "bench",
	.usage = "[--make-store N] [--store FILE] [PATH...]",
	.summary = "figures (name: value unit): load, first screen, index, key-to-frame latency, "
		   "bytes per scrolled line, layout, tagger, memory; with --store, those of the "
		   "store FILE (name@N: its N articles), which --make-store N first grows to N "
		   "articles from PATH (SaudiNewsNet) and variants of them",
	.exec = cmd_bench_exec,
	.options = CLI_OPT_MAKE_STORE | CLI_OPT_STORE,
};
