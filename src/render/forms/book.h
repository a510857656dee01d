/* The forms' workbooks: named styles for sheets laid out by hand (a form's
 * title, header fields, table, summary), our own formulas kept apart from
 * data, pull-down lists and charts — over the shared XLSX writer
 * (render/xlsx.h): every libxlsxwriter return is checked and reported with
 * the file, sheet and cell; every text goes through its checked writer
 * (neutralised as in the 突合表, a cell over Excel's limit cut visibly with
 * a warning naming the cell, its row and its column); the print rules of
 * render/print.h (A4, the same font and row heights, a print scale that
 * never takes the text below 8 pt, page header and footer).  A plain
 * table (the gap list of `assess`) is a print table of its own. */
#ifndef TG_RENDER_BOOK_H
#define TG_RENDER_BOOK_H

#include <stdbool.h>
#include <stddef.h>

#include "../../util/buf.h"
#include "../../util/diag.h"
#include "../print.h"

typedef struct tg_book tg_book;
typedef struct tg_bsheet tg_bsheet;

typedef enum tg_bstyle {
	TG_BS_TITLE,		/* the form's title */
	TG_BS_INTRO,		/* explanations under the title (wrapped) */
	TG_BS_LABEL,		/* a header field's label */
	TG_BS_VALUE,		/* a header field's value from data */
	TG_BS_INPUT,		/* a cell to fill in (pale yellow) */
	TG_BS_INPUT_CENTER,
	TG_BS_INPUT_DATE,
	TG_BS_HEADER,		/* a table's column headers */
	TG_BS_GROUP,		/* a group heading row */
	TG_BS_CELL,		/* a table cell from data (wrapped) */
	TG_BS_CELL_CENTER,
	TG_BS_CALC,		/* our formula's result, centred */
	TG_BS_CALC_PERCENT,
	TG_BS_CALC_BOLD,	/* a total, a band */
	TG_BS_NUMBER,		/* a number in a table */
	TG_BS_MARK,		/* a provenance mark (推定) */
	TG_BS_COUNT
} tg_bstyle;

/* Creates the workbook at path (the output set's temporary); display is
 * the destination, for messages.  doc (borrowed until tg_book_close) gives
 * the document's title, subject and date (from the data, never the clock),
 * and the header block and notes of print tables.  NULL after reporting. */
tg_book *tg_book_open(const char *path, const char *display, const tg_pdoc *doc, tg_diag *diag);
/* Writes and frees the workbook.  False after reporting (then nothing may
 * be committed: a write failed). */
bool tg_book_close(tg_book *b);

/* A sheet (never NULL: when libxlsxwriter refuses it, reported, every
 * write to it does nothing and tg_book_close fails). */
tg_bsheet *tg_book_sheet(tg_book *b, const char *name);
void tg_book_columns(tg_bsheet *s, const double *widths, size_t n);
void tg_book_row_height(tg_bsheet *s, unsigned row, double points);

/* Text from data: a string, with a leading apostrophe when a spreadsheet
 * would otherwise read it as a formula, cut at Excel's limit with a
 * warning.  row_name (the item, No.4) and col_name (the column's header)
 * say in that warning what the cell is; either may be NULL.  NULL or "":
 * an empty cell with the style. */
void tg_book_text(tg_bsheet *s, unsigned row, unsigned col, const char *text, tg_bstyle st,
    const char *row_name, const char *col_name);
/* The same text across columns first..last of a row. */
void tg_book_merge(tg_bsheet *s, unsigned row, unsigned first, unsigned last, const char *text,
    tg_bstyle st, const char *row_name, const char *col_name);
void tg_book_number(tg_bsheet *s, unsigned row, unsigned col, double v, tg_bstyle st);
/* Our own formula (written by totsugo, never from data): "=…", with the
 * result it has as written (what a reader shows before recalculating). */
void tg_book_formula_num(tg_bsheet *s, unsigned row, unsigned col, const char *formula,
    tg_bstyle st, double result);
void tg_book_formula_str(tg_bsheet *s, unsigned row, unsigned col, const char *formula,
    tg_bstyle st, const char *result);
/* A pull-down list on rows first..last of a column; blank allowed, any
 * other value refused. */
void tg_book_list(tg_bsheet *s, unsigned first, unsigned last, unsigned col,
    const char *const *options, size_t n);
/* The print rules: A4, portrait or landscape, the columns' print scale
 * (never below 8 pt; a sheet still too wide repeats its first column on
 * the next page), rows first..last repeated on every page (none when last
 * < first), the title in the page header, page numbers in the footer. */
void tg_book_print(tg_bsheet *s, bool landscape, unsigned repeat_first, unsigned repeat_last,
    const char *title);
void tg_book_freeze(tg_bsheet *s, unsigned row, unsigned col);
/* A column chart of values against categories (ranges like
 * "'集計'!$A$4:$A$6") at row/col, in percent from min to max. */
void tg_book_chart(tg_book *b, tg_bsheet *s, unsigned row, unsigned col, const char *title,
    const char *categories, const char *values, double min, double max);
/* A print table as a sheet of its own, after the document's header block
 * and notes (render/xlsx.h: fitted widths, autofilter, frozen header). */
void tg_book_table(tg_book *b, const tg_ptable *t);

/* Cell names: "C7" (col, row 0-based); "$C$7" absolute; sheet-qualified
 * "'シート'!$C$7:$C$9".  Appended to out. */
void tg_book_cell(tg_buf *out, unsigned row, unsigned col, bool absolute);
void tg_book_range(tg_buf *out, const char *sheet, unsigned r1, unsigned c1, unsigned r2,
    unsigned c2);
/* A formula string literal: "…" with quotes doubled. */
void tg_book_quote(tg_buf *out, const char *s);

#endif
