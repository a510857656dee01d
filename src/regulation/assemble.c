/* Assembling the regulation: chapters in template order, clauses with
 * headings from the catalog and text from the templates (or the profile's
 * replacements), industry additions and supplements from the proposals,
 * labels of the industry items served, exclusions, the split into
 * editions; the appendices are built by appendices.c.  Rules:
 * docs/regulation.md. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "../render/escape.h"
#include "../render/provenance.h"

char *
tg_reg_asm_adup(builder *b, const char *s)
{
	return tg_arena_strdup(&b->r->arena, s);
}

slot *
tg_reg_asm_slot(builder *b, const tg_item *it)
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
	tg_buf_printf(&b, "%s %s%s", c->short_title ? c->short_title : c->title, it->ref,
	    tg_origin_text_of(tg_item_origin(it))->mark);
	if (with_level && it->level == TG_LEVEL_UNKNOWN) {
		tg_buf_puts(&b, "（不明）");
	} else if (with_level && it->ncited_levels > 1) {
		tg_buf_puts(&b, "（");
		for (size_t i = 0; i < it->ncited_levels; i++)
			tg_buf_printf(&b, "%s%s", i ? "/" : "", c->levels[it->cited_levels[i]]);
		tg_buf_puts(&b, "）");
	} else if (with_level && it->level >= 0) {
		tg_buf_printf(&b, "（%s）", c->levels[it->level]);
	}
	return tg_buf_detach(&b);
}

const char *
tg_reg_asm_label(builder *b, const tg_item *it, bool with_level)
{
	char *s = tg_reg_label_text(it, with_level);
	const char *out = tg_reg_asm_adup(b, s);
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
	const char *s = tg_reg_asm_adup(b, tg_buf_cstr(&a));
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

const char *
tg_reg_asm_edition_name(tg_reg_split split)
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
const char *
tg_reg_asm_clause_name(builder *b, const tg_item *it)
{
	tg_buf n = TG_BUF_INIT;
	const tg_item *ch = it;
	while (ch != NULL && !(tg_reg_asm_slot(b, ch) && tg_reg_asm_slot(b, ch)->tc->chapter))
		ch = ch->parent;
	if (ch != NULL && ch != it && ch->depth == 0)
		tg_buf_printf(&n, "%s ", heading_title(b, ch));
	if (it->depth > 0)
		tg_buf_printf(&n, "%s ", it->ref);
	tg_buf_puts(&n, it->depth > 0 ? (it->title ? it->title : "不明") : heading_title(b, it));
	const char *s = tg_reg_asm_adup(b, n.data);
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
	const char *out = tg_reg_asm_adup(b, tg_buf_cstr(&md));
	tg_buf_free(&md);
	free(trimmed);
	return out;
}

/* A replaced addition's text (Markdown already): a leading 【見出し】 is
 * its title. */
static const char *
split_title(builder *b, const char *md, const char **title)
{
	static const char open[] = "【", close[] = "】";
	*title = NULL;
	if (strncmp(md, open, sizeof open - 1) != 0)
		return md;
	const char *end = strstr(md, close), *nl = strchr(md, '\n');
	if (end == NULL || (nl != NULL && end > nl))
		return md;
	*title = tg_arena_strndup(&b->r->arena, md + sizeof open - 1, (size_t)(end - md) - (sizeof open - 1));
	md = end + sizeof close - 1;
	while (*md == ' ' || *md == '\n')
		md++;
	return md;
}

void
tg_reg_asm_push_unique(tg_buf *list, const void *p)
{
	for (size_t i = 0; i < TG_BUF_COUNT(list, const void *); i++)
		if (TG_BUF_AT(list, const void *, i) == p)
			return;
	TG_BUF_PUSH(list, const void *, p);
}

/* ---- the profile ---- */

const item_edit *
tg_reg_asm_item_edit(const builder *b, const tg_item *source)
{
	for (size_t i = 0; source != NULL && i < TG_BUF_COUNT(&b->item_edits, item_edit); i++)
		if (TG_BUF_AT(&b->item_edits, item_edit, i).source == source)
			return &TG_BUF_AT(&b->item_edits, item_edit, i);
	return NULL;
}

