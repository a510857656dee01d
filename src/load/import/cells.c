/* `import`, what a cell says: its text and position, values by pattern,
 * format and fill-down, lists, levels (one column or a column per level),
 * provenance columns. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"
#include "../../util/csv.h"

tg_pos
tg_import_cell_pos(const importer *im, unsigned row, unsigned col)
{
	return tg_pos_at(im->file, row, col);
}

const char *
tg_import_dup(importer *im, const char *s, size_t len)
{
	return tg_arena_strndup(&im->arena, s, len);
}

/* A cell's text; with sheet.formula_guard, the apostrophe `totsugo export`
 * puts before a cell a spreadsheet would run as a formula is taken off. */
const char *
tg_import_cell(const importer *im, const tg_sheet_row *r, unsigned col)
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
void
tg_import_trim_buf(tg_buf *b, size_t from)
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
	const char *out = tg_import_dup(im, b.data, b.len);
	tg_buf_free(&b);
	return out;
}

/* The value of column c on row r: ids, refs and marks normalised (norm),
 * titles and texts as written; the spec's pattern extracts it and its
 * format wraps it.  With fill_down a blank cell repeats the last value
 * above.  NULL when blank, or when the cell does not match the pattern
 * (reported once per cell). */
const char *
tg_import_col_value(importer *im, tg_import_col *c, const tg_sheet_row *r, bool norm)
{
	if (!c->set)
		return NULL;
	const char *raw = tg_import_cell(im, r, c->col);
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
			tg_diag_error(im->diag, tg_import_cell_pos(im, r->row, c->col),
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
			out = c->format ? apply_format(im, c->format, v + vb, ve - vb) :
			    tg_import_dup(im, v + vb, ve - vb);
	}
	if (c->fill_down) {
		c->last = out;
		c->last_bad = bad;
		c->last_row = r->row;
	}
	return out;
}

void
tg_import_reset_fill(tg_import_col *c)
{
	c->last = NULL;
	c->last_bad = false;
	c->last_row = 0;
}

/* Splits column c's cell of row r on its split pattern; entries trimmed
 * (and normalised when norm), blank ones dropped.  Returns the entries in
 * the arena. */
const char **
tg_import_col_list(importer *im, tg_import_col *c, const tg_sheet_row *r, bool norm, size_t *count)
{
	*count = 0;
	if (!c->set)
		return NULL;
	const char *raw = tg_import_cell(im, r, c->col);
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
			tg_import_trim_buf(&e, 0);
		}
		if (e.len > 0) {
			const char *v = tg_import_dup(im, e.data, e.len);
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

bool
tg_import_in_list(const char *s, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(s, list[i]) == 0)
			return true;
	return false;
}

int
tg_import_level_by_name(const importer *im, const char *v, const char *const *levels, size_t n)
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
	int i = tg_import_level_by_name(im, k.data, s->levels, s->nlevels);
	tg_buf_free(&k);
	return i >= 0 ? i : TG_LEVEL_NONE;
}

static void
level_list_text(const tg_import_spec *s, tg_buf *b)
{
	for (size_t i = 0; i < s->nlevels; i++)
		tg_buf_printf(b, "%s%s", i ? ", " : "", s->levels[i]);
}

