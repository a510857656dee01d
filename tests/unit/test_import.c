/* Unit tests of `import` and `export` through the library: the catalogs
 * written load and link (what `validate` checks), and a catalog exported
 * and imported again is the same catalog, byte for byte. */
#include "testutil.h"
#include "load/load.h"
#include "util/yamlw.h"

#define SRC TOTSUGO_SOURCE_ROOT

static char *
path(const char *a, const char *b)
{
	return tg_fs_join(a, b);
}

static void
slurp(const char *file, tg_buf *out)
{
	ck_assert_msg(tg_fs_read(file, TG_FS_MAX_INPUT * 4u, out) == TG_FS_OK, "read %s", file);
}

static void
save(const char *file, const tg_buf *b)
{
	ck_assert_msg(tg_fs_write_atomic(file, b->data ? b->data : "", b->len), "write %s", file);
}

/* Imports; on failure prints the messages and fails. */
static void
import_ok(const char *spec, const char *sheet, tg_buf *cat, tg_buf *xw)
{
	tg_diag *d = tg_diag_new();
	int rc = tg_import(spec, sheet, cat, xw, d);
	tg_diag_print(d, stderr);
	ck_assert_int_eq(rc, TG_EXIT_OK);
	tg_diag_free(d);
}

/* Loads files into a fresh data set and links it: no error allowed. */
static tg_data *
load_ok(const char *const *files, size_t n)
{
	tg_diag *d = tg_diag_new();
	tg_data *data = tg_data_new("/nonexistent");
	for (size_t i = 0; i < n; i++)
		ck_assert_int_eq(tg_data_load_file(data, d, files[i], NULL), TG_EXIT_OK);
	int rc = tg_data_link(data, d);
	tg_diag_print(d, stderr);
	ck_assert_int_eq(rc, TG_EXIT_OK);
	ck_assert_uint_eq(tg_diag_errors(d), 0);
	tg_diag_free(d);
	return data;
}

static void
export_ok(const tg_data *data, const char *id, tg_buf *out)
{
	tg_diag *d = tg_diag_new();
	tg_export_options o = {',', false, true, NULL};
	ck_assert_int_eq(tg_export(data, id, &o, out, d), TG_EXIT_OK);
	tg_diag_free(d);
}

/* The shipped export spec with `catalog:` replaced by the given block. */
static void
export_spec(const char *catalog_block, const char *file)
{
	tg_buf spec = TG_BUF_INIT, out = TG_BUF_INIT;
	slurp(SRC "/docs/examples/import/totsugo-export.yaml", &spec);
	const char *p = spec.data, *end = spec.data + spec.len;
	bool skip = false;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t len = nl ? (size_t)(nl - p) + 1 : (size_t)(end - p);
		if (strncmp(p, "catalog:", 8) == 0) {
			tg_buf_puts(&out, catalog_block);
			skip = true;
		} else if (skip && *p != ' ' && *p != '#') {
			skip = false;
		}
		if (!skip)
			tg_buf_put(&out, p, len);
		p += len;
	}
	save(file, &out);
	tg_buf_free(&spec);
	tg_buf_free(&out);
}

START_TEST(scs_fixture_loads_and_links)
{
	char *dir = tu_tmpdir();
	char *cat_file = path(dir, "scs-sample.yaml"), *xw_file = path(dir, "scs-xw.yaml");
	tg_buf cat = TG_BUF_INIT, xw = TG_BUF_INIT;
	import_ok(SRC "/tests/regress/import/_scs/spec.yaml", SRC "/tests/regress/import/_scs/scs.csv",
	    &cat, &xw);
	save(cat_file, &cat);
	save(xw_file, &xw);
	const char *files[] = {cat_file, xw_file, SRC "/mappings/jama/jama-japia-2.3.yaml"};
	tg_data *data = load_ok(files, 3);
	tg_catalog *c = tg_data_catalog(data, "scs-sample");
	ck_assert_ptr_nonnull(c);
	ck_assert_uint_eq(c->nitems, 16);
	ck_assert_uint_eq(c->nroots, 2);
	/* Every item, groups too, says which row it came from. */
	for (size_t i = 0; i < c->nitems; i++) {
		ck_assert_int_eq(c->items[i]->prov.kind, TG_PROV_IMPORTED);
		ck_assert_str_eq(c->items[i]->prov.file, "scs.csv");
		ck_assert_int_ge(c->items[i]->prov.row, 3);
	}
	/* Full-width ids were normalised; the parent is the 要求事項 group. */
	tg_item *it = tg_catalog_item(c, "2-1-1-3");
	ck_assert_ptr_nonnull(it);
	ck_assert_str_eq(it->parent->id, "2-1-1");
	ck_assert_str_eq(it->parent->title, "台帳の作成");
	ck_assert_str_eq(it->parent->parent->parent->title, "資産管理");
	ck_assert_int_eq(it->level, 1);	/* ★4 */
	ck_assert_int_eq(it->prov.row, 8);
	/* In-text reference → link, resolved by the loader. */
	ck_assert_uint_eq(it->nlinks, 1);
	ck_assert_ptr_eq(it->link_items[0], tg_catalog_item(c, "2-1-1-2"));
	/* Titles stay as written (full-width kept, quotes unescaped). */
	ck_assert_str_eq(tg_catalog_item(c, "2-1-1-2")->title,
	    "情報資産を洗い出し、\"重要度\"を付けて台帳に記録している。");
	tg_crosswalk *x = tg_data_crosswalk(data, "scs-sample--jama-japia-2.3");
	ck_assert_ptr_nonnull(x);
	ck_assert_uint_eq(x->nrows, 6);
	const tg_xw_row *row = tg_map_get(&x->row_by_source, "1-1-1-2");
	ck_assert_ptr_nonnull(row);
	ck_assert_uint_eq(row->ntargets, 2);	/* No.98, 102 (LV2) */
	ck_assert_str_eq(row->targets[0].target->id, "98");
	ck_assert_str_eq(row->targets[1].target->id, "102");
	ck_assert_str_eq(row->targets[1].note, "記載レベル: LV2");
	ck_assert_int_eq(row->targets[0].status, TG_STATUS_SUGGESTED);
	tg_data_free(data);
	tg_buf_free(&cat);
	tg_buf_free(&xw);
	tu_rmrf(dir);
	free(cat_file);
	free(xw_file);
	free(dir);
}
END_TEST

