/* `import`: a spreadsheet (CSV/TSV) → a catalog (and a crosswalk from its
 * reference columns), as an import spec describes (docs/import.md).
 * spec.c reads the spec (spec_re.c: its patterns); import.c drives read.c
 * (rows), refs.c (references) and write.c (YAML), sharing internal.h. */
#ifndef TG_IMPORT_H
#define TG_IMPORT_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdbool.h>
#include <stddef.h>

#include "../schema.h"
#include "../sheet/sheet.h"

/* A compiled pattern and the capture that holds its value. */
typedef struct tg_import_re {
	pcre2_code *code;
	pcre2_match_data *md;
	int group;		/* capture giving the value (named, else 1, else 0) */
	int level_group;	/* crosswalk patterns: capture named "level", or -1 */
	const char *source;
	tg_pos pos;
} tg_import_re;

/* A column of the sheet, named in the spec by header text or number. */
typedef struct tg_import_col {
	bool set;
	const char *header;	/* header text, or NULL when given by number */
	unsigned col;		/* 1-based; 0 until resolved from the header */
	tg_import_re *pattern;	/* extracts the value from the cell, or NULL */
	const char *format;	/* "No.{}": the value replaces {} */
	tg_import_re *split;	/* list columns: separator between entries */
	bool fill_down;		/* a blank cell repeats the last non-blank one above */
	tg_pos pos;		/* where the spec names the column */
	const char *what;	/* "columns.id", for messages */
	/* Fill-down state while reading rows. */
	const char *last;	/* last extracted value (NULL: none) */
	bool last_bad;		/* it did not match the pattern (already reported) */
	unsigned last_row;
} tg_import_col;

typedef struct tg_import_group {
	tg_import_col id, title, ref;
	const char *id_prefix;	/* generated ids when there is no id column */
	size_t generated;
} tg_import_group;

typedef enum tg_import_multiple {
	TG_IMPORT_LOWEST,	/* several levels on a row: the lowest */
	TG_IMPORT_LIST		/* a list level (sources disagree; needs a flag) */
} tg_import_multiple;

typedef enum tg_import_missing {
	TG_IMPORT_MISSING_NONE,
	TG_IMPORT_MISSING_UNKNOWN,
	TG_IMPORT_MISSING_ERROR
} tg_import_missing;

typedef struct tg_import_name {
	const char *key;	/* normalised spelling */
	int level;		/* level index or TG_LEVEL_UNKNOWN */
} tg_import_name;

/* Indices of the provenance columns. */
enum { TG_IMPORT_PROV_KIND, TG_IMPORT_PROV_CONFIDENCE, TG_IMPORT_PROV_SOURCE,
	TG_IMPORT_PROV_FILE, TG_IMPORT_PROV_ROW, TG_IMPORT_PROV_INFERRED, TG_IMPORT_PROV_COUNT };

typedef struct tg_import_spec {
	tg_data *data;		/* arena holding the spec tree and strings */
	tg_load l;
	const char *file;
	char *text;		/* the spec's text (pattern errors point into it) */
	size_t len;
	tg_buf regexes;		/* tg_import_re *, freed with the spec */
	tg_buf cols;		/* tg_import_col *, every column named */

	/* An official sheet's own inconsistencies (a group titled two ways, a
	 * reference to a number the sheet does not have) are warnings that keep
	 * the first reading; `strict: true` makes them errors. */
	bool strict;

	/* catalog: */
	const char *id, *title, *short_title, *publisher, *version, *date, *description;
	const char **levels;
	size_t nlevels;
	bool has_prov;
	tg_provenance prov;
	const tg_node *meta;

	/* sheet: */
	tg_sheet_format format;	/* AUTO: by the input's extension */
	const char *sheet_name;	/* XLSX: the sheet read; NULL: the first visible one */
	tg_sheet_encoding encoding;
	unsigned header_rows;
	bool formula_guard;

	/* columns: */
	tg_import_col c_id, c_ref, c_title, c_text, c_tags, c_flag, c_note, c_links, c_parent;
	tg_import_col c_official_ref;
	tg_import_col c_prov[TG_IMPORT_PROV_COUNT];
	tg_import_group *groups;
	size_t ngroups;
	tg_import_re *parent_pattern;

	/* level: */
	tg_import_col c_level;
	tg_import_col *c_levels;	/* per level (nlevels), .set when given */
	bool per_level;
	tg_import_name *names;
	size_t nnames;
	const char **marks, **blanks;
	size_t nmarks, nblanks;
	tg_import_re *level_split;
	tg_import_multiple multiple;
	tg_import_missing missing;

	/* crosswalk: */
	bool has_xw;
	const char *xw_id, *xw_title, *xw_description, *xw_target;
	tg_import_col *xw_cols;
	size_t nxw_cols;
	tg_import_re *xw_pattern, *xw_separator;
	const char **xw_levels, **xw_none;
	size_t nxw_levels, nxw_none;
	int xw_relationship;	/* tg_relationship */
	int xw_strength;	/* -1: none */
	int xw_rationale;	/* tg_rationale */
	int xw_status;		/* tg_status */
	bool has_xw_prov;
	tg_provenance xw_prov;
	const char *xw_note_prefix, *xw_level_note_prefix;

	/* links (in-text references): */
	bool has_links;
	tg_import_col *link_cols;
	size_t nlink_cols;
	tg_import_re *link_pattern;
} tg_import_spec;

/* Reads and checks a spec (every problem reported).  Returns a TG_EXIT_*
 * code; *out is set (free with tg_import_spec_free) unless it is 3. */
int tg_import_spec_read(const char *path, tg_diag *diag, tg_import_spec **out);
void tg_import_spec_free(tg_import_spec *s);

/* Matches re against s (len bytes) from offset start.  Returns the number
 * of captures (> 0) on a match, 0 on none. */
int tg_import_re_match(tg_import_re *re, const char *s, size_t len, size_t start);
/* Offsets of capture g of the last match (false when it did not take part). */
bool tg_import_re_group(const tg_import_re *re, int g, size_t *b, size_t *e);

#endif
