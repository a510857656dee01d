/* 突合表 as Markdown: title, header block, one pipe table per sheet, legend. */
#include "../escape.h"
#include "xw.h"

void
tg_xw_render_md(const tg_view *v, tg_buf *out)
{
	tg_buf_puts(out, "# ");
	tg_esc_md_text(out, v->title);
	tg_buf_puts(out, "\n\n");
	tg_print_md_header(out, &v->doc);
	for (size_t t = 0; t < v->ntables; t++) {
		const tg_vtable *vt = &v->tables[t];
		tg_buf_puts(out, "\n## ");
		tg_esc_md_text(out, vt->title);
		tg_buf_puts(out, "\n\n");
		if (vt->nrows == 0) {
			tg_buf_puts(out, "（該当なし）\n");
			continue;
		}
		tg_buf_putc(out, '|');
		for (size_t c = 0; c < vt->ncols; c++) {
			tg_buf_putc(out, ' ');
			tg_esc_md_cell(out, vt->headers[c]);
			tg_buf_puts(out, " |");
		}
		tg_buf_puts(out, "\n|");
		for (size_t c = 0; c < vt->ncols; c++)
			tg_buf_puts(out, vt->kinds[c] == TG_COL_SHORT ? ":---:|" :
			    vt->kinds[c] == TG_COL_NUMBER ? "---:|" : "---|");
		tg_buf_putc(out, '\n');
		for (size_t r = 0; r < vt->nrows; r++) {
			tg_buf_putc(out, '|');
			for (size_t c = 0; c < vt->ncols; c++) {
				tg_buf_putc(out, ' ');
				tg_esc_md_cell(out, tg_view_cell(vt, r, c));
				tg_buf_puts(out, " |");
			}
			tg_buf_putc(out, '\n');
		}
	}
	tg_print_md_legend(out, &v->doc);
}
