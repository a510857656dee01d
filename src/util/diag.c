#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "utf8.h"

typedef struct message {
	tg_severity sev;
	tg_pos pos;
	char *file;	/* own copy: positions may outlive their data set */
	char *text;
	size_t seq;
} message;

typedef struct source {
	char *file;
	char *text;
	size_t len;
	char sep;	/* spreadsheet cell separator, or 0 for a text file */
	bool cells;	/* a workbook sheet: positions are cell names (C7) */
	size_t *rows;	/* spreadsheet: start offset of each row, built on first use */
	size_t nrows;
} source;

struct tg_diag {
	tg_buf messages;	/* message */
	tg_buf sources;		/* source */
	size_t errors, warnings, seq;
};

tg_diag *
tg_diag_new(void)
{
	return tg_xcalloc(1, sizeof(tg_diag));
}

static void
forget_messages(tg_diag *d)
{
	for (size_t i = 0; i < TG_BUF_COUNT(&d->messages, message); i++) {
		free(TG_BUF_AT(&d->messages, message, i).file);
		free(TG_BUF_AT(&d->messages, message, i).text);
	}
	tg_buf_clear(&d->messages);
}

void
tg_diag_free(tg_diag *d)
{
	if (d == NULL)
		return;
	forget_messages(d);
	tg_buf_free(&d->messages);
	for (size_t i = 0; i < TG_BUF_COUNT(&d->sources, source); i++) {
		free(TG_BUF_AT(&d->sources, source, i).file);
		free(TG_BUF_AT(&d->sources, source, i).text);
		free(TG_BUF_AT(&d->sources, source, i).rows);
	}
	tg_buf_free(&d->sources);
	free(d);
}

void
tg_diag_add_source(tg_diag *d, const char *file, const char *text, size_t len)
{
	source s = {tg_xstrdup(file), tg_xstrndup(text, len), len, 0, false, NULL, 0};
	TG_BUF_PUSH(&d->sources, source, s);
}

void
tg_diag_add_sheet_source(tg_diag *d, const char *file, const char *text, size_t len, char sep)
{
	source s = {tg_xstrdup(file), tg_xstrndup(text, len), len, sep, false, NULL, 0};
	TG_BUF_PUSH(&d->sources, source, s);
}

void
tg_diag_add_cell_source(tg_diag *d, const char *file, const char *text, size_t len)
{
	source s = {tg_xstrdup(file), tg_xstrndup(text, len), len, '\t', true, NULL, 0};
	TG_BUF_PUSH(&d->sources, source, s);
}

tg_pos
tg_pos_at(const char *file, unsigned line, unsigned col)
{
	tg_pos p = {file, line, col, 0};
	return p;
}

void
tg_diag_report(tg_diag *d, tg_severity sev, tg_pos pos, const char *fmt, ...)
{
	tg_buf b = TG_BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	tg_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	message m = {sev, pos, pos.file ? tg_xstrdup(pos.file) : NULL,
	    tg_buf_detach(&b), d->seq++};
	m.pos.file = m.file;
	TG_BUF_PUSH(&d->messages, message, m);
	if (sev == TG_ERROR)
		d->errors++;
	else if (sev == TG_WARNING)
		d->warnings++;
}

/* Record: severity, line, column, span (one byte, then three unsigned),
 * the file ("" for none) and the text, each NUL-terminated. */
void
tg_diag_export(const tg_diag *d, tg_buf *out)
{
	for (size_t i = 0; i < TG_BUF_COUNT(&d->messages, message); i++) {
		const message *m = &TG_BUF_AT(&d->messages, message, i);
		unsigned char sev = (unsigned char)m->sev;
		unsigned nums[3] = {m->pos.line, m->pos.col, m->pos.span};
		tg_buf_put(out, &sev, 1);
		tg_buf_put(out, nums, sizeof nums);
		const char *file = m->file ? m->file : "";
		tg_buf_put(out, file, strlen(file) + 1);
		tg_buf_put(out, m->text, strlen(m->text) + 1);
	}
}

