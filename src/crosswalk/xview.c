/* The 突合表's view (xview.h): its tables (突合表 full or compact, サマリー,
 * 反映案, 逆引き) assembled row by row, the filter choices, tg_view_build.
 * The text of cells is in xview_cells.c, the document around the tables in
 * xview_doc.c. */
#include "xview_internal.h"

#include "../totsugo.h"

#include <stdlib.h>
#include <string.h>

#include "../render/provenance.h"

const char *
tg_view_cell(const tg_vtable *t, size_t row, size_t col)
{
	return t->cells[row * t->ncols + col];
}

/* Table under construction: cells are pushed row by row. */
typedef struct vbuild {
	tg_view *v;
	tg_vtable *t;
	tg_buf cells, levels, chapters, names;
} vbuild;

#define A3_LANDSCAPE ((tg_page){TG_PAPER_A3, true})
#define A4_LANDSCAPE ((tg_page){TG_PAPER_A4, true})

const char *
tg_view_keep(tg_view *v, const char *s)
{
	return tg_arena_strdup(&v->arena, s ? s : "");
}

static void
begin_table(vbuild *b, tg_vtable *t, const char *name, const char *suffix, const char *title,
    const char *const *headers, const tg_col_kind *kinds, size_t ncols, tg_page page,
    size_t freeze_cols)
{
	b->t = t;
	t->page = page;
	t->freeze_cols = freeze_cols;
	t->name = name;
	t->file_suffix = suffix;
	t->title = title;
	t->ncols = ncols;
	t->headers = TG_ARENA_ARRAY(&b->v->arena, const char *, ncols);
	t->kinds = TG_ARENA_ARRAY(&b->v->arena, tg_col_kind, ncols);
	for (size_t i = 0; i < ncols; i++) {
		t->headers[i] = tg_view_keep(b->v, headers[i]);
		t->kinds[i] = kinds[i];
	}
	tg_buf_clear(&b->cells);
	tg_buf_clear(&b->levels);
	tg_buf_clear(&b->chapters);
	tg_buf_clear(&b->names);
}

static void
cell(vbuild *b, const char *s)
{
	TG_BUF_PUSH(&b->cells, const char *, tg_view_keep(b->v, s));
}

static void
cell_buf(vbuild *b, tg_buf *s)
{
	cell(b, tg_buf_cstr(s));
	tg_buf_clear(s);
}

static void
row_attrs(vbuild *b, const char *level, const char *chapters)
{
	TG_BUF_PUSH(&b->levels, const char *, tg_view_keep(b->v, level));
	TG_BUF_PUSH(&b->chapters, const char *, tg_view_keep(b->v, chapters));
}

/* What a row is, for messages about its cells: 自工会 No.44. */
static void
row_name(vbuild *b, const char *a, const char *c)
{
	tg_buf s = TG_BUF_INIT;
	tg_buf_printf(&s, "%s%s%s", a, a[0] && c[0] ? " " : "", c);
	TG_BUF_PUSH(&b->names, const char *, tg_view_keep(b->v, s.data));
	tg_buf_free(&s);
}

static void
end_table(vbuild *b, bool attrs)
{
	tg_vtable *t = b->t;
	size_t n = TG_BUF_COUNT(&b->cells, const char *);
	t->nrows = n / t->ncols;
	t->cells = tg_arena_memdup(&b->v->arena, b->cells.data, b->cells.len);
	if (TG_BUF_COUNT(&b->names, const char *) == t->nrows && t->nrows > 0)
		t->row_names = tg_arena_memdup(&b->v->arena, b->names.data, b->names.len);
	if (attrs) {
		t->row_level = tg_arena_memdup(&b->v->arena, b->levels.data, b->levels.len);
		t->row_chapters = tg_arena_memdup(&b->v->arena, b->chapters.data, b->chapters.len);
	}
}

/* Do any rows need the 出所 column (items that are not the guideline's own)? */
bool
tg_view_has_marked_rows(const tg_xtable *t)
{
	return t->by_origin[TG_ORIGIN_INFERRED] + t->by_origin[TG_ORIGIN_AUTHORED] > 0;
}

