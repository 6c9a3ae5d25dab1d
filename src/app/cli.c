/* cli.c - parsing the command line (a program's subcommands are its own: commands.c for qari,
 * train_main.c for qari-train). */
#include "qari/cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qari/corpus.h"
#include "qari/corpus_index.h"
#include "qari/text.h"
#include "qari/xalloc.h"

#define CLI_MAX_WIDTH 10000

const struct cmd_entry *cli_find_command(const struct cmd_entry *const *commands, const char *name)
{
	for (size_t i = 0; commands[i]; i++)
		if (strcmp(commands[i]->name, name) == 0)
			return commands[i];
	return NULL;
}

static bool cli_parse_width(const char *s, int *width)
{
	char *end;
	long v = strtol(s, &end, 10);
	if (*s == '\0' || *end != '\0' || v < 1 || v > CLI_MAX_WIDTH)
		return false;
	*width = (int)v;
	return true;
}

/* A penalty of the CRF trainer: a finite number ≥ 0. */
static bool cli_parse_penalty(const char *v, double *out)
{
	char *end;
	double x = strtod(v, &end);
	if (*v == '\0' || *end != '\0' || !(x >= 0) || x > 1e6)
		return false;
	*out = x;
	return true;
}

/* An option with a value: "--name value" or "--name=value". */
static const char *cli_option_value(const char *name, int argc, char **argv, int *i)
{
	size_t n = strlen(name);
	if (strncmp(argv[*i], name, n) != 0)
		return NULL;
	if (argv[*i][n] == '=')
		return argv[*i] + n + 1;
	if (argv[*i][n] == '\0' && *i + 1 < argc)
		return argv[++*i];
	return NULL;
}

static bool cli_parse_option(struct cli *cli, int argc, char **argv, int *i, const char **error)
{
	const char *a = argv[*i], *v;

	if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0)
		cli->help = true;
	else if (strcmp(a, "--version") == 0 || strcmp(a, "-V") == 0)
		cli->version = true;
	else if (strcmp(a, "--logical") == 0)
		cli->logical = true;
	else if (strcmp(a, "--no-color") == 0 || strcmp(a, "--no-colour") == 0)
		cli->no_color = true;
	else if (strcmp(a, "--stats") == 0)
		cli->stats = true;
	else if (strcmp(a, "--no-cache") == 0)
		cli->no_cache = true;
	else if (strcmp(a, "--conll") == 0)
		cli->conll = true;
	else if (strcmp(a, "--verbose") == 0 || strcmp(a, "-v") == 0)
		cli->verbose = true;
	else if ((v = cli_option_value("--split", argc, argv, i)) != NULL) {
		if (strcmp(v, "dev") != 0 && strcmp(v, "test") != 0 && strcmp(v, "all") != 0)
			return *error = "--split takes dev, test or all", false;
		cli->split = v;
	}
	else if ((v = cli_option_value("-o", argc, argv, i)) != NULL)
		cli->output = v;
	else if ((v = cli_option_value("--seed", argc, argv, i)) != NULL) {
		char *end;
		cli->seed = strtoul(v, &end, 10);
		if (*v == '\0' || *end != '\0')
			return *error = "--seed takes a number", false;
	}
	else if ((v = cli_option_value("--method", argc, argv, i)) != NULL) {
		if (strcmp(v, "crf") != 0 && strcmp(v, "perceptron") != 0 && strcmp(v, "qari") != 0 &&
		    strcmp(v, "tfidf") != 0)
			return *error = "--method takes crf or perceptron (train-ner), qari or tfidf (related)", false;
		cli->method = v;
	} else if ((v = cli_option_value("--c1", argc, argv, i)) != NULL) {
		if (!cli_parse_penalty(v, &cli->c1))
			return *error = "--c1 takes a number of at least 0", false;
	} else if ((v = cli_option_value("--c2", argc, argv, i)) != NULL) {
		if (!cli_parse_penalty(v, &cli->c2))
			return *error = "--c2 takes a number of at least 0", false;
	} else if ((v = cli_option_value("--width", argc, argv, i)) != NULL) {
		if (!cli_parse_width(v, &cli->width))
			return *error = "--width takes a number of columns from 1 to 10000", false;
	} else if ((v = cli_option_value("--dir", argc, argv, i)) != NULL) {
		cli->dir_set = true;
		if (strcmp(v, "auto") == 0)
			cli->dir = LAYOUT_DIR_AUTO;
		else if (strcmp(v, "rtl") == 0)
			cli->dir = LAYOUT_DIR_RTL;
		else if (strcmp(v, "ltr") == 0)
			cli->dir = LAYOUT_DIR_LTR;
		else
			return *error = "--dir takes auto, rtl or ltr", false;
	} else if ((v = cli_option_value("--bidi", argc, argv, i)) != NULL) {
		if (strcmp(v, "app") != 0 && strcmp(v, "terminal") != 0)
			return *error = "--bidi takes app or terminal", false;
		cli->bidi_terminal = strcmp(v, "terminal") == 0;
		cli->bidi_set = true;
	} else if ((v = cli_option_value("--shape", argc, argv, i)) != NULL) {
		if (strcmp(v, "on") != 0 && strcmp(v, "off") != 0)
			return *error = "--shape takes on or off", false;
		cli->no_shape = strcmp(v, "off") == 0;
		cli->shape_set = true;
	} else
		return *error = "unknown option (see qari --help)", false;
	return true;
}

