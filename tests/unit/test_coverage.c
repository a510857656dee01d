/* Unit tests of paths between catalogs and of coverage: on the regress
 * fixture (tests/regress/coverage/_data) and on the shipped data. */
#include "testutil.h"
#include "coverage/coverage.h"
#include "crosswalk/paths.h"
#include "load/load.h"

static tg_data *
open_data(const char *dir, tg_diag *diag)
{
	tg_data *d = tg_data_new(dir);
	int rc = tg_data_load_dir(d, diag);
	if (rc != TG_EXIT_OK)
		tg_diag_print(diag, stderr);
	ck_assert_int_eq(rc, TG_EXIT_OK);
	return d;
}

#define FIXTURE TOTSUGO_SOURCE_ROOT "/tests/regress/coverage/_data"

static const tg_path *
path_to(const tg_path *paths, size_t n, const char *catalog, const char *id)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(paths[i].to->catalog->id, catalog) == 0 && strcmp(paths[i].to->id, id) == 0)
			return &paths[i];
	return NULL;
}

START_TEST(paths_between_catalogs)
{
	tg_diag *diag = tg_diag_new();
	tg_data *d = open_data(FIXTURE, diag);
	const tg_catalog *hub = tg_data_catalog(d, "demo-hub");
	tg_paths *pf = tg_paths_new(d, tg_data_catalog(d, "demo-base"));
	const tg_path *p;
	size_t n = tg_paths_from(pf, tg_catalog_item(hub, "2-1"), &p);
	/* itself, the guideline's No.3, the clause 2.1 */
	ck_assert_uint_eq(n, 3);
	ck_assert_uint_eq(path_to(p, n, "demo-hub", "2-1")->nsteps, 0);
	const tg_path *clause = path_to(p, n, "demo-base", "reg/2.1");
	ck_assert_ptr_nonnull(clause);
	/* direct equal beats hub → No.3 (intersects) → 2.1 (stored superset-of) */
	ck_assert_int_eq(clause->rel, TG_REL_EQUAL);
	ck_assert_uint_eq(clause->nsteps, 1);
	ck_assert(clause->reviewed);
	const tg_path *g3 = path_to(p, n, "demo-guide", "3");
	ck_assert_int_eq(g3->rel, TG_REL_INTERSECTS_WITH);
	ck_assert_int_eq(g3->strength, 5);

	/* hub 1-1 → No.1 → 1.1 exists only as a pair derived via hub 1-1 itself:
	 * a catalog is never entered twice, so 1.1 is reached directly only. */
	n = tg_paths_from(pf, tg_catalog_item(hub, "1-1"), &p);
	clause = path_to(p, n, "demo-base", "reg/1.1");
	ck_assert_uint_eq(clause->nsteps, 1);
	ck_assert_str_eq(clause->steps[0].xw->id, "demo-hub--demo-base");

	/* From the guideline, two equal paths to 1.1: the derived pair (one
	 * step, suggested) and backwards to hub 1-1, then hub → base (two
	 * reviewed pairs, but intersects ∘ subset-of is an inference, so not
	 * reviewed either): the shorter one. */
	const tg_catalog *guide = tg_data_catalog(d, "demo-guide");
	n = tg_paths_from(pf, tg_catalog_item(guide, "1"), &p);
	clause = path_to(p, n, "demo-base", "reg/1.1");
	ck_assert_ptr_nonnull(clause);
	ck_assert_int_eq(clause->rel, TG_REL_INTERSECTS_WITH);	/* intersects ∘ subset */
	ck_assert_int_eq(clause->strength, 5);
	ck_assert(!clause->reviewed);
	ck_assert_uint_eq(clause->nsteps, 1);
	ck_assert(clause->steps[0].pair->derived);
	const tg_path *hub11 = path_to(p, n, "demo-hub", "1-1");
	ck_assert(hub11->steps[0].backward);
	ck_assert_int_eq(hub11->steps[0].rel, TG_REL_INTERSECTS_WITH);
	ck_assert(hub11->reviewed);	/* one reviewed pair, read backwards */

	/* hub 2-3 → No.4 is equal and reviewed: what follows keeps its status */
	n = tg_paths_from(pf, tg_catalog_item(hub, "2-3"), &p);
	ck_assert(path_to(p, n, "demo-guide", "4")->reviewed);
	tg_paths_free(pf);
	tg_data_free(d);
	tg_diag_free(diag);
}
END_TEST

