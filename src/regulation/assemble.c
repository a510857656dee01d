/* Assembling the regulation: chapters in template order, clauses with
 * headings from the catalog and text from the templates (or the profile's
 * replacements), industry additions and supplements from the proposals,
 * labels of the industry items served, exclusions, the split into
 * editions, and the data of the appendices.  Rules: docs/regulation.md. */
#include <stdlib.h>
#include <string.h>

#include "regulation.h"
#include "../render/escape.h"

/* Per template clause, while building. */
typedef struct slot {
	const tg_tclause *tc;
	const char *text;	/* rendered Markdown */
	bool replaced;
	tg_mus *replacement;	/* the profile's text, parsed */
	bool in_edition;	/* kept by the split (ignoring exclusions) */
	bool shows_text;	/* its text belongs to this edition */
	const char *excluded;	/* the reason, when excluded itself */
	bool gone;		/* excluded, itself or through an ancestor */
	tg_buf labels;		/* const tg_item * (serving items in scope) */
	tg_buf adds;		/* const tg_xw_row * */
	tg_buf amends;		/* const tg_xw_row * */
	tg_buf numbers;		/* const char *: numbers given to its additions */
	const char *anchor;	/* its entry's, once placed */
} slot;

typedef struct builder {
	tg_regulation *r;
	const tg_tset *t;
	slot *slots;		/* per tset clause */
	size_t *slot_of_item;	/* per baseline item: slot + 1, 0 = none */
	tg_buf entries, chapters, xrefs, exclusions;
	tg_map anchors;
	size_t nadds, namends;
	bool failed;		/* a replacement did not parse */
	tg_diag *diag;
} builder;

static char *
adup(builder *b, const char *s)
{
	return tg_arena_strdup(&b->r->arena, s);
}

static slot *
slot_of(builder *b, const tg_item *it)
{
	if (it == NULL || it->catalog != b->t->catalog)
		return NULL;
	size_t k = b->slot_of_item[it->index];
	return k ? &b->slots[k - 1] : NULL;
}

bool
tg_reg_in_scope(const tg_reg_spec *spec, const tg_item *it)
{
	if (spec->level == TG_REG_LEVEL_ALL || it->level == TG_LEVEL_NONE || it->level == TG_LEVEL_UNKNOWN)
		return true;
	return it->level <= spec->level;
}

char *
tg_reg_label_text(const tg_item *it, bool with_level)
{
	const tg_catalog *c = it->catalog;
	tg_buf b = TG_BUF_INIT;
	tg_buf_printf(&b, "%s %s", c->short_title ? c->short_title : c->title, it->ref);
	if (with_level && it->level == TG_LEVEL_UNKNOWN) {
		tg_buf_puts(&b, " (不明)");
	} else if (with_level && it->ncited_levels > 1) {
		tg_buf_puts(&b, " (");
		for (size_t i = 0; i < it->ncited_levels; i++)
			tg_buf_printf(&b, "%s%s", i ? "/" : "", c->levels[it->cited_levels[i]]);
		tg_buf_putc(&b, ')');
	} else if (with_level && it->level >= 0) {
		tg_buf_printf(&b, " (%s)", c->levels[it->level]);
	}
	return tg_buf_detach(&b);
}

static const char *
label(builder *b, const tg_item *it, bool with_level)
{
	char *s = tg_reg_label_text(it, with_level);
	const char *out = adup(b, s);
	free(s);
	return out;
}

/* ASCII, stable: app5/3.1.1 -> app5-3-1-1; unique within the document. */
static const char *
anchor(builder *b, const char *id, const char *suffix)
{
	tg_buf a = TG_BUF_INIT;
	if (!((id[0] >= 'a' && id[0] <= 'z') || (id[0] >= 'A' && id[0] <= 'Z')))
		tg_buf_puts(&a, "c-");
	for (const char *p = id; *p; p++) {
		char c = *p;
		bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
		if (alnum)
			tg_buf_putc(&a, c);
		else if (a.len > 0 && a.data[a.len - 1] != '-')
			tg_buf_putc(&a, '-');
	}
	while (a.len > 0 && a.data[a.len - 1] == '-')
		tg_buf_truncate(&a, a.len - 1);
	if (suffix != NULL)
		tg_buf_puts(&a, suffix);
	size_t base = a.len;
	for (unsigned n = 2; tg_map_get(&b->anchors, tg_buf_cstr(&a)) != NULL; n++) {
		tg_buf_truncate(&a, base);
		tg_buf_printf(&a, "-%u", n);
	}
	const char *s = adup(b, tg_buf_cstr(&a));
	tg_map_put(&b->anchors, s, (void *)s);
	tg_buf_free(&a);
	return s;
}

static bool
has_tag(const tg_item *it, const char *tag)
{
	for (size_t i = 0; i < it->ntags; i++)
		if (strcmp(it->tags[i], tag) == 0)
			return true;
	return false;
}

