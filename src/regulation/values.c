/* Values and templates of a regulation: the Mustache context, and clause
 * templates parsed so that every position is the one in its file. */
#include <stdlib.h>
#include <string.h>

#include "regulation.h"
#include "../util/fs.h"

const tg_tset *
tg_reg_tset_for(const tg_data *d, const tg_catalog *baseline)
{
	for (size_t i = 0; baseline != NULL && i < TG_DATA_COUNT(d, paramsets, tg_paramset); i++) {
		const tg_paramset *ps = TG_DATA_AT(d, paramsets, tg_paramset, i);
		if (ps->catalog == baseline && ps->tset != NULL)
			return ps->tset;
	}
	return NULL;
}

const tg_node *
tg_reg_profile_get(const tg_profile *p, const char *key)
{
	return p != NULL && p->root != NULL && p->root->kind == TG_NODE_MAP ?
	    tg_node_get(p->root, key) : NULL;
}

/* The child mapping `key` of map, created when absent.  NULL when the key
 * holds a value already (a name that is both a value and a group, which
 * the registry check reports). */
static tg_node *
child_map(tg_arena *a, tg_node *map, const char *key, size_t len)
{
	for (size_t i = 0; i < map->n; i++) {
		const tg_node *k = map->items[2 * i];
		if (k->len == len && memcmp(k->str, key, len) == 0) {
			tg_node *v = map->items[2 * i + 1];
			return v->kind == TG_NODE_MAP ? v : NULL;
		}
	}
	tg_node *m = tg_node_new_map(a, map->pos);
	char *k = tg_arena_strndup(a, key, len);
	tg_node_map_add(a, map, k, m);
	return m;
}

static bool
has_key(const tg_node *map, const char *key)
{
	for (size_t i = 0; i < map->n; i++)
		if (strcmp(map->items[2 * i]->str, key) == 0)
			return true;
	return false;
}

/* Sets a dotted name; the first value set wins. */
static void
put(tg_arena *a, tg_node *root, const char *name, tg_node *value)
{
	tg_node *map = root;
	const char *p = name;
	for (const char *dot; (dot = strchr(p, '.')) != NULL; p = dot + 1) {
		map = child_map(a, map, p, (size_t)(dot - p));
		if (map == NULL)
			return;
	}
	if (!has_key(map, p))
		tg_node_map_add(a, map, p, value);
}

const tg_example *
tg_reg_industry_example(const tg_industry *ind, const char *key)
{
	for (size_t i = 0; ind != NULL && i < ind->nexamples; i++)
		if (ind->examples[i].key && ind->examples[i].text && strcmp(ind->examples[i].key, key) == 0)
			return &ind->examples[i];
	return NULL;
}

static const char *
example_of(const tg_industry *ind, const char *name)
{
	static const char prefix[] = "industry.examples.";
	if (ind == NULL || strncmp(name, prefix, sizeof prefix - 1) != 0)
		return NULL;
	const tg_example *e = tg_reg_industry_example(ind, name + sizeof prefix - 1);
	return e ? e->text : NULL;
}

/* Whether needle (len > 0) occurs in hay: memchr finds the candidates,
 * memcmp checks only those (a memcmp at every byte of every clause, for
 * every term, was a sixth of `validate`). */
static bool
contains(const char *hay, size_t n, const char *needle, size_t len)
{
	const char *p = hay, *last = hay + n - len;
	while (p <= last && (p = memchr(p, needle[0], (size_t)(last - p) + 1)) != NULL) {
		if (memcmp(p + 1, needle + 1, len - 1) == 0)
			return true;
		p++;
	}
	return false;
}

size_t
tg_reg_term_uses(const tg_tset *t, const char *term, tg_buf *clauses)
{
	size_t n = 0, len = strlen(term);
	for (size_t i = 0; t != NULL && len > 0 && i < t->nclauses; i++) {
		const tg_tclause *c = &t->clauses[i];
		if (c->item == NULL || c->len < len)
			continue;
		if (contains(c->text, c->len, term, len)) {
			TG_BUF_PUSH(clauses, const tg_tclause *, c);
			n++;
		}
	}
	return n;
}

/* 2025-04-01 -> 2025年4月1日 (2025-04 -> 2025年4月, 2025 -> 2025年). */
static char *
date_ja(tg_arena *a, const char *iso)
{
	tg_buf b = TG_BUF_INIT;
	int y = 0, m = 0, d = 0;
	int n = sscanf(iso, "%4d-%2d-%2d", &y, &m, &d);
	if (n >= 1)
		tg_buf_printf(&b, "%d年", y);
	if (n >= 2)
		tg_buf_printf(&b, "%d月", m);
	if (n >= 3)
		tg_buf_printf(&b, "%d日", d);
	char *s = tg_arena_strdup(a, n >= 1 ? b.data : iso);
	tg_buf_free(&b);
	return s;
}

