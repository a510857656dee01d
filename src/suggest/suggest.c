/* Ranking the items of a target catalog for each item of a source catalog
 * (see suggest.h), and the result as a crosswalk of suggestions. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "suggest.h"
#include "../load/templates.h"
#include "../util/map.h"

/* Field weights: a title says what an item is about; its text, the
 * regulation template's text, and the titles above it (the chapter) add
 * context; an industry term's definition says what a word means there. */
#define W_TITLE 2.0f
#define W_TEXT 1.0f
#define W_TEMPLATE 1.0f
#define W_ANCESTOR 0.5f
#define W_DEFINITION 0.3f
/* A concept (a group of the term dictionary), against one bigram. */
#define W_CONCEPT 2.5f
/* A target item also scores with the items the target's own crosswalks
 * pair it with (付録3 No.22 → 付録5 9.2.1: their best, times the pair's
 * strength / 10) and with its parent (a section that matches makes its
 * clauses likelier); a group (a section, a chapter) scores less than a
 * clause: reviewers map to the most precise item.  The three factors were
 * set on the development crosswalk (jama-japia-2.3), see docs/suggest.md. */
#define W_RELATED 0.3f
#define W_PARENT 0.7f
#define W_GROUP 0.7f

#define MAX_SHARED 5

/* What is kept of each target item to explain a match. */
typedef struct doc {
	const tg_item *item;
	uint64_t *bigrams;	/* sorted */
	size_t nbigrams;
	uint32_t *concepts;	/* sorted, each once */
	uint32_t *concept_term;	/* the first term of the concept found */
	size_t nconcepts;
} doc;

typedef struct edge {
	uint32_t doc;
	float w;
} edge;

typedef struct ranker {
	const tg_data *data;
	const tg_catalog *source, *target;
	const tg_industry *ind;
	const tg_tset *tset;
	tg_sg_dict *dict;
	tg_sg_index *ix;
	doc *docs;
	size_t ndocs;
	/* industry terms: normalised term, definition */
	tg_sg_text *ind_terms;
	size_t nind;
	/* related documents through the target's own crosswalks: per doc, a
	 * list of (doc, weight) */
	tg_buf *related;
	float *score, *boost;
	uint32_t *parent;	/* doc + 1 of the parent, 0 for none */
	/* scratch */
	tg_sg_text norm;
	tg_buf feats, hits;
} ranker;

static int
compare_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

static int
compare_items_by_id(const void *a, const void *b)
{
	return strcmp((*(const tg_item *const *)a)->id, (*(const tg_item *const *)b)->id);
}

/* The features of one text: its n-grams and its concepts. */
static void
add_text(ranker *rk, const char *s, float w)
{
	if (s == NULL || *s == '\0')
		return;
	tg_sg_text_clear(&rk->norm);
	tg_sg_normalize(&rk->norm, s);
	tg_sg_grams(&rk->norm, w, &rk->feats);
	tg_buf_clear(&rk->hits);
	tg_sg_dict_match(rk->dict, &rk->norm, &rk->hits);
	for (size_t i = 0; i < TG_BUF_COUNT(&rk->hits, tg_sg_concept_hit); i++) {
		uint32_t c = TG_BUF_AT(&rk->hits, tg_sg_concept_hit, i).concept;
		tg_sg_feat f = {TG_SG_CONCEPT(c), w * W_CONCEPT * tg_sg_dict_weight(rk->dict, c)};
		TG_BUF_PUSH(&rk->feats, tg_sg_feat, f);
	}
}

static void
add_ancestors(ranker *rk, const tg_item *it, bool skip_root)
{
	for (const tg_item *p = it->parent; p != NULL; p = p->parent)
		if (!(skip_root && p->parent == NULL))
			add_text(rk, p->title, W_ANCESTOR);
}

/* An item's own words: title, text, and for a regulation clause the
 * template's text with its parameters at their defaults. */
