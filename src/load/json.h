/* JSON (RFC 8259) → the node tree of yaml.h, for data files written as
 * JSON: the same nodes a YAML parse of the same text gives (strings are
 * quoted scalars; numbers, true, false and null plain ones), a position on
 * every node, the same limits (nesting 64; the 8 MiB file limit is the
 * reader's), and errors that go on where the text still makes sense, so
 * that one run reports every mistake: missing or extra commas, bad
 * escapes, words that are not JSON (True, NaN, undefined), comments,
 * single quotes, unquoted keys, duplicate keys, invalid UTF-8.  About ten
 * times faster than going through libyaml (docs/performance.md). */
#ifndef TG_LOAD_JSON_H
#define TG_LOAD_JSON_H

#include <stddef.h>

#include "yaml.h"

/* After this many errors in one file the parse stops (with a message). */
#define TG_JSON_MAX_ERRORS 100

/* Parses one JSON text.  Returns NULL after reporting every error found.
 * Nodes and strings live in a; `file` must outlive the tree. */
tg_node *tg_json_parse(tg_arena *a, tg_diag *d, const char *file, const char *text,
    size_t len);

/* Which parser a data file needs: JSON for names ending in ".json", YAML
 * otherwise (a YAML parse reads most JSON too). */
typedef enum tg_data_format {
	TG_DATA_AUTO,
	TG_DATA_YAML,
	TG_DATA_JSON
} tg_data_format;

/* Parses a data text with the parser of `format` (TG_DATA_AUTO: by the
 * name of `file`). */
tg_node *tg_data_parse(tg_arena *a, tg_diag *d, const char *file, const char *text,
    size_t len, tg_data_format format);

#endif
