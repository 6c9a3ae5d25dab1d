/* store.h - the store: every article qari fetched or imported, kept in one SQLite database.
 *
 * $XDG_DATA_HOME/qari/qari.db (default ~/.local/share/qari/qari.db), WAL mode, the schema
 * versioned by PRAGMA user_version and brought up to date by migrations at open. A database
 * written by a newer qari is opened read-only. Only src/model/store*.c use SQLite.
 *
 * Articles are deduplicated per feed by guid, else link, else a hash of title and date; an
 * item whose text changed upstream is updated in place (and tagged again), never duplicated.
 * Entities are tagged at ingest and stored beside the article (the packed article_entities),
 * so opening the store never tags or parses again. One transaction per feed (per batch for
 * imports): a fetch killed halfway leaves every committed feed whole and nothing partial.
 *
 * Read marks, bookmarks, reading positions and the last article of store articles live in
 * the same database (table marks), keyed by the article id.
 *
 * Errors come back as a message (caller frees); nothing is printed. */
#ifndef QARI_STORE_H
#define QARI_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "qari/corpus.h"
#include "qari/entity.h"
#include "qari/xalloc.h"

#define STORE_SCHEMA_VERSION 8

struct store;

/* The default database path (caller frees), NULL when no home is known. */
char *store_default_path(void);
/* Open (creating it and its folder) the database at path (NULL: the default). NULL with
 * *error when it cannot be opened or migrated. */
struct store *store_open(const char *path, char **error);
void store_close(struct store *s);
const char *store_path(const struct store *s);
bool store_read_only(const struct store *s); /* written by a newer qari */
/* Articles in the store. */
size_t store_count(struct store *s);

/* A subscription's fetch state. */
struct store_feed {
	int64_t id;
	char *url;
	char *title;         /* the feed's own title, or NULL */
	char *etag, *last_modified; /* validators of the last 200, or NULL */
	int64_t fetched_at;  /* last attempt (seconds since the epoch), 0: never */
	int64_t retry_at;    /* not before this (Retry-After, backoff), 0: any time */
	int failures;        /* consecutive failed fetches */
};

/* The feed with this URL, created when missing. False with *error. */
bool store_feed_get(struct store *s, const char *url, struct store_feed *out, char **error);
void store_feed_free(struct store_feed *f);
/* Its display name (~Name of the subscriptions file), NULL: the feed's title. */
bool store_feed_set_name(struct store *s, int64_t feed, const char *name, char **error);
/* A fetch answered: new validators (NULL keeps none) and title (NULL: unchanged). */
bool store_feed_ok(struct store *s, int64_t feed, const char *etag, const char *last_modified,
		   const char *title, char **error);
/* A fetch failed: count it and wait until retry_at before the next. */
bool store_feed_failed(struct store *s, int64_t feed, int64_t retry_at, char **error);

/* What an ingest did. */
struct store_ingest {
	size_t added, updated, unchanged;
};

/* The tagger for ingests (NULL: entities are not stored, the reader tags them). */
void store_set_tagger(struct store *s, const struct ner_model *m, int nthreads);
/* Add or update articles c->items[from, to) of feed (0: imported from files), tagging what
 * is new or changed, in one transaction. False with *error (nothing of it is stored). */
bool store_ingest(struct store *s, int64_t feed, const struct corpus *c, size_t from, size_t to,
		  struct store_ingest *r, char **error);

/* Articles per transaction of an import (`qari import`, the bench's stores): larger batches
 * rewrite fewer pages of the related tables and the full-text index (a kill -9 loses the
 * batch being written). */
#define STORE_IMPORT_BATCH 2048

/* Add or update every article of c, as store_ingest on batches of batch articles in turn (a
 * transaction each: every batch committed before a failure stays), but faster: articles are
 * tagged in pieces of at most 256 while a thread of its own writes the last piece into the
 * open transaction, and checkpoints are fewer. */
bool store_import(struct store *s, int64_t feed, const struct corpus *c, size_t batch,
		  struct store_ingest *r, char **error);

/* Grow the store to `until` articles with variants of those it holds (store_make.c): variant
 * v of an article has "#vV" after its URL and key (an id of its own), its date v spans of the
 * originals' dates earlier (in whole weeks) and the original's stored entities (not tagged
 * again); each is indexed as any insert is. Transactions of batch articles; a store grown
 * before grows on from where it stopped. *added: how many went in. False with *error. */
bool store_make_variants(struct store *s, size_t until, size_t batch, size_t *added,
			 char **error);

/* Entities found at ingest, by corpus position (store_load fills them). */
struct store_entities {
	struct article_entities *es;
	uint8_t *have; /* 1: es[i] holds what was stored */
	int64_t *rowid; /* the article's row (store_entities_reload) */
	size_t n, cap;
};
void store_entities_free(struct store_entities *e);

