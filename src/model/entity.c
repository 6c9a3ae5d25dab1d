/* entity.c - mentions → canonical entities, per article and across the corpus. */
#include "qari/entity.h"

#include <stdlib.h>
#include <string.h>

#include "entity_private.h"
#include "qari/entity_rules.h"
#include "qari/text.h"
#include "qari/xalloc.h"

static const char *const entity_type_names[ENTITY_NTYPES] = {"person", "place", "org", "date", "misc"};

const char *entity_type_name(enum entity_type t) { return entity_type_names[t]; }

static enum entity_type entity_from_ner(int type)
{
	switch (type) {
	case NER_PERS: return ENTITY_PERSON;
	case NER_LOC: return ENTITY_PLACE;
	case NER_ORG: return ENTITY_ORG;
	case NER_DATE: return ENTITY_DATE;
	default: return ENTITY_MISC;
	}
}

const char *entity_mention_text(const struct article *a, struct entity_mention m, size_t *len)
{
	*len = m.end - m.beg;
	return (m.para < 0 ? a->title : a->paras[m.para]) + m.beg;
}

/* The name as a reader writes it: a name read out of ل + ال written لل («للهيئة») gets its
 * ال back («الهيئة»), as its key has it. */
char *article_entity_name(const struct article *a, const struct article_entity *e)
{
	static const char lil[] = "لل", al[] = "ال";
	size_t n, k = sizeof lil - 1;
	const char *s = entity_mention_text(a, e->name, &n);
	char *out;

	if (e->name.beg < k || memcmp(s - k, lil, k) != 0 || (n >= k && memcmp(s, al, k) == 0))
		return text_unshaped_dup(s, n);
	out = xmalloc(n + k + 1);
	memcpy(out, al, k);
	memcpy(out + k, s, n);
	out[n + k] = '\0';
	return out;
}


static void entity_collect_words(struct entity_scratch *x, const char *text)
{
	struct ner_para *p = &x->para;
	norm_text_set(&p->norm, text, strlen(text), false);
	p->n = 0;
	norm_tokenize(p->norm.s, p->norm.len, &p->toks, &p->n, &p->cap);
	for (size_t i = 0; i < p->n; i++)
		if (p->toks[i].kind == NORM_TOKEN_WORD)
			strtab_intern(&x->words, p->norm.s + p->toks[i].beg, p->toks[i].end - p->toks[i].beg);
}

/* Whether sport word w is also a common word's (الهدف the aim, الموسم the season, الفريق a
 * general's rank, البطولة heroism, القدم old times, اللاعب a market's player). */
static bool entity_sport_word_common(const char *w)
{
	static const char *const common[] = {"هدف",   "الهدف", "الموسم", "فريق",
					     "الفريق", "بطوله", "البطوله", "القدم",
					     "كره",   "الكره", "اللاعب", "اللاعبين"};
	for (size_t k = 0; k < sizeof common / sizeof *common; k++)
		if (strcmp(w, common[k]) == 0)
			return true;
	return false;
}

/* Whether the article (its words collected) is about sport: two sport words in it, one of
 * them no common word's. */
static bool entity_about_sport(const struct entity_scratch *x)
{
	unsigned seen = 0;
	bool proper = false;
	for (uint32_t id = 0; id < x->rules->sport.n; id++) {
		const char *w = strtab_str(&x->rules->sport, id);
		uint32_t found;
		if (strtab_find(&x->words, w, strlen(w), &found)) {
			seen++;
			proper |= !entity_sport_word_common(w);
		}
		if (seen >= 2 && proper)
			return true;
	}
	return false;
}

/* Tokens [i, j) of the paragraph joined by single spaces, the first one from byte skip on
 * (prefixed with ال for a ل+ال contraction when al is set). */
void entity_phrase(const struct ner_para *p, size_t i, size_t j, size_t skip, bool al,
			  struct strbuf *sb)
{
	sb->len = 0;
	strbuf_append(sb, "", 0);
	if (al)
		strbuf_append(sb, "ال", strlen("ال"));
	for (size_t k = i; k < j; k++) {
		size_t b = p->toks[k].beg + (k == i ? skip : 0);
		if (k > i)
			strbuf_appendc(sb, ' ');
		strbuf_append(sb, p->norm.s + b, p->toks[k].end - b);
	}
}

bool entity_word_is(const struct ner_para *p, size_t k, const char *w)
{
	size_t n = p->toks[k].end - p->toks[k].beg;
	return n == strlen(w) && memcmp(p->norm.s + p->toks[k].beg, w, n) == 0;
}

bool entity_word_definite(const struct ner_para *p, size_t k)
{
	size_t n = p->toks[k].end - p->toks[k].beg;
	return n > 4 && memcmp(p->norm.s + p->toks[k].beg, "ال", 4) == 0;
}

size_t entity_letters(const char *w, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += ((unsigned char)w[i] & 0xc0) != 0x80;
	return k;
}

bool entity_world_place(const struct entity_scratch *x, const char *s, size_t n)
{
	bool longer;
	return entity_rules_world_place(x->rules, s, n, &longer);
}

/* Whether a phrase is a known name or place as written (باريس: no ب + اريس). */
bool entity_place_known(const struct entity_scratch *x, const char *s, size_t n)
{
	return ner_lexicon_known(x->lex, s, n) || entity_world_place(x, s, n) ||
	       entity_rules_only_place(x->rules, s, n);
}

/* Whether skip bytes of clitics may come off word w for a place of the world gazetteer: what
 * is left is four letters or more (علينا is no ع + لينا), five after و or ف, which also begin
 * foreign names (فرانس is no ف + رانس), and ك is none (كبيرا). */
static bool entity_world_clitic(const char *w, size_t n, size_t skip, bool al)
{
	size_t left = entity_letters(w + skip, n - skip) + (al ? 2 : 0);
	bool conj = memcmp(w, "و", 2) == 0 || memcmp(w, "ف", 2) == 0;
	return skip > 0 && !memmem(w, skip, "ك", 2) && left >= (conj ? 5u : 4u);
}

/* Whether word w is و or ب, ال and three letters or more («بالضفة الغربية», «بالاتحاد
 * السعودي»): a place's or a body's name opens with no such word, while a foreign person's may
 * (بالوتيلي، والاس), and ف، ك begin too many foreign names (فالنسيا، كالياري) to go unknown;
 * nor does a word ending in ا or و, as foreign names do (بالنسيا، بالما). */
static bool entity_clitic_before_al(const char *w, size_t n, const struct norm_split *sp)
{
	return sp->proclitic == 2 && sp->stem == 6 && (memcmp(w, "و", 2) == 0 || memcmp(w, "ب", 2) == 0) &&
	       memcmp(w + 2, "ال", 4) == 0 && entity_letters(w + 6, n - 6) >= 3 &&
	       memcmp(w + n - 2, "ا", 2) != 0 && memcmp(w + n - 2, "و", 2) != 0;
}

/* Whether word i, the first of a name, is و joining that name to the name the tagger ended
 * right before it («زهير نعيم والمهدي عزيم», «أبين وخليج عدن», «المملكة ودولة الإمارات»): what
 * follows و must say so: ال and four letters or more, a place's trigger word, or a known
 * place as a whole (not «وكيل الإمارة»: كيل is Kiel); a name's own first word often opens with و (وليد، وحدات حماية الشعب، ويلث مانجمنت). */
static bool entity_conj_after_name(struct entity_scratch *x, enum entity_type type, size_t i, size_t j,
				   const char *w, size_t n)
{
	const struct ner_para *p = x->p;
	const char *r = w + 2;
	size_t rn = n - 2;
	if (i == 0 || memcmp(w, "و", 2) != 0 || p->toks[i - 1].kind != NORM_TOKEN_WORD || p->tags[i - 1] == 0 ||
	    ner_tag_type(p->tags[i - 1]) == NER_MISC || ner_lexicon_known(x->lex, w, n) || entity_place_known(x, w, n) ||
	    strtab_find(&x->rules->persons, w, n, &(uint32_t){0}))
		return false;
	if (rn > 4 && memcmp(r, "ال", 4) == 0 && entity_letters(r + 4, rn - 4) >= 4)
		return true; /* not «والكوت», Walcott */
	if (type != ENTITY_PLACE)
		return false;
	entity_phrase(p, i, j, 2, false, &x->alt);
	return entity_rules_is_place_trigger(x->rules, r, rn) || entity_place_known(x, x->alt.data, x->alt.len);
}

/* Whether the first word w of place [i, j) is و، ب or ل in front of a stem too short for the
 * word splitter (وتل أبيب، بشرم الشيخ، وساو باولو، بأم القرى) and the name without it is a
 * known place while the name with it is none. */
static bool entity_short_clitic_place(struct entity_scratch *x, size_t i, size_t j, const char *w, size_t n)
{
	if (n < 6 || !(memcmp(w, "و", 2) == 0 || memcmp(w, "ب", 2) == 0 || memcmp(w, "ل", 2) == 0))
		return false;
	entity_phrase(x->p, i, j, 0, false, &x->key);
	if (entity_place_known(x, x->key.data, x->key.len))
		return false;
	entity_phrase(x->p, i, j, 2, false, &x->alt);
	return entity_place_known(x, x->alt.data, x->alt.len);
}

/* Bytes of clitics to drop from the first word (and whether ال replaces them): only when the
 * bare form is a known name or stands alone elsewhere in the article. */
static size_t entity_clitics(struct entity_scratch *x, size_t i, size_t j, enum entity_type type,
			     bool *al)
{
	const struct ner_para *p = x->p;
	const char *w = p->norm.s + p->toks[i].beg;
	size_t n = p->toks[i].end - p->toks[i].beg, skip;
	struct norm_split sp;
	uint32_t id;

	*al = false;
	norm_word_split(w, n, &sp);
	skip = sp.proclitic;
	if (sp.stem == sp.proclitic + 4 && n >= skip + 4 && memcmp(w + skip, "لل", 4) == 0)
		skip = sp.stem, *al = true; /* للولايات → الولايات */
	if (skip == 0 && type == ENTITY_PLACE && entity_short_clitic_place(x, i, j, w, n))
		return 2;
	if (skip == 0)
		return 0;
	entity_phrase(p, i, j, skip, *al, &x->alt);
	if (ner_lexicon_known(x->lex, x->alt.data, x->alt.len))
		return skip;
	entity_phrase(p, i, j, 0, false, &x->key);
	if (entity_place_known(x, x->key.data, x->key.len))
		return *al = false, 0;
	if ((entity_world_clitic(w, n, skip, *al) || (j - i >= 2 && !memmem(w, skip, "ك", 2))) &&
	    entity_world_place(x, x->alt.data, x->alt.len))
		return skip; /* a name of two words or more is evidence enough: «بشرم الشيخ» */
	if (type != ENTITY_PERSON && entity_clitic_before_al(w, n, &sp))
		return skip;
	if (type == ENTITY_PLACE && memcmp(w, "و", 2) == 0 && entity_letters(w + 2, n - 2) >= 4 && i > 0 &&
	    p->toks[i - 1].kind == NORM_TOKEN_PUNCT && entity_word_is(p, i - 1, "،"))
		return *al = false, 2; /* «التواهي، وكريتر»: the last item of a list of places */
	if (entity_conj_after_name(x, type, i, j, w, n))
		return *al = false, 2;
	if (!*al && strtab_find(&x->words, w + skip, n - skip, &id))
		return skip;
	if (*al) {
		x->alt.len = 0;
		strbuf_append(&x->alt, "ال", strlen("ال"));
		strbuf_append(&x->alt, w + skip, n - skip);
		if (strtab_find(&x->words, x->alt.data, x->alt.len, &id))
			return skip;
	}
	*al = false;
	if (skip > 2 && (memcmp(w, "و", 2) == 0 || memcmp(w, "ف", 2) == 0)) {
		/* «وليبيا» is و + ليبيا, not و + ل + يبيا */
		entity_phrase(p, i, j, 2, false, &x->alt);
		if (ner_lexicon_known(x->lex, x->alt.data, x->alt.len) ||
		    (entity_world_clitic(w, n, 2, false) && entity_world_place(x, x->alt.data, x->alt.len)))
			return 2;
	}
	return 0;
}

static struct entity_draft *entity_add_mention(struct entity_scratch *x, enum entity_type type,
					       const char *key, size_t keylen, struct entity_mention m)
{
	struct entity_draft *d = NULL;
	for (size_t k = 0; k < x->ndrafts && d == NULL; k++)
		if (x->drafts[k].type == type && x->drafts[k].keylen == keylen &&
		    memcmp(x->keys.data + x->drafts[k].key, key, keylen) == 0)
			d = &x->drafts[k];
	if (d == NULL) {
		xgrow(&x->drafts, &x->dcap, x->ndrafts + 1, sizeof *x->drafts);
		d = &x->drafts[x->ndrafts];
		*d = (struct entity_draft){.type = type, .key = (uint32_t)x->keys.len,
					   .keylen = (uint32_t)keylen, .name = m,
					   .into = (uint32_t)x->ndrafts++};
		strbuf_append(&x->keys, key, keylen);
		strbuf_appendc(&x->keys, '\0');
	} else if (m.end - m.beg > d->name.end - d->name.beg) {
		d->name = m; /* the fullest form names the entity */
	}
	d->nmentions++;
	xgrow(&x->found, &x->fcap, x->nfound + 1, sizeof *x->found);
	x->found[x->nfound++] = (struct entity_found){(uint32_t)(d - x->drafts), m};
	return d;
}

static bool entity_is_title_word(struct entity_scratch *x, size_t i)
{
	const struct ner_para *p = x->p;
	const char *w = p->norm.s + p->toks[i].beg;
	size_t n = p->toks[i].end - p->toks[i].beg;
	struct norm_split sp;
	char buf[128];
	norm_word_split(w, n, &sp);
	if (n > 6 && n + 2 <= sizeof buf && memcmp(w, "لل", 4) == 0) { /* «للفنان» is ل + الفنان */
		memcpy(buf, "ال", 4);
		memcpy(buf + 4, w + 4, n - 4);
		if (ner_lexicon_is_title(x->lex, buf, n))
			return true;
	}
	return ner_lexicon_is_title(x->lex, w, n) ||
	       ner_lexicon_is_title(x->lex, w + sp.proclitic, n - sp.proclitic);
}

static bool entity_is_stop_word(struct entity_scratch *x, size_t i)
{
	const struct ner_para *p = x->p;
	return ner_lexicon_is_stop(x->lex, p->norm.s + p->toks[i].beg, p->toks[i].end - p->toks[i].beg);
}

/* Whether a phrase (matching form) is a known organisation in this article. */
static bool entity_is_org(const struct entity_scratch *x, const char *s, size_t n)
{
	bool longer;
	enum entity_rules_org k = entity_rules_org(x->rules, s, n, &longer);
	return k == ENTITY_RULES_ORG || (k == ENTITY_RULES_ORG_SPORT && x->sport);
}

static bool entity_known_word(const struct entity_scratch *x, const char *w, size_t n)
{
	uint32_t id;
	return ner_lexicon_known(x->lex, w, n) || strtab_find(&x->rules->persons, w, n, &id);
}

/* Whether a word ends in a long vowel, as foreign names do (سيلفا، سيرجيو، سيرغي). */
static bool entity_vowel_end(const char *w, size_t n)
{
	return n >= 2 && (memcmp(w + n - 2, "ا", 2) == 0 || memcmp(w + n - 2, "و", 2) == 0 ||
			  memcmp(w + n - 2, "ي", 2) == 0 || memcmp(w + n - 2, "ه", 2) == 0);
}

/* A word after a name that reads as the sentence's verb: يـ in front («تشان ينتظران»), or
 * the future's سيـ، ستـ، سنـ ending in a consonant («بولوني سترسم»: a surname سيلفا ends in
 * a vowel), and not a known name (يوسف، يحيى، ستيفن). */
static bool entity_verb_like(const struct entity_scratch *x, size_t k)
{
	const struct ner_para *p = x->p;
	const char *w = p->norm.s + p->toks[k].beg;
	size_t n = p->toks[k].end - p->toks[k].beg, letters = entity_letters(w, n);
	bool present = n > 2 && memcmp(w, "ي", 2) == 0 && letters >= 4;
	bool future = n > 4 && memcmp(w, "س", 2) == 0 && letters >= 5 && !entity_vowel_end(w, n) &&
		      (memcmp(w + 2, "ي", 2) == 0 || memcmp(w + 2, "ت", 2) == 0 || memcmp(w + 2, "ن", 2) == 0);
	return (present || future) && !entity_known_word(x, w, n);
}

/* Whether word k ends in an object pronoun (…ها، …هم، …نا، …كم), as no name does. */
static bool entity_pronoun_end(const struct entity_scratch *x, size_t k)
{
	const char *w = x->p->norm.s + x->p->toks[k].beg;
	size_t n = x->p->toks[k].end - x->p->toks[k].beg;
	return n > 8 && (memcmp(w + n - 4, "ها", 4) == 0 || memcmp(w + n - 4, "هم", 4) == 0 ||
			 memcmp(w + n - 4, "نا", 4) == 0 || memcmp(w + n - 4, "كم", 4) == 0);
}

/* Whether word k reads as a verb of a feminine subject: تـ and four letters more, no known
 * name or place («جامعة الملك خالد تستضيف»; after a name of three words or more only, since
 * تشيلسي، توتنهام are one). */
static bool entity_feminine_verb(const struct entity_scratch *x, size_t k)
{
	const struct ner_para *p = x->p;
	const char *w = p->norm.s + p->toks[k].beg;
	size_t n = p->toks[k].end - p->toks[k].beg;
	return n > 2 && memcmp(w, "ت", 2) == 0 && entity_letters(w, n) >= 5 && !entity_known_word(x, w, n) &&
	       !entity_place_known(x, w, n);
}

/* Whether word k reads as a verb in the future (سيـ، ستـ، سنـ and a stem of short vowels
 * only: «سيتدرب دومي»), which opens no name. */
static bool entity_future_verb(const struct entity_scratch *x, size_t k)
{
	const struct ner_para *p = x->p;
	const char *w = p->norm.s + p->toks[k].beg;
	size_t n = p->toks[k].end - p->toks[k].beg;
	if (n <= 4 || memcmp(w, "س", 2) != 0 || !entity_verb_like(x, k))
		return false;
	for (size_t b = 4; b + 1 < n; b += 2)
		if (memcmp(w + b, "ا", 2) == 0 || memcmp(w + b, "و", 2) == 0 || memcmp(w + b, "ي", 2) == 0)
			return false; /* «ستيفان», «سيزار», «سيباستيان»: a long vowel in the stem is a name's */
	return true;
}

/* A definite word with a preposition in front, or ب and a place, no name (للوقوف، للقرآن،
 * بالعتاد، بعنيزة). */
static bool entity_prep_phrase(const struct entity_scratch *x, size_t k)
{
	const struct ner_para *p = x->p;
	const char *w = p->norm.s + p->toks[k].beg;
	size_t n = p->toks[k].end - p->toks[k].beg;
	struct norm_split sp;
	norm_word_split(w, n, &sp);
	if (n > 8 && memcmp(w, "ب", 2) == 0 && !entity_known_word(x, w, n) &&
	    (entity_world_place(x, w + 2, n - 2) || entity_rules_only_place(x->rules, w + 2, n - 2)))
		return true; /* «سعود بعنيزة»: where he is, not his name */
	return sp.stem > sp.proclitic && (sp.proclitic > 0 || memcmp(w, "لل", 4) == 0) &&
	       !entity_known_word(x, w, n); /* ب or ل with ال: لابورتا is a name */
}

/* Whether word k opens with لل (ل and ال) and is no known name: no word of a person's name
 * does («للبحوث», «للأمم»). */
static bool entity_lil_word(const struct entity_scratch *x, size_t k)
{
	const struct ner_para *p = x->p;
	const char *w = p->norm.s + p->toks[k].beg;
	size_t n = p->toks[k].end - p->toks[k].beg;
	return n > 6 && memcmp(w, "لل", 4) == 0 && !entity_known_word(x, w, n);
}

/* Whether word k is ل or ب and a word the article also writes bare, while the word as
 * written is no known name («لإيهاب», «لبلاتر», «فيدال ببايرن»; not «لطفي», nor «عبدا لعزيز»,
 * a typing of عبدالعزيز): a preposition and its object. */
static bool entity_li_name(const struct entity_scratch *x, size_t k)
{
	const struct ner_para *p = x->p;
	const char *w = p->norm.s + p->toks[k].beg;
	size_t n = p->toks[k].end - p->toks[k].beg;
	return n > 8 && (memcmp(w, "ل", 2) == 0 || memcmp(w, "ب", 2) == 0) && memcmp(w + 2, "ل", 2) != 0 &&
	       !entity_known_word(x, w, n) &&
	       strtab_find(&x->words, w + 2, n - 2, &(uint32_t){0}) && !entity_word_is(p, k - 1, "عبدا");
}

/* Whether word k is ل and a dual in construct (…تي) whose singular (…ة) the article also
 * writes, no known name («لسويفت لجائزتي … وجائزة»): a preposition's object. */
static bool entity_li_dual(const struct entity_scratch *x, size_t k)
{
	const struct ner_para *p = x->p;
	const char *w = p->norm.s + p->toks[k].beg;
	size_t n = p->toks[k].end - p->toks[k].beg;
	char buf[128];
	if (n < 12 || n > sizeof buf || memcmp(w, "ل", 2) != 0 || memcmp(w + n - 4, "تي", 4) != 0 ||
	    entity_known_word(x, w, n))
		return false;
	memcpy(buf, w + 2, n - 6);
	memcpy(buf + n - 6, "ه", 2);
	return strtab_find(&x->words, buf, n - 4, &(uint32_t){0});
}

/* Whether word k, with or without و, ب, ل or ال, names a disease or its agent (فيروس، مرض،
 * متلازمة; not داء, which «لا داء» writes for «لأداء»): what follows is the disease's name
 * («بفيروس كورونا», «مرض ألزهايمر»), no man's. */
static bool entity_disease_word(const struct entity_scratch *x, size_t k)
{
	static const char *const words[] = {"فيروس", "فايروس", "مرض", "متلازمه", "انفلونزا"};
	const struct ner_para *p = x->p;
	const char *w = p->norm.s + p->toks[k].beg;
	size_t n = p->toks[k].end - p->toks[k].beg;
	static const char *const leads[] = {"", "و", "ب", "ل", "ال", "بال", "وال", "وب", "لل"};
	for (size_t l = 0; l < sizeof leads / sizeof *leads; l++) {
		size_t ln = strlen(leads[l]);
		for (size_t d = 0; d < sizeof words / sizeof *words; d++)
			if (n == ln + strlen(words[d]) && memcmp(w, leads[l], ln) == 0 &&
			    memcmp(w + ln, words[d], n - ln) == 0)
				return true;
	}
	return false;
}

/* Whether a one-word person i is a feminine dual adjective (…تين، …تان) after the feminine
 * noun it describes, untagged («حالتي إصابة جديدتين»; not «المدرب مارتين»). */
static bool entity_dual_adjective(const struct entity_scratch *x, size_t i)
{
	const struct ner_para *p = x->p;
	const char *w = p->norm.s + p->toks[i].beg, *v;
	size_t n = p->toks[i].end - p->toks[i].beg, vn;
	if (i == 0 || n < 10 ||
	    (memcmp(w + n - 6, "تين", 6) != 0 && memcmp(w + n - 6, "تان", 6) != 0) ||
	    p->toks[i - 1].kind != NORM_TOKEN_WORD || p->tags[i - 1] != 0 ||
	    entity_known_word(x, w, n))
		return false;
	v = p->norm.s + p->toks[i - 1].beg;
	vn = p->toks[i - 1].end - p->toks[i - 1].beg;
	return vn >= 6 && (memcmp(v + vn - 2, "ه", 2) == 0 || memcmp(v + vn - 4, "تي", 4) == 0 ||
			   memcmp(v + vn - 6, "تين", 6) == 0 || memcmp(v + vn - 6, "تان", 6) == 0);
}

static bool entity_quote_at(const struct ner_para *p, size_t k);

/* Whether word k names a work (أغنية، ألبوم، فيلم، مسلسل، رواية، قصيدة، مسرحية, maybe with و,
 * ب or ل in front or a pronoun after: أغنيتها، ألبومه; not with ال, an adjective's: «الفنون
 * المسرحية بجمعية الثقافة»). */
static bool entity_work_word(const struct ner_para *p, size_t k)
{
	static const char *const stems[] = {"اغنيه", "اغنيت", "اغاني", "البوم", "فيلم", "مسلسل",
					    "روايه", "روايت", "قصيده", "قصيدت", "مسرحيه", "مسرحيت"};
	static const char *const leads[] = {"", "و", "ب", "ل", "وب", "ول"};
	const char *w = p->norm.s + p->toks[k].beg;
	size_t n = p->toks[k].end - p->toks[k].beg;
	if (p->toks[k].kind != NORM_TOKEN_WORD)
		return false;
	for (size_t l = 0; l < sizeof leads / sizeof *leads; l++) {
		size_t ln = strlen(leads[l]);
		for (size_t t = 0; t < sizeof stems / sizeof *stems; t++) {
			size_t tn = strlen(stems[t]);
			if (n >= ln + tn && n <= ln + tn + 4 && memcmp(w, leads[l], ln) == 0 &&
			    memcmp(w + ln, stems[t], tn) == 0)
				return true;
		}
	}
	return false;
}

/* Whether organisation i is a work's title, right after a work's word, quoted or not
 * («أغنية «بلانك سبيس»», «ألبوم "باد بلود"»). A person there is the singer (أغنية عمرو
 * دياب) or whom the work is about (مسرحية "لبيد بن ربيعة"), and stays. */
static bool entity_work_title(const struct ner_para *p, size_t i)
{
	size_t b = i;
	while (b > 0 && p->toks[b - 1].kind == NORM_TOKEN_PUNCT && entity_quote_at(p, b - 1))
		b--;
	return b > 0 && entity_work_word(p, b - 1);
}

/* Whether a chunk [i, j) names a disease after its word («بفيروس كورونا», «بفيروس
 * "كورونا"»); i moves past the word. */
