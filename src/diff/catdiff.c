/* Matching the items of two versions of a catalog, and the list of changes.
 *
 * 1. Same id: a pair when the content is equal or similar enough
 *    (Dice >= TG_DIFF_KEEP_ID); a weaker same-id pair is kept aside.
 * 2. The rest (including the weak pairs' items): candidates from a bigram
 *    index, similarity-ordered greedy 1:1 matching with Dice >=
 *    TG_DIFF_RENUMBER: "renumbered".
 * 3. Weak same-id pairs whose items are both still free are paired after
 *    all (ids are mostly stable: a heavily reworded item keeps its id).
 * 4. Splits: an added item most of whose bigrams lie in one old item is
 *    a part of it; an old item with two or more parts (its own changed
 *    counterpart counts) was split.
 * 5. Merges, the other way round, among the removed items.
 * Ties are broken by tree order, so the result is deterministic; every
 * step is linear or n log n in the number of items and bigrams. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diff.h"

static bool
streq(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

int
tg_diff_kind_index(unsigned kind)
{
	for (int i = 0; i < TG_DK_COUNT; i++)
		if (kind == 1u << i)
			return i;
	return 0;
}

static const char *const kind_names[] = {"added", "removed", "modified", "moved", "renumbered",
    "split", "merged"};
static const char *const kind_ja[] = {"追加", "削除", "変更", "移動", "番号変更", "分割", "統合"};
static const char *const field_names[] = {"ref", "title", "text", "level", "parent"};
static const char *const field_ja[] = {"番号", "タイトル", "本文", "レベル", "親項目"};
static const char *const meta_names[] = {"title", "short_title", "publisher", "version", "date",
    "levels", "description"};
static const char *const meta_ja[] = {"名称", "略称", "発行者", "版", "日付", "レベル",
    "説明"};

const char *
tg_diff_kind_name(unsigned kind)
{
	return kind_names[tg_diff_kind_index(kind)];
}

const char *
tg_diff_kind_ja(unsigned kind)
{
	return kind_ja[tg_diff_kind_index(kind)];
}

static int
bit_index(unsigned bit, int count)
{
	for (int i = 0; i < count; i++)
		if (bit == 1u << i)
			return i;
	return 0;
}

const char *
tg_diff_field_name(unsigned field)
{
	return field_names[bit_index(field, TG_DF_COUNT)];
}

const char *
tg_diff_field_ja(unsigned field)
{
	return field_ja[bit_index(field, TG_DF_COUNT)];
}

const char *
tg_diff_meta_name(unsigned meta)
{
	return meta_names[bit_index(meta, TG_DM_COUNT)];
}

const char *
tg_diff_meta_ja(unsigned meta)
{
	return meta_ja[bit_index(meta, TG_DM_COUNT)];
}

const char *
tg_diff_meta_value(const tg_catalog *c, unsigned meta, char **tmp)
{
	*tmp = NULL;
	switch (meta) {
	case TG_DM_TITLE: return c->title;
	case TG_DM_SHORT_TITLE: return c->short_title;
	case TG_DM_PUBLISHER: return c->publisher;
	case TG_DM_VERSION: return c->version;
	case TG_DM_DATE: return c->date;
	case TG_DM_DESCRIPTION: return c->description;
	case TG_DM_LEVELS: {
		if (c->nlevels == 0)
			return NULL;
		tg_buf b = TG_BUF_INIT;
		for (size_t i = 0; i < c->nlevels; i++)
			tg_buf_printf(&b, "%s%s", i ? ", " : "", c->levels[i]);
		*tmp = tg_buf_detach(&b);
		return *tmp;
	}
	default: return NULL;
	}
}

const char *
tg_diff_level(const tg_item *it, char buf[], size_t size)
{
	if (it->ncited_levels > 1) {
		size_t used = 0;
		buf[0] = '\0';
		for (size_t i = 0; i < it->ncited_levels && used < size; i++) {
			int n = snprintf(buf + used, size - used, "%s%s", i ? "/" : "",
			    it->catalog->levels[it->cited_levels[i]]);
			if (n < 0)
				break;
			used += (size_t)n;
		}
		return buf;
	}
	return tg_item_level_name(it);
}

const char *
tg_diff_field_value(const tg_item *it, unsigned field, char buf[], size_t size)
{
	switch (field) {
	case TG_DF_REF: return it->ref;
	case TG_DF_TITLE: return it->title;
	case TG_DF_TEXT: return it->text;
	case TG_DF_LEVEL: return tg_diff_level(it, buf, size);
	case TG_DF_PARENT:
		if (it->parent == NULL)
			return NULL;
		snprintf(buf, size, "%s %s", it->parent->ref,
		    it->parent->title ? it->parent->title : "unknown");
		return buf;
	default: return NULL;
	}
}

static bool
levels_equal(const tg_item *a, const tg_item *b)
{
	char ba[256], bb[256];
	return streq(tg_diff_level(a, ba, sizeof ba), tg_diff_level(b, bb, sizeof bb));
}

typedef struct edge {
	int sim;
	uint32_t o, n;
} edge;

static int
cmp_edge(const void *pa, const void *pb)
{
	const edge *a = pa, *b = pb;
	if (a->sim != b->sim)
		return a->sim > b->sim ? -1 : 1;
	if (a->o != b->o)
		return a->o < b->o ? -1 : 1;
	return a->n < b->n ? -1 : a->n > b->n;
}

/* Work state of one comparison. */
typedef struct matcher {
	tg_catdiff *cd;
	size_t no, nn;
	tg_bigrams *po, *pn;	/* profiles, computed when first needed */
	bool *has_po, *has_pn;
	int *o2n, *n2o;		/* 1:1 pairs, -1 none */
	int *sim;		/* Dice of old item's pair */
	int *group_old, *group_new;	/* split / merge entry, -1 none */
	tg_buf entries;		/* tg_diff_entry */
} matcher;

