/* Checks of a company profile against its industry and registry (called
 * by tg_reg_check_data for every profile, and by the commands that load a
 * profile file): level, parameters, exclude / replace entries — clauses,
 * or (item: ID) an industry addition or supplement, tg_reg_industry_text_of —,
 * revisions, document control. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "regulation.h"
#include "../load/schema.h"
#include "../util/text.h"

const tg_xw_row *
tg_reg_proposal_row(const tg_industry *ind, const tg_item *it)
{
	for (size_t i = 0; i < ind->ncrosswalks; i++) {
		const tg_crosswalk *c = ind->crosswalks[i];
		const tg_xw_row *r = c ? tg_map_get(&c->row_by_source, it->id) : NULL;
		if (r != NULL && r->proposal != NULL && r->proposal->clause != NULL &&
		    (r->proposal->action == TG_ACTION_ADD || r->proposal->action == TG_ACTION_AMEND))
			return r;
	}
	return NULL;
}

bool
tg_reg_industry_text_of(const tg_industry *ind, const char *id, tg_reg_industry_text *out)
{
	memset(out, 0, sizeof *out);
	if (ind->guideline == NULL) {
		for (size_t i = 0; i < ind->nadditions; i++) {
			const tg_addition *a = &ind->additions[i];
			if (a->id == NULL || strcmp(a->id, id) != 0 || a->clause == NULL)
				continue;
			*out = (tg_reg_industry_text){a->id, NULL, a, a->clause, a->action};
			return true;
		}
		return false;
	}
	const tg_item *it = tg_catalog_item(ind->guideline, id);
	const tg_xw_row *row = it ? tg_reg_proposal_row(ind, it) : NULL;
	if (row == NULL)
		return false;
	*out = (tg_reg_industry_text){it->id, it, NULL, row->proposal->clause, row->proposal->action};
	return true;
}

bool
tg_reg_industry_text_same(const tg_reg_industry_text *a, const tg_reg_industry_text *b)
{
	return a->source == b->source && a->addition == b->addition;
}

static const char *const exclude_keys[] = {"clause", "item", "reason", NULL};
static const char *const replace_keys[] = {"clause", "item", "text", NULL};
static const char *const revision_keys[] = {"date", "version", "description", NULL};

/* The clause id an entry names, as written, for messages. */
static const char *
named(const tg_node *entry)
{
	const tg_node *c = tg_node_get(entry, "clause");
	if (c == NULL)
		c = tg_node_get(entry, "item");
	return c != NULL && c->kind == TG_NODE_SCALAR && !tg_node_is_null(c) ? c->str : "?";
}

/* An `item` entry: an industry item whose addition (add) or supplement
 * (amend) the company drops or rewrites, or (an industry without a
 * guideline) one of the industry's own additions.  False (reported) when it
 * names none. */
static bool
entry_item(tg_load *l, const tg_profile *p, const tg_node *entry, const char *what,
    tg_reg_industry_text *out)
{
	const tg_node *n = tg_node_get(entry, "item");
	if (tg_schema_scalar(l, n, "'item'") == NULL)
		return false;
	const tg_industry *ind = p->industry;
	if (tg_reg_industry_text_of(ind, n->str, out))
		return true;
	const tg_catalog *g = ind->guideline;
	if (g == NULL) {
		/* Without a guideline, `item` names the industry's own additions. */
		const char **ids = tg_xcalloc(ind->nadditions + 1, sizeof *ids);
		size_t k = 0;
		tg_buf list = TG_BUF_INIT;
		for (size_t i = 0; i < ind->nadditions; i++)
			if (ind->additions[i].id != NULL) {
				ids[k++] = ind->additions[i].id;
				tg_buf_printf(&list, "%s%s", list.len ? ", " : "", ind->additions[i].id);
			}
		const char *near = tg_text_suggest(n->str, ids, k);
		if (k == 0)
			tg_diag_error(l->diag, n->pos, "%s: industry '%s' has no guideline and no additions: "
			    "'item' names one of its additions by id", what, ind->id ? ind->id : "?");
		else if (near != NULL)
			tg_diag_error(l->diag, n->pos, "'%s' is not an addition of industry '%s' (did you mean "
			    "'%s'?)", n->str, ind->id ? ind->id : "?", near);
		else
			tg_diag_error(l->diag, n->pos, "'%s' is not an addition of industry '%s' (its "
			    "additions: %s)", n->str, ind->id ? ind->id : "?", list.data);
		tg_buf_free(&list);
		free(ids);
		return false;
	}
	const tg_item *it = tg_catalog_item(g, n->str);
	if (it == NULL) {
		/* Only items with an addition or a supplement can be named. */
		const char **ids = tg_xcalloc(g->nitems + 1, sizeof *ids);
		size_t k = 0;
		for (size_t i = 0; i < g->nitems; i++)
			if (tg_reg_proposal_row(ind, g->items[i]) != NULL)
				ids[k++] = g->items[i]->id;
		const char *near = tg_text_suggest(n->str, ids, k);
		if (near != NULL)
			tg_diag_error(l->diag, n->pos, "'%s' is not an item of %s (did you mean '%s'?)", n->str,
			    g->id, near);
		else
			tg_diag_error(l->diag, n->pos, "'%s' is not an item of %s", n->str, g->id);
		free(ids);
		return false;
	}
	tg_diag_error(l->diag, n->pos, "%s: item '%s' has no industry addition or supplement "
	    "(no add or amend proposal in the industry's crosswalks)", what, n->str);
	return false;
}

