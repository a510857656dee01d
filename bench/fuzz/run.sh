#!/bin/sh
# Long fuzzing runs: every target (or those named) for SECONDS each (default
# an hour), on a corpus that persists between runs in $FUZZ_WORK/NAME
# (default build-san/fuzz-work/), seeded from tests/fuzz/corpus/NAME/.
# Prints a Markdown table of executions, speed, coverage and crashes for
# docs/fuzzing.md.  Needs the clang build: CC=clang meson setup build-san
# -Db_sanitize=address,undefined -Db_lundef=false -Dfuzz=enabled.
#   bench/fuzz/run.sh [SECONDS] [TARGET...]
set -u
cd "$(dirname "$0")/../.." || exit 99
seconds=${1:-3600}
[ $# -gt 0 ] && shift
targets=${*:-load sheet_import xlsx assess docs json template diff yamlw review}
build=${FUZZ_BUILD:-build-san}
work=${FUZZ_WORK:-$build/fuzz-work}
ninja -C "$build" > /dev/null || exit 99
echo "| target | time | executions | exec/s | coverage (edges) | features | corpus | crashes |"
echo "|---|---|---|---|---|---|---|---|"
for t in $targets; do
	mkdir -p "$work/$t" "$build/fuzz-artifacts/$t"
	[ -n "$(ls -A "$work/$t")" ] || cp -R "tests/fuzz/corpus/$t/." "$work/$t/"
	log=$work/$t.log
	ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
	UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	    "$build/tests/fuzz_$t" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 \
	    -max_len=65536 -print_final_stats=1 -artifact_prefix="$build/fuzz-artifacts/$t/" \
	    "$work/$t" > "$log" 2>&1
	rc=$?
	crashes=$(ls "$build/fuzz-artifacts/$t" | wc -l)
	awk -v t="$t" -v s="$seconds" -v rc="$rc" -v crashes="$crashes" '
		/^#[0-9]+/ { for (i = 1; i <= NF; i++) { if ($i == "cov:") cov = $(i + 1);
			if ($i == "ft:") ft = $(i + 1); if ($i == "corp:") corp = $(i + 1) } }
		/stat::number_of_executed_units/ { execs = $2 }
		/stat::average_exec_per_sec/ { rate = $2 }
		END { printf "| %s | %d s | %d | %d | %d | %d | %s | %d%s |\n", t, s, execs, rate, cov,
			ft, corp, crashes, rc != 0 ? " (stopped: see " t ".log)" : "" }' "$log"
done
