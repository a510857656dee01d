#!/bin/sh
# N company profiles for the automotive industry (default 1000), made from
# the shipped example by changing what differs between member companies:
# id, company name and title, the target level (every third LV2), the
# screen lock, audit and education months, the password length.
#   bench/batch/gen.sh DIR [N]   (writes DIR/member-NNNN.yaml)
set -eu
dir=$1
n=${2:-1000}
mkdir -p "$dir"
src=$(dirname "$0")/../../mappings/profiles/automotive-lv1-example.yaml
LC_ALL=C awk -v n="$n" -v dir="$dir" '
{ lines[NR] = $0 }
END {
	for (i = 1; i <= n; i++) {
		f = sprintf("%s/member-%04d.yaml", dir, i)
		for (k = 1; k <= NR; k++) {
			l = lines[k]
			if (l ~ /^id: /) l = sprintf("id: member-%04d", i)
			else if (l ~ /^title: /) l = sprintf("title: 会員企業%04d株式会社 情報セキュリティ関連規程", i)
			else if (l ~ /^level: /) l = "level: " (i % 3 == 0 ? "LV2" : "LV1")
			else if (l ~ /^  company.name: /) l = sprintf("  company.name: 会員企業%04d株式会社", i)
			else if (l ~ /^  screen_lock.minutes: /) l = "  screen_lock.minutes: " (i % 15 + 1)
			else if (l ~ /^  audit.month: /) l = "  audit.month: " (i % 12 + 1)
			else if (l ~ /^  education.month: /) l = "  education.month: " ((i + 5) % 12 + 1)
			else if (l ~ /^  password.min_length: /) l = "  password.min_length: " (8 + i % 9)
			print l > f
		}
		close(f)
	}
}' "$src"
