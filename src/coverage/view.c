/* The coverage as tables of text cells (tg_view of crosswalk/xview.h), so
 * that the 突合表's renderers (Markdown, HTML, CSV, XLSX) print it with the
 * same conventions: 充足状況, 集計, 適用除外の影響.  All labels Japanese. */
#include "view.h"

#include <string.h>

#include "../crosswalk/xview.h"

/* "規程が包含": what the requirement is to the regulation's text. */
const char *
tg_cov_rel_label(tg_relationship r)
{
	static const char *const labels[] = {"同等", "規程が包含", "要求事項が広い", "一部重複",
	    "関係なし"};
	return r < TG_REL_COUNT ? labels[r] : "―";
}

/* 「SCS 2-1-2」: catalog short title and reference. */
void
tg_cov_item_ref(tg_buf *out, const tg_item *it)
{
	const tg_catalog *c = it->catalog;
	tg_buf_printf(out, "%s %s", c->short_title ? c->short_title : c->id, it->ref);
}

/* 「付録5 9.2.1 機密情報の取扱い」: where in the baseline, and the title. */
void
tg_cov_clause_label(tg_buf *out, const tg_item *it)
{
	const tg_item *root = it;
	while (root->parent != NULL)
		root = root->parent;
	tg_buf_puts(out, root->ref);
	if (root != it)
		tg_buf_printf(out, " %s", it->ref);
	if (it->title != NULL && strcmp(it->title, it->ref) != 0)
		tg_buf_printf(out, " %s", it->title);
}

/* The items a path passes through, with those inside derived pairs:
 * 「自工会 No.44・SCS 2-1-4 経由」, or 「直接」.  `through_end`: the path's
 * last item too (for additions, reached through their industry item). */
void
tg_cov_path_label(tg_buf *out, const tg_path *p, bool through_end)
{
	size_t n = 0;
	for (size_t i = 0; i < p->nsteps; i++) {
		const tg_path_step *s = &p->steps[i];
		const tg_xw_target *t = s->pair;
		for (size_t v = 0; v < t->nvia; v++) {
			const tg_item *it = t->via[s->backward ? t->nvia - 1 - v : v];
			tg_buf_puts(out, n++ ? "・" : "");
			tg_cov_item_ref(out, it);
		}
		if (i + 1 < p->nsteps || through_end) {
			tg_buf_puts(out, n++ ? "・" : "");
			tg_cov_item_ref(out, s->to);
		}
	}
	tg_buf_puts(out, n ? " 経由" : "直接");
}

/* ---- a small table builder ---- */

typedef struct tbuild {
	tg_view *v;
	tg_vtable *t;
	tg_buf cells, levels, groups;
} tbuild;

static const char *
keep(tg_view *v, const char *s)
{
	return tg_arena_strdup(&v->arena, s ? s : "");
}

static void
begin(tbuild *b, const char *name, const char *suffix, const char *title,
    const char *const *headers, const tg_col_kind *kinds, size_t ncols)
{
	tg_vtable *t = &b->v->tables[b->v->ntables++];
	b->t = t;
	t->page = (tg_page){TG_PAPER_A4, true};
	t->freeze_cols = 2;
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
	tg_buf_clear(&b->groups);
}

static void
cell(tbuild *b, const char *s)
{
	TG_BUF_PUSH(&b->cells, const char *, keep(b->v, s));
}

static void
cell_buf(tbuild *b, tg_buf *s)
{
	cell(b, tg_buf_cstr(s));
	tg_buf_clear(s);
}

static void
end(tbuild *b, bool attrs)
{
	tg_vtable *t = b->t;
	t->nrows = TG_BUF_COUNT(&b->cells, const char *) / t->ncols;
	t->cells = tg_arena_memdup(&b->v->arena, b->cells.data, b->cells.len);
	if (attrs) {
		t->row_level = tg_arena_memdup(&b->v->arena, b->levels.data, b->levels.len);
		t->row_chapters = tg_arena_memdup(&b->v->arena, b->groups.data, b->groups.len);
	}
}

