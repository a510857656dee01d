/* Unit tests of the shared render parts: deterministic zip archives, the
 * Word builder (escaping, lists, tables, comments), the print rules
 * (widths on the page, never below 8 pt), checked XLSX cells, and the
 * 新旧対照表 model. */
#include <zip.h>

#include "testutil.h"
#include "diff/diff.h"
#include "render/docx.h"
#include "render/print.h"
#include "render/xlsx.h"
#include "totsugo.h"
#include "util/diag.h"
#include "util/zip.h"

/* The bytes of one entry of a zip held in memory ("" when absent). */
static char *
entry_of(const tg_buf *zipbytes, const char *name)
{
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(zipbytes->data, zipbytes->len, 0, &ze);
	ck_assert_ptr_nonnull(src);
	zip_t *za = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze);
	ck_assert_ptr_nonnull(za);
	char *out = tg_xstrdup("");
	zip_stat_t st;
	if (zip_stat(za, name, 0, &st) == 0) {
		zip_file_t *f = zip_fopen(za, name, 0);
		ck_assert_ptr_nonnull(f);
		free(out);
		out = tg_xcalloc((size_t)st.size + 1, 1);
		ck_assert_int_eq(zip_fread(f, out, st.size), (zip_int64_t)st.size);
		zip_fclose(f);
	}
	zip_close(za);
	zip_error_fini(&ze);
	return out;
}

START_TEST(zip_is_deterministic_and_readable)
{
	tg_buf a = TG_BUF_INIT, b = TG_BUF_INIT;
	char err[128];
	for (int k = 0; k < 2; k++) {
		tg_zip *z = tg_zip_new();
		tg_zip_add(z, "[Content_Types].xml", "<Types/>", 8, true);
		tg_buf big = TG_BUF_INIT;
		for (int i = 0; i < 1000; i++)
			tg_buf_puts(&big, "情報セキュリティ");
		tg_zip_add_buf(z, "word/document.xml", &big);
		tg_zip_add(z, "stored.bin", "abc", 3, false);
		ck_assert(tg_zip_finish(z, k ? &b : &a, err, sizeof err));
	}
	ck_assert_uint_eq(a.len, b.len);
	ck_assert_mem_eq(a.data, b.data, a.len);
	/* Local header of the first entry: signature, then the DOS time and
	 * date at offsets 10 and 12: 00:00 on 1980-01-01. */
	ck_assert_mem_eq(a.data, "PK\x03\x04", 4);
	ck_assert_uint_eq((unsigned char)a.data[10] | (unsigned char)a.data[11] << 8, 0);
	ck_assert_uint_eq((unsigned char)a.data[12] | (unsigned char)a.data[13] << 8, 0x21);
	char *types = entry_of(&a, "[Content_Types].xml");
	ck_assert_str_eq(types, "<Types/>");
	free(types);
	char *doc = entry_of(&a, "word/document.xml");
	ck_assert_uint_eq(strlen(doc), 1000 * strlen("情報セキュリティ"));
	free(doc);
	char *stored = entry_of(&a, "stored.bin");
	ck_assert_str_eq(stored, "abc");
	free(stored);
	tg_buf_free(&a);
	tg_buf_free(&b);
}
END_TEST

static char *
docx_part(tg_docx *d, const char *part)
{
	tg_buf out = TG_BUF_INIT;
	tg_diag *diag = tg_diag_new();
	ck_assert(tg_docx_finish(d, &out, "test.docx", diag));
	ck_assert_uint_eq(tg_diag_errors(diag), 0);
	tg_diag_free(diag);
	char *s = entry_of(&out, part);
	tg_buf_free(&out);
	return s;
}

