/* entity_org.c - organisations over the tagger: the names of organisations.txt, a trigger
 * word and the name after it («وزارة الزراعة», «مطار الملك خالد الدولي»), a definite trigger
 * with its nisbas and purpose («المرصد السوري لحقوق الإنسان»), and clubs named by their
 * town (سوانزي سيتي). Rules are described in docs/design.md («What the sidebar lists»). */
#include <string.h>

#include "entity_private.h"
#include "qari/text.h"

/* Organisations of organisations.txt the tagger left untagged: the longest phrase, its
 * first word as written or without its clitics (والهلال). */
static bool entity_untagged(const struct ner_para *p, size_t i, size_t j)
{
	for (size_t k = i; k < j; k++)
		if (p->tags[k] != 0)
			return false;
	return true;
}

/* Whether word k is a country's nisba, also one whose feminine names the country (السعودي). */
static bool entity_nisba_of_place(const struct entity_scratch *x, const struct ner_para *p,
				  size_t k)
{
	const char *w = p->norm.s + p->toks[k].beg;
	size_t n = p->toks[k].end - p->toks[k].beg;
	char buf[256];
	if (entity_country_nisba(x, w, n))
		return true;
	if (n + 2 > sizeof buf || n < 2 || memcmp(w + n - 2, "ي", 2) != 0)
		return false;
	memcpy(buf, w, n);
	memcpy(buf + n, "ه", 2);
	return entity_world_place(x, buf, n + 2) || entity_place_known(x, buf, n + 2);
}

/* Whether word k is a definite adjective in ي of a common noun: no relative (الذي), sport
 * word (الكروي), country's nisba (السعودي) nor club (الأهلي). */
static bool entity_common_adjective(const struct entity_scratch *x, const struct ner_para *p,
				    size_t k)
{
	const char *w = p->norm.s + p->toks[k].beg;
	size_t n = p->toks[k].end - p->toks[k].beg;
	bool longer;
	return p->toks[k].kind == NORM_TOKEN_WORD && entity_word_definite(p, k) &&
	       memcmp(w + n - 2, "ي", 2) == 0 && p->tags[k] == 0 && !entity_word_is(p, k, "الذي") &&
	       !entity_rules_is_sport(x->rules, w, n) && !entity_nisba_of_place(x, p, k) &&
	       entity_rules_org(x->rules, w, n, &longer) == ENTITY_RULES_NOT_ORG;
}

/* Whether word k, its proclitics off (and no ال among them), is one of the n words. */
static bool entity_clitic_word_in(const struct ner_para *p, size_t k, const char *const *words,
				  size_t n)
{
	bool al;
	size_t skip = entity_proclitic(p, k, &al);
	const char *w = p->norm.s + p->toks[k].beg + skip;
	size_t len = p->toks[k].end - p->toks[k].beg - skip;

	return !al && p->toks[k].kind == NORM_TOKEN_WORD && entity_bare_word_in(w, len, words, n);
}

/* Whether token k, clitics off, names a group of people or their care, which a common
 * word after it is one of (لرعاية الشباب، لشؤون الشباب، فئة الشباب، الناشئين والشباب; not
 * the club). */
static bool entity_group_word(const struct ner_para *p, size_t k)
{
	static const char *const words[] = {"رعايه", "شؤون", "فئه", "فئات", "درجه", "بعض", "الخبره",
					    "الناشئين"};
	return entity_clitic_word_in(p, k, words, sizeof words / sizeof *words);
}

/* Whether token k is a definite masculine plural of people (اللاعبين، المواطنون), which a
 * definite word after it describes; not الذين nor الاثنين (Monday), nor a club (التعاون). */
static bool entity_people_plural(const struct entity_scratch *x, const struct ner_para *p, size_t k)
{
	const char *w = p->norm.s + p->toks[k].beg;
	size_t n = p->toks[k].end - p->toks[k].beg;
	bool longer;
	return p->toks[k].kind == NORM_TOKEN_WORD && p->tags[k] == 0 && n > 10 && entity_word_definite(p, k) &&
	       entity_rules_org(x->rules, w, n, &longer) == ENTITY_RULES_NOT_ORG &&
	       (memcmp(w + n - 4, "ين", 4) == 0 || memcmp(w + n - 4, "ون", 4) == 0) &&
	       !entity_word_is(p, k, "الذين") && !entity_word_is(p, k, "الاثنين");
}

/* Whether token k, clitics off, is a minister or a ministry, whose construct's noun is a
 * portfolio (وزير الشباب والرياضة، ووزارتي الشباب). */
static bool entity_portfolio_word(const struct ner_para *p, size_t k)
{
	static const char *const words[] = {"وزير", "وزيره", "وزاره", "وزارتي", "وزراء"};
	for (size_t h = 0; h < sizeof words / sizeof *words; h++)
		if (entity_word_is(p, k, words[h]))
			return true; /* as written: «وزير» is no و + زير */
	return entity_clitic_word_in(p, k, words, sizeof words / sizeof *words);
}

/* Whether the club name at k is written with ل (للشباب) after a national team's or a
 * championship's adjective (its word two or three words back) or right after a tagged place: an age
 * group's purpose phrase (المنتخب السعودي للشباب، البطولة الخليجية التاسعة للشباب، عربية مصر
 * للشباب), not the club (الهدف الثاني للنصر، الرئيس الفخري للشباب، لاعبي المنتخب للنصر). */
static bool entity_age_group(const struct ner_para *p, size_t k)
{
	static const char *const teams[] = {"منتخب", "المنتخب", "بطوله", "البطوله"};
	const char *w = p->norm.s + p->toks[k].beg;
	if (k == 0 || p->toks[k].end - p->toks[k].beg < 6 || memcmp(w, "لل", 4) != 0)
		return false;
	if (ner_tag_type(p->tags[k - 1]) == NER_LOC)
		return true; /* the tagger's place: «ضربة جزاء للسد» has a village's name */
	if (!entity_word_definite(p, k - 1))
		return false;
	for (size_t b = 2; b <= 3 && b <= k && p->toks[k - b].kind == NORM_TOKEN_WORD; b++)
		if (entity_clitic_word_in(p, k - b, teams, sizeof teams / sizeof *teams))
			return true;
	return false;
}

/* Whether a pair of clubs follows token k within four words (و and a listed or tagged club): a
 * plural or dual before k names them (الغريمين النصر والهلال، الغريمين الأهلي والزمالك،
 * الشقيقين النصر بطل الدوري والهلال). */
static bool entity_club_pair_after(const struct entity_scratch *x, const struct ner_para *p, size_t k)
{
	bool longer;
	for (size_t t = k + 1; t <= k + 4 && t < p->n && p->toks[t].kind == NORM_TOKEN_WORD; t++) {
		const char *w = p->norm.s + p->toks[t].beg;
		size_t n = p->toks[t].end - p->toks[t].beg;
		if (n > 2 && memcmp(w, "و", 2) == 0 &&
		    (entity_rules_org(x->rules, w + 2, n - 2, &longer) != ENTITY_RULES_NOT_ORG ||
		     ner_tag_type(p->tags[t]) == NER_ORG))
			return true;
	}
	return false;
}

/* Whether the one-word club name at k (a common word: الاتفاق the agreement) reads as that
 * word: after «تم» or a group's word, before عليه or معه, الذين or another group of people
 * (والناشئين), or before a common noun's adjective (تم الاتفاق، الاتفاق المبدئي، الاتفاق
 * النووي، بعض الشباب الذين; not الشباب السعودي); as an adjective after a plural of people
 * (اللاعبين الشباب), a portfolio (وزير الشباب) or an age group (المنتخب السعودي للشباب). */
static bool entity_club_as_word(const struct entity_scratch *x, const struct ner_para *p, size_t k)
{
	static const char *const after[] = {"عليه", "عليها", "معها", "معه", "الذين", "والناشئين",
					    "والشابات", "والفتيات"};
	if (k > 0 && (entity_word_is(p, k - 1, "تم") || entity_group_word(p, k - 1) ||
		      (entity_word_definite(p, k) && entity_people_plural(x, p, k - 1) &&
		       !entity_club_pair_after(x, p, k)) ||
		      entity_portfolio_word(p, k - 1) || entity_age_group(p, k)))
		return true;
	if (k + 1 >= p->n)
		return false;
	for (size_t t = 0; t < sizeof after / sizeof *after; t++)
		if (entity_word_is(p, k + 1, after[t]))
			return true;
	return entity_common_adjective(x, p, k + 1);
}

void entity_known_orgs(struct entity_scratch *x, struct ner_para *p)
{
	for (size_t i = 0; i < p->n;) {
		size_t best = 0, bskip = 0;
		bool bal = false;
		for (int bare = 0; bare < 2 && !ner_tag_inside(p->tags[i]); bare++) {
			bool al = false, longer = true;
			size_t skip = bare ? entity_proclitic(p, i, &al) : 0;
			if (bare && skip == 0)
				break;
			for (size_t l = 1; l <= ENTITY_ORG_WORDS && i + l <= p->n && longer; l++) {
				enum entity_rules_org k;
				entity_phrase(p, i, i + l, skip, al, &x->alt);
				k = entity_rules_org(x->rules, x->alt.data, x->alt.len, &longer);
				/* over the tagger's chunks only when longer than a word, ending where one does:
				   «الاتحاد السعودي لكرة القدم» whatever it made of «السعودي» */
				bool club = k == ENTITY_RULES_ORG_SPORT && x->sport &&
					    (l > 1 || !entity_club_as_word(x, p, i));
				if ((k == ENTITY_RULES_ORG || club) && l > best &&
				    (entity_untagged(p, i, i + l) ||
				     (l > 1 && (i + l == p->n || !ner_tag_inside(p->tags[i + l])))))
					best = l, bskip = skip, bal = al;
			}
		}
		if (best)
			entity_retag(x, p, i, i + best, NER_ORG, bskip, bal);
		i += best ? best : 1;
	}
}

/* Whether one of the next words from k on (at most ahead) ends a construct: a definite
 * word or a tagged name, after indefinite words only. */
static bool entity_construct_ends(struct entity_scratch *x, const struct ner_para *p, size_t k,
				  size_t ahead)
{
	for (size_t t = k; t < k + ahead && t < p->n && p->toks[t].kind == NORM_TOKEN_WORD; t++) {
		const char *w = p->norm.s + p->toks[t].beg;
		size_t n = p->toks[t].end - p->toks[t].beg;
		struct norm_split sp;
		int type = ner_tag_type(p->tags[t]);
		if (ner_lexicon_is_stop(x->lex, w, n) || entity_rules_org_stop(x->rules, w, n) ||
		    type == NER_PERS)
			return false;
		if (type != 0 || entity_word_definite(p, t))
			return true;
		norm_word_split(w, n, &sp);
		if (sp.stem > 0 || (n > 2 && (memcmp(w, "ي", 2) == 0 || memcmp(w, "ت", 2) == 0)))
			return false;
	}
	return false;
}

/* Whether token k is an untagged, indefinite word with no clitic that reads like no verb
 * and is no stop word: a noun a construct may chain (شباب، منطقة). */
static bool entity_plain_word(struct entity_scratch *x, const struct ner_para *p, size_t k)
{
	const char *w = p->norm.s + p->toks[k].beg;
	size_t n = p->toks[k].end - p->toks[k].beg;
	struct norm_split sp;

	if (p->toks[k].kind != NORM_TOKEN_WORD || p->tags[k] != 0 || entity_word_definite(p, k) ||
	    ner_lexicon_is_stop(x->lex, w, n) || entity_rules_org_stop(x->rules, w, n) ||
	    (n > 2 && (memcmp(w, "ي", 2) == 0 || memcmp(w, "ت", 2) == 0)))
		return false;
	norm_word_split(w, n, &sp);
	return sp.stem == 0;
}

/* How many plain nouns from token k on, two or three, chain a construct to a place after
 * them («شباب منطقة عسير», «دول جنوب شرق آسيا»), else 0. */
static size_t entity_construct_place(struct entity_scratch *x, const struct ner_para *p, size_t k)
{
	for (size_t m = 0; m < 3 && k + m < p->n && entity_plain_word(x, p, k + m); m++) {
		const char *w = p->norm.s + p->toks[k + m].beg;
		size_t n = p->toks[k + m].end - p->toks[k + m].beg;
		if (m == 2 && (memcmp(w + n - 2, "ه", 2) == 0 || memcmp(w + n - 2, "ت", 2) == 0))
			return 0; /* three only of bare nouns: «قوات أمنية مشتركة نفذت» is a
				     description and a verb */
		if (m == 1 && entity_place_at(x, p, k + m + 1))
			return m + 1;
		if (m == 2 && k + 3 < p->n && p->toks[k + 3].kind == NORM_TOKEN_WORD &&
		    (ner_tag_type(p->tags[k + 3]) == NER_LOC ||
		     entity_world_place(x, p->norm.s + p->toks[k + 3].beg, p->toks[k + 3].end - p->toks[k + 3].beg)))
			return m + 1; /* a longer chain only to a place of the world (آسيا) */
	}
	return 0;
}

/* Whether token k is و and a definite word, untagged and no stop word, after a definite
 * word of the name (k > first), after a masculine nisba only another nisba: the second
 * noun of a pair the name coordinates. */
