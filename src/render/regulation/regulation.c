/* `render` and `init-profile`: resolves the industry, profile and level,
 * assembles the regulation once and writes each format (one output set)
 * under
 * out/<industry>/regulation[-<profile>][-<level>][-<edition>]/. */
#include <stdlib.h>
#include <string.h>

#include "../../load/schema.h"
#include "../../util/fs.h"
#include "../../util/outset.h"
#include "reg.h"

static const char *const appendix_titles[4] = {"付録A 業界ガイドライン対応表", "付録B 適用除外一覧",
    "付録C 改訂履歴", "付録D 用語の定義"};
const char *const tg_reg_appendix_ids[4] = {"appendix-crosswalk", "appendix-exclusions",
    "appendix-revisions", "appendix-terms"};

const char *
tg_reg_appendix_title(const tg_regulation *r, size_t i)
{
	if (i == 0 && r->spec.ind->guideline == NULL)
		return "付録A 業界固有事項一覧";
	return appendix_titles[i];
}

const char *
tg_reg_xref_column(const tg_regulation *r)
{
	return r->spec.ind->guideline != NULL ? "業界ガイドラインの項目" : "業界固有の事項";
}

void
tg_reg_xref_intro(const tg_regulation *r, tg_buf *out)
{
	if (r->spec.ind->guideline == NULL) {
		tg_buf_puts(out, "この業界には業界ガイドラインがないため、業界に固有の事項として本書に加えた条項"
		    "（業界追加）と条項への補足（業界補足）を示す。");
		if (r->nxrefs == 0)
			tg_buf_puts(out, "業界に固有の事項はない。");
		return;
	}
	tg_buf_printf(out, "本規程が対象とする業界ガイドラインの項目は%zu件で、そのうち%zu件が本書の条項に"
	    "対応する。残りの項目は、基にしたガイドラインの本文や他の付録にだけ対応するか、対応付けが"
	    "済んでいない（突合表を参照）。", r->items_in_scope, r->items_placed);
	if (r->nxrefs == 0)
		tg_buf_puts(out, "業界ガイドラインの項目に対応する条項はない。");
}

void
tg_reg_xref_items(const tg_reg_xref *x, tg_buf *out)
{
	for (size_t k = 0; x->items == NULL && k < x->nitems; k++)
		tg_buf_printf(out, "%s%s", k ? "\n" : "", x->labels[k]);
	for (size_t k = 0; x->items != NULL && k < x->nitems; k++) {
		const tg_item *it = x->items[k];
		tg_buf_printf(out, "%s%s %s", k ? "\n" : "", x->labels[k], it->title ? it->title : "不明");
		if (it->flag != NULL)
			tg_buf_printf(out, "（※データ品質：%s）", it->flag);
	}
}

void
tg_reg_exclusion_reason(const tg_reg_exclusion *x, tg_buf *out)
{
	tg_buf_puts(out, x->reason);
	if (x->nadditions > 0)
		tg_buf_printf(out, "（業界追加・業界補足%zu件を含めて除外）", x->nadditions);
}

void
tg_reg_term_name(const tg_term *t, tg_buf *out)
{
	tg_buf_puts(out, t->term);
	if (t->reading != NULL)
		tg_buf_printf(out, "（%s）", t->reading);
}

unsigned
tg_render_format(const char *name)
{
	if (strcmp(name, "md") == 0)
		return TG_RF_MD;
	if (strcmp(name, "html") == 0)
		return TG_RF_HTML;
	if (strcmp(name, "docx") == 0)
		return TG_RF_DOCX;
	if (strcmp(name, "all") == 0)
		return TG_RF_ALL;
	return 0;
}

/* Markdown files end with exactly one newline. */
static void
one_newline(tg_buf *b)
{
	while (b->len > 0 && b->data[b->len - 1] == '\n')
		tg_buf_truncate(b, b->len - 1);
	tg_buf_putc(b, '\n');
}

