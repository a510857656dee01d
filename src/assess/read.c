/* Filled forms read back.  A sheet holds a form when one of its first rows
 * carries the form's key and choice headers (the other columns are found
 * by their headers too, wherever a person moved them).  Every row below is
 * checked: its key must be an item of the form, once; its answer one of
 * the pull-down's options.  Positions are those of the reader:
 * book.xlsx:シート名!C7 for workbooks, file.csv:ROW:COL for text sheets. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "../load/sheet/xlsx.h"
#include "../totsugo.h"

#define HEADER_SCAN_ROWS 200	/* the table's header is among the first rows */

static char *
header_key(const char *s)
{
	tg_buf b = TG_BUF_INIT;
	tg_sheet_header_key(s, &b);
	return tg_buf_detach(&b);
}

static bool
same_header(const char *cell, const char *header)
{
	char *a = header_key(cell), *b = header_key(header);
	bool eq = a != NULL && b != NULL && strcmp(a, b) == 0;
	free(a);
	free(b);
	return eq;
}

/* A cell as typed: folded and trimmed, and without the apostrophe that
 * guards a formula-looking value. */
static char *
cell_value(const tg_sheet_row *r, unsigned col)
{
	if (col == 0)
		return tg_xstrdup("");
	tg_buf b = TG_BUF_INIT;
	tg_sheet_normalize(tg_sheet_cell_text(r, col), &b);
	char *s = tg_buf_detach(&b);
	if (s == NULL)
		return tg_xstrdup("");
	if (s[0] == '\'' && s[1] != '\0' && strchr("=+-@", s[1]) != NULL)
		memmove(s, s + 1, strlen(s));
	return s;
}

static const tg_form_column *
required_column(const tg_form *f, tg_form_value v)
{
	for (size_t c = 0; c < f->ncolumns; c++)
		if (f->columns[c].value == v)
			return &f->columns[c];
	return NULL;
}

/* The row holding the form's key and choice headers, or 0. */
static unsigned
find_header(const tg_sheet *sh, const tg_form *f, unsigned *col)
{
	const tg_form_column *key = required_column(f, TG_FVAL_KEY);
	const tg_form_column *choice = tg_form_column_by_key(f, f->summary_choice);
	for (size_t i = 0; i < sh->nrows && i < HEADER_SCAN_ROWS; i++) {
		const tg_sheet_row *r = &sh->rows[i];
		bool has_key = false, has_choice = false;
		for (unsigned c = 1; c <= r->ncells; c++) {
			const char *t = tg_sheet_cell_text(r, c);
			has_key |= same_header(t, key->header);
			has_choice |= same_header(t, choice->header);
		}
		if (!has_key || !has_choice)
			continue;
		for (size_t k = 0; k < f->ncolumns; k++) {
			col[k] = 0;
			for (unsigned c = 1; c <= r->ncells && col[k] == 0; c++)
				if (same_header(tg_sheet_cell_text(r, c), f->columns[k].header))
					col[k] = c;
		}
		return r->row;
	}
	return 0;
}

/* The value next to a 業界 label above the table. */
static const char *
industry_field(const tg_assess_sheet *s)
{
	for (size_t i = 0; i < s->sh.nrows && s->sh.rows[i].row < s->header_row; i++) {
		const tg_sheet_row *r = &s->sh.rows[i];
		for (unsigned c = 1; c < r->ncells; c++) {
			if (!same_header(tg_sheet_cell_text(r, c), "業界"))
				continue;
			for (unsigned v = c + 1; v <= r->ncells; v++)
				if (!tg_sheet_blank(tg_sheet_cell_text(r, v)))
					return tg_sheet_cell_text(r, v);
		}
	}
	return NULL;
}

static bool
readable(const tg_form *f)
{
	return f->role == TG_FORM_ROLE_SELF_ASSESSMENT || f->role == TG_FORM_ROLE_CHECKLIST;
}

void
tg_assess_classify(const tg_data *d, tg_sheet *sh, tg_buf *out)
{
	for (size_t i = 0; i < TG_BUF_COUNT(&d->forms, tg_form *); i++) {
		const tg_form *f = TG_BUF_AT(&d->forms, tg_form *, i);
		if (!readable(f))
			continue;
		unsigned *col = tg_xcalloc(f->ncolumns, sizeof *col);
		unsigned header = find_header(sh, f, col);
		if (header == 0) {
			free(col);
			continue;
		}
		tg_assess_sheet s = {*sh, f, header, col, NULL, TG_BUF_COUNT(out, tg_assess_sheet)};
		s.industry = industry_field(&s);
		TG_BUF_PUSH(out, tg_assess_sheet, s);
		memset(sh, 0, sizeof *sh);
		return;
	}
	tg_sheet_free(sh);
}

