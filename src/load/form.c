/* kind: form — the description of one workbook under templates/forms/
 * (model/form.h, docs/forms.md).  Strict like every data file: unknown
 * keys, wrong types, unknown column keys and choices are reported at their
 * positions.  What depends on an industry (items, the scoring meta,
 * chapters) is checked by tg_forms_check_data (forms/check.c). */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "form.h"
#include "schema.h"
#include "../totsugo.h"
#include "../util/fs.h"

static const char *const form_keys[] = {"kind", "id", "title", "file", "sheet", "description",
    "role", "orientation", "intro", "fields", "choices", "columns", "rows", "summary", NULL};
static const char *const rows_keys[] = {"from", "under", "texts", "group_tags", "other_group",
    "groups", "examples", "into", "blank_after", "room", NULL};
static const char *const group_keys[] = {"title", "rows", "blank", "chapters", NULL};
static const char *const example_keys[] = {"key", "split", "set", NULL};
static const char *const column_keys[] = {"key", "header", "width", "value", "input", "choice",
    "score", "fill", "align", "lines", NULL};
static const char *const choice_keys[] = {"name", "options", "scoring", NULL};
static const char *const option_keys[] = {"label", "score", NULL};
static const char *const field_keys[] = {"label", "value", NULL};
static const char *const summary_keys[] = {"kind", "sheet", "choice", "scoring", "bands",
    "chart", NULL};
static const char *const band_keys[] = {"label", "advice", NULL};

static const char *const roles[] = {"none", "self-assessment", "checklist", "plan"};
static const char *const sources[] = {"baseline", "requirements", "chapters", "static", "blank",
    "examples"};
static const char *const values[] = {"", "key", "ref", "title", "text", "level", "mark", "number",
    "group"};
static const char *const inputs[] = {"text", "date", "number"};
static const char *const field_values[] = {"blank", "company", "industry", "guideline",
    "baseline", "level", "total", "band", "progress"};
static const char *const summaries[] = {"none", "score", "ratio"};
/* What assess can write into a plan's columns (docs/forms.md). */
static const char *const fills[] = {"area", "issue", "measure", "urgency", "importance",
    "source", NULL};

/* Sheet names: Excel's limits (31 characters, none of []:*?/\). */
static bool
valid_sheet_name(const char *s)
{
	size_t chars = 0;
	if (*s == '\0' || *s == '\'')
		return false;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (strchr("[]:*?/\\", *p) != NULL)
			return false;
		if ((*p & 0xC0) != 0x80)
			chars++;
	}
	return chars <= 31;
}

static const char *
sheet_name(tg_load *l, const tg_node *map, const char *key, const char *what, bool required)
{
	const char *s = tg_schema_str(l, map, key, what, required);
	if (s != NULL && !valid_sheet_name(s)) {
		tg_diag_error(l->diag, tg_node_get(map, key)->pos, "'%s' is not a usable sheet name "
		    "(1 to 31 characters, none of []:*?/\\, not starting with ')", s);
		return NULL;
	}
	return s;
}

static bool
number(tg_load *l, const tg_node *n, const char *what, double min, double max, double *out)
{
	const char *s = tg_schema_scalar(l, n, what);
	if (s == NULL)
		return false;
	char *end;
	errno = 0;
	double v = strtod(s, &end);
	if (end == s || *end != '\0' || errno != 0 || !isfinite(v) || v < min || v > max) {
		tg_diag_error(l->diag, n->pos, "%s must be a number from %g to %g, found '%s'", what, min,
		    max, s);
		return false;
	}
	*out = v;
	return true;
}

static unsigned
count(tg_load *l, const tg_node *map, const char *key, const char *what, long max)
{
	const tg_node *n = tg_node_get(map, key);
	long v = 0;
	if (n != NULL && !tg_schema_int(l, n, what, 0, max, &v))
		return 0;
	return (unsigned)v;
}

static const tg_node *
list(tg_load *l, const tg_node *map, const char *key, const char *what)
{
	const tg_node *n = tg_node_get(map, key);
	if (n == NULL || tg_node_is_null(n))
		return NULL;
	if (n->kind != TG_NODE_SEQ) {
		tg_diag_error(l->diag, n->pos, "'%s' of %s must be a list, found %s", key, what,
		    tg_node_kind_name(n));
		return NULL;
	}
	return n;
}

