/* `suggest --format html`: the review view as one self-contained page. */
#include "../escape.h"
#include "../../suggest/suggest.h"

static void
esc(tg_buf *out, const char *s)
{
	tg_esc_html_lines(out, s ? s : "");
}

void
tg_sg_render_html(const tg_sg_result *r, tg_buf *out)
{
	tg_html_begin(out, TG_HTML_STYLES);
	esc(out, r->source->title ? r->source->title : r->source->id);
	tg_buf_puts(out, " → 対応付けの提案</title>\n<style>\n"
	    "body{font-family:sans-serif;margin:1.5em;line-height:1.5}\n"
	    "table{border-collapse:collapse;width:100%;margin-bottom:1.5em}\n"
	    "th,td{border:1px solid #999;padding:.3em .5em;vertical-align:top;text-align:left}\n"
	    "th{background:#eee;white-space:nowrap}td.num{text-align:right;white-space:nowrap}\n"
	    "tr.item td{background:#f6f6f0}\n"
	    "@media print{body{margin:0;font-size:9pt}tr{break-inside:avoid}thead{display:table-header-group}}\n"
	    "</style>\n</head>\n<body>\n<h1>");
	esc(out, r->source->title ? r->source->title : r->source->id);
	tg_buf_puts(out, " → ");
	esc(out, r->target->title ? r->target->title : r->target->id);
	tg_buf_puts(out, " 対応付けの提案</h1>\n");
	tg_buf_printf(out, "<p>文章の類似度による提案(未確認)。各項目につき類似度 %.2f 以上の上位 %zu 件。"
	    "類似度は 0〜1、強度は類似度×10 の仮の値。</p>\n", r->min_score, r->top);
	tg_buf_puts(out, "<table>\n<thead><tr><th>順位</th><th>対応先の項目</th><th>類似度</th><th>強度</th>"
	    "<th>共通する語</th></tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < r->nrows; i++) {
		const tg_sg_row *row = &r->rows[i];
		const tg_item *s = row->source;
		tg_buf_puts(out, "<tr class=\"item\"><td colspan=\"5\"><b>");
		esc(out, s->ref);
		tg_buf_puts(out, " ");
		esc(out, s->title ? s->title : "不明");
		tg_buf_puts(out, "</b>");
		if (s->text) {
			tg_buf_puts(out, "<br>");
			esc(out, s->text);
		}
		tg_buf_puts(out, "</td></tr>\n");
		if (row->ncands == 0) {
			tg_buf_puts(out, row->empty ? "<tr><td colspan=\"5\">項目名も内容も不明のため提案なし</td></tr>\n" :
			    "<tr><td colspan=\"5\">類似度が閾値以上の候補なし</td></tr>\n");
			continue;
		}
		for (size_t k = 0; k < row->ncands; k++) {
			const tg_sg_cand *c = &row->cands[k];
			tg_buf_printf(out, "<tr><td class=\"num\">%zu</td><td>", k + 1);
			esc(out, c->target->ref);
			tg_buf_puts(out, " ");
			esc(out, c->target->title ? c->target->title : "不明");
			tg_buf_puts(out, " <small>");
			esc(out, c->target->id);
			tg_buf_printf(out, "</small></td><td class=\"num\">%.2f</td><td class=\"num\">%d</td><td>",
			    c->score, c->strength);
			esc(out, c->shared);
			tg_buf_puts(out, "</td></tr>\n");
		}
	}
	tg_buf_puts(out, "</tbody>\n</table>\n</body>\n</html>\n");
}
