/* corpus_loader.h - loading a corpus in the background, on several threads.
 *
 * corpus_loader_start walks the paths at once (folders in name order) and loads the files on
 * worker threads: as many as there are online CPUs, at most 8; the environment variable
 * QARI_THREADS sets the number (1: one file after another). The caller takes what is finished
 * in the order one thread would have loaded it, so the articles, their ids, the report lines
 * and the counts are the same whatever the number of threads. A file is one unit of work:
 * one big archive loads on one thread.
 *
 * In an event loop, poll corpus_loader_fd() for POLLIN next to the keyboard until
 * corpus_loader_done(); when it is readable, call corpus_loader_take() (it empties the pipe),
 * re-sort the list if articles came (corpus_sort) and show corpus_loader_progress() in the
 * status line. Once done, or when the user quits early, corpus_loader_free(): it cancels
 * what is left (workers stop between items) and frees every article not yet taken. */
#ifndef QARI_CORPUS_LOADER_H
#define QARI_CORPUS_LOADER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "qari/corpus.h"

struct corpus_loader;

struct corpus_loader_progress {
	size_t files_done, files_total;   /* files read and loaded (an archive is one file) */
	uint64_t bytes_done, bytes_total; /* their sizes on disk when the walk saw them */
	size_t articles;                  /* articles handed over by corpus_loader_take so far */
};

/* Walk the paths (as corpus_load_paths does) and start loading them. Never NULL. */
struct corpus_loader *corpus_loader_start(char *const *paths, size_t npaths);
/* Readable whenever corpus_loader_take may have something new (and once at the start). */
int corpus_loader_fd(const struct corpus_loader *l);
/* Wait up to timeout_ms (-1: no limit) for the fd to become readable; true when it is. */
bool corpus_loader_wait(const struct corpus_loader *l, int timeout_ms);
/* Move the articles and report lines finished so far into dst, in the deterministic file
 * order (a file's articles come only after those of every file before it). Returns how many
 * articles were added. Always pass the same dst. */
size_t corpus_loader_take(struct corpus_loader *l, struct corpus *dst);
/* True once everything has been handed over by corpus_loader_take. */
bool corpus_loader_done(const struct corpus_loader *l);
void corpus_loader_progress(const struct corpus_loader *l, struct corpus_loader_progress *p);
/* Stop the workers (cancelling what is left), join them and free everything not taken. */
void corpus_loader_free(struct corpus_loader *l);

/* The number of worker threads a load would use for nfiles files (QARI_THREADS, the CPUs). */
int corpus_loader_threads(size_t nfiles);

#endif
