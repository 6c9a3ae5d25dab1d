/* ner_model.c - the tagger at run time: the model file, emission scores and Viterbi.
 *
 * Model file, little-endian: "QNER", u32 version, u32 tags (9), u32 passes (1 or 2), u32
 * window (sentences either side that make a document for the second pass), then per pass:
 * u32 features, f32 scale, f32 transitions[(tags + 1) × tags] (the last row: from the
 * sentence start), u32 keys[features], i16 weights[features × tags] (times scale), in the
 * order of their slots in the table they are loaded into (then by key); then u32
 * words and (u32 key, u32 class) per word of the word lexicon (ner_wordlex.c), by key. */
#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <unistd.h>

#include "ner_private.h"
#include "qari/corpus.h"
#include "qari/xalloc.h"

#define NER_MAGIC "QNER"
#define NER_VERSION 3

static const char *const ner_tag_names[NER_NTAGS_ALL] = {
	"O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC",
	"B-DATE", "I-DATE",
};
static const char *const ner_type_names[NER_NTYPES] = {"", "PERS", "LOC", "ORG", "MISC", "DATE"};

const char *ner_tag_name(int tag) { return tag >= 0 && tag < NER_NTAGS_ALL ? ner_tag_names[tag] : "O"; }
const char *ner_type_name(int type) { return type > 0 && type < NER_NTYPES ? ner_type_names[type] : ""; }

int ner_tag_parse(const char *s, size_t n)
{
	for (int t = 0; t < NER_NTAGS_ALL; t++)
		if (strlen(ner_tag_names[t]) == n && memcmp(ner_tag_names[t], s, n) == 0)
			return t;
	/* ANERcorp spells the person type PERS, others PER: take both */
	if (n == 5 && (memcmp(s, "B-PER", 5) == 0 || memcmp(s, "I-PER", 5) == 0))
		return s[0] == 'B' ? 1 : 2;
	return -1;
}

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

bool ner_bio_allowed(int prev, int tag)
{
	if (!ner_tag_inside(tag))
		return true;
	return prev < NER_NTAGS && prev > 0 && ner_tag_type(prev) == ner_tag_type(tag);
}

void ner_work_reserve(struct ner_work *w, size_t n)
{
	if (n <= w->cap)
		return;
	size_t cap = w->cap ? w->cap : 64;
	while (cap < n)
		cap *= 2;
	w->em = xreallocarray(w->em, cap, NER_NTAGS * sizeof *w->em);
	w->em2 = xreallocarray(w->em2, cap, (NER_NTAGS + 1) * NER_NTAGS * sizeof *w->em2);
	w->score = xreallocarray(w->score, cap, NER_NTAGS * sizeof *w->score);
	w->back = xreallocarray(w->back, cap, NER_NTAGS);
	w->info = xreallocarray(w->info, cap, sizeof(struct ner_tokinfo));
	if (w->feats == NULL)
		w->feats = xcalloc(NER_MAX_FEATS, sizeof *w->feats);
	w->cap = cap;
}

void ner_work_free(struct ner_work *w)
{
	free(w->em);
	free(w->em2);
	free(w->score);
	free(w->back);
	free(w->info);
	free(w->feats);
	memset(w, 0, sizeof *w);
}

/* The transitions with the invalid BIO moves at -inf: the inner loop needs no test. */
static void ner_viterbi_trans(const float trans[NER_NTAGS + 1][NER_NTAGS],
			      float out[NER_NTAGS + 1][NER_NTAGS])
{
	for (int p = 0; p <= NER_NTAGS; p++)
		for (int t = 0; t < NER_NTAGS; t++)
			out[p][t] = ner_bio_allowed(p, t) ? trans[p][t] : -INFINITY;
}

