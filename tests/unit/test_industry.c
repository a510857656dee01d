/* Unit tests of industries without a guideline: loading (optional
 * guideline, own additions, provenance defaults), the regulation they
 * render (additions placed and numbered, 業界固有事項一覧, glossary with
 * the registry's terms), where terms are used, validate's example notes,
 * the init-industry skeleton (loads and renders the sample unedited) and
 * the 対比表 (rows and counts).  Data: the fixture of the industry regress
 * suite. */
#include "testutil.h"
#include "crosswalk/contrast.h"
#include "load/load.h"
#include "regulation/regulation.h"
#include "render/regulation/reg.h"
#include "totsugo.h"

#define FIXTURE TOTSUGO_SOURCE_ROOT "/tests/regress/industry/_data"

static tg_data *data;
static tg_diag *diag;

static void
setup(void)
{
	diag = tg_diag_new();
	int rc;
	data = tg_data_open(FIXTURE, diag, &rc);
	ck_assert_int_eq(rc, TG_EXIT_OK);
}

static void
teardown(void)
{
	tg_data_free(data);
	tg_diag_free(diag);
}

static const tg_industry *
shop(void)
{
	const tg_industry *ind = tg_data_industry(data, "shop");
	ck_assert_ptr_nonnull(ind);
	return ind;
}

static tg_regulation *
build(const tg_data *d, const tg_industry *ind)
{
	tg_reg_spec spec = {ind, NULL, TG_REG_LEVEL_ALL, TG_REG_SPLIT_NONE, false, NULL};
	tg_regulation *r = tg_reg_build(d, &spec, diag);
	ck_assert_ptr_nonnull(r);
	return r;
}

START_TEST(loads_without_guideline_with_own_additions)
{
	const tg_industry *ind = shop();
	ck_assert_ptr_null(ind->guideline);
	ck_assert_ptr_nonnull(ind->baseline);
	ck_assert_uint_eq(ind->ncrosswalks, 0);
	ck_assert_str_eq(ind->short_title, "小売");
	ck_assert_uint_eq(ind->nadditions, 3);
	ck_assert_int_eq(ind->additions[0].action, TG_ACTION_ADD);
	ck_assert_int_eq(ind->additions[1].action, TG_ACTION_AMEND);
	ck_assert_str_eq(ind->additions[1].clause->id, "reg/2.1.1");
	/* Provenance: the industry's unless the entry has its own. */
	ck_assert_int_eq(ind->terms[0].prov.kind, TG_PROV_AUTHORED);
	ck_assert_int_eq(ind->terms[1].prov.kind, TG_PROV_FACT);
	ck_assert_int_eq(ind->terms[1].prov.confidence, 'M');
	ck_assert_int_eq(ind->examples[0].prov.kind, TG_PROV_AUTHORED);
	ck_assert_int_eq(ind->additions[2].prov.kind, TG_PROV_AUTHORED);
	const tg_paramset *ps = tg_data_paramset(data, "reg");
	ck_assert_uint_eq(ps->nterms, 2);
	ck_assert_str_eq(ps->terms[1].term, "責任者");
}
END_TEST

START_TEST(additions_are_placed_numbered_and_listed)
{
	tg_regulation *r = build(data, shop());
	size_t adds = 0, amends = 0;
	for (size_t i = 0; i < r->nentries; i++) {
		const tg_reg_entry *e = &r->entries[i];
		if (e->kind == TG_REG_ADDITION) {
			ck_assert_ptr_nonnull(e->addition);
			ck_assert_ptr_null(e->source);
			ck_assert_str_eq(e->source_label, "小売");
			ck_assert_str_eq(e->number, adds == 0 ? "1.1.3" : "2.2.1");
			ck_assert_str_eq(e->title, adds == 0 ? "店長の役割" : "レジ周りの機器");
			adds++;
		}
		for (size_t k = 0; k < e->nsupplements; k++) {
			ck_assert_str_eq(e->item->id, "reg/2.1.1");
			ck_assert_str_eq(e->supplements[k].label, "小売");
			ck_assert_str_eq(e->supplements[k].text, "POSの売上データも、毎日の締めの後に取得する。");
			amends++;
		}
	}
	ck_assert_uint_eq(adds, 2);
	ck_assert_uint_eq(amends, 1);
	/* 付録A 業界固有事項一覧: the clauses with their additions' titles. */
	ck_assert_uint_eq(r->nxrefs, 3);
	ck_assert_ptr_null(r->xrefs[0].items);
	ck_assert_str_eq(r->xrefs[0].labels[0], "追加：店長の役割");
	ck_assert_str_eq(r->xrefs[0].treatment, "業界追加 1.1.3");
	ck_assert_str_eq(r->xrefs[1].labels[0], "補足：POSのデータ");
	ck_assert_str_eq(r->xrefs[1].treatment, "業界補足");
	ck_assert_str_eq(tg_reg_appendix_title(r, 0), "付録A 業界固有事項一覧");
	/* 用語の定義: the industry's terms, then the registry's it lacks. */
	ck_assert_uint_eq(r->nterms, 3);
	ck_assert_str_eq(r->terms[0]->term, "情報資産");
	ck_assert_str_eq(r->terms[0]->definition,
	    "顧客台帳、売上データ、仕入先との取引記録と、それを記録したレジ・パソコン・紙の帳票。");
	ck_assert_str_eq(r->terms[1]->term, "POS");
	ck_assert_str_eq(r->terms[2]->term, "責任者");
	ck_assert_str_eq(r->terms[2]->definition, "情報セキュリティの取組みを指揮する者。");
	/* 本書について says there is no guideline and counts what was added. */
	ck_assert_ptr_nonnull(strstr(r->about[1], "業界団体の情報セキュリティガイドラインがない"));
	ck_assert_ptr_nonnull(strstr(r->about[1], "（業界追加：小売）」と記した条項として加え（2件）"));
	tg_reg_free(r);
}
END_TEST

