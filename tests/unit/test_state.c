/* test_state.c - user state: round trip, journal replay, atomic compaction, kill -9 at random
 * moments, corrupt and newer files, read-only and shared folders, and the cost of a mark. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "qari/fsutil.h"
#include "qari/state.h"
#include "qari/xalloc.h"

static char *test_root; /* a temp folder; XDG_STATE_HOME and HOME point inside it */


/* A fresh folder under the test root; caller frees. */
static char *test_dir(const char *name)
{
	char *d = xasprintf("%s/%s", test_root, name);
	check_remove_tree(d);
	return d;
}

static void test_write(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	CHECK(f != NULL);
	if (f) {
		fputs(text, f);
		fclose(f);
	}
}

static char *test_read(const char *path)
{
	size_t len;
	char *s = fsutil_read_file(path, 1 << 30, &len);
	return s ? s : xstrdup("(unreadable)");
}

/* Number of entries in dir whose name starts with prefix. */
static int test_count_files(const char *dir, const char *prefix)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	int n = 0;
	if (d == NULL)
		return -1;
	while ((de = readdir(d)) != NULL)
		n += strncmp(de->d_name, prefix, strlen(prefix)) == 0;
	closedir(d);
	return n;
}

/* All queued messages joined by newlines ("" when none); caller frees. */
static char *test_messages(struct state *st)
{
	struct strbuf sb = {0};
	char *m;
	while ((m = state_take_message(st)) != NULL) {
		strbuf_printf(&sb, "%s\n", m);
		free(m);
	}
	return strbuf_take(&sb);
}

static void test_id(char out[13], unsigned long n) { snprintf(out, 13, "%012lx", n); }

static void test_round_trip(void)
{
	char *dir = test_dir("round");
	struct state *st = state_open_dir(dir);
	char *msg = test_messages(st);

	CHECK_STR(msg, "");
	free(msg);
	CHECK(state_persistent(st));
	CHECK(state_last(st) == NULL);
	CHECK(state_set_read(st, "0123456789ab", true));
	CHECK(state_set_read(st, "00000000000f", true));
	CHECK(state_set_read(st, "00000000000f", false));
	CHECK(state_set_bookmark(st, "aaaaaaaaaaaa", true));
	CHECK(state_set_bookmark(st, "bbbbbbbbbbbb", true));
	CHECK(state_set_bookmark(st, "bbbbbbbbbbbb", false));
	CHECK(state_set_pos(st, "0123456789ab", 42));
	CHECK(state_set_pos(st, "cccccccccccc", 7));
	CHECK(state_set_pos(st, "cccccccccccc", 0));
	CHECK(state_set_last(st, "0123456789AB")); /* upper case: the same id */
	CHECK(state_set_read(st, "0123456789ab", true)); /* unchanged: still acknowledged */
	CHECK_INT(state_count(st), 2);
	state_close(st);

	st = state_open_dir(dir);
	CHECK(state_is_read(st, "0123456789ab"));
	CHECK(!state_is_read(st, "00000000000f"));
	CHECK(state_is_bookmarked(st, "aaaaaaaaaaaa"));
	CHECK(!state_is_bookmarked(st, "bbbbbbbbbbbb"));
	CHECK(!state_is_read(st, "aaaaaaaaaaaa"));
	CHECK_INT(state_pos(st, "0123456789ab"), 42);
	CHECK_INT(state_pos(st, "cccccccccccc"), 0);
	CHECK_INT(state_pos(st, "dddddddddddd"), 0);
	CHECK_STR(state_last(st), "0123456789ab");
	CHECK_INT(state_count(st), 2);
	CHECK(!state_is_read(st, "not-an-id"));
	state_close(st);

	/* the snapshot is the documented line format */
	char *path = xasprintf("%s/state", dir), *text = test_read(path);
	CHECK(strncmp(text, "qari-state 1\nlast 0123456789ab\n", 31) == 0);
	CHECK(strstr(text, "\nread 0123456789ab\n") != NULL);
	CHECK(strstr(text, "\npos 0123456789ab 42\n") != NULL);
	CHECK(strstr(text, "\nbookmark aaaaaaaaaaaa\n") != NULL);
	CHECK(strstr(text, "bbbbbbbbbbbb") == NULL);
	free(text);
	free(path);

	/* folder made 0700 */
	struct stat sb;
	CHECK(stat(dir, &sb) == 0 && (sb.st_mode & 0777) == 0700);
	free(dir);
}