/* Which of `clause` and `item` an entry names (exactly one). */
static bool
entry_kind(tg_load *l, const tg_node *entry, const char *what, bool *is_item)
{
	const tg_node *c = tg_node_get(entry, "clause"), *i = tg_node_get(entry, "item");
	*is_item = i != NULL;
	if (c != NULL && i != NULL) {
		tg_diag_error(l->diag, i->pos, "%s entry names both a 'clause' and an 'item'; one entry "
		    "is one or the other", what);
		return false;
	}
	if (c == NULL && i == NULL) {
		if (!tg_schema_misspelt(entry, "clause") && !tg_schema_misspelt(entry, "item"))
			tg_diag_error(l->diag, entry->pos, "%s entry has no 'clause' (a clause of the "
			    "regulation) or 'item' (an industry item whose addition or supplement it is)", what);
		return false;
	}
	return true;
}

/* A clause named by an exclude / replace entry, or NULL (reported). */
static const tg_tclause *
entry_clause(tg_load *l, const tg_tset *t, const tg_node *entry, const char *what)
{
	(void)what;
	const tg_node *c = tg_node_get(entry, "clause");
	if (tg_schema_scalar(l, c, "'clause'") == NULL)
		return NULL;
	const tg_item *it = tg_data_ref(l->data, c->str, t->catalog);
	const tg_tclause *tc = it ? tg_tset_clause(t, it->id) : NULL;
	if (tc != NULL)
		return tc;
	const char **ids = tg_xcalloc(t->nclauses + 1, sizeof *ids);
	size_t n = 0;
	for (size_t i = 0; i < t->nclauses; i++)
		if (t->clauses[i].item != NULL)
			ids[n++] = t->clauses[i].item->id;
	const char *near = tg_text_suggest(c->str, ids, n);
	if (near != NULL)
		tg_diag_error(l->diag, c->pos, "unknown clause '%s' (did you mean '%s'?)", c->str, near);
	else
		tg_diag_error(l->diag, c->pos, "unknown clause '%s': not a clause of %s", c->str, t->dir);
	free(ids);
	return NULL;
}

static const tg_node *
list_of(tg_load *l, const tg_profile *p, const char *key)
{
	const tg_node *v = tg_reg_profile_get(p, key);
	if (v == NULL || tg_node_is_null(v))
		return NULL;
	if (v->kind != TG_NODE_SEQ) {
		tg_diag_error(l->diag, v->pos, "'%s' must be a list, found %s", key, tg_node_kind_name(v));
		return NULL;
	}
	return v;
}

static void
check_level(tg_load *l, const tg_profile *p)
{
	const tg_node *lv = tg_reg_profile_get(p, "level");
	const tg_catalog *g = p->industry->guideline;
	if (lv == NULL || tg_schema_scalar(l, lv, "'level'") == NULL)
		return;
	if (g == NULL) {
		if (p->industry->guideline_id == NULL)
			tg_diag_error(l->diag, lv->pos, "industry '%s' has no guideline, so no levels: "
			    "leave 'level' out", p->industry->id);
		return;
	}
	if (tg_catalog_level(g, lv->str) >= 0)
		return;
	tg_buf known = TG_BUF_INIT;
	for (size_t i = 0; i < g->nlevels; i++)
		tg_buf_printf(&known, "%s%s", i ? ", " : "", g->levels[i]);
	if (g->nlevels == 0)
		tg_diag_error(l->diag, lv->pos, "'%s' is not a level of %s, which has no levels", lv->str, g->id);
	else
		tg_diag_error(l->diag, lv->pos, "'%s' is not a level of %s (levels: %s)", lv->str, g->id,
		    known.data);
	tg_buf_free(&known);
}