static const tg_item *
regulation_root(const tg_xtable *t)
{
	/* The root that holds the template chapters (付録5 for IPA): its
	 * counterparts get an excerpt column.  The basic policy (付録2) is a
	 * chapter too, so take the root holding most chapters. */
	const tg_item *best = NULL;
	size_t best_n = 0;
	for (size_t c = 0; c < t->ncolumns; c++) {
		size_t n = 0;
		for (size_t i = 0; i < t->nchapters; i++)
			if (tg_item_within(t->chapters[i].item, t->columns[c]))
				n++;
		if (n > best_n) {
			best_n = n;
			best = t->columns[c];
		}
	}
	return best;
}

/* 状態, 反映案, 備考 of a row, its filter attributes and its name. */
static void
tail_cells(vbuild *b, const tg_xtable *t, const tg_xt_row *r)
{
	const tg_item *it = r->item;
	tg_buf s = TG_BUF_INIT;
	cell(b, tg_label_status(r->xrow ? r->xrow->status : TG_STATUS_UNSET));
	if (r->xrow != NULL && r->xrow->proposal != NULL)
		tg_view_proposal_text(&s, r->xrow->proposal);
	cell_buf(b, &s);
	if (it->flag != NULL)
		tg_buf_printf(&s, "※データ品質：%s", it->flag);
	if (r->xrow != NULL && r->xrow->note != NULL)
		tg_buf_printf(&s, "%s%s", s.len ? "\n" : "", r->xrow->note);
	for (size_t k = 0; k < r->ndirect; k++) {
		const tg_xw_target *tg = r->links[k].target;
		if (tg->note != NULL)
			tg_buf_printf(&s, "%s%s：%s", s.len ? "\n" : "", tg->target->ref, tg->note);
	}
	cell_buf(b, &s);
	tg_buf level = TG_BUF_INIT, chapters = TG_BUF_INIT;
	tg_buf_puts(&level, tg_xt_level_label(t, tg_xt_level_slot(t, it)));
	tg_view_chapters_of_row(t, r, &chapters);
	row_attrs(b, level.data, tg_buf_cstr(&chapters));
	row_name(b, tg_view_guide_name(t), it->ref);
	tg_buf_free(&level);
	tg_buf_free(&chapters);
	tg_buf_free(&s);
}

/* compact: one combined counterpart column and the row's closest
 * relationship, on A4; provenance marks on the titles. */
static void
compact_table(vbuild *b, const tg_xtable *t)
{
	tg_view *v = b->v;
	const char *headers[] = {"番号", "項目", "レベル", NULL, "関係", "状態",
	    "業界サンプル規程への反映案", "備考"};
	tg_buf h = TG_BUF_INIT;
	tg_buf_printf(&h, "%sの対応箇所", tg_view_base_name(t));
	headers[3] = tg_view_keep(v, h.data);
	tg_buf_free(&h);
	static const tg_col_kind kinds[] = {TG_COL_SHORT, TG_COL_TEXT, TG_COL_SHORT, TG_COL_LONG,
	    TG_COL_SHORT, TG_COL_SHORT, TG_COL_LONG, TG_COL_LONG};
	tg_vtable *vt = &v->tables[v->ntables++];
	begin_table(b, vt, "突合表", "", "突合表", headers, kinds, 8, A4_LANDSCAPE, 2);
	tg_buf s = TG_BUF_INIT;
	for (size_t i = 0; i < t->nrows; i++) {
		const tg_xt_row *r = &t->rows[i];
		const tg_item *it = r->item;
		cell(b, it->ref);
		/* Provenance as the mark after the title (＊ inferred, ※ ours):
		 * the hand-out layout has no room for the 出所 column. */
		tg_buf_printf(&s, "%s%s", it->title ? it->title : "（不明）",
		    tg_origin_text_of(r->origin)->mark);
		cell_buf(b, &s);
		tg_view_level_label(&s, it);
		cell_buf(b, &s);
		for (size_t k = 0; k < r->nlinks; k++) {
			const tg_xt_link *l = &r->links[k];
			if (s.len > 0)
				tg_buf_putc(&s, '\n');
			tg_view_counterpart_label(&s, l->item);
			tg_view_official_label(&s, l->item);
			if (l->target != NULL) {
				tg_buf_printf(&s, "（%s", tg_label_relationship(l->target->relationship));
				if (l->target->strength >= 0)
					tg_buf_printf(&s, "・強度%d", l->target->strength);
				tg_buf_puts(&s, "）");
			} else {
				tg_buf_puts(&s, "（関連：");
				tg_view_place_label(&s, l->via);
				tg_buf_puts(&s, " 経由）");
			}
		}
		if (s.len == 0)
			tg_buf_puts(&s, TG_VIEW_NONE);
		cell_buf(b, &s);
		cell(b, r->best < TG_REL_COUNT ? tg_label_relationship(r->best) : TG_PRINT_DASH);
		tail_cells(b, t, r);
	}
	end_table(b, true);
	tg_buf_free(&s);
}

