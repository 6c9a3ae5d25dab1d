/* ner_score.c - tagging a sentence: emission scores (summed from a loaded model's int16
 * weights, cached per word and thread; or a model in training's float weights), pair scores
 * and Viterbi over BIO tags. */
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "ner_model.h"
#include "qari/xalloc.h"

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
/* Whether qt may hold key: a third of the keys looked up are in no table, and the filter
 * (128 KB a pass, mostly in the processor's cache) spares nearly all of them a miss. */
static inline bool ner_qfilter_may_have(const struct ner_model *m, uint32_t key)
{
	size_t word;
	uint64_t bits = ner_qfilter_bits(m, key, &word);
	return (m->qfilter[word] & bits) == bits;
}

static void ner_model_acc_pass(const struct ner_model *m, const uint32_t *feats, size_t nf,
			       int32_t acc[NER_NTAGS]);

/* A loaded model's int16 weights of features, added to acc as integers (exact, in any
 * order). */
static void ner_model_acc(const struct ner_model *m, const uint32_t *feats, size_t nf,
			  int32_t acc[NER_NTAGS])
{
	uint32_t keys[NER_MAX_FEATS];

	if (m->jt) {
		ner_model_acc_pass(m, feats, nf, acc);
		return;
	}
	int32_t sum[NER_NTAGS]; /* in registers, not through acc, which may alias the weights */
	size_t n = 0;

	for (size_t f = 0; f < nf; f++) /* the lookups miss the cache: let them overlap */
		if (ner_qfilter_may_have(m, feats[f])) {
			__builtin_prefetch(&m->qt[feats[f] & m->qmask]);
			keys[n++] = feats[f];
		}
	memcpy(sum, acc, sizeof sum);
	for (size_t f = 0; f < n; f++) {
		const struct ner_qslot *q = ner_qtable_find(m, keys[f]);
		if (q)
#pragma GCC unroll 16 /* all NER_NTAGS: sum stays in registers */
			for (int t = 0; t < NER_NTAGS; t++)
				sum[t] += q->w[t];
	}
	memcpy(acc, sum, sizeof sum);
}

static const struct ner_jslot *ner_jtable_find(const struct ner_model *m, uint32_t key)
{
	for (size_t i = key & m->jmask;; i = (i + 1) & m->jmask) {
		const struct ner_jslot *q = &m->jt[i];
		if (!q->used)
			return NULL;
		if (q->key == key)
			return q;
	}
}

/* jt's keys of feats that its filter lets through, their slots prefetched: the lookups miss
 * the cache, so let them overlap. */
static size_t ner_jtable_keys(const struct ner_model *m, const uint32_t *feats, size_t nf,
			      uint32_t *keys)
{
	size_t n = 0;
	for (size_t f = 0; f < nf; f++) {
		size_t word;
		uint64_t bits = ner_filter_bits(m->jfmask, feats[f], &word);
		if ((m->jfilter[word] & bits) == bits) {
			const char *slot = (const char *)&m->jt[feats[f] & m->jmask];
			__builtin_prefetch(slot);
			__builtin_prefetch(slot + sizeof(struct ner_jslot) - 1); /* it may span two lines */
			keys[n++] = feats[f];
		}
	}
	return n;
}

/* ner_model_acc for a pass whose weights are in the joint table. */
static void ner_model_acc_pass(const struct ner_model *m, const uint32_t *feats, size_t nf,
			       int32_t acc[NER_NTAGS])
{
	uint32_t keys[NER_MAX_FEATS];
	int32_t sum[NER_NTAGS];
	size_t n = ner_jtable_keys(m, feats, nf, keys);

	memcpy(sum, acc, sizeof sum);
	for (size_t f = 0; f < n; f++) {
		const struct ner_jslot *q = ner_jtable_find(m, keys[f]);
		if (q)
#pragma GCC unroll 16
			for (int t = 0; t < NER_NTAGS; t++)
				sum[t] += q->w[m->jpass][t];
	}
	memcpy(acc, sum, sizeof sum);
}

