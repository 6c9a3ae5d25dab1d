#!/usr/bin/env bash
# A feed file end to end: its entries listed by title, Enter opens the newest, its body shows,
# q goes back and q quits.
source "$(dirname "$0")/lib.sh"
qari=$1
feed="$(dirname "$0")/../data/feeds/atom-en.atom"
screens="$(dirname "$0")/screens"

e2e_start 120 32 "$qari" "$feed"
e2e_check "newest entry listed" e2e_wait "HTML content entry"
e2e_check "other entries listed" e2e_wait "XHTML entry"
e2e_check "undated entry listed" e2e_wait "Summary only"
e2e_check "the whole list: newest first, dates on the right" \
	e2e_wait_screen "$screens/feed-list-120x32.txt"
e2e_keys Enter
e2e_check "body of the newest entry" e2e_wait "First paragraph."
e2e_check "its list item is a paragraph" e2e_wait "Point one"
# the sidebar hidden (its scores are tested elsewhere): the whole screen is known
e2e_keys s
e2e_check "the whole entry screen: headline, byline, link, paragraphs" \
	e2e_wait_screen "$screens/feed-entry-120x32.txt"
e2e_keys s
e2e_keys q q
e2e_check "q in the reader then q in the list quits" e2e_exited
e2e_finish
