/* `import`, writing: the catalog and the crosswalk as YAML, items nested,
 * lists and meta values in flow style. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "../../util/yamlw.h"

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
		if (p->title_inferred)
			tg_buf_puts(out, ", inferred: title");
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
		if (p->title_inferred)
			tg_yamlw_kv(out, indent + 2, "inferred", "title");
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
	if (it->official_ref != NULL)
		tg_yamlw_kv(out, in, "official_ref", it->official_ref);
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

void
tg_import_write_catalog(const importer *im, tg_buf *out)
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

void
tg_import_write_crosswalk(const importer *im, tg_buf *out)
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
