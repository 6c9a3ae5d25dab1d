/* xalloc.h - allocation that never returns NULL.
 *
 * Allocation failure is fatal (as in tmux's xmalloc.c): callers never check. A fatal hook lets
 * the UI restore the terminal before the process dies. */
#ifndef QARI_XALLOC_H
#define QARI_XALLOC_H

#include <stdarg.h>
#include <stddef.h>

void *xmalloc(size_t size);
void *xcalloc(size_t nmemb, size_t size);
void *xreallocarray(void *ptr, size_t nmemb, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

/* Free *pp and set it to NULL, so the caller's copy cannot dangle. */
void xfree(void *pp);

/* Print "qari: MESSAGE" and exit(2), after running the fatal hook (terminal restore). */
_Noreturn void fatal(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void fatal_set_hook(void (*hook)(void));

/* A growable byte buffer, always NUL-terminated once anything was appended. */
struct strbuf {
	char *data;
	size_t len, cap;
};
void strbuf_append(struct strbuf *sb, const char *s, size_t n);
void strbuf_appendc(struct strbuf *sb, char c);
void strbuf_printf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
char *strbuf_take(struct strbuf *sb); /* returns the string ("" if empty) and resets sb */
void strbuf_free(struct strbuf *sb);

/* Scratch freed in pieces between blocks that stay keeps its pages in malloc: give whole free
 * pages back to the system (glibc's malloc_trim; nothing elsewhere). */
void xtrim(void);
/* Hold glibc's mmap and trim thresholds at their 128 KB defaults for the whole process:
 * freeing a large block raises them (to 32 and 64 MB), and then the free top of a thread's
 * heap stays resident, xtrim or not (malloc_trim trims the main heap's top only). */
void xhold_malloc_thresholds(void);

/* qsort that accepts an empty (possibly NULL) array: C says qsort(NULL, 0, ...) is undefined. */
void xqsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));

/* Grow *ptr (nmemb elements of size) so index need-1 fits; doubles capacity. */
void xgrow(void *ptrp, size_t *cap, size_t need, size_t size);

#endif
