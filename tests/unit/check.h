/* check.h - a minimal test harness: each CHECK counts, failures print file:line and go on; a
 * failed REQUIRE, a check later code depends on, ends the program there. */
#ifndef QARI_CHECK_H
#define QARI_CHECK_H

#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>

extern int check_passed, check_failed;

bool check_report(bool ok, const char *file, int line, const char *expr);
#define CHECK(e) check_report((e), __FILE__, __LINE__, #e)
/* What the rest of the test reads (a load, an allocation): on failure the counts are printed
 * and the program ends with status 1 instead of reading past it. */
#define REQUIRE(e) check_require((e), __FILE__, __LINE__, #e)
void check_require(bool ok, const char *file, int line, const char *expr);
#define CHECK_STR(a, b)                                                                      \
	do {                                                                                 \
		const char *check_a_ = (a), *check_b_ = (b);                                 \
		if (!check_report(check_a_ && check_b_ && strcmp(check_a_, check_b_) == 0,   \
				  __FILE__, __LINE__, #a " == " #b))                         \
			fprintf(stderr, "    got:      [%s]\n    expected: [%s]\n",          \
				check_a_ ? check_a_ : "(null)", check_b_ ? check_b_ : "(null)"); \
	} while (0)
#define CHECK_INT(a, b)                                                                      \
	do {                                                                                 \
		long long check_a_ = (long long)(a), check_b_ = (long long)(b);              \
		if (!check_report(check_a_ == check_b_, __FILE__, __LINE__, #a " == " #b))   \
			fprintf(stderr, "    got %lld, expected %lld\n", check_a_, check_b_);   \
	} while (0)

/* Prints "N passed, N failed" and returns the exit status. */
int check_done(void);
/* Path of a file in the tests' data folder (QARI_TEST_DATA); caller frees. The bundled
 * articles, assets/articles, are corpus_asset_path("articles"). */
char *check_data_path(const char *rel);
/* Remove a test's temporary folder and everything in it (symlinks not followed). */
void check_remove_tree(const char *path);

/* The large data beside the repository, ../shared (QARI_SHARED: SaudiNewsNet, ANERcorp), is
 * read only by a test's second run, `test_NAME --shared` (tests/meson.build registers it as
 * NAME-shared); check_shared_run says whether this is that run. check_shared_path gives the
 * path of rel under it; when rel is absent it prints a one-line reason and ends the program
 * with meson's skip status, 77. */
bool check_shared_run(int argc, char **argv);
char *check_shared_path(const char *rel);

/* SIGKILL child, a writer to the store at path, once the store holds at least n articles
 * (polled every 10 ms, 10 s at most), then reap it: stopped at no moment of its own choosing,
 * for the tests of what kill -9 leaves. */
void check_kill_when_stored(pid_t child, const char *path, size_t n);

/* Corpus helpers for the loader tests. */
struct corpus;
struct article;
void check_load_data(struct corpus *c, const char *rel); /* corpus_init + load tests/data/rel */
struct article *check_by_title(const struct corpus *c, const char *title);
bool check_reported(const struct corpus *c, const char *s); /* a report line contains s */

#endif
