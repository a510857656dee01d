/* Gap → the regulation clauses and industry proposals that address it.
 *
 * The clauses are found by the paths of crosswalk/paths.h over every
 * crosswalk of the data (stored, derived, read either way: the path logic
 * is there, not here), stopping at the baseline, plus the one step the
 * baseline's own crosswalks give when a path ends on a baseline item that
 * has no regulation text (a 自工会 item mapped to 付録3 No.22 reaches the
 * clauses of No.22; a 自社診断 question starts there).  The relationship
 * and strength are the path's: the weakest link. */
#include <stdlib.h>
#include <string.h>

#include "assess.h"
#include "../regulation/regulation.h"

static bool
is_clause(const tg_tset *ts, const tg_item *it)
{
	return ts != NULL && it->catalog == ts->catalog && tg_tset_clause(ts, it->id) != NULL;
}

/* Whether a path leads to a clause the way assess reads it: to a clause
 * of the regulation, its step within the baseline (if any) taken from an
 * item that has no regulation text of its own. */
static bool
reaches_clause(const tg_tset *ts, const tg_path *p)
{
	if (p->nsteps == 0 || !is_clause(ts, p->to))
		return false;
	const tg_path_step *last = &p->steps[p->nsteps - 1];
	return last->from->catalog != p->to->catalog || !is_clause(ts, last->from);
}

static int
compare_remedies(const void *pa, const void *pb)
{
	const tg_remedy *a = pa, *b = pb;
	int ca = tg_rel_closeness(a->rel), cb = tg_rel_closeness(b->rel);
	if (ca != cb)
		return ca < cb ? -1 : 1;
	if (a->strength != b->strength)
		return b->strength - a->strength;
	return a->clause->index < b->clause->index ? -1 : a->clause->index > b->clause->index;
}

static bool
in_scope(const tg_item *it, int level)
{
	return level < 0 || it->level < 0 || it->level <= level;
}

tg_paths *
tg_assess_paths(const tg_data *d, const tg_industry *ind)
{
	return tg_paths_new_inner(d, ind->baseline);
}

void
tg_assess_remedies(tg_paths *paths, const tg_data *d, const tg_industry *ind, int level,
    const tg_item *item, tg_arena *a, tg_remedies *out)
{
	memset(out, 0, sizeof *out);
	const tg_tset *ts = tg_reg_tset_for(d, ind->baseline);
	tg_buf found = TG_BUF_INIT, props = TG_BUF_INIT;
	const tg_path *reached;
	size_t npaths = tg_paths_from(paths, item, &reached);
	for (size_t i = 0; i < npaths; i++) {
		const tg_path *p = &reached[i];
		if (!reaches_clause(ts, p))
			continue;
		tg_remedy r = {p->to, p->rel, p->strength, p->reviewed, tg_path_copy(a, p)};
		TG_BUF_PUSH(&found, tg_remedy, r);
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
