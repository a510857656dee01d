/* The assessment's workbook: the 様式3 plan prefilled with the gaps (the
 * plan form's own layout, pull-downs and print setup), and the gap list
 * as a print table (render/print.h): the report's header block and how
 * the list is ordered above it, widths fitted to A4 landscape. */
#include <stdlib.h>
#include <string.h>

#include "ar.h"
#include "../forms/fx.h"

#define GAP_SHEET "課題一覧"

/* The report's 「項目：値」 lines as the fields of a header block. */
static tg_print_field *
header_fields(const tg_ar_report *r)
{
	static const char sep[] = "：";
	tg_print_field *f = tg_xcalloc(r->nmeta ? r->nmeta : 1, sizeof *f);
	for (size_t i = 0; i < r->nmeta; i++) {
		const char *m = r->meta[i], *at = strstr(m, sep);
		f[i].key = at ? tg_xstrndup(m, (size_t)(at - m)) : tg_xstrdup("");
		f[i].value = at ? at + sizeof sep - 1 : m;
	}
	return f;
}

static void
gap_sheet(tg_book *b, const tg_ar_report *r)
{
	const tg_ar_table *t = r->gaps;
	const char **cells = tg_xcalloc(t->ncols * (t->nrows ? t->nrows : 1), sizeof *cells);
	for (size_t i = 0; i < t->nrows; i++)
		for (size_t c = 0; c < t->ncols; c++)
			cells[i * t->ncols + c] = tg_ar_cell(t, i, c);
	tg_ptable p = {0};
	p.name = GAP_SHEET;
	p.title = "課題一覧（優先順）";
	p.ncols = t->ncols;
	p.headers = t->headers;
	p.kinds = t->kinds;
	p.cells = cells;
	p.nrows = t->nrows;
	p.row_names = r->gap_rows;
	p.page = (tg_page){TG_PAPER_A4, true};
	tg_book_table(b, &p);
	free(cells);
}

bool
tg_ar_xlsx(const tg_assessment *as, const tg_ar_report *r, tg_outset *set, const char *path,
    tg_diag *diag)
{
	const tg_fsheet *plan = as->plan_sheet;
	const char *tmp = tg_outset_reserve(set, path, diag);
	if (tmp == NULL)
		return false;
	tg_print_field *fields = header_fields(r);
	tg_pdoc doc = {0};
	doc.title = r->title;
	doc.fields = fields;
	doc.nfields = r->nmeta;
	doc.notes = r->gap_notes;
	doc.nnotes = r->ngap_notes;
	doc.subject = "totsugo 診断結果";
	doc.date = plan ? plan->date : as->ctx.ind->baseline->date;
	bool ok = false;
	tg_book *b = tg_book_open(tmp, path, &doc, diag);
	if (b != NULL) {
		if (plan != NULL)
			tg_forms_xlsx(b, plan);
		gap_sheet(b, r);
		ok = tg_book_close(b);
	}
	for (size_t i = 0; i < r->nmeta; i++)
		free((char *)fields[i].key);
	free(fields);
	return ok;
}
