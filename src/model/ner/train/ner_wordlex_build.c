/* ner_wordlex_build.c - the word lexicon counted from the training data (ner_wordlex.c says
 * what it is): each token's class from the other folds, and the classes over all of it. */
#include <stdlib.h>

#include "ner_trainer.h"
#include "qari/xalloc.h"

#define NER_WORDLEX_FOLDS 10

/* Class of a word from its tag counts: 0 unseen; 1-3 never an entity, seen once, 2-4 times or
 * more (a name is more often a word the training data lacks or saw once than a common word);
 * else its most frequent entity type and position (B or I), and how often it is one (4
 * buckets). */
static uint32_t ner_wordlex_class(const uint32_t c[NER_NTAGS])
{
	uint32_t ent = 0, all = c[0];
	int best = 0;

	for (int t = 1; t < NER_NTAGS; t++) {
		ent += c[t];
		all += c[t];
		if (best == 0 || c[t] > c[best])
			best = t;
	}
	if (ent == 0)
		return all == 0 ? 0 : all == 1 ? 1 : all < 5 ? 2 : 3;
	uint32_t share = ent * 10 / all, bucket = share < 2 ? 0 : share < 5 ? 1 : share < 9 ? 2 : 3;
	return (uint32_t)best * 4 + bucket;
}

/* Fold of sentence k: contiguous blocks, so a fold is other articles, not other sentences of
 * the same article. */
static unsigned ner_wordlex_fold(size_t k, size_t nsent)
{
	return (unsigned)(k * NER_WORDLEX_FOLDS / (nsent ? nsent : 1));
}

void ner_wordlex_build(const struct ner_data *d, size_t nsent, const uint32_t *keys,
		       uint8_t *jack, struct ner_keymap *full)
{
	size_t ntok = d->sents[nsent], nwords = 0;
	struct ner_keymap ix;
	uint32_t *word = xcalloc(ntok + 1, sizeof *word), *cnt;
	size_t row = NER_WORDLEX_FOLDS * NER_NTAGS;

	ner_keymap_init(&ix, ntok / 4);
	for (size_t i = 0; i < ntok; i++) {
		uint32_t w = ner_keymap_get(&ix, keys[i]);
		if (w == UINT32_MAX)
			ner_keymap_put(&ix, keys[i], w = (uint32_t)nwords++);
		word[i] = w;
	}
	cnt = xcalloc(nwords * row + 1, sizeof *cnt);
	for (size_t k = 0; k < nsent; k++)
		for (size_t i = d->sents[k]; i < d->sents[k + 1]; i++)
			cnt[word[i] * row + ner_wordlex_fold(k, nsent) * NER_NTAGS + d->gold[i]]++;
	for (size_t k = 0; k < nsent; k++)
		for (size_t i = d->sents[k]; i < d->sents[k + 1]; i++) {
			uint32_t c[NER_NTAGS] = {0};
			unsigned f0 = ner_wordlex_fold(k, nsent);
			for (unsigned f = 0; f < NER_WORDLEX_FOLDS; f++)
				for (int t = 0; f != f0 && t < NER_NTAGS; t++)
					c[t] += cnt[word[i] * row + f * NER_NTAGS + t];
			jack[i] = (uint8_t)ner_wordlex_class(c);
		}
	ner_keymap_init(full, nwords / 8);
	for (size_t s = 0; s < ix.nslots; s++) {
		uint32_t c[NER_NTAGS] = {0}, cls;
		if (ix.vals[s] == 0)
			continue;
		for (unsigned f = 0; f < NER_WORDLEX_FOLDS; f++)
			for (int t = 0; t < NER_NTAGS; t++)
				c[t] += cnt[(ix.vals[s] - 1) * row + f * NER_NTAGS + t];
		if ((cls = ner_wordlex_class(c)) != 0)
			ner_keymap_put(full, ix.keys[s], cls);
	}
	ner_keymap_free(&ix);
	free(word);
	free(cnt);
}
