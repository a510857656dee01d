/* The review workbook (libxlsxwriter): sheet 突合レビュー with pull-downs
 * (data validation) on the columns a reviewer edits and the key column
 * hidden, the instructions (記入方法), the lists the id pull-downs take their
 * values from, and a hidden sheet naming the crosswalk and its fingerprint.
 * Cells are strings (never formulas), 強度 a number.  Deterministic: the
 * document date is the source catalog's, libxlsxwriter's zip dates fixed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <xlsxwriter.h>

#include "../../review/review.h"
#include "../../util/utf8.h"

#define FONT "游ゴシック"
#define LINE_HEIGHT 15.0
#define MAX_ROW_HEIGHT 409.0
/* The instructions' column, in characters (an A4 page wide). */
#define HELP_WIDTH 86
/* Excel's longest cell text. */
#define MAX_CELL_CHARS 32767

typedef struct writer {
	const tg_rv_sheet *s;
	lxw_workbook *wb;
	lxw_format *header, *edit, *read, *number, *text, *title;
	tg_diag *diag;
	const char *path;
	bool failed;
	tg_buf tmp;
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

static void
put(writer *w, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *s, lxw_format *f,
    bool editable)
{
	if (s == NULL || *s == '\0') {
		worksheet_write_blank(ws, row, col, f);
		return;
	}
	tg_buf_clear(&w->tmp);
	escape_ooxml(&w->tmp, s);
	const char *v = w->tmp.data;
	if (tg_utf8_count(v, w->tmp.len) > MAX_CELL_CHARS) {
		if (editable) {
			/* Cut, it would come back cut: refuse. */
			char cell[16];
			snprintf(cell, sizeof cell, "%c%u", 'A' + (int)col, (unsigned)row + 1);
			tg_diag_error(w->diag, tg_pos_at(NULL, 0, 0), "cell %s of %s is longer than the "
			    "%d characters a cell of Excel holds: the crosswalk cannot be reviewed in Excel",
			    cell, TG_RV_SHEET, MAX_CELL_CHARS);
			w->failed = true;
			return;
		}
		static const char more[] = "…（以下省略）";
		size_t keep = tg_utf8_offset(v, w->tmp.len, MAX_CELL_CHARS - 8);
		tg_buf_truncate(&w->tmp, keep);
		tg_buf_puts(&w->tmp, more);
		v = w->tmp.data;
	}
	lxw_error err = worksheet_write_string(ws, row, col, v, f);
	if (err != LXW_NO_ERROR) {
		tg_diag_error(w->diag, tg_pos_at(NULL, 0, 0), "cannot write %s: %s", w->path,
		    lxw_strerror(err));
		w->failed = true;
	}
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

static lxw_format *
base_format(lxw_workbook *wb)
{
	lxw_format *f = workbook_add_format(wb);
	format_set_font_name(f, FONT);
	format_set_font_size(f, 10);
	format_set_text_wrap(f);
	format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
	format_set_border(f, LXW_BORDER_THIN);
	format_set_border_color(f, 0xB7BEC8);
	return f;
}

static void
list_validation(lxw_worksheet *ws, lxw_row_t last, lxw_col_t col, const char *const *labels,
    size_t n, const char *title, const char *message)
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
	worksheet_data_validation_range(ws, 1, col, last, col, &dv);
}

static void
range_validation(lxw_worksheet *ws, lxw_row_t last, lxw_col_t col, const char *sheet, size_t n,
    const char *title, const char *message)
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
	worksheet_data_validation_range(ws, 1, col, last, col, &dv);
}

