/* The assessment: filled forms read and checked, scores and progress, the
 * gaps with what addresses them, in priority order, and the 様式3 plan
 * prefilled with them.  The priority and the suggested 緊急度 / 重要度 follow
 * the rules of docs/forms.md ("Priority"). */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "../regulation/regulation.h"
#include "../totsugo.h"
#include "../util/text.h"

const char *
tg_gap_label(tg_gap_kind k)
{
	switch (k) {
	case TG_GAP_NONE: return "実施";
	case TG_GAP_PARTIAL: return "一部実施";
	case TG_GAP_MISSING: return "未実施";
	case TG_GAP_UNKNOWN: return "不明";
	case TG_GAP_UNANSWERED: return "未回答";
	case TG_GAP_EXCLUDED: return "対象外";
	}
	return "";
}

static bool
is_gap(tg_gap_kind k)
{
	return k == TG_GAP_PARTIAL || k == TG_GAP_MISSING || k == TG_GAP_UNKNOWN ||
	    k == TG_GAP_UNANSWERED;
}

/* The industry named by --industry, else by the sheets' 業界 fields (an
 * industry's title or id). */
static const tg_industry *
choose_industry(const tg_data *d, const tg_assess_input *in, const tg_buf *sheets, int *rc,
    tg_diag *diag)
{
	*rc = TG_EXIT_USAGE;
	if (in->industry != NULL)
		return tg_reg_find_industry(d, in->industry, diag);
	const tg_industry *found = NULL;
	for (size_t i = 0; i < TG_BUF_COUNT(sheets, tg_assess_sheet); i++) {
		const char *name = TG_BUF_AT(sheets, tg_assess_sheet, i).industry;
		if (name == NULL)
			continue;
		const tg_industry *ind = NULL;
		for (size_t k = 0; k < TG_DATA_COUNT(d, industries, tg_industry) && ind == NULL; k++) {
			const tg_industry *c = TG_DATA_AT(d, industries, tg_industry, k);
			if ((c->title && strcmp(c->title, name) == 0) || (c->id && strcmp(c->id, name) == 0))
				ind = c;
		}
		if (ind == NULL || ind->baseline == NULL || (ind->guideline == NULL && ind->guideline_id))
			continue;
		if (found != NULL && found != ind) {
			tg_diag_error(diag, tg_pos_at(NULL, 0, 0), "the sheets name two industries (%s and "
			    "%s): give --industry", found->id, ind->id);
			return NULL;
		}
		found = ind;
	}
	if (found == NULL)
		tg_diag_error(diag, tg_pos_at(NULL, 0, 0), "missing --industry ID (no sheet names a known "
		    "industry in its 業界 field)");
	return found;
}

/* Clauses the industry's requirements in scope point to directly: what
 * the customer's guideline asks for. */
static void
required_clauses(const tg_industry *ind, int level, tg_map *out)
{
	for (size_t i = 0; i < ind->ncrosswalks; i++) {
		const tg_crosswalk *c = ind->crosswalks[i];
		for (size_t j = 0; c != NULL && j < c->nrows; j++) {
			const tg_xw_row *r = &c->rows[j];
			const tg_item *it = r->source;
			if (it == NULL || (level >= 0 && it->level != TG_LEVEL_NONE &&
			    !(it->level >= 0 && it->level <= level)))
				continue;
			for (size_t k = 0; k < r->ntargets; k++)
				if (r->targets[k].target != NULL &&
				    r->targets[k].relationship != TG_REL_NO_RELATIONSHIP)
					tg_map_put(out, r->targets[k].target->id, (void *)r->targets[k].target);
		}
	}
}

/* 0 for the items every firm needs first (no level, the lowest level, the
 * baseline's own questions), else the level's position; unknown last. */
static int
level_rank(const tg_item *it, const tg_industry *ind)
{
	if (it->catalog != ind->guideline || it->level == TG_LEVEL_NONE)
		return 0;
	if (it->level == TG_LEVEL_UNKNOWN)
		return (int)ind->guideline->nlevels;
	return it->level;
}

static int
severity(tg_gap_kind k)
{
	return k == TG_GAP_PARTIAL ? 1 : 0;
}

typedef struct ranked {
	tg_gap gap;
	int severity, level;
	size_t filled, answer;
} ranked;

static int
compare_ranked(const void *pa, const void *pb)
{
	const ranked *a = pa, *b = pb;
	if (a->severity != b->severity)
		return a->severity - b->severity;
	if (a->level != b->level)
		return a->level - b->level;
	if (a->filled != b->filled)
		return a->filled < b->filled ? -1 : 1;
	return a->answer < b->answer ? -1 : a->answer > b->answer;
}

static const char *
source_label(tg_arena *a, const tg_filled *f, const tg_answer *an, const tg_industry *ind)
{
	tg_buf b = TG_BUF_INIT;
	if (f->form->role == TG_FORM_ROLE_CHECKLIST) {
		const tg_catalog *g = ind->guideline;
		tg_buf_printf(&b, "%s %s", g->short_title ? g->short_title : g->title, an->key);
	} else {
		tg_buf_printf(&b, "%s %s", f->form->sheet, an->key);
	}
	const char *s = tg_arena_strdup(a, b.data);
	tg_buf_free(&b);
	return s;
}

