#!/usr/bin/env python3
"""Reads totsugo's 突合表 outputs back with standard readers (Python's csv,
zipfile + XML for XLSX, json, html.parser) for the shipped industries, and
checks that the formats agree, and that output is byte-identical across runs
and locales.  For industries without a guideline, the same for their 対比表
(contrast.*), whose rows must be every example use, term and addition of the
industry's data.  Usage: check_sheets.py TOTSUGO SOURCE_ROOT"""
import csv
import filecmp
import html.parser
import io
import json
import os
import subprocess
import sys
import tempfile
import zipfile
import xml.etree.ElementTree as ET

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def run(exe, root, out, industry, extra_env=None, args=()):
    env = dict(os.environ)
    env.pop("TOTSUGO_DATA", None)
    env["LC_ALL"] = "C"
    if extra_env:
        env.update(extra_env)
    subprocess.run([exe, "--data", root, "crosswalk", "--industry", industry, "-o", out, *args],
                   check=True, env=env, stdout=subprocess.DEVNULL)


def table_rows(rows):
    """The table of a sheet: from its header row (first cell 番号 or 区分) on,
    after the header block (title, facts, notes)."""
    for i, r in enumerate(rows):
        if r and r[0] in ("番号", "区分", "章"):
            return rows[i:]
    return []


def xlsx_sheets(path, kinds=None):
    """Sheet name -> list of rows (list of cell strings); kinds, when given,
    gets sheet name -> rows of cell types ('s' text, 'n' number)."""
    with zipfile.ZipFile(path) as z:
        wb = ET.fromstring(z.read("xl/workbook.xml"))
        rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
        target = {r.get("Id"): r.get("Target") for r in rels}
        shared = []
        if "xl/sharedStrings.xml" in z.namelist():
            for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS):
                shared.append("".join(t.text or "" for t in si.iter("{%s}t" % NS["m"])))
        sheets = {}
        for s in wb.find("m:sheets", NS):
            rid = s.get("{%s}id" % NS["r"])
            xml = ET.fromstring(z.read("xl/" + target[rid]))
            rows = []
            types = []
            for row in xml.find("m:sheetData", NS).findall("m:row", NS):
                cells = []
                types.append(["s" if c.get("t") in ("inlineStr", "s") else "n"
                              for c in row.findall("m:c", NS)])
                for c in row.findall("m:c", NS):
                    if c.get("t") == "inlineStr":
                        cells.append("".join(t.text or "" for t in c.iter("{%s}t" % NS["m"])))
                    elif c.get("t") == "s":
                        cells.append(shared[int(c.find("m:v", NS).text)])
                    else:
                        v = c.find("m:v", NS)
                        check(c.find("m:f", NS) is None, "%s: a formula cell" % path)
                        cells.append(v.text if v is not None else "")
                rows.append(cells)
            sheets[s.get("name")] = rows
            if kinds is not None:
                kinds[s.get("name")] = types
        return sheets


