/* state.c - read marks, bookmarks and positions: a hash table in memory, an fdatasync'ed
 * journal of changes and an atomically replaced snapshot on disk (format in state.h). */
#include "qari/state.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "qari/article.h"
#include "qari/fsutil.h"
#include "qari/text.h"
#include "qari/xalloc.h"

#define STATE_USED (1ULL << 63)        /* set in every occupied slot's key */
#define STATE_ID_MASK 0xFFFFFFFFFFFFULL /* 12 hex digits = 48 bits */
#define STATE_MAX_FILE (512u << 20)
#define STATE_MAX_POS 0x7FFFFFFFL
#define STATE_HEADER "qari-state"
#define STATE_JOURNAL_HEADER "qari-journal"
#define STATE_VERSION 1

enum state_flag {
	STATE_READ = 1 << 0,
	STATE_BOOKMARK = 1 << 1,
};

struct state_entry {
	uint64_t key; /* id | STATE_USED; 0: free slot */
	uint32_t pos; /* reading position, 0: none */
	uint8_t flags; /* enum state_flag */
};

struct state {
	char *dir, *path, *journal_path; /* NULL when no folder is known */
	struct state_entry *tab;         /* open addressing, linear probing; cap a power of 2 */
	size_t cap, used;
	uint64_t last; /* id | STATE_USED, 0: none */
	char last_text[ARTICLE_ID_LEN + 1];
	int dir_fd, lock_fd, journal_fd; /* -1 when not open */
	size_t journal_lines;            /* change lines in the journal */
	size_t compact_every;
	bool persistent;
	bool retry;      /* not persistent because a write failed: the next change tries again */
	double retry_at; /* not before this (monotonic seconds): a full disk costs no key */
	char problem[96]; /* why changes are not saved, while they are not (state_problem) */
	bool defer_sync; /* setters leave the fdatasync to state_sync */
	bool unsynced;   /* journal lines written but not yet synced */
	char **messages;
	size_t nmessages, msgcap, msghead;
};

/* What parsing one file found. */
struct state_parse {
	int version;      /* from the header, 0 when the header is bad */
	size_t lines;     /* change lines applied */
	size_t bad;       /* garbage lines */
	size_t first_bad; /* line number of the first one */
	char *why;        /* what was wrong with it */
	bool torn;        /* the last line has no newline (a write cut short): dropped */
	size_t torn_line; /* its line number */
};

static void state_message(struct state *st, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void state_message(struct state *st, const char *fmt, ...)
{
	va_list ap;
	xgrow(&st->messages, &st->msgcap, st->nmessages + 1, sizeof *st->messages);
	va_start(ap, fmt);
	st->messages[st->nmessages++] = xvasprintf(fmt, ap);
	va_end(ap);
}

char *state_take_message(struct state *st)
{
	if (st->msghead == st->nmessages)
		return NULL;
	return st->messages[st->msghead++];
}

bool state_persistent(const struct state *st) { return st->persistent; }
const char *state_problem(const struct state *st) { return st->persistent ? NULL : st->problem; }
const char *state_dir(const struct state *st) { return st->dir; }
void state_set_compact_every(struct state *st, size_t lines) { st->compact_every = lines ? lines : 1; }

/* Stop writing for good (no folder, another qari, a newer format): close the journal and
 * say so once, with why; problem is the short form the status line keeps showing. */
static void state_go_memory_only(struct state *st, const char *what, const char *path, int err)
{
	if (!st->persistent)
		return;
	st->persistent = false;
	if (st->journal_fd >= 0)
		close(st->journal_fd);
	st->journal_fd = -1;
	snprintf(st->problem, sizeof st->problem, "%s", strstr(what, "another qari")
		 ? "read-only: another qari has the state" : "marks not saved");
	state_message(st, "%s: %s%s%s; read marks, bookmarks and positions are kept in memory only",
		      path ? path : "state", what, err ? ": " : "", err ? strerror(err) : "");
}

static double state_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* A write failed (a full disk, an I/O error): changes stay in memory and the next change
 * tries again with a whole snapshot. Said once per failure, kept in state_problem until a
 * write succeeds. */
static void state_write_failed(struct state *st, const char *path, int err)
{
	if (!st->persistent)
		return;
	st->persistent = false;
	st->retry_at = state_now() + 1;
	if (st->retry)
		return; /* a retry that failed again: already said */
	st->retry = true;
	snprintf(st->problem, sizeof st->problem, "NOT SAVED: %s", strerror(err));
	state_message(st, "%s: cannot write: %s; read marks, bookmarks and positions are kept in "
		      "memory until a write succeeds", path, strerror(err));
}

/* 12 hex digits → 48-bit value. */
static bool state_parse_id(const char *s, size_t n, uint64_t *out)
{
	uint64_t v = 0;
	if (n != ARTICLE_ID_LEN)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
			: c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
		if (d < 0)
			return false;
		v = v << 4 | (uint64_t)d;
	}
	*out = v;
	return true;
}