bool
tg_diag_import(tg_diag *d, const char *data, size_t len)
{
	const char *p = data, *end = data + len;
	while (p < end) {
		unsigned nums[3];
		if ((size_t)(end - p) < 1 + sizeof nums)
			return false;
		unsigned char sev = (unsigned char)*p++;
		memcpy(nums, p, sizeof nums);
		p += sizeof nums;
		const char *file = p;
		const char *nul = memchr(p, '\0', (size_t)(end - p));
		if (nul == NULL || sev > TG_NOTE)
			return false;
		const char *text = nul + 1;
		nul = memchr(text, '\0', (size_t)(end - text));
		if (nul == NULL)
			return false;
		p = nul + 1;
		tg_pos pos = {*file ? file : NULL, nums[0], nums[1], nums[2]};
		tg_diag_report(d, (tg_severity)sev, pos, "%s", text);
	}
	return true;
}

size_t
tg_diag_errors(const tg_diag *d)
{
	return d->errors;
}

size_t
tg_diag_warnings(const tg_diag *d)
{
	return d->warnings;
}

static int
compare_messages(const void *pa, const void *pb)
{
	const message *a = pa, *b = pb;
	/* Messages without a file come first, then by file, line, column. */
	if ((a->file == NULL) != (b->file == NULL))
		return a->file == NULL ? -1 : 1;
	if (a->file != NULL) {
		int c = strcmp(a->file, b->file);
		if (c != 0)
			return c;
	}
	if (a->pos.line != b->pos.line)
		return a->pos.line < b->pos.line ? -1 : 1;
	if (a->pos.col != b->pos.col)
		return a->pos.col < b->pos.col ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static source *
find_source(const tg_diag *d, const char *file)
{
	for (size_t i = TG_BUF_COUNT(&d->sources, source); i-- > 0;)
		if (strcmp(TG_BUF_AT(&d->sources, source, i).file, file) == 0)
			return &TG_BUF_AT(&d->sources, source, i);
	return NULL;
}

/* Prints one line of text with the gutter number, then a caret at byte
 * offset lead, padded with the display width of what precedes it (tabs
 * kept), and `span` characters underlined. */
static void
print_line(FILE *out, unsigned number, const char *p, size_t linelen, size_t lead, unsigned span)
{
	char gutter[16];
	int gw = snprintf(gutter, sizeof gutter, "%u", number);
	fprintf(out, " %s | ", gutter);
	/* Replace invalid bytes so the terminal shows something sane. */
	for (size_t i = 0; i < linelen;) {
		size_t n;
		uint32_t cp = tg_utf8_decode(p + i, linelen - i, &n);
		if (cp == 0xFFFD && n == 1 && (unsigned char)p[i] >= 0x80)
			fputs("\\x", out), fprintf(out, "%02X", (unsigned char)p[i]);
		else
			fwrite(p + i, 1, n, out);
		i += n;
	}
	fprintf(out, "\n %*s | ", gw, "");
	for (size_t i = 0; i < lead;) {
		size_t n;
		uint32_t cp = tg_utf8_decode(p + i, lead - i, &n);
		if (cp == '\t')
			fputc('\t', out);
		else if (cp == 0xFFFD && n == 1 && (unsigned char)p[i] >= 0x80)
			fputs("    ", out);
		else
			for (int w = tg_utf8_cp_width(cp); w > 0; w--)
				fputc(' ', out);
		i += n;
	}
	fputc('^', out);
	if (span > 1 && lead < linelen) {
		size_t upto = lead + tg_utf8_offset(p + lead, linelen - lead, span);
		size_t w = tg_utf8_width(p + lead, upto - lead);
		for (size_t i = 1; i < w; i++)
			fputc('~', out);
	}
	fputc('\n', out);
}

/* Longer lines are quoted in part: this many characters, the caret's
 * EXCERPT_BEFORE characters after the start of the part. */
#define EXCERPT_MAX 160
#define EXCERPT_BEFORE 60

/* Quotes line `line` of the source and puts a caret under column `col`. */
static void
print_excerpt(FILE *out, const source *src, const tg_pos *pos)
{
	const char *p = src->text, *end = src->text + src->len;
	for (unsigned l = 1; l < pos->line && p < end; l++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			return;
		p = nl + 1;
	}
	const char *eol = memchr(p, '\n', (size_t)(end - p));
	if (eol == NULL)
		eol = end;
	if (eol > p && eol[-1] == '\r')
		eol--;
	size_t linelen = (size_t)(eol - p);
	size_t col = pos->col > 0 ? pos->col - 1 : 0;
	size_t lead = tg_utf8_offset(p, linelen, col);
	if (tg_utf8_count(p, linelen) <= EXCERPT_MAX) {
		print_line(out, pos->line, p, linelen, lead, pos->span);
		return;
	}
	/* A long line (minified JSON, a whole paragraph): a window around
	 * the caret, cut marks where it was cut. */
	size_t from = col > EXCERPT_BEFORE ? tg_utf8_offset(p, linelen, col - EXCERPT_BEFORE) : 0;
	size_t to = lead + tg_utf8_offset(p + lead, linelen - lead, EXCERPT_MAX - EXCERPT_BEFORE);
	tg_buf win = TG_BUF_INIT;
	if (from > 0)
		tg_buf_puts(&win, "…");
	size_t shift = win.len;
	tg_buf_put(&win, p + from, to - from);
	if (to < linelen)
		tg_buf_puts(&win, "…");
	print_line(out, pos->line, win.data, win.len, lead - from + shift, pos->span);
	tg_buf_free(&win);
}

/* Spreadsheet text: the offset just past the cell starting at i, and
 * whether a row ends there.  Same rules as load/sheet/sheet.c: a cell is quoted
 * when it starts with '"'; rows end at LF, CRLF or a lone CR outside quotes. */
static size_t
sheet_skip_cell(const char *s, size_t len, size_t i, char sep, bool *row_end)
{
	bool quoted = i < len && s[i] == '"';
	if (quoted) {
		for (i++; i < len; i++) {
			if (s[i] != '"')
				continue;
			if (i + 1 < len && s[i + 1] == '"')
				i++;
			else
				break;
		}
		if (i < len)
			i++;
	}
	for (; i < len; i++) {
		if (s[i] == sep) {
			*row_end = false;
			return i + 1;
		}
		if (s[i] == '\n' || s[i] == '\r') {
			*row_end = true;
			return i + (s[i] == '\r' && i + 1 < len && s[i + 1] == '\n' ? 2 : 1);
		}
	}
	*row_end = true;
	return len;
}

/* Offset of the cell at pos in a spreadsheet source, or (size_t)-1 when the
 * row or the cell is not written; *start: where its row starts. */
static size_t
sheet_find_cell(source *src, const tg_pos *pos, size_t *start)
{
	const char *s = src->text;
	size_t len = src->len;
	if (src->rows == NULL) {
		tg_buf rows = TG_BUF_INIT;
		size_t i = 0;
		TG_BUF_PUSH(&rows, size_t, 0);
		while (i < len) {
			bool row_end;
			i = sheet_skip_cell(s, len, i, src->sep, &row_end);
			if (row_end && i < len)
				TG_BUF_PUSH(&rows, size_t, i);
		}
		src->nrows = TG_BUF_COUNT(&rows, size_t);
		src->rows = (size_t *)(void *)tg_buf_detach(&rows);
	}
	if (pos->line > src->nrows)
		return (size_t)-1;
	size_t cell = *start = src->rows[pos->line - 1];
	for (unsigned c = 1; c < pos->col; c++) {
		bool row_end;
		size_t next = sheet_skip_cell(s, len, cell, src->sep, &row_end);
		if (row_end)
			return (size_t)-1;	/* a ragged row: the cell is not written */
		cell = next;
	}
	return cell;
}

static void
print_sheet_excerpt(FILE *out, source *src, const tg_pos *pos)
{
	const char *s = src->text;
	size_t len = src->len, start;
	size_t cell = sheet_find_cell(src, pos, &start);
	if (cell == (size_t)-1)
		return;
	/* The physical line holding the cell's start (a quoted cell before it
	 * may have spanned several lines). */
	size_t bol = cell;
	while (bol > start && s[bol - 1] != '\n' && s[bol - 1] != '\r')
		bol--;
	size_t eol = cell;
	while (eol < len && s[eol] != '\n' && s[eol] != '\r')
		eol++;
	print_line(out, pos->line, s + bol, eol - bol, cell - bol, pos->span);
}

/* "C7" (column letters, row number). */
static void
print_cell_name(FILE *out, unsigned row, unsigned col)
{
	char letters[8];
	size_t n = 0;
	for (unsigned c = col; c > 0 && n < sizeof letters; c = (c - 1) / 26)
		letters[n++] = (char)('A' + (c - 1) % 26);
	while (n > 0)
		fputc(letters[--n], out);
	fprintf(out, "%u", row);
}

/* A workbook cell: its text (up to its first line break), the cell name in
 * the gutter, the caret under its first character. */
static void
print_cell_excerpt(FILE *out, source *src, const tg_pos *pos)
{
	size_t start;
	size_t cell = sheet_find_cell(src, pos, &start);
	if (cell == (size_t)-1 || pos->col == 0)
		return;
	bool row_end;
	size_t end = sheet_skip_cell(src->text, src->len, cell, src->sep, &row_end);
	tg_buf text = TG_BUF_INIT;
	const char *s = src->text;
	if (cell < end && s[cell] == '"') {
		for (size_t i = cell + 1; i < end; i++) {
			if (s[i] == '"' && i + 1 < end && s[i + 1] == '"')
				i++;
			else if (s[i] == '"')
				break;
			tg_buf_putc(&text, s[i]);
		}
	} else {
		while (end > cell && (s[end - 1] == '\t' || s[end - 1] == '\n'))
			end--;
		tg_buf_put(&text, s + cell, end - cell);
	}
	const char *t = tg_buf_cstr(&text);
	size_t n = strcspn(t, "\n");
	if (n > 0) {
		fputc(' ', out);
		print_cell_name(out, pos->line, pos->col);
		fprintf(out, " | %.*s%s\n", (int)n, t, t[n] ? " …" : "");
	}
	tg_buf_free(&text);
}

void
tg_diag_print(tg_diag *d, FILE *out)
{
	size_t n = TG_BUF_COUNT(&d->messages, message);
	message *ms = (message *)(void *)d->messages.data;
	if (n > 1)
		qsort(ms, n, sizeof *ms, compare_messages);
	static const char *const label[] = {"error", "warning", "note"};
	for (size_t i = 0; i < n; i++) {
		const message *m = &ms[i];
		source *src = m->file && m->pos.line > 0 ? find_source(d, m->file) : NULL;
		if (src != NULL && src->cells) {
			fprintf(out, "%s!", m->file);
			if (m->pos.col > 0)
				print_cell_name(out, m->pos.line, m->pos.col);
			else
				fprintf(out, "%u:%u", m->pos.line, m->pos.line);
			fputs(": ", out);
		} else if (m->file != NULL && m->pos.line > 0)
			fprintf(out, "%s:%u:%u: ", m->file, m->pos.line, m->pos.col);
		else if (m->file != NULL)
			fprintf(out, "%s: ", m->file);
		else
			fputs("totsugo: ", out);
		fprintf(out, "%s: %s\n", label[m->sev], m->text);
		if (src != NULL && src->cells)
			print_cell_excerpt(out, src, &m->pos);
		else if (src != NULL && src->sep != 0)
			print_sheet_excerpt(out, src, &m->pos);
		else if (src != NULL)
			print_excerpt(out, src, &m->pos);
	}
	forget_messages(d);
	d->errors = d->warnings = 0;
}
