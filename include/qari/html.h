/* html.h - article bodies from HTML or plain text fields (JSON values, feed content).
 *
 * HTML goes through libxml2's HTML parser (never the network): block elements and <br> end a
 * paragraph, scripts and styles are dropped, entities decoded, white space collapsed. */
#ifndef QARI_HTML_H
#define QARI_HTML_H

#include <stdbool.h>
#include <stddef.h>

#include "qari/article.h"

struct _xmlNode;

/* Initialise libxml2 once per process; safe from any thread. */
void html_init(void);

/* True when s holds a tag (<p>, </div>, <br/>, <!-- -->) or a character reference (&amp;). */
bool html_looks_like(const char *s, size_t n);

/* Add the paragraphs of s to a: parsed as HTML when it looks like HTML, else one paragraph per
 * non-blank line. */
void html_add_content(struct article *a, const char *s, size_t n);
/* The same for HTML already known to be HTML, and for a parsed tree (Atom's XHTML content). */
void html_add_paras(struct article *a, const char *s, size_t n);
void html_add_node_paras(struct article *a, struct _xmlNode *node);
/* Plain text: one paragraph per non-blank line. */
void html_add_lines(struct article *a, const char *s, size_t n);

/* The text of a fragment on one line (titles, names): tags dropped, entities decoded, white
 * space collapsed. Plain text comes back trimmed. Caller frees. */
char *html_to_text(const char *s, size_t n);

#endif
