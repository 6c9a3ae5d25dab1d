/* prompt.c - the search line: code points in, UTF-8 kept, one code point out per Backspace. */
#include "qari/app.h"

#include <string.h>

#include "qari/text.h"

void prompt_clear(struct prompt *p)
{
	p->len = 0;
	p->buf[0] = '\0';
}

bool prompt_insert(struct prompt *p, wint_t ch)
{
	char b[4];
	size_t n;
	uint32_t c = (uint32_t)ch;

	if (c < 0x20 || (c >= 0x7F && c < 0xA0) || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return false; /* controls never enter a query */
	n = text_encode(c, b);
	if (p->len + n >= sizeof p->buf)
		return false;
	memcpy(p->buf + p->len, b, n);
	p->len += n;
	p->buf[p->len] = '\0';
	return true;
}

bool prompt_backspace(struct prompt *p)
{
	if (p->len == 0)
		return false;
	do
		p->len--;
	while (p->len > 0 && ((unsigned char)p->buf[p->len] & 0xC0) == 0x80);
	p->buf[p->len] = '\0';
	return true;
}
