/* The regulation as one self-contained HTML page: a table of contents,
 * ASCII anchors on every heading (app5-3-1-1), clause texts converted by
 * Discount (raw HTML off, so a value can never become markup), inline CSS
 * with A4 print styles (each chapter on a new page, page numbers, the
 * marks of industry additions printed, no lone lines), no network. */
#include <stdlib.h>
#include <string.h>

#include "../escape.h"
#include "../markdown.h"
#include "../provenance.h"
#include "reg.h"

static const char style[] =
    ":root{--line:#c9ced6;--head:#eef2f6;--muted:#5b6472;--accent:#1f5f99}\n"
    "body{font-family:\"Hiragino Mincho ProN\",\"Yu Mincho\",\"Noto Serif CJK JP\",\"Noto Sans CJK JP\","
    "serif;color:#1d2430;line-height:1.75;margin:0 auto;max-width:52rem;padding:1.5rem}\n"
    "h1,h2,h3,h4,h5,h6,nav,.about,table,.labels,.mark{font-family:\"Hiragino Kaku Gothic ProN\","
    "\"Yu Gothic\",\"Noto Sans CJK JP\",Meiryo,sans-serif}\n"
    "h1{font-size:1.6rem;margin:0 0 1rem}\n"
    "h2{font-size:1.3rem;border-bottom:2px solid var(--accent);padding-bottom:.2rem;margin:2.5rem 0 1rem}\n"
    "h3{font-size:1.1rem;margin:1.8rem 0 .6rem}h4{font-size:1rem;margin:1.4rem 0 .5rem}\n"
    "h5,h6{font-size:.95rem;margin:1.2rem 0 .4rem}\n"
    ".about{background:var(--head);padding:.8rem 1rem;border-radius:4px;font-size:.92rem}\n"
    "nav.toc{border:1px solid var(--line);padding:.6rem 1.2rem;margin:1.5rem 0;font-size:.92rem}\n"
    "nav.toc ol{list-style:none;padding-left:1.2rem;margin:.2rem 0}\n"
    "nav.toc>ol{padding-left:0;columns:2;column-gap:2rem}nav.toc>ol>li{break-inside:avoid;margin-bottom:.3rem}\n"
    ".about h2,nav.toc h2{margin-top:.2rem}\n"
    "nav.toc a{color:var(--accent);text-decoration:none}nav.toc a:hover{text-decoration:underline}\n"
    "table{border-collapse:collapse;margin:.6rem 0;font-size:.88rem;width:100%}\n"
    "th,td{border:1px solid var(--line);padding:.3rem .5rem;vertical-align:top;text-align:left}\n"
    "th{background:var(--head)}\n"
    "blockquote{border-left:3px solid var(--line);margin:.6rem 0;padding:0 1rem;color:#333}\n"
    ".addition{border-left:4px solid #d08a1e;padding-left:.8rem;margin-left:-.8rem}\n"
    ".supplement{border-left:4px solid #6a9f3a;padding-left:.8rem;margin-left:-.8rem}\n"
    ".mark{color:#8a5a00;font-size:.9em}.supplement .mark{color:#3f6b1f}\n"
    ".labels{color:var(--muted);font-size:.85rem;margin:.2rem 0 .8rem}\n"
    ".other{color:var(--muted)}\n"
    ".note{color:var(--muted);font-size:.85rem}\n"
    "@media print{\n"
    "html{-webkit-print-color-adjust:exact;print-color-adjust:exact}\n"
    "body{max-width:none;padding:0;font-size:10.5pt;line-height:1.6}\n"
    "p,li,td{orphans:2;widows:2}\n"
    "nav.toc{break-after:page;border:0;padding:0}nav.toc>ol{columns:2}nav.toc ol ol{display:none}\n"
    "section.chapter,section.appendix{break-before:page}\n"
    "h2,h3,h4,h5,h6{break-after:avoid;break-inside:avoid}\n"
    "tr,.labels{break-inside:avoid}thead{display:table-header-group}\n"
    "a{color:inherit;text-decoration:none}\n"
    /* On paper the bars stay inside the page box (a negative margin would
     * put them in the page margin, which is not printed). */
    ".addition,.supplement{margin-left:0;padding-left:3mm}\n"
    ".addition{background:#fdf6ea}.supplement{background:#f3f8ee}\n"
    "}\n";