/* Changes left in the journal by a process that never closed are replayed. */
static void test_journal_replay(void)
{
	char *dir = test_dir("replay");
	pid_t pid = fork();
	if (pid == 0) {
		struct state *st = state_open_dir(dir);
		state_set_read(st, "111111111111", true);
		state_set_bookmark(st, "222222222222", true);
		state_set_pos(st, "111111111111", 9);
		state_set_last(st, "222222222222");
		_exit(0); /* no state_close: the journal is all there is */
	}
	CHECK(waitpid(pid, NULL, 0) == pid);
	char *jpath = xasprintf("%s/state.journal", dir), *j = test_read(jpath);
	CHECK(strstr(j, "read 111111111111\n") != NULL);
	free(j);

	struct state *st = state_open_dir(dir);
	char *msg = test_messages(st);
	CHECK_STR(msg, "");
	CHECK(state_is_read(st, "111111111111"));
	CHECK(state_is_bookmarked(st, "222222222222"));
	CHECK_INT(state_pos(st, "111111111111"), 9);
	CHECK_STR(state_last(st), "222222222222");
	state_close(st);
	/* open folded the journal into the snapshot */
	j = test_read(jpath);
	CHECK_STR(j, "qari-journal 1\n");
	free(j);
	free(msg);
	free(jpath);
	free(dir);
}

/* Deferred sync (the reader's): a setter's line is written before it returns, so a process
 * that dies before state_sync loses nothing; state_sync then has nothing left to fail on. */
static void test_deferred_sync(void)
{
	char *dir = test_dir("deferred");
	char *jpath = xasprintf("%s/state.journal", dir), *j;
	pid_t pid = fork();
	if (pid == 0) {
		struct state *st = state_open_dir(dir);
		state_defer_sync(st, true);
		if (!state_set_read(st, "333333333333", true) || !state_set_last(st, "333333333333"))
			_exit(1);
		_exit(0); /* killed before any state_sync */
	}
	int status;
	CHECK(waitpid(pid, &status, 0) == pid);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	j = test_read(jpath);
	CHECK(strstr(j, "read 333333333333\n") != NULL);
	free(j);

	struct state *st = state_open_dir(dir);
	CHECK(state_is_read(st, "333333333333"));
	CHECK_STR(state_last(st), "333333333333");
	state_defer_sync(st, true);
	CHECK(state_set_bookmark(st, "333333333333", true));
	CHECK(state_sync(st));
	CHECK(state_sync(st)); /* nothing pending: still true */
	state_close(st);
	st = state_open_dir(dir);
	CHECK(state_is_bookmarked(st, "333333333333"));
	state_close(st);
	free(jpath);
	free(dir);
}

/* A crash between temp write and rename leaves a temp file; one between rename and emptying
 * the journal leaves a journal that the snapshot already holds; a torn last line is dropped. */
