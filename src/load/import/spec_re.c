/* Import spec patterns: PCRE2 compilation (a bad pattern is reported at
 * the position of the offending character in the spec, quotes and escapes
 * counted) and matching. */
#include <string.h>

#include "spec_re.h"
#include "../../util/utf8.h"

/* Byte offset in the spec text of a position (line, column in code points). */
static bool
text_offset(const tg_import_spec *s, tg_pos p, size_t *off)
{
	size_t i = 0;
	for (unsigned l = 1; l < p.line; l++) {
		const char *nl = memchr(s->text + i, '\n', s->len - i);
		if (nl == NULL)
			return false;
		i = (size_t)(nl - s->text) + 1;
	}
	const char *eol = memchr(s->text + i, '\n', s->len - i);
	size_t linelen = eol ? (size_t)(eol - (s->text + i)) : s->len - i;
	*off = i + tg_utf8_offset(s->text + i, linelen, p.col - 1);
	return true;
}

/* Where byte `off` of a one-line scalar's value is in the spec (plain,
 * single- or double-quoted); the scalar's start when that cannot be told. */
static tg_pos
value_pos(const tg_import_spec *s, const tg_node *n, size_t off)
{
	tg_pos p = n->pos, at = n->pos;
	p.span = 0;
	at.span = 0;
	size_t i;
	if (!text_offset(s, n->pos, &i) || i >= s->len)
		return p;
	char quote = 0;
	if (!n->plain) {
		if (s->text[i] != '\'' && s->text[i] != '"')
			return p;	/* a block scalar */
		quote = s->text[i++];
		at.col++;
	}
	for (size_t v = 0; v < off;) {
		if (i >= s->len || s->text[i] == '\n')
			return p;
		if (quote == '\'' && s->text[i] == '\'') {
			i += 2;		/* '' */
			v++;
			at.col += 2;
			continue;
		}
		if (quote == '"' && s->text[i] == '\\') {
			if (i + 1 >= s->len || strchr("\\\"/", s->text[i + 1]) == NULL)
				return p;
			i += 2;
			v++;
			at.col += 2;
			continue;
		}
		size_t k;
		tg_utf8_decode(s->text + i, s->len - i, &k);
		i += k;
		v += k;
		at.col++;
	}
	return at;
}

tg_import_re *
tg_import_re_compile(tg_import_spec *s, const tg_node *n, const char *what, const char *group)
{
	const char *src = tg_schema_scalar(&s->l, n, what);
	if (src == NULL)
		return NULL;
	int err;
	PCRE2_SIZE off;
	pcre2_code *code = pcre2_compile((PCRE2_SPTR)src, n->len, PCRE2_UTF | PCRE2_UCP, &err,
	    &off, NULL);
	if (code == NULL) {
		PCRE2_UCHAR msg[256];
		pcre2_get_error_message(err, msg, sizeof msg);
		tg_diag_error(s->l.diag, value_pos(s, n, off),
		    "invalid pattern in %s: %s (at offset %zu of '%s')", what, (const char *)msg,
		    (size_t)off, src);
		return NULL;
	}
	/* No JIT: the patterns run on short cells, where it gains nothing
	 * measurable, and its generated code upsets valgrind. */
	tg_import_re *re = TG_ARENA_NEW(tg_import_spec_arena(s), tg_import_re);
	re->code = code;
	re->md = pcre2_match_data_create_from_pattern(code, NULL);
	re->source = src;
	re->pos = n->pos;
	uint32_t captures = 0;
	pcre2_pattern_info(code, PCRE2_INFO_CAPTURECOUNT, &captures);
	int named = group ? pcre2_substring_number_from_name(code, (PCRE2_SPTR)group) : -1;
	re->group = named > 0 ? named : captures > 0 ? 1 : 0;
	int level = pcre2_substring_number_from_name(code, (PCRE2_SPTR)"level");
	re->level_group = level > 0 ? level : -1;
	TG_BUF_PUSH(&s->regexes, tg_import_re *, re);
	return re;
}

/* The default patterns are compiled from text the spec does not hold. */
tg_import_re *
tg_import_re_default(tg_import_spec *s, const char *src, const char *group)
{
	tg_node *n = TG_ARENA_NEW(tg_import_spec_arena(s), tg_node);
	n->kind = TG_NODE_SCALAR;
	n->plain = false;
	n->str = src;
	n->len = strlen(src);
	n->pos = tg_pos_at(s->file, 0, 0);
	return tg_import_re_compile(s, n, "a default pattern", group);
}

int
tg_import_re_match(tg_import_re *re, const char *str, size_t len, size_t start)
{
	int rc = pcre2_match(re->code, (PCRE2_SPTR)str, len, start, PCRE2_NO_UTF_CHECK, re->md,
	    NULL);
	return rc > 0 ? rc : rc == 0 ? 1 : 0;
}

bool
tg_import_re_group(const tg_import_re *re, int g, size_t *b, size_t *e)
{
	if (g < 0 || (uint32_t)g >= pcre2_get_ovector_count(re->md))
		return false;
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(re->md);
	if (ov[2 * g] == PCRE2_UNSET)
		return false;
	*b = ov[2 * g];
	*e = ov[2 * g + 1];
	return true;
}
