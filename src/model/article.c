/* article.c - building an article: fields, paragraphs, id, direction, fallback title. */
#include "qari/article.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "loader.h"
#include "qari/dateline.h"
#include "qari/text.h"
#include "qari/xalloc.h"

#define ARTICLE_FALLBACK_WORDS 8
#define ARTICLE_CSS_RULES 2      /* a style sheet, not a quoted snippet */
#define ARTICLE_SELECTOR_WORDS 3 /* "#poll ul li": a selector is a few words */
#define ARTICLE_SELECTOR_MAX 120
#define ARTICLE_CSS_BLOCK_MAX 2048

struct article *article_new(const char *path)
{
	struct article *a = xcalloc(1, sizeof *a);
	a->path = xstrdup(path);
	a->date_key = INT64_MIN;
	return a;
}

void article_free(struct article *a)
{
	if (a == NULL)
		return;
	free(a->title);
	free(a->date);
	free(a->url);
	free(a->source);
	free(a->author);
	free(a->guid);
	free(a->dateline_place);
	free(a->dateline_agency);
	free(a->path);
	for (size_t i = 0; i < a->npara; i++)
		free(a->paras[i]);
	free(a->paras);
	free(a);
}

void article_set_field(char **field, const char *s, size_t n)
{
	free(*field);
	*field = NULL;
	if (s == NULL)
		return;
	text_trim(&s, &n);
	if (n > 0)
		*field = text_sanitize_utf8(s, n);
}

/* The Saudi Press Agency's titles carry one (6-10 cells of a narrow list): one word of Arabic
 * letters, «عام» or «تقرير» or a nisba in ي, then " / ", then the headline. */
size_t article_title_label(const char *s, size_t n)
{
	static const char *const plain[] = {"عام", "تقرير"};
	static const char sep[] = " / ", ya[] = "ي";
	enum { LABEL_MAX = 16 }; /* bytes: eight Arabic letters */
	const char *slash = memmem(s, n < LABEL_MAX + 3 ? n : LABEL_MAX + 3, sep, sizeof sep - 1);
	size_t w = slash ? (size_t)(slash - s) : 0, rest;
	bool label = false;

	if (w == 0)
		return 0;
	for (size_t i = 0; i < w; i += 2) /* Arabic letters only: no space, digit or Latin */
		if (w % 2 || ((unsigned char)s[i] != 0xD8 && (unsigned char)s[i] != 0xD9) ||
		    ((unsigned char)s[i + 1] & 0xC0) != 0x80)
			return 0;
	for (size_t k = 0; k < sizeof plain / sizeof *plain; k++)
		label |= w == strlen(plain[k]) && memcmp(s, plain[k], w) == 0;
	label |= w > 4 && memcmp(s + w - 2, ya, 2) == 0;
	rest = n - w - (sizeof sep - 1);
	return label && rest > 0 ? w + sizeof sep - 1 : 0;
}

char *article_title_dup(const char *s, size_t n)
{
	struct strbuf sb = {0};
	const char *t;
	size_t cut;
	char *title = NULL;

	text_trim(&s, &n);
	text_squeeze_spaces_into(&sb, s, n);
	cut = article_title_label(sb.data, sb.len);
	t = sb.data + cut, n = sb.len - cut;
	text_trim(&t, &n);
	if (n > 0)
		title = text_sanitize_utf8(t, n);
	strbuf_free(&sb);
	return title;
}

void article_set_title(struct article *a, const char *s, size_t n)
{
	free(a->title);
	a->title = s ? article_title_dup(s, n) : NULL;
}

/* The capacity of paras is implied by npara (powers of two from 4): no realloc per
 * paragraph for long articles, and no extra field in the struct. */
static bool article_paras_full(size_t n) { return n < 4 ? n == 0 : (n & (n - 1)) == 0; }

void article_take_para(struct article *a, char *s)
{
	if (!load_budget_para(a->npara)) {
		free(s); /* the file has had its share of paragraphs (loader.h) */
		return;
	}
	if (article_paras_full(a->npara))
		a->paras = xreallocarray(a->paras, a->npara < 4 ? 4 : a->npara * 2, sizeof *a->paras);
	a->paras[a->npara++] = s;
}

void article_add_para(struct article *a, const char *s, size_t n)
{
	text_trim(&s, &n);
	if (n > 0)
		article_take_para(a, text_sanitize_utf8(s, n));
}

void article_make_id(const char *key, char out[ARTICLE_ID_LEN + 1])
{
	uint64_t h = 0xcbf29ce484222325ULL;
	for (const unsigned char *p = (const unsigned char *)key; *p; p++) {
		h ^= *p;
		h *= 0x100000001b3ULL;
	}
	snprintf(out, ARTICLE_ID_LEN + 1, "%012llx",
		 (unsigned long long)(h & 0xFFFFFFFFFFFFULL));
}

/* An untitled item gets its first words as a title: never a blank row in the list. */
static void article_fallback_title(struct article *a)
{
	const char *p;
	size_t words = 0, end = 0;

	if (a->npara == 0) {
		a->title = xstrdup("(untitled)");
		return;
	}
	p = a->paras[0];
	for (size_t i = 0; p[i] && words < ARTICLE_FALLBACK_WORDS; i++) {
		if (p[i] == ' ' && i > 0 && p[i - 1] != ' ')
			words++;
		end = i + 1;
	}
	while (end > 0 && p[end - 1] == ' ')
		end--;
	a->title = p[end] ? xasprintf("%.*s…", (int)end, p) : xstrdup(p);
}

