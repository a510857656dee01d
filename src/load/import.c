/* `import`: the rows of a sheet → items (group items from group columns,
 * one item per data row), then parents, links and crosswalk rows, then the
 * catalog (and crosswalk) YAML.  Nothing is written when anything is wrong:
 * every problem is reported, positioned FILE:ROW:COL in the sheet or
 * FILE:LINE:COL in the spec. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "import.h"
#include "load.h"
#include "../util/csv.h"
#include "../util/text.h"
#include "../util/yamlw.h"

/* Deeper trees would exceed the YAML nesting limit once written nested. */
#define MAX_DEPTH 24

typedef struct xw_ref {
	const char *target;
	const char *level;	/* as cited, or NULL */
} xw_ref;

typedef struct item item;
struct item {
	const char *id, *ref, *title, *text, *flag, *note;
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

static tg_pos
cell_pos(const importer *im, unsigned row, unsigned col)
{
	return tg_pos_at(im->file, row, col);
}

static const char *
dup(importer *im, const char *s, size_t len)
{
	return tg_arena_strndup(&im->arena, s, len);
}

/* A cell's text; with sheet.formula_guard, the apostrophe `totsugo export`
 * puts before a cell a spreadsheet would run as a formula is taken off. */
static const char *
cell(const importer *im, const tg_sheet_row *r, unsigned col)
{
	const char *t = tg_sheet_cell_text(r, col);
	if (im->s->formula_guard && t[0] == '\'') {
		const char *p = t;
		while (*p == '\'')
			p++;
		if (tg_sheet_is_risky(p))
			t++;
	}
	return t;
}

/* Trims ASCII white space (what normalisation leaves) off b from `from` on. */
static void
trim_buf(tg_buf *b, size_t from)
{
	if (b->data == NULL)
		return;
	size_t s = from, e = b->len;
	while (s < e && (b->data[s] == ' ' || (b->data[s] >= '\t' && b->data[s] <= '\r')))
		s++;
	while (e > s && (b->data[e - 1] == ' ' || (b->data[e - 1] >= '\t' && b->data[e - 1] <= '\r')))
		e--;
	memmove(b->data + from, b->data + s, e - s);
	b->len = from + (e - s);
	b->data[b->len] = '\0';
}

/* "No.{}" with the value in place of {}. */
static const char *
apply_format(importer *im, const char *format, const char *v, size_t len)
{
	tg_buf b = TG_BUF_INIT;
	const char *at = strstr(format, "{}");
	tg_buf_put(&b, format, (size_t)(at - format));
	tg_buf_put(&b, v, len);
	tg_buf_puts(&b, at + 2);
	const char *out = dup(im, b.data, b.len);
	tg_buf_free(&b);
	return out;
}

/* The value of column c on row r: ids, refs and marks normalised (norm),
 * titles and texts as written; the spec's pattern extracts it and its
 * format wraps it.  With fill_down a blank cell repeats the last value
 * above.  NULL when blank, or when the cell does not match the pattern
 * (reported once per cell). */
static const char *
col_value(importer *im, tg_import_col *c, const tg_sheet_row *r, bool norm)
{
	if (!c->set)
		return NULL;
	const char *raw = cell(im, r, c->col);
	if (tg_sheet_blank(raw))
		return c->fill_down && c->last_row > 0 && !c->last_bad ? c->last : NULL;
	tg_buf *b = &im->tmp;
	tg_buf_clear(b);
	if (norm)
		tg_sheet_normalize(raw, b);
	else
		tg_buf_puts(b, raw);
	const char *v = tg_buf_cstr(b);
	size_t vb = 0, ve = b->len;
	const char *out = NULL;
	bool bad = false;
	if (c->pattern != NULL) {
		if (!tg_import_re_match(c->pattern, v, b->len, 0)) {
			tg_diag_error(im->diag, cell_pos(im, r->row, c->col),
			    "'%s' does not match the pattern of %s ('%s')", raw, c->what, c->pattern->source);
			bad = true;
		} else if (!tg_import_re_group(c->pattern, c->pattern->group, &vb, &ve)) {
			vb = ve = 0;
		}
	}
	if (!bad) {
		if (norm) {
			while (vb < ve && v[vb] == ' ')
				vb++;
			while (ve > vb && v[ve - 1] == ' ')
				ve--;
		}
		if (ve > vb)
			out = c->format ? apply_format(im, c->format, v + vb, ve - vb) : dup(im, v + vb, ve - vb);
	}
	if (c->fill_down) {
		c->last = out;
		c->last_bad = bad;
		c->last_row = r->row;
	}
	return out;
}

static void
reset_fill(tg_import_col *c)
{
	c->last = NULL;
	c->last_bad = false;
	c->last_row = 0;
}

/* Splits column c's cell of row r on its split pattern; entries trimmed
 * (and normalised when norm), blank ones dropped.  Returns the entries in
 * the arena. */
static const char **
col_list(importer *im, tg_import_col *c, const tg_sheet_row *r, bool norm, size_t *count)
{
	*count = 0;
	if (!c->set)
		return NULL;
	const char *raw = cell(im, r, c->col);
	if (tg_sheet_blank(raw))
		return NULL;
	tg_buf_clear(&im->list);
	size_t len = strlen(raw), pos = 0;
	tg_buf e = TG_BUF_INIT;
	for (;;) {
		size_t b = len, end = len;
		if (pos < len && tg_import_re_match(c->split, raw, len, pos)) {
			tg_import_re_group(c->split, 0, &b, &end);
			if (end == b)	/* a pattern matching nothing splits nothing */
				b = end = len;
		}
		tg_buf_clear(&e);
		if (norm) {
			tg_buf part = TG_BUF_INIT;
			tg_buf_put(&part, raw + pos, b - pos);
			tg_sheet_normalize(tg_buf_cstr(&part), &e);
			tg_buf_free(&part);
		} else {
			tg_buf_put(&e, raw + pos, b - pos);
			trim_buf(&e, 0);
		}
		if (e.len > 0) {
			const char *v = dup(im, e.data, e.len);
			TG_BUF_PUSH(&im->list, const char *, v);
		}
		if (b >= len)
			break;
		pos = end;
	}
	tg_buf_free(&e);
	*count = TG_BUF_COUNT(&im->list, const char *);
	const char **out = TG_ARENA_ARRAY(&im->arena, const char *, *count ? *count : 1);
	memcpy(out, im->list.data, *count * sizeof *out);
	return out;
}

static bool
in_list(const char *s, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(s, list[i]) == 0)
			return true;
	return false;
}