int
tg_reg_resolve(tg_data *d, const tg_render_options *o, const char *profile, bool batch,
    tg_reg_target *t, tg_diag *diag)
{
	memset(t, 0, sizeof *t);
	const tg_industry *ind = tg_reg_find_industry(d, o->industry, diag);
	if (ind == NULL)
		return TG_EXIT_USAGE;
	int rc = profile ? tg_reg_find_profile(d, profile, ind, &t->profile, diag) : TG_EXIT_OK;
	if (rc != TG_EXIT_OK)
		return rc;
	t->spec = (tg_reg_spec){.ind = ind, .profile = t->profile, .level = TG_REG_LEVEL_ALL,
	    .split = TG_REG_SPLIT_NONE, .labels = o->labels};
	t->docx_labels = o->labels_mode == TG_LABELS_INLINE ? TG_REG_LABELS_INLINE :
	    TG_REG_LABELS_COMMENTS;
	rc = tg_reg_find_level(o->level, ind, t->profile, &t->spec.level, diag);
	if (rc != TG_EXIT_OK)
		return rc;
	t->spec.split = o->split == TG_RENDER_MANAGEMENT ? TG_REG_SPLIT_MANAGEMENT :
	    o->split == TG_RENDER_TECHNICAL ? TG_REG_SPLIT_TECHNICAL : TG_REG_SPLIT_NONE;
	/* One regulation: -o is its directory.  A batch: -o (else out/ID)
	 * holds a directory per profile, named as the default one. */
	if (o->output != NULL && !batch) {
		t->dir = tg_xstrdup(o->output);
		return TG_EXIT_OK;
	}
	tg_buf name = TG_BUF_INIT;
	tg_buf_puts(&name, "regulation");
	if (t->profile != NULL)
		tg_buf_printf(&name, "-%s", t->profile->id);
	if (o->level != NULL)
		tg_buf_printf(&name, "-%s", o->level);
	if (t->spec.split != TG_REG_SPLIT_NONE)
		tg_buf_puts(&name, t->spec.split == TG_REG_SPLIT_MANAGEMENT ? "-management" : "-technical");
	char *base = o->output != NULL ? tg_xstrdup(o->output) : tg_fs_join("out", ind->id);
	t->dir = tg_fs_join(base, name.data);
	free(base);
	tg_buf_free(&name);
	return TG_EXIT_OK;
}

static bool
stage(tg_outset *set, const char *dir, const char *name, const tg_buf *text, tg_diag *diag)
{
	char *path = tg_fs_join(dir, name);
	bool ok = tg_outset_put(set, path, text->data ? text->data : "", text->len, diag);
	free(path);
	return ok;
}

int
tg_reg_stage(const tg_data *d, const tg_reg_target *t, unsigned formats, tg_outset *set,
    tg_diag *diag)
{
	tg_regulation *r = tg_reg_build(d, &t->spec, diag);
	if (r == NULL)
		return TG_EXIT_INVALID;
	unsigned fmts = formats ? formats : TG_RF_ALL;
	bool ok = true;
	tg_buf text = TG_BUF_INIT;
	if (fmts & TG_RF_MD) {
		for (size_t i = 0; i < r->nchapters && ok; i++) {
			tg_buf_clear(&text);
			tg_reg_md_chapter(r, i, 1, &text);
			tg_reg_md_chapter_notes(r, i, &text);
			one_newline(&text);
			ok = stage(set, t->dir, r->chapters[i].file->name, &text, diag);
		}
		if (ok) {
			tg_buf_clear(&text);
			tg_reg_md_appendices(r, 1, &text);
			one_newline(&text);
			ok = stage(set, t->dir, "appendices.md", &text, diag);
		}
		if (ok) {
			tg_buf_clear(&text);
			tg_reg_md_document(r, &text);
			one_newline(&text);
			ok = stage(set, t->dir, "regulation.md", &text, diag);
		}
	}
	if ((fmts & TG_RF_HTML) && ok) {
		tg_buf_clear(&text);
		tg_reg_html(r, &text);
		ok = stage(set, t->dir, "regulation.html", &text, diag);
	}
	if ((fmts & TG_RF_DOCX) && ok) {
		tg_buf_clear(&text);
		char *path = tg_fs_join(t->dir, "regulation.docx");
		ok = tg_reg_docx(r, t->docx_labels, &text, path, diag) &&
		    stage(set, t->dir, "regulation.docx", &text, diag);
		free(path);
	}
	tg_buf_free(&text);
	tg_reg_free(r);
	return ok ? TG_EXIT_OK : TG_EXIT_IO;
}