static bool entity_and_definite(struct entity_scratch *x, const struct ner_para *p, size_t k,
				size_t first)
{
	const char *w = p->norm.s + p->toks[k].beg, *pw = p->norm.s + p->toks[k - 1].beg;
	size_t n = p->toks[k].end - p->toks[k].beg, pn = p->toks[k - 1].end - p->toks[k - 1].beg;
	if (((pn > 2 && memcmp(pw + pn - 2, "ي", 2) == 0) || entity_country_nisba(x, pw, pn)) &&
	    !entity_ends_nisba(w, n))
		return false; /* «الاتحاد الأوروبي والبنك المركزي», «قوات الأمن التركية والمتمردين»:
				 two bodies (…ية is also a noun's ending: «التربية والتعليم», but not
				 a country's nisba) */
	return k > first && n > 8 && memcmp(w, "وال", 6) == 0 && p->tags[k] == 0 &&
	       p->toks[k - 1].kind == NORM_TOKEN_WORD && entity_word_definite(p, k - 1) &&
	       !ner_lexicon_is_stop(x->lex, w, n) && !ner_lexicon_is_stop(x->lex, w + 2, n - 2) &&
	       !entity_rules_org_stop(x->rules, w + 2, n - 2) && !ner_lexicon_is_title(x->lex, w + 2, n - 2) &&
	       !entity_rules_is_trigger(x->rules, w + 6, n - 6);
}

/* Whether token k (clitics off) is a stadium's trigger (ملعب، استاد) or «فريق», which a
 * foreign word alone may name in an article about sport (استاد ويمبلي، فريق سباهان). */
static bool entity_venue_word(const struct ner_para *p, size_t k)
{
	static const char *const words[] = {"ملعب", "استاد", "فريق"};
	bool al;
	size_t skip = entity_proclitic(p, k, &al);
	for (int bare = 0; bare < 2; bare++) { /* «فريق» is no ف + ريق */
		const char *w = p->norm.s + p->toks[k].beg + (bare ? skip : 0);
		size_t n = p->toks[k].end - p->toks[k].beg - (bare ? skip : 0);
		for (size_t h = 0; h < sizeof words / sizeof *words && !al; h++)
			if (n == strlen(words[h]) && memcmp(w, words[h], n) == 0)
				return true;
	}
	return false;
}

/* Whether token k reads as a foreign word written in Arabic letters: untagged, indefinite,
 * four letters or more of which two after the first are long vowels (ويمبلي، ليبرتي), no
 * stop word and no nisba of a word of the article or of a country (جديد، رئيسي). */
static bool entity_foreign_word(const struct entity_scratch *x, const struct ner_para *p, size_t k)
{
	const char *w = p->norm.s + p->toks[k].beg;
	size_t n = p->toks[k].end - p->toks[k].beg, vowels = 0;
	struct norm_split sp;
	if (p->toks[k].kind != NORM_TOKEN_WORD || p->tags[k] != 0 || entity_word_definite(p, k) ||
	    entity_letters(w, n) < 4 || ner_lexicon_is_stop(x->lex, w, n) || memcmp(w + n - 2, "ه", 2) == 0 ||
	    (memcmp(w + n - 2, "ي", 2) == 0 && entity_nisba_of(x, w, n - 2)))
		return false; /* …ة is an Arabic noun's ending (مباراة) */
	norm_word_split(w, n, &sp);
	if (sp.stem > sp.proclitic || entity_rules_is_trigger(x->rules, w, n) ||
	    entity_rules_is_trigger(x->rules, w + sp.proclitic, n - sp.proclitic))
		return false; /* «بالعاصمة», «نادي», «وميناء» */
	if (k + 1 < p->n && p->toks[k + 1].kind == NORM_TOKEN_WORD && entity_word_definite(p, k + 1))
		return false; /* «ملعب مسيري النادي»: a construct's head */
	for (size_t b = 2; b + 1 < n; b += 2) /* Arabic letters are two bytes */
		vowels += memcmp(w + b, "ا", 2) == 0 || memcmp(w + b, "و", 2) == 0 || memcmp(w + b, "ي", 2) == 0;
	return vowels >= 2;
}

/* Whether token k is «الجوية» or «البحرية», the kind of a military base (قاعدة العند الجوية). */
static bool entity_base_kind(const struct ner_para *p, size_t k)
{
	return entity_word_is(p, k, "الجويه") || entity_word_is(p, k, "البحريه");
}

/* The clitic bytes in front of «فريق» at token k (لفريق، وفريق; «فريق» is no ف + ريق), or
 * (size_t)-1 when it is not that word. */
static size_t entity_team_skip(const struct ner_para *p, size_t k)
{
	const char *w = p->norm.s + p->toks[k].beg;
	size_t n = p->toks[k].end - p->toks[k].beg, team = strlen("فريق");
	if (p->toks[k].kind != NORM_TOKEN_WORD || n < team || memcmp(w + n - team, "فريق", team) != 0)
		return (size_t)-1;
	if (n == team)
		return 0;
	return n == team + 2 && (memcmp(w, "ل", 2) == 0 || memcmp(w, "و", 2) == 0 || memcmp(w, "ب", 2) == 0)
		       ? 2 : (size_t)-1;
}

/* Whether token k is a foreign word that names a club after a venue's or team's word: one
 * alone, or one with a country's nisba after it (سباهان الإيراني). */
static bool entity_club_word(const struct entity_scratch *x, const struct ner_para *p, size_t k)
{
	const char *w = p->norm.s + p->toks[k].beg;
	size_t n = p->toks[k].end - p->toks[k].beg;
	if (n == 10 && memcmp(w, "ت", 2) == 0 && memcmp(w + 6, "ي", 2) == 0)
		return false; /* «فريق تطوير»: a verbal noun تفعيل, no club */
	if (entity_foreign_word(x, p, k))
		return true;
	if (k + 1 >= p->n || p->toks[k + 1].kind != NORM_TOKEN_WORD ||
	    !entity_country_nisba(x, p->norm.s + p->toks[k + 1].beg, p->toks[k + 1].end - p->toks[k + 1].beg))
		return false;
	struct ner_para one = *p; /* the word as if the sentence ended after it */
	one.n = k + 1;
	return entity_foreign_word(x, &one, k);
}

/* Whether token k is «فريق» (its clitics aside) in an article about sport before a place or
 * a foreign word: a club (فريق الدرعية، فريق سباهان الإيراني), not «فريق العمل». */
static bool entity_team_of(const struct entity_scratch *x, const struct ner_para *p, size_t k)
{
	return x->sport && entity_team_skip(p, k) != (size_t)-1 && k + 1 < p->n &&
	       p->toks[k + 1].kind == NORM_TOKEN_WORD &&
	       (entity_place_at(x, p, k + 1) || entity_club_word(x, p, k + 1));
}

/* Whether token k (from byte skip) is «قاعدة» before a place the tagger found or with its
 * kind one or two words on: a military base named by its place (قاعدة العند، قاعدة العند
 * الجوية, مطار قاعدة الرياض الجوية), not «القاعدة». */
static bool entity_military_base(const struct ner_para *p, size_t k, size_t skip)
{
	const char *w = p->norm.s + p->toks[k].beg + skip;
	size_t n = p->toks[k].end - p->toks[k].beg - skip;
	return n == strlen("قاعده") && memcmp(w, "قاعده", n) == 0 &&
	       ((k + 2 < p->n && entity_base_kind(p, k + 2)) ||
		(k + 1 < p->n && p->tags[k + 1] == ner_tag_make(NER_LOC, false)) || /* قاعدة العند */
		(k + 3 < p->n && p->toks[k + 2].kind == NORM_TOKEN_WORD && entity_base_kind(p, k + 3)));
}

/* Whether token k is a compass word's nisba (الشرقية، الغربية، الشمالية، الجنوبية). */
static bool entity_place_compass_word(const struct ner_para *p, size_t k)
{
	static const char *const words[] = {"الشرقيه", "الغربيه", "الشماليه", "الجنوبيه"};
	for (size_t h = 0; h < sizeof words / sizeof *words; h++)
		if (entity_word_is(p, k, words[h]))
			return true;
	return false;
}

/* Whether token k is a compass word's nisba right after a one-word place the tagger found:
 * the rest of its name (تيمور الشرقية، كوريا الجنوبية). */
static bool entity_place_compass(const struct ner_para *p, size_t k)
{
	return k > 0 && p->tags[k - 1] == ner_tag_make(NER_LOC, false) && entity_place_compass_word(p, k);
}

/* Whether token k is the saint's word that opens a Latin place's name (سان، سانت، سانتا،
 * ساو: سان نيكولا، ساو باولو). */
static bool entity_saint_word(const struct ner_para *p, size_t k)
{
	return entity_word_is(p, k, "سان") || entity_word_is(p, k, "سانت") || entity_word_is(p, k, "سانتا") ||
	       entity_word_is(p, k, "سانتو") || entity_word_is(p, k, "ساو");
}

/* Whether token k is a particle inside a Latin name (دي، دو، دا، ديل، لا، لو: دي لو غارزا). */
static bool entity_particle(const struct ner_para *p, size_t k)
{
	static const char *const words[] = {"دي", "دو", "دا", "ديل", "لا", "لو", "لوس", "لاس"};
	for (size_t h = 0; h < sizeof words / sizeof *words; h++)
		if (entity_word_is(p, k, words[h]))
			return true;
	return false;
}

/* Whether token k, right after a one-word town the tagger found after a feminine trigger
 * (first is the town), is a feminine nisba that agrees with the trigger and names no country
 * nor a quality: the body's kind (كلية لندن الملكية، غرفة جدة التجارية، قناة دبي الفضائية;
 * not after «مصلحة», an interest: مصلحة إيران الحيوية). */
static bool entity_town_nisba(const struct entity_scratch *x, const struct ner_para *p, size_t k, size_t first)
{
	const char *w = p->norm.s + p->toks[k].beg, *t = p->norm.s + p->toks[first - 1].beg;
	size_t n = p->toks[k].end - p->toks[k].beg, tn = p->toks[first - 1].end - p->toks[first - 1].beg;
	static const char *const qualities[] = {"الرسميه", "الشرعيه", "الالكترونيه", "الجهاديه", "الحيويه"};
	static const char *const interest[] = {"مصلحه"};
	for (size_t h = 0; h < sizeof qualities / sizeof *qualities; h++)
		if (entity_word_is(p, k, qualities[h]))
			return false; /* «وكالة سبأ الشرعية», «خدمات أمانة الأحساء الإلكترونية»: what
					 it is like or what else the phrase says, not its kind */
	return k == first + 1 && p->tags[first] == ner_tag_make(NER_LOC, false) && p->tags[k] == 0 &&
	       tn > 2 && memcmp(t + tn - 2, "ه", 2) == 0 && n > 8 && memcmp(w + n - 4, "يه", 4) == 0 &&
	       !entity_clitic_word_in(p, first - 1, interest, 1) && !entity_country_nisba(x, w, n) && entity_nisba(x, p, k);
}

/* Whether token k can go on the name a trigger opened: a word of the article's own
 * (tagged, or definite: «وزارة الزراعة»), a person's name after الملك (a facility named
 * after him), never a preposition's phrase («بجدة»), a stop word or another title. */
static bool entity_trigger_takes(struct entity_scratch *x, const struct ner_para *p, size_t k,
				 size_t first, bool *facility, bool *named)
{
	const char *w = p->norm.s + p->toks[k].beg;
	size_t n = p->toks[k].end - p->toks[k].beg;
	struct norm_split sp;
	int type = ner_tag_type(p->tags[k]);

	if (p->toks[k].kind != NORM_TOKEN_WORD)
		return false;
	if (*facility && (entity_word_is(p, k, "بن") || entity_word_is(p, k, "ال") ||
			  entity_word_is(p, k, "عبد")))
		return true; /* «مطار الأمير محمد بن عبدالعزيز» */
	if (type == NER_PERS && !ner_tag_inside(p->tags[k]) && k > first && entity_saint_word(p, k - 1))
		return *facility = true; /* «بلدية سان نيكولا دي لو غارزا»: the rest of a town's
					    name the tagger took for a man's */
	if (type == NER_PERS && ner_tag_inside(p->tags[k]) && k > first + 1 && entity_saint_word(p, first) &&
	    p->tags[first + 1] == ner_tag_make(NER_PERS, false))
		return entity_particle(p, k) || entity_particle(p, k - 1); /* «دي لو» of «سان نيكولا
			دي لو غارزا», but not the chief after «سانت لويس» the tagger ran on (جون بلمار) */
	if (ner_lexicon_is_stop(x->lex, w, n) || entity_rules_org_stop(x->rules, w, n) ||
	    (*named && type == NER_DATE))
		return false; /* «مطار عدن الاربعاء»: when, not which (but «مسجد سوق الخميس») */
	if (*facility && type == NER_PERS && ner_tag_inside(p->tags[k]) && n > 2 &&
	    memcmp(w, "ب", 2) != 0 && memcmp(w, "ل", 2) != 0)
		return true; /* «مؤسسة مايكل فوكس»: the rest of the man's name, whatever its letters
				(but «بالملز» after it is where the facility is) */
	if (k == first && x->sport && entity_venue_word(p, k - 1) && entity_club_word(x, p, k))
		return *named = true; /* «استاد ويمبلي», «ملعب ليبرتي», «فريق سباهان الإيراني» */
	norm_word_split(w, n, &sp);
	if (entity_and_definite(x, p, k, first))
		return !*named; /* «مكتب المغادرة والوصول», «هيئة الإذاعة والتلفزيون» */
	if (sp.proclitic > 0 && !ner_lexicon_known(x->lex, w, n))
		return false;
	if (entity_word_is(p, k, "الملك") || entity_word_is(p, k, "الامير") || entity_word_is(p, k, "الامام"))
		return *facility = true;
	if (ner_lexicon_is_title(x->lex, w, n) && !(n > 2 && memcmp(w + n - 2, "ي", 2) == 0))
		return false; /* an office or a title ends the name; a nisba (السعودي) goes on it */
	if (type == NER_PERS && !entity_place_as_person(x, p, k))
		return *facility && !(n > 4 && memcmp(w, "لل", 4) == 0); /* no name's word opens with لل
									     («فهد للمناطق» the tagger ran on) */
	if (type != 0)
		return *named = true;
	if (entity_word_definite(p, k) && k > first && !entity_ends_nisba(w, n) &&
	    entity_country_nisba(x, p->norm.s + p->toks[k - 1].beg, p->toks[k - 1].end - p->toks[k - 1].beg))
		return false; /* «قوات الأمن التركية المتهمة»: the body's country closes its name */
	if (entity_word_definite(p, k)) /* nothing after a name but a facility's «الدولي» or a
					   base's «الجوية» */
		return !*named || (memcmp(w + n - 2, "ي", 2) == 0 && *facility) || entity_base_kind(p, k) ||
		       entity_place_compass(p, k) || /* «منتخب تيمور الشرقية» */
		       entity_town_nisba(x, p, k, first); /* «كلية لندن الملكية» */
	if (k != first) /* «مجلس شباب منطقة عسير»: nouns of a construct and a place */
		return k <= first + entity_construct_place(x, p, first);
	if (entity_rules_only_place(x->rules, w, n) || entity_world_place(x, w, n))
		return true; /* «شرطة ينبع»: a place's name, though it reads like a verb */
	if (entity_construct_place(x, p, k) > 0)
		return true;
	if ((n > 2 && (memcmp(w, "ي", 2) == 0 || memcmp(w, "ت", 2) == 0)) || sp.stem > 0)
		return false; /* a verb («رابطة تخدم الأندية») or a preposition's phrase */
	if (entity_word_is(p, k - 1, "بلديه") && n >= 6 && !entity_ends_nisba(w, n) &&
	    memcmp(w + n - 2, "ه", 2) != 0)
		return true; /* «بلدية قباء»: a municipality is named by its town, known or not */
	if (n > 6 && (memcmp(w + n - 4, "ها", 4) == 0 || memcmp(w + n - 4, "هم", 4) == 0) &&
	    !ner_lexicon_known(x->lex, w, n))
		return false; /* «منظمة اعتبرها الاتحاد الأوروبي»: a verb and its object (a place
				 such as أبها was taken above) */
	/* the first word untagged and indefinite: a name (معروف، ينبع), or the head of a
	   construct whose next word is definite («رابطة دوري المحترفين») */
	return *facility || ner_lexicon_known(x->lex, w, n) || entity_construct_ends(x, p, k + 1, 1);
}

