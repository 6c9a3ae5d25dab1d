/* fetch.h - fetching feeds over HTTP(S) with libcurl's multi interface: every request in
 * parallel (a few connections per host), connect and total timeouts, a cap on the decoded
 * size (so a gzip bomb stops at the cap), a few redirects (http and https only), gzip,
 * deflate and brotli, the proxy variables (http_proxy, https_proxy, no_proxy), TLS
 * verification always on, "User-Agent: qari/VERSION", and conditional requests
 * (If-None-Match, If-Modified-Since): a 304 is "not modified" and has no body.
 * Only src/model/fetch*.c use libcurl.
 *
 * Charsets (fetch_charset.c): a body is turned into UTF-8 by the charset of the
 * Content-Type header, else a byte-order mark, the XML declaration or an HTML meta, with
 * iconv; the declaration is then rewritten to say UTF-8, so parsers never guess again. */
#ifndef QARI_FETCH_H
#define QARI_FETCH_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define FETCH_MAX_BYTES (8u << 20) /* a feed larger than this, decoded, is an error */
#define FETCH_MAX_REDIRECTS 5
#define FETCH_PER_HOST 2

struct fetch_opts {
	long connect_timeout_ms; /* 0: 10 s */
	long timeout_ms;         /* the whole transfer; 0: 30 s */
	size_t max_bytes;        /* 0: FETCH_MAX_BYTES */
	int per_host;            /* 0: FETCH_PER_HOST */
};

struct fetch_request {
	const char *url;
	const char *etag, *last_modified; /* of the last 200, or NULL */
};

enum fetch_outcome {
	FETCH_OK,           /* 2xx with a body */
	FETCH_NOT_MODIFIED, /* 304 */
	FETCH_FAILED,       /* see error */
};

struct fetch_result {
	enum fetch_outcome outcome;
	long status;             /* the final HTTP status, 0: none */
	char *error;             /* FETCH_FAILED: what went wrong, one line */
	char *body;              /* FETCH_OK: as sent (decompressed), NUL-terminated */
	size_t len;
	char *content_type;      /* the header's value, or NULL */
	char *etag, *last_modified; /* validators to keep, or NULL */
	char *final_url;         /* after redirects */
	int64_t retry_after;     /* seconds the server asked to wait (503, 429), 0: none */
};

/* Called on fetch_all's thread as each request finishes, in any order; it owns r. */
typedef void fetch_done_fn(void *ctx, size_t i, struct fetch_result *r);

/* Fetch every request (NULL opts: the defaults); returns when all are done, or soon after
 * *cancel turns true (the rest finish as failed). cancel may be NULL. */
void fetch_all(const struct fetch_request *reqs, size_t n, const struct fetch_opts *opts,
	       fetch_done_fn *done, void *ctx, atomic_bool *cancel);
void fetch_result_free(struct fetch_result *r);
const char *fetch_user_agent(void); /* "qari/VERSION" */

/* The body as UTF-8 (caller frees, *out_len bytes, NUL-terminated): by the charset of the
 * content type (may be NULL), else the BOM, the XML declaration or an HTML meta. NULL with
 * *error when the charset is unknown to iconv or the bytes are not in it. */
char *fetch_to_utf8(const char *body, size_t len, const char *content_type, size_t *out_len,
		    char **error);
/* The charset that decides, lower case (caller frees); NULL: UTF-8 by default. */
char *fetch_charset(const char *body, size_t len, const char *content_type);

/* A web page's feed: the href of its first <link rel="alternate"
 * type="application/rss+xml|atom+xml">, resolved against base (caller frees), NULL: none. */
char *fetch_discover_feed(const char *html, size_t len, const char *base);
/* Does the body look like a web page rather than a feed? */
bool fetch_is_html(const char *body, size_t len, const char *content_type);

#endif