static tg_coverage *
cover(tg_data *d, const char *industry, const char *profile, const char *against,
    const char *level, tg_diag *diag)
{
	const tg_industry *ind = tg_data_industry(d, industry);
	const tg_profile *p = profile ? tg_data_profile(d, profile) : NULL;
	const tg_catalog *cat = tg_data_catalog(d, against);
	ck_assert_ptr_nonnull(ind);
	ck_assert_ptr_nonnull(cat);
	int reg_level = TG_REG_LEVEL_ALL;
	ck_assert_int_eq(tg_reg_find_level(NULL, ind, p, &reg_level, diag), TG_EXIT_OK);
	tg_cov_spec spec = {ind, p, reg_level, cat, level ? tg_catalog_level(cat, level) : TG_LEVEL_NONE};
	tg_coverage *c = tg_coverage_build(d, &spec, diag);
	ck_assert_ptr_nonnull(c);
	return c;
}

static const tg_cov_item *
item_of(const tg_coverage *c, const char *id)
{
	for (size_t i = 0; i < c->nitems; i++)
		if (strcmp(c->items[i].item->id, id) == 0)
			return &c->items[i];
	return NULL;
}

START_TEST(verdicts_and_closers)
{
	tg_diag *diag = tg_diag_new();
	tg_data *d = open_data(FIXTURE, diag);
	tg_coverage *c = cover(d, "demo", NULL, "demo-hub", "★3", diag);
	ck_assert_uint_eq(c->nitems, 5);	/* the ★3 requirements, no group, no ★4 */
	ck_assert_ptr_null(item_of(c, "1-3"));
	ck_assert_ptr_null(item_of(c, "1"));
	/* subset-of → 充足, reviewed */
	ck_assert_int_eq(item_of(c, "1-1")->verdict, TG_COV_FULL);
	ck_assert(item_of(c, "1-1")->reviewed);
	/* intersects → 一部, and the requirement's own proposal would close it */
	const tg_cov_item *i12 = item_of(c, "1-2");
	ck_assert_int_eq(i12->verdict, TG_COV_PARTIAL);
	ck_assert_uint_eq(i12->nclosers, 1);
	ck_assert_int_eq(i12->closers[0].kind, TG_CLOSE_PROPOSAL);
	ck_assert_int_eq(i12->closers[0].would, TG_COV_FULL);
	/* covered by the industry addition of No.4 (equal ∘ subset-of), never reviewed */
	const tg_cov_item *i23 = item_of(c, "2-3");
	ck_assert_int_eq(i23->verdict, TG_COV_FULL);
	ck_assert(!i23->reviewed);
	ck_assert_int_eq(i23->links[0].kind, TG_COV_ADDITION);
	ck_assert_str_eq(i23->links[0].number, "2.2.1");
	/* nothing at all */
	ck_assert_int_eq(item_of(c, "2-4")->verdict, TG_COV_NONE);
	ck_assert_uint_eq(c->total.by[TG_COV_FULL], 3);
	tg_coverage_free(c);

	/* ★4: the LV2 proposal of No.5 is out of the regulation's level */
	c = cover(d, "demo", NULL, "demo-hub", "★4", diag);
	ck_assert_uint_eq(c->nitems, 7);
	const tg_cov_item *i13 = item_of(c, "1-3");
	ck_assert_int_eq(i13->verdict, TG_COV_NONE);
	ck_assert_uint_eq(i13->nclosers, 1);
	ck_assert_int_eq(i13->closers[0].kind, TG_CLOSE_LEVEL);
	ck_assert_str_eq(i13->closers[0].source->id, "5");
	/* baseline material that is not a regulation clause */
	ck_assert_uint_eq(item_of(c, "2-2")->noutside, 1);
	ck_assert_int_eq(item_of(c, "2-2")->verdict, TG_COV_NONE);
	tg_coverage_free(c);

	/* The profile excludes 2.1: 2-1 loses its cover, the exclusion says so */
	c = cover(d, "demo", "demo-co", "demo-hub", NULL, diag);
	const tg_cov_item *i21 = item_of(c, "2-1");
	ck_assert_int_eq(i21->verdict, TG_COV_NONE);
	ck_assert_int_eq(i21->verdict_kept_all, TG_COV_FULL);
	ck_assert_int_eq(i21->closers[0].kind, TG_CLOSE_EXCLUSION);
	ck_assert_uint_eq(c->nexclusions, 1);
	ck_assert_uint_eq(c->exclusions[0].nitems, 1);
	ck_assert_uint_eq(c->exclusions[0].worse, 1);
	ck_assert_uint_eq(c->total_kept_all.by[TG_COV_FULL], c->total.by[TG_COV_FULL] + 1);
	tg_coverage_free(c);
	tg_data_free(d);
	tg_diag_free(diag);
}
END_TEST