static void
main_table(vbuild *b, const tg_xtable *t, const tg_item *reg_root)
{
	tg_view *v = b->v;
	const char *fixed[] = {"番号", "分類", "項目", TG_ORIGIN_COLUMN, "レベル", "内容"};
	tg_col_kind fixed_kinds[] = {TG_COL_SHORT, TG_COL_TEXT, TG_COL_TEXT, TG_COL_SHORT,
	    TG_COL_SHORT, TG_COL_LONG};
	bool origins = tg_view_has_marked_rows(t);
	const char *tail[] = {"関係・強度", "状態", "業界サンプル規程への反映案", "備考"};
	tg_col_kind tail_kinds[] = {TG_COL_TEXT, TG_COL_SHORT, TG_COL_LONG, TG_COL_LONG};
	tg_buf hdr = TG_BUF_INIT, kinds = TG_BUF_INIT, s = TG_BUF_INIT;
	/* A column that would be empty in every row is left out. */
	bool texts = false;
	for (size_t i = 0; i < t->nrows && !texts; i++)
		texts = t->rows[i].item->text != NULL;
	for (size_t i = 0; i < 6; i++) {
		if ((i == 1 && !t->grouped) || (i == 3 && !origins) || (i == 5 && !texts))
			continue;
		TG_BUF_PUSH(&hdr, const char *, fixed[i]);
		TG_BUF_PUSH(&kinds, tg_col_kind, fixed_kinds[i]);
	}
	for (size_t c = 0; c < t->ncolumns; c++) {
		tg_view_root_header(&s, t->columns[c]);
		TG_BUF_PUSH(&hdr, const char *, tg_view_keep(v, s.data));
		TG_BUF_PUSH(&kinds, tg_col_kind, TG_COL_TEXT);
		tg_buf_clear(&s);
		if (t->columns[c] == reg_root) {
			tg_buf_printf(&s, "%s 記載内容（抜粋）", t->columns[c]->ref);
			TG_BUF_PUSH(&hdr, const char *, tg_view_keep(v, s.data));
			TG_BUF_PUSH(&kinds, tg_col_kind, TG_COL_LONG);
			tg_buf_clear(&s);
		}
	}
	for (size_t i = 0; i < 4; i++) {
		TG_BUF_PUSH(&hdr, const char *, tail[i]);
		TG_BUF_PUSH(&kinds, tg_col_kind, tail_kinds[i]);
	}
	tg_vtable *vt = &v->tables[v->ntables++];
	begin_table(b, vt, "突合表", "", "突合表", (const char **)(void *)hdr.data,
	    (tg_col_kind *)(void *)kinds.data, TG_BUF_COUNT(&hdr, const char *), A3_LANDSCAPE,
	    t->grouped ? 2 : 1);

	for (size_t i = 0; i < t->nrows; i++) {
		const tg_xt_row *r = &t->rows[i];
		const tg_item *it = r->item;
		cell(b, it->ref);
		if (t->grouped) {
			if (it->parent != NULL)
				tg_view_path_label(&s, it->parent);
			cell_buf(b, &s);
		}
		cell(b, it->title ? it->title : "（不明）");
		if (origins)
			cell(b, tg_origin_text_of(r->origin)->cell);
		tg_view_level_label(&s, it);
		cell_buf(b, &s);
		if (texts)
			cell(b, it->text);
		for (size_t c = 0; c < t->ncolumns; c++) {
			const tg_item *root = t->columns[c];
			for (size_t k = 0; k < r->nlinks; k++) {
				const tg_xt_link *l = &r->links[k];
				if (tg_xt_root(l->item) != root)
					continue;
				if (s.len > 0)
					tg_buf_putc(&s, '\n');
				if (root == reg_root && l->item->depth >= 2)
					tg_view_path_label(&s, l->item);
				else
					tg_view_item_label(&s, l->item);
				tg_view_official_label(&s, l->item);
				if (l->target == NULL)
					tg_buf_printf(&s, "（関連：%s 経由）", l->via->ref);
			}
			if (s.len == 0)
				tg_buf_puts(&s, TG_VIEW_NONE);
			cell_buf(b, &s);
			if (root == reg_root) {
				/* A preview: 80 characters of each clause, less when
				 * there are many, so that the cell stays readable (and
				 * within a printable row). */
				size_t n = 0;
				for (size_t k = 0; k < r->ndirect; k++)
					n += tg_xt_root(r->links[k].item) == root;
				size_t each = n <= 2 ? 80 : 200 / n < 32 ? 32 : 200 / n;
				for (size_t k = 0; k < r->ndirect; k++) {
					const tg_xt_link *l = &r->links[k];
					if (tg_xt_root(l->item) != root)
						continue;
					if (s.len > 0)
						tg_buf_putc(&s, '\n');
					tg_buf_printf(&s, "%s：", l->item->ref);
					tg_view_excerpt(t, l->item, &s, each);
				}
				if (s.len == 0)
					tg_buf_puts(&s, TG_VIEW_NONE);
				cell_buf(b, &s);
			}
		}
		for (size_t k = 0; k < r->ndirect; k++) {
			const tg_xw_target *tg = r->links[k].target;
			if (s.len > 0)
				tg_buf_putc(&s, '\n');
			tg_view_place_label(&s, tg->target);
			tg_buf_printf(&s, "：%s", tg_label_relationship(tg->relationship));
			if (tg->strength >= 0)
				tg_buf_printf(&s, "（強度%d）", tg->strength);
			if (tg->derived) {
				tg_buf_puts(&s, "（");
				tg_label_via(&s, tg);
				tg_buf_puts(&s, "）");
			}
		}
		if (s.len == 0)
			tg_buf_puts(&s, TG_VIEW_NONE);
		cell_buf(b, &s);
		tail_cells(b, t, r);
	}
	end_table(b, true);
	tg_buf_free(&hdr);
	tg_buf_free(&kinds);
	tg_buf_free(&s);
}