/* A purpose phrase that ends an organisation's name: ل or لل and a noun («للمحامين»). */
static bool entity_purpose(const struct entity_scratch *x, const struct ner_para *p, size_t k)
{
	const char *w = p->norm.s + p->toks[k].beg;
	size_t n = p->toks[k].end - p->toks[k].beg;
	return p->toks[k].kind == NORM_TOKEN_WORD && n > 6 && memcmp(w, "ل", 2) == 0 &&
	       ner_tag_type(p->tags[k]) != NER_PERS && !ner_lexicon_is_stop(x->lex, w, n);
}

/* Whether token k is و and a definite word, untagged and no stop word nor trigger, after a
 * word with ال or لل: the purpose phrase's second noun («للتسليف والادخار»; «لحجاج الداخل
 * واللجنة الوطنية» is another body). */
static bool entity_purpose_and(const struct entity_scratch *x, const struct ner_para *p, size_t k)
{
	const char *w = p->norm.s + p->toks[k].beg, *pw = p->norm.s + p->toks[k - 1].beg;
	size_t n = p->toks[k].end - p->toks[k].beg, pn = p->toks[k - 1].end - p->toks[k - 1].beg;
	return p->toks[k].kind == NORM_TOKEN_WORD && n > 8 && memcmp(w, "وال", 6) == 0 && p->tags[k] == 0 &&
	       !ner_lexicon_is_stop(x->lex, w + 2, n - 2) && !entity_rules_org_stop(x->rules, w + 2, n - 2) &&
	       !entity_rules_is_trigger(x->rules, w + 6, n - 6) && !(n == 14 && memcmp(w + 6, "لجنه", 8) == 0) &&
	       pn > 4 && (memcmp(pw, "لل", 4) == 0 || entity_word_definite(p, k - 1));
}

/* Whether tokens k and k + 1 are و, a feminine verbal noun and a definite word, untagged or
 * the tagger's organisation, after a purpose phrase's noun: its second noun in construct
 * («للأرصاد وحماية البيئة», «للعلوم وتنمية الموارد»). A verb rarely ends in ة. */
static bool entity_purpose_and_construct(const struct entity_scratch *x, const struct ner_para *p, size_t k)
{
	const char *w = p->norm.s + p->toks[k].beg, *pw = p->norm.s + p->toks[k - 1].beg;
	size_t n = p->toks[k].end - p->toks[k].beg, pn = p->toks[k - 1].end - p->toks[k - 1].beg;
	const char *nw;
	size_t nn;
	if (k + 1 >= p->n || p->toks[k].kind != NORM_TOKEN_WORD || p->toks[k + 1].kind != NORM_TOKEN_WORD)
		return false;
	nw = p->norm.s + p->toks[k + 1].beg;
	nn = p->toks[k + 1].end - p->toks[k + 1].beg;
	if (n > 8 && (memcmp(w + 2, "ب", 2) == 0 || memcmp(w + 2, "ل", 2) == 0 || memcmp(w + 2, "ك", 2) == 0))
		return false; /* «وبمشاركة الرقابة»: a preposition's phrase, no second noun */
	return n > 8 && memcmp(w, "و", 2) == 0 && memcmp(w + 2, "ال", 4) != 0 && entity_letters(w, n) >= 5 &&
	       memcmp(w + n - 2, "ه", 2) == 0 && (p->tags[k] == 0 || ner_tag_type(p->tags[k]) == NER_ORG) &&
	       (p->tags[k + 1] == 0 || ner_tag_type(p->tags[k + 1]) == NER_ORG) &&
	       !ner_lexicon_is_stop(x->lex, w, n) && !ner_lexicon_is_stop(x->lex, w + 2, n - 2) &&
	       !entity_rules_is_trigger(x->rules, w + 2, n - 2) &&
	       !entity_rules_is_place_trigger(x->rules, w + 2, n - 2) && !entity_rules_org_stop(x->rules, w + 2, n - 2) &&
	       entity_word_definite(p, k + 1) &&
	       !ner_lexicon_is_stop(x->lex, nw, nn) && !ner_lexicon_is_title(x->lex, nw, nn) &&
	       pn > 4 && (memcmp(pw, "لل", 4) == 0 || entity_word_definite(p, k - 1));
}

/* «الهيئة الإسلامية العالمية للمحامين», «المرصد السوري لحقوق الإنسان»: a trigger word with
 * ال, untagged or opening the tagger's organisation, its nisba adjectives and a purpose
 * phrase make an organisation, and so do «المركز» (المركز الشرقي لاختبارات الثانوية العامة),
 * «الرئاسة» and «المديرية» before «العامة» (الرئاسة العامة للأرصاد; not «الرئاسة الدورية»
 * للاتحاد, a term of office), «الإدارة» before «العامة» when a region follows (see
 * entity_region_after), «المقاومة» and
 * its nisba (المقاومة الشعبية, an armed body as an army is)
 * and «اللجنة» when local or national (اللجنة المحلية للانتخابات البلدية: a government's; a
 * committee of anything else is its organ). */
static bool entity_definite_trigger(const struct entity_scratch *x, const struct ner_para *p, size_t i,
				    size_t skip)
{
	const char *w = p->norm.s + p->toks[i].beg + skip;
	size_t n = p->toks[i].end - p->toks[i].beg - skip;
	return (p->tags[i] == 0 || p->tags[i] == ner_tag_make(NER_ORG, false)) && n > 4 &&
	       memcmp(w, "ال", 4) == 0 &&
	       (entity_rules_is_trigger(x->rules, w + 4, n - 4) ||
		(n == strlen("المركز") && memcmp(w, "المركز", n) == 0) ||
		(((n == strlen("الرئاسه") && memcmp(w, "الرئاسه", n) == 0) ||
		  (n == strlen("المديريه") && memcmp(w, "المديريه", n) == 0) ||
		  (n == strlen("الاداره") && memcmp(w, "الاداره", n) == 0)) &&
		 i + 1 < p->n && entity_word_is(p, i + 1, "العامه")) ||
		(n == strlen("المقاومه") && memcmp(w, "المقاومه", n) == 0) ||
		(n == strlen("اللجنه") && memcmp(w, "اللجنه", n) == 0 && i + 1 < p->n &&
		 (entity_word_is(p, i + 1, "المحليه") || entity_word_is(p, i + 1, "الوطنيه"))));
}

/* Whether word k ends in w (its clitics aside: «والحركة»). */
static bool entity_word_ends(const struct ner_para *p, size_t k, const char *w)
{
	size_t n = p->toks[k].end - p->toks[k].beg, wn = strlen(w);
	return n >= wn && n <= wn + 4 && memcmp(p->norm.s + p->toks[k].end - wn, w, wn) == 0;
}

/* Whether the purpose phrase at token k is a body's own: لل and a noun, or ل and a noun in
 * construct with a definite word, but not ل and a verb («ليتم»), nor ل and a body's trigger
 * word, which names another body whose organ this is («الأمانة العامة لمجلس التعاون»,
 * «للنادي»), nor the region or the state («للمنطقة»), whose interest it is. */
static bool entity_body_purpose(const struct entity_scratch *x, const struct ner_para *p, size_t k)
{
	const char *w = p->norm.s + p->toks[k].beg;
	size_t n = p->toks[k].end - p->toks[k].beg;
	static const char *const lands[] = {"للمنطقه", "للمحافظه", "للمدينه", "للدوله", "للبلاد"};
	for (size_t l = 0; l < sizeof lands / sizeof *lands; l++)
		if (entity_word_is(p, k, lands[l]))
			return false; /* «المصلحة العامة للمنطقة»: the region's interest */
	if (memcmp(w, "لل", 4) == 0)
		return !entity_rules_is_trigger(x->rules, w + 4, n - 4) &&
		       !entity_rules_is_trigger(x->rules, w + 2, n - 2);
	return memcmp(w + 2, "ي", 2) != 0 && !entity_rules_is_trigger(x->rules, w + 2, n - 2) &&
	       k + 1 < p->n && p->tags[k + 1] == 0 && entity_word_definite(p, k + 1) &&
	       !ner_lexicon_is_stop(x->lex, p->norm.s + p->toks[k + 1].beg, p->toks[k + 1].end - p->toks[k + 1].beg) &&
	       !ner_lexicon_is_title(x->lex, p->norm.s + p->toks[k + 1].beg, p->toks[k + 1].end - p->toks[k + 1].beg);
}

/* Whether token k is an adjective of a body's reach, «المحلية» (an org stop word: «الشرطة
 * المحلية» is no name), «العامة» or «العليا», right before a purpose phrase: «اللجنة المحلية
 * للانتخابات البلدية», «الهيئة العامة للغذاء والدواء», «اللجنة العليا للمشاريع» are names. */
static bool entity_local_before_purpose(const struct entity_scratch *x, const struct ner_para *p, size_t k)
{
	static const char *const reach[] = {"المحليه", "المحلي", "العامه", "العام", "العليا"};
	bool is = false;
	for (size_t r = 0; r < sizeof reach / sizeof *reach && !is; r++)
		is = entity_word_is(p, k, reach[r]);
	if (!is || p->toks[k].kind != NORM_TOKEN_WORD || ner_tag_type(p->tags[k]) == NER_PERS ||
	    ner_tag_type(p->tags[k]) == NER_LOC || k + 1 >= p->n || !entity_purpose(x, p, k + 1))
		return false;
	return entity_word_is(p, k, "المحليه") || entity_word_is(p, k, "المحلي") ||
	       entity_body_purpose(x, p, k + 1);
}

/* Whether token k is ب and a place («بأبها», «بجدة»): tagged one, or known as written. */
static bool entity_in_place(const struct entity_scratch *x, const struct ner_para *p, size_t k)
{
	const char *w = p->norm.s + p->toks[k].beg;
	size_t n = p->toks[k].end - p->toks[k].beg;

	if (p->toks[k].kind != NORM_TOKEN_WORD || n < 8 || memcmp(w, "ب", 2) != 0 ||
	    (p->tags[k] != 0 && p->tags[k] != ner_tag_make(NER_LOC, false)) ||
	    (k + 1 < p->n && ner_tag_inside(p->tags[k + 1])))
		return false;
	return p->tags[k] != 0 || entity_place_known(x, w + 2, n - 2);
}

/* The end of «في» and a place at token k («في جدة», «في مينيسوتا», «في مدينة نيويورك»): the
 * tagger's place, or a word known as one as written; else 0. */