/* Registers an id; a second use is an error naming both rows. */
static bool
claim_id(importer *im, item *it, unsigned col)
{
	item *first = tg_map_put(&im->by_id, it->id, it);
	if (first == NULL)
		return true;
	if (first->group || it->group)
		tg_diag_error(im->diag, cell_pos(im, it->row, col),
		    "duplicate id '%s': rows %u and %u (%s on row %u, %s on row %u)", it->id, first->row,
		    it->row, first->group ? "a group" : "an item", first->row,
		    it->group ? "a group" : "an item", it->row);
	else
		tg_diag_error(im->diag, cell_pos(im, it->row, col), "duplicate id '%s': rows %u and %u",
		    it->id, first->row, it->row);
	return false;
}

static item *
new_item(importer *im, unsigned row, unsigned col)
{
	item *it = TG_ARENA_NEW(&im->arena, item);
	it->row = row;
	it->col = col;
	it->level = TG_LEVEL_NONE;
	it->prov.kind = TG_PROV_IMPORTED;
	it->prov.file = im->base;
	it->prov.row = row;
	it->seq = TG_BUF_COUNT(&im->items, item *);
	TG_BUF_PUSH(&im->items, item *, it);
	return it;
}

static bool
cells_blank(const importer *im, const tg_import_col *c, const tg_sheet_row *r)
{
	return !c->set || tg_sheet_blank(cell(im, r, c->col));
}

/* The groups of a row, outermost first; returns the innermost (NULL: none). */
static item *
read_groups(importer *im, const tg_sheet_row *r)
{
	tg_import_spec *s = im->s;
	item *parent = NULL;
	for (size_t g = 0; g < s->ngroups; g++) {
		tg_import_group *gr = &s->groups[g];
		bool fresh = !cells_blank(im, &gr->id, r) || !cells_blank(im, &gr->title, r);
		if (fresh) {
			/* A new outer group: what inner groups filled down is over. */
			for (size_t h = g + 1; h < s->ngroups; h++) {
				reset_fill(&s->groups[h].id);
				reset_fill(&s->groups[h].title);
				reset_fill(&s->groups[h].ref);
			}
		}
		const char *title = col_value(im, &gr->title, r, false);
		const char *id = col_value(im, &gr->id, r, true);
		const char *ref = col_value(im, &gr->ref, r, true);
		if (gr->id.set && id == NULL) {
			if (title != NULL && fresh && cells_blank(im, &gr->id, r))
				tg_diag_error(im->diag, cell_pos(im, r->row, gr->id.col),
				    "group '%s' has no id (%s is blank)", title, gr->id.what);
			continue;
		}
		if (id == NULL && title == NULL)
			continue;
		/* The same group on several rows (merged cells, or repeated on
		 * every row) is one item. */
		tg_buf key = TG_BUF_INIT;
		if (id != NULL) {
			tg_buf_printf(&key, "id\x1f%s", id);
		} else {
			tg_buf_printf(&key, "%zu\x1f%s\x1f", g, parent ? parent->id : "");
			tg_sheet_header_key(title, &key);
		}
		item *it = tg_map_get(&im->groups, key.data);
		unsigned col = gr->id.set ? gr->id.col : gr->title.col;
		if (it != NULL) {
			tg_buf a = TG_BUF_INIT, b = TG_BUF_INIT;
			if (title != NULL && it->title != NULL) {
				tg_sheet_header_key(title, &a);
				tg_sheet_header_key(it->title, &b);
			}
			if (fresh && strcmp(tg_buf_cstr(&a), tg_buf_cstr(&b)) != 0)
				tg_diag_error(im->diag, cell_pos(im, r->row, gr->title.col),
				    "group '%s' is titled '%s' here but '%s' on row %u", it->id, title,
				    it->title, it->row);
			else if (fresh && it->parent != parent)
				tg_diag_error(im->diag, cell_pos(im, r->row, col),
				    "group '%s' is under '%s' here but under '%s' on row %u", it->id,
				    parent ? parent->id : "(top)", it->parent ? it->parent->id : "(top)", it->row);
			tg_buf_free(&a);
			tg_buf_free(&b);
		} else {
			it = new_item(im, r->row, col);
			it->group = true;
			it->title = title;
			it->ref = ref;
			it->parent = parent;
			if (id != NULL) {
				it->id = id;
			} else {
				tg_buf gid = TG_BUF_INIT;
				tg_buf_printf(&gid, "%s%zu", gr->id_prefix, ++gr->generated);
				it->id = dup(im, gid.data, gid.len);
				tg_buf_free(&gid);
			}
			const char *k = dup(im, key.data, key.len);
			tg_map_put(&im->groups, k, it);
			if (!tg_schema_is_item_id(it->id))
				tg_diag_error(im->diag, cell_pos(im, r->row, col),
				    "group id '%s' is not a valid item id (letters, digits, '.', '_', '-', '/'; "
				    "starting with a letter or digit)", it->id);
			else
				claim_id(im, it, col);
		}
		tg_buf_free(&key);
		parent = it;
	}
	return parent;
}

static int
level_by_name(const importer *im, const char *v, const char *const *levels, size_t n)
{
	tg_buf a = TG_BUF_INIT;
	int found = -1;
	for (size_t i = 0; i < n && found < 0; i++) {
		tg_buf_clear(&a);
		tg_sheet_header_key(levels[i], &a);
		if (strcasecmp(a.data, v) == 0)
			found = (int)i;
	}
	tg_buf_free(&a);
	(void)im;
	return found;
}

/* One spelling of a level (normalised): its index, TG_LEVEL_UNKNOWN, or
 * TG_LEVEL_NONE when not recognised. */
static int
parse_level_word(const importer *im, const char *v)
{
	const tg_import_spec *s = im->s;
	for (size_t i = 0; i < s->nnames; i++)
		if (strcmp(v, s->names[i].key) == 0)
			return s->names[i].level;
	if (strcasecmp(v, "unknown") == 0 || strcmp(v, "不明") == 0)
		return TG_LEVEL_UNKNOWN;
	tg_buf k = TG_BUF_INIT;
	tg_sheet_header_key(v, &k);
	int i = level_by_name(im, k.data, s->levels, s->nlevels);
	tg_buf_free(&k);
	return i >= 0 ? i : TG_LEVEL_NONE;
}

static void
level_list_text(const tg_import_spec *s, tg_buf *b)
{
	for (size_t i = 0; i < s->nlevels; i++)
		tg_buf_printf(b, "%s%s", i ? ", " : "", s->levels[i]);
}

