/* The regulation as Markdown: headings from the catalog, texts as the
 * templates rendered them, marks of the industry's additions and
 * supplements, labels, and the appendices as tables. */
#include <string.h>

#include "../escape.h"
#include "../provenance.h"
#include "reg.h"

static void
heading(tg_buf *out, unsigned level, const char *number, const char *title, const char *mark)
{
	for (unsigned i = 0; i < (level > 6 ? 6 : level); i++)
		tg_buf_putc(out, '#');
	tg_buf_putc(out, ' ');
	tg_buf text = TG_BUF_INIT;
	if (number != NULL)
		tg_buf_printf(&text, "%s ", number);
	tg_buf_puts(&text, title);
	if (mark != NULL)
		tg_buf_puts(&text, mark);
	/* Cell rules: inline markup escaped, no line-start rules (the text
	 * follows the #s). */
	tg_esc_md_cell(out, tg_buf_cstr(&text));
	tg_buf_free(&text);
	tg_buf_puts(out, "\n\n");
}

static void
paragraph(tg_buf *out, const char *md)
{
	tg_buf_puts(out, md);
	tg_buf_puts(out, "\n\n");
}

static void
entry(const tg_reg_entry *e, unsigned base, tg_buf *out)
{
	tg_buf mark = TG_BUF_INIT;
	if (e->kind == TG_REG_ADDITION)
		tg_buf_printf(&mark, "（%s：%s）", TG_REG_ADD_MARK, e->source_label);
	heading(out, base + e->depth, e->number, e->title, mark.len ? mark.data : NULL);
	tg_buf_free(&mark);
	if (e->text != NULL && e->text[0] != '\0')
		paragraph(out, e->text);
	else if (e->other_edition != NULL)
		tg_buf_printf(out, "（本項の本文は%sに収める。）\n\n", e->other_edition);
	for (size_t i = 0; i < e->nsupplements; i++) {
		tg_buf m = TG_BUF_INIT;
		tg_buf_printf(&m, "（%s：%s）", TG_REG_AMEND_MARK, e->supplements[i].label);
		tg_esc_md_text(out, m.data);
		tg_buf_free(&m);
		paragraph(out, e->supplements[i].text);
	}
	if (e->nlabels > 0) {
		tg_buf l = TG_BUF_INIT;
		for (size_t i = 0; i < e->nlabels; i++)
			tg_buf_printf(&l, "〔%s〕", e->labels[i].text);
		tg_esc_md_text(out, l.data);
		tg_buf_free(&l);
		tg_buf_puts(out, "\n\n");
	}
}

void
tg_reg_md_chapter(const tg_regulation *r, size_t chapter, unsigned base, tg_buf *out)
{
	const tg_reg_chapter *c = &r->chapters[chapter];
	for (size_t i = c->first; i < c->first + c->count; i++)
		entry(&r->entries[i], base, out);
}

void
tg_reg_md_chapter_notes(const tg_regulation *r, size_t chapter, tg_buf *out)
{
	if (r->chapters[chapter].marks == 0)
		return;
	tg_buf t = TG_BUF_INIT;
	tg_origin_footnotes(r->chapters[chapter].marks, &t, "");
	tg_buf_puts(out, "---\n\n");
	tg_esc_md_text(out, t.data);
	tg_buf_puts(out, "\n\n");
	tg_buf_free(&t);
}

static void
cell(tg_buf *out, const char *s)
{
	tg_buf_puts(out, " ");
	tg_esc_md_cell(out, s);
	tg_buf_puts(out, " |");
}

