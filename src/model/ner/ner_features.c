/* ner_features.c - what the tagger sees of a token. Facts about each token (hashes of its
 * forms, gazetteer and trigger membership) are computed once per sentence; features are then
 * 32-bit keys mixed from a template number and a hash, so no string is ever built. */
#include <string.h>

#include "ner_private.h"

enum ner_tmpl {
	NER_F_BIAS, NER_F_W0, NER_F_S0, NER_F_P0, NER_F_WM1, NER_F_WP1, NER_F_WM2, NER_F_WP2,
	NER_F_SM1, NER_F_SP1, NER_F_BI_L, NER_F_BI_R, NER_F_PRE1, NER_F_PRE2, NER_F_PRE3,
	NER_F_SUF1, NER_F_SUF2, NER_F_SUF3, NER_F_SHAPE, NER_F_SHAPE_L, NER_F_SHAPE_R,
	NER_F_GAZ0, NER_F_GAZM0, NER_F_GAZM1, NER_F_GAZP1, NER_F_GAZMM1, NER_F_GAZMP1,
	NER_F_TRIGM1, NER_F_TRIGM2, NER_F_TRIG0, NER_F_TRIGP1, NER_F_FIRST, NER_F_HAS_AL,
	NER_F_TRIGM1_GAZ0, NER_F_TRIGM1_S0, NER_F_SM1_SP1, NER_F_PRE2_SUF2, NER_F_WM1_GAZ0,
	NER_F_PRE4, NER_F_SUF4, NER_F_PM1, NER_F_PP1, NER_F_SBI_L, NER_F_SBI_R, NER_F_PM2, NER_F_PP2,
	NER_F_PAIR_W0, NER_F_PAIR_CLITIC, NER_F_PAIR_GAZ, NER_F_WLEX0, NER_F_WLEXM1, NER_F_WLEXP1,
	NER_F_WLEX_PAIR, NER_F_DOCW0, NER_F_DOCS0, NER_F_DOCWM1, NER_F_DOCWP1, NER_F_DOCW_WLEX,
	NER_F_DOCW_GAZM, NER_F_DOCW_DOCS, NER_F_DOCW_BI, NER_F_DOCW_TRIG, NER_F_PM1_WLEX0,
	NER_F_WLEX0_PP1, NER_F_CL0, NER_F_CLM1 = NER_F_CL0 + NER_CLUSTER_LEVELS, NER_F_CLP1,
	NER_F_CL1M1, NER_F_CL1P1, NER_F_CL_WLEX, NER_F_CLM2, NER_F_CLP2,
};

#define NER_BOS 0x5a5a5a5a5a5a5a5aULL /* the "word" before a sentence */
#define NER_EOS 0xa5a5a5a5a5a5a5a5ULL /* and after it */

/* A template number and a 64-bit value → a feature key (splitmix64 finaliser). */
static inline uint32_t ner_key(uint32_t tmpl, uint64_t v)
{
	v ^= ((uint64_t)tmpl + 1) * 0x9E3779B97F4A7C15ULL;
	v ^= v >> 31;
	v *= 0xBF58476D1CE4E5B9ULL;
	v ^= v >> 29;
	v *= 0x94D049BB133111EBULL;
	return (uint32_t)(v ^ (v >> 32));
}

static inline uint64_t ner_hash(const char *s, size_t n)
{
	return strtab_hash(STRTAB_HASH_INIT, s, n);
}

static uint32_t ner_letters(const char *s, size_t n)
{
	uint32_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += ((unsigned char)s[i] & 0xC0) != 0x80;
	return k;
}

/* Byte offset after the first k letters of s (n when shorter). */
static size_t ner_prefix_bytes(const char *s, size_t n, uint32_t k)
{
	size_t i = 0;
	while (i < n && k > 0) {
		i++;
		while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80)
			i++;
		k--;
	}
	return i;
}

/* Byte offset where the last k letters of s start (0 when shorter). */
static size_t ner_suffix_start(const char *s, size_t n, uint32_t k)
{
	size_t i = n;
	while (i > 0 && k > 0) {
		i--;
		while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
			i--;
		k--;
	}
	return i;
}

