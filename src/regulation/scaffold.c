/* `init-industry`: the commented skeleton of an industry without a
 * guideline.  It lists every industry.examples.* parameter of the
 * templates (with the clauses that use it, valued with the registry
 * default), the terms the templates rely on (with their default
 * definitions and where they are used), and, per chapter, room for the
 * industry's own additions.  It loads as it is and renders the baseline's
 * sample until the association edits it. */
#include <string.h>

#include "regulation.h"
#include "../util/yamlw.h"

#define EXAMPLE_PREFIX "industry.examples."
/* Clauses named in a term's comment before "ほかN条項". */
#define TERM_CLAUSES_SHOWN 6

static void
comment(tg_buf *out, unsigned ind, const char *text)
{
	for (const char *p = text; *p;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		for (unsigned i = 0; i < ind; i++)
			tg_buf_putc(out, ' ');
		tg_buf_puts(out, len ? "# " : "#");
		tg_buf_put(out, p, len);
		tg_buf_putc(out, '\n');
		if (nl == NULL)
			break;
		p = nl + 1;
	}
}

/* A registry description without the registry's own advice to override it. */
static void
description_of(tg_buf *out, const char *d)
{
	static const char advice[] = "業界ごとに上書きする。";
	size_t n = strlen(d), m = sizeof advice - 1;
	tg_buf_put(out, d, n > m && strcmp(d + n - m, advice) == 0 ? n - m : n);
}

static void
section(tg_buf *out, const char *title)
{
	tg_buf_printf(out, "\n# ---------------------------------------------------------------- %s\n", title);
}

static void
examples(tg_buf *out, const tg_data *d, const tg_tset *t)
{
	const tg_paramset *ps = t->params;
	section(out, "例示");
	comment(out, 0, "テンプレートが条項の中で {{industry.examples.KEY}} として使う例。値は既定値（業界を\n"
	    "問わない一般的な例）なので、業界で扱う情報、機器、取引先などの例に書き換える。消した\n"
	    "例には既定値を使う（validate が note で知らせる）。");
	tg_buf_puts(out, "examples:\n");
	bool any = false;
	tg_buf c = TG_BUF_INIT;
	for (size_t i = 0; i < ps->nparams; i++) {
		const tg_param *p = &ps->params[i];
		if (strncmp(p->name, EXAMPLE_PREFIX, sizeof EXAMPLE_PREFIX - 1) != 0)
			continue;
		any = true;
		tg_buf_clear(&c);
		tg_buf_printf(&c, "--- %s：", p->name + sizeof EXAMPLE_PREFIX - 1);
		description_of(&c, p->description ? p->description : "");
		tg_buf_puts(&c, "\n使う条項：");
		for (size_t k = 0; k < p->nclauses; k++) {
			const tg_item *it = tg_data_ref(d, p->clauses[k], ps->catalog);
			const tg_tclause *tc = it ? tg_tset_clause(t, it->id) : NULL;
			if (k > 0)
				tg_buf_puts(&c, "、");
			if (it != NULL)
				tg_reg_clause_name(t, it, tc != NULL && tc->chapter, &c);
			else
				tg_buf_puts(&c, p->clauses[k]);
		}
		comment(out, 2, c.data);
		tg_buf_puts(out, "  - key: ");
		tg_buf_puts(out, p->name + sizeof EXAMPLE_PREFIX - 1);
		tg_buf_puts(out, "\n    text: ");
		const char *def = p->def && p->def->kind == TG_NODE_SCALAR ? p->def->str : "○○";
		tg_yamlw_scalar(out, def);
		tg_buf_putc(out, '\n');
	}
	if (!any)
		tg_buf_puts(out, "  []\n");
	tg_buf_free(&c);
}

static void
terms(tg_buf *out, const tg_tset *t)
{
	const tg_paramset *ps = t->params;
	section(out, "用語");
	comment(out, 0, "付録「用語の定義」に載せる用語。テンプレートが前提とする用語を既定の定義で挙げた。\n"
	    "業界での意味に合わせて定義を書き換え、業界の用語（業務、取引先、設備、書類の呼び名）を\n"
	    "加える。ここから消した用語には既定の定義を使う。");
	tg_buf_puts(out, "terms:\n");
	tg_buf c = TG_BUF_INIT, uses = TG_BUF_INIT;
	for (size_t i = 0; i < ps->nterms; i++) {
		const tg_term *term = &ps->terms[i];
		if (term->term == NULL || term->definition == NULL)
			continue;
		tg_buf_clear(&c);
		tg_buf_clear(&uses);
		size_t n = tg_reg_term_uses(t, term->term, &uses);
		tg_buf_puts(&c, "使う条項：");
		for (size_t k = 0; k < n && k < TERM_CLAUSES_SHOWN; k++) {
			const tg_tclause *tc = TG_BUF_AT(&uses, const tg_tclause *, k);
			if (k > 0)
				tg_buf_puts(&c, "、");
			tg_reg_clause_name(t, tc->item, tc->chapter, &c);
		}
		if (n > TERM_CLAUSES_SHOWN)
			tg_buf_printf(&c, "ほか%zu条項", n - TERM_CLAUSES_SHOWN);
		comment(out, 2, c.data);
		tg_buf_puts(out, "  - term: ");
		tg_yamlw_scalar(out, term->term);
		if (term->reading != NULL) {
			tg_buf_puts(out, "\n    reading: ");
			tg_yamlw_scalar(out, term->reading);
		}
		tg_buf_puts(out, "\n    definition: ");
		tg_yamlw_scalar(out, term->definition);
		tg_buf_putc(out, '\n');
	}
	comment(out, 2, "業界の用語の例（読みは省略できる）：\n"
	    "- term: （用語）\n"
	    "  reading: （よみ）\n"
	    "  definition: （業界での意味）");
	if (ps->nterms == 0)
		tg_buf_puts(out, "  []\n");
	tg_buf_free(&c);
	tg_buf_free(&uses);
}

