/* subs.c - the urls file (newsboat's format) and OPML import and export. */
#include "qari/subs.h"

#include <errno.h>
#include <fcntl.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "qari/fsutil.h"
#include "qari/html.h"
#include "qari/xalloc.h"

#define SUBS_MAX_FILE (16u << 20)
#define SUBS_OPML_DEPTH 32

char *subs_default_path(void)
{
	char *dir = fsutil_xdg_dir("XDG_CONFIG_HOME", ".config"), *p;
	if (dir == NULL)
		return NULL;
	p = xasprintf("%s/urls", dir);
	free(dir);
	return p;
}

static void subs_message(struct subs *s, char *m)
{
	xgrow(&s->messages, &s->msgcap, s->nmessages + 1, sizeof *s->messages);
	s->messages[s->nmessages++] = m;
}

/* http(s), and no control characters or blanks (they would not survive a round trip). */
static bool subs_is_feed_url(const char *u)
{
	if (strncmp(u, "http://", 7) != 0 && strncmp(u, "https://", 8) != 0)
		return false;
	for (const unsigned char *p = (const unsigned char *)u; *p; p++)
		if (*p <= ' ' || *p == 0x7f)
			return false;
	return true;
}

/* Control characters cannot be written back into a line, so a tag or name never holds one. */
static void subs_drop_controls(char *t)
{
	char *w = t;
	for (const char *r = t; *r; r++)
		if ((unsigned char)*r >= ' ' && *r != 0x7f)
			*w++ = *r;
	*w = '\0';
}

static void subs_add_tag(struct sub *sub, const char *t, size_t n)
{
	if (n > 1 && t[0] == '~') {
		free(sub->name);
		sub->name = xstrndup(t + 1, n - 1);
		return;
	}
	for (size_t i = 0; i < sub->ntags; i++)
		if (strlen(sub->tags[i]) == n && memcmp(sub->tags[i], t, n) == 0)
			return;
	sub->tags = xreallocarray(sub->tags, sub->ntags + 1, sizeof *sub->tags);
	sub->tags[sub->ntags++] = xstrndup(t, n);
}

static void subs_free_one(struct sub *sub)
{
	free(sub->url);
	free(sub->name);
	for (size_t i = 0; i < sub->ntags; i++)
		free(sub->tags[i]);
	free(sub->tags);
}

/* The next token of a line: blank-separated, "quoted" (\" and \\ inside), # ends the line.
 * Returns the token (caller frees), NULL at the end; *bad when a quote is not closed. */
static char *subs_token(const char **p, const char *end, bool *bad)
{
	const char *s = *p;
	struct strbuf sb = {0};

	while (s < end && (*s == ' ' || *s == '\t'))
		s++;
	if (s == end || *s == '#') {
		*p = end;
		return NULL;
	}
	if (*s == '"') {
		for (s++; s < end && *s != '"'; s++) {
			if (*s == '\\' && s + 1 < end)
				s++;
			strbuf_appendc(&sb, *s);
		}
		if (s == end) {
			*bad = true;
			strbuf_free(&sb);
			*p = end;
			return NULL;
		}
		s++;
	} else {
		while (s < end && *s != ' ' && *s != '\t')
			strbuf_appendc(&sb, *s++);
	}
	*p = s;
	return sb.data ? strbuf_take(&sb) : xstrdup("");
}

static void subs_line(struct subs *s, const char *name, unsigned lineno, const char *p,
		      const char *end)
{
	struct sub sub = {.line = lineno};
	bool bad = false;
	char *t = subs_token(&p, end, &bad);

	if (t == NULL && !bad)
		return; /* blank or a comment */
	if (bad || t == NULL) {
		subs_message(s, xasprintf("%s:%u: a quote is not closed", name, lineno));
		free(t);
		return;
	}
	if (!subs_is_feed_url(t)) {
		subs_message(s, xasprintf("%s:%u: not a feed URL (http:// or https://): %.80s", name,
					  lineno, t));
		free(t);
		return;
	}
	sub.url = t;
	while ((t = subs_token(&p, end, &bad)) != NULL) {
		subs_drop_controls(t);
		if (*t)
			subs_add_tag(&sub, t, strlen(t));
		free(t);
	}
	if (bad) {
		subs_message(s, xasprintf("%s:%u: a quote is not closed", name, lineno));
		subs_free_one(&sub);
		return;
	}
	if (subs_find(s, sub.url)) {
		subs_message(s, xasprintf("%s:%u: %s is there already", name, lineno, sub.url));
		subs_free_one(&sub);
		return;
	}
	xgrow(&s->v, &s->cap, s->n + 1, sizeof *s->v);
	s->v[s->n++] = sub;
}

