/* entity_list.c - names given as a list after a word that says what they all are: the
 * districts after «أحياء», the municipalities after «بلديات», the players of a team sheet
 * after «بالتشكيلة التالية» or «بتشكيلة مكونة من». Each item of the list (cut at commas and
 * at a و in front of a word) becomes a name of that kind, whatever the tagger made of it:
 * the tagger knows few district names and takes many for persons or common words. */
#include <string.h>

#include "entity_private.h"
#include "qari/normalize.h"

#define ENTITY_LIST_ITEM_WORDS 4 /* «الأمير محمد بن سعود», a district */
#define ENTITY_LIST_ITEMS 64
#define ENTITY_LIST_MIN_ITEMS 3 /* «إحياء السنن والأعياد» (reviving) reads as «أحياء» too */

/* Whether token k is the comma (Arabic or Latin) that separates a list's items. */
static bool entity_list_comma(const struct ner_para *p, size_t k)
{
	const char *w = p->norm.s + p->toks[k].beg;
	size_t n = p->toks[k].end - p->toks[k].beg;
	return k < p->n && p->toks[k].kind == NORM_TOKEN_PUNCT &&
	       ((n == 2 && memcmp(w, "،", 2) == 0) || (n == 1 && w[0] == ','));
}

/* Whether token k may be inside a name of a list though the stop words have it. */
static bool entity_list_name_word(const struct ner_para *p, size_t k)
{
	return entity_word_is(p, k, "بن") || entity_word_is(p, k, "ابن") || entity_word_is(p, k, "بنت") ||
	       entity_word_is(p, k, "عبد") || entity_word_is(p, k, "ابو") || entity_word_is(p, k, "ال");
}

/* Bytes of the و in front of list item word k (a new item), or 0. «وليد» keeps its و when
 * the word with it is a known name and the word without it is not. */
static size_t entity_list_and(const struct entity_scratch *x, const struct ner_para *p, size_t k)
{
	const char *w = p->norm.s + p->toks[k].beg;
	size_t n = p->toks[k].end - p->toks[k].beg;
	if (n < 6 || memcmp(w, "و", 2) != 0 || entity_rules_is_trigger(x->rules, w, n) ||
	    entity_rules_is_place_trigger(x->rules, w, n))
		return 0; /* «وزارة» is a word of its own */
	if (ner_lexicon_known(x->lex, w, n) && !ner_lexicon_known(x->lex, w + 2, n - 2))
		return 0;
	return 2;
}

static bool entity_list_word(const struct ner_para *p, size_t k, const char *w);
static bool entity_list_market(const struct ner_para *p, size_t k);

/* Whether word k opens a list of names (أحياء، بلديات). */
static bool entity_list_head(const struct ner_para *p, size_t k)
{
	return entity_list_word(p, k, "احياء") || entity_list_word(p, k, "بلديات");
}

/* Whether word k, with skip bytes of و off, is a word that no list item starts with. */
static bool entity_list_stops(const struct entity_scratch *x, const struct ner_para *p, size_t k,
			      size_t skip, int type, bool market)
{
	const char *w = p->norm.s + p->toks[k].beg + skip;
	size_t n = p->toks[k].end - p->toks[k].beg - skip;
	if (p->toks[k].kind != NORM_TOKEN_WORD || (w[0] >= '0' && w[0] <= '9') ||
	    entity_list_head(p, k))
		return true; /* «…، الناصرية، ونقل أحياء العدامة»: the next list */
	if (market && (entity_word_is(p, k, "الاكثر") || entity_word_is(p, k, "الاقل")))
		return true; /* «ومدينة المعرفة الأكثر ارتفاعاً»: the list's verdict */
	if (type != NER_PERS && n > 6 && memcmp(w, "ي", 2) == 0 && !ner_lexicon_known(x->lex, w, n) &&
	    !entity_place_known(x, w, n) && !(market && skip > 0))
		return true; /* «وينحصر دور …»: a verb, the sentence going on (a player may be «يايا») */
	if (n > 8 && memcmp(w, "ال", 4) == 0 && memcmp(w + n - 4, "ات", 4) == 0 && skip == 0 &&
	    k > 0 && entity_list_head(p, k - 1))
		return true; /* «بلديات المحافظات»: a plural noun, no name */
	if (!ner_lexicon_is_stop(x->lex, w, n) || entity_list_name_word(p, k))
		return false;
	return !(k + 1 < p->n && entity_list_comma(p, k + 1)); /* «البيداء، أحد، العقيق»: أحد is a
								    list's item between its commas */
}

