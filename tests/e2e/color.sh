#!/usr/bin/env bash
# Colours by TERM; none with NO_COLOR or --no-color (attributes such as reverse remain).
source "$(dirname "$0")/lib.sh"
qari=$1

has_colour() { tmux -L "$E2E_SOCK" capture-pane -p -e | grep -qE $'\e\\[([0-9;]*;)?(3[0-7]|38|4[0-7]|48|9[0-7])[;m]'; }
no_colour() { ! has_colour; }

e2e_start 100 20 "$qari"
e2e_check "list shown" e2e_wait "ﺮﻳﺯﻭ ﻯﺮﺟﺃ"
e2e_check "colours by default on a 256-colour terminal" has_colour
e2e_keys Q
e2e_check "quit" e2e_exited
tmux -L "$E2E_SOCK" kill-server

e2e_start 100 20 env NO_COLOR=1 "$qari"
e2e_check "list shown with NO_COLOR" e2e_wait "ﺮﻳﺯﻭ ﻯﺮﺟﺃ"
e2e_check "no colour with NO_COLOR" no_colour
e2e_keys Q
tmux -L "$E2E_SOCK" kill-server

e2e_start 100 20 "$qari" --no-color
e2e_check "list shown with --no-color" e2e_wait "ﺮﻳﺯﻭ ﻯﺮﺟﺃ"
e2e_check "no colour with --no-color" no_colour
e2e_keys Q
tmux -L "$E2E_SOCK" kill-server

E2E_TERM=vt100 e2e_start 100 20 "$qari"
e2e_check "list shown on a monochrome terminal" e2e_wait "ﺮﻳﺯﻭ ﻯﺮﺟﺃ"
e2e_check "no colour on vt100" no_colour
e2e_keys Q
e2e_finish