void ner_viterbi(const float trans[NER_NTAGS + 1][NER_NTAGS], const float *em, const float *em2,
		 size_t n, uint8_t *tags, struct ner_work *w)
{
	float tr[NER_NTAGS + 1][NER_NTAGS];
	float *sc = w->score;
	int best = 0;

	if (n == 0)
		return;
	ner_viterbi_trans(trans, tr);
	for (int t = 0; t < NER_NTAGS; t++)
		sc[t] = em[t] + tr[NER_NTAGS][t] + em2[NER_EM2(0, NER_NTAGS, t)];
	for (size_t i = 1; i < n; i++) {
		const float *prev = sc + (i - 1) * NER_NTAGS;
		for (int t = 0; t < NER_NTAGS; t++) {
			float top = -INFINITY;
			int arg = 0;
			for (int p = 0; p < NER_NTAGS; p++) {
				float v = prev[p] + tr[p][t] + em2[NER_EM2(i, p, t)];
				if (v > top)
					top = v, arg = p;
			}
			sc[i * NER_NTAGS + t] = top + em[i * NER_NTAGS + t];
			w->back[i * NER_NTAGS + t] = (uint8_t)arg;
		}
	}
	for (int t = 1; t < NER_NTAGS; t++)
		if (sc[(n - 1) * NER_NTAGS + t] > sc[(n - 1) * NER_NTAGS + best])
			best = t;
	for (size_t i = n; i-- > 0;) {
		tags[i] = (uint8_t)best;
		best = w->back[i * NER_NTAGS + best];
	}
}

static const struct ner_qslot *ner_qtable_find(const struct ner_model *m, uint32_t key)
{
	for (size_t i = key & m->qmask;; i = (i + 1) & m->qmask) {
		const struct ner_qslot *q = &m->qt[i];
		if (!q->used)
			return NULL;
		if (q->key == key)
			return q;
	}
}

/* A key's word in a pass's filter (*word) and the two bits it sets there, from the high half
 * of a product that mixes all the key's bits (qt places keys by their low bits). */
static inline uint64_t ner_qfilter_bits(const struct ner_model *m, uint32_t key, size_t *word)
{
	uint64_t h = key * 0x9E3779B97F4A7C15ULL;
	*word = (size_t)(h >> 32) & m->qfmask; /* 20 bits at most below the two bits' 12 */
	return 1ULL << (h >> 58) | 1ULL << ((h >> 52) & 63);
}

/* Whether qt may hold key: a third of the keys looked up are in no table, and the filter
 * (128 KB a pass, mostly in the processor's cache) spares nearly all of them a miss. */
static inline bool ner_qfilter_may_have(const struct ner_model *m, uint32_t key)
{
	size_t word;
	uint64_t bits = ner_qfilter_bits(m, key, &word);
	return (m->qfilter[word] & bits) == bits;
}

/* A loaded model's int16 weights of features, added to acc as integers (exact, in any
 * order). */
static void ner_model_acc(const struct ner_model *m, const uint32_t *feats, size_t nf,
			  int32_t acc[NER_NTAGS])
{
	uint32_t keys[NER_MAX_FEATS];
	size_t n = 0;

	for (size_t f = 0; f < nf; f++) /* the lookups miss the cache: let them overlap */
		if (ner_qfilter_may_have(m, feats[f])) {
			__builtin_prefetch(&m->qt[feats[f] & m->qmask]);
			keys[n++] = feats[f];
		}
	for (size_t f = 0; f < n; f++) {
		const struct ner_qslot *q = ner_qtable_find(m, keys[f]);
		if (q)
			for (int t = 0; t < NER_NTAGS; t++)
				acc[t] += q->w[t];
	}
}

/* Scores of features: int16 weights of a loaded model summed as integers, scaled once;
 * float weights of a model just trained. */
static void ner_model_score(const struct ner_model *m, const uint32_t *feats, size_t nf, float *e)
{
	int32_t acc[NER_NTAGS] = {0};

	memset(e, 0, NER_NTAGS * sizeof *e);
	if (m->qt == NULL) {
		for (size_t f = 0; f < nf; f++) {
			uint32_t row = ner_keymap_get(&m->map, feats[f]);
			if (row == UINT32_MAX)
				continue;
			for (int t = 0; t < NER_NTAGS; t++)
				e[t] += m->w[(size_t)row * NER_NTAGS + (size_t)t];
		}
		return;
	}
	ner_model_acc(m, feats, nf, acc);
	for (int t = 0; t < NER_NTAGS; t++)
		e[t] = (float)acc[t] * m->scale;
}