START_TEST(docx_escapes_what_xml_cannot_hold)
{
	tg_docx_setup s = {"題<&>", "会社", NULL, "2025-06-01", false, true};
	tg_docx *d = tg_docx_new(&s);
	tg_docx_para(d, NULL, "a<b>&\"c\x01\x1f\xc2\x85\xef\xbf\xbe\xff!\ttab\r\nnext", 0);
	char *xml = docx_part(d, "word/document.xml");
	ck_assert_ptr_nonnull(strstr(xml, "a&lt;b&gt;&amp;&quot;c\xef\xbf\xbd!</w:t><w:tab/>"
	    "<w:t xml:space=\"preserve\">tab</w:t><w:br/><w:t xml:space=\"preserve\">next"));
	ck_assert_ptr_null(strchr(xml, '\x01'));
	ck_assert_ptr_null(strstr(xml, "\xc2\x85"));
	ck_assert_ptr_null(strstr(xml, "\xef\xbf\xbe"));
	free(xml);
	d = tg_docx_new(&s);
	char *core = docx_part(d, "docProps/core.xml");
	ck_assert_ptr_nonnull(strstr(core, "<dc:title>題&lt;&amp;&gt;</dc:title>"));
	ck_assert_ptr_nonnull(strstr(core, "2025-06-01T00:00:00Z"));
	free(core);
}
END_TEST

START_TEST(docx_markdown_lists_tables_and_comments)
{
	tg_docx_setup s = {"t", NULL, NULL, NULL, false, false};
	tg_docx *d = tg_docx_new(&s);
	const char *md = "1. 第一\n2. 第二\n\n| 分類 | 基準 |\n|---|---|\n| 極秘 | 限られた者 |\n\n"
	    "3. 第三 **強調** \\- 記号 &#61;\n   - 入れ子\n\n> 引用\n";
	tg_docx_heading_begin(d, 3, "app5/3.1.1");
	unsigned id = tg_docx_comment_begin(d);
	tg_docx_text(d, "3.1.1 見出し", 0);
	tg_docx_comment_end(d, id, "〔自工会 No.1 (LV1)〕\n二行目");
	tg_docx_heading_end(d);
	tg_docx_markdown(d, md, strlen(md), "（先頭）", TG_DX_BOLD);
	tg_buf out = TG_BUF_INIT;
	tg_diag *diag = tg_diag_new();
	ck_assert(tg_docx_finish(d, &out, "t.docx", diag));
	tg_diag_free(diag);
	char *doc = entry_of(&out, "word/document.xml");
	char *num = entry_of(&out, "word/numbering.xml");
	char *com = entry_of(&out, "word/comments.xml");
	char *rels = entry_of(&out, "word/_rels/document.xml.rels");
	tg_buf_free(&out);
	ck_assert_ptr_nonnull(strstr(doc, "<w:pStyle w:val=\"Heading3\"/>"));
	ck_assert_ptr_nonnull(strstr(doc, "w:name=\"app5_3_1_1\""));
	ck_assert_ptr_nonnull(strstr(doc, "<w:commentRangeStart w:id=\"0\"/>"));
	ck_assert_ptr_nonnull(strstr(doc, "<w:commentReference w:id=\"0\"/>"));
	ck_assert_ptr_nonnull(strstr(com, "〔自工会 No.1 (LV1)〕"));
	ck_assert_ptr_nonnull(strstr(com, "二行目"));
	ck_assert_ptr_nonnull(strstr(rels, "comments.xml"));
	/* The lead opens the first paragraph, which is the first list item. */
	const char *lead = strstr(doc, "（先頭）");
	ck_assert_ptr_nonnull(lead);
	ck_assert_ptr_nonnull(strstr(doc, "<w:numId w:val=\"1\"/>"));
	/* The list resumed after the table keeps its number 3. */
	ck_assert_ptr_nonnull(strstr(num, "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"0\"/>"
	    "<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"3\"/>"));
	ck_assert_ptr_nonnull(strstr(num, "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"1\"/>"));
	ck_assert_ptr_nonnull(strstr(doc, "<w:ilvl w:val=\"1\"/><w:numId w:val=\"3\"/>"));
	/* The table: header row repeated, the text, escapes undone. */
	ck_assert_ptr_nonnull(strstr(doc, "<w:tblHeader/>"));
	ck_assert_ptr_nonnull(strstr(doc, ">極秘<"));
	ck_assert_ptr_nonnull(strstr(doc, "<w:b/><w:bCs/></w:rPr><w:t xml:space=\"preserve\">強調"));
	ck_assert_ptr_nonnull(strstr(doc, "- 記号 =</w:t>"));
	ck_assert_ptr_nonnull(strstr(doc, "<w:pStyle w:val=\"Quote\"/>"));
	free(doc);
	free(num);
	free(com);
	free(rels);
}
END_TEST

