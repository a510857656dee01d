/* A form laid out for an industry: header values, groups and rows with
 * their cells, resolved pull-down lists.  Rows come from the baseline's
 * items, the guideline's requirements (the 突合表's rows at the level),
 * the regulation chapters, the form file itself, or the industry's
 * examples; plans also take the rows assess fills in. */
#include <stdlib.h>
#include <string.h>

#include "forms.h"
#include "../crosswalk/xtable.h"
#include "../render/provenance.h"
#include "../regulation/regulation.h"

/* The 出所 cell of an item, in the shared wording of provenance: the
 * inferred and the authored are named, the guideline's own left blank. */
const char *
tg_form_prov_mark(const tg_item *it)
{
	tg_origin o = tg_item_origin(it);
	return tg_origin_marked(o) ? tg_origin_text_of(o)->cell : "";
}

static const char *const fill_names[TG_FILL_COUNT] = {"area", "issue", "measure", "urgency",
    "importance", "source"};

int
tg_fill_index(const char *name)
{
	for (int i = 0; i < TG_FILL_COUNT; i++)
		if (strcmp(fill_names[i], name) == 0)
			return i;
	return -1;
}

bool
tg_form_applies(const tg_form *f, const tg_industry *ind)
{
	return f->source != TG_FORM_FROM_REQUIREMENTS || ind->guideline != NULL;
}

size_t
tg_fsheet_plan_group(const tg_form *plan, const tg_item *chapter)
{
	for (size_t g = 0; chapter != NULL && g < plan->ngroups; g++)
		for (size_t k = 0; k < plan->groups[g].nchapters; k++)
			if (strcmp(plan->groups[g].chapters[k], chapter->id) == 0)
				return g;
	return 0;
}

typedef struct builder {
	tg_fsheet *s;
	tg_buf rows;		/* tg_frow */
	tg_buf groups;		/* tg_fgroup */
	size_t number;		/* running number of body rows */
} builder;

static const char **
new_cells(builder *b)
{
	return TG_ARENA_ARRAY(&b->s->arena, const char *, b->s->form->ncolumns ? b->s->form->ncolumns : 1);
}

static void
begin_group(builder *b, const char *title, const tg_form_group *def)
{
	tg_fgroup g = {title, 0, 0, def};
	if (title != NULL) {
		tg_frow h = {0};
		h.heading = true;
		h.group = TG_BUF_COUNT(&b->groups, tg_fgroup);
		h.cells = new_cells(b);
		h.cells[0] = title;
		TG_BUF_PUSH(&b->rows, tg_frow, h);
	}
	g.first = TG_BUF_COUNT(&b->rows, tg_frow);
	TG_BUF_PUSH(&b->groups, tg_fgroup, g);
}

/* Appends a body row to the current group; returns its cells. */
static tg_frow *
add_row(builder *b, const tg_item *it)
{
	tg_frow r = {0};
	r.group = TG_BUF_COUNT(&b->groups, tg_fgroup) - 1;
	r.item = it;
	r.cells = new_cells(b);
	TG_BUF_PUSH(&b->rows, tg_frow, r);
	TG_BUF_AT(&b->groups, tg_fgroup, r.group).count++;
	b->number++;
	tg_frow *row = &TG_BUF_AT(&b->rows, tg_frow, TG_BUF_COUNT(&b->rows, tg_frow) - 1);
	const tg_form *f = b->s->form;
	for (size_t c = 0; c < f->ncolumns; c++) {
		if (f->columns[c].value == TG_FVAL_NUMBER) {
			tg_buf n = TG_BUF_INIT;
			tg_buf_printf(&n, "%zu", b->number);
			row->cells[c] = tg_arena_strdup(&b->s->arena, n.data);
			tg_buf_free(&n);
		}
	}
	return row;
}

static void
set_cell(builder *b, tg_frow *r, const char *key, const char *text)
{
	const tg_form *f = b->s->form;
	for (size_t c = 0; c < f->ncolumns; c++)
		if (strcmp(f->columns[c].key, key) == 0)
			r->cells[c] = text;
}

static const char *
level_text(tg_arena *a, const tg_item *it)
{
	if (it->level == TG_LEVEL_UNKNOWN)
		return "不明";
	if (it->level < 0)
		return "";
	if (it->ncited_levels <= 1)
		return it->catalog->levels[it->level];
	tg_buf b = TG_BUF_INIT;
	for (size_t i = 0; i < it->ncited_levels; i++)
		tg_buf_printf(&b, "%s%s", i ? "/" : "", it->catalog->levels[it->cited_levels[i]]);
	const char *s = tg_arena_strdup(a, b.data);
	tg_buf_free(&b);
	return s;
}

