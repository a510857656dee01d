#!/bin/sh
# Template benchmark input: a regulation-sized Mustache template (about
# 100 KB: ARTICLES articles of interpolations, sections, inverted sections,
# a nested loop and a partial) and its JSON data.
#   bench/template/gen.sh DIR [ARTICLES]   (default 200)
set -eu
dir=$1
n=${2:-200}
mkdir -p "$dir"
awk -v n="$n" 'BEGIN {
	print "# {{company.name}} 情報セキュリティ規程"
	print ""
	print "{{#meta}}版: {{version}} / 施行日: {{date}} / 改定率: {{ratio}}{{/meta}}"
	print ""
	for (i = 1; i <= n; i++) {
		k = i % 50
		printf("## 第%d条（{{p.t%d}}）\n\n", i, k)
		printf("{{company.name}}（以下「当社」という。）は、{{p.k%d}}を定め、{{p.k%d}}を実施する。", k, (k + 1) % 50)
		printf("責任者は{{#roles}}{{#chief}}{{title}}（{{person}}）{{/chief}}{{/roles}}とする。\n")
		printf("{{#p.f%d}}\n", k)
		printf("- {{p.k%d}}は、{{company.short}}の{{p.k%d}}に従って運用する。\n", (k + 2) % 50, (k + 3) % 50)
		printf("{{/p.f%d}}\n", k)
		printf("{{^p.f%d}}\n", (k + 1) % 50)
		printf("- 例外は{{p.k%d}}が承認し、記録を{{p.k%d}}年間保存する。\n", (k + 4) % 50, (k + 5) % 50)
		printf("{{/p.f%d}}\n", (k + 1) % 50)
		print "{{#items}}"
		print "{{index}}. {{name}}: {{desc}}（担当: {{owner.name}}、{{#owner.deputy}}代理: {{.}}{{/owner.deputy}}）"
		print "{{/items}}"
		print "{{> clause}}"
		print ""
	}
}' > "$dir/bench.mustache"
cat > "$dir/clause.mustache" <<'CLAUSE'
（{{company.short}}の{{meta.owner}}が所管し、{{meta.review}}ごとに見直す。）
CLAUSE
awk -v n="$n" 'BEGIN {
	printf("{\n  \"company\": {\"name\": \"株式会社ベンチマーク製作所\", \"short\": \"当社\"},\n")
	printf("  \"meta\": {\"version\": \"3.1\", \"date\": \"2026年4月1日\", \"ratio\": 1.50, ")
	printf("\"owner\": \"情報セキュリティ委員会\", \"review\": \"1年\"},\n")
	printf("  \"roles\": [")
	for (r = 0; r < 10; r++)
		printf("%s{\"title\": \"役割%d\", \"person\": \"担当者%d\", \"chief\": %s}", r ? ", " : "", r, r, r == 3 ? "true" : "false")
	printf("],\n  \"p\": {")
	for (k = 0; k < 50; k++)
		printf("%s\"t%d\": \"条項%d\", \"k%d\": \"規程項目%d\", \"f%d\": %s", k ? ", " : "", k, k, k, k, k, k % 3 ? "true" : "false")
	printf("},\n  \"items\": [")
	for (j = 1; j <= 5; j++)
		printf("%s{\"index\": %d, \"name\": \"対策%d\", \"desc\": \"<手順%d> & \\\"記録\\\"\", \"owner\": {\"name\": \"部門%d\", \"deputy\": [\"副%d\"]}}", j > 1 ? ", " : "", j, j, j, j, j)
	printf("]\n}\n")
}' > "$dir/data.json"
