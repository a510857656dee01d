#include "yaml.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "../util/buf.h"
#include "../util/map.h"
#include "../util/utf8.h"

typedef struct frame {
	tg_node *node;
	tg_buf children;	/* tg_node * */
	const char *anchor;
} frame;

typedef struct builder {
	tg_arena *arena;
	tg_diag *diag;
	const char *file;
	tg_buf stack;		/* frame */
	tg_map anchors;
	size_t alias_nodes;
	tg_node *root;
	int documents;
	bool failed;
} builder;

static tg_pos
mark_pos(const builder *b, yaml_mark_t m)
{
	return tg_pos_at(b->file, (unsigned)m.line + 1, (unsigned)m.column + 1);
}

static size_t
sat_add(size_t a, size_t b)
{
	return a > (size_t)-1 - b ? (size_t)-1 : a + b;
}

/* Line and column (in characters) of byte offset `off` of the text. */
static tg_pos
offset_pos(const builder *b, const char *text, size_t len, size_t off)
{
	unsigned line = 1, col = 1;
	if (off > len)
		off = len;
	for (size_t i = 0; i < off;) {
		if (text[i] == '\n') {
			line++;
			col = 1;
			i++;
			continue;
		}
		size_t n;
		tg_utf8_decode(text + i, off - i, &n);
		col++;
		i += n;
	}
	return tg_pos_at(b->file, line, col);
}

/* Reports the first invalid byte with its line and column; a file that
 * looks like Shift_JIS gets a hint. */
static bool
check_encoding(builder *b, const char *text, size_t len)
{
	size_t bad = tg_utf8_check(text, len);
	if (bad == len)
		return true;
	unsigned char c = (unsigned char)text[bad];
	bool sjis = ((c >= 0x81 && c <= 0x9F) || (c >= 0xE0 && c <= 0xFC)) &&
	    bad + 1 < len && (unsigned char)text[bad + 1] >= 0x40;
	tg_diag_error(b->diag, offset_pos(b, text, len, bad),
	    "invalid UTF-8 (byte 0x%02X)%s", c,
	    sjis ? "; the file looks like Shift_JIS/CP932: save it as UTF-8" : "");
	return false;
}

static void
add_child(builder *b, tg_node *child)
{
	size_t depth = TG_BUF_COUNT(&b->stack, frame);
	if (depth == 0) {
		b->root = child;
		return;
	}
	frame *f = &TG_BUF_AT(&b->stack, frame, depth - 1);
	TG_BUF_PUSH(&f->children, tg_node *, child);
	f->node->weight = sat_add(f->node->weight, child->weight);
}

static void
remember_anchor(builder *b, const char *anchor, tg_node *node)
{
	/* A redefined anchor replaces the old one (YAML 1.2 semantics). */
	if (anchor != NULL)
		tg_map_set(&b->anchors, tg_arena_strdup(b->arena, anchor), node);
}

static void
check_duplicate_keys(builder *b, tg_node *map)
{
	tg_map seen;
	tg_map_init(&seen);
	for (size_t i = 0; i < map->n; i++) {
		tg_node *k = map->items[2 * i];
		if (k->kind != TG_NODE_SCALAR) {
			tg_diag_error(b->diag, k->pos, "mapping keys must be plain text, not a %s",
			    tg_node_kind_name(k));
			continue;
		}
		tg_node *first = tg_map_putn(&seen, k->str, k->len, k);
		if (first != NULL)
			tg_diag_error(b->diag, k->pos,
			    "duplicate key '%s' (first given at line %u)", k->str, first->pos.line);
	}
	tg_map_free(&seen);
}

static void
push_container(builder *b, tg_node_kind kind, yaml_mark_t mark,
    const yaml_char_t *anchor, const yaml_char_t *tag)
{
	tg_node *n = TG_ARENA_NEW(b->arena, tg_node);
	n->kind = kind;
	n->pos = mark_pos(b, mark);
	n->weight = 1;
	n->tag = tag ? tg_arena_strdup(b->arena, (const char *)tag) : NULL;
	frame f = {n, TG_BUF_INIT, anchor ? tg_arena_strdup(b->arena, (const char *)anchor) : NULL};
	TG_BUF_PUSH(&b->stack, frame, f);
}