/* Untagged items (and items with neither tag) belong to both editions. */
static bool
tag_ok(tg_reg_split split, const tg_item *it)
{
	if (split == TG_REG_SPLIT_NONE)
		return true;
	bool m = has_tag(it, "management"), t = has_tag(it, "technical");
	if (!m && !t)
		return true;
	return split == TG_REG_SPLIT_MANAGEMENT ? m : t;
}

static const char *
edition_name(tg_reg_split split)
{
	return split == TG_REG_SPLIT_MANAGEMENT ? "マネジメント対策編" :
	    split == TG_REG_SPLIT_TECHNICAL ? "技術対策編" : NULL;
}

/* A heading title: the catalog's, without the "（サンプル）" of the IPA
 * samples (the document is the industry's or the company's own). */
static const char *
heading_title(builder *b, const tg_item *it)
{
	static const char sample[] = "（サンプル）";
	if (it->title == NULL)
		return "（表題不明）";
	size_t n = strlen(it->title), m = sizeof sample - 1;
	if (n > m && strcmp(it->title + n - m, sample) == 0)
		return tg_arena_strndup(&b->r->arena, it->title, n - m);
	return it->title;
}

/* A clause as tables name it: its number and title, after the title of
 * its chapter when the chapter has no number (基本方針 1 経営者の責任 is
 * not 1 組織的対策). */
static const char *
clause_name(builder *b, const tg_item *it)
{
	tg_buf n = TG_BUF_INIT;
	const tg_item *ch = it;
	while (ch != NULL && !(slot_of(b, ch) && slot_of(b, ch)->tc->chapter))
		ch = ch->parent;
	if (ch != NULL && ch != it && ch->depth == 0)
		tg_buf_printf(&n, "%s ", heading_title(b, ch));
	if (it->depth > 0)
		tg_buf_printf(&n, "%s ", it->ref);
	tg_buf_puts(&n, it->depth > 0 ? (it->title ? it->title : "不明") : heading_title(b, it));
	const char *s = adup(b, n.data);
	tg_buf_free(&n);
	return s;
}

/* Proposal text as Markdown: 【見出し】 becomes the addition's title. */
static const char *
proposal_md(builder *b, const char *text, const char **title)
{
	static const char open[] = "【", close[] = "】";
	if (title != NULL)
		*title = NULL;
	if (title != NULL && strncmp(text, open, sizeof open - 1) == 0) {
		const char *end = strstr(text, close);
		const char *nl = strchr(text, '\n');
		if (end != NULL && (nl == NULL || end < nl)) {
			*title = tg_arena_strndup(&b->r->arena, text + sizeof open - 1,
			    (size_t)(end - text) - (sizeof open - 1));
			text = end + sizeof close - 1;
			while (*text == ' ' || *text == '\n')
				text++;
		}
	}
	size_t len = strlen(text);
	while (len > 0 && strchr("\n\r \t", text[len - 1]) != NULL)
		len--;
	char *trimmed = tg_xstrndup(text, len);
	tg_buf md = TG_BUF_INIT;
	tg_esc_md_text(&md, trimmed);
	const char *out = adup(b, tg_buf_cstr(&md));
	tg_buf_free(&md);
	free(trimmed);
	return out;
}

static void
push_unique(tg_buf *list, const void *p)
{
	for (size_t i = 0; i < TG_BUF_COUNT(list, const void *); i++)
		if (TG_BUF_AT(list, const void *, i) == p)
			return;
	TG_BUF_PUSH(list, const void *, p);
}

/* ---- the profile ---- */

static void
read_profile(builder *b)
{
	const tg_profile *p = b->r->spec.profile;
	const tg_node *ex = tg_reg_profile_get(p, "exclude"), *rp = tg_reg_profile_get(p, "replace");
	for (size_t i = 0; ex != NULL && ex->kind == TG_NODE_SEQ && i < ex->n; i++) {
		const tg_node *e = ex->items[i];
		const tg_node *c = e->kind == TG_NODE_MAP ? tg_node_get(e, "clause") : NULL;
		const tg_node *reason = c ? tg_node_get(e, "reason") : NULL;
		const tg_item *it = c && c->kind == TG_NODE_SCALAR ?
		    tg_data_ref(b->r->data, c->str, b->t->catalog) : NULL;
		slot *s = slot_of(b, it);
		if (s != NULL)
			s->excluded = reason && reason->kind == TG_NODE_SCALAR ? reason->str : "";
	}
	for (size_t i = 0; rp != NULL && rp->kind == TG_NODE_SEQ && i < rp->n; i++) {
		const tg_node *e = rp->items[i];
		const tg_node *c = e->kind == TG_NODE_MAP ? tg_node_get(e, "clause") : NULL;
		const tg_node *text = c ? tg_node_get(e, "text") : NULL;
		const tg_item *it = c && c->kind == TG_NODE_SCALAR ?
		    tg_data_ref(b->r->data, c->str, b->t->catalog) : NULL;
		slot *s = slot_of(b, it);
		if (s == NULL || text == NULL || text->kind != TG_NODE_SCALAR)
			continue;
		s->replacement = tg_reg_parse_scalar(p->file, text, false, b->diag);
		s->replaced = true;
		b->failed = b->failed || s->replacement == NULL;
	}
}

