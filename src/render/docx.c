/* Word documents written natively (see docx.h): the body is built as XML
 * while the caller goes; the other parts when the package is packed
 * (docx_package.c). */
#include "docx_internal.h"

#include <stdlib.h>
#include <string.h>

#include "../util/utf8.h"

/* ---- text ---- */

/* Escapes text for XML; drops what XML 1.0 cannot hold (control
 * characters, U+FFFE/U+FFFF) and turns invalid UTF-8 into U+FFFD. */
void
tg_docx_xml_esc(tg_buf *out, const char *s, size_t len)
{
	for (size_t i = 0; i < len;) {
		/* A span of what needs no change — printable ASCII but the four
		 * markup characters, and the three-byte characters of Japanese
		 * text but U+FFFE/U+FFFF — is copied at once. */
		size_t j = i;
		while (j < len) {
			unsigned char b = (unsigned char)s[j];
			if (b < 0x80) {
				if (b < 0x20 || b == '&' || b == '<' || b == '>' || b == '"')
					break;
				j++;
			} else if (tg_utf8_plain3(s + j, len - j)) {
				j += 3;
			} else {
				break;
			}
		}
		if (j > i) {
			tg_buf_put(out, s + i, j - i);
			i = j;
			continue;
		}
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80) {
			i++;
			switch (c) {
			case '&': tg_buf_puts(out, "&amp;"); break;
			case '<': tg_buf_puts(out, "&lt;"); break;
			case '>': tg_buf_puts(out, "&gt;"); break;
			case '"': tg_buf_puts(out, "&quot;"); break;
			default:
				/* Other control characters (CR included: CR LF is one
				 * line end) are not XML text. */
				if (c >= 0x20 || c == '\t' || c == '\n')
					tg_buf_putc(out, (char)c);
			}
			continue;
		}
		size_t n;
		uint32_t cp = tg_utf8_decode(s + i, len - i, &n);
		if (cp == 0xFFFD && !(n == 3 && memcmp(s + i, "\xEF\xBF\xBD", 3) == 0))
			tg_buf_puts(out, "\xEF\xBF\xBD");
		else if (!((cp >= 0x80 && cp <= 0x9F) || cp == 0xFFFE || cp == 0xFFFF))
			tg_buf_put(out, s + i, n);
		i += n;
	}
}

void
tg_docx_xml_escs(tg_buf *out, const char *s)
{
	tg_docx_xml_esc(out, s, strlen(s));
}

/* ---- setup ---- */

tg_docx *
tg_docx_new(const tg_docx_setup *s)
{
	tg_docx *d = tg_xcalloc(1, sizeof *d);
	d->title = tg_xstrdup(s->title ? s->title : "");
	d->company = s->company ? tg_xstrdup(s->company) : NULL;
	d->subject = s->subject ? tg_xstrdup(s->subject) : NULL;
	d->date = s->date ? tg_xstrdup(s->date) : NULL;
	d->landscape = s->landscape;
	d->cover = s->cover;
	d->text_width = (s->landscape ? A4_LONG : A4_SHORT) - 2 * MARGIN_LR;
	d->next_num = 1;
	return d;
}

void
tg_docx_free(tg_docx *d)
{
	if (d == NULL)
		return;
	for (size_t i = 0; i < TG_BUF_COUNT(&d->tables, table_state); i++)
		free(TG_BUF_AT(&d->tables, table_state, i).cols);
	tg_buf_free(&d->tables);
	tg_buf_free(&d->body);
	tg_buf_free(&d->comments);
	tg_buf_free(&d->nums);
	free(d->title);
	free(d->company);
	free(d->subject);
	free(d->date);
	free(d);
}

void
tg_docx_set_bar(tg_docx *d, tg_docx_bar bar)
{
	d->bar = bar;
}

/* ---- paragraphs ---- */

static table_state *
table_top(tg_docx *d)
{
	size_t n = TG_BUF_COUNT(&d->tables, table_state);
	return n ? &TG_BUF_AT(&d->tables, table_state, n - 1) : NULL;
}

void
tg_docx_p_begin(tg_docx *d, const char *style)
{
	if (d->in_p)
		tg_docx_p_end(d);
	d->in_p = true;
	d->ppr_done = false;
	d->style = style;
	d->list = d->keep_next = d->center = false;
	table_state *t = table_top(d);
	if (t != NULL)
		t->cell_has_p = true;
}

void
tg_docx_p_list(tg_docx *d, unsigned num, unsigned level)
{
	d->list = true;
	d->num = num;
	d->level = level;
}

void
tg_docx_p_keep_next(tg_docx *d)
{
	d->keep_next = true;
}

void
tg_docx_p_center(tg_docx *d)
{
	d->center = true;
}

