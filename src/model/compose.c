/* The relationship algebra, inverse crosswalks (~ID) and derived
 * crosswalks (derive: {via: [A, ~B]}), computed when the data is linked.
 *
 * A derived crosswalk composes its chain left to right: a pair a→b of the
 * first crosswalk and a pair b→c of the second give a→c, with the composed
 * relationship, the weakest strength, status `suggested`, rationale
 * `derived`, and b kept as the pair's path.  Several paths to the same
 * (a, c) keep the closest relationship, then the strongest.  The rows the
 * file holds are merged in: a pair written for the same (a, c) wins over
 * the derived one.  Rules: docs/crosswalk.md#derived-crosswalks. */
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "../util/text.h"

enum { TO_DO, ACTIVE, DONE, FAILED };

tg_relationship
tg_rel_inverse(tg_relationship r)
{
	switch (r) {
	case TG_REL_SUBSET_OF: return TG_REL_SUPERSET_OF;
	case TG_REL_SUPERSET_OF: return TG_REL_SUBSET_OF;
	default: return r;
	}
}

tg_relationship
tg_rel_compose(tg_relationship a, tg_relationship b)
{
	if (a >= TG_REL_NO_RELATIONSHIP || b >= TG_REL_NO_RELATIONSHIP)
		return TG_REL_NO_RELATIONSHIP;
	if (a == TG_REL_EQUAL)
		return b;
	if (b == TG_REL_EQUAL)
		return a;
	if (a == b)
		return a;	/* subset ∘ subset, superset ∘ superset, intersects ∘ intersects */
	return TG_REL_INTERSECTS_WITH;
}

int
tg_rel_closeness(tg_relationship r)
{
	return r < TG_REL_COUNT ? (int)r : TG_REL_COUNT;
}

int
tg_strength_weakest(int a, int b)
{
	if (a < 0 || b < 0)
		return -1;
	return a < b ? a : b;
}

static tg_status
summary_status(const tg_xw_target *t, size_t n)
{
	if (n == 0)
		return TG_STATUS_UNMAPPED;
	for (size_t i = 0; i < n; i++)
		if (t[i].status != TG_STATUS_REVIEWED)
			return TG_STATUS_SUGGESTED;
	return TG_STATUS_REVIEWED;
}

static void
index_rows(tg_crosswalk *xw)
{
	tg_map_free(&xw->row_by_source);
	tg_map_init(&xw->row_by_source);
	for (size_t i = 0; i < xw->nrows; i++)
		if (xw->rows[i].source != NULL)
			tg_map_put(&xw->row_by_source, xw->rows[i].source->id, &xw->rows[i]);
}

/* ---- inverses ---- */

/* The crosswalk read backwards: one row per target item (tree order), its
 * pairs in the order of the original rows, relationships inverted.
 * Proposals and unmapped rows say something about the source side only and
 * are not carried over. */
