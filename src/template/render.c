/* Mustache renderer: context stack lookups, sections, partials and
 * parents (loaded once per render through the caller's lookup), block
 * overrides, indentation, limits and strict-mode errors.  What values
 * are and how they print (numbers, escaping) is in values.c. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "../totsugo.h"
#include "../util/map.h"
#include "../util/text.h"

typedef enum entry_status {
	ENTRY_FOUND = TG_MUS_PARTIAL_FOUND,
	ENTRY_MISSING = TG_MUS_PARTIAL_MISSING,
	ENTRY_REJECTED = TG_MUS_PARTIAL_REJECTED,
	ENTRY_IO_ERROR = TG_MUS_PARTIAL_IO_ERROR,
	ENTRY_BAD_SYNTAX
} entry_status;

/* A partial or parent template, looked up once per render. */
typedef struct entry {
	entry_status status;
	tg_mus *m;
	const char *message;
} entry;

typedef struct render {
	tg_mus_options opt;
	tg_buf *out;
	size_t base;		/* out->len when the render began */
	tg_diag *diag;
	tg_buf ctx;		/* const tg_node *: the context stack */
	tg_buf args;		/* const tg_mus_node *: parents being rendered, outermost first */
	tg_buf indent;		/* current indentation */
	unsigned char first;	/* TG_MUS_FIRST_*: pending for the next node */
	int depth;		/* partials, parents and overrides being rendered */
	size_t steps;
	const tg_mus_node *at;	/* the innermost tag being rendered, for limit errors */
	bool stop;		/* a limit was hit: unwind */
	int rc;
	tg_arena arena;		/* cache and report keys */
	tg_map cache;		/* partial name -> entry */
	tg_map reported;	/* node address -> node: strict errors already given */
	tg_map quoted;		/* file -> file: partial sources given to diag */
	tg_buf owned;		/* tg_mus *: parsed partials */
} render;

static void render_list(render *r, tg_mus_node *const *nodes, size_t n);

static void
fail(render *r, int rc)
{
	if (r->rc == TG_EXIT_OK || rc == TG_EXIT_IO)
		r->rc = rc;
}

/* Gives diag the source of a partial on its first error only: partials
 * are parsed on every render, and copying each into diag every time would
 * grow it without end.  (The caller's template was given when parsed.) */
static void
quote_source(render *r, const tg_mus_node *n)
{
	const char *file = n->tag.pos.file;
	if (file == NULL || tg_map_get(&r->quoted, file) != NULL)
		return;
	const tg_mus *m = NULL;
	for (size_t i = 0; m == NULL && i < TG_BUF_COUNT(&r->owned, tg_mus *); i++)
		if (TG_BUF_AT(&r->owned, tg_mus *, i)->file == file)
			m = TG_BUF_AT(&r->owned, tg_mus *, i);
	if (m == NULL)
		return;
	tg_diag_add_source(r->diag, m->file, m->text, m->len);
	tg_map_put(&r->quoted, m->file, r);
}

static void __attribute__((format(printf, 3, 4)))
error_at(render *r, const tg_mus_node *n, const char *fmt, ...)
{
	tg_buf msg = TG_BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	tg_buf_vprintf(&msg, fmt, ap);
	va_end(ap);
	quote_source(r, n);
	tg_diag_error(r->diag, n->tag.pos, "%s", msg.data);
	tg_buf_free(&msg);
}

/* Each tag is reported once per render, however often it is rendered. */
static bool
first_report(render *r, const tg_mus_node *n)
{
	char key[2 * sizeof(void *) + 8];
	snprintf(key, sizeof key, "%p", (const void *)n);
	if (tg_map_get(&r->reported, key) != NULL)
		return false;
	tg_map_put(&r->reported, tg_arena_strdup(&r->arena, key), r);
	return true;
}

/* ---- lookups ---- */

/* Resolves a name against the context stack: the first part in the
 * innermost frame that has it, the other parts inside that value.  On
 * failure *part is the index of the part not found and *last the value
 * that lacked it (NULL for the first part). */
