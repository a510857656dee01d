/* Escaping shared by every renderer (cmark's rule: one place decides how
 * text becomes markup). */
#ifndef TG_ESCAPE_H
#define TG_ESCAPE_H

#include <stddef.h>

#include "../util/buf.h"

/* & < > " ' as entities. */
void tg_esc_html(tg_buf *out, const char *s, size_t len);
/* HTML text with line breaks kept as <br>. */
void tg_esc_html_lines(tg_buf *out, const char *s);
/* Text inside a Markdown table cell: inert (no markup, no HTML, no pipes),
 * line breaks as <br>. */
void tg_esc_md_cell(tg_buf *out, const char *s);
/* Text in a Markdown paragraph or heading: markup characters escaped. */
void tg_esc_md_text(tg_buf *out, const char *s);

#endif