static tg_crosswalk *
inverse(tg_data *d, tg_crosswalk *xw)
{
	if (xw->inverse != NULL)
		return xw->inverse;
	tg_arena *a = &d->arena;
	tg_crosswalk *inv = TG_ARENA_NEW(a, tg_crosswalk);
	tg_buf s = TG_BUF_INIT;
	if (xw->id != NULL) {
		tg_buf_printf(&s, "~%s", xw->id);
		inv->id = tg_arena_strdup(a, s.data);
		tg_buf_clear(&s);
	}
	tg_buf_printf(&s, "%s（逆引き）", xw->title ? xw->title : xw->id ? xw->id : "");
	inv->title = tg_arena_strdup(a, s.data);
	tg_buf_free(&s);
	inv->description = xw->description;
	inv->source_id = xw->target_id;
	inv->target_id = xw->source_id;
	inv->source = xw->target;
	inv->target = xw->source;
	inv->status = xw->status;
	inv->prov = xw->prov;
	inv->file = xw->file;
	inv->path = xw->path;
	inv->pos = xw->pos;
	inv->source_pos = xw->target_pos;
	inv->target_pos = xw->source_pos;
	inv->derive_state = DONE;
	inv->inverse = xw;
	inv->inverse_of = xw;
	tg_map_init(&inv->row_by_source);
	xw->inverse = inv;
	TG_BUF_PUSH(&d->inverses, tg_crosswalk *, inv);
	if (inv->id != NULL)
		tg_map_put(&d->crosswalk_by_id, inv->id, inv);
	if (xw->source == NULL || xw->target == NULL)
		return inv;

	size_t n = xw->target->nitems;
	size_t *count = tg_xcalloc(n ? n : 1, sizeof *count);
	for (size_t r = 0; r < xw->nrows; r++) {
		const tg_xw_row *row = &xw->rows[r];
		for (size_t k = 0; row->source != NULL && k < row->ntargets; k++)
			if (row->targets[k].target != NULL)
				count[row->targets[k].target->index]++;
	}
	size_t *row_of = tg_xcalloc(n ? n : 1, sizeof *row_of);
	for (size_t i = 0; i < n; i++)
		if (count[i] > 0)
			row_of[i] = ++inv->nrows;
	inv->rows = TG_ARENA_ARRAY(a, tg_xw_row, inv->nrows ? inv->nrows : 1);
	for (size_t i = 0; i < n; i++) {
		if (count[i] == 0)
			continue;
		tg_xw_row *row = &inv->rows[row_of[i] - 1];
		row->source = xw->target->items[i];
		row->source_id = row->source->id;
		row->pos = xw->pos;
		row->source_pos = xw->pos;
		row->targets = TG_ARENA_ARRAY(a, tg_xw_target, count[i]);
	}
	for (size_t r = 0; r < xw->nrows; r++) {
		const tg_xw_row *row = &xw->rows[r];
		for (size_t k = 0; row->source != NULL && k < row->ntargets; k++) {
			const tg_xw_target *t = &row->targets[k];
			if (t->target == NULL)
				continue;
			tg_xw_row *ir = &inv->rows[row_of[t->target->index] - 1];
			tg_xw_target *it = &ir->targets[ir->ntargets++];
			*it = *t;
			it->target = row->source;
			it->target_id = row->source->id;
			it->relationship = tg_rel_inverse(t->relationship);
			if (t->nvia > 0) {
				it->via = TG_ARENA_ARRAY(a, const tg_item *, t->nvia);
				for (size_t v = 0; v < t->nvia; v++)
					it->via[v] = t->via[t->nvia - 1 - v];
			}
		}
	}
	for (size_t i = 0; i < inv->nrows; i++)
		inv->rows[i].status = summary_status(inv->rows[i].targets, inv->rows[i].ntargets);
	inv->stored_rows = inv->rows;
	inv->nstored_rows = inv->nrows;
	index_rows(inv);
	free(count);
	free(row_of);
	return inv;
}

/* ---- composition ---- */

/* A pair under construction: source → target, its path in a shared list. */
typedef struct partial {
	tg_item *source, *target;
	tg_relationship rel;
	int strength;
	size_t path, npath;	/* offset and length in the path list */
	size_t order;		/* discovery order: the last tie-break */
} partial;

static int
better(const partial *a, const partial *b)
{
	int ca = tg_rel_closeness(a->rel), cb = tg_rel_closeness(b->rel);
	if (ca != cb)
		return ca < cb ? -1 : 1;
	if (a->strength != b->strength)
		return a->strength > b->strength ? -1 : 1;
	return a->order < b->order ? -1 : a->order > b->order;
}

/* Within one source: by target, best first (final step). */
static int
compare_final(const void *pa, const void *pb)
{
	const partial *a = pa, *b = pb;
	if (a->target->index != b->target->index)
		return a->target->index < b->target->index ? -1 : 1;
	return better(a, b);
}