static void
check_parameters(tg_load *l, const tg_profile *p, const tg_paramset *ps)
{
	const tg_node *values = tg_reg_profile_get(p, "parameters");
	if (values != NULL && !tg_node_is_null(values) && values->kind != TG_NODE_MAP) {
		tg_diag_error(l->diag, values->pos, "'parameters' must be a mapping of parameter names "
		    "to values, found %s", tg_node_kind_name(values));
		values = NULL;
	}
	if (values != NULL && tg_node_is_null(values))
		values = NULL;
	const char **names = tg_xcalloc(ps->nparams + 1, sizeof *names);
	for (size_t i = 0; i < ps->nparams; i++)
		names[i] = ps->params[i].name;
	for (size_t i = 0; values != NULL && i < values->n; i++) {
		const tg_node *k = tg_node_key(values, i), *v = tg_node_value(values, i);
		if (k->kind != TG_NODE_SCALAR)
			continue;
		const tg_param *prm = tg_reg_chk_param(ps, k->str);
		if (prm != NULL) {
			tg_param_check_value(l, prm, v);
			const char *latest = tg_reg_latest_revision(p);
			if (strcmp(prm->name, TG_REG_REVISION_DATE) == 0 && latest != NULL)
				tg_diag_warning(l->diag, k->pos, "'%s' is ignored: the latest of 'revisions' "
				    "(%s) dates every chapter, as in 改訂履歴; remove this line", prm->name, latest);
			continue;
		}
		const char *near = tg_text_suggest(k->str, names, ps->nparams);
		if (near != NULL)
			tg_diag_error(l->diag, k->pos, "unknown parameter '%s' (did you mean '%s'?)", k->str, near);
		else
			tg_diag_error(l->diag, k->pos, "unknown parameter '%s': not declared in %s", k->str,
			    ps->file);
	}
	free(names);
	/* Required values without a default must come from the profile (or,
	 * for industry examples, from the industry). */
	for (size_t i = 0; i < ps->nparams; i++) {
		const tg_param *prm = &ps->params[i];
		if (!prm->required || prm->def != NULL || (values && tg_node_get(values, prm->name)))
			continue;
		bool example = false;
		const char *key = strncmp(prm->name, "industry.examples.", 18) == 0 ? prm->name + 18 : NULL;
		for (size_t k = 0; key != NULL && k < p->industry->nexamples; k++)
			example = example || (p->industry->examples[k].key &&
			    strcmp(p->industry->examples[k].key, key) == 0);
		if (!example)
			tg_diag_error(l->diag, values ? values->pos : p->pos, "required parameter '%s' has no "
			    "default: set it under 'parameters'", prm->name);
	}
}

/* Is c (or a chapter / clause above it) among the excluded ones? */
static const tg_tclause *
excluded_by(const tg_tclause *const *excl, size_t n, const tg_tclause *c)
{
	for (size_t i = 0; i < n; i++)
		if (tg_item_within(c->item, excl[i]->item))
			return excl[i];
	return NULL;
}

/* The excluded clause (its own, or one above it) an addition or a
 * supplement is dropped with, or NULL. */
static const tg_tclause *
target_excluded_by(const tg_tset *t, const tg_tclause *const *excl, size_t n,
    const tg_reg_industry_text *x)
{
	const tg_tclause *c = x->clause ? tg_tset_clause(t, x->clause->id) : NULL;
	return c != NULL ? excluded_by(excl, n, c) : NULL;
}

static bool
listed(const tg_reg_industry_text *list, size_t n, const tg_reg_industry_text *x)
{
	for (size_t k = 0; k < n; k++)
		if (tg_reg_industry_text_same(&list[k], x))
			return true;
	return false;
}

