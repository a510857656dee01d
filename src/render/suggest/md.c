/* `suggest --format md`: the review view as Markdown, one table per item. */
#include "../escape.h"
#include "../../suggest/suggest.h"

static void
item_label(tg_buf *out, const tg_item *it)
{
	tg_buf b = TG_BUF_INIT;
	tg_buf_printf(&b, "%s %s", it->ref, it->title ? it->title : "不明");
	tg_esc_md_text(out, b.data);
	tg_buf_free(&b);
}

void
tg_sg_render_md(const tg_sg_result *r, tg_buf *out)
{
	tg_buf_puts(out, "# ");
	tg_esc_md_text(out, r->source->title ? r->source->title : r->source->id);
	tg_buf_puts(out, " → ");
	tg_esc_md_text(out, r->target->title ? r->target->title : r->target->id);
	tg_buf_puts(out, " 対応付けの提案\n\n");
	tg_buf_printf(out, "文章の類似度による提案(未確認)。各項目につき類似度 %.2f 以上の上位 %zu 件。"
	    "類似度は 0〜1(1 は同じ語の構成)、強度は類似度×10 の仮の値。\n\n", r->min_score, r->top);
	for (size_t i = 0; i < r->nrows; i++) {
		const tg_sg_row *row = &r->rows[i];
		tg_buf_puts(out, "## ");
		item_label(out, row->source);
		tg_buf_puts(out, "\n\n");
		if (row->source->text) {
			tg_esc_md_text(out, row->source->text);
			tg_buf_puts(out, "\n\n");
		}
		if (row->ncands == 0) {
			tg_buf_puts(out, row->empty ? "項目名も内容も不明のため提案なし。\n\n" :
			    "類似度が閾値以上の候補なし。\n\n");
			continue;
		}
		tg_buf_puts(out, "| 順位 | 対応先の項目 | 類似度 | 強度 | 共通する語 |\n|---:|---|---:|---:|---|\n");
		for (size_t k = 0; k < row->ncands; k++) {
			const tg_sg_cand *c = &row->cands[k];
			tg_buf b = TG_BUF_INIT;
			tg_buf_printf(&b, "%s %s (%s)", c->target->ref,
			    c->target->title ? c->target->title : "不明", c->target->id);
			tg_buf_printf(out, "| %zu | ", k + 1);
			tg_esc_md_cell(out, b.data);
			tg_buf_printf(out, " | %.2f | %d | ", c->score, c->strength);
			tg_esc_md_cell(out, c->shared);
			tg_buf_puts(out, " |\n");
			tg_buf_free(&b);
		}
		tg_buf_putc(out, '\n');
	}
}