static const char *
form_text(const tg_form *f, const tg_item *it)
{
	for (size_t i = 0; i < f->ntexts; i++)
		if (strcmp(f->text_ids[i], it->id) == 0)
			return f->texts[i];
	return it->text;
}

/* Cells of a row that shows an item. */
static void
item_cells(builder *b, tg_frow *r)
{
	const tg_form *f = b->s->form;
	const tg_item *it = r->item;
	tg_arena *a = &b->s->arena;
	for (size_t c = 0; c < f->ncolumns; c++) {
		const char *v = NULL;
		switch (f->columns[c].value) {
		case TG_FVAL_REF: v = it->ref; break;
		case TG_FVAL_TITLE: v = it->title ? it->title : "不明"; break;
		case TG_FVAL_TEXT: v = form_text(f, it); break;
		case TG_FVAL_LEVEL: v = level_text(a, it); break;
		case TG_FVAL_MARK:
			v = tg_form_prov_mark(it);
			if (*v != '\0')
				b->s->marks |= 1u << tg_item_origin(it);
			break;
		case TG_FVAL_GROUP:
			v = TG_BUF_AT(&b->groups, tg_fgroup, r->group).title;
			break;
		default: continue;
		}
		r->cells[c] = v;
	}
}

static const char *
item_heading(tg_arena *a, const tg_item *it)
{
	tg_buf t = TG_BUF_INIT;
	if (it->ref != NULL && strcmp(it->ref, it->id) != 0)
		tg_buf_printf(&t, "%s ", it->ref);
	tg_buf_puts(&t, it->title ? it->title : "不明");
	const char *s = tg_arena_strdup(a, t.data);
	tg_buf_free(&t);
	return s;
}

static void
leaves(builder *b, const tg_item *it)
{
	if (it->nchildren == 0) {
		item_cells(b, add_row(b, it));
		return;
	}
	for (size_t i = 0; i < it->nchildren; i++)
		leaves(b, it->children[i]);
}

static bool
from_baseline(builder *b, tg_diag *diag)
{
	const tg_form *f = b->s->form;
	const tg_catalog *base = b->s->ctx.ind->baseline;
	const tg_item *under = tg_catalog_item(base, f->under);
	if (under == NULL) {
		tg_diag_error(diag, f->under_pos, "item '%s' is not in %s", f->under, base->id);
		return false;
	}
	bool nested = false;
	for (size_t i = 0; i < under->nchildren; i++)
		nested |= under->children[i]->nchildren > 0;
	if (!nested) {
		begin_group(b, NULL, NULL);
		leaves(b, under);
		return true;
	}
	for (size_t i = 0; i < under->nchildren; i++) {
		const tg_item *g = under->children[i];
		begin_group(b, item_heading(&b->s->arena, g), NULL);
		leaves(b, g);
	}
	return true;
}

/* The group of a requirement: its parent, else the first of the form's
 * group tags it carries, else the form's other group. */
static const char *
requirement_group(builder *b, const tg_item *it)
{
	const tg_form *f = b->s->form;
	if (it->parent != NULL)
		return item_heading(&b->s->arena, it->parent);
	for (size_t g = 0; g < f->ngroup_tags; g++)
		for (size_t k = 0; k < it->ntags; k++)
			if (strcmp(it->tags[k], f->group_tags[g]) == 0)
				return f->group_tag_titles[g];
	return f->other_group;
}

/* 0 for a parent's group, 1 + k for the form's k-th tag group, then the
 * other group. */
static size_t
group_rank(const tg_form *f, const char *title)
{
	for (size_t k = 0; k < f->ngroup_tags; k++)
		if (strcmp(title, f->group_tag_titles[k]) == 0)
			return 1 + k;
	return strcmp(title, f->other_group) == 0 ? 1 + f->ngroup_tags : 0;
}

