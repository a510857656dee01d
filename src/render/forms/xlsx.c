/* A laid-out form (forms/forms.h) as worksheets: the form's sheet (title,
 * explanations, header fields, the table with pull-downs and our score
 * formulas) and, for forms with a summary, a sheet of per-group results
 * computed by formulas (score and band, or progress), with a chart.
 * Values from data are text cells (neutralised); every formula is ours,
 * and carries the result it has as written, so that a reader that does
 * not recalculate on opening still shows the truth. */
#include <stdlib.h>
#include <string.h>

#include "fx.h"
#include "../provenance.h"
#include "../../util/utf8.h"

/* Counts of the summarised choice over some rows, to know each formula's
 * result as written. */
typedef struct tally {
	size_t items;		/* body rows */
	size_t answered;	/* non-empty choice cells */
	size_t *per_option;	/* [noptions] */
	size_t noptions;
} tally;

/* Where the parts of the form's sheet landed, for the formulas. */
typedef struct layout {
	const tg_fsheet *s;
	double *widths;
	size_t ncols;
	unsigned header_row;
	unsigned first_body, last_body;	/* rows of the table's body (incl. headings) */
	unsigned *row_of;		/* sheet row of s->rows[i] */
	int choice_col;			/* the summarised choice column, or -1 */
	const tg_fchoice *choice;	/* its options */
	int total_cell_row;		/* a TOTAL field's row, or -1 */
	unsigned field_first_row;	/* row of the first header field */
	unsigned field_value_col;
} layout;

static const tg_fchoice *
choice_of(const tg_fsheet *s, const char *name)
{
	for (size_t i = 0; i < s->form->nchoices; i++)
		if (strcmp(s->choices[i].def->name, name) == 0)
			return &s->choices[i];
	return NULL;
}

static bool
any_input(const tg_form *f)
{
	for (size_t c = 0; c < f->ncolumns; c++)
		if (f->columns[c].kind == TG_FCOL_INPUT || f->columns[c].kind == TG_FCOL_CHOICE)
			return true;
	return false;
}

static void
tally_init(tally *t, const layout *L)
{
	memset(t, 0, sizeof *t);
	t->noptions = L->choice->noptions;
	t->per_option = tg_xcalloc(t->noptions ? t->noptions : 1, sizeof *t->per_option);
}

/* Adds rows first..first+count-1 of the form. */
static void
tally_rows(tally *t, const layout *L, size_t first, size_t count)
{
	for (size_t i = first; i < first + count; i++) {
		const tg_frow *r = &L->s->rows[i];
		if (r->heading)
			continue;
		t->items++;
		const char *v = r->cells[L->choice_col];
		if (v == NULL || *v == '\0')
			continue;
		t->answered++;
		for (size_t k = 0; k < t->noptions; k++)
			if (strcmp(L->choice->options[k].label, v) == 0)
				t->per_option[k]++;
	}
}

static double
tally_score(const tally *t, const tg_fchoice *ch)
{
	double sum = 0;
	for (size_t k = 0; k < ch->noptions; k++)
		if (ch->options[k].has_score)
			sum += ch->options[k].score * (double)t->per_option[k];
	return sum;
}

static size_t
tally_excluded(const tally *t, const tg_fchoice *ch)
{
	size_t n = 0;
	for (size_t k = 0; k < ch->noptions; k++)
		if (!ch->options[k].has_score)
			n += t->per_option[k];
	return n;
}

static double
best_score(const tg_fchoice *ch)
{
	double best = 0;
	for (size_t i = 0; i < ch->noptions; i++)
		if (ch->options[i].has_score && ch->options[i].score > best)
			best = ch->options[i].score;
	return best;
}

/* sum of score_i * COUNTIF(range, label_i) over the scored options. */
static void
weighted_sum(tg_buf *out, const tg_fchoice *ch, const char *range)
{
	bool first = true;
	for (size_t i = 0; i < ch->noptions; i++) {
		const tg_form_option *o = &ch->options[i];
		if (!o->has_score || o->score == 0)
			continue;
		if (!first || o->score < 0)
			tg_buf_puts(out, o->score < 0 ? "-" : "+");
		double v = o->score < 0 ? -o->score : o->score;
		tg_buf_printf(out, "%g*COUNTIF(%s,", v, range);
		tg_book_quote(out, o->label);
		tg_buf_putc(out, ')');
		first = false;
	}
	if (first)
		tg_buf_putc(out, '0');
}