static void test_crash_leftovers(void)
{
	char *dir = test_dir("crash");
	struct state *st = state_open_dir(dir);
	CHECK(state_set_read(st, "aaaaaaaaaaaa", true));
	CHECK(state_set_bookmark(st, "bbbbbbbbbbbb", true));
	state_close(st);

	char *tmp = xasprintf("%s/state.tmp.Xy12Zq", dir);
	char *jpath = xasprintf("%s/state.journal", dir);
	test_write(tmp, "qari-state 1\nread ffffffffffff\nbookm");
	test_write(jpath, "qari-journal 1\nread aaaaaaaaaaaa\nunbookmark bbbbbbbbbbbb\n"
			  "read cccccccccccc\nread dddddd");
	st = state_open_dir(dir);
	char *msg = test_messages(st);
	CHECK_STR(msg, "");
	CHECK(state_is_read(st, "aaaaaaaaaaaa"));
	CHECK(!state_is_bookmarked(st, "bbbbbbbbbbbb"));
	CHECK(state_is_read(st, "cccccccccccc"));
	CHECK(!state_is_read(st, "ffffffffffff")); /* the temp file never counted */
	CHECK_INT(state_count(st), 2);
	CHECK(access(tmp, F_OK) != 0); /* and was cleaned */
	CHECK_INT(test_count_files(dir, "state.tmp."), 0);
	state_close(st);

	/* an empty journal (emptied, header not yet written back) is no damage either */
	test_write(jpath, "");
	st = state_open_dir(dir);
	free(msg);
	msg = test_messages(st);
	CHECK_STR(msg, "");
	CHECK(state_is_read(st, "cccccccccccc"));
	CHECK(state_set_read(st, "eeeeeeeeeeee", true));
	state_close(st);
	st = state_open_dir(dir);
	CHECK(state_is_read(st, "eeeeeeeeeeee"));
	state_close(st);
	free(msg);
	free(tmp);
	free(jpath);
	free(dir);
}

/* The child marks articles, reporting each acknowledged one through the pipe, until killed. */
static _Noreturn void test_marker(const char *dir, int fd, unsigned round)
{
	struct state *st = state_open_dir(dir);
	char id[13];
	/* compactions often, so kills land inside them too */
	state_set_compact_every(st, round % 2 ? 10 : 97);
	for (uint32_t i = 0;; i++) {
		uint32_t rec[2] = {round, i};
		bool ok;
		test_id(id, (unsigned long)round << 32 | i);
		switch (i % 3) {
		case 0: ok = state_set_read(st, id, true); break;
		case 1: ok = state_set_bookmark(st, id, true); break;
		default: ok = state_set_pos(st, id, i + 1); break;
		}
		if (!ok)
			_exit(3);
		if (write(fd, rec, sizeof rec) != sizeof rec)
			_exit(4);
	}
}

static bool test_acked_present(struct state *st, uint32_t round, uint32_t i)
{
	char id[13];
	test_id(id, (unsigned long)round << 32 | i);
	switch (i % 3) {
	case 0: return state_is_read(st, id);
	case 1: return state_is_bookmarked(st, id);
	default: return state_pos(st, id) == (long)i + 1;
	}
}

static void test_kill9(void)
{
	char *dir = test_dir("kill9");
	unsigned seed = (unsigned)time(NULL) ^ (unsigned)getpid();
	srand(seed);
	printf("kill -9 seed %u\n", seed);
	for (unsigned round = 1; round <= 16; round++) {
		int p[2];
		CHECK(pipe(p) == 0);
		pid_t pid = fork();
		if (pid == 0) {
			close(p[0]);
			test_marker(dir, p[1], round);
		}
		close(p[1]);
		/* after the first mark, kill at a random moment within the next 30 ms; the pipe
		 * buffers the acknowledgements meanwhile */
		uint32_t rec[2], acked = 0, last = 0;
		bool seen = false;
		if (read(p[0], rec, sizeof rec) == sizeof rec)
			acked++, last = rec[1], seen = true;
		usleep((useconds_t)(rand() % 30000));
		kill(pid, SIGKILL);
		while (read(p[0], rec, sizeof rec) == sizeof rec)
			acked++, last = rec[1], seen = true;
		close(p[0]);
		int status;
		CHECK(waitpid(pid, &status, 0) == pid);
		CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);

		struct state *st = state_open_dir(dir);
		char *msg = test_messages(st);
		CHECK_STR(msg, ""); /* a kill never leaves anything that looks corrupt */
		free(msg);
		size_t missing = 0;
		for (uint32_t i = 0; seen && i <= last; i++)
			missing += !test_acked_present(st, round, i);
		if (!CHECK(missing == 0))
			fprintf(stderr, "    round %u: %zu of %u acknowledged marks lost\n", round,
				missing, acked);
		CHECK(acked > 0);
		/* earlier rounds are still all there */
		for (uint32_t r = 1; r < round; r++)
			CHECK(test_acked_present(st, r, 0));
		state_close(st);
		CHECK_INT(test_count_files(dir, "state.tmp."), 0);
	}
	free(dir);
}