static int
enum_of(tg_load *l, const tg_node *map, const char *key, const char *what,
    const char *const *names, size_t n, int dflt)
{
	const tg_node *v = tg_node_get(map, key);
	if (v == NULL)
		return dflt;
	int k = tg_schema_enum(l, v, what, names, n);
	return k < 0 ? dflt : k;
}

/* Each entry's slot is zeroed when it is taken: an entry given up before
 * its count moves on must not leave its fields to the next one (a choice
 * without a name left its option count, which overran the next choice's
 * smaller option array: found by fuzz_load). */
static void
load_options(tg_load *l, tg_form_choice *c, const tg_node *opts)
{
	c->options = TG_ARENA_ARRAY(&l->data->arena, tg_form_option, opts->n);
	for (size_t i = 0; i < opts->n; i++) {
		const tg_node *n = opts->items[i];
		tg_form_option *o = &c->options[c->noptions];
		memset(o, 0, sizeof *o);
		o->pos = n->pos;
		if (n->kind == TG_NODE_SCALAR) {
			o->label = tg_schema_scalar(l, n, "option");
		} else if (tg_schema_map(l, n, "option", option_keys)) {
			o->label = tg_schema_str(l, n, "label", "option", true);
			const tg_node *s = tg_node_get(n, "score");
			if (s != NULL)
				o->has_score = number(l, s, "an option's score", -1000, 1000, &o->score);
		}
		if (o->label == NULL)
			continue;
		if (strpbrk(o->label, ",\"") != NULL) {
			tg_diag_error(l->diag, n->pos, "option '%s' holds a comma or a quote, which a "
			    "spreadsheet's pull-down list cannot", o->label);
			continue;
		}
		for (size_t k = 0; k < c->noptions; k++)
			if (strcmp(c->options[k].label, o->label) == 0)
				tg_diag_error(l->diag, n->pos, "option '%s' is listed twice", o->label);
		c->noptions++;
	}
}

static void
load_choices(tg_load *l, tg_form *f, const tg_node *seq)
{
	f->choices = TG_ARENA_ARRAY(&l->data->arena, tg_form_choice, seq->n);
	for (size_t i = 0; i < seq->n; i++) {
		const tg_node *n = seq->items[i];
		if (!tg_schema_map(l, n, "choice", choice_keys))
			continue;
		tg_form_choice *c = &f->choices[f->nchoices];
		memset(c, 0, sizeof *c);
		c->pos = n->pos;
		c->name = tg_schema_str(l, n, "name", "choice", true);
		c->scoring = tg_schema_str(l, n, "scoring", "choice", false);
		const tg_node *opts = list(l, n, "options", "choice");
		if (opts != NULL && c->scoring != NULL)
			tg_diag_error(l->diag, n->pos, "a choice takes 'options' or 'scoring', not both");
		else if (opts != NULL)
			load_options(l, c, opts);
		else if (c->scoring == NULL)
			tg_diag_error(l->diag, n->pos, "choice has neither 'options' nor 'scoring'");
		if (opts != NULL && c->scoring == NULL && c->noptions == 0)
			tg_diag_error(l->diag, opts->pos, "choice '%s' has no options", c->name ? c->name : "?");
		size_t total = 0;
		for (size_t k = 0; k < c->noptions; k++)
			total += strlen(c->options[k].label) + 1;
		if (total > 255)
			tg_diag_error(l->diag, n->pos, "the options of choice '%s' take %zu bytes; a pull-down "
			    "list holds at most 255", c->name ? c->name : "?", total);
		if (c->name == NULL)
			continue;
		if (tg_form_choice_by_name(f, c->name) != NULL)
			tg_diag_error(l->diag, n->pos, "choice '%s' is defined twice", c->name);
		f->nchoices++;
	}
}

