/* `export`: a catalog as a sheet, one row per item in tree order, with
 * every field the catalog format has, so that the spec
 * docs/examples/import/totsugo-export.yaml imports it back unchanged. */
#include <string.h>

#include "../../model/model.h"
#include "../../totsugo.h"
#include "../../util/csv.h"
#include "../../util/yamlw.h"
#include "../../util/encoding.h"
#include "../../util/utf8.h"

/* Column order; the export spec names these headers. */
static const char *const headers[] = {"id", "ref", "parent", "title", "text", "level", "tags",
    "flag", "links", "note", "provenance", "provenance_confidence", "provenance_source",
    "provenance_file", "provenance_row", "official_ref", "provenance_inferred"};
#define NCOLS (sizeof headers / sizeof headers[0])

/* Lists go one entry per line of the cell. */
static void
join(tg_buf *b, const char *const *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			tg_buf_putc(b, '\n');
		tg_buf_puts(b, v[i]);
	}
}

/* The cells of one item (each a NUL-terminated string in cells, offsets
 * in at[]). */
static void
item_cells(const tg_catalog *c, const tg_item *it, tg_buf *cells, size_t at[NCOLS])
{
	tg_buf_clear(cells);
	for (size_t k = 0; k < NCOLS; k++) {
		at[k] = cells->len;
		switch (k) {
		case 0: tg_buf_puts(cells, it->id ? it->id : ""); break;
		case 1: tg_buf_puts(cells, it->ref ? it->ref : ""); break;
		case 2: tg_buf_puts(cells, it->parent && it->parent->id ? it->parent->id : ""); break;
		case 3: tg_buf_puts(cells, it->title ? it->title : ""); break;
		case 4: tg_buf_puts(cells, it->text ? it->text : ""); break;
		case 5:
			if (it->ncited_levels > 1) {
				for (size_t i = 0; i < it->ncited_levels; i++)
					tg_buf_printf(cells, "%s%s", i ? ", " : "", c->levels[it->cited_levels[i]]);
			} else {
				const char *l = tg_item_level_name(it);
				tg_buf_puts(cells, l ? l : "");
			}
			break;
		case 6: join(cells, it->tags, it->ntags); break;
		case 7: tg_buf_puts(cells, it->flag ? it->flag : ""); break;
		case 8: join(cells, it->links, it->nlinks); break;
		case 9: tg_buf_puts(cells, it->note ? it->note : ""); break;
		case 10:
			if (it->prov.kind != TG_PROV_UNSET)
				tg_buf_puts(cells, tg_prov_kind_name(it->prov.kind));
			break;
		case 11:
			if (it->prov.confidence)
				tg_buf_putc(cells, it->prov.confidence);
			break;
		case 12: tg_buf_puts(cells, it->prov.source ? it->prov.source : ""); break;
		case 13: tg_buf_puts(cells, it->prov.file ? it->prov.file : ""); break;
		case 14:
			if (it->prov.kind == TG_PROV_IMPORTED)
				tg_buf_printf(cells, "%ld", it->prov.row);
			break;
		case 15: tg_buf_puts(cells, it->official_ref ? it->official_ref : ""); break;
		case 16:
			if (it->prov.title_inferred)
				tg_buf_puts(cells, "title");
			break;
		}
		tg_buf_putc(cells, '\0');
	}
}

/* A cell such as "'=x" would lose its apostrophe on import (the import
 * takes off the one that guards a formula): guard it with one more. */
static void
field(tg_csv *csv, tg_buf *tmp, const char *s)
{
	const char *p = s;
	while (*p == '\'')
		p++;
	if (p == s || !tg_sheet_is_risky(p)) {
		tg_csv_field(csv, s);
		return;
	}
	tg_buf_clear(tmp);
	tg_buf_putc(tmp, '\'');
	tg_buf_puts(tmp, s);
	tg_csv_field(csv, tmp->data);
}

