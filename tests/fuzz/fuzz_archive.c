/* fuzz_archive.c - zip and tar archives, plain or compressed, and lone compressed files
 * (load_archive.c, libarchive), with whatever formats their members hold.
 *
 * Input: byte 0 picks the archive's name (so its extension: .zip, .tar, .tar.gz or .json.gz,
 * the last one also read as a lone compressed file), the rest are the archive's bytes.
 * Invariants: what fuzz_check_corpus checks of every loader; every article comes from a
 * member ("NAME!MEMBER"); every report line names the archive or a member. */
#include <string.h>

#include "fuzz.h"
#include "qari/corpus.h"

static const char *const fuzz_archive_names[] = {
	"fuzz.zip", "fuzz.tar", "fuzz.tar.gz", "fuzz.json.gz",
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const size_t nnames = sizeof fuzz_archive_names / sizeof *fuzz_archive_names;
	const char *name;
	struct corpus c;

	if (size == 0)
		return 0;
	name = fuzz_archive_names[data[0] % nnames];
	corpus_init(&c);
	corpus_load_buffer(&c, name, (const char *)data + 1, size - 1);
	fuzz_check_corpus(&c, name);
	for (size_t i = 0; i < c.n; i++)
		FUZZ_CHECK(strncmp(c.items[i]->path, name, strlen(name)) == 0 &&
			   c.items[i]->path[strlen(name)] == '!');
	corpus_free(&c);
	return 0;
}
