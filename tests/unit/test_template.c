/* Unit tests of the Mustache engine: the official spec (a copy in
 * tests/spec/mustache, or $TOTSUGO_MUSTACHE_SPEC), then totsugo's own
 * rules: strict mode, partial path safety, recursion guard, escaping,
 * numbers, syntax errors, the tag walk, context constructors. */
#include "testutil.h"
#include "config.h"
#include "template/mustache.h"
#include "util/text.h"
#include "totsugo.h"

static char *
messages(tg_diag *diag)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	tg_diag_print(diag, f);
	fclose(f);
	return buf;
}

/* Renders template text against YAML data; returns the output (or NULL
 * when the template does not parse) and the messages in *msg. */
typedef struct run {
	int rc;
	char *out;
	char *msg;
} run;

static run
render_yaml(const char *tmpl, const char *yaml, const tg_mus_options *opt)
{
	run r = {TG_EXIT_OK, NULL, NULL};
	tg_arena arena;
	tg_arena_init(&arena);
	tg_diag *diag = tg_diag_new();
	tg_node *data = tg_yaml_parse(&arena, diag, "data.yaml", yaml, strlen(yaml));
	ck_assert_msg(data != NULL, "bad test data: %s", yaml);
	tg_mus *m = tg_mus_parse("t.mustache", tmpl, strlen(tmpl), diag);
	if (m == NULL) {
		r.rc = TG_EXIT_INVALID;
	} else {
		tg_buf out = TG_BUF_INIT;
		r.rc = tg_mus_render(m, data, opt, &out, diag);
		r.out = tg_buf_detach(&out);
		tg_mus_free(m);
	}
	r.msg = messages(diag);
	tg_diag_free(diag);
	tg_arena_free(&arena);
	return r;
}

static void
run_free(run *r)
{
	free(r->out);
	free(r->msg);
}

/* ---- the spec ---- */

static const char *
spec_dir(void)
{
	const char *env = getenv("TOTSUGO_MUSTACHE_SPEC");
	return env && *env ? env : TOTSUGO_SOURCE_DIR "/tests/spec/mustache";
}

static void
show_bytes(const char *label, const char *s, size_t len)
{
	fprintf(stderr, "    %s: \"", label);
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '\n')
			fputs("\\n", stderr);
		else if (c == '\r')
			fputs("\\r", stderr);
		else if (c == '\t')
			fputs("\\t", stderr);
		else if (c == '"' || c == '\\')
			fprintf(stderr, "\\%c", c);
		else
			fputc(c, stderr);
	}
	fputs("\"\n", stderr);
}

/* Runs one spec case; true when the output is the expected one. */
static bool
spec_case(const char *file, const tg_node *t)
{
	const tg_node *name = tg_node_get(t, "name");
	const tg_node *tmpl = tg_node_get(t, "template");
	const tg_node *expected = tg_node_get(t, "expected");
	ck_assert_msg(name && tmpl && expected, "%s: a test without name, template or expected", file);
	tg_diag *diag = tg_diag_new();
	tg_mus_options opt = TG_MUS_OPTIONS_INIT;
	opt.partial = tg_mus_node_partial;
	opt.partial_ud = (void *)tg_node_get(t, "partials");
	tg_buf out = TG_BUF_INIT;
	int rc = -1;
	tg_mus *m = tg_mus_parse("template", tmpl->str, tmpl->len, diag);
	if (m != NULL)
		rc = tg_mus_render(m, tg_node_get(t, "data"), &opt, &out, diag);
	bool ok = rc == TG_EXIT_OK && out.len == expected->len &&
	    memcmp(tg_buf_cstr(&out), expected->str, out.len) == 0;
	if (!ok) {
		fprintf(stderr, "  FAIL %s: %s (rc %d)\n", file, name->str, rc);
		show_bytes("template", tmpl->str, tmpl->len);
		show_bytes("expected", expected->str, expected->len);
		show_bytes("got     ", tg_buf_cstr(&out), out.len);
		tg_diag_print(diag, stderr);
	}
	tg_mus_free(m);
	tg_buf_free(&out);
	tg_diag_free(diag);
	return ok;
}

