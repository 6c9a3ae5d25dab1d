/* ner.h - named-entity recognition: a trained sequence tagger plus rules for dates.
 *
 * The tagger's public face; its sources are src/model/ner/ (training: qari/ner_train.h):
 *   ner_lexicon.c   gazetteers and trigger words (text files in assets/ner), in matching form
 *   ner_features.c  the features of a token: word, stem, affixes, ±2 context, gazetteer
 *                   membership and trigger words, hashed to 32 bits (no strings built)
 *   ner_keys.c      the key table: feature or word key → index
 *   ner_score.c     tagging a sentence: emission scores (cached per word and thread) and
 *                   Viterbi over BIO tags
 *   ner_file.c      the model file read, and the bundled model
 *   ner_model.c     the tags' names, a model freed
 *   ner_wordlex.c   entity tags each word carried in the training data, or how often it was
 *                   seen there (jackknifed while training), a feature; the classes ship in
 *                   the model file
 *   ner_doc.c       the second pass: the first pass's tags of the same word and stem in the
 *                   surrounding sentences (±window; at run time within one article)
 *   ner_para.c      running text: paragraphs and articles (ner_doc) cut into sentences
 *   ner_data.c      CoNLL token/tag files, entity-level scoring
 *   ner_dates.c     dates by rules: day month[/month] [year], weekdays, years, ISO dates
 * Private: ner_private.h (what the files share), ner_model.h (a model's insides).
 *
 * Tokens are words of the matching form (normalize.h). A sentence is handed over as text in
 * which its tokens are separated by single spaces, so gazetteer phrases are plain substrings. */
#ifndef QARI_NER_H
#define QARI_NER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "qari/normalize.h"
#include "qari/xalloc.h"

enum ner_type {
	NER_NONE,
	NER_PERS,
	NER_LOC,
	NER_ORG,
	NER_MISC,
	NER_DATE, /* from the rules only */
	NER_NTYPES
};

/* Tags: 0 is O; B-type is 2*type-1, I-type is 2*type. The tagger predicts the first
 * NER_NTAGS (O and B/I of PERS LOC ORG MISC); the date rules add B/I-DATE. */
#define NER_NTAGS 9
#define NER_NTAGS_ALL 11
static inline int ner_tag_type(int tag) { return (tag + 1) / 2; }
static inline bool ner_tag_inside(int tag) { return tag > 0 && tag % 2 == 0; }
static inline int ner_tag_make(int type, bool inside) { return type ? 2 * type - !inside : 0; }
const char *ner_tag_name(int tag);   /* "O", "B-PERS", ... */
const char *ner_type_name(int type); /* "PERS", "LOC", "ORG", "MISC", "DATE" */
int ner_tag_parse(const char *s, size_t n); /* -1 when not a tag */

struct ner_sentence {
	const char *text;              /* matching form, tokens separated by one space */
	const struct norm_token *toks; /* byte ranges in text */
	size_t n;
};

struct ner_lexicon;
struct ner_model;

/* Gazetteers and trigger words from a folder (assets/ner): NULL and *error on failure. */
struct ner_lexicon *ner_lexicon_load(const char *dir, char **error);
void ner_lexicon_free(struct ner_lexicon *lex);
/* Whether a phrase (matching form) is in a gazetteer or the curated list. */
bool ner_lexicon_known(const struct ner_lexicon *lex, const char *s, size_t n);
/* The canonical form of a curated variant (بوتن → فلاديمير بوتين, matching form), or NULL. */
const char *ner_lexicon_canonical(const struct ner_lexicon *lex, const char *s, size_t n);
/* Whether a word is a stop word (في، على، الذي...). */
bool ner_lexicon_is_stop(const struct ner_lexicon *lex, const char *s, size_t n);
/* Whether a longer gazetteer or curated phrase starts with this one (words of matching form
 * separated by one space): phrase lookups word by word stop when it is false. */
bool ner_lexicon_starts_phrase(const struct ner_lexicon *lex, const char *s, size_t n);
/* The type (NER_PERS...) of a phrase of the curated list, 0 when it is not one. */
int ner_lexicon_curated_type(const struct ner_lexicon *lex, const char *s, size_t n);
/* Whether a word announces a name (a title, office or nisba: وزير، الروسي). */
bool ner_lexicon_is_title(const struct ner_lexicon *lex, const char *s, size_t n);

/* The model file (binary, see ner_file.c) with the lexicon it was trained with. Errors come
 * back in *error, allocated (caller frees). */
struct ner_model *ner_model_load(const char *path, const struct ner_lexicon *lex, char **error);
void ner_model_free(struct ner_model *m);
/* The bundled model and lexicon (assets/ner), loaded once per process (thread-safe) and kept
 * until ner_default_free. On failure NULL, and *error points to a static message. */
const struct ner_model *ner_default(char **error);
void ner_default_free(void);
const struct ner_lexicon *ner_model_lexicon(const struct ner_model *m);

