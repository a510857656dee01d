/* kind: parameters — the registry of a template set's parameters. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "schema.h"

static const char *const paramset_keys[] = {"kind", "id", "catalog", "templates",
    "parameters", "terms", "description", NULL};
static const char *const param_keys[] = {"name", "type", "description", "default",
    "required", "clauses", "columns", "min", "max", "example", NULL};
static const char *const type_names[] = {"string", "integer", "date", "boolean", "list", "table"};

/* Dotted lower-case names: company.name, industry.examples.assets. */
static bool
is_param_name(const char *s)
{
	bool start = true;
	for (; *s; s++) {
		if (*s == '.') {
			if (start)
				return false;
			start = true;
			continue;
		}
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_'))
			return false;
		start = false;
	}
	return !start;
}

/* Checks a value against a parameter's type (defaults here, profile values
 * in the regulation module use the same rule through tg_param_check). */
static void
check_value(tg_load *l, const tg_param *p, const tg_node *v)
{
	long n;
	bool b;
	switch (p->type) {
	case TG_PARAM_STRING:
		tg_schema_scalar(l, v, "value");
		break;
	case TG_PARAM_INTEGER:
		tg_schema_int(l, v, "value", p->has_min ? p->min : LONG_MIN,
		    p->has_max ? p->max : LONG_MAX, &n);
		break;
	case TG_PARAM_DATE:
		if (tg_schema_scalar(l, v, "value") && !tg_schema_is_date(v->str))
			tg_diag_error(l->diag, v->pos, "'%s' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)", v->str);
		break;
	case TG_PARAM_BOOLEAN:
		tg_schema_bool(l, v, "value", &b);
		break;
	case TG_PARAM_LIST:
		if (v->kind != TG_NODE_SEQ) {
			tg_diag_error(l->diag, v->pos, "value of list parameter '%s' must be a list", p->name);
			break;
		}
		for (size_t i = 0; i < v->n; i++)
			tg_schema_scalar(l, v->items[i], "list entry");
		break;
	case TG_PARAM_TABLE:
		if (v->kind != TG_NODE_SEQ) {
			tg_diag_error(l->diag, v->pos, "value of table parameter '%s' must be a list of rows", p->name);
			break;
		}
		for (size_t i = 0; i < v->n; i++) {
			const tg_node *row = v->items[i];
			const char **keys = tg_xcalloc(p->ncolumns + 1, sizeof *keys);
			if (p->ncolumns > 0)
				memcpy(keys, p->columns, p->ncolumns * sizeof *keys);
			if (tg_schema_map(l, row, "table row", keys)) {
				for (size_t c = 0; c < p->ncolumns; c++)
					if (tg_node_get(row, p->columns[c]) == NULL)
						tg_diag_error(l->diag, row->pos, "table row has no '%s'", p->columns[c]);
					else
						tg_schema_scalar(l, tg_node_get(row, p->columns[c]), "table cell");
			}
			free(keys);
		}
		break;
	}
}

void
tg_param_check_value(tg_load *l, const tg_param *p, const tg_node *v)
{
	check_value(l, p, v);
}