static void
read_level(importer *im, item *it, const tg_sheet_row *r)
{
	tg_import_spec *s = im->s;
	int lowest = TG_LEVEL_NONE;
	unsigned col = 0;
	if (s->per_level) {
		for (size_t i = 0; i < s->nlevels; i++) {
			tg_import_col *c = &s->c_levels[i];
			if (!c->set)
				continue;
			const char *m = col_value(im, c, r, true);
			if (m == NULL || in_list(m, s->blanks, s->nblanks))
				continue;
			if (!in_list(m, s->marks, s->nmarks)) {
				tg_buf list = TG_BUF_INIT;
				for (size_t k = 0; k < s->nmarks; k++)
					tg_buf_printf(&list, "%s%s", k ? " " : "", s->marks[k]);
				tg_diag_error(im->diag, cell_pos(im, r->row, c->col),
				    "'%s' in the column of level %s is not a mark (marks: %s; blank or one of "
				    "level.blanks for none)", cell(im, r, c->col), s->levels[i], list.data);
				tg_buf_free(&list);
				continue;
			}
			if (lowest == TG_LEVEL_NONE) {
				lowest = (int)i;
				col = c->col;
			}
		}
	} else if (s->c_level.set) {
		col = s->c_level.col;
		const char *v = col_value(im, &s->c_level, r, true);
		if (v != NULL && !in_list(v, s->blanks, s->nblanks)) {
			tg_buf parts = TG_BUF_INIT;	/* int */
			size_t len = strlen(v), pos = 0;
			bool bad = false;
			for (;;) {
				size_t b = len, e = len;
				if (tg_import_re_match(s->level_split, v, len, pos)) {
					tg_import_re_group(s->level_split, 0, &b, &e);
					if (e == b)
						b = e = len;
				}
				tg_buf w = TG_BUF_INIT;
				tg_buf_put(&w, v + pos, b - pos);
				trim_buf(&w, 0);
				if (w.len > 0) {
					int li = parse_level_word(im, w.data);
					if (li == TG_LEVEL_NONE) {
						tg_buf list = TG_BUF_INIT;
						level_list_text(s, &list);
						tg_diag_error(im->diag, cell_pos(im, r->row, col),
						    "unknown level '%s' (levels: %s; other spellings go in level.names)",
						    w.data, s->nlevels ? list.data : "none");
						tg_buf_free(&list);
						bad = true;
					} else {
						bool seen = false;
						for (size_t k = 0; k < TG_BUF_COUNT(&parts, int); k++)
							seen = seen || TG_BUF_AT(&parts, int, k) == li;
						if (!seen)
							TG_BUF_PUSH(&parts, int, li);
					}
				}
				tg_buf_free(&w);
				if (b >= len)
					break;
				pos = e;
			}
			size_t n = TG_BUF_COUNT(&parts, int);
			bool has_unknown = false;
			for (size_t k = 0; k < n; k++)
				has_unknown = has_unknown || TG_BUF_AT(&parts, int, k) == TG_LEVEL_UNKNOWN;
			if (!bad && n > 1 && has_unknown) {
				tg_diag_error(im->diag, cell_pos(im, r->row, col),
				    "'unknown' cannot be one of several levels ('%s')", v);
			} else if (!bad && n == 1) {
				lowest = TG_BUF_AT(&parts, int, 0);
			} else if (!bad && n > 1) {
				for (size_t k = 0; k < n; k++) {
					int li = TG_BUF_AT(&parts, int, k);
					if (lowest == TG_LEVEL_NONE || li < lowest)
						lowest = li;
				}
				if (s->multiple == TG_IMPORT_LIST) {
					it->cited = TG_ARENA_ARRAY(&im->arena, int, n);
					memcpy(it->cited, parts.data, n * sizeof(int));
					it->ncited = n;
				}
			}
			tg_buf_free(&parts);
			if (bad) {
				it->level_col = col;
				it->level = TG_LEVEL_NONE;
				return;
			}
		}
	}
	it->level_col = col ? col : s->c_id.col;
	if (lowest == TG_LEVEL_NONE && (s->per_level || s->c_level.set)) {
		if (s->missing == TG_IMPORT_MISSING_UNKNOWN) {
			lowest = TG_LEVEL_UNKNOWN;
		} else if (s->missing == TG_IMPORT_MISSING_ERROR) {
			tg_diag_error(im->diag, cell_pos(im, r->row, it->level_col),
			    "item '%s' has no level (level.missing: error)", it->id);
		}
	}
	it->level = lowest;
}

/* Provenance columns (a sheet written by `totsugo export`): a blank kind
 * keeps the imported default. */
static void
read_provenance(importer *im, item *it, const tg_sheet_row *r)
{
	tg_import_spec *s = im->s;
	tg_import_col *c = s->c_prov;
	const char *kind = col_value(im, &c[TG_IMPORT_PROV_KIND], r, true);
	if (kind == NULL)
		return;
	tg_pos kpos = cell_pos(im, r->row, c[TG_IMPORT_PROV_KIND].col);
	const char *conf = col_value(im, &c[TG_IMPORT_PROV_CONFIDENCE], r, true);
	const char *source = col_value(im, &c[TG_IMPORT_PROV_SOURCE], r, false);
	const char *file = col_value(im, &c[TG_IMPORT_PROV_FILE], r, false);
	const char *row = col_value(im, &c[TG_IMPORT_PROV_ROW], r, true);
	tg_provenance p = {0};
	if (strcmp(kind, "fact") == 0) {
		p.kind = TG_PROV_FACT;
		if (conf == NULL || strlen(conf) != 1 || strchr("HML", conf[0]) == NULL)
			tg_diag_error(im->diag, c[TG_IMPORT_PROV_CONFIDENCE].set ?
			    cell_pos(im, r->row, c[TG_IMPORT_PROV_CONFIDENCE].col) : kpos,
			    "a fact's provenance needs a confidence of H, M or L, found '%s'",
			    conf ? conf : "");
		else
			p.confidence = conf[0];
		if (source == NULL)
			tg_diag_error(im->diag, kpos, "a fact's provenance needs a source");
		p.source = source;
	} else if (strcmp(kind, "authored") == 0) {
		p.kind = TG_PROV_AUTHORED;
		p.source = source;
	} else if (strcmp(kind, "imported") == 0) {
		p.kind = TG_PROV_IMPORTED;
		p.file = file;
		p.source = source;
		char *end = NULL;
		long v = row ? strtol(row, &end, 10) : 0;
		if (file == NULL)
			tg_diag_error(im->diag, kpos, "imported provenance needs a file");
		if (row == NULL || *end != '\0' || v < 1)
			tg_diag_error(im->diag, c[TG_IMPORT_PROV_ROW].set ?
			    cell_pos(im, r->row, c[TG_IMPORT_PROV_ROW].col) : kpos,
			    "imported provenance needs a row (a whole number from 1), found '%s'",
			    row ? row : "");
		p.row = v;
	} else {
		tg_diag_error(im->diag, kpos, "unknown provenance kind '%s' (fact, authored or imported)",
		    kind);
		return;
	}
	if (p.kind != TG_PROV_FACT && conf != NULL)
		tg_diag_error(im->diag, cell_pos(im, r->row, c[TG_IMPORT_PROV_CONFIDENCE].col),
		    "a confidence belongs to facts only");
	if (p.kind != TG_PROV_IMPORTED && (file != NULL || row != NULL))
		tg_diag_error(im->diag, kpos, "a file and row belong to imported provenance only");
	it->prov = p;
}