/* Scratch space for tagging: grown as needed and reused, so tagging does not allocate. */
struct ner_work {
	float *em;     /* n × NER_NTAGS emission scores */
	float *em2;    /* n × (NER_NTAGS + 1) × NER_NTAGS scores of features paired with the previous tag */
	float *score;  /* Viterbi scores */
	uint8_t *back; /* back pointers */
	uint32_t *feats;
	void *info;    /* per-token facts (ner_features.c) */
	size_t cap;
};
void ner_work_free(struct ner_work *w);

/* Tag one sentence: tags[i] for each token (O and B/I of PERS LOC ORG MISC). */
void ner_tag(const struct ner_model *m, const struct ner_sentence *s, uint8_t *tags,
	     struct ner_work *w);

/* A paragraph tagged: matching form, its words and their tags (dates included). Buffers are
 * reused from one call to the next; start zeroed, free with ner_para_free. */
struct ner_para {
	struct norm_text norm;   /* matching form of the paragraph, with the map to the original */
	struct norm_token *toks; /* tokens: byte ranges in norm.s */
	uint8_t *tags;           /* one per token (B/I of PERS LOC ORG MISC DATE, or O) */
	size_t n, cap, tcap;
	struct strbuf sent;      /* scratch: one sentence, tokens separated by one space */
	struct norm_token *stoks;
	size_t nstoks, scap;
	void *info;              /* per-token facts, kept from the first pass to the second */
	void *ahead;             /* per token, the second pass's sum over the features the first
				    pass looked up already (ner_score.c), or unused: one pass */
	size_t acap;
	size_t *sents;           /* sentence k: tokens [sents[k], sents[k + 1]) */
	size_t nsents, icap, sncap;
	struct ner_work work;
};
/* Tag a paragraph as a document of its own (the second pass sees only this paragraph). */
void ner_para_tag(const struct ner_model *m, const char *text, size_t len, struct ner_para *p);
void ner_para_free(struct ner_para *p);
/* How the training data knew token k of tagged paragraph p (its proclitic-free form): 0
 * never seen; 1, 2, 3 never an entity and seen once, two to four times, more; from 4 on an
 * entity there (4 × its most frequent tag + a bucket of how often, ner_wordlex.c). */
unsigned ner_para_word_class(const struct ner_para *p, size_t k);

/* Texts tagged as one document (an article: title and paragraphs): the second pass sees how
 * the first tagged the same words in the other texts. Reused from one call to the next;
 * start zeroed, free with ner_doc_free. */
struct ner_doc {
	struct ner_para *paras; /* paras[k]: texts[k] tagged */
	size_t n, cap;
	void *info;             /* scratch: every token's facts, back to back */
	uint8_t *tags;          /* and its first-pass tag */
	size_t *sents;          /* and the sentences */
	size_t icap, tcap, scap;
};
void ner_doc_tag(const struct ner_model *m, const char *const *texts, size_t n, struct ner_doc *d);
void ner_doc_free(struct ner_doc *d);

/* Dates by rules over a tagged sentence: spans found become B/I-DATE, overriding the tagger. */
void ner_dates(const struct ner_sentence *s, uint8_t *tags);

/* Training data: tokens with gold tags, cut into sentences (at . ؟ ! and blank lines). */
struct ner_data {
	struct strbuf norm;      /* tokens' matching forms, one space between tokens */
	struct strbuf orig;      /* original tokens, each followed by a NUL */
	struct norm_token *toks; /* ranges in norm */
	uint32_t *orig_off;      /* token → offset of its original text in orig */
	uint8_t *gold;           /* gold tags (O when the file had none) */
	uint8_t *blank;          /* token → a blank line followed it in the file */
	size_t n, cap;
	size_t *sents;           /* sentence k: tokens [sents[k], sents[k + 1]) */
	size_t nsents, scap;
};
/* Read "token TAG" lines (first field the token, last field the tag; a single field: no tag).
 * False and *error when the file cannot be read. */
bool ner_data_read(const char *path, struct ner_data *d, char **error);
void ner_data_free(struct ner_data *d);
/* Sentence k as the tagger takes it. */
struct ner_sentence ner_data_sentence(const struct ner_data *d, size_t k);

/* CoNLL entity-level counts (exact span and type), per type and overall (index NER_NONE). */
struct ner_score {
	size_t gold[NER_NTYPES], pred[NER_NTYPES], correct[NER_NTYPES];
};
void ner_score_add(struct ner_score *s, const uint8_t *gold, const uint8_t *pred, size_t n);
void ner_score_prf(const struct ner_score *s, int type, double *p, double *r, double *f1);
/* Tag every sentence of d: tags[i] per token; the second pass takes the sentences within
 * the model's window as the document. */
void ner_data_tag(const struct ner_model *m, const struct ner_data *d, uint8_t *tags);
/* Tag sentences [from, to) of d with m and score against the gold tags. */
void ner_evaluate(const struct ner_model *m, const struct ner_data *d, size_t from, size_t to,
		  struct ner_score *s);

/* Levels of word clusters in clusters.txt (ner_lexicon.c; made by ner_clusters_build). */
#define NER_CLUSTER_LEVELS 4

#endif
