/* `review apply`: a review workbook (or its sheet saved as CSV/TSV) read
 * back into the crosswalk.  Every row is checked and every problem
 * reported at its cell before anything is written; see review.h for how
 * rows map to pairs, and docs/workflow.md for what a reviewer may do. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "review.h"
#include "../crosswalk/write.h"
#include "../load/load.h"
#include "../load/sheet/sheet.h"
#include "../load/sheet/xlsx.h"
#include "../util/csv.h"
#include "../util/fs.h"
#include "../util/outset.h"

/* One data row of the sheet, as read. */
typedef struct in_row {
	unsigned row;
	const char *key_src, *key_tgt;	/* NULL: no key (a row the reviewer added) */
	const char *src, *tgt;		/* normalised; "" when blank */
	int rel;			/* tg_relationship, or -1 blank */
	int strength;			/* -1 blank */
	int rat;			/* tg_rationale; 0 blank */
	int status;			/* index in tg_rv_status_labels, or -1 blank */
	const char *note;
	int action;			/* tg_action; 0 blank */
	const char *clause, *ptext, *pnote, *rownote;
	bool cleared;			/* every edited cell blank: the pair is removed */
	bool copy;			/* a copy of another row: its key means nothing */
	bool dropped;			/* no pair comes from this row */
} in_row;

typedef struct applier {
	const tg_data *d;
	const tg_crosswalk *xw;
	tg_diag *diag;
	tg_sheet sh;
	unsigned col[TG_RV_NCOLS];	/* 1-based sheet column of each, 0: absent */
	tg_buf rows;			/* in_row */
	tg_arena arena;
	tg_buf tmp;
	size_t errors;
} applier;

static tg_pos
cell(const applier *a, unsigned row, int col)
{
	return tg_pos_at(a->sh.file, row, a->col[col]);
}

#define ERR(a, row, col, ...) \
	do { tg_diag_error((a)->diag, cell((a), (row), (col)), __VA_ARGS__); (a)->errors++; } while (0)

static const char *
raw(const applier *a, const tg_sheet_row *r, int col)
{
	return a->col[col] ? tg_sheet_cell_text(r, a->col[col]) : "";
}

/* Ids and pull-down values: folded (full-width letters, spaces) and trimmed. */
static const char *
norm(applier *a, const tg_sheet_row *r, int col)
{
	tg_buf_clear(&a->tmp);
	tg_sheet_normalize(raw(a, r, col), &a->tmp);
	return tg_arena_strdup(&a->arena, tg_buf_cstr(&a->tmp));
}

/* Texts as written; a blank cell is no text.  The apostrophe export puts
 * before a text Excel would take for a formula when edited (=, +, -, @ …)
 * is taken off again. */
static const char *
text(applier *a, const tg_sheet_row *r, int col)
{
	const char *s = raw(a, r, col);
	if (s[0] == '\'' && tg_sheet_is_risky(s + 1))
		s++;
	return tg_sheet_blank(s) ? NULL : tg_arena_strdup(&a->arena, s);
}

static void
list_labels(tg_buf *b, const char *const *labels, size_t n)
{
	bool first = true;
	for (size_t i = 0; i < n; i++) {
		if (labels[i][0] == '\0')
			continue;
		tg_buf_printf(b, "%s%s", first ? "" : "、", labels[i]);
		first = false;
	}
}

static int
label(applier *a, const tg_sheet_row *r, int col, const char *const *labels, size_t n)
{
	const char *v = norm(a, r, col);
	if (*v == '\0')
		return -1;
	int i = tg_rv_label_index(labels, n, v);
	if (i < 0) {
		tg_buf b = TG_BUF_INIT;
		list_labels(&b, labels, n);
		ERR(a, r->row, col, "'%s' is not a value of %s (one of: %s)", v, tg_rv_headers[col],
		    b.data);
		tg_buf_free(&b);
		return -2;
	}
	return i;
}

