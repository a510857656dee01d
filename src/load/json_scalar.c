/* JSON scalars: strings (the hot loop of the parser: printable ASCII and
 * Japanese text in a few instructions a byte, everything else checked),
 * escapes, numbers and words, each reported where it is wrong. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json_internal.h"
#include "../util/utf8.h"

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
tg_node *
tg_jsonp_word_node(parser *ps, cursor start, tg_pos pos)
{
	tg_node *n = tg_jsonp_new_node(ps, TG_NODE_SCALAR, pos);
	n->plain = true;
	n->len = (size_t)(ps->p - start);
	char *str = new_text(ps, n->len + 1);
	memcpy(str, start, n->len);
	str[n->len] = '\0';
	n->str = str;
	n->pos.span = tg_jsonp_column_at(ps, ps->p) - pos.col;
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
				tg_jsonp_describe(ps, esc + 1, what);
				size_t n;
				tg_utf8_decode((const char *)esc + 1, (size_t)(e - esc - 1), &n);
				s = esc + 1 + n;
			} else {
				snprintf(what, sizeof what, "nothing");
				s = e;
			}
			tg_jsonp_error(ps, tg_jsonp_pos_at(ps, esc), "invalid escape: a backslash followed by %s "
			    "(JSON has \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)", what);
			continue;
		}
		}
		long cp = hex4(s, e);
		if (cp < 0) {
			tg_jsonp_error(ps, tg_jsonp_pos_at(ps, esc), "invalid escape: \\u needs four hex digits");
			continue;
		}
		s += 4;
		if (cp >= 0xD800 && cp <= 0xDBFF) {
			long low = s + 1 < e && s[0] == '\\' && s[1] == 'u' ? hex4(s + 2, e) : -1;
			if (low >= 0xDC00 && low <= 0xDFFF) {
				cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
				s += 6;
			} else {
				tg_jsonp_error(ps, tg_jsonp_pos_at(ps, esc), "\\u%04lX is the first half of a surrogate pair "
				    "without its second half", cp);
				continue;
			}
		} else if (cp >= 0xDC00 && cp <= 0xDFFF) {
			tg_jsonp_error(ps, tg_jsonp_pos_at(ps, esc), "\\u%04lX is the second half of a surrogate pair "
			    "without its first half", cp);
			continue;
		} else if (cp == 0) {
			tg_jsonp_error(ps, node->pos, "text contains a NUL character");
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
tg_node *
tg_jsonp_string(parser *ps, unsigned char quote)
{
	cursor start = ps->p;
	tg_pos pos = tg_jsonp_pos_at(ps, start);
	tg_node *n = tg_jsonp_new_node(ps, TG_NODE_SCALAR, pos);
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
				tg_jsonp_error(ps, tg_pos_at(ps->file, ps->line, pos.col + chars),
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
			tg_jsonp_error(ps, tg_pos_at(ps->file, ps->line, pos.col + chars),
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
		tg_jsonp_error(ps, pos, "string not closed before the end of the %s",
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

bool
tg_jsonp_is_word_byte(unsigned char c)
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
tg_node *
tg_jsonp_word(parser *ps)
{
	cursor start = ps->p;
	tg_pos pos = tg_jsonp_pos_at(ps, start);
	if (*start == '-' || (*start >= '0' && *start <= '9')) {
		while (ps->p < ps->end && tg_jsonp_is_word_byte(*ps->p))
			ps->p++;
		tg_node *n = tg_jsonp_word_node(ps, start, pos);
		if (!valid_number(start, ps->p))
			tg_jsonp_error(ps, pos, "'%s' is not a JSON number", n->str);
		return n;
	}
	while (ps->p < ps->end && tg_jsonp_is_word_byte(*ps->p))
		ps->p++;
	size_t len = (size_t)(ps->p - start);
	tg_node *n = tg_jsonp_word_node(ps, start, pos);
	if (word_is(start, len, "true") || word_is(start, len, "false") ||
	    word_is(start, len, "null"))
		return n;
	static const char *const literals[] = {"true", "false", "null"};
	for (size_t i = 0; i < 3; i++) {
		if (word_is_nocase(start, len, literals[i])) {
			tg_jsonp_error(ps, pos, "'%s' is not JSON: write %s", n->str, literals[i]);
			return n;
		}
	}
	if (word_is(start, len, "NaN") || word_is(start, len, "Infinity") ||
	    word_is(start, len, "undefined"))
		tg_jsonp_error(ps, pos, "'%s' is not a JSON value", n->str);
	else
		tg_jsonp_error(ps, pos, "unexpected word '%s': strings are written in double quotes", n->str);
	return n;
}