static bool entity_disease_name(struct entity_scratch *x, size_t *i, size_t j)
{
	size_t b = *i;
	while (b > 0 && x->p->toks[b - 1].kind == NORM_TOKEN_PUNCT)
		b--;
	if (entity_disease_word(x, *i))
		(*i)++;
	else if (b == 0 || !entity_disease_word(x, b - 1))
		return false;
	return *i < j && !entity_rules_is_trigger(x->rules, x->p->norm.s + x->p->toks[*i].beg,
						  x->p->toks[*i].end - x->p->toks[*i].beg);
}

/* Whether word i, before a name of two words or more that opens with a given name of the
 * persons gazetteer, is a definite noun describing the man (a job, a nisba, a rank: «المحاسب
 * صالح الموسى», «الجزائري عبد العزيز بوتفليقة», «الكولونيل ستيف وارن»): no name of that list
 * itself (الحسن، الياس, a family name put first: الجريسي), nor a known phrase, nor a name
 * before بن. */
static bool entity_noun_before_name(const struct entity_scratch *x, size_t i, size_t j)
{
	const struct ner_para *p = x->p;
	const char *w = p->norm.s + p->toks[i].beg, *f = p->norm.s + p->toks[i + 1].beg;
	size_t n = p->toks[i].end - p->toks[i].beg, fn = p->toks[i + 1].end - p->toks[i + 1].beg;
	struct norm_split sp;
	norm_word_split(w, n, &sp);
	if (j - i < 3 || sp.stem != sp.proclitic + 4 || memcmp(w + sp.proclitic, "ال", 4) != 0)
		return false; /* «والمحاسب» is و + المحاسب */
	if (entity_word_is(p, i + 1, "بن") || entity_word_is(p, i + 1, "ابن") || entity_word_is(p, i + 1, "بنت"))
		return false; /* «الوليد بن طلال»: a name and his father's */
	return entity_letters(w + sp.proclitic, n - sp.proclitic) >= 5 && !entity_known_word(x, w, n) &&
	       !entity_known_word(x, w + sp.proclitic, n - sp.proclitic) && !entity_word_definite(p, i + 1) &&
	       strtab_find(&x->rules->persons, f, fn, &(uint32_t){0}) && !entity_rules_only_place(x->rules, f, fn) &&
	       !entity_world_place(x, f, fn);
}

/* Whether word w (n bytes) of clitic bytes, its stem with ال in front, or it or its stem
 * with one of the pronouns ه، ها، هم after it, is a word of the article: a noun, which no
 * name is («بضم راموس … بضمه»). */
static bool entity_noun_of_article(const struct entity_scratch *x, const char *w, size_t n, size_t clitic)
{
	static const char *const ends[] = {"ه", "ها", "هم"};
	char buf[128];
	if (n + 4 > sizeof buf)
		return false;
	memcpy(buf, "ال", 4);
	memcpy(buf + 4, w + clitic, n - clitic);
	if (strtab_find(&x->words, buf, n - clitic + 4, &(uint32_t){0}))
		return true;
	for (size_t from = 0; from <= clitic; from += clitic ? clitic : 1)
		for (size_t e = 0; e < sizeof ends / sizeof *ends; e++) {
			size_t en = strlen(ends[e]);
			memcpy(buf, w + from, n - from);
			memcpy(buf + n - from, ends[e], en);
			if (strtab_find(&x->words, buf, n - from + en, &(uint32_t){0}))
				return true;
		}
	return false;
}

/* Whether word i, opening a name of two words or more, is ب or ل and a noun of the article
 * (entity_noun_of_article), no known name as written: «اهتمامه بضم راموس», «استهدافها بصاروخ
 * تاو»; a preposition and its object, before the name. */
static bool entity_prep_noun_before_name(const struct entity_scratch *x, size_t i, size_t j)
{
	const struct ner_para *p = x->p;
	const char *w = p->norm.s + p->toks[i].beg;
	size_t n = p->toks[i].end - p->toks[i].beg;
	return j - i >= 2 && n >= 6 && (memcmp(w, "ب", 2) == 0 || memcmp(w, "ل", 2) == 0) &&
	       memcmp(w + 2, "ال", 4) != 0 && memcmp(w + 2, "ل", 2) != 0 && !entity_known_word(x, w, n) &&
	       !entity_known_word(x, w + 2, n - 2) && entity_noun_of_article(x, w, n, 2);
}

/* Whether word i, opening a name of two words or more, is the particle إن or أن behind و، ف،
 * ب، ل or ك, written with its hamza («فإن أوباما», «بأن كيري»: فان without one is Van, فان
 * غال), or written فان or وان before a definite word, which no Dutch name has («فان
 * البضائع»). */
static bool entity_particle_before_name(const struct entity_scratch *x, size_t i, size_t j)
{
	static const char *const particles[] = {"فإن", "فأن", "وإن", "وأن", "بأن", "لأن", "لإن", "كأن"};
	const struct ner_para *p = x->p;
	size_t ob, oe;
	if (j - i < 2)
		return false;
	norm_text_orig_span(&p->norm, p->toks[i].beg, p->toks[i].end, &ob, &oe);
	for (size_t k = 0; k < sizeof particles / sizeof *particles; k++)
		if (oe - ob == strlen(particles[k]) && memcmp(x->orig + ob, particles[k], oe - ob) == 0)
			return true;
	return (entity_word_is(p, i, "فان") || entity_word_is(p, i, "وان")) && entity_word_definite(p, i + 1);
}

/* A person's words as a reader would write the name: a verb or a prepositional phrase the
 * tagger took along at its end is left out. */
static void entity_person_span(struct entity_scratch *x, size_t *i, size_t *j)
{
	while (*j - *i > 1 && (entity_lil_word(x, *i) || entity_noun_before_name(x, *i, *j) ||
			       entity_prep_noun_before_name(x, *i, *j) || entity_particle_before_name(x, *i, *j)))
		(*i)++; /* «للحارس فواز القرني», «المحاسب صالح الموسى»: a noun before the name */
	for (size_t k = *i + 1; k < *j; k++)
		if (entity_lil_word(x, k) || entity_li_name(x, k) || entity_li_dual(x, k) ||
		    entity_disease_word(x, k))
			*j = k; /* «مركز الملك فيصل للبحوث والدراسات»: a purpose phrase, no name;
				   «سيف لفرانس برس», «لسويفت لجائزتي»: a preposition's object;
				   «جديدتين بفيروس»: a disease's word */
	if (*j - *i == 1 && (entity_lil_word(x, *i) || entity_dual_adjective(x, *i)))
		*j = *i;
	while (*j - *i > 1 && (entity_verb_like(x, *j - 1) || entity_prep_phrase(x, *j - 1)))
		(*j)--;
}

/* A person the tagger ran into an organisation («دييغو كوستا هداف تشيلسي»): the name ends
 * before a listed organisation that starts two words on or later, and before the common
 * noun that links them (هداف، لاعب), a word no list knows as a name. */
static void entity_person_before_org(struct entity_scratch *x, size_t i, size_t *j)
{
	const struct ner_para *p = x->p;
	for (size_t k = i + 2; k < *j; k++) {
		const char *w = p->norm.s + p->toks[k].beg;
		size_t n = p->toks[k].end - p->toks[k].beg;
		if (!entity_is_org(x, w, n))
			continue;
		*j = k;
		if (k - i > 2 && !entity_known_word(x, p->norm.s + p->toks[k - 1].beg, p->toks[k - 1].end - p->toks[k - 1].beg))
			(*j)--;
		return;
	}
}

/* The conjunction in front of a person's first word («وحسن البنا», «وريمي كابيلا»): dropped
 * when the word without it is a known name, or a long one while the word with it is not.
 * When the splitter also takes ك or ب after و («وكارلوس», «وبيير»), only the و goes, unless
 * the word without both is a known name. */
static size_t entity_person_clitic(struct entity_scratch *x, size_t i)
{
	const struct ner_para *p = x->p;
	const char *w = p->norm.s + p->toks[i].beg;
	size_t n = p->toks[i].end - p->toks[i].beg;
	struct norm_split sp;
	norm_word_split(w, n, &sp);
	if (sp.proclitic < 2 || sp.stem != sp.proclitic || entity_known_word(x, w, n))
		return 0;
	if (sp.proclitic == 2 && (memcmp(w, "ل", 2) == 0 || memcmp(w, "ب", 2) == 0) && i + 1 < p->n &&
	    ner_tag_type(p->tags[i + 1]) == NER_PERS && ner_tag_inside(p->tags[i + 1]) &&
	    ner_lexicon_known(x->lex, w + 2, n - 2))
		return 2; /* «لأحمد تيمور باشا», «لعباس محمود العقاد»: a book's author */
	if (!(memcmp(w, "و", 2) == 0 || memcmp(w, "ف", 2) == 0))
		return 0; /* ب ل ك go as for any name (entity_clitics) */
	if (sp.proclitic > 2 && memcmp(w, "و", 2) == 0 && entity_known_word(x, w + 2, n - 2))
		return 2; /* «وكريم بنزيمه» is و + كريم, a name, though ريم is one too */
	if (entity_known_word(x, w + sp.proclitic, n - sp.proclitic))
		return sp.proclitic;
	if (sp.proclitic > 2 && memcmp(w, "و", 2) == 0 &&
	    (memcmp(w + 2, "ك", 2) == 0 || memcmp(w + 2, "ب", 2) == 0) &&
	    (entity_known_word(x, w + 2, n - 2) || entity_letters(w + 2, n - 2) >= 4))
		return 2; /* not فلـ (فلاديمير) nor ولـ (وليامز, ولفسبورغ), which begin names */
	if (sp.proclitic == 2 && memcmp(w, "و", 2) == 0 && entity_letters(w + sp.proclitic, n - sp.proclitic) >= 4)
		return sp.proclitic; /* a long name after و; ف so often begins one (فرانسوا، فيليبي)
					that it goes only before a known name */
	if (sp.proclitic == 2 && memcmp(w, "و", 2) == 0 && entity_letters(w + 2, n - 2) >= 3 && i > 0 &&
	    ner_tag_type(p->tags[i - 1]) == NER_PERS)
		return sp.proclitic; /* «كيفن جيمس وجوش جاد»: one name and another */
	return 0;
}

/* Offices that follow a man's name as a noun in construct («سعود بن نومة شيخ شمل قبائل
 * العرجان», «محمد بن نواف سفير خادم الحرمين»), never a family name as written indefinite. */
static const char *const entity_offices[] = {"شيخ", "وزير", "سفير", "امير", "ولي", "مدير",
					     "نائب", "سكرتير", "محافظ", "مستشار", "رئيس"};

/* Whether word k is a rank or a title before a person («شرطة منطقة القصيم الرائد بدر
 * السحيباني»), which ends the body before it. */
static bool entity_rank_before_person(struct entity_scratch *x, size_t k)
{
	static const char *const ranks[] = {"الرائد", "النقيب", "المقدم", "الملازم", "الرقيب", "العريف"};
	const struct ner_para *p = x->p;
	bool rank = entity_is_title_word(x, k);
	if (k + 1 >= p->n || ner_tag_type(p->tags[k + 1]) != NER_PERS)
		return false;
	for (size_t t = 0; t < sizeof ranks / sizeof *ranks && !rank; t++)
		rank = entity_word_is(p, k, ranks[t]);
	return rank;
}

/* Whether the last word k of a name of type is an office after it, not the name's: one of
 * entity_offices after a person, a title before a person after a place («قرية ابن نومة الشيخ
 * عبدالرحمن»; not «شرم الشيخ»); a family name's is kept («آل الشيخ»). */
static bool entity_trailing_title(struct entity_scratch *x, enum entity_type type, size_t i, size_t k)
{
	const struct ner_para *p = x->p;
	if (k > i && (entity_word_is(p, k - 1, "ال") || entity_word_is(p, k - 1, "بن") ||
		      entity_word_is(p, k - 1, "ابن") || entity_word_is(p, k - 1, "ابو") ||
		      entity_word_is(p, k - 1, "ابا")))
		return false;
	if (type == ENTITY_PLACE)
		return entity_is_title_word(x, k) && k + 1 < p->n && ner_tag_type(p->tags[k + 1]) == NER_PERS;
	for (size_t t = 0; t < sizeof entity_offices / sizeof *entity_offices; t++)
		if (entity_word_is(p, k, entity_offices[t]))
			return true;
	return false;
}

/* Whether word i is a nisba after an untagged noun it qualifies, agreeing with it: a
 * feminine one (…ية) after a definite noun («السوق السعودية») or after an indefinite
 * feminine one («عائلة سورية»), a masculine one (…ي) after an indefinite masculine noun
 * («تمويل مالي»). */
static bool entity_nisba_after_noun(struct entity_scratch *x, size_t i)
{
	const struct ner_para *p = x->p;
	size_t n = p->toks[i].end - p->toks[i].beg, pn;
	const char *w = p->norm.s + p->toks[i].beg, *pw;
	struct norm_split sp;
	bool def, pdef, fem, pfem;

	if (i >= 2 && n > 8 && p->toks[i - 1].kind == NORM_TOKEN_PUNCT &&
	    ner_tag_type(p->tags[i - 2]) == NER_ORG && entity_word_definite(p, i) &&
	    memcmp(w + n - 4, "يه", 4) == 0)
		return true; /* «شركة "زين" السعودية»: the company's adjective */
	if (i == 0 || p->toks[i - 1].kind != NORM_TOKEN_WORD || p->tags[i - 1] != 0 || n <= 6)
		return false;
	pw = p->norm.s + p->toks[i - 1].beg;
	pn = p->toks[i - 1].end - p->toks[i - 1].beg;
	if (ner_lexicon_is_stop(x->lex, pw, pn) || entity_is_title_word(x, i - 1) ||
	    entity_rules_is_trigger(x->rules, pw, pn))
		return false;
	norm_word_split(pw, pn, &sp);
	def = entity_word_definite(p, i);
	pdef = entity_word_definite(p, i - 1) || sp.stem > sp.proclitic; /* «للكرة السعودية» */
	fem = memcmp(w + n - 4, "يه", 4) == 0;
	pfem = memcmp(pw + pn - 2, "ه", 2) == 0;
	if (fem)
		return def ? n > 8 && pdef : !pdef && pfem;
	return !def && !pdef && !pfem && memcmp(w + n - 2, "ي", 2) == 0;
}

/* Token i's proclitics: the bytes to drop for its bare form, and whether ال comes back
 * (للهلال → الهلال). */
size_t entity_proclitic(const struct ner_para *p, size_t i, bool *al)
{
	const char *w = p->norm.s + p->toks[i].beg;
	size_t n = p->toks[i].end - p->toks[i].beg;
	struct norm_split sp;
	norm_word_split(w, n, &sp);
	*al = sp.stem == sp.proclitic + 4 && n >= sp.proclitic + 4 && memcmp(w + sp.proclitic, "لل", 4) == 0;
	return *al ? sp.stem : sp.proclitic;
}

/* Whether word k is one that opens an event's name, its clitics and ال aside (للمهرجان). */
static bool entity_event_word(const struct entity_scratch *x, const struct ner_para *p, size_t k)
{
	const char *w = p->norm.s + p->toks[k].beg;
	size_t n = p->toks[k].end - p->toks[k].beg, skip;
	bool al;

	if (p->toks[k].kind != NORM_TOKEN_WORD)
		return false;
	skip = entity_proclitic(p, k, &al);
	if (n - skip > 4 && memcmp(w + skip, "ال", 4) == 0)
		skip += 4;
	return entity_rules_is_event(x->rules, w + skip, n - skip);
}

/* Whether word k, a clitic of one letter aside, is «كوبا» (Spanish «copa», a cup) before
 * «أمريكا»: the Copa América, a competition, not Cuba. */
static bool entity_copa(const struct ner_para *p, size_t k)
{
	size_t n = p->toks[k].end - p->toks[k].beg, cn = strlen("كوبا");
	return k + 1 < p->n && p->toks[k].kind == NORM_TOKEN_WORD && (n == cn || n == cn + 2) &&
	       memcmp(p->norm.s + p->toks[k].end - cn, "كوبا", cn) == 0 &&
	       (entity_word_is(p, k + 1, "امريكا") || entity_word_is(p, k + 1, "اميركا"));
}

/* Whether word i is inside an event's name: after its first word or one word on that is no
 * adjective («مهرجان أبها يجمعنا», «لكأس آسيا», «دوري أبطال آسيا»; not «مؤتمر صحفي ...»). */
static bool entity_after_event(const struct entity_scratch *x, const struct ner_para *p, size_t i)
{
	bool al;
	const char *m = p->norm.s + p->toks[i - (i > 0)].beg;
	size_t mn = p->toks[i - (i > 0)].end - p->toks[i - (i > 0)].beg;

	if (i == 0 || entity_proclitic(p, i, &al) > 0)
		return false; /* «مؤتمر صحفي بباريس»: a preposition's place is the event's venue */
	return entity_event_word(x, p, i - 1) || entity_copa(p, i - 1) ||
	       (i > 1 && p->toks[i - 1].kind == NORM_TOKEN_WORD && p->tags[i - 1] == 0 &&
		!(mn > 2 && memcmp(m + mn - 2, "ي", 2) == 0) && entity_event_word(x, p, i - 2));
}

/* Whether word k, behind و or not, is a plural royal title (الملوك، الأمراء). */
static bool entity_plural_royal_title(const struct ner_para *p, size_t k)
{
	return entity_word_is(p, k, "الملوك") || entity_word_is(p, k, "والملوك") ||
	       entity_word_is(p, k, "الامراء") || entity_word_is(p, k, "والامراء");
}

/* After a plural royal title, the given names the tagger found, joined by و, are one person
 * each (الملوك سعود وفيصل وخالد وعبد الله والأمراء سلطان ونايف: the tagger joins them in
 * pairs), a name running on to the next word that opens with و. */
static void entity_royal_lists(struct entity_scratch *x, struct ner_para *p)
{
	for (size_t k = 0; k + 1 < p->n; k++) {
		if (!entity_plural_royal_title(p, k))
			continue;
		for (size_t i = k + 1, e; i < p->n && ner_tag_type(p->tags[i]) == NER_PERS &&
					   p->toks[i].kind == NORM_TOKEN_WORD; i = e) {
			bool joined = i > k + 1;
			const char *w = p->norm.s + p->toks[i].beg;
			size_t n = p->toks[i].end - p->toks[i].beg;
			if (joined && (n <= 4 || memcmp(w, "و", 2) != 0))
				break; /* the list ends at a word no و joins */
			for (e = i + 1; e < p->n && ner_tag_type(p->tags[e]) == NER_PERS && p->toks[e].kind == NORM_TOKEN_WORD &&
			     !(p->toks[e].end - p->toks[e].beg > 4 && memcmp(p->norm.s + p->toks[e].beg, "و", 2) == 0);)
				e++; /* «وعبد الله», «مقرن بن عبدالعزيز» */
			entity_retag(x, p, i, e, NER_PERS, joined ? 2 : 0, false);
			x->sure[i] = true;
			k = e - 1;
		}
	}
}

/* In an article about sport, a place after «في» right after an event's name (للمونديال في
 * البرازيل، كوبا أمريكا في تشيلي، كأس العالم في روسيا) is where it is held, a place though its
 * team plays in the story: entity_vote_types keeps the two apart. */
static void entity_event_hosts(struct entity_scratch *x, const struct ner_para *p)
{
	for (size_t k = 1; x->sport && k + 1 < p->n; k++)
		if (entity_word_is(p, k, "في") && p->tags[k + 1] == ner_tag_make(NER_LOC, false) &&
		    (entity_event_word(x, p, k - 1) || (k >= 2 && (entity_event_word(x, p, k - 2) || entity_copa(p, k - 2)))))
			x->sure[k + 1] = true;
}

/* Whether stem (a nisba without its ي) is a word of the article, alone or with ة, or, with
 * يا, ا or nothing after it or ال and ية around it, a place: «عالم» of «عالمي», «سيادة» of
 * «سيادي», «تونس» of «تونسي», «السعودية» of «سعودي». */
bool entity_nisba_of(const struct entity_scratch *x, const char *stem, size_t n)
{
	static const char *const ends[] = {"يا", "ا", ""};
	char buf[256];
	if (strtab_find(&x->words, stem, n, &(uint32_t){0}))
		return true;
	if (n + 8 <= sizeof buf) { /* «سيادي» of «سيادة», «سعودي» of «السعودية» */
		memcpy(buf, stem, n);
		memcpy(buf + n, "ه", 2);
		if (strtab_find(&x->words, buf, n + 2, &(uint32_t){0}))
			return true;
		memcpy(buf, "ال", 4);
		memcpy(buf + 4, stem, n);
		memcpy(buf + 4 + n, "يه", 4);
		if (entity_place_known(x, buf, n + 8))
			return true;
	}
	for (size_t e = 0; e < sizeof ends / sizeof *ends && n + 4 <= sizeof buf; e++) {
		size_t en = strlen(ends[e]);
		memcpy(buf, stem, n);
		memcpy(buf + n, ends[e], en);
		if (entity_world_place(x, buf, n + en))
			return true;
	}
	return false;
}

/* Whether word w (matching form) is the nisba of a country or a city of the world, with ال
 * and maybe و, ف, ب or ل before it (الكرواتي، والبرازيلي، للسويسري، الإماراتية): a
 * nationality. Its stem with يا, ا or nothing after it, or ال before it, is the place. */
bool entity_country_nisba(const struct entity_scratch *x, const char *w, size_t n)
{
	static const char *const ends[] = {"يا", "ا", "", "ستان"}; /* الأوزبكي of أوزبكستان */
	size_t beg = 0, cut;
	char buf[256];

	if (n > 6 && (memcmp(w, "وال", 6) == 0 || memcmp(w, "فال", 6) == 0 || memcmp(w, "بال", 6) == 0))
		beg = 6;
	else if (n > 4 && (memcmp(w, "ال", 4) == 0 || memcmp(w, "لل", 4) == 0))
		beg = 4;
	else
		return false;
	cut = n > 4 && memcmp(w + n - 4, "يه", 4) == 0 ? 4 : memcmp(w + n - 2, "ي", 2) == 0 ? 2 : 0;
	if (cut == 0 || n < beg + cut || entity_letters(w + beg, n - beg - cut) < 3 ||
	    n - beg - cut + 4 > sizeof buf)
		return false;
	for (size_t e = 0; e < sizeof ends / sizeof *ends; e++) {
		size_t sn = n - beg - cut, en = strlen(ends[e]);
		memcpy(buf, w + beg, sn);
		memcpy(buf + sn, ends[e], en);
		if (entity_world_place(x, buf, sn + en))
			return true;
	}
	memcpy(buf, "ال", 4);
	memcpy(buf + 4, w + beg, n - beg - cut);
	return entity_world_place(x, buf, n - beg - cut + 4) ||
	       ner_lexicon_curated_type(x->lex, buf, n - beg - cut + 4) == NER_LOC;
}

/* Whether word w (matching form, maybe after و) is a definite nisba adjective in front of a
 * person's name and no name itself: ال, three letters or more and ي, no first or family name
 * persons.txt or the lexicon knows (الساعدي، الهادي، العربي are names). A nationality
 * spelled as no gazetteer spells it («الأوروجوياني فابيان», «الهاييتي قادري»), a trade or
 * a quality («الكوميدي محمد هنيدي», «الأممي برناردينو»): the reader's name starts after it.
 * Its stem opens with no ي: «أليكسي نافالني» is a given name, no ال. */
static bool entity_lead_nisba(const struct entity_scratch *x, const char *w, size_t n)
{
	if (n > 6 && memcmp(w, "وال", 6) == 0)
		w += 2, n -= 2;
	return n > 4 + 6 && memcmp(w, "ال", 4) == 0 && memcmp(w + 4, "ي", 2) != 0 &&
	       memcmp(w + n - 2, "ي", 2) == 0 && !ner_lexicon_known(x->lex, w, n) && !strtab_find(&x->rules->persons, w, n, &(uint32_t){0}) &&
	       !entity_is_org(x, w, n) && !entity_world_place(x, w, n);
}

/* Whether a one-word key is a country's nisba without ال (سعودي، مصري: «سعودي الجنسية»),
 * a nationality said of someone, no organisation or place. */
static bool entity_bare_nationality(const struct entity_scratch *x, const char *k, size_t n)
{
	char buf[128];
	if (n < 8 || n + 6 > sizeof buf || memchr(k, ' ', n) || memcmp(k, "ال", 4) == 0 ||
	    memcmp(k + n - 2, "ي", 2) != 0 || ner_lexicon_known(x->lex, k, n) || entity_is_org(x, k, n) ||
	    entity_world_place(x, k, n))
		return false;
	memcpy(buf, "ال", 4);
	memcpy(buf + 4, k, n);
	memcpy(buf + 4 + n, "ه", 2); /* «سعودي» of «السعودية» */
	return entity_country_nisba(x, buf, n + 4) || entity_place_known(x, buf, n + 6);
}

/* Whether word k is a dual or plural nisba (سعوديان، إيرانيي، البرازيليين): ي and ان، ين، ون
 * or ي after a stem of three letters or more that is a word of the article or a place (with
 * يا, ا, nothing, or ال and ية: السعودية): people described, no name. */
static bool entity_plural_nisba(struct entity_scratch *x, const struct ner_para *p, size_t k)
{
	static const char *const ends[] = {"يان", "يين", "يون", "يي"};
	const char *w = p->norm.s + p->toks[k].beg;
	size_t n = p->toks[k].end - p->toks[k].beg, skip = entity_proclitic(p, k, &(bool){false});
	char buf[256];
	if (entity_known_word(x, w, n))
		return false; /* «نابليون» */
	w += skip, n -= skip;
	if (n > 4 && memcmp(w, "ال", 4) == 0)
		w += 4, n -= 4;
	for (size_t e = 0; e < sizeof ends / sizeof *ends; e++) {
		size_t en = strlen(ends[e]), sn = n - en;
		if (n <= en || memcmp(w + sn, ends[e], en) != 0 || entity_letters(w, sn) < 3 ||
		    sn + 8 > sizeof buf)
			continue;
		if (entity_nisba_of(x, w, sn))
			return true;
		memcpy(buf, "ال", 4);
		memcpy(buf + 4, w, sn);
		memcpy(buf + 4 + sn, "يه", 4);
		return entity_place_known(x, buf, sn + 8);
	}
	return false;
}