/* A profile excluding one clause, loaded into d. */
static const tg_profile *
excluding(tg_data *d, const char *industry, const tg_item *clause, size_t n, tg_diag *diag)
{
	tg_buf y = TG_BUF_INIT, name = TG_BUF_INIT;
	tg_buf_printf(&y, "kind: profile\nid: ex-%zu\nindustry: %s\nexclude:\n"
	    "  - {clause: \"%s\", reason: テスト}\n", n, industry, clause->id);
	tg_buf_printf(&name, "ex-%zu.yaml", n);
	ck_assert_int_eq(tg_data_load_text(d, diag, name.data, y.data, y.len), TG_EXIT_OK);
	tg_profile *p = TG_DATA_AT(d, profiles, tg_profile, TG_DATA_COUNT(d, profiles, tg_profile) - 1);
	p->industry = tg_data_industry(d, industry);
	tg_buf_free(&y);
	tg_buf_free(&name);
	return p;
}

/* Excluding any clause never raises a verdict, and every requirement whose
 * verdict drops lists the exclusion. */
static void
assert_monotone(tg_data *d, const char *industry, const char *against, bool every_clause,
    tg_diag *diag)
{
	tg_coverage *base = cover(d, industry, NULL, against, NULL, diag);
	const tg_industry *ind = tg_data_industry(d, industry);
	const tg_tset *t = tg_reg_tset_for(d, ind->baseline);
	size_t tried = 0;
	for (size_t k = 0; k < t->nclauses; k++) {
		const tg_item *clause = t->clauses[k].item;
		if (clause == NULL || (!every_clause && !t->clauses[k].chapter))
			continue;
		const tg_profile *p = excluding(d, industry, clause, k, diag);
		const tg_industry *pi = p->industry;
		int reg_level = TG_REG_LEVEL_ALL;
		tg_reg_find_level(NULL, pi, p, &reg_level, diag);
		tg_cov_spec spec = {pi, p, reg_level, base->against, TG_LEVEL_NONE};
		tg_coverage *c = tg_coverage_build(d, &spec, diag);
		ck_assert_ptr_nonnull(c);
		ck_assert_uint_eq(c->nitems, base->nitems);
		for (size_t i = 0; i < c->nitems; i++) {
			ck_assert_ptr_eq(c->items[i].item, base->items[i].item);
			ck_assert_msg(c->items[i].verdict >= base->items[i].verdict,
			    "excluding %s raised %s", clause->id, c->items[i].item->id);
			ck_assert_int_eq(c->items[i].verdict_kept_all, base->items[i].verdict);
			if (c->items[i].verdict > base->items[i].verdict)
				ck_assert_uint_gt(c->items[i].nlost, 0);
		}
		ck_assert_uint_le(c->total.by[TG_COV_FULL], base->total.by[TG_COV_FULL]);
		ck_assert_uint_ge(c->total.by[TG_COV_NONE], base->total.by[TG_COV_NONE]);
		tg_coverage_free(c);
		tried++;
	}
	ck_assert_uint_gt(tried, 0);
	tg_coverage_free(base);
}

