/* related_places.c - the places an article is about, and whether two articles are about
 * places apart: the same kind of story (a raid on midday work, a drowning, a market's close)
 * from another town or market shares the kind's words but is not the same story. */
#include "related_private.h"

#include <string.h>

#include "qari/entity.h"
#include "qari/entity_rules.h"
#include "qari/normalize.h"
#include "qari/text.h"

bool related_place_main(const struct related_place *p)
{
	return p->title || p->mentions >= RELATED_PLACE_MENTIONS;
}

/* Whether the UTF-8 character ending just before p (after start) is a clitic letter:
 * و ف ب ل ك (each two bytes). */
static bool related_place_clitic_before(const char *start, const char *p)
{
	static const char *const clitics[] = {"و", "ف", "ب", "ل", "ك"};
	if (p - start < 2)
		return false;
	for (size_t k = 0; k < sizeof clitics / sizeof *clitics; k++)
		if (memcmp(p - 2, clitics[k], 2) == 0)
			return true;
	return false;
}

/* Whether the character that starts at p (of a NUL-terminated string) goes into words. */
static bool related_place_wordch_at(const char *p)
{
	uint32_t cp;
	if (*p == 0)
		return false;
	text_decode(p, strlen(p), &cp);
	return norm_is_wordch(cp);
}

/* Whether the character ending just before p (after start) goes into words. */
static bool related_place_wordch_before(const char *start, const char *p)
{
	const char *q = p;
	if (q == start)
		return false;
	do
		q--;
	while (q > start && ((unsigned char)*q & 0xC0) == 0x80);
	return related_place_wordch_at(q);
}

/* Whether p (in start) begins a word, maybe after up to two clitic letters («بجازان»،
 * «وبالأحساء»). */
static bool related_place_word_start(const char *start, const char *p)
{
	for (int k = 0; k <= 2; k++) {
		if (!related_place_wordch_before(start, p))
			return true;
		if (!related_place_clitic_before(start, p))
			return false;
		p -= 2;
	}
	return false;
}

bool related_place_in_title(const char *title, const char *key)
{
	size_t n = strlen(key);
	if (title == NULL || n == 0)
		return false;
	for (const char *p = strstr(title, key); p; p = strstr(p + 1, key)) {
		if (related_place_word_start(title, p) && !related_place_wordch_at(p + n))
			return true;
	}
	return false;
}

void related_place_add(struct related_place *v, size_t *n, uint32_t id, const struct article_entities *es,
		       const struct article_entity *e, bool title)
{
	size_t k = 0;

	for (uint32_t m = 0; es->mentions && m < e->nmentions; m++)
		title = title || es->mentions[e->first + m].para < 0;
	while (k < *n && v[k].id != id)
		k++;
	if (k == *n) { /* two entities of one place (one key) are one place */
		if (*n == RELATED_PLACES_MAX)
			return;
		v[(*n)++] = (struct related_place){id, 0, false};
	}
	v[k].mentions += e->nmentions;
	v[k].title = v[k].title || title;
}

bool related_place_named(const struct related_place *v, size_t n, uint32_t id)
{
	for (size_t k = 0; k < n; k++)
		if (v[k].id == id)
			return true;
	return false;
}

bool related_about_any(const struct related_place *v, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (related_place_main(&v[k]))
			return true;
	return false;
}

/* Whether a is about some place and about none that b names. */
static bool related_place_away(const struct related_place *a, size_t na, const struct related_place *b,
			       size_t nb)
{
	bool about = false;
	for (size_t k = 0; k < na; k++)
		if (related_place_main(&a[k])) {
			if (related_place_named(b, nb, a[k].id))
				return false;
			about = true;
		}
	return about;
}

bool related_places_apart(const struct related_place *a, size_t na, const struct related_place *b,
			  size_t nb)
{
	return related_place_away(a, na, b, nb) && related_place_away(b, nb, a, na);
}

void related_org_add(struct related_place *v, size_t *n, uint32_t id, const struct article_entities *es,
		     const struct article_entity *e, bool known)
{
	related_place_add(v, n, id, es, e, false);
	for (size_t k = 0; k < *n; k++)
		if (v[k].id == id) /* about it only through its headline: no mention count */
			v[k].mentions = 1, v[k].title = v[k].title && known;
}