static size_t entity_in_place_phrase(const struct entity_scratch *x, const struct ner_para *p,
				     size_t k)
{
	size_t b = k + 1, e;
	if (b >= p->n || !entity_word_is(p, k, "في"))
		return 0;
	if (b + 1 < p->n && (entity_word_is(p, b, "مدينه") || entity_word_is(p, b, "محافظه")))
		b++; /* «في مدينة الذيد» */
	if (p->toks[b].kind != NORM_TOKEN_WORD || ner_tag_inside(p->tags[b]) ||
	    (p->tags[b] != 0 && ner_tag_type(p->tags[b]) != NER_LOC))
		return 0;
	for (e = b + 1; p->tags[b] != 0 && e < p->n && p->tags[e] == ner_tag_make(NER_LOC, true);
	     e++)
		;
	if (e == b + 1 && e < p->n && p->toks[e].kind == NORM_TOKEN_WORD &&
	    memcmp(p->norm.s + p->toks[e].beg, "ل", 2) == 0)
		return 0; /* «في بيان له»: a statement */
	entity_phrase(p, b, e, 0, false, &((struct entity_scratch *)x)->alt);
	return entity_place_known(x, x->alt.data, x->alt.len) ? e : 0;
}

/* The end of ب and a region after a directorate's purpose at token k: «بمنطقة الباحة»,
 * «بمحافظة جدة» or ب and a place (بالخرج); else 0. «الإدارة العامة للتعليم بمنطقة الباحة» is a
 * region's body; «الإدارة العامة للخدمات النسائية» without one is a ministry's organ. */
static size_t entity_region_after(const struct entity_scratch *x, const struct ner_para *p, size_t k)
{
	size_t e;
	bool region;
	if (k >= p->n)
		return 0;
	region = entity_word_is(p, k, "بمنطقه") || entity_word_is(p, k, "بمحافظه") || entity_word_is(p, k, "بمدينه");
	if (!region && entity_in_place(x, p, k))
		return k + 1;
	if (k + 1 >= p->n || !region || p->toks[k + 1].kind != NORM_TOKEN_WORD)
		return 0; /* «بمدينة» alone is no place */
	if (ner_tag_type(p->tags[k + 1]) == NER_LOC && !ner_tag_inside(p->tags[k + 1]))
		for (e = k + 2; e < p->n && p->tags[e] == ner_tag_make(NER_LOC, true); e++)
			;
	else if (entity_place_at(x, p, k + 1))
		e = k + 2;
	else
		return 0;
	if (e < p->n && p->tags[e] == 0 && entity_word_definite(p, e) &&
	    !ner_lexicon_is_stop(x->lex, p->norm.s + p->toks[e].beg, p->toks[e].end - p->toks[e].beg) &&
	    !ner_lexicon_is_title(x->lex, p->norm.s + p->toks[e].beg, p->toks[e].end - p->toks[e].beg)) {
		entity_phrase(p, k + 1, e + 1, 0, false, &((struct entity_scratch *)x)->alt);
		return entity_place_known(x, x->alt.data, x->alt.len) ? e + 1 : 0; /* «مكة» the tagger
			cut from «المكرمة»; «وادي» of an unknown «وادي الفرع» may be cut too: none */
	}
	return e;
}

/* Whether a trigger (clitics off, ال kept) names a local body that many places have, so that
 * its name of one word more says which only with the place after it (كلية الطب في مينيسوتا,
 * الغرفة التجارية في جدة); a union, ministry, army, bank or parliament in a place is one body
 * there (المجلس: البلدي only). */
static bool entity_local_kind(const char *w, size_t n)
{
	static const char *const kinds[] = {"كليه", "مدرسه", "مستشفي", "معهد", "غرفه", "محكمه",
					    "سفاره", "قنصليه"};
	if (n > 4 && memcmp(w, "ال", 4) == 0)
		w += 4, n -= 4;
	return entity_bare_word_in(w, n, kinds, sizeof kinds / sizeof *kinds);
}

/* «قوات», «وحدات» (with clitics): units of the body named after them. */
static bool entity_forces_of(const struct ner_para *p, size_t k)
{
	const char *w = p->norm.s + p->toks[k].beg;
	size_t n = p->toks[k].end - p->toks[k].beg, skip;
	bool al;

	skip = entity_proclitic(p, k, &al);
	if (al)
		return false;
	for (int bare = 0; bare < 2; bare++, w += skip, n -= skip) /* وحدات is و-less as written */
		if ((n == strlen("قوات") && memcmp(w, "قوات", n) == 0) ||
		    (n == strlen("وحدات") && memcmp(w, "وحدات", n) == 0))
			return true;
	return false;
}

/* An army, police, guard, team, customs or resistance (الجيش، الشرطة، الحرس، المنتخب، الجمارك، المقاومة), whose
 * nisba alone names it. */
static bool entity_national_body(const struct entity_scratch *x, const struct ner_para *p, size_t i)
{
	(void)x; /* its clitics aside: «والمنتخب الأردني» */
	return entity_word_ends(p, i, "الجيش") || entity_word_ends(p, i, "الشرطه") ||
	       entity_word_ends(p, i, "الحرس") || entity_word_ends(p, i, "المنتخب") ||
	       entity_word_ends(p, i, "الجمارك") || entity_word_ends(p, i, "المقاومه");
}

/* Whether the nisba at token k agrees with the feminine head at token h, as an adjective
 * does («المقاومة الشعبية»; «المقاومة الحقيقي» is the real one's). A masculine head may
 * be a plural, which takes a feminine adjective (الجمارك السعودية). */
static bool entity_nisba_agrees(const struct ner_para *p, size_t h, size_t k)
{
	const char *hw = p->norm.s + p->toks[h].beg, *w = p->norm.s + p->toks[k].beg;
	size_t hn = p->toks[h].end - p->toks[h].beg, n = p->toks[k].end - p->toks[k].beg;
	return !(hn > 2 && memcmp(hw + hn - 2, "ه", 2) == 0) || (n > 4 && memcmp(w + n - 4, "يه", 4) == 0);
}

/* A definite nisba adjective (…ي, …ية) that is no stop word nor the start of a person. */
bool entity_nisba(const struct entity_scratch *x, const struct ner_para *p, size_t k)
{
	const char *w = p->norm.s + p->toks[k].beg;
	size_t n = p->toks[k].end - p->toks[k].beg;
	if (p->toks[k].kind != NORM_TOKEN_WORD || !entity_word_definite(p, k) ||
	    ner_tag_type(p->tags[k]) == NER_PERS || ner_lexicon_is_stop(x->lex, w, n) ||
	    entity_rules_org_stop(x->rules, w, n))
		return false;
	return memcmp(w + n - 2, "ي", 2) == 0 || (n > 4 && memcmp(w + n - 4, "يه", 4) == 0);
}

/* Whether token k (from byte skip) is a bridge, palace, tower, park or centre named after a
 * king or a prince («جسر الملك فهد», «حديقة الملك فهد», «مركز الأمير فهد بن سلطان
 * الاجتماعي»), a centre also after
 * another man's full name: only so are these words a name's head. */
static bool entity_royal_structure(const struct ner_para *p, size_t k, size_t skip)
{
	static const char *const words[] = {"جسر", "قصر", "برج", "مدينه", "مركز", "حديقه", "منتزه", "متنزه"};
	const char *w = p->norm.s + p->toks[k].beg + skip;
	size_t n = p->toks[k].end - p->toks[k].beg - skip;
	bool head = false, centre = n == strlen("مركز") && memcmp(w, "مركز", n) == 0;
	for (size_t h = 0; h < sizeof words / sizeof *words; h++)
		head |= n == strlen(words[h]) && memcmp(w, words[h], n) == 0;
	if (centre && k + 1 < p->n && p->tags[k + 1] == ner_tag_make(NER_PERS, false) &&
	    k + 2 < p->n && ner_tag_inside(p->tags[k + 2]))
		return true; /* «مركز عبدالعزيز التويجري»: a centre named after a man */
	return head && k + 1 < p->n && (entity_word_is(p, k + 1, "الملك") || entity_word_is(p, k + 1, "الامير"));
}

/* Whether the definite word k names a person, whose office «مكتب» before it is his, no
 * body's: a title the lexicon knows, also feminine (مكتب السفيرة الأميركية), a participle
 * مفعول (مكتب المبعوث الدولي), or a man's office that this corpus writes as one (المحافظ،
 * المرشد، المرجع، الحاكم، العازف). */
static bool entity_person_noun(const struct entity_scratch *x, const struct ner_para *p, size_t k)
{
	static const char *const people[] = {"المحافظ", "المرشد", "المرجع", "الحاكم", "العازف"};
	const char *w = p->norm.s + p->toks[k].beg;
	size_t n = p->toks[k].end - p->toks[k].beg;
	for (size_t h = 0; h < sizeof people / sizeof *people; h++)
		if (entity_word_is(p, k, people[h]))
			return true;
	return ner_lexicon_is_title(x->lex, w, n) ||
	       (n > 6 && memcmp(w + n - 2, "ه", 2) == 0 && ner_lexicon_is_title(x->lex, w, n - 2)) ||
	       (n == 14 && memcmp(w + 4, "م", 2) == 0 && memcmp(w + 10, "و", 2) == 0);
}

/* Whether token k (from byte skip) is «مركز» or «مكتب» before a definite noun and a second
 * word that makes it a name (a coordinated definite noun or a nisba: «مركز الموهبة والإبداع»,
 * «مركز التدريب والابتعاث», «مكتب الدعوة والإرشاد», «مكتب الشؤون الاجتماعية»), a centre
 * outside sport, where «مركز» is a player's position, and not before a place (مركز المدينة:
 * its centre). */
static bool entity_named_centre(const struct entity_scratch *x, const struct ner_para *p, size_t k,
				size_t skip)
{
	const char *w = p->norm.s + p->toks[k].beg + skip;
	size_t n = p->toks[k].end - p->toks[k].beg - skip;
	bool centre = n == strlen("مركز") && memcmp(w, "مركز", n) == 0;
	bool office = n == strlen("مكتب") && memcmp(w, "مكتب", n) == 0;
	if ((centre && x->sport) || !(centre || office) || k + 2 >= p->n ||
	    p->tags[k + 1] != 0 || !entity_word_definite(p, k + 1) || entity_place_at(x, p, k + 1) ||
	    entity_word_is(p, k + 1, "المدينه") || entity_word_is(p, k + 1, "المحافظه") ||
	    entity_word_is(p, k + 1, "المنطقه") || (office && entity_word_is(p, k + 1, "الحمله")) ||
	    (office && entity_person_noun(x, p, k + 1)))
		return false; /* «مكتب الحملة الوطنية السعودية لنصرة …»: a campaign's office;
				 «مكتب السفيرة الأميركية»: a person's */
	w = p->norm.s + p->toks[k + 2].beg;
	n = p->toks[k + 2].end - p->toks[k + 2].beg;
	return (p->tags[k + 2] == 0 &&
		((n > 8 && memcmp(w, "وال", 6) == 0 && !ner_lexicon_is_stop(x->lex, w + 2, n - 2)) ||
		 entity_nisba(x, p, k + 2))) ||
	       entity_purpose_and_construct(x, p, k + 2); /* «مكتب الدعوة وتوعية الجاليات» */
}

/* Whether the word w (n bytes, clitics off) is one of words. */
bool entity_bare_word_in(const char *w, size_t n, const char *const *words, size_t nwords)
{
	for (size_t k = 0; k < nwords; k++)
		if (n == strlen(words[k]) && memcmp(w, words[k], n) == 0)
			return true;
	return false;
}

/* Whether a trigger word (clitics off) names a building, a school or a foundation, which is
 * often named after a person («مدرسة سعد بن أبي وقاص», «مؤسسة مايكل فوكس»). */
static bool entity_named_facility(const char *w, size_t n)
{
	static const char *const words[] = {"مدرسه", "مسجد", "جامع", "مستشفي", "مطار", "ملعب", "استاد",
					    "جامعه", "كليه", "معهد", "قاعه", "مستوصف", "مركز", "مؤسسه"};
	return entity_bare_word_in(w, n, words, sizeof words / sizeof *words);
}

/* Whether a trigger word (clitics off) names a body that has a purpose (مركز، مؤسسة، مدينة
 * الملك عبدالعزيز للعلوم والتقنية، جامعة، معهد), unlike a park or a stadium. */
static bool entity_body_with_purpose(const char *w, size_t n)
{
	static const char *const words[] = {"مركز", "مؤسسه", "مدينه", "جامعه", "معهد", "كليه", "جمعيه", "صندوق"};
	return entity_bare_word_in(w, n, words, sizeof words / sizeof *words);
}

/* Whether a trigger word (clitics off) names a company, whose name has its trade after it
 * (شركة الطائف للاستثمار والسياحة، مجموعة بن لادن للمقاولات). */
static bool entity_company_word(const char *w, size_t n)
{
	static const char *const words[] = {"شركه", "مجموعه"};
	return entity_bare_word_in(w, n, words, sizeof words / sizeof *words);
}

/* Where the name of a facility named after a person ends when a purpose phrase follows it
 * at j: «مركز الملك عبدالعزيز للحوار الوطني», «مركز الملك سلمان للإغاثة والأعمال الإنسانية»,
 * «مؤسسة مايكل فوكس لأبحاث الشلل الرعاش». The phrase is لل and a noun, or ل and a noun of a
 * construct whose next word is definite (not «لمدة ثلاثة أيام»), then its nisbas and a
 * coordinated noun with its own. */