/* The page box of print: A4, the page number and count at the bottom,
 * the document's title at the top (a CSS string: quotes, backslashes,
 * line breaks and '<' escaped, so the title can neither end the string
 * nor the style element). */
static void
page_box(tg_buf *out, const char *title)
{
	tg_buf_puts(out, "@page{size:A4;margin:18mm 16mm 20mm;"
	    "@bottom-center{content:counter(page) \" / \" counter(pages);font-size:9pt;color:#5b6472}"
	    "@top-right{content:\"");
	for (const char *p = title; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' || c < 0x20)
			tg_buf_printf(out, "\\%X ", c);
		else
			tg_buf_putc(out, (char)c);
	}
	tg_buf_puts(out, "\";font-size:8pt;color:#5b6472}}\n"
	    "@page :first{@top-right{content:none}}\n");
}

static void
esc(tg_buf *out, const char *s)
{
	tg_esc_html(out, s, strlen(s));
}

static void
heading(tg_buf *out, unsigned level, const char *id, const char *number, const char *title,
    const char *mark)
{
	if (level > 6)
		level = 6;
	tg_buf_printf(out, "<h%u id=\"", level);
	esc(out, id);
	tg_buf_puts(out, "\">");
	if (number != NULL) {
		esc(out, number);
		tg_buf_putc(out, ' ');
	}
	esc(out, title);
	if (mark != NULL) {
		tg_buf_puts(out, "<span class=\"mark\">");
		esc(out, mark);
		tg_buf_puts(out, "</span>");
	}
	tg_buf_printf(out, "</h%u>\n", level);
}

static void
entry(const tg_reg_entry *e, tg_buf *out)
{
	bool add = e->kind == TG_REG_ADDITION;
	tg_buf mark = TG_BUF_INIT, md = TG_BUF_INIT;
	if (add) {
		tg_buf_printf(&mark, "（%s：%s）", TG_REG_ADD_MARK, e->source_label);
		tg_buf_puts(out, "<div class=\"addition\">\n");
	}
	heading(out, 2 + e->depth, e->anchor, e->number, e->title, mark.len ? mark.data : NULL);
	if (e->text != NULL)
		tg_md_html(out, e->text, strlen(e->text));
	else if (e->other_edition != NULL)
		tg_buf_printf(out, "<p class=\"other\">（本項の本文は%sに収める。）</p>\n", e->other_edition);
	for (size_t i = 0; i < e->nsupplements; i++) {
		tg_buf_puts(out, "<div class=\"supplement\">\n");
		tg_buf_clear(&md);
		tg_buf_printf(&md, "（%s：%s）", TG_REG_AMEND_MARK, e->supplements[i].label);
		/* The mark opens the supplement's first paragraph. */
		tg_buf tmp = TG_BUF_INIT;
		tg_esc_md_text(&tmp, md.data);
		tg_buf_clear(&md);
		tg_buf_printf(&md, "%s%s", tmp.data, e->supplements[i].text);
		tg_buf_free(&tmp);
		tg_md_html(out, md.data, md.len);
		tg_buf_puts(out, "</div>\n");
	}
	if (e->nlabels > 0) {
		tg_buf_puts(out, "<p class=\"labels\">");
		for (size_t i = 0; i < e->nlabels; i++) {
			tg_buf_puts(out, "〔");
			esc(out, e->labels[i].text);
			tg_buf_puts(out, "〕");
		}
		tg_buf_puts(out, "</p>\n");
	}
	if (add)
		tg_buf_puts(out, "</div>\n");
	tg_buf_free(&mark);
	tg_buf_free(&md);
}

