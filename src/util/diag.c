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
	}
	tg_buf_free(&d->sources);
	free(d);
}

void
tg_diag_add_source(tg_diag *d, const char *file, const char *text, size_t len)
{
	source s = {tg_xstrdup(file), tg_xstrndup(text, len), len};
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

static const source *
find_source(const tg_diag *d, const char *file)
{
	for (size_t i = TG_BUF_COUNT(&d->sources, source); i-- > 0;)
		if (strcmp(TG_BUF_AT(&d->sources, source, i).file, file) == 0)
			return &TG_BUF_AT(&d->sources, source, i);
	return NULL;
}

/* Quotes line `line` of the source and puts a caret under column `col`,
 * padding with the display width of what precedes it (tabs kept). */
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
	size_t lead = tg_utf8_offset(p, linelen, pos->col > 0 ? pos->col - 1 : 0);
	char gutter[16];
	int gw = snprintf(gutter, sizeof gutter, "%u", pos->line);
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
	if (pos->span > 1 && lead < linelen) {
		size_t upto = tg_utf8_offset(p, linelen, pos->col - 1 + pos->span);
		size_t w = tg_utf8_width(p + lead, upto - lead);
		for (size_t i = 1; i < w; i++)
			fputc('~', out);
	}
	fputc('\n', out);
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
		if (m->file != NULL && m->pos.line > 0)
			fprintf(out, "%s:%u:%u: ", m->file, m->pos.line, m->pos.col);
		else if (m->file != NULL)
			fprintf(out, "%s: ", m->file);
		else
			fputs("totsugo: ", out);
		fprintf(out, "%s: %s\n", label[m->sev], m->text);
		const source *src = m->file && m->pos.line > 0 ? find_source(d, m->file) : NULL;
		if (src != NULL)
			print_excerpt(out, src, &m->pos);
	}
	forget_messages(d);
	d->errors = d->warnings = 0;
}