static void
count_cells(vbuild *b, const tg_xt_count *c, bool chapter)
{
	tg_buf s = TG_BUF_INIT;
	size_t values[] = {c->items, c->mapped, c->by_rel[TG_REL_EQUAL], c->by_rel[TG_REL_SUBSET_OF],
	    c->by_rel[TG_REL_SUPERSET_OF], c->by_rel[TG_REL_INTERSECTS_WITH],
	    c->by_rel[TG_REL_NO_RELATIONSHIP], c->unmapped, c->proposals, c->reviewed};
	for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
		if (chapter && (i == 7 || i == 9))
			tg_buf_puts(&s, TG_PRINT_DASH);	/* not meaningful per chapter */
		else
			tg_buf_printf(&s, "%zu", values[i]);
		cell_buf(b, &s);
	}
	tg_buf_free(&s);
}

static void
summary_table(vbuild *b, const tg_xtable *t)
{
	static const char *const headers[] = {"区分", "対象", "項目数", "対応あり", "同等",
	    "IPAに包含", "業界側が広い", "一部重複", "関係なし", "未対応付け", "反映案", "確認済み"};
	tg_col_kind kinds[12];
	for (size_t i = 0; i < 12; i++)
		kinds[i] = i == 0 ? TG_COL_SHORT : i == 1 ? TG_COL_TEXT : TG_COL_NUMBER;
	tg_view *v = b->v;
	tg_vtable *vt = &v->tables[v->ntables++];
	begin_table(b, vt, "サマリー", "-summary", "対応状況のサマリー", headers, kinds, 12,
	    A4_LANDSCAPE, 2);
	tg_buf s = TG_BUF_INIT;
	for (size_t slot = 0; slot < t->nlevel_rows; slot++) {
		if (t->by_level[slot].items == 0)
			continue;
		cell(b, "レベル");
		cell(b, tg_xt_level_label(t, slot));
		row_name(b, "レベル", tg_xt_level_label(t, slot));
		count_cells(b, &t->by_level[slot], false);
	}
	cell(b, "レベル");
	cell(b, "合計");
	row_name(b, "レベル", "合計");
	count_cells(b, &t->total, false);
	for (size_t c = 0; c < t->nchapters; c++) {
		const tg_xt_chapter *ch = &t->chapters[c];
		cell(b, "規程の章");
		tg_view_chapter_label(&s, ch->item);
		row_name(b, "規程の章", s.data);
		cell_buf(b, &s);
		count_cells(b, &ch->count, true);
	}
	end_table(b, false);
	tg_buf_free(&s);
}

