/* kind: industry — an industry guideline, its baseline and its crosswalks. */
#include <string.h>

#include "schema.h"

static const char *const industry_keys[] = {"kind", "id", "title", "guideline", "baseline",
    "crosswalks", "default_level", "description", "terms", "examples", "provenance", NULL};
static const char *const term_keys[] = {"term", "definition", "reading", "note", NULL};
static const char *const example_keys[] = {"key", "text", "note", NULL};

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

static void
load_terms(tg_load *l, tg_industry *ind, const tg_node *list)
{
	if (list->kind != TG_NODE_SEQ) {
		tg_diag_error(l->diag, list->pos, "'terms' must be a list, found %s", tg_node_kind_name(list));
		return;
	}
	ind->terms = TG_ARENA_ARRAY(&l->data->arena, tg_term, list->n);
	for (size_t i = 0; i < list->n; i++) {
		const tg_node *n = list->items[i];
		if (!tg_schema_map(l, n, "term", term_keys))
			continue;
		tg_term *t = &ind->terms[ind->nterms++];
		t->pos = n->pos;
		t->term = tg_schema_str(l, n, "term", "term", true);
		t->definition = tg_schema_str(l, n, "definition", "term", true);
		t->reading = tg_schema_str(l, n, "reading", "term", false);
		t->note = tg_schema_str(l, n, "note", "term", false);
		for (size_t k = 0; t->term && k + 1 < ind->nterms; k++)
			if (ind->terms[k].term && strcmp(ind->terms[k].term, t->term) == 0)
				tg_diag_error(l->diag, n->pos, "term '%s' is defined twice (first at line %u)",
				    t->term, ind->terms[k].pos.line);
	}
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
		e->text = tg_schema_str(l, n, "text", "example", true);
		e->note = tg_schema_str(l, n, "note", "example", false);
		if (e->key != NULL && !is_example_key(e->key)) {
			tg_diag_error(l->diag, tg_node_get(n, "key")->pos,
			    "example key '%s' must use only a-z, 0-9 and '_'", e->key);
			e->key = NULL;
		}
		for (size_t k = 0; e->key && k + 1 < ind->nexamples; k++)
			if (ind->examples[k].key && strcmp(ind->examples[k].key, e->key) == 0)
				tg_diag_error(l->diag, tg_node_get(n, "key")->pos,
				    "example key '%s' is defined twice (first at line %u)",
				    e->key, ind->examples[k].pos.line);
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
	ind->description = tg_schema_str(l, root, "description", "industry", false);
	ind->guideline_id = tg_schema_str(l, root, "guideline", "industry", true);
	if (ind->guideline_id)
		ind->guideline_pos = tg_node_get(root, "guideline")->pos;
	ind->baseline_id = tg_schema_str(l, root, "baseline", "industry", true);
	if (ind->baseline_id)
		ind->baseline_pos = tg_node_get(root, "baseline")->pos;
	ind->crosswalk_ids = tg_schema_strlist(l, root, "crosswalks", "industry",
	    &ind->ncrosswalks, &ind->crosswalk_pos);
	if (tg_node_get(root, "crosswalks") == NULL)
		tg_diag_error(l->diag, root->pos, "industry has no 'crosswalks'");
	ind->crosswalks = TG_ARENA_ARRAY(a, tg_crosswalk *, ind->ncrosswalks);
	ind->default_level_name = tg_schema_str(l, root, "default_level", "industry", false);
	if (ind->default_level_name)
		ind->default_level_pos = tg_node_get(root, "default_level")->pos;
	const tg_node *terms = tg_node_get(root, "terms");
	if (terms != NULL && !tg_node_is_null(terms))
		load_terms(l, ind, terms);
	const tg_node *examples = tg_node_get(root, "examples");
	if (examples != NULL && !tg_node_is_null(examples))
		load_examples(l, ind, examples);
	const tg_node *prov = tg_node_get(root, "provenance");
	if (prov != NULL)
		tg_schema_provenance(l, prov, &ind->prov);
	TG_BUF_PUSH(&l->data->industries, tg_industry *, ind);
}
