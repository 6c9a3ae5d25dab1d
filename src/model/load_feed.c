/* load_feed.c - RSS (0.9x, 1.0, 2.0) and Atom 1.0 feeds, with libxml2.
 *
 * One article per <item> or <entry>. Never the network, never an external entity: a feed
 * cannot make qari read another file (XXE) or fetch a URL. A fault ends the feed and keeps
 * the items before it: the parser stops building its tree there, and what it built is read. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>

#include "loader.h"
#include "qari/date.h"
#include "qari/html.h"
#include "qari/text.h"
#include "qari/xalloc.h"

/* What a feed's text may cost: internal entities (<!ENTITY e "...">) expand from a budget per
 * feed, so 80 KB of "&e;" cannot become gigabytes; and one field's text is capped. */
#define LOAD_FEED_MAX_ENTITY_TEXT ((size_t)1 << 20)
#define LOAD_FEED_MAX_TEXT ((size_t)8 << 20)

/* No XML_PARSE_NOENT, DTDLOAD or DTDVALID: entities from outside are never loaded. */
#define LOAD_FEED_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_COMPACT | \
			   XML_PARSE_NOERROR | XML_PARSE_NOWARNING)

/* One feed being read. */
struct load_feed {
	struct corpus *c;
	const char *name;
	char *feed_title;  /* channel or feed title: the source of items that name none */
	size_t items;      /* items seen; the index of the last */
	struct load_skips empty;
	size_t entity_text; /* bytes of text expanded from entities so far */
	bool entities_cut;  /* the entity budget ran out: later references gave nothing */
	bool text_cut;      /* some field was cut at LOAD_FEED_MAX_TEXT */
	bool failed;       /* the first error is kept below */
	int line, col;
	char message[160];
};

/* The parts of one item, as nodes of its tree (NULL: absent), best candidate kept. */
struct load_feed_item {
	xmlNode *title, *link, *guid, *content, *summary, *date, *date2, *author, *source;
	char *href; /* Atom link href (owned) */
	int href_rank;
};

static void load_feed_error(void *arg, xmlErrorPtr err)
{
	struct load_feed *f = arg;
	size_t n;

	if (f->failed || err == NULL || err->level < XML_ERR_ERROR)
		return;
	f->failed = true;
	f->line = err->line;
	f->col = err->int2;
	snprintf(f->message, sizeof f->message, "%s", err->message ? err->message : "XML error");
	n = strlen(f->message);
	while (n > 0 && (f->message[n - 1] == '\n' || f->message[n - 1] == ' '))
		f->message[--n] = '\0';
}

static bool load_feed_is(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

static const char *load_feed_attr(const xmlNode *n, const char *name)
{
	for (const xmlAttr *a = n->properties; a; a = a->next)
		if (strcmp((const char *)a->name, name) == 0 && a->children &&
		    a->children->type == XML_TEXT_NODE)
			return (const char *)a->children->content;
	return NULL;
}

/* An Atom link: rel="alternate" (or none) beats the others. */
static void load_feed_link(struct load_feed_item *it, const xmlNode *n)
{
	const char *rel = load_feed_attr(n, "rel"), *href = load_feed_attr(n, "href");
	int rank = rel == NULL || strcmp(rel, "alternate") == 0 ? 2 : 1;

	if (href && rank > it->href_rank) {
		free(it->href);
		it->href = xstrdup(href);
		it->href_rank = rank;
	}
}

static void load_feed_sort(struct load_feed_item *it, xmlNode *n)
{
	const char *name = (const char *)n->name;
	const xmlNs *ns = n->ns;
	bool content_ns = ns && ns->href &&
			  strstr((const char *)ns->href, "purl.org/rss/1.0/modules/content");

	if (strcmp(name, "title") == 0)
		it->title = it->title ? it->title : n;
	else if (strcmp(name, "link") == 0 && load_feed_attr(n, "href"))
		load_feed_link(it, n);
	else if (strcmp(name, "link") == 0)
		it->link = it->link ? it->link : n;
	else if (strcmp(name, "guid") == 0 || strcmp(name, "id") == 0)
		it->guid = n;
	else if ((strcmp(name, "encoded") == 0 && content_ns) || strcmp(name, "content") == 0)
		it->content = n;
	else if (strcmp(name, "description") == 0 || strcmp(name, "summary") == 0)
		it->summary = n;
	else if (strcmp(name, "pubDate") == 0 || strcmp(name, "published") == 0 ||
		 strcmp(name, "issued") == 0)
		it->date = it->date ? it->date : n;
	else if (strcmp(name, "date") == 0 || strcmp(name, "updated") == 0 ||
		 strcmp(name, "modified") == 0)
		it->date2 = it->date2 ? it->date2 : n;
	else if (strcmp(name, "author") == 0 || strcmp(name, "creator") == 0)
		it->author = it->author ? it->author : n;
	else if (strcmp(name, "source") == 0)
		it->source = n;
}

/* Append the text under n (its siblings too when all) to sb, like xmlNodeGetContent but with
 * entity references expanded from the feed's budget and the text capped. */
static void load_feed_gather(struct load_feed *f, const xmlNode *n, bool all, int depth,
			     bool entity, struct strbuf *sb)
{
	for (; n; n = all ? n->next : NULL) {
		size_t k;
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			if (n->content == NULL)
				continue;
			k = strlen((const char *)n->content);
			if (entity && f->entity_text + k > LOAD_FEED_MAX_ENTITY_TEXT) {
				f->entities_cut = true;
				continue;
			}
			if (sb->len + k > LOAD_FEED_MAX_TEXT) {
				f->text_cut = true;
				return;
			}
			f->entity_text += entity ? k : 0;
			strbuf_append(sb, (const char *)n->content, k);
		} else if (n->type == XML_ENTITY_REF_NODE && depth < 8) {
			const xmlEntity *ent = xmlGetDocEntity(n->doc, n->name);
			if (ent && ent->etype == XML_INTERNAL_GENERAL_ENTITY)
				load_feed_gather(f, ent->children, true, depth + 1, true, sb);
		} else if (n->type == XML_ELEMENT_NODE && depth < 256) {
			load_feed_gather(f, n->children, true, depth + 1, entity, sb);
		}
	}
}

