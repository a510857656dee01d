/* XLSX reader, the cells: shared strings, then a worksheet's cells into
 * the rows of a tg_sheet (see xlsx.h for what a cell's text is). */
#include "xlsx_internal.h"

#include <stdlib.h>
#include <string.h>

#include "../../totsugo.h"
#include "../../util/utf8.h"

static const char empty[] = "";

static int
hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* Appends a string as a spreadsheet shows it: OOXML's _xHHHH_ escapes
 * decoded (how Excel stores control characters; _x005F_ is a literal
 * '_'), and CR or CRLF as LF, as in the CSV reader.  An escape that would
 * give NUL or a surrogate is kept as written. */
static void
put_string(tg_buf *out, const char *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		char c = s[i];
		if (c == '_' && i + 7 <= len && s[i + 1] == 'x' && s[i + 6] == '_') {
			int v = 0, k;
			for (k = 2; k < 6; k++) {
				int d = hex_digit(s[i + k]);
				if (d < 0)
					break;
				v = v * 16 + d;
			}
			if (k == 6 && v != 0 && (v < 0xD800 || v > 0xDFFF)) {
				if (v == '\r') {
					tg_buf_putc(out, '\n');
					i += 7;
					/* _x000D_ followed by a line feed is one break. */
					if (i < len && s[i] == '\n')
						i++;
					continue;
				}
				char u[4];
				tg_buf_put(out, u, tg_utf8_encode((uint32_t)v, u));
				i += 7;
				continue;
			}
		}
		if (c == '\r') {
			tg_buf_putc(out, '\n');
			i += i + 1 < len && s[i + 1] == '\n' ? 2 : 1;
			continue;
		}
		tg_buf_putc(out, c);
		i++;
	}
}

/* ---- shared strings ---- */

typedef struct sst_state {
	tg_xlsx *wb;
	unsigned in_si, in_t, in_rph;
	tg_buf raw;
} sst_state;

static void
sst_start(tg_xlsx_xml *x, const char *name, const char **attrs)
{
	sst_state *st = x->user;
	if (tg_xlsx_is_main(name, "si")) {
		if (st->in_si++ == 0)
			tg_buf_clear(&st->raw);
	} else if (st->in_si && tg_xlsx_is_main(name, "rPh")) {
		st->in_rph++;
	} else if (st->in_si && tg_xlsx_is_main(name, "t")) {
		st->in_t++;
	}
}

static void
sst_end(tg_xlsx_xml *x, const char *name)
{
	sst_state *st = x->user;
	tg_xlsx *wb = st->wb;
	if (tg_xlsx_is_main(name, "si") && st->in_si > 0) {
		if (--st->in_si > 0)
			return;
		size_t off = wb->sst_text.len;
		put_string(&wb->sst_text, st->raw.data ? st->raw.data : "", st->raw.len);
		size_t n = wb->sst_text.len - off;
		tg_buf_putc(&wb->sst_text, '\0');
		TG_BUF_PUSH(&wb->sst_index, size_t, off);
		TG_BUF_PUSH(&wb->sst_index, size_t, n);
	} else if (tg_xlsx_is_main(name, "rPh") && st->in_rph > 0) {
		st->in_rph--;
	} else if (tg_xlsx_is_main(name, "t") && st->in_t > 0) {
		st->in_t--;
	}
}

static void
sst_text(tg_xlsx_xml *x, const char *s, size_t len)
{
	sst_state *st = x->user;
	/* Phonetic runs (furigana) are not part of the text. */
	if (st->in_si && st->in_t && !st->in_rph)
		tg_buf_put(&st->raw, s, len);
}

static bool
load_sst(tg_xlsx *wb, tg_diag *diag)
{
	if (wb->sst_loaded)
		return wb->sst_ok;
	wb->sst_loaded = true;
	wb->sst_ok = true;
	/* A workbook whose relationships name a missing table: its cells that
	 * use one are reported, each at its cell. */
	if (wb->sst_part == NULL || tg_xlsx_locate(wb, wb->sst_part) < 0)
		return true;
	sst_state st = {wb, 0, 0, 0, TG_BUF_INIT};
	tg_xlsx_xml x = {0};
	x.start = sst_start;
	x.end = sst_end;
	x.text = sst_text;
	x.user = &st;
	wb->sst_ok = tg_xlsx_parse(wb, wb->sst_part, &x, diag);
	tg_buf_free(&st.raw);
	return wb->sst_ok;
}

