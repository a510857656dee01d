/* Text shown on a terminal.  Data may hold characters that drive the
 * terminal rather than show: ESC sequences clear the screen or retitle the
 * window, C1 controls (U+009B is a CSI) do the same, carriage returns and
 * backspaces overwrite what was printed, and bidirectional controls reorder
 * what is read.  Those are shown escaped: \x1B, \x7F, \u009B, \u202E
 * (invalid UTF-8 bytes as \xNN); everything else passes through. */
#ifndef TG_TERM_H
#define TG_TERM_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"

/* The character at s (len > 0 bytes left): its length in *n, and its
 * escape written into esc (NUL-terminated ASCII, returned), or NULL when
 * it is shown as it is.  Tabs and LF are shown as they are. */
const char *tg_term_escape_char(const char *s, size_t len, size_t *n, char esc[16]);
/* Appends len bytes of s, escaped as above; keep_lf false escapes LF too
 * (\n), for text that must stay on one line. */
void tg_term_put(tg_buf *out, const char *s, size_t len, bool keep_lf);
void tg_term_puts(tg_buf *out, const char *s, bool keep_lf);

#endif
