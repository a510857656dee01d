/* Workbooks of print documents through libxlsxwriter, every return
 * checked and no cell dropped (see xlsx.h). */
#include "xlsx.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../totsugo.h"
#include "../util/csv.h"
#include "../util/utf8.h"

/* The font whose line height Excel and LibreOffice agree on (print.c). */
#define FONT "ＭＳ Ｐゴシック"
#define GREY 0x80868F
#define HEAD_FILL 0xDCE6F1
#define LINE_COLOR 0xB7BEC8

struct tg_xlsx {
	lxw_workbook *wb;
	const char *name;
	const tg_pdoc *doc;
	tg_diag *diag;
	tg_xlsx_formats f;
	bool failed;
};

bool
tg_xlsx_ok(tg_xlsx *x, lxw_error err, const char *what)
{
	if (err == LXW_NO_ERROR)
		return true;
	tg_diag_error(x->diag, tg_pos_at(x->name, 0, 0), "cannot write %s: %s", what,
	    lxw_strerror(err));
	x->failed = true;
	return false;
}

/* Days since 1970-01-01 of a civil date (proleptic Gregorian). */
static long
days_from_civil(long y, long m, long d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* Document dates come from the data, never from the clock. */
static time_t
document_time(const char *date)
{
	int y = 2000, m = 1, d = 1;
	if (date != NULL)
		sscanf(date, "%d-%d-%d", &y, &m, &d);
	if (m < 1 || m > 12)
		m = 1;
	if (d < 1 || d > 31)
		d = 1;
	return (time_t)days_from_civil(y, m, d) * 86400;
}

static lxw_format *
base_format(lxw_workbook *wb, bool wrap, bool border)
{
	lxw_format *fmt = workbook_add_format(wb);
	format_set_font_name(fmt, FONT);
	format_set_font_size(fmt, TG_PRINT_BODY_PT);
	if (wrap)
		format_set_text_wrap(fmt);
	format_set_align(fmt, LXW_ALIGN_VERTICAL_TOP);
	if (border) {
		format_set_border(fmt, LXW_BORDER_THIN);
		format_set_border_color(fmt, LINE_COLOR);
	}
	return fmt;
}

tg_xlsx *
tg_xlsx_new(const char *path, const char *name, const tg_pdoc *doc, tg_diag *diag)
{
	lxw_workbook_options opts = {.constant_memory = LXW_TRUE, .tmpdir = NULL,
	    .use_zip64 = LXW_FALSE};
	lxw_workbook *wb = workbook_new_opt(path, &opts);
	if (wb == NULL) {
		tg_diag_error(diag, tg_pos_at(name, 0, 0), "cannot create the workbook");
		return NULL;
	}
	tg_xlsx *x = tg_xcalloc(1, sizeof *x);
	x->wb = wb;
	x->name = name;
	x->doc = doc;
	x->diag = diag;
	lxw_doc_properties props = {0};
	props.title = (char *)doc->title;
	props.subject = (char *)(doc->subject ? doc->subject : "");
	props.author = (char *)"totsugo";
	props.created = document_time(doc->date);
	tg_xlsx_ok(x, workbook_set_properties(wb, &props), "the document properties");

	tg_xlsx_formats *f = &x->f;
	f->title = base_format(wb, false, false);
	format_set_bold(f->title);
	format_set_font_size(f->title, 14);
	f->line = base_format(wb, false, false);
	f->note = base_format(wb, true, false);
	f->cell = base_format(wb, true, true);
	f->center = base_format(wb, true, true);
	format_set_align(f->center, LXW_ALIGN_CENTER);
	f->number = base_format(wb, false, true);
	format_set_align(f->number, LXW_ALIGN_RIGHT);
	format_set_num_format(f->number, "#,##0");
	f->none = base_format(wb, true, true);
	format_set_font_color(f->none, GREY);
	f->none_center = base_format(wb, true, true);
	format_set_font_color(f->none_center, GREY);
	format_set_align(f->none_center, LXW_ALIGN_CENTER);
	f->header = base_format(wb, true, true);
	format_set_bold(f->header);
	format_set_bg_color(f->header, HEAD_FILL);
	format_set_align(f->header, LXW_ALIGN_VERTICAL_CENTER);
	f->group = base_format(wb, true, true);
	format_set_bold(f->group);
	return x;
}

lxw_workbook *
tg_xlsx_workbook(tg_xlsx *x)
{
	return x->wb;
}

const tg_xlsx_formats *
tg_xlsx_formats_of(const tg_xlsx *x)
{
	return &x->f;
}

/* Length of a UTF-8 text in UTF-16 units (what Excel counts), and the
 * byte offset where `limit` units are reached. */
static size_t
utf16_units(const char *s, size_t len, size_t limit, size_t *cut)
{
	size_t units = 0;
	*cut = len;
	for (size_t i = 0; i < len;) {
		size_t n;
		uint32_t cp = tg_utf8_decode(s + i, len - i, &n);
		size_t u = cp >= 0x10000 ? 2 : 1;
		if (units + u > limit && *cut == len)
			*cut = i;
		units += u;
		i += n;
	}
	return units;
}

bool
tg_xlsx_string(tg_xlsx *x, lxw_worksheet *ws, const char *sheet, lxw_row_t row, lxw_col_t col,
    const char *text, lxw_format *fmt, const char *row_name, const char *col_name)
{
	tg_buf s = TG_BUF_INIT;
	if (tg_sheet_is_risky(text))
		tg_buf_putc(&s, '\'');
	tg_buf_puts(&s, text);
	size_t len = s.len, cut, mark_cut;
	size_t mark = utf16_units(TG_XLSX_CUT_MARK, strlen(TG_XLSX_CUT_MARK), 0, &mark_cut);
	size_t units = utf16_units(s.data ? s.data : "", len, TG_XLSX_CELL_MAX - mark, &cut);
	char ref[LXW_MAX_CELL_NAME_LENGTH];
	lxw_rowcol_to_cell(ref, row, col);
	if (units > TG_XLSX_CELL_MAX) {
		tg_buf where = TG_BUF_INIT;
		tg_buf_printf(&where, "%s:%s!%s", x->name, sheet, ref);
		tg_diag_warning(x->diag, tg_pos_at(where.data, 0, 0), "%s%s%s: %zu characters exceed "
		    "Excel's limit of %d in a cell; written up to the limit, ending with the mark '%s'",
		    row_name ? row_name : "", row_name ? ", " : "", col_name ? col_name : "column",
		    units, TG_XLSX_CELL_MAX, TG_XLSX_CUT_MARK);
		tg_buf_free(&where);
		tg_buf_truncate(&s, cut);
		tg_buf_puts(&s, TG_XLSX_CUT_MARK);
	}
	lxw_error err = worksheet_write_string(ws, row, col, tg_buf_cstr(&s), fmt);
	tg_buf_free(&s);
	if (err == LXW_NO_ERROR)
		return true;
	tg_buf what = TG_BUF_INIT;
	tg_buf_printf(&what, "%s!%s", sheet, ref);
	tg_xlsx_ok(x, err, what.data);
	tg_buf_free(&what);
	return false;
}

static bool
number(tg_xlsx *x, lxw_worksheet *ws, const char *sheet, lxw_row_t row, lxw_col_t col, double v,
    lxw_format *fmt)
{
	lxw_error err = worksheet_write_number(ws, row, col, v, fmt);
	if (err == LXW_NO_ERROR)
		return true;
	char ref[LXW_MAX_CELL_NAME_LENGTH];
	lxw_rowcol_to_cell(ref, row, col);
	tg_buf what = TG_BUF_INIT;
	tg_buf_printf(&what, "%s!%s", sheet, ref);
	tg_xlsx_ok(x, err, what.data);
	tg_buf_free(&what);
	return false;
}

/* "&L<title>&R<sheet>" and "&L<tool>&C<page> / <pages>": & doubled, the
 * title cut so that the header stays within Excel's 255 characters. */
static void
page_header_footer(tg_xlsx *x, lxw_worksheet *ws)
{
	tg_buf h = TG_BUF_INIT;
	tg_buf_puts(&h, "&L");
	const char *t = x->doc->title ? x->doc->title : "";
	size_t n = 0;
	for (const char *p = t; *p && n < 80;) {
		size_t len;
		tg_utf8_decode(p, strlen(p), &len);
		if (*p == '&')
			tg_buf_putc(&h, '&');
		tg_buf_put(&h, p, len);
		p += len;
		n++;
	}
	tg_buf_puts(&h, "&R&A");
	tg_xlsx_ok(x, worksheet_set_header(ws, h.data), "the page header");
	tg_buf_clear(&h);
	tg_buf_printf(&h, "&Ltotsugo %s&C&P / &N", tg_version());
	tg_xlsx_ok(x, worksheet_set_footer(ws, h.data), "the page footer");
	tg_buf_free(&h);
}

static void
print_setup(tg_xlsx *x, lxw_worksheet *ws, tg_page page, unsigned scale)
{
	if (page.landscape)
		worksheet_set_landscape(ws);
	else
		worksheet_set_portrait(ws);
	worksheet_set_paper(ws, page.paper == TG_PAPER_A3 ? 8 : 9);
	worksheet_set_margins(ws, 0.4, 0.4, 0.7, 0.7);
	worksheet_set_print_scale(ws, (uint16_t)scale);
	page_header_footer(x, ws);
}

bool
tg_xlsx_add_table(tg_xlsx *x, const tg_ptable *t, bool with_header)
{
	if (x->failed || t->ncols == 0)
		return !x->failed;
	lxw_worksheet *ws = workbook_add_worksheet(x->wb, t->name);
	if (ws == NULL) {
		tg_xlsx_ok(x, LXW_ERROR_SHEETNAME_ALREADY_USED, t->name);
		return false;
	}
	tg_print_fit fit;
	tg_print_fit_table(t, &fit);
	for (size_t c = 0; c < t->ncols; c++)
		if (!tg_xlsx_ok(x, worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, fit.widths[c],
		    NULL), "column widths"))
			goto out;
	lxw_row_t row = 0;
	if (with_header) {
		/* Title, the header block packed into lines as wide as the
		 * table, the notes, a blank row. */
		double units = 0;
		for (size_t c = 0; c < t->ncols; c++)
			units += fit.widths[c];
		tg_xlsx_string(x, ws, t->name, row++, 0, x->doc->title, x->f.title, NULL, "title");
		tg_buf lines = TG_BUF_INIT;
		tg_print_field_lines(x->doc, (size_t)(units * 0.95), &lines);
		for (size_t i = 0; i < TG_BUF_COUNT(&lines, char *); i++) {
			char *l = TG_BUF_AT(&lines, char *, i);
			tg_xlsx_string(x, ws, t->name, row++, 0, l, x->f.line, NULL, "header");
			free(l);
		}
		tg_buf_free(&lines);
		/* Notes are sentences: wrapped across the table's width. */
		for (size_t i = 0; i < x->doc->nnotes; i++, row++) {
			const char *note = x->doc->notes[i];
			tg_xlsx_ok(x, worksheet_set_row(ws, row, tg_print_row_height(&note, 1, &units) - 2.0,
			    NULL), "row heights");
			if (t->ncols > 1)
				tg_xlsx_ok(x, worksheet_merge_range(ws, row, 0, row, (lxw_col_t)(t->ncols - 1), "",
				    x->f.note), "the header block");
			tg_xlsx_string(x, ws, t->name, row, 0, note, x->f.note, NULL, "note");
		}
		row++;
	}
	lxw_row_t head = row;
	tg_xlsx_ok(x, worksheet_set_row(ws, row, tg_print_row_height(t->headers, t->ncols,
	    fit.widths), NULL), "row heights");
	for (size_t c = 0; c < t->ncols; c++)
		tg_xlsx_string(x, ws, t->name, row, (lxw_col_t)c, t->headers[c], x->f.header, NULL,
		    "header");
	row++;
	tg_buf rowname = TG_BUF_INIT;
	for (size_t r = 0; r < t->nrows && !x->failed; r++, row++) {
		tg_buf_clear(&rowname);
		if (t->row_names != NULL)
			tg_buf_puts(&rowname, t->row_names[r]);
		else
			tg_buf_printf(&rowname, "row %zu", r + 1);
		tg_xlsx_ok(x, worksheet_set_row(ws, row, tg_print_row_height(t->cells + r * t->ncols,
		    t->ncols, fit.widths), NULL), "row heights");
		for (size_t c = 0; c < t->ncols; c++) {
			const char *s = t->cells[r * t->ncols + c];
			bool centred = t->kinds[c] == TG_COL_SHORT;
			double v;
			if (t->kinds[c] == TG_COL_NUMBER && tg_print_is_count(s, &v))
				number(x, ws, t->name, row, (lxw_col_t)c, v, x->f.number);
			else if (tg_print_is_none(t, s))
				tg_xlsx_string(x, ws, t->name, row, (lxw_col_t)c, s,
				    centred || t->kinds[c] == TG_COL_NUMBER ? x->f.none_center : x->f.none,
				    rowname.data, t->headers[c]);
			else
				tg_xlsx_string(x, ws, t->name, row, (lxw_col_t)c, s,
				    centred ? x->f.center : x->f.cell, rowname.data, t->headers[c]);
		}
	}
	tg_buf_free(&rowname);
	if (x->failed)
		goto out;
	if (t->nrows > 0)
		tg_xlsx_ok(x, worksheet_autofilter(ws, head, 0, head + (lxw_row_t)t->nrows,
		    (lxw_col_t)(t->ncols - 1)), "the autofilter");
	worksheet_freeze_panes(ws, head + 1, (lxw_col_t)(t->freeze_cols < t->ncols ? t->freeze_cols : 0));
	tg_xlsx_ok(x, worksheet_repeat_rows(ws, head, head), "the print titles");
	if (t->freeze_cols > 0 && t->freeze_cols < t->ncols)
		tg_xlsx_ok(x, worksheet_repeat_columns(ws, 0, (lxw_col_t)(t->freeze_cols - 1)),
		    "the print titles");
	print_setup(x, ws, t->page, fit.scale);
out:
	tg_print_fit_free(&fit);
	return !x->failed;
}

