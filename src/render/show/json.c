/* show --format json: the documented shapes (docs/totsugo.1). */
#include <stdlib.h>
#include <string.h>

#include "show.h"

static bool
is_plain_integer(const tg_node *n)
{
	if (!n->plain || n->len == 0 || n->len > 15)
		return false;
	size_t i = n->str[0] == '-' ? 1 : 0;
	if (i == n->len || (n->str[i] == '0' && n->len > i + 1))
		return false;
	for (; i < n->len; i++)
		if (n->str[i] < '0' || n->str[i] > '9')
			return false;
	return true;
}

void
tg_json_node(tg_json *j, const tg_node *n)
{
	if (n == NULL || tg_node_is_null(n)) {
		tg_json_null(j);
		return;
	}
	switch (n->kind) {
	case TG_NODE_SCALAR:
		if (is_plain_integer(n))
			tg_json_int(j, strtoll(n->str, NULL, 10));
		else if (tg_node_is_word(n, "true") || tg_node_is_word(n, "false"))
			tg_json_bool(j, n->str[0] == 't');
		else
			tg_json_stringn(j, n->str, n->len);
		break;
	case TG_NODE_SEQ:
		tg_json_begin_array(j);
		for (size_t i = 0; i < n->n; i++)
			tg_json_node(j, n->items[i]);
		tg_json_end_array(j);
		break;
	case TG_NODE_MAP:
		tg_json_begin_object(j);
		for (size_t i = 0; i < n->n; i++) {
			tg_json_key(j, tg_node_key(n, i)->str);
			tg_json_node(j, tg_node_value(n, i));
		}
		tg_json_end_object(j);
		break;
	}
}

void
tg_json_provenance(tg_json *j, const tg_provenance *p)
{
	tg_json_begin_object(j);
	tg_json_kv_string(j, "kind", tg_prov_kind_name(p->kind));
	if (p->kind == TG_PROV_FACT) {
		char conf[2] = {p->confidence, '\0'};
		tg_json_kv_string(j, "confidence", conf);
	}
	if (p->source != NULL)
		tg_json_kv_string(j, "source", p->source);
	if (p->kind == TG_PROV_IMPORTED) {
		tg_json_kv_string(j, "file", p->file);
		tg_json_kv_int(j, "row", p->row);
	}
	tg_json_end_object(j);
}

void
tg_json_pos(tg_json *j, const char *key, tg_pos pos)
{
	tg_buf b = TG_BUF_INIT;
	tg_buf_printf(&b, "%u:%u", pos.line, pos.col);
	tg_json_kv_string(j, key, b.data);
	tg_buf_free(&b);
}

static void
json_level(tg_json *j, const tg_item *it)
{
	if (it->ncited_levels > 1) {
		tg_json_begin_array(j);
		for (size_t i = 0; i < it->ncited_levels; i++)
			tg_json_string(j, it->catalog->levels[it->cited_levels[i]]);
		tg_json_end_array(j);
	} else {
		tg_json_string(j, tg_item_level_name(it));
	}
}

static void
json_strings(tg_json *j, const char *const *s, size_t n)
{
	tg_json_begin_array(j);
	for (size_t i = 0; i < n; i++)
		tg_json_string(j, s[i]);
	tg_json_end_array(j);
}

void
tg_show_catalog_json(const tg_catalog *c, tg_buf *out)
{
	tg_json j;
	tg_json_init(&j, out, true);
	tg_json_begin_object(&j);
	tg_json_key(&j, "catalog");
	tg_json_begin_object(&j);
	tg_json_kv_string(&j, "id", c->id);
	tg_json_kv_string(&j, "title", c->title);
	tg_json_kv_string(&j, "short_title", c->short_title);
	tg_json_kv_string(&j, "publisher", c->publisher);
	tg_json_kv_string(&j, "version", c->version);
	tg_json_kv_string(&j, "date", c->date);
	tg_json_key(&j, "levels");
	json_strings(&j, c->levels, c->nlevels);
	if (c->prov.kind != TG_PROV_UNSET) {
		tg_json_key(&j, "provenance");
		tg_json_provenance(&j, &c->prov);
	}
	if (c->meta != NULL) {
		tg_json_key(&j, "meta");
		tg_json_node(&j, c->meta);
	}
	tg_json_kv_int(&j, "item_count", (long long)c->nitems);
	tg_json_kv_string(&j, "file", c->path);
	tg_json_end_object(&j);
	tg_json_key(&j, "items");
	tg_json_begin_array(&j);
	for (size_t i = 0; i < c->nitems; i++) {
		const tg_item *it = c->items[i];
		tg_json_begin_object(&j);
		tg_json_kv_string(&j, "id", it->id);
		tg_json_kv_string(&j, "ref", it->ref);
		tg_json_kv_string(&j, "parent", it->parent ? it->parent->id : NULL);
		tg_json_kv_int(&j, "depth", it->depth);
		tg_json_kv_string(&j, "title", it->title ? it->title : "unknown");
		tg_json_kv_string(&j, "text", it->text);
		tg_json_key(&j, "level");
		json_level(&j, it);
		tg_json_key(&j, "tags");
		json_strings(&j, it->tags, it->ntags);
		tg_json_key(&j, "provenance");
		tg_json_provenance(&j, &it->prov);
		if (it->flag != NULL)
			tg_json_kv_string(&j, "flag", it->flag);
		if (it->nlinks > 0) {
			tg_json_key(&j, "links");
			json_strings(&j, it->links, it->nlinks);
		}
		tg_json_pos(&j, "at", it->pos);
		tg_json_end_object(&j);
	}
	tg_json_end_array(&j);
	tg_json_end_object(&j);
}

