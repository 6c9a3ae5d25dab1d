/* fuzz_config.c - the configuration file (config.c): any bytes as a config file.
 *
 * Input: the file's bytes, parsed in memory and read from a temporary file. Invariants: never
 * fatal; each message is "NAME:LINE: what", LINE a line of the input, at most one per line,
 * valid UTF-8 without control characters; lines are independent: each line parsed alone
 * gives the same message (or none) and the same bindings, and for the other settings the last
 * line that sets one wins; values stay in their ranges; each bound key's name reads back as
 * that key; reading the file gives what parsing the bytes gives. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "qari/config.h"
#include "qari/xalloc.h"

#define FUZZ_CONFIG_NAME "fuzz.conf"

static const char *const fuzz_config_op_names[] = {
	"down", "up", "page-down", "open", "search", "help", "quit",
};
static const struct config_ops fuzz_config_ops = {
	fuzz_config_op_names, sizeof fuzz_config_op_names / sizeof *fuzz_config_op_names,
};

static bool fuzz_config_shown(uint32_t cp)
{
	return !fuzz_is_control(cp) && !fuzz_is_bidi_control(cp);
}

/* The line number of a message and where its text starts; checks the form. */
static unsigned long fuzz_config_message(const char *m, const char *name, const char **text)
{
	size_t n = strlen(name);
	char *end;
	unsigned long line;

	FUZZ_CHECK(strncmp(m, name, n) == 0 && m[n] == ':');
	line = strtoul(m + n + 1, &end, 10);
	FUZZ_CHECK(end > m + n + 1 && strncmp(end, ": ", 2) == 0);
	*text = end + 2;
	FUZZ_CHECK(fuzz_valid_utf8(*text, strlen(*text)));
	FUZZ_CHECK(fuzz_each_cp(*text, strlen(*text), fuzz_config_shown));
	return line;
}

static bool fuzz_config_same_key(struct config_key a, struct config_key b)
{
	return a.ch == b.ch && a.special == b.special;
}

static void fuzz_config_check_key(struct config_key key)
{
	char buf[64];
	struct config_key back;
	const char *why;

	FUZZ_CHECK(config_key_parse(config_key_name(key, buf, sizeof buf), &back, &why));
	FUZZ_CHECK(fuzz_config_same_key(key, back));
}

static void fuzz_config_check_ranges(const struct config *c, size_t nlines)
{
	FUZZ_CHECK(c->measure == 0 || (c->measure >= 40 && c->measure <= 400));
	FUZZ_CHECK(c->shape >= -1 && c->shape <= 1 && c->color >= -1 && c->color <= 1);
	FUZZ_CHECK(c->bidi >= CONFIG_BIDI_UNSET && c->bidi <= CONFIG_BIDI_TERMINAL);
	for (int r = 0; r < CONFIG_ROLE_COUNT; r++) {
		const struct config_style *s = &c->theme[r];
		FUZZ_CHECK(s->fg >= CONFIG_COLOR_DEFAULT && s->fg <= 255);
		FUZZ_CHECK(s->bg >= CONFIG_COLOR_DEFAULT && s->bg <= 255);
		FUZZ_CHECK((s->attrs & ~0xFu) == 0);
	}
	for (size_t i = 0; i < c->npaths; i++)
		FUZZ_CHECK(c->paths[i][0] != '\0');
	for (size_t i = 0; i < c->nbindings; i++) {
		FUZZ_CHECK(c->bindings[i].line >= 1 && c->bindings[i].line <= nlines);
		fuzz_config_check_key(c->bindings[i].key);
	}
}

/* The settings a line may set, as one line alone set them (unset ones keep what was); the
 * paths by their number. */
static void fuzz_config_last_wins(struct config *want, size_t *npaths, const struct config *one)
{
	if (one->measure)
		want->measure = one->measure;
	if (one->shape >= 0)
		want->shape = one->shape;
	if (one->color >= 0)
		want->color = one->color;
	if (one->bidi != CONFIG_BIDI_UNSET)
		want->bidi = one->bidi;
	for (int r = 0; r < CONFIG_ROLE_COUNT; r++)
		if (one->theme[r].set)
			want->theme[r] = one->theme[r];
	if (one->npaths)
		*npaths = one->npaths;
}

/* Line lineno (from 1) alone: its message and bindings are those of the whole file. A later
 * line is parsed as the second line of its own file, as a BOM is skipped only on the first. */