/* COUNTIF of the options without a score (対象外), summed. */
static void
excluded_count(tg_buf *out, const tg_fchoice *ch, const char *range)
{
	bool any = false;
	for (size_t i = 0; i < ch->noptions; i++) {
		if (ch->options[i].has_score)
			continue;
		tg_buf_printf(out, "%sCOUNTIF(%s,", any ? "+" : "", range);
		tg_book_quote(out, ch->options[i].label);
		tg_buf_putc(out, ')');
		any = true;
	}
	if (!any)
		tg_buf_putc(out, '0');
}

/* =IF(answered=0,"",IF(AND(t>=min,t<=max),"label",IF(…,""))) */
static void
band_formula(tg_buf *out, const tg_fsheet *s, const char *total, const char *answered)
{
	const tg_scoring *sc = &s->scoring;
	tg_buf_printf(out, "=IF(%s=0,\"\",", answered);
	for (size_t i = 0; i < sc->nbands; i++) {
		const tg_score_band *b = &sc->bands[i];
		tg_buf_puts(out, "IF(");
		if (b->has_min && b->has_max)
			tg_buf_printf(out, "AND(%s>=%g,%s<=%g)", total, b->min, total, b->max);
		else if (b->has_min)
			tg_buf_printf(out, "%s>=%g", total, b->min);
		else
			tg_buf_printf(out, "%s<=%g", total, b->max);
		tg_buf_putc(out, ',');
		tg_book_quote(out, s->form->bands[i].label);
		tg_buf_putc(out, ',');
	}
	tg_buf_puts(out, "\"\"");
	for (size_t i = 0; i < sc->nbands + 1; i++)
		tg_buf_putc(out, ')');
}

static const char *
band_value(const tg_fsheet *s, const tally *t, double total)
{
	if (t->answered == 0)
		return "";
	int b = tg_scoring_band(&s->scoring, total);
	return b < 0 ? "" : s->form->bands[b].label;
}

/* Progress: (Σ weight × count) / ((items − excluded) × best weight);
 * blank while nothing is answered. */
static void
progress_formula(tg_buf *out, const tg_fchoice *ch, const char *range, const char *items)
{
	tg_buf den = TG_BUF_INIT;
	tg_buf_printf(&den, "(%s-(", items);
	excluded_count(&den, ch, range);
	tg_buf_puts(&den, "))");
	tg_buf_printf(out, "=IF(OR(COUNTA(%s)=0,%s<=0),\"\",(", range, den.data);
	weighted_sum(out, ch, range);
	tg_buf_printf(out, ")/(%s*%g))", den.data, best_score(ch));
	tg_buf_free(&den);
}

static void
write_progress(tg_bsheet *ws, unsigned row, unsigned col, const char *fx, const tally *t,
    const tg_fchoice *ch, tg_bstyle st)
{
	double den = (double)(t->items - tally_excluded(t, ch)) * best_score(ch);
	if (t->answered == 0 || den <= 0)
		tg_book_formula_str(ws, row, col, fx, st, "");
	else
		tg_book_formula_num(ws, row, col, fx, st, tally_score(t, ch) / den);
}

static void
body_range(tg_buf *out, const layout *L, const char *sheet, unsigned first, unsigned last)
{
	tg_book_range(out, sheet, first, (unsigned)L->choice_col, last, (unsigned)L->choice_col);
}

/* Display width of a text in spreadsheet width units (full-width = 2). */
static double
label_width(const char *s)
{
	return (double)tg_utf8_width(s, strlen(s)) * 1.1 + 1.5;
}

