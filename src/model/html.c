/* html.c - HTML and plain-text fields into paragraphs.
 *
 * A tree walk over libxml2's HTML parser output: text is gathered into the current paragraph
 * with white space collapsed as a browser would; block boundaries flush it into the article. */
#include "qari/html.h"

#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "qari/text.h"
#include "qari/xalloc.h"

#define HTML_OPTIONS (HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | \
		      HTML_PARSE_NONET | HTML_PARSE_COMPACT)

/* Elements whose start and end break a paragraph. */
static const char *const html_blocks[] = {
	"address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
	"div", "dl", "dt", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
	"h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary",
	"table", "td", "th", "tr", "ul",
};
/* Elements whose content is never text to read. */
static const char *const html_skipped[] = {
	"head", "iframe", "noscript", "object", "script", "select", "style", "svg", "template",
	"textarea", "title",
};

struct html_walk {
	struct article *a;     /* paragraphs go here; NULL: one line into text */
	struct strbuf text;    /* the paragraph being gathered */
	bool space;            /* white space seen since the last character */
	int pre;               /* depth inside <pre>: white space kept, lines are paragraphs */
};

static pthread_once_t html_once = PTHREAD_ONCE_INIT;

/* qari never loads anything from outside a document: no DTD, no entity, no network. */
static xmlParserInputPtr html_no_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	(void)url;
	(void)id;
	(void)ctxt;
	return NULL;
}

static void html_init_once(void)
{
	xmlInitParser();
	xmlSetExternalEntityLoader(html_no_loader);
}

void html_init(void) { pthread_once(&html_once, html_init_once); }

static bool html_in(const char *name, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(name, list[i]) == 0)
			return true;
	return false;
}

#define HTML_IN(name, list) html_in((name), (list), sizeof(list) / sizeof *(list))

static bool html_is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* End the paragraph; on one line (a title) a break is just a space. */
static void html_break(struct html_walk *w)
{
	if (w->a == NULL) {
		w->space = w->text.len > 0;
		return;
	}
	if (w->text.len > 0)
		article_add_para(w->a, w->text.data, w->text.len);
	w->text.len = 0;
	w->space = false;
}

static void html_text(struct html_walk *w, const char *s)
{
	const char *run = s;

	for (; *s; s++) {
		if (w->pre && *s == '\n') {
			strbuf_append(&w->text, run, (size_t)(s - run));
			html_break(w);
			run = s + 1;
		} else if (!w->pre && html_is_space(*s)) {
			strbuf_append(&w->text, run, (size_t)(s - run));
			w->space = w->space || w->text.len > 0;
			run = s + 1;
		} else if (w->space && run == s) {
			strbuf_appendc(&w->text, ' ');
			w->space = false;
		}
	}
	strbuf_append(&w->text, run, (size_t)(s - run));
}

static void html_walk_node(struct html_walk *w, xmlNode *n)
{
	for (; n; n = n->next) {
		const char *name = (const char *)n->name;
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			if (n->content)
				html_text(w, (const char *)n->content);
		} else if (n->type == XML_ELEMENT_NODE) {
			bool block = HTML_IN(name, html_blocks), pre = strcmp(name, "pre") == 0;
			if (HTML_IN(name, html_skipped))
				continue;
			if (strcmp(name, "br") == 0) {
				html_break(w);
				continue;
			}
			if (block)
				html_break(w);
			w->pre += pre;
			html_walk_node(w, n->children);
			w->pre -= pre;
			if (block)
				html_break(w);
		} else if (n->type == XML_DOCUMENT_NODE || n->type == XML_HTML_DOCUMENT_NODE) {
			html_walk_node(w, n->children);
		}
	}
}

static void html_walk_string(struct html_walk *w, const char *s, size_t n)
{
	htmlDocPtr doc;

	if (n == 0 || n > INT_MAX)
		return;
	html_init();
	doc = htmlReadMemory(s, (int)n, NULL, "UTF-8", HTML_OPTIONS);
	if (doc == NULL)
		return;
	html_walk_node(w, doc->children);
	xmlFreeDoc(doc);
}

/* A tag starts at p: a letter, '/' or '!' after the '<', and a '>' somewhere after it. */
static bool html_tag_at(const char *p, const char *end, const char *last_gt)
{
	return p + 1 < end &&
	       (((p[1] | 0x20) >= 'a' && (p[1] | 0x20) <= 'z') || p[1] == '/' || p[1] == '!') &&
	       last_gt && last_gt > p;
}

/* A character reference starts at p: "&name;" or "&#123;" with at most 11 characters. */
static bool html_ref_at(const char *p, const char *end)
{
	const char *q = p + 1;

	if (q < end && *q == '#')
		q++;
	while (q < end && q - p < 12 &&
	       (((*q | 0x20) >= 'a' && (*q | 0x20) <= 'z') || (*q >= '0' && *q <= '9')))
		q++;
	return q < end && *q == ';' && q > p + 1 + (p[1] == '#');
}

/* memchr finds the few candidates: most article bodies hold neither '<' nor '&'. */
bool html_looks_like(const char *s, size_t n)
{
	const char *end = s + n, *last_gt = memrchr(s, '>', n);

	for (const char *p = memchr(s, '<', n); p; p = memchr(p + 1, '<', (size_t)(end - p - 1)))
		if (html_tag_at(p, end, last_gt))
			return true;
	for (const char *p = memchr(s, '&', n); p; p = memchr(p + 1, '&', (size_t)(end - p - 1)))
		if (html_ref_at(p, end))
			return true;
	return false;
}

void html_add_lines(struct article *a, const char *s, size_t n)
{
	const char *end = s + n;

	while (s < end) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		const char *stop = nl ? nl : end;
		article_add_para(a, s, (size_t)(stop - s)); /* trims; blank lines add nothing */
		s = stop + 1;
	}
}

void html_add_paras(struct article *a, const char *s, size_t n)
{
	struct html_walk w = {.a = a};
	html_walk_string(&w, s, n);
	html_break(&w);
	strbuf_free(&w.text);
}

void html_add_node_paras(struct article *a, xmlNode *node)
{
	struct html_walk w = {.a = a};
	html_walk_node(&w, node);
	html_break(&w);
	strbuf_free(&w.text);
}

void html_add_content(struct article *a, const char *s, size_t n)
{
	if (html_looks_like(s, n))
		html_add_paras(a, s, n);
	else
		html_add_lines(a, s, n);
}

char *html_to_text(const char *s, size_t n)
{
	struct html_walk w = {0};
	char *out;

	if (html_looks_like(s, n)) {
		html_walk_string(&w, s, n);
	} else {
		w.space = false;
		for (size_t i = 0; i < n; i++) {
			if (html_is_space(s[i])) {
				w.space = w.text.len > 0;
			} else {
				if (w.space)
					strbuf_appendc(&w.text, ' ');
				w.space = false;
				strbuf_appendc(&w.text, s[i]);
			}
		}
	}
	out = text_sanitize_utf8(w.text.data ? w.text.data : "", w.text.len);
	strbuf_free(&w.text);
	return out;
}
