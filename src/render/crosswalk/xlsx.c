/* 突合表 as an Excel workbook through the print module (render/xlsx.c):
 * the table sheet (after the header block), the legend, サマリー and 反映案
 * (or 逆引き), each fitted to its paper with the header row repeated. */
#include "../xlsx.h"
#include "xw.h"

int
tg_xw_render_xlsx(const tg_view *v, const char *path, const char *name, tg_diag *diag)
{
	tg_xlsx *x = tg_xlsx_new(path, name, &v->doc, diag);
	if (x == NULL)
		return TG_EXIT_IO;
	bool ok = true;
	for (size_t i = 0; i < v->ntables && ok; i++) {
		tg_ptable p = tg_view_ptable(&v->tables[i]);
		ok = tg_xlsx_add_table(x, &p, true);
		if (ok && i == 0)
			ok = tg_xlsx_add_legend(x);
	}
	return tg_xlsx_close(x);
}
