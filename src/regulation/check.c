/* Checks of the regulation data that `validate` (and every command, as
 * tg_data_open runs them) reports: parameter registries against their
 * templates, proposals against the templates, and company profiles. */
#include <stdlib.h>
#include <string.h>

#include "../model/form.h"
#include "regulation.h"
#include "../load/schema.h"
#include "../util/text.h"
#include "../util/utf8.h"

/* ---- registries ---- */

/* The clauses (catalog items) whose text uses each parameter. */
typedef struct usage {
	tg_buf *items;		/* per parameter: const tg_item * */
} usage;

typedef struct walk_ctx {
	const tg_paramset *ps;
	const tg_tclause *clause;
	usage *use;
	tg_diag *diag;
	size_t errors;
} walk_ctx;

static const tg_param *
param(const tg_paramset *ps, const char *name)
{
	return tg_map_get(&ps->by_name, name);
}

static void
note_use(walk_ctx *w, const tg_param *p)
{
	tg_buf *b = &w->use->items[p - w->ps->params];
	for (size_t k = 0; k < TG_BUF_COUNT(b, const tg_item *); k++)
		if (TG_BUF_AT(b, const tg_item *, k) == w->clause->item)
			return;
	TG_BUF_PUSH(b, const tg_item *, w->clause->item);
}

static void
undeclared(walk_ctx *w, const tg_mus_tag *tag, const tg_param *table)
{
	size_t n = w->ps->nparams + (table ? table->ncolumns : 0);
	const char **names = tg_xcalloc(n ? n : 1, sizeof *names);
	for (size_t i = 0; i < w->ps->nparams; i++)
		names[i] = w->ps->params[i].name;
	for (size_t i = 0; table != NULL && i < table->ncolumns; i++)
		names[w->ps->nparams + i] = table->columns[i];
	const char *near = tg_text_suggest(tag->name, names, n);
	if (near != NULL)
		tg_diag_error(w->diag, tag->pos, "'%s' is not declared in the parameter registry %s "
		    "(did you mean '%s'?)", tag->name, w->ps->file, near);
	else if (table != NULL)
		tg_diag_error(w->diag, tag->pos, "'%s' is neither a column of table '%s' nor declared "
		    "in the parameter registry %s", tag->name, table->name, w->ps->file);
	else
		tg_diag_error(w->diag, tag->pos, "'%s' is not declared in the parameter registry %s",
		    tag->name, w->ps->file);
	free(names);
	w->errors++;
}

static void
check_tag(void *ud, const tg_mus_tag *tag)
{
	walk_ctx *w = ud;
	if (tag->kind == TG_MUS_PARTIAL || tag->kind == TG_MUS_PARENT || tag->kind == TG_MUS_BLOCK) {
		tg_diag_error(w->diag, tag->pos, "regulation templates cannot use partials or "
		    "template inheritance ('%s')", tag->name);
		w->errors++;
		return;
	}
	/* The innermost enclosing list or table gives '.' and columns. */
	const tg_param *coll = NULL;
	for (size_t i = tag->nsections; i-- > 0 && coll == NULL;) {
		const tg_param *p = param(w->ps, tag->sections[i]);
		if (p != NULL && (p->type == TG_PARAM_LIST || p->type == TG_PARAM_TABLE))
			coll = p;
	}
	if (strcmp(tag->name, ".") == 0) {
		if (coll == NULL || coll->type != TG_PARAM_LIST) {
			tg_diag_error(w->diag, tag->pos, "'.' is only meaningful inside a section over a list "
			    "parameter");
			w->errors++;
		}
		return;
	}
	if (coll != NULL && coll->type == TG_PARAM_TABLE)
		for (size_t i = 0; i < coll->ncolumns; i++)
			if (strcmp(coll->columns[i], tag->name) == 0)
				return;
	const tg_param *p = param(w->ps, tag->name);
	if (p == NULL) {
		undeclared(w, tag, coll != NULL && coll->type == TG_PARAM_TABLE ? coll : NULL);
		return;
	}
	note_use(w, p);
}

