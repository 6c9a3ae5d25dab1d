/* corpus_walk.c - turning the paths to load into a plan: folders walked in name order,
 * foreign files left out, symlink loops and unreadable entries noted where they are met. */
#include "corpus_walk.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "loader.h"
#include "qari/xalloc.h"

#define CORPUS_WALK_MAX_DEPTH 64

/* Folders already entered on this walk (device, inode), to survive symlink loops. */
struct corpus_walk {
	struct corpus_plan *plan;
	dev_t dev[CORPUS_WALK_MAX_DEPTH];
	ino_t ino[CORPUS_WALK_MAX_DEPTH];
	int depth;
	size_t id_root; /* bytes of the root prefix stripped from paths to make id keys */
};

static struct corpus_step *corpus_walk_add(struct corpus_plan *p, enum corpus_step_kind kind,
					   char *text)
{
	struct corpus_step *s;

	xgrow(&p->steps, &p->cap, p->n + 1, sizeof *p->steps);
	s = &p->steps[p->n++];
	*s = (struct corpus_step){.kind = kind, .text = text};
	return s;
}

__attribute__((format(printf, 3, 4)))
static void corpus_walk_note(struct corpus_walk *w, bool skipped, const char *fmt, ...)
{
	va_list ap;
	char *line;

	va_start(ap, fmt);
	line = xvasprintf(fmt, ap);
	va_end(ap);
	corpus_walk_add(w->plan, CORPUS_STEP_NOTE, line)->skipped = skipped;
}

static void corpus_walk_file(struct corpus_walk *w, const char *path, const struct stat *st)
{
	struct corpus_step *s = corpus_walk_add(w->plan, CORPUS_STEP_FILE, xstrdup(path));
	s->id_root = w->id_root;
	s->bytes = (uint64_t)st->st_size;
	w->plan->files++;
	w->plan->bytes += s->bytes;
}

static int corpus_walk_name_cmp(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

static void corpus_walk_path(struct corpus_walk *w, const char *path);

/* The entries of a folder in name order; foreign files (images, READMEs) are not articles. */
static void corpus_walk_entries(struct corpus_walk *w, const char *path, struct dirent **names,
				int n)
{
	for (int i = 0; i < n; i++) {
		const char *d = names[i]->d_name;
		if (d[0] != '.') {
			char *child = xasprintf("%s%s%s", path,
						path[strlen(path) - 1] == '/' ? "" : "/", d);
			struct stat cst;
			if (!(stat(child, &cst) == 0 && S_ISREG(cst.st_mode) &&
			      !corpus_format_known(child)))
				corpus_walk_path(w, child);
			free(child);
		}
		free(names[i]);
	}
	free(names);
}

static void corpus_walk_dir(struct corpus_walk *w, const char *path, const struct stat *st)
{
	struct dirent **names;
	int n;

	for (int i = 0; i < w->depth; i++)
		if (w->dev[i] == st->st_dev && w->ino[i] == st->st_ino) {
			corpus_walk_note(w, false, "%s: folder loop (symbolic link), skipped", path);
			return;
		}
	if (w->depth == CORPUS_WALK_MAX_DEPTH) {
		corpus_walk_note(w, false, "%s: folders nested too deep, skipped", path);
		return;
	}
	if ((n = scandir(path, &names, NULL, corpus_walk_name_cmp)) < 0) {
		corpus_walk_note(w, false, "%s: %s", path, strerror(errno));
		return;
	}
	if (w->depth == 0)
		corpus_walk_add(w->plan, CORPUS_STEP_DIR_START, xstrdup(path));
	w->dev[w->depth] = st->st_dev;
	w->ino[w->depth] = st->st_ino;
	w->depth++;
	corpus_walk_entries(w, path, names, n);
	w->depth--;
	if (w->depth == 0)
		corpus_walk_add(w->plan, CORPUS_STEP_DIR_END, xstrdup(path));
}

static void corpus_walk_path(struct corpus_walk *w, const char *path)
{
	struct stat st;

	if (stat(path, &st) < 0)
		corpus_walk_note(w, true, "%s: %s", path, strerror(errno));
	else if (S_ISDIR(st.st_mode))
		corpus_walk_dir(w, path, &st);
	else if (S_ISREG(st.st_mode))
		corpus_walk_file(w, path, &st);
	else
		corpus_walk_note(w, true, "%s: not a regular file or folder", path);
}

void corpus_walk_paths(struct corpus_plan *p, char *const *paths, size_t npaths)
{
	for (size_t i = 0; i < npaths; i++) {
		struct corpus_walk w = {.plan = p};
		const char *slash = strrchr(paths[i], '/');
		struct stat st;
		/* id keys: paths relative to a folder argument, the base name of a file argument */
		if (stat(paths[i], &st) == 0 && S_ISDIR(st.st_mode))
			w.id_root = strlen(paths[i]) + (paths[i][strlen(paths[i]) - 1] != '/');
		else
			w.id_root = slash ? (size_t)(slash - paths[i]) + 1 : 0;
		corpus_walk_path(&w, paths[i]);
	}
}

void corpus_walk_free(struct corpus_plan *p)
{
	for (size_t i = 0; i < p->n; i++)
		free(p->steps[i].text);
	free(p->steps);
	memset(p, 0, sizeof *p);
}