static bool
lookup(render *r, const tg_mus_node *n, const tg_node **value, size_t *part,
    const tg_node **last)
{
	size_t depth = TG_BUF_COUNT(&r->ctx, const tg_node *);
	*last = NULL;
	if (n->nparts == 0) {
		*value = depth ? TG_BUF_AT(&r->ctx, const tg_node *, depth - 1) : NULL;
		return true;
	}
	const tg_node *v = NULL;
	for (size_t i = depth; i-- > 0 && v == NULL;) {
		const tg_node *c = TG_BUF_AT(&r->ctx, const tg_node *, i);
		if (c != NULL && c->kind == TG_NODE_MAP)
			v = tg_mus_map_get(c, n->parts[0], n->part_lens[0]);
	}
	if (v == NULL) {
		*part = 0;
		return false;
	}
	for (size_t k = 1; k < n->nparts; k++) {
		const tg_node *next = NULL;
		if (v->kind == TG_NODE_MAP)
			next = tg_mus_map_get(v, n->parts[k], n->part_lens[k]);
		else if (v->kind == TG_NODE_SEQ)
			next = tg_mus_seq_get(v, n->parts[k], n->part_lens[k]);
		if (next == NULL) {
			*part = k;
			*last = v;
			return false;
		}
		v = next;
	}
	*value = v;
	return true;
}

static void
undefined(render *r, const tg_mus_node *n, size_t part, const tg_node *last)
{
	if (!r->opt.strict || !first_report(r, n))
		return;
	fail(r, TG_EXIT_INVALID);
	const char *name = n->tag.name;
	if (part > 0) {
		int plen = (int)(n->parts[part] - name - 1);
		if (last->kind == TG_NODE_SCALAR)
			error_at(r, n, "undefined name '%s': '%.*s' is a %s, not a mapping",
			    name, plen, name, tg_node_kind_name(last));
		else
			error_at(r, n, "undefined name '%s': '%.*s' has no '%.*s'",
			    name, plen, name, (int)n->part_lens[part], n->parts[part]);
		return;
	}
	/* Suggest a close key from the mappings in scope. */
	tg_buf keys = TG_BUF_INIT;
	for (size_t i = 0; i < TG_BUF_COUNT(&r->ctx, const tg_node *); i++) {
		const tg_node *c = TG_BUF_AT(&r->ctx, const tg_node *, i);
		for (size_t k = 0; c != NULL && c->kind == TG_NODE_MAP && k < c->n; k++)
			if (c->items[2 * k]->kind == TG_NODE_SCALAR)
				TG_BUF_PUSH(&keys, const char *, c->items[2 * k]->str);
	}
	char *first = tg_xstrndup(n->parts[0], n->part_lens[0]);
	const char *near = tg_text_suggest(first, (const char *const *)(void *)keys.data,
	    TG_BUF_COUNT(&keys, const char *));
	if (near != NULL)
		error_at(r, n, "undefined name '%s' (did you mean '%s'?)", name, near);
	else
		error_at(r, n, "undefined name '%s'", name);
	free(first);
	tg_buf_free(&keys);
}

/* ---- output ---- */

static void
put_indent(render *r)
{
	if (r->indent.len > 0)
		tg_buf_put(r->out, r->indent.data, r->indent.len);
}

static void
put_text(render *r, const tg_mus_node *n)
{
	if (r->indent.len == 0) {
		tg_buf_put(r->out, n->text, n->len);
		return;
	}
	const char *s = n->text, *end = n->text + n->len;
	while (s < end) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		if (nl == NULL) {
			tg_buf_put(r->out, s, (size_t)(end - s));
			return;
		}
		tg_buf_put(r->out, s, (size_t)(nl + 1 - s));
		s = nl + 1;
		if (s < end)
			put_indent(r);
	}
}

static void
interpolate(render *r, const tg_mus_node *n)
{
	const tg_node *v, *last;
	size_t part;
	if (!lookup(r, n, &v, &part, &last)) {
		undefined(r, n, part, last);
		return;
	}
	if (v == NULL || (v->kind == TG_NODE_SCALAR && tg_node_is_null(v)))
		return;
	if (v->kind != TG_NODE_SCALAR) {
		if (r->opt.strict && first_report(r, n)) {
			error_at(r, n, "'%s' is a %s, which cannot be printed",
			    n->tag.name, tg_node_kind_name(v));
			fail(r, TG_EXIT_INVALID);
		}
		return;
	}
	char num[40];
	const char *s;
	size_t len;
	tg_mus_scalar_text(v, num, &s, &len);
	if (n->type == TG_MN_RAW || r->opt.escape == TG_MUS_ESCAPE_NONE)
		tg_buf_put(r->out, s, len);
	else if (r->opt.escape == TG_MUS_ESCAPE_HTML)
		tg_mus_escape_html(r->out, s, len);
	else
		tg_mus_escape_markdown(r->out, s, len);
}