START_TEST(official_spec)
{
	tg_buf files = TG_BUF_INIT;
	ck_assert_msg(tg_fs_list(spec_dir(), ".yml", &files), "cannot read %s", spec_dir());
	size_t nfiles = TG_BUF_COUNT(&files, char *);
	ck_assert_uint_ge(nfiles, 8);
	size_t all = 0, all_passed = 0;
	for (size_t f = 0; f < nfiles; f++) {
		const char *path = TG_BUF_AT(&files, char *, f);
		const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
		tg_buf text = TG_BUF_INIT;
		ck_assert_int_eq(tg_fs_read(path, TG_FS_MAX_INPUT, &text), TG_FS_OK);
		tg_arena arena;
		tg_arena_init(&arena);
		tg_diag *diag = tg_diag_new();
		const tg_node *root = tg_yaml_parse(&arena, diag, path, text.data, text.len);
		if (root == NULL)
			tg_diag_print(diag, stderr);
		ck_assert_ptr_nonnull(root);
		const tg_node *tests = tg_node_get(root, "tests");
		ck_assert_ptr_nonnull(tests);
		size_t passed = 0;
		for (size_t i = 0; i < tests->n; i++)
			passed += spec_case(base, tests->items[i]);
		printf("%-22s %3zu/%-3zu passed%s\n", base, passed, tests->n,
		    base[0] == '~' ? " (optional module)" : "");
		all += tests->n;
		all_passed += passed;
		tg_diag_free(diag);
		tg_arena_free(&arena);
		tg_buf_free(&text);
	}
	printf("%-22s %3zu/%-3zu passed\n", "total", all_passed, all);
	fflush(stdout);
	tg_fs_list_free(&files);
	ck_assert_uint_eq(all_passed, all);
}
END_TEST

/* ---- strict mode ---- */

START_TEST(strict_reports_every_undefined_name_once)
{
	tg_mus_options opt = TG_MUS_OPTIONS_INIT;
	opt.strict = true;
	run r = render_yaml("Dear {{nmae}},\n{{#items}}- {{title}} {{price}}\n{{/items}}"
	    "{{#missing}}x{{/missing}}{{^gone}}y{{/gone}}{{company.addr.zip}}{{name.first}}\n",
	    "name: Ann\ncompany: {addr: {}}\nitems: [{title: a}, {title: b}]\n", &opt);
	ck_assert_int_eq(r.rc, TG_EXIT_INVALID);
	const char *want[] = {
		"t.mustache:1:6: error: undefined name 'nmae' (did you mean 'name'?)",
		"t.mustache:2:23: error: undefined name 'price'",
		"t.mustache:3:11: error: undefined name 'missing'",
		"t.mustache:3:36: error: undefined name 'gone'",
		"t.mustache:3:55: error: undefined name 'company.addr.zip': 'company.addr' has no 'zip'",
		"t.mustache:3:75: error: undefined name 'name.first': 'name' is a scalar, not a mapping",
	};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
		ck_assert_msg(strstr(r.msg, want[i]) != NULL, "missing '%s' in:\n%s", want[i], r.msg);
	/* 'price' is rendered twice but reported once */
	ck_assert_ptr_null(strstr(strstr(r.msg, "'price'") + 1, "'price'"));
	ck_assert_str_eq(r.out, "Dear ,\n- a \n- b \ny\n");
	run_free(&r);

	/* The same template is fine without strict mode, and null is defined. */
	r = render_yaml("{{a}}{{b}}|{{#c}}{{/c}}", "a: ~\n", NULL);
	ck_assert_int_eq(r.rc, TG_EXIT_OK);
	ck_assert_str_eq(r.out, "|");
	run_free(&r);
	opt.strict = true;
	r = render_yaml("{{a}}|{{#a}}x{{/a}}{{^a}}y{{/a}}", "a: ~\n", &opt);
	ck_assert_int_eq(r.rc, TG_EXIT_OK);
	ck_assert_str_eq(r.out, "|y");
	run_free(&r);
	r = render_yaml("{{list}}", "list: [1]\n", &opt);
	ck_assert_int_eq(r.rc, TG_EXIT_INVALID);
	ck_assert_msg(strstr(r.msg, "'list' is a list, which cannot be printed") != NULL, "%s", r.msg);
	run_free(&r);
}
END_TEST

