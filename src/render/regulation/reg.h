/* `render`: the industry sample regulation in Markdown (md.c: one file
 * per chapter, the appendices, and the whole) and HTML (html.c: one
 * self-contained page); regulation.c names and writes the files. */
#ifndef TG_REG_RENDER_H
#define TG_REG_RENDER_H

#include "../../regulation/regulation.h"
#include "../../totsugo.h"

struct tg_outset;

/* One chapter; its heading at level `base` (1 in its own file, 2 in the
 * whole document). */
void tg_reg_md_chapter(const tg_regulation *r, size_t chapter, unsigned base, tg_buf *out);
/* The footnotes of the provenance marks a chapter's labels carry, for the
 * chapter's own file (the whole document explains them in 本書について). */
void tg_reg_md_chapter_notes(const tg_regulation *r, size_t chapter, tg_buf *out);
/* The appendices (対応表, 適用除外一覧, 改訂履歴, 用語の定義), headings at base. */
void tg_reg_md_appendices(const tg_regulation *r, unsigned base, tg_buf *out);
/* The whole document: title, 本書について, chapters, appendices. */
void tg_reg_md_document(const tg_regulation *r, tg_buf *out);
/* One page with a table of contents, anchors, print styles; no network. */
void tg_reg_html(const tg_regulation *r, tg_buf *out);

/* Where the Word document puts the industry item labels (with --labels). */
typedef enum tg_reg_labels {
	TG_REG_LABELS_NONE,
	TG_REG_LABELS_COMMENTS,	/* Word comments on the clause headings */
	TG_REG_LABELS_INLINE	/* a line after the clause, as in md and html */
} tg_reg_labels;

/* The whole document as a .docx (bytes into out; name for messages).
 * Returns false after reporting. */
bool tg_reg_docx(const tg_regulation *r, tg_reg_labels labels, tg_buf *out, const char *name,
    tg_diag *diag);
/* ---- the files (regulation.c, batch.c) ---- */

/* One regulation to write: what it is and where it goes. */
typedef struct tg_reg_target {
	const tg_profile *profile;	/* NULL: the industry's sample */
	tg_reg_spec spec;
	tg_reg_labels docx_labels;	/* where the Word document puts labels */
	char *dir;			/* malloc'ed */
} tg_reg_target;

/* The industry, profile (an id, or a file loaded into d and checked),
 * level and directory of one regulation; in a batch, o->output (else
 * out/ID) holds one directory per profile.  Returns a TG_EXIT_* code. */
int tg_reg_resolve(tg_data *d, const tg_render_options *o, const char *profile, bool batch,
    tg_reg_target *t, tg_diag *diag);
/* Builds the regulation and stages its files (TG_RF_* formats) in set. */
int tg_reg_stage(const tg_data *d, const tg_reg_target *t, unsigned formats,
    struct tg_outset *set, tg_diag *diag);
/* `render` with several profiles (batch.c). */
int tg_reg_batch(tg_data *d, const tg_render_options *o, tg_buf *report, tg_diag *diag);

/* Shared wording of both formats. */
#define TG_REG_ADD_MARK "業界追加"
#define TG_REG_AMEND_MARK "業界補足"
#define TG_REG_NO_EXCLUSIONS "適用除外とした条項はない。"
#define TG_REG_NO_TERMS "この業界について定義した用語はない。"
/* 付録A–D (i = 0..3): 付録A is 業界固有事項一覧 without a guideline. */
const char *tg_reg_appendix_title(const tg_regulation *r, size_t i);
extern const char *const tg_reg_appendix_ids[4];
/* The 付録A column of the industry items (or the industry's own). */
const char *tg_reg_xref_column(const tg_regulation *r);
/* Plain texts (no markup) of the appendices' cells. */
void tg_reg_xref_intro(const tg_regulation *r, tg_buf *out);
void tg_reg_xref_items(const tg_reg_xref *x, tg_buf *out);	/* one item per line */
void tg_reg_exclusion_reason(const tg_reg_exclusion *x, tg_buf *out);
void tg_reg_term_name(const tg_term *t, tg_buf *out);

#endif