/* Link ids found by links.pattern in the text columns. */
static void
read_text_links(importer *im, const tg_sheet_row *r, tg_buf *ids, tg_buf *cols)
{
	tg_import_spec *s = im->s;
	tg_import_re *re = s->link_pattern;
	for (size_t k = 0; k < s->nlink_cols; k++) {
		tg_import_col *c = &s->link_cols[k];
		const char *raw = cell(im, r, c->col);
		if (tg_sheet_blank(raw))
			continue;
		tg_buf t = TG_BUF_INIT;
		tg_sheet_fold(raw, strlen(raw), &t);
		size_t pos = 0;
		while (pos <= t.len && tg_import_re_match(re, t.data, t.len, pos)) {
			size_t mb, me, b, e;
			tg_import_re_group(re, 0, &mb, &me);
			if (tg_import_re_group(re, re->group, &b, &e) && e > b) {
				tg_buf id = TG_BUF_INIT;
				tg_buf_put(&id, t.data + b, e - b);
				trim_buf(&id, 0);
				const char *v = dup(im, id.data, id.len);
				tg_buf_free(&id);
				TG_BUF_PUSH(ids, const char *, v);
				TG_BUF_PUSH(cols, unsigned, c->col);
			}
			pos = me > mb ? me : me + 1;
		}
		tg_buf_free(&t);
	}
}

static size_t
char_len(char lead)
{
	unsigned char c = (unsigned char)lead;
	return c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
}

static bool
separators_only(tg_import_re *sep, const char *t, size_t b, size_t e, size_t *stop)
{
	size_t pos = b;
	while (pos < e) {
		if (pcre2_match(sep->code, (PCRE2_SPTR)t, e, pos, PCRE2_ANCHORED | PCRE2_NO_UTF_CHECK,
		    sep->md, NULL) <= 0)
			break;
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(sep->md);
		if (ov[1] <= pos)
			break;
		pos = ov[1];
	}
	*stop = pos;
	return pos >= e;
}

static bool
anchored_match(tg_import_re *re, const char *t, size_t len, size_t pos)
{
	return pcre2_match(re->code, (PCRE2_SPTR)t, len, pos, PCRE2_ANCHORED | PCRE2_NO_UTF_CHECK,
	    re->md, NULL) > 0;
}

static bool
starts_separator(tg_import_re *sep, const char *t, size_t len, size_t pos)
{
	size_t b, e;
	return anchored_match(sep, t, len, pos) && tg_import_re_group(sep, 0, &b, &e) && e > b;
}

/* An unreadable stretch of a reference cell: reported, trailing separators
 * and white space trimmed. */
static void
bad_fragment(importer *im, const tg_sheet_row *r, unsigned col, const char *t, size_t b,
    size_t e)
{
	tg_buf f = TG_BUF_INIT;
	tg_buf_put(&f, t + b, e - b);
	trim_buf(&f, 0);
	tg_diag_error(im->diag, cell_pos(im, r->row, col),
	    "cannot read the reference '%s' (it matches neither crosswalk.pattern nor "
	    "crosswalk.separator)", f.data);
	tg_buf_free(&f);
}

static const char *
cited_level(importer *im, const tg_sheet_row *r, unsigned col, const char *t, size_t b, size_t e)
{
	tg_import_spec *s = im->s;
	tg_buf v = TG_BUF_INIT;
	tg_buf_put(&v, t + b, e - b);
	tg_buf k = TG_BUF_INIT;
	tg_sheet_header_key(v.data, &k);
	const char *out = NULL;
	if (s->nxw_levels == 0) {
		out = dup(im, k.data, k.len);
	} else {
		int i = level_by_name(im, k.data, s->xw_levels, s->nxw_levels);
		if (i >= 0) {
			out = s->xw_levels[i];
		} else {
			tg_buf list = TG_BUF_INIT;
			for (size_t n = 0; n < s->nxw_levels; n++)
				tg_buf_printf(&list, "%s%s", n ? ", " : "", s->xw_levels[n]);
			tg_diag_error(im->diag, cell_pos(im, r->row, col),
			    "unknown level '%s' in the reference cell (crosswalk.levels: %s)", v.data,
			    list.data);
			tg_buf_free(&list);
		}
	}
	tg_buf_free(&k);
	tg_buf_free(&v);
	return out;
}

/* The reference cells of a row → crosswalk targets.  A level written after
 * several numbers ("No.98, 102 (LV2)") applies to each number since the
 * previous level. */
static void
read_refs(importer *im, item *it, const tg_sheet_row *r)
{
	tg_import_spec *s = im->s;
	tg_buf refs = TG_BUF_INIT;	/* xw_ref */
	tg_buf raw_all = TG_BUF_INIT;
	for (size_t k = 0; k < s->nxw_cols; k++) {
		tg_import_col *c = &s->xw_cols[k];
		const char *raw = cell(im, r, c->col);
		if (tg_sheet_blank(raw))
			continue;
		tg_buf t = TG_BUF_INIT;
		tg_sheet_normalize(raw, &t);
		if (in_list(t.data, s->xw_none, s->nxw_none)) {
			tg_buf_free(&t);
			continue;
		}
		if (raw_all.len > 0)
			tg_buf_puts(&raw_all, " / ");
		tg_buf_puts(&raw_all, raw);
		tg_import_re *re = s->xw_pattern, *sep = s->xw_separator;
		size_t pos = 0, pending = TG_BUF_COUNT(&refs, xw_ref);
		for (;;) {
			separators_only(sep, t.data, pos, t.len, &pos);
			if (pos >= t.len)
				break;
			/* A reference starts here and ends at a separator (or the
			 * end); anything else, up to the next separator, is a
			 * fragment that cannot be read. */
			size_t mb = pos, me = pos;
			bool found = anchored_match(re, t.data, t.len, pos) &&
			    tg_import_re_group(re, 0, &mb, &me) && me > mb &&
			    (me >= t.len || starts_separator(sep, t.data, t.len, me));
			if (!found) {
				size_t q = pos + char_len(t.data[pos]);
				while (q < t.len && !starts_separator(sep, t.data, t.len, q))
					q += char_len(t.data[q]);
				bad_fragment(im, r, c->col, t.data, pos, q);
				pos = q;
				continue;
			}
			size_t b, e;
			xw_ref ref = {NULL, NULL};
			if (tg_import_re_group(re, re->group, &b, &e) && e > b) {
				ref.target = dup(im, t.data + b, e - b);
				if (!tg_schema_is_item_id(ref.target)) {
					tg_diag_error(im->diag, cell_pos(im, r->row, c->col),
					    "reference '%.*s' gives '%s', which is not a valid item id", (int)(me - mb),
					    t.data + mb, ref.target);
					ref.target = NULL;
				}
			} else {
				tg_diag_error(im->diag, cell_pos(im, r->row, c->col),
				    "reference '%.*s' has no id (crosswalk.pattern's group 'id' is empty)",
				    (int)(me - mb), t.data + mb);
			}
			if (re->level_group > 0 && tg_import_re_group(re, re->level_group, &b, &e) && e > b) {
				ref.level = cited_level(im, r, c->col, t.data, b, e);
				for (size_t p = pending; p < TG_BUF_COUNT(&refs, xw_ref); p++)
					if (TG_BUF_AT(&refs, xw_ref, p).level == NULL)
						TG_BUF_AT(&refs, xw_ref, p).level = ref.level;
			}
			if (ref.target != NULL) {
				/* Cited twice in the row: one target (the levels joined). */
				bool merged = false;
				for (size_t p = 0; p < TG_BUF_COUNT(&refs, xw_ref) && !merged; p++) {
					xw_ref *o = &TG_BUF_AT(&refs, xw_ref, p);
					if (strcmp(o->target, ref.target) != 0)
						continue;
					merged = true;
					if (o->level == NULL)
						o->level = ref.level;
					else if (ref.level != NULL && strcmp(o->level, ref.level) != 0) {
						tg_buf both = TG_BUF_INIT;
						tg_buf_printf(&both, "%s, %s", o->level, ref.level);
						o->level = dup(im, both.data, both.len);
						tg_buf_free(&both);
					}
				}
				if (!merged)
					TG_BUF_PUSH(&refs, xw_ref, ref);
			}
			if (ref.level != NULL)
				pending = TG_BUF_COUNT(&refs, xw_ref);
			pos = me;
		}
		tg_buf_free(&t);
	}
	it->nrefs = TG_BUF_COUNT(&refs, xw_ref);
	if (it->nrefs > 0) {
		it->refs = TG_ARENA_ARRAY(&im->arena, xw_ref, it->nrefs);
		memcpy(it->refs, refs.data, it->nrefs * sizeof(xw_ref));
	}
	if (raw_all.len > 0)
		it->ref_text = dup(im, raw_all.data, raw_all.len);
	tg_buf_free(&refs);
	tg_buf_free(&raw_all);
}

