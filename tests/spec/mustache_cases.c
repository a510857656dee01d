/* Writes every case of the Mustache spec files as files for the CLI:
 *   mustache_cases SPEC_DIR OUT_DIR
 * makes OUT_DIR/<spec file>/<NNN>/ holding name, template.mustache,
 * data.yaml, partials/<name>.mustache and expected.out.  The data is
 * written back as YAML flow text keeping plain scalars plain (numbers,
 * booleans and nulls behave the same) and quoting everything else.
 * Used by mustache_cli.sh (meson test --suite regress). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load/yaml.h"
#include "util/fs.h"

static bool
plain_word(const char *s)
{
	if (!((s[0] >= 'A' && s[0] <= 'Z') || (s[0] >= 'a' && s[0] <= 'z') || s[0] == '_'))
		return false;
	for (; *s; s++)
		if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') ||
		    (*s >= '0' && *s <= '9') || *s == '_'))
			return false;
	return true;
}

static bool
plain_number(const char *s)
{
	if (*s == '-' || *s == '+')
		s++;
	size_t digits = 0;
	for (; (*s >= '0' && *s <= '9') || *s == '.'; s++)
		digits += *s != '.';
	if (digits > 0 && (*s == 'e' || *s == 'E')) {
		s++;
		if (*s == '-' || *s == '+')
			s++;
		if (!(*s >= '0' && *s <= '9'))
			return false;
		while (*s >= '0' && *s <= '9')
			s++;
	}
	return digits > 0 && *s == '\0';
}

static void
quoted(tg_buf *b, const char *s, size_t len)
{
	tg_buf_putc(b, '"');
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '"' || c == '\\')
			tg_buf_printf(b, "\\%c", c);
		else if (c == '\n')
			tg_buf_puts(b, "\\n");
		else if (c == '\r')
			tg_buf_puts(b, "\\r");
		else if (c == '\t')
			tg_buf_puts(b, "\\t");
		else if (c < 0x20 || c == 0x7F)
			tg_buf_printf(b, "\\x%02X", c);
		else
			tg_buf_putc(b, (char)c);
	}
	tg_buf_putc(b, '"');
}

static void
emit(tg_buf *b, const tg_node *n)
{
	switch (n->kind) {
	case TG_NODE_MAP:
		tg_buf_putc(b, '{');
		for (size_t i = 0; i < n->n; i++) {
			const tg_node *k = tg_node_key(n, i);
			if (i > 0)
				tg_buf_puts(b, ", ");
			quoted(b, k->str, k->len);
			tg_buf_puts(b, ": ");
			emit(b, tg_node_value(n, i));
		}
		tg_buf_putc(b, '}');
		break;
	case TG_NODE_SEQ:
		tg_buf_putc(b, '[');
		for (size_t i = 0; i < n->n; i++) {
			if (i > 0)
				tg_buf_puts(b, ", ");
			emit(b, n->items[i]);
		}
		tg_buf_putc(b, ']');
		break;
	case TG_NODE_SCALAR:
		if (n->plain && tg_node_is_null(n))
			tg_buf_puts(b, "null");
		else if (n->plain && (plain_word(n->str) || plain_number(n->str)))
			tg_buf_puts(b, n->str);
		else
			quoted(b, n->str, n->len);
		break;
	}
}

static bool
write_file(const char *dir, const char *name, const char *text, size_t len)
{
	char *path = tg_fs_join(dir, name);
	bool ok = tg_fs_write_atomic(path, text, len);
	if (!ok)
		perror(path);
	free(path);
	return ok;
}

/* Partial names become file names: keep to the plain ones. */
static bool
safe_name(const char *s)
{
	if (*s == '\0' || *s == '.')
		return false;
	for (; *s; s++)
		if (*s == '/' || *s == '\\')
			return false;
	return true;
}

static bool
write_case(const char *dir, const tg_node *t)
{
	const tg_node *name = tg_node_get(t, "name"), *tmpl = tg_node_get(t, "template");
	const tg_node *expected = tg_node_get(t, "expected"), *data = tg_node_get(t, "data");
	const tg_node *partials = tg_node_get(t, "partials");
	if (name == NULL || tmpl == NULL || expected == NULL) {
		fprintf(stderr, "%s: a test without name, template or expected\n", dir);
		return false;
	}
	tg_buf yaml = TG_BUF_INIT;
	if (data != NULL)
		emit(&yaml, data);
	else
		tg_buf_puts(&yaml, "{}");
	tg_buf_putc(&yaml, '\n');
	char *pdir = tg_fs_join(dir, "partials");
	bool ok = tg_fs_mkdirs(pdir) && write_file(dir, "name", name->str, name->len) &&
	    write_file(dir, "template.mustache", tmpl->str, tmpl->len) &&
	    write_file(dir, "expected.out", expected->str, expected->len) &&
	    write_file(dir, "data.yaml", yaml.data, yaml.len);
	for (size_t i = 0; ok && partials != NULL && i < partials->n; i++) {
		const tg_node *k = tg_node_key(partials, i), *v = tg_node_value(partials, i);
		if (!safe_name(k->str) || v->kind != TG_NODE_SCALAR) {
			fprintf(stderr, "%s: partial '%s' cannot be a file\n", dir, k->str);
			ok = false;
			break;
		}
		tg_buf file = TG_BUF_INIT;
		tg_buf_printf(&file, "%s.mustache", k->str);
		ok = write_file(pdir, file.data, v->str, v->len);
		tg_buf_free(&file);
	}
	free(pdir);
	tg_buf_free(&yaml);
	return ok;
}

static bool
write_spec(const char *path, const char *out)
{
	tg_buf text = TG_BUF_INIT;
	tg_arena arena;
	tg_arena_init(&arena);
	tg_diag *diag = tg_diag_new();
	bool ok = false;
	const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	if (tg_fs_read(path, TG_FS_MAX_INPUT, &text) != TG_FS_OK) {
		perror(path);
		goto out;
	}
	tg_diag_add_source(diag, path, text.data, text.len);
	const tg_node *root = tg_yaml_parse(&arena, diag, path, text.data, text.len);
	const tg_node *tests = tg_node_get(root, "tests");
	if (tests == NULL || tests->kind != TG_NODE_SEQ) {
		tg_diag_print(diag, stderr);
		fprintf(stderr, "%s: no list of tests\n", path);
		goto out;
	}
	ok = true;
	for (size_t i = 0; ok && i < tests->n; i++) {
		tg_buf dir = TG_BUF_INIT;
		tg_buf_printf(&dir, "%s/%.*s/%03zu", out, (int)(strlen(base) - 4), base, i + 1);
		ok = write_case(dir.data, tests->items[i]);
		tg_buf_free(&dir);
	}
out:
	tg_diag_free(diag);
	tg_arena_free(&arena);
	tg_buf_free(&text);
	return ok;
}

int
main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: %s SPEC_DIR OUT_DIR\n", argv[0]);
		return 2;
	}
	tg_buf files = TG_BUF_INIT;
	if (!tg_fs_list(argv[1], ".yml", &files)) {
		perror(argv[1]);
		return 1;
	}
	bool ok = TG_BUF_COUNT(&files, char *) > 0;
	for (size_t i = 0; ok && i < TG_BUF_COUNT(&files, char *); i++)
		ok = write_spec(TG_BUF_AT(&files, char *, i), argv[2]);
	tg_fs_list_free(&files);
	return ok ? 0 : 1;
}
