/* Shared by json.c (structure: objects, arrays, recovery, the entry
 * points) and json_scalar.c (strings, escapes, numbers, words): the
 * parser's state and what both use.  Nothing else includes it. */
#ifndef TG_LOAD_JSON_INTERNAL_H
#define TG_LOAD_JSON_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "json.h"

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

/* The column of `at` on the current line (a cache makes a left-to-right
 * walk linear) and its position: called for every node, so inline. */
static inline unsigned
tg_jsonp_column_at(parser *ps, cursor at)
{
	if (ps->colp < ps->line_start || ps->colp > at) {
		ps->colp = ps->line_start;
		ps->col = 1;
	}
	for (; ps->colp < at; ps->colp++)
		ps->col += (*ps->colp & 0xC0) != 0x80;
	return ps->col;
}

static inline tg_pos
tg_jsonp_pos_at(parser *ps, cursor at)
{
	return tg_pos_at(ps->file, ps->line, tg_jsonp_column_at(ps, at));
}

/* An error at pos (the parse stops after TG_JSON_MAX_ERRORS). */
void tg_jsonp_error(parser *ps, tg_pos pos, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* "'x'", "byte 0xFF" or "U+0009": what the character at `at` is. */
void tg_jsonp_describe(parser *ps, cursor at, char out[32]);

/* A node from the parser's chunks of the arena (zeroed). */
static inline tg_node *
tg_jsonp_new_node(parser *ps, tg_node_kind kind, tg_pos pos)
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

/* ---- json_scalar.c ---- */

/* A string from its opening quote ('"', or '\'' after an error) to its
 * closing one (or the end of its line), escapes decoded. */
tg_node *tg_jsonp_string(parser *ps, unsigned char quote);
/* A number, true, false or null at ps->p; other words are reported and
 * kept as plain scalars. */
tg_node *tg_jsonp_word(parser *ps);
/* A plain scalar over [start, ps->p) of one line. */
tg_node *tg_jsonp_word_node(parser *ps, cursor start, tg_pos pos);
bool tg_jsonp_is_word_byte(unsigned char c);

#endif