/* Reports every cell CP932 cannot hold (the whole text failed). */
static void
report_cp932(const tg_catalog *c, tg_diag *diag)
{
	tg_buf cells = TG_BUF_INIT, conv = TG_BUF_INIT;
	size_t at[NCOLS];
	for (size_t i = 0; i < c->nitems; i++) {
		const tg_item *it = c->items[i];
		item_cells(c, it, &cells, at);
		for (size_t k = 0; k < NCOLS; k++) {
			const char *s = cells.data + at[k];
			size_t bad;
			tg_buf_clear(&conv);
			if (tg_enc_utf8_to_cp932(s, strlen(s), &conv, &bad))
				continue;
			size_t n;
			uint32_t cp = tg_utf8_decode(s + bad, strlen(s + bad), &n);
			tg_diag_error(diag, it->pos,
			    "item '%s': its %s has '%.*s' (U+%04X), which cp932 cannot encode (export "
			    "as utf-8)", it->id ? it->id : "?", headers[k], (int)n, s + bad, (unsigned)cp);
		}
	}
	tg_buf_free(&cells);
	tg_buf_free(&conv);
}

/* ---- the import spec that reads the sheet back into this catalog ---- */

static void
indent(tg_buf *out, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		tg_buf_putc(out, ' ');
}

/* A scalar as it was: plain when it was plain and is a number-like word
 * (50, 2.3, true), so that it reads back as the same type. */
static void
node_scalar(tg_buf *out, const tg_node *n)
{
	bool word = n->plain && n->len > 0;
	for (size_t i = 0; word && i < n->len; i++)
		word = (n->str[i] >= '0' && n->str[i] <= '9') || (n->str[i] >= 'a' && n->str[i] <= 'z') ||
		    (n->str[i] >= 'A' && n->str[i] <= 'Z') || strchr("._+-", n->str[i]) != NULL;
	if (word)
		tg_buf_puts(out, n->str);
	else
		tg_yamlw_scalar(out, n->str);
}

/* A node after "key:" or "-" (block style); nested collections start on
 * the next line, indented by ind. */
static void
node(tg_buf *out, const tg_node *n, unsigned ind)
{
	if (n->kind == TG_NODE_SCALAR) {
		tg_buf_putc(out, ' ');
		node_scalar(out, n);
		tg_buf_putc(out, '\n');
		return;
	}
	if (n->n == 0) {
		tg_buf_puts(out, n->kind == TG_NODE_SEQ ? " []\n" : " {}\n");
		return;
	}
	tg_buf_putc(out, '\n');
	for (size_t i = 0; i < n->n; i++) {
		indent(out, ind);
		if (n->kind == TG_NODE_SEQ) {
			tg_buf_putc(out, '-');
			node(out, n->items[i], ind + 2);
		} else {
			tg_yamlw_scalar(out, tg_node_key(n, i)->str);
			tg_buf_putc(out, ':');
			node(out, tg_node_value(n, i), ind + 2);
		}
	}
}

static void
spec_provenance(tg_buf *out, const tg_provenance *p)
{
	if (p->kind == TG_PROV_UNSET)
		return;
	tg_buf_puts(out, "  provenance:\n");
	tg_yamlw_kv(out, 4, "kind", tg_prov_kind_name(p->kind));
	if (p->confidence) {
		char c[2] = {p->confidence, '\0'};
		tg_yamlw_kv(out, 4, "confidence", c);
	}
	if (p->title_inferred)
		tg_yamlw_kv(out, 4, "inferred", "title");
	if (p->file != NULL)
		tg_yamlw_kv(out, 4, "file", p->file);
	if (p->kind == TG_PROV_IMPORTED)
		tg_buf_printf(out, "    row: %ld\n", p->row);
	if (p->source != NULL)
		tg_yamlw_kv(out, 4, "source", p->source);
}