/* docs/examples/import: each spec with its sample sheet imports, and the
 * result loads. */
START_TEST(documented_examples_import)
{
	static const char *const examples[][3] = {
	    {"meti-scs.yaml", "meti-scs-sample.csv", "meti-scs-sample--jama.yaml"},
	    {"association-checklist.yaml", "association-checklist-sample.csv", NULL},
	};
	char *dir = tu_tmpdir();
	for (size_t i = 0; i < sizeof examples / sizeof examples[0]; i++) {
		char *spec = path(SRC "/docs/examples/import", examples[i][0]);
		char *sheet = path(SRC "/docs/examples/import", examples[i][1]);
		char *cat_file = path(dir, "catalog.yaml"), *xw_file = path(dir, "xw.yaml");
		tg_buf cat = TG_BUF_INIT, xw = TG_BUF_INIT;
		import_ok(spec, sheet, &cat, examples[i][2] ? &xw : NULL);
		save(cat_file, &cat);
		const char *files[] = {cat_file, SRC "/mappings/jama/jama-japia-2.3.yaml", xw_file};
		if (examples[i][2] != NULL)
			save(xw_file, &xw);
		tg_data *data = load_ok(files, examples[i][2] ? 3 : 1);
		ck_assert_uint_eq(TG_DATA_COUNT(data, catalogs, tg_catalog), examples[i][2] ? 2 : 1);
		tg_data_free(data);
		tg_buf_free(&cat);
		tg_buf_free(&xw);
		free(spec);
		free(sheet);
		free(cat_file);
		free(xw_file);
	}
	tu_rmrf(dir);
	free(dir);
}
END_TEST

/* import → export → import: the same catalog, byte for byte. */
START_TEST(fixture_round_trip)
{
	char *dir = tu_tmpdir();
	char *a_file = path(dir, "a.yaml"), *sheet = path(dir, "exported.csv");
	char *spec = path(dir, "reimport.yaml");
	tg_buf a = TG_BUF_INIT, b = TG_BUF_INIT, out = TG_BUF_INIT;
	import_ok(SRC "/tests/regress/import/_scs/spec.yaml", SRC "/tests/regress/import/_scs/scs.csv",
	    &a, NULL);
	save(a_file, &a);
	const char *files[] = {a_file};
	tg_data *data = load_ok(files, 1);
	export_ok(data, "scs-sample", &out);
	save(sheet, &out);
	export_spec("catalog:\n  id: scs-sample\n"
	    "  title: サプライチェーン対策評価制度 要求事項・評価基準(テスト用)\n"
	    "  short_title: SCS\n  publisher: 経済産業省・IPA\n  date: 2026-03\n"
	    "  levels: [\"★3\", \"★4\"]\n", spec);
	import_ok(spec, sheet, &b, NULL);
	ck_assert_uint_eq(a.len, b.len);
	ck_assert_str_eq(a.data, b.data);
	tg_data_free(data);
	tg_buf_free(&a);
	tg_buf_free(&b);
	tg_buf_free(&out);
	tu_rmrf(dir);
	free(a_file);
	free(sheet);
	free(spec);
	free(dir);
}
END_TEST