bool related_orgs_apart(const struct related_place *a, size_t na, const struct related_place *b,
			size_t nb, long days, double cosine)
{
	if (!related_places_apart(a, na, b, nb))
		return false;
	return days < 0 || days > RELATED_SAME_WEEK_DAYS || cosine < RELATED_SAME_WEEK_COSINE;
}

/* The end of the word that starts at p (a word character), in a NUL-terminated string. */
static const char *related_place_word_end(const char *p)
{
	uint32_t cp;
	while (*p) {
		size_t k = text_decode(p, strlen(p), &cp);
		if (!norm_is_wordch(cp))
			break;
		p += k;
	}
	return p;
}

/* Whether s[0, n) is a place of the gazetteers (places.txt, world_places.txt). */
static bool related_place_known(const struct entity_rules *r, const char *s, size_t n)
{
	bool longer;
	return entity_rules_only_place(r, s, n) || entity_rules_world_place(r, s, n, &longer);
}

/* The place that the word at [b, e) of a headline starts, alone or with the next word
 * (خميس مشيط), up to two clitics off its front (بالطائف، بجازان), into *out; or false. */
static bool related_place_at(const struct entity_rules *r, const char *b, const char *e,
			     struct related_span *out)
{
	for (int k = 0; k <= 2 && e - b >= 6; k++, b += 2) {
		if (k > 0 && (!related_place_clitic_before(b - 2, b) ||
			      (e - b < 8 && memcmp(b, "ال", 4) != 0)))
			return false; /* وكيل is no كيل (Kiel): a short name only after ال */
		if (*e == ' ' && related_place_wordch_at(e + 1)) {
			const char *e2 = related_place_word_end(e + 1);
			if (related_place_known(r, b, (size_t)(e2 - b)))
				return *out = (struct related_span){b, (size_t)(e2 - b)}, true;
		}
		if (related_place_known(r, b, (size_t)(e - b)))
			return *out = (struct related_span){b, (size_t)(e - b)}, true;
	}
	return false;
}

size_t related_headline_places(const char *title, struct related_span *out, size_t max)
{
	const struct entity_rules *r = entity_rules_default();
	size_t n = 0;

	for (const char *p = title; p && *p && n < max;) {
		const char *e;
		if (!related_place_wordch_at(p)) {
			p++;
			continue;
		}
		e = related_place_word_end(p);
		if (related_place_at(r, p, e, &out[n]))
			n++;
		p = e;
	}
	return n;
}

void related_place_add_headline(struct related_place *v, size_t *n, uint32_t id)
{
	if (related_place_named(v, *n, id) || *n == RELATED_PLACES_MAX)
		return;
	v[(*n)++] = (struct related_place){id, 0, true};
}

void related_person_add(struct related_person *v, size_t *n, uint32_t id, uint32_t family,
			const struct article_entities *es, const struct article_entity *e)
{
	size_t k = 0;
	bool title = false;

	for (uint32_t m = 0; es->mentions && m < e->nmentions; m++)
		title = title || es->mentions[e->first + m].para < 0;
	while (k < *n && v[k].id != id)
		k++;
	if (k == *n) {
		if (*n == RELATED_PLACES_MAX)
			return;
		v[(*n)++] = (struct related_person){id, family, false};
	}
	v[k].about = v[k].about || title;
}

bool related_about_anyone(const struct related_person *v, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (v[k].about)
			return true;
	return false;
}

/* Whether persons p and q are one: the same entity, or one's one-word name ends the other's. */
static bool related_person_same(const struct related_person *p, const struct related_person *q)
{
	return p->id == q->id || p->family == q->id || q->family == p->id;
}

/* Whether a is about some person and about none that b names. */
static bool related_person_away(const struct related_person *a, size_t na, const struct related_person *b,
				size_t nb)
{
	bool about = false;
	for (size_t k = 0; k < na; k++) {
		if (!a[k].about)
			continue;
		for (size_t l = 0; l < nb; l++)
			if (related_person_same(&a[k], &b[l]))
				return false;
		about = true;
	}
	return about;
}

bool related_persons_apart(const struct related_person *a, size_t na, const struct related_person *b,
			   size_t nb)
{
	return related_person_away(a, na, b, nb) && related_person_away(b, nb, a, na);
}

bool related_share_any(const struct related_place *a, size_t na, const struct related_place *b,
		       size_t nb)
{
	for (size_t k = 0; k < na; k++)
		if (related_place_named(b, nb, a[k].id))
			return true;
	return false;
}
