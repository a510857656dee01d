#!/bin/sh
# Installs the Debian 12 packages totsugo needs that are not installed yet.
#   deps.sh build   what building and running needs
#   deps.sh test    that, plus what the full test run needs
# Run as root (or with the packages already present).
set -eu
build_pkgs="gcc meson ninja-build pkg-config libpcre2-dev libyaml-dev libmarkdown2-dev libxlsxwriter-dev libzip-dev libexpat1-dev"
# The read-back checks open the documents as users do: python3-openpyxl and
# python3-docx, LibreOffice (-nogui: no desktop), Japanese fonts and Carlito
# (metric-compatible with Calibri, the unit of Excel column widths),
# poppler-utils, Chromium.
test_pkgs="$build_pkgs check clang valgrind libclang-rt-14-dev locales python3 python3-yaml
	python3-openpyxl python3-docx libreoffice-writer-nogui libreoffice-calc-nogui fonts-noto-cjk
	fonts-crosextra-carlito poppler-utils chromium"
case "${1:-build}" in
	build) want=$build_pkgs ;;
	test) want=$test_pkgs ;;
	*) echo "usage: $0 build|test" >&2; exit 2 ;;
esac
missing=""
for p in $want; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
	if [ "$(id -u)" != 0 ]; then
		echo "deps.sh: missing packages:$missing (run as root, or install them)" >&2
		exit 1
	fi
	echo "deps.sh: installing$missing"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	# shellcheck disable=SC2086
	apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
