/* The 新旧対照表 as Markdown: a two-column table (改正前 | 改正後), the
 * clause heading on the first line of each cell, changed words in bold
 * (Markdown has no underline), （略） for clauses left out. */
#include <string.h>

#include "../escape.h"
#include "common.h"

/* Bold must open and close on one line and hug its text. */
static void
changed(tg_buf *out, const char *s, size_t len)
{
	size_t start = 0;
	for (size_t i = 0; i <= len; i++) {
		if (i < len && s[i] != '\n')
			continue;
		size_t a = start, b = i;
		while (a < b && (s[a] == ' ' || s[a] == '\t'))
			a++;
		while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t'))
			b--;
		tg_buf tmp = TG_BUF_INIT;
		tg_buf_put(&tmp, s + start, a - start);
		tg_esc_md_cell(out, tg_buf_cstr(&tmp));
		if (b > a) {
			tg_buf_clear(&tmp);
			tg_buf_put(&tmp, s + a, b - a);
			tg_buf_puts(out, "**");
			tg_esc_md_cell(out, tg_buf_cstr(&tmp));
			tg_buf_puts(out, "**");
		}
		tg_buf_clear(&tmp);
		tg_buf_put(&tmp, s + b, i - b);
		tg_esc_md_cell(out, tg_buf_cstr(&tmp));
		tg_buf_free(&tmp);
		if (i < len)
			tg_buf_puts(out, "<br>");
		start = i + 1;
	}
}

static void
side(tg_buf *out, const tg_on_row *r, bool new_side)
{
	if ((new_side ? r->new_text : r->old_text) == NULL) {
		tg_buf_puts(out, new_side ? "（削除）" : "（新設）");
		return;
	}
	tg_buf segs = TG_BUF_INIT;
	tg_oldnew_side(r, new_side, &segs);
	for (size_t i = 0; i < TG_BUF_COUNT(&segs, tg_on_seg); i++) {
		const tg_on_seg *sg = &TG_BUF_AT(&segs, tg_on_seg, i);
		if (sg->changed) {
			changed(out, sg->s, sg->len);
		} else {
			tg_buf tmp = TG_BUF_INIT;
			tg_buf_put(&tmp, sg->s, sg->len);
			tg_esc_md_cell(out, tg_buf_cstr(&tmp));
			tg_buf_free(&tmp);
		}
	}
	tg_buf_free(&segs);
}

static void
field(tg_buf *out, const char *key, const char *dir, const char *title, const char *source)
{
	tg_buf t = TG_BUF_INIT;
	if (title != NULL)
		tg_buf_printf(&t, "%s（%s／%s）", title, dir, source);
	else
		tg_buf_printf(&t, "%s／%s", dir, source);
	tg_buf_printf(out, "- %s：", key);
	tg_esc_md_text(out, t.data);
	tg_buf_putc(out, '\n');
	tg_buf_free(&t);
}

void
tg_oldnew_render_md(const tg_oldnew *on, tg_buf *out)
{
	tg_buf_puts(out, "# 新旧対照表\n\n");
	field(out, "改正前", on->old_dir, on->old_title, on->old_source);
	field(out, "改正後", on->new_dir, on->new_title, on->new_source);
	tg_buf_printf(out, "- 条項：変更 %zu、新設 %zu、削除 %zu、変更なし %zu\n\n"
	    "太字の部分が改正部分である。変更のない条項は「（略）」とした。\n\n"
	    "| 改正前 | 改正後 |\n|---|---|\n", on->changed, on->added, on->removed, on->unchanged);
	for (size_t i = 0; i < on->nrows; i++) {
		const tg_on_row *r = &on->rows[i];
		if (r->kind == TG_ON_GAP) {
			tg_buf_puts(out, "| （略） | （略） |\n");
			continue;
		}
		tg_buf_puts(out, "| ");
		side(out, r, false);
		tg_buf_puts(out, " | ");
		side(out, r, true);
		tg_buf_puts(out, " |\n");
	}
}