static void test_corrupt(void)
{
	char *dir = test_dir("corrupt");
	char *path = xasprintf("%s/state", dir);
	CHECK(fsutil_mkdirs(dir, 0700));

	/* a bad header: nothing trusted, file kept aside */
	test_write(path, "<html>not a state file</html>\nread aaaaaaaaaaaa\n");
	struct state *st = state_open_dir(dir);
	char *msg = test_messages(st);
	CHECK(strstr(msg, path) != NULL);
	CHECK(strstr(msg, "line 1: bad header") != NULL);
	CHECK(strstr(msg, "moved aside to ") != NULL);
	CHECK(strchr(msg, '\n') == msg + strlen(msg) - 1); /* one line */
	CHECK(state_persistent(st));
	CHECK(!state_is_read(st, "aaaaaaaaaaaa"));
	CHECK_INT(test_count_files(dir, "state.corrupt-"), 1);
	state_close(st);
	free(msg);

	/* garbage lines: reported with the first line number, good lines kept, file aside */
	test_write(path, "qari-state 1\nread aaaaaaaaaaaa\nfrobnicate\x1b[2J everything\n"
			 "read xyz\nbookmark bbbbbbbbbbbb\npos cccccccccccc many\n");
	st = state_open_dir(dir);
	msg = test_messages(st);
	CHECK(strstr(msg, "line 3: unknown entry") != NULL);
	CHECK(strstr(msg, "and 2 more bad lines") != NULL);
	CHECK(strchr(msg, '\x1b') == NULL); /* the garbage is shown neutralised */
	CHECK(state_is_read(st, "aaaaaaaaaaaa"));
	CHECK(state_is_bookmarked(st, "bbbbbbbbbbbb"));
	CHECK_INT(test_count_files(dir, "state.corrupt-"), 2);
	state_close(st);
	free(msg);
	/* the good part was written back: the next start is quiet */
	st = state_open_dir(dir);
	msg = test_messages(st);
	CHECK_STR(msg, "");
	CHECK(state_is_read(st, "aaaaaaaaaaaa"));
	state_close(st);
	free(msg);

	/* a damaged journal is moved aside the same way */
	char *jpath = xasprintf("%s/state.journal", dir);
	test_write(jpath, "qari-journal 1\nread dddddddddddd\n\x01\x02\x03\n");
	st = state_open_dir(dir);
	msg = test_messages(st);
	CHECK(strstr(msg, jpath) != NULL && strstr(msg, "line 3") != NULL);
	CHECK(state_is_read(st, "dddddddddddd"));
	CHECK(state_set_read(st, "eeeeeeeeeeee", true));
	CHECK_INT(test_count_files(dir, "state.journal.corrupt-"), 1);
	state_close(st);
	free(msg);
	free(jpath);
	free(path);
	free(dir);
}