START_TEST(strict_missing_partial)
{
	tg_arena a;
	tg_arena_init(&a);
	tg_node *parts = tg_node_new_map(&a, tg_pos_at(NULL, 0, 0));
	tg_node_map_add(&a, parts, "ok", tg_node_new_string(&a, tg_pos_at(NULL, 0, 0), "[ok]"));
	tg_mus_options opt = TG_MUS_OPTIONS_INIT;
	opt.partial = tg_mus_node_partial;
	opt.partial_ud = parts;
	run r = render_yaml("{{>ok}}{{>nope}}", "{}", &opt);
	ck_assert_int_eq(r.rc, TG_EXIT_OK);
	ck_assert_str_eq(r.out, "[ok]");
	run_free(&r);
	opt.strict = true;
	r = render_yaml("{{>ok}}\n  {{>nope}}", "{}", &opt);
	ck_assert_int_eq(r.rc, TG_EXIT_INVALID);
	ck_assert_msg(strstr(r.msg, "t.mustache:2:3: error: partial 'nope' not found") != NULL, "%s", r.msg);
	run_free(&r);
	tg_arena_free(&a);
}
END_TEST

/* ---- partials from a directory ---- */

START_TEST(partial_paths_stay_inside_the_directory)
{
	char *dir = tu_tmpdir();
	tu_write(dir, "p/ok.mustache", "[{{x}}]");
	tu_write(dir, "p/sub/deep.mustache", "<{{>ok}}>");
	tu_write(dir, "secret.mustache", "SECRET");
	char *pdir = tg_fs_join(dir, "p");
	tg_mus_dir *pd = tg_mus_dir_new(pdir);
	tg_mus_options opt = TG_MUS_OPTIONS_INIT;
	opt.partial = tg_mus_dir_partial;
	opt.partial_ud = pd;
	run r = render_yaml("{{>ok}}{{>sub/deep}}{{>missing}}", "x: 1", &opt);
	ck_assert_int_eq(r.rc, TG_EXIT_OK);
	ck_assert_str_eq(r.out, "[1]<[1]>");
	run_free(&r);

	r = render_yaml("{{>../secret}}\n{{> /etc/passwd }}\n{{>sub/../ok}}\n{{>./ok}}\n{{>*name}}",
	    "name: ../secret", &opt);
	ck_assert_int_eq(r.rc, TG_EXIT_INVALID);
	ck_assert_ptr_null(strstr(r.out, "SECRET"));
	ck_assert_msg(strstr(r.msg, "t.mustache:1:1: error: partial name '../secret' is not allowed: "
	    "'.' and '..' components could leave the partials directory") != NULL, "%s", r.msg);
	ck_assert_msg(strstr(r.msg, "t.mustache:2:1: error: partial name '/etc/passwd' is not allowed: "
	    "it is an absolute path") != NULL, "%s", r.msg);
	ck_assert_msg(strstr(r.msg, "t.mustache:3:1: error: partial name 'sub/../ok'") != NULL, "%s", r.msg);
	ck_assert_msg(strstr(r.msg, "t.mustache:4:1: error: partial name './ok'") != NULL, "%s", r.msg);
	/* a dynamic name comes from the data: checked the same way */
	ck_assert_msg(strstr(r.msg, "t.mustache:5:1: error: partial name '../secret'") != NULL, "%s", r.msg);
	run_free(&r);

	/* a partial with a syntax error is reported in its own file */
	tu_write(dir, "p/bad.mustache", "ok\n{{#s}}\n");
	r = render_yaml("{{>bad}}", "{}", &opt);
	ck_assert_int_eq(r.rc, TG_EXIT_INVALID);
	ck_assert_msg(strstr(r.msg, "/p/bad.mustache:2:1: error: section 's' is never closed") != NULL,
	    "%s", r.msg);
	run_free(&r);

	/* a NUL in a name built by a program */
	tg_arena a;
	tg_arena_init(&a);
	tg_node *ctx = tg_node_new_map(&a, tg_pos_at(NULL, 0, 0));
	tg_node_map_add(&a, ctx, "n", tg_node_new_stringn(&a, tg_pos_at(NULL, 0, 0), "ok\0x", 4));
	tg_diag *diag = tg_diag_new();
	tg_mus *m = tg_mus_parse("t", "{{>*n}}", 7, diag);
	tg_buf out = TG_BUF_INIT;
	ck_assert_int_eq(tg_mus_render(m, ctx, &opt, &out, diag), TG_EXIT_INVALID);
	char *msg = messages(diag);
	ck_assert_msg(strstr(msg, "t:1:1: error: partial name contains a NUL character") != NULL, "%s", msg);
	free(msg);
	tg_buf_free(&out);
	tg_mus_free(m);
	tg_diag_free(diag);
	tg_arena_free(&a);

	tg_mus_dir_free(pd);
	free(pdir);
	tu_rmrf(dir);
	free(dir);
}
END_TEST

