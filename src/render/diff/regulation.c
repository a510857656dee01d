/* diff --regulation: one self-contained HTML page with a redline per file
 * and per paragraph of two rendered regulations.  The Markdown source is
 * shown as text (what changed is the wording, not the layout). */
#include <stdlib.h>
#include <string.h>

#include "../escape.h"
#include "../../diff/diff.h"
#include "common.h"

static const char *const status_ja[] = {"変更なし", "変更", "追加", "削除", "空白のみの変更"};

/* Unchanged paragraphs between changes: a few stay visible as context,
 * longer runs fold away. */
#define CONTEXT_MAX 2

static void
paragraph(tg_buf *out, const tg_regblock *b)
{
	static const char *const cls[] = {"same", "changed", "deleted", "inserted"};
	tg_buf_printf(out, "<div class=\"p %s\">", cls[b->kind]);
	switch (b->kind) {
	case TG_RB_SAME:
		tg_esc_html(out, b->new_s, b->new_len);
		break;
	case TG_RB_DELETED:
		tg_buf_puts(out, "<del>");
		tg_esc_html(out, b->old_s, b->old_len);
		tg_buf_puts(out, "</del>");
		break;
	case TG_RB_INSERTED:
		tg_buf_puts(out, "<ins>");
		tg_esc_html(out, b->new_s, b->new_len);
		tg_buf_puts(out, "</ins>");
		break;
	case TG_RB_CHANGED: {
		char *a = tg_xstrndup(b->old_s, b->old_len), *c = tg_xstrndup(b->new_s, b->new_len);
		tg_buf spans = TG_BUF_INIT;
		tg_diff_redline(a, c, &spans);
		tg_html_redline(out, &spans);
		tg_buf_free(&spans);
		free(a);
		free(c);
		break;
	}
	}
	tg_buf_puts(out, "</div>\n");
}

static void
file_section(tg_buf *out, const tg_regfile *f)
{
	tg_buf_puts(out, "<section class=\"file\">\n<h2><span class=\"id\">");
	tg_esc_html(out, f->name, strlen(f->name));
	tg_buf_printf(out, "</span> <span class=\"kind k-%s\">%s</span></h2>\n",
	    f->status == TG_RF_ADDED ? "added" : f->status == TG_RF_REMOVED ? "removed" : "modified",
	    status_ja[f->status]);
	if (f->status == TG_RF_SPACING) {
		tg_buf_puts(out, "<p class=\"meta\">空行や行末の空白だけが異なる。</p>\n</section>\n");
		return;
	}
	if (f->status == TG_RF_CHANGED)
		tg_buf_printf(out, "<p class=\"meta\">段落: 変更 %zu、削除 %zu、追加 %zu</p>\n",
		    f->changed, f->deleted, f->inserted);
	size_t n = TG_BUF_COUNT(&f->blocks, tg_regblock);
	for (size_t i = 0; i < n;) {
		const tg_regblock *b = &TG_BUF_AT(&f->blocks, tg_regblock, i);
		if (b->kind != TG_RB_SAME) {
			paragraph(out, b);
			i++;
			continue;
		}
		size_t j = i;
		while (j < n && TG_BUF_AT(&f->blocks, tg_regblock, j).kind == TG_RB_SAME)
			j++;
		if (j - i <= CONTEXT_MAX) {
			for (; i < j; i++)
				paragraph(out, &TG_BUF_AT(&f->blocks, tg_regblock, i));
			continue;
		}
		tg_buf_printf(out, "<details><summary>変更のない段落 %zu 件</summary>\n", j - i);
		for (; i < j; i++)
			paragraph(out, &TG_BUF_AT(&f->blocks, tg_regblock, i));
		tg_buf_puts(out, "</details>\n");
	}
	tg_buf_puts(out, "</section>\n");
}

void
tg_regdiff_render_html(const tg_regdiff *rd, tg_buf *out)
{
	tg_html_begin(out, TG_HTML_STYLES);
	tg_buf_puts(out, "規程の新旧対照: ");
	tg_esc_html(out, rd->old_dir, strlen(rd->old_dir));
	tg_buf_puts(out, " → ");
	tg_esc_html(out, rd->new_dir, strlen(rd->new_dir));
	tg_buf_printf(out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<h1>規程の新旧対照</h1>\n"
	    "<table>\n<tr><th>旧</th><td class=\"id\">", tg_diff_css);
	tg_esc_html(out, rd->old_dir, strlen(rd->old_dir));
	tg_buf_puts(out, "</td></tr>\n<tr><th>新</th><td class=\"id\">");
	tg_esc_html(out, rd->new_dir, strlen(rd->new_dir));
	tg_buf_puts(out, "</td></tr>\n</table>\n<h2>ファイルの一覧</h2>\n<table>\n"
	    "<tr><th>ファイル</th><th>状態</th><th>変更</th><th>削除</th><th>追加</th></tr>\n");
	for (size_t i = 0; i < rd->nfiles; i++) {
		const tg_regfile *f = &rd->files[i];
		tg_buf_puts(out, "<tr><td class=\"id\">");
		tg_esc_html(out, f->name, strlen(f->name));
		tg_buf_printf(out, "</td><td>%s</td><td class=\"n\">%zu</td><td class=\"n\">%zu</td>"
		    "<td class=\"n\">%zu</td></tr>\n", status_ja[f->status], f->changed, f->deleted,
		    f->inserted);
	}
	tg_buf_puts(out, "</table>\n");
	for (size_t i = 0; i < rd->nfiles; i++)
		if (rd->files[i].status != TG_RF_SAME)
			file_section(out, &rd->files[i]);
	tg_buf_puts(out, "</body>\n</html>\n");
}
