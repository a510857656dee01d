/* Mustache parser.  Three passes over a flat token list:
 *   1. tokenize: text split into lines, tags (set delimiters apply here);
 *   2. pair opening and closing tags, find what a parent tag ignores;
 *   3. whitespace: standalone lines, indentation of partials / parents /
 *      blocks (docs/templates.md), lines that begin with a node;
 * then build the node tree.  Whitespace needs whole lines and matching
 * tags, which is why it is not done while scanning. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "../util/utf8.h"

typedef enum tok_type {
	TK_TEXT,
	TK_VAR,
	TK_RAW,
	TK_SECTION,
	TK_INVERTED,
	TK_CLOSE,
	TK_PARTIAL,
	TK_COMMENT,
	TK_DELIM,
	TK_BLOCK,
	TK_PARENT
} tok_type;

#define NONE SIZE_MAX

typedef struct tok {
	tok_type type;
	bool nl;		/* text: ends with "\n" */
	bool ws;		/* text: only spaces and tabs before the newline */
	bool dynamic;		/* partial / parent: {{>*name}} */
	bool removed;		/* text: part of a standalone tag's line */
	bool ignored;		/* inside a parent, outside its blocks */
	bool dead;		/* a closing tag that closes nothing */
	bool standalone;
	bool bol;
	bool bol_end;
	bool indent_always;
	unsigned char first;
	const char *s;		/* text, or the tag's name */
	size_t len;
	const char *key;	/* opening / closing tags: name to match ('*' kept) */
	size_t keylen;
	tg_pos pos;
	size_t match;		/* the matching closing / opening tag */
	size_t up;		/* the enclosing opening tag */
	const char *indent;
	size_t indent_len;
} tok;

typedef struct parser {
	tg_mus *m;
	tg_diag *diag;
	const char *text;	/* the arena copy */
	size_t len;
	tg_buf toks;		/* tok */
	size_t errors;
	/* incremental position: byte offset `at` is at line:col */
	size_t at;
	unsigned line, col;
} parser;

#define T(p, i) TG_BUF_AT(&(p)->toks, tok, i)

static bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static tg_pos
pos_at(parser *p, size_t off)
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

static void
tokenize(parser *p)
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
		tg_pos pos = pos_at(p, start);
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
static void
pair_tags(parser *p)
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

static void
standalone_tags(parser *p)
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
static void
mark_line_starts(parser *p)
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

/* ---- tree ---- */

static tg_mus_kind
kind_of(tok_type type)
{
	switch (type) {
	case TK_RAW: return TG_MUS_UNESCAPED;
	case TK_SECTION: return TG_MUS_SECTION;
	case TK_INVERTED: return TG_MUS_INVERTED;
	case TK_PARTIAL: return TG_MUS_PARTIAL;
	case TK_BLOCK: return TG_MUS_BLOCK;
	case TK_PARENT: return TG_MUS_PARENT;
	default: return TG_MUS_VARIABLE;
	}
}

static tg_mus_node_type
node_type(tok_type type)
{
	switch (type) {
	case TK_RAW: return TG_MN_RAW;
	case TK_SECTION: return TG_MN_SECTION;
	case TK_INVERTED: return TG_MN_INVERTED;
	case TK_PARTIAL: return TG_MN_PARTIAL;
	case TK_BLOCK: return TG_MN_BLOCK;
	case TK_PARENT: return TG_MN_PARENT;
	default: return TG_MN_VAR;
	}
}

typedef struct builder {
	parser *p;
	tg_buf names;	/* const char *: enclosing section names */
	tg_buf text;	/* pending text */
	bool text_bol;
} builder;

static void
flush_text(builder *b, tg_buf *list)
{
	if (b->text.len == 0)
		return;
	tg_mus_node *n = TG_ARENA_NEW(&b->p->m->arena, tg_mus_node);
	n->type = TG_MN_TEXT;
	n->text = tg_arena_memdup(&b->p->m->arena, b->text.data, b->text.len);
	n->len = b->text.len;
	n->bol = b->text_bol;
	TG_BUF_PUSH(list, tg_mus_node *, n);
	tg_buf_clear(&b->text);
}

static tg_mus_node *
tag_node(builder *b, const tok *t)
{
	tg_arena *a = &b->p->m->arena;
	tg_mus_node *n = TG_ARENA_NEW(a, tg_mus_node);
	n->type = node_type(t->type);
	n->bol = t->bol;
	n->standalone = t->standalone;
	n->bol_end = t->bol_end;
	n->indent_always = t->indent_always;
	n->first = t->first;
	n->indent = t->indent ? tg_arena_memdup(a, t->indent, t->indent_len) : "";
	n->indent_len = t->indent ? t->indent_len : 0;
	n->tag.kind = kind_of(t->type);
	n->tag.name = tg_arena_strndup(a, t->s, t->len);
	n->tag.dynamic = t->dynamic;
	n->tag.pos = t->pos;
	n->tag.nsections = TG_BUF_COUNT(&b->names, const char *);
	n->tag.sections = tg_arena_memdup(a, b->names.data ? b->names.data : "",
	    b->names.len);
	bool lookup = t->dynamic || t->type == TK_VAR || t->type == TK_RAW ||
	    t->type == TK_SECTION || t->type == TK_INVERTED;
	if (lookup && !(t->len == 1 && t->s[0] == '.')) {
		size_t parts = 1;
		for (size_t i = 0; i < t->len; i++)
			parts += t->s[i] == '.';
		n->parts = TG_ARENA_ARRAY(a, const char *, parts);
		n->part_lens = TG_ARENA_ARRAY(a, size_t, parts);
		const char *s = n->tag.name;
		for (size_t k = 0; k < parts; k++) {
			const char *dot = strchr(s, '.');
			size_t l = dot ? (size_t)(dot - s) : strlen(s);
			n->parts[k] = s;
			n->part_lens[k] = l;
			s += l + 1;
		}
		n->nparts = parts;
	}
	return n;
}