/* Title, explanations, header fields; returns the next free row. */
static unsigned
write_head(tg_bsheet *ws, layout *L)
{
	const tg_fsheet *s = L->s;
	const tg_form *f = s->form;
	unsigned last = (unsigned)L->ncols - 1, row = 0;
	double total_width = 0;
	for (size_t c = 0; c < L->ncols; c++)
		total_width += L->widths[c];
	tg_book_merge(ws, row, 0, last, f->title, TG_BS_TITLE);
	tg_book_row_height(ws, row++, 24);
	tg_buf note = TG_BUF_INIT, legend = TG_BUF_INIT;
	for (unsigned o = 0; o < TG_ORIGIN_COUNT; o++)
		if (s->marks & (1u << o))
			tg_buf_printf(&legend, "%s。", tg_origin_text_of((tg_origin)o)->legend);
	if (legend.len > 0)
		tg_buf_puts(&legend, "いずれも原典で確認すること。");
	for (size_t i = 0; i < f->nintro + 3; i++) {
		const char *line = NULL;
		if (i < f->nintro) {
			line = f->intro[i];
		} else if (i == f->nintro && legend.len > 0) {
			line = legend.data;
		} else if (i == f->nintro + 1 && s->skipped_unknown > 0) {
			tg_buf_printf(&note, "対象レベルが原典で確認できない項目が%zu件あり、この表には含めていません"
			    "（突合表を参照）。", s->skipped_unknown);
			line = note.data;
		} else if (i == f->nintro + 2 && any_input(f)) {
			line = "黄色のセルに記入してください。";
		}
		if (line == NULL)
			continue;
		tg_book_merge(ws, row, 0, last, line, TG_BS_INTRO);
		tg_book_row_height(ws, row++, tg_book_line_height(tg_book_lines(line, total_width)));
	}
	tg_buf_free(&note);
	tg_buf_free(&legend);
	if (f->nfields == 0)
		return row + 1;
	row++;
	/* Labels take the first columns up to the longest label, values the
	 * next ones up to 40 characters. */
	double need = 6;
	for (size_t i = 0; i < f->nfields; i++)
		if (label_width(f->fields[i].label) > need)
			need = label_width(f->fields[i].label);
	unsigned label_last = 0;
	double w = L->widths[0];
	while (w < need && label_last + 1 < last) {
		label_last++;
		w += L->widths[label_last];
	}
	unsigned value_first = label_last + 1, value_last = value_first;
	w = L->widths[value_first];
	while (w < 40 && value_last < last) {
		value_last++;
		w += L->widths[value_last];
	}
	L->field_value_col = value_first;
	L->field_first_row = row;
	for (size_t i = 0; i < f->nfields; i++, row++) {
		const tg_form_field *fd = &f->fields[i];
		tg_book_merge(ws, row, 0, label_last, fd->label, TG_BS_LABEL);
		tg_book_row_height(ws, row, tg_book_line_height(1));
		if (s->fields[i] != NULL) {
			tg_book_merge(ws, row, value_first, value_last, s->fields[i], TG_BS_VALUE);
			tg_book_row_height(ws, row, tg_book_line_height(tg_book_lines(s->fields[i], w)));
			continue;
		}
		if (fd->value == TG_FFIELD_TOTAL && f->summary == TG_FSUM_SCORE)
			L->total_cell_row = (int)row;
		bool calc = (fd->value == TG_FFIELD_TOTAL || fd->value == TG_FFIELD_BAND) ?
		    f->summary == TG_FSUM_SCORE : fd->value == TG_FFIELD_PROGRESS ?
		    f->summary == TG_FSUM_RATIO : false;
		tg_book_merge(ws, row, value_first, value_last, NULL, calc ? TG_BS_CALC_BOLD : TG_BS_INPUT);
	}
	return row + 1;
}