/* A newer version's file is read for what is known and never written over. */
static void test_newer_version(void)
{
	char *dir = test_dir("newer");
	char *path = xasprintf("%s/state", dir);
	const char *text = "qari-state 2\nread aaaaaaaaaaaa\ncolour aaaaaaaaaaaa red\n";
	CHECK(fsutil_mkdirs(dir, 0700));
	test_write(path, text);
	struct state *st = state_open_dir(dir);
	char *msg = test_messages(st);
	CHECK(strstr(msg, "newer qari") != NULL && strstr(msg, "memory only") != NULL);
	CHECK(!state_persistent(st));
	CHECK(state_is_read(st, "aaaaaaaaaaaa"));
	CHECK(!state_set_read(st, "bbbbbbbbbbbb", true));
	CHECK(state_is_read(st, "bbbbbbbbbbbb")); /* still true for this run */
	state_close(st);
	char *after = test_read(path);
	CHECK_STR(after, text);
	free(after);
	free(msg);
	free(path);
	free(dir);
}

/* Marks work in memory with a warning where the folder cannot be written. */
static void test_read_only(void)
{
	/* XDG_STATE_HOME below a regular file: no folder can be made, even by root */
	char *file = xasprintf("%s/plainfile", test_root);
	char *xdg = xasprintf("%s/plainfile/state", test_root);
	test_write(file, "x");
	setenv("XDG_STATE_HOME", xdg, 1);
	struct state *st = state_open();
	char *msg = test_messages(st);
	CHECK(strstr(msg, "cannot create the state folder") != NULL);
	CHECK(strstr(msg, "memory only") != NULL);
	CHECK(!state_persistent(st));
	CHECK(!state_set_read(st, "aaaaaaaaaaaa", true));
	CHECK(state_is_read(st, "aaaaaaaaaaaa"));
	CHECK(state_take_message(st) == NULL); /* said once, not per mark */
	state_close(st);
	free(msg);

	/* a 0500 folder holding a state: read, not written (chmod binds only non-root) */
	char *dir = test_dir("ro"), *probe = xasprintf("%s/ro/probe", test_root);
	st = state_open_dir(dir);
	CHECK(state_set_read(st, "cccccccccccc", true));
	state_close(st);
	chmod(dir, 0500);
	int fd = open(probe, O_WRONLY | O_CREAT, 0600);
	if (fd >= 0) {
		close(fd);
		unlink(probe);
		printf("read-only folder: chmod does not bind this user (root); covered above\n");
	} else {
		st = state_open_dir(dir);
		msg = test_messages(st);
		CHECK(strstr(msg, "memory only") != NULL);
		CHECK(state_is_read(st, "cccccccccccc"));
		CHECK(!state_set_read(st, "dddddddddddd", true));
		state_close(st);
		free(msg);
	}
	chmod(dir, 0700);
	free(probe);
	free(dir);
	free(file);
	free(xdg);
}

/* The default folder follows XDG_STATE_HOME, else HOME. */
static void test_default_dir(void)
{
	char *xdg = xasprintf("%s/xdgstate", test_root), *want = xasprintf("%s/qari", xdg);
	setenv("XDG_STATE_HOME", xdg, 1);
	struct state *st = state_open();
	CHECK_STR(state_dir(st), want);
	CHECK(state_persistent(st));
	state_close(st);
	free(want);

	unsetenv("XDG_STATE_HOME");
	want = xasprintf("%s/.local/state/qari", getenv("HOME"));
	st = state_open();
	CHECK_STR(state_dir(st), want);
	state_close(st);
	setenv("XDG_STATE_HOME", "relative/ignored", 1);
	st = state_open();
	CHECK_STR(state_dir(st), want);
	state_close(st);
	free(want);
	free(xdg);
}

/* A second qari on the same folder reads but does not write; bad ids are refused. */
static void test_second_instance(void)
{
	char *dir = test_dir("two");
	struct state *a = state_open_dir(dir);
	CHECK(state_set_read(a, "aaaaaaaaaaaa", true));
	struct state *b = state_open_dir(dir);
	char *msg = test_messages(b);
	CHECK(strstr(msg, "in use by another qari") != NULL);
	CHECK(!state_persistent(b));
	CHECK(state_is_read(b, "aaaaaaaaaaaa"));
	CHECK(!state_set_read(b, "bbbbbbbbbbbb", true));
	state_close(b);
	free(msg);

	CHECK(!state_set_read(a, "zzz", true));
	CHECK(!state_set_pos(a, NULL, 3));
	msg = test_messages(a);
	CHECK(strstr(msg, "\"zzz\" is not an article id") != NULL);
	CHECK(state_persistent(a));
	state_close(a);
	free(msg);
	free(dir);
}

