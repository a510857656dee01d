#include "xview.h"

#include "../totsugo.h"

#include <stdlib.h>
#include <string.h>

#include "../render/provenance.h"

const char *
tg_label_relationship(tg_relationship r)
{
	/* "業界項目 REL IPA項目" read from the industry side. */
	static const char *const labels[] = {"同等", "IPAに包含", "業界側が広い", "一部重複",
	    "関係なし"};
	return r < TG_REL_COUNT ? labels[r] : "―";
}

const char *
tg_label_status(tg_status s)
{
	switch (s) {
	case TG_STATUS_REVIEWED: return "確認済み";
	case TG_STATUS_SUGGESTED: return "提案（未確認）";
	case TG_STATUS_UNMAPPED: return "未対応付け";
	default: return "対応表なし";
	}
}

const char *
tg_label_action(tg_action a)
{
	switch (a) {
	case TG_ACTION_ADD: return "追加";
	case TG_ACTION_AMEND: return "修正";
	case TG_ACTION_NONE: return "変更なし";
	default: return "";
	}
}

void
tg_label_via(tg_buf *out, const tg_xw_target *t)
{
	for (size_t i = 0; i < t->nvia; i++) {
		const tg_item *it = t->via[i];
		const tg_catalog *c = it->catalog;
		tg_buf_printf(out, "%s%s %s", i ? "・" : "", c->short_title ? c->short_title : c->id,
		    it->ref);
	}
	if (t->nvia > 0)
		tg_buf_puts(out, " 経由");
}

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

static const char *
keep(tg_view *v, const char *s)
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
		t->headers[i] = keep(b->v, headers[i]);
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
	TG_BUF_PUSH(&b->cells, const char *, keep(b->v, s));
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
	TG_BUF_PUSH(&b->levels, const char *, keep(b->v, level));
	TG_BUF_PUSH(&b->chapters, const char *, keep(b->v, chapters));
}

