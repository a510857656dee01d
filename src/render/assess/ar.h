/* `assess` outputs (render/assess/): the report as sections of text and
 * tables (view.c), shared by Markdown (md.c) and HTML (html.c); JSON
 * (json.c); the workbook with the prefilled 様式3 and the gap list
 * (xlsx.c); files and options (assess.c). */
#ifndef TG_RENDER_AR_H
#define TG_RENDER_AR_H

#include "../../assess/assess.h"
#include "../../util/outset.h"

typedef struct tg_ar_table {
	size_t ncols;
	const char **headers;
	bool *narrow;		/* short values (numbers, 高/中/低): centred */
	const char **cells;	/* row-major */
	size_t nrows;
} tg_ar_table;

typedef struct tg_ar_section {
	const char *title;
	const char **paragraphs;
	size_t nparagraphs;
	tg_ar_table *table;	/* NULL: none */
} tg_ar_section;

typedef struct tg_ar_report {
	const char *title;
	const char **meta;	/* 「項目：値」 lines under the title */
	size_t nmeta;
	tg_ar_section *sections;
	size_t nsections;
	tg_ar_table *gaps;	/* the gap list (also a section), for the workbook */
	tg_arena arena;
} tg_ar_report;

tg_ar_report *tg_ar_build(const tg_assessment *as);
void tg_ar_free(tg_ar_report *r);
const char *tg_ar_cell(const tg_ar_table *t, size_t row, size_t col);

/* "book.xlsx:シート名!C7" or "file.csv:12:3" (malloc'ed). */
char *tg_ar_position(const tg_filled *f, tg_pos pos);
/* The stdout summary: "self-assessment 62/100 (…); checklist 45%; 23 gaps". */
void tg_ar_summary(const tg_assessment *as, tg_buf *out);

void tg_ar_md(const tg_ar_report *r, tg_buf *out);
void tg_ar_html(const tg_ar_report *r, tg_buf *out);
void tg_ar_json(const tg_assessment *as, tg_buf *out);
/* The workbook: the prefilled plan (様式3) and the gap list. */
bool tg_ar_xlsx(const tg_assessment *as, const tg_ar_report *r, tg_outset *set, const char *path,
    tg_diag *diag);

#endif