static char *
own_text(const ranker *rk, const tg_item *it, bool with_template)
{
	tg_buf b = TG_BUF_INIT;
	tg_buf_puts(&b, it->title ? it->title : "");
	tg_buf_putc(&b, '\n');
	tg_buf_puts(&b, it->text ? it->text : "");
	if (with_template && rk->tset != NULL) {
		const tg_tclause *c = tg_tset_clause(rk->tset, it->id);
		if (c != NULL) {
			char *e = tg_tset_excerpt(rk->tset, c, 100000);
			tg_buf_putc(&b, '\n');
			tg_buf_puts(&b, e);
			free(e);
		}
	}
	tg_buf_cstr(&b);
	return tg_buf_detach(&b);
}

static void
index_targets(ranker *rk)
{
	const tg_catalog *t = rk->target;
	const tg_item **items = tg_xmalloc((t->nitems + 1) * sizeof *items);
	size_t n = 0;
	for (size_t i = 0; i < t->nitems; i++)
		if (t->items[i]->parent != NULL)	/* the parts themselves (付録5) are too broad */
			items[n++] = t->items[i];
	/* Documents in id order: ties between equal scores go by id. */
	if (n > 1)
		qsort(items, n, sizeof *items, compare_items_by_id);
	rk->docs = tg_xcalloc(n ? n : 1, sizeof *rk->docs);
	rk->ndocs = n;
	rk->ix = tg_sg_index_new();
	tg_buf bigrams = TG_BUF_INIT, concepts = TG_BUF_INIT;
	for (size_t i = 0; i < n; i++) {
		const tg_item *it = items[i];
		doc *dc = &rk->docs[i];
		dc->item = it;
		tg_buf_clear(&rk->feats);
		add_text(rk, it->title, W_TITLE);
		add_text(rk, it->text, W_TEXT);
		const tg_tclause *c = rk->tset ? tg_tset_clause(rk->tset, it->id) : NULL;
		if (c != NULL) {
			char *e = tg_tset_excerpt(rk->tset, c, 100000);
			add_text(rk, e, W_TEMPLATE);
			free(e);
		}
		add_ancestors(rk, it, true);
		tg_sg_index_add(rk->ix, (const tg_sg_feat *)(void *)rk->feats.data,
		    TG_BUF_COUNT(&rk->feats, tg_sg_feat), it->nchildren > 0 ? W_GROUP : 1.0f);
		/* Its own words, for the shared terms of a match. */
		char *own = own_text(rk, it, true);
		tg_sg_text_clear(&rk->norm);
		tg_sg_normalize(&rk->norm, own);
		free(own);
		tg_buf_clear(&bigrams);
		for (size_t k = 0; k + 1 < rk->norm.n; k++)
			if (rk->norm.cp[k] && rk->norm.cp[k + 1])
				TG_BUF_PUSH(&bigrams, uint64_t,
				    ((uint64_t)rk->norm.cp[k] << 21) | rk->norm.cp[k + 1]);
		dc->nbigrams = TG_BUF_COUNT(&bigrams, uint64_t);
		dc->bigrams = (uint64_t *)(void *)tg_buf_detach(&bigrams);
		if (dc->nbigrams > 1)
			qsort(dc->bigrams, dc->nbigrams, sizeof(uint64_t), compare_u64);
		tg_buf_clear(&rk->hits);
		tg_sg_dict_match(rk->dict, &rk->norm, &rk->hits);
		tg_buf_clear(&concepts);
		size_t nh = TG_BUF_COUNT(&rk->hits, tg_sg_concept_hit);
		dc->concept_term = tg_xmalloc((nh ? nh : 1) * sizeof(uint32_t));
		for (size_t k = 0; k < nh; k++) {
			const tg_sg_concept_hit *h = &TG_BUF_AT(&rk->hits, tg_sg_concept_hit, k);
			bool seen = false;
			for (size_t m = 0; m < dc->nconcepts && !seen; m++)
				seen = TG_BUF_AT(&concepts, uint32_t, m) == h->concept;
			if (seen)
				continue;
			TG_BUF_PUSH(&concepts, uint32_t, h->concept);
			dc->concept_term[dc->nconcepts++] = h->term;
		}
		dc->concepts = (uint32_t *)(void *)tg_buf_detach(&concepts);
	}
	tg_buf_free(&bigrams);
	tg_buf_free(&concepts);
	tg_sg_index_freeze(rk->ix);
	free(items);
}

