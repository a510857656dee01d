/* The `diff` command: resolving OLD / NEW (catalog ids of the data
 * directory, or YAML files loaded on their own so that two versions may
 * share an id), then the model, the impact, and one output. */
#include <stdlib.h>
#include <string.h>

#include "diff.h"
#include "../load/load.h"
#include "../util/fs.h"
#include "../util/text.h"

/* A file rather than an id: it exists, or looks like a path (ids have
 * neither '/' nor a .yaml suffix). */
static bool
is_file_arg(const char *arg)
{
	return tg_fs_is_file(arg) || strchr(arg, '/') != NULL || tg_text_ends_with(arg, ".yaml") ||
	    tg_text_ends_with(arg, ".yml");
}

static const tg_catalog *
catalog_by_id(const tg_data *d, const char *id, tg_diag *diag)
{
	const tg_catalog *c = tg_data_catalog(d, id);
	if (c != NULL)
		return c;
	if (tg_data_crosswalk(d, id) != NULL)
		tg_diag_error(diag, tg_pos_at(NULL, 0, 0), "'%s' is a crosswalk, not a catalog", id);
	else
		tg_diag_error(diag, tg_pos_at(NULL, 0, 0),
		    "no catalog '%s' in the data directory '%s' (see 'totsugo list'; "
		    "a file name needs a '/' or a .yaml suffix)", id, d->root);
	return NULL;
}

/* Loads a file that must hold a catalog, in a data set of its own. */
static const tg_catalog *
catalog_file(const char *path, tg_data **owner, tg_diag *diag)
{
	tg_data *d = *owner = tg_data_new(".");
	if (tg_data_load_file(d, diag, path, NULL) != TG_EXIT_OK)
		return NULL;
	if (TG_DATA_COUNT(d, catalogs, tg_catalog) != 1) {
		const char *kind = TG_DATA_COUNT(d, crosswalks, tg_crosswalk) ? "crosswalk"
		    : TG_DATA_COUNT(d, industries, tg_industry) ? "industry"
		    : TG_DATA_COUNT(d, paramsets, tg_paramset) ? "parameter registry" : "profile";
		tg_diag_error(diag, tg_pos_at(path, 1, 1), "not a catalog (the file holds a %s)", kind);
		return NULL;
	}
	if (tg_data_link(d, diag) != TG_EXIT_OK)
		return NULL;
	return TG_DATA_AT(d, catalogs, tg_catalog, 0);
}

/* Loads the crosswalk to migrate with the catalogs it names: the old
 * catalog's file for the old side, the data directory's for the other. */
static const tg_crosswalk *
load_for_migration(const char *path, const tg_catalog *oc, const tg_data *data, tg_data **owner,
    tg_diag *diag)
{
	tg_data *m = *owner = tg_data_new(".");
	if (tg_data_load_file(m, diag, path, NULL) != TG_EXIT_OK)
		return NULL;
	if (TG_DATA_COUNT(m, crosswalks, tg_crosswalk) != 1) {
		tg_diag_error(diag, tg_pos_at(path, 1, 1), "--migrate-crosswalk needs a crosswalk file");
		return NULL;
	}
	const tg_crosswalk *xw = TG_DATA_AT(m, crosswalks, tg_crosswalk, 0);
	bool src = strcmp(xw->source_id, oc->id) == 0, tgt = strcmp(xw->target_id, oc->id) == 0;
	if (!src && !tgt) {
		tg_diag_error(diag, xw->source_pos, "crosswalk '%s' maps '%s' to '%s', not catalog '%s'",
		    xw->id ? xw->id : "?", xw->source_id, xw->target_id, oc->id);
		return NULL;
	}
	int rc = tg_data_load_file(m, diag, oc->file, NULL);
	const char *other = !src ? xw->source_id : !tgt ? xw->target_id : NULL;
	if (other != NULL) {
		const tg_catalog *c = tg_data_catalog(data, other);
		if (c == NULL) {
			tg_diag_error(diag, !src ? xw->source_pos : xw->target_pos,
			    "catalog '%s' is not in the data directory %s", other, data->root);
			return NULL;
		}
		if (rc == TG_EXIT_OK)
			rc = tg_data_load_file(m, diag, c->file, NULL);
	}
	if (rc != TG_EXIT_OK || tg_data_link(m, diag) != TG_EXIT_OK)
		return NULL;
	return xw;
}

/* The draft must load next to the new catalog: check it, so that a bug
 * here never hands out a crosswalk that `validate` rejects. */
static bool
check_draft(const tg_buf *draft, const char *name, const tg_catalog *nc, const tg_crosswalk *xw,
    const tg_catalog *oc, const tg_data *data, char **id, tg_diag *diag)
{
	tg_data *d = tg_data_new(".");
	size_t before = tg_diag_errors(diag);
	tg_data_load_file(d, diag, nc->file, NULL);
	bool src = strcmp(xw->source_id, oc->id) == 0, tgt = strcmp(xw->target_id, oc->id) == 0;
	const char *other = !src ? xw->source_id : !tgt ? xw->target_id : NULL;
	const tg_catalog *c = other ? tg_data_catalog(data, other) : NULL;
	if (c != NULL && strcmp(c->id, nc->id) != 0)
		tg_data_load_file(d, diag, c->file, NULL);
	tg_data_load_text(d, diag, name, draft->data ? draft->data : "", draft->len);
	tg_data_link(d, diag);
	bool ok = tg_diag_errors(diag) == before && TG_DATA_COUNT(d, crosswalks, tg_crosswalk) == 1;
	if (!ok)
		tg_diag_error(diag, tg_pos_at(NULL, 0, 0),
		    "internal error: the migrated crosswalk does not load (please report this)");
	else
		*id = tg_xstrdup(TG_DATA_AT(d, crosswalks, tg_crosswalk, 0)->id);
	tg_data_free(d);
	return ok;
}

