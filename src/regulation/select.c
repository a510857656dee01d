/* Choosing what a command works on: the industry, the company profile
 * and the guideline level, from the command line (render, forms, assess). */
#include <string.h>

#include "../load/load.h"
#include "../util/fs.h"
#include "regulation.h"

const tg_industry *
tg_reg_find_industry(const tg_data *d, const char *id, tg_diag *diag)
{
	const tg_industry *ind = tg_data_industry(d, id);
	if (ind != NULL && ind->baseline != NULL && (ind->guideline != NULL || ind->guideline_id == NULL))
		return ind;
	tg_buf known = TG_BUF_INIT;
	for (size_t i = 0; i < TG_DATA_COUNT(d, industries, tg_industry); i++)
		tg_buf_printf(&known, "%s%s", i ? ", " : "", TG_DATA_AT(d, industries, tg_industry, i)->id);
	tg_diag_error(diag, tg_pos_at(NULL, 0, 0), "unknown industry '%s' (known: %s)", id,
	    known.len ? known.data : "none");
	tg_buf_free(&known);
	return NULL;
}

static bool
looks_like_file(const char *s)
{
	size_t n = strlen(s);
	return strchr(s, '/') != NULL || (n > 5 && strcmp(s + n - 5, ".yaml") == 0);
}

/* The profile named by --profile: an id of the data, or a YAML file (loaded
 * into the data set and checked like the data's own). */
int
tg_reg_find_profile(tg_data *d, const char *arg, const tg_industry *ind, const tg_profile **out,
    tg_diag *diag)
{
	*out = NULL;
	const tg_profile *p = NULL;
	if (looks_like_file(arg)) {
		if (!tg_fs_is_file(arg)) {
			tg_diag_error(diag, tg_pos_at(NULL, 0, 0), "profile file '%s' does not exist", arg);
			return TG_EXIT_USAGE;
		}
		size_t before = TG_DATA_COUNT(d, profiles, tg_profile);
		size_t errors = tg_diag_errors(diag);
		int rc = tg_data_load_file(d, diag, arg, NULL);
		if (rc != TG_EXIT_OK)
			return rc;
		if (TG_DATA_COUNT(d, profiles, tg_profile) == before) {
			tg_diag_error(diag, tg_pos_at(arg, 0, 0), "not a profile (kind: profile)");
			return TG_EXIT_INVALID;
		}
		tg_profile *np = TG_DATA_AT(d, profiles, tg_profile, before);
		np->industry = np->industry_id ? tg_data_industry(d, np->industry_id) : NULL;
		if (np->industry == NULL && np->industry_id != NULL)
			tg_diag_error(diag, np->industry_pos, "industry '%s' is not known", np->industry_id);
		tg_reg_check_profile(d, np, diag);
		if (tg_diag_errors(diag) > errors)
			return TG_EXIT_INVALID;
		p = np;
	} else {
		p = tg_data_profile(d, arg);
		const tg_broken_profile *broken = p == NULL ? tg_data_broken_profile(d, arg) : NULL;
		if (broken != NULL) {
			/* Set aside as invalid: this command needs it, so say why. */
			size_t errors = tg_diag_errors(diag);
			size_t before = TG_DATA_COUNT(d, profiles, tg_profile);
			tg_data_load_file(d, diag, broken->path, NULL);
			if (TG_DATA_COUNT(d, profiles, tg_profile) > before) {
				tg_profile *np = TG_DATA_AT(d, profiles, tg_profile, before);
				np->industry = np->industry_id ? tg_data_industry(d, np->industry_id) : NULL;
				if (np->industry == NULL && np->industry_id != NULL)
					tg_diag_error(diag, np->industry_pos, "industry '%s' is not known",
					    np->industry_id);
				tg_reg_check_profile(d, np, diag);
			}
			if (tg_diag_errors(diag) == errors)
				tg_diag_error(diag, tg_pos_at(broken->path, 0, 0), "profile '%s' is invalid", arg);
			return TG_EXIT_INVALID;
		}
		if (p == NULL) {
			/* A batch may have loaded a thousand: name ten. */
			tg_buf known = TG_BUF_INIT;
			size_t named = 0, more = 0;
			for (size_t i = 0; i < TG_DATA_COUNT(d, profiles, tg_profile); i++) {
				const tg_profile *k = TG_DATA_AT(d, profiles, tg_profile, i);
				if (k->id != NULL && named++ < 10)
					tg_buf_printf(&known, "%s%s", known.len ? ", " : "", k->id);
				else if (k->id != NULL)
					more++;
			}
			if (more > 0)
				tg_buf_printf(&known, " and %zu more", more);
			tg_diag_error(diag, tg_pos_at(NULL, 0, 0), "unknown profile '%s' (known: %s)", arg,
			    known.len ? known.data : "none");
			tg_buf_free(&known);
			return TG_EXIT_USAGE;
		}
	}
	if (p->industry != ind) {
		tg_diag_error(diag, tg_pos_at(NULL, 0, 0), "profile '%s' is for industry '%s', not '%s'",
		    p->id ? p->id : arg, p->industry_id ? p->industry_id : "?", ind->id);
		return TG_EXIT_USAGE;
	}
	*out = p;
	return TG_EXIT_OK;
}

/* --level, else the profile's level, else the industry's default, else all. */
int
tg_reg_find_level(const char *arg, const tg_industry *ind, const tg_profile *p, int *level,
    tg_diag *diag)
{
	const tg_catalog *g = ind->guideline;
	*level = TG_REG_LEVEL_ALL;
	if (arg != NULL && g == NULL) {
		tg_diag_error(diag, tg_pos_at(NULL, 0, 0), "industry '%s' has no guideline, so no levels "
		    "(leave --level out)", ind->id);
		return TG_EXIT_USAGE;
	}
	if (g == NULL)
		return TG_EXIT_OK;
	if (arg != NULL) {
		if (strcmp(arg, "all") == 0)
			return TG_EXIT_OK;
		*level = tg_catalog_level(g, arg);
		if (*level >= 0)
			return TG_EXIT_OK;
		tg_buf known = TG_BUF_INIT;
		for (size_t i = 0; i < g->nlevels; i++)
			tg_buf_printf(&known, "%s, ", g->levels[i]);
		if (g->nlevels == 0)
			tg_diag_error(diag, tg_pos_at(NULL, 0, 0), "'%s' is not a level of %s, which has no "
			    "levels (leave --level out)", arg, g->id);
		else
			tg_diag_error(diag, tg_pos_at(NULL, 0, 0), "'%s' is not a level of %s (levels: %sall)",
			    arg, g->id, known.data);
		tg_buf_free(&known);
		return TG_EXIT_USAGE;
	}
	const tg_node *lv = tg_reg_profile_get(p, "level");
	if (lv != NULL && lv->kind == TG_NODE_SCALAR && tg_catalog_level(g, lv->str) >= 0)
		*level = tg_catalog_level(g, lv->str);
	else if (ind->default_level >= 0 && g->nlevels > 0)
		*level = ind->default_level;
	return TG_EXIT_OK;
}