static bool
lists(const tg_data *d, const tg_paramset *ps, const tg_param *p, const tg_item *it)
{
	for (size_t k = 0; k < p->nclauses; k++)
		if (tg_data_ref(d, p->clauses[k], ps->catalog) == it)
			return true;
	return false;
}

/* Cross-references in a text (a template, a replacement, a proposal) name
 * clauses of the set with the right word.  `exact` positions each problem
 * at the reference; otherwise at `at`. */
typedef struct ref_check {
	const tg_tset *t;
	const char *text;
	tg_pos start;
	bool exact;
	tg_diag *diag;
} ref_check;

static void
check_ref(void *ud, size_t off, size_t len, const char *number, const char *word)
{
	ref_check *rc = ud;
	tg_buf msg = TG_BUF_INIT;
	char *written = tg_xstrndup(rc->text + off, len);
	if (tg_reg_ref_problem(rc->t, number, word, written, &msg) != NULL) {
		tg_pos at = rc->exact ? tg_reg_pos_in(rc->start, rc->text, off) : rc->start;
		if (rc->exact)
			at.span = (unsigned)tg_utf8_count(rc->text + off, len);
		tg_diag_error(rc->diag, at, "%s", msg.data);
	}
	free(written);
	tg_buf_free(&msg);
}

static void
check_refs(const tg_tset *t, const char *text, size_t len, tg_pos start, bool exact, tg_diag *diag)
{
	ref_check rc = {t, text, start, exact, diag};
	tg_reg_refs_scan(text, len, check_ref, &rc);
}

/* A name that is both a value and a group (`a` and `a.b`) cannot be built. */
static void
check_names(const tg_paramset *ps, tg_diag *diag)
{
	for (size_t i = 0; i < ps->nparams; i++)
		for (size_t k = 0; k < ps->nparams; k++) {
			const char *a = ps->params[i].name, *b = ps->params[k].name;
			size_t n = strlen(a);
			if (i != k && strncmp(a, b, n) == 0 && b[n] == '.')
				tg_diag_error(diag, ps->params[i].pos, "parameter '%s' is also the group of "
				    "'%s'; rename one of them", a, b);
		}
}

