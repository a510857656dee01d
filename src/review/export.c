/* `review export`: a crosswalk as the rows of a review workbook. */
#include <stdlib.h>
#include <string.h>

#include "review.h"
#include "../crosswalk/write.h"
#include "../load/templates.h"
#include "../util/outset.h"

const char *const tg_rv_headers[TG_RV_NCOLS] = {
	"キー", "業界項目ID", "番号", "業界項目", "業界項目の内容", "対応先ID", "対応先の項目",
	"対応先の内容（抜粋）", "関係", "強度", "根拠", "状態", "備考", "反映案", "反映先",
	"反映案の文案", "反映案の備考", "項目の備考",
};

const char *const tg_rv_rel_labels[TG_REL_COUNT] = {"同等", "IPAに包含", "業界側が広い",
    "一部重複", "関係なし"};
const char *const tg_rv_rationale_labels[4] = {"", "文言", "意味", "効果"};
const char *const tg_rv_status_labels[3] = {"提案", "確認済み", "対応なし"};
const char *const tg_rv_action_labels[4] = {"", "追加", "修正", "なし"};

/* How long an excerpt of a target's text is, in characters. */
#define EXCERPT 200

bool
tg_rv_editable(int col)
{
	switch (col) {
	case TG_RV_SRC_REF:
	case TG_RV_SRC_TITLE:
	case TG_RV_SRC_TEXT:
	case TG_RV_TGT_LABEL:
	case TG_RV_TGT_TEXT:
	case TG_RV_KEY:
		return false;
	default:
		return true;
	}
}

int
tg_rv_label_index(const char *const *labels, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++)
		if (labels[i][0] != '\0' && strcmp(labels[i], s) == 0)
			return (int)i;
	return -1;
}

bool
tg_rv_reviewable(const tg_crosswalk *xw, tg_diag *diag)
{
	if (xw->inverse_of != NULL) {
		tg_diag_error(diag, tg_pos_at(NULL, 0, 0), "'%s' is the inverse view of crosswalk '%s', "
		    "not a file: review '%s' itself", xw->id, xw->inverse_of->id, xw->inverse_of->id);
		return false;
	}
	if (xw->nvia > 0) {
		tg_buf chain = TG_BUF_INIT;
		for (size_t i = 0; i < xw->nvia; i++)
			tg_buf_printf(&chain, "%s%s%s", i ? ", " : "", xw->via[i].inverse ? "~" : "",
			    xw->via[i].id);
		tg_diag_error(diag, tg_pos_at(xw->file, 0, 0), "crosswalk '%s' is derived (derive: "
		    "[%s]): its pairs come from the crosswalks it is composed of; review those, or "
		    "write the pairs judged on their own in its file", xw->id, chain.data);
		tg_buf_free(&chain);
		return false;
	}
	return true;
}

void
tg_rv_fingerprint(const tg_crosswalk *xw, char out[17])
{
	tg_buf yaml = TG_BUF_INIT;
	tg_xw_write_yaml(xw, NULL, &yaml);
	uint64_t h = UINT64_C(0xcbf29ce484222325);
	for (size_t i = 0; i < yaml.len; i++) {
		h ^= (unsigned char)yaml.data[i];
		h *= UINT64_C(0x100000001b3);
	}
	snprintf(out, 17, "%016llx", (unsigned long long)h);
	tg_buf_free(&yaml);
}

typedef struct builder {
	tg_rv_sheet *s;
	const tg_tset *tset;
	tg_buf rows;		/* tg_rv_row */
	tg_buf tmp;
} builder;

static const char *
keep(builder *b, const char *s)
{
	return s ? tg_arena_strdup(&b->s->arena, s) : "";
}

/* The key of a row: "SOURCE|TARGET" ("SOURCE|" for an item row). */
static const char *
key(builder *b, const char *src, const char *tgt)
{
	tg_buf_clear(&b->tmp);
	tg_buf_printf(&b->tmp, "%s|%s", src, tgt);
	return keep(b, b->tmp.data);
}

