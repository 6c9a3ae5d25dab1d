/* test_furniture.c - site furniture learned from a collection: a link line that closes every
 * story of one site, an opening share bar, a tag line, and what is not furniture. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "qari/furniture.h"

static struct article *make(const char *source, int i, const char *const *paras, size_t n)
{
	struct article *a = article_new("mem.json");
	char title[64];
	snprintf(title, sizeof title, "خبر رقم %d", i);
	article_set_title(a, title, strlen(title));
	article_set_field(&a->source, source, strlen(source));
	for (size_t k = 0; k < n; k++)
		article_add_para(a, paras[k], strlen(paras[k]));
	article_finish(a, title);
	return a;
}

/* Stories that differ, as a site's do. */
static const char *const stories[] = {
	"أعلنت وزارة الصحة تسجيل حالات جديدة في جدة",
	"افتتح أمير المنطقة معرضا للكتاب في أبها",
	"ارتفعت أسعار النفط في ختام تعاملات الأسبوع",
	"فاز فريق الهلال على ضيفه في الدوري",
	"هطلت أمطار غزيرة على مرتفعات الطائف",
	"بدأ العام الدراسي في مدارس المنطقة الشرقية",
	"وقعت الشركة عقدا لتوسعة ميناء الدمام",
};

/* Forty-five made-up words of article i, none shared with another article: the body that
 * keeps an opening out of the window where a closing is looked for. */
static void filler(int i, char *out, size_t cap)
{
	static const char *const letters[] = {"ب", "ت", "ج", "د", "ر", "س", "ش", "ع", "ف", "ق", "م", "ن"};
	unsigned x = 2654435761u * (unsigned)(i + 1);
	size_t len = 0;
	out[0] = '\0';
	for (int w = 0; w < 45 && len + 32 < cap; w++) {
		for (int l = 0; l < 4; l++) {
			x = x * 1103515245u + 12345u;
			len += (size_t)snprintf(out + len, cap - len, "%s", letters[(x >> 16) % 12]);
		}
		len += (size_t)snprintf(out + len, cap - len, " ");
	}
}