static void
pair(matcher *m, size_t o, size_t n, int sim)
{
	m->o2n[o] = (int)n;
	m->n2o[n] = (int)o;
	m->sim[o] = sim;
}

/* An item's profile (title and text), made on first use: identical
 * catalogs, or unchanged items, never need one. */
static const tg_bigrams *
po(matcher *m, size_t i)
{
	if (!m->has_po[i]) {
		const tg_item *it = m->cd->old_cat->items[i];
		tg_bigrams_add(&m->po[i], it->title);
		tg_bigrams_add(&m->po[i], it->text);
		tg_bigrams_finish(&m->po[i]);
		m->has_po[i] = true;
	}
	return &m->po[i];
}

static const tg_bigrams *
pn(matcher *m, size_t j)
{
	if (!m->has_pn[j]) {
		const tg_item *it = m->cd->new_cat->items[j];
		tg_bigrams_add(&m->pn[j], it->title);
		tg_bigrams_add(&m->pn[j], it->text);
		tg_bigrams_finish(&m->pn[j]);
		m->has_pn[j] = true;
	}
	return &m->pn[j];
}

/* An index of the items of one side with include[i] set. */
static void
build_index(matcher *m, bool old, const bool *include, tg_simidx *ix)
{
	size_t n = old ? m->no : m->nn;
	for (size_t i = 0; i < n; i++)
		if (include[i])
			(void)(old ? po(m, i) : pn(m, i));
	tg_simidx_build(ix, old ? m->po : m->pn, n, include);
}

static void
match_pairs(matcher *m)
{
	const tg_catalog *oc = m->cd->old_cat, *nc = m->cd->new_cat;
	tg_buf weak = TG_BUF_INIT, edges = TG_BUF_INIT;
	for (size_t i = 0; i < m->no; i++) {
		const tg_item *o = oc->items[i];
		const tg_item *n = o->id ? tg_catalog_item(nc, o->id) : NULL;
		if (n == NULL)
			continue;
		if (streq(o->title, n->title) && streq(o->text, n->text)) {
			pair(m, i, n->index, TG_SIM_MAX);
			continue;
		}
		int s = tg_bigrams_dice(po(m, i), pn(m, n->index));
		if (s >= TG_DIFF_KEEP_ID)
			pair(m, i, n->index, s);
		else
			TG_BUF_PUSH(&weak, edge, ((edge){s, (uint32_t)i, (uint32_t)n->index}));
	}
	/* The index holds the items still free: few, when ids are stable. */
	bool *free_old = tg_xcalloc(m->no + 1, sizeof *free_old);
	for (size_t i = 0; i < m->no; i++)
		free_old[i] = m->o2n[i] < 0;
	tg_simidx ixo;
	build_index(m, true, free_old, &ixo);
	uint32_t cand[TG_DIFF_CANDIDATES];
	for (size_t j = 0; j < m->nn; j++) {
		if (m->n2o[j] >= 0)
			continue;
		size_t nc2 = tg_simidx_candidates(&ixo, pn(m, j), free_old,
		    TG_DIFF_PREFIX_RENUMBER, cand, TG_DIFF_CANDIDATES);
		for (size_t c = 0; c < nc2; c++) {
			int s = tg_bigrams_dice(po(m, cand[c]), pn(m, j));
			if (s >= TG_DIFF_RENUMBER)
				TG_BUF_PUSH(&edges, edge, ((edge){s, cand[c], (uint32_t)j}));
		}
	}
	size_t ne = TG_BUF_COUNT(&edges, edge);
	if (ne > 1)	/* qsort's array must not be NULL, even when empty */
		qsort(edges.data, ne, sizeof(edge), cmp_edge);
	for (size_t e = 0; e < ne; e++) {
		edge g = TG_BUF_AT(&edges, edge, e);
		if (m->o2n[g.o] < 0 && m->n2o[g.n] < 0)
			pair(m, g.o, g.n, g.sim);
	}
	for (size_t e = 0; e < TG_BUF_COUNT(&weak, edge); e++) {
		edge g = TG_BUF_AT(&weak, edge, e);
		if (m->o2n[g.o] < 0 && m->n2o[g.n] < 0)
			pair(m, g.o, g.n, g.sim);
	}
	tg_simidx_free(&ixo);
	free(free_old);
	tg_buf_free(&weak);
	tg_buf_free(&edges);
}

