/* entity_private.h - what entity.c (mentions, names, merging) and entity_org.c (the
 * organisations' rules: listed names, trigger words and their extents, clubs) share: the
 * scratch of one article and the word tests both use. */
#ifndef QARI_ENTITY_PRIVATE_H
#define QARI_ENTITY_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "qari/entity.h"
#include "qari/entity_rules.h"
#include "qari/furniture.h"
#include "qari/ner.h"
#include "qari/strtab.h"

/* The most words a listed organisation's name runs to. */
#define ENTITY_ORG_WORDS 6

/* An entity while the article is read; packed into an article_entity at the end. */
struct entity_draft {
	enum entity_type type;
	uint32_t key, keylen;       /* in entity_scratch.keys */
	struct entity_mention name; /* the fullest mention so far */
	uint32_t nmentions;
	uint32_t into;              /* the draft it joined (a surname), else itself */
	uint32_t pos;               /* its place in the output */
	const char *k;              /* the key, once keys stop growing */
	bool dropped;               /* left out of the list */
	bool sure;                  /* a rule found it (a place after «قرية»): kept if seen once */
};

/* A mention of draft d, in the order found (which is reading order). */
struct entity_found {
	uint32_t d;
	struct entity_mention m;
};

/* The work of one article, kept from one to the next so that extraction allocates little
 * more than its result (scratch freed per article left the heap full of holes). */
struct entity_scratch {
	const struct ner_lexicon *lex;
	const struct entity_rules *rules;
	bool sport;               /* the article is about sport (its clubs are names) */
	uint8_t *lead;            /* per token of the text being read: clitic bytes a rule */
	bool *lead_al;            /* found before a name starting there (and ال for لل) */
	bool *sure;               /* per token: a name starts there on a rule's evidence */
	size_t leadcap, lalcap, surecap;
	const struct article *a;  /* the article being read */
	const struct furniture *furniture; /* the corpus's, or NULL */
	struct furniture_cut cut; /* the article's furniture */
	struct strtab words;      /* what the article is made of, for the clitic decisions: every
				     word of its matching form */
	struct ner_para para;     /* scratch of entity_collect_words */
	struct ner_doc doc;       /* the article tagged: title, then paragraphs */
	const struct ner_para *p; /* the text of doc being turned into mentions */
	const char *orig;         /* and its original text */
	struct strbuf key, alt;
	struct entity_draft *drafts;
	size_t ndrafts, dcap;
	struct entity_found *found;
	size_t nfound, fcap;
	struct strbuf keys;       /* the drafts' keys, each NUL-terminated */
	const char **texts;       /* title, then paragraphs: what is tagged */
	size_t tcap;
	struct entity_draft **order;
	size_t ocap;
	uint32_t *fill;
	size_t fillcap;
};

/* entity.c: word tests */
/* Tokens [i, j) joined by single spaces into sb, the first from byte skip (ال in front when al). */
void entity_phrase(const struct ner_para *p, size_t i, size_t j, size_t skip, bool al,
		   struct strbuf *sb);
bool entity_word_is(const struct ner_para *p, size_t k, const char *w);
bool entity_word_definite(const struct ner_para *p, size_t k);
/* Letters (not bytes) of UTF-8 text. */
size_t entity_letters(const char *w, size_t n);
/* Token i's proclitic bytes, and whether ال comes back (للهلال → الهلال). */
size_t entity_proclitic(const struct ner_para *p, size_t i, bool *al);
bool entity_world_place(const struct entity_scratch *x, const char *s, size_t n);
/* A known name or place as written (the lexicon, the world's places, places.txt). */
bool entity_place_known(const struct entity_scratch *x, const char *s, size_t n);
/* Token k is a place: tagged one, a one-word person of places.txt, or known as written. */
bool entity_place_at(const struct entity_scratch *x, const struct ner_para *p, size_t k);
bool entity_place_as_person(const struct entity_scratch *x, const struct ner_para *p, size_t k);
/* A word ends as a nisba does (…ي, …ية). */
bool entity_ends_nisba(const char *w, size_t n);
/* A nisba's stem is a word of the article or a place («عالم» of «عالمي»). */
bool entity_nisba_of(const struct entity_scratch *x, const char *stem, size_t n);
/* A country's or city's nisba with ال (الكرواتي، والبرازيلي، الإماراتية): a nationality. */
bool entity_country_nisba(const struct entity_scratch *x, const char *w, size_t n);
/* Tags [i, j) become one chunk of type; skip and al are the clitics before its name. */
void entity_retag(struct entity_scratch *x, struct ner_para *p, size_t i, size_t j, int type,
		  size_t skip, bool al);

/* entity_org.c: the organisations' passes over a tagged paragraph, in this order */
void entity_known_orgs(struct entity_scratch *x, struct ner_para *p);   /* organisations.txt */
void entity_org_triggers(struct entity_scratch *x, struct ner_para *p); /* وزارة الزراعة */
void entity_club_towns(struct entity_scratch *x, struct ner_para *p);   /* سوانزي سيتي */
void entity_opponents(struct entity_scratch *x, struct ner_para *p);    /* أمام فيجي */
void entity_match_sides(struct entity_scratch *x, struct ner_para *p);  /* تلتقي الأرجنتين */
void entity_stadiums(struct entity_scratch *x, struct ner_para *p);     /* ملعب "لوفتس رود" */
void entity_quoted_bodies(struct entity_scratch *x, struct ner_para *p); /* شركة "وارنر بروس" */
void entity_outlets(struct entity_scratch *x, struct ner_para *p);      /* صحيفة ديلي ميل البريطانية */
/* entity_list.c: the names of a list after a word saying their kind (أحياء، بلديات, a team
 * sheet's head), each of that kind */
void entity_lists(struct entity_scratch *x, struct ner_para *p);

/* entity_seat.c: a place every mention of which only says where a listed body sits
 * («مطار الأمير نايف بن عبدالعزيز بالقصيم») is dropped */
bool entity_bare_word_in(const char *w, size_t n, const char *const *words, size_t nwords);
uint32_t entity_root(const struct entity_scratch *x, uint32_t k);
void entity_drop_seats(struct entity_scratch *x);

/* Token k is a definite nisba adjective (…ي, …ية), no stop word nor a person's. */
bool entity_nisba(const struct entity_scratch *x, const struct ner_para *p, size_t k);

#endif
