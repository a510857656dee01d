/* Reading an import spec (kind: import): strict keys, typed values, PCRE2
 * patterns compiled up front (a bad pattern is reported with the position
 * of the offending character in the spec). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "spec_re.h"
#include "../load.h"
#include "../../util/fs.h"
#include "../../util/text.h"

static const char *const spec_keys[] = {"kind", "strict", "catalog", "sheet", "columns", "groups",
    "parent_pattern", "level", "crosswalk", "links", NULL};
static const char *const catalog_keys[] = {"id", "title", "short_title", "publisher",
    "version", "date", "levels", "provenance", "description", "meta", NULL};
static const char *const sheet_keys[] = {"format", "name", "encoding", "header_rows",
    "formula_guard", NULL};
static const char *const column_keys[] = {"id", "ref", "official_ref", "title", "text", "tags",
    "flag", "note", "links", "parent", "provenance", "provenance_confidence", "provenance_source",
    "provenance_file", "provenance_row", "provenance_inferred", NULL};
static const char *const colref_keys[] = {"header", "column", "pattern", "format", "fill_down",
    "split", NULL};
static const char *const group_keys[] = {"id", "title", "ref", "id_prefix", NULL};
static const char *const level_keys[] = {"column", "columns", "names", "marks", "blanks",
    "split", "multiple", "missing", NULL};
static const char *const crosswalk_keys[] = {"id", "title", "description", "target", "columns",
    "pattern", "separator", "levels", "none", "relationship", "strength", "rationale",
    "status", "provenance", "note_prefix", "level_note_prefix", NULL};
static const char *const links_keys[] = {"columns", "pattern", NULL};

static const char *const relationship_names[] = {"equal", "subset-of", "superset-of",
    "intersects-with", "no-relationship"};
static const char *const rationale_names[] = {NULL, "syntactic", "semantic", "functional"};
static const char *const status_names[] = {NULL, "reviewed", "suggested", "unmapped"};

/* Defaults (docs/import.md lists them). */
static const char *const default_marks[] = {"○", "◯", "〇", "●", "◎", "✓", "✔", "レ"};
static const char *const default_blanks[] = {"-", "ー", "―", "—", "×", "✕"};
static const char *const default_none[] = {"-", "ー", "―", "—", "なし", "該当なし"};
#define DEFAULT_LEVEL_SPLIT "[,、/・]"
#define DEFAULT_LIST_SPLIT "[,、\\n]"
#define DEFAULT_XW_PATTERN \
	"(?i)(?:No\\.?\\s*)?(?<id>[0-9]+(?:-[0-9]+)*)(?:\\s*\\(\\s*(?<level>LV\\s*[0-9]+)\\s*\\))?"
#define DEFAULT_XW_SEPARATOR "[\\s,、;・]+"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* "A", "AB" … → column number (0 when not letters). */
static unsigned
column_letters(const char *s)
{
	unsigned v = 0;
	if (*s == '\0' || strlen(s) > 3)
		return 0;
	for (; *s; s++) {
		char c = *s >= 'a' && *s <= 'z' ? (char)(*s - 'a' + 'A') : *s;
		if (c < 'A' || c > 'Z')
			return 0;
		v = v * 26 + (unsigned)(c - 'A' + 1);
	}
	return v;
}

static bool
plain_number(const tg_node *n, unsigned *out)
{
	if (n->kind != TG_NODE_SCALAR || !n->plain || n->len == 0 || n->len > 5)
		return false;
	unsigned v = 0;
	for (size_t i = 0; i < n->len; i++) {
		if (n->str[i] < '0' || n->str[i] > '9')
			return false;
		v = v * 10 + (unsigned)(n->str[i] - '0');
	}
	*out = v;
	return true;
}

#define MAX_COLUMN 16384u	/* XFD, the last column of a spreadsheet */

