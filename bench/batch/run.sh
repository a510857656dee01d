#!/bin/sh
# Batch benchmark (issue 17, item 2): the automotive regulation (md + html,
# with labels) for 10, 100 and 1,000 generated member companies
# (bench/batch/gen.sh) in one `render --profiles DIR` — the data loaded and
# checked once, the companies spread over worker processes — against one
# `render --profile P` per company.  Prints the tables of
# docs/performance.md: instructions (callgrind, one process: -j 1), CPU
# time and wall-clock time (both cores: -j 2), the time spent making the
# files durable (strace: fsync / syncfs), and the scaling from 10 to 1,000.
#   bench/batch/run.sh [BUILD_DIR]   (default: a release build in build-bench/)
# Needs valgrind, strace, hyperfine (installed with apt-get when missing).
set -eu
cd "$(dirname "$0")/../.."
build=${1:-build-bench}
for pkg in valgrind strace hyperfine; do
	command -v "$pkg" >/dev/null || apt-get install -y -qq --no-install-recommends "$pkg" >/dev/null
done
[ -d "$build" ] || meson setup "$build" --buildtype=release -Dtests=disabled >/dev/null
ninja -C "$build" >/dev/null
exe=$(pwd)/$build/totsugo
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for n in 10 100 1000; do
	sh bench/batch/gen.sh "$work/p$n" "$n"
done

count() {	# instructions of a whole command (and its children)
	valgrind --tool=callgrind --trace-children=yes --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
		sed -n 's/.*Collected : *\([0-9]*\).*/\1/p' | awk '{ s += $1 } END { print s }'
}
batch() {	# batch N JOBS OUT
	"$exe" --data . render --industry automotive --profiles "$work/p$1" --labels -j "$2" -o "$3"
}
cpu() {	# user + sys seconds of a command, its children included
	/usr/bin/time -f "%U %S %e" "$@" 2>&1 >/dev/null | tail -1 | awk '{ printf "%.2f %.2f", $1 + $2, $3 }'
}

echo "date: $(date -u +%Y-%m-%d); $(nproc) cores; $(uname -m); $(cc --version | head -1);" \
	"load average $(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$work/o"
batch 1000 2 "$work/o" > "$work/list"
per_company=$(($(wc -l < "$work/list") / 1000))
echo "1,000 companies: $(wc -l < "$work/list") files, $(du -sm "$work/o" | cut -f1) MB"
written() {	# fails unless N companies' files are in $work/o
	got=$(find "$work/o" -type f | wc -l)
	[ "$got" -eq $(($1 * per_company)) ] || { echo "bench: $got files for $1 companies" >&2; exit 1; }
}

echo
echo "| companies | instructions (-j 1) | per company | CPU time (-j 2) | wall (-j 2, loaded machine) |"
echo "|---|---|---|---|---|"
ins10=0
for n in 10 100 1000; do
	if [ "$n" -le 100 ]; then
		rm -rf "$work/o"
		ins=$(count "$exe" --data . render --industry automotive --profiles "$work/p$n" --labels -j 1 \
			-o "$work/o")
		written "$n"
		[ "$n" = 10 ] && ins10=$ins
		[ "$n" = 100 ] && ins100=$ins
		insf=$(awk -v i="$ins" 'BEGIN { printf "%.2f G", i / 1e9 }')
		per=$(awk -v i="$ins" -v n="$n" 'BEGIN { printf "%.1f M", i / n / 1e6 }')
	else
		# Too slow under callgrind: extrapolated from 10 and 100.
		insf=$(awk -v a="$ins10" -v b="$ins100" 'BEGIN { printf "(%.1f G)", (a + (b - a) / 90 * 990) / 1e9 }')
		per="–"
	fi
	rm -rf "$work/o"
	sync
	# shellcheck disable=SC2046
	set -- $(cpu "$exe" --data . render --industry automotive --profiles "$work/p$n" --labels -j 2 \
		-o "$work/o")
	written "$n"
	echo "| $n | $insf | $per | $1 s | $2 s |"
done
awk -v a="$ins10" -v b="$ins100" 'BEGIN {
	printf "\nper company in a batch: %.1f M instructions (the difference 10 → 100 / 90); ", (b - a) / 90 / 1e6
	printf "fixed part (data load and checks, clause parsing): %.0f M\n", (a - 10 * (b - a) / 90) / 1e6
}'
alone=$(count "$exe" --data . render --industry automotive --profile "$work/p10/member-0001.yaml" \
	--labels -o "$work/alone")
awk -v a="$alone" -v s="$ins10" -v b="$ins100" 'BEGIN {
	printf "one company alone (one process): %.0f M instructions; ", a / 1e6
	printf "a batch costs %.2f of that per company\n", (b - s) / 90 / a
}'

echo
rm -rf "$work/o"
sync
strace -f -qq -e trace=fsync,fdatasync,syncfs -T -o "$work/strace" "$exe" --data . render \
	--industry automotive --profiles "$work/p1000" --labels -j 2 -o "$work/o" >/dev/null
written 1000
awk -F'[<>]' '/sync/ { n++; s += $(NF-1) } END {
	printf "durability of the 1,000-company batch: %d sync calls, %.2f s in them\n", n, s }' "$work/strace"

echo
echo "wall-clock, hyperfine (3 runs, loaded machine):"
hyperfine --runs 3 --prepare "rm -rf $work/o; sync" \
	-n "batch, 1,000 companies, -j 2" "$exe --data . render --industry automotive --profiles $work/p1000 --labels -j 2 -o $work/o" \
	-n "batch, 1,000 companies, -j 1" "$exe --data . render --industry automotive --profiles $work/p1000 --labels -j 1 -o $work/o" \
	2>&1 | grep -E "Benchmark|Time|Range"