/* The header row: every column found by its text, wherever it is. */
static bool
find_columns(applier *a)
{
	if (a->sh.nrows == 0) {
		tg_diag_error(a->diag, tg_pos_at(a->sh.file, 0, 0), "the sheet is empty (no header row)");
		return false;
	}
	const tg_sheet_row *h = &a->sh.rows[0];
	tg_buf key = TG_BUF_INIT, want = TG_BUF_INIT;
	for (unsigned c = 1; c <= h->ncells; c++) {
		tg_buf_clear(&key);
		tg_sheet_header_key(h->cells[c - 1].text, &key);
		for (int k = 0; k < TG_RV_NCOLS; k++) {
			tg_buf_clear(&want);
			tg_sheet_header_key(tg_rv_headers[k], &want);
			if (strcmp(tg_buf_cstr(&key), tg_buf_cstr(&want)) != 0)
				continue;
			if (a->col[k] != 0)
				tg_diag_error(a->diag, tg_pos_at(a->sh.file, 1, c), "a second column headed "
				    "'%s' (the first is column %u)", tg_rv_headers[k], a->col[k]);
			else
				a->col[k] = c;
		}
	}
	bool ok = true;
	for (int k = 0; k < TG_RV_NCOLS; k++)
		if (a->col[k] == 0 && tg_rv_editable(k)) {
			tg_diag_error(a->diag, tg_pos_at(a->sh.file, 0, 0), "no column is headed '%s' in "
			    "the header row, row 1 (the review sheet's columns must keep their headings)",
			    tg_rv_headers[k]);
			ok = false;
		}
	if (a->col[TG_RV_KEY] == 0) {
		tg_diag_error(a->diag, tg_pos_at(a->sh.file, 0, 0), "no column is headed '%s' (the "
		    "hidden column A of the exported sheet): this is not a review sheet of totsugo",
		    tg_rv_headers[TG_RV_KEY]);
		ok = false;
	}
	tg_buf_free(&key);
	tg_buf_free(&want);
	return ok;
}

static bool
row_blank(const applier *a, const tg_sheet_row *r)
{
	for (int k = 0; k < TG_RV_NCOLS; k++)
		if ((tg_rv_editable(k) || k == TG_RV_KEY) && !tg_sheet_blank(raw(a, r, k)))
			return false;
	return true;
}

static void
read_row(applier *a, const tg_sheet_row *r)
{
	in_row in;
	memset(&in, 0, sizeof in);
	in.row = r->row;
	const char *key = norm(a, r, TG_RV_KEY);
	if (*key != '\0') {
		const char *bar = strchr(key, '|');
		if (bar == NULL) {
			ERR(a, r->row, TG_RV_KEY, "the key '%s' was changed (the hidden column %s must "
			    "stay as exported)", key, tg_rv_headers[TG_RV_KEY]);
		} else {
			in.key_src = tg_arena_strndup(&a->arena, key, (size_t)(bar - key));
			in.key_tgt = bar + 1;
		}
	}
	in.src = norm(a, r, TG_RV_SRC_ID);
	in.tgt = norm(a, r, TG_RV_TGT_ID);
	in.rel = label(a, r, TG_RV_REL, tg_rv_rel_labels, TG_REL_COUNT);
	in.rat = label(a, r, TG_RV_RATIONALE, tg_rv_rationale_labels, 4);
	in.status = label(a, r, TG_RV_STATUS, tg_rv_status_labels, 3);
	in.action = label(a, r, TG_RV_ACTION, tg_rv_action_labels, 4);
	if (in.rat < 0)
		in.rat = 0;
	if (in.action < 0)
		in.action = 0;
	in.strength = -1;
	const char *st = norm(a, r, TG_RV_STRENGTH);
	if (*st != '\0') {
		char *end;
		double v = strtod(st, &end);
		if (*end != '\0' || !(v >= 0 && v <= 10) || v != (double)(long)v)
			ERR(a, r->row, TG_RV_STRENGTH, "強度 '%s' is not a whole number from 0 to 10", st);
		else
			in.strength = (int)v;
	}
	in.note = text(a, r, TG_RV_NOTE);
	in.clause = norm(a, r, TG_RV_CLAUSE);
	in.ptext = text(a, r, TG_RV_PTEXT);
	in.pnote = text(a, r, TG_RV_PNOTE);
	in.rownote = text(a, r, TG_RV_ROWNOTE);
	in.cleared = *in.src == '\0' && *in.tgt == '\0';
	TG_BUF_PUSH(&a->rows, in_row, in);
}