/* The side-agnostic view of a profile. */
static const tg_bigrams *
prof(matcher *m, bool old, size_t i)
{
	return old ? po(m, i) : pn(m, i);
}

/* Dice of a pair, looked up from either side's index. */
static int
own_similarity(const matcher *m, bool split, size_t w)
{
	int own = split ? m->o2n[w] : m->n2o[w];
	return own < 0 ? 0 : split ? m->sim[w] : m->sim[own];
}

/* The best whole for a part: the largest containment, then Dice, then
 * the lower index. */
static int
best_whole(matcher *m, tg_simidx *ix, bool old_wholes, const tg_bigrams *part, int *score)
{
	uint32_t cand[TG_DIFF_CANDIDATES];
	size_t nc = tg_simidx_candidates(ix, part, NULL, TG_DIFF_PREFIX_PART, cand,
	    TG_DIFF_CANDIDATES);
	int best = -1, bc = 0, bd = 0;
	for (size_t c = 0; c < nc; c++) {
		const tg_bigrams *whole = prof(m, old_wholes, cand[c]);
		int con = tg_bigrams_containment(part, whole);
		int dice = tg_bigrams_dice(part, whole);
		if (con < TG_DIFF_PART)
			continue;
		if (best < 0 || con > bc || (con == bc && (dice > bd ||
		    (dice == bd && cand[c] < (uint32_t)best)))) {
			best = (int)cand[c];
			bc = con;
			bd = dice;
		}
	}
	*score = bc;
	return best;
}

static int
cmp_part(const void *pa, const void *pb)
{
	const tg_diff_part *a = pa, *b = pb;
	return a->item->index < b->item->index ? -1 : a->item->index > b->item->index;
}

/* Splits (one old item, new parts) or merges (one new item, old parts).
 * Parts are free items; a whole is a free item or one whose pair changed
 * visibly (an unchanged item that reappears elsewhere was copied, not
 * split). */
