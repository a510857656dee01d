/* Mustache parser, passes 1 to 3 over a flat token list (parse.c builds
 * the tree from it):
 *   1. tokenize: text split into lines, tags (set delimiters apply here);
 *   2. pair opening and closing tags, find what a parent tag ignores;
 *   3. whitespace: standalone lines, indentation of partials / parents /
 *      blocks (docs/templates.md), lines that begin with a node.
 * Whitespace needs whole lines and matching tags, which is why it is not
 * done while scanning. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "../util/utf8.h"

#define NONE SIZE_MAX

static bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

tg_pos
tg_mus_pos_at(parser *p, size_t off)
{
	for (; p->at < off; p->at++) {
		unsigned char c = (unsigned char)p->text[p->at];
		if (c == '\n') {
			p->line++;
			p->col = 1;
		} else if ((c & 0xC0) != 0x80) {
			p->col++;
		}
	}
	return tg_pos_at(p->m->file, p->line, p->col);
}

static void
add_text(parser *p, size_t from, size_t to)
{
	while (from < to) {
		const char *nl = memchr(p->text + from, '\n', to - from);
		size_t end = nl ? (size_t)(nl - p->text) + 1 : to;
		tok t = {0};
		t.type = TK_TEXT;
		t.s = p->text + from;
		t.len = end - from;
		t.nl = nl != NULL;
		size_t body = t.len - (t.nl ? 1 : 0);
		if (t.nl && body > 0 && t.s[body - 1] == '\r')
			body--;
		t.ws = true;
		for (size_t i = 0; i < body; i++)
			if (t.s[i] != ' ' && t.s[i] != '\t')
				t.ws = false;
		t.match = t.up = NONE;
		TG_BUF_PUSH(&p->toks, tok, t);
		from = end;
	}
}

static const char *
find(const char *hay, size_t haylen, const char *needle, size_t nlen)
{
	if (nlen == 0 || haylen < nlen)
		return NULL;
	for (const char *s = hay, *end = hay + haylen - nlen + 1; s < end; s++) {
		s = memchr(s, needle[0], (size_t)(end - s));
		if (s == NULL)
			return NULL;
		if (memcmp(s, needle, nlen) == 0)
			return s;
	}
	return NULL;
}

static void
trim(const char **s, size_t *len)
{
	while (*len > 0 && is_space(**s))
		(*s)++, (*len)--;
	while (*len > 0 && is_space((*s)[*len - 1]))
		(*len)--;
}

/* Tag names: no spaces, no NUL; dotted names (looked up in the context)
 * also have no empty part. */
static bool
check_name(parser *p, tg_pos pos, const char *s, size_t len, bool dotted)
{
	if (len == 0) {
		tg_diag_error(p->diag, pos, "empty tag name");
		p->errors++;
		return false;
	}
	for (size_t i = 0; i < len; i++) {
		if (is_space(s[i]) || s[i] == '\0') {
			tg_diag_error(p->diag, pos, "bad tag name '%.*s': names contain no spaces",
			    (int)len, s);
			p->errors++;
			return false;
		}
	}
	if (!dotted || (len == 1 && s[0] == '.'))
		return true;
	if (s[0] == '.' || s[len - 1] == '.' || find(s, len, "..", 2) != NULL) {
		tg_diag_error(p->diag, pos, "bad name '%.*s': a dotted name has an empty part",
		    (int)len, s);
		p->errors++;
		return false;
	}
	return true;
}

/* {{=<% %>=}}: two delimiters, no whitespace or '=' in them. */
static bool
set_delimiters(parser *p, tg_pos pos, const char *s, size_t len, const char **ot,
    size_t *otl, const char **ct, size_t *ctl)
{
	trim(&s, &len);
	size_t a = 0;
	while (a < len && !is_space(s[a]))
		a++;
	const char *second = s + a;
	size_t slen = len - a;
	trim(&second, &slen);
	bool ok = a > 0 && slen > 0 && memchr(s, '=', a) == NULL &&
	    memchr(second, '=', slen) == NULL;
	for (size_t i = 0; ok && i < slen; i++)
		if (is_space(second[i]) || second[i] == '\0')
			ok = false;
	if (memchr(s, '\0', a) != NULL)
		ok = false;
	if (!ok) {
		tg_diag_error(p->diag, pos, "bad set-delimiter tag: it takes two delimiters "
		    "without spaces or '=', as in {{=<%% %%>=}}");
		p->errors++;
		return false;
	}
	*ot = s;
	*otl = a;
	*ct = second;
	*ctl = slen;
	return true;
}

