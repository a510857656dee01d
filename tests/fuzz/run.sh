#!/bin/sh
# Runs one fuzz target for a bounded time on a copy of its seeds (the
# committed corpus is left as it is).  Exits non-zero on a crash, a leak,
# a timeout, an out-of-memory or a sanitizer report, after printing the
# end of libFuzzer's log and where the input that did it was saved (make
# it a regress case).  Prints one line of figures otherwise.
#   run.sh BUILD_DIR TARGET SECONDS [LIBFUZZER_OPTION...]
set -u
build=$1
target=$2
seconds=$3
shift 3
cd "$(dirname "$0")/../.." || exit 99
exe=$build/tests/fuzz_$target
[ -x "$exe" ] || { echo "fuzz: no $exe (configure with CC=clang -Dfuzz=enabled)"; exit 99; }
work=$(mktemp -d "${TMPDIR:-/tmp}/totsugo-fuzz.XXXXXX") || exit 99
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/corpus" "$build/fuzz-artifacts/$target"
cp -R "tests/fuzz/corpus/$target/." "$work/corpus/"
ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    "$exe" -max_total_time="$seconds" -rss_limit_mb=1024 -timeout=10 -max_len=65536 \
    -print_final_stats=1 -artifact_prefix="$build/fuzz-artifacts/$target/" "$@" \
    "$work/corpus" > "$work/log" 2>&1
rc=$?
if [ $rc -ne 0 ]; then
	tail -40 "$work/log"
	echo "fuzz $target: FAILED (exit $rc); the input is in $build/fuzz-artifacts/$target/"
	exit 1
fi
# The figures: executions, speed, coverage (edges, features), corpus.
awk -v t="$target" -v s="$seconds" '
	/^#[0-9]+/ { for (i = 1; i <= NF; i++) { if ($i == "cov:") cov = $(i + 1);
		if ($i == "ft:") ft = $(i + 1); if ($i == "corp:") corp = $(i + 1) } }
	/stat::number_of_executed_units/ { execs = $2 }
	/stat::average_exec_per_sec/ { rate = $2 }
	/stat::peak_rss_mb/ { rss = $2 }
	END { printf "fuzz %-13s %4ss: %9d runs, %6d/s, cov %5d, ft %6d, corpus %s, peak %s MB, no crash\n",
		t, s, execs, rate, cov, ft, corp, rss }' "$work/log"
