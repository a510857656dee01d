#include "xtable.h"

#include <stdlib.h>
#include <string.h>

const tg_item *
tg_xt_root(const tg_item *it)
{
	while (it->parent != NULL)
		it = it->parent;
	return it;
}

static bool
related(const tg_item *a, const tg_item *b)
{
	return tg_item_within(a, b) || tg_item_within(b, a);
}

/* Lower is closer: the order in which relationships are preferred. */
static int
closeness(tg_relationship r)
{
	static const int rank[TG_REL_COUNT] = {0, 1, 2, 3, 4};
	return r < TG_REL_COUNT ? rank[r] : TG_REL_COUNT;
}

size_t
tg_xt_level_slot(const tg_xtable *t, const tg_item *it)
{
	if (it->level >= 0)
		return (size_t)it->level;
	return t->guide->nlevels + (it->level == TG_LEVEL_UNKNOWN ? 0 : 1);
}

const char *
tg_xt_level_label(const tg_xtable *t, size_t slot)
{
	if (slot < t->guide->nlevels)
		return t->guide->levels[slot];
	return slot == t->guide->nlevels ? "不明" : "なし";
}

const tg_xt_chapter *
tg_xt_chapter_of(const tg_xtable *t, const tg_item *it)
{
	for (size_t i = 0; i < t->nchapters; i++)
		if (tg_item_within(it, t->chapters[i].item))
			return &t->chapters[i];
	return NULL;
}

static bool
has_link(const tg_buf *links, const tg_item *it)
{
	for (size_t i = 0; i < TG_BUF_COUNT(links, tg_xt_link); i++)
		if (TG_BUF_AT(links, tg_xt_link, i).item == it)
			return true;
	return false;
}

static int
compare_inferred(const void *pa, const void *pb)
{
	const tg_xt_link *a = pa, *b = pb;
	return a->item->index < b->item->index ? -1 : a->item->index > b->item->index;
}

/* Is this item a requirement (a row of the table) rather than a group? */
static bool
is_requirement(const tg_xtable *t, const tg_item *it, const tg_xw_row **row, const tg_crosswalk **xw)
{
	*row = NULL;
	*xw = NULL;
	for (size_t i = 0; i < t->ind->ncrosswalks; i++) {
		const tg_crosswalk *c = t->ind->crosswalks[i];
		const tg_xw_row *r = c ? tg_map_get(&c->row_by_source, it->id) : NULL;
		if (r != NULL) {
			*row = r;
			*xw = c;
			return true;
		}
	}
	return it->nchildren == 0;
}

static bool
passes_level(tg_xtable *t, const tg_item *it)
{
	if (t->level == TG_LEVEL_NONE || it->level == TG_LEVEL_NONE)
		return true;
	if (it->level == TG_LEVEL_UNKNOWN) {
		t->skipped_unknown++;
		return false;
	}
	return it->level <= t->level;
}

static void
add_count(tg_xt_count *c, const tg_xt_row *r, bool proposal)
{
	c->items++;
	if (r->ndirect > 0) {
		c->mapped++;
		if (r->best < TG_REL_COUNT)
			c->by_rel[r->best]++;
		bool reviewed = true;
		for (size_t i = 0; i < r->ndirect; i++)
			if (r->links[i].target->status != TG_STATUS_REVIEWED)
				reviewed = false;
		if (reviewed)
			c->reviewed++;
	} else {
		c->unmapped++;
	}
	if (proposal)
		c->proposals++;
}

/* One pair of a baseline-internal crosswalk. */
typedef struct pair {
	const tg_item *a, *b;
	const tg_crosswalk *xw;
} pair;

/* Pairs indexed by baseline item: those touching the item itself, and those
 * touching something below it, so that the pairs related to a target (by
 * containment either way) are found without scanning every pair. */
typedef struct pair_index {
	tg_buf pairs;		/* pair */
	tg_buf *at;		/* per item: size_t pair numbers with an end at the item */
	tg_buf *below;		/* per item: pair numbers with an end strictly below it */
	size_t nitems;
} pair_index;

