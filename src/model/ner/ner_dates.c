/* ner_dates.c - dates by rules, over the words of a sentence in matching form:
 *   [day] month[/month] [year]      12 فبراير/شباط, 3 كانون الثاني 2024, يناير 2016
 *   [يوم] weekday                   الثلاثاء, يوم الأحد
 *   [عام|العام|سنة] year             2016, عام 2022 (a year: 1900-2100)
 *   ISO and numeric dates           2025-02-18, 18/2/2025
 * Months that are also common words or names (مارس, آب, صفر, رجب...) count only next to a
 * number. A date overrides what the tagger said of its words. */
#include <stdlib.h>
#include <string.h>

#include "ner_private.h"

/* A name and its length in bytes (no strlen per word compared). */
struct ner_name {
	const char *s;
	size_t n;
};
#define NER_NAME(lit) {lit, sizeof lit - 1}

/* Month names in matching form; ambiguous ones need a number beside them. */
static const struct {
	struct ner_name name;
	bool ambiguous;
} ner_months[] = {
	{NER_NAME("يناير"), false}, {NER_NAME("فبراير"), false}, {NER_NAME("مارس"), true},
	{NER_NAME("ابريل"), false}, {NER_NAME("مايو"), false}, {NER_NAME("يونيو"), false},
	{NER_NAME("يوليو"), false}, {NER_NAME("اغسطس"), false}, {NER_NAME("سبتمبر"), false},
	{NER_NAME("اكتوبر"), false}, {NER_NAME("نوفمبر"), false}, {NER_NAME("ديسمبر"), false},
	{NER_NAME("شباط"), false}, {NER_NAME("اذار"), false}, {NER_NAME("نيسان"), false},
	{NER_NAME("ايار"), false}, {NER_NAME("حزيران"), false}, {NER_NAME("تموز"), false},
	{NER_NAME("اب"), true}, {NER_NAME("ايلول"), false}, {NER_NAME("كانون"), false},
	{NER_NAME("تشرين"), false}, {NER_NAME("محرم"), true}, {NER_NAME("صفر"), true},
	{NER_NAME("ربيع"), true}, {NER_NAME("جمادي"), true}, {NER_NAME("رجب"), true},
	{NER_NAME("شعبان"), true}, {NER_NAME("رمضان"), true}, {NER_NAME("شوال"), true},
	{NER_NAME("ذو"), true},
};

static const struct ner_name ner_weekdays[] = {
	NER_NAME("الاحد"), NER_NAME("الاثنين"), NER_NAME("الثلاثاء"), NER_NAME("الاربعاء"),
	NER_NAME("الخميس"), NER_NAME("الجمعه"), NER_NAME("السبت"),
};

/* Words that continue a two-word month: كانون الثاني, ربيع الأول, ذو الحجة. */
static const struct ner_name ner_month_tails[] = {
	NER_NAME("الاول"), NER_NAME("الثاني"), NER_NAME("الاخر"), NER_NAME("الاولي"),
	NER_NAME("الاخره"), NER_NAME("القعده"), NER_NAME("الحجه"),
};

static const struct ner_name ner_day = NER_NAME("يوم");

static const struct ner_name ner_year_words[] = {
	NER_NAME("عام"), NER_NAME("العام"), NER_NAME("سنه"), NER_NAME("السنه"),
	NER_NAME("لعام"), NER_NAME("عامي"),
};

struct ner_dword {
	const char *s; /* the word */
	size_t n;
	size_t procl; /* bytes of its proclitics (و ف ب ل ك) */
	uint8_t kind;
};

/* The word is name, with or without its proclitics (فبراير starts with ف: try both). */
static bool ner_dates_eq(const struct ner_dword *w, const struct ner_name *name)
{
	size_t k = name->n;
	return (k == w->n && memcmp(name->s, w->s, k) == 0) ||
	       (w->procl && k == w->n - w->procl && memcmp(name->s, w->s + w->procl, k) == 0);
}

static struct ner_dword ner_dates_word(const struct ner_sentence *s, size_t i)
{
	struct ner_dword w = {s->text + s->toks[i].beg, s->toks[i].end - s->toks[i].beg, 0,
			      s->toks[i].kind};
	struct norm_split sp;
	if (w.kind == NORM_TOKEN_WORD) {
		norm_word_split(w.s, w.n, &sp);
		w.procl = sp.proclitic;
	}
	return w;
}

static bool ner_dates_is(const struct ner_dword *w, const struct ner_name *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (ner_dates_eq(w, &list[i]))
			return true;
	return false;
}

/* 1 unambiguous month, 2 ambiguous one, 0 not a month. */
static int ner_dates_month(const struct ner_dword *w)
{
	for (size_t i = 0; i < sizeof ner_months / sizeof *ner_months; i++)
		if (ner_dates_eq(w, &ner_months[i].name))
			return ner_months[i].ambiguous ? 2 : 1;
	return 0;
}

