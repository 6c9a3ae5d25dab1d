# tests/e2e/lib.sh - drive qari in a real terminal: a private tmux server at a fixed size,
# keys with send-keys, the screen with capture-pane, polling instead of fixed sleeps.
# Usage: source it, then e2e_start COLS ROWS ARGS...; e2e_wait TEXT; e2e_keys KEYS...
set -u

E2E_SOCK="qari-e2e-$$-$RANDOM"
E2E_SOCKS=()
E2E_TMP=$(mktemp -d)
E2E_FAILS=0
E2E_PASSES=0
# sanitizer reports go to files: a leak or UB found in the reader fails the test
export ASAN_OPTIONS="${ASAN_OPTIONS:-}:log_path=$E2E_TMP/asan"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-}:log_path=$E2E_TMP/ubsan:print_stacktrace=1"
export XDG_STATE_HOME="$E2E_TMP/state" XDG_CONFIG_HOME="$E2E_TMP/config"
# the store too: with no PATH the reader opens one that holds articles
export XDG_CACHE_HOME="$E2E_TMP/cache" XDG_DATA_HOME="$E2E_TMP/data"
export LANG=C.UTF-8 LC_ALL=C.UTF-8

e2e_cleanup() {
	local s
	for s in "${E2E_SOCKS[@]}"; do
		tmux -L "$s" kill-server 2>/dev/null
	done
	rm -rf "$E2E_TMP"
}
trap e2e_cleanup EXIT

# e2e_start COLS ROWS QARI [ARGS...]: start the program in a fresh pane that stays after exit
e2e_start() {
	local cols=$1 rows=$2
	shift 2
	local cmd
	# a new server each time: a restart never races the old one's shutdown
	E2E_SOCK="qari-e2e-$$-$RANDOM-${#E2E_SOCKS[@]}"
	E2E_SOCKS+=("$E2E_SOCK")
	printf -v cmd '%q ' "$@"
	tmux -L "$E2E_SOCK" -f /dev/null new-session -d -x "$cols" -y "$rows" \
		"env TERM=${E2E_TERM:-xterm-256color} $cmd; echo \"[exit \$?]\"; sleep 30"
}

e2e_screen() { tmux -L "$E2E_SOCK" capture-pane -p; }

# e2e_wait TEXT [SECONDS]: poll until the screen holds TEXT (fixed string)
e2e_wait() {
	local text=$1 limit=${2:-10} i screen
	for ((i = 0; i < limit * 20; i++)); do
		screen=$(e2e_screen)
		if grep -qF -- "$text" <<<"$screen"; then
			return 0
		fi
		# the program ended while we wait for something else: fail now, not at the limit
		if [[ $text != "[exit"* ]] && grep -qF "[exit " <<<"$screen"; then
			return 1
		fi
		sleep 0.05
	done
	return 1
}

# e2e_until SECONDS COMMAND...: poll until COMMAND succeeds (bytes a pipe-pane has yet to write)
e2e_until() {
	local limit=$1 i
	shift
	for ((i = 0; i < limit * 20; i++)); do
		"$@" && return 0
		sleep 0.05
	done
	return 1
}

# e2e_row N: row N of the screen (1 is the top, -1 the bottom), trailing blanks dropped
e2e_row() {
	local n=$1
	((n < 0)) && n=$(($(tmux -L "$E2E_SOCK" display -p '#{pane_height}') + 1 + n))
	e2e_screen | sed -n "${n}p"
}

# e2e_wait_row N TEXT [SECONDS]: poll until row N is TEXT exactly; else show what it is
e2e_wait_row() {
	local n=$1 text=$2
	e2e_until "${3:-10}" e2e_row_is "$n" "$text" && return 0
	printf 'row %s is:\n[%s]\nexpected:\n[%s]\n' "$n" "$(e2e_row "$n")" "$text" >&2
	return 1
}
e2e_row_is() { [[ $(e2e_row "$1") == "$2" ]]; }

# e2e_wait_line TEXT [SECONDS]: poll until some row of the screen is TEXT exactly
e2e_wait_line() { e2e_until "${2:-10}" e2e_has_line "$1"; }
e2e_has_line() { e2e_screen | grep -qxF -- "$1"; }

# e2e_wait_screen FILE [SECONDS]: poll until the whole screen is FILE's text (tests/e2e/screens/,
# as capture-pane prints it); else show the difference
e2e_wait_screen() {
	local want=$1
	# E2E_UPDATE_SCREENS=1: write the screen as it settles instead (read the diff, then commit)
	if [[ -n ${E2E_UPDATE_SCREENS:-} ]]; then
		e2e_until 10 e2e_screen_settled && e2e_screen >"$want"
		return 0
	fi
	e2e_until "${2:-10}" e2e_screen_is "$want" && return 0
	diff -u "$want" <(e2e_screen) >&2
	return 1
}
e2e_screen_is() { [[ $(e2e_screen) == "$(cat "$1")" ]]; }
# the same screen twice, a quarter of a second apart (only for E2E_UPDATE_SCREENS)
e2e_screen_settled() { local a; a=$(e2e_screen); sleep 0.25; [[ $a == "$(e2e_screen)" ]]; }

# e2e_sanitizer_logs: print what ASan or UBSan reported so far
e2e_sanitizer_logs() {
	local f
	for f in "$E2E_TMP"/asan* "$E2E_TMP"/ubsan*; do
		[[ -e $f ]] && cat "$f" >&2
	done
	return 0
}

# e2e_wait_gone TEXT [SECONDS]: poll until TEXT is no longer on the screen
e2e_wait_gone() {
	local text=$1 limit=${2:-10} i
	for ((i = 0; i < limit * 20; i++)); do
		if ! e2e_screen | grep -qF -- "$text"; then
			return 0
		fi
		sleep 0.05
	done
	return 1
}

e2e_keys() { tmux -L "$E2E_SOCK" send-keys "$@"; }
e2e_resize() { tmux -L "$E2E_SOCK" resize-window -x "$1" -y "$2"; }

# e2e_check DESCRIPTION COMMAND...: one assertion; on failure the screen is printed
e2e_check() {
	local what=$1
	shift
	if "$@"; then
		E2E_PASSES=$((E2E_PASSES + 1))
	else
		E2E_FAILS=$((E2E_FAILS + 1))
		echo "FAIL: $what" >&2
		echo "--- screen ---" >&2
		e2e_screen >&2
		echo "--------------" >&2
		e2e_sanitizer_logs
	fi
}

# e2e_exited: the program ended with status 0 (the pane prints "[exit N]")
e2e_exited() { e2e_wait "[exit 0]" "${1:-10}"; }

# e2e_finish: sanitizer logs count as failures; prints the closing line
e2e_finish() {
	local f
	for f in "$E2E_TMP"/asan* "$E2E_TMP"/ubsan*; do
		[[ -e $f ]] || continue
		E2E_FAILS=$((E2E_FAILS + 1))
		echo "FAIL: sanitizer report $f" >&2
		cat "$f" >&2
	done
	echo "$E2E_PASSES passed, $E2E_FAILS failed"
	((E2E_FAILS == 0))
}
