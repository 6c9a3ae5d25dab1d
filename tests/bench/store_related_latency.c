/* store_related_latency.c - the time to read one article's related list from a store
 * (store_related_get), over N articles drawn at random: p50, p99 and the worst, in ms of
 * wall time, and p50 and p99 of the thread's CPU time (the machine may be shared).
 *   store_related_latency DB [N] */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "qari/ner.h"
#include "qari/store.h"
#include "qari/store_related.h"
#include "qari/xalloc.h"

static double bench_ms(clockid_t clock)
{
	struct timespec t;
	clock_gettime(clock, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static int bench_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
	char *error = NULL;
	struct store *s;
	size_t n = argc > 2 ? (size_t)atol(argv[2]) : 1000, rows, entries = 0;
	double *ms, *cpu;

	if (argc < 2) {
		fprintf(stderr, "usage: store_related_latency DB [N]\n");
		return 2;
	}
	if ((s = store_open(argv[1], &error)) == NULL) {
		fprintf(stderr, "%s\n", error);
		return 1;
	}
	rows = (size_t)store_last_rowid(s);
	ms = xcalloc(n + 1, sizeof *ms);
	cpu = xcalloc(n + 1, sizeof *cpu);
	srand(16);
	{ /* the first read prepares the statements and loads the model: not an article's */
		struct store_related_list l;
		store_related_get(s, 1, 20, &l);
		store_related_list_free(&l);
	}
	for (size_t i = 0; i < n; i++) {
		struct store_related_list l;
		int64_t row = 1 + (int64_t)((size_t)rand() % rows);
		double t0 = bench_ms(CLOCK_MONOTONIC), c0 = bench_ms(CLOCK_THREAD_CPUTIME_ID);
		store_related_get(s, row, 20, &l);
		ms[i] = bench_ms(CLOCK_MONOTONIC) - t0;
		cpu[i] = bench_ms(CLOCK_THREAD_CPUTIME_ID) - c0;
		entries += l.n + l.nsame;
		store_related_list_free(&l);
	}
	qsort(ms, n, sizeof *ms, bench_cmp);
	qsort(cpu, n, sizeof *cpu, bench_cmp);
	printf("articles: %zu of %zu\nentries_mean: %.2f\np50_ms: %.3f\np99_ms: %.3f\nmax_ms: %.3f\n"
	       "cpu_p50_ms: %.3f\ncpu_p99_ms: %.3f\n",
	       n, rows, (double)entries / (double)n, ms[n / 2], ms[n * 99 / 100], ms[n - 1],
	       cpu[n / 2], cpu[n * 99 / 100]);
	free(ms);
	free(cpu);
	store_close(s);
	ner_default_free();
	return 0;
}
