#!/usr/bin/env bash
# Open a seed, move to the sidebar, jump to the related story, come back through the history
# to the same scroll position; ] and [ walk the related stories; Enter on an entity filters.
source "$(dirname "$0")/lib.sh"
qari=$1

e2e_start 120 32 "$qari"
e2e_check "list shown" e2e_wait "ﺮﻳﺯﻭ ﻯﺮﺟﺃ"
e2e_keys Enter
e2e_check "first article open" e2e_wait "line 1/"
e2e_check "sidebar lists entities" e2e_wait "People"
e2e_check "sidebar lists related stories" e2e_wait "Related stories"
e2e_check "a person of the article" e2e_wait "ﻑﻭﺮﻓﻻ ﻲﻏﺮﻴﺳ"
e2e_keys j j j j j
e2e_check "scrolled to line 6" e2e_wait "line 6/"
e2e_keys r
e2e_check "related story selected in the sidebar" e2e_wait "Enter follows"
e2e_keys Enter
e2e_check "the related story opened" e2e_wait "ﻦﻴﻓﺮﻄﻟﺍ"
e2e_check "at its top" e2e_wait "line 1/"
e2e_keys BSpace
e2e_check "Backspace comes back to the same scroll position" e2e_wait "line 6/"
e2e_keys L
e2e_check "L goes forward again" e2e_wait "ﻦﻴﻓﺮﻄﻟﺍ"
e2e_keys BSpace
e2e_check "back again" e2e_wait "line 6/"
e2e_keys ]
e2e_check "] opens the next related story" e2e_wait "related story 1 of 1"
e2e_keys [
e2e_check "[ walks back" e2e_wait "back at the first story"
# an entity: its mentions highlighted, Enter filters the list to the articles that mention it
e2e_keys e
e2e_check "entities selected" e2e_wait "hit 1/"
e2e_keys Enter
e2e_check "Enter on an entity filters the list" e2e_wait "filter: person:"
e2e_keys Q
e2e_check "clean exit" e2e_exited

# four reports of one story: at 80x24 the sidebar opens on its first row, n and N step
# through the selected entity's mentions (not through entities), a year lines up with the
# other rows, and ] after following a related story goes on to the next one
data=${QARI_TEST_DATA:-$(dirname "$0")/../data}/related-story
e2e_start 80 24 "$qari" "$data"
e2e_check "story list shown" e2e_wait "1/5"
e2e_keys Enter e
e2e_check "the sidebar's first row, People, in view" e2e_wait " People "
first_row_people() { e2e_screen | head -n 1 | grep -q "^ People "; }
e2e_check "People on the first row" first_row_people
e2e_check "the selected person's first mention" e2e_wait "hit 1/2"
e2e_keys n
e2e_check "n: the same entity's next mention" e2e_wait "hit 2/2"
e2e_keys N
e2e_check "N: back to its first" e2e_wait "hit 1/2"
year_right() { e2e_screen | grep -qE "^ 1 +2015 │"; }
e2e_check "a year lines up on the right like the names" year_right
e2e_keys r
e2e_check "the related stories selected" e2e_wait "Enter follows"
e2e_keys Enter
e2e_check "the first related story opened" e2e_wait "2/5"
# two columns: the sidebar is the left one only while it has focus; the story opened has it
list_left() { e2e_screen | grep -q "ﺭﺎﻄﻣ ﺡﺎﺘﺘﻓﺍ" && ! e2e_screen | grep -q "People\|Related stories"; }
e2e_check "the list back in the left column, no sidebar" e2e_until 10 list_left
e2e_keys ]
e2e_check "] goes on to the second related story" e2e_wait "related story 2 of 3"
e2e_keys Q
e2e_check "clean exit" e2e_exited

# related stories: each title whole on as many rows as it takes, then its source and date
# instead of a score; a new width wraps them anew
json="$E2E_TMP/airport.json"
python3 - "$data" "$json" <<'PY'
import json, sys
data, out = sys.argv[1], sys.argv[2]
titles = [("افتتاح مطار الملك عبدالعزيز الجديد في جدة بحضور أمير منطقة مكة المكرمة", "aawsat", "2015-07-21 09:00"),
          ("خالد الفيصل يفتتح صالة الركاب الجديدة بمطار الملك عبدالعزيز الدولي في جدة", "okaz", "2015-07-21 11:00"),
          ("صالة مطار جدة الجديدة تستقبل أولى رحلاتها بعد افتتاحها على يد خالد الفيصل", "sabq", "2015-07-22 08:00")]
arts = []
for i, (t, src, d) in enumerate(titles):
    body = open(f"{data}/{i + 1}.txt", encoding="utf-8").read().split("\n")[1:3]
    arts.append({"title": t, "source": src, "date": d, "url": f"https://example.org/{i}",
                 "content": "\n".join(body)})
json.dump(arts, open(out, "w", encoding="utf-8"), ensure_ascii=False)
PY
# the sidebar's column: what follows the last separator of each row
sidebar_rows() { e2e_screen | sed -n 's/.*│//p'; }
related_rows() { sidebar_rows | sed -n '/Related stories/,$p' | tail -n +2; }
titles_whole() { ! related_rows | grep -v '↳\|·' | grep -q '…'; }
e2e_start 120 32 "$qari" "$json"
e2e_check "airport stories listed" e2e_wait "1/3"
e2e_keys Enter r
e2e_check "related stories shown" e2e_wait "Related stories"
e2e_check "a related story's source and day, not a score" e2e_wait "2015-07-21 · ﻅﺎﻜﻋ"
e2e_check "related titles whole, over several rows" titles_whole
two_rows() { (($(related_rows | grep -c 'ﻞﺼﻴﻔﻟﺍ ﺪﻟﺎﺧ\|ﺓﺪﺟ') >= 2)); }
e2e_check "a title on more than one row" two_rows
e2e_resize 160 32
e2e_check "wider: still whole" e2e_until 10 titles_whole
e2e_check "the source and day still there" e2e_wait "2015-07-21 · ﻅﺎﻜﻋ"
e2e_keys Q
e2e_check "clean exit" e2e_exited
e2e_finish
