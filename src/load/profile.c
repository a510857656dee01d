/* kind: profile — a company's tailoring of the regulation.  Only its frame
 * is checked here; the regulation module checks the values against the
 * parameter registry and the catalog (tg_regulation_check_profile). */
#include "schema.h"

static const char *const profile_keys[] = {"kind", "id", "industry", "title", "level",
    "parameters", "exclude", "replace", "revisions", "document", "description", NULL};

void
tg_load_profile(tg_load *l, const tg_node *root)
{
	if (!tg_schema_map(l, root, "profile", profile_keys))
		return;
	tg_profile *p = TG_ARENA_NEW(&l->data->arena, tg_profile);
	p->file = l->file;
	p->pos = root->pos;
	p->root = root;
	const tg_node *id = tg_node_get(root, "id");
	if (id == NULL) {
		if (!tg_schema_misspelt(root, "id"))
			tg_diag_error(l->diag, root->pos, "profile has no 'id'");
	} else if (tg_schema_scalar(l, id, "profile id") && tg_schema_object_id(l, id, "profile id"))
		p->id = id->str;
	p->industry_id = tg_schema_str(l, root, "industry", "profile", true);
	if (p->industry_id)
		p->industry_pos = tg_node_get(root, "industry")->pos;
	TG_BUF_PUSH(&l->data->profiles, tg_profile *, p);
}
