/* `import`, reading the sheet row by row: ids claimed once, group columns
 * (one item per group, however many rows repeat it), one item per data
 * row, header texts → columns, the tree of parents, links.  What a cell
 * says is read by cells.c. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "../../util/text.h"

/* Deeper trees would exceed the YAML nesting limit once written nested. */
#define MAX_DEPTH 24

/* Registers an id; a second use is an error naming both rows. */
static bool
claim_id(importer *im, item *it, unsigned col)
{
	item *first = tg_map_put(&im->by_id, it->id, it);
	if (first == NULL)
		return true;
	if (first->group || it->group)
		tg_diag_error(im->diag, tg_import_cell_pos(im, it->row, col),
		    "duplicate id '%s': rows %u and %u (%s on row %u, %s on row %u)", it->id, first->row,
		    it->row, first->group ? "a group" : "an item", first->row,
		    it->group ? "a group" : "an item", it->row);
	else
		tg_diag_error(im->diag, tg_import_cell_pos(im, it->row, col), "duplicate id '%s': rows %u and %u",
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
	return !c->set || tg_sheet_blank(tg_import_cell(im, r, c->col));
}

/* An inconsistency of the sheet itself that does not corrupt what is
 * imported (the first reading is kept): a warning, or with `strict: true`
 * an error. */
static void inconsistency(importer *im, tg_pos pos, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void
inconsistency(importer *im, tg_pos pos, const char *fmt, ...)
{
	va_list ap;
	char msg[1024];
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (im->s->strict)
		tg_diag_error(im->diag, pos, "%s", msg);
	else
		tg_diag_warning(im->diag, pos, "%s (kept the first; 'strict: true' makes this an error)", msg);
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
				tg_import_reset_fill(&s->groups[h].id);
				tg_import_reset_fill(&s->groups[h].title);
				tg_import_reset_fill(&s->groups[h].ref);
			}
		}
		const char *title = tg_import_col_value(im, &gr->title, r, false);
		const char *id = tg_import_col_value(im, &gr->id, r, true);
		const char *ref = tg_import_col_value(im, &gr->ref, r, true);
		if (gr->id.set && id == NULL) {
			if (title != NULL && fresh && cells_blank(im, &gr->id, r))
				tg_diag_error(im->diag, tg_import_cell_pos(im, r->row, gr->id.col),
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
			if (fresh && strcmp(tg_buf_cstr(&a), tg_buf_cstr(&b)) != 0) {
				inconsistency(im, tg_import_cell_pos(im, r->row, gr->title.col),
				    "group '%s' is titled '%s' here but '%s' on row %u", it->id, title,
				    it->title, it->row);
				/* The other title is data too: the catalog keeps it, as a flag
				 * every output shows. */
				tg_buf f = TG_BUF_INIT;
				if (it->flag != NULL)
					tg_buf_printf(&f, "%s", it->flag);
				else
					tg_buf_printf(&f, "一覧の中で題目が一致しない（%u行目の題目を用いた）。", it->row);
				tg_buf_printf(&f, "%u行目では「%s」。", r->row, title);
				it->flag = tg_import_dup(im, f.data, f.len);
				tg_buf_free(&f);
			}
			else if (fresh && it->parent != parent)
				tg_diag_error(im->diag, tg_import_cell_pos(im, r->row, col),
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
				it->id = tg_import_dup(im, gid.data, gid.len);
				tg_buf_free(&gid);
			}
			const char *k = tg_import_dup(im, key.data, key.len);
			tg_map_put(&im->groups, k, it);
			if (!tg_schema_is_item_id(it->id))
				tg_diag_error(im->diag, tg_import_cell_pos(im, r->row, col),
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

void
tg_import_read_row(importer *im, const tg_sheet_row *r)
{
	tg_import_spec *s = im->s;
	item *group = read_groups(im, r);
	const char *raw_id = tg_import_cell(im, r, s->c_id.col);
	const char *id = tg_import_col_value(im, &s->c_id, r, true);
	if (id == NULL) {
		if (!tg_sheet_blank(raw_id))
			return;	/* did not match the id pattern: reported */
		/* A row of group cells only (or of columns not imported). */
		tg_import_col *content[] = {&s->c_title, &s->c_text, &s->c_ref, &s->c_level};
		static const char *const names[] = {"title", "text", "ref", "level"};
		for (size_t i = 0; i < sizeof content / sizeof content[0]; i++) {
			if (!cells_blank(im, content[i], r)) {
				tg_diag_error(im->diag, tg_import_cell_pos(im, r->row, s->c_id.col),
				    "row %u has no id (%s is blank) but has a %s", r->row, s->c_id.what,
				    names[i]);
				break;
			}
		}
		return;
	}
	if (!tg_schema_is_item_id(id)) {
		tg_diag_error(im->diag, tg_import_cell_pos(im, r->row, s->c_id.col),
		    "id '%s' is not a valid item id (letters, digits, '.', '_', '-', '/'; starting with "
		    "a letter or digit)", id);
		return;
	}
	item *it = new_item(im, r->row, s->c_id.col);
	it->id = id;
	claim_id(im, it, s->c_id.col);
	it->ref = tg_import_col_value(im, &s->c_ref, r, true);
	it->official_ref = tg_import_col_value(im, &s->c_official_ref, r, false);
	it->title = tg_import_col_value(im, &s->c_title, r, false);
	it->text = tg_import_col_value(im, &s->c_text, r, false);
	it->flag = tg_import_col_value(im, &s->c_flag, r, false);
	it->note = tg_import_col_value(im, &s->c_note, r, false);
	it->tags = tg_import_col_list(im, &s->c_tags, r, false, &it->ntags);
	tg_import_read_level(im, it, r);
	if (it->ncited > 1 && it->flag == NULL)
		tg_diag_error(im->diag, tg_import_cell_pos(im, r->row, it->level_col),
		    "item '%s' has several levels, which records disagreeing sources: give a flag "
		    "explaining it (%s)", id, s->c_flag.set ? s->c_flag.what : "map columns.flag");
	if (s->c_prov[TG_IMPORT_PROV_KIND].set)
		tg_import_read_provenance(im, it, r);

	/* Parent: the parent column, else parent_pattern, else the innermost group. */
	it->parent = group;
	const char *pid = tg_import_col_value(im, &s->c_parent, r, true);
	if (pid != NULL) {
		it->parent_id = pid;
		it->parent_how = s->c_parent.what;
		it->parent_col = s->c_parent.col;
	} else if (s->parent_pattern != NULL &&
	    tg_import_re_match(s->parent_pattern, id, strlen(id), 0)) {
		size_t b, e;
		if (tg_import_re_group(s->parent_pattern, s->parent_pattern->group, &b, &e) && e > b) {
			it->parent_id = tg_import_dup(im, id + b, e - b);
			it->parent_how = "parent_pattern";
			it->parent_col = s->c_id.col;
		}
	}

	/* Links: a links column (ids), then in-text references. */
	tg_buf ids = TG_BUF_INIT, cols = TG_BUF_INIT;
	size_t n;
	const char **listed = tg_import_col_list(im, &s->c_links, r, true, &n);
	for (size_t i = 0; i < n; i++) {
		TG_BUF_PUSH(&ids, const char *, listed[i]);
		TG_BUF_PUSH(&cols, unsigned, s->c_links.col);
	}
	if (s->link_pattern != NULL)
		tg_import_read_text_links(im, r, &ids, &cols);
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
		tg_import_read_refs(im, it, r);
}

/* Header text → column, over the header rows. */
bool
tg_import_resolve_headers(importer *im)
{
	tg_import_spec *s = im->s;
	size_t before = tg_diag_errors(im->diag);
	unsigned hr = s->header_rows;
	/* The header rows are the sheet's first hr rows (blank ones are not kept). */
	size_t nh = 0;
	while (nh < im->sheet.nrows && im->sheet.rows[nh].row <= hr)
		nh++;
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
void
tg_import_build_tree(importer *im)
{
	size_t n = TG_BUF_COUNT(&im->items, item *);
	item **items = (item **)(void *)im->items.data;
	for (size_t i = 0; i < n; i++) {
		item *it = items[i];
		if (it->parent_id == NULL)
			continue;
		item *p = tg_map_get(&im->by_id, it->parent_id);
		if (p == NULL)
			tg_diag_error(im->diag, tg_import_cell_pos(im, it->row, it->parent_col),
			    "parent '%s' of item '%s' (%s) is not an id in the sheet", it->parent_id, it->id,
			    it->parent_how);
		else if (p == it)
			tg_diag_error(im->diag, tg_import_cell_pos(im, it->row, it->parent_col),
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
			tg_diag_error(im->diag, tg_import_cell_pos(im, it->row, it->parent_col),
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
			tg_diag_error(im->diag, tg_import_cell_pos(im, items[i]->row, items[i]->col),
			    "item '%s' is nested more than %d levels deep", items[i]->id, MAX_DEPTH);
	}
}

void
tg_import_check_links(importer *im)
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
			if (!tg_schema_is_item_id(l)) {
				tg_diag_error(im->diag, tg_import_cell_pos(im, it->row, it->link_cols[k]),
				    "link '%s' of item '%s' is not a valid item id", it->links[k], it->id);
			} else if (tg_map_get(&im->by_id, l) == NULL) {
				/* The text still says it; only the link is left out. */
				if (im->s->strict)
					tg_diag_error(im->diag, tg_import_cell_pos(im, it->row, it->link_cols[k]),
					    "item '%s' refers to '%s', which is not an id in the sheet", it->id, l);
				else
					tg_diag_warning(im->diag, tg_import_cell_pos(im, it->row, it->link_cols[k]),
					    "item '%s' refers to '%s', which is not an id in the sheet: the link is "
					    "left out ('strict: true' makes this an error)", it->id, l);
				memmove(&it->links[k], &it->links[k + 1], (it->nlinks - k - 1) * sizeof *it->links);
				memmove(&it->link_cols[k], &it->link_cols[k + 1],
				    (it->nlinks - k - 1) * sizeof *it->link_cols);
				it->nlinks--;
				k--;
			}
		}
	}
}
