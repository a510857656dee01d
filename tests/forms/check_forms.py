#!/usr/bin/env python3
"""Reads totsugo's forms back as their users do, for every shipped industry:

  - openpyxl (Debian python3-openpyxl) opens every workbook; every choice column
    has a pull-down (data validation) over exactly its body rows; A4, fit to
    the page width, the header row repeated on every page, frozen under it;
    no font below 8 pt;
  - the 自社診断 is filled with answers (all best, all worst, mixed, some left
    blank, and seeded random ones), LibreOffice headless recalculates every
    formula (its own profile, recalculation forced on load) and the score,
    the band and the per-Part points it shows equal the published rule
    computed here (4 / 2 / 0 / -1 points, bands 100, 70-99, 50-69, 49 or
    less), and so does `totsugo assess` on the same workbook;
  - the checklist's progress as LibreOffice computes it equals the rule
    (実施済み 1, 一部実施 0.5, 対象外 left out) and assess;
  - the values written in the blank forms (what a reader shows before it
    recalculates) are what LibreOffice computes for them;
  - workbooks are byte-identical across two runs and under LC_ALL=ja_JP.UTF-8.
Usage: check_forms.py TOTSUGO SOURCE_ROOT"""
import csv
import filecmp
import glob
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile

import openpyxl
import yaml

