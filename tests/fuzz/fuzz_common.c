/* fuzz_common.c - invariant helpers for the fuzz targets, and their temporary files
 * (see fuzz.h). */
#include "fuzz.h"

#include <dirent.h>
#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <unistr.h>

#include "qari/corpus.h"
#include "qari/xalloc.h"

const char *fuzz_current_input;

void fuzz_fail(const char *file, int line, const char *expr)
{
	fprintf(stderr, "fuzz: invariant broken at %s:%d: %s\n", file, line, expr);
	if (fuzz_current_input)
		fprintf(stderr, "fuzz: input %s\n", fuzz_current_input);
	abort();
}

bool fuzz_valid_utf8(const char *s, size_t n)
{
	return u8_check((const uint8_t *)s, n) == NULL;
}

bool fuzz_is_control(uint32_t cp)
{
	return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0);
}

bool fuzz_is_bidi_control(uint32_t cp)
{
	return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
	       cp == 0x200E || cp == 0x200F || cp == 0x061C || cp == 0xFEFF;
}

bool fuzz_each_cp(const char *s, size_t n, bool (*fn)(uint32_t cp))
{
	const uint8_t *p = (const uint8_t *)s, *end = p + n;
	while (p < end) {
		ucs4_t cp;
		int k = u8_mbtoucr(&cp, p, (size_t)(end - p));
		if (k <= 0 || !fn(cp))
			return false;
		p += k;
	}
	return true;
}

static void fuzz_check_string(const char *s)
{
	FUZZ_CHECK(s != NULL && s[0] != '\0');
	FUZZ_CHECK(fuzz_valid_utf8(s, strlen(s)));
}

static void fuzz_check_field(const char *s)
{
	if (s)
		fuzz_check_string(s);
}

/* s is name, or name followed by one of the characters in after. */
static bool fuzz_names(const char *s, const char *name, const char *after)
{
	size_t n = strlen(name);
	return strncmp(s, name, n) == 0 && s[n] != '\0' ? strchr(after, s[n]) != NULL
							  : strcmp(s, name) == 0;
}

static void fuzz_check_article(const struct article *a, const char *name)
{
	size_t bytes;

	fuzz_check_string(a->title);
	bytes = strlen(a->title);
	for (size_t i = 0; i < a->npara; i++) {
		fuzz_check_string(a->paras[i]);
		bytes += strlen(a->paras[i]);
	}
	FUZZ_CHECK(bytes == a->text_bytes);
	fuzz_check_field(a->url);
	fuzz_check_field(a->source);
	fuzz_check_field(a->author);
	fuzz_check_field(a->date);
	FUZZ_CHECK((a->date == NULL) == (a->date_key == INT64_MIN));
	FUZZ_CHECK(strlen(a->id) == ARTICLE_ID_LEN);
	FUZZ_CHECK(strspn(a->id, "0123456789abcdef") == ARTICLE_ID_LEN);
	fuzz_check_string(a->path);
	FUZZ_CHECK(fuzz_names(a->path, name, "!"));
}

void fuzz_check_corpus(const struct corpus *c, const char *name)
{
	FUZZ_CHECK(c->n == c->report.items_loaded);
	FUZZ_CHECK(c->report.files_loaded + c->report.files_skipped >= 1);
	FUZZ_CHECK(c->n >= 1 || c->report.nmessages >= 1);
	for (size_t i = 0; i < c->report.nmessages; i++)
		FUZZ_CHECK(fuzz_names(c->report.messages[i], name, ":!") &&
			   strcmp(c->report.messages[i], name) != 0);
	for (size_t i = 0; i < c->n; i++)
		fuzz_check_article(c->items[i], name);
}

static char *fuzz_temp;

static int fuzz_remove_one(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	return remove(path) == 0 || errno == ENOENT ? 0 : -1;
}

/* Everything inside the folder, not the folder itself. */
static void fuzz_empty_dir(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	FUZZ_CHECK(d != NULL);
	while ((e = readdir(d)) != NULL) {
		char *path;
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		path = xasprintf("%s/%s", dir, e->d_name);
		FUZZ_CHECK(nftw(path, fuzz_remove_one, 8, FTW_DEPTH | FTW_PHYS) == 0);
		free(path);
	}
	closedir(d);
}

static void fuzz_remove_temp(void)
{
	fuzz_empty_dir(fuzz_temp);
	rmdir(fuzz_temp);
	free(fuzz_temp);
}

const char *fuzz_temp_dir(void)
{
	if (fuzz_temp == NULL) {
		const char *tmp = getenv("TMPDIR");
		DIR *shm = opendir("/dev/shm"); /* memory: the state's fsyncs cost nothing there */
		if (tmp == NULL || *tmp == '\0')
			tmp = shm ? "/dev/shm" : "/tmp";
		if (shm)
			closedir(shm);
		fuzz_temp = xasprintf("%s/qari-fuzz-XXXXXX", tmp);
		FUZZ_CHECK(mkdtemp(fuzz_temp) != NULL);
		atexit(fuzz_remove_temp);
	}
	fuzz_empty_dir(fuzz_temp);
	return fuzz_temp;
}

void fuzz_write_file(const char *dir, const char *name, const void *data, size_t n)
{
	char *path = xasprintf("%s/%s", dir, name);
	FILE *f = fopen(path, "wb");

	free(path);
	FUZZ_CHECK(f != NULL);
	FUZZ_CHECK(fwrite(data, 1, n, f) == n);
	FUZZ_CHECK(fclose(f) == 0);
}
