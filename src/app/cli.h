/* cli.h - the command line, parsed into a struct before anything acts on it.
 *
 * One subcommand per file (src/app/cmd_*.c), listed in one registry (commands.c). The
 * training commands (train-ner, ner-split, ner-clusters) are built into qari-train
 * (train_main.c); qari runs it for them (trainer.c). Their options are theirs
 * (cmd_training.h, through struct cli_extra); struct cli holds what the reader and qari's
 * other commands take. cli.c is the static library qari_cli, linked into both programs. */
#ifndef QARI_CLI_H
#define QARI_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "qari/layout.h"

struct cli {
	const struct cmd_entry *cmd; /* NULL: the interactive reader */
	char **argv;                 /* the command line as given (qari-train is run with it) */
	char **args;                 /* positional arguments after the subcommand (not owned) */
	size_t nargs;
	int width;            /* --width N, 0 when not given */
	enum layout_dir dir;  /* --dir */
	bool dir_set;
	bool logical;         /* --logical */
	bool bidi_terminal;   /* --bidi terminal: the terminal reorders and shapes */
	bool bidi_set;
	bool no_shape;        /* --shape off */
	bool shape_set;
	bool no_color;        /* --no-color, or NO_COLOR in the environment */
	bool stats;           /* list --stats */
	bool no_cache;        /* --no-cache: entities tagged afresh, the cache left alone */
	bool conll;           /* tag --conll: one token per line in, token<TAB>tag out */
	const char *method;   /* --method, one of the command's cmd_entry.methods (related's,
				 train-ner's), NULL when not given */
	const char *split;    /* --split dev|test|all (eval-entities, eval-related), NULL when
				 not given */
	bool verbose;         /* --verbose (eval-entities, eval-related): every error or list */
	size_t make_store;    /* --make-store N (bench): articles, 0 when not given */
	const char *store;    /* --store FILE (bench), NULL when not given */
	bool help, version;
	unsigned given;       /* the enum cli_option of every option given */
	uint32_t given_names; /* bit i: the option named i-th in cli.c's table was given (two
				 names may share one enum cli_option) */
	const void *extra;    /* the options kept outside (cli_extra.opts), NULL: none */
};

/* The options a command takes: its template (cmd_entry.options), as tmux's commands carry
 * theirs. An option given to a command whose template lacks it is an error. --help and
 * --version go with any. */
enum cli_option {
	CLI_OPT_WIDTH = 1 << 0,    /* --width N */
	CLI_OPT_DIR = 1 << 1,      /* --dir auto|rtl|ltr */
	CLI_OPT_BIDI = 1 << 2,     /* --bidi app|terminal */
	CLI_OPT_SHAPE = 1 << 3,    /* --shape on|off */
	CLI_OPT_LOGICAL = 1 << 4,  /* --logical */
	CLI_OPT_COLOR = 1 << 5,    /* --no-color */
	CLI_OPT_STATS = 1 << 6,    /* --stats */
	CLI_OPT_NO_CACHE = 1 << 7, /* --no-cache */
	CLI_OPT_CONLL = 1 << 8,    /* --conll */
	CLI_OPT_VERBOSE = 1 << 9,  /* --verbose, -v */
	CLI_OPT_SPLIT = 1 << 10,   /* --split dev|test|all */
	CLI_OPT_METHOD = 1 << 11,  /* --method, one of cmd_entry.methods */
	CLI_OPT_OUTPUT = 1 << 12,  /* -o FILE */
	CLI_OPT_SEED = 1 << 13,    /* --seed N */
	CLI_OPT_PENALTY = 1 << 14, /* --c1 X, --c2 X */
	CLI_OPT_MAKE_STORE = 1 << 15, /* --make-store N */
	CLI_OPT_STORE = 1 << 16,   /* --store FILE */
};
#define CLI_OPT_LAST CLI_OPT_STORE /* the highest */
/* How the text is laid out: the reader's and the subcommands that print visual lines. */
#define CLI_OPT_LAYOUT (CLI_OPT_DIR | CLI_OPT_BIDI | CLI_OPT_SHAPE)
/* The interactive reader's template. */
#define CLI_READER_OPTIONS (CLI_OPT_LAYOUT | CLI_OPT_COLOR)

struct cmd_entry {
	const char *name;
	const char *usage;   /* arguments and options, for --help (a test checks they agree) */
	const char *summary; /* one line of purpose */
	int (*exec)(const struct cli *cli);
	unsigned options;    /* its template: the enum cli_option it takes */
	const char *methods; /* with CLI_OPT_METHOD: what --method takes, "a|b" */
};