/* "付録5 3.1.1 情報資産の特定と機密性の評価": the part, the item's ref and title. */
static const char *
target_label(builder *b, const tg_item *it)
{
	const tg_item *root = it;
	while (root->parent != NULL)
		root = root->parent;
	tg_buf_clear(&b->tmp);
	if (root != it)
		tg_buf_printf(&b->tmp, "%s ", root->ref);
	tg_buf_printf(&b->tmp, "%s %s", it->ref, it->title ? it->title : "不明");
	return keep(b, b->tmp.data);
}

static const char *
target_text(builder *b, const tg_item *it)
{
	const tg_tclause *c = b->tset ? tg_tset_clause(b->tset, it->id) : NULL;
	if (c != NULL) {
		char *e = tg_tset_excerpt(b->tset, c, EXCERPT);
		const char *r = keep(b, e);
		free(e);
		return r;
	}
	return keep(b, it->text);
}

static void
source_cells(builder *b, tg_rv_row *r, const tg_item *it)
{
	r->cells[TG_RV_SRC_ID] = it->id;
	r->cells[TG_RV_SRC_REF] = it->ref;
	r->cells[TG_RV_SRC_TITLE] = it->title ? it->title : "不明";
	r->cells[TG_RV_SRC_TEXT] = it->text ? it->text : "";
}

static void
row_cells(builder *b, tg_rv_row *r, const tg_xw_row *xr)
{
	const tg_proposal *p = xr->proposal;
	if (p != NULL) {
		r->cells[TG_RV_ACTION] = tg_rv_action_labels[p->action];
		r->cells[TG_RV_CLAUSE] = p->clause_id ? p->clause_id : "";
		r->cells[TG_RV_PTEXT] = p->text ? p->text : "";
		r->cells[TG_RV_PNOTE] = p->note ? p->note : "";
	}
	r->cells[TG_RV_ROWNOTE] = xr->note ? xr->note : "";
}

static void
add_item(builder *b, const tg_item *it, const tg_xw_row *xr)
{
	size_t n = xr && xr->ntargets ? xr->ntargets : 1;
	for (size_t k = 0; k < n; k++) {
		tg_rv_row r;
		memset(&r, 0, sizeof r);
		for (int c = 0; c < TG_RV_NCOLS; c++)
			r.cells[c] = "";
		r.strength = -1;
		r.first = k == 0;
		source_cells(b, &r, it);
		if (xr != NULL && xr->ntargets > 0) {
			const tg_xw_target *t = &xr->targets[k];
			r.cells[TG_RV_KEY] = key(b, it->id, t->target_id);
			r.cells[TG_RV_TGT_ID] = t->target_id;
			if (t->target != NULL) {
				r.cells[TG_RV_TGT_LABEL] = target_label(b, t->target);
				r.cells[TG_RV_TGT_TEXT] = target_text(b, t->target);
			}
			r.cells[TG_RV_REL] = t->relationship < TG_REL_COUNT ?
			    tg_rv_rel_labels[t->relationship] : "";
			r.strength = t->strength;
			r.cells[TG_RV_RATIONALE] = tg_rv_rationale_labels[t->rationale];
			r.cells[TG_RV_STATUS] = t->status == TG_STATUS_REVIEWED ? tg_rv_status_labels[1] :
			    tg_rv_status_labels[0];
			r.cells[TG_RV_NOTE] = t->note ? t->note : "";
		} else {
			r.cells[TG_RV_KEY] = key(b, it->id, "");
			if (xr != NULL)
				r.cells[TG_RV_STATUS] = tg_rv_status_labels[2];
		}
		if (k == 0 && xr != NULL)
			row_cells(b, &r, xr);
		TG_BUF_PUSH(&b->rows, tg_rv_row, r);
	}
}

