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
	if (c < 0x80)
		b[0] = (char)c, n = 1;
	else if (c < 0x800)
		b[0] = (char)(0xC0 | (c >> 6)), b[1] = (char)(0x80 | (c & 0x3F)), n = 2;
	else if (c < 0x10000)
		b[0] = (char)(0xE0 | (c >> 12)), b[1] = (char)(0x80 | ((c >> 6) & 0x3F)),
		b[2] = (char)(0x80 | (c & 0x3F)), n = 3;
	else
		b[0] = (char)(0xF0 | (c >> 18)), b[1] = (char)(0x80 | ((c >> 12) & 0x3F)),
		b[2] = (char)(0x80 | ((c >> 6) & 0x3F)), b[3] = (char)(0x80 | (c & 0x3F)), n = 4;
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