/* ---- texts ---- */

static int
render_texts(builder *b, const tg_node *ctx)
{
	int rc = TG_EXIT_OK;
	tg_buf out = TG_BUF_INIT;
	for (size_t i = 0; i < b->t->nclauses; i++) {
		slot *s = &b->slots[i];
		if (s->tc->item == NULL)
			continue;
		tg_mus *m = s->replaced ? s->replacement : tg_reg_parse_clause(b->t, s->tc, b->diag);
		s->replacement = NULL;
		if (m == NULL) {
			rc = TG_EXIT_INVALID;
			continue;
		}
		int r = tg_reg_render(m, ctx, &out, b->diag);
		if (r != TG_EXIT_OK && rc == TG_EXIT_OK)
			rc = r;
		s->text = adup(b, tg_buf_cstr(&out));
		tg_mus_free(m);
	}
	tg_buf_free(&out);
	return rc;
}

/* ---- the split and exclusions ---- */

static void
mark_editions(builder *b)
{
	tg_reg_split split = b->r->spec.split;
	/* Clauses follow their chapter in file order and their parents in tree
	 * order: a backward pass carries "has a kept sub-clause" upwards. */
	bool *kept_below = tg_xcalloc(b->t->nclauses + 1, sizeof *kept_below);
	for (size_t i = b->t->nclauses; i-- > 0;) {
		slot *s = &b->slots[i];
		const tg_item *it = s->tc->item;
		if (it == NULL)
			continue;
		s->shows_text = tag_ok(split, it);
		if (s->tc->chapter) {
			bool has_clauses = i + 1 < b->t->nclauses && b->slots[i + 1].tc->file == s->tc->file;
			s->in_edition = kept_below[i] || (!has_clauses && s->shows_text);
		} else {
			s->in_edition = s->shows_text || kept_below[i];
		}
		if (s->in_edition && it->parent != NULL) {
			slot *up = slot_of(b, it->parent);
			if (up != NULL)
				kept_below[up - b->slots] = true;
		}
	}
	free(kept_below);
	for (size_t i = 0; i < b->t->nclauses; i++) {
		slot *s = &b->slots[i];
		for (const tg_item *up = s->tc->item; up != NULL && !s->gone; up = up->parent) {
			slot *u = slot_of(b, up);
			s->gone = u != NULL && u->excluded != NULL;
		}
	}
}

/* ---- industry material ---- */

static const tg_xw_row *
row_of(const tg_industry *ind, const tg_item *it)
{
	for (size_t i = 0; i < ind->ncrosswalks; i++) {
		const tg_crosswalk *c = ind->crosswalks[i];
		const tg_xw_row *r = c ? tg_map_get(&c->row_by_source, it->id) : NULL;
		if (r != NULL)
			return r;
	}
	return NULL;
}

static void
collect_industry(builder *b)
{
	tg_regulation *r = b->r;
	const tg_industry *ind = r->spec.ind;
	const tg_catalog *g = ind->guideline;
	/* Items served, in guideline order. */
	for (size_t i = 0; g != NULL && i < g->nitems; i++) {
		const tg_item *it = g->items[i];
		const tg_xw_row *row = row_of(ind, it);
		if (row == NULL && it->nchildren > 0)
			continue;	/* a group, not a requirement */
		if (!tg_reg_in_scope(&r->spec, it))
			continue;
		r->items_in_scope++;
		bool placed = false;
		for (size_t k = 0; row != NULL && k < row->ntargets; k++) {
			slot *s = slot_of(b, row->targets[k].target);
			if (s != NULL) {
				push_unique(&s->labels, it);
				placed = placed || s->in_edition;
			}
		}
		const tg_proposal *p = row ? row->proposal : NULL;
		slot *ps = p != NULL && p->action != TG_ACTION_NONE ? slot_of(b, p->clause) : NULL;
		if (ps != NULL) {
			if (p->action == TG_ACTION_AMEND)
				push_unique(&ps->labels, it);
			placed = placed || ps->in_edition;
		}
		if (placed)
			r->items_placed++;
	}
	/* Additions and supplements, in crosswalk order. */
	for (size_t i = 0; i < ind->ncrosswalks; i++) {
		const tg_crosswalk *c = ind->crosswalks[i];
		for (size_t k = 0; c != NULL && k < c->nrows; k++) {
			const tg_xw_row *row = &c->rows[k];
			const tg_proposal *p = row->proposal;
			slot *s = p ? slot_of(b, p->clause) : NULL;
			if (s == NULL || row->source == NULL || p->text == NULL ||
			    !tg_reg_in_scope(&r->spec, row->source))
				continue;
			if (p->action == TG_ACTION_ADD)
				TG_BUF_PUSH(&s->adds, const tg_xw_row *, row);
			else if (p->action == TG_ACTION_AMEND)
				TG_BUF_PUSH(&s->amends, const tg_xw_row *, row);
		}
	}
}

