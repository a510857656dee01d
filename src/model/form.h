/* Forms (帳票): the workbooks of the guidance of small firms — 自社診断,
 * 業界チェックシート, 様式1/2/3, records such as the 情報資産管理台帳 —
 * each described by one YAML file under templates/forms/ (kind: form).
 * Loaded by load/form.c, laid out by forms/, written by render/forms/, read
 * back by assess/.  See docs/forms.md for the format. */
#ifndef TG_FORM_H
#define TG_FORM_H

#include <stdbool.h>
#include <stddef.h>

#include "../load/yaml.h"
#include "../util/diag.h"

/* What `assess` does with a form. */
typedef enum tg_form_role {
	TG_FORM_ROLE_NONE,		/* handed out and filled by hand only */
	TG_FORM_ROLE_SELF_ASSESSMENT,	/* scored answers (自社診断): assess reads it */
	TG_FORM_ROLE_CHECKLIST,		/* statuses per requirement: assess reads it */
	TG_FORM_ROLE_PLAN		/* the action plan assess prefills (様式3) */
} tg_form_role;

/* Where the rows of the table come from. */
typedef enum tg_form_source {
	TG_FORM_FROM_BASELINE,		/* leaves under a baseline item, grouped by its children */
	TG_FORM_FROM_REQUIREMENTS,	/* the industry guideline's requirements at the level */
	TG_FORM_FROM_CHAPTERS,		/* the regulation chapters (template @chapter items) */
	TG_FORM_FROM_STATIC,		/* rows written in the form file */
	TG_FORM_FROM_BLANK,		/* empty rows to fill, by group */
	TG_FORM_FROM_EXAMPLES		/* the industry's examples (記入例) */
} tg_form_source;

/* What a column shows. */
typedef enum tg_form_col_kind {
	TG_FCOL_VALUE,		/* a value of the row (from data or the form file): neutralised text */
	TG_FCOL_INPUT,		/* an empty cell to fill in */
	TG_FCOL_CHOICE,		/* an empty cell with a pull-down (data validation) */
	TG_FCOL_SCORE		/* our formula: the score of the row's choice */
} tg_form_col_kind;

/* Values a VALUE column may show for data rows. */
typedef enum tg_form_value {
	TG_FVAL_NONE,		/* static/example rows give it by the column key */
	TG_FVAL_KEY,		/* the row's key: the item's ref (its id where refs collide) */
	TG_FVAL_REF,
	TG_FVAL_TITLE,
	TG_FVAL_TEXT,		/* the form's own text for the item, else the item's text */
	TG_FVAL_LEVEL,
	TG_FVAL_MARK,		/* provenance mark: 推定 / 本ツール作成 */
	TG_FVAL_NUMBER,		/* running number 1, 2, … */
	TG_FVAL_GROUP		/* the group's title */
} tg_form_value;

typedef struct tg_form_option {
	const char *label;
	bool has_score;
	double score;
	tg_pos pos;
} tg_form_option;

/* A pull-down list: values written in the form, or the answers of a
 * baseline catalog's scoring (meta.<key>.answers). */
typedef struct tg_form_choice {
	const char *name;
	const char *scoring;	/* meta key of the baseline, or NULL */
	tg_form_option *options;
	size_t noptions;
	tg_pos pos;
} tg_form_choice;

typedef struct tg_form_column {
	const char *key;	/* unique in the form; static rows and fills name columns by it */
	const char *header;
	double width;		/* in characters of the body font */
	tg_form_col_kind kind;
	tg_form_value value;
	const char *choice;	/* CHOICE: the list; SCORE: the choice column's key */
	const char *input;	/* INPUT: text | date | number */
	const char *fill;	/* PLAN: what assess writes here (area, issue, measure …) */
	bool center;
	unsigned lines;		/* rows leave room for this many lines of writing (0: none) */
	tg_pos pos;
} tg_form_column;

/* A row written in the form file: cells by column key. */
typedef struct tg_form_row {
	const char **keys;
	const char **cells;
	size_t ncells;
	tg_pos pos;
} tg_form_row;

typedef struct tg_form_group {
	const char *title;
	tg_form_row *rows;	/* STATIC */
	size_t nrows;
	unsigned blank;		/* BLANK: empty rows */
	const char **chapters;	/* PLAN: regulation chapters whose gaps go here */
	tg_pos *chapter_pos;
	size_t nchapters;
	tg_pos pos;
} tg_form_group;

