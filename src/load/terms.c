/* kind: terms — a term dictionary: groups of synonyms or related words that
 * `suggest` treats as one concept when it compares texts. */
#include <string.h>

#include "schema.h"
#include "../util/utf8.h"

static const char *const terms_keys[] = {"kind", "id", "title", "description", "provenance",
    "groups", NULL};
static const char *const group_keys[] = {"terms", "relation", "note", NULL};
static const char *const relations[] = {"synonyms", "related"};

/* Longest term accepted: a word or a short phrase, not a sentence. */
#define MAX_TERM_CHARS 40

static void
load_group(tg_load *l, const tg_node *n, tg_term_group *g)
{
	g->pos = n->pos;
	if (!tg_schema_map(l, n, "term group", group_keys))
		return;
	g->terms = tg_schema_strlist(l, n, "terms", "term group", &g->nterms, &g->term_pos);
	if (tg_node_get(n, "terms") == NULL && !tg_schema_misspelt(n, "terms"))
		tg_diag_error(l->diag, n->pos, "term group has no 'terms'");
	else if (g->terms != NULL && g->nterms < 2)
		tg_diag_error(l->diag, tg_node_get(n, "terms")->pos,
		    "a term group needs at least two terms (a word and its synonym or related word)");
	for (size_t i = 0; i < g->nterms; i++) {
		const char *t = g->terms[i];
		size_t chars = tg_utf8_count(t, strlen(t));
		bool blank = true;
		for (const char *p = t; *p; p++)
			if (*p != ' ' && *p != '\t')
				blank = false;
		if (blank)
			tg_diag_error(l->diag, g->term_pos[i], "a term is empty");
		else if (chars > MAX_TERM_CHARS)
			tg_diag_error(l->diag, g->term_pos[i], "term '%s' is %zu characters long; terms "
			    "are words or short phrases (at most %d)", t, chars, MAX_TERM_CHARS);
		for (size_t k = 0; k < i; k++)
			if (strcmp(g->terms[k], t) == 0)
				tg_diag_error(l->diag, g->term_pos[i], "term '%s' is listed twice in its group",
				    t);
	}
	const tg_node *rel = tg_node_get(n, "relation");
	g->synonyms = false;
	if (rel != NULL)
		g->synonyms = tg_schema_enum(l, rel, "relation", relations, 2) == 0;
	g->note = tg_schema_str(l, n, "note", "term group", false);
}

void
tg_load_termset(tg_load *l, const tg_node *root)
{
	tg_arena *a = &l->data->arena;
	if (!tg_schema_map(l, root, "terms", terms_keys))
		return;
	tg_termset *ts = TG_ARENA_NEW(a, tg_termset);
	ts->file = l->file;
	ts->pos = root->pos;
	const tg_node *id = tg_node_get(root, "id");
	if (id == NULL) {
		if (!tg_schema_misspelt(root, "id"))
			tg_diag_error(l->diag, root->pos, "term dictionary has no 'id'");
	} else if (tg_schema_scalar(l, id, "term dictionary id") &&
	    tg_schema_object_id(l, id, "term dictionary id")) {
		ts->id = id->str;
	}
	ts->title = tg_schema_str(l, root, "title", "term dictionary", true);
	ts->description = tg_schema_str(l, root, "description", "term dictionary", false);
	const tg_node *prov = tg_node_get(root, "provenance");
	if (prov != NULL)
		tg_schema_provenance(l, prov, &ts->prov);
	const tg_node *groups = tg_node_get(root, "groups");
	if (groups == NULL) {
		if (!tg_schema_misspelt(root, "groups"))
			tg_diag_error(l->diag, root->pos, "term dictionary has no 'groups'");
	} else if (groups->kind != TG_NODE_SEQ) {
		tg_diag_error(l->diag, groups->pos, "'groups' must be a list, found %s",
		    tg_node_kind_name(groups));
	} else {
		ts->groups = TG_ARENA_ARRAY(a, tg_term_group, groups->n);
		for (size_t i = 0; i < groups->n; i++)
			load_group(l, groups->items[i], &ts->groups[ts->ngroups++]);
	}
	TG_BUF_PUSH(&l->data->termsets, tg_termset *, ts);
}
