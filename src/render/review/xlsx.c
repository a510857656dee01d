/* The review workbook, through the shared XLSX writer (render/xlsx.h: the
 * formats, checked writes, formula guard, document date): sheet 突合レビュー with pull-downs
 * (data validation) on the columns a reviewer edits and the key column
 * hidden, the instructions (記入方法), the lists the id pull-downs take their
 * values from, and a hidden sheet naming the crosswalk and its fingerprint.
 * Cells are strings (never formulas), 強度 a number.  Deterministic: the
 * document date is the source catalog's, libxlsxwriter's zip dates fixed.
 * The key column and the lists are what apply reads back. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "../print.h"
#include "../xlsx.h"
#include "../../review/review.h"
#include "../../util/text.h"
#include "../../util/utf8.h"

#define LINE_HEIGHT 15.0
/* The instructions' column, in characters (an A4 page wide). */
#define HELP_WIDTH 86
/* The shaded cells a reviewer reads but does not edit, in the font of the
 * shared writer's cells (render/xlsx.c does not export its name). */
#define READ_FILL 0xF2F2F2
#define READ_FONT "ＭＳ Ｐゴシック"

typedef struct writer {
	const tg_rv_sheet *s;
	tg_xlsx *x;		/* the shared writer (render/xlsx.h) */
	lxw_workbook *wb;
	const tg_xlsx_formats *f;
	lxw_format *read, *strength;
	tg_diag *diag;
	const char *name;	/* the destination, for messages */
	bool failed;
	tg_buf tmp, row;
} writer;

/* Column widths, in characters. */
static const double widths[TG_RV_NCOLS] = {
	12, 10, 8, 22, 40, 12, 24, 40, 12, 6, 8, 10, 30, 8, 12, 40, 24, 24,
};

/* OOXML reads "_x000D_" in a string as a carriage return; a text that holds
 * such a sequence literally has its '_' escaped as "_x005F_" (what Excel
 * writes), so that the text reads back as it was. */
static void
escape_ooxml(tg_buf *out, const char *s)
{
	for (; *s; s++) {
		if (s[0] == '_' && s[1] == 'x' && s[2] && s[3] && s[4] && s[5] && s[6] == '_') {
			bool hex = true;
			for (int k = 2; k < 6; k++)
				hex &= (s[k] >= '0' && s[k] <= '9') || (s[k] >= 'a' && s[k] <= 'f') ||
				    (s[k] >= 'A' && s[k] <= 'F');
			if (hex) {
				tg_buf_puts(out, "_x005F");
				continue;
			}
		}
		tg_buf_putc(out, *s);
	}
	tg_buf_cstr(out);
}

static size_t
utf16_units(const char *s)
{
	size_t units = 0, len = strlen(s);
	for (size_t i = 0; i < len;) {
		size_t n;
		units += tg_utf8_decode(s + i, len - i, &n) >= 0x10000 ? 2 : 1;
		i += n;
	}
	return units;
}

/* A cell through the shared writer (checked; a text Excel would take for a
 * formula when edited gets its apostrophe, which apply takes off again).
 * An editable cell over Excel's limit is refused: cut, it would come back
 * cut; a cell shown for reading is cut with the writer's visible mark. */
static void
put(writer *w, lxw_worksheet *ws, const char *sheet, lxw_row_t row, lxw_col_t col,
    const char *s, lxw_format *fmt, bool editable, const char *row_name)
{
	if (s == NULL || *s == '\0') {
		tg_xlsx_ok(w->x, worksheet_write_blank(ws, row, col, fmt), sheet);
		return;
	}
	tg_buf_clear(&w->tmp);
	escape_ooxml(&w->tmp, s);
	if (editable && utf16_units(w->tmp.data) + 1 > TG_XLSX_CELL_MAX) {
		char ref[16];
		lxw_rowcol_to_cell(ref, row, col);
		tg_buf where = TG_BUF_INIT;
		tg_buf_printf(&where, "%s:%s!%s", w->name, sheet, ref);
		tg_diag_error(w->diag, tg_pos_at(where.data, 0, 0), "%s%s%s holds more than the %d "
		    "characters of an Excel cell: the crosswalk cannot be reviewed in Excel",
		    row_name ? row_name : "", row_name ? ", " : "", tg_rv_headers[col], TG_XLSX_CELL_MAX);
		tg_buf_free(&where);
		w->failed = true;
		return;
	}
	if (!tg_xlsx_string(w->x, ws, sheet, row, col, w->tmp.data, fmt, row_name,
	    sheet == NULL ? NULL : col < TG_RV_NCOLS ? tg_rv_headers[col] : NULL))
		w->failed = true;
}

