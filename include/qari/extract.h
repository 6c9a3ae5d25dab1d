/* extract.h - the main text of a web page, for articles whose feed carries only a summary.
 *
 * libxml2's HTML parser builds the tree; scripts, styles, forms, navigation, headers,
 * footers, asides, comments and elements whose class or id names furniture (menu, share,
 * related, comment, advert…) are dropped; every paragraph scores its container by its text
 * (links count against it: text density), and the best container's paragraphs, headings, list
 * items and quotes are the text, in reading order. */
#ifndef QARI_EXTRACT_H
#define QARI_EXTRACT_H

#include <stddef.h>

/* Paragraphs of the page's main text (UTF-8 in, trimmed UTF-8 out; the caller frees each
 * and the array). Returns how many; 0 when no text stands out. */
size_t extract_main_text(const char *html, size_t len, char ***paras);

#endif
