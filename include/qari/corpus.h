/* corpus.h - a set of articles loaded from files, folders and archives.
 *
 * Loading never stops at a bad file: each problem becomes one line in the load report
 * ("PATH: what is wrong"), and every other file still loads. Loaders work on a buffer so that
 * archive members and files go through the same code. */
#ifndef QARI_CORPUS_H
#define QARI_CORPUS_H

#include <stdbool.h>
#include <stddef.h>

#include "qari/article.h"

struct load_report {
	char **messages; /* "PATH: problem" lines, in the order found */
	size_t nmessages, cap;
	size_t files_loaded;  /* files that gave at least one article */
	size_t files_skipped; /* files that gave none (unreadable, empty, malformed, unknown) */
	size_t items_loaded;  /* articles added */
	size_t items_skipped; /* items inside files that were dropped, each with a reason */
	size_t items_empty;   /* items with no text (a feed's empty entry, a scraper's blank
				 article): counted, not problems, so no message */
};

struct corpus_job; /* private to the loading machinery */

struct corpus {
	struct article **items;
	size_t n, cap;
	struct load_report report;
	const struct corpus_job *job; /* set while a loading thread fills it, else NULL */
};

void corpus_init(struct corpus *c);
void corpus_free(struct corpus *c);
void corpus_add(struct corpus *c, struct article *a);

/* Load each path (file or folder, recursively; folders in name order). Returns the number of
 * articles added. Problems go to c->report. Files load on several threads (QARI_THREADS, see
 * corpus_loader.h); the result is the same whatever their number. */
size_t corpus_load_paths(struct corpus *c, char *const *paths, size_t npaths);
/* Load one buffer whose name decides the format (by extension, else by sniffing). */
void corpus_load_buffer(struct corpus *c, const char *name, const char *data, size_t len);

/* Sort newest first; equal or unknown dates keep their load order. */
void corpus_sort(struct corpus *c);
/* Find by id or unique id prefix. NULL and *ambiguous set when not found or not unique. */
struct article *corpus_find(const struct corpus *c, const char *id, bool *ambiguous);

void load_report_add(struct load_report *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void load_report_free(struct load_report *r);

/* The formats: each adds the articles of one buffer and reports its problems. */
void load_text(struct corpus *c, const char *name, const char *data, size_t len);

/* Where bundled assets live: $QARI_DATADIR, the source tree when run from the build tree, else
 * the installed data dir. Returns a static string. */
const char *corpus_assets_dir(void);
/* Path of an asset file (caller frees). */
char *corpus_asset_path(const char *rel);

#endif