bool cli_parse(int argc, char **argv, const struct cmd_entry *const *commands, struct cli *cli,
	       const char **error)
{
	bool options_done = false;

	memset(cli, 0, sizeof *cli);
	cli->c1 = cli->c2 = -1;
	cli->argv = argv;
	cli->args = xcalloc((size_t)argc + 1, sizeof *cli->args);
	cli->no_color = getenv("NO_COLOR") != NULL && *getenv("NO_COLOR") != '\0';
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!options_done && strcmp(a, "--") == 0)
			options_done = true;
		else if (!options_done && a[0] == '-' && a[1] != '\0') {
			if (!cli_parse_option(cli, argc, argv, &i, error))
				return false;
		} else if (cli->cmd == NULL && cli->nargs == 0 && cli_find_command(commands, a))
			cli->cmd = cli_find_command(commands, a);
		else
			cli->args[cli->nargs++] = argv[i];
	}
	return true;
}

struct layout_opts cli_layout_opts(const struct cli *cli)
{
	struct layout_opts o = {
		.dir = cli->dir_set ? cli->dir : LAYOUT_DIR_AUTO,
		.reorder = !cli->bidi_terminal,
		.shape = !cli->bidi_terminal && !cli->no_shape,
	};
	return o;
}

bool cli_load_corpus(const struct cli *cli, size_t first, struct corpus *c)
{
	char *dir;
	bool ok;

	if (first < cli->nargs)
		return cli_load_corpus_paths(cli->args + first, cli->nargs - first, c);
	dir = corpus_asset_path("articles");
	ok = cli_load_corpus_paths(&dir, 1, c);
	free(dir);
	return ok;
}

void cli_index_corpus(const struct cli *cli, const struct corpus *c, struct corpus_index *x)
{
	corpus_index_prepare(x, c);
	if (!cli->no_cache)
		corpus_index_cache(x, NULL);
	corpus_index_build(x, c, 0);
	if (x->cache_error) {
		char *m = text_neutralize(x->cache_error);
		fprintf(stderr, "qari: entities not cached: %s\n", m);
		free(m);
	}
}

bool cli_load_corpus_paths(char *const *paths, size_t n, struct corpus *c)
{
	corpus_init(c);
	corpus_load_paths(c, paths, n);
	for (size_t i = 0; i < c->report.nmessages; i++) {
		char *m = text_neutralize(c->report.messages[i]);
		fprintf(stderr, "qari: %s\n", m);
		free(m);
	}
	if (c->n == 0) {
		fprintf(stderr, "qari: no articles could be loaded\n");
		return false;
	}
	corpus_sort(c);
	return true;
}
