#!/usr/bin/env bash
# The search line edits like a shell's (Left/Right, Ctrl-A/E/U/W, history with Up), and find
# in the reader starts from the current view, as less does.
source "$(dirname "$0")/lib.sh"
qari=$1

status() { e2e_screen | tail -n 1; }
# status_is TEXT: poll until the status line is TEXT (capture-pane drops trailing blanks)
status_is() { local want=$1 i; for ((i = 0; i < 200; i++)); do [[ $(status) == "$want" ]] && return 0; sleep 0.05; done; return 1; }

e2e_start 80 12 "$qari"
e2e_check "list shown" e2e_wait "1/2"
e2e_keys /
e2e_keys -l "one two"
e2e_keys Left Left
e2e_keys -l "X"
e2e_check "Left moves the cursor: insertion in the middle" status_is "/one tXwo"
e2e_keys C-a
e2e_keys -l "Y"
e2e_keys C-e
e2e_keys -l "Z"
e2e_check "Ctrl-A and Ctrl-E go to the ends" status_is "/Yone tXwoZ"
e2e_keys C-w
e2e_check "Ctrl-W deletes the word before the cursor" status_is "/Yone"
e2e_keys C-u
e2e_check "Ctrl-U deletes the line before the cursor" status_is "/"
e2e_keys Escape

e2e_keys g Enter z
e2e_check "first article open" e2e_wait "line 1/"
e2e_keys /
e2e_keys -l "ترامب"
e2e_keys Enter
e2e_check "from the top, find goes to the first hit" e2e_wait "hit 1/4"
e2e_keys g Space
e2e_check "a page down" e2e_wait_gone "line 1/"
e2e_keys / Up
e2e_check "Up recalls the last query" status_is "find:  ﺐﻣﺍﺮﺗ"
e2e_keys Enter
e2e_check "find starts from the view, not from the top" e2e_wait "hit 2/4"
e2e_keys Q
e2e_check "clean exit" e2e_exited
e2e_finish