static bool
from_requirements(builder *b)
{
	const tg_fsheet *s = b->s;
	tg_xtable *t = tg_xtable_build(s->ctx.data, s->ctx.ind, s->ctx.level);
	b->s->skipped_unknown = t->skipped_unknown;
	/* Rows in guideline order within their groups. */
	tg_buf titles = TG_BUF_INIT;	/* const char * */
	const char **of_row = tg_xcalloc(t->nrows ? t->nrows : 1, sizeof *of_row);
	for (size_t r = 0; r < t->nrows; r++) {
		of_row[r] = requirement_group(b, t->rows[r].item);
		bool seen = false;
		for (size_t g = 0; g < TG_BUF_COUNT(&titles, const char *) && !seen; g++)
			seen = strcmp(TG_BUF_AT(&titles, const char *, g), of_row[r]) == 0;
		if (!seen)
			TG_BUF_PUSH(&titles, const char *, of_row[r]);
	}
	/* Parents in order of appearance, then the tag groups in the form's
	 * order, then the rest (a stable sort by rank). */
	size_t n = TG_BUF_COUNT(&titles, const char *);
	const char **order = tg_xcalloc(n ? n : 1, sizeof *order);
	for (size_t g = 0; g < n; g++) {
		const char *title = TG_BUF_AT(&titles, const char *, g);
		size_t k = g;
		while (k > 0 && group_rank(b->s->form, order[k - 1]) > group_rank(b->s->form, title)) {
			order[k] = order[k - 1];
			k--;
		}
		order[k] = title;
	}
	for (size_t g = 0; g < n; g++) {
		const char *title = order[g];
		begin_group(b, title, NULL);
		for (size_t r = 0; r < t->nrows; r++)
			if (strcmp(of_row[r], title) == 0)
				item_cells(b, add_row(b, t->rows[r].item));
	}
	free(order);
	free(of_row);
	tg_buf_free(&titles);
	tg_xtable_free(t);
	return true;
}

static bool
from_chapters(builder *b, tg_diag *diag)
{
	const tg_form *f = b->s->form;
	const tg_catalog *base = b->s->ctx.ind->baseline;
	const tg_tset *ts = tg_reg_tset_for(b->s->ctx.data, base);
	if (ts == NULL) {
		tg_diag_error(diag, f->pos, "%s has no regulation templates: form '%s' lists their chapters",
		    base->id, f->id);
		return false;
	}
	const tg_item *under = f->under ? tg_catalog_item(base, f->under) : NULL;
	if (f->under != NULL && under == NULL) {
		tg_diag_error(diag, f->under_pos, "item '%s' is not in %s", f->under, base->id);
		return false;
	}
	begin_group(b, NULL, NULL);
	for (size_t i = 0; i < ts->nclauses; i++) {
		const tg_tclause *c = &ts->clauses[i];
		if (c->chapter && c->item != NULL && (under == NULL || tg_item_within(c->item, under)))
			item_cells(b, add_row(b, c->item));
	}
	return true;
}

static void
from_static(builder *b)
{
	const tg_form *f = b->s->form;
	for (size_t g = 0; g < f->ngroups; g++) {
		const tg_form_group *def = &f->groups[g];
		begin_group(b, def->title, def);
		for (size_t r = 0; r < def->nrows; r++) {
			tg_frow *row = add_row(b, NULL);
			for (size_t k = 0; k < def->rows[r].ncells; k++)
				set_cell(b, row, def->rows[r].keys[k], def->rows[r].cells[k]);
		}
	}
}

static void
blank_rows(builder *b, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		add_row(b, NULL);
}

static void
from_blank(builder *b, const tg_fill_row *fills, size_t nfills)
{
	const tg_form *f = b->s->form;
	int col_of_fill[TG_FILL_COUNT];
	for (int k = 0; k < TG_FILL_COUNT; k++) {
		col_of_fill[k] = -1;
		for (size_t c = 0; c < f->ncolumns; c++)
			if (f->columns[c].fill != NULL && tg_fill_index(f->columns[c].fill) == k)
				col_of_fill[k] = (int)c;
	}
	for (size_t g = 0; g < f->ngroups; g++) {
		begin_group(b, f->groups[g].title, &f->groups[g]);
		for (size_t i = 0; i < nfills; i++) {
			if (fills[i].group != g)
				continue;
			tg_frow *row = add_row(b, NULL);
			for (int k = 0; k < TG_FILL_COUNT; k++)
				if (col_of_fill[k] >= 0 && fills[i].cells[k] != NULL)
					row->cells[col_of_fill[k]] = tg_arena_strdup(&b->s->arena, fills[i].cells[k]);
		}
		blank_rows(b, fills != NULL ? f->room : f->groups[g].blank);
	}
}

