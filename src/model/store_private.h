/* store_private.h - what the store's files share: the connection and its cached statements.
 *   store.c         opening, schema and migrations, feeds, marks, retention
 *   store_ingest.c  adding and updating articles, tagging them, packing their entities
 *   store_load.c    reading articles back into a corpus with their entities
 *   store_fts.c     the full-text index's tokenizer (qari's matching form, in trigrams)
 *   store_list.c    the list as a window onto the database: keyset pages, counts, search
 *   store_related.c related stories kept at ingest: vectors, postings, pools
 *   store_make.c    variants of the stored articles, to measure a bigger store */
#ifndef QARI_STORE_PRIVATE_H
#define QARI_STORE_PRIVATE_H

#include <sqlite3.h>
#include <stdatomic.h>

#include "qari/store.h"
#include "qari/xalloc.h"

enum store_stmt_id {
	STORE_STMT_COUNT,
	STORE_STMT_FEED_GET,
	STORE_STMT_FEED_ADD,
	STORE_STMT_FEED_NAME,
	STORE_STMT_FEED_OK,
	STORE_STMT_FEED_FAILED,
	STORE_STMT_SET_READ,
	STORE_STMT_SET_BOOKMARK,
	STORE_STMT_SET_POS,
	STORE_STMT_SET_LAST,
	STORE_STMT_LAST,
	STORE_STMT_FIND,
	STORE_STMT_INSERT,
	STORE_STMT_UPDATE,
	STORE_STMT_FULLTEXT,
	STORE_STMT_LAST_ROWID, /* store_load.c: the reader asks on every pass of its loop */
	STORE_STMT_LOAD_ROW,   /* an article opened */
	STORE_STMT_ENTITIES,   /* its entities */
	STORE_STMT_READ_ROWS,  /* store_read_rows: the rows marked read, counted */
	STORE_STMT_DATA_VERSION,
	STORE_STMT_IS_ARTICLE, /* the article rows of a mark's id */
	STORE_STMT_SOURCE_OF,  /* a related story's copy's paper */
	STORE_STMT_ENTITY_TERM, /* a written row's entity into entity_articles */
	STORE_NSTMT
};

/* A mark of an article, as the marks table holds it (kept in memory: the list asks for
 * every row it draws, and views count over every article). */
struct store_mark {
	char id[ARTICLE_ID_LEN + 1]; /* "" : a free slot */
	bool read, bookmark;
	long pos;
};

/* A statement of store_list.c's kept prepared for its next use (its SQL is made from the
 * filter: a fixed set of texts in a session). */
#define STORE_NCACHED 24
struct store_cached {
	char *sql;          /* NULL: a free entry */
	sqlite3_stmt *st;
	bool busy;          /* taken (a cursor may hold it for long) */
	unsigned long used; /* when it was last taken: the least lately used goes first */
};

struct store {
	char *path;
	sqlite3 *db;
	bool read_only;               /* the schema is newer than this qari */
	sqlite3_stmt *stmt[STORE_NSTMT]; /* prepared on first use */
	struct store_cached cached[STORE_NCACHED]; /* store_take's */
	unsigned long cache_clock;
	const struct ner_model *tagger; /* NULL: ingest stores no entities */
	int nthreads;                 /* tagging threads */
	const struct furniture *furniture; /* an ingest's, learned from the articles it was
					    * given (as memory learns it from those it loads) */
	bool furniture_unsaved;       /* ...and not yet kept (store_furniture_save) */
	struct store_mark *marks;     /* open addressing by id, a power of two slots */
	size_t nmarks, markcap;
	bool marks_loaded;
	/* the article rows marked read (store_read_rows), valid while this connection has made
	 * no change but its marks since (total_changes) and no other connection has committed
	 * (data_version): a mark moves it by one, anything else has it counted again */
	struct {
		bool valid;
		size_t n;
		int64_t changes, version;
	} read_rows;
	struct store_related_state *related; /* store_related.c's, made on first use */
	bool bulk;                    /* store_bulk: the related stories' working copy kept from
				       * one transaction to the next */
	const struct strbuf *fts_docs; /* store_fts_index_rows' documents, in matching form, while
					* its statement runs */
	size_t fts_ndocs;
	bool fts_deferred;            /* inserts not indexed by their trigger: the writer's
				       * store_fts_index_rows does it before COMMIT */
	bool entity_terms_written;    /* the writer puts its rows' terms in entity_articles
				       * (store_entity_terms_write): its triggers find none */
	char *share_of;               /* store_list.c: the search whose share of rows is... */
	double share;                 /* ...this, estimated when the last row was... */
	int64_t share_top;            /* ...this one */
	char **messages;              /* for store_take_message */
	size_t nmessages, msgcap;
	atomic_bool interrupted;      /* store_list_interrupt was called (another thread may) */
	bool tended;                  /* store_tend_between: checkpoints on idle passes */
	bool wal_started;             /* ...and the WAL's header written since the last one */
	int wal_frames;               /* pages in the WAL after the last commit */
};

/* How long a connection waits for another writer (a reader and `qari fetch` may write at
 * once). */
#define STORE_BUSY_MS 10000

char *store_errmsg(struct store *s, const char *what);
/* Settings for writing many articles at once (on), and back to those of every day (off). */
void store_bulk(struct store *s, bool on);
bool store_exec(struct store *s, const char *sql, char **error);
/* A statement, or the end of the program with a message: qari's SQL is fixed, so a statement
 * that does not prepare is a bug. Except on a connection store_list_interrupt stops (the search
 * counter's): there an interrupt may fail the prepare (FTS5's table made while it lands), and
 * the result is NULL, on which SQLite's calls are harmless and fail. */