static void
read_row(importer *im, const tg_sheet_row *r)
{
	tg_import_spec *s = im->s;
	item *group = read_groups(im, r);
	const char *raw_id = cell(im, r, s->c_id.col);
	const char *id = col_value(im, &s->c_id, r, true);
	if (id == NULL) {
		if (!tg_sheet_blank(raw_id))
			return;	/* did not match the id pattern: reported */
		/* A row of group cells only (or of columns not imported). */
		tg_import_col *content[] = {&s->c_title, &s->c_text, &s->c_ref, &s->c_level};
		static const char *const names[] = {"title", "text", "ref", "level"};
		for (size_t i = 0; i < sizeof content / sizeof content[0]; i++) {
			if (!cells_blank(im, content[i], r)) {
				tg_diag_error(im->diag, cell_pos(im, r->row, s->c_id.col),
				    "row %u has no id (%s is blank) but has a %s", r->row, s->c_id.what,
				    names[i]);
				break;
			}
		}
		return;
	}
	if (!tg_schema_is_item_id(id)) {
		tg_diag_error(im->diag, cell_pos(im, r->row, s->c_id.col),
		    "id '%s' is not a valid item id (letters, digits, '.', '_', '-', '/'; starting with "
		    "a letter or digit)", id);
		return;
	}
	item *it = new_item(im, r->row, s->c_id.col);
	it->id = id;
	claim_id(im, it, s->c_id.col);
	it->ref = col_value(im, &s->c_ref, r, true);
	it->title = col_value(im, &s->c_title, r, false);
	it->text = col_value(im, &s->c_text, r, false);
	it->flag = col_value(im, &s->c_flag, r, false);
	it->note = col_value(im, &s->c_note, r, false);
	it->tags = col_list(im, &s->c_tags, r, false, &it->ntags);
	read_level(im, it, r);
	if (it->ncited > 1 && it->flag == NULL)
		tg_diag_error(im->diag, cell_pos(im, r->row, it->level_col),
		    "item '%s' has several levels, which records disagreeing sources: give a flag "
		    "explaining it (%s)", id, s->c_flag.set ? s->c_flag.what : "map columns.flag");
	if (s->c_prov[TG_IMPORT_PROV_KIND].set)
		read_provenance(im, it, r);

	/* Parent: the parent column, else parent_pattern, else the innermost group. */
	it->parent = group;
	const char *pid = col_value(im, &s->c_parent, r, true);
	if (pid != NULL) {
		it->parent_id = pid;
		it->parent_how = s->c_parent.what;
		it->parent_col = s->c_parent.col;
	} else if (s->parent_pattern != NULL &&
	    tg_import_re_match(s->parent_pattern, id, strlen(id), 0)) {
		size_t b, e;
		if (tg_import_re_group(s->parent_pattern, s->parent_pattern->group, &b, &e) && e > b) {
			it->parent_id = dup(im, id + b, e - b);
			it->parent_how = "parent_pattern";
			it->parent_col = s->c_id.col;
		}
	}

	/* Links: a links column (ids), then in-text references. */
	tg_buf ids = TG_BUF_INIT, cols = TG_BUF_INIT;
	size_t n;
	const char **listed = col_list(im, &s->c_links, r, true, &n);
	for (size_t i = 0; i < n; i++) {
		TG_BUF_PUSH(&ids, const char *, listed[i]);
		TG_BUF_PUSH(&cols, unsigned, s->c_links.col);
	}
	if (s->link_pattern != NULL)
		read_text_links(im, r, &ids, &cols);
	n = TG_BUF_COUNT(&ids, const char *);
	if (n > 0) {
		it->links = TG_ARENA_ARRAY(&im->arena, const char *, n);
		it->link_cols = TG_ARENA_ARRAY(&im->arena, unsigned, n);
		for (size_t i = 0; i < n; i++) {
			const char *l = TG_BUF_AT(&ids, const char *, i);
			bool seen = false;
			for (size_t k = 0; k < it->nlinks && !seen; k++)
				seen = strcmp(it->links[k], l) == 0;
			if (seen)
				continue;
			it->link_cols[it->nlinks] = TG_BUF_AT(&cols, unsigned, i);
			it->links[it->nlinks++] = l;
		}
	}
	tg_buf_free(&ids);
	tg_buf_free(&cols);
	if (s->has_xw)
		read_refs(im, it, r);
}

