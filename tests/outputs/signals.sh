#!/bin/sh
# A signal in the middle of a run: no temporary is left behind, and the
# files are either the previous set, whole, or the new one, complete —
# never a mix.  `crosswalk --industry all` on the shipped data (30 files,
# one output set) is killed with SIGTERM, SIGINT and SIGHUP at delays
# spread over the length of a run.
#   signals.sh TOTSUGO SOURCE_ROOT [RUNS]
set -u
exe=$1
root=$2
runs=${3:-30}
case "$exe" in /*) ;; *) exe=$(pwd)/$exe ;; esac
case "$root" in /*) ;; *) root=$(pwd)/$root ;; esac
tmp=$(mktemp -d "${TMPDIR:-/tmp}/totsugo-signals.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 99

run() {
	"$exe" --data "$root" crosswalk --industry all -o out > /dev/null 2>&1
}

# The new set, and a previous one told apart by a line more in each file.
run || exit 99
cp -R out new
cp -R out old
find old -type f | while read -r f; do echo previous >> "$f"; done
files=$(cd new && find . -type f | sort)
nfiles=$(echo "$files" | wc -l)

# How long one run takes (the delays spread over it).
start=$(date +%s%N)
rm -rf out && cp -R old out && run
ms=$(( ($(date +%s%N) - start) / 1000000 ))
[ "$ms" -gt 0 ] || ms=1

fail=0
killed=0
i=0
while [ $i -lt "$runs" ]; do
	rm -rf out
	cp -R old out
	case $((i % 3)) in 0) sig=TERM ;; 1) sig=INT ;; *) sig=HUP ;; esac
	delay=$(awk -v ms="$ms" -v i="$i" -v n="$runs" 'BEGIN { printf "%.3f", ms * (i + 0.5) / n / 1000 }')
	# (Background jobs of a script start with SIGINT ignored: reset it.)
	env --default-signal=INT "$exe" --data "$root" crosswalk --industry all -o out \
	    > /dev/null 2>&1 &
	pid=$!
	sleep "$delay"
	kill -s "$sig" "$pid" 2> /dev/null
	{ wait "$pid"; } 2> /dev/null
	rc=$?
	[ $rc -gt 128 ] && killed=$((killed + 1))
	left=$(find out -name '.tg-*' -o -name '*.tmp.*' | head -3)
	if [ -n "$left" ]; then
		echo "run $i (SIG$sig after ${delay}s): temporaries left: $left"
		fail=1
	fi
	new=0
	old=0
	for f in $files; do
		if cmp -s "out/$f" "new/$f"; then
			new=$((new + 1))
		elif cmp -s "out/$f" "old/$f"; then
			old=$((old + 1))
		fi
	done
	if [ $new -ne "$nfiles" ] && [ $old -ne "$nfiles" ]; then
		echo "run $i (SIG$sig after ${delay}s, exit $rc): a mixed set: $new new, $old previous, of $nfiles"
		fail=1
	fi
	i=$((i + 1))
done
echo "signals: $runs runs of about ${ms} ms, $killed of them killed before the end:" \
    "$([ $fail = 0 ] && echo ok || echo FAILED)"
exit $fail
