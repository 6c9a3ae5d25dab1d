/* entity_seat.c - places that only say where a named body sits.
 *
 * «مطار الأمير نايف بن عبدالعزيز بالقصيم», «المديرية العامة للشؤون الصحية بمنطقة نجران»,
 * «مركزي محمد بن نايف للمناصحة والرعاية بالرياض وجدة»: the place is the body's address, part
 * of how the article names the body, and the judging rules list it only where the article also
 * names it on its own (a place in a person's title, «أمير منطقة القصيم», or where an unnamed
 * facility or an event is, «أحد المستشفيات الخاصة في جدة», is no body's seat: no organisation
 * the sidebar lists comes right before it). A place named only as a clock's time zone
 * («بتوقيت مكة المكرمة») is dropped here too: like a seat, it is no place the story is about. */
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "entity_private.h"
#include "qari/normalize.h"

/* The words that say what kind of place follows a body's name: «بمنطقة نجران», «في مدينة». */
static const char *const seat_kinds[] = {"منطقة", "منطقه", "محافظة", "محافظه", "مدينة", "مدينه"};

static bool seat_starts(const char **s, const char *e, const char *w)
{
	size_t n = strlen(w);
	if ((size_t)(e - *s) < n || memcmp(*s, w, n) != 0)
		return false;
	*s += n;
	return true;
}

static void seat_blanks(const char **s, const char *e)
{
	while (*s < e && (**s == ' ' || **s == '\t'))
		(*s)++;
}

/* A word of seat_kinds, then a blank: «منطقة ». */
static bool seat_kind(const char **s, const char *e)
{
	for (size_t k = 0; k < sizeof seat_kinds / sizeof *seat_kinds; k++) {
		const char *t = *s;
		if (seat_starts(&t, e, seat_kinds[k]) && t < e && (*t == ' ' || *t == '\t')) {
			seat_blanks(&t, e);
			*s = t;
			return true;
		}
	}
	return false;
}

/* Whether text [s, e) between a body's name and a place says the place is where the body is:
 * «ب» on the place, «بمنطقة », «في », «في محافظة ». */
static bool seat_link(const char *s, const char *e)
{
	seat_blanks(&s, e);
	if (seat_starts(&s, e, "ب"))
		return s == e || (seat_kind(&s, e) && s == e);
	if (!seat_starts(&s, e, "في") || s == e || (*s != ' ' && *s != '\t'))
		return false;
	seat_blanks(&s, e);
	return s == e || (seat_kind(&s, e) && s == e);
}

/* Whether text [s, e) joins two places of one list: «بالرياض وجدة», «بالرياض، وجدة». */
static bool seat_and(const char *s, const char *e)
{
	seat_blanks(&s, e);
	if (seat_starts(&s, e, "،"))
		seat_blanks(&s, e);
	return seat_starts(&s, e, "و") && s == e;
}

