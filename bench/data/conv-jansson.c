/* Copies of a library's JSON objects into tg_node, for bench/data/parsers.c
 * (json-c's and jansson's headers cannot share a translation unit). */
#include <jansson.h>
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
from_jansson(tg_arena *a, json_t *o)
{
	switch (json_typeof(o)) {
	case JSON_NULL:
		return scalar(a, "null", 4, true);
	case JSON_TRUE:
		return scalar(a, "true", 4, true);
	case JSON_FALSE:
		return scalar(a, "false", 5, true);
	case JSON_INTEGER: {
		char num[32];
		int len = snprintf(num, sizeof num, "%" JSON_INTEGER_FORMAT, json_integer_value(o));
		return scalar(a, num, (size_t)len, true);
	}
	case JSON_REAL: {
		char num[32];
		int len = snprintf(num, sizeof num, "%.17g", json_real_value(o));
		return scalar(a, num, (size_t)len, true);
	}
	case JSON_STRING:
		return scalar(a, json_string_value(o), json_string_length(o), false);
	case JSON_ARRAY: {
		tg_node *n = node_new(a, TG_NODE_SEQ);
		n->n = json_array_size(o);
		n->items = TG_ARENA_ARRAY(a, tg_node *, n->n);
		for (size_t i = 0; i < n->n; i++)
			n->items[i] = from_jansson(a, json_array_get(o, i));
		return n;
	}
	case JSON_OBJECT: {
		tg_node *n = node_new(a, TG_NODE_MAP);
		n->n = json_object_size(o);
		n->items = TG_ARENA_ARRAY(a, tg_node *, 2 * n->n);
		size_t i = 0;
		const char *key;
		json_t *val;
		json_object_foreach(o, key, val) {
			n->items[i++] = scalar(a, key, strlen(key), false);
			n->items[i++] = from_jansson(a, val);
		}
		return n;
	}
	}
	return NULL;
}

static bool
bench_jansson(tg_arena *a, const char *text, size_t len, bool tree)
{
	json_error_t err;
	json_t *o = json_loadb(text, len, JSON_REJECT_DUPLICATES, &err);
	bool ok = o != NULL;
	if (ok && tree)
		from_jansson(a, o);
	json_decref(o);
	return ok;
}

int bench_library(const char *mode, tg_arena *a, const char *text, size_t len);

int
bench_library(const char *mode, tg_arena *a, const char *text, size_t len)
{
	if (strcmp(mode, "jansson") == 0)
		return bench_jansson(a, text, len, false);
	if (strcmp(mode, "jansson+tree") == 0)
		return bench_jansson(a, text, len, true);
	return -1;
}