/* The formulas of the header fields, once the table's rows are known. */
static void
write_field_formulas(tg_bsheet *ws, layout *L)
{
	const tg_fsheet *s = L->s;
	const tg_form *f = s->form;
	if (L->choice_col < 0 || L->choice == NULL)
		return;
	tally t;
	tally_init(&t, L);
	tally_rows(&t, L, 0, s->nrows);
	tg_buf range = TG_BUF_INIT, fx = TG_BUF_INIT, total = TG_BUF_INIT, answered = TG_BUF_INIT;
	body_range(&range, L, NULL, L->first_body, L->last_body);
	tg_buf_printf(&answered, "COUNTA(%s)", range.data);
	if (L->total_cell_row >= 0) {
		tg_book_cell(&total, (unsigned)L->total_cell_row, L->field_value_col, false);
	} else {
		tg_buf_putc(&total, '(');
		weighted_sum(&total, L->choice, range.data);
		tg_buf_putc(&total, ')');
	}
	for (size_t i = 0; i < f->nfields; i++) {
		const tg_form_field *fd = &f->fields[i];
		unsigned row = L->field_first_row + (unsigned)i;
		tg_buf_clear(&fx);
		if (fd->value == TG_FFIELD_TOTAL && f->summary == TG_FSUM_SCORE) {
			tg_buf_putc(&fx, '=');
			weighted_sum(&fx, L->choice, range.data);
			tg_book_formula_num(ws, row, L->field_value_col, fx.data, TG_BS_CALC_BOLD,
			    tally_score(&t, L->choice));
		} else if (fd->value == TG_FFIELD_BAND && f->summary == TG_FSUM_SCORE) {
			band_formula(&fx, s, total.data, answered.data);
			tg_book_formula_str(ws, row, L->field_value_col, fx.data, TG_BS_CALC_BOLD,
			    band_value(s, &t, tally_score(&t, L->choice)));
		} else if (fd->value == TG_FFIELD_PROGRESS && f->summary == TG_FSUM_RATIO) {
			tg_buf items = TG_BUF_INIT;
			tg_buf_printf(&items, "%zu", t.items);
			progress_formula(&fx, L->choice, range.data, items.data);
			write_progress(ws, row, L->field_value_col, fx.data, &t, L->choice,
			    TG_BS_CALC_PERCENT);
			tg_buf_free(&items);
		}
	}
	free(t.per_option);
	tg_buf_free(&range);
	tg_buf_free(&fx);
	tg_buf_free(&total);
	tg_buf_free(&answered);
}

static tg_bstyle
input_style(const tg_form_column *c)
{
	if (c->kind == TG_FCOL_INPUT && c->input != NULL && strcmp(c->input, "date") == 0)
		return TG_BS_INPUT_DATE;
	return c->center ? TG_BS_INPUT_CENTER : TG_BS_INPUT;
}

/* =IF(X="","",IF(X="a",4,IF(X="b",2,""))) and its value for the cell's text. */
static void
write_score(tg_bsheet *ws, unsigned row, unsigned col, const tg_fchoice *ch, unsigned src_col,
    const char *answer)
{
	tg_buf fx = TG_BUF_INIT, cell = TG_BUF_INIT;
	tg_book_cell(&cell, row, src_col, false);
	tg_buf_printf(&fx, "=IF(%s=\"\",\"\",", cell.data);
	size_t n = 0;
	const tg_form_option *chosen = NULL;
	for (size_t i = 0; i < ch->noptions; i++) {
		if (!ch->options[i].has_score)
			continue;
		tg_buf_printf(&fx, "IF(%s=", cell.data);
		tg_book_quote(&fx, ch->options[i].label);
		tg_buf_printf(&fx, ",%g,", ch->options[i].score);
		n++;
		if (answer != NULL && strcmp(answer, ch->options[i].label) == 0)
			chosen = &ch->options[i];
	}
	tg_buf_puts(&fx, "\"\"");
	for (size_t i = 0; i < n + 1; i++)
		tg_buf_putc(&fx, ')');
	if (chosen != NULL)
		tg_book_formula_num(ws, row, col, fx.data, TG_BS_CALC, chosen->score);
	else
		tg_book_formula_str(ws, row, col, fx.data, TG_BS_CALC, "");
	tg_buf_free(&fx);
	tg_buf_free(&cell);
}

/* The room a body row leaves for writing: the most `lines` of a column. */
static size_t
room_lines(const tg_form *f)
{
	size_t n = 1;
	for (size_t c = 0; c < f->ncolumns; c++)
		if (f->columns[c].lines > n)
			n = f->columns[c].lines;
	return n;
}

