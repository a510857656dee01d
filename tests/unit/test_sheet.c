/* Unit tests of the spreadsheet reader (src/load/sheet/sheet.c): RFC 4180 cells,
 * rows as a spreadsheet numbers them, encodings, positioned errors, and the
 * normalisation of ids, refs and marks. */
#include <stdio.h>

#include "testutil.h"
#include "load/sheet/sheet.h"
#include "util/encoding.h"

/* Reads text; *diag collects the messages (caller frees both). */
static bool
read_text(tg_sheet *sh, const char *text, size_t len, char sep, tg_sheet_encoding enc,
    tg_diag **diag)
{
	*diag = tg_diag_new();
	return tg_sheet_read(sh, "t.csv", text, len, sep, enc, *diag);
}

/* Every message as tg_diag_print writes it. */
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

#define CELL(sh, r, c) tg_sheet_cell_text(&(sh).rows[(r) - 1], (c))

START_TEST(quoted_cells_and_row_numbers)
{
	static const char text[] =
	    "id,title,text\r\n"
	    "1,\"a, b\",\"say \"\"hi\"\"\"\r\n"
	    "2,\"two\r\nlines\",\"lf\nonly\"\r\n"
	    "3,plain\r\n"
	    ",,\r\n"
	    "\r\n";
	tg_sheet sh;
	tg_diag *d;
	ck_assert(read_text(&sh, text, sizeof text - 1, ',', TG_SHEET_AUTO, &d));
	/* The quoted cells spanning lines do not add rows; the blank rows 5
	 * and 6 are counted but not kept. */
	ck_assert_uint_eq(sh.nrows, 4);
	ck_assert_uint_eq(sh.last_row, 6);
	ck_assert_uint_eq(sh.rows[2].row, 3);
	ck_assert_str_eq(CELL(sh, 2, 2), "a, b");
	ck_assert_str_eq(CELL(sh, 2, 3), "say \"hi\"");
	ck_assert_str_eq(CELL(sh, 3, 2), "two\nlines");	/* CRLF in a cell → LF */
	ck_assert_str_eq(CELL(sh, 3, 3), "lf\nonly");
	ck_assert_uint_eq(sh.rows[3].ncells, 2);	/* ragged */
	ck_assert_str_eq(CELL(sh, 4, 3), "");
	ck_assert_str_eq(CELL(sh, 4, 99), "");
	ck_assert_uint_eq(sh.rows[1].cells[1].len, 4);
	ck_assert_int_eq(sh.encoding, TG_ENC_UTF8);
	tg_sheet_free(&sh);
	tg_diag_free(d);
}
END_TEST

START_TEST(line_ends_and_file_ends)
{
	tg_sheet sh;
	tg_diag *d;
	/* Lone CR ends rows (old Mac files); no newline at the end. */
	ck_assert(read_text(&sh, "a,b\rc,d", 7, ',', TG_SHEET_AUTO, &d));
	ck_assert_uint_eq(sh.nrows, 2);
	ck_assert_str_eq(CELL(sh, 2, 2), "d");
	tg_sheet_free(&sh);
	tg_diag_free(d);
	/* A trailing separator makes an empty last cell, which is not kept
	 * (the cell reads as "" all the same). */
	ck_assert(read_text(&sh, "a,", 2, ',', TG_SHEET_AUTO, &d));
	ck_assert_uint_eq(sh.nrows, 1);
	ck_assert_uint_eq(sh.rows[0].ncells, 1);
	ck_assert_str_eq(CELL(sh, 1, 2), "");
	tg_sheet_free(&sh);
	tg_diag_free(d);
	ck_assert(read_text(&sh, "", 0, ',', TG_SHEET_AUTO, &d));
	ck_assert_uint_eq(sh.nrows, 0);
	tg_sheet_free(&sh);
	tg_diag_free(d);
	/* Text after a closing quote is kept, as spreadsheets do. */
	ck_assert(read_text(&sh, "\"ab\"cd,\"\"\n", 10, ',', TG_SHEET_AUTO, &d));
	ck_assert_str_eq(CELL(sh, 1, 1), "abcd");
	ck_assert_str_eq(CELL(sh, 1, 2), "");
	tg_sheet_free(&sh);
	tg_diag_free(d);
}
END_TEST