static void
load_columns(tg_load *l, tg_form *f, const tg_node *seq)
{
	f->columns = TG_ARENA_ARRAY(&l->data->arena, tg_form_column, seq->n);
	for (size_t i = 0; i < seq->n; i++) {
		const tg_node *n = seq->items[i];
		if (!tg_schema_map(l, n, "column", column_keys))
			continue;
		tg_form_column *c = &f->columns[f->ncolumns];
		memset(c, 0, sizeof *c);
		c->pos = n->pos;
		c->key = tg_schema_str(l, n, "key", "column", true);
		c->header = tg_schema_str(l, n, "header", "column", true);
		c->width = 12;
		const tg_node *w = tg_node_get(n, "width");
		if (w != NULL)
			number(l, w, "a column's width", 2, 120, &c->width);
		const char *kinds[] = {"value", "input", "choice", "score"};
		size_t nkinds = 0;
		for (size_t k = 0; k < 4; k++)
			nkinds += tg_node_get(n, kinds[k]) != NULL;
		if (nkinds > 1)
			tg_diag_error(l->diag, n->pos, "a column takes one of value, input, choice and score");
		c->kind = TG_FCOL_VALUE;
		c->value = TG_FVAL_NONE;
		if (tg_node_get(n, "value") != NULL) {
			int v = enum_of(l, n, "value", "value", values + 1,
			    sizeof values / sizeof *values - 1, -1);
			c->value = v < 0 ? TG_FVAL_NONE : (tg_form_value)(v + 1);
		} else if (tg_node_get(n, "input") != NULL) {
			c->kind = TG_FCOL_INPUT;
			int v = enum_of(l, n, "input", "input", inputs, 3, 0);
			c->input = inputs[v];
		} else if (tg_node_get(n, "choice") != NULL) {
			c->kind = TG_FCOL_CHOICE;
			c->choice = tg_schema_str(l, n, "choice", "column", true);
		} else if (tg_node_get(n, "score") != NULL) {
			c->kind = TG_FCOL_SCORE;
			c->choice = tg_schema_str(l, n, "score", "column", true);
		} else {
			c->kind = TG_FCOL_INPUT;
			c->input = "text";
		}
		c->fill = tg_schema_str(l, n, "fill", "column", false);
		if (c->fill != NULL) {
			size_t k = 0;
			while (fills[k] != NULL && strcmp(fills[k], c->fill) != 0)
				k++;
			if (fills[k] == NULL)
				tg_diag_error(l->diag, tg_node_get(n, "fill")->pos, "unknown fill '%s' (area, issue, "
				    "measure, urgency, importance or source)", c->fill);
		}
		const tg_node *align = tg_node_get(n, "align");
		if (align != NULL) {
			static const char *const aligns[] = {"left", "center"};
			c->center = tg_schema_enum(l, align, "alignment", aligns, 2) == 1;
		}
		c->lines = count(l, n, "lines", "a column's lines", 20);
		if (c->key == NULL || c->header == NULL)
			continue;
		if (tg_form_column_by_key(f, c->key) != NULL)
			tg_diag_error(l->diag, n->pos, "column key '%s' is used twice", c->key);
		f->ncolumns++;
	}
}

static void
load_fields(tg_load *l, tg_form *f, const tg_node *seq)
{
	f->fields = TG_ARENA_ARRAY(&l->data->arena, tg_form_field, seq->n);
	for (size_t i = 0; i < seq->n; i++) {
		const tg_node *n = seq->items[i];
		if (!tg_schema_map(l, n, "field", field_keys))
			continue;
		tg_form_field *fd = &f->fields[f->nfields];
		memset(fd, 0, sizeof *fd);
		fd->pos = n->pos;
		fd->label = tg_schema_str(l, n, "label", "field", true);
		fd->value = (tg_form_field_value)enum_of(l, n, "value", "field value", field_values,
		    sizeof field_values / sizeof *field_values, 0);
		if (fd->label != NULL)
			f->nfields++;
	}
}

/* `texts: {ITEM: text}` — the form's own wording of its items. */
static void
load_texts(tg_load *l, tg_form *f, const tg_node *map)
{
	if (map->kind != TG_NODE_MAP) {
		tg_diag_error(l->diag, map->pos, "'texts' must be a mapping (item id: text), found %s",
		    tg_node_kind_name(map));
		return;
	}
	tg_arena *a = &l->data->arena;
	f->text_ids = TG_ARENA_ARRAY(a, const char *, map->n);
	f->texts = TG_ARENA_ARRAY(a, const char *, map->n);
	f->text_pos = TG_ARENA_ARRAY(a, tg_pos, map->n);
	for (size_t i = 0; i < map->n; i++) {
		const tg_node *k = tg_node_key(map, i), *v = tg_node_value(map, i);
		const char *id = tg_schema_scalar(l, k, "an item id of 'texts'");
		const char *text = tg_schema_scalar(l, v, "a text of 'texts'");
		if (id == NULL || text == NULL)
			continue;
		f->text_ids[f->ntexts] = id;
		f->texts[f->ntexts] = text;
		f->text_pos[f->ntexts++] = k->pos;
	}
}