static void
write_lists(tg_bsheet *ws, const layout *L)
{
	const tg_fsheet *s = L->s;
	const tg_form *f = s->form;
	/* Pull-downs over each run of body rows (group headings break runs). */
	for (size_t c = 0; c < L->ncols; c++) {
		const tg_form_column *col = &f->columns[c];
		if (col->kind != TG_FCOL_CHOICE)
			continue;
		const tg_fchoice *ch = choice_of(s, col->choice);
		const char **labels = tg_xcalloc(ch->noptions + 1, sizeof *labels);
		for (size_t k = 0; k < ch->noptions; k++)
			labels[k] = ch->options[k].label;
		for (size_t g = 0; g < s->ngroups; g++) {
			const tg_fgroup *grp = &s->groups[g];
			if (grp->count == 0)
				continue;
			unsigned r1 = L->row_of[grp->first], r2 = L->row_of[grp->first + grp->count - 1];
			tg_book_list(ws, r1, r2, (unsigned)c, labels, ch->noptions);
		}
		free(labels);
	}
}

static void
write_table(tg_bsheet *ws, layout *L, unsigned row)
{
	const tg_fsheet *s = L->s;
	const tg_form *f = s->form;
	unsigned last = (unsigned)L->ncols - 1;
	L->header_row = row;
	size_t lines = 1;
	for (size_t c = 0; c < L->ncols; c++) {
		tg_book_text(ws, row, (unsigned)c, f->columns[c].header, TG_BS_HEADER);
		size_t l = tg_book_lines(f->columns[c].header, L->widths[c] - 1);
		if (l > lines)
			lines = l;
	}
	tg_book_row_height(ws, row, tg_book_line_height(lines));
	row++;
	L->first_body = row;
	size_t min_lines = room_lines(f);
	for (size_t i = 0; i < s->nrows; i++, row++) {
		const tg_frow *r = &s->rows[i];
		L->row_of[i] = row;
		if (r->heading) {
			tg_book_merge(ws, row, 0, last, r->cells[0], TG_BS_GROUP);
			tg_book_row_height(ws, row, tg_book_line_height(1));
			continue;
		}
		lines = min_lines;
		for (size_t c = 0; c < L->ncols; c++) {
			const tg_form_column *col = &f->columns[c];
			const char *text = r->cells[c];
			switch (col->kind) {
			case TG_FCOL_VALUE:
				if (col->value == TG_FVAL_NUMBER && text != NULL)
					tg_book_number(ws, row, (unsigned)c, strtod(text, NULL), TG_BS_NUMBER);
				else
					tg_book_text(ws, row, (unsigned)c, text, col->value == TG_FVAL_MARK ?
					    TG_BS_MARK : col->center ? TG_BS_CELL_CENTER : TG_BS_CELL);
				break;
			case TG_FCOL_INPUT:
			case TG_FCOL_CHOICE:
				tg_book_text(ws, row, (unsigned)c, text, input_style(col));
				break;
			case TG_FCOL_SCORE: {
				const tg_form_column *src = tg_form_column_by_key(f, col->choice);
				size_t sc = (size_t)(src - f->columns);
				write_score(ws, row, (unsigned)c, choice_of(s, src->choice), (unsigned)sc,
				    r->cells[sc]);
				break;
			}
			}
			if (text != NULL) {
				size_t l = tg_book_lines(text, L->widths[c] - 1);
				if (l > lines)
					lines = l;
			}
		}
		tg_book_row_height(ws, row, tg_book_line_height(lines));
	}
	L->last_body = row > L->first_body ? row - 1 : L->first_body;
	write_lists(ws, L);
}

/* The summary's header cells. */
static size_t
summary_headers(const layout *L, bool score, const char **h, size_t max)
{
	size_t n = 0;
	h[n++] = score ? "区分" : "グループ";
	h[n++] = score ? "設問数" : "項目数";
	if (score) {
		h[n++] = "回答数";
		h[n++] = "点数";
		h[n++] = "満点";
		h[n++] = "達成率";
		return n;
	}
	for (size_t k = 0; k < L->choice->noptions && n + 2 < max; k++)
		h[n++] = L->choice->options[k].label;
	h[n++] = "未記入";
	h[n++] = "進捗率";
	return n;
}

/* One row of the summary: a group (range on the form's sheet) or, with
 * totals set, the sum of the group rows first..last. */