static void
load_param(tg_load *l, tg_paramset *ps, const tg_node *n)
{
	if (!tg_schema_map(l, n, "parameter", param_keys))
		return;
	tg_param *p = &ps->params[ps->nparams];
	p->pos = n->pos;
	const tg_node *name = tg_node_get(n, "name");
	if (name == NULL) {
		tg_diag_error(l->diag, n->pos, "parameter has no 'name'");
		return;
	}
	if (tg_schema_scalar(l, name, "parameter name") == NULL)
		return;
	if (!is_param_name(name->str)) {
		tg_diag_error(l->diag, name->pos,
		    "parameter name '%s' must be dotted lower-case words (company.name)", name->str);
		return;
	}
	p->name = name->str;
	const tg_node *type = tg_node_get(n, "type");
	int t = -1;
	if (type == NULL)
		tg_diag_error(l->diag, n->pos, "parameter '%s' has no 'type'", p->name);
	else
		t = tg_schema_enum(l, type, "parameter type", type_names, 6);
	p->type = t < 0 ? TG_PARAM_STRING : (tg_param_type)t;
	p->description = tg_schema_str(l, n, "description", "parameter", true);
	p->example = tg_schema_str(l, n, "example", "parameter", false);
	const tg_node *req = tg_node_get(n, "required");
	if (req != NULL)
		tg_schema_bool(l, req, "'required'", &p->required);
	p->clauses = tg_schema_strlist(l, n, "clauses", "parameter", &p->nclauses, &p->clause_pos);
	p->columns = tg_schema_strlist(l, n, "columns", "parameter", &p->ncolumns, NULL);
	if (p->type == TG_PARAM_TABLE && p->ncolumns == 0)
		tg_diag_error(l->diag, n->pos, "table parameter '%s' has no 'columns'", p->name);
	if (p->type != TG_PARAM_TABLE && tg_node_get(n, "columns") != NULL)
		tg_diag_error(l->diag, tg_node_get(n, "columns")->pos,
		    "'columns' belongs to table parameters only");
	const tg_node *min = tg_node_get(n, "min"), *max = tg_node_get(n, "max");
	if ((min || max) && p->type != TG_PARAM_INTEGER)
		tg_diag_error(l->diag, (min ? min : max)->pos, "'min' and 'max' belong to integer parameters only");
	if (min && p->type == TG_PARAM_INTEGER)
		p->has_min = tg_schema_int(l, min, "'min'", LONG_MIN, LONG_MAX, &p->min);
	if (max && p->type == TG_PARAM_INTEGER)
		p->has_max = tg_schema_int(l, max, "'max'", LONG_MIN, LONG_MAX, &p->max);
	p->def = tg_node_get(n, "default");
	if (p->def != NULL)
		check_value(l, p, p->def);
	tg_param *first = tg_map_put(&ps->by_name, p->name, p);
	if (first != NULL) {
		tg_diag_error(l->diag, name->pos, "parameter '%s' is declared twice (first at line %u)",
		    p->name, first->pos.line);
		return;
	}
	ps->nparams++;
}

void
tg_load_paramset(tg_load *l, const tg_node *root)
{
	tg_arena *a = &l->data->arena;
	if (!tg_schema_map(l, root, "parameter registry", paramset_keys))
		return;
	tg_paramset *ps = TG_ARENA_NEW(a, tg_paramset);
	ps->file = l->file;
	ps->pos = root->pos;
	tg_map_init(&ps->by_name);
	const tg_node *id = tg_node_get(root, "id");
	if (id == NULL) {
		if (!tg_schema_misspelt(root, "id"))
			tg_diag_error(l->diag, root->pos, "parameter registry has no 'id'");
	} else if (tg_schema_scalar(l, id, "registry id") && tg_schema_object_id(l, id, "registry id"))
		ps->id = id->str;
	ps->catalog_id = tg_schema_str(l, root, "catalog", "parameter registry", true);
	if (ps->catalog_id)
		ps->catalog_pos = tg_node_get(root, "catalog")->pos;
	ps->templates = tg_schema_str(l, root, "templates", "parameter registry", true);
	if (ps->templates) {
		ps->templates_pos = tg_node_get(root, "templates")->pos;
		if (!tg_schema_is_object_id(ps->templates)) {
			tg_diag_error(l->diag, ps->templates_pos,
			    "'templates' must name a directory under templates/ (like 'regulation')");
			ps->templates = NULL;
		}
	}
	const tg_node *params = tg_node_get(root, "parameters");
	if (params == NULL) {
		tg_diag_error(l->diag, root->pos, "parameter registry has no 'parameters'");
	} else if (params->kind != TG_NODE_SEQ) {
		tg_diag_error(l->diag, params->pos, "'parameters' must be a list, found %s",
		    tg_node_kind_name(params));
	} else {
		ps->params = TG_ARENA_ARRAY(a, tg_param, params->n);
		for (size_t i = 0; i < params->n; i++)
			load_param(l, ps, params->items[i]);
	}
	const tg_node *terms = tg_node_get(root, "terms");
	if (terms != NULL && !tg_node_is_null(terms))
		tg_load_terms(l, terms, NULL, &ps->terms, &ps->nterms);
	TG_BUF_PUSH(&l->data->paramsets, tg_paramset *, ps);
}
