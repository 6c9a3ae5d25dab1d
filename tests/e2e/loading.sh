#!/usr/bin/env bash
# A corpus big enough to be still loading when the list appears: the list is usable at once
# (moving, filtering as articles arrive), the status line counts them as they come, and the
# count reaches the full number.
source "$(dirname "$0")/lib.sh"
qari=$1
big="$E2E_TMP/big"
n=6000
# 1 ms after each file: loading lasts seconds on any machine, so "still loading" is seen
export QARI_TEST_LOAD_PACE_US=1000

python3 - "$big" "$n" <<'PY'
import os, sys
folder, n = sys.argv[1], int(sys.argv[2])
os.makedirs(folder)
body = "أجرى وزير الخارجية عادل الجبير اتصالاً هاتفياً بنظيره في الرياض، وبحث الجانبان العلاقات الثنائية."
for i in range(n):
    with open(os.path.join(folder, f"s{i:05d}.txt"), "w", encoding="utf-8") as f:
        f.write(f"Story {i:05d}\n{body} {i}\n")
PY

e2e_start 130 20 "$qari" "$big"
e2e_check "the list shows while loading" e2e_wait "loading "
e2e_check "the first story listed" e2e_wait "Story 00000"
# an article opened while loading shows its entities at once (the index cannot start before
# loading ends), related stories later
e2e_keys Enter
e2e_check "its entities while loading, related stories later" e2e_wait "Related: when indexed"
e2e_check "the person is there" e2e_wait "ﺮﻴﺒﺠﻟﺍ ﻝﺩﺎﻋ"
e2e_keys q
e2e_keys j
e2e_check "the selection moves while loading" e2e_wait " 2/"
# filter for the last story, which arrives last: it joins the filtered list when it comes
e2e_keys /
e2e_keys -l "Story 05999"
e2e_keys Enter
e2e_check "the filter takes in articles that arrive later" e2e_wait "(1 of 6,000;" 30
e2e_keys Enter
e2e_check "the match opens" e2e_wait "line 1/"
e2e_keys Escape q Escape
e2e_check "every article in, the count complete" e2e_wait "qari — 6,000 articles, " 30
e2e_check "the selection stayed on its article" e2e_wait "Story 05999"
e2e_keys Q
e2e_check "clean exit" e2e_exited
e2e_finish