/* Header text → column, over the header rows. */
static bool
resolve_headers(importer *im)
{
	tg_import_spec *s = im->s;
	size_t before = tg_diag_errors(im->diag);
	unsigned hr = s->header_rows;
	size_t nh = im->sheet.nrows < hr ? im->sheet.nrows : hr;
	tg_buf texts = TG_BUF_INIT;	/* const char *: distinct header texts, for suggestions */
	tg_buf k = TG_BUF_INIT;
	for (size_t i = 0; i < TG_BUF_COUNT(&s->cols, tg_import_col *); i++) {
		tg_import_col *c = TG_BUF_AT(&s->cols, tg_import_col *, i);
		if (c->header == NULL)
			continue;
		tg_buf_clear(&k);
		tg_sheet_header_key(c->header, &k);
		unsigned found[2] = {0, 0};
		size_t nfound = 0;
		for (size_t row = 0; row < nh; row++) {
			const tg_sheet_row *r = &im->sheet.rows[row];
			for (unsigned col = 1; col <= r->ncells; col++) {
				tg_buf hk = TG_BUF_INIT;
				tg_sheet_header_key(r->cells[col - 1].text, &hk);
				bool same = hk.len > 0 && strcmp(hk.data, k.data) == 0;
				tg_buf_free(&hk);
				if (!same || (nfound > 0 && found[0] == col) || (nfound > 1 && found[1] == col))
					continue;
				if (nfound < 2)
					found[nfound] = col;
				nfound++;
			}
		}
		if (nfound == 1) {
			c->col = found[0];
			continue;
		}
		if (nfound > 1) {
			tg_diag_error(im->diag, c->pos,
			    "%s: several columns of %s are headed '%s' (columns %u and %u): name it by "
			    "number ({column: %u})", c->what, im->file, c->header, found[0], found[1], found[0]);
			continue;
		}
		/* Not found: suggest the nearest header cell. */
		tg_buf_clear(&texts);
		for (size_t row = 0; row < nh; row++) {
			const tg_sheet_row *r = &im->sheet.rows[row];
			for (unsigned col = 1; col <= r->ncells; col++)
				if (!tg_sheet_blank(r->cells[col - 1].text)) {
					const char *t = r->cells[col - 1].text;
					TG_BUF_PUSH(&texts, const char *, t);
				}
		}
		const char *near = tg_text_suggest(c->header, (const char *const *)(void *)texts.data,
		    TG_BUF_COUNT(&texts, const char *));
		if (near != NULL)
			tg_diag_error(im->diag, c->pos, "%s: no column of %s is headed '%s' (did you mean '%s'?)",
			    c->what, im->file, c->header, near);
		else
			tg_diag_error(im->diag, c->pos,
			    "%s: no column of %s is headed '%s' in its %u header row%s (sheet.header_rows)",
			    c->what, im->file, c->header, hr, hr == 1 ? "" : "s");
	}
	tg_buf_free(&k);
	tg_buf_free(&texts);
	return tg_diag_errors(im->diag) == before;
}

/* Parents by id, cycles, children in row order, depth. */
static void
build_tree(importer *im)
{
	size_t n = TG_BUF_COUNT(&im->items, item *);
	item **items = (item **)(void *)im->items.data;
	for (size_t i = 0; i < n; i++) {
		item *it = items[i];
		if (it->parent_id == NULL)
			continue;
		item *p = tg_map_get(&im->by_id, it->parent_id);
		if (p == NULL)
			tg_diag_error(im->diag, cell_pos(im, it->row, it->parent_col),
			    "parent '%s' of item '%s' (%s) is not an id in the sheet", it->parent_id, it->id,
			    it->parent_how);
		else if (p == it)
			tg_diag_error(im->diag, cell_pos(im, it->row, it->parent_col),
			    "item '%s' names itself as its parent", it->id);
		else
			it->parent = p;
	}
	/* Cycles (parent columns only): a walk longer than the item count. */
	for (size_t i = 0; i < n; i++) {
		item *it = items[i];
		size_t steps = 0;
		for (item *p = it->parent; p != NULL && steps <= n; p = p->parent)
			steps++;
		if (steps > n) {
			tg_diag_error(im->diag, cell_pos(im, it->row, it->parent_col),
			    "parent cycle through item '%s'", it->id);
			it->parent = NULL;
		}
	}
	size_t *count = tg_xcalloc(n ? n : 1, sizeof *count);
	for (size_t i = 0; i < n; i++)
		if (items[i]->parent != NULL)
			count[items[i]->parent->seq]++;
	for (size_t i = 0; i < n; i++)
		items[i]->children = TG_ARENA_ARRAY(&im->arena, item *, count[i] ? count[i] : 1);
	for (size_t i = 0; i < n; i++)
		if (items[i]->parent != NULL)
			items[i]->parent->children[items[i]->parent->nchildren++] = items[i];
	free(count);
	for (size_t i = 0; i < n; i++) {
		unsigned d = 0;
		for (item *p = items[i]->parent; p != NULL && d <= MAX_DEPTH; p = p->parent)
			d++;
		items[i]->depth = d;
		if (d == MAX_DEPTH + 1 && items[i]->nchildren == 0)
			tg_diag_error(im->diag, cell_pos(im, items[i]->row, items[i]->col),
			    "item '%s' is nested more than %d levels deep", items[i]->id, MAX_DEPTH);
	}
}

static void
check_links(importer *im)
{
	const char *cat = im->s->id;
	size_t catlen = cat ? strlen(cat) : 0;
	for (size_t i = 0; i < TG_BUF_COUNT(&im->items, item *); i++) {
		item *it = TG_BUF_AT(&im->items, item *, i);
		for (size_t k = 0; k < it->nlinks; k++) {
			const char *l = it->links[k];
			const char *colon = strchr(l, ':');
			if (colon != NULL) {
				/* Another catalog's item: the loader checks it. */
				if (cat == NULL || (size_t)(colon - l) != catlen || strncmp(l, cat, catlen) != 0)
					continue;
				l = colon + 1;
			}
			if (!tg_schema_is_item_id(l))
				tg_diag_error(im->diag, cell_pos(im, it->row, it->link_cols[k]),
				    "link '%s' of item '%s' is not a valid item id", it->links[k], it->id);
			else if (tg_map_get(&im->by_id, l) == NULL)
				tg_diag_error(im->diag, cell_pos(im, it->row, it->link_cols[k]),
				    "item '%s' refers to '%s', which is not an id in the sheet", it->id, l);
		}
	}
}

/* ---- YAML ---- */

static bool
flow_safe(const char *s)
{
	return tg_yamlw_plain_ok(s) && strpbrk(s, ",[]{}:#") == NULL;
}

static void
flow_scalar(tg_buf *out, const char *s)
{
	if (flow_safe(s))
		tg_buf_puts(out, s);
	else
		tg_yamlw_quoted(out, s);
}

static void
pad(tg_buf *out, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		tg_buf_putc(out, ' ');
}