START_TEST(tsv_quotes_tabs)
{
	static const char text[] = "a\t\"b\tc\"\t\"d,e\"\n";
	tg_sheet sh;
	tg_diag *d;
	ck_assert(read_text(&sh, text, sizeof text - 1, '\t', TG_SHEET_AUTO, &d));
	ck_assert_uint_eq(sh.rows[0].ncells, 3);
	ck_assert_str_eq(CELL(sh, 1, 2), "b\tc");
	ck_assert_str_eq(CELL(sh, 1, 3), "d,e");
	tg_sheet_free(&sh);
	tg_diag_free(d);
}
END_TEST

START_TEST(bom_and_cp932)
{
	tg_sheet sh;
	tg_diag *d;
	static const char bom[] = "\xEF\xBB\xBFNo.,項目\n1,方針\n";
	ck_assert(read_text(&sh, bom, sizeof bom - 1, ',', TG_SHEET_AUTO, &d));
	ck_assert_int_eq(sh.encoding, TG_ENC_UTF8_BOM);
	ck_assert_str_eq(CELL(sh, 1, 1), "No.");
	tg_sheet_free(&sh);
	tg_diag_free(d);
	/* Declared UTF-8 drops the BOM too. */
	ck_assert(read_text(&sh, bom, sizeof bom - 1, ',', TG_SHEET_UTF8, &d));
	ck_assert_str_eq(CELL(sh, 1, 1), "No.");
	tg_sheet_free(&sh);
	tg_diag_free(d);

	static const char utf8[] = "No.,項目,説明\n１,\"ＬＶ１\n表\",ソ\\表\n";
	tg_buf sj = TG_BUF_INIT;
	size_t bad;
	ck_assert(tg_enc_utf8_to_cp932(utf8, sizeof utf8 - 1, &sj, &bad));
	ck_assert(read_text(&sh, sj.data, sj.len, ',', TG_SHEET_AUTO, &d));
	ck_assert_int_eq(sh.encoding, TG_ENC_CP932);
	ck_assert_uint_eq(sh.nrows, 2);
	ck_assert_str_eq(CELL(sh, 2, 2), "ＬＶ１\n表");
	/* ソ and 表 end in 0x5C in CP932: still one cell each. */
	ck_assert_str_eq(CELL(sh, 2, 3), "ソ\\表");
	tg_sheet_free(&sh);
	tg_diag_free(d);
	ck_assert(read_text(&sh, sj.data, sj.len, ',', TG_SHEET_CP932, &d));
	ck_assert_str_eq(CELL(sh, 1, 2), "項目");
	tg_sheet_free(&sh);
	tg_diag_free(d);
	tg_buf_free(&sj);
}
END_TEST

START_TEST(errors_are_positioned)
{
	tg_sheet sh;
	tg_diag *d;
	/* Row 3 follows a two-line quoted cell: its bad byte is at 3:2. */
	static const char text[] = "a,b\n\"x\ny\",z\nok,\xFF\xFE\n4,\"open\n5,6\n";
	ck_assert(!read_text(&sh, text, sizeof text - 1, ',', TG_SHEET_UTF8, &d));
	ck_assert_uint_eq(tg_diag_errors(d), 2);
	char *m = messages(d);
	ck_assert_str_eq(m,
	    "t.csv:3:2: error: byte 0xFF is not valid UTF-8\n"
	    " 3 | ok,\xEF\xBF\xBD\xEF\xBF\xBD\n"
	    "   |    ^\n"
	    "t.csv:4:2: error: unterminated quoted cell: the quote that opens it is never closed "
	    "(the rest of the file would be this one cell)\n"
	    " 4 | 4,\"open\n"
	    "   |   ^\n");
	free(m);
	/* What could be read is kept. */
	ck_assert_uint_eq(sh.nrows, 4);
	ck_assert_str_eq(CELL(sh, 4, 2), "open\n5,6\n");
	tg_sheet_free(&sh);
	tg_diag_free(d);

	/* NUL bytes cannot be in a cell. */
	ck_assert(!read_text(&sh, "a,b\0c\n", 6, ',', TG_SHEET_AUTO, &d));
	m = messages(d);
	ck_assert(strstr(m, "t.csv:1:2: error: NUL byte in the cell") == m);
	free(m);
	tg_sheet_free(&sh);
	tg_diag_free(d);

	/* Auto: not UTF-8, so CP932; 0x81 0x20 is not a CP932 pair. */
	ck_assert(!read_text(&sh, "a,\x81 b\n", 6, ',', TG_SHEET_AUTO, &d));
	m = messages(d);
	ck_assert_msg(strstr(m, "t.csv: note: read as cp932 (Shift_JIS): 1 byte is not valid UTF-8 "
	    "and only 0 characters are (if that is wrong, an import spec names the encoding: "
	    "sheet.encoding)\n"
	    "t.csv:1:2: error: byte 0x81 is not valid cp932\n") == m, "%s", m);
	free(m);
	tg_sheet_free(&sh);
	tg_diag_free(d);
}
END_TEST