START_TEST(print_fit_keeps_tables_on_the_page)
{
	enum { N = 16, ROWS = 3 };
	const char *headers[N];
	tg_col_kind kinds[N];
	const char *cells[N * ROWS];
	tg_buf longtext = TG_BUF_INIT;
	for (int i = 0; i < 40; i++)
		tg_buf_puts(&longtext, "長い本文");
	for (int c = 0; c < N; c++) {
		headers[c] = "見出し";
		kinds[c] = TG_COL_LONG;
		for (int r = 0; r < ROWS; r++)
			cells[r * N + c] = longtext.data;
	}
	tg_ptable t = {"s", "t", N, headers, kinds, cells, ROWS, NULL, NULL, {TG_PAPER_A4, true}, 1};
	tg_print_fit fit;
	tg_print_fit_table(&t, &fit);
	ck_assert_uint_ge(fit.scale, TG_PRINT_MIN_SCALE);
	ck_assert(TG_PRINT_BODY_PT * fit.scale / 100.0 >= 8.0);
	ck_assert(!fit.fits);	/* 16 wide columns do not fit on A4: a second page, not 5 pt */
	tg_print_fit_free(&fit);
	/* Three columns: full size, within the page, long text wider than short. */
	t.ncols = 3;
	const char *few[] = {"No.1", "状態",
	    ("とても長い本文がここに入る。とても長い本文がここに入る。"
	    "とても長い本文がここに入る。とても長い本文がここに入る。")};
	tg_col_kind fk[] = {TG_COL_SHORT, TG_COL_SHORT, TG_COL_LONG};
	t.cells = few;
	t.kinds = fk;
	t.nrows = 1;
	tg_print_fit_table(&t, &fit);
	ck_assert_uint_eq(fit.scale, 100);
	ck_assert(fit.fits);
	ck_assert(fit.widths[2] > fit.widths[0]);
	double total = 0;
	for (int c = 0; c < 3; c++)
		total += (7 * fit.widths[c] + 5) * 0.75;
	ck_assert(total <= tg_print_page_width(t.page));
	ck_assert(tg_print_row_height(few, 3, fit.widths) >= 15.0);
	tg_print_fit_free(&fit);
	/* A form's own widths: full size when they fit, else scaled but
	 * never below the 8 pt floor (then a second page). */
	bool fits;
	const double narrow[] = {8, 40, 12};
	ck_assert_uint_eq(tg_print_scale(narrow, 3, (tg_page){TG_PAPER_A4, false}, &fits), 100);
	ck_assert(fits);
	const double wide[] = {30, 40, 40};
	unsigned scale = tg_print_scale(wide, 3, (tg_page){TG_PAPER_A4, false}, &fits);
	ck_assert(scale < 100 && scale >= TG_PRINT_MIN_SCALE && fits);
	ck_assert(((7 * 110.0 + 15) * 0.75) * scale / 100 <=
	    tg_print_page_width((tg_page){TG_PAPER_A4, false}));
	const double too_wide[] = {60, 60, 60};
	ck_assert_uint_eq(tg_print_scale(too_wide, 3, (tg_page){TG_PAPER_A4, false}, &fits),
	    TG_PRINT_MIN_SCALE);
	ck_assert(!fits);
	ck_assert_uint_eq(tg_print_text_lines("一行\n二行", 40), 2);
	ck_assert(tg_print_lines_height(2) > tg_print_lines_height(1));
	double v;
	ck_assert(tg_print_is_count("120", &v) && v == 120);
	ck_assert(!tg_print_is_count("―", &v) && !tg_print_is_count("012", &v) &&
	    !tg_print_is_count("", &v));
	tg_buf_free(&longtext);
}
END_TEST

