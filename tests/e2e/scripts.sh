#!/usr/bin/env bash
# Text in two directions and four scripts: each paragraph clearly in one script takes its
# direction (an English paragraph in an Arabic article starts at the left, "CNN قالت…" stays
# right to left), Hebrew reads right to left, Persian and Urdu letters are shaped (ZWNJ
# breaks the join), and the Arabic-only tagger lists nothing for them rather than noise.
source "$(dirname "$0")/lib.sh"
qari=$1
data=${QARI_TEST_DATA:-$(dirname "$0")/../data}/scripts

e2e_start 100 20 "$qari" "$data"
e2e_check "Hebrew title, right to left" e2e_wait "םילשוריב תוחיש"
# گفت‌وگوی: ZWNJ after گفت leaves its ت final, و isolated; پایتخت with Persian پ and ی
e2e_check "Persian title shaped" e2e_wait "ﺖﺨﺘﯾﺎﭘ ﺭﺩ ﺭﻮﺸﮐ ﻭﺩ ﯼﻮﮔﻭﺖﻔﮔ"
e2e_check "Urdu title shaped" e2e_wait "ﺕﺍﺮﮐﺍﺬﻣ ﮟﯿﻣ ﺖﻣﻮﮑﺤﻟﺍﺭﺍﺩ"
# search folds Persian ک and ی onto Arabic ك and ي: typed the Arabic way, the Persian
# article is found (and only it)
e2e_keys /
e2e_keys -l "كشور"
e2e_keys Enter
e2e_check "an Arabic-typed query finds the Persian article" e2e_wait "(1 of 4"
e2e_check "the Persian article it is" e2e_wait "ﺖﺨﺘﯾﺎﭘ ﺭﺩ ﺭﻮﺸﮐ ﻭﺩ ﯼﻮﮔﻭﺖﻔﮔ"
e2e_keys Escape g
e2e_keys j Enter z
e2e_check "the Arabic article opens" e2e_wait "line 1/"
english() { e2e_screen | grep -qx " The talks will resume next week in the capital, the minister said after the first round."; }
e2e_check "the English paragraph starts at the left edge" english
cnn() { e2e_screen | grep -qE "^ {20,}\.ﻩﺎﻴﻤﻟﺍﻭ ﺓﺭﺎﺠﺘﻟﺍﻭ ﺩﻭﺪﺤﻟﺍ ﻝﻭﺎﻨﺘﺘﺳ ﺔﻴﻧﺎﺜﻟﺍ ﺔﻟﻮﺠﻟﺍ ﻥﺇ ﺖﻟﺎﻗ CNN$"; }
e2e_check "the paragraph opening with CNN stays right to left, right-aligned" cnn
e2e_keys z q j Enter e
e2e_check "the Persian article's sidebar: nothing, not noise" e2e_wait "no entities found in this article"
e2e_keys Q
e2e_check "clean exit" e2e_exited
e2e_finish