/* Options that commands keep outside struct cli, in a struct of their own (the training
 * commands', cmd_training.h): set takes each as it is parsed, and returns false with *error
 * when its value is not one it takes. cli_parse points cli->extra at opts. */
struct cli_extra {
	unsigned options; /* the enum cli_option it keeps */
	bool (*set)(void *opts, enum cli_option bit, const char *name, const char *value,
		    const char **error);
	void *opts;
};

/* Parse argv; its first positional argument that names one of commands (NULL-terminated) is
 * the subcommand, whose template says which options it takes (no subcommand: the reader's).
 * extra (NULL: none) keeps the options it names; an option nobody keeps is checked against the
 * template only. On a user error returns false and sets *error to a message (static, until
 * the next call). */
bool cli_parse(int argc, char **argv, const struct cmd_entry *const *commands,
	       const struct cli_extra *extra, struct cli *cli, const char **error);
const struct cmd_entry *cli_find_command(const struct cmd_entry *const *commands, const char *name);
/* qari's subcommands and its --help (commands.c), and the options they keep outside struct
 * cli: the training commands', checked as qari parses, kept by qari-train (trainer.c). */
extern const struct cmd_entry *const cli_commands[];
extern const struct cli_extra cli_commands_extra;
void cli_print_help(void);
/* Whether --help describes the option once for all (the layout options, --no-color) rather
 * than in each command's usage. */
bool cli_option_shared(enum cli_option bit);
/* The option's name ("--width"). */
const char *cli_option_name(enum cli_option bit);
struct layout_opts cli_layout_opts(const struct cli *cli);

/* Load the corpus from the arguments from index first on (none: the bundled articles);
 * prints the load report to stderr. Returns false (after a message) when nothing loaded. */
struct corpus;
bool cli_load_corpus(const struct cli *cli, size_t first, struct corpus *c);
/* "qari: ID: no such article" (or more than one has that prefix) on stderr; returns 1. */
int cli_no_article(const char *id, bool ambiguous);
/* The same from a list of paths (the config file's default corpus). */
bool cli_load_corpus_paths(char *const *paths, size_t n, struct corpus *c);
/* The index of a loaded corpus, built now on every core, with the entity cache unless
 * --no-cache; says on stderr when the cache could not be written. */
struct corpus_index;
void cli_index_corpus(const struct cli *cli, const struct corpus *c, struct corpus_index *x);

/* Each subcommand's entry (cmd_*.c), and the reader (loop.c). */
extern const struct cmd_entry cmd_list_entry, cmd_show_entry, cmd_layout_entry;
extern const struct cmd_entry cmd_search_entry;
extern const struct cmd_entry cmd_train_ner_entry, cmd_ner_eval_entry, cmd_ner_split_entry,
	cmd_ner_clusters_entry;
/* cmd_ner_eval.c: P/R/F1 per type and overall (ner-eval, and train-ner on DEV). */
struct ner_score;
void cmd_ner_eval_print(FILE *f, const struct ner_score *s);
extern const struct cmd_entry cmd_tag_entry;
extern const struct cmd_entry cmd_entities_entry, cmd_eval_entities_entry;
extern const struct cmd_entry cmd_related_entry, cmd_eval_related_entry;
int reader_run(const struct cli *cli); /* loop.c */
extern const struct cmd_entry cmd_bench_entry;
extern const struct cmd_entry cmd_import_entry; /* cmd_import.c */
struct store;
/* cmd_import.c: the store with its tagger (tag: entities found at ingest); NULL after a
 * message on stderr. And "qari: WHAT: MESSAGE" on stderr, made safe for the terminal. */
struct store *cli_open_store(bool tag);
/* cmd_list.c: the store that `list` and `search` read when no PATH follows args[first]: the
 * default one when it exists and holds articles; NULL otherwise (a message on stderr when it
 * exists but cannot be opened). */
struct store *cli_store_for_reading(const struct cli *cli, size_t first);
void cli_print_error(const char *what, const char *message);
extern const struct cmd_entry cmd_fetch_entry; /* cmd_fetch.c */
extern const struct cmd_entry cmd_add_entry, cmd_import_opml_entry, cmd_export_opml_entry;
struct subs;
struct config;
struct fetch_opts;
/* cmd_fetch.c: the subscriptions (problems on stderr; false: none); fetch options and
 * retention from the config file (config_free it). */
bool cli_read_subs(struct subs *subs);
void cli_fetch_config(struct config *cfg, struct fetch_opts *o);

#endif
