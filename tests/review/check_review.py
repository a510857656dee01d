#!/usr/bin/python3
"""The review round trip, end to end, with the workbook edited as a reviewer would
(openpyxl, Debian's python3-openpyxl, stands in for Excel).  Usage:
check_review.py TOTSUGO SOURCE_ROOT

- the workbook's structure: sheets, hidden key column, pull-downs, instructions;
- export then apply without edits: the crosswalk byte for byte, also after the
  workbook is saved again by another program, and from the sheet saved as CSV
  (UTF-8 with BOM, and CP932 as Excel in Japan saves it);
- one changed pull-down cell changes exactly that pair;
- a bad value and a changed id are reported as review.xlsx:突合レビュー!C7 and nothing
  is written;
- added, cleared and deleted rows;
- the shipped, hand-written crosswalks come back with the same pairs, relationships,
  strengths, statuses, notes and proposals;
- export is deterministic across runs and locales."""
import csv
import io
import os
import shutil
import subprocess
import sys
import tempfile

import openpyxl
import yaml

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def run(*args, env=None, expect=0):
    e = dict(os.environ)
    e.pop("TOTSUGO_DATA", None)
    e["LC_ALL"] = "C"
    if env:
        e.update(env)
    p = subprocess.run([EXE, *args], capture_output=True, env=e)
    if p.returncode != expect:
        print("command:", args, "rc", p.returncode, p.stderr.decode())
    check(p.returncode == expect, "%s exits %d" % (" ".join(args), expect))
    return p.stdout.decode(), p.stderr.decode()


def read(path):
    with open(path, "rb") as f:
        return f.read()


def pairs(xw_yaml):
    """(source, target) -> (relationship, strength, rationale, status, note); plus the rows'
    proposals and notes, and unmapped rows."""
    xw = yaml.safe_load(xw_yaml)
    dflt = xw.get("status") or "suggested"
    out, rows = {}, {}
    for row in xw["rows"]:
        src = str(row["source"])
        rows[src] = (row.get("status") if not row.get("targets") else None, row.get("note"),
                     repr(row.get("proposal")))
        for t in row.get("targets") or []:
            out[(src, str(t["target"]))] = (t["relationship"], t.get("strength"),
                                            t.get("rationale"), t.get("status") or row.get("status") or dflt,
                                            t.get("note"))
    return out, rows