/* Lines a text takes when wrapped at `width` display columns. */
static size_t
wrapped_lines(const char *s, double width)
{
	size_t lines = 0;
	for (;;) {
		const char *nl = strchr(s, '\n');
		size_t len = nl ? (size_t)(nl - s) : strlen(s);
		lines += (size_t)((double)tg_utf8_width(s, len) / (width - 1.0)) + 1;
		if (nl == NULL)
			break;
		s = nl + 1;
	}
	return lines;
}

static void
validate(writer *w, lxw_worksheet *ws, lxw_row_t last, lxw_col_t col, lxw_data_validation *dv)
{
	if (!tg_xlsx_ok(w->x, worksheet_data_validation_range(ws, 1, col, last, col, dv),
	    "a pull-down list of " TG_RV_SHEET))
		w->failed = true;
}

static void
list_validation(writer *w, lxw_worksheet *ws, lxw_row_t last, lxw_col_t col,
    const char *const *labels, size_t n, const char *title, const char *message)
{
	const char *list[8];
	size_t k = 0;
	for (size_t i = 0; i < n && k < 7; i++)
		if (labels[i][0] != '\0')
			list[k++] = labels[i];
	list[k] = NULL;
	lxw_data_validation dv;
	memset(&dv, 0, sizeof dv);
	dv.validate = LXW_VALIDATION_TYPE_LIST;
	dv.value_list = (char **)list;
	dv.input_title = (char *)title;
	dv.input_message = (char *)message;
	dv.error_title = (char *)title;
	dv.error_message = (char *)"一覧から選んでください。";
	validate(w, ws, last, col, &dv);
}

static void
range_validation(writer *w, lxw_worksheet *ws, lxw_row_t last, lxw_col_t col, const char *sheet,
    size_t n, const char *title, const char *message)
{
	char formula[128];
	snprintf(formula, sizeof formula, "='%s'!$A$2:$A$%zu", sheet, n + 1);
	lxw_data_validation dv;
	memset(&dv, 0, sizeof dv);
	dv.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
	dv.value_formula = formula;
	dv.input_title = (char *)title;
	dv.input_message = (char *)message;
	dv.error_title = (char *)title;
	dv.error_message = (char *)"一覧のシートにあるIDを選んでください。";
	validate(w, ws, last, col, &dv);
}

/* "2.1 → app5/3.1.1": what a row is, in messages. */
static const char *
row_name(writer *w, const tg_rv_row *row)
{
	tg_buf_clear(&w->row);
	tg_buf_printf(&w->row, "%s %s%s%s", tg_rv_headers[TG_RV_SRC_ID], row->cells[TG_RV_SRC_ID],
	    *row->cells[TG_RV_TGT_ID] ? " → " : "", row->cells[TG_RV_TGT_ID]);
	return tg_buf_cstr(&w->row);
}

