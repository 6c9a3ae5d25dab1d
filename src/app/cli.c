/* cli.c - parsing the command line, for qari and qari-train alike (the static library
 * qari_cli): a program passes its own subcommands (commands.c for qari, train_main.c for
 * qari-train) and the options they keep outside struct cli (cmd_training.c). */
#include "cli.h"

#include <assert.h>
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

/* Every option: its names, whether it takes a value, and its bit in a command's template. */
struct cli_option_def {
	const char *name, *alias;
	enum cli_option bit;
	bool value;
};
static const struct cli_option_def cli_option_defs[] = {
	{"--width", NULL, CLI_OPT_WIDTH, true},
	{"--dir", NULL, CLI_OPT_DIR, true},
	{"--bidi", NULL, CLI_OPT_BIDI, true},
	{"--shape", NULL, CLI_OPT_SHAPE, true},
	{"--logical", NULL, CLI_OPT_LOGICAL, false},
	{"--no-color", "--no-colour", CLI_OPT_COLOR, false},
	{"--stats", NULL, CLI_OPT_STATS, false},
	{"--no-cache", NULL, CLI_OPT_NO_CACHE, false},
	{"--conll", NULL, CLI_OPT_CONLL, false},
	{"--verbose", "-v", CLI_OPT_VERBOSE, false},
	{"--split", NULL, CLI_OPT_SPLIT, true},
	{"--method", NULL, CLI_OPT_METHOD, true},
	{"-o", NULL, CLI_OPT_OUTPUT, true},
	{"--seed", NULL, CLI_OPT_SEED, true},
	{"--c1", NULL, CLI_OPT_PENALTY, true},
	{"--c2", NULL, CLI_OPT_PENALTY, true},
	{"--make-store", NULL, CLI_OPT_MAKE_STORE, true},
	{"--store", NULL, CLI_OPT_STORE, true},
};
#define CLI_OPTION_NAMES (sizeof cli_option_defs / sizeof *cli_option_defs)
static_assert(CLI_OPTION_NAMES <= 32, "struct cli's given_names has a bit for each option");

const char *cli_option_name(enum cli_option bit)
{
	for (size_t i = 0; i < sizeof cli_option_defs / sizeof *cli_option_defs; i++)
		if (cli_option_defs[i].bit == bit)
			return cli_option_defs[i].name;
	return NULL;
}

static char cli_error_buf[160]; /* a message naming the option or the command */

/* The option arg names ("--name", "--name=value" for one with a value), or NULL. */
static const struct cli_option_def *cli_option_find(const char *arg)
{
	for (size_t i = 0; i < sizeof cli_option_defs / sizeof *cli_option_defs; i++) {
		const struct cli_option_def *d = &cli_option_defs[i];
		const char *names[] = {d->name, d->alias};
		for (size_t k = 0; k < 2 && names[k]; k++) {
			size_t n = strlen(names[k]);
			if (strncmp(arg, names[k], n) == 0 && (arg[n] == '\0' || (d->value && arg[n] == '=')))
				return d;
		}
	}
	return NULL;
}

/* Whether v is one of the '|'-separated words of list. */
static bool cli_one_of(const char *v, const char *list)
{
	size_t n = strlen(v);
	for (const char *p = list; p && *p;) {
		size_t k = strcspn(p, "|");
		if (k == n && strncmp(p, v, n) == 0)
			return true;
		p += k + (p[k] == '|');
	}
	return false;
}

static bool cli_set_dir(struct cli *cli, const char *v)
{
	cli->dir_set = true;
	if (strcmp(v, "auto") == 0)
		cli->dir = LAYOUT_DIR_AUTO;
	else if (strcmp(v, "rtl") == 0)
		cli->dir = LAYOUT_DIR_RTL;
	else if (strcmp(v, "ltr") == 0)
		cli->dir = LAYOUT_DIR_LTR;
	else
		return false;
	return true;
}

/* The option d with its value v (NULL for a flag) into cli, or into extra when it keeps d;
 * false with *error when v is not one it takes. */
