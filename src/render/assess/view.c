/* The assessment report as sections of Japanese text and tables, shared
 * by the Markdown and HTML files (and the workbook's gap list). */
#include <stdlib.h>
#include <string.h>

#include "ar.h"
#include "../../crosswalk/xtable.h"
#include "../../load/sheet/xlsx.h"
#include "../../regulation/regulation.h"
#include "../provenance.h"

#define MAX_CLAUSES_SHOWN 5
#define MAX_PROPOSALS_SHOWN 2

typedef struct builder {
	tg_ar_report *r;
	const tg_assessment *as;
	tg_buf sections;	/* tg_ar_section */
} builder;

static const char *
dup(builder *b, const char *s)
{
	return tg_arena_strdup(&b->r->arena, s ? s : "");
}

static const char *
fmt(builder *b, const char *f, ...) __attribute__((format(printf, 2, 3)));

static const char *
fmt(builder *b, const char *f, ...)
{
	tg_buf t = TG_BUF_INIT;
	va_list ap;
	va_start(ap, f);
	tg_buf_vprintf(&t, f, ap);
	va_end(ap);
	const char *s = dup(b, t.data);
	tg_buf_free(&t);
	return s;
}

static tg_ar_table *
new_table(builder *b, size_t ncols, const char *const *headers, const bool *narrow, size_t nrows)
{
	tg_arena *a = &b->r->arena;
	tg_ar_table *t = TG_ARENA_NEW(a, tg_ar_table);
	t->ncols = ncols;
	t->headers = TG_ARENA_ARRAY(a, const char *, ncols);
	t->narrow = TG_ARENA_ARRAY(a, bool, ncols);
	for (size_t c = 0; c < ncols; c++) {
		t->headers[c] = headers[c];
		t->narrow[c] = narrow[c];
	}
	t->cells = TG_ARENA_ARRAY(a, const char *, ncols * (nrows ? nrows : 1));
	return t;
}

static void
set(tg_ar_table *t, size_t row, size_t col, const char *s)
{
	t->cells[row * t->ncols + col] = s;
}

const char *
tg_ar_cell(const tg_ar_table *t, size_t row, size_t col)
{
	const char *s = t->cells[row * t->ncols + col];
	return s ? s : "";
}

static tg_ar_section *
section(builder *b, const char *title, const char **paragraphs, size_t n, tg_ar_table *t)
{
	tg_ar_section s = {title, NULL, n, t};
	if (n > 0)
		s.paragraphs = tg_arena_memdup(&b->r->arena, paragraphs, n * sizeof *paragraphs);
	TG_BUF_PUSH(&b->sections, tg_ar_section, s);
	return &TG_BUF_AT(&b->sections, tg_ar_section, TG_BUF_COUNT(&b->sections, tg_ar_section) - 1);
}

/* A share as 「45%」 (rounded half up); progress uses -1 for "nothing counts". */
static const char *
percent(builder *b, double v, bool valid)
{
	if (!valid)
		return "—";
	double p = v * 100;
	return fmt(b, "%.0f%%", p >= 0 ? p + 1e-9 : p - 1e-9);
}

char *
tg_ar_position(const tg_filled *f, tg_pos pos)
{
	tg_buf b = TG_BUF_INIT;
	if (f->workbook && pos.line > 0 && pos.col > 0) {
		char cell[16];
		tg_xlsx_cell_name(pos.line, pos.col, cell);
		tg_buf_printf(&b, "%s!%s", pos.file, cell);
	} else {
		tg_buf_printf(&b, "%s:%u:%u", pos.file, pos.line, pos.col);
	}
	return tg_buf_detach(&b);
}

static const tg_filled *
filled_of(const tg_assessment *as, tg_form_role role)
{
	for (size_t i = 0; i < as->nfilled; i++)
		if (as->filled[i].form->role == role)
			return &as->filled[i];
	return NULL;
}

