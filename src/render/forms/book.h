/* A thin layer over libxlsxwriter for the forms' workbooks: named styles,
 * cells whose text can never become a formula (text from data is
 * neutralised as in the 突合表), our own formulas kept apart, pull-down
 * lists, A4 print setup.  Kept small so that it can give way to the
 * shared XLSX table module of the 突合表 print rules once that lands. */
#ifndef TG_RENDER_BOOK_H
#define TG_RENDER_BOOK_H

#include <stdbool.h>
#include <stddef.h>

#include "../../util/buf.h"
#include "../../util/diag.h"

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

/* Creates the workbook at path (the output set's temporary); date is the
 * document date YYYY[-MM[-DD]] from the data (never the clock).  NULL
 * after reporting (display: the destination, for messages). */
tg_book *tg_book_open(const char *path, const char *display, const char *title,
    const char *subject, const char *date, tg_diag *diag);
/* Writes and frees the workbook.  Returns false after reporting. */
bool tg_book_close(tg_book *b, tg_diag *diag);

tg_bsheet *tg_book_sheet(tg_book *b, const char *name);
void tg_book_columns(tg_bsheet *s, const double *widths, size_t n);
void tg_book_row_height(tg_bsheet *s, unsigned row, double points);

/* Text from data: written as a string, with a leading apostrophe when a
 * spreadsheet would otherwise read it as a formula.  NULL: an empty cell
 * with the style. */
void tg_book_text(tg_bsheet *s, unsigned row, unsigned col, const char *text, tg_bstyle st);
/* The same text across columns first..last of a row. */
void tg_book_merge(tg_bsheet *s, unsigned row, unsigned first, unsigned last, const char *text,
    tg_bstyle st);
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
/* A4, portrait or landscape, fit to the page width, rows first..last
 * repeated on every page (none when last < first), page numbers. */
void tg_book_print(tg_bsheet *s, bool landscape, unsigned repeat_first, unsigned repeat_last,
    const char *title);
void tg_book_freeze(tg_bsheet *s, unsigned row, unsigned col);
/* A column chart of values against categories (ranges like
 * "'集計'!$A$4:$A$6") at row/col, in percent from min to max. */
void tg_book_chart(tg_book *b, tg_bsheet *s, unsigned row, unsigned col, const char *title,
    const char *categories, const char *values, double min, double max);

/* Cell names: "C7" (col, row 0-based); "$C$7" absolute; sheet-qualified
 * "'シート'!$C$7:$C$9".  Appended to out. */
void tg_book_cell(tg_buf *out, unsigned row, unsigned col, bool absolute);
void tg_book_range(tg_buf *out, const char *sheet, unsigned r1, unsigned c1, unsigned r2,
    unsigned c2);
/* A formula string literal: "…" with quotes doubled. */
void tg_book_quote(tg_buf *out, const char *s);

/* Lines a text takes in a column `width` characters wide. */
size_t tg_book_lines(const char *text, double width);
/* Points of a row of n lines at the body size. */
double tg_book_line_height(size_t lines);

#endif