/* A column: header text, a column number, or a mapping. */
static void
parse_col(tg_import_spec *s, const tg_node *n, const char *what, bool fill_down,
    tg_import_col *c)
{
	tg_load *l = &s->l;
	memset(c, 0, sizeof *c);
	c->what = what;
	c->pos = n->pos;
	c->fill_down = fill_down;
	unsigned num;
	if (plain_number(n, &num)) {
		if (num < 1 || num > MAX_COLUMN)
			tg_diag_error(l->diag, n->pos, "%s: column numbers run from 1 to %u", what,
			    MAX_COLUMN);
		else
			c->col = num, c->set = true;
		return;
	}
	if (n->kind == TG_NODE_SCALAR) {
		const char *h = tg_schema_scalar(l, n, what);
		if (h != NULL)
			c->header = h, c->set = true;
		return;
	}
	if (n->kind != TG_NODE_MAP) {
		tg_diag_error(l->diag, n->pos,
		    "%s must be a header text, a column number or a mapping, found a list", what);
		return;
	}
	tg_schema_map(l, n, what, colref_keys);
	const tg_node *h = tg_node_get(n, "header"), *col = tg_node_get(n, "column");
	bool ok = true;
	if ((h == NULL) == (col == NULL)) {
		tg_diag_error(l->diag, n->pos, "%s needs exactly one of 'header' and 'column'", what);
		ok = false;
	}
	if (h != NULL) {
		c->header = tg_schema_scalar(l, h, "'header'");
		ok = ok && c->header != NULL;
	}
	if (col != NULL) {
		if (plain_number(col, &num) && num >= 1 && num <= MAX_COLUMN) {
			c->col = num;
		} else if (col->kind == TG_NODE_SCALAR && (num = column_letters(col->str)) >= 1 &&
		    num <= MAX_COLUMN) {
			c->col = num;
		} else {
			tg_diag_error(l->diag, col->pos,
			    "'column' must be a column number (1-%u) or letters (A, B, … XFD), found '%s'",
			    MAX_COLUMN, col->kind == TG_NODE_SCALAR ? col->str : tg_node_kind_name(col));
			ok = false;
		}
	}
	const tg_node *v;
	tg_buf name = TG_BUF_INIT;
	if ((v = tg_node_get(n, "pattern")) != NULL) {
		tg_buf_printf(&name, "%s.pattern", what);
		c->pattern = tg_import_re_compile(s, v,
		    tg_arena_strdup(tg_import_spec_arena(s), name.data), "value");
		ok = ok && c->pattern != NULL;
	}
	if ((v = tg_node_get(n, "split")) != NULL) {
		tg_buf_clear(&name);
		tg_buf_printf(&name, "%s.split", what);
		c->split = tg_import_re_compile(s, v, tg_arena_strdup(tg_import_spec_arena(s), name.data), NULL);
		ok = ok && c->split != NULL;
	}
	tg_buf_free(&name);
	c->format = tg_schema_str(l, n, "format", what, false);
	if (c->format != NULL && strstr(c->format, "{}") == NULL) {
		tg_diag_error(l->diag, tg_node_get(n, "format")->pos,
		    "'format' must contain {} where the cell's value goes (e.g. 'No.{}')");
		ok = false;
	}
	if ((v = tg_node_get(n, "fill_down")) != NULL)
		tg_schema_bool(l, v, "'fill_down'", &c->fill_down);
	c->set = ok;
}

static void
register_col(tg_import_spec *s, tg_import_col *c)
{
	if (c->set)
		TG_BUF_PUSH(&s->cols, tg_import_col *, c);
}

/* A list of strings (a single text is taken as a list of one). */
static const char **
str_list(tg_import_spec *s, const tg_node *n, const char *what, size_t *count)
{
	*count = 0;
	if (n->kind == TG_NODE_SCALAR) {
		const char *v = tg_schema_scalar(&s->l, n, what);
		if (v == NULL)
			return NULL;
		const char **out = TG_ARENA_ARRAY(tg_import_spec_arena(s), const char *, 1);
		out[0] = v;
		*count = 1;
		return out;
	}
	if (n->kind != TG_NODE_SEQ) {
		tg_diag_error(s->l.diag, n->pos, "%s must be a list, found a mapping", what);
		return NULL;
	}
	const char **out = TG_ARENA_ARRAY(tg_import_spec_arena(s), const char *, n->n);
	for (size_t i = 0; i < n->n; i++) {
		const char *v = tg_schema_scalar(&s->l, n->items[i], what);
		if (v != NULL)
			out[(*count)++] = v;
	}
	return out;
}

/* Normalised copies (marks and level spellings are compared normalised). */
static const char **
normalized_list(tg_import_spec *s, const char *const *in, size_t n)
{
	const char **out = TG_ARENA_ARRAY(tg_import_spec_arena(s), const char *, n ? n : 1);
	tg_buf b = TG_BUF_INIT;
	for (size_t i = 0; i < n; i++) {
		tg_buf_clear(&b);
		tg_sheet_normalize(in[i], &b);
		out[i] = tg_arena_strdup(tg_import_spec_arena(s), tg_buf_cstr(&b));
	}
	tg_buf_free(&b);
	return out;
}

