/* The coverage as JSON: every requirement with its verdict, the parts of
 * the regulation that cover it with their full paths (each pair: crosswalk,
 * direction, relationship, strength, status, items passed through), what
 * the exclusions take away, and the closers; counts; Japanese labels next
 * to the machine names. */
#include <string.h>

#include "../../util/json.h"
#include "cov.h"

static void
qualified(tg_json *j, const char *key, const tg_item *it)
{
	tg_buf s = TG_BUF_INIT;
	if (it != NULL)
		tg_buf_printf(&s, "%s:%s", it->catalog->id, it->id);
	tg_json_kv_string(j, key, it ? s.data : NULL);
	tg_buf_free(&s);
}

static void
strength(tg_json *j, int v)
{
	tg_json_key(j, "strength");
	if (v >= 0)
		tg_json_int(j, v);
	else
		tg_json_null(j);
}

static void
path_json(tg_json *j, const tg_path *p)
{
	tg_json_key(j, "path");
	tg_json_begin_array(j);
	for (size_t i = 0; i < p->nsteps; i++) {
		const tg_path_step *s = &p->steps[i];
		tg_json_begin_object(j);
		qualified(j, "from", s->from);
		qualified(j, "to", s->to);
		tg_json_kv_string(j, "crosswalk", s->xw->id);
		tg_json_kv_string(j, "direction", s->backward ? "backward" : "forward");
		tg_json_kv_string(j, "relationship", tg_relationship_name(s->rel));
		strength(j, s->pair->strength);
		tg_json_kv_string(j, "status", tg_status_name(s->pair->status));
		if (s->pair->derived) {
			tg_json_key(j, "derived_via");
			tg_json_begin_array(j);
			tg_buf q = TG_BUF_INIT;
			for (size_t v = 0; v < s->pair->nvia; v++) {
				const tg_item *it = s->pair->via[s->backward ? s->pair->nvia - 1 - v : v];
				tg_buf_clear(&q);
				tg_buf_printf(&q, "%s:%s", it->catalog->id, it->id);
				tg_json_string(j, q.data);
			}
			tg_buf_free(&q);
			tg_json_end_array(j);
		}
		tg_json_end_object(j);
	}
	tg_json_end_array(j);
}

static void
link_json(tg_json *j, const tg_cov_link *l)
{
	static const char *const kinds[] = {"clause", "addition", "supplement"};
	tg_json_begin_object(j);
	tg_json_kv_string(j, "kind", kinds[l->kind]);
	tg_json_kv_string(j, "clause", l->clause->id);
	tg_buf s = TG_BUF_INIT;
	tg_cov_clause_label(&s, l->clause);
	tg_json_kv_string(j, "clause_label", s.data);
	if (l->source != NULL)
		qualified(j, "source", l->source);
	if (l->number != NULL)
		tg_json_kv_string(j, "number", l->number);
	if (l->title != NULL)
		tg_json_kv_string(j, "title", l->title);
	tg_json_kv_string(j, "relationship", tg_relationship_name(l->rel));
	tg_json_kv_string(j, "relationship_label", tg_cov_rel_label(l->rel));
	strength(j, l->strength);
	tg_json_key(j, "reviewed");
	tg_json_bool(j, l->reviewed);
	tg_buf_clear(&s);
	tg_cov_path_label(&s, l->path, l->kind != TG_COV_CLAUSE);
	tg_json_kv_string(j, "path_label", s.data);
	tg_buf_free(&s);
	if (l->excluded != NULL)
		tg_json_kv_string(j, "excluded_by", l->excluded->id);
	path_json(j, l->path);
	tg_json_end_object(j);
}

static void
closer_json(tg_json *j, const tg_cov_closer *c)
{
	static const char *const kinds[] = {"exclusion", "level", "proposal"};
	tg_json_begin_object(j);
	tg_json_kv_string(j, "kind", kinds[c->kind]);
	tg_json_kv_string(j, "clause", c->clause ? c->clause->id : NULL);
	if (c->source != NULL)
		qualified(j, "source", c->source);
	if (c->xw != NULL)
		tg_json_kv_string(j, "crosswalk", c->xw->id);
	if (c->proposal != NULL) {
		tg_json_kv_string(j, "action", tg_action_name(c->proposal->action));
		tg_json_kv_string(j, "text", c->proposal->text);
	}
	if (c->reason != NULL)
		tg_json_kv_string(j, "reason", c->reason);
	tg_json_kv_string(j, "relationship", tg_relationship_name(c->rel));
	tg_json_kv_string(j, "would", tg_cov_verdict_name(c->would));
	path_json(j, c->path);
	tg_json_end_object(j);
}

static void
count_json(tg_json *j, const tg_cov_count *n)
{
	tg_json_begin_object(j);
	tg_json_kv_int(j, "items", (long long)n->items);
	for (int v = 0; v < TG_COV_VERDICTS; v++)
		tg_json_kv_int(j, tg_cov_verdict_name((tg_cov_verdict)v), (long long)n->by[v]);
	tg_json_kv_int(j, "reviewed", (long long)n->reviewed);
	tg_json_end_object(j);
}