int main(void)
{
	struct corpus c;
	struct furniture f;
	struct furniture_cut cut;
	struct article *other;
	size_t nstories = sizeof stories / sizeof *stories;

	corpus_init(&c);
	for (int i = 0; i < 30; i++) { /* a site whose every story ends with its link line */
		char last[160];
		const char *paras[2] = {stories[i % nstories], last};
		snprintf(last, sizeof last, "%s. رابط الخبر بصحيفة الوئام: خبر رقم %d",
			 stories[(i + 2) % nstories], i);
		corpus_add(&c, make("alweeam", i, paras, 2));
	}
	for (int i = 0; i < 30; i++) { /* another site: a share bar opens each story */
		char first[160], body[1024];
		const char *paras[2] = {first, body};
		snprintf(first, sizeof first, "شارك من خلال تويتر فيسبوك %s", stories[(i + 3) % nstories]);
		filler(i, body, sizeof body);
		corpus_add(&c, make("okaz", i, paras, 2));
	}
	furniture_learn(&f, &c);
	CHECK(f.ntail > 0 && f.nhead > 0);

	/* the link line is cut where it starts, the story before it kept */
	furniture_cut(&f, c.items[0], &cut);
	CHECK_INT(cut.tail_para, 1);
	CHECK(strncmp(c.items[0]->paras[1] + cut.tail_beg, "رابط الخبر", strlen("رابط الخبر")) == 0);
	CHECK(furniture_covers(&cut, 1, cut.tail_beg));
	CHECK(!furniture_covers(&cut, 1, 0));
	CHECK(!furniture_covers(&cut, 0, 0));
	CHECK(!furniture_covers(&cut, -1, 0)); /* never the title */
	CHECK(furniture_cut_hash(&cut) != 0);

	/* the share bar ends the opening furniture; the story after it is kept */
	furniture_cut(&f, c.items[30], &cut);
	CHECK(cut.head_end > 0);
	CHECK(strncmp(c.items[30]->paras[0] + cut.head_end, " ", 1) == 0);
	CHECK(!furniture_covers(&cut, 0, cut.head_end + 1));
	CHECK_INT(cut.tail_para, UINT32_MAX);

	/* the same line in an article of a third site is that site's story, not furniture */
	{
		const char *paras[1] = {"رابط الخبر بصحيفة الوئام: قالت الصحيفة إن الرابط تغير"};
		other = make("sabq", 99, paras, 1);
		furniture_cut(&f, other, &cut);
		CHECK_INT(cut.tail_para, UINT32_MAX);
		CHECK_INT(cut.head_end, 0);
		CHECK_INT(furniture_cut_hash(&cut), 0);
		article_free(other);
	}
	/* without a learned furniture, nothing is cut */
	furniture_cut(NULL, c.items[0], &cut);
	CHECK_INT(cut.tail_para, UINT32_MAX);
	/* a tag line opening a sentence of the last paragraph is cut, learned or not; «سمات» in
	   the middle of a sentence is a word of the story */
	{
		const char *paras[2] = {"افتتح أمير المنطقة معرضا للكتاب في أبها",
					"وشهد المعرض إقبالا كبيرا. سمات أبها معرض الكتاب أمير عسير"};
		const char *prose[1] = {"يكسب الطفل سمات شخصية غير إيجابية."};
		other = make("alweeam", 100, paras, 2);
		furniture_cut(NULL, other, &cut);
		CHECK_INT(cut.tail_para, 1);
		CHECK(strncmp(other->paras[1] + cut.tail_beg, "سمات", strlen("سمات")) == 0);
		CHECK(!furniture_covers(&cut, 1, 0));
		furniture_cut(&f, other, &cut);
		CHECK(strncmp(other->paras[1] + cut.tail_beg, "سمات", strlen("سمات")) == 0);
		article_free(other);
		other = make("sabq", 101, prose, 1);
		furniture_cut(NULL, other, &cut);
		CHECK_INT(cut.tail_para, UINT32_MAX);
		article_free(other);
	}
	/* kept per source and read back, the pairs cut every article as learned */
	{
		struct furniture back = {0};
		size_t len_weeam, len_okaz, len_none, same = 0;
		void *weeam = furniture_pack_source(&f, "alweeam", &len_weeam);
		void *okaz = furniture_pack_source(&f, "okaz", &len_okaz);
		void *none = furniture_pack_source(&f, "sabq", &len_none);
		CHECK(weeam != NULL && okaz != NULL && none == NULL && len_none == 0);
		CHECK(furniture_unpack_add(&back, weeam, len_weeam));
		CHECK(back.ntail > 0 && back.ntail <= f.ntail);
		CHECK(!furniture_unpack_add(&back, okaz, len_okaz - 1)); /* not whole */
		CHECK(furniture_unpack_add(&back, okaz, len_okaz));
		CHECK_INT(back.nhead, f.nhead);
		CHECK_INT(back.ntail, f.ntail);
		CHECK(memcmp(back.head, f.head, f.nhead * sizeof *f.head) == 0);
		CHECK(memcmp(back.tail, f.tail, f.ntail * sizeof *f.tail) == 0);
		CHECK(furniture_pack_source(&back, "alweeam", &len_none) == NULL); /* no sources */
		for (size_t i = 0; i < c.n; i++) {
			struct furniture_cut want, got;
			furniture_cut(&f, c.items[i], &want);
			furniture_cut(&back, c.items[i], &got);
			same += memcmp(&want, &got, sizeof want) == 0;
		}
		CHECK_INT(same, c.n);
		free(weeam);
		free(okaz);
		furniture_free(&back);
	}
	furniture_free(&f);
	corpus_free(&c);

	/* long paragraphs, read only as far as their first or last words (a link line after
	   hundreds of bytes of story, a share bar before them), and words longer than that reading
	   guesses (the whole paragraph read then): cut where the words are */
	corpus_init(&c);
	for (int i = 0; i < 40; i++) {
		char body[1024], first[2048], last[2400];
		static const char longword[] = "ماااااااااااااااااااااااااااااااااااااااالم";
		const char *paras[2] = {first, last};
		filler(i, body, sizeof body);
		if (i % 2)
			snprintf(first, sizeof first, "شارك عبر تويتر %s", body);
		else
			snprintf(first, sizeof first, "%s %s %s %s %s %s %s %s %s", longword, longword,
				 longword, longword, longword, longword, longword, longword, body);
		snprintf(last, sizeof last, "%s%s %s. رابط الخبر بصحيفة سبق: خبر رقم %d",
			 i % 2 ? "" : "وَقَالَ المُتَحَدِّثُ ", body, body, i);
		corpus_add(&c, make("sabq", i, paras, 2));
	}
	furniture_learn(&f, &c);
	for (size_t i = 0; i < c.n; i++) {
		const char *at;
		furniture_cut(&f, c.items[i], &cut);
		CHECK_INT(cut.tail_para, 1);
		at = c.items[i]->paras[1] + (cut.tail_para == 1 ? cut.tail_beg : 0);
		CHECK(strncmp(at, "رابط الخبر", strlen("رابط الخبر")) == 0);
		if (i % 2) { /* the share bar's three words and the first of the story */
			CHECK(cut.head_end > 0);
			CHECK(strncmp(c.items[i]->paras[0] + cut.head_end, " ", 1) == 0);
		}
	}
	furniture_free(&f);
	corpus_free(&c);
	return check_done();
}