/* Whether a word of [b, e) has a preposition in front (ب ل) or a pronoun at its end, which
 * a name's later words never have. */
static bool entity_list_phrase(const struct ner_para *p, size_t b, size_t e, size_t skip, int type,
			       bool market)
{
	for (size_t k = b; k < e; k++) {
		const char *w = p->norm.s + p->toks[k].beg + (k == b ? skip : 0);
		size_t n = p->toks[k].end - p->toks[k].beg - (k == b ? skip : 0);
		if (n > 6 && (memcmp(w + n - 4, "ها", 4) == 0 || memcmp(w + n - 4, "هم", 4) == 0 ||
			      memcmp(w + n - 4, "نا", 4) == 0) &&
		    memcmp(w, "ال", 4) != 0 && k == b && !(type == NER_PERS && e == b + 1))
			return true; /* «تطويرها», «ومايميزنا» (not …ه, which ة is too: «خيرالله»; a
					team sheet's one-word item is a name: «رافينها») */
		if (k == b)
			continue;
		if (n > 4 && (memcmp(w, "ب", 2) == 0 || memcmp(w, "ل", 2) == 0) && !entity_word_is(p, k, "بن") &&
		    !entity_word_is(p, k, "بني") && !(market && memcmp(w, "لل", 4) == 0))
			return true; /* a company's purpose stays its name's (ميدغلف للتأمين) */
		if (n > 6 && (memcmp(w + n - 2, "ه", 2) == 0 || memcmp(w + n - 4, "ها", 4) == 0 ||
			      memcmp(w + n - 4, "هم", 4) == 0) && memcmp(w, "ال", 4) != 0)
			return true;
	}
	return false;
}

/* Whether word b (skip bytes of و off) is a definite plural (المحافظات), no one's name. */
static bool entity_list_plural(const struct ner_para *p, size_t b, size_t skip)
{
	const char *w = p->norm.s + p->toks[b].beg + skip;
	size_t n = p->toks[b].end - p->toks[b].beg - skip;
	return n > 8 && memcmp(w, "ال", 4) == 0 && memcmp(w + n - 4, "ات", 4) == 0;
}

/* Whether a later word of item [b, e) is a feminine nisba adjective other than a direction's
 * or new/old («الخالدية الشمالية», «الصناعية الجديدة» are names; «البرامج الدينية» is not;
 * «أبيار الماشي» is a name ending as a nisba does). */
static bool entity_list_described(const struct entity_scratch *x, const struct ner_para *p, size_t b,
				  size_t e)
{
	static const char *const sides[] = {"الشمالي", "الجنوبي", "الشرقي", "الغربي", "الشماليه",
					    "الجنوبيه", "الشرقيه", "الغربيه", "الجديد", "الجديده",
					    "القديم", "القديمه", "الاوسط", "الوسطي"};
	for (size_t k = b + 1; k < e; k++) {
		bool side = false;
		for (size_t t = 0; t < sizeof sides / sizeof *sides && !side; t++)
			side = entity_word_is(p, k, sides[t]);
		if (!side && entity_nisba(x, p, k) && p->toks[k].end - p->toks[k].beg > 4 &&
		    memcmp(p->norm.s + p->toks[k].end - 4, "يه", 4) == 0)
			return true;
	}
	return false;
}