static double test_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* What one mark costs with 30,000 articles in the state, against a full rewrite. */
static void test_cost(void)
{
	char *dir = test_dir("cost"), *path = xasprintf("%s/state", dir);
	struct strbuf sb = {0};
	char id[13];
	enum { IDS = 30000, MARKS = 100 };

	CHECK(fsutil_mkdirs(dir, 0700));
	strbuf_printf(&sb, "qari-state 1\n");
	for (unsigned long i = 0; i < IDS; i++) {
		test_id(id, i * 2654435761UL);
		strbuf_printf(&sb, "read %s\npos %s %lu\n", id, id, i + 1);
	}
	test_write(path, sb.data);
	strbuf_free(&sb);

	double t0 = test_now();
	struct state *st = state_open_dir(dir);
	double t1 = test_now();
	CHECK_INT(state_count(st), IDS);
	for (unsigned long i = 0; i < MARKS; i++) {
		test_id(id, 0xabc000000000UL + i);
		CHECK(state_set_bookmark(st, id, true));
	}
	double t2 = test_now();
	CHECK(state_compact(st));
	double t3 = test_now();
	state_close(st);
	double t4 = test_now();
	st = state_open_dir(dir);
	double t5 = test_now();
	CHECK_INT(state_count(st), IDS + MARKS);
	state_close(st);
	printf("30000 ids: first open (creates the journal) %.2f ms, open %.2f ms; one mark "
	       "(journal + fdatasync) %.3f ms; full rewrite (compaction) %.2f ms\n",
	       (t1 - t0) * 1e3, (t5 - t4) * 1e3, (t2 - t1) * 1e3 / MARKS, (t3 - t2) * 1e3);
	free(path);
	free(dir);
}

/* A full disk (RLIMIT_FSIZE makes writes past a size fail, as ENOSPC would): the failing
 * change is not acknowledged, the problem stays until a write succeeds, and nothing held in
 * memory meanwhile is lost once space is back (issue 19). */
static void test_full_disk(void)
{
	char *dir = test_dir("full");
	char id[13], *msg;
	struct rlimit old, lim;
	struct state *st = state_open_dir(dir);
	int acked = 0, marks = 400;
	struct timespec pause = {1, 100000000};

	signal(SIGXFSZ, SIG_IGN);
	getrlimit(RLIMIT_FSIZE, &old);
	lim = old;
	lim.rlim_cur = 2048; /* the journal fills after about a hundred marks */
	setrlimit(RLIMIT_FSIZE, &lim);
	for (int i = 0; i < marks; i++) {
		test_id(id, (unsigned long)i + 1);
		acked += state_set_read(st, id, true);
	}
	CHECK(acked > 0 && acked < marks);
	CHECK(!state_persistent(st));
	CHECK(state_problem(st) != NULL && strstr(state_problem(st), "NOT SAVED") != NULL);
	msg = test_messages(st);
	CHECK(strstr(msg, "cannot write") != NULL);
	CHECK(strchr(msg, '\n') == msg + strlen(msg) - 1); /* said once, not per mark */
	free(msg);
	CHECK(!state_set_bookmark(st, "bbbbbbbbbbbb", true));
	CHECK(state_problem(st) != NULL); /* still said while it fails */
	setrlimit(RLIMIT_FSIZE, &old); /* space again: the next change saves everything */
	nanosleep(&pause, NULL);        /* retries come at most once a second */
	CHECK(state_set_bookmark(st, "cccccccccccc", true));
	CHECK(state_persistent(st) && state_problem(st) == NULL);
	msg = test_messages(st);
	CHECK(strstr(msg, "saved again") != NULL);
	free(msg);
	state_close(st);
	st = state_open_dir(dir);
	CHECK_INT(state_count(st), marks + 2);
	CHECK(state_is_bookmarked(st, "bbbbbbbbbbbb"));
	state_close(st);

	/* still full at the end: the close tries once more, and space found then saves it */
	st = state_open_dir(dir);
	lim.rlim_cur = 1;
	setrlimit(RLIMIT_FSIZE, &lim);
	CHECK(!state_set_read(st, "dddddddddddd", true));
	setrlimit(RLIMIT_FSIZE, &old);
	state_close(st);
	st = state_open_dir(dir);
	CHECK(state_is_read(st, "dddddddddddd"));
	state_close(st);
	free(dir);
}

