/* Unit tests of the forms and of assess's lookups: scoring rules read from
 * a catalog's meta, the gap rule, forms laid out (groups, keys, levels,
 * marks, texts, examples, file names), gap → clauses through the stored
 * crosswalks (direct, inverse, one step through the baseline, weakest
 * link), clause names.  Data: the forms regress fixture, and a small data
 * set written here for the corner cases. */
#include <math.h>

#include "testutil.h"
#include "assess/assess.h"
#include "forms/forms.h"
#include "load/form.h"
#include "load/load.h"
#include "totsugo.h"

#define FIXTURE TOTSUGO_SOURCE_ROOT "/tests/regress/forms/_data"

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

static tg_form_ctx
ctx_at(const tg_data *d, const char *level)
{
	const tg_industry *ind = tg_data_industry(d, "demo");
	ck_assert_ptr_nonnull(ind);
	tg_form_ctx c = {d, ind, NULL, level ? tg_catalog_level(ind->guideline, level) : TG_LEVEL_NONE};
	return c;
}

static tg_fsheet *
lay_out(const tg_data *d, const char *form, const char *level)
{
	const tg_form *f = tg_data_form(d, form);
	ck_assert_ptr_nonnull(f);
	tg_form_ctx c = ctx_at(d, level);
	tg_fsheet *s = tg_fsheet_build(f, &c, NULL, 0, diag);
	ck_assert_ptr_nonnull(s);
	return s;
}

/* The keys of the body rows holding items, joined by spaces. */
static char *
keys_of(const tg_fsheet *s)
{
	tg_buf b = TG_BUF_INIT;
	for (size_t i = 0; i < s->nrows; i++)
		if (s->rows[i].item != NULL)
			tg_buf_printf(&b, "%s%s", b.len ? " " : "", s->rows[i].key);
	return tg_buf_detach(&b);
}

static const char *
cell(const tg_fsheet *s, const char *key, const char *column)
{
	const tg_form_column *c = tg_form_column_by_key(s->form, column);
	ck_assert_ptr_nonnull(c);
	for (size_t i = 0; i < s->nrows; i++)
		if (s->rows[i].key != NULL && strcmp(s->rows[i].key, key) == 0)
			return s->rows[i].cells[c - s->form->columns];
	ck_abort_msg("no row %s", key);
	return NULL;
}

START_TEST(scoring_rules_come_from_the_meta)
{
	const tg_catalog *base = tg_data_catalog(data, "demo-base");
	tg_arena a;
	tg_arena_init(&a);
	tg_scoring sc;
	ck_assert(tg_scoring_read(base, "selfcheck", base->pos, &a, &sc, diag));
	ck_assert_uint_eq(sc.nanswers, 4);
	ck_assert_str_eq(sc.answers[3].label, "不明");
	ck_assert(sc.answers[3].score == -1);
	ck_assert(sc.max_score == 16);
	ck_assert_uint_eq(sc.nbands, 3);
	ck_assert_int_eq(tg_scoring_band(&sc, 16), 0);
	ck_assert_int_eq(tg_scoring_band(&sc, 12), 0);
	ck_assert_int_eq(tg_scoring_band(&sc, 11), 1);
	ck_assert_int_eq(tg_scoring_band(&sc, 6), 1);
	ck_assert_int_eq(tg_scoring_band(&sc, 5), 2);
	ck_assert_int_eq(tg_scoring_band(&sc, -4), 2);
	const char *ranges[] = {"12点以上", "6〜11点", "5点以下"};
	for (size_t i = 0; i < 3; i++) {
		tg_buf r = TG_BUF_INIT;
		tg_scoring_band_range(&sc.bands[i], &r);
		ck_assert_str_eq(r.data, ranges[i]);
		tg_buf_free(&r);
	}
	/* A key the meta lacks is reported where the form names it. */
	tg_diag *d2 = tg_diag_new();
	ck_assert(!tg_scoring_read(base, "nothing", tg_pos_at("form.yaml", 3, 4), &a, &sc, d2));
	ck_assert_uint_eq(tg_diag_errors(d2), 1);
	tg_diag_free(d2);
	tg_arena_free(&a);
}
END_TEST