static bool cli_set_option(struct cli *cli, const struct cli_extra *extra,
			   const struct cli_option_def *d, const char *v, const char **error)
{
	char *end;

	cli->given |= (unsigned)d->bit;
	cli->given_names |= UINT32_C(1) << (d - cli_option_defs);
	if (extra && (extra->options & (unsigned)d->bit))
		return extra->set(extra->opts, d->bit, d->name, v, error);
	switch (d->bit) {
	case CLI_OPT_WIDTH:
		if (!cli_parse_width(v, &cli->width))
			return *error = "--width takes a number of columns from 1 to 10000", false;
		break;
	case CLI_OPT_DIR:
		if (!cli_set_dir(cli, v))
			return *error = "--dir takes auto, rtl or ltr", false;
		break;
	case CLI_OPT_BIDI:
		if (!cli_one_of(v, "app|terminal"))
			return *error = "--bidi takes app or terminal", false;
		cli->bidi_terminal = strcmp(v, "terminal") == 0;
		cli->bidi_set = true;
		break;
	case CLI_OPT_SHAPE:
		if (!cli_one_of(v, "on|off"))
			return *error = "--shape takes on or off", false;
		cli->no_shape = strcmp(v, "off") == 0;
		cli->shape_set = true;
		break;
	case CLI_OPT_LOGICAL: cli->logical = true; break;
	case CLI_OPT_COLOR: cli->no_color = true; break;
	case CLI_OPT_STATS: cli->stats = true; break;
	case CLI_OPT_NO_CACHE: cli->no_cache = true; break;
	case CLI_OPT_CONLL: cli->conll = true; break;
	case CLI_OPT_VERBOSE: cli->verbose = true; break;
	case CLI_OPT_SPLIT:
		if (!cli_one_of(v, "dev|test|all"))
			return *error = "--split takes dev, test or all", false;
		cli->split = v;
		break;
	case CLI_OPT_METHOD: cli->method = v; break; /* checked against the command's methods */
	case CLI_OPT_MAKE_STORE:
		cli->make_store = strtoul(v, &end, 10);
		if (*v < '1' || *v > '9' || *end != '\0' || cli->make_store > 100000000)
			return *error = "--make-store takes a number of articles from 1 to 100000000",
			       false;
		break;
	case CLI_OPT_STORE: cli->store = v; break;
	default: break; /* kept by a struct cli_extra, where there is one */
	}
	return true;
}

static bool cli_parse_option(struct cli *cli, const struct cli_extra *extra, int argc, char **argv,
			     int *i, const char **error)
{
	const char *a = argv[*i], *eq;
	const struct cli_option_def *d;

	if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0)
		return cli->help = true;
	if (strcmp(a, "--version") == 0 || strcmp(a, "-V") == 0)
		return cli->version = true;
	if ((d = cli_option_find(a)) == NULL)
		return *error = "unknown option (see qari --help)", false;
	if (!d->value)
		return cli_set_option(cli, extra, d, NULL, error);
	if ((eq = strchr(a, '=')) != NULL)
		return cli_set_option(cli, extra, d, eq + 1, error);
	if (*i + 1 >= argc) {
		snprintf(cli_error_buf, sizeof cli_error_buf, "%s takes a value", d->name);
		return *error = cli_error_buf, false;
	}
	return cli_set_option(cli, extra, d, argv[++*i], error);
}

/* Every option given is in the command's template, and --method is one it knows. */
static bool cli_check_template(const struct cli *cli, const char **error)
{
	unsigned allowed = cli->cmd ? cli->cmd->options : CLI_READER_OPTIONS;
	const char *what = cli->cmd ? cli->cmd->name : "the reader";

	for (size_t i = 0; i < sizeof cli_option_defs / sizeof *cli_option_defs; i++) {
		const struct cli_option_def *d = &cli_option_defs[i];
		if ((cli->given_names & (UINT32_C(1) << i)) && !(allowed & (unsigned)d->bit)) {
			snprintf(cli_error_buf, sizeof cli_error_buf,
				 "%s is not an option of %s (see qari --help)", d->name, what);
			return *error = cli_error_buf, false;
		}
	}
	if (cli->method && !cli_one_of(cli->method, cli->cmd->methods)) {
		snprintf(cli_error_buf, sizeof cli_error_buf, "--method of %s takes %s", what,
			 cli->cmd->methods);
		return *error = cli_error_buf, false;
	}
	return true;
}

bool cli_parse(int argc, char **argv, const struct cmd_entry *const *commands,
	       const struct cli_extra *extra, struct cli *cli, const char **error)
{
	bool options_done = false;

	memset(cli, 0, sizeof *cli);
	cli->extra = extra ? extra->opts : NULL;
	cli->argv = argv;
	cli->args = xcalloc((size_t)argc + 1, sizeof *cli->args);
	cli->no_color = getenv("NO_COLOR") != NULL && *getenv("NO_COLOR") != '\0';
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!options_done && strcmp(a, "--") == 0)
			options_done = true;
		else if (!options_done && a[0] == '-' && a[1] != '\0') {
			if (!cli_parse_option(cli, extra, argc, argv, &i, error))
				return false;
		} else if (cli->cmd == NULL && cli->nargs == 0 && cli_find_command(commands, a))
			cli->cmd = cli_find_command(commands, a);
		else
			cli->args[cli->nargs++] = argv[i];
	}
	return cli->help || cli->version || cli_check_template(cli, error);
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

int cli_no_article(const char *id, bool ambiguous)
{
	char *m = text_neutralize(id);
	fprintf(stderr, "qari: %s: %s\n", m,
		ambiguous ? "more than one article has this id prefix" : "no such article");
	free(m);
	return 1;
}
