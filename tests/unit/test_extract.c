/* test_extract.c - a page's main text: the article's paragraphs in order, none of the
 * navigation, scripts, comments, share buttons, adverts, asides or link lists. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "qari/extract.h"
#include "qari/fsutil.h"

static void test_article(void)
{
	char *path = check_data_path("pages/article.html"), **p;
	size_t len, n;
	char *html = fsutil_read_file(path, 1 << 20, &len);
	static const char *const furniture[] = {"SCRIPT", "HEADER", "NAV", "SHARE", "COMMENT",
		"ADVERT", "ASIDE", "RELATED", "COMMENTS", "LINKS", "FOOTER"};

	CHECK(html != NULL);
	if (html == NULL)
		return;
	n = extract_main_text(html, len, &p);
	CHECK_INT(n, 5);
	if (n == 5) {
		CHECK(strncmp(p[0], "قال وزير الخارجية", strlen("قال وزير الخارجية")) == 0);
		CHECK_STR(p[2], "تفاصيل الاتفاق");
		CHECK(strstr(p[4], "المملكة ملتزمة") != NULL); /* a link inside a paragraph stays */
		CHECK(strstr(p[4], "الوكالة.") != NULL);
	}
	for (size_t i = 0; i < n; i++) {
		for (size_t k = 0; k < sizeof furniture / sizeof *furniture; k++)
			CHECK(strstr(p[i], furniture[k]) == NULL);
		CHECK(p[i][0] != ' ' && p[i][strlen(p[i]) - 1] != ' ');
		free(p[i]);
	}
	free(p);
	free(html);
	free(path);
}

static void test_nothing(void)
{
	static const char *const pages[] = {"", "<html></html>", "<p>short</p>", "\xff\xfe<p",
		"<div><a href=x>only a link that is long enough to count here</a></div>"};
	for (size_t i = 0; i < sizeof pages / sizeof *pages; i++) {
		char **p;
		CHECK_INT(extract_main_text(pages[i], strlen(pages[i]), &p), 0);
		free(p);
	}
}

int main(void)
{
	test_article();
	test_nothing();
	return check_done();
}