/* Whether words i, i + 1 are an indefinite noun no list knows and an indefinite nisba
 * adjective (…ي) no list knows, of a trigger only a nisba of a word or a country («بنك
 * عالمي», «حزب تونسي»; not «بنك أبوظبي»), or a feminine noun, a trigger too, and a feminine
 * nisba («جامعة بريطانية», «منظمة عنصرية», «جامعة سعودية», though lists know the words):
 * a description, not a name. */
static bool entity_noun_and_adjective(struct entity_scratch *x, size_t i)
{
	const struct ner_para *p = x->p;
	const char *w = p->norm.s + p->toks[i].beg, *a = p->norm.s + p->toks[i + 1].beg;
	size_t n = p->toks[i].end - p->toks[i].beg, an = p->toks[i + 1].end - p->toks[i + 1].beg;

	bool fem = an > 8 && memcmp(a + an - 4, "يه", 4) == 0 && memcmp(w + n - 2, "ه", 2) == 0;
	bool trigger = entity_rules_is_trigger(x->rules, w, n);
	return !entity_word_definite(p, i) && !entity_word_definite(p, i + 1) &&
	       an > 6 && (memcmp(a + an - 2, "ي", 2) == 0 || fem) && (!entity_known_word(x, w, n) || (fem && trigger)) &&
	       (!entity_known_word(x, a, an) || (fem && trigger && entity_bare_nationality(x, a, an - 2))) &&
	       (fem || !trigger || entity_nisba_of(x, a, an - 2));
}

/* Whether word i is a feminine trigger without ال and word i + 1 an indefinite feminine
 * participle (مـ…ة) or adjective of the pattern فعيلة no list knows: «جماعة مسلحة», «هيئة
 * مستقلة», «شركة جديدة», a description. */
static bool entity_trigger_and_participle(struct entity_scratch *x, size_t i)
{
	const struct ner_para *p = x->p;
	const char *w = p->norm.s + p->toks[i].beg + x->lead[i], *a = p->norm.s + p->toks[i + 1].beg;
	size_t n = p->toks[i].end - p->toks[i].beg - x->lead[i], an = p->toks[i + 1].end - p->toks[i + 1].beg;
	struct norm_split sp;
	norm_word_split(w, n, &sp);
	if (n < 4 || sp.stem > sp.proclitic || memcmp(w + n - 2, "ه", 2) != 0)
		return false;
	w += sp.proclitic, n -= sp.proclitic;
	if (i + 2 < p->n && p->toks[i + 2].kind == NORM_TOKEN_WORD &&
	    (entity_word_definite(p, i + 2) ||
	     entity_place_known(x, p->norm.s + p->toks[i + 2].beg, p->toks[i + 2].end - p->toks[i + 2].beg)))
		return false; /* «شرطة منطقة القصيم», «هيئة مكافحة الفساد»: a construct's noun */
	if (!entity_rules_is_trigger(x->rules, w, n) || entity_letters(a, an) < 5 ||
	    memcmp(a + an - 2, "ه", 2) != 0 || entity_rules_is_trigger(x->rules, a, an) ||
	    entity_rules_is_place_trigger(x->rules, a, an))
		return false;
	if (an == 10 && entity_letters(a, an) == 5 && memcmp(a + 4, "ي", 2) == 0 && !entity_world_place(x, a, an))
		return true; /* «شركة جديدة» (some such adjectives are a name somewhere: جديدة) */
	return memcmp(a, "م", 2) == 0 && !entity_known_word(x, a, an);
}

/* A key written as readers write it either way: «عبد العزيز» is «عبدالعزيز», «عبد ربه» is
 * «عبدربه» (the space after a whole word عبد goes), so one person is one entry. */
static void entity_key_compact(struct strbuf *key)
{
	static const char abd[] = "عبد ";
	const size_t wn = strlen("عبد");
	size_t out = 0;

	for (size_t k = 0; k < key->len; k++) {
		if ((k == 0 || key->data[k - 1] == ' ') && key->len - k >= sizeof abd - 1 &&
		    memcmp(key->data + k, abd, sizeof abd - 1) == 0) {
			memmove(key->data + out, key->data + k, wn);
			out += wn;
			k += wn; /* the space */
			continue;
		}
		key->data[out++] = key->data[k];
	}
	key->len = out;
	key->data[out] = '\0';
}

/* Whether original text holds a tanween (U+064B..U+064D), the mark of an indefinite noun. */
static bool entity_has_tanween(const char *s, size_t n)
{
	for (size_t i = 0; i + 1 < n; i++)
		if ((unsigned char)s[i] == 0xd9 && (unsigned char)s[i + 1] >= 0x8b &&
		    (unsigned char)s[i + 1] <= 0x8d)
			return true;
	return false;
}

/* Whether original text [b, e) stands between quotation marks, blanks aside: «…», "…", “…”. */
static bool entity_in_quotes(const char *s, size_t b, size_t e)
{
	static const char *const opens[] = {"«", "\"", "“"}, *const closes[] = {"»", "\"", "”"};
	size_t len = strlen(s);
	while (b > 0 && s[b - 1] == ' ')
		b--;
	while (e < len && s[e] == ' ')
		e++;
	for (size_t k = 0; k < sizeof opens / sizeof *opens; k++) {
		size_t on = strlen(opens[k]), cn = strlen(closes[k]);
		if (b >= on && memcmp(s + b - on, opens[k], on) == 0 && len - e >= cn &&
		    memcmp(s + e, closes[k], cn) == 0)
			return true;
	}
	return false;
}

/* Whether a spaced dash stands between tokens k - 1 and k in the original text (a lone
 * tatweel «فيصل ـ رحمه الله ـ», an en or em dash, a hyphen): normalising drops it, yet it
 * closes a name as a comma does. */
static bool entity_dash_before(const struct ner_para *p, const char *orig, size_t k)
{
	static const char *const dashes[] = {"ـ", "–", "—", "-"};
	size_t pb, pe, ob, oe;
	norm_text_orig_span(&p->norm, p->toks[k - 1].beg, p->toks[k - 1].end, &pb, &pe);
	norm_text_orig_span(&p->norm, p->toks[k].beg, p->toks[k].end, &ob, &oe);
	if ((oe - ob >= 2 && memcmp(orig + ob, "ـ", 2) == 0) || (pe - pb >= 2 && memcmp(orig + pe - 2, "ـ", 2) == 0))
		return true; /* «عبدالعزيز ـرحمه»: a tatweel joins no letter at a word's edge */
	if (ob <= pe || !memchr(orig + pe, ' ', ob - pe))
		return false;
	for (size_t d = 0; d < sizeof dashes / sizeof *dashes; d++)
		if (memmem(orig + pe, ob - pe, dashes[d], strlen(dashes[d])) ||
		    (p->toks[k].kind == NORM_TOKEN_PUNCT && oe - ob == strlen(dashes[d]) &&
		     memcmp(orig + ob, dashes[d], oe - ob) == 0))
			return true; /* «عبدالله -رحمه الله-»: the dash a token of its own */
	return false;
}

/* Whether the spaced hyphen before token k of person [i, j) joins a hyphenated given name
 * («فرانك - فالتر شتاينماير»): one word before it, a hyphen token of its own, and after it a
 * name of two words or more that opens with no prayer, nationality or title. A dash between
 * two full names («حسين شيعان ـ متعب شراحيلي») or before a prayer («فيصل - رحمه الله») still
 * cuts. */
static bool entity_prayer(const struct ner_para *p, size_t k);

static bool entity_hyphenated_name(struct entity_scratch *x, size_t i, size_t k, size_t j)
{
	const struct ner_para *p = x->p;
	size_t after = k + 1;
	const char *w;
	if (k != i + 1 || p->toks[k].kind != NORM_TOKEN_PUNCT || p->toks[k].end - p->toks[k].beg != 1 ||
	    p->norm.s[p->toks[k].beg] != '-' || after + 1 >= j || p->toks[after].kind != NORM_TOKEN_WORD ||
	    !ner_tag_inside(p->tags[after]) || entity_is_title_word(x, i))
		return false;
	for (size_t t = after + 1; t < j; t++)
		if (p->toks[t].kind != NORM_TOKEN_WORD)
			return false; /* «عرفات - كرا - الهدا»: stops of a road, no name */
	w = p->norm.s + p->toks[after].beg;
	return !entity_prayer(p, after) && !entity_is_title_word(x, after) &&
	       !entity_country_nisba(x, w, p->toks[after].end - p->toks[after].beg) &&
	       !entity_ends_nisba(w, p->toks[after].end - p->toks[after].beg);
}

/* Whether word k, the last the tagger gave a person, is a noun in construct with the
 * untagged definite word after it («خبيرة التنمية», «مبعوث الأمم المتحدة»): an office or
 * a trade, no name of persons.txt nor any the lexicon knows. */
static bool entity_office_noun(const struct entity_scratch *x, const struct ner_para *p, size_t k)
{
	const char *w = p->norm.s + p->toks[k].beg;
	size_t n = p->toks[k].end - p->toks[k].beg;
	struct norm_split sp;
	if (n < 8 || k + 1 >= p->n || p->toks[k + 1].kind != NORM_TOKEN_WORD || p->tags[k + 1] != 0 ||
	    !entity_word_definite(p, k + 1) || entity_word_definite(p, k) ||
	    entity_country_nisba(x, p->norm.s + p->toks[k + 1].beg, p->toks[k + 1].end - p->toks[k + 1].beg))
		return false; /* not «… اليمني»: a nationality follows a name, not an office */
	norm_word_split(w, n, &sp);
	if (!((memcmp(w, "م", 2) == 0 && entity_letters(w, n) >= 5 && !entity_vowel_end(w, n)) ||
	      (memcmp(w + n - 2, "ه", 2) == 0 && entity_letters(w, n) >= 5)))
		return false; /* a participle (مبعوث، مأمور) or a feminine noun (خبيرة), not a
				 foreign name (ظريف، ميستورا) nor a short family name (مارم) */
	return sp.proclitic == 0 && !entity_known_word(x, w, n) &&
	       !entity_word_is(p, k - 1, "بن") && !entity_word_is(p, k - 1, "ابو") &&
	       !entity_word_is(p, k - 1, "عبد") && !entity_word_is(p, k - 1, "ال");
}

/* Whether words i and i + 1 are a place known as written and an indefinite word that no
 * place list knows (a name too: «عايد»), which the tagger ran on: not «سيدي بشر», «شرم ينبع» (their first word is no
 * known place), nor a name the lexicon or the gazetteer holds whole. */
static bool entity_place_then_word(struct entity_scratch *x, const struct ner_para *p, size_t i)
{
	const char *w = p->norm.s + p->toks[i].beg, *v = p->norm.s + p->toks[i + 1].beg;
	size_t n = p->toks[i].end - p->toks[i].beg, vn = p->toks[i + 1].end - p->toks[i + 1].beg;
	entity_phrase(p, i, i + 2, 0, false, &x->alt);
	return p->toks[i + 1].kind == NORM_TOKEN_WORD && (entity_world_place(x, w, n) || entity_rules_only_place(x->rules, w, n)) &&
	       !entity_place_known(x, x->alt.data, x->alt.len) && !entity_word_definite(p, i + 1) &&
	       !entity_world_place(x, v, vn) && !entity_rules_only_place(x->rules, v, vn) && !entity_ends_nisba(v, vn) &&
	       !entity_rules_is_place_trigger(x->rules, v, vn);
}

/* Whether word k opens a prayer after a name («ـ رحمه الله ـ», «غفر الله له»). */
static bool entity_prayer(const struct ner_para *p, size_t k)
{
	static const char *const verbs[] = {"رحمه", "رحمها", "يرحمه", "غفر", "حفظه",
					    "ايده",  "رعاه",  "طيب",   "رضي"};
	for (size_t v = 0; v < sizeof verbs / sizeof *verbs; v++)
		if (entity_word_is(p, k, verbs[v]))
			return k + 1 < p->n && entity_word_is(p, k + 1, "الله"); /* «رحمة الحويطي» is a name */
	return false;
}

/* Whether word k is the أبو of a kunya, part of the name it opens (أبو محمد). */
static bool entity_kunya(const struct ner_para *p, size_t k)
{
	return entity_word_is(p, k, "ابو") || entity_word_is(p, k, "وابو");
}

/* Whether word i is a preposition standing alone (في، من، عن، مع، على، إلى); على and إلى
 * only as written with ى, since their matching forms are the names علي and الي. */
static bool entity_preposition(const struct entity_scratch *x, const char *orig, size_t i)
{
	static const char *const preps[] = {"في", "من", "عن", "مع", "علي", "الي"};
	const struct ner_para *p = x->p;
	size_t ob, oe;

	for (size_t k = 0; k < sizeof preps / sizeof *preps; k++) {
		if (!entity_word_is(p, i, preps[k]))
			continue;
		if (k < 4)
			return true;
		norm_text_orig_span(&p->norm, p->toks[i].beg, p->toks[i].end, &ob, &oe);
		return oe - ob >= 2 && memcmp(orig + oe - 2, "ى", 2) == 0;
	}
	return false;
}

/* Whether a key of one word is a nisba adjective standing alone (الاتحادي، الكولومبي،
 * الأمريكية) and no known name: ال, a stem and ي or ية, where the stem is a word of the
 * article with ال (الاتحاد) or, with يا, ا or nothing after it, a place (كولومبيا). */
static bool entity_lone_nisba(const struct entity_scratch *x, const char *k, size_t n)
{
	static const char *const ends[] = {"يا", "ا", ""};
	size_t cut = n > 4 && memcmp(k + n - 4, "يه", 4) == 0 ? 4 : n > 2 && memcmp(k + n - 2, "ي", 2) == 0 ? 2 : 0;
	uint32_t id;

	if (cut == 0 || n < 4 + cut + 6 || memcmp(k, "ال", 4) != 0 || memchr(k, ' ', n) ||
	    ner_lexicon_known(x->lex, k, n) || entity_is_org(x, k, n) || entity_world_place(x, k, n) ||
	    entity_rules_only_place(x->rules, k, n))
		return false;
	if (strtab_find(&x->words, k, n - cut, &id))
		return true;
	for (size_t e = 0; e < sizeof ends / sizeof *ends; e++) {
		char buf[256];
		size_t sn = n - cut - 4, en = strlen(ends[e]);
		if (sn + en > sizeof buf)
			return false;
		memcpy(buf, k + 4, sn);
		memcpy(buf + sn, ends[e], en);
		if (entity_world_place(x, buf, sn + en))
			return true;
	}
	return false;
}

/* Whether token k is a definite masculine nisba of a country (الفرنسي، الإيطالي), which
 * after a city's name in an article about sport makes it the city's club. */
static bool entity_club_nisba(struct entity_scratch *x, const struct ner_para *p, size_t k)
{
	const char *w = p->norm.s + p->toks[k].beg;
	size_t n = p->toks[k].end - p->toks[k].beg;
	return p->toks[k].kind == NORM_TOKEN_WORD && p->tags[k] == 0 && n > 8 &&
	       memcmp(w + n - 2, "ي", 2) == 0 && memcmp(w + n - 4, "ي", 2) != 0 &&
	       entity_lone_nisba(x, w, n);
}

/* Whether token k is a trigger word alone, its clitics and ال aside (مجلس، للجامعة), and no
 * known name (the club الاتحاد). */
static bool entity_bare_trigger(const struct entity_scratch *x, const struct ner_para *p, size_t k)
{
	const char *w = p->norm.s + p->toks[k].beg;
	size_t n = p->toks[k].end - p->toks[k].beg;
	struct norm_split sp;
	norm_word_split(w, n, &sp);
	if (entity_is_org(x, w, n) || entity_is_org(x, w + sp.proclitic, n - sp.proclitic) ||
	    ner_lexicon_known(x->lex, w + sp.proclitic, n - sp.proclitic))
		return false; /* «الاتحاد» the club */
	return entity_rules_is_trigger(x->rules, w, n) || entity_rules_is_trigger(x->rules, w + sp.stem, n - sp.stem);
}

/* Whether word w reads as a name on its own: a given name of persons.txt, or two long
 * vowels after its first letter, as foreign names have (فابيان، قادري، خاييرو; not اسم، ابتهال). */
static bool entity_name_like(const struct entity_scratch *x, const char *w, size_t n)
{
	size_t vowels = 0;
	if (strtab_find(&x->rules->persons, w, n, &(uint32_t){0}))
		return true;
	for (size_t b = 2; b + 1 < n; b += 2)
		vowels += memcmp(w + b, "ا", 2) == 0 || memcmp(w + b, "و", 2) == 0 || memcmp(w + b, "ي", 2) == 0;
	return vowels >= 2;
}

/* Whether token i, a definite nisba (entity_lead_nisba), describes the man named after it in
 * the chunk ending at j: the next word is no verb (يـ: «الحوثي يهذي», a family name alone
 * before its verb), no ل word («الزويهري لكرسي الرئاسة»), no definite word (an adjective:
 * «الجامبوري الكشفي»), and two words follow or one that reads as a name («أمين الريحاني اسم
 * «القصر المنيع»», «الكبيسي ابتهال»: a family name and a noun). */
static bool entity_nisba_before_name(struct entity_scratch *x, size_t i, size_t j)
{
	const struct ner_para *p = x->p;
	const char *v = p->norm.s + p->toks[i + 1].beg;
	size_t vn = p->toks[i + 1].end - p->toks[i + 1].beg;
	return entity_lead_nisba(x, p->norm.s + p->toks[i].beg, p->toks[i].end - p->toks[i].beg) &&
	       p->toks[i + 1].kind == NORM_TOKEN_WORD && !entity_word_definite(p, i + 1) &&
	       !entity_verb_like(x, i + 1) && memcmp(v, "ل", 2) != 0 && !entity_is_stop_word(x, i + 1) &&
	       (j - i > 2 || entity_name_like(x, v, vn));
}

/* Whether the person at token i (titles before it aside) comes right after «دوري» or «كأس»
 * in construct (no ال: «النجم الدوري السابق كريس وودل» is a league's player), maybe after a
 * clitic: the league or cup bears his name. */
static bool entity_cup_named_for(struct entity_scratch *x, const struct ner_para *p, size_t i)
{
	const char *w;
	size_t n, skip;
	bool al;
	while (i > 0 && entity_is_title_word(x, i - 1))
		i--;
	if (i == 0 || p->toks[i - 1].kind != NORM_TOKEN_WORD)
		return false;
	w = p->norm.s + p->toks[i - 1].beg;
	n = p->toks[i - 1].end - p->toks[i - 1].beg;
	skip = entity_proclitic(p, i - 1, &al);
	return !al && ((n - skip == 8 && memcmp(w + skip, "دوري", 8) == 0) ||
		       (n - skip == 6 && memcmp(w + skip, "كاس", 6) == 0));
}

/* Whether token k is ب, ل or ك and three letters or fewer that open longer names of the
 * tagger's lists (سان فرانسيسكو) but that neither its curated places, the world's places nor
 * places.txt list alone, and no place as written: «لسان» (a tongue) is no ل + سان, while
 * بعدن، بمكة، لمصر are. */
static bool entity_short_after_clitic(const struct entity_scratch *x, const struct ner_para *p, size_t k)
{
	const char *w = p->norm.s + p->toks[k].beg;
	size_t n = p->toks[k].end - p->toks[k].beg;
	struct norm_split sp;
	norm_word_split(w, n, &sp);
	return sp.proclitic == 2 && sp.stem == 2 && memcmp(w, "و", 2) != 0 && memcmp(w, "ف", 2) != 0 &&
	       entity_letters(w + 2, n - 2) <= 3 && ner_lexicon_starts_phrase(x->lex, w + 2, n - 2) &&
	       !ner_lexicon_canonical(x->lex, w + 2, n - 2) && !entity_world_place(x, w + 2, n - 2) &&
	       !entity_rules_only_place(x->rules, w + 2, n - 2) && !entity_place_known(x, w, n);
}

/* Whether token i qualifies the military rank before it (العقيد ركن، اللواء بحري، الفريق أول،
 * العميد ركن طيار): part of the title, no part of the name. */
static bool entity_rank_qualifier(struct entity_scratch *x, const struct ner_para *p, size_t i)
{
	static const char *const quals[] = {"ركن", "الركن", "طيار", "بحري", "اول", "الاول", "مهندس", "دكتور"};
	static const char *const ranks[] = {"الفريق", "اللواء", "العميد", "العقيد", "المقدم", "الرائد",
					    "النقيب", "الملازم", "الرقيب", "العريف"};
	bool qual = false, after = false;
	for (size_t q = 0; q < sizeof quals / sizeof *quals && !qual; q++)
		qual = entity_word_is(p, i, quals[q]);
	if (!qual || i == 0)
		return false;
	for (size_t r = 0; r < sizeof ranks / sizeof *ranks && !after; r++)
		after = entity_word_is(p, i - 1, ranks[r]);
	for (size_t q = 0; q < sizeof quals / sizeof *quals && !after; q++)
		after = entity_word_is(p, i - 1, quals[q]) && entity_rank_qualifier(x, p, i - 1);
	return after;
}

/* Whether token k, an organisation's last word, is ل and an indefinite word no list knows,
 * as written or without ل (لمحافظة، لاستكمال، لدعم, a phrase the name does not end with;
 * not لطنجة, لندن). */
static bool entity_dangling_li(struct entity_scratch *x, const struct ner_para *p, size_t k)
{
	const char *w = p->norm.s + p->toks[k].beg;
	size_t n = p->toks[k].end - p->toks[k].beg;
	return p->toks[k].kind == NORM_TOKEN_WORD && n > 8 && memcmp(w, "ل", 2) == 0 &&
	       memcmp(w + 2, "ل", 2) != 0 && memcmp(w + 2, "ال", 4) != 0 && !entity_place_known(x, w, n) &&
	       !entity_is_org(x, w, n) && !entity_place_known(x, w + 2, n - 2) && !entity_is_org(x, w + 2, n - 2) &&
	       !entity_known_word(x, w + 2, n - 2);
}

/* Whether a key (matching form) is names of Latin letters only, as Arabic spells initials
 * (بي بي سي، سي إن إن، إف بي). */
static bool entity_letter_names(const char *k, size_t n)
{
	static const char *const letters[] = {"بي", "سي", "دي", "اف", "اس", "اي", "جي", "تي", "ام", "ان",
					      "كيه", "واي", "اتش", "او", "ايه", "ال", "ار", "اكس", "زد",
					      "كيو", "يو", "في", "دبليو", "اتش", "اتش", "كي", "بيه"};
	size_t b = 0;
	while (b < n) {
		size_t e = b, l;
		bool ok = false;
		while (e < n && k[e] != ' ')
			e++;
		for (l = 0; l < sizeof letters / sizeof *letters && !ok; l++)
			ok = strlen(letters[l]) == e - b && memcmp(k + b, letters[l], e - b) == 0;
		if (!ok)
			return false;
		b = e + 1;
	}
	return n > 0;
}

/* Whether a trigger word (صحيفة، شركة، قناة) comes before token i, quotes aside: what
 * follows is the body's name however short. */
static bool entity_named_by_trigger(const struct entity_scratch *x, const struct ner_para *p, size_t i)
{
	size_t k = i;
	struct norm_split sp;
	while (k > 0 && p->toks[k - 1].kind == NORM_TOKEN_PUNCT)
		k--;
	if (k == 0)
		return false;
	k--;
	const char *w = p->norm.s + p->toks[k].beg;
	size_t n = p->toks[k].end - p->toks[k].beg;
	norm_word_split(w, n, &sp);
	return entity_rules_is_trigger(x->rules, w, n) || entity_rules_is_trigger(x->rules, w + sp.stem, n - sp.stem);
}

static bool entity_letter_word(const struct ner_para *p, size_t k)
{
	return p->toks[k].kind == NORM_TOKEN_WORD &&
	       entity_letter_names(p->norm.s + p->toks[k].beg, p->toks[k].end - p->toks[k].beg);
}

/* Whether token k inside a person's chunk is و and a nisba that opens the next man's name
 * («مكسيس والبرازيلي كاكا», «فابيان والهاييتي قادري»), or ب, ف or ل and a country's nisba
 * («دروغبا بالكولومبي راداميل فالكاو»). */
static bool entity_and_nisba(struct entity_scratch *x, const struct ner_para *p, size_t k, size_t j)
{
	const char *w = p->norm.s + p->toks[k].beg;
	size_t n = p->toks[k].end - p->toks[k].beg;
	bool clitic_al = n > 6 && (memcmp(w, "وال", 6) == 0 || memcmp(w, "فال", 6) == 0 ||
				   memcmp(w, "بال", 6) == 0 || memcmp(w, "لل", 4) == 0);
	return clitic_al && memcmp(w + n - 2, "ي", 2) == 0 &&
	       (entity_country_nisba(x, w, n) ||
		(memcmp(w, "وال", 6) == 0 && entity_nisba_before_name(x, k, j)));
}

/* Whether token k is a definite plural nisba (الإعلاميين، المواطنين is none: …يين only),
 * people the sentence speaks of, never the last word of a name. */
static bool entity_plural_adjective(const struct ner_para *p, size_t k)
{
	const char *w = p->norm.s + p->toks[k].beg;
	size_t n = p->toks[k].end - p->toks[k].beg;
	return n > 4 + 8 && memcmp(w, "ال", 4) == 0 && memcmp(w + n - 6, "يين", 6) == 0;
}

/* An office in construct inside a man's chunk («محمد بن سلمان بن عبدالعزيز ولي ولي العهد»,
 * «… وزير الدفاع»): the name ends before it. Not «امير» or «شيخ», which open names too
 * (حسين أمير عبداللهيان), nor a word after ال، بن، ابو. */
static void entity_office_in_construct(struct entity_scratch *x, size_t i, size_t *j)
{
	const struct ner_para *p = x->p;
	for (size_t k = i + 1; k + 1 < *j; k++)
		if (!entity_word_is(p, k, "امير") && !entity_word_is(p, k, "شيخ") &&
		    entity_trailing_title(x, ENTITY_PERSON, i, k)) {
			*j = k;
			return;
		}
}

/* Whether word k carries the article, bare or behind a clitic (الأمن، بالاتحاد، والقروية،
 * للسياحة). */
