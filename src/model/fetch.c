/* fetch.c - many feeds at once over libcurl's multi interface, each request an easy handle
 * whose body and headers are collected here. */
#include "qari/fetch.h"

#include <curl/curl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "qari/xalloc.h"

#define FETCH_CONNECT_MS 10000
#define FETCH_TIMEOUT_MS 30000
#define FETCH_MAX_TOTAL 16 /* connections at once, all hosts */

struct fetch_transfer {
	CURL *easy;
	size_t index;
	char *host;      /* for the per-host limit, "" when the URL has none */
	bool started;    /* handed to curl: its timeouts run from then */
	struct curl_slist *headers;
	struct strbuf body;
	size_t max_bytes;
	bool too_big;
	char *etag, *last_modified, *content_type; /* of the last response (after redirects) */
	char errbuf[CURL_ERROR_SIZE];
};

static pthread_once_t fetch_once = PTHREAD_ONCE_INIT;

static void fetch_global_init(void) { curl_global_init(CURL_GLOBAL_DEFAULT); }

const char *fetch_user_agent(void) { return "qari/" QARI_VERSION; }

static size_t fetch_write(char *p, size_t size, size_t n, void *arg)
{
	struct fetch_transfer *t = arg;
	size_t len = size * n;
	if (t->body.len + len > t->max_bytes) {
		t->too_big = true;
		return 0; /* curl stops with CURLE_WRITE_ERROR */
	}
	strbuf_append(&t->body, p, len);
	return len;
}

/* A header's value, trimmed (caller frees). */
static char *fetch_header_value(const char *line, size_t len, size_t name_len)
{
	const char *v = line + name_len, *end = line + len;
	while (v < end && (*v == ' ' || *v == '\t'))
		v++;
	while (end > v && (end[-1] == '\r' || end[-1] == '\n' || end[-1] == ' '))
		end--;
	return xstrndup(v, (size_t)(end - v));
}

static size_t fetch_header(char *p, size_t size, size_t n, void *arg)
{
	struct fetch_transfer *t = arg;
	size_t len = size * n;

	if (len >= 5 && memcmp(p, "HTTP/", 5) == 0) { /* a new response: a redirect's are dropped */
		xfree(&t->etag);
		xfree(&t->last_modified);
		xfree(&t->content_type);
	} else if (len > 5 && strncasecmp(p, "ETag:", 5) == 0) {
		free(t->etag);
		t->etag = fetch_header_value(p, len, 5);
	} else if (len > 14 && strncasecmp(p, "Last-Modified:", 14) == 0) {
		free(t->last_modified);
		t->last_modified = fetch_header_value(p, len, 14);
	} else if (len > 13 && strncasecmp(p, "Content-Type:", 13) == 0) {
		free(t->content_type);
		t->content_type = fetch_header_value(p, len, 13);
	}
	return len;
}

static bool fetch_header_ok(const char *v)
{
	return v && *v && strpbrk(v, "\r\n") == NULL && strlen(v) < 1024;
}

/* The host of a URL (lower case as curl gives it), "" when there is none. */
static char *fetch_host(const char *url)
{
	CURLU *u = curl_url();
	char *host = NULL, *out;
	if (u && curl_url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK)
		curl_url_get(u, CURLUPART_HOST, &host, 0);
	out = xstrdup(host ? host : "");
	curl_free(host);
	curl_url_cleanup(u);
	return out;
}