/* The paragraph's properties, in the schema's order. */
static void
ppr(tg_docx *d)
{
	if (d->ppr_done)
		return;
	d->ppr_done = true;
	tg_buf *b = &d->body;
	tg_buf_puts(b, "<w:p>");
	bool bar = d->bar != TG_DX_NO_BAR && table_top(d) == NULL;
	bool gap = d->after_table && table_top(d) == NULL;
	d->after_table = false;
	if (d->style == NULL && !d->list && !d->keep_next && !d->center && !bar && !gap)
		return;
	tg_buf_puts(b, "<w:pPr>");
	if (d->style != NULL)
		tg_buf_printf(b, "<w:pStyle w:val=\"%s\"/>", d->style);
	if (d->keep_next)
		tg_buf_puts(b, "<w:keepNext/>");
	if (d->list)
		tg_buf_printf(b, "<w:numPr><w:ilvl w:val=\"%u\"/><w:numId w:val=\"%u\"/></w:numPr>",
		    d->level, d->num);
	if (bar) {
		bool add = d->bar == TG_DX_BAR_ADD;
		tg_buf_printf(b, "<w:pBdr><w:left w:val=\"single\" w:sz=\"24\" w:space=\"8\" "
		    "w:color=\"%s\"/></w:pBdr><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"%s\"/>",
		    add ? "D08A1E" : "6A9F3A", add ? "FDF6EA" : "F3F8EE");
	}
	if (gap)
		tg_buf_puts(b, "<w:spacing w:before=\"160\"/>");
	if (d->center)
		tg_buf_puts(b, "<w:jc w:val=\"center\"/>");
	tg_buf_puts(b, "</w:pPr>");
}

static void
rpr(tg_buf *b, unsigned fmt)
{
	if (fmt == 0)
		return;
	tg_buf_puts(b, "<w:rPr>");
	if (fmt & TG_DX_CODE)
		tg_buf_puts(b, "<w:rFonts w:ascii=\"Consolas\" w:hAnsi=\"Consolas\" w:eastAsia=\""
		    HEAD_FONT "\"/>");
	if (fmt & TG_DX_BOLD)
		tg_buf_puts(b, "<w:b/><w:bCs/>");
	if (fmt & TG_DX_ITALIC)
		tg_buf_puts(b, "<w:i/><w:iCs/>");
	if (fmt & TG_DX_STRIKE)
		tg_buf_puts(b, "<w:strike/>");
	if (fmt & TG_DX_MUTED)
		tg_buf_puts(b, "<w:color w:val=\"5B6472\"/>");
	else if (fmt & TG_DX_ADD)
		tg_buf_puts(b, "<w:color w:val=\"9A5B00\"/>");
	else if (fmt & TG_DX_AMEND)
		tg_buf_puts(b, "<w:color w:val=\"3F6B1F\"/>");
	if (fmt & TG_DX_MUTED)
		tg_buf_puts(b, "<w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>");
	if (fmt & TG_DX_UNDERLINE)
		tg_buf_puts(b, "<w:u w:val=\"single\"/>");
	if (fmt & TG_DX_DOTS)
		tg_buf_puts(b, "<w:em w:val=\"dot\"/>");
	tg_buf_puts(b, "</w:rPr>");
}

void
tg_docx_run(tg_docx *d, const char *text, size_t len, unsigned fmt)
{
	if (!d->in_p)
		tg_docx_p_begin(d, NULL);
	ppr(d);
	if (len == 0)
		return;
	tg_buf *b = &d->body;
	tg_buf_puts(b, "<w:r>");
	rpr(b, fmt);
	size_t start = 0;
	for (size_t i = 0; i <= len; i++) {
		if (i < len && text[i] != '\n' && text[i] != '\t')
			continue;
		if (i > start) {
			tg_buf_puts(b, "<w:t xml:space=\"preserve\">");
			tg_docx_xml_esc(b, text + start, i - start);
			tg_buf_puts(b, "</w:t>");
		}
		if (i < len)
			tg_buf_puts(b, text[i] == '\n' ? "<w:br/>" : "<w:tab/>");
		start = i + 1;
	}
	tg_buf_puts(b, "</w:r>");
}

void
tg_docx_text(tg_docx *d, const char *text, unsigned fmt)
{
	tg_docx_run(d, text, strlen(text), fmt);
}

void
tg_docx_p_end(tg_docx *d)
{
	if (!d->in_p)
		return;
	ppr(d);
	tg_buf_puts(&d->body, "</w:p>\n");
	d->in_p = false;
}

void
tg_docx_para(tg_docx *d, const char *style, const char *text, unsigned fmt)
{
	tg_docx_p_begin(d, style);
	tg_docx_text(d, text, fmt);
	tg_docx_p_end(d);
}

