/* furniture.h - site furniture learned from the collection itself.
 *
 * Sites wrap their stories in recurring text: a closing «رابط الخبر بصحيفة الوئام: <title>»,
 * an agency's «// انتهى // 13:08 ت م», a subscription notice, a «مقالات أخرى» list, an
 * opening «Next Previous عين اليوم». Such text names places and papers (الخبر، الوئام) that
 * are no part of the story. It is learned per source: a pair of words (digits as 0, not a
 * function word) that comes in the last words of at least a twentieth of a source's
 * articles (and of 20 or more) marks the start of its closing furniture, and one that comes
 * in the first words of as many marks the end of its opening furniture. A site's tag line
 * («سمات» and the article's tags, opening a sentence of the last paragraph) differs in every
 * article, so it is found by its word, not learned. */
#ifndef QARI_FURNITURE_H
#define QARI_FURNITURE_H

#include <stddef.h>
#include <stdint.h>

#include "qari/corpus.h"

struct furniture {
	uint64_t *head, *tail; /* the learned pairs' hashes (source and words), sorted */
	size_t nhead, ntail;
	/* each pair's source (furniture_source_hash), beside it; NULL in furniture read back
	 * (furniture_unpack_add), which needs none */
	uint64_t *head_source, *tail_source;
};

/* Where an article's furniture is: its story is what lies between the end of the opening
 * (before paragraph head_para's byte head_end) and the start of the closing (paragraph
 * tail_para's byte tail_beg on). */
struct furniture_cut {
	uint32_t head_para, head_end; /* 0, 0: no opening furniture */
	uint32_t tail_para, tail_beg; /* UINT32_MAX: no closing furniture */
};

void furniture_learn(struct furniture *f, const struct corpus *c);
void furniture_free(struct furniture *f);
/* What an article of source (NULL: none) has in the pairs' hashes. */
uint64_t furniture_source_hash(const char *source);
/* The pairs learned from source's articles as bytes to keep (f from furniture_learn): *len
 * bytes, freed by the caller; NULL and 0 when that source has none. */
void *furniture_pack_source(const struct furniture *f, const char *source, size_t *len);
/* Adds the pairs buf packs (furniture_pack_source's; f zeroed or read back before): false,
 * nothing added, when buf is no such bytes. */
bool furniture_unpack_add(struct furniture *f, const void *buf, size_t len);
/* The furniture of article a (f may be NULL: none). */
void furniture_cut(const struct furniture *f, const struct article *a, struct furniture_cut *cut);
/* Whether byte off of paragraph para (-1: the title, never furniture) is furniture. */
bool furniture_covers(const struct furniture_cut *cut, long para, size_t off);
/* A hash of the cut, 0 when there is none: what the entity cache adds to an article's key. */
uint64_t furniture_cut_hash(const struct furniture_cut *cut);

#endif
