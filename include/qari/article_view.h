/* article_view.h - an article as the reading pane shows it: title, byline, paragraphs, each
 * laid out by the rendering layer. `qari show` prints exactly these lines.
 *
 * Paragraphs are prepared once (bidi levels, shaping) and re-wrapped on each width change. */
#ifndef QARI_ARTICLE_VIEW_H
#define QARI_ARTICLE_VIEW_H

#include "qari/article.h"
#include "qari/layout.h"

enum view_kind {
	VIEW_TITLE,
	VIEW_META, /* date · source · URL */
	VIEW_BODY,
	VIEW_BLANK,
};

#define VIEW_PARA_TITLE (-1L)
#define VIEW_PARA_META (-2L)

struct view_line {
	struct layout_line line;
	enum view_kind kind;
	long para; /* index into article->paras; VIEW_PARA_TITLE, VIEW_PARA_META */
};

/* A URL in the byline or a paragraph: bytes [beg, end) of that text. */
struct view_link {
	long para; /* VIEW_PARA_META or an index into article->paras */
	uint32_t beg, end;
};

/* A link's stretch of one visual line: columns [col, col + ncols) counted from the line's
 * first cell (indent not included). A URL wrapped over lines has one span on each. */
struct view_link_span {
	int col, ncols;
	size_t link; /* index into view->links */
};

struct article_view {
	const struct article *article;
	struct layout_opts opts;
	struct layout_prep **preps; /* title, meta, then one per paragraph */
	char *meta;                 /* the byline text */
	size_t npreps;
	struct view_line *lines;
	size_t nlines, cap;
	int width; /* the width the lines were wrapped at */
	struct view_link *links; /* in view order */
	size_t nlinks;
};

/* The direction an article's paragraphs take: forced, or the article's dominant one (HL1). */
enum layout_dir article_view_dir(const struct article *a, enum layout_dir forced, bool forced_set);

/* A paragraph's direction: its own where one direction's strong characters outnumber the
 * other's twice over, else article_dir. */
enum layout_dir article_view_para_dir(const char *s, size_t n, enum layout_dir article_dir);
/* o->dir is the article's direction (article_view_dir); dir_forced: every paragraph takes
 * it (--dir), else each paragraph clearly in one script takes that script's. source_name:
 * the byline's name of the source (listing_source_name), NULL for the article's own. */
void article_view_prepare(struct article_view *v, const struct article *a,
			  const struct layout_opts *o, bool dir_forced, const char *source_name);
void article_view_wrap(struct article_view *v, int width);
void article_view_free(struct article_view *v);
/* The first view line showing byte offset off of paragraph para (VIEW_PARA_TITLE for the
 * title); v->nlines when there is none. */
size_t article_view_find(const struct article_view *v, long para, uint32_t off);

/* The text of the byline (VIEW_PARA_META), the title or a paragraph, and its length. */
const char *article_view_text(const struct article_view *v, long para, size_t *len);
/* The link spans of view line i, at most max of them; returns how many. */
size_t article_view_line_links(const struct article_view *v, size_t i, struct view_link_span *out,
			       size_t max);

#endif
