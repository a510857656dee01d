/* The coverage model (coverage.h): the regulation's parts, the paths from
 * each requirement to them, verdicts, closers, counts. */
#include "coverage.h"

#include <stdlib.h>
#include <string.h>

#include "../util/text.h"

tg_cov_verdict
tg_cov_verdict_of(tg_relationship r)
{
	switch (r) {
	case TG_REL_EQUAL:
	case TG_REL_SUBSET_OF:
		return TG_COV_FULL;
	case TG_REL_SUPERSET_OF:
	case TG_REL_INTERSECTS_WITH:
		return TG_COV_PARTIAL;
	default:
		return TG_COV_NONE;
	}
}

const char *
tg_cov_verdict_label(tg_cov_verdict v)
{
	static const char *const labels[] = {"充足", "一部", "未対応"};
	return v < TG_COV_VERDICTS ? labels[v] : "";
}

const char *
tg_cov_verdict_name(tg_cov_verdict v)
{
	static const char *const names[] = {"full", "partial", "none"};
	return v < TG_COV_VERDICTS ? names[v] : "";
}

/* ---- the regulation's parts ---- */

/* An addition or a supplement: industry text placed at a clause. */
typedef struct part {
	tg_cov_kind kind;
	const tg_item *clause, *source;
	const char *number, *title;
} part;

/* What one assembled regulation holds. */
typedef struct holding {
	bool *kept;		/* per baseline item: a clause (or chapter) of the body */
	tg_buf parts;		/* part */
} holding;

static void
hold(holding *h, const tg_regulation *r, tg_arena *a)
{
	const tg_catalog *base = r->spec.ind->baseline;
	h->kept = TG_ARENA_ARRAY(a, bool, base->nitems ? base->nitems : 1);
	for (size_t i = 0; i < r->nentries; i++) {
		const tg_reg_entry *e = &r->entries[i];
		if (e->item == NULL || e->item->catalog != base)
			continue;
		if (e->kind == TG_REG_ADDITION) {
			part p = {TG_COV_ADDITION, e->item, e->source, tg_arena_strdup(a, e->number),
			    tg_arena_strdup(a, e->title)};
			TG_BUF_PUSH(&h->parts, part, p);
			continue;
		}
		h->kept[e->item->index] = true;
		for (size_t k = 0; k < e->nsupplements; k++) {
			part p = {TG_COV_SUPPLEMENT, e->item, e->supplements[k].source, NULL, NULL};
			TG_BUF_PUSH(&h->parts, part, p);
		}
	}
}

static bool
holds_part(const holding *h, const part *p)
{
	for (size_t i = 0; i < TG_BUF_COUNT(&h->parts, part); i++) {
		const part *q = &TG_BUF_AT(&h->parts, part, i);
		if (q->kind == p->kind && q->clause == p->clause && q->source == p->source)
			return true;
	}
	return false;
}

/* ---- building ---- */

typedef struct builder {
	tg_coverage *c;
	tg_reg_spec reg;
	holding actual, all;
	tg_paths *paths;
} builder;

/* The clause exclusion that removes `it` (it or an ancestor excluded). */
static const tg_cov_exclusion *
exclusion_of(const builder *b, const tg_item *it)
{
	for (size_t i = 0; i < b->c->nexclusions; i++) {
		const tg_cov_exclusion *x = &b->c->exclusions[i];
		if (x->item == NULL && x->addition == NULL && tg_item_within(it, x->clause))
			return x;
	}
	return NULL;
}

/* The exclusion of an industry item's addition or supplement. */
static const tg_cov_exclusion *
item_exclusion(const builder *b, const tg_item *source)
{
	for (size_t i = 0; source != NULL && i < b->c->nexclusions; i++)
		if (b->c->exclusions[i].item == source)
			return &b->c->exclusions[i];
	return NULL;
}

