#!/usr/bin/env bash
# A reader's session over one story told by several papers: e, r, z, Tab and ] with no
# article open say so, and ] with no related story says that; S keeps the selected article
# selected, and so do v through a view without it and a filter given up, or cleared with
# nothing chosen in it; Esc clears the filter as the status line says (in the list at once,
# in the reader after the hits); the sidebar names the papers the article itself also
# appeared in by their own names, on as many rows as that takes, and leaves an entity's
# mentions unlit once a story is selected; the help scrolls by half a page and fills a
# taller terminal; r says when related stories are still to come; n and N say when they
# wrap; a find given up puts the view back; the links list gets no figures of the pane
# under it.
source "$(dirname "$0")/lib.sh"
qari=$1

data=${QARI_TEST_DATA:-$(dirname "$0")/../data}/related-story
json="$E2E_TMP/copies.json"
# the five reports of related-story, a day apart, three copies of the first under other URLs
# and one of the second
python3 - "$data" "$json" <<'PY'
import json, sys
data, out = sys.argv[1], sys.argv[2]
arts = []
for i, src in enumerate(["aawsat", "alweeam", "alwatan", "alyaum", "sabq"]):
    lines = open(f"{data}/{i + 1}.txt", encoding="utf-8").read().split("\n")
    arts.append({"title": lines[0], "source": src, "date": f"2015-07-2{i + 1} 09:00",
                 "url": f"https://example.org/{i}", "content": "\n".join(lines[1:])})
for k, src in enumerate(["okaz", "alriyadh", "aleqtisadiya"]):
    copy = dict(arts[0], source=src, url=f"https://example.org/copy{k}",
                date=f"2015-07-20 0{k}:00")
    arts.append(copy)
# the second report in a second paper: its entry says "2 sources"
arts.append(dict(arts[1], source="alhayat", url="https://example.org/copy-h",
                 date="2015-07-22 10:00"))
json.dump(arts, open(out, "w", encoding="utf-8"), ensure_ascii=False)
PY

e2e_start 120 30 "$qari" "$json"
e2e_check "the nine articles listed" e2e_wait "1/9"
# the keys about the open article, with none open yet, say so
e2e_keys e
e2e_check "e with no article open says so" e2e_wait "no article is open: Enter opens"
e2e_keys j k
e2e_check "a key clears the message" e2e_wait_gone "no article is open"
e2e_keys Tab
e2e_check "so does Tab" e2e_wait "no article is open: Enter opens"
e2e_keys j k ]
e2e_check "so does ] (it said related stories were not ready)" \
	e2e_wait "no article is open: Enter opens"
# S: the same article stays selected, wherever the new order puts it
e2e_keys g S
e2e_check "oldest first: the newest article is last, still selected" e2e_wait "sorted oldest first"
e2e_check "the selection followed it to the last row" e2e_wait_row -1 \
	" sorted oldest first$(printf '%96s' '')9/9"
e2e_keys S S S
e2e_check "newest first again: back on the first row" e2e_wait_row -1 \
	" sorted newest first$(printf '%96s' '')1/9"

# v through the views: the bookmarked one is empty, and back at all articles the same one
# is selected
e2e_keys j j v v
e2e_check "the bookmarked view, empty" e2e_wait "view: bookmarked (0 of 9)"
e2e_keys v
e2e_check "all articles again" e2e_wait "view: all articles (9 of 9)"
selected_third() { [[ $(e2e_row -1) == *" 3/9" ]]; }
e2e_check "v: the same article selected" e2e_until 10 selected_third
e2e_keys g

# a filter typed and given up (Esc in the prompt) leaves the selection where it was, though
# the filter hid that article
e2e_keys /
e2e_keys -l "مطار"
e2e_check "the filter hides the selected article" e2e_wait_gone "ﻲﻠﻳﺯﺍﺮﺑ ﻢﺟﺎﻬﻣ"
e2e_keys Escape
e2e_check "every article back" e2e_wait "ﻲﻠﻳﺯﺍﺮﺑ ﻢﺟﺎﻬﻣ"
selected_first() { [[ $(e2e_row -1) == *" 1/9" ]]; }
e2e_check "Esc in the prompt: the same article selected" e2e_until 10 selected_first
# and so does a filter accepted, looked at, and cleared with nothing chosen in it
e2e_keys /
e2e_keys -l "مطار"
e2e_keys Enter
e2e_check "the filter accepted" e2e_wait "(8 of 9; Esc clears)"
e2e_keys Escape
e2e_check "Esc: every article back" e2e_wait "qari — 9 articles"
e2e_check "the same article selected" e2e_until 10 selected_first

# Esc in the list after reading an article of the filter: one press clears the filter
e2e_keys /
e2e_keys -l "مطار"
e2e_keys Enter
e2e_check "the filter shown" e2e_wait "(8 of 9; Esc clears)"
e2e_keys Enter
e2e_check "an article of the filter open, its hits lit" e2e_wait "hit 1/"
e2e_keys q
e2e_check "back in the list" e2e_wait_gone "line 1/"
e2e_keys Escape
e2e_check "one Esc in the list clears the filter" e2e_wait "qari — 9 articles"
# in the reader: the first Esc clears the hits, the second the filter
e2e_keys /
e2e_keys -l "مطار"
e2e_keys Enter Enter
e2e_check "opened from the filter again" e2e_wait "hit 1/"
e2e_keys Escape
e2e_check "Esc in the reader: the hits go" e2e_wait_gone "hit 1/"
e2e_check "the filter stays" e2e_wait "(8 of 9; Esc clears)"
e2e_keys Escape
e2e_check "the second Esc clears the filter" e2e_wait_gone "Esc clears"
e2e_check "the article still open" e2e_wait "line 1/"

