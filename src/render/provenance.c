#include "provenance.h"

static const tg_origin_text texts[TG_ORIGIN_COUNT] = {
	[TG_ORIGIN_FACT] = {"fact", "出典", "",
	    "「出典」は、ガイドライン又は公表資料に基づく項目である", ""},
	[TG_ORIGIN_INFERRED] = {"fact", "推定", "＊",
	    "「推定」（＊）は、項目の存在とレベルは公表資料で確認できるが、題目はその項目を参照する"
	    "他の資料から推定した話題であり、ガイドラインの文言ではない",
	    "＊印の項目は、題目をその項目を参照する他の資料から推定したものであり、ガイドラインの"
	    "文言ではない。"},
	[TG_ORIGIN_AUTHORED] = {"authored", "本ツール作成", "※",
	    "「本ツール作成」（※）は、本ツールが作成した例示の項目であり、番号・題目・内容とも"
	    "ガイドラインの記載ではない",
	    "※印の項目は、本ツールが作成した例示の項目であり、番号・題目・内容ともガイドラインの"
	    "記載ではない。"},
	[TG_ORIGIN_IMPORTED] = {"imported", "取込み", "",
	    "「取込み」は、公式の一覧表から取り込んだ項目である", ""},
};

const tg_origin_text *
tg_origin_text_of(tg_origin o)
{
	return &texts[(unsigned)o < TG_ORIGIN_COUNT ? o : TG_ORIGIN_FACT];
}

bool
tg_origin_marked(tg_origin o)
{
	return o == TG_ORIGIN_INFERRED || o == TG_ORIGIN_AUTHORED;
}

void
tg_origin_footnotes(unsigned marks, tg_buf *out, const char *sep)
{
	bool first = true;
	for (unsigned o = 0; o < TG_ORIGIN_COUNT; o++) {
		if (!(marks & (1u << o)) || !tg_origin_marked((tg_origin)o))
			continue;
		tg_buf_printf(out, "%s%s", first ? "" : sep, texts[o].footnote);
		first = false;
	}
}