static void
index_pairs(pair_index *px, const tg_catalog *base, const tg_data *d)
{
	memset(px, 0, sizeof *px);
	px->nitems = base->nitems;
	px->at = tg_xcalloc(base->nitems ? base->nitems : 1, sizeof(tg_buf));
	px->below = tg_xcalloc(base->nitems ? base->nitems : 1, sizeof(tg_buf));
	for (size_t i = 0; i < TG_DATA_COUNT(d, crosswalks, tg_crosswalk); i++) {
		const tg_crosswalk *xw = TG_DATA_AT(d, crosswalks, tg_crosswalk, i);
		if (xw->source != base || xw->target != base)
			continue;
		for (size_t k = 0; k < xw->nrows; k++) {
			const tg_xw_row *row = &xw->rows[k];
			for (size_t m = 0; row->source != NULL && m < row->ntargets; m++) {
				const tg_item *o = row->targets[m].target;
				if (o == NULL || row->targets[m].relationship == TG_REL_NO_RELATIONSHIP)
					continue;
				pair p = {row->source, o, xw};
				size_t n = TG_BUF_COUNT(&px->pairs, pair);
				TG_BUF_PUSH(&px->pairs, pair, p);
				const tg_item *ends[2] = {p.a, p.b};
				for (int e = 0; e < 2; e++) {
					TG_BUF_PUSH(&px->at[ends[e]->index], size_t, n);
					for (const tg_item *up = ends[e]->parent; up != NULL; up = up->parent)
						TG_BUF_PUSH(&px->below[up->index], size_t, n);
				}
			}
		}
	}
}

static void
free_pairs(pair_index *px)
{
	for (size_t i = 0; i < px->nitems; i++) {
		tg_buf_free(&px->at[i]);
		tg_buf_free(&px->below[i]);
	}
	free(px->at);
	free(px->below);
	tg_buf_free(&px->pairs);
}

/* Adds the far end of every pair in `list` that relates to `direct`. */
static void
infer_from(tg_buf *links, const pair_index *px, const tg_buf *list, const tg_item *direct)
{
	for (size_t i = 0; i < TG_BUF_COUNT(list, size_t); i++) {
		const pair *p = &TG_BUF_AT(&px->pairs, pair, TG_BUF_AT(list, size_t, i));
		const tg_item *add = related(direct, p->b) ? p->a : related(direct, p->a) ? p->b : NULL;
		if (add != NULL && !has_link(links, add)) {
			tg_xt_link l = {add, NULL, direct, p->xw};
			TG_BUF_PUSH(links, tg_xt_link, l);
		}
	}
}

static void
build_row(tg_xtable *t, tg_xt_row *r, const pair_index *px)
{
	tg_buf links = TG_BUF_INIT;
	r->best = TG_REL_COUNT;
	if (r->xrow != NULL) {
		for (size_t i = 0; i < r->xrow->ntargets; i++) {
			const tg_xw_target *tg = &r->xrow->targets[i];
			if (tg->target == NULL || has_link(&links, tg->target))
				continue;
			tg_xt_link l = {tg->target, tg, NULL, NULL};
			TG_BUF_PUSH(&links, tg_xt_link, l);
			if (closeness(tg->relationship) < closeness(r->best))
				r->best = tg->relationship;
		}
	}
	r->ndirect = TG_BUF_COUNT(&links, tg_xt_link);
	for (size_t d = 0; d < r->ndirect; d++) {
		const tg_item *direct = TG_BUF_AT(&links, tg_xt_link, d).item;
		if (direct->catalog != t->base)
			continue;
		for (const tg_item *up = direct; up != NULL; up = up->parent)
			infer_from(&links, px, &px->at[up->index], direct);
		infer_from(&links, px, &px->below[direct->index], direct);
	}
	r->nlinks = TG_BUF_COUNT(&links, tg_xt_link);
	r->links = tg_arena_memdup(&t->arena, links.data, links.len);
	if (r->nlinks > r->ndirect + 1)
		qsort(r->links + r->ndirect, r->nlinks - r->ndirect, sizeof(tg_xt_link), compare_inferred);
	tg_buf_free(&links);
}