static void
toc_link(tg_buf *out, const char *id, const char *number, const char *title)
{
	tg_buf_puts(out, "<a href=\"#");
	esc(out, id);
	tg_buf_puts(out, "\">");
	if (number != NULL) {
		esc(out, number);
		tg_buf_putc(out, ' ');
	}
	esc(out, title);
	tg_buf_puts(out, "</a>");
}

/* Chapters and their first level of clauses (additions included). */
static void
toc(const tg_regulation *r, tg_buf *out)
{
	tg_buf_puts(out, "<nav class=\"toc\" id=\"toc\">\n<h2 id=\"toc-title\">目次</h2>\n<ol>\n");
	tg_buf_puts(out, "<li>");
	toc_link(out, "about", NULL, "本書について");
	tg_buf_puts(out, "</li>\n");
	for (size_t c = 0; c < r->nchapters; c++) {
		const tg_reg_chapter *ch = &r->chapters[c];
		const tg_reg_entry *head = &r->entries[ch->first];
		tg_buf_puts(out, "<li>");
		toc_link(out, head->anchor, head->number, head->title);
		bool open = false;
		for (size_t i = ch->first + 1; i < ch->first + ch->count; i++) {
			const tg_reg_entry *e = &r->entries[i];
			if (e->depth != 1)
				continue;
			tg_buf_puts(out, open ? "" : "\n<ol>\n");
			open = true;
			tg_buf_puts(out, "<li>");
			toc_link(out, e->anchor, e->number, e->title);
			tg_buf_puts(out, "</li>\n");
		}
		tg_buf_puts(out, open ? "</ol>\n</li>\n" : "</li>\n");
	}
	for (size_t i = 0; i < 4; i++) {
		tg_buf_puts(out, "<li>");
		toc_link(out, tg_reg_appendix_ids[i], NULL, tg_reg_appendix_title(r, i));
		tg_buf_puts(out, "</li>\n");
	}
	tg_buf_puts(out, "</ol>\n</nav>\n");
}

static void
cell(tg_buf *out, const char *s)
{
	tg_buf_puts(out, "<td>");
	tg_esc_html_lines(out, s);
	tg_buf_puts(out, "</td>");
}

static void
table_head(tg_buf *out, const char *const *cols, size_t n)
{
	tg_buf_puts(out, "<table>\n<thead><tr>");
	for (size_t i = 0; i < n; i++)
		tg_buf_printf(out, "<th>%s</th>", cols[i]);
	tg_buf_puts(out, "</tr></thead>\n<tbody>\n");
}

static void
clause_cell(tg_buf *out, const char *name, const char *anchor)
{
	tg_buf_puts(out, "<td>");
	if (anchor != NULL) {
		tg_buf_puts(out, "<a href=\"#");
		esc(out, anchor);
		tg_buf_puts(out, "\">");
	}
	esc(out, name);
	if (anchor != NULL)
		tg_buf_puts(out, "</a>");
	tg_buf_puts(out, "</td>");
}