/* Damaged beyond a bad line: a snapshot cut mid-line (it is renamed into place whole, so it
 * was never torn by a crash), a journal over the size limit, FIFOs in the files' places. Each
 * is moved aside with one warning, and the next start is quiet (issue 19). */
static void test_damaged_files(void)
{
	char *dir = test_dir("damaged");
	char *path = xasprintf("%s/state", dir), *jpath = xasprintf("%s/state.journal", dir);
	char *msg;
	struct state *st;
	int fd;

	CHECK(fsutil_mkdirs(dir, 0700));
	test_write(path, "qari-state 1\nread aaaaaaaaaaaa\nbookmark bbbb");
	st = state_open_dir(dir);
	msg = test_messages(st);
	CHECK(strstr(msg, "line 3: cut short") != NULL && strstr(msg, "moved aside") != NULL);
	CHECK(state_is_read(st, "aaaaaaaaaaaa"));
	CHECK(state_persistent(st));
	CHECK_INT(test_count_files(dir, "state.corrupt-"), 1);
	state_close(st);
	free(msg);

	/* 600 MB (sparse) of journal */
	fd = open(jpath, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	CHECK(fd >= 0 && ftruncate(fd, 600L << 20) == 0);
	close(fd);
	st = state_open_dir(dir);
	msg = test_messages(st);
	CHECK(strstr(msg, jpath) != NULL && strstr(msg, "file too large; moved aside") != NULL);
	CHECK(state_persistent(st));
	CHECK(state_set_read(st, "eeeeeeeeeeee", true));
	CHECK(state_is_read(st, "aaaaaaaaaaaa"));
	state_close(st);
	free(msg);
	st = state_open_dir(dir);
	msg = test_messages(st);
	CHECK_STR(msg, ""); /* once */
	CHECK(state_is_read(st, "eeeeeeeeeeee"));
	state_close(st);
	free(msg);

	/* FIFOs: opening one for reading or writing would wait for ever */
	CHECK(remove(jpath) == 0 && mkfifo(jpath, 0600) == 0);
	CHECK(remove(path) == 0 && mkfifo(path, 0600) == 0);
	st = state_open_dir(dir);
	msg = test_messages(st);
	CHECK(strstr(msg, "not a regular file; moved aside") != NULL);
	CHECK(state_persistent(st));
	CHECK(state_set_read(st, "ffffffffffff", true));
	state_close(st);
	free(msg);
	free(path);
	free(jpath);
	free(dir);
}

int main(void)
{
	char tmpl[] = "/tmp/qari-test-state.XXXXXX";
	CHECK(mkdtemp(tmpl) != NULL);
	test_root = tmpl;
	/* never the real home */
	char *home = xasprintf("%s/home", test_root);
	setenv("HOME", home, 1);
	setenv("XDG_STATE_HOME", home, 1);

	test_round_trip();
	test_journal_replay();
	test_deferred_sync();
	test_crash_leftovers();
	test_kill9();
	test_corrupt();
	test_newer_version();
	test_read_only();
	test_default_dir();
	test_second_instance();
	test_full_disk();
	test_damaged_files();
	test_cost();

	check_remove_tree(test_root);
	free(home);
	return check_done();
}