static in_row *
rows_of(applier *a, size_t *n)
{
	*n = TG_BUF_COUNT(&a->rows, in_row);
	return (in_row *)(void *)a->rows.data;
}

static bool
matches_key(const in_row *r)
{
	return r->key_src && strcmp(r->key_src, r->src) == 0 && strcmp(r->key_tgt, r->tgt) == 0;
}

/* Ids: they must exist; an exported row keeps its ids (a copied row is a
 * new row; clearing the target removes the pair). */
static void
check_ids(applier *a)
{
	size_t n;
	in_row *rows = rows_of(a, &n);
	const tg_catalog *src = a->xw->source, *tgt = a->xw->target;
	for (size_t i = 0; i < n; i++) {
		in_row *r = &rows[i];
		if (r->cleared) {
			r->dropped = true;
			continue;
		}
		if (r->key_src != NULL && !matches_key(r)) {
			bool copied = false;
			for (size_t k = 0; k < n && !copied; k++)
				copied = k != i && rows[k].key_src && strcmp(rows[k].key_src, r->key_src) == 0 &&
				    strcmp(rows[k].key_tgt, r->key_tgt) == 0 && matches_key(&rows[k]);
			if (copied) {
				r->copy = true;
			} else if (strcmp(r->key_src, r->src) != 0) {
				ERR(a, r->row, TG_RV_SRC_ID, "the id was changed from '%s' to '%s': an exported "
				    "row keeps its ids (add a row for another pair, and delete this one)",
				    r->key_src, r->src);
			} else if (*r->tgt != '\0' && *r->key_tgt != '\0') {
				ERR(a, r->row, TG_RV_TGT_ID, "the id was changed from '%s' to '%s': an exported "
				    "row keeps its ids (add a row for another pair, and clear this one's %s)",
				    r->key_tgt, r->tgt, tg_rv_headers[TG_RV_TGT_ID]);
			}
		}
		if (*r->src == '\0')
			ERR(a, r->row, TG_RV_SRC_ID, "%s is empty", tg_rv_headers[TG_RV_SRC_ID]);
		else if (tg_catalog_item(src, r->src) == NULL)
			ERR(a, r->row, TG_RV_SRC_ID, "'%s' is not an item of %s (see the sheet %s)", r->src,
			    src->id, TG_RV_SOURCE_LIST);
		if (*r->tgt != '\0' && tg_catalog_item(tgt, r->tgt) == NULL)
			ERR(a, r->row, TG_RV_TGT_ID, "'%s' is not an item of %s (see the sheet %s)", r->tgt,
			    tgt->id, TG_RV_TARGET_LIST);
		if (*r->clause != '\0' && tg_catalog_item(tgt, r->clause) == NULL)
			ERR(a, r->row, TG_RV_CLAUSE, "'%s' is not an item of %s (see the sheet %s)",
			    r->clause, tgt->id, TG_RV_TARGET_LIST);
	}
	/* A pair once. */
	for (size_t i = 0; i < n; i++) {
		if (rows[i].dropped || *rows[i].tgt == '\0')
			continue;
		for (size_t k = 0; k < i; k++)
			if (!rows[k].dropped && strcmp(rows[k].src, rows[i].src) == 0 &&
			    strcmp(rows[k].tgt, rows[i].tgt) == 0) {
				ERR(a, rows[i].row, TG_RV_TGT_ID, "the pair %s → %s is also on row %u",
				    rows[i].src, rows[i].tgt, rows[k].row);
				break;
			}
	}
}