static void fuzz_config_line(const struct config *all, const char *s, size_t n, unsigned lineno,
			     size_t *msg, size_t *bind, struct config *want, size_t *npaths)
{
	struct config one;
	const char *text, *all_text;
	unsigned alone = lineno == 1 ? 1 : 2;
	char *buf = xmalloc(n + 1);

	buf[0] = '\n';
	memcpy(buf + 1, s, n);
	config_init(&one);
	config_parse(&one, FUZZ_CONFIG_NAME, alone == 1 ? s : buf, alone == 1 ? n : n + 1,
		     &fuzz_config_ops);
	free(buf);
	FUZZ_CHECK(one.nmessages <= 1);
	if (one.nmessages) {
		FUZZ_CHECK(fuzz_config_message(one.messages[0], FUZZ_CONFIG_NAME, &text) == alone);
		FUZZ_CHECK(*msg < all->nmessages);
		FUZZ_CHECK(fuzz_config_message(all->messages[*msg], FUZZ_CONFIG_NAME, &all_text) ==
			   lineno);
		FUZZ_CHECK(strcmp(text, all_text) == 0);
		(*msg)++;
	}
	for (size_t i = 0; i < one.nbindings; i++, (*bind)++) {
		FUZZ_CHECK(*bind < all->nbindings);
		const struct config_binding *b = &all->bindings[*bind];
		FUZZ_CHECK(b->line == lineno && one.bindings[i].line == alone);
		FUZZ_CHECK(fuzz_config_same_key(b->key, one.bindings[i].key));
		FUZZ_CHECK((b->op == NULL) == (one.bindings[i].op == NULL));
		FUZZ_CHECK(b->op == NULL || strcmp(b->op, one.bindings[i].op) == 0);
	}
	fuzz_config_last_wins(want, npaths, &one);
	config_free(&one);
}

static bool fuzz_config_same_style(const struct config_style *a, const struct config_style *b)
{
	return a->set == b->set && a->fg == b->fg && a->bg == b->bg && a->attrs == b->attrs;
}

/* Parsing the lines one by one gives what parsing the whole did. */
static void fuzz_config_lines(const struct config *all, const char *data, size_t size)
{
	struct config want;
	size_t msg = 0, bind = 0, pos = 0, npaths = 0;
	unsigned lineno = 0;

	config_init(&want);
	while (pos < size) {
		const char *nl = memchr(data + pos, '\n', size - pos);
		size_t end = nl ? (size_t)(nl - data) : size;
		fuzz_config_line(all, data + pos, end - pos, ++lineno, &msg, &bind, &want,
				 &npaths);
		pos = end + 1;
	}
	FUZZ_CHECK(msg == all->nmessages && bind == all->nbindings);
	FUZZ_CHECK(want.measure == all->measure && want.shape == all->shape &&
		   want.color == all->color && want.bidi == all->bidi);
	FUZZ_CHECK(npaths == all->npaths);
	for (int r = 0; r < CONFIG_ROLE_COUNT; r++)
		FUZZ_CHECK(fuzz_config_same_style(&want.theme[r], &all->theme[r]));
	fuzz_config_check_ranges(all, lineno);
	config_free(&want);
}

/* config_load of the same bytes in a file: the same messages, under the file's name. */
static void fuzz_config_file(const struct config *all, const char *data, size_t size)
{
	const char *dir = fuzz_temp_dir(), *text, *all_text;
	char *path = xasprintf("%s/config", dir);
	struct config c;

	fuzz_write_file(dir, "config", data, size);
	config_init(&c);
	FUZZ_CHECK(config_load(&c, path, &fuzz_config_ops));
	FUZZ_CHECK(c.path && strcmp(c.path, path) == 0);
	FUZZ_CHECK(c.nmessages == all->nmessages && c.nbindings == all->nbindings);
	for (size_t i = 0; i < c.nmessages; i++)
		FUZZ_CHECK(fuzz_config_message(c.messages[i], path, &text) ==
				   fuzz_config_message(all->messages[i], FUZZ_CONFIG_NAME, &all_text) &&
			   strcmp(text, all_text) == 0);
	config_free(&c);
	free(path);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct config all;

	config_init(&all);
	config_parse(&all, FUZZ_CONFIG_NAME, (const char *)data, size, &fuzz_config_ops);
	fuzz_config_lines(&all, (const char *)data, size);
	fuzz_config_file(&all, (const char *)data, size);
	config_free(&all);
	return 0;
}
