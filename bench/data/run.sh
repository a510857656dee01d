#!/bin/sh
# Data benchmark (issue 17, item 1): big JSON template data, and the YAML
# floor of the shipped data.  Prints the tables of docs/performance.md:
#   1. a 10,000-clause template with 4.4 MB of JSON data (gen.sh), whole
#      commands side by side in one hyperfine run: totsugo (JSON parser),
#      totsugo with the data read as YAML (the path before the JSON
#      parser), the data alone (an empty template), and mustache.js 4 (npm
#      package `mustache`, installed into a scratch directory, never
#      committed); peak memory; instructions (callgrind);
#   2. the parsers on the same data, in process: ours, libyaml (bare
#      events, and into the node tree), json-c and jansson (Debian's
#      libjson-c-dev and libjansson-dev, alone and copied into the node
#      tree), instructions (callgrind) and time per parse;
#   3. the shipped data: a bare libyaml parse of every YAML file validate
#      reads (mappings/, templates/forms/) against `totsugo validate` (load,
#      link, every check).
#   bench/data/run.sh [BUILD_DIR] [CLAUSES]   (default: build-bench/, 10000)
# Needs: hyperfine, valgrind, node + npm, pkg-config, libjson-c-dev,
# libjansson-dev (installed with apt-get when missing and root).
set -eu
cd "$(dirname "$0")/../.."
build=${1:-build-bench}
clauses=${2:-10000}
for pkg in libjson-c-dev libjansson-dev hyperfine valgrind; do
	dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" ||
		apt-get install -y -qq --no-install-recommends "$pkg" >/dev/null
done
[ -d "$build" ] || meson setup "$build" --buildtype=release -Dtests=disabled >/dev/null
ninja -C "$build" >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
in=$work/in
sh bench/data/gen.sh "$in" "$clauses"
npm install --silent --no-audit --no-fund --prefix "$work/npm" mustache@4 >/dev/null
MUSTACHE_JS=$work/npm/node_modules/mustache
export MUSTACHE_JS
exe=$(pwd)/$build/totsugo
libs=$(pkg-config --libs yaml-0.1 libpcre2-8 libmarkdown xlsxwriter)
for lib in json-c jansson; do
	conv=bench/data/conv-$(echo "$lib" | tr -d -).c
	# shellcheck disable=SC2046,SC2086
	cc -O2 -std=c17 -D_XOPEN_SOURCE=700 -Isrc -I"$build" $(pkg-config --cflags "$lib") \
		bench/data/parsers.c "$conv" "$build/libtotsugo.a" $libs $(pkg-config --libs "$lib") \
		-lm -o "$work/parsers-$lib"
done

count() {	# instructions of a whole command
	valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
		sed -n 's/.*Collected : *\([0-9]*\).*/\1/p'
}
count_parse() {	# instructions of parse_round in bench/data/parsers.c
	valgrind --tool=callgrind --toggle-collect=parse_round --callgrind-out-file=/dev/null "$@" \
		2>&1 >/dev/null | sed -n 's/.*Collected : *\([0-9]*\).*/\1/p'
}
peak() {	# peak resident memory in MiB
	/usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1 | awk '{ printf "%.1f", $1 / 1024 }'
}
mega() { awk -v n="$1" 'BEGIN { printf "%.0f M", n / 1e6 }'; }

cd "$in"
json="$exe template big.mustache --data big.json"
yaml="$exe template big.mustache --data big.json --data-format yaml"
empty="$exe template empty.mustache --data big.json"
js="node $OLDPWD/bench/template/render.js big.mustache big.json . 1 render"
$json > ours.out
$yaml > yaml.out
$js > js.out
echo "date: $(date -u +%Y-%m-%d); $(nproc) cores; $(uname -m); $(cc --version | head -1);" \
	"load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "data: $(wc -c < big.json) bytes of JSON, $clauses clauses; output $(wc -c < ours.out) bytes;" \
	"mustache.js $(node -p "require('$MUSTACHE_JS/package.json').version"), node $(node --version)"
cmp -s ours.out js.out && cmp -s ours.out yaml.out && echo "outputs: identical (JSON, YAML, mustache.js)" ||
	echo "outputs: DIFFERENT"
