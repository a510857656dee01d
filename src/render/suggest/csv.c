/* `suggest --format csv`: one row per candidate (rank 1..K), and one row
 * per item without a candidate; UTF-8 with a byte order mark for Excel. */
#include "../../suggest/suggest.h"
#include "../../util/csv.h"

void
tg_sg_render_csv(const tg_sg_result *r, tg_buf *out)
{
	tg_csv c;
	tg_buf_puts(out, TG_UTF8_BOM);
	tg_csv_init(&c, out, ',', true);
	static const char *const headers[] = {"業界項目ID", "番号", "項目", "順位", "対応先ID",
	    "対応先の番号", "対応先の項目", "類似度", "強度", "共通する語"};
	for (size_t i = 0; i < sizeof headers / sizeof *headers; i++)
		tg_csv_field(&c, headers[i]);
	tg_csv_end_row(&c);
	for (size_t i = 0; i < r->nrows; i++) {
		const tg_sg_row *row = &r->rows[i];
		const tg_item *s = row->source;
		for (size_t k = 0; k < row->ncands || (k == 0 && row->ncands == 0); k++) {
			tg_csv_field(&c, s->id);
			tg_csv_field(&c, s->ref);
			tg_csv_field(&c, s->title ? s->title : "不明");
			if (row->ncands == 0) {
				for (int e = 0; e < 6; e++)
					tg_csv_field(&c, NULL);
				tg_csv_field(&c, "(候補なし)");
				tg_csv_end_row(&c);
				break;
			}
			const tg_sg_cand *cd = &row->cands[k];
			tg_csv_fieldf(&c, "%zu", k + 1);
			tg_csv_field(&c, cd->target->id);
			tg_csv_field(&c, cd->target->ref);
			tg_csv_field(&c, cd->target->title ? cd->target->title : "不明");
			tg_csv_fieldf(&c, "%.3f", cd->score);
			tg_csv_fieldf(&c, "%d", cd->strength);
			tg_csv_field(&c, cd->shared);
			tg_csv_end_row(&c);
		}
	}
}