/* Values: what a pair needs, what an item row may hold. */
static void
check_values(applier *a)
{
	size_t n;
	in_row *rows = rows_of(a, &n);
	for (size_t i = 0; i < n; i++) {
		in_row *r = &rows[i];
		if (r->dropped)
			continue;
		bool pair = *r->tgt != '\0';
		if (pair) {
			if (r->rel == -1)
				ERR(a, r->row, TG_RV_REL, "%s is empty (a pair needs one)", tg_rv_headers[TG_RV_REL]);
			if (r->status == 2)
				ERR(a, r->row, TG_RV_STATUS, "状態 対応なし means the item has no counterpart: clear "
				    "%s, or choose 提案 or 確認済み", tg_rv_headers[TG_RV_TGT_ID]);
			if (r->status == 1 && r->strength < 0)
				ERR(a, r->row, TG_RV_STRENGTH, "確認済み needs 強度 (0-10)");
			if (r->status == 1 && r->rat == 0)
				ERR(a, r->row, TG_RV_RATIONALE, "確認済み needs 根拠 (文言, 意味 or 効果)");
			/* Strength and relationship say the same thing (docs/data-format.md):
			 * a disagreement is a judgement to revisit, not an error. */
			if ((r->rel == TG_REL_EQUAL || r->rel == TG_REL_SUBSET_OF) && r->strength >= 0 &&
			    r->strength < 8)
				tg_diag_warning(a->diag, cell(a, r->row, TG_RV_STRENGTH), "強度 %d is low for "
				    "関係 %s, which says the counterpart covers all of the item (8 or more); for a "
				    "partial cover choose 一部重複", r->strength, tg_rv_rel_labels[r->rel]);
			else if (r->rel == TG_REL_INTERSECTS_WITH && r->strength > 8)
				tg_diag_warning(a->diag, cell(a, r->row, TG_RV_STRENGTH), "強度 %d is high for "
				    "関係 一部重複, a partial cover (8 at most); if the counterpart covers all of the "
				    "item choose 同等 or IPAに包含", r->strength);
			else if (r->rel == TG_REL_NO_RELATIONSHIP && r->strength > 0)
				tg_diag_warning(a->diag, cell(a, r->row, TG_RV_STRENGTH), "強度 %d contradicts "
				    "関係 関係なし (unrelated items cover nothing: 0)", r->strength);
		} else if (r->key_tgt == NULL || *r->key_tgt == '\0') {
			/* (A row whose target was cleared keeps the values of the
			 * pair it removes: they do not count.) */
			if (r->status == 0 || r->status == 1)
				ERR(a, r->row, TG_RV_STATUS, "状態 %s needs a counterpart in %s (or choose 対応なし)",
				    tg_rv_status_labels[r->status], tg_rv_headers[TG_RV_TGT_ID]);
		}
		if (r->action == 0 && (*r->clause || r->ptext || r->pnote))
			ERR(a, r->row, TG_RV_ACTION, "%s is empty, but the row has a %s", tg_rv_headers[TG_RV_ACTION],
			    *r->clause ? tg_rv_headers[TG_RV_CLAUSE] :
			    r->ptext ? tg_rv_headers[TG_RV_PTEXT] : tg_rv_headers[TG_RV_PNOTE]);
		if ((r->action == TG_ACTION_ADD || r->action == TG_ACTION_AMEND) && *r->clause == '\0')
			ERR(a, r->row, TG_RV_CLAUSE, "反映案 %s needs %s (the clause the text goes to)",
			    tg_rv_action_labels[r->action], tg_rv_headers[TG_RV_CLAUSE]);
		if ((r->action == TG_ACTION_ADD || r->action == TG_ACTION_AMEND) && r->ptext == NULL)
			ERR(a, r->row, TG_RV_PTEXT, "反映案 %s needs %s", tg_rv_action_labels[r->action],
			    tg_rv_headers[TG_RV_PTEXT]);
	}
	/* One proposal and one note per item, on whichever of its rows. */
	for (size_t i = 0; i < n; i++) {
		const in_row *r = &rows[i];
		if (r->dropped)
			continue;
		for (size_t k = 0; k < i; k++) {
			const in_row *p = &rows[k];
			if (p->dropped || strcmp(p->src, r->src) != 0)
				continue;
			bool rp = r->action || *r->clause || r->ptext || r->pnote;
			bool pp = p->action || *p->clause || p->ptext || p->pnote;
			if (rp && pp)
				ERR(a, r->row, TG_RV_ACTION, "item %s has a 反映案 on row %u already (one per item)",
				    r->src, p->row);
			if (r->rownote && p->rownote)
				ERR(a, r->row, TG_RV_ROWNOTE, "item %s has a %s on row %u already (one per item)",
				    r->src, tg_rv_headers[TG_RV_ROWNOTE], p->row);
		}
	}
}

/* ---- the new crosswalk ---- */

typedef struct item_rows {
	const char *src;
	tg_buf targets;		/* tg_xw_target */
	const in_row *proposal, *note;
	bool unmapped;
} item_rows;

