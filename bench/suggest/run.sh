#!/bin/sh
# suggest benchmark: speed on 10,000 source items, and quality (eval.py).
#   bench/suggest/run.sh [BUILD_DIR]   (default: a release build in build-bench/)
# Speed target: 10,000 items against the baseline in under 1 s, the index
# built once.  Wall-clock times are noisy on a shared machine: the
# instruction counts (callgrind) are the figures to compare.
set -eu
cd "$(dirname "$0")/../.."
build=${1:-build-bench}
[ -d "$build" ] || meson setup "$build" --buildtype=release -Dtests=disabled >/dev/null
ninja -C "$build" >/dev/null
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
/usr/bin/python3 bench/suggest/gen.py 10000 > "$tmp/source.yaml"
ls -l "$tmp/source.yaml" | awk '{ printf "source: 10,000 items, %.1f MB of YAML\n", $5 / 1e6 }'
t=$build/totsugo
if command -v hyperfine >/dev/null; then
	hyperfine --warmup 1 --runs 5 \
		"$t validate" \
		"$t suggest $tmp/source.yaml --format csv" \
		"$t suggest $tmp/source.yaml" 2>&1 | grep -v '^ *$'
fi
if command -v valgrind >/dev/null; then
	for args in "validate" "suggest $tmp/source.yaml --format csv"; do
		# shellcheck disable=SC2086
		valgrind --tool=callgrind --callgrind-out-file="$tmp/cg" $t $args >/dev/null 2>"$tmp/log"
		grep -o 'Collected : [0-9]*' "$tmp/log" | awk -v a="$args" \
			'{ printf "%-40s %6.0f M instructions\n", a, $3 / 1e6 }' | sed "s|$tmp/||"
	done
fi
echo
/usr/bin/python3 bench/suggest/eval.py "$t"
