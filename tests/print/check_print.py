#!/usr/bin/env python3
"""Opens totsugo's hand-out documents as their users would, for the shipped
data: the regulation in Word (python-docx, then LibreOffice to PDF and
pdftotext), the 突合表 XLSX on paper (LibreOffice to PDF: every column on
the page, body text at least 8 pt), the 突合表 HTML printed by Chromium
(the right-hand columns reach the paper), and the 新旧対照表 (two columns).
Same bytes across runs and locales.

Usage: check_print.py TOTSUGO SOURCE_ROOT
Needs python3-docx, LibreOffice (writer, calc), poppler-utils, chromium."""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
import xml.etree.ElementTree as ET

import docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
S = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def run(exe, root, args, env_extra=None):
    env = dict(os.environ)
    env.pop("TOTSUGO_DATA", None)
    env["LC_ALL"] = "C"
    if env_extra:
        env.update(env_extra)
    return subprocess.run([exe, "--data", root, *args], env=env, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, check=False)


def must(res, what):
    check(res.returncode in (0, 1), "%s: exit %d: %s" % (what, res.returncode, res.stderr.decode()))


def pdf_of(path, tmp):
    """LibreOffice headless, its own profile (colleagues may run it too)."""
    profile = tempfile.mkdtemp(dir=tmp)
    outdir = tempfile.mkdtemp(dir=tmp)
    subprocess.run(["soffice", "-env:UserInstallation=file://" + profile, "--headless",
                    "--convert-to", "pdf", "--outdir", outdir, path],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300, check=False)
    pdf = os.path.join(outdir, os.path.splitext(os.path.basename(path))[0] + ".pdf")
    check(os.path.exists(pdf), "%s: LibreOffice made no PDF" % path)
    return pdf


def chromium_pdf(html, tmp):
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    check(exe is not None, "chromium is not installed")
    if exe is None:
        return None
    pdf = os.path.join(tempfile.mkdtemp(dir=tmp), "page.pdf")
    subprocess.run([exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync",
                    "--user-data-dir=" + tempfile.mkdtemp(dir=tmp), "--no-pdf-header-footer",
                    "--print-to-pdf=" + pdf, "file://" + os.path.abspath(html)],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300, check=False)
    check(os.path.exists(pdf), "%s: Chromium made no PDF" % html)
    return pdf if os.path.exists(pdf) else None


def text_of(pdf):
    """pdftotext without white space: wrapped cells read as one string."""
    out = subprocess.run(["pdftotext", pdf, "-"], stdout=subprocess.PIPE, check=True).stdout
    return re.sub(r"\s+", "", out.decode("utf-8"))


def raw_text_of(pdf):
    out = subprocess.run(["pdftotext", "-raw", pdf, "-"], stdout=subprocess.PIPE, check=True).stdout
    return re.sub(r"\s+", "", out.decode("utf-8"))


def text_of_page(pdf, page):
    out = subprocess.run(["pdftotext", "-raw", "-f", str(page), "-l", str(page), pdf, "-"],
                         stdout=subprocess.PIPE, check=True).stdout
    return re.sub(r"\s+", "", out.decode("utf-8"))


def page_size(pdf):
    info = subprocess.run(["pdfinfo", pdf], stdout=subprocess.PIPE, check=True).stdout.decode()
    m = re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info)
    return (float(m.group(1)), float(m.group(2))) if m else (0, 0)


def squash(s):
    return re.sub(r"\s+", "", s)


def md_unescape(s):
    return re.sub(r"\\(.)", r"\1", s).replace("&#61;", "=").replace("&lt;", "<").replace(
        "&gt;", ">").replace("&amp;", "&")


# ---- the regulation in Word ----------------------------------------------

