/* XLSX workbooks (Office Open XML spreadsheets) → the same tg_sheet rows as
 * the CSV/TSV reader, so that everything reading sheets reads workbooks.
 *
 * The zip is read with libzip, the XML parts with expat (namespaces by URI,
 * so transitional and strict OOXML both read).  A cell's text is what a
 * spreadsheet saving CSV would write, without formatting: shared strings
 * (rich text runs joined, phonetic ruby left out), inline strings, numbers
 * as stored ("3", "0.1", a date as its serial number), booleans as TRUE /
 * FALSE, errors as written (#N/A), the cached value of a formula.  Line
 * breaks in a cell are LF; the _xHHHH_ escapes of OOXML are decoded.
 * Merged ranges are listed in tg_sheet (their cells other than the
 * top-left one are empty, as in a CSV that Excel saves).
 *
 * Positions name the sheet and the cell as a spreadsheet shows them:
 * the sheet's `file` is "book.xlsx:シート名" and tg_diag prints
 * "book.xlsx:シート名!C7: error: …" with the cell's text quoted.
 *
 * Limits (a workbook over one is refused with a message, never a crash or
 * a hang): the file and the XML read from it are at most TG_SHEET_MAX_INPUT
 * bytes, at most TG_XLSX_MAX_ENTRIES zip entries, a compression ratio of at
 * most TG_XLSX_MAX_RATIO for parts over 1 MiB, XML nesting of at most
 * TG_XLSX_MAX_DEPTH, no DTD, cells within Excel's 1,048,576 rows × 16,384
 * columns, and at most TG_XLSX_MAX_GRID cells in the rows as laid out. */
#ifndef TG_SHEET_XLSX_H
#define TG_SHEET_XLSX_H

#include <stdbool.h>
#include <stddef.h>

#include "sheet.h"

#define TG_XLSX_MAX_ENTRIES 10000u
#define TG_XLSX_MAX_RATIO 1000u
#define TG_XLSX_MAX_DEPTH 128u
#define TG_XLSX_MAX_ROWS 1048576u
#define TG_XLSX_MAX_COLS 16384u
#define TG_XLSX_MAX_GRID (8u * 1024u * 1024u)

typedef struct tg_xlsx tg_xlsx;

/* Opens a workbook held in memory (the bytes are copied); `display` names it
 * in messages (copied).  Returns NULL after reporting when it is not a
 * workbook that can be read. */
tg_xlsx *tg_xlsx_open(const char *display, const void *bytes, size_t len, tg_diag *diag);
/* Opens a file; display NULL: the path.  Stores a TG_EXIT_* code in *rc
 * (3 when the file cannot be read, 1 when it is not a readable workbook). */
tg_xlsx *tg_xlsx_open_file(const char *path, const char *display, tg_diag *diag, int *rc);
void tg_xlsx_free(tg_xlsx *wb);

/* The sheets in the workbook's order (its tabs, left to right). */
size_t tg_xlsx_count(const tg_xlsx *wb);
const char *tg_xlsx_name(const tg_xlsx *wb, size_t i);
bool tg_xlsx_hidden(const tg_xlsx *wb, size_t i);
/* False for chart sheets and other sheets without cells. */
bool tg_xlsx_is_worksheet(const tg_xlsx *wb, size_t i);
/* Index of the sheet named `name` (exact, else ignoring ASCII case as
 * Excel does), or -1. */
long tg_xlsx_find(const tg_xlsx *wb, const char *name);
/* The first visible worksheet, or -1. */
long tg_xlsx_first(const tg_xlsx *wb);

/* Reads sheet i into sh (free with tg_sheet_free in any case).  Returns a
 * TG_EXIT_* code; every problem is reported, positioned at its cell. */
int tg_xlsx_read(tg_xlsx *wb, size_t i, tg_sheet *sh, tg_diag *diag);

/* "C7" for row 7, column 3 (into a buffer of at least 16 bytes). */
void tg_xlsx_cell_name(unsigned row, unsigned col, char out[16]);

#endif
