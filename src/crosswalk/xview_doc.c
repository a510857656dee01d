/* The 突合表's view as a document: its title, the header block, the notes
 * on where rows and counterparts come from, and the legend. */
#include "xview_internal.h"

#include "../totsugo.h"

#include <string.h>

#include "../render/provenance.h"

/* The legend: what every value of the tables means, in our words; "%s"
 * is the baseline's short title. */
static const struct {
	const char *group, *term, *meaning;
} legend[] = {
	{"関係", "同等", "業界の項目と%sの項目が、同じ要求を定めている。"},
	{"関係", "IPAに包含", "%sの項目が、業界の項目の内容をすべて含む。その対策を実施すれば、"
	    "業界の項目も満たす。"},
	{"関係", "業界側が広い", "業界の項目が、%sの項目より多くを求める。足りない分は反映案や"
	    "自社の対策で補う。"},
	{"関係", "一部重複", "両者の内容が一部だけ重なる（%sの項目との重ならない部分は個別に確認する）。"},
	{"関係", "関係なし", "確認した結果、%sの項目と関係がない。"},
	{"強度", "0〜10", "%sの項目が業界の項目をどこまで満たすかの目安。10は完全に満たし、"
	    "0は満たさない。対応付けごとに付ける。"},
	{"状態", "確認済み", "すべての対応付けを、両方の本文に照らして人が確認した。"},
	{"状態", "提案（未確認）", "推定による対応付けで、まだ人が確認していない。"},
	{"状態", "未対応付け", "対応する箇所をまだ決めていない（理由は備考）。"},
	{"状態", "対応表なし", "この項目の行が対応表にない。"},
	{"対応箇所", "（関連：X 経由）", "直接の対応先 X から、%s内部の対応（付録どうしなど）を"
	    "1段だけたどった参考情報。対応の主張ではない。"},
	{"対応箇所", TG_VIEW_NONE, "その部分（本文・付録）に対応する箇所がない。灰色で示す。"},
	{"対応箇所", TG_PRINT_DASH, "該当しない（灰色）。"},
	{"反映案", "【追加】【修正】【変更なし】", "業界サンプル規程に条項を追加する／既存の条項を修正する"
	    "／変更しない。"},
	{"備考", "※データ品質", "項目のデータに注意点がある（内容は続けて記載）。"},
}, legend_compact[] = {
	{"関係（列）", "最も近い関係", "その項目の対応付けのうち最も近いもの（同等＞IPAに包含＞業界側が広い"
	    "＞一部重複＞関係なし）。個々の対応付けの関係と強度は、対応箇所の各行に記載する。"},
};

/* What the reader must know about where the rows and the counterparts come
 * from: guideline items that are inferred or ours, and the parts of the
 * baseline that are our reconstruction — notes under the header block and
 * entries of the legend. */
static void
origin_notes(tg_view *v, tg_buf *notes, tg_buf *entries, const tg_xtable *t)
{
	tg_buf s = TG_BUF_INIT;
	if (tg_view_has_marked_rows(t)) {
		tg_buf_puts(&s, "項目の" TG_ORIGIN_COLUMN "：");
		for (tg_origin o = TG_ORIGIN_INFERRED; o <= TG_ORIGIN_AUTHORED; o++)
			if (t->by_origin[o] > 0)
				tg_buf_printf(&s, "%s（%zu件）。", tg_origin_text_of(o)->legend, t->by_origin[o]);
		TG_BUF_PUSH(notes, const char *, tg_view_keep(v, s.data));
		tg_buf_clear(&s);
		tg_buf meaning = TG_BUF_INIT;
		for (tg_origin o = 0; o < TG_ORIGIN_COUNT; o++) {
			if (o != TG_ORIGIN_FACT && t->by_origin[o] == 0)
				continue;
			tg_origin_legend_entry(o, &s, &meaning);
			tg_legend_entry e = {TG_ORIGIN_COLUMN, tg_view_keep(v, s.data), tg_view_keep(v, meaning.data)};
			TG_BUF_PUSH(entries, tg_legend_entry, e);
			tg_buf_clear(&s);
			tg_buf_clear(&meaning);
		}
		tg_buf_free(&meaning);
	}
	if (t->authored_targets > 0) {
		tg_buf_printf(&s, "突合先の構成：%sの見出しと番号には、公表されている構成を本ツールが補って"
		    "再構成したもの（本表の対応先のうち%zu件）を含む。", tg_view_base_name(t), t->authored_targets);
		if (t->official_targets > 0)
			tg_buf_printf(&s, "原本の番号が分かっている箇所は%s…%sとして併記した。",
			    TG_ORIGIN_OFFICIAL_OPEN, TG_ORIGIN_OFFICIAL_CLOSE);
		TG_BUF_PUSH(notes, const char *, tg_view_keep(v, s.data));
		tg_buf_clear(&s);
	}
	if (t->official_targets > 0) {
		tg_legend_entry e = {"対応箇所", TG_ORIGIN_OFFICIAL_OPEN "…" TG_ORIGIN_OFFICIAL_CLOSE,
		    "本ツールが再構成した番号の箇所について、原本での番号。"};
		TG_BUF_PUSH(entries, tg_legend_entry, e);
	}
	tg_buf_free(&s);
}


