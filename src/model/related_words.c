/* related_words.c - an article's stems for related stories: the words of its title and
 * paragraphs in matching form, clitics off, stop words out, and (for qari's own ranking, not
 * the baseline) without what links any two items of a news agency or of a site: the dateline
 * before the first dash or colon of the first paragraph ("الرياض - واس", "محمد البقمي- سبق:"),
 * date words (months, weekdays, الموافق), agency tags, and paragraphs that recur across the
 * corpus ("// انتهى //", "للتواصل مع الكاتب ارسل رسالة SMS"): furniture learned from the
 * collection itself. */
#include "related_private.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "qari/ner.h"
#include "qari/search.h"
#include "qari/xalloc.h"

#define RELATED_MIN_LETTERS 3      /* shorter stems carry little meaning */
#define RELATED_DATELINE_TOKENS 16 /* a dateline ends within this many tokens of the start */

static const char *const related_skip_list[] = {
	/* Hijri and Gregorian months (both Arabic names), in matching form */
	"محرم", "صفر", "ربيع", "جمادي", "رجب", "شعبان", "رمضان", "شوال", "القعده", "الحجه",
	"يناير", "فبراير", "مارس", "ابريل", "مايو", "يونيو", "يونيه", "يوليو", "يوليه", "اغسطس",
	"سبتمبر", "اكتوبر", "نوفمبر", "ديسمبر", "كانون", "شباط", "اذار", "نيسان", "ايار",
	"حزيران", "تموز", "ايلول", "تشرين",
	/* weekdays, and the words of a date line */
	"سبت", "احد", "اثنين", "ثلاثاء", "اربعاء", "خميس", "جمعه", "الموافق", "موافق",
	"هجري", "هجريه", "ميلادي",
	/* agency and site tags */
	"واس", "وام", "كونا", "قنا", "بنا", "يونا", "رويترز", "الاناضول", "الوئام", "وئام", "سبق",
};

void related_skip_words(struct strtab *t)
{
	strtab_init(t);
	for (size_t i = 0; i < sizeof related_skip_list / sizeof *related_skip_list; i++) {
		const char *w = related_skip_list[i];
		size_t n = strlen(w);
		struct norm_split sp;
		norm_word_split(w, n, &sp);
		strtab_intern(t, w, n);
		strtab_intern(t, w + sp.stem, n - sp.stem);
	}
}

static size_t related_letters(const char *s, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += ((unsigned char)s[i] & 0xC0) != 0x80;
	return k;
}

/* A dash or colon (in matching form: '-', '–', '—', ':'), the end of a dateline. */
static bool related_is_dateline_end(const char *s, size_t n)
{
	return (n == 1 && (*s == '-' || *s == ':')) || (n == 3 && memcmp(s, "\xe2\x80", 2) == 0 &&
						       ((unsigned char)s[2] == 0x93 ||
							(unsigned char)s[2] == 0x94));
}

/* Where the URL that token i opens ends (the next white space), or 0 when it opens none: an
 * address's words (a site's image path: styles, 114x72, yet) tell nothing of the story (the
 * baseline, plain, keeps every stem). */
static size_t related_url_end(const char *s, size_t len, const struct norm_token *tok)
{
	size_t wlen = tok->end - tok->beg, at = tok->end;

	if (!((wlen == 4 && memcmp(s + tok->beg, "http", 4) == 0) ||
	      (wlen == 5 && memcmp(s + tok->beg, "https", 5) == 0)) ||
	    len - at < 3 || memcmp(s + at, "://", 3) != 0)
		return 0;
	while (at < len && !isspace((unsigned char)s[at]))
		at++;
	return at;
}

/* The tokens of the first paragraph's dateline: up to the last dash, colon or agency tag in
 * its first RELATED_DATELINE_TOKENS tokens, before any full stop; a URL's colon and dots are
 * neither («الأخضر يستعد http://…»). 0 when it has none. */
static size_t related_dateline_end(const char *s, size_t len, const struct norm_token *toks, size_t n,
				   const struct strtab *skip)
{
	size_t end = 0, url_end = 0;
	uint32_t id;

	for (size_t i = 0; i < n && i < RELATED_DATELINE_TOKENS; i++) {
		const char *w = s + toks[i].beg;
		size_t wlen = toks[i].end - toks[i].beg;
		if (toks[i].beg < url_end)
			continue;
		if (toks[i].kind == NORM_TOKEN_WORD && (url_end = related_url_end(s, len, &toks[i])))
			continue;
		if (toks[i].kind == NORM_TOKEN_PUNCT && wlen == 1 && *w == '.')
			break;
		if ((toks[i].kind == NORM_TOKEN_PUNCT && related_is_dateline_end(w, wlen)) ||
		    (toks[i].kind == NORM_TOKEN_WORD && skip && strtab_find(skip, w, wlen, &id)))
			end = i + 1;
	}
	return end;
}

