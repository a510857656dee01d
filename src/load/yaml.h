/* YAML → node tree, with positions on every node and hard limits
 * (nesting depth, alias expansion budget, UTF-8 validity).  Nodes live in
 * the arena passed to tg_yaml_parse; aliases share the anchored node. */
#ifndef TG_YAML_H
#define TG_YAML_H

#include <stdbool.h>
#include <stddef.h>

#include "../util/arena.h"
#include "../util/diag.h"

#define TG_YAML_MAX_DEPTH 64
#define TG_YAML_MAX_ALIAS_NODES 100000

typedef enum tg_node_kind {
	TG_NODE_SCALAR,
	TG_NODE_SEQ,
	TG_NODE_MAP
} tg_node_kind;

typedef struct tg_node tg_node;
struct tg_node {
	tg_node_kind kind;
	bool plain;		/* scalar written without quotes or block style */
	tg_pos pos;		/* where the node starts */
	const char *str;	/* scalar value, NUL-terminated */
	size_t len;
	const char *tag;	/* explicit tag, or NULL */
	tg_node **items;	/* sequence items; mapping: key, value, key, value … */
	size_t n;		/* sequence length / mapping pairs */
	size_t weight;		/* nodes in the expanded subtree (alias budget) */
};

/* Parses one YAML document.  Returns NULL (after reporting) on any error.
 * `file` must outlive the tree (positions point to it). */
tg_node *tg_yaml_parse(tg_arena *a, tg_diag *d, const char *file,
    const char *text, size_t len);

const char *tg_node_kind_name(const tg_node *n);
/* Mapping access: value of key or NULL; key / value of pair i. */
const tg_node *tg_node_get(const tg_node *map, const char *key);
const tg_node *tg_node_key(const tg_node *map, size_t i);
const tg_node *tg_node_value(const tg_node *map, size_t i);
/* Plain null: empty, ~, null, Null, NULL. */
bool tg_node_is_null(const tg_node *n);
/* A plain scalar equal to word (e.g. "unknown", "true"). */
bool tg_node_is_word(const tg_node *n, const char *word);
/* Position just after a node's start: the position of a key's value. */
tg_pos tg_node_pos(const tg_node *n);

#endif