int
tg_assess_find(const tg_data *d, const char *const *files, size_t n, tg_buf *out, tg_diag *diag)
{
	int rc = TG_EXIT_OK;
	for (size_t i = 0; i < n; i++) {
		const char *path = files[i];
		size_t before = TG_BUF_COUNT(out, tg_assess_sheet);
		tg_sheet sh;
		int r;
		if (tg_sheet_format_of(path, TG_SHEET_FORMAT_AUTO) == TG_SHEET_FORMAT_XLSX) {
			tg_xlsx *wb = tg_xlsx_open_file(path, NULL, diag, &r);
			for (size_t k = 0; wb != NULL && k < tg_xlsx_count(wb); k++) {
				if (!tg_xlsx_is_worksheet(wb, k))
					continue;
				int rs = tg_xlsx_read(wb, k, &sh, diag);
				if (rs != TG_EXIT_OK) {
					tg_sheet_free(&sh);
					r = rs > r ? rs : r;
					continue;
				}
				tg_assess_classify(d, &sh, out);
			}
			tg_xlsx_free(wb);
		} else {
			tg_sheet_options o = {TG_SHEET_FORMAT_AUTO, TG_SHEET_AUTO, NULL};
			r = tg_sheet_load(&sh, path, NULL, &o, diag);
			if (r == TG_EXIT_OK)
				tg_assess_classify(d, &sh, out);
			else
				tg_sheet_free(&sh);
		}
		if (r > rc)
			rc = r;
		if (r == TG_EXIT_OK && TG_BUF_COUNT(out, tg_assess_sheet) == before) {
			tg_diag_error(diag, tg_pos_at(path, 0, 0), "no filled form found: no sheet has the "
			    "headers of a self-assessment or a checklist (write them with 'totsugo forms')");
			rc = TG_EXIT_INVALID;
		}
	}
	return rc;
}

void
tg_assess_sheets_free(tg_buf *sheets)
{
	for (size_t i = 0; i < TG_BUF_COUNT(sheets, tg_assess_sheet); i++) {
		tg_assess_sheet *s = &TG_BUF_AT(sheets, tg_assess_sheet, i);
		tg_sheet_free(&s->sh);
		free(s->col);
	}
	tg_buf_free(sheets);
}

/* Needed at the level (as the checklist's rows: unknown levels are not). */
static bool
in_scope(const tg_item *it, int level)
{
	return level < 0 || it->level == TG_LEVEL_NONE || (it->level >= 0 && it->level <= level);
}

/* Keys → rows of the layout: as shown, and by id. */
static void
index_keys(const tg_fsheet *l, tg_map *keys)
{
	for (size_t i = 0; i < l->nrows; i++) {
		const tg_frow *r = &l->rows[i];
		if (r->item == NULL)
			continue;
		tg_map_put(keys, r->key, (void *)r);
		if (tg_map_get(keys, r->item->id) == NULL)
			tg_map_put(keys, r->item->id, (void *)r);
	}
}

static bool
is_group_title(const tg_fsheet *l, const char *s)
{
	for (size_t g = 0; g < l->ngroups; g++)
		if (l->groups[g].title != NULL && same_header(s, l->groups[g].title))
			return true;
	return false;
}

/* 「見出し：値」 of the row's other written cells (inputs and choices). */
static const char *
remarks(const tg_assess_sheet *in, const tg_sheet_row *r, size_t choice_col, tg_arena *a)
{
	const tg_form *f = in->form;
	tg_buf b = TG_BUF_INIT;
	for (size_t k = 0; k < f->ncolumns; k++) {
		const tg_form_column *c = &f->columns[k];
		if (k == choice_col || in->col[k] == 0 ||
		    (c->kind != TG_FCOL_INPUT && c->kind != TG_FCOL_CHOICE))
			continue;
		char *v = cell_value(r, in->col[k]);
		if (*v != '\0')
			tg_buf_printf(&b, "%s%s：%s", b.len ? "／" : "", c->header, v);
		free(v);
	}
	const char *s = b.len ? tg_arena_strdup(a, b.data) : NULL;
	tg_buf_free(&b);
	return s;
}

/* Appends a key to a list shown in a message: the first ten, then a count. */
static void
list_key(tg_buf *list, size_t *n, const char *key)
{
	if (*n < 10)
		tg_buf_printf(list, "%s%s", *n ? ", " : "", key);
	(*n)++;
}

static void
end_list(tg_buf *list, size_t n)
{
	if (n > 10)
		tg_buf_printf(list, " and %zu more", n - 10);
}