/* ---- entries ---- */

static tg_reg_entry *
new_entry(builder *b)
{
	tg_reg_entry e = {0};
	e.chapter = TG_BUF_COUNT(&b->chapters, tg_reg_chapter) - 1;
	TG_BUF_PUSH(&b->entries, tg_reg_entry, e);
	return &TG_BUF_AT(&b->entries, tg_reg_entry, TG_BUF_COUNT(&b->entries, tg_reg_entry) - 1);
}

static void
set_labels(builder *b, tg_reg_entry *e, const tg_buf *items)
{
	if (!b->r->spec.labels)
		return;
	size_t n = TG_BUF_COUNT(items, const tg_item *);
	e->labels = TG_ARENA_ARRAY(&b->r->arena, tg_reg_label, n ? n : 1);
	for (size_t i = 0; i < n; i++) {
		const tg_item *it = TG_BUF_AT(items, const tg_item *, i);
		e->labels[i].item = it;
		e->labels[i].text = label(b, it, true);
	}
	e->nlabels = n;
}

static void
clause_entry(builder *b, slot *s, unsigned depth)
{
	const tg_item *it = s->tc->item;
	tg_reg_entry *e = new_entry(b);
	e->kind = s->tc->chapter ? TG_REG_CHAPTER : TG_REG_CLAUSE;
	e->item = it;
	e->tc = s->tc;
	e->depth = depth;
	e->number = it->depth == 0 ? NULL : it->ref;
	e->title = heading_title(b, it);
	e->anchor = anchor(b, it->id, NULL);
	s->anchor = e->anchor;
	if (!s->shows_text) {
		e->other_edition = edition_name(b->r->spec.split == TG_REG_SPLIT_MANAGEMENT ?
		    TG_REG_SPLIT_TECHNICAL : TG_REG_SPLIT_MANAGEMENT);
		return;
	}
	e->text = s->text;
	e->replaced = s->replaced;
	size_t n = TG_BUF_COUNT(&s->amends, const tg_xw_row *);
	e->supplements = TG_ARENA_ARRAY(&b->r->arena, tg_reg_supplement, n ? n : 1);
	for (size_t i = 0; i < n; i++) {
		const tg_xw_row *row = TG_BUF_AT(&s->amends, const tg_xw_row *, i);
		e->supplements[i].source = row->source;
		e->supplements[i].label = label(b, row->source, false);
		e->supplements[i].text = proposal_md(b, row->proposal->text, NULL);
	}
	e->nsupplements = n;
	b->namends += n;
	set_labels(b, e, &s->labels);
}

/* The `add` proposals of a clause: numbered after its catalog children. */
static void
addition_entries(builder *b, slot *s, unsigned depth)
{
	const tg_item *it = s->tc->item;
	size_t n = TG_BUF_COUNT(&s->adds, const tg_xw_row *);
	for (size_t i = 0; i < n; i++) {
		const tg_xw_row *row = TG_BUF_AT(&s->adds, const tg_xw_row *, i);
		tg_reg_entry *e = new_entry(b);
		e->kind = TG_REG_ADDITION;
		e->item = it;
		e->tc = s->tc;
		e->depth = depth + 1;
		tg_buf num = TG_BUF_INIT;
		if (it->depth > 0)
			tg_buf_printf(&num, "%s.", it->ref);
		tg_buf_printf(&num, "%zu", it->nchildren + i + 1);
		e->number = adup(b, num.data);
		TG_BUF_PUSH(&s->numbers, const char *, e->number);
		tg_buf_clear(&num);
		tg_buf_printf(&num, "-add%zu", i + 1);
		e->anchor = anchor(b, it->id, num.data);
		tg_buf_free(&num);
		const char *title;
		e->text = proposal_md(b, row->proposal->text, &title);
		e->title = title ? title : row->source->title ? row->source->title : "業界追加事項";
		e->source = row->source;
		e->source_label = label(b, row->source, false);
		if (b->r->spec.labels) {
			e->labels = TG_ARENA_NEW(&b->r->arena, tg_reg_label);
			e->labels[0].item = row->source;
			e->labels[0].text = label(b, row->source, true);
			e->nlabels = 1;
		}
		b->nadds++;
	}
}

