/* The forms' workbooks over the shared XLSX writer (see book.h). */
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "book.h"
#include "../xlsx.h"
#include "../../totsugo.h"

#define TITLE_SIZE 14
#define INPUT_FILL 0xFFF8DC	/* pale yellow: "write here" */
#define HEADER_FILL 0xDCE6F1
#define GROUP_FILL 0xEDEDED
#define BORDER_COLOR 0x9AA4B1

struct tg_book {
	tg_xlsx *x;
	lxw_workbook *wb;
	lxw_format *styles[TG_BS_COUNT];
	tg_buf sheets;		/* tg_bsheet *, owned */
};

struct tg_bsheet {
	tg_book *book;
	lxw_worksheet *ws;	/* NULL: refused (reported) */
	char *name;		/* owned: libxlsxwriter keeps the pointer */
	double *widths;		/* the columns' widths, for the print scale */
	size_t ncols;
};

static lxw_format *
base(lxw_workbook *wb, double size)
{
	lxw_format *f = workbook_add_format(wb);
	format_set_font_name(f, TG_XLSX_FONT);
	format_set_font_size(f, size);
	format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
	return f;
}

static lxw_format *
boxed(lxw_workbook *wb)
{
	lxw_format *f = base(wb, TG_PRINT_BODY_PT);
	format_set_text_wrap(f);
	format_set_border(f, LXW_BORDER_THIN);
	format_set_border_color(f, BORDER_COLOR);
	return f;
}

static void
make_styles(tg_book *b)
{
	lxw_workbook *wb = b->wb;
	lxw_format **s = b->styles;
	s[TG_BS_TITLE] = base(wb, TITLE_SIZE);
	format_set_bold(s[TG_BS_TITLE]);
	s[TG_BS_INTRO] = base(wb, TG_PRINT_BODY_PT);
	format_set_text_wrap(s[TG_BS_INTRO]);
	format_set_align(s[TG_BS_INTRO], LXW_ALIGN_VERTICAL_TOP);
	s[TG_BS_LABEL] = boxed(wb);
	format_set_bold(s[TG_BS_LABEL]);
	format_set_bg_color(s[TG_BS_LABEL], HEADER_FILL);
	s[TG_BS_VALUE] = boxed(wb);
	s[TG_BS_INPUT] = boxed(wb);
	format_set_bg_color(s[TG_BS_INPUT], INPUT_FILL);
	format_set_align(s[TG_BS_INPUT], LXW_ALIGN_VERTICAL_TOP);
	s[TG_BS_INPUT_CENTER] = boxed(wb);
	format_set_bg_color(s[TG_BS_INPUT_CENTER], INPUT_FILL);
	format_set_align(s[TG_BS_INPUT_CENTER], LXW_ALIGN_CENTER);
	s[TG_BS_INPUT_DATE] = boxed(wb);
	format_set_bg_color(s[TG_BS_INPUT_DATE], INPUT_FILL);
	format_set_num_format(s[TG_BS_INPUT_DATE], "yyyy/mm/dd");
	s[TG_BS_HEADER] = boxed(wb);
	format_set_bold(s[TG_BS_HEADER]);
	format_set_bg_color(s[TG_BS_HEADER], HEADER_FILL);
	format_set_align(s[TG_BS_HEADER], LXW_ALIGN_CENTER);
	s[TG_BS_GROUP] = boxed(wb);
	format_set_bold(s[TG_BS_GROUP]);
	format_set_bg_color(s[TG_BS_GROUP], GROUP_FILL);
	s[TG_BS_CELL] = boxed(wb);
	format_set_align(s[TG_BS_CELL], LXW_ALIGN_VERTICAL_TOP);
	s[TG_BS_CELL_CENTER] = boxed(wb);
	format_set_align(s[TG_BS_CELL_CENTER], LXW_ALIGN_CENTER);
	s[TG_BS_CALC] = boxed(wb);
	format_set_align(s[TG_BS_CALC], LXW_ALIGN_CENTER);
	s[TG_BS_CALC_PERCENT] = boxed(wb);
	format_set_align(s[TG_BS_CALC_PERCENT], LXW_ALIGN_CENTER);
	format_set_num_format(s[TG_BS_CALC_PERCENT], "0%");
	s[TG_BS_CALC_BOLD] = boxed(wb);
	format_set_bold(s[TG_BS_CALC_BOLD]);
	format_set_align(s[TG_BS_CALC_BOLD], LXW_ALIGN_CENTER);
	s[TG_BS_NUMBER] = boxed(wb);
	format_set_align(s[TG_BS_NUMBER], LXW_ALIGN_CENTER);
	s[TG_BS_MARK] = boxed(wb);
	format_set_align(s[TG_BS_MARK], LXW_ALIGN_CENTER);
	format_set_font_color(s[TG_BS_MARK], 0xB45F06);
}

