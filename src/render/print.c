/* Print rules shared by the table outputs: column widths fitted to the
 * paper, the print scale, greyed "none" cells, and the header block,
 * legend and print CSS of pages (see print.h). */
#include "print.h"

#include <stdlib.h>
#include <string.h>

#include "../util/utf8.h"
#include "escape.h"

/* Paper sizes in points (portrait) and the XLSX side margins (0.4 in). */
static const double paper_pt[][2] = {{595.3, 841.9}, {841.9, 1190.6}};
#define SIDE_MARGIN_PT 28.8

/* Excel column widths are in units of the digit width of the workbook's
 * default font, Calibri 11 pt (7 px; LibreOffice measures it with Carlito,
 * metric-compatible): a column of w units is 7w + 5 px, 0.75 pt a pixel.
 * Body text at 10 pt takes 13.3 px a full-width character and about half
 * that for ASCII. */
#define UNIT_PX 7.0
#define PAD_PX 5.0
#define HALF_PX (TG_PRINT_BODY_PT * 96.0 / 72.0 / 2.0)
/* A wrapped line of 10 pt text: ＭＳ Ｐゴシック in Excel takes about 13 pt,
 * Noto Sans CJK (LibreOffice's stand-in on Linux) 13.9 pt.  (游ゴシック
 * would take 17: its line gap is large, and rows sized for it look half
 * empty elsewhere.) */
#define LINE_PT 14.4

static double
width_pt(double units)
{
	return (UNIT_PX * units + PAD_PX) * 0.75;
}

/* Units a text of `cols` display columns needs on one line. */
static double
cols_units(size_t cols)
{
	return (double)cols * HALF_PX / UNIT_PX + 1.5;
}