static void
review_sheet(writer *w)
{
	const tg_rv_sheet *s = w->s;
	const char *sheet = TG_RV_SHEET;
	lxw_worksheet *ws = workbook_add_worksheet(w->wb, sheet);
	for (lxw_col_t c = 0; c < TG_RV_NCOLS; c++) {
		lxw_row_col_options hide = {1, 0, 0};
		tg_xlsx_ok(w->x, worksheet_set_column_opt(ws, c, c, widths[c], NULL,
		    c == TG_RV_KEY ? &hide : NULL), sheet);
	}
	worksheet_set_row(ws, 0, 2 * LINE_HEIGHT, NULL);
	for (lxw_col_t c = 0; c < TG_RV_NCOLS; c++)
		put(w, ws, sheet, 0, c, tg_rv_headers[c], w->f->header, false, NULL);
	const char *cells[TG_RV_NCOLS];
	for (size_t r = 0; r < s->nrows; r++) {
		const tg_rv_row *row = &s->rows[r];
		lxw_row_t xr = (lxw_row_t)(r + 1);
		/* The shared writer's estimate, so that Excel and LibreOffice keep
		 * every line in view (the hidden key does not count). */
		for (int c = 0; c < TG_RV_NCOLS; c++)
			cells[c] = c == TG_RV_KEY ? "" : row->cells[c];
		worksheet_set_row(ws, xr, tg_print_row_height(cells, TG_RV_NCOLS, widths), NULL);
		const char *name = row_name(w, row);
		for (lxw_col_t c = 0; c < TG_RV_NCOLS; c++) {
			bool ed = tg_rv_editable(c);
			if (c == TG_RV_STRENGTH) {
				lxw_error err = row->strength >= 0 ?
				    worksheet_write_number(ws, xr, c, row->strength, w->strength) :
				    worksheet_write_blank(ws, xr, c, w->strength);
				if (!tg_xlsx_ok(w->x, err, sheet))
					w->failed = true;
				continue;
			}
			put(w, ws, sheet, xr, c, row->cells[c], ed ? w->f->cell : w->read, ed, name);
		}
	}
	lxw_row_t last = (lxw_row_t)(s->nrows + TG_RV_SPARE_ROWS);
	range_validation(w, ws, last, TG_RV_SRC_ID, TG_RV_SOURCE_LIST, s->nsource_items, "業界項目ID",
	    "業界項目のID。新しい対応を足すときは一覧から選ぶ。既存の行では変えない。");
	range_validation(w, ws, last, TG_RV_TGT_ID, TG_RV_TARGET_LIST, s->ntarget_items, "対応先ID",
	    "対応先の項目のID。既存の行では変えない（対応をやめるときは空にする）。");
	list_validation(w, ws, last, TG_RV_REL, tg_rv_rel_labels, TG_REL_COUNT, "関係",
	    "業界項目から見た対応先との関係。");
	lxw_data_validation dv;
	memset(&dv, 0, sizeof dv);
	dv.validate = LXW_VALIDATION_TYPE_INTEGER;
	dv.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
	dv.minimum_number = 0;
	dv.maximum_number = 10;
	dv.input_title = (char *)"強度";
	dv.input_message = (char *)"対応先が業界項目をどこまで満たすか（0〜10の整数）。"
	    "同等・IPAに包含は8以上、一部重複は8以下。";
	dv.error_title = (char *)"強度";
	dv.error_message = (char *)"0から10までの整数を入れてください。";
	validate(w, ws, last, TG_RV_STRENGTH, &dv);
	list_validation(w, ws, last, TG_RV_RATIONALE, tg_rv_rationale_labels, 4, "根拠",
	    "文言（同じ書き方）、意味（同じ内容）、効果（同じ結果）。");
	list_validation(w, ws, last, TG_RV_STATUS, tg_rv_status_labels, 3, "状態",
	    "確認した対応は「確認済み」。対応先のない項目は「対応なし」。");
	list_validation(w, ws, last, TG_RV_ACTION, tg_rv_action_labels, 4, "反映案",
	    "業界版サンプル規程への反映（項目の最初の行に書く）。");
	range_validation(w, ws, last, TG_RV_CLAUSE, TG_RV_TARGET_LIST, s->ntarget_items, "反映先",
	    "反映案を入れる条項のID（追加・修正のとき）。");
	worksheet_freeze_panes(ws, 1, TG_RV_SRC_TITLE + 1);
	tg_xlsx_ok(w->x, worksheet_autofilter(ws, 0, 0, (lxw_row_t)s->nrows, TG_RV_NCOLS - 1), sheet);
	worksheet_set_landscape(ws);
	worksheet_set_paper(ws, 8);	/* A3 */
	worksheet_set_margins(ws, 0.4, 0.4, 0.6, 0.6);
	worksheet_repeat_rows(ws, 0, 0);
	worksheet_fit_to_pages(ws, 1, 0);
	tg_buf_clear(&w->tmp);
	tg_buf_printf(&w->tmp, "&L%s&R&P / &N", s->xw->title ? s->xw->title : s->xw->id);
	worksheet_set_header(ws, w->tmp.data);
	worksheet_activate(ws);
}

static void
help_line(writer *w, lxw_worksheet *ws, lxw_row_t *row, const char *text, lxw_format *f)
{
	size_t lines = wrapped_lines(text, HELP_WIDTH);
	worksheet_set_row(ws, *row, (double)lines * LINE_HEIGHT + 3, NULL);
	put(w, ws, TG_RV_HELP_SHEET, (*row)++, 0, text, f, false, NULL);
}

