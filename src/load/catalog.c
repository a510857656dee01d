/* kind: catalog — a guideline as a tree of items. */
#include <stdlib.h>
#include <string.h>

#include "schema.h"
#include "../util/text.h"

static const char *const catalog_keys[] = {"kind", "id", "title", "short_title",
    "publisher", "version", "date", "levels", "provenance", "meta", "description",
    "items", NULL};
static const char *const item_keys[] = {"id", "ref", "official_ref", "title", "text", "level",
    "tags", "parent", "provenance", "flag", "links", "note", "items", NULL};

typedef struct catalog_load {
	tg_load *l;
	tg_catalog *cat;
	tg_buf items;		/* tg_item *, file order */
} catalog_load;

static int
parse_level_name(catalog_load *cl, const tg_node *n)
{
	tg_load *l = cl->l;
	const char *s = tg_schema_scalar(l, n, "level");
	if (s == NULL)
		return TG_LEVEL_NONE;
	if (tg_node_is_word(n, "unknown"))
		return TG_LEVEL_UNKNOWN;
	int i = tg_catalog_level(cl->cat, s);
	if (i >= 0)
		return i;
	if (cl->cat->nlevels == 0) {
		tg_diag_error(l->diag, n->pos,
		    "unknown level '%s': catalog '%s' defines no levels (add them to 'levels')",
		    s, cl->cat->id ? cl->cat->id : "?");
		return TG_LEVEL_NONE;
	}
	const char *near = tg_text_suggest(s, cl->cat->levels, cl->cat->nlevels);
	tg_buf list = TG_BUF_INIT;
	for (size_t k = 0; k < cl->cat->nlevels; k++)
		tg_buf_printf(&list, "%s%s", k ? ", " : "", cl->cat->levels[k]);
	if (near != NULL)
		tg_diag_error(l->diag, n->pos, "unknown level '%s' (did you mean '%s'? levels: %s, unknown)",
		    s, near, list.data);
	else
		tg_diag_error(l->diag, n->pos, "unknown level '%s' (levels: %s, unknown)", s, list.data);
	tg_buf_free(&list);
	return TG_LEVEL_NONE;
}

static void
parse_level(catalog_load *cl, tg_item *it, const tg_node *n)
{
	tg_load *l = cl->l;
	if (n->kind != TG_NODE_SEQ) {
		it->level = parse_level_name(cl, n);
		return;
	}
	if (n->n < 2) {
		tg_diag_error(l->diag, n->pos,
		    "a list of levels records disagreeing sources and needs at least two levels");
		return;
	}
	it->cited_levels = TG_ARENA_ARRAY(&l->data->arena, int, n->n);
	it->level = TG_LEVEL_NONE;
	for (size_t i = 0; i < n->n; i++) {
		int v = parse_level_name(cl, n->items[i]);
		if (v == TG_LEVEL_UNKNOWN) {
			tg_diag_error(l->diag, n->items[i]->pos,
			    "'unknown' cannot be one of several cited levels");
			continue;
		}
		if (v < 0)
			continue;
		for (size_t k = 0; k < it->ncited_levels; k++)
			if (it->cited_levels[k] == v)
				tg_diag_error(l->diag, n->items[i]->pos, "level '%s' is listed twice",
				    n->items[i]->str);
		it->cited_levels[it->ncited_levels++] = v;
		if (it->level < 0 || v < it->level)
			it->level = v;
	}
	if (it->ncited_levels > 1 && it->flag == NULL) {
		/* The flag is what makes the disagreement visible. */
		tg_diag_error(l->diag, n->pos,
		    "item '%s' lists several levels: add a 'flag' explaining the disagreement",
		    it->id ? it->id : "?");
	}
}

static void load_items(catalog_load *cl, const tg_node *list, tg_item *parent);