bool
tg_xlsx_add_legend(tg_xlsx *x)
{
	const tg_pdoc *doc = x->doc;
	if (x->failed || doc->nlegend == 0)
		return !x->failed;
	const char *name = doc->legend_name ? doc->legend_name : "凡例";
	lxw_worksheet *ws = workbook_add_worksheet(x->wb, name);
	if (ws == NULL) {
		tg_xlsx_ok(x, LXW_ERROR_SHEETNAME_ALREADY_USED, name);
		return false;
	}
	static const double widths[] = {12, 20, 52};
	static const char *const heads[] = {"区分", "表示", "意味"};
	for (lxw_col_t c = 0; c < 3; c++)
		tg_xlsx_ok(x, worksheet_set_column(ws, c, c, widths[c], NULL), "column widths");
	lxw_row_t row = 0;
	tg_buf title = TG_BUF_INIT;
	tg_buf_printf(&title, "%s（%s）", name, doc->title);
	tg_xlsx_string(x, ws, name, row++, 0, title.data, x->f.title, NULL, "title");
	tg_buf_free(&title);
	row++;
	for (lxw_col_t c = 0; c < 3; c++)
		tg_xlsx_string(x, ws, name, row, c, heads[c], x->f.header, NULL, "header");
	lxw_row_t head = row++;
	for (size_t i = 0; i < doc->nlegend && !x->failed; i++, row++) {
		const tg_legend_entry *e = &doc->legend[i];
		const char *cells[] = {e->group, e->term, e->meaning};
		tg_xlsx_ok(x, worksheet_set_row(ws, row, tg_print_row_height(cells, 3, widths), NULL),
		    "row heights");
		bool first = i == 0 || strcmp(doc->legend[i - 1].group, e->group) != 0;
		tg_xlsx_string(x, ws, name, row, 0, first ? e->group : "", x->f.group, e->term, "区分");
		tg_xlsx_string(x, ws, name, row, 1, e->term, x->f.cell, e->term, "表示");
		tg_xlsx_string(x, ws, name, row, 2, e->meaning, x->f.cell, e->term, "意味");
	}
	tg_xlsx_ok(x, worksheet_repeat_rows(ws, head, head), "the print titles");
	print_setup(x, ws, (tg_page){TG_PAPER_A4, false}, 100);
	return !x->failed;
}

int
tg_xlsx_close(tg_xlsx *x)
{
	bool ok = !x->failed;
	lxw_error err = workbook_close(x->wb);
	x->wb = NULL;
	if (err != LXW_NO_ERROR) {
		tg_diag_error(x->diag, tg_pos_at(x->name, 0, 0), "cannot write: %s", lxw_strerror(err));
		ok = false;
	}
	free(x);
	return ok ? TG_EXIT_OK : TG_EXIT_IO;
}