static void
add_edge(ranker *rk, const tg_map *by_item, const tg_item *a, const tg_item *b, float w)
{
	void *da = tg_map_get(by_item, a->id), *db = tg_map_get(by_item, b->id);
	if (da == NULL || db == NULL || w <= 0)
		return;
	edge e = {(uint32_t)((uintptr_t)db - 1), w};
	TG_BUF_PUSH(&rk->related[(uintptr_t)da - 1], edge, e);
}

static void
build_related(ranker *rk)
{
	rk->related = tg_xcalloc(rk->ndocs ? rk->ndocs : 1, sizeof *rk->related);
	rk->score = tg_xcalloc(rk->ndocs ? rk->ndocs : 1, sizeof *rk->score);
	rk->boost = tg_xcalloc(rk->ndocs ? rk->ndocs : 1, sizeof *rk->boost);
	tg_map by_item;
	tg_map_init(&by_item);
	for (size_t i = 0; i < rk->ndocs; i++)
		tg_map_put(&by_item, rk->docs[i].item->id, (void *)(uintptr_t)(i + 1));
	for (size_t i = 0; i < TG_DATA_COUNT(rk->data, crosswalks, tg_crosswalk); i++) {
		const tg_crosswalk *xw = TG_DATA_AT(rk->data, crosswalks, tg_crosswalk, i);
		if (xw->source != rk->target || xw->target != rk->target)
			continue;
		for (size_t r = 0; r < xw->nrows; r++) {
			const tg_xw_row *row = &xw->rows[r];
			for (size_t t = 0; t < row->ntargets; t++) {
				const tg_xw_target *tg = &row->targets[t];
				if (row->source == NULL || tg->target == NULL)
					continue;
				float w = tg->strength >= 0 ? (float)tg->strength / 10.0f : 0.5f;
				add_edge(rk, &by_item, row->source, tg->target, w);
				add_edge(rk, &by_item, tg->target, row->source, w);
			}
		}
	}
	rk->parent = tg_xcalloc(rk->ndocs ? rk->ndocs : 1, sizeof *rk->parent);
	for (size_t i = 0; i < rk->ndocs; i++) {
		const tg_item *it = rk->docs[i].item;
		void *p = it->parent ? tg_map_get(&by_item, it->parent->id) : NULL;
		rk->parent[i] = p ? (uint32_t)(uintptr_t)p : 0;
	}
	tg_map_free(&by_item);
}