typedef struct tg_form_example {
	const char *key;	/* industry example key */
	bool split;		/* one row per 「、」-separated part */
	const char **set_keys;	/* cells set on its rows, by column key */
	const char **set_values;
	size_t nset;
	tg_pos pos;
} tg_form_example;

/* A line of the header block: a label and what goes next to it. */
typedef enum tg_form_field_value {
	TG_FFIELD_BLANK,	/* to fill in */
	TG_FFIELD_COMPANY,	/* the profile's company.name, else blank */
	TG_FFIELD_INDUSTRY,	/* the industry's title */
	TG_FFIELD_GUIDELINE,	/* the guideline's title and version */
	TG_FFIELD_BASELINE,	/* the baseline's title and version */
	TG_FFIELD_LEVEL,	/* the level of the rows (対象レベル) */
	TG_FFIELD_TOTAL,	/* SCORE summary: the total score (formula) */
	TG_FFIELD_BAND,		/* SCORE summary: the result band (formula) */
	TG_FFIELD_PROGRESS	/* RATIO summary: the overall progress (formula) */
} tg_form_field_value;

typedef struct tg_form_field {
	const char *label;
	tg_form_field_value value;
	tg_pos pos;
} tg_form_field;

typedef enum tg_form_summary_kind {
	TG_FSUM_NONE,
	TG_FSUM_SCORE,		/* points per group, total, band (the scoring's rules) */
	TG_FSUM_RATIO		/* per group: count per option, progress = weighted share */
} tg_form_summary_kind;

typedef struct tg_form_band {
	const char *label;	/* 判定 shown for the band */
	const char *advice;	/* what to do next, our words */
	tg_pos pos;
} tg_form_band;

typedef struct tg_form {
	const char *id;
	const char *title;
	const char *file;	/* output file name (NAME.xlsx; the level is added for requirements) */
	const char *sheet;	/* the table's sheet name */
	const char *description;
	tg_form_role role;
	bool landscape;
	const char **intro;	/* lines under the title */
	size_t nintro;
	tg_form_field *fields;
	size_t nfields;
	tg_form_choice *choices;
	size_t nchoices;
	tg_form_column *columns;
	size_t ncolumns;
	/* rows */
	tg_form_source source;
	const char *under;	/* BASELINE: the item whose leaves are rows; CHAPTERS: a filter */
	tg_pos under_pos;
	const char **text_ids;	/* BASELINE: the form's own texts, by item id */
	const char **texts;
	tg_pos *text_pos;
	size_t ntexts;
	const char **group_tags;	/* REQUIREMENTS: groups of ungrouped items by tag */
	const char **group_tag_titles;
	size_t ngroup_tags;
	const char *other_group;	/* REQUIREMENTS: title of the rest ("その他") */
	tg_form_group *groups;	/* STATIC, BLANK */
	size_t ngroups;
	tg_form_example *examples;	/* EXAMPLES */
	size_t nexamples;
	const char *example_into;	/* EXAMPLES: the column key that shows the example text */
	unsigned blank_after;	/* empty rows after the last row (EXAMPLES, …) */
	unsigned room;		/* PLAN: empty rows left after the gaps assess writes */
	/* summary */
	tg_form_summary_kind summary;
	const char *summary_sheet;	/* sheet holding the per-group summary */
	const char *summary_choice;	/* the choice column summarised */
	const char *scoring;	/* SCORE: meta key of the baseline (bands, maximum) */
	tg_pos scoring_pos;
	tg_form_band *bands;
	size_t nbands;
	bool chart;
	const char *path;	/* as shown in messages */
	tg_pos pos;
} tg_form;

/* A form file set aside when the data is opened for use rather than for
 * checking (tg_data_open_using): it did not load or check. */
typedef struct tg_broken_form {
	const char *path;
	const char *id;		/* NULL when not even that could be read */
} tg_broken_form;

/* Column and choice lookups (NULL when absent). */
const tg_form_column *tg_form_column_by_key(const tg_form *f, const char *key);
const tg_form_choice *tg_form_choice_by_name(const tg_form *f, const char *name);

#endif
