/* Views of the 突合表 as plain tables of text cells (the layout of seed
 * 003 表3), shared by the Markdown, HTML, CSV/TSV and XLSX renderers: one
 * table per sheet.  All labels are Japanese. */
#ifndef TG_XVIEW_H
#define TG_XVIEW_H

#include "../render/print.h"
#include "xtable.h"

/* The 突合表's layouts: `full` (a column per baseline part, seed 003 表3,
 * on A3) and `compact` (one combined counterpart column, on A4). */
typedef enum tg_xw_layout {
	TG_LAYOUT_FULL,
	TG_LAYOUT_COMPACT
} tg_xw_layout;

typedef struct tg_vtable {
	const char *name;	/* sheet name (XLSX: at most 31 characters) */
	const char *file_suffix;	/* "" for the main table, "-summary" … for CSV files */
	const char *title;
	size_t ncols;
	const char **headers;
	tg_col_kind *kinds;
	const char **cells;	/* row-major, never NULL */
	size_t nrows;
	const char **row_level;	/* filter attributes (HTML); NULL when none */
	const char **row_chapters;	/* space-separated chapter ids */
	const char **row_names;	/* what each row is, for messages: 自工会 No.44 */
	tg_page page;		/* the paper it prints on */
	size_t freeze_cols;
} tg_vtable;

typedef struct tg_view {
	const char *title;
	tg_pdoc doc;		/* title, header block, notes, legend (print.h) */
	tg_vtable *tables;
	size_t ntables;
	/* filter choices (HTML) */
	const char **levels;
	size_t nlevels;
	const char **chapter_ids, **chapter_labels;
	size_t nchapters;
	const char *filter_label;	/* the second filter's label; NULL: 規程の章 */
	tg_arena arena;
} tg_view;

#define TG_VIEW_NONE "対応なし"

/* The 突合表 (突合表, サマリー, 反映案) in a layout or, inverse, the
 * baseline's view (付録5の条項ごとの業界項目). */
tg_view *tg_view_build(const tg_xtable *t, bool inverse, tg_xw_layout layout);
/* A table of the view as the print module reads it. */
tg_ptable tg_view_ptable(const tg_vtable *t);
void tg_view_free(tg_view *v);
const char *tg_view_cell(const tg_vtable *t, size_t row, size_t col);

/* Japanese labels shared with other outputs. */
const char *tg_label_relationship(tg_relationship r);
const char *tg_label_status(tg_status s);
const char *tg_label_action(tg_action a);
/* A derived pair's path: 「SCS 4-1-3 経由」 (each item passed through, by
 * its catalog's short title and its reference); nothing for a stored pair. */
void tg_label_via(tg_buf *out, const tg_xw_target *t);

#endif
