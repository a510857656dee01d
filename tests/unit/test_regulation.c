/* Unit tests of the regulation: labels and the level rule, values and
 * their precedence, assembly (additions, supplements, numbering, the
 * split, exclusions, replacements, revisions), anchors, the HTML page's
 * links and list numbers, and the profile skeleton.  Data: the fixture of
 * the render regress suite. */
#include "testutil.h"
#include "load/load.h"
#include "regulation/regulation.h"
#include "render/regulation/reg.h"
#include "totsugo.h"

#define FIXTURE TOTSUGO_SOURCE_ROOT "/tests/regress/render/_data"

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
demo(void)
{
	const tg_industry *ind = tg_data_industry(data, "demo");
	ck_assert_ptr_nonnull(ind);
	return ind;
}

static const tg_item *
guide_item(const char *id)
{
	const tg_item *it = tg_catalog_item(demo()->guideline, id);
	ck_assert_ptr_nonnull(it);
	return it;
}

static tg_regulation *
build(const char *profile, int level, tg_reg_split split, bool labels)
{
	tg_reg_spec spec = {demo(), profile ? tg_data_profile(data, profile) : NULL, level, split, labels,
	    NULL};
	tg_regulation *r = tg_reg_build(data, &spec, diag);
	ck_assert_ptr_nonnull(r);
	return r;
}

static const tg_reg_entry *
entry_of(const tg_regulation *r, tg_reg_kind kind, const char *id, size_t nth)
{
	for (size_t i = 0; i < r->nentries; i++)
		if (r->entries[i].kind == kind && strcmp(r->entries[i].item->id, id) == 0 && nth-- == 0)
			return &r->entries[i];
	return NULL;
}

static size_t
index_of(const tg_regulation *r, const tg_reg_entry *e)
{
	return (size_t)(e - r->entries);
}

/* ---- labels and levels ---- */

START_TEST(labels_show_levels_as_in_the_catalog)
{
	char *s = tg_reg_label_text(guide_item("1"), true);
	ck_assert_str_eq(s, "デモ業界 No.1（LV1）");
	free(s);
	s = tg_reg_label_text(guide_item("3"), true);	/* cited as LV1 and LV2 */
	ck_assert_str_eq(s, "デモ業界 No.3（LV1/LV2）");
	free(s);
	s = tg_reg_label_text(guide_item("4"), true);
	ck_assert_str_eq(s, "デモ業界 No.4（不明）");
	free(s);
	s = tg_reg_label_text(guide_item("3"), false);
	ck_assert_str_eq(s, "デモ業界 No.3");
	free(s);
}
END_TEST

START_TEST(labels_mark_inferred_and_authored_items)
{
	/* No.5's title is inferred (＊), No.7 is ours (※): the reader must see it. */
	char *s = tg_reg_label_text(guide_item("5"), true);
	ck_assert_str_eq(s, "デモ業界 No.5＊（LV1）");
	free(s);
	s = tg_reg_label_text(guide_item("7"), false);
	ck_assert_str_eq(s, "デモ業界 No.7※");
	free(s);
}
END_TEST

START_TEST(level_rule_is_cumulative_and_unknown_never_restricts)
{
	tg_reg_spec lv1 = {demo(), NULL, 0, TG_REG_SPLIT_NONE, false, NULL};
	tg_reg_spec lv2 = {demo(), NULL, 1, TG_REG_SPLIT_NONE, false, NULL};
	tg_reg_spec all = {demo(), NULL, TG_REG_LEVEL_ALL, TG_REG_SPLIT_NONE, false, NULL};
	ck_assert(tg_reg_in_scope(&lv1, guide_item("1")));
	ck_assert(!tg_reg_in_scope(&lv1, guide_item("2")));
	ck_assert(tg_reg_in_scope(&lv2, guide_item("2")));
	ck_assert(tg_reg_in_scope(&lv1, guide_item("3")));	/* lowest cited level */
	ck_assert(tg_reg_in_scope(&lv1, guide_item("4")));	/* unknown stays in */
	ck_assert(!tg_reg_in_scope(&lv2, guide_item("6")));
	ck_assert(tg_reg_in_scope(&all, guide_item("6")));
}
END_TEST

/* ---- values ---- */

static const char *
value(const tg_node *ctx, const char *a, const char *b, const char *c)
{
	const tg_node *n = tg_node_get(ctx, a);
	n = n && b ? tg_node_get(n, b) : n;
	n = n && c ? tg_node_get(n, c) : n;
	return n && n->kind == TG_NODE_SCALAR ? n->str : NULL;
}

