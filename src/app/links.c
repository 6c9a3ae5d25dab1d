/* links.c - the article's links: its source URL opened (o) with $BROWSER, in this terminal
 * when it is a terminal browser or there is no display (w3m, lynx, elinks when $BROWSER is
 * unset), copied (y) to the clipboard with OSC 52 and, inside tmux, tmux's own buffer (works
 * over SSH), and a picker (u) of every link of the article. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "app.h"
#include "qari/fsutil.h"
#include "qari/text.h"
#include "qari/xalloc.h"

#define LINKS_MAX_URL 2048

/* A URL's scheme is http, https or one the config enables (url_schemes): a URL handed to a
 * browser can then never start with '-' and be taken for an option, nor be file: or
 * javascript:. */
static bool links_scheme_ok(const struct app *app, const char *u)
{
	size_t n = strspn(u, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-.");
	char want[40];

	if (n == 0 || n >= 32 || u[n] != ':' || !((u[0] | 0x20) >= 'a' && (u[0] | 0x20) <= 'z'))
		return false;
	if ((n == 4 && strncasecmp(u, "http", 4) == 0) || (n == 5 && strncasecmp(u, "https", 5) == 0))
		return true;
	snprintf(want, sizeof want, " %.*s ", (int)n, u);
	for (char *p = want; *p; p++)
		*p = (char)(*p >= 'A' && *p <= 'Z' ? *p | 0x20 : *p);
	return app->config.url_schemes && strstr(app->config.url_schemes, want) != NULL;
}

/* A code point that must not reach a browser or the clipboard: C0, DEL, C1 (U+0080-U+009F,
 * e.g. CSI U+009B) and the bidi controls that make a URL read other than it is. */
static bool links_forbidden(const char *u, size_t *len)
{
	const unsigned char *p = (const unsigned char *)u;
	uint32_t cp;

	*len = 1;
	if (p[0] <= 0x20 || p[0] == 0x7F)
		return true;
	if (p[0] < 0x80)
		return false;
	*len = (size_t)text_decode(u, strlen(u), &cp);
	return (cp >= 0x80 && cp < 0xA0) || text_is_bidi_control(cp) || cp == 0xFFFD;
}

/* u when it is safe to hand on: a scheme links_scheme_ok accepts, no forbidden character,
 * at most LINKS_MAX_URL bytes. NULL with *why set otherwise. */
static char *links_clean(const struct app *app, const char *u, const char **why)
{
	size_t k;

	*why = "this article has no source URL";
	if (u == NULL || !*u)
		return NULL;
	*why = "the URL is not a web link (http or https); not opened";
	if (!links_scheme_ok(app, u))
		return NULL;
	*why = "the URL is too long; not opened";
	if (strlen(u) > LINKS_MAX_URL)
		return NULL;
	*why = "the URL holds control or direction characters; not opened";
	for (const char *p = u; *p; p += k)
		if (links_forbidden(p, &k))
			return NULL;
	return xstrdup(u);
}

/* The open article's source URL, when it is safe to hand on. */
static char *links_clean_url(const struct app *app, const char **why)
{
	*why = "this article has no source URL";
	if (app->open == APP_NONE)
		return NULL;
	return links_clean(app, app->corpus.items[app->open]->url, why);
}

static char *links_base64(const char *s)
{
	static const char tab[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	size_t n = strlen(s), k = 0;
	char *out = xmalloc(4 * (n / 3 + 1) + 1);
	for (size_t i = 0; i < n; i += 3) {
		unsigned v = (unsigned char)s[i] << 16;
		if (i + 1 < n)
			v |= (unsigned char)s[i + 1] << 8;
		if (i + 2 < n)
			v |= (unsigned char)s[i + 2];
		out[k++] = tab[(v >> 18) & 63];
		out[k++] = tab[(v >> 12) & 63];
		out[k++] = i + 1 < n ? tab[(v >> 6) & 63] : '=';
		out[k++] = i + 2 < n ? tab[v & 63] : '=';
	}
	out[k] = '\0';
	return out;
}

/* Whether name is an executable on PATH. */
static bool links_on_path(const char *name)
{
	const char *path = getenv("PATH");
	bool found = false;

	while (!found && path && *path) {
		size_t n = strcspn(path, ":");
		char *file = xasprintf("%.*s/%s", (int)n, n ? path : ".", name);
		found = access(file, X_OK) == 0;
		free(file);
		path += n + (path[n] == ':');
	}
	return found;
}

/* Run argv with input on its stdin and its output discarded; true when it exits 0. */
static bool links_run_with_input(const char *const argv[4], const char *input)
{
	int in[2], status = 0;
	pid_t pid;

	if (pipe2(in, O_CLOEXEC) < 0)
		return false;
	if ((pid = fork()) == 0) {
		int null = open("/dev/null", O_RDWR);
		dup2(in[0], 0), dup2(null, 1), dup2(null, 2);
		execvp(argv[0], (char *const *)argv);
		_exit(127);
	}
	close(in[0]);
	if (pid > 0)
		fsutil_write_all(in[1], input, strlen(input));
	close(in[1]);
	return pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	       WEXITSTATUS(status) == 0;
}

/* A graphical browser: forked twice so it is nobody's zombie, detached from the terminal. */
static bool links_run_detached(const char *browser, const char *url)
{
	pid_t pid = fork();

	if (pid == 0) {
		if (fork() == 0) {
			int null = open("/dev/null", O_RDWR);
			dup2(null, 0), dup2(null, 1), dup2(null, 2);
			setsid();
			/* no "--" before the URL: xdg-open and others take it for the URL; the
			 * scheme check already makes an option impossible */
			execlp(browser, browser, url, (char *)NULL);
		}
		_exit(127);
	}
	if (pid > 0)
		waitpid(pid, NULL, 0);
	return pid > 0;
}

/* A browser in this terminal: curses steps aside, the browser has the terminal until it
 * ends (Ctrl-C is its, not ours), then the screen comes back as it was. */
static bool links_run_here(struct app *app, const char *browser, const char *url)
{
	struct sigaction ign = {.sa_handler = SIG_IGN}, old_int, old_quit;
	int status = 0;
	pid_t pid;

	(void)app;
	ui_screen_suspend();
	sigemptyset(&ign.sa_mask);
	sigaction(SIGINT, &ign, &old_int);
	sigaction(SIGQUIT, &ign, &old_quit);
	if ((pid = fork()) == 0) {
		signal(SIGINT, SIG_DFL);
		signal(SIGQUIT, SIG_DFL);
		execlp(browser, browser, url, (char *)NULL);
		_exit(127);
	}
	while (pid > 0 && waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGQUIT, &old_quit, NULL);
	ui_screen_resume();
	return pid > 0 && WIFEXITED(status) && WEXITSTATUS(status) != 127;
}

/* Inside tmux an application's OSC 52 is ignored by default (set-clipboard external):
 * tmux's own buffer, with -w, reaches the outer terminal's clipboard. */
static bool links_tmux_copy(const char *url)
{
	static const char *const tries[][4] = {{"tmux", "load-buffer", "-w", "-"},
					      {"tmux", "load-buffer", "-", NULL}};

	if (getenv("TMUX") == NULL || *getenv("TMUX") == '\0')
		return false;
	for (size_t t = 0; t < 2; t++)
		if (links_run_with_input(tries[t], url))
			return true;
	return false;
}

static void links_copy(struct app *app, const char *url)
{
	char *b64 = links_base64(url);

	/* written beside curses: an OSC sequence moves no cursor and draws nothing */
	printf("\033]52;c;%s\007", b64);
	fflush(stdout);
	free(b64);
	if (links_tmux_copy(url))
		app_message(app, "copied (OSC 52 and tmux's buffer): %s", url);
	else
		app_message(app, "copied (OSC 52): %s", url);
}

void app_copy_url(struct app *app)
{
	const char *why;
	char *url = links_clean_url(app, &why);

	if (url == NULL) {
		app_message(app, "%s", why);
		return;
	}
	links_copy(app, url);
	free(url);
}

static bool links_have_display(void)
{
	const char *d = getenv("DISPLAY"), *w = getenv("WAYLAND_DISPLAY");
	return (d && *d) || (w && *w);
}

/* A browser that draws in the terminal: it runs in ours, in the foreground. */
static bool links_in_terminal(const char *browser)
{
	static const char *const names[] = {"w3m", "lynx", "elinks", "links", "links2", "www-browser"};
	const char *base = strrchr(browser, '/');

	base = base ? base + 1 : browser;
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (strcmp(base, names[i]) == 0)
			return true;
	return false;
}

/* The first of $BROWSER's colon-separated commands (caller frees), or NULL. */
static char *links_env_browser(void)
{
	const char *b = getenv("BROWSER");
	if (b == NULL || *b == '\0')
		return NULL;
	return xstrndup(b, strcspn(b, ":"));
}

/* An installed terminal browser, for a terminal with no display and no $BROWSER. */
static char *links_terminal_browser(void)
{
	static const char *const names[] = {"w3m", "lynx", "elinks"};
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (links_on_path(names[i]))
			return xstrdup(names[i]);
	return NULL;
}

/* Open url: $BROWSER (in this terminal when it is a terminal browser or there is no
 * display), else a terminal browser found on PATH when there is no display, else
 * xdg-open with a display; else it is shown. */
static void links_open(struct app *app, const char *url)
{
	char *browser = links_env_browser();
	bool display = links_have_display();

	if (browser == NULL && !display)
		browser = links_terminal_browser();
	if (browser == NULL && display && links_on_path("xdg-open"))
		browser = xstrdup("xdg-open");
	if (browser == NULL) {
		app_message(app, "%s  (no browser: set $BROWSER or install w3m; y copies it)", url);
		return;
	}
	if (!display || links_in_terminal(browser)) {
		bool ok = links_run_here(app, browser, url);
		app->relayout = true;
		app_message(app, ok ? "back from %s" : "%s did not run", browser);
	} else if (links_run_detached(browser, url)) {
		app_message(app, "opening %s", url);
	} else {
		app_message(app, "could not start %s for %s", browser, url);
	}
	free(browser);
}

void app_open_url(struct app *app)
{
	const char *why;
	char *url = links_clean_url(app, &why);

	if (url == NULL) {
		app_message(app, "%s", why);
		return;
	}
	links_open(app, url);
	free(url);
}

/* The article's links for u: its source URL, then every URL of its byline and paragraphs,
 * each once, in reading order. */
void app_links_pick(struct app *app)
{
	const struct article_view *v = &app->reader_data.view;
	struct links_pane *lp = &app->links_data;
	const struct article *a;

	if (app->open == APP_NONE)
		return;
	a = app->corpus.items[app->open];
	links_pane_clear(lp);
	if (a->url && *a->url)
		links_pane_add(lp, a->url, strlen(a->url));
	for (size_t i = 0; i < v->nlinks; i++) {
		size_t len;
		const char *t = article_view_text(v, v->links[i].para, &len);
		links_pane_add(lp, t + v->links[i].beg, v->links[i].end - v->links[i].beg);
	}
	if (lp->n == 0) {
		app_message(app, "this article has no links");
		return;
	}
	app->links_open = true;
	app->relayout = true;
}

/* A key in the picker: Enter or o opens the selected link, y copies it, q or Esc closes. */
void app_links_op(struct app *app, enum ui_op op)
{
	const char *sel = links_pane_selected(&app->links_data), *why;
	char *url;

	if (op == UI_OP_OPEN || op == UI_OP_OPEN_URL || op == UI_OP_COPY_URL) {
		if ((url = sel ? links_clean(app, sel, &why) : NULL) == NULL) {
			app_message(app, "%s", sel ? why : "no link selected");
			return;
		}
		app->links_open = false;
		app->relayout = true;
		if (op == UI_OP_COPY_URL)
			links_copy(app, url);
		else
			links_open(app, url);
		free(url);
		return;
	}
	if (app->links.ops->op(&app->links, op) & UI_BACK) {
		app->links_open = false;
		app->relayout = true;
	} else {
		app->links.dirty = true;
	}
}
