/* config.h - the user's configuration file, parsed into a plain struct (no curses).
 *
 * $XDG_CONFIG_HOME/qari/config (default ~/.config/qari/config): UTF-8 text, one setting per
 * line, "key = value" (blanks around both ignored). A line whose first non-blank character is
 * '#' is a comment; '#' elsewhere is ordinary text (so "bind = # help" binds the # key).
 *
 *   bind = KEY OPERATION      KEY as config_key_parse reads it; OPERATION a name of the key
 *                             map ("down", "page-down", "open"...)
 *   unbind = KEY
 *   bidi = app|terminal       who reorders and shapes right-to-left text
 *   shape = on|off            Arabic joining forms drawn by qari
 *   measure = N               widest text column, 40-400 cells
 *   color = on|off
 *   theme.ROLE = FG[,BG][,ATTR...]
 *                             ROLE: text title meta selected status placeholder border
 *                             highlight read unread; FG, BG: default black red green yellow
 *                             blue magenta cyan white, bright-NAME (or brightNAME), or 0-255;
 *                             ATTR: bold dim underline reverse. "yellow,bold" leaves BG default.
 *   paths = PATH[:PATH...]    corpus paths used when none are given; "~/" is the home folder
 *
 * bind and unbind lines are kept in order (the key map applies them one after the other);
 * for every other key the last line wins. Booleans also take yes/no, true/false, 1/0.
 *
 * A bad line never stops the rest: it becomes a message "FILE:LINE: what is wrong" and is
 * skipped. A missing file is no error. */
#ifndef QARI_CONFIG_H
#define QARI_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

/* Keys that are not characters; app/ maps them to curses KEY_* codes. */
enum config_special {
	CONFIG_KEY_CHAR = 0, /* an ordinary character: see config_key.ch */
	CONFIG_KEY_ENTER,    /* '\r', '\n' and KEY_ENTER alike */
	CONFIG_KEY_BACKSPACE, /* DEL, Ctrl-H and KEY_BACKSPACE alike */
	CONFIG_KEY_UP,
	CONFIG_KEY_DOWN,
	CONFIG_KEY_LEFT,
	CONFIG_KEY_RIGHT,
	CONFIG_KEY_PGUP,
	CONFIG_KEY_PGDN,
	CONFIG_KEY_HOME,
	CONFIG_KEY_END,
	CONFIG_KEY_INSERT,
	CONFIG_KEY_DELETE,
	CONFIG_KEY_BTAB, /* Shift-Tab */
	CONFIG_KEY_F1,   /* F1..F12 follow in order: CONFIG_KEY_F1 + n - 1 */
	CONFIG_KEY_F12 = CONFIG_KEY_F1 + 11,
};

struct config_key {
	int ch;                      /* code point (Ctrl-X: 1-31, Space 32, Tab 9, Esc 27), or 0 */
	enum config_special special; /* CONFIG_KEY_CHAR when ch is what the key sends */
};

enum config_role {
	CONFIG_ROLE_TEXT,
	CONFIG_ROLE_TITLE,
	CONFIG_ROLE_META,
	CONFIG_ROLE_SELECTED,
	CONFIG_ROLE_STATUS,
	CONFIG_ROLE_PLACEHOLDER,
	CONFIG_ROLE_BORDER,
	CONFIG_ROLE_HIGHLIGHT,
	CONFIG_ROLE_READ,
	CONFIG_ROLE_UNREAD,
	CONFIG_ROLE_COUNT
};

enum config_attr {
	CONFIG_ATTR_BOLD = 1 << 0,
	CONFIG_ATTR_DIM = 1 << 1,
	CONFIG_ATTR_UNDERLINE = 1 << 2,
	CONFIG_ATTR_REVERSE = 1 << 3,
};

#define CONFIG_COLOR_DEFAULT (-1) /* the terminal's own colour */

struct config_style {
	bool set;       /* a theme line gave this role */
	int fg, bg;     /* 0-255 (8-15: bright variants), or CONFIG_COLOR_DEFAULT */
	unsigned attrs; /* enum config_attr */
};

struct config_binding {
	struct config_key key;
	char *op;      /* operation name; NULL for unbind */
	unsigned line; /* where it was set, for messages about it */
};

enum config_bidi {
	CONFIG_BIDI_UNSET,
	CONFIG_BIDI_APP,      /* qari reorders and shapes */
	CONFIG_BIDI_TERMINAL, /* the terminal does */
};

/* Settings absent from the file stay unset, so the command line and defaults can decide. */
struct config {
	char *path;            /* the file read, or NULL */
	enum config_bidi bidi;
	int shape, color;      /* 1 on, 0 off, -1 unset */
	int hyperlinks;        /* OSC 8 links: 1 on, 0 off, -1 auto (by the terminal) */
	int zoom;              /* the reader full width while it has focus: 1 on, 0 off, -1 unset */
	int cache;             /* entities kept between runs (entity_cache.h): 0 off, else on */
	int mouse;             /* click selects, the wheel scrolls: 1 on, else off (the default) */
	int measure;           /* 40-400, 0 unset */
	long keep_days;        /* the store keeps articles this many days, 0: for ever */
	long max_items;        /* and at most this many, 0: no limit (bookmarks always stay) */
	long reload;           /* the reader fetches every this many minutes, 0: never */
	long fetch_timeout;    /* seconds a feed may take, 0: the default */
	char *url_schemes;     /* schemes o and y accept besides http(s): " gopher gemini ", or NULL */
	struct config_style theme[CONFIG_ROLE_COUNT];
	char **paths;          /* expanded; NULL/0 unset */
	size_t npaths;
	struct config_binding *bindings; /* in file order */
	size_t nbindings, bindcap;
	char **messages;       /* "FILE:LINE: what is wrong" */
	size_t nmessages, msgcap;
};

/* The operation names bind may use, to report unknown ones with their line; NULL: any name. */
struct config_ops {
	const char *const *names;
	size_t n;
};

void config_init(struct config *c);
void config_free(struct config *c);
/* $XDG_CONFIG_HOME/qari/config, else ~/.config/qari/config; caller frees; NULL: no home. */
char *config_default_path(void);
/* Read path (NULL: the default). False only when the file exists but cannot be read (a
 * message says why); a missing file is true with nothing set. */
bool config_load(struct config *c, const char *path, const struct config_ops *ops);
/* Parse text (len bytes) as if read from name. */
void config_parse(struct config *c, const char *name, const char *text, size_t len,
		  const struct config_ops *ops);

/* A key name → key: "j", "J", "ت" (any one character), "Ctrl-O" (also "C-o", "^O"), "Space",
 * "Enter", "Tab", "Backspace", "Esc", "Up", "Down", "Left", "Right", "PgUp", "PgDn", "Home",
 * "End", "Insert", "Delete", "Shift-Tab", "F1".."F12". Names longer than one character are
 * case-insensitive. False with *why set (static) when it is not a key name. */
bool config_key_parse(const char *name, struct config_key *out, const char **why);
/* The canonical name of a key, as config_key_parse reads it back. Returns buf. */
const char *config_key_name(struct config_key key, char *buf, size_t n);
const char *config_role_name(enum config_role role);

#endif
