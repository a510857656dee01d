/* 突合表 as an Excel workbook (libxlsxwriter): sheets 突合表, サマリー,
 * 反映案 (or 逆引き); frozen header, autofilter, wrapped text, widths that
 * fit Japanese, a Japanese font, A4 landscape print with repeated header.
 * Cells are always strings, never formulas; a cell that Excel would turn
 * into a formula when edited (=, +, -, @, TAB, CR first) gets a leading
 * apostrophe, as in the CSV files.  Deterministic: fixed document dates. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "../../util/csv.h"
#include "../../util/utf8.h"
#include "xw.h"

#define FONT "游ゴシック"
#define LINE_HEIGHT 15.0
#define MAX_ROW_HEIGHT 409.0

typedef struct formats {
	lxw_format *header, *cell, *center, *meta;
} formats;

static unsigned
col_limit(tg_col_kind k)
{
	return k == TG_COL_SHORT ? 16 : k == TG_COL_TEXT ? 36 : 56;
}

/* Widest line of a text, in display columns (full-width = 2). */
static size_t
text_width(const char *s)
{
	size_t best = 0;
	while (*s) {
		const char *nl = strchr(s, '\n');
		size_t len = nl ? (size_t)(nl - s) : strlen(s);
		size_t w = tg_utf8_width(s, len);
		if (w > best)
			best = w;
		if (nl == NULL)
			break;
		s = nl + 1;
	}
	return best;
}

/* Lines the text takes when wrapped at `width` columns. */
static size_t
wrapped_lines(const char *s, double width)
{
	size_t lines = 0;
	if (width < 1)
		width = 1;
	for (;;) {
		const char *nl = strchr(s, '\n');
		size_t len = nl ? (size_t)(nl - s) : strlen(s);
		double w = (double)tg_utf8_width(s, len);
		size_t n = (size_t)(w / width) + 1;
		lines += n;
		if (nl == NULL)
			break;
		s = nl + 1;
	}
	return lines;
}

static void
fit_columns(lxw_worksheet *ws, const tg_vtable *t, double *widths)
{
	for (size_t c = 0; c < t->ncols; c++) {
		size_t w = text_width(t->headers[c]);
		for (size_t r = 0; r < t->nrows; r++) {
			size_t cw = text_width(tg_view_cell(t, r, c));
			if (cw > w)
				w = cw;
		}
		size_t limit = col_limit(t->kinds[c]);
		widths[c] = (double)(w > limit ? limit : w < 6 ? 6 : w) + 2.0;
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, widths[c], NULL);
	}
}

static void
write_row(lxw_worksheet *ws, const formats *f, lxw_row_t row, const char *const *cells, size_t n,
    const tg_col_kind *kinds, const double *widths, bool header)
{
	size_t lines = 1;
	for (size_t c = 0; c < n; c++) {
		size_t l = wrapped_lines(cells[c], widths[c] - 1.0);
		if (l > lines)
			lines = l;
	}
	double height = (double)lines * LINE_HEIGHT;
	worksheet_set_row(ws, row, height > MAX_ROW_HEIGHT ? MAX_ROW_HEIGHT : height, NULL);
	for (size_t c = 0; c < n; c++) {
		lxw_format *fmt = header ? f->header : kinds[c] == TG_COL_SHORT ? f->center : f->cell;
		if (tg_sheet_is_risky(cells[c])) {
			tg_buf guarded = TG_BUF_INIT;
			tg_buf_printf(&guarded, "'%s", cells[c]);
			worksheet_write_string(ws, row, (lxw_col_t)c, guarded.data, fmt);
			tg_buf_free(&guarded);
		} else {
			worksheet_write_string(ws, row, (lxw_col_t)c, cells[c], fmt);
		}
	}
}

static void
print_setup(lxw_worksheet *ws, const char *title)
{
	worksheet_set_landscape(ws);
	worksheet_set_paper(ws, 9);	/* A4 */
	worksheet_set_margins(ws, 0.4, 0.4, 0.6, 0.6);
	worksheet_repeat_rows(ws, 0, 0);
	worksheet_fit_to_pages(ws, 1, 0);
	char header[256];
	snprintf(header, sizeof header, "&L%s&R&A", title);
	worksheet_set_header(ws, header);
	worksheet_set_footer(ws, "&C&P / &N");
}