/* ner_model_acc over the joint table: the first pass's weights added to acc, the second's to
 * acc2, one lookup for both. */
static void ner_model_acc_joint(const struct ner_model *m, const uint32_t *feats, size_t nf,
				int32_t acc[NER_NTAGS], int32_t acc2[NER_NTAGS])
{
	uint32_t keys[NER_MAX_FEATS];
	int32_t sum[NER_NTAGS], sum2[NER_NTAGS];
	size_t n = ner_jtable_keys(m, feats, nf, keys);

	memcpy(sum, acc, sizeof sum);
	memcpy(sum2, acc2, sizeof sum2);
	for (size_t f = 0; f < n; f++) {
		const struct ner_jslot *q = ner_jtable_find(m, keys[f]);
		if (q)
#pragma GCC unroll 16
			for (int t = 0; t < NER_NTAGS; t++) {
				sum[t] += q->w[0][t];
				sum2[t] += q->w[1][t];
			}
	}
	memcpy(acc, sum, sizeof sum);
	memcpy(acc2, sum2, sizeof sum2);
}

/* Scores of features: int16 weights of a loaded model summed as integers, scaled once;
 * float weights of a model just trained. */
static void ner_model_score(const struct ner_model *m, const uint32_t *feats, size_t nf, float *e)
{
	int32_t acc[NER_NTAGS] = {0};

	memset(e, 0, NER_NTAGS * sizeof *e);
	if (!ner_model_loaded(m)) {
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

/* Entries of a thread's word cache (200 bytes each, 3.3 MB in all): a miss costs some 60 table
 * lookups. 16,384 rather than 8,192 take 8% off the tagging time of a day's news for 1.6 MB
 * more a thread; 32,768 take 14% off for 4.9 MB more (against the memory budget). */
#define NER_WORD_CACHE 16384
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

void ner_tag_cache_free(void)
{
	pthread_once(&ner_cache_once, ner_cache_key_make);
	free(pthread_getspecific(ner_cache_key));
	pthread_setspecific(ner_cache_key, NULL);
}

/* The entry of a word (kind NER_EDGE: the sentence's edge) for pass m, emptied if another
 * word or pass had its slot. */
static size_t ner_word_slot(const struct ner_model *m, uint64_t hw, uint8_t kind)
{
	uint64_t h = hw ^ (hw >> 29) ^ kind ^ m->serial * 0x9E3779B97F4A7C15ULL; /* passes apart */
	return (h ^ (h >> 32)) & (NER_WORD_CACHE - 1);
}

static struct ner_word_entry *ner_word_entry(const struct ner_model *m,
					     struct ner_tag_cache *cache, uint64_t hw, uint8_t kind)
{
	struct ner_word_entry *c = &cache->words[ner_word_slot(m, hw, kind)];

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
	uint64_t hw = edge ? 0 : info[j].hw;
	uint8_t kind = edge ? NER_EDGE : s->toks[j].kind;
	struct ner_word_entry *c = ner_word_entry(m, cache, hw, kind), *c2;
	int k = NER_REACH + d;

	if (!(c->have & 1u << k)) {
		size_t nf = ner_features_part(s, info, i, w->feats, ner_offset_part[k]);
		memset(c->sum[k], 0, sizeof c->sum[k]);
		/* a first pass with a joint table fills the second's entry of the word too */
		if (m->ahead && ner_word_slot(m->stack, hw, kind) != ner_word_slot(m, hw, kind) &&
		    !((c2 = ner_word_entry(m->stack, cache, hw, kind))->have & 1u << k)) {
			memset(c2->sum[k], 0, sizeof c2->sum[k]);
			ner_model_acc_joint(m, w->feats, nf, c->sum[k], c2->sum[k]);
			c2->have |= (uint8_t)(1u << k);
		} else {
			ner_model_acc(m, w->feats, nf, c->sum[k]);
		}
		c->have |= (uint8_t)(1u << k);
	}
	return c->sum[k];
}

/* How a pass looks up the features no one word decides. */
struct ner_rest {
	int32_t (*ahead)[NER_NTAGS];        /* a first pass: the second's sums left here */
	const int32_t (*behind)[NER_NTAGS]; /* a second pass: its sums made ahead */
};

/* Emission scores of token i of a loaded model: the parts one word decides from the cache,
 * the rest looked up (or, made ahead, only the document's part); the integer sums are exact
 * and in any order, so the scores are those of ner_model_score. */
static void ner_model_emit(const struct ner_model *m, const struct ner_sentence *s,
			   const struct ner_tokinfo *info, size_t i, struct ner_work *w,
			   struct ner_tag_cache *cache, const struct ner_rest *r, float *e)
{
	int32_t acc[NER_NTAGS] = {0};
	size_t nf;

	for (int d = -NER_REACH; d <= NER_REACH; d++) {
		const int32_t *sum = ner_word_sum(m, s, info, i, d, w, cache);
		for (int t = 0; t < NER_NTAGS; t++)
			acc[t] += sum[t];
	}
	if (r->behind) {
		for (int t = 0; t < NER_NTAGS; t++)
			acc[t] += r->behind[i][t];
		nf = ner_features_doc(s, info, i, w->feats);
		ner_model_acc(m, w->feats, nf, acc);
	} else if (r->ahead) {
		memset(r->ahead[i], 0, sizeof r->ahead[i]);
		nf = ner_features_part(s, info, i, w->feats, NER_PART_REST);
		ner_model_acc_joint(m, w->feats, nf, acc, r->ahead[i]);
	} else {
		nf = ner_features_part(s, info, i, w->feats, NER_PART_REST);
		ner_model_acc(m, w->feats, nf, acc);
	}
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

	if (!ner_model_loaded(m)) {
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

static void ner_tag_rest(const struct ner_model *m, const struct ner_sentence *s,
			 const struct ner_tokinfo *info, uint8_t *tags, struct ner_work *w,
			 const struct ner_rest *r)
{
	struct ner_tag_cache *cache = ner_model_loaded(m) ? ner_tag_cache() : NULL; /* once a sentence */

	ner_work_reserve(w, s->n);
	if (cache)
		ner_word_entries_touch(m, s, info, cache);
	for (size_t i = 0; i < s->n; i++) {
		if (cache) {
			ner_model_emit(m, s, info, i, w, cache, r, w->em + i * NER_NTAGS);
		} else {
			size_t nf = ner_features(s, info, i, w->feats);
			ner_model_score(m, w->feats, nf, w->em + i * NER_NTAGS);
		}
		ner_model_pair_scores(m, info, i, w, cache);
	}
	ner_viterbi(m->trans, w->em, w->em2, s->n, tags, w);
}

void ner_tag_info(const struct ner_model *m, const struct ner_sentence *s,
		  const struct ner_tokinfo *info, uint8_t *tags, struct ner_work *w)
{
	ner_tag_rest(m, s, info, tags, w, &(struct ner_rest){0});
}

void ner_tag_info_ahead(const struct ner_model *m, const struct ner_sentence *s,
			const struct ner_tokinfo *info, uint8_t *tags, struct ner_work *w,
			int32_t (*ahead)[NER_NTAGS])
{
	ner_tag_rest(m, s, info, tags, w, &(struct ner_rest){.ahead = m->ahead ? ahead : NULL});
}

void ner_tag_info_behind(const struct ner_model *m, const struct ner_sentence *s,
			 const struct ner_tokinfo *info, uint8_t *tags, struct ner_work *w,
			 const int32_t (*ahead)[NER_NTAGS])
{
	ner_tag_rest(m, s, info, tags, w, &(struct ner_rest){.behind = ahead});
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