static void
check_exclude_replace(tg_load *l, const tg_profile *p, const tg_paramset *ps)
{
	const tg_tset *t = ps->tset;
	const tg_node *ex = list_of(l, p, "exclude"), *rp = list_of(l, p, "replace");
	const tg_tclause **excl = tg_xcalloc((ex ? ex->n : 0) + 1, sizeof *excl);
	const tg_tclause **repl = tg_xcalloc((rp ? rp->n : 0) + 1, sizeof *repl);
	tg_reg_industry_text *xrows = tg_xcalloc((ex ? ex->n : 0) + 1, sizeof *xrows);
	tg_reg_industry_text *rrows = tg_xcalloc((rp ? rp->n : 0) + 1, sizeof *rrows);
	size_t nexcl = 0, nrepl = 0, nxrows = 0, nrrows = 0;
	bool is_item;
	/* Each entry's frame once; then clauses first, as an item's addition
	 * may lie in an excluded clause. */
	signed char *kind = tg_xcalloc((ex ? ex->n : 0) + 1, 1);	/* 0 none, 1 clause, 2 item */
	for (size_t i = 0; ex != NULL && i < ex->n; i++) {
		const tg_node *e = ex->items[i];
		if (!tg_schema_map(l, e, "an 'exclude' entry", exclude_keys))
			continue;
		const tg_node *reason = tg_node_get(e, "reason");
		if (reason == NULL) {
			if (!tg_schema_misspelt(e, "reason"))
				tg_diag_error(l->diag, e->pos, "the exclusion of '%s' has no 'reason' "
				    "(適用除外一覧 shows it)", named(e));
		} else {
			tg_schema_scalar(l, reason, "'reason'");
		}
		if (entry_kind(l, e, "an 'exclude'", &is_item))
			kind[i] = is_item ? 2 : 1;
	}
	for (size_t i = 0; ex != NULL && i < ex->n; i++) {
		const tg_node *e = ex->items[i];
		if (kind[i] != 1)
			continue;
		const tg_tclause *c = entry_clause(l, t, e, "'exclude'");
		if (c == NULL)
			continue;
		const tg_tclause *prev = excluded_by(excl, nexcl, c);
		if (prev == c)
			tg_diag_error(l->diag, tg_node_get(e, "clause")->pos, "'%s' is excluded twice", c->item->id);
		else if (prev != NULL)
			tg_diag_error(l->diag, tg_node_get(e, "clause")->pos, "'%s' lies in '%s', which is "
			    "already excluded", c->item->id, prev->item->id);
		else
			excl[nexcl++] = c;
	}
	for (size_t i = 0; ex != NULL && i < ex->n; i++) {
		const tg_node *e = ex->items[i];
		if (kind[i] != 2)
			continue;
		tg_reg_industry_text row;
		if (!entry_item(l, p, e, "'exclude'", &row))
			continue;
		const tg_pos ipos = tg_node_get(e, "item")->pos;
		const tg_tclause *x = target_excluded_by(t, excl, nexcl, &row);
		if (listed(xrows, nxrows, &row))
			tg_diag_error(l->diag, ipos, "the addition or supplement of '%s' is excluded twice",
			    row.id);
		else if (x != NULL)
			tg_diag_error(l->diag, ipos, "the addition or supplement of '%s' lies in '%s', "
			    "which is already excluded", row.id, x->item->id);
		else
			xrows[nxrows++] = row;
	}
	free(kind);
	tg_arena a;
	tg_arena_init(&a);
	tg_node *ctx = NULL;
	for (size_t i = 0; rp != NULL && i < rp->n; i++) {
		const tg_node *e = rp->items[i];
		if (!tg_schema_map(l, e, "a 'replace' entry", replace_keys))
			continue;
		const tg_node *text = tg_node_get(e, "text");
		if (text == NULL && !tg_schema_misspelt(e, "text"))
			tg_diag_error(l->diag, e->pos, "the replacement of '%s' has no 'text'", named(e));
		if (entry_kind(l, e, "a 'replace'", &is_item) && is_item) {
			tg_reg_industry_text row;
			bool found = entry_item(l, p, e, "'replace'", &row);
			const tg_pos ipos = tg_node_get(e, "item")->pos;
			const tg_tclause *x = found ? target_excluded_by(t, excl, nexcl, &row) : NULL;
			if (found && listed(xrows, nxrows, &row))
				tg_diag_error(l->diag, ipos, "the addition or supplement of '%s' is replaced but "
				    "also excluded", row.id);
			else if (found && x != NULL)
				tg_diag_error(l->diag, ipos, "the addition or supplement of '%s' is replaced but "
				    "lies in '%s', which is excluded", row.id, x->item->id);
			else if (found && listed(rrows, nrrows, &row))
				tg_diag_error(l->diag, ipos, "the addition or supplement of '%s' is replaced twice",
				    row.id);
			else if (found)
				rrows[nrrows++] = row;
		} else if (!is_item && tg_node_get(e, "clause") != NULL) {
			const tg_tclause *c = entry_clause(l, t, e, "'replace'");
			if (c != NULL) {
				const tg_tclause *x = excluded_by(excl, nexcl, c);
				bool twice = false;
				for (size_t k = 0; k < nrepl; k++)
					twice = twice || repl[k] == c;
				const tg_pos cpos = tg_node_get(e, "clause")->pos;
				if (x == c)
					tg_diag_error(l->diag, cpos, "'%s' is replaced but also excluded", c->item->id);
				else if (x != NULL)
					tg_diag_error(l->diag, cpos, "'%s' is replaced but lies in '%s', which is excluded",
					    c->item->id, x->item->id);
				else if (twice)
					tg_diag_error(l->diag, cpos, "'%s' is replaced twice", c->item->id);
				else
					repl[nrepl++] = c;
			}
		}
		if (text == NULL || tg_schema_scalar(l, text, "'text'") == NULL)
			continue;
		tg_reg_chk_refs(t, text->str, strlen(text->str), text->pos, false, l->diag);
		/* The replacement is a template too, rendered strictly. */
		tg_mus *m = tg_reg_parse_scalar(p->file, text, true, l->diag);
		if (m == NULL)
			continue;
		if (ctx == NULL)
			ctx = tg_reg_context(&a, ps, p->industry, p);
		tg_buf out = TG_BUF_INIT;
		tg_reg_render(m, ctx, &out, l->diag);
		tg_buf_free(&out);
		tg_mus_free(m);
	}
	tg_arena_free(&a);
	free(excl);
	free(repl);
	free(xrows);
	free(rrows);
}