def check_regulation(exe, root, tmp, industry, profile):
    name = "%s/%s" % (industry, profile)
    out = os.path.join(tmp, "reg-" + profile)
    must(run(exe, root, ["render", "--industry", industry, "--profile", profile, "--labels",
                         "-f", "md", "-f", "docx", "-o", out]), name)
    path = os.path.join(out, "regulation.docx")
    with open(os.path.join(out, "regulation.md"), encoding="utf-8") as f:
        md = f.read()
    chapters = [md_unescape(line[3:].strip()) for line in md.splitlines()
                if line.startswith("## ") and line[3:].strip() != "本書について"
                and not line[3:].startswith("付録")]
    label_paragraphs = sum(1 for line in md.splitlines() if line.startswith("〔"))
    d = docx.Document(path)
    heading1 = [p.text for p in d.paragraphs if p.style.name == "Heading 1"]
    missing = [c for c in chapters if c not in heading1]
    check(len(chapters) >= 11, "%s: only %d chapters in regulation.md" % (name, len(chapters)))
    check(not missing, "%s: chapters not in Heading 1: %s" % (name, missing))
    in_h1 = sum(1 for c in chapters if c in heading1)
    for level in (2, 3):
        check(any(p.style.name == "Heading %d" % level for p in d.paragraphs),
              "%s: no Heading %d" % (name, level))
    check(len(d.tables) >= 5, "%s: %d tables" % (name, len(d.tables)))
    cover = [r.cells[0].text for r in d.tables[0].rows]
    check(cover == ["版", "制定日", "改訂日", "承認者", "管理責任者"], "%s: cover table %s" % (name, cover))
    header_rows = sum(1 for t in d.tables for r in t.rows
                      if r._tr.find(W + "trPr/" + W + "tblHeader") is not None)
    check(header_rows >= 4, "%s: %d repeated header rows" % (name, header_rows))
    numbered = sum(1 for p in d.paragraphs if p._p.find(W + "pPr/" + W + "numPr") is not None)
    check(numbered > 100, "%s: %d list paragraphs" % (name, numbered))
    sect = d.sections[0]._sectPr
    pgsz = sect.find(W + "pgSz")
    check((pgsz.get(W + "w"), pgsz.get(W + "h")) == ("11906", "16838"), "%s: page size not A4" % name)
    footer = d.sections[0].footer._element
    instr = "".join(t.text or "" for t in footer.iter(W + "instrText"))
    check("PAGE" in instr and "NUMPAGES" in instr, "%s: footer fields %r" % (name, instr))
    header = "".join(t.text or "" for t in d.sections[0].header._element.iter(W + "t"))
    check(d.core_properties.title in header, "%s: page header %r" % (name, header))
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        check("word/comments.xml" in names, "%s: no word/comments.xml with --labels" % name)
        comments = ET.fromstring(z.read("word/comments.xml")).findall(W + "comment") \
            if "word/comments.xml" in names else []
        toc = "TOC" in z.read("word/document.xml").decode()
    check(toc, "%s: no TOC field" % name)
    check(len(comments) == label_paragraphs,
          "%s: %d comments, %d label lines in regulation.md" % (name, len(comments), label_paragraphs))
    check(all("〔" in "".join(t.text or "" for t in c.iter(W + "t")) for c in comments),
          "%s: a comment without a label" % name)
    # As printed: LibreOffice to PDF, every chapter and the cover table there
    # (read in drawing order: names with a full-width space stay whole).
    pdf = pdf_of(path, tmp)
    text = raw_text_of(pdf) if os.path.exists(pdf) else ""
    for c in chapters:
        check(squash(c) in text, "%s: chapter %r not in the PDF" % (name, c))
    for row in d.tables[0].rows:
        for cell in row.cells:
            check(squash(cell.text) in text, "%s: cover cell %r not in the PDF" % (name, cell.text))
    w, h = page_size(pdf) if os.path.exists(pdf) else (0, 0)
    check(abs(w - 595.3) < 2 and abs(h - 841.9) < 2, "%s: PDF page %sx%s, not A4" % (name, w, h))
    # Same bytes again, under a Japanese locale and another time zone.
    again = os.path.join(tmp, "reg-again-" + profile)
    must(run(exe, root, ["render", "--industry", industry, "--profile", profile, "--labels",
                         "-f", "docx", "-o", again],
             {"LC_ALL": "ja_JP.UTF-8", "LANG": "ja_JP.UTF-8", "TZ": "Asia/Tokyo"}), name)
    with open(path, "rb") as a, open(os.path.join(again, "regulation.docx"), "rb") as b:
        check(a.read() == b.read(), "%s: docx differs between runs/locales" % name)
    # Labels inline instead: no comments, a label paragraph per clause.
    inline = os.path.join(tmp, "reg-inline-" + profile)
    must(run(exe, root, ["render", "--industry", industry, "--profile", profile, "--labels",
                         "inline", "-f", "docx", "-o", inline]), name)
    di = docx.Document(os.path.join(inline, "regulation.docx"))
    labels = sum(1 for p in di.paragraphs if p.style.style_id == "Labels")
    check(labels == label_paragraphs, "%s: %d inline labels, %d in md" % (name, labels, label_paragraphs))
    with zipfile.ZipFile(os.path.join(inline, "regulation.docx")) as z:
        check("word/comments.xml" not in z.namelist(), "%s: comments with --labels inline" % name)
    print("%s: %d Heading 1 chapters, %d tables, %d comments, %d list paragraphs, %d PDF pages: ok"
          % (name, in_h1, len(d.tables), len(comments), numbered, pdf_pages(pdf)))


