/* Reviewing a crosswalk in Excel: the review sheet's rows (export.c), the
 * workbook (render/review/xlsx.c), and reading it back (apply.c).
 *
 * One sheet row per pair (source item → target item) and one per source
 * item without a target.  A hidden key column holds the pair the row was
 * exported for ("2.1|app5/3.1.1", or "2.1|" for an item row), so that
 * apply tells an edited row from an added one and a changed id from a
 * copied row.  Apply starts from the crosswalk as it is in the data and
 * takes from the sheet every value the sheet shows; the rest (titles,
 * description, provenance) is kept. */
#ifndef TG_REVIEW_H
#define TG_REVIEW_H

#include <stdint.h>

#include "../model/model.h"
#include "../totsugo.h"

/* The review sheet's columns, in order. */
enum {
	TG_RV_KEY,
	TG_RV_SRC_ID,
	TG_RV_SRC_REF,
	TG_RV_SRC_TITLE,
	TG_RV_SRC_TEXT,
	TG_RV_TGT_ID,
	TG_RV_TGT_LABEL,
	TG_RV_TGT_TEXT,
	TG_RV_REL,
	TG_RV_STRENGTH,
	TG_RV_RATIONALE,
	TG_RV_STATUS,
	TG_RV_NOTE,
	TG_RV_ACTION,
	TG_RV_CLAUSE,
	TG_RV_PTEXT,
	TG_RV_PNOTE,
	TG_RV_ROWNOTE,
	TG_RV_NCOLS
};

#define TG_RV_SHEET "突合レビュー"
#define TG_RV_HELP_SHEET "記入方法"
#define TG_RV_SOURCE_LIST "業界項目一覧"
#define TG_RV_TARGET_LIST "対応先一覧"
#define TG_RV_META_SHEET "_totsugo"
/* Rows below the last one that get the pull-downs, for rows a reviewer adds. */
#define TG_RV_SPARE_ROWS 500

extern const char *const tg_rv_headers[TG_RV_NCOLS];
/* Columns a reviewer edits (the others are shown for reading only). */
bool tg_rv_editable(int col);

/* The labels of the pull-downs, and back (-1: not a label). */
extern const char *const tg_rv_rel_labels[TG_REL_COUNT];
extern const char *const tg_rv_rationale_labels[4];	/* [0] unused */
extern const char *const tg_rv_status_labels[3];	/* 提案, 確認済み, 対応なし */
extern const char *const tg_rv_action_labels[4];	/* [0] unused */
int tg_rv_label_index(const char *const *labels, size_t n, const char *s);

typedef struct tg_rv_row {
	const char *cells[TG_RV_NCOLS];
	bool first;		/* the first row of its source item */
	int strength;		/* -1: none */
} tg_rv_row;

typedef struct tg_rv_sheet {
	const tg_crosswalk *xw;
	const tg_catalog *source, *target;
	tg_rv_row *rows;
	size_t nrows;
	const tg_item **source_items;	/* for the pull-down of source ids */
	size_t nsource_items;
	const tg_item **target_items;
	size_t ntarget_items;
	char fingerprint[17];		/* of the crosswalk's canonical YAML */
	const char *date;		/* document date (the source catalog's), or NULL */
	tg_arena arena;
} tg_rv_sheet;

/* False, after reporting, for a crosswalk that is not a file's rows: an
 * inverse view (~ID) or a derived crosswalk (derive:), whose pairs come from
 * the crosswalks they are composed of (review those instead). */
bool tg_rv_reviewable(const tg_crosswalk *xw, tg_diag *diag);

/* The rows of a crosswalk's review sheet. */
tg_rv_sheet *tg_rv_build(const tg_data *d, const tg_crosswalk *xw);
void tg_rv_free(tg_rv_sheet *s);
/* FNV-1a of the crosswalk as tg_xw_write_yaml writes it, 16 hex digits. */
void tg_rv_fingerprint(const tg_crosswalk *xw, char out[17]);
/* The workbook, written to path (a temporary of an output set) through the
 * shared XLSX writer; name is the destination, for messages.  Returns a
 * TG_EXIT_* code. */
int tg_rv_render_xlsx(const tg_rv_sheet *s, const char *path, const char *name, tg_diag *diag);

/* What changed from o to n (changes.c): one line per pair added, removed
 * or changed (with the fields), per 対応なし and 反映案 added or removed. */
typedef struct tg_rv_counts {
	size_t added, removed, changed, proposals, unmapped;
} tg_rv_counts;
void tg_rv_changes(const tg_crosswalk *o, const tg_crosswalk *n, tg_buf *lines, tg_rv_counts *c);

#endif