static void
load_group_tags(tg_load *l, tg_form *f, const tg_node *map)
{
	if (map->kind != TG_NODE_MAP) {
		tg_diag_error(l->diag, map->pos, "'group_tags' must be a mapping (tag: group title), "
		    "found %s", tg_node_kind_name(map));
		return;
	}
	tg_arena *a = &l->data->arena;
	f->group_tags = TG_ARENA_ARRAY(a, const char *, map->n);
	f->group_tag_titles = TG_ARENA_ARRAY(a, const char *, map->n);
	for (size_t i = 0; i < map->n; i++) {
		const char *tag = tg_schema_scalar(l, tg_node_key(map, i), "a tag of 'group_tags'");
		const char *title = tg_schema_scalar(l, tg_node_value(map, i), "a group title");
		if (tag == NULL || title == NULL)
			continue;
		f->group_tags[f->ngroup_tags] = tag;
		f->group_tag_titles[f->ngroup_tags++] = title;
	}
}

/* A static row: a mapping of column key → text. */
static void
load_static_row(tg_load *l, tg_form_row *r, const tg_node *n)
{
	tg_arena *a = &l->data->arena;
	r->pos = n->pos;
	if (n->kind != TG_NODE_MAP) {
		tg_diag_error(l->diag, n->pos, "a row must be a mapping (column key: text), found %s",
		    tg_node_kind_name(n));
		return;
	}
	r->keys = TG_ARENA_ARRAY(a, const char *, n->n);
	r->cells = TG_ARENA_ARRAY(a, const char *, n->n);
	for (size_t i = 0; i < n->n; i++) {
		const char *k = tg_schema_scalar(l, tg_node_key(n, i), "a column key");
		const char *v = tg_schema_scalar(l, tg_node_value(n, i), "a cell");
		if (k == NULL || v == NULL)
			continue;
		r->keys[r->ncells] = k;
		r->cells[r->ncells++] = v;
	}
}

static void
load_groups(tg_load *l, tg_form *f, const tg_node *seq)
{
	tg_arena *a = &l->data->arena;
	f->groups = TG_ARENA_ARRAY(a, tg_form_group, seq->n);
	for (size_t i = 0; i < seq->n; i++) {
		const tg_node *n = seq->items[i];
		if (!tg_schema_map(l, n, "group", group_keys))
			continue;
		tg_form_group *g = &f->groups[f->ngroups++];
		g->pos = n->pos;
		g->title = tg_schema_str(l, n, "title", "group", false);
		g->blank = count(l, n, "blank", "a group's blank rows", 500);
		const tg_node *rows = list(l, n, "rows", "group");
		if (rows != NULL) {
			g->rows = TG_ARENA_ARRAY(a, tg_form_row, rows->n);
			for (size_t k = 0; k < rows->n; k++)
				load_static_row(l, &g->rows[g->nrows++], rows->items[k]);
		}
		g->chapters = tg_schema_strlist(l, n, "chapters", "group", &g->nchapters, &g->chapter_pos);
	}
}

static void
load_examples(tg_load *l, tg_form *f, const tg_node *seq)
{
	tg_arena *a = &l->data->arena;
	f->examples = TG_ARENA_ARRAY(a, tg_form_example, seq->n);
	for (size_t i = 0; i < seq->n; i++) {
		const tg_node *n = seq->items[i];
		if (!tg_schema_map(l, n, "example", example_keys))
			continue;
		tg_form_example *e = &f->examples[f->nexamples];
		memset(e, 0, sizeof *e);
		e->pos = n->pos;
		e->key = tg_schema_str(l, n, "key", "example", true);
		const tg_node *split = tg_node_get(n, "split");
		if (split != NULL)
			tg_schema_bool(l, split, "an example's split", &e->split);
		const tg_node *set = tg_node_get(n, "set");
		if (set != NULL) {
			tg_form_row r = {0};
			load_static_row(l, &r, set);
			e->set_keys = r.keys;
			e->set_values = r.cells;
			e->nset = r.ncells;
		}
		if (e->key != NULL)
			f->nexamples++;
	}
}