static int
level_index(const tg_import_spec *s, const char *name)
{
	for (size_t i = 0; i < s->nlevels; i++)
		if (strcmp(s->levels[i], name) == 0)
			return (int)i;
	return -1;
}

static void
unknown_level(tg_import_spec *s, const tg_node *n, const char *name)
{
	tg_buf list = TG_BUF_INIT;
	for (size_t k = 0; k < s->nlevels; k++)
		tg_buf_printf(&list, "%s%s", k ? ", " : "", s->levels[k]);
	const char *near = tg_text_suggest(name, s->levels, s->nlevels);
	if (s->nlevels == 0)
		tg_diag_error(s->l.diag, n->pos, "level '%s': catalog.levels lists no levels", name);
	else if (near != NULL)
		tg_diag_error(s->l.diag, n->pos, "unknown level '%s' (did you mean '%s'? catalog.levels: %s)",
		    name, near, list.data);
	else
		tg_diag_error(s->l.diag, n->pos, "unknown level '%s' (catalog.levels: %s)", name,
		    list.data);
	tg_buf_free(&list);
}

static void
parse_catalog(tg_import_spec *s, const tg_node *n)
{
	tg_load *l = &s->l;
	if (!tg_schema_map(l, n, "catalog", catalog_keys))
		return;
	const tg_node *id = tg_node_get(n, "id");
	if (id == NULL) {
		if (!tg_schema_misspelt(n, "id"))
			tg_diag_error(l->diag, n->pos, "catalog has no 'id'");
	} else if (tg_schema_scalar(l, id, "catalog id") && tg_schema_object_id(l, id, "catalog id")) {
		s->id = id->str;
	}
	s->title = tg_schema_str(l, n, "title", "catalog", true);
	s->short_title = tg_schema_str(l, n, "short_title", "catalog", false);
	s->publisher = tg_schema_str(l, n, "publisher", "catalog", false);
	s->version = tg_schema_str(l, n, "version", "catalog", false);
	s->description = tg_schema_str(l, n, "description", "catalog", false);
	s->date = tg_schema_str(l, n, "date", "catalog", false);
	if (s->date != NULL && !tg_schema_is_date(s->date))
		tg_diag_error(l->diag, tg_node_get(n, "date")->pos,
		    "date '%s' is not YYYY-MM-DD, YYYY-MM or YYYY", s->date);
	tg_pos *lpos;
	s->levels = tg_schema_strlist(l, n, "levels", "catalog", &s->nlevels, &lpos);
	for (size_t i = 0; i < s->nlevels; i++) {
		if (strcmp(s->levels[i], "unknown") == 0)
			tg_diag_error(l->diag, lpos[i], "'unknown' is reserved and cannot be a level name");
		for (size_t k = 0; k < i; k++)
			if (strcmp(s->levels[i], s->levels[k]) == 0)
				tg_diag_error(l->diag, lpos[i], "level '%s' is listed twice", s->levels[i]);
	}
	const tg_node *prov = tg_node_get(n, "provenance");
	if (prov != NULL)
		s->has_prov = tg_schema_provenance(l, prov, &s->prov);
	const tg_node *meta = tg_node_get(n, "meta");
	if (meta != NULL && meta->kind != TG_NODE_MAP)
		tg_diag_error(l->diag, meta->pos, "'meta' must be a mapping");
	else
		s->meta = meta;
}

static void
parse_sheet(tg_import_spec *s, const tg_node *n)
{
	tg_load *l = &s->l;
	if (!tg_schema_map(l, n, "sheet", sheet_keys))
		return;
	const tg_node *v;
	if ((v = tg_node_get(n, "format")) != NULL) {
		static const char *const formats[] = {"csv", "tsv", "xlsx"};
		static const tg_sheet_format values[] = {TG_SHEET_FORMAT_CSV, TG_SHEET_FORMAT_TSV,
		    TG_SHEET_FORMAT_XLSX};
		int f = tg_schema_enum(l, v, "sheet format", formats, 3);
		if (f >= 0)
			s->format = values[f];
	}
	s->sheet_name = tg_schema_str(l, n, "name", "sheet", false);
	if ((v = tg_node_get(n, "encoding")) != NULL) {
		static const char *const encodings[] = {"auto", "utf-8", "cp932"};
		int e = tg_schema_enum(l, v, "encoding", encodings, 3);
		if (e >= 0)
			s->encoding = e == 0 ? TG_SHEET_AUTO : e == 1 ? TG_SHEET_UTF8 : TG_SHEET_CP932;
	}
	long rows;
	if ((v = tg_node_get(n, "header_rows")) != NULL &&
	    tg_schema_int(l, v, "'header_rows'", 0, 100, &rows))
		s->header_rows = (unsigned)rows;
	if ((v = tg_node_get(n, "formula_guard")) != NULL)
		tg_schema_bool(l, v, "'formula_guard'", &s->formula_guard);
}

