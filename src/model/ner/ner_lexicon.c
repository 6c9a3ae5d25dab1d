/* ner_lexicon.c - gazetteers, trigger words and name variants, read from assets/ner:
 *   gazetteer/persons.txt locations.txt organisations.txt   one name per line (ANERGazet;
 *                                                            "====" lines separate groups)
 *   curated.txt    TYPE<TAB>canonical|variant|...            names the news needs, with variants
 *   triggers.txt   CLASS<TAB>word                            PERS LOC ORG NAT
 *   stopwords.txt  one word per line
 *   clusters.txt   word<TAB>cluster<TAB>group...             word clusters and their groups
 *                                                            (qari ner-clusters; optional):
 *                                                            the word proclitic-free, in
 *                                                            matching form already
 * Everything is stored in matching form. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ner_private.h"
#include "qari/xalloc.h"

#define NER_GAZ_LONGER 0x80 /* a longer phrase starts with this one (type bits are below) */

static void ner_lexicon_mark_gaz(struct ner_lexicon *lex, const char *s, size_t n, uint8_t bits)
{
	uint32_t id = strtab_intern(&lex->gaz, s, n);
	if (id >= lex->gaz_cap) {
		size_t old = lex->gaz_cap;
		xgrow(&lex->gaz_types, &lex->gaz_cap, id + 1, 1);
		memset(lex->gaz_types + old, 0, lex->gaz_cap - old);
	}
	lex->gaz_types[id] |= bits;
}

/* Add a phrase under a type: a bit per type, several lists may name it. Its first words are
 * marked as the start of a longer phrase, so that matching can stop as soon as no phrase
 * starts with the words seen so far. */
static void ner_lexicon_add_gaz(struct ner_lexicon *lex, const char *s, size_t n, int type)
{
	size_t len;
	char *norm = norm_string(s, n, &len);

	while (len > 0 && norm[len - 1] == ' ')
		len--;
	if (len == 0 || norm[0] == ' ') {
		free(norm);
		return;
	}
	ner_lexicon_mark_gaz(lex, norm, len, (uint8_t)(1u << type));
	for (size_t i = 1; i < len; i++)
		if (norm[i] == ' ' && norm[i - 1] != ' ')
			ner_lexicon_mark_gaz(lex, norm, i, NER_GAZ_LONGER);
	free(norm);
}

static void ner_lexicon_add_alias(struct ner_lexicon *lex, const char *variant, size_t vn,
				  const char *canon, size_t cn)
{
	size_t vl, cl;
	char *v = norm_string(variant, vn, &vl), *c = norm_string(canon, cn, &cl);
	uint32_t cid = strtab_intern(&lex->aliases, c, cl);
	uint32_t vid = strtab_intern(&lex->aliases, v, vl);
	size_t need = (vid > cid ? vid : cid) + 1;

	if (need > lex->alias_cap) {
		size_t old = lex->alias_cap;
		xgrow(&lex->alias_to, &lex->alias_cap, need, sizeof *lex->alias_to);
		for (size_t i = old; i < lex->alias_cap; i++)
			lex->alias_to[i] = (uint32_t)i;
	}
	lex->alias_to[vid] = cid;
	free(v);
	free(c);
}

static int ner_lexicon_type(const char *s)
{
	static const char *const names[] = {"", "PERS", "LOC", "ORG", "MISC"};
	for (int t = 1; t < 5; t++)
		if (strcmp(s, names[t]) == 0)
			return t;
	return 0;
}

/* Each line of a file, without its line end; false when the file cannot be opened. */
static bool ner_lexicon_lines(const char *path, void (*fn)(struct ner_lexicon *, char *, void *),
			      struct ner_lexicon *lex, void *arg)
{
	FILE *f = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0;

	if (f == NULL)
		return false;
	while (getline(&line, &cap, f) > 0) {
		line[strcspn(line, "\r\n")] = '\0';
		if (line[0] != '\0' && line[0] != '#' && strncmp(line, "====", 4) != 0)
			fn(lex, line, arg);
	}
	free(line);
	fclose(f);
	return true;
}

static void ner_lexicon_gaz_line(struct ner_lexicon *lex, char *line, void *arg)
{
	ner_lexicon_add_gaz(lex, line, strlen(line), *(int *)arg);
}

/* "TYPE<TAB>canonical|variant|...": every form in the gazetteer, variants → canonical. */
static void ner_lexicon_curated_line(struct ner_lexicon *lex, char *line, void *arg)
{
	char *tab = strchr(line, '\t'), *canon, *save = NULL;
	int type;

	(void)arg;
	if (tab == NULL)
		return;
	*tab = '\0';
	if ((type = ner_lexicon_type(line)) == 0)
		return;
	canon = strtok_r(tab + 1, "|", &save);
	for (char *v = canon; v; v = strtok_r(NULL, "|", &save)) {
		ner_lexicon_add_gaz(lex, v, strlen(v), type);
		ner_lexicon_add_alias(lex, v, strlen(v), canon, strlen(canon));
	}
}

