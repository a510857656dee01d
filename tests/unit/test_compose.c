/* Unit tests of the relationship algebra, inverse crosswalks (~ID) and
 * derived crosswalks (derive: {via: [...]}) on a small fixture. */
#include "testutil.h"
#include "load/load.h"

enum { EQ = TG_REL_EQUAL, SUB = TG_REL_SUBSET_OF, SUP = TG_REL_SUPERSET_OF,
	INT = TG_REL_INTERSECTS_WITH, NO = TG_REL_NO_RELATIONSHIP };

/* The whole table, written out: row = first relationship, column = second. */
static const int expected[5][5] = {
	/*          EQ   SUB  SUP  INT  NO */
	/* EQ  */ {EQ, SUB, SUP, INT, NO},
	/* SUB */ {SUB, SUB, INT, INT, NO},
	/* SUP */ {SUP, INT, SUP, INT, NO},
	/* INT */ {INT, INT, INT, INT, NO},
	/* NO  */ {NO, NO, NO, NO, NO},
};

START_TEST(compose_every_pair)
{
	for (int a = 0; a < TG_REL_COUNT; a++)
		for (int b = 0; b < TG_REL_COUNT; b++)
			ck_assert_msg((int)tg_rel_compose((tg_relationship)a, (tg_relationship)b) ==
			    expected[a][b], "%s ∘ %s", tg_relationship_name((tg_relationship)a),
			    tg_relationship_name((tg_relationship)b));
}
END_TEST

START_TEST(compose_laws)
{
	for (int a = 0; a < TG_REL_COUNT; a++) {
		tg_relationship ra = (tg_relationship)a;
		/* equal is neutral on both sides, no-relationship absorbs */
		ck_assert_int_eq(tg_rel_compose(TG_REL_EQUAL, ra), ra);
		ck_assert_int_eq(tg_rel_compose(ra, TG_REL_EQUAL), ra);
		ck_assert_int_eq(tg_rel_compose(ra, TG_REL_NO_RELATIONSHIP), TG_REL_NO_RELATIONSHIP);
		ck_assert_int_eq(tg_rel_compose(TG_REL_NO_RELATIONSHIP, ra), TG_REL_NO_RELATIONSHIP);
		ck_assert_int_eq(tg_rel_inverse(tg_rel_inverse(ra)), ra);
		for (int b = 0; b < TG_REL_COUNT; b++) {
			tg_relationship rb = (tg_relationship)b;
			/* reading a composed pair backwards = composing the inverses backwards */
			ck_assert_int_eq(tg_rel_inverse(tg_rel_compose(ra, rb)),
			    tg_rel_compose(tg_rel_inverse(rb), tg_rel_inverse(ra)));
			/* a chain composes the same whatever the grouping */
			for (int c = 0; c < TG_REL_COUNT; c++) {
				tg_relationship rc = (tg_relationship)c;
				ck_assert_int_eq(tg_rel_compose(tg_rel_compose(ra, rb), rc),
				    tg_rel_compose(ra, tg_rel_compose(rb, rc)));
			}
		}
	}
	ck_assert_int_eq(tg_rel_inverse(TG_REL_SUBSET_OF), TG_REL_SUPERSET_OF);
	ck_assert_int_eq(tg_rel_inverse(TG_REL_SUPERSET_OF), TG_REL_SUBSET_OF);
	ck_assert_int_eq(tg_rel_inverse(TG_REL_INTERSECTS_WITH), TG_REL_INTERSECTS_WITH);
	ck_assert_int_eq(tg_strength_weakest(7, 4), 4);
	ck_assert_int_eq(tg_strength_weakest(4, 7), 4);
	ck_assert_int_eq(tg_strength_weakest(-1, 7), -1);
	ck_assert_int_eq(tg_strength_weakest(0, 10), 0);
	ck_assert_int_lt(tg_rel_closeness(TG_REL_EQUAL), tg_rel_closeness(TG_REL_SUBSET_OF));
	ck_assert_int_lt(tg_rel_closeness(TG_REL_INTERSECTS_WITH),
	    tg_rel_closeness(TG_REL_NO_RELATIONSHIP));
}
END_TEST