/* What the lost links of an exclusion name (tg_cov_link.excluded): the
 * industry item, or the clause; none for an industry's own addition (no
 * path leads to it). */
static const tg_item *
exclusion_key(const tg_cov_exclusion *x)
{
	return x->item ? x->item : x->addition ? NULL : x->clause;
}

static bool
is_requirement(const tg_data *d, const tg_item *it)
{
	if (it->nchildren == 0)
		return true;
	for (size_t i = 0; i < TG_DATA_COUNT(d, crosswalks, tg_crosswalk); i++) {
		const tg_crosswalk *xw = TG_DATA_AT(d, crosswalks, tg_crosswalk, i);
		if (xw->source == it->catalog && tg_map_get(&xw->row_by_source, it->id) != NULL)
			return true;
	}
	return false;
}

static bool
industry_crosswalk(const tg_industry *ind, const tg_crosswalk *xw)
{
	for (size_t i = 0; i < ind->ncrosswalks; i++)
		if (ind->crosswalks[i] == xw)
			return true;
	return false;
}

static int
link_order(const tg_cov_link *a, const tg_cov_link *b)
{
	int ca = tg_rel_closeness(a->rel), cb = tg_rel_closeness(b->rel);
	if (ca != cb)
		return ca < cb ? -1 : 1;
	if (a->strength != b->strength)
		return a->strength > b->strength ? -1 : 1;
	if (a->reviewed != b->reviewed)
		return a->reviewed ? -1 : 1;
	if (a->clause->index != b->clause->index)
		return a->clause->index < b->clause->index ? -1 : 1;
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	size_t sa = a->source ? a->source->index : 0, sb = b->source ? b->source->index : 0;
	return sa < sb ? -1 : sa > sb;
}

static int
compare_links(const void *pa, const void *pb)
{
	return link_order(pa, pb);
}

static int
compare_closers(const void *pa, const void *pb)
{
	const tg_cov_closer *a = pa, *b = pb;
	if (a->would != b->would)
		return a->would < b->would ? -1 : 1;
	int ca = tg_rel_closeness(a->rel), cb = tg_rel_closeness(b->rel);
	if (ca != cb)
		return ca < cb ? -1 : 1;
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	size_t na = a->path->nsteps, nb = b->path->nsteps;
	if (na != nb)
		return na < nb ? -1 : 1;
	size_t ia = a->clause ? a->clause->index : 0, ib = b->clause ? b->clause->index : 0;
	if (ia != ib)
		return ia < ib ? -1 : 1;
	size_t sa = a->source ? a->source->index : 0, sb = b->source ? b->source->index : 0;
	return sa < sb ? -1 : sa > sb;
}

/* Per requirement, while collecting. */
typedef struct gather {
	builder *b;
	tg_cov_item *ci;
	const tg_path *paths;
	tg_path **copies;	/* per path: its copy in the coverage's arena */
	tg_buf links, lost, outside, closers;
} gather;

static const tg_path *
kept_path(gather *g, size_t i)
{
	if (g->copies[i] == NULL)
		g->copies[i] = tg_path_copy(&g->b->c->arena, &g->paths[i]);
	return g->copies[i];
}

enum { KEPT, LOST, OUTSIDE };

static void
add_link(gather *g, size_t pi, tg_cov_kind kind, const tg_item *clause, const part *pt, int where)
{
	const tg_path *p = &g->paths[pi];
	tg_cov_link l = {0};
	l.kind = kind;
	l.clause = clause;
	l.path = kept_path(g, pi);
	l.rel = p->rel;
	l.strength = p->strength;
	l.reviewed = p->reviewed;
	if (pt != NULL) {
		/* A proposal is written to cover its item whole, and nobody has
		 * reviewed it: subset-of, never reviewed. */
		l.source = pt->source;
		l.number = pt->number;
		l.title = pt->title;
		l.rel = tg_rel_compose(p->rel, TG_REL_SUBSET_OF);
		l.reviewed = false;
	}
	if (where == LOST) {
		/* A part whose clause is kept was dropped by itself (exclude: item). */
		const tg_cov_exclusion *x = pt != NULL && g->b->actual.kept[clause->index] ?
		    item_exclusion(g->b, pt->source) : exclusion_of(g->b, clause);
		l.excluded = x ? exclusion_key(x) : clause;
	}
	TG_BUF_PUSH(where == LOST ? &g->lost : where == OUTSIDE ? &g->outside : &g->links, tg_cov_link,
	    l);
}