static void
xref_table(const tg_regulation *r, tg_buf *out)
{
	tg_buf t = TG_BUF_INIT;
	tg_reg_xref_intro(r, &t);
	tg_esc_md_text(out, t.data);
	tg_buf_puts(out, "\n\n");
	if (r->nxrefs > 0)
		tg_buf_printf(out, "| 条項 | %s | 本規程での扱い |\n|---|---|---|\n", tg_reg_xref_column(r));
	for (size_t i = 0; i < r->nxrefs; i++) {
		const tg_reg_xref *x = &r->xrefs[i];
		tg_buf_puts(out, "|");
		cell(out, x->name);
		tg_buf_clear(&t);
		tg_reg_xref_items(x, &t);
		cell(out, t.data);
		cell(out, x->treatment);
		tg_buf_puts(out, i + 1 == r->nxrefs ? "\n\n" : "\n");
	}
	if (r->xref_marks != 0) {
		tg_buf_clear(&t);
		tg_origin_footnotes(r->xref_marks, &t, "");
		tg_esc_md_text(out, t.data);
		tg_buf_puts(out, "\n\n");
	}
	tg_buf_free(&t);
}

static void
exclusion_table(const tg_regulation *r, tg_buf *out)
{
	if (r->nexclusions == 0) {
		tg_buf_puts(out, TG_REG_NO_EXCLUSIONS "\n\n");
		return;
	}
	tg_buf_puts(out, "| 条項 | 適用除外の理由 |\n|---|---|\n");
	tg_buf why = TG_BUF_INIT;
	for (size_t i = 0; i < r->nexclusions; i++) {
		tg_buf_puts(out, "|");
		cell(out, r->exclusions[i].name);
		tg_buf_clear(&why);
		tg_reg_exclusion_reason(&r->exclusions[i], &why);
		cell(out, tg_buf_cstr(&why));
		tg_buf_putc(out, '\n');
	}
	tg_buf_putc(out, '\n');
	tg_buf_free(&why);
}

static void
revision_table(const tg_regulation *r, tg_buf *out)
{
	tg_buf_puts(out, "| 版 | 改訂日 | 改訂内容 |\n|---|---|---|\n");
	for (size_t i = 0; i < r->nrevisions; i++) {
		const tg_reg_revision *v = &r->revisions[i];
		tg_buf_puts(out, "|");
		cell(out, v->version);
		cell(out, v->date);
		cell(out, v->description);
		tg_buf_putc(out, '\n');
	}
	tg_buf_putc(out, '\n');
}

static void
terms_table(const tg_regulation *r, tg_buf *out)
{
	if (r->nterms == 0) {
		tg_buf_puts(out, TG_REG_NO_TERMS "\n\n");
		return;
	}
	tg_buf_puts(out, "| 用語 | 定義 |\n|---|---|\n");
	tg_buf t = TG_BUF_INIT;
	for (size_t i = 0; i < r->nterms; i++) {
		tg_buf_clear(&t);
		tg_reg_term_name(r->terms[i], &t);
		tg_buf_puts(out, "|");
		cell(out, tg_buf_cstr(&t));
		cell(out, r->terms[i]->definition);
		tg_buf_putc(out, '\n');
	}
	tg_buf_putc(out, '\n');
	tg_buf_free(&t);
}

void
tg_reg_md_appendices(const tg_regulation *r, unsigned base, tg_buf *out)
{
	void (*const body[4])(const tg_regulation *, tg_buf *) = {xref_table, exclusion_table,
	    revision_table, terms_table};
	for (size_t i = 0; i < 4; i++) {
		heading(out, base, NULL, tg_reg_appendix_title(r, i), NULL);
		body[i](r, out);
	}
}

void
tg_reg_md_document(const tg_regulation *r, tg_buf *out)
{
	heading(out, 1, NULL, r->title, NULL);
	heading(out, 2, NULL, "本書について", NULL);
	for (size_t i = 0; i < r->nabout; i++)
		paragraph(out, r->about[i]);
	for (size_t i = 0; i < r->nchapters; i++)
		tg_reg_md_chapter(r, i, 2, out);
	tg_reg_md_appendices(r, 2, out);
	/* One newline at the end, not two. */
	while (out->len > 1 && out->data[out->len - 1] == '\n' && out->data[out->len - 2] == '\n')
		tg_buf_truncate(out, out->len - 1);
}