/* The item's entry (added if new; pointers into items stay valid only
 * until the next addition: every item is added before any is used). */

static item_rows *
item_for(tg_buf *items, const char *src)
{
	for (size_t i = 0; i < TG_BUF_COUNT(items, item_rows); i++)
		if (strcmp(TG_BUF_AT(items, item_rows, i).src, src) == 0)
			return &TG_BUF_AT(items, item_rows, i);
	item_rows it;
	memset(&it, 0, sizeof it);
	it.src = src;
	TG_BUF_PUSH(items, item_rows, it);
	return &TG_BUF_AT(items, item_rows, TG_BUF_COUNT(items, item_rows) - 1);
}

static tg_xw_target
target_of(const applier *a, const in_row *r)
{
	tg_xw_target t;
	memset(&t, 0, sizeof t);
	t.target_id = r->tgt;
	t.target = tg_catalog_item(a->xw->target, r->tgt);
	t.relationship = r->rel >= 0 ? (tg_relationship)r->rel : TG_REL_COUNT;
	t.strength = r->strength;
	t.rationale = (tg_rationale)r->rat;
	t.status = r->status == 1 ? TG_STATUS_REVIEWED : TG_STATUS_SUGGESTED;
	t.note = r->note;
	return t;
}

static int
compare_tree(const void *pa, const void *pb)
{
	const tg_item *a = *(const tg_item *const *)pa, *b = *(const tg_item *const *)pb;
	return a->index < b->index ? -1 : a->index > b->index;
}

/* The crosswalk after the review: the original's rows in their order (a
 * pair where it was, new pairs after), then items that had no row, in the
 * source's order.  Everything the sheet does not show is kept. */
static tg_crosswalk *
assemble(applier *a)
{
	tg_arena *ar = &a->arena;
	const tg_crosswalk *old = a->xw;
	size_t n;
	const in_row *rows = rows_of(a, &n);
	tg_buf items = TG_BUF_INIT;	/* item_rows, in the order rows are written */
	for (size_t r = 0; r < old->nrows; r++)
		item_for(&items, old->rows[r].source_id);
	size_t known = TG_BUF_COUNT(&items, item_rows);
	/* Items new to the crosswalk, in the source's tree order. */
	tg_buf fresh = TG_BUF_INIT;
	for (size_t i = 0; i < n; i++) {
		if (rows[i].dropped)
			continue;
		bool have = false;
		for (size_t k = 0; k < known && !have; k++)
			have = strcmp(TG_BUF_AT(&items, item_rows, k).src, rows[i].src) == 0;
		for (size_t k = 0; k < TG_BUF_COUNT(&fresh, const tg_item *) && !have; k++)
			have = strcmp(TG_BUF_AT(&fresh, const tg_item *, k)->id, rows[i].src) == 0;
		if (!have)
			TG_BUF_PUSH(&fresh, const tg_item *, tg_catalog_item(old->source, rows[i].src));
	}
	size_t nf = TG_BUF_COUNT(&fresh, const tg_item *);
	if (nf > 1)
		qsort(fresh.data, nf, sizeof(const tg_item *), compare_tree);
	for (size_t k = 0; k < nf; k++)
		item_for(&items, TG_BUF_AT(&fresh, const tg_item *, k)->id);
	tg_buf_free(&fresh);
	/* Pairs kept where they were: in the original's target order. */
	for (size_t r = 0; r < old->nrows; r++) {
		const tg_xw_row *xr = &old->rows[r];
		item_rows *it = item_for(&items, xr->source_id);
		for (size_t t = 0; t < xr->ntargets; t++)
			for (size_t i = 0; i < n; i++)
				if (!rows[i].dropped && strcmp(rows[i].src, xr->source_id) == 0 &&
				    strcmp(rows[i].tgt, xr->targets[t].target_id) == 0) {
					tg_xw_target tt = target_of(a, &rows[i]);
					TG_BUF_PUSH(&it->targets, tg_xw_target, tt);
				}
	}
	for (size_t i = 0; i < n; i++) {
		const in_row *r = &rows[i];
		if (r->dropped)
			continue;
		item_rows *it = item_for(&items, r->src);
		if (*r->tgt != '\0') {
			const tg_xw_row *xr = tg_map_get(&old->row_by_source, r->src);
			bool had = false;
			for (size_t t = 0; xr && t < xr->ntargets && !had; t++)
				had = strcmp(xr->targets[t].target_id, r->tgt) == 0;
			if (!had) {
				tg_xw_target tt = target_of(a, r);
				TG_BUF_PUSH(&it->targets, tg_xw_target, tt);
			}
		}
		if (r->status == 2)
			it->unmapped = true;
		if (r->action || *r->clause || r->ptext || r->pnote)
			it->proposal = r;
		if (r->rownote)
			it->note = r;
	}
	tg_crosswalk *xw = TG_ARENA_NEW(ar, tg_crosswalk);
	*xw = *old;
	memset(&xw->row_by_source, 0, sizeof xw->row_by_source);
	size_t ni = TG_BUF_COUNT(&items, item_rows);
	xw->rows = TG_ARENA_ARRAY(ar, tg_xw_row, ni ? ni : 1);
	xw->nrows = 0;
	for (size_t i = 0; i < ni; i++) {
		item_rows *it = &TG_BUF_AT(&items, item_rows, i);
		size_t nt = TG_BUF_COUNT(&it->targets, tg_xw_target);
		if (nt == 0 && !it->unmapped) {
			tg_buf_free(&it->targets);
			continue;
		}
		tg_xw_row *row = &xw->rows[xw->nrows++];
		memset(row, 0, sizeof *row);
		row->source_id = it->src;
		row->source = tg_catalog_item(old->source, it->src);
		row->status = nt ? TG_STATUS_SUGGESTED : TG_STATUS_UNMAPPED;
		row->targets = nt ? tg_arena_memdup(ar, it->targets.data, it->targets.len) : NULL;
		row->ntargets = nt;
		if (it->proposal != NULL) {
			const in_row *p = it->proposal;
			tg_proposal *pr = TG_ARENA_NEW(ar, tg_proposal);
			pr->action = (tg_action)p->action;
			pr->clause_id = *p->clause ? p->clause : NULL;
			pr->text = p->ptext;
			pr->note = p->pnote;
			row->proposal = pr;
		}
		row->note = it->note ? it->note->rownote : NULL;
		tg_buf_free(&it->targets);
	}
	tg_buf_free(&items);
	return xw;
}