/* ---- cells ---- */

static const char *
level_text(const tg_item *it)
{
	if (it->level == TG_LEVEL_UNKNOWN)
		return "不明";
	if (it->level >= 0)
		return it->catalog->levels[it->level];
	return "―";
}

static void
title_text(tg_buf *out, const tg_item *it)
{
	tg_buf_puts(out, it->title ? it->title : "（不明）");
}

static void
link_line(tg_buf *out, const tg_cov_link *l)
{
	switch (l->kind) {
	case TG_COV_CLAUSE:
		tg_cov_clause_label(out, l->clause);
		break;
	case TG_COV_ADDITION: {
		const tg_item *root = l->clause;
		while (root->parent != NULL)
			root = root->parent;
		tg_buf_printf(out, "%s %s %s（業界追加：", root->ref, l->number, l->title ? l->title : "");
		tg_cov_item_ref(out, l->source);
		tg_buf_puts(out, "）");
		break;
	}
	case TG_COV_SUPPLEMENT:
		tg_cov_clause_label(out, l->clause);
		tg_buf_puts(out, "（業界補足：");
		tg_cov_item_ref(out, l->source);
		tg_buf_puts(out, "）");
		break;
	}
	tg_buf_printf(out, "：%s", tg_cov_rel_label(l->rel));
	if (l->strength >= 0 || !l->reviewed) {
		tg_buf_puts(out, "（");
		if (l->strength >= 0)
			tg_buf_printf(out, "強度%d%s", l->strength, l->reviewed ? "" : "・");
		if (!l->reviewed)
			tg_buf_puts(out, "未確認");
		tg_buf_puts(out, "）");
	}
	tg_buf_puts(out, "〔");
	tg_cov_path_label(out, l->path, l->kind != TG_COV_CLAUSE);
	tg_buf_puts(out, "〕");
}

static void
proposal_text(tg_buf *out, const tg_proposal *p)
{
	tg_buf_printf(out, "【%s】", tg_label_action(p->action));
	tg_cov_clause_label(out, p->clause);
	tg_buf_puts(out, p->action == TG_ACTION_ADD ? " に条項を追加：" : " を修正：");
	size_t n = strlen(p->text);
	while (n > 0 && (p->text[n - 1] == '\n' || p->text[n - 1] == ' '))
		n--;
	tg_buf_put(out, p->text, n);
}

static void
closer_text(tg_buf *out, const tg_cov_closer *c)
{
	switch (c->kind) {
	case TG_CLOSE_EXCLUSION:
		tg_buf_puts(out, "適用除外の見直し：");
		if (c->source != NULL) {
			/* exclude: item — the item's addition or supplement */
			tg_cov_item_ref(out, c->source);
			tg_buf_puts(out, " の業界追加・業界補足（");
			tg_cov_clause_label(out, c->clause);
			tg_buf_puts(out, "）");
		} else {
			tg_cov_clause_label(out, c->clause);
		}
		if (c->reason != NULL)
			tg_buf_printf(out, "（除外の理由：%s）", c->reason);
		break;
	case TG_CLOSE_LEVEL:
		tg_buf_puts(out, "規程の対象レベルの引き上げ：");
		tg_cov_item_ref(out, c->source);
		tg_buf_printf(out, "（%s）の反映案", level_text(c->source));
		tg_buf_puts(out, c->proposal->action == TG_ACTION_ADD ? "（業界追加）" : "（業界補足）");
		tg_buf_puts(out, "：");
		proposal_text(out, c->proposal);
		break;
	case TG_CLOSE_PROPOSAL:
		tg_buf_puts(out, "反映案の取り込み：");
		tg_cov_item_ref(out, c->source);
		tg_buf_puts(out, " の反映案：");
		proposal_text(out, c->proposal);
		break;
	}
	tg_buf_printf(out, "\n→ %s（%s、", tg_cov_verdict_label(c->would), tg_cov_rel_label(c->rel));
	tg_cov_path_label(out, c->path, (c->kind != TG_CLOSE_EXCLUSION || c->source != NULL) &&
	    c->path->nsteps > 0);
	tg_buf_puts(out, "）");
}

