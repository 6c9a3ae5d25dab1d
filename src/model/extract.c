/* extract.c - a page's main text by text density: paragraphs vote for their container. */
#include "qari/extract.h"

#include <libxml/HTMLparser.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "qari/html.h"
#include "qari/text.h"
#include "qari/xalloc.h"

#define EXTRACT_MIN_PARA 25   /* bytes of text for a paragraph to vote */
#define EXTRACT_MAX_DEPTH 200
#define EXTRACT_MAX_LINK_SHARE 0.5 /* a paragraph more than half links is furniture */

struct extract_node {
	const xmlNode *node;
	double score;
};

struct extract {
	struct extract_node *v; /* containers that got votes */
	size_t n, cap;
};

static bool extract_is(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && strcasecmp((const char *)n->name, name) == 0;
}

/* Elements that are never the text. */
static bool extract_dropped_tag(const xmlNode *n)
{
	static const char *const tags[] = {"script", "style", "noscript", "nav", "header", "footer",
		"aside", "form", "iframe", "svg", "button", "select", "template", "object", "embed"};
	for (size_t i = 0; i < sizeof tags / sizeof *tags; i++)
		if (extract_is(n, tags[i]))
			return true;
	return false;
}

/* class or id naming furniture. */
static bool extract_furniture(const xmlNode *n)
{
	static const char *const words[] = {"nav", "menu", "footer", "header", "sidebar", "comment",
		"share", "social", "related", "advert", "ads-", "-ads", "promo", "breadcrumb",
		"cookie", "subscribe", "newsletter", "widget", "banner", "popup", "sponsor"};
	static const char *const attrs[] = {"class", "id"};
	bool hit = false;
	for (size_t a = 0; a < 2 && !hit; a++) {
		xmlChar *v = xmlGetProp(n, (const xmlChar *)attrs[a]);
		for (size_t i = 0; v && i < sizeof words / sizeof *words && !hit; i++)
			hit = strcasestr((const char *)v, words[i]) != NULL;
		if (v && !hit && strcasecmp((const char *)v, "ad") == 0)
			hit = true;
		xmlFree(v);
	}
	return hit;
}

static bool extract_skipped(const xmlNode *n)
{
	return n->type == XML_COMMENT_NODE ||
	       (n->type == XML_ELEMENT_NODE && (extract_dropped_tag(n) || extract_furniture(n)));
}

/* The text under n (skipped elements left out), and how much of it sits in links. */
static void extract_text(const xmlNode *n, struct strbuf *sb, size_t *link_bytes, bool in_link,
			 int depth)
{
	for (const xmlNode *k = n->children; k && depth < EXTRACT_MAX_DEPTH; k = k->next) {
		if (extract_skipped(k))
			continue;
		if (k->type == XML_TEXT_NODE || k->type == XML_CDATA_SECTION_NODE) {
			size_t len = strlen((const char *)k->content);
			strbuf_append(sb, (const char *)k->content, len);
			if (in_link)
				*link_bytes += len;
		} else if (k->type == XML_ELEMENT_NODE) {
			if (extract_is(k, "br"))
				strbuf_appendc(sb, ' ');
			extract_text(k, sb, link_bytes, in_link || extract_is(k, "a"), depth + 1);
		}
	}
}

/* White space collapsed and trimmed, invalid UTF-8 replaced (caller frees). */
static char *extract_clean(const char *s, size_t n)
{
	struct strbuf sb = {0};
	bool space = false;
	char *clean;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
			space = sb.len > 0;
			continue;
		}
		if (space)
			strbuf_appendc(&sb, ' ');
		space = false;
		strbuf_appendc(&sb, (char)c);
	}
	clean = text_sanitize_utf8(sb.data ? sb.data : "", sb.len);
	strbuf_free(&sb);
	return clean;
}

static bool extract_is_para(const xmlNode *n)
{
	return extract_is(n, "p") || extract_is(n, "pre") || extract_is(n, "blockquote");
}

