#!/usr/bin/env python3
"""Reads totsugo's 突合表 outputs back with standard readers (Python's csv,
zipfile + XML for XLSX, json, html.parser) for the shipped industries, and
checks that the formats agree, and that output is byte-identical across runs
and locales.  For industries without a guideline, the same for their 対比表
(contrast.*), whose rows must be every example use, term and addition of the
industry's data.  Then what a guideline user reads — the 突合表, the 対比表,
coverage and the forms, every format — holds none of our internal words: no
id of a catalog, crosswalk, industry, profile, form or item, no example key,
no file path, no "seed" or "facts".  Usage: check_sheets.py TOTSUGO SOURCE_ROOT"""
import base64
import csv
import glob
import re
import filecmp
import hashlib
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
        page = f.read()
    p.feed(page)
    check(p.scripts == 1, "%s: HTML has %d script elements" % (industry, p.scripts))
    # The CSP allows exactly that script, by its hash: no 'unsafe-inline'.
    script = page.split("<script>", 1)[1].split("</script>", 1)[0]
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
    check("script-src 'sha256-%s'" % digest in page and "script-src 'unsafe-inline'" not in page,
          "%s: the CSP does not allow the script by its hash" % industry)
    check(p.rows == len(csv_rows) - 1, "%s: HTML rows %d vs CSV %d" % (industry, p.rows, len(csv_rows) - 1))
    # Same bytes again, and under a Japanese locale.
    again = os.path.join(tmp, industry + "-again")
    run(exe, root, again, industry, {"LC_ALL": "ja_JP.UTF-8", "LANG": "ja_JP.UTF-8", "TZ": "Asia/Tokyo"})
    match, mismatch, errors = filecmp.cmpfiles(out, again, sorted(os.listdir(out)), shallow=False)
    check(not mismatch and not errors, "%s: outputs differ between runs/locales: %s" % (industry, mismatch + errors))
    # CP932 CSV reads back to the same cells.
    sj = os.path.join(tmp, industry + "-sjis.csv")
    run(exe, root, sj, industry, None, ["-f", "csv", "--encoding", "cp932"])
    # Exactly: a character CP932 holds only as a look-alike is an error, never written.
    with open(sj, encoding="cp932", newline="") as f:
        sj_rows = list(csv.reader(f))
    check(sj_rows == csv_rows, "%s: CP932 CSV differs" % industry)
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


class Visible(html.parser.HTMLParser):
    """The text a browser shows (not scripts, styles or attributes)."""

    def __init__(self):
        super().__init__()
        self.text, self.hidden = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.hidden += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.hidden -= 1

    def handle_data(self, data):
        if not self.hidden:
            self.text.append(data)


def user_texts(path):
    """The texts of an output as its reader sees them."""
    if path.endswith(".html"):
        v = Visible()
        with open(path, encoding="utf-8") as f:
            v.feed(f.read())
        return v.text
    if path.endswith(".xlsx"):
        out = []
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                if not (name.startswith("xl/worksheets/") or name in (
                        "xl/sharedStrings.xml", "xl/workbook.xml", "docProps/core.xml")) \
                        or not name.endswith(".xml"):
                    continue
                for el in ET.fromstring(z.read(name)).iter():
                    tag = el.tag.split("}")[-1]
                    if el.text and tag in ("t", "title", "subject", "oddHeader", "oddFooter"):
                        out.append(el.text)
                    if tag == "sheet" and el.get("name"):
                        out.append(el.get("name"))
        return out
    with open(path, encoding="utf-8-sig") as f:
        return [f.read()]


def internal_words(root, docs):
    """Our internal names: ids of every data file and form, item ids with a
    slash (app5/3.1.1), industries' example keys."""
    words = set()
    for d in docs:
        if d.get("id"):
            words.add(str(d["id"]))
        for e in d.get("examples") or []:
            words.add(str(e["key"]))

        def items(lst):
            for it in lst or []:
                if "/" in str(it.get("id", "")):
                    words.add(str(it["id"]))
                items(it.get("items"))
        if d.get("kind") == "catalog":
            items(d.get("items"))
    for path in glob.glob(os.path.join(root, "templates", "forms", "*.yaml")):
        with open(path, encoding="utf-8") as f:
            words.add(str(__import__("yaml").safe_load(f)["id"]))
    return words


def check_no_internal_words(root, docs, paths):
    words = internal_words(root, docs)
    ids = re.compile(r"(?<![A-Za-z0-9_./-])(%s)(?![A-Za-z0-9_/-])" % "|".join(
        re.escape(w) for w in sorted(words, key=len, reverse=True)))
    other = re.compile(r"templates/|mappings/|\.yaml|seed|facts|industry\.examples|" + re.escape(root))
    found = 0
    for path in paths:
        for text in user_texts(path):
            for m in list(ids.finditer(text)) + list(other.finditer(text)):
                found += 1
                check(False, "%s: internal word %r in %r" % (
                    os.path.relpath(path), m.group(0), text[max(0, m.start() - 30):m.end() + 30]))
    print("internal words: %d outputs read, %d words looked for, %d found" % (len(paths), len(words), found))


def outputs_for_users(exe, root, tmp, industries):
    """Coverage and forms of every industry (with a profile where one is
    shipped) next to the 突合表 and 対比表 written above; their files."""
    env = dict(os.environ)
    env.pop("TOTSUGO_DATA", None)
    env["LC_ALL"] = "C"
    profiles = {p.split("/")[-1][:-5] for p in glob.glob(os.path.join(root, "mappings", "profiles", "*.yaml"))}
    for ind in industries:
        prof = [p for p in profiles if p.startswith(ind + "-")]
        for extra in [[]] + [["--profile", p] for p in prof]:
            tag = ind + ("-" + extra[1] if extra else "")
            subprocess.run([exe, "--data", root, "coverage", "--industry", ind, "--against", "meti-scs-2026",
                            "--level", "★3", "-f", "all", "-o", os.path.join(tmp, "cov", tag), *extra],
                           check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            subprocess.run([exe, "--data", root, "forms", "--industry", ind, "-o",
                            os.path.join(tmp, "forms", tag), *extra],
                           check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    paths = []
    for dirpath, _, files in os.walk(tmp):
        paths += [os.path.join(dirpath, f) for f in sorted(files)
                  if f.endswith((".md", ".html", ".csv", ".tsv", ".xlsx")) and "sjis" not in f]
    return sorted(paths)


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
            industries = [d["id"] for d in docs if d.get("kind") == "industry"]
            check_no_internal_words(root, docs, outputs_for_users(exe, root, tmp, industries))
    sys.exit(1 if failures else 0)


main()