static void
proposals_table(vbuild *b, const tg_xtable *t)
{
	static const char *const all_headers[] = {"番号", "項目", TG_ORIGIN_COLUMN, "レベル", "種別",
	    "反映先", "反映先の現行規程（抜粋）", "提案する規程文", "備考"};
	static const tg_col_kind all_kinds[] = {TG_COL_SHORT, TG_COL_TEXT, TG_COL_SHORT, TG_COL_SHORT,
	    TG_COL_SHORT, TG_COL_TEXT, TG_COL_LONG, TG_COL_LONG, TG_COL_LONG};
	bool origins = tg_view_has_marked_rows(t);
	const char *headers[9];
	tg_col_kind kinds[9];
	size_t ncols = 0;
	for (size_t i = 0; i < 9; i++) {
		if (i == 2 && !origins)
			continue;
		headers[ncols] = all_headers[i];
		kinds[ncols++] = all_kinds[i];
	}
	tg_view *v = b->v;
	tg_vtable *vt = &v->tables[v->ntables++];
	begin_table(b, vt, "反映案", "-proposals", "業界サンプル規程への反映案", headers, kinds, ncols,
	    A4_LANDSCAPE, 1);
	tg_buf s = TG_BUF_INIT;
	for (size_t i = 0; i < t->nrows; i++) {
		const tg_xt_row *r = &t->rows[i];
		const tg_proposal *p = r->xrow ? r->xrow->proposal : NULL;
		if (p == NULL)
			continue;
		cell(b, r->item->ref);
		cell(b, r->item->title ? r->item->title : "（不明）");
		if (origins)
			cell(b, tg_origin_text_of(r->origin)->cell);
		tg_view_level_label(&s, r->item);
		cell_buf(b, &s);
		cell(b, tg_label_action(p->action));
		if (p->clause != NULL)
			tg_view_path_label(&s, p->clause);
		cell_buf(b, &s);
		if (p->clause != NULL)
			tg_view_excerpt(t, p->clause, &s, 120);
		cell_buf(b, &s);
		cell(b, p->text);
		cell(b, p->note);
		const tg_xt_chapter *ch = p->clause ? tg_xt_chapter_of(t, p->clause) : NULL;
		row_attrs(b, tg_xt_level_label(t, tg_xt_level_slot(t, r->item)), ch ? ch->item->id : "");
		row_name(b, tg_view_guide_name(t), r->item->ref);
	}
	end_table(b, true);
	tg_buf_free(&s);
}

/* The baseline's view: every clause of the regulation chapters (or every
 * baseline item with counterparts when there are no templates) with the
 * industry items it serves. */
