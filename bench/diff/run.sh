#!/bin/sh
# Diff benchmark: two versions of a synthetic 10,000-item catalog, 5% of the
# items changed with every kind of change (gen.awk), compared with
# `totsugo diff` and the report written as JSON.  Target: under 1 s on a
# 2-core machine.
#   bench/diff/run.sh [BUILD_DIR]   (default: a release build in build-bench/)
set -eu
cd "$(dirname "$0")/../.."
build=${1:-build-bench}
[ -d "$build" ] || meson setup "$build" --buildtype=release -Dtests=disabled >/dev/null
ninja -C "$build" >/dev/null
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
mkdir -p "$data/mappings"
LC_ALL=C awk -v side=old -f bench/diff/gen.awk > "$data/mappings/old.yaml"
LC_ALL=C awk -v side=new -f bench/diff/gen.awk > "$data/new.yaml"
# What was found (diff exits 1: the catalogs differ).
"$build/totsugo" --data "$data" diff bench-old "$data/new.yaml" | sed -n 5p
cmd="$build/totsugo --data $data diff bench-old $data/new.yaml --format json -o $data/out.json"
if command -v hyperfine >/dev/null; then
	hyperfine --warmup 2 --runs 10 -i "$cmd"
else
	for i in 1 2 3 4 5; do
		/usr/bin/time -f "%e s, %M KB" $cmd >/dev/null || true
	done
fi
