/* Loading a data directory: every mappings/ file, dispatched by `kind`. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "form.h"
#include "load.h"
#include "schema.h"
#include "templates.h"
#include "../util/fs.h"
#include "../util/text.h"

static const char *const kinds[] = {"catalog", "crosswalk", "industry", "parameters", "profile",
    "terms"};

tg_data *
tg_data_new(const char *root)
{
	tg_data *d = tg_xcalloc(1, sizeof *d);
	tg_arena_init(&d->arena);
	d->root = tg_arena_strdup(&d->arena, root ? root : ".");
	return d;
}

void
tg_data_free(tg_data *d)
{
	if (d == NULL)
		return;
	for (size_t i = 0; i < TG_DATA_COUNT(d, catalogs, tg_catalog); i++)
		tg_map_free(&TG_DATA_AT(d, catalogs, tg_catalog, i)->by_id);
	for (size_t i = 0; i < TG_DATA_COUNT(d, crosswalks, tg_crosswalk); i++)
		tg_map_free(&TG_DATA_AT(d, crosswalks, tg_crosswalk, i)->row_by_source);
	for (size_t i = 0; i < TG_BUF_COUNT(&d->inverses, tg_crosswalk *); i++)
		tg_map_free(&TG_BUF_AT(&d->inverses, tg_crosswalk *, i)->row_by_source);
	tg_buf_free(&d->inverses);
	for (size_t i = 0; i < TG_DATA_COUNT(d, paramsets, tg_paramset); i++) {
		tg_map_free(&TG_DATA_AT(d, paramsets, tg_paramset, i)->by_name);
		tg_tset_free(TG_DATA_AT(d, paramsets, tg_paramset, i)->tset);
	}
	tg_buf_free(&d->catalogs);
	tg_buf_free(&d->crosswalks);
	tg_buf_free(&d->industries);
	tg_buf_free(&d->paramsets);
	tg_buf_free(&d->profiles);
	tg_buf_free(&d->forms);
	tg_buf_free(&d->broken_forms);
	tg_buf_free(&d->broken_profiles);
	tg_buf_free(&d->termsets);
	tg_map_free(&d->catalog_by_id);
	tg_map_free(&d->crosswalk_by_id);
	tg_map_free(&d->industry_by_id);
	tg_map_free(&d->paramset_by_id);
	tg_map_free(&d->profile_by_id);
	tg_map_free(&d->form_by_id);
	tg_map_free(&d->termset_by_id);
	tg_map_free(&d->broken_ids);
	tg_arena_free(&d->arena);
	free(d);
}

/* A file that failed before its kind was loaded still names its id on a
 * top-level `id:` line, usually; remember it (see tg_data.broken_ids). */
static const char *
remember_broken_id(tg_data *d, const char *text, size_t len)
{
	const char *p = text, *end = text + len;
	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		if (eol == NULL)
			eol = end;
		if (eol - p > 3 && memcmp(p, "id:", 3) == 0) {
			const char *v = p + 3;
			while (v < eol && (*v == ' ' || *v == '\t' || *v == '"' || *v == '\''))
				v++;
			const char *e = v;
			while (e < eol && *e != ' ' && *e != '\t' && *e != '"' && *e != '\'' &&
			    *e != '#' && *e != '\r')
				e++;
			if (e > v) {
				char *id = tg_arena_strndup(&d->arena, v, (size_t)(e - v));
				tg_map_put(&d->broken_ids, id, id);
				return id;
			}
			return NULL;
		}
		p = eol + 1;
	}
	return NULL;
}

