#!/usr/bin/env python3
"""`totsugo coverage` on the shipped data, read back with standard readers
(json, csv, zipfile + XML for XLSX, html.parser):

- one entry per requirement of the catalog at the level (★3: exactly the ★3
  requirements of tests/data/meti-scs-requirements.tsv, none ★4-only), each
  with a verdict, and paths that start at the requirement and end at the
  clause (or the industry item whose addition covers it);
- the formats agree (row counts, verdicts), output is byte-identical across
  runs and locales;
- excluding any clause that covers something never raises a verdict or a
  total (one profile file per covering clause, the example profile's level).

Prints the ★3 / ★4 figures of the shipped regulations.
Usage: check_coverage.py TOTSUGO SOURCE_ROOT"""
import csv
import filecmp
import html.parser
import json
import os
import subprocess
import sys
import tempfile
import zipfile
import xml.etree.ElementTree as ET

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
VERDICTS = ("full", "partial", "none")
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def run(exe, root, args, locale="C", quiet=False):
    env = dict(os.environ)
    env.pop("TOTSUGO_DATA", None)
    env["LC_ALL"] = locale
    # quiet: the profiles made up here may exclude a clause others refer to
    # (render warns about it); the warnings are not what is checked.
    subprocess.run([exe, "--data", root, "coverage", *args], check=True, env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL if quiet else None)


def requirements(root):
    """SCS requirement id -> star levels, from the fact table."""
    out = {}
    with open(os.path.join(root, "tests/data/meti-scs-requirements.tsv"), encoding="utf-8") as f:
        for row in csv.reader(f, delimiter="\t"):
            if row and row[0] != "category":
                out[row[2]] = row[4]
    return out


def xlsx_rows(path):
    """Sheet name -> number of rows of its table (header row included): the
    autofilter's range, below the header block (title, facts); sheets
    without a table (the legend) count all their rows."""
    with zipfile.ZipFile(path) as z:
        names = [s.get("name") for s in ET.fromstring(z.read("xl/workbook.xml")).find("m:sheets", NS)]
        counts = {}
        for i, name in enumerate(names, 1):
            sheet = ET.fromstring(z.read("xl/worksheets/sheet%d.xml" % i))
            table = sheet.find("m:autoFilter", NS)
            if table is not None:
                first, last = (int("".join(ch for ch in ref if ch.isdigit()))
                               for ref in table.get("ref").split(":"))
                counts[name] = last - first + 1
            else:
                counts[name] = len(sheet.find("m:sheetData", NS).findall("m:row", NS))
        return counts


