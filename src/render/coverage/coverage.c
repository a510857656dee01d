/* `coverage`: resolves the industry, profile, catalog and level, builds the
 * coverage once and writes each format as one output set under
 * out/<industry>/coverage-<catalog>[-<level>][-<profile>].*  (or -o).
 *
 * Markdown, HTML, CSV and XLSX go through the 突合表's renderers
 * (render/crosswalk/xw.h) from the view of coverage/view.c, so they follow
 * the 突合表's conventions (and whatever print rules those renderers get);
 * JSON has its own file (json.c). */
#include <stdlib.h>
#include <string.h>

#include "../../util/csv.h"
#include "../../util/fs.h"
#include "../../util/outset.h"
#include "../crosswalk/xw.h"
#include "cov.h"

static const struct {
	unsigned flag;
	const char *ext;
} formats[] = {
	{TG_CF_MD, "md"}, {TG_CF_HTML, "html"}, {TG_CF_CSV, "csv"}, {TG_CF_XLSX, "xlsx"},
	{TG_CF_JSON, "json"},
};

unsigned
tg_coverage_format(const char *name)
{
	if (strcmp(name, "all") == 0)
		return TG_CF_ALL;
	for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
		if (strcmp(name, formats[i].ext) == 0)
			return formats[i].flag;
	return 0;
}

static void
known_catalogs(const tg_data *d, tg_buf *out)
{
	for (size_t i = 0; i < TG_DATA_COUNT(d, catalogs, tg_catalog); i++) {
		const tg_catalog *c = TG_DATA_AT(d, catalogs, tg_catalog, i);
		if (c->id != NULL)
			tg_buf_printf(out, "%s%s", out->len ? ", " : "", c->id);
	}
}

static int
find_against(const tg_data *d, const tg_coverage_options *o, tg_cov_spec *spec, tg_diag *diag)
{
	if (o->against == NULL) {
		tg_diag_error(diag, tg_pos_at(NULL, 0, 0), "missing --against CATALOG");
		return TG_EXIT_USAGE;
	}
	spec->against = tg_data_catalog(d, o->against);
	if (spec->against == NULL) {
		tg_buf known = TG_BUF_INIT;
		known_catalogs(d, &known);
		tg_diag_error(diag, tg_pos_at(NULL, 0, 0), "unknown catalog '%s' (known: %s)", o->against,
		    known.len ? known.data : "none");
		tg_buf_free(&known);
		return TG_EXIT_USAGE;
	}
	spec->level = TG_LEVEL_NONE;
	if (o->level == NULL)
		return TG_EXIT_OK;
	spec->level = tg_catalog_level(spec->against, o->level);
	if (spec->level >= 0)
		return TG_EXIT_OK;
	tg_buf known = TG_BUF_INIT;
	for (size_t i = 0; i < spec->against->nlevels; i++)
		tg_buf_printf(&known, "%s%s", i ? ", " : "", spec->against->levels[i]);
	tg_diag_error(diag, tg_pos_at(NULL, 0, 0), "'%s' is not a level of %s (levels: %s)", o->level,
	    spec->against->id, known.len ? known.data : "none");
	tg_buf_free(&known);
	return TG_EXIT_USAGE;
}

