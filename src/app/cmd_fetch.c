/* cmd_fetch.c - `qari fetch`: every subscription once, into the store, one line per feed as
 * it is done; then retention. Exit status 1 only when no feed could be fetched. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "cli.h"
#include "qari/config.h"
#include "qari/feeds.h"
#include "qari/text.h"

/* The subscriptions, their problems on stderr; false when there are none. */
bool cli_read_subs(struct subs *subs)
{
	subs_read(subs, NULL);
	for (size_t i = 0; i < subs->nmessages; i++)
		cli_print_error(NULL, subs->messages[i]);
	if (subs->n == 0) {
		char *path = subs_default_path();
		cli_print_error(NULL, "no subscriptions: qari add URL, or a feed URL a line in");
		fprintf(stderr, "  %s\n", path ? path : "$XDG_CONFIG_HOME/qari/urls");
		free(path);
		return false;
	}
	return true;
}

/* Options from the config file: the timeout, and retention after fetching. */
void cli_fetch_config(struct config *cfg, struct fetch_opts *o)
{
	config_init(cfg);
	config_load(cfg, NULL, NULL);
	*o = (struct fetch_opts){.timeout_ms = cfg->fetch_timeout * 1000};
}

static void cmd_fetch_line(void *ctx, const struct sub *sub, const struct feeds_result *r)
{
	char *url = text_neutralize(sub->url), *err = NULL;
	(void)ctx;
	switch (r->outcome) {
	case FEEDS_NEW:
		printf("%s\t%zu new, %zu updated\n", url, r->got.added, r->got.updated);
		break;
	case FEEDS_NOT_MODIFIED:
		printf("%s\tnot modified\n", url);
		break;
	case FEEDS_SKIPPED: {
		char when[32];
		time_t t = (time_t)r->retry_at;
		strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S", localtime(&t));
		printf("%s\tskipped: failing, next try after %s\n", url, when);
		break;
	}
	case FEEDS_FAILED: {
		char when[48] = "";
		time_t t = (time_t)r->retry_at;
		if (r->retry_at)
			strftime(when, sizeof when, "; next try after %Y-%m-%d %H:%M:%S", localtime(&t));
		err = text_neutralize(r->error ? r->error : "failed");
		printf("%s\terror: %s%s\n", url, err, when);
		break;
	}
	}
	fflush(stdout);
	free(url);
	free(err);
}

static int cmd_fetch_exec(const struct cli *cli)
{
	struct subs subs;
	struct store *s;
	struct config cfg;
	struct fetch_opts o;
	struct feeds_summary sum;
	char *error = NULL;

	(void)cli;
	if (!cli_read_subs(&subs)) {
		subs_free(&subs);
		return 1;
	}
	if ((s = cli_open_store(true)) == NULL) {
		subs_free(&subs);
		return 1;
	}
	cli_fetch_config(&cfg, &o);
	feeds_fetch(s, &subs, &o, cmd_fetch_line, NULL, NULL, &sum);
	store_prune(s, cfg.keep_days, cfg.max_items, &error);
	if (error)
		cli_print_error("retention", error);
	free(error);
	store_close(s);
	config_free(&cfg);
	subs_free(&subs);
	return sum.done > 0 && sum.failed + sum.skipped == sum.done ? 1 : 0;
}

const struct cmd_entry cmd_fetch_entry = {
	.name = "fetch",
	.usage = "",
	.summary = "fetch every subscription into the store, one line per feed",
	.exec = cmd_fetch_exec,
};
