#include "json.h"

#include <string.h>

void
tg_json_init(tg_json *j, tg_buf *out, bool pretty)
{
	memset(j, 0, sizeof *j);
	j->out = out;
	j->pretty = pretty;
}

static void
newline(tg_json *j)
{
	if (!j->pretty)
		return;
	tg_buf_putc(j->out, '\n');
	for (int i = 0; i < j->depth; i++)
		tg_buf_puts(j->out, "  ");
}

/* Separator and indentation before a value or a key. */
static void
before_value(tg_json *j)
{
	if (j->after_key) {
		j->after_key = false;
		return;
	}
	if (j->depth > 0) {
		if (j->need_comma[j->depth])
			tg_buf_putc(j->out, ',');
		j->need_comma[j->depth] = true;
		newline(j);
	}
}

static void
open_container(tg_json *j, char c)
{
	before_value(j);
	tg_buf_putc(j->out, c);
	if (j->depth + 1 < TG_JSON_MAX_DEPTH)
		j->depth++;
	j->need_comma[j->depth] = false;
}

static void
close_container(tg_json *j, char c)
{
	bool had = j->need_comma[j->depth];
	if (j->depth > 0)
		j->depth--;
	if (had)
		newline(j);
	tg_buf_putc(j->out, c);
	if (j->depth == 0 && j->pretty)
		tg_buf_putc(j->out, '\n');
}

void tg_json_begin_object(tg_json *j) { open_container(j, '{'); }
void tg_json_end_object(tg_json *j) { close_container(j, '}'); }
void tg_json_begin_array(tg_json *j) { open_container(j, '['); }
void tg_json_end_array(tg_json *j) { close_container(j, ']'); }

void
tg_json_key(tg_json *j, const char *key)
{
	before_value(j);
	tg_json_escape(j->out, key, strlen(key));
	tg_buf_puts(j->out, j->pretty ? ": " : ":");
	j->after_key = true;
}

void
tg_json_escape(tg_buf *out, const char *s, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	tg_buf_reserve(out, len + 2);
	tg_buf_putc(out, '"');
	size_t start = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		const char *esc = NULL;
		char u[7];
		if (c == '"')
			esc = "\\\"";
		else if (c == '\\')
			esc = "\\\\";
		else if (c == '\n')
			esc = "\\n";
		else if (c == '\t')
			esc = "\\t";
		else if (c == '\r')
			esc = "\\r";
		else if (c < 0x20 || c == 0x7F) {
			memcpy(u, "\\u00", 4);
			u[4] = hex[c >> 4];
			u[5] = hex[c & 15];
			u[6] = '\0';
			esc = u;
		} else if (c == 0xE2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 &&
		    ((unsigned char)s[i + 2] == 0xA8 || (unsigned char)s[i + 2] == 0xA9)) {
			/* U+2028/2029 break JavaScript string literals. */
			tg_buf_put(out, s + start, i - start);
			tg_buf_puts(out, (unsigned char)s[i + 2] == 0xA8 ? "\\u2028" : "\\u2029");
			i += 2;
			start = i + 1;
			continue;
		}
		if (esc != NULL) {
			tg_buf_put(out, s + start, i - start);
			tg_buf_puts(out, esc);
			start = i + 1;
		}
	}
	tg_buf_put(out, s + start, len - start);
	tg_buf_putc(out, '"');
}

void
tg_json_stringn(tg_json *j, const char *s, size_t len)
{
	before_value(j);
	tg_json_escape(j->out, s, len);
}

void
tg_json_string(tg_json *j, const char *s)
{
	if (s == NULL)
		tg_json_null(j);
	else
		tg_json_stringn(j, s, strlen(s));
}

void
tg_json_int(tg_json *j, long long v)
{
	before_value(j);
	tg_buf_printf(j->out, "%lld", v);
}

void
tg_json_number(tg_json *j, double v)
{
	before_value(j);
	/* Whole numbers print as integers; others with enough digits to read
	 * back the same value.  (No locale: totsugo never calls setlocale.) */
	if (v == (double)(long long)v && v > -1e15 && v < 1e15)
		tg_buf_printf(j->out, "%lld", (long long)v);
	else
		tg_buf_printf(j->out, "%.10g", v);
}

void
tg_json_bool(tg_json *j, bool v)
{
	before_value(j);
	tg_buf_puts(j->out, v ? "true" : "false");
}

void
tg_json_null(tg_json *j)
{
	before_value(j);
	tg_buf_puts(j->out, "null");
}

void
tg_json_kv_string(tg_json *j, const char *key, const char *s)
{
	tg_json_key(j, key);
	tg_json_string(j, s);
}

void
tg_json_kv_int(tg_json *j, const char *key, long long v)
{
	tg_json_key(j, key);
	tg_json_int(j, v);
}