START_TEST(gaps_follow_the_scores)
{
	tg_form_option answers[] = {{"a", true, 4, {0}}, {"b", true, 2, {0}}, {"c", true, 0, {0}},
	    {"d", true, -1, {0}}};
	ck_assert_int_eq(tg_option_gap(answers, 4, 0), TG_GAP_NONE);
	ck_assert_int_eq(tg_option_gap(answers, 4, 1), TG_GAP_PARTIAL);
	ck_assert_int_eq(tg_option_gap(answers, 4, 2), TG_GAP_MISSING);
	ck_assert_int_eq(tg_option_gap(answers, 4, 3), TG_GAP_UNKNOWN);
	tg_form_option status[] = {{"済", true, 1, {0}}, {"一部", true, 0.5, {0}}, {"未", true, 0, {0}},
	    {"対象外", false, 0, {0}}};
	ck_assert_int_eq(tg_option_gap(status, 4, 1), TG_GAP_PARTIAL);
	ck_assert_int_eq(tg_option_gap(status, 4, 3), TG_GAP_EXCLUDED);
}
END_TEST

START_TEST(self_assessment_groups_by_parts)
{
	tg_fsheet *s = lay_out(data, "check", NULL);
	char *keys = keys_of(s);
	ck_assert_str_eq(keys, "No.1 No.2 No.3 No.4");
	free(keys);
	ck_assert_uint_eq(s->ngroups, 2);
	ck_assert_str_eq(s->groups[0].title, "第1部 基本");
	ck_assert_str_eq(s->groups[1].title, "第2部 組織");
	ck_assert_uint_eq(s->groups[1].count, 2);
	/* The form's own wording wins over the item's text. */
	ck_assert_str_eq(cell(s, "No.1", "q"), "責任者を決めていますか。");
	ck_assert_str_eq(cell(s, "No.2", "q"), "バックアップを取っているかを問う。");
	ck_assert_ptr_null(s->fields[0]);	/* no profile: the company is left blank */
	ck_assert_str_eq(s->fields[1], "デモ業界");
	ck_assert_uint_eq(s->choices[0].noptions, 4);
	ck_assert(s->scoring.max_score == 16);
	ck_assert_str_eq(s->file, "check.xlsx");
	tg_fsheet_free(s);
}
END_TEST

START_TEST(checklist_takes_the_requirements_at_the_level)
{
	tg_fsheet *s = lay_out(data, "list", "LV1");
	char *keys = keys_of(s);
	/* Groups by tag in the form's order; LV2/LV3 and unknown left out. */
	ck_assert_str_eq(keys, "No.1 No.3 No.5 No.7");
	free(keys);
	ck_assert_uint_eq(s->skipped_unknown, 1);
	ck_assert_str_eq(s->groups[0].title, "管理");
	ck_assert_str_eq(s->groups[1].title, "技術");
	ck_assert_str_eq(s->groups[2].title, "ほか");
	ck_assert_str_eq(cell(s, "No.1", "m"), "推定");
	ck_assert_str_eq(cell(s, "No.3", "m"), "");
	ck_assert_str_eq(cell(s, "No.5", "m"), "本ツール作成");
	ck_assert_str_eq(cell(s, "No.3", "lv"), "LV1/LV2");
	ck_assert_uint_eq(s->marks, (1u << TG_ORIGIN_INFERRED) | (1u << TG_ORIGIN_AUTHORED));
	ck_assert_str_eq(s->file, "list-LV1.xlsx");
	ck_assert_str_eq(s->fields[1], "LV1");
	tg_fsheet_free(s);
	s = lay_out(data, "list", "LV2");
	ck_assert_str_eq(s->fields[1], "LV2（LV1〜LV2の項目）");
	keys = keys_of(s);
	ck_assert_str_eq(keys, "No.1 No.3 No.2 No.5 No.7");	/* the other group last */
	free(keys);
	tg_fsheet_free(s);
	s = lay_out(data, "list", NULL);
	keys = keys_of(s);
	ck_assert_str_eq(keys, "No.1 No.3 No.2 No.4 No.5 No.6 No.7");
	free(keys);
	ck_assert_str_eq(s->file, "list.xlsx");
	ck_assert_str_eq(cell(s, "No.4", "t"), "不明");
	ck_assert_str_eq(cell(s, "No.4", "lv"), "不明");
	tg_fsheet_free(s);
}
END_TEST

