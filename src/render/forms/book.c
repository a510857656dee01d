/* The forms' workbooks over libxlsxwriter (see book.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <xlsxwriter.h>

#include "book.h"
#include "../../util/csv.h"
#include "../../util/utf8.h"

#define FONT "游ゴシック"
#define BODY_SIZE 10
#define LINE_HEIGHT 14.0
#define MAX_ROW_HEIGHT 409.0
#define INPUT_FILL 0xFFF8DC	/* pale yellow: "write here" */
#define HEADER_FILL 0xDCE6F1
#define GROUP_FILL 0xEDEDED
#define BORDER_COLOR 0x9AA4B1

struct tg_book {
	lxw_workbook *wb;
	lxw_format *styles[TG_BS_COUNT];
	const char *display;
	tg_buf names;		/* sheet names, owned (libxlsxwriter keeps pointers) */
	tg_buf sheets;		/* tg_bsheet *, owned */
};

struct tg_bsheet {
	lxw_worksheet *ws;
	tg_book *book;
};

static lxw_worksheet *
ws_of(tg_bsheet *s)
{
	return s->ws;
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

static lxw_format *
base(lxw_workbook *wb, double size)
{
	lxw_format *f = workbook_add_format(wb);
	format_set_font_name(f, FONT);
	format_set_font_size(f, size);
	format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
	return f;
}

static lxw_format *
boxed(lxw_workbook *wb)
{
	lxw_format *f = base(wb, BODY_SIZE);
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
	s[TG_BS_TITLE] = base(wb, 14);
	format_set_bold(s[TG_BS_TITLE]);
	s[TG_BS_INTRO] = base(wb, BODY_SIZE);
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
tg_book_open(const char *path, const char *display, const char *title, const char *subject,
    const char *date, tg_diag *diag)
{
	lxw_workbook_options opts = {.constant_memory = LXW_FALSE, .tmpdir = NULL,
	    .use_zip64 = LXW_FALSE};
	lxw_workbook *wb = workbook_new_opt(path, &opts);
	if (wb == NULL) {
		tg_diag_error(diag, tg_pos_at(NULL, 0, 0), "cannot create workbook %s", display);
		return NULL;
	}
	tg_book *b = tg_xcalloc(1, sizeof *b);
	b->wb = wb;
	b->display = display;
	int y = 2000, m = 1, d = 1;
	if (date != NULL)
		sscanf(date, "%d-%d-%d", &y, &m, &d);
	lxw_doc_properties props = {0};
	props.title = (char *)title;
	props.subject = (char *)subject;
	props.author = (char *)"totsugo";
	props.created = (time_t)days_from_civil(y, m, d) * 86400;
	workbook_set_properties(wb, &props);
	make_styles(b);
	return b;
}

bool
tg_book_close(tg_book *b, tg_diag *diag)
{
	lxw_error err = workbook_close(b->wb);
	bool ok = err == LXW_NO_ERROR;
	if (!ok)
		tg_diag_error(diag, tg_pos_at(NULL, 0, 0), "cannot write %s: %s", b->display,
		    lxw_strerror(err));
	for (size_t i = 0; i < TG_BUF_COUNT(&b->names, char *); i++)
		free(TG_BUF_AT(&b->names, char *, i));
	tg_buf_free(&b->names);
	for (size_t i = 0; i < TG_BUF_COUNT(&b->sheets, tg_bsheet *); i++)
		free(TG_BUF_AT(&b->sheets, tg_bsheet *, i));
	tg_buf_free(&b->sheets);
	free(b);
	return ok;
}

tg_bsheet *
tg_book_sheet(tg_book *b, const char *name)
{
	char *copy = tg_xstrdup(name);
	TG_BUF_PUSH(&b->names, char *, copy);
	tg_bsheet *s = tg_xcalloc(1, sizeof *s);
	s->ws = workbook_add_worksheet(b->wb, copy);
	s->book = b;
	TG_BUF_PUSH(&b->sheets, tg_bsheet *, s);
	return s;
}

void
tg_book_columns(tg_bsheet *s, const double *widths, size_t n)
{
	for (size_t c = 0; c < n; c++)
		worksheet_set_column(ws_of(s), (lxw_col_t)c, (lxw_col_t)c, widths[c], NULL);
}

void
tg_book_row_height(tg_bsheet *s, unsigned row, double points)
{
	worksheet_set_row(ws_of(s), row, points > MAX_ROW_HEIGHT ? MAX_ROW_HEIGHT : points, NULL);
}

static lxw_format *
style(tg_bsheet *s, tg_bstyle st)
{
	return s->book->styles[st];
}

void
tg_book_text(tg_bsheet *s, unsigned row, unsigned col, const char *text, tg_bstyle st)
{
	if (text == NULL || *text == '\0') {
		worksheet_write_blank(ws_of(s), row, (lxw_col_t)col, style(s, st));
		return;
	}
	if (tg_sheet_is_risky(text)) {
		tg_buf guarded = TG_BUF_INIT;
		tg_buf_printf(&guarded, "'%s", text);
		worksheet_write_string(ws_of(s), row, (lxw_col_t)col, guarded.data, style(s, st));
		tg_buf_free(&guarded);
		return;
	}
	worksheet_write_string(ws_of(s), row, (lxw_col_t)col, text, style(s, st));
}

void
tg_book_merge(tg_bsheet *s, unsigned row, unsigned first, unsigned last, const char *text,
    tg_bstyle st)
{
	if (last <= first) {
		tg_book_text(s, row, first, text, st);
		return;
	}
	worksheet_merge_range(ws_of(s), row, (lxw_col_t)first, row, (lxw_col_t)last, "", style(s, st));
	tg_book_text(s, row, first, text, st);
}

void
tg_book_number(tg_bsheet *s, unsigned row, unsigned col, double v, tg_bstyle st)
{
	worksheet_write_number(ws_of(s), row, (lxw_col_t)col, v, style(s, st));
}

void
tg_book_formula_num(tg_bsheet *s, unsigned row, unsigned col, const char *formula, tg_bstyle st,
    double result)
{
	worksheet_write_formula_num(ws_of(s), row, (lxw_col_t)col, formula, style(s, st), result);
}

void
tg_book_formula_str(tg_bsheet *s, unsigned row, unsigned col, const char *formula, tg_bstyle st,
    const char *result)
{
	worksheet_write_formula_str(ws_of(s), row, (lxw_col_t)col, formula, style(s, st), result);
}

void
tg_book_list(tg_bsheet *s, unsigned first, unsigned last, unsigned col,
    const char *const *options, size_t n)
{
	if (last < first || n == 0)
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
	worksheet_data_validation_range(ws_of(s), first, (lxw_col_t)col, last, (lxw_col_t)col, &v);
	free(list);
}

void
tg_book_print(tg_bsheet *s, bool landscape, unsigned repeat_first, unsigned repeat_last,
    const char *title)
{
	lxw_worksheet *ws = ws_of(s);
	if (landscape)
		worksheet_set_landscape(ws);
	else
		worksheet_set_portrait(ws);
	worksheet_set_paper(ws, 9);	/* A4 */
	worksheet_set_margins(ws, 0.4, 0.4, 0.6, 0.6);
	if (repeat_last >= repeat_first)
		worksheet_repeat_rows(ws, repeat_first, repeat_last);
	worksheet_fit_to_pages(ws, 1, 0);
	tg_buf header = TG_BUF_INIT;
	tg_buf_puts(&header, "&L");
	for (const char *p = title; *p; p++)
		tg_buf_puts(&header, *p == '&' ? "&&" : (char[2]){*p, 0});
	tg_buf_puts(&header, "&R&A");
	worksheet_set_header(ws, header.data);
	worksheet_set_footer(ws, "&C&P / &N");
	tg_buf_free(&header);
}

void
tg_book_freeze(tg_bsheet *s, unsigned row, unsigned col)
{
	worksheet_freeze_panes(ws_of(s), row, (lxw_col_t)col);
}

void
tg_book_chart(tg_book *b, tg_bsheet *s, unsigned row, unsigned col, const char *title,
    const char *categories, const char *values, double min, double max)
{
	lxw_chart *chart = workbook_add_chart(b->wb, LXW_CHART_COLUMN);
	lxw_chart_series *series = chart_add_series(chart, categories, values);
	lxw_chart_fill fill = {.color = 0x4F81BD};
	chart_series_set_fill(series, &fill);
	chart_series_set_labels(series);
	chart_series_set_labels_num_format(series, "0%");
	lxw_chart_font font = {.name = (char *)FONT, .size = 10};
	lxw_chart_font title_font = {.name = (char *)FONT, .size = 12, .bold = LXW_TRUE};
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
	worksheet_insert_chart_opt(ws_of(s), row, (lxw_col_t)col, chart, &opt);
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

size_t
tg_book_lines(const char *s, double width)
{
	size_t lines = 0;
	if (s == NULL)
		return 1;
	if (width < 2)
		width = 2;
	for (;;) {
		const char *nl = strchr(s, '\n');
		size_t len = nl ? (size_t)(nl - s) : strlen(s);
		/* A full-width character takes a little under two width units
		 * (the callers keep a unit of margin). */
		double w = (double)tg_utf8_width(s, len);
		lines += (size_t)(w / width) + 1;
		if (nl == NULL)
			break;
		s = nl + 1;
	}
	return lines;
}

double
tg_book_line_height(size_t lines)
{
	double h = (double)lines * LINE_HEIGHT + 4;
	return h > MAX_ROW_HEIGHT ? MAX_ROW_HEIGHT : h;
}