START_TEST(values_profile_then_industry_then_defaults)
{
	const tg_tset *t = tg_reg_tset_for(data, demo()->baseline);
	ck_assert_ptr_nonnull(t);
	tg_arena a;
	tg_arena_init(&a);
	tg_node *defaults = tg_reg_context(&a, t->params, NULL, NULL);
	ck_assert_str_eq(value(defaults, "company", "name", NULL), "株式会社デモ");
	ck_assert_str_eq(value(defaults, "industry", "examples", "secret_info"), "経営計画");
	ck_assert_str_eq(value(defaults, "revision", "date", NULL), "○○○○年○○月○○日");
	tg_node *industry = tg_reg_context(&a, t->params, demo(), NULL);
	ck_assert_str_eq(value(industry, "industry", "examples", "secret_info"), "試作品の図面");
	/* Examples the registry does not declare are there for replacements. */
	ck_assert_str_eq(value(industry, "industry", "examples", "sites"), "工場と倉庫");
	tg_node *profile = tg_reg_context(&a, t->params, demo(), tg_data_profile(data, "demo-co"));
	ck_assert_str_eq(value(profile, "company", "name", NULL), "デモ工業株式会社 <R&D>");
	ck_assert_str_eq(value(profile, "audit", "month", NULL), "4");
	/* Not set by the profile: from its latest revision. */
	ck_assert_str_eq(value(profile, "revision", "date", NULL), "2025年10月1日");
	tg_arena_free(&a);
}
END_TEST

START_TEST(clause_positions_are_those_of_the_file)
{
	const tg_tset *t = tg_reg_tset_for(data, demo()->baseline);
	const tg_tclause *c = tg_tset_clause(t, "reg/1.2");
	ck_assert_ptr_nonnull(c);
	tg_mus *m = tg_reg_parse_clause(t, c, diag);
	ck_assert_ptr_nonnull(m);
	tg_buf out = TG_BUF_INIT;
	tg_arena a;
	tg_arena_init(&a);
	tg_node *empty = tg_node_new_map(&a, tg_pos_at(NULL, 0, 0));
	ck_assert_int_eq(tg_reg_render(m, empty, &out, diag), TG_EXIT_INVALID);
	char *msg = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&msg, &len);
	tg_diag_print(diag, f);
	fclose(f);
	/* {{audit.month}} is on line 21, column 3 of 01-org.md */
	ck_assert_msg(strstr(msg, "templates/reg/01-org.md:21:3: error: undefined name 'audit.month'") != NULL,
	    "%s", msg);
	free(msg);
	tg_buf_free(&out);
	tg_arena_free(&a);
	tg_mus_free(m);
}
END_TEST

/* ---- assembly ---- */

START_TEST(additions_follow_their_clause_numbered_after_its_children)
{
	tg_regulation *r = build(NULL, TG_REG_LEVEL_ALL, TG_REG_SPLIT_NONE, false);
	const tg_reg_entry *clause = entry_of(r, TG_REG_CLAUSE, "reg/1.1.1", 0);
	const tg_reg_entry *a1 = entry_of(r, TG_REG_ADDITION, "reg/1.1.1", 0);
	const tg_reg_entry *a2 = entry_of(r, TG_REG_ADDITION, "reg/1.1.1", 1);
	ck_assert_ptr_nonnull(clause);
	ck_assert_ptr_nonnull(a2);
	/* In crosswalk order, right after the clause (a leaf). */
	ck_assert_uint_eq(index_of(r, a1), index_of(r, clause) + 1);
	ck_assert_uint_eq(index_of(r, a2), index_of(r, clause) + 2);
	ck_assert_str_eq(a1->number, "1.1.1.1");
	ck_assert_str_eq(a1->title, "取引先との連絡");	/* from 【…】 */
	ck_assert_str_eq(a1->text, "責任者は、取引先ごとに連絡先を一覧にする。");
	ck_assert_str_eq(a1->source_label, "デモ業界 No.5＊");
	ck_assert_str_eq(a2->number, "1.1.1.2");
	ck_assert_str_eq(a2->title, "外部監査");	/* no 【…】: the item's title */
	ck_assert_uint_eq(a1->depth, clause->depth + 1);
	/* amend: a supplement of the clause itself */
	ck_assert_uint_eq(clause->nsupplements, 1);
	ck_assert_str_eq(clause->supplements[0].label, "デモ業界 No.1");
	ck_assert_uint_eq(clause->nlabels, 0);	/* no --labels */
	tg_reg_free(r);
}
END_TEST

