/* entity_cache.c - per-article entities kept in $XDG_CACHE_HOME/qari/entities.
 *
 * The file: a head, the records (one article's entities each: counts, then the entity
 * records, mentions and keys as entity_extract packs them), and a table of entries sorted by
 * key, each with its record's place, length, checksum and the day it was last used. */
#include "qari/entity_cache.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#define XXH_STATIC_LINKING_ONLY /* XXH3_state_t on the stack, no allocation per article */
#include <xxhash.h>

#include "qari/article.h"
#include "qari/corpus.h"
#include "qari/fsutil.h"
#include "qari/xalloc.h"

#define ENTITY_CACHE_MAGIC "qariENT\n"
/* The rules' version (entity.h): the built-in article of the fingerprint catches most changes
 * of what entity_extract finds, not all. */
#define ENTITY_CACHE_VERSION ENTITY_RULES_VERSION
#define ENTITY_CACHE_LAYOUT                                                                    \
	((uint32_t)sizeof(struct article_entity) << 16 | (uint32_t)sizeof(struct entity_mention) << 8 | \
	 ENTITY_NTYPES)

struct entity_cache_head {
	char magic[8];
	uint32_t version, layout;
	uint64_t fp_lo, fp_hi;   /* the extractor's fingerprint */
	uint64_t n, table;       /* entries, and where their table starts */
};

struct entity_cache_entry {
	uint64_t lo, hi;         /* the article's key */
	uint64_t off, sum;       /* its record: where, and XXH3-64 of its bytes */
	uint32_t len, day;       /* record bytes; day last used (since the epoch) */
};

struct entity_cache {
	char *dir, *path;             /* NULL: read from memory */
	unsigned char *buf;           /* the file as read: mapped (mapped) or copied */
	size_t len;
	bool mapped;
	const struct entity_cache_entry *entries; /* into buf, sorted by key */
	size_t n;
	uint64_t fp_lo, fp_hi;
	bool unsummed;                /* from memory: records read without their checksums, so
					 fuzzing reaches the checks behind them */
};

static int entity_cache_key_cmp(uint64_t alo, uint64_t ahi, uint64_t blo, uint64_t bhi)
{
	if (ahi != bhi)
		return ahi < bhi ? -1 : 1;
	return alo < blo ? -1 : alo > blo;
}

/* Length-prefixed, so that ("ab", "c") and ("a", "bc") differ. */
static void entity_cache_hash_text(XXH3_state_t *st, const char *s)
{
	uint64_t n = strlen(s);
	XXH3_128bits_update(st, &n, sizeof n);
	XXH3_128bits_update(st, s, n);
}

struct entity_cache_key entity_cache_key_of(const struct article *a)
{
	XXH3_state_t st;
	uint64_t np = a->npara;
	XXH128_hash_t h;

	XXH3_128bits_reset(&st);
	XXH3_128bits_update(&st, &np, sizeof np);
	entity_cache_hash_text(&st, a->title);
	for (size_t i = 0; i < a->npara; i++)
		entity_cache_hash_text(&st, a->paras[i]);
	h = XXH3_128bits_digest(&st);
	return (struct entity_cache_key){h.low64, h.high64};
}

/* Every regular file under dir, in name order: names, sizes and bytes. */
static void entity_cache_hash_dir(XXH3_state_t *st, const char *dir)
{
	struct dirent **names;
	int n = scandir(dir, &names, NULL, alphasort);

	for (int i = 0; i < n; i++) {
		char *path = xasprintf("%s/%s", dir, names[i]->d_name);
		struct stat sb;
		size_t len;
		char *data;
		if (names[i]->d_name[0] != '.' && stat(path, &sb) == 0) {
			XXH3_128bits_update(st, names[i]->d_name, strlen(names[i]->d_name) + 1);
			if (S_ISDIR(sb.st_mode))
				entity_cache_hash_dir(st, path);
			else if (S_ISREG(sb.st_mode) && (data = fsutil_read_file(path, 1ul << 30, &len))) {
				XXH3_128bits_update(st, &len, sizeof len);
				XXH3_128bits_update(st, data, len);
				free(data);
			}
		}
		free(path);
		free(names[i]);
	}
	free(n >= 0 ? names : NULL);
}

struct article *entity_cache_probe_article(void)
{
	static const char title[] = "لافروف وكيري يبحثان أوكرانيا في جنيف";
	static const char *const paras[] = {
		"قال وزير الخارجية الروسي سيرغي لافروف في موسكو يوم الثلاثاء 12 فبراير/شباط 2016 إن "
		"روسيا والولايات المتحدة ستبحثان الأزمة في أوكرانيا، وأضاف لافروف أن الأمم المتحدة "
		"ووكالة رويترز ستتابعان المحادثات في جنيف.",
		"وأعلنت شركة أرامكو السعودية عام 2022 أن الأمير محمد بن سلمان زار الرياض وجدة.",
	};
	struct article *a = article_new("(entity cache probe)");

