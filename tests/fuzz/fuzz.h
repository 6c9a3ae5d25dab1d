/* fuzz.h - what the fuzz targets share.
 *
 * Each fuzz_NAME.c defines LLVMFuzzerTestOneInput and checks its invariants with FUZZ_CHECK,
 * which aborts: libFuzzer keeps the input as a crash, and replay.c (the same target linked
 * with a plain main) turns kept inputs into regression tests in the normal and ASan builds. */
#ifndef QARI_FUZZ_H
#define QARI_FUZZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The file being replayed (replay.c), named when an invariant breaks; NULL under libFuzzer. */
extern const char *fuzz_current_input;

#define FUZZ_CHECK(e) ((e) ? (void)0 : fuzz_fail(__FILE__, __LINE__, #e))
_Noreturn void fuzz_fail(const char *file, int line, const char *expr);

/* Strict UTF-8 (RFC 3629), checked by libunistring, not by the code under test. */
bool fuzz_valid_utf8(const char *s, size_t n);
/* C0, DEL and C1 control characters. */
bool fuzz_is_control(uint32_t cp);
/* Explicit bidi controls and marks (LRE-RLO, PDF, LRI-PDI, LRM, RLM, ALM) and U+FEFF. */
bool fuzz_is_bidi_control(uint32_t cp);
/* Calls fn for each code point of valid UTF-8 s; stops and returns false when fn does. */
bool fuzz_each_cp(const char *s, size_t n, bool (*fn)(uint32_t cp));

struct corpus;
/* What every loader's result must be, for a buffer loaded as name: each article has a
 * non-empty valid UTF-8 title and paragraphs, optional fields NULL or non-empty valid UTF-8,
 * a date exactly when a date key, a 12-hex-digit id, text_bytes adding up, and a valid UTF-8
 * path that is name or "name!member"; each report line names the buffer (or a member); the
 * buffer counts as a file, and it gave an article or said why not. */
void fuzz_check_corpus(const struct corpus *c, const char *name);

/* An empty folder for this process's temporary files (made once under $TMPDIR, else
 * /dev/shm, else /tmp; removed at exit); each call empties it again. Static string. */
const char *fuzz_temp_dir(void);
/* Write n bytes to dir/name (created or truncated); aborts when that fails. */
void fuzz_write_file(const char *dir, const char *name, const void *data, size_t n);

#endif