static uint8_t ner_shape(const char *w, size_t n, uint8_t kind, uint32_t letters)
{
	bool latin = n > 0 && (unsigned char)w[0] < 0x80 && kind == NORM_TOKEN_WORD;
	uint8_t len = letters <= 2 ? (uint8_t)letters : letters <= 4 ? 3 : letters <= 6 ? 4 : 5;
	return (uint8_t)(kind | (latin << 2) | (len << 3));
}

static void ner_token_facts(const struct ner_lexicon *lex, const char *w, size_t n, uint8_t kind,
			    struct ner_tokinfo *t)
{
	struct norm_split sp = {0};

	if (kind == NORM_TOKEN_WORD)
		norm_word_split(w, n, &sp);
	t->stem = (uint32_t)sp.stem;
	t->nletters = ner_letters(w, n);
	t->hw = ner_hash(w, n);
	t->hp = sp.proclitic ? ner_hash(w + sp.proclitic, n - sp.proclitic) : t->hw;
	t->hs = sp.stem ? ner_hash(w + sp.stem, n - sp.stem) : t->hp;
	t->hc = sp.proclitic ? ner_hash(w, sp.proclitic) : 0;
	t->gaz = t->trig = t->gazm = t->wlex = t->docw = t->docs = 0;
	if (kind == NORM_TOKEN_WORD) { /* the word, and without its proclitics when it has any */
		t->gaz = ner_lexicon_gaz(lex, w, n);
		t->trig = ner_lexicon_trigger(lex, w, n);
		if (sp.proclitic) {
			t->gaz |= ner_lexicon_gaz(lex, w + sp.proclitic, n - sp.proclitic);
			t->trig |= ner_lexicon_trigger(lex, w + sp.proclitic, n - sp.proclitic);
		}
	}
	t->shape = ner_shape(w, n, kind, t->nletters);
	t->clustered = lex->clusters != NULL;
	if (kind == NORM_TOKEN_WORD && t->clustered)
		ner_lexicon_clusters(lex, ner_word_key(t->hp), t->cl);
	else
		memset(t->cl, 0, sizeof t->cl);
}

/* Type of the lowest bit set: the type a phrase listed under several types is marked with. */
static int ner_first_type(uint8_t bits)
{
	for (int t = NER_PERS; t <= NER_MISC; t++)
		if (bits & (1u << t))
			return t;
	return 0;
}

/* Length (tokens) of the longest gazetteer phrase starting at token i with its first word
 * from byte off on, and its type bits; words are added while a longer phrase may match. */
static size_t ner_gaz_match_from(const struct ner_lexicon *lex, const struct ner_sentence *s,
				 size_t i, size_t off, uint8_t *bits)
{
	size_t maxl = s->n - i < NER_GAZ_MAX_WORDS ? s->n - i : NER_GAZ_MAX_WORDS, best = 0;
	const char *w = s->text + s->toks[i].beg + off;
	bool longer = true;

	*bits = 0;
	for (size_t l = 1; l <= maxl && longer; l++) {
		uint8_t b = ner_lexicon_gaz_longer(lex, w, (size_t)(s->text + s->toks[i + l - 1].end - w), &longer);
		if (b && s->toks[i + l - 1].kind != NORM_TOKEN_PUNCT)
			best = l, *bits = b;
	}
	return best;
}

/* Length (tokens) and type of the longest gazetteer phrase starting at token i, first word
 * taken with or without its clitics (the first form wins a tie). */
static size_t ner_gaz_match(const struct ner_lexicon *lex, const struct ner_sentence *s, size_t i,
			    int *type)
{
	const char *w = s->text + s->toks[i].beg;
	struct norm_split sp;
	size_t best = 0;

	norm_word_split(w, s->toks[i].end - s->toks[i].beg, &sp);
	size_t offs[3] = {0, sp.proclitic, sp.stem};
	for (int o = 0; o < 3; o++) {
		uint8_t bits;
		size_t l;
		if (o > 0 && offs[o] == offs[o - 1])
			continue;
		if ((l = ner_gaz_match_from(lex, s, i, offs[o], &bits)) > best) {
			best = l;
			*type = ner_first_type(bits);
		}
	}
	return best;
}

