/* What `validate` checks of the forms once the data is linked: every form
 * must lay out for every industry's baseline (each baseline checked once,
 * so that a mistake is reported once). */
#include <string.h>

#include "forms.h"
#include "../load/form.h"
#include "../regulation/regulation.h"
#include "../totsugo.h"

static void
check_items(const tg_form *f, const tg_catalog *base, tg_diag *diag)
{
	const tg_item *under = NULL;
	if (f->under != NULL && (f->source == TG_FORM_FROM_BASELINE ||
	    f->source == TG_FORM_FROM_CHAPTERS)) {
		under = tg_catalog_item(base, f->under);
		if (under == NULL)
			tg_diag_error(diag, f->under_pos, "form '%s' takes rows under '%s', which is not an "
			    "item of %s", f->id, f->under, base->id);
	}
	for (size_t i = 0; i < f->ntexts; i++) {
		const tg_item *it = tg_catalog_item(base, f->text_ids[i]);
		if (it == NULL)
			tg_diag_error(diag, f->text_pos[i], "text for '%s', which is not an item of %s",
			    f->text_ids[i], base->id);
		else if (f->source != TG_FORM_FROM_BASELINE || under == NULL || !tg_item_within(it, under) ||
		    it->nchildren > 0)
			tg_diag_error(diag, f->text_pos[i], "text for '%s', which is not a row of form '%s'",
			    f->text_ids[i], f->id);
	}
	for (size_t g = 0; g < f->ngroups; g++) {
		const tg_form_group *grp = &f->groups[g];
		for (size_t k = 0; k < grp->nchapters; k++)
			if (tg_catalog_item(base, grp->chapters[k]) == NULL)
				tg_diag_error(diag, grp->chapter_pos[k], "chapter '%s' is not an item of %s",
				    grp->chapters[k], base->id);
	}
}

static void
check_scoring(const tg_form *f, const tg_catalog *base, tg_arena *a, tg_diag *diag)
{
	for (size_t i = 0; i < f->nchoices; i++) {
		tg_scoring sc;
		if (f->choices[i].scoring == NULL ||
		    !tg_scoring_read(base, f->choices[i].scoring, f->choices[i].pos, a, &sc, diag))
			continue;
		size_t total = 0;
		for (size_t k = 0; k < sc.nanswers; k++) {
			total += strlen(sc.answers[k].label) + 1;
			if (strpbrk(sc.answers[k].label, ",\"") != NULL)
				tg_diag_error(diag, sc.answers[k].pos, "answer '%s' holds a comma or a quote, "
				    "which a spreadsheet's pull-down list cannot", sc.answers[k].label);
		}
		if (total > 255)
			tg_diag_error(diag, f->choices[i].pos, "the answers of meta.%s take %zu bytes; a "
			    "pull-down list holds at most 255", f->choices[i].scoring, total);
	}
	if (f->summary != TG_FSUM_SCORE || f->scoring == NULL)
		return;
	/* A key the choices read already is reported once. */
	for (size_t i = 0; i < f->nchoices; i++)
		if (f->choices[i].scoring != NULL && strcmp(f->choices[i].scoring, f->scoring) == 0) {
			tg_diag *quiet = tg_diag_new();
			tg_scoring sc;
			bool ok = tg_scoring_read(base, f->scoring, f->scoring_pos, a, &sc, quiet);
			tg_diag_free(quiet);
			if (ok && sc.nbands != f->nbands)
				tg_diag_error(diag, f->pos, "form '%s' has %zu bands, the scoring meta.%s of %s has "
				    "%zu", f->id, f->nbands, f->scoring, base->id, sc.nbands);
			return;
		}
	tg_scoring sc;
	if (!tg_scoring_read(base, f->scoring, f->scoring_pos, a, &sc, diag))
		return;
	if (sc.nbands != f->nbands)
		tg_diag_error(diag, f->pos, "form '%s' has %zu bands, the scoring meta.%s of %s has %zu",
		    f->id, f->nbands, f->scoring, base->id, sc.nbands);
}

/* Every check of one form against one baseline. */
static void
check_form(const tg_data *d, const tg_form *form, const tg_catalog *base, tg_arena *a,
    tg_diag *diag)
{
	check_items(form, base, diag);
	check_scoring(form, base, a, diag);
	if (form->source == TG_FORM_FROM_CHAPTERS && tg_reg_tset_for(d, base) == NULL)
		tg_diag_error(diag, form->pos, "form '%s' lists regulation chapters, but %s has no "
		    "regulation templates", form->id, base->id);
}

int
tg_forms_check_data(tg_data *d, tg_diag *diag)
{
	size_t before = tg_diag_errors(diag);
	tg_buf aside = TG_BUF_INIT;	/* const tg_form *: failed (lenient loading) */
	tg_buf seen = TG_BUF_INIT;	/* baselines checked */
	tg_arena a;
	tg_arena_init(&a);
	for (size_t i = 0; i < TG_DATA_COUNT(d, industries, tg_industry); i++) {
		const tg_catalog *base = TG_DATA_AT(d, industries, tg_industry, i)->baseline;
		if (base == NULL)
			continue;
		bool done = false;
		for (size_t k = 0; k < TG_BUF_COUNT(&seen, const tg_catalog *) && !done; k++)
			done = TG_BUF_AT(&seen, const tg_catalog *, k) == base;
		if (done)
			continue;
		TG_BUF_PUSH(&seen, const tg_catalog *, base);
		for (size_t f = 0; f < TG_BUF_COUNT(&d->forms, tg_form *); f++) {
			const tg_form *form = TG_BUF_AT(&d->forms, tg_form *, f);
			if (!d->lenient_profiles) {
				check_form(d, form, base, &a, diag);
				continue;
			}
			tg_diag *scratch = tg_diag_new();
			check_form(d, form, base, &a, scratch);
			if (tg_diag_errors(scratch) > 0)
				TG_BUF_PUSH(&aside, const tg_form *, form);
			tg_diag_free(scratch);
		}
	}
	/* (Set aside after the walk: it changes d->forms.) */
	for (size_t i = 0; i < TG_BUF_COUNT(&aside, const tg_form *); i++) {
		const tg_form *form = TG_BUF_AT(&aside, const tg_form *, i);
		if (tg_data_form(d, form->id) == form)
			tg_form_set_aside(d, diag, form->path, form->id);
	}
	tg_buf_free(&aside);
	tg_arena_free(&a);
	tg_buf_free(&seen);
	return tg_diag_errors(diag) > before ? TG_EXIT_INVALID : TG_EXIT_OK;
}
