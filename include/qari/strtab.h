/* strtab.h - interned byte strings: each distinct string gets a dense id 0, 1, 2, ...
 *
 * Used as a set (gazetteers, stop words), a vocabulary (related stories) and a key → index map
 * (entities). Strings are copied, NUL-terminated, into one pool (no block of its own each: a
 * vocabulary of 100,000 words costs its bytes, not 100,000 allocations); ids never change
 * once given. */
#ifndef QARI_STRTAB_H
#define QARI_STRTAB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct strtab {
	char *pool;       /* the strings, each NUL-terminated */
	size_t used, pool_cap;
	uint32_t *offs;   /* id → offset of its string in pool */
	uint32_t *lens;   /* id → byte length */
	size_t n, cap;
	uint32_t *slots;  /* open addressing: id + 1, 0 when empty */
	uint64_t *hashes; /* id → hash, so growing never rehashes strings */
	size_t nslots;
};

/* FNV-1a 64 of n bytes, continuing from h (start with STRTAB_HASH_INIT). */
#define STRTAB_HASH_INIT 0xcbf29ce484222325ULL
uint64_t strtab_hash(uint64_t h, const void *s, size_t n);

void strtab_init(struct strtab *t);
void strtab_free(struct strtab *t);
/* Forget every string, keeping the room (a table reused for one text after another). */
void strtab_clear(struct strtab *t);
/* The id of s (n bytes), adding it when new. */
uint32_t strtab_intern(struct strtab *t, const char *s, size_t n);
/* The id of s, or false when absent. */
bool strtab_find(const struct strtab *t, const char *s, size_t n, uint32_t *id);
/* Whether s is in the table (a set's membership). */
static inline bool strtab_has(const struct strtab *t, const char *s, size_t n)
{
	uint32_t id;
	return strtab_find(t, s, n, &id);
}
/* The string of id: valid until the next strtab_intern (the pool may move). */
static inline const char *strtab_str(const struct strtab *t, uint32_t id) { return t->pool + t->offs[id]; }

#endif