START_TEST(level_filters_additions_but_keeps_every_clause)
{
	tg_regulation *all = build(NULL, TG_REG_LEVEL_ALL, TG_REG_SPLIT_NONE, true);
	tg_regulation *lv1 = build(NULL, 0, TG_REG_SPLIT_NONE, true);
	size_t clauses_all = 0, clauses_lv1 = 0;
	for (size_t i = 0; i < all->nentries; i++)
		clauses_all += all->entries[i].kind != TG_REG_ADDITION;
	for (size_t i = 0; i < lv1->nentries; i++)
		clauses_lv1 += lv1->entries[i].kind != TG_REG_ADDITION;
	ck_assert_uint_eq(clauses_all, clauses_lv1);
	/* LV2 (No.2) and LV3 (No.6) additions are gone at LV1; unknown (No.4) stays. */
	ck_assert_ptr_null(entry_of(lv1, TG_REG_ADDITION, "reg/1.2", 0));
	ck_assert_ptr_nonnull(entry_of(all, TG_REG_ADDITION, "reg/1.2", 0));
	ck_assert_ptr_null(entry_of(lv1, TG_REG_ADDITION, "reg/1.1.1", 1));
	const tg_reg_entry *e = entry_of(lv1, TG_REG_CLAUSE, "reg/2.2", 0);
	ck_assert_uint_eq(e->nsupplements, 1);
	ck_assert_uint_eq(e->nlabels, 1);
	ck_assert_str_eq(e->labels[0].text, "デモ業界 No.4（不明）");
	/* Labels of LV2-only items are not shown at LV1. */
	ck_assert_uint_eq(entry_of(lv1, TG_REG_CLAUSE, "reg/1.2", 0)->nlabels, 0);
	ck_assert_uint_eq(entry_of(all, TG_REG_CLAUSE, "reg/1.2", 0)->nlabels, 1);
	ck_assert_uint_eq(lv1->items_in_scope, 5);
	ck_assert_uint_eq(all->items_in_scope, 7);
	tg_reg_free(all);
	tg_reg_free(lv1);
}
END_TEST

START_TEST(split_keeps_untagged_and_structure)
{
	tg_regulation *m = build(NULL, 0, TG_REG_SPLIT_MANAGEMENT, false);
	ck_assert_str_eq(m->edition, "マネジメント対策編");
	const tg_reg_entry *parent = entry_of(m, TG_REG_CLAUSE, "reg/2.1", 0);
	ck_assert_ptr_nonnull(parent);	/* technical, kept for its management child */
	ck_assert_ptr_null(parent->text);
	ck_assert_str_eq(parent->other_edition, "技術対策編");
	ck_assert_ptr_null(entry_of(m, TG_REG_CLAUSE, "reg/2.1.1", 0));
	ck_assert_ptr_nonnull(entry_of(m, TG_REG_CLAUSE, "reg/2.1.2", 0));
	ck_assert_ptr_nonnull(entry_of(m, TG_REG_CLAUSE, "reg/2.2", 0));	/* untagged */
	ck_assert_ptr_null(entry_of(m, TG_REG_ADDITION, "reg/2.1.1", 0));
	tg_regulation *t = build(NULL, 0, TG_REG_SPLIT_TECHNICAL, false);
	ck_assert_ptr_null(entry_of(t, TG_REG_CHAPTER, "reg/1", 0));	/* nothing technical */
	ck_assert_ptr_nonnull(entry_of(t, TG_REG_CHAPTER, "pol", 0));
	ck_assert_ptr_nonnull(entry_of(t, TG_REG_ADDITION, "reg/2.1.1", 0));
	ck_assert_uint_eq(t->nchapters, 2);
	tg_reg_free(m);
	tg_reg_free(t);
}
END_TEST

