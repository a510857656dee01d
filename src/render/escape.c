#include "escape.h"

#include <stdbool.h>
#include <string.h>

#include "../util/sha256.h"

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

/* One rule for all Markdown output (tables, paragraphs, and the Mustache
 * engine's Markdown escaping): markup characters get a backslash, except
 * those Discount (the Markdown library we render HTML with) cannot escape
 * that way — &, <, >, ~, and = at a line start — which become entities. */
void
tg_esc_md(tg_buf *out, const char *s, size_t len, bool bol, bool cell)
{
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (bol && !cell) {
			if (c == ' ' || c == '\t') {
				tg_buf_putc(out, c);
				continue;
			}
			bol = false;
			if (c == '#' || c == '+' || c == '-') {
				tg_buf_putc(out, '\\');
				tg_buf_putc(out, c);
				continue;
			}
			if (c == '=') {
				tg_buf_puts(out, "&#61;");
				continue;
			}
			if (c >= '0' && c <= '9') {
				size_t j = i;
				while (j < len && s[j] >= '0' && s[j] <= '9')
					j++;
				tg_buf_put(out, s + i, j - i);
				i = j - 1;
				if (j < len && (s[j] == '.' || s[j] == ')')) {
					tg_buf_putc(out, '\\');
					tg_buf_putc(out, s[j]);
					i = j;
				}
				continue;
			}
		}
		switch (c) {
		case '\n':
			tg_buf_puts(out, cell ? "<br>" : "\n");
			bol = true;
			break;
		case '\r':
			if (!cell)
				tg_buf_putc(out, c);
			break;
		case '\\': case '`': case '*': case '_': case '[': case ']': case '|': case '^':
			tg_buf_putc(out, '\\');
			tg_buf_putc(out, c);
			break;
		case '&':
			tg_buf_puts(out, "&amp;");
			break;
		case '<':
			tg_buf_puts(out, "&lt;");
			break;
		case '>':
			tg_buf_puts(out, "&gt;");
			break;
		case '~':
			tg_buf_puts(out, "&#126;");
			break;
		default:
			tg_buf_putc(out, c);
			break;
		}
	}
}

void
tg_esc_md_cell(tg_buf *out, const char *s)
{
	tg_esc_md(out, s, strlen(s), false, true);
}

void
tg_esc_md_text(tg_buf *out, const char *s)
{
	/* Line breaks inside a paragraph stay breaks (two trailing spaces). */
	while (*s) {
		const char *nl = strchr(s, '\n');
		size_t len = nl ? (size_t)(nl - s) : strlen(s);
		tg_esc_md(out, s, len, true, false);
		if (nl == NULL)
			break;
		tg_buf_puts(out, "  \n");
		s = nl + 1;
	}
}

static void
head(tg_buf *out, tg_html_policy policy, const char *script, size_t len)
{
	tg_buf_puts(out, "<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
	if (policy != TG_HTML_NO_POLICY) {
		tg_buf_puts(out, "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src "
		    "'none'; style-src 'unsafe-inline'");
		if (script != NULL) {
			tg_buf_puts(out, "; script-src 'sha256-");
			tg_sha256_base64(script, len, out);
			tg_buf_putc(out, '\'');
		}
		tg_buf_puts(out, "\">\n");
	}
	tg_buf_puts(out, "<title>");
}

void
tg_html_begin(tg_buf *out, tg_html_policy policy)
{
	head(out, policy, NULL, 0);
}

void
tg_html_begin_script(tg_buf *out, const char *script, size_t len)
{
	head(out, TG_HTML_STYLES, script, len);
}
