/* ner_wordlex.c - entities seen in the training data, word by word: the tags a word (without
 * its proclitics) carried there, or how often it was seen when never an entity, become a
 * class, a feature of the tagger. The model file keeps
 * the classes learnt from all the training data; while training, each token's class comes
 * from the other folds only (jackknifing), or the feature would be trivially right and the
 * tagger would learn to trust it more than it deserves on new text. The classes are counted
 * by train/ner_wordlex_build.c; here they are looked up. */
#include "ner_private.h"

uint32_t ner_wordlex_key(const struct ner_tokinfo *t)
{
	return ner_word_key(t->hp);
}

void ner_wordlex_apply(const struct ner_keymap *wl, size_t n, struct ner_tokinfo *info)
{
	for (size_t i = 0; i < n; i++) {
		uint32_t c = wl->nslots ? ner_keymap_get(wl, ner_wordlex_key(&info[i])) : UINT32_MAX;
		info[i].wlex = c == UINT32_MAX ? 0 : (uint8_t)c;
	}
}