static void
render(const tg_diff_options *o, const tg_diff_report *r, tg_buf *out)
{
	switch (o->format) {
	case TG_DIFF_TEXT: tg_diff_render_text(r, out); break;
	case TG_DIFF_MD: tg_diff_render_md(r, out); break;
	case TG_DIFF_HTML: tg_diff_render_html(r, out); break;
	case TG_DIFF_JSON: tg_diff_render_json(r, out); break;
	case TG_DIFF_DOCX:
	case TG_DIFF_REDLINE: break;	/* --regulation only (the CLI refuses them here) */
	}
}

int
tg_diff(const tg_diff_options *o, const char *old_arg, const char *new_arg, tg_buf *out,
    tg_buf *draft, tg_diag *diag)
{
	int rc = TG_DIFF_TROUBLE;
	tg_data *data = NULL, *old_data = NULL, *new_data = NULL, *mig = NULL;
	char *dir = NULL, *draft_id = NULL;
	tg_catdiff cd;
	tg_impact im;
	bool computed = false;
	memset(&im, 0, sizeof im);
	bool old_file = is_file_arg(old_arg), new_file = is_file_arg(new_arg);
	/* The data directory holds the ids and the crosswalks; two files can
	 * be compared without one (no impact then). */
	bool need_data = !old_file || !new_file || o->migrate != NULL;
	dir = tg_data_locate(o->data_option);
	if (dir == NULL && need_data) {
		tg_diag_error(diag, tg_pos_at(NULL, 0, 0),
		    "no data directory found: use --data DIR or set TOTSUGO_DATA");
		goto out;
	}
	if (dir != NULL) {
		int r;
		data = tg_data_open_using(dir, diag, &r);
		if (r != TG_EXIT_OK)
			goto out;
	}
	/* Both sides are loaded before giving up: every problem at once. */
	const tg_catalog *oc = old_file ? catalog_file(old_arg, &old_data, diag)
	    : catalog_by_id(data, old_arg, diag);
	const tg_catalog *nc = new_file ? catalog_file(new_arg, &new_data, diag)
	    : catalog_by_id(data, new_arg, diag);
	if (oc == NULL || nc == NULL)
		goto out;
	tg_catdiff_compute(&cd, oc, nc);
	computed = true;
	if (data != NULL)
		tg_impact_compute(&im, data, &cd);
	bool same = tg_catdiff_identical(&cd);
	if (o->migrate != NULL) {
		const tg_crosswalk *xw = load_for_migration(o->migrate, oc, data, &mig, diag);
		if (xw == NULL)
			goto out;
		tg_migrate_stats st;
		tg_migrate_crosswalk(&cd, xw, o->migrate, draft, &st);
		const char *name = o->draft_name ? o->draft_name : "draft";
		if (!check_draft(draft, name, nc, xw, oc, data, &draft_id, diag))
			goto out;
		tg_buf_printf(out, "%s: crosswalk %s for %s: %zu rows; %zu ids rewritten, "
		    "%zu rows set to suggested, %zu removed items commented out, "
		    "%zu rows added for new items\n", name, draft_id, nc->id, st.rows, st.rewritten,
		    st.suggested, st.commented, st.added);
	} else if (!same) {
		tg_diff_report r = {&cd, data ? &im : NULL, old_arg, new_arg, o->color};
		render(o, &r, out);
	}
	rc = same ? TG_DIFF_SAME : TG_DIFF_DIFFERENT;
out:
	if (computed)
		tg_catdiff_free(&cd);
	tg_impact_free(&im);
	tg_data_free(data);
	tg_data_free(old_data);
	tg_data_free(new_data);
	tg_data_free(mig);
	free(dir);
	free(draft_id);
	return rc;
}

int
tg_diff_regulation(const char *old_dir, const char *new_dir, tg_diff_format format,
    const char *name, tg_buf *out, tg_diag *diag)
{
	if (format != TG_DIFF_REDLINE) {
		tg_oldnew on;
		int rc = TG_DIFF_TROUBLE;
		if (tg_oldnew_compute(&on, old_dir, new_dir, diag) == TG_EXIT_OK) {
			rc = tg_oldnew_identical(&on) ? TG_DIFF_SAME : TG_DIFF_DIFFERENT;
			if (rc == TG_DIFF_DIFFERENT && format == TG_DIFF_MD)
				tg_oldnew_render_md(&on, out);
			else if (rc == TG_DIFF_DIFFERENT && format == TG_DIFF_DOCX)
				rc = tg_oldnew_render_docx(&on, out, name, diag) ? rc : TG_DIFF_TROUBLE;
			else if (rc == TG_DIFF_DIFFERENT)
				tg_oldnew_render_html(&on, out);
		}
		tg_oldnew_free(&on);
		return rc;
	}
	tg_regdiff rd;
	int rc = TG_DIFF_TROUBLE;
	if (tg_regdiff_compute(&rd, old_dir, new_dir, diag) != TG_EXIT_OK)
		goto out;
	rc = tg_regdiff_identical(&rd) ? TG_DIFF_SAME : TG_DIFF_DIFFERENT;
	if (rc == TG_DIFF_DIFFERENT)
		tg_regdiff_render_html(&rd, out);
out:
	tg_regdiff_free(&rd);
	return rc;
}
