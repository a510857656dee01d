/* The assessment as JSON: results per form and group, and every gap with
 * its position, clauses (with the path) and proposals, in priority order. */
#include <stdlib.h>
#include <string.h>

#include "ar.h"
#include "../../crosswalk/xtable.h"
#include "../../util/json.h"

static const char *
gap_kind(tg_gap_kind k)
{
	switch (k) {
	case TG_GAP_PARTIAL: return "partial";
	case TG_GAP_MISSING: return "missing";
	case TG_GAP_UNKNOWN: return "unknown";
	case TG_GAP_UNANSWERED: return "unanswered";
	case TG_GAP_EXCLUDED: return "excluded";
	default: return "none";
	}
}

static void
group(tg_json *j, const tg_filled *f, const tg_group_result *r)
{
	tg_json_begin_object(j);
	tg_json_kv_string(j, "title", r->title);
	tg_json_kv_int(j, "items", (long long)r->items);
	tg_json_kv_int(j, "answered", (long long)r->answered);
	if (f->form->summary == TG_FSUM_SCORE) {
		tg_json_key(j, "score");
		tg_json_number(j, r->score);
		tg_json_key(j, "max");
		tg_json_number(j, r->max);
	} else {
		tg_json_key(j, "counts");
		tg_json_begin_object(j);
		for (size_t k = 0; k < f->choice->noptions; k++)
			tg_json_kv_int(j, f->choice->options[k].label, (long long)r->per_option[k]);
		tg_json_end_object(j);
		tg_json_key(j, "progress");
		if (r->progress < 0)
			tg_json_null(j);
		else
			tg_json_number(j, r->progress);
	}
	tg_json_end_object(j);
}

static void
filled(tg_json *j, const tg_filled *f)
{
	tg_json_begin_object(j);
	tg_json_kv_string(j, "form", f->form->id);
	tg_json_kv_string(j, "title", f->form->title);
	tg_json_kv_string(j, "sheet", f->where);
	tg_json_key(j, "total");
	group(j, f, &f->total);
	if (f->form->summary == TG_FSUM_SCORE) {
		tg_json_key(j, "band");
		if (f->band < 0)
			tg_json_null(j);
		else
			tg_json_string(j, f->form->bands[f->band].label);
	}
	tg_json_key(j, "groups");
	tg_json_begin_array(j);
	for (size_t g = 0; g < f->ngroups; g++)
		if (f->groups[g].items > 0)
			group(j, f, &f->groups[g]);
	tg_json_end_array(j);
	tg_json_end_object(j);
}

static void
item(tg_json *j, const tg_item *it)
{
	tg_json_begin_object(j);
	tg_json_kv_string(j, "catalog", it->catalog->id);
	tg_json_kv_string(j, "id", it->id);
	tg_json_kv_string(j, "ref", it->ref);
	tg_json_kv_string(j, "title", it->title);
	tg_json_key(j, "level");
	tg_json_string(j, tg_item_level_name(it));
	tg_json_end_object(j);
}

static void
gap(tg_json *j, const tg_assessment *as, const tg_gap *g, tg_arena *a)
{
	const tg_answer *an = g->answer;
	tg_json_begin_object(j);
	tg_json_kv_int(j, "rank", (long long)g->rank);
	tg_json_kv_string(j, "source", g->source);
	tg_json_kv_string(j, "form", g->from->form->id);
	tg_json_key(j, "item");
	item(j, an->item);
	tg_json_key(j, "answer");
	tg_json_string(j, an->value);
	tg_json_kv_string(j, "kind", gap_kind(an->gap));
	char *pos = tg_ar_position(g->from, an->pos);
	tg_json_kv_string(j, "position", pos);
	free(pos);
	tg_json_key(j, "remarks");
	tg_json_string(j, an->remarks);
	tg_json_kv_string(j, "urgency", g->urgency);
	tg_json_kv_string(j, "importance", g->importance);
	tg_json_key(j, "clauses");
	tg_json_begin_array(j);
	for (size_t i = 0; i < g->remedies.nclauses; i++) {
		const tg_remedy *r = &g->remedies.clauses[i];
		tg_json_begin_object(j);
		tg_json_kv_string(j, "id", r->clause->id);
		tg_json_kv_string(j, "name", tg_assess_clause_name(as->ctx.data, a, r->clause));
		tg_json_kv_string(j, "relationship", tg_relationship_name(r->rel));
		tg_json_key(j, "strength");
		if (r->strength < 0)
			tg_json_null(j);
		else
			tg_json_int(j, r->strength);
		tg_json_key(j, "via");
		tg_json_string(j, r->via ? r->via->id : NULL);
		tg_json_end_object(j);
	}
	tg_json_end_array(j);
	tg_json_key(j, "proposals");
	tg_json_begin_array(j);
	for (size_t i = 0; i < g->remedies.nproposals; i++) {
		const tg_remedy_proposal *p = &g->remedies.proposals[i];
		tg_json_begin_object(j);
		tg_json_key(j, "source");
		tg_json_string(j, p->source ? p->source->id : NULL);
		tg_json_kv_string(j, "label", p->label);
		tg_json_kv_string(j, "action", tg_action_name(p->action));
		tg_json_key(j, "clause");
		tg_json_string(j, p->clause ? p->clause->id : NULL);
		tg_json_kv_string(j, "text", p->text);
		tg_json_end_object(j);
	}
	tg_json_end_array(j);
	if (as->plan_sheet != NULL)
		tg_json_kv_string(j, "plan_group", as->plan_sheet->groups[g->plan_group].title);
	tg_json_end_object(j);
}

void
tg_ar_json(const tg_assessment *as, tg_buf *out)
{
	tg_arena a;
	tg_arena_init(&a);
	tg_json j;
	tg_json_init(&j, out, true);
	tg_json_begin_object(&j);
	tg_json_kv_string(&j, "industry", as->ctx.ind->id);
	tg_json_key(&j, "guideline");
	tg_json_string(&j, as->ctx.ind->guideline ? as->ctx.ind->guideline->id : NULL);
	tg_json_kv_string(&j, "baseline", as->ctx.ind->baseline->id);
	tg_json_key(&j, "level");
	tg_json_string(&j, as->level_name);
	tg_json_key(&j, "forms");
	tg_json_begin_array(&j);
	for (size_t i = 0; i < as->nfilled; i++)
		filled(&j, &as->filled[i]);
	tg_json_end_array(&j);
	tg_json_key(&j, "gaps");
	tg_json_begin_array(&j);
	for (size_t i = 0; i < as->ngaps; i++)
		gap(&j, as, &as->gaps[i], &a);
	tg_json_end_array(&j);
	tg_json_end_object(&j);
	tg_buf_putc(out, '\n');
	tg_arena_free(&a);
}