/* Additions and supplements an exclusion takes with it. */
static size_t
dropped_material(builder *b, size_t from)
{
	size_t n = 0;
	const tg_item *top = b->slots[from].tc->item;
	for (size_t i = from; i < b->t->nclauses; i++) {
		const tg_item *it = b->slots[i].tc->item;
		if (it == NULL)
			continue;
		if (!tg_item_within(it, top))
			break;
		n += TG_BUF_COUNT(&b->slots[i].adds, const tg_xw_row *) +
		    TG_BUF_COUNT(&b->slots[i].amends, const tg_xw_row *);
	}
	return n;
}

static void
note_exclusion(builder *b, size_t i)
{
	slot *s = &b->slots[i];
	if (s->excluded == NULL || !s->in_edition)
		return;
	tg_reg_exclusion x = {s->tc->item, clause_name(b, s->tc->item), s->excluded,
	    dropped_material(b, i)};
	TG_BUF_PUSH(&b->exclusions, tg_reg_exclusion, x);
}

/* Closes the open clauses that `next` does not lie in (all of them when
 * next is NULL): their additions follow their last sub-clause. */
static void
close_open(builder *b, slot **open, size_t *nopen, const tg_item *next, const tg_item *chapter)
{
	while (*nopen > 0 && (next == NULL || !tg_item_within(next, open[*nopen - 1]->tc->item))) {
		slot *o = open[--*nopen];
		if (o->shows_text)
			addition_entries(b, o, o->tc->item->depth - chapter->depth);
	}
}

static void
build_entries(builder *b)
{
	const tg_tset *t = b->t;
	slot **open = tg_xcalloc(t->nclauses + 1, sizeof *open);
	for (size_t fi = 0; fi < t->nfiles; fi++) {
		size_t ci = t->files[fi].chapter;
		slot *ch = &b->slots[ci];
		if (ch->tc->item == NULL || !ch->tc->chapter || ch->tc->file != fi)
			continue;
		note_exclusion(b, ci);
		if (!ch->in_edition || ch->gone)
			continue;
		tg_reg_chapter c = {ch->tc->item, &t->files[fi], TG_BUF_COUNT(&b->entries, tg_reg_entry), 0};
		TG_BUF_PUSH(&b->chapters, tg_reg_chapter, c);
		const tg_item *top = ch->tc->item;
		clause_entry(b, ch, 0);
		size_t nopen = 0;
		open[nopen++] = ch;
		for (size_t i = ci + 1; i < t->nclauses && t->clauses[i].file == fi; i++) {
			slot *s = &b->slots[i];
			if (s->tc->item == NULL || s->tc->chapter)
				continue;
			close_open(b, open, &nopen, s->tc->item, top);
			if (s->gone) {
				note_exclusion(b, i);
				continue;
			}
			if (!s->in_edition)
				continue;
			clause_entry(b, s, s->tc->item->depth - top->depth);
			open[nopen++] = s;
		}
		close_open(b, open, &nopen, NULL, top);
		tg_reg_chapter *last = &TG_BUF_AT(&b->chapters, tg_reg_chapter,
		    TG_BUF_COUNT(&b->chapters, tg_reg_chapter) - 1);
		last->count = TG_BUF_COUNT(&b->entries, tg_reg_entry) - last->first;
	}
	free(open);
}

/* ---- appendices ---- */

static int
by_index(const void *pa, const void *pb)
{
	const tg_item *a = *(const tg_item *const *)pa, *b = *(const tg_item *const *)pb;
	return a->index < b->index ? -1 : a->index > b->index;
}

static void
build_xrefs(builder *b)
{
	for (size_t i = 0; i < b->t->nclauses; i++) {
		slot *s = &b->slots[i];
		if (s->tc->item == NULL || !s->in_edition)
			continue;
		tg_buf items = TG_BUF_INIT;
		for (size_t k = 0; k < TG_BUF_COUNT(&s->labels, const tg_item *); k++)
			push_unique(&items, TG_BUF_AT(&s->labels, const tg_item *, k));
		for (size_t k = 0; k < TG_BUF_COUNT(&s->adds, const tg_xw_row *); k++)
			push_unique(&items, TG_BUF_AT(&s->adds, const tg_xw_row *, k)->source);
		size_t n = TG_BUF_COUNT(&items, const tg_item *);
		if (n == 0) {
			tg_buf_free(&items);
			continue;
		}
		qsort(items.data, n, sizeof(const tg_item *), by_index);
		tg_reg_xref x = {0};
		x.clause = s->tc->item;
		x.name = clause_name(b, s->tc->item);
		x.anchor = s->gone ? NULL : s->anchor;
		x.items = tg_arena_memdup(&b->r->arena, items.data, items.len);
		x.labels = TG_ARENA_ARRAY(&b->r->arena, const char *, n);
		for (size_t k = 0; k < n; k++)
			x.labels[k] = label(b, x.items[k], true);
		x.nitems = n;
		tg_buf t = TG_BUF_INIT;
		if (s->gone) {
			tg_buf_puts(&t, "適用除外");
		} else if (!s->shows_text) {
			tg_buf_printf(&t, "本文は%s", edition_name(b->r->spec.split == TG_REG_SPLIT_MANAGEMENT ?
			    TG_REG_SPLIT_TECHNICAL : TG_REG_SPLIT_MANAGEMENT));
		} else {
			size_t nnum = TG_BUF_COUNT(&s->numbers, const char *);
			for (size_t k = 0; k < nnum; k++)
				tg_buf_printf(&t, "%s%s", k ? "、" : "業界追加 ", TG_BUF_AT(&s->numbers, const char *, k));
			if (TG_BUF_COUNT(&s->amends, const tg_xw_row *) > 0)
				tg_buf_printf(&t, "%s業界補足", t.len ? "、" : "");
			if (t.len == 0)
				tg_buf_puts(&t, "本文で対応");
		}
		x.treatment = adup(b, t.data);
		tg_buf_free(&t);
		TG_BUF_PUSH(&b->xrefs, tg_reg_xref, x);
		tg_buf_free(&items);
	}
}

