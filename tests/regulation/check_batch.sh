#!/bin/sh
# A batch renders the same bytes as rendering each profile alone: the
# shipped automotive example and seven generated member companies (every
# third at LV2, bench/batch/gen.sh), with labels, md + html, rendered one by one,
# then as one batch in one process (-j 1) and in four (-j 4), also under
# ja_JP.UTF-8 when that locale exists.  The batch's report lists the files
# in the order the profiles were given, whatever the number of workers,
# and no temporary is left behind.
#   check_batch.sh TOTSUGO SOURCE_ROOT
set -eu
exe=$1
root=$2
case "$exe" in /*) ;; *) exe=$(pwd)/$exe ;; esac
work=$(mktemp -d "${TMPDIR:-/tmp}/totsugo-batch.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
cd "$root"
# Fewer under valgrind (TOTSUGO_WRAPPER), which is slow.
members=7
[ -n "${TOTSUGO_WRAPPER:-}" ] && members=2
sh bench/batch/gen.sh "$work/members" $members
run() { ${TOTSUGO_WRAPPER:-} "$exe" --data . "$@"; }
profiles="automotive-lv1-example"
for f in "$work"/members/*.yaml; do profiles="$profiles $f"; done
for p in $profiles; do
	id=$(basename "$p" .yaml)
	run render --industry automotive --profile "$p" --labels -o "$work/alone/regulation-$id" >/dev/null
done
run render --industry automotive --profile automotive-lv1-example --profiles "$work/members" \
	--labels -j 1 -o "$work/one" > "$work/one.out"
run render --industry automotive --profile automotive-lv1-example --profiles "$work/members" \
	--labels -j 4 -o "$work/four" > "$work/four.out"
status=0
for batch in one four; do
	if ! diff -r "$work/alone" "$work/$batch" >/dev/null; then
		echo "FAIL: the batch (-j ${batch}) differs from the profiles rendered alone:"
		diff -r "$work/alone" "$work/$batch" | head -20
		status=1
	fi
done
sed "s|$work/one/|DIR/|" "$work/one.out" > "$work/one.list"
sed "s|$work/four/|DIR/|" "$work/four.out" > "$work/four.list"
if ! cmp -s "$work/one.list" "$work/four.list"; then
	echo "FAIL: the report depends on the number of workers"
	diff "$work/one.list" "$work/four.list" | head
	status=1
fi
first=$(head -1 "$work/one.list")
if [ "$first" != "wrote DIR/regulation-automotive-lv1-example/00-basic-policy.md" ]; then
	echo "FAIL: the report does not start with the first profile given: $first"
	status=1
fi
files=$(find "$work/four" -type f | wc -l)
want=$(find "$work/alone" -type f | wc -l)
# Each regulation has at least a dozen files (chapters, appendices, whole).
if [ "$files" -ne "$(wc -l < "$work/four.out")" ] || [ "$files" -ne "$want" ] ||
    [ "$want" -lt $(((members + 1) * 12)) ]; then
	echo "FAIL: $files files written, $(wc -l < "$work/four.out") reported, $want expected"
	status=1
fi
if [ -n "$(find "$work/one" "$work/four" -name '.tg-*')" ]; then
	echo "FAIL: temporaries left behind"
	status=1
fi
if locale -a 2>/dev/null | grep -qi '^ja_JP\.utf-\?8$'; then
	LC_ALL=ja_JP.UTF-8 run render --industry automotive --profile automotive-lv1-example \
		--profiles "$work/members" --labels -o "$work/ja" >/dev/null
	if ! diff -r "$work/alone" "$work/ja" >/dev/null; then
		echo "FAIL: the batch differs under ja_JP.UTF-8"
		status=1
	fi
fi
[ $status = 0 ] && echo "batch: $((members + 1)) profiles, byte for byte the same as rendered alone (-j 1, -j 4)"
exit $status
