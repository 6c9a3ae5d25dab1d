#!/usr/bin/env bash
# Links over SSH: u lists every link of the article, numbered, and opens or copies one; with no
# display o runs $BROWSER (or a terminal browser found on PATH) in this terminal, curses
# stepping aside and the article coming back where it was; y inside tmux also fills tmux's
# buffer, and the status line says which way the copy went.
source "$(dirname "$0")/lib.sh"
qari=$1
data=${QARI_TEST_DATA:-$(dirname "$0")/../data}

bin="$E2E_TMP/bin"
mkdir -p "$bin"
# a terminal browser: shows what it was given, records it, and ends at Enter
cat >"$bin/fakebrowser" <<'SH'
#!/bin/sh
printf 'FAKE BROWSER: %s\n' "$1"
printf '%s\n' "$1" >>"$(dirname "$0")/opened"
read -r line
SH
chmod +x "$bin/fakebrowser"
cp "$bin/fakebrowser" "$bin/w3m"
opened() { grep -qxF -- "$1" "$bin/opened" 2>/dev/null; }

e2e_start 80 8 env -u DISPLAY -u WAYLAND_DISPLAY BROWSER="$bin/fakebrowser" "$qari" "$data/links/links.txt"
e2e_check "article listed" e2e_wait "1/1"
e2e_keys Enter z j j
e2e_check "scrolled" e2e_wait "line 3/"
e2e_keys u
e2e_check "u: the picker" e2e_wait "links — Enter or o opens, y copies, q closes"
e2e_check "numbered links" e2e_wait_line "   1  https://example.com/report?id=42"
e2e_check "a wrapped link in one row" e2e_wait "   3  https://example.org/a/very/long/path/that/wraps/over/the/end/of/the"
e2e_keys j Enter
e2e_check "the browser runs in this terminal" e2e_wait "FAKE BROWSER: https://ar.wikipedia.org/wiki/"
e2e_check "given the chosen link" e2e_until 10 opened "https://ar.wikipedia.org/wiki/مصر"
e2e_keys Enter
e2e_check "back from it" e2e_wait "back from"
e2e_check "the article where it was" e2e_wait "line 3/"
e2e_keys u G y
e2e_check "y in the picker copies, by tmux's buffer too" e2e_wait "copied (OSC 52 and tmux's buffer)"
buffer_is() { [[ $(tmux -L "$E2E_SOCK" show-buffer 2>/dev/null) == "$1" ]]; }
e2e_check "tmux's buffer holds the link" e2e_until 10 buffer_is "https://en.wikipedia.org/wiki/Riyadh_(city)"
e2e_keys Q
e2e_check "clean exit" e2e_exited

# no $BROWSER and no display: o finds a terminal browser on PATH
e2e_start 100 24 env -u DISPLAY -u WAYLAND_DISPLAY -u BROWSER PATH="$bin:$PATH" "$qari"
e2e_check "bundled articles" e2e_wait "/2"
e2e_keys g Enter o
e2e_check "w3m from PATH runs here" e2e_wait "FAKE BROWSER: https://"
e2e_keys Enter
e2e_check "back in the reader" e2e_wait "back from w3m"
e2e_keys Q
e2e_check "clean exit" e2e_exited
e2e_finish
