/* JSON → node tree: a recursive descent over the bytes, one pass, with
 * lines and columns tracked as it goes (columns count characters, as
 * everywhere in totsugo), children collected on one shared stack and
 * copied into the arena when their container closes.  Recovery: a missing
 * comma or colon is assumed, an extra comma dropped, a closing bracket of
 * the wrong kind closes the open container (a parent usually expects it),
 * a string ends at the end of its line; anything else stops the parse. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json_internal.h"
#include "../util/buf.h"
#include "../util/map.h"
#include "../util/utf8.h"

void
tg_jsonp_error(parser *ps, tg_pos pos, const char *fmt, ...)
{
	if (ps->stop)
		return;
	tg_buf msg = TG_BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	tg_buf_vprintf(&msg, fmt, ap);
	va_end(ap);
	tg_diag_error(ps->diag, pos, "%s", msg.data);
	tg_buf_free(&msg);
	if (++ps->errors >= TG_JSON_MAX_ERRORS) {
		tg_diag_error(ps->diag, pos, "too many errors (%d); stopping here", TG_JSON_MAX_ERRORS);
		ps->stop = true;
	}
}

static void
fatal_at(parser *ps, tg_pos pos, const char *what)
{
	tg_jsonp_error(ps, pos, "%s", what);
	ps->stop = true;
}

/* "'x'", or the code point for what does not print. */
void
tg_jsonp_describe(parser *ps, cursor at, char out[32])
{
	size_t n;
	uint32_t cp = tg_utf8_decode((const char *)at, (size_t)(ps->end - at), &n);
	if (cp == 0xFFFD && n == 1 && *at >= 0x80)
		snprintf(out, 32, "byte 0x%02X", *at);
	else if (cp < 0x20 || cp == 0x7F)
		snprintf(out, 32, "U+%04X", (unsigned)cp);
	else
		snprintf(out, 32, "'%.*s'", (int)n, (const char *)at);
}

static void skip_comment(parser *ps);
static void skip_space_slow(parser *ps);

/* Called before every token: most often there is no space at all. */
static inline void
skip_space(parser *ps)
{
	if (ps->p < ps->end && *ps->p > ' ' && *ps->p != '/')
		return;
	skip_space_slow(ps);
}

static void
skip_space_slow(parser *ps)
{
	for (;;) {
		while (ps->p < ps->end) {
			unsigned char c = *ps->p;
			if (c == ' ' || c == '\t' || c == '\r') {
				ps->p++;
			} else if (c == '\n') {
				ps->p++;
				ps->line++;
				ps->line_start = ps->p;
			} else {
				break;
			}
		}
		if (ps->p < ps->end && ps->p[0] == '/' && ps->p + 1 < ps->end &&
		    (ps->p[1] == '/' || ps->p[1] == '*'))
			skip_comment(ps);
		else
			return;
	}
}

/* Comments are not JSON: reported, then skipped so that the rest is read. */
static void
skip_comment(parser *ps)
{
	tg_pos pos = tg_jsonp_pos_at(ps, ps->p);
	bool block = ps->p[1] == '*';
	ps->p += 2;
	while (ps->p < ps->end) {
		if (block && ps->p + 1 < ps->end && ps->p[0] == '*' && ps->p[1] == '/') {
			ps->p += 2;
			break;
		}
		if (*ps->p == '\n') {
			if (!block)
				break;
			ps->line++;
			ps->line_start = ps->p + 1;
		}
		ps->p++;
	}
	tg_jsonp_error(ps, pos, "JSON has no comments");
}

