/* entity_eval.c - a judged sample of article entities read, and an article's entries scored
 * against it (entity_eval.h says how they match). */
#include "qari/entity_eval.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "qari/fsutil.h"
#include "qari/normalize.h"
#include "qari/xalloc.h"

#define ENTITY_GOLD_MAX_BYTES (64u << 20)
#define ENTITY_GOLD_MAX_FIELDS 4

static const char *const entity_eval_error_names[] = {"junk", "wrong-type", "duplicate", "missed"};

const char *entity_eval_error_name(enum entity_eval_error e) { return entity_eval_error_names[e]; }

/* Split line (modified in place) at tabs into at most max fields, each trimmed of spaces. */
static size_t entity_gold_fields(char *line, char **f, size_t max)
{
	size_t n = 0;
	for (char *s = line; s && n < max; n++) {
		char *tab = strchr(s, '\t'), *e;
		if (tab)
			*tab = '\0';
		while (*s == ' ')
			s++;
		e = s + strlen(s);
		while (e > s && (e[-1] == ' ' || e[-1] == '\r'))
			*--e = '\0';
		f[n] = s;
		s = tab ? tab + 1 : NULL;
	}
	return n;
}

static bool entity_gold_type(const char *s, enum entity_type *t)
{
	for (int k = 0; k < ENTITY_EVAL_TYPES; k++)
		if (strcmp(s, entity_type_name((enum entity_type)k)) == 0)
			return *t = (enum entity_type)k, true;
	return false;
}

static void entity_gold_add_form(struct entity_gold_entity *e, const char *s, size_t n)
{
	size_t len;
	char *f = norm_string(s, n, &len);
	if (len == 0) {
		free(f);
		return;
	}
	e->forms = xreallocarray(e->forms, e->nforms + 1, sizeof *e->forms);
	e->forms[e->nforms++] = f;
}

static const char *entity_gold_article_line(struct entity_gold *g, char **f, size_t nf)
{
	struct entity_gold_article *a;
	if (nf < 2 || strlen(f[1]) != ARTICLE_ID_LEN)
		return "an article line is @<TAB>id<TAB>dev|test";
	xgrow(&g->v, &g->cap, g->n + 1, sizeof *g->v);
	a = &g->v[g->n++];
	memset(a, 0, sizeof *a);
	memcpy(a->id, f[1], ARTICLE_ID_LEN + 1);
	if (nf < 3 || strcmp(f[2], "dev") == 0)
		a->split = ENTITY_SPLIT_DEV;
	else if (strcmp(f[2], "test") == 0)
		a->split = ENTITY_SPLIT_TEST;
	else
		return "the split is dev or test";
	return NULL;
}

static const char *entity_gold_entity_line(struct entity_gold *g, char **f, size_t nf)
{
	struct entity_gold_article *a;
	struct entity_gold_entity *e;
	enum entity_type t;

	if (!entity_gold_type(f[0], &t))
		return "a line starts with @, !, person, place or org";
	if (g->n == 0)
		return "an entity before the first @ line";
	if (nf < 2 || f[1][0] == '\0')
		return "an entity line is type<TAB>name[<TAB>forms]";
	a = &g->v[g->n - 1];
	xgrow(&a->v, &a->cap, a->n + 1, sizeof *a->v);
	e = &a->v[a->n++];
	*e = (struct entity_gold_entity){.type = t, .name = xstrdup(f[1])};
	entity_gold_add_form(e, f[1], strlen(f[1]));
	for (const char *s = nf > 2 ? f[2] : ""; *s;) {
		const char *bar = strchr(s, '|');
		size_t n = bar ? (size_t)(bar - s) : strlen(s);
		const char *b = s, *end = s + n;
		while (b < end && *b == ' ')
			b++;
		while (end > b && end[-1] == ' ')
			end--;
		entity_gold_add_form(e, b, (size_t)(end - b));
		s = bar ? bar + 1 : s + n;
	}
	return NULL;
}

bool entity_gold_parse(const char *text, size_t len, struct entity_gold *g, char **error)
{
	char *copy = xstrndup(text, len), *line = copy;
	size_t lineno = 0;

	memset(g, 0, sizeof *g);
	*error = NULL;
	while (line && *error == NULL) {
		char *nl = strchr(line, '\n'), *f[ENTITY_GOLD_MAX_FIELDS];
		const char *why = NULL;
		size_t nf;
		if (nl)
			*nl = '\0';
		lineno++;
		nf = entity_gold_fields(line, f, ENTITY_GOLD_MAX_FIELDS);
		if (f[0][0] == '#' || (nf == 1 && f[0][0] == '\0') || strcmp(f[0], "!") == 0)
			;
		else if (strcmp(f[0], "@") == 0)
			why = entity_gold_article_line(g, f, nf);
		else
			why = entity_gold_entity_line(g, f, nf);
		if (why)
			*error = xasprintf("line %zu: %s", lineno, why);
		line = nl ? nl + 1 : NULL;
	}
	free(copy);
	if (*error)
		entity_gold_free(g);
	return *error == NULL;
}