/* The guideline item an `item:` entry names, when it has an addition or a
 * supplement. */
static const tg_item *
entry_item(builder *b, const tg_node *e)
{
	const tg_node *n = e->kind == TG_NODE_MAP ? tg_node_get(e, "item") : NULL;
	const tg_catalog *g = b->r->spec.ind->guideline;
	const tg_item *it = n && n->kind == TG_NODE_SCALAR && g ? tg_catalog_item(g, n->str) : NULL;
	return it != NULL && tg_reg_proposal_row(b->r->spec.ind, it) != NULL ? it : NULL;
}

static void
read_profile(builder *b)
{
	const tg_profile *p = b->r->spec.profile;
	const tg_node *ex = b->keep_excluded ? NULL : tg_reg_profile_get(p, "exclude");
	const tg_node *rp = tg_reg_profile_get(p, "replace");
	for (size_t i = 0; ex != NULL && ex->kind == TG_NODE_SEQ && i < ex->n; i++) {
		const tg_item *src = entry_item(b, ex->items[i]);
		if (src != NULL && tg_reg_asm_item_edit(b, src) == NULL) {
			const tg_node *reason = tg_node_get(ex->items[i], "reason");
			item_edit ed = {src, reason && reason->kind == TG_NODE_SCALAR ? reason->str : "", NULL,
			    NULL};
			TG_BUF_PUSH(&b->item_edits, item_edit, ed);
		}
	}
	for (size_t i = 0; rp != NULL && rp->kind == TG_NODE_SEQ && i < rp->n; i++) {
		const tg_item *src = entry_item(b, rp->items[i]);
		const tg_node *text = src ? tg_node_get(rp->items[i], "text") : NULL;
		if (src == NULL || tg_reg_asm_item_edit(b, src) != NULL || text == NULL ||
		    text->kind != TG_NODE_SCALAR)
			continue;
		item_edit ed = {src, NULL, tg_reg_parse_scalar(p->file, text, false, b->diag), NULL};
		b->failed = b->failed || ed.replacement == NULL;
		TG_BUF_PUSH(&b->item_edits, item_edit, ed);
	}
	for (size_t i = 0; ex != NULL && ex->kind == TG_NODE_SEQ && i < ex->n; i++) {
		const tg_node *e = ex->items[i];
		const tg_node *c = e->kind == TG_NODE_MAP ? tg_node_get(e, "clause") : NULL;
		const tg_node *reason = c ? tg_node_get(e, "reason") : NULL;
		const tg_item *it = c && c->kind == TG_NODE_SCALAR ?
		    tg_data_ref(b->r->data, c->str, b->t->catalog) : NULL;
		slot *s = tg_reg_asm_slot(b, it);
		if (s != NULL) {
			s->excluded = reason && reason->kind == TG_NODE_SCALAR ? reason->str : "";
			s->excluded_pos = c->pos;
		}
	}
	for (size_t i = 0; rp != NULL && rp->kind == TG_NODE_SEQ && i < rp->n; i++) {
		const tg_node *e = rp->items[i];
		const tg_node *c = e->kind == TG_NODE_MAP ? tg_node_get(e, "clause") : NULL;
		const tg_node *text = c ? tg_node_get(e, "text") : NULL;
		const tg_item *it = c && c->kind == TG_NODE_SCALAR ?
		    tg_data_ref(b->r->data, c->str, b->t->catalog) : NULL;
		slot *s = tg_reg_asm_slot(b, it);
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
		/* A batch parses each clause once (spec.parsed) for all its
		 * regulations; otherwise it is parsed here. */
		const tg_reg_parsed *parsed = b->r->spec.parsed;
		tg_mus *own = s->replaced ? s->replacement :
		    parsed ? NULL : tg_reg_parse_clause(b->t, s->tc, b->diag);
		const tg_mus *m = s->replaced || !parsed ? own : tg_reg_parsed_clause(parsed, b->t, i);
		s->replacement = NULL;
		if (m == NULL) {
			rc = TG_EXIT_INVALID;
			continue;
		}
		int r = tg_reg_render(m, ctx, &out, b->diag);
		if (r != TG_EXIT_OK && rc == TG_EXIT_OK)
			rc = r;
		s->text = tg_reg_asm_adup(b, tg_buf_cstr(&out));
		tg_mus_free(own);
	}
	for (size_t i = 0; i < TG_BUF_COUNT(&b->item_edits, item_edit); i++) {
		item_edit *ed = &TG_BUF_AT(&b->item_edits, item_edit, i);
		if (ed->replacement == NULL)
			continue;
		int r = tg_reg_render(ed->replacement, ctx, &out, b->diag);
		if (r != TG_EXIT_OK && rc == TG_EXIT_OK)
			rc = r;
		ed->text = tg_reg_asm_adup(b, tg_buf_cstr(&out));
		tg_mus_free(ed->replacement);
		ed->replacement = NULL;
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
			slot *up = tg_reg_asm_slot(b, it->parent);
			if (up != NULL)
				kept_below[up - b->slots] = true;
		}
	}
	free(kept_below);
	for (size_t i = 0; i < b->t->nclauses; i++) {
		slot *s = &b->slots[i];
		for (const tg_item *up = s->tc->item; up != NULL && !s->gone; up = up->parent) {
			slot *u = tg_reg_asm_slot(b, up);
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
place(slot *s, tg_action action, piece p)
{
	if (action == TG_ACTION_ADD)
		TG_BUF_PUSH(&s->adds, piece, p);
	else if (action == TG_ACTION_AMEND)
		TG_BUF_PUSH(&s->amends, piece, p);
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
			slot *s = tg_reg_asm_slot(b, row->targets[k].target);
			if (s != NULL) {
				tg_reg_asm_push_unique(&s->labels, it);
				placed = placed || s->in_edition;
			}
		}
		const tg_proposal *p = row ? row->proposal : NULL;
		slot *ps = p != NULL && p->action != TG_ACTION_NONE ? tg_reg_asm_slot(b, p->clause) : NULL;
		const item_edit *ed = ps != NULL ? tg_reg_asm_item_edit(b, it) : NULL;
		if (ps != NULL && (ed == NULL || ed->reason == NULL)) {
			if (p->action == TG_ACTION_AMEND)
				tg_reg_asm_push_unique(&ps->labels, it);
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
			slot *s = p ? tg_reg_asm_slot(b, p->clause) : NULL;
			if (s == NULL || row->source == NULL || p->text == NULL ||
			    !tg_reg_in_scope(&r->spec, row->source))
				continue;
			place(s, p->action, (piece){row->source, NULL, p->text});
		}
	}
	/* The industry's own, in file order (no levels: always in scope). */
	for (size_t i = 0; i < ind->nadditions; i++) {
		const tg_addition *a = &ind->additions[i];
		slot *s = tg_reg_asm_slot(b, a->clause);
		if (s != NULL && a->text != NULL)
			place(s, a->action, (piece){NULL, a, a->text});
	}
}

