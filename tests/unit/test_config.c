/* test_config.c - the config file: every setting, bad lines with their numbers, key names. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "qari/config.h"
#include "qari/fsutil.h"
#include "qari/xalloc.h"

static const char *const test_op_names[] = {"down", "up", "page-down", "open", "back", "help"};
static const struct config_ops test_ops = {test_op_names, sizeof test_op_names / sizeof *test_op_names};

static void test_parse(struct config *c, const char *text)
{
	config_init(c);
	config_parse(c, "cfg", text, strlen(text), &test_ops);
}

static void test_key_ok(const char *name, int ch, enum config_special special, const char *canonical)
{
	struct config_key k, back;
	const char *why = NULL;
	char buf[32];
	if (!CHECK(config_key_parse(name, &k, &why))) {
		fprintf(stderr, "    key name [%s]: %s\n", name, why);
		return;
	}
	CHECK_INT(k.ch, ch);
	CHECK_INT(k.special, special);
	CHECK_STR(config_key_name(k, buf, sizeof buf), canonical);
	/* the canonical name reads back as the same key */
	CHECK(config_key_parse(buf, &back, &why) && back.ch == k.ch && back.special == k.special);
}

static void test_key_bad(const char *name)
{
	struct config_key k;
	const char *why = NULL;
	if (!CHECK(!config_key_parse(name, &k, &why)))
		fprintf(stderr, "    [%s] parsed as a key\n", name);
	CHECK(why != NULL && *why != '\0');
}

static void test_key_names(void)
{
	test_key_ok("j", 'j', CONFIG_KEY_CHAR, "j");
	test_key_ok("J", 'J', CONFIG_KEY_CHAR, "J");
	test_key_ok("#", '#', CONFIG_KEY_CHAR, "#");
	test_key_ok("=", '=', CONFIG_KEY_CHAR, "=");
	test_key_ok("ت", 0x062A, CONFIG_KEY_CHAR, "ت"); /* an Arabic keyboard layout */
	test_key_ok("Ctrl-O", 15, CONFIG_KEY_CHAR, "Ctrl-O");
	test_key_ok("ctrl-o", 15, CONFIG_KEY_CHAR, "Ctrl-O");
	test_key_ok("C-x", 24, CONFIG_KEY_CHAR, "Ctrl-X");
	test_key_ok("^O", 15, CONFIG_KEY_CHAR, "Ctrl-O");
	test_key_ok("Ctrl-[", 27, CONFIG_KEY_CHAR, "Esc");
	test_key_ok("Ctrl-_", 31, CONFIG_KEY_CHAR, "Ctrl-_");
	test_key_ok("Ctrl-Space", 0, CONFIG_KEY_CHAR, "Ctrl-@");
	test_key_ok("Ctrl-?", 127, CONFIG_KEY_CHAR, "Ctrl-?");
	test_key_ok("Ctrl-H", 8, CONFIG_KEY_CHAR, "Ctrl-H");
	test_key_ok("Space", ' ', CONFIG_KEY_CHAR, "Space");
	test_key_ok(" ", ' ', CONFIG_KEY_CHAR, "Space");
	test_key_ok("Tab", '\t', CONFIG_KEY_CHAR, "Tab");
	test_key_ok("Ctrl-I", '\t', CONFIG_KEY_CHAR, "Tab");
	test_key_ok("Esc", 27, CONFIG_KEY_CHAR, "Esc");
	test_key_ok("escape", 27, CONFIG_KEY_CHAR, "Esc");
	test_key_ok("Enter", 0, CONFIG_KEY_ENTER, "Enter");
	test_key_ok("Return", 0, CONFIG_KEY_ENTER, "Enter");
	test_key_ok("Backspace", 0, CONFIG_KEY_BACKSPACE, "Backspace");
	test_key_ok("Up", 0, CONFIG_KEY_UP, "Up");
	test_key_ok("DOWN", 0, CONFIG_KEY_DOWN, "Down");
	test_key_ok("↓", 0, CONFIG_KEY_DOWN, "Down"); /* as the help screen shows it */
	test_key_ok("Left", 0, CONFIG_KEY_LEFT, "Left");
	test_key_ok("Right", 0, CONFIG_KEY_RIGHT, "Right");
	test_key_ok("PgUp", 0, CONFIG_KEY_PGUP, "PgUp");
	test_key_ok("PgDn", 0, CONFIG_KEY_PGDN, "PgDn");
	test_key_ok("pagedown", 0, CONFIG_KEY_PGDN, "PgDn");
	test_key_ok("Home", 0, CONFIG_KEY_HOME, "Home");
	test_key_ok("End", 0, CONFIG_KEY_END, "End");
	test_key_ok("Delete", 0, CONFIG_KEY_DELETE, "Delete");
	test_key_ok("Insert", 0, CONFIG_KEY_INSERT, "Insert");
	test_key_ok("Shift-Tab", 0, CONFIG_KEY_BTAB, "Shift-Tab");
	test_key_ok("F1", 0, CONFIG_KEY_F1, "F1");
	test_key_ok("f5", 0, CONFIG_KEY_F1 + 4, "F5");
	test_key_ok("F10", 0, CONFIG_KEY_F1 + 9, "F10");
	test_key_ok("F12", 0, CONFIG_KEY_F12, "F12");
	test_key_ok("F", 'F', CONFIG_KEY_CHAR, "F");
	test_key_ok("C", 'C', CONFIG_KEY_CHAR, "C");
	test_key_ok("^", '^', CONFIG_KEY_CHAR, "^");

	test_key_bad("");
	test_key_bad("jj");
	test_key_bad("F0");
	test_key_bad("F13");
	test_key_bad("Ctrl-");
	test_key_bad("Ctrl-ab");
	test_key_bad("Ctrl-1");
	test_key_bad("PageSideways");
	test_key_bad("\x01");
	test_key_bad("\x7f");
	test_key_bad("\xff");
	test_key_bad("\xd8"); /* a cut UTF-8 sequence */
	CHECK(!config_key_parse(NULL, &(struct config_key){0}, &(const char *){NULL}));
}

