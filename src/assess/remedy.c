/* Gap → the regulation clauses and industry proposals that address it.
 *
 * Over the stored crosswalks only: the industry's crosswalks (guideline →
 * baseline) and the baseline's own (付録3 → 付録5, 本文 → 付録5 …), read in
 * both directions, plus one step through the baseline's crosswalks when a
 * pair ends on a baseline item that has no regulation text (a 自工会 item
 * mapped to 付録3 No.22 reaches the clauses of No.22).  Relationships
 * compose as the weakest link; derived crosswalks and longer paths are
 * the derived-crosswalk module's work (this function is the one place to
 * switch to it). */
#include <stdlib.h>
#include <string.h>

#include "assess.h"
#include "../regulation/regulation.h"

static tg_relationship
inverse(tg_relationship r)
{
	return r == TG_REL_SUBSET_OF ? TG_REL_SUPERSET_OF : r == TG_REL_SUPERSET_OF ?
	    TG_REL_SUBSET_OF : r;
}

/* a then b: equal is neutral, no-relationship absorbs, same direction
 * keeps it, anything else only overlaps. */
static tg_relationship
compose(tg_relationship a, tg_relationship b)
{
	if (a == TG_REL_NO_RELATIONSHIP || b == TG_REL_NO_RELATIONSHIP)
		return TG_REL_NO_RELATIONSHIP;
	if (a == TG_REL_EQUAL)
		return b;
	if (b == TG_REL_EQUAL)
		return a;
	if (a == b && a != TG_REL_INTERSECTS_WITH)
		return a;
	return TG_REL_INTERSECTS_WITH;
}

static int
weaker(int a, int b)
{
	if (a < 0)
		return b;
	if (b < 0)
		return a;
	return a < b ? a : b;
}

typedef struct pair {
	const tg_item *other;
	tg_relationship rel;
	int strength;
} pair;

static bool
usable(const tg_crosswalk *c, const tg_industry *ind)
{
	if (c == NULL || c->source == NULL || c->target == NULL)
		return false;
	if (c->source == ind->baseline && c->target == ind->baseline)
		return true;
	for (size_t i = 0; i < ind->ncrosswalks; i++)
		if (ind->crosswalks[i] == c)
			return true;
	return false;
}

/* Every pair of the usable crosswalks with `it` on one end, read from it. */
static void
pairs_of(const tg_data *d, const tg_industry *ind, const tg_item *it, tg_buf *out)
{
	for (size_t i = 0; i < TG_DATA_COUNT(d, crosswalks, tg_crosswalk); i++) {
		const tg_crosswalk *c = TG_DATA_AT(d, crosswalks, tg_crosswalk, i);
		if (!usable(c, ind))
			continue;
		if (c->source == it->catalog) {
			const tg_xw_row *r = tg_map_get(&c->row_by_source, it->id);
			for (size_t k = 0; r != NULL && k < r->ntargets; k++)
				if (r->targets[k].target != NULL) {
					pair p = {r->targets[k].target, r->targets[k].relationship,
					    r->targets[k].strength};
					TG_BUF_PUSH(out, pair, p);
				}
		}
		if (c->target != it->catalog)
			continue;
		for (size_t j = 0; j < c->nrows; j++)
			for (size_t k = 0; k < c->rows[j].ntargets; k++)
				if (c->rows[j].targets[k].target == it && c->rows[j].source != NULL) {
					pair p = {c->rows[j].source, inverse(c->rows[j].targets[k].relationship),
					    c->rows[j].targets[k].strength};
					TG_BUF_PUSH(out, pair, p);
				}
	}
}

static bool
is_clause(const tg_tset *ts, const tg_item *it)
{
	return ts != NULL && it->catalog == ts->catalog && tg_tset_clause(ts, it->id) != NULL;
}

static int
closeness(tg_relationship r)
{
	return (int)r;	/* equal < subset-of < superset-of < intersects-with < none */
}

static void
add_remedy(tg_buf *out, const tg_item *clause, tg_relationship rel, int strength,
    const tg_item *via)
{
	if (rel == TG_REL_NO_RELATIONSHIP)
		return;
	for (size_t i = 0; i < TG_BUF_COUNT(out, tg_remedy); i++) {
		tg_remedy *r = &TG_BUF_AT(out, tg_remedy, i);
		if (r->clause != clause)
			continue;
		/* The same clause twice: keep the closer, stronger path. */
		if (closeness(rel) < closeness(r->rel) ||
		    (rel == r->rel && strength > r->strength)) {
			r->rel = rel;
			r->strength = strength;
			r->via = via;
		}
		return;
	}
	tg_remedy r = {clause, rel, strength, via};
	TG_BUF_PUSH(out, tg_remedy, r);
}

static int
compare_remedies(const void *pa, const void *pb)
{
	const tg_remedy *a = pa, *b = pb;
	if (closeness(a->rel) != closeness(b->rel))
		return closeness(a->rel) - closeness(b->rel);
	if (a->strength != b->strength)
		return b->strength - a->strength;
	return a->clause->index < b->clause->index ? -1 : a->clause->index > b->clause->index;
}

static bool
in_scope(const tg_item *it, int level)
{
	return level < 0 || it->level < 0 || it->level <= level;
}