static tg_data *data;
static tg_diag *diag;
static char *dir;

#define CAT(id, items) "kind: catalog\nid: " id "\ntitle: " id "\nprovenance: authored\nitems:\n" items

static void
setup(void)
{
	dir = tu_tmpdir();
	tu_write(dir, "mappings/a.yaml", CAT("a", "  - {id: a1, title: A1}\n  - {id: a2, title: A2}\n"
	    "  - {id: a3, title: A3}\n"));
	tu_write(dir, "mappings/b.yaml", CAT("b", "  - {id: b1, title: B1}\n  - {id: b2, title: B2}\n"
	    "  - {id: b3, title: B3}\n"));
	tu_write(dir, "mappings/c.yaml", CAT("c", "  - {id: c1, title: C1}\n  - {id: c2, title: C2}\n"
	    "  - {id: c3, title: C3}\n  - {id: c4, title: C4}\n"));
	tu_write(dir, "mappings/d.yaml", CAT("d", "  - {id: d1, title: D1}\n"));
	tu_write(dir, "mappings/ab.yaml",
	    "kind: crosswalk\nid: ab\nsource: a\ntarget: b\nstatus: reviewed\nrows:\n"
	    "  - source: a1\n    targets:\n"
	    "      - {target: b1, relationship: subset-of, strength: 8, rationale: semantic}\n"
	    "      - {target: b2, relationship: intersects-with, strength: 6, rationale: semantic}\n"
	    "      - {target: b3, relationship: superset-of, strength: 3, rationale: semantic}\n"
	    "  - source: a2\n    targets:\n"
	    "      - {target: b2, relationship: superset-of, strength: 5, rationale: semantic}\n"
	    "  - source: a3\n    targets:\n"
	    "      - {target: b3, relationship: no-relationship, strength: 0, rationale: semantic}\n");
	tu_write(dir, "mappings/cb.yaml",
	    "kind: crosswalk\nid: cb\nsource: c\ntarget: b\nrows:\n"
	    "  - source: c1\n    targets:\n"
	    "      - {target: b1, relationship: superset-of, strength: 7}\n"
	    "      - {target: b3, relationship: subset-of, strength: 9}\n"
	    "  - source: c2\n    targets:\n"
	    "      - {target: b2, relationship: intersects-with, strength: 4}\n"
	    "  - source: c3\n    targets:\n"
	    "      - {target: b1, relationship: equal}\n"
	    "  - source: c4\n    targets:\n"
	    "      - {target: b3, relationship: equal, strength: 10}\n");
	tu_write(dir, "mappings/cd.yaml",
	    "kind: crosswalk\nid: cd\nsource: c\ntarget: d\nrows:\n"
	    "  - source: c1\n    targets:\n"
	    "      - {target: d1, relationship: superset-of, strength: 6}\n");
	tu_write(dir, "mappings/ac.yaml",
	    "kind: crosswalk\nid: ac\nsource: a\ntarget: c\nderive: {via: [ab, ~cb]}\nrows:\n"
	    "  - source: a2\n    proposal: {action: none, note: 変更なし}\n"
	    "  - source: a1\n    targets:\n"
	    "      - {target: c1, relationship: intersects-with, strength: 9, rationale: semantic,"
	    " status: reviewed, note: 確認した}\n");
	tu_write(dir, "mappings/ad.yaml",
	    "kind: crosswalk\nid: ad\nsource: a\ntarget: d\nderive: {via: [ab, ~cb, cd]}\n");
	diag = tg_diag_new();
	data = tg_data_new(dir);
	int rc = tg_data_load_dir(data, diag);
	if (rc != TG_EXIT_OK)
		tg_diag_print(diag, stderr);
	ck_assert_int_eq(rc, TG_EXIT_OK);
}

static void
teardown(void)
{
	tg_data_free(data);
	tg_diag_free(diag);
	tu_rmrf(dir);
	free(dir);
}