START_TEST(examples_fall_back_to_the_registry_default)
{
	const tg_paramset *ps = tg_data_paramset(data, "reg");
	tg_arena a;
	tg_arena_init(&a);
	tg_node *ctx = tg_reg_context(&a, ps, shop(), NULL);
	const tg_node *ex = tg_node_get(tg_node_get(ctx, "industry"), "examples");
	ck_assert_str_eq(tg_node_get(ex, "secret_info")->str, "会員の購買履歴、仕入価格");
	ck_assert_str_eq(tg_node_get(ex, "backup_targets")->str, "ファイルサーバ");
	ck_assert_str_eq(tg_node_get(ex, "displays")->str, "店頭のデジタルサイネージ");
	tg_arena_free(&a);
}
END_TEST

START_TEST(term_uses_are_the_clauses_whose_text_holds_it)
{
	const tg_tset *t = tg_reg_tset_for(data, shop()->baseline);
	tg_buf uses = TG_BUF_INIT;
	ck_assert_uint_eq(tg_reg_term_uses(t, "責任者", &uses), 2);
	ck_assert_str_eq(TG_BUF_AT(&uses, const tg_tclause *, 0)->item->id, "reg/1.1.1");
	ck_assert_str_eq(TG_BUF_AT(&uses, const tg_tclause *, 1)->item->id, "reg/2.1.2");
	tg_buf_clear(&uses);
	ck_assert_uint_eq(tg_reg_term_uses(t, "存在しない語", &uses), 0);
	tg_buf_free(&uses);
	tg_buf name = TG_BUF_INIT;
	tg_reg_clause_name(t, tg_catalog_item(t->catalog, "pol/1"), false, &name);
	ck_assert_str_eq(name.data, "基本方針 1 経営者の責任");
	tg_buf_clear(&name);
	tg_reg_clause_name(t, tg_catalog_item(t->catalog, "reg/2"), true, &name);
	ck_assert_str_eq(name.data, "2 技術的対策（章の冒頭）");
	tg_buf_free(&name);
}
END_TEST

START_TEST(validate_notes_missing_and_warns_unused_examples)
{
	size_t warnings = tg_diag_warnings(diag);
	tg_data_lint(data, diag);
	ck_assert_uint_eq(tg_diag_warnings(diag) - warnings, 1);	/* displays */
	ck_assert_uint_eq(tg_diag_errors(diag), 0);
}
END_TEST