/* A transfer ready to go (fetch_schedule hands it to curl). */
static struct fetch_transfer *fetch_start(const struct fetch_request *r, size_t i,
					  const struct fetch_opts *o)
{
	struct fetch_transfer *t = xcalloc(1, sizeof *t);
	CURL *e = curl_easy_init();

	if (e == NULL)
		fatal("curl_easy_init failed");
	t->easy = e;
	t->index = i;
	t->host = fetch_host(r->url);
	t->max_bytes = o->max_bytes;
	curl_easy_setopt(e, CURLOPT_URL, r->url);
	curl_easy_setopt(e, CURLOPT_PRIVATE, t);
	curl_easy_setopt(e, CURLOPT_ERRORBUFFER, t->errbuf);
	curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 1L);
	curl_easy_setopt(e, CURLOPT_MAXREDIRS, (long)FETCH_MAX_REDIRECTS);
	curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, o->connect_timeout_ms);
	curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, o->timeout_ms);
	curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)o->max_bytes);
	curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, ""); /* every decoder curl has: gzip, deflate, br */
	curl_easy_setopt(e, CURLOPT_USERAGENT, fetch_user_agent());
	curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, 1L);
	curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, 2L);
	curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, fetch_write);
	curl_easy_setopt(e, CURLOPT_WRITEDATA, t);
	curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, fetch_header);
	curl_easy_setopt(e, CURLOPT_HEADERDATA, t);
	if (fetch_header_ok(r->etag)) {
		char *h = xasprintf("If-None-Match: %s", r->etag);
		t->headers = curl_slist_append(t->headers, h);
		free(h);
	}
	if (fetch_header_ok(r->last_modified)) {
		char *h = xasprintf("If-Modified-Since: %s", r->last_modified);
		t->headers = curl_slist_append(t->headers, h);
		free(h);
	}
	t->headers = curl_slist_append(t->headers,
		"Accept: application/rss+xml, application/atom+xml, application/xml;q=0.9, "
		"text/xml;q=0.9, text/html;q=0.5, */*;q=0.1");
	curl_easy_setopt(e, CURLOPT_HTTPHEADER, t->headers);
	return t;
}

/* The outcome of a finished transfer. */
static void fetch_finish(struct fetch_transfer *t, CURLcode rc, struct fetch_result *r)
{
	char *url = NULL;
	curl_off_t retry = 0;

	memset(r, 0, sizeof *r);
	curl_easy_getinfo(t->easy, CURLINFO_RESPONSE_CODE, &r->status);
	curl_easy_getinfo(t->easy, CURLINFO_EFFECTIVE_URL, &url);
	r->final_url = url ? xstrdup(url) : NULL;
	if (curl_easy_getinfo(t->easy, CURLINFO_RETRY_AFTER, &retry) == CURLE_OK && retry > 0)
		r->retry_after = (int64_t)retry;
	if (t->too_big || rc == CURLE_FILESIZE_EXCEEDED) {
		r->outcome = FETCH_FAILED;
		r->error = xasprintf("larger than %zu bytes", t->max_bytes);
	} else if (rc != CURLE_OK) {
		r->outcome = FETCH_FAILED;
		r->error = xstrdup(t->errbuf[0] ? t->errbuf : curl_easy_strerror(rc));
	} else if (r->status == 304) {
		r->outcome = FETCH_NOT_MODIFIED;
	} else if (r->status < 200 || r->status >= 300) {
		r->outcome = FETCH_FAILED;
		r->error = xasprintf("HTTP %ld", r->status);
	} else {
		r->outcome = FETCH_OK;
		r->len = t->body.len;
		r->body = t->body.data ? strbuf_take(&t->body) : xstrdup("");
		r->etag = t->etag, t->etag = NULL;
		r->last_modified = t->last_modified, t->last_modified = NULL;
	}
	r->content_type = t->content_type, t->content_type = NULL;
}

static void fetch_transfer_free(CURLM *multi, struct fetch_transfer *t)
{
	if (t->started)
		curl_multi_remove_handle(multi, t->easy);
	curl_easy_cleanup(t->easy);
	curl_slist_free_all(t->headers);
	strbuf_free(&t->body);
	free(t->etag);
	free(t->last_modified);
	free(t->content_type);
	free(t->host);
	free(t);
}


/* Hand transfers to curl while there is room: at most per_host on a host and
 * FETCH_MAX_TOTAL in all. Queued ones wait here, so their timeouts do not run while they wait. */
