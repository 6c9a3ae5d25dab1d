/* fetch_charset.c - what a fetched body is: its charset (header, BOM, XML declaration, HTML
 * meta) and its conversion to UTF-8 with iconv, whether it is a web page, and the feed a web
 * page links to. */
#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <libxml/HTMLparser.h>
#include <libxml/uri.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "qari/fetch.h"
#include "qari/html.h"
#include "qari/xalloc.h"

#define FETCH_SNIFF_BYTES 2048 /* where a declaration or meta must be */

/* A charset name: letters, digits and - _ . : (lower case copy), NULL when there is none. */
static char *fetch_charset_name(const char *p, const char *end)
{
	const char *s = p;
	char *out;
	while (s < end && (isalnum((unsigned char)*s) || strchr("-_.:", *s)))
		s++;
	if (s == p || s - p > 40)
		return NULL;
	out = xstrndup(p, (size_t)(s - p));
	for (char *c = out; *c; c++)
		*c = (char)tolower((unsigned char)*c);
	return out;
}

/* The value after "charset=" (or "encoding=") in [p, end), quotes and blanks skipped. */
static char *fetch_charset_after(const char *p, const char *end, const char *key)
{
	size_t k = strlen(key);
	for (; p + k <= end; p++) {
		if (strncasecmp(p, key, k) != 0)
			continue;
		p += k;
		while (p < end && (*p == ' ' || *p == '=' || *p == '"' || *p == '\''))
			p++;
		return fetch_charset_name(p, end);
	}
	return NULL;
}

static const char *fetch_memcasemem(const char *h, size_t n, const char *needle)
{
	size_t k = strlen(needle);
	for (size_t i = 0; i + k <= n; i++)
		if (strncasecmp(h + i, needle, k) == 0)
			return h + i;
	return NULL;
}

char *fetch_charset(const char *body, size_t len, const char *content_type)
{
	size_t n = len < FETCH_SNIFF_BYTES ? len : FETCH_SNIFF_BYTES;
	const char *decl, *meta;
	char *cs;

	if (content_type && (cs = fetch_charset_after(content_type,
						      content_type + strlen(content_type),
						      "charset")) != NULL)
		return cs;
	if (len >= 3 && memcmp(body, "\xEF\xBB\xBF", 3) == 0)
		return NULL;
	if (len >= 2 && (memcmp(body, "\xFF\xFE", 2) == 0 || memcmp(body, "\xFE\xFF", 2) == 0))
		return xstrdup(body[0] == '\xFF' ? "utf-16le" : "utf-16be");
	if (n >= 5 && memcmp(body, "<?xml", 5) == 0) {
		const char *close = memchr(body, '>', n);
		decl = body;
		if (close)
			return fetch_charset_after(decl, close, "encoding");
		return NULL;
	}
	/* <meta charset="…"> or <meta http-equiv="Content-Type" content="…; charset=…"> */
	for (meta = body; (meta = fetch_memcasemem(meta, n - (size_t)(meta - body), "<meta")) != NULL;
	     meta += 5) {
		const char *close = memchr(meta, '>', n - (size_t)(meta - body));
		if (close == NULL)
			break;
		if ((cs = fetch_charset_after(meta, close, "charset")) != NULL)
			return cs;
	}
	return NULL;
}

static bool fetch_is_utf8_name(const char *cs)
{
	return cs == NULL || strcmp(cs, "utf-8") == 0 || strcmp(cs, "utf8") == 0 ||
	       strcmp(cs, "us-ascii") == 0 || strcmp(cs, "ascii") == 0;
}

/* The XML declaration's encoding now says UTF-8 (the body was converted). */
static void fetch_fix_declaration(struct strbuf *sb)
{
	char *close, *enc;
	size_t at, end;
	if (sb->len < 5 || memcmp(sb->data, "<?xml", 5) != 0 ||
	    (close = memchr(sb->data, '>', sb->len)) == NULL)
		return;
	enc = (char *)fetch_memcasemem(sb->data, (size_t)(close - sb->data), "encoding");
	if (enc == NULL)
		return;
	at = (size_t)(enc - sb->data);
	end = at + 8;
	while (end < (size_t)(close - sb->data) && strchr(" =\"'", sb->data[end]))
		end++;
	while (end < (size_t)(close - sb->data) && !strchr(" \"'?", sb->data[end]))
		end++;
	while (end < (size_t)(close - sb->data) && strchr("\"'", sb->data[end]))
		end++;
	{
		struct strbuf out = {0};
		strbuf_append(&out, sb->data, at);
		strbuf_append(&out, "encoding=\"UTF-8\"", 16);
		strbuf_append(&out, sb->data + end, sb->len - end);
		strbuf_free(sb);
		*sb = out;
	}
}

