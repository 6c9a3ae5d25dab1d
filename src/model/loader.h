/* loader.h - what the format loaders share with corpus.c (private to src/model).
 *
 * Every loader takes one buffer (a file or an archive member) and adds its articles to the
 * corpus; problems become one report line per file, dropped items are counted with a reason. */
#ifndef QARI_MODEL_LOADER_H
#define QARI_MODEL_LOADER_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

#include "qari/corpus.h"

void load_json(struct corpus *c, const char *name, const char *data, size_t len);
void load_jsonl(struct corpus *c, const char *name, const char *data, size_t len);
void load_feed(struct corpus *c, const char *name, const char *data, size_t len);
/* Containers: each member goes back through corpus_load_buffer and counts as a file. */
void load_archive(struct corpus *c, const char *name, const char *data, size_t len);

/* Add the index-th item (from 1) of a file holding many: without a URL its id key is
 * "PATH#INDEX", so items of one file never share an id. */
void corpus_add_item(struct corpus *c, struct article *a, size_t index);
/* What a loading thread tells the loaders about the corpus they fill (corpus->job). */
struct corpus_job {
	size_t id_root;            /* bytes of each path left out of its id key (see article.h) */
	const atomic_bool *cancel; /* the load was cancelled: stop between items */
	struct corpus_loader *loader; /* where batches of a big file go before it ends */
	size_t step;               /* the file's step in the loader's plan */
	size_t batch;              /* articles per batch; 0: all at the end */
};
/* True when the load filling c was cancelled: loaders stop between items, and what they
 * built is thrown away. */
bool corpus_cancelled(const struct corpus *c);
/* Hand the articles of c (a file still loading) to the loader as one batch; c keeps none. */
void corpus_loader_publish(struct corpus *c);
/* Read one file and load it into c; a file that cannot be read is reported. */
void corpus_load_file(struct corpus *c, const char *path);

/* True when the name's extension is a format qari reads (folder walks skip the rest). */
bool corpus_format_known(const char *name);

/* Items of one file dropped for one reason: counted at once, reported once per file. */
struct load_skips {
	size_t n;     /* items dropped */
	size_t first; /* index (from 1) of the first */
};
void load_skip(struct corpus *c, struct load_skips *s, size_t index);
/* An item with no text: counted apart from problems. */
void load_empty(struct corpus *c);
void load_skips_report(struct corpus *c, const char *name, const struct load_skips *s,
		       const char *why);

/* What one file given to corpus_load_buffer may cost, with everything inside it: bytes
 * unpacked from archives at any depth, archive members, paragraphs. A small file must not
 * become gigabytes of articles (zip bombs, nested archives, millions of one-letter lines).
 * Kept per loading thread from the outermost corpus_load_buffer; what is over budget is left
 * out and the file reported once, by name, when it ends. */
#define LOAD_BUDGET_UNPACK_MIN ((size_t)64 << 20) /* unpacked bytes, whatever the file */
#define LOAD_BUDGET_UNPACK_RATIO 32               /* ... or this many times its size */
#define LOAD_BUDGET_MEMBERS 200000                /* archive members, nested ones included */
#define LOAD_BUDGET_PARAS 65536                   /* paragraphs, plus one per ... */
#define LOAD_BUDGET_PARA_BYTES 32                 /* ... this many bytes read or unpacked */
#define LOAD_BUDGET_ARTICLE_PARAS 20000           /* paragraphs of one article: its layout */
#define LOAD_BUDGET_ITEM_PARAS 8                  /* an article costs as much as 8 paragraphs */
/* Start (the outermost buffer) or nest a buffer; load_budget_end reports and resets. */
void load_budget_begin(const char *name, size_t len);
void load_budget_end(struct corpus *c);
/* Charge n unpacked bytes / one archive member: false (the budget is spent) when over. */
bool load_budget_unpack(size_t n);
/* Bytes that may still be unpacked (SIZE_MAX outside corpus_load_buffer). */
size_t load_budget_unpack_left(void);
bool load_budget_member(void);
/* Charge one paragraph of an article that has npara (article.c): false when the file has
 * had its share, or the article. Always true outside corpus_load_buffer. */
bool load_budget_para(size_t npara);
/* Charge one article (corpus.c): false when the file has had its share. */
bool load_budget_item(void);
/* True once the budget of the file loading now is spent: loaders stop between items. */
bool load_budget_spent(void);

/* Line and column (from 1, column in characters) of byte offset off in data. */
void load_where(const char *data, size_t len, size_t off, size_t *line, size_t *col);

#endif
