/* fuzz_state.c - the read-marks/bookmarks store read back from damaged files (state.c).
 *
 * Input: the snapshot ("state"), then after the first NUL byte (when there is one) the
 * journal ("state.journal"), written to an empty folder and opened there. Invariants: every
 * message is valid UTF-8 without control characters and names its folder; a file moved aside
 * (one message each) holds an input file byte for byte; in a folder written by a newer version
 * nothing is rewritten; after closing (which saves what was loaded) and opening again, every
 * id in the input reads the same (read, bookmarked, position), as do the last article and the
 * count, and the second open has nothing to say. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "qari/article.h"
#include "qari/fsutil.h"
#include "qari/state.h"
#include "qari/xalloc.h"

#define FUZZ_STATE_IDS 64 /* ids of the input compared across the round trip, at most */

/* What a state says about the ids of the input. */
struct fuzz_state_view {
	char ids[FUZZ_STATE_IDS][ARTICLE_ID_LEN + 1];
	size_t nids;
	unsigned char flags[FUZZ_STATE_IDS]; /* 1: read, 2: bookmarked */
	long pos[FUZZ_STATE_IDS];
	char last[ARTICLE_ID_LEN + 1]; /* "" when none */
	size_t count;
	bool persistent;
};

static bool fuzz_state_hex(char ch)
{
	return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F');
}

/* The runs of exactly 12 hex digits in the input: the ids it may have set. */
static void fuzz_state_find_ids(struct fuzz_state_view *v, const char *data, size_t size)
{
	for (size_t i = 0; i < size && v->nids < FUZZ_STATE_IDS;) {
		size_t j = i;
		while (j < size && fuzz_state_hex(data[j]))
			j++;
		if (j - i == ARTICLE_ID_LEN) {
			memcpy(v->ids[v->nids], data + i, ARTICLE_ID_LEN);
			v->ids[v->nids++][ARTICLE_ID_LEN] = '\0';
		}
		i = j > i ? j : i + 1;
	}
}

static bool fuzz_state_shown(uint32_t cp)
{
	return !fuzz_is_control(cp) && !fuzz_is_bidi_control(cp);
}

/* Take and check the messages; returns how many there were. */
static size_t fuzz_state_messages(struct state *st, const char *dir)
{
	size_t n = 0;
	char *m;

	while ((m = state_take_message(st)) != NULL) {
		FUZZ_CHECK(fuzz_valid_utf8(m, strlen(m)));
		FUZZ_CHECK(fuzz_each_cp(m, strlen(m), fuzz_state_shown));
		FUZZ_CHECK(strncmp(m, dir, strlen(dir)) == 0);
		free(m);
		n++;
	}
	return n;
}

static void fuzz_state_read(struct state *st, struct fuzz_state_view *v)
{
	const char *last = state_last(st);

	for (size_t i = 0; i < v->nids; i++) {
		v->flags[i] = (unsigned char)(state_is_read(st, v->ids[i]) |
					      state_is_bookmarked(st, v->ids[i]) << 1);
		v->pos[i] = state_pos(st, v->ids[i]);
		FUZZ_CHECK(v->pos[i] >= 0);
	}
	snprintf(v->last, sizeof v->last, "%s", last ? last : "");
	v->count = state_count(st);
	v->persistent = state_persistent(st);
}

static bool fuzz_state_same(const struct fuzz_state_view *a, const struct fuzz_state_view *b)
{
	return memcmp(a->flags, b->flags, a->nids) == 0 &&
	       memcmp(a->pos, b->pos, a->nids * sizeof *a->pos) == 0 &&
	       strcmp(a->last, b->last) == 0 && a->count == b->count;
}

/* The bytes of dir/name, NULL when it is absent (caller frees). */
static char *fuzz_state_file(const char *dir, const char *name, size_t *len)
{
	char *path = xasprintf("%s/%s", dir, name), *data;
	data = fsutil_read_file(path, 1 << 20, len);
	free(path);
	return data;
}

/* Every file moved aside holds one of the input files byte for byte; returns how many. */
static size_t fuzz_state_check_aside(const char *dir, const char *snap, size_t snap_len,
				     const char *journal, size_t journal_len)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	size_t n = 0;

	FUZZ_CHECK(d != NULL);
	while ((e = readdir(d)) != NULL) {
		size_t len;
		char *kept;
		if (strstr(e->d_name, ".corrupt-") == NULL)
			continue;
		kept = fuzz_state_file(dir, e->d_name, &len);
		FUZZ_CHECK(kept != NULL);
		FUZZ_CHECK((len == snap_len && memcmp(kept, snap, len) == 0) ||
			   (journal && len == journal_len && memcmp(kept, journal, len) == 0));
		free(kept);
		n++;
	}
	closedir(d);
	return n;
}

/* Is dir/name, when it is there, still the n bytes of data? */
static bool fuzz_state_kept(const char *dir, const char *name, const char *data, size_t n)
{
	size_t len;
	char *now = fuzz_state_file(dir, name, &len);
	bool same = now == NULL || (data && len == n && memcmp(now, data, n) == 0);
	free(now);
	return same;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *in = (const char *)data, *dir = fuzz_temp_dir();
	const char *nul = memchr(in, '\0', size);
	size_t snap_len = nul ? (size_t)(nul - in) : size;
	const char *journal = nul ? nul + 1 : NULL;
	size_t journal_len = nul ? size - snap_len - 1 : 0;
	struct fuzz_state_view before = {0}, after;
	struct state *st;
	size_t problems;

	fuzz_write_file(dir, "state", in, snap_len);
	if (journal)
		fuzz_write_file(dir, "state.journal", journal, journal_len);
	fuzz_state_find_ids(&before, in, size);
	st = state_open_dir(dir);
	problems = fuzz_state_messages(st, dir);
	fuzz_state_read(st, &before);
	state_close(st);
	FUZZ_CHECK(fuzz_state_check_aside(dir, in, snap_len, journal, journal_len) <= problems);
	if (!before.persistent) {
		/* a newer qari's folder: nothing rewritten */
		FUZZ_CHECK(fuzz_state_kept(dir, "state", in, snap_len));
		FUZZ_CHECK(fuzz_state_kept(dir, "state.journal", journal, journal_len));
		FUZZ_CHECK(problems > 0);
		return 0;
	}
	after = before;
	st = state_open_dir(dir);
	FUZZ_CHECK(fuzz_state_messages(st, dir) == 0);
	fuzz_state_read(st, &after);
	FUZZ_CHECK(after.persistent);
	FUZZ_CHECK(fuzz_state_same(&before, &after));
	state_close(st);
	return 0;
}
