/* Unit tests of the XLSX reader (src/load/sheet/xlsx.c, xlsx_sheet.c):
 * workbooks written by libxlsxwriter (shared and inline strings, numbers,
 * booleans, formulas, dates, rich text, merges, hidden sheets), packages
 * built by hand for what other writers do (phonetic runs, _xHHHH_ escapes,
 * cells without references, strict OOXML), and every limit and damage
 * refused with a positioned message. */
#include <xlsxwriter.h>
#include <zip.h>

#include "testutil.h"
#include "load/sheet/sheet.h"
#include "load/sheet/xlsx.h"
#include "totsugo.h"

static char *scratch;

static void
setup(void)
{
	scratch = tu_tmpdir();
}

static void
teardown(void)
{
	tu_rmrf(scratch);
	free(scratch);
}

static char *
spath(const char *name)
{
	return tg_fs_join(scratch, name);
}

static char *
messages(tg_diag *d)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	ck_assert_ptr_nonnull(f);
	tg_diag_print(d, f);
	fclose(f);
	return buf;
}

#undef CELL
#define CELL(sh, r, c) tg_sheet_cell_text(&(sh).rows[(r) - 1], (c))

/* ---- packages built by hand ---- */

typedef struct part {
	const char *name;
	const char *data;
	size_t len;	/* 0: strlen(data) */
} part;

static const char rels_xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";
static const char book_xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
    "<sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
static const char book_rels_xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/sharedStrings\" Target=\"/xl/sharedStrings.xml\"/></Relationships>";

#define WS_OPEN "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet " \
	"xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
#define WS_CLOSE "</sheetData></worksheet>"
#define SST_OPEN "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst " \
	"xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"

/* A zip of the parts (deflated, or stored with `store`) at scratch/name. */
static char *
make_zip(const char *name, const part *parts, size_t n, bool store)
{
	char *p = spath(name);
	int err;
	zip_t *z = zip_open(p, ZIP_CREATE | ZIP_TRUNCATE, &err);
	ck_assert_ptr_nonnull(z);
	for (size_t i = 0; i < n; i++) {
		size_t len = parts[i].len ? parts[i].len : strlen(parts[i].data);
		zip_source_t *src = zip_source_buffer(z, parts[i].data, len, 0);
		ck_assert_ptr_nonnull(src);
		zip_int64_t idx = zip_file_add(z, parts[i].name, src, ZIP_FL_ENC_UTF_8);
		ck_assert_int_ge(idx, 0);
		if (store)
			zip_set_file_compression(z, (zip_uint64_t)idx, ZIP_CM_STORE, 0);
	}
	ck_assert_int_eq(zip_close(z), 0);
	return p;
}

/* A one-sheet workbook "S" with this sheet XML and shared strings (NULL:
 * none), read; returns the rc, the messages in *msg (caller frees). */
static int
read_book(const char *sheet_xml, const char *sst_xml, tg_sheet *sh, char **msg)
{
	part parts[] = {
		{"_rels/.rels", rels_xml, 0},
		{"xl/workbook.xml", book_xml, 0},
		{"xl/_rels/workbook.xml.rels", book_rels_xml, 0},
		{"xl/worksheets/sheet1.xml", sheet_xml, 0},
		{"xl/sharedStrings.xml", sst_xml ? sst_xml : "", 0},
	};
	char *p = make_zip("book.xlsx", parts, sst_xml ? 5 : 4, false);
	tg_diag *d = tg_diag_new();
	tg_sheet_options o = {TG_SHEET_FORMAT_AUTO, TG_SHEET_AUTO, NULL};
	int rc = tg_sheet_load(sh, p, "book.xlsx", &o, d);
	*msg = messages(d);
	tg_diag_free(d);
	free(p);
	return rc;
}

/* ---- libxlsxwriter ---- */

