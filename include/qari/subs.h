/* subs.h - subscriptions: the urls file and OPML.
 *
 * $XDG_CONFIG_HOME/qari/urls (default ~/.config/qari/urls) in newsboat's format, so that a
 * newsboat user can copy theirs: one feed a line, its URL first, then tags separated by
 * blanks ("quoted" when they hold blanks); a tag "~Name" names the feed; "#" starts a comment
 * outside quotes; blank lines are ignored. A line that is not a feed (no http(s) URL, an
 * unclosed quote, newsboat's query: and exec: feeds) is reported as "FILE:LINE: what" and
 * skipped. OPML 2.0: outlines with xmlUrl are feeds; the titles of the outlines around them
 * and the last parts of the paths in their category attribute become their tags, and a feed
 * met again under another folder gains that folder's tags. The export writes each feed under
 * its first tag's folder with all its tags in category, so a round trip keeps them. */
#ifndef QARI_SUBS_H
#define QARI_SUBS_H

#include <stdbool.h>
#include <stddef.h>

struct sub {
	char *url;
	char *name;   /* from ~Name, or NULL */
	char **tags;  /* without the ~Name */
	size_t ntags;
	unsigned line; /* in the file, 0: not from a file */
};

struct subs {
	struct sub *v;
	size_t n, cap;
	char **messages; /* "FILE:LINE: what is wrong" */
	size_t nmessages, msgcap;
};

/* The urls file's path (caller frees), NULL when no home is known. */
char *subs_default_path(void);
/* Read path (NULL: the default); a missing file is no subscriptions. False (with a message)
 * only when it exists and cannot be read. */
bool subs_read(struct subs *s, const char *path);
void subs_parse(struct subs *s, const char *name, const char *text, size_t len);
void subs_free(struct subs *s);
/* The subscription of url, or NULL. */
const struct sub *subs_find(const struct subs *s, const char *url);

/* One line of the urls file for sub (tags quoted as needed), without the newline. */
char *subs_format_line(const struct sub *sub);
/* Append subscriptions to the file at path (NULL: the default), atomically (the file is
 * rewritten beside and renamed). URLs already there are left out. False with *error. */
bool subs_append(const char *path, const struct sub *v, size_t n, size_t *added, char **error);

/* OPML: the feeds of a document into s (messages for what is wrong), and s as a document. */
void subs_parse_opml(struct subs *s, const char *name, const char *data, size_t len);
char *subs_to_opml(const struct subs *s);

#endif