/* ---- entries ---- */

const char *
tg_reg_industry_label(const tg_industry *ind)
{
	return ind->short_title ? ind->short_title : ind->title ? ind->title : ind->id;
}

/* 自工会 No.68 for a proposal, the industry's short title for its own. */
static const char *
piece_label(builder *b, const piece *p)
{
	if (p->source != NULL)
		return tg_reg_asm_label(b, p->source, false);
	return tg_reg_industry_label(b->r->spec.ind);
}

static tg_reg_entry *
new_entry(builder *b)
{
	tg_reg_entry e = {0};
	e.chapter = TG_BUF_COUNT(&b->chapters, tg_reg_chapter) - 1;
	TG_BUF_PUSH(&b->entries, tg_reg_entry, e);
	return &TG_BUF_AT(&b->entries, tg_reg_entry, TG_BUF_COUNT(&b->entries, tg_reg_entry) - 1);
}

/* Notes that a chapter (and the document) shows an item's provenance mark. */
static void
note_mark(builder *b, size_t chapter, const tg_item *it)
{
	tg_origin o = it != NULL ? tg_item_origin(it) : TG_ORIGIN_FACT;
	if (!tg_origin_marked(o))
		return;
	b->r->marks |= 1u << o;
	TG_BUF_AT(&b->chapters, tg_reg_chapter, chapter).marks |= 1u << o;
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
		e->labels[i].text = tg_reg_asm_label(b, it, true);
		note_mark(b, e->chapter, it);
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
		e->other_edition = tg_reg_asm_edition_name(b->r->spec.split == TG_REG_SPLIT_MANAGEMENT ?
		    TG_REG_SPLIT_TECHNICAL : TG_REG_SPLIT_MANAGEMENT);
		return;
	}
	e->text = s->text;
	e->replaced = s->replaced;
	size_t n = TG_BUF_COUNT(&s->amends, piece), kept = 0;
	e->supplements = TG_ARENA_ARRAY(&b->r->arena, tg_reg_supplement, n ? n : 1);
	for (size_t i = 0; i < n; i++) {
		const piece *p = &TG_BUF_AT(&s->amends, piece, i);
		const item_edit *ed = tg_reg_asm_item_edit(b, p->source);
		if (ed != NULL && ed->reason != NULL) {
			tg_buf name = TG_BUF_INIT;
			tg_buf_printf(&name, "%s への%s（%s）", tg_reg_asm_clause_name(b, it), "業界補足",
			    piece_label(b, p));
			tg_reg_exclusion x = {it, tg_reg_asm_adup(b, name.data), ed->reason, 0};
			TG_BUF_PUSH(&b->exclusions, tg_reg_exclusion, x);
			tg_buf_free(&name);
			continue;
		}
		tg_reg_supplement *sp = &e->supplements[kept++];
		sp->source = p->source;
		sp->addition = p->addition;
		sp->label = piece_label(b, p);
		note_mark(b, e->chapter, p->source);
		sp->text = ed != NULL ? ed->text : proposal_md(b, p->text, NULL);
	}
	e->nsupplements = kept;
	b->namends += kept;
	set_labels(b, e, &s->labels);
}

