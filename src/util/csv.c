#include "csv.h"

#include <stdarg.h>
#include <string.h>

void
tg_csv_init(tg_csv *c, tg_buf *out, char sep, bool neutralize)
{
	c->out = out;
	c->sep = sep;
	c->neutralize = neutralize;
	c->col = 0;
}

bool
tg_sheet_is_risky(const char *s)
{
	return s != NULL && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' ||
	    s[0] == '\t' || s[0] == '\r');
}

void
tg_csv_field(tg_csv *c, const char *s)
{
	if (c->col++ > 0)
		tg_buf_putc(c->out, c->sep);
	if (s == NULL)
		s = "";
	bool guard = c->neutralize && tg_sheet_is_risky(s);
	bool quote = guard || strpbrk(s, "\"\r\n") != NULL || strchr(s, c->sep) != NULL ||
	    (s[0] == ' ' || (s[0] != '\0' && s[strlen(s) - 1] == ' '));
	if (!quote) {
		tg_buf_puts(c->out, s);
		return;
	}
	tg_buf_putc(c->out, '"');
	if (guard)
		tg_buf_putc(c->out, '\'');
	for (const char *p = s; *p; p++) {
		if (*p == '"')
			tg_buf_putc(c->out, '"');
		tg_buf_putc(c->out, *p);
	}
	tg_buf_putc(c->out, '"');
}

void
tg_csv_fieldf(tg_csv *c, const char *fmt, ...)
{
	tg_buf b = TG_BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	tg_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	tg_csv_field(c, tg_buf_cstr(&b));
	tg_buf_free(&b);
}

void
tg_csv_end_row(tg_csv *c)
{
	tg_buf_puts(c->out, "\r\n");
	c->col = 0;
}
