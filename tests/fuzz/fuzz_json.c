/* fuzz_json.c - the JSON and JSON Lines loaders (load_json.c, jansson).
 *
 * Input: any bytes, loaded once as "fuzz.json" and once as "fuzz.jsonl". Invariants: what
 * fuzz_check_corpus checks of every loader; every article has a paragraph (an item without
 * content is skipped); as JSON Lines, each non-blank line is either an article or one skipped
 * item, so articles and skipped items add up to the non-blank lines. */
#include <string.h>

#include "fuzz.h"
#include "qari/corpus.h"
#include "qari/text.h"

static void fuzz_json_check_paras(const struct corpus *c)
{
	for (size_t i = 0; i < c->n; i++)
		FUZZ_CHECK(c->items[i]->npara >= 1);
}

/* Lines with something on them, as the JSON Lines loader splits them (after a BOM). */
static size_t fuzz_json_lines(const char *data, size_t size)
{
	size_t pos = size >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0, n = 0;

	while (pos < size) {
		const char *nl = memchr(data + pos, '\n', size - pos);
		size_t end = nl ? (size_t)(nl - data) : size;
		n += !text_is_blank(data + pos, end - pos);
		pos = end + 1;
	}
	return n;
}

static void fuzz_json_load(const char *name, const char *data, size_t size, bool lines)
{
	struct corpus c;

	corpus_init(&c);
	corpus_load_buffer(&c, name, data, size);
	fuzz_check_corpus(&c, name);
	FUZZ_CHECK(c.report.files_loaded + c.report.files_skipped == 1);
	fuzz_json_check_paras(&c);
	if (lines)
		FUZZ_CHECK(c.n + c.report.items_skipped + c.report.items_empty ==
			   fuzz_json_lines(data, size));
	corpus_free(&c);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_json_load("fuzz.json", (const char *)data, size, false);
	fuzz_json_load("fuzz.jsonl", (const char *)data, size, true);
	return 0;
}