static void
suggest(tg_gap *g, int level_rank_, bool required)
{
	bool missing = severity(g->answer->gap) == 0;
	g->urgency = missing ? (level_rank_ == 0 ? "高" : "中") : (level_rank_ == 0 ? "中" : "低");
	g->importance = required ? "高" : "中";
}

static bool
gap_required(const tg_gap *g, const tg_assessment *as, const tg_map *required)
{
	const tg_item *it = g->answer->item;
	if (it->catalog == as->ctx.ind->guideline)
		return as->ctx.level < 0 || it->level == TG_LEVEL_NONE ||
		    (it->level >= 0 && it->level <= as->ctx.level);
	for (size_t i = 0; i < g->remedies.nclauses; i++)
		if (tg_map_get(required, g->remedies.clauses[i].clause->id) != NULL)
			return true;
	return false;
}

static void
build_gaps(tg_assessment *as)
{
	const tg_data *d = as->ctx.data;
	const tg_industry *ind = as->ctx.ind;
	tg_map required = {0};
	required_clauses(ind, as->ctx.level, &required);
	tg_paths *paths = tg_assess_paths(d, ind);
	tg_buf list = TG_BUF_INIT;
	for (size_t f = 0; f < as->nfilled; f++) {
		const tg_filled *fl = &as->filled[f];
		for (size_t i = 0; i < fl->nanswers; i++) {
			const tg_answer *an = &fl->answers[i];
			if (!is_gap(an->gap))
				continue;
			ranked r = {0};
			r.gap.from = fl;
			r.gap.answer = an;
			tg_assess_remedies(paths, d, ind, as->ctx.level, an->item, &as->arena,
			    &r.gap.remedies);
			r.gap.source = source_label(&as->arena, fl, an, ind);
			r.severity = severity(an->gap);
			r.level = level_rank(an->item, ind);
			r.filled = f;
			r.answer = i;
			suggest(&r.gap, r.level, gap_required(&r.gap, as, &required));
			if (as->plan != NULL) {
				const tg_item *ch = r.gap.remedies.nclauses ?
				    tg_assess_chapter_of(d, r.gap.remedies.clauses[0].clause) : NULL;
				r.gap.plan_group = tg_fsheet_plan_group(as->plan, ch);
			}
			TG_BUF_PUSH(&list, ranked, r);
		}
	}
	size_t n = TG_BUF_COUNT(&list, ranked);
	if (n > 1)
		qsort(list.data, n, sizeof(ranked), compare_ranked);
	as->gaps = TG_ARENA_ARRAY(&as->arena, tg_gap, n ? n : 1);
	as->ngaps = n;
	for (size_t i = 0; i < n; i++) {
		as->gaps[i] = TG_BUF_AT(&list, ranked, i).gap;
		as->gaps[i].rank = i + 1;
	}
	tg_buf_free(&list);
	tg_map_free(&required);
	tg_paths_free(paths);
}

/* The plan's cells for a gap (docs/forms.md, "The plan"). */
static void
plan_cells(tg_assessment *as, const tg_gap *g, tg_fill_row *row)
{
	const tg_data *d = as->ctx.data;
	tg_arena *a = &as->arena;
	const tg_answer *an = g->answer;
	const tg_remedies *rm = &g->remedies;
	tg_buf b = TG_BUF_INIT;
	row->group = g->plan_group;
	const tg_item *chapter = rm->nclauses ? tg_assess_chapter_of(d, rm->clauses[0].clause) : NULL;
	row->cells[TG_FILL_AREA] = chapter ? tg_assess_clause_name(d, a, chapter) :
	    g->from->layout->groups[an->group].title;
	tg_buf_puts(&b, g->source);
	tg_text_quote(&b, an->item->title ? an->item->title : "不明");
	tg_buf_printf(&b, "：%s", an->value ? an->value : "未回答");
	if (an->remarks != NULL)
		tg_buf_printf(&b, "\n%s", an->remarks);
	row->cells[TG_FILL_ISSUE] = tg_arena_strdup(a, b.data);
	tg_buf_clear(&b);
	if (rm->nclauses > 0) {
		tg_buf_puts(&b, "関連する規程：");
		for (size_t i = 0; i < rm->nclauses && i < 3; i++)
			tg_buf_printf(&b, "%s%s", i ? "、" : "", tg_assess_clause_name(d, a, rm->clauses[i].clause));
		if (rm->nclauses > 3)
			tg_buf_printf(&b, " ほか%zu件", rm->nclauses - 3);
	}
	if (rm->nproposals > 0) {
		const tg_remedy_proposal *p = &rm->proposals[0];
		tg_buf_printf(&b, "%s業界版の%s案（%s）：%s", b.len ? "\n" : "",
		    p->action == TG_ACTION_ADD ? "追加" : "補足", p->label, p->text);
	} else if (rm->nclauses > 0) {
		const tg_tset *ts = tg_reg_tset_for(d, as->ctx.ind->baseline);
		const tg_tclause *tc = ts ? tg_tset_clause(ts, rm->clauses[0].clause->id) : NULL;
		char *ex = tc ? tg_tset_excerpt(ts, tc, 120) : NULL;
		if (ex != NULL && *ex != '\0')
			tg_buf_printf(&b, "\n規程の要点：%s", ex);
		free(ex);
	} else {
		tg_buf_puts(&b, "対応する規程の条項が対応付けられていません。突合表で確かめ、対策を決めてください。");
	}
	/* Proposal texts end with a line break in YAML block scalars. */
	while (b.len > 0 && b.data[b.len - 1] == '\n')
		tg_buf_truncate(&b, b.len - 1);
	row->cells[TG_FILL_MEASURE] = tg_arena_strdup(a, b.data);
	row->cells[TG_FILL_URGENCY] = g->urgency;
	row->cells[TG_FILL_IMPORTANCE] = g->importance;
	row->cells[TG_FILL_SOURCE] = g->source;
	tg_buf_free(&b);
}

