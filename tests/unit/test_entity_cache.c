/* test_entity_cache.c - entities kept between runs: what is read back equals what tagging
 * finds; a changed article, a damaged record, a stale or foreign file are misses, never
 * wrong entities; entries of other corpora are kept for a while, then dropped; the index
 * built from the cache is the index built without it. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "qari/corpus_index.h"
#include "qari/entity_cache.h"
#include "qari/fsutil.h"
#include "qari/xalloc.h"

static const struct ner_model *model;
static char *dir, *file;

/* Two articles' entities are the same records, mentions and keys. */
static bool same_entities(const struct article_entities *a, const struct article_entities *b)
{
	if (a->n != b->n || a->nmentions != b->nmentions)
		return false;
	for (size_t k = 0; k < a->n; k++)
		if (memcmp(&a->v[k], &b->v[k], sizeof a->v[k]) != 0 ||
		    strcmp(article_entity_key(a, &a->v[k]), article_entity_key(b, &b->v[k])) != 0)
			return false;
	return a->nmentions == 0 || memcmp(a->mentions, b->mentions, a->nmentions * sizeof *a->mentions) == 0;
}

/* Extract c's entities through the cache in dir (today as given); counts by origin. */
static void extract(struct entity_table *t, const struct corpus *c, uint32_t today, size_t count[4])
{
	struct entity_cache *ec = entity_cache_open(dir, model);
	char *error = NULL;

	entity_table_init(t, c);
	entity_table_use_cache(t, ec);
	t->today = today;
	entity_table_extract(t, model, 0, c->n);
	CHECK(entity_table_save_cache(t, &error));
	free(error);
	memset(count, 0, 4 * sizeof *count);
	for (size_t i = 0; i < c->n; i++)
		count[t->origin[i]]++;
	entity_cache_close(ec);
	t->cache = NULL;
}

/* Every article of t has the entities tagging gives. */
static void check_like_tagged(const struct entity_table *t, const struct corpus *c)
{
	struct entity_table plain;
	size_t same = 0;

	entity_table_init(&plain, c);
	entity_table_extract(&plain, model, 0, c->n);
	for (size_t i = 0; i < c->n; i++)
		same += same_entities(&t->per_article[i], &plain.per_article[i]);
	CHECK_INT(same, c->n);
	entity_table_free(&plain);
}

/* Extract on day today: n articles of the given origin, and every article's entities as
 * tagging finds them. */
static void expect(const struct corpus *c, uint32_t today, enum entity_origin origin, size_t n)
{
	struct entity_table t;
	size_t count[4];

	extract(&t, c, today, count);
	CHECK_INT(count[origin], n);
	check_like_tagged(&t, c);
	entity_table_free(&t);
}

static void round_trip(const struct corpus *c)
{
	size_t bytes;
	char *data;

	unlink(file);
	expect(c, 1000, ENTITY_TAGGED, c->n);
	CHECK((data = fsutil_read_file(file, 1 << 30, &bytes)) != NULL);
	free(data);
	expect(c, 1000, ENTITY_CACHED, c->n);
	/* a day later: read, and the days brought up to date */
	expect(c, 1001, ENTITY_CACHED_BEFORE_TODAY, c->n);
	expect(c, 1001, ENTITY_CACHED, c->n);
}

/* One changed character is another article: tagged again, the others read. */
static void changed_article(struct corpus *c)
{
	struct entity_table t;
	size_t count[4];
	char *p = c->items[0]->paras[0];
	char was = p[0];

	p[0] = was == 'x' ? 'y' : 'x';
	extract(&t, c, 1001, count);
	CHECK_INT(count[ENTITY_TAGGED], 1);
	CHECK_INT(count[ENTITY_CACHED], c->n - 1);
	CHECK(t.origin[0] == ENTITY_TAGGED);
	check_like_tagged(&t, c);
	entity_table_free(&t);
	p[0] = was;
}

/* Replace the cache file's bytes. */
static void write_file(const char *data, size_t n)
{
	FILE *f = fopen(file, "wb");
	CHECK(f != NULL && fwrite(data, 1, n, f) == n);
	if (f)
		fclose(f);
}

/* A byte changed inside one record costs that record only; a cut, a foreign fingerprint
 * or garbage empties the cache. Nothing wrong is ever read. */
