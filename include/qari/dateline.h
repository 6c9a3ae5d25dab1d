/* dateline.h - the dateline that opens a news story («الرياض - واس», «سبق- أبها:», «عين اليوم
 * – الباحة», «جدة 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس»): where the story was filed
 * and by whom. It is metadata of the article, not part of its story: entities leave it out.
 *
 * Found in the first paragraph: a whole short paragraph, or the text before a colon, or a
 * «place - agency» head, made of two or three short parts between dashes (- – — or a
 * spaced ـ), one of them a news agency or paper, or an agency's date line (الموافق ... واس). */
#ifndef QARI_DATELINE_H
#define QARI_DATELINE_H

#include <stdbool.h>
#include <stddef.h>

struct dateline {
	size_t end;   /* bytes of the paragraph it takes, from its start (0: none) */
	char *place;  /* where it was filed, or NULL */
	char *agency; /* the agency or paper, or NULL */
};

/* Parse the first paragraph p (n bytes) of an article that has more text after it when
 * more is set. False (d zeroed) when it does not open with a dateline. */
bool dateline_parse(const char *p, size_t n, bool more, struct dateline *d);
void dateline_free(struct dateline *d);

#endif