static void
help_sheet(writer *w)
{
	const tg_rv_sheet *s = w->s;
	lxw_worksheet *ws = workbook_add_worksheet(w->wb, TG_RV_HELP_SHEET);
	worksheet_set_column(ws, 0, 0, HELP_WIDTH, NULL);
	worksheet_set_paper(ws, 9);	/* A4 */
	worksheet_fit_to_pages(ws, 1, 0);
	lxw_row_t row = 0;
	tg_buf b = TG_BUF_INIT;
	tg_buf_printf(&b, "突合表のレビュー：%s", s->xw->title ? s->xw->title : s->xw->id);
	help_line(w, ws, &row, b.data, w->f->title);
	tg_buf_clear(&b);
	tg_buf_puts(&b, "業界ガイドライン");
	tg_text_quote(&b, s->source->title ? s->source->title : s->source->id);
	tg_buf_puts(&b, "の項目と、対応先");
	tg_text_quote(&b, s->target->title ? s->target->title : s->target->id);
	tg_buf_printf(&b, "の項目との対応（突合表）を確認し、"
	    "直すためのシートです。シート「%s」の1行が1つの対応（業界項目 → 対応先の項目）です。"
	    "対応先のない業界項目は、対応先IDが空の行になっています。", TG_RV_SHEET);
	help_line(w, ws, &row, b.data, w->f->note);
	static const char *const lines[] = {
		"【確認のしかた】",
		"1. 業界項目の内容と対応先の内容（抜粋）を読み、原文とも照らして、対応が正しいかを判断します。",
		"2. 正しい対応は「状態」を「確認済み」にし、「関係」「強度」「根拠」を選びます（確認済みには強度と根拠が必要です）。",
		"3. 誤った対応は、その行を削除するか、「対応先ID」を空にします。",
		"4. 足りない対応は、表の下の空いた行（または挿入した行）に「業界項目ID」と「対応先ID」を一覧から選び、関係・状態などを書きます。",
		"5. 対応先が見つからない業界項目は、対応先IDを空のまま「状態」を「対応なし」にします。",
		"",
		"【列の意味】",
		"関係：業界項目から見た対応先との関係。同等（同じ要求）／IPAに包含（対応先が業界項目を全て含む）／業界側が広い（業界項目の方が多くを求める）／一部重複（重なる部分がある）／関係なし（調べた結果、関係がない）。",
		"強度：対応先が業界項目をどこまで満たすか。0（満たさない）〜10（完全に満たす）の整数。同等とIPAに包含は8以上、一部重複は8以下、関係なしは0が目安です（外れると取り込み時に注意が出ます）。",
		"根拠：文言（同じ書き方）／意味（同じ内容）／効果（同じ結果になる）。",
		"状態：提案（未確認）／確認済み／対応なし。totsugo suggest が作った対応は全て「提案」です。",
		"備考：その対応についての補足。",
		"反映案：業界版サンプル規程への反映。追加（条項を足す）／修正（条項に書き足す）／なし（変えない）。項目ごとに最初の行だけに書きます。追加・修正では「反映先」（対応先ID）と「反映案の文案」が必要です。",
		"反映案の備考：反映案についての補足（理由など）。反映案と同じ行に書きます。",
		"項目の備考：業界項目ごとの補足（項目の最初の行に書きます）。",
		"灰色の列（番号、業界項目、内容、対応先の項目、対応先の内容）は参照用で、変えても取り込まれません。",
		"",
		"【してはいけないこと】",
		"・既存の行の「業界項目ID」「対応先ID」を別のIDに書き換えること（エラーになります）。別の対応にするときは、行を足して古い行を消します。",
		"・非表示のA列（キー）を変えること。行をコピーして足すのは構いません。",
		"・シート名や1行目の見出しを変えること。",
		"",
		"【取り込み】",
		"記入後、このファイルを保存して次のコマンドで取り込みます。誤りがあれば「シート名!セル」の形で全て表示され、何も書き換えられません。",
	};
	for (size_t i = 0; i < sizeof lines / sizeof *lines; i++)
		help_line(w, ws, &row, lines[i],
		    strncmp(lines[i], "【", strlen("【")) == 0 ? w->f->title : w->f->note);
	tg_buf_clear(&b);
	tg_buf_printf(&b, "totsugo review apply このファイル.xlsx（対象の突合表：%s）", s->xw->id);
	help_line(w, ws, &row, b.data, w->f->note);
	tg_buf_free(&b);
	worksheet_protect(ws, NULL, NULL);
}