static bool entity_article_word(const struct ner_para *p, size_t k)
{
	const char *w = p->norm.s + p->toks[k].beg;
	size_t n = p->toks[k].end - p->toks[k].beg;
	bool clitic = n > 6 && (memcmp(w, "و", 2) == 0 || memcmp(w, "ب", 2) == 0 || memcmp(w, "ف", 2) == 0 ||
				memcmp(w, "ك", 2) == 0);
	return entity_word_definite(p, k) || (clitic && memcmp(w + 2, "ال", 4) == 0) ||
	       (n > 4 && memcmp(w, "لل", 4) == 0);
}

/* Whether word k, inside a name after a definite word, starts a new phrase: a construct ends
 * at its definite noun, so a quantity after it is the verb's object («قوات الأمن المئات»),
 * and an indefinite Arabic word no list knows is the sentence's next word when it reads as a
 * verb («الاتحاد يصل») or follows a listed name («نادي الاتحاد برمي», «نادي الاتحاد
 * مبلغ»). Not after a royal title, which takes a name (الملك سلمان), nor a purpose phrase or
 * a coordinated word (لكرة القدم، وحماية), nor a name or a place (الأهلي جدة), nor ب and a
 * place (الغرفة التجارية الصناعية بأبها); a foreign name follows an indefinite word (نادي
 * ريال مدريد), and one after a foreign word read as definite stays (الديلي تليجراف). */
static bool entity_phrase_after_definite(const struct entity_scratch *x, size_t k)
{
	static const char *const quantities[] = {"المئات", "الالاف", "العشرات", "الملايين"};
	const struct ner_para *p = x->p;
	const char *w = p->norm.s + p->toks[k].beg;
	size_t n = p->toks[k].end - p->toks[k].beg;
	const char *pw = p->norm.s + p->toks[k - 1].beg;
	size_t pn = p->toks[k - 1].end - p->toks[k - 1].beg;
	if (p->toks[k].kind != NORM_TOKEN_WORD || p->toks[k - 1].kind != NORM_TOKEN_WORD ||
	    !entity_word_definite(p, k - 1) || entity_word_is(p, k - 1, "الملك") ||
	    entity_word_is(p, k - 1, "الامير") || entity_word_is(p, k - 1, "الامام") ||
	    entity_word_is(p, k - 1, "الشيخ"))
		return false;
	for (size_t h = 0; h < sizeof quantities / sizeof *quantities; h++)
		if (entity_word_is(p, k, quantities[h]))
			return true;
	if (!((unsigned char)w[0] & 0x80) || entity_letters(w, n) < 3 || entity_article_word(p, k) ||
	    memcmp(w, "ل", 2) == 0 || memcmp(w, "و", 2) == 0 || entity_known_word(x, w, n) ||
	    entity_place_known(x, w, n) || (memcmp(w, "ب", 2) == 0 && entity_place_known(x, w + 2, n - 2)))
		return false;
	return entity_verb_like(x, k) || entity_is_org(x, pw, pn);
}

/* Whether a word ends as a feminine noun or adjective does (…ة, …ات, …اء): no adjective of a
 * masculine name, and a noun an adjective after it may agree with. */
static bool entity_feminine_end(const char *w, size_t n)
{
	return n >= 6 && (memcmp(w + n - 2, "ه", 2) == 0 || memcmp(w + n - 4, "ات", 4) == 0 ||
			  memcmp(w + n - 4, "اء", 4) == 0);
}

/* Where a listed name of masculine words at the head of org chunk [i, j) ends when a definite
 * feminine word follows it, else j. A definite word after a definite noun is its adjective or
 * the next phrase (no construct's noun), and an adjective agrees with its noun: «الاتحاد
 * الصعداء», «الأهلي الجديدة», «جماهير الاتحاد الوفية», «مجلس النواب المتواجدة» end before it.
 * A listed longer name stays (الإخوان المسلمين), so does a masculine nisba (الأهلي المصري) or a
 * country's (قوات حرس الحدود الباكستانية: not the listed Saudi force), and a feminine word in
 * the name lets the adjective agree with it (صندوق التنمية العقارية). */
static size_t entity_listed_name_end(struct entity_scratch *x, size_t i, size_t j)
{
	const struct ner_para *p = x->p;
	bool al;
	size_t skip = entity_proclitic(p, i, &al);

	for (size_t k = i + 1; k < j && k <= i + ENTITY_ORG_WORDS; k++) {
		const char *w = p->norm.s + p->toks[k - 1].beg;
		size_t n = p->toks[k - 1].end - p->toks[k - 1].beg;
		if (p->toks[k - 1].kind != NORM_TOKEN_WORD || entity_feminine_end(w, n))
			return j;
		w = p->norm.s + p->toks[k].beg, n = p->toks[k].end - p->toks[k].beg;
		if (p->toks[k].kind != NORM_TOKEN_WORD || !entity_word_definite(p, k) ||
		    !entity_word_definite(p, k - 1) || !entity_feminine_end(w, n) ||
		    entity_country_nisba(x, w, n))
			continue; /* «قوات حرس الحدود الباكستانية»: whose force it is */
		entity_phrase(p, i, k, skip, al, &x->alt);
		if (!entity_is_org(x, x->alt.data, x->alt.len))
			continue;
		entity_phrase(p, i, k + 1, skip, al, &x->alt);
		if (entity_is_org(x, x->alt.data, x->alt.len))
			return j;
		entity_phrase(p, i, j, skip, al, &x->alt);
		return entity_is_org(x, x->alt.data, x->alt.len) ? j : k;
	}
	return j;
}

/* Whether words i and i + 1 are «شبه» (behind و or ب too) and a word other than الجزيرة or
 * القارة: the tagger, which knows شبه الجزيرة العربية, reads «almost» and an adjective or a
 * noun as a place (شبه عارية، شبه اتفاق، شبه جزيرة with no name). */
static bool entity_semi_word(const struct ner_para *p, size_t i)
{
	bool semi = entity_word_is(p, i, "شبه") || entity_word_is(p, i, "وشبه") || entity_word_is(p, i, "بشبه");
	return semi && !entity_word_is(p, i + 1, "الجزيره") && !entity_word_is(p, i + 1, "القاره");
}

/* Whether word i of a place, behind و، ف، ب or ل or bare, is «ولاية» before an indefinite
 * word: a state's word before its name (بولاية أوهايو), which the sidebar lists as the name
 * alone like a province's; ولاية is no place trigger, a word too (ولاية ثانية، ولاية الفقيه). */
static bool entity_state_word(const struct ner_para *p, size_t i)
{
	const char *w = p->norm.s + p->toks[i].beg;
	size_t n = p->toks[i].end - p->toks[i].beg, len = strlen("ولايه");
	if (entity_word_definite(p, i + 1) || n < len || n > len + 4 || memcmp(w + n - len, "ولايه", len) != 0)
		return false;
	for (size_t k = 0; k < n - len; k += 2)
		if (memcmp(w + k, "و", 2) != 0 && memcmp(w + k, "ف", 2) != 0 && memcmp(w + k, "ب", 2) != 0 &&
		    memcmp(w + k, "ل", 2) != 0)
			return false;
	return true;
}

/* Whether words i and i + 1 of a place are a definite place the lists know and a definite
 * word that is no nisba (…ي، …ية), while the lists know no such two-word place: a definite
 * noun heads no construct, so the word after it is the next phrase or an epithet («الخرج
 * السابقين», «الطائف الشهر», «البصرة الثقيل»: a crude; not المدينة المنورة, a listed name). */
static bool entity_definite_after_place(struct entity_scratch *x, size_t i)
{
	const struct ner_para *p = x->p;
	const char *w = p->norm.s + p->toks[i].beg, *a = p->norm.s + p->toks[i + 1].beg;
	size_t n = p->toks[i].end - p->toks[i].beg, an = p->toks[i + 1].end - p->toks[i + 1].beg;
	if (!entity_word_definite(p, i) || !entity_word_definite(p, i + 1) || memcmp(a + an - 2, "ي", 2) == 0 ||
	    (an > 4 && memcmp(a + an - 4, "يه", 4) == 0) || !entity_place_known(x, w, n))
		return false;
	entity_phrase(p, i, i + 2, 0, false, &x->alt);
	return !entity_place_known(x, x->alt.data, x->alt.len);
}

/* Whether word k is a country's feminine nisba with ال (الإيطالية، الأمريكية), which after a
 * town's one-word name says where the town is (ميلانو الإيطالية، أغادير المغربية). */
static bool entity_country_adjective(const struct entity_scratch *x, size_t k)
{
	const struct ner_para *p = x->p;
	const char *w = p->norm.s + p->toks[k].beg;
	size_t n = p->toks[k].end - p->toks[k].beg;
	return entity_word_definite(p, k) && n > 8 && memcmp(w + n - 4, "يه", 4) == 0 &&
	       entity_country_nisba(x, w, n);
}

/* Whether word j is a compass point's or «اللاتينية»'s feminine adjective after a continent
 * or a divided country at word i, maybe behind و، ب، ل or ف (its bytes in *skip), naming a
 * region or a state (أمريكا الجنوبية، بآسيا الوسطى، كوريا الشمالية; not «أبين الجنوبية», a
 * governorate in the south). */
static bool entity_region_adjective(const struct entity_scratch *x, size_t i, size_t j, size_t *skip)
{
	static const char *const regions[] = {"امريكا", "اميركا", "افريقيا", "اسيا", "اوروبا", "كوريا", "ايرلندا"};
	static const char *const words[] = {"الجنوبيه", "الشماليه", "الشرقيه", "الغربيه", "الوسطي", "اللاتينيه"};
	const char *w = x->p->norm.s + x->p->toks[i].beg;
	size_t n = x->p->toks[i].end - x->p->toks[i].beg;
	bool region = false;
	*skip = 0;
	for (const char *const *c = (const char *const[]){"و", "ب", "ل", "ف", NULL}; *c && n > 2; c++)
		if (memcmp(w, *c, 2) == 0)
			*skip = 2;
	for (size_t h = 0; h < sizeof regions / sizeof *regions && !region; h++)
		for (size_t s = 0; s <= *skip && !region; s += 2)
			if (n - s == strlen(regions[h]) && memcmp(w + s, regions[h], n - s) == 0)
				region = true, *skip = s;
	for (size_t h = 0; h < sizeof words / sizeof *words && region; h++)
		if (entity_word_is(x->p, j, words[h]))
			return true;
	return false;
}

/* One tagged chunk [i, j) of a paragraph becomes a mention. */
static void entity_chunk(struct entity_scratch *x, const char *orig, long para, size_t i, size_t j,
			 enum entity_type type)
{
	const struct ner_para *p = x->p;
	struct entity_mention m = {.para = (int32_t)para};
	size_t skip, ob, oe;
	const char *canon;
	bool al = false, national = false, thing = false;

	while (i < j && p->toks[i].kind == NORM_TOKEN_PUNCT)
		i++;
	while (j > i && p->toks[j - 1].kind == NORM_TOKEN_PUNCT)
		j--;
	for (size_t k = i + 1; type != ENTITY_DATE && k < j; k++)
		if (entity_dash_before(p, orig, k) && !(type == ENTITY_PERSON && entity_hyphenated_name(x, i, k, j))) {
			if (type == ENTITY_PERSON && !entity_prayer(p, k))
				entity_chunk(x, orig, para, k, j, type); /* «حسين شيعان ـ متعب شراحيلي»;
									   not «هافينغتون بوست ـ عربي» */
			j = k; /* «فيصل ـ رحمه الله»: the name ends at the dash */
		}
	for (size_t k = i + 1; type == ENTITY_PERSON && k + 1 < j; k++)
		if (entity_and_nisba(x, p, k, j)) {
			entity_chunk(x, orig, para, k, j, type); /* «فابيان والهاييتي قادري»: two men */
			j = k;
			break;
		}
	for (bool nisba = false; type == ENTITY_PERSON && j - i > 1 &&
	     ((entity_is_title_word(x, i) && !entity_kunya(p, i)) || entity_rank_qualifier(x, p, i) ||
	      (nisba = entity_country_nisba(x, p->norm.s + p->toks[i].beg, p->toks[i].end - p->toks[i].beg)) ||
	      (nisba = entity_nisba_before_name(x, i, j)));
	     nisba = false)
		i++, national |= nisba; /* «وزير الخارجية الروسي سيرغي لافروف» is سيرغي لافروف;
					   «أبو ماريا القحطاني» stays; «الكرواتي زلاتكو»: a
					   nationality in front is no part of the name, and
					   evidence enough for a name seen once */
	while (type == ENTITY_PERSON && j - i > 1 &&
	       entity_country_nisba(x, p->norm.s + p->toks[j - 1].beg, p->toks[j - 1].end - p->toks[j - 1].beg))
		j--, national = true; /* «نيمار والأوروغوياني»: the next name's nationality */
	while (type == ENTITY_PERSON && j - i > 1 && entity_plural_adjective(p, j - 1))
		j--; /* «فيصل بن خالد الإعلاميين»: the verb's object after the name */
	if (type == ENTITY_PLACE && j - i == 1 && j < p->n && p->tags[j] == 0 && entity_region_adjective(x, i, j, &skip)) {
		j++; /* «أمريكا الجنوبية», «آسيا الوسطى»: a region, not the continent */
		x->lead[i] = (uint8_t)skip; /* «بأمريكا الجنوبية» */
	}
	entity_phrase(p, i, j, x->lead[i], x->lead_al[i], &x->key);
	while (type != ENTITY_DATE && j > i && entity_is_stop_word(x, j - 1) &&
	       !entity_is_org(x, x->key.data, x->key.len) && !(type == ENTITY_PERSON && x->sure[i] && j - i > 1) &&
	       !(type == ENTITY_ORG && x->sure[i] && i > 0 && entity_quote_at(p, i - 1) && j < p->n && entity_quote_at(p, j)) &&
	       !(j - i > 1 && entity_letter_word(p, j - 2) && !entity_is_stop_word(x, j - 2) && entity_letter_word(p, j - 1)))
		j--; /* «ترامب على»; not «وكالة فرانس برس», a listed name, nor a team sheet's «حسن
			معاذ» (its items are cut at commas), nor initials («إف بي آي», «سي إن إن»),
			nor a body's name its quotes close («شبكة «إم.تي.في»») */
	if (i == j)
		return; /* stop words only: the tests below read token i */
	while (type != ENTITY_DATE && j - i > 1 &&
	       (entity_preposition(x, orig, i) || (entity_verb_like(x, i) && entity_word_definite(p, i + 1)) ||
		(type == ENTITY_PERSON && entity_future_verb(x, i))))
		i++; /* «على تويتر», «سيدرس الاتحاد الأوروبي»: a preposition, or a verb and its subject
			(«سيمون ويزنتال» is a name) */
	if (type == ENTITY_PERSON && j - i == 1 && entity_verb_like(x, i) && entity_pronoun_end(x, i))
		return; /* «يرافقها»: a verb and its object */
	for (size_t k = i + 1; type == ENTITY_PERSON && k < j; k++)
		if (entity_prayer(p, k) || entity_word_is(p, k, "قوله") ||
		    entity_word_is(p, k, "قولها"))
			j = k; /* «عثمان رضي الله عنه»: a prayer after the name, no dash before it;
				  «ونقلت عن إبراهيم أبو دياب قوله»: what he said */
	for (size_t k = i + 1; type == ENTITY_PERSON && k + 1 < j; k++)
		if (entity_word_definite(p, k - 1) && entity_verb_like(x, k)) {
			entity_chunk(x, orig, para, k + 1, j, type); /* «القروني يرفض هزازي»: a man,
									 his verb and its object */
			j = k;
			break;
		}
	if (type == ENTITY_PERSON && j - i == 2 && entity_word_is(p, i, "لصالح") &&
	    entity_word_definite(p, i + 1) &&
	    !entity_known_word(x, p->norm.s + p->toks[i + 1].beg,
			       p->toks[i + 1].end - p->toks[i + 1].beg))
		return; /* «وانتهت لصالح الجانرز»: in favour of, no صالح */
	while (type == ENTITY_PLACE && j - i >= 2 && entity_state_word(p, i))
		i++; /* «بولاية أوهايو» is أوهايو */
	if (type == ENTITY_PLACE && j - i == 2 && entity_definite_after_place(x, i))
		j--; /* «الخرج السابقين», «الطائف الشهر»: the place and the next phrase */
	if (type == ENTITY_PLACE && j - i == 2 && !entity_word_definite(p, i) && entity_country_adjective(x, i + 1))
		j--; /* «ميلانو الإيطالية»: the town and its country's adjective */
	if (type == ENTITY_PLACE && j - i == 2 && entity_semi_word(p, i))
		return; /* «شبه عارية», «شبه اتفاق»: «almost», no peninsula */
	if (type == ENTITY_PERSON && j - i == 2 && entity_word_is(p, i + 1, "الجنسيه"))
		return; /* «محمد شريف -باكستاني الجنسية»: his nationality, after the dash */
	if ((type == ENTITY_ORG && entity_work_title(p, i)) ||
	    ((type == ENTITY_PERSON || type == ENTITY_ORG) && entity_disease_name(x, &i, j)))
		type = ENTITY_MISC, thing = true; /* «أغنية «بلانك سبيس»», «بفيروس كورونا»: a song's
						     title, a disease, no man's or body's name,
						     wherever the article writes it alone
						     (entity_vote_types) */
	else if (type == ENTITY_PERSON)
		entity_person_span(x, &i, &j);
	if (i == j || (type == ENTITY_PERSON && entity_prayer(p, i)))
		return; /* «غفر الله له»: a prayer, no name */
	while ((type == ENTITY_PERSON || type == ENTITY_PLACE) && j - i > 1 && entity_trailing_title(x, type, i, j - 1))
		j--; /* «سعود بن نومة شيخ …», «قرية ابن نومة الشيخ عبدالرحمن»: the title after the
			name is the next name's or an office */
	if (type == ENTITY_PERSON)
		entity_office_in_construct(x, i, &j);
	if (type == ENTITY_PERSON)
		entity_person_before_org(x, i, &j);
	if (type == ENTITY_PERSON && j - i >= 3 && entity_office_noun(x, p, j - 1))
		j--; /* «منى أبو سليمان خبيرة التنمية البشرية»: her office, in construct */
	if (type == ENTITY_ORG)
		j = entity_listed_name_end(x, i, j);
	for (size_t k = i + 1; type == ENTITY_ORG && k < j; k++)
		if (entity_phrase_after_definite(x, k) && !entity_is_org(x, x->key.data, x->key.len)) {
			j = k;
			break;
		}
	while ((type == ENTITY_ORG || type == ENTITY_PLACE) && j - i > 1 &&
	       ((type == ENTITY_ORG && (entity_verb_like(x, j - 1) || entity_rank_before_person(x, j - 1) ||
					(j - i > 2 && entity_feminine_verb(x, j - 1)))) ||
		entity_rules_org_stop(x->rules, p->norm.s + p->toks[j - 1].beg, p->toks[j - 1].end - p->toks[j - 1].beg)))
		j--; /* «الاتحاد يتدرب»: the sentence's verb; «تنظيم داعش الإرهابي», «الطائف القبض»:
			what is said of it or done; «شرطة منطقة القصيم الرائد بدر»: its officer's rank */
	if (type == ENTITY_ORG && j - i >= 3 && entity_dangling_li(x, p, j - 1))
		j--; /* «المركز الإداري لمحافظة», «اللجنة المحلية لاستكمال»: a purpose or a
			construct the tagger cut off; «الجماعة الحضرية لطنجة» stays */
	if (type == ENTITY_PLACE && j - i == 2 && entity_place_then_word(x, p, i))
		j--; /* «الرياض عايد كبار التنفيذيين»: a known place and the sentence's next word */
	while (type == ENTITY_PLACE && j - i > 1 && entity_verb_like(x, j - 1) &&
	       !entity_place_known(x, p->norm.s + p->toks[j - 1].beg, p->toks[j - 1].end - p->toks[j - 1].beg))
		j--; /* «أمين المدينة يترأس»: the sentence's verb */
	if (type == ENTITY_ORG && j - i == 1 &&
	    (entity_bare_trigger(x, p, i) ||
	     entity_rules_org_stop(x->rules, p->norm.s + p->toks[i].beg, p->toks[i].end - p->toks[i].beg)))
		return; /* «مجلس», «للجامعة»: a kind of body, no name; «المكلف»: a word after one */
	if (type == ENTITY_ORG && j - i > 1 &&
	    (entity_word_is(p, j - 1, "المنطقه") || entity_word_is(p, j - 1, "المحافظه") ||
	     entity_word_is(p, j - 1, "الوزاره") || entity_word_is(p, j - 1, "الشركه")))
		return; /* «حرس حدود المنطقة», «إمارة المنطقة», «وكالة الوزارة»: a body of the
			   region, ministry or firm the story is about, named by no name (but «بنك
			   البلاد», «مجلس الدولة» are names) */
	for (size_t k = i; type == ENTITY_PERSON && k < j; k++)
		if (entity_plural_nisba(x, p, k))
			return; /* «رجلان سعوديان», «إيرانيي الهوى»: people described */
	if (type == ENTITY_PLACE && j - i == 1 && !x->lead[i] && entity_short_after_clitic(x, p, i))
		return; /* «من لسان المعلمة»: ل + سان, a word the tagger's lists have as a piece */
	if (type == ENTITY_PLACE && j - i == 1 && entity_nisba_after_noun(x, i))
		return; /* «السوق السعودية»: an adjective, not the country */
	if (j - i >= 2 && type == ENTITY_ORG && entity_trigger_and_participle(x, i))
		return; /* «جماعة مسلحة», «منظمة محظورة»: a kind of body described */
	if (j - i == 2 && type == ENTITY_ORG && !x->sure[i] && entity_noun_and_adjective(x, i))
		return; /* «تنظيم كروي»: a noun and its adjective (a person's name may end so:
			   «ليونيل ميسي») */
	if (type == ENTITY_PERSON && entity_cup_named_for(x, p, i))
		return; /* «دوري عبداللطيف جميل», «كأس الأمير فيصل بن فهد»: a competition named
			   after a man, not the man */
	if ((type == ENTITY_PLACE || type == ENTITY_ORG) && (entity_after_event(x, p, i) || entity_copa(p, i)))
		return; /* «كأس آسيا», «ماراثون أوستين», «كأس الاتحاد الإنجليزي»: inside an event's name */
	if (type == ENTITY_PLACE && x->sport && j < p->n && entity_club_nisba(x, p, j))
		type = ENTITY_ORG; /* «موناكو الفرنسي»: a city is feminine, its club masculine */
	else if (type == ENTITY_PERSON && x->sport && j - i == 1 && j < p->n && p->toks[j].kind == NORM_TOKEN_WORD &&
		 p->toks[j].end - p->toks[j].beg > 4 && memcmp(p->norm.s + p->toks[j].end - 2, "ي", 2) == 0 &&
		 entity_country_nisba(x, p->norm.s + p->toks[j].beg, p->toks[j].end - p->toks[j].beg) &&
		 !entity_known_word(x, p->norm.s + p->toks[i].beg, p->toks[i].end - p->toks[i].beg) &&
		 !(i > 0 && entity_is_title_word(x, i - 1)))
		type = ENTITY_ORG; /* «بختاكور الأوزبكي»: a team sheet's table puts the country after
				      its clubs, a story before its players (البرازيلي نيمار) */
	if (i == j || (j - i == 1 && (entity_is_title_word(x, i) || entity_is_stop_word(x, i))))
		return;
	if (x->lead[i])
		skip = x->lead[i], al = x->lead_al[i];
	else if (type == ENTITY_PERSON && (skip = entity_person_clitic(x, i)) > 0)
		al = false;
	else
		skip = type == ENTITY_DATE ? 0 : entity_clitics(x, i, j, type, &al);
	entity_phrase(p, i, j, skip, skip && al, &x->key);
	if (entity_rules_not_name(x->rules, x->key.data, x->key.len))
		return; /* «نظير», «العهد»: words, not names */
	if (type != ENTITY_ORG && type != ENTITY_DATE && entity_is_org(x, x->key.data, x->key.len))
		type = ENTITY_ORG; /* a known organisation, whatever the tagger thought */
	else if (type == ENTITY_PERSON && j - i == 1 &&
		 entity_rules_only_place(x->rules, x->key.data, x->key.len))
		type = ENTITY_PLACE; /* «عسير» is a region, never a man */
	if ((canon = ner_lexicon_canonical(x->lex, x->key.data, x->key.len)) != NULL ||
	    (canon = entity_rules_org_canonical(x->rules, x->key.data, x->key.len)) != NULL) {
		x->key.len = 0;
		strbuf_append(&x->key, canon, strlen(canon));
	}
	entity_key_compact(&x->key);
	if (type != ENTITY_DATE && entity_letter_names(x->key.data, x->key.len)) {
		if (!memchr(x->key.data, ' ', x->key.len) && !entity_is_org(x, x->key.data, x->key.len) &&
		    !entity_named_by_trigger(x, p, i))
			return; /* «سي», «إس»: one letter of an acronym the tagger cut (not «صحيفة "اس"») */
		if (j < p->n && p->toks[j].kind == NORM_TOKEN_NUMBER)
			return; /* «إس إيه 11», «إف 16»: a model's letters and number */
		if (type == ENTITY_PERSON)
			type = ENTITY_ORG; /* «اس تي سي», «إل جي»: a firm's or channel's initials */
	}
	if (type != ENTITY_PERSON && type != ENTITY_DATE && entity_lone_nisba(x, x->key.data, x->key.len))
		return; /* «الاتحادي», «الكولومبي»: an adjective, no organisation or place */
	if ((type == ENTITY_ORG || type == ENTITY_PLACE) && entity_bare_nationality(x, x->key.data, x->key.len))
		return; /* «سعودي الجنسية»: a man's nationality */
	if (type == ENTITY_ORG && entity_rules_is_paper(x->rules, x->a->source, x->key.data, x->key.len))
		return; /* «الشرق الأوسط» in its own articles: the paper, not the story */
	norm_text_orig_span(&p->norm, p->toks[i].beg + skip, p->toks[j - 1].end, &ob, &oe);
	if (para == 0 && ob < x->a->dateline_end)
		return; /* the dateline's place and agency are the article's metadata */
	if (furniture_covers(&x->cut, para, ob))
		return;
	if (entity_has_tanween(orig + ob, oe - ob))
		return; /* «نارًا», «ميدانيًا»: a name never takes tanween */
	if (type == ENTITY_PLACE && entity_rules_is_paper(x->rules, x->a->source, x->key.data, x->key.len) &&
	    entity_in_quotes(orig, ob, oe))
		return; /* «لـ«الشرق الأوسط»» in its own articles: the paper quoted, not the region */
	if (memchr(orig + ob, '_', oe - ob) || (ob > 0 && orig[ob - 1] == '#'))
		return; /* a hashtag («#عزام_الدخيل») names a topic, not as a reader writes a name */
	while (oe > ob && (orig[oe - 1] == ' ' || orig[oe - 1] == '\t'))
		oe--;
	m.beg = (uint32_t)ob;
	m.end = (uint32_t)oe;
	entity_add_mention(x, type, x->key.data, x->key.len, m)->sure |=
		x->sure[i] || national || thing;
}