void
tg_mus_tokenize(parser *p)
{
	const char *ot = "{{", *ct = "}}";
	size_t otl = 2, ctl = 2;
	tg_buf closer = TG_BUF_INIT;
	size_t i = 0;
	while (i < p->len) {
		const char *q = find(p->text + i, p->len - i, ot, otl);
		size_t start = q ? (size_t)(q - p->text) : p->len;
		add_text(p, i, start);
		if (q == NULL)
			break;
		tg_pos pos = tg_mus_pos_at(p, start);
		size_t c = start + otl;
		char sigil = c < p->len ? p->text[c] : '\0';
		tok t = {0};
		t.match = t.up = NONE;
		tg_buf_clear(&closer);
		switch (sigil) {
		case '{': t.type = TK_RAW; tg_buf_putc(&closer, '}'); c++; break;
		case '&': t.type = TK_RAW; c++; break;
		case '#': t.type = TK_SECTION; c++; break;
		case '^': t.type = TK_INVERTED; c++; break;
		case '/': t.type = TK_CLOSE; c++; break;
		case '>': t.type = TK_PARTIAL; c++; break;
		case '!': t.type = TK_COMMENT; c++; break;
		case '=': t.type = TK_DELIM; tg_buf_putc(&closer, '='); c++; break;
		case '$': t.type = TK_BLOCK; c++; break;
		case '<': t.type = TK_PARENT; c++; break;
		default: t.type = TK_VAR; break;
		}
		tg_buf_put(&closer, ct, ctl);
		const char *e = find(p->text + c, p->len - c, closer.data, closer.len);
		if (e == NULL) {
			tg_diag_error(p->diag, pos, "unclosed tag: no '%s' after it", closer.data);
			p->errors++;
			add_text(p, start, p->len);
			break;
		}
		size_t end = (size_t)(e - p->text) + closer.len;
		const char *eol = memchr(p->text + start, '\n', end - start);
		size_t span = tg_utf8_count(p->text + start, (eol ? (size_t)(eol - p->text) : end) - start);
		pos.span = span > 1 ? (unsigned)span : 0;
		t.pos = pos;
		const char *name = p->text + c;
		size_t nlen = (size_t)(e - name);
		trim(&name, &nlen);
		i = end;
		if (t.type == TK_COMMENT) {
			TG_BUF_PUSH(&p->toks, tok, t);
			continue;
		}
		if (t.type == TK_DELIM) {
			set_delimiters(p, pos, name, nlen, &ot, &otl, &ct, &ctl);
			TG_BUF_PUSH(&p->toks, tok, t);
			continue;
		}
		t.key = name;
		t.keylen = nlen;
		if ((t.type == TK_PARTIAL || t.type == TK_PARENT || t.type == TK_CLOSE) &&
		    nlen > 0 && name[0] == '*') {
			/* {{>*name}}, padding allowed after the asterisk */
			name++, nlen--;
			trim(&name, &nlen);
			t.dynamic = true;
			char *k = tg_arena_alloc(&p->m->arena, nlen + 2);
			k[0] = '*';
			memcpy(k + 1, name, nlen);
			t.key = k;
			t.keylen = nlen + 1;
		}
		bool dotted = t.dynamic || t.type == TK_VAR || t.type == TK_RAW ||
		    t.type == TK_SECTION || t.type == TK_INVERTED;
		if (!check_name(p, pos, name, nlen, dotted))
			continue;
		t.s = name;
		t.len = nlen;
		TG_BUF_PUSH(&p->toks, tok, t);
	}
	tg_buf_free(&closer);
}

static const char *
element_word(tok_type type)
{
	switch (type) {
	case TK_INVERTED: return "inverted section";
	case TK_BLOCK: return "block";
	case TK_PARENT: return "parent";
	default: return "section";
	}
}

static bool
is_open(tok_type type)
{
	return type == TK_SECTION || type == TK_INVERTED || type == TK_BLOCK || type == TK_PARENT;
}

/* Pairs opening and closing tags; marks what parents ignore: everything
 * directly inside a parent but its blocks. */
