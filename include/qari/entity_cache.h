/* entity_cache.h - the entities of articles kept between runs, so that opening a corpus again
 * tags only the articles qari has not seen (tagging is most of the index's time).
 *
 * One file, $XDG_CACHE_HOME/qari/entities, replaced whole (temp file, then rename). Entries
 * are keyed by a 128-bit hash (XXH3) of an article's title and paragraphs, the only text
 * entity_extract reads, and the file is valid for one extractor: its fingerprint hashes the
 * format version, the NER assets' bytes and the entities of a built-in article, so a new
 * model, lexicon or extraction rule that changes what is found empties the cache.
 * Everything read is untrusted: each record has a checksum, and every count and offset is
 * checked against the article it is for; a bad record is a miss, a bad file an empty cache. */
#ifndef QARI_ENTITY_CACHE_H
#define QARI_ENTITY_CACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "qari/entity.h"

#define ENTITY_CACHE_KEEP_DAYS 60             /* entries of other corpora unused longer go */
#define ENTITY_CACHE_MAX_BYTES (256ul << 20) /* and the file stays under this */

struct entity_cache_key {
	uint64_t lo, hi;
};

struct entity_cache;

/* The cache in folder dir (NULL: the XDG cache folder) for entities found by m. NULL only
 * when no folder is known; a missing, stale or damaged file gives an empty cache. */
struct entity_cache *entity_cache_open(const char *dir, const struct ner_model *m);
void entity_cache_close(struct entity_cache *c);

/* The key of an article's text. */
struct entity_cache_key entity_cache_key_of(const struct article *a);

/* The entities of article a (key k) into out, as entity_extract gives them, and the day
 * they were last used (day may be NULL): true when the cache has them and they are sound.
 * Safe from many threads at once. */
bool entity_cache_get(const struct entity_cache *c, struct entity_cache_key k,
		      const struct article *a, struct article_entities *out, uint32_t *day);

/* Write the cache: entities es[i] (keys[i]) of the n articles with fresh[i] ≠ 0, then entries of
 * other articles used within ENTITY_CACHE_KEEP_DAYS, most recent first, while the file stays
 * under ENTITY_CACHE_MAX_BYTES. today: days since the epoch (entity_cache_today). False with
 * *error (caller frees) when the file cannot be written. */
bool entity_cache_save(const struct entity_cache *c, size_t n, const struct entity_cache_key *keys,
		       const struct article_entities *es, const uint8_t *fresh, uint32_t today,
		       char **error);
uint32_t entity_cache_today(void);
/* The file the cache reads and writes (NULL for one read from memory). */
const char *entity_cache_path(const struct entity_cache *c);

/* For fuzzing and tests: a cache read from a copy of buf, whatever its fingerprint and its
 * records' checksums (so that what lies behind them is fuzzed too); its
 * entries' keys by position; the fixed article the fingerprint tags (caller frees). */
struct article *entity_cache_probe_article(void);
struct entity_cache *entity_cache_from_memory(const void *buf, size_t len);
size_t entity_cache_entries(const struct entity_cache *c);
struct entity_cache_key entity_cache_key_at(const struct entity_cache *c, size_t i);

#endif
