/* Diagnostics: positioned errors and warnings, collected and printed all at
 * once, sorted by file and position, each with its source line and a caret.
 * Lines and columns are 1-based; columns count characters (code points). */
#ifndef TG_DIAG_H
#define TG_DIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef struct tg_pos {
	const char *file;	/* NULL: no position */
	unsigned line;		/* 0: whole file */
	unsigned col;
	unsigned span;		/* characters to underline after the caret; 0 = caret only */
} tg_pos;

typedef enum tg_severity {
	TG_ERROR,
	TG_WARNING,
	TG_NOTE
} tg_severity;

typedef struct tg_diag tg_diag;

tg_diag *tg_diag_new(void);
void tg_diag_free(tg_diag *d);
/* Registers a file's text so that messages can quote its lines (copied). */
void tg_diag_add_source(tg_diag *d, const char *file, const char *text, size_t len);
/* Registers a spreadsheet's decoded text (cells separated by sep, RFC 4180
 * quoting).  Positions in it are ROW:COL of a cell, COL the column number;
 * excerpts quote the line where the cell starts, with the caret under it. */
void tg_diag_add_sheet_source(tg_diag *d, const char *file, const char *text, size_t len,
    char sep);
/* Registers a workbook sheet's cells (tab-separated, RFC 4180 quoting),
 * named "book.xlsx:シート名".  Positions in it are ROW:COL of a cell, printed
 * as a spreadsheet names the cell ("book.xlsx:シート名!C7"), with the
 * cell's text quoted. */
void tg_diag_add_cell_source(tg_diag *d, const char *file, const char *text, size_t len);
void tg_diag_report(tg_diag *d, tg_severity sev, tg_pos pos, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
#define tg_diag_error(d, pos, ...) tg_diag_report((d), TG_ERROR, (pos), __VA_ARGS__)
#define tg_diag_warning(d, pos, ...) tg_diag_report((d), TG_WARNING, (pos), __VA_ARGS__)
size_t tg_diag_errors(const tg_diag *d);
size_t tg_diag_warnings(const tg_diag *d);
/* Prints every message (sorted) and forgets them. */
void tg_diag_print(tg_diag *d, FILE *out);
/* Messages across processes (a batch worker's, to its parent):
 * tg_diag_export appends every message of d to out as records;
 * tg_diag_import reports each record of data to d as if it had been
 * reported there (false: data is not such records). */
struct tg_buf;
void tg_diag_export(const tg_diag *d, struct tg_buf *out);
bool tg_diag_import(tg_diag *d, const char *data, size_t len);
/* A position in a file: convenience constructor. */
tg_pos tg_pos_at(const char *file, unsigned line, unsigned col);

#endif