void
tg_docx_bookmark_name(tg_buf *out, const char *id)
{
	/* Word wants a letter first and letters, digits or '_'. */
	if (!((*id >= 'A' && *id <= 'Z') || (*id >= 'a' && *id <= 'z')))
		tg_buf_puts(out, "b_");
	for (const char *p = id; *p; p++) {
		char c = *p;
		bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
		tg_buf_putc(out, ok ? c : '_');
	}
}

void
tg_docx_heading_begin(tg_docx *d, unsigned level, const char *bookmark)
{
	static const char *const styles[] = {"Heading1", "Heading2", "Heading3", "Heading4", "Heading5"};
	tg_docx_p_begin(d, styles[(level < 1 ? 1 : level > 5 ? 5 : level) - 1]);
	ppr(d);
	d->heading_bookmark = 0;
	if (bookmark != NULL) {
		d->heading_bookmark = ++d->next_bookmark;
		tg_buf_printf(&d->body, "<w:bookmarkStart w:id=\"%u\" w:name=\"", d->heading_bookmark);
		tg_docx_bookmark_name(&d->body, bookmark);
		tg_buf_puts(&d->body, "\"/>");
	}
}

void
tg_docx_heading_end(tg_docx *d)
{
	ppr(d);
	if (d->heading_bookmark != 0)
		tg_buf_printf(&d->body, "<w:bookmarkEnd w:id=\"%u\"/>", d->heading_bookmark);
	d->heading_bookmark = 0;
	tg_docx_p_end(d);
}

void
tg_docx_page_break(tg_docx *d)
{
	tg_docx_p_end(d);
	tg_buf_puts(&d->body, "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>\n");
}

void
tg_docx_link_begin(tg_docx *d, const char *bookmark)
{
	if (!d->in_p)
		tg_docx_p_begin(d, NULL);
	ppr(d);
	tg_buf_puts(&d->body, "<w:hyperlink w:anchor=\"");
	tg_docx_bookmark_name(&d->body, bookmark);
	tg_buf_puts(&d->body, "\" w:history=\"1\">");
}

void
tg_docx_link_end(tg_docx *d)
{
	tg_buf_puts(&d->body, "</w:hyperlink>");
}

void
tg_docx_field_begin(tg_docx *d, const char *instr)
{
	if (!d->in_p)
		tg_docx_p_begin(d, NULL);
	ppr(d);
	tg_buf_puts(&d->body, "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
	    "<w:r><w:instrText xml:space=\"preserve\"> ");
	tg_docx_xml_escs(&d->body, instr);
	tg_buf_puts(&d->body, " </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>");
	d->open_fields++;
}

void
tg_docx_field_end(tg_docx *d)
{
	if (!d->in_p)
		tg_docx_p_begin(d, NULL);
	ppr(d);
	tg_buf_puts(&d->body, "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>");
	if (d->open_fields > 0)
		d->open_fields--;
}

void
tg_docx_field(tg_docx *d, const char *instr, const char *cached, unsigned fmt)
{
	tg_docx_field_begin(d, instr);
	tg_docx_text(d, cached, fmt);
	tg_docx_field_end(d);
}

unsigned
tg_docx_comment_begin(tg_docx *d)
{
	if (!d->in_p)
		tg_docx_p_begin(d, NULL);
	ppr(d);
	unsigned id = d->next_comment++;
	tg_buf_printf(&d->body, "<w:commentRangeStart w:id=\"%u\"/>", id);
	return id;
}

void
tg_docx_comment_end(tg_docx *d, unsigned id, const char *text)
{
	ppr(d);
	tg_buf_printf(&d->body, "<w:commentRangeEnd w:id=\"%u\"/><w:r><w:rPr><w:rStyle "
	    "w:val=\"CommentReference\"/></w:rPr><w:commentReference w:id=\"%u\"/></w:r>", id, id);
	tg_buf *c = &d->comments;
	tg_buf_printf(c, "<w:comment w:id=\"%u\" w:author=\"totsugo\" w:initials=\"TG\">", id);
	const char *s = text;
	bool first = true;
	for (;;) {
		const char *nl = strchr(s, '\n');
		size_t len = nl ? (size_t)(nl - s) : strlen(s);
		tg_buf_puts(c, "<w:p><w:pPr><w:pStyle w:val=\"CommentText\"/></w:pPr>");
		if (first)
			tg_buf_puts(c, "<w:r><w:rPr><w:rStyle w:val=\"CommentReference\"/></w:rPr>"
			    "<w:annotationRef/></w:r>");
		tg_buf_puts(c, "<w:r><w:t xml:space=\"preserve\">");
		tg_docx_xml_esc(c, s, len);
		tg_buf_puts(c, "</w:t></w:r></w:p>");
		first = false;
		if (nl == NULL)
			break;
		s = nl + 1;
	}
	tg_buf_puts(c, "</w:comment>\n");
}