	article_set_title(a, title, strlen(title));
	for (size_t i = 0; i < sizeof paras / sizeof *paras; i++)
		article_add_para(a, paras[i], strlen(paras[i]));
	return a;
}

static uint32_t entity_pack_version;

static void entity_pack_version_make(void)
{
	XXH3_state_t st;
	uint32_t v = ENTITY_RULES_VERSION;
	char *assets = corpus_asset_path("ner"), *rules = corpus_asset_path("entities");

	XXH3_128bits_reset(&st);
	XXH3_128bits_update(&st, &v, sizeof v);
	entity_cache_hash_dir(&st, assets);
	entity_cache_hash_dir(&st, rules);
	entity_pack_version = (uint32_t)XXH3_128bits_digest(&st).low64;
	free(assets);
	free(rules);
}

uint32_t article_entities_pack_version(void)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, entity_pack_version_make);
	return entity_pack_version;
}

/* What m finds in the probe article: the fingerprint's check on the extraction code. */
static void entity_cache_hash_probe(XXH3_state_t *st, const struct ner_model *m)
{
	struct article *a = entity_cache_probe_article();
	struct article_entities es;

	entity_extract(m, a, &es);
	XXH3_128bits_update(st, &es.n, sizeof es.n);
	XXH3_128bits_update(st, &es.nmentions, sizeof es.nmentions);
	if (es.n > 0) {
		XXH3_128bits_update(st, es.v, es.n * sizeof *es.v);
		XXH3_128bits_update(st, es.mentions, es.nmentions * sizeof *es.mentions);
		XXH3_128bits_update(st, es.keys, article_entities_key_bytes(&es));
	}
	article_entities_free(&es);
	article_free(a);
}

static void entity_cache_fingerprint(struct entity_cache *c, const struct ner_model *m)
{
	XXH3_state_t st;
	uint32_t v[2] = {ENTITY_CACHE_VERSION, ENTITY_CACHE_LAYOUT};
	char *assets = corpus_asset_path("ner"), *rules = corpus_asset_path("entities");
	XXH128_hash_t h;

	XXH3_128bits_reset(&st);
	XXH3_128bits_update(&st, v, sizeof v);
	entity_cache_hash_dir(&st, assets);
	entity_cache_hash_dir(&st, rules); /* the organisations, triggers and lists beside the tagger */
	entity_cache_hash_probe(&st, m);
	h = XXH3_128bits_digest(&st);
	c->fp_lo = h.low64;
	c->fp_hi = h.high64;
	free(assets);
	free(rules);
}

/* Take buf as the cache's file when its head and table are sound (for fingerprint fp, or
 * any when !check_fp); otherwise the cache stays empty. */
static void entity_cache_take(struct entity_cache *c, bool check_fp)
{
	struct entity_cache_head h;
	const struct entity_cache_entry *e;

	if (c->len < sizeof h)
		return;
	memcpy(&h, c->buf, sizeof h);
	if (memcmp(h.magic, ENTITY_CACHE_MAGIC, sizeof h.magic) != 0 ||
	    h.version != ENTITY_CACHE_VERSION || h.layout != ENTITY_CACHE_LAYOUT)
		return;
	if (check_fp && (h.fp_lo != c->fp_lo || h.fp_hi != c->fp_hi))
		return;
	if (h.table < sizeof h || h.table > c->len || h.table % 8 != 0 ||
	    (c->len - h.table) / sizeof *e < h.n)
		return;
	e = (const struct entity_cache_entry *)(c->buf + h.table);
	for (size_t i = 0; i < h.n; i++) {
		if (i > 0 && entity_cache_key_cmp(e[i - 1].lo, e[i - 1].hi, e[i].lo, e[i].hi) >= 0)
			return;
		if (e[i].off < sizeof h || e[i].off > h.table || h.table - e[i].off < e[i].len)
			return;
	}
	c->fp_lo = h.fp_lo;
	c->fp_hi = h.fp_hi;
	c->entries = e;
	c->n = (size_t)h.n;
}

/* Map the file, if there is one (an empty cache otherwise). */
static void entity_cache_map(struct entity_cache *c)
{
	struct stat st;
	int fd = open(c->path, O_RDONLY | O_CLOEXEC | O_NONBLOCK); /* a FIFO: no wait, no map */
	void *p;

	if (fd < 0)
		return;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
	    (p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0)) != MAP_FAILED) {
		c->buf = p;
		c->len = (size_t)st.st_size;
		c->mapped = true;
	}
	close(fd);
}