static bool state_id(const char *id, uint64_t *out)
{
	return id != NULL && state_parse_id(id, strlen(id), out);
}

static size_t state_hash(uint64_t key, size_t cap)
{
	return (size_t)((key * 0x9E3779B97F4A7C15ULL) >> 32) & (cap - 1);
}

/* The slot of key, or NULL when absent. */
static struct state_entry *state_find(const struct state *st, uint64_t id)
{
	uint64_t key = id | STATE_USED;
	if (st->cap == 0)
		return NULL;
	for (size_t i = state_hash(key, st->cap);; i = (i + 1) & (st->cap - 1)) {
		if (st->tab[i].key == key)
			return &st->tab[i];
		if (st->tab[i].key == 0)
			return NULL;
	}
}

static void state_grow(struct state *st)
{
	struct state_entry *old = st->tab;
	size_t oldcap = st->cap;

	st->cap = oldcap ? oldcap * 2 : 1024;
	st->tab = xcalloc(st->cap, sizeof *st->tab);
	for (size_t i = 0; i < oldcap; i++) {
		if (old[i].key == 0)
			continue;
		size_t j = state_hash(old[i].key, st->cap);
		while (st->tab[j].key != 0)
			j = (j + 1) & (st->cap - 1);
		st->tab[j] = old[i];
	}
	free(old);
}

/* The slot of key, created empty when absent. Cleared entries stay (a later mark reuses them). */
static struct state_entry *state_get(struct state *st, uint64_t id)
{
	struct state_entry *e = state_find(st, id);
	uint64_t key = id | STATE_USED;

	if (e)
		return e;
	if ((st->used + 1) * 10 > st->cap * 7)
		state_grow(st);
	size_t i = state_hash(key, st->cap);
	while (st->tab[i].key != 0)
		i = (i + 1) & (st->cap - 1);
	st->tab[i].key = key;
	st->used++;
	return &st->tab[i];
}

/* Set the last article, keeping its text for state_last. */
static void state_remember_last(struct state *st, uint64_t id)
{
	st->last = id | STATE_USED;
	snprintf(st->last_text, sizeof st->last_text, "%012llx", (unsigned long long)id);
}

/* Apply one line of the format; false when it is not one. why: what is wrong. */
static bool state_apply_line(struct state *st, const char *s, size_t n, const char **why)
{
	static const struct {
		const char *word;
		uint8_t set, clear; /* flags */
		bool pos, last;
	} kinds[] = {
		{"read", STATE_READ, 0, false, false},
		{"unread", 0, STATE_READ, false, false},
		{"bookmark", STATE_BOOKMARK, 0, false, false},
		{"unbookmark", 0, STATE_BOOKMARK, false, false},
		{"pos", 0, 0, true, false},
		{"last", 0, 0, false, true},
	};
	const char *sp = memchr(s, ' ', n), *id, *num = NULL;
	size_t k, idlen;
	uint64_t v;
	long long line = 0;

	if (sp == NULL) {
		*why = "no article id";
		return false;
	}
	size_t wlen = (size_t)(sp - s);
	for (k = 0; k < sizeof kinds / sizeof *kinds; k++)
		if (strlen(kinds[k].word) == wlen && memcmp(s, kinds[k].word, wlen) == 0)
			break;
	if (k == sizeof kinds / sizeof *kinds) {
		*why = "unknown entry";
		return false;
	}
	id = sp + 1;
	idlen = n - (size_t)(id - s);
	if (kinds[k].pos) {
		const char *sp2 = memchr(id, ' ', idlen);
		if (sp2 == NULL) {
			*why = "pos without a line number";
			return false;
		}
		num = sp2 + 1;
		idlen = (size_t)(sp2 - id);
		size_t nl = n - (size_t)(num - s);
		if (nl == 0 || nl > 10) {
			*why = "bad line number";
			return false;
		}
		for (size_t i = 0; i < nl; i++) {
			if (num[i] < '0' || num[i] > '9') {
				*why = "bad line number";
				return false;
			}
			line = line * 10 + (num[i] - '0');
		}
		if (line > STATE_MAX_POS) {
			*why = "bad line number";
			return false;
		}
	}
	if (!state_parse_id(id, idlen, &v)) {
		*why = "bad article id";
		return false;
	}
	if (kinds[k].last) {
		state_remember_last(st, v);
		return true;
	}
	struct state_entry *e = state_get(st, v);
	e->flags = (uint8_t)((e->flags | kinds[k].set) & ~kinds[k].clear);
	if (kinds[k].pos)
		e->pos = (uint32_t)line;
	return true;
}