static void
list_options(const tg_fchoice *ch, tg_buf *out)
{
	for (size_t k = 0; k < ch->noptions; k++)
		tg_buf_printf(out, "%s%s", k ? ", " : "", ch->options[k].label);
}

static void
results(tg_filled *f, tg_arena *a)
{
	const tg_fsheet *l = f->layout;
	const tg_fchoice *ch = f->choice;
	double best = 0;
	for (size_t k = 0; k < ch->noptions; k++)
		if (ch->options[k].has_score && ch->options[k].score > best)
			best = ch->options[k].score;
	f->groups = TG_ARENA_ARRAY(a, tg_group_result, l->ngroups ? l->ngroups : 1);
	f->ngroups = l->ngroups;
	tg_group_result *all = &f->total;
	all->title = "合計";
	all->per_option = TG_ARENA_ARRAY(a, size_t, ch->noptions ? ch->noptions : 1);
	for (size_t g = 0; g < l->ngroups; g++) {
		f->groups[g].title = l->groups[g].title ? l->groups[g].title : "全体";
		f->groups[g].per_option = TG_ARENA_ARRAY(a, size_t, ch->noptions ? ch->noptions : 1);
	}
	for (size_t i = 0; i < f->nanswers; i++) {
		const tg_answer *an = &f->answers[i];
		tg_group_result *rs[2] = {&f->groups[an->group], all};
		for (size_t k = 0; k < 2; k++) {
			tg_group_result *r = rs[k];
			r->items++;
			r->max += best;
			if (an->option < 0)
				continue;
			r->answered++;
			r->per_option[an->option]++;
			if (ch->options[an->option].has_score)
				r->score += ch->options[an->option].score;
		}
	}
	for (size_t g = 0; g <= l->ngroups; g++) {
		tg_group_result *r = g < l->ngroups ? &f->groups[g] : all;
		size_t excluded = 0;
		for (size_t k = 0; k < ch->noptions; k++)
			if (!ch->options[k].has_score)
				excluded += r->per_option[k];
		double den = (double)(r->items - excluded) * best;
		r->progress = r->answered > 0 && den > 0 ? r->score / den : -1;
	}
	/* Groups in the order the sheet shows them (its level may differ
	 * from the layout's). */
	size_t *first = tg_xcalloc(l->ngroups ? l->ngroups : 1, sizeof *first);
	for (size_t g = 0; g < l->ngroups; g++)
		first[g] = SIZE_MAX;
	for (size_t i = 0; i < f->nanswers; i++)
		if (first[f->answers[i].group] == SIZE_MAX)
			first[f->answers[i].group] = i;
	for (size_t g = 1; g < l->ngroups; g++)
		for (size_t k = g; k > 0 && first[k] < first[k - 1]; k--) {
			size_t t = first[k];
			first[k] = first[k - 1];
			first[k - 1] = t;
			tg_group_result r = f->groups[k];
			f->groups[k] = f->groups[k - 1];
			f->groups[k - 1] = r;
		}
	free(first);
	f->band = -1;
	if (f->form->summary == TG_FSUM_SCORE) {
		all->max = l->scoring.max_score;
		f->band = tg_scoring_band(&l->scoring, all->score);
	}
}