static bool
has_closer(const tg_buf *closers, const tg_cov_closer *c)
{
	for (size_t i = 0; i < TG_BUF_COUNT(closers, tg_cov_closer); i++) {
		tg_cov_closer *o = &TG_BUF_AT(closers, tg_cov_closer, i);
		if (o->kind == c->kind && o->clause == c->clause && o->source == c->source &&
		    o->xw == c->xw) {
			if (tg_rel_closeness(c->rel) < tg_rel_closeness(o->rel))
				*o = *c;
			return true;
		}
	}
	return false;
}

static void
add_closer(gather *g, const tg_cov_closer *c)
{
	if (!has_closer(&g->closers, c))
		TG_BUF_PUSH(&g->closers, tg_cov_closer, *c);
}

/* Proposals reached through path pi: the industry's own beyond the
 * regulation's level, and those of every other crosswalk to the baseline. */
static void
proposal_closers(gather *g, size_t pi)
{
	builder *b = g->b;
	const tg_data *d = b->c->data;
	const tg_industry *ind = b->c->ind;
	const tg_item *y = g->paths[pi].to;
	for (size_t i = 0; i < TG_DATA_COUNT(d, crosswalks, tg_crosswalk); i++) {
		const tg_crosswalk *xw = TG_DATA_AT(d, crosswalks, tg_crosswalk, i);
		if (xw->source != y->catalog || xw->target != ind->baseline)
			continue;
		const tg_xw_row *row = tg_map_get(&xw->row_by_source, y->id);
		const tg_proposal *p = row ? row->proposal : NULL;
		if (p == NULL || p->clause == NULL || p->text == NULL ||
		    (p->action != TG_ACTION_ADD && p->action != TG_ACTION_AMEND))
			continue;
		tg_closer_kind kind = TG_CLOSE_PROPOSAL;
		if (industry_crosswalk(ind, xw)) {
			/* In the regulation already, or dropped with an excluded
			 * clause (an exclusion closer says so): only the level. */
			if (tg_reg_in_scope(&b->reg, y) || !b->actual.kept[p->clause->index])
				continue;
			kind = TG_CLOSE_LEVEL;
		}
		tg_cov_closer c = {kind, p->clause, y, xw, p, kept_path(g, pi),
		    tg_rel_compose(g->paths[pi].rel, TG_REL_SUBSET_OF), TG_COV_NONE, NULL};
		c.would = tg_cov_verdict_of(c.rel);
		add_closer(g, &c);
	}
}

static void
collect(gather *g, size_t npaths)
{
	builder *b = g->b;
	const tg_catalog *base = b->c->ind->baseline, *guide = b->c->ind->guideline;
	for (size_t i = 0; i < npaths; i++) {
		const tg_item *y = g->paths[i].to;
		if (y->catalog == base) {
			b->c->has_path = true;
			add_link(g, i, TG_COV_CLAUSE, y, NULL, b->actual.kept[y->index] ? KEPT :
			    b->all.kept[y->index] ? LOST : OUTSIDE);
		}
		if (y->catalog == guide) {
			for (size_t k = 0; k < TG_BUF_COUNT(&b->all.parts, part); k++) {
				const part *pt = &TG_BUF_AT(&b->all.parts, part, k);
				if (pt->source != y)
					continue;
				b->c->has_path = true;
				add_link(g, i, pt->kind, pt->clause, pt, holds_part(&b->actual, pt) ? KEPT : LOST);
			}
		}
		proposal_closers(g, i);
	}
}

