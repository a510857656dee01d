#!/usr/bin/python3
"""Makes the workbooks of the xlsx-* regress cases (run with Debian's python3-openpyxl):
scs.xlsx   ../_scs/scs.csv as an official workbook would have it: a note sheet first
           (hidden), the list on sheet 要求事項一覧 with the title row merged across and
           the 大分類/中分類/要求事項 cells merged down over their rows, ○ as text,
           reference cells with line breaks.
bad.xlsx   scs.xlsx with a mark that is not one, a duplicate id and a reference that
           cannot be read (the errors name their cells)."""
import csv
import openpyxl

with open('../_scs/scs.csv', encoding='utf-8-sig', newline='') as f:
    rows = list(csv.reader(f))


def book(path, edit=None):
    wb = openpyxl.Workbook()
    note = wb.active
    note.title = 'メモ'
    note['A1'] = 'この記入例は totsugo のテスト用です。'
    note.sheet_state = 'hidden'
    ws = wb.create_sheet('要求事項一覧')
    for r, row in enumerate(rows, 1):
        for c, v in enumerate(row, 1):
            if v != '':
                ws.cell(r, c, v)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(rows[1]))
    # Merge each group cell down over the blank cells below it.
    for c in (1, 2, 3):
        r = 3
        while r <= len(rows):
            end = r
            while end + 1 <= len(rows) and rows[end][c - 1] == '' and rows[end][3] != '':
                end += 1
            if end > r and rows[r - 1][c - 1] != '':
                ws.merge_cells(start_row=r, start_column=c, end_row=end, end_column=c)
            r = end + 1
    if edit:
        edit(ws)
    wb.active = 1
    wb.save(path)


def damage(ws):
    ws['F4'] = '◎?'
    ws['D5'] = ws['D3'].value
    ws['H6'] = '第3章'


book('scs.xlsx')
book('bad.xlsx', damage)
