#!/bin/sh
# Composition benchmark: two 10,000-item catalogs composed through a chain of
# 30,000 pairs (a -> b, then the inverse of c -> b).  Target: the derived
# crosswalk computed in under 1 s.  Times `validate` (load, link, derive)
# with and without the derived crosswalk: the difference is the composition.
# With valgrind installed, also counts instructions (callgrind), which a
# loaded machine does not disturb.
#   bench/compose/run.sh [BUILD_DIR]   (default: a release build in build-bench/)
set -eu
cd "$(dirname "$0")/../.."
build=${1:-build-bench}
[ -d "$build" ] || meson setup "$build" --buildtype=release -Dtests=disabled >/dev/null
ninja -C "$build" >/dev/null
with=$(mktemp -d)
without=$(mktemp -d)
trap 'rm -rf "$with" "$without"' EXIT
sh bench/compose/gen.sh "$with" 10000 1
sh bench/compose/gen.sh "$without" 10000 0
"$build/totsugo" --data "$with" list --stats | grep -A3 'bench-a--bench-c'
if command -v hyperfine >/dev/null; then
	hyperfine --warmup 2 --runs 10 "$build/totsugo --data $without validate" \
	    "$build/totsugo --data $with validate"
else
	for d in "$without" "$with"; do
		/usr/bin/time -f "%e s, %M KB" "$build/totsugo" --data "$d" validate >/dev/null
	done
fi
if command -v valgrind >/dev/null; then
	for d in "$without" "$with"; do
		out=$(mktemp)
		valgrind --tool=callgrind --callgrind-out-file="$out" "$build/totsugo" --data "$d" \
		    validate >/dev/null 2>&1
		printf '%s: ' "$(basename "$d")"
		callgrind_annotate "$out" 2>/dev/null | grep -m1 'PROGRAM TOTALS'
		callgrind_annotate --inclusive=yes "$out" 2>/dev/null | grep -m1 'tg_xw_derive_all' || true
		rm -f "$out"
	done
fi
