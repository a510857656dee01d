/* `forms`: every form of templates/forms/ (or those asked for) laid out
 * for an industry, a company and a level, one workbook each, written as
 * one output set into out/<industry>/forms[-<profile>]/. */
#include <stdlib.h>
#include <string.h>

#include "fx.h"
#include "../../load/form.h"
#include "../../regulation/regulation.h"
#include "../../totsugo.h"
#include "../../util/fs.h"
#include "../../util/outset.h"

bool
tg_forms_write_book(tg_outset *set, const char *path, const tg_fsheet *const *sheets, size_t n,
    tg_diag *diag)
{
	const char *tmp = tg_outset_reserve(set, path, diag);
	if (tmp == NULL)
		return false;
	const tg_fsheet *s = sheets[0];
	tg_book *b = tg_book_open(tmp, path, s->form->title, "totsugo 帳票", s->date, diag);
	if (b == NULL)
		return false;
	for (size_t i = 0; i < n; i++)
		tg_forms_xlsx(b, sheets[i]);
	return tg_book_close(b, diag);
}

static bool
wanted(const tg_forms_options *o, const tg_form *f)
{
	if (o->nforms == 0)
		return true;
	for (size_t i = 0; i < o->nforms; i++)
		if (strcmp(o->forms[i], f->id) == 0)
			return true;
	return false;
}

int
tg_forms_write(tg_data *d, const tg_forms_options *o, tg_buf *report, tg_diag *diag)
{
	const tg_industry *ind = tg_reg_find_industry(d, o->industry, diag);
	if (ind == NULL)
		return TG_EXIT_USAGE;
	size_t nforms = TG_BUF_COUNT(&d->forms, tg_form *);
	for (size_t i = 0; i < o->nforms; i++) {
		if (tg_data_form(d, o->forms[i]) != NULL)
			continue;
		const tg_broken_form *broken = tg_data_broken_form(d, o->forms[i]);
		if (broken != NULL) {
			tg_diag_error(diag, tg_pos_at(broken->path, 0, 0), "form '%s' is invalid ('totsugo "
			    "validate' lists its problems)", o->forms[i]);
			return TG_EXIT_INVALID;
		}
		tg_buf known = TG_BUF_INIT;
		for (size_t k = 0; k < nforms; k++)
			tg_buf_printf(&known, "%s%s", k ? ", " : "", TG_BUF_AT(&d->forms, tg_form *, k)->id);
		tg_diag_error(diag, tg_pos_at(NULL, 0, 0), "unknown form '%s' (known: %s)", o->forms[i],
		    known.len ? known.data : "none");
		tg_buf_free(&known);
		return TG_EXIT_USAGE;
	}
	if (nforms == 0) {
		tg_diag_error(diag, tg_pos_at(NULL, 0, 0), "the data has no forms (templates/forms/)");
		return TG_EXIT_INVALID;
	}
	const tg_profile *profile = NULL;
	int rc = o->profile ? tg_reg_find_profile(d, o->profile, ind, &profile, diag) : TG_EXIT_OK;
	if (rc != TG_EXIT_OK)
		return rc;
	int level;
	rc = tg_reg_find_level(o->level, ind, profile, &level, diag);
	if (rc != TG_EXIT_OK)
		return rc;
	tg_form_ctx ctx = {d, ind, profile, level == TG_REG_LEVEL_ALL ? TG_LEVEL_NONE : level};
	char *dir;
	if (o->output != NULL) {
		dir = tg_xstrdup(o->output);
	} else {
		tg_buf name = TG_BUF_INIT;
		tg_buf_puts(&name, "forms");
		if (profile != NULL)
			tg_buf_printf(&name, "-%s", profile->id);
		char *base = tg_fs_join("out", ind->id);
		dir = tg_fs_join(base, name.data);
		free(base);
		tg_buf_free(&name);
	}
	tg_outset *set = tg_outset_new();
	tg_buf skipped = TG_BUF_INIT;
	for (size_t i = 0; i < nforms && rc == TG_EXIT_OK; i++) {
		const tg_form *f = TG_BUF_AT(&d->forms, tg_form *, i);
		if (!wanted(o, f))
			continue;
		if (!tg_form_applies(f, ind)) {
			/* Said on the report; an error only when the form was asked for. */
			if (o->nforms > 0) {
				tg_diag_error(diag, tg_pos_at(NULL, 0, 0), "industry '%s' has no guideline: form "
				    "'%s' lists its requirements", ind->id, f->id);
				rc = TG_EXIT_USAGE;
				break;
			}
			tg_buf_printf(&skipped, "skipped %s: industry '%s' has no guideline\n", f->id, ind->id);
			continue;
		}
		tg_fsheet *s = tg_fsheet_build(f, &ctx, NULL, 0, diag);
		if (s == NULL) {
			rc = TG_EXIT_INVALID;
			break;
		}
		char *path = tg_fs_join(dir, s->file);
		if (!tg_forms_write_book(set, path, (const tg_fsheet *const *)&s, 1, diag))
			rc = TG_EXIT_IO;
		free(path);
		tg_fsheet_free(s);
	}
	if (rc == TG_EXIT_OK)
		rc = tg_outset_commit(set, diag);
	if (rc == TG_EXIT_OK) {
		for (size_t i = 0; i < tg_outset_count(set); i++)
			tg_buf_printf(report, "wrote %s\n", tg_outset_path(set, i));
		if (skipped.len > 0)
			tg_buf_puts(report, skipped.data);
	}
	tg_buf_free(&skipped);
	tg_outset_free(set);
	free(dir);
	return rc;
}
