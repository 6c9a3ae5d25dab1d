/* test_dateline.c - datelines of SaudiNewsNet's sources parsed into place and agency, and
 * first paragraphs that only look like one left alone. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "qari/dateline.h"

/* Parse p; expect place and agency (NULL: none) and the dateline to end before rest. */
static void expect(const char *p, bool more, const char *place, const char *agency, const char *rest)
{
	struct dateline d;
	bool found = dateline_parse(p, strlen(p), more, &d);
	CHECK(found);
	if (!found)
		return;
	if (place)
		CHECK_STR(d.place, place);
	else
		CHECK(d.place == NULL);
	if (agency)
		CHECK_STR(d.agency, agency);
	else
		CHECK(d.agency == NULL);
	CHECK_STR(p + d.end, rest);
	dateline_free(&d);
}

static void expect_none(const char *p, bool more)
{
	struct dateline d;
	CHECK(!dateline_parse(p, strlen(p), more, &d));
	CHECK(d.end == 0 && d.place == NULL && d.agency == NULL);
}

int main(void)
{
	/* an agency's own line, a paragraph of its own (was) */
	expect("الرياض 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م واس", true, "الرياض", "واس", "");
	/* before a colon, a reporter first (sabq) */
	expect("يوسف سفر- سبق- المدينة المنوّرة: رسمت فعاليات المهرجان", false, "المدينة المنوّرة",
	       "سبق", " رسمت فعاليات المهرجان");
	expect("سبق- أبها: استقبل أمير منطقة عسير", false, "أبها", "سبق", " استقبل أمير منطقة عسير");
	/* two reporters between commas before the agency (sabq) */
	expect("خالد العمري، سعد القرني- سبق- جازان: سقطت مقذوفات على المحافظة", false, "جازان", "سبق",
	       " سقطت مقذوفات على المحافظة");
	/* a comma before a colon with no agency after it is a sentence, not a byline */
	expect_none("قال الوزير، في كلمته - أمس: إن الخطة جاهزة", false);
	/* a whole short paragraph, after "Next Previous" (3alyoum) */
	expect("Next Previous عين اليوم – الباحة", true, "الباحة", "عين اليوم", "");
	/* a spaced tatweel as the dash, no agency: the reporter's name is the longer part */
	expect("خالد الفرج ـ عنيزة", true, "عنيزة", NULL, "");
	expect("الرياض - أحمد الشمالي", true, "الرياض", NULL, "");
	/* inline, without a colon */
	expect("الرياض - واس أعلنت وزارة الصحة", false, "الرياض", "واس", " أعلنت وزارة الصحة");
	/* not datelines */
	expect_none("قال نبينا محمد -صلى الله عليه وسلم-: لا تقوم الساعة", true);
	expect_none("1917 - الحرب العالمية الأولى: الحكم بالإعدام", true);
	expect_none("الملك عبدالعزيز - رحمه الله -", true);
	expect_none("أعلن الجيش الأوكراني أمس أن 4 جنود قتلوا في قتال مع متمردين موالين لروسيا", true);
	expect_none("عين اليوم – الباحة", false); /* the whole story: nothing after it */
	return check_done();
}
