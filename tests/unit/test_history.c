/* test_history.c - the jump history behaves like a browser's. */
#include "check.h"
#include "qari/history.h"

int main(void)
{
	struct history h = {0};
	struct history_entry e;

	CHECK(!history_back(&h, &e));
	history_visit(&h, 3, 0);
	history_update_top(&h, 12); /* scrolled before jumping */
	history_visit(&h, 7, 0);
	history_visit(&h, 9, 4);
	CHECK(history_back(&h, &e));
	CHECK_INT(e.article, 7);
	CHECK(history_back(&h, &e));
	CHECK_INT(e.article, 3);
	CHECK_INT(e.top, 12); /* the position comes back */
	CHECK(!history_back(&h, &e));
	CHECK(history_forward(&h, &e));
	CHECK_INT(e.article, 7);
	/* a new visit from the middle drops the forward entries */
	history_visit(&h, 5, 0);
	CHECK(!history_forward(&h, &e));
	CHECK(history_back(&h, &e));
	CHECK_INT(e.article, 7);
	/* visiting the current article again only updates its position */
	history_visit(&h, 7, 20);
	CHECK(history_forward(&h, &e));
	CHECK_INT(e.article, 5);
	CHECK(history_back(&h, &e));
	CHECK_INT(e.top, 20);
	/* [3, 7, 5] at 7: an article's entries forgotten (its slot now holds another), the
	 * current one kept */
	history_forget(&h, 3);
	CHECK_INT(h.n, 2);
	CHECK(!history_back(&h, &e));
	CHECK(history_forward(&h, &e));
	CHECK_INT(e.article, 5);
	history_forget(&h, 5);
	CHECK_INT(h.n, 1);
	CHECK_INT(h.entries[h.pos].article, 7);
	history_free(&h);
	return check_done();
}
