/* fuzz_feed.c - the RSS and Atom loader (load_feed.c, libxml2) and the HTML it holds.
 *
 * Input: any bytes, loaded as "fuzz.xml". Invariants: what fuzz_check_corpus checks of every
 * loader; every article has a paragraph; nothing is fetched: libxml2's external entity loader
 * (DTDs, external entities, XInclude) is wrapped, and whatever it is asked gives nothing; and
 * any socket opened in this process aborts (a feed never reaches the network). */
#include <string.h>
#include <sys/socket.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include "fuzz.h"
#include "qari/corpus.h"
#include "qari/html.h"

static xmlExternalEntityLoader fuzz_feed_qari_loader;

/* qari's loader, watched: it must never hand libxml2 anything to read. */
static xmlParserInputPtr fuzz_feed_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	xmlParserInputPtr in = fuzz_feed_qari_loader(url, id, ctxt);
	FUZZ_CHECK(in == NULL);
	return in;
}

/* Shadows libc's socket(2) in this program: libxml2's nanohttp and nanoftp would call it. */
int socket(int domain, int type, int protocol)
{
	(void)domain;
	(void)type;
	(void)protocol;
	fuzz_fail(__FILE__, __LINE__, "a socket was opened while loading a feed");
}

static void fuzz_feed_watch(void)
{
	html_init(); /* installs qari's loader first */
	if (fuzz_feed_qari_loader == NULL) {
		fuzz_feed_qari_loader = xmlGetExternalEntityLoader();
		xmlSetExternalEntityLoader(fuzz_feed_loader);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct corpus c;

	fuzz_feed_watch();
	corpus_init(&c);
	corpus_load_buffer(&c, "fuzz.xml", (const char *)data, size);
	fuzz_check_corpus(&c, "fuzz.xml");
	FUZZ_CHECK(c.report.files_loaded + c.report.files_skipped == 1);
	for (size_t i = 0; i < c.n; i++)
		FUZZ_CHECK(c.items[i]->npara >= 1);
	corpus_free(&c);
	return 0;
}
