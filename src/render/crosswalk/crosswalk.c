/* `crosswalk`: builds the table once, renders each requested format, and
 * writes the files as one output set under out/<industry>/ (or -o). */
#include <stdlib.h>
#include <string.h>

#include "../../util/csv.h"
#include "../../util/encoding.h"
#include "../../util/fs.h"
#include "../../util/outset.h"
#include "../../util/utf8.h"
#include "xw.h"

static const struct {
	unsigned flag;
	const char *ext;
} formats[] = {
	{TG_XF_MD, "md"}, {TG_XF_HTML, "html"}, {TG_XF_CSV, "csv"}, {TG_XF_TSV, "tsv"},
	{TG_XF_XLSX, "xlsx"}, {TG_XF_JSON, "json"},
};

unsigned
tg_crosswalk_format(const char *name)
{
	if (strcmp(name, "all") == 0)
		return TG_XF_ALL;
	for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
		if (strcmp(name, formats[i].ext) == 0)
			return formats[i].flag;
	return 0;
}

/* path of one output: DIR/BASE[SUFFIX].EXT, or the -o file itself. */
char *
tg_xw_output_path(const char *dir, const char *file, const char *base, const char *suffix,
    const char *ext)
{
	tg_buf p = TG_BUF_INIT;
	if (file != NULL) {
		const char *dot = strrchr(file, '.');
		const char *slash = strrchr(file, '/');
		if (dot != NULL && (slash == NULL || dot > slash) && suffix[0] != '\0') {
			tg_buf_put(&p, file, (size_t)(dot - file));
			tg_buf_printf(&p, "%s%s", suffix, dot);
		} else {
			tg_buf_printf(&p, "%s%s", file, suffix);
		}
	} else {
		char *joined = tg_fs_join(dir, base);
		tg_buf_printf(&p, "%s%s.%s", joined, suffix, ext);
		free(joined);
	}
	return tg_buf_detach(&p);
}

/* UTF-8 (with or without BOM) or CP932; a character CP932 lacks is an
 * error naming its row and column. */
int
tg_xw_encode_sheet(const tg_crosswalk_options *o, const char *path, tg_buf *text, tg_diag *diag)
{
	if (!o->cp932) {
		if (o->bom) {
			tg_buf b = TG_BUF_INIT;
			tg_buf_puts(&b, TG_UTF8_BOM);
			tg_buf_put(&b, text->data, text->len);
			tg_buf_free(text);
			*text = b;
		}
		return TG_EXIT_OK;
	}
	tg_buf out = TG_BUF_INIT;
	size_t bad = 0;
	if (tg_enc_utf8_to_cp932(text->data, text->len, &out, &bad)) {
		tg_buf_free(text);
		*text = out;
		return TG_EXIT_OK;
	}
	unsigned row = 1, col = 1;
	for (size_t i = 0; i < bad; i++) {
		if (text->data[i] == '\n')
			row++, col = 1;
		else if (((unsigned char)text->data[i] & 0xC0) != 0x80)
			col++;
	}
	size_t n;
	uint32_t cp = tg_utf8_decode(text->data + bad, text->len - bad, &n);
	tg_diag_error(diag, tg_pos_at(path, row, col),
	    "U+%04X '%.*s' cannot be written in cp932; use --encoding utf-8", (unsigned)cp, (int)n,
	    text->data + bad);
	tg_buf_free(&out);
	return TG_EXIT_INVALID;
}

/* Standard output right away; a file staged in the set. */
static int
write_file(tg_outset *set, const char *path, tg_buf *text, tg_diag *diag)
{
	if (strcmp(path, "-") == 0)
		return tg_output(path, text, diag);
	return tg_outset_put(set, path, text->data ? text->data : "", text->len, diag) ? TG_EXIT_OK :
	    TG_EXIT_IO;
}

static int write_one(tg_outset *set, const tg_data *d, const tg_crosswalk_options *o,
    tg_diag *diag);

/* --industry all: every industry, each into its own directory. */
static int
write_all(tg_outset *set, const tg_data *d, const tg_crosswalk_options *o, tg_diag *diag)
{
	int rc = TG_EXIT_OK;
	for (size_t i = 0; i < TG_DATA_COUNT(d, industries, tg_industry) && rc == TG_EXIT_OK; i++) {
		const tg_industry *ind = TG_DATA_AT(d, industries, tg_industry, i);
		tg_crosswalk_options one = *o;
		/* The trailing slash keeps -o a directory even for one format. */
		char *dir = NULL;
		if (o->output != NULL) {
			tg_buf p = TG_BUF_INIT;
			tg_buf_printf(&p, "%s%s%s/", o->output,
			    o->output[strlen(o->output) - 1] == '/' ? "" : "/", ind->id);
			dir = tg_buf_detach(&p);
		}
		one.industry = ind->id;
		one.output = dir;
		rc = write_one(set, d, &one, diag);
		free(dir);
	}
	return rc;
}