static void fetch_schedule(CURLM *multi, struct fetch_transfer **tv, size_t n, int per_host)
{
	size_t active = 0;
	for (size_t i = 0; i < n; i++)
		active += tv[i] && tv[i]->started;
	for (size_t i = 0; i < n && active < FETCH_MAX_TOTAL; i++) {
		int same = 0;
		if (tv[i] == NULL || tv[i]->started)
			continue;
		for (size_t k = 0; k < n; k++)
			same += tv[k] && tv[k]->started && strcmp(tv[k]->host, tv[i]->host) == 0;
		if (same >= per_host)
			continue;
		tv[i]->started = true;
		curl_multi_add_handle(multi, tv[i]->easy);
		active++;
	}
}

/* Hand over every transfer curl says is done; tv[i] becomes NULL. */
static void fetch_collect(CURLM *multi, struct fetch_transfer **tv, fetch_done_fn *done, void *ctx)
{
	CURLMsg *m;
	int left;
	while ((m = curl_multi_info_read(multi, &left)) != NULL) {
		struct fetch_transfer *t = NULL;
		struct fetch_result r;
		size_t i;
		if (m->msg != CURLMSG_DONE)
			continue;
		curl_easy_getinfo(m->easy_handle, CURLINFO_PRIVATE, (char **)&t);
		fetch_finish(t, m->data.result, &r);
		i = t->index;
		tv[i] = NULL;
		fetch_transfer_free(multi, t);
		done(ctx, i, &r);
	}
}

void fetch_all(const struct fetch_request *reqs, size_t n, const struct fetch_opts *opts,
	       fetch_done_fn *done, void *ctx, atomic_bool *cancel)
{
	struct fetch_opts o = opts ? *opts : (struct fetch_opts){0};
	struct fetch_transfer **tv = xcalloc(n ? n : 1, sizeof *tv);
	CURLM *multi;
	int running = 1;

	pthread_once(&fetch_once, fetch_global_init);
	o.connect_timeout_ms = o.connect_timeout_ms > 0 ? o.connect_timeout_ms : FETCH_CONNECT_MS;
	o.timeout_ms = o.timeout_ms > 0 ? o.timeout_ms : FETCH_TIMEOUT_MS;
	o.max_bytes = o.max_bytes ? o.max_bytes : FETCH_MAX_BYTES;
	o.per_host = o.per_host > 0 ? o.per_host : FETCH_PER_HOST;
	multi = curl_multi_init();
	curl_multi_setopt(multi, CURLMOPT_MAX_HOST_CONNECTIONS, (long)o.per_host);
	curl_multi_setopt(multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, (long)FETCH_MAX_TOTAL);
	for (size_t i = 0; i < n; i++)
		tv[i] = fetch_start(&reqs[i], i, &o);
	for (size_t left = n; left > 0 && !(cancel && atomic_load(cancel));) {
		fetch_schedule(multi, tv, n, o.per_host);
		if (curl_multi_perform(multi, &running) != CURLM_OK)
			break;
		fetch_collect(multi, tv, done, ctx);
		left = 0;
		for (size_t i = 0; i < n; i++)
			left += tv[i] != NULL;
		if (running)
			curl_multi_poll(multi, NULL, 0, 100, NULL);
	}
	fetch_collect(multi, tv, done, ctx);
	for (size_t i = 0; i < n; i++) /* cancelled (or curl gave up): what is left fails */
		if (tv[i]) {
			struct fetch_result r = {.outcome = FETCH_FAILED, .error = xstrdup("cancelled")};
			fetch_transfer_free(multi, tv[i]);
			done(ctx, i, &r);
		}
	free(tv);
	curl_multi_cleanup(multi);
}

void fetch_result_free(struct fetch_result *r)
{
	free(r->error);
	free(r->body);
	free(r->content_type);
	free(r->etag);
	free(r->last_modified);
	free(r->final_url);
	memset(r, 0, sizeof *r);
}