static void
same_str(const char *a, const char *b, const char *what, const char *id)
{
	ck_assert_msg((a == NULL) == (b == NULL) && (a == NULL || strcmp(a, b) == 0),
	    "item %s: %s differs: '%s' / '%s'", id, what, a ? a : "(null)", b ? b : "(null)");
}

/* Everything the catalog format says about an item is kept. */
static void
same_item(const tg_item *x, const tg_item *y)
{
	const char *id = x->id;
	same_str(x->id, y->id, "id", id);
	same_str(x->ref, y->ref, "ref", id);
	same_str(x->title, y->title, "title", id);
	same_str(x->text, y->text, "text", id);
	same_str(x->flag, y->flag, "flag", id);
	same_str(x->note, y->note, "note", id);
	same_str(x->parent ? x->parent->id : NULL, y->parent ? y->parent->id : NULL, "parent", id);
	ck_assert_int_eq(x->level, y->level);
	ck_assert_uint_eq(x->ncited_levels, y->ncited_levels);
	for (size_t k = 0; k < x->ncited_levels; k++)
		ck_assert_int_eq(x->cited_levels[k], y->cited_levels[k]);
	ck_assert_uint_eq(x->ntags, y->ntags);
	for (size_t k = 0; k < x->ntags; k++)
		same_str(x->tags[k], y->tags[k], "tag", id);
	ck_assert_uint_eq(x->nlinks, y->nlinks);
	for (size_t k = 0; k < x->nlinks; k++)
		same_str(x->links[k], y->links[k], "link", id);
	ck_assert_int_eq(x->prov.kind, y->prov.kind);
	ck_assert_int_eq(x->prov.confidence, y->prov.confidence);
	same_str(x->prov.source, y->prov.source, "provenance source", id);
	same_str(x->prov.file, y->prov.file, "provenance file", id);
	ck_assert_int_eq(x->prov.row, y->prov.row);
	ck_assert_uint_eq(x->depth, y->depth);
	ck_assert_uint_eq(x->nchildren, y->nchildren);
}

/* The catalog keys of c as a spec's `catalog:` block. */
static void
catalog_block(const tg_catalog *c, tg_buf *out)
{
	tg_buf_puts(out, "catalog:\n");
	tg_yamlw_kv(out, 2, "id", c->id);
	tg_yamlw_kv(out, 2, "title", c->title);
	if (c->short_title)
		tg_yamlw_kv(out, 2, "short_title", c->short_title);
	if (c->publisher)
		tg_yamlw_kv(out, 2, "publisher", c->publisher);
	if (c->version)
		tg_yamlw_kv(out, 2, "version", c->version);
	if (c->date)
		tg_yamlw_kv(out, 2, "date", c->date);
	tg_buf_puts(out, "  levels: [");
	for (size_t i = 0; i < c->nlevels; i++) {
		tg_buf_puts(out, i ? ", " : "");
		tg_yamlw_scalar(out, c->levels[i]);
	}
	tg_buf_puts(out, "]\n");
}

/* The real jama-japia-2.3 catalog: export, import, and compare item by
 * item with the original; exporting the import gives the same sheet, and
 * importing that gives the same YAML. */
START_TEST(jama_round_trip)
{
	char *dir = tu_tmpdir();
	char *sheet1 = path(dir, "jama1.csv"), *sheet2 = path(dir, "jama2.csv");
	char *spec = path(dir, "jama.yaml"), *c_file = path(dir, "imported.yaml");
	const char *orig_files[] = {SRC "/mappings/jama/jama-japia-2.3.yaml"};
	tg_data *orig = load_ok(orig_files, 1);
	const tg_catalog *c = tg_data_catalog(orig, "jama-japia-2.3");
	ck_assert_ptr_nonnull(c);
	ck_assert_uint_eq(c->nitems, 153);

	tg_buf s1 = TG_BUF_INIT, s2 = TG_BUF_INIT, y1 = TG_BUF_INIT, y2 = TG_BUF_INIT,
	    block = TG_BUF_INIT;
	export_ok(orig, "jama-japia-2.3", &s1);
	save(sheet1, &s1);
	catalog_block(c, &block);
	export_spec(block.data, spec);
	import_ok(spec, sheet1, &y1, NULL);
	save(c_file, &y1);
	const char *files[] = {c_file};
	tg_data *back = load_ok(files, 1);
	const tg_catalog *c2 = tg_data_catalog(back, "jama-japia-2.3");
	ck_assert_ptr_nonnull(c2);
	ck_assert_uint_eq(c2->nitems, c->nitems);
	ck_assert_uint_eq(c2->nlevels, c->nlevels);
	for (size_t i = 0; i < c->nitems; i++)
		same_item(c->items[i], c2->items[i]);

	export_ok(back, "jama-japia-2.3", &s2);
	ck_assert_uint_eq(s1.len, s2.len);
	ck_assert(memcmp(s1.data, s2.data, s1.len) == 0);
	save(sheet2, &s2);
	import_ok(spec, sheet2, &y2, NULL);
	ck_assert_str_eq(y1.data, y2.data);

	tg_data_free(orig);
	tg_data_free(back);
	tg_buf_free(&s1);
	tg_buf_free(&s2);
	tg_buf_free(&y1);
	tg_buf_free(&y2);
	tg_buf_free(&block);
	tu_rmrf(dir);
	free(sheet1);
	free(sheet2);
	free(spec);
	free(c_file);
	free(dir);
}
END_TEST