static void
load_rows(tg_load *l, tg_form *f, const tg_node *rows)
{
	if (!tg_schema_map(l, rows, "rows", rows_keys))
		return;
	const tg_node *from = tg_node_get(rows, "from");
	if (from == NULL)
		tg_diag_error(l->diag, rows->pos, "rows have no 'from' (baseline, requirements, chapters, "
		    "static, blank or examples)");
	f->source = (tg_form_source)enum_of(l, rows, "from", "row source", sources,
	    sizeof sources / sizeof *sources, TG_FORM_FROM_STATIC);
	f->under = tg_schema_str(l, rows, "under", "rows", f->source == TG_FORM_FROM_BASELINE);
	if (f->under != NULL)
		f->under_pos = tg_node_get(rows, "under")->pos;
	const tg_node *texts = tg_node_get(rows, "texts");
	if (texts != NULL && !tg_node_is_null(texts))
		load_texts(l, f, texts);
	const tg_node *tags = tg_node_get(rows, "group_tags");
	if (tags != NULL && !tg_node_is_null(tags))
		load_group_tags(l, f, tags);
	f->other_group = tg_schema_str(l, rows, "other_group", "rows", false);
	if (f->other_group == NULL)
		f->other_group = "その他";
	const tg_node *groups = list(l, rows, "groups", "rows");
	if (groups != NULL)
		load_groups(l, f, groups);
	const tg_node *ex = list(l, rows, "examples", "rows");
	if (ex != NULL)
		load_examples(l, f, ex);
	f->blank_after = count(l, rows, "blank_after", "rows' blank_after", 500);
	f->room = count(l, rows, "room", "rows' room", 100);
	if ((f->source == TG_FORM_FROM_STATIC || f->source == TG_FORM_FROM_BLANK) && f->ngroups == 0)
		tg_diag_error(l->diag, rows->pos, "rows from %s need 'groups'", sources[f->source]);
	f->example_into = tg_schema_str(l, rows, "into", "rows", f->source == TG_FORM_FROM_EXAMPLES);
	if (f->source == TG_FORM_FROM_EXAMPLES && f->nexamples == 0)
		tg_diag_error(l->diag, rows->pos, "rows from examples need 'examples'");
}

static void
load_summary(tg_load *l, tg_form *f, const tg_node *n)
{
	if (!tg_schema_map(l, n, "summary", summary_keys))
		return;
	f->summary = (tg_form_summary_kind)enum_of(l, n, "kind", "summary kind", summaries, 3,
	    TG_FSUM_NONE);
	f->summary_sheet = sheet_name(l, n, "sheet", "summary", f->summary != TG_FSUM_NONE);
	f->summary_choice = tg_schema_str(l, n, "choice", "summary", f->summary != TG_FSUM_NONE);
	f->scoring = tg_schema_str(l, n, "scoring", "summary", f->summary == TG_FSUM_SCORE);
	if (f->scoring != NULL)
		f->scoring_pos = tg_node_get(n, "scoring")->pos;
	const tg_node *chart = tg_node_get(n, "chart");
	if (chart != NULL)
		tg_schema_bool(l, chart, "a summary's chart", &f->chart);
	const tg_node *bands = list(l, n, "bands", "summary");
	if (bands != NULL) {
		f->bands = TG_ARENA_ARRAY(&l->data->arena, tg_form_band, bands->n);
		for (size_t i = 0; i < bands->n; i++) {
			const tg_node *b = bands->items[i];
			if (!tg_schema_map(l, b, "band", band_keys))
				continue;
			tg_form_band *fb = &f->bands[f->nbands++];
			fb->pos = b->pos;
			fb->label = tg_schema_str(l, b, "label", "band", true);
			fb->advice = tg_schema_str(l, b, "advice", "band", false);
		}
	}
	if (f->summary == TG_FSUM_SCORE && f->nbands == 0)
		tg_diag_error(l->diag, n->pos, "a score summary needs 'bands' (one per band of the scoring)");
}

