/* 突合表 as JSON: an OSCAL-style mapping collection (relationship names
 * equal-to, subset-of, superset-of, intersects-with, no-relationship; see
 * docs/crosswalk.md), with totsugo's own extras (related material,
 * proposals, coverage) under "totsugo".  Identifiers are derived from the
 * data, so the output is reproducible. */
#include <stdint.h>
#include <string.h>

#include "../../util/json.h"
#include "../provenance.h"
#include "xw.h"

static const char *
oscal_relationship(tg_relationship r)
{
	static const char *const names[] = {"equal-to", "subset-of", "superset-of",
	    "intersects-with", "no-relationship"};
	return r < TG_REL_COUNT ? names[r] : NULL;
}

static uint64_t
fnv(const char *s, uint64_t h)
{
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	return h;
}

/* A name-based UUID (version 8, RFC 9562) of the parts joined by '\n'. */
static void
json_uuid(tg_json *j, const char *a, const char *b, const char *c)
{
	uint64_t h1 = 1469598103934665603ULL, h2 = 0x9e3779b97f4a7c15ULL;
	const char *parts[] = {a, b, c};
	for (size_t i = 0; i < 3; i++) {
		h1 = fnv(parts[i] ? parts[i] : "", fnv("\n", h1));
		h2 = fnv(parts[i] ? parts[i] : "", fnv("\n", h2 * 31));
	}
	unsigned char u[16];
	for (int i = 0; i < 8; i++) {
		u[i] = (unsigned char)(h1 >> (56 - 8 * i));
		u[8 + i] = (unsigned char)(h2 >> (56 - 8 * i));
	}
	u[6] = (unsigned char)((u[6] & 0x0F) | 0x80);
	u[8] = (unsigned char)((u[8] & 0x3F) | 0x80);
	char s[37];
	snprintf(s, sizeof s, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
	    u[0], u[1], u[2], u[3], u[4], u[5], u[6], u[7], u[8], u[9], u[10], u[11], u[12], u[13],
	    u[14], u[15]);
	tg_json_kv_string(j, "uuid", s);
}

static void
prop(tg_json *j, const char *name, const char *value)
{
	tg_json_begin_object(j);
	tg_json_kv_string(j, "name", name);
	tg_json_kv_string(j, "ns", "https://totsugo.example/ns/oscal");
	tg_json_kv_string(j, "value", value);
	tg_json_end_object(j);
}

static void
resource(tg_json *j, const tg_catalog *c)
{
	tg_json_begin_object(j);
	tg_json_kv_string(j, "type", "catalog");
	tg_buf href = TG_BUF_INIT;
	tg_buf_printf(&href, "#%s", c->id);
	tg_json_kv_string(j, "href", href.data);
	tg_buf_free(&href);
	tg_json_kv_string(j, "title", c->title);
	tg_json_end_object(j);
}

static void
control_ref(tg_json *j, const char *id)
{
	tg_json_begin_array(j);
	tg_json_begin_object(j);
	tg_json_kv_string(j, "type", "control");
	tg_json_kv_string(j, "id-ref", id);
	tg_json_end_object(j);
	tg_json_end_array(j);
}

static void
count_json(tg_json *j, const tg_xt_count *c)
{
	tg_json_begin_object(j);
	tg_json_kv_int(j, "items", (long long)c->items);
	tg_json_kv_int(j, "mapped", (long long)c->mapped);
	tg_json_key(j, "by_relationship");
	tg_json_begin_object(j);
	for (int r = 0; r < TG_REL_COUNT; r++)
		tg_json_kv_int(j, oscal_relationship((tg_relationship)r), (long long)c->by_rel[r]);
	tg_json_end_object(j);
	tg_json_kv_int(j, "unmapped", (long long)c->unmapped);
	tg_json_kv_int(j, "proposals", (long long)c->proposals);
	tg_json_kv_int(j, "reviewed", (long long)c->reviewed);
	tg_json_end_object(j);
}

