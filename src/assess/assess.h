/* `assess`: filled forms read back (the 自社診断 and the industry
 * checklist, as XLSX or as the CSV/TSV a spreadsheet saves), scored by the
 * forms' rules, and their gaps — each with the regulation clauses and
 * industry proposals that address it — ordered by priority and laid out
 * as a prefilled 様式3 対策実行計画書.
 *
 *   read.c    — finding the forms' tables in the sheets and checking every
 *               cell (positions book.xlsx:シート名!C7 / file.csv:ROW:COL);
 *   remedy.c  — gap → clauses and proposals (tg_assess_remedies);
 *   assess.c  — scores, progress, gaps, priority, the plan's rows.
 * See docs/forms.md. */
#ifndef TG_ASSESS_H
#define TG_ASSESS_H

#include <stdbool.h>
#include <stddef.h>

#include "../forms/forms.h"
#include "../load/sheet/sheet.h"

/* ---- gap → clauses and proposals (remedy.c) ---- */

/* A regulation clause that addresses an item, and how: the relationship
 * read from the item ("item REL clause"), the weakest on the path. */
typedef struct tg_remedy {
	const tg_item *clause;		/* a clause of the baseline's regulation templates */
	tg_relationship rel;
	int strength;			/* weakest on the path; -1 when unknown */
	const tg_item *via;		/* NULL: a direct pair; else the baseline item passed through */
} tg_remedy;

/* An industry proposal (反映案) that addresses an item: a crosswalk row's
 * proposal, or the own addition of an industry without a guideline. */
typedef struct tg_remedy_proposal {
	const tg_item *source;		/* the industry item whose row holds it; NULL: an addition */
	tg_action action;		/* TG_ACTION_ADD or TG_ACTION_AMEND */
	const tg_item *clause;		/* where it goes */
	const char *text;
	const char *label;		/* 「自工会 No.44」 or the industry's short title */
} tg_remedy_proposal;

typedef struct tg_remedies {
	tg_remedy *clauses;		/* closest relationship first, then strength, then order */
	size_t nclauses;
	tg_remedy_proposal *proposals;	/* crosswalk order */
	size_t nproposals;
} tg_remedies;

/* The clauses and proposals that address item (an industry requirement or
 * a baseline item such as a 自社診断 question) for an industry at a level
 * (TG_LEVEL_NONE: every level), through the stored crosswalks: the pairs
 * of the industry's crosswalks and the baseline's own crosswalks, in both
 * directions, and one step further through the baseline's crosswalks when
 * a pair ends on a baseline item that is not a clause.  Proposals: the
 * item's own, or, for a baseline item, those of in-scope industry items
 * placed on the clauses found, and the industry's own additions to them.
 * Arrays live in a. */
void tg_assess_remedies(const tg_data *d, const tg_industry *ind, int level, const tg_item *item,
    tg_arena *a, tg_remedies *out);
/* "3.1.1 情報資産の特定と機密性の評価", "基本方針 1 経営者の責任". */
const char *tg_assess_clause_name(const tg_data *d, tg_arena *a, const tg_item *clause);
/* The regulation chapter (template @chapter item) holding a clause. */
const tg_item *tg_assess_chapter_of(const tg_data *d, const tg_item *clause);

/* ---- reading filled forms (read.c) ---- */

typedef struct tg_answer {
	const tg_item *item;
	const char *key;	/* as the form shows it (No.4) */
	size_t group;		/* index into the form's layout groups */
	const char *value;	/* the option chosen; NULL: blank */
	int option;		/* its index; -1 when blank */
	tg_gap_kind gap;
	const char *remarks;	/* the row's other written cells, 「見出し：値」 joined by ／ (or NULL) */
	tg_pos pos;		/* the answer's cell */
} tg_answer;

typedef struct tg_group_result {
	const char *title;
	size_t items, answered;
	size_t *per_option;	/* [noptions] */
	double score, max;	/* SCORE */
	double progress;	/* RATIO: 0..1, or -1 when nothing counts */
} tg_group_result;

/* One filled form found in the input. */
typedef struct tg_filled {
	const tg_form *form;
	tg_fsheet *layout;	/* the form laid out for the industry (every level) */
	const tg_fchoice *choice;	/* the summarised choice's options */
	const char *where;	/* "book.xlsx:シート名" or "file.csv" */
	bool workbook;		/* read from XLSX: cells are named C7 */
	tg_answer *answers;	/* sheet order */
	size_t nanswers;
	tg_group_result *groups;	/* the layout's groups with answers */
	size_t ngroups;
	tg_group_result total;
	int band;		/* SCORE: index of the band, or -1 */
} tg_filled;

/* ---- the assessment (assess.c) ---- */

typedef struct tg_gap {
	const tg_filled *from;
	const tg_answer *answer;
	size_t rank;		/* 1 = first to address */
	const char *urgency;	/* 高 / 中 / 低 (suggested) */
	const char *importance;
	tg_remedies remedies;
	size_t plan_group;	/* group of the plan (様式3) it goes to */
	const char *source;	/* 自社診断 No.4 / 自工会 No.44 */
} tg_gap;

typedef struct tg_assessment {
	tg_form_ctx ctx;
	const char *level_name;	/* target level, or NULL */
	tg_filled *filled;
	size_t nfilled;
	tg_gap *gaps;		/* in priority order */
	size_t ngaps;
	const tg_form *plan;	/* the form of role plan, or NULL */
	tg_fsheet *plan_sheet;	/* it, prefilled with the gaps */
	tg_arena arena;
} tg_assessment;

typedef struct tg_assess_input {
	const char **files;
	size_t nfiles;
	const char *industry;	/* NULL: named by the sheets' 業界 field */
	const char *profile;
	const char *level;
} tg_assess_input;

/* Reads, checks and assesses the files.  Returns a TG_EXIT_* code; the
 * assessment (*out) only when it is TG_EXIT_OK. */
int tg_assess_run(tg_data *d, const tg_assess_input *in, tg_assessment **out, tg_diag *diag);
void tg_assess_free(tg_assessment *a);

/* Japanese words of gap kinds: 実施していない, 一部実施 … as answered, or 未回答. */
const char *tg_gap_label(tg_gap_kind k);

#endif
