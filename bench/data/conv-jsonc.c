/* Copies of a library's JSON objects into tg_node, for bench/data/parsers.c
 * (json-c's and jansson's headers cannot share a translation unit). */
#include <json.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "load/yaml.h"

static tg_node *
node_new(tg_arena *a, tg_node_kind kind)
{
	tg_node *n = TG_ARENA_NEW(a, tg_node);
	n->kind = kind;
	n->weight = 1;
	return n;
}

static tg_node *
scalar(tg_arena *a, const char *s, size_t len, bool plain)
{
	tg_node *n = node_new(a, TG_NODE_SCALAR);
	n->str = tg_arena_strndup(a, s, len);
	n->len = len;
	n->plain = plain;
	return n;
}

static tg_node *
from_jsonc(tg_arena *a, struct json_object *o)
{
	switch (json_object_get_type(o)) {
	case json_type_null:
		return scalar(a, "null", 4, true);
	case json_type_boolean:
		return json_object_get_boolean(o) ? scalar(a, "true", 4, true) : scalar(a, "false", 5, true);
	case json_type_double:
	case json_type_int: {
		const char *s = json_object_to_json_string(o);
		return scalar(a, s, strlen(s), true);
	}
	case json_type_string:
		return scalar(a, json_object_get_string(o), (size_t)json_object_get_string_len(o), false);
	case json_type_array: {
		tg_node *n = node_new(a, TG_NODE_SEQ);
		n->n = json_object_array_length(o);
		n->items = TG_ARENA_ARRAY(a, tg_node *, n->n);
		for (size_t i = 0; i < n->n; i++)
			n->items[i] = from_jsonc(a, json_object_array_get_idx(o, i));
		return n;
	}
	case json_type_object: {
		tg_node *n = node_new(a, TG_NODE_MAP);
		n->n = (size_t)json_object_object_length(o);
		n->items = TG_ARENA_ARRAY(a, tg_node *, 2 * n->n);
		size_t i = 0;
		json_object_object_foreach(o, key, val) {
			n->items[i++] = scalar(a, key, strlen(key), false);
			n->items[i++] = from_jsonc(a, val);
		}
		return n;
	}
	}
	return NULL;
}

static bool
bench_jsonc(tg_arena *a, const char *text, size_t len, bool tree)
{
	struct json_tokener *tok = json_tokener_new_ex(64);
	struct json_object *o = json_tokener_parse_ex(tok, text, (int)len);
	bool ok = o != NULL;
	if (ok && tree)
		from_jsonc(a, o);
	json_object_put(o);
	json_tokener_free(tok);
	return ok;
}

int bench_library(const char *mode, tg_arena *a, const char *text, size_t len);

int
bench_library(const char *mode, tg_arena *a, const char *text, size_t len)
{
	if (strcmp(mode, "json-c") == 0)
		return bench_jsonc(a, text, len, false);
	if (strcmp(mode, "json-c+tree") == 0)
		return bench_jsonc(a, text, len, true);
	return -1;
}