/* Whether most items are cities of the world («رؤساء بلديات روما وباريس ونيويورك»: the
 * cities, whose mayors they are), not a town's municipalities. */
static bool entity_list_cities(struct entity_scratch *x, const struct ner_para *p, const size_t *beg,
			       const size_t *end, const size_t *lead, size_t items)
{
	size_t cities = 0;
	for (size_t t = 0; t < items; t++) {
		entity_phrase(p, beg[t], end[t], lead[t], false, &x->alt);
		cities += entity_world_place(x, x->alt.data, x->alt.len);
	}
	return 2 * cities > items;
}

/* Whether token k is a و standing alone between a market list's items («،و دار الأركان»). */
static bool entity_list_bare_and(const struct ner_para *p, size_t k, bool market)
{
	return market && k + 1 < p->n && entity_word_is(p, k, "و") && p->toks[k + 1].kind == NORM_TOKEN_WORD;
}

/* Whether market item t, one definite word after و, is the second noun of a company's name
 * (الطباعة والتغليف): the list puts commas between its items, here before item t - 1 and
 * after item t, and item t - 1 is one definite word too. «سابك والإنماء», «الخدمات
 * الأرضية والراجحي» are two. */
static bool entity_list_pair(const struct ner_para *p, const size_t *beg, const size_t *end,
			     const size_t *lead, const bool *comma, size_t t, size_t items)
{
	const char *first = p->norm.s + p->toks[beg[t - 1]].beg + lead[t - 1];
	size_t n = p->toks[beg[t - 1]].end - p->toks[beg[t - 1]].beg - lead[t - 1];
	return !comma[t] && comma[t - 1] && (t + 1 == items || comma[t + 1]) && end[t] - beg[t] == 1 &&
	       end[t - 1] - beg[t - 1] == 1 && n > 4 && memcmp(first, "ال", 4) == 0 &&
	       p->toks[beg[t]].end - p->toks[beg[t]].beg > 8 && memcmp(p->norm.s + p->toks[beg[t]].beg, "وال", 6) == 0;
}

/* The items of the list that starts at token s, each retagged as type (a market report's
 * companies when market is set); returns how many there were (none retagged when fewer than
 * ENTITY_LIST_MIN_ITEMS). */
