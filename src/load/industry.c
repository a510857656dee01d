/* kind: industry — an industry, its baseline and, when it has one, its
 * guideline and crosswalks; its terms, examples and (without a guideline)
 * its own additions to the baseline regulation. */
#include <string.h>

#include "schema.h"

static const char *const industry_keys[] = {"kind", "id", "title", "short_title", "guideline",
    "baseline", "crosswalks", "default_level", "description", "terms", "examples", "additions",
    "provenance", NULL};
static const char *const term_keys[] = {"term", "definition", "reading", "note", "provenance",
    NULL};
static const char *const registry_term_keys[] = {"term", "definition", "reading", "note", NULL};
static const char *const example_keys[] = {"key", "text", "note", "provenance", NULL};
static const char *const addition_keys[] = {"clause", "action", "title", "text", "note",
    "provenance", NULL};
static const char *const addition_actions[] = {NULL, "add", "amend"};

static bool
is_example_key(const char *s)
{
	if (*s == '\0')
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_'))
			return false;
	return true;
}

/* Where a key of a mapping is written (the value may be empty). */
static tg_pos
key_pos(const tg_node *map, const char *key)
{
	for (size_t i = 0; i < map->n; i++) {
		const tg_node *k = tg_node_key(map, i);
		if (k->kind == TG_NODE_SCALAR && strcmp(k->str, key) == 0)
			return k->pos;
	}
	return map->pos;
}

/* An entry's own provenance, else the default (the industry's). */
static void
entry_provenance(tg_load *l, const tg_node *n, const tg_provenance *dflt, tg_provenance *out)
{
	const tg_node *prov = tg_node_get(n, "provenance");
	if (prov == NULL || !tg_schema_provenance(l, prov, out))
		*out = *dflt;
}

void
tg_load_terms(tg_load *l, const tg_node *list, const tg_provenance *dflt, tg_term **out,
    size_t *count)
{
	*out = NULL;
	*count = 0;
	if (list->kind != TG_NODE_SEQ) {
		tg_diag_error(l->diag, list->pos, "'terms' must be a list, found %s", tg_node_kind_name(list));
		return;
	}
	tg_term *terms = TG_ARENA_ARRAY(&l->data->arena, tg_term, list->n ? list->n : 1);
	size_t n = 0;
	for (size_t i = 0; i < list->n; i++) {
		const tg_node *e = list->items[i];
		if (!tg_schema_map(l, e, "term", dflt ? term_keys : registry_term_keys))
			continue;
		tg_term *t = &terms[n++];
		t->pos = e->pos;
		t->term = tg_schema_str(l, e, "term", "term", true);
		t->definition = tg_schema_str(l, e, "definition", "term", true);
		t->reading = tg_schema_str(l, e, "reading", "term", false);
		t->note = tg_schema_str(l, e, "note", "term", false);
		if (dflt != NULL)
			entry_provenance(l, e, dflt, &t->prov);
		for (size_t k = 0; t->term && k + 1 < n; k++)
			if (terms[k].term && strcmp(terms[k].term, t->term) == 0)
				tg_diag_error(l->diag, e->pos, "term '%s' is defined twice (first at line %u)",
				    t->term, terms[k].pos.line);
	}
	*out = terms;
	*count = n;
}

static void
load_examples(tg_load *l, tg_industry *ind, const tg_node *list)
{
	if (list->kind != TG_NODE_SEQ) {
		tg_diag_error(l->diag, list->pos, "'examples' must be a list, found %s", tg_node_kind_name(list));
		return;
	}
	ind->examples = TG_ARENA_ARRAY(&l->data->arena, tg_example, list->n);
	for (size_t i = 0; i < list->n; i++) {
		const tg_node *n = list->items[i];
		if (!tg_schema_map(l, n, "example", example_keys))
			continue;
		tg_example *e = &ind->examples[ind->nexamples++];
		e->pos = n->pos;
		e->key = tg_schema_str(l, n, "key", "example", true);
		e->key_pos = e->key ? tg_node_get(n, "key")->pos : n->pos;
		e->text = tg_schema_str(l, n, "text", "example", true);
		e->note = tg_schema_str(l, n, "note", "example", false);
		entry_provenance(l, n, &ind->prov, &e->prov);
		if (e->key != NULL && !is_example_key(e->key)) {
			tg_diag_error(l->diag, e->key_pos, "example key '%s' must use only a-z, 0-9 and '_'",
			    e->key);
			e->key = NULL;
		}
		for (size_t k = 0; e->key && k + 1 < ind->nexamples; k++)
			if (ind->examples[k].key && strcmp(ind->examples[k].key, e->key) == 0)
				tg_diag_error(l->diag, e->key_pos,
				    "example key '%s' is defined twice (first at line %u)",
				    e->key, ind->examples[k].pos.line);
	}
}