static void
push(render *r, const tg_node *v)
{
	TG_BUF_PUSH(&r->ctx, const tg_node *, v);
}

static void
pop(render *r)
{
	r->ctx.len -= sizeof(const tg_node *);
}

/* Steps of work (a node visited, section iterations) and the output so
 * far, against the limits; false (reported, render stopped) past one.
 * n: the node, or NULL for iterations of r->at. */
static bool
charge(render *r, const tg_mus_node *n, size_t steps)
{
	const tg_mus_node *where = n != NULL && n->type != TG_MN_TEXT ? n : r->at;
	r->steps = steps > r->opt.max_steps - r->steps + 1 ? r->opt.max_steps + 1 : r->steps + steps;
	if (r->steps > r->opt.max_steps) {
		if (where != NULL)
			error_at(r, where, "rendering takes more than %zu steps (tags, texts and "
			    "section iterations) here; stopped", r->opt.max_steps);
		else
			tg_diag_error(r->diag, tg_pos_at(NULL, 0, 0), "rendering takes more than %zu "
			    "steps (tags, texts and section iterations); stopped", r->opt.max_steps);
	} else if (r->out->len - r->base > r->opt.max_output) {
		if (where != NULL)
			error_at(r, where, "the output is larger than %zu bytes here; stopped",
			    r->opt.max_output);
		else
			tg_diag_error(r->diag, tg_pos_at(NULL, 0, 0),
			    "the output is larger than %zu bytes; stopped", r->opt.max_output);
	} else {
		return true;
	}
	fail(r, TG_EXIT_INVALID);
	r->stop = true;
	return false;
}

static void
render_content(render *r, const tg_mus_node *n)
{
	render_list(r, n->kids, n->nkids);
	if (n->bol_end)
		put_indent(r);
}

static void
render_section(render *r, const tg_mus_node *n)
{
	const tg_node *v = NULL, *last;
	size_t part;
	bool found = lookup(r, n, &v, &part, &last);
	if (!found)
		undefined(r, n, part, last);
	if (n->type == TG_MN_INVERTED) {
		if (!found || tg_mus_falsey(v))
			render_content(r, n);
		return;
	}
	if (!found || tg_mus_falsey(v))
		return;
	const tg_mus_node *outer = r->at;
	r->at = n;
	if (v->kind == TG_NODE_SEQ && n->nkids == 0 && (!n->bol_end || r->indent.len == 0)) {
		/* Iterations that write nothing: counted all at once. */
		charge(r, NULL, v->n);
	} else if (v->kind == TG_NODE_SEQ) {
		/* Every iteration counts, with or without tags inside. */
		for (size_t i = 0; i < v->n && !r->stop && charge(r, NULL, 1); i++) {
			push(r, v->items[i]);
			render_content(r, n);
			pop(r);
		}
	} else {
		push(r, v);
		render_content(r, n);
		pop(r);
	}
	r->at = outer;
}

/* ---- partials and parents ---- */

static void
report_entry(render *r, const tg_mus_node *n, const char *name, const entry *e)
{
	if (!first_report(r, n))
		return;
	const char *why = e->message;
	switch (e->status) {
	case ENTRY_MISSING:
		error_at(r, n, "partial '%s' not found%s%s%s", name,
		    why ? " (" : "", why ? why : "", why ? ")" : "");
		fail(r, TG_EXIT_INVALID);
		break;
	case ENTRY_REJECTED:
		error_at(r, n, "partial name '%s' is not allowed%s%s", name,
		    why ? ": " : "", why ? why : "");
		fail(r, TG_EXIT_INVALID);
		break;
	case ENTRY_IO_ERROR:
		error_at(r, n, "cannot read partial '%s'%s%s", name,
		    why ? ": " : "", why ? why : "");
		fail(r, TG_EXIT_IO);
		break;
	default:
		break;
	}
}