def pdf_pages(pdf):
    if not os.path.exists(pdf):
        return 0
    info = subprocess.run(["pdfinfo", pdf], stdout=subprocess.PIPE, check=True).stdout.decode()
    m = re.search(r"Pages:\s+(\d+)", info)
    return int(m.group(1)) if m else 0


# ---- the 突合表 on paper ------------------------------------------------

def first_sheet(path):
    """Rows (cell strings) and cell style ids of the first sheet, the
    styles' fonts and the page setup."""
    with zipfile.ZipFile(path) as z:
        sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
        styles = ET.fromstring(z.read("xl/styles.xml"))
    rows, used = [], set()
    for row in sheet.find(S + "sheetData").findall(S + "row"):
        cells = []
        for c in row.findall(S + "c"):
            used.add(int(c.get("s", "0")))
            cells.append("".join(t.text or "" for t in c.iter(S + "t")))
        rows.append(cells)
    fonts = [float(f.find(S + "sz").get("val")) for f in styles.find(S + "fonts").findall(S + "font")]
    xfs = [int(x.get("fontId", "0")) for x in styles.find(S + "cellXfs").findall(S + "xf")]
    setup = sheet.find(S + "pageSetup")
    return rows, {fonts[xfs[s]] for s in used}, setup


def check_xlsx(exe, root, tmp, industry, layout, paper, scale_min=80):
    name = "%s %s xlsx" % (industry, layout)
    out = os.path.join(tmp, "xw-%s-%s" % (industry, layout)) + "/"
    must(run(exe, root, ["crosswalk", "--industry", industry, "--layout", layout, "-f", "xlsx",
                         "-f", "csv", "--no-bom", "-o", out]), name)
    base = os.path.join(out, "crosswalk%s" % ("-compact" if layout == "compact" else ""))
    path = base + ".xlsx"
    rows, sizes, setup = first_sheet(path)
    header = next(r for r in rows if r and r[0] == "番号")
    scale = int(setup.get("scale", "100"))
    check(setup.get("paperSize") == ("8" if paper == "A3" else "9"), "%s: paper %s" % (name, setup.get("paperSize")))
    check(setup.get("orientation") == "landscape", "%s: not landscape" % name)
    check(setup.get("fitToWidth") is None and setup.get("fitToHeight") is None, "%s: fit to page" % name)
    smallest = min(sizes) * scale / 100
    check(smallest >= 8, "%s: text at %.1f pt (font %s, scale %d %%)" % (name, smallest, min(sizes), scale))
    pdf = pdf_of(path, tmp)
    text = text_of(pdf) if os.path.exists(pdf) else ""
    # Page 1 holds every column.  Read in the order LibreOffice drew the
    # text (-raw: a cell's wrapped lines follow each other).
    first = text_of_page(pdf, 1) if os.path.exists(pdf) else ""
    missing = [h for h in header if squash(h) not in first]
    check(not missing, "%s: headers not on page 1 of the PDF: %s" % (name, missing))
    # Row heights hold their text: the end of every cell is on paper.
    import csv
    with open(base + ".csv", encoding="utf-8", newline="") as f:
        table = list(csv.reader(f))
    raw = re.sub(r"\s+", "", subprocess.run(["pdftotext", "-raw", pdf, "-"], stdout=subprocess.PIPE,
                                            check=False).stdout.decode("utf-8"))
    cut = [c for r in table[1:] for c in r if squash(c) and squash(c)[-6:] not in raw]
    check(not cut, "%s: %d cells cut at the row's bottom, e.g. %r" % (name, len(cut), cut[:2]))
    w, h = page_size(pdf) if os.path.exists(pdf) else (0, 0)
    want = (1190.6, 841.9) if paper == "A3" else (841.9, 595.3)
    check(abs(w - want[0]) < 2 and abs(h - want[1]) < 2, "%s: PDF page %sx%s" % (name, w, h))
    print("%s: %d columns on page 1 (%d pages, %s landscape), no cell cut, body %.1f pt (font %g pt, "
          "scale %d %%): ok" % (name, len(header), pdf_pages(pdf), paper, smallest, min(sizes), scale))


