/* Pieces shared by the diff renderers (text.c, md.c, html.c, json.c,
 * regulation.c); declared in common.h. */
#include <string.h>

#include "../escape.h"
#include "../../diff/diff.h"
#include "common.h"

/* Kinds in the order a reader weighs them. */
static const unsigned display_order[] = {TG_DK_ADDED, TG_DK_REMOVED, TG_DK_SPLIT, TG_DK_MERGED,
    TG_DK_RENUMBERED, TG_DK_MOVED, TG_DK_MODIFIED};

void
tg_diff_put_kinds(tg_buf *out, unsigned kinds, bool ja)
{
	bool first = true;
	for (size_t i = 0; i < sizeof display_order / sizeof display_order[0]; i++) {
		unsigned k = display_order[i];
		if (!(kinds & k))
			continue;
		if (!first)
			tg_buf_puts(out, ja ? "・" : ", ");
		tg_buf_puts(out, ja ? tg_diff_kind_ja(k) : tg_diff_kind_name(k));
		first = false;
	}
}

/* The content fields of a modification: "title, level" / "タイトル・レベル". */
static void
put_fields(tg_buf *out, unsigned fields, bool ja)
{
	static const unsigned content[] = {TG_DF_TITLE, TG_DF_TEXT, TG_DF_LEVEL};
	bool first = true;
	for (size_t i = 0; i < 3; i++) {
		if (!(fields & content[i]))
			continue;
		if (!first)
			tg_buf_puts(out, ja ? "・" : ", ");
		tg_buf_puts(out, ja ? tg_diff_field_ja(content[i]) : tg_diff_field_name(content[i]));
		first = false;
	}
}

void
tg_diff_put_reason(tg_buf *out, const tg_impact_row *r, bool ja)
{
	const tg_diff_entry *e = r->change;
	if (r->source_side)
		tg_buf_puts(out, ja ? "対応元: " : "source ");
	else if (r->target != NULL)
		tg_buf_printf(out, ja ? "対応先 %s: " : "target %s ", r->item_id);
	else
		tg_buf_printf(out, ja ? "反映案の条項 %s: " : "proposal clause %s ", r->item_id);
	bool first = true;
	for (size_t i = 0; i < sizeof display_order / sizeof display_order[0]; i++) {
		unsigned k = display_order[i];
		if (!(e->kinds & k) || k == TG_DK_MOVED)
			continue;
		if (!first)
			tg_buf_puts(out, ja ? "、" : ", ");
		first = false;
		tg_buf_puts(out, ja ? tg_diff_kind_ja(k) : tg_diff_kind_name(k));
		const char *open = ja ? "（" : " (", *close = ja ? "）" : ")";
		const char *arrow = ja ? " → " : " -> ";
		switch (k) {
		case TG_DK_MODIFIED:
			tg_buf_puts(out, open);
			put_fields(out, e->fields, ja);
			tg_buf_puts(out, close);
			break;
		case TG_DK_RENUMBERED:
			tg_buf_printf(out, "%s%s%s%s%s", open, e->old_item->ref, arrow, e->new_item->ref,
			    close);
			break;
		case TG_DK_SPLIT:
			tg_buf_printf(out, "%s%s", open, ja ? "→ " : "-> ");
			for (size_t p = 0; p < e->nparts; p++)
				tg_buf_printf(out, "%s%s", p ? ", " : "", e->parts[p].item->ref);
			tg_buf_puts(out, close);
			break;
		case TG_DK_MERGED:
			tg_buf_printf(out, "%s%s%s%s", open, ja ? "→ " : "-> ", e->new_item->ref, close);
			break;
		default:
			break;
		}
	}
}

void
tg_diff_put_targets(tg_buf *out, const tg_xw_row *row)
{
	for (size_t t = 0; t < row->ntargets; t++)
		tg_buf_printf(out, "%s%s", t ? ", " : "", row->targets[t].target_id);
}