/* The token of paragraph p whose original bytes hold byte b. */
static size_t seat_token(const struct ner_para *p, uint32_t b)
{
	size_t lo = 0, hi = p->n;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (p->norm.map[p->toks[mid].beg] <= b)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* Offices the tagger's titles lack, which open a title naming a body: «وكيل وزارة …». */
static const char *const seat_offices[] = {"وكيل", "نائب", "عضو", "محافظ", "قائد", "مشرف", "مديره",
					   "رئيسه", "مسؤول", "منسق"};

/* Whether word w, its proclitics (و ف ب ل ك) and then ال aside or not, is one of list. */
static bool seat_word_in(const char *w, size_t n, const char *const *list, size_t nlist)
{
	struct norm_split sp;
	norm_word_split(w, n, &sp);
	return entity_bare_word_in(w + sp.proclitic, n - sp.proclitic, list, nlist) ||
	       entity_bare_word_in(w + sp.stem, n - sp.stem, list, nlist);
}

/* Whether word w is an office: the tagger's titles, or seat_offices. */
static bool seat_office(const struct entity_scratch *x, const char *w, size_t n)
{
	struct norm_split sp;
	norm_word_split(w, n, &sp);
	return ner_lexicon_is_title(x->lex, w, n) ||
	       ner_lexicon_is_title(x->lex, w + sp.proclitic, n - sp.proclitic) ||
	       entity_bare_word_in(w + sp.proclitic, n - sp.proclitic, seat_offices, sizeof seat_offices / sizeof *seat_offices);
}

/* Events whose noun in construct with a facility makes the facility's place where they
 * happened, a place the story is about: «تفجير مسجد الطوارئ بعسير» (as «تفجير سوروج»). */
static const char *const seat_events[] = {"تفجير", "انفجار", "هجوم", "اعتداء", "حريق", "اقتحام",
					  "استهداف", "قصف"};

/* Whether organisation mention o is the object of an event's noun right before it. */
static bool seat_event_at(const struct entity_scratch *x, const struct entity_mention *o)
{
	const struct ner_para *p = &x->doc.paras[o->para + 1];
	size_t i = seat_token(p, o->beg);
	return i > 0 && p->toks[i - 1].kind == NORM_TOKEN_WORD &&
	       seat_word_in(p->norm.s + p->toks[i - 1].beg, p->toks[i - 1].end - p->toks[i - 1].beg,
			    seat_events, sizeof seat_events / sizeof *seat_events);
}

/* Sectors whose word before a region names the region's directorate, no place of its own:
 * «بصحة نجران» (as «تعليم جدة», which entity.c makes an organisation; not «سياحة»: «سياحة
 * المملكة» is as often the kingdom's tourism). */
static const char *const seat_sectors[] = {"صحه"};

/* Whether the word right before place mention m is one of list. */
static bool seat_word_before(const struct entity_scratch *x, const struct entity_mention *m,
			     const char *const *list, size_t nlist)
{
	const struct ner_para *p = &x->doc.paras[m->para + 1];
	size_t i = seat_token(p, m->beg);
	return i > 0 && p->norm.map[p->toks[i].beg] == m->beg && p->toks[i - 1].kind == NORM_TOKEN_WORD &&
	       seat_word_in(p->norm.s + p->toks[i - 1].beg, p->toks[i - 1].end - p->toks[i - 1].beg, list, nlist);
}

/* Whether place mention m is the region of a sector's directorate: «بصحة نجران». */
static bool seat_sector_before(const struct entity_scratch *x, const struct entity_mention *m)
{
	return seat_word_before(x, m, seat_sectors, sizeof seat_sectors / sizeof *seat_sectors);
}

/* Whether place mention m names a clock's time zone: «بتوقيت مكة المكرمة», «بتوقيت جرينتش»
 * (the judging rules list no place in a time expression). */
static bool seat_clock_before(const struct entity_scratch *x, const struct entity_mention *m)
{
	static const char *const clock[] = {"توقيت"};
	return seat_word_before(x, m, clock, 1);
}

/* Bodies and facilities that sit somewhere (matching form): a ministry, a hospital, a
 * university, a court, a stadium. Not a group that acts somewhere (حزب، جماعة، تنظيم، قوات،
 * جيش، التحالف), nor a club or team, whose town after «في» is where it plays or camps. */
static const char *const seat_bodies[] = {
	"وزاره", "هيئه", "مطار", "مستشفي", "جامعه", "شركه", "بنك", "مصرف", "مؤسسه", "صندوق",
	"سفاره", "قنصليه", "وكاله", "منظمه", "جمعيه", "كليه", "متحف", "ميناء", "محكمه", "مجلس",
	"امانه", "غرفه", "صحيفه", "قناه", "معهد", "مصلحه", "بلديه", "ديوان", "بورصه", "شرطه",
	"مسجد", "ملعب", "رابطه", "مرصد", "مدرسه", "اكاديميه", "نقابه", "استاد", "ستاد", "مستوصف",
	"جمارك", "معبد", "كنيسه", "كاتدرائيه", "ضريح", "مركز", "قصر", "فندق", "قلعه", "مسرح",
	"مديريه", "اداره", "رئاسه", "مكتب", "مجمع", "مصنع", "مختبر", "ترسانه", "قاعده", "حديقه",
	"منتجع", "صاله", "قاعه", "لجنه", "تعليم", "مدينه"};

/* Whether organisation mention o opens with a word of seat_bodies (its clitics and ال aside). */
static bool seat_body(const struct entity_scratch *x, const struct entity_mention *o)
{
	const struct ner_para *p = &x->doc.paras[o->para + 1];
	size_t i = seat_token(p, o->beg);
	return seat_word_in(p->norm.s + p->toks[i].beg, p->toks[i].end - p->toks[i].beg, seat_bodies,
			    sizeof seat_bodies / sizeof *seat_bodies);
}

/* Gatherings held somewhere: a conference, a meeting, a party, an exhibition. */
static const char *const seat_gatherings[] = {
	"مؤتمر", "اجتماع", "اجتماعات", "قمه", "حفل", "معرض", "ندوه", "ملتقي", "منتدي", "مهرجان",
	"احتفال", "ورشه", "محاضره", "امسيه", "يقام", "تقام", "اقيم", "اقيمت", "يستضيف", "تستضيف",
	"استضاف", "استضافت"};

/* Whether a gathering's word comes a few words before organisation mention o in its clause
 * («حفل توقيع «الأرجوحة 13» بمركز محمود درويش في الناصرة», «المؤتمر الدولي لجمعية
 * الزهايمر في واشنطن»): the place is where the gathering is held, which the judging rules
 * list. */
static bool seat_gathering_at(const struct entity_scratch *x, const struct entity_mention *o)
{
	const struct ner_para *p = &x->doc.paras[o->para + 1];
	size_t i = seat_token(p, o->beg);
	for (size_t k = i, back = 0; k-- > 0 && back < 5; back++) {
		const char *w = p->norm.s + p->toks[k].beg;
		size_t n = p->toks[k].end - p->toks[k].beg;
		if (p->toks[k].kind == NORM_TOKEN_PUNCT && (*w == ',' || *w == '.' || memcmp(w, "،", 2) == 0 ||
							     *w == ':' || memcmp(w, "؛", 2) == 0))
			return false;
		if (p->toks[k].kind == NORM_TOKEN_WORD &&
		    seat_word_in(w, n, seat_gatherings, sizeof seat_gatherings / sizeof *seat_gatherings))
			return true;
	}
	return false;
}

/* Whether organisation mention o is named in a person's title: an office up to six words
 * before it with no punctuation between («مدير عام فرع وزارة الحج بالمدينة المنورة», «المتحدث
 * الرسمي لفرع الرئاسة العامة لهيئة …»). The judging rules list a place named there, as a body
 * named there. */
static bool seat_in_title(const struct entity_scratch *x, const struct entity_mention *o)
{
	const struct ner_para *p = &x->doc.paras[o->para + 1];
	size_t i = seat_token(p, o->beg);
	for (size_t k = i, back = 0; k-- > 0 && back < 6; back++) {
		const char *w = p->norm.s + p->toks[k].beg;
		if (p->toks[k].kind != NORM_TOKEN_WORD)
			return false;
		if (seat_office(x, w, p->toks[k].end - p->toks[k].beg))
			return true;
	}
	return false;
}

/* Whether found mention f of a place comes right after a listed organisation's name with a
 * seat's link between, or after such a place with و between; depth bounds the chain. */
static bool seat_after_body(const struct entity_scratch *x, size_t f, int depth)
{
	const struct entity_mention *m = &x->found[f].m;
	const char *s = x->texts[m->para + 1];
	if (seat_sector_before(x, m) || seat_clock_before(x, m))
		return true;
	for (size_t g = 0; g < x->nfound; g++) {
		const struct entity_mention *o = &x->found[g].m;
		uint32_t r = entity_root(x, x->found[g].d);
		if (g == f || o->para != m->para || o->end > m->beg || m->beg - o->end > 40)
			continue;
		if (x->drafts[r].type == ENTITY_ORG && !x->drafts[r].dropped && seat_link(s + o->end, s + m->beg))
			return seat_body(x, o) && !seat_in_title(x, o) && !seat_event_at(x, o) &&
			       !seat_gathering_at(x, o);
		if (x->drafts[r].type == ENTITY_PLACE && depth > 0 && seat_and(s + o->end, s + m->beg) &&
		    seat_after_body(x, g, depth - 1))
			return true;
	}
	return false;
}

/* A place every mention of which is a listed body's seat is dropped; one named on its own
 * anywhere in the article stays. */
void entity_drop_seats(struct entity_scratch *x)
{
	for (size_t d = 0; d < x->ndrafts; d++) {
		struct entity_draft *e = &x->drafts[d];
		bool seat = false;
		if (e->into != d || e->type != ENTITY_PLACE || e->dropped)
			continue;
		for (size_t f = 0; f < x->nfound; f++) {
			if (entity_root(x, x->found[f].d) != d)
				continue;
			seat = seat_after_body(x, f, 3);
			if (!seat)
				break;
		}
		e->dropped = seat;
	}
}