/* Tags [i, j) become one organisation; a chunk it cut into starts again after it. */
void entity_retag(struct entity_scratch *x, struct ner_para *p, size_t i, size_t j,
			 int type, size_t skip, bool al)
{
	for (size_t k = i; k < j; k++)
		p->tags[k] = (uint8_t)ner_tag_make(type, k > i);
	if (j < p->n && ner_tag_inside(p->tags[j]))
		p->tags[j] = (uint8_t)ner_tag_make(ner_tag_type(p->tags[j]), false);
	x->lead[i] = (uint8_t)skip;
	x->lead_al[i] = al;
}

/* Whether token k is a one-word person of places.txt, which is a place (عسير). */
bool entity_place_as_person(const struct entity_scratch *x, const struct ner_para *p, size_t k)
{
	return p->tags[k] == ner_tag_make(NER_PERS, false) &&
	       (k + 1 == p->n || !ner_tag_inside(p->tags[k + 1])) &&
	       entity_rules_only_place(x->rules, p->norm.s + p->toks[k].beg, p->toks[k].end - p->toks[k].beg);
}

/* Whether token k is a place: tagged one, or known as written. */
bool entity_place_at(const struct entity_scratch *x, const struct ner_para *p, size_t k)
{
	if (k >= p->n || p->toks[k].kind != NORM_TOKEN_WORD)
		return false;
	if (ner_tag_type(p->tags[k]) == NER_LOC || entity_place_as_person(x, p, k))
		return true;
	return p->tags[k] == 0 &&
	       entity_place_known(x, p->norm.s + p->toks[k].beg, p->toks[k].end - p->toks[k].beg);
}

/* Whether a word ends as a nisba does (…ي, …ية). */
bool entity_ends_nisba(const char *w, size_t n)
{
	return (n > 2 && memcmp(w + n - 2, "ي", 2) == 0) || (n > 4 && memcmp(w + n - 4, "يه", 4) == 0);
}

#define ENTITY_WORLD_WORDS 3

/* Whether token k is a year: four digits, maybe with هـ or م after them (1436هـ). */
static bool entity_year_at(const struct ner_para *p, size_t k)
{
	const char *w = p->norm.s + (k < p->n ? p->toks[k].beg : 0);
	size_t n = k < p->n ? p->toks[k].end - p->toks[k].beg : 0, d = 0;
	while (d < n && w[d] >= '0' && w[d] <= '9')
		d++;
	return d == 4 && (n == 4 || (n == 6 && (memcmp(w + 4, "ه", 2) == 0 || memcmp(w + 4, "م", 2) == 0)));
}

/* Whether the tokens of [i, e) may be a world place's words: untagged, or, after untagged
 * ones, the tagger's whole name chunk, or its place chunk when the phrase is a place of
 * places.txt (خميس مشيط, where خميس read as Thursday left «مشيط») or the words before it a
 * compass point (جنوب إفريقيا); not بابا الفاتيكان, the Pope of a place. */
static bool entity_world_tail(struct entity_scratch *x, const struct ner_para *p, size_t i, size_t e,
			      size_t skip, bool al)
{
	static const char *const compass[] = {"جنوب", "شمال", "شرق", "غرب"};
	size_t k = e - 1, s = k;
	if (p->tags[k] == 0)
		return k == i || p->tags[k - 1] == 0; /* nothing after the chunk */
	if (ner_tag_type(p->tags[k]) == NER_ORG || (e < p->n && ner_tag_inside(p->tags[e])))
		return false;
	while (s > i && ner_tag_inside(p->tags[s]))
		s--;
	if (s == i || ner_tag_inside(p->tags[s]) || p->tags[s - 1] != 0)
		return false;
	for (size_t c = 0; c < sizeof compass / sizeof *compass; c++)
		if (s == i + 1 && entity_word_is(p, i, compass[c]))
			return true;
	entity_phrase(p, i, e, skip, al, &x->alt); /* «وخميس مشيط» */
	return entity_rules_only_place(x->rules, x->alt.data, x->alt.len) || ner_tag_type(p->tags[s]) != NER_LOC;
}

/* Countries and cities of world_places.txt the tagger left untagged («في منطقتي إدلب
 * واللاذقية», «بأبها»): the longest name over untagged words, its first word as written or,
 * when it is no place as written, without its clitics (entity_world_clitic). */
static void entity_world_places(struct entity_scratch *x, struct ner_para *p)
{
	for (size_t i = 0; i < p->n;) {
		const char *w = p->norm.s + p->toks[i].beg;
		size_t best = 0, bskip = 0, n = p->toks[i].end - p->toks[i].beg;
		bool bal = false;
		for (int bare = 0; bare < 3 && p->tags[i] == 0 && p->toks[i].kind == NORM_TOKEN_WORD; bare++) {
			bool al = false, longer = true;
			size_t skip = bare ? entity_proclitic(p, i, &al) : 0;
			if (bare == 1 && skip == 0 && !al)
				break; /* nothing to take off: the same lookups as written, none longer */
			if (bare == 2) { /* «وليبيا»: the conjunction alone, not و + ل */
				if (skip <= 2 || al || !(memcmp(w, "و", 2) == 0 || memcmp(w, "ف", 2) == 0))
					break;
				skip = 2;
			}
			/* a clitic comes off a lone word only when enough is left (علينا is no
			   ع + لينا); off a name of more words always (وخميس مشيط) */
			bool lone_ok = !bare || entity_world_clitic(w, n, skip, al);
			for (size_t l = 1; l <= ENTITY_WORLD_WORDS && i + l <= p->n && longer &&
					   entity_world_tail(x, p, i, i + l, skip, al); l++) {
				const char *s = w + skip; /* one bare word is looked up where it is */
				size_t sn = n - skip;
				if (l == 1 && !lone_ok)
					continue;
				if (l > 1 || al) {
					entity_phrase(p, i, i + l, skip, al, &x->alt);
					s = x->alt.data, sn = x->alt.len;
				}
				if (!entity_rules_world_place(x->rules, s, sn, &longer) || l <= best ||
				    ner_lexicon_is_stop(x->lex, s, sn))
					continue;
				if (bare && entity_place_known(x, w, n))
					break; /* a place as written keeps its first letters (باريس) */
				best = l, bskip = skip, bal = al;
			}
		}
		if (best && !entity_after_event(x, p, i) && !(i > 0 && p->toks[i - 1].kind == NORM_TOKEN_NUMBER) &&
		    !entity_year_at(p, i + best))
			entity_retag(x, p, i, i + best, NER_LOC, bskip, bal); /* «30 ميلا» counts miles;
										 «لحج 1436هـ», «قطر 2022»
										 name a season or event */
		i += best ? best : 1;
	}
}


/* A place of the world's list that the tagger cut into pieces is one place: the tagger's
 * place and the words after it, places or untagged, that make up a longer name of the list
 * (بابوا، غينيا and الجديدة: بابوا غينيا الجديدة). */
static void entity_world_joins(struct entity_scratch *x, struct ner_para *p)
{
	for (size_t i = 0; i < p->n; i++) {
		size_t e = i + 1;
		if (p->tags[i] != ner_tag_make(NER_LOC, false) || x->lead[i] != 0)
			continue;
		while (e < p->n && p->tags[e] == ner_tag_make(NER_LOC, true))
			e++;
		for (size_t l = ENTITY_WORLD_WORDS; l > e - i; l--) {
			bool longer, ok = i + l <= p->n;
			for (size_t k = e; ok && k < i + l; k++)
				ok = p->toks[k].kind == NORM_TOKEN_WORD &&
				     (p->tags[k] == 0 || ner_tag_type(p->tags[k]) == NER_LOC);
			if (!ok || (i + l < p->n && ner_tag_inside(p->tags[i + l])))
				continue; /* never half of the tagger's next chunk */
			entity_phrase(p, i, i + l, 0, false, &x->alt);
			if (!entity_rules_world_place(x->rules, x->alt.data, x->alt.len, &longer))
				continue;
			entity_retag(x, p, i, i + l, NER_LOC, 0, false);
			e = i + l;
			break;
		}
		i = e - 1;
	}
}

/* Whether token k closes its sentence or list item: punctuation or the text's end next. */
static bool entity_closes(const struct ner_para *p, size_t k)
{
	return k + 1 == p->n || p->toks[k + 1].kind == NORM_TOKEN_PUNCT;
}

/* Whether untagged word k may be a piece of a name the tagger left off: no stop word, title,
 * verb or word of not_names.txt, and, when bare is set, no clitic in front. */
static bool entity_name_piece(struct entity_scratch *x, const struct ner_para *p, size_t k, bool bare)
{
	const char *w = p->norm.s + p->toks[k].beg;
	size_t n = p->toks[k].end - p->toks[k].beg;
	struct norm_split sp;

	if (p->toks[k].kind != NORM_TOKEN_WORD || p->tags[k] != 0 || ner_lexicon_is_stop(x->lex, w, n) ||
	    entity_is_title_word(x, k) || entity_verb_like(x, k) || entity_rules_not_name(x->rules, w, n))
		return false;
	if (!bare)
		return true;
	norm_word_split(w, n, &sp);
	if (sp.proclitic == 2 && memcmp(w, "ف", 2) == 0 && sp.stem == sp.proclitic &&
	    !strtab_find(&x->words, w + sp.proclitic, n - sp.proclitic, &(uint32_t){0}) &&
	    !ner_lexicon_is_stop(x->lex, w + sp.proclitic, n - sp.proclitic) &&
	    !entity_known_word(x, w + sp.proclitic, n - sp.proclitic))
		return true; /* «فقيه» is no ف + قيه: the article has no such word (و, ب, ل
				join words that are: «وغيرهم», «بعنوان») */
	return sp.proclitic == 0 && !(n > 4 && memcmp(w, "لل", 4) == 0);
}

/* Bytes of clitics (و ف, then ب ل) in front of a place trigger too short for the word
 * splitter to take them off («بحي الخشع»), or 0. */
static size_t entity_short_trigger(const struct entity_scratch *x, const char *w, size_t n)
{
	size_t skip = 0;
	if (n > 2 && (memcmp(w, "و", 2) == 0 || memcmp(w, "ف", 2) == 0))
		skip = 2;
	for (int pass = 0; pass < 2; pass++) {
		if (skip > 0 && entity_rules_is_place_trigger(x->rules, w + skip, n - skip))
			return skip;
		if (n > skip + 2 && (memcmp(w + skip, "ب", 2) == 0 || memcmp(w + skip, "ل", 2) == 0))
			skip += 2;
		else
			break;
	}
	return skip > 0 && entity_rules_is_place_trigger(x->rules, w + skip, n - skip) ? skip : 0;
}

/* «في قرية المفتاحة», «بمحافظة القنفذة»: the untagged word after a word of
 * place_triggers.txt (its clitics aside) is a place, when it is a bare word that no rule
 * takes for something else. */
static void entity_place_triggers(struct entity_scratch *x, struct ner_para *p)
{
	x->p = p;
	for (size_t i = 0; i + 1 < p->n; i++) {
		const char *w = p->norm.s + p->toks[i].beg;
		size_t n = p->toks[i].end - p->toks[i].beg, skip;
		uint8_t tag;
		bool al;

		if (p->toks[i].kind != NORM_TOKEN_WORD || p->tags[i] != 0)
			continue;
		skip = entity_proclitic(p, i, &al);
		if (!al && !entity_rules_is_place_trigger(x->rules, w + skip, n - skip))
			skip = entity_short_trigger(x, w, n);
		if (al || !entity_rules_is_place_trigger(x->rules, w + skip, n - skip))
			continue;
		tag = p->tags[i + 1];
		if (tag == ner_tag_make(NER_LOC, false))
			x->sure[i + 1] = true; /* the tagger's place, on the trigger's word kept */
		if (tag == ner_tag_make(NER_PERS, false) && i + 2 < p->n &&
		    p->tags[i + 2] == ner_tag_make(NER_PERS, true)) {
			p->tags[i + 1] = (uint8_t)ner_tag_make(NER_LOC, false); /* «مديرية دار سعد» */
			for (size_t k = i + 2; k < p->n && p->tags[k] == ner_tag_make(NER_PERS, true); k++)
				p->tags[k] = (uint8_t)ner_tag_make(NER_LOC, true);
			x->sure[i + 1] = true;
			continue;
		}
		if (tag == ner_tag_make(NER_PERS, false))
			p->tags[i + 1] = 0; /* «مقاطعة فرانكلين»: no man */
		else if (tag != 0)
			continue;
		/* no clitic after the construct's head: فرانكلين is no ف + رانكلين */
		if (!entity_name_piece(x, p, i + 1, false) || entity_is_stop_word(x, i + 1) ||
		    (i + 2 < p->n && entity_nisba(x, p, i + 2))) {
			p->tags[i + 1] = tag; /* «مديرية الشؤون الصحية» is an office, not a district */
			continue;
		}
		p->tags[i + 1] = (uint8_t)ner_tag_make(NER_LOC, false);
		x->sure[i + 1] = true;
		if (i + 2 < p->n && entity_name_piece(x, p, i + 2, true) && entity_word_definite(p, i + 2) &&
		    !entity_is_stop_word(x, i + 2) && !entity_nisba(x, p, i + 2) &&
		    !(i + 3 < p->n && entity_nisba(x, p, i + 3)))
			p->tags[i + 2] = (uint8_t)ner_tag_make(NER_LOC, true), i++; /* «محافظة حفر الباطن» */
		if (i + 2 < p->n && ner_tag_inside(p->tags[i + 2]))
			p->tags[i + 2] = (uint8_t)ner_tag_make(ner_tag_type(p->tags[i + 2]), false);
		i++;
	}
}

/* «طريق الملك سعود بحي الصفاة»: a place trigger with a clitic in front of it (بحي، بمحافظة)
 * inside a name the tagger made ends that name; the trigger's word is left to
 * entity_place_triggers. */
static void entity_trigger_cuts(struct entity_scratch *x, struct ner_para *p)
{
	for (size_t i = 0; i + 1 < p->n; i++) {
		const char *w = p->norm.s + p->toks[i].beg;
		size_t n = p->toks[i].end - p->toks[i].beg;
		int type = ner_tag_type(p->tags[i]);
		if (p->tags[i] == 0 || type == NER_ORG || p->toks[i].kind != NORM_TOKEN_WORD ||
		    entity_short_trigger(x, w, n) == 0 ||
		    (!ner_tag_inside(p->tags[i]) && !ner_tag_inside(p->tags[i + 1])))
			continue; /* «بحي السوق» as one place too: السوق is the place */
		p->tags[i] = 0;
		for (size_t k = i + 1; k < p->n && ner_tag_inside(p->tags[k]) && ner_tag_type(p->tags[k]) == type; k++)
			p->tags[k] = 0;
	}
}

/* Whether untagged word k, just before a person whose first word is a given name too, is a
 * given name of the persons gazetteer the tagger left off (the «علي» of «الرئيس السابق علي
 * عبدالله صالح»: a man named after his father's name). */
/* Whether word w is a first name of persons.txt, as written or after و («وعبدالفتاح»; not
 * «والحكم», the referee). Only before a kunya: «وطالب الدلبحي» is a verb and its subject. */
static bool entity_listed_first(const struct entity_scratch *x, const char *w, size_t n)
{
	return strtab_find(&x->rules->persons, w, n, &(uint32_t){0}) ||
	       (n > 6 && memcmp(w, "و", 2) == 0 && memcmp(w + 2, "ال", 4) != 0 &&
		strtab_find(&x->rules->persons, w + 2, n - 2, &(uint32_t){0}));
}

static bool entity_first_name_before(struct entity_scratch *x, const struct ner_para *p, size_t k)
{
	const char *w = p->norm.s + p->toks[k].beg;
	size_t n = p->toks[k].end - p->toks[k].beg;
	const char *f = p->norm.s + p->toks[k + 1].beg;
	size_t fn = p->toks[k + 1].end - p->toks[k + 1].beg;
	size_t ob, oe;
	if (p->toks[k].kind != NORM_TOKEN_WORD || entity_letters(w, n) < 3 ||
	    (ner_lexicon_is_stop(x->lex, w, n) && !entity_word_is(p, k, "علي")) ||
	    memcmp(w, "ي", 2) == 0 || entity_rules_is_trigger(x->rules, w, n))
		return false; /* «من», «كان» (علي is the name as written with ي, below); «يزيد» reads
				 as a verb; «مسجد» opens a building */
	norm_text_orig_span(&p->norm, p->toks[k].beg, p->toks[k].end, &ob, &oe);
	if (oe - ob >= 2 && memcmp(x->orig + oe - 2, "ى", 2) == 0)
		return false; /* «على», the preposition, is علي in matching form */
	return p->tags[k] == 0 &&
	       strtab_find(&x->rules->persons, w, n, &(uint32_t){0}) && !entity_is_title_word(x, k) &&
	       strtab_find(&x->rules->persons, f, fn, &(uint32_t){0}) &&
	       !entity_rules_only_place(x->rules, f, fn) && !entity_world_place(x, f, fn) &&
	       !entity_word_definite(p, k) && !(k > 0 && entity_word_is(p, k - 1, "بن"));
}

/* A person of two words or more whose name ends a sentence or list item takes the one
 * untagged word the tagger left off its end («الدكتور زياد عثمان إبراهيم الحقيل.»); two
 * persons with nothing between are one name the tagger cut in two. */
/* Whether untagged word k, right after «… بن Y», is the family name that ends the chain:
 * definite, no clitic, no nisba of a country, place, organisation or common word of the lists
 * (not «محمد بن سلمان الأحد»). */
static bool entity_family_name(struct entity_scratch *x, const struct ner_para *p, size_t k)
{
	const char *w = p->norm.s + p->toks[k].beg;
	size_t n = p->toks[k].end - p->toks[k].beg;
	return entity_word_definite(p, k) && entity_name_piece(x, p, k, true) &&
	       !entity_rules_org_stop(x->rules, w, n) && !entity_country_nisba(x, w, n) &&
	       !entity_place_known(x, w, n) && !entity_is_org(x, w, n) &&
	       !entity_rules_is_trigger(x->rules, w + 4, n - 4) && !ner_lexicon_is_title(x->lex, w, n);
}

/* Whether untagged word k opens the name the tagger began at word i: a first name of
 * persons.txt before a kunya used as a family name («ومنى أبو سليمان»). */
static bool entity_name_head_before(struct entity_scratch *x, const struct ner_para *p, size_t k, size_t i)
{
	const char *w = p->norm.s + p->toks[k].beg;
	size_t n = p->toks[k].end - p->toks[k].beg;
	if (p->toks[k].kind != NORM_TOKEN_WORD || p->tags[k] != 0 || entity_is_title_word(x, k) ||
	    entity_is_stop_word(x, k))
		return false;
	return entity_kunya(p, i) && !entity_word_definite(p, k) && entity_listed_first(x, w, n) &&
	       !entity_place_known(x, w, n) &&
	       !(k > 0 && (entity_word_is(p, k - 1, "بن") || entity_word_is(p, k - 1, "ابن")));
}

static void entity_person_edges(struct entity_scratch *x, struct ner_para *p)
{
	x->p = p;
	for (size_t i = 0; i < p->n; i++) {
		size_t j = i + 1;
		if (p->tags[i] != ner_tag_make(NER_PERS, false))
			continue;
		if (i > 0 && entity_name_head_before(x, p, i - 1, i)) {
			p->tags[i - 1] = (uint8_t)ner_tag_make(NER_PERS, false); /* «منى أبو سليمان» */
			p->tags[i] = (uint8_t)ner_tag_make(NER_PERS, true);
		} else if (i > 0 && entity_first_name_before(x, p, i - 1)) {
			p->tags[i - 1] = (uint8_t)ner_tag_make(NER_PERS, false); /* «علي عبدالله صالح» */
			p->tags[i] = (uint8_t)ner_tag_make(NER_PERS, true);
		}
		while (j < p->n && p->tags[j] == ner_tag_make(NER_PERS, true))
			j++;
		while (j < p->n && p->tags[j] == ner_tag_make(NER_PERS, false) && !entity_is_title_word(x, j) &&
		       entity_proclitic(p, j, &(bool){false}) == 0 && !x->lead[j])
			for (p->tags[j++] = (uint8_t)ner_tag_make(NER_PERS, true);
			     j < p->n && p->tags[j] == ner_tag_make(NER_PERS, true); j++)
				; /* two persons with nothing between, not even و, are one name cut in two */
		if (j - i >= 2 && j < p->n && entity_closes(p, j) && entity_name_piece(x, p, j, true))
			p->tags[j++] = (uint8_t)ner_tag_make(NER_PERS, true);
		else if (j - i >= 3 && j < p->n && entity_word_is(p, j - 2, "بن") && entity_family_name(x, p, j))
			p->tags[j++] = (uint8_t)ner_tag_make(NER_PERS, true); /* «سعد بن عبدالعزيز العفالق
										 نائباً» */
		i = j - 1;
	}
}

/* Whether untagged word k reads as a foreign name written in Arabic letters: indefinite, no
 * clitic, four letters or more of which two after the first are long vowels (ريفاس، راداميل،
 * نيمار), no …ة, no stop word, title, trigger, place or organisation, and no adverb of the
 * pattern فعيلا (سريعا، كثيرا). */
static bool entity_foreign_name(struct entity_scratch *x, const struct ner_para *p, size_t k)
{
	const char *w = p->norm.s + p->toks[k].beg;
	size_t n = p->toks[k].end - p->toks[k].beg, vowels = 0, letters = entity_letters(w, n);
	struct norm_split sp;

	if (p->toks[k].kind != NORM_TOKEN_WORD || p->tags[k] != 0 || entity_word_definite(p, k) ||
	    letters < 4 || letters * 2 != n || memcmp(w + n - 2, "ه", 2) == 0 ||
	    ner_lexicon_is_stop(x->lex, w, n) || ner_lexicon_is_title(x->lex, w, n) ||
	    entity_rules_is_trigger(x->rules, w, n) || entity_place_known(x, w, n) || entity_is_org(x, w, n))
		return false;
	norm_word_split(w, n, &sp);
	if (sp.stem > 0 && !ner_lexicon_known(x->lex, w, n))
		return false;
	if (letters == 5 && memcmp(w + 4, "ي", 2) == 0 && memcmp(w + 8, "ا", 2) == 0)
		return false; /* «سريعا», «كبيرا»: an adverb */
	for (size_t b = 2; b + 1 < n; b += 2)
		vowels += memcmp(w + b, "ا", 2) == 0 || memcmp(w + b, "و", 2) == 0 || memcmp(w + b, "ي", 2) == 0;
	return vowels >= 2;
}

/* Whether word k is a one-word person chunk the tagger found («البرازيلي ماركينهوس»). */
static bool entity_one_word_person(const struct ner_para *p, size_t k)
{
	return ner_tag_type(p->tags[k]) == NER_PERS && !ner_tag_inside(p->tags[k]) &&
	       (k + 1 >= p->n || !ner_tag_inside(p->tags[k + 1]));
}

/* Whether the tagger's one-word person k after a nationality reads as a name: no verb
 * («النظام الإيراني سينهزم», «الروسي والفرنسي قررا»), no definite word even behind a clitic
 * («الشعب اليمني الغالي», «النظام السوري بالكيماوي»), and a given name of persons.txt or two
 * long vowels after its first letter. */
static bool entity_tagged_foreigner(struct entity_scratch *x, const struct ner_para *p, size_t k)
{
	const char *w = p->norm.s + p->toks[k].beg;
	size_t n = p->toks[k].end - p->toks[k].beg;
	struct norm_split sp;
	norm_word_split(w, n, &sp);
	return !entity_verb_like(x, k) && !entity_future_verb(x, k) && sp.stem == sp.proclitic &&
	       entity_name_like(x, w, n);
}

/* Whether the article writes w (matching form) with one of these clitics in front: a word
 * it writes with ال is a common noun there («الضيوف» beside «ضيوف المهرجان»). */
static bool entity_written_with(struct entity_scratch *x, const char *const *clitics,
				size_t nclitics, const char *w, size_t n)
{
	for (size_t c = 0; c < nclitics; c++) {
		size_t cn = strlen(clitics[c]);
		x->alt.len = 0;
		strbuf_append(&x->alt, clitics[c], cn);
		strbuf_append(&x->alt, w, n);
		if (strtab_find(&x->words, x->alt.data, x->alt.len, &(uint32_t){0}))
			return true;
	}
	return false;
}

/* Whether token k was rare in the tagger's training data: never seen, seen once, or a
 * person's word there (a common word, «الفور», «جميل», is seen outside names often). */
static bool entity_rare_word(const struct ner_para *p, size_t k)
{
	unsigned c = ner_para_word_class(p, k);
	return c <= 1 || (c >= 4 && c < 12); /* 4-11: B-PERS or I-PERS the most */
}

/* Whether untagged word k is a man's given name no rule took: persons.txt's as written (no
 * و: «ومشرف المقاصف», «ومنسوبي الدوائر» go on a list of things as often as of men),
 * indefinite, no stop word but «علي» as written with ي, no title, trigger, place, not common
 * in the training data unless as a name, and never written with ال in the article. */
