/* store.c - the store's database: opening, the schema and its migrations, feeds, marks and
 * retention. Articles go in through store_ingest.c and come out through store_load.c. */
#include "qari/store.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "qari/fsutil.h"
#include "qari/store_related.h"
#include "store_private.h"

/* Migrations: migration i takes a database from user_version i to i + 1. Never edit one
 * that shipped; add the next. */
static const char *const store_migrations[STORE_SCHEMA_VERSION] = {
	/* 0 → 1: feeds, articles, marks */
	"CREATE TABLE feeds ("
	"  id INTEGER PRIMARY KEY,"
	"  url TEXT NOT NULL UNIQUE,"
	"  name TEXT,"                 /* ~Name from the subscriptions file */
	"  title TEXT,"                /* the feed's own */
	"  etag TEXT, last_modified TEXT,"
	"  fetched_at INTEGER NOT NULL DEFAULT 0,"
	"  retry_at INTEGER NOT NULL DEFAULT 0,"
	"  failures INTEGER NOT NULL DEFAULT 0);"
	"CREATE TABLE articles ("
	"  id INTEGER PRIMARY KEY,"    /* insertion order: store_load_since */
	"  aid TEXT NOT NULL,"         /* qari's 12-hex id */
	"  feed INTEGER NOT NULL,"     /* feeds.id, 0: imported from files */
	"  dedupe TEXT NOT NULL,"      /* g:guid, l:link or h:hash of title and date */
	"  hash INTEGER NOT NULL,"     /* of title and paragraphs: changed upstream? */
	"  title TEXT NOT NULL, date TEXT, date_key INTEGER, url TEXT, source TEXT,"
	"  author TEXT, path TEXT,"
	"  body BLOB NOT NULL,"        /* paragraphs, each ended by a NUL */
	"  entities BLOB,"             /* packed article_entities, NULL: not tagged */
	"  fulltext BLOB,"             /* the page's extracted text, like body */
	"  added INTEGER NOT NULL,"
	"  UNIQUE (feed, dedupe));"
	"CREATE INDEX articles_date ON articles (date_key DESC, id);"
	"CREATE INDEX articles_aid ON articles (aid);"
	"CREATE TABLE marks ("
	"  aid TEXT PRIMARY KEY,"
	"  read INTEGER NOT NULL DEFAULT 0,"
	"  bookmark INTEGER NOT NULL DEFAULT 0,"
	"  pos INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;"
	"CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;",
	/* 1 → 2: the list as keyset pages (store_list.c) and the full-text index (store_fts.c).
	 * sort_key orders undated articles last without a NULL in the key; the triggers keep
	 * articles_fts in step with every write, in the writer's transaction */
	"ALTER TABLE articles ADD COLUMN sort_key INTEGER"
	"  GENERATED ALWAYS AS (coalesce(date_key, -9223372036854775807)) VIRTUAL;"
	"CREATE INDEX articles_list ON articles (sort_key DESC, id DESC);"
	"CREATE INDEX articles_feed_list ON articles (feed, sort_key DESC, id DESC);"
	"CREATE INDEX articles_source_list ON articles (source, sort_key DESC, id DESC);"
	"CREATE VIRTUAL TABLE articles_fts USING fts5 (text, content = '', columnsize = 0,"
	"  tokenize = 'qari');"
	"INSERT INTO articles_fts (rowid, text)"
	"  SELECT id, qari_fts_text(title, body, fulltext) FROM articles;"
	"CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN"
	"  INSERT INTO articles_fts (rowid, text)"
	"    VALUES (new.id, qari_fts_text(new.title, new.body, new.fulltext));"
	"END;"
	"CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN"
	"  INSERT INTO articles_fts (articles_fts, rowid, text)"
	"    VALUES ('delete', old.id, qari_fts_text(old.title, old.body, old.fulltext));"
	"END;"
	"CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, body, fulltext ON articles"
	"  WHEN old.title IS NOT new.title OR old.body IS NOT new.body"
	"    OR old.fulltext IS NOT new.fulltext BEGIN"
	"  INSERT INTO articles_fts (articles_fts, rowid, text)"
	"    VALUES ('delete', old.id, qari_fts_text(old.title, old.body, old.fulltext));"
	"  INSERT INTO articles_fts (rowid, text)"
	"    VALUES (new.id, qari_fts_text(new.title, new.body, new.fulltext));"
	"END;",
	/* 2 → 3: related stories kept at ingest (store_related.c). related_terms: the stems
	 * (kind 0) and entity keys (kind 1 + type) with the articles that hold them (df);
	 * related_vecs: each article's vector, (term, weight) pairs; related_postings: word terms
	 * by term and day (the days near an article are the ones that can link); related_pool:
	 * each article's best candidates; related_gone: deleted articles still to forget */
	"CREATE TABLE related_terms ("
	"  id INTEGER PRIMARY KEY,"
	"  kind INTEGER NOT NULL,"
	"  term TEXT NOT NULL,"
	"  name TEXT,"                 /* an entity's display name */
	"  df INTEGER NOT NULL DEFAULT 0,"
	"  UNIQUE (kind, term));"
	"CREATE TABLE related_vecs ("
	"  article INTEGER PRIMARY KEY," /* articles.id */
	"  day INTEGER NOT NULL,"        /* days since the epoch, -2147483648: unknown */
	"  title INTEGER NOT NULL,"      /* hash of the headline's matching form */
	"  words BLOB NOT NULL,"         /* (u32 term, f32 weight), terms ascending, unit length */
	"  entities BLOB NOT NULL,"      /* the same for entities */
	"  counted BLOB NOT NULL);"      /* u32 terms counted in df */
	"CREATE TABLE related_postings ("
	"  term INTEGER NOT NULL, day INTEGER NOT NULL, article INTEGER NOT NULL, w REAL NOT NULL,"
	"  PRIMARY KEY (term, day, article)) WITHOUT ROWID;"
	"CREATE TABLE related_pool ("
	"  article INTEGER NOT NULL, neighbour INTEGER NOT NULL, score REAL NOT NULL,"
	"  PRIMARY KEY (article, neighbour)) WITHOUT ROWID;"
	"CREATE INDEX related_pool_neighbour ON related_pool (neighbour);"
	"CREATE TABLE related_gone (article INTEGER PRIMARY KEY);"
	"CREATE TRIGGER related_forget AFTER DELETE ON articles BEGIN"
	"  INSERT OR IGNORE INTO related_gone (article) VALUES (old.id);"
	"END;"
	"INSERT OR REPLACE INTO meta (key, value) VALUES ('related_n', '0');"
	"INSERT OR REPLACE INTO meta (key, value) VALUES ('related_rebuilt', '0');"
	/* the rows stored before: store_related_rebuild's, the later ones are made at ingest */
	"INSERT OR REPLACE INTO meta (key, value)"
	"  SELECT 'related_upto', coalesce(max(id), 0) FROM articles;",
	/* 3 → 4: the number of articles kept with them (meta 'articles'), so opening the list
	 * counts nothing: the triggers update it in the writer's transaction */
	"INSERT OR REPLACE INTO meta (key, value) SELECT 'articles', count(*) FROM articles;"
	"CREATE TRIGGER articles_count_insert AFTER INSERT ON articles BEGIN"
	"  UPDATE meta SET value = value + 1 WHERE key = 'articles';"
	"END;"
	"CREATE TRIGGER articles_count_delete AFTER DELETE ON articles BEGIN"
	"  UPDATE meta SET value = value - 1 WHERE key = 'articles';"
	"END;",
	/* 4 → 5: an inserted row is indexed by its trigger unless the writer indexes its
	 * transaction's new rows itself, in one statement (store_fts_index_rows): FTS5 writes
	 * its pending tokens out at every statement's savepoint, so a trigger per row made a
	 * segment of every article, and merging them cost more than the tokens */
	"DROP TRIGGER articles_fts_insert;"
	"CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles"
	"  WHEN NOT qari_fts_deferred() BEGIN"
	"  INSERT INTO articles_fts (rowid, text)"
	"    VALUES (new.id, qari_fts_text(new.title, new.body, new.fulltext));"
	"END;",
	/* 5 → 6: FTS5 keeps up to 64 MB of a transaction's tokens in memory (its default, 1 MB,
	 * is a few hundred articles' trigrams) before it writes them as a segment: an import's
	 * transaction wrote a segment of every MB, which its merges then read and wrote again.
	 * A feed's transaction holds far less */
	"INSERT INTO articles_fts (articles_fts, rank) VALUES ('hashsize', 67108864);",
	/* 6 → 7: a title stored before loading dropped a news agency's section label («عام / »)
	 * loses it (qari_title, store_fts.c), so the list, the article opened and the full-text
	 * index hold the title the reader has in memory: a search for a label's word matched
	 * these. The index's update trigger indexes just those rows again */
	"UPDATE articles SET title = qari_title(title) WHERE title IS NOT qari_title(title);",
	/* 7 → 8: the articles that name each entity (its term: type and key,
	 * qari_entity_terms, store_load.c), from the entities stored as the reader unpacks them,
	 * so the sidebar's "articles naming this entity" is memory's and not a search for its
	 * name; the triggers keep it in step with every write of an article but ingest's,
	 * which writes its rows' terms itself (store_entity_terms_write; made so that it may
	 * run again: a test sets the version back) */
	"CREATE TABLE IF NOT EXISTS entity_articles ("
	"  term TEXT NOT NULL, article INTEGER NOT NULL,"
	"  PRIMARY KEY (term, article)) WITHOUT ROWID;"
	"CREATE INDEX IF NOT EXISTS entity_articles_article ON entity_articles (article);"
	"INSERT OR IGNORE INTO entity_articles (term, article)"
	"  SELECT j.value, a.id FROM articles a,"
	"    json_each(qari_entity_terms(a.title, a.body, a.fulltext, a.entities)) j"
	"  WHERE a.entities IS NOT NULL;"
	"DROP TRIGGER IF EXISTS entity_articles_insert;"
	"CREATE TRIGGER entity_articles_insert AFTER INSERT ON articles"
	"  WHEN new.entities IS NOT NULL BEGIN"
	"  INSERT OR IGNORE INTO entity_articles (term, article)"
	"    SELECT value, new.id FROM"
	"      json_each(qari_entity_terms(new.title, new.body, new.fulltext, new.entities));"
	"END;"
	"DROP TRIGGER IF EXISTS entity_articles_update;"
	"CREATE TRIGGER entity_articles_update AFTER UPDATE OF title, body, fulltext, entities"
	"  ON articles BEGIN"
	"  DELETE FROM entity_articles WHERE article = old.id;"
	"  INSERT OR IGNORE INTO entity_articles (term, article)"
	"    SELECT value, new.id FROM"
	"      json_each(qari_entity_terms(new.title, new.body, new.fulltext, new.entities));"
	"END;"
	"DROP TRIGGER IF EXISTS entity_articles_delete;"
	"CREATE TRIGGER entity_articles_delete AFTER DELETE ON articles BEGIN"
	"  DELETE FROM entity_articles WHERE article = old.id;"
	"END;",
};