static void
review_sheet(writer *w)
{
	const tg_rv_sheet *s = w->s;
	lxw_worksheet *ws = workbook_add_worksheet(w->wb, TG_RV_SHEET);
	for (lxw_col_t c = 0; c < TG_RV_NCOLS; c++) {
		lxw_row_col_options hide = {1, 0, 0};
		worksheet_set_column_opt(ws, c, c, widths[c], NULL, c == TG_RV_KEY ? &hide : NULL);
	}
	worksheet_set_row(ws, 0, 2 * LINE_HEIGHT, NULL);
	for (lxw_col_t c = 0; c < TG_RV_NCOLS; c++)
		put(w, ws, 0, c, tg_rv_headers[c], w->header, false);
	for (size_t r = 0; r < s->nrows; r++) {
		const tg_rv_row *row = &s->rows[r];
		lxw_row_t xr = (lxw_row_t)(r + 1);
		size_t lines = 1;
		for (lxw_col_t c = 0; c < TG_RV_NCOLS; c++) {
			if (c == TG_RV_KEY)
				continue;
			size_t l = wrapped_lines(row->cells[c], widths[c]);
			if (l > lines)
				lines = l;
		}
		double h = (double)lines * LINE_HEIGHT;
		worksheet_set_row(ws, xr, h > MAX_ROW_HEIGHT ? MAX_ROW_HEIGHT : h, NULL);
		for (lxw_col_t c = 0; c < TG_RV_NCOLS; c++) {
			bool ed = tg_rv_editable(c);
			lxw_format *f = ed ? w->edit : w->read;
			if (c == TG_RV_STRENGTH) {
				if (row->strength >= 0)
					worksheet_write_number(ws, xr, c, row->strength, w->number);
				else
					worksheet_write_blank(ws, xr, c, w->number);
				continue;
			}
			put(w, ws, xr, c, row->cells[c], f, ed);
		}
	}
	lxw_row_t last = (lxw_row_t)(s->nrows + TG_RV_SPARE_ROWS);
	range_validation(ws, last, TG_RV_SRC_ID, TG_RV_SOURCE_LIST, s->nsource_items, "業界項目ID",
	    "業界項目のID。新しい対応を足すときは一覧から選ぶ。既存の行では変えない。");
	range_validation(ws, last, TG_RV_TGT_ID, TG_RV_TARGET_LIST, s->ntarget_items, "対応先ID",
	    "対応先の項目のID。既存の行では変えない（対応をやめるときは空にする）。");
	list_validation(ws, last, TG_RV_REL, tg_rv_rel_labels, TG_REL_COUNT, "関係",
	    "業界項目から見た対応先との関係。");
	lxw_data_validation dv;
	memset(&dv, 0, sizeof dv);
	dv.validate = LXW_VALIDATION_TYPE_INTEGER;
	dv.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
	dv.minimum_number = 0;
	dv.maximum_number = 10;
	dv.input_title = (char *)"強度";
	dv.input_message = (char *)"対応先が業界項目をどこまで満たすか（0〜10の整数）。";
	dv.error_title = (char *)"強度";
	dv.error_message = (char *)"0から10までの整数を入れてください。";
	worksheet_data_validation_range(ws, 1, TG_RV_STRENGTH, last, TG_RV_STRENGTH, &dv);
	list_validation(ws, last, TG_RV_RATIONALE, tg_rv_rationale_labels, 4, "根拠",
	    "文言（同じ書き方）、意味（同じ内容）、効果（同じ結果）。");
	list_validation(ws, last, TG_RV_STATUS, tg_rv_status_labels, 3, "状態",
	    "確認した対応は「確認済み」。対応先のない項目は「対応なし」。");
	list_validation(ws, last, TG_RV_ACTION, tg_rv_action_labels, 4, "反映案",
	    "業界版サンプル規程への反映（項目の最初の行に書く）。");
	range_validation(ws, last, TG_RV_CLAUSE, TG_RV_TARGET_LIST, s->ntarget_items, "反映先",
	    "反映案を入れる条項のID（追加・修正のとき）。");
	worksheet_freeze_panes(ws, 1, TG_RV_SRC_TITLE + 1);
	worksheet_autofilter(ws, 0, 0, (lxw_row_t)s->nrows, TG_RV_NCOLS - 1);
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
	put(w, ws, (*row)++, 0, text, f, false);
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
	help_line(w, ws, &row, b.data, w->title);
	tg_buf_clear(&b);
	tg_buf_printf(&b, "業界ガイドライン「%s」の項目と、対応先「%s」の項目との対応（突合表）を確認し、"
	    "直すためのシートです。シート「%s」の1行が1つの対応（業界項目 → 対応先の項目）です。"
	    "対応先のない業界項目は、対応先IDが空の行になっています。",
	    s->source->title ? s->source->title : s->source->id,
	    s->target->title ? s->target->title : s->target->id, TG_RV_SHEET);
	help_line(w, ws, &row, b.data, w->text);
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
		"強度：対応先が業界項目をどこまで満たすか。0（満たさない）〜10（完全に満たす）の整数。",
		"根拠：文言（同じ書き方）／意味（同じ内容）／効果（同じ結果になる）。",
		"状態：提案（未確認）／確認済み／対応なし。totsugo suggest が作った対応は全て「提案」です。",
		"備考：その対応についての補足。",
		"反映案：業界版サンプル規程への反映。追加（条項を足す）／修正（条項に書き足す）／なし（変えない）。項目ごとに最初の行だけに書きます。追加・修正では「反映先」（対応先ID）と「反映案の文案」が必要です。",
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
		    strncmp(lines[i], "【", strlen("【")) == 0 ? w->title : w->text);
	tg_buf_clear(&b);
	tg_buf_printf(&b, "totsugo review apply このファイル.xlsx（対象の突合表：%s）", s->xw->id);
	help_line(w, ws, &row, b.data, w->text);
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
	put(w, ws, 0, 0, "ID", w->header, false);
	put(w, ws, 0, 1, "番号", w->header, false);
	put(w, ws, 0, 2, "項目", w->header, false);
	for (size_t i = 0; i < n; i++) {
		lxw_row_t r = (lxw_row_t)(i + 1);
		put(w, ws, r, 0, items[i]->id, w->read, false);
		put(w, ws, r, 1, items[i]->ref, w->read, false);
		tg_buf b = TG_BUF_INIT;
		for (unsigned d = 0; d < items[i]->depth; d++)
			tg_buf_puts(&b, "　");
		tg_buf_puts(&b, items[i]->title ? items[i]->title : "不明");
		put(w, ws, r, 2, b.data, w->read, false);
		tg_buf_free(&b);
	}
	worksheet_freeze_panes(ws, 1, 0);
	worksheet_autofilter(ws, 0, 0, (lxw_row_t)n, 2);
	lxw_protection prot;
	memset(&prot, 0, sizeof prot);
	prot.autofilter = 1;
	prot.sort = 0;
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
		put(w, ws, (lxw_row_t)i, 0, keys[i], NULL, false);
		put(w, ws, (lxw_row_t)i, 1, values[i], NULL, false);
	}
	worksheet_hide(ws);
	worksheet_protect(ws, NULL, NULL);
}