const char *
tg_diff_level_ja(const char *level)
{
	if (level == NULL)
		return "なし";
	if (strcmp(level, "unknown") == 0)
		return "不明";
	return level;
}

void
tg_html_redline(tg_buf *out, const tg_buf *spans)
{
	for (size_t i = 0; i < TG_BUF_COUNT(spans, tg_diff_span); i++) {
		const tg_diff_span *sp = &TG_BUF_AT(spans, tg_diff_span, i);
		const char *tag = sp->op == TG_OP_DEL ? "del" : sp->op == TG_OP_INS ? "ins" : NULL;
		if (tag)
			tg_buf_printf(out, "<%s>", tag);
		tg_esc_html(out, sp->s, sp->len);
		if (tag)
			tg_buf_printf(out, "</%s>", tag);
	}
}

/* Self-contained: no fonts, scripts or images from anywhere. */
const char tg_diff_css[] =
    "body{font-family:\"Hiragino Kaku Gothic ProN\",\"Yu Gothic\",Meiryo,\"Noto Sans CJK JP\",sans-serif;"
    "line-height:1.7;margin:2em auto;max-width:60em;padding:0 1em;color:#222}\n"
    "h1{font-size:1.5em;border-bottom:2px solid #444}\n"
    "h2{font-size:1.25em;border-bottom:1px solid #aaa;margin-top:2em}\n"
    "h3{font-size:1.05em;margin:1.5em 0 .5em}\n"
    "table{border-collapse:collapse;margin:.5em 0}\n"
    "th,td{border:1px solid #bbb;padding:.2em .6em;vertical-align:top}\n"
    "th{background:#f0f0f0;text-align:left}\n"
    "td.n{text-align:right}\n"
    "del{background:#fdd;color:#900;text-decoration:line-through}\n"
    "ins{background:#dfd;color:#060;text-decoration:underline}\n"
    ".text{white-space:pre-wrap;margin:.3em 0 .3em 1em;padding:.3em .6em;border-left:3px solid #ccc}\n"
    ".kind{display:inline-block;font-size:.85em;padding:0 .5em;border-radius:.3em;background:#eee;"
    "margin-right:.5em}\n"
    ".k-added{background:#dfd}.k-removed{background:#fdd}.k-split,.k-merged{background:#fed}\n"
    ".k-renumbered,.k-moved{background:#def}.k-modified{background:#ffd}\n"
    ".id{font-family:monospace}\n"
    ".meta{color:#666;font-size:.9em}\n"
    ".p{white-space:pre-wrap;margin:.4em 0;padding:.3em .6em;border-left:3px solid transparent}\n"
    ".p.same{color:#777}\n"
    ".p.changed{border-left-color:#e0b000}\n"
    ".p.deleted{border-left-color:#c00;background:#fff5f5}\n"
    ".p.inserted{border-left-color:#080;background:#f5fff5}\n"
    "details{margin:.4em 0;color:#777}\n"
    "summary{cursor:pointer}\n";

void
tg_diff_field_ja_values(const tg_diff_entry *e, unsigned f, char *bo, char *bn, size_t n,
    const char **a, const char **b)
{
	*a = tg_diff_field_value(e->old_item, f, bo, n);
	*b = tg_diff_field_value(e->new_item, f, bn, n);
	if (f == TG_DF_LEVEL) {
		*a = tg_diff_level_ja(*a);
		*b = tg_diff_level_ja(*b);
	} else if (f == TG_DF_TITLE) {
		*a = *a ? *a : "（タイトル不明）";
		*b = *b ? *b : "（タイトル不明）";
	} else if (f == TG_DF_PARENT) {
		const tg_item *po = e->old_item->parent, *pn = e->new_item->parent;
		snprintf(bo, n, "%s %s", po ? po->ref : "", po && po->title ? po->title : "（タイトル不明）");
		snprintf(bn, n, "%s %s", pn ? pn->ref : "", pn && pn->title ? pn->title : "（タイトル不明）");
		*a = po ? bo : "（なし）";
		*b = pn ? bn : "（なし）";
	}
}