static bool entity_given_name(struct entity_scratch *x, const struct ner_para *p, size_t k)
{
	static const char *const al[] = {"ال", "وال", "بال", "لل"};
	const char *w = p->norm.s + p->toks[k].beg;
	size_t n = p->toks[k].end - p->toks[k].beg, ob, oe;
	if (p->toks[k].kind != NORM_TOKEN_WORD || p->tags[k] != 0 || entity_word_definite(p, k) ||
	    entity_letters(w, n) < 3 || !strtab_find(&x->rules->persons, w, n, &(uint32_t){0}) ||
	    entity_is_title_word(x, k) || entity_rules_is_trigger(x->rules, w, n) ||
	    entity_rules_only_place(x->rules, w, n) || !entity_rare_word(p, k) || (ner_lexicon_is_stop(x->lex, w, n) && !entity_word_is(p, k, "علي")))
		return false;
	if (memcmp(w, "و", 2) == 0 && entity_letters(w, n) >= 5)
		return false; /* و and a word: the gazetteer has «ومنسوبي» (names: وليد، وائل) */
	if (entity_written_with(x, al, sizeof al / sizeof *al, w, n))
		return false; /* «الضيوف»: the article's common noun */
	norm_text_orig_span(&p->norm, p->toks[k].beg, p->toks[k].end, &ob, &oe);
	return !(oe - ob >= 2 && memcmp(x->orig + oe - 2, "ى", 2) == 0) &&
	       !(k > 0 && (entity_word_is(p, k - 1, "بن") || entity_word_is(p, k - 1, "ابن")));
}

/* Whether definite word w (ال + stem) reads as a noun, no family name: a verbal noun تفعيل
 * («التمويل»), a feminine in ة but the tribes' فعاللة («الكثافة»; «الدوابشة» stays), or a stem
 * the article also writes bare or with و, ب, ل and no ال («المهرجان» beside «مهرجان»). */
static bool entity_noun_not_family(struct entity_scratch *x, const char *w, size_t n)
{
	static const char *const bare[] = {"", "و", "ب", "ل"};
	const char *s = w + 4;
	size_t sn = n - 4, letters = entity_letters(s, sn);
	if (letters == 5 && sn == 10 && memcmp(s, "ت", 2) == 0 && memcmp(s + 6, "ي", 2) == 0)
		return true;
	if (memcmp(w + n - 2, "ه", 2) == 0 && !(letters == 6 && sn == 12 && memcmp(s + 4, "ا", 2) == 0))
		return true;
	return entity_written_with(x, bare, sizeof bare / sizeof *bare, s, sn);
}

/* Whether untagged word k reads as a family name no list knows: definite with no clitic, no
 * place, organisation, trigger, title, country's nisba or plural, and rare in the training
 * data («العولقي», «الغفيص»; not «الفور», «الخدمات»). */
static bool entity_rare_family(struct entity_scratch *x, const struct ner_para *p, size_t k)
{
	const char *w = p->norm.s + p->toks[k].beg;
	size_t n = p->toks[k].end - p->toks[k].beg;
	if (p->toks[k].kind != NORM_TOKEN_WORD || entity_letters(w, n) < 5 ||
	    !entity_family_name(x, p, k) || !entity_rare_word(p, k) || entity_noun_not_family(x, w, n))
		return false;
	return !(memcmp(w + n - 4, "ات", 4) == 0 || memcmp(w + n - 4, "ون", 4) == 0 ||
		 memcmp(w + n - 4, "ين", 4) == 0);
}

/* Whether word k is a definite noun a name may stand in apposition to: ال behind و or ل at
 * most, no stop word («المدافع علي البليهي», «للشباب علي الشعيلان»; not «بالنسبة»). */
static bool entity_apposition_head(struct entity_scratch *x, const struct ner_para *p, size_t k)
{
	const char *w = p->norm.s + p->toks[k].beg;
	size_t n = p->toks[k].end - p->toks[k].beg;
	struct norm_split sp;
	if (p->toks[k].kind != NORM_TOKEN_WORD || entity_is_stop_word(x, k) ||
	    ner_tag_type(p->tags[k]) == NER_PERS)
		return false; /* «العرفج مالك المصنع»: a name's end, then a noun in construct */
	norm_word_split(w, n, &sp);
	return sp.stem > sp.proclitic && memcmp(w + sp.proclitic - (sp.proclitic ? 2 : 0), "ب", 2) != 0 &&
	       memcmp(w + sp.proclitic - (sp.proclitic ? 2 : 0), "ك", 2) != 0;
}

/* Whether word k is a verb that reports speech (قال، وأكد، وأضافت): its subject follows. */
static bool entity_reporting_verb(const struct ner_para *p, size_t k)
{
	static const char *const verbs[] = {"قال", "اكد", "اوضح", "اضاف", "اشار", "كشف", "صرح", "اعلن",
					    "قالت", "اكدت", "اوضحت", "اضافت", "اشارت", "كشفت", "صرحت", "اعلنت"};
	const char *w = p->norm.s + p->toks[k].beg;
	size_t n = p->toks[k].end - p->toks[k].beg;
	if (n > 2 && (memcmp(w, "و", 2) == 0 || memcmp(w, "ف", 2) == 0))
		w += 2, n -= 2;
	return entity_bare_word_in(w, n, verbs, sizeof verbs / sizeof *verbs);
}

/* Whether what comes before word k announces a man's name: a definite noun (his role or
 * nationality: «الإعلامي علي الموينع»), «د.», or a place or body in construct after an office
 * («محافظ شبوة علي العولقي»: a title word or an indefinite noun). */
static bool entity_name_cue(struct entity_scratch *x, const struct ner_para *p, size_t k)
{
	size_t b = k - 1;
	if (k == 0)
		return false;
	if (k >= 2 && p->toks[k - 1].kind == NORM_TOKEN_PUNCT && entity_word_is(p, k - 2, "د"))
		return true;
	if (ner_tag_type(p->tags[b]) == NER_LOC || ner_tag_type(p->tags[b]) == NER_ORG) {
		while (b > 0 && ner_tag_inside(p->tags[b]))
			b--;
		return b > 0 && (entity_is_title_word(x, b - 1) ||
				 (p->tags[b - 1] == 0 && p->toks[b - 1].kind == NORM_TOKEN_WORD &&
				  !entity_is_stop_word(x, b - 1) && !entity_word_definite(p, b - 1) &&
				  entity_proclitic(p, b - 1, &(bool){false}) == 0));
	}
	return entity_apposition_head(x, p, k - 1) || entity_reporting_verb(p, k - 1);
}

/* «المدافع علي البليهي», «د. علي الغفيص»: a given name and a rare definite family name the
 * tagger left out are a man when a role or office announces him. */
static void entity_given_family(struct entity_scratch *x, struct ner_para *p)
{
	x->p = p;
	for (size_t k = 0; k + 1 < p->n; k++) {
		if (!entity_given_name(x, p, k) || p->tags[k + 1] != 0 || !entity_rare_family(x, p, k + 1) ||
		    !entity_name_cue(x, p, k))
			continue;
		entity_retag(x, p, k, k + 2, NER_PERS, 0, false);
		k++;
	}
}

/* «الفنزويلي ريفاس», «والروماني سانمارتن», «الكولومبي راداميل فالكاو»: one or two foreign
 * names after a man's nationality (a country's masculine nisba) are a person, one the tagger
 * has never seen or found one word of; his nationality is evidence enough to keep him seen
 * once. */
static void entity_nationality_names(struct entity_scratch *x, struct ner_para *p)
{
	for (size_t k = 0; k + 1 < p->n; k++) {
		const char *w = p->norm.s + p->toks[k].beg;
		size_t n = p->toks[k].end - p->toks[k].beg, j = k + 1;
		bool tagged;
		if (p->toks[k].kind != NORM_TOKEN_WORD || ner_tag_type(p->tags[k]) == NER_ORG || n < 4 ||
		    memcmp(w + n - 2, "ي", 2) != 0 || !entity_country_nisba(x, w, n))
			continue;
		tagged = entity_one_word_person(p, j); /* not run on: «الروماني بولوني حيزا واسعا» */
		if (tagged && !entity_tagged_foreigner(x, p, j))
			continue;
		if (!tagged && !entity_foreign_name(x, p, j))
			continue;
		if (!tagged && j + 1 < p->n && memcmp(p->norm.s + p->toks[j + 1].beg, "و", 2) != 0 &&
		    entity_foreign_name(x, p, j + 1))
			j++;
		entity_retag(x, p, k + 1, j + 1, NER_PERS, 0, false);
		x->sure[k + 1] = true;
		k = j;
	}
}

/* A chunk the tagger called neither person, place nor organisation (MISC) that is, whole, a
 * place of two words or more of the world's list or a place the tagger's curated list knows
 * («في لوس انجلوس»): a place; the tagger's MISC hides it from entity_world_places. */
static void entity_misc_places(struct entity_scratch *x, struct ner_para *p)
{
	for (size_t i = 0; i < p->n;) {
		size_t j = i + 1, skip;
		bool al;
		if (ner_tag_type(p->tags[i]) != NER_MISC || ner_tag_inside(p->tags[i])) {
			i++;
			continue;
		}
		while (j < p->n && ner_tag_inside(p->tags[j]) && ner_tag_type(p->tags[j]) == NER_MISC)
			j++;
		skip = entity_proclitic(p, i, &al);
		for (int bare = 0; bare < 2; bare++) {
			entity_phrase(p, i, j, bare ? skip : 0, bare && al, &x->alt);
			if ((j - i >= 2 && entity_world_place(x, x->alt.data, x->alt.len)) ||
			    ner_lexicon_curated_type(x->lex, x->alt.data, x->alt.len) == NER_LOC) {
				entity_retag(x, p, i, j, NER_LOC, bare ? skip : 0, bare && al);
				break;
			}
			if (skip == 0)
				break;
		}
		i = j;
	}
}

/* «دار سعد وصبر»: a place the tagger ran over و into the next is two places, unless the
 * whole is one as written (ترينيداد وتوباغو). */
static void entity_split_places(struct entity_scratch *x, struct ner_para *p)
{
	for (size_t i = 0; i < p->n; i++) {
		size_t j = i + 1;
		if (p->tags[i] != ner_tag_make(NER_LOC, false))
			continue;
		while (j < p->n && p->tags[j] == ner_tag_make(NER_LOC, true))
			j++;
		if (j - i >= 2) {
			entity_phrase(p, i, j, 0, false, &x->alt);
			if (!entity_place_known(x, x->alt.data, x->alt.len))
				for (size_t k = i + 1; k < j; k++) {
					const char *w = p->norm.s + p->toks[k].beg;
					size_t n = p->toks[k].end - p->toks[k].beg;
					if (p->toks[k].kind == NORM_TOKEN_WORD && memcmp(w, "و", 2) == 0 &&
					    entity_letters(w, n) >= 4 && !entity_place_known(x, w, n)) {
						p->tags[k] = (uint8_t)ner_tag_make(NER_LOC, false);
						x->lead[k] = 2, x->lead_al[k] = false;
					}
				}
		}
		i = j - 1;
	}
}

/* Whether the words [k, j) without the و of k are a known name: the lexicon's, a listed
 * organisation or a place of the world. */
static bool entity_known_after_and(struct entity_scratch *x, const struct ner_para *p, size_t k,
				   size_t j)
{
	entity_phrase(p, k, j, 2, false, &x->alt);
	return ner_lexicon_known(x->lex, x->alt.data, x->alt.len) || entity_is_org(x, x->alt.data, x->alt.len) ||
	       entity_world_place(x, x->alt.data, x->alt.len);
}

static bool entity_bare_nationality(const struct entity_scratch *x, const char *k, size_t n);

/* Whether word k of a person [i, j) opens a second person after و: و and no ال, the word as
 * written no name the lists know (وليد، وائل), the rest no stop word or title, and a known
 * name, four letters or more (an Arab name in و is mostly و and three: وهبي، وجدي), or two
 * after a hamza before another word («تيلور وإد شيران», «جيمس شيستر وكورتيس دافيز»,
 * «راموس وكوينتراو»): a name never has و inside. */
static bool entity_and_person(struct entity_scratch *x, const struct ner_para *p, size_t k,
			      size_t j)
{
	const char *w = p->norm.s + p->toks[k].beg;
	size_t n = p->toks[k].end - p->toks[k].beg, rest;
	if (p->toks[k].kind != NORM_TOKEN_WORD || n < 6 || memcmp(w, "و", 2) != 0 ||
	    memcmp(w + 2, "ال", 4) == 0 || entity_known_word(x, w, n) ||
	    entity_is_title_word(x, k) ||
	    ner_lexicon_is_stop(x->lex, w, n) || ner_lexicon_is_stop(x->lex, w + 2, n - 2) ||
	    ner_lexicon_is_title(x->lex, w + 2, n - 2))
		return false;
	if (memcmp(w + 2, "و", 2) == 0 || memcmp(w + 2, "ي", 2) == 0 || memcmp(w + 2, "ل", 2) == 0)
		return false; /* ووكر، ويلسون، وليامسون: an English W */
	if (memcmp(w + 2, "ا", 2) == 0) {
		size_t ob, oe;
		norm_text_orig_span(&p->norm, p->toks[k].beg, p->toks[k].end, &ob, &oe);
		if (oe - ob < 4 || memcmp(x->orig + ob + 2, "ا", 2) == 0)
			return false; /* واتسون; «وإد» is و + إد */
	}
	if (entity_bare_nationality(x, w + 2, n - 2))
		return false; /* «فرنسي وأوكراني»: two nationalities, the tagger's error */
	rest = entity_letters(w + 2, n - 2);
	return rest >= 4 || entity_known_word(x, w + 2, n - 2) ||
	       (rest == 2 && k + 1 < j && p->toks[k + 1].kind == NORM_TOKEN_WORD);
}

/* «ميلان ويوفنتوس», «وستهام يونايتد وكريستال بالاس»: a person or organisation the tagger
 * ran over و into a known name is two names, unless the whole is one as written. */
static void entity_split_and(struct entity_scratch *x, struct ner_para *p)
{
	for (size_t i = 0; i < p->n; i++) {
		int type = ner_tag_type(p->tags[i]);
		size_t j = i + 1;
		if ((type != NER_PERS && type != NER_ORG) || ner_tag_inside(p->tags[i]))
			continue;
		while (j < p->n && ner_tag_inside(p->tags[j]) && ner_tag_type(p->tags[j]) == type)
			j++;
		entity_phrase(p, i, j, 0, false, &x->alt);
		if (j - i >= 2 && !entity_place_known(x, x->alt.data, x->alt.len) && !entity_is_org(x, x->alt.data, x->alt.len))
			for (size_t k = i + 1; k < j; k++) {
				const char *w = p->norm.s + p->toks[k].beg;
				size_t n = p->toks[k].end - p->toks[k].beg;
				if (type == NER_PERS && entity_and_person(x, p, k, j)) {
					p->tags[k] = (uint8_t)ner_tag_make(type, false);
					x->lead[k] = 2, x->lead_al[k] = false;
					continue;
				}
				if (p->toks[k].kind != NORM_TOKEN_WORD || memcmp(w, "و", 2) != 0 ||
				    entity_letters(w, n) < 4 || entity_known_word(x, w, n))
					continue;
				for (size_t e = j; e > k; e--)
					if (entity_known_after_and(x, p, k, e)) {
						p->tags[k] = (uint8_t)ner_tag_make(type, false);
						x->lead[k] = 2, x->lead_al[k] = false;
						break;
					}
			}
		i = j - 1;
	}
}

#define ENTITY_CURATED_WORDS 5

/* Names of the curated list the tagger missed: the longest phrase over untagged words. */
static void entity_curated(struct entity_scratch *x, struct ner_para *p)
{
	for (size_t i = 0; i < p->n;) {
		size_t best = 0;
		int type = 0;
		for (size_t l = 1; l <= ENTITY_CURATED_WORDS && i + l <= p->n && p->tags[i + l - 1] == 0; l++) {
			int t;
			entity_phrase(p, i, i + l, 0, false, &x->alt);
			if ((t = ner_lexicon_curated_type(x->lex, x->alt.data, x->alt.len)) != 0)
				best = l, type = t;
			else if (!ner_lexicon_starts_phrase(x->lex, x->alt.data, x->alt.len))
				break;
		}
		for (size_t k = 0; k < best; k++)
			p->tags[i + k] = (uint8_t)ner_tag_make(type, k > 0);
		i += best ? best : 1;
	}
}

/* Whether paragraph p is a name alone: one person chunk and nothing else but punctuation
 * (the author's name on the first line, «ناصر الجديع»). */
static bool entity_lone_person(const struct ner_para *p)
{
	size_t words = 0, starts = 0;
	for (size_t k = 0; k < p->n; k++) {
		if (p->toks[k].kind != NORM_TOKEN_WORD)
			continue;
		if (ner_tag_type(p->tags[k]) != NER_PERS)
			return false;
		words++;
		starts += !ner_tag_inside(p->tags[k]);
	}
	return words >= 2 && starts == 1;
}

/* The persons named as the author (the article's author field, up to its first punctuation,
 * or a first paragraph that is a name alone) are its byline, not its story: dropped. */
static void entity_drop_byline(struct entity_scratch *x, const struct ner_para *first)
{
	struct ner_para *p = &x->para;
	x->alt.len = 0;
	strbuf_append(&x->alt, "", 0);
	if (first && entity_lone_person(first)) {
		for (size_t k = 0; k < first->n; k++)
			if (first->toks[k].kind == NORM_TOKEN_WORD) {
				if (x->alt.len)
					strbuf_appendc(&x->alt, ' ');
				strbuf_append(&x->alt, first->norm.s + first->toks[k].beg, first->toks[k].end - first->toks[k].beg);
			}
	} else if (x->a->author) {
		norm_text_set(&p->norm, x->a->author, strlen(x->a->author), false);
		p->n = 0;
		norm_tokenize(p->norm.s, p->norm.len, &p->toks, &p->n, &p->cap);
		for (size_t k = 0; k < p->n && p->toks[k].kind == NORM_TOKEN_WORD; k++) {
			if (x->alt.len)
				strbuf_appendc(&x->alt, ' ');
			strbuf_append(&x->alt, p->norm.s + p->toks[k].beg, p->toks[k].end - p->toks[k].beg);
		}
	}
	if (x->alt.len == 0 || !strchr(x->alt.data, ' '))
		return;
	entity_key_compact(&x->alt);
	for (size_t k = 0; k < x->ndrafts; k++)
		if (x->drafts[k].type == ENTITY_PERSON && strcmp(x->drafts[k].k, x->alt.data) == 0)
			x->drafts[k].dropped = true;
}

/* Whether paragraph p (original text orig) is a writer's signature: a name alone, after a
 * dash maybe, or a name, a spaced dash and a town of one or two words («نزار عبداللطيف بنجابي -
 * جدة», «- تركية العمري»), as columns and reports end. */
static bool entity_signature(const struct ner_para *p, const char *orig)
{
	size_t k = 0, words = 0, starts = 0, after = 0;
	while (k < p->n && p->toks[k].kind != NORM_TOKEN_WORD)
		k++;
	for (; k < p->n && p->toks[k].kind == NORM_TOKEN_WORD && ner_tag_type(p->tags[k]) == NER_PERS; k++)
		words++, starts += !ner_tag_inside(p->tags[k]);
	if (words < 2 || starts != 1 || (k < p->n && !entity_dash_before(p, orig, k)))
		return false;
	for (; k < p->n; k++)
		after += p->toks[k].kind == NORM_TOKEN_WORD;
	return after <= 2;
}

/* A signature closing an article names its writer (and the writer's town), not its story:
 * what only the signature names is dropped; a person the story names too stays. */
static void entity_drop_signature(struct entity_scratch *x)
{
	size_t n = x->a->npara;
	int32_t last = (int32_t)n - 1;
	if (n < 3 || !entity_signature(&x->doc.paras[n], x->a->paras[n - 1]))
		return;
	for (size_t d = 0; d < x->ndrafts; d++) {
		bool signed_only = false;
		for (size_t f = 0; f < x->nfound; f++) {
			if (x->found[f].d != d)
				continue;
			signed_only = x->found[f].m.para == last;
			if (!signed_only)
				break;
		}
		x->drafts[d].dropped |= signed_only;
	}
}

/* Whether token k is an opening or closing quotation mark. */
static bool entity_quote_at(const struct ner_para *p, size_t k)
{
	static const char *const quotes[] = {"\"", "«", "»", "“", "”"};
	const char *w = p->norm.s + p->toks[k].beg;
	size_t n = p->toks[k].end - p->toks[k].beg;
	if (p->toks[k].kind != NORM_TOKEN_PUNCT)
		return false;
	for (size_t q = 0; q < sizeof quotes / sizeof *quotes; q++)
		if (n == strlen(quotes[q]) && memcmp(w, quotes[q], n) == 0)
			return true;
	return false;
}

/* Whether word k is a person's title: the tagger's, or a sport's the tagger lacks (الكابتن). */
static bool entity_quote_title(struct entity_scratch *x, const struct ner_para *p, size_t k)
{
	static const char *const sport[] = {"الكابتن", "كابتن", "الحارس", "الحكم", "النجم"};
	for (size_t t = 0; t < sizeof sport / sizeof *sport; t++)
		if (entity_word_is(p, k, sport[t]))
			return true;
	return entity_is_title_word(x, k);
}

/* A name of two or three words in quotation marks right after a person's title, opening with
 * a given name of persons.txt, is that person, whatever the tagger made of it (الكابتن
 * "فيصل البدين", a work's title to it). */
static void entity_quoted_names(struct entity_scratch *x, struct ner_para *p)
{
	for (size_t i = 1; i + 3 < p->n; i++) {
		size_t j = i + 1;
		if (!entity_quote_at(p, i) || p->toks[i - 1].kind != NORM_TOKEN_WORD || !entity_quote_title(x, p, i - 1))
			continue;
		while (j < p->n && j <= i + 4 && p->toks[j].kind == NORM_TOKEN_WORD &&
		       (p->tags[j] == 0 || ner_tag_type(p->tags[j]) == NER_MISC || ner_tag_type(p->tags[j]) == NER_PERS))
			j++;
		if (j >= p->n || !entity_quote_at(p, j) || j - i - 1 < 2 || j - i - 1 > 3 ||
		    !strtab_find(&x->rules->persons, p->norm.s + p->toks[i + 1].beg,
				 p->toks[i + 1].end - p->toks[i + 1].beg, &(uint32_t){0}))
			continue;
		entity_retag(x, p, i + 1, j, NER_PERS, 0, false);
		x->sure[i + 1] = true;
		i = j;
	}
}

/* «تعليم جدة», «بتعليم الرياض»: «تعليم» before a place is the town's education office, an
 * organisation, not the place (the press's short form of إدارة تعليم جدة): a town of
 * world_places.txt or places.txt, untagged or the tagger's whole place chunk, no nisba after
 * it. */
static void entity_education_offices(struct entity_scratch *x, struct ner_para *p)
{
	for (size_t i = 0; i + 1 < p->n; i++) {
		const char *w = p->norm.s + p->toks[i].beg;
		size_t n = p->toks[i].end - p->toks[i].beg, j = i + 2;
		bool al = false;
		size_t skip = entity_proclitic(p, i, &al);
		if (p->tags[i] != 0 || al || n - skip != 10 || memcmp(w + skip, "تعليم", 10) != 0 ||
		    p->toks[i + 1].kind != NORM_TOKEN_WORD || ner_tag_inside(p->tags[i + 1]))
			continue;
		if (ner_tag_type(p->tags[i + 1]) == NER_LOC)
			while (j < p->n && ner_tag_inside(p->tags[j]))
				j++;
		else if (p->tags[i + 1] != 0)
			continue;
		entity_phrase(p, i + 1, j, 0, false, &x->alt);
		if (!(entity_world_place(x, x->alt.data, x->alt.len) ||
		      entity_rules_only_place(x->rules, x->alt.data, x->alt.len)) ||
		    (j < p->n && entity_ends_nisba(p->norm.s + p->toks[j].beg, p->toks[j].end - p->toks[j].beg)))
			continue; /* «تعليم الدين الإسلامي» teaches a faith */
		entity_retag(x, p, i, j, NER_ORG, skip, false);
		x->sure[i] = true;
		i = j - 1;
	}
}

/* Whether token k is a place word next to word k's list: a place, with و joining them. */
static bool entity_listed_with_place(const struct entity_scratch *x, const struct ner_para *p,
				     size_t k)
{
	const char *w = p->norm.s + p->toks[k].beg;
	bool joined = memcmp(w, "و", 2) == 0;
	if (joined && k > 0 && entity_place_at(x, p, k - 1))
		return true; /* «وجدة والدمام والخبر» */
	if (joined && k > 1 && p->toks[k - 1].kind == NORM_TOKEN_PUNCT &&
	    entity_place_at(x, p, k - 2))
		return true; /* «تبوك، والخبر» */
	return k + 1 < p->n && memcmp(p->norm.s + p->toks[k + 1].beg, "و", 2) == 0 &&
	       entity_place_at(x, p, k + 1);
}

/* Whether word k is a town's word (مدينة، محافظة) or, when prep is set, a preposition of
 * where (في، إلى، من). */
static bool entity_where_word(const struct ner_para *p, size_t k, bool prep)
{
	static const char *const towns[] = {"مدينه", "محافظه", "بمدينه", "بمحافظه"};
	static const char *const preps[] = {"في", "الي", "من", "وفي"};
	for (size_t t = 0; t < sizeof towns / sizeof *towns; t++)
		if (entity_word_is(p, k, towns[t]))
			return true;
	for (size_t t = 0; prep && t < sizeof preps / sizeof *preps; t++)
		if (entity_word_is(p, k, preps[t]))
			return true;
	return false;
}

/* Whether «بالخبر» at k is "in Khobar": after a definite word or a name (الواجهة البحرية
 * بالخبر، حي الخزامى بالخبر), not after a verb or a pronoun's noun (علمت بالخبر، علاقته
 * بالخبر). */
static bool entity_in_khobar(const struct ner_para *p, size_t k)
{
	if (k == 0 || !entity_word_is(p, k, "بالخبر") || p->toks[k - 1].kind != NORM_TOKEN_WORD)
		return false;
	const char *w = p->norm.s + p->toks[k - 1].beg;
	size_t n = p->toks[k - 1].end - p->toks[k - 1].beg;
	bool definite = entity_word_definite(p, k - 1) || (n > 6 && memcmp(w, "وال", 6) == 0);
	return definite || p->tags[k - 1] != 0;
}

