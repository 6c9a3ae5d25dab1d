/* load_feed.c - RSS and Atom feeds (stub). */
#include "loader.h"

void load_feed(struct corpus *c, const char *name, const char *data, size_t len)
{
	(void)data;
	(void)len;
	load_report_add(&c->report, "%s: feeds are not read yet", name);
}
