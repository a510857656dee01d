/* libFuzzer harness of the JSON parser (src/load/json.c): any bytes as a
 * data file.  Besides the sanitizers' checks, it asserts what the parser
 * promises: a tree exactly when no error was reported, a position on
 * every node, and texts that are valid UTF-8 without NUL.
 * Built when the compiler is clang (meson -Dfuzz=enabled); run by
 * tools/run-tests.sh. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load/json.h"
#include "util/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check(const tg_node *n, unsigned depth)
{
	if (n->pos.line == 0 || n->pos.col == 0 || depth > TG_YAML_MAX_DEPTH)
		abort();
	if (n->kind == TG_NODE_SCALAR) {
		if (n->str == NULL || strlen(n->str) != n->len || tg_utf8_check(n->str, n->len) != n->len)
			abort();
		return;
	}
	size_t count = n->kind == TG_NODE_MAP ? 2 * n->n : n->n;
	for (size_t i = 0; i < count; i++) {
		if (n->kind == TG_NODE_MAP && i % 2 == 0 && n->items[i]->kind != TG_NODE_SCALAR)
			abort();
		check(n->items[i], depth + 1);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	tg_arena arena;
	tg_arena_init(&arena);
	tg_diag *diag = tg_diag_new();
	tg_diag_add_source(diag, "fuzz.json", (const char *)data, size);
	const tg_node *root = tg_json_parse(&arena, diag, "fuzz.json", (const char *)data, size);
	if ((root == NULL) != (tg_diag_errors(diag) > 0))
		abort();
	if (root != NULL)
		check(root, 0);
	FILE *null = fopen("/dev/null", "w");
	if (null != NULL) {
		tg_diag_print(diag, null);
		fclose(null);
	}
	tg_diag_free(diag);
	tg_arena_free(&arena);
	return 0;
}