/* Cross-checks inside one form: column references, roles. */
static void
check_form(tg_load *l, tg_form *f)
{
	for (size_t i = 0; i < f->ncolumns; i++) {
		const tg_form_column *c = &f->columns[i];
		if (c->kind == TG_FCOL_CHOICE && c->choice && tg_form_choice_by_name(f, c->choice) == NULL)
			tg_diag_error(l->diag, c->pos, "column '%s' names choice '%s', which is not defined",
			    c->key, c->choice);
		if (c->kind == TG_FCOL_SCORE && c->choice) {
			const tg_form_column *src = tg_form_column_by_key(f, c->choice);
			if (src == NULL || src->kind != TG_FCOL_CHOICE)
				tg_diag_error(l->diag, c->pos, "column '%s' scores '%s', which is not a choice "
				    "column", c->key, c->choice);
		}
		if (c->fill != NULL && f->role != TG_FORM_ROLE_PLAN)
			tg_diag_error(l->diag, c->pos, "'fill' is for forms of role plan");
		bool data_rows = f->source == TG_FORM_FROM_BASELINE ||
		    f->source == TG_FORM_FROM_REQUIREMENTS || f->source == TG_FORM_FROM_CHAPTERS;
		if (c->kind == TG_FCOL_VALUE && c->value != TG_FVAL_NONE && c->value != TG_FVAL_NUMBER &&
		    c->value != TG_FVAL_GROUP && !data_rows)
			tg_diag_error(l->diag, c->pos, "value '%s' needs rows from data (baseline, "
			    "requirements or chapters)", values[c->value]);
	}
	for (size_t g = 0; g < f->ngroups; g++)
		for (size_t r = 0; r < f->groups[g].nrows; r++) {
			const tg_form_row *row = &f->groups[g].rows[r];
			for (size_t k = 0; k < row->ncells; k++)
				if (tg_form_column_by_key(f, row->keys[k]) == NULL)
					tg_diag_error(l->diag, row->pos, "row names column '%s', which is not "
					    "defined", row->keys[k]);
		}
	for (size_t e = 0; e < f->nexamples; e++)
		for (size_t k = 0; k < f->examples[e].nset; k++)
			if (tg_form_column_by_key(f, f->examples[e].set_keys[k]) == NULL)
				tg_diag_error(l->diag, f->examples[e].pos, "example sets column '%s', which is "
				    "not defined", f->examples[e].set_keys[k]);
	if (f->example_into != NULL && tg_form_column_by_key(f, f->example_into) == NULL)
		tg_diag_error(l->diag, f->pos, "rows go 'into' column '%s', which is not defined",
		    f->example_into);
	bool has_key = false;
	for (size_t i = 0; i < f->ncolumns; i++)
		has_key |= f->columns[i].value == TG_FVAL_KEY;
	if ((f->role == TG_FORM_ROLE_SELF_ASSESSMENT || f->role == TG_FORM_ROLE_CHECKLIST) &&
	    (!has_key || f->summary_choice == NULL))
		tg_diag_error(l->diag, f->pos, "a form that assess reads needs a 'key' column and a "
		    "summary naming its choice column");
	if (f->role == TG_FORM_ROLE_SELF_ASSESSMENT && f->source != TG_FORM_FROM_BASELINE)
		tg_diag_error(l->diag, f->pos, "a self-assessment takes its rows from the baseline");
	if (f->role == TG_FORM_ROLE_CHECKLIST && f->source != TG_FORM_FROM_REQUIREMENTS)
		tg_diag_error(l->diag, f->pos, "a checklist takes its rows from the requirements");
	if (f->role == TG_FORM_ROLE_PLAN && f->source != TG_FORM_FROM_BLANK)
		tg_diag_error(l->diag, f->pos, "a plan takes blank rows by group");
	if (f->summary_choice != NULL) {
		const tg_form_column *c = tg_form_column_by_key(f, f->summary_choice);
		if (c == NULL || c->kind != TG_FCOL_CHOICE)
			tg_diag_error(l->diag, f->pos, "the summary's choice '%s' is not a choice column",
			    f->summary_choice);
	}
}

