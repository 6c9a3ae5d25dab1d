/* xalloc.c - allocation that dies on failure, giving freed pages back, and a small string buffer. */
#include "qari/xalloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __GLIBC__ /* defined by the headers above */
#include <malloc.h>
#endif

static void (*xalloc_fatal_hook)(void);

void fatal_set_hook(void (*hook)(void)) { xalloc_fatal_hook = hook; }

_Noreturn void fatal(const char *fmt, ...)
{
	va_list ap;
	if (xalloc_fatal_hook)
		xalloc_fatal_hook();
	fputs("qari: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(2);
}

void *xmalloc(size_t size)
{
	void *p;
	if (size == 0)
		fatal("xmalloc: zero size");
	if ((p = malloc(size)) == NULL)
		fatal("out of memory allocating %zu bytes", size);
	return p;
}

void *xcalloc(size_t nmemb, size_t size)
{
	void *p;
	if (nmemb == 0 || size == 0)
		fatal("xcalloc: zero size");
	if ((p = calloc(nmemb, size)) == NULL)
		fatal("out of memory allocating %zu x %zu bytes", nmemb, size);
	return p;
}

void *xreallocarray(void *ptr, size_t nmemb, size_t size)
{
	void *p;
	if (nmemb == 0 || size == 0)
		fatal("xreallocarray: zero size");
	if (SIZE_MAX / nmemb < size)
		fatal("xreallocarray: %zu x %zu overflows", nmemb, size);
	if ((p = realloc(ptr, nmemb * size)) == NULL)
		fatal("out of memory allocating %zu x %zu bytes", nmemb, size);
	return p;
}

char *xstrdup(const char *s) { return xstrndup(s, strlen(s)); }

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *xvasprintf(const char *fmt, va_list ap)
{
	va_list copy;
	char small[256], *p;
	int n;
	/* most messages fit on the stack: one formatting pass, and no vsnprintf(NULL, 0), which
	 * GCC's -O2 with ASan takes for a write through a null pointer */
	va_copy(copy, ap);
	n = vsnprintf(small, sizeof small, fmt, copy);
	va_end(copy);
	if (n < 0)
		fatal("xvasprintf: bad format");
	p = xmalloc((size_t)n + 1);
	if ((size_t)n < sizeof small)
		memcpy(p, small, (size_t)n + 1);
	else
		vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *p;
	va_start(ap, fmt);
	p = xvasprintf(fmt, ap);
	va_end(ap);
	return p;
}

void xfree(void *pp)
{
	void **p = pp;
	free(*p);
	*p = NULL;
}

void xgrow(void *ptrp, size_t *cap, size_t need, size_t size)
{
	void **ptr = ptrp;
	size_t ncap;
	if (need <= *cap)
		return;
	ncap = *cap ? *cap : 8;
	while (ncap < need) {
		if (ncap > SIZE_MAX / 2)
			fatal("xgrow: size overflows");
		ncap *= 2;
	}
	*ptr = xreallocarray(*ptr, ncap, size);
	*cap = ncap;
}

void strbuf_append(struct strbuf *sb, const char *s, size_t n)
{
	xgrow(&sb->data, &sb->cap, sb->len + n + 1, 1);
	memcpy(sb->data + sb->len, s, n);
	sb->len += n;
	sb->data[sb->len] = '\0';
}

void strbuf_appendc(struct strbuf *sb, char c) { strbuf_append(sb, &c, 1); }

void strbuf_printf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	char *s;
	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	strbuf_append(sb, s, strlen(s));
	free(s);
}

char *strbuf_take(struct strbuf *sb)
{
	char *s = sb->data ? sb->data : xstrdup("");
	/* what is taken usually lives on (article text, the search index): give back the
	 * doubling's slack, up to half the block */
	if (sb->data && sb->cap > sb->len + sb->len / 8 + 64)
		s = xreallocarray(s, sb->len + 1, 1);
	sb->data = NULL;
	sb->len = sb->cap = 0;
	return s;
}

void strbuf_free(struct strbuf *sb)
{
	free(sb->data);
	sb->data = NULL;
	sb->len = sb->cap = 0;
}

void xqsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
	if (n > 1)
		qsort(base, n, size, cmp);
}

void xtrim(void)
{
#ifdef __GLIBC__
	malloc_trim(0);
#endif
}

void xhold_malloc_thresholds(void)
{
#ifdef __GLIBC__
	mallopt(M_MMAP_THRESHOLD, 128 * 1024);
	mallopt(M_TRIM_THRESHOLD, 128 * 1024);
#endif
}