static void
parse_columns(tg_import_spec *s, const tg_node *n)
{
	tg_load *l = &s->l;
	if (!tg_schema_map(l, n, "columns", column_keys))
		return;
	struct {
		const char *key;
		tg_import_col *col;
	} map[] = {{"id", &s->c_id}, {"ref", &s->c_ref}, {"official_ref", &s->c_official_ref},
	    {"title", &s->c_title},
	    {"text", &s->c_text}, {"tags", &s->c_tags}, {"flag", &s->c_flag}, {"note", &s->c_note},
	    {"links", &s->c_links}, {"parent", &s->c_parent},
	    {"provenance", &s->c_prov[TG_IMPORT_PROV_KIND]},
	    {"provenance_confidence", &s->c_prov[TG_IMPORT_PROV_CONFIDENCE]},
	    {"provenance_source", &s->c_prov[TG_IMPORT_PROV_SOURCE]},
	    {"provenance_file", &s->c_prov[TG_IMPORT_PROV_FILE]},
	    {"provenance_row", &s->c_prov[TG_IMPORT_PROV_ROW]},
	    {"provenance_inferred", &s->c_prov[TG_IMPORT_PROV_INFERRED]}};
	for (size_t i = 0; i < COUNT(map); i++) {
		const tg_node *v = tg_node_get(n, map[i].key);
		if (v == NULL)
			continue;
		tg_buf what = TG_BUF_INIT;
		tg_buf_printf(&what, "columns.%s", map[i].key);
		parse_col(s, v, tg_arena_strdup(tg_import_spec_arena(s), what.data), false, map[i].col);
		tg_buf_free(&what);
		register_col(s, map[i].col);
	}
	if (tg_node_get(n, "id") == NULL && !tg_schema_misspelt(n, "id"))
		tg_diag_error(l->diag, n->pos, "columns has no 'id' (the column holding item ids)");
	if (s->c_prov[TG_IMPORT_PROV_KIND].set)
		return;
	for (int k = 1; k < TG_IMPORT_PROV_COUNT; k++)
		if (s->c_prov[k].set)
			tg_diag_error(l->diag, s->c_prov[k].pos,
			    "%s needs columns.provenance (the column giving the kind)", s->c_prov[k].what);
}

static void
parse_groups(tg_import_spec *s, const tg_node *n)
{
	tg_load *l = &s->l;
	if (n->kind != TG_NODE_SEQ) {
		tg_diag_error(l->diag, n->pos, "'groups' must be a list (outermost group first), found %s",
		    tg_node_kind_name(n));
		return;
	}
	s->groups = TG_ARENA_ARRAY(tg_import_spec_arena(s), tg_import_group, n->n);
	for (size_t i = 0; i < n->n; i++) {
		const tg_node *g = n->items[i];
		tg_import_group *gr = &s->groups[s->ngroups];
		if (!tg_schema_map(l, g, "group", group_keys))
			continue;
		s->ngroups++;
		const char *const parts[] = {"id", "title", "ref"};
		tg_import_col *cols[] = {&gr->id, &gr->title, &gr->ref};
		for (size_t k = 0; k < 3; k++) {
			const tg_node *v = tg_node_get(g, parts[k]);
			if (v == NULL)
				continue;
			tg_buf what = TG_BUF_INIT;
			tg_buf_printf(&what, "groups[%zu].%s", i + 1, parts[k]);
			parse_col(s, v, tg_arena_strdup(tg_import_spec_arena(s), what.data), true, cols[k]);
			tg_buf_free(&what);
			register_col(s, cols[k]);
		}
		if (tg_node_get(g, "title") == NULL && !tg_schema_misspelt(g, "title"))
			tg_diag_error(l->diag, g->pos, "group %zu has no 'title' (the column naming the group)",
			    i + 1);
		gr->id_prefix = tg_schema_str(l, g, "id_prefix", "group", false);
		if (gr->id_prefix != NULL && tg_node_get(g, "id") != NULL)
			tg_diag_error(l->diag, tg_node_get(g, "id_prefix")->pos,
			    "'id_prefix' names generated ids, for groups without an 'id' column");
		if (gr->id_prefix == NULL) {
			tg_buf p = TG_BUF_INIT;
			tg_buf_printf(&p, "g%zu-", i + 1);
			gr->id_prefix = tg_arena_strdup(tg_import_spec_arena(s), p.data);
			tg_buf_free(&p);
		} else {
			tg_buf p = TG_BUF_INIT;
			tg_buf_printf(&p, "%s1", gr->id_prefix);
			if (!tg_schema_is_item_id(p.data))
				tg_diag_error(l->diag, tg_node_get(g, "id_prefix")->pos,
				    "'id_prefix' '%s' does not make valid item ids (letters, digits, '.', '_', "
				    "'-', '/'; starting with a letter or digit)", gr->id_prefix);
			tg_buf_free(&p);
		}
	}
}

