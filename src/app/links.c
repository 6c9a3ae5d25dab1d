/* links.c - the source URL: opened with $BROWSER when there is a display, copied to the
 * local clipboard with OSC 52 (works over SSH), or shown. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "qari/app.h"
#include "qari/xalloc.h"

#define LINKS_MAX_URL 2048

/* The URL without control characters or spaces: nothing in it can end the OSC sequence or
 * smuggle a second one. NULL when there is no usable URL. */
static char *links_clean_url(const struct app *app)
{
	const char *u;
	char *out;
	size_t n = 0;

	if (app->open == APP_NONE || (u = app->corpus.items[app->open]->url) == NULL)
		return NULL;
	out = xmalloc(strlen(u) + 1);
	for (; *u && n < LINKS_MAX_URL; u++)
		if ((unsigned char)*u > 0x20 && *u != 0x7F)
			out[n++] = *u;
	out[n] = '\0';
	if (n == 0)
		xfree(&out);
	return out;
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
	char *url = links_clean_url(app), *b64;
	if (url == NULL) {
		app_message(app, "this article has no source URL");
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
	char *url = links_clean_url(app);
	const char *browser = getenv("BROWSER");
	pid_t pid;

	if (url == NULL) {
		app_message(app, "this article has no source URL");
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
			execlp(browser, browser, url, (char *)NULL);
		}
		_exit(127);
	}
	if (pid > 0)
		waitpid(pid, NULL, 0);
	app_message(app, pid > 0 ? "opening %s" : "could not start the browser for %s", url);
	free(url);
}
