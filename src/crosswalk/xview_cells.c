/* The 突合表's view, the text of its cells: Japanese labels of relationships,
 * states and actions (shared with other outputs), of items, levels, places
 * in the baseline, chapters, excerpts and proposals. */
#include "xview_internal.h"

#include <stdlib.h>
#include <string.h>

#include "../render/provenance.h"

const char *
tg_label_relationship(tg_relationship r)
{
	/* "業界項目 REL IPA項目" read from the industry side. */
	static const char *const labels[] = {"同等", "IPAに包含", "業界側が広い", "一部重複",
	    "関係なし"};
	return r < TG_REL_COUNT ? labels[r] : "―";
}

const char *
tg_label_status(tg_status s)
{
	switch (s) {
	case TG_STATUS_REVIEWED: return "確認済み";
	case TG_STATUS_SUGGESTED: return "提案（未確認）";
	case TG_STATUS_UNMAPPED: return "未対応付け";
	default: return "対応表なし";
	}
}

const char *
tg_label_action(tg_action a)
{
	switch (a) {
	case TG_ACTION_ADD: return "追加";
	case TG_ACTION_AMEND: return "修正";
	case TG_ACTION_NONE: return "変更なし";
	default: return "";
	}
}

void
tg_label_via(tg_buf *out, const tg_xw_target *t)
{
	for (size_t i = 0; i < t->nvia; i++) {
		const tg_item *it = t->via[i];
		const tg_catalog *c = it->catalog;
		tg_buf_printf(out, "%s%s %s", i ? "・" : "", c->short_title ? c->short_title : c->title,
		    it->ref);
	}
	if (t->nvia > 0)
		tg_buf_puts(out, " 経由");
}

void
tg_view_item_label(tg_buf *out, const tg_item *it)
{
	if (it->title != NULL && strcmp(it->title, it->ref) == 0)
		tg_buf_puts(out, it->ref);
	else
		tg_buf_printf(out, "%s %s", it->ref, it->title ? it->title : "（不明）");
}

/* The source document's own numbering, where ours differs and it is known. */
void
tg_view_official_label(tg_buf *out, const tg_item *it)
{
	if (it->official_ref != NULL)
		tg_buf_printf(out, "%s%s%s", TG_ORIGIN_OFFICIAL_OPEN, it->official_ref,
		    TG_ORIGIN_OFFICIAL_CLOSE);
}

void
tg_view_level_label(tg_buf *out, const tg_item *it)
{
	if (it->ncited_levels > 1) {
		for (size_t i = 0; i < it->ncited_levels; i++)
			tg_buf_printf(out, "%s%s", i ? "/" : "", it->catalog->levels[it->cited_levels[i]]);
	} else if (it->level == TG_LEVEL_UNKNOWN) {
		tg_buf_puts(out, "不明");
	} else if (it->level >= 0) {
		tg_buf_puts(out, it->catalog->levels[it->level]);
	} else {
		tg_buf_puts(out, "―");
	}
}

/* "3 情報資産管理 / 3.1 情報資産の管理 / 3.1.1 …" below the root. */
void
tg_view_path_label(tg_buf *out, const tg_item *it)
{
	const tg_item *chain[32];
	size_t n = 0;
	for (const tg_item *p = it; p != NULL && p->parent != NULL && n < 32; p = p->parent)
		chain[n++] = p;
	if (n == 0) {
		tg_view_item_label(out, it);
		return;
	}
	while (n-- > 0) {
		tg_view_item_label(out, chain[n]);
		if (n > 0)
			tg_buf_puts(out, " / ");
	}
}

void
tg_view_root_header(tg_buf *out, const tg_item *root)
{
	tg_buf_puts(out, root->ref);
	if (root->title != NULL && strcmp(root->title, root->ref) != 0)
		tg_buf_printf(out, " %s", root->title);
}

/* "付録5 1.4.1" — where in the baseline an item is; a root is just its ref. */
void
tg_view_place_label(tg_buf *out, const tg_item *it)
{
	const tg_item *root = tg_xt_root(it);
	if (root == it)
		tg_buf_puts(out, it->ref);
	else
		tg_buf_printf(out, "%s %s", root->ref, it->ref);
}

void
tg_view_chapters_of_row(const tg_xtable *t, const tg_xt_row *r, tg_buf *out)
{
	const tg_xt_chapter *seen[64];
	size_t n = 0;
	for (size_t k = 0; k < r->ndirect; k++) {
		const tg_xt_chapter *ch = tg_xt_chapter_of(t, r->links[k].item);
		bool dup = ch == NULL;
		for (size_t i = 0; i < n && !dup; i++)
			dup = seen[i] == ch;
		if (dup || n == 64)
			continue;
		seen[n++] = ch;
		if (out->len > 0)
			tg_buf_putc(out, ' ');
		tg_buf_puts(out, ch->item->id);
	}
}

void
tg_view_excerpt(const tg_xtable *t, const tg_item *it, tg_buf *out, size_t max)
{
	const tg_tclause *c = tg_tset_clause(t->tset, it->id);
	if (c != NULL) {
		char *e = tg_tset_excerpt(t->tset, c, max);
		tg_buf_puts(out, e);
		free(e);
	} else if (it->text != NULL) {
		tg_buf_puts(out, it->text);
	}
}

void
tg_view_proposal_text(tg_buf *out, const tg_proposal *p)
{
	tg_buf_printf(out, "【%s】", tg_label_action(p->action));
	if (p->clause != NULL) {
		tg_view_item_label(out, p->clause);
		tg_buf_puts(out, p->action == TG_ACTION_ADD ? " に条項を追加：" :
		    p->action == TG_ACTION_AMEND ? " を修正：" : "：");
	}
	if (p->text != NULL) {
		size_t n = strlen(p->text);
		while (n > 0 && (p->text[n - 1] == '\n' || p->text[n - 1] == ' '))
			n--;
		tg_buf_put(out, p->text, n);
	}
	if (p->note != NULL)
		tg_buf_printf(out, "%s（%s）", p->text ? "\n" : "", p->note);
}

/* The baseline as readers call it: IPAガイドライン. */
const char *
tg_view_base_name(const tg_xtable *t)
{
	return t->base->short_title ? t->base->short_title : t->base->title;
}

const char *
tg_view_guide_name(const tg_xtable *t)
{
	return t->guide->short_title ? t->guide->short_title : t->guide->title;
}

/* "付録5 3.1.1 情報資産の特定と機密性の評価": where in the baseline, and what. */
void
tg_view_counterpart_label(tg_buf *out, const tg_item *it)
{
	const tg_item *root = tg_xt_root(it);
	if (root == it) {
		tg_view_root_header(out, it);
		return;
	}
	tg_buf_printf(out, "%s ", root->ref);
	tg_view_item_label(out, it);
}

void
tg_view_chapter_label(tg_buf *out, const tg_item *ch)
{
	if (ch->parent != NULL)
		tg_buf_printf(out, "%s ", tg_xt_root(ch)->ref);
	tg_view_item_label(out, ch);
}