/* The `add` proposals of a clause: numbered after its catalog children. */
static void
addition_entries(builder *b, slot *s, unsigned depth)
{
	const tg_item *it = s->tc->item;
	size_t n = TG_BUF_COUNT(&s->adds, piece);
	for (size_t i = 0; i < n; i++) {
		const piece *p = &TG_BUF_AT(&s->adds, piece, i);
		const item_edit *ed = tg_reg_asm_item_edit(b, p->source);
		bool replaced = ed != NULL && ed->reason == NULL;
		/* Numbers follow the industry's list: one the company drops leaves
		 * a gap, as an excluded clause does. */
		tg_buf num = TG_BUF_INIT;
		if (it->depth > 0)
			tg_buf_printf(&num, "%s.", it->ref);
		tg_buf_printf(&num, "%zu", it->nchildren + i + 1);
		const char *number = tg_reg_asm_adup(b, num.data);
		const char *title = NULL;
		const char *text = replaced ? split_title(b, ed->text, &title) :
		    proposal_md(b, p->text, p->addition ? NULL : &title);
		if (title == NULL && replaced && p->addition == NULL)
			proposal_md(b, p->text, &title);	/* the industry's title stays */
		if (p->addition != NULL)
			title = p->addition->title;
		if (title == NULL)
			title = p->source && p->source->title ? p->source->title : "業界追加事項";
		if (ed != NULL && ed->reason != NULL) {
			tg_buf_clear(&num);
			tg_buf_printf(&num, "%s %s（%s：%s）", number, title, "業界追加", piece_label(b, p));
			tg_reg_exclusion x = {it, tg_reg_asm_adup(b, num.data), ed->reason, 0};
			TG_BUF_PUSH(&b->exclusions, tg_reg_exclusion, x);
			tg_buf_free(&num);
			continue;
		}
		tg_reg_entry *e = new_entry(b);
		e->kind = TG_REG_ADDITION;
		e->item = it;
		e->tc = s->tc;
		e->depth = depth + 1;
		e->number = number;
		e->replaced = replaced;
		TG_BUF_PUSH(&s->numbers, const char *, e->number);
		tg_buf_clear(&num);
		tg_buf_printf(&num, "-add%zu", i + 1);
		e->anchor = anchor(b, it->id, num.data);
		tg_buf_free(&num);
		e->text = text;
		e->title = title;
		e->source = p->source;
		e->addition = p->addition;
		e->source_label = piece_label(b, p);
		note_mark(b, e->chapter, p->source);
		if (b->r->spec.labels && p->source != NULL) {
			e->labels = TG_ARENA_NEW(&b->r->arena, tg_reg_label);
			e->labels[0].item = p->source;
			e->labels[0].text = tg_reg_asm_label(b, p->source, true);
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
		n += TG_BUF_COUNT(&b->slots[i].adds, piece) + TG_BUF_COUNT(&b->slots[i].amends, piece);
	}
	return n;
}

static void
note_exclusion(builder *b, size_t i)
{
	slot *s = &b->slots[i];
	if (s->excluded == NULL || !s->in_edition)
		return;
	tg_reg_exclusion x = {s->tc->item, tg_reg_asm_clause_name(b, s->tc->item), s->excluded,
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
		tg_reg_chapter c = {ch->tc->item, &t->files[fi], TG_BUF_COUNT(&b->entries, tg_reg_entry), 0, 0};
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

static tg_regulation *
build(const tg_data *d, const tg_reg_spec *spec, bool keep_excluded, tg_diag *diag)
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
	b.keep_excluded = keep_excluded;
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
	tg_reg_asm_titles(&b, ctx);
	build_entries(&b);
	tg_reg_asm_warn_excluded_refs(&b);
	r->nentries = TG_BUF_COUNT(&b.entries, tg_reg_entry);
	r->entries = tg_arena_memdup(&r->arena, b.entries.data, b.entries.len);
	r->nchapters = TG_BUF_COUNT(&b.chapters, tg_reg_chapter);
	r->chapters = tg_arena_memdup(&r->arena, b.chapters.data, b.chapters.len);
	tg_reg_asm_build_xrefs(&b);
	r->nxrefs = TG_BUF_COUNT(&b.xrefs, tg_reg_xref);
	r->xrefs = tg_arena_memdup(&r->arena, b.xrefs.data, b.xrefs.len);
	r->nexclusions = TG_BUF_COUNT(&b.exclusions, tg_reg_exclusion);
	r->exclusions = tg_arena_memdup(&r->arena, b.exclusions.data, b.exclusions.len);
	tg_reg_asm_build_terms(&b);
	tg_reg_asm_build_revisions(&b, ctx);
	tg_reg_asm_about(&b, ctx);
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
	for (size_t i = 0; i < TG_BUF_COUNT(&b.item_edits, item_edit); i++)
		tg_mus_free(TG_BUF_AT(&b.item_edits, item_edit, i).replacement);
	tg_buf_free(&b.item_edits);
	tg_map_free(&b.anchors);
	if (rc != TG_EXIT_OK) {
		tg_reg_free(r);
		return NULL;
	}
	return r;
}

tg_regulation *
tg_reg_build(const tg_data *d, const tg_reg_spec *spec, tg_diag *diag)
{
	return build(d, spec, false, diag);
}

tg_regulation *
tg_reg_build_all_clauses(const tg_data *d, const tg_reg_spec *spec, tg_diag *diag)
{
	return build(d, spec, true, diag);
}

void
tg_reg_free(tg_regulation *r)
{
	if (r == NULL)
		return;
	tg_arena_free(&r->arena);
	free(r);
}