static void
load_form(tg_load *l, const tg_node *root)
{
	tg_arena *a = &l->data->arena;
	if (!tg_schema_map(l, root, "form", form_keys))
		return;
	const tg_node *kind = tg_node_get(root, "kind");
	if (kind == NULL || !tg_node_is_word(kind, "form")) {
		tg_diag_error(l->diag, kind ? kind->pos : root->pos, "a file under templates/forms/ must "
		    "say 'kind: form'");
		return;
	}
	tg_form *f = TG_ARENA_NEW(a, tg_form);
	f->path = l->file;
	f->pos = root->pos;
	const tg_node *id = tg_node_get(root, "id");
	if (id == NULL)
		tg_diag_error(l->diag, root->pos, "form has no 'id'");
	else if (tg_schema_scalar(l, id, "form id") && tg_schema_object_id(l, id, "form id"))
		f->id = id->str;
	f->title = tg_schema_str(l, root, "title", "form", true);
	f->file = tg_schema_str(l, root, "file", "form", true);
	if (f->file != NULL && (strchr(f->file, '/') != NULL || f->file[0] == '.' ||
	    strlen(f->file) < 6 || strcmp(f->file + strlen(f->file) - 5, ".xlsx") != 0)) {
		tg_diag_error(l->diag, tg_node_get(root, "file")->pos, "file '%s' must be a plain "
		    "NAME.xlsx", f->file);
		f->file = NULL;
	}
	f->sheet = sheet_name(l, root, "sheet", "form", true);
	f->description = tg_schema_str(l, root, "description", "form", false);
	f->role = (tg_form_role)enum_of(l, root, "role", "role", roles, 4, TG_FORM_ROLE_NONE);
	static const char *const orientations[] = {"portrait", "landscape"};
	f->landscape = enum_of(l, root, "orientation", "orientation", orientations, 2, 0) == 1;
	f->intro = tg_schema_strlist(l, root, "intro", "form", &f->nintro, NULL);
	const tg_node *n;
	if ((n = list(l, root, "fields", "form")) != NULL)
		load_fields(l, f, n);
	if ((n = list(l, root, "choices", "form")) != NULL)
		load_choices(l, f, n);
	if ((n = list(l, root, "columns", "form")) != NULL)
		load_columns(l, f, n);
	if (f->ncolumns == 0)
		tg_diag_error(l->diag, root->pos, "form has no columns");
	if ((n = tg_node_get(root, "rows")) != NULL)
		load_rows(l, f, n);
	else
		tg_diag_error(l->diag, root->pos, "form has no 'rows'");
	if ((n = tg_node_get(root, "summary")) != NULL)
		load_summary(l, f, n);
	if (f->summary_sheet != NULL && f->sheet != NULL && strcmp(f->summary_sheet, f->sheet) == 0)
		tg_diag_error(l->diag, tg_node_get(root, "summary")->pos, "the summary needs a sheet of "
		    "its own");
	check_form(l, f);
	if (f->id == NULL)
		return;
	if (tg_data_form(l->data, f->id) != NULL) {
		tg_diag_error(l->diag, id->pos, "form id '%s' is used twice (also in %s)", f->id,
		    tg_data_form(l->data, f->id)->path);
		return;
	}
	TG_BUF_PUSH(&l->data->forms, tg_form *, f);
	tg_map_put(&l->data->form_by_id, f->id, f);
}

int
tg_form_load_text(tg_data *d, tg_diag *diag, const char *display, const char *text, size_t len)
{
	const char *file = tg_arena_strdup(&d->arena, display);
	tg_diag_add_source(diag, file, text, len);
	size_t before = tg_diag_errors(diag);
	tg_node *root = tg_yaml_parse(&d->arena, diag, file, text, len);
	if (root == NULL)
		return TG_EXIT_INVALID;
	tg_load l = {d, diag, file, file};
	load_form(&l, root);
	return tg_diag_errors(diag) > before ? TG_EXIT_INVALID : TG_EXIT_OK;
}