START_TEST(encoding_errors_are_capped)
{
	tg_buf text = TG_BUF_INIT;
	for (int i = 0; i < 25; i++)
		tg_buf_puts(&text, "\x83p,\x83X\n");	/* CP932 bytes read as UTF-8 */
	tg_sheet sh;
	tg_diag *d;
	ck_assert(!read_text(&sh, text.data, text.len, ',', TG_SHEET_UTF8, &d));
	ck_assert_uint_eq(tg_diag_errors(d), 11);
	char *m = messages(d);
	ck_assert(strstr(m, "t.csv: error: 40 more cells have bytes that are not valid UTF-8") != NULL);
	free(m);
	tg_sheet_free(&sh);
	tg_diag_free(d);
	tg_buf_free(&text);
}
END_TEST

START_TEST(excerpt_points_at_the_cell)
{
	tg_diag *d = tg_diag_new();
	static const char text[] = "No.,\"題目\nの続き\",参照\n1,\"a,\"\"b\"\"\",No.l2\n";
	tg_diag_add_sheet_source(d, "s.csv", text, sizeof text - 1, ',');
	tg_diag_error(d, tg_pos_at("s.csv", 2, 3), "bad");
	tg_diag_error(d, tg_pos_at("s.csv", 1, 3), "head");
	tg_diag_error(d, tg_pos_at("s.csv", 2, 9), "no such cell");
	char *m = messages(d);
	ck_assert_str_eq(m,
	    "s.csv:1:3: error: head\n"
	    " 1 | の続き\",参照\n"
	    "   |         ^\n"
	    "s.csv:2:3: error: bad\n"
	    " 2 | 1,\"a,\"\"b\"\"\",No.l2\n"
	    "   |             ^\n"
	    "s.csv:2:9: error: no such cell\n");
	free(m);
	tg_diag_free(d);
}
END_TEST

static char *
norm(const char *s)
{
	tg_buf b = TG_BUF_INIT;
	tg_sheet_normalize(s, &b);
	return tg_buf_detach(&b);
}

#define CHECK_NORM(in, want) do { char *n_ = norm(in); ck_assert_str_eq(n_, want); free(n_); } while (0)

START_TEST(normalisation)
{
	CHECK_NORM("４－１", "4-1");
	CHECK_NORM("ＬＶ１", "LV1");
	CHECK_NORM("ｌｖ２", "lv2");
	CHECK_NORM("　Ｎｏ．４－３－４－３　", "No.4-3-4-3");
	CHECK_NORM("Ｎｏ．３６（ＬＶ１）", "No.36(LV1)");
	CHECK_NORM("No.98,\u3000102 (LV2)", "No.98, 102 (LV2)");
	CHECK_NORM("4\u22121", "4-1");		/* MINUS SIGN */
	CHECK_NORM("4\u20101", "4-1");		/* HYPHEN */
	CHECK_NORM("\u00A0x\u00A0", "x");
	CHECK_NORM("★３", "★3");
	/* Outside the ASCII range, text stays as it is. */
	CHECK_NORM("○", "○");
	CHECK_NORM("ｱｲｳ", "ｱｲｳ");
	CHECK_NORM("情報セキュリティ", "情報セキュリティ");
	CHECK_NORM(" \t\n", "");
	CHECK_NORM("", "");

	tg_buf b = TG_BUF_INIT;
	tg_sheet_fold("　ａ　", strlen("　ａ　"), &b);
	ck_assert_str_eq(b.data, " a ");	/* fold keeps white space */
	tg_buf_clear(&b);
	tg_sheet_header_key("評価基準\nＮｏ．", &b);
	ck_assert_str_eq(b.data, "評価基準No.");
	tg_buf_free(&b);

	ck_assert(tg_sheet_blank(""));
	ck_assert(tg_sheet_blank(" \u3000\t\u00A0\n"));
	ck_assert(!tg_sheet_blank(" - "));
}
END_TEST

/* Blank rows and separators cost no memory: 200,000 blank lines, a row
 * of separators and trailing empty cells keep nothing (issue 18: 50 MB
 * of blank lines took 2.2 GB); rows are still numbered as written. */