static void
write_with_libxlsxwriter(const char *file, bool constant_memory)
{
	lxw_workbook_options opt = {.constant_memory = constant_memory, .tmpdir = scratch};
	lxw_workbook *wb = workbook_new_opt(file, &opt);
	ck_assert_ptr_nonnull(wb);
	lxw_worksheet *ws = workbook_add_worksheet(wb, "一覧");
	lxw_worksheet *hidden = workbook_add_worksheet(wb, "隠し");
	lxw_worksheet *third = workbook_add_worksheet(wb, "Third");
	lxw_format *bold = workbook_add_format(wb);
	format_set_bold(bold);
	lxw_format *date = workbook_add_format(wb);
	format_set_num_format(date, "yyyy-mm-dd");
	worksheet_write_string(ws, 0, 0, "No.", bold);
	worksheet_write_string(ws, 0, 1, "項目", bold);
	worksheet_write_number(ws, 1, 0, 1, NULL);
	worksheet_write_string(ws, 1, 1, "方針を定める\n二行目", NULL);
	worksheet_write_boolean(ws, 1, 2, 1, NULL);
	worksheet_write_formula_num(ws, 1, 3, "=A2+1", NULL, 2);
	lxw_datetime dt = {2024, 4, 1, 0, 0, 0};
	worksheet_write_datetime(ws, 1, 4, &dt, date);
	worksheet_write_number(ws, 1, 5, 0.1, NULL);
	if (!constant_memory) {
		/* Rich strings need the shared string table. */
		lxw_rich_string_tuple red = {.format = bold, .string = "赤い"};
		lxw_rich_string_tuple rest = {.format = NULL, .string = "文字"};
		lxw_rich_string_tuple *runs[] = {&red, &rest, NULL};
		worksheet_write_rich_string(ws, 2, 0, runs, NULL);
	}
	worksheet_write_blank(ws, 2, 9, bold);	/* formatted, empty: not a cell */
	worksheet_merge_range(ws, 3, 0, 3, 2, "結合", NULL);
	worksheet_write_string(ws, 5, 1, "_x000D_ stays", NULL);
	worksheet_write_string(hidden, 0, 0, "h", NULL);
	worksheet_hide(hidden);
	worksheet_write_string(third, 0, 0, "=not a formula", NULL);
	worksheet_activate(ws);
	ck_assert_int_eq(workbook_close(wb), LXW_NO_ERROR);
}

static void
check_libxlsxwriter(bool constant_memory)
{
	char *p = spath("lxw.xlsx");
	write_with_libxlsxwriter(p, constant_memory);
	tg_diag *d = tg_diag_new();
	int rc;
	tg_xlsx *wb = tg_xlsx_open_file(p, "lxw.xlsx", d, &rc);
	ck_assert_ptr_nonnull(wb);
	ck_assert_int_eq(rc, TG_EXIT_OK);
	ck_assert_uint_eq(tg_xlsx_count(wb), 3);
	ck_assert_str_eq(tg_xlsx_name(wb, 0), "一覧");
	ck_assert_str_eq(tg_xlsx_name(wb, 1), "隠し");
	ck_assert(tg_xlsx_hidden(wb, 1));
	ck_assert(!tg_xlsx_hidden(wb, 0));
	ck_assert(tg_xlsx_is_worksheet(wb, 2));
	ck_assert_int_eq(tg_xlsx_find(wb, "third"), 2);	/* ASCII case, as Excel */
	ck_assert_int_eq(tg_xlsx_find(wb, "none"), -1);
	ck_assert_int_eq(tg_xlsx_first(wb), 0);

	tg_sheet sh;
	ck_assert_int_eq(tg_xlsx_read(wb, 0, &sh, d), TG_EXIT_OK);
	ck_assert_str_eq(sh.file, "lxw.xlsx:一覧");
	ck_assert_str_eq(sh.sheet_name, "一覧");
	ck_assert_uint_eq(sh.nrows, 6);
	ck_assert_str_eq(CELL(sh, 1, 1), "No.");
	ck_assert_str_eq(CELL(sh, 1, 2), "項目");
	ck_assert_str_eq(CELL(sh, 2, 1), "1");
	ck_assert_str_eq(CELL(sh, 2, 2), "方針を定める\n二行目");
	ck_assert_str_eq(CELL(sh, 2, 3), "TRUE");
	ck_assert_str_eq(CELL(sh, 2, 4), "2");		/* the cached value */
	ck_assert_str_eq(CELL(sh, 2, 5), "45383");	/* a date as stored */
	ck_assert_str_eq(CELL(sh, 2, 6), "0.1");
	if (!constant_memory)
		ck_assert_str_eq(CELL(sh, 3, 1), "赤い文字");
	ck_assert_uint_le(sh.rows[2].ncells, 1);	/* the blank J3 is not a cell */
	ck_assert_str_eq(CELL(sh, 4, 1), "結合");
	ck_assert_str_eq(CELL(sh, 4, 2), "");
	ck_assert_uint_eq(sh.nmerges, 1);
	ck_assert_uint_eq(sh.merges[0].row1, 4);
	ck_assert_uint_eq(sh.merges[0].col2, 3);
	ck_assert_uint_eq(sh.rows[4].ncells, 0);
	/* libxlsxwriter writes "_x000D_" as it is, which OOXML reads as a
	 * carriage return (Excel too); writers that mean the text escape it. */
	ck_assert_str_eq(CELL(sh, 6, 2), "\n stays");
	ck_assert_uint_eq(sh.rows[1].cells[1].len, strlen("方針を定める\n二行目"));
	tg_sheet_free(&sh);
	ck_assert_int_eq(tg_xlsx_read(wb, 2, &sh, d), TG_EXIT_OK);
	ck_assert_str_eq(CELL(sh, 1, 1), "=not a formula");
	tg_sheet_free(&sh);
	ck_assert_uint_eq(tg_diag_errors(d), 0);
	tg_xlsx_free(wb);
	tg_diag_free(d);
	free(p);
}

