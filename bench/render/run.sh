#!/bin/sh
# Render benchmark: the full shipped regulation set — the automotive and
# construction samples and their example profiles, Markdown + HTML, with
# labels — as tools/run-main.sh writes it; then one render alone and the
# data load (validate) for comparison.
#   bench/render/run.sh [BUILD_DIR]   (default: a release build in build-bench/)
set -eu
cd "$(dirname "$0")/../.."
build=${1:-build-bench}
[ -d "$build" ] || meson setup "$build" --buildtype=release -Dtests=disabled >/dev/null
ninja -C "$build" >/dev/null
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
exe="$build/totsugo --data ."
set_cmd="$exe render --industry automotive --labels -o $out/a && \
$exe render --industry construction --labels -o $out/c && \
$exe render --industry automotive --profile automotive-lv1-example --labels -o $out/ap && \
$exe render --industry construction --profile construction-example --labels -o $out/cp"
one_cmd="$exe render --industry automotive --profile automotive-lv1-example --labels -o $out/one"
validate_cmd="$exe validate"
if command -v hyperfine >/dev/null; then
	hyperfine --warmup 2 --runs 20 -N "$validate_cmd" "$one_cmd"
	hyperfine --warmup 2 --runs 20 "$set_cmd"
else
	for cmd in "$validate_cmd" "$one_cmd" "$set_cmd"; do
		for i in 1 2 3 4 5; do
			/usr/bin/time -f "%e s, %M KB" sh -c "$cmd" >/dev/null
		done
	done
fi
du -sh "$out"/a "$out"/ap