static int
by_date(const void *pa, const void *pb)
{
	const tg_node *a = *(const tg_node *const *)pa, *b = *(const tg_node *const *)pb;
	const tg_node *da = tg_node_get(a, "date"), *db = tg_node_get(b, "date");
	int c = strcmp(da ? da->str : "", db ? db->str : "");
	/* Same date: the order written (positions are in one file). */
	return c != 0 ? c : a->pos.line < b->pos.line ? -1 : a->pos.line > b->pos.line;
}

static const char *
value_text(const tg_node *ctx, const char *dotted)
{
	const tg_node *n = ctx;
	char *copy = tg_xstrdup(dotted);
	for (char *p = copy, *dot; n != NULL; p = dot + 1) {
		dot = strchr(p, '.');
		if (dot != NULL)
			*dot = '\0';
		n = n->kind == TG_NODE_MAP ? tg_node_get(n, p) : NULL;
		if (dot == NULL)
			break;
	}
	free(copy);
	return n != NULL && n->kind == TG_NODE_SCALAR ? n->str : NULL;
}

static const char *
md(builder *b, const char *s)
{
	tg_buf out = TG_BUF_INIT;
	tg_esc_md_text(&out, s);
	const char *r = adup(b, tg_buf_cstr(&out));
	tg_buf_free(&out);
	return r;
}

/* 2025-04-01 -> 2025年4月1日. */
static const char *
date_text(builder *b, const char *iso)
{
	int y = 0, m = 0, d = 0;
	int n = sscanf(iso, "%4d-%2d-%2d", &y, &m, &d);
	tg_buf out = TG_BUF_INIT;
	if (n >= 1)
		tg_buf_printf(&out, "%d年", y);
	if (n >= 2)
		tg_buf_printf(&out, "%d月", m);
	if (n >= 3)
		tg_buf_printf(&out, "%d日", d);
	const char *r = adup(b, n >= 1 ? out.data : iso);
	tg_buf_free(&out);
	return r;
}

static void
build_revisions(builder *b, const tg_node *ctx)
{
	tg_regulation *r = b->r;
	const tg_node *revs = tg_reg_profile_get(r->spec.profile, "revisions");
	size_t n = revs != NULL && revs->kind == TG_NODE_SEQ ? revs->n : 0;
	if (n == 0) {
		const char *date = value_text(ctx, "revision.date");
		r->revisions = TG_ARENA_NEW(&r->arena, tg_reg_revision);
		r->revisions[0].version = "初版";
		r->revisions[0].date = date ? date : "";
		r->revisions[0].description = "制定";
		r->nrevisions = 1;
		return;
	}
	const tg_node **sorted = tg_xcalloc(n, sizeof *sorted);
	memcpy(sorted, revs->items, n * sizeof *sorted);
	qsort(sorted, n, sizeof *sorted, by_date);
	r->revisions = TG_ARENA_ARRAY(&r->arena, tg_reg_revision, n);
	for (size_t i = 0; i < n; i++) {
		const tg_node *v = tg_node_get(sorted[i], "version");
		const tg_node *date = tg_node_get(sorted[i], "date");
		const tg_node *desc = tg_node_get(sorted[i], "description");
		tg_reg_revision *rv = &r->revisions[i];
		if (v != NULL && v->kind == TG_NODE_SCALAR) {
			rv->version = v->str;
		} else {
			tg_buf t = TG_BUF_INIT;
			tg_buf_printf(&t, "第%zu版", i + 1);
			rv->version = adup(b, t.data);
			tg_buf_free(&t);
		}
		rv->date = date && date->kind == TG_NODE_SCALAR ? date_text(b, date->str) : "";
		rv->description = desc && desc->kind == TG_NODE_SCALAR ? desc->str : "";
	}
	r->nrevisions = n;
	free(sorted);
}

