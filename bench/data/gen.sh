#!/bin/sh
# Big template data: a regulation-like template that lists CLAUSES clauses
# (default 10,000) from a JSON data file of about 460 bytes per clause
# (4.6 MB at 10,000): chapters of 100 clauses, each clause with id, ref,
# title, text, level, a list of labels, an excluded flag and reason.  The
# template uses sections, inverted sections, dotted names and triple
# mustaches; the output is about 3.4 MB.  Texts come from a fixed linear
# congruential generator, so every run writes the same bytes.
#   bench/data/gen.sh DIR [CLAUSES]
# Writes DIR/big.mustache, DIR/big.json and DIR/empty.mustache (the same
# data with nothing rendered: what parsing the data costs).
set -eu
dir=$1
n=${2:-10000}
mkdir -p "$dir"
cat > "$dir/big.mustache" <<'TEMPLATE'
# {{company.name}} 情報セキュリティ関連規程

{{#meta}}
版: {{version}}（{{date}}施行）
{{/meta}}

{{#chapters}}
## 第{{no}}章 {{title}}

{{#clauses}}
### {{ref}} {{title}}

{{#excluded}}
（適用除外：{{reason}}）
{{/excluded}}
{{^excluded}}
{{{text}}}
{{#labels.0}}

対応する業界ガイドライン項目：{{#labels}}〔{{.}}〕{{/labels}}
{{/labels.0}}
{{^level}}
（レベルの定めなし）
{{/level}}
{{/excluded}}

{{/clauses}}
{{/chapters}}
TEMPLATE
printf '{{! the data is parsed, nothing is rendered }}\n' > "$dir/empty.mustache"
LC_ALL=C awk -v n="$n" '
function rnd() { seed = (seed * 16807) % 2147483647; return seed }
function word() { return W[rnd() % NW + 1] }
function sentence(  s, k) { s = ""; for (k = 0; k < 4; k++) s = s word() P[rnd() % NP + 1]; return s word() "を" V[rnd() % NV + 1] "。" }
BEGIN {
	NW = split("情報資産 取引先 委託先 機密情報 アカウント 管理者権限 バックアップ 脆弱性 ログ 端末 サーバ ネットワーク 従業員 責任者 手順 台帳 記録 教育 監査 暗号 媒体 持出し 廃棄 入退室 通信 クラウド 契約 事故 復旧 評価", W, " ")
	NP = split("の と を に について", P, " ")
	NV = split("定める 記録する 確認する 実施する 見直す 周知する 管理する 保管する", V, " ")
	seed = 12345
	printf("{\n  \"company\": {\"name\": \"株式会社ベンチマーク製作所\", \"short\": \"当社\"},\n")
	printf("  \"meta\": {\"version\": \"第1版\", \"date\": \"2026年4月1日\"},\n")
	printf("  \"chapters\": [")
	chapters = int((n + 99) / 100)
	c = 0
	for (ch = 1; ch <= chapters; ch++) {
		printf("%s\n    {\"no\": %d, \"title\": \"%sの管理\", \"clauses\": [", ch > 1 ? "," : "", ch, word())
		for (k = 1; k <= 100 && c < n; k++) {
			c++
			t = "1. " sentence() sentence() "\\n2. " sentence()
			nl = rnd() % 3
			labels = ""
			for (l = 0; l < nl; l++)
				labels = labels sprintf("%s\"自工会 No.%d (LV%d)\"", l ? ", " : "", rnd() % 300 + 1, rnd() % 3 + 1)
			ex = (c % 25 == 0)
			lv = (c % 7 == 0) ? "null" : sprintf("\"LV%d\"", c % 3 + 1)
			printf("%s\n      {\"id\": \"app5/%d.%d\", \"ref\": \"%d.%d\", \"title\": \"%sと%sの%s\", \"text\": \"%s\", \"level\": %s, \"labels\": [%s], \"excluded\": %s, \"reason\": \"%s\"}",
			    k > 1 ? "," : "", ch, k, ch, k, word(), word(), word(), t, lv, labels,
			    ex ? "true" : "false", ex ? "当社は該当する" word() "を保有しない。" : "")
		}
		printf("\n    ]}")
	}
	printf("\n  ]\n}\n")
}' > "$dir/big.json"
