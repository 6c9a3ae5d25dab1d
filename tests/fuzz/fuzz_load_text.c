/* fuzz_load_text.c - the plain-text loader, and the article it builds as the reader shows it.
 *
 * Input: any bytes, loaded as "fuzz.txt". Invariants: what fuzz_check_corpus checks of every
 * loader; one article at most, one file, every report line "fuzz.txt: ..."; the article view
 * wraps within its width (byte 0 picks it) with every cell inside its line. */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "qari/article_view.h"
#include "qari/corpus.h"

#define FUZZ_LOAD_NAME "fuzz.txt"

static void fuzz_load_check_view(const struct article *a, int width)
{
	struct layout_opts o = {.reorder = true, .shape = true};
	struct article_view v;

	o.dir = article_view_dir(a, LAYOUT_DIR_AUTO, false);
	article_view_prepare(&v, a, &o, false, NULL);
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
	fuzz_check_corpus(&c, FUZZ_LOAD_NAME);
	FUZZ_CHECK(c.n <= 1);
	FUZZ_CHECK(c.report.files_loaded + c.report.files_skipped == 1);
	for (size_t i = 0; i < c.report.nmessages; i++)
		FUZZ_CHECK(strncmp(c.report.messages[i], FUZZ_LOAD_NAME ": ",
				   strlen(FUZZ_LOAD_NAME ": ")) == 0);
	for (size_t i = 0; i < c.n; i++) {
		FUZZ_CHECK(strcmp(c.items[i]->path, FUZZ_LOAD_NAME) == 0);
		fuzz_load_check_view(c.items[i], size > 0 ? 1 + data[0] % 120 : 80);
	}
	corpus_free(&c);
	return 0;
}
