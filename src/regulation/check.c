/* Checks of the regulation data that `validate` (and every command, as
 * tg_data_open runs them) reports: parameter registries against their
 * templates, proposals against the templates; company profiles are checked
 * in profile.c, called from here. */
#include <stdlib.h>
#include <string.h>

#include "../model/form.h"
#include "internal.h"
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

const tg_param *
tg_reg_chk_param(const tg_paramset *ps, const char *name)
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
		const tg_param *p = tg_reg_chk_param(w->ps, tag->sections[i]);
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
	const tg_param *p = tg_reg_chk_param(w->ps, tag->name);
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

void
tg_reg_chk_refs(const tg_tset *t, const char *text, size_t len, tg_pos start, bool exact,
    tg_diag *diag)
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
		tg_reg_chk_refs(t, c->text, c->len, c->text_pos, true, diag);
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
				tg_reg_chk_refs(t, p->text, strlen(p->text), p->pos, false, diag);
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
