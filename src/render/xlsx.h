/* Workbooks of print documents (print.h) through libxlsxwriter.
 *
 * Every libxlsxwriter return is checked: a failure is reported with the
 * file, sheet and cell and the workbook is not committed.  A cell over
 * Excel's limit of 32,767 characters (UTF-16 units) is never left empty:
 * its text is cut at the limit, ends with a visible marker, and a warning
 * names the cell, the row and the column.  Cells are strings (never
 * formulas); a text that Excel would take for a formula when edited gets a
 * leading apostrophe; counts in number columns are numbers.  Documents
 * dates come from the data (fixed zip dates: deterministic bytes). */
#ifndef TG_XLSX_H
#define TG_XLSX_H

#include <stdbool.h>
#include <xlsxwriter.h>

#include "../util/diag.h"
#include "print.h"

/* Excel's limit on the text of one cell, in UTF-16 units. */
#define TG_XLSX_CELL_MAX 32767
/* What ends a cut text. */
#define TG_XLSX_CUT_MARK "…【以下省略：Excelの1セルの上限（32,767文字）を超えるため】"

typedef struct tg_xlsx tg_xlsx;

/* The formats every sheet uses (owned by the workbook). */
typedef struct tg_xlsx_formats {
	lxw_format *title, *line, *note, *header, *cell, *center, *number, *none, *none_center,
	    *group;
} tg_xlsx_formats;

/* Starts a workbook written to path (a temporary of an output set); name
 * is the destination, for messages.  NULL after reporting. */
tg_xlsx *tg_xlsx_new(const char *path, const char *name, const tg_pdoc *doc, tg_diag *diag);
/* A sheet with the table (after the document's header block when
 * with_header), fitted to its paper, header row repeated and frozen,
 * autofilter, print titles, page header and footer. */
bool tg_xlsx_add_table(tg_xlsx *x, const tg_ptable *t, bool with_header);
/* The document's legend as a sheet of its own (A4 portrait). */
bool tg_xlsx_add_legend(tg_xlsx *x);
/* Writes the file and frees x.  Returns TG_EXIT_OK or TG_EXIT_IO. */
int tg_xlsx_close(tg_xlsx *x);

/* For sheets of other layouts: the workbook, its formats, and the checked
 * string writer (row_name and col_name say in warnings what the cell is). */
lxw_workbook *tg_xlsx_workbook(tg_xlsx *x);
const tg_xlsx_formats *tg_xlsx_formats_of(const tg_xlsx *x);
bool tg_xlsx_string(tg_xlsx *x, lxw_worksheet *ws, const char *sheet, lxw_row_t row,
    lxw_col_t col, const char *text, lxw_format *fmt, const char *row_name,
    const char *col_name);
/* Checks one libxlsxwriter return; reports "cannot write NAME: what: ..." */
bool tg_xlsx_ok(tg_xlsx *x, lxw_error err, const char *what);

#endif