static void
pop_container(builder *b)
{
	size_t depth = TG_BUF_COUNT(&b->stack, frame);
	frame f = TG_BUF_AT(&b->stack, frame, depth - 1);
	b->stack.len -= sizeof(frame);
	size_t count = TG_BUF_COUNT(&f.children, tg_node *);
	f.node->items = tg_arena_memdup(b->arena, f.children.data, count * sizeof(tg_node *));
	f.node->n = f.node->kind == TG_NODE_MAP ? count / 2 : count;
	tg_buf_free(&f.children);
	if (f.node->kind == TG_NODE_MAP)
		check_duplicate_keys(b, f.node);
	remember_anchor(b, f.anchor, f.node);
	add_child(b, f.node);
}

static bool
handle_event(builder *b, const yaml_event_t *ev)
{
	switch (ev->type) {
	case YAML_DOCUMENT_START_EVENT:
		if (++b->documents > 1) {
			tg_diag_error(b->diag, mark_pos(b, ev->start_mark),
			    "a file holds one YAML document; this is a second one");
			return false;
		}
		return true;
	case YAML_SCALAR_EVENT: {
		tg_node *n = TG_ARENA_NEW(b->arena, tg_node);
		n->kind = TG_NODE_SCALAR;
		n->pos = mark_pos(b, ev->start_mark);
		if (ev->start_mark.line == ev->end_mark.line &&
		    ev->end_mark.column > ev->start_mark.column)
			n->pos.span = (unsigned)(ev->end_mark.column - ev->start_mark.column);
		n->str = tg_arena_strndup(b->arena, (const char *)ev->data.scalar.value,
		    ev->data.scalar.length);
		n->len = ev->data.scalar.length;
		n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
		n->tag = ev->data.scalar.tag ?
		    tg_arena_strdup(b->arena, (const char *)ev->data.scalar.tag) : NULL;
		n->weight = 1;
		if (memchr(n->str, '\0', n->len) != NULL) {
			tg_diag_error(b->diag, n->pos, "text contains a NUL character");
			b->failed = true;
		}
		remember_anchor(b, (const char *)ev->data.scalar.anchor, n);
		add_child(b, n);
		return true;
	}
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT:
		if (TG_BUF_COUNT(&b->stack, frame) >= TG_YAML_MAX_DEPTH) {
			tg_diag_error(b->diag, mark_pos(b, ev->start_mark),
			    "nesting is deeper than %d levels", TG_YAML_MAX_DEPTH);
			return false;
		}
		if (ev->type == YAML_SEQUENCE_START_EVENT)
			push_container(b, TG_NODE_SEQ, ev->start_mark,
			    ev->data.sequence_start.anchor, ev->data.sequence_start.tag);
		else
			push_container(b, TG_NODE_MAP, ev->start_mark,
			    ev->data.mapping_start.anchor, ev->data.mapping_start.tag);
		return true;
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		pop_container(b);
		return true;
	case YAML_ALIAS_EVENT: {
		const char *name = (const char *)ev->data.alias.anchor;
		tg_node *target = tg_map_get(&b->anchors, name);
		if (target == NULL) {
			tg_diag_error(b->diag, mark_pos(b, ev->start_mark),
			    "alias '*%s' refers to no complete anchor", name);
			return false;
		}
		b->alias_nodes = sat_add(b->alias_nodes, target->weight);
		if (b->alias_nodes > TG_YAML_MAX_ALIAS_NODES) {
			tg_diag_error(b->diag, mark_pos(b, ev->start_mark),
			    "aliases expand to more than %d nodes; refusing to load "
			    "(a \"billion laughs\" file?)", TG_YAML_MAX_ALIAS_NODES);
			return false;
		}
		add_child(b, target);
		return true;
	}
	default:
		return true;
	}
}

