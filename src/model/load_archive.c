/* load_archive.c - zip and tar archives (plain, gzip, xz, bzip2), read in memory with
 * libarchive, never extracted to disk.
 *
 * Each member goes back through corpus_load_buffer as "ARCHIVE!MEMBER", so an archive may
 * hold any format qari reads, archives included (to a depth limit). A lone compressed file
 * ("x.json.gz") is a one-member archive named after it ("x.json.gz!x.json"). */
#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "loader.h"
#include "qari/text.h"
#include "qari/xalloc.h"

#define LOAD_ARCHIVE_MAX_DEPTH 4
#define LOAD_ARCHIVE_MAX_MEMBER ((int64_t)256 << 20) /* as for single files */

/* How many archives the current member sits in; per thread, for parallel loading later. */
static _Thread_local int load_archive_depth;

/* The whole member in one buffer (NUL-terminated, like files); NULL on a read error. */
static char *load_archive_read(struct archive *ar, struct archive_entry *e, size_t *len)
{
	int64_t size = archive_entry_size_is_set(e) ? archive_entry_size(e) : -1;
	/* a header's size is a claim: grow to it rather than trust it all at once */
	size_t cap = size >= 0 && size < (1 << 20) ? (size_t)size + 1 : 1 << 20, got = 0;
	char *buf;

	if (size > LOAD_ARCHIVE_MAX_MEMBER) {
		archive_set_error(ar, EFBIG, "member too large");
		return NULL;
	}
	buf = xmalloc(cap);
	for (;;) {
		la_ssize_t k;
		if (got + 1 == cap) {
			if ((int64_t)cap > LOAD_ARCHIVE_MAX_MEMBER) {
				archive_set_error(ar, EFBIG, "member too large");
				free(buf);
				return NULL;
			}
			/* no bigger than the file's budget allows (plus a byte to see it spent) */
			size_t next = cap * 2, left = load_budget_unpack_left();
			if (left < SIZE_MAX - 2 && next > got + left + 2)
				next = got + left + 2;
			buf = xreallocarray(buf, next, 1);
			cap = next;
		}
		k = archive_read_data(ar, buf + got, cap - 1 - got);
		if (k < 0) {
			free(buf);
			return NULL;
		}
		if (k == 0)
			break;
		if (!load_budget_unpack((size_t)k)) {
			free(buf); /* the file's budget is spent: it is reported as a whole */
			return NULL;
		}
		got += (size_t)k;
	}
	buf[got] = '\0';
	*len = got;
	return buf;
}

/* A compressed single file is named after the archive without ".gz" / ".xz" / ".bz2". */
static char *load_archive_raw_name(const char *name)
{
	const char *slash = strrchr(name, '/'), *base = slash ? slash + 1 : name;
	const char *dot = strrchr(base, '.');
	return dot && dot > base ? xstrndup(base, (size_t)(dot - base)) : xstrdup(base);
}

static bool load_archive_wants_raw(const char *name)
{
	size_t n = strlen(name);
	return (n > 3 && strcasecmp(name + n - 3, ".gz") == 0) ||
	       (n > 3 && strcasecmp(name + n - 3, ".xz") == 0) ||
	       (n > 4 && strcasecmp(name + n - 4, ".bz2") == 0);
}

/* One member: read it and load it. A member that cannot be read is reported and skipped
 * (the others still load); false when the file's budget is spent. */
static bool load_archive_member(struct corpus *c, const char *name, struct archive *ar,
				struct archive_entry *e, size_t *members, bool *failed)
{
	bool raw = archive_format(ar) == ARCHIVE_FORMAT_RAW;
	char *inner = raw ? load_archive_raw_name(name) : NULL;
	const char *member = inner ? inner : archive_entry_pathname_utf8(e);
	char *full, *shown, *data;
	size_t len;

	if (!load_budget_member()) {
		free(inner);
		return false;
	}
	if (member == NULL)
		member = archive_entry_pathname(e);
	if (archive_entry_filetype(e) != AE_IFREG || member == NULL ||
	    (!raw && !corpus_format_known(member))) {
		free(inner);
		return true; /* as in folders, foreign members are not articles */
	}
	shown = text_sanitize_utf8(member, strlen(member)); /* a path, like any string, is UTF-8 */
	full = xasprintf("%s!%s", name, shown);
	free(shown);
	free(inner);
	if ((data = load_archive_read(ar, e, &len)) == NULL) {
		if (!load_budget_spent()) {
			const char *why = archive_error_string(ar);
			load_report_add(&c->report, "%s: %s; skipped", full, why ? why : "unreadable");
			c->report.files_skipped++;
			*failed = true;
		}
		free(full);
		return !load_budget_spent();
	}
	corpus_load_buffer(c, full, data, len);
	(*members)++;
	*failed = false;
	free(data);
	free(full);
	return !load_budget_spent();
}

void load_archive(struct corpus *c, const char *name, const char *data, size_t len)
{
	struct archive *ar = archive_read_new();
	struct archive_entry *e;
	size_t members = 0;
	int r = ARCHIVE_OK;
	bool failed = false; /* the last member could not be read (and was reported) */

	archive_read_support_filter_all(ar);
	archive_read_support_format_all(ar);
	if (load_archive_wants_raw(name))
		archive_read_support_format_raw(ar);
	if (load_archive_depth >= LOAD_ARCHIVE_MAX_DEPTH) {
		load_report_add(&c->report, "%s: archives nested too deep, skipped", name);
		c->report.files_skipped++;
		goto out;
	}
	if (archive_read_open_memory(ar, data, len) != ARCHIVE_OK) {
		load_report_add(&c->report, "%s: not a readable archive (%s)", name,
				archive_error_string(ar));
		c->report.files_skipped++;
		goto out;
	}
	load_archive_depth++;
	while (!corpus_cancelled(c) &&
	       ((r = archive_read_next_header(ar, &e)) == ARCHIVE_OK || r == ARCHIVE_WARN)) {
		if (archive_format(ar) == ARCHIVE_FORMAT_RAW &&
		    archive_filter_code(ar, 0) == ARCHIVE_FILTER_NONE) {
			/* raw data that was not even compressed: not an archive */
			archive_set_error(ar, EINVAL, "not an archive or compressed file");
			r = ARCHIVE_FATAL;
			break;
		}
		if (!load_archive_member(c, name, ar, e, &members, &failed))
			break;
	}
	load_archive_depth--;
	/* a header that cannot be read ends the archive, whether libarchive calls it fatal or
	 * not (FAILED, RETRY): reading on could loop, and the user is told either way, once:
	 * after a member that was reported (a cut stream), that was the news */
	if (load_budget_spent()) {
		if (members == 0)
			c->report.files_skipped++; /* the budget's report names the file */
	} else if (r != ARCHIVE_OK && r != ARCHIVE_WARN && r != ARCHIVE_EOF && failed) {
		if (members == 0)
			c->report.files_skipped++;
	} else if (r != ARCHIVE_OK && r != ARCHIVE_WARN && r != ARCHIVE_EOF) {
		load_report_add(&c->report, "%s: %s (the %zu member%s before it loaded)", name,
				archive_error_string(ar), members, members == 1 ? "" : "s");
		if (members == 0)
			c->report.files_skipped++;
	} else if (members == 0 && r == ARCHIVE_EOF) {
		load_report_add(&c->report, "%s: no articles in this archive", name);
		c->report.files_skipped++;
	}
out:
	archive_read_free(ar);
}
