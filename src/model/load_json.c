/* load_json.c - JSON and JSON Lines article dumps (jansson).
 *
 * A .json file holds one article object, an array of them, or a wrapper object with such an
 * array ("items", "articles", ...). Arrays are read one element at a time, so a fault keeps
 * every article before it. Fields are found by the names scrapers and APIs commonly use. */
#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "loader.h"
#include "qari/date.h"
#include "qari/html.h"
#include "qari/text.h"
#include "qari/xalloc.h"

/* Integers as doubles: an id of 30 digits is no reason to drop an article. */
#define LOAD_JSON_FLAGS (JSON_ALLOW_NUL | JSON_DECODE_INT_AS_REAL)

#define LOAD_JSON_NAMES(...) ((const char *const[]){__VA_ARGS__, NULL})

/* Candidate member names of each field, best first. */
static const char *const *const load_json_title = LOAD_JSON_NAMES("title", "headline");
static const char *const *const load_json_body = LOAD_JSON_NAMES(
	"content", "content_html", "content_text", "body", "text", "article", "description",
	"summary");
static const char *const *const load_json_url = LOAD_JSON_NAMES("url", "link", "href", "permalink");
static const char *const *const load_json_date = LOAD_JSON_NAMES(
	"date", "published", "pubDate", "publishedAt", "date_published", "datePublished",
	"date_extracted", "created_at", "updated", "date_modified");
static const char *const *const load_json_source = LOAD_JSON_NAMES("source", "site", "publisher");
static const char *const *const load_json_author = LOAD_JSON_NAMES("author", "authors", "byline",
								  "creator");
/* Members of a wrapper object that hold the articles (JSON Feed, NewsAPI, ...). */
static const char *const *const load_json_lists = LOAD_JSON_NAMES(
	"items", "articles", "entries", "posts", "data", "results");

/* One file being read: where items go and what was dropped. */
struct load_json_file {
	struct corpus *c;
	const char *name;
	size_t items; /* items seen so far; the index of the last */
	struct load_skips not_object, overflow;
	char overflow_text[JSON_ERROR_TEXT_LENGTH]; /* what jansson said of the first */
};

/* The text of a value: a string, or the "name" of an object ({"name": "Reuters"}). */
static const char *load_json_text(const json_t *v, size_t *n)
{
	if (json_is_object(v))
		v = json_object_get(v, "name");
	if (!json_is_string(v))
		return NULL;
	*n = json_string_length(v);
	return json_string_value(v);
}

/* Whether v holds some text; a number counts only where one is read (dates). */
static bool load_json_has_text(const json_t *v, bool number)
{
	size_t n;
	const char *s;

	if (json_is_array(v)) {
		for (size_t i = 0; i < json_array_size(v); i++)
			if (load_json_has_text(json_array_get(v, i), number))
				return true;
		return false;
	}
	if (json_is_number(v))
		return number;
	s = load_json_text(v, &n);
	return s && !text_is_blank(s, n);
}

/* The first member among names with some text in it (a number counts only for dates: a
 * numeric "content" must not hide a string "text"). */
static const json_t *load_json_pick(const json_t *obj, const char *const *names)
{
	bool number = names == load_json_date;

	for (; *names; names++) {
		const json_t *v = json_object_get(obj, *names);
		if (v && load_json_has_text(v, number))
			return v;
	}
	return NULL;
}

/* A field from a string, a named object, or an array of them (joined with ", "). */
static void load_json_field(char **field, const json_t *v)
{
	struct strbuf sb = {0};
	const char *s;
	size_t n;

	if (v == NULL)
		return;
	if (!json_is_array(v)) {
		if ((s = load_json_text(v, &n)) != NULL)
			article_set_field(field, s, n);
		return;
	}
	for (size_t i = 0; i < json_array_size(v); i++) {
		if ((s = load_json_text(json_array_get(v, i), &n)) == NULL || text_is_blank(s, n))
			continue;
		if (sb.len)
			strbuf_append(&sb, ", ", 2);
		strbuf_append(&sb, s, n);
	}
	article_set_field(field, sb.data, sb.len);
	strbuf_free(&sb);
}

static void load_json_body_of(struct article *a, const json_t *v)
{
	const char *s;
	size_t n;

	if (json_is_array(v)) {
		for (size_t i = 0; i < json_array_size(v); i++)
			load_json_body_of(a, json_array_get(v, i));
	} else if ((s = load_json_text(v, &n)) != NULL) {
		html_add_content(a, s, n);
	}
}