void
tg_import_read_level(importer *im, item *it, const tg_sheet_row *r)
{
	tg_import_spec *s = im->s;
	int lowest = TG_LEVEL_NONE;
	unsigned col = 0;
	if (s->per_level) {
		for (size_t i = 0; i < s->nlevels; i++) {
			tg_import_col *c = &s->c_levels[i];
			if (!c->set)
				continue;
			const char *m = tg_import_col_value(im, c, r, true);
			if (m == NULL || tg_import_in_list(m, s->blanks, s->nblanks))
				continue;
			if (!tg_import_in_list(m, s->marks, s->nmarks)) {
				tg_buf list = TG_BUF_INIT;
				for (size_t k = 0; k < s->nmarks; k++)
					tg_buf_printf(&list, "%s%s", k ? " " : "", s->marks[k]);
				tg_diag_error(im->diag, tg_import_cell_pos(im, r->row, c->col),
				    "'%s' in the column of level %s is not a mark (marks: %s; blank or one of "
				    "level.blanks for none)", tg_import_cell(im, r, c->col), s->levels[i], list.data);
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
		const char *v = tg_import_col_value(im, &s->c_level, r, true);
		if (v != NULL && !tg_import_in_list(v, s->blanks, s->nblanks)) {
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
				tg_import_trim_buf(&w, 0);
				if (w.len > 0) {
					int li = parse_level_word(im, w.data);
					if (li == TG_LEVEL_NONE) {
						tg_buf list = TG_BUF_INIT;
						level_list_text(s, &list);
						tg_diag_error(im->diag, tg_import_cell_pos(im, r->row, col),
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
				tg_diag_error(im->diag, tg_import_cell_pos(im, r->row, col),
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
			tg_diag_error(im->diag, tg_import_cell_pos(im, r->row, it->level_col),
			    "item '%s' has no level (level.missing: error)", it->id);
		}
	}
	it->level = lowest;
}

/* Provenance columns (a sheet written by `totsugo export`): a blank kind
 * keeps the imported default. */
void
tg_import_read_provenance(importer *im, item *it, const tg_sheet_row *r)
{
	tg_import_spec *s = im->s;
	tg_import_col *c = s->c_prov;
	const char *kind = tg_import_col_value(im, &c[TG_IMPORT_PROV_KIND], r, true);
	if (kind == NULL)
		return;
	tg_pos kpos = tg_import_cell_pos(im, r->row, c[TG_IMPORT_PROV_KIND].col);
	const char *conf = tg_import_col_value(im, &c[TG_IMPORT_PROV_CONFIDENCE], r, true);
	const char *source = tg_import_col_value(im, &c[TG_IMPORT_PROV_SOURCE], r, false);
	const char *file = tg_import_col_value(im, &c[TG_IMPORT_PROV_FILE], r, false);
	const char *row = tg_import_col_value(im, &c[TG_IMPORT_PROV_ROW], r, true);
	const char *inferred = tg_import_col_value(im, &c[TG_IMPORT_PROV_INFERRED], r, true);
	tg_provenance p = {0};
	if (strcmp(kind, "fact") == 0) {
		p.kind = TG_PROV_FACT;
		if (conf == NULL || strlen(conf) != 1 || strchr("HML", conf[0]) == NULL)
			tg_diag_error(im->diag, c[TG_IMPORT_PROV_CONFIDENCE].set ?
			    tg_import_cell_pos(im, r->row, c[TG_IMPORT_PROV_CONFIDENCE].col) : kpos,
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
			    tg_import_cell_pos(im, r->row, c[TG_IMPORT_PROV_ROW].col) : kpos,
			    "imported provenance needs a row (a whole number from 1), found '%s'",
			    row ? row : "");
		p.row = v;
	} else {
		tg_diag_error(im->diag, kpos, "unknown provenance kind '%s' (fact, authored or imported)",
		    kind);
		return;
	}
	if (p.kind != TG_PROV_FACT && conf != NULL)
		tg_diag_error(im->diag, tg_import_cell_pos(im, r->row, c[TG_IMPORT_PROV_CONFIDENCE].col),
		    "a confidence belongs to facts only");
	if (p.kind != TG_PROV_IMPORTED && (file != NULL || row != NULL))
		tg_diag_error(im->diag, kpos, "a file and row belong to imported provenance only");
	if (inferred != NULL) {
		tg_pos ipos = tg_import_cell_pos(im, r->row, c[TG_IMPORT_PROV_INFERRED].col);
		if (strcmp(inferred, "title") != 0)
			tg_diag_error(im->diag, ipos, "unknown inferred field '%s' (expected: title)", inferred);
		else if (p.kind != TG_PROV_FACT)
			tg_diag_error(im->diag, ipos, "an inferred title belongs to facts only");
		else
			p.title_inferred = true;
	}
	it->prov = p;
}
