# Edits review.xlsx as a reviewer would: _edit.py OUT.xlsx CELL=VALUE... (VALUE '' clears;
# a number is written as a number; DELETE=ROW deletes a row).
import sys

import openpyxl

wb = openpyxl.load_workbook("review.xlsx")
ws = wb["突合レビュー"]
for arg in sys.argv[2:]:
    cell, value = arg.split("=", 1)
    if cell == "DELETE":
        ws.delete_rows(int(value))
    else:
        ws[cell] = None if value == "" else int(value) if value.isdigit() else value
wb.save(sys.argv[1])