static void load_json_title_of(struct article *a, const json_t *v)
{
	const char *s;
	size_t n;

	if (v == NULL || (s = load_json_text(v, &n)) == NULL)
		return;
	if (html_looks_like(s, n)) {
		char *t = html_to_text(s, n);
		article_set_title(a, t, strlen(t));
		free(t);
	} else {
		article_set_title(a, s, n);
	}
}

/* A string date, or a number of seconds (milliseconds when it is that large). */
static void load_json_date_of(struct article *a, const json_t *v)
{
	const char *s;
	size_t n;

	if (json_is_number(v)) {
		double t = json_number_value(v);
		char iso[DATE_ISO_MAX];
		if (t > 1e11)
			t /= 1000;
		if (t > -1e11 && t < 1e11) {
			a->date_key = (int64_t)t;
			date_format(a->date_key, true, iso);
			article_set_field(&a->date, iso, strlen(iso));
		}
	} else if ((s = load_json_text(v, &n)) != NULL) {
		date_set_article(a, s, n);
	}
}

/* One array element or line: an article, or a counted reason why not. */
static void load_json_item(struct load_json_file *f, const json_t *obj, bool alone)
{
	struct article *a;

	f->items++;
	if (!json_is_object(obj)) {
		load_skip(f->c, &f->not_object, f->items);
		return;
	}
	a = article_new(f->name);
	load_json_body_of(a, load_json_pick(obj, load_json_body));
	if (a->npara == 0) {
		article_free(a);
		load_empty(f->c);
		return;
	}
	load_json_title_of(a, load_json_pick(obj, load_json_title));
	load_json_field(&a->url, load_json_pick(obj, load_json_url));
	load_json_field(&a->source, load_json_pick(obj, load_json_source));
	load_json_field(&a->author, load_json_pick(obj, load_json_author));
	load_json_date_of(a, load_json_pick(obj, load_json_date));
	if (alone)
		corpus_add(f->c, a);
	else
		corpus_add_item(f->c, a, f->items);
}

static void load_json_report_error(struct load_json_file *f, const char *data, size_t len,
				   size_t off, const char *what)
{
	size_t line, col;
	load_where(data, len, off, &line, &col);
	if (f->items)
		load_report_add(&f->c->report, "%s: line %zu, column %zu: %s (after item %zu; "
				"the items before it are loaded)", f->name, line, col, what, f->items);
	else
		load_report_add(&f->c->report, "%s: line %zu, column %zu: %s", f->name, line, col,
				what);
}

static void load_json_finish(struct load_json_file *f)
{
	load_skips_report(f->c, f->name, &f->not_object, "not an object");
	load_skips_report(f->c, f->name, &f->overflow, f->overflow_text);
}

static size_t load_json_skip_ws(const char *data, size_t len, size_t pos)
{
	while (pos < len && (data[pos] == ' ' || data[pos] == '\t' || data[pos] == '\n' ||
			     data[pos] == '\r'))
		pos++;
	return pos;
}

/* The end of the JSON value at pos (strings and nesting followed, nothing checked), or len:
 * an element jansson refused for a number out of range is skipped, not the rest. */
static size_t load_json_skip_value(const char *data, size_t len, size_t pos)
{
	size_t depth = 0;
	bool string = false;

	for (; pos < len; pos++) {
		char ch = data[pos];
		if (string) {
			if (ch == '\\')
				pos++;
			else if (ch == '"')
				string = false;
		} else if (ch == '"') {
			string = true;
		} else if (ch == '{' || ch == '[') {
			depth++;
		} else if (ch == '}' || ch == ']') {
			if (depth == 0)
				return pos; /* the end of the array around the value */
			if (--depth == 0)
				return pos + 1;
		} else if (ch == ',' && depth == 0) {
			return pos;
		}
	}
	return len;
}

/* The elements of a top-level array, each parsed on its own: a fault ends the file but keeps
 * what came before it (a number too large for jansson costs only its element). pos is just
 * after the '['. */