static void
write_spec(const tg_catalog *c, const tg_export_options *o, tg_buf *out)
{
	tg_buf_printf(out, "# Import spec written by `totsugo export %s --spec`: imports the exported\n"
	    "# sheet back into the same catalog (docs/import.md).\n", c->id);
	tg_buf_puts(out, "kind: import\ncatalog:\n");
	tg_yamlw_kv(out, 2, "id", c->id);
	tg_yamlw_kv(out, 2, "title", c->title);
	const char *keys[] = {"short_title", "publisher", "version", "date"};
	const char *vals[] = {c->short_title, c->publisher, c->version, c->date};
	for (size_t i = 0; i < 4; i++)
		if (vals[i] != NULL) {
			/* A version such as "2.3" must stay text. */
			indent(out, 2);
			tg_buf_printf(out, "%s: ", keys[i]);
			if (i == 3)
				tg_buf_puts(out, vals[i]);
			else
				tg_yamlw_quoted(out, vals[i]);
			tg_buf_putc(out, '\n');
		}
	tg_buf_puts(out, "  levels: [");
	for (size_t i = 0; i < c->nlevels; i++) {
		if (i > 0)
			tg_buf_puts(out, ", ");
		tg_yamlw_quoted(out, c->levels[i]);
	}
	tg_buf_puts(out, "]\n");
	spec_provenance(out, &c->prov);
	if (c->description != NULL)
		tg_yamlw_kv(out, 2, "description", c->description);
	if (c->meta != NULL && c->meta->kind == TG_NODE_MAP && c->meta->n > 0) {
		tg_buf_puts(out, "  meta:");
		node(out, c->meta, 4);
	}
	tg_buf_printf(out, "sheet:\n  format: %s\n  encoding: %s\n  header_rows: 1\n"
	    "  formula_guard: true\ncolumns:\n", o->sep == '\t' ? "tsv" : "csv",
	    o->cp932 ? "cp932" : "utf-8");
	for (size_t k = 0; k < NCOLS; k++) {
		if (k == 5)
			continue;	/* level: below */
		if (k == 6 || k == 8)
			tg_buf_printf(out, "  %s: {header: %s, split: '\\n'}\n", headers[k], headers[k]);
		else
			tg_buf_printf(out, "  %s: %s\n", headers[k], headers[k]);
	}
	tg_buf_puts(out, "level:\n  column: level\n  split: ','\n  multiple: list\n");
}

int
tg_export(const tg_data *d, const char *id, const tg_export_options *o, tg_buf *out,
    tg_diag *diag)
{
	const tg_catalog *c = tg_data_catalog(d, id);
	if (c == NULL) {
		if (tg_data_crosswalk(d, id) != NULL)
			tg_diag_error(diag, tg_pos_at(NULL, 0, 0),
			    "'%s' is a crosswalk: export writes catalogs (see 'totsugo list')", id);
		else
			tg_diag_error(diag, tg_pos_at(NULL, 0, 0),
			    "'%s' is not a catalog (see 'totsugo list')", id);
		return TG_EXIT_USAGE;
	}
	if (o->spec != NULL)
		write_spec(c, o, o->spec);
	tg_buf text = TG_BUF_INIT, cells = TG_BUF_INIT, tmp = TG_BUF_INIT;
	int rc = TG_EXIT_OK;
	tg_csv csv;
	tg_csv_init(&csv, &text, o->sep, true);
	for (size_t k = 0; k < NCOLS; k++)
		tg_csv_field(&csv, headers[k]);
	tg_csv_end_row(&csv);
	size_t at[NCOLS];
	for (size_t i = 0; i < c->nitems; i++) {
		item_cells(c, c->items[i], &cells, at);
		for (size_t k = 0; k < NCOLS; k++)
			field(&csv, &tmp, cells.data + at[k]);
		tg_csv_end_row(&csv);
	}
	if (o->cp932) {
		size_t bad;
		if (!tg_enc_utf8_to_cp932(text.data, text.len, out, &bad)) {
			report_cp932(c, diag);
			rc = TG_EXIT_INVALID;
			goto out;
		}
	} else {
		if (o->bom)
			tg_buf_puts(out, TG_UTF8_BOM);
		tg_buf_put(out, text.data, text.len);
	}
out:
	tg_buf_free(&text);
	tg_buf_free(&cells);
	tg_buf_free(&tmp);
	return rc;
}
