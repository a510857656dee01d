/* Unit tests of the YAML layer: positions, limits, aliases, errors. */
#include "testutil.h"
#include "load/yaml.h"

typedef struct parsed {
	tg_arena arena;
	tg_diag *diag;
	tg_node *root;
} parsed;

static void
parse(parsed *p, const char *text)
{
	tg_arena_init(&p->arena);
	p->diag = tg_diag_new();
	tg_diag_add_source(p->diag, "t.yaml", text, strlen(text));
	p->root = tg_yaml_parse(&p->arena, p->diag, "t.yaml", text, strlen(text));
}

static char *
messages(parsed *p)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	tg_diag_print(p->diag, f);
	fclose(f);
	return buf;
}

static void
done(parsed *p)
{
	tg_diag_free(p->diag);
	tg_arena_free(&p->arena);
}

START_TEST(positions_are_one_based_and_count_characters)
{
	parsed p;
	parse(&p, "kind: catalog\nitems:\n  - 情報: 資産\n    id: x\n");
	ck_assert_ptr_nonnull(p.root);
	const tg_node *items = tg_node_get(p.root, "items");
	ck_assert_uint_eq(items->pos.line, 3);
	ck_assert_uint_eq(items->pos.col, 3);
	const tg_node *first = items->items[0];
	const tg_node *id = tg_node_get(first, "id");
	ck_assert_uint_eq(id->pos.line, 4);
	ck_assert_uint_eq(id->pos.col, 9);
	const tg_node *v = tg_node_value(first, 0);
	ck_assert_str_eq(v->str, "資産");
	ck_assert_uint_eq(v->pos.col, 9);	/* "  - 情報: " is 8 characters */
	ck_assert_uint_eq(v->pos.span, 2);
	done(&p);
}
END_TEST

START_TEST(scalar_styles_and_nulls)
{
	parsed p;
	parse(&p, "a: ~\nb: ''\nc: null\nd: \"null\"\ne:\nf: |\n  x\n");
	ck_assert(tg_node_is_null(tg_node_get(p.root, "a")));
	ck_assert(!tg_node_is_null(tg_node_get(p.root, "b")));
	ck_assert(tg_node_is_null(tg_node_get(p.root, "c")));
	ck_assert(!tg_node_is_null(tg_node_get(p.root, "d")));
	ck_assert(tg_node_is_null(tg_node_get(p.root, "e")));
	ck_assert_str_eq(tg_node_get(p.root, "f")->str, "x\n");
	ck_assert(!tg_node_get(p.root, "f")->plain);
	done(&p);
}
END_TEST

START_TEST(duplicate_keys_are_reported_with_first_line)
{
	parsed p;
	parse(&p, "a: 1\nb: 2\na: 3\n");
	ck_assert_uint_eq(tg_diag_errors(p.diag), 1);
	char *m = messages(&p);
	ck_assert_msg(strstr(m, "t.yaml:3:1: error: duplicate key 'a' (first given at line 1)") != NULL, "%s", m);
	free(m);
	done(&p);
}
END_TEST

START_TEST(aliases_share_nodes_within_budget)
{
	parsed p;
	parse(&p, "a: &x [1, 2, 3]\nb: *x\nc: *x\n");
	ck_assert_ptr_nonnull(p.root);
	ck_assert_ptr_eq(tg_node_get(p.root, "a"), tg_node_get(p.root, "b"));
	ck_assert_uint_eq(tg_node_get(p.root, "c")->n, 3);
	done(&p);
}
END_TEST

START_TEST(billion_laughs_fails_fast)
{
	tg_buf y = TG_BUF_INIT;
	tg_buf_puts(&y, "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
	for (int i = 1; i < 30; i++) {
		tg_buf_printf(&y, "a%d: &a%d [", i, i);
		for (int k = 0; k < 10; k++)
			tg_buf_printf(&y, "%s*a%d", k ? ", " : "", i - 1);
		tg_buf_puts(&y, "]\n");
	}
	parsed p;
	parse(&p, y.data);
	ck_assert_ptr_null(p.root);
	char *m = messages(&p);
	ck_assert_msg(strstr(m, "aliases expand to more than 100000 nodes") != NULL, "%s", m);
	ck_assert_msg(strstr(m, "t.yaml:5:") != NULL, "stops at the first line over budget: %s", m);
	free(m);
	done(&p);
	tg_buf_free(&y);
}
END_TEST

START_TEST(nesting_limit)
{
	tg_buf y = TG_BUF_INIT;
	for (int i = 0; i < TG_YAML_MAX_DEPTH; i++)
		tg_buf_putc(&y, '[');
	for (int i = 0; i < TG_YAML_MAX_DEPTH; i++)
		tg_buf_putc(&y, ']');
	parsed p;
	parse(&p, y.data);
	ck_assert_ptr_nonnull(p.root);	/* exactly at the limit */
	done(&p);
	tg_buf_clear(&y);
	for (int i = 0; i <= TG_YAML_MAX_DEPTH; i++)
		tg_buf_putc(&y, '[');
	parse(&p, y.data);
	ck_assert_ptr_null(p.root);
	char *m = messages(&p);
	ck_assert_msg(strstr(m, "t.yaml:1:65: error: nesting is deeper than 64 levels") != NULL, "%s", m);
	free(m);
	done(&p);
	tg_buf_free(&y);
}
END_TEST

START_TEST(invalid_utf8_position)
{
	parsed p;
	parse(&p, "a: ok\nb: 日本\xff\n");
	ck_assert_ptr_null(p.root);
	char *m = messages(&p);
	ck_assert_msg(strstr(m, "t.yaml:2:6: error: invalid UTF-8 (byte 0xFF)") != NULL, "%s", m);
	free(m);
	done(&p);
}
END_TEST

START_TEST(syntax_error_and_second_document)
{
	parsed p;
	parse(&p, "a: [1, 2\n");
	ck_assert_ptr_null(p.root);
	ck_assert_uint_eq(tg_diag_errors(p.diag), 1);
	done(&p);
	parse(&p, "a: 1\n---\nb: 2\n");
	ck_assert_ptr_null(p.root);
	char *m = messages(&p);
	ck_assert_msg(strstr(m, "t.yaml:2:1: error: a file holds one YAML document") != NULL, "%s", m);
	free(m);
	done(&p);
}
END_TEST

START_TEST(caret_under_wide_characters)
{
	parsed p;
	parse(&p, "題名: 値\n題名: 二\n");
	char *m = messages(&p);
	ck_assert_msg(strstr(m, " 2 | 題名: 二\n   | ^~~~\n") != NULL, "%s", m);
	free(m);
	done(&p);
}
END_TEST

static Suite *
yaml_suite(void)
{
	Suite *s = suite_create("yaml");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, positions_are_one_based_and_count_characters);
	tcase_add_test(tc, scalar_styles_and_nulls);
	tcase_add_test(tc, duplicate_keys_are_reported_with_first_line);
	tcase_add_test(tc, aliases_share_nodes_within_budget);
	tcase_add_test(tc, billion_laughs_fails_fast);
	tcase_add_test(tc, nesting_limit);
	tcase_add_test(tc, invalid_utf8_position);
	tcase_add_test(tc, syntax_error_and_second_document);
	tcase_add_test(tc, caret_under_wide_characters);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return tu_run(yaml_suite());
}