char *store_default_path(void)
{
	char *dir = fsutil_xdg_dir("XDG_DATA_HOME", ".local/share"), *p;
	if (dir == NULL)
		return NULL;
	p = xasprintf("%s/qari.db", dir);
	free(dir);
	return p;
}

char *store_errmsg(struct store *s, const char *what)
{
	return xasprintf("%s: %s: %s", s->path, what, sqlite3_errmsg(s->db));
}

bool store_exec(struct store *s, const char *sql, char **error)
{
	char *msg = NULL;
	if (sqlite3_exec(s->db, sql, NULL, NULL, &msg) == SQLITE_OK)
		return true;
	if (error)
		*error = xasprintf("%s: %s", s->path, msg ? msg : "error");
	sqlite3_free(msg);
	return false;
}

sqlite3_stmt *store_prepare(struct store *s, const char *sql)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) == SQLITE_OK)
		return st;
	if (atomic_load(&s->interrupted))
		return NULL;
	fatal("store: bad statement (%s): %s", sqlite3_errmsg(s->db), sql);
}

static int store_user_version(struct store *s)
{
	sqlite3_stmt *st = store_prepare(s, "PRAGMA user_version");
	int v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
	sqlite3_finalize(st);
	return v;
}

/* The migration that makes the full-text index. */
#define STORE_FTS_SCHEMA 2

