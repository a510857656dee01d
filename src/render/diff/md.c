/* diff --format md: the report in Japanese Markdown; redlines as ~~削除~~
 * and **追加**. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../escape.h"
#include "../../diff/diff.h"
#include "common.h"

static void
text(tg_buf *out, const char *s)
{
	tg_esc_md_text(out, s ? s : "");
}

static void
cell(tg_buf *out, const char *s)
{
	tg_esc_md_cell(out, s ? s : "");
}

/* One line's piece of a span, with its markers around the non-blank part
 * (emphasis cannot start or end with a space). */
static void
piece(tg_buf *out, const char *s, size_t len, const char *mark)
{
	size_t a = 0, b = len;
	while (a < b && (s[a] == ' ' || s[a] == '\t'))
		a++;
	while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t' || s[b - 1] == '\r'))
		b--;
	char *lead = tg_xstrndup(s, a), *mid = tg_xstrndup(s + a, b - a),
	    *trail = tg_xstrndup(s + b, len - b);
	text(out, lead);
	if (b > a && mark)
		tg_buf_puts(out, mark);
	text(out, mid);
	if (b > a && mark)
		tg_buf_puts(out, mark);
	text(out, trail);
	free(lead);
	free(mid);
	free(trail);
}

/* A redline; markers are closed at each line end, so that a change never
 * spans a paragraph break. */
static void
redline(tg_buf *out, const char *a, const char *b)
{
	tg_buf spans = TG_BUF_INIT;
	tg_diff_redline(a, b, &spans);
	for (size_t i = 0; i < TG_BUF_COUNT(&spans, tg_diff_span); i++) {
		const tg_diff_span *sp = &TG_BUF_AT(&spans, tg_diff_span, i);
		const char *mark = sp->op == TG_OP_DEL ? "~~" : sp->op == TG_OP_INS ? "**" : NULL;
		const char *s = sp->s, *end = sp->s + sp->len;
		while (s < end) {
			const char *nl = memchr(s, '\n', (size_t)(end - s));
			const char *stop = nl ? nl : end;
			piece(out, s, (size_t)(stop - s), mark);
			if (nl == NULL)
				break;
			tg_buf_puts(out, "  \n");
			s = nl + 1;
		}
	}
	tg_buf_free(&spans);
}

static void
item_title(tg_buf *out, const tg_item *it)
{
	text(out, it->ref);
	tg_buf_putc(out, ' ');
	text(out, it->title ? it->title : "（タイトル不明）");
}

static void
level_line(tg_buf *out, const tg_item *it)
{
	char lv[256];
	tg_buf_puts(out, "- レベル: ");
	text(out, tg_diff_level_ja(tg_diff_level(it, lv, sizeof lv)));
	tg_buf_putc(out, '\n');
}

/* A paragraph after a list needs a blank line; after a heading it has one. */
static void
blank_line(tg_buf *out)
{
	if (out->len < 2 || out->data[out->len - 1] != '\n' || out->data[out->len - 2] != '\n')
		tg_buf_putc(out, '\n');
}

static void
body(tg_buf *out, const char *label, const char *s)
{
	if (s == NULL)
		return;
	blank_line(out);
	tg_buf_printf(out, "%s:\n\n", label);
	text(out, s);
	tg_buf_putc(out, '\n');
}

static void
field(tg_buf *out, const tg_diff_entry *e, unsigned f)
{
	if (!(e->fields & f))
		return;
	char bo[512], bn[512];
	const char *a, *b;
	tg_diff_field_ja_values(e, f, bo, bn, sizeof bo, &a, &b);
	if (f == TG_DF_TEXT) {
		blank_line(out);
		tg_buf_printf(out, "%sの変更:\n\n", tg_diff_field_ja(f));
		redline(out, a, b);
		tg_buf_putc(out, '\n');
		return;
	}
	tg_buf_printf(out, "- %s: ", tg_diff_field_ja(f));
	if (f == TG_DF_TITLE) {
		redline(out, a, b);
	} else {
		text(out, a);
		tg_buf_puts(out, " → ");
		text(out, b);
	}
	tg_buf_putc(out, '\n');
}