# The published rule (IPA 5分でできる！情報セキュリティ自社診断): written out here,
# independently of the data, so that a wrong catalog meta fails the test too.
POINTS = {"実施している": 4, "一部実施している": 2, "実施していない": 0, "わからない": -1}
BANDS = [(100, 100), (70, 99), (50, 69), (None, 49)]
STATUS_WEIGHT = {"実施済み": 1.0, "一部実施": 0.5, "未実施": 0.0}
INDUSTRIES = ("automotive", "construction", "supply-chain", "logistics")  # logistics: no guideline

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def run(args, env_extra=None, check_rc=True):
    env = dict(os.environ)
    env.pop("TOTSUGO_DATA", None)
    env["LC_ALL"] = "C"
    if env_extra:
        env.update(env_extra)
    p = subprocess.run(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if check_rc and p.returncode != 0:
        print(p.stdout, p.stderr)
        check(False, "command failed: %s" % " ".join(args))
    return p


def band_of(score):
    for i, (lo, hi) in enumerate(BANDS):
        if (lo is None or score >= lo) and (hi is None or score <= hi):
            return i
    return None


def table_header(ws, first):
    for r in range(1, ws.max_row + 1):
        if ws.cell(r, 1).value == first:
            return r
    return None


def body_rows(ws, header):
    """Rows of the table's body: every row below the header but the group
    headings (merged across the table)."""
    merged = {m.min_row for m in ws.merged_cells.ranges if m.min_row > header}
    return [r for r in range(header + 1, ws.max_row + 1) if r not in merged]


def column_of(ws, header, title):
    for c in range(1, ws.max_column + 1):
        if ws.cell(header, c).value == title:
            return c
    return None


def field_row(ws, label):
    for r in range(1, ws.max_row + 1):
        if ws.cell(r, 1).value == label:
            return r
    return None


def check_structure(path, form):
    wb = openpyxl.load_workbook(path)
    ws = wb[form["sheet"]]
    name = os.path.basename(path)
    first = form["columns"][0]["header"]
    header = table_header(ws, first)
    check(header is not None, "%s: no table header" % name)
    if header is None:
        return
    ps = ws.page_setup
    check(str(ps.paperSize) == "9", "%s: paper is not A4 (%s)" % (name, ps.paperSize))
    check(ps.orientation == ("landscape" if form.get("orientation") == "landscape" else "portrait"),
          "%s: orientation %s" % (name, ps.orientation))
    check(ws.sheet_properties.pageSetUpPr.fitToPage and ps.fitToWidth in (1, None) and ps.fitToHeight == 0,
          "%s: not fitted to the page width" % name)
    check((ws.print_title_rows or "").replace("$", "") == "%d:%d" % (header, header),
          "%s: repeated rows %s, header %d" % (name, ws.print_title_rows, header))
    check(ws.freeze_panes == "A%d" % (header + 1), "%s: frozen at %s" % (name, ws.freeze_panes))
    sizes = {c.font.sz for row in ws.iter_rows() for c in row if c.font and c.font.sz}
    check(sizes and min(sizes) >= 8, "%s: font sizes %s" % (name, sorted(sizes)))
    # Widths: the body at 100 % of the page (A4 minus margins) or fitted at 80 % or more.
    width = sum((ws.column_dimensions[openpyxl.utils.get_column_letter(i + 1)].width or 8.43)
                for i in range(len(form["columns"])))
    page = 145 if form.get("orientation") == "landscape" else 100
    check(width * 0.8 <= page * 1.25, "%s: columns %g wide for a page of about %d" % (name, width, page))
    # Pull-downs over exactly the body rows of every choice column.
    body = body_rows(ws, header)
    for col in form["columns"]:
        if "choice" not in col:
            continue
        c = column_of(ws, header, col["header"])
        letter = openpyxl.utils.get_column_letter(c)
        covered = set()
        for dv in ws.data_validations.dataValidation:
            if dv.type != "list":
                continue
            for rng in str(dv.sqref).split():
                if rng.startswith(letter) and rng[len(letter)].isdigit():
                    a, _, b = rng.partition(":")
                    lo = int(a[len(letter):])
                    hi = int(b[len(letter):]) if b else lo
                    covered.update(range(lo, hi + 1))
        check(covered == set(body), "%s: pull-down of %s covers %d rows, the table has %d"
              % (name, col["header"], len(covered), len(body)))


def fill(path, out, form, answers):
    """answers: key -> value (None: leave blank)."""
    wb = openpyxl.load_workbook(path)
    ws = wb[form["sheet"]]
    header = table_header(ws, form["columns"][0]["header"])
    choice = next(c for c in form["columns"] if c.get("key") == form["summary"]["choice"])
    col = column_of(ws, header, choice["header"])
    keys = []
    for r in body_rows(ws, header):
        k = ws.cell(r, 1).value
        if k is None:
            continue
        keys.append(k)
        ws.cell(r, col).value = answers(k)
    wb.save(out)
    return keys


def lo_profile(tmp):
    """A LibreOffice profile of our own that recalculates every formula on load."""
    prof = os.path.join(tmp, "lo-profile")
    os.makedirs(os.path.join(prof, "user"), exist_ok=True)
    with open(os.path.join(prof, "user", "registrymodifications.xcu"), "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
                'xmlns:xs="http://www.w3.org/2001/XMLSchema" '
                'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
                '<item oor:path="/org.openoffice.Office.Calc/Formula/Load">'
                '<prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>\n'
                '</oor:items>\n')
    return "file://" + prof


def lo_csv(soffice, profile, files, outdir):
    """Every sheet of every workbook as CSV, as LibreOffice computes it."""
    os.makedirs(outdir, exist_ok=True)
    # 44,34,76: comma, quote, UTF-8; the last field -1: every sheet to its own file.
    filt = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"
    subprocess.run([soffice, "-env:UserInstallation=" + profile, "--headless", "--convert-to", filt,
                    "--outdir", outdir] + files, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   timeout=600, check=True)


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def csv_field(rows, label):
    for r in rows:
        if r and r[0] == label:
            return next((v for v in r[1:] if v != ""), "")
    return None


def number(s):
    return float(s.replace("%", "")) if s not in (None, "") else None


def main():
    exe, root = sys.argv[1], sys.argv[2]
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    forms = {}
    for p in sorted(glob.glob(os.path.join(root, "templates", "forms", "*.yaml"))):
        with open(p, encoding="utf-8") as f:
            doc = yaml.safe_load(f)
        forms[doc["id"]] = doc
    sa, cl = forms["self-assessment"], forms["industry-checklist"]
    band_labels = [b["label"] for b in sa["summary"]["bands"]]
    with tempfile.TemporaryDirectory() as tmp:
        profile = lo_profile(tmp)
        filled, expect, gaps_expected = [], {}, {}
        for industry in INDUSTRIES:
            out = os.path.join(tmp, industry)
            run([exe, "--data", root, "forms", "--industry", industry, "-o", out])
            again = os.path.join(tmp, industry + "-again")
            run([exe, "--data", root, "forms", "--industry", industry, "-o", again],
                {"LC_ALL": "ja_JP.UTF-8", "LANG": "ja_JP.UTF-8", "TZ": "Asia/Tokyo"})
            names = sorted(os.listdir(out))
            match, mismatch, errors = filecmp.cmpfiles(out, again, names, shallow=False)
            with_guideline = any(n.startswith(cl["file"][:-5]) for n in names)
            want = len(forms) if with_guideline else len(forms) - 1
            check(not mismatch and not errors and len(match) == want,
                  "%s: workbooks differ between runs/locales: %s" % (industry, mismatch + errors))
            for name in names:
                form = next(f for f in forms.values()
                            if name == f["file"] or name.startswith(f["file"][:-5] + "-"))
                check_structure(os.path.join(out, name), form)
            # 自社診断: patterns of answers.
            rng = random.Random(industry)
            r1 = random.Random(1)
            B, P, N, U = "実施している", "一部実施している", "実施していない", "わからない"

            def seq(*runs):
                out = []
                for n, a in runs:
                    out += [a] * n
                return out + [N] * (25 - len(out))
            patterns = {
                "best": [B] * 25,
                "worst": [U] * 25,
                "none": [N] * 25,
                # The edges of the bands: 70 / 69 / 50 / 49 points.
                "s70": seq((17, B), (1, P)),
                "s69": seq((17, B), (1, P), (1, U)),
                "s50": seq((12, B), (1, P)),
                "s49": seq((12, B), (1, P), (1, U)),
                "s95": seq((24, B), (1, U)),
                "blanks": [None if r1.random() < 0.3 else P for _ in range(25)],
                "random": [rng.choice(list(POINTS)) for _ in range(25)],
            }
            for pname, seq_ in patterns.items():
                path = os.path.join(tmp, "fill", "%s-sa-%s.xlsx" % (industry, pname))
                os.makedirs(os.path.dirname(path), exist_ok=True)
                it = iter(seq_)
                answers = {}
                keys = fill(os.path.join(out, sa["file"]), path, sa,
                            lambda k: answers.setdefault(k, next(it)))
                check(len(keys) == 25, "%s: the 自社診断 has %d questions" % (industry, len(keys)))
                score = sum(POINTS[a] for a in answers.values() if a is not None)
                expect[path] = ("sa", score, band_labels[band_of(score)] if any(answers.values()) else "")
                gaps_expected[path] = {"%s %s" % (sa["sheet"], k) for k, a in answers.items() if a != B}
                filled.append(path)
            # Checklist: random statuses (an industry without a guideline has none).
            check(with_guideline or industry == "logistics", "%s: no checklist written" % industry)
            if with_guideline:
                ck = next(n for n in names if n.startswith(cl["file"][:-5]))
                r2 = random.Random(industry + "-cl")
                answers = {}
                path = os.path.join(tmp, "fill", "%s-cl.xlsx" % industry)
                fill(os.path.join(out, ck), path, cl,
                     lambda k: answers.setdefault(k, r2.choice(list(STATUS_WEIGHT) + ["対象外", None])))
                counted = [a for a in answers.values() if a != "対象外"]
                prog = sum(STATUS_WEIGHT.get(a, 0) for a in counted) / len(counted) if counted else None
                expect[path] = ("cl", prog, industry)
                filled.append(path)
            # The blank forms as written: their cached values against LibreOffice's.
            blank = os.path.join(tmp, "blank", industry + "-sa.xlsx")
            os.makedirs(os.path.dirname(blank), exist_ok=True)
            shutil.copy(os.path.join(out, sa["file"]), blank)
            filled.append(blank)
            expect[blank] = ("blank", None, None)
        if soffice is None:
            check(False, "LibreOffice (soffice) is not installed: tools/deps.sh test installs it")
        else:
            csvdir = os.path.join(tmp, "csv")
            lo_csv(soffice, profile, filled, csvdir)
            for path in filled:
                kind, want, extra = expect[path]
                base = os.path.splitext(os.path.basename(path))[0]
                if kind in ("sa", "blank"):
                    rows = read_csv(os.path.join(csvdir, "%s-%s.csv" % (base, sa["sheet"])))
                    summary = read_csv(os.path.join(csvdir, "%s-%s.csv" % (base, sa["summary"]["sheet"])))
                    total = number(csv_field(rows, "合計点"))
                    band = csv_field(rows, "判定")
                    sum_total = number(csv_field(summary, "合計") and
                                       [r for r in summary if r and r[0] == "合計"][0][3])
                    if kind == "blank":
                        wb = openpyxl.load_workbook(path, data_only=True)
                        ws = wb[sa["sheet"]]
                        cached = ws.cell(field_row(ws, "合計点"), 3).value
                        check(cached == total == 0, "%s: written total %r, LibreOffice %r" % (base, cached, total))
                        check(band == "", "%s: blank form shows band %r" % (base, band))
                        continue
                    check(total == want, "%s: LibreOffice score %r, the rule %r" % (base, total, want))
                    check(sum_total == want, "%s: 診断結果 total %r, the rule %r" % (base, sum_total, want))
                    check(band == extra, "%s: LibreOffice band %r, the rule %r" % (base, band, extra))
                    print("%s: score %g = rule, band %s" % (base, total, band))
                    # assess reads the same workbook to the same score and band.
                    o = os.path.join(tmp, "assess", base)
                    p = run([exe, "--data", root, "assess", path, "-f", "json", "-o", o])
                    with open(os.path.join(o, "assessment.json"), encoding="utf-8") as f:
                        doc = json.load(f)
                    got = doc["forms"][0]
                    check(got["total"]["score"] == want, "%s: assess score %r, the rule %r"
                          % (base, got["total"]["score"], want))
                    check((got["band"] or "") == extra, "%s: assess band %r" % (base, got["band"]))
                    # Every answer short of 実施している is a gap, once; the not-done ones first.
                    sources = [g["source"] for g in doc["gaps"]]
                    check(set(sources) == gaps_expected[path] and len(sources) == len(set(sources)),
                          "%s: assess gaps %s" % (base, sorted(set(sources) ^ gaps_expected[path])))
                    kinds = [g["kind"] != "partial" for g in doc["gaps"]]
                    check(kinds == sorted(kinds, reverse=True), "%s: partial gaps before missing ones" % base)
                    check(all(g["clauses"] for g in doc["gaps"]),
                          "%s: a 自社診断 gap without a regulation clause" % base)
                else:
                    rows = read_csv(os.path.join(csvdir, "%s-%s.csv" % (base, cl["sheet"])))
                    got = number(csv_field(rows, "進捗率"))
                    check(want is None and got is None or
                          (got is not None and abs(got - round(want * 100)) <= 0.5),
                          "%s: LibreOffice progress %r%%, the rule %r" % (base, got, want))
                    o = os.path.join(tmp, "assess", base)
                    run([exe, "--data", root, "assess", path, "--industry", extra, "-f", "json", "-o", o])
                    with open(os.path.join(o, "assessment.json"), encoding="utf-8") as f:
                        doc = json.load(f)
                    p = doc["forms"][0]["total"]["progress"]
                    check((p is None and want is None) or abs(p - want) < 1e-9,
                          "%s: assess progress %r, the rule %r" % (base, p, want))
                    print("%s: progress %s%% = rule" % (base, got))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
