/* test_cli.c - the command line: a subcommand takes only the options of its template, wherever
 * they stand; values are checked; "--" ends the options; the training commands' options go to
 * their own struct, in qari (checked) as in qari-train (kept); and every command's usage line
 * names exactly the options its template takes, but those --help describes once for all. */
#include "check.h"

#include <stdarg.h>
#include <stdlib.h>

#include "../../src/app/cli.h"
#include "../../src/app/cmd_training.h"

static const struct cli_extra *parse_extra = &cli_commands_extra; /* as qari parses */

static bool parse(struct cli *cli, const char **error, int argc, ...)
{
	char *argv[16];
	va_list ap;
	va_start(ap, argc);
	argv[0] = "qari";
	for (int i = 1; i < argc && i < 16; i++)
		argv[i] = va_arg(ap, char *);
	va_end(ap);
	*error = NULL;
	static char *kept[16]; /* cli keeps pointers into argv */
	memcpy(kept, argv, sizeof argv);
	return cli_parse(argc, kept, cli_commands, parse_extra, cli, error);
}

static void test_parse(void)
{
	struct cli cli;
	const char *error;

	REQUIRE(parse(&cli, &error, 4, "list", "--stats", "a.txt"));
	CHECK_STR(cli.cmd->name, "list");
	CHECK(cli.stats);
	CHECK(cli.nargs == 1 && strcmp(cli.args[0], "a.txt") == 0);
	free(cli.args);

	/* options before the subcommand, and --name=value */
	REQUIRE(parse(&cli, &error, 5, "--width=50", "--dir", "rtl", "show"));
	CHECK_STR(cli.cmd->name, "show");
	CHECK_INT(cli.width, 50);
	CHECK(cli.dir_set && cli.dir == LAYOUT_DIR_RTL);
	free(cli.args);

	/* not in the template: named in the message with the command */
	CHECK(!parse(&cli, &error, 4, "list", "--seed", "3"));
	CHECK(error && strstr(error, "--seed") && strstr(error, "list"));
	free(cli.args);
	CHECK(!parse(&cli, &error, 3, "--stats", "x"));
	CHECK(error && strstr(error, "the reader"));
	free(cli.args);

	/* --method takes what the command knows */
	CHECK(!parse(&cli, &error, 5, "related", "--method", "crf", "id"));
	CHECK(error && strstr(error, "qari|tfidf"));
	free(cli.args);
	REQUIRE(parse(&cli, &error, 5, "related", "--method", "tfidf", "id"));
	CHECK_STR(cli.method, "tfidf");
	free(cli.args);
	REQUIRE(parse(&cli, &error, 10, "train-ner", "--method", "crf", "--c1", "0.5", "t", "d", "-o",
		      "m"));
	CHECK_STR(cli.method, "crf");
	CHECK(cli.nargs == 2 && cli.extra == cli_commands_extra.opts);
	free(cli.args);

	/* bad values */
	CHECK(!parse(&cli, &error, 4, "show", "--width", "0"));
	free(cli.args);
	CHECK(!parse(&cli, &error, 4, "train-ner", "--c2", "-1"));
	free(cli.args);
	CHECK(!parse(&cli, &error, 3, "eval-related", "--split=train"));
	free(cli.args);
	CHECK(!parse(&cli, &error, 3, "show", "--width"));
	CHECK(error && strstr(error, "takes a value"));
	free(cli.args);
	CHECK(!parse(&cli, &error, 3, "list", "--frobnicate"));
	free(cli.args);

	/* "--" ends the options; a command's name later is an argument */
	REQUIRE(parse(&cli, &error, 5, "search", "--", "-x", "list"));
	CHECK(cli.nargs == 2 && strcmp(cli.args[0], "-x") == 0 && strcmp(cli.args[1], "list") == 0);
	free(cli.args);

	/* --help goes with any command and any options */
	REQUIRE(parse(&cli, &error, 4, "list", "--conll", "--help"));
	CHECK(cli.help);
	free(cli.args);
}

