/* `list`: everything loaded, one line each; --stats adds per-crosswalk counts. */
#include "../../model/form.h"
#include "../../model/model.h"
#include "../../totsugo.h"
#include "../../util/term.h"

static void list(const tg_data *d, bool stats, tg_buf *out);

/* For a terminal: what the data says is shown, never run (term.h). */
void
tg_list(const tg_data *d, bool stats, tg_buf *out)
{
	tg_buf raw = TG_BUF_INIT;
	list(d, stats, &raw);
	tg_term_put(out, raw.data ? raw.data : "", raw.len, true);
	tg_buf_free(&raw);
}

static void
list(const tg_data *d, bool stats, tg_buf *out)
{
	for (size_t i = 0; i < TG_DATA_COUNT(d, catalogs, tg_catalog); i++) {
		const tg_catalog *c = TG_DATA_AT(d, catalogs, tg_catalog, i);
		tg_buf_printf(out, "catalog    %-36s %6zu items  %s\n", c->id ? c->id : "?",
		    c->nitems, c->title ? c->title : "");
	}
	for (size_t i = 0; i < TG_DATA_COUNT(d, crosswalks, tg_crosswalk); i++) {
		const tg_crosswalk *xw = TG_DATA_AT(d, crosswalks, tg_crosswalk, i);
		tg_buf_printf(out, "crosswalk  %-36s %6zu rows   %s -> %s%s\n", xw->id ? xw->id : "?",
		    xw->nrows, xw->source_id ? xw->source_id : "?", xw->target_id ? xw->target_id : "?",
		    xw->nvia > 0 ? "  (derived)" : "");
		if (!stats)
			continue;
		size_t rel[TG_REL_COUNT] = {0}, st[TG_STATUS_COUNT] = {0}, pairs = 0, proposals = 0,
		    derived = 0;
		for (size_t r = 0; r < xw->nrows; r++) {
			const tg_xw_row *row = &xw->rows[r];
			if (row->ntargets == 0)
				st[row->status]++;
			for (size_t t = 0; t < row->ntargets; t++) {
				if (row->targets[t].relationship < TG_REL_COUNT)
					rel[row->targets[t].relationship]++;
				st[row->targets[t].status]++;
				pairs++;
				derived += row->targets[t].derived;
			}
			if (row->proposal != NULL)
				proposals++;
		}
		tg_buf_printf(out, "           pairs %zu:", pairs);
		for (int k = 0; k < TG_REL_COUNT; k++)
			tg_buf_printf(out, " %s %zu", tg_relationship_name((tg_relationship)k), rel[k]);
		tg_buf_printf(out, "\n           status: reviewed %zu, suggested %zu, unmapped %zu; proposals %zu\n",
		    st[TG_STATUS_REVIEWED], st[TG_STATUS_SUGGESTED], st[TG_STATUS_UNMAPPED], proposals);
		if (xw->nvia > 0)
			tg_buf_printf(out, "           derived pairs %zu, written in the file %zu\n", derived,
			    pairs - derived);
	}
	for (size_t i = 0; i < TG_DATA_COUNT(d, industries, tg_industry); i++) {
		const tg_industry *ind = TG_DATA_AT(d, industries, tg_industry, i);
		tg_buf_printf(out, "industry   %-36s %6zu terms  %s (%s)\n", ind->id ? ind->id : "?",
		    ind->nterms, ind->title ? ind->title : "", ind->guideline_id ? ind->guideline_id : "no guideline");
	}
	for (size_t i = 0; i < TG_DATA_COUNT(d, paramsets, tg_paramset); i++) {
		const tg_paramset *ps = TG_DATA_AT(d, paramsets, tg_paramset, i);
		tg_buf_printf(out, "parameters %-36s %6zu params templates/%s\n", ps->id ? ps->id : "?",
		    ps->nparams, ps->templates ? ps->templates : "?");
	}
	for (size_t i = 0; i < TG_DATA_COUNT(d, profiles, tg_profile); i++) {
		const tg_profile *p = TG_DATA_AT(d, profiles, tg_profile, i);
		tg_buf_printf(out, "profile    %-36s        industry %s\n", p->id ? p->id : "?",
		    p->industry_id ? p->industry_id : "?");
	}
	for (size_t i = 0; i < TG_BUF_COUNT(&d->forms, tg_form *); i++) {
		const tg_form *f = TG_BUF_AT(&d->forms, tg_form *, i);
		tg_buf_printf(out, "form       %-36s %6zu cols   %s\n", f->id, f->ncolumns,
		    f->title ? f->title : "");
	}
	for (size_t i = 0; i < TG_DATA_COUNT(d, termsets, tg_termset); i++) {
		const tg_termset *t = TG_DATA_AT(d, termsets, tg_termset, i);
		tg_buf_printf(out, "terms      %-36s %6zu groups %s\n", t->id ? t->id : "?",
		    t->ngroups, t->title ? t->title : "");
	}
}