static const tg_tset *
tset_of(const tg_data *d, const tg_catalog *c)
{
	for (size_t i = 0; i < TG_DATA_COUNT(d, paramsets, tg_paramset); i++) {
		const tg_paramset *ps = TG_DATA_AT(d, paramsets, tg_paramset, i);
		if (ps->catalog == c && ps->tset != NULL)
			return ps->tset;
	}
	return NULL;
}

tg_rv_sheet *
tg_rv_build(const tg_data *d, const tg_crosswalk *xw)
{
	tg_rv_sheet *s = tg_xcalloc(1, sizeof *s);
	tg_arena_init(&s->arena);
	s->xw = xw;
	s->source = xw->source;
	s->target = xw->target;
	s->date = s->source->date;
	tg_rv_fingerprint(xw, s->fingerprint);
	builder b = {s, tset_of(d, xw->target), TG_BUF_INIT, TG_BUF_INIT};
	/* Source items in tree order: those the crosswalk has a row for, and
	 * every other requirement (a leaf, or a group with a text). */
	for (size_t i = 0; i < s->source->nitems; i++) {
		const tg_item *it = s->source->items[i];
		const tg_xw_row *xr = tg_map_get(&xw->row_by_source, it->id);
		if (xr == NULL && it->nchildren > 0 && (it->text == NULL || *it->text == '\0'))
			continue;
		add_item(&b, it, xr);
	}
	s->nrows = TG_BUF_COUNT(&b.rows, tg_rv_row);
	s->rows = tg_arena_memdup(&s->arena, b.rows.data ? b.rows.data : "",
	    b.rows.len ? b.rows.len : 1);
	s->source_items = TG_ARENA_ARRAY(&s->arena, const tg_item *, s->source->nitems + 1);
	for (size_t i = 0; i < s->source->nitems; i++)
		s->source_items[s->nsource_items++] = s->source->items[i];
	s->target_items = TG_ARENA_ARRAY(&s->arena, const tg_item *, s->target->nitems + 1);
	for (size_t i = 0; i < s->target->nitems; i++)
		s->target_items[s->ntarget_items++] = s->target->items[i];
	tg_buf_free(&b.rows);
	tg_buf_free(&b.tmp);
	return s;
}

void
tg_rv_free(tg_rv_sheet *s)
{
	if (s == NULL)
		return;
	tg_arena_free(&s->arena);
	free(s);
}

int
tg_review_export(const tg_data *d, const char *id, const char *output, tg_buf *report,
    tg_diag *diag)
{
	const tg_crosswalk *xw = tg_data_crosswalk(d, id);
	if (xw == NULL) {
		if (tg_data_catalog(d, id) != NULL)
			tg_diag_error(diag, tg_pos_at(NULL, 0, 0), "'%s' is a catalog, not a crosswalk", id);
		else
			tg_diag_error(diag, tg_pos_at(NULL, 0, 0), "no crosswalk '%s' in the data directory "
			    "'%s' (see 'totsugo list')", id, d->root);
		return TG_EXIT_USAGE;
	}
	if (xw->source == NULL || xw->target == NULL)
		return TG_EXIT_INVALID;
	if (!tg_rv_reviewable(xw, diag))
		return TG_EXIT_USAGE;
	tg_buf path = TG_BUF_INIT;
	if (output != NULL)
		tg_buf_puts(&path, output);
	else
		tg_buf_printf(&path, "review-%s.xlsx", xw->id);
	tg_rv_sheet *s = tg_rv_build(d, xw);
	tg_outset *set = tg_outset_new();
	int rc = TG_EXIT_IO;
	const char *tmp = tg_outset_reserve(set, path.data, diag);
	if (tmp == NULL)
		goto out;
	rc = tg_rv_render_xlsx(s, tmp, path.data, diag);
	if (rc != TG_EXIT_OK)
		goto out;
	rc = tg_outset_commit(set, diag);
	if (rc == TG_EXIT_OK)
		tg_buf_printf(report, "wrote %s (%zu rows)\n", path.data, s->nrows);
out:
	tg_outset_free(set);
	tg_rv_free(s);
	tg_buf_free(&path);
	return rc;
}