static void
load_item(catalog_load *cl, const tg_node *n, tg_item *parent)
{
	tg_load *l = cl->l;
	tg_arena *a = &l->data->arena;
	if (!tg_schema_map(l, n, "item", item_keys))
		return;
	tg_item *it = TG_ARENA_NEW(a, tg_item);
	it->catalog = cl->cat;
	it->pos = n->pos;
	it->parent = parent;
	it->level = TG_LEVEL_NONE;
	it->prov = cl->cat->prov;

	const tg_node *id = tg_node_get(n, "id");
	if (id == NULL) {
		if (!tg_schema_misspelt(n, "id"))
			tg_diag_error(l->diag, n->pos, "item has no 'id'");
	} else if (tg_schema_scalar(l, id, "item id") != NULL && tg_schema_item_id(l, id, "item id"))
		it->id = id->str;

	it->ref = tg_schema_str(l, n, "ref", "item", false);
	it->official_ref = tg_schema_str(l, n, "official_ref", "item", false);
	const tg_node *title = tg_node_get(n, "title");
	if (title == NULL) {
		if (!tg_schema_misspelt(n, "title"))
			tg_diag_error(l->diag, n->pos, "item '%s' has no 'title' (write 'title: unknown' if it is not known)",
			    it->id ? it->id : "?");
	} else if (tg_schema_scalar(l, title, "item title") != NULL && !tg_node_is_word(title, "unknown"))
		it->title = title->str;
	it->text = tg_schema_str(l, n, "text", "item", false);
	it->flag = tg_schema_str(l, n, "flag", "item", false);
	it->note = tg_schema_str(l, n, "note", "item", false);
	const tg_node *level = tg_node_get(n, "level");
	if (level != NULL)
		parse_level(cl, it, level);
	it->tags = tg_schema_strlist(l, n, "tags", "item", &it->ntags, NULL);
	it->links = tg_schema_strlist(l, n, "links", "item", &it->nlinks, &it->link_pos);
	if (it->nlinks > 0)
		it->link_items = TG_ARENA_ARRAY(a, tg_item *, it->nlinks);
	const tg_node *prov = tg_node_get(n, "provenance");
	if (prov != NULL && !tg_schema_provenance(l, prov, &it->prov))
		it->prov.kind = TG_PROV_AUTHORED;	/* reported; keep it out of later checks */
	const tg_node *pid = tg_node_get(n, "parent");
	if (pid != NULL) {
		if (parent != NULL)
			tg_diag_error(l->diag, pid->pos,
			    "item '%s' is nested under '%s' and also names a 'parent'",
			    it->id ? it->id : "?", parent->id ? parent->id : "?");
		else if (tg_schema_scalar(l, pid, "parent") != NULL) {
			it->parent_id = pid->str;
			it->parent_pos = pid->pos;
		}
	}
	if (it->ref == NULL)
		it->ref = it->id;

	if (it->id != NULL) {
		tg_item *first = tg_map_put(&cl->cat->by_id, it->id, it);
		if (first != NULL) {
			tg_diag_error(l->diag, id->pos, "duplicate item id '%s' (first defined at line %u)",
			    it->id, first->pos.line);
			it->id = NULL;	/* keep it out of lookups */
		}
	}
	TG_BUF_PUSH(&cl->items, tg_item *, it);
	const tg_node *children = tg_node_get(n, "items");
	if (children != NULL)
		load_items(cl, children, it);
}

static void
load_items(catalog_load *cl, const tg_node *list, tg_item *parent)
{
	if (tg_node_is_null(list))
		return;
	if (list->kind != TG_NODE_SEQ) {
		tg_diag_error(cl->l->diag, list->pos, "'items' must be a list of items, found %s",
		    tg_node_kind_name(list));
		return;
	}
	for (size_t i = 0; i < list->n; i++)
		load_item(cl, list->items[i], parent);
}

/* Resolves `parent:` ids, rejects cycles, and builds the tree order. */
static void
build_tree(catalog_load *cl)
{
	tg_load *l = cl->l;
	tg_arena *a = &l->data->arena;
	tg_catalog *c = cl->cat;
	size_t n = TG_BUF_COUNT(&cl->items, tg_item *);
	tg_item **items = (tg_item **)(void *)cl->items.data;

	for (size_t i = 0; i < n; i++) {
		tg_item *it = items[i];
		if (it->parent_id == NULL)
			continue;
		tg_item *p = tg_catalog_item(c, it->parent_id);
		if (p == NULL)
			tg_diag_error(l->diag, it->parent_pos,
			    "parent '%s' is not an item of catalog '%s'", it->parent_id, c->id ? c->id : "?");
		else if (p == it)
			tg_diag_error(l->diag, it->parent_pos, "item '%s' names itself as its parent",
			    it->id);
		else
			it->parent = p;
	}
	/* Cycles: walk each parent chain; a chain that comes back to an item
	 * being walked is a cycle (reported once, at its first item in file order). */
	unsigned char *state = tg_xcalloc(n ? n : 1, 1);	/* 0 new, 1 walking, 2 done */
	for (size_t i = 0; i < n; i++)
		items[i]->index = i;
	for (size_t i = 0; i < n; i++) {
		tg_item *it = items[i];
		while (it != NULL && state[it->index] == 0) {
			state[it->index] = 1;
			it = it->parent;
		}
		tg_item *cycle = it != NULL && state[it->index] == 1 ? it : NULL;
		/* Everything walked is settled now (this terminates on a cycle
		 * too: each step marks the item it leaves). */
		for (it = items[i]; it != NULL && state[it->index] == 1; it = it->parent)
			state[it->index] = 2;
		if (cycle != NULL) {
			tg_buf path = TG_BUF_INIT;
			tg_item *p = cycle, *first = cycle;
			do {
				if (p->index < first->index)
					first = p;
				p = p->parent;
			} while (p != cycle);
			p = first;
			do {
				tg_buf_printf(&path, "%s -> ", p->id ? p->id : "?");
				p = p->parent;
			} while (p != first);
			tg_buf_printf(&path, "%s", first->id ? first->id : "?");
			tg_diag_error(l->diag, first->parent_pos.line ? first->parent_pos : first->pos,
			    "parent cycle: %s", path.data);
			tg_buf_free(&path);
			/* Break the cycle so that the tree walk below terminates. */
			first->parent = NULL;
		}
	}
	free(state);

	/* Children in file order, then a pre-order walk from the roots. */
	size_t *nchild = tg_xcalloc(n ? n : 1, sizeof *nchild);
	for (size_t i = 0; i < n; i++)
		if (items[i]->parent != NULL)
			nchild[items[i]->parent->index]++;
	for (size_t i = 0; i < n; i++)
		items[i]->children = TG_ARENA_ARRAY(a, tg_item *, nchild[i]);
	c->roots = TG_ARENA_ARRAY(a, tg_item *, n);
	for (size_t i = 0; i < n; i++) {
		tg_item *it = items[i];
		if (it->parent != NULL)
			it->parent->children[it->parent->nchildren++] = it;
		else
			c->roots[c->nroots++] = it;
	}
	free(nchild);
	c->items = TG_ARENA_ARRAY(a, tg_item *, n);
	tg_buf stack = TG_BUF_INIT;	/* tg_item *, pushed in reverse */
	for (size_t r = c->nroots; r-- > 0;)
		TG_BUF_PUSH(&stack, tg_item *, c->roots[r]);
	while (stack.len > 0) {
		stack.len -= sizeof(tg_item *);
		tg_item *it = *(tg_item **)(void *)(stack.data + stack.len);
		it->depth = it->parent ? it->parent->depth + 1 : 0;
		it->index = c->nitems;
		c->items[c->nitems++] = it;
		for (size_t k = it->nchildren; k-- > 0;)
			TG_BUF_PUSH(&stack, tg_item *, it->children[k]);
	}
	tg_buf_free(&stack);
}