/* What a loaded model's tagging keeps between tokens, sentences and articles, one per thread
 * (a pthread key frees it when the thread ends): entries name their model by its serial, so
 * a model loaded where a freed one was never reads the other's. A model in training changes
 * under us and uses neither.
 * - Pair scores depend only on the few pair features (a handful of proclitic classes): ten
 *   table lookups a token become one comparison.
 * - Per word (its hash and kind) and pass, sums over the features one word alone decides: its
 *   own (NER_PART_WORD), and those it gives the tokens two and one places after and before it
 *   (NER_PART_AS_M2...). Two thirds of a token's features come from five such sums; most words
 *   of news text come again soon. Each sum is computed the first time the word stands there.
 *   The sentence's edge is one more "word" (kind NER_EDGE), for the neighbours it stands for. */
#define NER_PAIR_CACHE 64
struct ner_pair_entry {
	uint64_t serial;
	uint32_t base[NER_NPAIR];
	size_t np;
	bool first;
	float em2[(NER_NTAGS + 1) * NER_NTAGS];
};

#define NER_WORD_CACHE 8192
#define NER_EDGE 0xFF /* the kind of the edge "word": no token's */
#define NER_REACH 2   /* neighbours either side whose word alone decides features */
struct ner_word_entry {
	uint64_t serial; /* 0: empty */
	uint64_t hw;
	uint8_t kind;
	uint8_t have; /* bit k: sum[k] is computed */
	int32_t sum[2 * NER_REACH + 1][NER_NTAGS]; /* [NER_REACH + its offset from the token scored] */
};

/* [NER_REACH + d]: the part of a token's features that the word at offset d decides. */
static const unsigned ner_offset_part[2 * NER_REACH + 1] = {
	NER_PART_AS_M2, NER_PART_AS_M1, NER_PART_WORD, NER_PART_AS_P1, NER_PART_AS_P2,
};

struct ner_tag_cache {
	struct ner_pair_entry pairs[NER_PAIR_CACHE];
	struct ner_word_entry words[NER_WORD_CACHE];
};

static pthread_key_t ner_cache_key;
static pthread_once_t ner_cache_once = PTHREAD_ONCE_INIT;

static void ner_cache_key_make(void)
{
	if (pthread_key_create(&ner_cache_key, free) != 0)
		fatal("cannot create a thread key");
}

static struct ner_tag_cache *ner_tag_cache(void)
{
	struct ner_tag_cache *c;

	pthread_once(&ner_cache_once, ner_cache_key_make);
	if ((c = pthread_getspecific(ner_cache_key)) == NULL) {
		c = xcalloc(1, sizeof *c);
		pthread_setspecific(ner_cache_key, c);
	}
	return c;
}

/* This thread's cache, freed now (the main thread's is not freed by the key at exit). */
static void ner_tag_cache_free(void)
{
	pthread_once(&ner_cache_once, ner_cache_key_make);
	free(pthread_getspecific(ner_cache_key));
	pthread_setspecific(ner_cache_key, NULL);
}

/* The entry of a word (kind NER_EDGE: the sentence's edge) for pass m, emptied if another
 * word or pass had its slot. */
static struct ner_word_entry *ner_word_entry(const struct ner_model *m,
					     struct ner_tag_cache *cache, uint64_t hw, uint8_t kind)
{
	uint64_t h = hw ^ (hw >> 29) ^ kind ^ m->serial * 0x9E3779B97F4A7C15ULL; /* passes apart */
	struct ner_word_entry *c = &cache->words[(h ^ (h >> 32)) & (NER_WORD_CACHE - 1)];

	if (c->serial != m->serial || c->hw != hw || c->kind != kind) {
		c->serial = m->serial, c->hw = hw, c->kind = kind;
		c->have = 0;
	}
	return c;
}

/* The entries of a sentence's words, taken before the tokens need them: most miss the
 * processor's cache, and one after the other, the misses overlap. */
static void ner_word_entries_touch(const struct ner_model *m, const struct ner_sentence *s,
				   const struct ner_tokinfo *info, struct ner_tag_cache *cache)
{
	for (size_t j = 0; j < s->n; j++) {
		const char *c = (const char *)ner_word_entry(m, cache, info[j].hw, s->toks[j].kind);
		for (size_t b = 64; b < sizeof(struct ner_word_entry) + 63; b += 64)
			__builtin_prefetch(c + b);
	}
}

/* The sum of m's weights of the features of token i that word i + d decides (the edge beyond
 * the sentence), from the cache or computed now. */