static void damaged_file(const struct corpus *c)
{
	size_t n;
	char *good;

	unlink(file);
	expect(c, 1000, ENTITY_TAGGED, c->n);
	good = fsutil_read_file(file, 1 << 30, &n);
	CHECK(good != NULL && n > 200);
	if (good == NULL)
		return;

	good[48 + 20] ^= 0x40; /* inside the first record (after the 48-byte head) */
	write_file(good, n);
	expect(c, 1000, ENTITY_TAGGED, 1);
	good[48 + 20] ^= 0x40;
	write_file(good, n);
	expect(c, 1000, ENTITY_CACHED, c->n);

	write_file(good, n - 1); /* the table cut short */
	expect(c, 1000, ENTITY_TAGGED, c->n);

	good[16] ^= 1; /* the fingerprint of another model */
	write_file(good, n);
	expect(c, 1000, ENTITY_TAGGED, c->n);
	good[16] ^= 1;

	memset(good, 0x5a, n);
	write_file(good, n);
	expect(c, 1000, ENTITY_TAGGED, c->n);
	free(good);
}

/* Entries of articles not in the corpus stay ENTITY_CACHE_KEEP_DAYS after their last use,
 * then go. */
static void other_corpora(struct corpus *c)
{
	size_t all = c->n;
	struct entity_cache *ec;

	unlink(file);
	expect(c, 1000, ENTITY_TAGGED, all);
	c->n = 2; /* a corpus of the first two */
	expect(c, 1000 + ENTITY_CACHE_KEEP_DAYS, ENTITY_CACHED_BEFORE_TODAY, 2);
	ec = entity_cache_open(dir, model);
	CHECK_INT(entity_cache_entries(ec), all);
	entity_cache_close(ec);

	expect(c, 1001 + ENTITY_CACHE_KEEP_DAYS, ENTITY_CACHED_BEFORE_TODAY, 2);
	ec = entity_cache_open(dir, model);
	CHECK_INT(entity_cache_entries(ec), 2);
	entity_cache_close(ec);
	c->n = all;
}

/* The reader's index with the cache, cold and warm, is the index without it. */
static void same_index(const struct corpus *c)
{
	struct corpus_index plain, cold, warm;

	unlink(file);
	corpus_index_prepare(&plain, c);
	corpus_index_build(&plain, c, 2);
	corpus_index_prepare(&cold, c);
	corpus_index_cache(&cold, dir);
	corpus_index_build(&cold, c, 2);
	corpus_index_prepare(&warm, c);
	corpus_index_cache(&warm, dir);
	corpus_index_build(&warm, c, 2);
	CHECK(warm.cache_error == NULL);
	CHECK_INT(warm.entities.n, plain.entities.n);
	CHECK_INT(cold.entities.n, plain.entities.n);
	for (size_t i = 0; i < c->n; i++) {
		struct related_link *a, *b;
		size_t na = related_find(&plain.related, i, 10, &a);
		size_t nb = related_find(&warm.related, i, 10, &b);
		CHECK_INT(nb, na);
		for (size_t k = 0; k < na && k < nb; k++)
			CHECK(a[k].article == b[k].article && a[k].score == b[k].score);
		related_links_free(a, na);
		related_links_free(b, nb);
	}
	for (size_t id = 0; id < plain.entities.n && id < warm.entities.n; id++)
		CHECK(strcmp(entity_table_key(&plain.entities, (uint32_t)id),
			     entity_table_key(&warm.entities, (uint32_t)id)) == 0);
	corpus_index_free(&plain);
	corpus_index_free(&cold);
	corpus_index_free(&warm);
}

/* A folder that cannot be written: the index is whole, the error names the file. */
static void unwritable(const struct corpus *c)
{
	struct corpus_index x;

	write_file("", 0);
	corpus_index_prepare(&x, c);
	corpus_index_cache(&x, file); /* a file where the folder should be */
	corpus_index_build(&x, c, 1);
	CHECK(x.cache_error != NULL && strstr(x.cache_error, file) != NULL);
	CHECK(x.entities.n > 10);
	corpus_index_free(&x);
}

int main(void)
{
	char *paths[2] = {corpus_asset_path("articles"), check_data_path("ner")};
	char tmpl[] = "/tmp/qari-test-cache-XXXXXX";
	char *error = NULL;
	struct corpus c;

	model = ner_default(&error);
	CHECK(model != NULL);
	dir = mkdtemp(tmpl);
	CHECK(dir != NULL);
	file = xasprintf("%s/entities", dir);
	corpus_init(&c);
	REQUIRE(corpus_load_paths(&c, paths, 2) == 7);
	corpus_sort(&c);
	if (model && dir) {
		round_trip(&c);
		changed_article(&c);
		damaged_file(&c);
		other_corpora(&c);
		same_index(&c);
		unwritable(&c);
	}
	unlink(file);
	if (dir)
		rmdir(dir);
	free(file);
	corpus_free(&c);
	ner_default_free();
	free(paths[0]);
	free(paths[1]);
	return check_done();
}