static void
find_groups(matcher *m, bool split)
{
	const tg_catalog *parts_cat = split ? m->cd->new_cat : m->cd->old_cat;
	const tg_catalog *whole_cat = split ? m->cd->old_cat : m->cd->new_cat;
	size_t nparts = split ? m->nn : m->no, nwholes = split ? m->no : m->nn;
	int *partner_of_part = split ? m->n2o : m->o2n;	/* free parts: -1 */
	int *partner_of_whole = split ? m->o2n : m->n2o;
	int *group_part = split ? m->group_new : m->group_old;
	int *group_whole = split ? m->group_old : m->group_new;
	bool *eligible = tg_xcalloc(nwholes + 1, sizeof *eligible);
	size_t neligible = 0, nfree = 0;
	for (size_t w = 0; w < nwholes; w++) {
		eligible[w] = group_whole[w] < 0 && (partner_of_whole[w] < 0 ||
		    own_similarity(m, split, w) < TG_DIFF_PART_CHANGED);
		neligible += eligible[w];
	}
	for (size_t j = 0; j < nparts; j++)
		nfree += partner_of_part[j] < 0 && group_part[j] < 0;
	if (neligible == 0 || nfree == 0) {
		free(eligible);
		return;
	}
	tg_simidx ix;
	build_index(m, split, eligible, &ix);
	int *whole_of = tg_xcalloc(nparts + 1, sizeof *whole_of);
	int *score_of = tg_xcalloc(nparts + 1, sizeof *score_of);
	size_t *nof = tg_xcalloc(nwholes + 1, sizeof *nof);
	for (size_t j = 0; j < nparts; j++) {
		whole_of[j] = -1;
		if (partner_of_part[j] >= 0 || group_part[j] >= 0 ||
		    prof(m, !split, j)->n < TG_DIFF_PART_MIN_GRAMS)
			continue;
		int w = best_whole(m, &ix, split, prof(m, !split, j), &score_of[j]);
		if (w >= 0) {
			whole_of[j] = w;
			nof[w]++;
		}
	}
	for (size_t w = 0; w < nwholes; w++) {
		if (nof[w] == 0)
			continue;
		int own = partner_of_whole[w];
		bool with_own = own >= 0;	/* eligible: its pair changed */
		if (nof[w] + (with_own ? 1 : 0) < 2)
			continue;
		tg_diff_entry e;
		memset(&e, 0, sizeof e);
		e.kinds = split ? TG_DK_SPLIT : TG_DK_MERGED;
		e.nparts = nof[w] + (with_own ? 1 : 0);
		e.parts = TG_ARENA_ARRAY(&m->cd->arena, tg_diff_part, e.nparts);
		size_t k = 0;
		int gid = (int)TG_BUF_COUNT(&m->entries, tg_diff_entry);
		if (with_own) {
			e.parts[k++] = (tg_diff_part){parts_cat->items[own],
			    tg_bigrams_containment(prof(m, !split, (size_t)own), prof(m, split, w))};
			/* The pair dissolves into the group. */
			partner_of_part[own] = -1;
			partner_of_whole[w] = -1;
			group_part[own] = gid;
		}
		for (size_t j = 0; j < nparts; j++)
			if (whole_of[j] == (int)w) {
				e.parts[k++] = (tg_diff_part){parts_cat->items[j], score_of[j]};
				group_part[j] = gid;
			}
		qsort(e.parts, e.nparts, sizeof *e.parts, cmp_part);
		group_whole[w] = gid;
		if (split)
			e.old_item = whole_cat->items[w];
		else
			e.new_item = whole_cat->items[w];
		TG_BUF_PUSH(&m->entries, tg_diff_entry, e);
	}
	tg_simidx_free(&ix);
	free(eligible);
	free(whole_of);
	free(score_of);
	free(nof);
}

/* The new item's parent is the counterpart of the old item's parent. */
static bool
same_parent(const matcher *m, const tg_item *o, const tg_item *n)
{
	if (o->parent == NULL || n->parent == NULL)
		return o->parent == n->parent;
	size_t op = o->parent->index, np = n->parent->index;
	if (m->o2n[op] == (int)np)
		return true;
	return m->group_old[op] >= 0 && m->group_old[op] == m->group_new[np];
}

static void
compare_pair(matcher *m, size_t i)
{
	const tg_item *o = m->cd->old_cat->items[i];
	const tg_item *n = m->cd->new_cat->items[m->o2n[i]];
	tg_diff_entry e;
	memset(&e, 0, sizeof e);
	if (!streq(o->ref, n->ref))
		e.fields |= TG_DF_REF;
	if (!streq(o->title, n->title))
		e.fields |= TG_DF_TITLE;
	if (!streq(o->text, n->text))
		e.fields |= TG_DF_TEXT;
	if (!levels_equal(o, n))
		e.fields |= TG_DF_LEVEL;
	if (!same_parent(m, o, n))
		e.fields |= TG_DF_PARENT;
	if (!streq(o->id, n->id) || (e.fields & TG_DF_REF))
		e.kinds |= TG_DK_RENUMBERED;
	if (e.fields & TG_DF_PARENT)
		e.kinds |= TG_DK_MOVED;
	if (e.fields & (TG_DF_TITLE | TG_DF_TEXT | TG_DF_LEVEL))
		e.kinds |= TG_DK_MODIFIED;
	if (e.kinds == 0)
		return;
	e.old_item = o;
	e.new_item = n;
	e.similarity = m->sim[i];
	TG_BUF_PUSH(&m->entries, tg_diff_entry, e);
}

