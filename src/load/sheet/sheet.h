/* Spreadsheet text (CSV and TSV, as Excel writes them) → rows of cells.
 *
 * RFC 4180 quoting: a cell starting with '"' is quoted and may hold the
 * separator, doubled quotes and line breaks; rows end at LF, CRLF or a lone
 * CR outside quotes.  Rows are numbered as a spreadsheet shows them (a
 * quoted cell spanning several lines is still one row), columns from 1.
 * Encodings: UTF-8, UTF-8 with BOM, CP932, or auto (BOM → valid UTF-8 →
 * CP932).  Every problem is reported as FILE:ROW:COL; the decoded text is
 * registered with the diag so that messages quote the cell's line. */
#ifndef TG_SHEET_H
#define TG_SHEET_H

#include <stdbool.h>
#include <stddef.h>

#include "../../util/buf.h"
#include "../../util/diag.h"
#include "../../util/encoding.h"

/* Largest sheet read (a sheet is data, not a hand-written file). */
#define TG_SHEET_MAX_INPUT (256u * 1024u * 1024u)

typedef enum tg_sheet_encoding {
	TG_SHEET_AUTO,
	TG_SHEET_UTF8,
	TG_SHEET_CP932
} tg_sheet_encoding;

typedef struct tg_sheet_cell {
	const char *text;	/* unquoted, NUL-terminated; line breaks inside are LF */
	size_t len;
} tg_sheet_cell;

/* A row; cells[i] is the cell in column i + 1. */
typedef struct tg_sheet_row {
	unsigned row;		/* 1-based, as a spreadsheet numbers it */
	unsigned ncells;	/* rows may be ragged */
	tg_sheet_cell *cells;
} tg_sheet_row;

/* A merged range of an XLSX sheet (CSV has none), 1-based and inclusive. */
typedef struct tg_sheet_merge {
	unsigned row1, col1, row2, col2;
} tg_sheet_merge;

typedef struct tg_sheet {
	const char *file;	/* name used in messages (borrowed, or `owned`) */
	char sep;		/* ',' or '\t' */
	tg_encoding encoding;	/* what the bytes were read as */
	char *text;		/* decoded text; cells point into it */
	size_t len;
	tg_sheet_row *rows;	/* every row, blank ones included */
	size_t nrows;
	tg_sheet_cell *cells;
	size_t ncells;
	const char *sheet_name;	/* XLSX: the sheet read; NULL for CSV/TSV */
	tg_sheet_merge *merges;	/* XLSX: merged ranges, in the order written */
	size_t nmerges;
	char *owned;		/* storage of `file` and `sheet_name` when the reader made them */
} tg_sheet;

/* Reads sheet bytes.  Reports every problem to diag and returns false if
 * there was any; the sheet then holds what could be read.  `file` must
 * outlive the sheet.  Free with tg_sheet_free in any case. */
bool tg_sheet_read(tg_sheet *sh, const char *file, const char *bytes, size_t len, char sep,
    tg_sheet_encoding enc, tg_diag *diag);
/* Reads a file (display: name in messages, NULL for path).  Returns a
 * TG_EXIT_* code: 3 when it cannot be read, 1 when it is invalid. */
int tg_sheet_read_file(tg_sheet *sh, const char *path, const char *display, char sep,
    tg_sheet_encoding enc, tg_diag *diag);
void tg_sheet_free(tg_sheet *sh);

/* Any sheet file: CSV, TSV or an XLSX workbook's sheet (load/sheet/open.c). */
typedef enum tg_sheet_format {
	TG_SHEET_FORMAT_AUTO,	/* by the extension: .xlsx/.xlsm → XLSX, .tsv/.tab → TSV, else CSV */
	TG_SHEET_FORMAT_CSV,
	TG_SHEET_FORMAT_TSV,
	TG_SHEET_FORMAT_XLSX
} tg_sheet_format;

typedef struct tg_sheet_options {
	tg_sheet_format format;
	tg_sheet_encoding encoding;	/* CSV/TSV */
	const char *sheet;		/* XLSX: the sheet's name; NULL: the first visible worksheet */
} tg_sheet_options;

/* The format a path is read as under `format` (never AUTO). */
tg_sheet_format tg_sheet_format_of(const char *path, tg_sheet_format format);
/* Reads path (display: its name in messages, NULL for path) as o says.
 * Returns a TG_EXIT_* code like tg_sheet_read_file; an XLSX sheet that is
 * not in the workbook is TG_EXIT_INVALID, with the sheets listed. */
int tg_sheet_load(tg_sheet *sh, const char *path, const char *display,
    const tg_sheet_options *o, tg_diag *diag);

/* Cell `col` (1-based) of a row; "" past the end of a ragged row. */
const char *tg_sheet_cell_text(const tg_sheet_row *r, unsigned col);
/* Empty, or only white space (ASCII, U+3000, U+00A0). */
bool tg_sheet_blank(const char *s);
bool tg_sheet_row_blank(const tg_sheet_row *r);

/* Normalisation of ids, refs and marks, NFKC-like for the ASCII range:
 * full-width ASCII (U+FF01-U+FF5E) becomes ASCII ("４－１" → "4-1",
 * "ＬＶ１" → "LV1"), U+3000 and U+00A0 become spaces, and the hyphens
 * U+2010-U+2013, U+2212 and U+FE63 become '-'.  Everything else is kept.
 * tg_sheet_fold appends the folded text; tg_sheet_normalize also trims
 * white space at both ends. */
void tg_sheet_fold(const char *s, size_t len, tg_buf *out);
void tg_sheet_normalize(const char *s, tg_buf *out);
/* Folded, with every white space removed: how header cells are compared
 * ("評価基準\nNo." matches "評価基準No."). */
void tg_sheet_header_key(const char *s, tg_buf *out);

#endif