static size_t entity_list_items(struct entity_scratch *x, struct ner_para *p, size_t s, int type, bool market)
{
	size_t beg[ENTITY_LIST_ITEMS], end[ENTITY_LIST_ITEMS], lead[ENTITY_LIST_ITEMS], items = 0;
	bool comma[ENTITY_LIST_ITEMS], after_comma = true;
	size_t k = s;

	if (k < p->n && p->toks[k].kind == NORM_TOKEN_PUNCT && (p->norm.s[p->toks[k].beg] == '(' ||
							       p->norm.s[p->toks[k].beg] == ':'))
		k++;
	while (k < p->n && items < ENTITY_LIST_ITEMS) {
		size_t skip, b;
		if (entity_list_bare_and(p, k, market))
			k++;
		skip = entity_list_and(x, p, k), b = k;
		if (entity_list_stops(x, p, k, skip, type, market))
			break;
		for (k++; k < p->n && k - b < ENTITY_LIST_ITEM_WORDS && p->toks[k].kind == NORM_TOKEN_WORD &&
			  entity_list_and(x, p, k) == 0 && !entity_list_bare_and(p, k, market) &&
			  !entity_list_stops(x, p, k, 0, type, market);
		     k++)
			;
		if (k < p->n && p->toks[k].kind == NORM_TOKEN_WORD && entity_list_and(x, p, k) == 0 &&
		    !entity_list_bare_and(p, k, market) && !entity_list_stops(x, p, k, 0, type, market))
			break; /* an item longer than a name: no list */
		if (k < p->n && entity_list_head(p, k))
			break; /* «ونقل أحياء»: a verb before the next list */
		if (entity_list_phrase(p, b, k, skip, type, market))
			break; /* «الطهارة لدخوله»: a word and what is said of it, no name */
		if (type == NER_ORG && !market && entity_list_plural(p, b, skip))
			return 0; /* «بلديات محافظة الطائف والمحافظات التابعة»: bodies described */
		if (type == NER_LOC && entity_list_described(x, p, b, k))
			return 0; /* «إحياء البرامج الدينية والاجتماعية»: things described, no names */
		comma[items] = after_comma;
		beg[items] = b, end[items] = k, lead[items++] = skip;
		after_comma = entity_list_comma(p, k);
		if (after_comma)
			k++;
		else if (!(k < p->n && (entity_list_and(x, p, k) > 0 || entity_list_bare_and(p, k, market))))
			break;
	}
	if (items < ENTITY_LIST_MIN_ITEMS || (type == NER_ORG && !market && entity_list_cities(x, p, beg, end, lead, items)))
		return items;
	for (size_t t = 0; t < items; t++) {
		const char *w = p->norm.s + p->toks[beg[t]].beg + lead[t];
		size_t n = p->toks[beg[t]].end - p->toks[beg[t]].beg - lead[t];
		if (!market && end[t] - beg[t] > 1 &&
		    ((type != NER_LOC && entity_rules_is_trigger(x->rules, w, n)) ||
		     entity_rules_is_place_trigger(x->rules, w, n)))
			continue; /* «محافظة الجبيل», «بلدية العوالي»: named by its trigger, left to it;
				     in a list of districts «جامعة الدمام» is the district */
		if (market && t + 1 < items && entity_list_pair(p, beg, end, lead, comma, t + 1, items)) {
			entity_retag(x, p, beg[t], end[t + 1], type, lead[t], false);
			x->sure[beg[t]] = true;
			t++;
			continue;
		}
		entity_retag(x, p, beg[t], end[t], type, lead[t], false);
		x->sure[beg[t]] = true;
	}
	return items;
}

/* Whether word k opens a market report's list of companies: «أسهم شركات» or «أسهم شركة»
 * (وجاءت أسهم شركات سابك ,والإنماء ...). */
static bool entity_list_market(const struct ner_para *p, size_t k)
{
	return k + 1 < p->n && (entity_word_is(p, k + 1, "شركات") || entity_word_is(p, k + 1, "شركه")) &&
	       entity_list_word(p, k, "اسهم");
}

/* The first token of a market report's list that follows the leader's rise or fall («سهم
 * شركة العالمية للتأمين قائمة الأسهم المرتفعة بنسبة 5.62%،و ميدغلف للتأمين ,وبروج
 * ,والحمادي الأكثر ارتفاعاً»): a percentage and a comma, and a list that ends at «الأكثر»
 * before the sentence does; or 0. */
static size_t entity_list_after_rate(const struct ner_para *p, size_t k)
{
	if (k + 2 >= p->n || p->toks[k].kind != NORM_TOKEN_PUNCT || p->norm.s[p->toks[k].beg] != '%' ||
	    !entity_list_comma(p, k + 1))
		return 0;
	for (size_t e = k + 2; e < p->n && e < k + 2 + ENTITY_LIST_ITEMS; e++) {
		if (entity_word_is(p, e, "الاكثر"))
			return k + 2;
		if (p->toks[e].kind != NORM_TOKEN_WORD && !entity_list_comma(p, e))
			return 0;
	}
	return 0;
}

/* Whether token k is word w (matching form) with its clitics (و ف ب ل) aside. */
static bool entity_list_word(const struct ner_para *p, size_t k, const char *w)
{
	const char *t = p->norm.s + p->toks[k].beg;
	size_t n = p->toks[k].end - p->toks[k].beg, wn = strlen(w);
	struct norm_split sp;
	if (p->toks[k].kind != NORM_TOKEN_WORD || n < wn || memcmp(t + n - wn, w, wn) != 0)
		return false; /* the word ends with w: a cheap test before the split */
	norm_word_split(t, n, &sp);
	for (size_t skip = 0; skip <= sp.proclitic && skip + wn <= n; skip += 2)
		if (n - skip == wn && memcmp(t + skip, w, wn) == 0)
			return true;
	return false;
}

