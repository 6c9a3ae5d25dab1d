#!/usr/bin/env bash
# run.sh FUZZER SECONDS|runs=N WORKDIR [SEEDDIR...] - one libFuzzer run, for scripts/fuzz and the
# smoke tests: new inputs go to WORKDIR/corpus (the seed folders are only read), crashes,
# timeouts and out-of-memory inputs to WORKDIR/crashes. Exit status 1 when anything was found.
# With runs=N the run is reproducible instead: a fixed seed, N inputs, a fresh corpus
# (the test suite's smoke run: what passes on one machine passes on the next).
set -uo pipefail
fuzzer=$1 seconds=$2 work=$3
shift 3
limit=(-max_total_time="$seconds")
if [[ $seconds == runs=* ]]; then
	limit=(-runs="${seconds#runs=}" -seed=1)
	rm -rf "$work/corpus"
fi
mkdir -p "$work/corpus" "$work/crashes"
seeds=()
for d in "$@"; do
	[[ -d $d ]] && seeds+=("$d")
done
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
"$fuzzer" "$work/corpus" "${seeds[@]}" "${limit[@]}" -timeout=10 \
	-dict="$(dirname "$0")/unicode.dict" \
	-rss_limit_mb=2048 -max_len=16384 -artifact_prefix="$work/crashes/" -print_final_stats=1 \
	2>"$work/log"
status=$?
tail -n 25 "$work/log"
if ((status != 0)); then
	echo "fuzz: $(basename "$fuzzer") found a problem; inputs in $work/crashes/" >&2
	ls -l "$work/crashes/" >&2
	exit 1
fi
exit 0
