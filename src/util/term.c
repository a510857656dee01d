#include "term.h"

#include <stdio.h>
#include <string.h>

#include "utf8.h"

const char *
tg_term_escape_char(const char *s, size_t len, size_t *n, char esc[16])
{
	unsigned char c = (unsigned char)s[0];
	*n = 1;
	if (c < 0x80) {
		if (c >= 0x20 && c != 0x7F)
			return NULL;
		if (c == '\t' || c == '\n')
			return NULL;
		snprintf(esc, 16, "\\x%02X", c);
		return esc;
	}
	uint32_t cp = tg_utf8_decode(s, len, n);
	if (cp == 0xFFFD && *n == 1) {
		snprintf(esc, 16, "\\x%02X", c);
		return esc;
	}
	if ((cp >= 0x80 && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) ||
	    (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F || cp == 0x061C) {
		snprintf(esc, 16, "\\u%04X", (unsigned)cp);
		return esc;
	}
	return NULL;
}

void
tg_term_put(tg_buf *out, const char *s, size_t len, bool keep_lf)
{
	size_t from = 0;
	for (size_t i = 0; i < len;) {
		size_t n;
		char esc[16];
		const char *e = tg_term_escape_char(s + i, len - i, &n, esc);
		if (e == NULL && s[i] == '\n' && !keep_lf)
			e = "\\n";
		if (e != NULL) {
			tg_buf_put(out, s + from, i - from);
			tg_buf_puts(out, e);
			from = i + n;
		}
		i += n;
	}
	tg_buf_put(out, s + from, len - from);
}

void
tg_term_puts(tg_buf *out, const char *s, bool keep_lf)
{
	tg_term_put(out, s, strlen(s), keep_lf);
}
