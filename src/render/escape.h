/* Escaping shared by every renderer (cmark's rule: one place decides how
 * text becomes markup). */
#ifndef TG_ESCAPE_H
#define TG_ESCAPE_H

#include <stdbool.h>
#include <stddef.h>

#include "../util/buf.h"

/* & < > " ' as entities. */
void tg_esc_html(tg_buf *out, const char *s, size_t len);
/* HTML text with line breaks kept as <br>. */
void tg_esc_html_lines(tg_buf *out, const char *s);
/* Markdown text: `bol` says the output is at the start of a line (block
 * markers matter there); `cell` writes line breaks as <br> for a table cell.
 * The exact rule is in src/template/mustache.h (its Markdown escaping). */
void tg_esc_md(tg_buf *out, const char *s, size_t len, bool bol, bool cell);
/* Text inside a Markdown table cell: inert (no markup, no HTML, no pipes),
 * line breaks as <br>. */
void tg_esc_md_cell(tg_buf *out, const char *s);
/* Text in a Markdown paragraph or heading: markup characters escaped. */
void tg_esc_md_text(tg_buf *out, const char *s);

/* How much a self-contained page may run: its Content-Security-Policy. */
typedef enum tg_html_policy {
	TG_HTML_NO_POLICY,	/* no CSP element */
	TG_HTML_STYLES		/* inline CSS only, no network, no script */
} tg_html_policy;

/* The start of every page totsugo writes, up to and including "<title>". */
void tg_html_begin(tg_buf *out, tg_html_policy policy);
/* The same for a page with inline CSS and one inline script: `script` is
 * the exact text between <script> and </script>, allowed by its SHA-256
 * hash, so that no other script (one smuggled in by data) would run. */
void tg_html_begin_script(tg_buf *out, const char *script, size_t len);

#endif