static void
check_registry(tg_data *d, tg_paramset *ps, tg_diag *diag)
{
	const tg_tset *t = ps->tset;
	usage use = {tg_xcalloc(ps->nparams + 1, sizeof(tg_buf))};
	tg_mus **parsed = tg_xcalloc(t->nclauses + 1, sizeof *parsed);
	bool *clean = tg_xcalloc(t->nclauses + 1, sizeof *clean);
	check_names(ps, diag);
	for (size_t i = 0; i < t->nclauses; i++) {
		const tg_tclause *c = &t->clauses[i];
		if (c->item == NULL)
			continue;
		parsed[i] = tg_reg_parse_clause(t, c, diag);
		if (parsed[i] == NULL)
			continue;
		check_refs(t, c->text, c->len, c->text_pos, true, diag);
		walk_ctx w = {ps, c, &use, diag, 0};
		tg_mus_walk(parsed[i], check_tag, &w);
		clean[i] = w.errors == 0;
	}
	/* A template that does not parse hides its uses: no claims about them. */
	bool all_parsed = true;
	for (size_t i = 0; i < t->nclauses; i++)
		all_parsed = all_parsed && (parsed[i] != NULL || t->clauses[i].item == NULL);
	for (size_t i = 0; i < ps->nparams; i++) {
		const tg_param *p = &ps->params[i];
		const tg_buf *b = &use.items[i];
		size_t n = TG_BUF_COUNT(b, const tg_item *);
		if (n == 0 && all_parsed) {
			tg_diag_error(diag, p->pos, "parameter '%s' is declared but no template of %s uses it",
			    p->name, t->dir);
			continue;
		}
		for (size_t k = 0; k < n; k++) {
			const tg_item *it = TG_BUF_AT(b, const tg_item *, k);
			if (!lists(d, ps, p, it))
				tg_diag_error(diag, p->pos, "parameter '%s' is used by '%s' but its 'clauses' "
				    "does not list it", p->name, it->id);
		}
		for (size_t k = 0; k < p->nclauses; k++) {
			const tg_item *it = tg_data_ref(d, p->clauses[k], ps->catalog);
			bool used = false;
			for (size_t m = 0; m < n && !used; m++)
				used = TG_BUF_AT(b, const tg_item *, m) == it;
			const tg_tclause *tc = it ? tg_tset_clause(t, it->id) : NULL;
			bool unparsed = tc != NULL && parsed[tc - t->clauses] == NULL;
			if (it != NULL && !used && !unparsed)
				tg_diag_error(diag, p->clause_pos[k], "parameter '%s' lists '%s', whose text "
				    "does not use it", p->name, p->clauses[k]);
			for (size_t m = 0; m < k && it != NULL; m++)
				if (tg_data_ref(d, p->clauses[m], ps->catalog) == it)
					tg_diag_error(diag, p->clause_pos[k], "'%s' is listed twice", p->clauses[k]);
		}
	}
	/* The terms the templates rely on: each must occur in some template. */
	for (size_t i = 0; i < ps->nterms; i++) {
		const tg_term *term = &ps->terms[i];
		tg_buf uses = TG_BUF_INIT;
		if (term->term != NULL && tg_reg_term_uses(t, term->term, &uses) == 0)
			tg_diag_error(diag, term->pos, "term '%s' is declared but no template of %s uses it",
			    term->term, t->dir);
		tg_buf_free(&uses);
	}
	/* The sample regulation (defaults only) must render strictly. */
	tg_arena a;
	tg_arena_init(&a);
	tg_node *ctx = tg_reg_context(&a, ps, NULL, NULL);
	tg_buf out = TG_BUF_INIT;
	for (size_t i = 0; i < t->nclauses; i++)
		if (parsed[i] != NULL && clean[i])
			tg_reg_render(parsed[i], ctx, &out, diag);
	tg_buf_free(&out);
	tg_arena_free(&a);
	/* Messages about other lines of the templates quote the files. */
	for (size_t i = 0; i < t->nfiles; i++)
		tg_diag_add_source(diag, t->files[i].path, t->files[i].text, t->files[i].len);
	for (size_t i = 0; i < t->nclauses; i++)
		tg_mus_free(parsed[i]);
	for (size_t i = 0; i < ps->nparams; i++)
		tg_buf_free(&use.items[i]);
	free(use.items);
	free(parsed);
	free(clean);
}

/* Proposals are placed at their clause: it must have a template. */
static void
check_proposals(tg_data *d, const tg_industry *ind, tg_diag *diag)
{
	const tg_tset *t = tg_reg_tset_for(d, ind->baseline);
	for (size_t i = 0; t != NULL && i < ind->ncrosswalks; i++) {
		const tg_crosswalk *xw = ind->crosswalks[i];
		for (size_t r = 0; xw != NULL && r < xw->nrows; r++) {
			const tg_proposal *p = xw->rows[r].proposal;
			if (p == NULL || p->clause == NULL || p->action == TG_ACTION_NONE)
				continue;
			if (tg_tset_clause(t, p->clause->id) == NULL)
				tg_diag_error(diag, p->clause_pos, "proposal clause '%s' has no regulation "
				    "template in %s, so the industry regulation cannot place it", p->clause_id,
				    t->dir);
			if (p->text != NULL)
				check_refs(t, p->text, strlen(p->text), p->pos, false, diag);
		}
	}
	for (size_t i = 0; i < ind->nadditions; i++) {
		const tg_addition *a = &ind->additions[i];
		if (a->clause == NULL)
			continue;
		if (t == NULL)
			tg_diag_error(diag, a->clause_pos, "industry '%s' has additions but its baseline "
			    "'%s' has no regulation templates", ind->id ? ind->id : "?", ind->baseline->id);
		else if (tg_tset_clause(t, a->clause->id) == NULL)
			tg_diag_error(diag, a->clause_pos, "addition clause '%s' has no regulation "
			    "template in %s, so the industry regulation cannot place it", a->clause_id,
			    t->dir);
	}
}