static void
load_additions(tg_load *l, tg_industry *ind, const tg_node *list)
{
	if (list->kind != TG_NODE_SEQ) {
		tg_diag_error(l->diag, list->pos, "'additions' must be a list, found %s",
		    tg_node_kind_name(list));
		return;
	}
	ind->additions = TG_ARENA_ARRAY(&l->data->arena, tg_addition, list->n ? list->n : 1);
	for (size_t i = 0; i < list->n; i++) {
		const tg_node *n = list->items[i];
		if (!tg_schema_map(l, n, "addition", addition_keys))
			continue;
		tg_addition *a = &ind->additions[ind->nadditions++];
		a->pos = n->pos;
		a->clause_id = tg_schema_str(l, n, "clause", "addition", true);
		if (a->clause_id != NULL)
			a->clause_pos = tg_node_get(n, "clause")->pos;
		const tg_node *action = tg_node_get(n, "action");
		if (action == NULL) {
			if (!tg_schema_misspelt(n, "action"))
				tg_diag_error(l->diag, n->pos, "addition has no 'action' (add or amend)");
		} else {
			int k = tg_schema_enum(l, action, "addition action", addition_actions, 3);
			if (k > 0)
				a->action = (tg_action)k;
		}
		a->title = tg_schema_str(l, n, "title", "addition", true);
		a->text = tg_schema_str(l, n, "text", "addition", true);
		a->note = tg_schema_str(l, n, "note", "addition", false);
		entry_provenance(l, n, &ind->prov, &a->prov);
	}
}

void
tg_load_industry(tg_load *l, const tg_node *root)
{
	tg_arena *a = &l->data->arena;
	if (!tg_schema_map(l, root, "industry", industry_keys))
		return;
	tg_industry *ind = TG_ARENA_NEW(a, tg_industry);
	ind->file = l->file;
	ind->pos = root->pos;
	ind->default_level = TG_LEVEL_NONE;
	const tg_node *id = tg_node_get(root, "id");
	if (id == NULL) {
		if (!tg_schema_misspelt(root, "id"))
			tg_diag_error(l->diag, root->pos, "industry has no 'id'");
	} else if (tg_schema_scalar(l, id, "industry id") && tg_schema_object_id(l, id, "industry id"))
		ind->id = id->str;
	ind->title = tg_schema_str(l, root, "title", "industry", true);
	ind->short_title = tg_schema_str(l, root, "short_title", "industry", false);
	ind->description = tg_schema_str(l, root, "description", "industry", false);
	/* The provenance first: terms, examples and additions inherit it. */
	const tg_node *prov = tg_node_get(root, "provenance");
	if (prov != NULL)
		tg_schema_provenance(l, prov, &ind->prov);
	ind->guideline_id = tg_schema_str(l, root, "guideline", "industry", false);
	if (ind->guideline_id)
		ind->guideline_pos = tg_node_get(root, "guideline")->pos;
	ind->baseline_id = tg_schema_str(l, root, "baseline", "industry", true);
	if (ind->baseline_id)
		ind->baseline_pos = tg_node_get(root, "baseline")->pos;
	const tg_node *xws = tg_node_get(root, "crosswalks");
	ind->crosswalk_ids = tg_schema_strlist(l, root, "crosswalks", "industry",
	    &ind->ncrosswalks, &ind->crosswalk_pos);
	if (ind->guideline_id != NULL && xws == NULL && !tg_schema_misspelt(root, "crosswalks"))
		tg_diag_error(l->diag, root->pos, "industry has a 'guideline' but no 'crosswalks' "
		    "(the crosswalks from the guideline to the baseline)");
	if (ind->guideline_id == NULL && xws != NULL && ind->ncrosswalks > 0 &&
	    !tg_schema_misspelt(root, "guideline"))
		tg_diag_error(l->diag, xws->pos, "'crosswalks' needs a 'guideline': a crosswalk maps "
		    "the industry's guideline to the baseline");
	ind->crosswalks = TG_ARENA_ARRAY(a, tg_crosswalk *, ind->ncrosswalks);
	ind->default_level_name = tg_schema_str(l, root, "default_level", "industry", false);
	if (ind->default_level_name) {
		ind->default_level_pos = tg_node_get(root, "default_level")->pos;
		if (ind->guideline_id == NULL && !tg_schema_misspelt(root, "guideline"))
			tg_diag_error(l->diag, ind->default_level_pos, "'default_level' needs a "
			    "'guideline': levels are the guideline's");
	}
	const tg_node *terms = tg_node_get(root, "terms");
	if (terms != NULL && !tg_node_is_null(terms))
		tg_load_terms(l, terms, &ind->prov, &ind->terms, &ind->nterms);
	const tg_node *examples = tg_node_get(root, "examples");
	ind->examples_pos = examples != NULL ? key_pos(root, "examples") : root->pos;
	if (examples != NULL && !tg_node_is_null(examples))
		load_examples(l, ind, examples);
	const tg_node *additions = tg_node_get(root, "additions");
	if (additions != NULL && !tg_node_is_null(additions)) {
		if (ind->guideline_id != NULL)
			tg_diag_error(l->diag, key_pos(root, "additions"), "'additions' are for "
			    "industries without a guideline; with a guideline, write them as proposals "
			    "in its crosswalk");
		load_additions(l, ind, additions);
	}
	TG_BUF_PUSH(&l->data->industries, tg_industry *, ind);
}