START_TEST(plans_take_fills_in_their_groups)
{
	const tg_form *plan = tg_data_form(data, "plan");
	tg_form_ctx c = ctx_at(data, "LV1");
	tg_fsheet *s = tg_fsheet_build(plan, &c, NULL, 0, diag);
	ck_assert_uint_eq(s->groups[0].count, 2);	/* blank: 2 */
	tg_fsheet_free(s);
	const tg_item *tech = tg_catalog_item(c.ind->baseline, "reg/2");
	ck_assert_uint_eq(tg_fsheet_plan_group(plan, tech), 1);
	ck_assert_uint_eq(tg_fsheet_plan_group(plan, NULL), 0);
	tg_fill_row rows[2] = {{1, {"分野", "課題", "対策", "高", "中", "出典"}},
	    {1, {"分野2", NULL, NULL, "低", NULL, NULL}}};
	s = tg_fsheet_build(plan, &c, rows, 2, diag);
	ck_assert_uint_eq(s->groups[0].count, 1);	/* room: 1 */
	ck_assert_uint_eq(s->groups[1].count, 3);
	const tg_frow *first = &s->rows[s->groups[1].first];
	ck_assert_str_eq(first->cells[0], "分野");
	ck_assert_str_eq(first->cells[3], "高");
	ck_assert_str_eq(first->cells[5], "出典");
	ck_assert_ptr_null(s->rows[s->groups[1].first + 1].cells[1]);
	tg_fsheet_free(s);
	ck_assert_int_eq(tg_fill_index("measure"), TG_FILL_MEASURE);
	ck_assert_int_eq(tg_fill_index("colour"), -1);
}
END_TEST

START_TEST(remedies_direct_and_through_the_baseline)
{
	const tg_industry *ind = tg_data_industry(data, "demo");
	tg_arena a;
	tg_arena_init(&a);
	tg_remedies r;
	const tg_item *q2 = tg_catalog_item(ind->baseline, "chk/2");
	tg_assess_remedies(data, ind, 0, q2, &a, &r);
	ck_assert_uint_eq(r.nclauses, 2);
	ck_assert_str_eq(r.clauses[0].clause->id, "reg/2.1.1");
	ck_assert_int_eq(r.clauses[0].rel, TG_REL_SUBSET_OF);
	ck_assert_int_eq(r.clauses[0].strength, 8);
	ck_assert_str_eq(r.clauses[1].clause->id, "reg/2.1.2");
	/* Industry proposals placed on those clauses, in scope at LV1. */
	ck_assert_uint_eq(r.nproposals, 1);
	ck_assert_str_eq(r.proposals[0].source->id, "3");
	/* An industry item: its direct clause; chk/1 leads to the same one. */
	const tg_item *g1 = tg_catalog_item(ind->guideline, "1");
	tg_assess_remedies(data, ind, 0, g1, &a, &r);
	ck_assert_uint_eq(r.nclauses, 1);
	ck_assert_str_eq(r.clauses[0].clause->id, "reg/1.1.1");
	ck_assert_ptr_null(r.clauses[0].via);
	ck_assert_int_eq(r.clauses[0].strength, 9);
	ck_assert_uint_eq(r.nproposals, 1);
	ck_assert_int_eq(r.proposals[0].action, TG_ACTION_AMEND);
	ck_assert_str_eq(r.proposals[0].label, "デモ業界 No.1＊");	/* the shared label, marked */
	/* An unmapped item has none. */
	tg_assess_remedies(data, ind, 0, tg_catalog_item(ind->guideline, "7"), &a, &r);
	ck_assert_uint_eq(r.nclauses, 0);
	ck_assert_uint_eq(r.nproposals, 0);
	ck_assert_str_eq(tg_assess_clause_name(data, &a, tg_catalog_item(ind->baseline, "pol/1")),
	    "基本方針 1 経営者の責任");
	ck_assert_str_eq(tg_assess_clause_name(data, &a, tg_catalog_item(ind->baseline, "reg/1.1.1")),
	    "1.1.1 責任者");
	ck_assert_str_eq(tg_assess_clause_name(data, &a, tg_catalog_item(ind->baseline, "pol")),
	    "基本方針");
	ck_assert_str_eq(tg_assess_chapter_of(data, tg_catalog_item(ind->baseline, "reg/2.1.2"))->id,
	    "reg/2");
	tg_arena_free(&a);
}
END_TEST

/* A small data set for the corner cases: refs that collide, examples with
 * parentheses, paths through the baseline in both directions. */
static const char base_yaml[] =
    "kind: catalog\nid: b\ntitle: B\nprovenance: authored\nitems:\n"
    "  - id: q\n    title: Q\n    items:\n"
    "      - {id: q/1, ref: No.1, title: 一}\n      - {id: q/2, ref: No.2, title: 二}\n"
    "  - id: r\n    title: R\n    items:\n"
    "      - id: r/1\n        ref: \"1\"\n        title: 章\n        items:\n"
    "          - {id: r/1.1, ref: \"1.1\", title: 条A}\n          - {id: r/1.2, ref: \"1.2\", title: 条B}\n";