def check_html(exe, root, tmp, industry):
    name = "%s html" % industry
    out = os.path.join(tmp, "html-" + industry) + "/"
    must(run(exe, root, ["crosswalk", "--industry", industry, "-f", "html", "-f", "csv",
                         "--no-bom", "-o", out]), name)
    import csv
    with open(os.path.join(out, "crosswalk.csv"), encoding="utf-8", newline="") as f:
        table = list(csv.reader(f))
    head = table[0]
    pdf = chromium_pdf(os.path.join(out, "crosswalk.html"), tmp)
    if pdf is None:
        return
    text = text_of(pdf)
    for col in ("業界サンプル規程への反映案", "備考"):
        check(col in text, "%s: header %s not printed" % (name, col))
        k = head.index(col)
        cells = [r[k] for r in table[1:] if r[k].strip()]
        probe = [cells[0], cells[len(cells) // 2], cells[-1]] if cells else []
        for c in probe:
            s = squash(c)[:12]
            check(s in text, "%s: %s cell %r not printed" % (name, col, s))
    print("%s: 反映案 and 備考 with their cells printed (%d pages): ok" % (name, pdf_pages(pdf)))


# ---- the 新旧対照表 -----------------------------------------------------

def check_oldnew(exe, root, tmp):
    old, new = os.path.join(tmp, "on-old"), os.path.join(tmp, "on-new")
    must(run(exe, root, ["render", "--industry", "construction", "-f", "md", "-o", old]), "old")
    must(run(exe, root, ["render", "--industry", "construction", "--profile", "construction-example",
                         "-f", "md", "-o", new]), "new")
    path = os.path.join(tmp, "oldnew.docx")
    res = subprocess.run([exe, "diff", "--regulation", old, new, "-f", "docx", "-o", path],
                         env=dict(os.environ, LC_ALL="C"), stdout=subprocess.DEVNULL, check=False)
    check(res.returncode == 1, "oldnew: exit %d (want 1: different)" % res.returncode)
    d = docx.Document(path)
    t = d.tables[0]
    check(len(t.columns) == 2, "oldnew: %d columns" % len(t.columns))
    check([c.text for c in t.rows[0].cells] == ["改正前", "改正後"], "oldnew: header %s" %
          [c.text for c in t.rows[0].cells])
    check(t.rows[0]._tr.find(W + "trPr/" + W + "tblHeader") is not None, "oldnew: header not repeated")
    underlined = sum(1 for r in t.rows[1:] for c in r.cells for p in c.paragraphs for run_ in p.runs
                     if run_.underline)
    check(underlined > 20, "oldnew: %d underlined runs" % underlined)
    again = os.path.join(tmp, "oldnew-ja.docx")
    subprocess.run([exe, "diff", "--regulation", old, new, "-f", "docx", "-o", again],
                   env=dict(os.environ, LC_ALL="ja_JP.UTF-8", TZ="Asia/Tokyo"),
                   stdout=subprocess.DEVNULL, check=False)
    with open(path, "rb") as a, open(again, "rb") as b:
        check(a.read() == b.read(), "oldnew: docx differs between locales")
    print("oldnew: %d rows of 改正前 | 改正後, %d underlined runs: ok" % (len(t.rows) - 1, underlined))


def main():
    exe, root = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    with tempfile.TemporaryDirectory() as tmp:
        check_regulation(exe, root, tmp, "automotive", "automotive-lv1-example")
        check_regulation(exe, root, tmp, "construction", "construction-example")
        check_xlsx(exe, root, tmp, "automotive", "compact", "A4")
        check_xlsx(exe, root, tmp, "construction", "compact", "A4")
        check_xlsx(exe, root, tmp, "automotive", "full", "A3")
        check_html(exe, root, tmp, "automotive")
        check_oldnew(exe, root, tmp)
    sys.exit(1 if failures else 0)


main()