static const int32_t *ner_word_sum(const struct ner_model *m, const struct ner_sentence *s,
				   const struct ner_tokinfo *info, size_t i, int d,
				   struct ner_work *w, struct ner_tag_cache *cache)
{
	long j = (long)i + d;
	bool edge = j < 0 || (size_t)j >= s->n;
	struct ner_word_entry *c = ner_word_entry(m, cache, edge ? 0 : info[j].hw,
						  edge ? NER_EDGE : s->toks[j].kind);
	int k = NER_REACH + d;

	if (!(c->have & 1u << k)) {
		size_t nf = ner_features_part(s, info, i, w->feats, ner_offset_part[k]);
		memset(c->sum[k], 0, sizeof c->sum[k]);
		ner_model_acc(m, w->feats, nf, c->sum[k]);
		c->have |= (uint8_t)(1u << k);
	}
	return c->sum[k];
}

/* Emission scores of token i of a loaded model: the parts one word decides from the cache,
 * the rest looked up; the integer sums are exact, so the scores are those of
 * ner_model_score. */
static void ner_model_emit(const struct ner_model *m, const struct ner_sentence *s,
			   const struct ner_tokinfo *info, size_t i, struct ner_work *w,
			   struct ner_tag_cache *cache, float *e)
{
	int32_t acc[NER_NTAGS] = {0};
	size_t nf;

	for (int d = -NER_REACH; d <= NER_REACH; d++) {
		const int32_t *sum = ner_word_sum(m, s, info, i, d, w, cache);
		for (int t = 0; t < NER_NTAGS; t++)
			acc[t] += sum[t];
	}
	nf = ner_features_part(s, info, i, w->feats, NER_PART_REST);
	ner_model_acc(m, w->feats, nf, acc);
	for (int t = 0; t < NER_NTAGS; t++)
		e[t] = (float)acc[t] * m->scale;
}

/* Pair scores of token i under each previous tag (only the start for the first token). */
static void ner_model_pair_compute(const struct ner_model *m, const uint32_t *base, size_t np,
				   bool first, float *em2)
{
	uint32_t keys[NER_NPAIR];

	for (int p = 0; p <= NER_NTAGS; p++) {
		float *e = em2 + (size_t)p * NER_NTAGS;
		if (first != (p == NER_NTAGS)) {
			memset(e, 0, NER_NTAGS * sizeof *e);
			continue;
		}
		for (size_t f = 0; f < np; f++)
			keys[f] = ner_pair_key(base[f], p);
		ner_model_score(m, keys, np, e);
	}
}

static void ner_model_pair_scores(const struct ner_model *m, const struct ner_tokinfo *info,
				  size_t i, struct ner_work *w, struct ner_tag_cache *cache)
{
	uint32_t base[NER_NPAIR];
	size_t np = ner_pair_features(info, i, base);
	float *em2 = w->em2 + NER_EM2(i, 0, 0);
	struct ner_pair_entry *e;
	uint32_t h = i == 0 ? 1 : 0;

	if (m->qt == NULL) {
		ner_model_pair_compute(m, base, np, i == 0, em2);
		return;
	}
	for (size_t f = 0; f < np; f++)
		h = h * 0x9E3779B1u + base[f];
	e = &cache->pairs[(h >> 7) % NER_PAIR_CACHE];
	if (e->serial != m->serial || e->first != (i == 0) || e->np != np ||
	    memcmp(e->base, base, np * sizeof *base) != 0) {
		e->serial = m->serial;
		e->first = i == 0;
		e->np = np;
		memcpy(e->base, base, np * sizeof *base);
		ner_model_pair_compute(m, base, np, i == 0, e->em2);
	}
	memcpy(em2, e->em2, sizeof e->em2);
}

void ner_tag_info(const struct ner_model *m, const struct ner_sentence *s,
		  const struct ner_tokinfo *info, uint8_t *tags, struct ner_work *w)
{
	struct ner_tag_cache *cache = m->qt ? ner_tag_cache() : NULL; /* once a sentence */

	ner_work_reserve(w, s->n);
	if (m->qt)
		ner_word_entries_touch(m, s, info, cache);
	for (size_t i = 0; i < s->n; i++) {
		if (m->qt) {
			ner_model_emit(m, s, info, i, w, cache, w->em + i * NER_NTAGS);
		} else {
			size_t nf = ner_features(s, info, i, w->feats);
			ner_model_score(m, w->feats, nf, w->em + i * NER_NTAGS);
		}
		ner_model_pair_scores(m, info, i, w, cache);
	}
	ner_viterbi(m->trans, w->em, w->em2, s->n, tags, w);
}

