/* JSON → node tree: a recursive descent over the bytes, one pass, with
 * lines and columns tracked as it goes (columns count characters, as
 * everywhere in totsugo), children collected on one shared stack and
 * copied into the arena when their container closes.  Recovery: a missing
 * comma or colon is assumed, an extra comma dropped, a closing bracket of
 * the wrong kind closes the open container (a parent usually expects it),
 * a string ends at the end of its line; anything else stops the parse. */
#include "json.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/buf.h"
#include "../util/map.h"
#include "../util/utf8.h"

typedef const unsigned char *cursor;

typedef struct parser {
	tg_arena *arena;
	tg_diag *diag;
	const char *file;
	cursor p, end;
	unsigned line;
	cursor line_start;
	cursor colp;		/* column cache: col is the column of colp */
	unsigned col;
	tg_node **stack;	/* children of the open containers */
	size_t nstack, stack_cap;
	unsigned depth;
	size_t errors;
	bool stop;		/* unrecoverable: unwind */
	/* Nodes and texts are carved from arena chunks: one zeroing per
	 * chunk, and texts packed without the arena's alignment. */
	tg_node *nodes;
	size_t nodes_left;
	char *text;
	size_t text_left;
} parser;

#define NODE_CHUNK 128
#define TEXT_CHUNK 16384

/* Byte classes of the string loop: PLAIN is printable ASCII but '"' and
 * '\\' (a single quote too: only double quotes close a JSON string);
 * LEAD3 starts a three-byte UTF-8 sequence whose continuation bytes may
 * be any (E1–EC, EE–EF; E0 and ED restrict the second byte). */
enum { OTHER, PLAIN, LEAD3 };
static const unsigned char byte_class[256] = {
#define R16(v) v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v
	R16(OTHER), R16(OTHER),
	1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,	/* 0x20: '"' */
	R16(PLAIN), R16(PLAIN),
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1,	/* 0x50: '\\' */
	R16(PLAIN),
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0,	/* 0x70: DEL */
	R16(OTHER), R16(OTHER), R16(OTHER), R16(OTHER), R16(OTHER), R16(OTHER),
	0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 2, 2,	/* 0xE0 */
	R16(OTHER)
#undef R16
};

static unsigned
column_at(parser *ps, cursor at)
{
	if (ps->colp < ps->line_start || ps->colp > at) {
		ps->colp = ps->line_start;
		ps->col = 1;
	}
	for (; ps->colp < at; ps->colp++)
		ps->col += (*ps->colp & 0xC0) != 0x80;
	return ps->col;
}

static tg_pos
pos_at(parser *ps, cursor at)
{
	return tg_pos_at(ps->file, ps->line, column_at(ps, at));
}

static void
error_at(parser *ps, tg_pos pos, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void
error_at(parser *ps, tg_pos pos, const char *fmt, ...)
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
	error_at(ps, pos, "%s", what);
	ps->stop = true;
}

/* "'x'", or the code point for what does not print. */
static void
describe_char(parser *ps, cursor at, char out[32])
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
	tg_pos pos = pos_at(ps, ps->p);
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
	error_at(ps, pos, "JSON has no comments");
}

static tg_node *
new_node(parser *ps, tg_node_kind kind, tg_pos pos)
{
	if (ps->nodes_left == 0) {
		ps->nodes = TG_ARENA_ARRAY(ps->arena, tg_node, NODE_CHUNK);
		ps->nodes_left = NODE_CHUNK;
	}
	tg_node *n = ps->nodes++;
	ps->nodes_left--;
	n->kind = kind;
	n->pos = pos;
	n->weight = 1;
	return n;
}

/* Room for a scalar's text (size bytes, NUL included). */
static char *
new_text(parser *ps, size_t size)
{
	if (size > TEXT_CHUNK / 8)
		return tg_arena_alloc(ps->arena, size);
	if (ps->text_left < size) {
		ps->text = tg_arena_alloc(ps->arena, TEXT_CHUNK);
		ps->text_left = TEXT_CHUNK;
	}
	char *t = ps->text;
	ps->text += size;
	ps->text_left -= size;
	return t;
}

/* A scalar over [start, ps->p) of one line: its text is copied. */
static tg_node *
word_node(parser *ps, cursor start, tg_pos pos)
{
	tg_node *n = new_node(ps, TG_NODE_SCALAR, pos);
	n->plain = true;
	n->len = (size_t)(ps->p - start);
	char *str = new_text(ps, n->len + 1);
	memcpy(str, start, n->len);
	str[n->len] = '\0';
	n->str = str;
	n->pos.span = column_at(ps, ps->p) - pos.col;
	return n;
}