/* Bring the schema from its version to ours, one migration per transaction; *fts_built when
 * the full-text index was made on the way. */
static bool store_migrate(struct store *s, bool *fts_built, char **error)
{
	int v = store_user_version(s);

	*fts_built = v >= 0 && v < STORE_FTS_SCHEMA;

	if (v < 0)
		return *error = store_errmsg(s, "cannot read the schema version"), false;
	if (v > STORE_SCHEMA_VERSION) {
		s->read_only = true; /* a newer qari's: read what we know, write nothing */
		return true;
	}
	for (; v < STORE_SCHEMA_VERSION; v++) {
		char *sql = xasprintf("BEGIN IMMEDIATE; %s PRAGMA user_version = %d; COMMIT;",
				      store_migrations[v], v + 1);
		bool ok = store_exec(s, sql, error);
		free(sql);
		if (!ok) {
			store_exec(s, "ROLLBACK", NULL);
			return false;
		}
	}
	return true;
}

static bool store_make_folder(const char *path)
{
	char *dir = xstrdup(path), *slash = strrchr(dir, '/');
	bool ok = true;
	if (slash && slash != dir) {
		*slash = '\0';
		ok = fsutil_mkdirs(dir, 0700);
	}
	free(dir);
	return ok;
}

struct store *store_open(const char *path, char **error)
{
	struct store *s = xcalloc(1, sizeof *s);
	bool fts_built = false;

