/* dateline.c - a story's opening dateline parsed into place and agency (dateline.h). */
#include "qari/dateline.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "qari/normalize.h"
#include "qari/text.h"
#include "qari/xalloc.h"

#define DATELINE_MAX_PARTS 3
#define DATELINE_PART_WORDS 4  /* words of one part at most */
#define DATELINE_BYLINE_WORDS 9 /* of a byline of names between commas in front */
#define DATELINE_SHORT_WORDS 10 /* a first paragraph this short may be all dateline */
#define DATELINE_COLON_BYTES 90 /* a colon this far in may end one */
#define DATELINE_AGENCY_WORDS 16 /* an agency's date line («... الموافق ... واس») */

/* Agencies and papers that sign datelines, in matching form. */
static const char *const dateline_agencies[] = {
	"واس", "سبق", "عين اليوم", "الوئام", "الرياضيه", "رويترز", "ا ف ب", "فرانس برس", "د ب ا",
	"الاناضول", "وكالات", "متابعات", "عكاظ", "المدينه", "الجزيره", "اليوم", "الاقتصاديه",
	"الوطن", "الشرق الاوسط", "قنا", "وام", "كونا", "بنا", "سانا", "الرياضي", "رويترز وكالات",
	"ا ش ا", "يو بي اي", "اسوشيتد برس", "بي بي سي",
};

struct dateline_part {
	size_t beg, end; /* bytes of the paragraph, trimmed */
	size_t words;
	bool agency;
};

static bool dateline_is_agency(const char *s, size_t n)
{
	size_t len;
	char *k = norm_string(s, n, &len);
	bool found = false;
	for (size_t i = 0; i < sizeof dateline_agencies / sizeof *dateline_agencies && !found; i++)
		found = strcmp(k, dateline_agencies[i]) == 0;
	free(k);
	return found;
}

/* A dash between parts at byte i: its length, or 0. Tatweel counts only beside a space
 * (inside a word it only stretches it). */
static size_t dateline_dash(const char *p, size_t n, size_t i)
{
	uint32_t cp;
	int len = text_decode(p + i, n - i, &cp);
	if (cp == '-' || cp == 0x2013 || cp == 0x2014)
		return (size_t)len;
	if (cp == 0x0640 && ((i > 0 && p[i - 1] == ' ') || (i + 2 < n && p[i + 2] == ' ')))
		return (size_t)len;
	return 0;
}

/* Whether s starts with a comma, which only a byline in front holds («محمد المواسي، عمر
 * عريبي- سبق- جازان:»). */
static bool dateline_comma(const char *s, size_t n)
{
	return *s == ',' || (n >= strlen("،") && memcmp(s, "،", strlen("،")) == 0);
}

/* Characters no dateline holds: sentence punctuation, quotes, brackets and digits. */
static bool dateline_foreign(const char *s, size_t n)
{
	static const char *const marks[] = {"،", "«", "»", "“", "”"};
	if (strchr(".,\"()[]{}0123456789", *s) != NULL && *s != '\0')
		return true;
	for (size_t k = 0; k < sizeof marks / sizeof *marks; k++)
		if (n >= strlen(marks[k]) && memcmp(s, marks[k], strlen(marks[k])) == 0)
			return true;
	return (unsigned char)s[0] == 0xd9 && n > 1 && (unsigned char)s[1] >= 0xa0 &&
	       (unsigned char)s[1] <= 0xa9; /* Arabic-Indic digits */
}

static size_t dateline_words(const char *p, size_t beg, size_t end)
{
	size_t w = 0;
	bool in = false;
	for (size_t i = beg; i < end; i++) {
		bool space = p[i] == ' ' || p[i] == '\t';
		w += !space && !in;
		in = !space;
	}
	return w;
}

/* Cut [beg, end) into parts at dashes; false when it is not a dateline's shape (too many or
 * too long parts, sentence punctuation inside). The first part may be a byline of names
 * between commas (*byline), of DATELINE_BYLINE_WORDS at most. */
static bool dateline_parts(const char *p, size_t beg, size_t end, struct dateline_part *v, size_t *nv,
			   bool *byline)
{
	size_t from = beg;
	*nv = 0;
	*byline = false;
	for (size_t i = beg; i <= end;) {
		size_t dash = i < end ? dateline_dash(p, end, i) : 0;
		if (i < end && *nv == 0 && dateline_comma(p + i, end - i)) {
			*byline = true;
			i++;
			continue;
		}
		if (i < end && dateline_foreign(p + i, end - i))
			return false;
		if (i == end || dash) {
			const char *s = p + from;
			size_t n = i - from;
			text_trim(&s, &n);
			if (n == 0 && (from == beg || i == end))
				return false; /* «- رحمه الله -»: a dash at either end is no dateline's */
			if (n > 0) {
				if (*nv == DATELINE_MAX_PARTS)
					return false;
				v[*nv] = (struct dateline_part){(size_t)(s - p), (size_t)(s - p) + n,
								dateline_words(s, 0, n), false};
				if (v[*nv].words > (*nv == 0 && *byline ? DATELINE_BYLINE_WORDS : DATELINE_PART_WORDS))
					return false;
				v[*nv].agency = dateline_is_agency(s, n);
				(*nv)++;
			}
			from = i + (dash ? dash : 1);
			i = from;
			continue;
		}
		i++;
	}
	return *nv > 0;
}

