/* Word documents written natively (see docx.h): the package — the body
 * docx.c built, with the styles, numbering, settings, fonts, page header
 * and footer, comments and document properties, zipped. */
#include "docx_internal.h"

#include <stdio.h>
#include <string.h>

#include "../totsugo.h"
#include "../util/zip.h"

#define W_NS "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" " \
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
#define XML_DECL "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

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
		tg_docx_xml_escs(b, d->company);
		tg_buf_puts(b, "</w:t></w:r>");
	}
	tg_buf_puts(b, "<w:r><w:tab/><w:t xml:space=\"preserve\">");
	tg_docx_xml_escs(b, d->title);
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
	tg_docx_xml_escs(b, d->title);
	tg_buf_puts(b, "</dc:title>");
	if (d->subject != NULL) {
		tg_buf_puts(b, "<dc:subject>");
		tg_docx_xml_escs(b, d->subject);
		tg_buf_puts(b, "</dc:subject>");
	}
	tg_buf_puts(b, "<dc:creator>");
	tg_docx_xml_escs(b, d->company ? d->company : "totsugo");
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
