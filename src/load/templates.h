/* Regulation template sets: templates/<set>/ Markdown files split at their
 * `<!-- @chapter ID -->` / `<!-- @clause ID -->` markers, each piece tied to
 * its catalog item.  Loading checks that the markers and the catalog agree
 * exactly (every item under a chapter has one clause marker, in catalog
 * order); the Mustache text itself is checked by the regulation module. */
#ifndef TG_TEMPLATES_H
#define TG_TEMPLATES_H

#include "../model/model.h"

typedef struct tg_tclause {
	const char *id;		/* as written in the marker */
	tg_item *item;		/* resolved in the set's catalog */
	bool chapter;		/* @chapter (the chapter's own text: 改訂日, 適用範囲) */
	const char *text;	/* the text after the marker line, up to the next marker */
	size_t len;
	size_t file;		/* index into tg_tset.files */
	tg_pos pos;		/* the marker */
	tg_pos text_pos;	/* where the text starts */
} tg_tclause;

typedef struct tg_tfile {
	const char *path;	/* display path */
	const char *name;	/* file name, e.g. "03-information-assets.md" */
	const char *text;
	size_t len;
	size_t chapter;		/* index of its @chapter clause */
} tg_tfile;

typedef struct tg_tset {
	tg_paramset *params;
	tg_catalog *catalog;
	const char *dir;	/* templates/<set> as shown */
	tg_tfile *files;
	size_t nfiles;
	tg_tclause *clauses;	/* file order */
	size_t nclauses;
	tg_map by_id;		/* item id -> tg_tclause */
} tg_tset;

/* Loads and checks the template set of a parameter registry (its arrays
 * live in d's arena).  Returns NULL when the directory cannot be read. */
tg_tset *tg_tset_load(tg_data *d, tg_paramset *ps, tg_diag *diag);
void tg_tset_free(tg_tset *t);
const tg_tclause *tg_tset_clause(const tg_tset *t, const char *item_id);
/* A one-line excerpt of a clause for tables: Mustache tags replaced by
 * the registry defaults (or ○○), Markdown markup dropped, whitespace
 * collapsed, at most max_chars characters ("…" when cut).  malloc'ed. */
char *tg_tset_excerpt(const tg_tset *t, const tg_tclause *c, size_t max_chars);

#endif