/* Append every article (newest first) to c and their entities to e (may be NULL). Returns
 * how many; problems go to c->report. */
size_t store_load(struct store *s, struct corpus *c, struct store_entities *e);

/* Only articles with rowid > *after (those stored since), advancing *after. */
size_t store_load_since(struct store *s, int64_t *after, struct corpus *c,
			struct store_entities *e);
/* The stored entities of c's first n articles again, by their rows (rowid[i] ≤ 0: none):
 * for an index built anew over a grown corpus. */
void store_entities_reload(struct store *s, const struct corpus *c, const int64_t *rowid,
			   size_t n, struct store_entities *e);
/* The site furniture the store's ingests and imports learned (per source, the last one given
 * that source's articles): what an article read from it is tagged again with, as its writer
 * tagged it. *out zeroed when there is none (a store written before it was kept); freed by
 * furniture_free. */
void store_furniture_read(struct store *s, struct furniture *out);
/* Entities tagged again (those stored were packed by other rules) written to row for a, so
 * the next open unpacks them: one small transaction that never waits for another writer.
 * False when not written (busy, read only). */
bool store_entities_write(struct store *s, int64_t row, const struct article *a,
			  const struct article_entities *es);
/* The highest article rowid now (for store_load_since). */
int64_t store_last_rowid(struct store *s);

/* Marks of store articles (ids of ARTICLE_ID_LEN hex digits). Setters: false when the
 * database could not be written (a message in store_take_message). */
bool store_is_read(struct store *s, const char *id);
bool store_is_bookmarked(struct store *s, const char *id);
long store_pos(struct store *s, const char *id);
char *store_last(struct store *s); /* caller frees; NULL: none */
bool store_set_read(struct store *s, const char *id, bool read);
bool store_set_bookmark(struct store *s, const char *id, bool bookmark);
bool store_set_pos(struct store *s, const char *id, long pos);
bool store_set_last(struct store *s, const char *id);
char *store_take_message(struct store *s); /* caller frees; NULL: none */
/* A reader's connection: its commits never checkpoint the WAL (nor start it afresh, which
 * syncs its header); store_tend does that between keys, once the WAL holds
 * STORE_WAL_CHECKPOINT_FRAMES pages and after each checkpoint. Commits are as durable. */
#define STORE_WAL_CHECKPOINT_FRAMES 1000
void store_tend_between(struct store *s);
bool store_tend_due(const struct store *s);
void store_tend(struct store *s); /* one step: a checkpoint, or the WAL started */

/* Retention: drop articles older than keep_days (0: keep) and beyond the newest max_items
 * (0: no limit); bookmarked articles are never dropped. Returns how many went. */
size_t store_prune(struct store *s, long keep_days, long max_items, char **error);

/* The page text extracted for the article in row (paragraphs), stored beside its summary
 * (which it replaces on display), with its entities es (NULL: tagged when read). */
bool store_set_fulltext(struct store *s, int64_t row, char *const *paras, size_t n,
			const struct article_entities *es, char **error);
/* The article in row (as store_load makes it), NULL when there is none. */
struct article *store_load_article(struct store *s, int64_t row);
/* The row of article id (the newest with it), 0: none. */
int64_t store_row_of(struct store *s, const char *id);
/* The source the list names the newest article with id by (its feed's ~Name, else its own
 * source; caller frees), NULL: none. One cached statement: asked for every copy of a story. */
char *store_source_of(struct store *s, const char *id);

/* Articles that hold the entity of type t and key (its matching form), as counted for related
 * stories (store_related.c's df: persons, places and organisations of the articles with a
 * vector), a one-word person and the only longer name ending in it counted together, as
 * memory's entity table merges them; false when not counted (dates, or an article without a
 * vector). */
bool store_entity_articles(struct store *s, enum entity_type t, const char *key, size_t *n);
/* store_list_filter's entities for the entity of type t and key as an article's sidebar has
 * it: the terms entity_articles knows it and what memory's entity table merges into it by (a
 * one-word person and the only longer name ending in it), a JSON array (caller frees). */
char *store_entity_filter(struct store *s, enum entity_type t, const char *key);
/* Every counted entity of the store: type, display name, articles. */
struct store_entity_count {
	enum entity_type type;
	char *name;
	size_t articles;
};
/* By type, then by articles, most first, then key; a one-word person that memory's entity
 * table merges into the only longer name ending in it is not listed, and that name counts
 * the articles of both; *out freed by store_entity_counts_free. */
size_t store_entity_counts(struct store *s, struct store_entity_count **out);
void store_entity_counts_free(struct store_entity_count *v, size_t n);

#endif