const char *
tg_reg_latest_revision(const tg_profile *p)
{
	const tg_node *revs = tg_reg_profile_get(p, "revisions");
	const char *best = NULL;
	for (size_t i = 0; revs != NULL && revs->kind == TG_NODE_SEQ && i < revs->n; i++) {
		const tg_node *r = revs->items[i];
		const tg_node *date = r->kind == TG_NODE_MAP ? tg_node_get(r, "date") : NULL;
		if (date != NULL && date->kind == TG_NODE_SCALAR && (best == NULL || strcmp(date->str, best) > 0))
			best = date->str;
	}
	return best;
}

tg_node *
tg_reg_context(tg_arena *a, const tg_paramset *ps, const tg_industry *ind, const tg_profile *profile)
{
	tg_pos none = tg_pos_at(NULL, 0, 0);
	tg_node *root = tg_node_new_map(a, none);
	const tg_node *values = tg_reg_profile_get(profile, "parameters");
	if (values != NULL && values->kind != TG_NODE_MAP)
		values = NULL;
	const char *latest = tg_reg_latest_revision(profile);
	for (size_t i = 0; ps != NULL && i < ps->nparams; i++) {
		const tg_param *p = &ps->params[i];
		const tg_node *v = values ? tg_node_get(values, p->name) : NULL;
		const char *example = example_of(ind, p->name);
		/* The revisions date the document: every chapter's 改訂日 agrees
		 * with 付録C, whatever the parameters say (validate warns). */
		if (latest != NULL && strcmp(p->name, TG_REG_REVISION_DATE) == 0)
			put(a, root, p->name, tg_node_new_string(a, none, date_ja(a, latest)));
		else if (v != NULL)
			put(a, root, p->name, (tg_node *)v);
		else if (example != NULL)
			put(a, root, p->name, tg_node_new_string(a, none, example));
		else if (p->def != NULL)
			put(a, root, p->name, (tg_node *)p->def);
	}
	/* Examples the registry does not declare: for replacement texts. */
	for (size_t i = 0; ind != NULL && i < ind->nexamples; i++) {
		if (ind->examples[i].key == NULL || ind->examples[i].text == NULL)
			continue;
		tg_buf name = TG_BUF_INIT;
		tg_buf_printf(&name, "industry.examples.%s", ind->examples[i].key);
		put(a, root, tg_arena_strdup(a, name.data), tg_node_new_string(a, none, ind->examples[i].text));
		tg_buf_free(&name);
	}
	return root;
}

/* Blank lines before the text put its first line where it is in the file;
 * tg_reg_render drops them again. */
static size_t
padding_of(const char *text, size_t len)
{
	size_t n = 0;
	while (n < len && text[n] == '\n')
		n++;
	return n;
}

tg_mus *
tg_reg_parse_clause(const tg_tset *t, const tg_tclause *c, tg_diag *diag)
{
	const tg_tfile *f = &t->files[c->file];
	unsigned pad = c->text_pos.line > 0 ? c->text_pos.line - 1 : 0;
	tg_buf text = TG_BUF_INIT;
	for (unsigned i = 0; i < pad; i++)
		tg_buf_putc(&text, '\n');
	tg_buf_put(&text, c->text, c->len);
	tg_buf_putc(&text, '\n');
	tg_mus *m = tg_mus_parse(f->path, text.data, text.len, diag);
	tg_buf_free(&text);
	return m;
}

struct tg_reg_parsed {
	const tg_tset *t;
	tg_mus **clauses;	/* by clause index; NULL for clauses without an item */
};

tg_reg_parsed *
tg_reg_parse_all(const tg_tset *t, tg_diag *diag)
{
	tg_reg_parsed *p = tg_xcalloc(1, sizeof *p);
	p->t = t;
	p->clauses = tg_xcalloc(t->nclauses + 1, sizeof *p->clauses);
	bool ok = true;
	for (size_t i = 0; i < t->nclauses; i++) {
		if (t->clauses[i].item == NULL)
			continue;
		p->clauses[i] = tg_reg_parse_clause(t, &t->clauses[i], diag);
		ok = ok && p->clauses[i] != NULL;
	}
	if (!ok) {
		tg_reg_parsed_free(p);
		return NULL;
	}
	return p;
}

const tg_mus *
tg_reg_parsed_clause(const tg_reg_parsed *p, const tg_tset *t, size_t i)
{
	return p->t == t && i < t->nclauses ? p->clauses[i] : NULL;
}

void
tg_reg_parsed_free(tg_reg_parsed *p)
{
	if (p == NULL)
		return;
	for (size_t i = 0; i < p->t->nclauses; i++)
		tg_mus_free(p->clauses[i]);
	free(p->clauses);
	free(p);
}