static void extract_vote(struct extract *x, const xmlNode *n, double score)
{
	for (size_t i = 0; i < x->n; i++)
		if (x->v[i].node == n) {
			x->v[i].score += score;
			return;
		}
	xgrow(&x->v, &x->cap, x->n + 1, sizeof *x->v);
	x->v[x->n++] = (struct extract_node){n, score};
}

/* Every paragraph with enough text of its own votes for its parent (and half for the one
 * above): more text and commas, more votes; links count against it. */
static void extract_walk(struct extract *x, const xmlNode *n, int depth)
{
	for (const xmlNode *k = n->children; k && depth < EXTRACT_MAX_DEPTH; k = k->next) {
		if (k->type != XML_ELEMENT_NODE || extract_skipped(k))
			continue;
		if (extract_is_para(k) && k->parent) {
			struct strbuf sb = {0};
			size_t links = 0;
			extract_text(k, &sb, &links, false, depth);
			if (sb.len >= EXTRACT_MIN_PARA && links <= sb.len * EXTRACT_MAX_LINK_SHARE) {
				double commas = 0, score;
				for (size_t i = 0; i < sb.len; i++)
					commas += sb.data[i] == ',' || (i + 1 < sb.len &&
						  memcmp(sb.data + i, "\xD8\x8C", 2) == 0); /* ، */
				score = 1 + commas + (double)(sb.len < 600 ? sb.len : 600) / 100.0;
				score *= 1.0 - (double)links / (double)sb.len;
				extract_vote(x, k->parent, score);
				if (k->parent->parent && k->parent->parent->type == XML_ELEMENT_NODE)
					extract_vote(x, k->parent->parent, score / 2);
			}
			strbuf_free(&sb);
		}
		extract_walk(x, k, depth + 1);
	}
}

struct extract_out {
	char **v;
	size_t n, cap;
};

/* The paragraphs, headings, list items and quotes under the chosen container, in order. */
static void extract_collect(struct extract_out *o, const xmlNode *n, int depth)
{
	for (const xmlNode *k = n->children; k && depth < EXTRACT_MAX_DEPTH; k = k->next) {
		bool block;
		if (k->type != XML_ELEMENT_NODE || extract_skipped(k))
			continue;
		block = extract_is_para(k) || extract_is(k, "li") || extract_is(k, "h2") ||
			extract_is(k, "h3") || extract_is(k, "h4");
		if (block) {
			struct strbuf sb = {0};
			size_t links = 0;
			char *clean;
			extract_text(k, &sb, &links, false, depth);
			clean = extract_clean(sb.data ? sb.data : "", sb.len);
			if (*clean && links <= sb.len * EXTRACT_MAX_LINK_SHARE) {
				xgrow(&o->v, &o->cap, o->n + 1, sizeof *o->v);
				o->v[o->n++] = clean;
			} else
				free(clean);
			strbuf_free(&sb);
		} else
			extract_collect(o, k, depth + 1);
	}
}

size_t extract_main_text(const char *html, size_t len, char ***paras)
{
	struct extract x = {0};
	struct extract_out o = {0};
	htmlDocPtr doc;
	const xmlNode *root, *best = NULL;
	double top = 0;

	*paras = NULL;
	if (len > (1u << 30))
		return 0;
	html_init();
	doc = htmlReadMemory(html, (int)len, NULL, "UTF-8",
			     HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
			     HTML_PARSE_NONET | HTML_PARSE_NOBLANKS);
	root = doc ? xmlDocGetRootElement(doc) : NULL;
	if (root)
		extract_walk(&x, root, 0);
	for (size_t i = 0; i < x.n; i++)
		if (x.v[i].score > top)
			top = x.v[i].score, best = x.v[i].node;
	if (best)
		extract_collect(&o, best, 0);
	free(x.v);
	xmlFreeDoc(doc);
	*paras = o.v;
	return o.n;
}