void
tg_cov_render_json(const tg_coverage *c, tg_buf *out)
{
	tg_json j;
	tg_json_init(&j, out, true);
	const tg_catalog *cat = c->against, *g = c->ind->guideline;
	tg_json_begin_object(&j);
	tg_json_key(&j, "coverage");
	tg_json_begin_object(&j);
	tg_json_key(&j, "against");
	tg_json_begin_object(&j);
	tg_json_kv_string(&j, "catalog", cat->id);
	tg_json_kv_string(&j, "title", cat->title);
	tg_json_kv_string(&j, "version", cat->version);
	tg_json_kv_string(&j, "level", c->level >= 0 ? cat->levels[c->level] : NULL);
	tg_json_kv_int(&j, "skipped_unknown_level", (long long)c->skipped_unknown);
	tg_json_end_object(&j);
	tg_json_key(&j, "regulation");
	tg_json_begin_object(&j);
	tg_json_kv_string(&j, "industry", c->ind->id);
	tg_json_kv_string(&j, "baseline", c->ind->baseline->id);
	tg_json_kv_string(&j, "profile", c->profile ? c->profile->id : NULL);
	tg_json_kv_string(&j, "title", c->reg_title);
	tg_json_kv_string(&j, "level", c->reg_level >= 0 ? g->levels[c->reg_level] : NULL);
	tg_json_end_object(&j);

	tg_json_key(&j, "summary");
	tg_json_begin_object(&j);
	tg_json_key(&j, "total");
	count_json(&j, &c->total);
	tg_json_key(&j, "without_exclusions");
	count_json(&j, &c->total_kept_all);
	tg_json_key(&j, "by_group");
	tg_json_begin_array(&j);
	for (size_t i = 0; i < c->ngroups; i++) {
		tg_json_begin_object(&j);
		tg_json_kv_string(&j, "id", c->groups[i].group->id);
		tg_json_kv_string(&j, "title", c->groups[i].group->title);
		tg_json_key(&j, "count");
		count_json(&j, &c->groups[i].count);
		tg_json_end_object(&j);
	}
	tg_json_end_array(&j);
	tg_json_key(&j, "by_level");
	tg_json_begin_object(&j);
	for (size_t l = 0; l < c->nlevels; l++) {
		if (c->by_level[l].items == 0)
			continue;
		tg_json_key(&j, l < cat->nlevels ? cat->levels[l] : l == cat->nlevels ? "unknown" : "none");
		count_json(&j, &c->by_level[l]);
	}
	tg_json_end_object(&j);
	tg_json_end_object(&j);

	tg_json_key(&j, "items");
	tg_json_begin_array(&j);
	for (size_t i = 0; i < c->nitems; i++) {
		const tg_cov_item *ci = &c->items[i];
		const tg_item *it = ci->item;
		tg_json_begin_object(&j);
		tg_json_kv_string(&j, "id", it->id);
		tg_json_kv_string(&j, "ref", it->ref);
		tg_json_kv_string(&j, "title", it->title ? it->title : "unknown");
		tg_json_kv_string(&j, "level", tg_item_level_name(it));
		tg_json_kv_string(&j, "group", ci->group ? ci->group->id : NULL);
		tg_json_kv_string(&j, "verdict", tg_cov_verdict_name(ci->verdict));
		tg_json_kv_string(&j, "verdict_label", tg_cov_verdict_label(ci->verdict));
		tg_json_kv_string(&j, "evidence", ci->verdict == TG_COV_NONE ? NULL :
		    ci->reviewed ? "reviewed" : "inferred");
		tg_json_kv_string(&j, "verdict_without_exclusions",
		    tg_cov_verdict_name(ci->verdict_kept_all));
		tg_json_key(&j, "links");
		tg_json_begin_array(&j);
		for (size_t k = 0; k < ci->nlinks; k++)
			link_json(&j, &ci->links[k]);
		tg_json_end_array(&j);
		tg_json_key(&j, "lost_to_exclusions");
		tg_json_begin_array(&j);
		for (size_t k = 0; k < ci->nlost; k++)
			link_json(&j, &ci->lost[k]);
		tg_json_end_array(&j);
		tg_json_key(&j, "outside_regulation");
		tg_json_begin_array(&j);
		for (size_t k = 0; k < ci->noutside; k++)
			link_json(&j, &ci->outside[k]);
		tg_json_end_array(&j);
		tg_json_key(&j, "closers");
		tg_json_begin_array(&j);
		for (size_t k = 0; k < ci->nclosers; k++)
			closer_json(&j, &ci->closers[k]);
		tg_json_end_array(&j);
		tg_json_end_object(&j);
	}
	tg_json_end_array(&j);

	tg_json_key(&j, "exclusions");
	tg_json_begin_array(&j);
	for (size_t e = 0; e < c->nexclusions; e++) {
		const tg_cov_exclusion *x = &c->exclusions[e];
		tg_json_begin_object(&j);
		tg_json_kv_string(&j, "clause", x->clause->id);
		if (x->item != NULL)
			qualified(&j, "item", x->item);
		tg_json_kv_string(&j, "name", x->name);
		tg_json_kv_string(&j, "reason", x->reason);
		tg_json_key(&j, "items");
		tg_json_begin_array(&j);
		for (size_t i = 0; i < x->nitems; i++)
			tg_json_string(&j, x->items[i]->item->id);
		tg_json_end_array(&j);
		tg_json_kv_int(&j, "worse", (long long)x->worse);
		tg_json_end_object(&j);
	}
	tg_json_end_array(&j);
	tg_json_end_object(&j);
	tg_json_end_object(&j);
	tg_buf_putc(out, '\n');
}