int
tg_form_load_dir(tg_data *d, tg_diag *diag)
{
	char *dir = tg_fs_join(d->root, "templates/forms");
	tg_buf files = TG_BUF_INIT;
	int rc = TG_EXIT_OK;
	if (!tg_fs_is_dir(dir))
		goto out;
	if (!tg_fs_list(dir, ".yaml", &files)) {
		tg_diag_error(diag, tg_pos_at(NULL, 0, 0), "%s: cannot read: %s", dir, strerror(errno));
		rc = TG_EXIT_IO;
		goto out;
	}
	for (size_t i = 0; i < TG_BUF_COUNT(&files, char *); i++) {
		const char *path = TG_BUF_AT(&files, char *, i);
		/* Opened for use: a broken form must not stop the other commands. */
		tg_diag *to = d->lenient_profiles ? tg_diag_new() : diag;
		size_t before = TG_BUF_COUNT(&d->forms, tg_form *);
		tg_buf text = TG_BUF_INIT;
		tg_fs_status st = tg_fs_read(path, TG_FS_MAX_INPUT, &text);
		int r;
		if (st == TG_FS_OK) {
			r = tg_form_load_text(d, to, path, text.data ? text.data : "", text.len);
		} else {
			tg_diag_error(to, tg_pos_at(path, 0, 0), "%s", st == TG_FS_TOO_BIG ?
			    "file is larger than the input limit" : strerror(errno));
			r = st == TG_FS_TOO_BIG ? TG_EXIT_INVALID : TG_EXIT_IO;
		}
		tg_buf_free(&text);
		if (to != diag) {
			if (tg_diag_errors(to) > 0) {
				const char *id = TG_BUF_COUNT(&d->forms, tg_form *) > before ?
				    TG_BUF_AT(&d->forms, tg_form *, before)->id : NULL;
				tg_form_set_aside(d, diag, tg_arena_strdup(&d->arena, path), id);
			}
			tg_diag_free(to);
			r = TG_EXIT_OK;
		}
		if (r > rc)
			rc = r;
	}
out:
	tg_fs_list_free(&files);
	free(dir);
	return rc;
}

const tg_form_column *
tg_form_column_by_key(const tg_form *f, const char *key)
{
	for (size_t i = 0; i < f->ncolumns; i++)
		if (f->columns[i].key != NULL && strcmp(f->columns[i].key, key) == 0)
			return &f->columns[i];
	return NULL;
}

const tg_form_choice *
tg_form_choice_by_name(const tg_form *f, const char *name)
{
	for (size_t i = 0; i < f->nchoices; i++)
		if (f->choices[i].name != NULL && strcmp(f->choices[i].name, name) == 0)
			return &f->choices[i];
	return NULL;
}

tg_form *
tg_data_form(const tg_data *d, const char *id)
{
	return tg_map_get(&d->form_by_id, id);
}

void
tg_form_set_aside(tg_data *d, tg_diag *diag, const char *path, const char *id)
{
	tg_broken_form b = {path, id};
	TG_BUF_PUSH(&d->broken_forms, tg_broken_form, b);
	size_t n = TG_BUF_COUNT(&d->forms, tg_form *), kept = 0;
	for (size_t i = 0; i < n; i++) {
		tg_form *f = TG_BUF_AT(&d->forms, tg_form *, i);
		if (strcmp(f->path, path) != 0)
			TG_BUF_AT(&d->forms, tg_form *, kept++) = f;
	}
	tg_buf_truncate(&d->forms, kept * sizeof(tg_form *));
	tg_map_free(&d->form_by_id);
	tg_map_init(&d->form_by_id);
	for (size_t i = 0; i < kept; i++) {
		tg_form *f = TG_BUF_AT(&d->forms, tg_form *, i);
		tg_map_put(&d->form_by_id, f->id, f);
	}
	tg_diag_warning(diag, tg_pos_at(path, 0, 0), "form file set aside: it does not load or check "
	    "('totsugo validate' lists its problems)");
}

const tg_broken_form *
tg_data_broken_form(const tg_data *d, const char *id)
{
	for (size_t i = 0; id != NULL && i < TG_BUF_COUNT(&d->broken_forms, tg_broken_form); i++) {
		const tg_broken_form *b = &TG_BUF_AT(&d->broken_forms, tg_broken_form, i);
		if (b->id != NULL && strcmp(b->id, id) == 0)
			return b;
	}
	return NULL;
}