void ner_features_prepare(const struct ner_lexicon *lex, const struct ner_sentence *s,
			  struct ner_tokinfo *info)
{
	for (size_t i = 0; i < s->n; i++)
		ner_token_facts(lex, s->text + s->toks[i].beg, s->toks[i].end - s->toks[i].beg,
				s->toks[i].kind, &info[i]);
	for (size_t i = 0; i < s->n;) {
		int type = 0;
		size_t l = s->toks[i].kind == NORM_TOKEN_WORD ? ner_gaz_match(lex, s, i, &type) : 0;
		if (l == 0) {
			i++;
			continue;
		}
		for (size_t k = 0; k < l; k++)
			info[i + k].gazm = (uint8_t)ner_tag_make(type, k > 0);
		i += l;
	}
}

#define NER_W(j) ((j) < 0 ? NER_BOS : (size_t)(j) >= s->n ? NER_EOS : info[j].hw)
#define NER_S(j) ((j) < 0 ? NER_BOS : (size_t)(j) >= s->n ? NER_EOS : info[j].hs)
#define NER_P(j) ((j) < 0 ? NER_BOS : (size_t)(j) >= s->n ? NER_EOS : info[j].hp)
#define NER_INFO(j, field, none) ((j) < 0 || (size_t)(j) >= s->n ? (none) : info[j].field)

/* Prefix and suffix features of the word and its stem. */
static size_t ner_affix_features(const char *w, size_t n, const struct ner_tokinfo *t,
				 uint32_t *out)
{
	size_t k = 0;
	const char *stem = w + t->stem;
	size_t sn = n - t->stem;
	uint64_t p2 = 0, s2 = 0;

	for (uint32_t l = 1; l <= 3; l++) {
		if (ner_letters(stem, sn) > l) {
			uint64_t h = ner_hash(stem, ner_prefix_bytes(stem, sn, l));
			out[k++] = ner_key(NER_F_PRE1 + l - 1, h);
			if (l == 2)
				p2 = h;
		}
		if (t->nletters > l) {
			size_t b = ner_suffix_start(w, n, l);
			uint64_t h = ner_hash(w + b, n - b);
			out[k++] = ner_key(NER_F_SUF1 + l - 1, h);
			if (l == 2)
				s2 = h;
		}
	}
	if (ner_letters(stem, sn) > 4)
		out[k++] = ner_key(NER_F_PRE4, ner_hash(stem, ner_prefix_bytes(stem, sn, 4)));
	if (t->nletters > 4) {
		size_t b = ner_suffix_start(w, n, 4);
		out[k++] = ner_key(NER_F_SUF4, ner_hash(w + b, n - b));
	}
	if (p2 && s2)
		out[k++] = ner_key(NER_F_PRE2_SUF2, p2 * 31 + s2);
	return k;
}

/* Second pass: what the first pass made of the same word elsewhere in the document (none in
 * the first pass, where every class is 0). */
static size_t ner_doc_features(const struct ner_sentence *s, const struct ner_tokinfo *info,
			       size_t i, uint32_t *out)
{
	const struct ner_tokinfo *t = &info[i];
	long j = (long)i;
	uint8_t l = NER_INFO(j - 1, docw, 0), r = NER_INFO(j + 1, docw, 0);
	size_t k = 0;

	if (t->docw) {
		out[k++] = ner_key(NER_F_DOCW0, t->docw);
		out[k++] = ner_key(NER_F_DOCW_WLEX, t->docw * 256u + t->wlex);
		out[k++] = ner_key(NER_F_DOCW_GAZM, t->docw * 256u + t->gazm);
	}
	if (t->docs) {
		out[k++] = ner_key(NER_F_DOCS0, t->docs);
		out[k++] = ner_key(NER_F_DOCW_DOCS, t->docw * 256u + t->docs);
	}
	if (t->docw) {
		out[k++] = ner_key(NER_F_DOCW_BI, l * 256u + t->docw);
		out[k++] = ner_key(NER_F_DOCW_TRIG, NER_INFO(j - 1, trig, 255) * 256u + t->docw);
	}
	if (l)
		out[k++] = ner_key(NER_F_DOCWM1, l);
	if (r)
		out[k++] = ner_key(NER_F_DOCWP1, r);
	return k;
}

/* Append a feature of the parts asked for. */
#define NER_ADD(part, key)                \
	do {                              \
		if (parts & (part))       \
			out[k++] = (key); \
	} while (0)

/* Word clusters from unlabelled text (clusters.txt): a name the training data lacks shares
 * them with names it has. Every level of the word's, with its word lexicon class, the finest
 * two of the words either side, the finest of those two away; all decided by one word. */
