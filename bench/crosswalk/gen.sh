#!/bin/sh
# Generates a synthetic data directory for the crosswalk benchmark:
#   gen.sh DIR [ITEMS] [TARGETS_PER_ITEM] [CHAPTERS]
# ITEMS guideline items (default 10000) in groups of 50, a baseline of
# CHAPTERS (default 20) chapters x 10 sections x 10 clauses with a
# self-check root of 100 questions, an internal crosswalk (questions ->
# clauses), and ITEMS x TARGETS rows (default 3: 30,000 rows), plus a
# template set (a file per chapter).
set -eu
dir=$1
items=${2:-10000}
per=${3:-3}
chapters=${4:-20}
mkdir -p "$dir/mappings" "$dir/templates/reg"
awk -v items="$items" 'BEGIN {
	print "kind: catalog\nid: bench-guide\ntitle: ベンチマーク用業界ガイドライン\nshort_title: ベンチ\nversion: \"1.0\"\ndate: 2025-01-01\nlevels: [LV1, LV2, LV3]\nprovenance: authored\nitems:"
	for (i = 1; i <= items; i++) {
		if (i % 50 == 1)
			printf "  - id: g%d\n    title: 分類%dの要求事項群\n    items:\n", int(i / 50), int(i / 50)
		printf "      - id: \"%d\"\n        ref: No.%d\n        title: 要求事項%d 情報資産の管理に関する事項\n        text: 取引先から受領した図面や仕様書を含む情報資産%dを台帳に登録し、機密区分に応じて取り扱う。\n        level: LV%d\n", i, i, i, i, i % 3 + 1
	}
}' > "$dir/mappings/guide.yaml"
awk -v chapters="$chapters" 'BEGIN {
	print "kind: catalog\nid: bench-base\ntitle: ベンチマーク用基準\nshort_title: 基準\nprovenance: authored\nitems:\n  - id: chk\n    ref: 付録A\n    title: 自己点検\n    items:"
	for (q = 1; q <= 100; q++)
		printf "      - {id: chk/%d, ref: No.%d, title: 点検項目%d}\n", q, q, q
	print "  - id: reg\n    ref: 付録B\n    title: 規程\n    items:"
	for (c = 1; c <= chapters; c++) {
		printf "      - id: reg/%d\n        ref: \"%d\"\n        title: 第%d章\n        items:\n", c, c, c
		for (s = 1; s <= 10; s++) {
			printf "          - id: reg/%d.%d\n            ref: \"%d.%d\"\n            title: 節%d.%d\n            items:\n", c, s, c, s, c, s
			for (k = 1; k <= 10; k++)
				printf "              - {id: reg/%d.%d.%d, ref: \"%d.%d.%d\", title: 条項%d.%d.%d, tags: [management]}\n", c, s, k, c, s, k, c, s, k
		}
	}
}' > "$dir/mappings/base.yaml"
awk -v chapters="$chapters" 'BEGIN {
	print "kind: crosswalk\nid: bench-base-internal\nsource: bench-base\ntarget: bench-base\nstatus: reviewed\nprovenance: authored\nrows:"
	for (q = 1; q <= 100; q++)
		printf "  - source: chk/%d\n    targets:\n      - {target: reg/%d.%d.%d, relationship: intersects-with, strength: 5, rationale: semantic}\n      - {target: reg/%d.%d, relationship: intersects-with, strength: 4, rationale: semantic}\n", q, q % chapters + 1, q % 10 + 1, q % 7 + 1, (q * 3) % chapters + 1, q % 9 + 1
}' > "$dir/mappings/internal.yaml"
awk -v items="$items" -v per="$per" -v chapters="$chapters" 'BEGIN {
	print "kind: crosswalk\nid: bench-guide--bench-base\nsource: bench-guide\ntarget: bench-base\nstatus: reviewed\nprovenance: authored\nrows:"
	for (i = 1; i <= items; i++) {
		printf "  - source: \"%d\"\n    targets:\n", i
		for (t = 0; t < per; t++) {
			c = (i + t * 7) % chapters + 1; s = (i * 3 + t) % 10 + 1; k = (i + t * 5) % 10 + 1
			printf "      - {target: reg/%d.%d.%d, relationship: intersects-with, strength: %d, rationale: semantic, note: 一部の内容が対応する。}\n", c, s, k, (i + t) % 11
		}
		if (i % 10 == 0)
			printf "    proposal: {action: add, clause: reg/%d.1.1, text: 業界固有の取扱いを定める条文案%d。}\n", i % chapters + 1, i
	}
}' > "$dir/mappings/xw.yaml"
printf 'kind: industry\nid: bench\ntitle: ベンチマーク業界\nguideline: bench-guide\nbaseline: bench-base\ncrosswalks: [bench-guide--bench-base]\ndefault_level: LV1\n' > "$dir/mappings/industry.yaml"
# Every chapter's text names the company: the registry lists them all.
awk -v chapters="$chapters" 'BEGIN {
	printf "kind: parameters\nid: reg\ncatalog: bench-base\ntemplates: reg\nparameters:\n"
	printf "  - {name: company.name, type: string, default: 株式会社ベンチ, description: 会社名, clauses: ["
	for (c = 1; c <= chapters; c++)
		printf("%sreg/%d", (c > 1 ? ", " : ""), c)
	print "]}"
}' > "$dir/mappings/params.yaml"
DIR=$dir awk -v chapters="$chapters" 'BEGIN {
	for (c = 1; c <= chapters; c++) {
		f = sprintf("%s/templates/reg/%02d.md", ENVIRON["DIR"], c)
		printf "<!-- @chapter reg/%d -->\n適用範囲：{{company.name}}の全部門。\n\n", c > f
		for (s = 1; s <= 10; s++) {
			printf "<!-- @clause reg/%d.%d -->\n節%d.%dの方針を定める。\n\n", c, s, c, s > f
			for (k = 1; k <= 10; k++)
				printf "<!-- @clause reg/%d.%d.%d -->\n1. 担当者は、条項%d.%d.%dに定める手順に従って情報資産を取り扱う。\n2. 例外は責任者の承認を得る。\n\n", c, s, k, c, s, k > f
		}
	}
}'