static int
hex_value(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Four hex digits at s (< end), or -1. */
static long
hex4(cursor s, cursor end)
{
	if (end - s < 4)
		return -1;
	long v = 0;
	for (int i = 0; i < 4; i++) {
		int h = hex_value(s[i]);
		if (h < 0)
			return -1;
		v = v * 16 + h;
	}
	return v;
}

/* Decodes the escapes of a string's body [s, e) into out (big enough:
 * decoding never lengthens); reports bad escapes.  Returns the length. */
static size_t
unescape(parser *ps, cursor s, cursor e, char *out, const tg_node *node)
{
	char *o = out;
	while (s < e) {
		cursor esc = memchr(s, '\\', (size_t)(e - s));
		size_t run = (size_t)((esc ? esc : e) - s);
		memcpy(o, s, run);
		o += run;
		if (esc == NULL)
			break;
		s = esc;
		unsigned char c = s + 1 < e ? s[1] : 0;
		s += 2;
		switch (c) {
		case '"': *o++ = '"'; continue;
		case '\\': *o++ = '\\'; continue;
		case '/': *o++ = '/'; continue;
		case 'b': *o++ = '\b'; continue;
		case 'f': *o++ = '\f'; continue;
		case 'n': *o++ = '\n'; continue;
		case 'r': *o++ = '\r'; continue;
		case 't': *o++ = '\t'; continue;
		case 'u': break;
		default: {
			char what[32];
			if (esc + 1 < e) {
				describe_char(ps, esc + 1, what);
				size_t n;
				tg_utf8_decode((const char *)esc + 1, (size_t)(e - esc - 1), &n);
				s = esc + 1 + n;
			} else {
				snprintf(what, sizeof what, "nothing");
				s = e;
			}
			error_at(ps, pos_at(ps, esc), "invalid escape: a backslash followed by %s "
			    "(JSON has \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)", what);
			continue;
		}
		}
		long cp = hex4(s, e);
		if (cp < 0) {
			error_at(ps, pos_at(ps, esc), "invalid escape: \\u needs four hex digits");
			continue;
		}
		s += 4;
		if (cp >= 0xD800 && cp <= 0xDBFF) {
			long low = s + 1 < e && s[0] == '\\' && s[1] == 'u' ? hex4(s + 2, e) : -1;
			if (low >= 0xDC00 && low <= 0xDFFF) {
				cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
				s += 6;
			} else {
				error_at(ps, pos_at(ps, esc), "\\u%04lX is the first half of a surrogate pair "
				    "without its second half", cp);
				continue;
			}
		} else if (cp >= 0xDC00 && cp <= 0xDFFF) {
			error_at(ps, pos_at(ps, esc), "\\u%04lX is the second half of a surrogate pair "
			    "without its first half", cp);
			continue;
		} else if (cp == 0) {
			error_at(ps, node->pos, "text contains a NUL character");
			continue;
		}
		char enc[4];
		size_t n = tg_utf8_encode((uint32_t)cp, enc);
		memcpy(o, enc, n);
		o += n;
	}
	*o = '\0';
	return (size_t)(o - out);
}

/* A string from its opening quote (quote '"', or '\'' after an error). */
static tg_node *
parse_string(parser *ps, unsigned char quote)
{
	cursor start = ps->p;
	tg_pos pos = pos_at(ps, start);
	tg_node *n = new_node(ps, TG_NODE_SCALAR, pos);
	cursor s = start + 1;
	unsigned chars = 1;	/* the opening quote */
	bool escapes = false, bad_utf8 = false, closed = false;
	for (;;) {
		/* The hot loop: printable ASCII and the three-byte sequences of
		 * Japanese text; everything else goes through the checks below
		 * (and so does all of a single-quoted string, an error anyway). */
		while (quote == '"' && s < ps->end) {
			unsigned k = byte_class[*s];
			if (k == PLAIN) {
				s++;
				chars++;
			} else if (k == LEAD3 && ps->end - s >= 3 &&
			    ((s[1] ^ 0x80) | (s[2] ^ 0x80)) < 0x40) {
				s += 3;
				chars++;
			} else {
				break;
			}
		}
		if (s >= ps->end)
			break;
		unsigned char c = *s;
		if (c == quote) {
			closed = true;
			break;
		}
		if (c == '\\') {
			escapes = true;
			s++;
			chars++;
			if (s < ps->end && *s < 0x80 && *s != '\n') {
				s++;
				chars++;
			}
			continue;
		}
		if (c == '\n')
			break;
		if (c >= 0x20 && c < 0x7F) {	/* the other quote, or plain in '...' */
			s++;
			chars++;
			continue;
		}
		if (c < 0x20 || c == 0x7F) {
			if (c != 0x7F)
				error_at(ps, tg_pos_at(ps->file, ps->line, pos.col + chars),
				    "control character U+%04X in a string (write it as \\n, \\t or \\u%04X)",
				    c, c);
			s++;
			chars++;
			continue;
		}
		/* c >= 0x80: one UTF-8 sequence, checked. */
		size_t len;
		uint32_t cp = tg_utf8_decode((const char *)s, (size_t)(ps->end - s), &len);
		if (cp == 0xFFFD && len == 1 && !bad_utf8) {
			bool sjis = ((c >= 0x81 && c <= 0x9F) || (c >= 0xE0 && c <= 0xFC)) &&
			    s + 1 < ps->end && s[1] >= 0x40;
			error_at(ps, tg_pos_at(ps->file, ps->line, pos.col + chars),
			    "invalid UTF-8 (byte 0x%02X)%s", c,
			    sjis ? "; the file looks like Shift_JIS/CP932: save it as UTF-8" : "");
			bad_utf8 = true;
		}
		s += len;
		chars++;
	}
	cursor body_end = s;
	if (closed) {
		s++;
		chars++;
		pos.span = chars;
		n->pos.span = chars;
	} else {
		error_at(ps, pos, "string not closed before the end of the %s",
		    s >= ps->end ? "file" : "line");
		/* "text,⏎": the quote was most likely forgotten before the
		 * comma; leave the comma to separate the next member. */
		cursor t = body_end;
		while (t > start + 1 && (t[-1] == ' ' || t[-1] == '\t' || t[-1] == '\r'))
			t--;
		if (t > start + 1 && t[-1] == ',') {
			body_end = s = t - 1;
			chars = 0;	/* unknown: the cache stays at the start */
		}
	}
	ps->p = s;
	/* The column cache follows the string for free. */
	ps->colp = chars ? s : start;
	ps->col = chars ? pos.col + chars : pos.col;
	size_t raw = (size_t)(body_end - start - 1);
	char *str = new_text(ps, raw + 1);
	if (escapes) {
		n->len = unescape(ps, start + 1, body_end, str, n);
		ps->colp = chars ? s : start;	/* unescape's errors moved it */
		ps->col = chars ? pos.col + chars : pos.col;
	} else {
		memcpy(str, start + 1, raw);
		str[raw] = '\0';
		n->len = raw;
	}
	n->str = str;
	return n;
}

static bool
is_word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	    c == '_' || c == '$' || c == '.' || c == '+' || c == '-';
}

