/* 突合表 tables as CSV or TSV (RFC 4180 quoting, formula-neutralised). */
#include "../../util/csv.h"
#include "xw.h"

void
tg_xw_render_sheet(const tg_vtable *t, char sep, tg_buf *out)
{
	tg_csv csv;
	tg_csv_init(&csv, out, sep, true);
	for (size_t c = 0; c < t->ncols; c++)
		tg_csv_field(&csv, t->headers[c]);
	tg_csv_end_row(&csv);
	for (size_t r = 0; r < t->nrows; r++) {
		for (size_t c = 0; c < t->ncols; c++)
			tg_csv_field(&csv, tg_view_cell(t, r, c));
		tg_csv_end_row(&csv);
	}
}
