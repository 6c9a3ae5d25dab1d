#!/usr/bin/env bash
# A resize storm: many sizes in a row, down to 1x1 and back, at any moment; the reader survives
# and the final screen is sane.
source "$(dirname "$0")/lib.sh"
qari=$1

e2e_start 120 32 "$qari"
e2e_check "list shown" e2e_wait "ﺮﻳﺯﻭ ﻯﺮﺟﺃ"
e2e_keys Enter
e2e_check "article open" e2e_wait "line 1/"
for size in 80x24 1x1 2x2 40x10 59x20 60x20 119x30 120x30 10x3 200x60 1x40 300x1 3x3 100x30; do
	e2e_resize "${size%x*}" "${size#*x}"
	e2e_keys j
done
e2e_resize 120 32
e2e_check "reading pane back after the storm" e2e_wait "line "
e2e_check "list back after the storm" e2e_wait "ﺮﻳﺯﻭ ﻯﺮﺟﺃ"
e2e_check "separator drawn" e2e_wait "│"
# at the top again, the sidebar hidden: the very screen reader.sh sees without a storm
e2e_keys g s
e2e_check "the whole screen as before the storm" \
	e2e_wait_screen "$(dirname "$0")/screens/article-120x32.txt"
e2e_keys s
# narrow: one pane at a time, the reader full width
e2e_resize 50 20
e2e_check "one pane when narrow" e2e_wait_gone "│"
e2e_keys q
e2e_check "q shows the list alone" e2e_wait "ﺔﻴﺟﺭﺎﺨﻟﺍ"
# too small to use: the status line says so (not a sliver of a stale list), keys wait
e2e_resize 40 2
e2e_check "too small: a clear message" e2e_wait "terminal too small for qari"
e2e_keys Enter
e2e_resize 80 24
e2e_check "usable again: the list is back" e2e_wait "ﺔﻴﺟﺭﺎﺨﻟﺍ"
e2e_check "the key typed while too small did nothing" e2e_wait_gone "line "
e2e_keys q
e2e_check "still a clean exit" e2e_exited

# a terminal that cannot move the cursor: a one-line reason and status 1, no broken screen
E2E_TERM=dumb e2e_start 80 24 "$qari"
e2e_check "TERM=dumb: says why" e2e_wait 'the terminal type "dumb" cannot move the cursor'
e2e_check "TERM=dumb: exit status 1" e2e_wait "[exit 1]"
e2e_finish
