/* Mustache parser: three passes over a flat token list (tokenize.c:
 * tokenize, pair tags, whitespace), then the node tree built here; the
 * public entry points (tg_mus_parse, tg_mus_walk, tg_mus_free …). */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "../util/utf8.h"

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
	tg_diag_error(p->diag, tg_mus_pos_at(p, bad), "invalid UTF-8 (byte 0x%02X)",
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
	tg_mus_tokenize(&p);
	tg_mus_pair_tags(&p);
	if (p.errors > 0)
		goto fail;
	tg_mus_standalone_tags(&p);
	tg_mus_mark_line_starts(&p);
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
