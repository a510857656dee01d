#!/bin/sh
# Word output benchmark (issue 17, item 4): `totsugo render --format docx`
# (the whole command: data loaded and checked, the regulation built and
# written as .docx) against pandoc converting the same regulation.md to
# .docx, side by side in one hyperfine run.  Goal: totsugo ≤ 0.1 × pandoc.
# pandoc is Debian's, installed here when missing (never by the build).
# Until the docx format is in the build, the script says so and stops.
#   bench/docx/run.sh [BUILD_DIR]   (default: a release build in build-bench/)
set -eu
cd "$(dirname "$0")/../.."
build=${1:-build-bench}
[ -d "$build" ] || meson setup "$build" --buildtype=release -Dtests=disabled >/dev/null
ninja -C "$build" >/dev/null
exe=$(pwd)/$build/totsugo
if ! "$exe" render --help | grep -q docx; then
	echo "skipped: this build's render has no --format docx yet (issue 12)"
	exit 0
fi
for pkg in pandoc hyperfine; do
	command -v "$pkg" >/dev/null || apt-get install -y -qq --no-install-recommends "$pkg" >/dev/null
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
render="$exe --data . render --industry automotive --profile automotive-lv1-example --labels"
$render --format md -o "$work/md" >/dev/null
$render --format docx -o "$work/docx" >/dev/null
md=$work/md/regulation.md
echo "date: $(date -u +%Y-%m-%d); $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg);" \
	"$(pandoc --version | head -1)"
echo "regulation.md: $(wc -c < "$md") bytes; totsugo's .docx: $(find "$work/docx" -name '*.docx' -exec wc -c {} + | tail -1 | awk '{ print $1 }') bytes"
hyperfine -N --warmup 2 --runs 20 --export-json "$work/h.json" \
	-n totsugo "$render --format docx -o $work/docx" \
	-n pandoc "pandoc $md -f markdown -t docx -o $work/pandoc.docx" >/dev/null
/usr/bin/python3 - "$work/h.json" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
t, p = r["totsugo"], r["pandoc"]
print("| whole command (hyperfine, 20 runs, paired) | mean | min | user + sys |")
print("|---|---|---|---|")
for name, x in (("totsugo render --format docx (from the data)", t), ("pandoc regulation.md → .docx", p)):
    print(f"| {name} | {x['mean']*1000:.1f} ms ± {x['stddev']*1000:.1f} | {x['min']*1000:.1f} ms "
          f"| {(x['user'] + x['system'])*1000:.1f} ms |")
print(f"\ntotsugo / pandoc: {t['mean']/p['mean']:.3f} (means), {t['min']/p['min']:.3f} (minima); goal ≤ 0.1")
PY
