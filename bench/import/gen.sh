#!/bin/sh
# Writes an SCS-like sheet of N rows (default 20000) to standard output:
# 大分類 > 中分類 > 要求事項 written once per group (merged cells), one
# 評価基準 per row with ids like 4-1-3-2, ★3/★4 ○ columns, a reference
# column in every form the import reads, and in-text references.
#   sh gen.sh [N] > sheet.csv
set -eu
n=${1:-20000}
awk -v n="$n" 'BEGIN {
	print "サプライチェーン対策評価制度 要求事項・評価基準一覧(ベンチマーク用),,,,,,,,"
	print "大分類,中分類,要求事項,評価基準No.,評価基準,★3,★4,自工会/部工会ガイドライン,備考"
	row = 0
	for (a = 1; row < n; a++)
	for (b = 1; b <= 10 && row < n; b++)
	for (c = 1; c <= 100 && row < n; c++)
	for (d = 1; d <= 10 && row < n; d++) {
		g1 = (b == 1 && c == 1 && d == 1) ? a " 大分類" a "の対策" : ""
		g2 = (c == 1 && d == 1) ? a "-" b " 中分類" a "-" b "の管理" : ""
		g3 = (d == 1) ? a "-" b "-" c " 要求事項" a "-" b "-" c : ""
		id = a "-" b "-" c "-" d
		k = row % 5
		if (k == 0) ref = "\"No." (row % 150 + 1) " (LV1), No." (row % 150 + 2) " (LV2)\""
		else if (k == 1) ref = "\"No." (row % 150 + 1) ", " (row % 150 + 3) " (LV2)\""
		else if (k == 2) ref = "\"No." (row % 150 + 1) ",\nNo." (row % 150 + 4) " (LV2)\""
		else if (k == 3) ref = "No." (row % 150 + 1) " (Lv1)"
		else ref = "-"
		text = "情報資産の管理者を定め、台帳に記録し、年1回以上見直している(" id ")。"
		if (d > 1)
			text = "No." a "-" b "-" c "-" (d - 1) "で定めた手順に従い、" text
		s3 = (d % 3 != 0) ? "○" : ""
		s4 = "○"
		print g1 "," g2 "," g3 "," id "," text "," s3 "," s4 "," ref ","
		row++
	}
}'