START_TEST(libxlsxwriter_shared_strings)
{
	check_libxlsxwriter(false);
}
END_TEST

START_TEST(libxlsxwriter_inline_strings)
{
	check_libxlsxwriter(true);
}
END_TEST

/* ---- what other writers do ---- */

START_TEST(phonetic_runs_escapes_and_missing_refs)
{
	static const char sst[] = SST_OPEN
	    "<si><r><t>東京</t></r><r><rPr><b/></rPr><t xml:space=\"preserve\"> 本社</t></r>"
	    "<rPh sb=\"0\" eb=\"2\"><t>トウキョウ</t></rPh><phoneticPr fontId=\"1\"/></si>"
	    "<si><t>a_x000D_\nb_x0009_c_x005F_x0041_</t></si>"
	    "<si><t>&amp;&lt;&#13;&#10;x</t></si>"
	    "</sst>";
	static const char ws[] = WS_OPEN
	    "<row><c t=\"s\"><v>0</v></c><c t=\"s\"><v>1</v></c><c t=\"s\"><v>2</v></c></row>"
	    "<row r=\"3\"><c r=\"C3\" t=\"str\"><f>A1</f><v>calc</v></c><c r=\"A3\" t=\"inlineStr\">"
	    "<is><r><t>in</t></r><r><t>line</t></r><rPh><t>x</t></rPh></is></c>"
	    "<c t=\"e\"><v>#N/A</v></c><c r=\"D3\" t=\"b\"><v>0</v></c></row>"
	    WS_CLOSE;
	tg_sheet sh;
	char *msg;
	int rc = read_book(ws, sst, &sh, &msg);
	ck_assert_str_eq(msg, "");
	ck_assert_int_eq(rc, TG_EXIT_OK);
	ck_assert_uint_eq(sh.nrows, 3);
	ck_assert_str_eq(CELL(sh, 1, 1), "東京 本社");	/* no furigana */
	ck_assert_str_eq(CELL(sh, 1, 2), "a\nb\tc_x0041_");
	ck_assert_str_eq(CELL(sh, 1, 3), "&<\nx");
	ck_assert_uint_eq(sh.rows[1].ncells, 0);
	ck_assert_str_eq(CELL(sh, 3, 1), "inline");
	ck_assert_str_eq(CELL(sh, 3, 2), "#N/A");	/* no reference: after A3 */
	ck_assert_str_eq(CELL(sh, 3, 3), "calc");
	ck_assert_str_eq(CELL(sh, 3, 4), "FALSE");
	tg_sheet_free(&sh);
	free(msg);
}
END_TEST

