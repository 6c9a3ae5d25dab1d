#!/usr/bin/env bash
# / filters the list as you type (an Arabic query without hamza finds the hamza form); in the
# reader / finds with highlighted hits, n and N step through them, the count in the status line.
source "$(dirname "$0")/lib.sh"
qari=$1

e2e_start 120 32 "$qari"
e2e_check "list shown" e2e_wait "ﺮﻳﺯﻭ ﻯﺮﺟﺃ"
e2e_keys /
e2e_keys -l "اوشاكوف"
# أوشاكوف (with hamza) is only in the second article
e2e_check "the first article is filtered out as you type" e2e_wait_gone "ﺮﻳﺯﻭ ﻯﺮﺟﺃ"
e2e_check "the second one stays" e2e_wait "ﺔﻴﻜﻳﺮﻣﻷﺍ ﺔﻴﺟﺭﺎﺨﻟﺍ"
e2e_keys Enter
# the status rows exactly: the query shown shaped, the count, the position
e2e_check "filter without hamza finds the hamza form: 1 of 2" \
	e2e_wait_row -1 " filter: ﻑﻮﻛﺎﺷﻭﺍ  (1 of 2; Esc clears)$(printf '%78s' '')1/1"
e2e_keys Enter
e2e_check "opened from the filter, its hit highlighted and counted" \
	e2e_wait_row -1 " filter: ﻑﻮﻛﺎﺷﻭﺍ  (1 of 2; Esc clears)$(printf '%51s' '')hit 1/1  1/1  line 26/56  100%"
e2e_keys Escape q Escape
e2e_check "Esc clears the filter" e2e_wait "ﺮﻳﺯﻭ ﻯﺮﺟﺃ"
e2e_check "the list's own status row back" \
	e2e_wait_row -1 " qari — 2 articles, 1 unread — ? help, / search, v view$(printf '%61s' '')2/2"
e2e_keys g Enter
e2e_check "first article open" e2e_wait "line 1/"
e2e_keys /
e2e_keys -l "ترامب"
# the insertion point of Arabic text is on its left: the cursor block sits between the
# prompt and the (visual) word, not after it (polled: the word is in the article too, so it
# may be on screen before the prompt row has the whole query)
prompt_row_cursor_left() {
	tmux -L "$E2E_SOCK" capture-pane -p -e | tail -n 1 |
		grep -qP '^(\e\[[0-9;]*m)*find: (\e\[[0-9;]*m)*\e\[[0-9;]*7m(\e\[[0-9;]*m)* (\e\[[0-9;]*m)*ﺐﻣﺍﺮﺗ'
}
e2e_check "cursor block on the left of an Arabic query" e2e_until 10 prompt_row_cursor_left
e2e_keys Enter
e2e_check "find in the article counts hits" e2e_wait "hit 1/4"
e2e_keys n
e2e_check "n goes to the next hit" e2e_wait "hit 2/4"
e2e_keys N N
e2e_check "N goes back, wrapping" e2e_wait "hit 4/4"
e2e_keys /
e2e_keys -l "غيرموجود"
e2e_keys Enter
e2e_check "a query with no hit says so" e2e_wait "not found"
e2e_keys Q
e2e_check "clean exit" e2e_exited

# A query typed in one go over a corpus that is still loading, with a slip taken back: the
# filter runs in slices between keys, so every key is read, and the count comes out right.
big="$E2E_TMP/big"
n=3000
python3 - "$big" "$n" <<'PY'
import os, sys
folder, n = sys.argv[1], int(sys.argv[2])
os.makedirs(folder)
filler = "أجرى وزير الخارجية اتصالاً هاتفياً بنظيره، وبحث الجانبان العلاقات الثنائية.\n" * 30
for i in range(n):
    city = "Riyadh" if i % 7 == 0 else "Jeddah"
    with open(os.path.join(folder, f"s{i:05d}.txt"), "w", encoding="utf-8") as f:
        f.write(f"Story {i:05d}\n{filler}The meeting was in {city}.\n")
PY
riyadh=$(((n + 6) / 7))
e2e_start 100 20 "$qari" "$big"
e2e_check "the big list shows" e2e_wait "Story "
e2e_keys /
e2e_keys -l "riyadhx"
e2e_keys BSpace
e2e_check "the prompt echoes what was typed" e2e_wait "/riyadh"
e2e_keys Enter
# counts as the status line writes them: 3,000
thousands() { sed ':a;s/\B[0-9]\{3\}\>/,&/;ta' <<<"$1"; }
all=$(thousands "$n")
e2e_check "the filter counts every match" e2e_wait "($riyadh of $all;" 60
e2e_keys Escape
e2e_check "Esc clears it" e2e_wait "qari — 3,000 articles, " 60
# Enter Enter right after the query: the first match opens as soon as it is known (the pass
# tests in list order), and the rest of the pass goes on behind the reader
e2e_keys /
e2e_keys -l "jeddah"
e2e_keys Enter Enter
e2e_check "Enter opens from the final result" e2e_wait "hit 1/1"
e2e_keys q
e2e_check "the other matches counted" e2e_wait "($(thousands $((n - riyadh))) of $all;"
e2e_keys Q
e2e_check "clean exit" e2e_exited
e2e_finish