/* Whether text[0, n) is a CSS declaration block's inside: ASCII only, two or more
 * "property: value;" declarations. */
static bool article_css_block(const char *text, size_t n)
{
	size_t decls = 0;
	bool colon = false;

	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)text[i];
		if (c >= 0x80)
			return false;
		if (c == ':')
			colon = true;
		else if (c == ';' && colon)
			decls++, colon = false;
	}
	return decls + colon >= 2;
}

static bool article_selector_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       (c != '\0' && strchr("#.-_>:*[]=\"',", c) != NULL);
}

/* Where the selector ending at byte end of p begins: its last few words of selector
 * characters, back to the text before them; end when there is none. Bounded: a selector is
 * short, and hostile text may hold a million letters before each brace. */
static size_t article_css_selector(const char *p, size_t end)
{
	size_t b = end, start = end, floor = end > ARTICLE_SELECTOR_MAX ? end - ARTICLE_SELECTOR_MAX : 0;

	for (int words = 0; words < ARTICLE_SELECTOR_WORDS; words++) {
		while (b > floor && p[b - 1] == ' ')
			b--;
		if (b == floor || !article_selector_char(p[b - 1]))
			break;
		while (b > floor && article_selector_char(p[b - 1]))
			b--;
		if (b == floor && b > 0)
			return end; /* longer than any selector */
		start = b;
	}
	return start;
}

/* The block after the '{' at open in p[0, n): its inside's length, or -1 when it is no CSS
 * declaration block (a brace inside, or none to close it soon). */
static long article_css_rule(const char *p, size_t n, size_t open)
{
	size_t end = n - open > ARTICLE_CSS_BLOCK_MAX ? open + ARTICLE_CSS_BLOCK_MAX : n;

	for (size_t i = open + 1; i < end; i++) {
		if (p[i] == '{')
			return -1;
		if (p[i] == '}')
			return article_css_block(p + open + 1, i - open - 1) ? (long)(i - open - 1) : -1;
	}
	return -1;
}

/* The byte where a style sheet left in a scraped page's text begins (two rules or more, each
 * a selector and a block of declarations: a widget's code, then its own text), or n when there
 * is none. A lone block of "name: value;" pairs may be a quoted snippet, and is kept. */
static size_t article_code_start(const char *p, size_t n)
{
	size_t first = n, rules = 0;

	for (const char *o = memchr(p, '{', n); o; o = memchr(o + 1, '{', n - (size_t)(o + 1 - p))) {
		size_t open = (size_t)(o - p), sel = article_css_selector(p, open);
		long len = sel < open ? article_css_rule(p, n, open) : -1;
		if (len < 0) {
			first = n, rules = 0;
			continue;
		}
		if (rules++ == 0)
			first = sel;
		if (rules == ARTICLE_CSS_RULES)
			return first;
		o += len;
	}
	return n;
}

/* A page's style sheet and what follows it (a poll's script and its choices) are no part of
 * the story: the article ends where it begins. */
static void article_drop_code(struct article *a)
{
	for (size_t i = 0; i < a->npara; i++) {
		size_t n = strlen(a->paras[i]), at = article_code_start(a->paras[i], n);
		if (at == n)
			continue;
		while (at > 0 && a->paras[i][at - 1] == ' ')
			at--;
		a->paras[i][at] = '\0';
		for (size_t k = i + (at > 0); k < a->npara; k++)
			free(a->paras[k]);
		a->npara = i + (at > 0);
		return;
	}
}

/* Count strong characters until the rest (at most one per byte) cannot change the winner. */
static enum text_dir article_direction(const struct article *a)
{
	size_t rtl = 0, ltr = 0, left = a->text_bytes - strlen(a->title);

	text_count_strong(a->title, strlen(a->title), &rtl, &ltr);
	for (size_t i = 0; i < a->npara && rtl <= ltr + left && ltr < rtl + left; i++) {
		size_t n = strlen(a->paras[i]);
		text_count_strong(a->paras[i], n, &rtl, &ltr);
		left -= n;
	}
	return rtl > ltr ? TEXT_DIR_RTL : TEXT_DIR_LTR;
}

/* The dateline of the first paragraph, kept as the article's metadata. */
static void article_find_dateline(struct article *a)
{
	struct dateline d;
	free(a->dateline_place);
	free(a->dateline_agency);
	a->dateline_place = a->dateline_agency = NULL;
	a->dateline_end = 0;
	if (a->npara == 0 || !dateline_parse(a->paras[0], strlen(a->paras[0]), a->npara > 1, &d))
		return;
	a->dateline_place = d.place;
	a->dateline_agency = d.agency;
	a->dateline_end = d.end;
}

void article_finish(struct article *a, const char *id_key)
{
	if (a->title == NULL)
		article_fallback_title(a);
	article_make_id(a->url ? a->url : id_key, a->id);
	article_drop_code(a);
	a->text_bytes = strlen(a->title);
	for (size_t i = 0; i < a->npara; i++)
		a->text_bytes += strlen(a->paras[i]);
	a->dir = article_direction(a);
	article_find_dateline(a);
}
