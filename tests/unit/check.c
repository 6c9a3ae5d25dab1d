/* check.c - counting and reporting for the unit tests. */
#include "check.h"

#include <ftw.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "qari/corpus.h"
#include "qari/store.h"
#include "qari/xalloc.h"

int check_passed, check_failed;

bool check_report(bool ok, const char *file, int line, const char *expr)
{
	if (ok) {
		check_passed++;
		return true;
	}
	check_failed++;
	fprintf(stderr, "FAIL %s:%d: %s\n", file, line, expr);
	return false;
}

void check_require(bool ok, const char *file, int line, const char *expr)
{
	if (!check_report(ok, file, line, expr)) {
		fprintf(stderr, "a required check failed: the test ends here\n");
		check_done();
		fflush(stdout);
		_Exit(1); /* what the test holds now is not a leak to report */
	}
}

int check_done(void)
{
	printf("%d passed, %d failed\n", check_passed, check_failed);
	return check_failed == 0 && check_passed > 0 ? 0 : 1;
}

bool check_shared_run(int argc, char **argv)
{
	return argc > 1 && strcmp(argv[1], "--shared") == 0;
}

char *check_shared_path(const char *rel)
{
	const char *base = getenv("QARI_SHARED");
	char *path = xasprintf("%s/%s", base ? base : "../shared", rel);

	if (access(path, R_OK) != 0) {
		printf("SKIP: %s is absent (the large shared data is not beside the repository)\n", path);
		free(path);
		fflush(stdout);
		_Exit(77);
	}
	return path;
}

char *check_data_path(const char *rel)
{
	const char *base = getenv("QARI_TEST_DATA");
	return xasprintf("%s/%s", base ? base : "tests/data", rel);
}

void check_load_data(struct corpus *c, const char *rel)
{
	char *path = check_data_path(rel);
	corpus_init(c);
	corpus_load_paths(c, &path, 1);
	free(path);
}

struct article *check_by_title(const struct corpus *c, const char *title)
{
	for (size_t i = 0; i < c->n; i++)
		if (strcmp(c->items[i]->title, title) == 0)
			return c->items[i];
	return NULL;
}

bool check_reported(const struct corpus *c, const char *s)
{
	for (size_t i = 0; i < c->report.nmessages; i++)
		if (strstr(c->report.messages[i], s))
			return true;
	return false;
}

static int check_remove_one(const char *path, const struct stat *sb, int type, struct FTW *ftw)
{
	(void)sb, (void)type, (void)ftw;
	return remove(path);
}

void check_remove_tree(const char *path)
{
	nftw(path, check_remove_one, 16, FTW_DEPTH | FTW_PHYS);
}

static size_t check_stored(const char *path)
{
	char *error = NULL;
	struct store *s = store_open(path, &error);
	size_t n = s ? store_count(s) : 0;
	store_close(s);
	free(error);
	return n;
}

void check_kill_when_stored(pid_t child, const char *path, size_t n)
{
	int status;
	for (int i = 0; i < 1000 && check_stored(path) < n; i++)
		usleep(10000);
	kill(child, SIGKILL);
	waitpid(child, &status, 0);
}