static void
entry(tg_buf *out, const tg_diff_entry *e)
{
	tg_buf_puts(out, "\n### ");
	tg_diff_put_kinds(out, e->kinds, true);
	tg_buf_puts(out, ": ");
	if (e->kinds & (TG_DK_ADDED | TG_DK_REMOVED)) {
		const tg_item *it = e->new_item ? e->new_item : e->old_item;
		item_title(out, it);
		tg_buf_puts(out, "\n\n");
		level_line(out, it);
		if (it->parent != NULL) {
			tg_buf_puts(out, "- 親項目: ");
			item_title(out, it->parent);
			tg_buf_putc(out, '\n');
		}
		body(out, "本文", it->text);
		return;
	}
	if (e->kinds & (TG_DK_SPLIT | TG_DK_MERGED)) {
		bool split = e->kinds & TG_DK_SPLIT;
		const tg_item *whole = split ? e->old_item : e->new_item;
		item_title(out, whole);
		tg_buf_printf(out, "\n\n%s:\n\n", split ? "分割先（新版の項目）" : "統合元（旧版の項目）");
		for (size_t p = 0; p < e->nparts; p++) {
			tg_buf_puts(out, "- ");
			item_title(out, e->parts[p].item);
			tg_buf_printf(out, "（%sと内容の%d%%が一致）\n", split ? "旧版の項目" : "新版の項目",
			    e->parts[p].score / 10);
		}
		body(out, split ? "旧版の本文" : "新版の本文", whole->text);
		return;
	}
	if (e->kinds & TG_DK_RENUMBERED) {
		text(out, e->old_item->ref);
		tg_buf_puts(out, " → ");
	}
	item_title(out, e->new_item);
	tg_buf_puts(out, "\n\n");
	if (e->kinds & TG_DK_RENUMBERED)
		tg_buf_printf(out, "- 類似度: %d%%\n", e->similarity / 10);
	field(out, e, TG_DF_TITLE);
	field(out, e, TG_DF_LEVEL);
	field(out, e, TG_DF_PARENT);
	field(out, e, TG_DF_TEXT);
}

static void
header(tg_buf *out, const tg_catdiff *cd)
{
	const tg_catalog *oc = cd->old_cat, *nc = cd->new_cat;
	tg_buf_puts(out, "# ガイドラインの差分: ");
	text(out, oc->id);
	tg_buf_puts(out, " → ");
	text(out, nc->id);
	tg_buf_puts(out, "\n\n|  | 旧版 | 新版 |\n|---|---|---|\n| カタログ | ");
	cell(out, oc->id);
	tg_buf_puts(out, " | ");
	cell(out, nc->id);
	tg_buf_puts(out, " |\n| ファイル | ");
	cell(out, oc->file);
	tg_buf_puts(out, " | ");
	cell(out, nc->file);
	tg_buf_puts(out, " |\n");
	static const unsigned shown[] = {TG_DM_TITLE, TG_DM_VERSION, TG_DM_DATE};
	for (size_t i = 0; i < 3; i++) {
		char *ta, *tb;
		const char *a = tg_diff_meta_value(oc, shown[i], &ta);
		const char *b = tg_diff_meta_value(nc, shown[i], &tb);
		if (a || b) {
			tg_buf_printf(out, "| %s | ", tg_diff_meta_ja(shown[i]));
			cell(out, a ? a : "—");
			tg_buf_puts(out, " | ");
			cell(out, b ? b : "—");
			tg_buf_puts(out, " |\n");
		}
		free(ta);
		free(tb);
	}
	tg_buf_printf(out, "| 項目数 | %zu | %zu |\n", oc->nitems, nc->nitems);
}

static void
meta_changes(tg_buf *out, const tg_catdiff *cd)
{
	if (cd->meta == 0)
		return;
	tg_buf_puts(out, "\n## カタログ情報の変更\n\n");
	for (int m = 0; m < TG_DM_COUNT; m++) {
		if (!(cd->meta & (1u << m)))
			continue;
		char *ta, *tb;
		const char *a = tg_diff_meta_value(cd->old_cat, 1u << m, &ta);
		const char *b = tg_diff_meta_value(cd->new_cat, 1u << m, &tb);
		tg_buf_printf(out, "- %s: ", tg_diff_meta_ja(1u << m));
		if (a && b && (1u << m) != TG_DM_DESCRIPTION) {
			redline(out, a, b);
		} else {
			text(out, a ? a : "（なし）");
			tg_buf_puts(out, " → ");
			text(out, b ? b : "（なし）");
		}
		tg_buf_putc(out, '\n');
		free(ta);
		free(tb);
	}
}