static void
self_assessment(builder *b, const tg_filled *f)
{
	const tg_fsheet *l = f->layout;
	const char *para[3];
	size_t np = 0;
	para[np++] = fmt(b, "%s（%s）の回答を、回答ごとの配点に従って合計した。", f->form->title,
	    f->where);
	if (f->band >= 0) {
		tg_buf range = TG_BUF_INIT;
		tg_scoring_band_range(&l->scoring.bands[f->band], &range);
		para[np++] = fmt(b, "合計点：%g点（満点%g点）　判定：%s（%s）", f->total.score, f->total.max,
		    f->form->bands[f->band].label, range.data);
		if (f->form->bands[f->band].advice)
			para[np++] = dup(b, f->form->bands[f->band].advice);
		tg_buf_free(&range);
	}
	if (f->total.items > f->total.answered)
		para[np < 3 ? np++ : 2] = fmt(b, "未回答の設問が%zu問あり、0点として数えた。",
		    f->total.items - f->total.answered);
	static const char *const h[] = {"区分", "設問数", "回答数", "点数", "満点", "達成率"};
	static const bool narrow[] = {false, true, true, true, true, true};
	tg_ar_table *t = new_table(b, 6, h, narrow, f->ngroups + 1);
	for (size_t g = 0; g <= f->ngroups; g++) {
		const tg_group_result *r = g < f->ngroups ? &f->groups[g] : &f->total;
		if (g < f->ngroups && r->items == 0)
			continue;
		size_t row = t->nrows++;
		set(t, row, 0, dup(b, r->title));
		set(t, row, 1, fmt(b, "%zu", r->items));
		set(t, row, 2, fmt(b, "%zu", r->answered));
		set(t, row, 3, fmt(b, "%g", r->score));
		set(t, row, 4, fmt(b, "%g", r->max));
		set(t, row, 5, percent(b, r->max > 0 ? r->score / r->max : 0, r->max > 0));
	}
	section(b, "自社診断の結果", para, np, t);
}

static void
checklist(builder *b, const tg_filled *f)
{
	const tg_fchoice *ch = f->choice;
	const char *para[2];
	size_t np = 0;
	para[np++] = fmt(b, "%s（%s）の実施状況。進捗率は、実施済みを1、一部実施を0.5として、対象外を除いた"
	    "項目数で割った値。", f->form->title, f->where);
	para[np++] = fmt(b, "全体の進捗率：%s（%zu項目のうち記入済み%zu項目）",
	    percent(b, f->total.progress, f->total.progress >= 0),
	    f->total.items, f->total.answered);
	size_t ncols = ch->noptions + 4;
	const char **h = TG_ARENA_ARRAY(&b->r->arena, const char *, ncols);
	bool *narrow = TG_ARENA_ARRAY(&b->r->arena, bool, ncols);
	h[0] = "グループ";
	h[1] = "項目数";
	for (size_t k = 0; k < ch->noptions; k++)
		h[2 + k] = ch->options[k].label;
	h[ncols - 2] = "未記入";
	h[ncols - 1] = "進捗率";
	for (size_t c = 1; c < ncols; c++)
		narrow[c] = true;
	tg_ar_table *t = new_table(b, ncols, h, narrow, f->ngroups + 1);
	for (size_t g = 0; g <= f->ngroups; g++) {
		const tg_group_result *r = g < f->ngroups ? &f->groups[g] : &f->total;
		if (g < f->ngroups && r->items == 0)
			continue;
		size_t row = t->nrows++;
		set(t, row, 0, dup(b, r->title));
		set(t, row, 1, fmt(b, "%zu", r->items));
		for (size_t k = 0; k < ch->noptions; k++)
			set(t, row, 2 + k, fmt(b, "%zu", r->per_option[k]));
		set(t, row, ncols - 2, fmt(b, "%zu", r->items - r->answered));
		set(t, row, ncols - 1, percent(b, r->progress, r->progress >= 0));
	}
	section(b, "業界チェックシートの状況", para, np, t);
}

static const char *
relation_label(tg_relationship r)
{
	switch (r) {
	case TG_REL_EQUAL: return "同等";
	case TG_REL_SUBSET_OF: return "条項が包含";
	case TG_REL_SUPERSET_OF: return "条項は一部";
	case TG_REL_INTERSECTS_WITH: return "一部重複";
	default: return "関係なし";
	}
}

static const char *
clauses_cell(builder *b, const tg_gap *g)
{
	const tg_assessment *as = b->as;
	const tg_remedies *rm = &g->remedies;
	if (rm->nclauses == 0)
		return "（対応付けなし）";
	tg_buf t = TG_BUF_INIT;
	for (size_t i = 0; i < rm->nclauses && i < MAX_CLAUSES_SHOWN; i++) {
		const tg_remedy *r = &rm->clauses[i];
		tg_buf_printf(&t, "%s%s（%s", i ? "\n" : "",
		    tg_assess_clause_name(as->ctx.data, &b->r->arena, r->clause), relation_label(r->rel));
		if (r->strength >= 0)
			tg_buf_printf(&t, "・強度%d", r->strength);
		if (r->via != NULL)
			tg_buf_printf(&t, "・%s %s 経由", tg_xt_root(r->via)->ref, r->via->ref);
		tg_buf_puts(&t, "）");
	}
	if (rm->nclauses > MAX_CLAUSES_SHOWN)
		tg_buf_printf(&t, "\nほか%zu件", rm->nclauses - MAX_CLAUSES_SHOWN);
	const char *s = dup(b, t.data);
	tg_buf_free(&t);
	return s;
}

