/* Print rules shared by every table output (the 突合表, and any report
 * made of tables): a document is a title, a header block (what the table
 * is about: industry, guideline, baseline, level, date of the data, tool
 * version), a legend (what each value means) and tables whose columns have
 * a kind.  From the kinds and the contents this module decides how a table
 * goes on paper, the same way for every format:
 *
 *   - the paper (A3 or A4) and orientation come with the table;
 *   - column widths follow the contents, capped per kind, and are fitted
 *     to the page width: long texts wrap instead of the print shrinking;
 *     the print scale never takes the body text below 8 pt (10 pt body,
 *     scale >= 80 %), a table still too wide continues on the next page
 *     with its first column repeated;
 *   - the header row repeats on every page, "none" cells (対応なし, ―) are
 *     greyed, counts are numbers.
 *
 * xlsx.c writes such documents with libxlsxwriter (every return checked,
 * cells over Excel's limit truncated visibly with a warning); the HTML
 * and Markdown helpers below give the same header block, legend and print
 * CSS to pages. */
#ifndef TG_PRINT_H
#define TG_PRINT_H

#include <stdbool.h>
#include <stddef.h>

#include "../util/buf.h"

typedef enum tg_col_kind {
	TG_COL_SHORT,		/* numbers as text, levels, statuses: narrow, centred */
	TG_COL_TEXT,		/* titles, counterparts: medium, wrapped */
	TG_COL_LONG,		/* texts, excerpts, proposals: wide, wrapped */
	TG_COL_NUMBER		/* counts: numbers in XLSX, right-aligned */
} tg_col_kind;

typedef enum tg_paper {
	TG_PAPER_A4,
	TG_PAPER_A3
} tg_paper;

typedef struct tg_page {
	tg_paper paper;
	bool landscape;
} tg_page;

/* The text of a cell that means "nothing here" besides a table's own
 * none text: greyed in print. */
#define TG_PRINT_DASH "―"

/* One line of a header block: 業界：自動車産業 … */
typedef struct tg_print_field {
	const char *key;
	const char *value;
} tg_print_field;

/* One entry of a legend, in a group: 関係 / 一部重複 / what it means. */
typedef struct tg_legend_entry {
	const char *group;
	const char *term;
	const char *meaning;
} tg_legend_entry;

/* A table as every format prints it.  Strings are borrowed. */
typedef struct tg_ptable {
	const char *name;	/* XLSX sheet name, at most 31 characters */
	const char *title;
	size_t ncols;
	const char *const *headers;
	const tg_col_kind *kinds;
	const char *const *cells;	/* row-major, never NULL */
	size_t nrows;
	const char *const *row_names;	/* what each row is, for messages; NULL: numbers */
	const char *none;	/* cells of exactly this text are greyed; NULL: only ― */
	tg_page page;
	size_t freeze_cols;	/* columns kept in view when scrolling (XLSX) */
} tg_ptable;

/* A document of tables: its title, header block, notes and legend. */
typedef struct tg_pdoc {
	const char *title;
	const tg_print_field *fields;	/* the header block */
	size_t nfields;
	const char *const *notes;	/* sentences under the header block */
	size_t nnotes;
	const tg_legend_entry *legend;
	size_t nlegend;
	const char *legend_name;	/* the legend's sheet / section title: 凡例 */
	const char *subject;	/* XLSX document property */
	const char *date;	/* YYYY[-MM[-DD]] of the data: the XLSX document date */
} tg_pdoc;

/* Body text size (points) and the smallest print scale (percent): the
 * printed body text is never below 8 pt. */
#define TG_PRINT_BODY_PT 10
#define TG_PRINT_MIN_SCALE 80

/* How a table fits its page. */
typedef struct tg_print_fit {
	double *widths;		/* [ncols] Excel character units (malloc'ed) */
	unsigned scale;		/* percent, TG_PRINT_MIN_SCALE..100 */
	bool fits;		/* one page wide at that scale */
} tg_print_fit;

void tg_print_fit_table(const tg_ptable *t, tg_print_fit *fit);
/* Height in points of a row of cells in columns of these widths, wrapped
 * (Excel and LibreOffice keep the height a file gives; at most 409 pt). */
#define TG_PRINT_MAX_ROW_PT 409.0
double tg_print_row_height(const char *const *cells, size_t ncols, const double *widths);
void tg_print_fit_free(tg_print_fit *fit);
/* Printable width of a page in points (XLSX margins). */
double tg_print_page_width(tg_page page);
/* Whether a cell is greyed as "nothing here". */
bool tg_print_is_none(const tg_ptable *t, const char *cell);
/* Whether a cell of a number column holds a count written as a number. */
bool tg_print_is_count(const char *cell, double *value);
/* The header block's fields packed into lines of at most `width` display
 * columns, fields separated by "　／　"; each line appended to lines (an
 * array of malloc'ed char *). */
void tg_print_field_lines(const tg_pdoc *doc, size_t width, tg_buf *lines);

/* ---- HTML and Markdown ---- */

/* The print CSS of a table page: paper and orientation, page numbers in
 * the bottom margin, tables wrapped to the page width (never cut), header
 * rows repeated, text >= 8 pt, colours printed.  Inside <style>. */
void tg_print_html_css(tg_buf *out, tg_page page);
/* The header block (<dl class="header-block">) and notes. */
void tg_print_html_header(tg_buf *out, const tg_pdoc *doc);
/* The legend as a <section class="legend"> with one table. */
void tg_print_html_legend(tg_buf *out, const tg_pdoc *doc);
/* A <colgroup> with the widths of the fit, in percent. */
void tg_print_html_colgroup(tg_buf *out, const tg_ptable *t);
/* The same blocks in Markdown. */
void tg_print_md_header(tg_buf *out, const tg_pdoc *doc);
void tg_print_md_legend(tg_buf *out, const tg_pdoc *doc);

#endif
