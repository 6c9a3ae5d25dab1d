#!/usr/bin/env bash
# URLs in the reading pane as OSC 8 hyperlinks: with "hyperlinks = on" the bytes the pane
# receives (pipe-pane) hold each URL once per line it covers, percent-encoded, around the
# same text the screen shows; a URL in an article cannot smuggle an escape into the payload;
# off by default inside tmux (3.3 does not pass OSC 8 on).
source "$(dirname "$0")/lib.sh"
qari=$1
data="$(dirname "$0")/../data/links"
raw="$E2E_TMP/pane.bytes"
has() { LC_ALL=C grep -qaF -- "$(printf "$1")" "$raw"; }
absent() { ! has "$1"; }
# bytes arrive through pipe-pane a moment after the screen shows them: poll for them, and look
# for what must be absent once the pane's "[exit 0]", which follows all of qari's, is in
sent() { e2e_until 10 has "$1"; }
all_sent() { sent '[exit 0]'; }
# the number of OSC 8 openings qari sent for URL
opened() { LC_ALL=C grep -aoF -- "$(printf ';%s\033\\' "$1")" "$raw" | wc -l; }
opened_at_least() { (($(opened "$2") >= $1)); }

mkdir -p "$XDG_CONFIG_HOME/qari"
echo "hyperlinks = on" >"$XDG_CONFIG_HOME/qari/config"
e2e_start 50 10 "$qari" "$data/links.txt"
tmux -L "$E2E_SOCK" pipe-pane -o "cat >> '$raw'"
e2e_keys C-l
e2e_check "article listed" e2e_wait "1/1"
e2e_keys Enter
e2e_check "URL drawn" e2e_wait "report?id=42"
e2e_check "wrapped URL drawn whole" e2e_wait "window/index.html"
e2e_check "link sent" sent '\033]8;id=qari'
e2e_check "link closed" sent '\033]8;;\033\\'
e2e_check "Arabic path percent-encoded" sent ';https://ar.wikipedia.org/wiki/%%D9%%85%%D8%%B5%%D8%%B1\033\\'
e2e_check "one opening for a one-line URL" \
	e2e_until 10 opened_at_least 1 'https://example.com/report?id=42'
e2e_check "an opening per line of a wrapped URL" \
	e2e_until 10 opened_at_least 3 'https://example.org/a/very/long/path/that/wraps/over/the/end/of/the/line/in/a/narrow/terminal/window/index.html'
e2e_check "status line intact" e2e_wait "line 1/"
# scrolling draws new rows: their links are sent then, the screen stays right
e2e_keys j j j
e2e_check "scrolled" e2e_wait "line 4/"
e2e_check "screen text intact after links" e2e_wait "Plain English with"
e2e_check "link of a row drawn by scrolling, balanced bracket kept" \
	sent ';https://en.wikipedia.org/wiki/Riyadh_(city)\033\\'
e2e_keys Q
e2e_check "clean exit" e2e_exited
e2e_check "all bytes in" all_sent
e2e_check "Arabic comma left out of the link" absent '%%D8%%8C\033\\'

# a hostile article: the URL ends at the escape, the article's own OSC 8 never passes
: >"$raw"
e2e_start 50 12 "$qari" "$data/trap.txt"
tmux -L "$E2E_SOCK" pipe-pane -o "cat >> '$raw'"
e2e_keys C-l
e2e_check "trap listed" e2e_wait "A trap"
e2e_keys Enter
e2e_check "trap shown with the ESC picture" e2e_wait "http://a.com/x␛"
e2e_check "URL cut at the escape" sent ';http://a.com/x\033\\'
e2e_keys Q
e2e_check "clean exit" e2e_exited
e2e_check "all bytes in" all_sent
e2e_check "no OSC 8 from the article" absent '\033]8;;http://evil'

# default (auto) inside tmux: no hyperlinks
rm "$XDG_CONFIG_HOME/qari/config"
: >"$raw"
e2e_start 50 20 "$qari" "$data/links.txt"
tmux -L "$E2E_SOCK" pipe-pane -o "cat >> '$raw'"
e2e_keys C-l Enter
e2e_check "URL drawn without links" e2e_wait "report?id=42"
e2e_keys Q
e2e_check "clean exit" e2e_exited
e2e_check "all bytes in" all_sent
e2e_check "no OSC 8 when auto finds none" absent '\033]8;'
e2e_finish
