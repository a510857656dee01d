/* 突合表 as one self-contained HTML page: inline CSS and script, no
 * network, sticky headers, level / chapter / text filters that work
 * offline; the header block, the legend and the print rules (paper, the
 * table wrapped to the page width, page numbers) of render/print.c. */
#include <string.h>

#include "../escape.h"
#include "xw.h"

static const char style[] =
    ":root{--line:#c9ced6;--head:#e8edf3;--muted:#5b6472}\n"
    "body{font-family:\"Hiragino Kaku Gothic ProN\",\"Yu Gothic\",\"Noto Sans CJK JP\",Meiryo,sans-serif;"
    "margin:1.5rem;color:#1d2430;line-height:1.5}\n"
    "h1{font-size:1.4rem;margin:0 0 .5rem}h2{font-size:1.15rem;margin:2rem 0 .5rem}\n"
    ".filters{position:sticky;top:0;z-index:3;background:#fff;padding:.5rem 0;border-bottom:1px solid var(--line);"
    "display:flex;gap:1rem;flex-wrap:wrap;align-items:center;font-size:.9rem}\n"
    ".filters label{display:flex;gap:.3rem;align-items:center}\n"
    ".wrap{overflow:auto;max-height:80vh;border:1px solid var(--line)}\n"
    "table{border-collapse:separate;border-spacing:0;font-size:.82rem;min-width:100%}\n"
    "th,td{border-right:1px solid var(--line);border-bottom:1px solid var(--line);padding:.35rem .45rem;"
    "vertical-align:top;text-align:left}\n"
    "thead th{position:sticky;top:0;background:var(--head);z-index:2;min-width:4rem}\n"
    "td.s{white-space:nowrap;text-align:center}td.l{min-width:18rem}td.t{min-width:10rem}\n"
    "td.none{color:var(--muted)}\n"
    "tr:nth-child(even) td{background:#fafbfc}\n"
    ".count{color:var(--muted)}\n"
    "dl.header-block{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem;margin:0 0 .6rem;"
    "font-size:.9rem}\n"
    "dl.header-block div{display:contents}dl.header-block dt{color:var(--muted)}dl.header-block dd{margin:0}\n"
    ".note{color:var(--muted);font-size:.85rem;margin:.2rem 0}\n"
    ".legend table{min-width:0;width:100%;margin-bottom:1rem}.legend th[scope=row]{background:#fafbfc;"
    "white-space:nowrap}\n"
    "@media print{.filters{display:none}}\n";

/* Filters: level (cumulative for ordered levels; none when the view has
 * no levels), chapter, free text. */
static const char script[] =
    "<script>\n"
    "(function(){\n"
    "  var lv=document.getElementById('f-level'),ch=document.getElementById('f-chapter'),"
    "q=document.getElementById('f-text'),n=document.getElementById('f-count');\n"
    "  if(!q)return;\n"
    "  var rows=Array.prototype.slice.call(document.querySelectorAll('table.filterable tbody tr'));\n"
    "  function apply(){\n"
    "    var l=lv?lv.value:'',c=ch?ch.value:'',t=q.value.trim().toLowerCase(),shown=0;\n"
    "    rows.forEach(function(r){\n"
    "      var ok=true,ri=parseInt(r.getAttribute('data-level-index'),10);\n"
    "      if(l!==''){var li=parseInt(l,10);ok=li>=0?((ri>=0&&ri<=li)||ri===-2):ri===li;}\n"
    "      if(ok&&c!==''){ok=(' '+(r.getAttribute('data-chapters')||'')+' ').indexOf(' '+c+' ')>=0;}\n"
    "      if(ok&&t!==''){ok=r.textContent.toLowerCase().indexOf(t)>=0;}\n"
    "      r.style.display=ok?'':'none';if(ok)shown++;});\n"
    "    n.textContent=shown+' / '+rows.length+' 件';}\n"
    "  if(lv)lv.addEventListener('change',apply);if(ch)ch.addEventListener('change',apply);q.addEventListener('input',apply);apply();\n"
    "})();\n"
    "</script>\n";

static void
esc(tg_buf *out, const char *s)
{
	tg_esc_html(out, s, strlen(s));
}

static void
filters(const tg_view *v, tg_buf *out)
{
	tg_buf_puts(out, "<div class=\"filters\">\n");
	if (v->nlevels > 0)
		tg_buf_puts(out, "<label>レベル <select id=\"f-level\"><option value=\"\">すべて</option>");
	size_t ordered = 0;
	for (size_t i = 0; i < v->nlevels; i++) {
		bool real = strcmp(v->levels[i], "不明") != 0 && strcmp(v->levels[i], "なし") != 0;
		tg_buf_printf(out, "<option value=\"%d\">", real ? (int)ordered :
		    strcmp(v->levels[i], "なし") == 0 ? -2 : -1);
		esc(out, v->levels[i]);
		if (real)
			tg_buf_puts(out, " まで（累積）");
		tg_buf_puts(out, "</option>");
		if (real)
			ordered++;
	}
	if (v->nlevels > 0)
		tg_buf_puts(out, "</select></label>\n");
	if (v->nchapters > 0) {
		tg_buf_puts(out, "<label>");
		esc(out, v->filter_label ? v->filter_label : "規程の章");
		tg_buf_puts(out, " <select id=\"f-chapter\"><option value=\"\">すべて</option>");
		for (size_t i = 0; i < v->nchapters; i++) {
			tg_buf_puts(out, "<option value=\"");
			esc(out, v->chapter_ids[i]);
			tg_buf_puts(out, "\">");
			esc(out, v->chapter_labels[i]);
			tg_buf_puts(out, "</option>");
		}
		tg_buf_puts(out, "</select></label>\n");
	}
	tg_buf_puts(out, "<label>検索 <input id=\"f-text\" type=\"search\" placeholder=\"語句\"></label>\n"
	    "<span class=\"count\" id=\"f-count\"></span>\n</div>\n");
}