static const char *
evidence(const tg_cov_item *ci)
{
	if (ci->verdict == TG_COV_NONE)
		return "―";
	return ci->reviewed ? "確認済み" : "推定を含む";
}

static void
items_table(tbuild *b, const tg_coverage *c)
{
	bool grouped = c->ngroups > 0;
	const char *headers[] = {"番号", "大分類", "要求事項", "レベル", "判定", "根拠",
	    "対応する規程の条項（関係・強度〔経路〕）", "不足を埋める案", "備考"};
	tg_col_kind kinds[] = {TG_COL_SHORT, TG_COL_TEXT, TG_COL_TEXT, TG_COL_SHORT, TG_COL_SHORT,
	    TG_COL_SHORT, TG_COL_LONG, TG_COL_LONG, TG_COL_LONG};
	const char *h[9];
	tg_col_kind k[9];
	size_t n = 0;
	for (size_t i = 0; i < 9; i++) {
		if (i == 1 && !grouped)
			continue;
		h[n] = headers[i];
		k[n++] = kinds[i];
	}
	begin(b, "充足状況", "", "要求事項ごとの充足状況", h, k, n);
	tg_buf s = TG_BUF_INIT;
	for (size_t i = 0; i < c->nitems; i++) {
		const tg_cov_item *ci = &c->items[i];
		const tg_item *it = ci->item;
		cell(b, it->ref);
		if (grouped) {
			if (ci->group != NULL) {
				tg_buf_printf(&s, "%s ", ci->group->ref);
				title_text(&s, ci->group);
			}
			cell_buf(b, &s);
		}
		title_text(&s, it);
		cell_buf(b, &s);
		cell(b, level_text(it));
		cell(b, tg_cov_verdict_label(ci->verdict));
		cell(b, evidence(ci));
		for (size_t l = 0; l < ci->nlinks; l++) {
			if (s.len > 0)
				tg_buf_putc(&s, '\n');
			link_line(&s, &ci->links[l]);
		}
		if (s.len == 0)
			tg_buf_puts(&s, TG_VIEW_NONE);
		cell_buf(b, &s);
		for (size_t l = 0; l < ci->nclosers; l++) {
			if (s.len > 0)
				tg_buf_puts(&s, "\n");
			closer_text(&s, &ci->closers[l]);
		}
		cell_buf(b, &s);
		if (it->flag != NULL)
			tg_buf_printf(&s, "※データ品質：%s", it->flag);
		for (size_t l = 0; l < ci->nlost; l++) {
			tg_buf_puts(&s, s.len ? "\n" : "");
			tg_buf_puts(&s, "適用除外で対応を失う：");
			link_line(&s, &ci->lost[l]);
		}
		for (size_t l = 0; l < ci->noutside; l++) {
			tg_buf_puts(&s, s.len ? "\n" : "");
			tg_buf_puts(&s, "規程の外で対応：");
			link_line(&s, &ci->outside[l]);
		}
		cell_buf(b, &s);
		TG_BUF_PUSH(&b->levels, const char *, keep(b->v, it->level >= 0 ? level_text(it) :
		    it->level == TG_LEVEL_UNKNOWN ? "不明" : "なし"));
		TG_BUF_PUSH(&b->groups, const char *, keep(b->v, tg_cov_verdict_name(ci->verdict)));
	}
	end(b, true);
	tg_buf_free(&s);
}

/* "12.5%" of a count, to one decimal (integer arithmetic: no locale). */
static void
percent(tg_buf *out, size_t part, size_t whole)
{
	if (whole == 0) {
		tg_buf_puts(out, "―");
		return;
	}
	size_t tenths = (part * 1000 + whole / 2) / whole;
	tg_buf_printf(out, "%zu.%zu%%", tenths / 10, tenths % 10);
}