START_TEST(skeleton_loads_and_renders_the_sample_unedited)
{
	tg_buf skel = TG_BUF_INIT;
	ck_assert_int_eq(tg_init_industry(data, "kiosk", "売店", NULL, &skel, diag), TG_EXIT_OK);
	ck_assert_ptr_nonnull(strstr(skel.data, "  - key: backup_targets\n    text: ファイルサーバ\n"));
	ck_assert_ptr_nonnull(strstr(skel.data, "  - term: 責任者\n"));
	ck_assert_ptr_nonnull(strstr(skel.data, "additions: []\n"));
	ck_assert_int_eq(tg_init_industry(data, "shop", "小売業", NULL, &skel, diag), TG_EXIT_USAGE);
	ck_assert_int_eq(tg_init_industry(data, "Bad Id", "x", NULL, &skel, diag), TG_EXIT_USAGE);
	ck_assert_int_eq(tg_init_industry(data, "kiosk2", "x", "no-such", &skel, diag), TG_EXIT_USAGE);
	char *dir = tu_tmpdir();
	tg_buf cmd = TG_BUF_INIT;
	tg_buf_printf(&cmd, "cp -R '%s/mappings' '%s/templates' '%s/'", FIXTURE, FIXTURE, dir);
	ck_assert_int_eq(system(cmd.data), 0);
	/* Only the first skeleton: the refused calls wrote nothing more. */
	tu_write(dir, "mappings/kiosk.yaml", skel.data);
	tu_write(dir, "mappings/bare.yaml", "kind: industry\nid: bare\ntitle: 素\nbaseline: demo-base\n");
	tg_diag *d2 = tg_diag_new();
	int rc;
	tg_data *d = tg_data_open(dir, d2, &rc);
	ck_assert_int_eq(rc, TG_EXIT_OK);
	size_t w = tg_diag_warnings(d2);
	tg_data_lint(d, d2);
	ck_assert_uint_eq(tg_diag_warnings(d2), w + 1);	/* shop's displays, not kiosk */
	/* Unedited, it renders what an industry with nothing of its own renders. */
	tg_reg_spec ks = {tg_data_industry(d, "kiosk"), NULL, TG_REG_LEVEL_ALL, TG_REG_SPLIT_NONE, false,
	    NULL};
	tg_reg_spec bs = {tg_data_industry(d, "bare"), NULL, TG_REG_LEVEL_ALL, TG_REG_SPLIT_NONE, false,
	    NULL};
	tg_regulation *a = tg_reg_build(d, &ks, d2), *b = tg_reg_build(d, &bs, d2);
	ck_assert_ptr_nonnull(a);
	ck_assert_ptr_nonnull(b);
	tg_buf ma = TG_BUF_INIT, mb = TG_BUF_INIT;
	for (size_t i = 0; i < a->nchapters; i++)
		tg_reg_md_chapter(a, i, 1, &ma);
	for (size_t i = 0; i < b->nchapters; i++)
		tg_reg_md_chapter(b, i, 1, &mb);
	ck_assert_str_eq(ma.data, mb.data);
	ck_assert_uint_eq(a->nterms, b->nterms);
	tg_buf_free(&ma);
	tg_buf_free(&mb);
	tg_reg_free(a);
	tg_reg_free(b);
	tg_data_free(d);
	tg_diag_free(d2);
	tu_rmrf(dir);
	free(dir);
	tg_buf_free(&cmd);
	tg_buf_free(&skel);
}
END_TEST

START_TEST(contrast_rows_and_counts)
{
	tg_contrast_counts n;
	tg_view *v = tg_contrast_build(data, shop(), &n, diag);
	ck_assert_ptr_nonnull(v);
	ck_assert_uint_eq(n.examples, 3);
	ck_assert_uint_eq(n.examples_changed, 2);
	ck_assert_uint_eq(n.examples_same, 0);
	ck_assert_uint_eq(n.examples_default, 1);
	ck_assert_uint_eq(n.examples_unused, 1);
	ck_assert_uint_eq(n.terms, 3);
	ck_assert_uint_eq(n.terms_own, 2);
	ck_assert_uint_eq(n.terms_added, 1);
	ck_assert_uint_eq(n.adds, 2);
	ck_assert_uint_eq(n.amends, 1);
	ck_assert_uint_eq(v->ntables, 2);
	const tg_vtable *t = &v->tables[0];
	ck_assert_uint_eq(t->nrows, 3 + 1 + 3 + 3);
	/* Template order; within a clause: examples, terms, supplements, additions. */
	ck_assert_str_eq(tg_view_cell(t, 0, 1), "1.1 体制");
	ck_assert_str_eq(tg_view_cell(t, 0, 2), "用語");
	ck_assert_str_eq(tg_view_cell(t, 1, 2), "業界追加");
	ck_assert_str_eq(tg_view_cell(t, 1, 3), "1.1.3 店長の役割");
	ck_assert_str_eq(tg_view_cell(t, 4, 3), "バックアップの対象の例（backup_targets）");
	ck_assert_str_eq(tg_view_cell(t, 4, 6), "未定義（既定を使用）");
	ck_assert_str_eq(tg_view_cell(t, 5, 3), "POS（ポス）");
	ck_assert_str_eq(tg_view_cell(t, 5, 4), TG_VIEW_NONE);
	ck_assert_str_eq(tg_view_cell(t, 5, 7), "事実（確度M）");
	ck_assert_str_eq(tg_view_cell(t, 9, 6), "未使用");
	/* サマリー: one row per chapter and a total. */
	const tg_vtable *s = &v->tables[1];
	ck_assert_uint_eq(s->nrows, 4);
	ck_assert_str_eq(tg_view_cell(s, 3, 0), "合計");
	ck_assert_str_eq(tg_view_cell(s, 3, 6), "2");
	tg_view_free(v);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("industry");
	TCase *tc = tcase_create("industry");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, loads_without_guideline_with_own_additions);
	tcase_add_test(tc, additions_are_placed_numbered_and_listed);
	tcase_add_test(tc, examples_fall_back_to_the_registry_default);
	tcase_add_test(tc, term_uses_are_the_clauses_whose_text_holds_it);
	tcase_add_test(tc, validate_notes_missing_and_warns_unused_examples);
	tcase_add_test(tc, skeleton_loads_and_renders_the_sample_unedited);
	tcase_add_test(tc, contrast_rows_and_counts);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return tu_run(suite());
}