static const char guide_yaml[] =
    "kind: catalog\nid: g\ntitle: G\nlevels: [L1]\nprovenance: authored\nitems:\n"
    "  - {id: a1, ref: A, title: 甲, level: L1}\n  - {id: a2, ref: A, title: 乙, level: L1}\n"
    "  - {id: c, ref: C, title: 丙, level: L1}\n";
static const char xw_yaml[] =
    "kind: crosswalk\nid: g--b\nsource: g\ntarget: b\nprovenance: authored\nrows:\n"
    "  - source: a1\n    targets:\n"
    "      - {target: q/1, relationship: subset-of, strength: 7}\n"
    "  - source: a2\n    targets:\n"
    "      - {target: q/2, relationship: equal, strength: 8}\n"
    "  - source: c\n    status: unmapped\n";
static const char internal_yaml[] =
    "kind: crosswalk\nid: b--b\nsource: b\ntarget: b\nprovenance: authored\nrows:\n"
    "  - source: q/1\n    targets:\n"
    "      - {target: r/1.1, relationship: superset-of, strength: 9}\n"
    "  - source: r/1.2\n    targets:\n"
    "      - {target: q/2, relationship: superset-of, strength: 6}\n";
static const char industry_yaml[] =
    "kind: industry\nid: demo\ntitle: 業界\nguideline: g\nbaseline: b\ncrosswalks: [g--b]\n"
    "examples:\n  - {key: ex, text: \"図面（製品、部品）、写真、 見積\"}\n";
static const char params_yaml[] =
    "kind: parameters\nid: p\ncatalog: b\ntemplates: t\nparameters:\n"
    "  - {name: company.name, type: string, default: 社, description: 会社名, clauses: [r/1]}\n";
static const char template_md[] =
    "<!-- @chapter r/1 -->\n{{company.name}}\n\n<!-- @clause r/1.1 -->\n条文A\n\n"
    "<!-- @clause r/1.2 -->\n条文B\n";
static const char forms_yaml[] =
    "kind: form\nid: l\ntitle: L\nfile: l.xlsx\nsheet: L\nrole: checklist\n"
    "choices:\n  - {name: s, options: [{label: 済, score: 1}, {label: 未, score: 0}]}\n"
    "columns:\n  - {key: k, header: 番号, value: key}\n  - {key: s, header: 状況, choice: s}\n"
    "rows: {from: requirements}\nsummary: {kind: ratio, sheet: 集計, choice: s}\n";
static const char register_yaml[] =
    "kind: form\nid: reg\ntitle: R\nfile: r.xlsx\nsheet: R\n"
    "columns:\n  - {key: n, header: 番号, value: number}\n  - {key: name, header: 名称}\n"
    "rows: {from: examples, into: name, examples: [{key: ex, split: true}, {key: absent}]}\n";