static void ner_lexicon_trigger_line(struct ner_lexicon *lex, char *line, void *arg)
{
	static const char *const classes[] = {"PERS", "LOC", "ORG", "NAT"};
	char *tab = strchr(line, '\t'), *w;
	size_t len;
	uint32_t id;
	uint8_t bit = 0;

	(void)arg;
	if (tab == NULL)
		return;
	*tab = '\0';
	for (int i = 0; i < 4; i++)
		if (strcmp(line, classes[i]) == 0)
			bit = (uint8_t)(1u << i);
	if (bit == 0)
		return;
	w = norm_string(tab + 1, strlen(tab + 1), &len);
	id = strtab_intern(&lex->trig, w, len);
	if (id >= lex->trig_cap) {
		size_t old = lex->trig_cap;
		xgrow(&lex->trig_class, &lex->trig_cap, id + 1, 1);
		memset(lex->trig_class + old, 0, lex->trig_cap - old);
	}
	lex->trig_class[id] |= bit;
	free(w);
}

static void ner_lexicon_stop_line(struct ner_lexicon *lex, char *line, void *arg)
{
	size_t len;
	char *w = norm_string(line, strlen(line), &len);
	(void)arg;
	strtab_intern(&lex->stop, w, len);
	free(w);
}

/* The clusters of one line "word<TAB>cluster<TAB>group..." [p, end) into the table (sized
 * for every line of the file beforehand) and the groups of its cluster; other lines are
 * skipped. */
static void ner_lexicon_cluster_line(struct ner_lexicon *lex, const char *p, const char *end)
{
	const char *tab = memchr(p, '\t', (size_t)(end - p)), *q = tab;
	uint32_t c[NER_CLUSTER_LEVELS] = {0}, key;
	size_t levels = 0;

	if (tab == NULL || *p == '#')
		return;
	while (q < end && *q == '\t' && levels < NER_CLUSTER_LEVELS) {
		size_t digits = 0;
		for (q++; q < end && *q >= '0' && *q <= '9' && digits < 5; q++, digits++)
			c[levels] = c[levels] * 10 + (uint32_t)(*q - '0');
		if (digits == 0 || c[levels] >= NER_CLUSTERS_MAX)
			return;
		levels++;
	}
	if (q != end || levels == 0)
		return;
	if (c[0] >= lex->clusters_n) {
		size_t old = lex->clusters_n;
		for (size_t l = 1; l < NER_CLUSTER_LEVELS; l++) {
			size_t cap = old;
			xgrow(&lex->cluster_up[l], &cap, c[0] + 1, sizeof *lex->cluster_up[l]);
			memset(lex->cluster_up[l] + old, 0, (cap - old) * sizeof *lex->cluster_up[l]);
			lex->clusters_n = cap;
		}
	}
	for (size_t l = 1; l < levels; l++)
		lex->cluster_up[l][c[0]] = (uint16_t)(c[l] + 1);
	key = ner_word_key(strtab_hash(STRTAB_HASH_INIT, p, (size_t)(tab - p)));
	for (size_t i = key & lex->clusters_mask;; i = (i + 1) & lex->clusters_mask) {
		if (lex->clusters[i] == 0) {
			lex->clusters[i] = (uint64_t)key << 32 | (c[0] + 1);
			return;
		}
		if (lex->clusters[i] >> 32 == key)
			return; /* two words of one key: the first (more frequent) keeps it */
	}
}

/* clusters.txt, read whole (a few MB: line by line through stdio costs the start-up 20 ms). */
bool ner_lexicon_load_clusters(struct ner_lexicon *lex, const char *path)
{
	FILE *f = fopen(path, "rb");
	size_t len = 0, cap = 0, lines = 0, got, slots = 64;
	char *buf = NULL;

	if (f == NULL)
		return false;
	free(lex->clusters);
	for (size_t l = 1; l < NER_CLUSTER_LEVELS; l++) {
		free(lex->cluster_up[l]);
		lex->cluster_up[l] = NULL;
	}
	lex->clusters_n = 0;
	do {
		xgrow(&buf, &cap, len + 65536, 1);
		len += got = fread(buf + len, 1, cap - len, f);
	} while (got > 0);
	fclose(f);
	for (const char *p = buf; (p = memchr(p, '\n', (size_t)(buf + len - p))) != NULL; p++)
		lines++;
	while (slots < (lines + 1) * 2)
		slots *= 2;
	lex->clusters = xcalloc(slots, sizeof *lex->clusters);
	lex->clusters_mask = slots - 1;
	for (const char *p = buf, *end; p < buf + len; p = end + 1) {
		if ((end = memchr(p, '\n', (size_t)(buf + len - p))) == NULL)
			end = buf + len;
		ner_lexicon_cluster_line(lex, p, end > p && end[-1] == '\r' ? end - 1 : end);
	}
	free(buf);
	return true;
}

