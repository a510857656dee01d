/* The 新旧対照表 as one self-contained page: two columns 改正前 | 改正後,
 * the clause heading on the first line of each cell, changed words
 * underlined (傍線) on both sides, （新設）/（削除） opposite a clause
 * added or removed, （略） for clauses left out; prints on A4 landscape
 * with the header row repeated and page numbers. */
#include <string.h>

#include "../escape.h"
#include "../print.h"
#include "common.h"

static const char style[] =
    "body{font-family:\"Hiragino Mincho ProN\",\"Yu Mincho\",\"Noto Serif CJK JP\",serif;color:#1d2430;"
    "line-height:1.7;margin:1.5rem auto;max-width:72rem;padding:0 1rem}\n"
    "h1,dl,.note,th{font-family:\"Hiragino Kaku Gothic ProN\",\"Yu Gothic\",\"Noto Sans CJK JP\",sans-serif}\n"
    "h1{font-size:1.4rem;margin:0 0 .6rem}\n"
    "dl.header-block{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem;margin:0 0 .6rem;"
    "font-size:.9rem}dl.header-block div{display:contents}dl.header-block dt{color:#5b6472}"
    "dl.header-block dd{margin:0}\n"
    ".note{font-size:.9rem;color:#5b6472}\n"
    "table.oldnew{border-collapse:collapse;width:100%;table-layout:fixed}\n"
    "table.oldnew th,table.oldnew td{border:1px solid #9aa3ad;padding:.4rem .6rem;vertical-align:top;"
    "width:50%;overflow-wrap:anywhere}\n"
    "table.oldnew th{background:#e8edf3;text-align:center}\n"
    ".h{font-weight:bold;font-family:\"Hiragino Kaku Gothic ProN\",\"Yu Gothic\",\"Noto Sans CJK JP\","
    "sans-serif}\n"
    "u{text-decoration:underline;text-decoration-thickness:1px;text-underline-offset:2px}\n"
    "td.old u{background:#fdeaea}td.new u{background:#e6f4e1}\n"
    "td.none,tr.gap td{color:#5b6472;text-align:center}\n";

static void
esc_lines(tg_buf *out, const char *s, size_t len)
{
	size_t start = 0;
	for (size_t i = 0; i <= len; i++) {
		if (i < len && s[i] != '\n')
			continue;
		tg_esc_html(out, s + start, i - start);
		if (i < len)
			tg_buf_puts(out, "<br>");
		start = i + 1;
	}
}

/* A cell: the heading line in bold, changed pieces underlined. */
static void
side(tg_buf *out, const tg_on_row *r, bool new_side)
{
	const char *mine = new_side ? r->new_text : r->old_text;
	if (mine == NULL) {
		tg_buf_printf(out, "<td class=\"none\">%s</td>", new_side ? "（削除）" : "（新設）");
		return;
	}
	tg_buf segs = TG_BUF_INIT;
	tg_oldnew_side(r, new_side, &segs);
	tg_buf_printf(out, "<td class=\"%s\"><div class=\"h\">", new_side ? "new" : "old");
	bool heading = true;
	for (size_t i = 0; i < TG_BUF_COUNT(&segs, tg_on_seg); i++) {
		const tg_on_seg *sg = &TG_BUF_AT(&segs, tg_on_seg, i);
		const char *s = sg->s;
		size_t len = sg->len;
		while (len > 0) {
			const char *nl = heading ? memchr(s, '\n', len) : NULL;
			size_t n = nl ? (size_t)(nl - s) : len;
			if (n > 0) {
				if (sg->changed)
					tg_buf_puts(out, "<u>");
				esc_lines(out, s, n);
				if (sg->changed)
					tg_buf_puts(out, "</u>");
			}
			if (nl == NULL)
				break;
			tg_buf_puts(out, "</div><div>");
			heading = false;
			s = nl + 1;
			len -= n + 1;
		}
	}
	tg_buf_puts(out, "</div></td>");
	tg_buf_free(&segs);
}

static void
field(tg_buf *out, const char *key, const char *dir, const char *title, const char *source)
{
	tg_buf_puts(out, "<div><dt>");
	tg_esc_html(out, key, strlen(key));
	tg_buf_puts(out, "</dt><dd>");
	if (title != NULL) {
		tg_esc_html(out, title, strlen(title));
		tg_buf_puts(out, "（");
	}
	tg_esc_html(out, dir, strlen(dir));
	tg_buf_puts(out, "／");
	tg_esc_html(out, source, strlen(source));
	if (title != NULL)
		tg_buf_puts(out, "）");
	tg_buf_puts(out, "</dd></div>\n");
}

void
tg_oldnew_render_html(const tg_oldnew *on, tg_buf *out)
{
	tg_html_begin(out, TG_HTML_STYLES);
	tg_buf_puts(out, "新旧対照表");
	if (on->new_title != NULL) {
		tg_buf_puts(out, "：");
		tg_esc_html(out, on->new_title, strlen(on->new_title));
	}
	tg_buf_printf(out, "</title>\n<style>\n%s", style);
	tg_print_html_css(out, (tg_page){TG_PAPER_A4, true});
	tg_buf_puts(out, "</style>\n</head>\n<body>\n<h1>新旧対照表</h1>\n<dl class=\"header-block\">\n");
	field(out, "改正前", on->old_dir, on->old_title, on->old_source);
	field(out, "改正後", on->new_dir, on->new_title, on->new_source);
	tg_buf_printf(out, "<div><dt>条項</dt><dd>変更 %zu、新設 %zu、削除 %zu、変更なし %zu</dd></div>\n"
	    "</dl>\n<p class=\"note\">下線（傍線）を付した部分が改正部分である。変更のない条項は"
	    "「（略）」とした。</p>\n", on->changed, on->added, on->removed, on->unchanged);
	tg_buf_puts(out, "<table class=\"oldnew\">\n<thead><tr><th scope=\"col\">改正前</th>"
	    "<th scope=\"col\">改正後</th></tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < on->nrows; i++) {
		const tg_on_row *r = &on->rows[i];
		if (r->kind == TG_ON_GAP) {
			tg_buf_printf(out, "<tr class=\"gap\" data-clauses=\"%zu\"><td>（略）</td>"
			    "<td>（略）</td></tr>\n", r->gap);
			continue;
		}
		tg_buf_puts(out, "<tr>");
		side(out, r, false);
		side(out, r, true);
		tg_buf_puts(out, "</tr>\n");
	}
	tg_buf_puts(out, "</tbody>\n</table>\n</body>\n</html>\n");
}
