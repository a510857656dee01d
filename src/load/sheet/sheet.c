/* Spreadsheet reader: decoding, then one in-place pass that splits the text
 * into rows and cells (unquoting only ever shortens a cell, so each cell is
 * rewritten over its own bytes and NUL-terminated where its separator was). */
#include "sheet.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "../../totsugo.h"
#include "../../util/fs.h"
#include "../../util/utf8.h"

/* A byte that could not be decoded: where its U+FFFD stands in the text. */
typedef struct bad_byte {
	size_t off;
	unsigned char byte;
} bad_byte;

static const char replacement[] = "\xEF\xBF\xBD";

/* Cells with undecodable bytes reported one by one; the rest are counted. */
#define MAX_BYTE_ERRORS 10

static void
mark_bad(tg_buf *text, tg_buf *bad, unsigned char byte)
{
	bad_byte b = {text->len, byte};
	TG_BUF_PUSH(bad, bad_byte, b);
	tg_buf_put(text, replacement, 3);
}

/* UTF-8: copies valid runs, replacing invalid bytes and NULs (a NUL would
 * cut a cell short). */
static void
decode_utf8(const char *in, size_t len, tg_buf *text, tg_buf *bad)
{
	size_t i = 0;
	while (i < len) {
		size_t valid = i + tg_utf8_check(in + i, len - i);
		const char *nul = memchr(in + i, '\0', valid - i);
		size_t stop = nul != NULL ? (size_t)(nul - in) : valid;
		tg_buf_put(text, in + i, stop - i);
		if (stop == len)
			break;
		mark_bad(text, bad, (unsigned char)in[stop]);
		i = stop + 1;
	}
}

/* CP932 through iconv, resuming after each byte it cannot convert.  A 0x00
 * byte is always a NUL in CP932 (trail bytes are 0x40 and above). */
static void
decode_cp932(const char *in, size_t len, tg_buf *text, tg_buf *bad)
{
	size_t i = 0;
	while (i < len) {
		const char *nul = memchr(in + i, '\0', len - i);
		size_t end = nul != NULL ? (size_t)(nul - in) : len;
		while (i < end) {
			size_t at;
			if (tg_enc_cp932_to_utf8(in + i, end - i, text, &at))
				break;
			mark_bad(text, bad, (unsigned char)in[i + at]);
			i += at + 1;
		}
		if (end == len)
			break;
		mark_bad(text, bad, 0);
		i = end + 1;
	}
}

static const char *
enc_label(tg_encoding e)
{
	return e == TG_ENC_CP932 ? "cp932" : "UTF-8";
}