static const tg_xw_target *
pair(const tg_crosswalk *xw, const char *s, const char *t)
{
	const tg_xw_row *row = tg_map_get(&xw->row_by_source, s);
	for (size_t i = 0; row != NULL && i < row->ntargets; i++)
		if (strcmp(row->targets[i].target->id, t) == 0)
			return &row->targets[i];
	return NULL;
}

static void
assert_path(const tg_xw_target *t, const char *const *ids, size_t n)
{
	ck_assert_uint_eq(t->nvia, n);
	for (size_t i = 0; i < n; i++)
		ck_assert_str_eq(t->via[i]->id, ids[i]);
}

START_TEST(inverse_views)
{
	const tg_crosswalk *inv = tg_data_crosswalk(data, "~cb");
	ck_assert_ptr_nonnull(inv);
	ck_assert_str_eq(inv->id, "~cb");
	ck_assert_str_eq(inv->source->id, "b");
	ck_assert_str_eq(inv->target->id, "c");
	ck_assert_ptr_eq(inv->inverse_of, tg_data_crosswalk(data, "cb"));
	/* one row per target item of cb, in b's order */
	ck_assert_uint_eq(inv->nrows, 3);
	ck_assert_str_eq(inv->rows[0].source->id, "b1");
	ck_assert_str_eq(inv->rows[1].source->id, "b2");
	ck_assert_str_eq(inv->rows[2].source->id, "b3");
	ck_assert_int_eq(pair(inv, "b1", "c1")->relationship, TG_REL_SUBSET_OF);
	ck_assert_int_eq(pair(inv, "b1", "c1")->strength, 7);
	ck_assert_int_eq(pair(inv, "b3", "c1")->relationship, TG_REL_SUPERSET_OF);
	ck_assert_int_eq(pair(inv, "b1", "c3")->relationship, TG_REL_EQUAL);
	ck_assert_uint_eq(inv->rows[2].ntargets, 2);	/* c1 then c4: cb's row order */
	ck_assert_str_eq(inv->rows[2].targets[0].target->id, "c1");
	ck_assert_str_eq(inv->rows[2].targets[1].target->id, "c4");
	/* every crosswalk has one, derived ones too, and ~ of ~ is the original */
	ck_assert_ptr_nonnull(tg_data_crosswalk(data, "~ac"));
	ck_assert_ptr_eq(tg_data_crosswalk(data, "~ab")->inverse, tg_data_crosswalk(data, "ab"));
	ck_assert_ptr_null(tg_data_crosswalk(data, "~nothing"));
}
END_TEST

START_TEST(derived_pairs)
{
	const tg_crosswalk *ac = tg_data_crosswalk(data, "ac");
	ck_assert_ptr_nonnull(ac);
	/* a1 → b1 (subset-of, 8) → ~cb: b1 → c3 (equal) = subset-of, strength 8 … */
	const tg_xw_target *t = pair(ac, "a1", "c3");
	ck_assert_ptr_nonnull(t);
	ck_assert_int_eq(t->relationship, TG_REL_SUBSET_OF);
	ck_assert_int_eq(t->strength, -1);	/* c3 → b1 has no strength: the link is unknown */
	ck_assert_int_eq(t->status, TG_STATUS_SUGGESTED);
	ck_assert_int_eq(t->rationale, TG_RAT_DERIVED);
	ck_assert(t->derived);
	static const char *const via_b1[] = {"b1"}, *const via_b2[] = {"b2"};
	assert_path(t, via_b1, 1);
	/* a1 → b2 (intersects, 6) → c2 (intersects, 4) */
	t = pair(ac, "a1", "c2");
	ck_assert_int_eq(t->relationship, TG_REL_INTERSECTS_WITH);
	ck_assert_int_eq(t->strength, 4);
	assert_path(t, via_b2, 1);
	/* a2 → b2 (superset, 5) → c2 (intersects) */
	t = pair(ac, "a2", "c2");
	ck_assert_int_eq(t->relationship, TG_REL_INTERSECTS_WITH);
	/* a3 → b3 is no-relationship: it absorbs, nothing is derived (not even c4, equal to b3) */
	ck_assert_ptr_null(tg_map_get(&ac->row_by_source, "a3"));
	ck_assert_ptr_null(pair(ac, "a3", "c4"));
}
END_TEST

