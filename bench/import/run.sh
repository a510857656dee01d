#!/bin/sh
# Import benchmark: a synthetic 20,000-row sheet in the METI SCS layout
# (gen.sh: merged group cells, ★3/★4 ○ columns, a reference column in every
# form, in-text references), imported into a catalog and a crosswalk: about
# the largest sheet whose catalog (6.8 MB) stays under the 8 MiB a data file
# may be.  Target: well under 0.5 s on a 2-core machine.
#   bench/import/run.sh [BUILD_DIR]   (default: a release build in build-bench/)
set -eu
cd "$(dirname "$0")/../.."
build=${1:-build-bench}
[ -d "$build" ] || meson setup "$build" --buildtype=release -Dtests=disabled >/dev/null
ninja -C "$build" >/dev/null
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
sh bench/import/gen.sh 20000 > "$data/sheet.csv"
ls -l "$data/sheet.csv" | awk '{ printf "sheet: %.1f MB, ", $5 / 1e6 }'
wc -l < "$data/sheet.csv" | awk '{ print $1 " lines" }'
cmd="$build/totsugo import --spec bench/import/spec.yaml $data/sheet.csv -o $data/out.yaml --crosswalk-out $data/xw.yaml"
$cmd
grep -c '^ *- id:' "$data/out.yaml" | awk '{ print "items: " $1 }'
if command -v hyperfine >/dev/null; then
	hyperfine --warmup 1 --runs 10 "$cmd"
else
	for i in 1 2 3 4 5; do
		/usr/bin/time -f "%e s, %M KB" $cmd
	done
fi
