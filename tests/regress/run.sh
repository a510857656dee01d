#!/bin/sh
# Golden-file regress runner.
#   run.sh TOTSUGO SUITE_DIR [CASE...]
# Each case is a directory SUITE_DIR/NAME holding:
#   cmd           the arguments, one shell-quoted line (run in a scratch copy of the case)
#   expected.out  expected standard output   (absent: must be empty)
#   expected.err  expected standard error    (absent: must be empty)
#   expected.rc   expected exit code         (absent: 0)
#   expected/     files the command must write (compared with the scratch copy's out/)
#   env           optional lines VAR=value exported before the run
#   stdin         optional file given as standard input (else /dev/null)
#   setup         optional shell script run in the scratch copy first (e.g. to make a huge
#                 file, or to copy shared fixtures from $REGRESS_SUITE/_name)
# TOTSUGO_WRAPPER (e.g. "valgrind -q --error-exitcode=99") prefixes every run.
# Set TOTSUGO_REGRESS_UPDATE=1 to rewrite the expectations from the actual results.
set -u
exe=$1
suite=$2
shift 2
case "$exe" in /*) ;; *) exe=$(pwd)/$exe ;; esac
case "$suite" in /*) ;; *) suite=$(pwd)/$suite ;; esac
tmp=$(mktemp -d "${TMPDIR:-/tmp}/totsugo-regress.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT INT TERM
pass=0
fail=0
failed=""
if [ $# -gt 0 ]; then cases=$*; else cases=$(ls "$suite"); fi
for name in $cases; do
	dir=$suite/$name
	[ -f "$dir/cmd" ] || continue
	work=$tmp/$name
	rm -rf "$work"
	cp -R "$dir" "$work"
	rm -rf "$work/expected" "$work/out"
	(
		cd "$work" || exit 99
		REGRESS_SUITE=$suite
		export REGRESS_SUITE
		# Setup scripts may run totsugo themselves (e.g. to chain commands).
		if [ -f setup ]; then TOTSUGO=$exe sh ./setup || exit 99; fi
		unset TOTSUGO_DATA
		LC_ALL=C
		export LC_ALL
		if [ -f env ]; then
			while IFS= read -r line; do
				[ -n "$line" ] && export "$line"
			done < env
		fi
		eval "set -- $(cat cmd)"
		input=/dev/null
		[ -f stdin ] && input=stdin
		# shellcheck disable=SC2086
		${TOTSUGO_WRAPPER:-} "$exe" "$@" < "$input" > "$tmp/$name.out" 2> "$tmp/$name.err"
		echo $? > "$tmp/$name.rc"
	)
	want_rc=0
	[ -f "$dir/expected.rc" ] && want_rc=$(cat "$dir/expected.rc")
	got_rc=$(cat "$tmp/$name.rc")
	ok=1
	report=""
	if [ "${TOTSUGO_REGRESS_UPDATE:-}" = 1 ]; then
		cp "$tmp/$name.out" "$dir/expected.out"; [ -s "$dir/expected.out" ] || rm -f "$dir/expected.out"
		cp "$tmp/$name.err" "$dir/expected.err"; [ -s "$dir/expected.err" ] || rm -f "$dir/expected.err"
		if [ "$got_rc" = 0 ]; then rm -f "$dir/expected.rc"; else echo "$got_rc" > "$dir/expected.rc"; fi
		if [ -d "$work/out" ]; then rm -rf "$dir/expected"; cp -R "$work/out" "$dir/expected"; fi
	fi
	if [ "$got_rc" != "$want_rc" ]; then
		ok=0
		report="$report  exit code: expected $want_rc, got $got_rc
"
	fi
	for stream in out err; do
		want=$dir/expected.$stream
		[ -f "$want" ] || want=/dev/null
		if ! cmp -s "$want" "$tmp/$name.$stream"; then
			ok=0
			report="$report  std$stream differs:
$(diff -u "$want" "$tmp/$name.$stream" | head -40)
"
		fi
	done
	if [ -d "$dir/expected" ]; then
		if ! diff -r "$dir/expected" "$work/out" > "$tmp/$name.tree" 2>&1; then
			ok=0
			report="$report  written files differ:
$(head -40 "$tmp/$name.tree")
"
		fi
	fi
	if [ $ok = 1 ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		failed="$failed $name"
		printf 'FAIL %s\n%s' "$name" "$report"
	fi
done
echo "$(basename "$suite"): $pass passed, $fail failed${failed:+ (}${failed# }${failed:+)}"
[ $fail = 0 ]
