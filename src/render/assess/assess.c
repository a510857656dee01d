/* `assess`: reads the filled forms, then writes the report (md, html,
 * json) and the workbook (the prefilled 様式3 and the gap list) as one
 * output set into out/<industry>/assessment/ — nothing when a cell is bad. */
#include <stdlib.h>
#include <string.h>

#include "ar.h"
#include "../../totsugo.h"
#include "../../util/fs.h"

unsigned
tg_assess_format(const char *name)
{
	static const struct {
		const char *name;
		unsigned bit;
	} formats[] = {{"md", TG_AF_MD}, {"html", TG_AF_HTML}, {"xlsx", TG_AF_XLSX},
	    {"json", TG_AF_JSON}, {"all", TG_AF_ALL}};
	for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
		if (strcmp(formats[i].name, name) == 0)
			return formats[i].bit;
	return 0;
}

static bool
put(tg_outset *set, const char *dir, const char *name, const tg_buf *text, tg_diag *diag)
{
	char *path = tg_fs_join(dir, name);
	bool ok = tg_outset_put(set, path, text->data ? text->data : "", text->len, diag);
	free(path);
	return ok;
}

int
tg_assess_write(tg_data *d, const tg_assess_options *o, tg_buf *report, tg_diag *diag)
{
	tg_assess_input in = {o->files, o->nfiles, o->industry, o->profile, o->level};
	tg_assessment *as;
	int rc = tg_assess_run(d, &in, &as, diag);
	if (rc != TG_EXIT_OK)
		return rc;
	char *dir;
	if (o->output != NULL) {
		dir = tg_xstrdup(o->output);
	} else {
		char *base = tg_fs_join("out", as->ctx.ind->id);
		dir = tg_fs_join(base, "assessment");
		free(base);
	}
	unsigned fmts = o->formats ? o->formats : TG_AF_ALL;
	tg_ar_report *r = tg_ar_build(as);
	tg_outset *set = tg_outset_new();
	tg_buf text = TG_BUF_INIT;
	bool ok = true;
	if (fmts & TG_AF_MD) {
		tg_ar_md(r, &text);
		ok = put(set, dir, "assessment.md", &text, diag);
	}
	if (ok && (fmts & TG_AF_HTML)) {
		tg_buf_clear(&text);
		tg_ar_html(r, &text);
		ok = put(set, dir, "assessment.html", &text, diag);
	}
	if (ok && (fmts & TG_AF_JSON)) {
		tg_buf_clear(&text);
		tg_ar_json(as, &text);
		ok = put(set, dir, "assessment.json", &text, diag);
	}
	if (ok && (fmts & TG_AF_XLSX)) {
		char *path = tg_fs_join(dir, as->plan_sheet ? as->plan_sheet->file : "assessment.xlsx");
		ok = tg_ar_xlsx(as, r, set, path, diag);
		free(path);
	}
	rc = ok ? tg_outset_commit(set, diag) : TG_EXIT_IO;
	if (rc == TG_EXIT_OK) {
		tg_ar_summary(as, report);
		for (size_t i = 0; i < tg_outset_count(set); i++)
			tg_buf_printf(report, "wrote %s\n", tg_outset_path(set, i));
	}
	tg_buf_free(&text);
	tg_outset_free(set);
	tg_ar_free(r);
	tg_assess_free(as);
	free(dir);
	return rc;
}