START_TEST(profile_excludes_replaces_and_dates)
{
	tg_regulation *r = build("demo-co", 1, TG_REG_SPLIT_NONE, true);
	ck_assert_str_eq(r->title, "デモ工業株式会社 情報セキュリティ規程");
	ck_assert_ptr_null(entry_of(r, TG_REG_CLAUSE, "reg/1.2", 0));
	ck_assert_ptr_null(entry_of(r, TG_REG_ADDITION, "reg/1.2", 0));
	ck_assert_uint_eq(r->nexclusions, 1);
	ck_assert_str_eq(r->exclusions[0].clause->id, "reg/1.2");
	ck_assert_str_eq(r->exclusions[0].reason, "点検は親会社の監査で行うため。");
	ck_assert_uint_eq(r->exclusions[0].nadditions, 1);
	const tg_reg_entry *e = entry_of(r, TG_REG_CLAUSE, "reg/2.1.2", 0);
	ck_assert(e->replaced);
	ck_assert_str_eq(e->text, "保管先の変更はデモ工業株式会社 &lt;R&amp;D&gt;の代表者が承認する。拠点：工場と倉庫");
	ck_assert_uint_eq(r->nrevisions, 2);
	ck_assert_str_eq(r->revisions[0].date, "2025年4月1日");	/* sorted by date */
	ck_assert_str_eq(r->revisions[0].version, "第1版");
	ck_assert_str_eq(r->revisions[1].version, "第2版");	/* numbered when not given */
	/* The cross-reference table keeps the excluded clause, marked. */
	bool found = false;
	for (size_t i = 0; i < r->nxrefs; i++)
		if (strcmp(r->xrefs[i].clause->id, "reg/1.2") == 0) {
			found = true;
			ck_assert_str_eq(r->xrefs[i].treatment, "適用除外");
			ck_assert_ptr_null(r->xrefs[i].anchor);
		}
	ck_assert(found);
	tg_reg_free(r);
}
END_TEST