void
tg_mus_pair_tags(parser *p)
{
	size_t n = TG_BUF_COUNT(&p->toks, tok);
	tg_buf stack = TG_BUF_INIT;	/* size_t: open tags */
	bool too_deep = false;
	for (size_t i = 0; i < n; i++) {
		tok *t = &T(p, i);
		size_t depth = TG_BUF_COUNT(&stack, size_t);
		size_t up = depth ? TG_BUF_AT(&stack, size_t, depth - 1) : NONE;
		t->up = up;
		if (up != NONE) {
			const tok *u = &T(p, up);
			if (u->type == TK_PARENT)
				t->ignored = u->ignored || t->type != TK_BLOCK;
			else
				t->ignored = u->ignored;
		}
		if (is_open(t->type)) {
			if (depth >= TG_MUS_MAX_NESTING) {
				tg_diag_error(p->diag, t->pos, "%s '%.*s' nests deeper than %d levels",
				    element_word(t->type), (int)t->keylen, t->key, TG_MUS_MAX_NESTING);
				p->errors++;
				too_deep = true;
				break;
			}
			TG_BUF_PUSH(&stack, size_t, i);
			continue;
		}
		if (t->type != TK_CLOSE)
			continue;
		size_t k = depth;
		while (k > 0) {
			const tok *o = &T(p, TG_BUF_AT(&stack, size_t, k - 1));
			if (o->keylen == t->keylen && memcmp(o->key, t->key, t->keylen) == 0)
				break;
			k--;
		}
		if (k == 0) {
			t->dead = true;
			if (depth == 0) {
				tg_diag_error(p->diag, t->pos, "closing tag '%.*s' has no open section",
				    (int)t->keylen, t->key);
			} else {
				const tok *o = &T(p, up);
				tg_diag_error(p->diag, t->pos,
				    "closing tag '%.*s' does not match the open %s '%.*s' (line %u)",
				    (int)t->keylen, t->key, element_word(o->type), (int)o->keylen, o->key,
				    o->pos.line);
			}
			p->errors++;
			continue;
		}
		/* A forgotten closing tag: report the sections it leaves open. */
		while (depth > k) {
			const tok *o = &T(p, TG_BUF_AT(&stack, size_t, depth - 1));
			tg_diag_error(p->diag, o->pos, "%s '%.*s' is never closed", element_word(o->type),
			    (int)o->keylen, o->key);
			p->errors++;
			depth--;
		}
		size_t open = TG_BUF_AT(&stack, size_t, k - 1);
		stack.len = (k - 1) * sizeof(size_t);
		T(p, open).match = i;
		t->match = open;
		t->up = T(p, open).up;
		t->ignored = T(p, open).ignored;
	}
	for (size_t k = TG_BUF_COUNT(&stack, size_t); k > 0 && !too_deep; k--) {
		const tok *o = &T(p, TG_BUF_AT(&stack, size_t, k - 1));
		tg_diag_error(p->diag, o->pos, "%s '%.*s' is never closed", element_word(o->type),
		    (int)o->keylen, o->key);
		p->errors++;
	}
	tg_buf_free(&stack);
}

/* ---- whitespace ---- */

/* Only whitespace before token i on its line; *from: the line's first
 * token.  Scans backwards so that a long line of tags costs nothing. */
static bool
left_clear(parser *p, size_t i, size_t *from)
{
	size_t b = i;
	while (b > 0 && !(T(p, b - 1).type == TK_TEXT && T(p, b - 1).nl)) {
		if (T(p, b - 1).type != TK_TEXT || !T(p, b - 1).ws)
			return false;
		b--;
	}
	*from = b;
	return true;
}

/* Only whitespace after token i up to the end of its line (or of the
 * template); *to: the token after the line end. */
static bool
right_clear(parser *p, size_t i, size_t *to)
{
	size_t n = TG_BUF_COUNT(&p->toks, tok);
	for (size_t j = i + 1; j < n; j++) {
		if (T(p, j).type != TK_TEXT || !T(p, j).ws)
			return false;
		if (T(p, j).nl) {
			*to = j + 1;
			return true;
		}
	}
	*to = n;
	return true;
}

static void
remove_text(parser *p, size_t from, size_t to)
{
	for (size_t j = from; j < to; j++)
		T(p, j).removed = true;
}

/* The whitespace that starts token j (a line's first token). */
static void
leading_ws(parser *p, size_t j, const char **s, size_t *len)
{
	*s = "";
	*len = 0;
	if (j >= TG_BUF_COUNT(&p->toks, tok) || T(p, j).type != TK_TEXT)
		return;
	const tok *t = &T(p, j);
	size_t k = 0;
	while (k < t->len && (t->s[k] == ' ' || t->s[k] == '\t'))
		k++;
	*s = t->s;
	*len = k;
}

/* Removes a block's intrinsic indentation from each line of its content. */
static void
dedent(parser *p, size_t open, size_t close, const char *prefix, size_t plen)
{
	if (plen == 0)
		return;
	for (size_t j = open + 1; j < close; j++) {
		tok *t = &T(p, j);
		if (t->type != TK_TEXT || !(T(p, j - 1).type == TK_TEXT && T(p, j - 1).nl))
			continue;
		if (t->len >= plen && memcmp(t->s, prefix, plen) == 0) {
			t->s += plen;
			t->len -= plen;
		}
	}
}