START_TEST(recursion_is_bounded)
{
	tg_arena a;
	tg_arena_init(&a);
	tg_pos none = tg_pos_at(NULL, 0, 0);
	tg_node *parts = tg_node_new_map(&a, none);
	/* twice per level: without the guard this would run 2^64 times */
	tg_node_map_add(&a, parts, "self", tg_node_new_string(&a, none, "x{{>self}}{{>self}}"));
	tg_node_map_add(&a, parts, "p", tg_node_new_string(&a, none, "{{<p}}{{/p}}"));
	tg_mus_options opt = TG_MUS_OPTIONS_INIT;
	opt.partial = tg_mus_node_partial;
	opt.partial_ud = parts;
	run r = render_yaml("{{>self}}", "{}", &opt);
	ck_assert_int_eq(r.rc, TG_EXIT_INVALID);
	ck_assert_msg(strstr(r.msg, "self:1:2: error: partials, parents and blocks nest deeper than 64 "
	    "levels here: does 'self' include itself?") != NULL, "%s", r.msg);
	ck_assert_uint_eq(strlen(r.out), 64);
	run_free(&r);
	r = render_yaml("{{<p}}{{/p}}", "{}", &opt);
	ck_assert_int_eq(r.rc, TG_EXIT_INVALID);
	run_free(&r);
	/* a block whose override contains the same block */
	r = render_yaml("{{<q}}{{$b}}({{$b}}{{/b}}){{/b}}{{/q}}", "{}", &opt);
	ck_assert_int_eq(r.rc, TG_EXIT_OK);	/* q is missing: nothing rendered */
	run_free(&r);
	tg_node_map_add(&a, parts, "q", tg_node_new_string(&a, none, "{{$b}}{{/b}}"));
	r = render_yaml("{{<q}}{{$b}}({{$b}}{{/b}}){{/b}}{{/q}}", "{}", &opt);
	ck_assert_int_eq(r.rc, TG_EXIT_INVALID);
	run_free(&r);
	tg_arena_free(&a);
}
END_TEST

START_TEST(output_and_work_are_bounded)
{
	tg_mus_options opt = TG_MUS_OPTIONS_INIT;
	opt.max_output = 1000;
	run r = render_yaml("{{#a}}{{#a}}{{#a}}0123456789{{/a}}{{/a}}{{/a}}", "a: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]",
	    &opt);
	ck_assert_int_eq(r.rc, TG_EXIT_INVALID);
	ck_assert_msg(strstr(r.msg, "t.mustache:1:13: error: the output is larger than 1000 bytes here; "
	    "stopped") != NULL, "%s", r.msg);
	ck_assert_uint_le(strlen(r.out), 1010);
	run_free(&r);
	/* Iterations of sections without tags count too (issue 18: 10^12 of
	 * them ran unchecked). */
	opt = (tg_mus_options)TG_MUS_OPTIONS_INIT;
	opt.max_steps = 1000;
	static const char *const loops[] = {"{{#a}}{{#a}}{{/a}}{{/a}}", "{{#a}}{{#a}}\n{{/a}}\n{{/a}}",
	    "{{#a}}{{#a}}{{^a}}{{/a}}{{/a}}{{/a}}"};
	for (size_t i = 0; i < sizeof loops / sizeof loops[0]; i++) {
		r = render_yaml(loops[i], "a: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, "
		    "19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36]", &opt);
		ck_assert_int_eq(r.rc, TG_EXIT_INVALID);
		ck_assert_msg(strstr(r.msg, "error: rendering takes more than 1000 steps (tags, texts "
		    "and section iterations) here; stopped") != NULL, "%s", r.msg);
		run_free(&r);
	}
	/* 36 x 36 = 1296 iterations, within 2000 steps: fine. */
	opt.max_steps = 2000;
	r = render_yaml(loops[0], "a: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, "
	    "19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36]", &opt);
	ck_assert_int_eq(r.rc, TG_EXIT_OK);
	run_free(&r);
}
END_TEST

