/* libFuzzer harness: the Mustache engine.  The input is a template, a NUL,
 * then YAML values (whose top-level text entries are also the partials,
 * so that partials, parents and recursion are reached); the first byte
 * chooses strict mode and the escaping.  Limits are lowered so that each
 * run stays short; hitting one is an ordinary error. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "load/yaml.h"
#include "template/mustache.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	unsigned flags = data[0];
	const char *text = (const char *)data + 1;
	size_t len = size - 1;
	const char *nul = memchr(text, '\0', len);
	size_t tlen = nul != NULL ? (size_t)(nul - text) : len;
	const char *values = nul != NULL ? nul + 1 : "{}";
	size_t vlen = nul != NULL ? len - tlen - 1 : 2;

	tg_diag *diag = tg_diag_new();
	tg_arena a;
	tg_arena_init(&a);
	tg_node *ctx = tg_yaml_parse(&a, diag, "values.yaml", values, vlen);
	tg_mus *m = tg_mus_parse("t.mustache", text, tlen, diag);
	if (m != NULL) {
		tg_mus_options opt = TG_MUS_OPTIONS_INIT;
		opt.strict = flags & 1;
		opt.escape = (tg_mus_escape)((flags >> 1) % 3);
		opt.partial = tg_mus_node_partial;
		opt.partial_ud = ctx;
		opt.max_output = 1u << 20;
		opt.max_steps = 200000;
		tg_buf out = TG_BUF_INIT;
		tg_mus_render(m, ctx, &opt, &out, diag);
		tg_buf_free(&out);
		tg_mus_free(m);
	}
	FILE *null = fopen("/dev/null", "w");
	if (null != NULL) {
		tg_diag_print(diag, null);
		fclose(null);
	}
	tg_arena_free(&a);
	tg_diag_free(diag);
	return 0;
}
