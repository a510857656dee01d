/* The assessment's workbook: the 様式3 plan prefilled with the gaps (the
 * plan form's own layout, pull-downs and print setup), and the gap list
 * as a second sheet. */
#include <stdlib.h>

#include "ar.h"
#include "../forms/fx.h"

#define GAP_SHEET "課題一覧"

static void
gap_sheet(tg_book *b, const tg_ar_table *t)
{
	static const double widths[] = {5, 14, 22, 16, 6, 6, 36, 40, 20};
	tg_bsheet *ws = tg_book_sheet(b, GAP_SHEET);
	size_t n = t->ncols < 9 ? t->ncols : 9;
	tg_book_columns(ws, widths, n);
	tg_book_merge(ws, 0, 0, (unsigned)n - 1, "課題一覧（優先順）", TG_BS_TITLE);
	tg_book_row_height(ws, 0, 24);
	for (size_t c = 0; c < n; c++)
		tg_book_text(ws, 2, (unsigned)c, t->headers[c], TG_BS_HEADER);
	tg_book_row_height(ws, 2, tg_book_line_height(1));
	for (size_t r = 0; r < t->nrows; r++) {
		size_t lines = 1;
		for (size_t c = 0; c < n; c++) {
			const char *s = tg_ar_cell(t, r, c);
			tg_book_text(ws, (unsigned)(r + 3), (unsigned)c, s,
			    t->narrow[c] ? TG_BS_CELL_CENTER : TG_BS_CELL);
			size_t l = tg_book_lines(s, widths[c] - 1);
			if (l > lines)
				lines = l;
		}
		tg_book_row_height(ws, (unsigned)(r + 3), tg_book_line_height(lines));
	}
	tg_book_freeze(ws, 3, 0);
	tg_book_print(ws, true, 2, 2, "課題一覧（優先順）");
}

bool
tg_ar_xlsx(const tg_assessment *as, const tg_ar_report *r, tg_outset *set, const char *path,
    tg_diag *diag)
{
	const tg_fsheet *plan = as->plan_sheet;
	const char *tmp = tg_outset_reserve(set, path, diag);
	if (tmp == NULL)
		return false;
	const char *date = plan ? plan->date : as->ctx.ind->baseline->date;
	tg_book *b = tg_book_open(tmp, path, plan ? plan->form->title : r->title, "totsugo 診断結果",
	    date, diag);
	if (b == NULL)
		return false;
	if (plan != NULL)
		tg_forms_xlsx(b, plan);
	gap_sheet(b, r->gaps);
	return tg_book_close(b, diag);
}
