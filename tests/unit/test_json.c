/* Unit tests of the JSON parser: the same tree as a YAML parse of the same
 * text (kinds, styles, texts, positions), escapes, limits, and every error
 * with its position, several at once. */
#include "testutil.h"
#include "load/json.h"

typedef struct parsed {
	tg_arena arena;
	tg_diag *diag;
	tg_node *root;
} parsed;

static void
parse(parsed *p, const char *text, size_t len)
{
	tg_arena_init(&p->arena);
	p->diag = tg_diag_new();
	tg_diag_add_source(p->diag, "t.json", text, len);
	p->root = tg_json_parse(&p->arena, p->diag, "t.json", text, len);
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

/* The same tree, node for node: kind, style, text, size, line, column. */
static void
assert_same_tree(const tg_node *a, const tg_node *b, const char *where)
{
	ck_assert_msg(a->kind == b->kind, "%s: kind %d vs %d", where, a->kind, b->kind);
	ck_assert_msg(a->pos.line == b->pos.line && a->pos.col == b->pos.col,
	    "%s: position %u:%u vs %u:%u", where, a->pos.line, a->pos.col, b->pos.line, b->pos.col);
	if (a->kind == TG_NODE_SCALAR) {
		ck_assert_msg(a->plain == b->plain, "%s: plain %d vs %d ('%s')", where, a->plain,
		    b->plain, a->str);
		ck_assert_msg(a->len == b->len && memcmp(a->str, b->str, a->len) == 0,
		    "%s: '%s' vs '%s'", where, a->str, b->str);
		ck_assert_msg(a->pos.span == b->pos.span, "%s: span %u vs %u ('%s')", where,
		    a->pos.span, b->pos.span, a->str);
		return;
	}
	ck_assert_msg(a->n == b->n, "%s: %zu vs %zu children", where, a->n, b->n);
	ck_assert_uint_eq(a->weight, b->weight);
	size_t count = a->kind == TG_NODE_MAP ? 2 * a->n : a->n;
	for (size_t i = 0; i < count; i++)
		assert_same_tree(a->items[i], b->items[i], where);
}

START_TEST(same_tree_as_yaml)
{
	static const char *const docs[] = {
		"{}",
		"[]",
		"\"text\"",
		"12",
		"null",
		"{\"a\": 1, \"b\": [true, false, null, -0.5e+3, \"x\"], \"c\": {\"d\": {}}}",
		"{\n  \"会社\": {\"名前\": \"株式会社サンプル\", \"人数\": 40},\n  \"規程\": [\n"
		"    {\"id\": \"app5/3.1.1\", \"本文\": \"情報資産を台帳に記録する。\"},\n"
		"    {\"id\": \"app5/3.1.2\", \"除外\": true}\n  ]\n}\n",
		"[\"a\\\"b\", \"tab\\there\", \"line\\nbreak\", \"\\u00e9\\u3042\"]",
		"{\"k\":\"v\",\"n\":[1,2,3],\"e\":\"\"}",
		" [ 1 ,\r\n\t2 ]\n",
		"[\"\\\\\", \"\\/\", \"\\b\\f\\r\"]",
	};
	for (size_t i = 0; i < sizeof docs / sizeof docs[0]; i++) {
		parsed j, y;
		parse(&j, docs[i], strlen(docs[i]));
		tg_arena_init(&y.arena);
		y.diag = tg_diag_new();
		y.root = tg_yaml_parse(&y.arena, y.diag, "t.json", docs[i], strlen(docs[i]));
		char *m = messages(&j);
		ck_assert_msg(j.root != NULL, "JSON %zu: %s", i, m);
		ck_assert_msg(y.root != NULL, "YAML %zu", i);
		free(m);
		char where[32];
		snprintf(where, sizeof where, "document %zu", i);
		assert_same_tree(j.root, y.root, where);
		done(&j);
		done(&y);
	}
}
END_TEST

START_TEST(escapes_decode_to_utf8)
{
	parsed p;
	const char *doc = "[\"\\u3042\\u0041\", \"\\ud83d\\ude00\", \"a\\/b\\\\c\\\"d\"]";
	parse(&p, doc, strlen(doc));
	ck_assert_ptr_nonnull(p.root);
	ck_assert_str_eq(p.root->items[0]->str, "あA");
	ck_assert_str_eq(p.root->items[1]->str, "\xF0\x9F\x98\x80");
	ck_assert_uint_eq(p.root->items[1]->len, 4);
	ck_assert_str_eq(p.root->items[2]->str, "a/b\\c\"d");
	ck_assert(!p.root->items[2]->plain);
	done(&p);
}
END_TEST

START_TEST(positions_count_characters)
{
	parsed p;
	const char *doc = "{\"名前\": \"値\", \"次\": [1,\n  \"二行目\"]}";
	parse(&p, doc, strlen(doc));
	ck_assert_ptr_nonnull(p.root);
	const tg_node *v = tg_node_get(p.root, "名前");
	ck_assert_uint_eq(v->pos.line, 1);
	ck_assert_uint_eq(v->pos.col, 8);
	ck_assert_uint_eq(v->pos.span, 3);
	const tg_node *next = tg_node_get(p.root, "次");
	ck_assert_uint_eq(next->pos.col, 18);
	ck_assert_uint_eq(next->items[1]->pos.line, 2);
	ck_assert_uint_eq(next->items[1]->pos.col, 3);
	ck_assert_uint_eq(next->items[1]->pos.span, 5);
	done(&p);
}
END_TEST

/* Each bad document gives exactly these messages (their first lines),
 * in order, and no tree. */
static void
expect_errors(const char *doc, size_t len, const char *const *want)
{
	parsed p;
	parse(&p, doc, len);
	char *m = messages(&p);
	ck_assert_msg(p.root == NULL, "no error for %s", doc);
	size_t n = 0;
	for (const char *line = m; *line;) {
		const char *eol = strchr(line, '\n');
		size_t linelen = eol ? (size_t)(eol - line) : strlen(line);
		if (strncmp(line, "t.json:", 7) == 0) {
			ck_assert_msg(want[n] != NULL, "unexpected message %.*s in\n%s", (int)linelen,
			    line, m);
			ck_assert_msg(linelen == strlen(want[n]) && strncmp(line, want[n], linelen) == 0,
			    "want '%s'\ngot\n%s", want[n], m);
			n++;
		}
		line += linelen + (eol != NULL);
	}
	ck_assert_msg(want[n] == NULL, "missing '%s' in\n%s", want[n], m);
	free(m);
	done(&p);
}

#define ERRORS(doc, ...) do { \
		static const char *const want_[] = {__VA_ARGS__, NULL}; \
		expect_errors((doc), strlen(doc), want_); \
	} while (0)

