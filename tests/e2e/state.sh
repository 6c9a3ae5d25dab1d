#!/usr/bin/env bash
# Read marks, bookmarks and the reading position survive a restart and a kill -9; a corrupt
# state file is moved aside with a warning and the reader still works.
source "$(dirname "$0")/lib.sh"
qari=$1
dir="$XDG_STATE_HOME/qari"

restart() {
	tmux -L "$E2E_SOCK" kill-server 2>/dev/null
	e2e_start 120 32 "$qari"
	e2e_wait "ﺮﻳﺯﻭ ﻯﺮﺟﺃ"
}

e2e_start 120 32 "$qari"
e2e_check "list shown" e2e_wait "ﺮﻳﺯﻭ ﻯﺮﺟﺃ"
e2e_keys '*'
e2e_check "bookmark acknowledged" e2e_wait "bookmarked"
e2e_check "bookmark marker in the list" bash -c "tmux -L $E2E_SOCK capture-pane -p | head -1 | grep -q '^\*'"
# open the first article, scroll, leave: the position is remembered
e2e_keys Enter
e2e_check "article open" e2e_wait "line 1/"
e2e_keys j j j j j j
e2e_check "scrolled" e2e_wait "line 7/"
e2e_keys q q
e2e_check "clean exit" e2e_exited

restart
e2e_check "bookmark survives a restart" bash -c "tmux -L $E2E_SOCK capture-pane -p | head -1 | grep -q '^\*'"
e2e_keys Enter
e2e_check "position restored after a restart" e2e_wait "line 7/"
e2e_keys q j '*'
e2e_check "second bookmark acknowledged" e2e_wait "bookmarked"
# kill -9 right after the acknowledgement: nothing acknowledged may be lost
pkill -9 -P "$(tmux -L "$E2E_SOCK" display -p "#{pane_pid}")" || true
restart
e2e_check "both bookmarks survive kill -9" bash -c "[ \$(tmux -L $E2E_SOCK capture-pane -p | grep -c '^\*') -eq 2 ]"
e2e_keys Q
e2e_exited

# a corrupt state file: moved aside, one warning, the reader works
tmux -L "$E2E_SOCK" kill-server
printf 'garbage\x01\x02 not a state file\n' > "$dir/state"
rm -f "$dir/state.journal"
e2e_start 120 32 "$qari"
e2e_check "list shown despite a corrupt state file" e2e_wait "ﺮﻳﺯﻭ ﻯﺮﺟﺃ"
e2e_check "warning names the state file" e2e_wait "state"
e2e_check "corrupt file moved aside" bash -c "ls '$dir' | grep -q 'corrupt'"
e2e_keys Q
e2e_check "clean exit" e2e_exited

# a state folder that cannot be made (root ignores chmod, so its parent is a file): the
# reader says so once and works, marks kept for the session
tmux -L "$E2E_SOCK" kill-server
touch "$E2E_TMP/not-a-folder"
XDG_STATE_HOME="$E2E_TMP/not-a-folder/state" e2e_start 120 32 "$qari"
e2e_check "unwritable state folder named in a warning" e2e_wait "cannot create the state folder"
e2e_keys Enter
e2e_check "article opens without state" e2e_wait "line 1/"
e2e_keys Q
e2e_check "clean exit without state" e2e_exited

# the entity cache: written by a reader that indexed, and a folder that cannot be made is
# named once in the status line while the reader works on
cache_written() { [[ -s "$XDG_CACHE_HOME/qari/entities" ]]; }
e2e_check "entities cached after a session" cache_written
tmux -L "$E2E_SOCK" kill-server
XDG_CACHE_HOME="$E2E_TMP/not-a-folder/cache" e2e_start 120 32 "$qari"
e2e_check "unwritable cache folder named in a warning" e2e_wait "entities not cached: $E2E_TMP/not-a-folder"
e2e_keys Enter
e2e_check "article opens without a cache" e2e_wait "line 1/"
e2e_keys Q
e2e_check "clean exit without a cache" e2e_exited
e2e_finish