/* A proposal or a row note without a pair and without 対応なし would make
 * a row the data format forbids: say where. */
static void
check_rows(applier *a, const tg_crosswalk *xw)
{
	size_t n;
	const in_row *rows = rows_of(a, &n);
	for (size_t i = 0; i < n; i++) {
		const in_row *r = &rows[i];
		if (r->dropped || *r->tgt != '\0' || r->status == 2)
			continue;
		bool has = false;
		for (size_t k = 0; k < xw->nrows && !has; k++)
			has = strcmp(xw->rows[k].source_id, r->src) == 0;
		if (!has && (r->action || *r->clause || r->ptext || r->pnote))
			ERR(a, r->row, TG_RV_ACTION, "item %s has a 反映案 but no counterpart: add one, or set "
			    "状態 to 対応なし", r->src);
		else if (!has && r->rownote)
			ERR(a, r->row, TG_RV_ROWNOTE, "item %s has a %s but no counterpart: add one, or set "
			    "状態 to 対応なし", r->src, tg_rv_headers[TG_RV_ROWNOTE]);
	}
}

/* ---- reading, checking, writing ---- */

/* The leading comment lines of the crosswalk's file, kept as they are. */
static char *
leading_comments(const char *path)
{
	tg_buf text = TG_BUF_INIT, out = TG_BUF_INIT;
	if (tg_fs_read(path, TG_FS_MAX_INPUT, &text) == TG_FS_OK) {
		const char *p = tg_buf_cstr(&text);
		while (*p == '#') {
			const char *nl = strchr(p, '\n');
			size_t len = nl ? (size_t)(nl - p) : strlen(p);
			/* "# text" → "text": the writer puts "# " back. */
			size_t skip = len >= 2 && p[1] == ' ' ? 2 : 1;
			tg_buf_put(&out, p + skip, len - skip);
			tg_buf_putc(&out, '\n');
			if (nl == NULL)
				break;
			p = nl + 1;
		}
	}
	tg_buf_free(&text);
	if (out.len == 0)
		return NULL;
	tg_buf_truncate(&out, out.len - 1);
	return tg_buf_detach(&out);
}