/* 「title」第3.1版 / 「title」2.3版（2025年9月）. */
static void
cite(builder *b, tg_buf *out, const tg_catalog *c, bool ordinal)
{
	/* A title quoting itself (日建連「…」) names its publisher already. */
	bool quoted = strstr(c->title, "「") != NULL;
	if (c->publisher != NULL && !quoted)
		tg_buf_puts(out, c->publisher);
	tg_buf_printf(out, "%s%s%s", quoted ? "" : "「", c->title, quoted ? "" : "」");
	bool year_version = c->version != NULL && c->date != NULL && strlen(c->version) == 4 &&
	    strncmp(c->version, c->date, 4) == 0;
	if (c->version != NULL && !year_version)
		tg_buf_printf(out, "%s%s版", ordinal ? "第" : "", c->version);
	if (c->date != NULL && !ordinal)
		tg_buf_printf(out, "%s%s%s", year_version ? "" : "（", date_text(b, c->date),
		    year_version ? "版" : "）");
}

static void
about(builder *b, const tg_node *ctx)
{
	tg_regulation *r = b->r;
	const tg_industry *ind = r->spec.ind;
	tg_buf list = TG_BUF_INIT, p = TG_BUF_INIT;
	/* What it is based on: the template roots (付録2, 付録5). */
	tg_buf_puts(&p, "本規程は、");
	cite(b, &p, r->tset->catalog, true);
	tg_buf_puts(&p, "の");
	const tg_item *prev = NULL;
	for (size_t i = 0; i < r->nchapters; i++) {
		const tg_item *root = r->chapters[i].item;
		while (root->parent != NULL)
			root = root->parent;
		if (root == prev)
			continue;
		tg_buf_printf(&p, "%s%s「%s」", prev ? "及び" : "", root->ref, root->title ? root->title : "");
		prev = root;
	}
	tg_buf_puts(&p, "を基に、");
	if (ind->guideline != NULL) {
		cite(b, &p, ind->guideline, false);
		tg_buf_puts(&p, "との突合の結果を反映した、");
	}
	tg_buf_printf(&p, "%s向けの情報セキュリティ関連規程である。", ind->title ? ind->title : ind->id);
	if (r->spec.profile != NULL) {
		const char *company = value_text(ctx, "company.name");
		if (company != NULL)
			tg_buf_printf(&p, "%sの事業に合わせて調整している。", company);
	}
	TG_BUF_PUSH(&list, const char *, md(b, p.data));
	tg_buf_clear(&p);
	tg_buf_printf(&p, "業界ガイドラインにのみ記載のある事項は、関係する条項の後に「（業界追加）」と記した"
	    "条項として加え（%zu件）、既存の条項を補う事項は「（業界補足）」として条項の本文の後に記した（%zu件）。"
	    "いずれも業界ガイドラインの項目番号を付している。", b->nadds, b->namends);
	TG_BUF_PUSH(&list, const char *, md(b, p.data));
	if (r->level_text != NULL) {
		tg_buf_clear(&p);
		tg_buf_printf(&p, "対象レベル：%s", r->level_text);
		TG_BUF_PUSH(&list, const char *, md(b, p.data));
	}
	if (r->edition != NULL) {
		tg_buf_clear(&p);
		bool mgmt = r->spec.split == TG_REG_SPLIT_MANAGEMENT;
		tg_buf_printf(&p, "本書は%sである。基にしたサンプルの条項のうち、%sに関する条項をまとめた。%sに関する条項の"
		    "本文は%sに収め、本書では見出しだけを示す。分類のない条項は両方の編に収める。",
		    r->edition, mgmt ? "組織、人、ルール、委託及び事故対応の体制" : "機器、ネットワーク、"
		    "アクセス制御の設定及びバックアップ", mgmt ? "技術的な設定" : "組織・人・ルール",
		    edition_name(mgmt ? TG_REG_SPLIT_TECHNICAL : TG_REG_SPLIT_MANAGEMENT));
		TG_BUF_PUSH(&list, const char *, md(b, p.data));
	}
	if (r->spec.labels) {
		TG_BUF_PUSH(&list, const char *, md(b, "各条項の後の〔　〕内は、その条項が対応する業界ガイドライン"
		    "の項目（番号とレベル）である。"));
	}
	TG_BUF_PUSH(&list, const char *, md(b, "条項の番号は基にしたサンプルの番号をそのまま用いる。"
	    "適用除外とした条項の番号は欠番とし、その理由を付録「適用除外一覧」に示す。"));
	r->nabout = TG_BUF_COUNT(&list, const char *);
	r->about = tg_arena_memdup(&r->arena, list.data, list.len);
	tg_buf_free(&list);
	tg_buf_free(&p);
}

