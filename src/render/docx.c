/* Word documents written natively (see docx.h): the body is built as XML
 * while the caller goes, the other parts when the package is packed. */
#include "docx.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../totsugo.h"
#include "../util/utf8.h"
#include "../util/zip.h"

/* A4 in twips (1/20 pt) and the margins (25 mm top and bottom, 22 mm at
 * the sides). */
#define A4_SHORT 11906
#define A4_LONG 16838
#define MARGIN_TB 1418
#define MARGIN_LR 1247

#define BODY_FONT "游明朝"
#define HEAD_FONT "游ゴシック"
#define LATIN_FONT "Century"
#define HEAD_FILL "E8EDF3"
#define LINE_COLOR "A9B1BC"

#define W_NS "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" " \
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
#define XML_DECL "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

typedef struct table_state {
	size_t ncols, header_rows, row;
	unsigned *cols;		/* twips */
	size_t cell;
	bool cell_has_p;
} table_state;

struct tg_docx {
	char *title, *company, *subject, *date;
	bool landscape, cover;
	unsigned text_width;	/* twips */
	tg_buf body, comments, nums;
	unsigned next_num, next_bookmark, next_comment;
	tg_docx_bar bar;
	/* the open paragraph */
	bool in_p, ppr_done;
	const char *style;
	unsigned num, level;
	bool list, keep_next, center;
	tg_buf tables;		/* table_state stack */
	unsigned open_fields;
	unsigned heading_bookmark;	/* of the open heading, 0: none */
	bool after_table;	/* the next paragraph keeps a little distance */
};

/* ---- text ---- */

/* Escapes text for XML; drops what XML 1.0 cannot hold (control
 * characters, U+FFFE/U+FFFF) and turns invalid UTF-8 into U+FFFD. */