static bool
check_output(const tg_buf *yaml, const tg_crosswalk *xw, tg_diag *diag)
{
	tg_data *d = tg_data_new(".");
	tg_diag *tmp = tg_diag_new();
	tg_data_load_file(d, tmp, xw->source->file, NULL);
	if (strcmp(xw->source->file, xw->target->file) != 0)
		tg_data_load_file(d, tmp, xw->target->file, NULL);
	tg_data_load_text(d, tmp, "(reviewed crosswalk)", yaml->data ? yaml->data : "", yaml->len);
	tg_data_link(d, tmp);
	bool ok = tg_diag_errors(tmp) == 0;
	if (!ok) {
		tg_diag_print(tmp, stderr);
		tg_diag_error(diag, tg_pos_at(NULL, 0, 0),
		    "internal error: the reviewed crosswalk does not load (please report this)");
	}
	tg_diag_free(tmp);
	tg_data_free(d);
	return ok;
}

/* The workbook's sheet and what its hidden sheet says. */
static int
read_workbook(applier *a, const char *path, char **meta_xw, char **meta_fp)
{
	tg_sheet_options so = {TG_SHEET_FORMAT_AUTO, TG_SHEET_AUTO, NULL};
	if (tg_sheet_format_of(path, TG_SHEET_FORMAT_AUTO) != TG_SHEET_FORMAT_XLSX)
		return tg_sheet_load(&a->sh, path, NULL, &so, a->diag);
	int rc;
	tg_xlsx *wb = tg_xlsx_open_file(path, NULL, a->diag, &rc);
	if (wb == NULL)
		return rc;
	long meta = tg_xlsx_find(wb, TG_RV_META_SHEET);
	if (meta >= 0) {
		tg_sheet m;
		if (tg_xlsx_read(wb, (size_t)meta, &m, a->diag) == TG_EXIT_OK) {
			for (size_t r = 0; r < m.nrows; r++) {
				const char *k = tg_sheet_cell_text(&m.rows[r], 1);
				const char *v = tg_sheet_cell_text(&m.rows[r], 2);
				if (strcmp(k, "crosswalk") == 0)
					*meta_xw = tg_xstrdup(v);
				else if (strcmp(k, "fingerprint") == 0)
					*meta_fp = tg_xstrdup(v);
			}
		}
		tg_sheet_free(&m);
	}
	long i = tg_xlsx_find(wb, TG_RV_SHEET);
	if (i < 0) {
		tg_buf list = TG_BUF_INIT;
		for (size_t k = 0; k < tg_xlsx_count(wb); k++)
			tg_buf_printf(&list, "%s'%s'", k ? ", " : "", tg_xlsx_name(wb, k));
		tg_diag_error(a->diag, tg_pos_at(path, 0, 0), "the workbook has no sheet '%s' (its "
		    "sheets: %s): is it a review workbook of totsugo?", TG_RV_SHEET, list.data);
		tg_buf_free(&list);
		tg_xlsx_free(wb);
		return TG_EXIT_INVALID;
	}
	rc = tg_xlsx_read(wb, (size_t)i, &a->sh, a->diag);
	tg_xlsx_free(wb);
	return rc;
}