static void load_json_array(struct load_json_file *f, const char *data, size_t len, size_t pos)
{
	json_error_t err;

	pos = load_json_skip_ws(data, len, pos);
	if (pos < len && data[pos] == ']') {
		load_report_add(&f->c->report, "%s: no articles (an empty array)", f->name);
		pos = load_json_skip_ws(data, len, pos + 1);
	} else
		for (;;) {
			size_t start = pos;
			json_t *v;
			if (corpus_cancelled(f->c) || load_budget_spent())
				return;
			v = json_loadb(data + pos, len - pos, LOAD_JSON_FLAGS |
					       JSON_DISABLE_EOF_CHECK | JSON_DECODE_ANY, &err);
			if (v == NULL && json_error_code(&err) == json_error_numeric_overflow &&
			    (pos = load_json_skip_value(data, len, start)) < len) {
				f->items++;
				if (f->overflow.n == 0)
					snprintf(f->overflow_text, sizeof f->overflow_text, "%s", err.text);
				load_skip(f->c, &f->overflow, f->items);
			} else if (v == NULL) {
				load_json_report_error(f, data, len, start + (size_t)err.position, err.text);
				return;
			} else {
				pos += (size_t)err.position;
			}
			if (v == NULL)
				goto next;
			/* a number or literal may have been read one character too far */
			if (!json_is_object(v) && !json_is_array(v) && pos > start + 1 &&
			    memchr(",] \t\r\n", data[pos - 1], 6))
				pos--;
			load_json_item(f, v, false);
			json_decref(v);
		next:
			pos = load_json_skip_ws(data, len, pos);
			if (pos < len && data[pos] == ',') {
				pos = load_json_skip_ws(data, len, pos + 1);
				continue;
			}
			if (pos < len && data[pos] == ']') {
				pos = load_json_skip_ws(data, len, pos + 1);
				break;
			}
			load_json_report_error(f, data, len, pos, pos < len ? "',' or ']' expected"
									: "end of input in the array");
			return;
		}
	if (pos < len)
		load_json_report_error(f, data, len, pos, "data after the array");
}

/* A whole-file object: an article, or a wrapper around an array of them. */
static void load_json_object(struct load_json_file *f, const json_t *obj)
{
	const json_t *list = NULL;

	if (load_json_pick(obj, load_json_body) == NULL)
		for (const char *const *k = load_json_lists; *k && !list; k++)
			if (json_is_array(json_object_get(obj, *k)))
				list = json_object_get(obj, *k);
	if (list == NULL) {
		load_json_item(f, obj, true);
		return;
	}
	for (size_t i = 0; i < json_array_size(list) && !corpus_cancelled(f->c) &&
			   !load_budget_spent(); i++)
		load_json_item(f, json_array_get(list, i), false);
}

void load_json(struct corpus *c, const char *name, const char *data, size_t len)
{
	struct load_json_file f = {.c = c, .name = name};
	size_t pos = 0;
	json_error_t err;
	json_t *v;

	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		pos = 3;
	pos = load_json_skip_ws(data, len, pos);
	if (pos == len) {
		load_report_add(&c->report, "%s: empty file", name);
		return;
	}
	if (data[pos] == '[') {
		load_json_array(&f, data, len, pos + 1);
		load_json_finish(&f);
		return;
	}
	v = json_loadb(data + pos, len - pos, LOAD_JSON_FLAGS | JSON_DISABLE_EOF_CHECK, &err);
	if (v == NULL) {
		load_json_report_error(&f, data, len, pos + (size_t)err.position, err.text);
		return;
	}
	pos = load_json_skip_ws(data, len, pos + (size_t)err.position);
	if (pos < len && data[pos] == '{') {
		json_decref(v); /* objects one after another: JSON Lines named .json */
		load_jsonl(c, name, data, len);
		return;
	}
	if (pos < len)
		load_json_report_error(&f, data, len, pos, "data after the object");
	else
		load_json_object(&f, v);
	json_decref(v);
	load_json_finish(&f);
}

void load_jsonl(struct corpus *c, const char *name, const char *data, size_t len)
{
	struct load_json_file f = {.c = c, .name = name};
	size_t pos = len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	size_t bad = 0, bad_off = 0;
	char bad_text[JSON_ERROR_TEXT_LENGTH] = "";

	while (pos < len && !corpus_cancelled(c) && !load_budget_spent()) {
		const char *nl = memchr(data + pos, '\n', len - pos);
		size_t end = nl ? (size_t)(nl - data) : len;
		json_error_t err;
		json_t *v;

		if (!text_is_blank(data + pos, end - pos)) {
			v = json_loadb(data + pos, end - pos, LOAD_JSON_FLAGS, &err);
			if (v == NULL) {
				/* lines stand alone: report the first bad one, read on */
				if (bad++ == 0) {
					bad_off = pos + (size_t)err.position;
					snprintf(bad_text, sizeof bad_text, "%s", err.text);
				}
				c->report.items_skipped++;
			} else {
				load_json_item(&f, v, false);
				json_decref(v);
			}
		}
		pos = end + 1;
	}
	if (bad) {
		size_t line, col;
		load_where(data, len, bad_off, &line, &col);
		load_report_add(&c->report, "%s: line %zu, column %zu: %s (%zu bad line%s skipped)",
				name, line, col, bad_text, bad, bad == 1 ? "" : "s");
	}
	if (f.items == 0 && bad == 0)
		load_report_add(&c->report, "%s: empty file", name);
	load_json_finish(&f);
}
