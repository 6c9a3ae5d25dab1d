#!/usr/bin/env bash
# The first slice end to end: the bundled articles in the list, shaped and right to left,
# Enter opens one, its body shows, q goes back and q quits.
source "$(dirname "$0")/lib.sh"
qari=$1
screens="$(dirname "$0")/screens"

e2e_start 120 32 "$qari"
# "أجرى وزير" shaped into presentation forms and reordered for a terminal without bidi
e2e_check "shaped Arabic headline in the list" e2e_wait "ﺮﻳﺯﻭ ﻯﺮﺟﺃ"
e2e_check "second article listed" e2e_wait "ﺔﻴﻜﻳﺮﻣﻷﺍ ﺔﻴﺟﺭﺎﺨﻟﺍ"
e2e_check "status line shows the position" e2e_wait "1/2"
e2e_check "the whole list screen" e2e_wait_screen "$screens/list-120x32.txt"
e2e_keys Enter
# the body: "12 فبراير/شباط" with its digits kept left to right inside the RTL line
e2e_check "body of the first article" e2e_wait "ﻁﺎﺒﺷ/ﺮﻳﺍﺮﺒﻓ 12"
e2e_check "position in the article" e2e_wait "line 1/"
# without the sidebar (whose entities have tests of their own) the screen is known whole
e2e_keys s
e2e_check "the whole article screen, beside the list" \
	e2e_wait_screen "$screens/article-120x32.txt"
e2e_keys s
e2e_check "the sidebar back" e2e_wait "People"
e2e_keys Space
e2e_check "Space pages down" e2e_wait_gone "line 1/"
e2e_keys g
e2e_check "g goes to the top" e2e_wait "line 1/"
e2e_keys q
e2e_keys j Enter
e2e_check "j and Enter open the second article" e2e_wait "ﻦﻴﻓﺮﻄﻟﺍ"
e2e_keys q q
e2e_check "q in the reader then q in the list quits" e2e_exited

# at 80 columns the reader sits beside the list; z gives it the screen (full-width rows
# scroll in the terminal) until z again, and it stays zoomed across q and Enter
beside() { e2e_screen | head -n 3 | grep -qF "│"; }
alone() { ! beside; }
e2e_start 80 24 "$qari"
e2e_check "list at 80 columns" e2e_wait "/2"
# the last article (the second) is selected again, and the first stays in view above it
e2e_check "first article still listed above the restored one" e2e_wait "ﺮﻳﺯﻭ ﻯﺮﺟﺃ"
e2e_keys Enter
e2e_check "article open" e2e_wait "line 1/"
e2e_check "reader beside the list" beside
e2e_keys z
e2e_check "z: the reader alone" e2e_wait_gone "│"
e2e_check "z: the article still shown" e2e_wait "line 1/"
e2e_keys q Enter
e2e_check "zoom kept when opening again" e2e_wait "line 1/"
e2e_check "zoom kept: still alone" alone
e2e_keys z
e2e_check "z again: beside the list" e2e_wait "│"
e2e_keys Q
e2e_check "clean exit" e2e_exited

# one article is counted as one
e2e_start 100 20 "$qari" "${QARI_TEST_DATA:-$(dirname "$0")/../data}/related-story/1.txt"
e2e_check "1 article, not 1 articles" e2e_wait "qari — 1 article, 1 unread"
e2e_keys Q
e2e_check "clean exit after one article" e2e_exited
e2e_finish