bool entity_gold_read(const char *path, struct entity_gold *g, char **error)
{
	size_t len;
	char *text = fsutil_read_file(path, ENTITY_GOLD_MAX_BYTES, &len);
	bool ok;

	if (text == NULL) {
		*error = xasprintf("%s: %s", path, strerror(errno));
		memset(g, 0, sizeof *g);
		return false;
	}
	ok = entity_gold_parse(text, len, g, error);
	if (!ok) {
		char *e = xasprintf("%s: %s", path, *error);
		free(*error);
		*error = e;
	}
	free(text);
	return ok;
}

void entity_gold_free(struct entity_gold *g)
{
	for (size_t i = 0; i < g->n; i++) {
		for (size_t k = 0; k < g->v[i].n; k++) {
			struct entity_gold_entity *e = &g->v[i].v[k];
			for (size_t f = 0; f < e->nforms; f++)
				free(e->forms[f]);
			free(e->forms);
			free(e->name);
		}
		free(g->v[i].v);
	}
	free(g->v);
	memset(g, 0, sizeof *g);
}

static bool entity_gold_matches(const struct entity_gold_entity *e, const char *norm)
{
	for (size_t f = 0; f < e->nforms; f++)
		if (strcmp(e->forms[f], norm) == 0)
			return true;
	return false;
}

/* The gold entity an entry matches: of its own type, an unmatched one first; else of any
 * type (*same false). -1 for none. */
static long entity_eval_match(const struct entity_gold_article *g, const bool *matched,
			      enum entity_type type, const char *norm, bool *same)
{
	long own = -1, other = -1;
	for (size_t k = 0; k < g->n; k++) {
		if (!entity_gold_matches(&g->v[k], norm))
			continue;
		if (g->v[k].type != type) {
			if (other < 0)
				other = (long)k;
		} else if (own < 0 || (matched[own] && !matched[k]))
			own = (long)k;
	}
	*same = own >= 0;
	return own >= 0 ? own : other;
}

void entity_eval_article(struct entity_eval *ev, const struct entity_gold_article *g,
			 const struct entity_sys_entry *sys, size_t n, entity_eval_report_fn report,
			 void *ctx)
{
	bool *matched = xcalloc(g->n + 1, sizeof *matched);

	ev->articles++;
	for (size_t k = 0; k < g->n; k++)
		ev->gold[g->v[k].type]++;
	for (size_t i = 0; i < n; i++) {
		enum entity_type t = sys[i].type;
		enum entity_eval_error e;
		char *norm;
		long k;
		bool same;

		if ((int)t >= ENTITY_EVAL_TYPES)
			continue;
		ev->sys[t]++;
		norm = norm_string(sys[i].name, strlen(sys[i].name), NULL);
		k = entity_eval_match(g, matched, t, norm, &same);
		free(norm);
		if (k >= 0 && same && !matched[k]) {
			matched[k] = true;
			ev->tp[t]++;
			continue;
		}
		e = k < 0 ? ENTITY_EVAL_JUNK : same ? ENTITY_EVAL_DUPLICATE : ENTITY_EVAL_WRONG_TYPE;
		if (e == ENTITY_EVAL_JUNK)
			ev->junk++;
		else if (e == ENTITY_EVAL_DUPLICATE)
			ev->duplicates++;
		else
			ev->wrong_type++;
		if (report)
			report(ctx, g->id, e, t, sys[i].name, k < 0 ? NULL : &g->v[k]);
	}
	for (size_t k = 0; k < g->n; k++)
		if (!matched[k] && report)
			report(ctx, g->id, ENTITY_EVAL_MISSED, g->v[k].type, g->v[k].name, &g->v[k]);
	free(matched);
}

static double entity_eval_ratio(size_t a, size_t b) { return b ? (double)a / (double)b : 0; }

void entity_eval_prf(const struct entity_eval *ev, enum entity_type type, double *p, double *r,
		     double *f1)
{
	size_t tp = 0, sys = 0, gold = 0;
	for (int t = 0; t < ENTITY_EVAL_TYPES; t++)
		if ((int)type == t || type == ENTITY_NTYPES) {
			tp += ev->tp[t];
			sys += ev->sys[t];
			gold += ev->gold[t];
		}
	*p = entity_eval_ratio(tp, sys);
	*r = entity_eval_ratio(tp, gold);
	*f1 = *p + *r > 0 ? 2 * *p * *r / (*p + *r) : 0;
}
