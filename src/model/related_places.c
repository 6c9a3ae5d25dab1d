/* related_places.c - the places an article is about, and whether two articles are about
 * places apart: the same kind of story (a raid on midday work, a drowning, a market's close)
 * from another town or market shares the kind's words but is not the same story. */
#include "related_private.h"

#include "qari/entity.h"

bool related_place_main(const struct related_place *p)
{
	return p->title || p->mentions >= RELATED_PLACE_MENTIONS;
}

void related_place_add(struct related_place *v, size_t *n, uint32_t id, const struct article_entities *es,
		       const struct article_entity *e)
{
	size_t k = 0;
	bool title = false;

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

static bool related_place_named(const struct related_place *v, size_t n, uint32_t id)
{
	for (size_t k = 0; k < n; k++)
		if (v[k].id == id)
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
