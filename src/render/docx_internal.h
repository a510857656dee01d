/* What the two halves of the Word writer share (internal to src/render/):
 *   docx.c          the body, built as XML while the caller goes: paragraphs,
 *                   runs, headings, links, fields, comments, lists, tables
 *   docx_package.c  the other parts, written when the package is packed:
 *                   styles, numbering, settings, fonts, page header and footer,
 *                   document properties, the zip */
#ifndef TG_DOCX_INTERNAL_H
#define TG_DOCX_INTERNAL_H

#include "docx.h"

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

/* ---- docx.c ---- */

/* Escapes text for XML; drops what XML 1.0 cannot hold (control
 * characters, U+FFFE/U+FFFF) and turns invalid UTF-8 into U+FFFD. */
void tg_docx_xml_esc(tg_buf *out, const char *s, size_t len);
void tg_docx_xml_escs(tg_buf *out, const char *s);

#endif
