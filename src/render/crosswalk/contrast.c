/* `crosswalk --industry ID` for an industry without a guideline: there is
 * nothing to crosswalk, so the command says so and writes the industry's
 * 対比表 (crosswalk/contrast.h) instead, through the 突合表's renderers
 * and print rules, its files staged in the command's output set. */
#include <stdlib.h>
#include <string.h>

#include "../../crosswalk/contrast.h"
#include "../../util/fs.h"
#include "../../util/outset.h"
#include "xw.h"

#define CONTRAST_FORMATS (TG_XF_MD | TG_XF_HTML | TG_XF_CSV | TG_XF_TSV | TG_XF_XLSX)

/* Text of one format (md, html, csv/tsv of table k). */
static void
render(const tg_view *v, unsigned flag, size_t k, tg_buf *out)
{
	if (flag == TG_XF_MD)
		tg_xw_render_md(v, out);
	else if (flag == TG_XF_HTML)
		tg_xw_render_html(v, out);
	else
		tg_xw_render_sheet(&v->tables[k], flag == TG_XF_CSV ? ',' : '\t', out);
}

int
tg_xw_write_contrast(tg_outset *set, const tg_data *d, const tg_industry *ind,
    const tg_crosswalk_options *o, tg_diag *diag)
{
	tg_pos none = tg_pos_at(NULL, 0, 0);
	const char *why = o->level != NULL ? "no levels (leave --level out)" : o->inverse ?
	    "no items to list per clause (leave --inverse out)" :
	    o->formats != 0 && o->formats != TG_XF_ALL && (o->formats & TG_XF_JSON) ?
	    "no mapping to write as JSON (its 対比表 is md, html, csv, tsv or xlsx)" : NULL;
	if (why != NULL) {
		tg_diag_error(diag, none, "industry '%s' has no guideline, so %s", ind->id, why);
		return TG_EXIT_USAGE;
	}
	tg_diag_report(diag, TG_NOTE, none, "industry '%s' has no guideline, so there is nothing to "
	    "crosswalk: its 対比表 (examples, terms and additions against the sample regulation) is "
	    "written instead. For an association's own checklist: 'totsugo import', then "
	    "'totsugo suggest'; for another industry without one: 'totsugo init-industry'", ind->id);
	tg_contrast_counts counts;
	tg_view *v = tg_contrast_build(d, ind, &counts, diag);
	if (v == NULL)
		return TG_EXIT_INVALID;
	unsigned fmts = (o->formats ? o->formats : TG_XF_ALL) & CONTRAST_FORMATS;
	bool single = (fmts & (fmts - 1)) == 0;
	const char *file = NULL;
	char *dir = NULL;
	if (o->output != NULL && single && !tg_fs_is_dir(o->output) &&
	    o->output[strlen(o->output) - 1] != '/')
		file = o->output;
	else if (o->output != NULL)
		dir = tg_xstrdup(o->output);
	else
		dir = tg_fs_join("out", ind->id);
	static const struct {
		unsigned flag;
		const char *ext;
	} formats[] = {{TG_XF_MD, "md"}, {TG_XF_HTML, "html"}, {TG_XF_CSV, "csv"}, {TG_XF_TSV, "tsv"},
	    {TG_XF_XLSX, "xlsx"}};
	int rc = TG_EXIT_OK;
	tg_buf text = TG_BUF_INIT;
	for (size_t f = 0; f < sizeof formats / sizeof formats[0] && rc == TG_EXIT_OK; f++) {
		unsigned flag = formats[f].flag;
		if (!(fmts & flag))
			continue;
		bool sheet = flag == TG_XF_CSV || flag == TG_XF_TSV;
		size_t ntables = sheet ? v->ntables : 1;
		for (size_t k = 0; k < ntables && rc == TG_EXIT_OK; k++) {
			char *path = tg_xw_output_path(dir, file, "contrast",
			    sheet ? v->tables[k].file_suffix : "", formats[f].ext);
			if (flag == TG_XF_XLSX) {
				const char *tmp = strcmp(path, "-") == 0 ? NULL : tg_outset_reserve(set, path, diag);
				if (tmp == NULL) {
					if (strcmp(path, "-") == 0)
						tg_diag_error(diag, tg_pos_at(NULL, 0, 0), "xlsx cannot be written to "
						    "standard output; give -o FILE");
					rc = strcmp(path, "-") == 0 ? TG_EXIT_USAGE : TG_EXIT_IO;
				} else {
					rc = tg_xw_render_xlsx(v, tmp, path, diag);
				}
				free(path);
				continue;
			}
			tg_buf_clear(&text);
			render(v, flag, k, &text);
			if (sheet)
				rc = tg_xw_encode_sheet(o, path, &text, diag);
			if (rc == TG_EXIT_OK && strcmp(path, "-") == 0)
				rc = tg_output(NULL, &text, diag);
			else if (rc == TG_EXIT_OK && !tg_outset_put(set, path, text.data ? text.data : "",
			    text.len, diag))
				rc = TG_EXIT_IO;
			free(path);
		}
	}
	tg_buf_free(&text);
	free(dir);
	tg_view_free(v);
	return rc;
}
