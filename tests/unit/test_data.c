/* The shipped data (mappings/, templates/) against the project's
 * acceptance rules and the fact tables in tests/data/. */
#include <regex.h>

#include "testutil.h"
#include "load/load.h"
#include "load/templates.h"

static tg_data *data;
static tg_diag *diag;
static int load_rc;

static void
setup(void)
{
	diag = tg_diag_new();
	data = tg_data_new(TOTSUGO_SOURCE_ROOT);
	load_rc = tg_data_load_dir(data, diag);
	if (load_rc != TG_EXIT_OK)
		tg_diag_print(diag, stderr);
}

static void
teardown(void)
{
	tg_data_free(data);
	tg_diag_free(diag);
}

/* Reads a TSV file of the test data into lines of fields (tab-split). */
static char **
read_tsv(const char *name, size_t *nlines)
{
	char *path = tg_fs_join(TOTSUGO_SOURCE_ROOT "/tests/data", name);
	tg_buf text = TG_BUF_INIT;
	ck_assert_int_eq(tg_fs_read(path, 1 << 20, &text), TG_FS_OK);
	free(path);
	tg_buf lines = TG_BUF_INIT;
	char *save = NULL;
	for (char *line = strtok_r(text.data, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
		TG_BUF_PUSH(&lines, char *, tg_xstrdup(line));
	tg_buf_free(&text);
	*nlines = TG_BUF_COUNT(&lines, char *);
	return (char **)(void *)tg_buf_detach(&lines);
}

static char *
field(const char *line, int n)
{
	const char *p = line;
	for (int i = 0; i < n && p; i++) {
		p = strchr(p, '\t');
		if (p)
			p++;
	}
	ck_assert_ptr_nonnull(p);
	const char *e = strchr(p, '\t');
	return tg_xstrndup(p, e ? (size_t)(e - p) : strlen(p));
}

START_TEST(shipped_data_is_valid)
{
	ck_assert_int_eq(load_rc, TG_EXIT_OK);
	ck_assert_uint_eq(tg_diag_errors(diag), 0);
	/* Not even a warning (relationship and strength agree everywhere). */
	ck_assert_uint_eq(tg_diag_warnings(diag), 0);
}
END_TEST

START_TEST(ipa_structure)
{
	tg_catalog *c = tg_data_catalog(data, "ipa-sme-3.1");
	ck_assert_ptr_nonnull(c);
	size_t parts = 0, questions = 0;
	for (size_t i = 1; i <= 3; i++) {
		char id[32];
		snprintf(id, sizeof id, "app3/part%zu", i);
		tg_item *part = tg_catalog_item(c, id);
		ck_assert_ptr_nonnull(part);
		parts++;
		questions += part->nchildren;
	}
	ck_assert_uint_eq(parts, 3);
	ck_assert_uint_eq(questions, 25);
	for (int n = 1; n <= 25; n++) {
		char id[32];
		snprintf(id, sizeof id, "app3/%d", n);
		ck_assert_msg(tg_catalog_item(c, id) != NULL, "%s", id);
	}
	tg_item *app5 = tg_catalog_item(c, "app5");
	ck_assert_ptr_nonnull(app5);
	ck_assert_uint_eq(app5->nchildren, 11);
	/* at least 80 clauses below the chapters, each with regulation text */
	const tg_paramset *ps = tg_data_paramset(data, "regulation");
	ck_assert_ptr_nonnull(ps);
	ck_assert_ptr_nonnull(ps->tset);
	size_t clauses = 0;
	for (size_t i = 0; i < c->nitems; i++) {
		const tg_item *it = c->items[i];
		if (!tg_item_within(it, app5) || it->depth < 2)
			continue;
		clauses++;
		const tg_tclause *tc = tg_tset_clause(ps->tset, it->id);
		ck_assert_msg(tc != NULL && tc->len > 0, "%s has no regulation text", it->id);
	}
	ck_assert_uint_ge(clauses, 80);
}
END_TEST

START_TEST(ipa_internal_mappings)
{
	tg_catalog *c = tg_data_catalog(data, "ipa-sme-3.1");
	tg_crosswalk *xw = tg_data_crosswalk(data, "ipa-app3--app5");
	ck_assert_ptr_nonnull(xw);
	tg_item *app5 = tg_catalog_item(c, "app5");
	for (int n = 1; n <= 25; n++) {
		char id[32];
		snprintf(id, sizeof id, "app3/%d", n);
		tg_xw_row *row = tg_map_get(&xw->row_by_source, id);
		ck_assert_msg(row != NULL && row->ntargets > 0, "%s has no app5 clause", id);
		bool clause = false;
		for (size_t t = 0; t < row->ntargets; t++)
			clause |= tg_item_within(row->targets[t].target, app5) &&
			    row->targets[t].target->depth >= 2;
		ck_assert_msg(clause, "%s maps to no app5 clause", id);
	}
	/* every chapter of 付録5 is reached by some mapping */
	for (size_t ch = 0; ch < app5->nchildren; ch++) {
		bool reached = false;
		for (size_t x = 0; x < TG_DATA_COUNT(data, crosswalks, tg_crosswalk) && !reached; x++) {
			tg_crosswalk *w = TG_DATA_AT(data, crosswalks, tg_crosswalk, x);
			for (size_t r = 0; r < w->nrows && !reached; r++)
				for (size_t t = 0; t < w->rows[r].ntargets && !reached; t++)
					reached = w->rows[r].targets[t].target != NULL &&
					    tg_item_within(w->rows[r].targets[t].target, app5->children[ch]);
		}
		ck_assert_msg(reached, "%s is reached by no mapping", app5->children[ch]->id);
	}
}
END_TEST

START_TEST(jama_levels_equal_the_facts)
{
	tg_catalog *c = tg_data_catalog(data, "jama-japia-2.3");
	ck_assert_ptr_nonnull(c);
	ck_assert_uint_eq(c->nitems, 153);
	size_t n;
	char **lines = read_tsv("jama-japia-levels-cited-by-scs.tsv", &n);
	bool cited[154] = {false};
	for (size_t i = 1; i < n; i++) {
		char *no = field(lines[i], 0), *level = field(lines[i], 1);
		tg_item *it = tg_catalog_item(c, no);
		ck_assert_msg(it != NULL, "No.%s", no);
		cited[atoi(no)] = true;
		if (strchr(level, '/') != NULL) {
			/* cited with two levels: both kept, and flagged */
			ck_assert_uint_eq(it->ncited_levels, 2);
			ck_assert_ptr_nonnull(it->flag);
			char both[32];
			snprintf(both, sizeof both, "%s/%s", c->levels[it->cited_levels[0]],
			    c->levels[it->cited_levels[1]]);
			ck_assert_str_eq(both, level);
		} else {
			ck_assert_msg(tg_item_level_name(it) && strcmp(tg_item_level_name(it), level) == 0,
			    "No.%s: %s, facts say %s", no, tg_item_level_name(it), level);
		}
		free(no);
		free(level);
		free(lines[i]);
	}
	free(lines[0]);
	free(lines);
	size_t unknown = 0;
	for (int k = 1; k <= 153; k++) {
		char id[8];
		snprintf(id, sizeof id, "%d", k);
		tg_item *it = tg_catalog_item(c, id);
		ck_assert_ptr_nonnull(it);
		if (!cited[k]) {
			ck_assert_msg(it->level == TG_LEVEL_UNKNOWN, "No.%d invents a level", k);
			unknown++;
		}
	}
	ck_assert_uint_eq(unknown, 60);
}
END_TEST

START_TEST(jama_lv1_items_are_mapped_or_proposed)
{
	tg_crosswalk *xw = tg_data_crosswalk(data, "jama-japia-2.3--ipa-sme-3.1");
	tg_crosswalk *cited = tg_data_crosswalk(data, "meti-scs-2026--jama-japia-2.3");
	ck_assert_ptr_nonnull(xw);
	ck_assert_ptr_nonnull(cited);
	tg_catalog *c = xw->source;
	for (size_t i = 0; i < c->nitems; i++) {
		tg_item *it = c->items[i];
		tg_xw_row *row = tg_map_get(&xw->row_by_source, it->id);
		ck_assert_msg(row != NULL, "No.%s has no row", it->id);
		if (it->title == NULL) {
			ck_assert_int_eq(row->status, TG_STATUS_UNMAPPED);
			continue;
		}
		if (it->level == 0)
			ck_assert_msg(row->ntargets > 0 || row->proposal != NULL,
			    "LV1 No.%s is neither mapped nor proposed", it->id);
		for (size_t k = 0; k < row->ntargets; k++) {
			const tg_xw_target *t = &row->targets[k];
			/* The topics are inferred: nothing about 自工会 is reviewed. */
			ck_assert_int_eq(t->status, TG_STATUS_SUGGESTED);
			if (!t->derived) {
				/* written only where seed 003 names the topic */
				ck_assert_msg(strcmp(it->id, "44") == 0 || strcmp(it->id, "46") == 0 ||
				    strcmp(it->id, "66") == 0, "No.%s has a written pair", it->id);
				continue;
			}
			/* derived through the SCS requirement that cites the item */
			ck_assert_uint_eq(t->nvia, 1);
			const tg_xw_row *scs = tg_map_get(&cited->row_by_source, t->via[0]->id);
			ck_assert_ptr_nonnull(scs);
			bool cites = false;
			for (size_t m = 0; m < scs->ntargets; m++)
				cites = cites || scs->targets[m].target == it;
			ck_assert_msg(cites, "No.%s derived via SCS %s, which does not cite it", it->id,
			    t->via[0]->id);
		}
	}
}
END_TEST

/* A pair is reviewed only when someone judged it against the real text of
 * both sides: a source known only by an inferred topic never is, and its
 * strength claims no more than the topic supports (5). */
START_TEST(inferred_sources_are_suggested_and_modest)
{
	size_t pairs = 0;
	for (size_t x = 0; x < TG_DATA_COUNT(data, crosswalks, tg_crosswalk); x++) {
		const tg_crosswalk *xw = TG_DATA_AT(data, crosswalks, tg_crosswalk, x);
		for (size_t r = 0; r < xw->nrows; r++) {
			const tg_xw_row *row = &xw->rows[r];
			if (row->source == NULL || tg_item_origin(row->source) != TG_ORIGIN_INFERRED)
				continue;
			for (size_t t = 0; t < row->ntargets; t++) {
				const tg_xw_target *tg = &row->targets[t];
				ck_assert_msg(tg->status != TG_STATUS_REVIEWED, "%s: %s -> %s is reviewed",
				    xw->id, row->source->id, tg->target_id);
				ck_assert_msg(tg->strength <= 5, "%s: %s -> %s has strength %d", xw->id,
				    row->source->id, tg->target_id, tg->strength);
				ck_assert_msg(tg->relationship != TG_REL_EQUAL &&
				    tg->relationship != TG_REL_SUBSET_OF, "%s: %s -> %s claims a full cover",
				    xw->id, row->source->id, tg->target_id);
				pairs++;
			}
		}
	}
	ck_assert_uint_ge(pairs, 300);	/* the 自工会 items */
}
END_TEST

/* An item we wrote must not look like one of the guideline's: no ref that
 * reads as a section number. */
START_TEST(authored_refs_do_not_look_like_guideline_numbers)
{
	regex_t dotted, paren;
	ck_assert_int_eq(regcomp(&dotted, "^[0-9]+(\\.[0-9]+)+$", REG_EXTENDED | REG_NOSUB), 0);
	ck_assert_int_eq(regcomp(&paren, "^[0-9]+\\([0-9]+\\)", REG_EXTENDED | REG_NOSUB), 0);
	size_t authored = 0;
	for (size_t k = 0; k < TG_DATA_COUNT(data, catalogs, tg_catalog); k++) {
		const tg_catalog *c = TG_DATA_AT(data, catalogs, tg_catalog, k);
		if (strcmp(c->id, "ipa-sme-3.1") == 0)
			continue;	/* the baseline's reconstruction: see its official_ref */
		for (size_t i = 0; i < c->nitems; i++) {
			const tg_item *it = c->items[i];
			if (it->prov.kind != TG_PROV_AUTHORED)
				continue;
			authored++;
			ck_assert_msg(regexec(&dotted, it->ref, 0, NULL, 0) != 0 &&
			    regexec(&paren, it->ref, 0, NULL, 0) != 0, "%s:%s has ref '%s'", c->id, it->id,
			    it->ref);
		}
	}
	regfree(&dotted);
	regfree(&paren);
	ck_assert_uint_ge(authored, 45);	/* the 日建連 実施項目 */
}
END_TEST

/* Japanese text uses full-width parentheses, and never names our files,
 * catalogs or sources by their internal names. */
static void
check_text(const char *where, const char *id, const char *s)
{
	static const char *const internal[] = {"seed", "facts", ".tsv", ".md", "jama-japia",
	    "ipa-sme", "meti-scs", "nikkenren-kyoryoku"};
	if (s == NULL)
		return;
	bool japanese = false;
	for (const unsigned char *p = (const unsigned char *)s; *p && !japanese; p++)
		japanese = *p >= 0xE3;
	if (japanese)
		ck_assert_msg(strchr(s, '(') == NULL && strchr(s, ')') == NULL,
		    "%s %s: ASCII parenthesis in Japanese text: %s", where, id, s);
	for (size_t i = 0; i < sizeof internal / sizeof internal[0]; i++)
		ck_assert_msg(strstr(s, internal[i]) == NULL, "%s %s: internal word '%s': %s", where, id,
		    internal[i], s);
}

START_TEST(user_text_is_clean)
{
	for (size_t k = 0; k < TG_DATA_COUNT(data, catalogs, tg_catalog); k++) {
		const tg_catalog *c = TG_DATA_AT(data, catalogs, tg_catalog, k);
		check_text(c->id, "title", c->title);
		for (size_t i = 0; i < c->nitems; i++) {
			const tg_item *it = c->items[i];
			check_text(c->id, it->id, it->title);
			check_text(c->id, it->id, it->text);
			check_text(c->id, it->id, it->flag);
		}
	}
	for (size_t x = 0; x < TG_DATA_COUNT(data, crosswalks, tg_crosswalk); x++) {
		const tg_crosswalk *xw = TG_DATA_AT(data, crosswalks, tg_crosswalk, x);
		for (size_t r = 0; r < xw->nrows; r++) {
			const tg_xw_row *row = &xw->rows[r];
			check_text(xw->id, row->source_id, row->note);
			for (size_t t = 0; t < row->ntargets; t++)
				check_text(xw->id, row->source_id, row->targets[t].note);
			if (row->proposal != NULL) {
				check_text(xw->id, row->source_id, row->proposal->text);
				check_text(xw->id, row->source_id, row->proposal->note);
			}
		}
	}
	for (size_t k = 0; k < TG_DATA_COUNT(data, industries, tg_industry); k++) {
		const tg_industry *ind = TG_DATA_AT(data, industries, tg_industry, k);
		check_text(ind->id, "title", ind->title);
		for (size_t i = 0; i < ind->nterms; i++) {
			check_text(ind->id, ind->terms[i].term, ind->terms[i].term);
			check_text(ind->id, ind->terms[i].term, ind->terms[i].definition);
		}
		for (size_t i = 0; i < ind->nexamples; i++)
			check_text(ind->id, ind->examples[i].key, ind->examples[i].text);
	}
}
END_TEST

START_TEST(nikkenren_items_mapped_or_proposed)
{
	tg_catalog *c = tg_data_catalog(data, "nikkenren-kyoryoku-2023");
	tg_crosswalk *xw = tg_data_crosswalk(data, "nikkenren-kyoryoku-2023--ipa-sme-3.1");
	ck_assert_ptr_nonnull(c);
	ck_assert_ptr_nonnull(xw);
	ck_assert_uint_ge(c->nitems, 30);
	size_t authored = 0;
	for (size_t i = 0; i < c->nitems; i++) {
		tg_item *it = c->items[i];
		if (it->prov.kind != TG_PROV_AUTHORED || it->nchildren > 0)
			continue;
		authored++;
		tg_xw_row *row = tg_map_get(&xw->row_by_source, it->id);
		ck_assert_msg(row != NULL && (row->ntargets > 0 || row->proposal != NULL),
		    "%s is neither mapped nor proposed", it->id);
	}
	ck_assert_uint_ge(authored, 30);
}
END_TEST

START_TEST(scs_requirements_equal_the_facts)
{
	tg_catalog *c = tg_data_catalog(data, "meti-scs-2026");
	ck_assert_ptr_nonnull(c);
	size_t n;
	char **lines = read_tsv("meti-scs-requirements.tsv", &n);
	ck_assert_uint_eq(n - 1, 43);
	for (size_t i = 1; i < n; i++) {
		char *id = field(lines[i], 2), *name = field(lines[i], 3), *stars = field(lines[i], 4);
		tg_item *it = tg_catalog_item(c, id);
		ck_assert_msg(it != NULL, "%s", id);
		ck_assert_str_eq(it->title, name);
		/* the requirement's level is the lowest star of its criteria */
		const char *want = strstr(stars, "★3") ? "★3" : "★4";
		ck_assert_msg(strcmp(tg_item_level_name(it), want) == 0, "%s: %s vs %s", id,
		    tg_item_level_name(it), stars);
		free(id);
		free(name);
		free(stars);
		free(lines[i]);
	}
	free(lines[0]);
	free(lines);
}
END_TEST

START_TEST(every_item_has_provenance)
{
	for (size_t k = 0; k < TG_DATA_COUNT(data, catalogs, tg_catalog); k++) {
		tg_catalog *c = TG_DATA_AT(data, catalogs, tg_catalog, k);
		for (size_t i = 0; i < c->nitems; i++) {
			const tg_provenance *p = &c->items[i]->prov;
			ck_assert_msg(p->kind != TG_PROV_UNSET, "%s:%s", c->id, c->items[i]->id);
			if (p->kind == TG_PROV_FACT)
				ck_assert(p->confidence == 'H' || p->confidence == 'M' || p->confidence == 'L');
		}
	}
}
END_TEST

static Suite *
data_suite(void)
{
	Suite *s = suite_create("data");
	TCase *tc = tcase_create("shipped");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, shipped_data_is_valid);
	tcase_add_test(tc, ipa_structure);
	tcase_add_test(tc, ipa_internal_mappings);
	tcase_add_test(tc, jama_levels_equal_the_facts);
	tcase_add_test(tc, jama_lv1_items_are_mapped_or_proposed);
	tcase_add_test(tc, inferred_sources_are_suggested_and_modest);
	tcase_add_test(tc, authored_refs_do_not_look_like_guideline_numbers);
	tcase_add_test(tc, user_text_is_clean);
	tcase_add_test(tc, nikkenren_items_mapped_or_proposed);
	tcase_add_test(tc, scs_requirements_equal_the_facts);
	tcase_add_test(tc, every_item_has_provenance);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return tu_run(data_suite());
}