class Html(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.scripts = 0
        self.rows = 0
        self.in_main = False

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self.scripts += 1
        if tag == "table":
            self.in_main = ("class", "filterable") in attrs
        if tag == "tr" and self.in_main and any(k == "data-level-index" for k, _ in attrs):
            self.rows += 1


def check_industry(exe, root, industry, tmp):
    out = os.path.join(tmp, industry)
    run(exe, root, out, industry)
    base = os.path.join(out, "crosswalk")
    kinds = {}
    sheets = xlsx_sheets(base + ".xlsx", kinds)
    check(list(sheets) == ["突合表", "凡例", "サマリー", "反映案"], "%s: sheet names %s" % (industry, list(sheets)))
    # The counts of the summary are numbers, the rest text.
    summary_types = kinds["サマリー"][-len(table_rows(sheets["サマリー"])) + 1:]
    summary_cells = table_rows(sheets["サマリー"])[1:]
    for types, cells in zip(summary_types, summary_cells):
        for t, v in zip(types[2:], cells[2:]):
            check((t == "n") == v.isdigit(), "%s: summary cell %r stored as %s" % (industry, v, t))
    with open(base + ".csv", encoding="utf-8-sig", newline="") as f:
        csv_rows = list(csv.reader(f))
    with open(base + ".tsv", encoding="utf-8-sig", newline="") as f:
        tsv_rows = list(csv.reader(f, delimiter="\t"))
    main = table_rows(sheets["突合表"])
    check(len(csv_rows) == len(main), "%s: CSV has %d rows, XLSX sheet %d" % (industry, len(csv_rows), len(main)))
    check(csv_rows == tsv_rows, "%s: CSV and TSV differ" % industry)
    check(csv_rows == main, "%s: CSV cells differ from the XLSX cells" % industry)
    for suffix, sheet in (("-summary", "サマリー"), ("-proposals", "反映案")):
        with open(base + suffix + ".csv", encoding="utf-8-sig", newline="") as f:
            rows = list(csv.reader(f))
        check(rows == table_rows(sheets[sheet]), "%s: %s.csv differs from sheet %s" % (industry, suffix, sheet))
    with open(base + ".json", encoding="utf-8") as f:
        doc = json.load(f)
    maps = doc["mapping-collection"]["mappings"][0]["maps"]
    items = doc["totsugo"]["items"]
    check(len(items) == len(csv_rows) - 1, "%s: JSON items %d vs CSV rows %d" % (industry, len(items), len(csv_rows) - 1))
    check(len(maps) == sum(len(i["targets"]) for i in items), "%s: JSON maps vs targets" % industry)
    rels = {m["relationship"] for m in maps}
    check(rels <= {"equal-to", "subset-of", "superset-of", "intersects-with", "no-relationship"},
          "%s: relationship names %s" % (industry, rels))
    p = Html()
    with open(base + ".html", encoding="utf-8") as f:
        p.feed(f.read())
    check(p.scripts == 1, "%s: HTML has %d script elements" % (industry, p.scripts))
    check(p.rows == len(csv_rows) - 1, "%s: HTML rows %d vs CSV %d" % (industry, p.rows, len(csv_rows) - 1))
    # Same bytes again, and under a Japanese locale.
    again = os.path.join(tmp, industry + "-again")
    run(exe, root, again, industry, {"LC_ALL": "ja_JP.UTF-8", "LANG": "ja_JP.UTF-8", "TZ": "Asia/Tokyo"})
    match, mismatch, errors = filecmp.cmpfiles(out, again, sorted(os.listdir(out)), shallow=False)
    check(not mismatch and not errors, "%s: outputs differ between runs/locales: %s" % (industry, mismatch + errors))
    # CP932 CSV reads back to the same cells.
    sj = os.path.join(tmp, industry + "-sjis.csv")
    run(exe, root, sj, industry, None, ["-f", "csv", "--encoding", "cp932"])
    # CP932 has no distinct code for a few look-alikes; compare modulo those.
    fold = str.maketrans({"\u2014": "\u2015", "\u301c": "\uff5e", "\u2016": "\u2225",
                          "\u2212": "\uff0d", "\u00a2": "\uffe0", "\u00a3": "\uffe1", "\u00ac": "\uffe2"})
    with open(sj, encoding="cp932", newline="") as f:
        sj_rows = list(csv.reader(f))
    check(sj_rows == [[c.translate(fold) for c in r] for r in csv_rows], "%s: CP932 CSV differs" % industry)
    print("%s: %d rows, sheets %s, %d maps: ok" % (industry, len(csv_rows) - 1, list(sheets), len(maps)))


class Md:
    """The pipe tables of a Markdown file: title -> rows of cells."""

    def __init__(self, text):
        self.tables, name = {}, None
        for line in text.splitlines():
            if line.startswith("## "):
                name = line[3:]
                self.tables[name] = []
            elif name and line.startswith("|") and not line.startswith("|---") \
                    and not line.startswith("|:--"):
                self.tables[name].append(line)


def check_contrast(exe, root, industry, ind, registry, tmp):
    out = os.path.join(tmp, industry)
    run(exe, root, out, industry)
    base = os.path.join(out, "contrast")
    check(sorted(os.listdir(out)) == ["contrast-summary.csv", "contrast-summary.tsv", "contrast.csv",
                                      "contrast.html", "contrast.md", "contrast.tsv", "contrast.xlsx"],
          "%s: files %s" % (industry, sorted(os.listdir(out))))
    sheets = xlsx_sheets(base + ".xlsx")
    check(list(sheets) == ["対比表", "凡例", "サマリー"], "%s: sheet names %s" % (industry, list(sheets)))
    with open(base + ".csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    with open(base + ".tsv", encoding="utf-8-sig", newline="") as f:
        check(rows == list(csv.reader(f, delimiter="\t")), "%s: CSV and TSV differ" % industry)
    check(rows == table_rows(sheets["対比表"]), "%s: CSV cells differ from the XLSX cells" % industry)
    with open(base + "-summary.csv", encoding="utf-8-sig", newline="") as f:
        summary = list(csv.reader(f))
    check(summary == table_rows(sheets["サマリー"]), "%s: summary CSV differs from XLSX" % industry)
    header, body = rows[0], rows[1:]
    kind = header.index("区分")
    # Every example use (parameter x clause), term of 付録D, addition: one row each.
    uses = sum(len(p.get("clauses") or []) for p in registry["parameters"]
               if p["name"].startswith("industry.examples."))
    keys = {p["name"][len("industry.examples."):] for p in registry["parameters"]
            if p["name"].startswith("industry.examples.")}
    unused = [e for e in ind.get("examples") or [] if e["key"] not in keys]
    own = {t["term"] for t in ind.get("terms") or []}
    terms = len(own) + len([t for t in registry.get("terms") or [] if t["term"] not in own])
    adds = [a for a in ind.get("additions") or [] if a["action"] == "add"]
    amends = [a for a in ind.get("additions") or [] if a["action"] == "amend"]
    count = {k: sum(1 for r in body if r[kind] == k) for k in ("例示", "用語", "業界追加", "業界補足")}
    check(count["例示"] == uses + len(unused), "%s: %d example rows, expected %d" % (industry, count["例示"], uses + len(unused)))
    check(count["用語"] == terms, "%s: %d term rows, expected %d" % (industry, count["用語"], terms))
    check(count["業界追加"] == len(adds), "%s: %d addition rows, expected %d" % (industry, count["業界追加"], len(adds)))
    check(count["業界補足"] == len(amends), "%s: %d supplement rows, expected %d" % (industry, count["業界補足"], len(amends)))
    texts = {r[header.index("業界版の記載")] for r in body}
    for e in ind.get("examples") or []:
        check(e["text"] in texts, "%s: example %s not in the table" % (industry, e["key"]))
    with open(base + ".md", encoding="utf-8") as f:
        md = Md(f.read())
    check(len(md.tables.get("対比表", [])) == len(rows), "%s: Markdown rows %d vs CSV %d" % (
        industry, len(md.tables.get("対比表", [])), len(rows)))
    p = Html()
    with open(base + ".html", encoding="utf-8") as f:
        p.feed(f.read())
    check(p.rows == len(body), "%s: HTML rows %d vs CSV %d" % (industry, p.rows, len(body)))
    again = os.path.join(tmp, industry + "-again")
    run(exe, root, again, industry, {"LC_ALL": "ja_JP.UTF-8", "LANG": "ja_JP.UTF-8", "TZ": "Asia/Tokyo"})
    match, mismatch, errors = filecmp.cmpfiles(out, again, sorted(os.listdir(out)), shallow=False)
    check(not mismatch and not errors, "%s: outputs differ between runs/locales: %s" % (industry, mismatch + errors))
    print("%s: 対比表 %d rows (%s), sheets %s: ok" % (industry, len(body), count, list(sheets)))


def main():
    exe, root = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as tmp:
        for industry in ("automotive", "construction", "supply-chain"):
            check_industry(exe, root, industry, tmp)
        try:
            import yaml
        except ImportError:
            yaml = None
            print("SKIP: PyYAML is not installed: no 対比表 checks")
        if yaml is not None:
            docs = []
            for dirpath, _, files in os.walk(os.path.join(root, "mappings")):
                for name in sorted(files):
                    if name.endswith(".yaml"):
                        with open(os.path.join(dirpath, name), encoding="utf-8") as f:
                            docs.append(yaml.safe_load(f))
            registry = next(d for d in docs if d.get("kind") == "parameters")
            baseline_only = [d for d in docs if d.get("kind") == "industry" and not d.get("guideline")]
            check(baseline_only, "no industry without a guideline is shipped")
            for ind in baseline_only:
                check_contrast(exe, root, ind["id"], ind, registry, tmp)
    sys.exit(1 if failures else 0)


main()