static size_t entity_facility_purpose(const struct entity_scratch *x, const struct ner_para *p, size_t j)
{
	size_t e = j + 1, k;
	if (j < p->n && ner_tag_type(p->tags[j]) == NER_PERS && p->toks[j].end - p->toks[j].beg > 6 &&
	    memcmp(p->norm.s + p->toks[j].beg, "لل", 4) == 0 &&
	    !ner_lexicon_known(x->lex, p->norm.s + p->toks[j].beg, p->toks[j].end - p->toks[j].beg)) {
		while (e < p->n && p->tags[e] == ner_tag_make(NER_PERS, true))
			e++; /* «للبحوث والدراسات الإسلامية» the tagger took for a man: no name opens
				with لل, so all of it is the purpose */
	} else if (j >= p->n || !entity_purpose(x, p, j) || ner_tag_inside(p->tags[j])) {
		return j;
	} else if (memcmp(p->norm.s + p->toks[j].beg, "لل", 4) != 0) {
		if (e >= p->n || p->tags[e] != 0 || !entity_word_definite(p, e) ||
		    ner_lexicon_is_stop(x->lex, p->norm.s + p->toks[e].beg, p->toks[e].end - p->toks[e].beg))
			return j;
		e++;
	}
	for (k = e; e < p->n && e < k + 2 && p->tags[e] == 0 && entity_nisba(x, p, e); e++)
		;
	if (e < p->n && entity_purpose_and(x, p, e))
		for (k = ++e; e < p->n && e < k + 2 && p->tags[e] == 0 && entity_nisba(x, p, e); e++)
			;
	return e;
}

/* Whether a trigger word (clitics off) names a body that fields name (كلية الحاسبات وتقنية
 * المعلومات، هيئة الاتصالات وتقنية المعلومات، مكتب الدعوة وتوعية الجاليات), whose name may
 * coordinate a second field in construct; a chamber, a trust or a movement does not (غرفة
 * التفتيش ومعالجة الأمر، أمانة المنطقة الشرقية وإتاحة الفرصة). */
static bool entity_field_body(const char *w, size_t n)
{
	static const char *const words[] = {"كليه", "هيئه", "مكتب", "وزاره", "جامعه", "معهد", "مركز", "قسم"};
	return entity_bare_word_in(w, n, words, sizeof words / sizeof *words);
}

/* Whether a trigger word (clitics off) names a club or a team. */
static bool entity_team_word(const char *w, size_t n)
{
	return (n == strlen("نادي") && memcmp(w, "نادي", n) == 0) ||
	       (n == strlen("منتخب") && memcmp(w, "منتخب", n) == 0) ||
	       (n == strlen("فريق") && memcmp(w, "فريق", n) == 0);
}

/* Whether token k, right after a body's name, is a country's nisba with ال and no و, untagged
 * or a place the tagger made of it: the body's nationality, part of its name. */
static bool entity_nationality_after(const struct entity_scratch *x, const struct ner_para *p, size_t k)
{
	const char *w = p->norm.s + p->toks[k].beg;
	size_t n = p->toks[k].end - p->toks[k].beg;
	return p->toks[k].kind == NORM_TOKEN_WORD && entity_word_definite(p, k) &&
	       (p->tags[k] == 0 || p->tags[k] == ner_tag_make(NER_LOC, false)) &&
	       !(k + 1 < p->n && ner_tag_inside(p->tags[k + 1])) && entity_country_nisba(x, w, n);
}

/* Whether token k is a definite plural: a sound one (…ات، …ين، …ون) or the broken أفعال
 * and أفعلاء (الأفلام، الأصدقاء). */
static bool entity_definite_plural(const struct ner_para *p, size_t k)
{
	const char *w = p->norm.s + p->toks[k].beg;
	size_t n = p->toks[k].end - p->toks[k].beg, l = entity_letters(w, n);
	if (p->toks[k].kind != NORM_TOKEN_WORD || n < 10 || memcmp(w, "ال", 4) != 0)
		return false;
	static const char *const tens[] = {"العشرين", "الثلاثين", "الاربعين", "الخمسين", "الستين",
					   "السبعين", "الثمانين", "التسعين"};
	for (size_t t = 0; t < sizeof tens / sizeof *tens; t++)
		if (entity_word_is(p, k, tens[t]))
			return false; /* «مجموعة العشرين»: a number names the group */
	if (memcmp(w + n - 4, "ات", 4) == 0 || memcmp(w + n - 4, "ين", 4) == 0 || memcmp(w + n - 4, "ون", 4) == 0)
		return true;
	return memcmp(w + 4, "ا", 2) == 0 &&
	       ((l == 7 && memcmp(w + 10, "ا", 2) == 0) || (l == 8 && memcmp(w + n - 4, "اء", 4) == 0));
}

/* Whether token k is a country's or people's nisba or «الإسلامية»: what a political
 * movement's name ends with (الكردية، الإسلامية). */
static bool entity_movement_nisba(const struct entity_scratch *x, const struct ner_para *p, size_t k)
{
	return k < p->n && p->toks[k].kind == NORM_TOKEN_WORD &&
	       (entity_word_is(p, k, "الاسلاميه") ||
		entity_country_nisba(x, p->norm.s + p->toks[k].beg, p->toks[k].end - p->toks[k].beg));
}

/* The end of a hall for weddings and parties named at token i: «قصر» or «قاعة» (its clitics
 * aside), one or two words of its name, then «للاحتفالات», «للأفراح» or «للمناسبات» (قصر المها
 * للاحتفالات، قاعة ليلتي للاحتفالات); else 0. Without that phrase a palace or hall is a room or a
 * king's (قاعة المحاضرات، قصر الحكم). */
static size_t entity_party_hall(const struct entity_scratch *x, const struct ner_para *p, size_t i)
{
	static const char *const halls[] = {"قصر", "قاعه"};
	static const char *const parties[] = {"للاحتفالات", "للافراح", "للمناسبات"};
	if (!entity_clitic_word_in(p, i, halls, sizeof halls / sizeof *halls))
		return 0;
	for (size_t k = i + 1; k < p->n && k <= i + 3; k++) {
		const char *w = p->norm.s + p->toks[k].beg;
		size_t n = p->toks[k].end - p->toks[k].beg;
		if (k > i + 1)
			for (size_t h = 0; h < sizeof parties / sizeof *parties; h++)
				if (entity_word_is(p, k, parties[h]))
					return k + 1;
		if (p->toks[k].kind != NORM_TOKEN_WORD || ner_lexicon_is_stop(x->lex, w, n))
			return 0;
	}
	return 0;
}

/* Whether token k is a foreign name written in Arabic letters, as entity_foreign_word reads
 * one, though its first letters read as clitics no word of the lexicon is left behind
 * (بالمورال is no ب + المورال). */
static bool entity_foreign_name(const struct entity_scratch *x, const struct ner_para *p, size_t k)
{
	const char *w = p->norm.s + p->toks[k].beg;
	size_t n = p->toks[k].end - p->toks[k].beg, vowels = 0;
	struct norm_split sp;
	if (entity_foreign_word(x, p, k))
		return true;
	if (p->toks[k].kind != NORM_TOKEN_WORD || p->tags[k] != 0 || entity_word_definite(p, k) ||
	    entity_letters(w, n) < 6 || memcmp(w + n - 2, "ه", 2) == 0 || memcmp(w + n - 2, "ي", 2) == 0 ||
	    memcmp(w + n - 2, "ى", 2) == 0 ||
	    ner_lexicon_known(x->lex, w, n) || entity_rules_is_trigger(x->rules, w, n))
		return false;
	norm_word_split(w, n, &sp);
	if (entity_letters(w + sp.stem, n - sp.stem) < 5 || ner_lexicon_known(x->lex, w + sp.stem, n - sp.stem) ||
	    entity_place_known(x, w + sp.stem, n - sp.stem) ||
	    entity_world_place(x, w + sp.stem, n - sp.stem))
		return false; /* «بالعاصمة», «بالرياض», and a short stem reads as an Arabic word: «بالساحل» */
	for (size_t b = 2; b + 1 < n; b += 2)
		vowels += memcmp(w + b, "ا", 2) == 0 || memcmp(w + b, "و", 2) == 0 || memcmp(w + b, "ي", 2) == 0;
	return vowels >= 2;
}

/* Whether token k, which the tagger took for a one-word organisation, reads as a foreign
 * name: no clitic or ال, four letters or more, two long vowels after the first (مايكروسوفت). */
static bool entity_foreign_org_word(const struct ner_para *p, size_t k)
{
	const char *w = p->norm.s + p->toks[k].beg;
	size_t n = p->toks[k].end - p->toks[k].beg, vowels = 0;
	if (p->tags[k] != ner_tag_make(NER_ORG, false) || (k + 1 < p->n && ner_tag_inside(p->tags[k + 1])) ||
	    entity_letters(w, n) < 4 || entity_word_definite(p, k) || memcmp(w, "و", 2) == 0 ||
	    memcmp(w, "ب", 2) == 0 || memcmp(w, "ل", 2) == 0)
		return false;
	for (size_t b = 2; b + 1 < n; b += 2)
		vowels += memcmp(w + b, "ا", 2) == 0 || memcmp(w + b, "و", 2) == 0 || memcmp(w + b, "ي", 2) == 0;
	return vowels >= 2;
}

/* The end of a named building at token i: a palace, castle, theatre, resort or hotel (its
 * clitics aside) and a foreign name of one or two words after it (قصر باكنغهام، قلعة
 * بالمورال), else 0. An Arabic word after it is a description or the owner (قصر الحكم). */
static size_t entity_named_building(const struct entity_scratch *x, const struct ner_para *p, size_t i)
{
	static const char *const buildings[] = {"قصر", "قلعه", "مسرح", "منتجع", "فندق"};
	size_t k = i + 1;
	const char *w;
	size_t n;
	if (k >= p->n || !entity_clitic_word_in(p, i, buildings, sizeof buildings / sizeof *buildings) ||
	    (i > 0 && entity_word_is(p, i - 1, "ام")))
		return 0; /* «أم قصر» is a town */
	w = p->norm.s + p->toks[k].beg;
	n = p->toks[k].end - p->toks[k].beg;
	if (n > 6 && (memcmp(w + n - 4, "ها", 4) == 0 || memcmp(w + n - 4, "هم", 4) == 0 ||
		      memcmp(w + n - 4, "هن", 4) == 0 || memcmp(w + n - 4, "كم", 4) == 0))
		return 0; /* «قصر علاقاتهم»: the verb قَصَرَ and its object */
	if (n < 4 || memcmp(w, "ي", 2) == 0 || memcmp(w, "ل", 2) == 0 || memcmp(w, "و", 2) == 0 ||
	    memcmp(w + n - 4, "ات", 4) == 0 || memcmp(w + n - 2, "ي", 2) == 0 || memcmp(w + n - 2, "ك", 2) == 0 ||
	    (memcmp(w, "س", 2) == 0 && memcmp(w + n - 4, "ون", 4) == 0))
		return 0; /* «قلعة يروى أنه», «قصر سينتصرون»: a verb; «مسرح فعاليات»: a plural noun;
			     «مسرح للأطفال», «مسرح وسينما»: a phrase; «قصر تاريخي»: a nisba;
			     «قصر معصوميتك»: a pronoun's ending */
	if (entity_foreign_org_word(p, k))
		return k + 1; /* «مسرح مايكروسوفت»: a firm's name on the building */
	if (!entity_foreign_name(x, p, k))
		return 0;
	return k + 1 < p->n && entity_foreign_name(x, p, k + 1) ? k + 2 : k + 1;
}

/* The end of a health centre named at token i: «مركز صحي» (its clitics aside) and the place
 * or district it serves: a place the tagger found or a list knows (مركز صحي بريمان), a definite
 * word and its nisba (مركز صحي المحجر، مركز صحي أبحر الشمالية), or «حي» and a word (مركز صحي
 * حي الصفا); else 0. «مركز صحي خاص», «مركز صحي أو مستوصف» name none. */
static size_t entity_health_centre(const struct entity_scratch *x, const struct ner_para *p, size_t i)
{
	static const char *const centre[] = {"مركز"};
	size_t k = i + 2, e;
	if (k >= p->n || !entity_clitic_word_in(p, i, centre, 1) || !entity_word_is(p, i + 1, "صحي") ||
	    p->toks[k].kind != NORM_TOKEN_WORD)
		return 0;
	if (entity_word_is(p, k, "حي"))
		return k + 1 < p->n && p->toks[k + 1].kind == NORM_TOKEN_WORD ? k + 2 : 0;
	if (entity_word_is(p, k, "جنوب") || entity_word_is(p, k, "شمال") || entity_word_is(p, k, "شرق") ||
	    entity_word_is(p, k, "غرب"))
		return 0; /* «مركز صحي جنوب الفيصيلة»: where, not its name */
	if (ner_tag_type(p->tags[k]) == NER_LOC && !ner_tag_inside(p->tags[k])) {
		for (e = k + 1; e < p->n && p->tags[e] == ner_tag_make(NER_LOC, true); e++)
			;
		return e;
	}
	if (p->tags[k] == 0 && entity_word_definite(p, k) &&
	    !ner_lexicon_is_stop(x->lex, p->norm.s + p->toks[k].beg, p->toks[k].end - p->toks[k].beg))
		return k + 1 < p->n && p->tags[k + 1] == 0 && entity_nisba(x, p, k + 1) ? k + 2 : k + 1;
	return entity_place_at(x, p, k) ? k + 1 : 0;
}

/* The end of a region's education office named at token i by its region's word: «تعليم»
 * (و, ب or ل aside), «منطقة»/«محافظة» and a place, or «المنطقة» and a compass word's nisba
 * (بتعليم محافظة الليث، تعليم المنطقة الشرقية), the ministry's branch there as the news writes
 * it; else 0. «تعليم» and a town alone is entity.c's (entity_education_offices). */
