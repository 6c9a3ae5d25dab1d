/* corpus.c - loading articles from paths: files dispatched to the loader of their format,
 * every problem reported as one line, the rest still loaded. Folders are walked by
 * corpus_walk.c and the files loaded on threads by corpus_loader.c. */
#include "qari/corpus.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "loader.h"
#include "qari/corpus_loader.h"
#include "qari/fsutil.h"
#include "qari/xalloc.h"

#ifndef QARI_INSTALL_DATADIR
#define QARI_INSTALL_DATADIR "/usr/local/share/qari"
#endif
#ifndef QARI_SOURCE_ASSETS
#define QARI_SOURCE_ASSETS "assets"
#endif

#define CORPUS_MAX_FILE (256u << 20) /* refuse single files above 256 MiB */
#define CORPUS_SNIFF 4096 /* bytes looked at to guess the format of an unknown file */

typedef void (*corpus_format_fn)(struct corpus *, const char *, const char *, size_t);

struct corpus_format {
	const char *ext;
	corpus_format_fn load;
};

static const struct corpus_format corpus_formats[] = {
	{".txt", load_text},
	{".text", load_text},
	{".json", load_json},
	{".jsonl", load_jsonl},
	{".ndjson", load_jsonl},
	{".xml", load_feed},
	{".rss", load_feed},
	{".atom", load_feed},
	{".zip", load_archive},
	{".tar", load_archive},
	{".tgz", load_archive},
	{".txz", load_archive},
	{".gz", load_archive}, /* .tar.gz, or one compressed file */
	{".xz", load_archive},
	{".bz2", load_archive},
};

void corpus_init(struct corpus *c) { memset(c, 0, sizeof *c); }

void corpus_free(struct corpus *c)
{
	for (size_t i = 0; i < c->n; i++)
		article_free(c->items[i]);
	free(c->items);
	load_report_free(&c->report);
	memset(c, 0, sizeof *c);
}

/* The path relative to the folder argument: ids do not depend on where the corpus lives. */
static const char *corpus_id_key(const struct corpus *c, const struct article *a)
{
	const char *key = a->path;
	if (c->job && strlen(key) > c->job->id_root)
		key += c->job->id_root;
	return key;
}

bool corpus_cancelled(const struct corpus *c)
{
	return c->job && c->job->cancel && atomic_load_explicit(c->job->cancel, memory_order_relaxed);
}

static void corpus_append(struct corpus *c, struct article *a)
{
	if (!load_budget_item()) {
		article_free(a); /* the file has had its share (loader.h): reported when it ends */
		return;
	}
	xgrow(&c->items, &c->cap, c->n + 1, sizeof *c->items);
	c->items[c->n++] = a;
	c->report.items_loaded++;
	if (c->job && c->job->batch && c->n >= c->job->batch)
		corpus_loader_publish(c); /* the list can show a big file's first articles early */
}

void corpus_add(struct corpus *c, struct article *a)
{
	article_finish(a, corpus_id_key(c, a));
	corpus_append(c, a);
}

void corpus_add_item(struct corpus *c, struct article *a, size_t index)
{
	char *key = xasprintf("%s#%zu", corpus_id_key(c, a), index);
	article_finish(a, key);
	free(key);
	corpus_append(c, a);
}

void load_report_add(struct load_report *r, const char *fmt, ...)
{
	va_list ap;
	xgrow(&r->messages, &r->cap, r->nmessages + 1, sizeof *r->messages);
	va_start(ap, fmt);
	r->messages[r->nmessages++] = xvasprintf(fmt, ap);
	va_end(ap);
}

void load_report_free(struct load_report *r)
{
	for (size_t i = 0; i < r->nmessages; i++)
		free(r->messages[i]);
	free(r->messages);
	memset(r, 0, sizeof *r);
}

static const char *corpus_extension(const char *name)
{
	const char *slash = strrchr(name, '/');
	const char *dot = strrchr(slash ? slash : name, '.');
	return dot ? dot : "";
}

static corpus_format_fn corpus_format_for(const char *name)
{
	const char *ext = corpus_extension(name);
	for (size_t i = 0; i < sizeof corpus_formats / sizeof *corpus_formats; i++)
		if (strcasecmp(ext, corpus_formats[i].ext) == 0)
			return corpus_formats[i].load;
	return NULL;
}

bool corpus_format_known(const char *name) { return corpus_format_for(name) != NULL; }

static bool corpus_has(const char *data, size_t len, const char *s)
{
	return memmem(data, len < CORPUS_SNIFF ? len : CORPUS_SNIFF, s, strlen(s)) != NULL;
}

/* The format of a file whose name does not tell: magic numbers, then the first character. */
static corpus_format_fn corpus_sniff(const char *data, size_t len)
{
	static const char *const magic[] = {"PK\3\4", "\x1F\x8B", ("\xFD" "7zXZ"), "BZh"};
	size_t i = len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;

	for (size_t m = 0; m < sizeof magic / sizeof *magic; m++)
		if (len >= strlen(magic[m]) && memcmp(data, magic[m], strlen(magic[m])) == 0)
			return load_archive;
	if (len >= 262 && memcmp(data + 257, "ustar", 5) == 0)
		return load_archive;
	while (i < len && i < CORPUS_SNIFF && data[i] && strchr(" \t\r\n", data[i]))
		i++;
	if (i < len && (data[i] == '{' || data[i] == '['))
		return load_json;
	if (i < len && data[i] == '<' && (corpus_has(data, len, "<rss") ||
					  corpus_has(data, len, "<feed") ||
					  corpus_has(data, len, "<rdf:RDF")))
		return load_feed;
	return load_text;
}