/* The first token after a team sheet's head («بالتشكيلة التالية», «بتشكيلة مكونة من») at k,
 * or 0. */
static size_t entity_list_team_sheet(const struct ner_para *p, size_t k)
{
	if (k + 1 < p->n && entity_list_word(p, k, "التشكيله") && entity_word_is(p, k + 1, "التاليه"))
		return k + 2;
	if (k + 2 < p->n && entity_list_word(p, k, "تشكيله") && entity_word_is(p, k + 1, "مكونه") &&
	    entity_word_is(p, k + 2, "من"))
		return k + 3;
	return 0;
}

/* «طريق الملك فهد», «طريق محمد بن عبدالوهاب»: a road named by the name after «طريق» (not
 * «عن طريق», by way of) is a place of that name. */
static void entity_list_road(struct entity_scratch *x, struct ner_para *p, size_t k)
{
	size_t n = k + 2 < p->n && p->tags[k + 1] == 0 &&
			   (entity_word_is(p, k + 1, "الملك") || entity_word_is(p, k + 1, "الامير")) ? k + 2 : k + 1;
	size_t j = n + 1;
	int type = ner_tag_type(p->tags[n]);
	if (p->tags[k] != 0 || !entity_list_word(p, k, "طريق") || (k > 0 && entity_word_is(p, k - 1, "عن")) ||
	    ner_tag_inside(p->tags[n]) || (type != NER_PERS && type != NER_LOC))
		return; /* «طريق الملك فهد»: the title too, which the tagger leaves off */
	while (j < p->n && ner_tag_inside(p->tags[j]) && ner_tag_type(p->tags[j]) == type)
		j++;
	entity_phrase(p, n, j, 0, false, &x->alt);
	if (type == NER_LOC ? !entity_place_known(x, x->alt.data, x->alt.len) : (n == k + 1 && j - n < 3))
		return; /* a known place's road (طريق مكة); a man's by his title or full name, not
			   «من طريق بلاتيني» */
	entity_retag(x, p, k, j, NER_LOC, entity_proclitic(p, k, &(bool){false}), false);
}

/* Whether word w is a passive participle مفعول (مسدود): a description, no name. */
static bool entity_list_participle(const char *w, size_t n)
{
	return n == 10 && memcmp(w, "م", 2) == 0 && memcmp(w + 6, "و", 2) == 0;
}

/* Whether word k is a street's or road's name word: untagged, no clitic in front but و before
 * ال (شارع بأكمله، شارع وحارة), no stop word, nisba (شارع حيوي), participle (طريق مسدود),
 * word of not_names.txt, and, when to_place is unset, no known place (طريق تربة is the road
 * to it). */
static bool entity_list_street_name(struct entity_scratch *x, const struct ner_para *p, size_t k, bool to_place)
{
	const char *w;
	size_t n;
	struct norm_split sp;
	if (k >= p->n || p->toks[k].kind != NORM_TOKEN_WORD || p->tags[k] != 0)
		return false;
	w = p->norm.s + p->toks[k].beg;
	n = p->toks[k].end - p->toks[k].beg;
	if (entity_letters(w, n) < 3)
		return false;
	norm_word_split(w, n, &sp);
	return !(sp.proclitic > 0 && !entity_word_definite(p, k) && !(n > 6 && memcmp(w, "وال", 6) == 0)) &&
	       !ner_lexicon_is_stop(x->lex, w, n) &&
	       !entity_ends_nisba(w, n) && !entity_list_participle(w, n) && (to_place || !entity_place_known(x, w, n)) &&
	       !entity_rules_not_name(x->rules, w, n);
}