/* Intermediate steps keep the best pair of each relationship: composition
 * is not monotone in closeness (subset-of ∘ superset-of is intersects-with,
 * superset-of ∘ superset-of superset-of), so a farther relationship now may
 * give the closer result later; within one relationship, the strongest
 * always does at least as well. */
static int
compare_step(const void *pa, const void *pb)
{
	const partial *a = pa, *b = pb;
	if (a->target->index != b->target->index)
		return a->target->index < b->target->index ? -1 : 1;
	if (a->rel != b->rel)
		return a->rel < b->rel ? -1 : 1;
	return better(a, b);
}

/* Sorts the pairs of one source from `first` on and drops the dominated. */
static void
prune(tg_buf *pairs, size_t first, bool final)
{
	size_t n = TG_BUF_COUNT(pairs, partial) - first;
	partial *p = &TG_BUF_AT(pairs, partial, first);
	if (n < 2)
		return;
	qsort(p, n, sizeof *p, final ? compare_final : compare_step);
	size_t out = 1;
	for (size_t i = 1; i < n; i++) {
		const partial *last = &p[out - 1];
		if (p[i].target == last->target && (final || p[i].rel == last->rel))
			continue;
		p[out++] = p[i];
	}
	pairs->len = (first + out) * sizeof(partial);
}

static bool
usable(const tg_xw_target *t)
{
	return t->target != NULL && t->relationship < TG_REL_NO_RELATIONSHIP;
}

/* Composes the chain; returns the pairs grouped by source (in the first
 * crosswalk's row order), each group sorted by target, one per target. */
static void
compose(const tg_crosswalk *const *chain, size_t n, tg_buf *out, tg_buf *out_paths)
{
	tg_buf cur = TG_BUF_INIT, paths = TG_BUF_INIT, next = TG_BUF_INIT, npaths = TG_BUF_INIT;
	size_t order = 0;
	const tg_crosswalk *first = chain[0];
	for (size_t r = 0; r < first->nrows; r++) {
		const tg_xw_row *row = &first->rows[r];
		for (size_t k = 0; row->source != NULL && k < row->ntargets; k++) {
			const tg_xw_target *t = &row->targets[k];
			if (!usable(t))
				continue;
			partial p = {row->source, t->target, t->relationship, t->strength,
			    TG_BUF_COUNT(&paths, const tg_item *), t->nvia, order++};
			for (size_t v = 0; v < t->nvia; v++)
				TG_BUF_PUSH(&paths, const tg_item *, t->via[v]);
			TG_BUF_PUSH(&cur, partial, p);
		}
	}
	for (size_t step = 1; step < n; step++) {
		const tg_crosswalk *xw = chain[step];
		size_t nitems = xw->source->nitems;
		const tg_xw_row **row_at = tg_xcalloc(nitems ? nitems : 1, sizeof *row_at);
		for (size_t r = 0; r < xw->nrows; r++)
			if (xw->rows[r].source != NULL)
				row_at[xw->rows[r].source->index] = &xw->rows[r];
		bool final = step == n - 1;
		size_t ncur = TG_BUF_COUNT(&cur, partial);
		size_t group = 0;	/* first pair of the current source in next */
		for (size_t i = 0; i < ncur; i++) {
			const partial *p = &TG_BUF_AT(&cur, partial, i);
			if (i > 0 && p->source != TG_BUF_AT(&cur, partial, i - 1).source) {
				prune(&next, group, final);
				group = TG_BUF_COUNT(&next, partial);
			}
			const tg_xw_row *row = p->target->catalog == xw->source ?
			    row_at[p->target->index] : NULL;
			for (size_t k = 0; row != NULL && k < row->ntargets; k++) {
				const tg_xw_target *t = &row->targets[k];
				if (!usable(t))
					continue;
				tg_relationship rel = tg_rel_compose(p->rel, t->relationship);
				if (rel == TG_REL_NO_RELATIONSHIP)
					continue;
				partial q = {p->source, t->target, rel,
				    tg_strength_weakest(p->strength, t->strength),
				    TG_BUF_COUNT(&npaths, const tg_item *), p->npath + 1 + t->nvia, order++};
				for (size_t v = 0; v < p->npath; v++)
					TG_BUF_PUSH(&npaths, const tg_item *,
					    TG_BUF_AT(&paths, const tg_item *, p->path + v));
				TG_BUF_PUSH(&npaths, const tg_item *, p->target);
				for (size_t v = 0; v < t->nvia; v++)
					TG_BUF_PUSH(&npaths, const tg_item *, t->via[v]);
				TG_BUF_PUSH(&next, partial, q);
			}
		}
		prune(&next, group, final);
		free(row_at);
		tg_buf tmp = cur;
		cur = next;
		next = tmp;
		tg_buf_clear(&next);
		tmp = paths;
		paths = npaths;
		npaths = tmp;
		tg_buf_clear(&npaths);
	}
	*out = cur;
	*out_paths = paths;
	tg_buf_free(&next);
	tg_buf_free(&npaths);
}