static bool
build_plan(tg_assessment *as, tg_diag *diag)
{
	if (as->plan == NULL)
		return true;
	tg_fill_row *rows = tg_xcalloc(as->ngaps ? as->ngaps : 1, sizeof *rows);
	for (size_t i = 0; i < as->ngaps; i++)
		plan_cells(as, &as->gaps[i], &rows[i]);
	as->plan_sheet = tg_fsheet_build(as->plan, &as->ctx, rows, as->ngaps, diag);
	free(rows);
	return as->plan_sheet != NULL;
}

int
tg_assess_run(tg_data *d, const tg_assess_input *in, tg_assessment **out, tg_diag *diag)
{
	*out = NULL;
	tg_buf sheets = TG_BUF_INIT;
	tg_assessment *as = NULL;
	int rc = tg_assess_find(d, in->files, in->nfiles, &sheets, diag);
	if (rc != TG_EXIT_OK)
		goto out;
	const tg_industry *ind = choose_industry(d, in, &sheets, &rc, diag);
	if (ind == NULL)
		goto out;
	const tg_profile *profile = NULL;
	rc = in->profile ? tg_reg_find_profile(d, in->profile, ind, &profile, diag) : TG_EXIT_OK;
	if (rc != TG_EXIT_OK)
		goto out;
	int level;
	rc = tg_reg_find_level(in->level, ind, profile, &level, diag);
	if (rc != TG_EXIT_OK)
		goto out;
	as = tg_xcalloc(1, sizeof *as);
	tg_arena_init(&as->arena);
	as->ctx = (tg_form_ctx){d, ind, profile, level == TG_REG_LEVEL_ALL ? TG_LEVEL_NONE : level};
	as->level_name = as->ctx.level >= 0 ? ind->guideline->levels[as->ctx.level] : NULL;
	for (size_t i = 0; i < TG_BUF_COUNT(&d->forms, tg_form *) && as->plan == NULL; i++)
		if (TG_BUF_AT(&d->forms, tg_form *, i)->role == TG_FORM_ROLE_PLAN)
			as->plan = TG_BUF_AT(&d->forms, tg_form *, i);
	size_t n = TG_BUF_COUNT(&sheets, tg_assess_sheet);
	as->filled = TG_ARENA_ARRAY(&as->arena, tg_filled, n ? n : 1);
	size_t errors = tg_diag_errors(diag);
	for (size_t i = 0; i < n; i++) {
		const tg_assess_sheet *s = &TG_BUF_AT(&sheets, tg_assess_sheet, i);
		bool twice = false;
		for (size_t k = 0; k < as->nfilled && !twice; k++)
			if (as->filled[k].form == s->form) {
				tg_diag_error(diag, tg_pos_at(s->sh.file, s->header_row, 1), "a second '%s' "
				    "(the first is %s): assess one of each at a time", s->form->title,
				    as->filled[k].where);
				twice = true;
			}
		if (twice)
			continue;
		tg_assess_read(s, &as->ctx, &as->arena, &as->filled[as->nfilled++], diag);
	}
	if (tg_diag_errors(diag) > errors) {
		rc = TG_EXIT_INVALID;
		goto out;
	}
	build_gaps(as);
	if (!build_plan(as, diag)) {
		rc = TG_EXIT_INVALID;
		goto out;
	}
	*out = as;
	as = NULL;
	rc = TG_EXIT_OK;
out:
	tg_assess_free(as);
	tg_assess_sheets_free(&sheets);
	return rc;
}

void
tg_assess_free(tg_assessment *as)
{
	if (as == NULL)
		return;
	for (size_t i = 0; i < as->nfilled; i++)
		tg_fsheet_free(as->filled[i].layout);
	tg_fsheet_free(as->plan_sheet);
	tg_arena_free(&as->arena);
	free(as);
}