static void
json_target_row(tg_json *j, const tg_xw_row *row, const tg_xw_target *t)
{
	tg_json_begin_object(j);
	tg_json_kv_string(j, "source", row->source ? row->source->id : row->source_id);
	if (t == NULL) {
		tg_json_kv_string(j, "target", NULL);
		tg_json_kv_string(j, "relationship", NULL);
		tg_json_kv_string(j, "strength", NULL);
		tg_json_kv_string(j, "rationale", NULL);
		tg_json_kv_string(j, "status", tg_status_name(row->status));
		tg_json_kv_string(j, "note", row->note);
		tg_json_pos(j, "at", row->pos);
	} else {
		tg_json_kv_string(j, "target", t->target ? t->target->id : t->target_id);
		tg_json_kv_string(j, "relationship", tg_relationship_name(t->relationship));
		tg_json_key(j, "strength");
		if (t->strength >= 0)
			tg_json_int(j, t->strength);
		else
			tg_json_null(j);
		tg_json_kv_string(j, "rationale", tg_rationale_name(t->rationale));
		tg_json_kv_string(j, "status", tg_status_name(t->status));
		tg_json_kv_string(j, "note", t->note);
		if (t->derived) {
			/* the items the composed pair passes through, CATALOG:ITEM */
			tg_json_key(j, "via");
			tg_json_begin_array(j);
			tg_buf ref = TG_BUF_INIT;
			for (size_t i = 0; i < t->nvia; i++) {
				tg_buf_clear(&ref);
				tg_buf_printf(&ref, "%s:%s", t->via[i]->catalog->id, t->via[i]->id);
				tg_json_string(j, ref.data);
			}
			tg_buf_free(&ref);
			tg_json_end_array(j);
		}
		tg_json_pos(j, "at", t->pos);
	}
	tg_json_end_object(j);
}

void
tg_show_crosswalk_json(const tg_crosswalk *xw, tg_buf *out)
{
	tg_json j;
	tg_json_init(&j, out, true);
	tg_json_begin_object(&j);
	tg_json_key(&j, "crosswalk");
	tg_json_begin_object(&j);
	tg_json_kv_string(&j, "id", xw->id);
	tg_json_kv_string(&j, "title", xw->title);
	tg_json_kv_string(&j, "source", xw->source_id);
	tg_json_kv_string(&j, "target", xw->target_id);
	if (xw->nvia > 0) {
		tg_json_key(&j, "derive");
		tg_json_begin_array(&j);
		tg_buf via = TG_BUF_INIT;
		for (size_t i = 0; i < xw->nvia; i++) {
			tg_buf_clear(&via);
			tg_buf_printf(&via, "%s%s", xw->via[i].inverse ? "~" : "", xw->via[i].id);
			tg_json_string(&j, via.data);
		}
		tg_buf_free(&via);
		tg_json_end_array(&j);
	}
	if (xw->inverse_of != NULL)
		tg_json_kv_string(&j, "inverse_of", xw->inverse_of->id);
	if (xw->prov.kind != TG_PROV_UNSET) {
		tg_json_key(&j, "provenance");
		tg_json_provenance(&j, &xw->prov);
	}
	tg_json_kv_string(&j, "file", xw->path);
	tg_json_end_object(&j);
	tg_json_key(&j, "rows");
	tg_json_begin_array(&j);
	for (size_t r = 0; r < xw->nrows; r++) {
		const tg_xw_row *row = &xw->rows[r];
		if (row->ntargets == 0)
			json_target_row(&j, row, NULL);
		for (size_t t = 0; t < row->ntargets; t++)
			json_target_row(&j, row, &row->targets[t]);
	}
	tg_json_end_array(&j);
	tg_json_key(&j, "proposals");
	tg_json_begin_array(&j);
	for (size_t r = 0; r < xw->nrows; r++) {
		const tg_xw_row *row = &xw->rows[r];
		const tg_proposal *p = row->proposal;
		if (p == NULL)
			continue;
		tg_json_begin_object(&j);
		tg_json_kv_string(&j, "source", row->source ? row->source->id : row->source_id);
		tg_json_kv_string(&j, "action", tg_action_name(p->action));
		tg_json_kv_string(&j, "clause", p->clause ? p->clause->id : p->clause_id);
		tg_json_kv_string(&j, "text", p->text);
		tg_json_kv_string(&j, "note", p->note);
		tg_json_pos(&j, "at", p->pos);
		tg_json_end_object(&j);
	}
	tg_json_end_array(&j);
	tg_json_end_object(&j);
}