void subs_parse(struct subs *s, const char *name, const char *text, size_t len)
{
	const char *p = text, *end = text + len;
	unsigned lineno = 0;

	if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p)), *e = nl ? nl : end;
		lineno++;
		if (e > p && e[-1] == '\r')
			e--;
		if (memchr(p, '\0', (size_t)(e - p)))
			subs_message(s, xasprintf("%s:%u: a NUL byte", name, lineno));
		else
			subs_line(s, name, lineno, p, e);
		p = nl ? nl + 1 : end;
	}
}

bool subs_read(struct subs *s, const char *path)
{
	char *own = path ? NULL : subs_default_path(), *text;
	size_t len;
	bool ok = true;

	memset(s, 0, sizeof *s);
	path = path ? path : own;
	if (path == NULL)
		return true;
	text = fsutil_read_file(path, SUBS_MAX_FILE, &len);
	if (text) {
		subs_parse(s, path, text, len);
		free(text);
	} else if (errno != ENOENT) {
		subs_message(s, xasprintf("%s: %s", path, strerror(errno)));
		ok = false;
	}
	free(own);
	return ok;
}

void subs_free(struct subs *s)
{
	for (size_t i = 0; i < s->n; i++)
		subs_free_one(&s->v[i]);
	free(s->v);
	for (size_t i = 0; i < s->nmessages; i++)
		free(s->messages[i]);
	free(s->messages);
	memset(s, 0, sizeof *s);
}

const struct sub *subs_find(const struct subs *s, const char *url)
{
	for (size_t i = 0; i < s->n; i++)
		if (strcmp(s->v[i].url, url) == 0)
			return &s->v[i];
	return NULL;
}

/* A token as the parser reads it back: quoted when it holds blanks, quotes, # or nothing. */
static void subs_put_token(struct strbuf *sb, const char *prefix, const char *t)
{
	bool quote = *t == '\0' || strpbrk(t, " \t\"#\\") != NULL;
	strbuf_appendc(sb, ' ');
	if (quote)
		strbuf_appendc(sb, '"');
	strbuf_append(sb, prefix, strlen(prefix));
	for (; *t; t++) {
		if (quote && (*t == '"' || *t == '\\'))
			strbuf_appendc(sb, '\\');
		strbuf_appendc(sb, *t);
	}
	if (quote)
		strbuf_appendc(sb, '"');
}

char *subs_format_line(const struct sub *sub)
{
	struct strbuf sb = {0};
	strbuf_append(&sb, sub->url, strcspn(sub->url, " \t\r\n"));
	for (size_t i = 0; i < sub->ntags; i++)
		subs_put_token(&sb, "", sub->tags[i]);
	if (sub->name)
		subs_put_token(&sb, "~", sub->name);
	return strbuf_take(&sb);
}

/* Write text to path whole: a temp file beside it, fsync, rename, fsync of the folder. */
static bool subs_write_atomic(const char *path, const char *text, size_t len, char **error)
{
	char *tmp = xasprintf("%s.tmp.%ld", path, (long)getpid()), *dir = xstrdup(path), *slash;
	int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	bool ok = fd >= 0 && fsutil_write_all(fd, text, len) && fsync(fd) == 0;

	if (fd >= 0 && close(fd) != 0)
		ok = false;
	if (ok && rename(tmp, path) != 0)
		ok = false;
	if (!ok) {
		*error = xasprintf("%s: %s", path, strerror(errno));
		unlink(tmp);
	} else if ((slash = strrchr(dir, '/')) != NULL) {
		*slash = '\0';
		if ((fd = open(*dir ? dir : "/", O_RDONLY | O_DIRECTORY | O_CLOEXEC)) >= 0) {
			fsync(fd);
			close(fd);
		}
	}
	free(tmp);
	free(dir);
	return ok;
}