static void
legend_entry(tg_view *v, tg_buf *entries, const char *group, const char *term,
    const char *meaning, const char *base)
{
	tg_buf s = TG_BUF_INIT;
	const char *mark = strstr(meaning, "%s");
	if (mark != NULL) {
		tg_buf_put(&s, meaning, (size_t)(mark - meaning));
		tg_buf_puts(&s, base);
		tg_buf_puts(&s, mark + 2);
	} else {
		tg_buf_puts(&s, meaning);
	}
	tg_legend_entry e = {group, term, tg_view_keep(v, s.data)};
	TG_BUF_PUSH(entries, tg_legend_entry, e);
	tg_buf_free(&s);
}

static void
field(tg_view *v, tg_buf *fields, const char *key, const char *a, const char *b)
{
	tg_buf s = TG_BUF_INIT;
	tg_buf_printf(&s, "%s%s%s", a ? a : "", a && b && *b ? " " : "", b ? b : "");
	tg_print_field f = {key, tg_view_keep(v, s.data)};
	TG_BUF_PUSH(fields, tg_print_field, f);
	tg_buf_free(&s);
}

/* Title, header block, notes and legend of the document. */
void
tg_view_document(tg_view *v, const tg_xtable *t, bool inverse, tg_xw_layout layout)
{
	tg_buf fields = TG_BUF_INIT, notes = TG_BUF_INIT, entries = TG_BUF_INIT, s = TG_BUF_INIT;
	tg_buf_printf(&s, "%s 突合表%s", t->guide->short_title ? t->guide->short_title : t->guide->title,
	    inverse ? "（逆引き）" : "");
	v->title = tg_view_keep(v, s.data);
	tg_buf_clear(&s);
	field(v, &fields, "業界", t->ind->title, NULL);
	field(v, &fields, "業界ガイドライン", t->guide->title, t->guide->version);
	field(v, &fields, "突合先", t->base->title, t->base->version);
	if (t->level >= 0) {
		tg_buf_printf(&s, "%s（%s以下の項目を累積）", t->guide->levels[t->level],
		    t->guide->levels[t->level]);
		field(v, &fields, "対象レベル", s.data, NULL);
		tg_buf_clear(&s);
		if (t->skipped_unknown > 0) {
			tg_buf_printf(&s, "%zu件", t->skipped_unknown);
			field(v, &fields, "レベル不明のため対象外とした項目", s.data, NULL);
			tg_buf_clear(&s);
		}
	} else {
		field(v, &fields, "対象レベル", "全項目", NULL);
	}
	const tg_catalog *dated[] = {t->guide, t->base};
	for (size_t i = 0; i < 2; i++) {
		if (dated[i]->date == NULL)
			continue;
		tg_buf_printf(&s, "%s%s %s", s.len ? "、" : "",
		    dated[i]->short_title ? dated[i]->short_title : dated[i]->title, dated[i]->date);
	}
	if (s.len > 0)
		field(v, &fields, "データの日付", s.data, NULL);
	tg_buf_clear(&s);
	tg_buf_printf(&s, "totsugo %s", tg_version());
	field(v, &fields, "作成", s.data, NULL);
	tg_buf_clear(&s);
	const char *base = tg_view_base_name(t);
	tg_buf_printf(&s, "関係は、業界の項目から見た%sの項目との関係。関係・強度・状態の読み方は凡例を参照。",
	    base);
	TG_BUF_PUSH(&notes, const char *, tg_view_keep(v, s.data));
	tg_buf_clear(&s);
	for (size_t i = 0; i < sizeof legend / sizeof legend[0]; i++)
		legend_entry(v, &entries, legend[i].group, legend[i].term, legend[i].meaning, base);
	if (layout == TG_LAYOUT_COMPACT && !inverse)
		for (size_t i = 0; i < sizeof legend_compact / sizeof legend_compact[0]; i++)
			legend_entry(v, &entries, legend_compact[i].group, legend_compact[i].term,
			    legend_compact[i].meaning, base);
	origin_notes(v, &notes, &entries, t);

	v->doc.title = v->title;
	v->doc.fields = tg_arena_memdup(&v->arena, fields.data, fields.len);
	v->doc.nfields = TG_BUF_COUNT(&fields, tg_print_field);
	v->doc.notes = tg_arena_memdup(&v->arena, notes.data, notes.len);
	v->doc.nnotes = TG_BUF_COUNT(&notes, const char *);
	v->doc.legend = tg_arena_memdup(&v->arena, entries.data, entries.len);
	v->doc.nlegend = TG_BUF_COUNT(&entries, tg_legend_entry);
	v->doc.legend_name = "凡例";
	v->doc.subject = "突合表";
	v->doc.date = t->guide->date;
	tg_buf_free(&fields);
	tg_buf_free(&notes);
	tg_buf_free(&entries);
	tg_buf_free(&s);
}
