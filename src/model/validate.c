/* Linking a loaded data set: ids indexed, references resolved, every
 * cross-file rule checked.  All problems are reported, none stops the pass. */
#include <stdlib.h>
#include <string.h>

#include "../load/load.h"
#include "../util/text.h"

typedef struct named {
	const char *id;
	const char *file;
	tg_pos pos;
} named;

/* Each kind of object has its own struct; sorting and duplicate checks see
 * them through these small accessors. */
typedef const named *(*get_named)(const void *obj, named *tmp);

#define NAMED_OF(T)                                                          \
	static const named *named_##T(const void *obj, named *tmp)           \
	{                                                                    \
		const T *o = obj;                                            \
		tmp->id = o->id;                                             \
		tmp->file = o->file;                                         \
		tmp->pos = o->pos;                                           \
		return tmp;                                                  \
	}
NAMED_OF(tg_catalog)
NAMED_OF(tg_crosswalk)
NAMED_OF(tg_industry)
NAMED_OF(tg_paramset)
NAMED_OF(tg_profile)
NAMED_OF(tg_termset)

static get_named sort_getter;

static int
compare_objects(const void *pa, const void *pb)
{
	named ta, tb;
	const named *a = sort_getter(*(void *const *)pa, &ta);
	const named *b = sort_getter(*(void *const *)pb, &tb);
	if ((a->id == NULL) != (b->id == NULL))
		return a->id == NULL ? 1 : -1;
	int c = a->id && b->id ? strcmp(a->id, b->id) : 0;
	if (c != 0)
		return c;
	c = strcmp(a->file, b->file);
	if (c != 0)
		return c;
	return a->pos.line < b->pos.line ? -1 : a->pos.line > b->pos.line;
}

/* Sorts objects by id and indexes them; later duplicates are reported. */
static void
index_objects(tg_buf *list, tg_map *map, get_named get, const char *what, tg_diag *diag)
{
	size_t n = list->len / sizeof(void *);
	sort_getter = get;
	if (n > 1)
		qsort(list->data, n, sizeof(void *), compare_objects);
	for (size_t i = 0; i < n; i++) {
		void *obj = ((void **)(void *)list->data)[i];
		named tmp;
		const named *o = get(obj, &tmp);
		if (o->id == NULL)
			continue;
		void *first = tg_map_put(map, o->id, obj);
		if (first != NULL) {
			named ft;
			const named *f = get(first, &ft);
			tg_diag_error(diag, o->pos, "duplicate %s id '%s' (first defined at %s:%u:%u)",
			    what, o->id, f->file, f->pos.line, f->pos.col);
		}
	}
}

static const char *
nearest_item(const tg_catalog *c, const char *id)
{
	if (c->nitems > 5000)
		return NULL;
	const char **ids = tg_xcalloc(c->nitems ? c->nitems : 1, sizeof *ids);
	size_t n = 0;
	for (size_t i = 0; i < c->nitems; i++)
		if (c->items[i]->id != NULL)
			ids[n++] = c->items[i]->id;
	const char *near = tg_text_suggest(id, ids, n);
	free(ids);
	return near;
}

/* Resolves an item reference.  A bare id is looked up in `dflt`; a
 * qualified one (CATALOG:ITEM) must name `dflt` too when `strict`. */
static tg_item *
resolve_in(tg_data *d, tg_diag *diag, const char *ref, tg_pos pos, const tg_catalog *dflt,
    bool strict, const char *what)
{
	const tg_catalog *expected = strict ? dflt : NULL;
	const char *colon = strchr(ref, ':');
	const tg_catalog *c = dflt;
	const char *id = ref;
	if (colon != NULL) {
		char *cid = tg_xstrndup(ref, (size_t)(colon - ref));
		c = tg_data_catalog(d, cid);
		if (c == NULL && tg_map_get(&d->broken_ids, cid) != NULL) {
			free(cid);
			return NULL;
		}
		if (c == NULL)
			tg_diag_error(diag, pos, "%s '%s' names no known catalog '%s'", what, ref, cid);
		else if (expected != NULL && c != expected)
			tg_diag_error(diag, pos, "%s '%s' must be an item of catalog '%s'", what, ref,
			    expected->id);
		free(cid);
		if (c == NULL || (expected != NULL && c != expected))
			return NULL;
		id = colon + 1;
	} else if (c == NULL) {
		tg_diag_error(diag, pos, "%s '%s' must name its catalog (CATALOG-ID:ITEM-ID)", what, ref);
		return NULL;
	}
	tg_item *it = tg_catalog_item(c, id);
	if (it == NULL) {
		/* People often write the displayed reference instead of the id. */
		for (size_t i = 0; i < c->nitems; i++)
			if (c->items[i]->id != NULL && strcmp(c->items[i]->ref, id) == 0) {
				tg_diag_error(diag, pos, "%s '%s' is not an item id of catalog '%s' "
				    "(it is the reference of item '%s')", what, id, c->id, c->items[i]->id);
				return NULL;
			}
		const char *near = nearest_item(c, id);
		if (near != NULL)
			tg_diag_error(diag, pos, "%s '%s' is not an item of catalog '%s' (did you mean '%s'?)",
			    what, id, c->id, near);
		else
			tg_diag_error(diag, pos, "%s '%s' is not an item of catalog '%s'", what, id, c->id);
	}
	return it;
}