START_TEST(blank_rows_are_not_kept)
{
	tg_buf text = TG_BUF_INIT;
	tg_buf_puts(&text, "id,title\n");
	for (int i = 0; i < 200000; i++)
		tg_buf_puts(&text, i % 2 ? "\n" : ", \xE3\x80\x80,\t\r\n");
	for (int i = 1; i < 16384; i++)
		tg_buf_putc(&text, ',');
	tg_buf_puts(&text, "\n1,x,,,,,,,,,\n");
	tg_sheet sh;
	tg_diag *d;
	ck_assert(read_text(&sh, text.data, text.len, ',', TG_SHEET_UTF8, &d));
	ck_assert_uint_eq(sh.nrows, 2);
	ck_assert_uint_eq(sh.ncells, 4);
	ck_assert_uint_eq(sh.rows[1].row, 200003);
	ck_assert_uint_eq(sh.last_row, 200003);
	ck_assert_str_eq(CELL(sh, 2, 2), "x");
	tg_sheet_free(&sh);
	tg_diag_free(d);
	tg_buf_free(&text);
}
END_TEST

/* A spreadsheet's limits: 16,384 columns, 1,048,576 rows; what lies
 * beyond is an error and is not stored. */
START_TEST(columns_and_rows_are_capped)
{
	tg_buf text = TG_BUF_INIT;
	for (int i = 0; i < 20000; i++)
		tg_buf_puts(&text, "x,");
	tg_buf_puts(&text, "\nnext\n");
	tg_sheet sh;
	tg_diag *d;
	ck_assert(!read_text(&sh, text.data, text.len, ',', TG_SHEET_UTF8, &d));
	ck_assert_uint_eq(sh.rows[0].ncells, TG_SHEET_MAX_COLS);
	ck_assert_str_eq(CELL(sh, 2, 1), "next");
	char *m = messages(d);
	ck_assert_msg(strstr(m, "t.csv:1:16385: error: row 1 has more than 16384 columns (the limit of "
	    "a spreadsheet); the rest of the row is not read\n") == m, "%s", m);
	free(m);
	tg_sheet_free(&sh);
	tg_diag_free(d);
	tg_buf_clear(&text);
	for (unsigned i = 0; i < TG_SHEET_MAX_ROWS + 2; i++)
		tg_buf_puts(&text, "r\n");
	ck_assert(!read_text(&sh, text.data, text.len, ',', TG_SHEET_UTF8, &d));
	ck_assert_uint_eq(sh.nrows, TG_SHEET_MAX_ROWS);
	m = messages(d);
	ck_assert_msg(strstr(m, "t.csv:1048577:1: error: the sheet has more than 1048576 rows (the "
	    "limit of a spreadsheet); the rest is not read\n") == m, "%s", m);
	free(m);
	tg_sheet_free(&sh);
	tg_diag_free(d);
	tg_buf_free(&text);
}
END_TEST

/* 100,000 rows read in a blink (the import benchmark is bench/import/). */
START_TEST(many_rows)
{
	tg_buf text = TG_BUF_INIT;
	for (int i = 0; i < 100000; i++)
		tg_buf_printf(&text, "%d-%d,\"題目, %d\",○,,\"No.%d (LV1),\nNo.%d\"\r\n", i / 100, i % 100,
		    i, i, i + 1);
	tg_sheet sh;
	tg_diag *d;
	ck_assert(read_text(&sh, text.data, text.len, ',', TG_SHEET_AUTO, &d));
	ck_assert_uint_eq(sh.nrows, 100000);
	ck_assert_uint_eq(sh.ncells, 500000);
	ck_assert_str_eq(CELL(sh, 100000, 1), "999-99");
	ck_assert_str_eq(CELL(sh, 100000, 5), "No.99999 (LV1),\nNo.100000");
	tg_sheet_free(&sh);
	tg_diag_free(d);
	tg_buf_free(&text);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("sheet");
	TCase *tc = tcase_create("core");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, quoted_cells_and_row_numbers);
	tcase_add_test(tc, line_ends_and_file_ends);
	tcase_add_test(tc, tsv_quotes_tabs);
	tcase_add_test(tc, bom_and_cp932);
	tcase_add_test(tc, errors_are_positioned);
	tcase_add_test(tc, encoding_errors_are_capped);
	tcase_add_test(tc, excerpt_points_at_the_cell);
	tcase_add_test(tc, normalisation);
	tcase_add_test(tc, many_rows);
	tcase_add_test(tc, blank_rows_are_not_kept);
	tcase_add_test(tc, columns_and_rows_are_capped);
	suite_add_tcase(s, tc);
	return tu_run(s);
}
