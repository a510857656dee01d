/* The regulation as one Word document (render/docx.c): a cover with the
 * document-control table, a table of contents field, 本書について, the
 * chapters (章 Heading 1, 節 Heading 2, 条 Heading 3 …, with bookmarks),
 * clause texts as Word paragraphs, lists and tables, industry additions
 * and supplements with side bars that print, the industry item labels as
 * Word comments on each clause heading (or inline), and the appendices as
 * tables. */
#include <string.h>

#include "../docx.h"
#include "../provenance.h"
#include "reg.h"

static void
heading_text(tg_buf *out, const char *number, const char *title)
{
	if (number != NULL)
		tg_buf_printf(out, "%s ", number);
	tg_buf_puts(out, title);
}

/* The label list of a clause: as a comment's lines (with the titles and
 * what the provenance marks mean) or inline. */
static void
label_lines(const tg_reg_entry *e, bool inline_labels, tg_buf *out)
{
	unsigned marks = 0;
	if (!inline_labels)
		tg_buf_puts(out, "この条項が対応する業界ガイドラインの項目：");
	for (size_t i = 0; i < e->nlabels; i++) {
		const tg_item *it = e->labels[i].item;
		if (it != NULL)
			marks |= 1u << tg_item_origin(it);
		if (inline_labels)
			tg_buf_printf(out, "〔%s〕", e->labels[i].text);
		else
			tg_buf_printf(out, "\n〔%s〕%s", e->labels[i].text,
			    it != NULL && it->title != NULL ? it->title : "");
	}
	if (!inline_labels) {
		tg_buf notes = TG_BUF_INIT;
		tg_origin_footnotes(marks, &notes, "\n");
		if (notes.len > 0)
			tg_buf_printf(out, "\n%s", notes.data);
		tg_buf_free(&notes);
	}
}

static void
cover(const tg_regulation *r, tg_docx *d)
{
	tg_docx_para(d, TG_DX_TITLE, r->title, 0);
	if (r->company != NULL && strstr(r->title, r->company) == NULL)
		tg_docx_para(d, TG_DX_SUBTITLE, r->company, 0);
	if (r->level_text != NULL) {
		tg_buf t = TG_BUF_INIT;
		const char *paren = strstr(r->level_text, "（");
		tg_buf_printf(&t, "対象レベル：%.*s", paren ? (int)(paren - r->level_text) :
		    (int)strlen(r->level_text), r->level_text);
		tg_docx_para(d, TG_DX_SUBTITLE, t.data, 0);
		tg_buf_free(&t);
	}
	tg_docx_para(d, NULL, "", 0);
	static const double widths[] = {0.3, 0.7};
	tg_docx_table_begin(d, 2, widths, 0);
	for (size_t i = 0; i < 5; i++) {
		tg_docx_row_begin(d);
		tg_docx_cell_text(d, tg_reg_control_names[i], TG_DX_BOLD);
		tg_docx_cell_text(d, r->control[i], 0);
		tg_docx_row_end(d);
	}
	tg_docx_table_end(d);
}

/* One entry, a link to its heading; the TOC field starts in the first and
 * ends in the last.  Word writes the page numbers when it updates the
 * field. */
static void
toc_entry(tg_docx *d, const char *style, const char *bookmark, const char *number,
    const char *title, bool first, bool last)
{
	tg_buf t = TG_BUF_INIT;
	heading_text(&t, number, title);
	tg_docx_p_begin(d, style);
	if (first)
		tg_docx_field_begin(d, "TOC \\o \"1-2\" \\h \\z \\u");
	tg_docx_link_begin(d, bookmark);
	tg_docx_text(d, t.data, 0);
	tg_docx_link_end(d);
	if (last)
		tg_docx_field_end(d);
	tg_docx_p_end(d);
	tg_buf_free(&t);
}

/* A TOC field Word fills in (settings ask it to update fields on opening),
 * with the entries already written as its result. */
static void
toc(const tg_regulation *r, tg_docx *d)
{
	tg_docx_para(d, TG_DX_TOC_HEADING, "目次", 0);
	toc_entry(d, "TOC1", "about", NULL, "本書について", true, false);
	for (size_t c = 0; c < r->nchapters; c++) {
		const tg_reg_chapter *ch = &r->chapters[c];
		const tg_reg_entry *head = &r->entries[ch->first];
		toc_entry(d, "TOC1", head->anchor, head->number, head->title, false, false);
		for (size_t i = ch->first + 1; i < ch->first + ch->count; i++) {
			const tg_reg_entry *e = &r->entries[i];
			if (e->depth == 1)
				toc_entry(d, "TOC2", e->anchor, e->number, e->title, false, false);
		}
	}
	for (size_t i = 0; i < 4; i++)
		toc_entry(d, "TOC1", tg_reg_appendix_ids[i], NULL, tg_reg_appendix_title(r, i), false,
		    i == 3);
}