static tg_item *
resolve(tg_data *d, tg_diag *diag, const char *ref, tg_pos pos, const tg_catalog *expected,
    const char *what)
{
	return resolve_in(d, diag, ref, pos, expected, true, what);
}

static tg_catalog *
need_catalog(tg_data *d, tg_diag *diag, const char *id, tg_pos pos, const char *what)
{
	if (id == NULL)
		return NULL;
	tg_catalog *c = tg_data_catalog(d, id);
	if (c == NULL && tg_map_get(&d->broken_ids, id) == NULL)
		tg_diag_error(diag, pos, "%s '%s' is not a known catalog", what, id);
	return c;
}

static void
link_catalog(tg_data *d, tg_diag *diag, tg_catalog *c)
{
	for (size_t i = 0; i < c->nitems; i++) {
		tg_item *it = c->items[i];
		for (size_t k = 0; k < it->nlinks; k++)
			it->link_items[k] = resolve_in(d, diag, it->links[k], it->link_pos[k], c,
			    false, "link");
	}
}

static void
link_crosswalk(tg_data *d, tg_diag *diag, tg_crosswalk *xw)
{
	xw->source = need_catalog(d, diag, xw->source_id, xw->source_pos, "source");
	xw->target = need_catalog(d, diag, xw->target_id, xw->target_pos, "target");
	for (size_t r = 0; r < xw->nrows; r++) {
		tg_xw_row *row = &xw->rows[r];
		if (xw->source != NULL && row->source_id != NULL) {
			row->source = resolve(d, diag, row->source_id, row->source_pos, xw->source,
			    "source item");
			if (row->source != NULL) {
				tg_xw_row *first = tg_map_put(&xw->row_by_source, row->source->id, row);
				if (first != NULL)
					tg_diag_error(diag, row->source_pos,
					    "source item '%s' already has a row (line %u); merge the two rows",
					    row->source->id, first->pos.line);
			}
		}
		for (size_t t = 0; t < row->ntargets && xw->target != NULL; t++) {
			tg_xw_target *tg = &row->targets[t];
			if (tg->target_id == NULL)
				continue;
			tg->target = resolve(d, diag, tg->target_id, tg->pos, xw->target, "target");
			for (size_t k = 0; k < t && tg->target != NULL; k++)
				if (row->targets[k].target == tg->target)
					tg_diag_error(diag, tg->pos,
					    "target '%s' appears twice in the row of '%s' (first at line %u)",
					    tg->target->id, row->source_id, row->targets[k].pos.line);
		}
		tg_proposal *p = row->proposal;
		if (p != NULL && p->clause_id != NULL && xw->target != NULL)
			p->clause = resolve(d, diag, p->clause_id, p->clause_pos, xw->target,
			    "proposal clause");
	}
}

static void
link_industry(tg_data *d, tg_diag *diag, tg_industry *ind)
{
	ind->guideline = need_catalog(d, diag, ind->guideline_id, ind->guideline_pos, "guideline");
	ind->baseline = need_catalog(d, diag, ind->baseline_id, ind->baseline_pos, "baseline");
	for (size_t i = 0; i < ind->ncrosswalks; i++) {
		tg_crosswalk *xw = tg_data_crosswalk(d, ind->crosswalk_ids[i]);
		ind->crosswalks[i] = xw;
		const char *bare = ind->crosswalk_ids[i] + (ind->crosswalk_ids[i][0] == '~');
		if (xw == NULL && tg_map_get(&d->broken_ids, bare) != NULL)
			continue;
		if (xw == NULL) {
			tg_diag_error(diag, ind->crosswalk_pos[i], "crosswalk '%s' is not known",
			    ind->crosswalk_ids[i]);
			continue;
		}
		if (ind->guideline && xw->source && xw->source != ind->guideline)
			tg_diag_error(diag, ind->crosswalk_pos[i],
			    "crosswalk '%s' starts from '%s', not from the guideline '%s'",
			    xw->id, xw->source->id, ind->guideline->id);
		if (ind->baseline && xw->target && xw->target != ind->baseline)
			tg_diag_error(diag, ind->crosswalk_pos[i],
			    "crosswalk '%s' leads to '%s', not to the baseline '%s'",
			    xw->id, xw->target->id, ind->baseline->id);
		for (size_t k = 0; k < i; k++)
			if (ind->crosswalks[k] == xw)
				tg_diag_error(diag, ind->crosswalk_pos[i], "crosswalk '%s' is listed twice", xw->id);
	}
	for (size_t i = 0; i < ind->nadditions && ind->baseline != NULL; i++) {
		tg_addition *a = &ind->additions[i];
		if (a->clause_id != NULL)
			a->clause = resolve(d, diag, a->clause_id, a->clause_pos, ind->baseline,
			    "addition clause");
	}
	if (ind->default_level_name != NULL && ind->guideline != NULL) {
		ind->default_level = tg_catalog_level(ind->guideline, ind->default_level_name);
		if (ind->default_level < 0)
			tg_diag_error(diag, ind->default_level_pos,
			    "default level '%s' is not a level of '%s'", ind->default_level_name,
			    ind->guideline->id);
	}
}