struct entity_cache *entity_cache_open(const char *dir, const struct ner_model *m)
{
	char *d = dir ? xstrdup(dir) : fsutil_xdg_dir("XDG_CACHE_HOME", ".cache");
	struct entity_cache *c;

	if (d == NULL)
		return NULL;
	c = xcalloc(1, sizeof *c);
	c->dir = d;
	c->path = xasprintf("%s/entities", d);
	entity_cache_fingerprint(c, m);
	entity_cache_map(c);
	entity_cache_take(c, true);
	return c;
}

struct entity_cache *entity_cache_from_memory(const void *buf, size_t len)
{
	struct entity_cache *c = xcalloc(1, sizeof *c);
	c->buf = xmalloc(len ? len : 1); /* malloc's alignment: the table is read in place */
	memcpy(c->buf, buf, len);
	c->len = len;
	c->unsummed = true;
	entity_cache_take(c, false);
	return c;
}

void entity_cache_close(struct entity_cache *c)
{
	if (c == NULL)
		return;
	if (c->mapped)
		munmap(c->buf, c->len);
	else
		free(c->buf);
	free(c->dir);
	free(c->path);
	free(c);
}

const char *entity_cache_path(const struct entity_cache *c) { return c->path; }
size_t entity_cache_entries(const struct entity_cache *c) { return c->n; }

struct entity_cache_key entity_cache_key_at(const struct entity_cache *c, size_t i)
{
	return (struct entity_cache_key){c->entries[i].lo, c->entries[i].hi};
}

static const struct entity_cache_entry *entity_cache_find(const struct entity_cache *c,
							  uint64_t lo, uint64_t hi)
{
	size_t a = 0, b = c->n;
	while (a < b) {
		size_t mid = a + (b - a) / 2;
		int cmp = entity_cache_key_cmp(c->entries[mid].lo, c->entries[mid].hi, lo, hi);
		if (cmp == 0)
			return &c->entries[mid];
		if (cmp < 0)
			a = mid + 1;
		else
			b = mid;
	}
	return NULL;
}

bool entity_cache_get(const struct entity_cache *c, struct entity_cache_key k,
		      const struct article *a, struct article_entities *out, uint32_t *day)
{
	const struct entity_cache_entry *e = entity_cache_find(c, k.lo, k.hi);
	const unsigned char *p;

	memset(out, 0, sizeof *out);
	if (e == NULL)
		return false;
	p = c->buf + e->off;
	if (!c->unsummed && XXH3_64bits(p, e->len) != e->sum)
		return false;
	if (!article_entities_unpack(p, e->len, a, out))
		return false;
	if (day)
		*day = e->day;
	return true;
}

uint32_t entity_cache_today(void) { return (uint32_t)(time(NULL) / 86400); }

/* One entry of the file being written: from memory (es != NULL) or the old file. */
struct entity_cache_out {
	uint64_t lo, hi;
	const struct article_entities *es;
	const struct entity_cache_entry *old;
	uint32_t day;
};

static int entity_cache_out_cmp(const void *pa, const void *pb)
{
	const struct entity_cache_out *a = pa, *b = pb;
	return entity_cache_key_cmp(a->lo, a->hi, b->lo, b->hi);
}

static int entity_cache_recent_cmp(const void *pa, const void *pb)
{
	const struct entity_cache_out *a = pa, *b = pb;
	return a->day != b->day ? (a->day > b->day ? -1 : 1) : entity_cache_out_cmp(pa, pb);
}

static size_t entity_cache_out_bytes(const struct entity_cache_out *o)
{
	size_t b = o->old ? o->old->len : article_entities_packed_size(o->es);
	return (b + 7) & ~(size_t)7;
}

/* The entries to write, sorted by key: every fresh article once, then the old entries of
 * other articles, most recently used first, while they fit. */
static size_t entity_cache_plan(const struct entity_cache *c, size_t n,
				const struct entity_cache_key *keys,
				const struct article_entities *es, const uint8_t *fresh, uint32_t today,
				struct entity_cache_out **outp)
{
	struct entity_cache_out *out = xcalloc(n + c->n + 1, sizeof *out);
	size_t m = 0, kept, bytes = 0;

