/* cmd_layout.c - `qari layout`: plain text, one paragraph per line, to the visual lines the
 * reading pane would draw. The rendering layer's contract, for tests and benchmarks. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "qari/layout.h"
#include "qari/text.h"
#include "qari/xalloc.h"

#define CMD_LAYOUT_WIDTH 80

static void cmd_layout_para(const char *s, size_t n, const struct layout_opts *o, int width,
			    bool logical, struct strbuf *out)
{
	struct layout_para lp = {0};

	layout_paragraph(s, n, o, width, &lp);
	for (size_t i = 0; i < lp.nlines; i++) {
		const struct layout_line *l = &lp.lines[i];
		if (logical) {
			const char *slice = s + l->lbeg;
			size_t len = l->lend - l->lbeg;
			text_trim(&slice, &len);
			text_neutralize_into(out, slice, len);
		} else
			layout_line_to_utf8(l, true, out);
		strbuf_appendc(out, '\n');
	}
	layout_para_free(&lp);
}

static char *cmd_layout_read(FILE *f, size_t *len)
{
	struct strbuf sb = {0};
	char buf[65536];
	size_t k;
	while ((k = fread(buf, 1, sizeof buf, f)) > 0)
		strbuf_append(&sb, buf, k);
	*len = sb.len;
	return strbuf_take(&sb);
}

static int cmd_layout_exec(const struct cli *cli)
{
	const char *name = cli->nargs > 0 ? cli->args[0] : "-";
	FILE *f = strcmp(name, "-") == 0 ? stdin : fopen(name, "rb");
	struct layout_opts o = cli_layout_opts(cli);
	struct strbuf out = {0};
	size_t len, start = 0;
	bool first = true;
	char *data;

	if (f == NULL) {
		char *n = text_neutralize(name);
		fprintf(stderr, "qari: %s: %s\n", n, strerror(errno));
		free(n);
		return 1;
	}
	data = cmd_layout_read(f, &len);
	if (f != stdin)
		fclose(f);
	for (size_t i = 0; i <= len; i++) {
		if (i < len && data[i] != '\n')
			continue;
		const char *s = data + start;
		size_t n = i - start;
		start = i + 1;
		if (n > 0 && s[n - 1] == '\r')
			n--;
		text_trim(&s, &n);
		if (n == 0)
			continue;
		if (!first)
			strbuf_appendc(&out, '\n');
		first = false;
		cmd_layout_para(s, n, &o, cli->width ? cli->width : CMD_LAYOUT_WIDTH, cli->logical, &out);
		if (out.len > (1u << 20)) {
			fwrite(out.data, 1, out.len, stdout);
			out.len = 0;
		}
	}
	fwrite(out.data ? out.data : "", 1, out.len, stdout);
	strbuf_free(&out);
	free(data);
	return 0;
}

const struct cmd_entry cmd_layout_entry = {
	.name = "layout",
	.usage = "[--width N] [--dir auto|rtl|ltr] [--logical] [FILE|-]",
	.summary = "plain text, a paragraph per line → the visual lines the reading pane draws",
	.exec = cmd_layout_exec,
	.options = CLI_OPT_WIDTH | CLI_OPT_LAYOUT | CLI_OPT_LOGICAL,
};