/* Index of a row's level among the ordered levels; -1 unknown, -2 none. */
static int
level_index(const tg_view *v, const char *label)
{
	int ordered = 0;
	for (size_t i = 0; i < v->nlevels; i++) {
		bool real = strcmp(v->levels[i], "不明") != 0 && strcmp(v->levels[i], "なし") != 0;
		if (real && strcmp(v->levels[i], label) == 0)
			return ordered;
		if (real)
			ordered++;
	}
	return strcmp(label, "なし") == 0 ? -2 : -1;
}

static void
table(const tg_view *v, const tg_vtable *t, bool filterable, tg_buf *out)
{
	tg_buf_puts(out, "<h2>");
	esc(out, t->title);
	tg_buf_puts(out, "</h2>\n");
	if (t->nrows == 0) {
		tg_buf_puts(out, "<p>（該当なし）</p>\n");
		return;
	}
	tg_buf_printf(out, "<div class=\"wrap\"><table%s>\n",
	    filterable ? " class=\"filterable\"" : "");
	tg_ptable p = tg_view_ptable(t);
	tg_print_html_colgroup(out, &p);
	tg_buf_puts(out, "<thead><tr>");
	for (size_t c = 0; c < t->ncols; c++) {
		tg_buf_puts(out, "<th scope=\"col\">");
		esc(out, t->headers[c]);
		tg_buf_puts(out, "</th>");
	}
	tg_buf_puts(out, "</tr></thead>\n<tbody>\n");
	for (size_t r = 0; r < t->nrows; r++) {
		tg_buf_puts(out, "<tr");
		if (t->row_level != NULL) {
			/* Inverse rows may carry several levels: the lowest one
			 * decides (an ordered level beats 不明, which beats なし). */
			int idx = -2;
			const char *lv = t->row_level[r];
			while (*lv != '\0') {
				const char *sp = strchr(lv, ' ');
				size_t len = sp ? (size_t)(sp - lv) : strlen(lv);
				tg_buf tok = TG_BUF_INIT;
				tg_buf_put(&tok, lv, len);
				int k = level_index(v, tg_buf_cstr(&tok));
				tg_buf_free(&tok);
				if ((k >= 0 && (idx < 0 || k < idx)) || (k == -1 && idx == -2))
					idx = k;
				lv += len;
				while (*lv == ' ')
					lv++;
			}
			lv = t->row_level[r];
			tg_buf_printf(out, " data-level-index=\"%d\" data-level=\"", idx);
			esc(out, lv);
			tg_buf_puts(out, "\" data-chapters=\"");
			esc(out, t->row_chapters[r]);
			tg_buf_putc(out, '"');
		}
		tg_buf_puts(out, ">");
		for (size_t c = 0; c < t->ncols; c++) {
			const char *text = tg_view_cell(t, r, c);
			const char *cls = t->kinds[c] == TG_COL_SHORT ? "s" :
			    t->kinds[c] == TG_COL_LONG ? "l" : "t";
			bool none = tg_print_is_none(&p, text);
			tg_buf_printf(out, "<td class=\"%s%s\">", cls, none ? " none" : "");
			tg_esc_html_lines(out, text);
			tg_buf_puts(out, "</td>");
		}
		tg_buf_puts(out, "</tr>\n");
	}
	tg_buf_puts(out, "</tbody></table></div>\n");
}

void
tg_xw_render_html(const tg_view *v, tg_buf *out)
{
	tg_html_begin(out, TG_HTML_STYLES_SCRIPTS);
	esc(out, v->title);
	tg_buf_puts(out, "</title>\n<style>\n");
	tg_buf_puts(out, style);
	tg_print_html_css(out, v->ntables > 0 ? v->tables[0].page : (tg_page){TG_PAPER_A4, true});
	tg_buf_puts(out, "</style>\n</head>\n<body>\n<h1>");
	esc(out, v->title);
	tg_buf_puts(out, "</h1>\n");
	tg_print_html_header(out, &v->doc);
	tg_print_html_legend(out, &v->doc);
	filters(v, out);
	for (size_t t = 0; t < v->ntables; t++)
		table(v, &v->tables[t], t == 0, out);
	tg_buf_puts(out, script);
	tg_buf_puts(out, "</body>\n</html>\n");
}
