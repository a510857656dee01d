/* An inverted index of weighted features with BM25 scoring.  Built once for
 * the target catalog; each query touches only the postings of its own
 * features, so thousands of source items are scored in well under a second. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "suggest.h"

/* BM25's usual constants: term frequency saturation and length norm. */
#define K1 1.2f
#define B 0.75f

/* Feature key -> term id, open addressing on 64-bit keys. */
typedef struct keymap {
	uint64_t *keys;
	uint32_t *ids;	/* id + 1; 0 = empty */
	size_t cap, count;
} keymap;

static size_t
hash64(uint64_t k)
{
	k ^= k >> 33;
	k *= UINT64_C(0xff51afd7ed558ccd);
	k ^= k >> 33;
	k *= UINT64_C(0xc4ceb9fe1a85ec53);
	k ^= k >> 33;
	return (size_t)k;
}

static uint32_t
keymap_get(const keymap *m, uint64_t key)
{
	if (m->cap == 0)
		return 0;
	for (size_t i = hash64(key) & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
		if (m->ids[i] == 0)
			return 0;
		if (m->keys[i] == key)
			return m->ids[i];
	}
}

static void keymap_put(keymap *m, uint64_t key, uint32_t id);

static void
keymap_grow(keymap *m)
{
	keymap old = *m;
	m->cap = old.cap ? 2 * old.cap : 1024;
	m->keys = tg_xcalloc(m->cap, sizeof *m->keys);
	m->ids = tg_xcalloc(m->cap, sizeof *m->ids);
	m->count = 0;
	for (size_t i = 0; i < old.cap; i++)
		if (old.ids[i] != 0)
			keymap_put(m, old.keys[i], old.ids[i]);
	free(old.keys);
	free(old.ids);
}

static void
keymap_put(keymap *m, uint64_t key, uint32_t id)
{
	if ((m->count + 1) * 2 > m->cap)
		keymap_grow(m);
	size_t i = hash64(key) & (m->cap - 1);
	while (m->ids[i] != 0 && m->keys[i] != key)
		i = (i + 1) & (m->cap - 1);
	if (m->ids[i] == 0)
		m->count++;
	m->keys[i] = key;
	m->ids[i] = id;
}

static void
keymap_free(keymap *m)
{
	free(m->keys);
	free(m->ids);
	memset(m, 0, sizeof *m);
}

typedef struct posting {
	uint32_t term, doc;
	float tf;
} posting;

struct tg_sg_index {
	keymap terms;
	size_t nterms, ndocs;
	tg_buf raw;		/* posting, while building */
	tg_buf doclen;		/* float per doc */
	tg_buf prior;		/* float per doc: a factor on its scores */
	/* frozen: postings grouped by term */
	uint32_t *start;	/* [nterms + 1] */
	uint32_t *pdoc;
	float *ptf;		/* BM25's tf part, length-normalised */
	float *idf;
	float avglen;
	/* per query */
	float *acc;
	unsigned char *seen;	/* the doc is in touched */
	uint32_t *touched;
	keymap qmap;
	tg_buf qterms;		/* struct qterm */
};

typedef struct qterm {
	uint32_t term;	/* 0: not in the index */
	float w;
} qterm;

tg_sg_index *
tg_sg_index_new(void)
{
	return tg_xcalloc(1, sizeof(tg_sg_index));
}

void
tg_sg_index_free(tg_sg_index *ix)
{
	if (ix == NULL)
		return;
	keymap_free(&ix->terms);
	keymap_free(&ix->qmap);
	tg_buf_free(&ix->raw);
	tg_buf_free(&ix->doclen);
	tg_buf_free(&ix->prior);
	tg_buf_free(&ix->qterms);
	free(ix->start);
	free(ix->pdoc);
	free(ix->ptf);
	free(ix->idf);
	free(ix->acc);
	free(ix->seen);
	free(ix->touched);
	free(ix);
}

size_t
tg_sg_index_docs(const tg_sg_index *ix)
{
	return ix->ndocs;
}