START_TEST(every_error_is_positioned_and_reported_at_once)
{
	ERRORS("{\"a\": 1, \"b\": [1, 2,], \"c\": True}",
	    "t.json:1:20: error: a comma before ']': remove it",
	    "t.json:1:29: error: 'True' is not JSON: write true");
	ERRORS("{\n  \"a\": 1\n  \"b\": 2,\n  \"a\": 3\n}",
	    "t.json:3:3: error: expected ',' or '}', found the start of a member: is a comma missing?",
	    "t.json:4:3: error: duplicate key 'a' (first given at line 2)");
	ERRORS("{name: \"x\", 'q': 01, \"z\": NaN}",
	    "t.json:1:2: error: key 'name' must be written in double quotes",
	    "t.json:1:13: error: strings are written in double quotes",
	    "t.json:1:18: error: '01' is not a JSON number",
	    "t.json:1:27: error: 'NaN' is not a JSON value");
	ERRORS("[\"bad \\q\", \"\\u12\", \"\\ud800\", \"\\udc00\", \"\\u0000\"]",
	    "t.json:1:7: error: invalid escape: a backslash followed by 'q' "
	    "(JSON has \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)",
	    "t.json:1:13: error: invalid escape: \\u needs four hex digits",
	    "t.json:1:21: error: \\uD800 is the first half of a surrogate pair without its second half",
	    "t.json:1:31: error: \\uDC00 is the second half of a surrogate pair without its first half",
	    "t.json:1:40: error: text contains a NUL character");
	ERRORS("[1, // note\n 2, /* more */ 3,, 4 undefined]",
	    "t.json:1:5: error: JSON has no comments",
	    "t.json:2:5: error: JSON has no comments",
	    "t.json:2:18: error: a second comma: remove it",
	    "t.json:2:22: error: expected ',' or ']', found the start of a value: is a comma missing?",
	    "t.json:2:22: error: 'undefined' is not a JSON value");
	ERRORS("{\"a\": \"open,\n \"b\": \"tab\there\"}",
	    "t.json:1:7: error: string not closed before the end of the line",
	    "t.json:2:11: error: control character U+0009 in a string (write it as \\n, \\t or \\u0009)");
	ERRORS("{\"a\": [1, 2}",
	    "t.json:1:12: error: expected ',' or ']' (to close the '[' of line 1), found '}'");
	ERRORS("{\"a\": [1, 2",
	    "t.json:1:7: error: '[' is never closed");
	ERRORS("{\"a\" 1}",
	    "t.json:1:6: error: expected ':' after the key 'a'");
	ERRORS("[1] [2]",
	    "t.json:1:5: error: more text after the JSON value");
	ERRORS("", "t.json:1:1: error: the file holds no JSON value");
	ERRORS("  \n ", "t.json:1:1: error: the file holds no JSON value");
	ERRORS("{\"a\": }", "t.json:1:7: error: expected a value, found '}'");
	ERRORS("[1, @]", "t.json:1:5: error: unexpected '@'");
	ERRORS("{\"a\": 1,", "t.json:1:1: error: '{' is never closed");
	ERRORS("[\"x\"", "t.json:1:1: error: '[' is never closed");
	ERRORS("[\"x", "t.json:1:1: error: '[' is never closed",
	    "t.json:1:2: error: string not closed before the end of the file");
}
END_TEST

