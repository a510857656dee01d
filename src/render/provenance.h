/* The Japanese wording of provenance, in one place: the 突合表's column
 * and header note, the regulation's label marks and footnotes, legends,
 * and whatever other output (.docx) says where an item comes from.  Only
 * what a reader needs is said: no file names, no catalog ids. */
#ifndef TG_RENDER_PROVENANCE_H
#define TG_RENDER_PROVENANCE_H

#include <stdbool.h>

#include "../model/model.h"
#include "../util/buf.h"

typedef struct tg_origin_text {
	const char *json;	/* "fact", "authored", "imported" (JSON source_provenance.kind) */
	const char *cell;	/* 突合表 column: 出典, 推定, 本ツール作成, 取込み */
	const char *mark;	/* after a label (〔自工会 No.9（LV1）＊〕); "" for none */
	const char *legend;	/* one sentence explaining the cell and the mark, without
				 * the final 「。」 (callers add counts) */
	const char *footnote;	/* the mark explained, for documents that carry it */
} tg_origin_text;

/* The wording of an origin. */
const tg_origin_text *tg_origin_text_of(tg_origin o);
/* The footnotes of the marks in a set (bit 1 << origin), one paragraph
 * each, plain text. */
void tg_origin_footnotes(unsigned marks, tg_buf *out, const char *sep);
/* Whether readers must be told (inferred or authored: not the guideline's
 * own words). */
bool tg_origin_marked(tg_origin o);

/* The 突合表 column header, and the heading of its header note. */
#define TG_ORIGIN_COLUMN "出所"
/* The note on the baseline's reconstructed parts (付録5 below the
 * chapters): what is ours and how the source's own numbering is shown. */
#define TG_ORIGIN_OFFICIAL_OPEN "〔原本："
#define TG_ORIGIN_OFFICIAL_CLOSE "〕"

#endif