/* The text of a node; NULL when absent. */
static char *load_feed_text(struct load_feed *f, const xmlNode *n)
{
	struct strbuf sb = {0};

	if (n == NULL)
		return NULL;
	load_feed_gather(f, n, false, 0, false, &sb);
	return strbuf_take(&sb);
}

/* A title, name or URL field: text of the node, HTML flattened when it looks like HTML. */
static void load_feed_field(struct load_feed *f, char **field, const xmlNode *n)
{
	char *s = load_feed_text(f, n), *flat;

	if (s == NULL)
		return;
	flat = html_to_text(s, strlen(s));
	article_set_field(field, flat, strlen(flat));
	free(flat);
	free(s);
}

/* The body: RSS fields are HTML (or plain text); Atom says which with type=. */
static void load_feed_body(struct load_feed *f, struct article *a, xmlNode *n)
{
	const char *type = load_feed_attr(n, "type");
	char *s;

	if (type && strcmp(type, "xhtml") == 0) {
		html_add_node_paras(a, n->children);
		return;
	}
	if ((s = load_feed_text(f, n)) == NULL)
		return;
	if (type && strcmp(type, "html") == 0)
		html_add_paras(a, s, strlen(s));
	else if (type && strcmp(type, "text") == 0)
		html_add_lines(a, s, strlen(s));
	else
		html_add_content(a, s, strlen(s));
	free(s);
}

/* An author: Atom's <name>, RSS's "mail@example.com (Name)" as Name. */
static void load_feed_author(struct load_feed *f, struct article *a, xmlNode *n)
{
	char *open, *close;

	for (xmlNode *k = n->children; k; k = k->next)
		if (load_feed_is(k, "name")) {
			load_feed_field(f, &a->author, k);
			return;
		}
	load_feed_field(f, &a->author, n);
	if (a->author && (open = strchr(a->author, '(')) && (close = strrchr(open, ')')) &&
	    strchr(a->author, '@') && strchr(a->author, '@') < open) {
		char *name = xstrndup(open + 1, (size_t)(close - open - 1));
		article_set_field(&a->author, name, strlen(name));
		free(name);
	}
}

static void load_feed_date(struct load_feed *f, struct article *a, const xmlNode *n)
{
	char *s = load_feed_text(f, n);
	if (s)
		date_set_article(a, s, strlen(s));
	free(s);
}

static void load_feed_item(struct load_feed *f, xmlNode *item)
{
	struct load_feed_item it = {0};
	struct article *a = article_new(f->name);

	f->items++;
	for (xmlNode *n = item->children; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE)
			load_feed_sort(&it, n);
	if (it.content)
		load_feed_body(f, a, it.content);
	if (a->npara == 0 && it.summary)
		load_feed_body(f, a, it.summary);
	if (a->npara == 0) {
		article_free(a);
		free(it.href);
		load_empty(f->c);
		return;
	}
	if (it.title)
		load_feed_field(f, &a->title, it.title);
	if (it.href)
		article_set_field(&a->url, it.href, strlen(it.href));
	else if (it.link)
		load_feed_field(f, &a->url, it.link);
	else if (it.guid && !(load_feed_attr(it.guid, "isPermaLink") &&
			      strcmp(load_feed_attr(it.guid, "isPermaLink"), "false") == 0))
		load_feed_field(f, &a->url, it.guid);
	if (it.guid)
		load_feed_field(f, &a->guid, it.guid);
	if (a->url && strncmp(a->url, "http", 4) != 0)
		xfree(&a->url); /* a guid that is not a link */
	if (it.author)
		load_feed_author(f, a, it.author);
	if (it.source) /* RSS <source>Name</source>, Atom <source><title>Name</title></source> */
		for (xmlNode *k = it.source->children; k && !a->source; k = k->next)
			if (load_feed_is(k, "title"))
				load_feed_field(f, &a->source, k);
	if (it.source && !a->source && it.source->children &&
	    it.source->children->type == XML_TEXT_NODE)
		load_feed_field(f, &a->source, it.source);
	if (!a->source && f->feed_title)
		article_set_field(&a->source, f->feed_title, strlen(f->feed_title));
	if (it.date)
		load_feed_date(f, a, it.date);
	if (a->date == NULL && it.date2)
		load_feed_date(f, a, it.date2);
	free(it.href);
	corpus_add_item(f->c, a, f->items);
}

