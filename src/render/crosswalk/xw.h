/* `crosswalk`: the 突合表 in every output format — one file per format,
 * crosswalk.c dispatches and names the files. */
#ifndef TG_XW_H
#define TG_XW_H

#include "../../crosswalk/xview.h"
#include "../../totsugo.h"

void tg_xw_render_md(const tg_view *v, tg_buf *out);
void tg_xw_render_html(const tg_view *v, tg_buf *out);
/* One table as CSV (sep ',') or TSV (sep '\t'), UTF-8, formula-neutralised. */
void tg_xw_render_sheet(const tg_vtable *t, char sep, tg_buf *out);
/* Writes the workbook into file (a temporary of the output set, renamed
 * to path by the set's commit; path names it in messages).  Returns a
 * TG_EXIT_* code. */
int tg_xw_render_xlsx(const tg_view *v, const tg_xtable *t, const char *file, const char *path,
    tg_diag *diag);
void tg_xw_render_json(const tg_xtable *t, tg_buf *out);

#endif