/* Whether word k may name a road after «طريق», whose construct is as often a way of doing
 * (طريق الإصلاحات، طريق تطبيع، طريق مخصص): an indefinite word that opens with neither
 * the م of a participle nor the ت of a verbal noun (طريق حسيا، طريق عسفان). */
static bool entity_list_road_name(const struct ner_para *p, size_t k)
{
	const char *w = p->norm.s + p->toks[k].beg;
	return !entity_word_definite(p, k) && memcmp(w, "م", 2) != 0 && memcmp(w, "ت", 2) != 0;
}

static bool entity_list_municipal(const struct entity_scratch *x);

/* «شارع الجيش», «شارع صاري»: «شارع» in construct before a name word (or the tagger's
 * chunk) is a street, a place with its word; in a municipal article so is «طريق» before one
 * (طريق حسيا). The dual «طريقي» before two definite name words joined by و names two roads
 * by their names (طريقي الشفاء والردف; «طريقي» is also "my way": طريقي إلى). */
static void entity_list_street(struct entity_scratch *x, struct ner_para *p, size_t k)
{
	bool street = entity_list_word(p, k, "شارع");
	size_t j = k + 2;
	if (p->tags[k] != 0 || k + 1 >= p->n || (k > 0 && entity_word_is(p, k - 1, "عن")))
		return;
	if (entity_list_word(p, k, "طريقي") && k + 2 < p->n &&
	    entity_list_street_name(x, p, k + 1, true) && entity_list_street_name(x, p, k + 2, true) &&
	    entity_word_definite(p, k + 1) && p->toks[k + 2].end - p->toks[k + 2].beg > 6 &&
	    memcmp(p->norm.s + p->toks[k + 2].beg, "وال", 6) == 0) {
		entity_retag(x, p, k + 1, k + 2, NER_LOC, 0, false);
		entity_retag(x, p, k + 2, k + 3, NER_LOC, 2, false);
		x->sure[k + 1] = x->sure[k + 2] = true; /* named once, by the dual's word */
		return;
	}
	if ((!street && !(entity_list_word(p, k, "طريق") && entity_list_municipal(x))) ||
	    entity_word_is(p, k + 1, "الملك") || entity_word_is(p, k + 1, "الامير"))
		return; /* a royal's road is entity_list_road's */
	if (p->tags[k + 1] != 0 && !ner_tag_inside(p->tags[k + 1]) && street) {
		int type = ner_tag_type(p->tags[k + 1]);
		while (j < p->n && ner_tag_inside(p->tags[j]) && ner_tag_type(p->tags[j]) == type)
			j++;
	} else if (!entity_list_street_name(x, p, k + 1, street) || (!street && !entity_list_road_name(p, k + 1)) || (k + 2 < p->n && entity_nisba(x, p, k + 2)) ||
		   (k + 2 < p->n && !entity_word_definite(p, k + 1) && entity_word_definite(p, k + 2))) {
		return; /* «طريق خادم الحرمين»: a construct whose end is not known */
	}
	entity_retag(x, p, k, j, NER_LOC, entity_proclitic(p, k, &(bool){false}), false);
}

/* Whether the article speaks of municipal matters, where «أحياء» are districts (elsewhere
 * it is as often «إحياء», reviving: «إحياء السنن والأعياد»). */
static bool entity_list_municipal(const struct entity_scratch *x)
{
	static const char *const words[] = {"البلديه", "بلديه", "الامانه", "امانه", "الانتخابيه",
					    "الدائره", "حي", "الحي", "بحي", "الاحياء"};
	for (size_t t = 0; t < sizeof words / sizeof *words; t++)
		if (strtab_find(&x->words, words[t], strlen(words[t]), &(uint32_t){0}))
			return true;
	return false;
}

/* Whether word w ends as a plural does (…ات، …ون، …ين): a noun of the text, no family name
 * (رؤساء الإدارات، تحسين الخدمات). */