/* Splits an example text at 「、」 (outside parentheses) into trimmed parts. */
static void
split_example(builder *b, const tg_form_example *e, const char *text, const char *into)
{
	tg_arena *a = &b->s->arena;
	const char *p = text;
	int depth = 0;
	const char *start = p;
	for (;;) {
		bool end = *p == '\0';
		bool sep = !end && depth == 0 && e->split && strncmp(p, "、", 3) == 0;
		if (strncmp(p, "（", 3) == 0 || *p == '(')
			depth++;
		else if ((strncmp(p, "）", 3) == 0 || *p == ')') && depth > 0)
			depth--;
		if (end || sep) {
			const char *s = start, *t = p;
			while (s < t && (*s == ' ' || strncmp(s, "　", 3) == 0))
				s += *s == ' ' ? 1 : 3;
			if (t > s) {
				tg_frow *row = add_row(b, NULL);
				set_cell(b, row, into, tg_arena_strndup(a, s, (size_t)(t - s)));
				for (size_t k = 0; k < e->nset; k++)
					set_cell(b, row, e->set_keys[k], e->set_values[k]);
			}
			if (end)
				break;
			p += 3;
			start = p;
			continue;
		}
		p++;
	}
}

static void
from_examples(builder *b)
{
	const tg_form *f = b->s->form;
	const tg_industry *ind = b->s->ctx.ind;
	begin_group(b, NULL, NULL);
	for (size_t i = 0; i < f->nexamples; i++) {
		const tg_form_example *e = &f->examples[i];
		for (size_t k = 0; k < ind->nexamples; k++)
			if (ind->examples[k].key != NULL && strcmp(ind->examples[k].key, e->key) == 0)
				split_example(b, e, ind->examples[k].text, f->example_into);
	}
}

/* Keys are refs, unless two rows share a ref: those show their ids. */
static void
assign_keys(tg_fsheet *s)
{
	for (size_t i = 0; i < s->nrows; i++) {
		tg_frow *r = &s->rows[i];
		if (r->item == NULL)
			continue;
		r->key = r->item->ref;
		for (size_t k = 0; k < s->nrows; k++)
			if (k != i && s->rows[k].item != NULL && strcmp(s->rows[k].item->ref, r->item->ref) == 0)
				r->key = r->item->id;
		for (size_t c = 0; c < s->form->ncolumns; c++)
			if (s->form->columns[c].value == TG_FVAL_KEY)
				r->cells[c] = r->key;
	}
}

static const char *
version_title(tg_arena *a, const tg_catalog *c)
{
	tg_buf t = TG_BUF_INIT;
	tg_buf_puts(&t, c->title);
	if (c->version != NULL)
		tg_buf_printf(&t, "（%s版）", c->version);
	const char *s = tg_arena_strdup(a, t.data);
	tg_buf_free(&t);
	return s;
}

static const char *
level_field(tg_arena *a, const tg_form_ctx *ctx)
{
	const tg_catalog *g = ctx->ind->guideline;
	if (g == NULL)
		return "業界ガイドラインなし";
	if (g->nlevels == 0)
		return "レベル区分なし";
	if (ctx->level < 0)
		return "全レベル";
	if (ctx->level == 0)
		return g->levels[0];
	tg_buf t = TG_BUF_INIT;
	tg_buf_printf(&t, "%s（%s〜%sの項目）", g->levels[ctx->level], g->levels[0],
	    g->levels[ctx->level]);
	const char *s = tg_arena_strdup(a, t.data);
	tg_buf_free(&t);
	return s;
}

static const char *
company_name(const tg_profile *p)
{
	const tg_node *params = tg_reg_profile_get(p, "parameters");
	const tg_node *v = params && params->kind == TG_NODE_MAP ? tg_node_get(params, "company.name") : NULL;
	return v != NULL && v->kind == TG_NODE_SCALAR && !tg_node_is_null(v) ? v->str : NULL;
}

static void
fill_fields(tg_fsheet *s)
{
	const tg_form *f = s->form;
	tg_arena *a = &s->arena;
	s->fields = TG_ARENA_ARRAY(a, const char *, f->nfields ? f->nfields : 1);
	for (size_t i = 0; i < f->nfields; i++) {
		switch (f->fields[i].value) {
		case TG_FFIELD_COMPANY: s->fields[i] = company_name(s->ctx.profile); break;
		case TG_FFIELD_INDUSTRY: s->fields[i] = s->ctx.ind->title; break;
		case TG_FFIELD_GUIDELINE:
			s->fields[i] = s->ctx.ind->guideline ? version_title(a, s->ctx.ind->guideline) :
			    "業界ガイドラインなし";
			break;
		case TG_FFIELD_BASELINE: s->fields[i] = version_title(a, s->ctx.ind->baseline); break;
		case TG_FFIELD_LEVEL: s->fields[i] = level_field(a, &s->ctx); break;
		default: break;
		}
	}
}