/* Per chapter: its 中項目 as a reference and a commented entry. */
static void
additions(tg_buf *out, const tg_tset *t)
{
	section(out, "業界固有の事項（章ごと）");
	comment(out, 0, "基にしたサンプルにない業界固有の事項を、関係する条項に付けて書く（反映案）。\n"
	    "  action: add    clause の下に新しい条項として加える。番号は clause の既存の下位の条項の\n"
	    "                 次（3.3 の下なら 3.3.3）。title が見出しになる。\n"
	    "  action: amend  clause の本文の後に「（業界補足）」として加える。title は対比表と付録の名前。\n"
	    "clause は条項の id（下の一覧）。note は対比表の備考に出る。書いたら additions: [] の [] を消し、\n"
	    "例の行の # を外す。");
	tg_buf_puts(out, "additions: []\n");
	tg_buf c = TG_BUF_INIT;
	for (size_t fi = 0; fi < t->nfiles; fi++) {
		const tg_tclause *ch = &t->clauses[t->files[fi].chapter];
		if (ch->item == NULL || !ch->chapter)
			continue;
		const tg_item *top = ch->item;
		tg_buf_clear(&c);
		tg_buf_putc(out, '\n');
		tg_reg_clause_name(t, top, false, &c);
		tg_buf_printf(&c, "（%s）", top->id);
		const tg_item *first = NULL;
		size_t n = 0;
		for (size_t i = 0; i < t->nclauses; i++) {
			const tg_tclause *tc = &t->clauses[i];
			if (tc->file != fi || tc->chapter || tc->item == NULL || tc->item->parent != top)
				continue;
			tg_buf_printf(&c, "%s%s ", n % 2 == 0 ? "\n  " : "　", tc->item->id);
			tg_reg_clause_name(t, tc->item, false, &c);
			if (first == NULL)
				first = tc->item;
			n++;
		}
		comment(out, 0, c.data);
		tg_buf_clear(&c);
		tg_buf_printf(&c, "- clause: %s\n"
		    "  action: add\n"
		    "  title: （見出し）\n"
		    "  text: |\n"
		    "    （本文）\n"
		    "  note: （基にしたサンプルと異なる理由。省略できる）", first ? first->id : top->id);
		comment(out, 2, c.data);
	}
	tg_buf_free(&c);
}

void
tg_reg_industry_skeleton(const tg_data *d, const tg_tset *t, const char *id, const char *title,
    tg_buf *out)
{
	tg_buf c = TG_BUF_INIT;
	const tg_catalog *base = t->catalog;
	const char *bname = base->short_title ? base->short_title : base->title;
	tg_buf_printf(&c, "「%s」の業界定義（業界ガイドラインのない業界のひな形。totsugo init-industry が作成）。\n"
	    "このままでも読み込め、%sのサンプル規程を既定の例示と用語で出力できる。業界に合わせて\n"
	    "次の順に書き換える。\n"
	    "  1. examples   条項の中の例示を、業界で扱う情報、機器、取引先などに書き換える。\n"
	    "  2. terms      付録「用語の定義」を業界での意味に合わせ、業界の用語を加える。\n"
	    "  3. additions  業界固有の事項を、章ごとに条項の追加（add）又は補足（amend）として書く。\n"
	    "mappings/industries/ に置いて、次のコマンドで確かめる。\n"
	    "  totsugo validate                          例示の過不足を知らせる\n"
	    "  totsugo crosswalk --industry %s   対比表：基にしたサンプルと業界版の違い\n"
	    "  totsugo render --industry %s      業界向け情報セキュリティサンプル規程\n"
	    "書式は docs/data-format.md、作業の流れは docs/regulation.md（Two paths）を参照。", title, bname, id, id);
	comment(out, 0, c.data);
	tg_buf_puts(out, "kind: industry\nid: ");
	tg_yamlw_scalar(out, id);
	tg_buf_puts(out, "\ntitle: ");
	tg_yamlw_scalar(out, title);
	tg_buf_putc(out, '\n');
	comment(out, 0, "業界追加・業界補足の印（「（業界追加：○○）」）に使う短い名前。省略すると title を使う。");
	tg_buf_puts(out, "# short_title: ");
	tg_yamlw_scalar(out, title);
	tg_buf_puts(out, "\nbaseline: ");
	tg_yamlw_scalar(out, t->catalog->id);
	tg_buf_putc(out, '\n');
	tg_buf_clear(&c);
	tg_buf_printf(&c, "業界団体のガイドラインがあるときは、そのカタログと突合表を指定し、業界固有の事項は\n"
	    "突合表の反映案（proposal）に書く（additions は使わない）。\n"
	    "guideline: CATALOG-ID\n"
	    "crosswalks: [CATALOG-ID--%s]", t->catalog->id);
	comment(out, 0, c.data);
	comment(out, 0, "description: （業界と、規程を使う企業の説明）");
	comment(out, 0, "出所：業界団体や当プロジェクトが自らの文言で書いた内容は authored。");
	tg_buf_puts(out, "provenance: authored\n");
	examples(out, d, t);
	terms(out, t);
	additions(out, t);
	tg_buf_free(&c);
}
