/* entity_rules.h - what entity extraction knows beside the tagger (assets/entities):
 *   org_triggers.txt    words that open an organisation's name (وزارة، مطار، نادي...), which
 *                       takes the name that follows: «مطار الملك خالد الدولي» is one org
 *   organisations.txt   canonical|variant... [TAB sport]: well-known organisations the tagger
 *                       misses (ministries, agencies, companies, clubs); a club marked sport
 *                       counts only in an article about sport (الهلال، النصر are words too)
 *   sport_words.txt     words that make an article one about sport
 *   not_names.txt       words and phrases never listed alone (نظير، العهد، بنين)
 *   org_stop_words.txt  words that end a trigger's name (التابعة، الإدارة)
 *   places.txt          places the tagger takes for persons (عسير، تبوك): never a person
 *   event_words.txt     words that open an event's name (مهرجان، كأس): a place after one is
 *                       part of the name
 *   place_triggers.txt  words that name a kind of place (قرية، حي، محافظة): the word after
 *                       one is a place
 *   world_places.txt    countries and cities of the world (scripts/places-gazetteer): a
 *                       place the tagger missed, or took with a clitic (بإدلب)
 *   papers.txt          source TAB names: a source's own paper, never an organisation of
 *                       its articles («سبق» in sabq's)
 * and assets/ner/gazetteer/persons.txt, the names a clitic is never taken from.
 * Everything is kept in matching form (normalize.h). */
#ifndef QARI_ENTITY_RULES_H
#define QARI_ENTITY_RULES_H

#include <stdbool.h>
#include <stddef.h>

#include "qari/strtab.h"

enum entity_rules_org { ENTITY_RULES_NOT_ORG, ENTITY_RULES_ORG, ENTITY_RULES_ORG_SPORT };

struct entity_rules {
	struct strtab triggers, sport, not_names, org_stops, events, place_triggers;
	struct strtab places;     /* places.txt */
	struct strtab world;      /* world_places.txt, and each first words of a longer one */
	unsigned char *world_whole; /* per world id: a whole name, not only a longer one's start */
	size_t nworld;
	struct strtab persons;    /* the tagger's gazetteer of persons */
	struct strtab orgs;       /* each form and each first words of a longer one */
	struct strtab papers;     /* papers.txt: "source<TAB>name" in matching form */
	unsigned char *org_kind;  /* per orgs id: enum entity_rules_org (NOT_ORG: a prefix only) */
	char **org_canon;         /* per orgs id: the canonical form's matching form, or NULL */
	size_t norgs;
};

/* The bundled rules, loaded once (thread-safe); empty lists where a file is missing. */
const struct entity_rules *entity_rules_default(void);
/* From a folder of the same files. */
void entity_rules_load(struct entity_rules *r, const char *dir);
void entity_rules_free(struct entity_rules *r);

bool entity_rules_is_trigger(const struct entity_rules *r, const char *w, size_t n);
bool entity_rules_is_sport(const struct entity_rules *r, const char *w, size_t n);
bool entity_rules_is_place_trigger(const struct entity_rules *r, const char *w, size_t n);
bool entity_rules_is_event(const struct entity_rules *r, const char *w, size_t n);
bool entity_rules_org_stop(const struct entity_rules *r, const char *w, size_t n);
/* Whether a phrase is one of places.txt. */
bool entity_rules_only_place(const struct entity_rules *r, const char *w, size_t n);
/* Whether a phrase is a place of world_places.txt; *longer: some longer one starts with it. */
bool entity_rules_world_place(const struct entity_rules *r, const char *s, size_t n, bool *longer);
bool entity_rules_not_name(const struct entity_rules *r, const char *s, size_t n);
/* Whether a phrase names the paper of source (papers.txt). */
bool entity_rules_is_paper(const struct entity_rules *r, const char *source, const char *s, size_t n);
/* The kind of a phrase of organisations.txt; *longer: some longer one starts with it. */
enum entity_rules_org entity_rules_org(const struct entity_rules *r, const char *s, size_t n,
				       bool *longer);
/* The canonical form of an organisation's variant, or NULL. */
const char *entity_rules_org_canonical(const struct entity_rules *r, const char *s, size_t n);

#endif