START_TEST(invalid_utf8_is_reported_in_each_string)
{
	static const char doc[] = "[\"ok\", \"\x82\xA0\", \"\xE3\x81\", \"\xFF\"]";
	static const char *const want[] = {
		"t.json:1:9: error: invalid UTF-8 (byte 0x82); the file looks like Shift_JIS/CP932: "
		"save it as UTF-8",
		"t.json:1:15: error: invalid UTF-8 (byte 0xE3); the file looks like Shift_JIS/CP932: "
		"save it as UTF-8",
		"t.json:1:21: error: invalid UTF-8 (byte 0xFF)",
		NULL};
	expect_errors(doc, sizeof doc - 1, want);
	/* Outside strings: an unexpected byte. */
	static const char *const want2[] = {"t.json:1:2: error: unexpected 'あ'", NULL};
	expect_errors("[\xE3\x81\x82]", 5, want2);
	static const char *const want3[] = {"t.json:1:2: error: unexpected byte 0xFF", NULL};
	expect_errors("[\xFF]", 3, want3);
}
END_TEST

START_TEST(nesting_limit)
{
	char doc[2 * TG_YAML_MAX_DEPTH + 3];
	for (size_t depth = TG_YAML_MAX_DEPTH; depth <= TG_YAML_MAX_DEPTH + 1; depth++) {
		memset(doc, '[', depth);
		memset(doc + depth, ']', depth);
		parsed p;
		parse(&p, doc, 2 * depth);
		if (depth == TG_YAML_MAX_DEPTH) {
			ck_assert_ptr_nonnull(p.root);
		} else {
			ck_assert_ptr_null(p.root);
			char *m = messages(&p);
			ck_assert_msg(strstr(m, "t.json:1:65: error: nesting is deeper than 64 levels") != NULL,
			    "%s", m);
			free(m);
		}
		done(&p);
	}
}
END_TEST

START_TEST(errors_stop_at_the_limit)
{
	tg_buf doc = TG_BUF_INIT;
	tg_buf_puts(&doc, "[");
	for (int i = 0; i < 3 * TG_JSON_MAX_ERRORS; i++)
		tg_buf_puts(&doc, "True, ");
	tg_buf_puts(&doc, "1]");
	parsed p;
	parse(&p, doc.data, doc.len);
	ck_assert_ptr_null(p.root);
	ck_assert_uint_eq(tg_diag_errors(p.diag), TG_JSON_MAX_ERRORS + 1);
	char *m = messages(&p);
	ck_assert_msg(strstr(m, "too many errors (100); stopping here") != NULL, "%s", m);
	free(m);
	done(&p);
	tg_buf_free(&doc);
}
END_TEST

START_TEST(duplicates_in_large_objects)
{
	tg_buf doc = TG_BUF_INIT;
	tg_buf_puts(&doc, "{");
	for (int i = 0; i < 40; i++)
		tg_buf_printf(&doc, "\"k%d\": %d, ", i, i);
	tg_buf_puts(&doc, "\"k7\": 0}");
	parsed p;
	parse(&p, doc.data, doc.len);
	ck_assert_ptr_null(p.root);
	char *m = messages(&p);
	ck_assert_msg(strstr(m, "duplicate key 'k7' (first given at line 1)") != NULL, "%s", m);
	free(m);
	done(&p);
	tg_buf_free(&doc);
}
END_TEST

START_TEST(byte_order_mark_and_format_choice)
{
	parsed p;
	const char *doc = "\xEF\xBB\xBF{\"a\": [1]}";
	parse(&p, doc, strlen(doc));
	ck_assert_ptr_nonnull(p.root);
	ck_assert_uint_eq(tg_node_get(p.root, "a")->n, 1);
	done(&p);
	/* By name: .json is JSON (strict), anything else YAML. */
	tg_arena a;
	tg_arena_init(&a);
	tg_diag *d = tg_diag_new();
	const char *yamlish = "a: 1\n";
	ck_assert_ptr_null(tg_data_parse(&a, d, "x.json", yamlish, strlen(yamlish), TG_DATA_AUTO));
	ck_assert_ptr_nonnull(tg_data_parse(&a, d, "x.yaml", yamlish, strlen(yamlish), TG_DATA_AUTO));
	ck_assert_ptr_nonnull(tg_data_parse(&a, d, "x.json", yamlish, strlen(yamlish), TG_DATA_YAML));
	ck_assert_ptr_null(tg_data_parse(&a, d, "-", yamlish, strlen(yamlish), TG_DATA_JSON));
	tg_diag_free(d);
	tg_arena_free(&a);
}
END_TEST

static Suite *
json_suite(void)
{
	Suite *s = suite_create("json");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, same_tree_as_yaml);
	tcase_add_test(tc, escapes_decode_to_utf8);
	tcase_add_test(tc, positions_count_characters);
	tcase_add_test(tc, every_error_is_positioned_and_reported_at_once);
	tcase_add_test(tc, invalid_utf8_is_reported_in_each_string);
	tcase_add_test(tc, nesting_limit);
	tcase_add_test(tc, errors_stop_at_the_limit);
	tcase_add_test(tc, duplicates_in_large_objects);
	tcase_add_test(tc, byte_order_mark_and_format_choice);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return tu_run(json_suite());
}