static size_t ner_cluster_features(const struct ner_sentence *s, const struct ner_tokinfo *info,
				   size_t i, uint32_t *out, unsigned parts)
{
	const struct ner_tokinfo *t = &info[i];
	long j = (long)i;
	size_t k = 0;

	for (uint32_t l = 0; l < NER_CLUSTER_LEVELS; l++)
		NER_ADD(NER_PART_WORD, ner_key(NER_F_CL0 + l, t->cl[l]));
	NER_ADD(NER_PART_WORD, ner_key(NER_F_CL_WLEX, t->cl[0] * 256u + t->wlex));
	NER_ADD(NER_PART_AS_M1, ner_key(NER_F_CLM1, NER_INFO(j - 1, cl[0], 0xFFFF)));
	NER_ADD(NER_PART_AS_P1, ner_key(NER_F_CLP1, NER_INFO(j + 1, cl[0], 0xFFFF)));
	NER_ADD(NER_PART_AS_M1, ner_key(NER_F_CL1M1, NER_INFO(j - 1, cl[1], 0xFFFF)));
	NER_ADD(NER_PART_AS_P1, ner_key(NER_F_CL1P1, NER_INFO(j + 1, cl[1], 0xFFFF)));
	NER_ADD(NER_PART_AS_M2, ner_key(NER_F_CLM2, NER_INFO(j - 2, cl[0], 0xFFFF)));
	NER_ADD(NER_PART_AS_P2, ner_key(NER_F_CLP2, NER_INFO(j + 2, cl[0], 0xFFFF)));
	return k;
}