/* The best link of one or two lists (sorted, best first), or NULL. */
static const tg_cov_link *
best_link(const tg_buf *a, const tg_buf *b)
{
	const tg_cov_link *best = NULL;
	const tg_buf *lists[] = {a, b};
	for (int l = 0; l < 2; l++)
		if (lists[l] != NULL && lists[l]->len > 0) {
			const tg_cov_link *first = &TG_BUF_AT(lists[l], tg_cov_link, 0);
			if (best == NULL || link_order(first, best) < 0)
				best = first;
		}
	return best;
}

static void
count(tg_cov_count *c, tg_cov_verdict v, bool reviewed)
{
	c->items++;
	c->by[v]++;
	if (v != TG_COV_NONE && reviewed)
		c->reviewed++;
}

static void
build_item(builder *b, tg_cov_item *ci)
{
	tg_coverage *c = b->c;
	const tg_path *paths;
	size_t n = tg_paths_from(b->paths, ci->item, &paths);
	gather g = {b, ci, paths, tg_xcalloc(n ? n : 1, sizeof(tg_path *)), TG_BUF_INIT, TG_BUF_INIT,
	    TG_BUF_INIT, TG_BUF_INIT};
	collect(&g, n);
	size_t nl = TG_BUF_COUNT(&g.links, tg_cov_link), nlost = TG_BUF_COUNT(&g.lost, tg_cov_link);
	size_t nout = TG_BUF_COUNT(&g.outside, tg_cov_link);
	if (nl > 1)
		qsort(g.links.data, nl, sizeof(tg_cov_link), compare_links);
	if (nlost > 1)
		qsort(g.lost.data, nlost, sizeof(tg_cov_link), compare_links);
	if (nout > 1)
		qsort(g.outside.data, nout, sizeof(tg_cov_link), compare_links);
	const tg_cov_link *best = best_link(&g.links, NULL), *best_all = best_link(&g.links, &g.lost);
	ci->verdict = best ? tg_cov_verdict_of(best->rel) : TG_COV_NONE;
	ci->reviewed = best && best->reviewed;
	ci->verdict_kept_all = best_all ? tg_cov_verdict_of(best_all->rel) : TG_COV_NONE;
	ci->reviewed_kept_all = best_all && best_all->reviewed;
	/* Excluded clauses that would raise the verdict. */
	for (size_t i = 0; i < nlost; i++) {
		const tg_cov_link *l = &TG_BUF_AT(&g.lost, tg_cov_link, i);
		const tg_cov_exclusion *x = NULL;
		for (size_t e = 0; e < c->nexclusions && x == NULL; e++)
			if (exclusion_key(&c->exclusions[e]) == l->excluded)
				x = &c->exclusions[e];
		tg_cov_closer cl = {TG_CLOSE_EXCLUSION, l->excluded, x ? x->item : NULL, NULL, NULL,
		    l->path, l->rel, tg_cov_verdict_of(l->rel), x ? x->reason : NULL};
		if (x != NULL && x->item != NULL)
			cl.clause = x->clause;
		add_closer(&g, &cl);
	}
	/* Keep what would raise the verdict, best first. */
	size_t nc = 0;
	for (size_t i = 0; i < TG_BUF_COUNT(&g.closers, tg_cov_closer); i++) {
		const tg_cov_closer *cl = &TG_BUF_AT(&g.closers, tg_cov_closer, i);
		if (cl->would < ci->verdict)
			TG_BUF_AT(&g.closers, tg_cov_closer, nc++) = *cl;
	}
	if (nc > 1)
		qsort(g.closers.data, nc, sizeof(tg_cov_closer), compare_closers);
	ci->links = tg_arena_memdup(&c->arena, g.links.data, nl * sizeof(tg_cov_link));
	ci->nlinks = nl;
	ci->lost = tg_arena_memdup(&c->arena, g.lost.data, nlost * sizeof(tg_cov_link));
	ci->nlost = nlost;
	ci->outside = tg_arena_memdup(&c->arena, g.outside.data, nout * sizeof(tg_cov_link));
	ci->noutside = nout;
	ci->closers = tg_arena_memdup(&c->arena, g.closers.data, nc * sizeof(tg_cov_closer));
	ci->nclosers = nc;
	free(g.copies);
	tg_buf_free(&g.links);
	tg_buf_free(&g.lost);
	tg_buf_free(&g.outside);
	tg_buf_free(&g.closers);
}

