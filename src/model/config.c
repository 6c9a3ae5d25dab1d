/* config.c - the configuration file: "key = value" lines into struct config, each bad line
 * reported with its number and skipped; key names to keys and back. */
#include "qari/config.h"

#include <errno.h>
#include <pwd.h>
#include <stdint.h>
#include <stdio.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "qari/fsutil.h"
#include "qari/text.h"
#include "qari/xalloc.h"

#define CONFIG_MAX_FILE (1u << 20)
#define CONFIG_MEASURE_MIN 40
#define CONFIG_MEASURE_MAX 400

/* A setter checks value and stores it; returns NULL or what is wrong (caller frees). */
typedef char *(*config_setter)(struct config *c, const char *value, const struct config_ops *ops);

static const char *const config_role_names[CONFIG_ROLE_COUNT] = {
	[CONFIG_ROLE_TEXT] = "text",
	[CONFIG_ROLE_TITLE] = "title",
	[CONFIG_ROLE_META] = "meta",
	[CONFIG_ROLE_SELECTED] = "selected",
	[CONFIG_ROLE_STATUS] = "status",
	[CONFIG_ROLE_PLACEHOLDER] = "placeholder",
	[CONFIG_ROLE_BORDER] = "border",
	[CONFIG_ROLE_HIGHLIGHT] = "highlight",
	[CONFIG_ROLE_READ] = "read",
	[CONFIG_ROLE_UNREAD] = "unread",
};

/* Named keys; the first name of each is the canonical one. */
static const struct {
	const char *name;
	int ch;
	enum config_special special;
} config_key_names[] = {
	{"Space", ' ', CONFIG_KEY_CHAR},
	{"Tab", '\t', CONFIG_KEY_CHAR},
	{"Esc", 27, CONFIG_KEY_CHAR},
	{"Escape", 27, CONFIG_KEY_CHAR},
	{"Enter", 0, CONFIG_KEY_ENTER},
	{"Return", 0, CONFIG_KEY_ENTER},
	{"Backspace", 0, CONFIG_KEY_BACKSPACE},
	{"BS", 0, CONFIG_KEY_BACKSPACE},
	{"Up", 0, CONFIG_KEY_UP},
	{"↑", 0, CONFIG_KEY_UP},
	{"Down", 0, CONFIG_KEY_DOWN},
	{"↓", 0, CONFIG_KEY_DOWN},
	{"Left", 0, CONFIG_KEY_LEFT},
	{"←", 0, CONFIG_KEY_LEFT},
	{"Right", 0, CONFIG_KEY_RIGHT},
	{"→", 0, CONFIG_KEY_RIGHT},
	{"PgUp", 0, CONFIG_KEY_PGUP},
	{"PageUp", 0, CONFIG_KEY_PGUP},
	{"PgDn", 0, CONFIG_KEY_PGDN},
	{"PageDown", 0, CONFIG_KEY_PGDN},
	{"Home", 0, CONFIG_KEY_HOME},
	{"End", 0, CONFIG_KEY_END},
	{"Insert", 0, CONFIG_KEY_INSERT},
	{"Ins", 0, CONFIG_KEY_INSERT},
	{"Delete", 0, CONFIG_KEY_DELETE},
	{"Del", 0, CONFIG_KEY_DELETE},
	{"Shift-Tab", 0, CONFIG_KEY_BTAB},
	{"BackTab", 0, CONFIG_KEY_BTAB},
};

static const char *const config_color_names[] = {
	"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
};

static const struct {
	const char *name;
	unsigned attr;
} config_attr_names[] = {
	{"bold", CONFIG_ATTR_BOLD},
	{"dim", CONFIG_ATTR_DIM},
	{"underline", CONFIG_ATTR_UNDERLINE},
	{"reverse", CONFIG_ATTR_REVERSE},
};

const char *config_role_name(enum config_role role)
{
	return role < CONFIG_ROLE_COUNT ? config_role_names[role] : "";
}

void config_init(struct config *c)
{
	memset(c, 0, sizeof *c);
	c->shape = c->color = c->hyperlinks = c->zoom = c->cache = c->mouse = -1;
	for (int r = 0; r < CONFIG_ROLE_COUNT; r++)
		c->theme[r].fg = c->theme[r].bg = CONFIG_COLOR_DEFAULT;
}