static void test_every_setting(void)
{
	struct config c;
	setenv("HOME", "/home/reader", 1);
	test_parse(&c, "# qari configuration\n"
		       "\n"
		       "bind = J page-down\n"
		       "bind=Ctrl-O back\n"
		       "  unbind   =   q  \n"
		       "bind = # help\n"
		       "bidi = terminal\n"
		       "shape = off\n"
		       "cache = off\n"
		       "mouse = on\n"
		       "measure = 72\n"
		       "color = on\n"
		       "theme.text = default\n"
		       "theme.title = yellow,bold\n"
		       "theme.meta = bright-black\n"
		       "theme.selected = black,cyan,bold,reverse\n"
		       "theme.status = 231, 24, underline\n"
		       "theme.placeholder = magenta,default,dim\n"
		       "theme.border = brightblue\n"
		       "theme.highlight = black, yellow\n"
		       "theme.read = grey\n"
		       "theme.unread = WHITE,BOLD\n"
		       "paths = ~/news:/srv/articles::~\n");
	CHECK_INT(c.nmessages, 0);
	for (size_t i = 0; i < c.nmessages; i++)
		fprintf(stderr, "    %s\n", c.messages[i]);
	CHECK_INT(c.nbindings, 4);
	if (c.nbindings == 4) {
		CHECK_INT(c.bindings[0].key.ch, 'J');
		CHECK_STR(c.bindings[0].op, "page-down");
		CHECK_INT(c.bindings[0].line, 3);
		CHECK_INT(c.bindings[1].key.ch, 15);
		CHECK_STR(c.bindings[1].op, "back");
		CHECK_INT(c.bindings[2].key.ch, 'q');
		CHECK(c.bindings[2].op == NULL); /* unbind */
		CHECK_INT(c.bindings[2].line, 5);
		CHECK_INT(c.bindings[3].key.ch, '#');
		CHECK_STR(c.bindings[3].op, "help");
	}
	CHECK_INT(c.bidi, CONFIG_BIDI_TERMINAL);
	CHECK_INT(c.shape, 0);
	CHECK_INT(c.cache, 0);
	CHECK_INT(c.mouse, 1);
	CHECK_INT(c.measure, 72);
	CHECK_INT(c.color, 1);

	const struct config_style *t = c.theme;
	CHECK(t[CONFIG_ROLE_TEXT].set && t[CONFIG_ROLE_TEXT].fg == CONFIG_COLOR_DEFAULT);
	CHECK_INT(t[CONFIG_ROLE_TITLE].fg, 3);
	CHECK_INT(t[CONFIG_ROLE_TITLE].bg, CONFIG_COLOR_DEFAULT);
	CHECK_INT(t[CONFIG_ROLE_TITLE].attrs, CONFIG_ATTR_BOLD);
	CHECK_INT(t[CONFIG_ROLE_META].fg, 8);
	CHECK_INT(t[CONFIG_ROLE_SELECTED].fg, 0);
	CHECK_INT(t[CONFIG_ROLE_SELECTED].bg, 6);
	CHECK_INT(t[CONFIG_ROLE_SELECTED].attrs, CONFIG_ATTR_BOLD | CONFIG_ATTR_REVERSE);
	CHECK_INT(t[CONFIG_ROLE_STATUS].fg, 231);
	CHECK_INT(t[CONFIG_ROLE_STATUS].bg, 24);
	CHECK_INT(t[CONFIG_ROLE_STATUS].attrs, CONFIG_ATTR_UNDERLINE);
	CHECK_INT(t[CONFIG_ROLE_PLACEHOLDER].fg, 5);
	CHECK_INT(t[CONFIG_ROLE_PLACEHOLDER].bg, CONFIG_COLOR_DEFAULT);
	CHECK_INT(t[CONFIG_ROLE_PLACEHOLDER].attrs, CONFIG_ATTR_DIM);
	CHECK_INT(t[CONFIG_ROLE_BORDER].fg, 12);
	CHECK_INT(t[CONFIG_ROLE_HIGHLIGHT].bg, 3);
	CHECK_INT(t[CONFIG_ROLE_READ].fg, 8);
	CHECK_INT(t[CONFIG_ROLE_UNREAD].fg, 7);
	CHECK_INT(t[CONFIG_ROLE_UNREAD].attrs, CONFIG_ATTR_BOLD);
	for (int r = 0; r < CONFIG_ROLE_COUNT; r++)
		CHECK(t[r].set);

	CHECK_INT(c.npaths, 3);
	if (c.npaths == 3) {
		CHECK_STR(c.paths[0], "/home/reader/news");
		CHECK_STR(c.paths[1], "/srv/articles");
		CHECK_STR(c.paths[2], "/home/reader");
	}
	config_free(&c);

	/* nothing set: everything says so */
	test_parse(&c, "# only a comment\n");
	CHECK_INT(c.bidi, CONFIG_BIDI_UNSET);
	CHECK_INT(c.shape, -1);
	CHECK_INT(c.cache, -1);
	CHECK_INT(c.mouse, -1);
	CHECK_INT(c.color, -1);
	CHECK_INT(c.measure, 0);
	CHECK(!c.theme[CONFIG_ROLE_TITLE].set);
	CHECK(c.paths == NULL && c.nbindings == 0 && c.nmessages == 0);
	config_free(&c);
}