/* RFC 8259 number: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
static bool
valid_number(cursor s, cursor e)
{
	if (s < e && *s == '-')
		s++;
	if (s >= e)
		return false;
	if (*s == '0') {
		s++;
	} else if (*s >= '1' && *s <= '9') {
		while (s < e && *s >= '0' && *s <= '9')
			s++;
	} else {
		return false;
	}
	if (s < e && *s == '.') {
		s++;
		if (s >= e || *s < '0' || *s > '9')
			return false;
		while (s < e && *s >= '0' && *s <= '9')
			s++;
	}
	if (s < e && (*s == 'e' || *s == 'E')) {
		s++;
		if (s < e && (*s == '+' || *s == '-'))
			s++;
		if (s >= e || *s < '0' || *s > '9')
			return false;
		while (s < e && *s >= '0' && *s <= '9')
			s++;
	}
	return s == e;
}

static bool
word_is(cursor s, size_t n, const char *w)
{
	return strlen(w) == n && memcmp(s, w, n) == 0;
}

static bool
word_is_nocase(cursor s, size_t n, const char *w)
{
	if (strlen(w) != n)
		return false;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = s[i];
		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c - 'A' + 'a');
		if (c != (unsigned char)w[i])
			return false;
	}
	return true;
}

/* A number, true, false or null; other words are reported (and kept as
 * plain scalars, so that the structure around them is still read). */
static tg_node *
parse_word(parser *ps)
{
	cursor start = ps->p;
	tg_pos pos = pos_at(ps, start);
	if (*start == '-' || (*start >= '0' && *start <= '9')) {
		while (ps->p < ps->end && is_word_byte(*ps->p))
			ps->p++;
		tg_node *n = word_node(ps, start, pos);
		if (!valid_number(start, ps->p))
			error_at(ps, pos, "'%s' is not a JSON number", n->str);
		return n;
	}
	while (ps->p < ps->end && is_word_byte(*ps->p))
		ps->p++;
	size_t len = (size_t)(ps->p - start);
	tg_node *n = word_node(ps, start, pos);
	if (word_is(start, len, "true") || word_is(start, len, "false") ||
	    word_is(start, len, "null"))
		return n;
	static const char *const literals[] = {"true", "false", "null"};
	for (size_t i = 0; i < 3; i++) {
		if (word_is_nocase(start, len, literals[i])) {
			error_at(ps, pos, "'%s' is not JSON: write %s", n->str, literals[i]);
			return n;
		}
	}
	if (word_is(start, len, "NaN") || word_is(start, len, "Infinity") ||
	    word_is(start, len, "undefined"))
		error_at(ps, pos, "'%s' is not a JSON value", n->str);
	else
		error_at(ps, pos, "unexpected word '%s': strings are written in double quotes", n->str);
	return n;
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
					error_at(ps, k->pos, "duplicate key '%s' (first given at line %u)",
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
			error_at(ps, k->pos, "duplicate key '%s' (first given at line %u)", k->str,
			    first->pos.line);
	}
	tg_map_free(&seen);
}