static bool
passes_level(tg_coverage *c, const tg_item *it)
{
	if (c->level == TG_LEVEL_NONE || it->level == TG_LEVEL_NONE)
		return true;
	if (it->level == TG_LEVEL_UNKNOWN) {
		c->skipped_unknown++;
		return false;
	}
	return it->level <= c->level;
}

/* The profile's exclusions, as the regulation made them: clauses (in the
 * regulation's order), then the additions and supplements the profile
 * drops (exclude: item). */
static void
collect_exclusions(tg_coverage *c, const tg_regulation *r)
{
	tg_buf list = TG_BUF_INIT, name = TG_BUF_INIT;
	for (int items = 0; items < 2; items++)
		for (size_t e = 0; e < r->nexclusions; e++) {
			const tg_reg_exclusion *re = &r->exclusions[e];
			if ((re->source != NULL || re->addition != NULL) != (items == 1))
				continue;
			tg_cov_exclusion x = {0};
			x.clause = re->clause;
			x.item = re->source;
			x.addition = re->addition;
			x.reason = tg_arena_strdup(&c->arena, re->reason ? re->reason : "");
			if (items == 0) {
				x.name = tg_arena_strdup(&c->arena, re->name);
				TG_BUF_PUSH(&list, tg_cov_exclusion, x);
				continue;
			}
			tg_buf_clear(&name);
			tg_action action;
			if (re->source != NULL) {
				const tg_xw_row *row = tg_reg_proposal_row(c->ind, re->source);
				char *label = tg_reg_label_text(re->source, false);
				tg_buf_puts(&name, label);
				free(label);
				action = row ? row->proposal->action : TG_ACTION_ADD;
			} else {
				tg_buf_puts(&name, tg_reg_industry_label(c->ind));
				tg_text_quote(&name, re->addition->title ? re->addition->title : "");
				action = re->addition->action;
			}
			tg_buf_printf(&name, "%sの%s", re->source ? " " : "",
			    action == TG_ACTION_ADD ? "業界追加" : "業界補足");
			x.name = tg_arena_strdup(&c->arena, name.data);
			TG_BUF_PUSH(&list, tg_cov_exclusion, x);
		}
	c->nexclusions = TG_BUF_COUNT(&list, tg_cov_exclusion);
	c->exclusions = TG_ARENA_ARRAY(&c->arena, tg_cov_exclusion, c->nexclusions + 1);
	if (list.len > 0)
		memcpy(c->exclusions, list.data, list.len);
	tg_buf_free(&list);
	tg_buf_free(&name);
}

/* Per exclusion, the requirements it takes a link from. */
static void
fill_exclusions(tg_coverage *c)
{
	tg_buf items = TG_BUF_INIT;
	for (size_t e = 0; e < c->nexclusions; e++) {
		tg_cov_exclusion *x = &c->exclusions[e];
		tg_buf_clear(&items);
		for (size_t i = 0; i < c->nitems; i++) {
			const tg_cov_item *ci = &c->items[i];
			bool through = false;
			for (size_t k = 0; k < ci->nlost && !through; k++)
				through = ci->lost[k].excluded == exclusion_key(x);
			if (!through)
				continue;
			TG_BUF_PUSH(&items, const tg_cov_item *, ci);
			if (ci->verdict > ci->verdict_kept_all)
				x->worse++;
		}
		x->nitems = TG_BUF_COUNT(&items, const tg_cov_item *);
		x->items = tg_arena_memdup(&c->arena, items.data, items.len);
	}
	tg_buf_free(&items);
}