/* The stems of line number line of the matching form (0: the title, 1: the first paragraph). */
static void related_line_words(const char *s, size_t len, size_t line, struct related_words *rw)
{
	size_t n = 0, from = 0, url_end = 0;

	norm_tokenize(s, len, &rw->toks, &n, &rw->tcap);
	if (!rw->plain && line == 1)
		from = related_dateline_end(s, len, rw->toks, n, rw->skip);
	for (size_t i = 0; i < n; i++) {
		const char *w = s + rw->toks[i].beg;
		size_t wlen = rw->toks[i].end - rw->toks[i].beg;
		struct norm_split sp;
		uint32_t id = 0;
		if (rw->toks[i].beg < url_end)
			continue;
		if (!rw->plain && rw->toks[i].kind == NORM_TOKEN_WORD &&
		    (url_end = related_url_end(s, len, &rw->toks[i])))
			continue;
		if (i < from || rw->toks[i].kind != NORM_TOKEN_WORD || ner_lexicon_is_stop(rw->lex, w, wlen))
			continue;
		norm_word_split(w, wlen, &sp);
		if (related_letters(w + sp.stem, wlen - sp.stem) < RELATED_MIN_LETTERS)
			continue;
		if (rw->intern)
			id = strtab_intern(&rw->vocab, w + sp.stem, wlen - sp.stem);
		else if (!strtab_find(rw->find, w + sp.stem, wlen - sp.stem, &id) ||
			 (!rw->plain && rw->skipid && rw->skipid[id]))
			continue;
		for (int k = 0; k < (line == 0 && rw->title_repeat > 1 ? rw->title_repeat : 1); k++) {
			if (rw->nids == rw->icap)
				xgrow(&rw->ids, &rw->icap, rw->nids + 1, sizeof *rw->ids);
			rw->ids[rw->nids++] = id;
		}
	}
}

static int related_hash_cmp(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

static bool related_is_furniture(const struct related_words *rw, uint64_t h)
{
	return rw->nfurniture && bsearch(&h, rw->furniture, rw->nfurniture, sizeof h, related_hash_cmp);
}

/* Line number line (0: the title) of the matching form, unless it is furniture. */
static void related_line(const char *s, size_t len, size_t line, struct related_words *rw)
{
	if (line > 0 && !rw->plain && (rw->collect || rw->nfurniture)) {
		uint64_t h = strtab_hash(STRTAB_HASH_INIT, s, len);
		if (rw->collect) {
			xgrow(&rw->hashes, &rw->hcap, rw->nhashes + 1, sizeof *rw->hashes);
			rw->hashes[rw->nhashes++] = h;
		}
		if (related_is_furniture(rw, h))
			return;
	}
	related_line_words(s, len, line, rw);
}

size_t related_recurring(uint64_t *hashes, size_t n, size_t min, uint64_t **out)
{
	size_t k = 0;

	*out = xcalloc(n + 1, sizeof **out);
	xqsort(hashes, n, sizeof *hashes, related_hash_cmp);
	for (size_t i = 0, j; i < n; i = j) {
		for (j = i; j < n && hashes[j] == hashes[i]; j++)
			;
		if (j - i >= min)
			(*out)[k++] = hashes[i];
	}
	return k;
}

static void related_text_words(const char *text, size_t line, struct related_words *rw)
{
	norm_text_set(&rw->t, text, strlen(text), false);
	related_line(rw->t.s, rw->t.len, line, rw);
}

/* From the search index's matching form when it has it (normalising 100 MB of text was most
 * of this module's time), else from the text. */
void related_article_words(struct related_words *rw, const struct corpus *c, size_t a)
{
	const struct article *art = c->items[a];
	size_t line = 0;

	rw->nids = 0;
	if (rw->search && search_index_unpack(rw->search, a, &rw->norm)) {
		for (const char *s = rw->norm.data, *end = s + rw->norm.len, *nl; rw->norm.len && s < end;
		     s = nl + 1, line++) {
			nl = memchr(s, '\n', (size_t)(end - s));
			nl = nl ? nl : end;
			related_line(s, (size_t)(nl - s), line, rw);
		}
		return;
	}
	related_text_words(art->title, line++, rw);
	for (size_t p = 0; p < art->npara; p++)
		related_text_words(art->paras[p], line++, rw);
}

void related_words_free(struct related_words *rw)
{
	strbuf_free(&rw->norm);
	free(rw->ids);
	free(rw->toks);
	free(rw->hashes);
	norm_text_free(&rw->t);
	strtab_free(&rw->vocab);
}

int32_t related_day(const struct article *a)
{
	if (a->date_key == INT64_MIN)
		return RELATED_NO_DAY;
	return (int32_t)(a->date_key >= 0 ? a->date_key / 86400 : -((-a->date_key + 86399) / 86400));
}
