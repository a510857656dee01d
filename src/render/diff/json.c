/* diff --format json: the whole model for scripts (shape in docs/diff.md).
 * Similarities and scores are integers per mille. */
#include <stdlib.h>
#include <string.h>

#include "../../diff/diff.h"
#include "common.h"
#include "../../util/json.h"

static void
item(tg_json *j, const tg_item *it)
{
	char lv[256];
	tg_json_begin_object(j);
	tg_json_kv_string(j, "id", it->id);
	tg_json_kv_string(j, "ref", it->ref);
	tg_json_kv_string(j, "title", it->title);
	tg_json_kv_string(j, "level", tg_diff_level(it, lv, sizeof lv));
	tg_json_kv_string(j, "parent", it->parent ? it->parent->id : NULL);
	tg_json_end_object(j);
}

static void
redline(tg_json *j, const char *a, const char *b)
{
	tg_buf spans = TG_BUF_INIT;
	tg_diff_redline(a, b, &spans);
	tg_json_key(j, "redline");
	tg_json_begin_array(j);
	for (size_t i = 0; i < TG_BUF_COUNT(&spans, tg_diff_span); i++) {
		const tg_diff_span *sp = &TG_BUF_AT(&spans, tg_diff_span, i);
		tg_json_begin_object(j);
		tg_json_kv_string(j, "op", sp->op == TG_OP_EQ ? "=" : sp->op == TG_OP_DEL ? "-" : "+");
		tg_json_key(j, "text");
		tg_json_stringn(j, sp->s, sp->len);
		tg_json_end_object(j);
	}
	tg_json_end_array(j);
	tg_buf_free(&spans);
}

static void
kinds(tg_json *j, unsigned k)
{
	tg_json_key(j, "kinds");
	tg_json_begin_array(j);
	for (int b = 0; b < TG_DK_COUNT; b++)
		if (k & (1u << b))
			tg_json_string(j, tg_diff_kind_name(1u << b));
	tg_json_end_array(j);
}

static void
entry(tg_json *j, const tg_diff_entry *e)
{
	tg_json_begin_object(j);
	kinds(j, e->kinds);
	tg_json_key(j, "old");
	if (e->old_item)
		item(j, e->old_item);
	else
		tg_json_null(j);
	tg_json_key(j, "new");
	if (e->new_item)
		item(j, e->new_item);
	else
		tg_json_null(j);
	if (e->old_item && e->new_item && !(e->kinds & TG_DK_MERGED)) {
		tg_json_kv_int(j, "similarity", e->similarity);
		tg_json_key(j, "fields");
		tg_json_begin_array(j);
		for (int f = 0; f < TG_DF_COUNT; f++) {
			if (!(e->fields & (1u << f)))
				continue;
			char bo[512], bn[512];
			const char *a = tg_diff_field_value(e->old_item, 1u << f, bo, sizeof bo);
			const char *b = tg_diff_field_value(e->new_item, 1u << f, bn, sizeof bn);
			tg_json_begin_object(j);
			tg_json_kv_string(j, "field", tg_diff_field_name(1u << f));
			if ((1u << f) == TG_DF_PARENT) {
				a = e->old_item->parent ? e->old_item->parent->id : NULL;
				b = e->new_item->parent ? e->new_item->parent->id : NULL;
			}
			tg_json_kv_string(j, "old", a);
			tg_json_kv_string(j, "new", b);
			if ((1u << f) == TG_DF_TITLE || (1u << f) == TG_DF_TEXT)
				redline(j, a, b);
			tg_json_end_object(j);
		}
		tg_json_end_array(j);
	}
	if (e->nparts > 0) {
		tg_json_key(j, "parts");
		tg_json_begin_array(j);
		for (size_t p = 0; p < e->nparts; p++) {
			tg_json_begin_object(j);
			tg_json_key(j, "item");
			item(j, e->parts[p].item);
			tg_json_kv_int(j, "score", e->parts[p].score);
			tg_json_end_object(j);
		}
		tg_json_end_array(j);
	}
	tg_json_end_object(j);
}

static void
catalog(tg_json *j, const char *key, const tg_catalog *c)
{
	tg_json_key(j, key);
	tg_json_begin_object(j);
	tg_json_kv_string(j, "catalog", c->id);
	tg_json_kv_string(j, "file", c->file);
	tg_json_kv_string(j, "title", c->title);
	tg_json_kv_string(j, "version", c->version);
	tg_json_kv_string(j, "date", c->date);
	tg_json_kv_int(j, "items", (long long)c->nitems);
	tg_json_end_object(j);
}