/* The training commands' options go to a struct train_options, as qari-train parses them:
 * checked (the message names the option) and refused where the template lacks them. */
static void test_training_options(void)
{
	struct train_options t = TRAIN_OPTIONS_NONE;
	const struct cli_extra train = {TRAIN_OPTIONS, train_options_set, &t};
	const struct train_options *got;
	struct cli cli;
	const char *error;

	parse_extra = &train;
	REQUIRE(parse(&cli, &error, 10, "--seed=7", "train-ner", "--c2", "0.25", "t", "d", "-o", "m",
		      "--method=perceptron"));
	got = cli.extra;
	REQUIRE(got == &t);
	CHECK(got->c1 == -1 && got->c2 == 0.25 && got->seed == 7);
	CHECK_STR(got->output, "m");
	CHECK_STR(cli.method, "perceptron"); /* --method is the command line's: related takes it */
	CHECK(cli.nargs == 2);
	free(cli.args);

	t = TRAIN_OPTIONS_NONE;
	REQUIRE(parse(&cli, &error, 6, "ner-clusters", "a", "b", "-o", "out"));
	CHECK(t.seed == 0 && t.c1 == -1 && t.c2 == -1);
	CHECK_STR(t.output, "out");
	free(cli.args);

	CHECK(!parse(&cli, &error, 4, "train-ner", "--c1", "x"));
	CHECK(error && strstr(error, "--c1") && strstr(error, "at least 0"));
	free(cli.args);
	CHECK(!parse(&cli, &error, 4, "ner-clusters", "--seed", "3x"));
	CHECK(error && strstr(error, "--seed"));
	free(cli.args);
	/* kept outside struct cli, still held to the template */
	CHECK(!parse(&cli, &error, 5, "ner-split", "-o", "x", "f"));
	CHECK(error && strstr(error, "-o") && strstr(error, "ner-split"));
	free(cli.args);
	CHECK(!parse(&cli, &error, 4, "ner-clusters", "--c2", "1"));
	CHECK(error && strstr(error, "not an option") && strstr(error, "ner-clusters"));
	CHECK(error && strstr(error, "--c2 ") && !strstr(error, "--c1")); /* named as given */
	free(cli.args);

	/* qari checks them as it parses: the same message before qari-train runs */
	parse_extra = &cli_commands_extra;
	CHECK(!parse(&cli, &error, 6, "train-ner", "--c1", "0.5", "--c2", "-1"));
	CHECK(error && strstr(error, "--c2") && strstr(error, "at least 0"));
	free(cli.args);

	/* a program that keeps them nowhere still skips their values and checks the template */
	parse_extra = NULL;
	REQUIRE(parse(&cli, &error, 6, "train-ner", "-o", "m", "t", "d"));
	CHECK(cli.nargs == 2 && cli.extra == NULL);
	free(cli.args);
	CHECK(!parse(&cli, &error, 4, "list", "--seed", "3"));
	free(cli.args);
	parse_extra = &cli_commands_extra;
}

/* What --help says of each command is what it takes. */
static void test_usage_agrees(void)
{
	for (size_t i = 0; cli_commands[i]; i++) {
		const struct cmd_entry *c = cli_commands[i];
		for (unsigned bit = 1; bit <= CLI_OPT_LAST; bit <<= 1) {
			const char *name = cli_option_name((enum cli_option)bit);
			bool takes = c->options & bit, said = name && strstr(c->usage, name);
			if (bit == CLI_OPT_PENALTY)
				said = strstr(c->usage, "--c1") && strstr(c->usage, "--c2");
			if (!check_report(said == (takes && !cli_option_shared((enum cli_option)bit)) ||
						  (said && takes),
					  __FILE__, __LINE__, "usage names the template's options"))
				fprintf(stderr, "    %s: %s\n", c->name, name);
		}
		CHECK(!(c->options & CLI_OPT_METHOD) || (c->methods && strstr(c->usage, c->methods)));
	}
}

int main(void)
{
	test_parse();
	test_training_options();
	test_usage_agrees();
	return check_done();
}