void
tg_xw_render_json(const tg_xtable *t, tg_buf *out)
{
	tg_json j;
	tg_json_init(&j, out, true);
	const char *level = t->level >= 0 ? t->guide->levels[t->level] : "all";
	tg_json_begin_object(&j);
	tg_json_key(&j, "mapping-collection");
	tg_json_begin_object(&j);
	json_uuid(&j, "mapping-collection", t->ind->id, level);
	tg_json_key(&j, "metadata");
	tg_json_begin_object(&j);
	tg_buf title = TG_BUF_INIT;
	tg_buf_printf(&title, "%s と %s の突合表", t->guide->title, t->base->title);
	tg_json_kv_string(&j, "title", title.data);
	tg_buf_free(&title);
	tg_buf when = TG_BUF_INIT;
	tg_buf_printf(&when, "%sT00:00:00Z", t->guide->date && strlen(t->guide->date) == 10 ?
	    t->guide->date : "2000-01-01");
	tg_json_kv_string(&j, "last-modified", when.data);
	tg_buf_free(&when);
	tg_json_kv_string(&j, "version", t->guide->version ? t->guide->version : "unspecified");
	tg_json_kv_string(&j, "oscal-version", "1.1.3");
	tg_json_end_object(&j);
	tg_json_key(&j, "provenance");
	tg_json_begin_object(&j);
	tg_json_kv_string(&j, "method", "human");
	tg_json_kv_string(&j, "matching-rationale", "semantic");
	tg_json_kv_string(&j, "status", t->total.reviewed == t->total.mapped ? "complete" : "draft");
	tg_json_kv_string(&j, "mapping-description",
	    "Industry guideline items mapped to the IPA SME guideline; relationship reads "
	    "\"source REL target\".");
	tg_json_end_object(&j);

	tg_json_key(&j, "mappings");
	tg_json_begin_array(&j);
	tg_json_begin_object(&j);
	json_uuid(&j, "mapping", t->guide->id, t->base->id);
	tg_json_key(&j, "source-resource");
	resource(&j, t->guide);
	tg_json_key(&j, "target-resource");
	resource(&j, t->base);
	tg_json_key(&j, "maps");
	tg_json_begin_array(&j);
	for (size_t i = 0; i < t->nrows; i++) {
		const tg_xt_row *r = &t->rows[i];
		for (size_t k = 0; k < r->ndirect; k++) {
			const tg_xw_target *tg = r->links[k].target;
			tg_json_begin_object(&j);
			json_uuid(&j, r->xw->id, r->item->id, tg->target->id);
			tg_json_kv_string(&j, "relationship", oscal_relationship(tg->relationship));
			tg_json_key(&j, "sources");
			control_ref(&j, r->item->id);
			tg_json_key(&j, "targets");
			control_ref(&j, tg->target->id);
			/* OSCAL's rationales are syntactic, semantic, functional; a
			 * derived pair says so in its props instead. */
			if (tg->rationale != TG_RAT_UNSET && tg->rationale != TG_RAT_DERIVED)
				tg_json_kv_string(&j, "matching-rationale", tg_rationale_name(tg->rationale));
			tg_json_key(&j, "props");
			tg_json_begin_array(&j);
			char strength[16];
			if (tg->strength >= 0) {
				snprintf(strength, sizeof strength, "%d", tg->strength);
				prop(&j, "strength", strength);
			}
			prop(&j, "status", tg_status_name(tg->status));
			prop(&j, "crosswalk", r->xw->id);
			if (tg->derived) {
				prop(&j, "rationale", "derived");
				tg_buf via = TG_BUF_INIT;
				for (size_t v = 0; v < tg->nvia; v++) {
					tg_buf_clear(&via);
					tg_buf_printf(&via, "%s:%s", tg->via[v]->catalog->id, tg->via[v]->id);
					prop(&j, "derived-via", via.data);
				}
				tg_buf_free(&via);
			}
			tg_json_end_array(&j);
			if (tg->note != NULL)
				tg_json_kv_string(&j, "remarks", tg->note);
			tg_json_end_object(&j);
		}
	}
	tg_json_end_array(&j);
	tg_json_end_object(&j);
	tg_json_end_array(&j);
	tg_json_end_object(&j);

	/* What OSCAL has no place for. */
	tg_json_key(&j, "totsugo");
	tg_json_begin_object(&j);
	tg_json_kv_string(&j, "industry", t->ind->id);
	tg_json_kv_string(&j, "guideline", t->guide->id);
	tg_json_kv_string(&j, "baseline", t->base->id);
	tg_json_kv_string(&j, "level", t->level >= 0 ? t->guide->levels[t->level] : NULL);
	tg_json_key(&j, "items");
	tg_json_begin_array(&j);
	for (size_t i = 0; i < t->nrows; i++) {
		const tg_xt_row *r = &t->rows[i];
		const tg_item *it = r->item;
		tg_json_begin_object(&j);
		tg_json_kv_string(&j, "id", it->id);
		tg_json_kv_string(&j, "ref", it->ref);
		tg_json_kv_string(&j, "title", it->title ? it->title : "unknown");
		tg_json_kv_string(&j, "level", tg_item_level_name(it));
		if (it->flag != NULL)
			tg_json_kv_string(&j, "flag", it->flag);
		/* Where the item comes from: its kind and confidence, and whether
		 * its title is our inference rather than the guideline's words. */
		tg_json_key(&j, "source_provenance");
		tg_json_begin_object(&j);
		tg_json_kv_string(&j, "kind", tg_origin_text_of(r->origin)->json);
		char conf[2] = {it->prov.confidence, '\0'};
		tg_json_kv_string(&j, "confidence", it->prov.confidence ? conf : NULL);
		tg_json_key(&j, "title_inferred");
		tg_json_bool(&j, r->origin == TG_ORIGIN_INFERRED);
		tg_json_end_object(&j);
		tg_json_kv_string(&j, "status", r->xrow ? tg_status_name(r->xrow->status) : NULL);
		tg_json_key(&j, "targets");
		tg_json_begin_array(&j);
		for (size_t k = 0; k < r->ndirect; k++)
			tg_json_string(&j, r->links[k].item->id);
		tg_json_end_array(&j);
		/* The baseline's own numbering of targets, where ours differs. */
		bool official = false;
		for (size_t k = 0; k < r->ndirect && !official; k++)
			official = r->links[k].item->official_ref != NULL;
		if (official) {
			tg_json_key(&j, "targets_official_ref");
			tg_json_begin_object(&j);
			for (size_t k = 0; k < r->ndirect; k++)
				if (r->links[k].item->official_ref != NULL)
					tg_json_kv_string(&j, r->links[k].item->id, r->links[k].item->official_ref);
			tg_json_end_object(&j);
		}
		tg_json_key(&j, "related");
		tg_json_begin_array(&j);
		for (size_t k = r->ndirect; k < r->nlinks; k++) {
			tg_json_begin_object(&j);
			tg_json_kv_string(&j, "id", r->links[k].item->id);
			tg_json_kv_string(&j, "via", r->links[k].via->id);
			tg_json_kv_string(&j, "crosswalk", r->links[k].via_xw->id);
			tg_json_end_object(&j);
		}
		tg_json_end_array(&j);
		const tg_proposal *p = r->xrow ? r->xrow->proposal : NULL;
		if (p != NULL) {
			tg_json_key(&j, "proposal");
			tg_json_begin_object(&j);
			tg_json_kv_string(&j, "action", tg_action_name(p->action));
			tg_json_kv_string(&j, "clause", p->clause ? p->clause->id : NULL);
			tg_json_kv_string(&j, "text", p->text);
			tg_json_kv_string(&j, "note", p->note);
			tg_json_end_object(&j);
		}
		tg_json_end_object(&j);
	}
	tg_json_end_array(&j);
	tg_json_key(&j, "coverage");
	tg_json_begin_object(&j);
	tg_json_key(&j, "total");
	count_json(&j, &t->total);
	tg_json_key(&j, "by_level");
	tg_json_begin_object(&j);
	for (size_t s = 0; s < t->nlevel_rows; s++)
		if (t->by_level[s].items > 0) {
			tg_json_key(&j, s < t->guide->nlevels ? t->guide->levels[s] :
			    s == t->guide->nlevels ? "unknown" : "none");
			count_json(&j, &t->by_level[s]);
		}
	tg_json_end_object(&j);
	tg_json_key(&j, "by_chapter");
	tg_json_begin_object(&j);
	for (size_t c = 0; c < t->nchapters; c++) {
		tg_json_key(&j, t->chapters[c].item->id);
		count_json(&j, &t->chapters[c].count);
	}
	tg_json_end_object(&j);
	tg_json_end_object(&j);
	tg_json_end_object(&j);
	tg_json_end_object(&j);
}
