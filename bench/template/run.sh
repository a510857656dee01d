#!/bin/sh
# Template benchmark: totsugo's Mustache engine against mustache.js (npm
# package `mustache`, installed into a scratch directory, never committed and
# never needed by the build) on the same regulation-sized template and data.
#   bench/template/run.sh [BUILD_DIR]   (default: a release build in build-bench/)
# Prints: whole commands timed by hyperfine (process start included), then
# in-process time per render, parsed once and parsed every time.
set -eu
cd "$(dirname "$0")/../.."
build=${1:-build-bench}
[ -d "$build" ] || meson setup "$build" --buildtype=release -Dtests=disabled >/dev/null
ninja -C "$build" >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sh bench/template/gen.sh "$work/in" 200
npm install --silent --no-audit --no-fund --prefix "$work/npm" mustache@4 >/dev/null
MUSTACHE_JS=$work/npm/node_modules/mustache
export MUSTACHE_JS
libs=$(pkg-config --libs yaml-0.1 libpcre2-8 libmarkdown xlsxwriter)
# shellcheck disable=SC2086
cc -O2 -std=c17 -D_XOPEN_SOURCE=700 -Isrc -I"$build" bench/template/loop.c "$build/libtotsugo.a" \
	$libs -lm -o "$work/loop"
in=$work/in
echo "template: $(wc -c < "$in/bench.mustache") bytes, $(grep -o '{{' "$in/bench.mustache" | wc -l) tags;" \
	"data: $(wc -c < "$in/data.json") bytes; mustache.js $(node -p "require('$MUSTACHE_JS/package.json').version")"
"$build/totsugo" template "$in/bench.mustache" --data "$in/data.json" > "$work/ours.out"
node bench/template/render.js "$in/bench.mustache" "$in/data.json" "$in" 1 render > "$work/js.out"
if cmp -s "$work/ours.out" "$work/js.out"; then
	echo "outputs: identical ($(wc -c < "$work/ours.out") bytes)"
else
	echo "outputs: DIFFERENT"
	diff "$work/ours.out" "$work/js.out" | head -20
fi
ours="$build/totsugo template $in/bench.mustache --data $in/data.json"
js="node bench/template/render.js $in/bench.mustache $in/data.json $in 1 render"
if command -v hyperfine >/dev/null; then
	hyperfine --warmup 3 --runs 30 -N --output=null -n totsugo "$ours" -n mustache.js "$js"
else
	for cmd in "$ours" "$js"; do
		start=$(date +%s%N)
		for _ in 1 2 3 4 5 6 7 8 9 10; do $cmd >/dev/null; done
		echo "$cmd: $(( ($(date +%s%N) - start) / 10000000 )) ms per run"
	done
fi
for mode in render parse; do
	printf 'totsugo      '
	"$work/loop" "$in/bench.mustache" "$in/data.json" "$in" 200 "$mode"
	printf 'mustache.js  '
	node bench/template/render.js "$in/bench.mustache" "$in/data.json" "$in" 200 "$mode"
done