START_TEST(xlsx_cell_over_the_limit_is_cut_with_a_mark)
{
	char *dir = tu_tmpdir();
	char *path = tg_fs_join(dir, "t.xlsx");
	tg_diag *diag = tg_diag_new();
	tg_pdoc doc = {"題", NULL, 0, NULL, 0, NULL, 0, NULL, "s", "2025-01-01"};
	tg_xlsx *x = tg_xlsx_new(path, "out/t.xlsx", &doc, diag);
	ck_assert_ptr_nonnull(x);
	tg_buf big = TG_BUF_INIT;
	for (int i = 0; i < 33000; i++)
		tg_buf_puts(&big, i % 2 ? "あ" : "\xf0\x9f\x98\x80");	/* 2 UTF-16 units each other */
	lxw_worksheet *ws = workbook_add_worksheet(tg_xlsx_workbook(x), "シート");
	ck_assert(tg_xlsx_string(x, ws, "シート", 4, 2, big.data, NULL, "No.7", "備考"));
	ck_assert(tg_xlsx_string(x, ws, "シート", 5, 2, "=1+1", NULL, "No.8", "備考"));
	ck_assert_int_eq(tg_xlsx_close(x), TG_EXIT_OK);
	ck_assert_uint_eq(tg_diag_warnings(diag), 1);
	char *msgs = NULL;
	size_t msglen = 0;
	FILE *mem = open_memstream(&msgs, &msglen);
	tg_diag_print(diag, mem);
	fclose(mem);
	ck_assert_ptr_nonnull(strstr(msgs, "out/t.xlsx:シート!C5: warning: No.7, 備考: 49500 characters"));
	free(msgs);
	tg_buf bytes = TG_BUF_INIT;
	ck_assert(tg_fs_read(path, 1 << 24, &bytes) == TG_FS_OK);
	char *sheet = entry_of(&bytes, "xl/worksheets/sheet1.xml");
	const char *mark = strstr(sheet, TG_XLSX_CUT_MARK "</t>");
	ck_assert_ptr_nonnull(mark);
	ck_assert_ptr_nonnull(strstr(sheet, "<t>'=1+1</t>"));
	free(sheet);
	tg_buf_free(&bytes);
	tg_buf_free(&big);
	tg_diag_free(diag);
	free(path);
	tu_rmrf(dir);
	free(dir);
}
END_TEST

/* The 新旧対照表 reads texts by length: a text ending in "<b" or "<br" with
 * nothing after it (here a copy without a terminator, so that ASan and
 * valgrind see a read past it) is read to its end and no further; found by
 * fuzz_docs (a heap-buffer-overflow in strncmp). */
START_TEST(oldnew_reads_texts_by_length)
{
	static const char *const tails[] = {"<", "<b", "<br", "<br/", "<br>", "<br/>"};
	for (size_t t = 0; t < sizeof tails / sizeof tails[0]; t++) {
		char text[64];
		int len = snprintf(text, sizeof text, "# 規程\n\n## 1 総則\n\n改行%s", tails[t]);
		char *exact = tg_xmalloc((size_t)len);
		memcpy(exact, text, (size_t)len);
		tg_oldnew on;
		tg_oldnew_init(&on, "old", "new");
		tg_oldnew_compare(&on, "# 規程\n\n## 1 総則\n\n改行\n", strlen("# 規程\n\n## 1 総則\n\n改行\n"),
		    exact, (size_t)len);
		/* a whole <br> is a line break; a cut one is text, kept as written */
		bool is_break = strcmp(tails[t], "<br>") == 0 || strcmp(tails[t], "<br/>") == 0;
		ck_assert_uint_eq(on.changed, 1);
		const tg_on_row *r = &on.rows[on.nrows - 1];
		ck_assert_int_eq(r->kind, TG_ON_CHANGED);
		char want[32];
		snprintf(want, sizeof want, "改行%s", is_break ? "\n" : tails[t]);
		ck_assert_msg(strstr(r->new_text, want) != NULL, "tail %s: %s", tails[t], r->new_text);
		tg_oldnew_free(&on);
		free(exact);
	}
}
END_TEST

