/* article.h - the article model: one news story in memory.
 *
 * Every string is valid UTF-8 (loaders replace invalid bytes with U+FFFD) and owned by the
 * article. Control characters may remain: the layout layer neutralises them on display. */
#ifndef QARI_ARTICLE_H
#define QARI_ARTICLE_H

#include <stddef.h>
#include <stdint.h>

#define ARTICLE_ID_LEN 12 /* hex digits of the stable id */

enum text_dir {
	TEXT_DIR_LTR,
	TEXT_DIR_RTL,
};

struct article {
	char id[ARTICLE_ID_LEN + 1]; /* short hash of the URL, else of the path */
	char *title;
	char *date;   /* ISO 8601 "YYYY-MM-DD[ hh:mm[:ss]]", or NULL when unknown */
	int64_t date_key; /* seconds since the epoch, INT64_MIN when unknown: sorting */
	char *url;    /* source URL, or NULL */
	char *source; /* source name (site, agency), or NULL */
	char *author; /* or NULL */
	char *guid;   /* the feed's id of the item (RSS guid, Atom id), or NULL */
	char *path;   /* file it came from (archive!member for archive members) */
	char **paras; /* body paragraphs in reading order */
	size_t npara;
	enum text_dir dir; /* dominant direction of the whole article (HL1) */
	/* The dateline that opens the first paragraph («الرياض - واس», dateline.h): metadata,
	 * not story. Its place and agency (NULL when absent) and the bytes of paras[0] it
	 * takes (0: none). */
	char *dateline_place, *dateline_agency;
	size_t dateline_end;
	size_t text_bytes; /* bytes of title and paragraphs, for memory figures */
};

struct article *article_new(const char *path);
void article_free(struct article *a);
/* A headline as the article keeps it: trimmed, each run of white space one space, without a
 * news agency's section label, valid UTF-8; NULL when nothing is left. */
char *article_title_dup(const char *s, size_t n);
void article_set_title(struct article *a, const char *s, size_t n);
/* The bytes of a news agency's section label opening title s («عام / », «اقتصادي / »), which
 * article_set_title drops, or 0 (for titles stored before it did). */
size_t article_title_label(const char *s, size_t n);
void article_add_para(struct article *a, const char *s, size_t n);
/* Append a paragraph that is already trimmed, non-empty valid UTF-8; the article owns it. */
void article_take_para(struct article *a, char *s);
void article_set_field(char **field, const char *s, size_t n); /* trimmed, sanitised copy */
/* Compute id (from the URL, else from id_key: the path relative to the folder it was found
 * in, so that ids do not depend on where the corpus lives), direction and a fallback title. */
void article_finish(struct article *a, const char *id_key);

/* Stable id: 12 hex digits of FNV-1a 64 over the key (URL or path). */
void article_make_id(const char *key, char out[ARTICLE_ID_LEN + 1]);

#endif