/* ---- escaping and numbers ---- */

START_TEST(html_escaping)
{
	run r = render_yaml("{{s}}|{{{s}}}|{{&s}}", "s: <a href=\"x\">Tom & Jerry's</a>", NULL);
	ck_assert_str_eq(r.out, "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;|"
	    "<a href=\"x\">Tom & Jerry's</a>|<a href=\"x\">Tom & Jerry's</a>");
	run_free(&r);
}
END_TEST

static void
check_markdown(const char *tmpl, const char *yaml, const char *want)
{
	tg_mus_options opt = TG_MUS_OPTIONS_INIT;
	opt.escape = TG_MUS_ESCAPE_MARKDOWN;
	run r = render_yaml(tmpl, yaml, &opt);
	ck_assert_int_eq(r.rc, TG_EXIT_OK);
	ck_assert_msg(strcmp(r.out, want) == 0, "%s with %s:\n got  %s\n want %s", tmpl, yaml, r.out, want);
	run_free(&r);
}

START_TEST(markdown_escaping)
{
	/* mid-line: inline markup, links, tables, HTML */
	check_markdown("a {{s}} b", "s: '*x* _y_ `z` [l](u) a|b <i> \\ ~~d~~ x^2 &copy; > q'",
	    "a \\*x\\* \\_y\\_ \\`z\\` \\[l\\](u) a\\|b &lt;i&gt; \\\\ &#126;&#126;d&#126;&#126; "
	    "x\\^2 &amp;copy; &gt; q b");
	/* mid-line, block starters are harmless and kept */
	check_markdown("x {{s}}", "s: '# 1. - + ='", "x # 1. - + =");
	/* at the start of a line, also after indentation */
	check_markdown("{{s}}", "s: '# Title'", "\\# Title");
	check_markdown("  {{s}}", "s: '- item'", "  \\- item");
	check_markdown("{{s}}", "s: '+ item'", "\\+ item");
	check_markdown("{{s}}", "s: '==='", "&#61;==");
	check_markdown("{{s}}", "s: '12. Dec'", "12\\. Dec");
	check_markdown("{{s}}", "s: '3) x'", "3\\) x");
	check_markdown("{{s}}", "s: '2024 年'", "2024 年");
	check_markdown("{{s}}", "s: '1.5'", "1\\.5");
	check_markdown("a\n{{s}}", "s: '> quote'", "a\n&gt; quote");
	/* after a newline inside the value */
	check_markdown("* {{s}}", "s: \"one\\n# two\\n  3. three\"", "* one\n\\# two\n  3\\. three");
	/* unescaped forms are untouched */
	check_markdown("{{{s}}}{{&s}}", "s: '# *x*'", "# *x*# *x*");
	/* Japanese text passes through */
	check_markdown("{{s}}", "s: 情報セキュリティ基本方針（第1版）", "情報セキュリティ基本方針（第1版）");
}
END_TEST

