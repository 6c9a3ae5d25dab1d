/* test_prompt.c - the search line edits like a shell's: cursor, kills, history. */
#include "check.h"
#include "qari/prompt.h"

static void type(struct prompt *p, const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	while (*u) {
		uint32_t c = *u++;
		if (c >= 0xC0) { /* two- and three-byte sequences are enough here */
			int more = c >= 0xE0 ? 2 : 1;
			c &= more == 2 ? 0x0F : 0x1F;
			while (more--)
				c = c << 6 | (*u++ & 0x3F);
		}
		prompt_insert(p, c);
	}
}

static void test_cursor_moves_by_code_point(void)
{
	struct prompt p = {0};

	type(&p, "سلام");
	CHECK_INT(p.cur, 8);
	prompt_edit(&p, PROMPT_LEFT);
	CHECK_INT(p.cur, 6);
	prompt_edit(&p, PROMPT_HOME);
	CHECK_INT(p.cur, 0);
	prompt_edit(&p, PROMPT_LEFT);
	CHECK_INT(p.cur, 0);
	prompt_edit(&p, PROMPT_RIGHT);
	CHECK_INT(p.cur, 2);
	type(&p, "x");
	CHECK_STR(p.buf, "سxلام");
	CHECK(prompt_edit(&p, PROMPT_BACKSPACE));
	CHECK_STR(p.buf, "سلام");
	CHECK(prompt_edit(&p, PROMPT_DELETE));
	CHECK_STR(p.buf, "سام");
	prompt_edit(&p, PROMPT_END);
	CHECK_INT(p.cur, p.len);
	CHECK(!prompt_edit(&p, PROMPT_DELETE));
	CHECK(!prompt_insert(&p, 0x1B)); /* controls never enter */
	CHECK(!prompt_insert(&p, 0x9B));
	CHECK_STR(p.buf, "سام");
	prompt_free(&p);
}

static void test_kills(void)
{
	struct prompt p = {0};

	type(&p, "وزير  الخارجية  ");
	CHECK(prompt_edit(&p, PROMPT_KILL_WORD));
	CHECK_STR(p.buf, "وزير  ");
	CHECK(prompt_edit(&p, PROMPT_KILL_WORD));
	CHECK_STR(p.buf, "");
	CHECK(!prompt_edit(&p, PROMPT_KILL_WORD));
	type(&p, "one two three");
	for (int i = 0; i < 6; i++)
		prompt_edit(&p, PROMPT_LEFT);
	CHECK(prompt_edit(&p, PROMPT_KILL_END));
	CHECK_STR(p.buf, "one two");
	CHECK_INT(p.cur, 7);
	prompt_edit(&p, PROMPT_LEFT);
	prompt_edit(&p, PROMPT_LEFT);
	prompt_edit(&p, PROMPT_LEFT);
	CHECK(prompt_edit(&p, PROMPT_KILL_START));
	CHECK_STR(p.buf, "two");
	CHECK_INT(p.cur, 0);
	prompt_free(&p);
}

static void test_history(void)
{
	struct prompt p = {0};

	CHECK(!prompt_edit(&p, PROMPT_HISTORY_UP)); /* nothing yet */
	type(&p, "الهلال");
	prompt_remember(&p);
	prompt_clear(&p);
	type(&p, "النصر");
	prompt_remember(&p);
	prompt_remember(&p); /* the same line twice is kept once */
	prompt_clear(&p);
	type(&p, "  ");
	prompt_remember(&p); /* a blank line is not kept */
	CHECK_INT(p.nhist, 2);
	prompt_clear(&p);
	type(&p, "draft");
	CHECK(prompt_edit(&p, PROMPT_HISTORY_UP));
	CHECK_STR(p.buf, "النصر");
	CHECK(prompt_edit(&p, PROMPT_HISTORY_UP));
	CHECK_STR(p.buf, "الهلال");
	CHECK_INT(p.cur, p.len);
	CHECK(!prompt_edit(&p, PROMPT_HISTORY_UP));
	CHECK(prompt_edit(&p, PROMPT_HISTORY_DOWN));
	CHECK(prompt_edit(&p, PROMPT_HISTORY_DOWN));
	CHECK_STR(p.buf, "draft"); /* the line being typed comes back */
	CHECK(!prompt_edit(&p, PROMPT_HISTORY_DOWN));
	for (int i = 0; i < PROMPT_HISTORY + 5; i++) {
		char line[16];
		snprintf(line, sizeof line, "q%d", i);
		prompt_set(&p, line);
		prompt_remember(&p);
	}
	CHECK_INT(p.nhist, PROMPT_HISTORY);
	CHECK_STR(p.hist[PROMPT_HISTORY - 1], "q104");
	CHECK_STR(p.hist[0], "q5");
	prompt_free(&p);
}

int main(void)
{
	test_cursor_moves_by_code_point();
	test_kills();
	test_history();
	return check_done();
}
