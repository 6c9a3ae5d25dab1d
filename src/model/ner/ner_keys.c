/* ner_keys.c - the key table: u32 feature (or word) key → dense index, open addressing. */
#include <stdlib.h>
#include <string.h>

#include "ner_private.h"
#include "qari/xalloc.h"

void ner_keymap_init(struct ner_keymap *m, size_t expect)
{
	size_t n = 64;
	while (n < expect * 2)
		n *= 2;
	m->keys = xcalloc(n, sizeof *m->keys);
	m->vals = xcalloc(n, sizeof *m->vals);
	m->nslots = n;
	m->n = 0;
}

void ner_keymap_free(struct ner_keymap *m)
{
	free(m->keys);
	free(m->vals);
	memset(m, 0, sizeof *m);
}

uint32_t ner_keymap_get(const struct ner_keymap *m, uint32_t key)
{
	size_t mask = m->nslots - 1;
	for (size_t i = key & mask;; i = (i + 1) & mask) {
		if (m->vals[i] == 0)
			return UINT32_MAX;
		if (m->keys[i] == key)
			return m->vals[i] - 1;
	}
}

static void ner_keymap_grow(struct ner_keymap *m)
{
	struct ner_keymap big;
	ner_keymap_init(&big, m->nslots);
	for (size_t i = 0; i < m->nslots; i++)
		if (m->vals[i])
			ner_keymap_put(&big, m->keys[i], m->vals[i] - 1);
	ner_keymap_free(m);
	*m = big;
}

void ner_keymap_put(struct ner_keymap *m, uint32_t key, uint32_t index)
{
	size_t mask;
	if ((m->n + 1) * 2 > m->nslots)
		ner_keymap_grow(m);
	mask = m->nslots - 1;
	for (size_t i = key & mask;; i = (i + 1) & mask) {
		if (m->vals[i] == 0) {
			m->keys[i] = key;
			m->vals[i] = index + 1;
			m->n++;
			return;
		}
		if (m->keys[i] == key) {
			m->vals[i] = index + 1;
			return;
		}
	}
}