START_TEST(strict_ooxml)
{
	static const char srels[] =
	    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	    "<Relationship Id=\"r1\" Type=\"http://purl.oclc.org/ooxml/officeDocument/relationships/"
	    "officeDocument\" Target=\"/xl/workbook.xml\"/></Relationships>";
	static const char sbook[] =
	    "<x:workbook xmlns:x=\"http://purl.oclc.org/ooxml/spreadsheetml/main\" "
	    "xmlns:r=\"http://purl.oclc.org/ooxml/officeDocument/relationships\">"
	    "<x:sheets><x:sheet name=\"厳格\" sheetId=\"1\" r:id=\"r7\"/></x:sheets></x:workbook>";
	static const char sbrels[] =
	    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	    "<Relationship Id=\"r7\" Type=\"http://purl.oclc.org/ooxml/officeDocument/relationships/"
	    "worksheet\" Target=\"./sheets/../worksheets/s.xml\"/></Relationships>";
	static const char sws[] =
	    "<x:worksheet xmlns:x=\"http://purl.oclc.org/ooxml/spreadsheetml/main\"><x:sheetData>"
	    "<x:row r=\"2\"><x:c r=\"B2\" t=\"inlineStr\"><x:is><x:t>ok</x:t></x:is></x:c></x:row>"
	    "</x:sheetData></x:worksheet>";
	part parts[] = {
		{"_rels/.rels", srels, 0},
		{"xl/workbook.xml", sbook, 0},
		{"xl/_rels/workbook.xml.rels", sbrels, 0},
		{"xl/worksheets/s.xml", sws, 0},
	};
	char *p = make_zip("strict.xlsx", parts, 4, true);
	tg_diag *d = tg_diag_new();
	tg_sheet sh;
	tg_sheet_options o = {TG_SHEET_FORMAT_XLSX, TG_SHEET_AUTO, "厳格"};
	ck_assert_int_eq(tg_sheet_load(&sh, p, "strict.xlsx", &o, d), TG_EXIT_OK);
	ck_assert_str_eq(CELL(sh, 2, 2), "ok");
	ck_assert_uint_eq(sh.nrows, 2);
	tg_sheet_free(&sh);
	/* A sheet the workbook does not have: the sheets are listed. */
	o.sheet = "他";
	ck_assert_int_eq(tg_sheet_load(&sh, p, "strict.xlsx", &o, d), TG_EXIT_INVALID);
	tg_sheet_free(&sh);
	char *msg = messages(d);
	ck_assert_str_eq(msg, "strict.xlsx: error: the workbook has no sheet '他' (its sheets: '厳格')\n");
	free(msg);
	tg_diag_free(d);
	free(p);
}
END_TEST

START_TEST(csv_and_tsv_by_extension)
{
	tu_write(scratch, "a.tsv", "x\ty\n");
	tu_write(scratch, "a.csv", "x,y\n");
	ck_assert_int_eq(tg_sheet_format_of("A.XLSX", TG_SHEET_FORMAT_AUTO), TG_SHEET_FORMAT_XLSX);
	ck_assert_int_eq(tg_sheet_format_of("a.xlsm", TG_SHEET_FORMAT_AUTO), TG_SHEET_FORMAT_XLSX);
	ck_assert_int_eq(tg_sheet_format_of("a.tab", TG_SHEET_FORMAT_AUTO), TG_SHEET_FORMAT_TSV);
	ck_assert_int_eq(tg_sheet_format_of("a.txt", TG_SHEET_FORMAT_AUTO), TG_SHEET_FORMAT_CSV);
	ck_assert_int_eq(tg_sheet_format_of("a.xlsx", TG_SHEET_FORMAT_CSV), TG_SHEET_FORMAT_CSV);
	tg_diag *d = tg_diag_new();
	tg_sheet_options o = {TG_SHEET_FORMAT_AUTO, TG_SHEET_AUTO, NULL};
	const char *names[] = {"a.tsv", "a.csv"};
	for (int i = 0; i < 2; i++) {
		char *p = spath(names[i]);
		tg_sheet sh;
		ck_assert_int_eq(tg_sheet_load(&sh, p, NULL, &o, d), TG_EXIT_OK);
		ck_assert_str_eq(CELL(sh, 1, 2), "y");
		ck_assert_ptr_null(sh.sheet_name);
		tg_sheet_free(&sh);
		free(p);
	}
	tg_diag_free(d);
}
END_TEST

