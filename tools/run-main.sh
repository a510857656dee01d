#!/bin/sh
# The README's first command: install what is missing, build, and run the
# main job on the shipped data (validate, list, then every output into out/).
set -eu
cd "$(dirname "$0")/.."
sh tools/deps.sh build
[ -d build ] || meson setup build --buildtype=release
ninja -C build
./build/totsugo validate
./build/totsugo list --stats
./build/totsugo crosswalk --industry all
# The 突合表 to hand out (A4, one counterpart column) of the industries with a guideline.
for industry in automotive construction supply-chain; do
	./build/totsugo crosswalk --industry "$industry" --layout compact -f xlsx -f html
done
# The 業界向けサンプル規程 (docs/regulation.md): each industry's sample, with the
# industry items as labels, and the example companies' regulations; logistics has
# no guideline (its examples, terms and additions, no labels).
for industry in automotive construction; do
	./build/totsugo render --industry "$industry" --labels
done
./build/totsugo render --industry logistics
./build/totsugo render --industry automotive --profile automotive-lv1-example --labels
./build/totsugo render --industry construction --profile construction-example --labels
