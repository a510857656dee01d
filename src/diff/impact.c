/* Impact of a catalog change on the data directory: the crosswalk rows
 * that name a changed item (removed, modified, renumbered, split, merged;
 * a move alone does not change what an item asks for) and the regulation
 * clauses those rows feed.  A clause is fed by a row of a crosswalk that
 * an industry uses: the row's targets carry its label into the clause,
 * and its proposal adds text to the proposal's clause. */
#include <stdlib.h>
#include <string.h>

#include "diff.h"

/* The old catalog's item id a reference names (bare, or qualified with the
 * old catalog's id); NULL when it names another catalog. */
static const char *
bare_id(const char *ref, const char *catalog_id, char **tmp)
{
	*tmp = NULL;
	if (ref == NULL)
		return NULL;
	const char *colon = strchr(ref, ':');
	if (colon == NULL)
		return ref;
	size_t n = (size_t)(colon - ref);
	if (strlen(catalog_id) != n || strncmp(ref, catalog_id, n) != 0)
		return NULL;
	return colon + 1;
}

static const tg_diff_entry *
change_of(const tg_catdiff *cd, const char *ref)
{
	char *tmp;
	const char *id = bare_id(ref, cd->old_cat->id, &tmp);
	const tg_item *it = id ? tg_catalog_item(cd->old_cat, id) : NULL;
	if (it == NULL)
		return NULL;
	const tg_diff_entry *e = cd->by_old[it->index];
	return e != NULL && (e->kinds & TG_DK_REVIEW) ? e : NULL;
}

typedef struct clause_use {
	const tg_item *clause;
	tg_impact_use use;
	size_t seq;
} clause_use;

static int
cmp_clause_use(const void *pa, const void *pb)
{
	const clause_use *a = pa, *b = pb;
	if (a->clause != b->clause) {
		int c = strcmp(a->clause->catalog->id, b->clause->catalog->id);
		if (c != 0)
			return c;
		return a->clause->index < b->clause->index ? -1 : 1;
	}
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static void
use_clause(tg_buf *uses, const tg_item *clause, const tg_crosswalk *xw, const tg_xw_row *row,
    bool proposal)
{
	if (clause == NULL)
		return;
	clause_use u = {clause, {xw, row, proposal}, TG_BUF_COUNT(uses, clause_use)};
	TG_BUF_PUSH(uses, clause_use, u);
}

static void
add_row(tg_buf *rows, const tg_crosswalk *xw, const tg_xw_row *row, bool source_side,
    const char *item_id, const tg_diff_entry *e, const tg_xw_target *t)
{
	tg_impact_row r = {xw, row, source_side, item_id, e, t};
	TG_BUF_PUSH(rows, tg_impact_row, r);
}

static bool
feeds_regulation(const tg_data *d, const tg_crosswalk *xw)
{
	for (size_t i = 0; i < TG_DATA_COUNT(d, industries, tg_industry); i++) {
		const tg_industry *ind = TG_DATA_AT(d, industries, tg_industry, i);
		for (size_t k = 0; k < ind->ncrosswalks; k++)
			if (ind->crosswalks[k] == xw)
				return true;
	}
	return false;
}

void
tg_impact_compute(tg_impact *im, const tg_data *d, const tg_catdiff *cd)
{
	memset(im, 0, sizeof *im);
	im->computed = true;
	const char *oid = cd->old_cat->id;
	tg_buf rows = TG_BUF_INIT, uses = TG_BUF_INIT;
	for (size_t x = 0; x < TG_DATA_COUNT(d, crosswalks, tg_crosswalk); x++) {
		const tg_crosswalk *xw = TG_DATA_AT(d, crosswalks, tg_crosswalk, x);
		bool src = xw->source_id && strcmp(xw->source_id, oid) == 0;
		bool tgt = xw->target_id && strcmp(xw->target_id, oid) == 0;
		if (!src && !tgt)
			continue;
		im->ncrosswalks++;
		bool feeds = feeds_regulation(d, xw);
		/* The rows people wrote: derived pairs are composed again. */
		for (size_t r = 0; r < xw->nstored_rows; r++) {
			const tg_xw_row *row = &xw->stored_rows[r];
			const tg_diff_entry *e = src ? change_of(cd, row->source_id) : NULL;
			if (e != NULL) {
				char *tmp;
				add_row(&rows, xw, row, true, bare_id(row->source_id, oid, &tmp), e, NULL);
				for (size_t t = 0; t < row->ntargets && feeds; t++)
					use_clause(&uses, row->targets[t].target, xw, row, false);
				if (feeds && row->proposal && row->proposal->action != TG_ACTION_NONE)
					use_clause(&uses, row->proposal->clause, xw, row, true);
			}
			if (!tgt)
				continue;
			for (size_t t = 0; t < row->ntargets; t++) {
				const tg_xw_target *tg = &row->targets[t];
				const tg_diff_entry *te = change_of(cd, tg->target_id);
				if (te == NULL)
					continue;
				char *tmp;
				add_row(&rows, xw, row, false, bare_id(tg->target_id, oid, &tmp), te, tg);
				if (feeds)
					use_clause(&uses, tg->target, xw, row, false);
			}
			const tg_proposal *p = row->proposal;
			const tg_diff_entry *pe = p ? change_of(cd, p->clause_id) : NULL;
			if (pe != NULL) {
				char *tmp;
				add_row(&rows, xw, row, false, bare_id(p->clause_id, oid, &tmp), pe, NULL);
				if (feeds && p->action != TG_ACTION_NONE)
					use_clause(&uses, p->clause, xw, row, true);
			}
		}
	}
	im->nrows = TG_BUF_COUNT(&rows, tg_impact_row);
	im->rows = (tg_impact_row *)(void *)tg_buf_detach(&rows);

	/* Group the uses by clause; one use per (crosswalk, row, kind). */
	size_t nu = TG_BUF_COUNT(&uses, clause_use);
	clause_use *u = (clause_use *)(void *)uses.data;
	if (nu > 0)
		qsort(u, nu, sizeof *u, cmp_clause_use);
	im->clauses = tg_xcalloc(nu + 1, sizeof *im->clauses);
	for (size_t i = 0; i < nu;) {
		size_t j = i;
		while (j < nu && u[j].clause == u[i].clause)
			j++;
		tg_impact_clause *c = &im->clauses[im->nclauses++];
		c->clause = u[i].clause;
		c->uses = tg_xcalloc(j - i, sizeof *c->uses);
		for (size_t k = i; k < j; k++) {
			bool dup = false;
			for (size_t q = 0; q < c->nuses && !dup; q++)
				dup = c->uses[q].xw == u[k].use.xw && c->uses[q].row == u[k].use.row &&
				    c->uses[q].proposal == u[k].use.proposal;
			if (!dup)
				c->uses[c->nuses++] = u[k].use;
		}
		i = j;
	}
	tg_buf_free(&uses);
}

void
tg_impact_free(tg_impact *im)
{
	for (size_t i = 0; i < im->nclauses; i++)
		free(im->clauses[i].uses);
	free(im->clauses);
	free(im->rows);
	memset(im, 0, sizeof *im);
}