static void
summary_row(tg_bsheet *ws, const layout *L, unsigned row, size_t nh, const char *range,
    const tally *t, unsigned first, unsigned last, bool totals)
{
	const tg_fsheet *s = L->s;
	const tg_fchoice *ch = L->choice;
	bool score = s->form->summary == TG_FSUM_SCORE;
	tg_buf fx = TG_BUF_INIT, sum = TG_BUF_INIT;
	tg_bstyle calc = totals ? TG_BS_CALC_BOLD : TG_BS_CALC;
	unsigned r1 = row + 1;
	/* Column B: items. */
	if (totals) {
		tg_buf_printf(&fx, "=SUM(B%u:B%u)", first + 1, last + 1);
		tg_book_formula_num(ws, row, 1, fx.data, calc, (double)t->items);
	} else {
		tg_book_number(ws, row, 1, (double)t->items, TG_BS_NUMBER);
	}
	if (score) {
		double pts = tally_score(t, ch);
		double max = totals ? s->scoring.max_score : (double)t->items * best_score(ch);
		tg_buf_clear(&fx);
		if (totals)
			tg_buf_printf(&fx, "=SUM(C%u:C%u)", first + 1, last + 1);
		else
			tg_buf_printf(&fx, "=COUNTA(%s)", range);
		tg_book_formula_num(ws, row, 2, fx.data, calc, (double)t->answered);
		tg_buf_clear(&fx);
		if (totals) {
			tg_buf_printf(&fx, "=SUM(D%u:D%u)", first + 1, last + 1);
		} else {
			tg_buf_putc(&fx, '=');
			weighted_sum(&fx, ch, range);
		}
		tg_book_formula_num(ws, row, 3, fx.data, calc, pts);
		tg_book_number(ws, row, 4, max, totals ? TG_BS_CALC_BOLD : TG_BS_NUMBER);
		tg_buf_clear(&fx);
		tg_buf_printf(&fx, "=IF(E%u=0,\"\",D%u/E%u)", r1, r1, r1);
		tg_book_formula_num(ws, row, 5, fx.data, TG_BS_CALC_PERCENT, max > 0 ? pts / max : 0);
		goto out;
	}
	size_t first_opt = 2, nopt = nh - 4;
	for (size_t k = 0; k < nopt; k++) {
		unsigned c = (unsigned)(first_opt + k);
		tg_buf_clear(&fx);
		if (totals) {
			tg_buf_puts(&fx, "=SUM(");
			tg_book_range(&fx, NULL, first, c, last, c);
			tg_buf_putc(&fx, ')');
		} else {
			tg_buf_printf(&fx, "=COUNTIF(%s,", range);
			tg_book_quote(&fx, ch->options[k].label);
			tg_buf_putc(&fx, ')');
		}
		tg_book_formula_num(ws, row, c, fx.data, calc, (double)t->per_option[k]);
	}
	unsigned blank_col = (unsigned)(nh - 2), rate_col = (unsigned)(nh - 1);
	tg_buf_clear(&fx);
	if (totals) {
		tg_buf_puts(&fx, "=SUM(");
		tg_book_range(&fx, NULL, first, blank_col, last, blank_col);
		tg_buf_putc(&fx, ')');
	} else {
		tg_buf_printf(&fx, "=B%u-COUNTA(%s)", r1, range);
	}
	tg_book_formula_num(ws, row, blank_col, fx.data, calc, (double)(t->items - t->answered));
	/* Progress from this row's own counts (the same rule as the sheet). */
	tg_buf den = TG_BUF_INIT;
	tg_buf_printf(&den, "(B%u", r1);
	for (size_t k = 0; k < nopt; k++)
		if (!ch->options[k].has_score) {
			tg_buf_putc(&den, '-');
			tg_book_cell(&den, row, (unsigned)(first_opt + k), false);
		}
	tg_buf_putc(&den, ')');
	tg_buf_clear(&fx);
	tg_buf_printf(&fx, "=IF(OR(B%u=", r1);
	tg_book_cell(&fx, row, blank_col, false);
	tg_buf_printf(&fx, ",%s<=0),\"\",(", den.data);
	bool any = false;
	for (size_t k = 0; k < nopt; k++) {
		const tg_form_option *o = &ch->options[k];
		if (!o->has_score || o->score == 0)
			continue;
		tg_buf_printf(&fx, "%s%g*", any ? "+" : "", o->score);
		tg_book_cell(&fx, row, (unsigned)(first_opt + k), false);
		any = true;
	}
	if (!any)
		tg_buf_putc(&fx, '0');
	tg_buf_printf(&fx, ")/(%s*%g))", den.data, best_score(ch));
	write_progress(ws, row, rate_col, fx.data, t, ch, TG_BS_CALC_PERCENT);
	tg_buf_free(&den);
out:
	tg_buf_free(&fx);
	tg_buf_free(&sum);
}

