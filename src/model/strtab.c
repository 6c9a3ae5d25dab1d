/* strtab.c - string interning with open addressing (linear probing, load ≤ 1/2). */
#include "qari/strtab.h"

#include <stdlib.h>
#include <string.h>

#include "qari/xalloc.h"

uint64_t strtab_hash(uint64_t h, const void *s, size_t n)
{
	const unsigned char *p = s;
	for (size_t i = 0; i < n; i++) {
		h ^= p[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

void strtab_init(struct strtab *t) { memset(t, 0, sizeof *t); }

void strtab_free(struct strtab *t)
{
	free(t->pool);
	free(t->offs);
	free(t->lens);
	free(t->slots);
	free(t->hashes);
	memset(t, 0, sizeof *t);
}

/* The slot holding s, or the empty slot where it would go. */
static size_t strtab_slot(const struct strtab *t, uint64_t h, const char *s, size_t n)
{
	size_t mask = t->nslots - 1, i = (size_t)h & mask;
	for (;; i = (i + 1) & mask) {
		uint32_t v = t->slots[i];
		if (v == 0)
			return i;
		v--;
		if (t->hashes[v] == h && t->lens[v] == n && memcmp(t->pool + t->offs[v], s, n) == 0)
			return i;
	}
}

void strtab_clear(struct strtab *t)
{
	t->n = t->used = 0;
	if (t->slots)
		memset(t->slots, 0, t->nslots * sizeof *t->slots);
}

static void strtab_rehash(struct strtab *t)
{
	size_t nslots = t->nslots ? t->nslots * 2 : 64;
	free(t->slots);
	t->slots = xcalloc(nslots, sizeof *t->slots);
	t->nslots = nslots;
	for (size_t id = 0; id < t->n; id++) {
		size_t i = (size_t)t->hashes[id] & (nslots - 1);
		while (t->slots[i])
			i = (i + 1) & (nslots - 1);
		t->slots[i] = (uint32_t)id + 1;
	}
}

bool strtab_find(const struct strtab *t, const char *s, size_t n, uint32_t *id)
{
	size_t i;
	if (t->nslots == 0)
		return false;
	i = strtab_slot(t, strtab_hash(STRTAB_HASH_INIT, s, n), s, n);
	if (t->slots[i] == 0)
		return false;
	*id = t->slots[i] - 1;
	return true;
}

uint32_t strtab_intern(struct strtab *t, const char *s, size_t n)
{
	uint64_t h = strtab_hash(STRTAB_HASH_INIT, s, n);
	size_t i;

	if ((t->n + 1) * 2 > t->nslots)
		strtab_rehash(t);
	i = strtab_slot(t, h, s, n);
	if (t->slots[i])
		return t->slots[i] - 1;
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 16;
		t->offs = xreallocarray(t->offs, t->cap, sizeof *t->offs);
		t->lens = xreallocarray(t->lens, t->cap, sizeof *t->lens);
		t->hashes = xreallocarray(t->hashes, t->cap, sizeof *t->hashes);
	}
	xgrow(&t->pool, &t->pool_cap, t->used + n + 1, 1);
	memcpy(t->pool + t->used, s, n);
	t->pool[t->used + n] = '\0';
	t->offs[t->n] = (uint32_t)t->used;
	t->used += n + 1;
	t->lens[t->n] = (uint32_t)n;
	t->hashes[t->n] = h;
	t->slots[i] = (uint32_t)t->n + 1;
	return (uint32_t)t->n++;
}
