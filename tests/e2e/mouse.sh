#!/usr/bin/env bash
# The mouse, when the config turns it on: a click selects a row, a double click opens it, the
# wheel scrolls what is under it. Off by default (the terminal's own selection keeps working).
source "$(dirname "$0")/lib.sh"
qari=$1
data=${QARI_TEST_DATA:-$(dirname "$0")/../data}/related-story

# SGR mouse reports (xterm-256color's kmous): button;column;row, M press, m release
click() { tmux -L "$E2E_SOCK" send-keys -H $(printf '\e[<0;%d;%dM\e[<0;%d;%dm' "$1" "$2" "$1" "$2" | od -An -tx1); }
wheel_down() { tmux -L "$E2E_SOCK" send-keys -H $(printf '\e[<65;%d;%dM' "$1" "$2" | od -An -tx1); }

mkdir -p "$XDG_CONFIG_HOME/qari"
echo "mouse = on" >"$XDG_CONFIG_HOME/qari/config"
e2e_start 100 12 "$qari" "$data"
e2e_check "list shown" e2e_wait "1/5"
click 10 3
e2e_check "a click selects the row under it" e2e_wait " 3/5"
click 10 2
click 10 2
e2e_check "a double click opens it" e2e_wait "line 1/"
e2e_keys z q
e2e_check "back in the list" e2e_wait_gone "line 1/"
e2e_keys g
wheel_down 10 2
e2e_check "the wheel moves through the list" e2e_wait " 4/5"
e2e_keys Q
e2e_check "clean exit" e2e_exited

rm "$XDG_CONFIG_HOME/qari/config"
e2e_start 100 12 "$qari" "$data"
e2e_check "list shown" e2e_wait "/5"
e2e_keys g
e2e_check "on the first row" e2e_wait " 1/5"
click 10 3
e2e_check "off by default: a click does not select" e2e_wait "marked"
e2e_check "still on the first row" e2e_wait " 1/5"
e2e_keys Q
e2e_check "clean exit" e2e_exited
e2e_finish
