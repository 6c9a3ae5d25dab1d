/* corpus_walk.h - the plan of a load (private to src/model): the paths given, walked in name
 * order, as a list of steps. Files are loaded by the threads of corpus_loader.c; the other
 * steps replay, in order, what the walk itself found, so the report reads as if one thread
 * had done everything. */
#ifndef QARI_MODEL_CORPUS_WALK_H
#define QARI_MODEL_CORPUS_WALK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum corpus_step_kind {
	CORPUS_STEP_FILE,      /* a file to load */
	CORPUS_STEP_NOTE,      /* a report line found by the walk */
	CORPUS_STEP_DIR_START, /* a folder argument begins */
	CORPUS_STEP_DIR_END,   /* it ends: "no articles" when none came since its start */
};

struct corpus_step {
	enum corpus_step_kind kind;
	char *text;     /* FILE: its path; NOTE: the report line; DIR_*: the folder */
	size_t id_root; /* FILE: bytes of the path left out of its articles' id keys */
	uint64_t bytes; /* FILE: its size when walked, for progress */
	bool skipped;   /* NOTE: the line is about a file that counts as skipped */
};

struct corpus_plan {
	struct corpus_step *steps;
	size_t n, cap;
	size_t files;   /* FILE steps */
	uint64_t bytes; /* their sizes */
};

/* Walk the paths (files or folders, recursively) into p, which starts zeroed. */
void corpus_walk_paths(struct corpus_plan *p, char *const *paths, size_t npaths);
void corpus_walk_free(struct corpus_plan *p);

#endif