START_TEST(corner_cases_of_keys_examples_and_paths)
{
	char *dir = tu_tmpdir();
	tu_write(dir, "mappings/b.yaml", base_yaml);
	tu_write(dir, "mappings/g.yaml", guide_yaml);
	tu_write(dir, "mappings/x.yaml", xw_yaml);
	tu_write(dir, "mappings/i.yaml", internal_yaml);
	tu_write(dir, "mappings/ind.yaml", industry_yaml);
	tu_write(dir, "mappings/p.yaml", params_yaml);
	tu_write(dir, "templates/t/01.md", template_md);
	tu_write(dir, "templates/forms/01-l.yaml", forms_yaml);
	tu_write(dir, "templates/forms/02-r.yaml", register_yaml);
	tg_diag *d2 = tg_diag_new();
	int rc;
	tg_data *d = tg_data_open(dir, d2, &rc);
	if (rc != TG_EXIT_OK)
		tg_diag_print(d2, stderr);
	ck_assert_int_eq(rc, TG_EXIT_OK);
	/* Two items share the ref "A": their rows show their ids. */
	tg_fsheet *s = lay_out(d, "l", "L1");
	char *keys = keys_of(s);
	ck_assert_str_eq(keys, "a1 a2 C");
	free(keys);
	tg_fsheet_free(s);
	/* Examples split at 「、」 outside parentheses, trimmed; a key the
	 * industry lacks gives nothing. */
	s = lay_out(d, "reg", NULL);
	ck_assert_uint_eq(s->nrows, 3);
	ck_assert_str_eq(s->rows[0].cells[1], "図面（製品、部品）");
	ck_assert_str_eq(s->rows[1].cells[1], "写真");
	ck_assert_str_eq(s->rows[2].cells[1], "見積");
	ck_assert_str_eq(s->rows[2].cells[0], "3");
	tg_fsheet_free(s);
	/* a1 ⊂ q/1, q/1 ⊃ r/1.1: subset then superset only overlaps, at the
	 * weaker strength, through q/1. */
	const tg_industry *ind = tg_data_industry(d, "demo");
	tg_arena a;
	tg_arena_init(&a);
	tg_remedies r;
	tg_assess_remedies(d, ind, TG_LEVEL_NONE, tg_catalog_item(ind->guideline, "a1"), &a, &r);
	ck_assert_uint_eq(r.nclauses, 1);
	ck_assert_str_eq(r.clauses[0].clause->id, "r/1.1");
	ck_assert_int_eq(r.clauses[0].rel, TG_REL_INTERSECTS_WITH);
	ck_assert_int_eq(r.clauses[0].strength, 7);
	ck_assert_str_eq(r.clauses[0].via->id, "q/1");
	/* a2 = q/2, and r/1.2 ⊃ q/2 read backwards: q/2 ⊂ r/1.2, so a2 ⊂ r/1.2. */
	tg_assess_remedies(d, ind, TG_LEVEL_NONE, tg_catalog_item(ind->guideline, "a2"), &a, &r);
	ck_assert_uint_eq(r.nclauses, 1);
	ck_assert_str_eq(r.clauses[0].clause->id, "r/1.2");
	ck_assert_int_eq(r.clauses[0].rel, TG_REL_SUBSET_OF);
	ck_assert_int_eq(r.clauses[0].strength, 6);
	/* The baseline's own item: the same pair read from q/2. */
	tg_assess_remedies(d, ind, TG_LEVEL_NONE, tg_catalog_item(ind->baseline, "q/2"), &a, &r);
	ck_assert_uint_eq(r.nclauses, 1);
	ck_assert_int_eq(r.clauses[0].rel, TG_REL_SUBSET_OF);
	ck_assert_ptr_null(r.clauses[0].via);
	tg_arena_free(&a);
	tg_data_free(d);
	tg_diag_free(d2);
	tu_rmrf(dir);
	free(dir);
}
END_TEST

START_TEST(shipped_forms_lay_out_for_every_industry)
{
	char *root = tg_data_locate(TOTSUGO_SOURCE_ROOT);
	tg_diag *d2 = tg_diag_new();
	int rc;
	tg_data *d = tg_data_open(root, d2, &rc);
	ck_assert_int_eq(rc, TG_EXIT_OK);
	ck_assert_uint_ge(TG_BUF_COUNT(&d->forms, tg_form *), 7);
	for (size_t i = 0; i < TG_DATA_COUNT(d, industries, tg_industry); i++) {
		const tg_industry *ind = TG_DATA_AT(d, industries, tg_industry, i);
		for (size_t f = 0; f < TG_BUF_COUNT(&d->forms, tg_form *); f++) {
			const tg_form *form = TG_BUF_AT(&d->forms, tg_form *, f);
			tg_form_ctx c = {d, ind, NULL, ind->default_level};
			if (!tg_form_applies(form, ind)) {
				/* An industry without a guideline has no checklist. */
				ck_assert_ptr_null(ind->guideline);
				ck_assert_int_eq(form->source, TG_FORM_FROM_REQUIREMENTS);
				continue;
			}
			tg_fsheet *s = tg_fsheet_build(form, &c, NULL, 0, d2);
			ck_assert_msg(s != NULL, "%s for %s", form->id, ind->id);
			if (form->role == TG_FORM_ROLE_SELF_ASSESSMENT) {
				size_t items = 0;
				for (size_t r = 0; r < s->nrows; r++)
					items += s->rows[r].item != NULL;
				ck_assert_uint_eq(items, 25);
				ck_assert(s->scoring.max_score == 100);
			}
			tg_fsheet_free(s);
		}
	}
	ck_assert_uint_eq(tg_diag_errors(d2), 0);
	tg_data_free(d);
	tg_diag_free(d2);
	free(root);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("forms");
	TCase *tc = tcase_create("forms");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, scoring_rules_come_from_the_meta);
	tcase_add_test(tc, gaps_follow_the_scores);
	tcase_add_test(tc, self_assessment_groups_by_parts);
	tcase_add_test(tc, checklist_takes_the_requirements_at_the_level);
	tcase_add_test(tc, plans_take_fills_in_their_groups);
	tcase_add_test(tc, remedies_direct_and_through_the_baseline);
	tcase_add_test(tc, corner_cases_of_keys_examples_and_paths);
	tcase_add_test(tc, shipped_forms_lay_out_for_every_industry);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return tu_run(suite());
}