static entry *
load(render *r, const char *name, size_t len)
{
	entry *e = tg_map_getn(&r->cache, name, len);
	if (e != NULL)
		return e;
	e = TG_ARENA_NEW(&r->arena, entry);
	char *key = tg_arena_strndup(&r->arena, name, len);
	tg_mus_partial found = {NULL, NULL, 0, NULL};
	tg_mus_partial_status st = r->opt.partial ?
	    r->opt.partial(r->opt.partial_ud, key, &found) : TG_MUS_PARTIAL_MISSING;
	e->status = (entry_status)st;
	if (found.message != NULL)
		e->message = tg_arena_strdup(&r->arena, found.message);
	if (st == TG_MUS_PARTIAL_FOUND) {
		e->m = tg_mus_parse_source(found.file ? found.file : key,
		    found.text ? found.text : "", found.len, r->diag, false);
		if (e->m == NULL) {
			e->status = ENTRY_BAD_SYNTAX;
		} else {
			TG_BUF_PUSH(&r->owned, tg_mus *, e->m);
		}
	}
	tg_map_putn(&r->cache, key, len, e);
	return e;
}

/* The template a partial or parent tag names, or NULL (reported). */
static const tg_mus *
resolve(render *r, const tg_mus_node *n)
{
	const char *name = n->tag.name;
	size_t len = strlen(name);
	char num[40];
	if (n->tag.dynamic) {
		const tg_node *v, *last;
		size_t part;
		if (!lookup(r, n, &v, &part, &last)) {
			undefined(r, n, part, last);
			return NULL;
		}
		if (v == NULL || v->kind != TG_NODE_SCALAR || tg_node_is_null(v)) {
			if (r->opt.strict && first_report(r, n)) {
				error_at(r, n,
				    "dynamic name '%s' is a %s, not the name of a partial", name,
				    tg_node_kind_name(v));
				fail(r, TG_EXIT_INVALID);
			}
			return NULL;
		}
		tg_mus_scalar_text(v, num, &name, &len);
	}
	if (memchr(name, '\0', len) != NULL) {
		if (first_report(r, n)) {
			error_at(r, n, "partial name contains a NUL character");
			fail(r, TG_EXIT_INVALID);
		}
		return NULL;
	}
	entry *e = load(r, name, len);
	if (e->status == ENTRY_FOUND)
		return e->m;
	if (e->status == ENTRY_BAD_SYNTAX)
		fail(r, TG_EXIT_INVALID);
	else if (e->status != ENTRY_MISSING || r->opt.strict)
		report_entry(r, n, name, e);
	return NULL;
}

static bool
enter(render *r, const tg_mus_node *n)
{
	if (r->depth < TG_MUS_MAX_DEPTH) {
		r->depth++;
		return true;
	}
	error_at(r, n, "partials, parents and blocks nest deeper than %d "
	    "levels here: does '%s' include itself?", TG_MUS_MAX_DEPTH, n->tag.name);
	fail(r, TG_EXIT_INVALID);
	r->stop = true;
	return false;
}

/* Renders a partial or parent template under the tag's indentation: the
 * current one plus the tag's for a standalone tag, none otherwise. */
static void
render_included(render *r, const tg_mus_node *n, const tg_mus *m)
{
	char *saved = NULL;
	size_t saved_len = r->indent.len;
	if (n->standalone) {
		tg_buf_put(&r->indent, n->indent, n->indent_len);
	} else if (saved_len > 0) {
		saved = tg_xstrndup(r->indent.data, saved_len);
		tg_buf_clear(&r->indent);
	}
	r->first = TG_MUS_FIRST_AS_IS;
	render_list(r, m->nodes, m->n);
	r->first = TG_MUS_FIRST_AS_IS;
	tg_buf_truncate(&r->indent, n->standalone ? saved_len : 0);
	if (saved != NULL) {
		tg_buf_put(&r->indent, saved, saved_len);
		free(saved);
	}
}

static void
render_partial(render *r, const tg_mus_node *n)
{
	const tg_mus *m = resolve(r, n);
	if (m == NULL || !enter(r, n))
		return;
	render_included(r, n, m);
	r->depth--;
}