int
tg_render_write(tg_data *d, const tg_render_options *o, tg_buf *report, tg_diag *diag)
{
	if (o->nprofiles > 0 || o->profiles_dir != NULL)
		return tg_reg_batch(d, o, report, diag);
	tg_reg_target t;
	int rc = tg_reg_resolve(d, o, o->profile, false, &t, diag);
	if (rc != TG_EXIT_OK)
		return rc;
	tg_outset *set = tg_outset_new();
	rc = tg_reg_stage(d, &t, o->formats, set, diag);
	if (rc == TG_EXIT_OK)
		rc = tg_outset_commit(set, diag);
	if (rc == TG_EXIT_OK)
		for (size_t i = 0; i < tg_outset_count(set); i++)
			tg_buf_printf(report, "wrote %s\n", tg_outset_path(set, i));
	tg_outset_free(set);
	free(t.dir);
	return rc;
}

int
tg_init_profile(const tg_data *d, const char *industry, tg_buf *out, tg_diag *diag)
{
	const tg_industry *ind = tg_reg_find_industry(d, industry, diag);
	if (ind == NULL)
		return TG_EXIT_USAGE;
	if (tg_reg_tset_for(d, ind->baseline) == NULL) {
		tg_diag_error(diag, tg_pos_at(NULL, 0, 0), "industry '%s' has no regulation templates", industry);
		return TG_EXIT_INVALID;
	}
	tg_reg_skeleton(d, ind, out);
	return TG_EXIT_OK;
}

int
tg_init_industry(const tg_data *d, const char *id, const char *title, const char *baseline,
    tg_buf *out, tg_diag *diag)
{
	tg_pos none = tg_pos_at(NULL, 0, 0);
	if (!tg_schema_is_object_id(id)) {
		tg_diag_error(diag, none, "'%s' is not an industry id: use lower-case letters, digits, "
		    "'.', '_' and '-', starting with a letter or digit (e.g. logistics)", id);
		return TG_EXIT_USAGE;
	}
	const tg_industry *known = tg_data_industry(d, id);
	if (known != NULL) {
		tg_diag_error(diag, none, "industry '%s' already exists (%s:%u:%u); choose another id", id,
		    known->file, known->pos.line, known->pos.col);
		return TG_EXIT_USAGE;
	}
	if (title[0] == '\0') {
		tg_diag_error(diag, none, "the title is empty (--title 物流業)");
		return TG_EXIT_USAGE;
	}
	const tg_tset *t = NULL;
	if (baseline != NULL) {
		const tg_catalog *c = tg_data_catalog(d, baseline);
		t = c ? tg_reg_tset_for(d, c) : NULL;
		if (t == NULL) {
			tg_diag_error(diag, none, "'%s' is not a catalog with regulation templates%s", baseline,
			    c == NULL ? " (no such catalog)" : " (no parameter registry names it)");
			return TG_EXIT_USAGE;
		}
	}
	for (size_t i = 0; t == NULL && i < TG_DATA_COUNT(d, paramsets, tg_paramset); i++)
		t = TG_DATA_AT(d, paramsets, tg_paramset, i)->tset;
	if (t == NULL) {
		tg_diag_error(diag, none, "the data has no regulation templates (no parameter registry "
		    "with templates)");
		return TG_EXIT_INVALID;
	}
	tg_reg_industry_skeleton(d, t, id, title, out);
	return TG_EXIT_OK;
}