static void
summary(tg_buf *out, const tg_catdiff *cd)
{
	tg_buf_printf(out, "\n## 概要\n\n変更のあった項目: %zu件（1件が複数の種類に当たることがある）\n\n",
	    cd->nentries);
	tg_buf_puts(out, "| 変更の種類 | 件数 |\n|---|--:|\n");
	for (int k = 0; k < TG_DK_COUNT; k++)
		tg_buf_printf(out, "| %s | %zu |\n", tg_diff_kind_ja(1u << k), cd->counts[k]);
	tg_buf_puts(out, "\n### レベル別の件数\n\n| レベル |");
	for (int k = 0; k < TG_DK_COUNT; k++)
		tg_buf_printf(out, " %s |", tg_diff_kind_ja(1u << k));
	tg_buf_puts(out, " 計 |\n|---|");
	for (int k = 0; k <= TG_DK_COUNT; k++)
		tg_buf_puts(out, "--:|");
	tg_buf_putc(out, '\n');
	for (size_t i = 0; i < cd->nlevels; i++) {
		const tg_diff_level_count *lc = &cd->levels[i];
		tg_buf_puts(out, "| ");
		cell(out, tg_diff_level_ja(lc->level));
		tg_buf_puts(out, " |");
		for (int k = 0; k < TG_DK_COUNT; k++)
			tg_buf_printf(out, " %zu |", lc->counts[k]);
		tg_buf_printf(out, " %zu |\n", lc->total);
	}
}

static void
impact(tg_buf *out, const tg_impact *im, const tg_catdiff *cd)
{
	tg_buf_puts(out, "\n## 影響\n");
	if (im->ncrosswalks == 0) {
		tg_buf_puts(out, "\n");
		text(out, cd->old_cat->id);
		tg_buf_puts(out, " を参照する対応表はない。\n");
		return;
	}
	tg_buf_printf(out, "\n### 見直しが必要な対応表の行（%zu件）\n\n", im->nrows);
	if (im->nrows == 0) {
		tg_buf_puts(out, "なし。\n");
	} else {
		tg_buf_puts(out, "| 対応表 | 対応元 | 対応先 | 理由 |\n|---|---|---|---|\n");
		for (size_t i = 0; i < im->nrows; i++) {
			const tg_impact_row *r = &im->rows[i];
			tg_buf b = TG_BUF_INIT;
			tg_buf_puts(out, "| ");
			cell(out, r->xw->id);
			tg_buf_puts(out, " | ");
			cell(out, r->row->source_id);
			tg_buf_puts(out, " | ");
			tg_diff_put_targets(&b, r->row);
			cell(out, r->row->ntargets ? b.data : "（対応なし）");
			tg_buf_puts(out, " | ");
			tg_buf_clear(&b);
			tg_diff_put_reason(&b, r, true);
			cell(out, b.data);
			tg_buf_puts(out, " |\n");
			tg_buf_free(&b);
		}
	}
	tg_buf_printf(out, "\n### 見直しが必要な規程の条項（%zu件）\n\n", im->nclauses);
	if (im->nclauses == 0) {
		tg_buf_puts(out, "なし。\n");
		return;
	}
	tg_buf_puts(out, "| 条項 | 見出し | 由来（対応表・対応元） |\n|---|---|---|\n");
	for (size_t i = 0; i < im->nclauses; i++) {
		const tg_impact_clause *c = &im->clauses[i];
		tg_buf b = TG_BUF_INIT;
		tg_buf_printf(&b, "%s:%s", c->clause->catalog->id, c->clause->id);
		tg_buf_puts(out, "| ");
		cell(out, b.data);
		tg_buf_puts(out, " | ");
		tg_buf_clear(&b);
		tg_buf_printf(&b, "%s %s", c->clause->ref, c->clause->title ? c->clause->title : "（不明）");
		cell(out, b.data);
		tg_buf_puts(out, " | ");
		tg_buf_clear(&b);
		for (size_t u = 0; u < c->nuses; u++) {
			if (u == 0 || c->uses[u].xw != c->uses[u - 1].xw)
				tg_buf_printf(&b, "%s%s: ", u ? "; " : "", c->uses[u].xw->id);
			else
				tg_buf_puts(&b, "、");
			tg_buf_printf(&b, "%s（%s）", c->uses[u].row->source_id,
			    c->uses[u].proposal ? "反映案" : "対応付け");
		}
		cell(out, b.data);
		tg_buf_puts(out, " |\n");
		tg_buf_free(&b);
	}
}

void
tg_diff_render_md(const tg_diff_report *r, tg_buf *out)
{
	const tg_catdiff *cd = r->cd;
	header(out, cd);
	meta_changes(out, cd);
	summary(out, cd);
	if (cd->nentries > 0)
		tg_buf_puts(out, "\n## 項目の変更\n");
	for (size_t i = 0; i < cd->nentries; i++)
		entry(out, &cd->entries[i]);
	if (r->impact != NULL)
		impact(out, r->impact, cd);
}
