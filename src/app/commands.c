/* commands.c - qari's subcommands, listed in one registry, and its --help. The training
 * commands are qari-train's (trainer.c hands them over). */
#include <stdbool.h>
#include <stdio.h>

#include "cli.h"

const struct cmd_entry *const cli_commands[] = {
	&cmd_list_entry,
	&cmd_show_entry,
	&cmd_layout_entry,
	&cmd_search_entry,
	&cmd_train_ner_entry,
	&cmd_ner_eval_entry,
	&cmd_ner_split_entry,
	&cmd_ner_clusters_entry,
	&cmd_tag_entry,
	&cmd_entities_entry,
	&cmd_eval_entities_entry,
	&cmd_related_entry,
	&cmd_eval_related_entry,
	&cmd_bench_entry,
	&cmd_import_entry,
	&cmd_fetch_entry,
	&cmd_add_entry,
	&cmd_import_opml_entry,
	&cmd_export_opml_entry,
	NULL,
};

/* The options described once for every command that takes them, each line followed by those
 * commands, read from their templates. */
static const struct {
	enum cli_option bit;
	const char *help;
} commands_shared_options[] = {
	{CLI_OPT_WIDTH, "  --width N              layout width in columns"},
	{CLI_OPT_DIR, "  --dir auto|rtl|ltr     paragraph direction (default: the article's own)"},
	{CLI_OPT_BIDI, "  --bidi app|terminal    who reorders and shapes: qari (default) or the terminal"},
	{CLI_OPT_SHAPE, "  --shape on|off         Arabic shaping (default on)"},
	{CLI_OPT_COLOR, "  --no-color             no colours (also NO_COLOR=1)"},
};

bool cli_option_shared(enum cli_option bit)
{
	for (size_t i = 0; i < sizeof commands_shared_options / sizeof *commands_shared_options; i++)
		if (commands_shared_options[i].bit == bit)
			return true;
	return false;
}

static void commands_print_takers(enum cli_option bit)
{
	const char *sep = ": ";
	if (CLI_READER_OPTIONS & (unsigned)bit)
		printf("%sthe reader", sep), sep = ", ";
	for (size_t i = 0; cli_commands[i]; i++)
		if (cli_commands[i]->options & (unsigned)bit)
			printf("%s%s", sep, cli_commands[i]->name), sep = ", ";
	printf("\n");
}

void cli_print_help(void)
{
	printf("usage: qari [OPTIONS] [PATH...]   read articles (none: the bundled ones)\n");
	for (size_t i = 0; cli_commands[i]; i++)
		printf("       qari %s %s\n         %s\n", cli_commands[i]->name, cli_commands[i]->usage,
		       cli_commands[i]->summary);
	printf("options (each taken only where named):\n");
	for (size_t i = 0; i < sizeof commands_shared_options / sizeof *commands_shared_options; i++) {
		printf("%s", commands_shared_options[i].help);
		commands_print_takers(commands_shared_options[i].bit);
	}
	printf("  --help, --version\n"
	       "files:\n"
	       "  $XDG_CONFIG_HOME/qari/config  settings and key bindings (default ~/.config/qari/config)\n"
	       "  $XDG_STATE_HOME/qari/         read marks, bookmarks, positions, the sort order\n"
	       "  $XDG_CACHE_HOME/qari/entities the entities of articles already tagged\n"
	       "  $XDG_CONFIG_HOME/qari/urls    subscriptions: a feed URL a line, tags, ~Name\n"
	       "  $XDG_DATA_HOME/qari/qari.db   the store of fetched and imported articles\n"
	       "environment: NO_COLOR, BROWSER, XDG_CONFIG_HOME, XDG_STATE_HOME, XDG_CACHE_HOME,\n"
	       "  XDG_DATA_HOME, http_proxy, https_proxy, no_proxy, QARI_THREADS (worker threads);\n"
	       "  see qari(1)\n");
}