static bool
starts_value(unsigned char c)
{
	return c == '"' || c == '\'' || c == '{' || c == '[' || c == '-' ||
	    (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static void
check_duplicate_keys(parser *ps, tg_node *map)
{
	tg_node **it = map->items;
	if (map->n <= 8) {
		for (size_t i = 1; i < map->n; i++) {
			const tg_node *k = it[2 * i];
			for (size_t j = 0; j < i; j++) {
				const tg_node *f = it[2 * j];
				if (f->len == k->len && memcmp(f->str, k->str, k->len) == 0) {
					tg_jsonp_error(ps, k->pos, "duplicate key '%s' (first given at line %u)",
					    k->str, f->pos.line);
					break;
				}
			}
		}
		return;
	}
	tg_map seen;
	tg_map_init(&seen);
	for (size_t i = 0; i < map->n; i++) {
		tg_node *k = it[2 * i];
		tg_node *first = tg_map_putn(&seen, k->str, k->len, k);
		if (first != NULL)
			tg_jsonp_error(ps, k->pos, "duplicate key '%s' (first given at line %u)", k->str,
			    first->pos.line);
	}
	tg_map_free(&seen);
}

/* Takes the children pushed since `base` off the stack into n. */
static void
close_container(parser *ps, tg_node *n, size_t base)
{
	size_t count = ps->nstack - base;
	/* No child pushed yet, the stack may still be unallocated. */
	tg_node **kids = count > 0 ? ps->stack + base : NULL;
	n->items = tg_arena_memdup(ps->arena, kids, count * sizeof(tg_node *));
	n->n = n->kind == TG_NODE_MAP ? count / 2 : count;
	size_t w = 1;
	for (size_t i = 0; i < count; i++)
		w = w > (size_t)-1 - kids[i]->weight ? (size_t)-1 : w + kids[i]->weight;
	n->weight = w;
	ps->nstack = base;
	if (n->kind == TG_NODE_MAP)
		check_duplicate_keys(ps, n);
}

static void
push(parser *ps, tg_node *n)
{
	if (ps->nstack == ps->stack_cap) {
		ps->stack_cap = ps->stack_cap ? 2 * ps->stack_cap : 256;
		ps->stack = tg_xrealloc(ps->stack, ps->stack_cap * sizeof *ps->stack);
	}
	ps->stack[ps->nstack++] = n;
}

static tg_node *parse_value(parser *ps);

static void
never_closed(parser *ps, const tg_node *n, char open)
{
	tg_jsonp_error(ps, n->pos, "'%c' is never closed", open);
	ps->stop = true;
}

/* What follows a member or element: ',' (then more), the closing bracket,
 * or a mistake.  Returns true when the container goes on. */
static bool
after_member(parser *ps, tg_node *n, char open, char close, bool *closed)
{
	skip_space(ps);
	if (ps->p >= ps->end) {
		never_closed(ps, n, open);
		return false;
	}
	unsigned char c = *ps->p;
	if (c == ',') {
		tg_pos comma = tg_jsonp_pos_at(ps, ps->p);
		ps->p++;
		skip_space(ps);
		while (ps->p < ps->end && *ps->p == ',') {
			tg_jsonp_error(ps, tg_jsonp_pos_at(ps, ps->p), "a second comma: remove it");
			ps->p++;
			skip_space(ps);
		}
		if (ps->p < ps->end && *ps->p == (unsigned char)close) {
			tg_jsonp_error(ps, comma, "a comma before '%c': remove it", close);
			ps->p++;
			*closed = true;
			return false;
		}
		return true;
	}
	if (c == (unsigned char)close) {
		ps->p++;
		*closed = true;
		return false;
	}
	if (c == '}' || c == ']') {
		/* The other closing bracket: this container ends here, and the
		 * bracket is left to the parent (most often it is the parent's). */
		tg_jsonp_error(ps, tg_jsonp_pos_at(ps, ps->p), "expected ',' or '%c' (to close the '%c' of line %u), "
		    "found '%c'", close, open, n->pos.line, c);
		return false;
	}
	if (starts_value(c)) {
		tg_jsonp_error(ps, tg_jsonp_pos_at(ps, ps->p), "expected ',' or '%c', found the start of a %s: "
		    "is a comma missing?", close, open == '{' ? "member" : "value");
		return true;
	}
	char what[32];
	tg_jsonp_describe(ps, ps->p, what);
	tg_jsonp_error(ps, tg_jsonp_pos_at(ps, ps->p), "expected ',' or '%c', found %s", close, what);
	ps->stop = true;
	return false;
}

static bool
enter(parser *ps, tg_pos pos)
{
	if (ps->depth >= TG_YAML_MAX_DEPTH) {
		tg_jsonp_error(ps, pos, "nesting is deeper than %d levels", TG_YAML_MAX_DEPTH);
		ps->stop = true;
		return false;
	}
	ps->depth++;
	return true;
}

static tg_node *
parse_key(parser *ps)
{
	unsigned char c = *ps->p;
	if (c == '"')
		return tg_jsonp_string(ps, '"');
	if (c == '\'') {
		tg_jsonp_error(ps, tg_jsonp_pos_at(ps, ps->p), "strings are written in double quotes");
		return tg_jsonp_string(ps, '\'');
	}
	if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$') {
		cursor start = ps->p;
		tg_pos pos = tg_jsonp_pos_at(ps, start);
		while (ps->p < ps->end && tg_jsonp_is_word_byte(*ps->p))
			ps->p++;
		tg_node *k = tg_jsonp_word_node(ps, start, pos);
		k->plain = false;
		tg_jsonp_error(ps, pos, "key '%s' must be written in double quotes", k->str);
		return k;
	}
	char what[32];
	tg_jsonp_describe(ps, ps->p, what);
	tg_jsonp_error(ps, tg_jsonp_pos_at(ps, ps->p), "expected a key in double quotes, found %s", what);
	ps->stop = true;
	return NULL;
}

static tg_node *
parse_object(parser *ps)
{
	tg_node *n = tg_jsonp_new_node(ps, TG_NODE_MAP, tg_jsonp_pos_at(ps, ps->p));
	if (!enter(ps, n->pos))
		return NULL;
	ps->p++;
	size_t base = ps->nstack;
	bool closed = false;
	skip_space(ps);
	if (ps->p < ps->end && *ps->p == '}') {
		ps->p++;
		closed = true;
	}
	while (!closed && !ps->stop) {
		skip_space(ps);
		if (ps->p >= ps->end) {
			never_closed(ps, n, '{');
			break;
		}
		tg_node *key = parse_key(ps);
		if (key == NULL)
			break;
		skip_space(ps);
		if (ps->p < ps->end && *ps->p == ':') {
			ps->p++;
		} else if (ps->p < ps->end) {
			tg_jsonp_error(ps, tg_jsonp_pos_at(ps, ps->p), "expected ':' after the key '%s'", key->str);
		}
		tg_node *value = parse_value(ps);
		if (value == NULL)
			break;
		push(ps, key);
		push(ps, value);
		if (!after_member(ps, n, '{', '}', &closed))
			break;
	}
	ps->depth--;
	close_container(ps, n, base);
	return n;
}

static tg_node *
parse_array(parser *ps)
{
	tg_node *n = tg_jsonp_new_node(ps, TG_NODE_SEQ, tg_jsonp_pos_at(ps, ps->p));
	if (!enter(ps, n->pos))
		return NULL;
	ps->p++;
	size_t base = ps->nstack;
	bool closed = false;
	skip_space(ps);
	if (ps->p < ps->end && *ps->p == ']') {
		ps->p++;
		closed = true;
	}
	while (!closed && !ps->stop) {
		tg_node *value = parse_value(ps);
		if (value == NULL)
			break;
		push(ps, value);
		if (!after_member(ps, n, '[', ']', &closed))
			break;
	}
	ps->depth--;
	close_container(ps, n, base);
	return n;
}

/* A value; NULL only when the parse stops. */
static tg_node *
parse_value(parser *ps)
{
	skip_space(ps);
	if (ps->stop)
		return NULL;
	if (ps->p >= ps->end) {
		fatal_at(ps, tg_jsonp_pos_at(ps, ps->p), "the file ends where a value is expected");
		return NULL;
	}
	unsigned char c = *ps->p;
	switch (c) {
	case '"':
		return tg_jsonp_string(ps, '"');
	case '{':
		return parse_object(ps);
	case '[':
		return parse_array(ps);
	case '\'':
		tg_jsonp_error(ps, tg_jsonp_pos_at(ps, ps->p), "strings are written in double quotes");
		return tg_jsonp_string(ps, '\'');
	default:
		break;
	}
	if (c == '-' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
		return tg_jsonp_word(ps);
	char what[32];
	tg_jsonp_describe(ps, ps->p, what);
	if (c == ',' || c == '}' || c == ']')
		tg_jsonp_error(ps, tg_jsonp_pos_at(ps, ps->p), "expected a value, found %s", what);
	else
		tg_jsonp_error(ps, tg_jsonp_pos_at(ps, ps->p), "unexpected %s", what);
	ps->stop = true;
	return NULL;
}

tg_node *
tg_json_parse(tg_arena *a, tg_diag *d, const char *file, const char *text, size_t len)
{
	parser ps = {0};
	ps.arena = a;
	ps.diag = d;
	ps.file = file;
	ps.p = (cursor)text;
	ps.end = ps.p + len;
	ps.line = 1;
	ps.line_start = ps.colp = ps.p;
	ps.col = 1;
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		ps.p += 3;	/* a byte order mark (RFC 8259 §8.1 lets parsers skip it) */
	skip_space(&ps);
	tg_node *root = NULL;
	if (ps.p >= ps.end && !ps.stop) {
		tg_jsonp_error(&ps, tg_pos_at(file, 1, 1), "the file holds no JSON value");
	} else {
		root = parse_value(&ps);
		skip_space(&ps);
		if (!ps.stop && ps.p < ps.end)
			tg_jsonp_error(&ps, tg_jsonp_pos_at(&ps, ps.p), "more text after the JSON value");
	}
	free(ps.stack);
	return ps.errors > 0 ? NULL : root;
}

tg_node *
tg_data_parse(tg_arena *a, tg_diag *d, const char *file, const char *text, size_t len,
    tg_data_format format)
{
	if (format == TG_DATA_AUTO) {
		size_t n = strlen(file);
		format = n > 5 && strcmp(file + n - 5, ".json") == 0 ? TG_DATA_JSON : TG_DATA_YAML;
	}
	if (format == TG_DATA_JSON)
		return tg_json_parse(a, d, file, text, len);
	return tg_yaml_parse(a, d, file, text, len);
}
