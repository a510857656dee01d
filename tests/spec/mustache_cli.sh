#!/bin/sh
# Runs every case of the Mustache spec through `totsugo template` and
# compares the output byte for byte.
#   mustache_cli.sh TOTSUGO MUSTACHE_CASES SPEC_DIR
# MUSTACHE_CASES (tests/spec/mustache_cases.c) writes each case's template,
# data and partials to a scratch directory.  TOTSUGO_WRAPPER (e.g. valgrind)
# prefixes every run, as in tests/regress/run.sh.
set -u
exe=$1
cases=$2
spec=$3
tmp=$(mktemp -d "${TMPDIR:-/tmp}/totsugo-mustache.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT INT TERM
"$cases" "$spec" "$tmp/cases" || exit 99
all=0
all_passed=0
for file in "$tmp"/cases/*; do
	passed=0
	total=0
	for dir in "$file"/*; do
		total=$((total + 1))
		# shellcheck disable=SC2086
		${TOTSUGO_WRAPPER:-} "$exe" template "$dir/template.mustache" --data "$dir/data.yaml" \
			--partials "$dir/partials" > "$dir/got" 2> "$dir/err"
		rc=$?
		if [ $rc = 0 ] && cmp -s "$dir/expected.out" "$dir/got"; then
			passed=$((passed + 1))
		else
			printf 'FAIL %s: %s (exit %s)\n' "$(basename "$file")" "$(cat "$dir/name")" "$rc"
			od -c "$dir/expected.out" | sed 's/^/  expected /' | head -10
			od -c "$dir/got" | sed 's/^/  got      /' | head -10
			sed 's/^/  /' "$dir/err" | head -10
		fi
	done
	printf '%-20s %3d/%-3d passed\n' "$(basename "$file").yml" "$passed" "$total"
	all=$((all + total))
	all_passed=$((all_passed + passed))
done
printf '%-20s %3d/%-3d passed\n' total "$all_passed" "$all"
[ "$all" -gt 0 ] && [ "$all_passed" = "$all" ]