static bool
has_target(const tg_xw_row *row, const tg_item *t)
{
	for (size_t i = 0; row != NULL && i < row->ntargets; i++)
		if (row->targets[i].target == t)
			return true;
	return false;
}

/* The effective rows: per source item in tree order, the file's row (its
 * pairs first) and the derived pairs it does not repeat. */
static void
merge(tg_data *d, tg_crosswalk *xw, const tg_buf *pairs, const tg_buf *paths, tg_diag *diag)
{
	tg_arena *a = &d->arena;
	const tg_catalog *src = xw->source;
	size_t n = src->nitems;
	const tg_xw_row **stored = tg_xcalloc(n ? n : 1, sizeof *stored);
	size_t *first = tg_xcalloc(n ? n : 1, sizeof *first), *count = tg_xcalloc(n ? n : 1, sizeof *count);
	for (size_t r = 0; r < xw->nstored_rows; r++) {
		const tg_xw_row *row = &xw->stored_rows[r];
		if (row->source != NULL && stored[row->source->index] == NULL)
			stored[row->source->index] = row;
	}
	size_t np = TG_BUF_COUNT(pairs, partial);
	for (size_t i = 0; i < np; i++) {
		const partial *p = &TG_BUF_AT(pairs, partial, i);
		if (count[p->source->index]++ == 0)
			first[p->source->index] = i;
	}
	tg_buf rows = TG_BUF_INIT;
	for (size_t i = 0; i < n; i++) {
		const tg_xw_row *st = stored[i];
		if (st == NULL && count[i] == 0)
			continue;
		tg_xw_row row = {0};
		if (st != NULL) {
			row = *st;
		} else {
			row.source = src->items[i];
			row.source_id = row.source->id;
			row.pos = xw->derive_pos;
			row.source_pos = xw->derive_pos;
			row.derived = true;
		}
		if (st != NULL && st->status == TG_STATUS_UNMAPPED) {
			/* Someone judged that the item has no counterpart. */
			if (count[i] > 0)
				tg_diag_warning(diag, st->source_pos, "row '%s' is marked unmapped, but the "
				    "derivation finds %zu pair%s for it; the row as written wins", st->source_id,
				    count[i], count[i] == 1 ? "" : "s");
			TG_BUF_PUSH(&rows, tg_xw_row, row);
			continue;
		}
		size_t extra = 0;
		for (size_t k = 0; k < count[i]; k++)
			if (!has_target(st, TG_BUF_AT(pairs, partial, first[i] + k).target))
				extra++;
		size_t nst = st ? st->ntargets : 0;
		row.ntargets = nst + extra;
		row.targets = TG_ARENA_ARRAY(a, tg_xw_target, row.ntargets ? row.ntargets : 1);
		if (nst > 0)
			memcpy(row.targets, st->targets, nst * sizeof *row.targets);
		size_t at = nst;
		for (size_t k = 0; k < count[i]; k++) {
			const partial *p = &TG_BUF_AT(pairs, partial, first[i] + k);
			if (has_target(st, p->target))
				continue;
			tg_xw_target *t = &row.targets[at++];
			t->target = p->target;
			t->target_id = p->target->id;
			t->relationship = p->rel;
			t->strength = p->strength;
			t->rationale = TG_RAT_DERIVED;
			t->status = TG_STATUS_SUGGESTED;
			t->pos = xw->derive_pos;
			t->derived = true;
			t->nvia = p->npath;
			t->via = TG_ARENA_ARRAY(a, const tg_item *, p->npath ? p->npath : 1);
			for (size_t v = 0; v < p->npath; v++)
				t->via[v] = TG_BUF_AT(paths, const tg_item *, p->path + v);
		}
		row.status = summary_status(row.targets, row.ntargets);
		TG_BUF_PUSH(&rows, tg_xw_row, row);
	}
	/* Rows whose source did not resolve (already reported) stay, last. */
	for (size_t r = 0; r < xw->nstored_rows; r++)
		if (xw->stored_rows[r].source == NULL)
			TG_BUF_PUSH(&rows, tg_xw_row, xw->stored_rows[r]);
	xw->nrows = TG_BUF_COUNT(&rows, tg_xw_row);
	xw->rows = tg_arena_memdup(a, rows.data, rows.len ? rows.len : sizeof(tg_xw_row));
	index_rows(xw);
	tg_buf_free(&rows);
	free(stored);
	free(first);
	free(count);
}

