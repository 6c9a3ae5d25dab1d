#!/usr/bin/env bash
# A scripted session under valgrind (memcheck): the bundled articles and small JSON and feed
# fixtures; scroll the list, filter it, open, clear the filter, page, find, follow a related
# story from the sidebar and come back, resize, help, quit. Any memory error, or a definite or indirect leak,
# makes valgrind exit 99 and fails the test; still-reachable blocks do not count (curses and
# libxml2 keep theirs to the end). Usage: valgrind.sh QARI SANITIZERS ('none' unless an ASan
# build, whose binary valgrind cannot run: skipped there, status 77).
source "$(dirname "$0")/lib.sh"
qari=$1 sanitizers=${2:-none}

if [[ $sanitizers != none ]]; then
	echo "SKIP: valgrind cannot run a sanitizer build ($sanitizers)"
	exit 77
fi
if ! command -v valgrind >/dev/null; then
	echo "FAIL: valgrind is not installed (scripts/bootstrap installs it)" >&2
	exit 1
fi

log=$E2E_TMP/valgrind.log
slow=120 # seconds a screen may take under valgrind
e2e_start 120 32 valgrind --quiet --error-exitcode=99 --leak-check=full \
	--show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite,indirect \
	--suppressions="$(dirname "$0")/valgrind.supp" --num-callers=40 --log-file="$log" \
	"$qari" "$QARI_DATADIR/articles" "$QARI_TEST_DATA/json" "$QARI_TEST_DATA/feeds"
e2e_check "list shown" e2e_wait "Markets & oil" $slow
e2e_keys j j j j k
e2e_keys /
e2e_keys -l "لافروف"
e2e_keys Enter
e2e_check "the list filtered" e2e_wait "(1 of" $slow
e2e_keys Enter
e2e_check "the filter's article open" e2e_wait "1/1  line 1/" $slow
# Esc in the reader clears the filter's hits, then the filter: the article stays open
e2e_keys Escape
e2e_check "hits cleared" e2e_wait_gone "hit 1/" $slow
e2e_keys Escape
e2e_check "filter cleared" e2e_wait_gone "filter:" $slow
e2e_check "article still open" e2e_wait "12/26  line 1/" $slow
e2e_keys PageDown
e2e_check "paged down" e2e_wait "line 15/" $slow
e2e_keys /
e2e_keys -l "ترامب"
e2e_keys Enter
# find starts from the view (paged down past the first hit), as less does
e2e_check "find in the article" e2e_wait "hit 2/4" $slow
e2e_check "sidebar lists related stories" e2e_wait "Related stories" $slow
e2e_keys r
e2e_check "related story selected in the sidebar" e2e_wait "Enter follows" $slow
e2e_keys Enter
e2e_check "the related story opened" e2e_wait_gone "12/26" $slow
e2e_keys BSpace
e2e_check "back to the first article" e2e_wait "12/26" $slow
for size in 80x24 40x10 1x1 200x50 120x32; do
	e2e_resize "${size%x*}" "${size#*x}"
done
e2e_check "redrawn after resizing" e2e_wait "12/26" $slow
e2e_keys '?'
e2e_check "help shown" e2e_wait "qari keys" $slow
e2e_keys q
e2e_check "help closed" e2e_wait_gone "qari keys" $slow
e2e_keys Q
e2e_check "valgrind found nothing (exit 0, not 99)" e2e_exited $slow
e2e_check "valgrind ran (its log exists)" test -e "$log"
if [[ -s $log ]]; then
	echo "--- valgrind ---" >&2
	cat "$log" >&2
	E2E_FAILS=$((E2E_FAILS + 1))
fi
e2e_finish
