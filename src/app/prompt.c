/* prompt.c - the search line: code points in, UTF-8 kept, a cursor and a history. */
#include "qari/prompt.h"

#include <stdlib.h>
#include <string.h>

#include "qari/text.h"
#include "qari/xalloc.h"

static bool prompt_is_cont(const struct prompt *p, size_t i)
{
	return i < p->len && ((unsigned char)p->buf[i] & 0xC0) == 0x80;
}

static size_t prompt_prev(const struct prompt *p, size_t i)
{
	if (i == 0)
		return 0;
	do
		i--;
	while (i > 0 && prompt_is_cont(p, i));
	return i;
}

static size_t prompt_next(const struct prompt *p, size_t i)
{
	if (i >= p->len)
		return p->len;
	do
		i++;
	while (prompt_is_cont(p, i));
	return i;
}

/* Remove bytes [from, to) of the line; the cursor goes to from. */
static bool prompt_cut(struct prompt *p, size_t from, size_t to)
{
	if (from >= to)
		return false;
	memmove(p->buf + from, p->buf + to, p->len - to + 1);
	p->len -= to - from;
	p->cur = from;
	return true;
}

static bool prompt_blank_before(const struct prompt *p, size_t i)
{
	return i > 0 && (p->buf[i - 1] == ' ' || p->buf[i - 1] == '\t');
}

/* The start of the word before the cursor, as a shell's Ctrl-W finds it. */
static size_t prompt_word_start(const struct prompt *p)
{
	size_t i = p->cur;
	while (prompt_blank_before(p, i))
		i--;
	while (i > 0 && !prompt_blank_before(p, i))
		i = prompt_prev(p, i);
	return i;
}

void prompt_clear(struct prompt *p)
{
	p->len = p->cur = 0;
	p->buf[0] = '\0';
	p->hpos = p->nhist;
	free(p->draft);
	p->draft = NULL;
}

void prompt_set(struct prompt *p, const char *s)
{
	size_t n = strlen(s);
	if (n >= sizeof p->buf)
		n = 0; /* only our own lines come here, all shorter */
	memcpy(p->buf, s, n);
	p->buf[n] = '\0';
	p->len = p->cur = n;
}

bool prompt_insert(struct prompt *p, uint32_t c)
{
	char b[4];
	size_t n;

	if (c < 0x20 || (c >= 0x7F && c < 0xA0) || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return false; /* controls never enter a query */
	n = text_encode(c, b);
	if (p->len + n >= sizeof p->buf)
		return false;
	memmove(p->buf + p->cur + n, p->buf + p->cur, p->len - p->cur + 1);
	memcpy(p->buf + p->cur, b, n);
	p->len += n;
	p->cur += n;
	return true;
}

/* Up and Down: the line being typed is kept as a draft while older lines are shown. */
static bool prompt_history_move(struct prompt *p, bool up)
{
	if (up ? p->hpos == 0 : p->hpos >= p->nhist)
		return false;
	if (p->hpos == p->nhist) {
		free(p->draft);
		p->draft = xstrdup(p->buf);
	}
	p->hpos += up ? -1 : 1;
	prompt_set(p, p->hpos < p->nhist ? p->hist[p->hpos] : p->draft ? p->draft : "");
	return true;
}

bool prompt_edit(struct prompt *p, enum prompt_edit e)
{
	switch (e) {
	case PROMPT_LEFT: p->cur = prompt_prev(p, p->cur); return false;
	case PROMPT_RIGHT: p->cur = prompt_next(p, p->cur); return false;
	case PROMPT_HOME: p->cur = 0; return false;
	case PROMPT_END: p->cur = p->len; return false;
	case PROMPT_BACKSPACE: return prompt_cut(p, prompt_prev(p, p->cur), p->cur);
	case PROMPT_DELETE: return prompt_cut(p, p->cur, prompt_next(p, p->cur));
	case PROMPT_KILL_START: return prompt_cut(p, 0, p->cur);
	case PROMPT_KILL_END: {
		size_t cur = p->cur;
		bool changed = prompt_cut(p, p->cur, p->len);
		p->cur = cur;
		return changed;
	}
	case PROMPT_KILL_WORD: return prompt_cut(p, prompt_word_start(p), p->cur);
	case PROMPT_HISTORY_UP: return prompt_history_move(p, true);
	case PROMPT_HISTORY_DOWN: return prompt_history_move(p, false);
	}
	return false;
}

void prompt_remember(struct prompt *p)
{
	if (text_is_blank(p->buf, p->len) ||
	    (p->nhist && strcmp(p->hist[p->nhist - 1], p->buf) == 0)) {
		p->hpos = p->nhist;
		return;
	}
	if (p->nhist == PROMPT_HISTORY) {
		free(p->hist[0]);
		memmove(p->hist, p->hist + 1, (PROMPT_HISTORY - 1) * sizeof *p->hist);
		p->nhist--;
	}
	p->hist[p->nhist++] = xstrdup(p->buf);
	p->hpos = p->nhist;
}

void prompt_free(struct prompt *p)
{
	for (size_t i = 0; i < p->nhist; i++)
		free(p->hist[i]);
	free(p->draft);
	memset(p, 0, sizeof *p);
}