/* ---- the chain ---- */

static const char *
via_name(tg_buf *s, const tg_xw_via *v)
{
	tg_buf_clear(s);
	tg_buf_printf(s, "%s%s", v->inverse ? "~" : "", v->id);
	return s->data;
}

static const char *
catalog_name(const tg_catalog *c)
{
	return c && c->id ? c->id : "?";
}

/* Each link must start where the previous one ends, the first at this
 * crosswalk's source, the last at its target.  Only the first break is
 * reported: the links after it are compared with a wrong end. */
static bool
chain_meets(tg_crosswalk *xw, const tg_crosswalk *const *chain, tg_diag *diag)
{
	bool ok = true;
	tg_buf s = TG_BUF_INIT;
	for (size_t i = 0; i < xw->nvia && ok; i++) {
		const tg_xw_via *v = &xw->via[i];
		const tg_catalog *want = i == 0 ? xw->source : chain[i - 1]->target;
		const tg_catalog *from = chain[i]->source, *to = chain[i]->target;
		if (want == NULL || from == NULL || to == NULL) {
			ok = false;	/* an unknown catalog, reported where it is named */
			break;
		}
		if (from != want) {
			const char *hint = to == want ? " (its inverse would: write '~')" : "";
			if (i == 0)
				tg_diag_error(diag, v->pos, "'%s' starts from catalog '%s', not from this "
				    "crosswalk's source '%s'%s", via_name(&s, v), catalog_name(from),
				    catalog_name(want), hint);
			else
				tg_diag_error(diag, v->pos, "the chain does not meet: '%s' starts from "
				    "catalog '%s', but the crosswalk before it ends at '%s'%s",
				    via_name(&s, v), catalog_name(from), catalog_name(want), hint);
			ok = false;
		}
		if (ok && i == xw->nvia - 1 && xw->target != NULL && to != xw->target) {
			tg_diag_error(diag, v->pos, "'%s' ends at catalog '%s', not at this crosswalk's "
			    "target '%s'", via_name(&s, v), catalog_name(to), catalog_name(xw->target));
			ok = false;
		}
	}
	tg_buf_free(&s);
	return ok;
}

