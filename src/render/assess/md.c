/* The assessment report as Markdown: title, facts, then each section. */
#include "../escape.h"
#include "ar.h"

static void
table(const tg_ar_table *t, tg_buf *out)
{
	tg_buf_putc(out, '|');
	for (size_t c = 0; c < t->ncols; c++) {
		tg_buf_putc(out, ' ');
		tg_esc_md_cell(out, t->headers[c]);
		tg_buf_puts(out, " |");
	}
	tg_buf_puts(out, "\n|");
	for (size_t c = 0; c < t->ncols; c++)
		tg_buf_puts(out, t->narrow[c] ? ":---:|" : "---|");
	tg_buf_putc(out, '\n');
	for (size_t r = 0; r < t->nrows; r++) {
		tg_buf_putc(out, '|');
		for (size_t c = 0; c < t->ncols; c++) {
			tg_buf_putc(out, ' ');
			tg_esc_md_cell(out, tg_ar_cell(t, r, c));
			tg_buf_puts(out, " |");
		}
		tg_buf_putc(out, '\n');
	}
}

void
tg_ar_md(const tg_ar_report *r, tg_buf *out)
{
	tg_buf_puts(out, "# ");
	tg_esc_md_text(out, r->title);
	tg_buf_puts(out, "\n\n");
	for (size_t i = 0; i < r->nmeta; i++) {
		tg_buf_puts(out, "- ");
		tg_esc_md_text(out, r->meta[i]);
		tg_buf_putc(out, '\n');
	}
	for (size_t s = 0; s < r->nsections; s++) {
		const tg_ar_section *sec = &r->sections[s];
		tg_buf_puts(out, "\n## ");
		tg_esc_md_text(out, sec->title);
		tg_buf_puts(out, "\n\n");
		for (size_t p = 0; p < sec->nparagraphs; p++) {
			tg_esc_md_text(out, sec->paragraphs[p]);
			tg_buf_puts(out, "\n\n");
		}
		if (sec->table != NULL && sec->table->nrows > 0)
			table(sec->table, out);
	}
}