static void
count_row(tbuild *b, const char *kind, const char *what, const tg_cov_count *n)
{
	tg_buf s = TG_BUF_INIT;
	cell(b, kind);
	cell(b, what);
	size_t values[] = {n->items, n->by[TG_COV_FULL], n->by[TG_COV_PARTIAL], n->by[TG_COV_NONE]};
	for (size_t i = 0; i < 4; i++) {
		tg_buf_printf(&s, "%zu", values[i]);
		cell_buf(b, &s);
	}
	percent(&s, n->by[TG_COV_FULL], n->items);
	cell_buf(b, &s);
	percent(&s, n->by[TG_COV_FULL] + n->by[TG_COV_PARTIAL], n->items);
	cell_buf(b, &s);
	tg_buf_printf(&s, "%zu", n->reviewed);
	cell_buf(b, &s);
	tg_buf_free(&s);
}

static void
summary_table(tbuild *b, const tg_coverage *c)
{
	static const char *const headers[] = {"区分", "対象", "要求事項", "充足", "一部", "未対応",
	    "充足率", "充足・一部の率", "確認済みの根拠"};
	tg_col_kind kinds[9];
	for (size_t i = 0; i < 9; i++)	/* counts are numbers; rates stay text (％) */
		kinds[i] = i == 1 ? TG_COL_TEXT : i >= 2 && i <= 5 ? TG_COL_NUMBER : TG_COL_SHORT;
	begin(b, "集計", "-summary", "集計（件数と割合）", headers, kinds, 9);
	tg_buf s = TG_BUF_INIT;
	for (size_t g = 0; g < c->ngroups; g++) {
		tg_buf_printf(&s, "%s ", c->groups[g].group->ref);
		title_text(&s, c->groups[g].group);
		count_row(b, "大分類", s.data, &c->groups[g].count);
		tg_buf_clear(&s);
	}
	const tg_catalog *cat = c->against;
	size_t with_level = 0;
	for (size_t l = 0; l < c->nlevels; l++)
		with_level += l < cat->nlevels && c->by_level[l].items > 0;
	for (size_t l = 0; l < c->nlevels && with_level > 1; l++) {
		if (c->by_level[l].items == 0)
			continue;
		count_row(b, "レベル", l < cat->nlevels ? cat->levels[l] :
		    l == cat->nlevels ? "不明" : "なし", &c->by_level[l]);
	}
	count_row(b, "合計", "全要求事項", &c->total);
	if (c->nexclusions > 0)
		count_row(b, "合計", "適用除外がない場合", &c->total_kept_all);
	end(b, false);
	tg_buf_free(&s);
}

static void
exclusions_table(tbuild *b, const tg_coverage *c)
{
	static const char *const headers[] = {"除外した条項", "除外の理由", "対応を失う要求事項",
	    "件数", "判定が下がる件数"};
	static const tg_col_kind kinds[] = {TG_COL_TEXT, TG_COL_LONG, TG_COL_LONG, TG_COL_SHORT,
	    TG_COL_SHORT};
	begin(b, "適用除外の影響", "-exclusions", "適用除外の影響（除外した条項が対応していた要求事項）",
	    headers, kinds, 5);
	tg_buf s = TG_BUF_INIT;
	for (size_t e = 0; e < c->nexclusions; e++) {
		const tg_cov_exclusion *x = &c->exclusions[e];
		if (x->item != NULL) {
			tg_buf_puts(&s, x->name);
			tg_buf_puts(&s, "（");
			tg_cov_clause_label(&s, x->clause);
			tg_buf_puts(&s, "）");
		} else {
			tg_cov_clause_label(&s, x->clause);
		}
		cell_buf(b, &s);
		cell(b, x->reason);
		for (size_t i = 0; i < x->nitems; i++) {
			const tg_cov_item *ci = x->items[i];
			tg_buf_puts(&s, i ? "\n" : "");
			tg_cov_item_ref(&s, ci->item);
			tg_buf_putc(&s, ' ');
			title_text(&s, ci->item);
			if (ci->verdict != ci->verdict_kept_all)
				tg_buf_printf(&s, "：%s → %s", tg_cov_verdict_label(ci->verdict_kept_all),
				    tg_cov_verdict_label(ci->verdict));
			else
				tg_buf_printf(&s, "：%s のまま（他の条項が対応）",
				    tg_cov_verdict_label(ci->verdict));
		}
		if (s.len == 0)
			tg_buf_puts(&s, "なし");
		cell_buf(b, &s);
		tg_buf_printf(&s, "%zu", x->nitems);
		cell_buf(b, &s);
		tg_buf_printf(&s, "%zu", x->worse);
		cell_buf(b, &s);
	}
	end(b, false);
	tg_buf_free(&s);
}