static size_t entity_education_office(const struct entity_scratch *x, const struct ner_para *p, size_t i)
{
	static const char *const education[] = {"تعليم"};
	size_t k = i + 1, e = k + 2;
	if (k + 1 >= p->n || !entity_clitic_word_in(p, i, education, 1) || p->tags[i] != 0 || p->tags[k] != 0)
		return 0;
	if (entity_word_is(p, k, "المنطقه"))
		return p->tags[k + 1] == 0 && entity_place_compass_word(p, k + 1) ? k + 2 : 0;
	if (!entity_word_is(p, k, "منطقه") && !entity_word_is(p, k, "محافظه"))
		return 0;
	if (p->tags[k + 1] == ner_tag_make(NER_LOC, false))
		while (e < p->n && p->tags[e] == ner_tag_make(NER_LOC, true))
			e++;
	else if (p->tags[k + 1] != 0 || !entity_place_at(x, p, k + 1))
		return 0;
	if (e < p->n && p->toks[e].kind == NORM_TOKEN_WORD && !ner_tag_inside(p->tags[e]) &&
	    !(e + 1 < p->n && ner_tag_inside(p->tags[e + 1]))) {
		entity_phrase(p, k + 1, e + 1, 0, false, &((struct entity_scratch *)x)->alt);
		if (entity_place_known(x, x->alt.data, x->alt.len))
			e++; /* «مكة» the tagger cut from «المكرمة», «سراة» from «عبيدة» */
	}
	return e;
}

/* «وزارة الزراعة», «مطار الملك خالد الدولي», «نادي الهلال»: a trigger word and the name after
 * it are one organisation, whatever the tagger made of its words. */
void entity_org_triggers(struct entity_scratch *x, struct ner_para *p)
{
	for (size_t i = 0; i < p->n; i++) {
		const char *w = p->norm.s + p->toks[i].beg;
		size_t n = p->toks[i].end - p->toks[i].beg, skip = 0, j;
		bool al = false, facility = false, named = false;
		size_t e;

		if (p->toks[i].kind != NORM_TOKEN_WORD ||
		    (ner_tag_inside(p->tags[i]) && ner_tag_type(p->tags[i]) == NER_ORG))
			continue;
		skip = x->lead[i] ? 0 : entity_proclitic(p, i, &al);
		if (al)
			skip = 0, al = false; /* «للهيئة»: its ال is gone */
		if (entity_definite_trigger(x, p, i, x->lead[i] ? x->lead[i] : skip)) { /* whole only with
							   its purpose: the rest of «المرصد السوري» is
							   too often cut off; «بالمركز الشرقي …» too */
			bool purpose = false, coordinated = false, placed = false;
			bool tagged = p->tags[i] != 0;
			j = i + 1;
			bool armed = entity_word_is(p, i, "المقاومه"); /* named by its nisba only */
			bool abstract = entity_word_ends(p, i, "المصلحه") || entity_word_ends(p, i, "الحركه");
			/* «المصلحة العامة للشعب», «الحركة العامة للسوق»: the public's interest, the
			   market's moves, where a reach adjective reads as in no body's name */
			while (j < p->n && j - i <= ENTITY_ORG_WORDS &&
			       ((entity_nisba(x, p, j) && (j > i + 1 || entity_nisba_agrees(p, i, j))) ||
				(!abstract && entity_local_before_purpose(x, p, j))))
				j++;
			if (!armed && j > i + 1 && j < p->n && entity_purpose(x, p, j)) { /* «… لحقوق الإنسان» */
				purpose = true;
				j++;
				if (j < p->n && p->tags[j] == 0 && entity_word_definite(p, j) &&
				    !ner_lexicon_is_stop(x->lex, p->norm.s + p->toks[j].beg, p->toks[j].end - p->toks[j].beg) &&
				    !ner_lexicon_is_title(x->lex, p->norm.s + p->toks[j].beg, p->toks[j].end - p->toks[j].beg))
					j++; /* not «للمؤتمر الأستاذ»: a title opens the next name */
				if (j < p->n && p->tags[j] == 0 && (entity_word_is(p, j, "العامه") || entity_word_is(p, j, "العام")))
					j++; /* «لاختبارات الثانوية العامة» */
				for (size_t e = j; j < p->n && j < e + 2 && p->tags[j] == 0 && entity_nisba(x, p, j);)
					j++; /* «المجلس البلدي لأمانة المنطقة الشرقية» */
				if (j < p->n && entity_purpose_and(x, p, j))
					j++, coordinated = true; /* «البنك السعودي للتسليف والادخار» */
				else if (j < p->n && entity_purpose_and_construct(x, p, j))
					j += 2, coordinated = true; /* «… للأرصاد وحماية البيئة» */
			}
			if (!armed && !purpose && j > i + 1 && j < p->n &&
			    (entity_in_place(x, p, j) || (!entity_national_body(x, p, i) && !abstract)) &&
			    (e = entity_region_after(x, p, j)) > 0) { /* an army's unit in a province is
									 no body of it, nor «الحركة السياحية
									 بمنطقة الباحة» (its tourism) */
				j = e; /* «الغرفة التجارية الصناعية بأبها», «المجلس البلدي بمحافظة
					  دومة الجندل»: a body of the place */
				purpose = true;
			} else if (!purpose && j == i + 2 &&
				   (entity_local_kind(w + skip, n - skip) ||
				    entity_word_is(p, i + 1, "البلدي")) &&
				   (e = entity_in_place_phrase(x, p, j)) > 0) {
				j = e; /* «المجلس البلدي في جدة», as with ب (not «الجيش
					  اليمني في عدن») */
				purpose = placed = true;
			}
			if (entity_word_ends(p, i, "الاداره")) {
				e = purpose ? entity_region_after(x, p, j) : 0;
				purpose = e > 0;
				j = e > 0 ? e : j;
			}
			if (!purpose && j > i + 1 && entity_national_body(x, p, i)) {
				if (j < p->n && entity_word_is(p, j, "الحر"))
					j++; /* «الجيش السوري الحر» */
				purpose = true; /* «الجيش اليمني», «الشرطة الإسرائيلية»: the nisba is the name */
			}
			if (tagged) { /* the tagger's name, unless it stopped short of «للتسليف والادخار» */
				e = i + 1;
				while (e < p->n && ner_tag_inside(p->tags[e]) && ner_tag_type(p->tags[e]) == NER_ORG)
					e++;
				purpose = purpose && (coordinated || placed) && e < j;
				j = e > j ? e : j;
			}
			if (purpose && !(i > 0 && p->toks[i - 1].kind == NORM_TOKEN_WORD && !entity_forces_of(p, i - 1) &&
					   entity_rules_is_trigger(x->rules, p->norm.s + p->toks[i - 1].beg,
								   p->toks[i - 1].end - p->toks[i - 1].beg))) {
				entity_retag(x, p, i, j, NER_ORG, x->lead[i] ? x->lead[i] : skip, x->lead_al[i]);
				i = j - 1;
			}
			continue;
		}
		skip = 0;
		if ((e = entity_party_hall(x, p, i)) > 0 || (e = entity_health_centre(x, p, i)) > 0 ||
		    (e = entity_named_building(x, p, i)) > 0 || (e = entity_education_office(x, p, i)) > 0) {
			entity_retag(x, p, i, e, NER_ORG, entity_proclitic(p, i, &al), false);
			i = e - 1;
			continue;
		}
		if (entity_forces_of(p, i) && i + 1 < p->n &&
		    (entity_definite_trigger(x, p, i + 1, 0) || p->tags[i + 1] == ner_tag_make(NER_ORG, false) ||
		     p->tags[i + 1] == ner_tag_make(NER_PERS, false)))
			continue; /* «قوات الجيش اليمني» are the army's: the name is «الجيش اليمني»;
				     «قوات داعش», «قوات الأسد»: the body's or the man's forces */
		if (!entity_rules_is_trigger(x->rules, w, n) && !entity_royal_structure(p, i, 0) &&
		    !entity_named_centre(x, p, i, 0) && !entity_military_base(p, i, 0) && !entity_team_of(x, p, i)) {
			skip = entity_proclitic(p, i, &al);
			if (skip > 2 && !al && (memcmp(w, "و", 2) == 0 || memcmp(w, "ف", 2) == 0) &&
			    entity_rules_is_trigger(x->rules, w + 2, n - 2))
				skip = 2; /* «وكلية» is و + كلية, no و + ك + لية */
			if (skip == 0 || al ||
			    !(entity_rules_is_trigger(x->rules, w + skip, n - skip) || entity_royal_structure(p, i, skip) ||
			      entity_named_centre(x, p, i, skip) || entity_military_base(p, i, skip)))
				continue;
		}
		if (entity_team_of(x, p, i))
			skip = entity_team_skip(p, i); /* «لفريق سباهان» */
		if (n - skip == strlen("مجموعه") && memcmp(w + skip, "مجموعه", n - skip) == 0 && i + 2 < p->n &&
		    p->tags[i + 1] == 0 && entity_definite_plural(p, i + 1) && !entity_nisba(x, p, i + 2))
			continue; /* «مجموعة الأفلام», «مجموعة العقوبات»: a set of things; a group's
				     name is the tagger's, a list's, a family's (مجموعة الطيار) or has a
				     nisba (مجموعة الأزمات الدولية) */
		if (n - skip == strlen("مصلحه") && memcmp(w + skip, "مصلحه", n - skip) == 0 &&
		    !(i + 2 < p->n && (entity_nisba(x, p, i + 2) || entity_word_is(p, i + 2, "العامه"))))
			continue; /* «مصلحة الوطن», «مصلحة الأردن»: an interest; a department's name
				     has its nisba or «العامة» (مصلحة الإحصاءات العامة) */
		if (n - skip == strlen("حركه") && memcmp(w + skip, "حركه", n - skip) == 0 && i + 1 < p->n &&
		    p->tags[i + 1] == 0 && entity_word_definite(p, i + 1) && !entity_movement_nisba(x, p, i + 2))
			continue; /* «حركة الركاب», «حركة العمل»: traffic, a movement of something; a
				     party's name is one the tagger or a list knows (حركة حماس), or
				     has a people's or faith's nisba (حركة المقاومة الإسلامية) */
		facility = i + 1 < p->n && p->tags[i + 1] == ner_tag_make(NER_PERS, false) &&
			   entity_named_facility(w + skip, n - skip);
		for (j = i + 1; j < p->n && j - i <= ENTITY_ORG_WORDS &&
				entity_trigger_takes(x, p, j, i + 1, &facility, &named); j++)
			;
		for (size_t k = i + 1; k < j; k++)
			if (entity_base_kind(p, k))
				j = k + 1; /* «قاعدة العند الجوية الأكبر»: the kind ends a base's name */
		if (j > i + 1 && !named && entity_word_definite(p, j - 1) &&
		    !entity_ends_nisba(p->norm.s + p->toks[j - 1].beg, p->toks[j - 1].end - p->toks[j - 1].beg) &&
		    entity_field_body(w + skip, n - skip) && entity_purpose_and_construct(x, p, j) &&
		    p->tags[j + 1] == 0 && !entity_place_at(x, p, j + 1))
			j += 2; /* «كلية الحاسبات وتقنية المعلومات»: a coordinated noun and its own */
		while (j > i + 1 && (entity_word_is(p, j - 1, "الملك") || entity_word_is(p, j - 1, "الامير") ||
				     entity_word_is(p, j - 1, "الامام")))
			j--;
		if (ner_tag_type(p->tags[i]) == NER_ORG) /* an organisation there already: only longer */
			for (size_t e = i + 1; e < p->n && ner_tag_inside(p->tags[e]) &&
					       ner_tag_type(p->tags[e]) == NER_ORG; e++)
				j = e + 1 > j ? e + 1 : j;
		if (j > i + 2 && j < p->n && entity_purpose_and(x, p, j) && entity_purpose(x, p, j - 2))
			j++; /* «مدينة الملك عبدالله للطاقة الذرية والمتجددة» */
		if (facility && j > i + 2 && entity_body_with_purpose(w + skip, n - skip))
			j = entity_facility_purpose(x, p, j); /* not «حديقة الملك فهد للمواطنين» */
		else if (j > i + 1 && entity_company_word(w + skip, n - skip) &&
			 !(j == i + 2 && !entity_word_definite(p, i + 1) && p->toks[i + 1].end - p->toks[i + 1].beg > 4 &&
			   memcmp(p->norm.s + p->toks[i + 1].end - 4, "يه", 4) == 0))
			j = entity_facility_purpose(x, p, j); /* «شركة الطائف للاستثمار والسياحة»; not
								 «شركة إيطالية لتأمين …», a description */
		if (j > i + 1 && j < p->n && !entity_team_word(w + skip, n - skip) &&
		    entity_nationality_after(x, p, j))
			j++; /* «وزارة الداخلية الإماراتية»: the country's ministry (a club's or team's
				nationality is the article's, not the name's: «نادي برشلونة الأسباني») */
		if (j == i + 2 && entity_local_kind(w + skip, n - skip) &&
		    entity_word_definite(p, i + 1) &&
		    (e = entity_in_place_phrase(x, p, j)) > 0)
			j = e; /* «كلية الطب في مينيسوتا»: which faculty of medicine */
		if (j == i + 1)
			continue;
		x->sure[i] |= j == i + 2 && x->sport && entity_venue_word(p, i) &&
			       entity_foreign_word(x, p, i + 1);
		entity_retag(x, p, i, j, NER_ORG, skip, false); /* a stadium's foreign name is no
								    adjective (ليبرتي) */
		i = j - 1;
	}
}

/* Whether token k, clitics off, is a stadium's word (ملعب، استاد، ستاد; «بملعب», «على استاد»). */
static bool entity_stadium_word(const struct ner_para *p, size_t k)
{
	static const char *const words[] = {"ملعب", "استاد", "ستاد"};
	return entity_clitic_word_in(p, k, words, sizeof words / sizeof *words);
}

