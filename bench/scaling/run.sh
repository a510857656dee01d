#!/bin/sh
# Scaling benchmark (issue 17, item 3): every big-data command at 1×, 2× and
# 4× its input, instructions of the whole process counted by callgrind
# (wall-clock time is too noisy on a shared machine to see a 2× step).
# Each 2× step must cost at most 2.1× the instructions.  Prints the table
# of docs/performance.md and exits 1 when a step is above 2.1×.
#   bench/scaling/run.sh [BUILD_DIR]   (default: a release build in build-bench/)
# Inputs (the generators of the other benchmarks):
#   validate, crosswalk, render   bench/crosswalk/gen.sh: 2,500 / 5,000 / 10,000
#                                 guideline items (3 targets each) against a
#                                 baseline of 5 / 10 / 20 chapters of 100 clauses
#   diff                          bench/diff/gen.awk: 50 / 100 / 200 groups of 49 items
#   import                        bench/import/gen.sh: 25,000 / 50,000 / 100,000 rows
#   template (data)               bench/data/gen.sh: 2,500 / 5,000 / 10,000 clauses of JSON
#   template (template)           bench/template/gen.sh: 200 / 400 / 800 articles
set -eu
cd "$(dirname "$0")/../.."
build=${1:-build-bench}
command -v valgrind >/dev/null || apt-get install -y -qq --no-install-recommends valgrind >/dev/null
[ -d "$build" ] || meson setup "$build" --buildtype=release -Dtests=disabled >/dev/null
ninja -C "$build" >/dev/null
exe=$(pwd)/$build/totsugo
src=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

ok_rc=0	# the exit code a command must return (diff: 1, the catalogs differ)
count() {	# instructions of a whole command, which must succeed
	rc=0
	log=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null) || rc=$?
	if [ "$rc" != "$ok_rc" ]; then
		echo "bench: exit code $rc from: $*" >&2
		printf '%s\n' "$log" | tail -5 >&2
		exit 1
	fi
	printf '%s\n' "$log" | sed -n 's/.*Collected : *\([0-9]*\).*/\1/p'
}

for k in 1 2 4; do
	d=$work/x$k
	sh bench/crosswalk/gen.sh "$d/cw" $((2500 * k)) 3 $((5 * k))
	mkdir -p "$d/diff/mappings"
	LC_ALL=C awk -v side=old -v groups=$((50 * k)) -f bench/diff/gen.awk > "$d/diff/mappings/old.yaml"
	LC_ALL=C awk -v side=new -v groups=$((50 * k)) -f bench/diff/gen.awk > "$d/diff/new.yaml"
	sh bench/import/gen.sh $((25000 * k)) > "$d/sheet.csv"
	sh bench/data/gen.sh "$d/data" $((2500 * k))
	sh bench/template/gen.sh "$d/tmpl" $((200 * k))
done

echo "date: $(date -u +%Y-%m-%d); $(uname -m); $(cc --version | head -1); instructions of the whole process"
echo
echo "| command | 1× | 2× | 4× | 2×/1× | 4×/2× |"
echo "|---|---|---|---|---|---|"
worst=0
row() {	# row NAME: runs "cmd_for K" for K in 1 2 4
	name=$1
	set --
	for k in 1 2 4; do
		v=$(eval "cmd_$name $k") || exit 1
		set -- "$@" "$v"
	done
	line=$(awk -v n="$label" -v a="$1" -v b="$2" -v c="$3" 'BEGIN {
		printf "| %s | %.0f M | %.0f M | %.0f M | %.2f | %.2f |", n, a / 1e6, b / 1e6, c / 1e6, b / a, c / b
		w = b / a > c / b ? b / a : c / b
		printf "\t%.3f", w
	}')
	printf '%s\n' "${line%	*}"
	worst=$(awk -v w="$worst" -v x="${line##*	}" 'BEGIN { print (x > w ? x : w) }')
}
cmd_validate() { count "$exe" --data "$work/x$1/cw" validate; }
cmd_crosswalk() {
	count "$exe" --data "$work/x$1/cw" crosswalk --industry bench -f xlsx -f html -f csv \
		-o "$work/x$1/cw/out"
}
cmd_render() { count "$exe" --data "$work/x$1/cw" render --industry bench --labels -o "$work/x$1/reg"; }
cmd_diff() {
	ok_rc=1
	count "$exe" --data "$work/x$1/diff" diff bench-old "$work/x$1/diff/new.yaml" --format json \
		-o "$work/x$1/diff.json"
	ok_rc=0
}
cmd_import() {
	count "$exe" import --spec "$src/bench/import/spec.yaml" "$work/x$1/sheet.csv" \
		-o "$work/x$1/imported.yaml" --crosswalk-out "$work/x$1/xw.yaml"
}
cmd_tdata() {
	count "$exe" template "$work/x$1/data/big.mustache" --data "$work/x$1/data/big.json" \
		-o "$work/x$1/data.out"
}
cmd_ttmpl() {
	count "$exe" template "$work/x$1/tmpl/bench.mustache" --data "$work/x$1/tmpl/data.json" \
		-o "$work/x$1/tmpl.out"
}
label="validate (load and check: 2,500 items, 5 chapters; ×2, ×4)"; row validate
label="crosswalk → XLSX + HTML + CSV (2,500 items, 7,500 targets)"; row crosswalk
label="render the regulation, labels (5 chapters, 500 clauses, 250 additions)"; row render
label="diff → JSON (2,450 items, 5% changed)"; row diff
label="import → catalog + crosswalk (25,000 rows)"; row import
label="template, JSON data (2,500 clauses, 1.1 MB)"; row tdata
label="template, template size (200 articles)"; row ttmpl
echo
awk -v w="$worst" 'BEGIN { printf "largest 2× step: %.2f× (limit 2.1×)\n", w; exit !(w <= 2.1) }'
