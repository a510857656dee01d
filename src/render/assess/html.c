/* The assessment report as one self-contained HTML page (no network),
 * printable on A4 landscape with repeated table headers. */
#include <string.h>

#include "../escape.h"
#include "ar.h"

static const char style[] =
    "<style>\n"
    ":root{--line:#c9ced6;--head:#e8edf3;--muted:#5b6472}\n"
    "body{font-family:\"Hiragino Kaku Gothic ProN\",\"Yu Gothic\",\"Noto Sans CJK JP\",Meiryo,sans-serif;"
    "margin:1.5rem;color:#1d2430;line-height:1.55}\n"
    "h1{font-size:1.4rem;margin:0 0 .5rem}h2{font-size:1.15rem;margin:2rem 0 .5rem;"
    "border-bottom:2px solid var(--head)}\n"
    ".meta{color:var(--muted);font-size:.9rem;margin:0 0 1rem;padding-left:1.2rem}\n"
    "table{border-collapse:collapse;font-size:.85rem;margin:.5rem 0 1rem}\n"
    "th,td{border:1px solid var(--line);padding:.35rem .5rem;vertical-align:top;text-align:left}\n"
    "th{background:var(--head);white-space:nowrap}td.n{text-align:center;white-space:nowrap}\n"
    "td{min-width:5rem}td.n{min-width:0}\n"
    "@media print{@page{size:A4 landscape;margin:12mm}body{margin:0;font-size:9pt}"
    "table{font-size:8.5pt}thead{display:table-header-group}tr{break-inside:avoid}"
    "h2{break-after:avoid}}\n"
    "</style>\n";

static void
esc(tg_buf *out, const char *s)
{
	tg_esc_html(out, s, strlen(s));
}

static void
table(const tg_ar_table *t, tg_buf *out)
{
	tg_buf_puts(out, "<table>\n<thead><tr>");
	for (size_t c = 0; c < t->ncols; c++) {
		tg_buf_puts(out, "<th>");
		esc(out, t->headers[c]);
		tg_buf_puts(out, "</th>");
	}
	tg_buf_puts(out, "</tr></thead>\n<tbody>\n");
	for (size_t r = 0; r < t->nrows; r++) {
		tg_buf_puts(out, "<tr>");
		for (size_t c = 0; c < t->ncols; c++) {
			tg_buf_puts(out, t->narrow[c] ? "<td class=\"n\">" : "<td>");
			tg_esc_html_lines(out, tg_ar_cell(t, r, c));
			tg_buf_puts(out, "</td>");
		}
		tg_buf_puts(out, "</tr>\n");
	}
	tg_buf_puts(out, "</tbody>\n</table>\n");
}

void
tg_ar_html(const tg_ar_report *r, tg_buf *out)
{
	tg_html_begin(out, TG_HTML_STYLES);
	esc(out, r->title);
	tg_buf_puts(out, "</title>\n");
	tg_buf_puts(out, style);
	tg_buf_puts(out, "</head>\n<body>\n<h1>");
	esc(out, r->title);
	tg_buf_puts(out, "</h1>\n<ul class=\"meta\">\n");
	for (size_t i = 0; i < r->nmeta; i++) {
		tg_buf_puts(out, "<li>");
		esc(out, r->meta[i]);
		tg_buf_puts(out, "</li>\n");
	}
	tg_buf_puts(out, "</ul>\n");
	for (size_t s = 0; s < r->nsections; s++) {
		const tg_ar_section *sec = &r->sections[s];
		tg_buf_puts(out, "<h2>");
		esc(out, sec->title);
		tg_buf_puts(out, "</h2>\n");
		for (size_t p = 0; p < sec->nparagraphs; p++) {
			tg_buf_puts(out, "<p>");
			esc(out, sec->paragraphs[p]);
			tg_buf_puts(out, "</p>\n");
		}
		if (sec->table != NULL && sec->table->nrows > 0)
			table(sec->table, out);
	}
	tg_buf_puts(out, "</body>\n</html>\n");
}