static void
link_paramset(tg_data *d, tg_diag *diag, tg_paramset *ps)
{
	ps->catalog = need_catalog(d, diag, ps->catalog_id, ps->catalog_pos, "catalog");
	if (ps->catalog == NULL)
		return;
	for (size_t i = 0; i < ps->nparams; i++) {
		tg_param *p = &ps->params[i];
		for (size_t k = 0; k < p->nclauses; k++)
			resolve(d, diag, p->clauses[k], p->clause_pos[k], ps->catalog, "clause");
	}
}

int
tg_data_link(tg_data *d, tg_diag *diag)
{
	size_t before = tg_diag_errors(diag);
	index_objects(&d->catalogs, &d->catalog_by_id, named_tg_catalog, "catalog", diag);
	index_objects(&d->crosswalks, &d->crosswalk_by_id, named_tg_crosswalk, "crosswalk", diag);
	index_objects(&d->industries, &d->industry_by_id, named_tg_industry, "industry", diag);
	index_objects(&d->paramsets, &d->paramset_by_id, named_tg_paramset, "parameter registry", diag);
	index_objects(&d->profiles, &d->profile_by_id, named_tg_profile, "profile", diag);
	index_objects(&d->termsets, &d->termset_by_id, named_tg_termset, "term dictionary", diag);
	/* `show ID` must not be ambiguous. */
	for (size_t i = 0; i < TG_DATA_COUNT(d, crosswalks, tg_crosswalk); i++) {
		tg_crosswalk *xw = TG_DATA_AT(d, crosswalks, tg_crosswalk, i);
		tg_catalog *c = xw->id ? tg_data_catalog(d, xw->id) : NULL;
		if (c != NULL)
			tg_diag_error(diag, xw->pos, "crosswalk id '%s' is already a catalog id (%s:%u:%u)",
			    xw->id, c->file, c->pos.line, c->pos.col);
	}
	for (size_t i = 0; i < TG_DATA_COUNT(d, catalogs, tg_catalog); i++)
		link_catalog(d, diag, TG_DATA_AT(d, catalogs, tg_catalog, i));
	for (size_t i = 0; i < TG_DATA_COUNT(d, crosswalks, tg_crosswalk); i++)
		link_crosswalk(d, diag, TG_DATA_AT(d, crosswalks, tg_crosswalk, i));
	/* Derived crosswalks and inverses (~ID) before anything names them. */
	tg_xw_derive_all(d, diag);
	for (size_t i = 0; i < TG_DATA_COUNT(d, industries, tg_industry); i++)
		link_industry(d, diag, TG_DATA_AT(d, industries, tg_industry, i));
	for (size_t i = 0; i < TG_DATA_COUNT(d, paramsets, tg_paramset); i++)
		link_paramset(d, diag, TG_DATA_AT(d, paramsets, tg_paramset, i));
	for (size_t i = 0; i < TG_DATA_COUNT(d, profiles, tg_profile); i++) {
		tg_profile *p = TG_DATA_AT(d, profiles, tg_profile, i);
		if (p->industry_id != NULL) {
			p->industry = tg_data_industry(d, p->industry_id);
			/* A lenient load sets such a profile aside when checking it. */
			if (p->industry == NULL && tg_map_get(&d->broken_ids, p->industry_id) == NULL &&
			    !d->lenient_profiles)
				tg_diag_error(diag, p->industry_pos, "industry '%s' is not known", p->industry_id);
		}
	}
	return tg_diag_errors(diag) > before ? TG_EXIT_INVALID : TG_EXIT_OK;
}