static bool entity_list_plural_end(const char *w, size_t n)
{
	return n > 8 && (memcmp(w + n - 4, "ات", 4) == 0 || memcmp(w + n - 4, "ون", 4) == 0 ||
			 memcmp(w + n - 4, "ين", 4) == 0);
}

/* «عبداللطيف المهيني، وتركي الشعيل، وعوض الخثعمي، وسعد العجمي»: an item of a list of
 * persons the tagger left out, after a comma, an indefinite given name of the gazetteer
 * (which also has «الخبير») and a definite family name, is a person too when the item
 * before it (before the comma) or after it (after a comma) is one. A list of things has no
 * comma between its items as often («بحضور … ورؤساء اللجان»). */
static void entity_list_neighbours(struct entity_scratch *x, struct ner_para *p)
{
	for (size_t k = 2; k + 2 < p->n; k++) {
		size_t skip, n, fn, j = k + 2;
		const char *w, *f;
		if (!entity_list_comma(p, k - 1) || p->tags[k] != 0 || p->tags[k + 1] != 0 ||
		    p->toks[k].kind != NORM_TOKEN_WORD || p->toks[k + 1].kind != NORM_TOKEN_WORD)
			continue;
		skip = entity_list_and(x, p, k);
		w = p->norm.s + p->toks[k].beg + skip;
		n = p->toks[k].end - p->toks[k].beg - skip;
		f = p->norm.s + p->toks[k + 1].beg;
		fn = p->toks[k + 1].end - p->toks[k + 1].beg;
		if (!strtab_find(&x->rules->persons, w, n, &(uint32_t){0}) || (n > 4 && memcmp(w, "ال", 4) == 0) ||
		    (ner_lexicon_is_stop(x->lex, w, n) && entity_letters(w, n) < 3) || /* «ومن الأشخاص» */
		    !entity_word_definite(p, k + 1) || ner_lexicon_is_stop(x->lex, f, fn) ||
		    ner_lexicon_is_title(x->lex, f, fn) || entity_country_nisba(x, f, fn) ||
		    entity_list_plural_end(f, fn))
			continue;
		if (!(p->toks[j].kind == NORM_TOKEN_PUNCT || entity_list_and(x, p, j) > 0))
			continue; /* the item ends after the family name */
		if (ner_tag_type(p->tags[k - 2]) != NER_PERS &&
		    !(entity_list_comma(p, j) && j + 1 < p->n && p->tags[j + 1] == ner_tag_make(NER_PERS, false)))
			continue;
		entity_retag(x, p, k, j, NER_PERS, skip, false);
		x->sure[k] = true;
	}
}

/* Whether word k is a military or police rank that comes before a man's name (اللواء،
 * العميد، العقيد …; not «الرائد», a club and a pioneer, nor «الفريق», a team). */
static bool entity_list_rank(const struct ner_para *p, size_t k)
{
	static const char *const ranks[] = {"اللواء", "العميد", "العقيد", "المقدم", "النقيب",
					    "الملازم", "الرقيب", "العريف", "المشير"};
	size_t n = p->toks[k].end - p->toks[k].beg;
	if (n < 12 || n > 16 || p->toks[k].kind != NORM_TOKEN_WORD ||
	    !memmem(p->norm.s + p->toks[k].beg, n, "ال", 4))
		return false; /* five or six letters and one clitic at most, ال among them */
	for (size_t r = 0; r < sizeof ranks / sizeof *ranks; r++)
		if (entity_list_word(p, k, ranks[r]))
			return true;
	return false;
}

/* Whether word k qualifies a rank or is a degree after it (الركن، طيار، أول، الدكتور). */
static bool entity_list_rank_qualifier(const struct ner_para *p, size_t k)
{
	static const char *const quals[] = {"ركن", "الركن", "طيار", "الطيار", "بحري", "البحري", "اول",
					    "الاول", "الدكتور", "د", "المهندس", "م"};
	for (size_t q = 0; q < sizeof quals / sizeof *quals; q++)
		if (entity_word_is(p, k, quals[q]))
			return true;
	return false;
}