char *fetch_to_utf8(const char *body, size_t len, const char *content_type, size_t *out_len,
		    char **error)
{
	char *cs = fetch_charset(body, len, content_type);
	struct strbuf sb = {0};
	iconv_t cd;
	char *in = (char *)body, buf[4096];
	size_t left = len;

	if (fetch_is_utf8_name(cs)) {
		free(cs);
		if (len >= 3 && memcmp(body, "\xEF\xBB\xBF", 3) == 0)
			body += 3, len -= 3;
		*out_len = len;
		return xstrndup(body, len);
	}
	if ((cd = iconv_open("UTF-8", cs)) == (iconv_t)-1) {
		*error = xasprintf("unknown charset %s", cs);
		free(cs);
		return NULL;
	}
	while (left > 0) {
		char *out = buf;
		size_t room = sizeof buf;
		size_t rc = iconv(cd, &in, &left, &out, &room);
		strbuf_append(&sb, buf, (size_t)(out - buf));
		if (rc == (size_t)-1 && errno != E2BIG) {
			/* a byte not in the charset: U+FFFD, and on */
			strbuf_append(&sb, "\xEF\xBF\xBD", 3);
			in++, left--;
		}
	}
	iconv_close(cd);
	free(cs);
	if (sb.data == NULL)
		strbuf_append(&sb, "", 0);
	fetch_fix_declaration(&sb);
	*out_len = sb.len;
	return strbuf_take(&sb);
}

bool fetch_is_html(const char *body, size_t len, const char *content_type)
{
	size_t n = len < FETCH_SNIFF_BYTES ? len : FETCH_SNIFF_BYTES;
	if (content_type && strncasecmp(content_type, "text/html", 9) == 0)
		return true;
	if (content_type && (strstr(content_type, "xml") || strstr(content_type, "rss")))
		return false;
	return fetch_memcasemem(body, n, "<html") != NULL ||
	       fetch_memcasemem(body, n, "<!doctype html") != NULL;
}

static bool fetch_rel_alternate(const char *rel)
{
	const char *p = rel;
	while (*p) {
		size_t k;
		while (*p == ' ' || *p == '\t')
			p++;
		k = strcspn(p, " \t");
		if (k == 9 && strncasecmp(p, "alternate", 9) == 0)
			return true;
		p += k;
	}
	return false;
}

static char *fetch_find_link(xmlNode *n, const char *base, int depth)
{
	for (; n && depth < 64; n = n->next) {
		char *found = NULL;
		if (n->type == XML_ELEMENT_NODE && strcasecmp((const char *)n->name, "link") == 0) {
			xmlChar *rel = xmlGetProp(n, (const xmlChar *)"rel");
			xmlChar *type = xmlGetProp(n, (const xmlChar *)"type");
			xmlChar *href = xmlGetProp(n, (const xmlChar *)"href");
			if (rel && type && href && fetch_rel_alternate((const char *)rel) &&
			    (strcasecmp((const char *)type, "application/rss+xml") == 0 ||
			     strcasecmp((const char *)type, "application/atom+xml") == 0)) {
				xmlChar *abs = xmlBuildURI(href, (const xmlChar *)base);
				found = xstrdup((const char *)(abs ? abs : href));
				xmlFree(abs);
			}
			xmlFree(rel);
			xmlFree(type);
			xmlFree(href);
		}
		if (found == NULL && n->children)
			found = fetch_find_link(n->children, base, depth + 1);
		if (found)
			return found;
	}
	return NULL;
}

char *fetch_discover_feed(const char *html, size_t len, const char *base)
{
	htmlDocPtr doc;
	char *found = NULL;

	if (len > (1u << 30))
		return NULL;
	html_init();
	doc = htmlReadMemory(html, (int)len, base, "UTF-8",
			     HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
			     HTML_PARSE_NONET);
	if (doc && xmlDocGetRootElement(doc))
		found = fetch_find_link(xmlDocGetRootElement(doc), base, 0);
	xmlFreeDoc(doc);
	if (found && strncmp(found, "http://", 7) != 0 && strncmp(found, "https://", 8) != 0)
		xfree(&found);
	return found;
}