/* ---- damage and limits ---- */

START_TEST(cell_errors_name_the_cell)
{
	static const char sst[] = SST_OPEN "<si><t>only</t></si></sst>";
	static const char ws[] = WS_OPEN
	    "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\"><v>5</v></c></row>"
	    "<row r=\"7\"><c r=\"C7\" t=\"s\"><v>3</v></c></row>"
	    "<row r=\"8\"><c r=\"A8\"><v>1</v></c><c r=\"A8\"><v>2</v></c>"
	    "<c r=\"XFE8\"><v>1</v></c></row>"
	    "<row r=\"1048577\"><c><v>1</v></c></row>"
	    WS_CLOSE;
	tg_sheet sh;
	char *msg;
	ck_assert_int_eq(read_book(ws, sst, &sh, &msg), TG_EXIT_INVALID);
	ck_assert_str_eq(msg,
	    "book.xlsx:S: error: cell reference 'XFE8' is not a cell of a sheet (A1 to XFD1048576); "
	    "the cell is not read\n"
	    "book.xlsx:S: error: row number '1048577' is not a row of a sheet (1 to 1048576); its "
	    "cells are not read\n"
	    "book.xlsx:S!C7: error: the cell names shared string '3', which the workbook does not "
	    "have (it has 1)\n"
	    "book.xlsx:S!A8: error: the sheet's XML holds this cell twice, with different values; "
	    "the workbook is damaged (open it in Excel and save it again)\n"
	    " A8 | 1\n");
	/* What could be read is there. */
	ck_assert_str_eq(CELL(sh, 1, 1), "only");
	ck_assert_str_eq(CELL(sh, 8, 1), "1");
	tg_sheet_free(&sh);
	free(msg);
}
END_TEST

static void
expect_refused(const char *sheet_xml, const char *want)
{
	tg_sheet sh;
	char *msg;
	ck_assert_int_eq(read_book(sheet_xml, NULL, &sh, &msg), TG_EXIT_INVALID);
	ck_assert_msg(strstr(msg, want) != NULL, "got: %s", msg);
	tg_sheet_free(&sh);
	free(msg);
}

START_TEST(bad_xml_is_refused)
{
	expect_refused(WS_OPEN "<row><c><v>1</c></row>" WS_CLOSE,
	    "book.xlsx: error: xl/worksheets/sheet1.xml, line 1, column");
	expect_refused(WS_OPEN "<row><c><v>1</c></row>" WS_CLOSE, "invalid XML: mismatched tag");
	expect_refused("<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY a \"aaaa\">"
	    "<!ENTITY b \"&a;&a;&a;&a;\">]><worksheet>&b;</worksheet>",
	    "a DTD (<!DOCTYPE>) is not allowed in a workbook");
	tg_buf deep = TG_BUF_INIT;
	for (int i = 0; i < 200; i++)
		tg_buf_puts(&deep, "<a>");
	expect_refused(deep.data, "elements are nested too deeply");
	tg_buf_free(&deep);
	/* Many rows reaching column XFD: the rows as laid out would be huge. */
	tg_buf wide = TG_BUF_INIT;
	tg_buf_puts(&wide, WS_OPEN);
	for (int r = 1; r <= 600; r++)
		tg_buf_printf(&wide, "<row r=\"%d\"><c r=\"XFD%d\"><v>1</v></c></row>", r, r);
	tg_buf_puts(&wide, WS_CLOSE);
	expect_refused(wide.data, "hold 9830400 cells, over the limit of 8388608");
	tg_buf_free(&wide);
}
END_TEST

START_TEST(one_far_cell_is_fine)
{
	/* A stray value at the last cell of a sheet costs its row only. */
	tg_sheet sh;
	char *msg;
	ck_assert_int_eq(read_book(WS_OPEN "<row r=\"1048576\"><c r=\"XFD1048576\" t=\"inlineStr\">"
	    "<is><t>end</t></is></c></row>" WS_CLOSE, NULL, &sh, &msg), TG_EXIT_OK);
	ck_assert_uint_eq(sh.nrows, 1048576);
	ck_assert_str_eq(CELL(sh, 1048576, 16384), "end");
	ck_assert_uint_eq(sh.ncells, 16384);
	tg_sheet_free(&sh);
	free(msg);
}
END_TEST

