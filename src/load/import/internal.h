/* The importer's state, shared by the stages of `import` (internal to
 * src/load/import/):
 *   cells.c   what a cell says: text, position, values (pattern, format,
 *             fill-down), lists, levels, provenance
 *   read.c    ids, groups, rows, headers, tree, links
 *   refs.c    reference cells → crosswalk targets; in-text links
 *   write.c   the catalog and crosswalk YAML
 *   import.c  tg_import: the driver
 * (The spec is read by spec.c and spec_re.c, sharing spec_re.h.) */
#ifndef TG_IMPORT_INTERNAL_H
#define TG_IMPORT_INTERNAL_H

#include "import.h"
#include "../../util/arena.h"
#include "../../util/buf.h"
#include "../../util/map.h"

typedef struct xw_ref {
	const char *target;
	const char *level;	/* as cited, or NULL */
} xw_ref;

typedef struct item item;
struct item {
	const char *id, *ref, *title, *text, *flag, *note;
	const char *official_ref;
	int level;		/* index, TG_LEVEL_NONE or TG_LEVEL_UNKNOWN */
	int *cited;		/* a list level: every level given */
	size_t ncited;
	unsigned level_col;
	const char **tags;
	size_t ntags;
	const char **links;
	unsigned *link_cols;
	size_t nlinks;
	tg_provenance prov;
	const char *parent_id;	/* from columns.parent or parent_pattern */
	const char *parent_how;
	unsigned parent_col;
	item *parent;
	item **children;
	size_t nchildren;
	unsigned row, col;	/* where the id is (a group: its first cell) */
	bool group;
	size_t seq;
	unsigned depth;
	xw_ref *refs;
	size_t nrefs;
	const char *ref_text;	/* the reference cells as written */
};

typedef struct importer {
	tg_import_spec *s;
	tg_diag *diag;
	tg_sheet sheet;
	const char *file;	/* the sheet, as named in messages */
	const char *base;	/* its basename, for provenance */
	tg_arena arena;
	tg_buf items;		/* item *, in the order they were made */
	tg_map by_id;
	tg_map groups;		/* group key -> item */
	tg_buf tmp;		/* scratch */
	tg_buf list;		/* scratch: const char * */
} importer;

/* ---- cells.c ---- */

tg_pos tg_import_cell_pos(const importer *im, unsigned row, unsigned col);
/* A copy in the importer's arena. */
const char *tg_import_dup(importer *im, const char *s, size_t len);
/* A cell's text (without the formula guard's apostrophe). */
const char *tg_import_cell(const importer *im, const tg_sheet_row *r, unsigned col);
/* Trims ASCII white space off b from `from` on. */
void tg_import_trim_buf(tg_buf *b, size_t from);
/* The value of column c on row r (normalised when norm), by the column's
 * pattern, format and fill-down; NULL when blank or not matching (reported). */
const char *tg_import_col_value(importer *im, tg_import_col *c, const tg_sheet_row *r,
    bool norm);
/* Forgets what column c filled down. */
void tg_import_reset_fill(tg_import_col *c);
/* Column c's cell split on its split pattern: the entries, in the arena. */
const char **tg_import_col_list(importer *im, tg_import_col *c, const tg_sheet_row *r, bool norm,
    size_t *count);
bool tg_import_in_list(const char *s, const char *const *list, size_t n);
/* The index of a level name in levels (case-insensitive), or -1. */
int tg_import_level_by_name(const importer *im, const char *v, const char *const *levels,
    size_t n);
/* An item's level (and every level cited) from the level column(s). */
void tg_import_read_level(importer *im, item *it, const tg_sheet_row *r);
/* An item's provenance from the provenance columns. */
void tg_import_read_provenance(importer *im, item *it, const tg_sheet_row *r);

/* ---- read.c ---- */

/* One data row → an item (and its groups). */
void tg_import_read_row(importer *im, const tg_sheet_row *r);
/* Header text → column; false when a header was not found (reported). */
bool tg_import_resolve_headers(importer *im);
/* Parents by id, cycles, children in row order, depth. */
void tg_import_build_tree(importer *im);
/* Every link names an item of the sheet (or another catalog). */
void tg_import_check_links(importer *im);

/* ---- refs.c ---- */

/* Link ids found by links.pattern in the text columns. */
void tg_import_read_text_links(importer *im, const tg_sheet_row *r, tg_buf *ids, tg_buf *cols);
/* The reference cells of a row → crosswalk targets. */
void tg_import_read_refs(importer *im, item *it, const tg_sheet_row *r);

/* ---- write.c ---- */

void tg_import_write_catalog(const importer *im, tg_buf *out);
void tg_import_write_crosswalk(const importer *im, tg_buf *out);

#endif