/* Whether token k is a punctuation token, one of the nmarks marks. */
static bool entity_punct_in(const struct ner_para *p, size_t k, const char *const *marks, size_t nmarks)
{
	return p->toks[k].kind == NORM_TOKEN_PUNCT &&
	       entity_bare_word_in(p->norm.s + p->toks[k].beg, p->toks[k].end - p->toks[k].beg, marks, nmarks);
}

/* Whether token k is an opening quote or bracket (" « “ ( ). */
static bool entity_opening_quote(const struct ner_para *p, size_t k)
{
	static const char *const marks[] = {"\"", "«", "“", "("};
	return entity_punct_in(p, k, marks, sizeof marks / sizeof *marks);
}

/* Whether token k is a trigger word behind a clitic (بنادي، وملعب) or a word opening with
 * لل: the name before it has ended (ملعب لوفتس رود بنادي كوينز بارك). */
static bool entity_trigger_after(const struct entity_scratch *x, const struct ner_para *p, size_t k)
{
	bool al;
	size_t skip = entity_proclitic(p, k, &al);
	if (p->toks[k].end - p->toks[k].beg > 6 && memcmp(p->norm.s + p->toks[k].beg, "لل", 4) == 0)
		return true; /* no name's word opens with لل («لوفتس رود للحديث») */
	return skip > 0 && !al && entity_rules_is_trigger(x->rules, p->norm.s + p->toks[k].beg + skip,
							  p->toks[k].end - p->toks[k].beg - skip);
}

/* In an article about sport, a person the tagger found right after a stadium's word, or in
 * quotes after it, is the stadium (ملعب "لوفتس رود", ستاد لوفتس رود, ملعب المباراة «لوفتس
 * رود»): named without the word, as the quoted mentions are. Stadiums the trigger pass
 * already named (ملعب الملك فهد) are organisations by then. */
void entity_stadiums(struct entity_scratch *x, struct ner_para *p)
{
	for (size_t i = 0; i + 1 < p->n && x->sport; i++) {
		if (!entity_stadium_word(p, i))
			continue;
		size_t s = i + 1;
		if (s < p->n && entity_stadium_word(p, s))
			s++; /* «ملعب ستاد لوفتس رود» */
		else if (s < p->n && entity_word_is(p, s, "المباراه"))
			s++; /* «ملعب المباراة «لوفتس رود»» */
		bool quoted = s < p->n && entity_opening_quote(p, s);
		s += quoted;
		if (s >= p->n || p->tags[s] != ner_tag_make(NER_PERS, false))
			continue;
		size_t e = s + 1;
		while (e < p->n && p->tags[e] == ner_tag_make(NER_PERS, true) && !entity_trigger_after(x, p, e))
			e++;
		if (quoted && (e >= p->n || p->toks[e].kind != NORM_TOKEN_PUNCT))
			continue; /* the quote closes on the name */
		entity_retag(x, p, s, e, NER_ORG, 0, false);
		x->sure[s] = true;
		i = e - 1;
	}
}

/* Whether token k is a closing quote (" » ”). */
static bool entity_closing_quote(const struct ner_para *p, size_t k)
{
	static const char *const marks[] = {"\"", "»", "”"};
	return entity_punct_in(p, k, marks, sizeof marks / sizeof *marks);
}

/* Whether word k, its clitics off and with no ال, is the word of a body known by its own
 * name, which the name in quotes after it stands for alone: a company, bank, agency, party,
 * paper or outlet («شركة "زين"», «موقع "راجانيوز"»). Not a building's or room's word, whose
 * name holds it (مطار "تمناع", غرفة «البودرة», محطة "ليلى": a plant as often as a channel),
 * nor «مصلحة» (لمصلحة "المتجدد": in favour of). */
static bool entity_body_word(const struct ner_para *p, size_t k)
{
	static const char *const bodies[] = {"شركه", "بنك", "مصرف", "مؤسسه", "مجموعه", "صندوق",
					     "وكاله", "منظمه", "جمعيه", "حزب", "حركه", "جماعه",
					     "صحيفه", "قناه", "رابطه", "نقابه", "اتحاد", "موقع",
					     "شبكه", "اذاعه", "دار", "تلفزيون", "تليفزيون"};
	return entity_clitic_word_in(p, k, bodies, sizeof bodies / sizeof *bodies);
}

/* Whether the one word at k is an indefinite feminine nisba: an adjective in quotes
 * («منظمة “إرهابية”»), no name. */
static bool entity_quoted_adjective(const struct ner_para *p, size_t k)
{
	const char *w = p->norm.s + p->toks[k].beg;
	size_t n = p->toks[k].end - p->toks[k].beg;
	return n > 4 && memcmp(w, "ال", 4) != 0 && memcmp(w + n - 4, "يه", 4) == 0;
}

/* The end of one to four words in quotes from token s (its opening quote), the closing
 * quote's index, else 0; a dot between letters is an acronym's («إم.تي.في»). */
static size_t entity_quoted_span(const struct ner_para *p, size_t s)
{
	size_t e = s + 1, words = 0;
	for (; e < p->n && !entity_closing_quote(p, e); e++) {
		bool dot = p->toks[e].kind == NORM_TOKEN_PUNCT && p->toks[e].end - p->toks[e].beg == 1 &&
			   p->norm.s[p->toks[e].beg] == '.' && e > s + 1 && e + 1 < p->n &&
			   p->toks[e + 1].kind == NORM_TOKEN_WORD;
		if (p->toks[e].kind == NORM_TOKEN_PUNCT && !dot)
			return 0;
		words += p->toks[e].kind != NORM_TOKEN_PUNCT;
	}
	return e < p->n && words >= 1 && words <= 4 ? e : 0;
}

/* A body's word without ال right before a name in quotes names it: the quoted words are the
 * body («شركة “وارنر بروس”», «موقع “هوليوود ريبورتر”», «شبكة «إم.تي.في»», «دار "راندوم هاوس"
 * للنشر»), as the judged samples list it, whatever the tagger made of them. */
void entity_quoted_bodies(struct entity_scratch *x, struct ner_para *p)
{
	for (size_t i = 0; i + 2 < p->n; i++) {
		if (!entity_opening_quote(p, i + 1) || entity_word_is(p, i + 1, "(") || !entity_body_word(p, i))
			continue;
		size_t e = entity_quoted_span(p, i + 1);
		if (e == 0 || (e == i + 3 && entity_quoted_adjective(p, i + 2)))
			continue;
		entity_retag(x, p, i + 2, e, NER_ORG, 0, false);
		x->sure[i + 2] = true;
		i = e;
	}
}

/* 1 when word k (clitics off, no ال) is an outlet's word of feminine gender (صحيفة، قناة،
 * وكالة، شبكة، إذاعة), 2 of masculine (موقع، تلفزيون), else 0. */
static int entity_outlet_word(const struct ner_para *p, size_t k)
{
	static const char *const feminine[] = {"صحيفه", "قناه", "وكاله", "شبكه", "اذاعه"};
	static const char *const masculine[] = {"موقع", "تلفزيون", "تليفزيون"};
	return entity_clitic_word_in(p, k, feminine, sizeof feminine / sizeof *feminine)       ? 1
	       : entity_clitic_word_in(p, k, masculine, sizeof masculine / sizeof *masculine) ? 2
											    : 0;
}

/* Whether w with ال, n bytes before its nisba's ي, names a place the lexicon knows as its stem
 * with يا, ا, nothing or ال (البريطاني of بريطانيا, الأمريكي of أمريكا, الصيني of الصين):
 * entity_country_nisba reads the world's towns, where few countries are. */
static bool entity_lexicon_country_nisba(const struct entity_scratch *x, const char *w, size_t n)
{
	static const char *const ends[] = {"يا", "ا", ""};
	char buf[128];
	if (n <= 4 + 4 || n + 4 > sizeof buf || memcmp(w, "ال", 4) != 0)
		return false;
	for (size_t e = 0; e < sizeof ends / sizeof *ends; e++) {
		size_t en = strlen(ends[e]);
		memcpy(buf, w + 4, n - 4);
		memcpy(buf + n - 4, ends[e], en);
		if (ner_lexicon_curated_type(x->lex, buf, n - 4 + en) == NER_LOC)
			return true;
	}
	return ner_lexicon_curated_type(x->lex, w, n) == NER_LOC;
}

/* Whether word k is an outlet's nisba of gender g (1 feminine, 2 masculine): a country's
 * (البريطانية، الأمريكي) or its kind's (الإخبارية، الرياضية، الإلكتروني، الفضائية). */
static bool entity_outlet_nisba(const struct entity_scratch *x, const struct ner_para *p, size_t k, int g)
{
	static const char *const kinds[] = {"الاخباري", "الاخباريه", "الرياضي", "الرياضيه", "الالكتروني",
					    "الالكترونيه", "التلفزيونيه", "الفضائيه", "الاقتصادي", "الاقتصاديه"};
	const char *w = p->norm.s + p->toks[k].beg;
	size_t n = p->toks[k].end - p->toks[k].beg;
	bool fem = n > 4 && memcmp(w + n - 4, "يه", 4) == 0;
	if (p->toks[k].kind != NORM_TOKEN_WORD || (g == 1) != fem || (!fem && memcmp(w + n - 2, "ي", 2) != 0))
		return false;
	for (size_t h = 0; h < sizeof kinds / sizeof *kinds; h++)
		if (entity_word_is(p, k, kinds[h]))
			return true;
	return entity_country_nisba(x, w, n) || entity_lexicon_country_nisba(x, w, n - (fem ? 4 : 2));
}

/* Whether word k can be a word of an outlet's foreign name: indefinite, no stop word, title
 * or trigger, no place a list knows, nothing the rules made a body yet. */
static bool entity_outlet_name_word(const struct entity_scratch *x, const struct ner_para *p, size_t k)
{
	const char *w = p->norm.s + p->toks[k].beg;
	size_t n = p->toks[k].end - p->toks[k].beg;
	return p->toks[k].kind == NORM_TOKEN_WORD && !entity_word_definite(p, k) &&
	       ner_tag_type(p->tags[k]) != NER_ORG && !ner_lexicon_is_stop(x->lex, w, n) &&
	       !ner_lexicon_is_title(x->lex, w, n) && !entity_rules_is_trigger(x->rules, w, n) &&
	       !entity_place_at(x, p, k) && memcmp(w + n - 2, "ه", 2) != 0;
}

/* An outlet's word without ال, one to three words of a foreign name, then a nisba that agrees
 * with the word and says the outlet's country or kind: the words are the outlet («موقع بزنس
 * انسايدر الأمريكي», «صحيفة ديلي تلغراف البريطانية», «وكالة دوغان التركية»), named without
 * its word as the judged samples list papers; not a site of something (موقع جدة التاريخية:
 * no agreement, no such kind), nor a town's channel (قناة أبوظبي الفضائية: the trigger's). */
void entity_outlets(struct entity_scratch *x, struct ner_para *p)
{
	for (size_t i = 0; i + 2 < p->n; i++) {
		int g = entity_outlet_word(p, i);
		size_t e = i + 1;
		if (g == 0)
			continue;
		while (e < p->n && e <= i + 3 && entity_outlet_name_word(x, p, e))
			e++;
		if (e == i + 1 || e >= p->n || !entity_outlet_nisba(x, p, e, g))
			continue;
		entity_retag(x, p, i + 1, e, NER_ORG, 0, false);
		x->sure[i + 1] = true;
		i = e;
	}
}

/* Whether word k opens with one of words (matching form). */
static bool entity_word_opens(const struct ner_para *p, size_t k, const char *const *words, size_t nwords)
{
	const char *w = p->norm.s + p->toks[k].beg;
	size_t n = p->toks[k].end - p->toks[k].beg;
	for (size_t h = 0; h < nwords; h++)
		if (n >= strlen(words[h]) && memcmp(w, words[h], strlen(words[h])) == 0)
			return true;
	return false;
}

/* Whether token k is a number or the dash of a score. */
static bool entity_score_token(const struct ner_para *p, size_t k)
{
	return p->toks[k].kind == NORM_TOKEN_NUMBER ||
	       (p->toks[k].kind == NORM_TOKEN_PUNCT && p->toks[k].end - p->toks[k].beg == 1 &&
		p->norm.s[p->toks[k].beg] == '-');
}

/* Whether a word of a match or its result opens one of the four tokens before k, a score
 * maybe between («خسرت 30-0 أمام», «الفوز 30-0 على», «تعادل 1-1 مع», «مباراة ضد»; a
 * number alone is no score: «القرار 661 الذي يفرض حظرا على العراق»). */
static bool entity_result_before(const struct ner_para *p, size_t k)
{
	static const char *const words[] = {"خسر",  "وخسر",   "الخساره", "خساره", "هزيم",  "الهزيم",
					    "تعادل", "وتعادل", "التعادل", "فوز",   "الفوز", "بالفوز",
					    "فاز",  "وفاز",   "تغلب",   "وتغلب",  "مباراه", "المباراه",
					    "لقاء", "اللقاء", "يلتقي",  "ويلتقي", "سقط",   "وسقط",
					    "مواجه", "المواجه", "ملحق", "ضيف",  "تلعب",  "وتلعب",
					    "يلعب", "ويلعب", "تلتقي", "وتلتقي", "يواجه", "تواجه",
					    "تجمع", "فتجمع", "وتجمع"};
	for (size_t b = k, seen = 0; b > 0 && seen < 4;) {
		b--;
		if (entity_score_token(p, b))
			continue; /* «خسرت أيضا 30-0 أمام»: the score counts for no word */
		seen++;
		if (p->toks[b].kind == NORM_TOKEN_WORD && entity_word_opens(p, b, words, sizeof words / sizeof *words))
			return true;
	}
	return false;
}