void corpus_load_buffer(struct corpus *c, const char *name, const char *data, size_t len)
{
	corpus_format_fn load = corpus_format_for(name);
	size_t before = c->report.items_loaded; /* not c->n: batches may have left c */
	size_t empty = c->report.items_empty, said = c->report.nmessages;

	if (load == NULL)
		load = corpus_sniff(data, len);
	load_budget_begin(name, len);
	load(c, name, data, len);
	load_budget_end(c);
	if (load == load_archive)
		return; /* its members were counted as files, each on its own */
	if (c->report.items_loaded > before) {
		c->report.files_loaded++;
		return;
	}
	c->report.files_skipped++;
	/* empty items are no problem, but a file of nothing else is worth a line */
	if (c->report.nmessages == said && c->report.items_empty > empty)
		load_report_add(&c->report, "%s: no articles: no item has any text", name);
}

/* Read a whole file; NULL with errno set on failure (EFBIG above the size limit). */
static char *corpus_read_file(const char *path, size_t *len)
{
	return fsutil_read_file(path, CORPUS_MAX_FILE, len);
}

void corpus_load_file(struct corpus *c, const char *path)
{
	size_t len;
	char *data = corpus_read_file(path, &len), why[128];

	if (data == NULL) {
		/* strerror_r (GNU): this runs on loading threads */
		load_report_add(&c->report, "%s: %s", path, errno == EFBIG ? "file too large"
								 : strerror_r(errno, why, sizeof why));
		c->report.files_skipped++;
		return;
	}
	corpus_load_buffer(c, path, data, len);
	free(data);
}

size_t corpus_load_paths(struct corpus *c, char *const *paths, size_t npaths)
{
	struct corpus_loader *l = corpus_loader_start(paths, npaths);
	size_t added = 0;

	while (!corpus_loader_done(l)) {
		corpus_loader_wait(l, -1);
		added += corpus_loader_take(l, c);
	}
	corpus_loader_free(l);
	return added;
}

static int corpus_date_cmp(const void *pa, const void *pb)
{
	const struct article *a = *(struct article *const *)pa;
	const struct article *b = *(struct article *const *)pb;
	if (a->date_key != b->date_key)
		return a->date_key > b->date_key ? -1 : 1;
	return 0;
}

/* Merge sort keeps equal dates in load order; qsort would not. */
static void corpus_merge_sort(struct article **v, struct article **tmp, size_t n)
{
	size_t mid = n / 2, i = 0, j = mid, k = 0;
	if (n < 2)
		return;
	corpus_merge_sort(v, tmp, mid);
	corpus_merge_sort(v + mid, tmp, n - mid);
	while (i < mid && j < n)
		tmp[k++] = corpus_date_cmp(&v[j], &v[i]) < 0 ? v[j++] : v[i++];
	while (i < mid)
		tmp[k++] = v[i++];
	while (j < n)
		tmp[k++] = v[j++];
	memcpy(v, tmp, n * sizeof *v);
}

void corpus_sort(struct corpus *c)
{
	struct article **tmp;
	if (c->n < 2)
		return;
	tmp = xcalloc(c->n, sizeof *tmp);
	corpus_merge_sort(c->items, tmp, c->n);
	free(tmp);
}

struct article *corpus_find(const struct corpus *c, const char *id, bool *ambiguous)
{
	struct article *found = NULL;
	size_t n = strlen(id);

	*ambiguous = false;
	if (n == 0)
		return NULL;
	for (size_t i = 0; i < c->n; i++) {
		if (strncasecmp(c->items[i]->id, id, n) != 0)
			continue;
		if (n == ARTICLE_ID_LEN)
			return c->items[i];
		if (found && strcmp(found->id, c->items[i]->id) != 0) {
			*ambiguous = true;
			return NULL;
		}
		found = c->items[i];
	}
	return found;
}

static bool corpus_is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static char corpus_dir[PATH_MAX + 64];
static pthread_once_t corpus_dir_once = PTHREAD_ONCE_INIT;

/* From the build tree (the binary sits next to build.ninja) use the source assets, so a
 * fresh build runs without installing; an installed binary uses ../share/qari beside it. */
static void corpus_find_assets(void)
{
	char exe[PATH_MAX], probe[PATH_MAX + 64];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);

	if (n > 0) {
		char *slash;
		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL)
			*slash = '\0';
		snprintf(probe, sizeof probe, "%s/build.ninja", exe);
		if (access(probe, F_OK) == 0 && corpus_is_dir(QARI_SOURCE_ASSETS)) {
			snprintf(corpus_dir, sizeof corpus_dir, "%s", QARI_SOURCE_ASSETS);
			return;
		}
		snprintf(probe, sizeof probe, "%s/../share/qari", exe);
		if (corpus_is_dir(probe)) {
			snprintf(corpus_dir, sizeof corpus_dir, "%s", probe);
			return;
		}
	}
	snprintf(corpus_dir, sizeof corpus_dir, "%s",
		 corpus_is_dir(QARI_INSTALL_DATADIR) ? QARI_INSTALL_DATADIR : QARI_SOURCE_ASSETS);
}

/* Found once (loading threads may ask at the same time), unless QARI_DATADIR says. */
const char *corpus_assets_dir(void)
{
	const char *env = getenv("QARI_DATADIR");

	if (env && *env)
		return env;
	pthread_once(&corpus_dir_once, corpus_find_assets);
	return corpus_dir;
}

char *corpus_asset_path(const char *rel)
{
	return xasprintf("%s/%s", corpus_assets_dir(), rel);
}
