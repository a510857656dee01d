/* libFuzzer harness: the YAML writer round trip.  The input is split at
 * NUL bytes into strings; each valid UTF-8 one is written as a mapping
 * value (plain, quoted or a literal block, as the writer chooses), as a
 * list entry, nested, and in a comment line, then the text is parsed: it
 * must load, with every value back exactly as written and the comments
 * gone.  Any string in the model can be written and read back. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load/yaml.h"
#include "util/utf8.h"
#include "util/yamlw.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check(const char *s, size_t len)
{
	if (tg_utf8_check(s, len) != len)
		return;
	char *v = malloc(len + 1);
	memcpy(v, s, len);
	v[len] = '\0';
	tg_buf y = TG_BUF_INIT;
	tg_buf_puts(&y, "# ");
	tg_yamlw_comment(&y, v, len);
	tg_buf_puts(&y, "\n");
	tg_yamlw_kv(&y, 0, "k", v);
	tg_buf_puts(&y, "list:\n  - ");
	tg_yamlw_scalar(&y, v);
	tg_buf_puts(&y, "\n  - ");
	tg_yamlw_quoted(&y, v);
	tg_buf_puts(&y, "\nmap:\n  # ");
	tg_yamlw_comment(&y, v, len);
	tg_buf_puts(&y, "\n");
	tg_yamlw_kv(&y, 2, "nested", v);
	tg_buf_puts(&y, "end: 1\n");
	tg_arena a;
	tg_arena_init(&a);
	tg_diag *d = tg_diag_new();
	tg_node *root = tg_yaml_parse(&a, d, "w.yaml", y.data, y.len);
	const tg_node *k = tg_node_get(root, "k"), *l = tg_node_get(root, "list");
	const tg_node *n = tg_node_get(tg_node_get(root, "map"), "nested");
	const tg_node *end = tg_node_get(root, "end");
	bool ok = root != NULL && root->n == 4 && k != NULL && k->kind == TG_NODE_SCALAR &&
	    k->len == len && memcmp(k->str, v, len) == 0 && (len == 0 || !tg_node_is_null(k)) &&
	    l != NULL && l->kind == TG_NODE_SEQ && l->n == 2 && l->items[0]->len == len &&
	    memcmp(l->items[0]->str, v, len) == 0 && l->items[1]->len == len &&
	    memcmp(l->items[1]->str, v, len) == 0 && n != NULL && n->len == len &&
	    memcmp(n->str, v, len) == 0 && end != NULL && strcmp(end->str, "1") == 0;
	if (!ok) {
		tg_diag_print(d, stderr);
		fprintf(stderr, "does not read back:\n%s\n", y.data);
		abort();
	}
	tg_diag_free(d);
	tg_arena_free(&a);
	tg_buf_free(&y);
	free(v);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	size_t start = 0;
	for (size_t i = 0; i <= size; i++) {
		if (i == size || s[i] == '\0') {
			check(s + start, i - start);
			start = i + 1;
		}
	}
	return 0;
}