static void
parse_level(tg_import_spec *s, const tg_node *n)
{
	tg_load *l = &s->l;
	if (!tg_schema_map(l, n, "level", level_keys))
		return;
	const tg_node *col = tg_node_get(n, "column"), *cols = tg_node_get(n, "columns");
	if (col != NULL && cols != NULL)
		tg_diag_error(l->diag, cols->pos,
		    "give either 'column' (one column naming the level) or 'columns' (a column per "
		    "level), not both");
	if (col == NULL && cols == NULL)
		tg_diag_error(l->diag, n->pos, "level needs 'column' or 'columns'");
	if (col != NULL) {
		parse_col(s, col, "level.column", false, &s->c_level);
		register_col(s, &s->c_level);
	} else if (cols != NULL) {
		s->per_level = true;
		s->c_levels = TG_ARENA_ARRAY(tg_import_spec_arena(s), tg_import_col, s->nlevels ? s->nlevels : 1);
		if (cols->kind != TG_NODE_MAP) {
			tg_diag_error(l->diag, cols->pos,
			    "level.columns must be a mapping from level names to columns ({LV1: 対応LV1, …})");
		} else {
			for (size_t i = 0; i < cols->n; i++) {
				const tg_node *k = tg_node_key(cols, i);
				int li = level_index(s, k->str);
				if (li < 0) {
					unknown_level(s, k, k->str);
					continue;
				}
				tg_buf what = TG_BUF_INIT;
				tg_buf_printf(&what, "level.columns.%s", k->str);
				parse_col(s, tg_node_value(cols, i), tg_arena_strdup(tg_import_spec_arena(s), what.data), false,
				    &s->c_levels[li]);
				tg_buf_free(&what);
				register_col(s, &s->c_levels[li]);
			}
		}
	}
	const tg_node *v;
	if ((v = tg_node_get(n, "names")) != NULL) {
		if (v->kind != TG_NODE_MAP) {
			tg_diag_error(l->diag, v->pos,
			    "level.names must be a mapping from spellings to level names ({\"1\": LV1})");
		} else {
			s->names = TG_ARENA_ARRAY(tg_import_spec_arena(s), tg_import_name, v->n ? v->n : 1);
			tg_buf b = TG_BUF_INIT;
			for (size_t i = 0; i < v->n; i++) {
				const tg_node *k = tg_node_key(v, i), *val = tg_node_value(v, i);
				const char *name = tg_schema_scalar(l, val, "a level name");
				if (name == NULL || k->kind != TG_NODE_SCALAR)
					continue;
				int li = tg_node_is_word(val, "unknown") ? TG_LEVEL_UNKNOWN : level_index(s, name);
				if (li == -1) {
					unknown_level(s, val, name);
					continue;
				}
				tg_buf_clear(&b);
				tg_sheet_normalize(k->str, &b);
				s->names[s->nnames].key = tg_arena_strdup(tg_import_spec_arena(s), tg_buf_cstr(&b));
				s->names[s->nnames++].level = li;
			}
			tg_buf_free(&b);
		}
	}
	if ((v = tg_node_get(n, "marks")) != NULL) {
		const char **m = str_list(s, v, "an entry of level.marks", &s->nmarks);
		s->marks = normalized_list(s, m, s->nmarks);
	}
	if ((v = tg_node_get(n, "blanks")) != NULL) {
		const char **m = str_list(s, v, "an entry of level.blanks", &s->nblanks);
		s->blanks = normalized_list(s, m, s->nblanks);
	}
	if ((v = tg_node_get(n, "split")) != NULL)
		s->level_split = tg_import_re_compile(s, v, "level.split", NULL);
	if ((v = tg_node_get(n, "multiple")) != NULL) {
		static const char *const names[] = {"lowest", "list"};
		int m = tg_schema_enum(l, v, "level.multiple", names, 2);
		if (m >= 0)
			s->multiple = (tg_import_multiple)m;
		if (m == TG_IMPORT_LIST && !s->c_flag.set)
			tg_diag_error(l->diag, v->pos,
			    "'multiple: list' records disagreeing sources, which need a flag: map "
			    "columns.flag too");
	}
	if ((v = tg_node_get(n, "missing")) != NULL) {
		static const char *const names[] = {"none", "unknown", "error"};
		int m = tg_schema_enum(l, v, "level.missing", names, 3);
		if (m >= 0)
			s->missing = (tg_import_missing)m;
	}
}

