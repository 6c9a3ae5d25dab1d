#!/usr/bin/env bash
# The reader on a store of imported articles: the list is a window onto the store (the newest
# rows first, paged on to the end and back), an article read when opened with its stored
# entities and related stories (walked with ] and [), / a search through the store's
# full-text index (its first page at once, its count from a thread), marks kept in the store.
source "$(dirname "$0")/lib.sh"
qari=$1
data=${QARI_TEST_DATA:-$(dirname "$0")/../data}/related-story
export XDG_DATA_HOME="$E2E_TMP/data"
mkdir -p "$XDG_CONFIG_HOME/qari"
# the reader opens the store when there are subscriptions (none is fetched here) or when it
# holds articles
echo "http://127.0.0.1:9/none.xml" >"$XDG_CONFIG_HOME/qari/urls"

# 1,500 dated stories an hour apart (story 1499 the newest), and five undated reports
python3 -c '
import json
for i in range(1500):
    print(json.dumps({"title": f"Stored story {i} end", "content": f"Body of story {i}.",
                      "url": f"http://example.org/s/{i}",
                      "date": f"2020-{i // 672 + 1:02d}-{i // 24 % 28 + 1:02d} {i % 24:02d}:00"}))
' >"$E2E_TMP/many.jsonl"
"$qari" import "$E2E_TMP/many.jsonl" >/dev/null
"$qari" import "$data" >/dev/null

e2e_start 120 30 "$qari"
e2e_check "the count from the store" e2e_wait "qari — 1,505 articles, 1,505 unread"
top_is() { e2e_row 1 | grep -qF "Stored story $1 end"; }
e2e_check "the newest row first" e2e_until 5 top_is 1499
e2e_keys G
e2e_check "G: the oldest dated story" e2e_wait "Stored story 0 end"
e2e_check "G: the undated reports last" e2e_wait "ﺓﺪﺟ ﻲﻓ ﺪﻳﺪﺠﻟﺍ ﺰﻳﺰﻌﻟﺍﺪﺒﻋ ﻚﻠﻤﻟﺍ ﺭﺎﻄﻣ ﺡﺎﺘﺘﻓﺍ"
e2e_keys g
e2e_check "g: the newest again" e2e_until 5 top_is 1499
# paged to the end and back, a page at a time: the window reads on from its ends
for ((i = 0; i < 60; i++)); do e2e_keys NPage; done
e2e_check "paged to the end" e2e_wait "Stored story 0 end"
for ((i = 0; i < 60; i++)); do e2e_keys PPage; done
e2e_check "paged back to the top" e2e_until 10 top_is 1499
e2e_keys j j Enter
e2e_check "an article opens" e2e_wait "Body of story 1497."
e2e_check "its related stories, as stored at ingest" e2e_wait "Related stories"
e2e_keys h /
tmux -L "$E2E_SOCK" send-keys -l "مطار"
e2e_keys Enter
e2e_check "/: the search narrows the list" e2e_wait "(4 of 1,505; Esc clears)"
no_stories() { ! e2e_screen | awk -F'│' '{print $1}' | grep -q "Stored story"; }
e2e_check "/: only the reports" no_stories
e2e_keys g Enter
e2e_check "a report opens" e2e_wait "line 1/"
e2e_check "its stored entities in the sidebar" e2e_wait "People"
e2e_check "a person tagged at ingest" e2e_wait "ﻞﺼﻴﻔﻟﺍ ﺪﻟﺎﺧ"
e2e_keys h Escape # in the list one Esc clears the filter and the hits it lit
e2e_check "Esc: the whole list again" e2e_wait "qari — 1,505 articles"
e2e_keys g m
e2e_check "m marks the top row read" e2e_wait "marked read"
e2e_keys j "*"
e2e_check "* bookmarks the next" e2e_wait "bookmarked"
e2e_keys Q
e2e_check "Q quits" e2e_exited

