/* Parsed Mustache templates, shared by the parser (tokenize.c, parse.c)
 * and the renderer (render.c, values.c).  Not part of the public
 * interface. */
#ifndef TG_MUS_INTERNAL_H
#define TG_MUS_INTERNAL_H

#include "mustache.h"

typedef enum tg_mus_node_type {
	TG_MN_TEXT,
	TG_MN_VAR,
	TG_MN_RAW,
	TG_MN_SECTION,
	TG_MN_INVERTED,
	TG_MN_PARTIAL,
	TG_MN_BLOCK,
	TG_MN_PARENT
} tg_mus_node_type;

/* How the first line of a block's overriding content is indented. */
enum {
	TG_MUS_FIRST_AS_IS,	/* as its own bol flag says */
	TG_MUS_FIRST_FORCE,	/* the block's line was removed: indent it */
	TG_MUS_FIRST_SKIP	/* the block's indentation is already in the output */
};

typedef struct tg_mus_node tg_mus_node;
struct tg_mus_node {
	tg_mus_node_type type;
	/* Begins a line of its template: rendering under an indentation (a
	 * standalone partial, parent or block) writes the indentation first.
	 * Text nodes are also indented after every inner newline that is
	 * followed by more of the text. */
	bool bol;
	/* A tag that stands alone on its line(s): never indented itself. */
	bool standalone;
	/* Sections, inverted sections, blocks: the closing tag begins a line,
	 * so each rendering of the content ends with the indentation. */
	bool bol_end;
	/* Blocks outside parents: the indentation is prepended to default
	 * content too (its intrinsic indentation was removed when parsing). */
	bool indent_always;
	unsigned char first;	/* TG_MUS_FIRST_*, for overriding content */
	const char *text;	/* text nodes */
	size_t len;
	tg_mus_tag tag;		/* every other node */
	/* Dotted name split at '.' (lookups); 0 parts is the implicit iterator. */
	const char **parts;
	size_t *part_lens;
	size_t nparts;
	/* Partials and parents: indentation of a standalone tag; blocks: the
	 * indentation given to overriding content. */
	const char *indent;
	size_t indent_len;
	/* Sections, inverted sections, blocks: content; parents: their blocks. */
	tg_mus_node **kids;
	size_t nkids;
};

struct tg_mus {
	tg_arena arena;
	const char *file;
	const char *text;	/* the source, for quoting in messages */
	size_t len;
	tg_mus_node **nodes;
	size_t n;
};

/* ---- the parser's tokens (tokenize.c, parse.c) ---- */

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

/* Line and column of byte `off` of the text; offsets never go back (the
 * position is kept incrementally). */
tg_pos tg_mus_pos_at(parser *p, size_t off);
/* Pass 1: text split into lines, tags (set delimiters apply here). */
void tg_mus_tokenize(parser *p);
/* Pass 2: opening and closing tags paired; what a parent tag ignores. */
void tg_mus_pair_tags(parser *p);
/* Pass 3: standalone lines and the indentation of partials, parents and
 * blocks; then the tokens that begin a line. */
void tg_mus_standalone_tags(parser *p);
void tg_mus_mark_line_starts(parser *p);

/* tg_mus_parse; quote false gives the text to diag only with a syntax
 * error (partials, parsed again on every render, are quoted by the
 * renderer when it reports at one of their tags). */
tg_mus *tg_mus_parse_source(const char *file, const char *text, size_t len, tg_diag *diag,
    bool quote);

/* ---- values (values.c) ---- */

/* The value of a key of a mapping, or NULL. */
const tg_node *tg_mus_map_get(const tg_node *map, const char *key, size_t len);
/* items.0.name: the item a part of decimal digits indexes, or NULL. */
const tg_node *tg_mus_seq_get(const tg_node *seq, const char *part, size_t len);
/* What a section skips and an inverted section renders: missing, null,
 * false, an empty sequence. */
bool tg_mus_falsey(const tg_node *v);
/* The text a scalar interpolates as; num holds a formatted number. */
void tg_mus_scalar_text(const tg_node *v, char num[40], const char **s, size_t *len);
void tg_mus_escape_html(tg_buf *out, const char *s, size_t len);
/* The rule of mustache.h (tg_esc_md), at the line start out ends in or not. */
void tg_mus_escape_markdown(tg_buf *out, const char *s, size_t len);

#endif