START_TEST(oldnew_pairs_clauses_by_number)
{
	char *dir = tu_tmpdir();
	tu_write(dir, "old/regulation.md", "# 規程\n\n## 1 総則\n\n本文は同じ。\n\n### 1.1 目的\n\n"
	    "旧い目的。\n\n### 1.2 廃止\n\n消える条項。\n\n## 付録A 表\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
	tu_write(dir, "old/01-chapter.md", "# 1 総則\n\n重複して読まないこと。\n");
	tu_write(dir, "new/regulation.md", "# 規程\n\n## 1 総則\n\n本文は同じ。\n\n### 1.1 目的\n\n"
	    "新しい目的。\n\n### 1.3 新設\n\n加わる条項。\n\n## 付録A 表\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
	char *o = tg_fs_join(dir, "old"), *n = tg_fs_join(dir, "new");
	tg_diag *diag = tg_diag_new();
	tg_oldnew on;
	ck_assert_int_eq(tg_oldnew_compute(&on, o, n, diag), TG_EXIT_OK);
	ck_assert_str_eq(on.old_source, "regulation.md");
	ck_assert_str_eq(on.new_title, "規程");
	ck_assert_uint_eq(on.changed, 1);
	ck_assert_uint_eq(on.added, 1);
	ck_assert_uint_eq(on.removed, 1);
	ck_assert_uint_eq(on.unchanged, 2);
	/* (略) 1 総則, 1.1 changed, 1.2 removed, 1.3 added, (略) 付録A */
	ck_assert_uint_eq(on.nrows, 5);
	ck_assert_int_eq(on.rows[0].kind, TG_ON_GAP);
	ck_assert_int_eq(on.rows[1].kind, TG_ON_CHANGED);
	ck_assert_str_eq(on.rows[1].new_text, "1.1 目的\n新しい目的。");
	ck_assert_int_eq(on.rows[2].kind, TG_ON_REMOVED);
	ck_assert_int_eq(on.rows[3].kind, TG_ON_ADDED);
	ck_assert_int_eq(on.rows[4].kind, TG_ON_GAP);
	tg_buf segs = TG_BUF_INIT;
	tg_oldnew_side(&on.rows[1], true, &segs);
	size_t changed = 0;
	for (size_t i = 0; i < TG_BUF_COUNT(&segs, tg_on_seg); i++)
		if (TG_BUF_AT(&segs, tg_on_seg, i).changed)
			changed += TG_BUF_AT(&segs, tg_on_seg, i).len;
	ck_assert_uint_eq(changed, strlen("新し"));	/* 旧い → 新しい: the shared い is kept */
	tg_buf_free(&segs);
	tg_oldnew_free(&on);
	tg_diag_free(diag);
	free(o);
	free(n);
	tu_rmrf(dir);
	free(dir);
}
END_TEST

static Suite *
render_suite(void)
{
	Suite *s = suite_create("render");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, zip_is_deterministic_and_readable);
	tcase_add_test(tc, docx_escapes_what_xml_cannot_hold);
	tcase_add_test(tc, docx_markdown_lists_tables_and_comments);
	tcase_add_test(tc, print_fit_keeps_tables_on_the_page);
	tcase_add_test(tc, xlsx_cell_over_the_limit_is_cut_with_a_mark);
	tcase_add_test(tc, oldnew_pairs_clauses_by_number);
	tcase_add_test(tc, oldnew_reads_texts_by_length);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return tu_run(render_suite());
}