	*error = NULL;
	s->path = path ? xstrdup(path) : store_default_path();
	if (s->path == NULL) {
		*error = xstrdup("no home folder: the store has no place");
		goto fail;
	}
	if (!store_make_folder(s->path)) {
		*error = xasprintf("%s: cannot create its folder", s->path);
		goto fail;
	}
	if (sqlite3_open_v2(s->path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
			    SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		*error = s->db ? store_errmsg(s, "cannot open") : xasprintf("%s: cannot open", s->path);
		goto fail;
	}
	sqlite3_busy_timeout(s->db, STORE_BUSY_MS);
	/* WAL: readers never wait for the writer. NORMAL: a commit survives the process being
	 * killed at once; a power cut may lose the last ones (never corrupts): one fsync per
	 * checkpoint instead of one per feed or mark */
	/* temp_store MEMORY: each statement's journal (an ingest writes hundreds of statements
	 * per article, each undone alone on error) stays in memory instead of spilling to a
	 * temporary file past 64 KB; the store's sorts use its indexes */
	if (!store_exec(s, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
			"PRAGMA foreign_keys = OFF; PRAGMA temp_store = MEMORY;", error) ||
	    !store_fts_register(s, error) || !store_entities_register(s, error) ||
	    !store_migrate(s, &fts_built, error) ||
	    !store_fts_check(s, fts_built, error))
		goto fail;
	chmod(s->path, 0600);
	return s;
fail:
	store_close(s);
	return NULL;
}

void store_close(struct store *s)
{
	if (s == NULL)
		return;
	for (size_t i = 0; i < STORE_NSTMT; i++)
		sqlite3_finalize(s->stmt[i]);
	for (size_t i = 0; i < STORE_NCACHED; i++) {
		sqlite3_finalize(s->cached[i].st);
		free(s->cached[i].sql);
	}
	store_related_state_free(s); /* its statements too, before the connection */
	sqlite3_close(s->db);
	for (size_t i = 0; i < s->nmessages; i++)
		free(s->messages[i]);
	free(s->messages);
	free(s->share_of);
	free(s->marks);
	free(s->path);
	free(s);
}

/* After each commit of a tended connection: the WAL's length, for store_tend. */
static int store_wal_hook(void *ctx, sqlite3 *db, const char *name, int frames)
{
	struct store *s = ctx;
	(void)db;
	(void)name;
	s->wal_frames = frames;
	return SQLITE_OK;
}

void store_bulk(struct store *s, bool on)
{
	s->bulk = on;
	store_related_drop_memory(s);
	/* checkpoints (and their fsync) once per 64 MB of WAL, not per 4 MB: a commit is as
	 * safe, and the index's merges find their pages in a bigger cache */
	store_exec(s, on ? "PRAGMA wal_autocheckpoint = 16384; PRAGMA cache_size = -65536;"
			 : "PRAGMA wal_autocheckpoint = 1000; PRAGMA cache_size = -2000;", NULL);
	if (!on && s->tended) /* the pragma took the hook's place */
		sqlite3_wal_hook(s->db, store_wal_hook, s);
}

/* The hook replaces SQLite's own, which checkpoints in the commit that passes
 * wal_autocheckpoint pages: inside a key, with the fsync of the database. */
void store_tend_between(struct store *s)
{
	s->tended = true;
	s->wal_started = false;
	sqlite3_wal_hook(s->db, store_wal_hook, s);
}

bool store_tend_due(const struct store *s)
{
	return s->tended && !s->read_only &&
	       (!s->wal_started || s->wal_frames >= STORE_WAL_CHECKPOINT_FRAMES);
}

/* The first commit after a checkpoint (or into a new WAL) writes the WAL's header and syncs
 * it before its pages: made here by a write that changes nothing (page 1 rewritten with the
 * same user_version), so the next mark a key writes only appends. A writer busy elsewhere is
 * not waited for: the key's commit starts it then. */
static void store_wal_start(struct store *s)
{
	int v;

	s->wal_started = true;
	sqlite3_busy_timeout(s->db, 0);
	if (store_exec(s, "BEGIN IMMEDIATE", NULL)) {
		char *sql = (v = store_user_version(s)) >= 0
				    ? xasprintf("PRAGMA user_version = %d", v) : NULL;
		if (!sql || !store_exec(s, sql, NULL) || !store_exec(s, "COMMIT", NULL))
			store_exec(s, "ROLLBACK", NULL);
		free(sql);
	}
	sqlite3_busy_timeout(s->db, STORE_BUSY_MS);
}

void store_tend(struct store *s)
{
	if (!store_tend_due(s))
		return;
	if (s->wal_frames >= STORE_WAL_CHECKPOINT_FRAMES) {
		/* PASSIVE: never waits for a reader or writer; what it could not copy is tried
		 * again after a later commit reports the WAL still long */
		sqlite3_wal_checkpoint_v2(s->db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
		s->wal_frames = 0;
		s->wal_started = false;
		return;
	}
	store_wal_start(s);
}

const char *store_path(const struct store *s) { return s->path; }
bool store_read_only(const struct store *s) { return s->read_only; }

/* A cached statement, reset and ready for binding. */
sqlite3_stmt *store_stmt(struct store *s, enum store_stmt_id id, const char *sql)
{
	if (s->stmt[id] == NULL)
		s->stmt[id] = store_prepare(s, sql);
	sqlite3_reset(s->stmt[id]);
	sqlite3_clear_bindings(s->stmt[id]);
	return s->stmt[id];
}

sqlite3_stmt *store_take(struct store *s, const char *sql)
{
	struct store_cached *free_one = NULL;
	sqlite3_stmt *st;

	for (size_t i = 0; i < STORE_NCACHED; i++) {
		struct store_cached *e = &s->cached[i];
		if (e->sql && !e->busy && strcmp(e->sql, sql) == 0) {
			e->busy = true;
			e->used = ++s->cache_clock;
			return e->st;
		}
		if (e->busy || (free_one && !free_one->sql))
			continue; /* an empty entry found goes first */
		if (free_one == NULL || !e->sql || e->used < free_one->used)
			free_one = e;
	}
	if ((st = store_prepare(s, sql)) == NULL || free_one == NULL)
		return st; /* every entry taken: not kept */
	sqlite3_finalize(free_one->st);
	free(free_one->sql);
	*free_one = (struct store_cached){.sql = xstrdup(sql), .st = st, .busy = true,
					  .used = ++s->cache_clock};
	return st;
}

void store_give(struct store *s, sqlite3_stmt *st)
{
	if (st == NULL)
		return;
	for (size_t i = 0; i < STORE_NCACHED; i++)
		if (s->cached[i].st == st) {
			sqlite3_reset(st);
			sqlite3_clear_bindings(st);
			s->cached[i].busy = false;
			return;
		}
	sqlite3_finalize(st);
}

void store_bind_text(sqlite3_stmt *st, int i, const char *v)
{
	if (v)
		sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

char *store_column_text(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return t ? xstrdup((const char *)t) : NULL;
}

size_t store_count(struct store *s)
{
	sqlite3_stmt *st = store_stmt(s, STORE_STMT_COUNT, "SELECT coalesce((SELECT CAST(value AS INTEGER)"
						       " FROM meta WHERE key = 'articles'), (SELECT"
						       " count(*) FROM articles))");
	size_t n = sqlite3_step(st) == SQLITE_ROW ? (size_t)sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	return n;
}

/* Feeds */

static bool store_feed_read(struct store *s, const char *url, struct store_feed *out)
{
	sqlite3_stmt *st = store_stmt(s, STORE_STMT_FEED_GET,
		"SELECT id, title, etag, last_modified, fetched_at, retry_at, failures "
		"FROM feeds WHERE url = ?");
	bool found;

	store_bind_text(st, 1, url);
	found = sqlite3_step(st) == SQLITE_ROW;
	if (found) {
		*out = (struct store_feed){
			.id = sqlite3_column_int64(st, 0), .url = xstrdup(url),
			.title = store_column_text(st, 1), .etag = store_column_text(st, 2),
			.last_modified = store_column_text(st, 3),
			.fetched_at = sqlite3_column_int64(st, 4), .retry_at = sqlite3_column_int64(st, 5),
			.failures = sqlite3_column_int(st, 6)};
	}
	sqlite3_reset(st);
	return found;
}

bool store_feed_get(struct store *s, const char *url, struct store_feed *out, char **error)
{
	sqlite3_stmt *st;

	memset(out, 0, sizeof *out);
	if (store_feed_read(s, url, out))
		return true;
	if (s->read_only)
		return *error = xasprintf("%s: written by a newer qari: read only", s->path), false;
	st = store_stmt(s, STORE_STMT_FEED_ADD, "INSERT OR IGNORE INTO feeds (url) VALUES (?)");
	store_bind_text(st, 1, url);
	if (sqlite3_step(st) != SQLITE_DONE) {
		*error = store_errmsg(s, "cannot add a feed");
		sqlite3_reset(st);
		return false;
	}
	sqlite3_reset(st);
	if (!store_feed_read(s, url, out))
		return *error = store_errmsg(s, "cannot add a feed"), false;
	return true;
}

void store_feed_free(struct store_feed *f)
{
	free(f->url);
	free(f->title);
	free(f->etag);
	free(f->last_modified);
	memset(f, 0, sizeof *f);
}

/* Run a statement that changes one feed: the parameters are bound by the caller. */
static bool store_feed_step(struct store *s, sqlite3_stmt *st, char **error)
{
	bool ok = sqlite3_step(st) == SQLITE_DONE;
	if (!ok && error)
		*error = store_errmsg(s, "cannot update a feed");
	sqlite3_reset(st);
	return ok;
}

bool store_feed_set_name(struct store *s, int64_t feed, const char *name, char **error)
{
	sqlite3_stmt *st = store_stmt(s, STORE_STMT_FEED_NAME,
		"UPDATE feeds SET name = ?2 WHERE id = ?1 AND name IS NOT ?2");
	if (s->read_only)
		return true;
	sqlite3_bind_int64(st, 1, feed);
	store_bind_text(st, 2, name);
	return store_feed_step(s, st, error);
}

bool store_feed_ok(struct store *s, int64_t feed, const char *etag, const char *last_modified,
		   const char *title, char **error)
{
	sqlite3_stmt *st = store_stmt(s, STORE_STMT_FEED_OK,
		"UPDATE feeds SET etag = ?2, last_modified = ?3, title = coalesce(?4, title),"
		" fetched_at = ?5, retry_at = 0, failures = 0 WHERE id = ?1");
	if (s->read_only)
		return *error = xasprintf("%s: written by a newer qari: read only", s->path), false;
	sqlite3_bind_int64(st, 1, feed);
	store_bind_text(st, 2, etag);
	store_bind_text(st, 3, last_modified);
	store_bind_text(st, 4, title);
	sqlite3_bind_int64(st, 5, (int64_t)time(NULL));
	return store_feed_step(s, st, error);
}

bool store_feed_failed(struct store *s, int64_t feed, int64_t retry_at, char **error)
{
	sqlite3_stmt *st = store_stmt(s, STORE_STMT_FEED_FAILED,
		"UPDATE feeds SET failures = failures + 1, fetched_at = ?3, retry_at = ?2 WHERE id = ?1");
	if (s->read_only)
		return *error = xasprintf("%s: written by a newer qari: read only", s->path), false;
	sqlite3_bind_int64(st, 1, feed);
	sqlite3_bind_int64(st, 2, retry_at);
	sqlite3_bind_int64(st, 3, (int64_t)time(NULL));
	return store_feed_step(s, st, error);
}

/* Marks */

static void store_message(struct store *s, char *m)
{
	xgrow(&s->messages, &s->msgcap, s->nmessages + 1, sizeof *s->messages);
	s->messages[s->nmessages++] = m;
}

char *store_take_message(struct store *s)
{
	char *m;
	if (s->nmessages == 0)
		return NULL;
	m = s->messages[0];
	memmove(s->messages, s->messages + 1, --s->nmessages * sizeof *s->messages);
	return m;
}

static size_t store_mark_slot(const struct store *s, const char *id)
{
	uint64_t h = 1469598103934665603ull;
	for (const char *p = id; *p; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211ull;
	for (size_t i = (size_t)h & (s->markcap - 1);; i = (i + 1) & (s->markcap - 1))
		if (s->marks[i].id[0] == '\0' || strcmp(s->marks[i].id, id) == 0)
			return i;
}

/* The mark of id, added (empty) when create; NULL when there is none or id is no id. */
static struct store_mark *store_mark_find(struct store *s, const char *id, bool create)
{
	size_t i;
	if (id == NULL || strlen(id) != ARTICLE_ID_LEN)
		return NULL;
	if (s->markcap == 0 || (create && 2 * (s->nmarks + 1) > s->markcap)) {
		struct store_mark *old = s->marks;
		size_t oldcap = s->markcap;
		s->markcap = s->markcap ? 2 * s->markcap : 64;
		s->marks = xcalloc(s->markcap, sizeof *s->marks);
		for (size_t k = 0; k < oldcap; k++)
			if (old[k].id[0])
				s->marks[store_mark_slot(s, old[k].id)] = old[k];
		free(old);
	}
	i = store_mark_slot(s, id);
	if (s->marks[i].id[0] == '\0') {
		if (!create)
			return NULL;
		memcpy(s->marks[i].id, id, ARTICLE_ID_LEN + 1);
		s->nmarks++;
	}
	return &s->marks[i];
}

/* Every mark into memory, once. */
static void store_marks_load(struct store *s)
{
	sqlite3_stmt *st;
	if (s->marks_loaded)
		return;
	s->marks_loaded = true;
	st = store_prepare(s, "SELECT aid, read, bookmark, pos FROM marks");
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct store_mark *m = store_mark_find(s, (const char *)sqlite3_column_text(st, 0), true);
		if (m) {
			m->read = sqlite3_column_int(st, 1) != 0;
			m->bookmark = sqlite3_column_int(st, 2) != 0;
			m->pos = (long)sqlite3_column_int64(st, 3);
		}
	}
	sqlite3_finalize(st);
}

static const struct store_mark *store_mark_get(struct store *s, const char *id)
{
	store_marks_load(s);
	return store_mark_find(s, id, false);
}

bool store_is_read(struct store *s, const char *id)
{
	const struct store_mark *m = store_mark_get(s, id);
	return m && m->read;
}

bool store_is_bookmarked(struct store *s, const char *id)
{
	const struct store_mark *m = store_mark_get(s, id);
	return m && m->bookmark;
}

long store_pos(struct store *s, const char *id)
{
	const struct store_mark *m = store_mark_get(s, id);
	return m ? m->pos : 0;
}

/* Other connections' commits since (PRAGMA data_version: this one's own do not move it). */
static int64_t store_data_version(struct store *s)
{
	sqlite3_stmt *st = store_stmt(s, STORE_STMT_DATA_VERSION, "PRAGMA data_version");
	int64_t v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
	sqlite3_reset(st);
	return v;
}

bool store_read_rows_kept(struct store *s)
{
	return s->read_rows.valid && sqlite3_total_changes64(s->db) == s->read_rows.changes &&
	       store_data_version(s) == s->read_rows.version;
}

size_t store_read_rows(struct store *s)
{
	sqlite3_stmt *st;

	if (store_read_rows_kept(s))
		return s->read_rows.n;
	/* the version first: a commit between the two is counted, and counted again next time */
	s->read_rows.version = store_data_version(s);
	/* CROSS JOIN keeps marks outside: the planner would scan every article otherwise */
	st = store_stmt(s, STORE_STMT_READ_ROWS,
			"SELECT count(*) FROM marks m CROSS JOIN articles a ON a.aid = m.aid"
			" WHERE m.read != 0");
	s->read_rows.valid = sqlite3_step(st) == SQLITE_ROW; /* not when interrupted */
	s->read_rows.n = s->read_rows.valid ? (size_t)sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	s->read_rows.changes = sqlite3_total_changes64(s->db);
	return s->read_rows.n;
}

/* The article rows of aid (marks may name articles the store does not hold). */
static size_t store_article_rows(struct store *s, const char *aid)
{
	sqlite3_stmt *st = store_stmt(s, STORE_STMT_IS_ARTICLE,
				      "SELECT count(*) FROM articles WHERE aid = ?");
	size_t n;

	store_bind_text(st, 1, aid);
	n = sqlite3_step(st) == SQLITE_ROW ? (size_t)sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	return n;
}

void store_read_rows_after(struct store *s, bool kept)
{
	s->read_rows.valid = kept;
	s->read_rows.changes = sqlite3_total_changes64(s->db);
}

/* After a mark's write, kept: the count of rows read was the tables' before it. A row
 * marked read adds its article's rows; one marked unread has it counted again (a rare key,
 * and an insert of an unread mark is not told from an update here). */
static void store_read_rows_follow(struct store *s, bool kept, enum store_stmt_id id,
				   const char *aid, long v)
{
	if (kept && id == STORE_STMT_SET_READ && sqlite3_changes(s->db) > 0) {
		if (v == 0)
			kept = false;
		else
			s->read_rows.n += store_article_rows(s, aid);
	}
	store_read_rows_after(s, kept);
}

/* Write one mark; memory holds it even when the database could not (with a message). */
static bool store_set_mark(struct store *s, enum store_stmt_id id, const char *sql,
			   const char *aid, long v)
{
	sqlite3_stmt *st;
	struct store_mark *m;
	bool ok, kept;

	store_marks_load(s);
	if ((m = store_mark_find(s, aid, true)) == NULL)
		return false;
	if (id == STORE_STMT_SET_READ)
		m->read = v != 0;
	else if (id == STORE_STMT_SET_BOOKMARK)
		m->bookmark = v != 0;
	else
		m->pos = v;
	if (s->read_only)
		return false;
	kept = store_read_rows_kept(s);
	st = store_stmt(s, id, sql);
	store_bind_text(st, 1, aid);
	sqlite3_bind_int64(st, 2, v);
	ok = sqlite3_step(st) == SQLITE_DONE;
	if (!ok)
		store_message(s, store_errmsg(s, "a mark was not saved"));
	sqlite3_reset(st);
	store_read_rows_follow(s, kept && ok, id, aid, v);
	return ok;
}

bool store_set_read(struct store *s, const char *id, bool read)
{
	return store_set_mark(s, STORE_STMT_SET_READ,
		"INSERT INTO marks (aid, read) VALUES (?1, ?2) "
		"ON CONFLICT (aid) DO UPDATE SET read = ?2 WHERE read IS NOT ?2", id, read);
}

bool store_set_bookmark(struct store *s, const char *id, bool bookmark)
{
	return store_set_mark(s, STORE_STMT_SET_BOOKMARK,
		"INSERT INTO marks (aid, bookmark) VALUES (?1, ?2) "
		"ON CONFLICT (aid) DO UPDATE SET bookmark = ?2 WHERE bookmark IS NOT ?2", id,
		bookmark);
}

bool store_set_pos(struct store *s, const char *id, long pos)
{
	return store_set_mark(s, STORE_STMT_SET_POS,
		"INSERT INTO marks (aid, pos) VALUES (?1, ?2) "
		"ON CONFLICT (aid) DO UPDATE SET pos = ?2 WHERE pos IS NOT ?2", id,
		pos > 0 ? pos : 0);
}

bool store_set_last(struct store *s, const char *id)
{
	sqlite3_stmt *st = store_stmt(s, STORE_STMT_SET_LAST,
		"INSERT INTO meta (key, value) VALUES ('last', ?1) "
		"ON CONFLICT (key) DO UPDATE SET value = ?1 WHERE value IS NOT ?1");
	bool ok, kept;
	if (s->read_only)
		return false;
	kept = store_read_rows_kept(s);
	store_bind_text(st, 1, id);
	ok = sqlite3_step(st) == SQLITE_DONE;
	if (!ok)
		store_message(s, store_errmsg(s, "the last article was not saved"));
	sqlite3_reset(st);
	store_read_rows_after(s, kept);
	return ok;
}

char *store_last(struct store *s)
{
	sqlite3_stmt *st = store_stmt(s, STORE_STMT_LAST, "SELECT value FROM meta WHERE key = 'last'");
	char *v = sqlite3_step(st) == SQLITE_ROW ? store_column_text(st, 0) : NULL;
	sqlite3_reset(st);
	return v;
}

/* Retention */

size_t store_prune(struct store *s, long keep_days, long max_items, char **error)
{
	sqlite3_stmt *st;
	size_t gone = 0;
	const char *keep = "aid NOT IN (SELECT aid FROM marks WHERE bookmark != 0)";
	char *sql;

	if (s->read_only || (keep_days <= 0 && max_items <= 0))
		return 0;
	if (!store_exec(s, "BEGIN IMMEDIATE", error))
		return 0;
	if (keep_days > 0) {
		/* by when it was stored: an undated article is as old as its arrival */
		sql = xasprintf("DELETE FROM articles WHERE coalesce(date_key, added) < ?1 AND "
				"added < ?1 AND %s", keep);
		st = store_prepare(s, sql);
		sqlite3_bind_int64(st, 1, (int64_t)time(NULL) - (int64_t)keep_days * 86400);
		if (sqlite3_step(st) == SQLITE_DONE)
			gone += (size_t)sqlite3_changes(s->db);
		sqlite3_finalize(st);
		free(sql);
	}
	if (max_items > 0) {
		sql = xasprintf("DELETE FROM articles WHERE id IN (SELECT id FROM articles "
				"ORDER BY date_key DESC, id DESC LIMIT -1 OFFSET ?1) AND %s", keep);
		st = store_prepare(s, sql);
		sqlite3_bind_int64(st, 1, max_items);
		if (sqlite3_step(st) == SQLITE_DONE)
			gone += (size_t)sqlite3_changes(s->db);
		sqlite3_finalize(st);
		free(sql);
	}
	if (!store_related_sweep(s, error) || !store_exec(s, "COMMIT", error)) {
		store_exec(s, "ROLLBACK", NULL);
		return 0;
	}
	return gone;
}
