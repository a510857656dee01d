/* Writing YAML by hand (importer output, migrated crosswalks, profile
 * skeletons with comments): scalars quoted only when plain style would be
 * misread, texts with newlines as literal blocks. */
#ifndef TG_YAMLW_H
#define TG_YAMLW_H

#include <stdbool.h>

#include "buf.h"

/* A double-quoted scalar (escapes for \", \\, control characters). */
void tg_yamlw_quoted(tg_buf *out, const char *s);
/* A scalar on the current line: plain when safe, else double-quoted. */
void tg_yamlw_scalar(tg_buf *out, const char *s);
/* "key: value\n" at `indent` spaces; multi-line values become a `|`
 * block indented by indent + 2. */
void tg_yamlw_kv(tg_buf *out, unsigned indent, const char *key, const char *value);
/* Appends len bytes of s as the text of a comment line: line breaks, and
 * characters a reader would not take raw (controls, U+0085, U+2028,
 * U+2029 ...), become spaces. */
void tg_yamlw_comment(tg_buf *out, const char *s, size_t len);
/* True when s can be written as a plain scalar and read back as the same
 * string (not null, bool, number-like, no indicators). */
bool tg_yamlw_plain_ok(const char *s);

#endif