static int
compare_postings(const void *pa, const void *pb)
{
	const posting *a = pa, *b = pb;
	if (a->term != b->term)
		return a->term < b->term ? -1 : 1;
	return a->doc < b->doc ? -1 : a->doc > b->doc;
}

void
tg_sg_index_add(tg_sg_index *ix, const tg_sg_feat *f, size_t n, float prior)
{
	TG_BUF_PUSH(&ix->prior, float, prior);
	uint32_t doc = (uint32_t)ix->ndocs++;
	float len = 0;
	for (size_t i = 0; i < n; i++) {
		if (!(f[i].w > 0))
			continue;
		uint32_t id = keymap_get(&ix->terms, f[i].key);
		if (id == 0) {
			id = (uint32_t)++ix->nterms;
			keymap_put(&ix->terms, f[i].key, id);
		}
		posting p = {id - 1, doc, f[i].w};
		TG_BUF_PUSH(&ix->raw, posting, p);
		len += f[i].w;
	}
	TG_BUF_PUSH(&ix->doclen, float, len);
}

static float
bm25(float tf, float len, float avglen)
{
	return tf * (K1 + 1) / (tf + K1 * (1 - B + B * len / avglen));
}

void
tg_sg_index_freeze(tg_sg_index *ix)
{
	size_t n = TG_BUF_COUNT(&ix->raw, posting);
	posting *p = (posting *)(void *)ix->raw.data;
	if (n > 1)
		qsort(p, n, sizeof *p, compare_postings);
	ix->start = tg_xcalloc(ix->nterms + 1, sizeof *ix->start);
	ix->pdoc = tg_xmalloc((n ? n : 1) * sizeof *ix->pdoc);
	ix->ptf = tg_xmalloc((n ? n : 1) * sizeof *ix->ptf);
	/* Repeats of a feature in a document are summed into one posting. */
	size_t w = 0;
	for (size_t i = 0; i < n; i++) {
		if (w > 0 && p[i].term == p[w - 1].term && p[i].doc == p[w - 1].doc) {
			p[w - 1].tf += p[i].tf;
			continue;
		}
		p[w++] = p[i];
	}
	for (size_t i = 0; i < w; i++) {
		ix->start[p[i].term + 1]++;
		ix->pdoc[i] = p[i].doc;
		ix->ptf[i] = p[i].tf;
	}
	for (size_t t = 0; t < ix->nterms; t++)
		ix->start[t + 1] += ix->start[t];
	ix->idf = tg_xmalloc((ix->nterms ? ix->nterms : 1) * sizeof *ix->idf);
	for (size_t t = 0; t < ix->nterms; t++) {
		float df = (float)(ix->start[t + 1] - ix->start[t]);
		ix->idf[t] = logf(1.0f + ((float)ix->ndocs - df + 0.5f) / (df + 0.5f));
	}
	float total = 0;
	for (size_t d = 0; d < ix->ndocs; d++)
		total += TG_BUF_AT(&ix->doclen, float, d);
	ix->avglen = ix->ndocs ? total / (float)ix->ndocs : 1;
	if (ix->avglen <= 0)
		ix->avglen = 1;
	/* Each posting's saturated, length-normalised frequency, once. */
	for (size_t i = 0; i < w; i++)
		ix->ptf[i] = bm25(ix->ptf[i], TG_BUF_AT(&ix->doclen, float, ix->pdoc[i]), ix->avglen);
	tg_buf_free(&ix->raw);
	ix->acc = tg_xcalloc(ix->ndocs ? ix->ndocs : 1, sizeof *ix->acc);
	ix->seen = tg_xcalloc(ix->ndocs ? ix->ndocs : 1, 1);
	ix->touched = tg_xmalloc((ix->ndocs ? ix->ndocs : 1) * sizeof *ix->touched);
}

/* Better first: higher score, then lower doc. */
static bool
better(const tg_sg_hit *a, const tg_sg_hit *b)
{
	return a->score > b->score || (a->score == b->score && a->doc < b->doc);
}