tg_book *
tg_book_open(const char *path, const char *display, const tg_pdoc *doc, tg_diag *diag)
{
	tg_xlsx *x = tg_xlsx_new_any_order(path, display, doc, diag);
	if (x == NULL)
		return NULL;
	tg_book *b = tg_xcalloc(1, sizeof *b);
	b->x = x;
	b->wb = tg_xlsx_workbook(x);
	make_styles(b);
	return b;
}

bool
tg_book_close(tg_book *b)
{
	bool ok = tg_xlsx_close(b->x) == TG_EXIT_OK;
	for (size_t i = 0; i < TG_BUF_COUNT(&b->sheets, tg_bsheet *); i++) {
		tg_bsheet *s = TG_BUF_AT(&b->sheets, tg_bsheet *, i);
		free(s->name);
		free(s->widths);
		free(s);
	}
	tg_buf_free(&b->sheets);
	free(b);
	return ok;
}

tg_bsheet *
tg_book_sheet(tg_book *b, const char *name)
{
	tg_bsheet *s = tg_xcalloc(1, sizeof *s);
	s->book = b;
	s->name = tg_xstrdup(name);
	TG_BUF_PUSH(&b->sheets, tg_bsheet *, s);
	if (tg_xlsx_failed(b->x))
		return s;
	s->ws = workbook_add_worksheet(b->wb, s->name);
	if (s->ws == NULL) {
		/* A name Excel refuses or one used twice (sheet names are checked
		 * when forms load; two forms in one workbook may still clash). */
		lxw_error err = workbook_validate_sheet_name(b->wb, s->name);
		tg_buf what = TG_BUF_INIT;
		tg_buf_printf(&what, "sheet '%s'", s->name);
		tg_xlsx_ok(b->x, err != LXW_NO_ERROR ? err : LXW_ERROR_SHEETNAME_ALREADY_USED, what.data);
		tg_buf_free(&what);
	}
	return s;
}

/* Whether the sheet can be written to (nothing failed so far). */
static bool
live(const tg_bsheet *s)
{
	return s->ws != NULL && !tg_xlsx_failed(s->book->x);
}

static lxw_format *
style(const tg_bsheet *s, tg_bstyle st)
{
	return s->book->styles[st];
}

static void
cell_ok(tg_bsheet *s, lxw_error err, unsigned row, unsigned col)
{
	tg_xlsx_cell_ok(s->book->x, err, s->name, row, (lxw_col_t)col);
}

void
tg_book_columns(tg_bsheet *s, const double *widths, size_t n)
{
	free(s->widths);
	s->widths = tg_xcalloc(n ? n : 1, sizeof *s->widths);
	memcpy(s->widths, widths, n * sizeof *widths);
	s->ncols = n;
	for (size_t c = 0; c < n && live(s); c++)
		tg_xlsx_ok(s->book->x, worksheet_set_column(s->ws, (lxw_col_t)c, (lxw_col_t)c, widths[c],
		    NULL), "column widths");
}

void
tg_book_row_height(tg_bsheet *s, unsigned row, double points)
{
	if (live(s))
		tg_xlsx_ok(s->book->x, worksheet_set_row(s->ws, row, points > TG_PRINT_MAX_ROW_PT ?
		    TG_PRINT_MAX_ROW_PT : points, NULL), "row heights");
}

void
tg_book_text(tg_bsheet *s, unsigned row, unsigned col, const char *text, tg_bstyle st,
    const char *row_name, const char *col_name)
{
	if (live(s))
		tg_xlsx_string(s->book->x, s->ws, s->name, row, (lxw_col_t)col, text, style(s, st),
		    row_name, col_name);
}

void
tg_book_merge(tg_bsheet *s, unsigned row, unsigned first, unsigned last, const char *text,
    tg_bstyle st, const char *row_name, const char *col_name)
{
	if (last > first && live(s))
		cell_ok(s, worksheet_merge_range(s->ws, row, (lxw_col_t)first, row, (lxw_col_t)last, "",
		    style(s, st)), row, first);
	tg_book_text(s, row, first, text, st, row_name, col_name);
}

void
tg_book_number(tg_bsheet *s, unsigned row, unsigned col, double v, tg_bstyle st)
{
	if (live(s))
		cell_ok(s, worksheet_write_number(s->ws, row, (lxw_col_t)col, v, style(s, st)), row, col);
}

void
tg_book_formula_num(tg_bsheet *s, unsigned row, unsigned col, const char *formula, tg_bstyle st,
    double result)
{
	if (live(s))
		cell_ok(s, worksheet_write_formula_num(s->ws, row, (lxw_col_t)col, formula, style(s, st),
		    result), row, col);
}

void
tg_book_formula_str(tg_bsheet *s, unsigned row, unsigned col, const char *formula,
    tg_bstyle st, const char *result)
{
	if (live(s))
		cell_ok(s, worksheet_write_formula_str(s->ws, row, (lxw_col_t)col, formula, style(s, st),
		    result), row, col);
}