START_TEST(stored_pairs_win)
{
	const tg_crosswalk *ac = tg_data_crosswalk(data, "ac");
	/* a1 → c1 is derived subset-of (via b1) but written in the file: the file wins */
	const tg_xw_target *t = pair(ac, "a1", "c1");
	ck_assert(!t->derived);
	ck_assert_int_eq(t->relationship, TG_REL_INTERSECTS_WITH);
	ck_assert_int_eq(t->status, TG_STATUS_REVIEWED);
	ck_assert_int_eq(t->strength, 9);
	ck_assert_str_eq(t->note, "確認した");
	/* rows follow the source catalog; the file's pairs come first in their row */
	ck_assert_uint_eq(ac->nrows, 2);
	ck_assert_str_eq(ac->rows[0].source->id, "a1");
	ck_assert_str_eq(ac->rows[0].targets[0].target->id, "c1");
	ck_assert_uint_eq(ac->rows[0].ntargets, 4);	/* c1 (stored), c2, c3, c4 (via b3) */
	ck_assert_int_eq(pair(ac, "a1", "c4")->relationship, TG_REL_SUPERSET_OF);
	ck_assert_int_eq(ac->rows[0].status, TG_STATUS_SUGGESTED);
	/* a row written only for its proposal gets the derived pairs */
	const tg_xw_row *a2 = tg_map_get(&ac->row_by_source, "a2");
	ck_assert_ptr_nonnull(a2->proposal);
	ck_assert_uint_eq(a2->ntargets, 1);
	ck_assert(!a2->derived);
	/* the file's own rows are kept apart for whoever edits the file */
	ck_assert_uint_eq(ac->nstored_rows, 2);
	ck_assert_str_eq(ac->stored_rows[0].source_id, "a2");
}
END_TEST

START_TEST(longer_chain_keeps_every_relationship)
{
	/* a1 reaches c1 as subset-of (via b1) and as superset-of (via b3).  Then
	 * c1 → d1 is superset-of: subset ∘ superset would be intersects-with,
	 * superset ∘ superset stays superset-of.  The closer pair at c1 is not
	 * the one that gives the closest result at d1. */
	const tg_crosswalk *ad = tg_data_crosswalk(data, "ad");
	const tg_xw_target *t = pair(ad, "a1", "d1");
	ck_assert_ptr_nonnull(t);
	ck_assert_int_eq(t->relationship, TG_REL_SUPERSET_OF);
	ck_assert_int_eq(t->strength, 3);
	static const char *const via[] = {"b3", "c1"};
	assert_path(t, via, 2);
	ck_assert(tg_map_get(&ad->row_by_source, "a1") != NULL);
	ck_assert(((const tg_xw_row *)tg_map_get(&ad->row_by_source, "a1"))->derived);
	/* the inverse of a derived crosswalk reverses the paths */
	const tg_xw_target *back = pair(tg_data_crosswalk(data, "~ad"), "d1", "a1");
	ck_assert_int_eq(back->relationship, TG_REL_SUBSET_OF);
	static const char *const back_via[] = {"c1", "b3"};
	assert_path(back, back_via, 2);
}
END_TEST

static Suite *
compose_suite(void)
{
	Suite *s = suite_create("compose");
	TCase *tc = tcase_create("algebra");
	tcase_add_test(tc, compose_every_pair);
	tcase_add_test(tc, compose_laws);
	suite_add_tcase(s, tc);
	tc = tcase_create("derive");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, inverse_views);
	tcase_add_test(tc, derived_pairs);
	tcase_add_test(tc, stored_pairs_win);
	tcase_add_test(tc, longer_chain_keeps_every_relationship);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return tu_run(compose_suite());
}