START_TEST(exclusions_never_raise_coverage)
{
	tg_diag *diag = tg_diag_new();
	tg_data *d = open_data(FIXTURE, diag);
	assert_monotone(d, "demo", "demo-hub", true, diag);
	tg_data_free(d);
	tg_diag_free(diag);
}
END_TEST

START_TEST(shipped_star3_one_entry_per_requirement)
{
	tg_diag *diag = tg_diag_new();
	tg_data *d = open_data(TOTSUGO_SOURCE_ROOT, diag);
	tg_coverage *c = cover(d, "automotive", NULL, "meti-scs-2026", "★3", diag);
	/* The fact table: requirement id in column 3, star levels in column 5. */
	char *path = tg_fs_join(TOTSUGO_SOURCE_ROOT "/tests/data", "meti-scs-requirements.tsv");
	tg_buf text = TG_BUF_INIT;
	ck_assert_int_eq(tg_fs_read(path, 1 << 20, &text), TG_FS_OK);
	free(path);
	size_t star3 = 0;
	char *save = NULL;
	for (char *line = strtok_r(text.data, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char *f[5] = {0};
		char *p = line;
		for (int k = 0; k < 5 && p; k++) {
			f[k] = p;
			p = strchr(p, '\t');
			if (p)
				*p++ = '\0';
		}
		if (f[4] == NULL || strcmp(f[0], "category") == 0)
			continue;
		const tg_cov_item *ci = item_of(c, f[2]);
		if (strstr(f[4], "★3") != NULL) {
			star3++;
			ck_assert_msg(ci != NULL, "★3 requirement %s missing", f[2]);
			ck_assert_int_lt(ci->verdict, TG_COV_VERDICTS);
			if (ci->verdict != TG_COV_NONE)
				ck_assert_uint_gt(ci->nlinks, 0);
		} else {
			ck_assert_msg(ci == NULL, "★4-only requirement %s listed", f[2]);
		}
	}
	tg_buf_free(&text);
	ck_assert_uint_eq(c->nitems, star3);
	ck_assert_uint_eq(star3, 26);
	tg_coverage_free(c);
	tg_data_free(d);
	tg_diag_free(diag);
}
END_TEST

START_TEST(shipped_exclusions_never_raise_coverage)
{
	tg_diag *diag = tg_diag_new();
	tg_data *d = open_data(TOTSUGO_SOURCE_ROOT, diag);
	/* every chapter of the regulation, one at a time */
	assert_monotone(d, "automotive", "meti-scs-2026", false, diag);
	tg_data_free(d);
	tg_diag_free(diag);
}
END_TEST

static Suite *
coverage_suite(void)
{
	Suite *s = suite_create("coverage");
	TCase *tc = tcase_create("fixture");
	tcase_add_test(tc, paths_between_catalogs);
	tcase_add_test(tc, verdicts_and_closers);
	tcase_add_test(tc, exclusions_never_raise_coverage);
	suite_add_tcase(s, tc);
	tc = tcase_create("shipped");
	tcase_set_timeout(tc, 600);
	tcase_add_test(tc, shipped_star3_one_entry_per_requirement);
	tcase_add_test(tc, shipped_exclusions_never_raise_coverage);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return tu_run(coverage_suite());
}