void
tg_data_set_aside_profile(tg_data *d, tg_diag *diag, const char *path, const char *id)
{
	tg_broken_profile b = {tg_arena_strdup(&d->arena, path), id ? tg_arena_strdup(&d->arena, id) : NULL};
	TG_BUF_PUSH(&d->broken_profiles, tg_broken_profile, b);
	/* Out of the list and the index. */
	size_t n = TG_DATA_COUNT(d, profiles, tg_profile), kept = 0;
	for (size_t i = 0; i < n; i++) {
		tg_profile *p = TG_DATA_AT(d, profiles, tg_profile, i);
		if (strcmp(p->file, path) != 0)
			TG_BUF_AT(&d->profiles, tg_profile *, kept++) = p;
	}
	tg_buf_truncate(&d->profiles, kept * sizeof(tg_profile *));
	tg_map_free(&d->profile_by_id);
	tg_map_init(&d->profile_by_id);
	for (size_t i = 0; i < kept; i++) {
		tg_profile *p = TG_DATA_AT(d, profiles, tg_profile, i);
		if (p->id != NULL && tg_map_get(&d->profile_by_id, p->id) == NULL)
			tg_map_put(&d->profile_by_id, p->id, p);
	}
	tg_diag_warning(diag, tg_pos_at(b.path, 0, 0), "profile%s%s%s is invalid and left out of this "
	    "command; 'totsugo validate' lists its problems", id ? " '" : "", id ? id : "", id ? "'" : "");
}

const tg_broken_profile *
tg_data_broken_profile(const tg_data *d, const char *id)
{
	for (size_t i = 0; i < TG_BUF_COUNT(&d->broken_profiles, tg_broken_profile); i++) {
		const tg_broken_profile *b = &TG_BUF_AT(&d->broken_profiles, tg_broken_profile, i);
		if (b->id != NULL && strcmp(b->id, id) == 0)
			return b;
	}
	return NULL;
}

/* Is this file one of mappings/profiles/? */
static bool
in_profiles_dir(const tg_data *d, const char *path)
{
	size_t n = strlen(d->root);
	static const char dir[] = "/mappings/profiles/";
	return strncmp(path, d->root, n) == 0 && strncmp(path + n, dir, sizeof dir - 1) == 0;
}

/* Loads a profile file on its own: when it has errors, it is set aside. */
static void
load_profile_leniently(tg_data *d, tg_diag *diag, const char *path)
{
	tg_diag *scratch = tg_diag_new();
	size_t before = TG_DATA_COUNT(d, profiles, tg_profile);
	tg_data_load_file(d, scratch, path, NULL);
	if (tg_diag_errors(scratch) > 0) {
		const char *id = NULL;
		if (TG_DATA_COUNT(d, profiles, tg_profile) > before)
			id = TG_DATA_AT(d, profiles, tg_profile, before)->id;
		tg_buf text = TG_BUF_INIT;
		if (id == NULL && tg_fs_read(path, TG_FS_MAX_INPUT, &text) == TG_FS_OK)
			id = remember_broken_id(d, text.data ? text.data : "", text.len);
		tg_buf_free(&text);
		tg_data_set_aside_profile(d, diag, path, id);
	}
	tg_diag_free(scratch);
}

int
tg_data_load_text(tg_data *d, tg_diag *diag, const char *display, const char *text, size_t len)
{
	const char *file = tg_arena_strdup(&d->arena, display);
	tg_diag_add_source(diag, file, text, len);
	size_t before = tg_diag_errors(diag);
	tg_node *root = tg_yaml_parse(&d->arena, diag, file, text, len);
	if (root == NULL) {
		(void)remember_broken_id(d, text, len);
		return TG_EXIT_INVALID;
	}
	size_t rootlen = strlen(d->root);
	const char *rel = file;
	if (strncmp(file, d->root, rootlen) == 0 && file[rootlen] == '/')
		rel = file + rootlen + 1;
	tg_load l = {d, diag, file, rel};
	if (root->kind != TG_NODE_MAP) {
		tg_diag_error(diag, root->pos, "a data file must be a mapping with a 'kind' key%s",
		    tg_node_is_null(root) ? " (the file is empty)" : "");
		return TG_EXIT_INVALID;
	}
	const tg_node *kind = tg_node_get(root, "kind");
	const tg_node *id = tg_node_get(root, "id");
	if (kind == NULL) {
		if (id != NULL && id->kind == TG_NODE_SCALAR)
			tg_map_put(&d->broken_ids, id->str, (void *)id->str);
		static const char *const kind_key[] = {"kind"};
		const tg_node *near = NULL;
		for (size_t i = 0; i < root->n && near == NULL; i++)
			if (tg_node_key(root, i)->kind == TG_NODE_SCALAR &&
			    tg_text_suggest(tg_node_key(root, i)->str, kind_key, 1) != NULL)
				near = tg_node_key(root, i);
		if (near != NULL)
			tg_diag_error(diag, near->pos, "unknown key '%s' (did you mean 'kind'?)", near->str);
		else
			tg_diag_error(diag, root->pos,
			    "file has no 'kind' (catalog, crosswalk, industry, parameters, profile or "
			    "terms)");
		return TG_EXIT_INVALID;
	}
	int k = tg_schema_enum(&l, kind, "kind", kinds, 6);
	if (k < 0 && id != NULL && id->kind == TG_NODE_SCALAR)
		tg_map_put(&d->broken_ids, id->str, (void *)id->str);
	switch (k) {
	case 0: tg_load_catalog(&l, root); break;
	case 1: tg_load_crosswalk(&l, root); break;
	case 2: tg_load_industry(&l, root); break;
	case 3: tg_load_paramset(&l, root); break;
	case 4: tg_load_profile(&l, root); break;
	case 5: tg_load_termset(&l, root); break;
	default: break;
	}
	return tg_diag_errors(diag) > before ? TG_EXIT_INVALID : TG_EXIT_OK;
}