def main():
    global EXE
    EXE, root = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    tmp = tempfile.mkdtemp()
    try:
        os.chdir(tmp)
        os.makedirs("data/mappings")
        for d in ("ipa", "terms"):
            shutil.copytree(os.path.join(root, "mappings", d), os.path.join("data/mappings", d))
        shutil.copytree(os.path.join(root, "templates"), "data/templates")
        ex = os.path.join(root, "docs/examples/import")
        run("import", "--spec", ex + "/association-checklist.yaml",
            ex + "/association-checklist-sample.csv", "-o", "data/mappings/checklist.yaml")
        run("--data", "data", "suggest", "association-checklist-example", "--target", "ipa-sme-3.1",
            "-o", "data/mappings/checklist--ipa.yaml")
        xw_file = "data/mappings/checklist--ipa.yaml"
        xw_id = "association-checklist-example--ipa-sme-3.1"
        original = read(xw_file)
        run("--data", "data", "review", "export", xw_id, "-o", "review.xlsx")

        # Structure.
        wb = openpyxl.load_workbook("review.xlsx")
        check(wb.sheetnames == ["突合レビュー", "記入方法", "業界項目一覧", "対応先一覧", "_totsugo"],
              "sheets: %s" % wb.sheetnames)
        check(wb["_totsugo"].sheet_state == "hidden", "the metadata sheet is hidden")
        ws = wb["突合レビュー"]
        check(ws.column_dimensions["A"].hidden, "the key column is hidden")
        check(ws.freeze_panes == "E2", "panes frozen at E2")
        heads = [c.value for c in ws[1]]
        check(heads[:12] == ["キー", "業界項目ID", "番号", "業界項目", "業界項目の内容", "対応先ID",
                             "対応先の項目", "対応先の内容（抜粋）", "関係", "強度", "根拠", "状態"],
              "headers: %s" % heads)
        dv = {str(v.sqref).split(":")[0]: v for v in ws.data_validations.dataValidation}
        check(dv.get("I2") is not None and "一部重複" in dv["I2"].formula1, "関係 pull-down")
        check(dv.get("L2") is not None and dv["L2"].formula1 == '"提案,確認済み,対応なし"', "状態 pull-down")
        check(dv.get("J2") is not None and dv["J2"].type == "whole", "強度 0-10")
        check(dv.get("N2") is not None and dv["N2"].formula1 == '"追加,修正,なし"', "反映案 pull-down")
        check(dv.get("F2") is not None and "対応先一覧" in dv["F2"].formula1, "対応先ID pull-down")
        check(wb["記入方法"].protection.sheet and wb["対応先一覧"].protection.sheet,
              "instructions and lists protected")
        check(isinstance(ws["J2"].value, int), "強度 is a number")
        nrows = ws.max_row

        # The instructions quote a guideline title that has 「」 of its own
        # with 『』 (the shipped 日建連 crosswalk), and explain every column
        # a reviewer edits.
        run("--data", root, "review", "export", "nikkenren-kyoryoku-2023--ipa-sme-3.1",
            "-o", "nikkenren.xlsx")
        help_text = "\n".join(str(r[0]) for r in openpyxl.load_workbook("nikkenren.xlsx")["記入方法"]
                              .iter_rows(values_only=True) if r[0])
        check("業界ガイドライン『日建連「協力会社における情報セキュリティガイドライン」』" in help_text,
              "a title with its own 「」 quoted with 『』: %s" % help_text[:200])
        for head in ("関係", "強度", "根拠", "状態", "備考", "反映案", "反映案の備考", "項目の備考"):
            check(("\n" + head + "：") in help_text, "the instructions explain %s" % head)

        # Unchanged: byte for byte, in place (the default output).
        out, _ = run("--data", "data", "review", "apply", "review.xlsx")
        check(read(xw_file) == original, "unchanged apply rewrites the same bytes")
        check("0 pairs changed, 0 added, 0 removed" in out, "summary of no change: %s" % out)
        # Saved again by another program (shared strings, styles rewritten).
        wb.save("resaved.xlsx")
        run("--data", "data", "review", "apply", "resaved.xlsx", "-o", "resaved.yaml")
        check(read("resaved.yaml") == original, "a re-saved workbook applies unchanged")
        # The sheet saved as CSV, as Excel saves it (hidden column included).
        rows = [[("" if c is None else str(c)) for c in r] for r in ws.iter_rows(values_only=True)]
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\r\n").writerows(rows)
        with open("review.csv", "wb") as f:
            f.write(b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8"))
        with open("review-sjis.csv", "wb") as f:
            f.write(buf.getvalue().encode("cp932"))
        for name in ("review.csv", "review-sjis.csv"):
            run("--data", "data", "review", "apply", name, "--crosswalk", xw_id, "-o", name + ".yaml")
            check(read(name + ".yaml") == original, "%s applies unchanged" % name)
        _, err = run("--data", "data", "review", "apply", "review.csv", expect=2)
        check("--crosswalk" in err, "a CSV needs --crosswalk")

        # One pull-down cell changed: exactly that pair.
        before, before_rows = pairs(original)
        wb = openpyxl.load_workbook("review.xlsx")
        ws = wb["突合レビュー"]
        key = ws["A2"].value.split("|")
        ws["L2"] = "確認済み"
        wb.save("one.xlsx")
        out, _ = run("--data", "data", "review", "apply", "one.xlsx", "-o", "one.yaml")
        after, after_rows = pairs(read("one.yaml"))
        diff = [k for k in set(before) | set(after) if before.get(k) != after.get(k)]
        check(diff == [tuple(key)], "one change: %s" % diff)
        if diff == [tuple(key)]:
            b, a = before[diff[0]], after[diff[0]]
            check(b[:3] == a[:3] and b[4] == a[4] and a[3] == "reviewed",
                  "only the status changed: %s -> %s" % (b, a))
        check(before_rows == after_rows, "rows unchanged")
        check("changed  %s → %s: 状態 提案 → 確認済み" % tuple(key) in out, "summary: %s" % out)

        # A bad value and a changed id: reported at their cells, nothing written.
        wb = openpyxl.load_workbook("review.xlsx")
        ws = wb["突合レビュー"]
        ws["I3"] = "だいたい同じ"
        ws["F4"] = "app5/9.9.9" if ws["F4"].value != "app5/9.9.9" else "app5/1.1"
        ws["F5"] = "app3/1" if ws["F5"].value != "app3/1" else "app3/2"
        ws["J6"] = 11
        wb.save("bad.xlsx")
        _, err = run("--data", "data", "review", "apply", "bad.xlsx", expect=1)
        check("bad.xlsx:突合レビュー!I3: error: 'だいたい同じ' is not a value of 関係" in err, "bad value: %s" % err)
        check("bad.xlsx:突合レビュー!F4: error:" in err and "is not an item of ipa-sme-3.1" in err,
              "unknown id at F4")
        check("bad.xlsx:突合レビュー!F5: error: the id was changed" in err, "changed id at F5")
        check("bad.xlsx:突合レビュー!J6: error: 強度 '11'" in err, "strength at J6")
        check(read(xw_file) == original, "nothing written after errors")

        # Rows added, cleared, deleted; an item marked 対応なし; a proposal.
        wb = openpyxl.load_workbook("review.xlsx")
        ws = wb["突合レビュー"]
        removed_clear = tuple(ws["A3"].value.split("|"))
        ws["F3"] = None
        removed_del = tuple(ws["A%d" % nrows].value.split("|"))
        new = nrows + 1
        fresh = next(t for t in ("app5/1.4.1", "app5/1.2.1", "app1/3", "app8/1") if ("3", t) not in before)
        for col, v in zip("BFIJKL", ["3", fresh, "同等", 8, "意味", "確認済み"]):
            ws["%s%d" % (col, new)] = v
        ws["N2"], ws["O2"], ws["P2"] = "修正", "app5/1.4.1", "方針は年1回見直す。"
        # A copied row with another target: an addition, not a changed id.
        for col in "ABCDEFGHIJKLM":
            ws["%s%d" % (col, new + 1)] = ws["%s2" % col].value
        copied = next(t for t in ("app3/25", "app3/20", "app1/5") if (key[0], t) not in before)
        ws["F%d" % (new + 1)] = copied
        ws.delete_rows(nrows)
        wb.save("edits.xlsx")
        out, err = run("--data", "data", "review", "apply", "edits.xlsx", "-o", "edits.yaml")
        after, after_rows = pairs(read("edits.yaml"))
        check(removed_clear not in after and removed_del not in after, "cleared and deleted pairs removed")
        check(after.get(("3", fresh), (None,))[:4] == ("equal", 8, "semantic", "reviewed"),
              "added pair: %s" % (after.get(("3", fresh)),))
        check((key[0], copied) in after, "copied row added")
        check("added    3 → %s (同等, 確認済み)" % fresh in out and "removed  %s → %s" % removed_clear in out,
              "summary lists additions and removals: %s" % out)
        check("'amend'" in after_rows[key[0]][2], "proposal written: %s" % (after_rows[key[0]],))
        run("--data", "data", "validate")

        # Deterministic export.
        run("--data", "data", "review", "export", xw_id, "-o", "again.xlsx")
        run("--data", "data", "review", "export", xw_id, "-o", "ja.xlsx", env={"LC_ALL": "ja_JP.UTF-8"})
        check(read("again.xlsx") == read("review.xlsx") == read("ja.xlsx"), "export is deterministic")

        # A text Excel would take for a formula when edited is shown with an apostrophe,
        # which apply takes off: the crosswalk comes back the same.
        with open(xw_file, encoding="utf-8") as f:
            text = f.read()
        i = text.index('note: "類似度')
        text = text[:i] + 'note: "=1+1 でなく、-から始まる備考"' + text[text.index("\n", i):]
        with open(xw_file, "w", encoding="utf-8") as f:
            f.write(text)
        guarded = read(xw_file)
        run("--data", "data", "review", "export", xw_id, "-o", "guard.xlsx")
        ws = openpyxl.load_workbook("guard.xlsx")["突合レビュー"]
        notes = [c.value for c in ws["M"] if c.value]
        check("'=1+1 でなく、-から始まる備考" in notes, "a formula-like note is shown with an apostrophe")
        run("--data", "data", "review", "apply", "guard.xlsx", "-o", "guard.yaml")
        check(pairs(read("guard.yaml")) == pairs(guarded), "the apostrophe comes off on apply")

        # The whole path of docs/workflow.md: the reviewer's pass of the workflow suite,
        # the association's industry, and the addition in the rendered regulation.
        run("--data", "data", "review", "export", xw_id, "-o", "wf.xlsx")
        subprocess.run(["/usr/bin/python3", os.path.join(root, "tests/regress/workflow/_review.py"),
                        "wf.xlsx", "wf-reviewed.xlsx"], check=True)
        run("--data", "data", "review", "apply", "wf-reviewed.xlsx", "--force")
        os.makedirs("data/mappings/industries")
        shutil.copy(os.path.join(root, "docs/examples/workflow/industry.yaml"), "data/mappings/industries/")
        run("--data", "data", "render", "--industry", "example-association", "--level", "all",
            "--format", "md", "-o", "reg")
        with open("reg/06-it-equipment.md", encoding="utf-8") as f:
            chapter = f.read()
        check("（業界追加：○○工業会 No.8）" in chapter and "記録媒体管理台帳に登録し" in chapter,
              "the reviewed proposal is in the rendered regulation")
        shutil.rmtree("data/mappings/industries")

        # The shipped crosswalks, written by hand: same content after a round trip.
        shutil.rmtree("data")
        shutil.copytree(os.path.join(root, "mappings"), "data/mappings")
        shutil.copytree(os.path.join(root, "templates"), "data/templates")
        for xid, path in (("nikkenren-kyoryoku-2023--ipa-sme-3.1",
                           "nikkenren/nikkenren-kyoryoku-2023--ipa-sme-3.1.yaml"),
                          ("meti-scs-2026--ipa-sme-3.1", "scs/meti-scs-2026--ipa-sme-3.1.yaml")):
            run("--data", "data", "review", "export", xid, "-o", "r.xlsx")
            run("--data", "data", "review", "apply", "r.xlsx", "-o", "r.yaml")
            with open(os.path.join("data/mappings", path), encoding="utf-8") as f:
                want = pairs(f.read())
            got = pairs(read("r.yaml"))
            check(want == got, "%s: same pairs, values, proposals and notes after the round trip" % xid)
        # A derived crosswalk is not reviewed as such: its pairs come from others.
        _, err = run("--data", "data", "review", "export", "jama-japia-2.3--ipa-sme-3.1", "-o", "j.xlsx",
                     expect=2)
        check("is derived" in err and not os.path.exists("j.xlsx"), "a derived crosswalk is refused")
    finally:
        os.chdir("/")
        shutil.rmtree(tmp)
    if failures:
        print("%d check(s) failed" % len(failures))
        sys.exit(1)
    print("review round trip: all checks passed")


if __name__ == "__main__":
    main()
