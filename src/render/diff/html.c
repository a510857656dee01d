/* diff --format html: one self-contained Japanese page (inline CSS, no
 * scripts, nothing fetched); redlines as <del>/<ins>. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../escape.h"
#include "../../diff/diff.h"
#include "common.h"

static void
esc(tg_buf *out, const char *s)
{
	if (s != NULL)
		tg_esc_html(out, s, strlen(s));
}

static void
redline(tg_buf *out, const char *a, const char *b)
{
	tg_buf spans = TG_BUF_INIT;
	tg_diff_redline(a, b, &spans);
	tg_html_redline(out, &spans);
	tg_buf_free(&spans);
}

static void
item_title(tg_buf *out, const tg_item *it)
{
	tg_buf_puts(out, "<span class=\"id\">");
	esc(out, it->ref);
	tg_buf_puts(out, "</span> ");
	esc(out, it->title ? it->title : "（タイトル不明）");
}

static void
kinds(tg_buf *out, unsigned k)
{
	for (int b = 0; b < TG_DK_COUNT; b++)
		if (k & (1u << b))
			tg_buf_printf(out, "<span class=\"kind k-%s\">%s</span>",
			    tg_diff_kind_name(1u << b), tg_diff_kind_ja(1u << b));
}

static void
row(tg_buf *out, const char *label, const char *value)
{
	tg_buf_printf(out, "<tr><th>%s</th><td>", label);
	esc(out, value);
	tg_buf_puts(out, "</td></tr>\n");
}

static void
text_block(tg_buf *out, const char *label, const char *s)
{
	if (s == NULL)
		return;
	tg_buf_printf(out, "<p>%s:</p>\n<div class=\"text\">", label);
	esc(out, s);
	tg_buf_puts(out, "</div>\n");
}

static void
field(tg_buf *out, const tg_diff_entry *e, unsigned f)
{
	if (!(e->fields & f))
		return;
	char bo[512], bn[512];
	const char *a, *b;
	tg_diff_field_ja_values(e, f, bo, bn, sizeof bo, &a, &b);
	tg_buf_printf(out, "<tr><th>%s</th><td>", tg_diff_field_ja(f));
	if (f == TG_DF_TEXT) {
		tg_buf_puts(out, "<div class=\"text\">");
		redline(out, a, b);
		tg_buf_puts(out, "</div>");
	} else if (f == TG_DF_TITLE) {
		redline(out, a, b);
	} else {
		esc(out, a ? a : "（なし）");
		tg_buf_puts(out, " → ");
		esc(out, b ? b : "（なし）");
	}
	tg_buf_puts(out, "</td></tr>\n");
}

static void
entry(tg_buf *out, const tg_diff_entry *e)
{
	char lv[256];
	tg_buf_puts(out, "<section class=\"entry\">\n<h3>");
	kinds(out, e->kinds);
	if (e->kinds & (TG_DK_ADDED | TG_DK_REMOVED)) {
		const tg_item *it = e->new_item ? e->new_item : e->old_item;
		item_title(out, it);
		tg_buf_puts(out, "</h3>\n<table>\n");
		row(out, "レベル", tg_diff_level_ja(tg_diff_level(it, lv, sizeof lv)));
		if (it->parent != NULL) {
			tg_buf_puts(out, "<tr><th>親項目</th><td>");
			item_title(out, it->parent);
			tg_buf_puts(out, "</td></tr>\n");
		}
		tg_buf_puts(out, "</table>\n");
		text_block(out, "本文", it->text);
		tg_buf_puts(out, "</section>\n");
		return;
	}
	if (e->kinds & (TG_DK_SPLIT | TG_DK_MERGED)) {
		bool split = e->kinds & TG_DK_SPLIT;
		const tg_item *whole = split ? e->old_item : e->new_item;
		item_title(out, whole);
		tg_buf_printf(out, "</h3>\n<table>\n<tr><th>%s</th><th>%sと一致する内容</th></tr>\n",
		    split ? "分割先（新版の項目）" : "統合元（旧版の項目）",
		    split ? "旧版の項目" : "新版の項目");
		for (size_t p = 0; p < e->nparts; p++) {
			tg_buf_puts(out, "<tr><td>");
			item_title(out, e->parts[p].item);
			tg_buf_printf(out, "</td><td class=\"n\">%d%%</td></tr>\n", e->parts[p].score / 10);
		}
		tg_buf_puts(out, "</table>\n");
		text_block(out, split ? "旧版の本文" : "新版の本文", whole->text);
		tg_buf_puts(out, "</section>\n");
		return;
	}
	if (e->kinds & TG_DK_RENUMBERED) {
		tg_buf_puts(out, "<span class=\"id\">");
		esc(out, e->old_item->ref);
		tg_buf_puts(out, "</span> → ");
	}
	item_title(out, e->new_item);
	tg_buf_puts(out, "</h3>\n<table>\n");
	if (e->kinds & TG_DK_RENUMBERED) {
		char sim[32];
		snprintf(sim, sizeof sim, "%d%%", e->similarity / 10);
		row(out, "類似度", sim);
	}
	field(out, e, TG_DF_TITLE);
	field(out, e, TG_DF_LEVEL);
	field(out, e, TG_DF_PARENT);
	field(out, e, TG_DF_TEXT);
	tg_buf_puts(out, "</table>\n</section>\n");
}

static void
header(tg_buf *out, const tg_catdiff *cd)
{
	const tg_catalog *oc = cd->old_cat, *nc = cd->new_cat;
	tg_html_begin(out, TG_HTML_STYLES);
	tg_buf_puts(out, "ガイドラインの差分: ");
	esc(out, oc->id);
	tg_buf_puts(out, " → ");
	esc(out, nc->id);
	tg_buf_printf(out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<h1>ガイドラインの差分: ",
	    tg_diff_css);
	esc(out, oc->id);
	tg_buf_puts(out, " → ");
	esc(out, nc->id);
	tg_buf_puts(out, "</h1>\n<table>\n<tr><th></th><th>旧版</th><th>新版</th></tr>\n"
	    "<tr><th>カタログ</th><td class=\"id\">");
	esc(out, oc->id);
	tg_buf_puts(out, "</td><td class=\"id\">");
	esc(out, nc->id);
	tg_buf_puts(out, "</td></tr>\n<tr><th>ファイル</th><td class=\"id\">");
	esc(out, oc->file);
	tg_buf_puts(out, "</td><td class=\"id\">");
	esc(out, nc->file);
	tg_buf_puts(out, "</td></tr>\n");
	static const unsigned shown[] = {TG_DM_TITLE, TG_DM_VERSION, TG_DM_DATE};
	for (size_t i = 0; i < 3; i++) {
		char *ta, *tb;
		const char *a = tg_diff_meta_value(oc, shown[i], &ta);
		const char *b = tg_diff_meta_value(nc, shown[i], &tb);
		if (a || b) {
			tg_buf_printf(out, "<tr><th>%s</th><td>", tg_diff_meta_ja(shown[i]));
			esc(out, a ? a : "—");
			tg_buf_puts(out, "</td><td>");
			esc(out, b ? b : "—");
			tg_buf_puts(out, "</td></tr>\n");
		}
		free(ta);
		free(tb);
	}
	tg_buf_printf(out, "<tr><th>項目数</th><td class=\"n\">%zu</td><td class=\"n\">%zu</td></tr>\n"
	    "</table>\n", oc->nitems, nc->nitems);
}

static void
meta_changes(tg_buf *out, const tg_catdiff *cd)
{
	if (cd->meta == 0)
		return;
	tg_buf_puts(out, "<h2>カタログ情報の変更</h2>\n<table>\n");
	for (int m = 0; m < TG_DM_COUNT; m++) {
		if (!(cd->meta & (1u << m)))
			continue;
		char *ta, *tb;
		const char *a = tg_diff_meta_value(cd->old_cat, 1u << m, &ta);
		const char *b = tg_diff_meta_value(cd->new_cat, 1u << m, &tb);
		tg_buf_printf(out, "<tr><th>%s</th><td>", tg_diff_meta_ja(1u << m));
		redline(out, a, b);
		tg_buf_puts(out, "</td></tr>\n");
		free(ta);
		free(tb);
	}
	tg_buf_puts(out, "</table>\n");
}

static void
summary(tg_buf *out, const tg_catdiff *cd)
{
	tg_buf_printf(out, "<h2>概要</h2>\n"
	    "<p>変更のあった項目: %zu件（1件が複数の種類に当たることがある）</p>\n"
	    "<table>\n<tr><th>変更の種類</th><th>件数</th></tr>\n", cd->nentries);
	for (int k = 0; k < TG_DK_COUNT; k++)
		tg_buf_printf(out, "<tr><td>%s</td><td class=\"n\">%zu</td></tr>\n",
		    tg_diff_kind_ja(1u << k), cd->counts[k]);
	tg_buf_puts(out, "</table>\n<h3>レベル別の件数</h3>\n<table>\n<tr><th>レベル</th>");
	for (int k = 0; k < TG_DK_COUNT; k++)
		tg_buf_printf(out, "<th>%s</th>", tg_diff_kind_ja(1u << k));
	tg_buf_puts(out, "<th>計</th></tr>\n");
	for (size_t i = 0; i < cd->nlevels; i++) {
		const tg_diff_level_count *lc = &cd->levels[i];
		tg_buf_puts(out, "<tr><td>");
		esc(out, tg_diff_level_ja(lc->level));
		tg_buf_puts(out, "</td>");
		for (int k = 0; k < TG_DK_COUNT; k++)
			tg_buf_printf(out, "<td class=\"n\">%zu</td>", lc->counts[k]);
		tg_buf_printf(out, "<td class=\"n\">%zu</td></tr>\n", lc->total);
	}
	tg_buf_puts(out, "</table>\n");
}

static void
impact(tg_buf *out, const tg_impact *im, const tg_catdiff *cd)
{
	tg_buf_puts(out, "<h2>影響</h2>\n");
	if (im->ncrosswalks == 0) {
		tg_buf_puts(out, "<p><span class=\"id\">");
		esc(out, cd->old_cat->id);
		tg_buf_puts(out, "</span> を参照する対応表はない。</p>\n");
		return;
	}
	tg_buf_printf(out, "<h3>見直しが必要な対応表の行（%zu件）</h3>\n", im->nrows);
	if (im->nrows == 0) {
		tg_buf_puts(out, "<p>なし。</p>\n");
	} else {
		tg_buf_puts(out, "<table>\n<tr><th>対応表</th><th>対応元</th><th>対応先</th>"
		    "<th>理由</th></tr>\n");
		for (size_t i = 0; i < im->nrows; i++) {
			const tg_impact_row *r = &im->rows[i];
			tg_buf b = TG_BUF_INIT;
			tg_buf_puts(out, "<tr><td class=\"id\">");
			esc(out, r->xw->id);
			tg_buf_puts(out, "</td><td class=\"id\">");
			esc(out, r->row->source_id);
			tg_buf_puts(out, "</td><td class=\"id\">");
			tg_diff_put_targets(&b, r->row);
			esc(out, r->row->ntargets ? b.data : "（対応なし）");
			tg_buf_puts(out, "</td><td>");
			tg_buf_clear(&b);
			tg_diff_put_reason(&b, r, true);
			esc(out, b.data);
			tg_buf_puts(out, "</td></tr>\n");
			tg_buf_free(&b);
		}
		tg_buf_puts(out, "</table>\n");
	}
	tg_buf_printf(out, "<h3>見直しが必要な規程の条項（%zu件）</h3>\n", im->nclauses);
	if (im->nclauses == 0) {
		tg_buf_puts(out, "<p>なし。</p>\n");
		return;
	}
	tg_buf_puts(out, "<table>\n<tr><th>条項</th><th>見出し</th><th>由来（対応表・対応元）</th></tr>\n");
	for (size_t i = 0; i < im->nclauses; i++) {
		const tg_impact_clause *c = &im->clauses[i];
		tg_buf_puts(out, "<tr><td class=\"id\">");
		esc(out, c->clause->catalog->id);
		tg_buf_putc(out, ':');
		esc(out, c->clause->id);
		tg_buf_puts(out, "</td><td>");
		item_title(out, c->clause);
		tg_buf_puts(out, "</td><td>");
		for (size_t u = 0; u < c->nuses; u++) {
			if (u == 0 || c->uses[u].xw != c->uses[u - 1].xw) {
				if (u)
					tg_buf_puts(out, "<br>");
				tg_buf_puts(out, "<span class=\"id\">");
				esc(out, c->uses[u].xw->id);
				tg_buf_puts(out, "</span>: ");
			} else {
				tg_buf_puts(out, "、");
			}
			esc(out, c->uses[u].row->source_id);
			tg_buf_printf(out, "（%s）", c->uses[u].proposal ? "反映案" : "対応付け");
		}
		tg_buf_puts(out, "</td></tr>\n");
	}
	tg_buf_puts(out, "</table>\n");
}

void
tg_diff_render_html(const tg_diff_report *r, tg_buf *out)
{
	const tg_catdiff *cd = r->cd;
	header(out, cd);
	meta_changes(out, cd);
	summary(out, cd);
	if (cd->nentries > 0)
		tg_buf_puts(out, "<h2>項目の変更</h2>\n");
	for (size_t i = 0; i < cd->nentries; i++)
		entry(out, &cd->entries[i]);
	if (r->impact != NULL)
		impact(out, r->impact, cd);
	tg_buf_puts(out, "</body>\n</html>\n");
}