static void config_free_paths(struct config *c)
{
	for (size_t i = 0; i < c->npaths; i++)
		free(c->paths[i]);
	xfree(&c->paths);
	c->npaths = 0;
}

void config_free(struct config *c)
{
	config_free_paths(c);
	for (size_t i = 0; i < c->nbindings; i++)
		free(c->bindings[i].op);
	free(c->bindings);
	for (size_t i = 0; i < c->nmessages; i++)
		free(c->messages[i]);
	free(c->messages);
	free(c->path);
	free(c->url_schemes);
	config_init(c);
}

static void config_message(struct config *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void config_message(struct config *c, const char *fmt, ...)
{
	va_list ap;
	xgrow(&c->messages, &c->msgcap, c->nmessages + 1, sizeof *c->messages);
	va_start(ap, fmt);
	c->messages[c->nmessages++] = xvasprintf(fmt, ap);
	va_end(ap);
}

/* "what \"TEXT\"" with TEXT made safe to show (controls as pictures); caller frees. */
static char *config_quote(const char *what, const char *text)
{
	char *shown = text_neutralize(text);
	char *s = xasprintf("%s \"%s\"", what, shown);
	free(shown);
	return s;
}

/* "Ctrl-X", "C-x", "^X" → the control code; -1 when name is not one. */
static int config_ctrl_key(const char *name)
{
	static const char *const prefixes[] = {"Ctrl-", "C-", "^"};
	for (size_t i = 0; i < sizeof prefixes / sizeof *prefixes; i++) {
		size_t n = strlen(prefixes[i]);
		const char *rest = name + n;
		if (strncasecmp(name, prefixes[i], n) != 0)
			continue;
		if (strcasecmp(rest, "Space") == 0)
			return 0; /* what terminals send for Ctrl-Space */
		if (rest[0] == '\0' || rest[1] != '\0')
			continue;
		if (rest[0] >= 'a' && rest[0] <= 'z')
			return rest[0] - 'a' + 1;
		if (rest[0] == '?')
			return 127;
		if (rest[0] >= '@' && rest[0] <= '_')
			return rest[0] & 0x1f;
	}
	return -1;
}

bool config_key_parse(const char *name, struct config_key *out, const char **why)
{
	size_t len = name ? strlen(name) : 0;
	uint32_t cp;
	int ctrl;

	out->ch = 0;
	out->special = CONFIG_KEY_CHAR;
	if (len == 0) {
		*why = "no key name";
		return false;
	}
	for (size_t i = 0; i < sizeof config_key_names / sizeof *config_key_names; i++)
		if (strcasecmp(name, config_key_names[i].name) == 0) {
			out->ch = config_key_names[i].ch;
			out->special = config_key_names[i].special;
			return true;
		}
	if ((name[0] == 'F' || name[0] == 'f') && len <= 3 && name[1] >= '1' && name[1] <= '9') {
		int n = atoi(name + 1);
		if ((len == 2 || (name[2] >= '0' && name[2] <= '9')) && n >= 1 && n <= 12) {
			out->special = (enum config_special)(CONFIG_KEY_F1 + n - 1);
			return true;
		}
	}
	if ((ctrl = config_ctrl_key(name)) >= 0) {
		out->ch = ctrl;
		return true;
	}
	if ((size_t)text_decode(name, len, &cp) != len) {
		*why = "not a key name (one character, or a name such as Ctrl-O, Space, PgDn, F1)";
		return false;
	}
	if (cp == 0xFFFD || cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) {
		*why = "not a key name (a control or invalid character)";
		return false;
	}
	out->ch = (int)cp;
	return true;
}

/* UTF-8 of one code point into buf (at least 5 bytes). */
static void config_encode(uint32_t cp, char *buf)
{
	if (cp < 0x80) {
		buf[0] = (char)cp, buf[1] = '\0';
	} else if (cp < 0x800) {
		buf[0] = (char)(0xC0 | cp >> 6), buf[1] = (char)(0x80 | (cp & 0x3F)), buf[2] = '\0';
	} else if (cp < 0x10000) {
		buf[0] = (char)(0xE0 | cp >> 12), buf[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		buf[2] = (char)(0x80 | (cp & 0x3F)), buf[3] = '\0';
	} else {
		buf[0] = (char)(0xF0 | cp >> 18), buf[1] = (char)(0x80 | (cp >> 12 & 0x3F));
		buf[2] = (char)(0x80 | (cp >> 6 & 0x3F)), buf[3] = (char)(0x80 | (cp & 0x3F));
		buf[4] = '\0';
	}
}

const char *config_key_name(struct config_key key, char *buf, size_t n)
{
	char one[5];

	for (size_t i = 0; i < sizeof config_key_names / sizeof *config_key_names; i++)
		if (config_key_names[i].special == key.special &&
		    (key.special != CONFIG_KEY_CHAR || config_key_names[i].ch == key.ch)) {
			snprintf(buf, n, "%s", config_key_names[i].name);
			return buf;
		}
	if (key.special >= CONFIG_KEY_F1 && key.special <= CONFIG_KEY_F12)
		snprintf(buf, n, "F%d", key.special - CONFIG_KEY_F1 + 1);
	else if (key.special != CONFIG_KEY_CHAR || key.ch < 0 || key.ch > 0x10FFFF)
		snprintf(buf, n, "?");
	else if (key.ch < 0x20)
		snprintf(buf, n, "Ctrl-%c", key.ch + '@'); /* 1 → A ... 31 → _ */
	else if (key.ch == 127)
		snprintf(buf, n, "Ctrl-?");
	else {
		config_encode((uint32_t)key.ch, one);
		snprintf(buf, n, "%s", one);
	}
	return buf;
}

/* Add a binding (op NULL: unbind). */
static void config_add_binding(struct config *c, struct config_key key, const char *op)
{
	xgrow(&c->bindings, &c->bindcap, c->nbindings + 1, sizeof *c->bindings);
	c->bindings[c->nbindings++] = (struct config_binding){key, op ? xstrdup(op) : NULL, 0};
}

static bool config_op_known(const struct config_ops *ops, const char *name)
{
	if (ops == NULL)
		return true;
	for (size_t i = 0; i < ops->n; i++)
		if (ops->names[i] && strcmp(ops->names[i], name) == 0)
			return true;
	return false;
}

static char *config_set_bind(struct config *c, const char *value, const struct config_ops *ops)
{
	size_t klen = strcspn(value, " \t");
	const char *op = value + klen + strspn(value + klen, " \t"), *why;
	struct config_key key;
	char *keyname = xstrndup(value, klen), *err = NULL;

	if (*op == '\0')
		err = xstrdup("bind needs a key and an operation (bind = KEY OPERATION)");
	else if (!config_key_parse(keyname, &key, &why))
		err = config_quote(why, keyname);
	else if (op[strcspn(op, " \t")] != '\0')
		err = config_quote("one operation per bind, not", op);
	else if (!config_op_known(ops, op))
		err = config_quote("unknown operation", op);
	else
		config_add_binding(c, key, op);
	free(keyname);
	return err;
}

static char *config_set_unbind(struct config *c, const char *value, const struct config_ops *ops)
{
	struct config_key key;
	const char *why;
	(void)ops;
	if (!config_key_parse(value, &key, &why))
		return config_quote(why, value);
	config_add_binding(c, key, NULL);
	return NULL;
}

/* on/off and its synonyms: 1, 0, or -1 when value is neither. */
static int config_bool(const char *value)
{
	static const char *const yes[] = {"on", "yes", "true", "1"};
	static const char *const no[] = {"off", "no", "false", "0"};
	for (size_t i = 0; i < 4; i++) {
		if (strcasecmp(value, yes[i]) == 0)
			return 1;
		if (strcasecmp(value, no[i]) == 0)
			return 0;
	}
	return -1;
}

static char *config_set_hyperlinks(struct config *c, const char *value,
				   const struct config_ops *ops)
{
	(void)ops;
	int b = strcasecmp(value, "auto") == 0 ? -1 : config_bool(value);
	if (b < 0 && strcasecmp(value, "auto") != 0)
		return config_quote("hyperlinks must be on, off or auto, not", value);
	c->hyperlinks = b;
	return NULL;
}

/* url_schemes = gopher gemini: more schemes a source URL may have for o and y (http and
 * https always). Kept as " a b " so a lookup is a strstr of " scheme ". */
static char *config_set_url_schemes(struct config *c, const char *value,
				    const struct config_ops *ops)
{
	struct strbuf sb = {0};
	(void)ops;
	strbuf_appendc(&sb, ' ');
	for (const char *p = value; *p; p++) {
		char ch = *p;
		if (ch == ',' || ch == ' ' || ch == '\t') {
			if (sb.data[sb.len - 1] != ' ')
				strbuf_appendc(&sb, ' ');
		} else if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
			   (sb.data[sb.len - 1] != ' ' &&
			    ((ch >= '0' && ch <= '9') || ch == '+' || ch == '-' || ch == '.'))) {
			strbuf_appendc(&sb, (char)(ch | 0x20 * (ch >= 'A' && ch <= 'Z')));
		} else {
			strbuf_free(&sb);
			return config_quote("url_schemes takes scheme names, not", value);
		}
	}
	if (sb.data[sb.len - 1] != ' ')
		strbuf_appendc(&sb, ' ');
	free(c->url_schemes);
	c->url_schemes = strbuf_take(&sb);
	return NULL;
}

static char *config_set_bidi(struct config *c, const char *value, const struct config_ops *ops)
{
	(void)ops;
	if (strcasecmp(value, "app") == 0)
		c->bidi = CONFIG_BIDI_APP;
	else if (strcasecmp(value, "terminal") == 0)
		c->bidi = CONFIG_BIDI_TERMINAL;
	else
		return config_quote("bidi must be app or terminal, not", value);
	return NULL;
}

/* A decimal number with at most 9 digits, or -1. */
static long config_number(const char *s)
{
	long v = 0;
	size_t n = strlen(s);
	if (n == 0 || n > 9 || strspn(s, "0123456789") != n)
		return -1;
	for (; *s; s++)
		v = v * 10 + (*s - '0');
	return v;
}

static char *config_set_measure(struct config *c, const char *value, const struct config_ops *ops)
{
	(void)ops;
	long v = config_number(value);
	if (v < CONFIG_MEASURE_MIN || v > CONFIG_MEASURE_MAX)
		return config_quote("measure must be a number from 40 to 400, not", value);
	c->measure = (int)v;
	return NULL;
}

/* The store's numbers: keep-days, max-items, reload (minutes), fetch-timeout (seconds). */
static const struct {
	const char *key;
	size_t field; /* offsetof a long of struct config */
	long max;
} config_numbers[] = {
	{"keep-days", offsetof(struct config, keep_days), 100000},
	{"max-items", offsetof(struct config, max_items), 100000000},
	{"reload", offsetof(struct config, reload), 100000},
	{"fetch-timeout", offsetof(struct config, fetch_timeout), 3600},
};

static char *config_set_number(struct config *c, size_t i, const char *value)
{
	long v = config_number(value);
	char *what, *err;
	if (v >= 0 && v <= config_numbers[i].max) {
		*(long *)((char *)c + config_numbers[i].field) = v;
		return NULL;
	}
	what = xasprintf("%s must be a number from 0 to %ld, not", config_numbers[i].key,
			 config_numbers[i].max);
	err = config_quote(what, value);
	free(what);
	return err;
}

/* Home folder for "~": $HOME, else the password database; NULL when unknown. */
static const char *config_home(void)
{
	const char *home = getenv("HOME");
	struct passwd *pw;
	if ((home == NULL || *home == '\0') && (pw = getpwuid(getuid())) != NULL)
		home = pw->pw_dir;
	return home && *home ? home : NULL;
}

static char *config_set_paths(struct config *c, const char *value, const struct config_ops *ops)
{
	const char *home = config_home();
	char **paths = NULL;
	size_t npaths = 0;
	(void)ops;

	for (const char *s = value; *s;) {
		size_t n = strcspn(s, ":");
		if (n > 0) {
			char *part = xstrndup(s, n);
			paths = xreallocarray(paths, npaths + 1, sizeof *paths);
			if (home && (strcmp(part, "~") == 0 || strncmp(part, "~/", 2) == 0)) {
				paths[npaths++] = xasprintf("%s%s", home, part + 1);
				free(part);
			} else {
				paths[npaths++] = part;
			}
		}
		s += n + (s[n] == ':');
	}
	if (npaths == 0)
		return xstrdup("paths lists no path"); /* a bad line keeps the paths set before */
	config_free_paths(c);
	c->paths = paths;
	c->npaths = npaths;
	return NULL;
}

/* A colour name or number → 0-255 or CONFIG_COLOR_DEFAULT; false when it is neither. */
static bool config_color(const char *s, int *out)
{
	long n = config_number(s);
	int bright = 0;

	if (n >= 0) {
		*out = (int)n;
		return n <= 255;
	}
	if (strcasecmp(s, "default") == 0) {
		*out = CONFIG_COLOR_DEFAULT;
		return true;
	}
	if (strcasecmp(s, "grey") == 0 || strcasecmp(s, "gray") == 0) {
		*out = 8;
		return true;
	}
	if (strncasecmp(s, "bright", 6) == 0) {
		bright = 8;
		s += 6 + (s[6] == '-');
	}
	for (int i = 0; i < 8; i++)
		if (strcasecmp(s, config_color_names[i]) == 0) {
			*out = i + bright;
			return true;
		}
	return false;
}

static bool config_attr(const char *s, unsigned *out)
{
	for (size_t i = 0; i < sizeof config_attr_names / sizeof *config_attr_names; i++)
		if (strcasecmp(s, config_attr_names[i].name) == 0) {
			*out = config_attr_names[i].attr;
			return true;
		}
	return false;
}

/* FG[,BG][,ATTR...] into st; NULL or what is wrong. */
static char *config_style(const char *value, struct config_style *st)
{
	struct config_style s = {.set = true, .fg = CONFIG_COLOR_DEFAULT, .bg = CONFIG_COLOR_DEFAULT};
	char *copy = xstrdup(value), *save = NULL, *err = NULL;
	int item = 0;

	for (char *tok = strtok_r(copy, ",", &save); tok && !err;
	     tok = strtok_r(NULL, ",", &save), item++) {
		const char *t = tok;
		size_t n = strlen(t);
		unsigned attr;
		text_trim(&t, &n);
		tok[(size_t)(t - tok) + n] = '\0';
		if (item == 0 && !config_color(t, &s.fg))
			err = config_quote("unknown colour", t);
		else if (item == 1 && config_color(t, &s.bg))
			continue;
		else if (item > 0 && !config_attr(t, &attr))
			err = config_quote(item == 1 ? "unknown colour or attribute" : "unknown attribute", t);
		else if (item > 0)
			s.attrs |= attr;
	}
	if (item == 0 && !err)
		err = xstrdup("no colour given");
	if (!err)
		*st = s;
	free(copy);
	return err;
}

static const struct {
	const char *key;
	config_setter set;
} config_keys[] = {
	{"bind", config_set_bind},
	{"unbind", config_set_unbind},
	{"bidi", config_set_bidi},
	{"measure", config_set_measure},
	{"hyperlinks", config_set_hyperlinks},
	{"paths", config_set_paths},
	{"url_schemes", config_set_url_schemes},
};

/* The on/off settings: one parser for all of them. */
static const struct {
	const char *key;
	size_t field; /* offsetof an int of struct config */
} config_flags[] = {
	{"shape", offsetof(struct config, shape)},
	{"color", offsetof(struct config, color)},
	{"colour", offsetof(struct config, color)},
	{"zoom", offsetof(struct config, zoom)},
	{"cache", offsetof(struct config, cache)},
	{"mouse", offsetof(struct config, mouse)},
};

static char *config_set_flag(struct config *c, size_t field, const char *key, const char *value)
{
	int b = config_bool(value);
	char *what, *err;
	if (b >= 0) {
		*(int *)((char *)c + field) = b;
		return NULL;
	}
	what = xasprintf("%s must be on or off, not", key);
	err = config_quote(what, value);
	free(what);
	return err;
}

/* One "key = value" line (already trimmed, not a comment): NULL or what is wrong. */
static char *config_line(struct config *c, const char *key, const char *value,
			 const struct config_ops *ops)
{
	if (strncmp(key, "theme.", 6) == 0) {
		for (int r = 0; r < CONFIG_ROLE_COUNT; r++)
			if (strcmp(key + 6, config_role_names[r]) == 0)
				return config_style(value, &c->theme[r]);
		return config_quote("unknown theme role (text title meta selected status placeholder "
				    "border highlight read unread):", key + 6);
	}
	for (size_t i = 0; i < sizeof config_flags / sizeof *config_flags; i++)
		if (strcmp(key, config_flags[i].key) == 0)
			return config_set_flag(c, config_flags[i].field, key, value);
	for (size_t i = 0; i < sizeof config_keys / sizeof *config_keys; i++)
		if (strcmp(key, config_keys[i].key) == 0)
			return config_keys[i].set(c, value, ops);
	for (size_t i = 0; i < sizeof config_numbers / sizeof *config_numbers; i++)
		if (strcmp(key, config_numbers[i].key) == 0)
			return config_set_number(c, i, value);
	return config_quote("unknown setting", key);
}

/* Trim blanks (space, tab) at both ends of s[0..n) in place; returns the new start. */
static char *config_trim(char *s, size_t *n)
{
	while (*n && (*s == ' ' || *s == '\t'))
		s++, (*n)--;
	while (*n && (s[*n - 1] == ' ' || s[*n - 1] == '\t' || s[*n - 1] == '\r'))
		(*n)--;
	s[*n] = '\0';
	return s;
}

void config_parse(struct config *c, const char *name, const char *text, size_t len,
		  const struct config_ops *ops)
{
	char *copy = xstrndup(text, len), *s = copy, *end = copy + len;
	unsigned lineno = 0;

	if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		s += 3; /* a byte-order mark some editors write */
	while (s < end) {
		char *nl = memchr(s, '\n', (size_t)(end - s)), *eq, *key, *value, *err;
		size_t n = nl ? (size_t)(nl - s) : (size_t)(end - s), kn, vn;
		size_t before = c->nbindings;
		lineno++;
		s[n] = '\0';
		key = config_trim(s, &n);
		s += (size_t)(nl ? nl - s : end - s) + 1;
		if (n == 0 || key[0] == '#')
			continue;
		if (memchr(key, '\0', n) != NULL || (eq = strchr(key, '=')) == NULL) {
			err = config_quote("expected \"key = value\", not", key);
		} else {
			*eq = '\0';
			kn = (size_t)(eq - key);
			vn = strlen(eq + 1);
			key = config_trim(key, &kn);
			value = config_trim(eq + 1, &vn);
			if (kn == 0)
				err = config_quote("no setting name before '=' in", value);
			else if (vn == 0)
				err = config_quote("no value for", key);
			else
				err = config_line(c, key, value, ops);
		}
		if (err) {
			config_message(c, "%s:%u: %s", name, lineno, err);
			free(err);
		}
		for (size_t i = before; i < c->nbindings; i++)
			c->bindings[i].line = lineno;
	}
	free(copy);
}

char *config_default_path(void)
{
	char *dir = fsutil_xdg_dir("XDG_CONFIG_HOME", ".config");
	char *path = dir ? xasprintf("%s/config", dir) : NULL;
	free(dir);
	return path;
}

bool config_load(struct config *c, const char *path, const struct config_ops *ops)
{
	char *owned = path ? NULL : config_default_path();
	const char *p = path ? path : owned;
	size_t len;
	char *text;
	bool ok = true;

	if (p == NULL)
		return true;
	if ((text = fsutil_read_file(p, CONFIG_MAX_FILE, &len)) == NULL) {
		if (errno != ENOENT) {
			config_message(c, "%s: %s; ignored", p, fsutil_read_error(errno));
			ok = false;
		}
	} else {
		free(c->path);
		c->path = xstrdup(p);
		config_parse(c, p, text, len, ops);
		free(text);
	}
	free(owned);
	return ok;
}