static tg_import_col *
parse_col_list(tg_import_spec *s, const tg_node *n, const char *what, size_t *count)
{
	*count = 0;
	const tg_node *one = n;
	size_t total = n->kind == TG_NODE_SEQ ? n->n : 1;
	tg_import_col *out = TG_ARENA_ARRAY(tg_import_spec_arena(s), tg_import_col, total);
	for (size_t i = 0; i < total; i++) {
		const tg_node *item = n->kind == TG_NODE_SEQ ? n->items[i] : one;
		parse_col(s, item, what, false, &out[*count]);
		if (out[*count].set)
			(*count)++;
	}
	for (size_t i = 0; i < *count; i++)
		register_col(s, &out[i]);
	return out;
}

static void
parse_crosswalk(tg_import_spec *s, const tg_node *n)
{
	tg_load *l = &s->l;
	if (!tg_schema_map(l, n, "crosswalk", crosswalk_keys))
		return;
	s->has_xw = true;
	const tg_node *v;
	if ((v = tg_node_get(n, "id")) != NULL && tg_schema_scalar(l, v, "crosswalk id") &&
	    tg_schema_object_id(l, v, "crosswalk id"))
		s->xw_id = v->str;
	s->xw_title = tg_schema_str(l, n, "title", "crosswalk", false);
	s->xw_description = tg_schema_str(l, n, "description", "crosswalk", false);
	if ((v = tg_node_get(n, "target")) == NULL) {
		if (!tg_schema_misspelt(n, "target"))
			tg_diag_error(l->diag, n->pos, "crosswalk has no 'target' (the catalog the references name)");
	} else if (tg_schema_scalar(l, v, "crosswalk target") &&
	    tg_schema_object_id(l, v, "crosswalk target")) {
		s->xw_target = v->str;
	}
	if ((v = tg_node_get(n, "columns")) == NULL) {
		if (!tg_schema_misspelt(n, "columns"))
			tg_diag_error(l->diag, n->pos, "crosswalk has no 'columns' (the reference columns)");
	} else {
		s->xw_cols = parse_col_list(s, v, "crosswalk.columns", &s->nxw_cols);
	}
	v = tg_node_get(n, "pattern");
	s->xw_pattern = v ? tg_import_re_compile(s, v, "crosswalk.pattern", "id")
	    : tg_import_re_default(s, DEFAULT_XW_PATTERN, "id");
	v = tg_node_get(n, "separator");
	s->xw_separator = v ? tg_import_re_compile(s, v, "crosswalk.separator", NULL)
	    : tg_import_re_default(s, DEFAULT_XW_SEPARATOR, NULL);
	if ((v = tg_node_get(n, "levels")) != NULL)
		s->xw_levels = str_list(s, v, "an entry of crosswalk.levels", &s->nxw_levels);
	if ((v = tg_node_get(n, "none")) != NULL) {
		const char **m = str_list(s, v, "an entry of crosswalk.none", &s->nxw_none);
		s->xw_none = normalized_list(s, m, s->nxw_none);
	} else {
		s->nxw_none = COUNT(default_none);
		s->xw_none = normalized_list(s, default_none, s->nxw_none);
	}
	s->xw_relationship = TG_REL_INTERSECTS_WITH;
	if ((v = tg_node_get(n, "relationship")) != NULL) {
		int r = tg_schema_enum(l, v, "relationship", relationship_names, TG_REL_COUNT);
		if (r >= 0)
			s->xw_relationship = r;
	}
	s->xw_strength = -1;
	long st;
	if ((v = tg_node_get(n, "strength")) != NULL && tg_schema_int(l, v, "strength", 0, 10, &st))
		s->xw_strength = (int)st;
	if ((v = tg_node_get(n, "rationale")) != NULL) {
		int r = tg_schema_enum(l, v, "rationale", rationale_names, 4);
		if (r > 0)
			s->xw_rationale = r;
	}
	s->xw_status = TG_STATUS_SUGGESTED;
	if ((v = tg_node_get(n, "status")) != NULL) {
		int r = tg_schema_enum(l, v, "status", status_names, 4);
		if (r == TG_STATUS_UNMAPPED)
			tg_diag_error(l->diag, v->pos,
			    "status 'unmapped' is for rows without targets; imported rows have targets "
			    "(use suggested or reviewed)");
		else if (r > 0)
			s->xw_status = r;
		if (r == TG_STATUS_REVIEWED && (s->xw_strength < 0 || s->xw_rationale == TG_RAT_UNSET))
			tg_diag_error(l->diag, v->pos,
			    "status 'reviewed' needs 'strength' and 'rationale' (every reviewed target has them)");
	}
	if ((v = tg_node_get(n, "provenance")) != NULL)
		s->has_xw_prov = tg_schema_provenance(l, v, &s->xw_prov);
	s->xw_note_prefix = tg_schema_str(l, n, "note_prefix", "crosswalk", false);
	if (s->xw_note_prefix == NULL)
		s->xw_note_prefix = "元の記載: ";
	s->xw_level_note_prefix = tg_schema_str(l, n, "level_note_prefix", "crosswalk", false);
	if (s->xw_level_note_prefix == NULL)
		s->xw_level_note_prefix = "記載レベル: ";
}