START_TEST(number_formatting)
{
	run r = render_yaml("{{a}} {{b}} {{c}} {{d}} {{e}} {{f}} {{g}} {{h}} {{i}} {{j}} {{k}} {{l}} {{m}} {{n}}"
	    " {{o}} {{p}}",
	    "a: 1.210\nb: 85\nc: 1e3\nd: 0.50\ne: -0.0\nf: 1.5e-7\ng: 0.000001\nh: 1e21\n"
	    "i: 007\nj: '1.50'\nk: 3.10\nl: 100.0\nm: .5\nn: 1e999\no: 12345678901234567890.5\n"
	    "p: 0.1e1",
	    NULL);
	ck_assert_int_eq(r.rc, TG_EXIT_OK);
	ck_assert_str_eq(r.out, "1.21 85 1000 0.5 0 1.5e-7 0.000001 1e+21 007 1.50 3.1 100 0.5 1e999 "
	    "12345678901234567000 1");
	run_free(&r);
	/* in a section over a list, and in implicit iterators */
	r = render_yaml("{{#l}}({{.}}){{/l}}", "l: [1.10, 2.20, 3, '4.40']", NULL);
	ck_assert_str_eq(r.out, "(1.1)(2.2)(3)(4.40)");
	run_free(&r);
}
END_TEST

START_TEST(falsey_and_truthy_values)
{
	run r = render_yaml("{{#a}}A{{/a}}{{#b}}B{{/b}}{{#c}}C{{/c}}{{#d}}D{{/d}}{{#e}}E{{/e}}{{#f}}F{{/f}}"
	    "{{#g}}G{{/g}}{{#h}}H{{/h}}{{#i}}I{{/i}}{{#j}}J{{/j}}",
	    "a: false\nb: False\nc: ~\nd: []\ne:\nf: ''\ng: 0\nh: {}\ni: 'false'\nj: x\n", NULL);
	ck_assert_str_eq(r.out, "FGHIJ");
	run_free(&r);
}
END_TEST

/* ---- syntax errors ---- */

static char *
parse_errors(const char *tmpl)
{
	tg_diag *diag = tg_diag_new();
	tg_mus *m = tg_mus_parse("t.mustache", tmpl, strlen(tmpl), diag);
	ck_assert_ptr_null(m);
	char *msg = messages(diag);
	tg_diag_free(diag);
	return msg;
}

static void
check_error(const char *tmpl, const char *want)
{
	char *msg = parse_errors(tmpl);
	ck_assert_msg(strstr(msg, want) != NULL, "%s:\n%s\nwanted: %s", tmpl, msg, want);
	free(msg);
}

START_TEST(syntax_errors_are_positioned)
{
	check_error("a\n {{#s}}\nx\n", "t.mustache:2:2: error: section 's' is never closed");
	check_error("{{^s}}{{/t}}", "t.mustache:1:7: error: closing tag 't' does not match the open "
	    "inverted section 's' (line 1)");
	check_error("x{{/t}}", "t.mustache:1:2: error: closing tag 't' has no open section");
	check_error("{{#a}}{{#b}}{{/a}}", "t.mustache:1:7: error: section 'b' is never closed");
	check_error("ok\n  {{name\n", "t.mustache:2:3: error: unclosed tag: no '}}' after it");
	check_error("{{{name}}", "t.mustache:1:1: error: unclosed tag: no '}}}' after it");
	check_error("x {{=<% %>}}", "t.mustache:1:3: error: unclosed tag: no '=}}' after it");
	check_error("x {{=<%=}}", "t.mustache:1:3: error: bad set-delimiter tag");
	check_error("x {{=a b c=}}", "t.mustache:1:3: error: bad set-delimiter tag");
	check_error("x {{=a= b=}}", "t.mustache:1:3: error: bad set-delimiter tag");
	check_error("{{}}", "t.mustache:1:1: error: empty tag name");
	check_error("{{a b}}", "t.mustache:1:1: error: bad tag name 'a b'");
	check_error("{{a..b}}", "t.mustache:1:1: error: bad name 'a..b': a dotted name has an empty part");
	check_error("{{<p}}{{$b}}{{/p}}", "t.mustache:1:7: error: block 'b' is never closed");
	check_error("題名: {{#名前}}", "t.mustache:1:5: error: section '名前' is never closed");
	check_error("ok\n\xff", "t.mustache:2:1: error: invalid UTF-8 (byte 0xFF)");
	/* several at once */
	char *msg = parse_errors("{{a b}}\n{{/x}}\n{{#y}}");
	ck_assert_msg(strstr(msg, "1:1:") && strstr(msg, "2:1:") && strstr(msg, "3:1:"), "%s", msg);
	free(msg);
	/* nesting limit */
	tg_buf t = TG_BUF_INIT;
	for (int i = 0; i <= TG_MUS_MAX_NESTING; i++)
		tg_buf_puts(&t, "{{#a}}");
	msg = parse_errors(t.data);
	ck_assert_msg(strstr(msg, "t.mustache:1:385: error: section 'a' nests deeper than 64 levels"), "%s", msg);
	free(msg);
	tg_buf_free(&t);
}
END_TEST

