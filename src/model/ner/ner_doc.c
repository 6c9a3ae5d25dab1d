/* ner_doc.c - the second pass: a word's first-pass tags elsewhere in the document become
 * features. ANERcorp has no article boundaries, so a document is the sentences at most
 * `window` away from the token's own (training, evaluation and run time alike: at run time
 * the sentences of one article). Counts slide with the window; each token's own tag is
 * taken out of the counts of its word and stem, so the feature says what the rest of the
 * text thinks of it. */
#include <stdlib.h>
#include <string.h>

#include "ner_model.h"
#include "qari/xalloc.h"

#define NER_DOC_STEM_SALT 0x9E3779B9u /* stem keys apart from word keys in the one map */
#define NER_DOC_SLOTS (NER_NTAGS + 1)  /* counts per tag, and of B followed by I */

/* Class of a word from the first-pass tags of its other occurrences: 0 none, 1 always O,
 * else the most frequent entity type, whether it was mostly B or I, and whether it was an
 * entity less than a third of the time, sometimes, or always. */
static uint8_t ner_doc_class(const uint32_t c[NER_DOC_SLOTS])
{
	uint32_t all = 0, ent = 0, e[NER_NTYPES] = {0};
	int best = 0;

	for (int t = 0; t < NER_NTAGS; t++) {
		all += c[t];
		if (t > 0)
			ent += c[t], e[ner_tag_type(t)] += c[t];
	}
	if (all == 0)
		return 0;
	if (ent == 0)
		return 1;
	for (int ty = NER_PERS; ty <= NER_MISC; ty++)
		if (best == 0 || e[ty] > e[best])
			best = ty;
	uint32_t b = c[ner_tag_make(best, false)], in = c[ner_tag_make(best, true)];
	int pos = in > b ? 2 : c[NER_NTAGS] * 2 > b; /* inside, begins a longer name, alone */
	int bucket = ent * 3 < all ? 0 : ent < all ? 1 : 2;
	return (uint8_t)(2 + ((best - 1) * 3 + pos) * 3 + bucket);
}

/* Add (delta 1) or take out (-1) the tags of a sentence, tokens [beg, end). */
static void ner_doc_count(const uint32_t *ix, const uint8_t *tags, size_t beg, size_t end,
			  uint32_t *cnt, int delta)
{
	for (size_t t = beg; t < end; t++) {
		bool longer = t + 1 < end && ner_tag_inside(tags[t + 1]) && !ner_tag_inside(tags[t]);
		for (int s = 0; s < 2; s++) {
			uint32_t *c = cnt + (size_t)ix[2 * t + (size_t)s] * NER_DOC_SLOTS;
			c[tags[t]] += (uint32_t)delta;
			c[NER_NTAGS] += longer ? (uint32_t)delta : 0;
		}
	}
}

void ner_doc_classes(struct ner_tokinfo *info, const uint8_t *tags, const size_t *sents,
		     size_t nsents, unsigned window)
{
	size_t ntok = sents[nsents] - sents[0], nix = 0, lo = 0, hi = 0, t0 = sents[0];
	uint32_t *ix = xcalloc(2 * ntok + 1, sizeof *ix), *cnt;
	struct ner_keymap map;

	ner_keymap_init(&map, ntok);
	for (size_t t = 0; t < ntok; t++)
		for (int s = 0; s < 2; s++) {
			const struct ner_tokinfo *ti = &info[t0 + t];
			uint32_t key = s ? (uint32_t)(ti->hs ^ ti->hs >> 32) ^ NER_DOC_STEM_SALT :
					   ner_wordlex_key(ti);
			uint32_t v = ner_keymap_get(&map, key);
			if (v == UINT32_MAX)
				ner_keymap_put(&map, key, v = (uint32_t)nix++);
			ix[2 * t + (size_t)s] = v;
		}
	cnt = xcalloc(nix * NER_DOC_SLOTS + 1, sizeof *cnt);
	for (size_t k = 0; k < nsents; k++) {
		size_t want_lo = k > window ? k - window : 0;
		size_t want_hi = nsents - k > window ? k + window + 1 : nsents;
		for (; hi < want_hi; hi++)
			ner_doc_count(ix, tags + t0, sents[hi] - t0, sents[hi + 1] - t0, cnt, 1);
		for (; lo < want_lo; lo++)
			ner_doc_count(ix, tags + t0, sents[lo] - t0, sents[lo + 1] - t0, cnt, -1);
		for (size_t t = sents[k] - t0; t < sents[k + 1] - t0; t++) {
			bool longer = t + 1 < sents[k + 1] - t0 && ner_tag_inside(tags[t0 + t + 1]) &&
				      !ner_tag_inside(tags[t0 + t]);
			uint32_t c[NER_DOC_SLOTS];
			for (int s = 0; s < 2; s++) {
				memcpy(c, cnt + (size_t)ix[2 * t + (size_t)s] * NER_DOC_SLOTS, sizeof c);
				c[tags[t0 + t]]--;
				c[NER_NTAGS] -= longer;
				if (s)
					info[t0 + t].docs = ner_doc_class(c);
				else
					info[t0 + t].docw = ner_doc_class(c);
			}
		}
	}
	ner_keymap_free(&map);
	free(ix);
	free(cnt);
}

void ner_tag_data(const struct ner_model *m, const struct ner_data *d, size_t from, size_t to,
		  const uint8_t (*docs)[2], uint8_t *tags)
{
	size_t t0 = d->sents[from], ntok = d->sents[to] - t0;
	struct ner_tokinfo *info = xcalloc(ntok + 1, sizeof *info);
	size_t *sents = xcalloc(to - from + 1, sizeof *sents);
	struct ner_work w = {0};

	for (size_t k = from; k < to; k++) {
		struct ner_sentence s = ner_data_sentence(d, k);
		struct ner_tokinfo *in = info + (d->sents[k] - t0);
		ner_features_prepare(m->lex, &s, in);
		ner_wordlex_apply(&m->wordlex, s.n, in);
		for (size_t i = 0; docs && i < s.n; i++) {
			in[i].docw = docs[d->sents[k] + i][0];
			in[i].docs = docs[d->sents[k] + i][1];
		}
		ner_tag_info(m, &s, in, tags + d->sents[k], &w);
		sents[k - from] = d->sents[k] - t0;
	}
	sents[to - from] = ntok;
	if (m->stack && docs == NULL) {
		ner_doc_classes(info, tags + t0, sents, to - from, m->window);
		for (size_t k = from; k < to; k++) {
			struct ner_sentence s = ner_data_sentence(d, k);
			ner_tag_info(m->stack, &s, info + (d->sents[k] - t0), tags + d->sents[k], &w);
		}
	}
	ner_work_free(&w);
	free(sents);
	free(info);
}

void ner_data_tag(const struct ner_model *m, const struct ner_data *d, uint8_t *tags)
{
	if (d->nsents > 0)
		ner_tag_data(m, d, 0, d->nsents, NULL, tags);
}