/* Sums the query's BM25 contributions into acc[]; returns the number of
 * documents touched (listed in ix->touched) and the query's score against
 * itself in *self. */
static size_t
accumulate(tg_sg_index *ix, const tg_sg_feat *q, size_t n, float *self_out)
{
	/* The query's features, repeats summed. */
	tg_buf_clear(&ix->qterms);
	keymap *qm = &ix->qmap;
	if (qm->cap > 0) {
		memset(qm->ids, 0, qm->cap * sizeof *qm->ids);
		qm->count = 0;
	}
	float qlen = 0;
	for (size_t i = 0; i < n; i++) {
		if (!(q[i].w > 0))
			continue;
		uint32_t slot = keymap_get(qm, q[i].key);
		if (slot == 0) {
			qterm qt = {keymap_get(&ix->terms, q[i].key), 0};
			TG_BUF_PUSH(&ix->qterms, qterm, qt);
			slot = (uint32_t)TG_BUF_COUNT(&ix->qterms, qterm);
			keymap_put(qm, q[i].key, slot);
		}
		TG_BUF_AT(&ix->qterms, qterm, slot - 1).w += q[i].w;
		qlen += q[i].w;
	}
	size_t nq = TG_BUF_COUNT(&ix->qterms, qterm);
	const qterm *qt = (const qterm *)(const void *)ix->qterms.data;
	/* The query against itself, as if it were a document: what a perfect
	 * match would score.  Features the index lacks count with the largest
	 * idf, so that a text mostly unknown to the index scores low. */
	float maxidf = logf(1.0f + ((float)ix->ndocs + 0.5f) / 0.5f);
	float self = 0;
	for (size_t i = 0; i < nq; i++) {
		float idf = qt[i].term ? ix->idf[qt[i].term - 1] : maxidf;
		self += qt[i].w * idf * bm25(qt[i].w, qlen, ix->avglen);
	}
	*self_out = self;
	size_t ntouched = 0;
	for (size_t i = 0; i < nq; i++) {
		if (qt[i].term == 0)
			continue;
		uint32_t t = qt[i].term - 1;
		float wq = qt[i].w * ix->idf[t];
		for (uint32_t p = ix->start[t]; p < ix->start[t + 1]; p++) {
			uint32_t d = ix->pdoc[p];
			if (!ix->seen[d]) {
				ix->seen[d] = 1;
				ix->touched[ntouched++] = d;
			}
			ix->acc[d] += wq * ix->ptf[p];
		}
	}
	return ntouched;
}

void
tg_sg_index_scores(tg_sg_index *ix, const tg_sg_feat *q, size_t n, float *scores)
{
	float self;
	size_t ntouched = accumulate(ix, q, n, &self);
	memset(scores, 0, ix->ndocs * sizeof *scores);
	for (size_t i = 0; i < ntouched; i++) {
		uint32_t d = ix->touched[i];
		scores[d] = self > 0 ? TG_BUF_AT(&ix->prior, float, d) * ix->acc[d] / self : 0;
		ix->acc[d] = 0;
		ix->seen[d] = 0;
	}
}

size_t
tg_sg_index_query(tg_sg_index *ix, const tg_sg_feat *q, size_t n, size_t k, tg_sg_hit *hits)
{
	if (k == 0)
		return 0;
	float self;
	size_t ntouched = accumulate(ix, q, n, &self);
	/* The k best by insertion into a sorted array (k is small). */
	size_t nh = 0;
	for (size_t i = 0; i < ntouched; i++) {
		uint32_t d = ix->touched[i];
		tg_sg_hit h = {d, self > 0 ? TG_BUF_AT(&ix->prior, float, d) * ix->acc[d] / self : 0};
		ix->acc[d] = 0;
		ix->seen[d] = 0;
		if (nh == k && !better(&h, &hits[k - 1]))
			continue;
		size_t j = nh < k ? nh++ : k - 1;
		while (j > 0 && better(&h, &hits[j - 1])) {
			hits[j] = hits[j - 1];
			j--;
		}
		hits[j] = h;
	}
	return nh;
}