static void
summary(tg_json *j, const tg_catdiff *cd)
{
	tg_json_key(j, "summary");
	tg_json_begin_object(j);
	tg_json_kv_int(j, "changed", (long long)cd->nentries);
	tg_json_key(j, "kinds");
	tg_json_begin_object(j);
	for (int k = 0; k < TG_DK_COUNT; k++)
		tg_json_kv_int(j, tg_diff_kind_name(1u << k), (long long)cd->counts[k]);
	tg_json_end_object(j);
	tg_json_key(j, "levels");
	tg_json_begin_array(j);
	for (size_t i = 0; i < cd->nlevels; i++) {
		const tg_diff_level_count *lc = &cd->levels[i];
		tg_json_begin_object(j);
		tg_json_kv_string(j, "level", lc->level);
		for (int k = 0; k < TG_DK_COUNT; k++)
			tg_json_kv_int(j, tg_diff_kind_name(1u << k), (long long)lc->counts[k]);
		tg_json_kv_int(j, "total", (long long)lc->total);
		tg_json_end_object(j);
	}
	tg_json_end_array(j);
	tg_json_end_object(j);
}

static void
impact(tg_json *j, const tg_impact *im)
{
	tg_json_key(j, "impact");
	if (im == NULL) {
		tg_json_null(j);
		return;
	}
	tg_json_begin_object(j);
	tg_json_kv_int(j, "crosswalks", (long long)im->ncrosswalks);
	tg_json_key(j, "rows");
	tg_json_begin_array(j);
	for (size_t i = 0; i < im->nrows; i++) {
		const tg_impact_row *r = &im->rows[i];
		tg_buf reason = TG_BUF_INIT;
		tg_json_begin_object(j);
		tg_json_kv_string(j, "crosswalk", r->xw->id);
		tg_json_kv_int(j, "line", r->row->pos.line);
		tg_json_kv_string(j, "source", r->row->source_id);
		tg_json_key(j, "targets");
		tg_json_begin_array(j);
		for (size_t t = 0; t < r->row->ntargets; t++)
			tg_json_string(j, r->row->targets[t].target_id);
		tg_json_end_array(j);
		tg_json_kv_string(j, "side", r->source_side ? "source" : r->target ? "target"
		    : "proposal-clause");
		tg_json_kv_string(j, "item", r->item_id);
		kinds(j, r->change->kinds);
		tg_diff_put_reason(&reason, r, false);
		tg_json_kv_string(j, "reason", reason.data);
		tg_json_end_object(j);
		tg_buf_free(&reason);
	}
	tg_json_end_array(j);
	tg_json_key(j, "clauses");
	tg_json_begin_array(j);
	for (size_t i = 0; i < im->nclauses; i++) {
		const tg_impact_clause *c = &im->clauses[i];
		tg_json_begin_object(j);
		tg_json_kv_string(j, "catalog", c->clause->catalog->id);
		tg_json_kv_string(j, "id", c->clause->id);
		tg_json_kv_string(j, "ref", c->clause->ref);
		tg_json_kv_string(j, "title", c->clause->title);
		tg_json_key(j, "from");
		tg_json_begin_array(j);
		for (size_t u = 0; u < c->nuses; u++) {
			tg_json_begin_object(j);
			tg_json_kv_string(j, "crosswalk", c->uses[u].xw->id);
			tg_json_kv_string(j, "source", c->uses[u].row->source_id);
			tg_json_kv_string(j, "via", c->uses[u].proposal ? "proposal" : "label");
			tg_json_end_object(j);
		}
		tg_json_end_array(j);
		tg_json_end_object(j);
	}
	tg_json_end_array(j);
	tg_json_end_object(j);
}

void
tg_diff_render_json(const tg_diff_report *r, tg_buf *out)
{
	const tg_catdiff *cd = r->cd;
	tg_json j;
	tg_json_init(&j, out, true);
	tg_json_begin_object(&j);
	catalog(&j, "old", cd->old_cat);
	catalog(&j, "new", cd->new_cat);
	tg_json_key(&j, "catalog_changes");
	tg_json_begin_array(&j);
	for (int m = 0; m < TG_DM_COUNT; m++) {
		if (!(cd->meta & (1u << m)))
			continue;
		char *ta, *tb;
		tg_json_begin_object(&j);
		tg_json_kv_string(&j, "field", tg_diff_meta_name(1u << m));
		tg_json_kv_string(&j, "old", tg_diff_meta_value(cd->old_cat, 1u << m, &ta));
		tg_json_kv_string(&j, "new", tg_diff_meta_value(cd->new_cat, 1u << m, &tb));
		tg_json_end_object(&j);
		free(ta);
		free(tb);
	}
	tg_json_end_array(&j);
	summary(&j, cd);
	tg_json_key(&j, "changes");
	tg_json_begin_array(&j);
	for (size_t i = 0; i < cd->nentries; i++)
		entry(&j, &cd->entries[i]);
	tg_json_end_array(&j);
	impact(&j, r->impact);
	tg_json_end_object(&j);
	tg_buf_putc(out, '\n');
}