static unsigned
compare_meta(const tg_catalog *a, const tg_catalog *b)
{
	unsigned meta = 0;
	for (int i = 0; i < TG_DM_COUNT; i++) {
		char *ta, *tb;
		const char *va = tg_diff_meta_value(a, 1u << i, &ta);
		const char *vb = tg_diff_meta_value(b, 1u << i, &tb);
		if (!streq(va, vb))
			meta |= 1u << i;
		free(ta);
		free(tb);
	}
	return meta;
}

static int
cmp_entry(const void *pa, const void *pb)
{
	const tg_diff_entry *a = pa, *b = pb;
	if (a->order != b->order)
		return a->order < b->order ? -1 : 1;
	size_t ia = a->old_item ? a->old_item->index : 0, ib = b->old_item ? b->old_item->index : 0;
	return ia < ib ? -1 : ia > ib;
}

/* Report order follows the new catalog; a removed item comes right after
 * the new counterpart of the old item before it. */
static void
order_entries(matcher *m)
{
	tg_diff_entry *es = (tg_diff_entry *)(void *)m->entries.data;
	size_t n = TG_BUF_COUNT(&m->entries, tg_diff_entry);
	/* New position of each old item (-1: removed). */
	long *anchor = tg_xcalloc(m->no + 1, sizeof *anchor);
	for (size_t i = 0; i < m->no; i++)
		anchor[i] = m->o2n[i];
	for (size_t k = 0; k < n; k++) {
		tg_diff_entry *e = &es[k];
		if (e->kinds & TG_DK_SPLIT)
			anchor[e->old_item->index] = (long)e->parts[0].item->index;
		else if (e->kinds & TG_DK_MERGED)
			for (size_t p = 0; p < e->nparts; p++)
				anchor[e->parts[p].item->index] = (long)e->new_item->index;
	}
	long last = -1;
	size_t *removed_at = tg_xcalloc(m->no + 1, sizeof *removed_at);
	for (size_t i = 0; i < m->no; i++) {
		if (anchor[i] >= 0)
			last = anchor[i];
		removed_at[i] = 2 * (size_t)(last + 1) + 1;
	}
	for (size_t k = 0; k < n; k++) {
		tg_diff_entry *e = &es[k];
		if (e->kinds & TG_DK_SPLIT)
			e->order = 2 * (e->parts[0].item->index + 1);
		else if (e->new_item != NULL)
			e->order = 2 * (e->new_item->index + 1);
		else
			e->order = removed_at[e->old_item->index];
	}
	if (n > 1)
		qsort(es, n, sizeof *es, cmp_entry);
	free(anchor);
	free(removed_at);
}

static tg_diff_level_count *
level_slot(tg_catdiff *cd, const char *level)
{
	for (size_t i = 0; i < cd->nlevels; i++)
		if (streq(cd->levels[i].level, level))
			return &cd->levels[i];
	return NULL;
}

static void
summarize(tg_catdiff *cd)
{
	const tg_catalog *oc = cd->old_cat, *nc = cd->new_cat;
	cd->levels = TG_ARENA_ARRAY(&cd->arena, tg_diff_level_count, nc->nlevels + oc->nlevels + 2);
	for (size_t i = 0; i < nc->nlevels; i++)
		cd->levels[cd->nlevels++].level = nc->levels[i];
	for (size_t i = 0; i < oc->nlevels; i++)
		if (level_slot(cd, oc->levels[i]) == NULL)
			cd->levels[cd->nlevels++].level = oc->levels[i];
	size_t fixed = cd->nlevels;
	cd->levels[cd->nlevels++].level = "unknown";
	cd->levels[cd->nlevels++].level = NULL;
	for (size_t k = 0; k < cd->nentries; k++) {
		const tg_diff_entry *e = &cd->entries[k];
		const tg_item *it = e->new_item && !(e->kinds & TG_DK_SPLIT) ? e->new_item : e->old_item;
		tg_diff_level_count *slot = level_slot(cd, tg_item_level_name(it));
		slot->total++;
		for (int b = 0; b < TG_DK_COUNT; b++)
			if (e->kinds & (1u << b)) {
				slot->counts[b]++;
				cd->counts[b]++;
			}
	}
	/* "unknown" and "none" only when they occur. */
	size_t w = fixed;
	for (size_t i = fixed; i < cd->nlevels; i++)
		if (cd->levels[i].total > 0)
			cd->levels[w++] = cd->levels[i];
	cd->nlevels = w;
}