tg_node *
tg_yaml_parse(tg_arena *a, tg_diag *d, const char *file, const char *text, size_t len)
{
	builder b = {0};
	b.arena = a;
	b.diag = d;
	b.file = file;
	tg_map_init(&b.anchors);
	/* libyaml skips a byte order mark only when it detects the encoding
	 * itself; we set it (UTF-8 is the only one we accept). */
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
		text += 3;
		len -= 3;
	}
	if (!check_encoding(&b, text, len))
		return NULL;

	yaml_parser_t parser;
	if (!yaml_parser_initialize(&parser)) {
		fputs("totsugo: out of memory\n", stderr);
		abort();
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
	bool ok = true;
	for (;;) {
		yaml_event_t ev;
		if (!yaml_parser_parse(&parser, &ev)) {
			yaml_mark_t m = parser.problem_mark;
			if (parser.error == YAML_MEMORY_ERROR) {
				fputs("totsugo: out of memory\n", stderr);
				abort();
			}
			if (parser.error == YAML_READER_ERROR) {
				/* Reader errors carry a byte offset, not a mark. */
				tg_pos at = offset_pos(&b, text, len, parser.problem_offset);
				if (parser.problem_value >= 0)
					tg_diag_error(d, at, "control character U+%04X is not allowed in YAML "
					    "(write it as an escape in a double-quoted string if it is meant)",
					    (unsigned)parser.problem_value);
				else
					tg_diag_error(d, at, "YAML: %s",
					    parser.problem ? parser.problem : "unreadable text");
			} else if (parser.context != NULL)
				tg_diag_error(d, mark_pos(&b, m), "YAML syntax: %s %s (started at line %zu, column %zu)",
				    parser.problem ? parser.problem : "error", parser.context,
				    parser.context_mark.line + 1, parser.context_mark.column + 1);
			else
				tg_diag_error(d, mark_pos(&b, m), "YAML syntax: %s",
				    parser.problem ? parser.problem : "error");
			ok = false;
			break;
		}
		bool done = ev.type == YAML_STREAM_END_EVENT;
		if (!handle_event(&b, &ev))
			ok = false;
		yaml_event_delete(&ev);
		if (done || !ok)
			break;
	}
	yaml_parser_delete(&parser);
	for (size_t i = 0; i < TG_BUF_COUNT(&b.stack, frame); i++)
		tg_buf_free(&TG_BUF_AT(&b.stack, frame, i).children);
	tg_buf_free(&b.stack);
	tg_map_free(&b.anchors);
	if (!ok || b.failed)
		return NULL;
	if (b.root == NULL) {
		tg_node *empty = TG_ARENA_NEW(a, tg_node);
		empty->kind = TG_NODE_SCALAR;
		empty->plain = true;
		empty->str = "";
		empty->pos = tg_pos_at(file, 1, 1);
		empty->weight = 1;
		return empty;
	}
	return b.root;
}

const char *
tg_node_kind_name(const tg_node *n)
{
	if (n == NULL)
		return "nothing";
	switch (n->kind) {
	case TG_NODE_SCALAR:
		return tg_node_is_null(n) ? "null" : "scalar";
	case TG_NODE_SEQ:
		return "list";
	case TG_NODE_MAP:
		return "mapping";
	}
	return "?";
}

const tg_node *
tg_node_get(const tg_node *map, const char *key)
{
	if (map == NULL || map->kind != TG_NODE_MAP)
		return NULL;
	size_t len = strlen(key);
	for (size_t i = 0; i < map->n; i++) {
		const tg_node *k = map->items[2 * i];
		if (k->kind == TG_NODE_SCALAR && k->len == len && memcmp(k->str, key, len) == 0)
			return map->items[2 * i + 1];
	}
	return NULL;
}

const tg_node *
tg_node_key(const tg_node *map, size_t i)
{
	return map->items[2 * i];
}

const tg_node *
tg_node_value(const tg_node *map, size_t i)
{
	return map->items[2 * i + 1];
}

bool
tg_node_is_null(const tg_node *n)
{
	if (n == NULL)
		return true;
	if (n->kind != TG_NODE_SCALAR || !n->plain)
		return false;
	return n->len == 0 || strcmp(n->str, "~") == 0 || strcmp(n->str, "null") == 0 ||
	    strcmp(n->str, "Null") == 0 || strcmp(n->str, "NULL") == 0;
}

bool
tg_node_is_word(const tg_node *n, const char *word)
{
	return n != NULL && n->kind == TG_NODE_SCALAR && n->plain && strcmp(n->str, word) == 0;
}

tg_pos
tg_node_pos(const tg_node *n)
{
	return n->pos;
}
