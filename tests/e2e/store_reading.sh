#!/usr/bin/env bash
# The reader over the store behaves as the reader over files (reading.sh): the same nine
# articles imported, the same keys, the same answers. The selection comes back to its
# article when a filter typed is given up (Esc in the prompt), when f's filter or a search is
# cleared, and through v's views (a search's too); the list and f's label name a paper by its
# name, not its slug; in a view a filter counts its articles whatever the view's; f in the
# reader narrows by the open article's paper, and on a search's article drops the search;
# the sidebar names the open article's copies by paper and counts a story's sources; the
# search prompt counts its matches as memory's does; Enter on an entity lists the articles
# that name it, as memory's does.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/copies.sh"
qari=$1

# reading.sh's nine articles
copies_write
"$qari" import "$copies_json" >/dev/null

e2e_start 120 30 "$qari"
e2e_check "the nine stored articles listed" e2e_wait "1/9"
selected_of() { [[ $(e2e_row -1) == *" $1/$2" ]]; }
selected() { selected_of "$1" 9; }

# f on a paper's article: the filter named by the paper, the article still selected; Esc
# brings every article back with it selected (they went to row 1)
e2e_keys j j j j j
e2e_check "the sixth row selected" e2e_until 10 selected 6
e2e_keys f
# aawsat, الشرق الأوسط as the terminal shows it
e2e_check "f: the filter named by the paper, not its slug" \
	e2e_wait "filter: source: ﻂﺳﻭﻷﺍ ﻕﺮﺸﻟﺍ  (1 of 9; Esc clears)"
e2e_keys Escape
e2e_check "Esc: every article back" e2e_wait "qari — 9 articles"
e2e_check "Esc: the same article selected" e2e_until 10 selected 6
# v through the views: the bookmarked one is empty, and back at all articles the same one
e2e_keys k k k v v
e2e_check "the bookmarked view, empty" e2e_wait "view: bookmarked (0 of 9)"
e2e_keys v
e2e_check "all articles again" e2e_wait "view: all articles (9 of 9)"
e2e_check "v: the same article selected" e2e_until 10 selected 3
# the summary in a view: every article and every unread one, the view's rows beside
e2e_keys g m v
e2e_check "v: the unread view of the eight" e2e_wait "view: unread (8 of 9)"
e2e_keys j k
e2e_check "the summary counts every article" \
	e2e_wait "qari — 9 articles, 8 unread — view: unread (8) — ? help"
e2e_keys v v
e2e_check "all articles again" e2e_wait "view: all articles (9 of 9)"
# a search accepted (the session's first) keeps the selected article selected when it
# matches, and Esc in the list brings back the one chosen in it
e2e_keys g j j /
e2e_keys -l "مطار"
e2e_keys Enter
e2e_check "the filter accepted" e2e_wait "(8 of 9; Esc clears)"
e2e_check "the search: the same article selected" e2e_until 10 selected_of 2 8
e2e_keys j
e2e_check "j: the next match" e2e_until 10 selected_of 3 8
# v through the views of the search, one of them empty: back at all articles the same one
# (it went to row 1: a search's article is looked for among the rows read, none yet)
e2e_keys v v
e2e_check "the search's bookmarked view, empty" e2e_wait "view: bookmarked (0 of 8)"
e2e_keys v
e2e_check "the search's articles again" e2e_wait "view: all articles (8 of 8)"
e2e_check "v: the same match selected" e2e_until 10 selected_of 3 8
# in a view the filter's count is its articles whatever the view's, as in memory (it said 7)
e2e_keys m v
e2e_check "the search's unread view" e2e_wait "view: unread (7 of 8)"
e2e_keys j
e2e_check "the filter counts its 8 articles" e2e_wait "(8 of 9; Esc clears)"
e2e_keys v v
e2e_check "the search's articles again" e2e_wait "view: all articles (8 of 8)"
e2e_check "v: the match selected in the view selected" e2e_until 10 selected_of 2 8
e2e_keys j
e2e_check "j: the third match" e2e_until 10 selected_of 3 8
e2e_keys Escape
e2e_check "Esc: every article back" e2e_wait "qari — 9 articles"
e2e_check "the article chosen in the search selected" e2e_until 10 selected 4
# a filter typed and given up (Esc in the prompt) leaves the selection where it was, though
# the filter hid that article
e2e_keys g j j j /
e2e_keys -l "الهلال"
e2e_check "the filter hides the selected article" e2e_wait_gone "ﻲﻠﻴﺼﻔﻟﺍ ﺪﻟﺎﺧ"
e2e_keys Escape
e2e_check "every article back" e2e_wait "qari — 9 articles"
e2e_check "Esc in the prompt: the same article selected" e2e_until 10 selected 4

