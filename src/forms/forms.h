/* Forms laid out for one industry (and company, and level): the rows,
 * groups, header values and pull-down lists of a form description
 * (model/form.h), ready for the XLSX writer (render/forms/) and for
 * reading back (assess/).
 *
 *   scoring.c  — a baseline's scoring rules (meta.<key>: answers and
 *                their points, maximum, result bands);
 *   sheet.c    — tg_fsheet: the laid-out form;
 *   check.c    — the checks `validate` runs on forms against every
 *                industry. */
#ifndef TG_FORMS_H
#define TG_FORMS_H

#include <stdbool.h>
#include <stddef.h>

#include "../model/form.h"
#include "../model/model.h"

/* ---- scoring (scoring.c) ---- */

typedef struct tg_score_band {
	bool has_min, has_max;
	double min, max;
	tg_pos pos;
} tg_score_band;

typedef struct tg_scoring {
	const char *key;		/* meta key (app3) */
	tg_form_option *answers;	/* label and score, in order */
	size_t nanswers;
	double max_score;
	tg_score_band *bands;		/* best first, as in the data */
	size_t nbands;
} tg_scoring;

/* Reads meta.<key> of a catalog: answers [{label, score}], max_score,
 * result_bands [{min?, max?}].  Reports what is malformed at its position,
 * a missing meta.<key> at `ref` (where a form names it), and returns false. */
bool tg_scoring_read(const tg_catalog *c, const char *key, tg_pos ref, tg_arena *a,
    tg_scoring *out, tg_diag *diag);
/* The band of a score (index into bands), or -1 when none holds it. */
int tg_scoring_band(const tg_scoring *s, double score);
/* 「100点」「70〜99点」「49点以下」 */
void tg_scoring_band_range(const tg_score_band *b, tg_buf *out);

/* How an answer counts as a gap, from its score among the options:
 * the best score is no gap, a score between 0 and the best is partial,
 * 0 is missing, a negative score is unknown (わからない); an option
 * without a score is excluded (対象外). */
typedef enum tg_gap_kind {
	TG_GAP_NONE,
	TG_GAP_PARTIAL,
	TG_GAP_MISSING,
	TG_GAP_UNKNOWN,
	TG_GAP_UNANSWERED,	/* the cell was left blank */
	TG_GAP_EXCLUDED
} tg_gap_kind;

tg_gap_kind tg_option_gap(const tg_form_option *opts, size_t n, size_t i);

/* ---- the laid-out form (sheet.c) ---- */

/* What a form is laid out for. */
typedef struct tg_form_ctx {
	const tg_data *data;
	const tg_industry *ind;
	const tg_profile *profile;	/* NULL: none */
	int level;			/* guideline level index, or TG_LEVEL_NONE: every level */
} tg_form_ctx;

typedef struct tg_frow {
	bool heading;		/* a group heading (its title in cells[0]) */
	size_t group;
	const tg_item *item;	/* rows from data */
	const char *key;	/* the key cell's text (rows from data) */
	const char **cells;	/* [ncolumns]; NULL: empty */
} tg_frow;

typedef struct tg_fgroup {
	const char *title;	/* NULL: no heading row */
	size_t first, count;	/* its body rows in rows[] (after the heading) */
	const tg_form_group *def;	/* STATIC/BLANK groups: the definition */
} tg_fgroup;

/* A choice's options once resolved (scoring choices take the baseline's). */
typedef struct tg_fchoice {
	const tg_form_choice *def;
	const tg_form_option *options;
	size_t noptions;
} tg_fchoice;

typedef struct tg_fsheet {
	const tg_form *form;
	tg_form_ctx ctx;
	const char *file;	/* output file name: the form's, with -LEVEL for requirements */
	const char *date;	/* document date (YYYY-MM-DD) from the data */
	const char **fields;	/* [nfields] static values (NULL: blank or a formula) */
	tg_fchoice *choices;	/* [form->nchoices] */
	tg_scoring scoring;	/* SCORE summaries */
	tg_frow *rows;
	size_t nrows;
	tg_fgroup *groups;
	size_t ngroups;
	unsigned marks;		/* 1 << tg_origin of the marked items shown */
	size_t skipped_unknown;	/* requirements left out: level unknown */
	tg_arena arena;
} tg_fsheet;

/* A row assess writes into a plan: cells by fill name. */
enum {
	TG_FILL_AREA,
	TG_FILL_ISSUE,
	TG_FILL_MEASURE,
	TG_FILL_URGENCY,
	TG_FILL_IMPORTANCE,
	TG_FILL_SOURCE,
	TG_FILL_COUNT
};

typedef struct tg_fill_row {
	size_t group;		/* index into the plan's groups */
	const char *cells[TG_FILL_COUNT];
} tg_fill_row;

/* Lays a form out.  fills (plans only, may be NULL) are placed in their
 * groups, followed by the form's `room` empty rows.  Returns NULL after
 * reporting when the data does not fit the form (validate catches that
 * first), or when it lists requirements and the industry has no guideline
 * (tg_form_applies says so beforehand). */
tg_fsheet *tg_fsheet_build(const tg_form *f, const tg_form_ctx *ctx, const tg_fill_row *fills,
    size_t nfills, tg_diag *diag);
void tg_fsheet_free(tg_fsheet *s);
/* Whether a form applies to an industry: requirements need a guideline. */
bool tg_form_applies(const tg_form *f, const tg_industry *ind);
/* Index of a fill name (area …), or -1. */
int tg_fill_index(const char *name);
/* The group of a plan a regulation chapter's gaps go to (the first group
 * naming the chapter, else the first group). */
size_t tg_fsheet_plan_group(const tg_form *plan, const tg_item *chapter);

/* ---- provenance (the shared wording of render/provenance.h) ---- */

/* The 出所 cell of an item: 推定 (title inferred), 本ツール作成 (ours), or
 * "" for the guideline's own and imported items. */
const char *tg_form_prov_mark(const tg_item *it);

/* ---- checks (check.c) ---- */

/* Every form against every industry: items named by `under` and `texts`
 * exist in the baseline and `texts` name rows of the form, the scoring
 * meta is complete and has as many bands as the form, plan chapters are
 * regulation chapters.  Data opened for use (lenient): a form that fails
 * is set aside with a warning instead.  Returns a TG_EXIT_* code. */
int tg_forms_check_data(tg_data *d, tg_diag *diag);

#endif
