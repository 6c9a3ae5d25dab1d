#!/usr/bin/env bash
# ? shows every key, generated from the live key map; q closes it.
source "$(dirname "$0")/lib.sh"
qari=$1

e2e_start 100 40 "$qari"
e2e_check "list shown" e2e_wait "ﺮﻳﺯﻭ ﻯﺮﺟﺃ"
e2e_keys '?'
e2e_check "help title, the first row" e2e_wait_row 1 " qari keys — q or ? closes this help"
e2e_check "help named in the status row" e2e_wait_row -1 " help"
e2e_check "open keys listed" e2e_wait_line " Enter l →               open the selected article"
e2e_check "search key listed" \
	e2e_wait_line " /                       search: filter the list, or find in the article"
e2e_check "history keys listed" e2e_wait_line " Backspace Ctrl-O        back through the jump history"
e2e_check "copy key listed" \
	e2e_wait_line " y                       copy the source URL (OSC 52; in tmux, its buffer too)"
e2e_keys q
e2e_check "q closes the help" e2e_wait_gone "qari keys"
e2e_check "list is back" e2e_wait "ﺮﻳﺯﻭ ﻯﺮﺟﺃ"
e2e_keys q
e2e_check "q quits" e2e_exited
e2e_finish
