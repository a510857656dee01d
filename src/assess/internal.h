/* What the files of assess/ share, and nothing outside includes. */
#ifndef TG_ASSESS_INTERNAL_H
#define TG_ASSESS_INTERNAL_H

#include "assess.h"

/* A sheet of the input holding a form's table. */
typedef struct tg_assess_sheet {
	tg_sheet sh;		/* owned */
	const tg_form *form;
	unsigned header_row;	/* 1-based row of the table's headers */
	unsigned *col;		/* [form->ncolumns]: 1-based column, 0 when absent */
	const char *industry;	/* the 業界 field's value, or NULL */
	size_t order;		/* input order (files, then sheets) */
} tg_assess_sheet;

/* Reads every file (XLSX: every worksheet; CSV/TSV: the sheet) and keeps
 * the sheets that hold a form assess reads.  Appends tg_assess_sheet to
 * out.  Returns a TG_EXIT_* code. */
int tg_assess_find(const tg_data *d, const char *const *files, size_t n, tg_buf *out,
    tg_diag *diag);
void tg_assess_sheets_free(tg_buf *sheets);
/* Keeps a sheet read by the caller when it holds one of the forms (moved
 * into out as a tg_assess_sheet), else frees it. */
void tg_assess_classify(const tg_data *d, tg_sheet *sh, tg_buf *out);
/* Checks every row of the table and fills out (answers, results).
 * Returns false when a cell is bad (all reported). */
bool tg_assess_read(const tg_assess_sheet *in, const tg_form_ctx *ctx, tg_arena *a,
    tg_filled *out, tg_diag *diag);

#endif