bool
tg_sheet_read(tg_sheet *sh, const char *file, const char *bytes, size_t len, char sep,
    tg_sheet_encoding enc, tg_diag *diag)
{
	memset(sh, 0, sizeof *sh);
	sh->file = file;
	sh->sep = sep;
	size_t errors = tg_diag_errors(diag);
	tg_buf text = TG_BUF_INIT, bad = TG_BUF_INIT, rows = TG_BUF_INIT, cells = TG_BUF_INIT;
	tg_buf firsts = TG_BUF_INIT;	/* size_t: each row's first cell (cells moves as it grows) */
	bool detected = enc == TG_SHEET_AUTO;

	if (enc == TG_SHEET_AUTO)
		sh->encoding = tg_enc_detect(bytes, len);
	else
		sh->encoding = enc == TG_SHEET_CP932 ? TG_ENC_CP932 : TG_ENC_UTF8;
	if (sh->encoding != TG_ENC_CP932 && len >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0) {
		sh->encoding = TG_ENC_UTF8_BOM;
		bytes += 3;
		len -= 3;
	}
	tg_buf_reserve(&text, len + len / 2 + 1);
	if (sh->encoding == TG_ENC_CP932)
		decode_cp932(bytes, len, &text, &bad);
	else
		decode_utf8(bytes, len, &text, &bad);
	tg_buf_cstr(&text);
	tg_diag_add_sheet_source(diag, file, text.data, text.len, sep);

	char *s = text.data;
	size_t n = text.len, r = 0, w = 0;
	const bad_byte *bads = (const bad_byte *)(void *)bad.data;
	size_t nbad = TG_BUF_COUNT(&bad, bad_byte), k = 0;
	unsigned row = 0;
	size_t nreported = 0;
	bool open_quote = false;
	while (r < n && !open_quote) {
		tg_sheet_row rw = {++row, 0, NULL};
		size_t first = TG_BUF_COUNT(&cells, tg_sheet_cell);
		bool row_end = false;
		while (!row_end) {
			unsigned col = rw.ncells + 1;
			size_t start_r = r, start_w = w;
			if (r < n && s[r] == '"') {
				r++;
				for (;;) {
					if (r >= n) {
						tg_diag_error(diag, tg_pos_at(file, row, col),
						    "unterminated quoted cell: the quote that opens it is never "
						    "closed (the rest of the file would be this one cell)");
						open_quote = true;
						break;
					}
					char c = s[r];
					if (c == '"') {
						if (r + 1 < n && s[r + 1] == '"') {
							s[w++] = '"';
							r += 2;
							continue;
						}
						r++;
						break;
					}
					if (c == '\r') {
						/* CRLF (or a lone CR) inside a cell is one line break. */
						if (r + 1 < n && s[r + 1] == '\n')
							r++;
						c = '\n';
					}
					s[w++] = c;
					r++;
				}
			}
			/* Unquoted text, or what follows a closing quote (kept as
			 * written, as spreadsheets do). */
			while (r < n && s[r] != sep && s[r] != '\n' && s[r] != '\r')
				s[w++] = s[r++];
			if (r >= n) {
				row_end = true;
			} else if (s[r] == sep) {
				r++;
			} else {
				row_end = true;
				r += s[r] == '\r' && r + 1 < n && s[r + 1] == '\n' ? 2 : 1;
			}
			tg_sheet_cell cell = {s + start_w, w - start_w};
			s[w++] = '\0';
			TG_BUF_PUSH(&cells, tg_sheet_cell, cell);
			rw.ncells++;
			bool reported = false;
			for (; k < nbad && bads[k].off < r; k++) {
				if (reported || bads[k].off < start_r)
					continue;
				reported = true;
				/* A file in another encoding has bad bytes in every cell:
				 * the first few say it all. */
				if (++nreported > MAX_BYTE_ERRORS)
					continue;
				if (bads[k].byte == 0)
					tg_diag_error(diag, tg_pos_at(file, row, col), "NUL byte in the cell");
				else
					tg_diag_error(diag, tg_pos_at(file, row, col),
					    "byte 0x%02X is not valid %s%s", bads[k].byte,
					    enc_label(sh->encoding),
					    detected ? " (the encoding was detected: the file is not "
					    "UTF-8, so it was read as cp932; set 'encoding' in the spec "
					    "if that is wrong)" : "");
			}
			if (open_quote)
				break;
		}
		TG_BUF_PUSH(&rows, tg_sheet_row, rw);
		TG_BUF_PUSH(&firsts, size_t, first);
	}

	if (nreported > MAX_BYTE_ERRORS)
		tg_diag_error(diag, tg_pos_at(file, 0, 0),
		    "%zu more cells have bytes that are not valid %s (is sheet.encoding right?)",
		    nreported - MAX_BYTE_ERRORS, enc_label(sh->encoding));
	sh->text = tg_buf_detach(&text);
	sh->len = n;
	sh->ncells = TG_BUF_COUNT(&cells, tg_sheet_cell);
	sh->cells = (tg_sheet_cell *)(void *)tg_buf_detach(&cells);
	sh->nrows = TG_BUF_COUNT(&rows, tg_sheet_row);
	sh->rows = (tg_sheet_row *)(void *)tg_buf_detach(&rows);
	for (size_t i = 0; i < sh->nrows; i++)
		sh->rows[i].cells = sh->cells + TG_BUF_AT(&firsts, size_t, i);
	tg_buf_free(&firsts);
	tg_buf_free(&bad);
	return tg_diag_errors(diag) == errors;
}

