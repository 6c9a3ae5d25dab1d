/* ner_save.c - a trained model written as the model file (ner_file.c's top comment says its
 * layout; ner_file.c reads it). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../ner_model.h"
#include "qari/xalloc.h"

static void ner_put_u32(FILE *f, uint32_t v)
{
	unsigned char b[4] = {(unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16),
			      (unsigned char)(v >> 24)};
	fwrite(b, 1, 4, f);
}

static void ner_put_f32(FILE *f, float v)
{
	uint32_t u;
	memcpy(&u, &v, 4);
	ner_put_u32(f, u);
}

/* The scale that maps the largest weight to the int16 range. */
static float ner_model_scale(const struct ner_model *m)
{
	float top = 0;
	for (size_t i = 0; i < (size_t)m->nfeat * NER_NTAGS; i++)
		if (m->w[i] > top || -m->w[i] > top)
			top = m->w[i] > 0 ? m->w[i] : -m->w[i];
	return top > 0 ? top / 32767.0f : 1.0f;
}

/* Features in key order, so that the file does not depend on hash table layout. */
static int ner_u64_cmp(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

/* The word lexicon by key: the file does not depend on the hash table's layout. */
static void ner_model_save_wordlex(FILE *f, const struct ner_keymap *wl)
{
	uint64_t *v = xcalloc(wl->n + 1, sizeof *v);
	size_t k = 0;

	for (size_t i = 0; i < wl->nslots; i++)
		if (wl->vals[i])
			v[k++] = (uint64_t)wl->keys[i] << 32 | (wl->vals[i] - 1);
	xqsort(v, k, sizeof *v, ner_u64_cmp);
	ner_put_u32(f, (uint32_t)k);
	for (size_t i = 0; i < k; i++) {
		ner_put_u32(f, (uint32_t)(v[i] >> 32));
		ner_put_u32(f, (uint32_t)v[i]);
	}
	free(v);
}

/* One pass's weights: u32 features, f32 scale, f32 transitions, u32 keys, i16 rows. */
static void ner_model_save_pass(FILE *f, const struct ner_model *m)
{
	float scale = ner_model_scale(m);
	uint64_t *order = xcalloc(m->nfeat ? m->nfeat : 1, sizeof *order);
	size_t k = 0;

	size_t mask = ner_qtable_slots(m->map.n) - 1; /* as the loader sizes it */

	/* by slot in the loaded table, then key: loading then fills it front to back */
	for (size_t i = 0; i < m->map.nslots; i++)
		if (m->map.vals[i])
			order[k++] = (uint64_t)(m->map.keys[i] & mask) << 32 | m->map.keys[i];
	xqsort(order, k, sizeof *order, ner_u64_cmp);
	for (size_t i = 0; i < k; i++)
		order[i] = (uint64_t)(uint32_t)order[i] << 32 | ner_keymap_get(&m->map, (uint32_t)order[i]);
	ner_put_u32(f, (uint32_t)k);
	ner_put_f32(f, scale);
	for (int p = 0; p <= NER_NTAGS; p++)
		for (int t = 0; t < NER_NTAGS; t++)
			ner_put_f32(f, m->trans[p][t]);
	for (size_t i = 0; i < k; i++)
		ner_put_u32(f, (uint32_t)(order[i] >> 32));
	for (size_t i = 0; i < k; i++) {
		const float *row = m->w + (order[i] & 0xFFFFFFFFu) * NER_NTAGS;
		for (int t = 0; t < NER_NTAGS; t++) {
			float x = row[t] / scale;
			long q = (long)(x + (x >= 0 ? 0.5f : -0.5f)); /* no libm: round by hand */
			unsigned char b[2] = {(unsigned char)(q & 0xFF), (unsigned char)((q >> 8) & 0xFF)};
			fwrite(b, 1, 2, f);
		}
	}
	free(order);
}

bool ner_model_save(const struct ner_model *m, const char *path, char **error)
{
	FILE *f = fopen(path, "wb");

	if (f == NULL) {
		*error = xasprintf("%s: %s", path, strerror(errno));
		return false;
	}
	fwrite(NER_MAGIC, 1, 4, f);
	ner_put_u32(f, NER_VERSION);
	ner_put_u32(f, NER_NTAGS);
	ner_put_u32(f, m->stack ? 2 : 1);
	ner_put_u32(f, m->window);
	ner_model_save_pass(f, m);
	if (m->stack)
		ner_model_save_pass(f, m->stack);
	ner_model_save_wordlex(f, &m->wordlex);
	if (fclose(f) != 0) {
		*error = xasprintf("%s: %s", path, strerror(errno));
		return false;
	}
	return true;
}