tg_xtable *
tg_xtable_build(const tg_data *d, const tg_industry *ind, int level)
{
	tg_xtable *t = tg_xcalloc(1, sizeof *t);
	tg_arena_init(&t->arena);
	t->data = d;
	t->ind = ind;
	t->guide = ind->guideline;
	t->base = ind->baseline;
	t->level = level;
	for (size_t i = 0; i < TG_DATA_COUNT(d, paramsets, tg_paramset); i++) {
		const tg_paramset *ps = TG_DATA_AT(d, paramsets, tg_paramset, i);
		if (ps->catalog == t->base && ps->tset != NULL) {
			t->tset = ps->tset;
			break;
		}
	}
	if (t->tset != NULL) {
		t->chapters = TG_ARENA_ARRAY(&t->arena, tg_xt_chapter, t->tset->nclauses);
		for (size_t i = 0; i < t->tset->nclauses; i++)
			if (t->tset->clauses[i].chapter && t->tset->clauses[i].item != NULL)
				t->chapters[t->nchapters++].item = t->tset->clauses[i].item;
	}

	/* The baseline's own crosswalks carry the related material. */
	pair_index px;
	index_pairs(&px, t->base, d);

	t->rows = TG_ARENA_ARRAY(&t->arena, tg_xt_row, t->guide->nitems);
	for (size_t i = 0; i < t->guide->nitems; i++) {
		const tg_item *it = t->guide->items[i];
		tg_xt_row *r = &t->rows[t->nrows];
		if (!is_requirement(t, it, &r->xrow, &r->xw) || !passes_level(t, it))
			continue;
		r->item = it;
		r->origin = tg_item_origin(it);
		t->by_origin[r->origin]++;
		if (it->depth > 0)
			t->grouped = true;
		build_row(t, r, &px);
		t->nrows++;
	}
	free_pairs(&px);

	/* What of the baseline is ours: counted once per item. */
	bool *seen = tg_xcalloc(t->base->nitems ? t->base->nitems : 1, sizeof *seen);
	for (size_t i = 0; i < t->nrows; i++)
		for (size_t k = 0; k < t->rows[i].ndirect; k++) {
			const tg_item *it = t->rows[i].links[k].item;
			if (it->catalog != t->base || seen[it->index])
				continue;
			seen[it->index] = true;
			if (it->prov.kind == TG_PROV_AUTHORED)
				t->authored_targets++;
			if (it->official_ref != NULL)
				t->official_targets++;
		}
	free(seen);

	/* Columns: the baseline roots that hold any counterpart. */
	bool *used = tg_xcalloc(t->base->nroots ? t->base->nroots : 1, sizeof *used);
	for (size_t i = 0; i < t->nrows; i++)
		for (size_t k = 0; k < t->rows[i].nlinks; k++) {
			const tg_item *root = tg_xt_root(t->rows[i].links[k].item);
			for (size_t r = 0; r < t->base->nroots; r++)
				if (t->base->roots[r] == root)
					used[r] = true;
		}
	t->columns = TG_ARENA_ARRAY(&t->arena, const tg_item *, t->base->nroots);
	for (size_t r = 0; r < t->base->nroots; r++)
		if (used[r])
			t->columns[t->ncolumns++] = t->base->roots[r];
	free(used);

	/* Coverage. */
	t->nlevel_rows = t->guide->nlevels + 2;
	t->by_level = TG_ARENA_ARRAY(&t->arena, tg_xt_count, t->nlevel_rows);
	int *best_in = tg_xcalloc(t->nchapters ? t->nchapters : 1, sizeof *best_in);
	for (size_t i = 0; i < t->nrows; i++) {
		const tg_xt_row *r = &t->rows[i];
		bool proposal = r->xrow != NULL && r->xrow->proposal != NULL &&
		    r->xrow->proposal->action != TG_ACTION_NONE;
		add_count(&t->total, r, proposal);
		add_count(&t->by_level[tg_xt_level_slot(t, r->item)], r, proposal);
		/* Per chapter: each item once, under its closest relationship there. */
		for (size_t c = 0; c < t->nchapters; c++)
			best_in[c] = TG_REL_COUNT + 1;	/* not touched */
		for (size_t k = 0; k < r->ndirect; k++) {
			const tg_xt_chapter *ch = tg_xt_chapter_of(t, r->links[k].item);
			if (ch == NULL)
				continue;
			size_t c = (size_t)(ch - t->chapters);
			tg_relationship rel = r->links[k].target->relationship;
			if (best_in[c] > TG_REL_COUNT || closeness(rel) < closeness((tg_relationship)best_in[c]))
				best_in[c] = (int)rel;
		}
		const tg_xt_chapter *pch = proposal && r->xrow->proposal->clause != NULL ?
		    tg_xt_chapter_of(t, r->xrow->proposal->clause) : NULL;
		for (size_t c = 0; c < t->nchapters; c++) {
			tg_xt_count *cc = &t->chapters[c].count;
			bool here = pch == &t->chapters[c];
			if (best_in[c] <= TG_REL_COUNT) {
				cc->items++;
				cc->mapped++;
				if (best_in[c] < TG_REL_COUNT)
					cc->by_rel[best_in[c]]++;
			} else if (here) {
				cc->items++;
			}
			if (here)
				cc->proposals++;
		}
	}
	free(best_in);
	return t;
}

void
tg_xtable_free(tg_xtable *t)
{
	if (t == NULL)
		return;
	tg_arena_free(&t->arena);
	free(t);
}