/* Days since 1970-01-01 of a civil date (proleptic Gregorian). */
static long
days_from_civil(long y, long m, long d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

int
tg_rv_render_xlsx(const tg_rv_sheet *s, const char *path, tg_diag *diag)
{
	lxw_workbook_options opts = {.constant_memory = LXW_FALSE, .tmpdir = NULL,
	    .use_zip64 = LXW_FALSE};
	writer w;
	memset(&w, 0, sizeof w);
	w.s = s;
	w.diag = diag;
	w.path = path;
	w.wb = workbook_new_opt(path, &opts);
	if (w.wb == NULL) {
		tg_diag_error(diag, tg_pos_at(NULL, 0, 0), "cannot create the workbook %s", path);
		return TG_EXIT_IO;
	}
	lxw_doc_properties props;
	memset(&props, 0, sizeof props);
	props.title = (char *)(s->xw->title ? s->xw->title : s->xw->id);
	props.subject = (char *)"突合表のレビュー";
	props.author = (char *)"totsugo";
	int y = 2000, m = 1, d = 1;
	if (s->date != NULL)
		sscanf(s->date, "%d-%d-%d", &y, &m, &d);
	props.created = (time_t)days_from_civil(y, m, d) * 86400;
	workbook_set_properties(w.wb, &props);
	w.header = base_format(w.wb);
	format_set_bold(w.header);
	format_set_bg_color(w.header, 0xDCE6F1);
	format_set_align(w.header, LXW_ALIGN_VERTICAL_CENTER);
	w.edit = base_format(w.wb);
	w.read = base_format(w.wb);
	format_set_bg_color(w.read, 0xF2F2F2);
	w.number = base_format(w.wb);
	format_set_align(w.number, LXW_ALIGN_CENTER);
	w.text = workbook_add_format(w.wb);
	format_set_font_name(w.text, FONT);
	format_set_font_size(w.text, 10);
	format_set_text_wrap(w.text);
	format_set_align(w.text, LXW_ALIGN_VERTICAL_TOP);
	w.title = workbook_add_format(w.wb);
	format_set_font_name(w.title, FONT);
	format_set_font_size(w.title, 11);
	format_set_bold(w.title);

	review_sheet(&w);
	help_sheet(&w);
	list_sheet(&w, TG_RV_SOURCE_LIST, s->source_items, s->nsource_items);
	list_sheet(&w, TG_RV_TARGET_LIST, s->target_items, s->ntarget_items);
	meta_sheet(&w);
	lxw_error err = workbook_close(w.wb);
	tg_buf_free(&w.tmp);
	if (err != LXW_NO_ERROR) {
		tg_diag_error(diag, tg_pos_at(NULL, 0, 0), "cannot write %s: %s", path, lxw_strerror(err));
		return TG_EXIT_IO;
	}
	return w.failed ? TG_EXIT_INVALID : TG_EXIT_OK;
}