/* Header "NAME N": the version N, 0 when the line is not such a header. */
static int state_header_version(const char *s, size_t n, const char *name)
{
	size_t nl = strlen(name);
	int v = 0;
	if (n < nl + 2 || memcmp(s, name, nl) != 0 || s[nl] != ' ')
		return 0;
	for (size_t i = nl + 1; i < n; i++) {
		if (s[i] < '0' || s[i] > '9' || v > 100000)
			return 0;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* Parse a snapshot or journal in memory into st. */
static void state_parse(struct state *st, const char *data, size_t len, const char *header,
			struct state_parse *p)
{
	size_t lineno = 0;
	memset(p, 0, sizeof *p);
	for (const char *s = data, *end = data + len; s < end; lineno++) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		const char *why = NULL;
		size_t n;
		if (nl == NULL) {
			p->torn = true; /* never acknowledged: the fdatasync follows the newline */
			p->torn_line = lineno + 1;
			break;
		}
		n = (size_t)(nl - s);
		if (lineno == 0) {
			if ((p->version = state_header_version(s, n, header)) == 0) {
				p->first_bad = 1;
				p->why = xasprintf("bad header (expected \"%s %d\")", header, STATE_VERSION);
				return;
			}
		} else if (n == 0) {
			/* blank lines are harmless */
		} else if (state_apply_line(st, s, n, &why)) {
			p->lines++;
		} else if (p->version == STATE_VERSION && p->bad++ == 0) {
			char *text = xstrndup(s, n < 60 ? n : 60);
			char *shown = text_neutralize(text);
			p->first_bad = lineno + 1;
			p->why = xasprintf("%s (\"%s\")", why, shown);
			free(shown);
			free(text);
		}
		s = nl + 1;
	}
	if (lineno == 0 && p->version == 0) {
		p->first_bad = 1;
		p->why = xstrdup(len ? "bad header (no end of line)" : "empty file");
	}
}

/* Rename a bad file to NAME.corrupt-TIME; the new name (caller frees) or NULL on failure. */
static char *state_move_aside(const char *path)
{
	char stamp[17];
	char *to;

	fsutil_timestamp(stamp);
	to = xasprintf("%s.corrupt-%s", path, stamp);
	for (int i = 1; access(to, F_OK) == 0 && i < 1000; i++) {
		free(to);
		to = xasprintf("%s.corrupt-%s.%d", path, stamp, i);
	}
	if (rename(path, to) < 0) {
		free(to);
		return NULL;
	}
	return to;
}

/* A state file that cannot be used at all: moved aside with a warning (once: it is gone
 * then), else left with one. True when moved (the state must be rewritten). */
static bool state_set_aside(struct state *st, const char *path, const char *why)
{
	char *to = st->persistent ? state_move_aside(path) : NULL;

	if (to)
		state_message(st, "%s: %s; moved aside to %s", path, why, to);
	else
		state_message(st, "%s: %s; left in place", path, why);
	free(to);
	return to != NULL;
}

/* Load one file (snapshot or journal). Returns true when it must be rewritten (moved aside
 * or has change lines to fold). */
static bool state_load_file(struct state *st, const char *path, const char *header)
{
	struct state_parse p;
	size_t len;
	char *data = fsutil_read_file(path, STATE_MAX_FILE, &len);
	bool rewrite = false;

	if (data == NULL && (errno == EFBIG || errno == EINVAL || errno == EISDIR)) {
		/* too large to be ours, or not a file at all (a FIFO would hang a reader): damaged */
		return state_set_aside(st, path, fsutil_read_error(errno));
	}
	if (data == NULL) {
		if (errno != ENOENT)
			state_go_memory_only(st, "cannot read", path, errno);
		return false;
	}
	if (len == 0 && strcmp(header, STATE_JOURNAL_HEADER) == 0) {
		free(data); /* emptied, header not yet written back: a crash, not damage */
		return false;
	}
	state_parse(st, data, len, header, &p);
	free(data);
	if (p.torn && p.why == NULL && strcmp(header, STATE_HEADER) == 0) {
		/* a snapshot is renamed into place whole: one cut short was damaged, not torn */
		p.first_bad = p.torn_line;
		p.why = xstrdup("cut short (the last line has no end)");
	}
	if (p.version > STATE_VERSION) {
		state_go_memory_only(st, "written by a newer qari (version not understood)", path, 0);
	} else if (p.why) {
		char *to = st->persistent ? state_move_aside(path) : NULL;
		char more[48] = "";
		if (p.bad > 1)
			snprintf(more, sizeof more, " and %zu more bad lines", p.bad - 1);
		if (to)
			state_message(st, "%s: line %zu: %s%s; moved aside to %s", path, p.first_bad,
				      p.why, more, to);
		else
			state_message(st, "%s: line %zu: %s%s; left in place", path, p.first_bad,
				      p.why, more);
		rewrite = to != NULL;
		free(to);
	} else {
		rewrite = p.lines > 0 || p.torn;
	}
	free(p.why);
	return rewrite;
}

/* fsync the folder so a rename or a new file's name is durable too. */
static bool state_sync_dir(struct state *st)
{
	return fsync(st->dir_fd) == 0 || errno == EINVAL;
}

/* Remove temp files left by a compaction that a crash interrupted. */
static void state_clean_temps(struct state *st)
{
	DIR *d = fdopendir(dup(st->dir_fd));
	struct dirent *de;

	if (d == NULL)
		return;
	while ((de = readdir(d)) != NULL)
		if (strncmp(de->d_name, "state.tmp.", 10) == 0)
			unlinkat(st->dir_fd, de->d_name, 0);
	closedir(d);
}

/* Empty the journal and write its header; the caller has folded it into the snapshot. */
static bool state_journal_reset(struct state *st)
{
	char head[32];
	int n = snprintf(head, sizeof head, "%s %d\n", STATE_JOURNAL_HEADER, STATE_VERSION);
	if (ftruncate(st->journal_fd, 0) < 0 || !fsutil_write_all(st->journal_fd, head, (size_t)n) ||
	    fdatasync(st->journal_fd) < 0) {
		state_write_failed(st, st->journal_path, errno);
		return false;
	}
	st->journal_lines = 0;
	st->unsynced = false;
	return true;
}

/* Open (create) the journal for appending; a new one gets its header and a durable name. */
static bool state_journal_open(struct state *st)
{
	struct stat sb;
	st->journal_fd = open(st->journal_path,
			      O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NONBLOCK | O_NOCTTY, 0600);
	if (st->journal_fd < 0 || fstat(st->journal_fd, &sb) < 0) {
		state_go_memory_only(st, "cannot write", st->journal_path, errno);
		return false;
	}
	if (!S_ISREG(sb.st_mode)) {
		state_go_memory_only(st, "not a regular file", st->journal_path, 0);
		return false;
	}
	if (sb.st_size > 0)
		return true;
	if (!state_journal_reset(st))
		return false;
	if (!state_sync_dir(st)) {
		state_go_memory_only(st, "cannot sync", st->dir, errno);
		return false;
	}
	return true;
}

static void state_format_entries(const struct state *st, struct strbuf *sb)
{
	strbuf_printf(sb, "%s %d\n", STATE_HEADER, STATE_VERSION);
	if (st->last)
		strbuf_printf(sb, "last %012llx\n", (unsigned long long)(st->last & STATE_ID_MASK));
	for (size_t i = 0; i < st->cap; i++) {
		const struct state_entry *e = &st->tab[i];
		unsigned long long id = e->key & STATE_ID_MASK;
		if (e->key == 0)
			continue;
		if (e->flags & STATE_READ)
			strbuf_printf(sb, "read %012llx\n", id);
		if (e->flags & STATE_BOOKMARK)
			strbuf_printf(sb, "bookmark %012llx\n", id);
		if (e->pos)
			strbuf_printf(sb, "pos %012llx %lu\n", id, (unsigned long)e->pos);
	}
}

/* Write the snapshot to a temp file, fsync, rename over the old one, fsync the folder. */
static bool state_write_snapshot(struct state *st)
{
	struct strbuf sb = {0};
	char *tmp = xasprintf("%s/state.tmp.XXXXXX", st->dir);
	int fd = mkostemp(tmp, O_CLOEXEC), err = 0;

	state_format_entries(st, &sb);
	if (fd < 0)
		err = errno;
	else if (!fsutil_write_all(fd, sb.data, sb.len) || fsync(fd) < 0)
		err = errno;
	if (fd >= 0 && close(fd) < 0 && err == 0)
		err = errno;
	if (err == 0 && rename(tmp, st->path) < 0)
		err = errno;
	if (err == 0 && !state_sync_dir(st))
		err = errno;
	if (err && fd >= 0)
		unlink(tmp);
	strbuf_free(&sb);
	free(tmp);
	if (err)
		state_write_failed(st, st->path, err);
	return err == 0;
}

bool state_compact(struct state *st)
{
	if (!st->persistent)
		return false;
	return state_write_snapshot(st) && state_journal_reset(st);
}

/* After a failed write: write everything again (snapshot, then an empty journal), at most
 * once a second unless forced. True when it worked: the changes are saved again. */
static bool state_try_again(struct state *st, bool force)
{
	if (!st->retry || st->journal_fd < 0 || (!force && state_now() < st->retry_at))
		return false;
	st->persistent = true;
	if (!state_write_snapshot(st) || !state_journal_reset(st))
		return false;
	st->retry = false;
	st->problem[0] = '\0';
	state_message(st, "%s: saved again", st->path);
	return true;
}

static bool state_retry(struct state *st) { return state_try_again(st, false); }

/* Append one change line and make it durable (now, or at state_sync when deferred). */
static bool state_log(struct state *st, const char *word, uint64_t id, long line)
{
	char buf[64];
	int n;

	if (!st->persistent)
		return state_retry(st); /* the table holds the change: a snapshot saves it */
	if (line >= 0)
		n = snprintf(buf, sizeof buf, "%s %012llx %ld\n", word, (unsigned long long)id, line);
	else
		n = snprintf(buf, sizeof buf, "%s %012llx\n", word, (unsigned long long)id);
	if (!fsutil_write_all(st->journal_fd, buf, (size_t)n)) {
		state_write_failed(st, st->journal_path, errno);
		return false;
	}
	st->unsynced = true;
	if (!st->defer_sync && !state_sync(st))
		return false;
	/* acknowledged from here; a failed compaction only stops later writes */
	if (++st->journal_lines >= st->compact_every)
		state_compact(st);
	return true;
}

/* Take the folder: create it, lock it, clear leftovers. False: memory only. */
static bool state_take_dir(struct state *st)
{
	if (!fsutil_mkdirs(st->dir, 0700)) {
		state_go_memory_only(st, "cannot create the state folder", st->dir, errno);
		return false;
	}
	if ((st->dir_fd = open(st->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0) {
		state_go_memory_only(st, "cannot open", st->dir, errno);
		return false;
	}
	if ((st->lock_fd = openat(st->dir_fd, "lock", O_RDWR | O_CREAT | O_CLOEXEC | O_NONBLOCK,
				  0600)) < 0) {
		state_go_memory_only(st, "cannot write", st->dir, errno);
		return false;
	}
	if (flock(st->lock_fd, LOCK_EX | LOCK_NB) < 0) {
		if (errno == EWOULDBLOCK)
			state_go_memory_only(st, "in use by another qari", st->dir, 0);
		else
			state_go_memory_only(st, "cannot lock", st->dir, errno);
		return false;
	}
	state_clean_temps(st);
	return true;
}

struct state *state_open_dir(const char *dir)
{
	struct state *st = xcalloc(1, sizeof *st);
	bool rewrite;

	st->dir_fd = st->lock_fd = st->journal_fd = -1;
	st->compact_every = STATE_COMPACT_EVERY;
	st->persistent = true;
	if (dir == NULL) {
		state_go_memory_only(st, "no home folder known", NULL, 0);
		return st;
	}
	st->dir = xstrdup(dir);
	st->path = xasprintf("%s/state", dir);
	st->journal_path = xasprintf("%s/state.journal", dir);
	state_take_dir(st);
	rewrite = state_load_file(st, st->path, STATE_HEADER);
	rewrite |= state_load_file(st, st->journal_path, STATE_JOURNAL_HEADER);
	if (st->persistent && state_journal_open(st) && rewrite)
		state_compact(st);
	return st;
}

struct state *state_open(void)
{
	char *dir = fsutil_xdg_dir("XDG_STATE_HOME", ".local/state");
	struct state *st = state_open_dir(dir);
	free(dir);
	return st;
}

void state_defer_sync(struct state *st, bool on)
{
	st->defer_sync = on;
	if (!on)
		state_sync(st);
}

bool state_sync(struct state *st)
{
	if (!st->persistent)
		return false;
	if (st->unsynced && fdatasync(st->journal_fd) < 0) {
		state_write_failed(st, st->journal_path, errno);
		return false;
	}
	st->unsynced = false;
	return true;
}

bool state_close(struct state *st)
{
	bool saved;

	if (st == NULL)
		return true;
	state_try_again(st, true); /* changes held after a failed write: a last try */
	saved = !st->retry;
	if (st->persistent && st->journal_lines > 0)
		state_compact(st);
	else if (st->persistent)
		state_sync(st);
	if (st->journal_fd >= 0)
		close(st->journal_fd);
	if (st->lock_fd >= 0)
		close(st->lock_fd);
	if (st->dir_fd >= 0)
		close(st->dir_fd);
	for (size_t i = st->msghead; i < st->nmessages; i++)
		free(st->messages[i]);
	free(st->messages);
	free(st->tab);
	free(st->dir);
	free(st->path);
	free(st->journal_path);
	free(st);
	return saved;
}

static const struct state_entry *state_lookup(const struct state *st, const char *id)
{
	uint64_t v;
	return state_id(id, &v) ? state_find(st, v) : NULL;
}

bool state_is_read(const struct state *st, const char *id)
{
	const struct state_entry *e = state_lookup(st, id);
	return e && (e->flags & STATE_READ);
}

bool state_is_bookmarked(const struct state *st, const char *id)
{
	const struct state_entry *e = state_lookup(st, id);
	return e && (e->flags & STATE_BOOKMARK);
}

long state_pos(const struct state *st, const char *id)
{
	const struct state_entry *e = state_lookup(st, id);
	return e ? (long)e->pos : 0;
}

const char *state_last(const struct state *st) { return st->last ? st->last_text : NULL; }

size_t state_count(const struct state *st)
{
	size_t n = 0;
	for (size_t i = 0; i < st->cap; i++)
		n += st->tab[i].key && (st->tab[i].flags || st->tab[i].pos);
	return n;
}

/* A bad id is a caller's bug: refuse it with a message rather than die in the reader. */
static bool state_bad_id(struct state *st, const char *id)
{
	char *shown = text_neutralize(id ? id : "(null)");
	state_message(st, "state: \"%s\" is not an article id; not recorded", shown);
	free(shown);
	return false;
}

static bool state_set_flag(struct state *st, const char *id, uint8_t flag, bool on,
			   const char *set_word, const char *clear_word)
{
	uint64_t v;
	struct state_entry *e;

	if (!state_id(id, &v))
		return state_bad_id(st, id);
	e = on ? state_get(st, v) : state_find(st, v);
	if (e == NULL || !!(e->flags & flag) == on)
		return st->persistent;
	e->flags = (uint8_t)(on ? e->flags | flag : e->flags & ~flag);
	return state_log(st, on ? set_word : clear_word, v, -1);
}

bool state_set_read(struct state *st, const char *id, bool read)
{
	return state_set_flag(st, id, STATE_READ, read, "read", "unread");
}

bool state_set_bookmark(struct state *st, const char *id, bool bookmark)
{
	return state_set_flag(st, id, STATE_BOOKMARK, bookmark, "bookmark", "unbookmark");
}

bool state_set_pos(struct state *st, const char *id, long line)
{
	uint64_t v;
	struct state_entry *e;

	if (!state_id(id, &v))
		return state_bad_id(st, id);
	if (line < 0)
		line = 0;
	if (line > STATE_MAX_POS)
		line = STATE_MAX_POS;
	e = line ? state_get(st, v) : state_find(st, v);
	if (e == NULL || e->pos == (uint32_t)line)
		return st->persistent;
	e->pos = (uint32_t)line;
	return state_log(st, "pos", v, line);
}

bool state_set_last(struct state *st, const char *id)
{
	uint64_t v;

	if (!state_id(id, &v))
		return state_bad_id(st, id);
	if (st->last == (v | STATE_USED))
		return st->persistent;
	state_remember_last(st, v);
	return state_log(st, "last", v, -1);
}
