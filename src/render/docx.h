/* Word documents (.docx, WordprocessingML) written natively: a document is
 * built paragraph by paragraph, then packed into a zip (util/zip.h) with
 * its styles, numbering, page header and footer, comments and document
 * properties.  What a Word user expects: the built-in styles (Title,
 * Heading 1-5 for the navigation pane and the table of contents, List
 * Paragraph, Table Grid, TOC 1-2, annotation text), Japanese fonts for East
 * Asian text (明朝 body, ゴシック headings), numbered and bulleted items as
 * Word lists, tables with a repeated header row, A4, a page header with the
 * company and the title, a footer "n / N" with PAGE and NUMPAGES fields.
 *
 * Deterministic: ids are counters in document order, the document dates
 * come from the data, the zip has fixed dates; nothing depends on the
 * clock, the locale or addresses.  Text is escaped for XML, characters XML
 * cannot hold are dropped, invalid UTF-8 becomes U+FFFD. */
#ifndef TG_DOCX_H
#define TG_DOCX_H

#include <stdbool.h>
#include <stddef.h>

#include "../util/buf.h"
#include "../util/diag.h"

typedef struct tg_docx tg_docx;

typedef struct tg_docx_setup {
	const char *title;	/* document property; right of the page header */
	const char *company;	/* left of the page header; NULL: none */
	const char *subject;	/* document property; NULL: none */
	const char *date;	/* YYYY[-MM[-DD]] of the data: the document dates */
	bool landscape;
	bool cover;		/* the first page has no page header and footer */
} tg_docx_setup;

/* Run formats (bits). */
enum {
	TG_DX_BOLD = 1,
	TG_DX_ITALIC = 2,
	TG_DX_UNDERLINE = 4,
	TG_DX_STRIKE = 8,
	TG_DX_CODE = 16,
	TG_DX_MUTED = 32,	/* grey, smaller: labels, notes */
	TG_DX_ADD = 64,		/* the colour of industry additions */
	TG_DX_AMEND = 128,	/* the colour of industry supplements */
	TG_DX_DOTS = 256	/* emphasis dots (傍点) */
};

/* What marks a paragraph: a side bar and shading that print. */
typedef enum tg_docx_bar {
	TG_DX_NO_BAR,
	TG_DX_BAR_ADD,		/* industry addition (orange) */
	TG_DX_BAR_AMEND		/* industry supplement (green) */
} tg_docx_bar;

/* Style ids of the built-in styles (and ours). */
#define TG_DX_TITLE "Title"
#define TG_DX_SUBTITLE "Subtitle"
#define TG_DX_TOC_HEADING "TOCHeading"
#define TG_DX_LIST "ListParagraph"
#define TG_DX_QUOTE "Quote"
#define TG_DX_TABLE_TEXT "TableText"
#define TG_DX_NOTE "Note"
#define TG_DX_LABELS "Labels"

tg_docx *tg_docx_new(const tg_docx_setup *s);
void tg_docx_free(tg_docx *d);
/* Packs the document into out (the bytes of a .docx) and frees d.
 * Returns false after reporting to diag (name: the file, for messages). */
bool tg_docx_finish(tg_docx *d, tg_buf *out, const char *name, tg_diag *diag);

/* The bar of every following paragraph, until set again. */
void tg_docx_set_bar(tg_docx *d, tg_docx_bar bar);

/* ---- paragraphs ---- */

/* Starts a paragraph of a style (NULL: Normal).  Properties set before the
 * first run: list membership, page break before, keep with next. */
void tg_docx_p_begin(tg_docx *d, const char *style);
void tg_docx_p_list(tg_docx *d, unsigned num, unsigned level);
void tg_docx_p_keep_next(tg_docx *d);
void tg_docx_p_center(tg_docx *d);
/* Text: '\n' is a line break, '\t' a tab. */
void tg_docx_run(tg_docx *d, const char *text, size_t len, unsigned fmt);
void tg_docx_text(tg_docx *d, const char *text, unsigned fmt);
void tg_docx_p_end(tg_docx *d);
/* A whole paragraph of one run. */
void tg_docx_para(tg_docx *d, const char *style, const char *text, unsigned fmt);
/* A heading paragraph (Heading 1-5); the bookmark (NULL: none) lets
 * links and the table of contents find it. */
void tg_docx_heading_begin(tg_docx *d, unsigned level, const char *bookmark);
void tg_docx_heading_end(tg_docx *d);
void tg_docx_page_break(tg_docx *d);

/* Inside a paragraph: a link to a bookmark, a field (instr such as
 * "PAGE" or "TOC \o \"1-2\" \h"; the cached result is what follows until
 * field_end, which may be paragraphs later), a comment on what lies
 * between comment_begin and comment_end (text: one paragraph per line). */
void tg_docx_link_begin(tg_docx *d, const char *bookmark);
void tg_docx_link_end(tg_docx *d);
void tg_docx_field_begin(tg_docx *d, const char *instr);
void tg_docx_field_end(tg_docx *d);
void tg_docx_field(tg_docx *d, const char *instr, const char *cached, unsigned fmt);
unsigned tg_docx_comment_begin(tg_docx *d);
void tg_docx_comment_end(tg_docx *d, unsigned id, const char *text);
/* An ASCII bookmark name made from an id ("app5/3.1.1" -> "app5_3_1_1"). */
void tg_docx_bookmark_name(tg_buf *out, const char *id);

/* ---- lists ---- */

/* A new list (its own numbering instance): ordered lists count from
 * start at the given level, bullets are "・". */
unsigned tg_docx_list(tg_docx *d, bool ordered, unsigned level, long start);

/* ---- tables ---- */

/* Columns as fractions of the text width; the first header_rows rows
 * repeat on every page and are shaded. */
void tg_docx_table_begin(tg_docx *d, size_t ncols, const double *widths, size_t header_rows);
void tg_docx_row_begin(tg_docx *d);
void tg_docx_cell_begin(tg_docx *d);
void tg_docx_cell_end(tg_docx *d);
void tg_docx_row_end(tg_docx *d);
void tg_docx_table_end(tg_docx *d);
/* A cell holding one paragraph of table text. */
void tg_docx_cell_text(tg_docx *d, const char *text, unsigned fmt);

/* ---- Markdown (docx_md.c) ---- */

/* Appends a Markdown text (the regulation's clause texts) as Word
 * paragraphs, lists and tables, through Discount's HTML; `lead` (NULL:
 * none) opens the first paragraph in lead_fmt. */
void tg_docx_markdown(tg_docx *d, const char *md, size_t len, const char *lead, unsigned lead_fmt);

#endif