# the article's own copies: "also in:" with the papers' names, wrapped in a narrow sidebar
e2e_keys q g j j j j j Enter
e2e_check "the first report open" e2e_wait "6/9  line 1/"
e2e_keys e
e2e_check "e: the first person's mentions lit" e2e_wait "hit 1/2"
e2e_keys n
e2e_check "n: the second mention" e2e_wait "hit 2/2"
e2e_keys n
e2e_check "n past the last: the first again, and said" e2e_wait "past the last hit: the first again"
e2e_check "at the first mention" e2e_wait "hit 1/2"
e2e_keys N
e2e_check "N before the first: the last again, and said" \
	e2e_wait "before the first hit: the last again"
e2e_keys r
e2e_check "its related stories" e2e_wait "Related stories"
e2e_check "r: a story selected, the person's mentions no longer lit" e2e_wait_gone "hit 1/"
sidebar_rows() { e2e_screen | sed -n 's/.*│//p'; }
also_in() {
	local rows
	rows=$(sidebar_rows | sed -n '/also in:/,/2015-07/p')
	# عكاظ، الرياض، الاقتصادية as the terminal shows them (shaped), no slug, nothing cut
	grep -q "ﻅﺎﻜﻋ" <<<"$rows" && grep -q "ﺽﺎﻳﺮﻟﺍ" <<<"$rows" &&
		grep -q "ﺔﻳﺩﺎﺼﺘﻗﻻﺍ" <<<"$rows" &&
		! grep -q "okaz\|alriyadh\|aleqtisadiya\|…" <<<"$rows"
}
e2e_check "also in: the papers by name, whole" e2e_until 10 also_in
# a story's paper, day and count of papers whole, over two rows if need be
sources_whole() { sidebar_rows | grep -q "^ 2.sources$"; }
e2e_check "the story's \"2 sources\" not cut" e2e_until 10 sources_whole
# each name isolated: read from the label on, the first paper first, its comma after it
first_after_label() { sidebar_rows | grep -q "^ also in: ﻅﺎﻜﻋ، "; }
e2e_check "also in: the names in the label's direction" first_after_label
# ] from a story nothing is related to says so (it said "no more related stories")
e2e_keys q q g Enter
e2e_check "the football story open" e2e_wait "1/9  line 1/"
e2e_keys ]
e2e_check "]: no related stories found" e2e_wait "no related stories found"
e2e_keys Q
e2e_check "clean exit" e2e_exited

# the help: Ctrl-D scrolls half a page, and a taller terminal shows it from its first row
# again rather than blank rows under its end
e2e_start 80 24 "$qari" "$data"
e2e_check "the reports listed" e2e_wait "1/5"
e2e_keys "?"
help_first=" j ↓                     next article / scroll down a line"
e2e_check "the help from its first key" e2e_wait_row 2 "$help_first"
e2e_keys C-d
help_half() { e2e_row 2 | grep -q "^ Tab "; }
e2e_check "Ctrl-D: half of 22 rows down, at the 12th key" e2e_until 10 help_half
e2e_keys G
e2e_check "G: the end of the help" e2e_wait "only the feeds of a tag"
e2e_resize 80 60
e2e_check "taller: the whole help from its first key" e2e_wait_row 2 "$help_first"
e2e_keys Q
e2e_check "clean exit" e2e_exited

# r before the index found the related stories: the sidebar says they come when indexed,
# and so does the status line (it said none were found); the load paced so it is not done
export QARI_TEST_LOAD_PACE_US=2000000
e2e_start 120 30 "$qari" "$data"
unset QARI_TEST_LOAD_PACE_US
e2e_check "the first reports listed while loading" e2e_wait "loading"
e2e_keys Enter r
e2e_check "the sidebar: related stories when indexed" e2e_wait "Related: when indexed"
e2e_check "r: not ready yet, not none" e2e_wait "related stories are not ready yet"
e2e_keys Q
e2e_check "clean exit" e2e_exited

# find in the article given up (Esc in the prompt): the view goes back to where it was,
# though it followed the hits as they were typed
long="$E2E_TMP/long.txt"
{
	echo "A long report"
	for i in $(seq 1 60); do echo "Paragraph $i of the long report."; done
	echo "The needle is at its end."
} >"$long"
e2e_start 80 24 "$qari" "$long"
e2e_check "the report listed" e2e_wait "1/1"
e2e_keys Enter
e2e_check "open at its top" e2e_wait "line 1/"
e2e_keys /
e2e_keys -l "needle"
e2e_check "the view follows the hit typed" e2e_wait "The needle is at its end."
e2e_keys Escape
e2e_check "Esc: back at the top" e2e_wait "line 1/"
e2e_keys Q
e2e_check "clean exit" e2e_exited

# the links of an article: while they cover the screen the status line gives no figures of
# the reading pane hidden under them
e2e_start 100 24 "$qari" "${QARI_TEST_DATA:-$(dirname "$0")/../data}/links/links.txt"
e2e_check "the article listed" e2e_wait "1/1"
e2e_keys Enter
e2e_check "the article open" e2e_wait "line 1/"
e2e_keys u
e2e_check "its links listed" e2e_wait "links — Enter or o opens"
no_figures() { ! e2e_row -1 | grep -q "line \|%"; }
e2e_check "no reading-pane figures under the links" e2e_until 10 no_figures
e2e_keys q
e2e_check "q: the reader again, with its figures" e2e_wait "line 1/"
e2e_keys Q
e2e_check "clean exit" e2e_exited
e2e_finish
