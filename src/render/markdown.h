/* Markdown (the regulation's clause texts) to HTML through Discount. */
#ifndef TG_MARKDOWN_H
#define TG_MARKDOWN_H

#include <stddef.h>

#include "../util/buf.h"

/* Appends the HTML of a Markdown text (followed by a newline; nothing for
 * an empty text): raw HTML, images, links and pseudo-protocols off, tables
 * and lists as in the templates, each <ol> with the first number of its
 * source ("3." after a table gives <ol start="3">). */
void tg_md_html(tg_buf *out, const char *md, size_t len);

#endif