# f in the reader narrows by the open article's paper though the list, narrowed to another
# paper, does not show it (it narrowed by the list's selection)
e2e_keys g j j j j j f Enter
e2e_check "the first report open from its paper's filter" e2e_wait "1/1  line 1/"
e2e_keys ]
e2e_check "]: a related story of another paper" e2e_wait "related story 1 of 3"
e2e_keys f
# الوئام as the terminal shows it
e2e_check "f: the open article's paper" e2e_wait "filter: source: ﻡﺎﺋﻮﻟﺍ  (1 of 9; Esc clears)"
e2e_keys Escape
e2e_check "Esc: every article back" e2e_wait "qari — 9 articles"

# ] and [ walk the open article's related stories, and the list's selection follows the
# article open, as C-o and L do through the history
e2e_keys g j j j j j Enter
e2e_check "the first report open" e2e_wait "6/9  line 1/"
# its own copies named by their papers, as in memory (it said "also stored 3 more times")
e2e_check "also in: the copies' papers by name" e2e_until 10 copies_also_in
# a story and its copy counted by their papers, as in memory (it said "2 copies")
e2e_check "the story's \"2 sources\"" e2e_until 10 copies_two_sources
e2e_keys ]
e2e_check "]: its first related story" e2e_wait "related story 1 of 3"
e2e_check "]: the list's selection on it" e2e_wait "5/9  line 1/"
e2e_keys ]
e2e_check "]: the second, selected" e2e_wait "2/9  line 1/"
e2e_keys C-o
e2e_check "C-o: back to the first, selected" e2e_wait "5/9  line 1/"
e2e_keys L
e2e_check "L: the second again, selected" e2e_wait "2/9  line 1/"
e2e_keys Q
e2e_check "clean exit" e2e_exited

# f on a search's article: every article of its paper, the search dropped, as in memory (it
# narrowed the search to the paper: 1 of 3)
export XDG_DATA_HOME="$E2E_TMP/data-papers"
cat >"$E2E_TMP/papers.json" <<'JSON'
[{"title": "مطار جدة الجديد", "source": "okaz", "date": "2015-07-21 09:00",
  "url": "https://example.org/p1", "content": "افتتاح مطار جدة."},
 {"title": "الهلال يفوز", "source": "okaz", "date": "2015-07-20 09:00",
  "url": "https://example.org/p2", "content": "فاز الهلال أمس."},
 {"title": "مطار الرياض", "source": "sabq", "date": "2015-07-19 09:00",
  "url": "https://example.org/p3", "content": "توسعة مطار الرياض."}]
JSON
"$qari" import "$E2E_TMP/papers.json" >/dev/null
e2e_start 120 30 "$qari"
e2e_check "the three stored articles listed" e2e_wait "1/3"
e2e_keys /
e2e_keys -l "مطار"
e2e_keys Enter
e2e_check "the search's two articles" e2e_wait "(2 of 3; Esc clears)"
e2e_keys f
# عكاظ as the terminal shows it
e2e_check "f: the paper's two articles" e2e_wait "filter: source: ﻅﺎﻜﻋ  (2 of 3; Esc clears)"
e2e_check "f: the search's article selected" e2e_until 10 selected_of 1 2
# / then: the prompt starts empty (it held "source: عكاظ", the label, as if a query)
e2e_keys /
e2e_check "/ after f: an empty prompt" e2e_wait_row -1 "/"
e2e_keys Escape
e2e_check "Esc: every article back" e2e_wait "qari — 3 articles"
# the search prompt counts its matches beside the query, "1 match" for one, on the store and
# in memory alike (memory said nothing)
prompt_one() { [[ $(e2e_row -1) == "/ "*" 1 match" ]]; }
prompt_counts() {
	e2e_keys /
	e2e_keys -l "مطار"
	e2e_check "$1: the prompt's matches" e2e_wait "2 matches"
	e2e_keys BSpace BSpace BSpace BSpace
	e2e_keys -l "الهلال"
	e2e_check "$1: one match" e2e_until 10 prompt_one
	e2e_keys Escape
	e2e_check "$1: Esc, every article back" e2e_wait "qari — 3 articles"
	e2e_keys Q
	e2e_check "clean exit" e2e_exited
}
prompt_counts "the store"
e2e_start 120 30 "$qari" "$E2E_TMP/papers.json"
e2e_check "the three articles in memory" e2e_wait "1/3"
prompt_counts "memory"

