/* What the files of the 突合表's view share (internal to src/crosswalk/):
 *   xview.c        the tables assembled row by row, filter choices, tg_view_build
 *   xview_cells.c  the text of cells: labels of items, levels, places, chapters,
 *                  excerpts, proposals (and the public tg_label_* wording)
 *   xview_doc.c    the document: title, header block, notes and legend */
#ifndef TG_XVIEW_INTERNAL_H
#define TG_XVIEW_INTERNAL_H

#include "xview.h"

/* ---- xview.c ---- */

/* A copy of s ("" for NULL) in the view's arena. */
const char *tg_view_keep(tg_view *v, const char *s);
/* Do any rows need the 出所 column (items that are not the guideline's own)? */
bool tg_view_has_marked_rows(const tg_xtable *t);

/* ---- xview_cells.c ---- */

/* "No.44 title", or the ref alone when the title is the ref. */
void tg_view_item_label(tg_buf *out, const tg_item *it);
/* The source document's own numbering, where ours differs and it is known. */
void tg_view_official_label(tg_buf *out, const tg_item *it);
void tg_view_level_label(tg_buf *out, const tg_item *it);
/* "3 情報資産管理 / 3.1 情報資産の管理 / 3.1.1 …" below the root. */
void tg_view_path_label(tg_buf *out, const tg_item *it);
/* A baseline part as a column header: its ref and title. */
void tg_view_root_header(tg_buf *out, const tg_item *root);
/* "付録5 1.4.1" — where in the baseline an item is; a root is just its ref. */
void tg_view_place_label(tg_buf *out, const tg_item *it);
/* "付録5 3.1.1 情報資産の特定と機密性の評価": where in the baseline, and what. */
void tg_view_counterpart_label(tg_buf *out, const tg_item *it);
void tg_view_chapter_label(tg_buf *out, const tg_item *ch);
/* The ids of the chapters a row's direct counterparts are in, space-separated. */
void tg_view_chapters_of_row(const tg_xtable *t, const tg_xt_row *r, tg_buf *out);
/* Up to max characters of an item's clause (or its text). */
void tg_view_excerpt(const tg_xtable *t, const tg_item *it, tg_buf *out, size_t max);
/* 【追加】 … : a proposal as one cell. */
void tg_view_proposal_text(tg_buf *out, const tg_proposal *p);
/* The baseline and the guideline as readers call them: IPAガイドライン. */
const char *tg_view_base_name(const tg_xtable *t);
const char *tg_view_guide_name(const tg_xtable *t);

/* ---- xview_doc.c ---- */

/* Title, header block, notes and legend of the document. */
void tg_view_document(tg_view *v, const tg_xtable *t, bool inverse, tg_xw_layout layout);

#endif
