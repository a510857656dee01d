#include "escape.h"

#include <stdbool.h>
#include <string.h>

void
tg_esc_html(tg_buf *out, const char *s, size_t len)
{
	size_t start = 0;
	for (size_t i = 0; i < len; i++) {
		const char *e;
		switch (s[i]) {
		case '&': e = "&amp;"; break;
		case '<': e = "&lt;"; break;
		case '>': e = "&gt;"; break;
		case '"': e = "&quot;"; break;
		case '\'': e = "&#39;"; break;
		default: continue;
		}
		tg_buf_put(out, s + start, i - start);
		tg_buf_puts(out, e);
		start = i + 1;
	}
	tg_buf_put(out, s + start, len - start);
}

void
tg_esc_html_lines(tg_buf *out, const char *s)
{
	while (*s) {
		const char *nl = strchr(s, '\n');
		size_t len = nl ? (size_t)(nl - s) : strlen(s);
		tg_esc_html(out, s, len);
		if (nl == NULL)
			break;
		tg_buf_puts(out, "<br>");
		s = nl + 1;
	}
}

/* Characters that start Markdown inline markup anywhere in a line. */
static bool
md_inline_special(char c)
{
	switch (c) {
	case '\\': case '`': case '*': case '_': case '[': case ']': case '|': case '~':
		return true;
	default:
		return false;
	}
}

static void
md_escape(tg_buf *out, const char *s, bool cell)
{
	bool line_start = true;
	for (; *s; s++) {
		char c = *s;
		if (line_start && !cell) {
			/* Block markers only count at the start of a line. */
			const char *d = s;
			while (*d >= '0' && *d <= '9')
				d++;
			if (d > s && (*d == '.' || *d == ')')) {
				tg_buf_put(out, s, (size_t)(d - s));
				tg_buf_putc(out, '\\');
				s = d;
				c = *s;
				tg_buf_putc(out, c);
				line_start = false;
				continue;
			}
			if (c == '#' || c == '-' || c == '+' || c == '=')
				tg_buf_putc(out, '\\');
		}
		line_start = false;
		if (c == '<')
			tg_buf_puts(out, "&lt;");
		else if (c == '>')
			tg_buf_puts(out, "&gt;");
		else if (c == '&')
			tg_buf_puts(out, "&amp;");
		else if (c == '\n') {
			tg_buf_puts(out, cell ? "<br>" : "  \n");
			line_start = true;
		} else if (c == '\r')
			continue;
		else {
			if (md_inline_special(c))
				tg_buf_putc(out, '\\');
			tg_buf_putc(out, c);
		}
	}
}

void
tg_esc_md_cell(tg_buf *out, const char *s)
{
	md_escape(out, s, true);
}

void
tg_esc_md_text(tg_buf *out, const char *s)
{
	md_escape(out, s, false);
}