static void
report_cycle(tg_diag *diag, const tg_xw_via *v, const tg_buf *stack, const tg_crosswalk *to)
{
	tg_buf s = TG_BUF_INIT;
	size_t n = TG_BUF_COUNT(stack, tg_crosswalk *), from = 0;
	for (size_t i = 0; i < n; i++)
		if (TG_BUF_AT(stack, tg_crosswalk *, i) == to)
			from = i;
	for (size_t i = from; i < n; i++)
		tg_buf_printf(&s, "%s -> ", TG_BUF_AT(stack, tg_crosswalk *, i)->id);
	tg_buf_puts(&s, to->id);
	tg_diag_error(diag, v->pos, "derived crosswalks form a cycle: %s", s.data);
	tg_buf_free(&s);
}

static void
report_unknown(tg_data *d, tg_diag *diag, const tg_xw_via *v)
{
	size_t n = TG_DATA_COUNT(d, crosswalks, tg_crosswalk);
	const char **ids = tg_xcalloc(n ? n : 1, sizeof *ids);
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (TG_DATA_AT(d, crosswalks, tg_crosswalk, i)->id != NULL)
			ids[k++] = TG_DATA_AT(d, crosswalks, tg_crosswalk, i)->id;
	const char *near = tg_text_suggest(v->id, ids, k);
	if (near != NULL)
		tg_diag_error(diag, v->pos, "via '%s' is not a known crosswalk (did you mean '%s'?)",
		    v->id, near);
	else
		tg_diag_error(diag, v->pos, "via '%s' is not a known crosswalk", v->id);
	free(ids);
}

static bool
derive(tg_data *d, tg_crosswalk *xw, tg_buf *stack, tg_diag *diag)
{
	if (xw->derive_state == DONE || xw->derive_state == FAILED)
		return xw->derive_state == DONE;
	if (xw->derive_pos.line == 0) {
		xw->derive_state = DONE;
		return true;
	}
	xw->derive_state = ACTIVE;
	TG_BUF_PUSH(stack, tg_crosswalk *, xw);
	bool ok = xw->nvia >= 2;
	const tg_crosswalk **chain = tg_xcalloc(xw->nvia ? xw->nvia : 1, sizeof *chain);
	for (size_t i = 0; i < xw->nvia; i++) {
		tg_xw_via *v = &xw->via[i];
		tg_crosswalk *c = tg_data_crosswalk(d, v->id);
		if (c == NULL) {
			if (tg_map_get(&d->broken_ids, v->id) == NULL)
				report_unknown(d, diag, v);
			ok = false;
			continue;
		}
		v->xw = c;
		if (c->derive_state == ACTIVE) {
			report_cycle(diag, v, stack, c);
			ok = false;
			continue;
		}
		if (!derive(d, c, stack, diag)) {
			ok = false;	/* its own error says why */
			continue;
		}
		chain[i] = v->inverse ? inverse(d, c) : c;
	}
	ok = ok && chain_meets(xw, chain, diag);
	if (ok && xw->source != NULL) {
		tg_buf pairs, paths;
		compose(chain, xw->nvia, &pairs, &paths);
		merge(d, xw, &pairs, &paths, diag);
		tg_buf_free(&pairs);
		tg_buf_free(&paths);
	} else {
		/* The rows as written; a row waiting for derived pairs has none. */
		for (size_t r = 0; r < xw->nrows; r++)
			if (xw->rows[r].ntargets == 0)
				xw->rows[r].status = TG_STATUS_UNMAPPED;
		ok = false;
	}
	free(chain);
	stack->len -= sizeof(tg_crosswalk *);
	xw->derive_state = ok ? DONE : FAILED;
	return ok;
}

void
tg_xw_derive_all(tg_data *d, tg_diag *diag)
{
	tg_buf stack = TG_BUF_INIT;
	size_t n = TG_DATA_COUNT(d, crosswalks, tg_crosswalk);
	for (size_t i = 0; i < n; i++)
		derive(d, TG_DATA_AT(d, crosswalks, tg_crosswalk, i), &stack, diag);
	for (size_t i = 0; i < n; i++)
		inverse(d, TG_DATA_AT(d, crosswalks, tg_crosswalk, i));
	tg_buf_free(&stack);
}