void
tg_load_catalog(tg_load *l, const tg_node *root)
{
	tg_arena *a = &l->data->arena;
	if (!tg_schema_map(l, root, "catalog", catalog_keys))
		return;
	tg_catalog *c = TG_ARENA_NEW(a, tg_catalog);
	c->file = l->file;
	c->path = l->path;
	c->pos = root->pos;
	tg_map_init(&c->by_id);
	const tg_node *id = tg_node_get(root, "id");
	if (id == NULL) {
		if (!tg_schema_misspelt(root, "id"))
			tg_diag_error(l->diag, root->pos, "catalog has no 'id'");
	} else if (tg_schema_scalar(l, id, "catalog id") && tg_schema_object_id(l, id, "catalog id"))
		c->id = id->str;
	c->title = tg_schema_str(l, root, "title", "catalog", true);
	c->short_title = tg_schema_str(l, root, "short_title", "catalog", false);
	c->publisher = tg_schema_str(l, root, "publisher", "catalog", false);
	c->version = tg_schema_str(l, root, "version", "catalog", false);
	c->description = tg_schema_str(l, root, "description", "catalog", false);
	c->date = tg_schema_str(l, root, "date", "catalog", false);
	if (c->date != NULL && !tg_schema_is_date(c->date))
		tg_diag_error(l->diag, tg_node_get(root, "date")->pos,
		    "date '%s' is not YYYY-MM-DD, YYYY-MM or YYYY", c->date);
	tg_pos *lpos;
	c->levels = tg_schema_strlist(l, root, "levels", "catalog", &c->nlevels, &lpos);
	for (size_t i = 0; i < c->nlevels; i++) {
		if (strcmp(c->levels[i], "unknown") == 0)
			tg_diag_error(l->diag, lpos[i], "'unknown' is reserved and cannot be a level name");
		for (size_t k = 0; k < i; k++)
			if (strcmp(c->levels[i], c->levels[k]) == 0)
				tg_diag_error(l->diag, lpos[i], "level '%s' is listed twice", c->levels[i]);
	}
	const tg_node *prov = tg_node_get(root, "provenance");
	bool prov_broken = prov != NULL && !tg_schema_provenance(l, prov, &c->prov);
	const tg_node *meta = tg_node_get(root, "meta");
	if (meta != NULL && meta->kind != TG_NODE_MAP)
		tg_diag_error(l->diag, meta->pos, "'meta' must be a mapping");
	else
		c->meta = meta;

	catalog_load cl = {l, c, TG_BUF_INIT};
	const tg_node *items = tg_node_get(root, "items");
	if (items == NULL)
		tg_diag_error(l->diag, root->pos, "catalog has no 'items' (write 'items: []' for none)");
	else
		load_items(&cl, items, NULL);
	build_tree(&cl);
	for (size_t i = 0; i < c->nitems; i++) {
		tg_item *it = c->items[i];
		if (it->prov.kind == TG_PROV_UNSET && !prov_broken)
			tg_diag_error(l->diag, it->pos,
			    "item '%s' has no provenance (give one here or a default on the catalog)",
			    it->id ? it->id : "?");
	}
	tg_buf_free(&cl.items);
	TG_BUF_PUSH(&l->data->catalogs, tg_catalog *, c);
}