static void
list_sheet(writer *w, const char *name, const tg_item *const *items, size_t n)
{
	lxw_worksheet *ws = workbook_add_worksheet(w->wb, name);
	worksheet_set_column(ws, 0, 0, 16, NULL);
	worksheet_set_column(ws, 1, 1, 12, NULL);
	worksheet_set_column(ws, 2, 2, 60, NULL);
	put(w, ws, name, 0, 0, "ID", w->f->header, false, NULL);
	put(w, ws, name, 0, 1, "番号", w->f->header, false, NULL);
	put(w, ws, name, 0, 2, "項目", w->f->header, false, NULL);
	tg_buf b = TG_BUF_INIT;
	for (size_t i = 0; i < n; i++) {
		lxw_row_t r = (lxw_row_t)(i + 1);
		put(w, ws, name, r, 0, items[i]->id, w->read, false, items[i]->id);
		put(w, ws, name, r, 1, items[i]->ref, w->read, false, items[i]->id);
		tg_buf_clear(&b);
		for (unsigned d = 0; d < items[i]->depth; d++)
			tg_buf_puts(&b, "　");
		tg_buf_puts(&b, items[i]->title ? items[i]->title : "不明");
		put(w, ws, name, r, 2, b.data, w->read, false, items[i]->id);
	}
	tg_buf_free(&b);
	worksheet_freeze_panes(ws, 1, 0);
	tg_xlsx_ok(w->x, worksheet_autofilter(ws, 0, 0, (lxw_row_t)n, 2), name);
	lxw_protection prot;
	memset(&prot, 0, sizeof prot);
	prot.autofilter = 1;
	worksheet_protect(ws, NULL, &prot);
}

static void
meta_sheet(writer *w)
{
	const tg_rv_sheet *s = w->s;
	lxw_worksheet *ws = workbook_add_worksheet(w->wb, TG_RV_META_SHEET);
	static const char *const keys[] = {"format", "crosswalk", "source", "target", "fingerprint"};
	const char *values[] = {"totsugo-review-1", s->xw->id, s->source->id, s->target->id,
	    s->fingerprint};
	for (size_t i = 0; i < 5; i++) {
		put(w, ws, TG_RV_META_SHEET, (lxw_row_t)i, 0, keys[i], NULL, false, NULL);
		put(w, ws, TG_RV_META_SHEET, (lxw_row_t)i, 1, values[i], NULL, false, NULL);
	}
	worksheet_hide(ws);
	worksheet_protect(ws, NULL, NULL);
}

int
tg_rv_render_xlsx(const tg_rv_sheet *s, const char *path, const char *name, tg_diag *diag)
{
	writer w;
	memset(&w, 0, sizeof w);
	w.s = s;
	w.diag = diag;
	w.name = name;
	tg_pdoc doc;
	memset(&doc, 0, sizeof doc);
	doc.title = s->xw->title ? s->xw->title : s->xw->id;
	doc.subject = "突合表のレビュー";
	doc.date = s->date;
	w.x = tg_xlsx_new(path, name, &doc, diag);
	if (w.x == NULL)
		return TG_EXIT_IO;
	w.wb = tg_xlsx_workbook(w.x);
	w.f = tg_xlsx_formats_of(w.x);
	/* Shaded like the shared cell format, so that what is only read shows. */
	w.read = workbook_add_format(w.wb);
	format_set_font_name(w.read, READ_FONT);
	format_set_font_size(w.read, TG_PRINT_BODY_PT);
	format_set_text_wrap(w.read);
	format_set_align(w.read, LXW_ALIGN_VERTICAL_TOP);
	format_set_border(w.read, LXW_BORDER_THIN);
	format_set_bg_color(w.read, READ_FILL);
	w.strength = w.f->center;

	review_sheet(&w);
	help_sheet(&w);
	list_sheet(&w, TG_RV_SOURCE_LIST, s->source_items, s->nsource_items);
	list_sheet(&w, TG_RV_TARGET_LIST, s->target_items, s->ntarget_items);
	meta_sheet(&w);
	int rc = tg_xlsx_close(w.x);
	tg_buf_free(&w.tmp);
	tg_buf_free(&w.row);
	if (rc != TG_EXIT_OK)
		return rc;
	return w.failed ? TG_EXIT_INVALID : TG_EXIT_OK;
}