static void
trim_newlines(tg_buf *t)
{
	while (t->len > 0 && t->data[t->len - 1] == '\n')
		tg_buf_truncate(t, t->len - 1);
}

static const char *
proposals_cell(builder *b, const tg_gap *g)
{
	const tg_remedies *rm = &g->remedies;
	if (rm->nproposals == 0)
		return "";
	tg_buf t = TG_BUF_INIT;
	for (size_t i = 0; i < rm->nproposals && i < MAX_PROPOSALS_SHOWN; i++) {
		const tg_remedy_proposal *p = &rm->proposals[i];
		tg_buf_printf(&t, "%s【%s】%s → %s：%s", i ? "\n" : "",
		    p->action == TG_ACTION_ADD ? "追加" : "補足", p->label,
		    p->clause ? p->clause->ref : "", p->text);
		trim_newlines(&t);
	}
	if (rm->nproposals > MAX_PROPOSALS_SHOWN)
		tg_buf_printf(&t, "\nほか%zu件", rm->nproposals - MAX_PROPOSALS_SHOWN);
	const char *s = dup(b, t.data);
	tg_buf_free(&t);
	return s;
}

static void
gaps(builder *b)
{
	const tg_assessment *as = b->as;
	const char *para[4];
	para[0] = "「実施していない」「わからない」「未実施」「未回答」を先に、「一部実施」を後に並べ、同じ区分の中では"
	    "最初に求められる項目（自社診断の設問と、業界ガイドラインの低いレベルの項目）から、入力の順に並べた。";
	para[1] = "緊急度は、実施していない項目のうち自社診断の設問と最も低いレベルの項目を「高」、それより上のレベルを"
	    "「中」とし、一部実施はそれぞれ「中」「低」とした。重要度は、取引先の業界ガイドラインが対象レベルで求める"
	    "項目と、それが直接対応する規程の条項に関わる設問を「高」、それ以外を「中」とした。どちらも提案であり、"
	    "指導の中で見直す。";
	para[2] = "関連する規程は、突合表と付録間の対応付けから求めた本ツールのサンプル規程の条項で、近い関係の順に並べた。";
	static const char *const h[] = {"順位", "出典", "項目", "回答", "緊急度", "重要度", "関連する規程の条項",
	    "業界版の反映案", "記入内容"};
	static const bool narrow[] = {true, false, false, true, true, true, false, false, false};
	tg_ar_table *t = new_table(b, 9, h, narrow, as->ngaps);
	unsigned marks = 0;
	for (size_t i = 0; i < as->ngaps; i++) {
		const tg_gap *g = &as->gaps[i];
		const tg_answer *an = g->answer;
		size_t row = t->nrows++;
		set(t, row, 0, fmt(b, "%zu", g->rank));
		set(t, row, 1, g->source);
		tg_origin o = tg_item_origin(an->item);
		if (an->item->catalog != b->as->ctx.ind->baseline && tg_origin_marked(o))
			marks |= 1u << o;
		for (size_t k = 0; k < g->remedies.nproposals && k < MAX_PROPOSALS_SHOWN; k++)
			if (g->remedies.proposals[k].source != NULL &&
			    tg_origin_marked(tg_item_origin(g->remedies.proposals[k].source)))
				marks |= 1u << tg_item_origin(g->remedies.proposals[k].source);
		set(t, row, 2, fmt(b, "%s%s", an->item->title ? an->item->title : "不明",
		    an->item->catalog != b->as->ctx.ind->baseline ? tg_origin_text_of(o)->mark : ""));
		set(t, row, 3, an->value ? an->value : "未回答");
		set(t, row, 4, g->urgency);
		set(t, row, 5, g->importance);
		set(t, row, 6, clauses_cell(b, g));
		set(t, row, 7, proposals_cell(b, g));
		set(t, row, 8, an->remarks ? an->remarks : "");
	}
	b->r->gaps = t;
	if (as->ngaps == 0) {
		const char *none = "課題は見つからなかった（全ての項目が実施済み又は対象外）。";
		section(b, "課題一覧（優先順）", &none, 1, NULL);
		return;
	}
	tg_buf notes = TG_BUF_INIT;
	tg_origin_footnotes(marks, &notes, "");
	size_t np = 3;
	if (notes.len > 0)
		para[np++] = dup(b, notes.data);
	tg_buf_free(&notes);
	section(b, "課題一覧（優先順）", para, np, t);
}