/* ---- a worksheet ---- */

typedef struct cell_rec {
	unsigned row, col;
	size_t off, len;	/* in the text buffer */
	size_t seq;
} cell_rec;

typedef struct sheet_state {
	tg_xlsx *wb;
	const char *where;	/* "book.xlsx:Sheet", for cell positions */
	bool in_data;
	unsigned row, col;	/* the current row, the last column seen in it */
	bool row_ok;
	bool in_cell, cell_ok;
	unsigned crow, ccol;
	char type[16];
	unsigned in_v, in_is, in_t, in_rph;
	bool has_v, has_is;
	tg_buf v, is;
	tg_buf text;		/* cell values, each NUL-terminated */
	tg_buf recs;		/* cell_rec */
	tg_buf merges;		/* tg_sheet_merge */
} sheet_state;

/* "C7" → column 3, row 7; false when it is not a cell reference within
 * Excel's limits. */
static bool
parse_ref(const char *s, size_t len, unsigned *row, unsigned *col)
{
	size_t i = 0;
	unsigned long c = 0, r = 0;
	if (i < len && s[i] == '$')
		i++;
	size_t letters = i;
	while (i < len && ((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z')) && i - letters < 4) {
		c = c * 26 + (unsigned long)((s[i] | 0x20) - 'a' + 1);
		i++;
	}
	if (i == letters)
		return false;
	if (i < len && s[i] == '$')
		i++;
	size_t digits = i;
	while (i < len && s[i] >= '0' && s[i] <= '9' && i - digits < 8)
		r = r * 10 + (unsigned long)(s[i++] - '0');
	if (i == digits || i != len)
		return false;
	if (c < 1 || c > TG_XLSX_MAX_COLS || r < 1 || r > TG_XLSX_MAX_ROWS)
		return false;
	*row = (unsigned)r;
	*col = (unsigned)c;
	return true;
}

static bool
parse_uint(const char *s, unsigned long max, unsigned long *out)
{
	unsigned long v = 0;
	while (*s == ' ')
		s++;
	if (*s < '0' || *s > '9')
		return false;
	for (; *s >= '0' && *s <= '9'; s++) {
		v = v * 10 + (unsigned long)(*s - '0');
		if (v > max)
			return false;
	}
	while (*s == ' ')
		s++;
	*out = v;
	return *s == '\0';
}

static tg_pos
sheet_pos(const sheet_state *st, unsigned row, unsigned col)
{
	return tg_pos_at(st->where, row, col);
}

static void
sheet_start(tg_xlsx_xml *x, const char *name, const char **attrs)
{
	sheet_state *st = x->user;
	if (!st->in_data) {
		if (tg_xlsx_is_main(name, "sheetData")) {
			st->in_data = true;
		} else if (tg_xlsx_is_main(name, "mergeCell")) {
			const char *ref = tg_xlsx_attr(attrs, "ref", false);
			const char *colon = ref ? strchr(ref, ':') : NULL;
			tg_sheet_merge m;
			if (colon && parse_ref(ref, (size_t)(colon - ref), &m.row1, &m.col1) &&
			    parse_ref(colon + 1, strlen(colon + 1), &m.row2, &m.col2) &&
			    m.row1 <= m.row2 && m.col1 <= m.col2)
				TG_BUF_PUSH(&st->merges, tg_sheet_merge, m);
			else
				tg_xlsx_report(st->wb, x->diag, TG_WARNING, tg_pos_at(st->where, 0, 0),
				    "a merged range '%s' cannot be read; it is ignored (merges only "
				    "format cells)", ref ? ref : "");
		}
		return;
	}
	if (!st->in_cell) {
		if (tg_xlsx_is_main(name, "row")) {
			const char *r = tg_xlsx_attr(attrs, "r", false);
			unsigned long v = st->row + 1ul;
			st->row_ok = true;
			if (r != NULL && !parse_uint(r, TG_XLSX_MAX_ROWS, &v))
				v = 0;
			if (v < 1 || v > TG_XLSX_MAX_ROWS) {
				tg_xlsx_report(st->wb, x->diag, TG_ERROR, tg_pos_at(st->where, 0, 0),
				    "row number '%s' is not a row of a sheet (1 to %u); its cells are not read",
				    r ? r : "(after the last)", TG_XLSX_MAX_ROWS);
				st->row_ok = false;
				v = st->row;
			}
			st->row = (unsigned)v;
			st->col = 0;
		} else if (tg_xlsx_is_main(name, "c")) {
			const char *r = tg_xlsx_attr(attrs, "r", false);
			const char *t = tg_xlsx_attr(attrs, "t", false);
			st->in_cell = true;
			st->cell_ok = st->row_ok;
			st->has_v = st->has_is = false;
			tg_buf_clear(&st->v);
			tg_buf_clear(&st->is);
			snprintf(st->type, sizeof st->type, "%s", t ? t : "n");
			if (r != NULL) {
				if (!parse_ref(r, strlen(r), &st->crow, &st->ccol)) {
					tg_xlsx_report(st->wb, x->diag, TG_ERROR, tg_pos_at(st->where, 0, 0),
					    "cell reference '%s' is not a cell of a sheet (A1 to XFD%u); the "
					    "cell is not read", r, TG_XLSX_MAX_ROWS);
					st->cell_ok = false;
				}
			} else {
				st->crow = st->row ? st->row : 1;
				st->ccol = st->col + 1;
				if (st->ccol > TG_XLSX_MAX_COLS) {
					tg_xlsx_report(st->wb, x->diag, TG_ERROR, tg_pos_at(st->where, 0, 0),
					    "row %u has a cell after column XFD; it is not read", st->crow);
					st->cell_ok = false;
				}
			}
			if (st->cell_ok)
				st->col = st->ccol;
		}
		return;
	}
	if (tg_xlsx_is_main(name, "v")) {
		st->in_v++;
		st->has_v = true;
	} else if (tg_xlsx_is_main(name, "is")) {
		st->in_is++;
		st->has_is = true;
	} else if (st->in_is && tg_xlsx_is_main(name, "rPh")) {
		st->in_rph++;
	} else if (st->in_is && tg_xlsx_is_main(name, "t")) {
		st->in_t++;
	}
}

/* The value of the cell just closed, appended to st->text; false when the
 * cell has none (or a bad one, reported). */
static bool
cell_value(tg_xlsx_xml *x, sheet_state *st)
{
	const char *v = tg_buf_cstr(&st->v);
	const char *t = st->type;
	tg_buf *out = &st->text;
	if (strcmp(t, "s") == 0) {
		if (!st->has_v)
			return false;
		unsigned long k;
		size_t n = TG_BUF_COUNT(&st->wb->sst_index, size_t) / 2;
		if (!parse_uint(v, (unsigned long)-1 / 2, &k) || k >= n) {
			tg_xlsx_report(st->wb, x->diag, TG_ERROR, sheet_pos(st, st->crow, st->ccol),
			    "the cell names shared string '%s', which the workbook does not have "
			    "(it has %zu)", v, n);
			return false;
		}
		size_t off = TG_BUF_AT(&st->wb->sst_index, size_t, 2 * k);
		size_t len = TG_BUF_AT(&st->wb->sst_index, size_t, 2 * k + 1);
		tg_buf_put(out, st->wb->sst_text.data + off, len);
		return true;
	}
	if (strcmp(t, "inlineStr") == 0 || (!st->has_v && st->has_is)) {
		put_string(out, st->is.data ? st->is.data : "", st->is.len);
		return true;
	}
	if (!st->has_v)
		return false;
	if (strcmp(t, "b") == 0) {
		if (strcmp(v, "1") == 0 || strcmp(v, "true") == 0)
			tg_buf_puts(out, "TRUE");
		else if (strcmp(v, "0") == 0 || strcmp(v, "false") == 0)
			tg_buf_puts(out, "FALSE");
		else
			put_string(out, v, st->v.len);
		return true;
	}
	if (strcmp(t, "str") == 0 || strcmp(t, "e") == 0 || strcmp(t, "d") == 0) {
		put_string(out, v, st->v.len);
		return true;
	}
	/* A number as stored: the shortest text that reads back as the same
	 * double, which is what Excel writes ("0.1", "45383" for a date). */
	tg_buf_put(out, v, st->v.len);
	return true;
}

static void
sheet_end(tg_xlsx_xml *x, const char *name)
{
	sheet_state *st = x->user;
	if (!st->in_data)
		return;
	if (!st->in_cell) {
		if (tg_xlsx_is_main(name, "sheetData"))
			st->in_data = false;
		return;
	}
	if (tg_xlsx_is_main(name, "c")) {
		st->in_cell = false;
		st->in_v = st->in_is = st->in_t = st->in_rph = 0;
		if (!st->cell_ok)
			return;
		size_t off = st->text.len;
		if (!cell_value(x, st) || st->text.len == off) {
			tg_buf_truncate(&st->text, off);
			return;
		}
		cell_rec rec = {st->crow, st->ccol, off, st->text.len - off,
		    TG_BUF_COUNT(&st->recs, cell_rec)};
		tg_buf_putc(&st->text, '\0');
		TG_BUF_PUSH(&st->recs, cell_rec, rec);
	} else if (tg_xlsx_is_main(name, "v") && st->in_v > 0) {
		st->in_v--;
	} else if (tg_xlsx_is_main(name, "is") && st->in_is > 0) {
		st->in_is--;
	} else if (tg_xlsx_is_main(name, "rPh") && st->in_rph > 0) {
		st->in_rph--;
	} else if (tg_xlsx_is_main(name, "t") && st->in_t > 0) {
		st->in_t--;
	}
}

static void
sheet_text(tg_xlsx_xml *x, const char *s, size_t len)
{
	sheet_state *st = x->user;
	if (!st->in_cell)
		return;
	if (st->in_v)
		tg_buf_put(&st->v, s, len);
	else if (st->in_is && st->in_t && !st->in_rph)
		tg_buf_put(&st->is, s, len);
}

static int
compare_recs(const void *pa, const void *pb)
{
	const cell_rec *a = pa, *b = pb;
	if (a->row != b->row)
		return a->row < b->row ? -1 : 1;
	if (a->col != b->col)
		return a->col < b->col ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* Quoted for the tab-separated text that tg_diag quotes cells from. */
static void
put_quoted(tg_buf *out, const char *s, size_t len)
{
	if (len > 0 && strpbrk(s, "\t\n\r\"") == NULL) {
		tg_buf_put(out, s, len);
		return;
	}
	tg_buf_putc(out, '"');
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '"')
			tg_buf_putc(out, '"');
		tg_buf_putc(out, s[i]);
	}
	tg_buf_putc(out, '"');
}

/* Lays the cells out in rows (every row up to the last one with a value,
 * each as long as its last value) and registers their text with the diag. */
static bool
build(sheet_state *st, tg_sheet *sh, tg_diag *diag)
{
	size_t n = TG_BUF_COUNT(&st->recs, cell_rec);
	cell_rec *recs = (cell_rec *)(void *)st->recs.data;
	bool ok = true;
	if (n > 1)
		qsort(recs, n, sizeof *recs, compare_recs);
	/* A cell written twice: which value is right cannot be known. */
	size_t w = 0;
	for (size_t i = 0; i < n; i++) {
		if (w > 0 && recs[w - 1].row == recs[i].row && recs[w - 1].col == recs[i].col) {
			tg_xlsx_report(st->wb, diag, TG_ERROR, sheet_pos(st, recs[i].row, recs[i].col),
			    "the sheet's XML holds this cell twice, with different values; the workbook "
			    "is damaged (open it in Excel and save it again)");
			ok = false;
			continue;
		}
		recs[w++] = recs[i];
	}
	n = w;
	unsigned nrows = n ? recs[n - 1].row : 0;
	size_t grid = 0;
	for (size_t i = 0; i < n; i++)
		if (i + 1 == n || recs[i + 1].row != recs[i].row)
			grid += recs[i].col;
	if (grid > TG_XLSX_MAX_GRID) {
		tg_xlsx_report(st->wb, diag, TG_ERROR, tg_pos_at(st->where, 0, 0),
		    "the sheet's rows, laid out up to their last cell, hold %zu cells, over the limit "
		    "of %u (is there content far to the right of the table?)", grid, TG_XLSX_MAX_GRID);
		tg_diag_add_cell_source(diag, st->where, "", 0);
		return false;
	}
	sh->text = tg_buf_detach(&st->text);
	if (sh->text == NULL)
		sh->text = tg_xcalloc(1, 1);
	sh->rows = tg_xcalloc(nrows ? nrows : 1, sizeof *sh->rows);
	sh->cells = tg_xcalloc(grid ? grid : 1, sizeof *sh->cells);
	sh->nrows = nrows;
	sh->ncells = grid;
	size_t i = 0, base = 0;
	for (unsigned r = 1; r <= nrows; r++) {
		tg_sheet_row *row = &sh->rows[r - 1];
		row->row = r;
		row->cells = sh->cells + base;
		size_t j = i;
		while (j < n && recs[j].row == r)
			j++;
		row->ncells = j > i ? recs[j - 1].col : 0;
		for (unsigned c = 0; c < row->ncells; c++) {
			row->cells[c].text = empty;
			row->cells[c].len = 0;
		}
		for (size_t k = i; k < j; k++) {
			row->cells[recs[k].col - 1].text = sh->text + recs[k].off;
			row->cells[recs[k].col - 1].len = recs[k].len;
		}
		base += row->ncells;
		i = j;
	}
	sh->nmerges = TG_BUF_COUNT(&st->merges, tg_sheet_merge);
	sh->merges = (tg_sheet_merge *)(void *)tg_buf_detach(&st->merges);

	tg_buf tsv = TG_BUF_INIT;
	for (size_t r = 0; r < sh->nrows; r++) {
		for (unsigned c = 0; c < sh->rows[r].ncells; c++) {
			if (c > 0)
				tg_buf_putc(&tsv, '\t');
			put_quoted(&tsv, sh->rows[r].cells[c].text, sh->rows[r].cells[c].len);
		}
		tg_buf_putc(&tsv, '\n');
	}
	tg_diag_add_cell_source(diag, st->where, tsv.data ? tsv.data : "", tsv.len);
	tg_buf_free(&tsv);
	return ok;
}

int
tg_xlsx_read(tg_xlsx *wb, size_t i, tg_sheet *sh, tg_diag *diag)
{
	memset(sh, 0, sizeof *sh);
	const tg_xlsx_sheet *s = &TG_BUF_AT(&wb->sheets, tg_xlsx_sheet, i);
	size_t dl = strlen(wb->display), nl = strlen(s->name);
	sh->owned = tg_xmalloc(dl + 1 + nl + 1);
	memcpy(sh->owned, wb->display, dl);
	sh->owned[dl] = ':';
	memcpy(sh->owned + dl + 1, s->name, nl + 1);
	sh->file = sh->owned;
	sh->sheet_name = sh->owned + dl + 1;
	sh->sep = '\t';
	sh->encoding = TG_ENC_UTF8;
	size_t errors = wb->errors;
	int rc = TG_EXIT_INVALID;
	sheet_state st;
	memset(&st, 0, sizeof st);
	st.wb = wb;
	st.where = sh->file;
	if (!s->worksheet || s->part == NULL) {
		tg_xlsx_report(wb, diag, TG_ERROR, tg_pos_at(sh->file, 0, 0), "%s",
		    s->part == NULL ? "the sheet's part is missing from the workbook" :
		    "this is a chart sheet or another sheet without cells");
		goto out;
	}
	if (!load_sst(wb, diag))
		goto out;
	tg_xlsx_xml x = {0};
	x.start = sheet_start;
	x.end = sheet_end;
	x.text = sheet_text;
	x.user = &st;
	if (!tg_xlsx_parse(wb, s->part, &x, diag))
		goto out;
	build(&st, sh, diag);
	if (wb->errors == errors)
		rc = TG_EXIT_OK;
out:
	tg_xlsx_flush_suppressed(wb, diag);
	tg_buf_free(&st.v);
	tg_buf_free(&st.is);
	tg_buf_free(&st.text);
	tg_buf_free(&st.recs);
	tg_buf_free(&st.merges);
	if (sh->rows == NULL) {
		/* Nothing laid out: an empty sheet keeps its name for messages. */
		sh->text = tg_xcalloc(1, 1);
	}
	return rc;
}