/* The rendered formats into one output set (or standard output). */
static int
write_formats(const tg_coverage *c, const tg_coverage_options *o, const char *dir,
    const char *file, const char *base, tg_buf *report, tg_diag *diag)
{
	unsigned fmts = o->formats ? o->formats : TG_CF_ALL;
	bool to_stdout = file != NULL && strcmp(file, "-") == 0;
	tg_view *v = tg_cov_view_build(c);
	tg_outset *set = tg_outset_new();
	tg_buf text = TG_BUF_INIT;
	int rc = TG_EXIT_OK;
	for (size_t f = 0; f < sizeof formats / sizeof formats[0] && rc == TG_EXIT_OK; f++) {
		unsigned flag = formats[f].flag;
		if (!(fmts & flag))
			continue;
		if (flag == TG_CF_CSV) {
			for (size_t k = 0; k < v->ntables && rc == TG_EXIT_OK; k++) {
				tg_buf_clear(&text);
				tg_buf_puts(&text, TG_UTF8_BOM);	/* what Excel in Japan needs */
				tg_xw_render_sheet(&v->tables[k], ',', &text);
				char *path = tg_xw_output_path(dir, file, base, v->tables[k].file_suffix, "csv");
				if (!tg_outset_put(set, path, text.data, text.len, diag))
					rc = TG_EXIT_IO;
				free(path);
			}
			continue;
		}
		char *path = tg_xw_output_path(dir, file, base, "", formats[f].ext);
		if (flag == TG_CF_XLSX) {
			const char *tmp = tg_outset_reserve(set, path, diag);
			rc = tmp == NULL ? TG_EXIT_IO :
			    tg_xw_render_xlsx(v, tmp, path, diag);
			free(path);
			continue;
		}
		tg_buf_clear(&text);
		if (flag == TG_CF_MD)
			tg_xw_render_md(v, &text);
		else if (flag == TG_CF_HTML)
			tg_xw_render_html(v, &text);
		else
			tg_cov_render_json(c, &text);
		if (to_stdout)
			rc = tg_output(NULL, &text, diag);
		else if (!tg_outset_put(set, path, text.data, text.len, diag))
			rc = TG_EXIT_IO;
		free(path);
	}
	if (rc == TG_EXIT_OK)
		rc = tg_outset_commit(set, diag);
	if (rc == TG_EXIT_OK)
		for (size_t i = 0; i < tg_outset_count(set); i++)
			tg_buf_printf(report, "wrote %s\n", tg_outset_path(set, i));
	tg_outset_free(set);
	tg_buf_free(&text);
	tg_view_free(v);
	return rc;
}

int
tg_coverage_write(tg_data *d, const tg_coverage_options *o, tg_buf *report, tg_diag *diag)
{
	if (o->industry == NULL) {
		tg_diag_error(diag, tg_pos_at(NULL, 0, 0), "missing --industry ID");
		return TG_EXIT_USAGE;
	}
	const tg_industry *ind = tg_reg_find_industry(d, o->industry, diag);
	if (ind == NULL)
		return TG_EXIT_USAGE;
	tg_cov_spec spec = {ind, NULL, TG_REG_LEVEL_ALL, NULL, TG_LEVEL_NONE};
	int rc = find_against(d, o, &spec, diag);
	if (rc == TG_EXIT_OK && o->profile != NULL)
		rc = tg_reg_find_profile(d, o->profile, ind, &spec.profile, diag);
	if (rc == TG_EXIT_OK)
		rc = tg_reg_find_level(NULL, ind, spec.profile, &spec.reg_level, diag);
	if (rc != TG_EXIT_OK)
		return rc;
	unsigned fmts = o->formats ? o->formats : TG_CF_ALL;
	bool single = (fmts & (fmts - 1)) == 0;
	if (o->output != NULL && strcmp(o->output, "-") == 0 &&
	    (!single || (fmts & (TG_CF_CSV | TG_CF_XLSX)))) {
		tg_diag_error(diag, tg_pos_at(NULL, 0, 0),
		    "-o - writes one md, html or json document to standard output");
		return TG_EXIT_USAGE;
	}
	tg_coverage *c = tg_coverage_build(d, &spec, diag);
	if (c == NULL)
		return TG_EXIT_INVALID;
	if (!c->has_path && c->nitems > 0) {
		tg_diag_error(diag, tg_pos_at(NULL, 0, 0), "no crosswalk leads from catalog '%s' to the "
		    "baseline '%s' of industry '%s' (write one, or derive one through a catalog they "
		    "share)", spec.against->id, ind->baseline->id, ind->id);
		tg_coverage_free(c);
		return TG_EXIT_USAGE;
	}
	const char *file = NULL;
	char *dir = NULL;
	if (o->output != NULL && single && !tg_fs_is_dir(o->output) &&
	    o->output[strlen(o->output) - 1] != '/')
		file = o->output;
	else if (o->output != NULL)
		dir = tg_xstrdup(o->output);
	else
		dir = tg_fs_join("out", ind->id);
	tg_buf base = TG_BUF_INIT;
	tg_buf_printf(&base, "coverage-%s", spec.against->id);
	if (spec.level >= 0)
		tg_buf_printf(&base, "-%s", spec.against->levels[spec.level]);
	if (spec.profile != NULL && spec.profile->id != NULL)
		tg_buf_printf(&base, "-%s", spec.profile->id);
	rc = write_formats(c, o, dir, file, base.data, report, diag);
	tg_buf_free(&base);
	free(dir);
	tg_coverage_free(c);
	return rc;
}