hyperfine -N --warmup 3 --runs 30 --output=null --export-json "$work/h.json" \
	-n json "$json" -n yaml "$yaml" -n data-only "$empty" -n mustache.js "$js" >/dev/null
echo
echo "| whole command (hyperfine, 30 runs, paired) | mean | min | user + sys | peak memory | instructions |"
echo "|---|---|---|---|---|---|"
for name in json yaml data-only mustache.js; do
	case $name in
	json) cmd=$json; label="totsugo, JSON parser" ;;
	yaml) cmd=$yaml; label="totsugo, the data read as YAML (before)" ;;
	data-only) cmd=$empty; label="totsugo, data only (empty template)" ;;
	mustache.js) cmd=$js; label="mustache.js" ;;
	esac
	# shellcheck disable=SC2086
	ins=$(if [ "$name" = mustache.js ]; then echo "–"; else mega "$(count $cmd)"; fi)
	# shellcheck disable=SC2086
	mem=$(peak $cmd)
	/usr/bin/python3 - "$work/h.json" "$name" "$label" "$mem" "$ins" <<'EOF'
import json, sys
runs = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
r = runs[sys.argv[2]]
print(f"| {sys.argv[3]} | {r['mean']*1000:.1f} ms ± {r['stddev']*1000:.1f} | {r['min']*1000:.1f} ms "
      f"| {(r['user'] + r['system'])*1000:.1f} ms | {sys.argv[4]} MiB | {sys.argv[5]} |")
EOF
done
/usr/bin/python3 - "$work/h.json" <<'EOF'
import json, sys
runs = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
j, y, m = runs["json"], runs["yaml"], runs["mustache.js"]
print(f"\ntotsugo / mustache.js: {j['mean']/m['mean']:.2f} (means), {j['min']/m['min']:.2f} (minima), "
      f"{(j['user']+j['system'])/(m['user']+m['system']):.2f} (CPU time); "
      f"JSON parser / YAML path: {j['mean']/y['mean']:.2f} (means)")
EOF

echo
echo "| parser | instructions | ms per parse | what it gives |"
echo "|---|---|---|---|"
for mode in ours libyaml yaml json-c json-c+tree jansson jansson+tree; do
	case $mode in
	ours) what="**ours** (\`src/load/json.c\`)|the node tree, a position on every node, every mistake reported" ;;
	libyaml) what="libyaml, events only (no tree)|– (the floor of any YAML path)" ;;
	yaml) what="libyaml into the node tree (\`tg_yaml_parse\`)|the node tree with positions, the first syntax error only" ;;
	json-c) what="json-c $(pkg-config --modversion json-c)|its own objects: no positions, first error only, a duplicate key silently replaces the first" ;;
	json-c+tree) what="json-c, copied into the node tree|the node tree without positions" ;;
	jansson) what="jansson $(pkg-config --modversion jansson)|its own objects: no positions, first error only" ;;
	jansson+tree) what="jansson, copied into the node tree|the node tree without positions" ;;
	esac
	case $mode in json-c*) bin=$work/parsers-json-c ;; *) bin=$work/parsers-jansson ;; esac
	ins=$(count_parse "$bin" "$mode" 1 big.json)
	"$bin" "$mode" 10 big.json | awk -v w="$what" -v i="$ins" \
		'{ split(w, p, "|"); printf "| %s | %.0f M | %.1f | %s |\n", p[1], i / 1e6, $2, p[2] }'
done

cd "$OLDPWD"
files=$(find mappings templates -name '*.yaml' | sort)	# what validate parses
bare=$(count_parse "$work/parsers-jansson" libyaml 1 $files)
tree=$(count_parse "$work/parsers-jansson" yaml 1 $files)
validate=$(count "$exe" --data . validate)
echo
echo "| shipped data: $(echo "$files" | wc -l) files, $(cat $files | wc -c) bytes of YAML | instructions | × floor |"
echo "|---|---|---|"
awk -v b="$bare" -v t="$tree" -v v="$validate" 'BEGIN {
	printf "| libyaml, bare parse of every file (the floor) | %.1f M | 1.00 |\n", b / 1e6
	printf "| libyaml into the node tree (tg_yaml_parse) | %.1f M | %.2f |\n", t / 1e6, t / b
	printf "| `totsugo validate`, whole process (load, link, every check) | %.1f M | %.2f |\n", v / 1e6, v / b
}'