static void
entry(const tg_regulation *r, const tg_reg_entry *e, tg_docx *d, tg_reg_labels labels)
{
	bool add = e->kind == TG_REG_ADDITION;
	tg_docx_bar bar = add ? TG_DX_BAR_ADD : TG_DX_NO_BAR;
	tg_docx_set_bar(d, bar);
	tg_buf t = TG_BUF_INIT;
	heading_text(&t, e->number, e->title);
	tg_docx_heading_begin(d, 1 + e->depth, e->anchor);
	bool comment = labels == TG_REG_LABELS_COMMENTS && e->nlabels > 0;
	unsigned id = comment ? tg_docx_comment_begin(d) : 0;
	tg_docx_text(d, t.data, 0);
	if (add) {
		tg_buf_clear(&t);
		tg_buf_printf(&t, "（%s：%s）", TG_REG_ADD_MARK, e->source_label);
		tg_docx_text(d, t.data, TG_DX_ADD);
	}
	if (comment) {
		tg_buf_clear(&t);
		label_lines(e, false, &t);
		tg_docx_comment_end(d, id, t.data);
	}
	tg_docx_heading_end(d);
	if (e->text != NULL) {
		tg_docx_markdown(d, e->text, strlen(e->text), NULL, 0);
	} else if (e->other_edition != NULL) {
		tg_buf_clear(&t);
		tg_buf_printf(&t, "（本項の本文は%sに収める。）", e->other_edition);
		tg_docx_para(d, TG_DX_NOTE, t.data, 0);
	}
	for (size_t i = 0; i < e->nsupplements; i++) {
		tg_docx_set_bar(d, TG_DX_BAR_AMEND);
		tg_buf_clear(&t);
		tg_buf_printf(&t, "（%s：%s）", TG_REG_AMEND_MARK, e->supplements[i].label);
		const char *text = e->supplements[i].text;
		tg_docx_markdown(d, text, strlen(text), t.data, TG_DX_AMEND | TG_DX_BOLD);
		tg_docx_set_bar(d, bar);
	}
	if (labels == TG_REG_LABELS_INLINE && e->nlabels > 0) {
		tg_buf_clear(&t);
		label_lines(e, true, &t);
		tg_docx_para(d, TG_DX_LABELS, t.data, 0);
	}
	tg_docx_set_bar(d, TG_DX_NO_BAR);
	tg_buf_free(&t);
	(void)r;
}

static void
table_head(tg_docx *d, const char *const *cols, const double *widths, size_t n)
{
	tg_docx_table_begin(d, n, widths, 1);
	tg_docx_row_begin(d);
	for (size_t i = 0; i < n; i++)
		tg_docx_cell_text(d, cols[i], 0);
	tg_docx_row_end(d);
}