/* ---- walk ---- */

static void
collect(void *ud, const tg_mus_tag *tag)
{
	tg_buf *b = ud;
	tg_buf_printf(b, "%d %s%s %u:%u [", (int)tag->kind, tag->dynamic ? "*" : "", tag->name,
	    tag->pos.line, tag->pos.col);
	for (size_t i = 0; i < tag->nsections; i++)
		tg_buf_printf(b, "%s%s", i ? " " : "", tag->sections[i]);
	tg_buf_puts(b, "]\n");
}

START_TEST(walk_visits_every_tag)
{
	const char *tmpl = "{{title}}\n{{#items}}\n  {{{name}}} {{#tags}}{{.}}{{/tags}}\n{{/items}}"
	    "{{^none}}{{>foot}}{{/none}}{{! c }}{{<base}}ignored {{x}}{{$b}}{{y}}{{/b}}{{/base}}{{>*dyn}}";
	tg_diag *diag = tg_diag_new();
	tg_mus *m = tg_mus_parse("t", tmpl, strlen(tmpl), diag);
	ck_assert_ptr_nonnull(m);
	tg_buf b = TG_BUF_INIT;
	tg_mus_walk(m, collect, &b);
	ck_assert_str_eq(b.data,
	    "0 title 1:1 []\n"
	    "2 items 2:1 []\n"
	    "1 name 3:3 [items]\n"
	    "2 tags 3:14 [items]\n"
	    "0 . 3:23 [items tags]\n"
	    "3 none 4:11 []\n"
	    "4 foot 4:20 [none]\n"
	    "6 base 4:46 []\n"
	    "5 b 4:68 []\n"
	    "0 y 4:74 []\n"
	    "4 *dyn 4:94 []\n");
	/* the caller's own messages at tag positions quote the line, also
	 * through another diag */
	tg_diag *other = tg_diag_new();
	tg_mus_add_source(m, other);
	tg_pos at = {"t", 3, 3, 10};
	tg_diag_error(other, at, "not in the registry");
	char *msg = messages(other);
	tg_diag_free(other);
	ck_assert_str_eq(msg, "t:3:3: error: not in the registry\n"
	    " 3 |   {{{name}}} {{#tags}}{{.}}{{/tags}}\n"
	    "   |   ^~~~~~~~~~\n");
	free(msg);
	tg_buf_free(&b);
	tg_mus_free(m);
	tg_diag_free(diag);
}
END_TEST

/* ---- contexts built by a program ---- */