# Enter on an entity in the sidebar lists the articles whose entities name it, as memory's
# does: the place جدة is one article's, though «الجدة» (the grandmother) holds its letters
# (the store searched for the name: 3 of 3)
export XDG_DATA_HOME="$E2E_TMP/data-entities"
cat >"$E2E_TMP/places.json" <<'JSON'
[{"title": "مطار جدة الجديد", "source": "okaz", "date": "2015-07-21 09:00",
  "url": "https://example.org/g1", "content": "افتتح أمير منطقة مكة المكرمة مطار جدة الجديد."},
 {"title": "جدة تحتفل", "source": "sabq", "date": "2015-07-20 09:00",
  "url": "https://example.org/g2", "content": "احتفلت مدينة جدة باليوم الوطني."},
 {"title": "قصة عائلية", "source": "sabq", "date": "2015-07-19 09:00",
  "url": "https://example.org/g3", "content": "زارت الجدة أحفادها في الرياض."}]
JSON
"$qari" import "$E2E_TMP/places.json" >/dev/null
# Enter on the sidebar's first entity; memory knows its articles once its index is complete and
# says so until then (a loaded machine may take seconds): Enter again after that message
entity_enter() {
	local i
	e2e_keys Tab
	for ((i = 0; i < 20; i++)); do
		e2e_keys Enter
		e2e_wait "Esc clears)" 1 && return 0
		e2e_screen | grep -qF "once the index is complete" || return 0
	done
}
entity_filter() {
	e2e_check "$1: the three articles" e2e_wait "1/3"
	e2e_keys g j Enter
	e2e_check "$1: the second article open" e2e_wait "2/3  line 1/"
	entity_enter
	# جدة as the terminal shows it
	e2e_check "$1: the place's one article" e2e_wait "filter: place: ﺓﺪﺟ  (1 of 3; Esc clears)"
	e2e_keys Q
	e2e_check "clean exit" e2e_exited
}
e2e_start 120 30 "$qari"
entity_filter "the store"
e2e_start 120 30 "$qari" "$E2E_TMP/places.json"
entity_filter "memory"

# A store whose entities an older qari packed (another rules version in the head): the article
# opened is tagged again with the site furniture its import learned, as memory tags it
# (furniture.sh): the link line «رابط الخبر بصحيفة الوئام: <title>», which copies the title,
# counts no mention of the title's place (القطيف: twice in the story, a third time there)
export XDG_DATA_HOME="$E2E_TMP/furniture-data"
"$qari" import "${QARI_TEST_DATA:-$(dirname "$0")/../data}/furniture" >/dev/null
python3 -c '
import glob, sqlite3, sys
db = sqlite3.connect(glob.glob(sys.argv[1] + "/qari/*.db")[0])
db.create_function("qari_entity_terms", 4, lambda *row: "[]")
for i, e in db.execute("SELECT id, entities FROM articles").fetchall():
    db.execute("UPDATE articles SET entities = ? WHERE id = ?", (e[:12] + bytes(4) + e[16:], i))
db.commit()
' "$XDG_DATA_HOME"
sidebar() { e2e_screen | awk -F'│' 'NF >= 3 { print $NF }'; }
sidebar_has() { sidebar | grep -qF -- "$1"; }
entities_lack() { ! sidebar | sed '/Related stories/,$d' | grep -qF -- "$1"; }
e2e_start 120 32 "$qari" --bidi terminal
e2e_check "the site's stories listed" e2e_wait "معرض الكتاب في القطيف"
e2e_keys /
tmux -L "$E2E_SOCK" send-keys -l "القطيف"
e2e_keys Enter Enter
e2e_check "its entities tagged again" e2e_wait "People"
e2e_check "the story's person in the sidebar" sidebar_has "عادل الغامدي"
place_mentions() { sidebar | sed '/Related stories/,$d' | grep -F "القطيف" | grep -qE "[^0-9]$1 *$"; }
e2e_check "the title's place mentioned twice, not in the link line" e2e_until 5 place_mentions 2
e2e_check "no furniture paper among the entities" entities_lack "الوئام"
e2e_keys Q
e2e_check "clean exit" e2e_exited

e2e_finish