tg_coverage *
tg_coverage_build(const tg_data *d, const tg_cov_spec *spec, tg_diag *diag)
{
	builder b = {0};
	b.reg = (tg_reg_spec){spec->ind, spec->profile, spec->reg_level, TG_REG_SPLIT_NONE, false,
	    NULL};
	tg_regulation *actual = tg_reg_build(d, &b.reg, diag);
	if (actual == NULL)
		return NULL;
	tg_regulation *all = actual;
	if (tg_reg_profile_get(spec->profile, "exclude") != NULL) {
		all = tg_reg_build_all_clauses(d, &b.reg, diag);
		if (all == NULL) {
			tg_reg_free(actual);
			return NULL;
		}
	}
	tg_coverage *c = tg_xcalloc(1, sizeof *c);
	tg_arena_init(&c->arena);
	c->data = d;
	c->ind = spec->ind;
	c->profile = spec->profile;
	c->against = spec->against;
	c->level = spec->level;
	c->reg_level = spec->reg_level;
	c->reg_title = tg_arena_strdup(&c->arena, actual->title);
	b.c = c;
	hold(&b.actual, actual, &c->arena);
	hold(&b.all, all, &c->arena);
	collect_exclusions(c, actual);
	b.paths = tg_paths_new(d, spec->ind->baseline);

	const tg_catalog *cat = spec->against;
	c->items = TG_ARENA_ARRAY(&c->arena, tg_cov_item, cat->nitems ? cat->nitems : 1);
	for (size_t i = 0; i < cat->nitems; i++) {
		const tg_item *it = cat->items[i];
		if (!is_requirement(d, it) || !passes_level(c, it))
			continue;
		tg_cov_item *ci = &c->items[c->nitems++];
		ci->item = it;
		const tg_item *root = it;
		while (root->parent != NULL)
			root = root->parent;
		ci->group = root != it ? root : NULL;
		build_item(&b, ci);
	}

	/* Counts: per 大分類 (catalog order), per level, in total. */
	c->groups = TG_ARENA_ARRAY(&c->arena, tg_cov_group, cat->nroots + 1);
	for (size_t r = 0; r < cat->nroots; r++) {
		tg_cov_group *g = &c->groups[c->ngroups];
		g->group = cat->roots[r];
		for (size_t i = 0; i < c->nitems; i++)
			if (c->items[i].group == g->group)
				count(&g->count, c->items[i].verdict, c->items[i].reviewed);
		if (g->count.items > 0)
			c->ngroups++;
	}
	c->nlevels = cat->nlevels + 2;
	c->by_level = TG_ARENA_ARRAY(&c->arena, tg_cov_count, c->nlevels);
	for (size_t i = 0; i < c->nitems; i++) {
		const tg_cov_item *ci = &c->items[i];
		count(&c->total, ci->verdict, ci->reviewed);
		count(&c->total_kept_all, ci->verdict_kept_all, ci->reviewed_kept_all);
		int lv = ci->item->level;
		size_t slot = lv >= 0 ? (size_t)lv : cat->nlevels + (lv == TG_LEVEL_UNKNOWN ? 0 : 1);
		count(&c->by_level[slot], ci->verdict, ci->reviewed);
	}
	fill_exclusions(c);

	tg_paths_free(b.paths);
	tg_buf_free(&b.actual.parts);
	tg_buf_free(&b.all.parts);
	if (all != actual)
		tg_reg_free(all);
	tg_reg_free(actual);
	return c;
}

void
tg_coverage_free(tg_coverage *c)
{
	if (c == NULL)
		return;
	tg_arena_free(&c->arena);
	free(c);
}