int
tg_data_load_file(tg_data *d, tg_diag *diag, const char *path, const char *display)
{
	tg_buf text = TG_BUF_INIT;
	int rc;
	if (display == NULL)
		display = path;
	tg_fs_status st = tg_fs_read(path, TG_FS_MAX_INPUT, &text);
	if (st == TG_FS_TOO_BIG) {
		tg_diag_error(diag, tg_pos_at(display, 0, 0), "file is larger than the %u MiB limit",
		    TG_FS_MAX_INPUT / (1024u * 1024u));
		rc = TG_EXIT_INVALID;
	} else if (st != TG_FS_OK) {
		tg_diag_error(diag, tg_pos_at(display, 0, 0), "cannot read: %s", tg_fs_why(st));
		rc = TG_EXIT_IO;
	} else {
		rc = tg_data_load_text(d, diag, display, text.data, text.len);
	}
	tg_buf_free(&text);
	return rc;
}

int
tg_data_load_dir(tg_data *d, tg_diag *diag)
{
	char *mappings = tg_fs_join(d->root, "mappings");
	tg_buf files = TG_BUF_INIT;
	int rc = TG_EXIT_OK;
	if (!tg_fs_is_dir(mappings)) {
		tg_diag_error(diag, tg_pos_at(NULL, 0, 0), "%s: no such directory (is --data right?)",
		    mappings);
		rc = TG_EXIT_IO;
		goto out;
	}
	if (!tg_fs_list(mappings, ".yaml", &files)) {
		tg_diag_error(diag, tg_pos_at(NULL, 0, 0), "%s: cannot read: %s", mappings,
		    strerror(errno));
		rc = TG_EXIT_IO;
		goto out;
	}
	for (size_t i = 0; i < TG_BUF_COUNT(&files, char *); i++) {
		const char *path = TG_BUF_AT(&files, char *, i);
		if (d->lenient_profiles && in_profiles_dir(d, path)) {
			load_profile_leniently(d, diag, path);
			continue;
		}
		int r = tg_data_load_file(d, diag, path, NULL);
		if (r > rc)
			rc = r;
	}
	int r = tg_data_link(d, diag);
	if (r > rc)
		rc = r;
	/* Templates are part of the data: their markers must match the catalog. */
	size_t before = tg_diag_errors(diag);
	for (size_t i = 0; i < TG_DATA_COUNT(d, paramsets, tg_paramset); i++) {
		tg_paramset *ps = TG_DATA_AT(d, paramsets, tg_paramset, i);
		if (ps->catalog != NULL)
			ps->tset = tg_tset_load(d, ps, diag);
	}
	/* Forms (templates/forms/) are data too; tg_forms_check_data checks
	 * them against the industries once everything is linked. */
	r = tg_form_load_dir(d, diag);
	if (r > rc)
		rc = r;
	if (tg_diag_errors(diag) > before && rc == TG_EXIT_OK)
		rc = TG_EXIT_INVALID;
out:
	tg_fs_list_free(&files);
	free(mappings);
	return rc;
}
