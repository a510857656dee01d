# A reviewer's pass over the example (what an association member does in Excel):
# the first candidate of each item is judged against both texts — confirmed with a
# relationship, a strength and a rationale, or dropped when it is wrong; the other
# candidates are dropped; No.8 gets an industry-specific addition to 付録5.
#   _review.py IN.xlsx OUT.xlsx
import sys

import openpyxl

# item: (target kept, relationship, strength, rationale, note), or None: no counterpart
JUDGED = {
    "1": ("app5/1.4.1", "一部重複", 6, "意味", "規程の周知は同じ。方針を経営者が定める点は付録2の基本方針にあたる。"),
    "2": ("app5/1.1.2", "IPAに包含", 8, "意味", None),
    "3": ("app5/1.4.1", "同等", 9, "意味", "年1回の見直しを定めている。"),
    "4": ("app5/2.1.1", "同等", 10, "意味", None),
    "5": ("app5/2.3.1", "IPAに包含", 8, "意味", None),
    "6": ("app5/5.1.1", "業界側が広い", 5, "意味", "記録の1年保存は付録5にない。"),
    "7": ("app5/6.1.4.1", "同等", 9, "文言", None),
    "8": ("app5/6.5.2", "業界側が広い", 6, "意味", "業務用媒体の台帳管理は付録5にない。"),
}

wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["突合レビュー"]
head = {c.value: c.column_letter for c in ws[1]}
drop = []
for r in range(2, ws.max_row + 1):
    src = ws["%s%d" % (head["業界項目ID"], r)].value
    tgt = ws["%s%d" % (head["対応先ID"], r)].value
    if src not in JUDGED or tgt is None:
        continue
    keep, rel, strength, rationale, note = JUDGED[src]
    if tgt != keep:
        drop.append(r)
        continue
    ws["%s%d" % (head["関係"], r)] = rel
    ws["%s%d" % (head["強度"], r)] = strength
    ws["%s%d" % (head["根拠"], r)] = rationale
    ws["%s%d" % (head["状態"], r)] = "確認済み"
    ws["%s%d" % (head["備考"], r)] = note
    if src == "8":
        ws["%s%d" % (head["反映案"], r)] = "追加"
        ws["%s%d" % (head["反映先"], r)] = "app5/6.5.2"
        ws["%s%d" % (head["反映案の文案"], r)] = ("業務用の記録媒体は、情報セキュリティ責任者が記録媒体管理台帳に"
                                            "登録し、貸出しと返却を記録する。台帳は年1回、現物と照合する。")
for r in reversed(drop):
    ws.delete_rows(r)
wb.save(sys.argv[2])