/* Whether the «الخبر» or «مشهد» at k is where a preposition or a town's word puts it: after a
 * town's word (بمدينة مشهد), or after a preposition of where (في الخبر) and before no
 * definite word (not في الخبر الصادق); «مشهد» then only at a clause's end. */
static bool entity_town_after_where(const struct ner_para *p, size_t k, bool is_news)
{
	bool prep = is_news ? !(k + 1 < p->n && entity_word_definite(p, k + 1))
			    : entity_closes(p, k);
	return k > 0 && entity_where_word(p, k - 1, prep);
}

/* A definite one-word place of places.txt the tagger left untagged in brackets after a
 * preposition of where («سامي الجريس من (القصيم)») or after من، إلى or a town's word closing
 * its clause («عاد من الجوف،»): a place; not before a word, nor after في alone («صفعة في
 * الوجه،» is a face). */
static void entity_region_places(struct entity_scratch *x, struct ner_para *p)
{
	for (size_t k = 1; k < p->n; k++) {
		size_t b = k - 1;
		if (p->tags[k] != 0 || !entity_word_definite(p, k) ||
		    !entity_rules_only_place(x->rules, p->norm.s + p->toks[k].beg, p->toks[k].end - p->toks[k].beg))
			continue;
		bool bracket = b > 0 && entity_word_is(p, b, "(") && entity_word_is(p, k + 1 < p->n ? k + 1 : k, ")");
		if (bracket)
			b--;
		else if (!entity_closes(p, k) || entity_word_is(p, b, "في") || entity_word_is(p, b, "وفي"))
			continue; /* «صفعة في الوجه،»: an idiom's noun */
		if (entity_where_word(p, b, true))
			entity_retag(x, p, k, k + 1, NER_LOC, 0, false);
	}
}

/* Towns whose names are common words, «الخبر» (the news: نشرت الخبر، رابط الخبر) and «مشهد»
 * (a scene: في مشهد مهيب): a place only in a list of places, after a town's word or a
 * preposition of where, before a country's nisba (مشهد الإيرانية), or as «بالخبر» after a
 * place's words. */
static void entity_common_towns(struct entity_scratch *x, struct ner_para *p)
{
	static const char *const news[] = {"الخبر", "والخبر", "بالخبر", "فالخبر"};
	static const char *const scene[] = {"مشهد", "ومشهد"};
	for (size_t k = 0; k < p->n; k++) {
		bool is_news = false, is_scene = false, bare;
		int type = ner_tag_type(p->tags[k]);
		if ((type != NER_LOC && type != NER_PERS) || ner_tag_inside(p->tags[k]) ||
		    (k + 1 < p->n && ner_tag_inside(p->tags[k + 1])))
			continue;
		for (size_t f = 0; f < sizeof news / sizeof *news; f++)
			is_news |= entity_word_is(p, k, news[f]);
		for (size_t f = 0; f < sizeof scene / sizeof *scene; f++)
			is_scene |= entity_word_is(p, k, scene[f]);
		bare = entity_word_is(p, k, news[0]) || entity_word_is(p, k, scene[0]);
		if ((is_news || is_scene) && !entity_listed_with_place(x, p, k) &&
		    !(bare && entity_town_after_where(p, k, is_news)) && !entity_in_khobar(p, k) &&
		    !(k + 1 < p->n && entity_country_nisba(x, p->norm.s + p->toks[k + 1].beg,
							 p->toks[k + 1].end - p->toks[k + 1].beg)))
			p->tags[k] = 0;
	}
}

/* A "person" opening with a word in ي right after ما (فيما، كما، مما) is a verb and its
 * object: فيما يلي نصه (what follows is its text), كما يلي. */
static void entity_what_follows(struct ner_para *p)
{
	static const char *const what[] = {"ما", "فيما", "وفيما", "كما", "مما"};
	for (size_t k = 1; k < p->n; k++) {
		bool after_what = false;
		const char *w = p->norm.s + p->toks[k].beg;
		if (p->tags[k] != ner_tag_make(NER_PERS, false) || memcmp(w, "ي", 2) != 0)
			continue;
		for (size_t t = 0; t < sizeof what / sizeof *what; t++)
			after_what |= entity_word_is(p, k - 1, what[t]);
		if (!after_what)
			continue;
		p->tags[k] = 0;
		for (size_t j = k + 1; j < p->n && ner_tag_inside(p->tags[j]); j++)
			p->tags[j] = 0;
	}
}

/* A name's chunk ending in the object of a greeting (رفع خالد الأحمد التهاني، قدم لاعبو نادي
 * الهلال التهنئة) ends before it: the tagger runs the name into the next word. */
static void entity_greeting_ends(struct ner_para *p)
{
	static const char *const greetings[] = {"التهاني", "التهنئه", "التعازي", "التبريكات",
						"الشكر", "التحيه"};
	for (size_t k = 1; k < p->n; k++) {
		if (!ner_tag_inside(p->tags[k]) || (k + 1 < p->n && ner_tag_inside(p->tags[k + 1])))
			continue;
		for (size_t g = 0; g < sizeof greetings / sizeof *greetings; g++)
			if (entity_word_is(p, k, greetings[g]))
				p->tags[k] = 0;
	}
}

/* Whether word k is «مؤشر» (index), its dual or its dual's construct, with maybe a clitic
 * and ال before it (المؤشر، المؤشران، ومؤشر، مؤشرا). */
static bool entity_index_word(const struct ner_para *p, size_t k)
{
	static const char *const lead[] = {"", "و", "ف", "ب", "ل", "ال", "وال", "بال", "لل"};
	static const char *const tail[] = {"", "ا", "ان", "ي"};
	const char *w = p->norm.s + p->toks[k].beg;
	size_t n = p->toks[k].end - p->toks[k].beg;
	bool marked = false; /* «مؤشر» after 0, 2, 4 or 6 bytes of lead: most words are not it */
	if (p->toks[k].kind != NORM_TOKEN_WORD)
		return false;
	for (size_t at = 0; at <= 6 && at + 8 <= n && !marked; at += 2)
		marked = memcmp(w + at, "مؤشر", 8) == 0;
	if (!marked)
		return false;
	for (size_t l = 0; l < sizeof lead / sizeof *lead; l++)
		for (size_t t = 0; t < sizeof tail / sizeof *tail; t++) {
			size_t ln = strlen(lead[l]), tn = strlen(tail[t]);
			if (n == ln + 8 + tn && memcmp(w, lead[l], ln) == 0 && memcmp(w + ln, "مؤشر", 8) == 0 &&
			    memcmp(w + ln + 8, tail[t], tn) == 0)
				return true;
		}
	return false;
}

/* A name right after «مؤشر» is a stock index, no person or body (مؤشر داو جونز، المؤشر
 * ستاندرد آند بورز، مؤشر فايننشيال تايمز): its chunk is dropped, also after one bare word
 * the tagger left out (ستاندرد). A body a trigger opens is the index's owner and stays (مؤشر
 * بورصة البحرين، مؤشر منظمة الأمم المتحدة), so does a place. */
static void entity_stock_indices(struct entity_scratch *x, struct ner_para *p)
{
	for (size_t i = 0; i + 1 < p->n; i++) {
		size_t k = i + 1;
		if (!entity_index_word(p, i) || p->tags[i] != 0)
			continue;
		if (p->tags[k] == 0 && k + 1 < p->n && p->toks[k].kind == NORM_TOKEN_WORD &&
		    !entity_word_definite(p, k) && entity_proclitic(p, k, &(bool){false}) == 0)
			k++;
		if (p->toks[k].kind != NORM_TOKEN_WORD || p->tags[k] == 0 || ner_tag_inside(p->tags[k]) ||
		    ner_tag_type(p->tags[k]) == NER_LOC ||
		    entity_rules_is_trigger(x->rules, p->norm.s + p->toks[k].beg, p->toks[k].end - p->toks[k].beg))
			continue;
		p->tags[k] = 0;
		while (k + 1 < p->n && ner_tag_inside(p->tags[k + 1]))
			p->tags[++k] = 0;
	}
}

/* Whether word k is «المملكة» (matching form), maybe with و, ف, ب or ل before it (للمملكة). */
static bool entity_kingdom_word(const struct ner_para *p, size_t k)
{
	const char *w = p->norm.s + p->toks[k].beg;
	size_t n = p->toks[k].end - p->toks[k].beg;
	static const char *const forms[] = {"المملكه", "والمملكه", "فالمملكه", "بالمملكه", "للمملكه"};
	for (size_t f = 0; f < sizeof forms / sizeof *forms; f++)
		if (n == strlen(forms[f]) && memcmp(w, forms[f], n) == 0)
			return true;
	return false;
}

/* «المملكة» the tagger took for Saudi Arabia is another kingdom when a country's nisba
 * other than «العربية» follows it (ملك المملكة الأردنية الهاشمية, المملكة المغربية): no
 * place is listed for it, the story names that country by its name. */
static void entity_other_kingdoms(struct entity_scratch *x, struct ner_para *p)
{
	for (size_t i = 0; i + 1 < p->n; i++) {
		const char *v = p->norm.s + p->toks[i + 1].beg;
		size_t vn = p->toks[i + 1].end - p->toks[i + 1].beg;
		if (p->tags[i] != ner_tag_make(NER_LOC, false) || !entity_kingdom_word(p, i) ||
		    p->toks[i + 1].kind != NORM_TOKEN_WORD || p->tags[i + 1] != 0 || (vn == 12 && memcmp(v, "العربيه", 12) == 0) ||
		    !entity_country_nisba(x, v, vn))
			continue;
		p->tags[i] = 0; /* a chunk of the whole name (المملكة الأردنية) is kept */
	}
}

/* Text k of the tagged article (the title is -1, the paragraphs 0...) into mentions. */
static void entity_text(struct entity_scratch *x, const char *text, long para)
{
	struct ner_para *p = &x->doc.paras[para + 1];
	x->p = p;
	x->orig = text;
	xgrow(&x->lead, &x->leadcap, p->n + 1, sizeof *x->lead);
	xgrow(&x->lead_al, &x->lalcap, p->n + 1, sizeof *x->lead_al);
	xgrow(&x->sure, &x->surecap, p->n + 1, sizeof *x->sure);
	memset(x->lead, 0, (p->n + 1) * sizeof *x->lead);
	memset(x->lead_al, 0, (p->n + 1) * sizeof *x->lead_al);
	memset(x->sure, 0, (p->n + 1) * sizeof *x->sure);
	entity_curated(x, p);
	entity_known_orgs(x, p);
	entity_org_triggers(x, p);
	entity_stadiums(x, p);
	entity_quoted_bodies(x, p);
	entity_outlets(x, p);
	entity_split_places(x, p);
	entity_split_and(x, p);
	entity_misc_places(x, p);
	entity_world_places(x, p);
	entity_world_joins(x, p);
	entity_region_places(x, p);
	entity_club_towns(x, p);
	entity_opponents(x, p);
	entity_match_sides(x, p);
	entity_event_hosts(x, p);
	entity_royal_lists(x, p);
	entity_trigger_cuts(x, p);
	entity_place_triggers(x, p);
	entity_lists(x, p);
	entity_given_family(x, p);
	entity_nationality_names(x, p);
	entity_person_edges(x, p);
	entity_stock_indices(x, p);
	entity_quoted_names(x, p);
	entity_education_offices(x, p);
	entity_common_towns(x, p);
	entity_what_follows(p);
	entity_greeting_ends(p);
	entity_other_kingdoms(x, p);
	for (size_t i = 0; i < p->n;) {
		int type = ner_tag_type(p->tags[i]);
		size_t j = i + 1;
		if (type == 0) {
			i++;
			continue;
		}
		while (j < p->n && ner_tag_inside(p->tags[j]) && ner_tag_type(p->tags[j]) == type)
			j++;
		entity_chunk(x, text, para, i, j, entity_from_ner(type));
		i = j;
	}
}

static int entity_mention_cmp(const void *a, const void *b)
{
	const struct entity_mention *x = a, *y = b;
	if (x->para != y->para)
		return x->para < y->para ? -1 : 1;
	return x->beg < y->beg ? -1 : x->beg > y->beg;
}

/* The draft that draft k was merged into, following the merges to the end. */
uint32_t entity_root(const struct entity_scratch *x, uint32_t k)
{
	while (x->drafts[k].into != k)
		k = x->drafts[k].into;
	return k;
}

static void entity_join(struct entity_scratch *x, size_t from, size_t to)
{
	x->drafts[from].into = (uint32_t)to;
	x->drafts[to].nmentions += x->drafts[from].nmentions;
}

/* Whether text s[beg, end) is blanks around one opening bracket or quote, and the text from
 * after on opens with blanks and the closing one: «X (Y)», «X "Y"». */
static bool entity_aside(const char *s, size_t beg, size_t end, size_t after, size_t len)
{
	static const char *const opens[] = {"(", "\"", "«", "“"}, *const closes[] = {")", "\"", "»", "”"};
	size_t b = beg, e = after;
	while (b < end && s[b] == ' ')
		b++;
	while (e < len && s[e] == ' ')
		e++;
	for (size_t k = 0; k < sizeof opens / sizeof *opens; k++) {
		size_t on = strlen(opens[k]), cn = strlen(closes[k]);
		if (end - b >= on && memcmp(s + b, opens[k], on) == 0 && len - e >= cn &&
		    memcmp(s + e, closes[k], cn) == 0) {
			for (b += on; b < end && s[b] == ' '; b++)
				;
			return b == end;
		}
	}
	return false;
}

/* Whether person draft d is one word no list knows as a given name: after an organisation in
 * brackets it is the body's short name, which the tagger read as a man («أوفيد»). */
static bool entity_org_acronym(struct entity_scratch *x, size_t d)
{
	const char *k = x->drafts[d].k;
	return strchr(k, ' ') == NULL && !strtab_find(&x->rules->persons, k, strlen(k), &(uint32_t){0}) &&
	       !ner_lexicon_known(x->lex, k, strlen(k));
}

/* An organisation followed by another in brackets or quotes, or a person by a kunya in
 * brackets, is one entity under two names: «شركة اتحاد اتصالات (موبايلي)», «السوق المالية
 * السعودية (تداول)». */
static void entity_merge_asides(struct entity_scratch *x)
{
	for (size_t f = 1; f < x->nfound; f++) {
		const struct entity_found *a = &x->found[f - 1], *b = &x->found[f];
		const char *s = x->texts[a->m.para + 1];
		uint32_t ra = entity_root(x, a->d), rb = entity_root(x, b->d);
		enum entity_type t = x->drafts[ra].type;
		if (a->m.para != b->m.para || ra == rb || b->m.beg < a->m.end ||
		    !entity_aside(s, a->m.end, b->m.beg, b->m.end, strlen(s)))
			continue;
		if (t == ENTITY_ORG && x->drafts[rb].type == ENTITY_PERSON && entity_org_acronym(x, rb) &&
		    memchr(s + a->m.end, '(', b->m.beg - a->m.end)) {
			entity_join(x, rb, ra); /* «صندوق الأوبك للتنمية الدولية (أوفيد)» */
			continue;
		}
		if (t != x->drafts[rb].type || (t != ENTITY_ORG && t != ENTITY_PERSON))
			continue;
		if (t == ENTITY_PERSON && !(strncmp(x->drafts[rb].k, "ابو ", strlen("ابو ")) == 0 &&
					    memchr(s + a->m.end, '(', b->m.beg - a->m.end)))
			continue; /* a person's other name in brackets is a kunya: «صلاح حماه (أبو محمد)» */
		entity_join(x, rb, ra);
	}
}

/* Whether key lng's last word is و or ف and the one word shrt. */
static bool entity_key_conj_end(const char *shrt, const char *lng)
{
	const char *sp = strrchr(lng, ' ');
	const char *last = sp ? sp + 1 : lng;
	return (strncmp(last, "و", 2) == 0 || strncmp(last, "ف", 2) == 0) && strcmp(last + 2, shrt) == 0;
}

/* The mentions of draft d take back the و or ف in front of them (the name's first letter). */
static void entity_mentions_widen(struct entity_scratch *x, size_t d)
{
	for (size_t f = 0; f < x->nfound; f++) {
		struct entity_mention *m = &x->found[f].m;
		const char *s = x->texts[m->para + 1];
		if (x->found[f].d == d && m->beg >= 2 &&
		    (memcmp(s + m->beg - 2, "ف", 2) == 0 || memcmp(s + m->beg - 2, "و", 2) == 0))
			m->beg -= 2;
	}
}

/* A one-word person that is another person's last word without its first letter و or ف
 * («ينغر» of «آرسين فينغر», «وتجاهل فينغر»): the letter was the name's, not a conjunction;
 * it joins that person. */
static void entity_merge_conj_split(struct entity_scratch *x)
{
	for (size_t k = 0; k < x->ndrafts; k++) {
		struct entity_draft *e = &x->drafts[k];
		if (e->into != k || e->type != ENTITY_PERSON || strchr(e->k, ' '))
			continue;
		for (size_t l = 0; l < x->ndrafts; l++) {
			const struct entity_draft *f = &x->drafts[l];
			if (l != k && f->into == l && f->type == ENTITY_PERSON && strchr(f->k, ' ') &&
			    entity_key_conj_end(e->k, f->k)) {
				entity_join(x, k, l);
				entity_mentions_widen(x, k);
				break;
			}
		}
	}
}

/* One type per entity: the same name tagged as two types goes with the type most of its
 * mentions have (the first seen on a tie). */
/* Whether org, which a rule found, and place, of one key, are a team and its country or town
 * in an article about sport (أمام فيجي … وسجلت فيجي), unless the place hosts an event. */
static bool entity_team_of_place(const struct entity_draft *org, const struct entity_draft *place)
{
	return org->type == ENTITY_ORG && org->sure && place->type == ENTITY_PLACE && !place->sure;
}

static void entity_vote_types(struct entity_scratch *x)
{
	for (size_t k = 0; k < x->ndrafts; k++)
		for (size_t l = k + 1; l < x->ndrafts && x->drafts[k].into == k; l++) {
			struct entity_draft *a = &x->drafts[k], *b = &x->drafts[l];
			if (b->into != l || a->type == b->type || a->type == ENTITY_DATE ||
			    b->type == ENTITY_DATE || strcmp(a->k, b->k) != 0)
				continue;
			if (x->sport && a->sure && b->sure && (a->type == ENTITY_PLACE || b->type == ENTITY_PLACE))
				continue; /* a team and the host of an event: two lines (البرازيل) */
			if ((b->type == ENTITY_MISC && b->sure) || (x->sport && entity_team_of_place(b, a)))
				entity_join(x, k, l); /* a song's, a disease's name; a country's team */
			else if ((a->type == ENTITY_MISC && a->sure) || (x->sport && entity_team_of_place(a, b)))
				entity_join(x, l, k);
			else if (b->nmentions > a->nmentions)
				entity_join(x, k, l);
			else
				entity_join(x, l, k);
		}
}

/* A key's word without ال, لل or ل in front, when three letters or more are left. */
static void entity_key_word_bare(const char **w, size_t *n)
{
	static const char *const heads[] = {"ال", "لل", "ل"};
	for (size_t h = 0; h < sizeof heads / sizeof *heads; h++) {
		size_t hn = strlen(heads[h]);
		if (*n > hn && memcmp(*w, heads[h], hn) == 0 && entity_letters(*w + hn, *n - hn) >= 3) {
			*w += hn, *n -= hn;
			return;
		}
	}
}

/* Whether two words of keys are one word, ال and a preposition's ل aside (اتحاد: الاتحاد,
 * الكره: لكره). */
static bool entity_key_word_eq(const char *a, size_t an, const char *b, size_t bn)
{
	entity_key_word_bare(&a, &an);
	entity_key_word_bare(&b, &bn);
	return an == bn && memcmp(a, b, an) == 0;
}

static bool entity_key_words_in(const char *shrt, const char *lng);

/* Whether the words of short are words of long in order (entity_key_word_eq), its first and
 * last among them as first and last («أمانة الرياض» of «أمانة منطقة الرياض», «اتحاد الكرة»
 * of «الاتحاد السعودي لكرة القدم» … no: its last word must end long too). */
static bool entity_key_subsequence(const char *shrt, const char *lng)
{
	const char *sp = strrchr(shrt, ' '), *lp = strrchr(lng, ' ');
	size_t first = strcspn(shrt, " "), lfirst = strcspn(lng, " ");
	return sp != NULL && lp != NULL && entity_key_word_eq(sp + 1, strlen(sp + 1), lp + 1, strlen(lp + 1)) &&
	       entity_key_word_eq(shrt, first, lng, lfirst) && entity_key_words_in(shrt, lng);
}

/* Whether the words of short are words of long in order (entity_key_word_eq). */
static bool entity_key_words_in(const char *shrt, const char *lng)
{
	for (const char *s = shrt, *l = lng; *s;) {
		size_t n = strcspn(s, " ");
		const char *hit = NULL;
		for (const char *t = l; *t && hit == NULL; t += strcspn(t, " "), t += *t == ' ')
			if (entity_key_word_eq(t, strcspn(t, " "), s, n))
				hit = t;
		if (hit == NULL)
			return false;
		l = hit + strcspn(hit, " ");
		s += n;
		s += *s == ' ';
	}
	return true;
}

/* Whether person key shrt is key lng with its «بن X» / «ابن X» links left out, the first
 * and the last word kept («مبارك الخييلي» of «مبارك بن سعيد الخييلي»). */
static bool entity_key_unchained(const char *shrt, const char *lng)
{
	size_t first = strcspn(lng, " ");
	const char *l = lng + first, *s = shrt + first;
	bool cut = false;
	if (strncmp(shrt, lng, first) != 0 || *s != ' ' || strchr(s + 1, ' '))
		return false; /* a given name and a family name: links cut from a longer one */
	while (*l == ' ') {
		const char *w = l + 1;
		size_t n = strcspn(w, " ");
		if (!((n == 4 && memcmp(w, "بن", 4) == 0) || (n == 6 && memcmp(w, "ابن", 6) == 0)) ||
		    w[n] != ' ')
			break;
		w += n + 1;
		l = w + strcspn(w, " ");
		cut = true;
	}
	return cut && strcmp(l, s) == 0;
}

/* Whether the word of key k that ends at byte end is بن or ابن: the name after it is the
 * father's («إبراهيم الزويد» in «سليمان بن إبراهيم الزويد» is another man). */
static bool entity_key_after_link(const char *k, size_t end)
{
	return (end >= 4 && memcmp(k + end - 4, "بن", 4) == 0 && (end == 4 || k[end - 5] == ' ')) ||
	       (end >= 6 && memcmp(k + end - 6, "ابن", 6) == 0 && (end == 6 || k[end - 7] == ' '));
}

/* Whether short is the first or last words of long (whole words), or, for a place or an
 * organisation, its words with some left out of the middle, or, for a person, its name
 * without its chain of fathers. */
static bool entity_key_part(const char *shrt, const char *lng, enum entity_type type)
{
	size_t s = strlen(shrt), l = strlen(lng);
	if (s >= l)
		return false;
	return (memcmp(lng, shrt, s) == 0 && lng[s] == ' ') ||
	       (memcmp(lng + l - s, shrt, s) == 0 && lng[l - s - 1] == ' ' &&
		!(type == ENTITY_PERSON && strchr(shrt, ' ') && entity_key_after_link(lng, l - s - 1))) ||
	       (type != ENTITY_PERSON && entity_key_subsequence(shrt, lng)) ||
	       (type == ENTITY_PERSON && entity_key_unchained(shrt, lng));
}

/* Whether organisation key lng is a trigger word and then shrt («جماعة الإخوان» of «الإخوان»;
 * not «وستهام يونايتد» of «يونايتد»). */
static bool entity_key_head(const struct entity_scratch *x, const char *shrt, const char *lng)
{
	const char *sp = strchr(lng, ' ');
	size_t n = sp ? (size_t)(sp - lng) : 0;
	if (n > 4 && memcmp(lng, "ال", 4) == 0)
		lng += 4, n -= 4;
	return sp && strcmp(sp + 1, shrt) == 0 && entity_rules_is_trigger(x->rules, lng, n);
}

/* «الإخوان», «جماعة الإخوان», «تنظيم الإخوان»: when every longer organisation a short one is
 * part of is a trigger word in front of it, they are one body under several head words: all
 * join the one with the most mentions. */
static bool entity_merge_heads(struct entity_scratch *x, size_t k)
{
	struct entity_draft *e = &x->drafts[k];
	size_t best = k;
	for (size_t l = 0; l < x->ndrafts; l++) {
		const struct entity_draft *f = &x->drafts[l];
		if (l != k && f->into == l && f->type == e->type && entity_key_part(e->k, f->k, e->type) &&
		    !entity_key_head(x, e->k, f->k))
			return false;
	}
	for (size_t l = 0; l < x->ndrafts; l++) {
		const struct entity_draft *f = &x->drafts[l];
		if (l != k && f->into == l && f->type == e->type && entity_key_head(x, e->k, f->k) &&
		    (best == k || f->nmentions > x->drafts[best].nmentions))
			best = l;
	}
	for (size_t l = 0; l < x->ndrafts; l++) {
		const struct entity_draft *f = &x->drafts[l];
		if (l != best && f->into == l && f->type == e->type && (l == k || entity_key_head(x, e->k, f->k)))
			entity_join(x, l, best);
	}
	return true;
}

/* «جماعة الإخوان» and «الإخوان», whose key a list wrote as «الإخوان المسلمين»: a
 * trigger and a name are one body with the name's canonical form; the one with fewer
 * mentions joins the other. */
static void entity_merge_canonical_heads(struct entity_scratch *x)
{
	for (size_t l = 0; l < x->ndrafts; l++) {
		const struct entity_draft *f = &x->drafts[l];
		const char *sp = strchr(f->k, ' '), *canon;
		if (f->into != l || f->type != ENTITY_ORG || sp == NULL)
			continue;
		if ((canon = ner_lexicon_canonical(x->lex, sp + 1, strlen(sp + 1))) == NULL)
			canon = entity_rules_org_canonical(x->rules, sp + 1, strlen(sp + 1));
		if (canon == NULL || strcmp(canon, sp + 1) == 0 || !entity_key_head(x, sp + 1, f->k) ||
		    !strstr(canon, sp + 1 + (strncmp(sp + 1, "ال", 4) == 0 ? 4 : 0)))
			continue; /* a form of the name, not another body («معهد الحرم المكي») */
		for (size_t k = 0; k < x->ndrafts; k++) {
			const struct entity_draft *e = &x->drafts[k];
			if (k != l && e->into == k && e->type == ENTITY_ORG && strcmp(e->k, canon) == 0) {
				if (e->nmentions > f->nmentions)
					entity_join(x, l, k);
				else
					entity_join(x, k, l);
				break;
			}
		}
	}
}

