/* ner_lexicon.c - gazetteers, trigger words and name variants, read from assets/ner:
 *   gazetteer/persons.txt locations.txt organisations.txt   one name per line (ANERGazet;
 *                                                            "====" lines separate groups)
 *   curated.txt    TYPE<TAB>canonical|variant|...            names the news needs, with variants
 *   triggers.txt   CLASS<TAB>word                            PERS LOC ORG NAT
 *   stopwords.txt  one word per line
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

struct ner_lexicon *ner_lexicon_load(const char *dir, char **error)
{
	static const char *const gaz[] = {"", "gazetteer/persons.txt", "gazetteer/locations.txt",
					  "gazetteer/organisations.txt"};
	struct ner_lexicon *lex = xcalloc(1, sizeof *lex);
	char *path = NULL;

	for (int t = NER_PERS; t <= NER_ORG; t++) {
		path = xasprintf("%s/%s", dir, gaz[t]);
		if (!ner_lexicon_lines(path, ner_lexicon_gaz_line, lex, &t))
			goto fail;
		free(path);
	}
	path = xasprintf("%s/curated.txt", dir);
	if (!ner_lexicon_lines(path, ner_lexicon_curated_line, lex, NULL))
		goto fail;
	free(path);
	path = xasprintf("%s/triggers.txt", dir);
	if (!ner_lexicon_lines(path, ner_lexicon_trigger_line, lex, NULL))
		goto fail;
	free(path);
	path = xasprintf("%s/stopwords.txt", dir);
	if (!ner_lexicon_lines(path, ner_lexicon_stop_line, lex, NULL))
		goto fail;
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