static void
inverse_table(vbuild *b, const tg_xtable *t)
{
	static const char *const headers[] = {"番号", "項目", "記載内容（抜粋）", "対応する業界項目",
	    "件数", "反映案"};
	static const tg_col_kind kinds[] = {TG_COL_SHORT, TG_COL_TEXT, TG_COL_LONG, TG_COL_LONG,
	    TG_COL_SHORT, TG_COL_LONG};
	tg_view *v = b->v;
	tg_vtable *vt = &v->tables[v->ntables++];
	begin_table(b, vt, "逆引き", "", "IPA側から見た対応（逆引き）", headers, kinds, 6,
	    A4_LANDSCAPE, 1);
	tg_buf served_by = TG_BUF_INIT, props = TG_BUF_INIT, levels = TG_BUF_INIT, s = TG_BUF_INIT;
	const tg_catalog *base = t->base;
	const char *guide = t->guide->short_title ? t->guide->short_title : t->guide->title;
	for (size_t i = 0; i < base->nitems; i++) {
		const tg_item *it = base->items[i];
		size_t served = 0;
		for (size_t r = 0; r < t->nrows; r++) {
			const tg_xt_row *row = &t->rows[r];
			for (size_t k = 0; k < row->ndirect; k++) {
				if (row->links[k].item != it)
					continue;
				if (served_by.len > 0)
					tg_buf_putc(&served_by, '\n');
				tg_buf_printf(&served_by, "%s %s%s（", guide, row->item->ref,
				    tg_origin_text_of(row->origin)->mark);
				tg_view_level_label(&served_by, row->item);
				tg_buf_printf(&served_by, "）%s：%s",
				    row->item->title ? row->item->title : "（不明）",
				    tg_label_relationship(row->links[k].target->relationship));
				if (row->links[k].target->derived) {
					tg_buf_puts(&served_by, "（");
					tg_label_via(&served_by, row->links[k].target);
					tg_buf_puts(&served_by, "）");
				}
				const char *lv = tg_xt_level_label(t, tg_xt_level_slot(t, row->item));
				if (strstr(tg_buf_cstr(&levels), lv) == NULL)
					tg_buf_printf(&levels, "%s%s", levels.len ? " " : "", lv);
				served++;
			}
			const tg_proposal *p = row->xrow ? row->xrow->proposal : NULL;
			if (p != NULL && p->clause == it) {
				if (props.len > 0)
					tg_buf_putc(&props, '\n');
				tg_buf_printf(&props, "%s %s%s：", guide, row->item->ref,
				    tg_origin_text_of(row->origin)->mark);
				tg_view_proposal_text(&props, p);
			}
		}
		bool listed = t->tset != NULL ? tg_tset_clause(t->tset, it->id) != NULL : served > 0;
		if (listed || served > 0 || props.len > 0) {
			const tg_xt_chapter *ch = tg_xt_chapter_of(t, it);
			tg_view_place_label(&s, it);
			cell_buf(b, &s);
			tg_view_path_label(&s, it);
			tg_view_official_label(&s, it);
			cell_buf(b, &s);
			tg_view_excerpt(t, it, &s, 100);
			cell_buf(b, &s);
			if (served_by.len == 0)
				tg_buf_puts(&served_by, TG_VIEW_NONE);
			cell_buf(b, &served_by);
			tg_buf_printf(&s, "%zu", served);
			cell_buf(b, &s);
			cell_buf(b, &props);
			row_attrs(b, tg_buf_cstr(&levels), ch ? ch->item->id : "");
			tg_view_place_label(&s, it);
			row_name(b, s.data, "");
			tg_buf_clear(&s);
		}
		tg_buf_clear(&served_by);
		tg_buf_clear(&props);
		tg_buf_clear(&levels);
	}
	end_table(b, true);
	tg_buf_free(&served_by);
	tg_buf_free(&props);
	tg_buf_free(&levels);
	tg_buf_free(&s);
}

tg_ptable
tg_view_ptable(const tg_vtable *t)
{
	tg_ptable p = {t->name, t->title, t->ncols, t->headers, t->kinds, t->cells, t->nrows,
	    t->row_names, TG_VIEW_NONE, t->page, t->freeze_cols};
	return p;
}

tg_view *
tg_view_build(const tg_xtable *t, bool inverse, tg_xw_layout layout)
{
	tg_view *v = tg_xcalloc(1, sizeof *v);
	tg_arena_init(&v->arena);
	vbuild b = {v, NULL, TG_BUF_INIT, TG_BUF_INIT, TG_BUF_INIT, TG_BUF_INIT};
	tg_buf s = TG_BUF_INIT;
	tg_view_document(v, t, inverse, layout);
	v->tables = TG_ARENA_ARRAY(&v->arena, tg_vtable, 3);
	if (inverse) {
		inverse_table(&b, t);
	} else {
		if (layout == TG_LAYOUT_COMPACT)
			compact_table(&b, t);
		else
			main_table(&b, t, regulation_root(t));
		summary_table(&b, t);
		proposals_table(&b, t);
	}

	/* Filter choices. */
	v->levels = TG_ARENA_ARRAY(&v->arena, const char *, t->nlevel_rows);
	for (size_t slot = 0; slot < t->nlevel_rows; slot++)
		if (t->by_level[slot].items > 0)
			v->levels[v->nlevels++] = tg_view_keep(v, tg_xt_level_label(t, slot));
	v->chapter_ids = TG_ARENA_ARRAY(&v->arena, const char *, t->nchapters);
	v->chapter_labels = TG_ARENA_ARRAY(&v->arena, const char *, t->nchapters);
	for (size_t c = 0; c < t->nchapters; c++) {
		const tg_item *ch = t->chapters[c].item;
		v->chapter_ids[v->nchapters] = ch->id;
		tg_view_chapter_label(&s, ch);
		v->chapter_labels[v->nchapters++] = tg_view_keep(v, s.data);
		tg_buf_clear(&s);
	}
	tg_buf_free(&s);
	tg_buf_free(&b.cells);
	tg_buf_free(&b.levels);
	tg_buf_free(&b.chapters);
	tg_buf_free(&b.names);
	return v;
}

void
tg_view_free(tg_view *v)
{
	if (v == NULL)
		return;
	tg_arena_free(&v->arena);
	free(v);
}