static void
titles(builder *b, const tg_node *ctx)
{
	tg_regulation *r = b->r;
	const tg_industry *ind = r->spec.ind;
	const tg_catalog *g = ind->guideline;
	r->edition = edition_name(r->spec.split);
	tg_buf t = TG_BUF_INIT;
	const tg_node *title = tg_reg_profile_get(r->spec.profile, "title");
	const char *company = value_text(ctx, "company.name");
	if (title != NULL && title->kind == TG_NODE_SCALAR && !tg_node_is_null(title))
		tg_buf_puts(&t, title->str);
	else if (r->spec.profile != NULL && company != NULL)
		tg_buf_printf(&t, "%s 情報セキュリティ関連規程", company);
	else
		tg_buf_printf(&t, "業界向け情報セキュリティサンプル規程（%s）", ind->title ? ind->title : ind->id);
	if (r->edition != NULL)
		tg_buf_printf(&t, "　%s", r->edition);
	r->title = adup(b, t.data);
	tg_buf_clear(&t);
	if (g != NULL && g->nlevels > 0) {
		if (r->spec.level == TG_REG_LEVEL_ALL)
			tg_buf_puts(&t, "全レベル（業界ガイドラインの全ての項目を対象とする。）");
		else
			tg_buf_printf(&t, "%s（%sまでに求められる項目を累積して対象とする。レベルが不明の項目は"
			    "除外せずに対象とし、「不明」と表示する。基にしたサンプルの条項はレベルによらず"
			    "全て収める。）", g->levels[r->spec.level], g->levels[r->spec.level]);
		r->level_text = adup(b, t.data);
	}
	tg_buf_free(&t);
}

tg_regulation *
tg_reg_build(const tg_data *d, const tg_reg_spec *spec, tg_diag *diag)
{
	const tg_tset *t = tg_reg_tset_for(d, spec->ind->baseline);
	if (t == NULL) {
		tg_diag_error(diag, tg_pos_at(NULL, 0, 0), "industry '%s' has no regulation templates "
		    "(no parameter registry for its baseline)", spec->ind->id);
		return NULL;
	}
	tg_regulation *r = tg_xcalloc(1, sizeof *r);
	tg_arena_init(&r->arena);
	r->data = d;
	r->spec = *spec;
	r->tset = t;
	builder b = {0};
	b.r = r;
	b.t = t;
	b.diag = diag;
	tg_map_init(&b.anchors);
	b.slots = tg_xcalloc(t->nclauses + 1, sizeof *b.slots);
	b.slot_of_item = tg_xcalloc(t->catalog->nitems + 1, sizeof *b.slot_of_item);
	for (size_t i = 0; i < t->nclauses; i++) {
		b.slots[i].tc = &t->clauses[i];
		if (t->clauses[i].item != NULL)
			b.slot_of_item[t->clauses[i].item->index] = i + 1;
	}
	tg_node *ctx = tg_reg_context(&r->arena, t->params, spec->ind, spec->profile);
	read_profile(&b);
	int rc = render_texts(&b, ctx);
	if (b.failed)
		rc = TG_EXIT_INVALID;
	mark_editions(&b);
	collect_industry(&b);
	titles(&b, ctx);
	build_entries(&b);
	r->nentries = TG_BUF_COUNT(&b.entries, tg_reg_entry);
	r->entries = tg_arena_memdup(&r->arena, b.entries.data, b.entries.len);
	r->nchapters = TG_BUF_COUNT(&b.chapters, tg_reg_chapter);
	r->chapters = tg_arena_memdup(&r->arena, b.chapters.data, b.chapters.len);
	build_xrefs(&b);
	r->nxrefs = TG_BUF_COUNT(&b.xrefs, tg_reg_xref);
	r->xrefs = tg_arena_memdup(&r->arena, b.xrefs.data, b.xrefs.len);
	r->nexclusions = TG_BUF_COUNT(&b.exclusions, tg_reg_exclusion);
	r->exclusions = tg_arena_memdup(&r->arena, b.exclusions.data, b.exclusions.len);
	build_revisions(&b, ctx);
	about(&b, ctx);
	for (size_t i = 0; i < t->nclauses; i++) {
		tg_buf_free(&b.slots[i].labels);
		tg_buf_free(&b.slots[i].adds);
		tg_buf_free(&b.slots[i].amends);
		tg_buf_free(&b.slots[i].numbers);
	}
	free(b.slots);
	free(b.slot_of_item);
	tg_buf_free(&b.entries);
	tg_buf_free(&b.chapters);
	tg_buf_free(&b.xrefs);
	tg_buf_free(&b.exclusions);
	tg_map_free(&b.anchors);
	if (rc != TG_EXIT_OK) {
		tg_reg_free(r);
		return NULL;
	}
	return r;
}

void
tg_reg_free(tg_regulation *r)
{
	if (r == NULL)
		return;
	tg_arena_free(&r->arena);
	free(r);
}