bool subs_append(const char *path, const struct sub *v, size_t n, size_t *added, char **error)
{
	char *own = path ? NULL : subs_default_path(), *old, *dir, *slash;
	struct strbuf sb = {0};
	struct subs have;
	size_t len = 0;
	bool ok = true;

	*added = 0;
	path = path ? path : own;
	if (path == NULL)
		return *error = xstrdup("no home folder: no place for the urls file"), false;
	dir = xstrdup(path);
	if ((slash = strrchr(dir, '/')) != NULL && slash != dir) {
		*slash = '\0';
		fsutil_mkdirs(dir, 0700);
	}
	free(dir);
	old = fsutil_read_file(path, SUBS_MAX_FILE, &len);
	if (old == NULL && errno != ENOENT) {
		*error = xasprintf("%s: %s", path, strerror(errno));
		free(own);
		return false;
	}
	memset(&have, 0, sizeof have);
	if (old) {
		subs_parse(&have, path, old, len);
		strbuf_append(&sb, old, len);
		if (len && old[len - 1] != '\n')
			strbuf_appendc(&sb, '\n');
	}
	for (size_t i = 0; i < n; i++) {
		char *line;
		if (subs_find(&have, v[i].url))
			continue;
		line = subs_format_line(&v[i]);
		strbuf_printf(&sb, "%s\n", line);
		free(line);
		/* a URL twice in v is added once */
		xgrow(&have.v, &have.cap, have.n + 1, sizeof *have.v);
		have.v[have.n++] = (struct sub){.url = xstrdup(v[i].url)};
		(*added)++;
	}
	if (*added)
		ok = subs_write_atomic(path, sb.data, sb.len, error);
	subs_free(&have);
	strbuf_free(&sb);
	free(old);
	free(own);
	return ok;
}

/* OPML */

static char *subs_attr(xmlNode *n, const char *name)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	char *s = v ? xstrdup((const char *)v) : NULL;
	xmlFree(v);
	return s;
}

/* OPML 2.0's category attribute: comma-separated, each "/a/b" a path; a path's last part is
 * the tag (qari's tags are flat). */
static void subs_opml_categories(struct sub *sub, const char *cats)
{
	while (cats && *cats) {
		size_t n = strcspn(cats, ",");
		const char *t = cats, *slash;
		while (n > 0 && (slash = memchr(t, '/', n)) != NULL)
			n -= (size_t)(slash + 1 - t), t = slash + 1;
		if (n > 0)
			subs_add_tag(sub, t, n);
		cats = t + n + (t[n] == ',');
	}
}

/* A feed's outline under the folders tags[0, depth): a feed met again (under another folder,
 * which is how some readers write a feed of several tags) gains that folder's tags. */
static void subs_opml_feed(struct subs *s, xmlNode *n, char *url, char *title, char **tags,
			   int depth)
{
	struct sub *sub = NULL;
	char *cats = subs_attr(n, "category");

	if (cats)
		subs_drop_controls(cats);
	for (size_t i = 0; i < s->n && sub == NULL; i++)
		if (strcmp(s->v[i].url, url) == 0)
			sub = &s->v[i];
	if (sub == NULL) {
		xgrow(&s->v, &s->cap, s->n + 1, sizeof *s->v);
		sub = &s->v[s->n++];
		*sub = (struct sub){.url = url, .name = title, .line = (unsigned)xmlGetLineNo(n)};
	} else {
		free(url);
		free(title);
	}
	for (int d = 0; d < depth; d++)
		subs_add_tag(sub, tags[d], strlen(tags[d]));
	subs_opml_categories(sub, cats);
	free(cats);
}

static void subs_opml_walk(struct subs *s, const char *name, xmlNode *parent, char **tags,
			   int depth)
{
	for (xmlNode *n = parent->children; n; n = n->next) {
		char *url, *title;
		if (n->type != XML_ELEMENT_NODE || strcmp((const char *)n->name, "outline") != 0)
			continue;
		url = subs_attr(n, "xmlUrl");
		title = subs_attr(n, "title");
		if (title == NULL)
			title = subs_attr(n, "text");
		if (title)
			subs_drop_controls(title);
		if (url && subs_is_feed_url(url)) {
			subs_opml_feed(s, n, url, title, tags, depth);
			url = title = NULL;
		} else if (url && !subs_is_feed_url(url)) {
			subs_message(s, xasprintf("%s:%ld: not a feed URL: %.80s", name,
						  xmlGetLineNo(n), url));
		} else if (url == NULL && depth < SUBS_OPML_DEPTH && title) {
			tags[depth] = title;
			subs_opml_walk(s, name, n, tags, depth + 1);
		}
		free(url);
		free(title);
	}
}