class Rows(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.rows = {}
        self.table = -1
        self.in_body = False
        self.in_legend = False  # the legend's table is not one of the report's

    def handle_starttag(self, tag, attrs):
        if tag == "section" and ("class", "legend") in attrs:
            self.in_legend = True
        if tag == "table" and not self.in_legend:
            self.table += 1
            self.rows[self.table] = 0
        elif self.in_legend:
            return
        elif tag == "tbody":
            self.in_body = True
        elif tag == "tr" and self.in_body:
            self.rows[self.table] += 1

    def handle_endtag(self, tag):
        if tag == "section":
            self.in_legend = False
        if tag == "tbody":
            self.in_body = False


def check_paths(item):
    for link in item["links"] + item["lost_to_exclusions"]:
        path = link["path"]
        qualified = item["_cat"] + ":" + item["id"]
        if path:
            check(path[0]["from"] == qualified, "%s: a path starts elsewhere" % item["id"])
            end = link.get("source") or ("ipa-sme-3.1:" + link["clause"])
            check(path[-1]["to"] == end, "%s: a path ends at %s, not %s" % (item["id"], path[-1]["to"], end))
            for a, b in zip(path, path[1:]):
                check(a["to"] == b["from"], "%s: a path breaks" % item["id"])
        check(link["relationship"] != "no-relationship", "%s: a no-relationship link" % item["id"])


def one(exe, root, tmp, industry, profile, level, reqs):
    name = "%s-%s-%s" % (industry, profile or "sample", level)
    out = os.path.join(tmp, name)
    args = ["--industry", industry, "--against", "meti-scs-2026", "--level", level]
    if profile:
        args += ["--profile", profile]
    args += ["-o", out]
    run(exe, root, args)
    base = "coverage-meti-scs-2026-%s%s" % (level, "-" + profile if profile else "")
    with open(os.path.join(out, base + ".json"), encoding="utf-8") as f:
        cov = json.load(f)["coverage"]
    items = cov["items"]
    want = sorted(r for r, stars in reqs.items() if level == "★4" or "★3" in stars)
    check(sorted(i["id"] for i in items) == want, "%s: the requirements listed are not those of %s"
          % (name, level))
    for i in items:
        i["_cat"] = "meti-scs-2026"
        check(i["verdict"] in VERDICTS, "%s %s: verdict %r" % (name, i["id"], i["verdict"]))
        check((i["verdict"] == "none") == (not i["links"]), "%s %s: verdict and links disagree"
              % (name, i["id"]))
        check(VERDICTS.index(i["verdict"]) >= VERDICTS.index(i["verdict_without_exclusions"]),
              "%s %s: an exclusion raised the verdict" % (name, i["id"]))
        check_paths(i)
    total = cov["summary"]["total"]
    check(total["items"] == len(items), "%s: total" % name)
    check(sum(total[v] for v in VERDICTS) == len(items), "%s: verdict counts" % name)
    # The other formats hold the same rows.
    with open(os.path.join(out, base + ".csv"), encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    check(len(rows) - 1 == len(items), "%s: CSV rows" % name)
    col = rows[0].index("判定")
    labels = {"full": "充足", "partial": "一部", "none": "未対応"}
    check([r[col] for r in rows[1:]] == [labels[i["verdict"]] for i in items], "%s: CSV verdicts" % name)
    sheets = xlsx_rows(os.path.join(out, base + ".xlsx"))
    check(list(sheets) == ["充足状況", "凡例", "集計", "適用除外の影響"], "%s: XLSX sheets %s"
          % (name, list(sheets)))
    check(sheets["充足状況"] == len(items) + 1, "%s: XLSX rows" % name)
    p = Rows()
    with open(os.path.join(out, base + ".html"), encoding="utf-8") as f:
        p.feed(f.read())
    check(p.rows.get(0) == len(items), "%s: HTML rows" % name)
    # Same bytes in another locale.
    again = out + "-ja"
    run(exe, root, args[:-1] + [again], "ja_JP.UTF-8")
    for fn in sorted(os.listdir(out)):
        check(filecmp.cmp(os.path.join(out, fn), os.path.join(again, fn), shallow=False),
              "%s: %s differs across runs and locales" % (name, fn))
    return cov


def monotone(exe, root, tmp, industry, profile_level, cov):
    """Excluding any covering clause never raises a verdict."""
    base = {i["id"]: i["verdict"] for i in cov["items"]}
    clauses = sorted({l["clause"] for i in cov["items"] for l in i["links"]})
    for n, clause in enumerate(clauses):
        prof = os.path.join(tmp, "ex-%d.yaml" % n)
        with open(prof, "w", encoding="utf-8") as f:
            f.write("kind: profile\nid: ex-%d\nindustry: %s\n%sexclude:\n  - {clause: \"%s\", reason: 検査}\n"
                    % (n, industry, "level: %s\n" % profile_level if profile_level else "", clause))
        out = os.path.join(tmp, "ex-%d.json" % n)
        run(exe, root, ["--industry", industry, "--profile", prof, "--against", "meti-scs-2026",
                        "--level", "★4", "-f", "json", "-o", out], quiet=True)
        with open(out, encoding="utf-8") as f:
            got = json.load(f)["coverage"]
        for i in got["items"]:
            check(VERDICTS.index(i["verdict"]) >= VERDICTS.index(base[i["id"]]),
                  "%s: excluding %s raised %s" % (industry, clause, i["id"]))
        check(got["summary"]["total"]["full"] <= cov["summary"]["total"]["full"],
              "%s: excluding %s raised the total" % (industry, clause))
    return len(clauses)


def figures(cov):
    t = cov["summary"]["total"]
    n = t["items"]
    return ("%2d requirements: 充足 %2d (%5.1f%%), 一部 %2d (%5.1f%%), 未対応 %2d (%5.1f%%); "
            "resting on reviewed pairs %d") % (
        n, t["full"], 100.0 * t["full"] / n, t["partial"], 100.0 * t["partial"] / n,
        t["none"], 100.0 * t["none"] / n, t["reviewed"])


def main():
    exe, root = sys.argv[1], sys.argv[2]
    reqs = requirements(root)
    with tempfile.TemporaryDirectory() as tmp:
        for industry, profile, profile_level in (("automotive", "automotive-lv1-example", "LV1"),
                                                 ("construction", "construction-example", None)):
            for prof in (None, profile):
                for level in ("★3", "★4"):
                    cov = one(exe, root, tmp, industry, prof, level, reqs)
                    print("%-12s %-24s %s  %s" % (industry, prof or "(sample)", level, figures(cov)))
                    if prof is None and level == "★4":
                        n = monotone(exe, root, tmp, industry, profile_level, cov)
                        print("%-12s excluding each of %d covering clauses never raised a verdict"
                              % (industry, n))
    sys.exit(1 if failures else 0)


main()