static void test_bad_lines(void)
{
	struct config c;
	test_parse(&c, "measure = 90\n"                     /* 1 */
		       "colr = on\n"                        /* 2 */
		       "this line has no equals sign\n"     /* 3 */
		       "bind = j\n"                         /* 4 */
		       "bind = jj down\n"                   /* 5 */
		       "bind = j fly\n"                     /* 6 */
		       "bind = k up down\n"                 /* 7 */
		       "bidi = both\n"                      /* 8 */
		       "shape = maybe\n"                    /* 9 */
		       "measure = 20\n"                     /* 10 */
		       "measure = wide\n"                   /* 11 */
		       "theme.title = purple\n"             /* 12 */
		       "theme.title = red,blue,green\n"     /* 13 */
		       "theme.title = red,sparkle\n"        /* 14 */
		       "theme.sidebar = red\n"              /* 15 */
		       "theme.title = 256\n"                /* 16 */
		       "unbind = NoSuchKey\n"               /* 17 */
		       "color =\n"                          /* 18 */
		       "= on\n"                             /* 19 */
		       "paths = ::\n"                       /* 20 */
		       "bind = \x1b[31m down\n"             /* 21 */
		       "bind = k up\n"                      /* 22: good */
		       "theme.title = green\n");            /* 23: good, no newline at the end */
	const char *want[] = {
		"cfg:2: unknown setting \"colr\"",
		"cfg:3: expected \"key = value\", not \"this line has no equals sign\"",
		"cfg:4: bind needs a key and an operation (bind = KEY OPERATION)",
		"cfg:5: ",
		"cfg:6: unknown operation \"fly\"",
		"cfg:7: one operation per bind, not \"up down\"",
		"cfg:8: bidi must be app or terminal, not \"both\"",
		"cfg:9: shape must be on or off, not \"maybe\"",
		"cfg:10: measure must be a number from 40 to 400, not \"20\"",
		"cfg:11: measure must be a number from 40 to 400, not \"wide\"",
		"cfg:12: unknown colour \"purple\"",
		"cfg:13: unknown attribute \"green\"",
		"cfg:14: unknown colour or attribute \"sparkle\"",
		"cfg:15: unknown theme role",
		"cfg:16: unknown colour \"256\"",
		"cfg:17: not a key name",
		"cfg:18: no value for \"color\"",
		"cfg:19: no setting name before '=' in \"on\"",
		"cfg:20: paths lists no path",
		"cfg:21: not a key name",
	};
	size_t nwant = sizeof want / sizeof *want;
	CHECK_INT(c.nmessages, nwant);
	for (size_t i = 0; i < c.nmessages && i < nwant; i++)
		if (!CHECK(strncmp(c.messages[i], want[i], strlen(want[i])) == 0))
			fprintf(stderr, "    got:      [%s]\n    expected: [%s...]\n", c.messages[i], want[i]);
	for (size_t i = 0; i < c.nmessages; i++)
		CHECK(strchr(c.messages[i], '\x1b') == NULL); /* shown neutralised */
	/* the rest is used */
	CHECK_INT(c.measure, 90);
	CHECK_INT(c.shape, -1);
	CHECK_INT(c.bidi, CONFIG_BIDI_UNSET);
	CHECK_INT(c.nbindings, 1);
	CHECK(c.nbindings == 1 && c.bindings[0].key.ch == 'k' && strcmp(c.bindings[0].op, "up") == 0);
	CHECK_INT(c.bindings[0].line, 22);
	CHECK(c.theme[CONFIG_ROLE_TITLE].set && c.theme[CONFIG_ROLE_TITLE].fg == 2);
	CHECK(c.paths == NULL);
	config_free(&c);

	/* CRLF line ends and a byte-order mark; without an op list any name passes */
	config_init(&c);
	const char *dos = "\xEF\xBB\xBFmeasure = 100\r\nbind = x anything\r\nbogus\r\n";
	config_parse(&c, "dos", dos, strlen(dos), NULL);
	CHECK_INT(c.measure, 100);
	CHECK(c.nbindings == 1 && strcmp(c.bindings[0].op, "anything") == 0);
	CHECK(c.nmessages == 1 && strncmp(c.messages[0], "dos:3: ", 7) == 0);
	config_free(&c);

	/* a bad paths line keeps the paths before it, as every bad line changes nothing (found
	 * by fuzz_config) */
	test_parse(&c, "paths = /srv/news\npaths = ::\n");
	CHECK_INT(c.nmessages, 1);
	CHECK(c.npaths == 1 && strcmp(c.paths[0], "/srv/news") == 0);
	config_free(&c);

	/* last one wins */
	test_parse(&c, "measure = 50\nmeasure = 60\nshape = on\nshape = no\ncolour = off\n");
	CHECK_INT(c.measure, 60);
	CHECK_INT(c.shape, 0);
	CHECK_INT(c.color, 0);
	config_free(&c);
}