static void
appendix(const tg_regulation *r, size_t which, tg_docx *d)
{
	tg_buf t = TG_BUF_INIT;
	tg_docx_heading_begin(d, 1, tg_reg_appendix_ids[which]);
	tg_docx_text(d, tg_reg_appendix_title(r, which), 0);
	tg_docx_heading_end(d);
	switch (which) {
	case 0: {
		tg_reg_xref_intro(r, &t);
		tg_docx_para(d, NULL, t.data, 0);
		if (r->nxrefs == 0)
			break;
		const char *const cols[] = {"条項", tg_reg_xref_column(r), "本規程での扱い"};
		static const double widths[] = {0.3, 0.5, 0.2};
		table_head(d, cols, widths, 3);
		for (size_t i = 0; i < r->nxrefs; i++) {
			const tg_reg_xref *x = &r->xrefs[i];
			tg_docx_row_begin(d);
			tg_docx_cell_text(d, x->name, 0);
			tg_buf_clear(&t);
			tg_reg_xref_items(x, &t);
			tg_docx_cell_text(d, t.data, 0);
			tg_docx_cell_text(d, x->treatment, 0);
			tg_docx_row_end(d);
		}
		tg_docx_table_end(d);
		if (r->xref_marks != 0) {
			tg_buf_clear(&t);
			tg_origin_footnotes(r->xref_marks, &t, "");
			tg_docx_para(d, TG_DX_NOTE, t.data, 0);
		}
		break;
	}
	case 1: {
		if (r->nexclusions == 0) {
			tg_docx_para(d, NULL, TG_REG_NO_EXCLUSIONS, 0);
			break;
		}
		static const char *const cols[] = {"条項", "適用除外の理由"};
		static const double widths[] = {0.3, 0.7};
		table_head(d, cols, widths, 2);
		for (size_t i = 0; i < r->nexclusions; i++) {
			tg_docx_row_begin(d);
			tg_docx_cell_text(d, r->exclusions[i].name, 0);
			tg_buf_clear(&t);
			tg_reg_exclusion_reason(&r->exclusions[i], &t);
			tg_docx_cell_text(d, t.data, 0);
			tg_docx_row_end(d);
		}
		tg_docx_table_end(d);
		break;
	}
	case 2: {
		static const char *const cols[] = {"版", "改訂日", "改訂内容"};
		static const double widths[] = {0.15, 0.25, 0.6};
		table_head(d, cols, widths, 3);
		for (size_t i = 0; i < r->nrevisions; i++) {
			tg_docx_row_begin(d);
			tg_docx_cell_text(d, r->revisions[i].version, 0);
			tg_docx_cell_text(d, r->revisions[i].date, 0);
			tg_docx_cell_text(d, r->revisions[i].description, 0);
			tg_docx_row_end(d);
		}
		tg_docx_table_end(d);
		break;
	}
	default: {
		if (r->nterms == 0) {
			tg_docx_para(d, NULL, TG_REG_NO_TERMS, 0);
			break;
		}
		static const char *const cols[] = {"用語", "定義"};
		static const double widths[] = {0.28, 0.72};
		table_head(d, cols, widths, 2);
		for (size_t i = 0; i < r->nterms; i++) {
			tg_buf_clear(&t);
			tg_reg_term_name(r->terms[i], &t);
			tg_docx_row_begin(d);
			tg_docx_cell_text(d, t.data, 0);
			tg_docx_cell_text(d, r->terms[i]->definition, 0);
			tg_docx_row_end(d);
		}
		tg_docx_table_end(d);
		break;
	}
	}
	tg_buf_free(&t);
}

/* The date of the document: its latest revision, else the baseline's. */
static const char *
document_date(const tg_regulation *r, tg_buf *iso)
{
	const tg_node *revs = tg_reg_profile_get(r->spec.profile, "revisions");
	const char *best = NULL;
	for (size_t i = 0; revs != NULL && revs->kind == TG_NODE_SEQ && i < revs->n; i++) {
		const tg_node *date = tg_node_get(revs->items[i], "date");
		if (date != NULL && date->kind == TG_NODE_SCALAR && (best == NULL || strcmp(date->str, best) > 0))
			best = date->str;
	}
	if (best == NULL)
		best = r->spec.ind->baseline ? r->spec.ind->baseline->date : NULL;
	tg_buf_puts(iso, best ? best : "");
	return iso->len ? iso->data : NULL;
}

bool
tg_reg_docx(const tg_regulation *r, tg_reg_labels labels, tg_buf *out, const char *name,
    tg_diag *diag)
{
	tg_buf date = TG_BUF_INIT;
	tg_docx_setup s = {r->title, r->company, "情報セキュリティ関連規程", document_date(r, &date),
	    false, true};
	tg_docx *d = tg_docx_new(&s);
	tg_buf_free(&date);
	if (!r->spec.labels)
		labels = TG_REG_LABELS_NONE;
	cover(r, d);
	toc(r, d);
	tg_docx_heading_begin(d, 1, "about");
	tg_docx_text(d, "本書について", 0);
	tg_docx_heading_end(d);
	for (size_t i = 0; i < r->nabout; i++)
		tg_docx_markdown(d, r->about[i], strlen(r->about[i]), NULL, 0);
	for (size_t c = 0; c < r->nchapters; c++) {
		const tg_reg_chapter *ch = &r->chapters[c];
		for (size_t i = ch->first; i < ch->first + ch->count; i++)
			entry(r, &r->entries[i], d, labels);
	}
	for (size_t i = 0; i < 4; i++)
		appendix(r, i, d);
	return tg_docx_finish(d, out, name, diag);
}