static void
sheet(lxw_workbook *wb, const formats *f, const tg_view *v, const tg_vtable *t, bool with_meta)
{
	lxw_worksheet *ws = workbook_add_worksheet(wb, t->name);
	double *widths = tg_xcalloc(t->ncols ? t->ncols : 1, sizeof *widths);
	fit_columns(ws, t, widths);
	write_row(ws, f, 0, t->headers, t->ncols, t->kinds, widths, true);
	for (size_t r = 0; r < t->nrows; r++)
		write_row(ws, f, (lxw_row_t)(r + 1), t->cells + r * t->ncols, t->ncols, t->kinds, widths,
		    false);
	if (t->nrows > 0)
		worksheet_autofilter(ws, 0, 0, (lxw_row_t)t->nrows, (lxw_col_t)(t->ncols - 1));
	worksheet_freeze_panes(ws, 1, t->ncols > 3 ? 2 : 1);
	if (with_meta) {
		lxw_row_t row = (lxw_row_t)t->nrows + 2;
		worksheet_write_string(ws, row++, 0, v->title, f->meta);
		for (size_t i = 0; i < v->nmeta; i++)
			worksheet_write_string(ws, row++, 0, v->meta[i], f->meta);
	}
	print_setup(ws, v->title);
	free(widths);
}

static lxw_format *
base_format(lxw_workbook *wb)
{
	lxw_format *fmt = workbook_add_format(wb);
	format_set_font_name(fmt, FONT);
	format_set_font_size(fmt, 10);
	format_set_text_wrap(fmt);
	format_set_align(fmt, LXW_ALIGN_VERTICAL_TOP);
	format_set_border(fmt, LXW_BORDER_THIN);
	format_set_border_color(fmt, 0xB7BEC8);
	return fmt;
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

/* Document dates come from the data (YYYY[-MM[-DD]]), never from the clock. */
static time_t
document_time(const char *date)
{
	int y = 2000, m = 1, d = 1;
	if (date != NULL)
		sscanf(date, "%d-%d-%d", &y, &m, &d);
	return (time_t)days_from_civil(y, m, d) * 86400;
}

int
tg_xw_xlsx_write(const tg_view *v, const char *subject, const char *date, const char *path,
    tg_diag *diag)
{
	lxw_workbook_options opts = {.constant_memory = LXW_TRUE, .tmpdir = NULL,
	    .use_zip64 = LXW_FALSE};
	lxw_workbook *wb = workbook_new_opt(path, &opts);
	if (wb == NULL) {
		tg_diag_error(diag, tg_pos_at(NULL, 0, 0), "cannot create workbook %s", path);
		return TG_EXIT_IO;
	}
	lxw_doc_properties props = {0};
	props.title = (char *)v->title;
	props.subject = (char *)subject;
	props.author = (char *)"totsugo";
	props.created = document_time(date);
	workbook_set_properties(wb, &props);

	formats f;
	f.cell = base_format(wb);
	f.center = base_format(wb);
	format_set_align(f.center, LXW_ALIGN_CENTER);
	f.header = base_format(wb);
	format_set_bold(f.header);
	format_set_bg_color(f.header, 0xDCE6F1);
	format_set_align(f.header, LXW_ALIGN_VERTICAL_CENTER);
	f.meta = workbook_add_format(wb);
	format_set_font_name(f.meta, FONT);
	format_set_font_size(f.meta, 10);

	for (size_t i = 0; i < v->ntables; i++)
		sheet(wb, &f, v, &v->tables[i], i == 1 || v->ntables == 1);
	lxw_error err = workbook_close(wb);
	if (err != LXW_NO_ERROR) {
		tg_diag_error(diag, tg_pos_at(NULL, 0, 0), "cannot write %s: %s", path, lxw_strerror(err));
		return TG_EXIT_IO;
	}
	return TG_EXIT_OK;
}

int
tg_xw_render_xlsx(const tg_view *v, const tg_xtable *t, const char *path, tg_diag *diag)
{
	int rc = TG_EXIT_IO;
	tg_buf tmp = TG_BUF_INIT;
	tg_buf_printf(&tmp, "%s.tmp.XXXXXX", path);
	int fd = mkstemp(tmp.data);
	if (fd < 0) {
		tg_diag_error(diag, tg_pos_at(NULL, 0, 0), "cannot write %s: %s", path, strerror(errno));
		goto out;
	}
	mode_t mask = umask(0);
	umask(mask);
	if (fchmod(fd, 0666 & ~mask) != 0) {
		close(fd);
		tg_diag_error(diag, tg_pos_at(NULL, 0, 0), "cannot write %s: %s", path, strerror(errno));
		goto out;
	}
	close(fd);
	if (tg_xw_xlsx_write(v, "突合表", t->guide->date, tmp.data, diag) != TG_EXIT_OK)
		goto out;
	if (rename(tmp.data, path) != 0) {
		tg_diag_error(diag, tg_pos_at(NULL, 0, 0), "cannot write %s: %s", path, strerror(errno));
		goto out;
	}
	rc = TG_EXIT_OK;
out:
	if (rc != TG_EXIT_OK && tmp.data != NULL)
		unlink(tmp.data);
	tg_buf_free(&tmp);
	return rc;
}