static void test_load(void)
{
	char tmpl[] = "/tmp/qari-test-config.XXXXXX";
	CHECK(mkdtemp(tmpl) != NULL);
	char *xdg = xasprintf("%s/xdg", tmpl), *dir = xasprintf("%s/qari", xdg);
	char *path = xasprintf("%s/config", dir);
	struct config c;

	setenv("XDG_CONFIG_HOME", xdg, 1);
	char *def = config_default_path();
	CHECK_STR(def, path);
	free(def);

	/* no file: nothing set, no message */
	config_init(&c);
	CHECK(config_load(&c, NULL, &test_ops));
	CHECK(c.nmessages == 0 && c.path == NULL);
	config_free(&c);

	CHECK(fsutil_mkdirs(dir, 0700));
	FILE *f = fopen(path, "w");
	CHECK(f != NULL);
	fputs("measure = 88\nnonsense = 1\n", f);
	fclose(f);
	config_init(&c);
	CHECK(config_load(&c, NULL, &test_ops));
	CHECK_STR(c.path, path);
	CHECK_INT(c.measure, 88);
	CHECK_INT(c.nmessages, 1);
	char *want = xasprintf("%s:2: unknown setting \"nonsense\"", path);
	CHECK(c.nmessages == 1 && strcmp(c.messages[0], want) == 0);
	free(want);
	config_free(&c);

	/* a folder where the file should be: a message, not a crash */
	config_init(&c);
	CHECK(!config_load(&c, dir, &test_ops));
	CHECK(c.nmessages == 1 && strstr(c.messages[0], dir) != NULL);
	config_free(&c);

	/* XDG_CONFIG_HOME unset: ~/.config */
	unsetenv("XDG_CONFIG_HOME");
	setenv("HOME", tmpl, 1);
	def = config_default_path();
	want = xasprintf("%s/.config/qari/config", tmpl);
	CHECK_STR(def, want);
	free(want);
	free(def);

	unlink(path);
	rmdir(dir);
	rmdir(xdg);
	rmdir(tmpl);
	free(path);
	free(dir);
	free(xdg);
}

static void test_role_names(void)
{
	CHECK_STR(config_role_name(CONFIG_ROLE_TEXT), "text");
	CHECK_STR(config_role_name(CONFIG_ROLE_UNREAD), "unread");
	for (int r = 0; r < CONFIG_ROLE_COUNT; r++)
		CHECK(*config_role_name((enum config_role)r) != '\0');
}

int main(void)
{
	test_key_names();
	test_every_setting();
	test_bad_lines();
	test_load();
	test_role_names();
	return check_done();
}