static void
flow_list(tg_buf *out, unsigned indent, const char *key, const char *const *v, size_t n)
{
	pad(out, indent);
	tg_buf_printf(out, "%s: [", key);
	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			tg_buf_puts(out, ", ");
		flow_scalar(out, v[i]);
	}
	tg_buf_puts(out, "]\n");
}

/* A plain scalar YAML may read as a number, boolean, date or null: written
 * plain again so that it stays what it was. */
static bool
keeps_type(const tg_node *n)
{
	if (!n->plain || n->len == 0)
		return false;
	for (size_t i = 0; i < n->len; i++) {
		char c = n->str[i];
		if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    c == '.' || c == '_' || c == '+' || c == '-'))
			return false;
	}
	return !tg_yamlw_plain_ok(n->str);
}

/* A YAML node in flow style (meta values). */
static void
flow_node(tg_buf *out, const tg_node *n)
{
	if (n->kind == TG_NODE_SCALAR) {
		if (tg_node_is_null(n))
			tg_buf_puts(out, "null");
		else if (keeps_type(n) || flow_safe(n->str))
			tg_buf_puts(out, n->str);
		else
			tg_yamlw_quoted(out, n->str);
		return;
	}
	tg_buf_putc(out, n->kind == TG_NODE_SEQ ? '[' : '{');
	for (size_t i = 0; i < n->n; i++) {
		if (i > 0)
			tg_buf_puts(out, ", ");
		if (n->kind == TG_NODE_SEQ) {
			flow_node(out, n->items[i]);
		} else {
			flow_node(out, tg_node_key(n, i));
			tg_buf_puts(out, ": ");
			flow_node(out, tg_node_value(n, i));
		}
	}
	tg_buf_putc(out, n->kind == TG_NODE_SEQ ? ']' : '}');
}

/* A mapping's pairs in block style; nested lists in flow style. */
static void
block_map(tg_buf *out, unsigned indent, const tg_node *map)
{
	for (size_t i = 0; i < map->n; i++) {
		const tg_node *k = tg_node_key(map, i), *v = tg_node_value(map, i);
		tg_buf key = TG_BUF_INIT;
		if (k->kind == TG_NODE_SCALAR)
			tg_yamlw_scalar(&key, k->str);
		else
			flow_node(&key, k);
		if (v->kind == TG_NODE_SCALAR && !keeps_type(v)) {
			/* Text: the writer picks plain, quoted or a block. */
			tg_yamlw_kv(out, indent, key.data, v->str);
		} else if (v->kind == TG_NODE_MAP && v->n > 0) {
			pad(out, indent);
			tg_buf_printf(out, "%s:\n", key.data);
			block_map(out, indent + 2, v);
		} else {
			pad(out, indent);
			tg_buf_printf(out, "%s: ", key.data);
			flow_node(out, v);
			tg_buf_putc(out, '\n');
		}
		tg_buf_free(&key);
	}
}

static void
write_provenance(tg_buf *out, unsigned indent, const tg_provenance *p)
{
	bool flow = (p->source == NULL || flow_safe(p->source)) && (p->file == NULL || flow_safe(p->file));
	if (p->kind == TG_PROV_AUTHORED && p->source == NULL) {
		pad(out, indent);
		tg_buf_puts(out, "provenance: authored\n");
	} else if (flow) {
		pad(out, indent);
		tg_buf_printf(out, "provenance: {kind: %s", tg_prov_kind_name(p->kind));
		if (p->kind == TG_PROV_FACT)
			tg_buf_printf(out, ", confidence: %c", p->confidence);
		if (p->kind == TG_PROV_IMPORTED)
			tg_buf_printf(out, ", file: %s, row: %ld", p->file, p->row);
		if (p->source != NULL)
			tg_buf_printf(out, ", source: %s", p->source);
		tg_buf_puts(out, "}\n");
	} else {
		pad(out, indent);
		tg_buf_puts(out, "provenance:\n");
		tg_yamlw_kv(out, indent + 2, "kind", tg_prov_kind_name(p->kind));
		if (p->kind == TG_PROV_FACT) {
			char c[2] = {p->confidence, '\0'};
			tg_yamlw_kv(out, indent + 2, "confidence", c);
		}
		if (p->kind == TG_PROV_IMPORTED) {
			tg_yamlw_kv(out, indent + 2, "file", p->file);
			pad(out, indent + 2);
			tg_buf_printf(out, "row: %ld\n", p->row);
		}
		if (p->source != NULL)
			tg_yamlw_kv(out, indent + 2, "source", p->source);
	}
}

static void
write_item(const importer *im, tg_buf *out, const item *it, unsigned indent)
{
	const tg_import_spec *s = im->s;
	pad(out, indent);
	tg_buf_puts(out, "- ");
	tg_yamlw_kv(out, 0, "id", it->id);
	unsigned in = indent + 2;
	if (it->ref != NULL && strcmp(it->ref, it->id) != 0)
		tg_yamlw_kv(out, in, "ref", it->ref);
	tg_yamlw_kv(out, in, "title", it->title ? it->title : "unknown");
	if (it->text != NULL)
		tg_yamlw_kv(out, in, "text", it->text);
	if (it->ncited > 1) {
		const char **names = tg_xcalloc(it->ncited, sizeof *names);
		for (size_t i = 0; i < it->ncited; i++)
			names[i] = s->levels[it->cited[i]];
		flow_list(out, in, "level", names, it->ncited);
		free(names);
	} else if (it->level == TG_LEVEL_UNKNOWN) {
		tg_yamlw_kv(out, in, "level", "unknown");
	} else if (it->level >= 0) {
		pad(out, in);
		tg_buf_puts(out, "level: ");
		flow_scalar(out, s->levels[it->level]);
		tg_buf_putc(out, '\n');
	}
	if (it->flag != NULL)
		tg_yamlw_kv(out, in, "flag", it->flag);
	if (it->ntags > 0)
		flow_list(out, in, "tags", it->tags, it->ntags);
	if (it->nlinks > 0)
		flow_list(out, in, "links", it->links, it->nlinks);
	write_provenance(out, in, &it->prov);
	if (it->note != NULL)
		tg_yamlw_kv(out, in, "note", it->note);
	if (it->nchildren > 0) {
		pad(out, in);
		tg_buf_puts(out, "items:\n");
		for (size_t i = 0; i < it->nchildren; i++)
			write_item(im, out, it->children[i], in + 2);
	}
}