void
tg_assess_remedies(const tg_data *d, const tg_industry *ind, int level, const tg_item *item,
    tg_arena *a, tg_remedies *out)
{
	memset(out, 0, sizeof *out);
	const tg_tset *ts = tg_reg_tset_for(d, ind->baseline);
	tg_buf direct = TG_BUF_INIT, hop = TG_BUF_INIT, found = TG_BUF_INIT, props = TG_BUF_INIT;
	pairs_of(d, ind, item, &direct);
	for (size_t i = 0; i < TG_BUF_COUNT(&direct, pair); i++) {
		pair p = TG_BUF_AT(&direct, pair, i);
		if (p.other == item)
			continue;
		if (is_clause(ts, p.other)) {
			add_remedy(&found, p.other, p.rel, p.strength, NULL);
			continue;
		}
		if (p.other->catalog != ind->baseline)
			continue;
		tg_buf_clear(&hop);
		pairs_of(d, ind, p.other, &hop);
		for (size_t k = 0; k < TG_BUF_COUNT(&hop, pair); k++) {
			pair q = TG_BUF_AT(&hop, pair, k);
			if (q.other != item && is_clause(ts, q.other))
				add_remedy(&found, q.other, compose(p.rel, q.rel), weaker(p.strength, q.strength),
				    p.other);
		}
	}
	size_t n = TG_BUF_COUNT(&found, tg_remedy);
	if (n > 0) {
		qsort(found.data, n, sizeof(tg_remedy), compare_remedies);
		out->clauses = tg_arena_memdup(a, found.data, found.len);
		out->nclauses = n;
	}
	/* Proposals: the item's own row, or those placed on the clauses found. */
	for (size_t i = 0; i < ind->ncrosswalks; i++) {
		const tg_crosswalk *c = ind->crosswalks[i];
		if (c == NULL)
			continue;
		for (size_t j = 0; j < c->nrows; j++) {
			const tg_xw_row *r = &c->rows[j];
			const tg_proposal *p = r->proposal;
			if (p == NULL || (p->action != TG_ACTION_ADD && p->action != TG_ACTION_AMEND) ||
			    r->source == NULL)
				continue;
			bool take = r->source == item;
			if (!take && item->catalog == ind->baseline && in_scope(r->source, level))
				for (size_t k = 0; k < out->nclauses && !take; k++)
					take = p->clause == out->clauses[k].clause;
			if (take) {
				char *label = tg_reg_label_text(r->source, false);
				tg_remedy_proposal rp = {r->source, p->action, p->clause, p->text,
				    tg_arena_strdup(a, label)};
				free(label);
				TG_BUF_PUSH(&props, tg_remedy_proposal, rp);
			}
		}
	}
	/* An industry without a guideline: its own additions on those clauses. */
	for (size_t i = 0; item->catalog == ind->baseline && i < ind->nadditions; i++) {
		const tg_addition *ad = &ind->additions[i];
		bool take = false;
		for (size_t k = 0; k < out->nclauses && !take; k++)
			take = ad->clause == out->clauses[k].clause;
		if (!take || ad->text == NULL)
			continue;
		tg_remedy_proposal rp = {NULL, ad->action, ad->clause, ad->text,
		    ind->short_title ? ind->short_title : ind->title};
		TG_BUF_PUSH(&props, tg_remedy_proposal, rp);
	}
	if (props.len > 0) {
		out->proposals = tg_arena_memdup(a, props.data, props.len);
		out->nproposals = TG_BUF_COUNT(&props, tg_remedy_proposal);
	}
	tg_buf_free(&direct);
	tg_buf_free(&hop);
	tg_buf_free(&found);
	tg_buf_free(&props);
}

const tg_item *
tg_assess_chapter_of(const tg_data *d, const tg_item *clause)
{
	const tg_tset *ts = tg_reg_tset_for(d, clause->catalog);
	for (const tg_item *it = clause; ts != NULL && it != NULL; it = it->parent) {
		const tg_tclause *tc = tg_tset_clause(ts, it->id);
		if (tc != NULL && tc->chapter)
			return it;
	}
	return NULL;
}

/* A title without the （サンプル） of IPA's appendix names. */
static void
put_title(tg_buf *b, const char *title)
{
	static const char sample[] = "（サンプル）";
	size_t n = strlen(title), m = sizeof sample - 1;
	if (n > m && strcmp(title + n - m, sample) == 0)
		tg_buf_put(b, title, n - m);
	else
		tg_buf_puts(b, title);
}

const char *
tg_assess_clause_name(const tg_data *d, tg_arena *a, const tg_item *clause)
{
	tg_buf n = TG_BUF_INIT;
	const tg_item *chapter = tg_assess_chapter_of(d, clause);
	if (clause->depth == 0) {
		put_title(&n, clause->title ? clause->title : "不明");
	} else {
		/* Clauses of a document that is a chapter of its own (基本方針)
		 * carry its name; 付録5 numbers speak for themselves. */
		if (chapter != NULL && chapter->depth == 0 && chapter != clause) {
			put_title(&n, chapter->title ? chapter->title : "");
			tg_buf_putc(&n, ' ');
		}
		tg_buf_printf(&n, "%s %s", clause->ref, clause->title ? clause->title : "不明");
	}
	const char *s = tg_arena_strdup(a, n.data);
	tg_buf_free(&n);
	return s;
}
