#!/usr/bin/env bash
# The views a news reader has: the list shows each article's source by its own name and its
# date (the time for today's), v cycles all / unread / bookmarked with the unread count in the
# status line, n walks the unread, A marks all shown read and U takes it back, S sorts (and
# the choice survives a restart), f narrows to one source.
source "$(dirname "$0")/lib.sh"
qari=$1

today=$(date +%F)
json="$E2E_TMP/news.json"
cat >"$json" <<JSON
[
 {"title": "Alpha port reopens", "source": "aawsat", "date": "2015-07-21 09:00", "url": "https://example.org/1", "content": "The port reopened on Monday."},
 {"title": "Bravo talks resume", "source": "okaz", "date": "2015-07-22 10:00", "url": "https://example.org/2", "content": "Talks resumed in the capital."},
 {"title": "Charlie market falls", "source": "aawsat", "date": "2015-07-23 11:00", "url": "https://example.org/3", "content": "The market fell for a third day."},
 {"title": "Delta flights resume", "source": "okaz", "date": "2015-07-24 12:00", "url": "https://example.org/4", "content": "Flights resumed after the storm."},
 {"title": "Echo fresh news", "source": "Example Wire", "date": "$today 14:05", "url": "https://example.org/5", "content": "Something happened today."}
]
JSON

# poll COMMAND...: until it succeeds (5 s at most)
poll() { local i; for ((i = 0; i < 100; i++)); do "$@" && return 0; sleep 0.05; done; return 1; }
# row_has TITLE PATTERN: the row of TITLE matches the extended regex PATTERN
row_has() { e2e_screen | grep -F -- "$1" | grep -qE -- "$2"; }
first_row() { e2e_screen | head -n 1 | grep -qF -- "$1"; }

e2e_start 120 20 "$qari" "$json"
e2e_check "list shown, newest first" e2e_wait "Echo fresh news"
e2e_check "newest on the first row" first_row "Echo fresh news"
# «الشرق الأوسط» shaped and reordered, then the day
e2e_check "a known source by its own name, then the day" poll row_has "Alpha port reopens" "ﻂﺳﻭﻷﺍ ﻕﺮﺸﻟﺍ 2015-07-21$"
e2e_check "a feed's own name, and today's time" poll row_has "Echo fresh news" "Example Wire +14:05$"
e2e_check "unread counted" e2e_wait "5 articles, 5 unread"
e2e_keys Enter q
e2e_check "opening marks read" e2e_wait "5 articles, 4 unread"
e2e_check "beside the open article, the list still shows days" poll row_has "Alpha port reo" "Jul 2015 │"

e2e_keys v
e2e_check "v: the unread view" e2e_wait "view: unread"
e2e_check "the status line names it and counts" e2e_wait "view: unread (4 of 5)"
e2e_check "the read article left the list" poll bash -c "! tmux -L $E2E_SOCK capture-pane -p | grep -q '^ Echo fresh'"
e2e_keys v
e2e_check "v: the bookmarked view, empty" e2e_wait "view: bookmarked (0 of 5)"
e2e_check "an empty view says so" e2e_wait "(no bookmarks)"
e2e_keys v
e2e_check "v: all again" poll bash -c "tmux -L $E2E_SOCK capture-pane -p | grep -q '^ Echo fresh'"

# n walks the unread: from the read first row to the next unread, and says when none is left
e2e_keys g j m
e2e_check "m marks the second read" e2e_wait "marked read"
e2e_keys g n
e2e_check "n: the next unread article" e2e_wait " 3/5"
e2e_keys G n
e2e_check "n at the end: none below" e2e_wait "no unread article below"

e2e_keys A
e2e_check "A marks all shown read" e2e_wait "3 articles marked read"
e2e_keys C-l
e2e_check "none unread" e2e_wait "5 articles, 0 unread"
e2e_keys U
e2e_check "U takes it back" e2e_wait "3 articles unread again"
e2e_keys C-l
e2e_check "unread again" e2e_wait "5 articles, 3 unread"

e2e_keys S
e2e_check "S: oldest first" e2e_wait "sorted oldest first"
e2e_keys g
e2e_check "the oldest on the first row" poll first_row "Alpha port reo"
e2e_keys f
e2e_check "f: one source alone" e2e_wait "filter: source: "
e2e_check "its two articles" e2e_wait "(2 of 5;"
e2e_check "the other source's gone" e2e_wait_gone "Bravo talks resume"
e2e_keys Escape Q
e2e_check "clean exit" e2e_exited

e2e_start 120 20 "$qari" "$json"
e2e_check "the sort order survives a restart" e2e_wait "oldest first"
e2e_check "oldest still first" poll first_row "Alpha port reopens"
e2e_keys Q
e2e_check "clean exit" e2e_exited
e2e_finish
