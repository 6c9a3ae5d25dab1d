/* ner_file.c - the model file read (train/ner_save.c writes it), and the bundled model.
 *
 * Model file, little-endian: "QNER", u32 version, u32 tags (9), u32 passes (1 or 2), u32
 * window (sentences either side that make a document for the second pass), then per pass:
 * u32 features, f32 scale, f32 transitions[(tags + 1) × tags] (the last row: from the
 * sentence start), u32 keys[features], i16 weights[features × tags] (times scale), in the
 * order of their slots in the table they are loaded into (then by key); then u32
 * words and (u32 key, u32 class) per word of the word lexicon (ner_wordlex.c), by key. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ner_model.h"
#include "qari/corpus.h"
#include "qari/xalloc.h"

static uint32_t ner_get_u32(const unsigned char *p)
{
	return p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static float ner_get_f32(const unsigned char *p)
{
	uint32_t u = ner_get_u32(p);
	float v;
	memcpy(&v, &u, 4);
	return v;
}

/* A zeroed table of n slots. Where the system can, its pages are mapped in one go
 * (*bytes set, freed with munmap): touching 1,500 fresh pages one fault at a time costs
 * more than filling them, in a virtual machine above all. */
static void *ner_table_alloc(size_t n, size_t size, size_t *bytes)
{
#ifdef MAP_POPULATE
	void *p = mmap(NULL, n * size, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
	if (p != MAP_FAILED) {
		*bytes = n * size;
		return p;
	}
#endif
	*bytes = 0;
	return xcalloc(n, size);
}

/* The weights of the file (keys, then rows of int16) into the model's table. */
static void ner_qtable_fill(struct ner_model *m, const unsigned char *keys, const unsigned char *rows)
{
	size_t n = ner_qtable_slots(m->nfeat);
	m->qt = ner_table_alloc(n, sizeof *m->qt, &m->qt_bytes);
	m->qmask = n - 1;
	for (uint32_t r = 0; r < m->nfeat; r++) {
		uint32_t key = ner_get_u32(keys + 4 * (size_t)r);
		const unsigned char *row = rows + (size_t)r * NER_NTAGS * 2;
		size_t i = key & m->qmask;
		while (m->qt[i].used && m->qt[i].key != key)
			i = (i + 1) & m->qmask;
		m->qt[i].key = key;
		m->qt[i].used = 1;
		for (int t = 0; t < NER_NTAGS; t++)
			m->qt[i].w[t] = (int16_t)(row[2 * t] | row[2 * t + 1] << 8);
	}
}

/* The filter of the table's keys: a 64-bit word per 6 keys or so, two bits set per key
 * (about 3% of absent keys pass). */
static void ner_qfilter_fill(struct ner_model *m)
{
	size_t words = 64;
	while (words * 6 < m->nfeat)
		words *= 2;
	m->qfilter = xcalloc(words, sizeof *m->qfilter);
	m->qfmask = words - 1;
	for (size_t i = 0; i <= m->qmask; i++)
		if (m->qt[i].used) {
			size_t word;
			uint64_t bits = ner_qfilter_bits(m, m->qt[i].key, &word);
			m->qfilter[word] |= bits;
		}
}

/* Pass k's weights (0 the first, 1 the second: the file's keys, then rows of int16) into m's
 * joint table; a key found again takes the later row, as in a pass's own table. */
static void ner_jtable_put(struct ner_model *m, const struct ner_model *pass,
			   const unsigned char *keys, int k)
{
	const unsigned char *rows = keys + (size_t)pass->nfeat * 4;
	for (uint32_t r = 0; r < pass->nfeat; r++) {
		uint32_t key = ner_get_u32(keys + 4 * (size_t)r);
		const unsigned char *row = rows + (size_t)r * NER_NTAGS * 2;
		size_t i = key & m->jmask;
		while (m->jt[i].used && m->jt[i].key != key)
			i = (i + 1) & m->jmask;
		m->jt[i].key = key;
		m->jt[i].used = 1;
		for (int t = 0; t < NER_NTAGS; t++)
			m->jt[i].w[k][t] = (int16_t)(row[2 * t] | row[2 * t + 1] << 8);
	}
}

/* The joint table of a first pass m and its second (their weights at w1 and w2 in the file),
 * and its filter, which both passes look up instead of tables of their own (5 MB more than
 * those two): the features that the document does not decide are looked up there once for
 * both passes (ner_score.c). */
static void ner_jtable_fill(struct ner_model *m, const unsigned char *w1, const unsigned char *w2)
{
	size_t keys = (size_t)m->nfeat + m->stack->nfeat, n = ner_qtable_slots(keys), words = 64;

	m->jt = ner_table_alloc(n, sizeof *m->jt, &m->jt_bytes);
	m->jmask = n - 1;
	ner_jtable_put(m, m, w1, 0);
	ner_jtable_put(m, m->stack, w2, 1);
	while (words * 6 < keys)
		words *= 2;
	m->jfilter = xcalloc(words, sizeof *m->jfilter);
	m->jfmask = words - 1;
	for (size_t i = 0; i <= m->jmask; i++)
		if (m->jt[i].used) {
			size_t word;
			uint64_t bits = ner_filter_bits(m->jfmask, m->jt[i].key, &word);
			m->jfilter[word] |= bits;
		}
	m->stack->jt = m->jt;
	m->stack->jmask = m->jmask;
	m->stack->jfilter = m->jfilter;
	m->stack->jfmask = m->jfmask;
	m->stack->jpass = 1;
	m->ahead = true;
}

#define NER_PASS_HEAD (8 + 4 * (NER_NTAGS + 1) * NER_NTAGS)

static atomic_uint_least64_t ner_model_serials; /* serials given to loaded passes so far */

/* One pass's head from buf[*at...] (len bytes in all), *weights where its weights are, put in
 * a table once the file is known good: NULL when they do not fit. */
static struct ner_model *ner_model_load_pass(const unsigned char *buf, size_t len, size_t *at,
					     const struct ner_lexicon *lex,
					     const unsigned char **weights)
{
	const unsigned char *p = buf + *at;
	struct ner_model *m;
	uint32_t nfeat;

	if (len - *at < NER_PASS_HEAD)
		return NULL;
	nfeat = ner_get_u32(p);
	if ((len - *at - NER_PASS_HEAD) / (4 + 2 * NER_NTAGS) < nfeat)
		return NULL;
	m = xcalloc(1, sizeof *m);
	m->lex = lex;
	m->serial = atomic_fetch_add(&ner_model_serials, 1) + 1;
	m->nfeat = nfeat;
	m->scale = ner_get_f32(p + 4);
	p += 8;
	for (int a = 0; a <= NER_NTAGS; a++)
		for (int t = 0; t < NER_NTAGS; t++, p += 4)
			m->trans[a][t] = ner_get_f32(p);
	*weights = p;
	*at += NER_PASS_HEAD + (size_t)nfeat * (4 + 2 * NER_NTAGS);
	return m;
}

/* Map the file for reading. */
static unsigned char *ner_map_file(const char *path, size_t *len, char **error)
{
	struct stat st;
	void *p;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0 || fstat(fd, &st) < 0 || st.st_size <= 0) {
		*error = xasprintf("%s: %s", path, fd < 0 || errno ? strerror(errno) : "empty file");
		if (fd >= 0)
			close(fd);
		return NULL;
	}
	*len = (size_t)st.st_size;
#ifdef MAP_POPULATE
	p = mmap(NULL, *len, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0); /* one fault, not 1,000 */
#else
	p = mmap(NULL, *len, PROT_READ, MAP_PRIVATE, fd, 0);
#endif
	close(fd);
	if (p == MAP_FAILED) {
		*error = xasprintf("%s: %s", path, strerror(errno));
		return NULL;
	}
	return p;
}

