/* Best paths from one item to the items of other catalogs (paths.h). */
#include "paths.h"

#include <stdlib.h>
#include <string.h>

typedef struct edge {
	const tg_item *to;
	const tg_crosswalk *xw;
	const tg_xw_target *pair;
	bool backward;
	tg_relationship rel;	/* read from the edge's start */
} edge;

/* The best path found so far to one item; its steps live in `steps`. */
typedef struct record {
	const tg_item *to;
	tg_relationship rel;
	int strength;
	bool reviewed;
	size_t step0, nsteps;
} record;

#define MAX_VISITED 64

struct tg_paths {
	const tg_catalog *stop;
	const tg_catalog **cats;	/* the data's catalogs, by id */
	size_t ncats;
	size_t *base;			/* per catalog: its first node */
	size_t nnodes;
	size_t *first;			/* per node: its first edge; nnodes + 1 entries */
	edge *edges;
	/* one query */
	size_t *best;			/* per node: record number + 1, 0 = not reached */
	tg_buf records, steps, touched, out;
	tg_path_step stack[TG_PATHS_MAX_STEPS];
	const tg_catalog *visited[MAX_VISITED];
	size_t nvisited;
};

static size_t
node_of(const tg_paths *p, const tg_item *it)
{
	for (size_t i = 0; i < p->ncats; i++)
		if (p->cats[i] == it->catalog)
			return p->base[i] + it->index;
	return p->nnodes;	/* not a catalog of the data (cannot happen once linked) */
}

static void
add_edge(tg_paths *p, size_t *fill, const tg_item *from, const edge *e)
{
	size_t n = node_of(p, from);
	if (n < p->nnodes)
		p->edges[fill[n]++] = *e;
}

tg_paths *
tg_paths_new(const tg_data *d, const tg_catalog *stop)
{
	tg_paths *p = tg_xcalloc(1, sizeof *p);
	p->stop = stop;
	p->ncats = TG_DATA_COUNT(d, catalogs, tg_catalog);
	p->cats = tg_xcalloc(p->ncats ? p->ncats : 1, sizeof *p->cats);
	p->base = tg_xcalloc(p->ncats ? p->ncats : 1, sizeof *p->base);
	for (size_t i = 0; i < p->ncats; i++) {
		p->cats[i] = TG_DATA_AT(d, catalogs, tg_catalog, i);
		p->base[i] = p->nnodes;
		p->nnodes += p->cats[i]->nitems;
	}
	/* Edges in compressed rows: count, then fill in the same order. */
	p->first = tg_xcalloc(p->nnodes + 1, sizeof *p->first);
	size_t nxw = TG_DATA_COUNT(d, crosswalks, tg_crosswalk), nedges = 0;
	for (int pass = 0; pass < 2; pass++) {
		size_t *fill = NULL;
		if (pass == 1) {
			for (size_t n = 0; n < p->nnodes; n++)
				p->first[n + 1] += p->first[n];
			nedges = p->first[p->nnodes];
			p->edges = tg_xcalloc(nedges ? nedges : 1, sizeof *p->edges);
			fill = tg_xcalloc(p->nnodes + 1, sizeof *fill);
			memcpy(fill, p->first, p->nnodes * sizeof *fill);
		}
		for (size_t x = 0; x < nxw; x++) {
			const tg_crosswalk *xw = TG_DATA_AT(d, crosswalks, tg_crosswalk, x);
			for (size_t r = 0; r < xw->nrows; r++) {
				const tg_xw_row *row = &xw->rows[r];
				for (size_t k = 0; row->source != NULL && k < row->ntargets; k++) {
					const tg_xw_target *t = &row->targets[k];
					if (t->target == NULL || t->relationship >= TG_REL_NO_RELATIONSHIP)
						continue;
					if (pass == 0) {
						size_t a = node_of(p, row->source), b = node_of(p, t->target);
						if (a < p->nnodes && b < p->nnodes) {
							p->first[a + 1]++;
							p->first[b + 1]++;
						}
						continue;
					}
					if (node_of(p, row->source) >= p->nnodes || node_of(p, t->target) >= p->nnodes)
						continue;
					edge fw = {t->target, xw, t, false, t->relationship};
					edge bw = {row->source, xw, t, true, tg_rel_inverse(t->relationship)};
					add_edge(p, fill, row->source, &fw);
					add_edge(p, fill, t->target, &bw);
				}
			}
		}
		free(fill);
	}
	p->best = tg_xcalloc(p->nnodes + 1, sizeof *p->best);
	return p;
}

void
tg_paths_free(tg_paths *p)
{
	if (p == NULL)
		return;
	free(p->cats);
	free(p->base);
	free(p->first);
	free(p->edges);
	free(p->best);
	tg_buf_free(&p->records);
	tg_buf_free(&p->steps);
	tg_buf_free(&p->touched);
	tg_buf_free(&p->out);
	free(p);
}

static int
compare_fields(tg_relationship ra, int sa, bool va, size_t na, tg_relationship rb, int sb, bool vb,
    size_t nb)
{
	int ca = tg_rel_closeness(ra), cb = tg_rel_closeness(rb);
	if (ca != cb)
		return ca < cb ? -1 : 1;
	if (sa != sb)
		return sa > sb ? -1 : 1;
	if (va != vb)
		return va ? -1 : 1;
	if (na != nb)
		return na < nb ? -1 : 1;
	return 0;
}

int
tg_path_compare(const tg_path *a, const tg_path *b)
{
	return compare_fields(a->rel, a->strength, a->reviewed, a->nsteps, b->rel, b->strength,
	    b->reviewed, b->nsteps);
}

