/* entity_rules.c - the lists of assets/entities, read into matching form (entity_rules.h). */
#include "qari/entity_rules.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qari/corpus.h"
#include "qari/normalize.h"
#include "qari/xalloc.h"

static void entity_rules_add_phrase(struct strtab *t, const char *s, size_t n)
{
	size_t len;
	char *k = norm_string(s, n, &len);
	while (len > 0 && k[len - 1] == ' ')
		len--;
	if (len > 0 && k[0] != ' ')
		strtab_intern(t, k, len);
	free(k);
}

static uint32_t entity_rules_org_slot(struct entity_rules *r, const char *k, size_t len)
{
	uint32_t id = strtab_intern(&r->orgs, k, len);
	if (id >= r->norgs) {
		r->org_kind = xreallocarray(r->org_kind, id + 1, 1);
		r->org_canon = xreallocarray(r->org_canon, id + 1, sizeof *r->org_canon);
		for (size_t i = r->norgs; i <= id; i++)
			r->org_kind[i] = ENTITY_RULES_NOT_ORG, r->org_canon[i] = NULL;
		r->norgs = id + 1;
	}
	return id;
}

/* "canonical|variant...[<TAB>sport]": every form, and its first words as prefixes. */
static void entity_rules_org_line(struct entity_rules *r, char *line)
{
	char *tab = strchr(line, '\t'), *save = NULL, *canon = NULL;
	unsigned char kind = ENTITY_RULES_ORG;

	if (tab) {
		*tab = '\0';
		if (strstr(tab + 1, "sport"))
			kind = ENTITY_RULES_ORG_SPORT;
	}
	for (char *v = strtok_r(line, "|", &save); v; v = strtok_r(NULL, "|", &save)) {
		size_t len;
		char *k = norm_string(v, strlen(v), &len);
		uint32_t id;
		while (len > 0 && k[len - 1] == ' ')
			len--;
		if (len == 0 || k[0] == ' ') {
			free(k);
			continue;
		}
		for (size_t i = 1; i < len; i++)
			if (k[i] == ' ' && k[i - 1] != ' ')
				entity_rules_org_slot(r, k, i);
		id = entity_rules_org_slot(r, k, len);
		r->org_kind[id] = kind;
		if (canon == NULL)
			canon = xstrndup(k, len);
		free(r->org_canon[id]);
		r->org_canon[id] = xstrdup(canon);
		free(k);
	}
	free(canon);
}

/* "source<TAB>name|name...": each name kept as "source<TAB>name" in matching form. */
static void entity_rules_paper_line(struct entity_rules *r, struct strtab *t, char *line)
{
	char *tab = strchr(line, '\t'), *save = NULL;
	(void)r;
	if (tab == NULL)
		return;
	*tab = '\0';
	for (char *v = strtok_r(tab + 1, "|", &save); v; v = strtok_r(NULL, "|", &save)) {
		size_t len;
		char *k = norm_string(v, strlen(v), &len), *both;
		while (len > 0 && k[len - 1] == ' ')
			len--;
		both = xasprintf("%s\t%.*s", line, (int)len, k);
		if (len > 0 && k[0] != ' ')
			strtab_intern(t, both, strlen(both));
		free(both);
		free(k);
	}
}

/* A place of world_places.txt: the whole name and its first words, to look words up one by one. */
static void entity_rules_world_line(struct entity_rules *r, struct strtab *t, char *line)
{
	size_t len;
	char *k = norm_string(line, strlen(line), &len);
	uint32_t id;

	while (len > 0 && k[len - 1] == ' ')
		len--;
	for (size_t i = 1; len > 0 && k[0] != ' ' && i <= len; i++) {
		if (i < len && !(k[i] == ' ' && k[i - 1] != ' '))
			continue;
		id = strtab_intern(t, k, i);
		if (id >= r->nworld) {
			r->world_whole = xreallocarray(r->world_whole, id + 1, 1);
			memset(r->world_whole + r->nworld, 0, id + 1 - r->nworld);
			r->nworld = id + 1;
		}
		r->world_whole[id] |= i == len;
	}
	free(k);
}

/* Each line of dir/name (comments and blank lines skipped) to fn. */
static void entity_rules_read(struct entity_rules *r, const char *dir, const char *name,
			      void (*fn)(struct entity_rules *, struct strtab *, char *),
			      struct strtab *t)
{
	char *path = xasprintf("%s/%s", dir, name), *line = NULL;
	size_t cap = 0;
	ssize_t n;
	FILE *f = fopen(path, "r");

	free(path);
	if (f == NULL)
		return;
	while ((n = getline(&line, &cap, f)) >= 0) {
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r' || line[n - 1] == ' '))
			line[--n] = '\0';
		if (n > 0 && line[0] != '#')
			fn(r, t, line);
	}
	free(line);
	fclose(f);
}

static void entity_rules_word_line(struct entity_rules *r, struct strtab *t, char *line)
{
	(void)r;
	entity_rules_add_phrase(t, line, strlen(line));
}

static void entity_rules_org_fn(struct entity_rules *r, struct strtab *t, char *line)
{
	(void)t;
	entity_rules_org_line(r, line);
}

