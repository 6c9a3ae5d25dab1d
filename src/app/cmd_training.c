/* cmd_training.c - the training commands' options (cmd_training.h), parsed into their own
 * struct: in the static library qari_cli, as qari checks them and qari-train keeps them. */
#include "cmd_training.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char train_options_error[80]; /* a message naming the option */

/* A penalty of the CRF trainer: a finite number ≥ 0. */
static bool train_options_penalty(const char *v, double *out)
{
	char *end;
	double x = strtod(v, &end);
	if (*v == '\0' || *end != '\0' || !(x >= 0) || x > 1e6)
		return false;
	*out = x;
	return true;
}

bool train_options_set(void *opts, enum cli_option bit, const char *name, const char *value,
		       const char **error)
{
	struct train_options *o = opts;
	char *end;

	switch (bit) {
	case CLI_OPT_OUTPUT: o->output = value; return true;
	case CLI_OPT_SEED:
		o->seed = strtoul(value, &end, 10);
		if (*value == '\0' || *end != '\0')
			return *error = "--seed takes a number", false;
		return true;
	case CLI_OPT_PENALTY:
		if (!train_options_penalty(value, strcmp(name, "--c1") == 0 ? &o->c1 : &o->c2)) {
			snprintf(train_options_error, sizeof train_options_error,
				 "%s takes a number of at least 0", name);
			return *error = train_options_error, false;
		}
		return true;
	default:
		return true; /* not one of TRAIN_OPTIONS: cli_parse gives it none */
	}
}