static void
keep(tg_paths *p, const tg_item *at, tg_relationship rel, int strength, bool reviewed, size_t depth)
{
	size_t n = node_of(p, at);
	if (n >= p->nnodes)
		return;
	record *r;
	if (p->best[n] == 0) {
		TG_BUF_PUSH(&p->touched, size_t, n);
		record fresh = {0};
		TG_BUF_PUSH(&p->records, record, fresh);
		p->best[n] = TG_BUF_COUNT(&p->records, record);
		r = &TG_BUF_AT(&p->records, record, p->best[n] - 1);
	} else {
		r = &TG_BUF_AT(&p->records, record, p->best[n] - 1);
		if (compare_fields(rel, strength, reviewed, depth, r->rel, r->strength, r->reviewed,
		    r->nsteps) >= 0)
			return;
	}
	r->to = at;
	r->rel = rel;
	r->strength = strength;
	r->reviewed = reviewed;
	r->step0 = TG_BUF_COUNT(&p->steps, tg_path_step);
	r->nsteps = depth;
	tg_buf_put(&p->steps, p->stack, depth * sizeof(tg_path_step));
}

static bool
visited(const tg_paths *p, const tg_catalog *c)
{
	for (size_t i = 0; i < p->nvisited; i++)
		if (p->visited[i] == c)
			return true;
	return false;
}

/* Marks the catalogs an edge enters (its end and the items a derived pair
 * passes through); false, marking nothing, when one is visited already. */
static bool
enter(tg_paths *p, const edge *e)
{
	size_t before = p->nvisited;
	const tg_xw_target *t = e->pair;
	for (size_t i = 0; i <= t->nvia; i++) {
		const tg_catalog *c = i < t->nvia ? t->via[i]->catalog : e->to->catalog;
		if (visited(p, c) || p->nvisited == MAX_VISITED) {
			p->nvisited = before;
			return false;
		}
		p->visited[p->nvisited++] = c;
	}
	return true;
}

/* Whether composing keeps what both links say for certain: an equal link,
 * or a chain of subset-of (or of superset-of).  Anything else — two
 * overlaps, an overlap and an inclusion, a subset/superset mix — is an
 * inference however well its links were reviewed. */
static bool
exact(tg_relationship a, tg_relationship b)
{
	return a == TG_REL_EQUAL || b == TG_REL_EQUAL ||
	    (a == b && (a == TG_REL_SUBSET_OF || a == TG_REL_SUPERSET_OF));
}

static void
walk(tg_paths *p, const tg_item *at, tg_relationship rel, int strength, bool reviewed, size_t depth)
{
	keep(p, at, rel, strength, reviewed, depth);
	if (depth == TG_PATHS_MAX_STEPS || at->catalog == p->stop)
		return;
	size_t n = node_of(p, at);
	for (size_t i = p->first[n]; n < p->nnodes && i < p->first[n + 1]; i++) {
		const edge *e = &p->edges[i];
		tg_relationship r = tg_rel_compose(rel, e->rel);
		if (r == TG_REL_NO_RELATIONSHIP)
			continue;
		size_t mark = p->nvisited;
		if (!enter(p, e))
			continue;
		tg_path_step s = {at, e->to, e->xw, e->pair, e->backward, e->rel};
		p->stack[depth] = s;
		walk(p, e->to, r, tg_strength_weakest(strength, e->pair->strength),
		    reviewed && e->pair->status == TG_STATUS_REVIEWED && exact(rel, e->rel), depth + 1);
		p->nvisited = mark;
	}
}

/* A path with its node number, to sort by catalog then tree order. */
typedef struct keyed {
	size_t node;
	tg_path path;
} keyed;

static int
compare_keyed(const void *pa, const void *pb)
{
	const keyed *a = pa, *b = pb;
	return a->node < b->node ? -1 : a->node > b->node;
}

size_t
tg_paths_from(tg_paths *p, const tg_item *from, const tg_path **out)
{
	for (size_t i = 0; i < TG_BUF_COUNT(&p->touched, size_t); i++)
		p->best[TG_BUF_AT(&p->touched, size_t, i)] = 0;
	tg_buf_clear(&p->touched);
	tg_buf_clear(&p->records);
	tg_buf_clear(&p->steps);
	tg_buf_clear(&p->out);
	p->nvisited = 0;
	p->visited[p->nvisited++] = from->catalog;
	walk(p, from, TG_REL_EQUAL, 10, true, 0);

	size_t n = TG_BUF_COUNT(&p->records, record);
	keyed *k = tg_xcalloc(n ? n : 1, sizeof *k);
	const tg_path_step *steps = (const tg_path_step *)(void *)p->steps.data;
	for (size_t i = 0; i < n; i++) {
		const record *r = &TG_BUF_AT(&p->records, record, i);
		k[i].node = node_of(p, r->to);
		k[i].path = (tg_path){r->to, r->rel, r->strength, r->reviewed,
		    r->nsteps ? steps + r->step0 : NULL, r->nsteps};
	}
	qsort(k, n, sizeof *k, compare_keyed);
	for (size_t i = 0; i < n; i++)
		TG_BUF_PUSH(&p->out, tg_path, k[i].path);
	free(k);
	*out = (const tg_path *)(void *)p->out.data;
	return n;
}

tg_path *
tg_path_copy(tg_arena *a, const tg_path *path)
{
	tg_path *c = TG_ARENA_NEW(a, tg_path);
	*c = *path;
	if (path->nsteps > 0)
		c->steps = tg_arena_memdup(a, path->steps, path->nsteps * sizeof *path->steps);
	return c;
}
