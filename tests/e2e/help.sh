#!/usr/bin/env bash
# ? shows every key, generated from the live key map; q closes it.
source "$(dirname "$0")/lib.sh"
qari=$1

e2e_start 100 40 "$qari"
e2e_check "list shown" e2e_wait "ﺮﻳﺯﻭ ﻯﺮﺟﺃ"
e2e_keys '?'
e2e_check "help title" e2e_wait "qari keys"
e2e_check "open keys listed" e2e_wait "Enter l →"
e2e_check "search key listed" e2e_wait "search: filter the list"
e2e_check "history keys listed" e2e_wait "Backspace Ctrl-O"
e2e_check "copy key listed" e2e_wait "copy the source URL"
e2e_keys q
e2e_check "q closes the help" e2e_wait_gone "qari keys"
e2e_check "list is back" e2e_wait "ﺮﻳﺯﻭ ﻯﺮﺟﺃ"
e2e_keys q
e2e_check "q quits" e2e_exited
e2e_finish
