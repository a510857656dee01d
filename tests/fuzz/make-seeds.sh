#!/bin/sh
# (Re)builds the seed corpora of the fuzz targets, tests/fuzz/corpus/NAME/,
# from the regress cases, the Mustache spec, the shipped templates and
# docs/examples.  The seeds are committed; run this when those sources
# change much, and review what it adds.
#   sh tests/fuzz/make-seeds.sh
set -eu
cd "$(dirname "$0")/../.."
c=tests/fuzz/corpus
py=/usr/bin/python3

# load: the validate cases' files (each a small catalog, crosswalk or industry
# with one mistake or none) and the small shipped files.
mkdir -p $c/load
for f in tests/regress/validate/*/mappings/*.yaml mappings/*/*.yaml; do
	[ "$(wc -c < "$f")" -le 16384 ] || continue
	cp "$f" "$c/load/$(echo "$f" | tr / _ | sed 's/^tests_regress_//')"
done

# sheet_import: a first byte choosing the spec (0 meti-scs, 1 association
# checklist, 2 the export spec; +128: as TSV), then the sheet.
mkdir -p $c/sheet_import
seed() { { printf "\\$(printf '%03o' "$1")"; cat "$2"; } > "$c/sheet_import/$3"; }
seed 0 docs/examples/import/meti-scs-sample.csv meti-scs
seed 1 docs/examples/import/association-checklist-sample.csv association-checklist
n=0
for f in tests/regress/import/*/*.csv tests/regress/import/*/*.tsv tests/regress/import/_scs/*.csv; do
	[ -f "$f" ] || continue
	n=$((n + 1))
	case "$f" in *.tsv) b=$((128 + n % 3)) ;; *) b=$((n % 3)) ;; esac
	seed "$b" "$f" "regress-$(basename "$(dirname "$f")")-$(basename "$f")"
done
./build/totsugo --data tests/regress/import/_export export "$(./build/totsugo --data \
    tests/regress/import/_export list | awk '$1 == "catalog" { print $2; exit }')" \
    -o "$c/sheet_import/.export.csv" 2> /dev/null && seed 2 "$c/sheet_import/.export.csv" export
rm -f "$c/sheet_import/.export.csv"

# template: a flags byte (0: HTML escaping, not strict), the template, NUL,
# the values with the partials as top-level entries: every Mustache spec
# case, and the regulation templates over no values.
mkdir -p $c/template
$py - "$c/template" tests/spec/mustache/*.yml <<'PY'
import os, re, sys, yaml
out = sys.argv[1]
for path in sys.argv[2:]:
    spec = yaml.safe_load(open(path, encoding="utf-8"))
    base = os.path.basename(path).replace("~", "").replace(".yml", "")
    for i, t in enumerate(spec["tests"]):
        data = t.get("data")
        if not isinstance(data, dict):
            data = {"value": data}
        data = dict(data)
        data.update(t.get("partials", {}))
        body = t["template"].encode() + b"\0" + yaml.safe_dump(data, allow_unicode=True).encode()
        with open(os.path.join(out, "%s-%02d" % (base, i)), "wb") as f:
            f.write(bytes([i % 6]) + body)
PY
for f in templates/regulation/*.md tests/regress/template/*/*.mustache; do
	[ -f "$f" ] || continue
	{ printf '\003'; cat "$f"; printf '\000{}\n'; } > "$c/template/$(echo "$f" | tr / _)"
done

# diff: the old and the new catalog of each diff case, NUL between.
mkdir -p $c/diff
for d in tests/regress/diff/*/; do
	[ -f "$d/new.yaml" ] || continue
	old=$(ls "$d"mappings/*old*.yaml "$d"old.yaml 2> /dev/null | head -1)
	[ -n "$old" ] || continue
	{ cat "$old"; printf '\000'; cat "$d/new.yaml"; } > "$c/diff/$(basename "$d")"
done

# yamlw: strings that need quotes, escapes or blocks, NUL-separated.
mkdir -p $c/yamlw
printf 'plain\000- item\000a: b\000#x\000 lead\000trail \000true\00044\000\000multi\nline\n' > $c/yamlw/scalars
printf 'LS\342\200\250PS\342\200\251\000NEL\302\205\000C1\302\233[2J\000\357\277\276\000esc\033[0m\000tab\there\000cr\r\nlf\000' > $c/yamlw/controls
printf '情報セキュリティ方針\000「引用」と\"二重\"\000複数行の\n本文\n\n\000★3\000１．全角\000' > $c/yamlw/japanese
# review: the review sheet of a shipped crosswalk as Excel saves it in CSV
# (the header and a few rows), untouched and with one edit of each kind.
mkdir -p $c/review
./build/totsugo review export nikkenren-kyoryoku-2023--ipa-sme-3.1 -o "$c/review/.r.xlsx" > /dev/null
$py - "$c/review" <<'PY'
import csv, io, openpyxl, os, sys
out = sys.argv[1]
ws = openpyxl.load_workbook(os.path.join(out, ".r.xlsx"))["突合レビュー"]
rows = [["" if v is None else str(v) for v in r] for r in ws.iter_rows(values_only=True)]
base = rows[:9]
def save(name, rs):
    b = io.StringIO()
    csv.writer(b, lineterminator="\r\n").writerows(rs)
    open(os.path.join(out, name), "w", encoding="utf-8").write(b.getvalue())
save("unchanged", base)
edit = [list(r) for r in base]
edit[2][8], edit[2][9], edit[2][11] = "同等", "9", "提案"
save("changed", edit)
edit = [list(r) for r in base]
edit[3][5] = "app5/9.9.9"
save("unknown-target", edit)
edit = [list(r) for r in base] + [["", base[2][1], "", "", "", "app5/2.1.1", "", "", "一部重複", "5", "", "提案"] + [""] * 6]
save("added-row", edit)
PY
rm -f "$c/review/.r.xlsx"
# The same seed twice is one.
for d in $c/*/; do
	(cd "$d" && sha256sum -- * | sort | awk 'seen[$1]++ { print $2 }' | xargs -r rm --)
done
echo "seeds: $(ls $c/load | wc -l) load, $(ls $c/sheet_import | wc -l) sheet_import," \
    "$(ls $c/template | wc -l) template, $(ls $c/diff | wc -l) diff, $(ls $c/yamlw | wc -l) yamlw"