	for (size_t i = 0; i < n; i++)
		if (fresh[i])
			out[m++] = (struct entity_cache_out){keys[i].lo, keys[i].hi, &es[i], NULL, today};
	xqsort(out, m, sizeof *out, entity_cache_out_cmp);
	kept = 0;
	for (size_t i = 0; i < m; i++) /* the same text twice in a corpus: one entry */
		if (kept == 0 || entity_cache_out_cmp(&out[kept - 1], &out[i]) != 0) {
			out[kept] = out[i];
			bytes += entity_cache_out_bytes(&out[kept++]);
		}
	m = kept;
	for (size_t i = 0; i < c->n; i++) {
		const struct entity_cache_entry *e = &c->entries[i];
		struct entity_cache_out key = {.lo = e->lo, .hi = e->hi};
		if (e->day + ENTITY_CACHE_KEEP_DAYS >= today &&
		    !bsearch(&key, out, kept, sizeof *out, entity_cache_out_cmp))
			out[m++] = (struct entity_cache_out){e->lo, e->hi, NULL, e, e->day};
	}
	xqsort(out + kept, m - kept, sizeof *out, entity_cache_recent_cmp);
	for (size_t i = kept; i < m; i++) {
		if (bytes + entity_cache_out_bytes(&out[i]) > ENTITY_CACHE_MAX_BYTES)
			break;
		bytes += entity_cache_out_bytes(&out[i]);
		out[kept++] = out[i];
	}
	xqsort(out, kept, sizeof *out, entity_cache_out_cmp);
	*outp = out;
	return kept;
}

/* Append one record to f, padded to 8 bytes; its entry's place, length and checksum. */
static bool entity_cache_write_rec(FILE *f, const struct entity_cache *c,
				   const struct entity_cache_out *o, struct entity_cache_entry *e,
				   struct strbuf *sb)
{
	static const char zeros[8];
	long at = ftell(f);

	sb->len = 0;
	if (o->old)
		strbuf_append(sb, (const char *)c->buf + o->old->off, o->old->len);
	else
		article_entities_pack(o->es, sb);
	*e = (struct entity_cache_entry){.lo = o->lo, .hi = o->hi, .off = (uint64_t)at,
					 .sum = XXH3_64bits(sb->data, sb->len),
					 .len = (uint32_t)sb->len, .day = o->day};
	return at >= 0 && fwrite(sb->data, 1, sb->len, f) == sb->len &&
	       fwrite(zeros, 1, (8 - sb->len % 8) % 8, f) == (8 - sb->len % 8) % 8;
}

/* The head, records and table into f. */
static bool entity_cache_write(FILE *f, const struct entity_cache *c,
			       const struct entity_cache_out *out, size_t n)
{
	struct entity_cache_head h = {.version = ENTITY_CACHE_VERSION, .layout = ENTITY_CACHE_LAYOUT,
				      .fp_lo = c->fp_lo, .fp_hi = c->fp_hi, .n = n};
	struct entity_cache_entry *table = xcalloc(n + 1, sizeof *table);
	struct strbuf sb = {0};
	bool ok = fwrite(&h, sizeof h, 1, f) == 1;

	for (size_t i = 0; ok && i < n; i++)
		ok = entity_cache_write_rec(f, c, &out[i], &table[i], &sb);
	if (ok) {
		long at = ftell(f);
		memcpy(h.magic, ENTITY_CACHE_MAGIC, sizeof h.magic);
		h.table = (uint64_t)at;
		ok = at >= 0 && fwrite(table, sizeof *table, n, f) == n && fseek(f, 0, SEEK_SET) == 0 &&
		     fwrite(&h, sizeof h, 1, f) == 1; /* the magic last: a file cut short is no cache */
	}
	strbuf_free(&sb);
	free(table);
	return ok;
}

bool entity_cache_save(const struct entity_cache *c, size_t n, const struct entity_cache_key *keys,
		       const struct article_entities *es, const uint8_t *fresh, uint32_t today,
		       char **error)
{
	struct entity_cache_out *out;
	size_t nout;
	char *tmp;
	int fd, err = 0;
	FILE *f = NULL;

	if (c->path == NULL)
		return true;
	if (!fsutil_mkdirs(c->dir, 0700)) {
		*error = xasprintf("%s: %s", c->dir, strerror(errno));
		return false;
	}
	nout = entity_cache_plan(c, n, keys, es, fresh, today, &out);
	tmp = xasprintf("%s.tmp.XXXXXX", c->path);
	if ((fd = mkostemp(tmp, O_CLOEXEC)) < 0 || (f = fdopen(fd, "wb")) == NULL)
		err = errno;
	else if (!entity_cache_write(f, c, out, nout))
		err = errno ? errno : EIO;
	if (f != NULL && fclose(f) != 0 && err == 0)
		err = errno;
	else if (f == NULL && fd >= 0)
		close(fd);
	if (err == 0 && rename(tmp, c->path) < 0)
		err = errno;
	if (err != 0) {
		if (fd >= 0)
			unlink(tmp);
		*error = xasprintf("%s: %s", c->path, strerror(err));
	}
	free(tmp);
	free(out);
	return err == 0;
}