/* ---- lists ---- */

unsigned
tg_docx_list(tg_docx *d, bool ordered, unsigned level, long start)
{
	unsigned id = d->next_num++;
	if (level > 8)
		level = 8;
	tg_buf_printf(&d->nums, "<w:num w:numId=\"%u\"><w:abstractNumId w:val=\"%d\"/>", id,
	    ordered ? 0 : 1);
	if (ordered)
		tg_buf_printf(&d->nums, "<w:lvlOverride w:ilvl=\"%u\"><w:startOverride w:val=\"%ld\"/>"
		    "</w:lvlOverride>", level, start < 0 ? 0 : start);
	tg_buf_puts(&d->nums, "</w:num>\n");
	return id;
}

/* ---- tables ---- */

void
tg_docx_table_begin(tg_docx *d, size_t ncols, const double *widths, size_t header_rows)
{
	tg_docx_p_end(d);
	table_state t = {ncols, header_rows, 0, tg_xcalloc(ncols ? ncols : 1, sizeof(unsigned)), 0,
	    false};
	table_state *outer = table_top(d);
	unsigned room = outer ? outer->cols[outer->cell > 0 ? outer->cell - 1 : 0] - 216 :
	    d->text_width;
	unsigned total = 0;
	for (size_t i = 0; i < ncols; i++) {
		t.cols[i] = (unsigned)((double)room * widths[i]);
		total += t.cols[i];
	}
	TG_BUF_PUSH(&d->tables, table_state, t);
	tg_buf *b = &d->body;
	tg_buf_printf(b, "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"%u\" "
	    "w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"04A0\" "
	    "w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" "
	    "w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>", total);
	for (size_t i = 0; i < ncols; i++)
		tg_buf_printf(b, "<w:gridCol w:w=\"%u\"/>", t.cols[i]);
	tg_buf_puts(b, "</w:tblGrid>\n");
}

void
tg_docx_row_begin(tg_docx *d)
{
	table_state *t = table_top(d);
	tg_buf_puts(&d->body, "<w:tr>");
	if (t != NULL && t->row < t->header_rows)
		tg_buf_puts(&d->body, "<w:trPr><w:tblHeader/></w:trPr>");
	if (t != NULL)
		t->cell = 0;
}

void
tg_docx_cell_begin(tg_docx *d)
{
	tg_docx_p_end(d);
	table_state *t = table_top(d);
	if (t == NULL)
		return;
	size_t c = t->cell < t->ncols ? t->cell : t->ncols - 1;
	tg_buf_printf(&d->body, "<w:tc><w:tcPr><w:tcW w:w=\"%u\" w:type=\"dxa\"/>", t->cols[c]);
	if (t->row < t->header_rows)
		tg_buf_puts(&d->body, "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"" HEAD_FILL "\"/>");
	tg_buf_puts(&d->body, "</w:tcPr>");
	t->cell++;
	t->cell_has_p = false;
}

void
tg_docx_cell_end(tg_docx *d)
{
	tg_docx_p_end(d);
	table_state *t = table_top(d);
	if (t != NULL && !t->cell_has_p)
		tg_buf_puts(&d->body, "<w:p><w:pPr><w:pStyle w:val=\"TableText\"/></w:pPr></w:p>");
	tg_buf_puts(&d->body, "</w:tc>");
}

void
tg_docx_row_end(tg_docx *d)
{
	table_state *t = table_top(d);
	/* Every row has every cell (Word repairs a short row otherwise). */
	while (t != NULL && t->cell < t->ncols) {
		tg_docx_cell_begin(d);
		tg_docx_cell_end(d);
	}
	tg_buf_puts(&d->body, "</w:tr>\n");
	if (t != NULL)
		t->row++;
}

void
tg_docx_table_end(tg_docx *d)
{
	tg_docx_p_end(d);
	size_t n = TG_BUF_COUNT(&d->tables, table_state);
	if (n == 0)
		return;
	free(TG_BUF_AT(&d->tables, table_state, n - 1).cols);
	tg_buf_truncate(&d->tables, (n - 1) * sizeof(table_state));
	tg_buf_puts(&d->body, "</w:tbl>\n");
	/* A table ends a cell with a paragraph (Word requires one). */
	table_state *outer = table_top(d);
	if (outer != NULL)
		outer->cell_has_p = false;
	d->after_table = true;
}

void
tg_docx_cell_text(tg_docx *d, const char *text, unsigned fmt)
{
	table_state *t = table_top(d);
	tg_docx_cell_begin(d);
	tg_docx_p_begin(d, TG_DX_TABLE_TEXT);
	tg_docx_text(d, text, fmt | (t != NULL && t->row < t->header_rows ? TG_DX_BOLD : 0));
	tg_docx_p_end(d);
	tg_docx_cell_end(d);
}