/* The document date: the later of the guideline's and the baseline's. */
static const char *
data_date(const tg_industry *ind)
{
	const char *g = ind->guideline ? ind->guideline->date : NULL, *b = ind->baseline->date;
	if (g == NULL)
		return b;
	if (b == NULL)
		return g;
	return strcmp(g, b) >= 0 ? g : b;
}

static const char *
file_name(tg_fsheet *s)
{
	const tg_form *f = s->form;
	const tg_catalog *g = s->ctx.ind->guideline;
	if (f->source != TG_FORM_FROM_REQUIREMENTS || s->ctx.level < 0 || g == NULL || g->nlevels == 0)
		return f->file;
	tg_buf t = TG_BUF_INIT;
	tg_buf_put(&t, f->file, strlen(f->file) - 5);
	tg_buf_printf(&t, "-%s.xlsx", g->levels[s->ctx.level]);
	const char *name = tg_arena_strdup(&s->arena, t.data);
	tg_buf_free(&t);
	return name;
}

tg_fsheet *
tg_fsheet_build(const tg_form *f, const tg_form_ctx *ctx, const tg_fill_row *fills,
    size_t nfills, tg_diag *diag)
{
	if (f->source == TG_FORM_FROM_REQUIREMENTS && ctx->ind->guideline == NULL) {
		tg_diag_error(diag, tg_pos_at(NULL, 0, 0), "industry '%s' has no guideline: form '%s' lists "
		    "its requirements", ctx->ind->id, f->id);
		return NULL;
	}
	tg_fsheet *s = tg_xcalloc(1, sizeof *s);
	tg_arena_init(&s->arena);
	s->form = f;
	s->ctx = *ctx;
	s->date = data_date(ctx->ind);
	s->file = file_name(s);
	bool ok = true;
	const tg_catalog *base = ctx->ind->baseline;
	s->choices = TG_ARENA_ARRAY(&s->arena, tg_fchoice, f->nchoices ? f->nchoices : 1);
	for (size_t i = 0; i < f->nchoices; i++) {
		const tg_form_choice *c = &f->choices[i];
		s->choices[i].def = c;
		if (c->scoring != NULL) {
			tg_scoring sc;
			ok &= tg_scoring_read(base, c->scoring, c->pos, &s->arena, &sc, diag);
			s->choices[i].options = sc.answers;
			s->choices[i].noptions = sc.nanswers;
		} else {
			s->choices[i].options = c->options;
			s->choices[i].noptions = c->noptions;
		}
	}
	if (f->summary == TG_FSUM_SCORE) {
		ok &= tg_scoring_read(base, f->scoring, f->scoring_pos, &s->arena, &s->scoring, diag);
		if (ok && s->scoring.nbands != f->nbands) {
			tg_diag_error(diag, f->pos, "form '%s' has %zu bands, the scoring of %s has %zu", f->id,
			    f->nbands, base->id, s->scoring.nbands);
			ok = false;
		}
	}
	builder b = {s, TG_BUF_INIT, TG_BUF_INIT, 0};
	switch (f->source) {
	case TG_FORM_FROM_BASELINE: ok &= from_baseline(&b, diag); break;
	case TG_FORM_FROM_REQUIREMENTS: ok &= from_requirements(&b); break;
	case TG_FORM_FROM_CHAPTERS: ok &= from_chapters(&b, diag); break;
	case TG_FORM_FROM_STATIC: from_static(&b); break;
	case TG_FORM_FROM_BLANK: from_blank(&b, fills, nfills); break;
	case TG_FORM_FROM_EXAMPLES: from_examples(&b); break;
	}
	if (f->blank_after > 0 && f->source != TG_FORM_FROM_BLANK) {
		if (TG_BUF_COUNT(&b.groups, tg_fgroup) == 0)
			begin_group(&b, NULL, NULL);
		blank_rows(&b, f->blank_after);
	}
	s->nrows = TG_BUF_COUNT(&b.rows, tg_frow);
	s->rows = b.rows.len ? tg_arena_memdup(&s->arena, b.rows.data, b.rows.len) : NULL;
	s->ngroups = TG_BUF_COUNT(&b.groups, tg_fgroup);
	s->groups = b.groups.len ? tg_arena_memdup(&s->arena, b.groups.data, b.groups.len) : NULL;
	tg_buf_free(&b.rows);
	tg_buf_free(&b.groups);
	assign_keys(s);
	fill_fields(s);
	if (!ok) {
		tg_fsheet_free(s);
		return NULL;
	}
	return s;
}

void
tg_fsheet_free(tg_fsheet *s)
{
	if (s == NULL)
		return;
	tg_arena_free(&s->arena);
	free(s);
}