static void
appendix_body(const tg_regulation *r, size_t which, tg_buf *out)
{
	tg_buf t = TG_BUF_INIT;
	switch (which) {
	case 0: {
		tg_reg_xref_intro(r, &t);
		tg_buf_puts(out, "<p>");
		esc(out, t.data);
		tg_buf_puts(out, "</p>\n");
		if (r->nxrefs == 0)
			break;
		const char *const cols[] = {"条項", tg_reg_xref_column(r), "本規程での扱い"};
		table_head(out, cols, 3);
		for (size_t i = 0; i < r->nxrefs; i++) {
			const tg_reg_xref *x = &r->xrefs[i];
			tg_buf_puts(out, "<tr>");
			clause_cell(out, x->name, x->anchor);
			tg_buf_clear(&t);
			tg_reg_xref_items(x, &t);
			cell(out, t.data);
			cell(out, x->treatment);
			tg_buf_puts(out, "</tr>\n");
		}
		tg_buf_puts(out, "</tbody>\n</table>\n");
		if (r->xref_marks != 0) {
			tg_buf_clear(&t);
			tg_origin_footnotes(r->xref_marks, &t, "");
			tg_buf_puts(out, "<p class=\"note\">");
			esc(out, t.data);
			tg_buf_puts(out, "</p>\n");
		}
		break;
	}
	case 1: {
		if (r->nexclusions == 0) {
			tg_buf_puts(out, "<p>" TG_REG_NO_EXCLUSIONS "</p>\n");
			break;
		}
		static const char *const cols[] = {"条項", "適用除外の理由"};
		table_head(out, cols, 2);
		for (size_t i = 0; i < r->nexclusions; i++) {
			tg_buf_puts(out, "<tr>");
			clause_cell(out, r->exclusions[i].name, NULL);
			tg_buf_clear(&t);
			tg_reg_exclusion_reason(&r->exclusions[i], &t);
			cell(out, t.data);
			tg_buf_puts(out, "</tr>\n");
		}
		tg_buf_puts(out, "</tbody>\n</table>\n");
		break;
	}
	case 2: {
		static const char *const cols[] = {"版", "改訂日", "改訂内容"};
		table_head(out, cols, 3);
		for (size_t i = 0; i < r->nrevisions; i++) {
			tg_buf_puts(out, "<tr>");
			cell(out, r->revisions[i].version);
			cell(out, r->revisions[i].date);
			cell(out, r->revisions[i].description);
			tg_buf_puts(out, "</tr>\n");
		}
		tg_buf_puts(out, "</tbody>\n</table>\n");
		break;
	}
	default: {
		if (r->nterms == 0) {
			tg_buf_puts(out, "<p>" TG_REG_NO_TERMS "</p>\n");
			break;
		}
		static const char *const cols[] = {"用語", "定義"};
		table_head(out, cols, 2);
		for (size_t i = 0; i < r->nterms; i++) {
			tg_buf_clear(&t);
			tg_reg_term_name(r->terms[i], &t);
			tg_buf_puts(out, "<tr>");
			cell(out, t.data);
			cell(out, r->terms[i]->definition);
			tg_buf_puts(out, "</tr>\n");
		}
		tg_buf_puts(out, "</tbody>\n</table>\n");
		break;
	}
	}
	tg_buf_free(&t);
}

void
tg_reg_html(const tg_regulation *r, tg_buf *out)
{
	tg_html_begin(out, TG_HTML_STYLES);
	esc(out, r->title);
	tg_buf_puts(out, "</title>\n");
	tg_buf_puts(out, "<style>\n");
	tg_buf_puts(out, style);
	page_box(out, r->title);
	tg_buf_puts(out, "</style>\n");
	tg_buf_puts(out, "</head>\n<body>\n<header>\n<h1 id=\"top\">");
	esc(out, r->title);
	tg_buf_puts(out, "</h1>\n<section class=\"about\">\n<h2 id=\"about\">本書について</h2>\n");
	for (size_t i = 0; i < r->nabout; i++)
		tg_md_html(out, r->about[i], strlen(r->about[i]));
	tg_buf_puts(out, "</section>\n</header>\n");
	toc(r, out);
	tg_buf_puts(out, "<main>\n");
	for (size_t c = 0; c < r->nchapters; c++) {
		const tg_reg_chapter *ch = &r->chapters[c];
		tg_buf_puts(out, "<section class=\"chapter\">\n");
		for (size_t i = ch->first; i < ch->first + ch->count; i++)
			entry(&r->entries[i], out);
		tg_buf_puts(out, "</section>\n");
	}
	for (size_t i = 0; i < 4; i++) {
		tg_buf_puts(out, "<section class=\"appendix\">\n");
		heading(out, 2, tg_reg_appendix_ids[i], NULL, tg_reg_appendix_title(r, i), NULL);
		appendix_body(r, i, out);
		tg_buf_puts(out, "</section>\n");
	}
	tg_buf_puts(out, "</main>\n</body>\n</html>\n");
}
