/* `crosswalk`: the 突合表 in every output format — one file per format,
 * crosswalk.c dispatches and names the files. */
#ifndef TG_XW_H
#define TG_XW_H

#include "../../crosswalk/xview.h"
#include "../../totsugo.h"
#include "../../util/outset.h"

void tg_xw_render_md(const tg_view *v, tg_buf *out);
void tg_xw_render_html(const tg_view *v, tg_buf *out);
/* One table as CSV (sep ',') or TSV (sep '\t'), UTF-8, formula-neutralised. */
void tg_xw_render_sheet(const tg_vtable *t, char sep, tg_buf *out);
/* Writes any view as a workbook to path (a temporary of the output set;
 * name is its destination, for messages) with the print rules of
 * render/print.c: the view's header block, legend and tables.  Returns a
 * TG_EXIT_* code. */
int tg_xw_render_xlsx(const tg_view *v, const char *path, const char *name, tg_diag *diag);
/* DIR/BASE[SUFFIX].EXT, or (file given: -o FILE with one format) the file
 * with SUFFIX before its extension.  malloc'ed. */
char *tg_xw_output_path(const char *dir, const char *file, const char *base, const char *suffix,
    const char *ext);
/* A CSV/TSV text as o asks: UTF-8 with or without BOM, or CP932 (a
 * character it lacks is an error at its row and column of path). */
int tg_xw_encode_sheet(const tg_crosswalk_options *o, const char *path, tg_buf *text,
    tg_diag *diag);
/* The 対比表 of an industry without a guideline (render/crosswalk/contrast.c):
 * md, html, csv, tsv, xlsx as o asks, staged in the command's output set.
 * json and --inverse / --level are usage errors when asked for explicitly. */
int tg_xw_write_contrast(tg_outset *set, const tg_data *d, const tg_industry *ind,
    const tg_crosswalk_options *o, tg_diag *diag);
void tg_xw_render_json(const tg_xtable *t, tg_buf *out);

#endif