static void
parse_links(tg_import_spec *s, const tg_node *n)
{
	tg_load *l = &s->l;
	if (!tg_schema_map(l, n, "links", links_keys))
		return;
	s->has_links = true;
	const tg_node *v = tg_node_get(n, "columns");
	if (v != NULL)
		s->link_cols = parse_col_list(s, v, "links.columns", &s->nlink_cols);
	if ((v = tg_node_get(n, "pattern")) == NULL) {
		if (!tg_schema_misspelt(n, "pattern"))
			tg_diag_error(l->diag, n->pos,
			    "links has no 'pattern' (a PCRE2 pattern whose group 'id' is the item referred to)");
	} else {
		s->link_pattern = tg_import_re_compile(s, v, "links.pattern", "id");
	}
}

int
tg_import_spec_read(const char *path, tg_diag *diag, tg_import_spec **out)
{
	tg_buf text = TG_BUF_INIT;
	*out = NULL;
	tg_fs_status st = tg_fs_read(path, TG_FS_MAX_INPUT, &text);
	if (st != TG_FS_OK) {
		if (st == TG_FS_TOO_BIG)
			tg_diag_error(diag, tg_pos_at(path, 0, 0), "file is larger than the %u MiB limit",
			    TG_FS_MAX_INPUT / (1024u * 1024u));
		else
			tg_diag_error(diag, tg_pos_at(path, 0, 0), "cannot read: %s", strerror(errno));
		tg_buf_free(&text);
		return st == TG_FS_TOO_BIG ? TG_EXIT_INVALID : TG_EXIT_IO;
	}
	tg_import_spec *s = tg_xcalloc(1, sizeof *s);
	*out = s;
	s->data = tg_data_new(NULL);
	s->file = tg_arena_strdup(tg_import_spec_arena(s), path);
	s->len = text.len;
	s->text = tg_buf_detach(&text);
	s->l.data = s->data;
	s->l.diag = diag;
	s->l.file = s->l.path = s->file;
	s->header_rows = 1;
	s->encoding = TG_SHEET_AUTO;
	size_t before = tg_diag_errors(diag);
	tg_diag_add_source(diag, s->file, s->text, s->len);
	tg_node *root = tg_yaml_parse(tg_import_spec_arena(s), diag, s->file, s->text, s->len);
	if (root == NULL)
		return TG_EXIT_INVALID;
	tg_load *l = &s->l;
	if (!tg_schema_map(l, root, "import spec", spec_keys))
		return TG_EXIT_INVALID;
	const tg_node *v = tg_node_get(root, "kind");
	if (v == NULL) {
		if (!tg_schema_misspelt(root, "kind"))
			tg_diag_error(diag, root->pos, "import spec has no 'kind' (write 'kind: import')");
	} else if (!tg_node_is_word(v, "import")) {
		tg_diag_error(diag, v->pos, "an import spec has 'kind: import', found '%s'%s",
		    v->kind == TG_NODE_SCALAR ? v->str : tg_node_kind_name(v),
		    v->kind == TG_NODE_SCALAR && strcmp(v->str, "catalog") == 0 ?
		    " (this is a catalog, not an import spec)" : "");
	}
	if ((v = tg_node_get(root, "strict")) != NULL)
		tg_schema_bool(&s->l, v, "'strict'", &s->strict);
	if ((v = tg_node_get(root, "catalog")) != NULL)
		parse_catalog(s, v);
	else if (!tg_schema_misspelt(root, "catalog"))
		tg_diag_error(diag, root->pos, "import spec has no 'catalog' (id, title, levels … of the catalog made)");
	if ((v = tg_node_get(root, "sheet")) != NULL)
		parse_sheet(s, v);
	if ((v = tg_node_get(root, "columns")) != NULL)
		parse_columns(s, v);
	else if (!tg_schema_misspelt(root, "columns"))
		tg_diag_error(diag, root->pos, "import spec has no 'columns' (at least the id column)");
	if ((v = tg_node_get(root, "groups")) != NULL)
		parse_groups(s, v);
	if ((v = tg_node_get(root, "parent_pattern")) != NULL)
		s->parent_pattern = tg_import_re_compile(s, v, "parent_pattern", "parent");
	if ((v = tg_node_get(root, "level")) != NULL)
		parse_level(s, v);
	if ((v = tg_node_get(root, "crosswalk")) != NULL)
		parse_crosswalk(s, v);
	if ((v = tg_node_get(root, "links")) != NULL)
		parse_links(s, v);

	if (s->c_parent.set && s->parent_pattern != NULL)
		tg_diag_error(diag, s->c_parent.pos,
		    "give either columns.parent or parent_pattern, not both");
	if (s->marks == NULL) {
		s->nmarks = COUNT(default_marks);
		s->marks = normalized_list(s, default_marks, s->nmarks);
	}
	if (s->blanks == NULL) {
		s->nblanks = COUNT(default_blanks);
		s->blanks = normalized_list(s, default_blanks, s->nblanks);
	}
	if (s->level_split == NULL && tg_diag_errors(diag) == before)
		s->level_split = tg_import_re_default(s, DEFAULT_LEVEL_SPLIT, NULL);
	if (s->has_links && s->nlink_cols == 0) {
		/* In-text references live in the text (else the title). */
		tg_import_col *src = s->c_text.set ? &s->c_text : s->c_title.set ? &s->c_title : NULL;
		if (src == NULL) {
			if (tg_node_get(root, "columns") != NULL)
				tg_diag_error(diag, tg_node_get(root, "links")->pos,
				    "links has no 'columns' and there is no text or title column to search");
		} else {
			s->link_cols = TG_ARENA_NEW(tg_import_spec_arena(s), tg_import_col);
			*s->link_cols = *src;
			s->link_cols->pattern = NULL;
			s->link_cols->format = NULL;
			s->nlink_cols = 1;
			register_col(s, s->link_cols);
		}
	}
	/* List columns split on commas and line breaks unless told otherwise. */
	tg_import_col *lists[] = {&s->c_tags, &s->c_links};
	for (size_t i = 0; i < COUNT(lists); i++)
		if (lists[i]->set && lists[i]->split == NULL && tg_diag_errors(diag) == before)
			lists[i]->split = tg_import_re_default(s, DEFAULT_LIST_SPLIT, NULL);
	if (s->header_rows == 0) {
		for (size_t i = 0; i < TG_BUF_COUNT(&s->cols, tg_import_col *); i++) {
			tg_import_col *c = TG_BUF_AT(&s->cols, tg_import_col *, i);
			if (c->header != NULL)
				tg_diag_error(diag, c->pos,
				    "%s is named by its header, but sheet.header_rows is 0", c->what);
		}
	}
	return tg_diag_errors(diag) > before ? TG_EXIT_INVALID : TG_EXIT_OK;
}

void
tg_import_spec_free(tg_import_spec *s)
{
	if (s == NULL)
		return;
	for (size_t i = 0; i < TG_BUF_COUNT(&s->regexes, tg_import_re *); i++) {
		tg_import_re *re = TG_BUF_AT(&s->regexes, tg_import_re *, i);
		pcre2_match_data_free(re->md);
		pcre2_code_free(re->code);
	}
	tg_buf_free(&s->regexes);
	tg_buf_free(&s->cols);
	tg_data_free(s->data);
	free(s->text);
	free(s);
}
