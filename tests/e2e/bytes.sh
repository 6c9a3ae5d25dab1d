#!/usr/bin/env bash
# Untrusted text never reaches the terminal raw: the bytes the reader sends to a tmux pane
# (captured with pipe-pane) hold none of the article's escape sequences, C1 controls or bidi
# overrides, while their visible stand-ins (␛) are drawn.
source "$(dirname "$0")/lib.sh"
qari=$1
evil="$(dirname "$0")/../data/hostile-e2e/evil.txt"
raw="$E2E_TMP/pane.bytes"

e2e_start 100 20 "$qari" "$evil"
tmux -L "$E2E_SOCK" pipe-pane -o "cat >> '$raw'"
e2e_keys C-l
e2e_check "hostile title listed with visible stand-ins" e2e_wait "Evil ␛]52;c;ZXZpbA==␇"
e2e_keys Enter
e2e_check "hostile body shown" e2e_wait "a link"
e2e_keys Q
e2e_check "clean exit" e2e_exited

absent() { ! LC_ALL=C grep -qaF -- "$(printf "$1")" "$raw"; }
# the pane's "[exit 0]" comes after everything qari sent: once it is in, so are they
e2e_check "bytes were captured to the end" e2e_until 10 env LC_ALL=C grep -qaF "[exit 0]" "$raw"
e2e_check "no OSC 52 from the article" absent '\033]52'
e2e_check "no OSC 8 from the article" absent '\033]8;;http://evil'
e2e_check "no colour sequence from the article" absent '\033[31mred'
e2e_check "no clear-screen from the URL" absent 'com/\033[2J'
e2e_check "no C1 CSI" absent '\302\233'
e2e_check "no RLO" absent '\342\200\256'
e2e_check "no LRI" absent '\342\201\246'
e2e_check "no BOM" absent '\357\273\277'
e2e_check "the ESC picture was sent" bash -c "LC_ALL=C grep -qaF '␛' '$raw'"
e2e_finish
