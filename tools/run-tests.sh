#!/bin/sh
# The README's second command (and CI's): install what is missing, build, and
# run every test: unit + regress, the same under valgrind, an ASan+UBSan
# build of the whole suite, and a bounded libFuzzer run of every parser.
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

step "fuzz every parser (bounded)"
# One line per target (tests/fuzz/fuzz_NAME.c, seeds in tests/fuzz/corpus/NAME/);
# bench/fuzz/run.sh runs them for hours.  A crash fails the step, its input saved
# under build-san/fuzz-artifacts/NAME/.
fuzz() { sh tests/fuzz/run.sh build-san "$1" "${FUZZ_SECONDS:-12}"; }
fuzz load
fuzz sheet_import
fuzz xlsx
fuzz assess
fuzz docs
fuzz json
fuzz template
fuzz diff
fuzz yamlw
fuzz review

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