/* «جدة 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس»: the words before the first digit are
 * the place, the last word the agency. */
static bool dateline_agency_date(const char *p, size_t n, struct dateline *d)
{
	size_t words = dateline_words(p, 0, n), digit = 0, last;
	const char *s = p;
	size_t len = n;

	text_trim(&s, &len);
	if (words > DATELINE_AGENCY_WORDS || strstr(p, "الموافق") == NULL)
		return false;
	while (digit < len && !(s[digit] >= '0' && s[digit] <= '9') &&
	       !((unsigned char)s[digit] == 0xd9 && digit + 1 < len &&
		 (unsigned char)s[digit + 1] >= 0xa0 && (unsigned char)s[digit + 1] <= 0xa9))
		digit++;
	last = len;
	while (last > 0 && s[last - 1] != ' ')
		last--;
	if (digit == 0 || digit == len || !dateline_is_agency(s + last, len - last))
		return false;
	d->end = n;
	d->agency = xstrndup(s + last, len - last);
	while (digit > 0 && s[digit - 1] == ' ')
		digit--;
	d->place = xstrndup(s, digit);
	return true;
}

/* Place and agency from the parts: the agency is the part that is one; the place the part
 * after it, else the last other one (of two parts without an agency, the shorter: a
 * reporter's name takes two words or more). */
static bool dateline_from_parts(const char *p, const struct dateline_part *v, size_t nv,
				bool whole, struct dateline *d)
{
	long agency = -1, place = -1;
	for (size_t k = 0; k < nv; k++)
		if (v[k].agency && agency < 0)
			agency = (long)k;
	if (agency < 0 && !(whole && nv == 2))
		return false;
	if (agency >= 0 && (size_t)agency + 1 < nv)
		place = agency + 1;
	else if (agency < 0) /* «الرياض - أحمد الشمالي», «أحمد العدواني - الدمام»: the shorter */
		place = v[0].words < v[1].words ? 0 : 1;
	else
		for (size_t k = 0; k < nv; k++)
			if ((long)k != agency)
				place = (long)k;
	if (agency >= 0)
		d->agency = xstrndup(p + v[agency].beg, v[agency].end - v[agency].beg);
	if (place >= 0)
		d->place = xstrndup(p + v[place].beg, v[place].end - v[place].beg);
	return true;
}

/* The «place - agency» head of a running paragraph, without a colon: its end, or 0. */
static size_t dateline_inline_end(const char *p, size_t n)
{
	size_t parts = 0, i = 0;
	while (i < n && parts < 2) {
		size_t beg = i, dash = 0;
		while (i < n && !(dash = dateline_dash(p, n, i)) && !(parts == 1 && p[i] == ' ' && i > beg + 1))
			i++;
		if (parts == 1) {
			/* the second part: one word up to a space (an agency), checked by the caller */
			return i;
		}
		if (!dash || dateline_words(p, beg, i) > 2)
			return 0;
		i += dash;
		while (i < n && p[i] == ' ')
			i++;
		parts++;
	}
	return 0;
}

bool dateline_parse(const char *p, size_t n, bool more, struct dateline *d)
{
	struct dateline_part v[DATELINE_MAX_PARTS];
	size_t start = 0, end = 0, nv;
	const char *colon;
	bool whole = false, byline = false;

	memset(d, 0, sizeof *d);
	while (start < n && p[start] == ' ')
		start++;
	if (n - start >= 13 && strncasecmp(p + start, "next previous", 13) == 0)
		start += 13;
	if (more && dateline_agency_date(p, n, d))
		return true;
	colon = memchr(p + start, ':', n - start < DATELINE_COLON_BYTES ? n - start : DATELINE_COLON_BYTES);
	if (more && dateline_words(p, start, n) <= DATELINE_SHORT_WORDS && colon == NULL)
		end = n, whole = true;
	else if (colon)
		end = (size_t)(colon - p), whole = true;
	else
		end = dateline_inline_end(p + start, n - start) + start;
	if (end <= start || !dateline_parts(p, start, end, v, &nv, &byline) || nv < 2 ||
	    (!whole && !v[nv - 1].agency) || (byline && !v[1].agency) ||
	    !dateline_from_parts(p, v, nv, whole, d)) {
		dateline_free(d);
		return false;
	}
	d->end = colon && end == (size_t)(colon - p) ? end + 1 : end;
	return true;
}

void dateline_free(struct dateline *d)
{
	free(d->place);
	free(d->agency);
	memset(d, 0, sizeof *d);
}