/* 判定, 未回答, and the table of bands. Returns the next free row. */
static unsigned
write_bands(tg_bsheet *ws, const layout *L, unsigned row, unsigned total_row, const tally *all,
    const double *widths, size_t nh)
{
	const tg_fsheet *s = L->s;
	const tg_form *f = s->form;
	tg_buf fx = TG_BUF_INIT, total = TG_BUF_INIT, answered = TG_BUF_INIT;
	tg_book_cell(&total, total_row, 3, false);
	tg_book_cell(&answered, total_row, 2, false);
	tg_book_text(ws, row, 0, "判定", TG_BS_LABEL);
	band_formula(&fx, s, total.data, answered.data);
	tg_book_merge(ws, row, 1, 3, NULL, TG_BS_CALC_BOLD);
	tg_book_formula_str(ws, row, 1, fx.data, TG_BS_CALC_BOLD,
	    band_value(s, all, tally_score(all, L->choice)));
	tg_book_row_height(ws, row++, tg_book_line_height(1));
	tg_book_text(ws, row, 0, "未回答の設問", TG_BS_LABEL);
	tg_buf_clear(&fx);
	tg_buf_printf(&fx, "=B%u-C%u", total_row + 1, total_row + 1);
	tg_book_formula_num(ws, row, 1, fx.data, TG_BS_CALC, (double)(all->items - all->answered));
	tg_book_row_height(ws, row++, tg_book_line_height(1));
	row++;
	tg_book_text(ws, row, 0, "点数", TG_BS_HEADER);
	tg_book_merge(ws, row, 1, 2, "判定", TG_BS_HEADER);
	tg_book_merge(ws, row, 3, (unsigned)nh, "次に取り組むこと", TG_BS_HEADER);
	tg_book_row_height(ws, row++, tg_book_line_height(1));
	double advice_width = 0;
	for (size_t c = 3; c <= nh; c++)
		advice_width += widths[c];
	for (size_t i = 0; i < s->scoring.nbands; i++, row++) {
		tg_buf r = TG_BUF_INIT;
		tg_scoring_band_range(&s->scoring.bands[i], &r);
		tg_book_text(ws, row, 0, r.data, TG_BS_CELL_CENTER);
		tg_book_merge(ws, row, 1, 2, f->bands[i].label, TG_BS_CELL_CENTER);
		tg_book_merge(ws, row, 3, (unsigned)nh, f->bands[i].advice, TG_BS_CELL);
		tg_book_row_height(ws, row, tg_book_line_height(tg_book_lines(f->bands[i].advice,
		    advice_width - 1)));
		tg_buf_free(&r);
	}
	tg_buf_free(&fx);
	tg_buf_free(&total);
	tg_buf_free(&answered);
	return row;
}

