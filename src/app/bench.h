/* bench.h - what the files of `qari bench` share (private to src/app/bench*.c):
 *   bench.c          the subcommand: figures in order, one "name: value unit" line each
 *   bench_session.c  the reader itself on a pty, driven by a scripted session from a second
 *                    thread; less on the same text
 *   bench_store.c    the store and the fetcher: ingest, the reader on a store, 200 feeds
 *   bench_sized.c    a given store's figures at its size, and making it that size */
#ifndef QARI_BENCH_H
#define QARI_BENCH_H

#include <stdbool.h>
#include <stddef.h>

#include "cli.h"
#include "qari/corpus.h"

#define BENCH_MAX_LATENCIES 512

/* One key of the session, key read → frame flushed, for the per-key breakdown. */
struct bench_key {
	char label[16];   /* the key as typed (UTF-8; control keys as ^X, Esc as ESC) */
	int step;         /* its place in the script, from 0 */
	double wall, cpu; /* seconds: read → frame flushed, the loop thread's CPU meanwhile */
	double sent;      /* seconds from the driver's write of the key to the frame: wall and
			   * the wait before the loop read it (busy with idle work, or asleep) */
	long minflt, majflt; /* the loop thread's page faults meanwhile */
	long nvcsw, nivcsw;  /* its context switches: waits (I/O, locks), preemptions (load) */
	long long disk;      /* bytes its thread read from the disk (read_bytes), -1 unknown */
	double runq;         /* seconds it was ready but waited for a CPU (schedstat), -1 unknown:
			      * wall - cpu - runq is the time it slept (disk, locks, the pty) */
	unsigned long long out; /* bytes the terminal got from it until the next key was sent */
};

struct bench_session {
	const struct cli *cli;
	char **paths; /* what the reader opens */
	size_t npaths;
	bool index_only; /* no script: quit once the index is complete */
	const char *urls; /* a subscriptions file for the session's private home, or NULL */

	/* seconds from the start of the reader, < 0 when not reached */
	double first_screen; /* the first frame drawn (the list) */
	double load_done;    /* the first frame with every article in */
	double index_done;   /* the first frame with entities and related stories ready */
	double latency[BENCH_MAX_LATENCIES]; /* key read → frame flushed, seconds */
	double latency_cpu[BENCH_MAX_LATENCIES]; /* the loop thread's CPU time meanwhile */
	size_t nlatency;
	struct bench_key keys[BENCH_MAX_LATENCIES]; /* the same, key by key, in script order */
	double open_latency[BENCH_MAX_LATENCIES]; /* the same for keys that opened an article */
	size_t nopen;
	double bytes_per_line; /* bytes to the terminal per line scrolled by j, the reader
				  zoomed to the full width (z); < 0: none */
	double bytes_per_line_beside; /* the same with the reader beside the list */
	char *scroll_text;     /* the article scrolled (title, paragraphs), for less */
	long long rchar;       /* bytes read by the process until loading ended, -1 unknown */
	struct corpus corpus;  /* the reader's corpus, handed over at its end */
};

double bench_now(void);
long long bench_rchar(void);
/* Run the reader on a pty of 80×24 through the session's script; false (with a note on
 * stderr) when no pty or terminal type could be had. */
bool bench_session_run(struct bench_session *s);
void bench_session_free(struct bench_session *s);
/* Bytes less writes per line scrolled with j over text on an 80×24 pty; < 0 when it did not
 * run. */
double bench_less_bytes_per_line(const char *text);
/* The session's slowest keys on stderr ("bench: key ..."), worst first, at most max; all
 * of them in script order when QARI_BENCH_KEYS is set. */
void bench_session_keys_print(const struct bench_session *s, size_t max);
/* bench_store.c: the store's and the fetcher's figures, in folders under tmp; c is what
 * paths hold. */
void bench_store(const struct cli *cli, const struct corpus *c, char **paths, size_t npaths,
		 const char *tmp);
/* bench_store.c: list_first_page_ms@N, search_first_page_ms@N, search_count_ms@N on s. */
struct store;
void bench_store_windows(struct store *s);
/* bench_sized.c: `qari bench --store FILE [--make-store N]`; the exit status. */
int bench_sized(const struct cli *cli, char **paths, size_t npaths);
/* bench.c: qsort's order of doubles; the nearest-rank percentile p of n sorted values; this
 * process's peak resident set in KiB (-1: unknown). */
int bench_cmp_double(const void *a, const void *b);
double bench_percentile(const double *sorted, size_t n, double p);
long bench_peak_rss_kib(void);
/* bench.c: run argv with stdout and stderr to /dev/null; seconds taken, -1: it failed. */
/* Nearest rank of sorted (ascending) samples. */
double bench_percentile(const double *sorted, size_t n, double p);
double bench_run_tool(char *const argv[]);

#endif