/* Whether untagged word k is a given name of the gazetteer, indefinite and no stop word (its
 * list has «من» and «الخبير»: «العمل المقدم من الجهاز الفني»). */
static bool entity_list_given(const struct entity_scratch *x, const struct ner_para *p, size_t k)
{
	const char *w = p->norm.s + p->toks[k].beg;
	size_t n = p->toks[k].end - p->toks[k].beg;
	return p->toks[k].kind == NORM_TOKEN_WORD && p->tags[k] == 0 && !entity_word_definite(p, k) &&
	       strtab_find(&x->rules->persons, w, n, &(uint32_t){0}) && !ner_lexicon_is_stop(x->lex, w, n);
}

/* «قائد عمليات الأنبار اللواء الركن قاسم المحمدي»: after a rank (and its qualifiers) the
 * words the tagger left out are a man's name when the first is a given name of the
 * gazetteer: given names, «بن»/«آل» and the word after them, and a definite family name that
 * closes it (no plural, stop word, title or country's nisba). */
static void entity_list_ranks(struct entity_scratch *x, struct ner_para *p)
{
	for (size_t k = 0; k + 2 < p->n; k++) {
		size_t i = k + 1, j;
		if (p->tags[k] != 0 || !entity_list_rank(p, k))
			continue;
		while (i < p->n && p->tags[i] == 0 && entity_list_rank_qualifier(p, i))
			i++;
		if (i + 1 >= p->n || !entity_list_given(x, p, i))
			continue;
		for (j = i + 1; j < p->n && p->tags[j] == 0 && p->toks[j].kind == NORM_TOKEN_WORD;) {
			const char *w = p->norm.s + p->toks[j].beg;
			size_t n = p->toks[j].end - p->toks[j].beg;
			if ((entity_word_is(p, j, "بن") || entity_word_is(p, j, "بنت") || entity_word_is(p, j, "ال")) &&
			    j + 1 < p->n && p->tags[j + 1] == 0 && p->toks[j + 1].kind == NORM_TOKEN_WORD) {
				j += 2;
				continue;
			}
			if (entity_list_given(x, p, j) && !entity_word_definite(p, j)) {
				j++;
				continue;
			}
			if (entity_word_definite(p, j) && !ner_lexicon_is_stop(x->lex, w, n) &&
			    !ner_lexicon_is_title(x->lex, w, n) && !entity_country_nisba(x, w, n) &&
			    !entity_list_plural_end(w, n))
				j++;
			break;
		}
		if (j - i < 2)
			continue;
		entity_retag(x, p, i, j, NER_PERS, 0, false);
		x->sure[i] = true;
		k = j - 1;
	}
}

void entity_lists(struct entity_scratch *x, struct ner_para *p)
{
	x->p = p;
	for (size_t k = 0; k + 1 < p->n; k++)
		entity_list_road(x, p, k);
	for (size_t k = 0; k + 1 < p->n; k++)
		entity_list_street(x, p, k);
	entity_list_neighbours(x, p);
	entity_list_ranks(x, p);
	for (size_t k = 0; k + 2 < p->n; k++) {
		size_t s, items = 0;
		if (entity_list_word(p, k, "احياء") && entity_list_municipal(x))
			items = entity_list_items(x, p, k + 1, NER_LOC, false);
		else if (entity_list_word(p, k, "بلديات"))
			items = entity_list_items(x, p, k + 1, NER_ORG, false);
		else if (entity_list_market(p, k))
			items = entity_list_items(x, p, k + 2, NER_ORG, true);
		else if ((s = entity_list_after_rate(p, k)) > 0)
			items = entity_list_items(x, p, s, NER_ORG, true);
		else if (x->sport && (s = entity_list_team_sheet(p, k)) > 0)
			items = entity_list_items(x, p, s, NER_PERS, false);
		(void)items;
	}
}