static void
write_catalog(const importer *im, tg_buf *out)
{
	const tg_import_spec *s = im->s;
	tg_buf_puts(out, "# Written by totsugo import: edit the sheet and import it again rather than this file.\n");
	tg_buf_puts(out, "kind: catalog\n");
	tg_yamlw_kv(out, 0, "id", s->id);
	tg_yamlw_kv(out, 0, "title", s->title);
	if (s->short_title)
		tg_yamlw_kv(out, 0, "short_title", s->short_title);
	if (s->publisher)
		tg_yamlw_kv(out, 0, "publisher", s->publisher);
	if (s->version)
		tg_yamlw_kv(out, 0, "version", s->version);
	if (s->date)
		tg_yamlw_kv(out, 0, "date", s->date);
	if (s->levels != NULL)
		flow_list(out, 0, "levels", s->levels, s->nlevels);
	if (s->has_prov)
		write_provenance(out, 0, &s->prov);
	if (s->description)
		tg_yamlw_kv(out, 0, "description", s->description);
	if (s->meta != NULL && s->meta->n > 0) {
		tg_buf_puts(out, "meta:\n");
		block_map(out, 2, s->meta);
	}
	size_t n = TG_BUF_COUNT(&im->items, item *), roots = 0;
	for (size_t i = 0; i < n; i++)
		roots += TG_BUF_AT(&im->items, item *, i)->parent == NULL;
	if (roots == 0) {
		tg_buf_puts(out, "items: []\n");
		return;
	}
	tg_buf_puts(out, "items:\n");
	for (size_t i = 0; i < n; i++) {
		const item *it = TG_BUF_AT(&im->items, item *, i);
		if (it->parent == NULL)
			write_item(im, out, it, 2);
	}
}

static void
write_crosswalk(const importer *im, tg_buf *out)
{
	const tg_import_spec *s = im->s;
	tg_buf id = TG_BUF_INIT;
	if (s->xw_id != NULL)
		tg_buf_puts(&id, s->xw_id);
	else
		tg_buf_printf(&id, "%s--%s", s->id, s->xw_target);
	tg_buf_puts(out, "# Written by totsugo import from the reference columns: review each row.\n");
	tg_buf_puts(out, "kind: crosswalk\n");
	tg_yamlw_kv(out, 0, "id", id.data);
	if (s->xw_title)
		tg_yamlw_kv(out, 0, "title", s->xw_title);
	tg_yamlw_kv(out, 0, "source", s->id);
	tg_yamlw_kv(out, 0, "target", s->xw_target);
	tg_yamlw_kv(out, 0, "status", tg_status_name((tg_status)s->xw_status));
	if (s->has_xw_prov)
		write_provenance(out, 0, &s->xw_prov);
	if (s->xw_description)
		tg_yamlw_kv(out, 0, "description", s->xw_description);
	tg_buf_free(&id);
	size_t rows = 0;
	tg_buf note = TG_BUF_INIT;
	for (size_t i = 0; i < TG_BUF_COUNT(&im->items, item *); i++) {
		const item *it = TG_BUF_AT(&im->items, item *, i);
		if (it->nrefs == 0)
			continue;
		if (rows++ == 0)
			tg_buf_puts(out, "rows:\n");
		tg_buf_puts(out, "  - ");
		tg_yamlw_kv(out, 0, "source", it->id);
		tg_buf_clear(&note);
		tg_buf_printf(&note, "%s%s", s->xw_note_prefix, it->ref_text);
		tg_yamlw_kv(out, 4, "note", note.data);
		tg_buf_puts(out, "    targets:\n");
		for (size_t k = 0; k < it->nrefs; k++) {
			tg_buf_puts(out, "      - ");
			tg_yamlw_kv(out, 0, "target", it->refs[k].target);
			tg_yamlw_kv(out, 8, "relationship",
			    tg_relationship_name((tg_relationship)s->xw_relationship));
			if (s->xw_strength >= 0)
				tg_buf_printf(out, "        strength: %d\n", s->xw_strength);
			if (s->xw_rationale != TG_RAT_UNSET)
				tg_yamlw_kv(out, 8, "rationale", tg_rationale_name((tg_rationale)s->xw_rationale));
			if (it->refs[k].level != NULL) {
				tg_buf_clear(&note);
				tg_buf_printf(&note, "%s%s", s->xw_level_note_prefix, it->refs[k].level);
				tg_yamlw_kv(out, 8, "note", note.data);
			}
		}
	}
	tg_buf_free(&note);
	if (rows == 0)
		tg_buf_puts(out, "rows: []\n");
}

static const char *
basename_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

static char
sep_for(const tg_import_spec *s, const char *path)
{
	if (s->sep != 0)
		return s->sep;
	return tg_text_ends_with(path, ".tsv") || tg_text_ends_with(path, ".tab") ||
	    tg_text_ends_with(path, ".TSV") ? '\t' : ',';
}

int
tg_import(const char *spec_path, const char *input, tg_buf *catalog, tg_buf *crosswalk,
    tg_diag *diag)
{
	importer im;
	memset(&im, 0, sizeof im);
	tg_arena_init(&im.arena);
	tg_map_init(&im.by_id);
	tg_map_init(&im.groups);
	im.diag = diag;
	im.file = input;
	im.base = basename_of(input);
	size_t before = tg_diag_errors(diag);
	int rc = tg_import_spec_read(spec_path, diag, &im.s);
	if (rc != TG_EXIT_OK)
		goto out;
	tg_import_spec *s = im.s;
	if (crosswalk != NULL && !s->has_xw) {
		tg_diag_error(diag, tg_pos_at(spec_path, 0, 0),
		    "--crosswalk-out needs a 'crosswalk' section in the spec (the reference columns and "
		    "their target catalog)");
		rc = TG_EXIT_USAGE;
		goto out;
	}
	rc = tg_sheet_read_file(&im.sheet, input, NULL, sep_for(s, input), s->encoding, diag);
	if (rc == TG_EXIT_IO)
		goto out;
	if (im.sheet.nrows < s->header_rows) {
		tg_diag_error(diag, tg_pos_at(input, 0, 0),
		    "the sheet has %zu row%s, fewer than its %u header rows (sheet.header_rows)",
		    im.sheet.nrows, im.sheet.nrows == 1 ? "" : "s", s->header_rows);
		rc = TG_EXIT_INVALID;
		goto out;
	}
	if (!resolve_headers(&im)) {
		rc = TG_EXIT_INVALID;
		goto out;
	}
	for (size_t i = s->header_rows; i < im.sheet.nrows; i++) {
		const tg_sheet_row *r = &im.sheet.rows[i];
		if (!tg_sheet_row_blank(r))
			read_row(&im, r);
	}
	build_tree(&im);
	check_links(&im);
	if (tg_diag_errors(diag) > before) {
		rc = TG_EXIT_INVALID;
		goto out;
	}
	write_catalog(&im, catalog);
	if (crosswalk != NULL)
		write_crosswalk(&im, crosswalk);
	rc = TG_EXIT_OK;
out:
	tg_sheet_free(&im.sheet);
	tg_import_spec_free(im.s);
	tg_map_free(&im.by_id);
	tg_map_free(&im.groups);
	tg_buf_free(&im.tmp);
	tg_buf_free(&im.list);
	tg_buf_free(&im.items);
	tg_arena_free(&im.arena);
	return rc;
}
