/* date.h - news dates: RFC 822/1123 (feeds), RFC 3339/ISO 8601 (Atom, JSON) and
 * "YYYY-MM-DD hh:mm:ss" (scrapers) into seconds since the epoch and ISO text in UTC.
 *
 * Pure calendar arithmetic (no timegm, no TZ, no locale): the same answer on every machine. */
#ifndef QARI_DATE_H
#define QARI_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "qari/article.h"

#define DATE_ISO_MAX 17 /* "YYYY-MM-DD hh:mm" and its NUL */

/* Parse s (n bytes, surrounding white space allowed). On success *epoch holds UTC seconds and
 * *has_time whether a time of day was given. Zone-less times are taken as UTC. */
bool date_parse(const char *s, size_t n, int64_t *epoch, bool *has_time);

/* "YYYY-MM-DD", or "YYYY-MM-DD hh:mm" when has_time, in UTC. */
void date_format(int64_t epoch, bool has_time, char out[DATE_ISO_MAX]);

/* Set a->date and a->date_key from s; false (article unchanged) when s is not a date. */
bool date_set_article(struct article *a, const char *s, size_t n);

/* Days since 1970-01-01 of a proleptic Gregorian date (month 1-12), and back. */
int64_t date_days_from_civil(int64_t y, int m, int d);
void date_civil_from_days(int64_t days, int64_t *y, int *m, int *d);

#endif
