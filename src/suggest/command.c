/* `suggest SOURCE`: which catalogs and terms, the ranking, the output (a
 * crosswalk checked by loading it, or a review view). */
#include <string.h>

#include "suggest.h"
#include "../crosswalk/write.h"
#include "../load/load.h"
#include "../util/fs.h"
#include "../util/text.h"

static bool
is_file_arg(const char *arg)
{
	return tg_fs_is_file(arg) || strchr(arg, '/') != NULL || tg_text_ends_with(arg, ".yaml") ||
	    tg_text_ends_with(arg, ".yml");
}

/* The source: a catalog of the data directory, or a catalog file (as
 * `import` writes it) in a data set of its own. */
static const tg_catalog *
find_source(const tg_data *d, const char *arg, tg_data **own, tg_diag *diag)
{
	if (!is_file_arg(arg)) {
		const tg_catalog *c = tg_data_catalog(d, arg);
		if (c == NULL)
			tg_diag_error(diag, tg_pos_at(NULL, 0, 0), "no catalog '%s' in the data directory "
			    "'%s' (see 'totsugo list'; a file name needs a '/' or a .yaml suffix)", arg, d->root);
		return c;
	}
	tg_data *f = *own = tg_data_new(".");
	if (tg_data_load_file(f, diag, arg, NULL) != TG_EXIT_OK)
		return NULL;
	if (TG_DATA_COUNT(f, catalogs, tg_catalog) != 1) {
		tg_diag_error(diag, tg_pos_at(arg, 1, 1), "not a catalog (suggest needs the catalog "
		    "of the guideline to map, as 'totsugo import' writes it)");
		return NULL;
	}
	if (tg_data_link(f, diag) != TG_EXIT_OK)
		return NULL;
	const tg_catalog *c = TG_DATA_AT(f, catalogs, tg_catalog, 0);
	const tg_catalog *same = c->id ? tg_data_catalog(d, c->id) : NULL;
	if (same != NULL && strcmp(same->file, c->file) != 0)
		tg_diag_warning(diag, tg_pos_at(arg, 0, 0), "the data directory has another catalog "
		    "'%s' (%s); the file given is used", c->id, same->file);
	return c;
}

static const tg_industry *
industry_of(const tg_data *d, const tg_catalog *source)
{
	for (size_t i = 0; i < TG_DATA_COUNT(d, industries, tg_industry); i++) {
		const tg_industry *ind = TG_DATA_AT(d, industries, tg_industry, i);
		if (ind->guideline_id && strcmp(ind->guideline_id, source->id) == 0)
			return ind;
	}
	return NULL;
}

/* --target, else the baseline of the source's industry, else the one
 * baseline every industry shares.  Nothing assumes which guideline it is. */
static const tg_catalog *
find_target(const tg_data *d, const char *arg, const tg_industry *ind, tg_diag *diag)
{
	if (arg != NULL) {
		const tg_catalog *c = tg_data_catalog(d, arg);
		if (c == NULL)
			tg_diag_error(diag, tg_pos_at(NULL, 0, 0), "no catalog '%s' in the data directory "
			    "'%s' (--target)", arg, d->root);
		return c;
	}
	if (ind != NULL && ind->baseline != NULL)
		return ind->baseline;
	const tg_catalog *common = NULL;
	for (size_t i = 0; i < TG_DATA_COUNT(d, industries, tg_industry); i++) {
		const tg_catalog *b = TG_DATA_AT(d, industries, tg_industry, i)->baseline;
		if (b == NULL || b == common)
			continue;
		if (common != NULL) {
			tg_diag_error(diag, tg_pos_at(NULL, 0, 0), "the industries have several baselines "
			    "(%s, %s): name the catalog to map to with --target", common->id, b->id);
			return NULL;
		}
		common = b;
	}
	if (common == NULL)
		tg_diag_error(diag, tg_pos_at(NULL, 0, 0),
		    "no industry names a baseline: name the catalog to map to with --target");
	return common;
}

/* The crosswalk written must load next to its catalogs: checked, so that a
 * bug here never hands out a file that `validate` rejects. */
static bool
check_output(const tg_buf *yaml, const tg_catalog *source, const tg_catalog *target,
    tg_diag *diag)
{
	tg_data *d = tg_data_new(".");
	tg_diag *tmp = tg_diag_new();
	tg_data_load_file(d, tmp, source->file, NULL);
	if (strcmp(source->file, target->file) != 0)
		tg_data_load_file(d, tmp, target->file, NULL);
	tg_data_load_text(d, tmp, "(suggested crosswalk)", yaml->data ? yaml->data : "", yaml->len);
	tg_data_link(d, tmp);
	bool ok = tg_diag_errors(tmp) == 0;
	if (!ok) {
		tg_diag_print(tmp, stderr);
		tg_diag_error(diag, tg_pos_at(NULL, 0, 0),
		    "internal error: the suggested crosswalk does not load (please report this)");
	}
	tg_diag_free(tmp);
	tg_data_free(d);
	return ok;
}

int
tg_suggest(const tg_data *d, const tg_suggest_options *o, tg_buf *out, tg_buf *summary,
    tg_diag *diag)
{
	tg_data *own = NULL;
	tg_sg_result *r = NULL;
	int rc = TG_EXIT_INVALID;
	const tg_catalog *source = find_source(d, o->source, &own, diag);
	if (source == NULL)
		goto out;
	const tg_industry *ind = industry_of(d, source);
	const tg_catalog *target = find_target(d, o->target, ind, diag);
	if (target == NULL)
		goto out;
	if (target == source || strcmp(target->id, source->id) == 0) {
		tg_diag_error(diag, tg_pos_at(NULL, 0, 0), "the source and the target are the same "
		    "catalog '%s'", source->id);
		goto out;
	}
	r = tg_sg_rank(d, source, target, ind, o->top, (float)o->min_score);
	size_t pairs = 0, unmapped = 0;
	for (size_t i = 0; i < r->nrows; i++) {
		pairs += r->rows[i].ncands;
		unmapped += r->rows[i].ncands == 0;
	}
	tg_buf_printf(summary, "suggest: %zu items of %s against %zu items of %s: %zu pairs, %zu "
	    "items without a candidate (similarity >= %.2f, top %zu, %zu term groups)\n", r->nrows,
	    source->id, r->ntargets, target->id, pairs, unmapped, o->min_score, o->top, r->nconcepts);
	switch (o->format) {
	case TG_SUGGEST_MD:
		tg_sg_render_md(r, out);
		break;
	case TG_SUGGEST_HTML:
		tg_sg_render_html(r, out);
		break;
	case TG_SUGGEST_CSV:
		tg_sg_render_csv(r, out);
		break;
	default:
		tg_xw_write_yaml(tg_sg_crosswalk(r),
		    "Suggested by totsugo suggest from text similarity: every pair is to be reviewed.\n"
		    "Review it in Excel: totsugo review export (see docs/workflow.md).", out);
		if (!check_output(out, source, target, diag))
			goto out;
		break;
	}
	rc = TG_EXIT_OK;
out:
	tg_sg_result_free(r);
	tg_data_free(own);
	return rc;
}
