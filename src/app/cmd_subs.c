/* cmd_subs.c - subscribing: `qari add URL [TAG...]` (a web page's feed is found from its
 * <link rel="alternate">), `qari import-opml FILE` and `qari export-opml`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "qari/fetch.h"
#include "qari/fsutil.h"
#include "qari/subs.h"
#include "qari/text.h"
#include "qari/xalloc.h"

#define CMD_SUBS_MAX_OPML (16u << 20)

static void cmd_subs_one(void *ctx, size_t i, struct fetch_result *r)
{
	(void)i;
	*(struct fetch_result *)ctx = *r;
}

/* GET url once; false with a message on stderr. */
static bool cmd_subs_get(const char *url, struct fetch_result *r)
{
	struct fetch_request req = {.url = url};
	memset(r, 0, sizeof *r);
	fetch_all(&req, 1, NULL, cmd_subs_one, r, NULL);
	if (r->outcome != FETCH_OK) {
		cli_print_error(url, r->error ? r->error : "no answer");
		fetch_result_free(r);
		return false;
	}
	return true;
}

/* The feed of url: url itself when it is one, else the one its page links to (caller frees). */
static char *cmd_subs_resolve(const char *url)
{
	struct fetch_result r;
	char *feed, *text, *error = NULL;
	size_t len;

	if (!cmd_subs_get(url, &r))
		return NULL;
	if (!fetch_is_html(r.body, r.len, r.content_type)) {
		fetch_result_free(&r);
		return xstrdup(url);
	}
	text = fetch_to_utf8(r.body, r.len, r.content_type, &len, &error);
	feed = text ? fetch_discover_feed(text, len, r.final_url ? r.final_url : url) : NULL;
	if (feed == NULL)
		cli_print_error(url, error ? error : "a web page that links to no RSS or Atom feed");
	free(error);
	free(text);
	fetch_result_free(&r);
	if (feed && cmd_subs_get(feed, &r)) { /* the page's link must lead to a feed */
		bool page = fetch_is_html(r.body, r.len, r.content_type);
		fetch_result_free(&r);
		if (!page)
			return feed;
		cli_print_error(feed, "the page's feed link leads to another page");
	}
	free(feed);
	return NULL;
}

static int cmd_subs_append(const struct sub *v, size_t n, bool verbose)
{
	char *error = NULL;
	size_t added;
	if (!subs_append(NULL, v, n, &added, &error)) {
		cli_print_error(NULL, error);
		free(error);
		return 1;
	}
	if (verbose)
		printf("%zu feed%s added, %zu there already\n", added, added == 1 ? "" : "s",
		       n - added);
	return 0;
}

static int cmd_add_exec(const struct cli *cli)
{
	struct sub sub = {0};
	int rc;

	if (cli->nargs == 0) {
		fprintf(stderr, "qari: add needs a URL\n");
		return 1;
	}
	if (strncmp(cli->args[0], "http://", 7) != 0 && strncmp(cli->args[0], "https://", 8) != 0) {
		fprintf(stderr, "qari: add takes an http:// or https:// URL\n");
		return 1;
	}
	if ((sub.url = cmd_subs_resolve(cli->args[0])) == NULL)
		return 1;
	sub.tags = cli->args + 1;
	sub.ntags = cli->nargs - 1;
	rc = cmd_subs_append(&sub, 1, false);
	if (rc == 0) {
		char *u = text_neutralize(sub.url);
		printf("subscribed to %s\n", u);
		free(u);
	}
	free(sub.url);
	return rc;
}

static int cmd_import_opml_exec(const struct cli *cli)
{
	struct subs subs = {0};
	size_t len;
	char *data;
	int rc;

	if (cli->nargs != 1) {
		fprintf(stderr, "qari: import-opml takes one file\n");
		return 1;
	}
	if ((data = fsutil_read_file(cli->args[0], CMD_SUBS_MAX_OPML, &len)) == NULL) {
		perror(cli->args[0]);
		return 1;
	}
	subs_parse_opml(&subs, cli->args[0], data, len);
	free(data);
	for (size_t i = 0; i < subs.nmessages; i++)
		cli_print_error(NULL, subs.messages[i]);
	rc = subs.n == 0 && subs.nmessages ? 1 : cmd_subs_append(subs.v, subs.n, true);
	subs_free(&subs);
	return rc;
}

static int cmd_export_opml_exec(const struct cli *cli)
{
	struct subs subs;
	char *doc;
	(void)cli;
	subs_read(&subs, NULL);
	for (size_t i = 0; i < subs.nmessages; i++)
		cli_print_error(NULL, subs.messages[i]);
	doc = subs_to_opml(&subs);
	fputs(doc, stdout);
	free(doc);
	subs_free(&subs);
	return 0;
}

const struct cmd_entry cmd_add_entry = {
	.name = "add",
	.usage = "URL [TAG...]",
	.summary = "subscribe to a feed (or the feed a web page links to)",
	.exec = cmd_add_exec,
};

const struct cmd_entry cmd_import_opml_entry = {
	.name = "import-opml",
	.usage = "FILE",
	.summary = "subscribe to the feeds of an OPML file (folders become tags)",
	.exec = cmd_import_opml_exec,
};

const struct cmd_entry cmd_export_opml_entry = {
	.name = "export-opml",
	.usage = "",
	.summary = "the subscriptions as OPML 2.0 on stdout",
	.exec = cmd_export_opml_exec,
};