int
tg_review_apply(const tg_data *d, const tg_review_apply_options *o, tg_buf *out,
    tg_buf *summary, tg_diag *diag)
{
	applier a;
	memset(&a, 0, sizeof a);
	a.d = d;
	a.diag = diag;
	tg_arena_init(&a.arena);
	char *meta_xw = NULL, *meta_fp = NULL, *header = NULL;
	tg_buf yaml = TG_BUF_INIT, lines = TG_BUF_INIT;
	size_t before = tg_diag_errors(diag);
	int rc = read_workbook(&a, o->workbook, &meta_xw, &meta_fp);
	if (rc != TG_EXIT_OK)
		goto out;
	rc = TG_EXIT_INVALID;
	const char *id = o->crosswalk ? o->crosswalk : meta_xw;
	if (id == NULL) {
		tg_diag_error(diag, tg_pos_at(o->workbook, 0, 0), "the sheet does not say which crosswalk "
		    "it reviews (a CSV or TSV keeps no record of it): name it with --crosswalk ID");
		rc = TG_EXIT_USAGE;
		goto out;
	}
	if (o->crosswalk && meta_xw && strcmp(o->crosswalk, meta_xw) != 0) {
		tg_diag_error(diag, tg_pos_at(o->workbook, 0, 0), "the workbook reviews crosswalk '%s', "
		    "not '%s'", meta_xw, o->crosswalk);
		rc = TG_EXIT_USAGE;
		goto out;
	}
	a.xw = tg_data_crosswalk(d, id);
	if (a.xw == NULL || a.xw->source == NULL || a.xw->target == NULL) {
		tg_diag_error(diag, tg_pos_at(NULL, 0, 0), "no crosswalk '%s' in the data directory '%s' "
		    "(see 'totsugo list')", id, d->root);
		rc = TG_EXIT_USAGE;
		goto out;
	}
	if (!tg_rv_reviewable(a.xw, diag)) {
		rc = TG_EXIT_USAGE;
		goto out;
	}
	if (meta_fp != NULL) {
		char now[17];
		tg_rv_fingerprint(a.xw, now);
		if (strcmp(now, meta_fp) != 0 && !o->force) {
			tg_diag_error(diag, tg_pos_at(o->workbook, 0, 0), "crosswalk '%s' (%s) has changed "
			    "since this workbook was exported: applying it would undo those changes for the "
			    "rows it shows.  Export it again and redo the review, or pass --force to apply "
			    "the workbook over the current crosswalk", id, a.xw->file);
			goto out;
		}
	}
	if (!find_columns(&a))
		goto out;
	for (size_t r = 1; r < a.sh.nrows; r++)
		if (!row_blank(&a, &a.sh.rows[r]))
			read_row(&a, &a.sh.rows[r]);
	check_ids(&a);
	check_values(&a);
	if (tg_diag_errors(diag) > before)
		goto out;
	tg_crosswalk *xw = assemble(&a);
	check_rows(&a, xw);
	if (tg_diag_errors(diag) > before)
		goto out;
	header = leading_comments(a.xw->file);
	tg_xw_write_yaml(xw, header, &yaml);
	if (!check_output(&yaml, a.xw, diag))
		goto out;
	tg_rv_counts c = {0, 0, 0, 0, 0};
	tg_rv_changes(a.xw, xw, &lines, &c);
	size_t reviewed = 0, pairs = 0;
	for (size_t r = 0; r < xw->nrows; r++)
		for (size_t t = 0; t < xw->rows[r].ntargets; t++) {
			pairs++;
			reviewed += xw->rows[r].targets[t].status == TG_STATUS_REVIEWED;
		}
	tg_buf_printf(summary, "review apply: %s: %zu %s changed, %zu added, %zu removed; %zu "
	    "反映案 changed; %zu of %zu %s reviewed\n", id, c.changed, c.changed == 1 ? "pair" : "pairs",
	    c.added, c.removed, c.proposals, reviewed, pairs, pairs == 1 ? "pair" : "pairs");
	tg_buf_puts(summary, tg_buf_cstr(&lines));
	if (o->check) {
		rc = TG_EXIT_OK;
		goto out;
	}
	const char *dest = o->output ? o->output : a.xw->file;
	if (strcmp(dest, "-") == 0) {
		tg_buf_put(out, yaml.data ? yaml.data : "", yaml.len);
		rc = TG_EXIT_OK;
		goto out;
	}
	tg_outset *set = tg_outset_new();
	rc = tg_outset_put(set, dest, yaml.data ? yaml.data : "", yaml.len, diag) ?
	    tg_outset_commit(set, diag) : TG_EXIT_IO;
	tg_outset_free(set);
	if (rc == TG_EXIT_OK)
		tg_buf_printf(summary, "wrote %s\n", dest);
out:
	free(header);
	free(meta_xw);
	free(meta_fp);
	tg_buf_free(&yaml);
	tg_buf_free(&lines);
	tg_buf_free(&a.rows);
	tg_buf_free(&a.tmp);
	tg_sheet_free(&a.sh);
	tg_arena_free(&a.arena);
	return rc;
}
