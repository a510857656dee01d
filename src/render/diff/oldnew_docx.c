/* The 新旧対照表 as a Word document (render/docx.c), A4 landscape: a
 * two-column table 改正前 | 改正後 with the header row repeated on every
 * page, the clause heading in bold on the first line of each cell, changed
 * words underlined (傍線) on both sides, （略） for clauses left out. */
#include <string.h>

#include "../docx.h"
#include "common.h"

static void
side(tg_docx *d, const tg_on_row *r, bool new_side)
{
	tg_docx_cell_begin(d);
	tg_docx_p_begin(d, TG_DX_TABLE_TEXT);
	if ((new_side ? r->new_text : r->old_text) == NULL) {
		tg_docx_p_center(d);
		tg_docx_text(d, new_side ? "（削除）" : "（新設）", TG_DX_MUTED);
	} else {
		tg_buf segs = TG_BUF_INIT;
		tg_oldnew_side(r, new_side, &segs);
		bool heading = true;
		for (size_t i = 0; i < TG_BUF_COUNT(&segs, tg_on_seg); i++) {
			const tg_on_seg *sg = &TG_BUF_AT(&segs, tg_on_seg, i);
			const char *s = sg->s;
			size_t len = sg->len;
			unsigned fmt = sg->changed ? TG_DX_UNDERLINE : 0;
			while (len > 0) {
				const char *nl = heading ? memchr(s, '\n', len) : NULL;
				size_t n = nl ? (size_t)(nl - s) : len;
				tg_docx_run(d, s, n, fmt | (heading ? TG_DX_BOLD : 0));
				if (nl == NULL)
					break;
				tg_docx_run(d, "\n", 1, 0);
				heading = false;
				s = nl + 1;
				len -= n + 1;
			}
		}
		tg_buf_free(&segs);
	}
	tg_docx_p_end(d);
	tg_docx_cell_end(d);
}

static void
field(tg_docx *d, const char *key, const char *dir, const char *title, const char *source)
{
	tg_buf t = TG_BUF_INIT;
	if (title != NULL)
		tg_buf_printf(&t, "%s：%s（%s／%s）", key, title, dir, source);
	else
		tg_buf_printf(&t, "%s：%s／%s", key, dir, source);
	tg_docx_para(d, TG_DX_NOTE, t.data, 0);
	tg_buf_free(&t);
}

bool
tg_oldnew_render_docx(const tg_oldnew *on, tg_buf *out, const char *name, tg_diag *diag)
{
	tg_docx_setup s = {"新旧対照表", NULL, on->new_title, NULL, true, false};
	tg_docx *d = tg_docx_new(&s);
	tg_docx_heading_begin(d, 2, "oldnew");
	tg_docx_text(d, "新旧対照表", 0);
	tg_docx_heading_end(d);
	field(d, "改正前", on->old_dir, on->old_title, on->old_source);
	field(d, "改正後", on->new_dir, on->new_title, on->new_source);
	tg_buf t = TG_BUF_INIT;
	tg_buf_printf(&t, "条項：変更 %zu、新設 %zu、削除 %zu、変更なし %zu。下線（傍線）を付した部分が"
	    "改正部分である。変更のない条項は「（略）」とした。", on->changed, on->added, on->removed,
	    on->unchanged);
	tg_docx_para(d, NULL, t.data, 0);
	tg_buf_free(&t);
	static const double widths[] = {0.5, 0.5};
	tg_docx_table_begin(d, 2, widths, 1);
	tg_docx_row_begin(d);
	tg_docx_cell_begin(d);
	tg_docx_p_begin(d, TG_DX_TABLE_TEXT);
	tg_docx_p_center(d);
	tg_docx_text(d, "改正前", TG_DX_BOLD);
	tg_docx_cell_end(d);
	tg_docx_cell_begin(d);
	tg_docx_p_begin(d, TG_DX_TABLE_TEXT);
	tg_docx_p_center(d);
	tg_docx_text(d, "改正後", TG_DX_BOLD);
	tg_docx_cell_end(d);
	tg_docx_row_end(d);
	for (size_t i = 0; i < on->nrows; i++) {
		const tg_on_row *r = &on->rows[i];
		tg_docx_row_begin(d);
		if (r->kind == TG_ON_GAP) {
			for (int k = 0; k < 2; k++) {
				tg_docx_cell_begin(d);
				tg_docx_p_begin(d, TG_DX_TABLE_TEXT);
				tg_docx_p_center(d);
				tg_docx_text(d, "（略）", TG_DX_MUTED);
				tg_docx_cell_end(d);
			}
		} else {
			side(d, r, false);
			side(d, r, true);
		}
		tg_docx_row_end(d);
	}
	tg_docx_table_end(d);
	return tg_docx_finish(d, out, name, diag);
}