/* The per-group summary sheet: scores and band, or progress. */
static void
write_summary(tg_book *b, const layout *L)
{
	const tg_fsheet *s = L->s;
	const tg_form *f = s->form;
	bool score = f->summary == TG_FSUM_SCORE;
	tg_bsheet *ws = tg_book_sheet(b, f->summary_sheet);
	const char *headers[16];
	size_t nh = summary_headers(L, score, headers, 15);
	double widths[17];
	widths[0] = 28;
	for (size_t c = 1; c < nh; c++)
		widths[c] = 9;
	widths[nh] = 32;	/* score: the band table's advice runs into it */
	tg_book_columns(ws, widths, score ? nh + 1 : nh);
	unsigned last = (unsigned)(score ? nh : nh - 1);
	unsigned row = 0;
	tg_buf title = TG_BUF_INIT;
	tg_buf_printf(&title, "%s（%s）", f->summary_sheet, f->title);
	tg_book_merge(ws, row, 0, last, title.data, TG_BS_TITLE);
	tg_book_row_height(ws, row++, 24);
	tg_buf_free(&title);
	const char *expl = score ? "点数は回答から自動で計算されます（未回答の設問は0点として数えます）。" :
	    "件数と進捗率は、実施状況の欄から自動で計算されます。";
	tg_book_merge(ws, row, 0, last, expl, TG_BS_INTRO);
	tg_book_row_height(ws, row++, tg_book_line_height(1));
	row++;
	unsigned header_row = row;
	for (size_t c = 0; c < nh; c++)
		tg_book_text(ws, row, (unsigned)c, headers[c], TG_BS_HEADER);
	tg_book_row_height(ws, row++, tg_book_line_height(1));
	unsigned first_group_row = row;
	tally all;
	tally_init(&all, L);
	tg_buf range = TG_BUF_INIT;
	for (size_t g = 0; g < s->ngroups; g++) {
		const tg_fgroup *grp = &s->groups[g];
		if (grp->count == 0)
			continue;
		tally t;
		tally_init(&t, L);
		tally_rows(&t, L, grp->first, grp->count);
		tally_rows(&all, L, grp->first, grp->count);
		tg_buf_clear(&range);
		body_range(&range, L, f->sheet, L->row_of[grp->first],
		    L->row_of[grp->first + grp->count - 1]);
		tg_book_text(ws, row, 0, grp->title ? grp->title : "全体", TG_BS_CELL);
		summary_row(ws, L, row, nh, range.data, &t, 0, 0, false);
		tg_book_row_height(ws, row, tg_book_line_height(tg_book_lines(grp->title, widths[0] - 1)));
		free(t.per_option);
		row++;
	}
	unsigned last_group_row = row - 1, total_row = row;
	tg_book_text(ws, row, 0, "合計", TG_BS_CALC_BOLD);
	summary_row(ws, L, row, nh, NULL, &all, first_group_row, last_group_row, true);
	tg_book_row_height(ws, row++, tg_book_line_height(1));
	row++;
	if (score)
		row = write_bands(ws, L, row, total_row, &all, widths, nh) + 1;
	if (f->chart && last_group_row >= first_group_row) {
		tg_buf cats = TG_BUF_INIT, vals = TG_BUF_INIT;
		tg_buf_putc(&cats, '=');
		tg_book_range(&cats, f->summary_sheet, first_group_row, 0, last_group_row, 0);
		tg_buf_putc(&vals, '=');
		tg_book_range(&vals, f->summary_sheet, first_group_row, (unsigned)(nh - 1), last_group_row,
		    (unsigned)(nh - 1));
		/* Scores can be negative (わからない): the axis starts below 0. */
		tg_book_chart(b, ws, row, 0, score ? "区分ごとの達成率" : "グループごとの進捗率",
		    cats.data, vals.data, score ? -0.25 : 0, 1);
		tg_buf_free(&cats);
		tg_buf_free(&vals);
	}
	tg_book_print(ws, false, header_row, header_row, f->title);
	free(all.per_option);
	tg_buf_free(&range);
}

void
tg_forms_xlsx(tg_book *b, const tg_fsheet *s)
{
	const tg_form *f = s->form;
	layout L = {0};
	L.s = s;
	L.ncols = f->ncolumns;
	L.widths = tg_xcalloc(L.ncols, sizeof *L.widths);
	L.row_of = tg_xcalloc(s->nrows ? s->nrows : 1, sizeof *L.row_of);
	L.total_cell_row = -1;
	L.choice_col = -1;
	for (size_t c = 0; c < L.ncols; c++)
		L.widths[c] = f->columns[c].width;
	if (f->summary_choice != NULL) {
		const tg_form_column *c = tg_form_column_by_key(f, f->summary_choice);
		L.choice_col = (int)(c - f->columns);
		L.choice = choice_of(s, c->choice);
	}
	tg_bsheet *ws = tg_book_sheet(b, f->sheet);
	tg_book_columns(ws, L.widths, L.ncols);
	unsigned row = write_head(ws, &L);
	write_table(ws, &L, row);
	write_field_formulas(ws, &L);
	tg_book_freeze(ws, L.header_row + 1, 0);
	tg_book_print(ws, f->landscape, L.header_row, L.header_row, f->title);
	if (f->summary != TG_FSUM_NONE && L.choice != NULL)
		write_summary(b, &L);
	free(L.widths);
	free(L.row_of);
}