/* CP932 and TSV exports read back the same. */
START_TEST(cp932_tsv_export_reads_back)
{
	char *dir = tu_tmpdir();
	char *sheet = path(dir, "x.tsv"), *spec = path(dir, "spec.yaml"), *a_file = path(dir, "a.yaml");
	tg_buf a = TG_BUF_INIT, b = TG_BUF_INIT, out = TG_BUF_INIT;
	import_ok(SRC "/tests/regress/import/_scs/spec.yaml", SRC "/tests/regress/import/_scs/scs.csv",
	    &a, NULL);
	save(a_file, &a);
	const char *files[] = {a_file};
	tg_data *data = load_ok(files, 1);
	tg_diag *d = tg_diag_new();
	tg_export_options o = {'\t', true, false, NULL};
	ck_assert_int_eq(tg_export(data, "scs-sample", &o, &out, d), TG_EXIT_OK);
	tg_diag_free(d);
	ck_assert(out.len > 3 && memcmp(out.data, "\xEF\xBB\xBF", 3) != 0);	/* no BOM */
	save(sheet, &out);
	export_spec("catalog:\n  id: scs-sample\n"
	    "  title: サプライチェーン対策評価制度 要求事項・評価基準(テスト用)\n"
	    "  short_title: SCS\n  publisher: 経済産業省・IPA\n  date: 2026-03\n"
	    "  levels: [\"★3\", \"★4\"]\n", spec);
	import_ok(spec, sheet, &b, NULL);
	ck_assert_str_eq(a.data, b.data);
	tg_data_free(data);
	tg_buf_free(&a);
	tg_buf_free(&b);
	tg_buf_free(&out);
	tu_rmrf(dir);
	free(sheet);
	free(spec);
	free(a_file);
	free(dir);
}
END_TEST

/* Every problem of a sheet at once, and nothing written. */
START_TEST(all_errors_at_once)
{
	char *dir = tu_tmpdir();
	tu_write(dir, "spec.yaml",
	    "kind: import\ncatalog: {id: e, title: E, levels: [LV1]}\n"
	    "columns: {id: No., title: 題目}\nlevel: {column: レベル}\n"
	    "parent_pattern: '^(.+)-[^-]+$'\n"
	    "crosswalk: {target: t, columns: [参照]}\nlinks: {pattern: 'No\\.(?<id>[0-9-]+)で'}\n");
	tu_write(dir, "s.csv",
	    "No.,題目,レベル,参照\n1,a,LV1,No.1\n1,b,LV1,\n2-1,c,LV7,\n3,No.8で,,x\n"
	    "!,d,,\n");
	char *spec = path(dir, "spec.yaml"), *sheet = path(dir, "s.csv");
	tg_buf cat = TG_BUF_INIT, xw = TG_BUF_INIT;
	tg_diag *d = tg_diag_new();
	ck_assert_int_eq(tg_import(spec, sheet, &cat, &xw, d), TG_EXIT_INVALID);
	/* duplicate 1; unknown level LV7; parent 2 of 2-1 missing; reference
	 * 'x'; id '!' — and link 8 missing, which the sheet may get wrong on its
	 * own: a warning (strict: true makes it an error) */
	ck_assert_uint_eq(tg_diag_errors(d), 5);
	ck_assert_uint_eq(tg_diag_warnings(d), 1);
	ck_assert_uint_eq(cat.len, 0);
	ck_assert_uint_eq(xw.len, 0);
	tg_diag_free(d);
	tg_buf_free(&cat);
	tg_buf_free(&xw);
	tu_rmrf(dir);
	free(spec);
	free(sheet);
	free(dir);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("import");
	TCase *tc = tcase_create("core");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, scs_fixture_loads_and_links);
	tcase_add_test(tc, documented_examples_import);
	tcase_add_test(tc, fixture_round_trip);
	tcase_add_test(tc, jama_round_trip);
	tcase_add_test(tc, cp932_tsv_export_reads_back);
	tcase_add_test(tc, all_errors_at_once);
	suite_add_tcase(s, tc);
	return tu_run(s);
}