/* document: who approves and who keeps the regulation (the cover's
 * document-control table). */
static void
check_document(tg_load *l, const tg_profile *p)
{
	static const char *const keys[] = {"approver", "owner", NULL};
	const tg_node *doc = tg_node_get(p->root, "document");
	if (doc == NULL || tg_node_is_null(doc) || !tg_schema_map(l, doc, "'document'", keys))
		return;
	tg_schema_str(l, doc, "approver", "'document'", false);
	tg_schema_str(l, doc, "owner", "'document'", false);
}

static void
check_revisions(tg_load *l, const tg_profile *p)
{
	const tg_node *revs = list_of(l, p, "revisions");
	for (size_t i = 0; revs != NULL && i < revs->n; i++) {
		const tg_node *r = revs->items[i];
		if (!tg_schema_map(l, r, "a 'revisions' entry", revision_keys))
			continue;
		const char *date = tg_schema_str(l, r, "date", "a revision", true);
		if (date != NULL && !tg_schema_is_date(date))
			tg_diag_error(l->diag, tg_node_get(r, "date")->pos,
			    "'%s' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)", date);
		tg_schema_str(l, r, "description", "a revision", true);
		tg_schema_str(l, r, "version", "a revision", false);
	}
}

void
tg_reg_check_profile(tg_data *d, const tg_profile *p, tg_diag *diag)
{
	if (p->industry == NULL || p->root == NULL)
		return;	/* already reported */
	tg_load l = {d, diag, p->file, p->file};
	const tg_tset *t = tg_reg_tset_for(d, p->industry->baseline);
	if (t == NULL) {
		if (p->industry->baseline != NULL)
			tg_diag_error(diag, p->industry_pos, "industry '%s' has no regulation templates "
			    "(no parameter registry for '%s')", p->industry->id, p->industry->baseline->id);
		return;
	}
	tg_schema_str(&l, p->root, "title", "profile", false);
	tg_schema_str(&l, p->root, "description", "profile", false);
	check_level(&l, p);
	check_parameters(&l, p, t->params);
	check_exclude_replace(&l, p, t->params);
	check_revisions(&l, p);
	check_document(&l, p);
}