START_TEST(anchors_are_ascii_and_unique)
{
	tg_regulation *r = build(NULL, TG_REG_LEVEL_ALL, TG_REG_SPLIT_NONE, false);
	for (size_t i = 0; i < r->nentries; i++) {
		const char *a = r->entries[i].anchor;
		ck_assert(a[0] != '\0');
		for (const char *p = a; *p; p++)
			ck_assert_msg((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
			    (*p >= '0' && *p <= '9') || *p == '-', "anchor %s", a);
		for (size_t k = 0; k < i; k++)
			ck_assert_str_ne(a, r->entries[k].anchor);
	}
	ck_assert_str_eq(entry_of(r, TG_REG_CLAUSE, "reg/1.1.1", 0)->anchor, "reg-1-1-1");
	ck_assert_str_eq(entry_of(r, TG_REG_ADDITION, "reg/1.1.1", 1)->anchor, "reg-1-1-1-add2");
	tg_reg_free(r);
}
END_TEST

/* Every href="#x" of the page has an element with id="x", once. */
static void
assert_links_resolve(const char *html)
{
	size_t links = 0;
	for (const char *p = html; (p = strstr(p, "href=\"#")) != NULL; p++) {
		const char *start = p + 7, *end = strchr(start, '"');
		ck_assert_ptr_nonnull(end);
		tg_buf id = TG_BUF_INIT;
		tg_buf_printf(&id, " id=\"%.*s\"", (int)(end - start), start);
		const char *first = strstr(html, id.data);
		ck_assert_msg(first != NULL, "no element %s", id.data);
		ck_assert_msg(strstr(first + 1, id.data) == NULL, "two elements %s", id.data);
		tg_buf_free(&id);
		links++;
	}
	ck_assert_uint_gt(links, 10);
}

START_TEST(html_links_resolve_and_lists_keep_numbers)
{
	tg_regulation *r = build("demo-co", TG_REG_LEVEL_ALL, TG_REG_SPLIT_NONE, true);
	tg_buf html = TG_BUF_INIT;
	tg_reg_html(r, &html);
	assert_links_resolve(html.data);
	/* "2." after the table of 2.1.1 continues the list. */
	ck_assert_ptr_nonnull(strstr(html.data, "<ol start=\"2\">\n<li>取得の結果を記録する。</li>"));
	/* Values are text, never markup. */
	ck_assert_ptr_null(strstr(html.data, "<R&D>"));
	ck_assert_ptr_nonnull(strstr(html.data, "デモ工業株式会社 &lt;R&amp;D&gt;"));
	ck_assert_ptr_null(strstr(html.data, "://"));	/* nothing to fetch */
	size_t chapters = 0;
	for (const char *p = html.data; (p = strstr(p, "<section class=\"chapter\">")) != NULL; p++)
		chapters++;
	ck_assert_uint_eq(chapters, r->nchapters);
	tg_buf_free(&html);
	tg_reg_free(r);
}
END_TEST

START_TEST(markdown_document_and_appendices)
{
	tg_regulation *r = build("demo-co", 1, TG_REG_SPLIT_NONE, true);
	tg_buf md = TG_BUF_INIT;
	tg_reg_md_document(r, &md);
	ck_assert_ptr_nonnull(strstr(md.data, "# デモ工業株式会社 情報セキュリティ規程\n"));
	ck_assert_ptr_nonnull(strstr(md.data, "##### 1.1.1.1 取引先との連絡（業界追加：デモ業界 No.5＊）\n"));
	ck_assert_ptr_nonnull(strstr(md.data, "（業界補足：デモ業界 No.1）責任者は、"));
	ck_assert_ptr_nonnull(strstr(md.data, "〔デモ業界 No.3（LV1/LV2）〕"));
	ck_assert_ptr_nonnull(strstr(md.data, "| 1.2 点検 | 点検は親会社の監査で行うため。"));
	ck_assert_ptr_nonnull(strstr(md.data, "| 金型（かながた） | 成形に使う型。\\*社外秘\\*として扱う。 |"));
	ck_assert_ptr_nonnull(strstr(md.data, "| CAD \\| データ | 毎日 |"));
	ck_assert_ptr_null(strstr(md.data, "#### 1.2 "));
	ck_assert_uint_eq(md.data[md.len - 1], '\n');
	ck_assert_uint_ne(md.data[md.len - 2], '\n');
	tg_buf_free(&md);
	tg_reg_free(r);
}
END_TEST

START_TEST(skeleton_loads_and_renders_the_sample)
{
	tg_buf skel = TG_BUF_INIT;
	ck_assert_int_eq(tg_init_profile(data, "demo", &skel, diag), TG_EXIT_OK);
	ck_assert_ptr_nonnull(strstr(skel.data, "  audit.month: 10\n"));
	ck_assert_ptr_nonnull(strstr(skel.data, "exclude: []\n"));
	char *dir = tu_tmpdir();
	tg_buf cmd = TG_BUF_INIT;
	tg_buf_printf(&cmd, "cp -R '%s/mappings' '%s/templates' '%s/'", FIXTURE, FIXTURE, dir);
	ck_assert_int_eq(system(cmd.data), 0);
	tu_write(dir, "mappings/profiles/skeleton.yaml", skel.data);
	tg_diag *d2 = tg_diag_new();
	int rc;
	tg_data *d = tg_data_open(dir, d2, &rc);
	ck_assert_int_eq(rc, TG_EXIT_OK);
	ck_assert_uint_eq(tg_diag_errors(d2), 0);
	/* The skeleton's values are the sample's: same body. */
	tg_reg_spec with = {tg_data_industry(d, "demo"), tg_data_profile(d, "demo-company"), 0,
	    TG_REG_SPLIT_NONE, false, NULL};
	tg_reg_spec without = {tg_data_industry(d, "demo"), NULL, 0, TG_REG_SPLIT_NONE, false, NULL};
	ck_assert_ptr_nonnull(with.profile);
	tg_regulation *a = tg_reg_build(d, &with, d2), *b = tg_reg_build(d, &without, d2);
	tg_buf ma = TG_BUF_INIT, mb = TG_BUF_INIT;
	for (size_t i = 0; i < a->nchapters; i++)
		tg_reg_md_chapter(a, i, 1, &ma);
	for (size_t i = 0; i < b->nchapters; i++)
		tg_reg_md_chapter(b, i, 1, &mb);
	ck_assert_str_eq(ma.data, mb.data);
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

START_TEST(shipped_data_passes_the_regulation_checks)
{
	tg_diag *d2 = tg_diag_new();
	int rc;
	tg_data *d = tg_data_open(TOTSUGO_SOURCE_ROOT, d2, &rc);
	ck_assert_int_eq(rc, TG_EXIT_OK);
	ck_assert_ptr_nonnull(tg_data_profile(d, "construction-example"));
	ck_assert_ptr_nonnull(tg_data_profile(d, "automotive-lv1-example"));
	tg_data_free(d);
	tg_diag_free(d2);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("regulation");
	TCase *tc = tcase_create("regulation");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, labels_show_levels_as_in_the_catalog);
	tcase_add_test(tc, labels_mark_inferred_and_authored_items);
	tcase_add_test(tc, level_rule_is_cumulative_and_unknown_never_restricts);
	tcase_add_test(tc, values_profile_then_industry_then_defaults);
	tcase_add_test(tc, clause_positions_are_those_of_the_file);
	tcase_add_test(tc, additions_follow_their_clause_numbered_after_its_children);
	tcase_add_test(tc, level_filters_additions_but_keeps_every_clause);
	tcase_add_test(tc, split_keeps_untagged_and_structure);
	tcase_add_test(tc, profile_excludes_replaces_and_dates);
	tcase_add_test(tc, anchors_are_ascii_and_unique);
	tcase_add_test(tc, html_links_resolve_and_lists_keep_numbers);
	tcase_add_test(tc, markdown_document_and_appendices);
	tcase_add_test(tc, skeleton_loads_and_renders_the_sample);
	tcase_add_test(tc, shipped_data_passes_the_regulation_checks);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return tu_run(suite());
}