/* Takes the children pushed since `base` off the stack into n. */
static void
close_container(parser *ps, tg_node *n, size_t base)
{
	size_t count = ps->nstack - base;
	tg_node **kids = ps->stack + base;
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
	error_at(ps, n->pos, "'%c' is never closed", open);
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
		tg_pos comma = pos_at(ps, ps->p);
		ps->p++;
		skip_space(ps);
		while (ps->p < ps->end && *ps->p == ',') {
			error_at(ps, pos_at(ps, ps->p), "a second comma: remove it");
			ps->p++;
			skip_space(ps);
		}
		if (ps->p < ps->end && *ps->p == (unsigned char)close) {
			error_at(ps, comma, "a comma before '%c': remove it", close);
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
		error_at(ps, pos_at(ps, ps->p), "expected ',' or '%c' (to close the '%c' of line %u), "
		    "found '%c'", close, open, n->pos.line, c);
		return false;
	}
	if (starts_value(c)) {
		error_at(ps, pos_at(ps, ps->p), "expected ',' or '%c', found the start of a %s: "
		    "is a comma missing?", close, open == '{' ? "member" : "value");
		return true;
	}
	char what[32];
	describe_char(ps, ps->p, what);
	error_at(ps, pos_at(ps, ps->p), "expected ',' or '%c', found %s", close, what);
	ps->stop = true;
	return false;
}

static bool
enter(parser *ps, tg_pos pos)
{
	if (ps->depth >= TG_YAML_MAX_DEPTH) {
		error_at(ps, pos, "nesting is deeper than %d levels", TG_YAML_MAX_DEPTH);
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
		return parse_string(ps, '"');
	if (c == '\'') {
		error_at(ps, pos_at(ps, ps->p), "strings are written in double quotes");
		return parse_string(ps, '\'');
	}
	if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$') {
		cursor start = ps->p;
		tg_pos pos = pos_at(ps, start);
		while (ps->p < ps->end && is_word_byte(*ps->p))
			ps->p++;
		tg_node *k = word_node(ps, start, pos);
		k->plain = false;
		error_at(ps, pos, "key '%s' must be written in double quotes", k->str);
		return k;
	}
	char what[32];
	describe_char(ps, ps->p, what);
	error_at(ps, pos_at(ps, ps->p), "expected a key in double quotes, found %s", what);
	ps->stop = true;
	return NULL;
}

static tg_node *
parse_object(parser *ps)
{
	tg_node *n = new_node(ps, TG_NODE_MAP, pos_at(ps, ps->p));
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
			error_at(ps, pos_at(ps, ps->p), "expected ':' after the key '%s'", key->str);
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
	tg_node *n = new_node(ps, TG_NODE_SEQ, pos_at(ps, ps->p));
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
		fatal_at(ps, pos_at(ps, ps->p), "the file ends where a value is expected");
		return NULL;
	}
	unsigned char c = *ps->p;
	switch (c) {
	case '"':
		return parse_string(ps, '"');
	case '{':
		return parse_object(ps);
	case '[':
		return parse_array(ps);
	case '\'':
		error_at(ps, pos_at(ps, ps->p), "strings are written in double quotes");
		return parse_string(ps, '\'');
	default:
		break;
	}
	if (c == '-' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
		return parse_word(ps);
	char what[32];
	describe_char(ps, ps->p, what);
	if (c == ',' || c == '}' || c == ']')
		error_at(ps, pos_at(ps, ps->p), "expected a value, found %s", what);
	else
		error_at(ps, pos_at(ps, ps->p), "unexpected %s", what);
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
		error_at(&ps, tg_pos_at(file, 1, 1), "the file holds no JSON value");
	} else {
		root = parse_value(&ps);
		skip_space(&ps);
		if (!ps.stop && ps.p < ps.end)
			error_at(&ps, pos_at(&ps, ps.p), "more text after the JSON value");
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