void ner_tag(const struct ner_model *m, const struct ner_sentence *s, uint8_t *tags,
	     struct ner_work *w)
{
	struct ner_tokinfo *info;
	size_t sents[2] = {0, s->n};

	ner_work_reserve(w, s->n);
	info = w->info;
	ner_features_prepare(m->lex, s, info);
	ner_wordlex_apply(&m->wordlex, s->n, info);
	ner_tag_info(m, s, info, tags, w);
	if (m->stack == NULL)
		return;
	ner_doc_classes(info, tags, sents, 1, 0); /* the sentence is the document */
	ner_tag_info(m->stack, s, info, tags, w);
}

const struct ner_lexicon *ner_model_lexicon(const struct ner_model *m) { return m->lex; }

void ner_model_free(struct ner_model *m)
{
	if (m == NULL)
		return;
	ner_keymap_free(&m->map);
	ner_keymap_free(&m->wordlex);
	ner_model_free(m->stack);
	free(m->w);
	free(m->qfilter);
	if (m->qt_bytes)
		munmap(m->qt, m->qt_bytes);
	else
		free(m->qt);
	free(m);
}

static void ner_put_u32(FILE *f, uint32_t v)
{
	unsigned char b[4] = {(unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16),
			      (unsigned char)(v >> 24)};
	fwrite(b, 1, 4, f);
}

static uint32_t ner_get_u32(const unsigned char *p)
{
	return p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static void ner_put_f32(FILE *f, float v)
{
	uint32_t u;
	memcpy(&u, &v, 4);
	ner_put_u32(f, u);
}

static float ner_get_f32(const unsigned char *p)
{
	uint32_t u = ner_get_u32(p);
	float v;
	memcpy(&v, &u, 4);
	return v;
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

/* Slots of the table a loaded pass's weights go to (at most 3/4 full). */
static size_t ner_qtable_slots(size_t nfeat)
{
	size_t n = 64;
	while (n * 3 < nfeat * 4)
		n *= 2;
	return n;
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

/* A zeroed table of n slots. Where the system can, its pages are mapped in one go
 * (*bytes set, freed with munmap): touching 1,500 fresh pages one fault at a time costs
 * more than filling them, in a virtual machine above all. */
static struct ner_qslot *ner_qtable_alloc(size_t n, size_t *bytes)
{
#ifdef MAP_POPULATE
	void *p = mmap(NULL, n * sizeof(struct ner_qslot), PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
	if (p != MAP_FAILED) {
		*bytes = n * sizeof(struct ner_qslot);
		return p;
	}
#endif
	*bytes = 0;
	return xcalloc(n, sizeof(struct ner_qslot));
}

/* The weights of the file (keys, then rows of int16) into the model's table. */
static void ner_qtable_fill(struct ner_model *m, const unsigned char *keys, const unsigned char *rows)
{
	size_t n = ner_qtable_slots(m->nfeat);
	m->qt = ner_qtable_alloc(n, &m->qt_bytes);
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

#define NER_PASS_HEAD (8 + 4 * (NER_NTAGS + 1) * NER_NTAGS)

static atomic_uint_least64_t ner_model_serials; /* serials given to loaded passes so far */

/* One pass's weights from buf[*at...] (len bytes in all): NULL when they do not fit. */
static struct ner_model *ner_model_load_pass(const unsigned char *buf, size_t len, size_t *at,
					     const struct ner_lexicon *lex)
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
	ner_qtable_fill(m, p, p + (size_t)nfeat * 4);
	ner_qfilter_fill(m);
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

	if (buf == NULL)
		return NULL;
	if (len >= at && memcmp(buf, NER_MAGIC, 4) == 0 && ner_get_u32(buf + 4) == NER_VERSION &&
	    ner_get_u32(buf + 8) == NER_NTAGS && (passes = ner_get_u32(buf + 12)) >= 1 && passes <= 2 &&
	    (m = ner_model_load_pass(buf, len, &at, lex)) != NULL) {
		m->window = ner_get_u32(buf + 16);
		if (passes == 2 && (m->stack = ner_model_load_pass(buf, len, &at, lex)) == NULL)
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