START_TEST(constructed_context)
{
	tg_arena a;
	tg_arena_init(&a);
	tg_pos none = tg_pos_at(NULL, 0, 0);
	tg_node *ctx = tg_node_new_map(&a, none);
	tg_node_map_add(&a, ctx, "company", tg_node_new_string(&a, none, "株式会社サンプル"));
	tg_node_map_add(&a, ctx, "version", tg_node_new_string(&a, none, "3.10"));
	tg_node_map_add(&a, ctx, "count", tg_node_new_int(&a, none, -42));
	tg_node_map_add(&a, ctx, "draft", tg_node_new_bool(&a, none, false));
	tg_node_map_add(&a, ctx, "note", tg_node_new_null(&a, none));
	tg_node *list = tg_node_new_seq(&a, none);
	for (int i = 0; i < 100; i++) {
		tg_node *item = tg_node_new_map(&a, none);
		tg_node_map_add(&a, item, "n", tg_node_new_int(&a, none, i));
		for (int k = 0; k < 5; k++) {
			char key[8];
			snprintf(key, sizeof key, "k%d", k);
			tg_node_map_add(&a, item, key, tg_node_new_int(&a, none, k));
		}
		tg_node_seq_add(&a, list, item);
	}
	tg_node_map_add(&a, ctx, "list", list);
	ck_assert_uint_eq(list->n, 100);
	ck_assert_uint_eq(ctx->n, 6);
	tg_diag *diag = tg_diag_new();
	const char *tmpl = "{{company}} v{{version}} {{count}}{{^draft}} final{{/draft}}[{{note}}] "
	    "{{#list}}{{n}}{{k4}},{{/list}}";
	tg_mus *m = tg_mus_parse("t", tmpl, strlen(tmpl), diag);
	tg_buf out = TG_BUF_INIT;
	tg_mus_options opt = TG_MUS_OPTIONS_INIT;
	opt.strict = true;
	ck_assert_int_eq(tg_mus_render(m, ctx, &opt, &out, diag), TG_EXIT_OK);
	ck_assert(tg_text_starts_with(out.data, "株式会社サンプル v3.10 -42 final[] 04,14,24,"));
	ck_assert(tg_text_ends_with(out.data, ",994,"));
	tg_buf_free(&out);
	tg_mus_free(m);
	tg_diag_free(diag);
	tg_arena_free(&a);
}
END_TEST

START_TEST(indentation_of_partials_and_blocks)
{
	tg_arena a;
	tg_arena_init(&a);
	tg_pos none = tg_pos_at(NULL, 0, 0);
	tg_node *parts = tg_node_new_map(&a, none);
	tg_node_map_add(&a, parts, "list", tg_node_new_string(&a, none,
	    "{{#items}}\n- {{.}}\n  {{>sub}}\n{{/items}}\n"));
	tg_node_map_add(&a, parts, "sub", tg_node_new_string(&a, none, "(sub)\n"));
	tg_node_map_add(&a, parts, "page", tg_node_new_string(&a, none,
	    "# Title\n  {{$body}}\n  default\n  {{/body}}\nend\n"));
	tg_mus_options opt = TG_MUS_OPTIONS_INIT;
	opt.partial = tg_mus_node_partial;
	opt.partial_ud = parts;
	run r = render_yaml("List:\n    {{>list}}\nDone\n", "items: [a, b]", &opt);
	ck_assert_str_eq(r.out, "List:\n    - a\n      (sub)\n    - b\n      (sub)\nDone\n");
	run_free(&r);
	r = render_yaml("{{<page}}\n{{$body}}\n    line 1\n      line 2\n{{/body}}\n{{/page}}\n", "{}", &opt);
	ck_assert_str_eq(r.out, "# Title\n  line 1\n    line 2\nend\n");
	run_free(&r);
	r = render_yaml("{{<page}}{{/page}}", "{}", &opt);
	ck_assert_str_eq(r.out, "# Title\n  default\nend\n");
	run_free(&r);
	tg_arena_free(&a);
}
END_TEST

static Suite *
template_suite(void)
{
	Suite *s = suite_create("template");
	TCase *tc = tcase_create("spec");
	tcase_add_test(tc, official_spec);
	suite_add_tcase(s, tc);
	tc = tcase_create("totsugo");
	tcase_add_test(tc, strict_reports_every_undefined_name_once);
	tcase_add_test(tc, strict_missing_partial);
	tcase_add_test(tc, partial_paths_stay_inside_the_directory);
	tcase_add_test(tc, recursion_is_bounded);
	tcase_add_test(tc, output_and_work_are_bounded);
	tcase_add_test(tc, html_escaping);
	tcase_add_test(tc, markdown_escaping);
	tcase_add_test(tc, number_formatting);
	tcase_add_test(tc, falsey_and_truthy_values);
	tcase_add_test(tc, syntax_errors_are_positioned);
	tcase_add_test(tc, walk_visits_every_tag);
	tcase_add_test(tc, constructed_context);
	tcase_add_test(tc, indentation_of_partials_and_blocks);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return tu_run(template_suite());
}