void
tg_catdiff_compute(tg_catdiff *cd, const tg_catalog *old_cat, const tg_catalog *new_cat)
{
	memset(cd, 0, sizeof *cd);
	tg_arena_init(&cd->arena);
	cd->old_cat = old_cat;
	cd->new_cat = new_cat;
	matcher m;
	memset(&m, 0, sizeof m);
	m.cd = cd;
	m.no = old_cat->nitems;
	m.nn = new_cat->nitems;
	m.po = tg_xcalloc(m.no + 1, sizeof *m.po);
	m.pn = tg_xcalloc(m.nn + 1, sizeof *m.pn);
	m.has_po = tg_xcalloc(m.no + 1, sizeof *m.has_po);
	m.has_pn = tg_xcalloc(m.nn + 1, sizeof *m.has_pn);
	m.o2n = tg_xcalloc(m.no + 1, sizeof *m.o2n);
	m.sim = tg_xcalloc(m.no + 1, sizeof *m.sim);
	m.group_old = tg_xcalloc(m.no + 1, sizeof *m.group_old);
	m.n2o = tg_xcalloc(m.nn + 1, sizeof *m.n2o);
	m.group_new = tg_xcalloc(m.nn + 1, sizeof *m.group_new);
	for (size_t i = 0; i < m.no; i++) {
		m.o2n[i] = m.group_old[i] = -1;
	}
	for (size_t j = 0; j < m.nn; j++) {
		m.n2o[j] = m.group_new[j] = -1;
	}
	match_pairs(&m);
	find_groups(&m, true);
	find_groups(&m, false);
	for (size_t i = 0; i < m.no; i++)
		if (m.o2n[i] >= 0)
			compare_pair(&m, i);
	for (size_t i = 0; i < m.no; i++)
		if (m.o2n[i] < 0 && m.group_old[i] < 0) {
			tg_diff_entry e;
			memset(&e, 0, sizeof e);
			e.kinds = TG_DK_REMOVED;
			e.old_item = old_cat->items[i];
			TG_BUF_PUSH(&m.entries, tg_diff_entry, e);
		}
	for (size_t j = 0; j < m.nn; j++)
		if (m.n2o[j] < 0 && m.group_new[j] < 0) {
			tg_diff_entry e;
			memset(&e, 0, sizeof e);
			e.kinds = TG_DK_ADDED;
			e.new_item = new_cat->items[j];
			TG_BUF_PUSH(&m.entries, tg_diff_entry, e);
		}
	order_entries(&m);
	cd->nentries = TG_BUF_COUNT(&m.entries, tg_diff_entry);
	cd->entries = tg_arena_memdup(&cd->arena, m.entries.data ? m.entries.data : "",
	    m.entries.len + 1);
	cd->by_old = TG_ARENA_ARRAY(&cd->arena, tg_diff_entry *, m.no + 1);
	cd->by_new = TG_ARENA_ARRAY(&cd->arena, tg_diff_entry *, m.nn + 1);
	cd->old_to_new = TG_ARENA_ARRAY(&cd->arena, const tg_item *, m.no + 1);
	cd->new_to_old = TG_ARENA_ARRAY(&cd->arena, const tg_item *, m.nn + 1);
	for (size_t k = 0; k < cd->nentries; k++) {
		tg_diff_entry *e = &cd->entries[k];
		if (e->old_item)
			cd->by_old[e->old_item->index] = e;
		if (e->new_item)
			cd->by_new[e->new_item->index] = e;
		for (size_t p = 0; p < e->nparts; p++) {
			if (e->kinds & TG_DK_SPLIT)
				cd->by_new[e->parts[p].item->index] = e;
			else
				cd->by_old[e->parts[p].item->index] = e;
		}
	}
	for (size_t i = 0; i < m.no; i++)
		if (m.o2n[i] >= 0) {
			cd->old_to_new[i] = new_cat->items[m.o2n[i]];
			cd->new_to_old[m.o2n[i]] = old_cat->items[i];
		}
	cd->meta = compare_meta(old_cat, new_cat);
	summarize(cd);

	for (size_t i = 0; i < m.no; i++)
		tg_bigrams_free(&m.po[i]);
	for (size_t j = 0; j < m.nn; j++)
		tg_bigrams_free(&m.pn[j]);
	free(m.po);
	free(m.pn);
	free(m.has_po);
	free(m.has_pn);
	free(m.o2n);
	free(m.n2o);
	free(m.sim);
	free(m.group_old);
	free(m.group_new);
	tg_buf_free(&m.entries);
}

void
tg_catdiff_free(tg_catdiff *cd)
{
	tg_arena_free(&cd->arena);
	memset(cd, 0, sizeof *cd);
}
