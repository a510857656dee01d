/* Unit tests of loading and linking: tree order, levels, crosswalk status
 * inheritance, reference resolution. */
#include "testutil.h"
#include "load/load.h"

static tg_data *
load(const char *dir, tg_diag *diag, int *rc)
{
	tg_data *d = tg_data_new(dir);
	*rc = tg_data_load_dir(d, diag);
	return d;
}

START_TEST(flat_parents_build_tree_order)
{
	char *dir = tu_tmpdir();
	tu_write(dir, "mappings/c.yaml",
	    "kind: catalog\nid: c\ntitle: T\nprovenance: authored\nlevels: [L1, L2]\nitems:\n"
	    "  - {id: b2, parent: b, title: B2}\n"
	    "  - {id: a, title: A, level: L2}\n"
	    "  - {id: b, title: B, items: [{id: b1, title: B1, level: [L2, L1]}]}\n");
	tg_diag *diag = tg_diag_new();
	int rc;
	tg_data *d = load(dir, diag, &rc);
	/* b1 lists two levels without a flag: one error, the tree is still built */
	ck_assert_int_eq(rc, TG_EXIT_INVALID);
	ck_assert_uint_eq(tg_diag_errors(diag), 1);
	tg_catalog *c = tg_data_catalog(d, "c");
	ck_assert_ptr_nonnull(c);
	ck_assert_uint_eq(c->nitems, 4);
	/* children keep file order: b2 (flat, earlier in the file) before b1 */
	const char *order[] = {"a", "b", "b2", "b1"};
	for (size_t i = 0; i < 4; i++) {
		ck_assert_str_eq(c->items[i]->id, order[i]);
		ck_assert_uint_eq(c->items[i]->index, i);
	}
	tg_item *b1 = tg_catalog_item(c, "b1");
	ck_assert_uint_eq(b1->depth, 1);
	ck_assert_int_eq(b1->level, 0);	/* lowest of the cited levels */
	ck_assert_uint_eq(b1->ncited_levels, 2);
	ck_assert(tg_item_within(b1, tg_catalog_item(c, "b")));
	ck_assert(!tg_item_within(b1, tg_catalog_item(c, "a")));
	ck_assert_str_eq(tg_item_level_name(tg_catalog_item(c, "a")), "L2");
	ck_assert_ptr_null(tg_item_level_name(tg_catalog_item(c, "b")));
	tg_data_free(d);
	tg_diag_free(diag);
	tu_rmrf(dir);
	free(dir);
}
END_TEST

START_TEST(crosswalk_status_and_resolution)
{
	char *dir = tu_tmpdir();
	tu_write(dir, "mappings/s.yaml",
	    "kind: catalog\nid: s\ntitle: S\nprovenance: authored\nitems:\n"
	    "  - {id: '1', title: one}\n  - {id: '2', title: two}\n  - {id: '3', title: unknown}\n");
	tu_write(dir, "mappings/t.yaml",
	    "kind: catalog\nid: t\ntitle: T\nprovenance: authored\nitems:\n"
	    "  - {id: x, title: X}\n  - {id: y, title: Y}\n");
	tu_write(dir, "mappings/xw.yaml",
	    "kind: crosswalk\nid: s--t\nsource: s\ntarget: t\nstatus: reviewed\nrows:\n"
	    "  - source: '1'\n    targets:\n"
	    "      - {target: x, relationship: equal, strength: 9, rationale: syntactic}\n"
	    "      - {target: 't:y', relationship: intersects-with, status: suggested}\n"
	    "  - source: 's:2'\n    targets: [{target: y, relationship: subset-of, strength: 4, rationale: functional}]\n"
	    "    proposal: {action: amend, clause: y, text: 追記する。}\n"
	    "  - {source: '3', status: unmapped}\n");
	tg_diag *diag = tg_diag_new();
	int rc;
	tg_data *d = load(dir, diag, &rc);
	tg_diag_print(diag, stderr);
	ck_assert_int_eq(rc, TG_EXIT_OK);
	tg_crosswalk *xw = tg_data_crosswalk(d, "s--t");
	ck_assert_ptr_nonnull(xw);
	ck_assert_uint_eq(xw->nrows, 3);
	ck_assert_int_eq(xw->rows[0].targets[0].status, TG_STATUS_REVIEWED);
	ck_assert_int_eq(xw->rows[0].targets[1].status, TG_STATUS_SUGGESTED);
	ck_assert_int_eq(xw->rows[0].status, TG_STATUS_SUGGESTED);	/* weakest target */
	ck_assert_int_eq(xw->rows[0].targets[1].strength, -1);
	ck_assert_ptr_eq(xw->rows[0].targets[1].target, tg_catalog_item(xw->target, "y"));
	ck_assert_ptr_eq(xw->rows[1].source, tg_catalog_item(xw->source, "2"));
	ck_assert_ptr_eq(xw->rows[1].proposal->clause, tg_catalog_item(xw->target, "y"));
	ck_assert_int_eq(xw->rows[2].status, TG_STATUS_UNMAPPED);
	ck_assert_ptr_null(xw->rows[2].source->title);	/* 'unknown' */
	ck_assert_ptr_eq(tg_map_get(&xw->row_by_source, "2"), &xw->rows[1]);
	ck_assert_ptr_eq(tg_data_ref(d, "t:x", NULL), tg_catalog_item(xw->target, "x"));
	ck_assert_ptr_null(tg_data_ref(d, "u:x", NULL));
	tg_data_free(d);
	tg_diag_free(diag);
	tu_rmrf(dir);
	free(dir);
}
END_TEST

START_TEST(broken_file_does_not_cascade)
{
	char *dir = tu_tmpdir();
	tu_write(dir, "mappings/s.yaml", "kind: catalog\nid: s\ntitle: [\n");
	tu_write(dir, "mappings/xw.yaml",
	    "kind: crosswalk\nid: s--s\nsource: s\ntarget: s\nrows: []\n");
	tg_diag *diag = tg_diag_new();
	int rc;
	tg_data *d = load(dir, diag, &rc);
	ck_assert_int_eq(rc, TG_EXIT_INVALID);
	ck_assert_uint_eq(tg_diag_errors(diag), 1);	/* the syntax error only */
	tg_data_free(d);
	tg_diag_free(diag);
	tu_rmrf(dir);
	free(dir);
}
END_TEST

START_TEST(missing_directory_is_io_error)
{
	tg_diag *diag = tg_diag_new();
	int rc;
	tg_data *d = load("/nonexistent/totsugo", diag, &rc);
	ck_assert_int_eq(rc, TG_EXIT_IO);
	tg_data_free(d);
	tg_diag_free(diag);
}
END_TEST

static Suite *
load_suite(void)
{
	Suite *s = suite_create("load");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, flat_parents_build_tree_order);
	tcase_add_test(tc, crosswalk_status_and_resolution);
	tcase_add_test(tc, broken_file_does_not_cascade);
	tcase_add_test(tc, missing_directory_is_io_error);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return tu_run(load_suite());
}