sqlite3_stmt *store_prepare(struct store *s, const char *sql);
sqlite3_stmt *store_stmt(struct store *s, enum store_stmt_id id, const char *sql);
/* A statement of sql, prepared before when one is free (NULL as store_prepare's), and back
 * when done with (store_give: reset, its bindings cleared; finalized when not kept). */
sqlite3_stmt *store_take(struct store *s, const char *sql);
void store_give(struct store *s, sqlite3_stmt *st);
void store_bind_text(sqlite3_stmt *st, int i, const char *v);
char *store_column_text(sqlite3_stmt *st, int i);
/* The article rows whose mark says read: counted once (the marks joined with the articles,
 * ~0.5 ms for 500 marks at 1,000,000 articles), then kept as marks are set. */
size_t store_read_rows(struct store *s);
/* Around a write that sets no read mark and changes no article's id: whether the count is
 * current before it (store_read_rows_kept), and after it, kept as it was. */
bool store_read_rows_kept(struct store *s);
void store_read_rows_after(struct store *s, bool kept);

/* store_related.c's working memory and statements. */
void store_related_state_free(struct store *s);
/* Write the related stories' working copy (df counts, postings, pools) to the tables: in the
 * transaction that made it, before its COMMIT. False with *error. */
bool store_related_flush(struct store *s, char **error);
/* Forget the working copy (flushed): a bulk write's begins or ends. */
void store_related_drop_memory(struct store *s);

/* An article's stems (related_article_words) with their counts, distinct, in the order of
 * their first use: made ahead on a tagging thread, so the writer only counts and weighs. */
struct store_related_stem {
	size_t at;    /* in text */
	float count;
	bool skip;    /* a skip word: counted in df, left out of the vector */
};
struct store_related_stems {
	struct strbuf text; /* the stems, each NUL-terminated */
	struct store_related_stem *v;
	size_t n;
	bool made;
};
/* A stemmer for one thread; NULL without the entity model. Made on the store's thread (it
 * may make store_related.c's state), used on any one thread while the store is open. */
struct store_related_stemmer *store_related_stemmer_new(struct store *s);
void store_related_stemmer_free(struct store_related_stemmer *st);
void store_related_stem(struct store_related_stemmer *st, const struct corpus *c, size_t i,
			struct store_related_stems *out);
void store_related_stems_free(struct store_related_stems *w);
/* A bulk import's df counted before it is written: article i of c (the import's articles,
 * counted once) holds stems; until store_related_ahead_end, an article of c written after
 * weighs its words with the df and number of articles the import will end with. */
void store_related_ahead_count(struct store *s, const struct corpus *c, size_t i,
			       const struct store_related_stems *stems);
void store_related_ahead_end(struct store *s);
/* store_related_add with the article's stems made ahead (NULL: made now). */
bool store_related_add_stems(struct store *s, int64_t row, const struct corpus *c, size_t i,
			     const struct article_entities *es, const struct store_related_stems *stems,
			     char **error);

/* Register the tokenizer "qari" and the functions qari_fts_text and qari_title (store_fts.c)
 * on s's connection: the schema's table, triggers and migrations use them. */
bool store_fts_register(struct store *s, char **error);
/* Index rows (inserted while s->fts_deferred) in one statement, in the caller's transaction;
 * docs: each row's document made ahead by store_fts_prepare (NULL: made from the rows). */
bool store_fts_index_rows(struct store *s, const int64_t *rows, const struct strbuf *docs,
			  size_t n, char **error);
/* Article a's document for the index as qari_fts_text makes it of its row, each text already
 * in matching form: made on a tagging thread, so the writer's tokenizer only cuts it. */
struct article;
void store_fts_prepare(const struct article *a, struct strbuf *out);
/* The full-text index made by the tokenizer of this qari: when the store's was made by
 * another normalisation or tokenizer (meta 'fts'), it is made again, in one transaction.
 * built: the migration to schema 2 made it just now. */
bool store_fts_check(struct store *s, bool built, char **error);
/* The FTS5 query (a MATCH operand) that finds the articles whose matching form holds q. */
struct search_query;
char *store_fts_query(const struct search_query *q);

/* Register qari_entity_terms (store_load.c): the migration and triggers of entity_articles
 * use it. */
bool store_entities_register(struct store *s, char **error);
/* The terms of es (the entities just written to row) into entity_articles, as the triggers
 * put them there from the row (qari_entity_terms), while s->entity_terms_written. */
bool store_entity_terms_write(struct store *s, int64_t row, const struct article_entities *es);

/* Keep s->furniture for each source of c's articles (store_furniture_read's), in the
 * writer's transaction when one is open, else in one of its own when it changed. */
bool store_furniture_save(struct store *s, const struct corpus *c, char **error);

/* The columns store_row_article reads, in its order (a is articles, f feeds). */
#define STORE_LOAD_COLUMNS                                                                     \
	"SELECT a.id, a.aid, a.title, a.date, a.date_key, a.url, coalesce(f.name, a.source),"  \
	" a.author, a.path, a.body, a.entities, a.fulltext FROM articles a"                    \
	" LEFT JOIN feeds f ON f.id = a.feed "
/* One row of STORE_LOAD_COLUMNS as the article store_load makes of it. */
struct article *store_row_article(sqlite3_stmt *st);
/* A copy of a text column as loading takes it: valid UTF-8 as it is, else sanitised. */
void store_take_field(char **field, const unsigned char *s, int n);

#endif
