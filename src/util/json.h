/* Streaming JSON writer (pretty-printed, 2 spaces, deterministic). */
#ifndef TG_JSON_H
#define TG_JSON_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"

#define TG_JSON_MAX_DEPTH 64

typedef struct tg_json {
	tg_buf *out;
	int depth;
	bool pretty;
	bool need_comma[TG_JSON_MAX_DEPTH];
	bool after_key;
} tg_json;

void tg_json_init(tg_json *j, tg_buf *out, bool pretty);
void tg_json_begin_object(tg_json *j);
void tg_json_end_object(tg_json *j);
void tg_json_begin_array(tg_json *j);
void tg_json_end_array(tg_json *j);
void tg_json_key(tg_json *j, const char *key);
void tg_json_string(tg_json *j, const char *s);	/* NULL writes null */
void tg_json_stringn(tg_json *j, const char *s, size_t len);
void tg_json_int(tg_json *j, long long v);
/* A finite number (integers without a fraction). */
void tg_json_number(tg_json *j, double v);
void tg_json_bool(tg_json *j, bool v);
void tg_json_null(tg_json *j);
/* Key + value shorthands. */
void tg_json_kv_string(tg_json *j, const char *key, const char *s);
void tg_json_kv_int(tg_json *j, const char *key, long long v);
/* Appends s as a quoted JSON string (escapes ", \, control characters and
 * U+2028/2029; other UTF-8 passes through). */
void tg_json_escape(tg_buf *out, const char *s, size_t len);

#endif
