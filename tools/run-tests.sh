#!/bin/sh
# The README's second command (and CI's): install what is missing, build, and
# run every test: unit + regress, the same under valgrind, an ASan+UBSan
# build of the whole suite, and bounded libFuzzer runs on the loader, the
# XLSX reader, assess and the JSON data parser.
set -eu
cd "$(dirname "$0")/.."
sh tools/deps.sh test

# ja_JP.UTF-8 for the locale-independence tests.
if ! locale -a 2>/dev/null | grep -qi '^ja_JP\.utf-\?8$'; then
	if [ "$(id -u)" = 0 ] && [ -f /etc/locale.gen ]; then
		sed -i 's/^# *ja_JP.UTF-8 UTF-8/ja_JP.UTF-8 UTF-8/' /etc/locale.gen
		grep -q '^ja_JP.UTF-8 UTF-8' /etc/locale.gen || echo 'ja_JP.UTF-8 UTF-8' >> /etc/locale.gen
		locale-gen >/dev/null
	fi
fi

step() { printf '\n==== %s\n' "$*"; }

step "build (gcc) and test"
[ -d build ] || meson setup build
ninja -C build
meson test -C build --print-errorlogs

step "valgrind"
meson test -C build --setup valgrind --print-errorlogs

step "ASan + UBSan build (clang) and test"
[ -d build-san ] || CC=clang meson setup build-san -Db_sanitize=address,undefined \
	-Db_lundef=false -Dfuzz=enabled
ninja -C build-san
# (The print check opens documents in LibreOffice and Chromium: once, in the gcc
# build, is enough; the sanitizers see the same writers through the regress suites.)
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	LSAN_OPTIONS=suppressions=$(pwd)/tests/lsan.supp:print_suppressions=0 \
	meson test -C build-san --print-errorlogs --no-suite print

step "fuzz the loader (bounded)"
corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT
mkdir "$corpus/seeds"
cp tests/fuzz/corpus/* "$corpus/seeds"/
# A crash fails the test command (piped into tail, the fuzzer's status was lost:
# a crash of the forms loader went by unnoticed that way).
if ! ASAN_OPTIONS=detect_leaks=1 ./build-san/tests/fuzz_load -max_total_time="${FUZZ_SECONDS:-30}" \
	-rss_limit_mb=1024 -timeout=10 -print_final_stats=1 "$corpus/seeds" > "$corpus/log" 2>&1; then
	tail -60 "$corpus/log"
	echo "fuzz_load failed" >&2
	exit 1
fi
tail -15 "$corpus/log"

step "fuzz the XLSX reader (bounded)"
xcorpus=$(mktemp -d)
trap 'rm -rf "$corpus" "$xcorpus"' EXIT
mkdir "$xcorpus/seeds"
cp tests/fuzz/corpus-xlsx/*.xlsx "$xcorpus/seeds"/
# A crash, a leak, a timeout or memory past the limit fails the test command.
if ! ASAN_OPTIONS=detect_leaks=1 ./build-san/tests/fuzz_xlsx -max_total_time="${FUZZ_SECONDS:-30}" \
	-rss_limit_mb=1024 -timeout=10 -print_final_stats=1 "$xcorpus/seeds" \
	> "$xcorpus/log" 2>&1; then
	tail -60 "$xcorpus/log"
	echo "fuzz_xlsx failed" >&2
	exit 1
fi
tail -15 "$xcorpus/log"

step "fuzz assess reading filled forms (bounded)"
acorpus=$(mktemp -d)
trap 'rm -rf "$corpus" "$xcorpus" "$acorpus"' EXIT
mkdir "$acorpus/seeds"
cp tests/fuzz/corpus-assess/*.csv "$acorpus/seeds"/
if ! ASAN_OPTIONS=detect_leaks=1 ./build-san/tests/fuzz_assess -max_total_time="${FUZZ_SECONDS:-30}" \
	-rss_limit_mb=1024 -timeout=10 -print_final_stats=1 "$acorpus/seeds" > "$acorpus/log" 2>&1; then
	tail -60 "$acorpus/log"
	echo "fuzz_assess failed" >&2
	exit 1
fi
tail -15 "$acorpus/log"

step "fuzz the document parsers: 新旧対照表, Markdown to Word (bounded)"
docs_corpus=$(mktemp -d)
trap 'rm -rf "$corpus" "$xcorpus" "$acorpus" "$docs_corpus" "$jcorpus"' EXIT
cp tests/fuzz/corpus-docs/* "$docs_corpus"/
if ! ASAN_OPTIONS=detect_leaks=1 ./build-san/tests/fuzz_docs -max_total_time="${FUZZ_DOCS_SECONDS:-20}" \
	-rss_limit_mb=1024 -timeout=10 -print_final_stats=1 "$docs_corpus" > "$docs_corpus/log" 2>&1; then
	tail -40 "$docs_corpus/log"
	exit 1
fi
tail -15 "$docs_corpus/log"

step "fuzz the JSON data parser (bounded)"
jcorpus=$(mktemp -d)
trap 'rm -rf "$corpus" "$xcorpus" "$acorpus" "$docs_corpus" "$jcorpus"' EXIT
mkdir "$jcorpus/seeds"
cp tests/fuzz/corpus-json/* "$jcorpus/seeds"/
# Undefined behaviour stops it too (UBSan only reports by default).
if ! ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	./build-san/tests/fuzz_json -max_total_time="${FUZZ_SECONDS:-30}" \
	-rss_limit_mb=1024 -timeout=10 -print_final_stats=1 "$jcorpus/seeds" > "$jcorpus/log" 2>&1; then
	tail -60 "$jcorpus/log"
	echo "fuzz_json failed" >&2
	exit 1
fi
tail -15 "$jcorpus/log"

# Optional: the HTML filters in a real browser (needs network access for npm).
if [ "${TOTSUGO_BROWSER_TESTS:-0}" = 1 ]; then
	step "browser checks (chromium + playwright-core)"
	command -v chromium >/dev/null || apt-get install -y -qq chromium >/dev/null
	pw=$(mktemp -d)
	(cd "$pw" && npm init -y >/dev/null && npm install --silent playwright-core@1 >/dev/null)
	./build/totsugo crosswalk --industry automotive -f html -o "$pw/crosswalk.html" >/dev/null
	NODE_PATH="$pw/node_modules" node tests/browser/crosswalk_filters.js "$pw/crosswalk.html"
	rm -rf "$pw"
fi

step "all tests passed"