/* ---- profiles ---- */

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
 * (amend) the company drops or rewrites.  Returns its crosswalk row, or NULL
 * (reported). */
static const tg_xw_row *
entry_item(tg_load *l, const tg_profile *p, const tg_node *entry, const char *what)
{
	const tg_node *n = tg_node_get(entry, "item");
	if (tg_schema_scalar(l, n, "'item'") == NULL)
		return NULL;
	const tg_industry *ind = p->industry;
	const tg_catalog *g = ind->guideline;
	const tg_item *it = g != NULL ? tg_catalog_item(g, n->str) : NULL;
	if (it == NULL) {
		/* Only items with an addition or a supplement can be named. */
		const char **ids = tg_xcalloc(g ? g->nitems + 1 : 1, sizeof *ids);
		size_t k = 0;
		for (size_t i = 0; g != NULL && i < g->nitems; i++)
			if (tg_reg_proposal_row(ind, g->items[i]) != NULL)
				ids[k++] = g->items[i]->id;
		const char *near = tg_text_suggest(n->str, ids, k);
		if (near != NULL)
			tg_diag_error(l->diag, n->pos, "'%s' is not an item of %s (did you mean '%s'?)", n->str,
			    g ? g->id : "?", near);
		else
			tg_diag_error(l->diag, n->pos, "'%s' is not an item of %s", n->str, g ? g->id : "?");
		free(ids);
		return NULL;
	}
	const tg_xw_row *row = tg_reg_proposal_row(ind, it);
	if (row == NULL)
		tg_diag_error(l->diag, n->pos, "%s: item '%s' has no industry addition or supplement "
		    "(no add or amend proposal in the industry's crosswalks)", what, n->str);
	return row;
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
		const tg_param *prm = param(ps, k->str);
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

/* The proposal of a row dropped with an excluded clause (its own clause,
 * or one above it), or NULL. */
static const tg_tclause *
proposal_excluded_by(const tg_tset *t, const tg_tclause *const *excl, size_t n,
    const tg_xw_row *row)
{
	const tg_tclause *c = row->proposal->clause ? tg_tset_clause(t, row->proposal->clause->id) : NULL;
	return c != NULL ? excluded_by(excl, n, c) : NULL;
}

static bool
listed(const tg_xw_row *const *rows, size_t n, const tg_xw_row *row)
{
	for (size_t k = 0; k < n; k++)
		if (rows[k] == row)
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
	const tg_xw_row **xrows = tg_xcalloc((ex ? ex->n : 0) + 1, sizeof *xrows);
	const tg_xw_row **rrows = tg_xcalloc((rp ? rp->n : 0) + 1, sizeof *rrows);
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
		const tg_xw_row *row = entry_item(l, p, e, "'exclude'");
		if (row == NULL)
			continue;
		const tg_pos ipos = tg_node_get(e, "item")->pos;
		const tg_tclause *x = proposal_excluded_by(t, excl, nexcl, row);
		if (listed(xrows, nxrows, row))
			tg_diag_error(l->diag, ipos, "the addition or supplement of '%s' is excluded twice",
			    row->source->id);
		else if (x != NULL)
			tg_diag_error(l->diag, ipos, "the addition or supplement of '%s' lies in '%s', "
			    "which is already excluded", row->source->id, x->item->id);
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
			const tg_xw_row *row = entry_item(l, p, e, "'replace'");
			const tg_pos ipos = tg_node_get(e, "item")->pos;
			const tg_tclause *x = row ? proposal_excluded_by(t, excl, nexcl, row) : NULL;
			if (row != NULL && listed(xrows, nxrows, row))
				tg_diag_error(l->diag, ipos, "the addition or supplement of '%s' is replaced but "
				    "also excluded", row->source->id);
			else if (row != NULL && x != NULL)
				tg_diag_error(l->diag, ipos, "the addition or supplement of '%s' is replaced but "
				    "lies in '%s', which is excluded", row->source->id, x->item->id);
			else if (row != NULL && listed(rrows, nrrows, row))
				tg_diag_error(l->diag, ipos, "the addition or supplement of '%s' is replaced twice",
				    row->source->id);
			else if (row != NULL)
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
		check_refs(t, text->str, strlen(text->str), text->pos, false, l->diag);
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

int
tg_reg_check_data(tg_data *d, tg_diag *diag)
{
	size_t before = tg_diag_errors(diag);
	for (size_t i = 0; i < TG_DATA_COUNT(d, paramsets, tg_paramset); i++) {
		tg_paramset *ps = TG_DATA_AT(d, paramsets, tg_paramset, i);
		if (ps->tset != NULL)
			check_registry(d, ps, diag);
	}
	for (size_t i = 0; i < TG_DATA_COUNT(d, industries, tg_industry); i++)
		check_proposals(d, TG_DATA_AT(d, industries, tg_industry, i), diag);
	if (!d->lenient_profiles) {
		for (size_t i = 0; i < TG_DATA_COUNT(d, profiles, tg_profile); i++)
			tg_reg_check_profile(d, TG_DATA_AT(d, profiles, tg_profile, i), diag);
		return tg_diag_errors(diag) > before ? TG_EXIT_INVALID : TG_EXIT_OK;
	}
	/* Each profile on its own: one with errors is set aside; one with
	 * warnings only is checked again so that they are shown. */
	for (size_t i = 0; i < TG_DATA_COUNT(d, profiles, tg_profile);) {
		tg_profile *p = TG_DATA_AT(d, profiles, tg_profile, i);
		tg_diag *scratch = tg_diag_new();
		if (p->industry == NULL)
			tg_diag_error(scratch, p->industry_pos, "industry is not known");
		else
			tg_reg_check_profile(d, p, scratch);
		bool bad = tg_diag_errors(scratch) > 0, warned = tg_diag_warnings(scratch) > 0;
		tg_diag_free(scratch);
		if (bad) {
			tg_data_set_aside_profile(d, diag, p->file, p->id);
			continue;	/* the list shifted */
		}
		if (warned)
			tg_reg_check_profile(d, p, diag);
		i++;
	}
	return tg_diag_errors(diag) > before ? TG_EXIT_INVALID : TG_EXIT_OK;
}

/* ---- industry examples (validate only) ---- */

#define EXAMPLE_PREFIX "industry.examples."

static void
collect_name(void *ud, const tg_mus_tag *tag)
{
	tg_buf *names = ud;
	if (strncmp(tag->name, EXAMPLE_PREFIX, sizeof EXAMPLE_PREFIX - 1) == 0)
		TG_BUF_PUSH(names, const char *, tag->name + sizeof EXAMPLE_PREFIX - 1);
}

/* Example keys the profiles of an industry use in their replacement texts
 * (they may name keys the registry does not declare). */
static void
profile_uses(const tg_data *d, const tg_industry *ind, tg_buf *names, tg_buf *parsed)
{
	tg_diag *quiet = tg_diag_new();	/* parse errors are the profile check's */
	for (size_t i = 0; i < TG_DATA_COUNT(d, profiles, tg_profile); i++) {
		const tg_profile *p = TG_DATA_AT(d, profiles, tg_profile, i);
		const tg_node *rp = p->industry == ind ? tg_reg_profile_get(p, "replace") : NULL;
		for (size_t k = 0; rp != NULL && rp->kind == TG_NODE_SEQ && k < rp->n; k++) {
			const tg_node *e = rp->items[k];
			const tg_node *text = e->kind == TG_NODE_MAP ? tg_node_get(e, "text") : NULL;
			if (text == NULL || text->kind != TG_NODE_SCALAR)
				continue;
			tg_mus *m = tg_reg_parse_scalar(p->file, text, false, quiet);
			if (m == NULL)
				continue;
			tg_mus_walk(m, collect_name, names);
			TG_BUF_PUSH(parsed, tg_mus *, m);	/* names point into it */
		}
	}
	tg_diag_free(quiet);
}

static void
check_industry_examples(const tg_data *d, const tg_industry *ind, tg_diag *diag)
{
	const tg_tset *t = tg_reg_tset_for(d, ind->baseline);
	if (t == NULL || ind->id == NULL)
		return;
	const tg_paramset *ps = t->params;
	const size_t plen = sizeof EXAMPLE_PREFIX - 1;
	const char **keys = tg_xcalloc(ps->nparams + 1, sizeof *keys);
	size_t nkeys = 0;
	for (size_t i = 0; i < ps->nparams; i++)
		if (strncmp(ps->params[i].name, EXAMPLE_PREFIX, plen) == 0)
			keys[nkeys++] = ps->params[i].name + plen;
	for (size_t i = 0; i < ps->nparams; i++) {
		const tg_param *p = &ps->params[i];
		if (strncmp(p->name, EXAMPLE_PREFIX, plen) != 0 ||
		    tg_reg_industry_example(ind, p->name + plen) != NULL)
			continue;
		tg_buf where = TG_BUF_INIT;
		for (size_t k = 0; k < p->nclauses; k++)
			tg_buf_printf(&where, "%s%s", k ? ", " : "", p->clauses[k]);
		const char *def = p->def && p->def->kind == TG_NODE_SCALAR ? p->def->str : NULL;
		if (def != NULL)
			tg_diag_report(diag, TG_NOTE, ind->examples_pos, "industry '%s' does not define "
			    "example '%s' (used by %s): the registry default '%s' is used", ind->id,
			    p->name + plen, where.len ? where.data : "no clause", def);
		else
			tg_diag_report(diag, TG_NOTE, ind->examples_pos, "industry '%s' does not define "
			    "example '%s' (used by %s), which has no default", ind->id, p->name + plen,
			    where.len ? where.data : "no clause");
		tg_buf_free(&where);
	}
	tg_buf used = TG_BUF_INIT, parsed = TG_BUF_INIT;
	profile_uses(d, ind, &used, &parsed);
	/* Forms that list examples (the 情報資産管理台帳's 記入例) use them too. */
	for (size_t f = 0; f < TG_BUF_COUNT(&d->forms, tg_form *); f++) {
		const tg_form *form = TG_BUF_AT(&d->forms, tg_form *, f);
		for (size_t k = 0; k < form->nexamples; k++)
			TG_BUF_PUSH(&used, const char *, form->examples[k].key);
	}
	for (size_t i = 0; i < ind->nexamples; i++) {
		const tg_example *e = &ind->examples[i];
		if (e->key == NULL)
			continue;
		bool in_use = false;
		for (size_t k = 0; k < nkeys && !in_use; k++)
			in_use = strcmp(keys[k], e->key) == 0;
		for (size_t k = 0; k < TG_BUF_COUNT(&used, const char *) && !in_use; k++)
			in_use = strcmp(TG_BUF_AT(&used, const char *, k), e->key) == 0;
		if (in_use)
			continue;
		const char *near = tg_text_suggest(e->key, keys, nkeys);
		if (near != NULL)
			tg_diag_warning(diag, e->key_pos, "example '%s' is not used: no template of %s "
			    "uses industry.examples.%s (did you mean '%s'?)", e->key, t->dir, e->key, near);
		else
			tg_diag_warning(diag, e->key_pos, "example '%s' is not used: no template of %s "
			    "and no profile of '%s' uses industry.examples.%s", e->key, t->dir, ind->id,
			    e->key);
	}
	for (size_t k = 0; k < TG_BUF_COUNT(&parsed, tg_mus *); k++)
		tg_mus_free(TG_BUF_AT(&parsed, tg_mus *, k));
	tg_buf_free(&parsed);
	tg_buf_free(&used);
	free(keys);
}

void
tg_reg_check_examples(const tg_data *d, tg_diag *diag)
{
	for (size_t i = 0; i < TG_DATA_COUNT(d, industries, tg_industry); i++)
		check_industry_examples(d, TG_DATA_AT(d, industries, tg_industry, i), diag);
}