void subs_parse_opml(struct subs *s, const char *name, const char *data, size_t len)
{
	char *tags[SUBS_OPML_DEPTH];
	xmlDoc *doc;
	xmlNode *root, *body = NULL;

	html_init();
	doc = len < (1u << 30) ? xmlReadMemory(data, (int)len, name, NULL,
					       XML_PARSE_NONET | XML_PARSE_NOERROR |
					       XML_PARSE_NOWARNING)
			       : NULL;
	root = doc ? xmlDocGetRootElement(doc) : NULL;
	if (root == NULL || strcmp((const char *)root->name, "opml") != 0) {
		subs_message(s, xasprintf("%s: not an OPML document", name));
		xmlFreeDoc(doc);
		return;
	}
	for (xmlNode *n = root->children; n && !body; n = n->next)
		if (n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, "body") == 0)
			body = n;
	if (body)
		subs_opml_walk(s, name, body, tags, 0);
	xmlFreeDoc(doc);
}

static void subs_opml_escape(struct strbuf *sb, const char *t)
{
	for (; *t; t++) {
		switch (*t) {
		case '&': strbuf_append(sb, "&amp;", 5); break;
		case '<': strbuf_append(sb, "&lt;", 4); break;
		case '>': strbuf_append(sb, "&gt;", 4); break;
		case '"': strbuf_append(sb, "&quot;", 6); break;
		default:
			if ((unsigned char)*t >= 0x20 || *t == '\t')
				strbuf_appendc(sb, *t);
		}
	}
}

/* A feed's outline: its name (else its URL) as text and title; every tag in category ("/t",
 * comma-separated; a tag holding a comma or a slash cannot be written there and goes only
 * by its folder when it is the first). */
static void subs_opml_outline(struct strbuf *sb, const struct sub *sub, const char *indent)
{
	const char *title = sub->name ? sub->name : sub->url;
	bool first = true;
	strbuf_printf(sb, "%s<outline type=\"rss\" text=\"", indent);
	subs_opml_escape(sb, title);
	strbuf_printf(sb, "\" title=\"");
	subs_opml_escape(sb, title);
	strbuf_printf(sb, "\" xmlUrl=\"");
	subs_opml_escape(sb, sub->url);
	for (size_t i = 0; i < sub->ntags; i++) {
		if (sub->tags[i][strcspn(sub->tags[i], ",/")] != '\0')
			continue;
		strbuf_printf(sb, first ? "\" category=\"/" : ",/");
		subs_opml_escape(sb, sub->tags[i]);
		first = false;
	}
	strbuf_printf(sb, "\"/>\n");
}

/* Feeds grouped under their first tag (an outline per tag, for readers that know folders
 * only), untagged ones at the top; all of a feed's tags in its category. */
char *subs_to_opml(const struct subs *s)
{
	struct strbuf sb = {0};

	strbuf_printf(&sb, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n"
		      "  <head><title>qari subscriptions</title></head>\n  <body>\n");
	for (size_t i = 0; i < s->n; i++)
		if (s->v[i].ntags == 0)
			subs_opml_outline(&sb, &s->v[i], "    ");
	for (size_t i = 0; i < s->n; i++) {
		const char *tag = s->v[i].ntags ? s->v[i].tags[0] : NULL;
		bool seen = false;
		for (size_t k = 0; tag && k < i && !seen; k++)
			seen = s->v[k].ntags && strcmp(s->v[k].tags[0], tag) == 0;
		if (tag == NULL || seen)
			continue;
		strbuf_printf(&sb, "    <outline text=\"");
		subs_opml_escape(&sb, tag);
		strbuf_printf(&sb, "\" title=\"");
		subs_opml_escape(&sb, tag);
		strbuf_printf(&sb, "\">\n");
		for (size_t k = i; k < s->n; k++)
			if (s->v[k].ntags && strcmp(s->v[k].tags[0], tag) == 0)
				subs_opml_outline(&sb, &s->v[k], "      ");
		strbuf_printf(&sb, "    </outline>\n");
	}
	strbuf_printf(&sb, "  </body>\n</opml>\n");
	return strbuf_take(&sb);
}