static void
xml_esc(tg_buf *out, const char *s, size_t len)
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
			} else if (b >= 0xE3 && b <= 0xEF && b != 0xED && j + 2 < len &&
			    ((unsigned char)s[j + 1] & 0xC0) == 0x80 &&
			    ((unsigned char)s[j + 2] & 0xC0) == 0x80 &&
			    !(b == 0xEF && (unsigned char)s[j + 1] == 0xBF &&
			    (unsigned char)s[j + 2] >= 0xBE)) {
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

static void
xml_escs(tg_buf *out, const char *s)
{
	xml_esc(out, s, strlen(s));
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
			xml_esc(b, text + start, i - start);
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
	xml_escs(&d->body, instr);
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
		xml_esc(c, s, len);
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

/* ---- the package ---- */

static void
styles_xml(tg_docx *d, tg_buf *b)
{
	tg_buf_puts(b, XML_DECL "<w:styles " W_NS ">\n"
	    "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"" LATIN_FONT "\" w:hAnsi=\""
	    LATIN_FONT "\" w:eastAsia=\"" BODY_FONT "\" w:cs=\"Times New Roman\"/><w:kern w:val=\"2\"/>"
	    "<w:sz w:val=\"21\"/><w:szCs w:val=\"21\"/><w:lang w:val=\"en-US\" w:eastAsia=\"ja-JP\" "
	    "w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:widowControl/>"
	    "<w:spacing w:after=\"80\" w:line=\"300\" w:lineRule=\"auto\"/><w:jc w:val=\"both\"/>"
	    "</w:pPr></w:pPrDefault></w:docDefaults>\n"
	    "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/>"
	    "<w:qFormat/></w:style>\n"
	    "<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\">"
	    "<w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/>"
	    "</w:style>\n"
	    "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/>"
	    "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/><w:pPr>"
	    "<w:spacing w:before=\"2400\" w:after=\"600\"/><w:jc w:val=\"center\"/><w:outlineLvl "
	    "w:val=\"9\"/></w:pPr><w:rPr><w:rFonts w:ascii=\"" HEAD_FONT "\" w:hAnsi=\"" HEAD_FONT
	    "\" w:eastAsia=\"" HEAD_FONT "\"/><w:b/><w:sz w:val=\"40\"/><w:szCs w:val=\"40\"/>"
	    "</w:rPr></w:style>\n"
	    "<w:style w:type=\"paragraph\" w:styleId=\"Subtitle\"><w:name w:val=\"Subtitle\"/>"
	    "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/><w:pPr>"
	    "<w:spacing w:after=\"240\"/><w:jc w:val=\"center\"/></w:pPr><w:rPr><w:rFonts w:ascii=\""
	    HEAD_FONT "\" w:hAnsi=\"" HEAD_FONT "\" w:eastAsia=\"" HEAD_FONT "\"/><w:sz w:val=\"28\"/>"
	    "<w:szCs w:val=\"28\"/></w:rPr></w:style>\n");
	static const struct {
		unsigned size, before, after;
	} heads[] = {{32, 0, 240}, {26, 360, 120}, {24, 240, 100}, {22, 200, 80}, {21, 160, 80}};
	for (unsigned i = 0; i < 5; i++) {
		tg_buf_printf(b, "<w:style w:type=\"paragraph\" w:styleId=\"Heading%u\"><w:name "
		    "w:val=\"heading %u\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/>"
		    "<w:uiPriority w:val=\"9\"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/>%s%s"
		    "<w:spacing w:before=\"%u\" w:after=\"%u\"/><w:jc w:val=\"left\"/>"
		    "<w:outlineLvl w:val=\"%u\"/></w:pPr><w:rPr><w:rFonts w:ascii=\"" HEAD_FONT "\" "
		    "w:hAnsi=\"" HEAD_FONT "\" w:eastAsia=\"" HEAD_FONT "\"/><w:b/><w:bCs/>"
		    "<w:sz w:val=\"%u\"/><w:szCs w:val=\"%u\"/></w:rPr></w:style>\n", i + 1, i + 1,
		    i == 0 ? "<w:pageBreakBefore/>" : "",
		    i == 0 ? "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"12\" w:space=\"4\" "
		    "w:color=\"1F5F99\"/></w:pBdr>" : "",
		    heads[i].before, heads[i].after, i, heads[i].size, heads[i].size);
	}
	tg_buf_printf(b,
	    "<w:style w:type=\"paragraph\" w:styleId=\"TOCHeading\"><w:name w:val=\"TOC Heading\"/>"
	    "<w:basedOn w:val=\"Heading1\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"39\"/>"
	    "<w:unhideWhenUsed/><w:qFormat/><w:pPr><w:outlineLvl w:val=\"9\"/></w:pPr></w:style>\n"
	    "<w:style w:type=\"paragraph\" w:styleId=\"TOC1\"><w:name w:val=\"toc 1\"/><w:basedOn "
	    "w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"39\"/><w:unhideWhenUsed/>"
	    "<w:pPr><w:tabs><w:tab w:val=\"right\" w:leader=\"dot\" w:pos=\"%u\"/></w:tabs>"
	    "<w:spacing w:before=\"60\" w:after=\"20\"/></w:pPr><w:rPr><w:rFonts w:ascii=\"" HEAD_FONT
	    "\" w:hAnsi=\"" HEAD_FONT "\" w:eastAsia=\"" HEAD_FONT "\"/></w:rPr></w:style>\n"
	    "<w:style w:type=\"paragraph\" w:styleId=\"TOC2\"><w:name w:val=\"toc 2\"/><w:basedOn "
	    "w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"39\"/><w:unhideWhenUsed/>"
	    "<w:pPr><w:tabs><w:tab w:val=\"right\" w:leader=\"dot\" w:pos=\"%u\"/></w:tabs>"
	    "<w:spacing w:after=\"0\"/><w:ind w:left=\"420\"/></w:pPr><w:rPr><w:sz w:val=\"20\"/>"
	    "</w:rPr></w:style>\n",
	    d->text_width, d->text_width);
	tg_buf_puts(b,
	    "<w:style w:type=\"paragraph\" w:styleId=\"ListParagraph\"><w:name w:val=\"List Paragraph\"/>"
	    "<w:basedOn w:val=\"Normal\"/><w:uiPriority w:val=\"34\"/><w:qFormat/><w:pPr>"
	    "<w:spacing w:after=\"40\"/><w:ind w:left=\"420\"/></w:pPr></w:style>\n"
	    "<w:style w:type=\"paragraph\" w:styleId=\"Quote\"><w:name w:val=\"Quote\"/><w:basedOn "
	    "w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"29\"/><w:qFormat/><w:pPr>"
	    "<w:pBdr><w:left w:val=\"single\" w:sz=\"12\" w:space=\"8\" w:color=\"C9CED6\"/></w:pBdr>"
	    "<w:ind w:left=\"420\"/></w:pPr></w:style>\n"
	    "<w:style w:type=\"paragraph\" w:styleId=\"TableText\"><w:name w:val=\"表本文\"/><w:basedOn "
	    "w:val=\"Normal\"/><w:qFormat/><w:pPr><w:spacing w:after=\"0\" w:line=\"260\" "
	    "w:lineRule=\"auto\"/><w:jc w:val=\"left\"/></w:pPr><w:rPr><w:sz w:val=\"19\"/>"
	    "<w:szCs w:val=\"19\"/></w:rPr></w:style>\n"
	    "<w:style w:type=\"paragraph\" w:styleId=\"Note\"><w:name w:val=\"注記\"/><w:basedOn "
	    "w:val=\"Normal\"/><w:qFormat/><w:rPr><w:color w:val=\"5B6472\"/><w:sz w:val=\"18\"/>"
	    "<w:szCs w:val=\"18\"/></w:rPr></w:style>\n"
	    "<w:style w:type=\"paragraph\" w:styleId=\"Labels\"><w:name w:val=\"業界ラベル\"/><w:basedOn "
	    "w:val=\"Normal\"/><w:qFormat/><w:pPr><w:spacing w:after=\"120\"/></w:pPr><w:rPr><w:rFonts "
	    "w:ascii=\"" HEAD_FONT "\" w:hAnsi=\"" HEAD_FONT "\" w:eastAsia=\"" HEAD_FONT "\"/>"
	    "<w:color w:val=\"5B6472\"/><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/></w:rPr></w:style>\n"
	    "<w:style w:type=\"paragraph\" w:styleId=\"Header\"><w:name w:val=\"header\"/><w:basedOn "
	    "w:val=\"Normal\"/><w:uiPriority w:val=\"99\"/><w:unhideWhenUsed/><w:pPr><w:tabs>"
	    "<w:tab w:val=\"right\" w:pos=\"9400\"/></w:tabs><w:spacing w:after=\"0\"/></w:pPr>"
	    "<w:rPr><w:color w:val=\"5B6472\"/><w:sz w:val=\"17\"/><w:szCs w:val=\"17\"/></w:rPr>"
	    "</w:style>\n"
	    "<w:style w:type=\"paragraph\" w:styleId=\"Footer\"><w:name w:val=\"footer\"/><w:basedOn "
	    "w:val=\"Normal\"/><w:uiPriority w:val=\"99\"/><w:unhideWhenUsed/><w:pPr>"
	    "<w:spacing w:after=\"0\"/><w:jc w:val=\"center\"/></w:pPr><w:rPr><w:sz w:val=\"18\"/>"
	    "<w:szCs w:val=\"18\"/></w:rPr></w:style>\n"
	    "<w:style w:type=\"paragraph\" w:styleId=\"CommentText\"><w:name w:val=\"annotation text\"/>"
	    "<w:basedOn w:val=\"Normal\"/><w:uiPriority w:val=\"99\"/><w:unhideWhenUsed/><w:pPr>"
	    "<w:jc w:val=\"left\"/></w:pPr><w:rPr><w:sz w:val=\"18\"/></w:rPr></w:style>\n"
	    "<w:style w:type=\"character\" w:styleId=\"CommentReference\"><w:name "
	    "w:val=\"annotation reference\"/><w:uiPriority w:val=\"99\"/><w:unhideWhenUsed/><w:rPr>"
	    "<w:sz w:val=\"18\"/></w:rPr></w:style>\n"
	    "<w:style w:type=\"character\" w:styleId=\"Hyperlink\"><w:name w:val=\"Hyperlink\"/>"
	    "<w:uiPriority w:val=\"99\"/><w:unhideWhenUsed/><w:rPr><w:color w:val=\"1F5F99\"/></w:rPr>"
	    "</w:style>\n"
	    "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name "
	    "w:val=\"Normal Table\"/><w:uiPriority w:val=\"99\"/><w:semiHidden/><w:unhideWhenUsed/>"
	    "<w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/>"
	    "<w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" "
	    "w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>\n"
	    "<w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/><w:basedOn "
	    "w:val=\"TableNormal\"/><w:uiPriority w:val=\"39\"/><w:pPr><w:spacing w:after=\"0\"/></w:pPr>"
	    "<w:tblPr><w:tblBorders><w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\""
	    LINE_COLOR "\"/><w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"" LINE_COLOR
	    "\"/><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"" LINE_COLOR "\"/>"
	    "<w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"" LINE_COLOR "\"/>"
	    "<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"" LINE_COLOR "\"/>"
	    "<w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"" LINE_COLOR "\"/>"
	    "</w:tblBorders><w:tblCellMar><w:top w:w=\"40\" w:type=\"dxa\"/><w:left w:w=\"100\" "
	    "w:type=\"dxa\"/><w:bottom w:w=\"40\" w:type=\"dxa\"/><w:right w:w=\"100\" w:type=\"dxa\"/>"
	    "</w:tblCellMar></w:tblPr></w:style>\n"
	    "</w:styles>\n");
}

static void
numbering_xml(tg_docx *d, tg_buf *b)
{
	tg_buf_puts(b, XML_DECL "<w:numbering " W_NS ">\n");
	/* 0: ordered — 1. (1) 1) …; 1: bullets ・ – ・ … */
	static const char *const ord[] = {"%1.", "(%2)", "%3)", "%4.", "(%5)", "%6)", "%7.", "(%8)",
	    "%9)"};
	for (int a = 0; a < 2; a++) {
		tg_buf_printf(b, "<w:abstractNum w:abstractNumId=\"%d\"><w:multiLevelType "
		    "w:val=\"hybridMultilevel\"/>", a);
		for (unsigned l = 0; l < 9; l++) {
			unsigned left = 420 * (l + 1);
			if (a == 0)
				tg_buf_printf(b, "<w:lvl w:ilvl=\"%u\"><w:start w:val=\"1\"/><w:numFmt "
				    "w:val=\"decimal\"/><w:lvlText w:val=\"%s\"/><w:lvlJc w:val=\"left\"/>"
				    "<w:pPr><w:ind w:left=\"%u\" w:hanging=\"420\"/></w:pPr></w:lvl>", l,
				    ord[l], left);
			else
				tg_buf_printf(b, "<w:lvl w:ilvl=\"%u\"><w:start w:val=\"1\"/><w:numFmt "
				    "w:val=\"bullet\"/><w:lvlText w:val=\"%s\"/><w:lvlJc w:val=\"left\"/>"
				    "<w:pPr><w:ind w:left=\"%u\" w:hanging=\"420\"/></w:pPr></w:lvl>", l,
				    l % 2 ? "－" : "・", left);
		}
		tg_buf_puts(b, "</w:abstractNum>\n");
	}
	tg_buf_put(b, d->nums.data ? d->nums.data : "", d->nums.len);
	tg_buf_puts(b, "</w:numbering>\n");
}

static void
settings_xml(tg_buf *b)
{
	/* updateFields: Word offers to fill in the table of contents and the
	 * page references on opening. */
	tg_buf_puts(b, XML_DECL "<w:settings " W_NS "><w:zoom w:percent=\"100\"/>"
	    "<w:defaultTabStop w:val=\"840\"/><w:characterSpacingControl w:val=\"compressPunctuation\"/>"
	    "<w:updateFields w:val=\"true\"/><w:compat><w:compatSetting w:name=\"compatibilityMode\" "
	    "w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>"
	    "<w:themeFontLang w:val=\"en-US\" w:eastAsia=\"ja-JP\"/></w:settings>\n");
}

static void
fonts_xml(tg_buf *b)
{
	tg_buf_puts(b, XML_DECL "<w:fonts " W_NS ">"
	    "<w:font w:name=\"" BODY_FONT "\"><w:altName w:val=\"Yu Mincho\"/><w:charset w:val=\"80\"/>"
	    "<w:family w:val=\"roman\"/><w:pitch w:val=\"variable\"/></w:font>"
	    "<w:font w:name=\"" HEAD_FONT "\"><w:altName w:val=\"Yu Gothic\"/><w:charset w:val=\"80\"/>"
	    "<w:family w:val=\"swiss\"/><w:pitch w:val=\"variable\"/></w:font>"
	    "<w:font w:name=\"" LATIN_FONT "\"><w:family w:val=\"roman\"/><w:pitch w:val=\"variable\"/>"
	    "</w:font></w:fonts>\n");
}

static void
header_xml(tg_docx *d, tg_buf *b)
{
	tg_buf_printf(b, XML_DECL "<w:hdr " W_NS "><w:p><w:pPr><w:pStyle w:val=\"Header\"/><w:tabs>"
	    "<w:tab w:val=\"right\" w:pos=\"%u\"/></w:tabs></w:pPr>", d->text_width);
	if (d->company != NULL) {
		tg_buf_puts(b, "<w:r><w:t xml:space=\"preserve\">");
		xml_escs(b, d->company);
		tg_buf_puts(b, "</w:t></w:r>");
	}
	tg_buf_puts(b, "<w:r><w:tab/><w:t xml:space=\"preserve\">");
	xml_escs(b, d->title);
	tg_buf_puts(b, "</w:t></w:r></w:p></w:hdr>\n");
}

static void
footer_xml(tg_buf *b)
{
	static const char *const fields[] = {"PAGE", "NUMPAGES"};
	tg_buf_puts(b, XML_DECL "<w:ftr " W_NS "><w:p><w:pPr><w:pStyle w:val=\"Footer\"/></w:pPr>");
	for (int i = 0; i < 2; i++) {
		if (i == 1)
			tg_buf_puts(b, "<w:r><w:t xml:space=\"preserve\"> / </w:t></w:r>");
		tg_buf_printf(b, "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText "
		    "xml:space=\"preserve\"> %s </w:instrText></w:r><w:r><w:fldChar "
		    "w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar "
		    "w:fldCharType=\"end\"/></w:r>", fields[i]);
	}
	tg_buf_puts(b, "</w:p></w:ftr>\n");
}

/* W3CDTF of the data's date (YYYY, YYYY-MM or YYYY-MM-DD). */
static void
w3c_date(tg_buf *b, const char *date)
{
	int y = 2000, m = 1, dd = 1;
	if (date != NULL)
		sscanf(date, "%d-%d-%d", &y, &m, &dd);
	if (y < 1000 || y > 9999)
		y = 2000;
	if (m < 1 || m > 12)
		m = 1;
	if (dd < 1 || dd > 31)
		dd = 1;
	tg_buf_printf(b, "%04d-%02d-%02dT00:00:00Z", y, m, dd);
}

static void
core_xml(tg_docx *d, tg_buf *b)
{
	tg_buf_puts(b, XML_DECL "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/"
	    "package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
	    "xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:xsi=\"http://www.w3.org/2001/"
	    "XMLSchema-instance\"><dc:title>");
	xml_escs(b, d->title);
	tg_buf_puts(b, "</dc:title>");
	if (d->subject != NULL) {
		tg_buf_puts(b, "<dc:subject>");
		xml_escs(b, d->subject);
		tg_buf_puts(b, "</dc:subject>");
	}
	tg_buf_puts(b, "<dc:creator>");
	xml_escs(b, d->company ? d->company : "totsugo");
	tg_buf_puts(b, "</dc:creator><dc:language>ja-JP</dc:language>"
	    "<dcterms:created xsi:type=\"dcterms:W3CDTF\">");
	w3c_date(b, d->date);
	tg_buf_puts(b, "</dcterms:created><dcterms:modified xsi:type=\"dcterms:W3CDTF\">");
	w3c_date(b, d->date);
	tg_buf_puts(b, "</dcterms:modified></cp:coreProperties>\n");
}

bool
tg_docx_finish(tg_docx *d, tg_buf *out, const char *name, tg_diag *diag)
{
	tg_docx_p_end(d);
	while (TG_BUF_COUNT(&d->tables, table_state) > 0)
		tg_docx_table_end(d);
	bool comments = d->comments.len > 0;
	tg_zip *z = tg_zip_new();
	tg_buf b = TG_BUF_INIT;

	tg_buf_puts(&b, XML_DECL "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
	    "content-types\"><Default Extension=\"rels\" ContentType=\"application/"
	    "vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" "
	    "ContentType=\"application/xml\"/>");
	static const struct {
		const char *part, *type;
	} parts[] = {
		{"/word/document.xml", "wordprocessingml.document.main+xml"},
		{"/word/styles.xml", "wordprocessingml.styles+xml"},
		{"/word/settings.xml", "wordprocessingml.settings+xml"},
		{"/word/numbering.xml", "wordprocessingml.numbering+xml"},
		{"/word/fontTable.xml", "wordprocessingml.fontTable+xml"},
		{"/word/header1.xml", "wordprocessingml.header+xml"},
		{"/word/footer1.xml", "wordprocessingml.footer+xml"},
		{"/word/comments.xml", "wordprocessingml.comments+xml"},
		{"/docProps/app.xml", "extended-properties+xml"},
	};
	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
		if (comments || strcmp(parts[i].part, "/word/comments.xml") != 0)
			tg_buf_printf(&b, "<Override PartName=\"%s\" ContentType=\"application/"
			    "vnd.openxmlformats-officedocument.%s\"/>", parts[i].part, parts[i].type);
	tg_buf_puts(&b, "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/"
	    "vnd.openxmlformats-package.core-properties+xml\"/></Types>\n");
	tg_zip_add_buf(z, "[Content_Types].xml", &b);

	tg_buf_puts(&b, XML_DECL "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/"
	    "2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/"
	    "officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
	    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/"
	    "relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
	    "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
	    "relationships/extended-properties\" Target=\"docProps/app.xml\"/></Relationships>\n");
	tg_zip_add_buf(z, "_rels/.rels", &b);

	core_xml(d, &b);
	tg_zip_add_buf(z, "docProps/core.xml", &b);
	tg_buf_printf(&b, XML_DECL "<Properties xmlns=\"http://schemas.openxmlformats.org/"
	    "officeDocument/2006/extended-properties\"><Application>totsugo %s</Application>"
	    "</Properties>\n", tg_version());
	tg_zip_add_buf(z, "docProps/app.xml", &b);

	static const char *const rels[][2] = {{"styles", "styles.xml"}, {"settings", "settings.xml"},
	    {"numbering", "numbering.xml"}, {"fontTable", "fontTable.xml"}, {"header", "header1.xml"},
	    {"footer", "footer1.xml"}, {"comments", "comments.xml"}};
	tg_buf_puts(&b, XML_DECL "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/"
	    "2006/relationships\">");
	for (size_t i = 0; i < sizeof rels / sizeof rels[0]; i++)
		if (comments || i < 6)
			tg_buf_printf(&b, "<Relationship Id=\"rId%zu\" Type=\"http://schemas."
			    "openxmlformats.org/officeDocument/2006/relationships/%s\" Target=\"%s\"/>",
			    i + 1, rels[i][0], rels[i][1]);
	tg_buf_puts(&b, "</Relationships>\n");
	tg_zip_add_buf(z, "word/_rels/document.xml.rels", &b);

	tg_buf_puts(&b, XML_DECL "<w:document " W_NS "><w:body>\n");
	tg_buf_put(&b, d->body.data ? d->body.data : "", d->body.len);
	tg_buf_printf(&b, "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId5\"/>"
	    "<w:footerReference w:type=\"default\" r:id=\"rId6\"/><w:pgSz w:w=\"%u\" w:h=\"%u\"%s/>"
	    "<w:pgMar w:top=\"%u\" w:right=\"%u\" w:bottom=\"%u\" w:left=\"%u\" w:header=\"709\" "
	    "w:footer=\"709\" w:gutter=\"0\"/><w:cols w:space=\"425\"/>%s</w:sectPr>\n"
	    "</w:body></w:document>\n",
	    d->landscape ? A4_LONG : A4_SHORT, d->landscape ? A4_SHORT : A4_LONG,
	    d->landscape ? " w:orient=\"landscape\"" : "", MARGIN_TB, MARGIN_LR, MARGIN_TB, MARGIN_LR,
	    d->cover ? "<w:titlePg/>" : "");
	tg_zip_add_buf(z, "word/document.xml", &b);
	styles_xml(d, &b);
	tg_zip_add_buf(z, "word/styles.xml", &b);
	settings_xml(&b);
	tg_zip_add_buf(z, "word/settings.xml", &b);
	numbering_xml(d, &b);
	tg_zip_add_buf(z, "word/numbering.xml", &b);
	fonts_xml(&b);
	tg_zip_add_buf(z, "word/fontTable.xml", &b);
	header_xml(d, &b);
	tg_zip_add_buf(z, "word/header1.xml", &b);
	footer_xml(&b);
	tg_zip_add_buf(z, "word/footer1.xml", &b);
	if (comments) {
		tg_buf_puts(&b, XML_DECL "<w:comments " W_NS ">\n");
		tg_buf_put(&b, d->comments.data, d->comments.len);
		tg_buf_puts(&b, "</w:comments>\n");
		tg_zip_add_buf(z, "word/comments.xml", &b);
	}
	tg_buf_free(&b);
	char err[256];
	bool ok = tg_zip_finish(z, out, err, sizeof err);
	if (!ok)
		tg_diag_error(diag, tg_pos_at(name, 0, 0), "cannot build the Word document: %s", err);
	tg_docx_free(d);
	return ok;
}
