/* Building template contexts (tg_node trees) in an arena. */
#include <stdio.h>
#include <string.h>

#include "mustache.h"

static tg_node *
new_node(tg_arena *a, tg_node_kind kind, tg_pos pos)
{
	tg_node *n = TG_ARENA_NEW(a, tg_node);
	n->kind = kind;
	n->pos = pos;
	n->str = "";
	n->weight = 1;
	return n;
}

tg_node *
tg_node_new_map(tg_arena *a, tg_pos pos)
{
	return new_node(a, TG_NODE_MAP, pos);
}

tg_node *
tg_node_new_seq(tg_arena *a, tg_pos pos)
{
	return new_node(a, TG_NODE_SEQ, pos);
}

tg_node *
tg_node_new_stringn(tg_arena *a, tg_pos pos, const char *s, size_t len)
{
	tg_node *n = new_node(a, TG_NODE_SCALAR, pos);
	n->str = tg_arena_strndup(a, s, len);
	n->len = len;
	return n;
}

tg_node *
tg_node_new_string(tg_arena *a, tg_pos pos, const char *s)
{
	return tg_node_new_stringn(a, pos, s, strlen(s));
}

static tg_node *
plain(tg_arena *a, tg_pos pos, const char *s)
{
	tg_node *n = tg_node_new_string(a, pos, s);
	n->plain = true;
	return n;
}

tg_node *
tg_node_new_bool(tg_arena *a, tg_pos pos, bool v)
{
	return plain(a, pos, v ? "true" : "false");
}

tg_node *
tg_node_new_null(tg_arena *a, tg_pos pos)
{
	return plain(a, pos, "null");
}

tg_node *
tg_node_new_int(tg_arena *a, tg_pos pos, long long v)
{
	char buf[32];
	snprintf(buf, sizeof buf, "%lld", v);
	return plain(a, pos, buf);
}

/* Room for `more` items after `count`: arrays made here hold a power of
 * two, so a full one is one whose count is a power of two. */
static void
grow(tg_arena *a, tg_node *n, size_t count, size_t more)
{
	if (count != 0 && (count & (count - 1)) != 0)
		return;
	size_t cap = count ? 2 * count : more;
	tg_node **items = TG_ARENA_ARRAY(a, tg_node *, cap);
	if (count > 0)
		memcpy(items, n->items, count * sizeof *items);
	n->items = items;
}

void
tg_node_map_add(tg_arena *a, tg_node *map, const char *key, tg_node *value)
{
	grow(a, map, 2 * map->n, 2);
	map->items[2 * map->n] = tg_node_new_string(a, map->pos, key);
	map->items[2 * map->n + 1] = value;
	map->n++;
}

void
tg_node_seq_add(tg_arena *a, tg_node *seq, tg_node *item)
{
	grow(a, seq, seq->n, 1);
	seq->items[seq->n++] = item;
}