size_t ner_features_part(const struct ner_sentence *s, const struct ner_tokinfo *info, size_t i,
			 uint32_t *out, unsigned parts)
{
	long j = (long)i;
	const struct ner_tokinfo *t = &info[i];
	const char *w = s->text + s->toks[i].beg;
	size_t n = s->toks[i].end - s->toks[i].beg, k = 0;
	uint8_t trig1 = NER_INFO(j - 1, trig, 0);

	NER_ADD(NER_PART_WORD, ner_key(NER_F_BIAS, 0));
	NER_ADD(NER_PART_WORD, ner_key(NER_F_W0, t->hw));
	NER_ADD(NER_PART_WORD, ner_key(NER_F_P0, t->hp));
	NER_ADD(NER_PART_WORD, ner_key(NER_F_S0, t->hs));
	NER_ADD(NER_PART_AS_M1, ner_key(NER_F_WM1, NER_W(j - 1)));
	NER_ADD(NER_PART_AS_P1, ner_key(NER_F_WP1, NER_W(j + 1)));
	NER_ADD(NER_PART_AS_M2, ner_key(NER_F_WM2, NER_W(j - 2)));
	NER_ADD(NER_PART_AS_P2, ner_key(NER_F_WP2, NER_W(j + 2)));
	NER_ADD(NER_PART_AS_M1, ner_key(NER_F_SM1, NER_S(j - 1)));
	NER_ADD(NER_PART_AS_P1, ner_key(NER_F_SP1, NER_S(j + 1)));
	NER_ADD(NER_PART_REST, ner_key(NER_F_BI_L, NER_W(j - 1) * 31 + t->hw));
	NER_ADD(NER_PART_REST, ner_key(NER_F_BI_R, t->hw * 31 + NER_W(j + 1)));
	NER_ADD(NER_PART_REST, ner_key(NER_F_SM1_SP1, NER_S(j - 1) * 31 + NER_S(j + 1)));
	NER_ADD(NER_PART_AS_M1, ner_key(NER_F_PM1, NER_P(j - 1)));
	NER_ADD(NER_PART_AS_P1, ner_key(NER_F_PP1, NER_P(j + 1)));
	NER_ADD(NER_PART_AS_M2, ner_key(NER_F_PM2, NER_P(j - 2)));
	NER_ADD(NER_PART_AS_P2, ner_key(NER_F_PP2, NER_P(j + 2)));
	NER_ADD(NER_PART_REST, ner_key(NER_F_SBI_L, NER_P(j - 1) * 31 + t->hs));
	NER_ADD(NER_PART_REST, ner_key(NER_F_SBI_R, t->hs * 31 + NER_P(j + 1)));
	if (s->toks[i].kind == NORM_TOKEN_WORD && (parts & NER_PART_WORD))
		k += ner_affix_features(w, n, t, out + k);
	NER_ADD(NER_PART_WORD, ner_key(NER_F_SHAPE, t->shape));
	NER_ADD(NER_PART_REST, ner_key(NER_F_SHAPE_L, NER_INFO(j - 1, shape, 255) * 256u + t->shape));
	NER_ADD(NER_PART_REST, ner_key(NER_F_SHAPE_R, t->shape * 256u + NER_INFO(j + 1, shape, 255)));
	NER_ADD(NER_PART_WORD, ner_key(NER_F_GAZ0, t->gaz));
	NER_ADD(NER_PART_REST, ner_key(NER_F_GAZM0, t->gazm));
	NER_ADD(NER_PART_AS_M1, ner_key(NER_F_GAZM1, NER_INFO(j - 1, gaz, 255)));
	NER_ADD(NER_PART_AS_P1, ner_key(NER_F_GAZP1, NER_INFO(j + 1, gaz, 255)));
	NER_ADD(NER_PART_REST, ner_key(NER_F_GAZMM1, NER_INFO(j - 1, gazm, 255) * 256u + t->gazm));
	NER_ADD(NER_PART_REST, ner_key(NER_F_GAZMP1, NER_INFO(j + 1, gazm, 255)));
	NER_ADD(NER_PART_AS_M1, ner_key(NER_F_TRIGM1, trig1));
	NER_ADD(NER_PART_AS_M2, ner_key(NER_F_TRIGM2, NER_INFO(j - 2, trig, 255)));
	NER_ADD(NER_PART_WORD, ner_key(NER_F_TRIG0, t->trig));
	NER_ADD(NER_PART_AS_P1, ner_key(NER_F_TRIGP1, NER_INFO(j + 1, trig, 255)));
	NER_ADD(NER_PART_REST, ner_key(NER_F_FIRST, i == 0));
	NER_ADD(NER_PART_WORD, ner_key(NER_F_HAS_AL, t->stem != 0 && t->hs != t->hp));
	NER_ADD(NER_PART_REST, ner_key(NER_F_TRIGM1_GAZ0, trig1 * 256u + t->gaz));
	NER_ADD(NER_PART_REST, ner_key(NER_F_WM1_GAZ0, NER_W(j - 1) * 31 + t->gaz));
	if (trig1)
		NER_ADD(NER_PART_REST, ner_key(NER_F_TRIGM1_S0, t->hs * 31 + trig1));
	NER_ADD(NER_PART_WORD, ner_key(NER_F_WLEX0, t->wlex));
	NER_ADD(NER_PART_AS_M1, ner_key(NER_F_WLEXM1, NER_INFO(j - 1, wlex, 255)));
	NER_ADD(NER_PART_AS_P1, ner_key(NER_F_WLEXP1, NER_INFO(j + 1, wlex, 255)));
	NER_ADD(NER_PART_REST, ner_key(NER_F_WLEX_PAIR, NER_INFO(j - 1, wlex, 255) * 256u + t->wlex));
	/* the word before or after with the word's class: an unseen word after وأضاف is a name */
	NER_ADD(NER_PART_REST, ner_key(NER_F_PM1_WLEX0, NER_P(j - 1) * 31 + t->wlex));
	NER_ADD(NER_PART_REST, ner_key(NER_F_WLEX0_PP1, NER_P(j + 1) * 31 + t->wlex));
	if (t->clustered)
		k += ner_cluster_features(s, info, i, out + k, parts);
	if (parts & NER_PART_REST)
		k += ner_doc_features(s, info, i, out + k);
	return k;
}

size_t ner_features_doc(const struct ner_sentence *s, const struct ner_tokinfo *info, size_t i,
			uint32_t *out)
{
	return ner_doc_features(s, info, i, out);
}

size_t ner_features(const struct ner_sentence *s, const struct ner_tokinfo *info, size_t i,
		    uint32_t *out)
{
	return ner_features_part(s, info, i, out, NER_PART_ALL);
}

size_t ner_pair_features(const struct ner_tokinfo *info, size_t i, uint32_t *out)
{
	const struct ner_tokinfo *t = &info[i];
	out[0] = ner_key(NER_F_PAIR_CLITIC, t->hc);
	return NER_NPAIR;
}

uint32_t ner_pair_key(uint32_t key, int prev)
{
	return ner_key(key, (uint64_t)prev + 1);
}
