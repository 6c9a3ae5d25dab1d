/* fuzz_load_text.c - the plain-text loader, and the article it builds as the reader shows it.
 *
 * Input: any bytes, loaded as "fuzz.txt". Invariants: the buffer gives one article or one
 * report line naming it; every stored string is non-empty valid UTF-8 without NUL; the id is
 * 12 hex digits; text_bytes adds up; the article view wraps within its width (byte 0 picks
 * it) with every cell inside its line. */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "qari/article_view.h"
#include "qari/corpus.h"

#define FUZZ_LOAD_NAME "fuzz.txt"

static void fuzz_load_check_string(const char *s)
{
	FUZZ_CHECK(s != NULL && s[0] != '\0');
	FUZZ_CHECK(fuzz_valid_utf8(s, strlen(s)));
}

static void fuzz_load_check_article(const struct article *a)
{
	size_t bytes;

	fuzz_load_check_string(a->title);
	bytes = strlen(a->title);
	for (size_t i = 0; i < a->npara; i++) {
		fuzz_load_check_string(a->paras[i]);
		bytes += strlen(a->paras[i]);
	}
	FUZZ_CHECK(bytes == a->text_bytes);
	if (a->url)
		fuzz_load_check_string(a->url);
	FUZZ_CHECK(strlen(a->id) == ARTICLE_ID_LEN);
	FUZZ_CHECK(strspn(a->id, "0123456789abcdef") == ARTICLE_ID_LEN);
	FUZZ_CHECK(strcmp(a->path, FUZZ_LOAD_NAME) == 0);
}

static void fuzz_load_check_view(const struct article *a, int width)
{
	struct layout_opts o = {.reorder = true, .shape = true};
	struct article_view v;

	o.dir = article_view_dir(a, LAYOUT_DIR_AUTO, false);
	article_view_prepare(&v, a, &o);
	article_view_wrap(&v, width);
	for (size_t i = 0; i < v.nlines; i++) {
		const struct layout_line *l = &v.lines[i].line;
		FUZZ_CHECK(l->width + l->indent <= width);
		for (size_t k = 0; k < l->ncells; k++)
			FUZZ_CHECK(l->cells[k].lbeg >= l->lbeg && l->cells[k].lend <= l->lend);
	}
	article_view_free(&v);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct corpus c;

	corpus_init(&c);
	corpus_load_buffer(&c, FUZZ_LOAD_NAME, (const char *)data, size);
	FUZZ_CHECK(c.n <= 1);
	FUZZ_CHECK(c.report.files_loaded + c.report.files_skipped == 1);
	FUZZ_CHECK(c.n == 1 || c.report.nmessages >= 1);
	for (size_t i = 0; i < c.report.nmessages; i++)
		FUZZ_CHECK(strncmp(c.report.messages[i], FUZZ_LOAD_NAME ": ",
				   strlen(FUZZ_LOAD_NAME ": ")) == 0);
	for (size_t i = 0; i < c.n; i++) {
		fuzz_load_check_article(c.items[i]);
		fuzz_load_check_view(c.items[i], size > 0 ? 1 + data[0] % 120 : 80);
	}
	corpus_free(&c);
	return 0;
}
