/* date.c - parsing the date forms news sources use, into UTC seconds and ISO text.
 *
 * Calendar arithmetic follows Howard Hinnant's days_from_civil: exact for every Gregorian
 * date, independent of the C library's time zone state (timegm is not portable, mktime
 * depends on TZ). */
#include "qari/date.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "qari/xalloc.h"

struct date_cur {
	const char *p, *end;
};

/* The broken-down result of either grammar, before range checks. */
struct date_fields {
	int year, month, day, hour, min, sec;
	int offset_min; /* east of UTC */
	bool has_time;
};

static const char *const date_months[12] = {"jan", "feb", "mar", "apr", "may", "jun",
					     "jul", "aug", "sep", "oct", "nov", "dec"};

static const struct {
	const char *name;
	int offset_min;
} date_zones[] = {
	{"UT", 0}, {"UTC", 0}, {"GMT", 0}, {"Z", 0},
	{"EST", -300}, {"EDT", -240}, {"CST", -360}, {"CDT", -300},
	{"MST", -420}, {"MDT", -360}, {"PST", -480}, {"PDT", -420},
	{"CET", 60}, {"CEST", 120}, {"EET", 120}, {"EEST", 180}, {"MSK", 180},
};

int64_t date_days_from_civil(int64_t y, int m, int d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void date_civil_from_days(int64_t z, int64_t *y, int *m, int *d)
{
	z += 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

static bool date_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int date_month_days(int y, int m)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return m == 2 && date_leap(y) ? 29 : days[m - 1];
}

static void date_skip_space(struct date_cur *c)
{
	while (c->p < c->end && isspace((unsigned char)*c->p))
		c->p++;
}

static bool date_at_end(struct date_cur *c)
{
	date_skip_space(c);
	return c->p == c->end;
}

static bool date_accept(struct date_cur *c, char ch)
{
	if (c->p < c->end && *c->p == ch) {
		c->p++;
		return true;
	}
	return false;
}

/* Between min and max decimal digits. */
static bool date_digits(struct date_cur *c, int min, int max, int *out)
{
	int n = 0, v = 0;
	while (c->p < c->end && n < max && isdigit((unsigned char)*c->p)) {
		v = v * 10 + (*c->p++ - '0');
		n++;
	}
	*out = v;
	return n >= min;
}

/* A run of ASCII letters, lower-cased into buf; its length (0: none, or too long). */
static size_t date_word(struct date_cur *c, char *buf, size_t cap)
{
	size_t n = 0;
	while (c->p < c->end && isalpha((unsigned char)*c->p)) {
		if (n + 1 >= cap)
			return 0;
		buf[n++] = (char)tolower((unsigned char)*c->p++);
	}
	buf[n] = '\0';
	return n;
}

/* "+hhmm", "+hh:mm", "+hh", or a zone name; military letters count as UTC (RFC 2822 4.3). */
static bool date_zone(struct date_cur *c, int *offset_min)
{
	char name[8];
	int hh, mm = 0;

	date_skip_space(c);
	if (c->p < c->end && (*c->p == '+' || *c->p == '-')) {
		int sign = *c->p++ == '-' ? -1 : 1;
		if (!date_digits(c, 2, 2, &hh))
			return false;
		date_accept(c, ':');
		if (c->p < c->end && isdigit((unsigned char)*c->p) && !date_digits(c, 2, 2, &mm))
			return false;
		if (hh > 23 || mm > 59)
			return false;
		*offset_min = sign * (hh * 60 + mm);
		return true;
	}
	if (date_word(c, name, sizeof name) == 0)
		return false;
	for (size_t i = 0; i < sizeof date_zones / sizeof *date_zones; i++)
		if (strcasecmp(name, date_zones[i].name) == 0) {
			*offset_min = date_zones[i].offset_min;
			return true;
		}
	*offset_min = 0;
	return strlen(name) == 1 && name[0] != 'j';
}

/* hh:mm[:ss[.fraction]] */
static bool date_time(struct date_cur *c, struct date_fields *f)
{
	if (!date_digits(c, 1, 2, &f->hour) || !date_accept(c, ':') ||
	    !date_digits(c, 2, 2, &f->min))
		return false;
	if (date_accept(c, ':')) {
		int frac;
		if (!date_digits(c, 2, 2, &f->sec))
			return false;
		if ((date_accept(c, '.') || date_accept(c, ',')) && !date_digits(c, 1, 9, &frac))
			return false;
	}
	f->has_time = true;
	return true;
}

/* RFC 3339 / ISO 8601: YYYY-MM-DD[(T| )hh:mm[:ss[.f]]][zone] */
static bool date_parse_iso(struct date_cur *c, struct date_fields *f)
{
	if (!date_digits(c, 4, 4, &f->year) || !date_accept(c, '-') ||
	    !date_digits(c, 1, 2, &f->month) || !date_accept(c, '-') ||
	    !date_digits(c, 1, 2, &f->day))
		return false;
	if (date_at_end(c))
		return true;
	if (c->p[-1] != ' ' && !date_accept(c, 'T') && !date_accept(c, 't'))
		return false;
	if (!date_time(c, f))
		return false;
	if (date_at_end(c))
		return true;
	return date_zone(c, &f->offset_min) && date_at_end(c);
}

static bool date_month_name(const char *w, int *month)
{
	size_t n = strlen(w);
	if (n < 3)
		return false;
	for (int i = 0; i < 12; i++)
		if (strncmp(w, date_months[i], 3) == 0) {
			static const char *const full[12] = {
				"january", "february", "march",     "april",   "may",      "june",
				"july",    "august",   "september", "october", "november", "december"};
			/* "Jul", "July" and "Sept" pass; "Julius" does not */
			if (n == 3 || strncmp(w, full[i], n) == 0) {
				*month = i + 1;
				return true;
			}
		}
	return false;
}

/* RFC 822/1123/2822: [Day,] DD Mon YYYY [hh:mm[:ss] [zone]] [(comment)] */
static bool date_parse_rfc822(struct date_cur *c, struct date_fields *f)
{
	char word[16];
	int digits;
	const char *start;

	date_skip_space(c);
	if (c->p < c->end && isalpha((unsigned char)*c->p)) {
		if (date_word(c, word, sizeof word) < 3)
			return false; /* the day name is not checked against the date: feeds get it wrong */
		date_skip_space(c);
		date_accept(c, ',');
		date_skip_space(c);
	}
	if (!date_digits(c, 1, 2, &f->day))
		return false;
	date_skip_space(c);
	date_accept(c, '-');
	if (date_word(c, word, sizeof word) == 0 || !date_month_name(word, &f->month))
		return false;
	date_skip_space(c);
	date_accept(c, '-');
	start = c->p;
	if (!date_digits(c, 2, 4, &f->year))
		return false;
	digits = (int)(c->p - start);
	if (digits == 2)
		f->year += f->year < 50 ? 2000 : 1900;
	else if (digits == 3)
		f->year += 1900;
	if (date_at_end(c))
		return true;
	if (isdigit((unsigned char)*c->p) && !date_time(c, f))
		return false;
	if (!date_at_end(c) && *c->p != '(' && !date_zone(c, &f->offset_min))
		return false;
	if (!date_at_end(c) && *c->p == '(') {
		const char *close = memchr(c->p, ')', (size_t)(c->end - c->p));
		if (close == NULL)
			return false;
		c->p = close + 1;
	}
	return date_at_end(c);
}

static bool date_valid(const struct date_fields *f)
{
	return f->year >= 1 && f->year <= 9999 && f->month >= 1 && f->month <= 12 &&
	       f->day >= 1 && f->day <= date_month_days(f->year, f->month) && f->hour <= 23 &&
	       f->min <= 59 && f->sec <= 60;
}

bool date_parse(const char *s, size_t n, int64_t *epoch, bool *has_time)
{
	struct date_cur c = {s, s + n};
	struct date_fields f = {0};

	date_skip_space(&c);
	if (c.end - c.p >= 5 && isdigit((unsigned char)c.p[0]) && isdigit((unsigned char)c.p[3]) &&
	    c.p[4] == '-') {
		if (!date_parse_iso(&c, &f))
			return false;
	} else if (!date_parse_rfc822(&c, &f)) {
		return false;
	}
	if (!date_valid(&f))
		return false;
	if (f.sec == 60)
		f.sec = 59; /* a leap second is not worth a day boundary */
	*epoch = date_days_from_civil(f.year, f.month, f.day) * 86400 + f.hour * 3600 +
		 f.min * 60 + f.sec - (int64_t)f.offset_min * 60;
	*has_time = f.has_time;
	return true;
}

/* Write v as exactly width decimal digits (v is already in range). */
static char *date_put(char *out, int64_t v, int width)
{
	for (int i = width - 1; i >= 0; i--, v /= 10)
		out[i] = (char)('0' + v % 10);
	return out + width;
}

void date_format(int64_t epoch, bool has_time, char out[DATE_ISO_MAX])
{
	int64_t days = epoch / 86400, secs = epoch % 86400, y;
	int m, d;
	char *p = out;

	if (secs < 0)
		secs += 86400, days--;
	date_civil_from_days(days, &y, &m, &d);
	y = y < 0 ? 0 : y > 9999 ? 9999 : y;
	p = date_put(p, y, 4);
	*p++ = '-';
	p = date_put(p, m, 2);
	*p++ = '-';
	p = date_put(p, d, 2);
	if (has_time) {
		*p++ = ' ';
		p = date_put(p, secs / 3600, 2);
		*p++ = ':';
		p = date_put(p, secs / 60 % 60, 2);
	}
	*p = '\0';
}

bool date_set_article(struct article *a, const char *s, size_t n)
{
	int64_t epoch;
	bool has_time;
	char iso[DATE_ISO_MAX];

	if (s == NULL || !date_parse(s, n, &epoch, &has_time))
		return false;
	date_format(epoch, has_time, iso);
	free(a->date);
	a->date = xstrdup(iso);
	a->date_key = epoch;
	return true;
}