void ner_lexicon_clusters(const struct ner_lexicon *lex, uint32_t key,
			  uint16_t cl[NER_CLUSTER_LEVELS])
{
	memset(cl, 0, NER_CLUSTER_LEVELS * sizeof *cl);
	if (lex->clusters == NULL)
		return;
	for (size_t i = key & lex->clusters_mask;; i = (i + 1) & lex->clusters_mask) {
		uint64_t v = lex->clusters[i];
		if (v == 0)
			return;
		if (v >> 32 == key) {
			cl[0] = (uint16_t)v;
			for (size_t l = 1; l < NER_CLUSTER_LEVELS; l++)
				cl[l] = lex->cluster_up[l][cl[0] - 1];
			return;
		}
	}
}

struct ner_lexicon *ner_lexicon_load(const char *dir, char **error)
{
	static const char *const gaz[] = {"", "gazetteer/persons.txt", "gazetteer/locations.txt",
					  "gazetteer/organisations.txt"};
	static const struct {
		const char *file;
		void (*line)(struct ner_lexicon *, char *, void *);
	} lists[] = {{"curated.txt", ner_lexicon_curated_line},
		     {"triggers.txt", ner_lexicon_trigger_line},
		     {"stopwords.txt", ner_lexicon_stop_line}};
	struct ner_lexicon *lex = xcalloc(1, sizeof *lex);
	char *path = NULL;

	for (int t = NER_PERS; t <= NER_ORG; t++) {
		path = xasprintf("%s/%s", dir, gaz[t]);
		if (!ner_lexicon_lines(path, ner_lexicon_gaz_line, lex, &t))
			goto fail;
		free(path);
	}
	for (size_t i = 0; i < sizeof lists / sizeof *lists; i++) {
		path = xasprintf("%s/%s", dir, lists[i].file);
		if (!ner_lexicon_lines(path, lists[i].line, lex, NULL))
			goto fail;
		free(path);
	}
	path = xasprintf("%s/clusters.txt", dir);
	if (!ner_lexicon_load_clusters(lex, path) && errno != ENOENT)
		goto fail; /* none: no word has a cluster */
	free(path);
	return lex;
fail:
	*error = xasprintf("%s: %s", path, strerror(errno));
	free(path);
	ner_lexicon_free(lex);
	return NULL;
}

void ner_lexicon_free(struct ner_lexicon *lex)
{
	if (lex == NULL)
		return;
	strtab_free(&lex->gaz);
	strtab_free(&lex->trig);
	strtab_free(&lex->aliases);
	strtab_free(&lex->stop);
	free(lex->gaz_types);
	free(lex->trig_class);
	free(lex->alias_to);
	free(lex->clusters);
	for (size_t l = 1; l < NER_CLUSTER_LEVELS; l++)
		free(lex->cluster_up[l]);
	free(lex);
}

uint8_t ner_lexicon_gaz(const struct ner_lexicon *lex, const char *s, size_t n)
{
	return ner_lexicon_gaz_longer(lex, s, n, NULL);
}

uint8_t ner_lexicon_gaz_longer(const struct ner_lexicon *lex, const char *s, size_t n, bool *longer)
{
	uint32_t id;
	uint8_t bits = strtab_find(&lex->gaz, s, n, &id) ? lex->gaz_types[id] : 0;
	if (longer)
		*longer = (bits & NER_GAZ_LONGER) != 0;
	return bits & (uint8_t)~NER_GAZ_LONGER;
}

bool ner_lexicon_starts_phrase(const struct ner_lexicon *lex, const char *s, size_t n)
{
	bool longer;
	ner_lexicon_gaz_longer(lex, s, n, &longer);
	return longer;
}

uint8_t ner_lexicon_trigger(const struct ner_lexicon *lex, const char *s, size_t n)
{
	uint32_t id;
	return strtab_find(&lex->trig, s, n, &id) ? lex->trig_class[id] : 0;
}

bool ner_lexicon_known(const struct ner_lexicon *lex, const char *s, size_t n)
{
	uint32_t id;
	return ner_lexicon_gaz(lex, s, n) != 0 || strtab_find(&lex->aliases, s, n, &id);
}

const char *ner_lexicon_canonical(const struct ner_lexicon *lex, const char *s, size_t n)
{
	uint32_t id;
	if (!strtab_find(&lex->aliases, s, n, &id))
		return NULL;
	return strtab_str(&lex->aliases, lex->alias_to[id]);
}

bool ner_lexicon_is_title(const struct ner_lexicon *lex, const char *s, size_t n)
{
	return (ner_lexicon_trigger(lex, s, n) & (NER_TRIG_PERS | NER_TRIG_NAT)) != 0;
}

bool ner_lexicon_is_stop(const struct ner_lexicon *lex, const char *s, size_t n)
{
	uint32_t id;
	return strtab_find(&lex->stop, s, n, &id);
}

int ner_lexicon_curated_type(const struct ner_lexicon *lex, const char *s, size_t n)
{
	uint32_t id;
	uint8_t bits;
	if (!strtab_find(&lex->aliases, s, n, &id) || (bits = ner_lexicon_gaz(lex, s, n)) == 0)
		return 0;
	for (int t = NER_PERS; t <= NER_MISC; t++)
		if (bits & (1u << t))
			return t;
	return 0;
}