/* What a row is, for messages about its cells: 自工会 No.44. */
static void
row_name(vbuild *b, const char *a, const char *c)
{
	tg_buf s = TG_BUF_INIT;
	tg_buf_printf(&s, "%s%s%s", a, a[0] && c[0] ? " " : "", c);
	TG_BUF_PUSH(&b->names, const char *, keep(b->v, s.data));
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

static void
item_label(tg_buf *out, const tg_item *it)
{
	if (it->title != NULL && strcmp(it->title, it->ref) == 0)
		tg_buf_puts(out, it->ref);
	else
		tg_buf_printf(out, "%s %s", it->ref, it->title ? it->title : "（不明）");
}

/* The source document's own numbering, where ours differs and it is known. */
static void
official_label(tg_buf *out, const tg_item *it)
{
	if (it->official_ref != NULL)
		tg_buf_printf(out, "%s%s%s", TG_ORIGIN_OFFICIAL_OPEN, it->official_ref,
		    TG_ORIGIN_OFFICIAL_CLOSE);
}

/* Do any rows need the 出所 column (items that are not the guideline's own)? */
static bool
has_marked_rows(const tg_xtable *t)
{
	return t->by_origin[TG_ORIGIN_INFERRED] + t->by_origin[TG_ORIGIN_AUTHORED] > 0;
}

static void
level_label(tg_buf *out, const tg_item *it)
{
	if (it->ncited_levels > 1) {
		for (size_t i = 0; i < it->ncited_levels; i++)
			tg_buf_printf(out, "%s%s", i ? "/" : "", it->catalog->levels[it->cited_levels[i]]);
	} else if (it->level == TG_LEVEL_UNKNOWN) {
		tg_buf_puts(out, "不明");
	} else if (it->level >= 0) {
		tg_buf_puts(out, it->catalog->levels[it->level]);
	} else {
		tg_buf_puts(out, "―");
	}
}

/* "3 情報資産管理 / 3.1 情報資産の管理 / 3.1.1 …" below the root. */
static void
path_label(tg_buf *out, const tg_item *it)
{
	const tg_item *chain[32];
	size_t n = 0;
	for (const tg_item *p = it; p != NULL && p->parent != NULL && n < 32; p = p->parent)
		chain[n++] = p;
	if (n == 0) {
		item_label(out, it);
		return;
	}
	while (n-- > 0) {
		item_label(out, chain[n]);
		if (n > 0)
			tg_buf_puts(out, " / ");
	}
}

static void
root_header(tg_buf *out, const tg_item *root)
{
	tg_buf_puts(out, root->ref);
	if (root->title != NULL && strcmp(root->title, root->ref) != 0)
		tg_buf_printf(out, " %s", root->title);
}

/* "付録5 1.4.1" — where in the baseline an item is; a root is just its ref. */
static void
place_label(tg_buf *out, const tg_item *it)
{
	const tg_item *root = tg_xt_root(it);
	if (root == it)
		tg_buf_puts(out, it->ref);
	else
		tg_buf_printf(out, "%s %s", root->ref, it->ref);
}

static void
chapters_of_row(const tg_xtable *t, const tg_xt_row *r, tg_buf *out)
{
	const tg_xt_chapter *seen[64];
	size_t n = 0;
	for (size_t k = 0; k < r->ndirect; k++) {
		const tg_xt_chapter *ch = tg_xt_chapter_of(t, r->links[k].item);
		bool dup = ch == NULL;
		for (size_t i = 0; i < n && !dup; i++)
			dup = seen[i] == ch;
		if (dup || n == 64)
			continue;
		seen[n++] = ch;
		if (out->len > 0)
			tg_buf_putc(out, ' ');
		tg_buf_puts(out, ch->item->id);
	}
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

static void
excerpt(const tg_xtable *t, const tg_item *it, tg_buf *out, size_t max)
{
	const tg_tclause *c = tg_tset_clause(t->tset, it->id);
	if (c != NULL) {
		char *e = tg_tset_excerpt(t->tset, c, max);
		tg_buf_puts(out, e);
		free(e);
	} else if (it->text != NULL) {
		tg_buf_puts(out, it->text);
	}
}

static void
proposal_text(tg_buf *out, const tg_proposal *p)
{
	tg_buf_printf(out, "【%s】", tg_label_action(p->action));
	if (p->clause != NULL) {
		item_label(out, p->clause);
		tg_buf_puts(out, p->action == TG_ACTION_ADD ? " に条項を追加：" :
		    p->action == TG_ACTION_AMEND ? " を修正：" : "：");
	}
	if (p->text != NULL) {
		size_t n = strlen(p->text);
		while (n > 0 && (p->text[n - 1] == '\n' || p->text[n - 1] == ' '))
			n--;
		tg_buf_put(out, p->text, n);
	}
	if (p->note != NULL)
		tg_buf_printf(out, "%s（%s）", p->text ? "\n" : "", p->note);
}

/* 状態, 反映案, 備考 of a row, its filter attributes and its name. */
static const char *guide_name(const tg_xtable *t);

/* The baseline as readers call it: IPAガイドライン. */
static const char *
base_name(const tg_xtable *t)
{
	return t->base->short_title ? t->base->short_title : t->base->title;
}

static void
tail_cells(vbuild *b, const tg_xtable *t, const tg_xt_row *r)
{
	const tg_item *it = r->item;
	tg_buf s = TG_BUF_INIT;
	cell(b, tg_label_status(r->xrow ? r->xrow->status : TG_STATUS_UNSET));
	if (r->xrow != NULL && r->xrow->proposal != NULL)
		proposal_text(&s, r->xrow->proposal);
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
	chapters_of_row(t, r, &chapters);
	row_attrs(b, level.data, tg_buf_cstr(&chapters));
	row_name(b, guide_name(t), it->ref);
	tg_buf_free(&level);
	tg_buf_free(&chapters);
	tg_buf_free(&s);
}

static const char *
guide_name(const tg_xtable *t)
{
	return t->guide->short_title ? t->guide->short_title : t->guide->id;
}

/* "付録5 3.1.1 情報資産の特定と機密性の評価": where in the baseline, and what. */
static void
counterpart_label(tg_buf *out, const tg_item *it)
{
	const tg_item *root = tg_xt_root(it);
	if (root == it) {
		root_header(out, it);
		return;
	}
	tg_buf_printf(out, "%s ", root->ref);
	item_label(out, it);
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
	tg_buf_printf(&h, "%sの対応箇所", base_name(t));
	headers[3] = keep(v, h.data);
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
		level_label(&s, it);
		cell_buf(b, &s);
		for (size_t k = 0; k < r->nlinks; k++) {
			const tg_xt_link *l = &r->links[k];
			if (s.len > 0)
				tg_buf_putc(&s, '\n');
			counterpart_label(&s, l->item);
			official_label(&s, l->item);
			if (l->target != NULL) {
				tg_buf_printf(&s, "（%s", tg_label_relationship(l->target->relationship));
				if (l->target->strength >= 0)
					tg_buf_printf(&s, "・強度%d", l->target->strength);
				tg_buf_puts(&s, "）");
			} else {
				tg_buf_puts(&s, "（関連：");
				place_label(&s, l->via);
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
	bool origins = has_marked_rows(t);
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
		root_header(&s, t->columns[c]);
		TG_BUF_PUSH(&hdr, const char *, keep(v, s.data));
		TG_BUF_PUSH(&kinds, tg_col_kind, TG_COL_TEXT);
		tg_buf_clear(&s);
		if (t->columns[c] == reg_root) {
			tg_buf_printf(&s, "%s 記載内容（抜粋）", t->columns[c]->ref);
			TG_BUF_PUSH(&hdr, const char *, keep(v, s.data));
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
				path_label(&s, it->parent);
			cell_buf(b, &s);
		}
		cell(b, it->title ? it->title : "（不明）");
		if (origins)
			cell(b, tg_origin_text_of(r->origin)->cell);
		level_label(&s, it);
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
					path_label(&s, l->item);
				else
					item_label(&s, l->item);
				official_label(&s, l->item);
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
					excerpt(t, l->item, &s, each);
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
			place_label(&s, tg->target);
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

static void chapter_label(tg_buf *out, const tg_item *ch);

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
		chapter_label(&s, ch->item);
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
	bool origins = has_marked_rows(t);
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
		level_label(&s, r->item);
		cell_buf(b, &s);
		cell(b, tg_label_action(p->action));
		if (p->clause != NULL)
			path_label(&s, p->clause);
		cell_buf(b, &s);
		if (p->clause != NULL)
			excerpt(t, p->clause, &s, 120);
		cell_buf(b, &s);
		cell(b, p->text);
		cell(b, p->note);
		const tg_xt_chapter *ch = p->clause ? tg_xt_chapter_of(t, p->clause) : NULL;
		row_attrs(b, tg_xt_level_label(t, tg_xt_level_slot(t, r->item)), ch ? ch->item->id : "");
		row_name(b, guide_name(t), r->item->ref);
	}
	end_table(b, true);
	tg_buf_free(&s);
}

static void
chapter_label(tg_buf *out, const tg_item *ch)
{
	if (ch->parent != NULL)
		tg_buf_printf(out, "%s ", tg_xt_root(ch)->ref);
	item_label(out, ch);
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
	const char *guide = t->guide->short_title ? t->guide->short_title : t->guide->id;
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
				level_label(&served_by, row->item);
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
				proposal_text(&props, p);
			}
		}
		bool listed = t->tset != NULL ? tg_tset_clause(t->tset, it->id) != NULL : served > 0;
		if (listed || served > 0 || props.len > 0) {
			const tg_xt_chapter *ch = tg_xt_chapter_of(t, it);
			place_label(&s, it);
			cell_buf(b, &s);
			path_label(&s, it);
			official_label(&s, it);
			cell_buf(b, &s);
			excerpt(t, it, &s, 100);
			cell_buf(b, &s);
			if (served_by.len == 0)
				tg_buf_puts(&served_by, TG_VIEW_NONE);
			cell_buf(b, &served_by);
			tg_buf_printf(&s, "%zu", served);
			cell_buf(b, &s);
			cell_buf(b, &props);
			row_attrs(b, tg_buf_cstr(&levels), ch ? ch->item->id : "");
			place_label(&s, it);
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

/* The legend: what every value of the tables means, in our words; "%s"
 * is the baseline's short title. */
static const struct {
	const char *group, *term, *meaning;
} legend[] = {
	{"関係", "同等", "業界の項目と%sの項目が、同じ要求を定めている。"},
	{"関係", "IPAに包含", "%sの項目が、業界の項目の内容をすべて含む。その対策を実施すれば、"
	    "業界の項目も満たす。"},
	{"関係", "業界側が広い", "業界の項目が、%sの項目より多くを求める。足りない分は反映案や"
	    "自社の対策で補う。"},
	{"関係", "一部重複", "両者の内容が一部だけ重なる（%sの項目との重ならない部分は個別に確認する）。"},
	{"関係", "関係なし", "確認した結果、%sの項目と関係がない。"},
	{"強度", "0〜10", "%sの項目が業界の項目をどこまで満たすかの目安。10は完全に満たし、"
	    "0は満たさない。対応付けごとに付ける。"},
	{"状態", "確認済み", "すべての対応付けを、両方の本文に照らして人が確認した。"},
	{"状態", "提案（未確認）", "推定による対応付けで、まだ人が確認していない。"},
	{"状態", "未対応付け", "対応する箇所をまだ決めていない（理由は備考）。"},
	{"状態", "対応表なし", "この項目の行が対応表にない。"},
	{"対応箇所", "（関連：X 経由）", "直接の対応先 X から、%s内部の対応（付録どうしなど）を"
	    "1段だけたどった参考情報。対応の主張ではない。"},
	{"対応箇所", TG_VIEW_NONE, "その部分（本文・付録）に対応する箇所がない。灰色で示す。"},
	{"対応箇所", TG_PRINT_DASH, "該当しない（灰色）。"},
	{"反映案", "【追加】【修正】【変更なし】", "業界サンプル規程に条項を追加する／既存の条項を修正する"
	    "／変更しない。"},
	{"備考", "※データ品質", "項目のデータに注意点がある（内容は続けて記載）。"},
}, legend_compact[] = {
	{"関係（列）", "最も近い関係", "その項目の対応付けのうち最も近いもの（同等＞IPAに包含＞業界側が広い"
	    "＞一部重複＞関係なし）。個々の対応付けの関係と強度は、対応箇所の各行に記載する。"},
};

/* What the reader must know about where the rows and the counterparts come
 * from: guideline items that are inferred or ours, and the parts of the
 * baseline that are our reconstruction — notes under the header block and
 * entries of the legend. */
static void
origin_notes(tg_view *v, tg_buf *notes, tg_buf *entries, const tg_xtable *t)
{
	tg_buf s = TG_BUF_INIT;
	if (has_marked_rows(t)) {
		tg_buf_puts(&s, "項目の" TG_ORIGIN_COLUMN "：");
		for (tg_origin o = TG_ORIGIN_INFERRED; o <= TG_ORIGIN_AUTHORED; o++)
			if (t->by_origin[o] > 0)
				tg_buf_printf(&s, "%s（%zu件）。", tg_origin_text_of(o)->legend, t->by_origin[o]);
		TG_BUF_PUSH(notes, const char *, keep(v, s.data));
		tg_buf_clear(&s);
		for (tg_origin o = 0; o < TG_ORIGIN_COUNT; o++) {
			const tg_origin_text *ot = tg_origin_text_of(o);
			if (o != TG_ORIGIN_FACT && t->by_origin[o] == 0)
				continue;
			tg_buf_printf(&s, "%s%s%s%s", ot->cell, *ot->mark ? "（" : "", ot->mark,
			    *ot->mark ? "）" : "");
			const char *term = keep(v, s.data);
			tg_buf_clear(&s);
			tg_buf_printf(&s, "%s。", ot->legend);
			tg_legend_entry e = {TG_ORIGIN_COLUMN, term, keep(v, s.data)};
			TG_BUF_PUSH(entries, tg_legend_entry, e);
			tg_buf_clear(&s);
		}
	}
	if (t->authored_targets > 0) {
		tg_buf_printf(&s, "突合先の構成：%sの見出しと番号には、公表されている構成を本ツールが補って"
		    "再構成したもの（本表の対応先のうち%zu件）を含む。", base_name(t), t->authored_targets);
		if (t->official_targets > 0)
			tg_buf_printf(&s, "原本の番号が分かっている箇所は%s…%sとして併記した。",
			    TG_ORIGIN_OFFICIAL_OPEN, TG_ORIGIN_OFFICIAL_CLOSE);
		TG_BUF_PUSH(notes, const char *, keep(v, s.data));
		tg_buf_clear(&s);
	}
	if (t->official_targets > 0) {
		tg_legend_entry e = {"対応箇所", TG_ORIGIN_OFFICIAL_OPEN "…" TG_ORIGIN_OFFICIAL_CLOSE,
		    "本ツールが再構成した番号の箇所について、原本での番号。"};
		TG_BUF_PUSH(entries, tg_legend_entry, e);
	}
	tg_buf_free(&s);
}


static void
legend_entry(tg_view *v, tg_buf *entries, const char *group, const char *term,
    const char *meaning, const char *base)
{
	tg_buf s = TG_BUF_INIT;
	const char *mark = strstr(meaning, "%s");
	if (mark != NULL) {
		tg_buf_put(&s, meaning, (size_t)(mark - meaning));
		tg_buf_puts(&s, base);
		tg_buf_puts(&s, mark + 2);
	} else {
		tg_buf_puts(&s, meaning);
	}
	tg_legend_entry e = {group, term, keep(v, s.data)};
	TG_BUF_PUSH(entries, tg_legend_entry, e);
	tg_buf_free(&s);
}

static void
field(tg_view *v, tg_buf *fields, const char *key, const char *a, const char *b)
{
	tg_buf s = TG_BUF_INIT;
	tg_buf_printf(&s, "%s%s%s", a ? a : "", a && b && *b ? " " : "", b ? b : "");
	tg_print_field f = {key, keep(v, s.data)};
	TG_BUF_PUSH(fields, tg_print_field, f);
	tg_buf_free(&s);
}

/* Title, header block, notes and legend of the document. */
static void
document(tg_view *v, const tg_xtable *t, bool inverse, tg_xw_layout layout)
{
	tg_buf fields = TG_BUF_INIT, notes = TG_BUF_INIT, entries = TG_BUF_INIT, s = TG_BUF_INIT;
	tg_buf_printf(&s, "%s 突合表%s", t->guide->short_title ? t->guide->short_title : t->guide->title,
	    inverse ? "（逆引き）" : "");
	v->title = keep(v, s.data);
	tg_buf_clear(&s);
	field(v, &fields, "業界", t->ind->title, NULL);
	field(v, &fields, "業界ガイドライン", t->guide->title, t->guide->version);
	field(v, &fields, "突合先", t->base->title, t->base->version);
	if (t->level >= 0) {
		tg_buf_printf(&s, "%s（%s以下の項目を累積）", t->guide->levels[t->level],
		    t->guide->levels[t->level]);
		field(v, &fields, "対象レベル", s.data, NULL);
		tg_buf_clear(&s);
		if (t->skipped_unknown > 0) {
			tg_buf_printf(&s, "%zu件", t->skipped_unknown);
			field(v, &fields, "レベル不明のため対象外とした項目", s.data, NULL);
			tg_buf_clear(&s);
		}
	} else {
		field(v, &fields, "対象レベル", "全項目", NULL);
	}
	const tg_catalog *dated[] = {t->guide, t->base};
	for (size_t i = 0; i < 2; i++) {
		if (dated[i]->date == NULL)
			continue;
		tg_buf_printf(&s, "%s%s %s", s.len ? "、" : "",
		    dated[i]->short_title ? dated[i]->short_title : dated[i]->title, dated[i]->date);
	}
	if (s.len > 0)
		field(v, &fields, "データの日付", s.data, NULL);
	tg_buf_clear(&s);
	tg_buf_printf(&s, "totsugo %s", tg_version());
	field(v, &fields, "作成", s.data, NULL);
	tg_buf_clear(&s);
	const char *base = base_name(t);
	tg_buf_printf(&s, "関係は、業界の項目から見た%sの項目との関係。関係・強度・状態の読み方は凡例を参照。",
	    base);
	TG_BUF_PUSH(&notes, const char *, keep(v, s.data));
	tg_buf_clear(&s);
	for (size_t i = 0; i < sizeof legend / sizeof legend[0]; i++)
		legend_entry(v, &entries, legend[i].group, legend[i].term, legend[i].meaning, base);
	if (layout == TG_LAYOUT_COMPACT && !inverse)
		for (size_t i = 0; i < sizeof legend_compact / sizeof legend_compact[0]; i++)
			legend_entry(v, &entries, legend_compact[i].group, legend_compact[i].term,
			    legend_compact[i].meaning, base);
	origin_notes(v, &notes, &entries, t);

	v->doc.title = v->title;
	v->doc.fields = tg_arena_memdup(&v->arena, fields.data, fields.len);
	v->doc.nfields = TG_BUF_COUNT(&fields, tg_print_field);
	v->doc.notes = tg_arena_memdup(&v->arena, notes.data, notes.len);
	v->doc.nnotes = TG_BUF_COUNT(&notes, const char *);
	v->doc.legend = tg_arena_memdup(&v->arena, entries.data, entries.len);
	v->doc.nlegend = TG_BUF_COUNT(&entries, tg_legend_entry);
	v->doc.legend_name = "凡例";
	v->doc.subject = "突合表";
	v->doc.date = t->guide->date;
	tg_buf_free(&fields);
	tg_buf_free(&notes);
	tg_buf_free(&entries);
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
	document(v, t, inverse, layout);
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
			v->levels[v->nlevels++] = keep(v, tg_xt_level_label(t, slot));
	v->chapter_ids = TG_ARENA_ARRAY(&v->arena, const char *, t->nchapters);
	v->chapter_labels = TG_ARENA_ARRAY(&v->arena, const char *, t->nchapters);
	for (size_t c = 0; c < t->nchapters; c++) {
		const tg_item *ch = t->chapters[c].item;
		v->chapter_ids[v->nchapters] = ch->id;
		chapter_label(&s, ch);
		v->chapter_labels[v->nchapters++] = keep(v, s.data);
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