static void
plan(builder *b)
{
	const tg_fsheet *s = b->as->plan_sheet;
	if (s == NULL || b->as->ngaps == 0)
		return;
	const tg_form *f = s->form;
	/* The plan's filled columns, with its group. */
	size_t cols[TG_FILL_COUNT], n = 0;
	for (size_t c = 0; c < f->ncolumns && n < TG_FILL_COUNT; c++)
		if (f->columns[c].fill != NULL)
			cols[n++] = c;
	const char **h = TG_ARENA_ARRAY(&b->r->arena, const char *, n + 1);
	bool *narrow = TG_ARENA_ARRAY(&b->r->arena, bool, n + 1);
	h[0] = "区分";
	for (size_t k = 0; k < n; k++) {
		h[k + 1] = f->columns[cols[k]].header;
		narrow[k + 1] = f->columns[cols[k]].kind == TG_FCOL_CHOICE;
	}
	tg_ar_table *t = new_table(b, n + 1, h, narrow, s->nrows);
	for (size_t i = 0; i < s->nrows; i++) {
		const tg_frow *r = &s->rows[i];
		if (r->heading || r->cells[cols[0]] == NULL)
			continue;
		size_t row = t->nrows++;
		set(t, row, 0, s->groups[r->group].title);
		for (size_t k = 0; k < n; k++)
			set(t, row, k + 1, r->cells[cols[k]]);
	}
	const char *para = fmt(b, "%sの下書き。課題を、最初に関連する規程の章で区分に分けた。難易度、実施可否、"
	    "絞り込み、実施期限、懸念点は、企業と相談して記入する。", f->title);
	section(b, "対策実行計画（下書き）", &para, 1, t);
}

tg_ar_report *
tg_ar_build(const tg_assessment *as)
{
	tg_ar_report *r = tg_xcalloc(1, sizeof *r);
	tg_arena_init(&r->arena);
	builder b = {r, as, TG_BUF_INIT};
	const tg_industry *ind = as->ctx.ind;
	r->title = "情報セキュリティ対策状況の診断結果";
	const char *meta[8];
	size_t nm = 0;
	meta[nm++] = fmt(&b, "業界：%s", ind->title);
	const tg_catalog *g = ind->guideline;
	if (g != NULL)
		meta[nm++] = fmt(&b, "業界ガイドライン：%s%s%s%s", g->title, g->version ? "（" : "",
		    g->version ? g->version : "", g->version ? "版）" : "");
	else
		meta[nm++] = "業界ガイドライン：なし";
	if (as->level_name != NULL)
		meta[nm++] = fmt(&b, "対象レベル：%s", as->level_name);
	for (size_t i = 0; i < as->nfilled && nm < 8; i++)
		meta[nm++] = fmt(&b, "読み込んだシート：%s（%s）", as->filled[i].where,
		    as->filled[i].form->title);
	r->meta = tg_arena_memdup(&r->arena, meta, nm * sizeof *meta);
	r->nmeta = nm;
	const tg_filled *sa = filled_of(as, TG_FORM_ROLE_SELF_ASSESSMENT);
	const tg_filled *cl = filled_of(as, TG_FORM_ROLE_CHECKLIST);
	if (sa != NULL)
		self_assessment(&b, sa);
	if (cl != NULL)
		checklist(&b, cl);
	gaps(&b);
	plan(&b);
	r->nsections = TG_BUF_COUNT(&b.sections, tg_ar_section);
	r->sections = tg_arena_memdup(&r->arena, b.sections.data, b.sections.len);
	tg_buf_free(&b.sections);
	return r;
}

void
tg_ar_free(tg_ar_report *r)
{
	if (r == NULL)
		return;
	tg_arena_free(&r->arena);
	free(r);
}

void
tg_ar_summary(const tg_assessment *as, tg_buf *out)
{
	const tg_filled *sa = filled_of(as, TG_FORM_ROLE_SELF_ASSESSMENT);
	const tg_filled *cl = filled_of(as, TG_FORM_ROLE_CHECKLIST);
	if (sa != NULL) {
		tg_buf_printf(out, "self-assessment: %g of %g", sa->total.score, sa->total.max);
		if (sa->band >= 0)
			tg_buf_printf(out, " (%s)", sa->form->bands[sa->band].label);
		tg_buf_printf(out, ", %zu of %zu answered\n", sa->total.answered, sa->total.items);
	}
	if (cl != NULL) {
		tg_buf_printf(out, "checklist: ");
		if (cl->total.progress >= 0)
			tg_buf_printf(out, "%.0f%% done", cl->total.progress * 100 + 1e-9);
		else
			tg_buf_puts(out, "nothing filled in");
		tg_buf_printf(out, ", %zu of %zu filled in\n", cl->total.answered, cl->total.items);
	}
	tg_buf_printf(out, "gaps: %zu\n", as->ngaps);
}