static long ner_dates_number(const struct ner_dword *w)
{
	if (w->kind != NORM_TOKEN_NUMBER || w->n > 4)
		return -1;
	long v = 0;
	for (size_t i = 0; i < w->n; i++) {
		if (w->s[i] < '0' || w->s[i] > '9')
			return -1;
		v = v * 10 + (w->s[i] - '0');
	}
	return v;
}

static bool ner_dates_is_year(const struct ner_dword *w)
{
	long v = ner_dates_number(w);
	return w->n == 4 && v >= 1900 && v <= 2100;
}

static bool ner_dates_punct(const struct ner_dword *w, char c)
{
	return w->kind == NORM_TOKEN_PUNCT && w->n == 1 && w->s[0] == c;
}

/* A month-based date around token i (a month): marks it, returns the token after it. */
static size_t ner_dates_month_span(const struct ner_sentence *s, const struct ner_dword *w,
				   size_t i, bool *mark)
{
	int kind = ner_dates_month(&w[i]);
	size_t b = i, e = i + 1;
	long day = i > 0 ? ner_dates_number(&w[i - 1]) : -1;

	if (day >= 1 && day <= 31)
		b = i - 1;
	if (e < s->n && ner_dates_is(&w[e], ner_month_tails, sizeof ner_month_tails / sizeof *ner_month_tails))
		e++;
	if (e + 1 < s->n && (ner_dates_punct(&w[e], '/') || ner_dates_punct(&w[e], '-')) &&
	    ner_dates_month(&w[e + 1])) {
		e += 2; /* فبراير/شباط */
		if (e < s->n && ner_dates_is(&w[e], ner_month_tails, sizeof ner_month_tails / sizeof *ner_month_tails))
			e++;
	}
	if (e < s->n && ner_dates_is_year(&w[e]))
		e++;
	else if (e + 1 < s->n && ner_dates_is(&w[e], ner_year_words, 6) && ner_dates_is_year(&w[e + 1]))
		e += 2;
	if (kind == 2 && b == i && e == i + 1)
		return i + 1; /* an ambiguous month alone is a word */
	for (size_t k = b; k < e; k++)
		mark[k] = true;
	return e;
}

/* Numeric dates: 2025-02-18 or 18/2/2025 (five tokens). */
static bool ner_dates_numeric(const struct ner_dword *w, size_t i, size_t n)
{
	if (i + 4 >= n || ner_dates_number(&w[i]) < 0 || ner_dates_number(&w[i + 2]) < 0 ||
	    ner_dates_number(&w[i + 4]) < 0)
		return false;
	for (char c = '-'; ; c = '/') {
		if (ner_dates_punct(&w[i + 1], c) && ner_dates_punct(&w[i + 3], c))
			return ner_dates_is_year(&w[i]) || ner_dates_is_year(&w[i + 4]);
		if (c == '/')
			return false;
	}
}

static void ner_dates_mark(const struct ner_sentence *s, const struct ner_dword *w, bool *mark)
{
	for (size_t i = 0; i < s->n;) {
		if (ner_dates_numeric(w, i, s->n)) {
			for (size_t k = i; k < i + 5; k++)
				mark[k] = true;
			i += 5;
		} else if (ner_dates_month(&w[i]))
			i = ner_dates_month_span(s, w, i, mark);
		else if (ner_dates_is(&w[i], ner_weekdays, 7)) {
			mark[i] = true;
			if (i > 0 && ner_dates_eq(&w[i - 1], &ner_day))
				mark[i - 1] = true;
			i++;
		} else if (ner_dates_is_year(&w[i])) {
			mark[i] = true;
			if (i > 0 && ner_dates_is(&w[i - 1], ner_year_words, 6))
				mark[i - 1] = true;
			i++;
		} else
			i++;
	}
}

/* Dates win over the tagger; an entity cut by a date starts again after it. */
static void ner_dates_apply(const bool *mark, size_t n, uint8_t *tags)
{
	for (size_t i = 0; i < n; i++) {
		if (mark[i])
			tags[i] = (uint8_t)ner_tag_make(NER_DATE, i > 0 && mark[i - 1]);
		else if (ner_tag_inside(tags[i]) &&
			 (i == 0 || ner_tag_type(tags[i - 1]) != ner_tag_type(tags[i])))
			tags[i] = (uint8_t)ner_tag_make(ner_tag_type(tags[i]), false);
	}
}

void ner_dates(const struct ner_sentence *s, uint8_t *tags)
{
	struct ner_dword stackw[64];
	bool stackm[64];
	struct ner_dword *w = s->n <= 64 ? stackw : calloc(s->n, sizeof *w);
	bool *mark = s->n <= 64 ? stackm : calloc(s->n, sizeof *mark);

	if (w == NULL || mark == NULL)
		abort();
	for (size_t i = 0; i < s->n; i++) {
		w[i] = ner_dates_word(s, i);
		mark[i] = false;
	}
	ner_dates_mark(s, w, mark);
	ner_dates_apply(mark, s->n, tags);
	if (w != stackw) {
		free(w);
		free(mark);
	}
}