static bool
has_bigram(const doc *dc, uint64_t key)
{
	size_t lo = 0, hi = dc->nbigrams;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (dc->bigrams[mid] < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < dc->nbigrams && dc->bigrams[lo] == key;
}

static bool
hiragana(uint32_t cp)
{
	return cp >= 0x3041 && cp <= 0x309F;
}

static bool
contains(const char *hay, size_t n, const char *needle, size_t len)
{
	for (size_t i = 0; i + len <= n; i++)
		if (memcmp(hay + i, needle, len) == 0)
			return true;
	return false;
}

/* Two neighbours of the same script (kanji, katakana, Latin) belong to one
 * word; a change of script or a hiragana is a boundary. */
static bool
same_word(uint32_t a, uint32_t b)
{
	if (hiragana(a) || hiragana(b))
		return false;
	bool ka = a >= 0x30A0 && a <= 0x30FF, kb = b >= 0x30A0 && b <= 0x30FF;
	bool la = a < 0x80, lb = b < 0x80;
	return ka == kb && la == lb;
}

static void
add_shared(tg_buf *list, const char *s, size_t len)
{
	/* Once each, and not when a longer one already holds it. */
	tg_buf_cstr(list);
	const char *p = list->data;
	while (p != NULL && *p) {
		const char *e = strchr(p, '\x1f');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		if (contains(p, n, s, len))
			return;
		p = e ? e + 1 : p + n;
	}
	if (list->len)
		tg_buf_putc(list, '\x1f');
	tg_buf_put(list, s, len);
}

typedef struct span {
	size_t b, e;	/* code point positions, [b, e) */
} span;

static int
compare_spans(const void *pa, const void *pb)
{
	const span *a = pa, *b = pb;
	size_t la = a->e - a->b, lb = b->e - b->b;
	if (la != lb)
		return la > lb ? -1 : 1;
	return a->b < b->b ? -1 : a->b > b->b;
}

/* The words the source text (normalised in src, its bytes in raw) shares
 * with a target: the longest runs of shared bigrams, then the concepts of
 * the dictionary both use ("パスワード≒認証"). */
static const char *
shared_words(ranker *rk, const tg_sg_text *src, const char *raw, const uint32_t *src_concepts,
    const uint32_t *src_terms, size_t nsrc_concepts, const doc *dc, tg_arena *arena)
{
	tg_buf spans = TG_BUF_INIT, list = TG_BUF_INIT;
	size_t i = 0;
	while (i + 1 < src->n) {
		const uint32_t *c = src->cp;
		bool ok = c[i] && c[i + 1] && !(hiragana(c[i]) && hiragana(c[i + 1])) &&
		    has_bigram(dc, ((uint64_t)c[i] << 21) | c[i + 1]);
		if (!ok) {
			i++;
			continue;
		}
		size_t b = i, e = i + 2;
		while (e < src->n && c[e] && !(hiragana(c[e - 1]) && hiragana(c[e])) &&
		    has_bigram(dc, ((uint64_t)c[e - 1] << 21) | c[e]))
			e++;
		i = e - 1;
		/* A span starting or ending inside a word (密情報 of 機密情報)
		 * is cut back to the word boundaries within it, and particles at
		 * the edges are not part of a word. */
		if (b > 0 && c[b - 1] != 0 && same_word(c[b - 1], c[b]))
			while (b < e && !(b > 0 && !same_word(c[b - 1], c[b])))
				b++;
		if (e < src->n && c[e] != 0 && same_word(c[e - 1], c[e]))
			while (e > b && !(e < src->n && !same_word(c[e - 1], c[e])))
				e--;
		while (b < e && hiragana(c[b]))
			b++;
		while (e > b && hiragana(c[e - 1]))
			e--;
		if (e - b >= 2) {
			span s = {b, e};
			TG_BUF_PUSH(&spans, span, s);
		}
	}
	size_t ns = TG_BUF_COUNT(&spans, span);
	if (ns > 1)
		qsort(spans.data, ns, sizeof(span), compare_spans);
	size_t kept = 0;
	for (size_t k = 0; k < ns && kept < MAX_SHARED; k++) {
		const span *s = &TG_BUF_AT(&spans, span, k);
		size_t before = list.len;
		add_shared(&list, raw + src->from[s->b], src->to[s->e - 1] - src->from[s->b]);
		kept += list.len > before;
	}
	for (size_t k = 0; k < nsrc_concepts && kept < MAX_SHARED + 2; k++) {
		for (size_t m = 0; m < dc->nconcepts; m++) {
			if (dc->concepts[m] != src_concepts[k])
				continue;
			const char *a = tg_sg_dict_term(rk->dict, src_terms[k]);
			const char *b = tg_sg_dict_term(rk->dict, dc->concept_term[m]);
			tg_buf word = TG_BUF_INIT;
			tg_buf_puts(&word, a);
			if (strcmp(a, b) != 0)
				tg_buf_printf(&word, "≒%s", b);
			size_t before = list.len;
			add_shared(&list, word.data, word.len);
			kept += list.len > before;
			tg_buf_free(&word);
			break;
		}
	}
	/* Separators as the reader sees them. */
	tg_buf out = TG_BUF_INIT;
	for (size_t k = 0; k < list.len; k++) {
		if (list.data[k] == '\x1f')
			tg_buf_puts(&out, "、");
		else
			tg_buf_putc(&out, list.data[k]);
	}
	const char *res = tg_arena_strdup(arena, tg_buf_cstr(&out));
	tg_buf_free(&out);
	tg_buf_free(&list);
	tg_buf_free(&spans);
	return res;
}

static bool
compared(const tg_item *it)
{
	return it->nchildren == 0 || (it->text != NULL && *it->text != '\0');
}

static const tg_tset *
tset_of(const tg_data *d, const tg_catalog *c)
{
	for (size_t i = 0; i < TG_DATA_COUNT(d, paramsets, tg_paramset); i++) {
		const tg_paramset *ps = TG_DATA_AT(d, paramsets, tg_paramset, i);
		if (ps->catalog == c && ps->tset != NULL)
			return ps->tset;
	}
	return NULL;
}

static bool
better_hit(const tg_sg_hit *a, const tg_sg_hit *b)
{
	return a->score > b->score || (a->score == b->score && a->doc < b->doc);
}

/* Every document scored, then raised by what relates to it: the items the
 * target's own crosswalks pair it with, and its parent. */
static size_t
rerank(ranker *rk, size_t nfeats, size_t top, tg_sg_hit *hits)
{
	tg_sg_index_scores(rk->ix, (const tg_sg_feat *)(void *)rk->feats.data, nfeats, rk->score);
	memset(rk->boost, 0, rk->ndocs * sizeof *rk->boost);
	for (size_t d = 0; d < rk->ndocs; d++) {
		if (rk->score[d] == 0)
			continue;
		for (size_t e = 0; e < TG_BUF_COUNT(&rk->related[d], edge); e++) {
			const edge *ed = &TG_BUF_AT(&rk->related[d], edge, e);
			float b = rk->score[d] * ed->w;
			if (b > rk->boost[ed->doc])
				rk->boost[ed->doc] = b;
		}
	}
	size_t nh = 0;
	for (size_t d = 0; d < rk->ndocs; d++) {
		float sc = rk->score[d] + W_RELATED * rk->boost[d];
		if (rk->parent[d])
			sc += W_PARENT * rk->score[rk->parent[d] - 1];
		if (sc <= 0)
			continue;
		tg_sg_hit h = {(uint32_t)d, sc};
		if (nh == top && !better_hit(&h, &hits[top - 1]))
			continue;
		size_t j = nh < top ? nh++ : top - 1;
		while (j > 0 && better_hit(&h, &hits[j - 1])) {
			hits[j] = hits[j - 1];
			j--;
		}
		hits[j] = h;
	}
	return nh;
}

static void
rank_item(ranker *rk, tg_sg_result *r, tg_sg_row *row, tg_sg_hit *hits, size_t top)
{
	const tg_item *it = row->source;
	tg_buf_clear(&rk->feats);
	add_text(rk, it->title, W_TITLE);
	add_text(rk, it->text, W_TEXT);
	add_ancestors(rk, it, false);
	/* The item's own words, normalised once for the industry's terms and
	 * the shared words. */
	char *raw = own_text(rk, it, false);
	tg_sg_text src = {0};
	tg_sg_normalize(&src, raw);
	for (size_t k = 0; k < rk->nind; k++) {
		const tg_sg_text *t = &rk->ind_terms[k];
		bool found = false;
		for (size_t i = 0; i + t->n <= src.n && !found; i++)
			found = memcmp(src.cp + i, t->cp, t->n * sizeof(uint32_t)) == 0;
		if (found)
			add_text(rk, rk->ind->terms[k].definition, W_DEFINITION);
	}
	size_t nfeats = TG_BUF_COUNT(&rk->feats, tg_sg_feat);
	row->empty = it->title == NULL && (it->text == NULL || *it->text == '\0');
	size_t nh = row->empty ? 0 : rerank(rk, nfeats, top, hits);
	if (nh > 0) {
		row->best = rk->docs[hits[0].doc].item;
		row->best_score = hits[0].score < 1.0f ? hits[0].score : 1.0f;
	}
	size_t keep = 0;
	while (keep < nh && hits[keep].score >= r->min_score)
		keep++;
	row->cands = TG_ARENA_ARRAY(&r->arena, tg_sg_cand, keep ? keep : 1);
	row->ncands = keep;
	if (keep == 0)
		goto out;
	/* The source's concepts, for the notes. */
	tg_buf_clear(&rk->hits);
	tg_sg_dict_match(rk->dict, &src, &rk->hits);
	size_t nc = 0, nhits = TG_BUF_COUNT(&rk->hits, tg_sg_concept_hit);
	uint32_t *concepts = tg_xmalloc((nhits ? nhits : 1) * sizeof(uint32_t));
	uint32_t *terms = tg_xmalloc((nhits ? nhits : 1) * sizeof(uint32_t));
	for (size_t k = 0; k < nhits; k++) {
		const tg_sg_concept_hit *h = &TG_BUF_AT(&rk->hits, tg_sg_concept_hit, k);
		bool seen = false;
		for (size_t m = 0; m < nc && !seen; m++)
			seen = concepts[m] == h->concept;
		if (!seen) {
			concepts[nc] = h->concept;
			terms[nc++] = h->term;
		}
	}
	for (size_t k = 0; k < keep; k++) {
		tg_sg_cand *c = &row->cands[k];
		const doc *dc = &rk->docs[hits[k].doc];
		c->target = dc->item;
		/* Shown on a 0-1 scale; the order stays that of the raw scores. */
		c->score = hits[k].score < 1.0f ? hits[k].score : 1.0f;
		/* A partial cover (intersects-with) claims at most 8; a source
		 * known only by an inferred topic at most 5 (docs/data-format.md). */
		long s = lroundf(c->score * 10.0f), most = it->prov.title_inferred ? 5 : 8;
		c->strength = s < 1 ? 1 : s > most ? (int)most : (int)s;
		c->shared = shared_words(rk, &src, raw, concepts, terms, nc, dc, &r->arena);
	}
	free(concepts);
	free(terms);
out:
	tg_sg_text_free(&src);
	free(raw);
}

tg_sg_result *
tg_sg_rank(const tg_data *d, const tg_catalog *source, const tg_catalog *target,
    const tg_industry *ind, size_t top, float min_score)
{
	tg_sg_result *r = tg_xcalloc(1, sizeof *r);
	tg_arena_init(&r->arena);
	r->source = source;
	r->target = target;
	r->top = top;
	r->min_score = min_score;
	ranker rk;
	memset(&rk, 0, sizeof rk);
	rk.data = d;
	rk.source = source;
	rk.target = target;
	rk.ind = ind;
	rk.tset = tset_of(d, target);
	rk.dict = tg_sg_dict_new();
	for (size_t i = 0; i < TG_DATA_COUNT(d, termsets, tg_termset); i++) {
		const tg_termset *ts = TG_DATA_AT(d, termsets, tg_termset, i);
		for (size_t g = 0; g < ts->ngroups; g++)
			tg_sg_dict_add_group(rk.dict, ts->groups[g].terms, ts->groups[g].nterms,
			    ts->groups[g].synonyms);
	}
	r->nconcepts = tg_sg_dict_concepts(rk.dict);
	if (ind != NULL && ind->nterms > 0) {
		rk.ind_terms = tg_xcalloc(ind->nterms, sizeof *rk.ind_terms);
		rk.nind = ind->nterms;
		for (size_t k = 0; k < ind->nterms; k++) {
			tg_sg_text *t = &rk.ind_terms[k];
			tg_sg_normalize(t, ind->terms[k].term);
			while (t->n > 0 && t->cp[t->n - 1] == 0)
				t->n--;
			if (t->n == 0)
				t->n = (size_t)-1 / 2;	/* an empty term never matches */
		}
	}
	index_targets(&rk);
	r->ntargets = rk.ndocs;
	build_related(&rk);
	size_t n = 0;
	for (size_t i = 0; i < source->nitems; i++)
		n += compared(source->items[i]);
	r->rows = TG_ARENA_ARRAY(&r->arena, tg_sg_row, n ? n : 1);
	tg_sg_hit *hits = tg_xmalloc((top ? top : 1) * sizeof *hits);
	for (size_t i = 0; i < source->nitems; i++) {
		if (!compared(source->items[i]))
			continue;
		tg_sg_row *row = &r->rows[r->nrows++];
		row->source = source->items[i];
		rank_item(&rk, r, row, hits, top);
	}
	free(hits);
	for (size_t i = 0; i < rk.ndocs; i++) {
		free(rk.docs[i].bigrams);
		free(rk.docs[i].concepts);
		free(rk.docs[i].concept_term);
	}
	free(rk.docs);
	for (size_t i = 0; i < rk.ndocs; i++)
		tg_buf_free(&rk.related[i]);
	free(rk.related);
	free(rk.score);
	free(rk.boost);
	free(rk.parent);
	for (size_t k = 0; k < rk.nind; k++)
		tg_sg_text_free(&rk.ind_terms[k]);
	free(rk.ind_terms);
	tg_sg_index_free(rk.ix);
	tg_sg_dict_free(rk.dict);
	tg_sg_text_free(&rk.norm);
	tg_buf_free(&rk.feats);
	tg_buf_free(&rk.hits);
	return r;
}

void
tg_sg_result_free(tg_sg_result *r)
{
	if (r == NULL)
		return;
	tg_arena_free(&r->arena);
	free(r);
}

static const char *
label(const tg_catalog *c)
{
	return c->short_title ? c->short_title : c->title ? c->title : c->id;
}

tg_crosswalk *
tg_sg_crosswalk(tg_sg_result *r)
{
	tg_arena *a = &r->arena;
	tg_crosswalk *xw = TG_ARENA_NEW(a, tg_crosswalk);
	tg_buf b = TG_BUF_INIT;
	tg_buf_printf(&b, "%s--%s", r->source->id, r->target->id);
	xw->id = tg_arena_strdup(a, b.data);
	tg_buf_clear(&b);
	tg_buf_printf(&b, "%s → %s 突合表(提案)", label(r->source), label(r->target));
	xw->title = tg_arena_strdup(a, b.data);
	tg_buf_clear(&b);
	tg_buf_printf(&b, "totsugo suggest が、%s の各項目と %s の各項目の文章の類似度(文字の2・3文字の並び"
	    "とBM25による重み付け、用語辞書の同義語・関連語)から提案した対応付け。どの対応も未確認"
	    "(suggested)であり、関係は一律に「一部重複」、強度は類似度から機械的に付けた仮の値である。"
	    "一件ずつ双方の原文と照らして確認し、確認したものを reviewed にすること。", label(r->source),
	    label(r->target));
	xw->description = tg_arena_strdup(a, b.data);
	xw->source_id = r->source->id;
	xw->target_id = r->target->id;
	xw->status = TG_STATUS_SUGGESTED;
	xw->prov.kind = TG_PROV_AUTHORED;
	xw->prov.source = "totsugo suggest: 文章の類似度による機械的な提案";
	xw->rows = TG_ARENA_ARRAY(a, tg_xw_row, r->nrows ? r->nrows : 1);
	xw->nrows = r->nrows;
	for (size_t i = 0; i < r->nrows; i++) {
		const tg_sg_row *sr = &r->rows[i];
		tg_xw_row *row = &xw->rows[i];
		row->source_id = sr->source->id;
		row->source = (tg_item *)sr->source;
		if (sr->ncands == 0) {
			row->status = TG_STATUS_UNMAPPED;
			tg_buf_clear(&b);
			if (sr->empty)
				tg_buf_puts(&b, "項目名も内容も不明のため、類似度で提案できない。");
			else if (sr->best != NULL)
				tg_buf_printf(&b, "類似度が %.2f 以上の候補がない(最も近い候補は %s、類似度 %.2f)。",
				    r->min_score, sr->best->id, sr->best_score);
			else
				tg_buf_puts(&b, "共通する語のある候補がない。");
			row->note = tg_arena_strdup(a, b.data);
			continue;
		}
		row->status = TG_STATUS_SUGGESTED;
		row->targets = TG_ARENA_ARRAY(a, tg_xw_target, sr->ncands);
		row->ntargets = sr->ncands;
		for (size_t k = 0; k < sr->ncands; k++) {
			const tg_sg_cand *c = &sr->cands[k];
			tg_xw_target *t = &row->targets[k];
			t->target_id = c->target->id;
			t->target = (tg_item *)c->target;
			t->relationship = TG_REL_INTERSECTS_WITH;
			t->strength = c->strength;
			t->rationale = TG_RAT_SYNTACTIC;
			t->status = TG_STATUS_SUGGESTED;
			tg_buf_clear(&b);
			tg_buf_printf(&b, "類似度 %.2f(%zu位)", c->score, k + 1);
			if (*c->shared)
				tg_buf_printf(&b, "。共通する語: %s", c->shared);
			t->note = tg_arena_strdup(a, b.data);
		}
	}
	tg_buf_free(&b);
	return xw;
}