/* One field of the header block (render/print.h). */
static void
meta(tg_view *v, tg_buf *fields, const char *key, const char *value)
{
	tg_print_field f = {key, keep(v, value)};
	TG_BUF_PUSH(fields, tg_print_field, f);
}

/* How to read the verdicts and the paths: the legend. */
static const tg_legend_entry legend[] = {
	{"判定", "充足", "規程の条項（業界追加・業界補足を含む）が要求事項の内容をすべて含む（同等・規程が"
	    "包含）経路がある。"},
	{"判定", "一部", "内容の一部に対応する（要求事項が広い・一部重複）経路だけがある。"},
	{"判定", "未対応", "規程に至る経路がない。"},
	{"経路", "〔 〕", "突合表（直接のもの、他の突合表から導出したもの）をたどった道筋。"},
	{"経路", "直接／○○ 経由", "「直接」は要求事項から条項への対応、「○○ 経由」は途中でたどった項目。"},
	{"経路", "関係・強度", "経路上で最も弱い関係、最も低い強度。"},
	{"根拠", "確認済み", "経路上の対応がすべて両方の本文で確認済みの判定。"},
	{"根拠", "反映案", "業界追加・業界補足は項目全体を補う文案として扱い、未確認とする。"},
};

/* 「SCS ★3」 or the catalog's short title alone. */
void
tg_cov_scope_label(tg_buf *out, const tg_coverage *c)
{
	const tg_catalog *cat = c->against;
	tg_buf_puts(out, cat->short_title ? cat->short_title : cat->title);
	if (c->level >= 0)
		tg_buf_printf(out, " %s", cat->levels[c->level]);
}