void entity_rules_load(struct entity_rules *r, const char *dir)
{
	memset(r, 0, sizeof *r);
	strtab_init(&r->triggers);
	strtab_init(&r->sport);
	strtab_init(&r->not_names);
	strtab_init(&r->org_stops);
	strtab_init(&r->events);
	strtab_init(&r->place_triggers);
	strtab_init(&r->places);
	strtab_init(&r->world);
	strtab_init(&r->persons);
	strtab_init(&r->orgs);
	strtab_init(&r->papers);
	entity_rules_read(r, dir, "org_triggers.txt", entity_rules_word_line, &r->triggers);
	entity_rules_read(r, dir, "sport_words.txt", entity_rules_word_line, &r->sport);
	entity_rules_read(r, dir, "not_names.txt", entity_rules_word_line, &r->not_names);
	entity_rules_read(r, dir, "organisations.txt", entity_rules_org_fn, NULL);
	entity_rules_read(r, dir, "papers.txt", entity_rules_paper_line, &r->papers);
	entity_rules_read(r, dir, "org_stop_words.txt", entity_rules_word_line, &r->org_stops);
	entity_rules_read(r, dir, "event_words.txt", entity_rules_word_line, &r->events);
	entity_rules_read(r, dir, "place_triggers.txt", entity_rules_word_line, &r->place_triggers);
	entity_rules_read(r, dir, "places.txt", entity_rules_word_line, &r->places);
	entity_rules_read(r, dir, "world_places.txt", entity_rules_world_line, &r->world);
	entity_rules_read(r, dir, "../ner/gazetteer/persons.txt", entity_rules_word_line, &r->persons);
}

void entity_rules_free(struct entity_rules *r)
{
	strtab_free(&r->triggers);
	strtab_free(&r->papers);
	strtab_free(&r->sport);
	strtab_free(&r->not_names);
	strtab_free(&r->org_stops);
	strtab_free(&r->events);
	strtab_free(&r->place_triggers);
	strtab_free(&r->places);
	strtab_free(&r->world);
	free(r->world_whole);
	strtab_free(&r->persons);
	strtab_free(&r->orgs);
	for (size_t i = 0; i < r->norgs; i++)
		free(r->org_canon[i]);
	free(r->org_canon);
	free(r->org_kind);
	memset(r, 0, sizeof *r);
}

static struct entity_rules entity_rules_bundled;
static pthread_once_t entity_rules_once = PTHREAD_ONCE_INIT;

static void entity_rules_default_init(void)
{
	char *dir = corpus_asset_path("entities");
	entity_rules_load(&entity_rules_bundled, dir);
	free(dir);
}

const struct entity_rules *entity_rules_default(void)
{
	pthread_once(&entity_rules_once, entity_rules_default_init);
	return &entity_rules_bundled;
}

bool entity_rules_is_trigger(const struct entity_rules *r, const char *w, size_t n)
{
	return strtab_has(&r->triggers, w, n);
}

bool entity_rules_is_sport(const struct entity_rules *r, const char *w, size_t n)
{
	return strtab_has(&r->sport, w, n);
}

bool entity_rules_is_place_trigger(const struct entity_rules *r, const char *w, size_t n)
{
	return strtab_has(&r->place_triggers, w, n);
}

bool entity_rules_is_event(const struct entity_rules *r, const char *w, size_t n)
{
	return strtab_has(&r->events, w, n);
}

bool entity_rules_org_stop(const struct entity_rules *r, const char *w, size_t n)
{
	return strtab_has(&r->org_stops, w, n);
}

bool entity_rules_only_place(const struct entity_rules *r, const char *w, size_t n)
{
	return strtab_has(&r->places, w, n);
}

bool entity_rules_world_place(const struct entity_rules *r, const char *s, size_t n, bool *longer)
{
	uint32_t id;
	if (!strtab_find(&r->world, s, n, &id))
		return *longer = false;
	*longer = true; /* a name or a longer one's start; looking on is cheap */
	return r->world_whole[id] != 0;
}

bool entity_rules_not_name(const struct entity_rules *r, const char *s, size_t n)
{
	return strtab_has(&r->not_names, s, n);
}

enum entity_rules_org entity_rules_org(const struct entity_rules *r, const char *s, size_t n,
				       bool *longer)
{
	uint32_t id;
	*longer = false;
	if (!strtab_find(&r->orgs, s, n, &id))
		return ENTITY_RULES_NOT_ORG;
	*longer = true; /* found: a form or a prefix; a form may also be a prefix, so look on */
	return (enum entity_rules_org)r->org_kind[id];
}

const char *entity_rules_org_canonical(const struct entity_rules *r, const char *s, size_t n)
{
	uint32_t id;
	return strtab_find(&r->orgs, s, n, &id) ? r->org_canon[id] : NULL;
}

bool entity_rules_is_paper(const struct entity_rules *r, const char *source, const char *s, size_t n)
{
	char *both;
	uint32_t id;
	bool found;
	if (source == NULL)
		return false;
	both = xasprintf("%s\t%.*s", source, (int)n, s);
	found = strtab_find(&r->papers, both, strlen(both), &id);
	free(both);
	return found;
}
