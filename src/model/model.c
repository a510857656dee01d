#include "model.h"

#include <string.h>

tg_catalog *
tg_data_catalog(const tg_data *d, const char *id)
{
	return tg_map_get(&d->catalog_by_id, id);
}

tg_crosswalk *
tg_data_crosswalk(const tg_data *d, const char *id)
{
	return tg_map_get(&d->crosswalk_by_id, id);
}

tg_industry *
tg_data_industry(const tg_data *d, const char *id)
{
	return tg_map_get(&d->industry_by_id, id);
}

tg_paramset *
tg_data_paramset(const tg_data *d, const char *id)
{
	return tg_map_get(&d->paramset_by_id, id);
}

tg_profile *
tg_data_profile(const tg_data *d, const char *id)
{
	return tg_map_get(&d->profile_by_id, id);
}

tg_item *
tg_catalog_item(const tg_catalog *c, const char *id)
{
	return c ? tg_map_get(&c->by_id, id) : NULL;
}

tg_item *
tg_data_ref(const tg_data *d, const char *ref, const tg_catalog *dflt)
{
	const char *colon = strchr(ref, ':');
	if (colon == NULL)
		return tg_catalog_item(dflt, ref);
	const tg_catalog *c = tg_map_getn(&d->catalog_by_id, ref, (size_t)(colon - ref));
	return tg_catalog_item(c, colon + 1);
}

const char *
tg_relationship_name(tg_relationship r)
{
	static const char *const names[] = {"equal", "subset-of", "superset-of",
	    "intersects-with", "no-relationship"};
	return (unsigned)r < TG_REL_COUNT ? names[r] : "?";
}

const char *
tg_rationale_name(tg_rationale r)
{
	static const char *const names[] = {NULL, "syntactic", "semantic", "functional", "derived"};
	return (unsigned)r <= TG_RAT_DERIVED ? names[r] : NULL;
}

const char *
tg_status_name(tg_status s)
{
	static const char *const names[] = {NULL, "reviewed", "suggested", "unmapped"};
	return (unsigned)s < TG_STATUS_COUNT ? names[s] : NULL;
}

const char *
tg_action_name(tg_action a)
{
	static const char *const names[] = {NULL, "add", "amend", "none"};
	return (unsigned)a <= TG_ACTION_NONE ? names[a] : NULL;
}

const char *
tg_prov_kind_name(tg_prov_kind k)
{
	static const char *const names[] = {NULL, "fact", "authored", "imported"};
	return (unsigned)k <= TG_PROV_IMPORTED ? names[k] : NULL;
}

tg_origin
tg_item_origin(const tg_item *it)
{
	switch (it->prov.kind) {
	case TG_PROV_AUTHORED: return TG_ORIGIN_AUTHORED;
	case TG_PROV_IMPORTED: return TG_ORIGIN_IMPORTED;
	default: return it->prov.title_inferred ? TG_ORIGIN_INFERRED : TG_ORIGIN_FACT;
	}
}

const char *
tg_param_type_name(tg_param_type t)
{
	static const char *const names[] = {"string", "integer", "date", "boolean",
	    "list", "table"};
	return (unsigned)t <= TG_PARAM_TABLE ? names[t] : "?";
}

const char *
tg_item_level_name(const tg_item *it)
{
	if (it->level == TG_LEVEL_UNKNOWN)
		return "unknown";
	if (it->level < 0)
		return NULL;
	return it->catalog->levels[it->level];
}

bool
tg_item_level_at_most(const tg_item *it, int level)
{
	return it->level >= 0 && it->level <= level;
}

int
tg_catalog_level(const tg_catalog *c, const char *name)
{
	for (size_t i = 0; i < c->nlevels; i++)
		if (strcmp(c->levels[i], name) == 0)
			return (int)i;
	return TG_LEVEL_NONE;
}

bool
tg_item_within(const tg_item *it, const tg_item *anc)
{
	for (; it != NULL; it = it->parent)
		if (it == anc)
			return true;
	return false;
}
