/* links.c - the source URL: opened with $BROWSER when there is a display, copied to the
 * local clipboard with OSC 52 (works over SSH), or shown. */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "qari/app.h"
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

/* The open article's URL when it is safe to hand on: a scheme links_scheme_ok accepts, no
 * forbidden character, at most LINKS_MAX_URL bytes. NULL with *why set otherwise. */
static char *links_clean_url(const struct app *app, const char **why)
{
	const char *u;
	size_t k;

	*why = "this article has no source URL";
	if (app->open == APP_NONE || (u = app->corpus.items[app->open]->url) == NULL || !*u)
		return NULL;
	*why = "the source URL is not a web link (http or https); not opened";
	if (!links_scheme_ok(app, u))
		return NULL;
	*why = "the source URL is too long; not opened";
	if (strlen(u) > LINKS_MAX_URL)
		return NULL;
	*why = "the source URL holds control or direction characters; not opened";
	for (const char *p = u; *p; p += k)
		if (links_forbidden(p, &k))
			return NULL;
	return xstrdup(u);
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

void app_copy_url(struct app *app)
{
	const char *why;
	char *url = links_clean_url(app, &why), *b64;
	if (url == NULL) {
		app_message(app, "%s", why);
		return;
	}
	b64 = links_base64(url);
	/* written beside curses: an OSC sequence moves no cursor and draws nothing */
	printf("\033]52;c;%s\007", b64);
	fflush(stdout);
	app_message(app, "copied: %s", url);
	free(b64);
	free(url);
}

static bool links_have_display(void)
{
	const char *d = getenv("DISPLAY"), *w = getenv("WAYLAND_DISPLAY");
	return (d && *d) || (w && *w);
}

void app_open_url(struct app *app)
{
	const char *browser = getenv("BROWSER"), *why;
	char *url = links_clean_url(app, &why);
	pid_t pid;

	if (url == NULL) {
		app_message(app, "%s", why);
		return;
	}
	if (browser == NULL || *browser == '\0' || !links_have_display()) {
		app_message(app, "%s  (y copies it)", url);
		free(url);
		return;
	}
	/* fork twice so the browser is nobody's zombie, and detach it from the terminal */
	if ((pid = fork()) == 0) {
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
	app_message(app, pid > 0 ? "opening %s" : "could not start the browser for %s", url);
	free(url);
}