/* Whether word k names the other side of a match: «أمام», «ضد», «مع», «على» or «على حساب»
 * after a word of the match or its result (not «عائقا أمام روسيا», «العقوبات على روسيا»);
 * or a player's or coach's club: «صفوف», «فريقه», «لاعب», «مهاجم», «مدرب», «ألوان»,
 * «قميص» … before it. */
static bool entity_opponent_word(const struct ner_para *p, size_t k)
{
	static const char *const words[] = {"امام", "ضد", "مع", "علي"};
	static const char *const club[] = {"صفوف", "فريقه", "فريقها", "ناديه", "ناديها", "لاعب", "لاعبو",
					   "لاعبي", "مهاجم", "مدافع", "حارس", "مدرب"};
	bool al;
	size_t skip;
	if (p->toks[k].kind != NORM_TOKEN_WORD)
		return false;
	if (entity_word_is(p, k, "الوان") || entity_word_is(p, k, "قميص") || entity_word_is(p, k, "بقميص"))
		return true; /* «حمل ألوان مرسيليا», «ارتدى قميص ليون»: the club a player wore */
	skip = entity_proclitic(p, k, &al);
	for (size_t h = 0; h < sizeof club / sizeof *club && !al; h++) {
		size_t cn = strlen(club[h]), n = p->toks[k].end - p->toks[k].beg;
		const char *w = p->norm.s + p->toks[k].beg;
		if ((n == cn && memcmp(w, club[h], cn) == 0) || (n == skip + cn && memcmp(w + skip, club[h], cn) == 0))
			return true; /* «في صفوف ليون», «مع فريقه ليون», «مهاجم ليون»: its club */
	}
	if (k > 0 && entity_word_is(p, k, "حساب") && entity_word_is(p, k - 1, "علي"))
		return entity_result_before(p, k - 1);
	for (size_t h = 0; h < sizeof words / sizeof *words; h++)
		if (entity_word_is(p, k, words[h]))
			return entity_result_before(p, k);
	return false;
}

/* The end of the place at token i the tagger found, or that the world's list names (one or
 * two untagged words: «جزر كوك»), or i. */
static size_t entity_opponent_place(struct entity_scratch *x, const struct ner_para *p, size_t i)
{
	size_t j = i + 1;
	if (p->tags[i] == ner_tag_make(NER_LOC, false)) {
		while (j < p->n && p->tags[j] == ner_tag_make(NER_LOC, true))
			j++;
		return j;
	}
	if (p->tags[i] != 0 || p->toks[i].kind != NORM_TOKEN_WORD)
		return i;
	for (j = i + 2; j > i; j--) {
		struct strbuf *sb = &x->alt;
		if (j > p->n || (j == i + 2 && (p->toks[i + 1].kind != NORM_TOKEN_WORD || p->tags[i + 1] != 0)))
			continue;
		entity_phrase(p, i, j, 0, false, sb);
		if (entity_world_place(x, sb->data, sb->len))
			return j;
	}
	return i;
}

/* Whether place token i opens with ب or ل, a preposition: as a rule found it, or as the
 * word reads when the word without it is a known place and the word as written is none. */
static bool entity_opponent_in(const struct entity_scratch *x, const struct ner_para *p, size_t i)
{
	const char *w = p->norm.s + p->toks[i].beg;
	size_t n = p->toks[i].end - p->toks[i].beg;
	if (n <= 4 || (memcmp(w, "ب", 2) != 0 && memcmp(w, "ل", 2) != 0))
		return false;
	return x->lead[i] > 0 || (!entity_place_known(x, w, n) && entity_place_known(x, w + 2, n - 2));
}

/* In an article about sport, a place right after the word for the other side (خسرت أمام
 * فيجي، على حساب ليون، تعادل 1-1 مع فانواتو، الفوز 30-0 على جزر كوك) is that country's or
 * town's team, an organisation; entity_vote_types makes its other mentions the team's too. */
void entity_opponents(struct entity_scratch *x, struct ner_para *p)
{
	for (size_t k = 0; x->sport && k + 1 < p->n; k++) {
		size_t i = k + 1, j;
		if (!entity_opponent_word(p, k) || (j = entity_opponent_place(x, p, i)) == i ||
		    entity_opponent_in(x, p, i))
			continue; /* «معسكر فريقه باسبانيا»: where the team is */
		entity_retag(x, p, i, j, NER_ORG, x->lead[i], x->lead_al[i]);
		x->sure[i] = true;
	}
}

/* Whether word k, its clitics aside, is a verb whose subject or object right after it is a
 * side of a match (تلتقي الأرجنتين، يكسب الجزائر); not «تستضيف», whose object is a host,
 * nor «تواجه» or «تلعب» (تواجه الكويت أزمة، تلعب دورا). */
static bool entity_match_verb(const struct ner_para *p, size_t k)
{
	static const char *const words[] = {"يلتقي", "تلتقي", "يخوض", "تخوض", "يكسب",
					    "تكسب", "كسب", "كسبت", "يهزم", "تهزم"};
	return p->toks[k].kind == NORM_TOKEN_WORD && entity_clitic_word_in(p, k, words, sizeof words / sizeof *words);
}

/* Whether word k, its clitics aside, opens with a verb or noun of a result whose subject
 * or owner is the place right before it (ميكرونيزيا خسرت، يمنح ليجيا وارسو الفوز). */
static bool entity_result_after(const struct ner_para *p, size_t k)
{
	static const char *const words[] = {"خسر", "فاز", "الفوز", "تعادل", "تغلب", "هزم"};
	bool al;
	size_t skip = entity_proclitic(p, k, &al);
	const char *w = p->norm.s + p->toks[k].beg + skip;
	size_t n = p->toks[k].end - p->toks[k].beg - skip;
	if (p->toks[k].kind != NORM_TOKEN_WORD || al)
		return false;
	for (size_t h = 0; h < sizeof words / sizeof *words; h++)
		if (n >= strlen(words[h]) && memcmp(w, words[h], strlen(words[h])) == 0)
			return true;
	return false;
}

/* Whether the place at token i is where something is: after في، من، إلى or with ب in front. */
static bool entity_place_where(const struct entity_scratch *x, const struct ner_para *p, size_t i)
{
	return entity_opponent_in(x, p, i) ||
	       (i > 0 && (entity_word_is(p, i - 1, "في") || entity_word_is(p, i - 1, "من") ||
			  entity_word_is(p, i - 1, "الي")));
}

/* The start of the place the tagger found that ends at token e (exclusive), or e. */
static size_t entity_place_start(const struct ner_para *p, size_t e)
{
	size_t i = e;
	while (i > 0 && p->tags[i - 1] == ner_tag_make(NER_LOC, true))
		i--;
	return i > 0 && p->tags[i - 1] == ner_tag_make(NER_LOC, false) ? i - 1 : e;
}

/* The end of the side entity_opponents made at token i, or of the place there, or i. */
static size_t entity_side_or_place(struct entity_scratch *x, const struct ner_para *p, size_t i)
{
	size_t j = i + 1;
	if (p->tags[i] != ner_tag_make(NER_ORG, false) || !x->sure[i])
		return entity_opponent_place(x, p, i);
	while (j < p->n && p->tags[j] == ner_tag_make(NER_ORG, true))
		j++;
	return j;
}

/* Places [i, j) become a side of a match, an organisation. */
static void entity_make_side(struct entity_scratch *x, struct ner_para *p, size_t i, size_t j)
{
	entity_retag(x, p, i, j, NER_ORG, x->lead[i], x->lead_al[i]);
	x->sure[i] = true;
}

/* In an article about sport, the sides of a match named by places: after a verb of the
 * match, and the place joined to it by و (وتلتقي الأرجنتين والبرازيل); either side of «مع»
 * in a fixture list, after a word of the match or the pair before (فتجمع كولومبيا مع البيرو،
 * وفنزويلا مع الباراغواي); before a result (ليجيا وارسو الفوز). A place where something is
 * (في البرازيل، بالرياض) is none. */
void entity_match_sides(struct entity_scratch *x, struct ner_para *p)
{
	size_t pair_end = 0; /* after the last pair of a fixture list, or 0 */
	for (size_t k = 0; x->sport && k + 1 < p->n; k++) {
		size_t i = k + 1, j, s;
		if (entity_match_verb(p, k) && (j = entity_opponent_place(x, p, i)) > i && !entity_place_where(x, p, i)) {
			entity_make_side(x, p, i, j);
			if (j < p->n && memcmp(p->norm.s + p->toks[j].beg, "و", 2) == 0 &&
			    p->tags[j] == ner_tag_make(NER_LOC, false) && (s = entity_opponent_place(x, p, j)) > j)
				entity_make_side(x, p, j, s);
		} else if (entity_word_is(p, k, "مع") && k > 0 && (s = entity_place_start(p, k)) < k &&
			   (entity_result_before(p, s) || (pair_end > 0 && s <= pair_end + 2)) &&
			   !entity_place_where(x, p, s) && (j = entity_side_or_place(x, p, i)) > i &&
			   !entity_opponent_in(x, p, i)) {
			entity_make_side(x, p, s, k); /* not «علاقات الولايات المتحدة مع كوبا» */
			entity_make_side(x, p, i, j);
			pair_end = j;
		} else if (entity_result_after(p, i) && (s = entity_place_start(p, i)) < i &&
			   !entity_place_where(x, p, s)) {
			entity_make_side(x, p, s, i);
		}
	}
}

/* Whether token k is a word English clubs put after their town's name (سيتي، يونايتد …). */
static bool entity_club_suffix(const struct ner_para *p, size_t k)
{
	static const char *const words[] = {"سيتي", "يونايتد", "تاون", "روفرز", "واندررز", "البيون", "هوتسبير"};
	for (size_t h = 0; h < sizeof words / sizeof *words; h++)
		if (k < p->n && entity_word_is(p, k, words[h]))
			return true;
	return false;
}

/* Whether token k, its clitics aside, is a word clubs of Spain, Portugal and the east put
 * before their town's name (ديبورتيفو لا كورونيا، سبورتنج خيخون، دينامو موسكو، ريال بيتيس). */
static bool entity_club_prefix(const struct ner_para *p, size_t k)
{
	static const char *const words[] = {"ديبورتيفو", "سبورتنج", "سبورتينغ", "سبورتينج", "اتلتيكو",
					    "ريال", "دينامو", "اولمبيك", "ريسينغ", "سبارتاك", "لوكوموتيف"};
	return p->toks[k].kind == NORM_TOKEN_WORD && entity_clitic_word_in(p, k, words, sizeof words / sizeof *words);
}

/* The end of a club named at token i by such a word and its town: a place the tagger found or
 * a list knows, or after a particle a foreign word (لا كورونيا); else 0. */
static size_t entity_prefixed_club(const struct entity_scratch *x, const struct ner_para *p, size_t i)
{
	size_t k = i + 1, e;
	bool particle = false;
	if (!entity_club_prefix(p, i) || ner_tag_inside(p->tags[i]) || k >= p->n)
		return 0;
	if (k + 1 < p->n && (entity_word_is(p, k, "لا") || entity_word_is(p, k, "دي")))
		k++, particle = true;
	if (entity_word_definite(p, k))
		return 0; /* «أولمبيك الأوكراني»: the club's country */
	if (ner_tag_type(p->tags[k]) == NER_LOC && !ner_tag_inside(p->tags[k])) {
		for (e = k + 1; e < p->n && p->tags[e] == ner_tag_make(NER_LOC, true); e++)
			;
		return e;
	}
	return p->tags[k] == 0 && (entity_place_at(x, p, k) || (particle && entity_foreign_word(x, p, k)))
		       ? k + 1 : 0; /* not «ريال سنويا»; a town no list knows after a particle (لا كورونيا) */
}

/* In an article about sport, a place and such a word is a club (سوانزي سيتي، ليستر سيتي), and
 * so is a club's word and its town (سبورتنج خيخون). */
void entity_club_towns(struct entity_scratch *x, struct ner_para *p)
{
	for (size_t i = 0, e; i < p->n && x->sport; i++)
		if ((e = entity_prefixed_club(x, p, i)) > 0) {
			bool al;
			entity_retag(x, p, i, e, NER_ORG, entity_proclitic(p, i, &al), false);
			i = e - 1;
		}
	for (size_t i = 0; i < p->n && x->sport; i++) {
		size_t j = i + 1;
		if (p->tags[i] != ner_tag_make(NER_LOC, false))
			continue;
		while (j < p->n && p->tags[j] == ner_tag_make(NER_LOC, true))
			j++;
		const char *w = p->norm.s + p->toks[i].beg;
		size_t n = p->toks[i].end - p->toks[i].beg;
		size_t skip = x->lead[i]; /* «ونوريتش سيتي» loses its و */
		if (skip == 0 && memcmp(w, "و", 2) == 0 && entity_letters(w + 2, n - 2) >= 4)
			skip = 2;
		if (j < p->n && p->tags[j] == 0 && entity_club_suffix(p, j))
			entity_retag(x, p, i, j + 1, NER_ORG, skip, x->lead_al[i]);
		else if (j - i >= 2 && entity_club_suffix(p, j - 1)) /* the tagger's place took it */
			entity_retag(x, p, i, j, NER_ORG, skip, x->lead_al[i]);
		i = j - 1;
	}
}
