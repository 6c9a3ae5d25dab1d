#!/usr/bin/env bash
# The config file remaps keys (and help shows the remap); a bad line is reported with its line
# number while the rest is used.
source "$(dirname "$0")/lib.sh"
qari=$1

mkdir -p "$XDG_CONFIG_HOME/qari"
cat > "$XDG_CONFIG_HOME/qari/config" <<'CONF'
# test config
bind = x open
unbind = Enter
bogus line without equals
measure = 60
CONF

e2e_start 120 32 "$qari"
e2e_check "list shown" e2e_wait "ﺮﻳﺯﻭ ﻯﺮﺟﺃ"
e2e_check "bad line reported with its number" e2e_wait "config:4"
# Enter does nothing: the j after it moves the list's selection (in an open article j would
# scroll), and the status row is the list's, exactly
e2e_keys Enter j
e2e_check "unbound Enter does nothing" \
	e2e_wait_row -1 " qari — 2 articles, 2 unread — ? help, / search, v view$(printf '%61s' '')2/2"
e2e_keys x
e2e_check "x opens the article" e2e_wait "2/2  line 1/"
e2e_keys '?'
e2e_check "help shows the remapped key" e2e_wait "l → x"
e2e_keys q Q
e2e_check "clean exit" e2e_exited
e2e_finish