int
tg_crosswalk_write(const tg_data *d, const tg_crosswalk_options *o, tg_buf *report, tg_diag *diag)
{
	if (o->compact && o->inverse) {
		tg_diag_error(diag, tg_pos_at(NULL, 0, 0), "--layout compact does not apply to --inverse");
		return TG_EXIT_USAGE;
	}
	tg_outset *set = tg_outset_new();
	int rc = strcmp(o->industry, "all") == 0 ? write_all(set, d, o, diag) :
	    write_one(set, d, o, diag);
	if (rc == TG_EXIT_OK)
		rc = tg_outset_commit(set, diag);
	if (rc == TG_EXIT_OK)
		for (size_t i = 0; i < tg_outset_count(set); i++)
			tg_buf_printf(report, "wrote %s\n", tg_outset_path(set, i));
	tg_outset_free(set);
	return rc;
}

static int
write_one(tg_outset *set, const tg_data *d, const tg_crosswalk_options *o, tg_diag *diag)
{
	const tg_industry *ind = tg_data_industry(d, o->industry);
	if (ind != NULL && ind->guideline_id == NULL && ind->baseline != NULL)
		return tg_xw_write_contrast(set, d, ind, o, diag);
	if (ind == NULL || ind->guideline == NULL || ind->baseline == NULL) {
		tg_buf known = TG_BUF_INIT;
		for (size_t i = 0; i < TG_DATA_COUNT(d, industries, tg_industry); i++)
			tg_buf_printf(&known, "%s%s", i ? ", " : "",
			    TG_DATA_AT(d, industries, tg_industry, i)->id);
		tg_diag_error(diag, tg_pos_at(NULL, 0, 0), "unknown industry '%s' (known: %s)",
		    o->industry, known.len ? known.data : "none");
		tg_buf_free(&known);
		return TG_EXIT_USAGE;
	}
	int level = TG_LEVEL_NONE;
	if (o->level != NULL) {
		level = tg_catalog_level(ind->guideline, o->level);
		if (level < 0) {
			tg_buf known = TG_BUF_INIT;
			for (size_t i = 0; i < ind->guideline->nlevels; i++)
				tg_buf_printf(&known, "%s%s", i ? ", " : "", ind->guideline->levels[i]);
			tg_diag_error(diag, tg_pos_at(NULL, 0, 0), "'%s' is not a level of %s (levels: %s)",
			    o->level, ind->guideline->id, known.len ? known.data : "none");
			tg_buf_free(&known);
			return TG_EXIT_USAGE;
		}
	}
	unsigned fmts = o->formats ? o->formats : TG_XF_ALL;
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
	tg_buf base = TG_BUF_INIT;
	tg_buf_printf(&base, "%s%s%s%s", o->inverse ? "inverse" : "crosswalk",
	    level >= 0 ? "-" : "", level >= 0 ? ind->guideline->levels[level] : "",
	    o->compact ? "-compact" : "");

	tg_xtable *t = tg_xtable_build(d, ind, level);
	tg_view *v = tg_view_build(t, o->inverse, o->compact ? TG_LAYOUT_COMPACT : TG_LAYOUT_FULL);
	int rc = TG_EXIT_OK;
	for (size_t f = 0; f < sizeof formats / sizeof formats[0] && rc == TG_EXIT_OK; f++) {
		if (!(fmts & formats[f].flag))
			continue;
		tg_buf text = TG_BUF_INIT;
		switch (formats[f].flag) {
		case TG_XF_MD:
		case TG_XF_HTML:
		case TG_XF_JSON: {
			char *path = tg_xw_output_path(dir, file, base.data, "", formats[f].ext);
			if (formats[f].flag == TG_XF_MD)
				tg_xw_render_md(v, &text);
			else if (formats[f].flag == TG_XF_HTML)
				tg_xw_render_html(v, &text);
			else
				tg_xw_render_json(t, &text);
			rc = write_file(set, path, &text, diag);
			free(path);
			break;
		}
		case TG_XF_CSV:
		case TG_XF_TSV:
			for (size_t k = 0; k < v->ntables && rc == TG_EXIT_OK; k++) {
				char *path = tg_xw_output_path(dir, file, base.data, v->tables[k].file_suffix,
				    formats[f].ext);
				tg_buf_clear(&text);
				tg_xw_render_sheet(&v->tables[k], formats[f].flag == TG_XF_CSV ? ',' : '\t',
				    &text);
				rc = tg_xw_encode_sheet(o, path, &text, diag);
				if (rc == TG_EXIT_OK)
					rc = write_file(set, path, &text, diag);
				free(path);
			}
			break;
		case TG_XF_XLSX: {
			char *path = tg_xw_output_path(dir, file, base.data, "", "xlsx");
			const char *tmp = tg_outset_reserve(set, path, diag);
			rc = tmp == NULL ? TG_EXIT_IO : tg_xw_render_xlsx(v, tmp, path, diag);
			free(path);
			break;
		}
		}
		tg_buf_free(&text);
	}
	tg_view_free(v);
	tg_xtable_free(t);
	tg_buf_free(&base);
	free(dir);
	return rc;
}