static void build(builder *b, size_t from, size_t to, tg_mus_node ***nodes, size_t *count);

static void
build_kids(builder *b, tg_mus_node *n, size_t open)
{
	build(b, open + 1, T(b->p, open).match, &n->kids, &n->nkids);
}

static void
build(builder *b, size_t from, size_t to, tg_mus_node ***nodes, size_t *count)
{
	parser *p = b->p;
	tg_buf list = TG_BUF_INIT;
	for (size_t i = from; i < to; i++) {
		const tok *t = &T(p, i);
		switch (t->type) {
		case TK_TEXT:
			if (t->removed || t->len == 0)
				break;
			if (b->text.len == 0)
				b->text_bol = t->bol;
			tg_buf_put(&b->text, t->s, t->len);
			break;
		case TK_VAR:
		case TK_RAW:
		case TK_PARTIAL:
			flush_text(b, &list);
			TG_BUF_PUSH(&list, tg_mus_node *, tag_node(b, t));
			break;
		case TK_SECTION:
		case TK_INVERTED: {
			flush_text(b, &list);
			tg_mus_node *n = tag_node(b, t);
			TG_BUF_PUSH(&b->names, const char *, n->tag.name);
			build_kids(b, n, i);
			b->names.len -= sizeof(const char *);
			TG_BUF_PUSH(&list, tg_mus_node *, n);
			i = t->match;
			break;
		}
		case TK_BLOCK: {
			flush_text(b, &list);
			tg_mus_node *n = tag_node(b, t);
			build_kids(b, n, i);
			TG_BUF_PUSH(&list, tg_mus_node *, n);
			i = t->match;
			break;
		}
		case TK_PARENT: {
			flush_text(b, &list);
			tg_mus_node *n = tag_node(b, t);
			tg_buf args = TG_BUF_INIT;
			for (size_t j = i + 1; j < t->match; j++) {
				const tok *a = &T(p, j);
				if (a->type != TK_BLOCK || a->ignored)
					continue;
				tg_mus_node *arg = tag_node(b, a);
				build_kids(b, arg, j);
				TG_BUF_PUSH(&args, tg_mus_node *, arg);
				j = a->match;
			}
			n->nkids = TG_BUF_COUNT(&args, tg_mus_node *);
			n->kids = tg_arena_memdup(&p->m->arena, args.data ? args.data : "", args.len);
			tg_buf_free(&args);
			TG_BUF_PUSH(&list, tg_mus_node *, n);
			i = t->match;
			break;
		}
		default:
			break;
		}
	}
	flush_text(b, &list);
	*count = TG_BUF_COUNT(&list, tg_mus_node *);
	*nodes = tg_arena_memdup(&p->m->arena, list.data ? list.data : "", list.len);
	tg_buf_free(&list);
}

static bool
check_utf8(parser *p)
{
	size_t bad = tg_utf8_check(p->text, p->len);
	if (bad == p->len)
		return true;
	tg_diag_error(p->diag, pos_at(p, bad), "invalid UTF-8 (byte 0x%02X)",
	    (unsigned char)p->text[bad]);
	return false;
}

tg_mus *
tg_mus_parse_source(const char *file, const char *text, size_t len, tg_diag *diag, bool quote)
{
	tg_mus *m = tg_xcalloc(1, sizeof *m);
	tg_arena_init(&m->arena);
	m->file = tg_arena_strdup(&m->arena, file);
	if (quote)
		tg_diag_add_source(diag, file, text, len);
	parser p = {0};
	p.m = m;
	p.diag = diag;
	p.text = m->text = tg_arena_memdup(&m->arena, len ? text : "", len);
	p.len = m->len = len;
	p.line = p.col = 1;
	if (!check_utf8(&p))
		goto fail;
	tokenize(&p);
	pair_tags(&p);
	if (p.errors > 0)
		goto fail;
	standalone_tags(&p);
	mark_line_starts(&p);
	builder b = {&p, TG_BUF_INIT, TG_BUF_INIT, false};
	build(&b, 0, TG_BUF_COUNT(&p.toks, tok), &m->nodes, &m->n);
	tg_buf_free(&b.names);
	tg_buf_free(&b.text);
	tg_buf_free(&p.toks);
	return m;
fail:
	if (!quote)
		tg_diag_add_source(diag, file, text, len);
	tg_buf_free(&p.toks);
	tg_mus_free(m);
	return NULL;
}

tg_mus *
tg_mus_parse(const char *file, const char *text, size_t len, tg_diag *diag)
{
	return tg_mus_parse_source(file, text, len, diag, true);
}

void
tg_mus_free(tg_mus *m)
{
	if (m == NULL)
		return;
	tg_arena_free(&m->arena);
	free(m);
}

static void
walk(tg_mus_node *const *nodes, size_t n, void (*fn)(void *, const tg_mus_tag *), void *ud)
{
	for (size_t i = 0; i < n; i++) {
		const tg_mus_node *node = nodes[i];
		if (node->type == TG_MN_TEXT)
			continue;
		fn(ud, &node->tag);
		walk(node->kids, node->nkids, fn, ud);
	}
}

void
tg_mus_walk(const tg_mus *m, void (*fn)(void *ud, const tg_mus_tag *tag), void *ud)
{
	walk(m->nodes, m->n, fn, ud);
}

void
tg_mus_add_source(const tg_mus *m, tg_diag *diag)
{
	tg_diag_add_source(diag, m->file, m->text, m->len);
}