/* Where a scalar's text starts in its file: literal / folded blocks on
 * the lines after the indicator (with their indentation), other scalars
 * at their own position (after the quote). */
static void
pad_scalar(tg_buf *out, const char *src, size_t srclen, const tg_node *n)
{
	const char *line = src, *end = src + srclen;
	for (unsigned l = 1; l < n->pos.line && line < end; l++) {
		const char *nl = memchr(line, '\n', (size_t)(end - line));
		line = nl ? nl + 1 : end;
	}
	const char *at = line;
	for (unsigned col = 1; col < n->pos.col && at < end && *at != '\n'; col++) {
		size_t k = 1;
		while (at + k < end && ((unsigned char)at[k] & 0xC0) == 0x80)
			k++;
		at += k;
	}
	if (at < end && (*at == '|' || *at == '>')) {
		const char *next = memchr(at, '\n', (size_t)(end - at));
		size_t indent = 0;
		if (next != NULL) {
			/* The first non-blank line sets the block's indentation. */
			const char *q = next + 1;
			for (;;) {
				size_t sp = 0;
				while (q + sp < end && q[sp] == ' ')
					sp++;
				if (q + sp < end && q[sp] == '\n') {
					q += sp + 1;
					continue;
				}
				indent = sp;
				break;
			}
		}
		for (unsigned i = 0; i < n->pos.line; i++)
			tg_buf_putc(out, '\n');
		for (const char *p = n->str; *p;) {
			const char *nl = strchr(p, '\n');
			size_t len = nl ? (size_t)(nl - p) : strlen(p);
			if (len > 0)
				for (size_t i = 0; i < indent; i++)
					tg_buf_putc(out, ' ');
			tg_buf_put(out, p, len);
			if (nl == NULL)
				break;
			tg_buf_putc(out, '\n');
			p = nl + 1;
		}
		return;
	}
	for (unsigned i = 1; i < n->pos.line; i++)
		tg_buf_putc(out, '\n');
	unsigned col = n->pos.col + (at < end && (*at == '"' || *at == '\'') ? 1 : 0);
	for (unsigned i = 1; i < col; i++)
		tg_buf_putc(out, ' ');
	tg_buf_puts(out, n->str);
}

tg_mus *
tg_reg_parse_scalar(const char *file, const tg_node *text, bool positions, tg_diag *diag)
{
	tg_buf src = TG_BUF_INIT, padded = TG_BUF_INIT;
	tg_mus *m;
	if (positions && file != NULL && tg_fs_read(file, TG_FS_MAX_INPUT, &src) == TG_FS_OK) {
		pad_scalar(&padded, src.data ? src.data : "", src.len, text);
		m = tg_mus_parse(file, padded.data ? padded.data : "", padded.len, diag);
		/* Later messages about the profile quote its real lines. */
		tg_diag_add_source(diag, file, src.data ? src.data : "", src.len);
	} else {
		m = tg_mus_parse(file ? file : "replace", text->str, text->len, diag);
	}
	tg_buf_free(&src);
	tg_buf_free(&padded);
	return m;
}

int
tg_reg_render(const tg_mus *m, const tg_node *ctx, tg_buf *out, tg_diag *diag)
{
	tg_mus_options opt = TG_MUS_OPTIONS_INIT;
	opt.strict = true;
	opt.escape = TG_MUS_ESCAPE_MARKDOWN;
	tg_buf raw = TG_BUF_INIT;
	int rc = tg_mus_render(m, ctx, &opt, &raw, diag);
	tg_buf_clear(out);
	const char *p = raw.data ? raw.data : "";
	size_t len = raw.len;
	size_t skip = padding_of(p, len);
	p += skip;
	len -= skip;
	while (len > 0 && strchr("\n\r \t", p[len - 1]) != NULL)
		len--;
	tg_buf_put(out, p, len);
	tg_buf_free(&raw);
	return rc;
}

/* A title without the "（サンプル）" of the IPA samples. */
static void
title_of(tg_buf *out, const tg_item *it)
{
	static const char sample[] = "（サンプル）";
	const char *t = it->title ? it->title : it->id;
	size_t n = strlen(t), m = sizeof sample - 1;
	tg_buf_put(out, t, n > m && strcmp(t + n - m, sample) == 0 ? n - m : n);
}

void
tg_reg_clause_name(const tg_tset *t, const tg_item *it, bool chapter_text, tg_buf *out)
{
	const tg_tclause *up = it->parent ? tg_tset_clause(t, it->parent->id) : NULL;
	if (!chapter_text && up != NULL && up->chapter && up->item->depth == 0) {
		title_of(out, up->item);
		tg_buf_putc(out, ' ');
	}
	if (it->depth > 0)
		tg_buf_printf(out, "%s ", it->ref);
	title_of(out, it);
	if (chapter_text)
		tg_buf_puts(out, "（章の冒頭）");
}