/* A short mention joins the full name it begins or ends when there is one such name of its
 * type («لافروف» → «سيرغي لافروف», «سامي» → «سامي الجابر», «بايرن» → «بايرن ميونيخ»). A
 * one-word person or organisation that could be several of them («محمد», «يونايتد» of
 * «وستهام يونايتد» and «مانشستر يونايتد») is left out: it says nothing. */
/* Whether a key's first word is an organisation's trigger (جامعة of the district «جامعة
 * الدمام», named after the university: no longer form of the city). */
static bool entity_key_opens_trigger(const struct entity_scratch *x, const char *key)
{
	const char *sp = strchr(key, ' ');
	return sp && entity_rules_is_trigger(x->rules, key, (size_t)(sp - key));
}

/* Whether short draft k's candidates (entity_merge_short) are each a part of the longest,
 * into, which k begins: one name given in full and in part. */
static bool entity_nested_candidates(const struct entity_scratch *x, size_t k, size_t into)
{
	const struct entity_draft *e = &x->drafts[k], *t = &x->drafts[into];
	if (strncmp(t->k, e->k, strlen(e->k)) != 0)
		return false; /* «صالح» of «علي عبدالله صالح» and of his son «أحمد علي عبدالله صالح» */
	for (size_t l = 0; l < x->ndrafts; l++) {
		const struct entity_draft *f = &x->drafts[l];
		if (l != k && l != into && f->into == l && f->type == e->type &&
		    entity_key_part(e->k, f->k, e->type) && !(e->type == ENTITY_PLACE && entity_key_opens_trigger(x, f->k)) &&
		    !entity_key_part(f->k, t->k, e->type))
			return false;
	}
	return true;
}

/* How many organisations of the article organisation draft k shortens under its own head
 * word, the others of its words among theirs («اتحاد الكرة» of «الاتحاد السعودي لكرة
 * القدم»: the football federation the article named in full), the last in *into. */
static size_t entity_trigger_short(const struct entity_scratch *x, size_t k, size_t *into)
{
	const struct entity_draft *e = &x->drafts[k];
	size_t first = strcspn(e->k, " "), n = 0;
	if (!entity_key_opens_trigger(x, e->k))
		return 0;
	for (size_t l = 0; l < x->ndrafts; l++) {
		const struct entity_draft *f = &x->drafts[l];
		if (l != k && f->into == l && f->type == ENTITY_ORG && strlen(f->k) > strlen(e->k) &&
		    entity_key_word_eq(e->k, first, f->k, strcspn(f->k, " ")) && entity_key_words_in(e->k, f->k))
			*into = l, n++;
	}
	return n;
}

/* Whether key word w is a country's nisba (entity_country_nisba), or ال, a stem and ي whose
 * place is ال, the stem and ية (السعودي of السعودية). */
static bool entity_state_nisba(const struct entity_scratch *x, const char *w)
{
	size_t n = strlen(w);
	char buf[128];
	if (entity_country_nisba(x, w, n))
		return true;
	if (n < 10 || n + 2 > sizeof buf || memcmp(w, "ال", 4) != 0 || memcmp(w + n - 2, "ي", 2) != 0)
		return false;
	memcpy(buf, w, n);
	memcpy(buf + n, "ه", 2);
	return entity_place_known(x, buf, n + 2);
}

/* How many organisations of the article end with organisation draft k's name once a
 * country's nisba after them is put aside («الشباب» of «نادي الشباب السعودي»), the last in
 * *into. */
static size_t entity_nisba_short(const struct entity_scratch *x, size_t k, size_t *into)
{
	const struct entity_draft *e = &x->drafts[k];
	size_t en = strlen(e->k), n = 0;
	for (size_t l = 0; l < x->ndrafts; l++) {
		const struct entity_draft *f = &x->drafts[l];
		const char *sp = strrchr(f->k, ' ');
		size_t end = sp ? (size_t)(sp - f->k) : 0;
		if (l == k || f->into != l || f->type != ENTITY_ORG || end <= en || !entity_state_nisba(x, sp + 1))
			continue;
		if (memcmp(f->k + end - en, e->k, en) == 0 && f->k[end - en - 1] == ' ')
			*into = l, n++;
	}
	return n;
}

/* How many organisations of the article are organisation draft k's name and a country's
 * nisba (entity_state_nisba: «مجلس النواب الليبي» of «مجلس النواب»), the last in *into. */
static size_t entity_nisba_long(const struct entity_scratch *x, size_t k, size_t *into)
{
	const struct entity_draft *e = &x->drafts[k];
	size_t en = strlen(e->k), n = 0, at = *into;
	for (size_t l = 0; l < x->ndrafts; l++) {
		const struct entity_draft *f = &x->drafts[l];
		if (l != k && f->into == l && f->type == ENTITY_ORG && strncmp(f->k, e->k, en) == 0 &&
		    f->k[en] == ' ' && !strchr(f->k + en + 1, ' ') && entity_state_nisba(x, f->k + en + 1))
			at = l, n++;
	}
	if (n == 1)
		*into = at;
	return n; /* not a one-word «الاتحاد»: the club, or the federation «الاتحاد السعودي» */
}

static void entity_merge_short(struct entity_scratch *x)
{
	for (size_t k = 0; k < x->ndrafts; k++) {
		struct entity_draft *e = &x->drafts[k];
		size_t candidates = 0, into = k;
		if (e->into != k || e->type == ENTITY_DATE)
			continue;
		for (size_t l = 0; l < x->ndrafts; l++) {
			const struct entity_draft *f = &x->drafts[l];
			if (l != k && f->into == l && f->type == e->type && entity_key_part(e->k, f->k, e->type) &&
			    !(e->type == ENTITY_PLACE && entity_key_opens_trigger(x, f->k))) {
				if (candidates++ == 0 || strlen(f->k) > strlen(x->drafts[into].k))
					into = l; /* the longest: not «الدمام» into the district «جامعة الدمام» */
			}
		}
		if (candidates == 0 && e->type == ENTITY_ORG)
			candidates = entity_trigger_short(x, k, &into);
		if (candidates == 0 && e->type == ENTITY_ORG)
			candidates = entity_nisba_short(x, k, &into);
		if (candidates > 1 && e->type == ENTITY_ORG && strchr(e->k, ' ') && entity_nisba_long(x, k, &into) == 1)
			candidates = 1; /* «مجلس النواب» of «مجلس النواب الليبي», not of a run-on */
		if (candidates > 1 && entity_nested_candidates(x, k, into))
			candidates = 1; /* «محمد بن سلمان» of «… بن عبدالعزيز» and «… بن عبدالعزيز آل سعود» */
		if (candidates == 1)
			entity_join(x, k, into);
		else if (candidates > 1 && e->type == ENTITY_ORG && entity_merge_heads(x, k))
			;
		else if (candidates > 1 && (e->type == ENTITY_PERSON || e->type == ENTITY_ORG) && !strchr(e->k, ' '))
			e->dropped = true;
	}
}

/* Whether a team's country is place, or place and a compass word the tagger left off
 * («تيمور» of «منتخب تيمور الشرقية»). */
static bool entity_team_country(const char *country, const char *place)
{
	size_t n = strlen(place);
	return strncmp(country, place, n) == 0 &&
	       (country[n] == '\0' || (country[n] == ' ' && !strchr(country + n + 1, ' ') &&
					 strlen(country + n + 1) > 4 &&
					 strcmp(country + strlen(country) - 4, "يه") == 0));
}

/* A country's name standing for its team is the team: the place «موريتانيا» joins the
 * organisation «منتخب موريتانيا» of the same article. */
static void entity_merge_teams(struct entity_scratch *x)
{
	static const char team[] = "منتخب ";
	for (size_t k = 0; k < x->ndrafts; k++) {
		const struct entity_draft *e = &x->drafts[k];
		if (e->into != k || e->type != ENTITY_PLACE)
			continue;
		for (size_t l = 0; l < x->ndrafts; l++) {
			const struct entity_draft *f = &x->drafts[l];
			if (f->into == l && f->type == ENTITY_ORG && strncmp(f->k, team, sizeof team - 1) == 0 &&
			    entity_team_country(f->k + sizeof team - 1, e->k)) {
				entity_join(x, k, l);
				break;
			}
		}
	}
}

/* The stem a team's country is named by: «ماليزيا» and «الماليزي» → ماليز, «الاردن» and
 * «الاردني» → اردن, «السعوديه» and «السعودي» → سعود; nisba says which of the two s is. */
static size_t entity_team_stem(const char *s, bool nisba, const char **stem)
{
	size_t n = strlen(s);
	if (n > 4 && memcmp(s, "ال", 4) == 0)
		s += 4, n -= 4;
	if (n > 8 && (memcmp(s + n - 4, "يه", 4) == 0 || (!nisba && memcmp(s + n - 4, "يا", 4) == 0)))
		n -= 4;
	else if (n > 6 && memcmp(s + n - 2, nisba ? "ي" : "ا", 2) == 0)
		n -= 2;
	*stem = s;
	return n;
}

/* Whether organisation keys t and u are one country's team: «منتخب ماليزيا» or, when a rule
 * made the country a team, «الجزائر», and «المنتخب الماليزي», «المنتخب الجزائري»; or «المنتخب
 * الوطني» beside the Saudi one in the Saudi press. */
static bool entity_same_team(const struct entity_scratch *x, const struct entity_draft *e, const char *u)
{
	const char *t = e->k;
	static const char team[] = "منتخب ", nteam[] = "المنتخب ";
	const char *a, *b;
	if (strncmp(u, nteam, sizeof nteam - 1) != 0 || strchr(u + sizeof nteam - 1, ' '))
		return false;
	u += sizeof nteam - 1;
	if (strcmp(u, "الوطني") == 0)
		return strcmp(t, "المنتخب السعودي") == 0;
	if (strncmp(t, team, sizeof team - 1) == 0)
		t += sizeof team - 1;
	else if (!e->sure || strchr(t, ' ') || !entity_place_known(x, t, strlen(t)))
		return false;
	size_t an = entity_team_stem(t, false, &a), bn = entity_team_stem(u, true, &b);
	return an == bn && an >= 6 && memcmp(a, b, an) == 0;
}

/* A country's team named twice, by the country and by its nisba, is one team: the one
 * with fewer mentions joins the other. */
static void entity_merge_team_nisbas(struct entity_scratch *x)
{
	for (size_t k = 0; k < x->ndrafts; k++) {
		const struct entity_draft *e = &x->drafts[k];
		if (e->into != k || e->type != ENTITY_ORG)
			continue;
		for (size_t l = 0; l < x->ndrafts; l++) {
			const struct entity_draft *f = &x->drafts[l];
			if (l == k || f->into != l || f->type != ENTITY_ORG || !entity_same_team(x, e, f->k))
				continue;
			if (f->nmentions > e->nmentions)
				entity_join(x, k, l);
			else
				entity_join(x, l, k);
			break;
		}
	}
}

/* The next letter of key *s as spellings of one name agree on it, advancing *s; 0 at the
 * end. The hamza's seats vary with the writer: ء goes, ئ is ي and ؤ is و (الطوارئ،
 * الطوارىء; الطائف، الطايف; لمياء، لميا), and a long vowel written twice is one (يحيى،
 * يحي; هاوورد، هاورد). */
static uint32_t entity_spelling_next(const char **s)
{
	for (;;) {
		const unsigned char *u = (const unsigned char *)*s;
		uint32_t cp;
		if (u[0] == 0)
			return 0;
		if (u[0] < 0x80 || u[1] == 0) {
			cp = u[0], *s += 1;
		} else if ((u[0] & 0xe0) == 0xc0) {
			cp = (uint32_t)(u[0] & 0x1f) << 6 | (u[1] & 0x3f), *s += 2;
		} else {
			cp = 0x10000u + u[0], *s += 1; /* any other byte stands for itself */
		}
		if (cp == 0x0621)
			continue;
		cp = cp == 0x0626 ? 0x064A : cp == 0x0624 ? 0x0648 : cp;
		if (cp == 0x064A || cp == 0x0648) {
			const char *t = *s;
			while (entity_spelling_next(&t) == cp)
				*s = t;
		}
		return cp;
	}
}

/* Whether keys a and b are one name spelt two ways (entity_spelling_next). */
static bool entity_same_spelling(const char *a, const char *b)
{
	uint32_t ca, cb;
	do {
		ca = entity_spelling_next(&a);
		cb = entity_spelling_next(&b);
	} while (ca == cb && ca != 0);
	return ca == cb;
}

/* One entity whose mentions spell it two ways is one entry (قوات الطوارئ، قوات الطوارىء;
 * يحيى الشهري، يحي الشهري): the less mentioned spelling joins the other. */
static void entity_merge_spellings(struct entity_scratch *x)
{
	for (size_t k = 0; k < x->ndrafts; k++) {
		struct entity_draft *e = &x->drafts[k];
		if (e->into != k)
			continue;
		for (size_t l = k + 1; l < x->ndrafts; l++) {
			struct entity_draft *f = &x->drafts[l];
			if (f->into != l || f->type != e->type || strcmp(e->k, f->k) == 0 ||
			    !entity_same_spelling(e->k, f->k))
				continue;
			if (f->nmentions > e->nmentions) {
				entity_join(x, k, l);
				break;
			}
			entity_join(x, l, k);
		}
	}
}

/* Mentions of dropped entities out of the list; each draft points at its root. */
static void entity_settle(struct entity_scratch *x)
{
	size_t n = 0;
	for (size_t k = 0; k < x->ndrafts; k++) {
		struct entity_draft *d = &x->drafts[k];
		if (d->into == k && (d->type == ENTITY_PERSON || d->type == ENTITY_PLACE) &&
		    d->nmentions == 1 && !d->sure && !strchr(d->k, ' ') && !ner_lexicon_known(x->lex, d->k, strlen(d->k)) &&
		    !entity_rules_only_place(x->rules, d->k, strlen(d->k)) &&
		    !(d->type == ENTITY_PLACE && entity_world_place(x, d->k, strlen(d->k))))
			d->dropped = true; /* «ميدانيا», «جيجابايت»: a word the tagger saw once and no list knows */
		if (d->into == k && d->type == ENTITY_PERSON && !strchr(d->k, ' ') && !d->sure &&
		    strtab_find(&x->rules->persons, d->k, strlen(d->k), &(uint32_t){0}) &&
		    ner_lexicon_canonical(x->lex, d->k, strlen(d->k)) == NULL)
			d->dropped = true; /* «محمد», «عبدالعزيز» alone: a first name, not a person
					     (a team sheet's «عواجي» is a player) */
	}
	for (size_t k = 0; k < x->ndrafts; k++)
		x->drafts[k].into = entity_root(x, (uint32_t)k);
	for (size_t f = 0; f < x->nfound; f++)
		if (!x->drafts[x->drafts[x->found[f].d].into].dropped)
			x->found[n++] = x->found[f];
	x->nfound = n;
}

static int entity_order_cmp(const void *a, const void *b)
{
	const struct entity_draft *x = *(struct entity_draft *const *)a;
	const struct entity_draft *y = *(struct entity_draft *const *)b;
	if (x->type != y->type)
		return (int)x->type - (int)y->type;
	if (x->nmentions != y->nmentions)
		return x->nmentions > y->nmentions ? -1 : 1;
	return strcmp(x->k, y->k);
}

/* The drafts left after the merge, in output order: by type, most mentioned first. */
static size_t entity_order(struct entity_scratch *x, struct entity_draft **order)
{
	size_t n = 0;
	for (size_t k = 0; k < x->ndrafts; k++)
		if (x->drafts[k].into == k && !x->drafts[k].dropped)
			order[n++] = &x->drafts[k];
	xqsort(order, n, sizeof *order, entity_order_cmp);
	for (size_t i = 0; i < n; i++)
		order[i]->pos = (uint32_t)i;
	for (size_t k = 0; k < x->ndrafts; k++)
		x->drafts[k].pos = x->drafts[x->drafts[k].into].pos;
	return n;
}

/* The drafts into out: entities and mentions in one block of their size, keys in another. */
static void entity_pack(struct entity_scratch *x, struct article_entities *out)
{
	size_t n, keys = 0, first = 0;

	xgrow(&x->order, &x->ocap, x->ndrafts + 1, sizeof *x->order);
	n = entity_order(x, x->order);
	out->n = (uint32_t)n;
	out->nmentions = (uint32_t)x->nfound;
	if (n == 0)
		return;
	out->v = xmalloc(n * sizeof *out->v + x->nfound * sizeof *out->mentions);
	out->mentions = (struct entity_mention *)(out->v + n);
	for (size_t i = 0; i < n; i++)
		keys += x->order[i]->keylen + 1;
	out->keys = xmalloc(keys);
	keys = 0;
	for (size_t i = 0; i < n; i++) {
		const struct entity_draft *d = x->order[i];
		out->v[i] = (struct article_entity){.type = d->type, .name = d->name,
						    .first = (uint32_t)first, .nmentions = d->nmentions,
						    .key = (uint32_t)keys, .id = UINT32_MAX};
		memcpy(out->keys + keys, d->k, d->keylen + 1);
		keys += d->keylen + 1;
		first += d->nmentions;
	}
	xgrow(&x->fill, &x->fillcap, n, sizeof *x->fill);
	memset(x->fill, 0, n * sizeof *x->fill);
	for (size_t f = 0; f < x->nfound; f++) {
		struct article_entity *e = &out->v[x->drafts[x->found[f].d].pos];
		out->mentions[e->first + x->fill[e - out->v]++] = x->found[f].m;
	}
	for (size_t i = 0; i < n; i++) /* a surname's mentions joined in reading order */
		xqsort(out->mentions + out->v[i].first, out->v[i].nmentions, sizeof *out->mentions,
		       entity_mention_cmp);
}

struct entity_scratch *entity_scratch_new(void)
{
	struct entity_scratch *x = xcalloc(1, sizeof *x);
	strtab_init(&x->words);
	return x;
}

void entity_scratch_use_furniture(struct entity_scratch *x, const struct furniture *f)
{
	x->furniture = f;
}

void entity_scratch_free(struct entity_scratch *x)
{
	if (x == NULL)
		return;
	strtab_free(&x->words);
	ner_para_free(&x->para);
	ner_doc_free(&x->doc);
	strbuf_free(&x->key);
	strbuf_free(&x->alt);
	strbuf_free(&x->keys);
	free(x->drafts);
	free(x->found);
	free(x->texts);
	free(x->order);
	free(x->fill);
	free(x->lead);
	free(x->lead_al);
	free(x->sure);
	free(x);
}

/* The tagger learnt Arabic: on Hebrew, Persian, Urdu or English text it finds only noise. */
static bool entity_tagger_reads(const struct article *a)
{
	struct text_letters c = {0};

	text_count_letters(a->title, strlen(a->title), &c);
	for (size_t i = 0; i < a->npara; i++)
		text_count_letters(a->paras[i], strlen(a->paras[i]), &c);
	return text_letters_arabic(&c);
}

void entity_extract_with(const struct ner_model *m, const struct article *a,
			 struct entity_scratch *x, struct article_entities *out)
{
	memset(out, 0, sizeof *out);
	if (!entity_tagger_reads(a))
		return;
	x->lex = ner_model_lexicon(m);
	x->rules = entity_rules_default();
	x->a = a;
	furniture_cut(x->furniture, a, &x->cut);
	x->ndrafts = x->nfound = x->keys.len = 0;
	strtab_clear(&x->words);
	entity_collect_words(x, a->title);
	for (size_t i = 0; i < a->npara; i++)
		entity_collect_words(x, a->paras[i]);
	x->sport = entity_about_sport(x);
	xgrow(&x->texts, &x->tcap, a->npara + 1, sizeof *x->texts);
	x->texts[0] = a->title;
	for (size_t i = 0; i < a->npara; i++)
		x->texts[i + 1] = a->paras[i];
	ner_doc_tag(m, x->texts, a->npara + 1, &x->doc);
	entity_text(x, a->title, -1);
	for (size_t i = 0; i < a->npara; i++)
		entity_text(x, a->paras[i], (long)i);
	for (size_t k = 0; k < x->ndrafts; k++)
		x->drafts[k].k = x->keys.data + x->drafts[k].key;
	entity_drop_byline(x, a->npara > 0 ? &x->doc.paras[1] : NULL);
	entity_drop_signature(x);
	entity_merge_asides(x);
	entity_merge_conj_split(x);
	entity_vote_types(x);
	entity_merge_spellings(x);
	entity_merge_canonical_heads(x);
	entity_merge_short(x);
	entity_merge_teams(x);
	entity_merge_team_nisbas(x);
	entity_drop_seats(x);
	entity_settle(x);
	ner_doc_free(&x->doc); /* kept, it would hold every paragraph's tagger work of the longest articles */
	entity_pack(x, out);
}

void entity_extract(const struct ner_model *m, const struct article *a, struct article_entities *out)
{
	struct entity_scratch *x = entity_scratch_new();
	entity_extract_with(m, a, x, out);
	entity_scratch_free(x);
}

void article_entities_free(struct article_entities *e)
{
	free(e->v);
	free(e->keys);
	memset(e, 0, sizeof *e);
}

/* A mention inside the article: a known paragraph (or the title), within its bytes. */
static bool entity_mention_ok(struct entity_mention m, const size_t *lens, size_t npara)
{
	if (m.para < -1 || (m.para >= 0 && (size_t)m.para >= npara))
		return false;
	return m.beg <= m.end && m.end <= lens[m.para + 1];
}

bool article_entities_sound(const struct article_entities *es, size_t keybytes,
			    const struct article *a)
{
	size_t *lens = xcalloc(a->npara + 1, sizeof *lens), next = 0;
	bool ok = keybytes == 0 ? es->n == 0 : es->keys[keybytes - 1] == '\0';

	lens[0] = strlen(a->title);
	for (size_t i = 0; i < a->npara; i++)
		lens[i + 1] = strlen(a->paras[i]);
	for (size_t k = 0; ok && k < es->n; k++) {
		const struct article_entity *e = &es->v[k];
		ok = (unsigned)e->type < ENTITY_NTYPES && e->first == next &&
		     e->nmentions <= es->nmentions - next && e->key < keybytes &&
		     (e->key == 0 || es->keys[e->key - 1] == '\0') && e->id == UINT32_MAX &&
		     entity_mention_ok(e->name, lens, a->npara);
		next += ok ? e->nmentions : 0;
	}
	ok = ok && next == es->nmentions;
	for (size_t f = 0; ok && f < es->nmentions; f++)
		ok = entity_mention_ok(es->mentions[f], lens, a->npara);
	free(lens);
	return ok;
}

/* The packed form's head, then the records, the mentions and keybytes of keys. */
struct entity_pack_head {
	uint32_t n, nmentions, keybytes, version; /* article_entities_pack_version */
};

size_t article_entities_key_bytes(const struct article_entities *es)
{
	size_t end = 0;
	for (size_t k = 0; k < es->n; k++) {
		size_t e = es->v[k].key + strlen(es->keys + es->v[k].key) + 1;
		end = e > end ? e : end;
	}
	return end;
}

size_t article_entities_packed_size(const struct article_entities *es)
{
	return sizeof(struct entity_pack_head) + es->n * sizeof *es->v +
	       es->nmentions * sizeof *es->mentions + article_entities_key_bytes(es);
}

void article_entities_pack(const struct article_entities *es, struct strbuf *out)
{
	struct entity_pack_head h = {es->n, es->nmentions, (uint32_t)article_entities_key_bytes(es),
				     article_entities_pack_version()};

	strbuf_append(out, (const char *)&h, sizeof h);
	if (es->n == 0)
		return;
	strbuf_append(out, (const char *)es->v, es->n * sizeof *es->v);
	strbuf_append(out, (const char *)es->mentions, es->nmentions * sizeof *es->mentions);
	strbuf_append(out, es->keys, h.keybytes);
}

static bool entity_unpack(const void *buf, size_t len, const struct article *a,
			  struct article_entities *out, bool any_rules)
{
	const unsigned char *p = buf;
	struct entity_pack_head h;
	uint64_t want;

	memset(out, 0, sizeof *out);
	if (len < sizeof h)
		return false;
	memcpy(&h, p, sizeof h);
	want = sizeof h + (uint64_t)h.n * sizeof *out->v +
	       (uint64_t)h.nmentions * sizeof *out->mentions + h.keybytes;
	if (want != len || (h.n == 0) != (h.keybytes == 0) ||
	    (!any_rules && h.version != article_entities_pack_version()))
		return false; /* packed by other rules or assets: tagged again */
	out->n = h.n;
	out->nmentions = h.nmentions;
	if (h.n > 0) {
		size_t vb = h.n * sizeof *out->v, mb = h.nmentions * sizeof *out->mentions;
		out->v = xmalloc(vb + mb);
		out->mentions = (struct entity_mention *)(out->v + h.n);
		memcpy(out->v, p + sizeof h, vb + mb);
		out->keys = xmalloc(h.keybytes);
		memcpy(out->keys, p + sizeof h + vb + mb, h.keybytes);
	}
	if (!article_entities_sound(out, h.keybytes, a)) {
		article_entities_free(out);
		memset(out, 0, sizeof *out);
		return false;
	}
	return true;
}

bool article_entities_packed_stale(const void *buf, size_t len)
{
	struct entity_pack_head h;
	if (buf == NULL || len < sizeof h)
		return false;
	memcpy(&h, buf, sizeof h);
	return h.version != article_entities_pack_version();
}

bool article_entities_unpack(const void *buf, size_t len, const struct article *a,
			     struct article_entities *out)
{
	return entity_unpack(buf, len, a, out, false);
}

bool article_entities_unpack_any_rules(const void *buf, size_t len, const struct article *a,
				       struct article_entities *out)
{
	return entity_unpack(buf, len, a, out, true);
}