double
tg_print_page_width(tg_page page)
{
	const double *p = paper_pt[page.paper == TG_PAPER_A3];
	return (page.landscape ? p[1] : p[0]) - 2 * SIDE_MARGIN_PT;
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

/* Per kind: the narrowest a column may get (wrapping), and the widest its
 * contents make it before the page asks. */
static void
kind_limits(tg_col_kind k, double *min, double *cap)
{
	switch (k) {
	case TG_COL_SHORT: *min = 7; *cap = 15; break;
	case TG_COL_NUMBER: *min = 6; *cap = 12; break;
	case TG_COL_TEXT: *min = 11; *cap = 34; break;
	default: *min = 20; *cap = 56; break;
	}
}

static double
total_pt(const double *w, size_t n)
{
	double t = 0;
	for (size_t i = 0; i < n; i++)
		t += width_pt(w[i]);
	return t;
}

/* Display columns that fit on one line of a column of `units`. */
static double
line_cols(double units)
{
	double per_line = (UNIT_PX * units + PAD_PX - 8.0) / HALF_PX;
	return per_line < 2 ? 2 : per_line;
}

/* Lines of one hard line of `w` display columns; Japanese line breaking
 * (no 。、） at a line start, no （ at its end) can push a character down:
 * a full-width character short per line. */
static size_t
line_count(double w, double per_line)
{
	if (w <= per_line)
		return 1;
	double usable = per_line - 2.0;
	size_t n = (size_t)(w / usable);
	return (double)n * usable < w ? n + 1 : n;
}

/* The hard lines of every cell (header row first) as display widths. */
typedef struct layout {
	size_t nrows, ncols;	/* nrows counts the header row */
	size_t *at;		/* [nrows * ncols + 1] into w */
	double *w;
	size_t *lines;		/* [nrows * ncols] at the current widths */
} layout;

static void
add_lines(tg_buf *ws, const char *s)
{
	for (;;) {
		const char *nl = strchr(s, '\n');
		size_t len = nl ? (size_t)(nl - s) : strlen(s);
		TG_BUF_PUSH(ws, double, (double)tg_utf8_width(s, len));
		if (nl == NULL)
			break;
		s = nl + 1;
	}
}

static size_t
cell_lines(const layout *l, size_t r, size_t c, double units)
{
	double per = line_cols(units);
	size_t n = 0;
	for (size_t k = l->at[r * l->ncols + c]; k < l->at[r * l->ncols + c + 1]; k++)
		n += line_count(l->w[k], per);
	return n;
}

/* Lines a row may take before Excel's tallest row (409 pt) would cut it,
 * with a margin: the estimate of wrapped lines is not exact. */
static size_t
max_row_lines(void)
{
	return (size_t)((TG_PRINT_MAX_ROW_PT - 4.0) / LINE_PT * 0.85);
}

/* Total height (in lines) if column c had `units`.  A row past the
 * tallest height Excel allows would be cut: its lines beyond cost much
 * more, so that the room goes to the column that causes it. */
static size_t
height_with(const layout *l, size_t c, double units)
{
	size_t total = 0, max_lines = max_row_lines();
	for (size_t r = 0; r < l->nrows; r++) {
		size_t best = units > 0 ? cell_lines(l, r, c, units) : 0;
		for (size_t k = 0; k < l->ncols; k++)
			if (k != c && l->lines[r * l->ncols + k] > best)
				best = l->lines[r * l->ncols + k];
		total += best + (best > max_lines ? (best - max_lines) * 50 : 0);
	}
	return total;
}

/* From the narrowest widths, give the room step by step to the column
 * whose widening saves the most wrapped lines over the whole table, up
 * to the widths the contents ask for; what is left goes to the columns
 * still short of their widest line. */
/* Returns the lines of the tallest row. */
static size_t
fit_widths(const tg_ptable *t, const double *min, const double *natural, double room, double *w)
{
	size_t n = t->ncols;
	layout l = {t->nrows + 1, n, NULL, NULL, NULL};
	tg_buf ws = TG_BUF_INIT;
	l.at = tg_xcalloc(l.nrows * n + 1, sizeof *l.at);
	for (size_t r = 0; r < l.nrows; r++)
		for (size_t c = 0; c < n; c++) {
			l.at[r * n + c] = TG_BUF_COUNT(&ws, double);
			add_lines(&ws, r == 0 ? t->headers[c] : t->cells[(r - 1) * n + c]);
		}
	l.at[l.nrows * n] = TG_BUF_COUNT(&ws, double);
	l.w = (double *)(void *)ws.data;
	l.lines = tg_xcalloc(l.nrows * n, sizeof *l.lines);
	for (size_t c = 0; c < n; c++)
		w[c] = min[c];
	for (size_t r = 0; r < l.nrows; r++)
		for (size_t c = 0; c < n; c++)
			l.lines[r * n + c] = cell_lines(&l, r, c, w[c]);
	double spare = (room - total_pt(w, n)) / (UNIT_PX * 0.75);
	double step = spare / 40 > 1 ? spare / 40 : 1;
	while (spare >= step) {
		/* The best saving per unit of width, looking a few steps ahead:
		 * one step may save nothing where four save a line in every
		 * row. */
		size_t now = height_with(&l, 0, w[0]), best = n;
		double best_rate = 0, best_width = 0;
		for (size_t c = 0; c < n; c++) {
			for (double k = 1; k <= 8; k *= 2) {
				double wider = w[c] + step * k;
				if (wider > natural[c] + 0.01 || step * k > spare + 0.01)
					break;
				size_t h = height_with(&l, c, wider);
				double rate = h < now ? (double)(now - h) / k : 0;
				if (rate > best_rate) {
					best_rate = rate;
					best = c;
					best_width = step * k;
				}
			}
		}
		if (best == n)
			break;
		w[best] += best_width;
		spare -= best_width;
		for (size_t r = 0; r < l.nrows; r++)
			l.lines[r * n + best] = cell_lines(&l, r, best, w[best]);
	}
	double want = 0;
	for (size_t c = 0; c < n; c++)
		want += natural[c] - w[c];
	if (want > 0 && spare > 0) {
		double f = spare / want > 1 ? 1 : spare / want;
		for (size_t c = 0; c < n; c++)
			w[c] += (natural[c] - w[c]) * f;
	}
	for (size_t c = 0; c < n; c++)	/* whole tenths: stable numbers in the XML */
		w[c] = (double)(long)(w[c] * 10.0) / 10.0;
	size_t tallest = 0;
	for (size_t r = 0; r < l.nrows; r++)
		for (size_t c = 0; c < n; c++)
			if (cell_lines(&l, r, c, w[c]) > tallest)
				tallest = cell_lines(&l, r, c, w[c]);
	free(l.at);
	free(l.lines);
	tg_buf_free(&ws);
	return tallest;
}

void
tg_print_fit_table(const tg_ptable *t, tg_print_fit *fit)
{
	size_t n = t->ncols ? t->ncols : 1;
	double *min = tg_xcalloc(n, sizeof *min), *natural = tg_xcalloc(n, sizeof *natural);
	fit->widths = tg_xcalloc(n, sizeof *fit->widths);
	for (size_t c = 0; c < t->ncols; c++) {
		double lo, cap;
		kind_limits(t->kinds[c], &lo, &cap);
		size_t w = 0;
		for (size_t r = 0; r < t->nrows; r++) {
			size_t cw = text_width(t->cells[r * t->ncols + c]);
			if (cw > w)
				w = cw;
		}
		/* Headers wrap too, but should not need more than two lines. */
		size_t hw = (text_width(t->headers[c]) + 1) / 2;
		if (hw > w)
			w = hw;
		double want = cols_units(w);
		min[c] = want < lo ? (want < 5 ? 5 : want) : lo;
		/* Up to 1.6 × the kind's width when the contents ask for it: the
		 * fitting only goes there when that saves lines (rows Excel
		 * would cut, above all). */
		cap *= 1.6;
		natural[c] = want > cap ? cap : want < min[c] ? min[c] : want;
	}
	/* LibreOffice measures the units about 5 % wider than Excel (7.3 px
	 * against 7): keep room for it. */
	double room = tg_print_page_width(t->page) * 0.93;
	double at_min = total_pt(min, t->ncols);
	fit->scale = 100;
	if (at_min > room) {
		double s = 100.0 * room / at_min;
		fit->scale = s < TG_PRINT_MIN_SCALE ? TG_PRINT_MIN_SCALE : (unsigned)s;
	}
	/* A row taller than Excel allows would be cut: a smaller scale (never
	 * below the 8 pt floor) gives its columns more room — as long as that
	 * makes the tallest row shorter (not when its lines are its own). */
	double room_scaled = room * 100.0 / fit->scale;
	size_t tallest = fit_widths(t, min, natural, room_scaled, fit->widths);
	double *trial = tg_xcalloc(n, sizeof *trial);
	while ((double)tallest * LINE_PT + 4.0 > TG_PRINT_MAX_ROW_PT &&
	    fit->scale > TG_PRINT_MIN_SCALE) {
		unsigned scale = fit->scale - 3 < TG_PRINT_MIN_SCALE ? TG_PRINT_MIN_SCALE : fit->scale - 3;
		double r = room * 100.0 / scale;
		size_t lines = fit_widths(t, min, natural, r, trial);
		if (lines >= tallest)
			break;
		fit->scale = scale;
		room_scaled = r;
		tallest = lines;
		memcpy(fit->widths, trial, n * sizeof *trial);
	}
	free(trial);
	fit->fits = total_pt(fit->widths, t->ncols) <= room_scaled + 0.5;
	free(min);
	free(natural);
}

void
tg_print_fit_free(tg_print_fit *fit)
{
	free(fit->widths);
	fit->widths = NULL;
}

/* Lines a text takes in a column of `units`, wrapped. */
static size_t
wrapped_lines(const char *s, double units)
{
	double per = line_cols(units);
	size_t lines = 0;
	for (;;) {
		const char *nl = strchr(s, '\n');
		size_t len = nl ? (size_t)(nl - s) : strlen(s);
		lines += line_count((double)tg_utf8_width(s, len), per);
		if (nl == NULL)
			break;
		s = nl + 1;
	}
	return lines;
}

double
tg_print_row_height(const char *const *cells, size_t ncols, const double *widths)
{
	size_t lines = 1;
	for (size_t c = 0; c < ncols; c++) {
		size_t l = wrapped_lines(cells[c], widths[c]);
		if (l > lines)
			lines = l;
	}
	double h = (double)lines * LINE_PT + 4.0;
	return h > TG_PRINT_MAX_ROW_PT ? TG_PRINT_MAX_ROW_PT : h;
}

bool
tg_print_is_none(const tg_ptable *t, const char *cell)
{
	return strcmp(cell, TG_PRINT_DASH) == 0 || (t->none != NULL && strcmp(cell, t->none) == 0);
}

bool
tg_print_is_count(const char *cell, double *value)
{
	size_t n = strlen(cell);
	if (n == 0 || n > 15)
		return false;
	for (size_t i = 0; i < n; i++)
		if (cell[i] < '0' || cell[i] > '9' || (i == 0 && cell[i] == '0' && n > 1))
			return false;
	*value = strtod(cell, NULL);
	return true;
}

#define FIELD_SEP "　／　"

void
tg_print_field_lines(const tg_pdoc *doc, size_t width, tg_buf *lines)
{
	tg_buf line = TG_BUF_INIT, one = TG_BUF_INIT;
	for (size_t i = 0; i < doc->nfields; i++) {
		tg_buf_clear(&one);
		tg_buf_printf(&one, "%s：%s", doc->fields[i].key, doc->fields[i].value);
		size_t w = tg_utf8_width(line.data ? line.data : "", line.len);
		size_t add = tg_utf8_width(one.data, one.len) + 6;
		if (line.len > 0 && w + add > width) {
			char *s = tg_buf_detach(&line);
			TG_BUF_PUSH(lines, char *, s);
		}
		if (line.len > 0)
			tg_buf_puts(&line, FIELD_SEP);
		tg_buf_put(&line, one.data, one.len);
	}
	if (line.len > 0) {
		char *s = tg_buf_detach(&line);
		TG_BUF_PUSH(lines, char *, s);
	}
	tg_buf_free(&line);
	tg_buf_free(&one);
}

/* ---- HTML ---- */

static void
esc(tg_buf *out, const char *s)
{
	tg_esc_html(out, s, strlen(s));
}

void
tg_print_html_css(tg_buf *out, tg_page page)
{
	tg_buf_printf(out, "@media print{\n"
	    "@page{size:%s %s;margin:10mm 8mm 12mm;"
	    "@bottom-center{content:counter(page) \" / \" counter(pages);font-size:8pt;color:#5b6472}}\n",
	    page.paper == TG_PAPER_A3 ? "A3" : "A4", page.landscape ? "landscape" : "portrait");
	tg_buf_puts(out, "html{-webkit-print-color-adjust:exact;print-color-adjust:exact}\n"
	    "body{margin:0;font-size:9pt}\n"
	    ".wrap{overflow:visible;max-height:none;border:0}\n"
	    "table{table-layout:fixed;width:100%;min-width:0;font-size:8pt}\n"
	    "th,td{min-width:0!important;overflow-wrap:anywhere;word-break:normal;line-break:strict}\n"
	    "td.s{white-space:normal}\n"
	    "thead{display:table-header-group}thead th{position:static}\n"
	    "tr{break-inside:avoid}h2{break-after:avoid}\n"
	    ".legend,.header-block{break-inside:avoid}\n"
	    "}\n");
}

void
tg_print_html_header(tg_buf *out, const tg_pdoc *doc)
{
	tg_buf_puts(out, "<dl class=\"header-block\">\n");
	for (size_t i = 0; i < doc->nfields; i++) {
		tg_buf_puts(out, "<div><dt>");
		esc(out, doc->fields[i].key);
		tg_buf_puts(out, "</dt><dd>");
		esc(out, doc->fields[i].value);
		tg_buf_puts(out, "</dd></div>\n");
	}
	tg_buf_puts(out, "</dl>\n");
	for (size_t i = 0; i < doc->nnotes; i++) {
		tg_buf_puts(out, "<p class=\"note\">");
		esc(out, doc->notes[i]);
		tg_buf_puts(out, "</p>\n");
	}
}

void
tg_print_html_legend(tg_buf *out, const tg_pdoc *doc)
{
	if (doc->nlegend == 0)
		return;
	tg_buf_puts(out, "<section class=\"legend\">\n<h2>");
	esc(out, doc->legend_name ? doc->legend_name : "凡例");
	tg_buf_puts(out, "</h2>\n<table>\n<colgroup><col style=\"width:12%\"><col style=\"width:18%\">"
	    "<col style=\"width:70%\"></colgroup>\n<thead><tr><th scope=\"col\">区分</th>"
	    "<th scope=\"col\">表示</th><th scope=\"col\">意味</th></tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < doc->nlegend; i++) {
		const tg_legend_entry *e = &doc->legend[i];
		bool first = i == 0 || strcmp(doc->legend[i - 1].group, e->group) != 0;
		tg_buf_puts(out, "<tr><th scope=\"row\">");
		if (first)
			esc(out, e->group);
		tg_buf_puts(out, "</th><td>");
		esc(out, e->term);
		tg_buf_puts(out, "</td><td>");
		tg_esc_html_lines(out, e->meaning);
		tg_buf_puts(out, "</td></tr>\n");
	}
	tg_buf_puts(out, "</tbody>\n</table>\n</section>\n");
}

void
tg_print_html_colgroup(tg_buf *out, const tg_ptable *t)
{
	tg_print_fit fit;
	tg_print_fit_table(t, &fit);
	double sum = 0;
	for (size_t c = 0; c < t->ncols; c++)
		sum += fit.widths[c];
	tg_buf_puts(out, "<colgroup>");
	for (size_t c = 0; c < t->ncols; c++)
		tg_buf_printf(out, "<col style=\"width:%.1f%%\">",
		    sum > 0 ? (double)(long)(fit.widths[c] * 1000.0 / sum) / 10.0 : 0.0);
	tg_buf_puts(out, "</colgroup>\n");
	tg_print_fit_free(&fit);
}

/* ---- Markdown ---- */

void
tg_print_md_header(tg_buf *out, const tg_pdoc *doc)
{
	for (size_t i = 0; i < doc->nfields; i++) {
		tg_buf_puts(out, "- ");
		tg_esc_md_text(out, doc->fields[i].key);
		tg_buf_puts(out, "：");
		tg_esc_md_text(out, doc->fields[i].value);
		tg_buf_putc(out, '\n');
	}
	for (size_t i = 0; i < doc->nnotes; i++) {
		tg_buf_putc(out, '\n');
		tg_esc_md_text(out, doc->notes[i]);
		tg_buf_putc(out, '\n');
	}
}

void
tg_print_md_legend(tg_buf *out, const tg_pdoc *doc)
{
	if (doc->nlegend == 0)
		return;
	tg_buf_puts(out, "\n## ");
	tg_esc_md_text(out, doc->legend_name ? doc->legend_name : "凡例");
	tg_buf_puts(out, "\n\n| 区分 | 表示 | 意味 |\n|---|---|---|\n");
	for (size_t i = 0; i < doc->nlegend; i++) {
		const tg_legend_entry *e = &doc->legend[i];
		bool first = i == 0 || strcmp(doc->legend[i - 1].group, e->group) != 0;
		tg_buf_puts(out, "| ");
		if (first)
			tg_esc_md_cell(out, e->group);
		tg_buf_puts(out, " | ");
		tg_esc_md_cell(out, e->term);
		tg_buf_puts(out, " | ");
		tg_esc_md_cell(out, e->meaning);
		tg_buf_puts(out, " |\n");
	}
}