void
tg_book_list(tg_bsheet *s, unsigned first, unsigned last, unsigned col,
    const char *const *options, size_t n)
{
	if (last < first || n == 0 || !live(s))
		return;
	char **list = tg_xcalloc(n + 1, sizeof *list);
	for (size_t i = 0; i < n; i++)
		list[i] = (char *)options[i];
	lxw_data_validation v = {0};
	v.validate = LXW_VALIDATION_TYPE_LIST;
	v.value_list = list;
	v.ignore_blank = LXW_VALIDATION_ON;
	v.show_error = LXW_VALIDATION_ON;
	v.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
	v.error_title = (char *)"入力できない値です";
	v.error_message = (char *)"一覧から選んでください。";
	cell_ok(s, worksheet_data_validation_range(s->ws, first, (lxw_col_t)col, last, (lxw_col_t)col,
	    &v), first, col);
	free(list);
}

void
tg_book_print(tg_bsheet *s, bool landscape, unsigned repeat_first, unsigned repeat_last,
    const char *title)
{
	if (!live(s))
		return;
	tg_page page = {TG_PAPER_A4, landscape};
	bool fits;
	unsigned scale = tg_print_scale(s->widths, s->ncols, page, &fits);
	if (repeat_last >= repeat_first)
		tg_xlsx_ok(s->book->x, worksheet_repeat_rows(s->ws, repeat_first, repeat_last),
		    "the print titles");
	if (!fits && s->ncols > 1)
		tg_xlsx_ok(s->book->x, worksheet_repeat_columns(s->ws, 0, 0), "the print titles");
	tg_xlsx_print_setup(s->book->x, s->ws, page, scale, title);
}

void
tg_book_freeze(tg_bsheet *s, unsigned row, unsigned col)
{
	if (live(s))
		worksheet_freeze_panes(s->ws, row, (lxw_col_t)col);
}

void
tg_book_chart(tg_book *b, tg_bsheet *s, unsigned row, unsigned col, const char *title,
    const char *categories, const char *values, double min, double max)
{
	if (!live(s))
		return;
	lxw_chart *chart = workbook_add_chart(b->wb, LXW_CHART_COLUMN);
	lxw_chart_series *series = chart ? chart_add_series(chart, categories, values) : NULL;
	if (series == NULL) {
		tg_xlsx_ok(b->x, LXW_ERROR_MEMORY_MALLOC_FAILED, "the chart");
		return;
	}
	lxw_chart_fill fill = {.color = 0x4F81BD};
	chart_series_set_fill(series, &fill);
	chart_series_set_labels(series);
	chart_series_set_labels_num_format(series, "0%");
	lxw_chart_font font = {.name = (char *)TG_XLSX_FONT, .size = TG_PRINT_BODY_PT};
	lxw_chart_font title_font = {.name = (char *)TG_XLSX_FONT, .size = 12, .bold = LXW_TRUE};
	chart_title_set_name(chart, title);
	chart_title_set_name_font(chart, &title_font);
	chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
	lxw_chart_axis *y = chart->y_axis, *x = chart->x_axis;
	chart_axis_set_min(y, min);
	chart_axis_set_max(y, max);
	chart_axis_set_major_unit(y, 0.25);
	chart_axis_set_num_format(y, "0%");
	chart_axis_set_num_font(y, &font);
	chart_axis_set_num_font(x, &font);
	chart_series_set_labels_font(series, &font);
	lxw_chart_options opt = {.x_scale = 1.2, .y_scale = 1.1};
	cell_ok(s, worksheet_insert_chart_opt(s->ws, row, (lxw_col_t)col, chart, &opt), row, col);
}

void
tg_book_table(tg_book *b, const tg_ptable *t)
{
	if (!tg_xlsx_failed(b->x))
		tg_xlsx_add_table(b->x, t, true);
}

void
tg_book_cell(tg_buf *out, unsigned row, unsigned col, bool absolute)
{
	char letters[8];
	size_t n = 0;
	unsigned c = col + 1;
	while (c > 0) {
		letters[n++] = (char)('A' + (c - 1) % 26);
		c = (c - 1) / 26;
	}
	if (absolute)
		tg_buf_putc(out, '$');
	while (n > 0)
		tg_buf_putc(out, letters[--n]);
	tg_buf_printf(out, "%s%u", absolute ? "$" : "", row + 1);
}

void
tg_book_range(tg_buf *out, const char *sheet, unsigned r1, unsigned c1, unsigned r2, unsigned c2)
{
	if (sheet != NULL) {
		tg_buf_putc(out, '\'');
		for (const char *p = sheet; *p; p++) {
			if (*p == '\'')
				tg_buf_putc(out, '\'');
			tg_buf_putc(out, *p);
		}
		tg_buf_puts(out, "'!");
	}
	tg_book_cell(out, r1, c1, true);
	if (r2 != r1 || c2 != c1) {
		tg_buf_putc(out, ':');
		tg_book_cell(out, r2, c2, true);
	}
}

void
tg_book_quote(tg_buf *out, const char *s)
{
	tg_buf_putc(out, '"');
	for (; *s; s++) {
		if (*s == '"')
			tg_buf_putc(out, '"');
		tg_buf_putc(out, *s);
	}
	tg_buf_putc(out, '"');
}