e2e_start 120 30 "$qari"
# read: the two opened and the one marked
e2e_check "the read marks were kept" e2e_wait "qari — 1,505 articles, 1,502 unread"
# the report opened last: 4.txt, the newest stored of the four that match (5.txt does not)
e2e_check "the article last opened is selected" e2e_wait "1502/1505"
e2e_keys v
e2e_check "v: the unread view" e2e_wait "view: unread (1,502 of 1,505)"
e2e_check "v: without the read story" e2e_until 5 top_is 1498
e2e_keys v
e2e_check "v: the bookmark was kept" e2e_wait "view: bookmarked (1 of 1,505)"
e2e_check "v: the bookmarked story" e2e_until 5 top_is 1498
e2e_keys v A
e2e_check "A: every unread article of the list" e2e_wait "1,502 articles marked read"
e2e_keys U
e2e_check "U: unread again" e2e_wait "1,502 articles unread again"
e2e_keys j
e2e_check "U: the count again" e2e_wait "qari — 1,505 articles, 1,502 unread"
e2e_keys g n
e2e_check "n: the next unread row" e2e_wait " 2/1505"
e2e_keys n
e2e_check "n: past the one read" e2e_wait " 4/1505"
# a query of one or two letters waits for Enter (it matches nearly everything)
e2e_keys /
tmux -L "$E2E_SOCK" send-keys -l "مط"
stories_listed() { e2e_screen | awk -F'│' '{print $1}' | grep -q "Stored story"; }
e2e_check "two letters: the list not narrowed yet" stories_listed
e2e_keys Enter
e2e_check "Enter: narrowed" e2e_wait "(4 of 1,505; Esc clears)"
e2e_keys g Enter
e2e_check "the other airport reports related, each with why" e2e_wait "↳"
e2e_keys "]"
e2e_check "] walks the stored related stories" e2e_wait "related story 1 of 3"
e2e_keys "]"
e2e_check "] on to the next" e2e_wait "related story 2 of 3"
e2e_keys "[" "["
e2e_check "[ back to where the walk began" e2e_wait "back at the first story"
e2e_keys Q
e2e_check "Q quits again" e2e_exited

# A search's count follows its first page (held back 4 s here): the list follows the prompt
# as typed, each letter's count given up for the next one's; after Enter the status line says
# how many rows are known until the count comes
export QARI_TEST_COUNT_DELAY_MS=4000
e2e_start 120 30 "$qari"
e2e_check "a third start" e2e_wait "qari — 1,505 articles"
e2e_keys /
tmux -L "$E2E_SOCK" send-keys -l "Stored story 7" # 7, 70-79, 700-799: 111
e2e_check "typed: the list follows the prompt" e2e_until 5 top_is 799
e2e_check "typed: the rows known so far beside the prompt" e2e_wait "+ matches"
e2e_keys Enter
e2e_check "Enter: the first page, the count still coming" e2e_wait "+ matches, counting…; Esc clears)"
e2e_check "then the count of the query typed last" e2e_wait "(111 of 1,505; Esc clears)"
e2e_keys Escape /
tmux -L "$E2E_SOCK" send-keys -l "Stored story 8"
e2e_keys Enter
e2e_check "a new search: counting again" e2e_wait "counting…"
for ((i = 0; i < 5; i++)); do e2e_keys NPage; done
e2e_check "paged to its end before the count" e2e_wait "Stored story 8 end"
e2e_check "the end read: the count exact" e2e_wait "(111 of 1,505; Esc clears)"
e2e_keys Escape /
tmux -L "$E2E_SOCK" send-keys -l "Stored story 9"
e2e_keys Enter
e2e_check "another search, counting" e2e_wait "counting…"
e2e_keys G
e2e_check "G waits for the count: its last row" e2e_wait "Stored story 9 end"
e2e_check "G: the count" e2e_wait "(111 of 1,505; Esc clears)"
e2e_keys Escape
e2e_check "Esc: the whole list" e2e_wait "qari — 1,505 articles"
e2e_keys Q
e2e_check "Q quits the third time" e2e_exited
unset QARI_TEST_COUNT_DELAY_MS

# Entities an older qari packed (another rules version in the head) are tagged again when the
# article opens and written back to its row on an idle pass: that row, and only it, holds
# entities of this version afterwards
db=$(ls "$XDG_DATA_HOME"/qari/*.db | head -1)
entities() { # old: every head's version zeroed; count: the rows whose is not
	python3 -c '
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
# entity_articles trigger: entities of another version name nothing, as qari says
db.create_function("qari_entity_terms", 4, lambda *row: "[]")
rows = db.execute("SELECT id, entities FROM articles WHERE entities IS NOT NULL").fetchall()
if sys.argv[2] == "old":
    for i, e in rows:
        db.execute("UPDATE articles SET entities = ? WHERE id = ?", (e[:12] + bytes(4) + e[16:], i))
    db.commit()
else:
    print(sum(1 for i, e in rows if e[12:16] != bytes(4)))
' "$db" "$1"
}
entities old
e2e_start 120 30 "$qari"
e2e_check "a fourth start" e2e_wait "qari — 1,505 articles"
e2e_keys /
tmux -L "$E2E_SOCK" send-keys -l "مطار"
e2e_keys Enter
e2e_check "the reports again" e2e_wait "(4 of 1,505; Esc clears)"
e2e_keys g Enter
e2e_check "entities of another version: tagged again" e2e_wait "People"
e2e_keys Q
e2e_check "Q quits the fourth time" e2e_exited
written() { [[ $(entities count) == 1 ]]; }
e2e_check "the opened article's entities written back, only its" written

# no subscription: a store that `qari import` filled is opened all the same
rm "$XDG_CONFIG_HOME/qari/urls"
e2e_start 120 30 "$qari"
e2e_check "the store without subscriptions" e2e_wait "qari — 1,505 articles"
e2e_keys Q
e2e_check "Q quits the fifth time" e2e_exited
e2e_finish
