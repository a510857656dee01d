#!/usr/bin/python3
"""Fills a form written by `totsugo forms` as a person would, with openpyxl.
Usage: _fill.py IN.xlsx OUT.xlsx SHEET CHOICE_HEADER OP...
  KEY=VALUE           choose VALUE in the row of KEY (the first column)
  KEY:HEADER=VALUE    write VALUE in that row's column HEADER
  KEY>NEW             change the row's key to NEW
  KEY!                clear the row (key and every cell)"""
import sys

import openpyxl

src, dst, sheet, choice = sys.argv[1:5]
wb = openpyxl.load_workbook(src)
ws = wb[sheet]
header = next(r for r in range(1, ws.max_row + 1)
              if any(ws.cell(r, c).value == choice for c in range(1, ws.max_column + 1)))
cols = {ws.cell(header, c).value: c for c in range(1, ws.max_column + 1)}
rows = {ws.cell(r, 1).value: r for r in range(header + 1, ws.max_row + 1) if ws.cell(r, 1).value}
for op in sys.argv[5:]:
    if op.endswith("!"):
        r = rows[op[:-1]]
        for c in range(1, ws.max_column + 1):
            if ws.cell(r, c).data_type != "f":
                ws.cell(r, c).value = None
    elif ">" in op:
        key, new = op.split(">", 1)
        ws.cell(rows[key], 1).value = new
    else:
        target, value = op.split("=", 1)
        key, _, col = target.partition(":")
        ws.cell(rows[key], cols[col or choice]).value = value
wb.save(dst)