START_TEST(zip_bomb_and_not_a_workbook)
{
	/* 8 MiB of spaces deflate to about 8 KiB. */
	size_t n = 8u << 20;
	char *big = tg_xmalloc(n + 64);
	memset(big, ' ', n);
	strcpy(big + n, "<worksheet/>");
	part parts[] = {
		{"_rels/.rels", rels_xml, 0},
		{"xl/workbook.xml", book_xml, 0},
		{"xl/_rels/workbook.xml.rels", book_rels_xml, 0},
		{"xl/worksheets/sheet1.xml", big, 0},
	};
	char *p = make_zip("bomb.xlsx", parts, 4, false);
	tg_diag *d = tg_diag_new();
	tg_sheet sh;
	tg_sheet_options o = {TG_SHEET_FORMAT_AUTO, TG_SHEET_AUTO, NULL};
	ck_assert_int_eq(tg_sheet_load(&sh, p, "bomb.xlsx", &o, d), TG_EXIT_INVALID);
	tg_sheet_free(&sh);
	char *msg = messages(d);
	ck_assert_str_eq(msg, "bomb.xlsx: error: the part 'xl/worksheets/sheet1.xml' inflates more "
	    "than 1000 times its compressed size (a zip bomb?): refused\n");
	free(msg);
	free(p);
	free(big);

	tu_write(scratch, "text.xlsx", "No.,項目\n");
	tu_write(scratch, "old.xls", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 rest");
	tu_write(scratch, "empty.xlsx", "PK\x05\x06");
	const char *files[] = {"text.xlsx", "old.xls", "empty.xlsx", "missing.xlsx"};
	o.format = TG_SHEET_FORMAT_XLSX;
	for (int i = 0; i < 4; i++) {
		p = spath(files[i]);
		int rc = tg_sheet_load(&sh, p, files[i], &o, d);
		ck_assert_int_eq(rc, i == 3 ? TG_EXIT_IO : TG_EXIT_INVALID);
		tg_sheet_free(&sh);
		free(p);
	}
	msg = messages(d);
	ck_assert_str_eq(msg,
	    "empty.xlsx: error: not an XLSX workbook: the zip cannot be read (Not a zip archive)\n"
	    "missing.xlsx: error: cannot read: No such file or directory\n"
	    "old.xls: error: an Excel 97-2003 workbook (.xls) or a password-protected workbook: "
	    "save it as an Excel workbook (.xlsx) without a password\n"
	    "text.xlsx: error: not an XLSX workbook (it is not a zip file)\n");
	free(msg);
	tg_diag_free(d);
}
END_TEST

START_TEST(cell_names)
{
	char b[16];
	tg_xlsx_cell_name(7, 3, b);
	ck_assert_str_eq(b, "C7");
	tg_xlsx_cell_name(1, 26, b);
	ck_assert_str_eq(b, "Z1");
	tg_xlsx_cell_name(1, 27, b);
	ck_assert_str_eq(b, "AA1");
	tg_xlsx_cell_name(1048576, 16384, b);
	ck_assert_str_eq(b, "XFD1048576");
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("xlsx");
	TCase *tc = tcase_create("core");
	tcase_set_timeout(tc, 60);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, libxlsxwriter_shared_strings);
	tcase_add_test(tc, libxlsxwriter_inline_strings);
	tcase_add_test(tc, phonetic_runs_escapes_and_missing_refs);
	tcase_add_test(tc, strict_ooxml);
	tcase_add_test(tc, csv_and_tsv_by_extension);
	tcase_add_test(tc, cell_errors_name_the_cell);
	tcase_add_test(tc, bad_xml_is_refused);
	tcase_add_test(tc, one_far_cell_is_fine);
	tcase_add_test(tc, zip_bomb_and_not_a_workbook);
	tcase_add_test(tc, cell_names);
	suite_add_tcase(s, tc);
	return tu_run(s);
}