bool
tg_assess_read(const tg_assess_sheet *in, const tg_form_ctx *ctx, tg_arena *a, tg_filled *out,
    tg_diag *diag)
{
	const tg_form *f = in->form;
	const tg_sheet *sh = &in->sh;
	memset(out, 0, sizeof *out);
	out->form = f;
	out->where = tg_arena_strdup(a, sh->file);
	out->workbook = sh->sheet_name != NULL;
	/* Every item the form can hold, at every level: a checklist written at
	 * another level than the one assessed still reads. */
	tg_form_ctx all = *ctx;
	all.level = TG_LEVEL_NONE;
	out->layout = tg_fsheet_build(f, &all, NULL, 0, diag);
	if (out->layout == NULL)
		return false;
	const tg_fsheet *l = out->layout;
	size_t key_col = (size_t)(required_column(f, TG_FVAL_KEY) - f->columns);
	size_t choice_col = (size_t)(tg_form_column_by_key(f, f->summary_choice) - f->columns);
	for (size_t k = 0; k < f->nchoices; k++)
		if (strcmp(l->choices[k].def->name, f->columns[choice_col].choice) == 0)
			out->choice = &l->choices[k];
	const tg_fchoice *ch = out->choice;
	tg_map keys = {0}, seen = {0};
	index_keys(l, &keys);
	size_t before = tg_diag_errors(diag);
	tg_buf answers = TG_BUF_INIT, blank = TG_BUF_INIT;
	size_t nblank = 0, nmissing = 0;
	unsigned kc = in->col[key_col], cc = in->col[choice_col];
	for (size_t i = 0; i < sh->nrows; i++) {
		const tg_sheet_row *r = &sh->rows[i];
		if (r->row <= in->header_row)
			continue;
		char *key = cell_value(r, kc), *value = cell_value(r, cc);
		tg_pos kpos = tg_pos_at(out->where, r->row, kc), vpos = tg_pos_at(out->where, r->row, cc);
		const tg_frow *row = *key ? tg_map_get(&keys, key) : NULL;
		if (*key == '\0') {
			if (*value != '\0')
				tg_diag_error(diag, vpos, "'%s' is in a row without an item number (column '%s')",
				    value, f->columns[key_col].header);
		} else if (row == NULL) {
			if (!is_group_title(l, key) || *value != '\0')
				tg_diag_error(diag, kpos, "'%s' is not an item of the form '%s' (was the number "
				    "changed?)", key, f->title);
		} else if (tg_map_get(&seen, row->item->id) != NULL) {
			size_t k = (size_t)(uintptr_t)tg_map_get(&seen, row->item->id) - 1;
			tg_diag_error(diag, kpos, "'%s' appears twice (first in row %u)", key,
			    TG_BUF_AT(&answers, tg_answer, k).pos.line);
		} else {
			tg_answer an = {0};
			an.item = row->item;
			an.key = row->key;
			an.group = row->group;
			an.option = -1;
			an.gap = TG_GAP_UNANSWERED;
			an.pos = vpos;
			an.remarks = remarks(in, r, choice_col, a);
			if (*value != '\0') {
				for (size_t k = 0; k < ch->noptions && an.option < 0; k++)
					if (strcmp(ch->options[k].label, value) == 0)
						an.option = (int)k;
				if (an.option < 0) {
					tg_buf opts = TG_BUF_INIT;
					list_options(ch, &opts);
					tg_diag_error(diag, vpos, "'%s' is not one of the choices (%s)", value,
					    opts.data);
					tg_buf_free(&opts);
				} else {
					an.value = ch->options[an.option].label;
					an.gap = tg_option_gap(ch->options, ch->noptions, (size_t)an.option);
				}
			} else {
				list_key(&blank, &nblank, row->key);
			}
			TG_BUF_PUSH(&answers, tg_answer, an);
			/* The map holds the answer's index + 1 (the array moves). */
			tg_map_put(&seen, row->item->id, (void *)(uintptr_t)TG_BUF_COUNT(&answers, tg_answer));
		}
		free(key);
		free(value);
	}
	/* Items the sheet lacks. */
	tg_buf missing = TG_BUF_INIT;
	for (size_t i = 0; i < l->nrows; i++) {
		const tg_frow *r = &l->rows[i];
		if (r->item == NULL || tg_map_get(&seen, r->item->id) != NULL ||
		    (f->role == TG_FORM_ROLE_CHECKLIST && !in_scope(r->item, ctx->level)))
			continue;
		list_key(&missing, &nmissing, r->key);
		if (f->role != TG_FORM_ROLE_CHECKLIST)
			continue;
		tg_answer an = {0};
		an.item = r->item;
		an.key = r->key;
		an.group = r->group;
		an.option = -1;
		an.gap = TG_GAP_UNANSWERED;
		an.pos = tg_pos_at(out->where, in->header_row, kc);
		TG_BUF_PUSH(&answers, tg_answer, an);
	}
	end_list(&missing, nmissing);
	end_list(&blank, nblank);
	tg_pos head = tg_pos_at(out->where, in->header_row, kc);
	if (missing.len > 0 && f->role == TG_FORM_ROLE_SELF_ASSESSMENT)
		tg_diag_error(diag, head, "the sheet lacks %s: every question is needed for the score",
		    missing.data);
	else if (missing.len > 0)
		tg_diag_warning(diag, head, "the sheet lacks %s, needed at the level assessed: counted as "
		    "not filled in", missing.data);
	if (blank.len > 0)
		tg_diag_warning(diag, head, "not filled in: %s (%s)", blank.data,
		    f->summary == TG_FSUM_SCORE ? "counted as 0 points, listed as gaps" :
		    "counted as not done, listed as gaps");
	tg_buf_free(&missing);
	tg_buf_free(&blank);
	tg_map_free(&keys);
	tg_map_free(&seen);
	out->nanswers = TG_BUF_COUNT(&answers, tg_answer);
	out->answers = answers.len ? tg_arena_memdup(a, answers.data, answers.len) : NULL;
	tg_buf_free(&answers);
	results(out, a);
	return tg_diag_errors(diag) == before;
}
