#!/usr/bin/env bash
# The reader on the store: with subscriptions and no PATH it opens the store; R fetches in
# the background, the status line counts the feeds, and the new articles join the list.
source "$(dirname "$0")/lib.sh"
qari=$1
export XDG_DATA_HOME="$E2E_TMP/data"
mkdir -p "$XDG_CONFIG_HOME/qari"

exec {server_in}> >(exec python3 "$(dirname "$0")/../net/server.py" >"$E2E_TMP/port")
for ((i = 0; i < 200; i++)); do
	[[ -s $E2E_TMP/port ]] && break
	sleep 0.05
done
read -r port _ <"$E2E_TMP/port"
base="http://127.0.0.1:$port"

echo "$base/feed.xml" >"$XDG_CONFIG_HOME/qari/urls"
"$qari" fetch >/dev/null
echo "$base/wait/1.xml later \"~Late news\"" >>"$XDG_CONFIG_HOME/qari/urls"

e2e_start 120 30 "$qari"
e2e_check "the store opens with its 3 articles" e2e_wait "qari — 3 articles"
e2e_keys j
e2e_keys R
e2e_check "progress in the status line" e2e_wait "fetching 1/2"
e2e_check "new articles join the list" e2e_wait "Late story 1-1" 15
e2e_check "the list counts them" e2e_wait "fetched 2 feeds: 2 new articles" 15
e2e_check "the feed's name from ~Name" e2e_wait "Late news"
e2e_keys g f
e2e_check "f: the list narrowed to one feed" e2e_wait "source: Late news  (2 of 5"
e2e_check "f: other feeds' articles gone" bash -c "! tmux -L $E2E_SOCK capture-pane -p | grep -q '05 Dec'"
e2e_keys Escape
e2e_check "Esc: every feed again" e2e_wait "05 Dec"
e2e_keys T
e2e_check "T: the list narrowed to a tag's feeds" e2e_wait "tag: later  (2 of 5"
e2e_keys Escape
e2e_keys q
e2e_check "q quits" e2e_exited

# F: a summary's page, its main text in its place, kept in the store
echo "$base/summary.xml" >>"$XDG_CONFIG_HOME/qari/urls"
"$qari" fetch >/dev/null
e2e_start 120 30 "$qari"
e2e_check "the summary is listed" e2e_wait "Summary only"
e2e_keys g Enter
e2e_check "its summary opens" e2e_wait "A short summary."
e2e_keys F
e2e_check "F: the page's text" e2e_wait "the page's text: 5 paragraphs" 15
e2e_check "F: the article shows it" e2e_wait "(Reuters)"
e2e_check "F: no furniture" bash -c "! tmux -L $E2E_SOCK capture-pane -p | grep -q -e HEADER-TEXT -e ADVERT-TEXT"
e2e_keys q q
e2e_check "q q quits" e2e_exited
exec {server_in}>&-

# opened again: the articles come from the store, their read marks with them
e2e_start 120 30 "$qari"
e2e_check "reopened: 6 articles" e2e_wait "qari — 6 articles"
e2e_keys g Enter
e2e_check "reopened: the page's text was kept" e2e_wait "(Reuters)"
e2e_keys q q
e2e_check "q quits again" e2e_exited
# a store larger than the first screen's 400 articles: the rest arrive from a thread
python3 -c '
import json
for i in range(1500):
    print(json.dumps({"title": f"Stored story {i}", "content": f"Body of story {i}.",
                      "url": f"http://example.org/s/{i}", "date": f"2026-11-{i % 28 + 1:02d}"}))
' >"$E2E_TMP/many.jsonl"
"$qari" import "$E2E_TMP/many.jsonl" >/dev/null
e2e_start 120 30 "$qari"
e2e_check "every stored article arrives" e2e_wait "qari — 1,506 articles" 20
e2e_keys G
e2e_check "the oldest is at the end" e2e_wait "Stored story 0 "
e2e_keys q
e2e_check "q quits after loading" e2e_exited
e2e_finish