/* Whitespace before token i (left_clear true, from its result): the
 * indentation of a standalone tag. */
static void
indent_before(parser *p, size_t from, size_t i, tok *t)
{
	t->indent = "";
	t->indent_len = 0;
	if (from < i) {
		t->indent = T(p, from).s;
		t->indent_len = T(p, from).len;
	}
}

static void
standalone_block(parser *p, size_t i)
{
	tok *t = &T(p, i);
	size_t close = t->match, to, from, cto;
	bool rc = right_clear(p, i, &to);
	const char *in;
	size_t inlen;
	if (t->up != NONE && T(p, t->up).type == TK_PARENT) {
		/* An argument block: what precedes it inside the parent is ignored,
		 * so only its right side decides; the line end after it belongs
		 * to the tag, and the next line's indentation is intrinsic. */
		if (!rc)
			return;
		t->standalone = true;
		remove_text(p, i + 1, to);
		leading_ws(p, to, &in, &inlen);
		dedent(p, i, close, in, inlen);
		return;
	}
	bool lc = left_clear(p, i, &from);
	bool pair = lc && right_clear(p, close, &cto);
	t->first = TG_MUS_FIRST_SKIP;
	if (lc && rc) {
		t->standalone = true;
		remove_text(p, from, i);
		remove_text(p, i + 1, to);
	}
	if (pair && rc) {
		/* The intrinsic indentation (the next line's) is taken off the
		 * content and given to whatever content the block renders. */
		leading_ws(p, to, &in, &inlen);
		t->indent = in;
		t->indent_len = inlen;
		t->indent_always = true;
		t->first = TG_MUS_FIRST_FORCE;
		dedent(p, i, close, in, inlen);
	} else if (pair) {
		/* The tag's indentation stays in the output; overriding content
		 * gets it on its following lines. */
		indent_before(p, from, i, t);
	}
}

void
tg_mus_standalone_tags(parser *p)
{
	size_t n = TG_BUF_COUNT(&p->toks, tok);
	for (size_t i = 0; i < n; i++) {
		tok *t = &T(p, i);
		size_t from, to;
		if (t->type == TK_TEXT || t->type == TK_VAR || t->type == TK_RAW || t->ignored ||
		    t->dead)
			continue;
		if (t->type == TK_BLOCK) {
			standalone_block(p, i);
			continue;
		}
		if (t->type == TK_PARENT) {
			/* Parent tags pair up: the opening tag's left side and the
			 * closing tag's right side decide for both. */
			if (left_clear(p, i, &from) && right_clear(p, t->match, &to)) {
				t->standalone = true;
				indent_before(p, from, i, t);
				remove_text(p, from, i);
				T(p, t->match).standalone = true;
				remove_text(p, t->match + 1, to);
			}
			continue;
		}
		if (t->type == TK_CLOSE) {
			const tok *o = &T(p, t->match);
			if (o->type == TK_PARENT)
				continue;
			if (o->type == TK_BLOCK && o->up != NONE && T(p, o->up).type == TK_PARENT) {
				/* Ends an argument block: what follows is ignored. */
				if (left_clear(p, i, &from)) {
					t->standalone = true;
					remove_text(p, from, i);
				}
				continue;
			}
		}
		if (left_clear(p, i, &from) && right_clear(p, i, &to)) {
			t->standalone = true;
			if (t->type == TK_PARTIAL)
				indent_before(p, from, i, t);
			remove_text(p, from, i);
			remove_text(p, i + 1, to);
		}
	}
}

/* Marks the first output token of every line (see tg_mus_node.bol). */
void
tg_mus_mark_line_starts(parser *p)
{
	size_t n = TG_BUF_COUNT(&p->toks, tok);
	bool ls = true;
	for (size_t i = 0; i < n; i++) {
		tok *t = &T(p, i);
		if (t->type == TK_TEXT) {
			if (!t->removed && !t->ignored && t->len > 0) {
				t->bol = ls;
				ls = false;
			}
			if (t->nl)
				ls = true;
			continue;
		}
		if (t->ignored || t->dead || t->type == TK_COMMENT || t->type == TK_DELIM)
			continue;
		if (t->type == TK_CLOSE) {
			tok *o = &T(p, t->match);
			if (ls && !t->standalone && o->type != TK_PARENT)
				o->bol_end = true;
			if (!t->standalone)
				ls = false;
			continue;
		}
		if (t->type == TK_BLOCK && t->up != NONE && T(p, t->up).type == TK_PARENT) {
			ls = false;
			continue;
		}
		if (t->standalone)
			continue;
		t->bol = ls;
		ls = false;
	}
}
