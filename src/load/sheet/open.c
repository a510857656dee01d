/* One entry point for every sheet file: CSV and TSV through sheet.c, XLSX
 * workbooks through xlsx.c, chosen by the caller or by the extension. */
#include <string.h>

#include "sheet.h"
#include "xlsx.h"
#include "../../totsugo.h"

static bool
ends_with_ci(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	if (n < m)
		return false;
	for (size_t i = 0; i < m; i++) {
		char c = s[n - m + i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c + 32);
		if (c != suffix[i])
			return false;
	}
	return true;
}

tg_sheet_format
tg_sheet_format_of(const char *path, tg_sheet_format format)
{
	if (format != TG_SHEET_FORMAT_AUTO)
		return format;
	if (ends_with_ci(path, ".xlsx") || ends_with_ci(path, ".xlsm"))
		return TG_SHEET_FORMAT_XLSX;
	if (ends_with_ci(path, ".tsv") || ends_with_ci(path, ".tab"))
		return TG_SHEET_FORMAT_TSV;
	return TG_SHEET_FORMAT_CSV;
}

static int
load_xlsx(tg_sheet *sh, const char *path, const char *display, const char *name, tg_diag *diag)
{
	int rc;
	memset(sh, 0, sizeof *sh);
	tg_xlsx *wb = tg_xlsx_open_file(path, display, diag, &rc);
	if (wb == NULL)
		return rc;
	long i = name ? tg_xlsx_find(wb, name) : tg_xlsx_first(wb);
	if (i < 0) {
		tg_buf list = TG_BUF_INIT;
		for (size_t k = 0; k < tg_xlsx_count(wb); k++)
			tg_buf_printf(&list, "%s'%s'%s", k ? ", " : "", tg_xlsx_name(wb, k),
			    tg_xlsx_hidden(wb, k) ? " (hidden)" : !tg_xlsx_is_worksheet(wb, k) ?
			    " (a chart)" : "");
		if (name)
			tg_diag_error(diag, tg_pos_at(display ? display : path, 0, 0),
			    "the workbook has no sheet '%s' (its sheets: %s)", name, list.data);
		else
			tg_diag_error(diag, tg_pos_at(display ? display : path, 0, 0),
			    "the workbook has no visible worksheet (its sheets: %s)", list.data);
		tg_buf_free(&list);
		tg_xlsx_free(wb);
		return TG_EXIT_INVALID;
	}
	rc = tg_xlsx_read(wb, (size_t)i, sh, diag);
	tg_xlsx_free(wb);
	return rc;
}

int
tg_sheet_load(tg_sheet *sh, const char *path, const char *display, const tg_sheet_options *o,
    tg_diag *diag)
{
	switch (tg_sheet_format_of(path, o->format)) {
	case TG_SHEET_FORMAT_XLSX:
		return load_xlsx(sh, path, display, o->sheet, diag);
	case TG_SHEET_FORMAT_TSV:
		return tg_sheet_read_file(sh, path, display, '\t', o->encoding, diag);
	default:
		return tg_sheet_read_file(sh, path, display, ',', o->encoding, diag);
	}
}