/* The items of the tree and the feed title: RSS 2.0 rss/channel/item, RSS 1.0 RDF/item,
 * Atom feed/entry. Items still open when the parser stopped are cut off and left out. */
static void load_feed_walk(struct load_feed *f, xmlNode *parent, int depth, bool atom,
			   xmlNode *const *open, int nopen)
{
	/* the title first, wherever it sits: it is the source of every item */
	for (xmlNode *n = parent->children; n && !f->feed_title; n = n->next)
		if (load_feed_is(n, "title")) {
			char *t = load_feed_text(f, n);
			f->feed_title = t ? html_to_text(t, strlen(t)) : NULL;
			free(t);
		}
	for (xmlNode *n = parent->children; n && !corpus_cancelled(f->c) && !load_budget_spent();
	     n = n->next) {
		bool cut = false;
		if (load_feed_is(n, "item") || load_feed_is(n, "entry")) {
			for (int i = 0; i < nopen; i++)
				cut = cut || open[i] == n;
			if (!cut)
				load_feed_item(f, n);
		} else if (depth == 1 && !atom && load_feed_is(n, "channel")) {
			load_feed_walk(f, n, 2, atom, open, nopen);
		}
	}
}

static void load_feed_report(struct load_feed *f)
{
	if (f->items)
		load_report_add(&f->c->report, "%s: line %d, column %d: %s (after item %zu; the items "
				"before it loaded)", f->name, f->line, f->col, f->message, f->items);
	else
		load_report_add(&f->c->report, "%s: line %d, column %d: %s", f->name, f->line, f->col,
				f->message);
}

/* libxml2 passes the parser context; our state hangs on its _private. */
static void load_feed_ctxt_error(void *ctxt, xmlErrorPtr err)
{
	load_feed_error(((xmlParserCtxtPtr)ctxt)->_private, err);
}

void load_feed(struct corpus *c, const char *name, const char *data, size_t len)
{
	struct load_feed f = {.c = c, .name = name};
	xmlParserCtxtPtr ctxt;
	xmlNode *root;
	bool atom;

	if (len > INT_MAX) {
		load_report_add(&c->report, "%s: file too large", name);
		return;
	}
	html_init();
	if ((ctxt = xmlCreateMemoryParserCtxt(data, (int)len)) == NULL) {
		load_report_add(&c->report, "%s: empty file", name);
		return;
	}
	xmlCtxtUseOptions(ctxt, LOAD_FEED_OPTIONS);
	ctxt->_private = &f;
	ctxt->sax->serror = load_feed_ctxt_error;
	xmlParseDocument(ctxt);
	/* without recovery the parser stops building at the first fault: the tree so far is
	 * whole up to there, and the elements still open are the ones it cut */
	root = ctxt->myDoc ? xmlDocGetRootElement(ctxt->myDoc) : NULL;
	if (root == NULL) {
		if (f.failed)
			load_feed_report(&f);
		else
			load_report_add(&c->report, "%s: empty file", name);
		goto out;
	}
	atom = strcmp((const char *)root->name, "feed") == 0;
	if (!atom && strcmp((const char *)root->name, "rss") != 0 &&
	    strcmp((const char *)root->name, "RDF") != 0) {
		load_report_add(&c->report, "%s: not an RSS or Atom feed (<%s>)", name,
				(const char *)root->name);
		goto out;
	}
	load_feed_walk(&f, root, 1, atom, f.failed ? ctxt->nodeTab : NULL,
		       f.failed ? ctxt->nodeNr : 0);
	if (f.failed)
		load_feed_report(&f);
	else if (f.items == 0)
		load_report_add(&c->report, "%s: a feed without items", name);
	if (f.entities_cut)
		load_report_add(&c->report, "%s: its entities expand to more than 1 MB; the rest "
				"were left out", name);
	if (f.text_cut)
		load_report_add(&c->report, "%s: an item's text is over 8 MB; cut there", name);
out:
	free(f.feed_title);
	xmlFreeDoc(ctxt->myDoc);
	ctxt->myDoc = NULL;
	xmlFreeParserCtxt(ctxt);
}