struct ner_model *ner_model_load(const char *path, const struct ner_lexicon *lex, char **error)
{
	size_t len, at = 20;
	unsigned char *buf = ner_map_file(path, &len, error);
	struct ner_model *m = NULL;
	uint32_t passes = 0, nwords = 0;
	const unsigned char *w1 = NULL, *w2 = NULL;

	if (buf == NULL)
		return NULL;
	if (len >= at && memcmp(buf, NER_MAGIC, 4) == 0 && ner_get_u32(buf + 4) == NER_VERSION &&
	    ner_get_u32(buf + 8) == NER_NTAGS && (passes = ner_get_u32(buf + 12)) >= 1 && passes <= 2 &&
	    (m = ner_model_load_pass(buf, len, &at, lex, &w1)) != NULL) {
		m->window = ner_get_u32(buf + 16);
		if (passes == 2 && (m->stack = ner_model_load_pass(buf, len, &at, lex, &w2)) == NULL)
			passes = 0;
		nwords = len - at >= 4 ? ner_get_u32(buf + at) : 0;
		if (len - at < 4 || (len - at - 4) / 8 != nwords || (len - at - 4) % 8 != 0)
			passes = 0;
	}
	if (m == NULL || passes == 0) {
		*error = xasprintf("%s: not a qari NER model (version %d)", path, NER_VERSION);
		ner_model_free(m);
		munmap(buf, len);
		return NULL;
	}
	if (m->stack) {
		ner_jtable_fill(m, w1, w2);
	} else {
		ner_qtable_fill(m, w1, w1 + (size_t)m->nfeat * 4);
		ner_qfilter_fill(m);
	}
	ner_keymap_init(&m->wordlex, nwords);
	for (uint32_t i = 0; i < nwords; i++)
		ner_keymap_put(&m->wordlex, ner_get_u32(buf + at + 4 + 8 * i),
			       ner_get_u32(buf + at + 8 + 8 * i));
	munmap(buf, len);
	return m;
}

static struct ner_model *ner_default_model;
static struct ner_lexicon *ner_default_lex;
static char *ner_default_error;
static pthread_once_t ner_default_once = PTHREAD_ONCE_INIT;

static void ner_default_init(void)
{
	char *dir = corpus_asset_path("ner"), *path = corpus_asset_path("ner/model.bin");
	if ((ner_default_lex = ner_lexicon_load(dir, &ner_default_error)) != NULL)
		ner_default_model = ner_model_load(path, ner_default_lex, &ner_default_error);
	free(dir);
	free(path);
}

const struct ner_model *ner_default(char **error)
{
	pthread_once(&ner_default_once, ner_default_init);
	if (ner_default_model == NULL && error)
		*error = ner_default_error;
	return ner_default_model;
}

void ner_default_free(void)
{
	ner_tag_cache_free();
	ner_model_free(ner_default_model);
	ner_lexicon_free(ner_default_lex);
	free(ner_default_error);
	ner_default_model = NULL;
	ner_default_lex = NULL;
	ner_default_error = NULL;
}
