#!/bin/sh
# Crosswalk benchmark: a synthetic 10,000-item guideline with 30,000 rows,
# rendered to XLSX + HTML + CSV.  Target: under 1 s on a 2-core machine.
#   bench/crosswalk/run.sh [BUILD_DIR]   (default: a release build in build-bench/)
set -eu
cd "$(dirname "$0")/../.."
build=${1:-build-bench}
[ -d "$build" ] || meson setup "$build" --buildtype=release -Dtests=disabled >/dev/null
ninja -C "$build" >/dev/null
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
sh bench/crosswalk/gen.sh "$data" 10000 3
cmd="$build/totsugo --data $data crosswalk --industry bench -f xlsx -f html -f csv -o $data/out"
if command -v hyperfine >/dev/null; then
	hyperfine --warmup 2 --runs 10 "$cmd"
else
	for i in 1 2 3 4 5; do
		/usr/bin/time -f "%e s, %M KB" $cmd >/dev/null
	done
fi