tg_view *
tg_cov_view_build(const tg_coverage *c)
{
	tg_view *v = tg_xcalloc(1, sizeof *v);
	tg_arena_init(&v->arena);
	tbuild b = {v, NULL, TG_BUF_INIT, TG_BUF_INIT, TG_BUF_INIT};
	tg_buf lines = TG_BUF_INIT, s = TG_BUF_INIT;
	const tg_catalog *cat = c->against;

	tg_cov_scope_label(&s, c);
	tg_buf_printf(&s, " 充足状況：%s", c->reg_title);
	v->title = keep(v, s.data);
	tg_buf_clear(&s);
	tg_buf_printf(&s, "%s%s%s", cat->title, cat->version ? " " : "", cat->version ? cat->version : "");
	if (cat->date != NULL)
		tg_buf_printf(&s, "（%s）", cat->date);
	meta(v, &lines, "評価する要求事項", s.data);
	tg_buf_clear(&s);
	if (c->level >= 0)
		tg_buf_printf(&s, "%s（%s以下の要求事項を累積）", cat->levels[c->level], cat->levels[c->level]);
	else
		tg_buf_puts(&s, "全要求事項");
	meta(v, &lines, "対象レベル", s.data);
	tg_buf_clear(&s);
	if (c->skipped_unknown > 0) {
		tg_buf_printf(&s, "%zu件", c->skipped_unknown);
		meta(v, &lines, "レベル不明のため対象外とした要求事項", s.data);
		tg_buf_clear(&s);
	}
	meta(v, &lines, "業界", c->ind->title);
	tg_buf_puts(&s, c->reg_title);
	if (c->profile != NULL)
		tg_buf_printf(&s, "（プロファイル %s）", c->profile->id);
	else
		tg_buf_puts(&s, "（プロファイルなし：業界サンプル規程のまま）");
	meta(v, &lines, "規程", s.data);
	tg_buf_clear(&s);
	const tg_catalog *g = c->ind->guideline;
	if (c->reg_level >= 0)
		tg_buf_printf(&s, "%s %s（業界追加・業界補足は%s以下の項目のもの）",
		    g->short_title ? g->short_title : g->title, g->levels[c->reg_level],
		    g->levels[c->reg_level]);
	else
		tg_buf_puts(&s, "全レベル（業界追加・業界補足をすべて含む）");
	meta(v, &lines, "規程の対象レベル", s.data);
	tg_buf_clear(&s);
	tg_buf_printf(&s, "%zu件", c->nexclusions);
	meta(v, &lines, "規程の適用除外", s.data);
	tg_buf_clear(&s);
	tg_buf_printf(&s, "要求事項%zu件のうち 充足%zu件（", c->total.items, c->total.by[TG_COV_FULL]);
	percent(&s, c->total.by[TG_COV_FULL], c->total.items);
	tg_buf_printf(&s, "）、一部%zu件（", c->total.by[TG_COV_PARTIAL]);
	percent(&s, c->total.by[TG_COV_PARTIAL], c->total.items);
	tg_buf_printf(&s, "）、未対応%zu件（", c->total.by[TG_COV_NONE]);
	percent(&s, c->total.by[TG_COV_NONE], c->total.items);
	tg_buf_puts(&s, "）");
	meta(v, &lines, "結果", s.data);
	tg_buf_clear(&s);
	tg_buf_clear(&s);
	tg_buf_printf(&s, "totsugo %s", tg_version());
	meta(v, &lines, "作成", s.data);
	v->doc.title = v->title;
	v->doc.fields = tg_arena_memdup(&v->arena, lines.data, lines.len);
	v->doc.nfields = TG_BUF_COUNT(&lines, tg_print_field);
	v->doc.legend = legend;
	v->doc.nlegend = sizeof legend / sizeof legend[0];
	v->doc.legend_name = "凡例";
	v->doc.subject = "充足状況";
	v->doc.date = cat->date;

	v->tables = TG_ARENA_ARRAY(&v->arena, tg_vtable, 3);
	items_table(&b, c);
	summary_table(&b, c);
	exclusions_table(&b, c);

	/* Filters (HTML): the catalog's levels, and the verdict. */
	v->levels = TG_ARENA_ARRAY(&v->arena, const char *, c->nlevels);
	for (size_t l = 0; l < c->nlevels; l++)
		if (c->by_level[l].items > 0)
			v->levels[v->nlevels++] = l < cat->nlevels ? cat->levels[l] :
			    l == cat->nlevels ? "不明" : "なし";
	v->filter_label = "判定";
	v->chapter_ids = TG_ARENA_ARRAY(&v->arena, const char *, TG_COV_VERDICTS);
	v->chapter_labels = TG_ARENA_ARRAY(&v->arena, const char *, TG_COV_VERDICTS);
	for (int k = 0; k < TG_COV_VERDICTS; k++) {
		v->chapter_ids[v->nchapters] = tg_cov_verdict_name((tg_cov_verdict)k);
		v->chapter_labels[v->nchapters++] = tg_cov_verdict_label((tg_cov_verdict)k);
	}
	tg_buf_free(&lines);
	tg_buf_free(&s);
	tg_buf_free(&b.cells);
	tg_buf_free(&b.levels);
	tg_buf_free(&b.groups);
	return v;
}