int
tg_sheet_read_file(tg_sheet *sh, const char *path, const char *display, char sep,
    tg_sheet_encoding enc, tg_diag *diag)
{
	tg_buf bytes = TG_BUF_INIT;
	int rc = TG_EXIT_OK;
	if (display == NULL)
		display = path;
	memset(sh, 0, sizeof *sh);
	tg_fs_status st = tg_fs_read(path, TG_SHEET_MAX_INPUT, &bytes);
	if (st == TG_FS_TOO_BIG) {
		tg_diag_error(diag, tg_pos_at(display, 0, 0), "file is larger than the %u MiB limit",
		    TG_SHEET_MAX_INPUT / (1024u * 1024u));
		rc = TG_EXIT_INVALID;
		goto out;
	}
	if (st != TG_FS_OK) {
		tg_diag_error(diag, tg_pos_at(display, 0, 0), "cannot read: %s", strerror(errno));
		rc = TG_EXIT_IO;
		goto out;
	}
	if (!tg_sheet_read(sh, display, bytes.data ? bytes.data : "", bytes.len, sep, enc, diag))
		rc = TG_EXIT_INVALID;
out:
	tg_buf_free(&bytes);
	return rc;
}

void
tg_sheet_free(tg_sheet *sh)
{
	free(sh->text);
	free(sh->rows);
	free(sh->cells);
	free(sh->merges);
	free(sh->owned);
	memset(sh, 0, sizeof *sh);
}

const char *
tg_sheet_cell_text(const tg_sheet_row *r, unsigned col)
{
	return col >= 1 && col <= r->ncells ? r->cells[col - 1].text : "";
}

/* Length of the white space character at s, or 0. */
static size_t
space_at(const char *s)
{
	unsigned char c = (unsigned char)s[0];
	if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f')
		return 1;
	if (c == 0xE3 && (unsigned char)s[1] == 0x80 && (unsigned char)s[2] == 0x80)
		return 3;	/* U+3000 */
	if (c == 0xC2 && (unsigned char)s[1] == 0xA0)
		return 2;	/* U+00A0 */
	return 0;
}

bool
tg_sheet_blank(const char *s)
{
	while (*s) {
		size_t n = space_at(s);
		if (n == 0)
			return false;
		s += n;
	}
	return true;
}

bool
tg_sheet_row_blank(const tg_sheet_row *r)
{
	for (unsigned i = 0; i < r->ncells; i++)
		if (!tg_sheet_blank(r->cells[i].text))
			return false;
	return true;
}

void
tg_sheet_fold(const char *s, size_t len, tg_buf *out)
{
	tg_buf_reserve(out, len);
	size_t i = 0;
	while (i < len) {
		/* ASCII runs are copied as they are. */
		size_t run = i;
		while (run < len && (unsigned char)s[run] < 0x80)
			run++;
		if (run > i) {
			tg_buf_put(out, s + i, run - i);
			i = run;
			continue;
		}
		size_t n;
		uint32_t cp = tg_utf8_decode(s + i, len - i, &n);
		if (cp >= 0xFF01 && cp <= 0xFF5E)
			tg_buf_putc(out, (int)(cp - 0xFEE0));
		else if (cp == 0x3000 || cp == 0x00A0)
			tg_buf_putc(out, ' ');
		else if ((cp >= 0x2010 && cp <= 0x2013) || cp == 0x2212 || cp == 0xFE63)
			tg_buf_putc(out, '-');
		else
			tg_buf_put(out, s + i, n);
		i += n;
	}
	tg_buf_cstr(out);
}

void
tg_sheet_normalize(const char *s, tg_buf *out)
{
	size_t base = out->len;
	tg_sheet_fold(s, strlen(s), out);
	/* Folding turned every white space into ASCII: trim that. */
	size_t b = base, e = out->len;
	while (b < e && (out->data[b] == ' ' || (out->data[b] >= '\t' && out->data[b] <= '\r')))
		b++;
	while (e > b && (out->data[e - 1] == ' ' || (out->data[e - 1] >= '\t' && out->data[e - 1] <= '\r')))
		e--;
	memmove(out->data + base, out->data + b, e - b);
	tg_buf_truncate(out, base + (e - b));
}

void
tg_sheet_header_key(const char *s, tg_buf *out)
{
	size_t base = out->len;
	tg_sheet_fold(s, strlen(s), out);
	size_t w = base;
	for (size_t i = base; i < out->len; i++)
		if (out->data[i] != ' ' && !(out->data[i] >= '\t' && out->data[i] <= '\r'))
			out->data[w++] = out->data[i];
	tg_buf_truncate(out, w);
}