static void
render_parent(render *r, const tg_mus_node *n)
{
	const tg_mus *m = resolve(r, n);
	if (m == NULL || !enter(r, n))
		return;
	TG_BUF_PUSH(&r->args, const tg_mus_node *, n);
	render_included(r, n, m);
	r->args.len -= sizeof(const tg_mus_node *);
	r->depth--;
}

/* The outermost parent's argument wins (top-level substitutions take
 * precedence in multi-level inheritance). */
static const tg_mus_node *
find_override(const render *r, const char *name)
{
	for (size_t i = 0; i < TG_BUF_COUNT(&r->args, const tg_mus_node *); i++) {
		const tg_mus_node *parent = TG_BUF_AT(&r->args, const tg_mus_node *, i);
		for (size_t k = 0; k < parent->nkids; k++)
			if (strcmp(parent->kids[k]->tag.name, name) == 0)
				return parent->kids[k];
	}
	return NULL;
}

static void
render_block(render *r, const tg_mus_node *n)
{
	const tg_mus_node *over = find_override(r, n->tag.name);
	size_t saved = r->indent.len;
	if (over != NULL) {
		if (!enter(r, n))
			return;
		tg_buf_put(&r->indent, n->indent, n->indent_len);
		r->first = n->first;
		render_list(r, over->kids, over->nkids);
		r->first = TG_MUS_FIRST_AS_IS;
		tg_buf_truncate(&r->indent, saved);
		r->depth--;
		return;
	}
	if (n->indent_always)
		tg_buf_put(&r->indent, n->indent, n->indent_len);
	r->first = TG_MUS_FIRST_AS_IS;
	render_list(r, n->kids, n->nkids);
	tg_buf_truncate(&r->indent, saved);
	if (n->bol_end)
		put_indent(r);
}

static void
render_list(render *r, tg_mus_node *const *nodes, size_t n)
{
	for (size_t i = 0; i < n && !r->stop; i++) {
		const tg_mus_node *node = nodes[i];
		if (!charge(r, node, 1))
			return;
		if (!node->standalone) {
			bool bol = node->bol;
			if (r->first != TG_MUS_FIRST_AS_IS) {
				bol = r->first == TG_MUS_FIRST_FORCE;
				r->first = TG_MUS_FIRST_AS_IS;
			}
			if (bol)
				put_indent(r);
		}
		switch (node->type) {
		case TG_MN_TEXT:
			put_text(r, node);
			break;
		case TG_MN_VAR:
		case TG_MN_RAW:
			interpolate(r, node);
			break;
		case TG_MN_SECTION:
		case TG_MN_INVERTED:
			render_section(r, node);
			break;
		case TG_MN_PARTIAL:
			render_partial(r, node);
			break;
		case TG_MN_PARENT:
			render_parent(r, node);
			break;
		case TG_MN_BLOCK:
			render_block(r, node);
			break;
		}
	}
}

int
tg_mus_render(const tg_mus *m, const tg_node *context, const tg_mus_options *opt,
    tg_buf *out, tg_diag *diag)
{
	static const tg_mus_options defaults = TG_MUS_OPTIONS_INIT;
	render r;
	memset(&r, 0, sizeof r);
	r.opt = opt ? *opt : defaults;
	if (r.opt.max_output == 0)
		r.opt.max_output = TG_MUS_MAX_OUTPUT;
	if (r.opt.max_steps == 0)
		r.opt.max_steps = TG_MUS_MAX_STEPS;
	r.out = out;
	r.base = out->len;
	r.diag = diag;
	r.rc = TG_EXIT_OK;
	tg_arena_init(&r.arena);
	tg_map_init(&r.cache);
	tg_map_init(&r.reported);
	tg_map_init(&r.quoted);
	if (context != NULL)
		push(&r, context);
	/* The buffer holds text even when nothing is written. */
	tg_buf_cstr(out);
	render_list(&r, m->nodes, m->n);
	for (size_t i = 0; i < TG_BUF_COUNT(&r.owned, tg_mus *); i++)
		tg_mus_free(TG_BUF_AT(&r.owned, tg_mus *, i));
	tg_buf_free(&r.owned);
	tg_buf_free(&r.ctx);
	tg_buf_free(&r.args);
	tg_buf_free(&r.indent);
	tg_map_free(&r.cache);
	tg_map_free(&r.reported);
	tg_map_free(&r.quoted);
	tg_arena_free(&r.arena);
	return r.rc;
}
